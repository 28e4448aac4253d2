"""A long document's sentences as a Sentences sequence (text.segment): the same Segments as the list
a short document gets, three numbers a sentence; and check gives the same findings with either."""

from __future__ import annotations

import pytest

from termcheck.align import scale
from termcheck.check import check_pair
from termcheck.glossary import load_glossary
from termcheck.match import Matcher
from termcheck.model import Document, Segment
from termcheck.text import segment
from termcheck.text.segment import Sentences, bounds, paragraph_numbers, paragraphs, sentences

# headings, list items, abbreviations, a glued list marker, letterless pieces and quotes: every
# path of the splitter, over several paragraphs
TEXT = """# Heading one. Still the heading

The U.S. envoy met Dr. Smith. He left at 5 p.m. on Monday! Did he? Yes [5] .
(...) Then J. Smith spoke: «Wait… we go on». Done.

- first item. second part
- 2. numbered. Another one?

قال المسؤول إن المحادثات انتهت. ثم غادر.ب. نص آخر؟ نعم.
"""


@pytest.fixture
def compact_from(monkeypatch):
    def lower(count: int) -> None:
        monkeypatch.setattr(segment, "COMPACT_SENTENCES", count)
    return lower


def test_compact_sentences_are_the_same_segments_as_the_list(compact_from):
    doc = Document("a.md", TEXT, "en")
    as_list = sentences(doc, paragraphs(doc))
    assert isinstance(as_list, list)
    compact_from(3)
    compact = sentences(doc, paragraphs(doc))
    assert isinstance(compact, Sentences)
    assert list(compact) == as_list and compact == as_list and len(compact) == len(as_list)
    assert [compact[k] for k in range(len(compact))] == as_list
    assert compact[-1] == as_list[-1] and compact[-len(as_list)] == as_list[0]
    assert compact[3:7] == as_list[3:7] and compact[::-5] == as_list[::-5]
    for outside in (len(as_list), -len(as_list) - 1):
        with pytest.raises(IndexError):
            compact[outside]
    assert compact[2] is compact[2]  # the last Segments made are handed out again
    assert [list(column) for column in bounds(compact)] == list(bounds(as_list)) == [
        [s.start for s in as_list], [s.end for s in as_list]]
    assert list(paragraph_numbers(compact)) == paragraph_numbers(as_list) == [s.paragraph for s in as_list]
    # as the list was before Sentences existed (the spans are now made one at a time)
    assert [(s.start, s.end, s.paragraph) for s in as_list] == [
        (2, 32, 0), (34, 63, 1), (64, 92, 1), (93, 100, 1), (101, 116, 1), (117, 155, 1), (156, 161, 1), (165, 188, 2),
        (191, 203, 3), (204, 216, 3), (218, 249, 4), (250, 258, 4), (258, 268, 4), (269, 273, 4)]
    assert isinstance(as_list[0], Segment) and as_list[0].kind == "sentence"


def _pair(lines: int) -> tuple[Document, Document]:
    ar = [f"قالت كتائب حزب الله إن الجلسة {k * 10 + 7} انتهت." for k in range(lines)]
    en = [f"Kataib Hizbollah said that session {k * 10 + 7} was over." for k in range(lines) if k != 77]
    en[123] = en[123].replace("1247", "1248")
    return Document("ar.md", "\n".join(ar) + "\n", "ar"), Document("en.md", "\n".join(en) + "\n", "en")


def test_check_finds_the_same_with_compact_sentences(compact_from, monkeypatch, tmp_path):
    path = tmp_path / "g.csv"
    path.write_text("id,en,ar,en_allowed,en_forbidden,ar_allowed,ar_forbidden,note\n"
                    "kataib-hezbollah,Kataib Hezbollah,كتائب حزب الله,KH,Kataib Hizbollah,,,\n", encoding="utf-8")
    matcher = Matcher(load_glossary(str(path)))
    monkeypatch.setattr(scale, "SCALE_SENTENCES", 100)  # the linear walk, as a long pair takes it
    source, target = _pair(400)
    with_lists = check_pair(source, target, matcher)
    compact_from(100)
    compact = check_pair(source, target, matcher)
    assert isinstance(compact.alignment.target_sentences, Sentences) and compact.alignment.linear
    assert [f.to_dict() for f in compact.findings] == [f.to_dict() for f in with_lists.findings]
    assert list(compact.alignment.sentence_beads) == list(with_lists.alignment.sentence_beads)
    assert compact.alignment.paragraph_beads == with_lists.alignment.paragraph_beads
    rules = sorted({f.rule for f in compact.findings})
    assert rules == ["TC101", "TC204", "TC205"] and len(compact.findings) == 399 + 1 + 1


def test_lines_are_those_of_splitlines_one_at_a_time():
    import random

    rng = random.Random(11)
    pieces = ["a", "ب", " ", "\n", "\r", "\r\n", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029", "\t"]
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        assert list(segment._lines(text)) == text.splitlines(keepends=True), repr(text)

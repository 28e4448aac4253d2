"""The scale path of the aligner (termcheck.align.scale): exact findings on a long generated pair.

The threshold is lowered for these tests (a 2,000-line pair instead of 20,000+ sentences) so they
run in about a second; the walk, its windows and the paragraph groups are the same code.
"""

from __future__ import annotations

import pytest

from termcheck.align import align_documents, scale
from termcheck.check import check_pair
from termcheck.glossary import load_glossary
from termcheck.match import Matcher
from termcheck.model import Bead, Document, Segment

GLOSSARY = (
    "id,en,ar,en_allowed,en_forbidden,ar_allowed,ar_forbidden,note\n"
    "kataib-hezbollah,Kataib Hezbollah,كتائب حزب الله,KH,Kataib Hizbollah,,,\n"
)
FILL_EN = ["and talked", "for hours", "about the budget", "with the mayor"]
FILL_AR = ["وتحدث", "لساعات", "عن الميزانية", "مع رئيس البلدية"]
LINES = 2000
DROPPED = 777  # source line index with no English counterpart
WRONG = 1234  # its English has the session number plus one
TERM_EVERY = 50  # these lines name Kataib Hezbollah, in English by the forbidden form


def _number(k: int) -> int:
    return k * 10 + 7  # never a rounding of another line's number (numbers_xlang accepts roundings)


def _pair(lines: int = LINES) -> tuple[Document, Document]:
    """Sentence-per-line Arabic and English, a blank line after every tenth line of each side."""
    ar, en = [], []
    for k in range(lines):
        fill = k % 5
        if k % TERM_EVERY == 0:
            a = f"قالت كتائب حزب الله إن الجلسة {_number(k)} انتهت."
            e = f"Kataib Hizbollah said that session {_number(k)} was over."
        else:
            a = " ".join([f"انتهت الجلسة {_number(k)} للمجلس", *FILL_AR[:fill], "في وقت متأخر."])
            e = " ".join([f"Session {_number(k)} of the council", *FILL_EN[:fill], "ended late."])
        if k == WRONG:
            e = e.replace(str(_number(k)), str(_number(k) + 1))
        ar.append(a)
        if k != DROPPED:
            en.append(e)
    return Document("ar.md", _paragraphs(ar), "ar"), Document("en.md", _paragraphs(en), "en")


def _paragraphs(lines: list[str]) -> str:
    out = []
    for k, line in enumerate(lines):
        out.append(line)
        if k % 10 == 9:
            out.append("")
    return "\n".join(out) + "\n"


def _line(index: int) -> int:
    """1-based file line of the index-th sentence line (a blank line follows every tenth)."""
    return index + index // 10 + 1


@pytest.fixture
def low_threshold(monkeypatch):
    monkeypatch.setattr(scale, "SCALE_SENTENCES", 500)


@pytest.fixture
def matcher(tmp_path):
    path = tmp_path / "g.csv"
    path.write_text(GLOSSARY, encoding="utf-8")
    return Matcher(load_glossary(str(path)))


def test_a_long_pair_is_aligned_linearly_with_exact_findings(low_threshold, matcher):
    source, target = _pair()
    result = check_pair(source, target, matcher)
    assert result.alignment.linear
    assert any("aligned in linear time" in w for w in result.alignment.warnings)
    got = sorted((f.rule, f.location.path, f.location.line, f.location.column, f.found) for f in result.findings)

    def english_index(k: int) -> int:
        return k - (k > DROPPED)

    expected = [("TC101", "en.md", _line(english_index(k)), 1, "Kataib Hizbollah") for k in range(0, LINES, TERM_EVERY)]
    expected.append(("TC204", "en.md", _line(english_index(WRONG)), 9, str(_number(WRONG) + 1)))
    dropped = " ".join([f"انتهت الجلسة {_number(DROPPED)} للمجلس", *FILL_AR[:DROPPED % 5], "في وقت متأخر."])
    expected.append(("TC205", "ar.md", _line(DROPPED), 1, dropped))
    assert got == sorted(expected)
    # every forbidden form is tied to its own source line, found by the alignment
    sources = {f.location.line: f.source.line for f in result.findings if f.rule == "TC101"}
    assert sources == {_line(english_index(k)): _line(k) for k in range(0, LINES, TERM_EVERY)}


def test_the_sentence_beads_cover_both_sides_in_order_with_the_drop_one_sided(low_threshold):
    source, target = _pair()
    alignment = align_documents(source, target)
    beads = alignment.sentence_beads
    assert [i for b in beads for i in b.source] == list(range(LINES))
    assert [j for b in beads for j in b.target] == list(range(LINES - 1))
    assert Bead((DROPPED,), ()) in [Bead(b.source, b.target) for b in beads]
    assert all(len(b.source) == len(b.target) == 1 for b in beads if b.source != (DROPPED,))
    # paragraph beads: contiguous groups of both sides' paragraphs, every paragraph once
    paragraphs = alignment.paragraph_beads
    assert [p for b in paragraphs for p in b.source] == list(range(len(alignment.source_paragraphs)))
    assert [q for b in paragraphs for q in b.target] == list(range(len(alignment.target_paragraphs)))


def test_below_the_threshold_the_full_programme_aligns(matcher):
    source, target = _pair(300)
    alignment = align_documents(source, target, matcher)
    assert not alignment.linear
    assert not any("linear time" in w for w in alignment.warnings)


def test_paragraph_groups_join_the_paragraphs_a_bead_connects():
    def sentences(paragraph_of: list[int]) -> list[Segment]:
        return [Segment(k, k, k + 1, "sentence", p) for k, p in enumerate(paragraph_of)]

    src = sentences([0, 0, 1, 2, 3])
    tgt = sentences([0, 1, 1, 2])
    beads = [Bead((0,), (0,)), Bead((1,), (1,)), Bead((2,), (2,)), Bead((3,), ()), Bead((4,), (3,))]
    groups = scale.paragraph_groups(beads, src, tgt, 4, 3)
    assert [(g.source, g.target) for g in groups] == [((0, 1), (0, 1)), ((2,), ()), ((3,), (2,))]


def test_one_long_side_is_enough_and_the_short_side_keeps_its_glossary_terms(low_threshold, matcher):
    source, _ = _pair()
    target = Document("en.md", "Kataib Hezbollah said it was over.\n", "en")  # a term, no number
    alignment = align_documents(source, target, matcher)
    assert alignment.linear
    paired = [b for b in alignment.sentence_beads if b.target]
    assert len(paired) == 1 and paired[0].target == (0,)
    assert [k % TERM_EVERY for k in paired[0].source] == [0]  # a line that names the concept
    assert len(alignment.sentence_beads) == LINES

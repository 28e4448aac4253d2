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
from termcheck.rules import bilingual
from termcheck.text.numbers import extract_numbers

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


@pytest.mark.parametrize("stretch", [bilingual.STRETCH_CHARS, 3000])
def test_a_long_pair_is_aligned_linearly_with_exact_findings(low_threshold, matcher, monkeypatch, stretch):
    monkeypatch.setattr(bilingual, "STRETCH_CHARS", stretch)  # 3000: TC204 finds the numbers a stretch at a time
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


def test_a_stretch_index_finds_what_one_index_of_the_whole_text_finds(low_threshold, monkeypatch):
    monkeypatch.setattr(bilingual, "STRETCH_CHARS", 2000)
    source, target = _pair()
    alignment = align_documents(source, target)
    whole = bilingual.SpanIndex(extract_numbers(target.text, "en"), lambda n: n.start)
    stretches = bilingual.StretchIndex(target.text, alignment.target_sentences, lambda t: extract_numbers(t, "en"))
    views = bilingual.bead_views(alignment)
    asked = [v.target_spans for v in views] + [v.target_group for v in views] + [((0, len(target.text)),)]
    for spans in asked:
        assert stretches.within(spans) == whole.within(spans)
    assert len(whole.within(((0, len(target.text)),))) == LINES - 1


def test_linear_views_are_made_from_the_beads_and_find_the_bead_at_a_target_offset(low_threshold):
    source, target = _pair()
    alignment = align_documents(source, target)
    views = bilingual.bead_views(alignment)
    assert isinstance(views, bilingual.LinearViews) and isinstance(alignment.sentence_beads, scale.LinearBeads)
    assert [v.bead for v in views] == list(alignment.sentence_beads) == [views[k].bead for k in range(len(views))]
    for k in (0, 500, DROPPED, len(views) - 1):
        view = views[k]
        if view.target_spans:
            start, end = view.target_spans[0]
            assert alignment.target_sentences[view.bead.target[0]].start == start
            assert views.at_target(start) == view and views.at_target(end - 1) == view
            assert views.at_target(end) != view  # the line break after it belongs to no bead
        else:
            assert k == next(i for i, b in enumerate(alignment.sentence_beads) if b.source == (DROPPED,))


def test_confidences_and_signatures_keep_their_values_as_rows():
    confidences = scale.Confidences()
    values = [1.0, 0.6621, 1.0, 0.0, -0.0, 0.6621, 0.123456789]
    for value in values:
        confidences.append(value)
    assert list(confidences) == values and [str(c) for c in confidences] == [str(v) for v in values]
    assert confidences[4] == 0.0 and str(confidences[4]) == "-0.0" and confidences[1:3] == [0.6621, 1.0]
    for value in range(300):  # past 256 distinct values the rows widen
        confidences.append(value / 1000)
    assert confidences.rows.typecode == "H" and confidences[-1] == 0.299 and confidences[3] == 0.0
    confidences.truncate(2)
    assert list(confidences) == [1.0, 0.6621]
    signatures = scale.Signatures(4)
    signatures.add(1, ("c", "x"))
    signatures.add(1, ("n", "5"))
    signatures.add(3, ("c", "x"))
    assert list(signatures) == [None, frozenset({("c", "x"), ("n", "5")}), None, frozenset({("c", "x")})]
    assert len(signatures.table) == 3  # None, {x}, {x, 5}: sentence 3's {x} shares the row sentence 1 had first
    assert signatures.rows[3] == 1

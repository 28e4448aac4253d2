"""Fast paths give exactly what the plain paths they stand for give (issue 12: speed without a
change in findings)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from termcheck.text.normalize import normalize, normalize_form

# Letters, every kind of character normalization folds, deletes, expands or collapses.
PIECES = ["a", "B", "x", " ", "  ", "\n", "\t", "\u00a0", "\u064b", "\u0640", "\u0670", "\u200f", "\u00ad", "\ufeff",
          "\ufefb", "\ufe8d", "ب", "ى", "ة", "أ", "İ", "Σ", "é", "ḥ", "’", "\u2011", "٣", "-", "."]
texts = st.lists(st.sampled_from(PIECES), max_size=30).map("".join)
folds = st.tuples(st.booleans(), st.booleans())


@settings(max_examples=400)
@given(texts, folds)
def test_normalize_form_is_the_normalized_text_trimmed(text, fold):
    options = dict(fold_alef_maqsura=fold[0], fold_ta_marbuta=fold[1])
    assert normalize_form(text, **options) == normalize(text, **options).text.strip()


@settings(max_examples=400)
@given(texts, st.lists(st.integers(0, 40), max_size=12))
def test_spans_of_ordered_disjoint_spans_are_span_of_each(text, cuts):
    norm = normalize(text)
    points = sorted({min(c, len(norm.text)) for c in cuts})
    spans = list(zip(points[::2], points[1::2]))  # in order, disjoint, some touching
    assert norm.spans(spans) == [norm.span(start, end) for start, end in spans]


def test_an_ascii_text_collapses_the_same_runs_as_any_text():
    text = "Two  spaces,\n\nthen   three and a tab\t here.  "
    norm = normalize(text)
    assert norm.text == "two spaces, then three and a tab here. "
    assert norm.span(4, 10) == (5, 11)  # "spaces", after the collapsed run
    assert normalize(text + "\u064b").text == norm.text  # the non-ASCII path agrees

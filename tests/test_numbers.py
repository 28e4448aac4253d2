"""Number extraction: values, kinds and exact original spans, in Arabic and English."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from termcheck.text.numbers import extract_numbers, format_number


def values(text: str, lang: str) -> list[tuple[str, float, str]]:
    return [(m.text, m.value, m.kind) for m in extract_numbers(text, lang)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("قتل 750 ألف شخص", [("750 ألف", 750_000, "count")]),
        ("بلغ 20 مليون دولار", [("20 مليون", 20_000_000, "count")]),
        ("نحو 3 مليارات", [("3 مليارات", 3_000_000_000, "count")]),
        ("1.5 مليون نسمة", [("1.5 مليون", 1_500_000, "count")]),
        ("قرابة 750 ألفاً", [("750 ألفاً", 750_000, "count")]),
        ("خمسة آلاف و٢٠ آلاف", [("خمسة آلاف", 5_000, "count"), ("٢٠ آلاف", 20_000, "count")]),
        ("٧٥٠٬٠٠٠ مقاتل", [("٧٥٠٬٠٠٠", 750_000, "count")]),
        ("نسبة ١٫٥ و۲۵", [("١٫٥", 1.5, "decimal"), ("۲۵", 25, "count")]),
        ("ارتفع 35% ثم ٣٥٪ و12 في المئة و7 بالمائة", [
            ("35%", 35, "percent"), ("٣٥٪", 35, "percent"), ("12 في المئة", 12, "percent"), ("7 بالمائة", 7, "percent"),
        ]),
        ("بنسبة %40", [("%40", 40, "percent")]),
        ("في عام 2019 و1,500 و1,5", [("2019", 2019, "year"), ("1,500", 1500, "count"), ("1,5", 1.5, "decimal")]),
        ("لـ2019 وبـ750 ألف", [("2019", 2019, "year"), ("750 ألف", 750_000, "count")]),
        ("فيروس كوفيد-19", [("19", 19, "name")]),
    ],
)
def test_arabic_numbers(text, expected):
    assert values(text, "ar") == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("about 750,000 fighters", [("750,000", 750_000, "count")]),
        ("20 million people and $3 billion", [("20 million", 20_000_000, "count"), ("3 billion", 3_000_000_000, "count")]),
        ("a $1.5bn deal, $20m, 4 mn", [("1.5bn", 1_500_000_000, "count"), ("20m", 20_000_000, "count"), ("4", 4, "count")]),
        ("20m away", [("20", 20, "count")]),
        ("1,500,000.25 units", [("1,500,000.25", 1_500_000.25, "decimal")]),
        ("35% and 12 per cent and 3 percent", [("35%", 35, "percent"), ("12 per cent", 12, "percent"), ("3 percent", 3, "percent")]),
        ("items 1,5 and 7", [("1", 1, "count"), ("5", 5, "count"), ("7", 7, "count")]),
        ("In 2019 and 1899 and 2101", [("2019", 2019, "year"), ("1899", 1899, "count"), ("2101", 2101, "count")]),
        ("2,019 votes", [("2,019", 2019, "count")]),
        ("COVID-19, G20 and F-16 jets", [("19", 19, "name"), ("20", 20, "name"), ("16", 16, "name")]),
        ("the 21st time in the 1990s", [("21st", 21, "ordinal"), ("1990s", 1990, "decade")]),
        ("three men and Twelve", [("three", 3, "word"), ("Twelve", 12, "count")]),
        ("the years 2014-2017", [("2014", 2014, "year"), ("2017", 2017, "year")]),
    ],
)
def test_english_numbers(text, expected):
    assert values(text, "en") == expected


def test_offsets_point_into_the_original_text():
    text = "وقال إن ‏٧٥٠ ألف شخص (35٪) غادروا"
    mentions = extract_numbers(text, "ar")
    assert [(m.start, m.end) for m in mentions] == [(9, 16), (22, 25)]
    assert [text[m.start:m.end] for m in mentions] == ["٧٥٠ ألف", "35٪"]


@pytest.mark.parametrize(
    "value, lang, kind, arabic, expected",
    [
        (750_000, "en", "count", False, "750,000"),
        (1_500_000.0, "en", "count", False, "1,500,000"),
        (1.5, "en", "decimal", False, "1.5"),
        (35, "en", "percent", False, "35%"),
        (2019, "en", "year", False, "2019"),
        (750_000, "ar", "count", True, "٧٥٠٬٠٠٠"),
        (2.25, "ar", "decimal", True, "٢٫٢٥"),
    ],
)
def test_format_number(value, lang, kind, arabic, expected):
    assert format_number(value, lang, kind, arabic) == expected


_PIECES = st.sampled_from([
    "1", "٢", "۳", "0", ",", ".", "٫", "٬", " ", "-", "%", "٪", "$", "ألف", "مليون", "مليارات", "bn", "m",
    "million", "per cent", "في المئة", "بالمئة", "a", "G", "و", "ب", "ـ", "st", "s", "three", "ثلاثة", "\n", "\u200f",
    "عشر", "عشرون", "مئة", "آلاف", "عامين", "الأول", "من", "آذار", "كانون الثاني", "أشهر", "نصف", "twenty", "hundred",
    "and", "half", "March", "first", "of", "years", "dozen", "ال",
])


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=25).map("".join), st.sampled_from(["ar", "en"]))
def test_every_mention_slices_the_original_text(text, lang):
    mentions = extract_numbers(text, lang)
    last_end = 0
    for m in mentions:
        assert 0 <= m.start < m.end <= len(text)
        assert text[m.start:m.end] == m.text
        assert m.start >= last_end  # in order, never overlapping
        last_end = m.end
        assert m.value >= 0


def test_has_arabic_indic_digits_reads_only_the_span_asked_for():
    from termcheck.text.numbers import has_arabic_indic_digits

    text = "page 3 of ٣ and ۵"
    assert has_arabic_indic_digits(text)
    assert not has_arabic_indic_digits("page 3 of 4")
    assert not has_arabic_indic_digits(text, 0, 10)
    assert has_arabic_indic_digits(text, 10, 11)  # ٣
    assert has_arabic_indic_digits(text, 16)  # ۵ (Persian)


def test_a_range_gives_its_one_scale_word_and_unit_to_both_ends():
    """بين 3.8 و4.6 مليارات دولار: the scale and the currency stand once, after the second number (a fresh
    article pair's false TC204 against the translation's '$3.8 billion'); 'page 3 and 4 million' is no range."""
    def read(text, lang):
        return [(str(m.value), m.unit) for m in extract_numbers(text, lang)]

    assert read("بين 3.8 و4.6 مليارات دولار", "ar") == [("3800000000", "usd"), ("4600000000", "usd")]
    assert read("between 3.8 and 4.6 billion", "en") == [("3800000000", None), ("4600000000", None)]
    assert read("من 20 إلى 30 ألف شخص", "ar") == [("20000", None), ("30000", None)]
    assert read("3 to 4 million people", "en") == [("3000000", None), ("4000000", None)]
    assert read("page 3 and 4 million people", "en") == [("3", None), ("4000000", None)]


def test_a_dual_before_the_pair_it_names_counts_nothing_apart():
    # في عامَي 2007 و2014: 'in 2007 and 2014' (a fresh pair's false TC204); عامين alone is two years
    assert [m.text for m in extract_numbers("في عامَي 2007 و2014", "ar")] == ["2007", "2014"]
    assert [(m.text, m.value) for m in extract_numbers("خلال عامين", "ar")] == [("عامين", 2)]

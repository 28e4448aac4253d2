"""Numbers written in words, duals, units and dates: values, kinds, units and exact spans."""

from __future__ import annotations

from decimal import Decimal

import pytest

from termcheck.text.numbers import extract_numbers, format_number


def read(text: str, lang: str) -> list[tuple[str, Decimal, str, str | None]]:
    return [(m.text, m.value, m.kind, m.unit) for m in extract_numbers(text, lang)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("نزح ثلاثة ملايين شخص", [("ثلاثة ملايين", 3_000_000, "count", None)]),
        ("خصصت ثلاثة مليارات دولار", [("ثلاثة مليارات", 3_000_000_000, "count", "usd")]),
        ("تبرعت بمئة ألف دولار", [("بمئة ألف", 100_000, "count", "usd")]),
        ("ثلاثمئة وخمسة وعشرون ألفا", [("ثلاثمئة وخمسة وعشرون ألفا", 325_000, "count", None)]),
        ("ثلاث مئة رجل وأحد عشر طفلا واثنتا عشرة امرأة", [
            ("ثلاث مئة", 300, "count", None), ("وأحد عشر", 11, "count", None), ("واثنتا عشرة", 12, "count", None)]),
        ("مليونان وخمسمئة ألف ومئتا ألف", [("مليونان وخمسمئة ألف", 2_500_000, "count", None), ("ومئتا ألف", 200_000, "count", None)]),
        ("عشرة آلاف وعشرون ألفا", [("عشرة آلاف", 10_000, "count", None), ("وعشرون ألفا", 20_000, "count", None)]),
        ("نصف مليون حالة", [("نصف مليون", 500_000, "count", None)]),
        ("استمر ستة أشهر", [("ستة", 6, "count", "month")]),
        ("ثلاثة وأربعة", [("ثلاثة", 3, "word", None), ("وأربعة", 4, "word", None)]),  # two numbers, not 7
        ("قضى عامين ولعامين وشهرين ويومين وساعتين بدولارين", [
            ("عامين", 2, "count", "year"), ("ولعامين", 2, "count", "year"), ("وشهرين", 2, "count", "month"),
            ("ويومين", 2, "count", "day"), ("وساعتين", 2, "count", "hour"), ("بدولارين", 2, "count", "usd")]),
        ("للممارسين العامين", []),  # general practitioners, not two years
        # ... unless a time adjective follows (a blind economy pair: خلال العامين المقبلين = the next two years)
        ("خلال العامين المقبلين وللعامين الماضيين", [
            ("العامين", 2, "count", "year"), ("وللعامين", 2, "count", "year")]),
        # a quarter of a scale word, before it or after و (as نصف)
        ("ربع مليون دينار ومليون وربع", [("ربع مليون", 250_000, "count", "dinar"), ("ومليون وربع", 1_250_000, "count", None)]),
        ("في الربع الثالث، ربع الموازنة", [("الثالث", 3, "ordinal", None)]),
        ("خلال الأربع والعشرين ساعة", [("الأربع والعشرين", 24, "word", "hour")]),  # with the article: weak
        ("آلاف الناس وملايين الدولارات", []),  # vague plurals are no number
        ("لست أدري، ألف كتابا", [("لست", 6, "word", None), ("ألف", 1000, "word", None)]),  # weak: other words too
        ("ارتفع عشرين في المئة", [("عشرين في المئة", 20, "percent", None)]),
        ("في الأول من آذار", [("الأول من آذار", 1, "date", "date:3")]),
        ("في ٣ كانون الثاني/يناير ٢٠٢٠", [("٣ كانون الثاني/يناير", 3, "date", "date:1"), ("٢٠٢٠", 2020, "year", None)]),
        ("في كانون الثاني وللمرة الثانية", [("الثانية", 2, "ordinal", None)]),  # the month's الثاني is no ordinal
        ("في 20 عاما و5 دولارات", [("20", 20, "count", "year"), ("5", 5, "count", "usd")]),
        # compound ordinals: aged 63 (a fresh blind pair wrote the age so), the 21st of March, the 15th
        ("وهي في الثالثة والستين من عمرها", [("الثالثة والستين", 63, "ordinal", None)]),
        ("في الحادي والعشرين من آذار", [("الحادي والعشرين من آذار", 21, "date", "date:3")]),
        ("في الخامسة عشرة من عمره", [("الخامسة عشرة", 15, "ordinal", None)]),
        # the 'one' of أحد عشر / إحدى عشرة before tens (a blind literary pair: died at 81, 41 letters)
        ("عن إحدى وثمانين سنة، إحدى وأربعين رسالة", [
            ("إحدى وثمانين", 81, "count", "year"), ("إحدى وأربعين", 41, "count", None)]),
        ("إحدى الرسائل", []),  # 'one of the letters': no number
    ],
)
def test_arabic_words(text, expected):
    assert read(text, "ar") == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("30 million people and $3 billion", [("30 million", 30_000_000, "count", None), ("3 billion", 3_000_000_000, "count", "usd")]),
        ("twenty-five, twenty four hours", [("twenty-five", 25, "count", None), ("twenty four", 24, "count", "hour")]),
        ("two hundred and fifty thousand", [("two hundred and fifty thousand", 250_000, "count", None)]),
        ("one million two hundred thousand", [("one million two hundred thousand", 1_200_000, "count", None)]),
        ("half a million, a million, a dozen", [
            ("half a million", 500_000, "count", None), ("a million", 1_000_000, "count", None), ("a dozen", 12, "word", None)]),
        ("seven months, two years, a three-year plan", [
            ("seven", 7, "count", "month"), ("two", 2, "count", "year"), ("three", 3, "count", "year")]),
        ("one of the three men", [("one", 1, "word", None), ("three", 3, "word", None)]),
        ("a quarter of a million people, a quarter million, a quarter of the budget", [
            ("a quarter of a million", 250_000, "count", None), ("a quarter million", 250_000, "count", None)]),
        ("the twenty-first century", [("twenty-first", 21, "ordinal", None)]),
        ("on March 11, January 3, 2020 and 11th March", [
            ("March 11", 11, "date", "date:3"), ("January 3", 3, "date", "date:1"), ("2020", 2020, "year", None),
            ("11th March", 11, "date", "date:3")]),
        ("the first of March, March 1st, may 5", [
            ("first of March", 1, "date", "date:3"), ("March 1st", 1, "date", "date:3"), ("5", 5, "count", None)]),
        ("$300+ billion, 2 metres, $2000", [
            ("300+ billion", 300_000_000_000, "count", "usd"), ("2", 2, "count", "metre"), ("2000", 2000, "count", "usd")]),
        # a number base stands for its digits on the other side (نظام 16), never required ('name')
        ("hexadecimal digit or octal escape expected", [("hexadecimal", 16, "name", None), ("octal", 8, "name", None)]),
    ],
)
def test_english_words(text, expected):
    assert read(text, "en") == expected


def test_word_spans_point_into_the_original_text():
    text = "وقال إنّ ثلاثةَ ملايينٍ نزحوا في الأوّل من آذار"
    assert [(text[m.start:m.end], m.start) for m in extract_numbers(text, "ar")] == [
        ("ثلاثةَ ملايينٍ", 9), ("الأوّل من آذار", 33)]


def test_a_400_digit_number_is_exact_and_never_overflows():
    digits = "4" * 400
    [mention] = extract_numbers(f"قتل {digits} شخصا", "ar")
    assert mention.kind == "name" and mention.value == int(digits)  # past MAX_DIGITS: an identifier
    [scaled] = extract_numbers("4" * 90 + " million", "en")
    assert scaled.kind == "count" and scaled.value == int("4" * 90 + "0" * 6)
    assert format_number(scaled.value, "en") == f"{int('4' * 90 + '0' * 6):,}"


@pytest.mark.parametrize(
    "value, lang, kind, unit, expected",
    [
        (100_000, "en", "count", "usd", "$100,000"),
        (6, "en", "count", "month", "6 months"),
        (1, "en", "count", "year", "1 year"),
        (1, "en", "date", "date:3", "March 1"),
        (1, "ar", "date", "date:3", "1 آذار/مارس"),
        (Decimal("0.5E+6"), "en", "count", None, "500,000"),
        (Decimal("1.50"), "en", "decimal", None, "1.5"),
    ],
)
def test_format_number_with_units_and_dates(value, lang, kind, unit, expected):
    assert format_number(value, lang, kind, unit=unit) == expected


@pytest.mark.parametrize(
    "text, lang, expected",
    [
        ("angiotensin I into angiotensin II; World War II. Then I left.", "en",
         [("I", 1, "name", None), ("II", 2, "name", None), ("II", 2, "name", None)]),
        ("(1) الحمى؛ (2) السعال.\n3. البند\nقال 5. وفي 4) هذا", "ar",
         [("1", 1, "ordinal", None), ("2", 2, "ordinal", None), ("3", 3, "ordinal", None), ("5", 5, "count", None),
          ("4", 4, "count", None)]),
    ],
)
def test_roman_numerals_and_list_markers_are_labels(text, lang, expected):
    assert read(text, lang) == expected


def test_equal_values_have_one_spelling_so_they_print_alike():
    arabic = extract_numbers("750 ألف و1.5 مليون وثلاثة ملايين، ونصف مليون و1.50", "ar")
    english = extract_numbers("750,000, 1,500,000, three million, 500,000 and 1.5", "en")
    assert [format(m.value, ".6g") for m in arabic] == [format(m.value, ".6g") for m in english]


def test_a_time_of_day_is_one_name():
    assert read("at 10:00 on 4 April; 2019: a year", "en") == [
        ("10:00", 10, "name", None), ("4 April", 4, "date", "date:4"), ("2019", 2019, "year", None)]


@pytest.mark.parametrize(
    "text, lang, expected",
    [
        ("مليون ونصف المليون وثلاثة ملايين ونصف وألفان ونصف", "ar", [
            ("مليون ونصف المليون", 1_500_000, "count", None), ("وثلاثة ملايين ونصف", 3_500_000, "count", None),
            ("وألفان ونصف", 2_500, "count", None)]),
        ("عشرات الآلاف والمليون الأول", "ar", [("الأول", 1, "ordinal", None)]),  # الآلاف، المليون alone: no number
        ("استمر سبعة أيام ونصف", "ar", [("سبعة أيام ونصف", Decimal("7.5"), "count", "day")]),
        ("seven and a half days", "en", [("seven and a half", Decimal("7.5"), "word", "day")]),
        ("one and a half million, a million and a half", "en", [
            ("one and a half million", 1_500_000, "count", None), ("a million and a half", 1_500_000, "count", None)]),
    ],
)
def test_and_a_half(text, lang, expected):
    assert read(text, lang) == expected


def test_a_dual_in_construct_is_two_only_with_its_fatha():
    """يومَي عمل (two working days, a blind catalogue) drops the dual's ن; written without the fatha,
    يومي is 'daily' and شهري 'monthly'."""
    found = [(n.text, n.value, n.unit) for n in extract_numbers("خلال يومَي عمل وشهرَي الصيف", "ar")]
    assert found == [("يومَي", Decimal(2), "day"), ("وشهرَي", Decimal(2), "month")]
    assert extract_numbers("تقرير يومي وملخص شهري", "ar") == []


def test_the_dual_of_person_is_two_and_twice_is_not_read():
    """لشخصين بالغين (for 2 adults, a blind catalogue): شخص's plural is broken (أشخاص), so شخصين is a
    dual; مرتين is left alone (it says 'twice', which the English reader does not count)."""
    assert [(n.text, n.value, n.unit) for n in extract_numbers("تتسع لشخصين بالغين", "ar")] == [
        ("لشخصين", Decimal(2), "person")]
    assert extract_numbers("حاول مرتين", "ar") == []


def test_a_word_is_read_as_a_number_word_whatever_its_letters_let_through():
    """Words with a letter no number word has are not normalized (speed); every lexicon word, with
    each proclitic and article prefix, in its raw spellings (hamza on alef, ى, diacritics), still reads."""
    from termcheck.text import number_words

    words = [*number_words._AR_UNITS, *number_words._AR_TENS, *number_words._AR_SCALES, *number_words._AR_ORDINALS,
             *(form for forms in number_words._AR_DUALS.values() for form in forms)]
    assert len(words) > 60
    for word in words:
        for prefix in ("", "و", "ب", "ل", "وب", "بال", "وال"):
            assert not number_words._NEVER_IN_NUMBER_WORDS.search(prefix + word), prefix + word
            assert not number_words._NEVER_IN_NUMBER_WORDS.search(prefix + "\u064e".join(word))
    assert read("جثلاثة ثلاثة", "ar") == [("ثلاثة", 3, "word", None)]
    assert number_words._NEVER_IN_NUMBER_WORDS.search("جثلاثة")


def test_a_scaled_number_and_its_smaller_part_after_wa_are_one_number():
    # a blind election pair: ٤٦١ ألفاً و٨٠٠ صوت is 461,800 votes, not 461,000 and a stray 800
    from termcheck.text.numbers import extract_numbers

    found = [(m.text, m.value) for m in extract_numbers("نالت ٤٦١ ألفاً و٨٠٠ صوت، وقتل 12 ألفا و5 آلاف جريح", "ar")]
    assert found == [("٤٦١ ألفاً و٨٠٠", 461_800), ("12 ألفا", 12_000), ("5 آلاف", 5_000)]


def test_the_number_word_prefilter_lets_every_lexicon_word_through_however_it_is_prefixed_or_written():
    """_arabic_numbers skips a text whose folded whole holds no number-word ending: every lexicon
    word, with each proclitic and article prefix, in construct (its ن dropped, with the fatha), with
    marks and a hamza seat, must still be read; a text of other words must not be."""
    from termcheck.text import number_words

    nothing_covered = lambda start, end: False  # noqa: E731
    written = []
    for key in number_words._AR_ENTRIES:
        bare = key[len(number_words.ARTICLE):] if key.startswith(number_words.ARTICLE) else key
        for prefix in ("", "و", "ب", "لل", "بال", "وال", "فال", "ولل", "ال"):
            written += [f"في {prefix}{key} ما", f"في {prefix}{bare} ما", f"{prefix}{key[:-1]}َي عمل"]
    written += ["بألفَي دولار", "الأوَّل", "عشرين", "العامين الماضيين"]
    read = [text for text in written if number_words._arabic_tokens(text, nothing_covered)]
    assert len(read) > 1000
    assert [text for text in read if not number_words._NUMBER_WORD_ENDING.search(
        number_words._fold(number_words.normalize_form(text)))] == []
    assert number_words._arabic_numbers("تم حفظ الملف بنجاح", nothing_covered) == []
    assert number_words._NUMBER_WORD_ENDING.search("تم حفظ الملف بنجاح") is None


def test_english_words_that_only_join_numbers_make_none_alone_and_the_prefilter_keeps_every_number_word():
    """_english_numbers skips a text with no lexicon word that makes a number (a, an, and, of, half
    and quarter only join them); every other lexicon word, in each case the scan knows, passes."""
    from termcheck.text import number_words

    joiners = {f for f, (category, _) in number_words._EN_ENTRIES.items()
               if category in ("a", "and", "of", "half", "quarter")}
    assert joiners == {"a", "an", "and", "of", "half", "quarter"}
    for form in set(number_words._EN_ENTRIES) - joiners:
        for written in (form, form.capitalize(), form.upper()):
            assert number_words._EN_NUMBER_WORD.search(f"about {written}."), written
    assert read("half of a quarter and an apple", "en") == []
    assert read("a hundred and half a million", "en")  # still read where a number word stands

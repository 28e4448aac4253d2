"""TC204 with numbers in words, units, dates, years and target-only figures (issue 10).

The pairs are one sentence each, aligned 1-1 by hand (tests.test_check_rules.one_to_one), so
these tests exercise the rule, not the aligner."""

from __future__ import annotations

import pytest

from tests.test_check_rules import loc, numbers, one_to_one


@pytest.mark.parametrize(
    "source, target, found, expected, message",
    [
        ("نزح ثلاثة ملايين شخص بسبب الحرب.", "The war displaced 30 million people.", "30 million", "3 million",
         "'30 million' does not match the source 'ثلاثة ملايين'; expected 3 million"),
        ("تبرعت الشركة بمئة ألف دولار للمستشفى.", "The company donated $10,000 to the hospital.", "10,000", "$100,000",
         "'10,000' does not match the source 'بمئة ألف'; expected $100,000"),
        ("استمر الحصار ستة أشهر.", "The siege lasted seven months.", "seven", "6 months",
         "'seven' does not match the source 'ستة'; expected 6 months"),
        ("قضى عامين في السجن.", "He spent three years in prison.", "three", "2 years",
         "'three' does not match the source 'عامين'; expected 2 years"),
        ("عقد الاجتماع في الأول من آذار.", "The meeting was held on March 11.", "March 11", "March 1",
         "'March 11' does not match the source 'الأول من آذار'; expected March 1"),
        ("تأسست الجماعة عام 1980 وانشقت عام 1981.", "The group was founded in 1980 and split in 1982.", "1982", "1981",
         "'1982' does not match the source '1981'; expected 1981"),
        ("استمر القتال 3 سنوات.", "The fighting lasted 3 months.", "3", "3 years",
         "'3' does not match the source '3'; expected 3 years"),
    ],
)
def test_tc204_reports_the_wrong_renderings_of_issue_10(source, target, found, expected, message):
    [f] = numbers(one_to_one(source, target))
    assert (f.rule, f.found, f.expected, f.message) == ("TC204", found, expected, message)
    assert target[loc(f)[1] - 1:loc(f)[3] - 1] == found


@pytest.mark.parametrize(
    "source, target",
    [
        ("خصصت الحكومة ثلاثة مليارات دولار للإعمار.", "The government allocated $3 billion for reconstruction."),
        ("تبرعت الشركة بمئة ألف دولار للمستشفى.", "The company donated $100,000 to the hospital."),
        ("استمر الحصار ستة أشهر.", "The siege lasted six months."),
        ("قضى عامين في السجن.", "He spent two years in prison."),
        ("قضى عامين في السجن.", "He spent 2 years in prison."),
        ("عقد الاجتماع في الأول من آذار.", "The meeting was held on March 1."),
        ("قتل في ٣ كانون الثاني/يناير ٢٠٢٠.", "He was killed on January 3, 2020."),
        ("تأسست الجماعة عام 1980 وانشقت عام 1981.", "The group was founded in 1980 and split in 1981."),
        ("بلغ عدد المقاتلين نحو 1,532,000.", "The fighters number about 1.5 million."),  # rounding still accepted
        ("ارتفع عشرين في المئة خلال الأربع والعشرين ساعة.", "It rose 20% in twenty four hours."),
        ("حدث ذلك للمرة الثانية.", "It happened for the 2nd time."),
        ("الخلايا من النوع الأول والثاني.", "Cells of type 1 and type 2."),  # small plain digits: no finding alone
        ("قتل ثلاثة أشخاص.", "Three people were killed."),
        ("نزح مليون ونصف المليون شخص.", "1.5 million people were displaced."),
        ("استمر سبعة أيام ونصف.", "It lasted seven and a half days."),
    ],
)
def test_tc204_accepts_the_right_renderings(source, target):
    assert numbers(one_to_one(source, target)) == []


def test_tc204_a_target_figure_with_no_source_counterpart_points_at_the_source_bead():
    source = "قال المسؤول إن الهجوم أوقع قتلى."
    [f] = numbers(one_to_one(source, "The official said the attack killed 40 people."))
    assert (f.found, f.expected, f.message) == ("40", None, "'40' has no counterpart in the aligned source")
    assert loc(f) == (1, 37, 1, 39) and f.source_text == source


def test_tc204_english_source_words_against_arabic_digits():
    [f] = numbers(one_to_one("Half a million people fled in twenty four hours.",
                             "فر 600 ألف شخص خلال 24 ساعة.", "en", "ar"))
    assert (f.found, f.expected) == ("600 ألف", "500 ألف")  # written the way the target writes it


def test_tc204_a_400_digit_number_is_compared_exactly():
    digits = "4" * 90
    assert numbers(one_to_one(f"قتل {digits} مليون شخص.", f"{digits} million people were killed.")) == []
    [f] = numbers(one_to_one(f"قتل {digits} مليون شخص.", f"{digits[:-1]}5 million people were killed."))
    assert f.found == f"{digits[:-1]}5 million"
    huge = "4" * 400  # past MAX_DIGITS: an identifier, never required, never an OverflowError
    assert numbers(one_to_one(f"الرمز {huge}.", f"The code {huge[:-1]}5.")) == []


@pytest.mark.parametrize(
    "source, target, found",
    [
        ("قتل ثلاثة رجال.", "Four men were killed.", "Four"),
        ("Four men were killed.", "قتل ثلاثة رجال.", "ثلاثة"),
    ],
)
def test_tc204_two_bare_number_words_that_disagree(source, target, found):
    src_lang, tgt_lang = ("ar", "en") if source.startswith("قتل") else ("en", "ar")
    [f] = numbers(one_to_one(source, target, src_lang, tgt_lang))
    assert f.found == found


@pytest.mark.parametrize(
    "source, target",
    [
        ("قتل ثلاثة رجال.", "Three men were killed."),
        ("قتل ثلاثة رجال.", "Men were killed."),  # a bare word alone need not be matched
        ("قال أحد الرجال الثلاثة.", "One of the three men said."),
        ("قالت تسع منظمات.", "Four groups said."),  # تسع is also "it holds"
    ],
)
def test_tc204_bare_number_words_that_need_no_finding(source, target):
    assert numbers(one_to_one(source, target)) == []


def test_a_count_that_is_the_whole_of_its_container_need_not_be_matched():
    """A blind e-services memory: '24 hours a day, 7 days a week' rendered على مدار الساعة طوال أيام
    الأسبوع, no digit. Such a count (24/7, 365 days a year, على مدار 24 ساعة) may stand for a number of
    the other side but is not required; 24 hours with no container, or 24 hours a week, still is."""
    from termcheck.text.numbers import extract_numbers

    def kinds(text, lang):
        return [(m.text, m.kind, m.required) for m in extract_numbers(text, lang)]

    assert kinds("available 24 hours a day, 7 days a week", "en") == [("24", "whole", False), ("7", "whole", False)]
    assert kinds("open 24/7", "en") == [("24", "whole", False), ("7", "whole", False)]
    assert kinds("على مدار 24 ساعة", "ar") == [("24", "whole", False)]
    assert kinds("تعمل 24 ساعة في اليوم", "ar") == [("24", "whole", False)]
    assert kinds("waited 24 hours", "en") == [("24", "count", True)]
    assert kinds("24 hours a week", "en") == [("24", "count", True)]

"""TC104 on Arabic: one loanword name with two letterings (غ/ج, ڤ/ف, پ/ب) in one document."""

from pathlib import Path

import pytest

from termcheck.lint import lint_document
from termcheck.match import Matcher
from tests.helpers import document, glossary

MATCHER = Matcher(glossary())
REALDATA = Path(__file__).resolve().parents[1].parent / "shared" / "realdata"


def tc104(text: str):
    return [f for f in lint_document(document(text, lang="ar"), MATCHER) if f.rule == "TC104"]


def test_two_letterings_of_a_name_are_one_finding_at_the_minority_spelling():
    text = "قالت وزارة الدفاع (البنتاغون) إن البنتاغون يراجع الخطة.\nوأكد متحدث باسم البنتاجون ذلك."
    [finding] = tc104(text)
    assert (finding.location.line, finding.location.column) == (2, 17)
    assert finding.found == "البنتاجون"
    assert finding.expected == "البنتاغون"
    assert finding.extra["spellings"] == [
        {"text": "البنتاغون", "count": 2, "locations": ["1:20", "1:34"]},
        {"text": "البنتاجون", "count": 1, "locations": ["2:17"]},
    ]


def test_clitics_and_article_do_not_make_a_spelling():
    assert tc104("زار الغارديان ثم للغارديان وبالغارديان") == []


def test_native_words_differing_by_these_letters_are_not_grouped():
    assert tc104("إفراغ الخزان ثم الإفراج عن المعتقلين؛ الغدد والأعضاء الجدد") == []


def test_english_documents_are_not_checked():
    assert [f for f in lint_document(document("البنتاغون البنتاجون", lang="en"), MATCHER) if f.rule == "TC104"] == []


@pytest.mark.skipif(not (REALDATA / "tico19").is_dir(), reason="../shared/realdata is not beside the checkout")
def test_real_arabic_memory_shows_exactly_its_loanword_variants():
    """The whole TICO-19 memory as one text: two names written with غ and ج, and eleven loanwords
    and names written with and without a long vowel; every group is one word (read and checked)."""
    from termcheck.formats import read_units

    units = read_units(str(REALDATA / "tico19" / "all.en-ar.tmx"))
    text = "\n\n".join(u.target for u in units)
    found = sorted(tuple(s["text"] for s in f.extra["spellings"]) for f in tc104(text))
    assert found == [
        ("اللمفاويات", "الليمفاويات"), ("الليمفاوية", "لمفاوية"), ("ببتيداز", "بيبتيداز"), ("بوليتكو", "بوليتيكو"),
        ("جارديان", "الغارديان"), ("ريبونوكلياز", "الريبونيوكلياز"), ("غيبريسوس", "جيبريسوس"),
        ("فيريونات", "للفيرونات"), ("كلوروكين", "الكلوركين", "كلوروكوين"), ("للأنجيوتنسين", "للأنجيوتينسين"),
        ("للنيوكليتيدات", "النيوكليوتيدات"), ("وبوليميراز", "البوليمراز"), ("ومليندا", "وميليندا"),
    ]


def test_a_long_vowel_written_or_left_out_is_one_name_but_native_patterns_are_not():
    # a blind pair: فيغيريدو then فيغويريدو for one man; verb and verbal noun, noun and plural stay apart
    [f] = tc104("قال توماس فيغيريدو إن الصفقة تمت.\nوأكد فيغويريدو ذلك.")
    assert (f.found, f.expected) == ("فيغويريدو", "فيغيريدو")
    assert tc104("تحسينات كبيرة وتحسنات طفيفة. المعلومات عن المعلمات. يحتاجا ويحتاجوا. مضيفها ومضيفيها.") == []


def test_every_proclitic_pair_of_the_shared_table_is_taken_off():
    # فك + ال (missing from this rule's old private table) is stripped like وال
    [finding] = tc104("قالت الغارديان إن الغارديان نشرت، فكالجارديان تفعل")
    assert (finding.found, finding.expected) == ("فكالجارديان", "الغارديان")


def test_a_forbidden_lettering_is_reported_once_by_tc101_not_again_by_tc104():
    # a blind pair: the house رودريغو three times, the forbidden رودريجو once
    from tests.helpers import concept

    matcher = Matcher(glossary(concept("rodrigo", en_p="Rodrigo", ar_p="رودريغو", ar_f="رودريجو")))
    text = "وقع رودريغو عقده. وقال رودريغو إنه سعيد.\nوأضاف رودريجو أن لرودريغو أهدافا."
    findings = lint_document(document(text, lang="ar"), matcher)
    assert [(f.rule, f.found) for f in findings] == [("TC101", "رودريجو")]
    # not a forbidden form: still one name written two ways
    assert [(f.rule, f.found) for f in lint_document(document(text, lang="ar"), MATCHER)] == [("TC104", "رودريجو")]


def test_an_alef_after_the_first_letter_joins_where_it_is_written_bare():
    # a blind pair: ويتفيلد then وايتفيلد; تأثيرها's alef is a hamza's seat, a consonant
    [f] = tc104("قالت سارة ويتفيلد إن المحافظ قليلة.\nوترى وايتفيلد أن التجار سيقررون.")
    assert (f.found, f.expected) == ("وايتفيلد", "ويتفيلد")
    assert tc104("لم تثيرها الأزمة. وزاد تأثيرها على السوق.") == []


def test_a_name_written_as_one_word_and_as_two_is_one_finding_at_the_minority_spelling():
    """A blind drought pair: وتلعفر, then تل عفر. Function words do not join (أن خفض beside انخفض is
    a conjunction and a noun), nor a noun and its adjective with the article, nor joins under five letters."""
    text = "تضررت الحقول في سنجار وتلعفر.\nوقال مزارع في تل عفر إن الموسم سيئ."
    [finding] = tc104(text)
    assert (finding.location.line, finding.found, finding.expected) == (2, "تل عفر", "وتلعفر")
    assert [s["text"] for s in finding.extra["spellings"]] == ["وتلعفر", "تل عفر"]
    assert tc104("يرى أن خفض الأسعار انخفض فعلا") == []
    assert tc104("زار بنك الاستثمار ثم بنكالاستثمار") == []
    assert tc104("قال لك ن لكن") == []


def test_a_short_first_word_keeps_its_conjunction_until_the_joined_word_proves_it():
    """A blind cholera pair: في الخرطوم وأم درمان, then في أمدرمان. وأم is too short for the clitic
    table to strip; the و comes off only where أمدرمان is a word of the document."""
    [finding] = tc104("اشتد القتال في الخرطوم وأم درمان.\nويقول سكان في أمدرمان إن المياه انقطعت.")
    assert (finding.location.line, finding.found, finding.expected) == (2, "أمدرمان", "وأم درمان")
    assert tc104("جاء وأم محمد معه.\nثم قال وامحمد") == []  # no أمحمد in the text: the و stays


def test_the_glossarys_spelling_is_kept_however_often_the_other_is_written():
    """A blind flood pair: the listed سولبرغ beside سولبيرغ, once each, was told to become سولبيرغ."""
    from tests.helpers import concept

    matcher = Matcher(glossary(concept("solberg", en_p="Henrik Solberg", ar_p="هنريك سولبرغ", ar_a="سولبرغ")))
    text = "قال هنريك سولبيرغ إن السد انهار.\nوأضاف سولبيرغ أن الفرق وصلت. وقال سولبرغ إن المياه انحسرت."
    [finding] = [f for f in lint_document(document(text, lang="ar"), matcher) if f.rule == "TC104"]
    assert (finding.found, finding.expected, finding.location.line) == ("سولبيرغ", "سولبرغ", 1)
    # without the glossary, the spelling written more often is kept
    [finding] = tc104(text)
    assert (finding.found, finding.expected) == ("سولبرغ", "سولبيرغ")


def test_a_name_with_allah_written_as_one_word_and_as_two():
    """A blind locust pair: دفع الله, then دفعالله (الله is a name's second word, not an adjective's
    article); two spellings the glossary both accepts are no finding (إريتريا and its allowed إرتريا)."""
    [finding] = tc104("قال إسماعيل دفع الله إن الأسراب وصلت. وأضاف دفعالله أن الفرق تعمل.")
    assert (finding.found, finding.expected) == ("دفعالله", "دفع الله")
    from tests.helpers import concept

    matcher = Matcher(glossary(concept("eritrea", en_p="Eritrea", ar_p="إريتريا", ar_a="إرتريا")))
    text = "وصلت الأسراب إلى إريتريا أمس.\nوقالت السلطات في إرتريا إن المكافحة بدأت."
    assert [f for f in lint_document(document(text, lang="ar"), matcher) if f.rule == "TC104"] == []

"""enforce_glossary: every source term comes out in the house's preferred target form."""

from __future__ import annotations

from helpers import concept, glossary

from termcheck.match import Matcher
from termcheck.mt.glossary_enforce import enforce_glossary, skeleton

MATCHER = Matcher(glossary(
    concept("kh", en_p="Kataib Hezbollah", en_f="Kataib Hizbollah|Kata'ib Hizballah", ar_p="كتائب حزب الله"),
    concept("muhandis", en_p="al-Muhandis", ar_p="المهندس"),
    concept("budget", en_p="federal budget", ar_p="الموازنة الاتحادية"),
    concept("pmf", en_p="Popular Mobilization Forces", en_a="PMF", ar_p="الحشد الشعبي", ar_a="قوات الحشد الشعبي"),
))


def enforce(source: str, suggestion: str, target_lang: str) -> str:
    return enforce_glossary(source, suggestion, MATCHER.find(source), MATCHER, target_lang)


def test_forbidden_rendering_listed_in_the_glossary_is_replaced():
    source = "قالت كتائب حزب الله إن الهجوم وقع"
    assert enforce(source, "Kata’ib Hizballah said the attack happened", "en") == (
        "Kataib Hezbollah said the attack happened"
    )


def test_allowed_rendering_becomes_the_preferred_form_and_preferred_stays():
    source = "دخلت قوات الحشد الشعبي المدينة وقالت كتائب حزب الله"
    suggestion = "The PMF entered the city and Kataib Hezbollah said"
    assert enforce(source, suggestion, "en") == "The Popular Mobilization Forces entered the city and Kataib Hezbollah said"


def test_unlisted_transliteration_variant_is_found_by_its_skeleton():
    assert skeleton("al-Mohandiss", "en") == skeleton("al-Muhandis", "en") == "muhandis"
    assert enforce("قتل المهندس في ضربة", "al-Mohandiss was killed in a strike", "en") == (
        "al-Muhandis was killed in a strike"
    )


def test_a_dropped_term_is_inserted_at_the_word_boundary_nearest_its_source_position():
    # The term spans 14..30 of a 30-character source: middle 22/30 of the way in. 22/30 of the
    # 33-character suggestion is 24.2; the nearest word boundary is 24, the end of 'the'.
    source = "ناقش البرلمان الموازنة الاتحادية"
    assert enforce(source, "Parliament discussed the salaries", "en") == "Parliament discussed the federal budget salaries"


def test_arabic_target_keeps_proclitics_and_uses_the_preferred_form():
    source = "Fighters of the Popular Mobilization Forces entered the city"
    assert enforce(source, "دخل مقاتلو وقوات الحشد الشعبي المدينة", "ar") == "دخل مقاتلو والحشد الشعبي المدينة"


def test_arabic_unlisted_spelling_after_lam_keeps_the_lam_and_drops_the_alef():
    # للمهندز (a misspelling after ل + ال) -> للمهندس: ل + المهندس written without its alef.
    assert enforce("A tribute to al-Muhandis", "تكريم للمهندز", "ar") == "تكريم للمهندس"


def test_a_term_given_twice_in_the_source_is_rendered_twice():
    source = "قالت كتائب حزب الله ثم نفت كتائب حزب الله"
    suggestion = "Kataib Hizbollah said, then Kataib Hizbolah denied"
    assert enforce(source, suggestion, "en") == "Kataib Hezbollah said, then Kataib Hezbollah denied"


def test_no_source_terms_leaves_the_suggestion_alone():
    # Only source terms are enforced: a look-alike in the output is not touched without one.
    assert enforce("ارتفعت الأسعار", "Prices rose al-Mohandiss", "en") == "Prices rose al-Mohandiss"

"""Per unit, the bilingual term rules: wrong rendering (TC202) and unexpected term (TC203)."""

from dataclasses import replace

from termcheck.formats.units import Unit
from termcheck.match import Matcher
from termcheck.units import check_units
from tests.helpers import concept, glossary

MATCHER = Matcher(glossary(
    concept("muhandis", en_p="Abu Mahdi al-Muhandis", ar_p="أبو مهدي المهندس"),
    concept("kataib-hezbollah", en_p="Kataib Hezbollah", ar_p="كتائب حزب الله"),
))


def unit(source, target, source_lang="ar", target_lang="en"):
    return Unit(source=source, target=target, path="a.po", line=7, source_line=6, id=source,
                source_lang=source_lang, target_lang=target_lang)


def rules(findings):
    return [(f.rule, f.found, f.expected, f.concept, f.source_text) for f in findings]


def test_unlisted_rendering_of_a_source_term_is_a_wrong_rendering_not_a_missing_term():
    findings = check_units([unit("قال أبو مهدي المهندس إن", "Abu Mahdi al-Mohandiss said that")], MATCHER)
    assert rules(findings) == [
        ("TC202", "Abu Mahdi al-Mohandiss", "Abu Mahdi al-Muhandis", "muhandis", "أبو مهدي المهندس"),
    ]


def test_a_wrong_rendering_leaves_its_proclitics_outside_the_span():
    """A blind pair's وماريب for Marib (house مأرب): the variant is ماريب, as a match leaves و outside;
    a form's own first letter (بريطانيا) stays."""
    matcher = Matcher(glossary(concept("marib", en_p="Marib", ar_p="مأرب"),
                               concept("britain", en_p="Britain", ar_p="بريطانيا")))
    findings = check_units([unit("in Taiz and Marib", "في تعز وماريب", "en", "ar"),
                            unit("in Britain", "في وبريطانيه", "en", "ar")], matcher)
    assert sorted((f.rule, f.found) for f in findings) == [("TC202", "بريطانيه"), ("TC202", "ماريب")]


def test_an_acronym_beside_its_spelt_out_name_is_one_wrong_rendering():
    """A held-out Odoo catalogue: 'First In First Out (FIFO)' rendered الوارد أولاً يخرج أولاً (FIFO)
    was reported twice on the same span, once for each source mention."""
    matcher = Matcher(glossary(concept("fifo", en_p="First In First Out", en_a="FIFO", ar_p="الوارد أولاً يصرف أولاً")))
    findings = check_units([unit("First In First Out (FIFO)", "الوارد أولاً يخرج أولاً (FIFO)", "en", "ar")], matcher)
    assert [(f.rule, f.found, f.source_text) for f in findings] == [
        ("TC202", "الوارد أولاً يخرج أولاً", "First In First Out")]


def test_an_allowed_common_word_of_an_acronym_is_not_unexpected():
    """A held-out SearXNG glossary allows رابط for URL; 'Open the link' as افتح الرابط is no TC203. The
    house form of the acronym's concept, or a name's, still is."""
    matcher = Matcher(glossary(concept("url", en_p="URL", ar_p="عنوان URL", ar_a="رابط"),
                               concept("kh", en_p="Kataib Hezbollah", ar_p="كتائب حزب الله")))
    findings = check_units([unit("Open the link", "افتح الرابط", "en", "ar"),
                            unit("Copy it", "انسخ عنوان URL", "en", "ar")], matcher)
    assert [(f.rule, f.found) for f in findings] == [("TC203", "عنوان URL")]


def test_an_acronym_the_source_writes_in_lower_case_is_not_unexpected():
    """A held-out Symfony catalogue: 'add cv' as أضف السيرة الذاتية; CV matches in capitals only (the WHO
    is not 'who'), yet the source names it. A source without it still makes a TC203."""
    matcher = Matcher(glossary(concept("cv", en_p="CV", en_a="resume|curriculum vitae", ar_p="السيرة الذاتية")))
    assert check_units([unit("add cv", "أضف السيرة الذاتية", "en", "ar")], matcher) == []
    findings = check_units([unit("add a photo", "أضف السيرة الذاتية", "en", "ar")], matcher)
    assert [(f.rule, f.found) for f in findings] == [("TC203", "السيرة الذاتية")]
    # a forbidden rendering of an acronym the source writes in another case is reported (Odoo's 'Seo name'),
    # but a common term's other case is the matcher's business, not this test's
    seo = Matcher(glossary(concept("seo", en_p="SEO", ar_p="تحسين محركات البحث", ar_f="محسنات محرك البحث")))
    found = check_units([unit("Seo name", "اسم محسنات محرك البحث", "en", "ar")], seo)
    assert [(f.rule, f.found) for f in found] == [("TC101", "محسنات محرك البحث")]


def test_a_forbidden_form_of_a_term_inside_a_longer_listed_term_is_reported():
    """A held-out Déjà Dup catalogue: 'E_ncryption password' matches the longer 'encryption password';
    its target كلمة السرّ is the password concept's forbidden form all the same."""
    matcher = Matcher(glossary(concept("password", en_p="password", ar_p="كلمة المرور", ar_f="كلمة السر"),
                               concept("enc", en_p="encryption password", ar_p="كلمة مرور التشفير")))
    found = check_units([unit("E_ncryption password", "_كلمة السرّ", "en", "ar")], matcher)
    assert [(f.rule, f.found) for f in found if f.rule == "TC101"] == [("TC101", "كلمة السرّ")]


def test_a_form_under_another_terms_match_renders_its_term_and_a_forbidden_one_is_reported():
    """A held-out game catalogue: 'super safe moves' as نقلات آمنة تماما. 'safe moves' (نقلات آمنة) and
    the forbidden آمنة تماما share a word; the longer-first choice kept the first, and 'super safe' was
    reported missing. Now the form under it renders its concept: forbidden, TC101; accepted, nothing."""
    matcher = Matcher(glossary(concept("safe_move", en_p="safe move", en_a="safe moves", ar_p="نقلة آمنة",
                                       ar_a="نقلات آمنة"),
                               concept("super_safe", en_p="super safe", ar_p="آمنة جدًا", ar_f="آمنة تماما")))
    found = check_units([unit("Use super safe moves", "استخدم نقلات آمنة تماما", "en", "ar")], matcher)
    assert rules(found) == [("TC101", "آمنة تماما", "آمنة جدًا", "super_safe", None)]
    assert check_units([unit("Use super safe moves", "استخدم نقلات آمنة جدًا", "en", "ar")], matcher) == []
    # a forbidden form under a match, of a concept the source does not name, is no finding of this kind
    assert rules(check_units([unit("Use safe moves", "استخدم نقلات آمنة تماما", "en", "ar")], matcher)) == []


def test_a_placeholder_whose_name_was_translated_is_no_text_for_the_term_rules():
    """A held-out Roadiz catalogue: 'document.%name%.updated' as وثيقة.%إسم%.تحديث. TC305 reports the
    renamed placeholder; TC101 told to write اسم inside it, which would still break it."""
    matcher = Matcher(glossary(concept("name", en_p="name", ar_p="اسم", ar_f="إسم"),
                               concept("document", en_p="document", ar_p="وثيقة")))
    found = check_units([unit("document.%name%.updated", "وثيقة.%إسم%.تحديث", "en", "ar"),
                         unit("Your name", "إسمك", "en", "ar")], matcher)
    assert [(f.rule, f.found) for f in found if f.rule.startswith("TC1")] == [("TC101", "إسمك")]


def test_a_term_with_no_rendering_at_all_is_still_missing():
    findings = check_units([unit("قال أبو مهدي المهندس إن", "The commander said that")], MATCHER)
    assert [f.rule for f in findings] == ["TC201"]


def test_a_target_term_absent_from_the_source_is_unexpected():
    findings = check_units([unit("The meeting ended", "انتهى اجتماع كتائب حزب الله", "en", "ar")], MATCHER)
    assert rules(findings) == [("TC203", "كتائب حزب الله", None, "kataib-hezbollah", None)]


def test_a_rendered_term_is_neither_missing_nor_unexpected():
    assert check_units([unit("قالت كتائب حزب الله", "Kataib Hezbollah said")], MATCHER) == []


def test_a_form_with_a_suffix_still_renders_the_term():
    matcher = Matcher(glossary(concept("vaccine", en_p="vaccine", ar_p="لقاح")))
    units = [unit("وصل اللقاح", "The vaccines arrived"), unit("The vaccine arrived", "وصلت لقاحاتنا", "en", "ar")]
    assert check_units(units, matcher) == []


def test_a_forbidden_word_is_reported_where_the_source_names_its_concept_a_misspelling_anywhere():
    """GTK's and glib's Arabic catalogues: وصلات renders 'mounts' and عالي السرية 'Top secret', not
    the house's link / privacy; وصلة for 'link' is the forbidden word, and تأريخ (hamza) is a
    misspelling of تاريخ whatever it translates ('Job history'). So is فاتوره for فاتورة (a final ه
    for ة: a held-out ERP catalogue's 'Sales' as فاتوره مبيعات)."""
    matcher = Matcher(glossary(
        concept("link", en_p="link", ar_p="رابط", ar_f="وصلة"),
        concept("privacy", en_p="privacy", ar_p="الخصوصية", ar_f="السرية"),
        concept("date", en_p="date", ar_p="تاريخ", ar_f="تأريخ"),
        concept("invoice", en_p="invoice", ar_p="فاتورة", ar_f="فاتوره"),
    ))
    units = [unit("Move between mounts not supported", "النقل بين الوصلات غير مدعوم", "en", "ar"),
             unit("Top secret", "عالي السرية", "en", "ar"),
             unit("Could not show link", "تعذّر إظهار الوصلة", "en", "ar"),
             unit("Job history", "تأريخ المهام", "en", "ar"),
             unit("Sales", "فاتوره مبيعات", "en", "ar")]
    assert sorted((f.rule, f.found, f.expected) for f in check_units(units, matcher)) == [
        ("TC101", "تأريخ", "تاريخ"), ("TC101", "فاتوره", "فاتورة"), ("TC101", "وصلة", "رابط")]


def test_a_name_the_catalogue_names_elsewhere_added_to_a_full_rendering_is_a_clarification():
    """Held-out catalogues: 'Token' as توكين ألترا مسج, 'Wizard for sending text message' with للواتساب
    put in. The product's own name, which other msgids of the file name, added to a target that
    renders everything of its source, is no TC203. It still is where the file names it nowhere else,
    where a source term goes unrendered, and where the source has an unlisted name the target drops
    (TICO-19's 'Huanan Seafood Wholesale Market' as سوق ووهان)."""
    matcher = Matcher(glossary(concept("ultramsg", en_p="Ultramsg", ar_p="ألترا مسج"),
                               concept("wuhan", en_p="Wuhan", ar_p="ووهان"),
                               concept("folder", en_p="folder", ar_p="مجلد")))
    elsewhere = replace(unit("Connect your Ultramsg account", "اربط حساب ألترا مسج", "en", "ar"), line=3)
    added = unit("Token", "توكين ألترا مسج", "en", "ar")
    assert check_units([elsewhere, added], matcher) == []
    assert rules(check_units([added], matcher)) == [("TC203", "ألترا مسج", None, "ultramsg", None)]
    dropped = unit("Open the folder", "افتح ألترا مسج", "en", "ar")
    assert [f.rule for f in check_units([elsewhere, dropped], matcher)] == ["TC201", "TC203"]
    market = unit("links to the Huanan market", "روابط بسوق ووهان", "en", "ar")
    wuhan = replace(unit("cases in Wuhan", "حالات في ووهان", "en", "ar"), line=3)
    assert rules(check_units([wuhan, market], matcher)) == [("TC203", "ووهان", None, "wuhan", None)]

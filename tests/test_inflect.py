"""TC101's suggestion in the text's inflection (termcheck.text.inflect), and where it gives none."""

from __future__ import annotations

import json

import pytest
from helpers import run_cli

from termcheck.text.inflect import inflected_like, plural_like


@pytest.mark.parametrize("found, forbidden, house, expected", [
    ("كلمة سرك", "كلمة السر", "كلمة المرور", "كلمة مرورك"),  # a pronoun: on the last word, without its article
    ("سريتك", "السرية", "الخصوصية", "خصوصيتك"),  # ة written ت before it
    ("سريتها", "السرية", "أمان", "أمانها"),  # the ت was the forbidden form's ة: not the house word's
    ("سيرفرك", "سيرفر", "الخصوصية", "خصوصيتك"),  # and a ة of the house word's own
    ("باسوردك", "باسورد", "كلمة المرور", "كلمة مرورك"),  # one word for two
    ("كلمتا السر", "كلمة السر", "كلمة المرور", "كلمتا المرور"),  # a dual: on the head
    ("سيرفران", "سيرفر", "خادم", "خادمان"),
    ("سريتين", "السرية", "أمان", "أمانين"),
    ("للسرية", "السرية", "الخصوصية", "للخصوصية"),  # ل and the article: لل
    ("وسرية", "السرية", "الخصوصية", "وخصوصية"),  # a proclitic, the article dropped
    ("السيرفر", "سيرفر", "خادم", "الخادم"),  # the article put on
    ("حجرا", "حجر", "عزل", "عزلا"),  # the accusative's alef
    ("مسافة البادئة", "مسافة بادئة", "إزاحة", "الإزاحة"),  # a definite construct for one word (held-out)
])
def test_the_house_form_takes_the_texts_inflection(found, forbidden, house, expected):
    assert inflected_like(found, forbidden, house) == expected


@pytest.mark.parametrize("found, forbidden, house", [
    ("سيرفرين", "سيرفر", "خادم"),  # ين after a masculine word: a dual or a plural
    ("الباسوردات", "باسورد", "كلمة المرور"),  # a sound plural: the house word's plural is the lexicon's
    ("شحناتي", "شحنة", "عملية نقل"),  # a plural and a pronoun
    ("شحناتي", "شحنات", "عملية نقل"),  # a plural form listed for a singular house form (a held-out catalogue's)
    ("برمجياتك", "برمجيات", "برامج"),  # ... and for a broken plural, which letters alone do not tell
    ("حجرا", "حجر", "عزلة"),  # no alef after ة: the house form as it stands
    ("كلمة السرك", "كلمة السر", "كلمة المرور"),  # the article and a pronoun together: not Arabic
    ("سيرفرت", "سيرفر", "خادم"),  # letters that are no ending
])
def test_no_suggestion_where_the_inflection_cannot_be_read_or_made(found, forbidden, house):
    assert inflected_like(found, forbidden, house) is None


def units_findings(tmp_path, monkeypatch, capsys, glossary_rows: str, pairs: list[tuple[str, str]]) -> list[dict]:
    """`termcheck units` on a PO of (msgid, msgstr) pairs with a glossary of these CSV rows; exit 1."""
    glossary = tmp_path / "g.csv"
    glossary.write_text("id,en,ar,en_allowed,en_forbidden,ar_allowed,ar_forbidden\n" + glossary_rows, encoding="utf-8")
    po = tmp_path / "ar.po"
    po.write_text('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Language: ar\\n"\n' + "".join(
        f'\nmsgid "{source}"\nmsgstr "{target}"\n' for source, target in pairs), encoding="utf-8")
    code, out, _ = run_cli(monkeypatch, capsys, "units", str(po), "-g", str(glossary), "--format", "json")
    assert code == 1
    return json.loads(out)["findings"]


def test_tc101_says_the_house_form_as_the_unit_inflects_it(tmp_path, monkeypatch, capsys):
    findings = units_findings(tmp_path, monkeypatch, capsys,
                              "pw,password,كلمة المرور,,,,كلمة السر\nprivacy,privacy,الخصوصية,,,,السرية\n"
                              "shipment,shipment,عملية نقل,,,,شحنة\n",
                              [("Enter your password", "أدخل كلمة سرك"), ("Your privacy matters", "سريتك مهمة"),
                               ("My shipments", "شحناتي")])
    assert [(f["found"], f["expected"], f["message"], f["fix"]["applicability"]) for f in findings] == [
        ("كلمة سرك", "كلمة مرورك", "'كلمة سرك' is not the house form; write 'كلمة مرورك'", "display-only"),
        ("سريتك", "خصوصيتك", "'سريتك' is not the house form; write 'خصوصيتك'", "display-only"),
        ("شحناتي", "عملية نقل",
         "'شحناتي' is not the house form; write 'عملية نقل' in the same form (number, article, pronoun)", "display-only")]


@pytest.mark.parametrize("found, forms, house, accepted, expected", [
    # held-out catalogues' reviewers: a plural was told to become the house form's singular
    ("الأرقام", ["رقم"], "عدد", ["عدد", "العدد", "الأعداد"], "الأعداد"),  # broken, the glossary's own plural
    ("مجلدات", ["مجلد", "مجلدات"], "دليل", ["دليل", "الدليل", "دلائل"], "دلائل"),  # sound
    ("المجلدات", ["مجلد"], "دليل", ["دليل", "دلائل"], "الدلائل"),  # the article as written
    ("الدلائل", ["دليل"], "مجلد", ["مجلد", "المجلد"], None),  # no plural listed: no guess
    ("القطع", ["قطعة", "القطع"], "كتلة", ["كتلة", "الكتل"], None),  # قطع: a pattern its letters do not prove
    ("الحساب", ["حساب"], "عدد", ["عدد", "أعداد"], None),  # a singular
])
def test_a_plural_gets_the_plural_the_glossary_lists(found, forms, house, accepted, expected):
    assert plural_like(found, forms, house, accepted) == expected


def test_a_singular_beside_a_listed_plural_keeps_the_singular():
    # a held-out Odoo catalogue listed خط and خطوط as forbidden for 'line' (بند, بنود)
    assert plural_like("خط", ["خط", "خطوط"], "بند", ["بند", "بنود"]) is None
    assert plural_like("خطوط", ["خط", "خطوط"], "بند", ["بند", "بنود"]) == "بنود"


def test_after_lam_the_house_form_keeps_the_article_the_text_gives_it(tmp_path, monkeypatch, capsys):
    """A held-out SQL parser's 'ترتيب غير متوقع للبنود': the match starts at the article's lam (لبنود), and
    'write عبارة' would have dropped the article; the house form made definite after ل, in the plural the
    glossary lists for a plural, is لعبارات (the text then reads للعبارات)."""
    findings = units_findings(tmp_path, monkeypatch, capsys,
                              "clause,clause,عبارة,clauses,,العبارة|العبارات|عبارات,بند|البنود\n"
                              "faction,faction,الفصيل,,,الفصائل,الجماعة\n",
                              [("Unexpected ordering of clauses.", "ترتيب غير متوقع للبنود."),
                               ("Unexpected clause.", "بند غير متوقع."), ("For the faction", "للجماعة")])
    assert [(f["found"], f["expected"]) for f in findings] == [("لبنود", "لعبارات"), ("بند", "عبارة"), ("لجماعة", "لفصيل")]


def test_a_listed_plural_form_with_no_listed_house_plural_asks_for_the_plural(tmp_path, monkeypatch, capsys):
    """A held-out Flatpak manager's المتحكمات was told to become 'المستودع'; with no plural of the house
    form listed, the suggestion says in which number. تكوين ends as a plural of -ين would, and is none."""
    findings = units_findings(tmp_path, monkeypatch, capsys,
                              "repo,repository,المستودع,,,,المتحكمات|المتحكم\nsetup,setup,تهيئة,,,,تكوين\n",
                              [("Repositories", "المتحكمات"), ("Setup", "تكوين")])
    assert [f["message"] for f in findings] == [
        "'المتحكمات' is not the house form; write 'المستودع' in the plural",
        "'تكوين' is not the house form; write 'تهيئة'"]

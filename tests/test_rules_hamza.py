"""TC105: a glossary form written with another hamza on its alef, in documents and in units."""

from __future__ import annotations

from termcheck.formats.units import Unit
from termcheck.lint import lint_document
from termcheck.match import Matcher
from termcheck.model import Document
from termcheck.units import UnitCheckOptions, check_units
from tests.helpers import concept, glossary

MATCHER = Matcher(glossary(concept("detect", en_p="detect", ar_p="اكتشاف"),
                           concept("username", en_p="username", ar_p="اسم المستخدم", ar_f="إسم المستخدم"),
                           concept("devices", en_p="devices", ar_p="أجهزة"),
                           concept("april", en_p="April", ar_p="أبريل", ar_a="إبريل")))


def tc105(findings) -> list[tuple[str, str | None, str]]:
    return [(f.found, f.expected, f.severity.value) for f in findings if f.rule == "TC105"]


def test_a_house_form_with_another_hamza_is_reported_in_a_document_with_the_house_spelling():
    doc = Document("a.md", "تم إكتشاف اجهزة جديدة في أبريل وإبريل.", "ar")
    findings = lint_document(doc, MATCHER)
    assert tc105(findings) == [("إكتشاف", "اكتشاف", "info"), ("اجهزة", "أجهزة", "info")]
    first = next(f for f in findings if f.rule == "TC105")
    assert (first.location.column, first.fix.replacement, first.fix.applicability.value) == (4, "اكتشاف", "display-only")


def test_a_listed_spelling_an_inflected_match_and_diacritics_are_no_tc105():
    # إبريل is allowed, إسم المستخدم forbidden (TC101's), اكتشافات inflected, اكتِشاف only voweled
    doc = Document("a.md", "في إبريل غيّر إسم المستخدم بعد اكتشافات واكتِشاف.", "ar")
    findings = lint_document(doc, MATCHER)
    assert tc105(findings) == [] and [f.found for f in findings if f.rule == "TC101"] == ["إسم المستخدم"]


def test_units_report_it_too_at_the_word():
    units = [Unit(source="Devices detected", target="تم إكتشاف اجهزة", path="a.po", line=7, source_line=6,
                  id="d", source_lang="en", target_lang="ar")]
    assert tc105(check_units(units, MATCHER, UnitCheckOptions())) == [
        ("إكتشاف", "اكتشاف", "info"), ("اجهزة", "أجهزة", "info")]
    assert check_units(units, MATCHER, UnitCheckOptions(select=("TC201",))) == []

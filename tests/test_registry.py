"""The rule registry: every rule declared once, in agreement with `termcheck rules` and the README;
the runner runs only the checks whose codes are enabled, and shared work only when needed."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys

from termcheck.contexts import DocumentContext, document_context
from termcheck.lint import document_rules, lint_context, lint_document
from termcheck.match import Matcher
from termcheck.model import Concept, Document, Glossary, Status, Term
from termcheck.rules.registry import CHECKS, NOT_CHECKS, RULES, checks, enabled_codes
from termcheck.units import UnitCheckOptions, check_units
from tests.helpers import run_termcheck

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

GLOSSARY = Glossary([
    Concept("kh", [Term("Kataib Hezbollah", "en", Status.PREFERRED), Term("Kata'ib Hizballah", "en", Status.FORBIDDEN),
                   Term("كتائب حزب الله", "ar", Status.PREFERRED)], index=0),
    Concept("muhandis", [Term("Abu Mahdi al-Muhandis", "en", Status.PREFERRED),
                         Term("أبو مهدي المهندس", "ar", Status.PREFERRED)], index=1),
], path="inline")
TEXT = ("Kata'ib Hizballah said on Monday that Abu Mahdi al-Mohandis was there. Al-Muhandis spoke.\n\n"
        "Later Abu Mahdi al-Muhandis left; leader Al-Sadr stayed. Zayara arrived, and Zayara spoke to Ziyara.\n")


def test_every_code_is_declared_once_and_every_check_loads():
    declared = {code for check in CHECKS for code in check.codes}
    assert declared <= set(RULES)
    assert declared.isdisjoint(NOT_CHECKS)
    assert declared | NOT_CHECKS == set(RULES)
    assert len({(c.scope, c.function) for c in CHECKS}) == len(CHECKS)
    for check in CHECKS:
        assert check.scope in ("document", "pair", "units")
        assert callable(check.load()), check.function


def test_rules_command_and_readme_list_exactly_the_registry():
    listed = json.loads(run_termcheck("rules", "--format", "json").stdout)
    assert [(r["code"], r["name"], r["severity"]) for r in listed] == [
        (r.code, r.name, r.severity.value) for r in RULES.values()]
    with open(os.path.join(ROOT, "README.md"), encoding="utf-8") as handle:
        readme = handle.read()
    rows = re.findall(r"^\| `(TC\d{3})` \| ([a-z-]+) \| (\w+) \|", readme, flags=re.M)
    assert rows == [(r.code, r.name, r.severity.value) for r in RULES.values()]


def test_the_contexts_and_the_registry_import_no_rule():
    code = ("import sys, termcheck.contexts, termcheck.rules.registry, termcheck.lint; "
            "print(sorted(m for m in sys.modules if m.startswith(('termcheck.rules.', 'termcheck.units'))))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert result.stdout.strip() == "['termcheck.rules.registry']"


def test_only_the_checks_of_enabled_codes_run():
    from termcheck.rules.consistency import inconsistent_spellings
    from termcheck.rules.consistency_ar import inconsistent_arabic_spellings
    from termcheck.rules.forbidden import forbidden_terms

    assert document_rules(frozenset({"TC101"})) == (forbidden_terms,)
    assert document_rules(enabled_codes(["TC104"], None)) == (inconsistent_spellings, inconsistent_arabic_spellings)
    assert document_rules(enabled_codes(["TC2"], None)) == ()
    assert [f.__name__ for f in checks("units", enabled_codes(["TC20"], None))] == ["unit_terms", "unit_numbers"]
    assert len(document_rules()) == len([c for c in CHECKS if c.scope == "document"])


def test_shared_work_is_done_only_for_a_rule_that_needs_it():
    doc = Document("a.md", TEXT, "en")
    ctx = document_context(doc, Matcher(GLOSSARY))
    assert lint_context(ctx, frozenset({"TC305"})) == []
    assert ctx._matches is None and "name-spans" not in ctx.cache  # nothing matched, nothing scanned
    tc101 = lint_context(ctx, frozenset({"TC101"}))
    assert [(f.rule, f.found) for f in tc101] == [("TC101", "Kata'ib Hizballah")]
    assert ctx._matches is not None and "name-spans" not in ctx.cache
    lint_context(ctx, frozenset({"TC102"}))
    assert "name-spans" in ctx.cache


def test_a_selection_gives_the_selected_findings_of_a_full_run():
    doc = Document("a.md", TEXT, "en")
    matcher = Matcher(GLOSSARY)
    everything = lint_document(doc, matcher)
    assert {f.rule for f in everything} == {"TC101", "TC102", "TC103", "TC104"}
    for code in ("TC101", "TC102", "TC103", "TC104"):
        alone = lint_document(doc, matcher, frozenset({code}))
        assert [f.to_dict() for f in alone] == [f.to_dict() for f in everything if f.rule == code], code


def test_unit_rules_follow_the_selection(tmp_path):
    from termcheck.formats import read_units

    po = tmp_path / "a.po"
    po.write_text('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
                  'msgid "Save %d"\nmsgstr ""\n\nmsgid "Open %d"\nmsgstr "افتح"\n', encoding="utf-8")
    units = read_units(str(po))
    every = check_units(units, Matcher(GLOSSARY))
    assert sorted(f.rule for f in every) == ["TC303", "TC305"]
    only = check_units(units, Matcher(GLOSSARY), UnitCheckOptions(select=("TC305",)))
    assert [(f.rule, f.location.line) for f in only] == [("TC305", 9)]


def test_document_context_is_built_without_matching():
    ctx = DocumentContext(Document("a.md", "x", "en"), "x", Matcher(GLOSSARY))
    assert ctx.cache == {} and ctx.matches == []

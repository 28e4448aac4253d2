"""--max-findings: each file keeps its first N findings in text order; the others are counted, named
in one warning line, and still count for the exit code (termcheck.limits.first_findings)."""

from __future__ import annotations

import random
from collections import Counter

import pytest
from helpers import GLOSSARY_CSV, run_cli

from termcheck.limits import LIMITS, first_findings
from termcheck.model import Finding, Location, Severity


@pytest.fixture(autouse=True)
def limits():
    saved = dict(LIMITS.__dict__)
    yield LIMITS
    LIMITS.__dict__.update(saved)


def _finding(rule: str, start: int, severity: Severity = Severity.ERROR, tag: int = 0) -> Finding:
    return Finding(rule, severity, Location("d.md", start, start + 1, 1, start + 1, 1, start + 2), "x", f"m{tag}")


def test_the_first_findings_in_text_order_are_kept_and_the_rest_counted():
    rng = random.Random(3)
    for limit in (1, 2, 3, 7, 50):
        # several rules, each reporting in text order, with ties (same span and rule) kept in input order
        found = [_finding(rule, rng.randrange(40), severity, tag)
                 for tag, (rule, severity) in enumerate(rng.choice([("TC101", Severity.ERROR), ("TC103", Severity.WARNING)])
                                                        for _ in range(60))]
        found.sort(key=lambda f: f.rule)  # rules run one after another
        kept, withheld = first_findings(iter(found), limit)
        everything = sorted(found, key=lambda f: f.sort_key)
        assert kept == everything[:limit]
        assert withheld == Counter((f.rule, f.severity) for f in everything[limit:])


def test_codes_not_enabled_neither_take_a_place_nor_count():
    found = [_finding("TC103", 1), _finding("TC101", 2), _finding("TC103", 3), _finding("TC101", 4), _finding("TC101", 5)]
    kept, withheld = first_findings(found, 1, frozenset({"TC101"}))
    assert [(f.rule, f.location.start) for f in kept] == [("TC101", 2)]
    assert withheld == Counter({("TC101", Severity.ERROR): 2})


def _write(tmp_path, **files: str):
    (tmp_path / "g.csv").write_text(GLOSSARY_CSV, encoding="utf-8")
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")


def test_lint_reports_the_first_findings_and_one_line_for_the_rest(tmp_path, monkeypatch, capsys):
    _write(tmp_path, **{"d.md": "Kataib Hizbollah said. " * 5})
    monkeypatch.chdir(tmp_path)
    code, out, err = run_cli(monkeypatch, capsys, "lint", "d.md", "-g", "g.csv", "--format", "github",
                             "--max-findings", "2")
    assert code == 1
    assert [line.split("::")[1].split(",")[1:3] for line in out.splitlines()] == [
        ["line=1", "col=1"], ["line=1", "col=24"]]
    assert err == ("termcheck: warning: d.md: 3 more findings not shown "
                   "(limit 2 findings per file; --max-findings raises it)\n")


def test_findings_not_shown_still_decide_the_exit_code(tmp_path, monkeypatch, capsys):
    # the one finding shown is TC103's warning; the TC101 errors after it are past the limit
    _write(tmp_path, **{"d.md": "Leader Al-Khazali said. Kataib Hizbollah said. Kataib Hizbollah said.\n"})
    monkeypatch.chdir(tmp_path)
    code, out, err = run_cli(monkeypatch, capsys, "lint", "d.md", "-g", "g.csv", "--format", "json",
                             "--max-findings", "1")
    assert code == 1
    assert '"rule": "TC103"' in out and '"TC101"' not in out
    assert err.endswith("d.md: 2 more findings not shown (limit 1 finding per file; --max-findings raises it)\n")
    code, _, err = run_cli(monkeypatch, capsys, "lint", "d.md", "-g", "g.csv", "--select", "TC103",
                           "--max-findings", "1")
    assert (code, err) == (0, "")  # the TC101 errors are not selected: nothing withheld


def test_check_keeps_the_first_findings_of_each_file(tmp_path, monkeypatch, capsys):
    _write(tmp_path, **{"ar.md": "قالت كتائب حزب الله.\n" * 4, "en.md": "Kataib Hizbollah said.\n" * 4})
    monkeypatch.chdir(tmp_path)
    code, out, err = run_cli(monkeypatch, capsys, "check", "ar.md", "en.md", "-g", "g.csv", "--format", "github",
                             "--max-findings", "3")
    assert code == 1
    assert [line.split("::")[1].split(",")[:2] for line in out.splitlines()] == [
        ["error file=en.md", "line=1"], ["error file=en.md", "line=2"], ["error file=en.md", "line=3"]]
    assert err == ("termcheck: warning: en.md: 1 more finding not shown "
                   "(limit 3 findings per file; --max-findings raises it)\n")


def test_a_capped_lint_keeps_the_first_findings_of_the_full_lint_and_counts_the_rest():
    from helpers import concept, glossary

    from termcheck.lint import lint_document, lint_document_capped
    from termcheck.match import Matcher
    from termcheck.model import Document

    matcher = Matcher(glossary(concept("kh", en_p="Kataib Hezbollah", en_f="Kataib Hizbollah"),
                               concept("km", en_p="Qais al-Khazali")))
    text = ("Leader Al-Khazali said. Kataib Hizbollah said. Qays al-Khazali left. Kataib Hizbollah said. "
            "al-Khazali spoke. Kataib Hizbollah said. Kataib Hizbollah said. Leader Al-Khazali said.\n")
    doc = Document("d.md", text, "en")
    everything = lint_document(doc, matcher)
    assert {f.rule for f in everything} >= {"TC101", "TC102", "TC103"} and len(everything) >= 8
    for limit in range(1, len(everything) + 2):
        kept, withheld = lint_document_capped(doc, matcher, limit)
        assert kept == everything[:limit]
        assert withheld == Counter((f.rule, f.severity) for f in everything[limit:])
    kept, withheld = lint_document_capped(doc, matcher, 2, frozenset({"TC101"}))
    assert kept == [f for f in everything if f.rule == "TC101"][:2]
    assert withheld == Counter({("TC101", Severity.ERROR): 2})

"""Inline suppressions: Markdown/HTML comments, unit notes, and --report-unused (TC901)."""

from __future__ import annotations

import json
import subprocess
import sys

from termcheck.formats.units import Unit
from termcheck.model import Document, Finding, Location, Severity
from termcheck.suppress import (
    document_suppressions, filter_suppressed, parse_codes, unit_suppressions, unused_suppression_findings,
)

GLOSSARY_CSV = (
    "id,en,ar,en_allowed,en_forbidden,ar_allowed,ar_forbidden,note\n"
    "kataib-hezbollah,Kataib Hezbollah,كتائب حزب الله,KH,Kata'ib Hizballah|Kataib Hizbollah,,,\n"
)


def at(doc: Document, needle: str, rule: str = "TC101", nth: int = 0) -> Finding:
    start = -1
    for _ in range(nth + 1):
        start = doc.text.index(needle, start + 1)
    return Finding(rule, Severity.ERROR, doc.location(start, start + len(needle)), needle, "m")


def test_parse_codes():
    assert parse_codes(" TC101, tc2 ") == ("TC101", "TC2")
    assert parse_codes("") == ()
    assert parse_codes("because the editor said so") is None


def test_markdown_comment_silences_the_next_paragraph_only():
    doc = Document("a.md", "Kataib Hizbollah.\n\n<!-- termcheck: ignore TC101 -->\n\nKataib Hizbollah one\n"
                           "Kataib Hizbollah two.\n\nKataib Hizbollah three.\n", "en")
    findings = [at(doc, "Kataib Hizbollah", nth=i) for i in range(4)]
    kept, unused = filter_suppressed(findings, document_suppressions(doc))
    assert [f.location.line for f in kept] == [1, 8]  # lines 5 and 6 form the paragraph after the comment
    assert unused == []


def test_codes_prefixes_and_bare_ignore():
    doc = Document("a.md", "<!-- termcheck: ignore TC2 -->\nx y\n\n<!-- termcheck: ignore -->\nx y\n", "en")
    findings = [at(doc, "x", "TC101"), at(doc, "y", "TC202"), at(doc, "x", "TC101", 1), at(doc, "y", "TC104", 1)]
    kept, unused = filter_suppressed(findings, document_suppressions(doc))
    assert [(f.rule, f.location.line) for f in kept] == [("TC101", 2)]
    assert unused == []


def test_ignore_file_and_html_next_line():
    doc = Document("a.html", "<!-- termcheck: ignore-file TC104 -->\n<!-- termcheck: ignore TC101 -->\n"
                             "<p>x</p>\n<p>x</p>\n<p>z</p>\n", "en")
    findings = [at(doc, "x"), at(doc, "x", nth=1), at(doc, "z", "TC104")]
    kept, unused = filter_suppressed(findings, document_suppressions(doc))
    assert [f.location.line for f in kept] == [4]  # HTML: only the next non-blank line
    assert unused == []


def test_prose_after_ignore_is_not_a_suppression_and_other_files_are_untouched():
    doc = Document("a.md", "<!-- termcheck: ignore this please -->\nx\n", "en")
    assert document_suppressions(doc) == []
    other = Document("b.md", "<!-- termcheck: ignore -->\nx\n", "en")
    kept, unused = filter_suppressed([at(doc, "x")], document_suppressions(other))
    assert len(kept) == 1 and len(unused) == 1


def test_unit_notes_cover_their_unit_lines():
    units = [
        Unit("Save", "احفظ", "m.po", line=4, source_line=3, notes=["termcheck: ignore TC301"]),
        Unit("Open", "افتح", "m.po", line=8, source_line=7),
        Unit("Keep", "احفظ", "m.po", line=12, source_line=11, notes=["reviewed", "termcheck: ignore"]),
    ]
    sups = unit_suppressions(units)
    assert [(s.first_line, s.last_line, s.codes) for s in sups] == [(3, 6, ("TC301",)), (11, 10**9, ())]

    def f(rule, line):
        return Finding(rule, Severity.WARNING, Location("m.po", 0, 0, line, 1, line, 1), "", "m")

    kept, unused = filter_suppressed([f("TC301", 4), f("TC302", 4), f("TC301", 8), f("TC304", 12)], sups)
    assert [(k.rule, k.location.line) for k in kept] == [("TC302", 4), ("TC301", 8)]
    assert unused == []


def test_unused_suppressions_become_tc901():
    doc = Document("a.md", "intro\n<!-- termcheck: ignore TC101 -->\nclean text\n", "en")
    _, unused = filter_suppressed([], document_suppressions(doc))
    [finding] = unused_suppression_findings(unused)
    assert finding.rule == "TC901" and finding.severity is Severity.WARNING
    assert (finding.location.line, finding.location.column) == (2, 1)
    assert finding.message == "this suppression (TC101) silences nothing in the next paragraph; remove it"


def run(*args: str, cwd=None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "termcheck", *args], capture_output=True, text=True,
                          cwd=cwd, timeout=120)


def test_cli_suppressions_and_report_unused(tmp_path):
    (tmp_path / "g.csv").write_text(GLOSSARY_CSV, encoding="utf-8")
    (tmp_path / "a.md").write_text(
        "<!-- termcheck: ignore TC101 -->\nKataib Hizbollah said.\n\n"
        "<!-- termcheck: ignore TC104 -->\nclean\n", encoding="utf-8")
    quiet = run("lint", "a.md", "-g", "g.csv", "--format", "json", cwd=tmp_path)
    assert quiet.returncode == 0 and json.loads(quiet.stdout)["findings"] == []
    loud = run("lint", "a.md", "-g", "g.csv", "--format", "json", "--report-unused", cwd=tmp_path)
    assert loud.returncode == 0  # TC901 is a warning; fail-on is error
    [stale] = json.loads(loud.stdout)["findings"]
    assert (stale["rule"], stale["line"], stale["column"]) == ("TC901", 4, 1)
    # a suppression for a rule switched off is not reported as stale
    off = run("lint", "a.md", "-g", "g.csv", "--format", "json", "--report-unused", "--ignore", "TC104", cwd=tmp_path)
    assert json.loads(off.stdout)["findings"] == []

"""--format sarif, github and junit: required properties checked by hand, escaping, the CLI."""

from __future__ import annotations

import json
import subprocess
import sys
import xml.etree.ElementTree as ET

import pytest

from termcheck.baseline import fingerprints
from termcheck.model import Applicability, Document, Finding, Fix, Location, Severity
from termcheck.report import github, junit, sarif

GLOSSARY_CSV = (
    "id,en,ar,en_allowed,en_forbidden,ar_allowed,ar_forbidden,note\n"
    "kataib-hezbollah,Kataib Hezbollah,كتائب حزب الله,KH,Kata'ib Hizballah|Kataib Hizbollah,,,\n"
)


def forbidden(doc: Document, start: int, end: int, expected: str = "Kataib Hezbollah") -> Finding:
    found = doc.text[start:end]
    return Finding("TC101", Severity.ERROR, doc.location(start, end), found, f"'{found}' is not the house form",
                   expected=expected, concept="kh", fix=Fix(start, end, expected, Applicability.SAFE))


@pytest.fixture
def findings(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    doc = Document("docs/a b.md", "Intro.\nThe Kataib Hizbollah said:\nok", "en")
    source = Document("src/ar.md", "قالت كتائب حزب الله", "ar")
    cross = Finding("TC202", Severity.WARNING, doc.location(11, 27), "Kataib Hizbollah", "wrong rendering, 100%",
                    source=source.location(5, 19), source_text="كتائب حزب الله")
    note = Finding("TC302", Severity.INFO, Location("docs/a b.md", 0, 0, 0, 0, 0, 0), "", "same target")
    return [forbidden(doc, 11, 27), cross, note]


# -- SARIF -----------------------------------------------------------------------------------


def test_sarif_log_has_the_required_2_1_0_structure(findings):
    log = json.loads(sarif.render(findings, 1))
    assert log["version"] == "2.1.0"
    assert log["$schema"] == "https://json.schemastore.org/sarif-2.1.0.json"
    [run] = log["runs"]
    assert run["columnKind"] == "unicodeCodePoints"
    driver = run["tool"]["driver"]
    assert driver["name"] == "termcheck" and driver["version"]
    assert [r["id"] for r in driver["rules"]] == ["TC101", "TC202", "TC302"]
    tc101 = driver["rules"][0]
    assert tc101["name"] == "forbidden-term"
    assert tc101["shortDescription"]["text"] == "A form the glossary forbids is used."
    assert tc101["defaultConfiguration"] == {"level": "error"}
    assert "Kata'ib Hizballah -> Kataib Hezbollah" in tc101["help"]["text"]
    assert "Kata'ib Hizballah -> Kataib Hezbollah" in tc101["help"]["markdown"]
    assert driver["rules"][2]["defaultConfiguration"] == {"level": "note"}
    assert [(r["ruleId"], r["ruleIndex"], r["level"]) for r in run["results"]] == [
        ("TC101", 0, "error"), ("TC202", 1, "warning"), ("TC302", 2, "note")]


def test_sarif_result_location_fingerprint_and_fix(findings):
    result = json.loads(sarif.render(findings, 1))["runs"][0]["results"][0]
    assert result["message"] == {"text": "'Kataib Hizbollah' is not the house form"}
    # "The " is columns 1-4 of line 2, so the term starts at column 5 and ends before column 21
    assert result["locations"] == [{"physicalLocation": {
        "artifactLocation": {"uri": "docs/a%20b.md", "uriBaseId": "%SRCROOT%"},
        "region": {"startLine": 2, "startColumn": 5, "endLine": 2, "endColumn": 21,
                   "snippet": {"text": "Kataib Hizbollah"}},
    }}]
    assert result["partialFingerprints"] == {"termcheck/v1": fingerprints(findings)[0]}
    [change] = result["fixes"][0]["artifactChanges"]
    assert change["artifactLocation"]["uri"] == "docs/a%20b.md"
    assert change["replacements"] == [{
        "deletedRegion": {"startLine": 2, "startColumn": 5, "endLine": 2, "endColumn": 21},
        "insertedContent": {"text": "Kataib Hezbollah"},
    }]


def test_sarif_related_location_for_the_source_term(findings):
    results = json.loads(sarif.render(findings, 1))["runs"][0]["results"]
    [related] = results[1]["relatedLocations"]
    assert related["physicalLocation"]["artifactLocation"] == {"uri": "src/ar.md", "uriBaseId": "%SRCROOT%"}
    # Arabic columns are code points: كتائب starts after 'قالت ' (5 characters)
    assert related["physicalLocation"]["region"]["startColumn"] == 6
    assert related["physicalLocation"]["region"]["endColumn"] == 20
    assert "fixes" not in results[1]
    assert "region" not in results[2]["locations"][0]["physicalLocation"]  # no line known


def test_fingerprints_ignore_lines_but_count_occurrences():
    before = Document("a.md", "Kataib Hizbollah. Kataib Hizbollah.", "en")
    after = Document("a.md", "New first line.\n\nKataib Hizbollah. Kataib Hizbollah.", "en")
    old = fingerprints([forbidden(before, 0, 16), forbidden(before, 18, 34)])
    new = fingerprints([forbidden(after, 17, 33), forbidden(after, 35, 51)])
    assert old == new and old[0] != old[1]
    assert len(old[0]) == 32


# -- GitHub annotations ----------------------------------------------------------------------


def test_github_annotations_escape_data_and_properties(findings):
    lines = github.render(findings).splitlines()
    assert lines[0] == ("::error file=docs/a b.md,line=2,col=5,endLine=2,endColumn=21,"
                        "title=TC101 forbidden-term::'Kataib Hizbollah' is not the house form")
    assert lines[1] == ("::warning file=docs/a b.md,line=2,col=5,endLine=2,endColumn=21,title=TC202 wrong-rendering"
                        "::wrong rendering, 100%25%0Asource src/ar.md:1:6: كتائب حزب الله")
    assert lines[2] == "::notice file=docs/a b.md,title=TC302 inconsistent-source::same target"


def test_github_escaping_rules():
    assert github.escape_data("50% a\r\nb") == "50%25 a%0D%0Ab"
    assert github.escape_property("C:\\x,y") == "C%3A\\x%2Cy"
    odd = Finding("TC101", Severity.ERROR, Location("we,ird:name.md", 0, 1, 1, 1, 1, 2), "x", "m")
    assert github.annotation(odd).startswith("::error file=we%2Cird%3Aname.md,line=1,")


# -- JUnit -----------------------------------------------------------------------------------


def test_junit_parses_with_one_suite_per_file(findings):
    nasty = Finding("TC101", Severity.WARNING, Location("x&<y>.md", 0, 1, 1, 1, 1, 2), "x",
                    'say "a" & <b>\x01')
    xml = junit.render(findings + [nasty], 3, paths=["docs/a b.md", "clean.md"])
    root = ET.fromstring(xml)
    assert root.tag == "testsuites" and root.get("tests") == "5" and root.get("failures") == "3"
    suites = {s.get("name"): s for s in root.findall("testsuite")}
    assert list(suites) == ["docs/a b.md", "clean.md", "x&<y>.md"]
    cases = suites["docs/a b.md"].findall("testcase")
    assert [c.get("name") for c in cases] == ["TC101 forbidden-term at 2:5", "TC202 wrong-rendering at 2:5",
                                             "TC302 inconsistent-source at 0:0"]
    assert [c.find("failure") is not None for c in cases] == [True, True, False]  # info passes
    assert cases[0].find("failure").get("type") == "TC101 error"
    assert "source src/ar.md:1:6: كتائب حزب الله" in cases[1].find("failure").text
    [clean] = suites["clean.md"].findall("testcase")
    assert clean.get("name") == "no findings" and clean.find("failure") is None
    failure = suites["x&<y>.md"].find("testcase/failure")
    assert failure.get("message") == 'say "a" & <b>\ufffd'  # a control character XML cannot carry


# -- CLI -------------------------------------------------------------------------------------


def run(*args: str, cwd=None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "termcheck", *args], capture_output=True, text=True,
                          cwd=cwd, timeout=120)


def test_cli_formats(tmp_path):
    (tmp_path / "g.csv").write_text(GLOSSARY_CSV, encoding="utf-8")
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.md").write_text("x\nKataib Hizbollah said.\n", encoding="utf-8")
    out = run("lint", "docs/a.md", "-g", "g.csv", "--format", "sarif", cwd=tmp_path)
    assert out.returncode == 1
    [result] = json.loads(out.stdout)["runs"][0]["results"]
    assert result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "docs/a.md"
    gh = run("lint", "docs/a.md", "-g", "g.csv", "--format", "github", cwd=tmp_path)
    assert gh.stdout == ("::error file=docs/a.md,line=2,col=1,endLine=2,endColumn=17,title=TC101 forbidden-term::"
                         "'Kataib Hizbollah' is not the house form; write 'Kataib Hezbollah'\n")
    ju = run("lint", "docs/a.md", "-g", "g.csv", "--format", "junit", "-o", "report.xml", cwd=tmp_path)
    assert ju.returncode == 1 and ju.stdout == ""
    root = ET.parse(tmp_path / "report.xml").getroot()
    assert root.find("testsuite").get("name") == "docs/a.md"

"""Baselines: write the current findings, later report only new ones; stale entries are TC901."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from termcheck.baseline import apply_baseline, read_baseline, render_baseline, unused_baseline_findings
from termcheck.model import Document, Finding, InputError, Severity

GLOSSARY_CSV = (
    "id,en,ar,en_allowed,en_forbidden,ar_allowed,ar_forbidden,note\n"
    "kataib-hezbollah,Kataib Hezbollah,كتائب حزب الله,KH,Kata'ib Hizballah|Kataib Hizbollah,,,\n"
    "password,,كلمة المرور,,,,كلمة السر,\n"
)


def forbidden(doc: Document, nth: int, needle: str = "Kataib Hizbollah") -> Finding:
    start = -1
    for _ in range(nth + 1):
        start = doc.text.index(needle, start + 1)
    return Finding("TC101", Severity.ERROR, doc.location(start, start + len(needle)), needle, "m", concept="kh")


def test_baseline_round_trip_survives_edits_above(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    old = Document("a.md", "Kataib Hizbollah.\nKataib Hizbollah.\n", "en")
    (tmp_path / "b.json").write_text(render_baseline([forbidden(old, 0), forbidden(old, 1)]), encoding="utf-8")
    entries = read_baseline("b.json")
    assert [(e.rule, e.path, e.found, e.line) for e in entries] == [
        ("TC101", "a.md", "Kataib Hizbollah", 5), ("TC101", "a.md", "Kataib Hizbollah", 6)]
    new = Document("a.md", "A new lead.\n\nKataib Hizbollah.\nKataib\nHizbollah.\nKataib Hizbollah again.\n", "en")
    findings = [forbidden(new, 0), forbidden(new, 0, "Kataib\nHizbollah"), forbidden(new, 1)]
    kept, unused = apply_baseline(findings, entries)
    assert [f.location.line for f in kept] == [6]  # the third occurrence is new; re-wrapping is not
    assert unused == []
    kept, unused = apply_baseline(findings[:1], entries)
    assert kept == [] and [u.line for u in unused] == [6]
    [stale] = unused_baseline_findings("b.json", unused)
    assert (stale.rule, stale.location.path, stale.location.line) == ("TC901", "b.json", 6)


def test_empty_baseline_is_valid_json(tmp_path):
    (tmp_path / "b.json").write_text(render_baseline([]), encoding="utf-8")
    assert json.loads((tmp_path / "b.json").read_text())["findings"] == []
    assert read_baseline(str(tmp_path / "b.json")) == []


@pytest.mark.parametrize("content, message", [
    ("{\n  \"findings\": [\n", ":3:1: not a termcheck baseline"),
    ("[]", ":1: not a termcheck baseline: expected an object"),
    ('{"version": 7, "findings": []}', ":1: unsupported baseline version 7"),
])
def test_bad_baselines(tmp_path, content, message):
    path = tmp_path / "b.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError) as err:
        read_baseline(str(path))
    assert str(err.value).startswith(str(path) + message)
    with pytest.raises(InputError, match="no such baseline file"):
        read_baseline(str(tmp_path / "missing.json"))


def run(*args: str, cwd=None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "termcheck", *args], capture_output=True, text=True,
                          cwd=cwd, timeout=120)


def test_cli_baseline_fails_only_on_new_findings(tmp_path):
    (tmp_path / "g.csv").write_text(GLOSSARY_CSV, encoding="utf-8")
    article = tmp_path / "a.md"
    article.write_text("Kataib Hizbollah said.\n\nأدخل كلمة السر\n", encoding="utf-8")
    first = run("lint", "a.md", "-g", "g.csv", "--write-baseline", "tc.json", cwd=tmp_path)
    assert first.returncode == 1  # writing a baseline still reports
    assert len(json.loads((tmp_path / "tc.json").read_text(encoding="utf-8"))["findings"]) == 2
    same = run("lint", "a.md", "-g", "g.csv", "--baseline", "tc.json", cwd=tmp_path)
    assert same.returncode == 0 and "All clear" in same.stdout
    article.write_text("Intro.\n\nKataib Hizbollah said.\n\nأدخل كلمة السر\n\nKata'ib Hizballah too.\n", encoding="utf-8")
    new = run("lint", "a.md", "-g", "g.csv", "--baseline", "tc.json", "--format", "json", cwd=tmp_path)
    assert new.returncode == 1
    assert [(f["found"], f["line"]) for f in json.loads(new.stdout)["findings"]] == [("Kata'ib Hizballah", 7)]
    article.write_text("Kataib Hezbollah said.\n\nأدخل كلمة السر\n", encoding="utf-8")
    stale = run("lint", "a.md", "-g", "g.csv", "--baseline", "tc.json", "--report-unused", "--format", "json", cwd=tmp_path)
    assert [(f["rule"], f["path"], f["line"]) for f in json.loads(stale.stdout)["findings"]] == [("TC901", "tc.json", 5)]

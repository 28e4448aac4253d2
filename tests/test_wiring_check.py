"""`termcheck check SOURCE TARGET --fix / --diff`: the lint code path's fixes on both files."""

from __future__ import annotations

import json
import os
import shutil

import pytest
from typer.testing import CliRunner

from termcheck.cli import app

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PAIR = os.path.join(ROOT, "corpora", "pmf-budget")
GLOSSARY = os.path.join(ROOT, "glossaries", "house.csv")
runner = CliRunner()

# The planted TC101 errors of the pair, each written exactly once in its file (checked below).
EN_TC101 = [("Popular Mobilization Authority", "Popular Mobilization Commission"),
            ("Kataib Hizbollah", "Kataib Hezbollah")]
AR_TC101 = [("الميزانية الاتحادية", "الموازنة الاتحادية")]
EN_TC103 = [("Qais Al-Khazali", "Qais al-Khazali")]

pytestmark = pytest.mark.skipif(not (os.path.exists(PAIR) and os.path.exists(GLOSSARY)),
                                reason="bundled corpora and glossary not present")


@pytest.fixture
def pair(tmp_path):
    shutil.copy(os.path.join(PAIR, "ar.md"), tmp_path / "ar.md")
    shutil.copy(os.path.join(PAIR, "en.md"), tmp_path / "en.md")
    return tmp_path / "ar.md", tmp_path / "en.md"


def check(*args: str):
    return runner.invoke(app, ["check", *args, "-g", GLOSSARY])


def replaced(data: bytes, pairs: list[tuple[str, str]]) -> bytes:
    for old, new in pairs:
        assert data.count(old.encode()) == 1, old  # so the replacement hits exactly the finding's span
        data = data.replace(old.encode(), new.encode())
    return data


def rules_at(result) -> list[tuple[str, str, int]]:
    return [(f["rule"], os.path.basename(f["path"]), f["line"]) for f in json.loads(result.stdout)["findings"]]


def test_fix_rewrites_only_the_tc101_spans_on_both_sides(pair):
    ar, en = pair
    ar_before, en_before = ar.read_bytes(), en.read_bytes()
    found = check(str(ar), str(en), "--select", "TC101", "--format", "json")
    assert rules_at(found) == [("TC101", "ar.md", 5), ("TC101", "en.md", 3), ("TC101", "en.md", 7)]

    result = check(str(ar), str(en), "--select", "TC101", "--fix", "--format", "json")
    assert result.exit_code == 0, result.output
    assert rules_at(result) == []
    assert "fixed 3 finding(s) in 2 file(s)" in result.stderr
    assert en.read_bytes() == replaced(en_before, EN_TC101)
    assert ar.read_bytes() == replaced(ar_before, AR_TC101)

    again = check(str(ar), str(en), "--select", "TC101", "--format", "json")
    assert again.exit_code == 0 and rules_at(again) == []


def test_fix_applies_every_safe_fix_and_keeps_other_findings(pair):
    ar, en = pair
    ar_before, en_before = ar.read_bytes(), en.read_bytes()
    result = check(str(ar), str(en), "--fix", "--format", "json")
    # the safe fixes (TC101 forbidden forms, TC103 'Al-' -> 'al-') are gone; the rest is still
    # reported, the unsafe TC102 fix (Faleh al-Fayadh) included
    assert rules_at(result) == [("TC204", "en.md", 5), ("TC204", "en.md", 11), ("TC201", "en.md", 26),
                                ("TC201", "en.md", 28), ("TC102", "en.md", 30), ("TC104", "en.md", 36)]
    assert "fixed 4 finding(s) in 2 file(s)" in result.stderr
    assert en.read_bytes() == replaced(en_before, EN_TC101 + EN_TC103)
    assert ar.read_bytes() == replaced(ar_before, AR_TC101)


def test_diff_shows_the_fixes_and_writes_nothing(pair):
    ar, en = pair
    ar_before, en_before = ar.read_bytes(), en.read_bytes()
    result = check(str(ar), str(en), "--select", "TC101", "--diff")
    assert result.exit_code == 1
    assert ar.read_bytes() == ar_before and en.read_bytes() == en_before
    changed = [line for line in result.stdout.splitlines() if line[:1] in "+-" and line[:3] not in ("---", "+++")]
    assert len(changed) == 6  # three lines, each removed and added once
    assert [line[:3] for line in result.stdout.splitlines() if line[:3] in ("---", "+++")] == ["---", "+++"] * 2
    for old, new in EN_TC101 + AR_TC101:
        assert sum(old in line for line in changed if line.startswith("-")) == 1
        assert sum(new in line for line in changed if line.startswith("+")) == 1


def test_unsafe_fixes_only_with_the_flag(tmp_path):
    # TC102 (an unlisted spelling) carries an UNSAFE fix: --fix leaves it, --unsafe-fixes applies it
    glossary = tmp_path / "g.csv"
    glossary.write_text("id,en,ar,en_allowed,en_forbidden,ar_allowed,ar_forbidden,note\n"
                        "kataib-hezbollah,Kataib Hezbollah,كتائب حزب الله,KH,,,,\n", encoding="utf-8")
    src, tgt = tmp_path / "ar.md", tmp_path / "en.md"
    src.write_text("قالت كتائب حزب الله إنها لن تنسحب.\n", encoding="utf-8")
    tgt.write_bytes(b"Kataib Hezbolah said it would not withdraw.\r\n")
    base = ["check", str(src), str(tgt), "-g", str(glossary), "--format", "json"]
    plain = runner.invoke(app, base + ["--fix"])
    [finding] = json.loads(plain.stdout)["findings"]
    assert (finding["rule"], finding["fix"]) == ("TC102", {"replacement": "Kataib Hezbollah", "applicability": "unsafe",
                                                          "line": 1, "column": 1, "end_line": 1, "end_column": 16})
    assert tgt.read_bytes() == b"Kataib Hezbolah said it would not withdraw.\r\n"
    unsafe = runner.invoke(app, base + ["--fix", "--unsafe-fixes"])
    assert json.loads(unsafe.stdout)["findings"] == [] and unsafe.exit_code == 0
    assert tgt.read_bytes() == b"Kataib Hezbollah said it would not withdraw.\r\n"

"""`termcheck check SOURCE TARGET` end to end: JSON contract, alignment summary, both directions, errors."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

GLOSSARY_CSV = (
    "id,en,ar,en_allowed,en_forbidden,ar_allowed,ar_forbidden,note\n"
    "kataib-hezbollah,Kataib Hezbollah,كتائب حزب الله,KH,Kata'ib Hizballah,,,\n"
    "badr,Badr Organization,منظمة بدر,,,,,\n"
)
AR = "قالت كتائب حزب الله إن 750 ألف شخص نزحوا.\n\nوأضافت منظمة بدر أن القتال انتهى.\n"
EN_GOOD = "Kataib Hezbollah said 750,000 people were displaced.\n\nThe Badr Organization added that the fighting was over.\n"
EN_BAD = "The group said 570,000 people were displaced.\n\nThe Badr Organization added that the fighting was over.\n"


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "termcheck", *args], capture_output=True, text=True, timeout=120)


@pytest.fixture
def files(tmp_path):
    def write(name: str, text: str) -> str:
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return str(path)

    return write


def test_check_json_reports_pair_findings_with_source_fields_and_alignment(files):
    g, ar, en = files("g.csv", GLOSSARY_CSV), files("ar.md", AR), files("en.md", EN_BAD)
    result = run("check", ar, en, "-g", g, "--format", "json")
    assert result.returncode == 1, result.stderr
    data = json.loads(result.stdout)
    assert [(f["rule"], f["path"], f["line"], f["column"]) for f in data["findings"]] == [
        ("TC201", en, 1, 1),
        ("TC204", en, 1, 16),
    ]
    missing, number = data["findings"]
    assert (missing["found"], missing["expected"], missing["concept"]) == ("", "Kataib Hezbollah", "kataib-hezbollah")
    assert (missing["source_path"], missing["source_line"], missing["source_column"], missing["source_text"]) == (ar, 1, 6, "كتائب حزب الله")
    assert (number["found"], number["expected"], number["source_text"], number["source_column"]) == ("570,000", "750,000", "750 ألف", 24)
    assert (number["end_line"], number["end_column"]) == (1, 23)
    assert data["summary"]["files"] == 2 and data["summary"]["errors"] == 2
    alignment = data["alignment"]
    assert (alignment["paragraph_beads"], alignment["sentence_beads"]) == (2, 2)
    assert isinstance(alignment["low_confidence"], int) and isinstance(alignment["warnings"], list)


def test_check_clean_pair_text_output_and_exit_zero(files):
    g, ar, en = files("g.csv", GLOSSARY_CSV), files("ar.md", AR), files("en.md", EN_GOOD)
    result = run("check", ar, en, "-g", g)
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "All clear: no findings in 2 file(s)."
    assert lines[1].startswith("Alignment: 2 paragraph bead(s), 2 sentence bead(s), ")


def test_check_english_to_arabic_with_select_and_output(files, tmp_path):
    g = files("g.csv", GLOSSARY_CSV)
    en = files("en.md", "Kataib Hezbollah said 750,000 people were displaced.\n")
    ar = files("ar.md", "قالت الجماعة إن 750 ألف شخص نزحوا.\n")
    out = tmp_path / "report.json"
    result = run("check", en, ar, "-g", g, "--format", "json", "--select", "TC201", "--output", str(out),
                 "--source-lang", "en", "--target-lang", "ar")
    assert result.returncode == 1 and result.stdout == ""
    [finding] = json.loads(out.read_text(encoding="utf-8"))["findings"]
    assert (finding["rule"], finding["path"], finding["expected"], finding["source_text"]) == (
        "TC201", ar, "كتائب حزب الله", "Kataib Hezbollah")


def test_check_ignore_and_fail_on_never(files):
    g, ar, en = files("g.csv", GLOSSARY_CSV), files("ar.md", AR), files("en.md", EN_BAD)
    result = run("check", ar, en, "-g", g, "--ignore", "TC2", "--format", "json")
    assert result.returncode == 0 and json.loads(result.stdout)["findings"] == []
    assert run("check", ar, en, "-g", g, "--fail-on", "never").returncode == 0


@pytest.mark.parametrize(
    "extra, message",
    [
        (["--source-lang", "fr"], "--source-lang must be 'ar' or 'en', not 'fr'"),
        (["--target-lang", "ar"], "source and target are both 'ar'"),
    ],
)
def test_check_bad_input_is_one_line_exit_2(files, extra, message):
    g, ar, en = files("g.csv", GLOSSARY_CSV), files("ar.md", AR), files("en.md", EN_GOOD)
    result = run("check", ar, en, "-g", g, *extra)
    assert result.returncode == 2
    assert message in result.stderr and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_check_missing_file_is_an_input_error(files):
    g, ar = files("g.csv", GLOSSARY_CSV), files("ar.md", AR)
    result = run("check", ar, "nope.md", "-g", g)
    assert result.returncode == 2 and "nope.md: no such file" in result.stderr


def test_check_does_not_import_heavy_packages(files):
    g, ar, en = files("g.csv", GLOSSARY_CSV), files("ar.md", AR), files("en.md", EN_GOOD)
    code = (
        "import sys\nfrom termcheck.cli import app\n"
        f"try:\n    app(['check', {ar!r}, {en!r}, '-g', {g!r}])\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in ('torch', 'transformers', 'ctranslate2') if m in sys.modules))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.stdout.strip().splitlines()[-1] == "[]", result.stderr


@pytest.mark.parametrize("fmt, marker", [("html", "<!doctype html>"), ("sarif", '"version": "2.1.0"')])
def test_check_other_formats_go_through_the_shared_emitters(files, fmt, marker):
    g, ar, en = files("g.csv", GLOSSARY_CSV), files("ar.md", AR), files("en.md", EN_BAD)
    result = run("check", ar, en, "-g", g, "--format", fmt)
    assert result.returncode == 1, result.stderr
    assert marker in result.stdout[:4000] and "570,000" in result.stdout

"""`termcheck check SOURCE TARGET` without --glossary: alignment, numbers and omissions still run."""

from __future__ import annotations

import json

from termcheck.check import check_pair
from tests.helpers import document, run_termcheck

AR = "قال المتحدث إن ثلاثة ملايين شخص نزحوا خلال ستة أشهر.\n\nوأضاف أن القتال انتهى في الأول من آذار.\n"
EN_GOOD = "The spokesman said three million people were displaced in six months.\n\nHe added that the fighting ended on March 1.\n"
EN_BAD = "The spokesman said 30 million people were displaced in seven months.\n\nHe added that the fighting ended on March 11.\n"


def test_check_without_glossary_reports_numbers_in_json(tmp_path):
    ar, en = tmp_path / "ar.md", tmp_path / "en.md"
    ar.write_text(AR, encoding="utf-8")
    en.write_text(EN_BAD, encoding="utf-8")
    result = run_termcheck("check", str(ar), str(en), "--format", "json", "--no-config")
    assert result.returncode == 1, result.stderr
    data = json.loads(result.stdout)
    assert [(f["rule"], f["line"], f["column"], f["found"], f["expected"]) for f in data["findings"]] == [
        ("TC204", 1, 20, "30 million", "3 million"),
        ("TC204", 1, 56, "seven", "6 months"),
        ("TC204", 3, 37, "March 11", "March 1"),
    ]
    assert data["alignment"]["paragraph_beads"] == 2


def test_check_without_glossary_clean_pair_exits_zero(tmp_path):
    ar, en = tmp_path / "ar.md", tmp_path / "en.md"
    ar.write_text(AR, encoding="utf-8")
    en.write_text(EN_GOOD, encoding="utf-8")
    result = run_termcheck("check", str(ar), str(en), "--no-config")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "All clear" in result.stdout


def test_check_pair_without_a_matcher_checks_numbers():
    findings = check_pair(document(AR, "ar", "ar.md"), document(EN_BAD, "en", "en.md")).findings
    assert [(f.rule, f.found) for f in findings] == [("TC204", "30 million"), ("TC204", "seven"), ("TC204", "March 11")]


def test_a_400_digit_number_is_no_traceback_in_check_or_align(tmp_path):
    digits = "4" * 400
    ar, en = tmp_path / "ar.md", tmp_path / "en.md"
    ar.write_text(f"قتل {digits} شخصا في المدينة أمس بحسب مصادر محلية.\n", encoding="utf-8")
    en.write_text(f"Killed {digits[:-1]}5 people in the city yesterday, local sources said.\n", encoding="utf-8")
    for command in (["check", str(ar), str(en), "--no-config"], ["align", str(ar), str(en)]):
        result = run_termcheck(*command)
        assert result.returncode == 0, result.stderr
        assert "Traceback" not in result.stderr

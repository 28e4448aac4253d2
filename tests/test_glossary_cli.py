"""termcheck glossary validate|stats through the real command line: output, exit codes, refusals."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

DATA = os.path.join(os.path.dirname(__file__), "data", "glossary")
REFUSED = "XML declares a DTD/entity; refused for safety"


class Result:
    def __init__(self, returncode: int, stdout: str, stderr: str) -> None:
        self.returncode, self.stdout, self.stderr = returncode, stdout, stderr


@pytest.fixture()
def termcheck(capsys, monkeypatch):
    """Run termcheck's main() in this process, as the console script does."""
    from termcheck.cli import main

    def run(*args: str, cwd: str) -> Result:
        monkeypatch.chdir(cwd)
        monkeypatch.setattr(sys, "argv", ["termcheck", *args])
        capsys.readouterr()
        with pytest.raises(SystemExit) as info:
            main()
        out = capsys.readouterr()
        return Result(info.value.code or 0, out.out, out.err)

    return run


@pytest.fixture()
def bad_glossary(tmp_path):
    # TC004 (error) on line 2 and TC006 (warning) on line 3; 'pos' is an unknown column.
    (tmp_path / "g.csv").write_text(
        "id,en,ar,en_forbidden,pos\nm,al-Muhandis,المهندس,Al-Muhandis,noun\nh,,الحشد,Hashd,\n", encoding="utf-8"
    )
    return tmp_path


def test_bomb_refused_by_the_installed_command_in_a_real_process():
    result = subprocess.run(
        [sys.executable, "-m", "termcheck", "glossary", "validate", "bomb.tbx"],
        cwd=DATA, capture_output=True, text=True, encoding="utf-8", timeout=60,
    )
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == f"termcheck: error: bomb.tbx:2: {REFUSED}\n"


@pytest.mark.parametrize("name", ["bomb.tbx", "xxe.tbx"])
def test_entity_attacks_are_refused_with_exit_2_and_one_line(name, termcheck):
    for command in (["glossary", "validate"], ["glossary", "stats"]):
        result = termcheck(*command, name, cwd=DATA)
        assert result.returncode == 2
        assert result.stdout == ""
        assert result.stderr == f"termcheck: error: {name}:2: {REFUSED}\n"


def test_validate_text_report_and_exit_codes(bad_glossary, termcheck):
    result = termcheck("glossary", "validate", "g.csv", cwd=bad_glossary)
    assert result.returncode == 1
    assert result.stderr == "termcheck: warning: g.csv:1: unknown column 'pos' ignored\n"
    assert result.stdout.splitlines() == [
        "g.csv:2:1: TC004 [error] forbidden 'Al-Muhandis' equals the preferred form 'al-Muhandis' of the same concept 'm'",
        "    m,al-Muhandis,المهندس,Al-Muhandis,noun",
        "    ^",
        "g.csv:3:1: TC006 [warning] concept 'h' has forbidden en forms but no preferred en form",
        "    h,,الحشد,Hashd,",
        "    ^",
        "Found 2 finding(s) in 1 file(s): 1 error(s), 1 warning(s), 0 info (TC004 ×1, TC006 ×1).",
    ]


def test_validate_fail_on_and_select(bad_glossary, termcheck):
    assert termcheck("glossary", "validate", "g.csv", "--fail-on", "never", cwd=bad_glossary).returncode == 0
    only_warning = termcheck("glossary", "validate", "g.csv", "--select", "TC006", cwd=bad_glossary)
    assert only_warning.returncode == 0  # a warning is below the default --fail-on error
    assert only_warning.stdout.splitlines()[0].startswith("g.csv:3:1: TC006 [warning]")
    assert termcheck("glossary", "validate", "g.csv", "--select", "TC006", "--fail-on", "warning", cwd=bad_glossary).returncode == 1


def test_validate_json(bad_glossary, termcheck):
    result = termcheck("glossary", "validate", "g.csv", "--format", "json", cwd=bad_glossary)
    data = json.loads(result.stdout)
    assert [(f["rule"], f["path"], f["line"], f["column"], f["found"], f["concept"]) for f in data["findings"]] == [
        ("TC004", "g.csv", 2, 1, "Al-Muhandis", "m"),
        ("TC006", "g.csv", 3, 1, "Hashd", "h"),
    ]
    assert data["findings"][0]["expected"] == "al-Muhandis"


def test_validate_clean_tbx_files_exit_0(termcheck):
    result = termcheck("glossary", "validate", "v3.tbx", "basic2008.tbx", cwd=DATA)
    assert result.returncode == 0
    assert result.stdout == "All clear: no findings in 2 file(s).\n"
    assert result.stderr == "termcheck: warning: v3.tbx: languages other than en and ar ignored: fr\n"


def test_bad_input_exits_2_with_one_line(tmp_path, termcheck):
    (tmp_path / "g.csv").write_text('en,ar\n"A,ب\n', encoding="utf-8")
    result = termcheck("glossary", "validate", "g.csv", cwd=tmp_path)
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == "termcheck: error: g.csv:2: malformed CSV: a quoted cell that starts here is never closed\n"
    missing = termcheck("glossary", "stats", "nope.tsv", cwd=tmp_path)
    assert (missing.returncode, missing.stderr) == (2, "termcheck: error: nope.tsv: no such file\n")


def test_stats_text_and_json(termcheck):
    # v3.tbx: en 3+3 terms (KH, Hashd allowed; 2 forbidden), ar 3 terms; basic2008.tbx adds
    # 4 en terms and 1 ar term; the Badr concept has no Arabic.
    result = termcheck("glossary", "stats", "v3.tbx", "basic2008.tbx", cwd=DATA)
    assert result.returncode == 0
    assert result.stdout == (
        "v3.tbx, basic2008.tbx: 4 concepts\n"
        "  ar: 4 terms (3 preferred, 1 allowed, 0 forbidden)\n"
        "  en: 10 terms (4 preferred, 3 allowed, 3 forbidden)\n"
        "  concepts without ar: 1\n"
        "  concepts without en: 0\n"
        "  options: none\n"
    )
    data = json.loads(termcheck("glossary", "stats", "basic2008.tbx", "-f", "json", cwd=DATA).stdout)
    assert data == {
        "path": "basic2008.tbx",
        "concepts": 2,
        "terms": {
            "ar": {"preferred": 1, "allowed": 0, "forbidden": 0, "total": 1},
            "en": {"preferred": 2, "allowed": 1, "forbidden": 1, "total": 4},
        },
        "empty_terms": 0,
        "missing": {"ar": 1, "en": 0},
        "no_preferred": {"ar": 0, "en": 0},
        "options": {"fold_alef_maqsura": False, "fold_ta_marbuta": False},
        "warnings": [],
    }


def test_stats_reports_options_gaps_and_empty_terms(tmp_path, termcheck):
    (tmp_path / "g.csv").write_text(
        "# termcheck: fold-ta-marbuta\nen,ar,en_forbidden\nA,,x|\n,ب,\n", encoding="utf-8"
    )
    result = termcheck("glossary", "stats", "g.csv", cwd=tmp_path)
    assert result.stdout == (
        "g.csv: 2 concepts\n"
        "  ar: 1 terms (1 preferred, 0 allowed, 0 forbidden)\n"
        "  en: 2 terms (1 preferred, 0 allowed, 1 forbidden)\n"
        "  concepts without ar: 1\n"
        "  concepts without en: 1\n"
        "  empty terms: 1\n"
        "  options: fold-ta-marbuta\n"
    )

"""The program's quick exit (cli.run: flush, exit handlers, os._exit instead of tearing the
interpreter down) keeps what a caller sees: every byte of a big report on a pipe, the exit codes
0, 1 and 2, and the one-line error."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _termcheck(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "termcheck", *args], capture_output=True, text=True,
                          cwd=ROOT, timeout=120)


def test_a_report_on_a_pipe_is_whole_and_the_exit_code_kept():
    done = _termcheck("lint", "corpora", "-g", "glossaries/house.csv", "--no-config", "--format", "json")
    assert done.returncode == 1  # errors found
    report = json.loads(done.stdout)  # every byte written before the process ended
    assert report["summary"]["findings"] == len(report["findings"]) > 100


def test_exit_codes_zero_and_two_and_the_error_line(tmp_path):
    clean = tmp_path / "clean.md"
    clean.write_text("Nothing to see here.\n", encoding="utf-8")
    done = _termcheck("lint", str(clean), "-g", str(ROOT / "glossaries" / "house.csv"), "--no-config")
    assert (done.returncode, done.stderr) == (0, "")
    assert "no findings" in done.stdout
    missing = _termcheck("lint", str(tmp_path / "missing.md"), "-g", str(ROOT / "glossaries" / "house.csv"),
                         "--no-config")
    assert missing.returncode == 2
    assert missing.stderr == f"termcheck: error: {tmp_path / 'missing.md'}: no such file\n"


def test_under_a_profiler_the_interpreter_exits_itself_so_the_profile_is_written(tmp_path):
    """python -m cProfile -o writes its file after the program returns: the quick exit would lose it."""
    clean = tmp_path / "clean.md"
    clean.write_text("Nothing to see here.\n", encoding="utf-8")
    profile = tmp_path / "lint.prof"
    done = subprocess.run([sys.executable, "-m", "cProfile", "-o", str(profile), "-m", "termcheck", "lint", str(clean),
                           "-g", str(ROOT / "glossaries" / "house.csv"), "--no-config"],
                          capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert done.returncode == 0
    assert profile.stat().st_size > 0

"""`termcheck lint` end to end: findings, JSON contract, exit codes, bad input, light imports."""

from __future__ import annotations

import json
import subprocess
import sys

from tests.helpers import GLOSSARY_CSV
from tests.helpers import run_termcheck as run
import pytest



@pytest.fixture
def glossary_file(tmp_path):
    path = tmp_path / "g.csv"
    path.write_text(GLOSSARY_CSV, encoding="utf-8")
    return str(path)


def test_lint_reports_forbidden_forms_with_exact_locations(tmp_path, glossary_file):
    article = tmp_path / "a.md"
    article.write_text("# Title\n\nFighters of Kata’ib\nHizballah said.\n", encoding="utf-8")
    result = run("lint", str(article), "-g", glossary_file, "--format", "json")
    assert result.returncode == 1, result.stderr
    data = json.loads(result.stdout)
    [finding] = data["findings"]
    assert finding == {
        "rule": "TC101",
        "severity": "error",
        "path": str(article),
        "line": 3,
        "column": 13,
        "end_line": 4,
        "end_column": 10,
        "found": "Kata’ib\nHizballah",
        "expected": "Kataib Hezbollah",
        "concept": "kataib-hezbollah",
        "message": "'Kata’ib\nHizballah' is not the house form; write 'Kataib Hezbollah'",
        "fix": {"replacement": "Kataib Hezbollah", "applicability": "safe",
                "line": 3, "column": 13, "end_line": 4, "end_column": 10},
    }
    assert data["summary"]["errors"] == 1 and data["summary"]["files"] == 1


def test_lint_text_output_marks_the_span_and_summarizes(tmp_path, glossary_file):
    article = tmp_path / "a.txt"
    article.write_text("أدخل كلمة السر الآن\n", encoding="utf-8")
    result = run("lint", str(article), "-g", glossary_file)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert lines[0] == f"{article}:1:6: TC101 [error] 'كلمة السر' is not the house form; write 'كلمة المرور'"
    assert lines[1] == "    أدخل كلمة السر الآن"
    assert lines[2] == "         ^^^^^^^^^"
    assert lines[-1].startswith("Found 1 finding(s) in 1 file(s): 1 error(s)")


def test_clean_file_exits_zero_and_fail_on_never(tmp_path, glossary_file):
    article = tmp_path / "a.txt"
    article.write_text("Kataib Hezbollah (KH) said.\n", encoding="utf-8")
    clean = run("lint", str(article), "-g", glossary_file)
    assert clean.returncode == 0 and "All clear" in clean.stdout
    article.write_text("Kataib Hizbollah said.\n", encoding="utf-8")
    assert run("lint", str(article), "-g", glossary_file, "--fail-on", "never").returncode == 0
    assert run("lint", str(article), "-g", glossary_file, "--ignore", "TC1").returncode == 0


@pytest.mark.parametrize(
    "setup, message",
    [
        (lambda p: None, "no such file"),
        (lambda p: p.mkdir(), "is a directory"),
        (lambda p: p.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), "binary"),
        (lambda p: p.write_bytes("سطر\nقال \u0643".encode("cp1256")), ":1:1: not valid utf-8"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(tmp_path, glossary_file, setup, message):
    target = tmp_path / "in.txt"
    setup(target)
    result = run("lint", str(target), "-g", glossary_file)
    assert result.returncode == 2
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr


def test_other_encodings_are_honoured(tmp_path, glossary_file):
    cp = tmp_path / "cp.txt"
    cp.write_bytes("أدخل كلمة السر\n".encode("cp1256"))
    result = run("lint", str(cp), "-g", glossary_file, "--encoding", "cp1256", "--format", "json")
    assert [f["found"] for f in json.loads(result.stdout)["findings"]] == ["كلمة السر"]
    utf16 = tmp_path / "u16.txt"
    utf16.write_bytes("أدخل كلمة السر\n".encode("utf-16"))  # with BOM
    result = run("lint", str(utf16), "-g", glossary_file, "--format", "json")
    [finding] = json.loads(result.stdout)["findings"]
    assert (finding["line"], finding["column"]) == (1, 6)


def test_missing_glossary_is_a_usage_error(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("x\n", encoding="utf-8")
    result = run("lint", str(article))
    assert result.returncode == 2 and "no glossary given" in result.stderr


def test_lint_imports_no_heavy_packages(tmp_path, glossary_file):
    article = tmp_path / "a.txt"
    article.write_text("Kataib Hizbollah said.\n", encoding="utf-8")
    probe = (
        "import sys\n"
        "from termcheck.cli import main\n"
        f"sys.argv = ['termcheck', 'lint', {str(article)!r}, '-g', {glossary_file!r}]\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "heavy = sorted(m for m in ('torch', 'transformers', 'ctranslate2', 'sacrebleu', 'pydantic') if m in sys.modules)\n"
        "print('HEAVY', heavy, file=sys.stderr)\n"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120)
    assert "HEAVY []" in result.stderr
    assert "TC101" in result.stdout


def test_unknown_glossary_columns_are_ignored_with_a_warning(tmp_path):
    glossary = tmp_path / "g.csv"
    glossary.write_text("id,en,ar,domain\nkh,Kataib Hezbollah,كتائب حزب الله,military\n", encoding="utf-8")
    article = tmp_path / "a.txt"
    article.write_text("Kataib Hezbollah said.\n", encoding="utf-8")
    result = run("lint", str(article), "-g", str(glossary))
    assert result.returncode == 0
    assert result.stderr == f"termcheck: warning: {glossary}:1: unknown column 'domain' ignored\n"


def test_version_needs_no_command():
    from termcheck import __version__

    result = run("--version")
    assert (result.returncode, result.stdout) == (0, f"termcheck {__version__}\n")


def test_paths_are_printed_relative_to_the_working_directory(tmp_path, monkeypatch, capsys):
    from helpers import GLOSSARY_CSV, run_cli

    (tmp_path / "desk" / "copy").mkdir(parents=True)
    article = tmp_path / "desk" / "copy" / "a.md"
    article.write_text("Fighters of Kata'ib Hizballah.\n", encoding="utf-8")
    (tmp_path / "g.csv").write_text(GLOSSARY_CSV, encoding="utf-8")
    monkeypatch.chdir(tmp_path / "desk")
    # under the working directory: relative to it, however it was given
    for given in ("./../desk/copy/a.md", str(article)):
        _, out, _ = run_cli(monkeypatch, capsys, "lint", given, "-g", "../g.csv", "--no-config")
        assert out.startswith("copy/a.md:1:13: TC101 "), out
    # outside it: as given, tidied (a relative path), or absolute as given
    monkeypatch.chdir(tmp_path / "desk" / "copy")
    _, out, _ = run_cli(monkeypatch, capsys, "lint", "../copy/../../desk/copy/a.md", "-g", "../../g.csv", "--no-config")
    assert out.startswith("a.md:1:13: TC101 "), out
    other = tmp_path / "other.md"
    other.write_text("Kata'ib Hizballah.\n", encoding="utf-8")
    _, out, _ = run_cli(monkeypatch, capsys, "lint", "../../other.md", "-g", "../../g.csv", "--no-config")
    assert out.startswith("../../other.md:1:1: TC101 "), out
    _, out, _ = run_cli(monkeypatch, capsys, "lint", str(other), "-g", "../../g.csv", "--no-config")
    assert out.startswith(f"{other}:1:1: TC101 "), out

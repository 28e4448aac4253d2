"""termcheck.toml / [tool.termcheck]: discovery, validation, globs, directory mode, --jobs."""

from __future__ import annotations

import json
import os

import pytest

from tests.helpers import GLOSSARY_CSV
from tests.helpers import run_termcheck as run
from termcheck.config import (
    Config, apply_config, apply_severity, collect_files, find_config, glob_regex, lang_for, load_config,
)
from termcheck.model import Finding, InputError, Location, Severity



def write(path, text: str):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


# -- discovery -------------------------------------------------------------------------------


def test_find_config_walks_up_and_skips_pyproject_without_our_table(tmp_path):
    write(tmp_path / "termcheck.toml", "")
    write(tmp_path / "pkg" / "pyproject.toml", "[tool.black]\nline-length = 99\n")
    (tmp_path / "pkg" / "deep").mkdir()
    assert find_config(str(tmp_path / "pkg" / "deep")) == str(tmp_path / "termcheck.toml")
    write(tmp_path / "pkg" / "pyproject.toml", "[tool.termcheck]\nselect = ['TC1']\n")
    assert find_config(str(tmp_path / "pkg" / "deep")) == str(tmp_path / "pkg" / "pyproject.toml")
    assert load_config(str(tmp_path / "pkg" / "pyproject.toml")).select == ["TC1"]


def test_load_config_reads_every_key(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    path = write(tmp_path / "conf" / "termcheck.toml", """
glossary = ["glossaries/house.csv", "extra.tbx"]
include = ["**/*.md"]
exclude = ["drafts/**"]
select = ["tc1"]
ignore = ["TC104"]
fail-on = "warning"
encoding = "cp1256"

[lang]
"locale/ar/**" = "ar"

[severity]
TC104 = "info"
""")
    config = load_config(str(path))
    assert config.glossary == [os.path.join("conf", "glossaries", "house.csv"), os.path.join("conf", "extra.tbx")]
    assert config.include == ["**/*.md"] and config.exclude == ["drafts/**"]
    assert config.select == ["TC1"] and config.ignore == ["TC104"]
    assert config.fail_on == "warning" and config.encoding == "cp1256"
    assert config.lang == {"locale/ar/**": "ar"}
    assert config.severity == {"TC104": Severity.INFO}
    assert config.root == str(tmp_path / "conf") and config.warnings == []


@pytest.mark.parametrize("body, message", [
    ("select = ['TC1']\nfail-on = 'sometimes'\n", ":2: fail-on: expected one of error, warning, info, never"),
    ("[severity]\nTC999 = 'info'\n", ":1: severity: unknown rule code 'TC999'"),
    ("encoding = 'klingon'\n", ":1: encoding: unknown encoding 'klingon'"),
    ("\n\nselect = [1, 2]\n", ":3: select: expected a string or a list of strings"),
    ("[lang]\n'x/**' = 'fr'\n", ":1: lang: 'x/**' must be \"ar\" or \"en\", not 'fr'"),
    ("select = ['TC1'\nignore = 3\n", ":2: invalid TOML:"),
])
def test_bad_config_is_one_input_error_with_its_line(tmp_path, body, message):
    path = write(tmp_path / "termcheck.toml", body)
    with pytest.raises(InputError) as err:
        load_config(str(path))
    assert str(err.value).startswith(str(path) + message)


def test_unknown_keys_warn_on_stderr_and_malformed_toml_exits_2(tmp_path):
    write(tmp_path / "g.csv", GLOSSARY_CSV)
    write(tmp_path / "a.md", "fine\n")
    write(tmp_path / "termcheck.toml", "glossary = 'g.csv'\ncolour = 'red'\n")
    result = run("lint", "a.md", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stderr.splitlines() == [f"termcheck: warning: {tmp_path / 'termcheck.toml'}:2: unknown key 'colour' (ignored)"]
    write(tmp_path / "termcheck.toml", "glossary = 'g.csv'\n[severity\n")
    bad = run("lint", "a.md", cwd=tmp_path)
    assert bad.returncode == 2 and "Traceback" not in bad.stderr
    assert bad.stderr.startswith(f"termcheck: error: {tmp_path / 'termcheck.toml'}:2: invalid TOML")
    assert run("lint", "a.md", "-g", "g.csv", "--no-config", cwd=tmp_path).returncode == 0


# -- globs and paths -------------------------------------------------------------------------


@pytest.mark.parametrize("pattern, path, expected", [
    ("**/*.md", "a.md", True),
    ("**/*.md", "x/y/a.md", True),
    ("*.md", "x/y/a.md", True),  # no slash: any depth
    ("docs/*.md", "docs/a.md", True),
    ("docs/*.md", "docs/sub/a.md", False),
    ("docs/**", "docs/sub/a.md", True),
    ("drafts", "drafts/a.md", True),  # a folder covers what is under it
    ("locale/ar/**", "locale/en/a.po", False),
    ("a?.txt", "ab.txt", True),
    ("a?.txt", "a/.txt", False),
    ("[ab].md", "c.md", False),
])
def test_glob_semantics(pattern, path, expected):
    assert bool(glob_regex(pattern).fullmatch(path)) is expected


def test_collect_files_walks_includes_minus_excludes_and_hidden(tmp_path):
    for name in ("b.md", "a.txt", "page.html", "img.png", "sub/c.md", "drafts/d.md", ".git/e.md", "sub/.f.md"):
        write(tmp_path / name, "x")
    config = Config(root=str(tmp_path), exclude=["drafts/**"])
    found = collect_files([str(tmp_path), str(tmp_path / "img.png")], config)
    rel = [os.path.relpath(p, tmp_path) for p in found]
    assert rel == ["a.txt", "b.md", "page.html", os.path.join("sub", "c.md"), "img.png"]  # named files always
    only_md = Config(root=str(tmp_path), include=["*.md"])
    assert [os.path.relpath(p, tmp_path) for p in collect_files([str(tmp_path)], only_md)] == [
        "b.md", os.path.join("drafts", "d.md"), os.path.join("sub", "c.md")]


def test_lang_for_uses_the_first_matching_pattern(tmp_path):
    config = Config(root=str(tmp_path), lang={"locale/ar/**": "ar", "**/*.en.md": "en"})
    assert lang_for(str(tmp_path / "locale" / "ar" / "x.md"), config) == "ar"
    assert lang_for(str(tmp_path / "news" / "x.en.md"), config) == "en"
    assert lang_for(str(tmp_path / "news" / "x.md"), config) is None


def test_command_line_wins_over_the_file():
    config = Config(glossary=["a.csv"], select=["TC1"], ignore=["TC104"], fail_on="warning", encoding="cp1256")
    merged = apply_config(config, glossary=["b.csv"], select=["tc2"], fail_on="never")
    assert (merged.glossary, merged.select, merged.ignore, merged.fail_on, merged.encoding) == (
        ["b.csv"], ["TC2"], ["TC104"], "never", "cp1256")
    assert config.glossary == ["a.csv"]  # the original is untouched


def test_severity_overrides_by_code_or_prefix():
    loc = Location("a", 0, 1, 1, 1, 1, 2)
    findings = [Finding("TC101", Severity.ERROR, loc, "x", "m"), Finding("TC104", Severity.WARNING, loc, "x", "m")]
    out = apply_severity(findings, {"TC1": Severity.WARNING, "TC104": Severity.INFO})
    assert [f.severity for f in out] == [Severity.WARNING, Severity.INFO]


# -- directory mode with a config, and --jobs ------------------------------------------------


@pytest.fixture
def project(tmp_path):
    write(tmp_path / "glossaries" / "g.csv", GLOSSARY_CSV)
    write(tmp_path / "pyproject.toml", """
[project]
name = "x"

[tool.termcheck]
glossary = "glossaries/g.csv"
exclude = ["drafts/**"]
fail-on = "warning"

[tool.termcheck.severity]
TC101 = "warning"
""")
    for i in range(6):
        write(tmp_path / "news" / f"n{i}.md", "intro\n\n" + "Kataib Hizbollah said.\n" * (i + 1))
        write(tmp_path / "news" / f"n{i}.txt", "أدخل كلمة السر\n")
    write(tmp_path / "drafts" / "x.md", "Kataib Hizbollah\n")
    return tmp_path


def test_directory_mode_uses_the_config(project):
    result = run("lint", "news", "--format", "json", cwd=project / "news" / ".." )
    assert result.returncode == 1, result.stderr  # fail-on warning, TC101 lowered to warning
    data = json.loads(result.stdout)
    assert data["summary"]["files"] == 12
    assert data["summary"]["warnings"] == 27 and data["summary"]["errors"] == 0  # 1+2+..+6 + 6 Arabic
    assert not any("drafts" in f["path"] for f in data["findings"])
    assert run("lint", "news", "--fail-on", "never", cwd=project).returncode == 0


def test_jobs_give_identical_results(project):
    one = run("lint", ".", "--format", "json", "--jobs", "1", cwd=project)
    two = run("lint", ".", "--format", "json", "--jobs", "2", cwd=project)
    every = run("lint", ".", "--format", "json", "--jobs", "0", cwd=project)
    assert one.returncode == two.returncode == every.returncode == 1
    assert json.loads(one.stdout)["summary"]["findings"] == 27
    assert one.stdout == two.stdout == every.stdout

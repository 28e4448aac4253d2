"""The hooks of .pre-commit-hooks.yaml as a localization repository runs them: a scratch git
repository with a termcheck.toml, `pre-commit try-repo <this checkout> <hook>` on a clean and a
failing file: exit 0, or exit 1 with the finding printed.

pre-commit is taken from PATH, else installed from the package index into a scratch venv; the
hook environment (termcheck and its dependencies) is installed by pre-commit from the index too,
as it is for users. Without the index these tests skip and say so. The hooks are installed from
this checkout's HEAD commit (--ref), so uncommitted work in the tree does not change the result.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

GLOSSARY = "id,en,ar,en_forbidden,ar_forbidden\npassword,password,كلمة المرور,pass word,كلمة السر\n"

PO_HEADER = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Language: ar\\n"\n\n'
CLEAN_PO = PO_HEADER + 'msgid "Change your password"\nmsgstr "غيّر كلمة المرور"\n'
# line 7: the forbidden Arabic form; TC101 reports it at line 7, column 14 ('msgstr "غيّر ' is 13 characters)
FAILING_PO = PO_HEADER + 'msgid "Change your password"\nmsgstr "غيّر كلمة السر"\n'
CLEAN_MD = "# Security\n\nChange your password every year.\n"
FAILING_MD = "# Security\n\nChange your pass word every year.\n"


def run(*args, cwd: Path, env: dict | None = None, timeout: int = 900) -> subprocess.CompletedProcess:
    return subprocess.run([str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)


@pytest.fixture(scope="module")
def pre_commit(tmp_path_factory) -> list[str]:
    found = shutil.which("pre-commit")
    if found:
        return [found]
    venv = tmp_path_factory.mktemp("pre-commit-venv")
    run(sys.executable, "-m", "venv", venv, cwd=venv).check_returncode()
    result = run(venv / "bin" / "python", "-m", "pip", "install", "-q", "pre-commit", cwd=venv, timeout=600)
    if result.returncode != 0:
        pytest.skip(f"pre-commit is not installed and the package index is unreachable: {result.stderr.strip()[-300:]}")
    return [str(venv / "bin" / "pre-commit")]


@pytest.fixture(scope="module")
def home(tmp_path_factory) -> Path:
    """One PRE_COMMIT_HOME for the module: both hooks share the environment built from HEAD."""
    return tmp_path_factory.mktemp("pre-commit-home")


@pytest.fixture
def scratch(tmp_path) -> Path:
    repo = tmp_path / "l10n"
    repo.mkdir()
    run("git", "init", "-q", cwd=repo).check_returncode()
    (repo / "glossary.csv").write_text(GLOSSARY, encoding="utf-8")
    (repo / "termcheck.toml").write_text('glossary = "glossary.csv"\n', encoding="utf-8")
    (repo / "locale").mkdir()
    (repo / "locale" / "ar.po").write_text(CLEAN_PO, encoding="utf-8")
    (repo / "docs").mkdir()
    (repo / "docs" / "security.md").write_text(CLEAN_MD, encoding="utf-8")
    run("git", "add", ".", cwd=repo).check_returncode()
    return repo


def try_repo(pre_commit, home, repo: Path, hook: str, path: str) -> subprocess.CompletedProcess:
    head = run("git", "rev-parse", "HEAD", cwd=ROOT).stdout.strip()
    env = {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "PYTHONPATH")}
    env.update(PRE_COMMIT_HOME=str(home), NO_COLOR="1", PRE_COMMIT_COLOR="never")
    result = run(*pre_commit, "try-repo", ROOT, hook, "--ref", head, "--files", path, "--color", "never",
                 cwd=repo, env=env)
    if result.returncode == 3 or "An unexpected error has occurred" in result.stdout + result.stderr:
        log = home / "pre-commit.log"
        detail = log.read_text()[-2000:] if log.exists() else ""
        if "Could not find a version" in detail or "Network is unreachable" in detail:
            pytest.skip("the package index is unreachable: pre-commit cannot install the hook environment")
        pytest.fail(f"pre-commit failed to run the hook:\n{result.stdout[-2000:]}\n{detail}")
    return result


@pytest.mark.parametrize("hook, path, clean, failing, finding", [
    ("termcheck-units", "locale/ar.po", CLEAN_PO, FAILING_PO,
     "locale/ar.po:7:14: TC101 [error] 'كلمة السر' is not the house form; write 'كلمة المرور'"),
    ("termcheck-lint", "docs/security.md", CLEAN_MD, FAILING_MD,
     "docs/security.md:3:13: TC101 [error] 'pass word' is not the house form; write 'password'"),
])
def test_hook_passes_clean_file_and_fails_planted_error(pre_commit, home, scratch, hook, path, clean, failing, finding):
    result = try_repo(pre_commit, home, scratch, hook, path)
    assert result.returncode == 0, result.stdout
    assert f"termcheck {hook.split('-')[1]}" in result.stdout and "Passed" in result.stdout

    (scratch / path).write_text(failing, encoding="utf-8")
    run("git", "add", path, cwd=scratch).check_returncode()
    result = try_repo(pre_commit, home, scratch, hook, path)
    assert result.returncode == 1, result.stdout
    assert "Failed" in result.stdout and "exit code: 1" in result.stdout
    assert finding in result.stdout


def test_readme_snippet_pins_a_commit_and_names_the_hooks():
    import re

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    snippet = readme[readme.index("### pre-commit"):]
    snippet = snippet[snippet.index("```yaml"):snippet.index("```\n", 8)]
    rev = re.search(r"^\s+rev: (\S+)", snippet, flags=re.M).group(1)
    assert re.fullmatch(r"[0-9a-f]{40}", rev), f"rev {rev} is not a commit sha"
    hooks = set(re.findall(r"^- id: (\S+)", (ROOT / ".pre-commit-hooks.yaml").read_text(), flags=re.M))
    assert set(re.findall(r"^\s+- id: (\S+)", snippet, flags=re.M)) == hooks == {"termcheck-lint", "termcheck-units"}
    shallow = run("git", "rev-parse", "--is-shallow-repository", cwd=ROOT).stdout.strip()
    if shallow != "true":  # a shallow CI clone lacks the history
        assert run("git", "cat-file", "-e", f"{rev}^{{commit}}", cwd=ROOT).returncode == 0, f"{rev} is not a commit here"

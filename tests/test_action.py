"""action.yml run locally: its shell steps, in order, as a GitHub runner would run them (bash -eo
pipefail, the step's env with `${{ ... }}` expressions evaluated, GITHUB_OUTPUT/GITHUB_PATH files)
on a sample repository. The `uses:` step (upload-sarif) is GitHub's own: the test checks its
condition and that the file it uploads was written.

The install step runs `pip install` of this checkout into a fresh venv, as on GitHub: the
dependencies come from the package index (as in .ci/run); without the index the test skips.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
from pathlib import Path

import pytest

yaml = pytest.importorskip("yaml", reason="PyYAML (installed with the mt extra's transformers) reads action.yml")

ROOT = Path(__file__).resolve().parent.parent
ACTION = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))

GLOSSARY = "id,en,ar,en_forbidden\npassword,password,كلمة المرور,pass word\n"


def evaluate(expression: str, inputs: dict, outputs: dict) -> str:
    """The few expression forms action.yml uses: inputs.X, steps.S.outputs.X, github.action_path,
    and an `if:` of always() && comparisons joined by &&."""
    expression = expression.strip()
    if "&&" in expression:
        return str(all(evaluate(part, inputs, outputs) == "True" for part in expression.split("&&"))).strip()
    if expression == "always()":
        return "True"
    compare = re.fullmatch(r"(.+?)\s*(==|!=)\s*'([^']*)'", expression)
    if compare:
        left = evaluate(compare.group(1), inputs, outputs)
        return str((left == compare.group(3)) == (compare.group(2) == "=="))
    if expression == "github.action_path":
        return str(ROOT)
    if expression.startswith("inputs."):
        name = expression[len("inputs."):]
        return inputs.get(name, ACTION["inputs"][name].get("default", ""))
    step_output = re.fullmatch(r"steps\.([\w-]+)\.outputs\.([\w-]+)", expression)
    if step_output:
        return outputs.get(step_output.group(1), {}).get(step_output.group(2), "")
    raise AssertionError(f"unknown expression {expression}")


def substitute(text: str, inputs: dict, outputs: dict) -> str:
    return re.sub(r"\$\{\{(.*?)\}\}", lambda m: evaluate(m.group(1), inputs, outputs), text)


def run_action(repo: Path, runner_temp: Path, inputs: dict) -> tuple[int, str, dict, list]:
    """(exit status of the first failing step or 0, the log, step outputs, skipped `uses` steps)."""
    outputs: dict[str, dict] = {}
    log = ""
    uses = []
    path_dirs: list[str] = []
    for step in ACTION["runs"]["steps"]:
        condition = step.get("if")
        if condition is not None and substitute(condition, inputs, outputs) != "True":
            continue
        if "uses" in step:
            uses.append({k: substitute(str(v), inputs, outputs) for k, v in step.get("with", {}).items()})
            continue
        output_file = runner_temp / f"output-{len(log)}-{step.get('id', 'x')}"
        path_file = runner_temp / "github-path"
        output_file.write_text("")
        path_file.touch()
        env = {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "PYTHONPATH")}
        env["PATH"] = os.pathsep.join([*path_dirs, "/usr/local/bin", "/usr/bin", "/bin", env["PATH"]])
        env.update(RUNNER_TEMP=str(runner_temp), GITHUB_OUTPUT=str(output_file), GITHUB_PATH=str(path_file),
                   GITHUB_WORKSPACE=str(repo), GITHUB_ACTION_PATH=str(ROOT), NO_COLOR="1")
        env.update({k: substitute(str(v), inputs, outputs) for k, v in step.get("env", {}).items()})
        assert step["shell"] == "bash"
        result = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c",
                                 substitute(step["run"], inputs, outputs)],
                                cwd=repo, env=env, capture_output=True, text=True, timeout=900)
        log += result.stdout + result.stderr
        if "id" in step:
            outputs[step["id"]] = dict(line.split("=", 1) for line in output_file.read_text().splitlines() if "=" in line)
        path_dirs = [line for line in path_file.read_text().splitlines() if line][::-1]
        if result.returncode != 0:
            return result.returncode, log, outputs, uses
    return 0, log, outputs, uses


@pytest.fixture(scope="module")
def runner_temp(tmp_path_factory) -> Path:
    """One RUNNER_TEMP, so the venv of the install step is built once for the module."""
    return tmp_path_factory.mktemp("runner-temp")


@pytest.fixture
def sample(tmp_path) -> Path:
    repo = tmp_path / "site"
    (repo / "docs").mkdir(parents=True)
    (repo / "glossary.csv").write_text(GLOSSARY, encoding="utf-8")
    (repo / "docs" / "security.md").write_text("# Security\n\nChange your pass word every year.\n", encoding="utf-8")
    (repo / "docs" / "intro.md").write_text("# Welcome\n\nChoose a password.\n", encoding="utf-8")
    return repo


def test_action_inputs_are_the_documented_ones():
    assert set(ACTION["inputs"]) == {"command", "paths", "glossary", "format", "fail-on", "upload-sarif", "sarif-file"}
    assert ACTION["runs"]["using"] == "composite"
    # inputs reach the scripts only through env, never pasted into them (script injection)
    for step in ACTION["runs"]["steps"]:
        assert "inputs." not in step.get("run", "")


def test_action_annotates_uploads_sarif_and_fails_on_the_planted_error(runner_temp, sample):
    code, log, outputs, uses = run_action(sample, runner_temp, {
        "command": "lint", "paths": "docs", "glossary": "glossary.csv", "upload-sarif": "true"})
    if code != 0 and ("Could not find a version" in log or "Network is unreachable" in log):
        pytest.skip("the package index is unreachable: the install step cannot install termcheck's dependencies")
    assert code == 1, log
    assert outputs["run"] == {"exit-code": "1"}
    assert ("::error file=docs/security.md,line=3,col=13,endLine=3,endColumn=22,title=TC101 forbidden-term::"
            "'pass word' is not the house form; write 'password'") in log
    assert "intro.md" not in log
    assert uses == [{"sarif_file": "termcheck.sarif", "category": "termcheck"}]
    sarif = json.loads((sample / "termcheck.sarif").read_text(encoding="utf-8"))
    results = sarif["runs"][0]["results"]
    assert [(r["ruleId"], r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]) for r in results] == \
        [("TC101", "docs/security.md")]


def test_action_passes_on_clean_files_without_sarif(runner_temp, sample):
    code, log, outputs, uses = run_action(sample, runner_temp, {
        "command": "lint", "paths": "docs/intro.md", "glossary": "glossary.csv"})
    assert (code, outputs["run"], uses) == (0, {"exit-code": "0"}, []), log
    assert not (sample / "termcheck.sarif").exists()


def test_action_refuses_an_unknown_command(runner_temp, sample):
    code, log, _, uses = run_action(sample, runner_temp, {"command": "rm", "paths": "docs"})
    assert code == 2
    assert "::error title=termcheck::command must be lint, units or check, not 'rm'" in log
    assert uses == []

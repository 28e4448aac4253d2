"""Help pages read like a mature tool's: real metavars, no typer type labels, every advertised
format accepted, and `termcheck --help` lists each command with an example."""

from __future__ import annotations

import re

import pytest

from termcheck.cli import COMMAND_MODULES, EXAMPLES, main

COMMANDS = [["lint"], ["check"], ["units"], ["align"], ["glossary"], ["glossary", "validate"],
            ["glossary", "stats"], ["rules"], ["score"], ["mt"], ["mt", "translate"], ["mt", "convert"], []]


def run(capsys, monkeypatch, *args: str) -> tuple[int, str, str]:
    monkeypatch.setenv("COLUMNS", "200")  # one option per line, so a line holds its metavar
    monkeypatch.setenv("NO_COLOR", "1")
    with pytest.raises(SystemExit) as exit_info:
        main(list(args))
    out, err = capsys.readouterr()
    return exit_info.value.code, out, err


def option_line(page: str, option: str) -> str:
    lines = [line for line in page.splitlines() if re.search(rf"{re.escape(option)}\b(?!-)", line)]
    assert lines, f"{option} not on the help page"
    return lines[0]


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c) or "termcheck")
def test_no_typer_type_labels(capsys, monkeypatch, command):
    code, out, _ = run(capsys, monkeypatch, *command, "--help")
    assert code == 0
    assert "Usage: termcheck" in out
    assert re.findall(r"<(?:bool|str|int|float|list\[[^\]]*\]|int range)>", out) == []
    assert "{files}" not in out and "{paths}" not in out


def test_real_metavars(capsys, monkeypatch):
    _, lint, _ = run(capsys, monkeypatch, "lint", "--help")
    assert "Usage: termcheck lint [OPTIONS] {PATH}..." in lint
    assert re.search(r"--glossary\s+-g\s+FILE\s", option_line(lint, "--glossary"))
    assert re.search(r"--select\s+CODE\s", option_line(lint, "--select"))
    assert re.search(r"--ignore\s+CODE\s", option_line(lint, "--ignore"))
    assert re.search(r"--output\s+-o\s+FILE\s", option_line(lint, "--output"))
    assert re.search(r"--jobs\s+-j\s+N\b", option_line(lint, "--jobs"))
    assert re.search(r"--fail-on\s+SEVERITY\s", option_line(lint, "--fail-on"))
    # a flag shows nothing between its name and its help
    assert re.search(r"--fix\s{2,}Apply safe fixes", option_line(lint, "--fix"))
    assert re.search(r"--help\s{2,}Show this message", option_line(lint, "--help"))
    _, rules, _ = run(capsys, monkeypatch, "rules", "--help")
    assert "Usage: termcheck rules [OPTIONS] [CODE]" in rules
    _, check, _ = run(capsys, monkeypatch, "check", "--help")
    assert "Usage: termcheck check [OPTIONS] {SOURCE} {TARGET}" in check


def test_root_help_lists_every_command_with_an_example(capsys, monkeypatch):
    code, out, _ = run(capsys, monkeypatch, "--help")
    assert code == 0
    commands = out[out.index("Commands"):out.index("Examples:")]
    listed = re.findall(r"^\W*(\w+)\s{2,}\S", commands, flags=re.M)
    assert sorted(listed) == sorted(COMMAND_MODULES)  # typer lists groups (glossary, mt) last
    assert [name for name, _ in EXAMPLES] == list(COMMAND_MODULES)
    examples = out[out.index("Examples:"):]
    for name, example in EXAMPLES:
        assert example.startswith(f"termcheck {name} ")
        assert example in examples


@pytest.mark.parametrize("command, advertised", [
    (["rules"], "text, json"),
    (["score", "README.md", "README.md"], "text, json"),
    (["glossary", "stats", "glossaries/house.csv"], "text, json"),
    (["mt", "translate", "README.md", "-m", "no-such-model"], "text, json"),
    (["glossary", "validate", "glossaries/house.csv"], "text, json, sarif, github, junit"),
    (["lint", "corpora/pmf-budget/en.md", "-g", "glossaries/house.csv"], "text, json, html, sarif, github, junit"),
])
def test_every_advertised_format_is_accepted_and_no_other(capsys, monkeypatch, command, advertised):
    help_command = command[:2] if command[0] in ("glossary", "mt") else command[:1]
    _, page, _ = run(capsys, monkeypatch, *help_command, "--help")
    assert f"Output format: {advertised}." in option_line(page, "--format")
    names = advertised.split(", ")
    for name in ("text", "json", "html", "sarif", "github", "junit"):
        if name in names:
            continue
        code, out, err = run(capsys, monkeypatch, *command, "--format", name)
        assert (code, out) == (2, "")
        assert err.startswith(f"termcheck: error: --format {name} is not available for this command (use ")
        assert len(err.splitlines()) == 1
    if command[0] == "mt":
        return  # translating needs a model; the refusal above is what this command can show
    for name in names:
        code, out, err = run(capsys, monkeypatch, *command, "--format", name)
        assert code in (0, 1), err
        assert out.strip() or name in ("text", "github")  # a clean glossary: nothing to say

"""termcheck glossary validate|stats G...: check a glossary itself, or count what it holds."""

from __future__ import annotations

import json
from typing import List, Optional

import typer

from termcheck.commands import common

glossary_app = typer.Typer(
    name="glossary",
    help="Validate a glossary (TC001-TC006) or print its statistics.",
    no_args_is_help=True,
)


@glossary_app.command("validate")
def validate(
    files: List[str] = typer.Argument(..., help="Glossary files (CSV, TSV or TBX); several are checked as one merged glossary."),
    fmt: common.OutputFormat = common.FORMAT_OPTION,
    fail_on: common.FailOn = common.FAIL_ON_OPTION,
    encoding: Optional[str] = common.ENCODING_OPTION,
    select: Optional[List[str]] = common.SELECT_OPTION,
    ignore: Optional[List[str]] = common.IGNORE_OPTION,
    output: Optional[str] = common.OUTPUT_OPTION,
) -> None:
    """Empty terms, duplicates, forms both forbidden and accepted, missing preferred forms."""
    from termcheck.glossary.validate import validate_glossary
    from termcheck.io import read_text
    from termcheck.model import InputError
    from termcheck.rules.registry import selected

    glossary = common.load_glossaries(files, encoding)
    findings = [f for f in validate_glossary(glossary) if selected(f.rule, select, ignore)]
    # The excerpt lines of the text report show the glossary line itself.
    sources = {}
    for path in dict.fromkeys(files):
        try:
            sources[path] = read_text(path, encoding)[0]
        except InputError:
            pass  # e.g. XML in an encoding it declares itself: report without excerpts
    common.emit(findings, len(files), sources, fmt, output)
    raise typer.Exit(common.exit_code(findings, fail_on))


@glossary_app.command("stats")
def stats(
    files: List[str] = typer.Argument(..., help="Glossary files (CSV, TSV or TBX); several are counted as one merged glossary."),
    fmt: common.OutputFormat = common.FORMAT_OPTION,
    encoding: Optional[str] = common.ENCODING_OPTION,
    output: Optional[str] = common.OUTPUT_OPTION,
) -> None:
    """Concepts, terms per language and status, concepts missing a language, options."""
    from termcheck.glossary.stats import glossary_stats, render_stats
    from termcheck.model import InputError

    if fmt not in (common.OutputFormat.text, common.OutputFormat.json):
        raise InputError(f"--format {fmt.value} is not available for this command")
    data = glossary_stats(common.load_glossaries(files, encoding))
    if fmt is common.OutputFormat.json:
        text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    else:
        text = render_stats(data)
    common.write_output(text, output)


def register(app: typer.Typer) -> None:
    app.add_typer(glossary_app, name="glossary")

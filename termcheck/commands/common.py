"""Options and output handling shared by the commands."""

from __future__ import annotations

import os
import sys
from enum import Enum

import typer

from termcheck.model import Finding, InputError, Severity


class OutputFormat(str, Enum):
    text = "text"
    json = "json"


class FailOn(str, Enum):
    error = "error"
    warning = "warning"
    info = "info"
    never = "never"


GLOSSARY_OPTION = typer.Option(None, "--glossary", "-g", help="Glossary file (CSV, TSV or TBX). Repeat to merge several.")
FORMAT_OPTION = typer.Option(OutputFormat.text, "--format", "-f", help="Output format.")
FAIL_ON_OPTION = typer.Option(FailOn.error, "--fail-on", help="Exit 1 when a finding of this severity or worse is reported.")
ENCODING_OPTION = typer.Option(None, "--encoding", help="Encoding of inputs without a BOM (default UTF-8), e.g. cp1256.")
SELECT_OPTION = typer.Option(None, "--select", help="Only these rule codes or prefixes (TC1, TC101). Repeatable.")
IGNORE_OPTION = typer.Option(None, "--ignore", help="Skip these rule codes or prefixes. Repeatable.")
OUTPUT_OPTION = typer.Option(None, "--output", "-o", help="Write the report to this file instead of standard output.")


def load_glossaries(paths: list[str] | None):
    from termcheck.glossary import load_glossary, merge_glossaries

    if not paths:
        raise InputError("no glossary given: pass --glossary FILE (CSV, TSV or TBX)")
    glossaries = [load_glossary(p) for p in paths]
    return glossaries[0] if len(glossaries) == 1 else merge_glossaries(glossaries)


def exit_code(findings: list[Finding], fail_on: FailOn) -> int:
    if fail_on is FailOn.never:
        return 0
    threshold = Severity(fail_on.value).rank
    return 1 if any(f.severity.rank >= threshold for f in findings) else 0


def write_output(text: str, output: str | None) -> None:
    if output is None:
        sys.stdout.write(text)
        return
    try:
        with open(output, "w", encoding="utf-8") as handle:
            handle.write(text)
    except OSError as exc:
        raise InputError(f"{output}: cannot write report: {exc.strerror or exc}") from None


def use_colour(output: str | None) -> bool:
    return output is None and sys.stdout.isatty() and "NO_COLOR" not in os.environ


def emit(findings: list[Finding], files: int, sources: dict[str, str], fmt: OutputFormat, output: str | None) -> None:
    if fmt is OutputFormat.json:
        from termcheck.report import jsonfmt

        write_output(jsonfmt.render(findings, files), output)
    else:
        from termcheck.report import text

        write_output(text.render(findings, files, sources, colour=use_colour(output)), output)

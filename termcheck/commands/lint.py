"""termcheck lint FILE... --glossary G: monolingual checks of plain text and Markdown."""

from __future__ import annotations

from typing import List, Optional

import typer

from termcheck.commands import common


def lint(
    files: List[str] = typer.Argument(..., help="Text, Markdown or HTML files to check."),
    glossary: Optional[List[str]] = common.GLOSSARY_OPTION,
    lang: Optional[str] = typer.Option(None, "--lang", help="Language of the files (ar or en); detected from the script by default."),
    fmt: common.OutputFormat = common.FORMAT_OPTION,
    fail_on: common.FailOn = common.FAIL_ON_OPTION,
    encoding: Optional[str] = common.ENCODING_OPTION,
    select: Optional[List[str]] = common.SELECT_OPTION,
    ignore: Optional[List[str]] = common.IGNORE_OPTION,
    output: Optional[str] = common.OUTPUT_OPTION,
) -> None:
    """Find forbidden forms, unlisted variants, al- capitalization and inconsistent spellings."""
    from termcheck.io import read_document
    from termcheck.lint import lint_document
    from termcheck.match import Matcher
    from termcheck.model import InputError
    from termcheck.rules.registry import selected

    if lang is not None and lang not in ("ar", "en"):
        raise InputError(f"--lang must be 'ar' or 'en', not '{lang}'")
    matcher = Matcher(common.load_glossaries(glossary))
    findings = []
    sources = {}
    for path in files:
        doc = read_document(path, lang=lang, encoding=encoding)
        sources[path] = doc.text
        findings.extend(f for f in lint_document(doc, matcher) if selected(f.rule, select, ignore))
    common.emit(findings, len(files), sources, fmt, output)
    raise typer.Exit(common.exit_code(findings, fail_on))


def register(app: typer.Typer) -> None:
    app.command("lint")(lint)

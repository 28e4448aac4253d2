"""termcheck lint FILE... --glossary G: monolingual checks of plain text and Markdown."""

from __future__ import annotations

from typing import List, Optional

import typer

from termcheck.commands import common


def lint(
    files: List[str] = typer.Argument(..., metavar="PATH", help="Text, Markdown or HTML files, or folders to walk (config include/exclude globs)."),
    glossary: Optional[List[str]] = common.GLOSSARY_OPTION,
    lang: Optional[str] = typer.Option(None, "--lang", metavar="LANG", help="Language of the files (ar or en); detected from the script by default."),
    fmt: common.OutputFormat = common.FORMAT_OPTION,
    fail_on: Optional[common.FailOn] = common.CONFIGURABLE_FAIL_ON_OPTION,
    encoding: Optional[str] = common.ENCODING_OPTION,
    select: Optional[List[str]] = common.SELECT_OPTION,
    ignore: Optional[List[str]] = common.IGNORE_OPTION,
    output: Optional[str] = common.OUTPUT_OPTION,
    config_file: Optional[str] = common.CONFIG_OPTION,
    no_config: bool = common.NO_CONFIG_OPTION,
    jobs: int = common.JOBS_OPTION,
    baseline: Optional[str] = common.BASELINE_OPTION,
    write_baseline: Optional[str] = common.WRITE_BASELINE_OPTION,
    report_unused: bool = common.REPORT_UNUSED_OPTION,
    fix: bool = common.FIX_OPTION,
    diff: bool = common.DIFF_OPTION,
    unsafe_fixes: bool = common.UNSAFE_FIXES_OPTION,
) -> None:
    """Find forbidden forms, unlisted variants, al- capitalization and inconsistent spellings."""
    from termcheck.config import collect_files
    from termcheck.model import InputError

    if lang is not None and lang not in ("ar", "en"):
        raise InputError(f"--lang must be 'ar' or 'en', not '{lang}'")
    config = common.command_config(config_file, no_config, glossary=glossary, select=select, ignore=ignore,
                                   fail_on=fail_on, encoding=encoding)
    paths = collect_files(files, config)
    if not paths:
        raise InputError(f"{' '.join(files)}: is a directory with no files to check "
                         f"(include globs: {', '.join(config.include)})")
    if not config.glossary:
        common.load_glossaries(None)  # the usual 'no glossary given' error
    checked = lint_paths(paths, config, lang, jobs)
    docs = [doc for doc, _, _ in checked]
    sources = {doc.path: doc.text for doc in docs}
    raw = [f for _, found, _ in checked for f in found]
    from termcheck.suppress import document_suppressions

    suppressions = [s for doc in docs for s in document_suppressions(doc)]
    findings = common.settle_findings(raw, config, suppressions, baseline, write_baseline, report_unused)

    findings = common.apply_fix_options(findings, {doc.path: d for doc, _, d in checked},
                                        {doc.path: doc.encoding for doc in docs},
                                        fix=fix, diff=diff, unsafe=unsafe_fixes, output=output)

    def html_page() -> str:
        from termcheck.report.html import render_html, report_for_lint, report_meta, rules_setting

        meta = report_meta(paths, config.glossary, rules=rules_setting(config.select, config.ignore))
        return render_html(report_for_lint(docs, findings, meta))

    common.emit(findings, len(paths), sources, fmt, output, html_builder=html_page)
    raise typer.Exit(common.exit_code(findings, config.fail_on))


# -- checking many files, optionally in worker processes ------------------------------------------


def _lint_one(path: str, lang: str | None, encoding: str | None):
    """(Document, its findings, sha256 of the bytes read) for one file, with the worker's Matcher."""
    from termcheck.lint import lint_document

    doc, data_digest = common.read_checked(path, lang, encoding)
    return doc, lint_document(doc, common.worker_matcher()), data_digest


def lint_paths(paths: list[str], config, lang: str | None = None, jobs: int = 1) -> list[tuple]:
    """[(Document, findings, digest)] in the order of `paths`; the same for any number of jobs."""
    from termcheck.config import lang_for

    work = [(p, lang or lang_for(p, config), config.encoding) for p in paths]
    return common.map_with_matcher(_lint_one, work, config.glossary, jobs)


def register(app: typer.Typer) -> None:
    app.command("lint")(lint)

"""Options and output handling shared by the commands."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable
from enum import Enum

import typer

from termcheck.model import Finding, InputError, Severity


class OutputFormat(str, Enum):
    # typer 0.26-0.28 turn the --format callback's value back into the enum by its str()
    def __str__(self) -> str:
        return self.value

    text = "text"
    json = "json"
    html = "html"
    sarif = "sarif"
    github = "github"
    junit = "junit"


class FailOn(str, Enum):
    error = "error"
    warning = "warning"
    info = "info"
    never = "never"


# Metavars name what a value is (FILE, CODE, N); a flag takes none, so its metavar is empty
# (typer would print `<bool>`, `<str>`, `<list[str]>`).
FLAG = ""


def format_option(*formats: OutputFormat) -> typer.Option:
    """--format for a command that writes exactly `formats`: the help lists them and the parser
    rejects any other (exit 2), so no format is advertised that the command cannot write."""
    names = [f.value for f in formats]

    def accepted(value: OutputFormat | None) -> OutputFormat | None:
        if value is not None:
            only_formats(value, *formats)
        return value

    return typer.Option(OutputFormat.text, "--format", "-f", metavar="FORMAT", callback=accepted,
                        help=f"Output format: {', '.join(names)}.")


# lint, check and units write every format; the other commands take format_option(text, json...).
FORMAT_OPTION = format_option(*OutputFormat)
GLOSSARY_OPTION = typer.Option(None, "--glossary", "-g", metavar="FILE", help="Glossary file (CSV, TSV or TBX). Repeat to merge several.")
FAIL_ON_OPTION = typer.Option(FailOn.error, "--fail-on", metavar="SEVERITY", help="Exit 1 when a finding of this severity or worse is reported: error, warning, info or never.")
ENCODING_OPTION = typer.Option(None, "--encoding", metavar="CODEC", help="Encoding of inputs without a BOM (default UTF-8), e.g. cp1256.")
SELECT_OPTION = typer.Option(None, "--select", metavar="CODE", help="Only these rule codes or prefixes (TC1, TC101). Repeatable.")
IGNORE_OPTION = typer.Option(None, "--ignore", metavar="CODE", help="Skip these rule codes or prefixes. Repeatable.")
OUTPUT_OPTION = typer.Option(None, "--output", "-o", metavar="FILE", help="Write the report to this file instead of standard output.")
# CI options (config file, baseline, suppressions, fixes); see settle_findings and termcheck/fix.py.
CONFIG_OPTION = typer.Option(None, "--config", metavar="FILE", help="Read settings from this TOML file (default: the nearest termcheck.toml, or pyproject.toml with a tool.termcheck table).")
NO_CONFIG_OPTION = typer.Option(False, "--no-config", metavar=FLAG, help="Ignore every configuration file.")
CONFIGURABLE_FAIL_ON_OPTION = typer.Option(None, "--fail-on", metavar="SEVERITY", help="Exit 1 when a finding of this severity or worse is reported: error, warning, info or never (default: the config's fail-on, else error).")
JOBS_OPTION = typer.Option(1, "--jobs", "-j", min=0, metavar="N", help="Check files in this many processes (0 = all cores; at most the number of cores).")
BASELINE_OPTION = typer.Option(None, "--baseline", metavar="FILE", help="Report only findings that are not in this baseline file.")
WRITE_BASELINE_OPTION = typer.Option(None, "--write-baseline", metavar="FILE", help="Write the current findings to this baseline file.")
REPORT_UNUSED_OPTION = typer.Option(False, "--report-unused", metavar=FLAG, help="Report suppressions and baseline entries that silence nothing (TC901).")
FIX_OPTION = typer.Option(False, "--fix", metavar=FLAG, help="Apply safe fixes to the files (forbidden form -> house form).")
DIFF_OPTION = typer.Option(False, "--diff", metavar=FLAG, help="Print the fixes as a unified diff instead of writing them.")
UNSAFE_FIXES_OPTION = typer.Option(False, "--unsafe-fixes", metavar=FLAG, help="With --fix or --diff: apply unsafe fixes too (unlisted variants).")


def load_glossaries(paths: list[str] | None, encoding: str | None = None):
    """One glossary from one or several files; load warnings go to stderr."""
    from termcheck.glossary import load_glossary, merge_glossaries

    if not paths:
        raise InputError("no glossary given: pass --glossary FILE (CSV, TSV or TBX)")
    glossaries = [load_glossary(p, encoding) for p in paths]
    glossary = glossaries[0] if len(glossaries) == 1 else merge_glossaries(glossaries)
    for warning in glossary.warnings:
        print(f"termcheck: warning: {warning}", file=sys.stderr)
    return glossary


def exit_code(findings: list[Finding], fail_on: FailOn | str | None, withheld: Iterable[Severity] = ()) -> int:
    """1 when a finding, or one not shown past --max-findings (`withheld`: their severities), reaches
    `fail_on`; else 0."""
    fail_on = FailOn(fail_on or FailOn.error)  # None: nothing on the command line or in the config
    if fail_on is FailOn.never:
        return 0
    threshold = Severity(fail_on.value).rank
    return 1 if any(f.severity.rank >= threshold for f in findings) or any(
        s.rank >= threshold for s in withheld) else 0


def announce_withheld(withheld: dict, config=None) -> set[Severity]:
    """One warning line on stderr for each file whose findings passed --max-findings ({path:
    limits.Withheld}), counting those of the codes --select/--ignore leave on, at their configured
    severity; returns the severities of the findings not shown (for exit_code)."""
    from termcheck.limits import withheld_line
    from termcheck.rules.registry import selected

    select = config.select if config is not None else None
    ignore = config.ignore if config is not None else None
    overrides = sorted((config.severity if config is not None else {}).items(), key=lambda item: -len(item[0]))
    severities: set[Severity] = set()
    for path, counts in withheld.items():
        count = 0
        for (rule, severity), n in counts.items():
            if selected(rule, select, ignore):
                count += n
                severities.add(next((s for code, s in overrides if rule.startswith(code)), severity))
        if count:
            print(f"termcheck: warning: {withheld_line(path, count)}", file=sys.stderr)
    return severities


def write_output(text: str | Iterable[str], output: str | None) -> None:
    """The report on stdout, or in `output`, which must not be a file this run read (an article,
    a glossary, a config): a report never replaces an input. `text` may come in pieces (an
    emitter's stream()), written as they are made."""
    from termcheck.io import is_input

    pieces = (text,) if isinstance(text, str) else text
    if output is None:
        sys.stdout.writelines(pieces)
        return
    if is_input(output):
        raise InputError(f"{output}: is an input of this run; -o would overwrite it (choose another file)")
    try:
        with open(output, "w", encoding="utf-8") as handle:
            handle.writelines(pieces)
    except OSError as exc:
        raise InputError(f"{output}: cannot write report: {exc.strerror or exc}") from None


def use_colour(output: str | None) -> bool:
    return output is None and sys.stdout.isatty() and "NO_COLOR" not in os.environ


def emit(
    findings: list[Finding],
    files: int,
    sources: dict[str, str],
    fmt: OutputFormat,
    output: str | None,
    html_builder: Callable[[], str] | None = None,
) -> None:
    """Write the findings in `fmt`. html needs the command's builder (the page shows whole documents)."""
    if fmt is OutputFormat.html:
        if html_builder is None:
            raise InputError("--format html is not available for this command")
        write_output(html_builder(), output)
    elif fmt is OutputFormat.json:
        from termcheck.report import jsonfmt

        write_output(jsonfmt.stream(findings, files, sources=sources), output)
    elif fmt in CI_FORMATS:
        write_output(render_ci(findings, files, list(sources), fmt), output)
    else:
        from termcheck.report import text

        write_output(text.stream(findings, files, sources, colour=use_colour(output)), output)


CI_FORMATS = (OutputFormat.sarif, OutputFormat.github, OutputFormat.junit)


def render_ci(findings: list[Finding], files: int, paths: list[str], fmt: OutputFormat) -> str | Iterable[str]:
    """sarif, github or junit over the findings; `paths` are the files checked (junit lists them all).
    SARIF comes in pieces (write_output takes either)."""
    if fmt is OutputFormat.sarif:
        from termcheck.report import sarif

        return sarif.stream(findings, files)
    if fmt is OutputFormat.github:
        from termcheck.report import github

        return github.render(findings, files)
    from termcheck.report import junit

    return junit.render(findings, files, paths)


def only_formats(fmt: OutputFormat, *allowed: OutputFormat) -> None:
    """Reject a --format this command cannot write (one line, exit 2) instead of printing text;
    format_option() calls it while the options are parsed."""
    if fmt not in allowed:
        names = [f.value for f in allowed]
        names = " or ".join(names) if len(names) < 3 else ", ".join(names[:-1]) + " or " + names[-1]
        raise InputError(f"--format {fmt.value} is not available for this command (use {names})")


def apply_fix_options(
    findings: list[Finding],
    digests: dict[str, str],
    encodings: dict[str, str],
    *,
    fix: bool,
    diff: bool,
    unsafe: bool,
    output: str | None,
) -> list[Finding]:
    """The --fix / --diff / --unsafe-fixes tail shared by lint, check and units.

    `digests` maps each checked path to termcheck.fix.digest() of the bytes that were checked
    and `encodings` to the encoding that decoded them. --diff writes the unified diff (to
    `output` or stdout) and exits: 1 when there is something to fix, else 0. --fix writes the
    files and returns the findings that are left (the fixed ones are gone).
    """
    if not (fix or diff):
        return findings
    from termcheck.fix import fix_files, print_problems

    result = fix_files(findings, digests, encodings, unsafe=unsafe, diff_only=diff)
    print_problems(result.problems)
    if diff:
        write_output(result.diff, output)
        raise typer.Exit(1 if result.diff else 0)
    fixed = {id(f) for f in result.fixed}
    if result.fixed:
        print(f"termcheck: fixed {len(result.fixed)} finding(s) in {len(result.files)} file(s)", file=sys.stderr)
    return [f for f in findings if id(f) not in fixed]


def command_config(config_file: str | None = None, no_config: bool = False, **cli):
    """The Config a command runs with: the config file (unless --no-config) overridden by the
    command line's glossary, select, ignore, fail_on and encoding (None = not given)."""
    from termcheck.config import apply_config, load_settings

    if isinstance(cli.get("fail_on"), FailOn):
        cli["fail_on"] = cli["fail_on"].value
    return apply_config(load_settings(config_file, no_config), **cli)


def settle_findings(
    findings: list[Finding],
    config=None,
    suppressions: list | None = None,
    baseline: str | None = None,
    write_baseline: str | None = None,
    report_unused: bool = False,
) -> list[Finding]:
    """The shared tail of every checking command, in this order: --select/--ignore, configured
    severities, inline suppressions, --write-baseline, --baseline, and (--report-unused) TC901.

    `config` is a termcheck.config.Config after apply_config (None: no selection or severities);
    `suppressions` come from termcheck.suppress (document_suppressions / unit_suppressions).
    The order of `findings` is kept; TC901 findings come last.
    """
    from termcheck.config import apply_severity
    from termcheck.rules.registry import selected
    from termcheck.suppress import filter_suppressed, unused_suppression_findings

    select = config.select if config is not None else None
    ignore = config.ignore if config is not None else None
    severity = config.severity if config is not None else {}
    findings = apply_severity([f for f in findings if selected(f.rule, select, ignore)], severity)
    findings, unused = filter_suppressed(findings, list(suppressions or ()))
    if write_baseline:
        from termcheck.baseline import write_baseline as write

        write(write_baseline, findings)
    stale: list[Finding] = []
    if baseline:
        from termcheck.baseline import apply_baseline, read_baseline, unused_baseline_findings

        findings, unused_entries = apply_baseline(findings, read_baseline(baseline))
        stale.extend(unused_baseline_findings(baseline, unused_entries))
    if report_unused and selected("TC901", select, ignore):
        # a suppression of rules that are switched off anyway is not stale
        live = [s for s in unused if not s.codes or any(selected(c, select, ignore) for c in s.codes)]
        stale.extend(unused_suppression_findings(live))
        findings = findings + apply_severity(stale, severity)
    return findings



# -- many files, optionally in worker processes (lint DIR, check SRC_DIR TGT_DIR) -------------------

_WORKER_MATCHER = None


def _init_worker(glossary_paths: list[str]) -> None:
    """The glossary's Matcher, once per worker process, from the compiled-glossary cache when it
    holds it (termcheck.glossary.cache)."""
    global _WORKER_MATCHER
    from termcheck.match import Matcher

    if not glossary_paths:
        _WORKER_MATCHER = Matcher(_no_glossary())
        return
    from termcheck.glossary.cache import compiled_matcher

    _WORKER_MATCHER = compiled_matcher(glossary_paths)
    for warning in _WORKER_MATCHER.glossary.warnings:
        print(f"termcheck: warning: {warning}", file=sys.stderr)


def _no_glossary():
    """The empty glossary of `check` without -g: numbers, omissions and alignment need none."""
    from termcheck.model import Glossary

    return Glossary([], path="")


def worker_matcher():
    return _WORKER_MATCHER


def map_with_matcher(fn, work: list[tuple], glossary_paths: list[str], jobs: int) -> list:
    """fn(*item) for every item, in order, in `jobs` processes (0 = all cores), each with its Matcher."""
    cores = os.cpu_count() or 1
    jobs = cores if jobs == 0 else min(jobs, cores)  # more processes than cores only add start-up
    jobs = min(jobs, len(work))
    if jobs <= 1:
        _init_worker(glossary_paths)
        return [fn(*item) for item in work]
    from concurrent.futures import ProcessPoolExecutor

    if glossary_paths:
        load_glossaries(glossary_paths)  # report a bad glossary once, here, not from every worker
    with ProcessPoolExecutor(max_workers=jobs, initializer=_init_worker, initargs=(glossary_paths,)) as pool:
        return list(pool.map(fn, *zip(*work), chunksize=max(1, len(work) // (jobs * 4))))


def read_checked(path: str, lang: str | None, encoding: str | None):
    """(Document, sha256 of the bytes read): --fix later rewrites only files still as they were."""
    from termcheck.fix import digest
    from termcheck.io import decode, read_bytes
    from termcheck.model import Document
    from termcheck.text.normalize import detect_language

    data = read_bytes(path)
    text, used = decode(data, path, encoding)
    return Document(path=path, text=text, lang=lang or detect_language(text), encoding=used), digest(data)

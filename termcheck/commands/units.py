"""termcheck units PATH...: checks over PO, MO, XLIFF and TMX translation units."""

from __future__ import annotations

from typing import List, Optional

import typer

from termcheck.commands import common


def units(
    paths: List[str] = typer.Argument(..., help="PO, MO, XLIFF or TMX files, or folders to walk for them."),
    glossary: Optional[List[str]] = common.GLOSSARY_OPTION,
    include_fuzzy: bool = typer.Option(False, "--include-fuzzy", help="Check fuzzy (needs-review) units too."),
    source_lang: Optional[str] = typer.Option(None, "--source-lang", help="Source language (TMX: default header srclang)."),
    target_lang: Optional[str] = typer.Option(None, "--target-lang", help="Target language (TMX: default the other tuv)."),
    term: Optional[List[str]] = typer.Option(None, "--term", help="Report how this source term is rendered (TC307). Repeatable."),
    mine_terms: bool = typer.Option(False, "--mine-terms", help="Find frequent source terms with competing renderings (TC307)."),
    fmt: common.OutputFormat = common.FORMAT_OPTION,
    fail_on: Optional[common.FailOn] = common.CONFIGURABLE_FAIL_ON_OPTION,
    select: Optional[List[str]] = common.SELECT_OPTION,
    ignore: Optional[List[str]] = common.IGNORE_OPTION,
    output: Optional[str] = common.OUTPUT_OPTION,
    config_file: Optional[str] = common.CONFIG_OPTION,
    no_config: bool = common.NO_CONFIG_OPTION,
    baseline: Optional[str] = common.BASELINE_OPTION,
    write_baseline: Optional[str] = common.WRITE_BASELINE_OPTION,
    report_unused: bool = common.REPORT_UNUSED_OPTION,
) -> None:
    """Check translation units: glossary terms, consistency, untranslated, placeholders, markup."""
    from termcheck.formats import localization_files, read_units
    from termcheck.match import Matcher
    from termcheck.model import InputError
    from termcheck.units import UnitCheckOptions, check_units

    files = localization_files(paths)
    if not files:
        raise InputError(f"{' '.join(paths)}: no .po, .mo, .xlf, .xliff or .tmx files found")
    config = common.command_config(config_file, no_config, glossary=glossary, select=select, ignore=ignore,
                                   fail_on=fail_on)
    glossary, select, ignore = config.glossary, config.select, config.ignore
    matcher = Matcher(common.load_glossaries(glossary)) if glossary else None
    all_units = []
    sources: dict[str, str] = {}
    for path in files:
        all_units.extend(read_units(path, include_fuzzy=include_fuzzy, source_lang=source_lang,
                                    target_lang=target_lang))
        if not path.lower().endswith(".mo"):
            with open(path, encoding="utf-8", errors="replace") as handle:
                sources[path] = handle.read()
    options = UnitCheckOptions(
        terms=tuple(term or ()),
        mine_terms=mine_terms,
        select=tuple(select) if select else None,
        ignore=tuple(ignore) if ignore else None,
    )
    # unit-note suppressions are applied inside check_units; here: severities, baseline, TC901
    findings = common.settle_findings(check_units(all_units, matcher, options, sources), config, [],
                                      baseline, write_baseline, report_unused)
    common.emit(findings, len(files), sources, fmt, output)
    raise typer.Exit(common.exit_code(findings, config.fail_on))


def register(app: typer.Typer) -> None:
    app.command("units")(units)

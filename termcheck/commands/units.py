"""termcheck units PATH...: checks over PO, MO, XLIFF and TMX translation units."""

from __future__ import annotations

import re
import sys
from typing import List, Optional

import typer

from termcheck.commands import common
from termcheck.model import InputError


def units(
    paths: List[str] = typer.Argument(..., metavar="PATH", help="PO, MO, XLIFF or TMX files, or folders to walk for them."),
    glossary: Optional[List[str]] = common.GLOSSARY_OPTION,
    include_fuzzy: bool = typer.Option(False, "--include-fuzzy", metavar=common.FLAG, help="Check fuzzy (needs-review) units too."),
    source_lang: Optional[str] = typer.Option(None, "--source-lang", metavar="LANG", help="Source language (TMX: default header srclang)."),
    target_lang: Optional[str] = typer.Option(None, "--target-lang", metavar="LANG", help="Target language (TMX: default the other tuv)."),
    term: Optional[List[str]] = typer.Option(None, "--term", metavar="TERM", help="Report how this source term is rendered (TC307). Repeatable."),
    mine_terms: bool = typer.Option(False, "--mine-terms", metavar=common.FLAG, help="Find frequent source terms with competing renderings (TC307)."),
    every_unit: bool = typer.Option(False, "--all-units", metavar=common.FLAG, help="--format html: draw every unit (default: units with findings and one neighbour each side)."),
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
    fix: bool = common.FIX_OPTION,
    diff: bool = common.DIFF_OPTION,
    unsafe_fixes: bool = common.UNSAFE_FIXES_OPTION,
) -> None:
    """Check translation units: glossary terms, consistency, untranslated, placeholders, markup."""
    from termcheck.formats import detect_format, localization_files, read_units
    from termcheck.formats.language import relabel_target_language
    from termcheck.match import Matcher
    from termcheck.suppress import unit_suppressions
    from termcheck.units import UnitCheckOptions, check_units

    config = common.command_config(config_file, no_config, glossary=glossary, select=select, ignore=ignore,
                                   fail_on=fail_on)
    files = localization_files(paths, config)
    if not files:
        raise InputError(f"{' '.join(paths)}: no .po, .mo, .xlf, .xliff or .tmx files found")
    glossary, select, ignore = config.glossary, config.select, config.ignore
    matcher = Matcher(common.load_glossaries(glossary)) if glossary else None
    all_units = []
    units_of: dict[str, list] = {}
    kinds = {path: detect_format(path) for path in files}
    sources: dict[str, str] = {}
    digests: dict[str, str] = {}
    encodings: dict[str, str] = {}
    for path in files:
        units_of[path] = read_units(path, include_fuzzy=include_fuzzy, source_lang=source_lang,
                                    target_lang=target_lang)
        relabelled = relabel_target_language(units_of[path]) if target_lang is None else None
        if relabelled:
            print(f"termcheck: warning: {path}: the file says its language is '{relabelled[0]}', but its "
                  f"translations are in the Arabic script; read as '{relabelled[1]}' (--target-lang says otherwise)",
                  file=sys.stderr)
        all_units.extend(units_of[path])
        if kinds[path] != "mo":
            sources[path] = _read_source(path, kinds[path], digests, encodings)
    if matcher is not None:
        from termcheck.units.terms import languages_without_terms

        for path, lang, count in languages_without_terms(all_units, matcher):
            print(f"termcheck: warning: {path}: the glossary has no '{lang}' forms, so TC201-TC203 see no terms in "
                  f"its {count} unit(s) (--source-lang/--target-lang say otherwise)", file=sys.stderr)
    options = UnitCheckOptions(
        terms=tuple(term or ()),
        mine_terms=mine_terms,
        select=tuple(select) if select else None,
        ignore=tuple(ignore) if ignore else None,
    )
    # unit notes (`# termcheck: ignore TC101`) are suppressions like comments in documents
    findings = common.settle_findings(check_units(all_units, matcher, options, sources), config,
                                      unit_suppressions(all_units), baseline, write_baseline, report_unused)
    if fix or diff:
        from termcheck.fix import attach_unit_fixes

        unfixable = [p for p in files if kinds[p] in ("mo", "tmx")]
        if unfixable:
            print(f"termcheck: fixes are not supported for TMX/MO files; not changed: {', '.join(unfixable)}",
                  file=sys.stderr)
        fixable = {p: t for p, t in sources.items() if p in digests and kinds[p] in ("po", "xliff")}
        findings = attach_unit_fixes(findings, fixable)
        findings = common.apply_fix_options(findings, digests, encodings, fix=fix, diff=diff,
                                            unsafe=unsafe_fixes, output=output)

    def html_page() -> str:
        from termcheck.report.html import render_html, report_meta, rules_setting

        meta = report_meta(files, glossary, rules=rules_setting(select, ignore))
        return render_html(units_report(files, units_of, findings, meta, context=None if every_unit else 1))

    common.emit(findings, len(files), sources, fmt, output, html_builder=html_page)
    raise typer.Exit(common.exit_code(findings, config.fail_on))


def _read_source(path: str, kind: str, digests: dict[str, str], encodings: dict[str, str]) -> str:
    """The file's text as findings' offsets count it. When it decodes strictly in its declared
    encoding (PO charset, XML declaration), its digest and encoding are kept so --fix may rewrite it."""
    from termcheck.fix import digest
    from termcheck.io import decode, read_bytes

    data = read_bytes(path)
    encoding = _declared_encoding(data, kind)
    try:
        text, used = decode(data, path, encoding)
    except (InputError, LookupError):
        return data.decode(encoding or "utf-8", errors="replace").lstrip("\ufeff")
    digests[path] = digest(data)
    encodings[path] = used
    return text


_PO_CHARSET = re.compile(rb'^"Content-Type:[^"\n]*charset=([A-Za-z0-9._-]+)', re.M)
_XML_ENCODING = re.compile(rb'^<\?xml[^>]*encoding=["\']([A-Za-z0-9._-]+)["\']')


def _declared_encoding(data: bytes, kind: str) -> str | None:
    """PO: the header's charset; XLIFF/TMX: the XML declaration's encoding; None: UTF-8."""
    found = (_PO_CHARSET if kind == "po" else _XML_ENCODING).search(data[:4096])
    if not found:
        return None
    name = found.group(1).decode("ascii")
    if name.upper() == "CHARSET":  # the template's placeholder
        return None
    from termcheck.io import text_codec

    try:
        text_codec(name)  # base64, rot13, idna: not charsets; read as UTF-8 like an unknown name
    except InputError:
        return None
    return name


def units_report(files: list[str], units_of: dict[str, list], findings: list, meta: dict, context: int | None = None):
    """The --format html page's data: one row per unit (source | target | its findings); with
    `context`, only units with findings and that many neighbours (same file) each side.

    A finding belongs to the unit it names (extra['unit'], the nearest by line among units with
    that id); one that names none (TC901 of a note) to the unit whose lines hold it.
    """
    from termcheck.formats.units import base_lang
    from termcheck.report.html import Unit as Row, report_for_units

    rows: list[Row] = []
    row_of: dict[int, Row] = {}
    many = len(files) > 1
    for path in files:
        for unit in units_of[path]:
            label = unit.id if not unit.line else str(unit.line)  # several files: a heading row names each
            row = Row(unit.source, unit.target, label=label, group=path)
            rows.append(row)
            row_of[id(unit)] = row
    for finding in findings:
        unit = _unit_for(finding, units_of.get(finding.location.path, []))
        if unit is not None:
            row_of[id(unit)].findings.append(finding)
    first = next((u for p in files for u in units_of[p]), None)
    source_lang = base_lang(first.source_lang) if first else "en"
    target_lang = base_lang(first.target_lang) if first else "ar"
    return report_for_units(rows, meta, path=files[0] if not many else f"{len(files)} files",
                            source_lang=source_lang, target_lang=target_lang, context=context)


def _unit_for(finding, units: list):
    line = finding.location.line
    named = (finding.extra or {}).get("unit")
    candidates = [u for u in units if u.id == named] if named is not None else []
    if candidates:
        return min(candidates, key=lambda u: min(abs(u.line - line), abs((u.source_line or u.line) - line)))
    before = [u for u in units if min(u.source_line or u.line, u.line) <= line]
    return max(before, key=lambda u: min(u.source_line or u.line, u.line)) if before and line else None


def register(app: typer.Typer) -> None:
    app.command("units")(units)

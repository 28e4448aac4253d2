"""termcheck check SOURCE TARGET [--glossary G]: lint both files and compare them across languages.

Without a glossary the pair is still aligned and checked for numbers (TC204) and omissions (TC205)."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from typing import List, Optional

import typer

from termcheck.commands import common


def check(
    source: str = typer.Argument(..., metavar="SOURCE", help="The original text (Markdown, plain text or HTML), or a folder of them."),
    target: str = typer.Argument(..., metavar="TARGET", help="Its translation, or the folder of translations (same relative paths)."),
    glossary: Optional[List[str]] = common.GLOSSARY_OPTION,
    source_lang: Optional[str] = typer.Option(None, "--source-lang", metavar="LANG", help="Language of SOURCE (ar or en); detected by default."),
    target_lang: Optional[str] = typer.Option(None, "--target-lang", metavar="LANG", help="Language of TARGET (ar or en); detected by default."),
    fmt: common.OutputFormat = common.FORMAT_OPTION,
    fail_on: Optional[common.FailOn] = common.CONFIGURABLE_FAIL_ON_OPTION,
    encoding: Optional[str] = common.ENCODING_OPTION,
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
    jobs: int = common.JOBS_OPTION,
    suggest: bool = typer.Option(False, "--suggest", metavar=common.FLAG, help="Machine-translate flagged segments (glossary-true suggestions) and score MT agreement (TC401)."),
    mt_align: bool = typer.Option(False, "--mt-align", metavar=common.FLAG, help="Machine-translate the source sentences first and let the translation weigh in on the alignment (needs --mt-model)."),
    mt_model: Optional[str] = typer.Option(None, "--mt-model", metavar="MODEL", help="With --suggest or --mt-align: model directory or a name already in the Hugging Face cache."),
    mt_backend: str = typer.Option("transformers", "--mt-backend", metavar="BACKEND", help="With --suggest or --mt-align: transformers or ctranslate2."),
    device: str = typer.Option("cpu", "--device", metavar="DEVICE", help="With --suggest or --mt-align: cpu, cuda or auto."),
    batch_size: int = typer.Option(16, "--batch-size", metavar="N", help="With --suggest or --mt-align: segments translated together."),
) -> None:
    """Lint both files, align them, and report missing terms, wrong renderings and number mismatches.

    --glossary is optional: without it, numbers, omissions and alignment are checked (no term rules).
    SOURCE and TARGET may be two folders: files with the same relative path are checked as pairs
    (the config's include/exclude globs apply), in --jobs processes.
    """
    from termcheck.config import lang_for
    from termcheck.model import InputError
    from termcheck.suppress import document_suppressions

    for option, value in (("--source-lang", source_lang), ("--target-lang", target_lang)):
        if value is not None and value not in ("ar", "en"):
            raise InputError(f"{option} must be 'ar' or 'en', not '{value}'")
    config = common.command_config(config_file, no_config, glossary=glossary, select=select, ignore=ignore,
                                   fail_on=fail_on, encoding=encoding)
    glossary, select, ignore = config.glossary, config.select, config.ignore
    pairs = _pairs(source, target, config)
    if len(pairs) > 1 and fmt is common.OutputFormat.html:
        raise InputError("--format html shows one article pair: give two files, not two folders")
    for flag, wanted in (("--suggest", suggest), ("--mt-align", mt_align)):
        if wanted and not mt_model:
            raise InputError(f"{flag} needs --mt-model MODEL (a local directory or a name in the Hugging Face cache)")
    from termcheck.rules.registry import enabled_codes

    mt = dict(model=mt_model, backend=mt_backend, device=device, batch_size=batch_size) if mt_align else None
    enabled = enabled_codes(select, ignore)
    work = [(s, t, source_lang or lang_for(s, config), target_lang or lang_for(t, config), config.encoding, mt,
             enabled) for s, t in pairs]
    checked = common.map_with_matcher(_check_one, work, glossary, 1 if suggest or mt_align else jobs)
    matcher = common.worker_matcher()  # this process's, whenever the work ran here (always with --suggest)
    findings, digests, encodings, sources, suppressions, summaries, withheld = [], {}, {}, {}, [], [], {}
    for result, pair_digests in checked:
        if suggest:
            from termcheck.mt.suggest import suggest_for_check

            suggest_for_check(result, matcher, model=mt_model, backend=mt_backend, device=device, batch_size=batch_size)
        findings.extend(result.findings)
        withheld.update(result.withheld)
        digests.update(pair_digests)
        for doc in (result.source, result.target):
            encodings[doc.path] = doc.encoding
            sources[doc.path] = doc.text
            suppressions.extend(document_suppressions(doc))
        summaries.append(result.alignment_summary())
    withheld_severities = common.announce_withheld(withheld, config)
    findings = common.settle_findings(findings, config, suppressions, baseline, write_baseline, report_unused)
    findings = common.apply_fix_options(findings, digests, encodings, fix=fix, diff=diff, unsafe=unsafe_fixes,
                                        output=output)
    files = 2 * len(pairs)
    if fmt is common.OutputFormat.html:
        from termcheck.report.html import check_page

        common.write_output(check_page(checked[0][0], matcher, findings, glossary, select, ignore,
                                       mt_model if suggest else None), output)
    elif fmt is common.OutputFormat.json:
        from termcheck.report import jsonfmt

        extra = {"alignment": summaries[0]} if len(pairs) == 1 else {
            "pairs": [{"source": s, "target": t, "alignment": summary} for (s, t), summary in zip(pairs, summaries)]
        }
        common.write_output(jsonfmt.stream(findings, files, extra=extra), output)
    elif fmt in common.CI_FORMATS:
        common.write_output(common.render_ci(findings, files, list(sources), fmt), output)
    else:
        from termcheck.report import text

        common.write_output(itertools.chain(text.stream(findings, files, sources, colour=common.use_colour(output)),
                                            _alignment_lines(pairs, summaries)), output)
    raise typer.Exit(common.exit_code(findings, config.fail_on, withheld_severities))


def _alignment_lines(pairs: list[tuple[str, str]], summaries: list[dict]) -> Iterator[str]:
    """The text report's closing lines: each pair's beads and alignment warnings."""
    for (source, target), summary in zip(pairs, summaries):
        name = "Alignment" if len(pairs) == 1 else f"Alignment {source} -> {target}"
        yield (f"{name}: {summary['paragraph_beads']} paragraph bead(s), {summary['sentence_beads']} "
               f"sentence bead(s), {summary['low_confidence']} low-confidence.\n")
        yield from (f"alignment warning: {w}\n" for w in summary["warnings"])


def _check_one(source: str, target: str, source_lang: str | None, target_lang: str | None, encoding: str | None,
               mt: dict | None = None, enabled: frozenset[str] | None = None):
    """(CheckResult, {path: sha256 of the bytes read}) for one pair, with the worker's Matcher; with
    `mt` (--mt-align), the source sentences are machine-translated first, for the aligner. Each file
    keeps its first --max-findings findings of the `enabled` codes (CheckResult.withheld counts the rest)."""
    from termcheck.check import check_pair
    from termcheck.limits import LIMITS

    source_doc, source_digest = common.read_checked(source, source_lang, encoding)
    target_doc, target_digest = common.read_checked(target, target_lang, encoding)
    translations = None
    if mt is not None:
        from termcheck.mt.translate import translate
        from termcheck.text.segment import paragraphs, sentences

        texts = [source_doc.text[s.start:s.end] for s in sentences(source_doc, paragraphs(source_doc))]
        translations = translate(texts, mt["model"], source_lang=source_doc.lang, target_lang=target_doc.lang,
                                 backend=mt["backend"], device=mt["device"], batch_size=mt["batch_size"])
    result = check_pair(source_doc, target_doc, common.worker_matcher(), translations=translations,
                        limit=LIMITS.findings, enabled=enabled)
    return result, {source: source_digest, target: target_digest}


def _pairs(source: str, target: str, config) -> list[tuple[str, str]]:
    """[(source file, target file)]: the two files, or the files of two folders paired by relative path."""
    from termcheck.config import paired_files
    from termcheck.model import InputError

    pairs = paired_files(source, target, config, "checked")
    if not pairs:
        raise InputError(f"{source} and {target}: no files with the same relative path to check as pairs")
    return pairs


def register(app: typer.Typer) -> None:
    app.command("check")(check)

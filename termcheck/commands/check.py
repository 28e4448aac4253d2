"""termcheck check SOURCE TARGET --glossary G: lint both files and compare them across languages."""

from __future__ import annotations

from typing import List, Optional

import typer

from termcheck.commands import common


def check(
    source: str = typer.Argument(..., help="The original text (Markdown, plain text or HTML)."),
    target: str = typer.Argument(..., help="Its translation."),
    glossary: Optional[List[str]] = common.GLOSSARY_OPTION,
    source_lang: Optional[str] = typer.Option(None, "--source-lang", help="Language of SOURCE (ar or en); detected by default."),
    target_lang: Optional[str] = typer.Option(None, "--target-lang", help="Language of TARGET (ar or en); detected by default."),
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
    suggest: bool = typer.Option(False, "--suggest", help="Machine-translate flagged segments (glossary-true suggestions) and score MT agreement (TC401)."),
    mt_model: Optional[str] = typer.Option(None, "--mt-model", help="With --suggest: model directory or a name already in the Hugging Face cache."),
    mt_backend: str = typer.Option("transformers", "--mt-backend", help="With --suggest: transformers or ctranslate2."),
    device: str = typer.Option("cpu", "--device", help="With --suggest: cpu, cuda or auto."),
    batch_size: int = typer.Option(16, "--batch-size", help="With --suggest: segments translated together."),
) -> None:
    """Lint both files, align them, and report missing terms, wrong renderings and number mismatches."""
    from termcheck.check import check_pair
    from termcheck.fix import digest
    from termcheck.io import decode, read_bytes
    from termcheck.match import Matcher
    from termcheck.model import Document, InputError
    from termcheck.text.normalize import detect_language

    for option, value in (("--source-lang", source_lang), ("--target-lang", target_lang)):
        if value is not None and value not in ("ar", "en"):
            raise InputError(f"{option} must be 'ar' or 'en', not '{value}'")
    from termcheck.config import lang_for
    from termcheck.suppress import document_suppressions

    config = common.command_config(config_file, no_config, glossary=glossary, select=select, ignore=ignore,
                                   fail_on=fail_on, encoding=encoding)
    glossary, select, ignore = config.glossary, config.select, config.ignore
    matcher = Matcher(common.load_glossaries(glossary))
    digests: dict[str, str] = {}

    def read(path: str, lang: str | None) -> Document:
        data = read_bytes(path)
        digests[path] = digest(data)  # --fix rewrites only files still as they were checked
        text, used = decode(data, path, config.encoding)
        return Document(path=path, text=text, lang=lang or detect_language(text), encoding=used)

    source_doc = read(source, source_lang or lang_for(source, config))
    target_doc = read(target, target_lang or lang_for(target, config))
    result = check_pair(source_doc, target_doc, matcher)
    if suggest:
        from termcheck.mt.suggest import suggest_for_check

        if not mt_model:
            raise InputError("--suggest needs --mt-model MODEL (a local directory or a name in the Hugging Face cache)")
        suggest_for_check(result, matcher, model=mt_model, backend=mt_backend, device=device, batch_size=batch_size)
    suppressions = document_suppressions(source_doc) + document_suppressions(target_doc)
    findings = common.settle_findings(result.findings, config, suppressions, baseline, write_baseline, report_unused)
    findings = common.apply_fix_options(findings, digests,
                                        {source_doc.path: source_doc.encoding, target_doc.path: target_doc.encoding},
                                        fix=fix, diff=diff, unsafe=unsafe_fixes, output=output)
    summary = result.alignment_summary()
    if fmt is common.OutputFormat.html:
        from termcheck.report.html import check_page

        common.write_output(check_page(result, matcher, findings, glossary, select, ignore, mt_model if suggest else None), output)
    elif fmt is common.OutputFormat.json:
        from termcheck.report import jsonfmt

        common.write_output(jsonfmt.render(findings, 2, extra={"alignment": summary}), output)
    elif fmt in common.CI_FORMATS:
        common.write_output(common.render_ci(findings, 2, [source_doc.path, target_doc.path], fmt), output)
    else:
        from termcheck.report import text

        sources = {source_doc.path: source_doc.text, target_doc.path: target_doc.text}
        report = text.render(findings, 2, sources, colour=common.use_colour(output))
        report += (
            f"Alignment: {summary['paragraph_beads']} paragraph bead(s), {summary['sentence_beads']} "
            f"sentence bead(s), {summary['low_confidence']} low-confidence.\n"
        )
        report += "".join(f"alignment warning: {w}\n" for w in summary["warnings"])
        common.write_output(report, output)
    raise typer.Exit(common.exit_code(findings, config.fail_on))


def register(app: typer.Typer) -> None:
    app.command("check")(check)

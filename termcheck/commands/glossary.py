"""termcheck glossary validate|stats G...: check a glossary itself, or count what it holds."""

from __future__ import annotations

import json
from enum import Enum
from typing import List, Optional

import typer

from termcheck.commands import common

glossary_app = typer.Typer(
    name="glossary",
    help="Validate a glossary (TC001-TC006), print its statistics, or mine one from existing copy.",
    no_args_is_help=True,
)

# validate writes findings in every format but html (a glossary has no page of its own)
FINDINGS_FORMAT_OPTION = common.format_option(*(f for f in common.OutputFormat if f is not common.OutputFormat.html))


@glossary_app.command("validate")
def validate(
    files: List[str] = typer.Argument(..., metavar="GLOSSARY", help="Glossary files (CSV, TSV or TBX); several are checked as one merged glossary."),
    fmt: common.OutputFormat = FINDINGS_FORMAT_OPTION,
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
    files: List[str] = typer.Argument(..., metavar="GLOSSARY", help="Glossary files (CSV, TSV or TBX); several are counted as one merged glossary."),
    fmt: common.OutputFormat = common.format_option(common.OutputFormat.text, common.OutputFormat.json),
    encoding: Optional[str] = common.ENCODING_OPTION,
    output: Optional[str] = common.OUTPUT_OPTION,
) -> None:
    """Concepts, terms per language and status, concepts missing a language, options."""
    from termcheck.glossary.stats import glossary_stats, render_stats

    data = glossary_stats(common.load_glossaries(files, encoding))
    if fmt is common.OutputFormat.json:
        text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    else:
        text = render_stats(data)
    common.write_output(text, output)


class MineFormat(str, Enum):
    csv = "csv"
    json = "json"
    html = "html"


@glossary_app.command("mine")
def mine(
    inputs: List[str] = typer.Argument(None, metavar="INPUT", help="Article pairs as SOURCE TARGET (two files, or two folders paired by relative path), and PO/MO/XLIFF/TMX files."),
    units: Optional[List[str]] = typer.Option(None, "--units", metavar="PATH", help="A localization file or a folder of them (.po .mo .xlf .xliff .tmx); repeatable."),
    english: Optional[List[str]] = typer.Option(None, "--english", metavar="PATH", help="English-only copy (files or folders): more spellings of the names found; repeatable."),
    existing: Optional[List[str]] = typer.Option(None, "--existing", metavar="GLOSSARY", help="Propose only new concepts and new spellings of this glossary's concepts."),
    min_count: int = typer.Option(2, "--min-count", min=1, help="Aligned pairs a candidate must be seen in."),
    lang_pair: Optional[str] = typer.Option(None, "--lang-pair", metavar="SRC-TGT", help="Languages of SOURCE and TARGET (ar-en or en-ar); detected by default."),
    fmt: MineFormat = typer.Option(MineFormat.csv, "--format", help="csv (the glossary format, evidence in note), json or html (review pages)."),
    encoding: Optional[str] = common.ENCODING_OPTION,
    output: Optional[str] = common.OUTPUT_OPTION,
    config_file: Optional[str] = common.CONFIG_OPTION,
    no_config: bool = common.NO_CONFIG_OPTION,
) -> None:
    """Propose glossary concepts from aligned copy: names paired by transliteration, terms by association."""
    from termcheck.mine import mine as mine_pairs
    from termcheck.mine import inputs as mine_inputs
    from termcheck.mine import render
    from termcheck.model import InputError

    pair_langs = None
    if lang_pair is not None:
        pair_langs = tuple(lang_pair.lower().replace("_", "-").split("-"))
        if sorted(pair_langs) != ["ar", "en"]:
            raise InputError(f"--lang-pair must be ar-en or en-ar, not '{lang_pair}'")
    config = common.command_config(config_file, no_config, encoding=encoding)
    known = common.load_glossaries(existing, config.encoding) if existing else None
    pairs, unit_files = mine_inputs.plan(list(inputs or []), list(units or []), config)
    stream = mine_inputs.stream(pairs, unit_files, lang_pair=pair_langs, encoding=config.encoding,
                                progress=mine_inputs.terminal_progress())
    english_copy = mine_inputs.english_documents(list(english), config, config.encoding) if english else ()
    mined = mine_pairs(stream, min_count=min_count, existing=known, english=english_copy)
    if fmt is MineFormat.json:
        text = render.to_json(mined.candidates, mined.pairs)
    elif fmt is MineFormat.html:
        text = render.to_html(mined.candidates, mined.pairs)
    else:
        text = render.to_csv(mined.candidates)
    common.write_output(text, output)


def register(app: typer.Typer) -> None:
    app.add_typer(glossary_app, name="glossary")

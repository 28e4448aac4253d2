"""termcheck align SOURCE TARGET: paragraph and sentence alignment of an article and its translation."""

from __future__ import annotations

import json
from enum import Enum
from typing import List, Optional

import typer

from termcheck.commands import common


class Level(str, Enum):
    sentence = "sentence"
    paragraph = "paragraph"


class AlignFormat(str, Enum):
    text = "text"
    tsv = "tsv"
    json = "json"


COLUMN = 48


def align(
    source: str = typer.Argument(..., metavar="SOURCE", help="The original article (text, Markdown or HTML)."),
    target: str = typer.Argument(..., metavar="TARGET", help="Its translation."),
    glossary: Optional[List[str]] = typer.Option(None, "--glossary", "-g", metavar="FILE", help="Glossary whose terms anchor the alignment (optional)."),
    level: Level = typer.Option(Level.sentence, "--level", metavar="LEVEL", help="Report sentence or paragraph beads: sentence, paragraph."),
    fmt: AlignFormat = typer.Option(AlignFormat.text, "--format", "-f", metavar="FORMAT", help="Output format: text, tsv, json."),
    source_lang: Optional[str] = typer.Option(None, "--source-lang", metavar="LANG", help="ar or en (detected from the script by default)."),
    target_lang: Optional[str] = typer.Option(None, "--target-lang", metavar="LANG", help="ar or en (detected from the script by default)."),
    encoding: Optional[str] = common.ENCODING_OPTION,
    output: Optional[str] = common.OUTPUT_OPTION,
) -> None:
    """Pair the paragraphs and sentences of SOURCE with those of TARGET, with a confidence per pair."""
    from termcheck.align import align_documents
    from termcheck.io import read_document
    from termcheck.model import InputError

    for option, value in (("--source-lang", source_lang), ("--target-lang", target_lang)):
        if value is not None and value not in ("ar", "en"):
            raise InputError(f"{option} must be 'ar' or 'en', not '{value}'")
    matcher = None
    if glossary:
        from termcheck.match import Matcher

        matcher = Matcher(common.load_glossaries(glossary))
    src = read_document(source, lang=source_lang, encoding=encoding)
    tgt = read_document(target, lang=target_lang, encoding=encoding)
    alignment = align_documents(src, tgt, matcher)
    for warning in alignment.warnings:
        typer.echo(f"termcheck: warning: {warning}", err=True)
    render = {AlignFormat.text: render_text, AlignFormat.tsv: render_tsv, AlignFormat.json: render_json}[fmt]
    common.write_output(render(alignment, level.value), output)


def _segments(alignment, level: str):
    if level == "paragraph":
        return alignment.paragraph_beads, alignment.source_paragraphs, alignment.target_paragraphs
    return alignment.sentence_beads, alignment.source_sentences, alignment.target_sentences


def _texts(alignment, level: str):
    """Visible text of every segment of both sides, computed once."""
    from termcheck.text.markup import masked_text, visible_text

    _, src_segs, tgt_segs = _segments(alignment, level)
    out = []
    for doc, segs in ((alignment.source, src_segs), (alignment.target, tgt_segs)):
        masked = masked_text(doc)
        out.append([visible_text(doc, masked, s.start, s.end) for s in segs])
    return out


def _indices(ids) -> str:
    return ",".join(str(i) for i in ids)


def render_tsv(alignment, level: str) -> str:
    beads, _, _ = _segments(alignment, level)
    src_text, tgt_text = _texts(alignment, level)
    lines: list[str] = []
    for bead in beads:
        lines.append(
            "\t".join(
                [
                    _indices(bead.source),
                    _indices(bead.target),
                    f"{bead.confidence:.3f}",
                    " ".join(src_text[i] for i in bead.source).replace("\t", " "),
                    " ".join(tgt_text[j] for j in bead.target).replace("\t", " "),
                ]
            )
        )
    return "\n".join(lines) + "\n"


def _span(doc, segment) -> dict:
    loc = doc.location(segment.start, segment.end)
    return {
        "index": segment.index,
        "kind": segment.kind,
        "paragraph": segment.paragraph if segment.kind == "sentence" else segment.index,
        "start": segment.start,
        "end": segment.end,
        "line": loc.line,
        "column": loc.column,
        "end_line": loc.end_line,
        "end_column": loc.end_column,
    }


def render_json(alignment, level: str) -> str:
    beads, src_segs, tgt_segs = _segments(alignment, level)
    data = {
        "level": level,
        "source": {"path": alignment.source.path, "lang": alignment.source.lang},
        "target": {"path": alignment.target.path, "lang": alignment.target.lang},
        "warnings": alignment.warnings,
        "beads": [
            {"source": list(b.source), "target": list(b.target), "confidence": b.confidence} for b in beads
        ],
        "source_segments": [_span(alignment.source, s) for s in src_segs],
        "target_segments": [_span(alignment.target, s) for s in tgt_segs],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def render_text(alignment, level: str) -> str:
    beads, _, _ = _segments(alignment, level)
    src_text, tgt_text = _texts(alignment, level)
    lines = [f"{alignment.source.path} ({alignment.source.lang}) | {alignment.target.path} ({alignment.target.lang}), {level} beads"]
    for bead in beads:
        left = _clip(" ".join(src_text[i] for i in bead.source) or "—", COLUMN)
        right = _clip(" ".join(tgt_text[j] for j in bead.target) or "—", COLUMN)
        ids = f"{_indices(bead.source) or '-'}:{_indices(bead.target) or '-'}"
        lines.append(f"{ids:>9} {bead.confidence:4.2f}  {left:<{COLUMN}} | {right}")
    return "\n".join(lines) + "\n"


def register(app: typer.Typer) -> None:
    app.command("align")(align)

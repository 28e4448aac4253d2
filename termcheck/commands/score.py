"""termcheck score HYP REF: corpus BLEU, chrF and TER with their sacrebleu signatures."""

from __future__ import annotations

import json
from typing import Optional

import typer

from termcheck.commands import common


def read_segments(path: str, encoding: str | None) -> list[str]:
    """One segment per line; a final newline ends the last line rather than adding an empty one."""
    from termcheck.io import read_text

    text = read_text(path, encoding)[0]
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return [line.rstrip("\r") for line in lines]


def score(
    hypotheses: str = typer.Argument(..., metavar="HYP", help="Machine (or human) output: one segment per line."),
    references: str = typer.Argument(..., metavar="REF", help="Reference translation: one segment per line, same count."),
    fmt: common.OutputFormat = common.format_option(common.OutputFormat.text, common.OutputFormat.json),
    tokenize: str = typer.Option("intl", "--tokenize", metavar="NAME", help="sacrebleu tokenizer for BLEU: intl, 13a, none, char, ..."),
    encoding: Optional[str] = common.ENCODING_OPTION,
    output: Optional[str] = common.OUTPUT_OPTION,
) -> None:
    """Corpus-level BLEU, chrF and TER (sacrebleu), each printed with its signature."""
    from termcheck import __version__
    from termcheck.model import InputError
    from termcheck.mt.scoring import corpus_scores

    hyp = read_segments(hypotheses, encoding)
    ref = read_segments(references, encoding)
    if len(hyp) != len(ref):
        raise InputError(
            f"{hypotheses}:{len(hyp)}: {len(hyp)} segments, but {references} has {len(ref)}; "
            f"both files need one segment per line"
        )
    if not hyp:
        raise InputError(f"{hypotheses}: no segments to score")
    _check_segment_lengths(hypotheses, hyp)
    _check_segment_lengths(references, ref)
    scores = corpus_scores(hyp, ref, tokenize=tokenize)
    if fmt is common.OutputFormat.json:
        data = {
            "version": __version__,
            "hypotheses": hypotheses,
            "references": references,
            "segments": len(hyp),
            "scores": [s.to_dict() for s in scores],
        }
        common.write_output(json.dumps(data, ensure_ascii=False, indent=2) + "\n", output)
    else:
        lines = [f"{s.text}\n  signature: {s.signature}" for s in scores]
        common.write_output(f"{len(hyp)} segments\n" + "\n".join(lines) + "\n", output)


def _check_segment_lengths(path: str, segments: list[str]) -> None:
    """A segment past --max-segment-words is refused: TER's shift search would not end in memory."""
    from termcheck.limits import LIMITS, too_large

    for number, segment in enumerate(segments, start=1):
        words = len(segment.split())
        if words > LIMITS.segment_words:
            raise too_large(f"{path}:{number}:1", f"a segment of {words:,} words", "segment_words", "words")


def register(app: typer.Typer) -> None:
    app.command("score")(score)

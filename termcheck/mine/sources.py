"""Where mined text comes from: aligned article pairs and translation units, as a stream of pairs.

Every input becomes a stream of `Pair`s, one Arabic and one English text that translate each other,
each with where it stands (`Side`: the file and the 1-based line of its first character). Article
pairs are aligned with termcheck's own aligner (termcheck.align.align_documents, as `check` does)
and give one Pair per sentence bead that has text on both sides and a confidence of at least
MIN_BEAD_CONFIDENCE (the aligner's confidences are calibrated probabilities, so a bead below 0.5 is
more likely wrong than right, and its words would pair with the wrong words). PO/MO/XLIFF/TMX files
give one Pair per translated unit. Nothing is kept after it is yielded: an archive streams through.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from termcheck.model import Document

MIN_BEAD_CONFIDENCE = 0.5


@dataclass(frozen=True)
class Side:
    """One language's text of a pair; `line` is the line of text[0] in `path`. `exact_lines`: the
    text is a verbatim slice of the file, so each newline in it is a line of the file (articles);
    a unit's text is not (PO escapes, XML), so its words are all given the unit's line."""

    text: str
    path: str
    line: int
    exact_lines: bool = True

    def line_of(self, offset: int) -> int:
        return self.line + self.text.count("\n", 0, offset) if self.exact_lines else self.line


@dataclass(frozen=True)
class Pair:
    ar: Side
    en: Side


def article_pairs(source: Document, target: Document) -> Iterator[Pair]:
    """The confident two-sided sentence beads of an aligned article pair."""
    from termcheck.align import align_documents

    alignment = align_documents(source, target)
    docs = {source.lang: (source, alignment.source_sentences), target.lang: (target, alignment.target_sentences)}
    if set(docs) != {"ar", "en"}:
        return
    for bead in alignment.sentence_beads:
        if not bead.source or not bead.target or bead.confidence < MIN_BEAD_CONFIDENCE:
            continue
        sides = {}
        for lang, indices in ((source.lang, bead.source), (target.lang, bead.target)):
            doc, sentences = docs[lang]
            start, end = sentences[indices[0]].start, sentences[indices[-1]].end
            sides[lang] = Side(doc.text[start:end], doc.path, doc.index.line_col(start)[0])
        yield Pair(sides["ar"], sides["en"])


def unit_pairs(units: Iterable) -> Iterator[Pair]:
    """Translated units of any direction (en->ar or ar->en); untranslated and one-language units
    are skipped."""
    from termcheck.formats.units import base_lang

    for unit in units:
        if not unit.source.strip() or not unit.target.strip():
            continue
        langs = (base_lang(unit.source_lang), base_lang(unit.target_lang))
        if langs not in (("en", "ar"), ("ar", "en")):
            continue
        for source_text, target_text in _sentence_pairs(unit.source, unit.target):
            source = Side(source_text, unit.path, unit.source_line or unit.line, exact_lines=False)
            target = Side(target_text, unit.path, unit.line, exact_lines=False)
            yield Pair(target, source) if langs == ("en", "ar") else Pair(source, target)


def _sentence_pairs(source: str, target: str) -> list[tuple[str, str]]:
    """A unit of several sentences as its sentence pairs when both sides have as many sentences
    (a message of three sentences, translated sentence by sentence), else the unit whole: words
    of one sentence do not co-occur with those of another (check your spam folder / أرسلنا لك
    رسالة, two sentences apart in one django-allauth message)."""
    from termcheck.text.segment import split_sentences

    source, target = source.strip(), target.strip()
    source_spans = split_sentences(source, 0, len(source))
    target_spans = split_sentences(target, 0, len(target))
    if len(source_spans) < 2 or len(source_spans) != len(target_spans):
        return [(source, target)]
    return [(source[a:b], target[c:d]) for (a, b), (c, d) in zip(source_spans, target_spans)]

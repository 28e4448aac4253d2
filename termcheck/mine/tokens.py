"""Words of one side of a pair, in chunks that no term crosses, with where each word stands.

A chunk is a run of words between punctuation, figures (with their scale word and unit: 3.5
trillion dinars, read by termcheck.text.numbers) and words of the other script: a term is never
split by a comma or a full stop, and no figure is a term, so n-grams are taken inside chunks only. English words keep
their case (names are told by it) and lose a possessive 's; a hyphenated word is one word
(al-Muhandis, Iran-backed), digits inside a word too (COVID-19, H1N1; كوفيد-19, سارس-كوف-2). Arabic words are read on the normalized text (harakat, tatweel and
invisible marks gone, أ إ آ folded: termcheck.text.normalize) and keep the span of the original
characters, so examples point at the text as written.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from termcheck.text.arabic import ARABIC_WORD
from termcheck.text.normalize import normalize

# Letters, with digits inside a word that has a letter (COVID-19, H1N1, 2019-nCoV, N95).
_ENGLISH_WORD = re.compile(r"[A-Za-z\u00c0-\u024f0-9]+(?:['\u2019\u02bc-][A-Za-z\u00c0-\u024f0-9]+)*")
_LETTER = re.compile(r"[A-Za-z\u00c0-\u024f]")
_POSSESSIVE = re.compile(r"['\u2019\u02bc]s$")
# An Arabic word, with what a hyphen joins to it (كوفيد-19, سارس-كوف-2).
_ARABIC_TOKEN = re.compile(f"{ARABIC_WORD.pattern}(?:-(?:{ARABIC_WORD.pattern}|[0-9]+))*")
_DIGIT = re.compile("[0-9\u0660-\u0669\u06f0-\u06f9]")
_NEXT_WORD = re.compile(r"[ \u00a0]+[^\W\d_][\w\u064b-\u0652\u0640]*")
# What may stand between two words of one chunk: spaces only (a hyphen or apostrophe is inside a word).
_JOINER = re.compile(r"[ \t\n\u00a0]+")


class Word(NamedTuple):
    text: str  # as written (English: without a possessive 's; Arabic: normalized)
    start: int  # span in the side's original text
    end: int


def number_spans(text: str, lang: str) -> list[tuple[int, int]]:
    """Spans of the figures of a text with their scale word and unit (3.5 trillion dinars, 3 مليارات
    دينار: termcheck.text.numbers reads them): no part of a figure is a term."""
    if not _DIGIT.search(text):
        return []
    from termcheck.text.numbers import extract_numbers

    spans = []
    for mention in extract_numbers(text, lang):
        end = mention.end
        if mention.unit:
            unit = _NEXT_WORD.match(text, end)
            if unit:
                end = unit.end()
        spans.append((mention.start, end))
    return spans


def _in_spans(start: int, spans: list[tuple[int, int]]) -> bool:
    return any(a <= start < b for a, b in spans)


def english_chunks(text: str) -> list[list[Word]]:
    chunks: list[list[Word]] = []
    current: list[Word] = []
    last_end = None
    figures = number_spans(text, "en")
    for match in _ENGLISH_WORD.finditer(text):
        if not _LETTER.search(match.group()) or (figures and _in_spans(match.start(), figures)):
            last_end = -1  # a number, or a word of one: it breaks the chunk
            continue
        if last_end is None or last_end < 0 or not _JOINER.fullmatch(text, last_end, match.start()):
            if current:
                chunks.append(current)
            current = []
        word = _POSSESSIVE.sub("", match.group())
        current.append(Word(word, match.start(), match.start() + len(word)))
        last_end = match.end()
    if current:
        chunks.append(current)
    return chunks


def arabic_chunks(text: str) -> list[list[Word]]:
    normalized = normalize(text)
    folded = normalized.text
    chunks: list[list[Word]] = []
    current: list[Word] = []
    last_end = None
    figures = number_spans(text, "ar")
    for match in _ARABIC_TOKEN.finditer(folded):
        start, end = normalized.span(match.start(), match.end())
        if figures and _in_spans(start, figures):
            last_end = None
            continue
        if last_end is None or folded[last_end:match.start()] != " ":
            if current:
                chunks.append(current)
            current = []
        current.append(Word(match.group(), start, end))
        last_end = match.end()
    if current:
        chunks.append(current)
    return chunks

"""Words of one side of a pair, in chunks that no term crosses, with where each word stands.

A chunk is a run of words between punctuation, numbers and words of the other script: a term is
never split by a comma or a full stop, so n-grams are taken inside chunks only. English words keep
their case (names are told by it) and lose a possessive 's; a hyphenated word is one word
(al-Muhandis, Iran-backed), digits inside a word too (COVID-19, H1N1; كوفيد-19). Arabic words are read on the normalized text (harakat, tatweel and
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
# An Arabic word, and a number joined to it by a hyphen (كوفيد-19).
_ARABIC_TOKEN = re.compile(ARABIC_WORD.pattern + "(?:-[0-9]+)?")
# What may stand between two words of one chunk: spaces only (a hyphen or apostrophe is inside a word).
_JOINER = re.compile(r"[ \t\n\u00a0]+")


class Word(NamedTuple):
    text: str  # as written (English: without a possessive 's; Arabic: normalized)
    start: int  # span in the side's original text
    end: int


def english_chunks(text: str) -> list[list[Word]]:
    chunks: list[list[Word]] = []
    current: list[Word] = []
    last_end = None
    for match in _ENGLISH_WORD.finditer(text):
        if not _LETTER.search(match.group()):
            continue  # a number: it breaks the chunk
        if last_end is None or not _JOINER.fullmatch(text, last_end, match.start()):
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
    for match in _ARABIC_TOKEN.finditer(folded):
        if last_end is None or folded[last_end:match.start()] != " ":
            if current:
                chunks.append(current)
            current = []
        start, end = normalized.span(match.start(), match.end())
        current.append(Word(match.group(), start, end))
        last_end = match.end()
    if current:
        chunks.append(current)
    return chunks

"""Names: an English capitalized run and the Arabic words it transliterates, in one aligned pair.

A translator cannot translate a name, only transliterate it, so the English spelling and the Arabic
word share their consonants. Both are reduced to termcheck.align.skeleton's consonant classes (the
aligner's name anchors use the same), and inside one pair every sub-run of a capitalized English run
(1-4 words; al-, bin, ibn, abu join a run) is paired with every Arabic n-gram of 1-4 words whose
skeleton is the same string (Abu Mahdi al-Muhandis = أبو مهدي المهندس = BMHDMHNDS; Kataib Hezbollah =
كتائب حزب الله = KTBHDBL, across a different number of words). A skeleton needs MIN_CLASSES classes:
two consonants pair by chance. In one pair each word takes part in one match, longest first: al-Muhandis inside Abu Mahdi
al-Muhandis is not a second match, so a short form counts only where it stands alone.

Calibration: on the bundled corpora every house name that occurs twice pairs this way; the few
chance pairings of common words (an English word in capitals against an Arabic word with the same
consonants) occur once, and the min-count of the miner drops them.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

from termcheck.align.skeleton import arabic_skeleton, latin_skeleton
from termcheck.mine.tokens import Word
from termcheck.text.arabic import ARTICLE, FUNCTION_WORDS

MIN_CLASSES = 3
MAX_WORDS = 4
_PARTICLES = frozenset({"al", "el", "bin", "ibn", "bint", "abu", "abd"})
_LINKS = frozenset({"al", "el", "bin", "ibn", "bint"})  # never the first word of a name


def _capitalized(word: str) -> bool:
    if word[:1].isupper():
        return True
    lower = word.lower()
    return lower.startswith(("al-", "el-")) and word[3:4].isupper()


def english_runs(chunk: list[Word]) -> Iterator[list[Word]]:
    """Maximal runs of capitalized words (name particles may join two of them)."""
    run: list[Word] = []
    for i, word in enumerate(chunk):
        joins = word.text.lower() in _PARTICLES and run and i + 1 < len(chunk) and _capitalized(chunk[i + 1].text)
        if _capitalized(word.text) or joins:
            run.append(word)
            continue
        if run:
            yield run
        run = []
    if run:
        yield run


@lru_cache(maxsize=1 << 16)
def _arabic_part(word: str, written: str) -> str | None:
    return None if word in FUNCTION_WORDS else arabic_skeleton(written)


@lru_cache(maxsize=1 << 16)
def _latin_part(word: str) -> str:
    return latin_skeleton(word)


def skeleton_of(parts: list[str]) -> str:
    """The words' skeletons joined; a class doubled across a word boundary stays doubled (قوة القدس
    is KKDS, not Quds)."""
    return "".join(parts)


def capital_runs(en_chunks: list[list[Word]], name_spans, stop: frozenset = frozenset()) -> list[tuple[int, int]]:
    """Spans (over the flattened words) of the capitalized runs a term must not cut, split where a
    name match begins or ends (Prime Minister | Mohammed Shia al-Sudani). A function word (`stop`)
    at either end is not part of the run (The Popular Mobilization Commission), and a lone
    capitalized word that opens its chunk is a sentence start, not a run."""
    cuts = {b for span in name_spans for b in span}
    spans = []
    offset = 0
    for chunk in en_chunks:
        index = {id(w): offset + k for k, w in enumerate(chunk)}
        for run in english_runs(chunk):
            while run and run[0].text.lower() in stop:
                run = run[1:]
            while run and run[-1].text.lower() in stop:
                run = run[:-1]
            if not run:
                continue
            start, end = index[id(run[0])], index[id(run[-1])] + 1
            bounds = [start] + sorted(b for b in cuts if start < b < end) + [end]
            for first, last in zip(bounds, bounds[1:]):
                if last - first == 1 and first == offset:
                    continue
                spans.append((first, last))
        offset += len(chunk)
    return spans


def name_matches(ar_chunks: list[list[Word]], en_chunks: list[list[Word]], written) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """[(Arabic (chunk, start, end) as one span key, English span)]: the maximal skeleton matches of
    one pair. Spans are (first word index, last word index + 1) over the flattened word lists, the
    Arabic with chunk breaks respected. `written` strips an Arabic word's proclitics."""
    ar_skeletons: dict[str, list[tuple[int, int]]] = {}
    surnames: dict[str, list[tuple[int, int]]] = {}  # one word with the article, two classes
    offset = 0
    for chunk in ar_chunks:
        parts = [_arabic_part(w.text, written(w.text)) for w in chunk]
        for i in range(len(chunk)):
            if not parts[i]:
                continue
            firsts = [parts[i]]
            shed = _without_proclitic(chunk[i].text, written(chunk[i].text))
            if shed:
                firsts.append(shed)
            for j in range(i + 1, min(i + MAX_WORDS, len(chunk)) + 1):
                if parts[j - 1] is None:
                    break
                if not parts[j - 1]:
                    continue  # a name neither begins nor ends with a word of no consonants (أي)
                for first in firsts if j - i > 1 else firsts[:1]:
                    skeleton = skeleton_of([first] + parts[i + 1:j])
                    if len(skeleton) >= MIN_CLASSES:
                        ar_skeletons.setdefault(skeleton, []).append((offset + i, offset + j))
                if j - i == 1 and len(parts[i]) == SURNAME_CLASSES and written(chunk[i].text).startswith(ARTICLE):
                    surnames.setdefault(parts[i], []).append((offset + i, offset + j))
        offset += len(chunk)
    matches = []
    offset = 0
    for chunk in en_chunks:
        index = {id(w): offset + k for k, w in enumerate(chunk)}
        for run in english_runs(chunk):
            parts = [_latin_part(w.text) for w in run]
            for i in range(len(run)):
                if run[i].text.lower() in _LINKS or not parts[i]:
                    continue  # nor does an English one begin or end with a word of no consonants (A, I)
                for j in range(i + 1, min(i + MAX_WORDS, len(run)) + 1):
                    if not parts[j - 1]:
                        continue
                    skeleton = skeleton_of(parts[i:j])
                    found = ar_skeletons.get(skeleton, ())
                    if j - i == 1 and run[i].text.lower().startswith(("al-", "el-")):
                        found = [*found, *surnames.get(skeleton, ())]
                    for ar_span in found:
                        matches.append((ar_span, (index[id(run[i])], index[id(run[j - 1])] + 1)))
        offset += len(chunk)
    return _one_to_one(matches)


# A surname written with the article on both sides (al-Moussawi = الموسوي, al-Amiri = العامري) pairs
# with SURNAME_CLASSES consonant classes: the article on both sides is evidence of its own.
SURNAME_CLASSES = 2


@lru_cache(maxsize=1 << 16)
def _without_proclitic(word: str, written: str) -> str | None:
    """The skeleton of a name's first word without a one-letter proclitic the fold kept (the bare
    word is not in the copy: لعصائب for Asaib), or None. Names stand after ل and ب as often as other
    words, and the fold takes a proclitic off only where the copy writes the word without it."""
    if written != word or len(word) <= 3 or word[:1] not in _PROCLITIC_SOUNDS or word in FUNCTION_WORDS:
        return None
    return arabic_skeleton(word[1:]) or None


def _one_to_one(matches):
    """Longest matches first (English words, then Arabic), each word used once, in text order:
    a surname inside a full name is not a second match, a name written twice is two."""
    matches.sort(key=lambda m: (-(m[1][1] - m[1][0]), -(m[0][1] - m[0][0]), m[1][0], m[0][0]))
    ar_used: set[int] = set()
    en_used: set[int] = set()
    kept = []
    for ar_span, en_span in matches:
        ar_range, en_range = range(*ar_span), range(*en_span)
        if any(i in ar_used for i in ar_range) or any(i in en_used for i in en_range):
            continue
        ar_used.update(ar_range)
        en_used.update(en_range)
        kept.append((ar_span, en_span))
    return kept


# The English letters that may render each one-letter proclitic of termcheck.text.arabic.PROCLITICS
# when it is the name's own first letter (Walid = وليد, Basra = البصرة, Karbala = كربلاء).
_PROCLITIC_SOUNDS = {"\u0648": "wuov", "\u0641": "fvp", "\u0628": "bp", "\u0643": "kcqg", "\u0644": "l"}


def shed_proclitic(word: str, english: str) -> str:
    """An Arabic name's first word without a one-letter proclitic the English does not begin with:
    وعصائب for Asaib is و + عصائب (the skeleton ignores و; the form shown must not keep it)."""
    sounds = _PROCLITIC_SOUNDS.get(word[:1])
    first = english.lower()
    if first.startswith(("al-", "el-")):
        first = first[3:]
    if sounds and len(word) > 3 and first[:1] not in sounds:
        return word[1:]
    return word

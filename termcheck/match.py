"""Find every glossary form in a text with one Aho-Corasick automaton.

All forms of all concepts, both languages, go into one automaton keyed by their normalized text.
A raw hit is kept only at word boundaries; Arabic proclitics (و ف ب ك ل and their pairs) may stand
before a term, and ل + ال written لل is recognized too (للباسيج is الباسيج). English possessives
('s) and hyphenated compounds (Hezbollah-backed) need nothing special: ' and - are not word
characters. Overlaps are resolved globally by length, so a full name beats its surname.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

import ahocorasick

from termcheck.model import Concept, Glossary, Term
from termcheck.text.normalize import Normalized, normalize, normalize_form

ARTICLE = "\u0627\u0644"  # ال
_CONJUNCTIONS = ("", "\u0648", "\u0641")  # و ف
_PREPOSITIONS = ("", "\u0628", "\u0643", "\u0644")  # ب ك ل
PROCLITICS = frozenset(c + p for c in _CONJUNCTIONS for p in _PREPOSITIONS)
# ل + ال -> لل, optionally after و or ف: the pattern without its ال follows one of these.
_LAM_ARTICLE = frozenset(c + "\u0644\u0644" for c in _CONJUNCTIONS)


@dataclass(frozen=True)
class Entry:
    """One glossary form as stored in the automaton."""

    concept: Concept
    term: Term
    elided_article: bool = False  # the pattern is the form without its leading ال


@dataclass(frozen=True)
class Match:
    """A glossary form found in a text. start/end are offsets into the ORIGINAL text."""

    start: int
    end: int
    norm_start: int
    norm_end: int
    entries: tuple[Entry, ...]

    @property
    def concepts(self) -> tuple[Concept, ...]:
        seen: dict[int, Concept] = {}
        for entry in self.entries:
            seen.setdefault(id(entry.concept), entry.concept)
        return tuple(seen.values())

    @property
    def lang(self) -> str:
        return self.entries[0].term.lang


class Matcher:
    """Compiled glossary: build once, run over many texts."""

    def __init__(self, glossary: Glossary) -> None:
        self.glossary = glossary
        self.cache: dict = {}  # per-glossary indexes that rules build once (e.g. variant keys)
        self._fold = dict(
            fold_alef_maqsura=glossary.options.fold_alef_maqsura,
            fold_ta_marbuta=glossary.options.fold_ta_marbuta,
        )
        self.forms: dict[str, list[Entry]] = {}
        for concept in glossary.concepts:
            for term in concept.terms:
                key = self.key(term.text)
                if not key:
                    continue
                self.forms.setdefault(key, []).append(Entry(concept, term))
                if term.lang == "ar" and key.startswith(ARTICLE) and len(key) > 3:
                    stripped = key[len(ARTICLE):]
                    self.forms.setdefault(stripped, []).append(Entry(concept, term, elided_article=True))
        self._automaton = ahocorasick.Automaton(ahocorasick.STORE_ANY)
        for key, entries in self.forms.items():
            self._automaton.add_word(key, (len(key), tuple(entries)))
        if self.forms:
            self._automaton.make_automaton()

    def key(self, form: str) -> str:
        return normalize_form(form, **self._fold)

    def normalize(self, text: str) -> Normalized:
        return normalize(text, **self._fold)

    def find(self, text: str, normalized: Normalized | None = None) -> list[Match]:
        """All matches in `text`, longest first on overlap, in text order."""
        if not self.forms:
            return []
        norm = normalized if normalized is not None else self.normalize(text)
        candidates = list(self._candidates(norm.text))
        matches = []
        for start, end, entries in _longest_non_overlapping(candidates):
            orig_start, orig_end = norm.span(start, end)
            matches.append(Match(orig_start, orig_end, start, end, entries))
        return matches

    def _candidates(self, s: str):
        n = len(s)
        for last, (length, entries) in self._automaton.iter(s):
            end = last + 1
            start = end - length
            if end < n and s[end].isalnum():
                continue
            if start > 0 and s[start - 1].isalnum():
                word_start = start - 1
                while word_start > 0 and s[word_start - 1].isalnum():
                    word_start -= 1
                prefix = s[word_start:start]
                full = [e for e in entries if not e.elided_article and e.term.lang == "ar" and prefix in PROCLITICS]
                elided = [e for e in entries if e.elided_article and prefix in _LAM_ARTICLE]
                if elided:
                    # The article's lam is the second ل of لل: the term starts there.
                    yield start - 1, end, tuple(elided)
                if full:
                    yield start, end, tuple(full)
                continue
            plain = tuple(e for e in entries if not e.elided_article)
            if plain:
                yield start, end, plain


def _longest_non_overlapping(candidates: list[tuple[int, int, tuple[Entry, ...]]]):
    """Pick candidates longest first, skipping any that overlap one already picked."""
    candidates.sort(key=lambda c: (c[0] - c[1], c[0]))
    starts: list[int] = []
    ends: list[int] = []
    picked = []
    for start, end, entries in candidates:
        k = bisect.bisect_right(starts, start)
        if k > 0 and ends[k - 1] > start:
            continue
        if k < len(starts) and starts[k] < end:
            continue
        starts.insert(k, start)
        ends.insert(k, end)
        picked.append((start, end, entries))
    picked.sort(key=lambda c: c[0])
    return picked

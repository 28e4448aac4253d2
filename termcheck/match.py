"""Find every glossary form in a text with one Aho-Corasick automaton.

All forms of all concepts, both languages, go into one automaton keyed by their normalized text.
A raw hit is kept only at word boundaries; Arabic proclitics (و ف ب ك ل and their pairs) may stand
before a term, and ل + ال written لل is recognized too (للباسيج is الباسيج). English possessives
('s) and hyphenated compounds (Hezbollah-backed) need nothing special: ' and - are not word
characters. Overlaps are resolved globally by length, so a full name beats its surname.
"""

from __future__ import annotations

import gc
from dataclasses import dataclass
from typing import NamedTuple

import ahocorasick

from termcheck.model import Concept, Glossary, Term
from termcheck.text.normalize import Normalized, normalize, normalize_form

ARTICLE = "\u0627\u0644"  # ال
_CONJUNCTIONS = ("", "\u0648", "\u0641")  # و ف
_PREPOSITIONS = ("", "\u0628", "\u0643", "\u0644")  # ب ك ل
PROCLITICS = frozenset(c + p for c in _CONJUNCTIONS for p in _PREPOSITIONS)
# ل + ال -> لل, optionally after و or ف.
_LAM_ARTICLE = frozenset(c + "\u0644\u0644" for c in _CONJUNCTIONS)
# A form written without the article also matches with it: لقاح in اللقاح, باللقاح, للقاح.
_ARTICLE_PREFIXES = PROCLITICS | frozenset(p + ARTICLE for p in PROCLITICS) | _LAM_ARTICLE
_LONGEST_PREFIX = max(map(len, _ARTICLE_PREFIXES))


class Entry(NamedTuple):
    """One glossary form as stored in the automaton (a tuple: hundreds of thousands are built)."""

    concept: Concept
    term: Term
    elided_article: bool = False  # the pattern is the form without its leading ال
    prefixes: frozenset[str] = frozenset()  # what may stand before it inside an Arabic word


@dataclass(slots=True)
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
        gc_was_enabled = gc.isenabled()
        gc.disable()  # hundreds of thousands of small objects: the cyclic collector only slows this down
        try:
            self.forms = self._index_forms(glossary)
            self._automaton = ahocorasick.Automaton(ahocorasick.STORE_ANY)
            add_word = self._automaton.add_word
            for key, entries in self.forms.items():
                add_word(key, (len(key), *_groups(entries)))
            if self.forms:
                self._automaton.make_automaton()
        finally:
            if gc_was_enabled:
                gc.enable()

    def _index_forms(self, glossary: Glossary) -> dict[str, list[Entry]]:
        pairs = [(concept, term) for concept in glossary.concepts for term in concept.terms]
        # One normalize() call for all forms: NUL is untouched by every fold and ends every run.
        keys = self.normalize("\x00".join(term.text for _, term in pairs)).text.split("\x00")
        forms: dict[str, list[Entry]] = {}
        for (concept, term), key in zip(pairs, keys):
            key = key.strip()
            if not key:
                continue
            prefixes = PROCLITICS if key.startswith(ARTICLE) else _ARTICLE_PREFIXES
            forms.setdefault(key, []).append(Entry(concept, term, False, prefixes))
            if term.lang == "ar" and key.startswith(ARTICLE) and len(key) > 3:
                forms.setdefault(key[len(ARTICLE):], []).append(Entry(concept, term, True, PROCLITICS))
        return forms

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
        for last, (length, plain, arabic, elided) in self._automaton.iter(s):
            end = last + 1
            if end < n and s[end].isalnum():
                continue
            start = end - length
            if start == 0 or not s[start - 1].isalnum():
                if plain:
                    yield start, end, plain
                continue
            if not (arabic or elided):
                continue  # a Latin form inside a longer word
            word_start = start - 1
            while word_start > 0 and start - word_start < _LONGEST_PREFIX and s[word_start - 1].isalnum():
                word_start -= 1
            if word_start > 0 and s[word_start - 1].isalnum():
                continue  # more letters before the form than any proclitic run
            prefix = s[word_start:start]
            if elided and prefix in _LAM_ARTICLE:
                # The article's lam is the second ل of لل: the term starts there.
                yield start - 1, end, elided
            full = tuple(e for e in arabic if prefix in e.prefixes)
            if full:
                yield start, end, full


def _groups(entries: list[Entry]) -> tuple[tuple[Entry, ...], tuple[Entry, ...], tuple[Entry, ...]]:
    """(plain, arabic, elided) entries of one key, grouped once so _candidates only indexes tuples."""
    if len(entries) == 1:  # the common case, without generator overhead
        entry = entries[0]
        if entry.elided_article:
            return (), (), (entry,)
        return (entry,), ((entry,) if entry.term.lang == "ar" else ()), ()
    plain = tuple(e for e in entries if not e.elided_article)
    arabic = tuple(e for e in plain if e.term.lang == "ar")
    elided = tuple(e for e in entries if e.elided_article)
    return plain, arabic, elided


def _longest_non_overlapping(candidates: list[tuple[int, int, tuple[Entry, ...]]]):
    """Keep the longest of overlapping candidates (a full name beats its surname), in text order.

    Candidates are swept in text order into clusters of mutually reachable overlaps; almost all
    clusters hold one candidate, and only real clusters pay for the longest-first choice.
    """
    candidates.sort(key=lambda c: (c[0], c[0] - c[1]))
    picked = []
    cluster: list = []
    cluster_end = -1
    for candidate in candidates:
        if candidate[0] >= cluster_end:
            _resolve(cluster, picked)
            cluster = [candidate]
        else:
            cluster.append(candidate)
        cluster_end = max(cluster_end, candidate[1]) if len(cluster) > 1 else candidate[1]
    _resolve(cluster, picked)
    return picked


def _resolve(cluster: list, picked: list) -> None:
    if len(cluster) == 1:
        picked.append(cluster[0])
        return
    chosen: list = []
    for candidate in sorted(cluster, key=lambda c: (c[0] - c[1], c[0])):
        if all(candidate[1] <= c[0] or candidate[0] >= c[1] for c in chosen):
            chosen.append(candidate)
    picked.extend(sorted(chosen, key=lambda c: c[0]))

"""Find every glossary form in a text: one Aho-Corasick automaton, and an Arabic lemma layer.

All forms go into one automaton keyed by their normalized text. A raw hit is kept only at word
boundaries. English possessives ('s) and hyphenated compounds (Hezbollah-backed) need nothing
special: ' and - are not word characters. English forms also match their regular plural (passwords,
outbreaks, policies), and lower-case forms their hyphen/space twin (hand-washing, hand washing).
A hyphen between a word and a number is a space too, in both languages (كوفيد-19 is كوفيد 19,
COVID-19 is COVID 19): copy writes both, and neither is another name.

Arabic forms made of Arabic words only are matched word by word instead (`_arabic_candidates`):
each word of the text is read against the glossary's lemmas (its words without the article) by
termcheck.text.arabic.Analyzer, so proclitics (و ف ب ك ل, لل), the article on any word or its
absence, enclitic pronouns, sound plurals and duals, ة written ت before a suffix and the accusative
alef all leave the term the same term (بكلمة مرورك is كلمة المرور). Only words whose reading is a
glossary lemma take part, so ordinary prose never matches by stripping. A match that needed more
than proclitics (a suffix, an article added or dropped) is not `exact`: its fix is not safe.

Case and hamza where the house says so: a word of a form that is only capital letters (WHO, US,
IT, the WHO of 'COVID-19 WHO') matches only in capitals ("who" is not the WHO; COVID-19, with a
digit, matches covid-19 too), and when two forms of a key differ only by case or hamza (اختر / إختر), the
one written in the text is the one matched.

Overlaps are resolved globally by length, so a full name beats its surname. A concept's false
friend (a longer phrase that contains a form but means something else: 'cell phone' for 'cell')
first takes that concept's forms inside it out, and is never a match itself; another concept's
form inside it still matches ('verification' in 'verification email', a false friend of email).
"""

from __future__ import annotations

import bisect
import gc
import marshal
import pickle
import re
import unicodedata
from array import array
from collections import deque
from functools import lru_cache
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from itertools import compress
from typing import NamedTuple

import ahocorasick

from termcheck.model import Concept, Glossary, SourceRef, Status, Term
from termcheck.text.arabic import (
    ACCUSATIVE,
    CONJUNCTIONS,
    conjunctions_joined,
    ARABIC_WORD,
    ARTICLE,
    ARTICLE_PREFIXES,
    CASE_FORMS,
    LAM_ARTICLE,
    OBLIQUE_FORMS,
    PROCLITICS,
    TA_MARBUTA,
    Analyzer,
    is_arabic_phrase,
    restore_manqus,
    stem_core,
    strip_article,
)
from termcheck.text.normalize import Normalized, normalize, normalize_form

__all__ = ["Entry", "Match", "Matcher", "Matches", "all_forbidden"]

# A form written without the article also matches with it (mixed forms on the automaton path).
_ARTICLE_PREFIXES = PROCLITICS | ARTICLE_PREFIXES
_LONGEST_PREFIX = max(map(len, _ARTICLE_PREFIXES))
_HAS_ARABIC = re.compile("[\u0621-\u064a]")
_ALL_CAPS = re.compile(r"[A-Z][A-Z0-9.& -]*[A-Z0-9]\.?")
_WORD_NUMBER_HYPHEN = re.compile(r"(?<=[^\W\d_])-(?=\d)")
_CASE_SENSITIVE, _STRICT = 1, 2  # flags of an automaton key
_FEMININE_PLURAL = "\u0627\u062a"  # ات


class Entry(NamedTuple):
    """One glossary form as stored in the automaton (a tuple: hundreds of thousands are built)."""

    concept: Concept
    term: Term
    elided_article: bool = False  # the match starts at the ل of ال written after ل (للفصائل)
    prefixes: frozenset[str] = frozenset()  # what may stand before it inside an Arabic word
    inflected: bool = False  # an English plural or hyphen/space twin of the form, not the form
    false_friend: bool = False  # a phrase that contains a form but is not the concept: hides, never found


@dataclass(slots=True)
class Match:
    """A glossary form found in a text. start/end are offsets into the ORIGINAL text.

    `exact` is False when the text inflects the form (a suffix, a plural, the article added to or
    dropped from an inner word): the span is the term as written, and replacing it with another
    form would need the same inflection."""

    start: int
    end: int
    norm_start: int
    norm_end: int
    entries: tuple[Entry, ...]
    exact: bool = True

    @property
    def concepts(self) -> tuple[Concept, ...]:
        if len(self.entries) == 1:  # the common case, asked for by every rule
            return (self.entries[0].concept,)
        seen: dict[int, Concept] = {}
        for entry in self.entries:
            seen.setdefault(id(entry.concept), entry.concept)
        return tuple(seen.values())

    @property
    def lang(self) -> str:
        return self.entries[0].term.lang


class Matches(Sequence):
    """Glossary matches in text order, kept as columns; indexing and iteration make each Match on
    the fly. A match costs 9 to 12 bytes here (start, end, and the row of its (entries, exact) pair in
    a table of the distinct pairs; the normalized offsets add 8 where normalization moved them): 50 MB
    of one line with a glossary form every 23 bytes has 2.3 million matches, which as Match objects
    (~160 bytes with their numbers) took 370 MB, and the candidate tuples they were made from as
    much again (issue 11)."""

    __slots__ = ("starts", "ends", "_norm_starts", "_norm_ends", "_rows", "_table")

    def __init__(self, starts: array, ends: array, norm_starts: array | None, norm_ends: array | None,
                 rows: array, table: list[tuple[tuple[Entry, ...], bool]]) -> None:
        self.starts, self.ends = starts, ends  # original offsets: readable as columns (bisect)
        self._norm_starts, self._norm_ends = norm_starts, norm_ends  # None: the same as starts, ends
        self._rows, self._table = rows, table

    def __len__(self) -> int:
        return len(self._rows)

    def __getitem__(self, k):
        if isinstance(k, slice):
            return Matches(self.starts[k], self.ends[k],
                           self._norm_starts[k] if self._norm_starts is not None else None,
                           self._norm_ends[k] if self._norm_ends is not None else None, self._rows[k], self._table)
        entries, exact = self._table[self._rows[k]]
        norm_starts = self._norm_starts if self._norm_starts is not None else self.starts
        norm_ends = self._norm_ends if self._norm_ends is not None else self.ends
        return Match(self.starts[k], self.ends[k], norm_starts[k], norm_ends[k], entries, exact)

    def __iter__(self) -> Iterator[Match]:
        table = self._table
        norm_starts = self._norm_starts if self._norm_starts is not None else self.starts
        norm_ends = self._norm_ends if self._norm_ends is not None else self.ends
        for start, end, norm_start, norm_end, row in zip(self.starts, self.ends, norm_starts, norm_ends, self._rows):
            entries, exact = table[row]
            yield Match(start, end, norm_start, norm_end, entries, exact)

    def __eq__(self, other) -> bool:
        if isinstance(other, (Matches, list, tuple)):
            return len(self) == len(other) and all(a == b for a, b in zip(self, other))
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"Matches({list(self)!r})"

    def entries_at(self, k: int) -> tuple[Entry, ...]:
        return self._table[self._rows[k]][0]

    def objects(self) -> list[Match] | None:
        """The Match objects when they are kept as such (few matches), else None."""
        return None

    def rows(self) -> tuple[array, list[tuple[tuple[Entry, ...], bool]]]:
        """(each match's row, the table of distinct (entries, exact)): for a rule that works out
        something per entries once, as TC102's name scan does."""
        return self._rows, self._table

    def where(self, keep: Callable[[tuple[Entry, ...]], bool]) -> Matches:
        """The matches whose entries `keep` accepts, asked once per distinct entries."""
        kept_rows = [keep(entries) for entries, _ in self._table]
        if all(kept_rows):
            return self
        if not any(kept_rows):
            return self[:0]
        chosen = list(compress(range(len(self._rows)), map(kept_rows.__getitem__, self._rows)))

        def column(values: array | None) -> array | None:
            return None if values is None else array(values.typecode, map(values.__getitem__, chosen))

        return Matches(column(self.starts), column(self.ends), column(self._norm_starts), column(self._norm_ends),
                       column(self._rows), self._table)


class _MatchList(Matches):
    """Matches of a text with few of them (an article): the Match objects themselves, made once, as
    rules read them many times; the start and end columns are made when first asked for."""

    __slots__ = ("_objects", "_starts", "_ends")

    def __init__(self, objects: list[Match]) -> None:  # noqa: the columns' fields are not used
        self._objects = objects
        self._starts = self._ends = None

    @property
    def starts(self) -> array:  # type: ignore[override]
        if self._starts is None:
            self._starts = array("q", [m.start for m in self._objects])
        return self._starts

    @property
    def ends(self) -> array:  # type: ignore[override]
        if self._ends is None:
            self._ends = array("q", [m.end for m in self._objects])
        return self._ends

    def __len__(self) -> int:
        return len(self._objects)

    def __getitem__(self, k):
        return _MatchList(self._objects[k]) if isinstance(k, slice) else self._objects[k]

    def __iter__(self) -> Iterator[Match]:
        return iter(self._objects)

    def objects(self) -> list[Match]:
        return self._objects

    def entries_at(self, k: int) -> tuple[Entry, ...]:
        return self._objects[k].entries

    def rows(self) -> tuple[array, list[tuple[tuple[Entry, ...], bool]]]:
        columns = _MatchColumns(Normalized("", 0, (), ()))
        columns.add([(m.start, m.end, m.entries, m.exact) for m in self._objects])
        return columns.rows, columns.table

    def where(self, keep: Callable[[tuple[Entry, ...]], bool]) -> Matches:
        return _MatchList([m for m in self._objects if keep(m.entries)])


# Below this many matches find() keeps Match objects (_MatchList): making columns and then a Match
# each time a rule reads one cost lint a tenth more CPU on the bench tree's articles.
_OBJECTS_UP_TO = 50_000


class _MatchColumns:
    """Builds Matches from picked (start, end, entries, exact) candidates, a stretch at a time."""

    def __init__(self, norm: Normalized) -> None:
        self._norm = norm
        typecode = "i" if max(norm.original_length, len(norm.text)) < 1 << 31 else "q"
        self.starts, self.ends = array(typecode), array(typecode)
        # the normalized offsets, only where normalization moved something (else they are the same)
        self.norm_starts = self.norm_ends = None
        if norm._norm_anchors:
            self.norm_starts, self.norm_ends = array(typecode), array(typecode)
        self.rows = array("B")  # widened as the table grows (_ROW_TYPES): a dense text has a few rows
        self.table: list[tuple[tuple[Entry, ...], bool]] = []
        # (id(entries), exact) of a tuple the table holds, and (exact, ids of its entries): a tuple
        # made per candidate (_as_written) shares the row of an equal one
        self._row_of: dict[tuple, int] = {}

    def add(self, picked: list[tuple]) -> None:
        if not picked:
            return
        norm = self._norm
        anchors = norm._norm_anchors
        if anchors and len(picked) < len(anchors):
            # only the anchors of this stretch: Normalized.spans walks its anchors from the first
            first = max(0, bisect.bisect_right(anchors, picked[0][0]) - 1)
            stop = bisect.bisect_right(anchors, max(c[1] for c in picked)) + 1
            norm = Normalized("", norm.original_length, anchors[first:stop], norm._orig_anchors[first:stop])
        if self.norm_starts is None:  # nothing moved: the original offsets are the normalized ones
            self.starts.extend([c[0] for c in picked])
            self.ends.extend([c[1] for c in picked])
        else:
            spans = norm.spans([(c[0], c[1]) for c in picked])
            self.starts.extend([span[0] for span in spans])
            self.ends.extend([span[1] for span in spans])
            self.norm_starts.extend([c[0] for c in picked])
            self.norm_ends.extend([c[1] for c in picked])
        row_of, table = self._row_of, self.table
        rows = []
        for candidate in picked:
            entries = candidate[2]
            exact = len(candidate) <= 3 or bool(candidate[3])
            row = row_of.get((id(entries), exact))
            if row is None:
                content = (exact, *map(id, entries))
                row = row_of.get(content)
                if row is None:
                    row = row_of[content] = row_of[id(entries), exact] = len(table)
                    table.append((entries, exact))
            rows.append(row)
        typecode = next(code for code, most in _ROW_TYPES if len(table) <= most)
        if typecode != self.rows.typecode:
            self.rows = array(typecode, self.rows)
        self.rows.extend(rows)

    def done(self) -> Matches:
        same = self.norm_starts is None or (self.norm_starts == self.starts and self.norm_ends == self.ends)
        return Matches(self.starts, self.ends, None if same else self.norm_starts, None if same else self.norm_ends,
                       self.rows, self.table)


_ROW_TYPES = (("B", 1 << 8), ("H", 1 << 16), ("i", 1 << 31))  # array types of rows, by the table's size


class _Phrase(NamedTuple):
    """An Arabic form on the lemma layer: its lemmas and which of its words carry the article."""

    lemmas: tuple[str, ...]
    articles: tuple[bool, ...]
    entries: tuple[Entry, ...]
    flags: int
    singular: bool  # the singular of a plural the glossary lists: never an exact match
    definite_name: bool  # every entry names a person, place or body and a word has the article


class Matcher:
    """Compiled glossary: build once, run over many texts."""

    def __init__(self, glossary: Glossary) -> None:
        self.glossary = glossary
        self.cache: dict = {}  # per-glossary indexes that rules build once (e.g. variant keys)
        self._names: dict[int, bool] = {}  # id(concept) -> is_name, asked by _compound_head
        self._fold = dict(
            fold_alef_maqsura=glossary.options.fold_alef_maqsura,
            fold_ta_marbuta=glossary.options.fold_ta_marbuta,
        )
        gc_was_enabled = gc.isenabled()
        gc.disable()  # hundreds of thousands of small objects: the cyclic collector only slows this down
        try:
            forms, self._pending_phrases = self._index_forms(glossary)
            # The automaton stores a key's number; its value (length, entries by group, flags) is in
            # _values, made on the key's first hit (_value): from the key's entries in a built matcher
            # (most keys of a big glossary are never hit), from the cache's columns in a loaded one.
            self._automaton = ahocorasick.Automaton(ahocorasick.STORE_INTS)
            deque(map(self._automaton.add_word, forms, range(len(forms))), maxlen=0)  # a loop at C speed
            self._values: list = [None] * len(forms)
            self._entry_lists: list[list[Entry]] | None = list(forms.values())
            self._descriptors: _Descriptors | None = None
            # The automaton of the keys a forbidden form is among (find_forbidden scans for these
            # alone): built on first use from a built matcher's keys; a loaded one unpickles the
            # cache's (stored there by the process that wrote the cache, off the run's path).
            self._forbidden_pickle: bytes | None = None
            self._keys: list[str] | None = list(forms)
            self._forbidden_automaton = None
            self._has_forms = bool(forms)
            # The Arabic lemma layer is built when a text first has Arabic (_arabic_layer), as a
            # loaded matcher unpickles it then: an English text never pays for it.
            self._has_phrases = bool(self._pending_phrases)
            self._arabic_state: bytes | None = None
            self._phrases: _PhraseGroups | None = None
            self._analyzer = self._first_cores = None
            self._has_false_friends = any(c.false_friends for c in glossary.concepts)
            if forms:
                self._automaton.make_automaton()
        finally:
            gc.freeze()  # out of the young generation, whose next pass would walk it all once
            if gc_was_enabled:
                gc.enable()

    # -- the compiled-glossary cache's form of a Matcher (termcheck.glossary.cache pickles it) ------

    def __getstate__(self) -> dict:
        """A compact state: each automaton key's entries as numbers (concept, form, bits) in one
        marshal blob, the Arabic lemma layer as a pickle of its own, read only when a text has
        Arabic. Unpickling then rebuilds the glossary and the automaton's nodes, nothing else."""
        concepts = {id(c): number for number, c in enumerate(self.glossary.concepts)}
        forms: dict[tuple[int, int], int] = {}
        for concept in self.glossary.concepts:
            for number, term in enumerate(concept.terms):
                forms.setdefault((id(concept), id(term)), number)
            for number, term in enumerate(concept.false_friends):
                forms.setdefault((id(concept), id(term)), -1 - number)
        descriptors = _Descriptors.encode(self, concepts, forms)
        from termcheck.glossary import compact
        from termcheck.glossary.cache import Blob

        glossary = compact.encode(self.glossary)
        state = {"glossary": Blob(glossary) if glossary is not None else self.glossary, "fold": self._fold, "automaton": self._automaton,
                 "descriptors": descriptors,
                 "forbidden_automaton": (self._forbidden_pickle if self._forbidden_pickle is not None
                                         else pickle.dumps(self.forbidden_automaton()[0], pickle.HIGHEST_PROTOCOL)),
                 "has_forms": self._has_forms,
                 "has_false_friends": self._has_false_friends, "has_phrases": self._has_phrases,
                 "arabic": self._arabic_state}
        if state["arabic"] is None and self._has_phrases:
            self._arabic_layer()
            state["arabic"] = _PhraseGroups.encode(self._phrases, self._analyzer, self._first_cores, concepts, forms)
        # The cache's file carries these beside the pickle and maps them (Blob): the Arabic layer and
        # the forbidden automaton are not even read from disk until used.
        if state["arabic"] is not None:
            state["arabic"] = tuple(map(Blob, state["arabic"]))
        state["forbidden_automaton"] = Blob(state["forbidden_automaton"])
        state["descriptors"] = tuple(map(Blob, descriptors))
        return state

    def __setstate__(self, state: dict) -> None:
        glossary = state["glossary"]
        if not isinstance(glossary, Glossary):  # compact's columns
            from termcheck.glossary import compact

            glossary = compact.decode(glossary)
        self.glossary = glossary
        self.cache = {}
        self._names = {}
        self._fold = state["fold"]
        self._automaton = state["automaton"]
        self._descriptors = _Descriptors(state["descriptors"])
        self._values = [None] * self._descriptors.count
        self._forbidden_pickle = state["forbidden_automaton"]
        self._entry_lists = self._keys = self._pending_phrases = None
        self._forbidden_automaton = None
        self._has_forms = state["has_forms"]
        self._has_false_friends = state["has_false_friends"]
        self._has_phrases = state["has_phrases"]
        self._arabic_state = state["arabic"]
        self._phrases, self._analyzer, self._first_cores = None, None, None

    def _value(self, number: int) -> tuple:
        """The automaton value of key `number`, decoded from the cache's descriptors on first use."""
        value = self._values[number]
        if value is None:
            if self._entry_lists is not None:
                entries = self._entry_lists[number]
                value = (len(self._keys[number]), *_groups(entries), _flags(entries))
            else:
                value = self._descriptors.value(number, self.glossary.concepts)
            self._values[number] = value
        return value

    def forbidden_automaton(self) -> tuple:
        """(the automaton of the keys a forbidden form is among, the longest candidate it can start:
        the longest key and the ل of an elided article before it), made once: unpickled from a
        loaded matcher's cache (8 ms for 20,000 keys, where building took 18 ms in every process
        of a run), else built from the keys."""
        if self._forbidden_automaton is None:
            if self._forbidden_pickle is not None:
                automaton = pickle.loads(self._forbidden_pickle)
                self._forbidden_pickle = None  # (a view of the cache's mapped file: not held)
            else:
                automaton = ahocorasick.Automaton(ahocorasick.STORE_LENGTH)
                forbidden = Status.FORBIDDEN
                for key, entries in zip(self._keys, self._entry_lists):
                    if (entries[0].term.status is forbidden if len(entries) == 1
                            else any(e.term.status is forbidden for e in entries)):
                        automaton.add_word(key)
                automaton.make_automaton()
            self._forbidden_automaton = (automaton, self._automaton.get_stats()["longest_word"] + 1)
        return self._forbidden_automaton

    def _arabic_layer(self) -> None:
        """The Arabic lemma layer, once, when a text first has Arabic: built from the pending phrase
        forms of a built matcher, unpickled in a cached one."""
        if self._analyzer is not None:
            return
        if self._arabic_state is not None:
            self._phrases, self._analyzer, self._first_cores = _PhraseGroups.decode(
                self._arabic_state, self.glossary.concepts, self._ta_marbuta())
        elif self._pending_phrases:
            gc_was_enabled = gc.isenabled()
            gc.disable()  # as in __init__
            try:
                self._build_arabic_layer(self._pending_phrases)
            finally:
                gc.freeze()
                if gc_was_enabled:
                    gc.enable()
            self._pending_phrases = None

    def _ta_marbuta(self) -> str:
        """How the lemma layer spells ة: as ه when the glossary folds it."""
        return "\u0647" if self.glossary.options.fold_ta_marbuta else TA_MARBUTA

    def _build_arabic_layer(self, items: list[tuple]) -> None:
        """Index the Arabic phrase forms `items` ((key or None, concept, term, false friend), in glossary
        order; a None key is the term's text, normalized here) on the lemma layer."""
        unread = [term.text for key, _, term, _ in items if key is None]
        keys = iter(self.normalize("\x00".join(unread)).text.split("\x00") if unread else ())
        phrases: dict[tuple, list[Entry]] = {}
        for key, concept, term, false_friend in items:
            if key is None:
                key = next(keys).strip()
            # one entry for every reading of the form (entries are values: tuple.__new__ as in _index_key)
            entry = _new(Entry, (concept, term, False, _NO_PREFIXES, False, false_friend))
            for reading in _lemma_readings(key):
                if reading[2] and term.status is Status.FORBIDDEN:
                    continue  # a forbidden plural forbids itself: استيرادات, not the masdar استيراد
                found = phrases.get(reading)
                if found is None:
                    phrases[reading] = [entry]
                else:
                    found.append(entry)
        # Grouped by first lemma as they are; a group's _Phrases are made when a text first reads its
        # lemma (_PhraseGroups), as a cached matcher decodes them.
        raw: dict[str, list] = {}
        for reading_and_entries in phrases.items():
            group = raw.get(reading_and_entries[0][0][0])
            if group is None:
                raw[reading_and_entries[0][0][0]] = [reading_and_entries]
            else:
                group.append(reading_and_entries)
        self._phrases = _PhraseGroups.built(raw, self._names)
        self._analyzer = Analyzer({w for p in phrases for w in p[0]}, ta_marbuta=self._ta_marbuta())
        self._first_cores = ahocorasick.Automaton(ahocorasick.STORE_LENGTH)
        for lemma in raw:
            self._first_cores.add_word(stem_core(lemma))
            for case_form in CASE_FORMS.get(lemma, ()):
                self._first_cores.add_word(case_form)  # أبي, أبا for أبو
        self._first_cores.make_automaton()

    def _index_forms(self, glossary: Glossary):
        """(forms: automaton key -> entries, phrase items for the lemma layer in glossary order)."""
        pairs = [(concept, term) for concept in glossary.concepts for term in concept.terms]
        # A defective noun cut short by its tanween (معدٍ) is also listed whole (المعدي): text.arabic.
        restored = [(concept, term, full) for concept, term in pairs
                    if term.lang == "ar" and "\u064d" in term.text and (full := restore_manqus(term.text)) != term.text]
        friends = [(concept, term) for concept in glossary.concepts if concept.false_friends
                   for term in _false_friend_spellings(concept)]
        # A form that is Arabic words alone (no tatweel, which normalization deletes) is an Arabic
        # phrase once normalized too: it goes to the lemma layer, normalized when that is built.
        # None stands for it among the keys.
        phrase_only = [term.lang == "ar" and is_arabic_phrase(term.text) and "\u0640" not in term.text
                       for _, term in pairs + friends]
        # One normalize() call for the other forms: NUL is untouched by every fold and ends every run.
        texts = [term.text for (_, term), later in zip(pairs + friends, phrase_only) if not later]
        texts += [full for _, _, full in restored]
        keys = iter(self.normalize("\x00".join(texts)).text.split("\x00"))
        keys = [None if later else next(keys) for later in phrase_only] + list(keys)
        forms: dict[str, list[Entry]] = {}
        phrases: list[tuple] = []
        twins: list[tuple[str, Entry]] = []
        for (concept, term), whole in zip(pairs, keys):
            if whole is None:
                phrases.append((None, concept, term, False))
                continue
            whole = whole.strip()
            if not whole.endswith(")"):  # the common form: its key alone (_alternatives' first case)
                _index_key(whole, concept, term, forms, phrases, twins)
                continue
            for key, written in _alternatives(whole, term.text):
                _index_key(key, concept, term if written is None else term._replace(text=written),
                           forms, phrases, twins)
        for (concept, term), key in zip(friends, keys[len(pairs):]):
            if key is None:
                phrases.append((None, concept, term, True))
                continue
            _index_key(key.strip(), concept, term, forms, phrases, twins, false_friend=True)
        for (concept, term, _), key in zip(restored, keys[len(pairs) + len(friends):]):
            _index_key(key.strip(), concept, term, forms, phrases, twins)
        for twin, entry in twins:  # a twin never shadows a form the glossary lists itself
            if twin not in forms or all(e.inflected for e in forms[twin]):
                forms.setdefault(twin, []).append(entry)
        for entries in forms.values():  # a listed form first: the first entry says if a hit is exact
            if entries[0].inflected and not entries[-1].inflected:
                entries.sort(key=lambda e: e.inflected)
        return forms, phrases

    def key(self, form: str) -> str:
        return normalize_form(form, **self._fold)

    def normalize(self, text: str) -> Normalized:
        return normalize(text, **self._fold)

    def find(self, text: str, normalized: Normalized | None = None) -> Matches:
        """All matches in `text`, longest first on overlap, in text order."""
        if not self._has_forms and not self._has_phrases:
            return _MatchList([])
        if normalized is None and len(text) > _WINDOW and self._has_forms and not self._has_false_friends \
                and text.isascii() and _WHITE_SPACE_PAIR.search(text) is None:
            normalized = Normalized(_FoldedASCII(text, self._ascii_folds()), len(text), (), ())
        norm = normalized if normalized is not None else self.normalize(text)
        s = norm.text
        arabic = isinstance(s, str) and _HAS_ARABIC.search(s) is not None  # (a _FoldedASCII has none)
        if len(s) > _WINDOW and self._has_forms and not arabic and not self._has_false_friends:
            columns = _MatchColumns(norm)
            for picked in self._picked_by_stretch(s, text, norm):
                columns.add(picked)
            return columns.done()
        # One list, filled by plain loops (no generator layers): a 10 MB tree has a candidate
        # every 60 characters, and the Python work per candidate is what find costs.
        candidates = self._automaton_candidates(s, text, norm) if self._has_forms else []
        if self._has_phrases and arabic:
            self._arabic_layer()
            read = []
            for start, end, entries, flags, exact in self._arabic_candidates(s):
                if flags:
                    entries = _written_at(text, norm, start, end, entries, flags)
                    if not entries:
                        continue
                read.append((start, end, entries, exact))
            candidates.extend(_accepted_reading_first(read))
        if self._has_false_friends and any(e.false_friend for c in candidates for e in c[2]):
            candidates = _without_false_friends(candidates)
        return _found(norm, _longest_non_overlapping(candidates))

    def _ascii_folds(self) -> str:
        """What normalize() makes of each ASCII character (one character each), as a translate table."""
        folds = [self.normalize(chr(code)).text for code in range(128)]
        if any(len(fold) != 1 for fold in folds):
            raise ValueError("an ASCII character folds to more or less than one character")
        return "".join(folds)

    def _picked_by_stretch(self, s: str, text: str, norm: Normalized) -> Iterator[list[tuple]]:
        """find()'s picks of a long text without Arabic or false friends, a stretch of about
        _WINDOW characters at a time, so that its candidates never stand in memory all at once.

        A stretch starts where no candidate crosses (the text's start, then where the last one
        stopped). Its candidates are the automaton's keys wholly inside it: every candidate that
        starts `longest` before its end or earlier is among them, so each overlap cluster that ends
        by then is whole, and is resolved as find() resolves it. The next stretch starts at the
        first cluster that does not end by then (or there, when none): no candidate crosses that
        place either. (Without Arabic letters a candidate is its key: no proclitic or elided article
        widens it.)"""
        n = len(s)
        longest = self._automaton.get_stats()["longest_word"]
        first, size = 0, _WINDOW
        while first < n:
            stop = min(n, first + size)
            candidates = self._automaton_candidates(s, text, norm, first, stop)
            following = n if stop == n else _first_open_cluster(candidates, stop - longest)
            if following <= first:  # one cluster longer than the stretch: take a longer one
                size *= 2
                continue
            yield _longest_non_overlapping([c for c in candidates if c[0] < following]
                                           if following < stop else candidates)
            first, size = following, _WINDOW

    def find_forbidden(self, text: str, normalized: Normalized | None = None) -> Matches:
        """The matches of find() whose entries are all forbidden forms (what TC101 reports), found
        without matching the whole text: the automaton of forbidden keys finds where one may be,
        and find()'s own steps run on a stretch around each place, wide enough that the overlaps
        that decide it are all inside (a stretch whose cluster reaches near its edge is widened and
        run again). The same matches as find(), at a fraction of the cost when forbidden forms are
        sparse. A text with Arabic (the lemma layer reads whole words and phrases) or a glossary with
        false friends takes find() itself."""
        norm = normalized if normalized is not None else self.normalize(text)
        s = norm.text
        if not self._has_forms or self._has_false_friends or (self._has_phrases and _HAS_ARABIC.search(s)):
            return self.find(text, norm).where(all_forbidden)
        automaton, longest = self.forbidden_automaton()
        if not len(automaton):
            return _MatchList([])
        n = len(s)
        margin = longest + 8
        regions: list[list[int]] = []
        for last, length in automaton.iter(s) if n <= _WINDOW else _iter_windows(automaton, s):
            end = last + 1
            if (end < n and s[end].isalnum()) or (end > length and s[end - length - 1].isalnum()):
                continue  # inside a word: no candidate (the text has no Arabic, so no proclitic either)
            start, end = max(0, end - length - margin), min(n, end + margin)
            if regions and start <= regions[-1][1] and regions[-1][1] - regions[-1][0] < _WINDOW:
                regions[-1][0] = min(regions[-1][0], start)
                regions[-1][1] = max(regions[-1][1], end)
            else:  # a new stretch (one overlapping the last when that one is _WINDOW long: a dense text)
                regions.append([start, end])
        # Stretches come in text order and so do their picks, which never overlap: a pick that starts
        # before the last one ends is one a stretch widened into the one before found again. Many
        # picks go into columns as they come (a forbidden form every 23 bytes of 50 MB: 2.3 million).
        picked: list[tuple] = []
        columns = None
        last_end = -1
        for start, end in regions:
            for candidate in self._forbidden_in(s, text, norm, start, end, longest):
                if candidate[0] >= last_end:
                    picked.append(candidate)
                    last_end = candidate[1]
            if len(picked) > _OBJECTS_UP_TO:
                columns = columns or _MatchColumns(norm)
                columns.add(picked)
                picked = []
        if columns is None:
            return _found(norm, picked)
        columns.add(picked)
        return columns.done()

    def _forbidden_in(self, s: str, text: str, norm: Normalized, start: int, end: int, longest: int) -> list[tuple]:
        """The all-forbidden picks of s[start:end] whose overlap cluster lies wholly inside it with
        `longest` to spare on each side (or reaches the text's edge): every candidate that could
        overlap such a cluster is inside the stretch, so the cluster is find()'s own. A forbidden
        candidate whose cluster is not so placed widens the stretch."""
        n = len(s)
        while True:
            candidates = self._automaton_candidates(s, text, norm, start, end)
            if len(candidates) == 1:  # the common stretch: the forbidden form alone, its margins clear
                return candidates if all_forbidden(candidates[0][2]) else []
            order = sorted((c[0], c[0] - c[1], k) for k, c in enumerate(candidates))
            clusters: list[list[tuple]] = []
            cluster_end = -1
            for c_start, _, k in order:
                candidate = candidates[k]
                if c_start >= cluster_end:
                    clusters.append([candidate])
                    cluster_end = candidate[1]
                else:
                    clusters[-1].append(candidate)
                    cluster_end = max(cluster_end, candidate[1])
            found: list[tuple] = []
            widen = False
            for cluster in clusters:
                if not any(all_forbidden(c[2]) for c in cluster):
                    continue  # no pick of it can be all forbidden: _absorb never adds a forbidden entry
                low, high = cluster[0][0], max(c[1] for c in cluster)
                if (low - longest < start and start > 0) or (high + longest > end and end < n):
                    widen = True
                    break
                chosen: list = []
                _resolve(cluster, chosen)
                found.extend(c for c in chosen if all_forbidden(c[2]))
            if not widen:
                return found
            start, end = max(0, start - 2 * longest), min(n, end + 2 * longest)

    def _automaton_candidates(self, s: str, text: str, norm: Normalized, first: int = 0,
                              stop: int | None = None) -> list[tuple]:
        """(start, end, entries, exact) of the automaton's hits at word boundaries (proclitics
        before an Arabic form allowed), filtered by the text as written where a key asks for it."""
        n = len(s)
        if first or stop is not None:  # only the keys wholly inside s[first:stop]
            hits = self._automaton.iter(s[first:stop])
            shift = first + 1
        else:
            hits = self._automaton.iter(s) if n <= _WINDOW else _iter_windows(self._automaton, s)
            shift = 1
        found = []
        add = found.append
        values = self._values
        for last, number in hits:
            end = last + shift
            if end < n and s[end].isalnum():
                continue  # a third of the hits end inside a word: rejected before their value is read
            value = values[number]
            length, plain, arabic, elided, flags = value if value is not None else self._value(number)
            start = end - length
            if start == 0 or not s[start - 1].isalnum():
                if not plain or (start > 1 and s[start - 1] == "-" and s[start - 2].isalpha()
                                 and _compound_head(s, start, end, plain, self._names)):
                    continue
                entries = plain
                exact = not plain[0].inflected
            else:
                if not (arabic or elided):
                    continue  # a Latin form inside a longer word
                word_start = start - 1
                while word_start > 0 and start - word_start < _LONGEST_PREFIX and s[word_start - 1].isalnum():
                    word_start -= 1
                if word_start > 0 and s[word_start - 1].isalnum():
                    continue  # more letters before the form than any proclitic run
                prefix = s[word_start:start]
                if elided and prefix in LAM_ARTICLE:
                    # The article's lam is the second ل of لل: the term starts there.
                    if flags:
                        written = _written_at(text, norm, start - 1, end, elided, flags)
                        if written:
                            add((start - 1, end, written, True))
                    else:
                        add((start - 1, end, elided, True))
                entries = tuple(e for e in arabic if prefix in e.prefixes)
                if not entries:
                    continue
                exact = not entries[0].inflected
            if flags:
                entries = _written_at(text, norm, start, end, entries, flags)
                if not entries:
                    continue
            add((start, end, entries, exact))
        return found

    def _arabic_candidates(self, s: str):
        """Arabic phrases matched lemma by lemma (see the module docstring).

        Only words that hold the core of a phrase's first lemma (found by a second automaton, at
        C speed) are read; the words after one are read as the phrase asks for them."""
        analyse = self._analyzer.analyse
        phrases = self._phrases
        for start, end in _words_around(s, self._first_cores):
            if start > 0 and s[start - 1].isalnum():
                continue  # glued to a digit or a Latin letter
            for reading in analyse(s[start:end]):
                for phrase in phrases.get(reading.lemma, ()):
                    found = _continues(s, end, phrase, analyse)
                    if found is None:
                        continue
                    rest, last_end = found
                    if phrase.definite_name and any(
                            r.suffix == ACCUSATIVE and article for r, article in zip((reading, *rest), phrase.articles)):
                        continue  # a name with the article takes no tanween: أردنا (we wanted) is not الأردن
                    if reading.article and len(phrase.lemmas) == 1 and not phrase.articles[0] \
                            and _all_names(phrase.entries, self._names):
                        continue  # a one-word name listed bare is another word with the article: التداول is trading, تداول the exchange
                    if last_end < len(s) and s[last_end].isalnum():
                        continue
                    candidate = self._phrase_match(start, last_end, reading, rest, phrase)
                    if s[start + len(reading.prefix):end] in OBLIQUE_FORMS:
                        candidate = (*candidate[:4], False)  # أبي for أبو: the term in another case
                    yield candidate

    @staticmethod
    def _phrase_match(start: int, end: int, reading, rest: list, phrase: _Phrase):
        """The candidate of a phrase whose first word reads as `reading`: proclitics stay outside
        the span; the article stays inside when the form has it (after ل it is the second ل of لل)."""
        first_article = phrase.articles[0]
        prefix = reading.prefix
        entries = phrase.entries
        if reading.article and first_article:
            proclitic = len(prefix) - (1 if prefix in LAM_ARTICLE else len(ARTICLE))
            if prefix in LAM_ARTICLE:
                entries = tuple(e._replace(elided_article=True) for e in entries)
        else:
            proclitic = len(prefix)
        exact = not phrase.singular and reading.suffix == "" and (reading.article or not first_article)
        for other, article in zip(rest, phrase.articles[1:]):
            exact = exact and other.suffix == "" and other.article == article
        return start + proclitic, end, entries, phrase.flags, exact


def _index_key(key: str, concept: Concept, term: Term, forms: dict, phrases: list, twins: list,
               false_friend: bool = False) -> None:
    """Index one key of a form: Arabic phrases for the lemma layer, everything else in the automaton
    (an Arabic form with Latin letters or digits keeps the proclitic rules of the automaton path)."""
    if not key:
        return
    if term.lang == "ar" and is_arabic_phrase(key):
        phrases.append((key, concept, term, false_friend))
        return
    # Entries by tuple.__new__ with every field, not Entry(...): the namedtuple's Python __new__ was
    # a tenth of a 50,000-concept build.
    prefixes = PROCLITICS if key.startswith(ARTICLE) else _ARTICLE_PREFIXES
    entries = forms.get(key)
    if entries is None:
        entries = forms[key] = []
    entries.append(_new(Entry, (concept, term, False, prefixes, False, false_friend)))
    if term.lang == "ar":
        if key.startswith(ARTICLE) and len(key) > 3:
            forms.setdefault(key[len(ARTICLE):], []).append(_new(Entry, (concept, term, True, PROCLITICS, False,
                                                                         false_friend)))
    elif term.lang == "en":
        found = _english_twins(key, term.text)
        if found:  # one entry for all twins of the form: entries are values (tuples), never told apart by identity
            twin_entry = _new(Entry, (concept, term, False, _NO_PREFIXES, True, false_friend))
            twins.extend([(twin, twin_entry) for twin in found])
    if "-" in key and (spaced := _WORD_NUMBER_HYPHEN.sub(" ", key)) != key:
        # Another spelling of the form, not an inflection: it joins the forms of the key.
        forms.setdefault(spaced, []).append(_new(Entry, (concept, term, False, prefixes, True, false_friend)))


_new = tuple.__new__
_NO_PREFIXES = Entry._field_defaults["prefixes"]
_PREFIX_SETS = (frozenset(), PROCLITICS, _ARTICLE_PREFIXES)  # an entry's prefixes by number


def _encode_entry(entry: Entry, concepts: dict[int, int], forms: dict) -> tuple:
    """(concept number, form, bits) of an entry: the form is its number in the concept's terms (a
    false friend's is negative), or the Term itself as plain values when the entry rewrote it
    (the parts of 'X (Y)'); bits hold the flags and the prefix set (or the prefixes themselves)."""
    try:
        concept = concepts[id(entry.concept)]
    except KeyError:
        raise pickle.PicklingError("an entry's concept is not in the matcher's glossary") from None
    form = forms.get((id(entry.concept), id(entry.term)))
    if form is None:
        term = entry.term
        origin = tuple(term.origin) if term.origin is not None else None
        form = (term.text, term.lang, term.status.value, origin)
    bits = entry.elided_article | entry.inflected << 1 | entry.false_friend << 2
    prefixes = next((k for k, p in enumerate(_PREFIX_SETS) if p is entry.prefixes or p == entry.prefixes), None)
    return concept, form, (bits | prefixes << 3 if prefixes is not None else (bits, tuple(sorted(entry.prefixes))))


def _decode_entry(concepts: list[Concept], concept_number: int, form, bits) -> Entry:
    concept = concepts[concept_number]
    if isinstance(form, int):
        term = concept.terms[form] if form >= 0 else concept.false_friends[-1 - form]
    else:
        text, lang, status, origin = form
        term = Term(text, lang, Status(status), SourceRef(*origin) if origin is not None else None)
    if isinstance(bits, int):
        prefixes = _PREFIX_SETS[bits >> 3]
    else:
        bits, prefixes = bits[0], frozenset(bits[1])
    return Entry(concept, term, bool(bits & 1), prefixes, bool(bits & 2), bool(bits & 4))


class _Descriptors:
    """The automaton values of a cached matcher as number columns, decoded a key at a time.

    Key k has entries offsets[k]:offsets[k + 1] of the entry columns (concept number, form number,
    bits: _encode_entry), its length and flags in their own columns. The columns are arrays (read
    back as one copy each, no object per number: marshal's tuple of tuples cost 18 ms for 200,000
    keys); an entry whose form or bits are not plain numbers (a rewritten term, an odd prefix set)
    is kept whole in `extras`, by entry number."""

    __slots__ = ("count", "lengths", "flags", "offsets", "concepts", "forms", "bits", "extras")

    def __init__(self, state: tuple) -> None:
        lengths, self.flags, offsets, concepts, forms, bits, extras = state
        self.lengths, self.offsets, self.concepts, self.forms, self.bits = (
            _int_array(column) for column in (lengths, offsets, concepts, forms, bits))
        self.count = len(self.lengths)
        self.extras = marshal.loads(extras)

    @staticmethod
    def encode(matcher: Matcher, concepts: dict[int, int], forms: dict) -> tuple:
        lengths, flag_column, offsets = [], [], [0]
        entry_concepts, entry_forms, entry_bits = [], [], []
        extras = {}
        for number in range(len(matcher._values)):
            length, plain, _, elided, flags = matcher._value(number)
            lengths.append(length)
            flag_column.append(flags)
            for entry in plain + elided:
                concept, form, bits = _encode_entry(entry, concepts, forms)
                if type(form) is not int or type(bits) is not int:
                    extras[len(entry_concepts)] = (form, bits)
                    form = bits = 0
                entry_concepts.append(concept)
                entry_forms.append(form)
                entry_bits.append(bits)
            offsets.append(len(entry_concepts))
        ints = [array(_INT, column).tobytes() for column in (lengths, offsets, entry_concepts, entry_forms, entry_bits)]
        return ints[0], bytes(flag_column), *ints[1:], marshal.dumps(extras)

    def value(self, number: int, concepts: list[Concept]) -> tuple:
        forms, bits, extras = self.forms, self.bits, self.extras
        entries = [_decode_entry(concepts, self.concepts[k], *(extras.get(k) or (forms[k], bits[k])))
                   for k in range(self.offsets[number], self.offsets[number + 1])]
        return (self.lengths[number], *_groups(entries), self.flags[number])


_INT = "i"  # the columns' array type: key lengths, entry counts, concept and form numbers, bits


def _int_array(data) -> array:
    column = array(_INT)
    column.frombytes(data)
    return column


class _PhraseGroups:
    """The lemma layer's phrases by first lemma, each group made on its first use (a text reads a
    few hundred lemmas of a glossary's hundred thousand): from its (reading, entries) pairs in a
    built matcher, from the cache's numbers in a loaded one. Making every _Phrase up front (flags,
    is_name) was a third of building the layer; unpickling them all (every _Phrase, Entry and Term
    through the namedtuples' Python __new__) took 0.5 s for 50,000 dense concepts, this state loads
    in a few hundredths.

    The cache's state is two blobs: marshal of (first lemmas, the Analyzer's lemmas, group offsets,
    the groups' marshal blobs back to back), and the pickled first-core automaton.
    A phrase is (lemmas, articles, flags, singular, definite_name, entries as _encode_entry triples)."""

    __slots__ = ("_decoded", "_raw", "_names", "_numbers", "_offsets", "_groups", "_concepts")

    def __init__(self) -> None:
        self._decoded: dict[str, list[_Phrase]] = {}
        self._raw: dict[str, list] | None = None
        self._names: dict[int, bool] = {}
        self._numbers: dict[str, int] = {}
        self._offsets = self._groups = self._concepts = None

    @classmethod
    def built(cls, raw: dict[str, list], names: dict[int, bool]) -> _PhraseGroups:
        """`raw`: first lemma -> [((lemmas, articles, singular), entries)], in glossary order;
        `names`: the matcher's id(concept) -> is_name memo."""
        groups = cls()
        groups._raw, groups._names = raw, names
        return groups

    @classmethod
    def loaded(cls, firsts: list[str], offsets: array, blob: bytes, concepts: list[Concept]) -> _PhraseGroups:
        groups = cls()
        groups._numbers = dict(zip(firsts, range(len(firsts))))
        groups._offsets, groups._groups, groups._concepts = offsets, blob, concepts
        return groups

    def lemmas(self) -> list[str]:
        return list(self._raw) if self._raw is not None else list(self._numbers)

    def get(self, lemma: str, default=()):
        group = self._decoded.get(lemma)
        if group is not None:
            return group
        if self._raw is not None:
            pairs = self._raw.get(lemma)
            if pairs is None:
                return default
            group = [_Phrase(lemmas, articles, tuple(entries), _flags(entries), singular,
                             True in articles and _all_names(entries, self._names))
                     for (lemmas, articles, singular), entries in pairs]
            if len(group) > 1:
                group.sort(key=lambda p: -len(p.lemmas))
        else:
            number = self._numbers.get(lemma)
            if number is None:
                return default
            concepts = self._concepts
            coded = marshal.loads(self._groups[self._offsets[number]:self._offsets[number + 1]])
            group = [_Phrase(lemmas, articles, tuple(_decode_entry(concepts, *entries[k:k + 3])
                                                     for k in range(0, len(entries), 3)), flags, singular, definite_name)
                     for lemmas, articles, flags, singular, definite_name, entries in coded]
        self._decoded[lemma] = group
        return group

    @staticmethod
    def encode(phrases: _PhraseGroups, analyzer: Analyzer, first_cores, concepts: dict[int, int],
               forms: dict) -> tuple[bytes, bytes]:
        phrases = {lemma: phrases.get(lemma) for lemma in phrases.lemmas()}  # every group, made
        blobs = [marshal.dumps([(p.lemmas, p.articles, p.flags, p.singular, p.definite_name,
                                 tuple(part for entry in p.entries for part in _encode_entry(entry, concepts, forms)))
                                for p in group]) for group in phrases.values()]
        offsets = array(_INT, [0])
        for blob in blobs:
            offsets.append(offsets[-1] + len(blob))
        layer = marshal.dumps((list(phrases), sorted(analyzer.lemmas), offsets.tobytes(), b"".join(blobs)))
        return layer, pickle.dumps(first_cores, protocol=pickle.HIGHEST_PROTOCOL)

    @staticmethod
    def decode(state: tuple, concepts: list[Concept], ta_marbuta: str):
        """(phrases, analyzer, first-core automaton) of an encoded layer."""
        layer, cores = state
        collecting = gc.isenabled()
        gc.disable()
        try:
            firsts, lemmas, offsets, groups = marshal.loads(layer)
            return (_PhraseGroups.loaded(firsts, _int_array(offsets), groups, concepts),
                    Analyzer(lemmas, ta_marbuta=ta_marbuta), pickle.loads(cores))
        finally:
            if collecting:
                gc.enable()


def _false_friend_spellings(concept: Concept) -> list[Term]:
    """The concept's false friends, each also with every other one-word form of its language put for
    the form it holds: 'this email' listed, 'this e-mail' is one too where e-mail is a form ('this
    e-mail' was read as the address in a held-out catalogue whose glossary lists e-mail)."""
    spellings: dict[tuple[str, str], Term] = {}
    for friend in concept.false_friends:
        spellings.setdefault((friend.lang, friend.text), friend)
        words = [t.text for t in concept.terms if t.lang == friend.lang and " " not in t.text.strip()]
        for word in words:
            held = re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", friend.text, re.I)
            if held is None:
                continue
            for other in words:
                if other.lower() != word.lower():
                    text = friend.text[:held.start()] + other + friend.text[held.end():]
                    spellings.setdefault((friend.lang, text), friend._replace(text=text))
    return list(spellings.values())


_PARENTHESIS = re.compile(r"(.*\S)\s*\(([^()]*\w[^()]*)\)")
_OPTIONAL_ENDING = re.compile(r"(.*\w)\((\w{1,3})\)")  # an ending glued to the word it may end: item(s)


def _alternatives(key: str, text: str) -> list[tuple[str, str | None]]:
    """A form written 'X (Y)' (a term and its abbreviation or gloss: كوفيد (COVID-19)) is also
    matched as X alone and as Y alone, each as its own written form (so an all-capitals Y is
    case-sensitive); one with an ending in brackets glued to it (item(s), a glossary's way of
    saying 'one or more') is matched with and without the ending; any other form is matched as
    it is. (key, written form or None) pairs."""
    if not key.endswith(")"):
        return [(key, None)] if key else []
    glued, written_glued = _OPTIONAL_ENDING.fullmatch(key), _OPTIONAL_ENDING.fullmatch(text.strip())
    if glued and written_glued:  # item(s): 'item' and 'items', never the ending alone
        return [(glued.group(1), written_glued.group(1)),
                (glued.group(1) + glued.group(2), written_glued.group(1) + written_glued.group(2))]
    found = _PARENTHESIS.fullmatch(key)
    written = _PARENTHESIS.fullmatch(text.strip())
    if not found or not written:
        return [(key, None)] if key else []
    return [(key, None), (found.group(1).strip(), written.group(1).strip()),
            (found.group(2).strip(), written.group(2).strip())]


def _lemma_readings(key: str) -> list[tuple[tuple[str, ...], tuple[bool, ...], bool]]:
    """(lemmas, articles) of a glossary phrase. A word that starts with ال is read both ways:
    the article (الحصبة -> حصبة) or part of the word (التهاب, التزام): both are indexed, and a
    text word takes whichever its own reading gives. A sound feminine plural listed in the
    glossary (اللقاحات) also stands for its singular (not a forbidden one: the house that forbids
    استيرادات for 'imports' does not forbid the masdar استيراد, 'importing'). Long phrases get the two uniform readings."""
    words = conjunctions_joined(key.split())  # one lemma, as the text writes it either way
    if not (key.startswith(ARTICLE) or " " + ARTICLE in key or key.endswith(_FEMININE_PLURAL)
            or _FEMININE_PLURAL + " " in key):  # no word starts with ال or ends with ات (words are one space apart)
        return [(tuple(words), (False,) * len(words), False)]  # the common case: one reading
    options = []
    for word in words:
        lemma = strip_article(word)
        option = [(lemma, word != lemma, False)] + ([(word, False, False)] if word != lemma else [])
        if lemma.endswith(_FEMININE_PLURAL) and len(lemma) >= 5:  # اللقاحات: لقاح and لقاحة are it too
            option += [(lemma[:-2], word != lemma, True), (lemma[:-2] + TA_MARBUTA, word != lemma, True)]
        options.append(option)
    if sum(len(o) > 1 for o in options) > 3:
        combos = [[o[0] for o in options], [o[-1] for o in options]]
    else:
        combos = [[]]
        for option in options:
            combos = [c + [o] for c in combos for o in option]
    readings = []
    for combo in combos:
        lemmas, articles, singular = zip(*combo)  # the combo's (lemma, article, singular) columns
        readings.append((lemmas, articles, True in singular))
    return readings


_DETACHED = frozenset(CONJUNCTIONS)  # و ف


def _continues(s: str, end: int, phrase: _Phrase, analyse):
    """The readings of the words after `end` as the phrase's next lemmas, one space apart, with no
    proclitic but the article (كلمة المرور, not كلمة والمرور), and where the last one ends; None
    when they are not there."""
    readings = []
    for lemma in phrase.lemmas[1:]:
        if s[end:end + 1] != " ":
            return None
        word = ARABIC_WORD.match(s, end + 1)
        if word is None:
            return None
        text, word_end = word.group(), word.end()
        if text in _DETACHED and lemma[:1] == text and s[word_end:word_end + 1] == " " \
                and (following := ARABIC_WORD.match(s, word_end + 1)) is not None:
            text, word_end = text + following.group(), following.end()  # و الظروف for والظروف
        reading = next((r for r in analyse(text) if r.lemma == lemma and r.prefix in ("", ARTICLE)), None)
        if reading is None:
            return None
        readings.append(reading)
        end = word_end
    return readings, end


_ARABIC_LETTERS = frozenset(chr(c) for c in [*range(0x0621, 0x064B), *range(0x0671, 0x06D4), *range(0x06FA, 0x0700)])
_MOST_AFFIX = 6  # letters a proclitic run (وبال) or a suffix group (اتهما) adds around a stem


_WINDOW = 1 << 18  # characters given to an automaton at once (and find's stretches: 43,000 candidates of a dense text at 1 << 20)

# Two white-space characters in a row: normalize() makes them one space, so offsets move
_WHITE_SPACE_PAIR = re.compile("[ \t\n\v\f\r]{2}")


class _FoldedASCII:
    """normalize(text).text of a long ASCII text in which normalizing moves no offset (no two
    white-space characters in a row to collapse): each character folds to one (case, white space
    to a space, ` to '), so a slice or a character is folded when read, and the 23 MB copy of a
    23 MB text (a third of a dense lint's peak, issue 11) is never made. find() reads only slices
    (a stretch at a time) and characters around candidates."""

    __slots__ = ("_text", "_table")

    def __init__(self, text: str, folds: str) -> None:
        self._text, self._table = text, str.maketrans(dict(zip(map(chr, range(128)), folds)))

    def __len__(self) -> int:
        return len(self._text)

    def __getitem__(self, k) -> str:
        return self._text[k].translate(self._table)



def _iter_windows(automaton, s: str):
    """automaton.iter(s), a window at a time: pyahocorasick copies its input to 4 bytes a character,
    so a 50 MB text would cost 200 MB more. A hit belongs to the window its last character is in;
    each window starts a longest word early, so a hit across a border is seen whole."""
    if len(s) <= _WINDOW:
        yield from automaton.iter(s)
        return
    overlap = automaton.get_stats()["longest_word"]
    for base in range(0, len(s), _WINDOW):
        first = max(0, base - overlap)
        for last, value in automaton.iter(s[first:base + _WINDOW]):
            if first + last >= base:
                yield first + last, value


def _words_around(s: str, cores) -> list[tuple[int, int]]:
    """(start, end) of the Arabic words of `s` that hold one of `cores` no further from their
    edges than affixes reach, in text order, each once."""
    words: dict[int, int] = {}
    n = len(s)
    letters = _ARABIC_LETTERS
    for last, size in _iter_windows(cores, s):
        first = last + 1 - size
        start = first
        while start > 0 and s[start - 1] in letters and first - start <= _MOST_AFFIX:
            start -= 1
        if start in words or (start > 0 and s[start - 1] in letters):
            continue
        end = last + 1
        while end < n and s[end] in letters and end - last <= _MOST_AFFIX + 1:
            end += 1
        if end < n and s[end] in letters:
            continue
        words[start] = end
    return sorted(words.items())


def _compound_head(s: str, start: int, end: int, entries, names: dict[int, bool]) -> bool:
    """A one-word common term after a hyphen is the head of another word (single-stranded is not
    stranded, self-isolation not isolation). Not after an adverb (potentially-infected is still
    infected); a name stays a name there (pro-Basij), and a term before a hyphen is still itself
    (pandemic-related)."""
    key = s[start:end]
    if " " in key or "-" in key or s[max(0, start - 3):start - 1].endswith("ly"):
        return False
    return not any(_is_name(entry.concept, names) for entry in entries)  # every al-Name after a hyphen asks


def _is_name(concept: Concept, names: dict[int, bool]) -> bool:
    """Concept.is_name, remembered per matcher (its glossary holds its concepts: ids stay theirs)."""
    name = names.get(id(concept))
    if name is None:
        name = names[id(concept)] = concept.is_name
    return name


def _all_names(entries, names: dict[int, bool]) -> bool:
    """Every entry names a person, place or body."""
    return all(_is_name(entry.concept, names) for entry in entries)


def _english_twins(key: str, text: str) -> list[str]:
    """Keys that are the same term: the regular plural of the last word, and for a lower-case
    form its hyphen/space twin. Names (capitalized) get only the plural; an acronym its plural in
    a lower-case s (ATMs), which _as_written reads as the acronym written."""
    if not key[-1:].isalpha():
        return []
    if text.isupper() and _all_caps(text):
        return [key + "s"] if text.isalpha() and len(text) >= 2 else []
    plural = _plural(key)
    if not text.islower():
        return [plural]  # a name or a mixed-case form: the plural only
    if "-" in key:
        twin = key.replace("-", " ")
    elif key.count(" ") == 1:
        twin = key.replace(" ", "-")
    else:
        return [plural]
    return [plural, twin, _plural(twin)]


def _plural(key: str) -> str:
    if key.endswith("y") and len(key) > 2 and key[-2] not in "aeiou":
        return key[:-1] + "ies"
    if key.endswith(("s", "x", "z", "ch", "sh")):
        return key + "es"
    return key + "s"


_PUNCTUATION = re.compile(r"^\W+|(?:['’]s)?\W*$")


def _case_words(text: str) -> tuple[str, ...]:
    """The words of a form that are only capitals and letters (WHO, IT, AIDS; not COVID-19, not
    U.S.): written in lower case they are other words (who, it, aids), so the text must have them
    in capitals. Cheap for the common case: most forms are not upper case at all."""
    rest = text[1:]
    if rest.lower() == rest:  # no capital after the first letter (C speed; a per-character test was
        return ()             # a third of a 50,000-concept build)
    if text.isascii() and text.istitle():  # Title Case names: in ASCII every letter is cased, so a
        return ()                          # capital never follows a letter, and no word is all capitals
    return tuple(w for w in (_PUNCTUATION.sub("", token) for token in text.split())
                 if len(w) >= 2 and w.isalpha() and w.isupper())


def _all_caps(text: str) -> bool:
    """An acronym-like form (WHO, U.S., COVID-19 is not: it has a lower-case reading 'covid')."""
    return text.isupper() and _ALL_CAPS.fullmatch(text) is not None  # isupper first: C speed


def _flags(entries) -> int:
    """Whether a key's entries need the text as written: an all-capitals form, or forms that
    differ only by case or hamza with different statuses."""
    if len(entries) == 1:  # the common case, without generator overhead
        entry = entries[0]
        flags = _CASE_SENSITIVE if _case_words(entry.term.text) else 0
        if entry.term.status is _FORBIDDEN and misspells_accepted(entry):
            flags |= _STRICT  # its accepted form has another key (الإعدادات), the text must be written so
        return flags
    flags = 0
    if any(_case_words(e.term.text) for e in entries):
        flags |= _CASE_SENSITIVE
    if len({e.term.status for e in entries}) > 1 and any(
            told_apart(a.term.text, b.term.text) for a in entries for b in entries if a.term.status != b.term.status):
        flags |= _STRICT
    elif any(e.term.status is _FORBIDDEN and misspells_accepted(e) for e in entries):
        flags |= _STRICT
    return flags


_MARKS = re.compile("[\u064b-\u065f\u0670\u0640\u200b-\u200f\u202a-\u202e\u2066-\u2069\u061c\ufeff\u00ad]")


def misspells_accepted(entry: Entry) -> bool:
    """A forbidden form that is an accepted form of its concept spelt otherwise, told apart by hamza
    or case only (اعدادات beside الإعدادات, تأريخ beside تاريخ): the text must be written so for it
    to match, and it is wrong wherever it stands."""
    return any(told_apart(entry.term.text, term.text) for term in entry.concept.accepted(entry.term.lang))


def slips_from_accepted(entry: Entry) -> bool:
    """A forbidden form that is an accepted form of its concept misspelt: by hamza or case
    (misspells_accepted), or by a word's last letter written ه for ة or ي for ى and back (فاتوره
    beside فاتورة, مستشفي beside مستشفى: a held-out ERP catalogue's glossary). Normalization keeps
    those letters apart (a house may fold ة, see text.arabic), so such a form is another key, matched
    as written; it is still no other word, and wrong wherever it stands."""
    if misspells_accepted(entry):
        return True
    slipped = _final_letters_folded(entry.term.text)
    return any(term.text != entry.term.text and _final_letters_folded(term.text) == slipped
               for term in entry.concept.accepted(entry.term.lang))


_FINAL_SLIPS = str.maketrans("\u0629\u0649", "\u0647\u064a")  # ة ى -> ه ي


def _final_letters_folded(text: str) -> str:
    return " ".join(w[:-1] + w[-1].translate(_FINAL_SLIPS) for w in strict_key(text).split())


def strict_key(text: str) -> str:
    """A form as written, for telling apart forms that normalization folds together: case and
    hamza kept; diacritics, tatweel, invisible marks and spacing still do not count."""
    return " ".join(_MARKS.sub("", unicodedata.normalize("NFC", text)).split())


_HAMZA_ALEFS = str.maketrans("\u0623\u0625\u0622\u0671", "\u0627\u0627\u0627\u0627")


def _without_articles(text: str) -> str:
    return " ".join(strip_article(word) for word in text.split())


@lru_cache(maxsize=1 << 16)  # asked again for the same forms by every overlap a forbidden form is in
def told_apart(a: str, b: str) -> bool:
    """Two forms that normalization folds together but a house may tell apart: they differ only by
    case beyond the first letter (IT / it, iPhone / Iphone) or only by hamza on alef (إختر / اختر).
    Such a pair may be forbidden/preferred in one concept."""
    a, b = strict_key(a), strict_key(b)
    if a == b:
        return False
    if a.translate(_HAMZA_ALEFS) == b.translate(_HAMZA_ALEFS):
        return True
    # The article does not tell words apart, the hamza does: اعدادات beside the house الإعدادات
    # (a held-out WordPress glossary) is the misspelling, and إعدادات the house form inflected.
    bare_a, bare_b = _without_articles(a), _without_articles(b)
    if bare_a != bare_b and bare_a.translate(_HAMZA_ALEFS) == bare_b.translate(_HAMZA_ALEFS):
        return True
    # A capital first letter is what a sentence start gives (Al-Muhandis): that is TC103's
    # business, not a second spelling.
    return a.lower() == b.lower() and a[:1].lower() + a[1:] != b[:1].lower() + b[1:]


def _found(norm: Normalized, picked: list[tuple]) -> Matches:
    """The Matches of picked (start, end, entries, exact) candidates, in the original's offsets too:
    Match objects for a few, columns for many."""
    if len(picked) > _OBJECTS_UP_TO:
        columns = _MatchColumns(norm)
        columns.add(picked)
        return columns.done()
    spans = norm.spans([(c[0], c[1]) for c in picked])
    return _MatchList([Match(orig_start, orig_end, start, end, entries, exact)
                       for (orig_start, orig_end), (start, end, entries, exact) in zip(spans, picked)])


def _written_at(text: str, norm: Normalized, start: int, end: int, entries: tuple[Entry, ...],
                flags: int) -> tuple[Entry, ...]:
    """_as_written for the candidate norm.text[start:end], read in `text` as written."""
    orig_start, orig_end = norm.span(start, end)
    return _as_written(text[orig_start:orig_end], entries, flags)


def _as_written(written: str, entries: tuple[Entry, ...], flags: int) -> tuple[Entry, ...]:
    """The entries that the text as written can be: an all-capitals form only where the text has
    those capitals; of forms told apart by case or hamza, the one written (when none is, the
    accepted ones: an unlisted spelling is not a forbidden one)."""
    if flags & _CASE_SENSITIVE:
        tokens = {_PUNCTUATION.sub("", token) for token in written.split()}
        tokens |= {t[:-1] for t in tokens if t.endswith("s") and t[:-1].isupper()}  # ATMs: the acronym ATM
        entries = tuple(e for e in entries if all(word in tokens for word in _case_words(e.term.text)))
    if flags & _STRICT and entries:
        strict = strict_key(written)
        same = tuple(e for e in entries if strict_key(e.term.text) in strict)
        if same:
            longest = max(len(strict_key(e.term.text)) for e in same)
            entries = tuple(e for e in same if len(strict_key(e.term.text)) == longest)
        else:
            entries = tuple(e for e in entries if e.term.status is not Status.FORBIDDEN)
    return entries


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


def _accepted_reading_first(read: list[tuple]) -> list[tuple]:
    """Arabic candidates less a forbidden reading of a word that also reads as an accepted form of the
    same concept: مرفقات is the plural of the forbidden مرفقة and of the house مرفق (a held-out
    MediaGoblin catalogue's two false TC101), and a text that can be the house's form inflected is no
    misspelling of it. The forbidden form written as listed (exact) stays."""
    if len(read) < 2:
        return read
    accepted: dict[tuple[int, int], set[int]] = {}
    for start, end, entries, _ in read:
        for entry in entries:
            if entry.term.status is not _FORBIDDEN:
                accepted.setdefault((start, end), set()).add(id(entry.concept))
    if not accepted:
        return read
    return [c for c in read if c[3] or not (all_forbidden(c[2]) and any(
        id(e.concept) in accepted.get((c[0], c[1]), ()) for e in c[2]))]  # the form as written stays forbidden


def all_forbidden(entries) -> bool:
    """Every entry is a forbidden form (TC101's match)."""
    if len(entries) == 1:  # the common case, asked for every match: no generator
        return entries[0].term.status is _FORBIDDEN
    return all(e.term.status is _FORBIDDEN for e in entries)


_FORBIDDEN = Status.FORBIDDEN


def _without_false_friends(candidates: list) -> list:
    """A false friend (a longer phrase that is not the concept: 'cell phone' for cell) takes its own
    concept's forms inside it out of the candidates, and is itself never a match. Other concepts'
    forms inside it stand ('verification' in 'verification email', a false friend of email)."""
    friends = [(start, end, {id(e.concept) for e in entries if e.false_friend})
               for start, end, entries, _ in candidates if any(e.false_friend for e in entries)]
    kept = []
    for start, end, entries, exact in candidates:
        hidden = set().union(*(concepts for f_start, f_end, concepts in friends if f_start <= start and end <= f_end))
        entries = tuple(e for e in entries if not e.false_friend and id(e.concept) not in hidden)
        if entries:
            kept.append((start, end, entries, exact))
    return kept


def _first_open_cluster(candidates: list[tuple], limit: int) -> int:
    """Where the first overlap cluster of `candidates` that ends after `limit` starts, or `limit`
    when every cluster that starts before it ends by it (the place a next stretch may start)."""
    cluster_start, cluster_end = -1, -1
    for start, end in sorted([(c[0], c[1]) for c in candidates]):
        if start >= cluster_end:
            if cluster_end > limit:
                return cluster_start
            if start >= limit:
                return limit
            cluster_start = start
        if end > cluster_end:
            cluster_end = end
    return cluster_start if cluster_end > limit else limit


def _longest_non_overlapping(candidates: list[tuple[int, int, tuple[Entry, ...], bool]]) -> list[tuple]:
    """Keep the longest of overlapping candidates (a full name beats its surname), in text order.

    Candidates are swept in text order into clusters of mutually reachable overlaps; almost all
    clusters hold one candidate, and only real clusters pay for the longest-first choice.
    """
    # Sorted by (start, longest first), ties in the order found: the order of a stable sort by
    # that key, through plain tuple comparison (a key function per candidate cost more).
    order = [(c[0], c[0] - c[1], k) for k, c in enumerate(candidates)]
    order.sort()
    picked: list = []
    add = picked.append
    current = None
    cluster: list | None = None
    cluster_end = -1
    for start, _, k in order:
        candidate = candidates[k]
        if start >= cluster_end:
            if cluster is not None:
                _resolve(cluster, picked)
                cluster = None
            elif current is not None:
                add(current)
            current = candidate
            cluster_end = candidate[1]
        else:
            if cluster is None:
                cluster = [current, candidate]
            else:
                cluster.append(candidate)
            if candidate[1] > cluster_end:
                cluster_end = candidate[1]
    if cluster is not None:
        _resolve(cluster, picked)
    elif current is not None:
        add(current)
    return picked


def _resolve(cluster: list, picked: list) -> None:
    cluster = _misspelling_stands(cluster)
    if len(cluster) == 1:
        picked.append(cluster[0])
        return
    if len(cluster) == 2:  # the common real cluster: two overlapping candidates, the longer wins
        first, second = cluster  # first starts no later (the sweep's order)
        longer = (first[1] - first[0]) - (second[1] - second[0])
        if longer > 0 or longer == 0 and (_exact(first) or not _exact(second)):
            winner, loser = first, second
        else:  # of two matches of one span, the form written exactly wins over another read inflected
            winner, loser = second, first
        # (a loser with one entry never adds a concept: _absorb takes only what the winner lacks
        # from an inner match that shares one of the winner's concepts)
        picked.append(_absorb(winner, [loser]) if len(loser[2]) > 1 else winner)
        return
    chosen: list = []
    dropped: list = []
    for candidate in sorted(cluster, key=lambda c: (c[0] - c[1], not _exact(c), c[0])):
        if all(candidate[1] <= c[0] or candidate[0] >= c[1] for c in chosen):
            chosen.append(candidate)
        else:
            dropped.append(candidate)
    if dropped and len(chosen[0]) > 3:
        chosen = [_absorb(c, dropped) for c in chosen]
    picked.extend(sorted(chosen, key=lambda c: c[0]))


def _misspelling_stands(cluster: list) -> list:
    """The cluster less an accepted form read across a word that the text writes as a forbidden
    misspelling of the same concept: with إستطلاع forbidden beside the house استطلاع and استطلاع رأي
    allowed, 'إستطلاعات الرأي' is the misspelling, not the allowed phrase read with hamza folded (a
    held-out U-Report catalogue: three missed TC101). Such a forbidden candidate is in the cluster
    only when the text writes it so (_written_at). So is an accepted form of another concept whose
    own spelling of that word is the right one: with إتصال forbidden for 'connect', 'قطع الإتصال' is
    the misspelling, not 'disconnect' قطع الاتصال read with hamza folded (a held-out Bluetooth
    manager's missed TC101); a form the glossary itself writes so (إعادة إتصال) stands."""
    forbidden = [c for c in cluster if all_forbidden(c[2])]
    if not forbidden or len(forbidden) == len(cluster):  # most clusters: nothing to drop
        return cluster
    # a longer accepted reading around a forbidden candidate first (tuple arithmetic), and only then
    # whether that one misspells an accepted form
    inside = [m for m in forbidden if any(c[0] <= m[0] and m[1] <= c[1] and c[1] - c[0] > m[1] - m[0]
                                          for c in cluster if not all_forbidden(c[2]))]
    misspelt = [m for m in inside if any(misspells_accepted(e) for e in m[2])]
    if not misspelt:
        return cluster
    return [c for c in cluster if all_forbidden(c[2]) or not any(
        c[0] <= m[0] and m[1] <= c[1] and c[1] - c[0] > m[1] - m[0]
        and (_shares_a_concept(c[2], m[2]) or not _spells_it_so(c[2], m[2])) for m in misspelt)]


def _spells_it_so(entries: tuple, misspellings: tuple) -> bool:
    """One of `entries`' forms writes one of the misspelt forms as it is (hamza and case kept)."""
    wrong = [strict_key(m.term.text) for m in misspellings]
    return any(w in strict_key(e.term.text) for e in entries for w in wrong)


def _shares_a_concept(entries: tuple, others: tuple) -> bool:
    concepts = {id(e.concept) for e in others}
    return any(id(e.concept) in concepts for e in entries)


def _exact(candidate: tuple) -> bool:
    """A candidate that is a listed form as written (الهيئة المستقلة للانتخابات, a forbidden form),
    not another form read through an inflection (للانتخاب + ات)."""
    return len(candidate) <= 3 or bool(candidate[3])


def _absorb(chosen: tuple, dropped: list) -> tuple:
    """A longer match also names the concepts of a shorter one inside it when the two share a
    concept through forms of one language: 'منظمة الصحة العالمية (WHO)' (WHO) holds 'منظمة الصحة
    العالمية', which the glossary lists for the World Health Organization too. A shorter form of another entity is not absorbed
    (Kataib Hezbollah does not name Hezbollah), nor anything into a forbidden form."""
    start, end, entries, *rest = chosen
    # an inner match of one entry has nothing to add: its one concept is either shared (then the
    # winner has it) or not (then it is not taken)
    inside = [inner for inner in dropped if len(inner[2]) > 1 and start <= inner[0] and inner[1] <= end]
    if not inside or any(e.term.status is Status.FORBIDDEN for e in entries):
        return chosen
    have = {id(e.concept) for e in entries}
    langs = {e.term.lang for e in entries}
    extra = []
    for inner in inside:
        same_lang = [e for e in inner[2] if e.term.lang in langs]
        if have & {id(e.concept) for e in same_lang}:
            extra.extend(e for e in same_lang if id(e.concept) not in have and not e.false_friend
                         and e.term.status is not Status.FORBIDDEN)
    if not extra:
        return chosen
    unique = {id(e.concept): e for e in extra}  # one entry a concept is enough to name it
    return (start, end, entries + tuple(unique.values()), *rest)

"""TC102: a spelling that is a transliteration variant of a glossary form, but is not listed.

This module also holds the scan for name candidates that TC103 and TC104 share (`name_spans`):
one compiled regex finds runs of capitalized words (with `al-`/`el-` words and the particles bin,
ibn, abu inside; across one line break when the document is hard-wrapped), and every run is
looked up, 1..N words at a time, in the variant index (N = the most words of any English form).

A piece of text is a variant when its transliteration key (termcheck.text.translit) equals the key
of an English preferred or allowed form (an exact key hit), or is a near key of one (one edit, see
`near_keys`). Exact glossary matches are never variants themselves; a variant may take in whole
exact matches of accepted forms when it has words of its own besides (with `Raad` allowed for
Mohammad Raad, "Mohammed Raad" is a variant of the full name), never a form the glossary only
forbids (TC101 reports that one). Lower-case words are never name candidates, and neither is text
made only of ordinary English words (termcheck.text.ordinary_words: Monday, May, Police,
Officials) unless the glossary's own forms use the word. Calibrated on bench/bench_lint.py's
planted errors (10 MB, 10,000 concepts) and the bundled corpora's errors.tsv.

The expected form is the listed form whose key was hit: the preferred form, or the allowed form
the writer evidently meant (a variant of the allowed surname `al-Muhandis` is fixed to
`al-Muhandis`, not to the full name). A key shared by forms of two concepts is ambiguous and is
not reported. Acronyms (PMF, AAH) and forms whose key has under MIN_KEY_WEIGHT letters are not
indexed. The fix is UNSAFE: a variant may still be another person's name. At the start of a sentence a form
that starts with a lower-case `al-` is suggested with a capital (TC103's rule).
"""

from __future__ import annotations

import bisect
import gc
import heapq
import marshal
import re
from array import array
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from operator import itemgetter
from typing import NamedTuple

from termcheck.contexts import DocumentContext
from termcheck.match import Entry, Match, Matcher, Matches, all_forbidden
from termcheck.model import Applicability, Concept, Finding, Fix, Status
from termcheck.rules.registry import rule
from termcheck.text.normalize import normalize_form
from termcheck.text.ordinary_words import is_ordinary_word
from termcheck.text.translit import (
    ARTICLE_PREFIX, HYPHENS, NEAR_MIN_WEIGHT, key_weight, near_keys, near_signature, translit_key,
)

TC102 = rule("TC102")

_UPPER = "".join(
    chr(c) for lo, hi in ((0x41, 0x5B), (0xC0, 0x250), (0x1E00, 0x1F00)) for c in range(lo, hi) if chr(c).isupper()
)
_UP = f"[{_UPPER}]"
_LETTER = r"[^\W\d_]"
_APOS = "'\u2019\u02bc\u02bf\u02be"
_HYPHEN = HYPHENS
_SEP = r"[ \t\u00a0]+"
ARTICLE = ARTICLE_PREFIX
_CAPWORD = rf"{_UP}{_LETTER}*(?:[{_APOS}](?!s\b){_LETTER}+)*"  # Kata'ib, but not the 's of Iraq's
_NAMEWORD = rf"(?:{ARTICLE})?{_CAPWORD}(?:[{_HYPHEN}](?:{ARTICLE})?{_CAPWORD})*"
PARTICLES = frozenset({"bin", "ibn", "bint", "abu", "abi", "abd"})
_PARTICLE = "(?:" + "|".join(sorted(PARTICLES)) + ")"
# In a hard-wrapped text a name may go on after one line break (not a blank line).
_WRAPPED_SEP = r"(?:[ \t\u00a0]*\r?\n[ \t\u00a0]*|[ \t\u00a0]+)"


@lru_cache(maxsize=2)
def name_run(hard_wrapped: bool) -> re.Pattern[str]:
    """The name-run regex for a document (compiled on first use: it takes tens of milliseconds)."""
    return _name_run(_WRAPPED_SEP if hard_wrapped else _SEP)


def _name_run(sep: str) -> re.Pattern[str]:
    """A run of name words. It starts at a capital letter: searching from a character class is several
    times faster than from a look-behind; the scan then checks the character before the run and takes
    in a lower-case article before it (al-Sudani) with _ARTICLE_BEFORE."""
    # A final ' or ʿ belongs to the word when another name word follows (Shia' al-Sudani).
    trailing_mark = rf"(?:[{_APOS}](?={sep}(?:{_PARTICLE}{sep})*(?:{ARTICLE})?{_UP}))?"
    name_word = _NAMEWORD + trailing_mark
    return re.compile(
        rf"{_CAPWORD}(?:[{_HYPHEN}](?:{ARTICLE})?{_CAPWORD})*{trailing_mark}(?:{sep}(?:{_PARTICLE}{sep})*{name_word})*"
    )



_ARTICLE_BEFORE = re.compile(rf"(?<![\w{_APOS}]){ARTICLE}$")
_NOT_BEFORE_NAME = frozenset(_APOS + "_")
_TOKEN = re.compile(r"\S+")
_ARTICLE_START = re.compile(ARTICLE)


def is_name_like(text: str) -> bool:
    """Starts like a name: a capital letter or the article al-/el- before one."""
    return bool(text) and (text[0].isupper() or bool(_ARTICLE_START.match(text)))


@lru_cache(maxsize=1 << 16)  # TC104 asks for every name span's spelling: names repeat
def spelling(text: str) -> str:
    """How two spellings are compared: case, apostrophes, hyphen variants and spacing folded."""
    folded = text.lower().replace("\u2010", "-").replace("\u2011", "-")
    return " ".join(_APOSTROPHES.sub("", folded).split())


_APOSTROPHES = re.compile(f"[{_APOS}]")
_ACRONYM = re.compile(r"[A-Z0-9&.\-]+")
_CAPITALIZED_PART = re.compile(rf"(?<![^{_HYPHEN}\s]){_UP}[^{_HYPHEN}\s]*")
# Forms whose key has fewer letters are not indexed: a one- or two-letter key (Ur, Al) would
# make every capitalized "A" or "Or" a variant.
MIN_KEY_WEIGHT = 3


@dataclass(frozen=True)
class Hit:
    """A variant-index hit: the listed form whose key matched, and its concept."""

    concept: Concept
    form: str
    exact_key: bool


class VariantIndex:
    """Keys of every English preferred and allowed form, built once per Matcher."""

    MEMO_LIMIT = 200_000

    def __init__(self, matcher: Matcher) -> None:
        self.by_key: dict[str, list[tuple[Concept, str, bool]]] = {}
        self.max_words = 1
        for concept in matcher.glossary.concepts:
            for term in concept.accepted("en"):
                if _ACRONYM.fullmatch(term.text):
                    continue  # PMF, AAH: spelled out by letter, not transliterated
                key = translit_key(term.text)
                if key_weight(key) < MIN_KEY_WEIGHT:
                    continue
                self.by_key.setdefault(key, []).append((concept, term.text, term.status is Status.PREFERRED))
                self.max_words = max(self.max_words, len(term.text.split()))
        # Keys of the word runs inside longer forms (raad in muhamad raad): only an exact match
        # with such a key can be taken in by a variant of a longer form.
        self.inner_keys: set[str] = set()
        for key in self.by_key:
            parts = key.split(" ")
            for a in range(len(parts)):
                for b in range(a + 1, len(parts) + 1):
                    if b - a < len(parts):
                        self.inner_keys.add(" ".join(parts[a:b]))
        # Near keys share a near_signature: a lookup compares a key with the few keys of its
        # signature (a deletion neighbourhood of every key took a third of this index's build).
        self._by_signature: dict[str, list[str]] = {}
        for key in self.by_key:
            if key_weight(key) >= NEAR_MIN_WEIGHT:
                self._by_signature.setdefault(near_signature(key), []).append(key)
        self._empty_memos()
        # Words the glossary's own English names use are names for this house, never ordinary words
        # (only the words a form capitalizes: "respiratory droplets" does not make Respiratory a name)
        forms = "\n".join(t.text for c in matcher.glossary.concepts for t in c.terms if t.lang == "en")
        self.glossary_words = frozenset(spelling(" ".join(_CAPITALIZED_PART.findall(forms))).split(" "))

    def _empty_memos(self) -> None:
        self._memo: dict[str, Hit | None] = {}
        self.entries_memo: dict[int, tuple] = {}  # id(match entries) -> (entries, NameSpan fields or None)
        self._ordinary: dict[str, bool] = {}
        # Name spans of a run's text, relative to the run: runs repeat a lot (Baghdad, The Minister).
        self.pieces: dict[object, list[NameSpan]] = {}

    def state(self, matcher: Matcher) -> bytes | None:
        """The index as one marshal blob, concepts by their number in the matcher's glossary
        (None if a concept is not the glossary's)."""
        numbers = {id(concept): number for number, concept in enumerate(matcher.glossary.concepts)}
        try:
            by_key = {key: [(numbers[id(concept)], form, preferred) for concept, form, preferred in forms]
                      for key, forms in self.by_key.items()}
        except KeyError:
            return None
        return marshal.dumps((by_key, self.max_words, self.inner_keys, self._by_signature, self.glossary_words))

    @classmethod
    def loaded(cls, matcher: Matcher, state) -> VariantIndex | None:
        """The index `state` describes for this matcher's glossary, or None when it is not one."""
        if not isinstance(state, bytes):
            return None
        try:
            by_key, max_words, inner_keys, by_signature, glossary_words = marshal.loads(state)
            concepts = matcher.glossary.concepts
            index = cls.__new__(cls)
            index.by_key = {key: [(concepts[number], form, preferred) for number, form, preferred in forms]
                            for key, forms in by_key.items()}
        except (ValueError, TypeError, EOFError, IndexError):
            return None
        index.max_words, index.inner_keys, index._by_signature = max_words, inner_keys, by_signature
        index.glossary_words = glossary_words
        index._empty_memos()
        return index

    def is_ordinary(self, word: str) -> bool:
        """A word of English (termcheck.text.ordinary_words) that no glossary form uses."""
        try:
            return self._ordinary[word]
        except KeyError:
            pass
        if len(self._ordinary) >= self.MEMO_LIMIT:
            self._ordinary.clear()
        folded = word.lower()
        if not folded.isalpha():
            folded = spelling(folded)  # apostrophes out, hyphens unified
        parts = folded.split("-")
        ordinary = self._ordinary[word] = (
            not any(p in self.glossary_words for p in parts) and is_ordinary_word(word))
        return ordinary

    def lookup(self, key: str) -> Hit | None:
        """The form `key` is a variant of, or None (no form, or forms of two concepts)."""
        try:
            return self._memo[key]
        except KeyError:
            pass
        if len(self._memo) >= self.MEMO_LIMIT:
            self._memo.clear()
        hit = self._resolve(self.by_key.get(key, ()), exact_key=True)
        if hit is None and key not in self.by_key and key_weight(key) >= NEAR_MIN_WEIGHT:
            forms = [f for near in sorted(self._near(key)) for f in self.by_key[near]]
            hit = self._resolve(forms, exact_key=False)
        self._memo[key] = hit
        return hit

    def _near(self, key: str) -> set[str]:
        return {k for k in self._by_signature.get(near_signature(key), ()) if near_keys(key, k)}

    @staticmethod
    def _resolve(forms, *, exact_key: bool) -> Hit | None:
        if not forms or len({id(c) for c, _, _ in forms}) > 1:
            return None
        concept, form, _ = next((f for f in forms if f[2]), forms[0])
        return Hit(concept, form, exact_key)


def variant_index(matcher: Matcher) -> VariantIndex:
    """The matcher's VariantIndex: built once per glossary, and kept beside a cached compiled
    glossary (termcheck.glossary.cache), so that a second run loads it."""
    index = matcher.cache.get("TC102.variant-index")
    if index is None:
        from termcheck.glossary import cache

        index = VariantIndex.loaded(matcher, cache.load_derived(matcher, "variant-index"))
        if index is None:
            index = VariantIndex(matcher)
            state = index.state(matcher)
            if state is not None:
                cache.store_derived(matcher, "variant-index", state)
        matcher.cache["TC102.variant-index"] = index
    return index


class NameSpan(NamedTuple):
    """A name in an English text: a glossary match, a TC102 variant, or another capitalized run.

    kind: 'exact' (a glossary form as written), 'variant' (TC102 reports it) or 'name'.
    house: the glossary form this span should read (None for plain names).
    forbidden: an exact match of forms the glossary only forbids (TC101 reports it).
    (A NamedTuple: a 10 MB text has hundreds of thousands of them.)
    """

    start: int
    end: int
    text: str
    key: str
    kind: str
    concept: Concept | None = None
    house: str | None = None
    forbidden: bool = False


# Words stripped from the edges of plain capitalized runs: sentence openers, titles, dates.
# "Later Issam al-Faili" and "Prime Minister Mohammed Shia al-Sudani" then compare as names.
EDGE_WORDS = frozenset(
    """a about according after again against all also although an and another any as at because before
    both but by during each earlier even every finally first for former from further he her here his
    how however i if in instead into it its last later like many meanwhile more moreover most my
    nevertheless new next no not now of on once one only or other our over overall previously recently
    several she since so some still such than that the their them then there these they this those
    though thus to today tomorrow two under unlike until we what when where whether which while who why
    with within without yesterday yet you
    mr mrs ms dr prof sheikh sayyid sayyed imam ayatollah grand president vice prime minister general
    gen secretary deputy spokesman chief head commander leader king prince colonel lieutenant brigadier
    monday tuesday wednesday thursday friday saturday sunday january february march april may june
    july august september october november december""".split()
)


def name_spans(ctx: DocumentContext) -> NameSpans:
    """Every name span of an English document, in text order (TC102, TC103 and TC104 share one scan)."""
    if "name-spans" in ctx.cache:
        return ctx.cache["name-spans"]
    if ctx.doc.lang == "ar":
        spans = NameSpans(_NO_EXACT_SPANS, [])
    else:
        collecting = gc.isenabled()
        gc.disable()  # hundreds of thousands of small tuples, no cycles: the collector would only rescan
        try:
            spans = _scan(ctx)
        finally:
            if collecting:
                gc.enable()
    ctx.cache["name-spans"] = spans
    return spans


def variant_covering(ctx: DocumentContext, start: int, end: int) -> NameSpan | None:
    """The TC102 variant that took in the exact match text[start:end], if any.

    With `Raad` allowed for Mohammad Raad, the "Raad" of "Mohammed Raad" is an exact match inside
    the variant "Mohammed Raad": a bilingual rule should not accept it as the rendering (TC202).
    """
    cached = ctx.cache.get("variant-spans")
    if cached is None:
        variants = name_spans(ctx).variants()
        cached = ctx.cache["variant-spans"] = (variants, [v.start for v in variants])
    variants, starts = cached
    k = bisect.bisect_right(starts, start) - 1
    if k >= 0 and variants[k].start <= start and end <= variants[k].end and variants[k].end - variants[k].start > end - start:
        return variants[k]
    return None


def is_hard_wrapped(ctx: DocumentContext) -> bool:
    """Are the document's paragraphs wrapped over several lines? (TC103's test, once per document)"""
    from termcheck.rules.article import is_soft_wrapped  # article imports this module

    if "hard-wrapped" not in ctx.cache:
        ctx.cache["hard-wrapped"] = is_soft_wrapped(ctx.doc.text)
    return ctx.cache["hard-wrapped"]


def _scan(ctx: DocumentContext) -> NameSpans:
    index = variant_index(ctx.matcher)
    runs = name_run(is_hard_wrapped(ctx))
    text, original = ctx.text, ctx.doc.text
    matches = ctx.matches
    exact = _exact_spans(matches, original, index)
    spans: list[NameSpan] = []  # the others: variants and plain names
    match_starts, match_ends = matches.starts, matches.ends
    covering: list[NameSpan] = []  # variants that took in exact matches (Mohammed [Raad])
    k = 0  # first match that may still overlap the current run (matches are sorted, disjoint)
    count = len(matches)
    pieces = index.pieces  # _shifted's memo (cleared in place, never replaced)
    unmasked = original is text
    new = tuple.__new__
    for run in runs.finditer(text):
        start, end = run.span()
        if start:
            before = text[start - 1]
            if before.isalnum() or before in _NOT_BEFORE_NAME:
                continue  # a capital inside a word (iPhone)
            if before in _HYPHEN:
                article = _ARTICLE_BEFORE.search(text, max(0, start - 5), start)
                if article:
                    start = article.start()
        while k < count and match_ends[k] <= start:
            k += 1
        if k == count or match_starts[k] >= end:
            # a run without matches, half of all (Baghdad, The, Officials): _shifted's memo read here
            relative = pieces.get(text[start:end]) if unmasked else None
            if relative is None:
                spans.extend(_shifted(index, text, original, start, end, ()))
            elif relative:
                spans.extend([new(NameSpan, (s[0] + start, s[1] + start) + s[2:]) for s in relative])
            continue
        if match_starts[k] <= start and match_ends[k] >= end:
            continue  # the run is one exact match (the commonest case): nothing else to find
        j = k
        locks = []
        inner = False
        while j < count and match_starts[j] < end:
            m = matches[j]
            forbidden = all_forbidden(m.entries)
            locks.append((max(m.start, start) - start, min(m.end, end) - start, forbidden))
            inner = inner or (not forbidden and translit_key(text[m.start:m.end]) in index.inner_keys)
            j += 1
        locks = tuple(locks)
        piece = text[start:end]
        tokens = [t.span() for t in _TOKEN.finditer(piece)]
        token_locks = _token_locks(tokens, locks)
        if not inner or not _takes_in_a_match(piece, tokens, token_locks, index):
            # the common case, and memoized: the pieces between the exact matches, as they are
            for a, b in _unlocked_pieces(tokens, token_locks):
                spans.extend(_shifted(index, text, original, start + a, start + b, ()))
            continue
        found = _shifted(index, text, original, start, end, locks)
        spans.extend(found)
        for span in found:
            if span.kind == "variant" and any(span.start <= start + a and start + b <= span.end for a, b, _ in locks):
                covering.append(span)
    if isinstance(exact, list):  # an article: one list of every span
        if covering:  # the exact matches a variant took in are part of it (runs are disjoint: sorted already)
            starts = [v.start for v in covering]
            exact = [s for s in exact if not _inside(s, covering, starts)]
        exact.extend(spans)
        exact.sort(key=_START)  # NameSpan.start by itemgetter: no Python call a span
        return NameSpans(_NO_EXACT_SPANS, exact)
    if covering:
        exact = exact.outside(covering)
    spans.sort(key=_START)
    return NameSpans(exact, spans)


def _inside(span: NameSpan, covering: list[NameSpan], starts: list[int]) -> bool:
    k = bisect.bisect_right(starts, span.start) - 1
    return k >= 0 and span.end <= covering[k].end


_START = itemgetter(0)


def _shifted(index: VariantIndex, text: str, original: str, start: int, end: int, locks: tuple) -> list[NameSpan]:
    """The name spans of the run text[start:end], analysis memoized per text and exact matches.

    `text` is the masked text; where markup was blanked inside the run, found texts are taken
    from the original. `locks` are the exact glossary matches in the run, relative to it:
    (start, end, forbidden only).
    """
    piece = text[start:end]
    memo_key = (piece, locks) if locks else piece
    relative = index.pieces.get(memo_key)
    if relative is None:
        if len(index.pieces) >= index.MEMO_LIMIT:
            index.pieces.clear()
        relative = index.pieces[memo_key] = _piece_spans(piece, index, locks)
    if not relative:
        return relative
    if original is not text and original[start:end] != piece:
        return [s._replace(start=s.start + start, end=s.end + start, text=original[s.start + start:s.end + start])
                for s in relative]
    if start == 0:
        return relative
    new = tuple.__new__  # NameSpan(...) with its keyword handling is the hot spot of a big text
    return [new(NameSpan, (s[0] + start, s[1] + start) + s[2:]) for s in relative]


class _ExactSpans:
    """The name spans of glossary matches as columns: start, end and the row of their other fields
    (text, key, 'exact', concept, house, forbidden) in a table of the distinct ones. One match of a
    name is one span: 50 MB of one line holds 2.3 million, which as NameSpans took 190 bytes each
    with their found text (issue 11)."""

    __slots__ = ("starts", "ends", "rows", "table")

    def __init__(self, starts: array, ends: array, rows: array, table: list[tuple]) -> None:
        self.starts, self.ends, self.rows, self.table = starts, ends, rows, table

    def __len__(self) -> int:
        return len(self.rows)

    def __iter__(self) -> Iterator[NameSpan]:
        new, table = tuple.__new__, self.table
        for start, end, row in zip(self.starts, self.ends, self.rows):
            yield new(NameSpan, (start, end) + table[row])

    def outside(self, covering: list[NameSpan]) -> _ExactSpans:
        """The spans not inside one of `covering` (disjoint, in text order)."""
        starts = [v.start for v in covering]
        keep = []
        for k, (start, end) in enumerate(zip(self.starts, self.ends)):
            c = bisect.bisect_right(starts, start) - 1
            if not (c >= 0 and end <= covering[c].end):
                keep.append(k)

        def column(values: array) -> array:
            return array(values.typecode, map(values.__getitem__, keep))

        return _ExactSpans(column(self.starts), column(self.ends), column(self.rows), self.table)


class NameSpans:
    """The name spans of a document in text order: the exact ones as columns (_ExactSpans), the
    others (variants and plain names, a few a paragraph) as NameSpans. Iterating makes each
    exact span on the fly; TC102 reads the variants alone, TC104 the distinct spans (`distinct`)."""

    __slots__ = ("exact", "others")

    def __init__(self, exact: _ExactSpans, others: list[NameSpan]) -> None:
        self.exact, self.others = exact, others

    def __len__(self) -> int:
        return len(self.exact) + len(self.others)

    def __iter__(self) -> Iterator[NameSpan]:
        if not self.others:
            return iter(self.exact)
        if not len(self.exact):
            return iter(self.others)
        return heapq.merge(self.exact, self.others, key=_START)  # on a tie the exact span first, as before

    def variants(self) -> list[NameSpan]:
        """The TC102 variants, in text order (never exact spans)."""
        return [s for s in self.others if s.kind == "variant"]

    def distinct(self) -> list[tuple[NameSpan, int]]:
        """(the first span, how many) of each distinct span but its offsets, in text order of the
        first: spans that differ only in where they stand are one for grouping by spelling."""
        exact = self.exact
        rows = exact.rows
        counts = Counter(rows)  # at C speed, as the first place of each row just below
        first = dict(zip(reversed(rows), range(len(rows) - 1, -1, -1)))
        new, table = tuple.__new__, exact.table
        merged: dict[tuple, list] = {}  # rows of two matches' entries may describe one span
        for row, k in first.items():
            fields = _fields_of_row(table[row])
            seen = merged.get(fields)
            if seen is None:
                merged[fields] = [k, counts[row], row]
            else:
                seen[0], seen[1] = min(seen[0], k), seen[1] + counts[row]
        found = [(new(NameSpan, (exact.starts[k], exact.ends[k]) + table[row]), count)
                 for k, count, row in merged.values()]
        others: dict[tuple, list] = {}
        for span in self.others:
            seen = others.get(_fields(span))
            if seen is None:
                others[_fields(span)] = [span, 1]
            else:
                seen[1] += 1
        found.extend(map(tuple, others.values()))
        found.sort(key=lambda pair: pair[0].start)
        return found

    def occurrences(self, wanted: set[tuple]) -> dict[tuple, list[NameSpan]]:
        """Every span of each of `wanted` (spans' `_fields`), in text order."""
        found: dict[tuple, list[NameSpan]] = {}
        exact = self.exact
        rows = {row: fields for row, fields in enumerate(map(_fields_of_row, exact.table)) if fields in wanted}
        if rows:
            new, table = tuple.__new__, exact.table
            for start, end, row in zip(exact.starts, exact.ends, exact.rows):
                if row in rows:
                    found.setdefault(rows[row], []).append(new(NameSpan, (start, end) + table[row]))
        for span in self.others:
            fields = _fields(span)
            if fields in wanted:
                found.setdefault(fields, []).append(span)
        return found


def _fields(span: NameSpan) -> tuple:
    """What a span is but its offsets, hashable (the concept by identity)."""
    return span[2], span[3], span[4], id(span[5]), span[6], span[7]


def _fields_of_row(row: tuple) -> tuple:
    return row[0], row[1], row[2], id(row[3]), row[4], row[5]


_NO_EXACT_SPANS = _ExactSpans(array("i"), array("i"), array("B"), [])


def _exact_spans(matches: Matches, text: str, index: VariantIndex) -> _ExactSpans | list[NameSpan]:
    """The name spans of the English glossary matches that start like a name. What a span takes
    from its match's entries (concept, house form, forbidden only) is worked out once per entries
    tuple (the automaton hands out one per form) and kept on the index."""
    described = index.entries_memo
    if len(described) >= index.MEMO_LIMIT:
        described.clear()
    objects = matches.objects()
    if objects is not None:  # an article's few matches: NameSpans made at once
        return _exact_span_list(objects, text, described)
    match_rows, match_table = matches.rows()
    tails = []
    for entries, exact in match_table:
        memo = described.get(id(entries))
        if memo is None or memo[0] is not entries:  # the memo holds the tuple: its id is not reused
            # (entries, the span's last fields), or (entries, None) for entries of another language
            tail = ("exact", *_described(entries)) if entries[0].term.lang == "en" else None
            memo = described[id(entries)] = (entries, tail)
        tails.append(memo[1])
    typecode = matches.starts.typecode
    kept = None  # the numbers of the matches that are spans, once one is not (arrays: a list of
    rows = array("B")  # millions of ints is 36 bytes each); rows widened as the table grows
    table: list[tuple] = []
    row_of: dict[tuple, int] = {}  # (found text, match row) -> row
    article_start = _ARTICLE_START.match
    for k, start, end, match_row in zip(range(len(match_rows)), matches.starts, matches.ends, match_rows):
        tail = tails[match_row]
        found = text[start:end] if tail is not None else ""
        if not found or not (found[0].isupper() or article_start(found)):  # is_name_like, inline (a call a match)
            if kept is None:
                kept = array("q", range(k))  # every match before this one is a span
            continue
        row = row_of.get((found, match_row))
        if row is None:
            row = row_of[found, match_row] = len(table)
            table.append((found, translit_key(found)) + tail)
            if len(table) in (257, 65537):
                rows = array("H" if len(table) == 257 else "i", rows)
        if kept is not None:
            kept.append(k)
        rows.append(row)
    if kept is None:  # every match is a span (a dense text of names): its columns are shared
        starts, ends = matches.starts, matches.ends
    else:
        starts, ends = array(typecode, map(matches.starts.__getitem__, kept)), array(typecode, map(matches.ends.__getitem__, kept))
    return _ExactSpans(starts, ends, rows, table)


def _exact_span_list(matches: list[Match], text: str, described: dict) -> list[NameSpan]:
    """_exact_spans of a few matches, as a list of NameSpans (`described`: the index's entries memo)."""
    new = tuple.__new__
    article_start = _ARTICLE_START.match
    spans = []
    add = spans.append
    for match in matches:
        entries = match.entries
        memo = described.get(id(entries))
        if memo is None or memo[0] is not entries:  # the memo holds the tuple: its id is not reused
            tail = ("exact", *_described(entries)) if entries[0].term.lang == "en" else None
            memo = described[id(entries)] = (entries, tail)
        tail = memo[1]
        if tail is None:
            continue
        start, end = match.start, match.end
        found = text[start:end]
        if not (found[0].isupper() or article_start(found)):  # is_name_like, inline (a call a match)
            continue
        add(new(NameSpan, (start, end, found, translit_key(found)) + tail))
    return spans


def _described(entries: tuple[Entry, ...]) -> tuple[Concept | None, str | None, bool]:
    """(concept, house form, forbidden only) of the name span of an exact match of `entries`."""
    concepts = {id(e.concept): e.concept for e in entries}
    concept = next(iter(concepts.values())) if len(concepts) == 1 else None
    accepted = [e.term for e in entries if e.term.status is not Status.FORBIDDEN]
    house = None
    if accepted:
        house = next((t for t in accepted if t.status is Status.PREFERRED), accepted[0]).text
    elif concept is not None and concept.preferred("en") is not None:
        house = concept.preferred("en").text
    return concept, house, not accepted


def _token_locks(tokens: list[tuple[int, int]], locks: tuple) -> list[tuple[int, int, bool] | None]:
    """For each token, (first token, last token, forbidden only) of the exact match over it, or None."""
    lock: list[tuple[int, int, bool] | None] = [None] * len(tokens)
    ends = [e for _, e in tokens]  # tokens come from finditer: in order, disjoint
    for lo, hi, forbidden in locks:
        # the covered tokens are one run: from the first that ends after lo, while they start before hi
        # (a scan of every token per match was quadratic: 20,000 names on one line took 97 s)
        first = last = bisect.bisect_right(ends, lo)
        while last < len(tokens) and tokens[last][0] < hi:
            last += 1
        for i in range(first, last):
            lock[i] = (first, last - 1, forbidden)
    return lock


def _unlocked_pieces(tokens: list[tuple[int, int]], lock: list) -> Iterator[tuple[int, int]]:
    """Maximal runs of tokens outside exact matches, as (start, end) offsets."""
    piece_start = -1
    for (s, e), locked in zip(tokens, lock):
        if locked is not None:
            if piece_start >= 0:
                yield piece_start, piece_end
            piece_start = -1
        else:
            piece_start = s if piece_start < 0 else piece_start
            piece_end = e
    if piece_start >= 0:
        yield piece_start, piece_end


def _windows(words: list[str], keys: list[str], lock: list, max_words: int) -> Iterator[tuple[int, int, str, bool]]:
    """(i, j, key, takes in a match) for every window of tokens i..j that may be a variant.

    A window has a word of its own (not all inside exact matches), holds exact matches whole,
    never a forbidden one, and does not start or end on a particle.
    """
    for i in range(len(words)):
        if words[i] in PARTICLES or not keys[i] or (lock[i] is not None and lock[i][0] != i):
            continue
        key = ""
        own_words = takes_in = False
        for j in range(i, min(len(words), i + max_words)):
            key = keys[j] if j == i else f"{key} {keys[j]}"
            if lock[j] is not None:
                if lock[j][2] or lock[j][1] >= i + max_words:
                    break  # a forbidden form, or an exact match the window cannot hold whole
                takes_in = True
            else:
                own_words = True
            if words[j] in PARTICLES or not own_words or (lock[j] is not None and lock[j][1] != j):
                continue
            yield i, j, key, takes_in


def _takes_in_a_match(piece: str, tokens: list[tuple[int, int]], lock: list, index: VariantIndex) -> bool:
    """Is a variant of the run one that takes in an exact match (Mohammed [Raad])? Asked only when
    one of the run's exact matches is part of a longer form (VariantIndex.inner_keys)."""
    words = [piece[s:e] for s, e in tokens]
    # "President [Raad]": a title or sentence opener beside a match is no drift of a name
    edge = [lock[i] is None and words[i].lower() in EDGE_WORDS for i in range(len(words))]
    if all(edge[i] for i in range(len(words)) if lock[i] is None):
        return False
    keys = [translit_key(w) for w in words]
    for i, j, key, takes_in in _windows(words, keys, lock, index.max_words):
        if not takes_in or all(edge[k] for k in range(i, j + 1) if lock[k] is None):
            continue
        if index.lookup(key) is not None and not all(index.is_ordinary(w) for w in words[i:j + 1]):
            return True
    return False


def _piece_spans(piece: str, index: VariantIndex, locks: tuple = ()) -> list[NameSpan]:
    """Variants (exact-key hits first, then longest, then leftmost) and the plain names between them.

    Tokens inside an exact glossary match (`locks`) are never plain names. A variant may take in
    whole exact matches when it also has words of its own: with `Raad` allowed for "Mohammad Raad",
    "Mohammed Raad" is a variant of the full name, not "Mohammed" beside an allowed surname. It
    never takes in a form the glossary only forbids (TC101 fixes that one), and never consists of
    ordinary English words alone (`is_ordinary`).
    """
    tokens = [t.span() for t in _TOKEN.finditer(piece)]
    words = [piece[s:e] for s, e in tokens]
    keys = [translit_key(w) for w in words]
    lock = _token_locks(tokens, locks)
    hits = []
    for i, j, key, _ in _windows(words, keys, lock, index.max_words):
        hit = index.lookup(key)
        if hit is not None and not all(index.is_ordinary(w) for w in words[i:j + 1]):
            hits.append((not hit.exact_key, i - j, i, j, hit, key))
    taken = [False] * len(tokens)
    spans = []
    for _, _, i, j, hit, key in sorted(hits, key=lambda h: h[:3]):
        if any(taken[i:j + 1]):
            continue
        found = piece[tokens[i][0]:tokens[j][1]]
        if normalize_form(found) == normalize_form(hit.form):
            continue  # the listed form itself (the matcher's boundaries differed): not a variant
        taken[i:j + 1] = [True] * (j - i + 1)
        spans.append(NameSpan(tokens[i][0], tokens[j][1], found, key, "variant", hit.concept, hit.form))
    i = 0
    while i < len(tokens):
        if taken[i] or lock[i] is not None:
            i += 1
            continue
        j = i
        while j < len(tokens) and not taken[j] and lock[j] is None:
            j += 1
        name = _plain_name(piece, tokens[i:j], words[i:j], keys[i:j])
        if name is not None:
            spans.append(name)
        i = j
    spans.sort(key=lambda s: s.start)
    return spans


def _plain_name(piece: str, tokens, words: list[str], keys: list[str]) -> NameSpan | None:
    lo, hi = 0, len(words)
    while lo < hi and (words[lo].lower() in EDGE_WORDS or words[lo] in PARTICLES):
        lo += 1
    while hi > lo and (words[hi - 1].lower() in EDGE_WORDS or words[hi - 1] in PARTICLES):
        hi -= 1
    if lo == hi:
        return None
    key = " ".join(k for k in keys[lo:hi] if k)
    return NameSpan(tokens[lo][0], tokens[hi - 1][1], piece[tokens[lo][0]:tokens[hi - 1][1]], key, "name")


def at_sentence_start(ctx: DocumentContext, offset: int, form: str) -> str:
    """The form as written at `offset`: a form that starts lower case (al-) is capitalized at the
    start of a sentence (TC103's rule; TC102 and TC104 suggest it so)."""
    from termcheck.rules.article import START, sentence_position  # article imports this module

    if not form[:1].islower():
        return form
    doc = ctx.doc
    line_start = doc.index.line_start(doc.index.line_col(offset)[0])
    if sentence_position(doc.text, offset, soft_wraps=is_hard_wrapped(ctx), line_start=line_start) == START:
        return form[0].upper() + form[1:]
    return form


def unlisted_variants(ctx: DocumentContext) -> Iterator[Finding]:
    doc = ctx.doc
    for span in name_spans(ctx).variants():
        expected = at_sentence_start(ctx, span.start, span.house)
        yield Finding(
            rule=TC102.code,
            severity=TC102.severity,
            location=doc.location(span.start, span.end),
            found=span.text,
            message=f"'{span.text}' looks like an unlisted spelling of '{expected}'; the house form is '{expected}'",
            expected=expected,
            concept=span.concept.key,
            fix=Fix(span.start, span.end, expected, Applicability.UNSAFE),
        )

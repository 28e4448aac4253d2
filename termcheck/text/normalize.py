"""Normalization for matching, with a map back to the original text.

The normalized text is only ever used to *find* things; every span reported to a user is mapped
back to the original characters with `Normalized.span`. Most characters map one to one
(`str.translate` + `str.lower`, both length-preserving once U+0130 is handled), so the map only
stores anchors where the alignment shifts: deleted marks, collapsed white space and expanded
presentation forms. That keeps normalization of a 10 MB text to a few C-speed passes.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

# Apostrophe family: ' ’ ‘ ʼ ʿ ʾ ` ′ ʹ ´ all count as one (Kata'ib = Kata’ib = Kataʾib).
_APOSTROPHES = "\u2019\u2018\u02bc\u02bf\u02be`\u2032\u02b9\u00b4\u02bb"
# Hyphen variants inside names: al‑Muhandis (non-breaking hyphen) = al-Muhandis.
_HYPHENS = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe63\uff0d"
# Every kind of white space becomes a plain space; runs are collapsed below.
_SPACES = "\t\n\r\x0b\x0c\x85\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
_ALEFS = "\u0623\u0625\u0622\u0671"  # أ إ آ ٱ -> ا
_ARABIC_INDIC = "٠١٢٣٤٥٦٧٨٩"
_PERSIAN = "۰۱۲۳۴۵۶۷۸۹"

# Removed entirely: Arabic harakat, shadda, sukun, superscript alef, Quranic marks, tatweel,
# invisible direction and joining marks, BOM, soft hyphen, Latin combining diacritics.
_DELETE = (
    "\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e8\u06ea-\u06ed\u0640"
    "\u200b-\u200f\u202a-\u202e\u2066-\u2069\u061c\ufeff\u00ad\u0300-\u036f"
)
_PRESENTATION = "\ufb50-\ufdff\ufe70-\ufefe"


def _latin_base_letters() -> dict[int, str]:
    """ā ī ū ḥ ṣ é ... -> their ASCII base letter (one to one)."""
    table = {}
    for block in ((0x00C0, 0x0250), (0x1E00, 0x1F00)):
        for code in range(*block):
            decomposed = unicodedata.normalize("NFD", chr(code))
            base = decomposed[0]
            if len(decomposed) > 1 and base.isascii() and base.isalpha():
                table[code] = base
    return table


def _build_table(fold_alef_maqsura: bool, fold_ta_marbuta: bool) -> dict[int, str]:
    table: dict[int, str] = _latin_base_letters()
    table.update({ord(c): "'" for c in _APOSTROPHES})
    table.update({ord(c): "-" for c in _HYPHENS})
    table.update({ord(c): " " for c in _SPACES})
    table.update({ord(c): "\u0627" for c in _ALEFS})
    table.update({ord(c): str(i) for i, c in enumerate(_ARABIC_INDIC)})
    table.update({ord(c): str(i) for i, c in enumerate(_PERSIAN)})
    table[0x0130] = "i"  # İ lowers to two characters; fold it first so lower() keeps length
    table[0x06CC] = "\u064a"  # Persian yeh ی -> ي
    table[0x06A9] = "\u0643"  # Persian kaf ک -> ك
    if fold_alef_maqsura:
        table[0x0649] = "\u064a"  # ى -> ي
    if fold_ta_marbuta:
        table[0x0629] = "\u0647"  # ة -> ه
    return table


_SPECIAL = re.compile(f"[ {_DELETE}]{{2,}}|[{_DELETE}]|[{_PRESENTATION}]")
_DELETE_RE = re.compile(f"[{_DELETE}]")


def without_marks(text: str) -> str:
    """`text` with what normalization removes entirely taken out (harakat, tatweel, invisible
    marks), its letters as written: أ stays أ, as it would not in normalize_form."""
    return _DELETE_RE.sub("", text)


_SPACE_RUN = re.compile("  +")  # _SPECIAL on an ASCII text


@lru_cache(maxsize=None)
def _presentation_form(char: str, table_key: tuple[bool, bool]) -> str:
    """NFKC for one Arabic presentation form (ﻻ -> لا), then the usual folds."""
    folded = unicodedata.normalize("NFKC", char).translate(_tables(*table_key)).lower()
    return _DELETE_RE.sub("", folded).strip()


@lru_cache(maxsize=None)
def _tables(fold_alef_maqsura: bool, fold_ta_marbuta: bool) -> dict[int, str]:
    return _build_table(fold_alef_maqsura, fold_ta_marbuta)


# Characters str.translate finds in the folding table as themselves: for a character a table lacks
# (most letters of any text) translate raises and clears a LookupError inside, which cost more than
# the lookup itself (Arabic unit texts folded 40 % faster, English ones twice as fast). ASCII and
# Latin, Arabic, its supplement, general punctuation and the Arabic presentation forms.
_READ_AS_THEMSELVES = ((0x0000, 0x0250), (0x0600, 0x0700), (0x0750, 0x0780), (0x2000, 0x2070), (0xFB50, 0xFF00))


@lru_cache(maxsize=None)
def _folding_table(fold_alef_maqsura: bool, fold_ta_marbuta: bool) -> dict[int, str]:
    """_tables, with the characters it leaves alone mapped to themselves (same result, no misses)."""
    table = dict(_tables(fold_alef_maqsura, fold_ta_marbuta))
    for start, end in _READ_AS_THEMSELVES:
        for code in range(start, end):
            table.setdefault(code, chr(code))
    return table


@lru_cache(maxsize=None)
def _folded_characters(fold_alef_maqsura: bool, fold_ta_marbuta: bool) -> re.Pattern:
    """The characters the folding table changes, as one class: a form with none of them (most short
    texts: no hamza seat, marks or odd space) is only lowered, one regex search instead of a
    translate that looks every character up."""
    table = _tables(fold_alef_maqsura, fold_ta_marbuta)
    return re.compile("[" + "".join(re.escape(chr(code)) for code in sorted(table) if table[code] != chr(code)) + "]")


# A text this long is folded and lowered by one translate() (_lowering_tables): str.lower() after
# the fold cost one more copy of it (50 MB more for a 50 MB file). A shorter one keeps the two
# steps, so that start-up does not pay the 14 ms that building that table takes.
_ONE_PASS_AT = 1 << 20  # characters


@lru_cache(maxsize=None)
def _lowering_tables(fold_alef_maqsura: bool, fold_ta_marbuta: bool) -> dict[int, str]:
    """The folds with lower case built in. Only characters that lower to one character are in the
    table; the one context rule of lower() (Greek final sigma) is left to lower() itself
    (`_NEEDS_LOWER`)."""
    table = _tables(fold_alef_maqsura, fold_ta_marbuta)
    table = {code: value.lower() if len(value.lower()) == len(value) else value for code, value in table.items()}
    for code in range(0x20000):  # no character past plane 1 has a lower case
        char = chr(code)
        if code not in table and char not in _NEEDS_LOWER and len(lower := char.lower()) == 1 and lower != char:
            table[code] = lower
    return table


_NEEDS_LOWER = "\u03a3"  # Σ lowers to σ or ς by its context


@dataclass(frozen=True)
class Normalized:
    """Normalized text plus the anchors that map its offsets back to the original."""

    text: str
    original_length: int
    _norm_anchors: tuple[int, ...]
    _orig_anchors: tuple[int, ...]

    def to_original(self, index: int) -> int:
        """Original offset of normalized character `index` (len(text) maps to the end)."""
        k = bisect.bisect_right(self._norm_anchors, index) - 1
        if k < 0:
            return index
        return self._orig_anchors[k] + (index - self._norm_anchors[k])

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original [start, end) of the normalized span [start, end).

        The end reaches up to the next kept character, so marks written on the last letter
        (a final damma, a tatweel) stay inside the span; it never stops inside an expanded
        presentation form.
        """
        if not self._norm_anchors:  # nothing was folded away: offsets are the original's
            return (start, min(max(start, end), self.original_length))
        orig_start = self.to_original(start)
        if end <= start:
            return orig_start, orig_start
        orig_end = max(self.to_original(end), self.to_original(end - 1) + 1)
        return orig_start, min(orig_end, self.original_length)

    def spans(self, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """`span` of each of `spans`, which are in text order and do not overlap (a matcher's
        matches): one walk along the anchors instead of three binary searches a span."""
        norm_anchors, orig_anchors, limit = self._norm_anchors, self._orig_anchors, self.original_length
        if not norm_anchors:
            return [(start, min(max(start, end), limit)) for start, end in spans]
        last = len(norm_anchors) - 1
        k = -1  # the last anchor at or before the position at hand
        result = []
        for start, end in spans:
            while k < last and norm_anchors[k + 1] <= start:
                k += 1
            orig_start = start if k < 0 else orig_anchors[k] + (start - norm_anchors[k])
            if end <= start:
                result.append((orig_start, orig_start))
                continue
            while k < last and norm_anchors[k + 1] <= end - 1:
                k += 1
            before_end = (end - 1 if k < 0 else orig_anchors[k] + (end - 1 - norm_anchors[k])) + 1
            while k < last and norm_anchors[k + 1] <= end:
                k += 1
            at_end = end if k < 0 else orig_anchors[k] + (end - norm_anchors[k])
            result.append((orig_start, min(max(at_end, before_end), limit)))
        return result


def normalize(text: str, *, fold_alef_maqsura: bool = False, fold_ta_marbuta: bool = False) -> Normalized:
    """Fold `text` for matching (both scripts at once: the folds never interact)."""
    key = (fold_alef_maqsura, fold_ta_marbuta)
    if len(text) < _ONE_PASS_AT:
        folded = text.translate(_folding_table(*key)).lower()
    else:
        folded = text.translate(_lowering_tables(*key))
        if _NEEDS_LOWER in folded:
            folded = folded.lower()
    pieces: list[str] = []
    norm_anchors: list[int] = []
    orig_anchors: list[int] = []
    norm_pos = 0
    last = 0
    # Every character _SPECIAL finds but a space is outside ASCII: an ASCII text (the common
    # case) is searched for runs of spaces alone, by a literal search (a tenth of the time).
    for match in (_SPACE_RUN if folded.isascii() else _SPECIAL).finditer(folded):
        start, end = match.span()
        if start > last:
            pieces.append(folded[last:start])
            norm_pos += start - last
        run = match.group()
        replacement = _replacement(run, key)
        # A collapsed run maps to its first real space, so marks before it stay with the word.
        first = run.index(" ") if replacement == " " else 0
        for j in range(len(replacement)):
            norm_anchors.append(norm_pos + j)
            orig_anchors.append(start + min(first + j, end - start - 1))
        pieces.append(replacement)
        norm_pos += len(replacement)
        norm_anchors.append(norm_pos)
        orig_anchors.append(end)
        last = end
    if not norm_anchors:
        return Normalized(folded, len(text), (), ())
    pieces.append(folded[last:])
    del folded, match  # the pieces are its copies (a match holds it too): the join would be a third
    return Normalized("".join(pieces), len(text), tuple(norm_anchors), tuple(orig_anchors))


_PRESENTATION_SET = frozenset(chr(c) for c in list(range(0xFB50, 0xFE00)) + list(range(0xFE70, 0xFEFF)))


def normalize_form(form: str, *, fold_alef_maqsura: bool = False, fold_ta_marbuta: bool = False) -> str:
    """Normalized key of a glossary form (trimmed; inner white space collapsed).

    normalize()'s text without its offset map: the same folds and the same replacements, by one
    re.sub (number words look up every word of a unit this way)."""
    if len(form) >= _ONE_PASS_AT:
        return normalize(form, fold_alef_maqsura=fold_alef_maqsura, fold_ta_marbuta=fold_ta_marbuta).text.strip()
    key = (fold_alef_maqsura, fold_ta_marbuta)
    folded = (form.translate(_folding_table(*key)) if _folded_characters(*key).search(form) else form).lower()
    if folded.isascii():
        return _SPACE_RUN.sub(" ", folded).strip()
    return _SPECIAL.sub(lambda match: _replacement(match.group(), key), folded).strip()


def _replacement(run: str, key: tuple[bool, bool]) -> str:
    """What normalize() writes for a run _SPECIAL found."""
    if run[0] in _PRESENTATION_SET:
        return _presentation_form(run, key)
    return " " if " " in run else ""


_ARABIC_LETTER = re.compile("[\u0621-\u064a\u0671-\u06d3\u06fa-\u06ff]")
_LATIN_LETTER = re.compile("[A-Za-z\u00c0-\u024f\u1e00-\u1eff]")


def detect_language(text: str) -> str:
    """'ar' or 'en' by which script has more letters (Latin wins an empty tie)."""
    sample = text[:200_000]
    if sample.isascii():
        return "en"  # no Arabic letter: the common case, decided at C speed
    arabic = len(_ARABIC_LETTER.findall(sample))
    latin = len(_LATIN_LETTER.findall(sample))
    return "ar" if arabic > latin else "en"

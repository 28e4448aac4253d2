"""TC104 on Arabic text: a foreign name written with two letterings in one document.

Arabic renders sounds it lacks with competing letters: /g/ as غ, ج or ك (البنتاغون, البنتاجون),
/v/ as ف or ڤ, /p/ as ب or پ. Two stems of one document that differ only by such letters are one
name written two ways. Native words are kept apart by design: only these letter classes are
folded, both stems must be at least six letters long after the article and proclitics are
taken off (`termcheck.text.arabic.strip_proclitics`), and both spellings must occur in the same document (غرب and جرب never meet).
A group whose other spellings are all forbidden forms is TC101's (رودريجو beside the house رودريغو):
the translator is told once.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from termcheck.contexts import DocumentContext
from termcheck.model import Finding
from termcheck.rules.consistency import spelling_group_finding
from termcheck.text.arabic import strip_proclitics
from termcheck.text.normalize import normalize_form

_WORD = re.compile("[\u0621-\u064a\u0640\u064b-\u065f\u0670\u067e\u06a4\u06a9\u06af\u06cc]+")
_FOREIGN_SOUNDS = str.maketrans({"غ": "ج", "گ": "ج", "ڤ": "ف", "پ": "ب"})
MIN_STEM = 6  # five-letter native pairs collide (إفراغ / إفراج); loanword names are longer


@dataclass(frozen=True)
class _Word:
    start: int
    end: int
    text: str  # the original word, marks included


@lru_cache(maxsize=1 << 16)  # a text repeats its words, and the finding asks again
def _stem(word: str) -> str:
    """The word without its proclitics and article (termcheck.text.arabic, the one clitic table)."""
    return strip_proclitics(normalize_form(word))


def inconsistent_arabic_spellings(ctx: DocumentContext) -> Iterator[Finding]:
    if ctx.doc.lang != "ar":
        return
    groups: dict[str, dict[str, list[_Word]]] = {}
    for match in _WORD.finditer(ctx.text):
        stem = _stem(match.group())
        if len(stem) < MIN_STEM:
            continue
        key = stem.translate(_FOREIGN_SOUNDS)
        groups.setdefault(key, {}).setdefault(stem, []).append(_Word(match.start(), match.end(), match.group()))
    forbidden: list[tuple[int, int]] | None = None
    for spellings in groups.values():
        if len(spellings) < 2:
            continue
        occurrences = sorted((w for ws in spellings.values() for w in ws), key=lambda w: w.start)
        majority = max(spellings, key=lambda k: (len(spellings[k]), -spellings[k][0].start))
        others = [w for w in occurrences if _stem(w.text) != majority]
        if forbidden is None:
            forbidden = [(m.start, m.end) for m in ctx.forbidden_matches]
        if all(_inside(w, forbidden) for w in others):
            continue  # every other spelling is a forbidden form: TC101 reports each, with the house form
        yield spelling_group_finding(ctx.doc, spellings, others[0], spellings[majority][0].text, None)


def _inside(word: _Word, spans: list[tuple[int, int]]) -> bool:
    at = bisect.bisect_right(spans, (word.start, float("inf"))) - 1
    return at >= 0 and spans[at][0] <= word.start and word.end <= spans[at][1]

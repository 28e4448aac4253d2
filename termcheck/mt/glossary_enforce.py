"""Make a machine translation glossary-true: every source term rendered in its house form.

Approach: post-editing, not constrained decoding. For each glossary term in the source we
find the model's rendering of it in the output and replace that span with the preferred form:
  1. termcheck's own matcher run on the output finds renderings the glossary lists (preferred,
     allowed or forbidden forms of the same concept); non-preferred ones are replaced;
  2. a transliteration skeleton (article, vowels, doubled letters and q/k, ou/u-style variation
     folded away) finds unlisted spellings such as 'al-Mohandiss'; the closest word window
     whose skeleton is similar enough (difflib ratio >= 0.75) is replaced;
  3. a term the model dropped altogether is inserted at the word boundary nearest its relative
     position in the source, so that the suggestion still names it.
This works identically for both backends (CTranslate2 has no force_words_ids), keeps the
model's own sentence around the term, and reuses the matcher that the checks use, so a
suggestion never trips the TC1xx/TC2xx rules it is meant to fix.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from dataclasses import dataclass

from termcheck.match import Match, Matcher
from termcheck.text.arabic import ARTICLE, LAM_ARTICLE, PROCLITICS
from termcheck.model import Concept, Status

SIMILARITY = 0.75
_WORD = re.compile(r"\w+(?:['\u2019\-]\w+)*")
_LATIN_ARTICLE = re.compile(r"^(?:the\s+|(?:al|el|ul)[-\s'\u2019]+)")
_LATIN_FOLDS = (("ou", "u"), ("oo", "u"), ("ee", "i"), ("ei", "i"), ("ay", "ai"), ("dh", "z"), ("q", "k"),
                ("e", "i"), ("o", "u"), ("y", "i"), ("w", "u"))
_ARABIC_WEAK = str.maketrans("", "", "\u0627\u0648\u064a\u0649\u0621\u0624\u0626")  # ا و ي ى ء ؤ ئ
_LAM_ARTICLES = sorted(LAM_ARTICLE, key=len, reverse=True)  # ولل فلل before لل
_DOUBLED = re.compile(r"(.)\1+")


@dataclass(frozen=True)
class Wanted:
    """A source term whose preferred target form the suggestion must contain."""

    concept: Concept
    preferred: str
    position: float  # relative position of the term in the source, 0..1


def enforce_glossary(
    source_text: str,
    suggestion: str,
    source_matches: Sequence[Match],
    matcher: Matcher,
    target_lang: str,
) -> str:
    """`suggestion` with each source term's rendering replaced by the house's preferred form."""
    wanted = wanted_terms(source_text, source_matches, target_lang)
    if not wanted or not suggestion.strip():
        return suggestion
    edits: list[tuple[int, int, str]] = []  # (start, end, replacement) over `suggestion`
    protected: list[tuple[int, int]] = []
    missing: list[Wanted] = []
    found = _listed_renderings(suggestion, matcher, target_lang)
    for want in wanted:
        spans = found.get(id(want.concept))
        if spans:
            start, end, replacement = spans.pop(0)
            protected.append((start, end))
            if replacement is not None:
                edits.append((start, end, replacement))
        else:
            missing.append(want)
    # Every other glossary term in the output keeps its place: no fuzzy hit may overlap it.
    protected.extend((s, e) for spans in found.values() for s, e, _ in spans)
    dropped = []
    for want in missing:
        hit = closest_rendering(suggestion, want.preferred, target_lang, protected)
        if hit is None:
            dropped.append(want)
            continue
        start, end, replacement = hit
        protected.append((start, end))
        edits.append((start, end, replacement))
    for want in dropped:
        at = _insertion_point(suggestion, want.position, protected)
        edits.append((at, at, want.preferred))
    return _apply(suggestion, edits)


def wanted_terms(source_text: str, source_matches: Sequence[Match], target_lang: str) -> list[Wanted]:
    """Source-language terms with a preferred target form, in source order."""
    wanted = []
    length = max(len(source_text), 1)
    for match in source_matches:
        if match.lang == target_lang:
            continue  # an English name quoted in Arabic copy is not a term to translate
        for concept in match.concepts:
            preferred = concept.preferred(target_lang)
            if preferred is not None:
                wanted.append(Wanted(concept, preferred.text, (match.start + match.end) / 2 / length))
                break
    return wanted


def _listed_renderings(suggestion: str, matcher: Matcher, target_lang: str) -> dict[int, list]:
    """concept id -> [(start, end, replacement or None when already preferred)] in text order."""
    found: dict[int, list] = {}
    for match in matcher.find(suggestion):
        for entry in match.entries:
            if entry.term.lang != target_lang:
                continue
            preferred = entry.concept.preferred(target_lang)
            if preferred is None:
                continue
            replacement = None
            if entry.term.status is not Status.PREFERRED:
                replacement = preferred.text
                if entry.elided_article and replacement.startswith(ARTICLE):
                    replacement = replacement[1:]  # للفصائل: no alef after the lam
            found.setdefault(id(entry.concept), []).append((match.start, match.end, replacement))
    return found


def closest_rendering(text: str, preferred: str, lang: str, protected: list[tuple[int, int]]):
    """(start, end, replacement) of the word window most like `preferred`, or None."""
    target_key = skeleton(preferred, lang)
    if len(target_key) < 3:
        return None
    words = [(m.start(), m.end()) for m in _WORD.finditer(text)]
    size = max(len(preferred.split()), 1)
    best = None
    for n in sorted({size, size - 1, size + 1} - {0}):
        for i in range(len(words) - n + 1):
            start, end = words[i][0], words[i + n - 1][1]
            if any(s < end and start < e for s, e in protected):
                continue
            ratio = difflib.SequenceMatcher(None, skeleton(text[start:end], lang), target_key).ratio()
            if ratio >= SIMILARITY and (best is None or ratio > best[0]):
                best = (ratio, start, end)
    if best is None:
        return None
    _, start, end = best
    if lang == "ar":
        clitic = _arabic_clitic(text[start:end], preferred)
        if clitic.endswith("\u0644\u0644"):
            # ل + ال is written لل: keep the preposition's lam, drop the article's alef.
            return start + len(clitic) - 1, end, preferred[1:]
        return start + len(clitic), end, preferred
    return start, end, preferred


def _arabic_clitic(word: str, preferred: str) -> str:
    """The proclitic(s) before an Arabic rendering that must stay (وال..., بال..., لل...)."""
    if not preferred.startswith(ARTICLE):
        return ""
    for size in (3, 2, 1):
        head = word[:size]
        if word[size:].startswith(ARTICLE) and head in PROCLITICS:
            return head
    for lam_article in _LAM_ARTICLES:
        if word.startswith(lam_article):
            return lam_article
    return ""


def skeleton(text: str, lang: str) -> str:
    """A spelling-variation-insensitive key: 'al-Mohandiss' and 'al-Muhandis' share 'mhndis'-like keys."""
    from termcheck.text.normalize import normalize_form

    key = normalize_form(text)
    if lang == "ar":
        words = []
        for word in key.split():
            for size in (3, 2, 1, 0):
                if size <= len(word) - 3 and word[:size] in PROCLITICS and word[size:].startswith(ARTICLE):
                    word = word[size + len(ARTICLE):]
                    break
            else:
                for lam_article in _LAM_ARTICLES:
                    if word.startswith(lam_article) and len(word) > len(lam_article) + 1:
                        word = word[len(lam_article):]  # للمهندس: ل + ال
                        break
            words.append(word.replace("\u0629", "\u0647").translate(_ARABIC_WEAK))
        return _DOUBLED.sub(r"\1", "".join(words))
    key = _LATIN_ARTICLE.sub("", key)
    key = re.sub(r"\b(?:al|el|ul)-", "", key)
    key = re.sub(r"[^a-z0-9]", "", key)
    for old, new in _LATIN_FOLDS:
        key = key.replace(old, new)
    return _DOUBLED.sub(r"\1", key)


def _insertion_point(text: str, position: float, protected: list[tuple[int, int]]) -> int:
    """The word boundary nearest `position` (0..1 of the text) outside every protected span."""
    bounds = {0, len(text)} | {m.start() for m in _WORD.finditer(text)} | {m.end() for m in _WORD.finditer(text)}
    bounds = [b for b in bounds if not any(s < b < e for s, e in protected)]
    goal = position * len(text)
    return min(bounds, key=lambda b: (abs(b - goal), b))


def _apply(text: str, edits: list[tuple[int, int, str]]) -> str:
    """Apply non-overlapping edits right to left; insertions get a space on each side."""
    out = text
    for start, end, replacement in sorted(edits, key=lambda e: (e[0], e[1]), reverse=True):
        if start == end:
            before = out[:start].rstrip()
            after = out[start:].lstrip()
            out = " ".join(p for p in (before, replacement, after) if p)
        else:
            out = out[:start] + replacement + out[end:]
    return out

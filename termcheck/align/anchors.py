"""Anchors: things that must appear on both sides of a correct bead.

Each segment gets `required` keys (weight: how much a missing partner hurts, how much a found
one helps) and `optional` keys (they can satisfy the other side's required keys but cost nothing
when unmatched). Keys, strongest first:
- ("c", concept key): a glossary term of that concept (via the Matcher), either language. 3.0.
- ("n", value): a number (termcheck.text.numbers), compared by value after digit normalization.
  A short number says little (a 1-digit count 0.25, 2 digits 0.5); years, decimals, percents
  and longer numbers 1.5. Number words (three, ثلاثة) are optional keys.
- ("w", token): a Latin-script token inside Arabic text (an acronym, a brand, a URL piece),
  required there, 1.5; every English token is an optional key on the English side.
- ("s", skeleton): a capitalized English word's consonant skeleton (termcheck.align.skeleton),
  required on the English side (1.0; only three classes or more); every Arabic word and every pair of
  adjacent Arabic words gives an optional skeleton key (Hezbollah = حزب الله), and a word behind a
  proclitic gives its bare skeleton too (بطهران = Tehran), and a word in ات its skeleton with the
  English plural's S (الإمارات = Emirates: a blind pair left "Its ambitions go beyond the
  Emirates." unpaired beside the Arabic sentence that joins it; TICO-19 and the other blind pairs
  within 0.0005 of their strict F1, the omission bench unchanged). A capitalized word
  that starts a sentence ('Analyst', 'Every') is no evidence of a name, unless it carries al-.
  In a title-case segment (at least TITLE_CASE_SHARE of its TITLE_CASE_WORDS+ longer words
  capitalized: "Protocol for Extending Surveillance Used by the Royal College") capitals are style:
  those keys weigh TITLE_CASE_NAME_WEIGHT, too little to pin the band or to cost much when the
  other side has no such name (a title's 1-1 sentence bead was left as 1-0 + 0-1 for them).
- ("e", rank): an enumerating adverb (First, / Secondly, / Finally, and أولًا ثانيًا ... أخيرًا)
  or a list letter ((a) (b), أ- ب- ج- in abjad order, ت ث of the alphabetical one) that opens a
  segment, required there, 1.0; one that opens a clause inside a segment (after ؛ ; ، , :) is an
  optional key, so an inline أولاً، ... ثانياً، ... meets itemized (a) (b). Argued and legal text
  counts its points this way on both sides, and the points are otherwise alike in length and
  vocabulary: a dropped point shifted every later one at confidence 0.96, a dropped list item was
  merged with the next (tests/test_align.py).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from termcheck.align.skeleton import arabic_skeleton, latin_skeleton
from termcheck.model import Document, Segment
from termcheck.text.arabic import strip_proclitics
from termcheck.text.normalize import normalize
from termcheck.text.number_words import AR_ORDINAL_STEMS, EN_ORDINALS
from termcheck.text.numbers import extract_numbers

CONCEPT_WEIGHT = 3.0
LATIN_IN_ARABIC_WEIGHT = 1.5
NAME_WEIGHT = 1.0
ENUMERATOR_WEIGHT = 1.0
TITLE_CASE_NAME_WEIGHT = 0.3
TITLE_CASE_WORDS = 4  # words of more than three letters
TITLE_CASE_SHARE = 0.7

_LATIN_TOKEN = re.compile(r"[A-Za-z][A-Za-z0-9]*(?:[-'’][A-Za-z0-9]+)*")
_ARABIC_WORD = re.compile("[\u0621-\u064a]+")
# ordinals as enumerating adverbs: First, / Secondly, and أولاً / ثانياً (the stem with tanween's alif)
_EN_ENUMERATORS = {word: str(rank) for word, rank in EN_ORDINALS.items()} | {"finally": "last", "lastly": "last"}
_EN_ENUMERATORS.update({letter: str(rank) for rank, letter in enumerate("abcdefghij", 1)})  # (a) (b) (c)
_AR_ENUMERATORS = {stem.replace("أ", "ا") + "ا": str(rank) for stem, rank in AR_ORDINAL_STEMS} | {"اخيرا": "last"}
# list letters in abjad order (أ ب ج د), and ت ث of the alphabetical order (أ ب ت ث)
_AR_ENUMERATORS.update({letter: str(rank) for rank, letter in enumerate("ابجدهوزحطي", 1)})
_AR_ENUMERATORS.update({"ت": "3", "ث": "4"})
# an enumerator opens the segment or a clause: a word (English ones followed by a comma) or a
# list letter with its bracket or dash ((a), أ-, (ب))
_EN_ENUMERATOR = re.compile(r"(?:^|(?<=[;:,]\s))(?:(" + "|".join(w for w in _EN_ENUMERATORS if len(w) > 1)
                            + r")(?:ly)?,|\(?([a-j])\)\s)", re.IGNORECASE)
_AR_ENUMERATOR = re.compile("(?:^|(?<=[؛;:،,]\\s))(?:و?([\u0621-\u064a]{4,6})(?![\u0621-\u064a])|\\(?([\u0621-\u064a])\\s?[-.)\u2013])")
_SENTENCE_START = re.compile(r"[.?!…][\"'”’)\]]*\s*[“\"'(\[]*\s*$")
# Capitalized words that are not names (sentence starts, titles of the week and months are fine).
_NOT_NAMES = frozenset(
    """a an the this that these those there their they them it its he she his her we our you your
    i in on at of for from by with without to into over under after before during between about
    and or but if as so not no yes all some any each every many most more much other such only
    also however meanwhile according while when where which who whom whose what why how then
    than though although because since until upon mr mrs ms dr said says say""".split()
)


@dataclass
class Anchors:
    required: dict[tuple[str, str], float] = field(default_factory=dict)
    optional: set[tuple[str, str]] = field(default_factory=set)

    @property
    def keys(self) -> set[tuple[str, str]]:
        return self.optional | self.required.keys()

    @property
    def weight(self) -> float:
        return sum(self.required.values())

    def add(self, key: tuple[str, str], weight: float) -> None:
        if weight > self.required.get(key, 0.0):
            self.required[key] = weight

    def merge(self, other: Anchors) -> None:
        for key, weight in other.required.items():
            self.add(key, weight)
        self.optional |= other.optional


def number_weight(value: float, kind: str) -> float:
    if kind in ("year", "decimal", "percent"):
        return 1.5
    magnitude = abs(value)
    if magnitude < 10:
        return 0.25
    if magnitude < 100:
        return 0.5
    return 1.5


def segment_anchors(doc: Document, masked: str, segments: list[Segment], matches=None) -> list[Anchors]:
    """Anchors of each segment (segments in text order, not overlapping); `matches` are the
    glossary matches of `masked`, when a glossary is in use."""
    anchors = [Anchors() for _ in segments]
    starts = [s.start for s in segments]

    def owner(offset: int) -> Anchors | None:
        k = bisect.bisect_right(starts, offset) - 1
        if k >= 0 and offset < segments[k].end:
            return anchors[k]
        return None

    if matches is not None:
        for match in matches:
            target = owner(match.start)
            if target is not None:
                for concept in match.concepts:
                    target.add(("c", concept.key), CONCEPT_WEIGHT)
    for number in extract_numbers(masked, doc.lang):
        target = owner(number.start)
        if target is None:
            continue
        key = ("n", f"{number.value:.6g}")
        if number.kind == "word":
            target.optional.add(key)
        else:
            target.add(key, number_weight(number.value, number.kind))
    keys: dict = {}
    for segment, anchor in zip(segments, anchors):
        text = masked[segment.start:segment.end]
        if doc.lang == "ar":
            normalized = normalize(text).text
            _arabic_words(text, normalized, anchor, keys)
            _enumerators(normalized.replace("أ", "ا"), _AR_ENUMERATOR, _AR_ENUMERATORS, anchor)
        else:
            _english_words(text, anchor, keys)
            _enumerators(text, _EN_ENUMERATOR, _EN_ENUMERATORS, anchor)
    return anchors


def _enumerators(text: str, pattern: re.Pattern, ranks: dict[str, str], anchor: Anchors) -> None:
    for match in pattern.finditer(text.lstrip()):
        rank = ranks.get((match.group(1) or match.group(2)).lower())
        if rank is None:
            continue
        key = ("e", rank)
        if match.start() == 0:
            anchor.add(key, ENUMERATOR_WEIGHT)
        else:
            anchor.optional.add(key)


def _arabic_words(text: str, normalized: str, anchor: Anchors, keys: dict) -> None:
    """`keys` caches the skeleton keys of each word (and word pair) across the document's segments:
    one shared tuple per key instead of one per occurrence (a 10,000-line text held 40 MB of them)."""
    for token in _LATIN_TOKEN.findall(text):
        if len(token) >= 2:
            anchor.add(("w", token.lower()), LATIN_IN_ARABIC_WEIGHT)
    previous = ""
    optional = anchor.optional
    for word in _ARABIC_WORD.findall(normalized):
        known = keys.get(word)
        if known is None:
            skeleton = arabic_skeleton(word)
            bare = strip_proclitics(word)  # بطهران: Tehran (كبارزاني keeps its own skeleton above)
            bare_skeleton = arabic_skeleton(bare) if bare != word else ""
            plural = skeleton + "S" if word.endswith(_FEMININE_PLURAL) and len(skeleton) >= 2 else ""
            known = keys[word] = (
                skeleton,
                ("s", skeleton) if len(skeleton) >= 3 else None,
                ("s", bare_skeleton) if len(bare_skeleton) >= 3 else None,
                ("s", plural) if plural else None,
            )
        skeleton, own, bare_key, plural_key = known
        if own is not None:
            optional.add(own)
        if bare_key is not None:
            optional.add(bare_key)
        if plural_key is not None:
            optional.add(plural_key)  # الإمارات: the Emirates (a plural name: ات for English -s)
        if previous and skeleton:
            pair = keys.get((previous, skeleton))
            if pair is None:
                pair = keys[(previous, skeleton)] = ("s", previous + skeleton)
            optional.add(pair)
        previous = skeleton


_FEMININE_PLURAL = "\u0627\u062a"  # ات


def _title_case(text: str) -> bool:
    """Most words capitalized (a headline in title case): capitals there are style, not names."""
    words = [w for w in _LATIN_TOKEN.findall(text) if len(w) > 3]
    return len(words) >= TITLE_CASE_WORDS and sum(w[0].isupper() for w in words) >= TITLE_CASE_SHARE * len(words)


def _english_words(text: str, anchor: Anchors, keys: dict) -> None:
    name_weight = TITLE_CASE_NAME_WEIGHT if _title_case(text) else NAME_WEIGHT
    previous_end = 0
    for match in _LATIN_TOKEN.finditer(text):
        token = match.group()
        lower = token.lower()
        key = keys.get(lower)
        if key is None:
            key = keys[lower] = ("w", lower)
        anchor.optional.add(key)
        name = token[3:] if lower.startswith(("al-", "el-")) else token  # al-Sudani is a name
        # Only the gap since the previous token can hold the stop (tokens hold no punctuation):
        # searching from the segment's start made a long line quadratic.
        sentence_start = not previous_end or _SENTENCE_START.search(text, previous_end, match.start()) is not None
        previous_end = match.end()
        if name[:1].isupper() and lower not in _NOT_NAMES and not (sentence_start and name is token):
            skeleton = latin_skeleton(normalize(name).text)
            if len(skeleton) >= 3:  # two classes collide with too many Arabic words by chance
                anchor.add(("s", skeleton), name_weight)

"""A translation lexicon learned from the document pair itself, as anchors for a second pass.

Moore (2002) aligns in two passes: lengths first, then a word-translation model trained on the
beads the first pass is sure of, and the sentences are realigned with both. termcheck does the
same without a model file: the first pass (lengths, glossary terms, numbers, Latin tokens, name
skeletons) gives beads; the 1-1 .. 2-2 beads with confidence >= TRAIN_CONFIDENCE train the lexicon;
the lexicon becomes anchors and the document pair is aligned again.

Words are content words reduced to a crude stem: Arabic by termcheck.text.arabic.light_stem,
English lower-cased and cut to ENGLISH_STEM letters (vaccine, vaccines, vaccination: "vaccin").
The association is Dice's coefficient over training beads, 2 c(s,t) / (c(s) + c(t)), kept when
the pair co-occurs in at least MIN_COOCCURRENCE beads and Dice >= MIN_DICE, and only the best
partners of a word (within DICE_SLACK of its best) so that a word that happens to stand beside a
frequent one is not its translation. (IBM Model 1 would explain words away more finely; Dice with
these thresholds is a tenth of the time and, on the TICO-19 tuning split, as good for alignment.)

Anchors: a source word with a translation is a required key ("x", stem) of weight LEXICAL_WEIGHT;
every target sentence holding one of its translations has ("x", stem) as an optional key; the
same the other way round with ("y", stem). The cost model divides a key's weight by the number of
units holding it (termcheck.align.cost._spread), so a word found everywhere counts for little.
Calibrated on the tuning split of bench/devsets.py (sentence strict F1): weight 0.15-0.6 gives
0.962-0.963, 1.0 gives 0.956; MIN_DICE 0.2-0.5 gives 0.962-0.964. Of the weights with the same F1,
0.6 (was 0.3) is the one that finds omissions: a merged sentence none of whose translated words
is across the bead pays for each; single-sentence drops left as 1-0 beads on the tuning split
103 -> 107 of 138 (F1 0.9665 -> 0.9661); 1.0 loses F1 (0.949).
Later (with distinctive support, termcheck.align.cost): TRAIN_CONFIDENCE 0.9 -> 0.85 gave strict F1
0.9633 -> 0.9647, paragraph drops found 124 of 142 either way, sentence drops 112 either way (0.8:
0.9651 but 111 and 121; 0.97: 0.9572); then MIN_DICE 0.3 -> 0.25 kept 0.9647 and found 125
paragraph drops (tuning split). TRAIN_CONFIDENCE stays 0.9: without glossary anchors, 0.85 learnt
a pair that split a bundled 1-2 bead (haydariyun-rally, bundled F1 1.000 -> 0.977 with no
glossary); at 0.9 the drops found are the same (125 / 112 tuning, 132 / 114 held-out), held-out
strict F1 the same (0.9496), tuning 0.9633.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from itertools import product

from termcheck.align.anchors import Anchors
from termcheck.text.arabic import ARABIC_WORD, light_stem
from termcheck.text.english import STOP_WORDS
from termcheck.text.normalize import normalize

TRAIN_CONFIDENCE = 0.9
MIN_COOCCURRENCE = 2
MIN_DICE = 0.25
DICE_SLACK = 0.8  # partners within this share of the best Dice are kept
LEXICAL_WEIGHT = 0.6
ENGLISH_STEM = 6
MAX_TRAIN_WORDS = 120  # a bead with more words than this (per side) is too loose to learn from
# At most this many training beads, spread evenly over the text: a long document teaches nothing
# more about its vocabulary after a few thousand beads, and the co-occurrence table (words x words
# per bead) would grow without bound (a 1,000,000-sentence text).
MAX_TRAIN_BEADS = 5_000

_ENGLISH_WORD = re.compile(r"[a-z]+")
_ARABIC_STOP = frozenset(
    """في من على الى عن ان او ثم قد لا ما لم لن مع عند بين كل بعد قبل حتى التي الذي الذين اللذين
    هذا هذه ذلك تلك هو هي هم هما كان كانت يكون تكون وقد وفي ومن وعلى والى وان ولا وما كما لها له
    لهم منها منه فيها فيه عليها عليه اي ايضا غير حيث اذا وهو وهي""".split()
)


def content_words(text: str, lang: str, segments: list[tuple[int, int]]) -> list[set[str]]:
    """The stems of the content words of each segment [start, end) of `text` (normalized once)."""
    folded = normalize(text)
    starts = [start for start, _ in segments]
    result: list[set[str]] = [set() for _ in segments]
    pattern, stop = (ARABIC_WORD, _ARABIC_STOP) if lang == "ar" else (_ENGLISH_WORD, STOP_WORDS)
    lowered = folded.text if lang == "ar" else folded.text.lower()
    stems: dict[str, str] = {}
    for match in pattern.finditer(lowered):
        word = match.group()
        if len(word) < 3 or word in stop:
            continue
        offset = folded.to_original(match.start())
        k = bisect.bisect_right(starts, offset) - 1
        if k >= 0 and offset < segments[k][1]:
            stem = stems.get(word)
            if stem is None:
                stem = stems[word] = light_stem(word) if lang == "ar" else word[:ENGLISH_STEM]
            result[k].add(stem)
    return result


def spread_sample(items: Sequence, limit: int = MAX_TRAIN_BEADS) -> Sequence:
    """At most `limit` of `items`, evenly spaced (all of them when there are few enough)."""
    if len(items) <= limit:
        return items
    step = len(items) / limit
    return [items[int(k * step)] for k in range(limit)]


def learn(pairs: Iterable[tuple[set[str], set[str]]]) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    """(source stem -> target stems, target stem -> source stems) from word sets of aligned beads."""
    count_s: Counter[str] = Counter()
    count_t: Counter[str] = Counter()
    both: Counter[tuple[str, str]] = Counter()
    for source, target in pairs:
        if len(source) > MAX_TRAIN_WORDS or len(target) > MAX_TRAIN_WORDS:
            continue
        count_s.update(source)
        count_t.update(target)
        both.update(product(source, target))
    dice: dict[tuple[str, str], float] = {}
    for (s, t), c in both.items():
        if c >= MIN_COOCCURRENCE:
            d = 2.0 * c / (count_s[s] + count_t[t])
            if d >= MIN_DICE:
                dice[(s, t)] = d
    return _best(dice, 0), _best(dice, 1)


def _best(dice: dict[tuple[str, str], float], side: int) -> dict[str, set[str]]:
    best: dict[str, float] = {}
    for pair, d in dice.items():
        best[pair[side]] = max(best.get(pair[side], 0.0), d)
    result: dict[str, set[str]] = {}
    for pair, d in dice.items():
        if d >= DICE_SLACK * best[pair[side]]:
            result.setdefault(pair[side], set()).add(pair[1 - side])
    return result


def add_lexical_anchors(
    source_words: list[set[str]],
    target_words: list[set[str]],
    source_anchors: list[Anchors],
    target_anchors: list[Anchors],
    forward: dict[str, set[str]],
    backward: dict[str, set[str]],
) -> None:
    """Required keys for words with a translation, optional keys where a translation stands."""
    for words, anchors, lexicon, mark in ((source_words, source_anchors, forward, "x"), (target_words, target_anchors, backward, "y")):
        for stems, anchor in zip(words, anchors):
            for stem in stems:
                if stem in lexicon:
                    anchor.add((mark, stem), LEXICAL_WEIGHT)
    for words, anchors, lexicon, mark in ((target_words, target_anchors, forward, "x"), (source_words, source_anchors, backward, "y")):
        standing_for = _inverse(lexicon)  # a word of this side -> the other side's words it translates
        for stems, anchor in zip(words, anchors):
            for stem in stems:
                for other in standing_for.get(stem, ()):
                    anchor.optional.add((mark, other))


def _inverse(lexicon: dict[str, set[str]]) -> dict[str, set[str]]:
    result: dict[str, set[str]] = {}
    for word, translations in lexicon.items():
        for translation in translations:
            result.setdefault(translation, set()).add(word)
    return result

"""Terms: n-grams of the two sides that keep turning up in the same aligned pairs.

Every pair is a bag of n-grams (1-4 words inside a chunk, neither first nor last word a function
word) counted under folded keys (termcheck.mine.fold: Arabic clitics, article and inflection, English
plurals), so لهيئة الحشد الشعبي and هيئة الحشد الشعبي are one Arabic n-gram. The association of an
Arabic and an English n-gram is Dice's coefficient over pairs, 2 c(a,e) / (c(a) + c(e)), with
Dunning's log-likelihood ratio G2 beside it as the significance of c(a,e) (both standard for
bilingual term extraction; Smadja et al. 1996, Dunning 1993). Only n-grams in at least min-count
pairs take part, so the co-occurrence table stays the size of the frequent vocabulary squared at
worst, not of the archive.

Candidates are chosen by competitive linking (Melamed 2000) over n-grams: best score first, each
n-gram linked once, and a pair is refused when a kept pair overlaps it on both sides in about as
many pairs (the same words cannot be two terms: الحشد / Popular Mobilization loses to الحشد الشعبي /
Popular Mobilization Forces; fever ×47 stays beside hay fever ×3). The score (`score`) is Dice less a small penalty per word
the two sides differ in length, times the English side's termhood (termcheck.mine.termhood). An
English n-gram that cuts a capitalized run is not a candidate (Mobilization Forces is a piece of a
name), nor is an n-gram that the name pairing explains or cuts (termcheck.mine.names).
Calibrated by eye on the bundled corpora and the TICO-19 memory (bench/eval_mine.py).
"""

from __future__ import annotations

import math
from collections.abc import Iterator

from termcheck.align.skeleton import arabic_skeleton, latin_skeleton
from termcheck.mine.tokens import Word
from termcheck.text.arabic import FUNCTION_WORDS
from termcheck.text.normalize import normalize_form
from termcheck.units.renderings import _AR_STOP, _EN_STOP

MAX_WORDS = 4
MIN_DICE = 0.3


def grams(chunks: list[list[Word]], key, stop: frozenset, names=(), runs=(),
          modifiers: set[str] | None = None, head_first: bool = False) -> dict[str, tuple[int, int]]:
    """{key n-gram: (first word, last word + 1) of its first occurrence} over the flattened words.

    `names`: word spans the name pairing explained; an n-gram that is one of them, or cuts one,
    is left to the names (Asaib Ahl al-Haq is not a term for الحق), one that holds one whole is
    kept (Quds Force around Quds). `modifiers`, when given, receives the n-grams every occurrence
    of which is followed (`head_first`, as in Arabic: preceded), inside its chunk, by a content
    word: the head they modify (see MODIFIER_SHARE)."""
    found: dict[str, tuple[int, int]] = {}
    followed: dict[str, bool] = {}
    offset = 0
    for chunk in chunks:
        keys = [key(w.text) for w in chunk]
        stopped = [k in stop or (w.text.lower() in stop and not w.text.isupper()) or len(k) < 2
                   for k, w in zip(keys, chunk)]  # WHO and US in capitals are not who and us
        for i in range(len(chunk)):
            if stopped[i]:
                continue
            for j in range(i + 1, min(i + MAX_WORDS, len(chunk)) + 1):
                if stopped[j - 1]:
                    continue
                if names and _cuts(offset + i, offset + j, names):
                    continue
                if runs and _cuts(offset + i, offset + j, runs, whole=True):
                    continue
                gram = " ".join(keys[i:j])
                found.setdefault(gram, (offset + i, offset + j))
                if modifiers is not None:
                    beside = (i > 0 and not stopped[i - 1]) if head_first else (j < len(chunk) and not stopped[j])
                    followed[gram] = followed.get(gram, True) and beside
        offset += len(chunk)
    if modifiers is not None:
        modifiers.update(g for g, always in followed.items() if always)
    return found


# An English n-gram followed by a content word in at least MODIFIER_SHARE of the pairs it stands in
# (and in at least MODIFIER_MIN_PAIRS pairs) is a modifier before its head, not a term: clinical
# (clinical trial, clinical features), acute respiratory (… syndrome, … distress), foreign (forces),
# political (analyst, wing); so is an Arabic n-gram preceded by one (an adjective after its noun:
# الحادة, المستجد in فيروس كورونا المستجد). A pairing with a modifier on either side is weighted by
# MODIFIER_WEIGHT, not dropped: a few such words are listed terms (respiratory / التنفسي).
# Calibrated on TICO-19: the adjective fragments among the top candidates are followed (English) by
# a content word in 0.98-1.0 of their pairs, the accepted nouns in at most 0.75 (healthcare); in
# Arabic the fragments are preceded by one in 0.93-1.0, the accepted nouns in at most 0.91.
# The share counts in at least MODIFIER_MIN_PAIRS pairs, more in Arabic, where a noun after a noun
# (the second term of an idafa: داء السكري) stands where an adjective does and the shares lie closer.
MODIFIER_SHARE = 0.93
MODIFIER_MIN_PAIRS = {"en": 3, "ar": 5}
MODIFIER_WEIGHT = 0.5


def modifies(lang: str, pairs_beside_head: int, pairs: int) -> bool:
    return pairs >= MODIFIER_MIN_PAIRS[lang] and pairs_beside_head >= MODIFIER_SHARE * pairs


def _cuts(start: int, end: int, spans, whole: bool = False) -> bool:
    """Whether [start, end) overlaps a span without holding all of it (`whole`: being it is fine;
    otherwise it must hold more than the span)."""
    for first, last in spans:
        if start < last and first < end:
            if not (start <= first and last <= end):
                return True
            if not whole and (start, end) == (first, last):
                return True
    return False


# Function words no term begins or ends with: the shared lists (text.arabic.FUNCTION_WORDS holds the
# conjunctions and prepositions of running prose, إذ بحسب نحو حيث, which otherwise pair with whatever
# English stands beside them: Analyst / إذ). غير is not one here: it negates the word after it
# (غير صالح, invalid; غير الحكومية, non-governmental).
ARABIC_STOP = (_AR_STOP | frozenset(normalize_form(w) for w in FUNCTION_WORDS)) - {"غير"}
ENGLISH_STOP = _EN_STOP


LENGTH_PENALTY = 0.1  # per word the Arabic side is shorter than the English, or longer by two


NAME_BONUS = 0.2  # both sides hold the same transliterated name: Quds Force / فيلق القدس


def score(dice_value: float, ar: str, en: str, specific: float, anchored: bool = False) -> float:
    """Dice, less LENGTH_PENALTY per content word of unusual length (an Arabic term has as many words as
    the English or one more: pneumonia / التهاب رئوي; هيئة الحشد is short for Popular Mobilization
    Commission), plus NAME_BONUS when both sides hold one name the skeleton pairing found (Tahrir
    Square / ساحة التحرير, not a phrase that happens to stand beside it twice), times the English
    n-gram's termhood."""
    gap = _content_words(en, ENGLISH_STOP) - _content_words(ar, ARABIC_STOP)
    gap = gap if gap > 0 else max(0, -gap - 1)
    return max(0.0, dice_value - LENGTH_PENALTY * gap + (NAME_BONUS if anchored else 0.0)) * specific


def _content_words(gram: str, stop: frozenset) -> int:
    """Words of an n-gram that are not function words: shortness of breath has two, as ضيق التنفس."""
    return sum(word not in stop for word in gram.split())


NESTED_SHARE = 0.75


def nested(counts, common=lambda word: False) -> set[str]:
    """N-grams that stand inside one longer n-gram in at least NESTED_SHARE of their pairs: a piece
    of a longer term, not a term (رئوي inside التهاب رئوي, Mobilization inside Popular Mobilization
    Forces). The C-value idea of Frantzi et al. (2000), reduced to its one-word extensions; an
    extension by a `common` word does not count (Baghdad Operations Command said)."""
    longest: dict[str, int] = {}
    for key, count in counts.items():
        cut = key.find(" ")
        if cut < 0:
            continue
        last = key.rfind(" ")
        for sub, added in ((key[cut + 1:], key[:cut]), (key[:last], key[last + 1:])):
            if longest.get(sub, 0) < count and not common(added):
                longest[sub] = count
    return {key for key, count in counts.items() if longest.get(key, 0) >= NESTED_SHARE * count}


def unlike_name(ar: str, en: str) -> bool:
    """An English word with the article al- is a transliterated name: an Arabic n-gram whose
    consonants do not begin as the name's is not its rendering, however often the two stand in
    the same pairs (al-Faw / صيادون, fishermen in al-Faw)."""
    if " " in en or not en.lower().startswith(("al-", "el-")):
        return False
    latin, arabic = latin_skeleton(en[3:]), arabic_skeleton(ar.split()[0]) if ar else ""
    return bool(latin) and bool(arabic) and latin[0] != arabic[0]


CLAUSE_WEIGHT = 0.5
_CONJUNCTION_SOUNDS = {"\u0648": "wuov", "\u0641": "fvp"}  # و ف


def opens_clause(ar: str, en: str) -> bool:
    """An Arabic n-gram whose first word still carries the conjunction و/ف after folding (the fold
    takes it off only where the rest is a word of the copy), when the English does not begin with a
    sound the letter could spell: it opens a clause (ويرى المحلل, وقالت النائبة), not a term."""
    sounds = _CONJUNCTION_SOUNDS.get(ar[:1])
    return bool(sounds) and en[:1] not in sounds


ACRONYM_WEIGHT = 0.5


def is_acronym(word: str) -> bool:
    """PHE, HCoV, SARS-CoV: at least three capitals, and capitals for at least half the letters."""
    letters = [c for c in word if c.isalpha()]
    capitals = sum(c.isupper() for c in letters)
    return capitals >= 3 and 2 * capitals >= len(letters)


def unexplained_acronym(ar: str, acronym: str) -> bool:
    """An acronym of n capitals renders as about n words (PHE = الصحة العامة في إنجلترا, FDA = إدارة
    الغذاء والدواء) or as a transliteration (UNESCO = اليونسكو, SARS-CoV = سارس-كوف); an Arabic
    n-gram of fewer than n - 1 content words with other consonants is one word of the expansion
    (إنجلترا for PHE, الاتحاد for EEA, البشرية for HCoV)."""
    capitals = sum(c.isupper() for c in acronym)
    if _content_words(ar, ARABIC_STOP) >= capitals - 1:
        return False
    arabic = "".join(arabic_skeleton(w) for w in ar.split())
    latin = latin_skeleton(acronym)
    return arabic not in (latin, latin_skeleton(acronym.lower().replace("c", "k")))


_COORDINATORS = frozenset({"and", "or"})


def coordination(ar: str, en: str) -> bool:
    """X and Y, X or Y (SARS and MERS, China and Italy): a list, not a term. Titles of four words or
    more keep their 'and' (Diagnosis and Treatment Guidelines). The Arabic key cannot tell: the
    fold takes و off its second word."""
    words = en.split()
    return len(words) <= 3 and bool(_COORDINATORS.intersection(words[1:-1]))


def dice(both: int, a: int, b: int) -> float:
    return 2 * both / (a + b) if a + b else 0.0


def log_likelihood(both: int, a: int, b: int, total: int) -> float:
    """Dunning's G2 for a 2x2 table of pairs: with both, with a only, with b only, with neither."""
    cells = (both, a - both, b - both, total - a - b + both)
    rows = (a, total - a)
    cols = (b, total - b)
    g2 = 0.0
    for k, (r, c) in zip(cells, ((0, 0), (0, 1), (1, 0), (1, 1))):
        expected = rows[r] * cols[c] / total if total else 0
        if k > 0 and expected > 0:
            g2 += k * math.log(k / expected)
    return 2 * g2


def contains(longer: str, shorter: str) -> bool:
    return f" {shorter} " in f" {longer} "


def overlaps(a: str, b: str) -> bool:
    return contains(a, b) or contains(b, a)


SAME_OCCURRENCES = 0.75  # two overlapping pairs whose counts are this close are one term's pieces


def link(scored: list[tuple[float, str, str, int]]) -> Iterator[tuple[float, str, str, int]]:
    """Competitive linking over (score, arabic key, english key, pairs together), best first.

    A pair is refused when an n-gram of it is linked already, or when a kept pair overlaps it on
    both sides with a count within SAME_OCCURRENCES of its own (the same occurrences read as a
    longer or shorter n-gram: الحشد / Popular Mobilization after الحشد الشعبي / Popular
    Mobilization Forces); with very different counts both are terms (hay fever ×3, fever ×47)."""
    kept_ar: set[str] = set()
    kept_en: set[str] = set()
    by_word: dict[str, list[tuple[str, str, int]]] = {}  # an Arabic word -> the kept pairs that hold it
    for score, ar, en, together in sorted(scored, key=lambda s: (-s[0], -len(s[2]), s[1], s[2])):
        if ar in kept_ar or en in kept_en:
            continue
        words = ar.split()
        if any(overlaps(ar, a) and overlaps(en, e) and min(c, together) >= SAME_OCCURRENCES * max(c, together)
               for w in words for a, e, c in by_word.get(w, ())):
            continue
        kept_ar.add(ar)
        kept_en.add(en)
        for w in set(words):
            by_word.setdefault(w, []).append((ar, en, together))
        yield score, ar, en, together

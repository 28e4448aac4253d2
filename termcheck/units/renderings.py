"""TC307 term renderings: how a source term is rendered across units, with counts.

Units carry no word alignment, so renderings are mined from co-occurrence (`RenderingIndex`):
for the units whose source has the term, the target n-grams most associated with it (Dice),
chosen greedily until the units are explained. Terms come from --term, or, with --mine-terms,
from frequent source n-grams whose renderings compete.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from termcheck.formats.units import Unit
from termcheck.model import Finding
from termcheck.text.arabic import ARABIC_WORD, ARTICLE, readings
from termcheck.text.normalize import normalize_form
from termcheck.units.finding import unit_finding
from termcheck.units.locate import Locator

if TYPE_CHECKING:
    from termcheck.units import UnitCheckOptions


def term_renderings(units: list[Unit], locator: Locator, options: UnitCheckOptions) -> Iterable[tuple[Unit, Finding]]:
    index = RenderingIndex([u.source for u in units], [u.target for u in units])
    wanted: list[tuple[str, bool]] = [(t, True) for t in options.terms]
    if options.mine_terms:
        given = {normalize_form(t) for t in options.terms}
        wanted.extend((t, False) for t in index.frequent_terms(options.mine_min_count, options.mine_limit)
                      if t not in given)
    for term, always in wanted:
        result = index.renderings(term, options.renderings_limit)
        if result is None:
            continue
        if not always and len([r for r in result.renderings if r.count >= 2]) < 2:
            continue  # a mined term is worth a line only when renderings compete
        first = units[result.first_unit]
        listed = ", ".join(f"{r.spelling} ×{r.count}" for r in result.renderings) or "no rendering found"
        message = f"{term}: {listed} (in {result.units} units"
        message += f"; {result.uncovered} without any of these)" if result.uncovered else ")"
        extra = {
            "term": term,
            "units": result.units,
            "uncovered": result.uncovered,
            "renderings": [{"text": r.spelling, "key": r.text, "count": r.count, "dice": round(r.dice, 3)}
                           for r in result.renderings],
        }
        main = result.renderings[0] if result.renderings else None
        if main is not None and main.unit is not None:
            first = units[main.unit]  # underline the main rendering where it is first written
        location = locator.target(first, main.spelling) if main else locator.target(first)
        found = main.spelling if main and location.end > location.start else ""
        yield unit_finding("TC307", first, location, found, message, extra=extra)


_TOKEN = re.compile(r"[^\W_]+(?:['-][^\W_]+)*")
# A word as written: letters with the Arabic marks, tatweel and joiners normalization removes.
_MARKS = "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640\u200c\u200d"
_LETTER_OR_MARK = f"(?:[^\\W_]|[{_MARKS}])"
_WRITTEN_TOKEN = re.compile(f"[^\\W_]{_LETTER_OR_MARK}*(?:['-][^\\W_]{_LETTER_OR_MARK}*)*")
_EN_STOP = frozenset("""
a an the and or but if of to in on at by for with from as is are was were be been being it its this that
these those there here which who whom whose what when where why how not no nor so than too very can could
will would shall should may might must do does did has have had having i you he she we they me him her us
them my your his our their also into about over under more most such only other any some all each both few
many much per via vs s t just then out up down off again once same own new one two get got use used using
""".split())
_AR_STOP = frozenset(normalize_form(w) for w in """
في من إلى على عن أن إن كان كانت يكون تكون التي الذي الذين اللذين اللتين هذا هذه ذلك تلك هؤلاء هناك هنا مع
أو ثم قد لا ما لم لن ليس هو هي هم هن كما بين عند حتى كل بعد قبل أي لدى منذ غير عبر حول خلال ضد دون إذا لكن
بل أيضا يتم تم وقد به بها له لها لهم فيه فيها منه منها عنه عليه عليها إنه أنه أنها إنها مثل
""".split())
_STOP = _EN_STOP | _AR_STOP


@dataclass(frozen=True)
class Rendering:
    text: str  # the key counted: normalized words, article and و/ب/ل... taken off
    count: int  # units with the term whose target has this rendering
    dice: float  # association when it was chosen
    spelling: str = ""  # the most frequent spelling of it in the files, as written
    unit: int | None = None  # index of the first unit with the term that writes it


@dataclass(frozen=True)
class Renderings:
    term: str
    units: int  # units whose source has the term
    first_unit: int  # index of the first of them
    renderings: tuple[Rendering, ...]
    uncovered: int  # units with the term and none of the renderings


class RenderingIndex:
    """Source and target n-grams (1-3 words) of every unit, for co-occurrence statistics.

    The rendering of a source term is chosen greedily: the target n-gram with the best Dice
    association 2c/(|R|+b) over the units R still unexplained (c: units of R whose target has it,
    b: all units whose target has it); its units leave R and the next rendering is sought.
    """

    def __init__(self, sources: list[str], targets: list[str]) -> None:
        self._source_index: dict[str, set[int]] = defaultdict(set)
        for number, text in enumerate(sources):
            for gram in _ngrams(_TOKEN.findall(normalize_form(text))):
                self._source_index[gram].add(number)
        tokens = [_TOKEN.findall(normalize_form(text)) for text in targets]
        vocabulary = {t for row in tokens for t in row}
        self._targets, self._vocabulary = targets, vocabulary
        self._stems: dict[str, tuple[str, str]] = {}  # token -> (key for counting, spelling shown)
        self._target_grams: list[dict[str, str]] = []  # per unit: key n-gram -> spelling shown
        self._target_keys: list[list[str]] = []  # per unit: the words, clitics stripped
        self._target_index: dict[str, set[int]] = defaultdict(set)
        for number, row in enumerate(tokens):
            grams: dict[str, str] = {}
            stems = [self._stem(t, vocabulary) for t in row]
            keys = [s[0] for s in stems]
            self._target_keys.append(keys)
            for start, end in _gram_spans(keys):
                key = " ".join(keys[start:end])
                grams.setdefault(key, " ".join(s[1] for s in stems[start:end]))
            self._target_grams.append(grams)
            for key in grams:
                self._target_index[key].add(number)

    def _stem(self, token: str, vocabulary: set[str]) -> tuple[str, str]:
        cached = self._stems.get(token)
        if cached is None:
            cached = self._stems[token] = _strip_clitics(token, vocabulary)
        return cached

    def units_with(self, term: str) -> set[int]:
        """Units whose source has the term (its last word may take an English plural -s/-es)."""
        words = _TOKEN.findall(normalize_form(term))
        if not words:
            return set()
        head = " ".join(words[:-1] + [""])
        found: set[int] = set()
        for last in (words[-1], words[-1] + "s", words[-1] + "es"):
            found |= self._source_index.get(head + last, set())
        return found

    def renderings(self, term: str, limit: int = 5) -> Renderings | None:
        """Main renderings by greedy cover, then competing ones that hide in covered units."""
        with_term = self.units_with(term)
        if not with_term:
            return None
        remaining = set(with_term)
        support = 1 if len(with_term) < 20 else max(2, -(-len(with_term) // 20))  # 5%, rounded up
        chosen: list[tuple[str, float]] = []
        while remaining and len(chosen) < limit:
            counts: Counter = Counter()
            for number in remaining:
                counts.update(self._target_grams[number].keys())
            size = len(remaining)
            best, best_score = None, (0.0, 0)
            floor = 0.1 if not chosen else 0.2
            for key, count in counts.items():
                if chosen and count < support:
                    continue
                spread = len(self._target_index[key])
                score = (2 * count / (size + spread), -len(key))  # a tie goes to the shorter
                if score > best_score:
                    best, best_score = key, score
            if best is None or best_score[0] < floor:
                break
            chosen.append((best, best_score[0]))
            remaining -= self._target_index[best]
        self._add_competitors(chosen, with_term, limit)
        renderings = []
        for key, dice in chosen:
            having = self._target_index[key] & with_term
            spelling, unit = self.spelling(key, having)
            renderings.append(Rendering(key, len(having), dice, spelling, unit))
        covered = set().union(*(self._target_index[k] for k, _ in chosen)) if chosen else set()
        return Renderings(term, len(with_term), min(with_term), tuple(renderings), len(with_term - covered))

    def spelling(self, key: str, numbers: Iterable[int]) -> tuple[str, int | None]:
        """The most frequent spelling of a rendering key as written in the targets of `numbers`
        (diacritics, hamza, article and clitics as in the file), and the first unit writing it."""
        spellings: Counter = Counter()
        first: dict[str, int] = {}
        for number in sorted(numbers):
            written = self._written(number, key.split())
            if written:
                spellings[written] += 1
                first.setdefault(written, number)
        if not spellings:
            return key, None
        best = max(spellings, key=lambda w: (spellings[w], -first[w]))
        return best, first[best]

    def _written(self, number: int, words: list[str]) -> str:
        """The text of target `number` from the first to the last word of the first occurrence of
        the key `words`, or '' when it cannot be found word by word."""
        text = self._targets[number]
        spans: list[tuple[str, int, int]] = []
        for found in _WRITTEN_TOKEN.finditer(text):
            for token in _TOKEN.findall(normalize_form(found.group())):
                spans.append((self._stem(token, self._vocabulary)[0], found.start(), found.end()))
        size = len(words)
        for start in range(len(spans) - size + 1):
            if all(spans[start + k][0] == words[k] for k in range(size)):
                return text[spans[start][1]:spans[start + size - 1][2]]
        return ""

    def _add_competitors(self, chosen: list[tuple[str, float]], with_term: set[int], limit: int) -> None:
        """Variants of a main rendering hidden in units the greedy cover had already explained
        (فيروسات تاجية beside فيروس كورونا): they share a word with a main rendering, are used
        mostly with the term (precision >= 0.6), and stand apart from the main renderings in at
        least two units (so 'مرض فيروس', a neighbour of فيروس كورونا, is not one)."""
        main = [k for k, _ in chosen]
        main_words = {w for k in main for w in k.split()}
        counts: Counter = Counter()
        for number in with_term:
            counts.update(self._target_grams[number].keys())
        candidates = []
        for key, count in counts.items():
            spread = len(self._target_index[key])
            if count < 2 or count < 0.6 * spread or not main_words & set(key.split()):
                continue
            if any(_contains(key, k) or _contains(k, key) for k in main):
                continue
            apart = sum(1 for n in self._target_index[key] & with_term if self._stands_apart(n, key, main))
            if apart >= 2:
                candidates.append((count, -len(key), key, 2 * count / (len(with_term) + spread)))
        for count, _, key, dice in sorted(candidates, reverse=True):
            if len(chosen) >= limit:
                break
            if any(_contains(key, k) or _contains(k, key) for k, _ in chosen):
                continue  # a longer or shorter piece of one already listed
            chosen.append((key, dice))

    def _stands_apart(self, number: int, key: str, main: list[str]) -> bool:
        """Some occurrence of `key` in unit `number` overlaps no occurrence of a main rendering."""
        words = self._target_keys[number]
        taken: set[int] = set()
        for other in main:
            for start in _positions(words, other.split()):
                taken.update(range(start - 1, start + len(other.split()) + 1))  # neighbours too
        size = len(key.split())
        return any(not taken & set(range(start, start + size)) for start in _positions(words, key.split()))

    def frequent_terms(self, min_count: int, limit: int) -> list[str]:
        """Source n-grams in at least `min_count` units, most frequent first, without a shorter
        n-gram that mostly occurs inside a longer one ('coronavirus disease' keeps 'disease' out
        unless 'disease' is common on its own)."""
        frequent = {g: len(us) for g, us in self._source_index.items()
                    if len(us) >= min_count and _is_term(g)}
        kept = []
        for gram, count in frequent.items():
            longer = [c for g, c in frequent.items() if len(g) > len(gram) and f" {gram} " in f" {g} "]
            if any(c >= 0.8 * count for c in longer):
                continue
            kept.append((gram, count))
        kept.sort(key=lambda gc: (-gc[1], gc[0]))
        return [g for g, _ in kept[:limit]]


def _contains(longer: str, shorter: str) -> bool:
    return f" {shorter} " in f" {longer} "


def _positions(words: list[str], gram: list[str]) -> list[int]:
    size = len(gram)
    return [i for i in range(len(words) - size + 1) if words[i:i + size] == gram]


def _is_term(gram: str) -> bool:
    words = gram.split()
    return all(w.isalpha() for w in words) and (len(words) > 1 or len(words[0]) >= 3)


def _gram_spans(words: list[str], longest: int = 3) -> Iterable[tuple[int, int]]:
    for start in range(len(words)):
        if words[start] in _STOP or words[start].isdigit():
            continue
        for end in range(start + 1, min(start + longest, len(words)) + 1):
            last = words[end - 1]
            if last in _STOP or last.isdigit():
                continue
            yield start, end


def _ngrams(words: list[str]) -> Iterable[str]:
    for start, end in _gram_spans(words):
        yield " ".join(words[start:end])


def _strip_clitics(token: str, vocabulary: set[str]) -> tuple[str, str]:
    """(key, spelling with the article): والفيروس -> (فيروس, الفيروس); وفيروس -> (فيروس, فيروس).

    The proclitics and article are termcheck.text.arabic's. ال alone, or a bare conjunction or
    preposition, is split off only when what is left is itself a word of the corpus (التهاب is not
    ال + تهاب, فيروس is not ف + يروس); an article run longer than ال (وال، بال، لل) always is.
    Suffixes are kept: merging فيروس and فيروسات lets كورونا alone cover 'coronavirus' and hides
    its competing rendering الفيروسات التاجية (measured on the TICO-19 TMX)."""
    if token in _STOP or not ARABIC_WORD.fullmatch(token):
        return token, token
    best = None
    for reading in readings(token):
        if reading.suffix or not reading.prefix:
            continue
        certain = reading.article and reading.prefix != ARTICLE
        if len(reading.lemma) < (2 if reading.article else 3) or not (certain or reading.lemma in vocabulary):
            continue
        if best is None or len(reading.prefix) > len(best.prefix):
            best = reading
    if best is None:
        return token, token
    return best.lemma, (ARTICLE + best.lemma if best.article else best.lemma)

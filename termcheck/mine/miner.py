"""The miner: pairs stream in, candidate concepts come out.

    miner = Miner(min_count=2)
    for pair in pairs: miner.add(pair)
    candidates = miner.candidates()

`add` tokenizes a pair, counts its words (the vocabulary that folding needs) and spills the words to
a temporary file; nothing of the pair stays in memory. `candidates` reads the spill file back three
times: (1) n-gram counts per pair and the name matches, (2) co-occurrence of the frequent n-grams,
(3) spellings and examples of the linked terms. Memory is the candidate tables: the vocabulary,
the n-grams, the co-occurrences of frequent n-grams and three examples per spelling.
"""

from __future__ import annotations

import pickle
import tempfile
from collections import Counter, defaultdict

from termcheck.mine import terms
from termcheck.mine.candidate import Example
from termcheck.mine.concepts import NAME_MIN_CONFIDENCE
from termcheck.mine.fold import Folder
from termcheck.mine.names import capital_runs, name_matches, shed_proclitic
from termcheck.mine.sources import Pair
from termcheck.mine.surface import arabic_surface, english_surface
from termcheck.mine.termhood import common_word, edge_specificity
from termcheck.mine.tokens import Word, arabic_chunks, english_chunks

MAX_EXAMPLES = 3
CONTEXT = 60  # characters of context each side of a form in an example


class Occurrences:
    """Counts of the spellings of one candidate side, with up to MAX_EXAMPLES examples each."""

    __slots__ = ("counts", "examples")

    def __init__(self) -> None:
        self.counts: Counter = Counter()
        self.examples: dict[str, list[Example]] = defaultdict(list)

    def add(self, text: str, example: Example) -> None:
        self.counts[text] += 1
        found = self.examples[text]
        if len(found) < MAX_EXAMPLES and all(str(e) != str(example) for e in found):
            found.append(example)


class Miner:
    def __init__(self, min_count: int = 2) -> None:
        self.min_count = max(1, min_count)
        self._spill = tempfile.TemporaryFile()
        self.pairs = 0
        self.ar_vocabulary: Counter = Counter()
        self.en_vocabulary: Counter = Counter()
        self.en_lowercase: set[str] = set()  # English words the copy writes in lower case
        self.en_capitalized: set[str] = set()  # ... and with a capital inside a sentence (not first in a chunk)
        self.en_acronyms: dict[str, str] = {}  # lower case -> an acronym as written (PHE, HCoV)
        # (Arabic key, English key) of a term framed around a name -> its other Arabic renderings
        self.alternatives: dict[tuple[str, str], list[str]] = {}
        # English name spellings (lower case) -> pairs in which a capitalized word the pairing did not
        # explain follows them in their run (Quds in Quds Force): see termcheck.mine._whole_names
        self.name_pieces: Counter = Counter()

    def add(self, pair: Pair) -> None:
        ar = arabic_chunks(pair.ar.text)
        en = english_chunks(pair.en.text)
        if not ar or not en:
            return
        self.ar_vocabulary.update(w.text for chunk in ar for w in chunk)
        self.en_vocabulary.update(w.text.lower() for chunk in en for w in chunk)
        self.en_lowercase.update(w.text for chunk in en for w in chunk if w.text.islower())
        self.en_capitalized.update(w.text for chunk in en for w in chunk[1:] if w.text[:1].isupper())
        for chunk in en:
            for word in chunk:
                if word.text[:1].isupper() and terms.is_acronym(word.text):
                    self.en_acronyms.setdefault(word.text.lower(), word.text)
        record = (
            (pair.ar.text, pair.ar.path, pair.ar.line, pair.ar.exact_lines, [[tuple(w) for w in c] for c in ar]),
            (pair.en.text, pair.en.path, pair.en.line, pair.en.exact_lines, [[tuple(w) for w in c] for c in en]),
        )
        pickle.dump(record, self._spill, protocol=pickle.HIGHEST_PROTOCOL)
        self.pairs += 1

    def _records(self):
        self._spill.seek(0)
        load = pickle.load
        for _ in range(self.pairs):
            (ar_text, ar_path, ar_line, ar_exact, ar), (en_text, en_path, en_line, en_exact, en) = load(self._spill)
            yield (
                (ar_text, ar_path, ar_line, ar_exact, [[Word(*w) for w in c] for c in ar]),
                (en_text, en_path, en_line, en_exact, [[Word(*w) for w in c] for c in en]),
            )

    def close(self) -> None:
        self._spill.close()

    # -- the passes -------------------------------------------------------------------------------

    def run(self):
        """(name occurrences, linked term table, term spellings): what termcheck.mine.concepts needs."""
        folder = Folder(self.ar_vocabulary, self.en_vocabulary)
        ar_count: Counter = Counter()
        en_count: Counter = Counter()
        modifier: Counter = Counter()  # pairs in which an n-gram always stands before (English) or after (Arabic) a content word
        names: dict[tuple[str, str], tuple[Occurrences, Occurrences]] = {}
        counted = tempfile.TemporaryFile()  # each pair again, with its n-grams: later passes reuse them
        dump = pickle.dump
        try:
            for (ar_text, ar_path, ar_line, ar_exact, ar), (en_text, en_path, en_line, en_exact, en) in self._records():
                matches = name_matches(ar, en, folder.written)
                ar_modifiers: set[str] = set()
                en_modifiers: set[str] = set()
                ar_grams, en_grams = _grams(ar, en, matches, folder, ar_modifiers, en_modifiers)
                ar_count.update(ar_grams.keys())
                en_count.update(en_grams.keys())
                modifier.update(("ar", g) for g in ar_modifiers)
                modifier.update(("en", g) for g in en_modifiers)
                ar_words = [w for c in ar for w in c]
                en_words = [w for c in en for w in c]
                en_chunk_of = [k for k, c in enumerate(en) for _ in c]
                ar_side = (ar_text, ar_path, ar_line, ar_exact)
                en_side = (en_text, en_path, en_line, en_exact)
                forms = []
                starts = {e1 for _, (e1, _) in matches}
                pieces = set()
                for (a1, a2), (e1, e2) in matches:
                    ar_form, ar_example = self._arabic_form(ar_side, ar_words[a1:a2], folder, en_words[e1].text)
                    en_form, en_example = _english_form(en_side, en_words[e1:e2])
                    entry = names.get((ar_form, en_form))
                    if entry is None:
                        entry = names[(ar_form, en_form)] = (Occurrences(), Occurrences())
                    entry[0].add(ar_form, ar_example)
                    entry[1].add(en_form, en_example)
                    forms.append((ar_form, en_form))
                    if e2 < len(en_words) and e2 not in starts and en_chunk_of[e2] == en_chunk_of[e2 - 1] \
                            and en_words[e2].text[:1].isupper():
                        pieces.add(en_form.lower())
                self.name_pieces.update(pieces)
                dump((ar_side, en_side, [tuple(w) for w in ar_words], [tuple(w) for w in en_words], ar_grams, en_grams,
                      list(zip(matches, forms))),
                     counted, protocol=pickle.HIGHEST_PROTOCOL)
            confirmed = {forms for forms, (ar_side, _) in names.items() if self._confirmed(forms[1], sum(ar_side.counts.values()))}
            table = self._associate(counted, ar_count, en_count, modifier, confirmed, folder)
            linked = self._term_spellings(counted, table, folder)
        finally:
            counted.close()
        return names, table, linked

    def _confirmed(self, english: str, pairs: int) -> bool:
        """A name pairing seen in min-count pairs, and in NAME_MIN_CONFIDENCE of the English
        spelling's occurrences (as termcheck.mine.concepts proposes names): Health / حالة is chance."""
        written = min((self.en_vocabulary.get(w.lower(), 0) for w in english.split()), default=0)
        return pairs >= self.min_count and pairs >= NAME_MIN_CONFIDENCE * written

    def _counted(self, counted):
        counted.seek(0)
        load = pickle.load
        for _ in range(self.pairs):
            yield load(counted)

    @staticmethod
    def _arabic_form(side, words, folder: Folder, english: str = "") -> tuple[str, Example]:
        """The form as written (proclitics off) and an example; `english`: the name's first English
        word, which tells a proclitic from the name's own first letter."""
        text, path, line, exact = side
        start, end = words[0][1], words[-1][2]
        first = words[0][0]
        written = folder.written(first)
        if english and written == first:
            written = shed_proclitic(first, english)
        return arabic_surface(text[start:end], first, written), _example(text, path, line, exact, start, end)

    def _associate(self, counted, ar_count: Counter, en_count: Counter, modifier: Counter, confirmed: set,
                   folder: Folder):
        """[(score, ar key, en key, pairs together, dice, G2)] linked competitively. `confirmed`: the
        (Arabic, English) name forms paired in at least min-count pairs; a name pairing seen once
        (Square / العسكري: SKR) is chance, and says nothing about the n-grams around it."""
        least = self.min_count
        ar_pieces, en_pieces = terms.nested(ar_count), terms.nested(en_count, common_word)
        ar_wanted = {g for g, n in ar_count.items() if n >= least and g not in ar_pieces}
        en_wanted = {g for g, n in en_count.items() if n >= least and g not in en_pieces}
        both: Counter = Counter()
        anchored: Counter = Counter()  # pairs in which both n-grams hold the same name match
        contradicted: Counter = Counter()  # pairs in which one n-gram holds a name the other lacks
        framed: dict[tuple[str, str], Counter] = defaultdict(Counter)  # see _framed_names
        for _, _, ar_words, en_words, ar_grams, en_grams, named in self._counted(counted):
            matches = [m for m, forms in named if forms in confirmed]
            if matches:
                _framed_names(framed, matches, ar_words, en_words, ar_grams, en_grams, en_wanted, folder)
            ar_frequent = [g for g in ar_grams if g in ar_wanted]
            if not ar_frequent:
                continue
            en_frequent = [g for g in en_grams if g in en_wanted]
            if en_frequent:
                both.update([(a, e) for a in ar_frequent for e in en_frequent])
                if matches:
                    ar_held = _names_held(ar_frequent, ar_grams, [m[0] for m in matches])
                    en_held = _names_held(en_frequent, en_grams, [m[1] for m in matches])
                    for a, held in ar_held.items():
                        for e in en_frequent:
                            if en_held.get(e) == held:
                                anchored[(a, e)] += 1
                            else:
                                contradicted[(a, e)] += 1
                    contradicted.update([(a, e) for e in en_held for a in ar_frequent if a not in ar_held])
        scored = []
        total = self.pairs
        for (a, e), c in both.items():
            if c < least:
                continue
            d = terms.dice(c, ar_count[a], en_count[e])
            if d < terms.MIN_DICE or terms.coordination(a, e) or 2 * contradicted[(a, e)] >= c \
                    or terms.unlike_name(a, e):
                continue  # a list (SARS and MERS), a name on one side only (النائبة المستقلة زينب الربيعي) or unlike it
            value = terms.score(d, a, e, edge_specificity(e), 2 * anchored[(a, e)] >= c)
            if terms.opens_clause(a, e):
                value *= terms.CLAUSE_WEIGHT
            if terms.modifies("en", modifier[("en", e)], en_count[e]) or terms.modifies("ar", modifier[("ar", a)], ar_count[a]):
                value *= terms.MODIFIER_WEIGHT
            if e in self.en_acronyms and terms.unexplained_acronym(a, self.en_acronyms[e]):
                value *= terms.ACRONYM_WEIGHT
            scored.append((value, a, e, c))
        for (e, _), renderings in framed.items():
            c = sum(renderings.values())
            if c < least or len(renderings) < 2 or any(both[(a, e)] >= least for a in renderings) \
                    or terms.coordination("", e):
                continue  # one rendering is frequent enough to pair as a term of its own
            a = renderings.most_common(1)[0][0]
            d = terms.dice(c, sum(ar_count[r] for r in renderings), en_count[e])
            scored.append((terms.score(d, a, e, edge_specificity(e), True), a, e, c))
            self.alternatives[(a, e)] = [r for r in renderings if r != a]
        table = []
        for score, a, e, c in terms.link(scored):
            table.append((score, a, e, c, terms.dice(c, ar_count[a], en_count[e]),
                          terms.log_likelihood(c, ar_count[a], en_count[e], total)))
        return table

    def _term_spellings(self, counted, table, folder: Folder):
        ar_side = {(a, e): Occurrences() for _, a, e, *_ in table}
        en_side = {(a, e): Occurrences() for _, a, e, *_ in table}
        by_ar: dict[str, list[tuple[str, tuple[str, str]]]] = defaultdict(list)  # Arabic key -> (English key, row)
        for _, a, e, *_ in table:
            by_ar[a].append((e, (a, e)))
            for other in self.alternatives.get((a, e), ()):
                by_ar[other].append((e, (a, e)))
        for ar, en, ar_words, en_words, ar_grams, en_grams, _ in self._counted(counted):
            for a in ar_grams:
                if a not in by_ar:
                    continue
                for e, row in by_ar[a]:
                    if e not in en_grams:
                        continue
                    a1, a2 = ar_grams[a]
                    e1, e2 = en_grams[e]
                    ar_form, ar_example = self._arabic_form(ar, ar_words[a1:a2], folder)
                    en_form, en_example = _english_form(en, en_words[e1:e2])
                    ar_side[row].add(ar_form, ar_example)
                    en_side[row].add(en_form, en_example)
        return ar_side, en_side


def _holds(span: tuple[int, int], inner: tuple[int, int]) -> bool:
    return span[0] <= inner[0] and inner[1] <= span[1]


def _framed_names(framed, matches, ar_words, en_words, ar_grams, en_grams, en_wanted, folder: Folder) -> None:
    """Count the Arabic renderings of English n-grams that frame one name in a capitalized run (Quds
    Force, Tahrir Square, Prime Minister X; not political analyst X): the name's Arabic with as
    many words before it as the English adds (Arabic puts the head and the title first: فيلق
    القدس, قوة القدس). Words around a name are
    translated, not transliterated, so a desk may render them two ways, each too rarely to pair
    alone; together, under the name that anchors them, they are one term with two spellings.
    `framed[(English key, Arabic name key)]`: Counter of Arabic keys."""
    en_names = [en_span for _, en_span in matches]
    for ar_span, en_span in matches:
        for e, (e1, e2) in en_grams.items():
            if e not in en_wanted or not (e1 <= en_span[0] and en_span[1] <= e2):
                continue
            around = [w[0] for w in en_words[e1:en_span[0]] + en_words[en_span[1]:e2]]
            if not all(w[:1].isupper() or w in terms.ENGLISH_STOP for w in around) \
                    or any(span != en_span and e1 <= span[0] and span[1] <= e2 for span in en_names):
                continue
            extra = (e2 - e1) - (en_span[1] - en_span[0])
            start = ar_span[0] - extra
            if extra < 1 or start < 0:
                continue
            key = " ".join(folder.arabic(w[0]) for w in ar_words[start:ar_span[1]])
            if ar_grams.get(key) == (start, ar_span[1]):
                name = " ".join(folder.arabic(w[0]) for w in ar_words[ar_span[0]:ar_span[1]])
                framed[(e, name)][key] += 1


def _names_held(frequent, spans, name_spans) -> dict[str, frozenset[int]]:
    """{n-gram: the name matches (their indices) it holds whole}, for the n-grams that hold one."""
    held = {}
    for gram in frequent:
        inside = frozenset(i for i, name in enumerate(name_spans) if _holds(spans[gram], name))
        if inside:
            held[gram] = inside
    return held


def _english_form(side, words) -> tuple[str, Example]:
    text, path, line, exact = side
    start, end = words[0][1], words[-1][2]
    return english_surface(text[start:end]), _example(text, path, line, exact, start, end)


def _grams(ar, en, matches, folder: Folder, ar_modifiers: set[str], en_modifiers: set[str]):
    ar_names = [m[0] for m in matches]
    en_names = [m[1] for m in matches]
    return (terms.grams(ar, folder.arabic, terms.ARABIC_STOP, ar_names, modifiers=ar_modifiers, head_first=True),
            terms.grams(en, folder.english, terms.ENGLISH_STOP, en_names,
                        capital_runs(en, en_names, terms.ENGLISH_STOP), en_modifiers))


def _example(text: str, path: str, line: int, exact: bool, start: int, end: int) -> Example:
    line_of = line + text.count("\n", 0, start) if exact else line
    left = max(0, start - CONTEXT)
    right = min(len(text), end + CONTEXT)
    context = " ".join(text[left:right].split())
    if left:
        context = "…" + context
    if right < len(text):
        context += "…"
    return Example(path, line_of, context)

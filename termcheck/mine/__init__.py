"""`termcheck glossary mine`: propose the house glossary from the copy a team already has.

    candidates = mine(pairs, min_count=2, existing=None)

The model, one module per step:
- sources: article pairs aligned by termcheck's aligner, and translation units -> `Pair`s (stream);
- tokens, fold: words in punctuation-free chunks, counted under keys that fold Arabic clitics and
  inflection (checked against the copy's own vocabulary) and English plurals;
- names: English capitalized runs paired with Arabic n-grams of the same consonant skeleton;
- terms: n-grams associated across pairs (Dice, G2), linked competitively;
- concepts: spellings grouped (transliteration key, Arabic spelling key), statuses by a count rule,
  confidence and rank;
- monolingual: English-only copy adds spellings (and counts) to the names found;
- existing (here): with --existing, known forms are dropped and new spellings of known concepts are
  proposed under the known concept's id;
- render: CSV in the glossary contract (evidence in `note`), JSON and HTML for review.
Calibration and measured precision/recall: bench/eval_mine.py and tests/test_mine_*.py.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from termcheck.mine.candidate import Candidate, Spelling
from termcheck.mine.concepts import name_candidates, term_candidates
from termcheck.mine.miner import Miner
from termcheck.mine.monolingual import add_english_copy
from termcheck.mine.sources import Pair
from termcheck.model import Glossary, Status
from termcheck.text.normalize import normalize_form

__all__ = ["Candidate", "Mined", "Spelling", "mine"]


@dataclass
class Mined:
    candidates: list[Candidate]  # best first
    pairs: int  # aligned pairs read


def mine(pairs: Iterable[Pair], *, min_count: int = 2, existing: Glossary | None = None,
         english: Iterable[tuple[str, str]] = (),
         progress: Callable[[int], None] | None = None) -> Mined:
    """Candidate concepts, best first. `english`: (path, text) of English-only copy, for more
    spellings of the names found. `progress(n)` is called with the number of pairs read."""
    miner = Miner(min_count)
    try:
        for number, pair in enumerate(pairs, 1):
            miner.add(pair)
            if progress is not None and number % 100 == 0:
                progress(number)
        names, table, linked = miner.run()
    finally:
        miner.close()

    def occurrences(lang: str, form: str) -> int:
        """How often a form is written (its rarest word's count: an upper bound, fast)."""
        if lang == "en":
            return min((miner.en_vocabulary.get(w.lower(), 0) for w in form.split()), default=0)
        return min((miner.ar_vocabulary.get(w, 0) for w in normalize_form(form).split()), default=0)

    order = lambda c: (-c.score, -c.pairs, c.preferred("en"))  # noqa: E731
    # Names claim their forms first: a transliteration is better evidence than co-occurrence.
    terms = term_candidates(table, linked, miner.min_count, miner.en_lowercase, miner.en_capitalized, miner.alternatives)
    names_ = _whole_names(name_candidates(names, occurrences, miner.min_count), terms, miner.name_pieces)
    add_english_copy(names_, english)
    candidates = _distinct(sorted(names_, key=order) + sorted(terms, key=order))
    candidates.sort(key=order)
    _no_forbidden_inside(candidates)
    if existing is not None:
        candidates = _new_only(candidates, existing)
    return Mined(candidates, miner.pairs)


PIECE_SHARE = 0.75


def _whole_names(names: list[Candidate], terms: list[Candidate], pieces) -> list[Candidate]:
    """Names that are not pieces of a longer name, in at least PIECE_SHARE of their pairs: of a term
    (Tahrir / التحرير, written inside Tahrir Square / ساحة التحرير), or of a capitalized run that goes
    on after them where the name pairing explains no more (Quds in Quds Force: القدس alone is
    Jerusalem). `pieces`: English spelling (lower case) -> pairs in which such a run goes on."""
    def inside(short: str, long: str) -> bool:
        return short != long and f" {normalize_form(short)} " in f" {normalize_form(long)} "

    kept = []
    for name in names:
        en, ar = name.preferred("en"), name.preferred("ar")
        if any(inside(en, t.preferred("en")) and inside(ar, t.preferred("ar")) and t.pairs >= PIECE_SHARE * name.pairs
               for t in terms):
            continue
        if sum(pieces[s.text.lower()] for s in name.en) >= PIECE_SHARE * name.pairs:
            continue
        kept.append(name)
    return kept


def _distinct(candidates: list[Candidate]) -> list[Candidate]:
    """Each form in one candidate only (the better ranked; names before terms at a tie), so the
    result is a valid glossary: no form both preferred here and forbidden there (TC003), no two
    concepts with the same forms (TC002)."""
    taken: set[tuple[str, str]] = set()
    kept = []
    for candidate in candidates:
        for lang in ("en", "ar"):
            forms = [s for s in getattr(candidate, lang) if (lang, normalize_form(s.text)) not in taken]
            if forms and forms[0].status is not Status.PREFERRED:
                forms[0].status = Status.PREFERRED
            setattr(candidate, lang, forms)
        if not candidate.en or not candidate.ar:
            continue
        for lang in ("en", "ar"):
            taken.update((lang, normalize_form(s.text)) for s in getattr(candidate, lang))
        kept.append(candidate)
    return kept


def _no_forbidden_inside(candidates: list[Candidate]) -> None:
    """A rare spelling that stands, as whole words, inside another candidate's preferred form is not
    proposed as forbidden (TC005: forbidding it would flag that other term): استراتيجيات inside
    إستراتيجيات التباعد الاجتماعي, ECDC inside ECDC rapid risk assessment."""
    preferred = {lang: [(id(c), f" {normalize_form(c.preferred(lang))} ") for c in candidates] for lang in ("en", "ar")}
    for candidate in candidates:
        for lang in ("en", "ar"):
            spellings = getattr(candidate, lang)
            kept = [s for s in spellings if s.status is not Status.FORBIDDEN
                    or not any(owner != id(candidate) and f" {normalize_form(s.text)} " in text
                               for owner, text in preferred[lang])]
            setattr(candidate, lang, kept)


def _new_only(candidates: list[Candidate], glossary: Glossary) -> list[Candidate]:
    """Drop known forms; a candidate with known forms of one concept keeps only its new spellings,
    under that concept's id."""
    from termcheck.match import Matcher

    matcher = Matcher(glossary)

    def concept_of(text: str) -> str | None:
        for match in matcher.find(text):
            if match.start == 0 and match.end == len(text):
                return match.concepts[0].key
        return None

    kept = []
    for candidate in candidates:
        known = {}
        for lang in ("en", "ar"):
            for spelling in getattr(candidate, lang):
                key = concept_of(spelling.text)
                if key is not None:
                    known[(lang, spelling.text)] = key
        if not known:
            kept.append(candidate)
            continue
        concepts = set(known.values())
        if len(concepts) > 1:
            continue  # its forms belong to two known concepts: nothing new to say safely
        concept = next(iter(concepts))
        new_en = [s for s in candidate.en if ("en", s.text) not in known]
        new_ar = [s for s in candidate.ar if ("ar", s.text) not in known]
        if not new_en and not new_ar:
            continue
        for spelling in new_en + new_ar:
            if spelling.status is Status.PREFERRED:
                spelling.status = Status.ALLOWED  # the glossary already prefers a form
        candidate.en, candidate.ar, candidate.known = new_en, new_ar, concept
        kept.append(candidate)
    return kept

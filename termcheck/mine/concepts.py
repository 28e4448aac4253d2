"""From counted pairings to candidate concepts: group the spellings, give each its status, rank.

Names: every (Arabic form, English spelling) the skeleton pairing found is an edge between the
Arabic form's spelling key (normalized, with ى/ي and ة/ه folded: hamza and loanword-letter variants
meet) and the English spelling's transliteration key (termcheck.text.translit: al-Muhandis and
al-Mohandes meet); a connected group of keys is one candidate concept. Terms: each linked n-gram pair
(termcheck.mine.terms) is one candidate, its spellings the forms as written.

Which spelling is which (the rule, for both languages):
- `en` / `ar`: the spelling the --existing glossary prefers when the copy uses it, else the most used
  (a tie: the one seen first);
- `*_allowed`: another spelling used at least ALLOWED_SHARE times as often as the preferred one, and
  at least twice (the desk writes it too: a real alternative, for a reviewer to keep or forbid);
- `*_forbidden`: a rarer spelling, or one seen once (al-Mohandes ×2 against al-Muhandis ×12: a slip
  to catch).
English spellings that differ only in case are one spelling (the commonest case is shown), and so
are Arabic spellings of a name that differ only by the article (السارس, سارس); for
terms, case, plural and clitic variants are inflections the matcher already folds and are not
listed, only spellings that differ otherwise (hamza, ى/ي, ة/ه).

A name's rarer spelling is proposed only when at least VARIANT_SHARE of its occurrences in the copy
were paired with this name (مارس, March, paired by chance with MERS is not a spelling of MERS); an
Arabic spelling that differs only by hamza is always the same name.

A surname with the article that ends exactly one longer name (al-Jubouri, Salam al-Jubouri) is that
name's allowed short form.

Confidence: names, the share of the English spelling's occurrences in which its Arabic was found by
skeleton (below NAME_MIN_CONFIDENCE the pairing is chance: March and الأمريكية share MRK); terms, Dice. Rank: confidence x log2(1 + pairs) (frequent and consistent first); a
candidate below the min-count of pairs is not proposed. Names rank NAME_WEIGHT higher: the
transliteration is evidence of its own, beside the counts.
"""

from __future__ import annotations

import math
import re
from collections import Counter

from termcheck.mine.candidate import Candidate, Spelling
from termcheck.model import Status
from termcheck.text.arabic import PROCLITICS, strip_article
from termcheck.text.normalize import normalize_form
from termcheck.text.translit import translit_key

ALLOWED_SHARE = 1 / 3
NAME_WEIGHT = 1.5  # a transliteration is stronger evidence than co-occurrence: names rank higher
VARIANT_SHARE = 1 / 2
NAME_MIN_CONFIDENCE = 0.3


class _Groups:
    """Union-find over hashable keys."""

    def __init__(self) -> None:
        self.parent: dict = {}

    def find(self, x):
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a, b) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[rb] = ra


def without_article(form: str) -> str:
    """An Arabic form with ال taken off each word (السارس and سارس are one spelling: the article is
    grammar, and the matcher folds it)."""
    return " ".join(strip_article(w) for w in form.split())


def arabic_spelling_key(form: str) -> str:
    return normalize_form(form, fold_alef_maqsura=True, fold_ta_marbuta=True)


def english_spelling_key(form: str) -> str:
    return translit_key(form) or form.lower()


def name_candidates(names, occurrences, min_count: int) -> list[Candidate]:
    """`names`: {(ar form, en form): (Arabic Occurrences, English Occurrences)}; `occurrences(lang,
    form)`: how often the form is written in the copy at all (paired or not)."""
    groups = _Groups()
    for ar_form, en_form in names:
        groups.union(("ar", arabic_spelling_key(ar_form)), ("en", english_spelling_key(en_form)))
    short, exact_short = _short_forms(names, groups)
    members: dict = {}
    for (ar_form, en_form), sides in names.items():
        members.setdefault(groups.find(("ar", arabic_spelling_key(ar_form))), []).append(sides)
    found = []
    for occurrence_list in members.values():
        ar_sides = [o[0] for o in occurrence_list]
        ar = _merge(ar_sides, same=without_article, rewrite=_proclitic_shedder(ar_sides))
        en = _underived(_merge([o[1] for o in occurrence_list], fold_case=True))
        pairs = sum(count for _, count, _ in en)
        if pairs < min_count:
            continue
        ar = _full_first(ar, short)
        en = _full_first(en, short)
        confidence = min(1.0, en[0][1] / max(1, occurrences("en", en[0][0])))
        if confidence < NAME_MIN_CONFIDENCE:
            continue  # March / الأمريكية share MRK six times out of fifty: chance, not a name
        # A rarer spelling is proposed only when it is mostly written for this name: مارس (March)
        # paired five times with MERS but written forty times is a chance match, not a variant.
        ar = ar[:1] + [s for s in ar[1:] if normalize_form(s[0]) == normalize_form(ar[0][0])
                       or s[1] >= VARIANT_SHARE * occurrences("ar", s[0])]
        en = en[:1] + [s for s in en[1:] if s[1] >= VARIANT_SHARE * occurrences("en", s[0])]
        found.append(Candidate("name", _statuses(en, exact_short), _statuses(ar, exact_short), pairs, round(confidence, 3),
                               round(NAME_WEIGHT * confidence * math.log2(1 + pairs), 3)))
    return found


# English endings that derive a word from a name (Bangladesh -> Bangladeshi, Iraq -> Iraqis, China
# -> Chinese): the same consonants, so the skeleton pairs them with the name's Arabic, but another word.
_DERIVING = ("i", "is", "ian", "ians", "ese", "s")


def _underived(spellings):
    """Spellings less those that are another spelling plus a deriving ending (Bangladeshi is not a
    spelling of Bangladesh); the base keeps its own count."""
    bases = {text.lower() for text, _, _ in spellings}
    return [s for s in spellings
            if not any(s[0].lower().endswith(end) and s[0].lower()[: -len(end)] in bases for end in _DERIVING)]


def _short_forms(names, groups: _Groups) -> tuple[set[str], set[str]]:
    """Surnames with the article (al-Jubouri / الجبوري) that end exactly one longer name (Salam
    al-Jubouri / سلام الجبوري): joined to that name's group, and returned (their spellings) so that
    they are listed after the full name, never as its preferred form. The second set: the short
    spellings that are written exactly as the full name ends, the allowed short forms; one spelt
    otherwise (al-Saedi after Hussein Ali al-Saadi) takes its status by the count rule, like any
    other variant. A surname that ends two names (al-Sudani: the prime minister, a reporter) stays
    a candidate of its own."""
    longer = [(english_spelling_key(en), arabic_spelling_key(ar), ar) for ar, en in names if " " in en.strip()]
    written_ends = {" " + form.split(" ")[-1] for pair in names for form in pair if " " in form.strip()}
    shorts: set[str] = set()
    exact: set[str] = set()
    for ar_form, en_form in names:
        if " " in en_form.strip() or not en_form.lower().startswith(("al-", "el-")):
            continue
        en_key, ar_key = english_spelling_key(en_form), arabic_spelling_key(ar_form)
        roots = {groups.find(("ar", long_ar)) for long_en, long_ar, _ in longer
                 if long_en.endswith(" " + en_key) and long_ar.endswith(" " + ar_key)}
        if len(roots) == 1:
            groups.union(next(iter(roots)), ("ar", ar_key))
            shorts.update((ar_form, en_form))
            exact.update(form for form in (ar_form, en_form) if " " + form in written_ends)
    return shorts, exact


def _full_first(spellings, short: set[str]):
    """Full forms before short forms, each by count."""
    return sorted(spellings, key=lambda s: (s[0] in short, -s[1]))


def term_candidates(table, linked, min_count: int, lowercase: set[str] = frozenset(),
                    capitalized: set[str] = frozenset(), framed=frozenset()) -> list[Candidate]:
    """`lowercase`: the English words the copy writes in lower case (a capital it gives them
    elsewhere opens a sentence); `capitalized`: those it writes with a capital inside a sentence;
    `framed`: the (Arabic, English) keys of terms framed around a name, whose Arabic spellings are
    all listed (فيلق القدس, قوة القدس: two renderings, not inflections)."""
    ar_side, en_side = linked
    found = []
    for score, a, e, together, dice, _g2 in table:
        ar = _merge([ar_side[(a, e)]])
        en = _merge([en_side[(a, e)]], fold_case=True)
        if not ar or not en or together < min_count:
            continue
        en_forms = _one_english(en, e, lowercase)
        if " " not in en_forms[0].text and en_forms[0].text.islower() and together < min_count + WORD_EXTRA_COUNT:
            continue  # an everyday word beside its translation a few times is chance, not a term
        ar_forms = _statuses(ar) if (a, e) in framed else _hamza_variants(ar)
        found.append(Candidate("term", en_forms, ar_forms, together, round(dice, 3),
                               round(score * shape_weight(en_forms[0].text, lowercase, capitalized)
                                     * math.log2(1 + together), 3)))
    return found


# What a glossary holds, by the English form's shape: a translated proper name (Popular Mobilization
# Commission, Badr Organization) or an acronym nearly always; a multiword term (armed factions,
# incubation period) often; a single lower-case word (salaries, statement) least often, though
# some are terms (pandemic, quarantine). Calibrated by eye on the bundled corpora and TICO-19.
PROPER_WEIGHT, PHRASE_WEIGHT, WORD_WEIGHT = 1.2, 1.0, 0.75
# A single lower-case word needs this many pairs more than the min-count: an everyday word stands
# beside its translation a few times in any copy (salaries / رواتب, statement / بيان).
WORD_EXTRA_COUNT = 2


def shape_weight(english: str, lowercase: set[str] = frozenset(), capitalized: set[str] = frozenset()) -> float:
    """One word with a capital inside sentences and never in lower case is a proper noun
    (Washington, Singapore), weighted as a name."""
    words = english.split()
    if len(words) == 1 and english in capitalized and english.lower() not in lowercase:
        return PROPER_WEIGHT
    if all(w[:1].isupper() or w.lower() in ("of", "and", "for", "the", "al", "el") or w.lower().startswith("al-")
           for w in words) and (len(words) > 1 or words[0].isupper()):
        return PROPER_WEIGHT
    return PHRASE_WEIGHT if len(words) > 1 else WORD_WEIGHT


def _proclitic_shedder(occurrence_list):
    """A function that takes a one-letter proclitic off an Arabic spelling when what is left is
    another spelling of the same name, hamza and article aside (وام قصر is و + ام قصر beside أم قصر:
    a hamza variant after a conjunction, not a spelling of its own)."""
    texts = {text for occurrences in occurrence_list for text in occurrences.counts}
    keys = {arabic_spelling_key(without_article(t)) for t in texts}

    def shed(text: str) -> str:
        if text[:1] in _ONE_LETTER_PROCLITICS and len(text.split()[0]) > 2:
            rest = text[1:]
            if arabic_spelling_key(without_article(rest)) in keys:
                return rest
        return text

    return shed


_ONE_LETTER_PROCLITICS = frozenset(p for p in PROCLITICS if len(p) == 1)


def _merge(occurrence_list, fold_case: bool = False, same=None, rewrite=None) -> list[tuple[str, int, list]]:
    """[(spelling, count, examples)], commonest first; case variants merged when `fold_case`, and
    spellings with the same `same(text)` key merged under the commonest; `rewrite` first turns a
    spelling into the one it stands for."""
    counts: Counter = Counter()
    examples: dict[str, list] = {}
    variants: dict[str, Counter] = {}
    for occurrences in occurrence_list:
        for written, count in occurrences.counts.items():
            text = rewrite(written) if rewrite else written
            key = text.lower() if fold_case else (same(text) if same else text)
            counts[key] += count
            variants.setdefault(key, Counter())[text] += count
            examples.setdefault(key, [])
            for example in occurrences.examples[written]:
                if len(examples[key]) < 3 and all(str(x) != str(example) for x in examples[key]):
                    examples[key].append(example)
    merged = [(variants[k].most_common(1)[0][0], c, examples[k]) for k, c in counts.items()]
    merged.sort(key=lambda s: -s[1])
    return merged


def _statuses(spellings, short: set[str] = frozenset()) -> list[Spelling]:
    top = spellings[0][1]
    result = []
    for i, (text, count, examples) in enumerate(spellings):
        if i == 0:
            status = Status.PREFERRED
        elif text in short:
            status = Status.ALLOWED
        elif count >= max(2, ALLOWED_SHARE * top):
            status = Status.ALLOWED
        else:
            status = Status.FORBIDDEN
        result.append(Spelling(text, count, status, list(examples)))
    return result


def _one_english(spellings, key: str, lowercase: set[str] = frozenset()) -> list[Spelling]:
    """A term's English: one spelling, the singular the key names when the copy writes it, in lower
    case when its capital only opens a sentence (Officials say, Analysts: the copy writes the word
    in lower case elsewhere)."""
    total = sum(c for _, c, _ in spellings)
    examples = [x for _, _, xs in spellings for x in xs][:3]
    singular = [s for s in spellings if s[0].lower() == key]
    text = (singular or spellings)[0][0]
    if text[:1].isupper() and text[1:].islower() and (any(s[0][:1].islower() for s in spellings)
                                                       or text.split()[0].lower() in lowercase):
        text = text[0].lower() + text[1:]  # a sentence start, not a name
    return [Spelling(text, total, Status.PREFERRED, examples)]


_ARABIC_ONLY = re.compile("[^\u0621-\u064a ]")


def _hamza_variants(spellings) -> list[Spelling]:
    """A term's Arabic: the commonest spelling, and spellings that differ from it only where
    normalization folds (hamza on alef) as variants by the status rule; other forms are inflections."""
    top = spellings[0]
    key = normalize_form(top[0])
    keep = [top] + [s for s in spellings[1:] if normalize_form(s[0]) == key and s[0] != top[0]]
    total = sum(c for _, c, _ in spellings)
    keep[0] = (top[0], total - sum(c for _, c, _ in keep[1:]), top[2])
    return _statuses(keep)

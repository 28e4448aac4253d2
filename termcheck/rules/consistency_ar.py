"""TC104 on Arabic text: a foreign name written with two letterings in one document.

Arabic renders sounds it lacks with competing letters: /g/ as غ, ج or ك (البنتاغون, البنتاجون),
/v/ as ف or ڤ, /p/ as ب or پ. Two stems of one document that differ only by such letters are one
name written two ways. Native words are kept apart by design: only these letter classes are
folded, both stems must be at least six letters long after the article and proclitics are
taken off (`termcheck.text.arabic.strip_proclitics`), and both spellings must occur in the same
document (غرب and جرب never meet). A transliteration also writes a long vowel or leaves it out
(فيغيريدو / فيغويريدو): stems one و or ي apart are one name where that letter cannot be a native
pattern's (`_joined_by_a_long_vowel`). A group whose other spellings are all forbidden forms is
TC101's (رودريجو beside the house رودريغو): the translator is told once. Where one spelling is the
glossary's, it is the one kept, however often the other is written (a blind flood pair's سولبرغ);
spellings the glossary all accepts are no finding (إريتريا and its allowed إرتريا). A name written as
one word and as two may have الله for its second word (دفع الله / دفعالله).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from termcheck.contexts import DocumentContext
from termcheck.model import Finding, Status
from termcheck.rules.consistency import more_often, spelling_group_finding
from termcheck.text.arabic import ARTICLE, CONJUNCTIONS, ENCLITICS, FUNCTION_WORDS, PREPOSITIONS, strip_proclitics
from termcheck.text.normalize import normalize_form, without_marks

_WORD = re.compile("[\u0621-\u064a\u0640\u064b-\u065f\u0670\u067e\u06a4\u06a9\u06af\u06cc]+")
_FOREIGN_SOUNDS = str.maketrans({"غ": "ج", "گ": "ج", "ڤ": "ف", "پ": "ب"})
MIN_STEM = 6  # five-letter native pairs collide (إفراغ / إفراج); loanword names are longer


@dataclass(frozen=True)
class _Word:
    start: int
    end: int
    text: str  # the original word, marks included


@lru_cache(maxsize=1 << 16)
def _normalized(word: str) -> str:
    return normalize_form(word)


@lru_cache(maxsize=1 << 16)  # a text repeats its words, and the finding asks again
def _stem(word: str) -> str:
    """The word without its proclitics and article (termcheck.text.arabic, the one clitic table)."""
    return strip_proclitics(normalize_form(word))


def inconsistent_arabic_spellings(ctx: DocumentContext) -> Iterator[Finding]:
    if ctx.doc.lang != "ar":
        return
    groups: dict[str, dict[str, list[_Word]]] = {}
    raw_keys: dict[str, str] = {}  # the word with its first letters kept (و of ويتفيلد) -> its group key
    bare_alef: set[str] = set()  # raw keys whose second letter is written ا, no hamza seat (وايتفيلد)
    vocabulary: set[str] = set()  # stems that may be a name written as one word (_written_apart)
    for match in _WORD.finditer(ctx.text):
        stem = _stem(match.group())
        if len(stem) < MIN_STEM:
            if len(stem) >= MIN_JOINED:
                vocabulary.add(stem)
            continue
        vocabulary.add(stem)
        key = stem.translate(_FOREIGN_SOUNDS)
        groups.setdefault(key, {}).setdefault(stem, []).append(_Word(match.start(), match.end(), match.group()))
        raw = normalize_form(match.group()).translate(_FOREIGN_SOUNDS)
        raw_keys.setdefault(raw, key)
        if without_marks(match.group())[1:2] == "\u0627":
            bare_alef.add(raw)
    groups = _joined_by_a_long_vowel(groups, raw_keys, bare_alef)
    groups.update(_written_apart(ctx.text, vocabulary))
    forbidden: list[tuple[int, int]] | None = None
    accepted: list[tuple[int, int]] | None = None
    for spellings in groups.values():
        if len(spellings) < 2:
            continue
        occurrences = sorted((w for ws in spellings.values() for w in ws), key=lambda w: w.start)
        if accepted is None:
            accepted = [(m.start, m.end) for m in ctx.matches
                        if any(e.term.status is not Status.FORBIDDEN for e in m.entries)]
        listed = [k for k, ws in spellings.items() if any(_inside(w, accepted) for w in ws)]
        if len(listed) == len(spellings):
            continue  # the glossary accepts every spelling (إريتريا and its allowed إرتريا)
        # the glossary's spelling is the one to keep, however often the other is written (سولبرغ, listed,
        # beside سولبيرغ: a blind flood pair asked to write the unlisted one throughout)
        majority = listed[0] if len(listed) == 1 else max(spellings, key=lambda k: (len(spellings[k]), -spellings[k][0].start))
        others = [w for w in occurrences if _stem(w.text) != majority]
        if forbidden is None:
            forbidden = [(m.start, m.end) for m in ctx.forbidden_matches]
        if all(_inside(w, forbidden) for w in others):
            continue  # every other spelling is a forbidden form: TC101 reports each, with the house form
        yield spelling_group_finding(ctx.doc, spellings, others[0], spellings[majority][0].text, None,
                                     decided=len(listed) == 1 or more_often(spellings, majority))


def _written_apart(text: str, vocabulary: set[str]) -> dict[str, dict[str, list[_Word]]]:
    """A name written as one word and as two (تلعفر / تل عفر, a blind drought pair): a short word
    (SPLIT_HEAD letters), one space and another word whose letters, the first's clitics aside, are
    a stem of `vocabulary` (the document's words written as one). Function words never join (ما زال
    / مازال is a spelling of a verb, not a name), nor a noun and its adjective (the second word with
    the article: بنك الاستثمار). The pairs are found by one regular expression; the words written as
    one are gathered again only for the names found split."""
    split: dict[str, list[_Word]] = {}
    for pair in _SHORT_HEAD_PAIR.finditer(text):
        first, second = pair.group(1), pair.group(2)
        head, tail = _head(first, second, vocabulary), _normalized(second)
        joined = head + tail
        if joined in vocabulary and head not in FUNCTION_WORDS and tail not in FUNCTION_WORDS \
                and (not tail.startswith(ARTICLE) or tail == _ALLAH) and len(head) >= 2 and len(tail) >= 2:
            end = pair.end(1) + 1 + len(second)
            split.setdefault(joined, []).append(_Word(pair.start(1), end, text[pair.start(1):end]))
    if not split:
        return {}
    whole: dict[str, list[_Word]] = {}
    for match in _WORD.finditer(text):
        stem = _stem(match.group())
        if stem in split:
            whole.setdefault(stem, []).append(_Word(match.start(), match.end(), match.group()))
    groups: dict[str, dict[str, list[_Word]]] = {}
    for joined, apart in split.items():
        if joined not in whole:
            continue
        group = groups.setdefault("\x00" + joined, {joined: whole[joined]})
        for word in apart:
            first, second = word.text.split(" ")
            group.setdefault(_head(first, second, vocabulary) + " " + _normalized(second), []).append(word)
    return groups


def _head(first: str, second: str, vocabulary: set[str]) -> str:
    """The first word of a name written apart, without its clitics: a short one keeps a glued conjunction
    or preposition to _stem (وأم of وأم درمان, too short to strip), so one letter of them is taken off
    here when the rest joined to the second word is a word of the document (أمدرمان)."""
    head = _stem(first)
    normalized = _normalized(first)
    if head == normalized and len(head) >= 3 and head[0] in _ONE_LETTER_CLITICS \
            and head[1:] + _normalized(second) in vocabulary:
        return head[1:]
    return head


_ONE_LETTER_CLITICS = frozenset(CONJUNCTIONS + PREPOSITIONS)


_ALLAH = "\u0627\u0644\u0644\u0647"  # الله: names joined to it are written as one word or two (دفع الله / دفعالله)
# A short first word (with its clitics: وتل), one space, a second word; overlapping (a lookahead).
SPLIT_HEAD = 5
_ARABIC_LETTERS = "\u0621-\u064a"
_SHORT_HEAD_PAIR = re.compile(f"(?<![{_ARABIC_LETTERS}\u0640\u064b-\u065f])([{_ARABIC_LETTERS}]{{2,{SPLIT_HEAD}}}) "
                              f"(?=(?!\u0627\u0644(?!\u0644\u0647(?![{_ARABIC_LETTERS}])))([{_ARABIC_LETTERS}]{{2,}}))")
# not ال: an adjective; but الله, a name's second word
MIN_JOINED = 5  # تلعفر; four-letter joins are native words (لكن / لك ن)


def _joined_by_a_long_vowel(groups: dict[str, dict[str, list[_Word]]], raw_keys: dict[str, str],
                            bare_alef: set[str]) -> dict[str, dict[str, list[_Word]]]:
    """Groups whose keys differ by one long vowel a transliteration may write or not (كستريل /
    كيستريل, فيغيريدو / فيغويريدو: two blind pairs), joined. Native pairs that differ so are kept apart by
    where the letter stands (`_optional_vowels`): never first or in the last two letters (يحتاجا /
    يحتاجوا, تقريبا / تقريبيا), never doubling a neighbour (تغيرات / تغييرات), never before a pronoun
    (مضيفها / مضيفيها), and not as the fourth letter of a seven-letter stem (_NATIVE_PATTERN_LENGTH).
    An alef only right after the first letter and where the word writes it bare (ويتفيلد / وايتفيلد,
    a third blind pair): once normalized it may have been a hamza's seat, a consonant (تثيرها /
    تأثيرها). On the Arabic of the whole TICO-19 memory taken as
    one text (3,071 units): 13 groups, all loanwords and names (بوليمراز / بوليميراز, لمفاوية /
    ليمفاوية, كلوروكين / كلوروكوين, ميلندا / ميليندا, ريبونوكلياز / ريبونيوكلياز)."""
    parent: dict[str, str] = {}

    def root(key: str) -> str:
        while parent.get(key, key) != key:
            key = parent[key]
        return key

    for keys, second_letter_only in ((dict.fromkeys(groups), False), (raw_keys, True)):
        for longer in keys:
            for shorter in _optional_vowels(longer, second_letter_only, second_letter_only and longer in bare_alef):
                if shorter in keys:
                    a, b = root(raw_keys.get(longer, longer)), root(raw_keys.get(shorter, shorter))
                    if a != b and a in groups and b in groups:
                        parent[b] = a
    if not parent:
        return groups
    joined: dict[str, dict[str, list[_Word]]] = {}
    for key, spellings in groups.items():
        target = joined.setdefault(root(key), {})
        for stem, words in spellings.items():
            target.setdefault(stem, []).extend(words)
    return joined


_PRONOUNS = frozenset(ENCLITICS)


def _optional_vowels(key: str, second_letter_only: bool = False, alef: bool = False) -> Iterator[str]:
    """`key` less one long vowel a transliteration may leave out (see _joined_by_a_long_vowel); in
    a word with its clitics (`second_letter_only`) only right after its first letter, which a stem
    would have cut off as a proclitic (و of ويتفيلد / وايتفيلد, ك of كستريل / كيستريل), and there
    an alef too where the word writes it bare (`alef`: وايتفيلد, not the hamza seat of تأثيرها)."""
    if len(key) <= MIN_STEM:
        return
    for i in range(1, 2 if second_letter_only else len(key) - 2):
        letter = key[i]
        if (letter in "\u0648\u064a" or (alef and letter == "\u0627")) and letter not in (key[i - 1], key[i + 1]) \
                and key[i + 1:] not in _PRONOUNS and (i != 3 or len(key) > _NATIVE_PATTERN_LENGTH):
            yield key[:i] + key[i + 1:]


# A seven-letter stem with و or ي as its fourth letter is a native pattern more often than a
# loanword: تفعيل against تفعّل (تحسينات / تحسنات, توفيرها / توفرها), مفعول (معلومات / معلمات),
# فعول (هندوسية / هندسية). On TICO-19's Arabic as one text: 9 such pairs, all native.
_NATIVE_PATTERN_LENGTH = 7


def _inside(word: _Word, spans: list[tuple[int, int]]) -> bool:
    at = bisect.bisect_right(spans, (word.start, float("inf"))) - 1
    return at >= 0 and spans[at][0] <= word.start and word.end <= spans[at][1]

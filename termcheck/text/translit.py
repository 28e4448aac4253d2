"""Transliteration key: one string for the many Latin spellings of one Arabic name.

Two spellings with the same key (or keys one edit apart, see `near_keys`) are treated as the same
name written two ways. The key folds only the alternations that romanization actually produces
(see shared/house-style/arabic-names.md); it does NOT merge all vowels, so Hassan and Hussein,
Sudan and Sudani stay apart.

Steps, in order (each word of the text separately, so the key of a phrase is the keys of its
words joined by spaces):

1. lower case; Latin diacritics folded (ā -> a, ḥ -> h); apostrophes, ʿayn and hamza marks dropped
   (Kata'ib -> kataib); hyphen variants unified.
2. the article: `al-`, `el-`, `al `, `Al-` and the assimilated `ad-Din`, `ash-Sham`, `ar-Rashid`
   (a + the next word's first consonant + hyphen) all become the word "al";
   `Abdul`, `Abdel`, `Abdur`, `Abd al-`, `Abdulaziz`, `Abdurrahman` become "abd al ..." and the word
   `Allah` becomes "al lah" (Abdullah = Abd Allah = Abdallah).
3. remaining hyphens separate words.
4. in each word: ph -> f, dj -> j, ck/q -> k; dh, th, zh, z -> z;
   ou, oo -> u; ee -> i; ae -> a (an ʿayn between vowels: Saedi = Saadi); ai, ay, ei, ey -> ay; then o -> u, e -> i; an i before a or u takes
   the glide y (Shia = Shiya, Ziad = Ziyad);
   a final y after a consonant -> i (Gadafy = Gadafi, Hady = Hadi);
   doubled letters collapse (Qassem = Qasem); a final h after a vowel is dropped (Basrah = Basra).
   kh, sh and gh are kept; g stays apart from k and j (Gamal is not Kamal).
   A Roman numeral written in capitals (II, III, IV) is kept in capitals, unfolded.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import chain

from termcheck.text.normalize import normalize_form

# The article as Latin copy writes it before a name: al-/el- and the assimilated ad-, ash-, ar- ...,
# joined by a hyphen (rules.variants reads names with it; text.segment a name that starts a sentence).
HYPHENS = "-\u2010\u2011"
ARTICLE_PREFIX = rf"(?:[aAeE]l|[aA](?:th|dh|sh|[tdrzsn]))[{HYPHENS}]"

_APOSTROPHE_RE = re.compile("['\u02bf\u02be\u02bc\u2019\u2018`\u2032\u02b9\u00b4\u02bb]")
# al-/el- joined by a hyphen, or al/el standing alone before a word ("Al Saud", "el Sisi").
_ARTICLE_RE = re.compile(r"(?<![a-z])[ae]l(?:-| (?=[a-z]))")
# Sun-letter assimilation: ad-Din, ash-Shams, ar-Rashid, az-Zawahiri (article consonant doubled).
_ASSIMILATED_RE = re.compile(r"(?<![a-z])a(th|dh|sh|[tdrzsn])-(?=\1)")
_ABD_WHOLE_RE = re.compile(r"abd[aeiou](?:l|r|s|sh|t|d|z|n)")
_ABD_PREFIX_RE = re.compile(r"abd[aeiou](?:l(?=..)|r(?=r.))")

# Word-internal folds, applied in this order. Digraphs first so that e.g. "ei" is seen before e -> i.
_FOLDS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), replacement)
    for pattern, replacement in (
        (r"ph", "f"),
        (r"dj", "j"),
        (r"ck|q", "k"),
        (r"dh|th|zh", "z"),
        (r"ou|oo", "u"),
        (r"ee", "i"),
        (r"ae", "a"),
        (r"ai|ay|ei|ey", "ay"),
        (r"o", "u"),
        (r"e", "i"),
        (r"(?<=i)(?=[au])", "y"),
        (r"(?<=[^aiu])y$", "i"),
        (r"(.)\1+", r"\1"),
        (r"(?<=[aiu])h$", ""),
    )
)


# A fold can only apply when its word holds one of these (a necessary condition, tested at C
# speed): most folds do not apply to most words, and a regex call costs more than the test.
_FOLD_NEEDS = ("ph",), ("dj",), ("ck", "q"), ("h",), ("o",), ("ee",), ("ae",), ("i", "y"), ("o",), ("e",), ("i",), \
    ("y",), ("",), ("h",)
_GATED_FOLDS = tuple((needs, pattern, replacement) for needs, (pattern, replacement) in zip(_FOLD_NEEDS, _FOLDS))
assert len(_FOLD_NEEDS) == len(_FOLDS)

# Roman numerals in capitals keep their letters: Phase II and Phase III are two phases.
_ROMAN_RE = re.compile(r"(?<![A-Za-z])[IVXLC]{2,}(?![A-Za-z])")


@lru_cache(maxsize=1 << 16)
def translit_key(text: str) -> str:
    """The transliteration key of `text` (a name or a phrase); "" for text without letters."""
    numerals = _ROMAN_RE.findall(text)
    s = normalize_form(text)
    if not (s.isascii() and s.isalpha()):  # (the test costs less than the regexes: most names are plain words)
        # each regex only where the letters it needs are (a test at C speed; a sub costs more)
        if not s.isascii() or "'" in s or "`" in s:
            s = _APOSTROPHE_RE.sub("", s)
        if "l-" in s or "l " in s:
            s = _ARTICLE_RE.sub("al ", s)
        if "-" in s:
            s = _ASSIMILATED_RE.sub("al ", s)
    if numerals:
        romans = {w.lower() for w in numerals}
        words: list[str] = []
        for word in s.replace("-", " ").split():
            words.extend(_roman_word_key(word, romans))
        return " ".join(words)
    return " ".join(chain.from_iterable(map(_word_key, s.replace("-", " ").split())))  # words repeat: cached


def _roman_word_key(word: str, romans: set[str]) -> tuple[str, ...]:
    """_word_key, except that a Roman numeral of the text keeps its capitals (no edit of a numeral
    is a romanization: II/III), after an Abd- prefix too."""
    prefix = None if _ABD_WHOLE_RE.fullmatch(word) else _ABD_PREFIX_RE.match(word)
    head = word[prefix.end():] if prefix else word
    if head in romans:
        return ("abd", "al", head.upper()) if prefix else (head.upper(),)
    return _word_key(word)


@lru_cache(maxsize=1 << 16)
def _word_key(word: str) -> tuple[str, ...]:
    """The key words of one word of a text (not a Roman numeral of it: _roman_word_key)."""
    if _ABD_WHOLE_RE.fullmatch(word):
        return ("abd", "al")
    prefix = _ABD_PREFIX_RE.match(word)
    if prefix:
        return ("abd", "al", *_folded_word(word[prefix.end():]))
    return _folded_word(word)


def _folded_word(word: str) -> tuple[str, ...]:
    if word == "al":
        return (word,)
    if word in ("allah", "alah", "alla"):
        return ("al", "la")
    for needs, pattern, replacement in _GATED_FOLDS:
        for need in needs:
            if need in word:
                word = pattern.sub(replacement, word)
                break
    return (word,) if word else ()


@lru_cache(maxsize=1 << 16)  # asked again and again for the same keys (TC102, TC104)
def key_weight(key: str) -> int:
    """Letters of a key, not counting spaces and the article: what a near match may differ in."""
    return sum(len(w) for w in key.split(" ") if w != "al")


# Near keys: one edit (insert, delete or substitute one character) between keys that both weigh
# at least NEAR_MIN_WEIGHT letters, where the edit does not touch the first letter of a word
# (Sadr/Badr and Gamal/Jamal differ there and are different names), and is an edit that
# romanization makes: a vowel, glide or h put in, left out or changed (Hizbollah/Hizballah,
# Sadr/Sader, Shia/Shayaa), a diphthong for a long i (Ghoneim/Ghonim: ay/i), or one dental for
# another (Gaddafi/Gadhafi: d/dh, Uthman/Usman: th/s). Any other consonant edit makes another word: Monday/Muzday, Iceland/Ireland,
# Wikimedia/Wikipedia, Coronavirinae/Coronaviridae, an English plural (Vaccine/Vaccines).
NEAR_MIN_WEIGHT = 6
_SOFT_CLASSES = (frozenset("aiuywh"), frozenset("dzst"))
_SOFT_LETTERS = _SOFT_CLASSES[0]


def near_keys(a: str, b: str) -> bool:
    """True when `a` and `b` are different keys one non-initial romanization edit apart."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if key_weight(a) < NEAR_MIN_WEIGHT or key_weight(b) < NEAR_MIN_WEIGHT:
        return False
    if len(a) < len(b):
        a, b = b, a
    i = 0
    n = len(b)
    while i < n and a[i] == b[i]:
        i += 1
    if i == 0 or a[i - 1] == " ":
        return False
    if len(a) == len(b):
        return a[i + 1:] == b[i + 1:] and any(a[i] in c and b[i] in c for c in _SOFT_CLASSES)
    if a[i:i + 2] == "ay" and b[i:i + 1] == "i" and a[i + 2:] == b[i + 1:]:
        return True  # the diphthong for a long i (Ghoneim/Ghonim, Hussein/Husin): one sound, two letters
    return a[i + 1:] == b[i:] and a[i] in _SOFT_LETTERS


_SOFT_OR_DENTAL = str.maketrans({"a": None, "i": None, "u": None, "y": None, "w": None, "h": None,
                                 "z": "d", "s": "d", "t": "d"})


@lru_cache(maxsize=1 << 15)
def near_signature(key: str) -> str:
    """The key with what a near edit may change folded: after each word's first letter, vowels,
    glides and h dropped and the dentals made one. near_keys(a, b) implies equal signatures (its
    one edit is a soft letter put in, left out or changed, or one dental for another, never a
    word's first letter), so near keys are looked for only among the keys of one signature."""
    return " ".join(word[:1] + word[1:].translate(_SOFT_OR_DENTAL) for word in key.split(" "))

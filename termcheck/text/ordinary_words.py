"""Ordinary English words: capitalized text that is not a name (Monday, January, Police, Officials).

TC102 and TC104 look at capitalized runs for names. A word of the language at the start of a
sentence, a weekday or a month is not a transliteration variant of a glossary name even when its
transliteration key is one edit from one (Monday / Muzday, May / Maay, Police / Policy).

The list is the headword index of the GNU Collaborative International Dictionary of English 0.53
(Webster's 1913 with WordNet additions: 115,325 headwords), as the `english-words` package ships it
(a pickled set; the package is MIT, the GCIDE text GPL-3; termcheck uses it unmodified as an
installed dependency, nothing of it is copied here). We chose it over the alternatives after
measuring: `web2` (same package) marks proper nouns by case but lists them by the thousand (Omar,
Ahmed, Saad, Maliki, Sudani, Sistani) and has obscure lower-case words that are Arabic names
(raad, abbas); frequency lists (`wordfreq`, `pyspellchecker`) rank names like Hassan and Hussein
as common words. GCIDE headwords are capitalized by convention, so case says nothing and is
ignored. GCIDE does hold some loanwords that are also Arabic names (Amir, Mahdi, Sadr, Hakim,
Mohammed, Said): a caller excludes the words of its own glossary's forms, so that a house that
lists "Mohammed Shia al-Sudani" still has "Mohammed" checked as a name.

Headwords are lemmas; a word also counts when removing a regular English inflection (-s, -es,
-ies -> -y, -ed, -ing, -'s) gives a headword of at least five letters (Officials, Witnesses; not
Abbas, whose stem Abba is too short to trust).

The set is loaded on first use (about 25 ms), only when TC102 or TC104 look at names.
"""

from __future__ import annotations

import re
from functools import lru_cache

_APOSTROPHES = "'\u2019\u02bc\u02bf\u02be"
_HYPHENS = re.compile("[-\u2010\u2011]")
_ARTICLES = frozenset({"al", "el"})
_MIN_STEM = 5  # a shorter stem is too weak a reason (Abbas is not the Abba of the dictionary)


@lru_cache(maxsize=1)
def _headwords() -> set[str]:
    """The lower-cased headwords (a few hold a space: never equal to one token, so kept)."""
    from english_words import get_english_words_set  # imported here: only name rules need it

    return get_english_words_set(["gcide"], lower=True)


def _stems(word: str):
    yield word
    for suffix, replacement in (("ies", "y"), ("es", ""), ("s", ""), ("ed", ""), ("ed", "e"), ("ing", ""),
                                ("ing", "e")):
        if word.endswith(suffix) and len(word) - len(suffix) + len(replacement) >= _MIN_STEM:
            yield word[: len(word) - len(suffix)] + replacement


@lru_cache(maxsize=1 << 16)
def is_ordinary_word(word: str) -> bool:
    """True when `word` (one token, any case) is a word of English; hyphenated: every part is.

    A part that is the Arabic article (al-, el-) makes the token a name.
    """
    token = word.strip(_APOSTROPHES).lower()
    if token.endswith("'s") or token.endswith("\u2019s"):
        token = token[:-2]
    parts = _HYPHENS.split(token)
    if not token or any(not p or p in _ARTICLES for p in parts):
        return False
    headwords = _headwords()
    return all(any(stem in headwords for stem in _stems(part)) for part in parts)

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

`is_english` widens the question for TC304 (is a copied word one a translator translates?): the
dictionary, two of its words written as one, or a word common in English text of today by the
`wordfreq` package (already a dependency, for mining) — Login and Widget are not 1913 headwords.

The list is read on first use, only when TC102 or TC104 need it (a candidate variant, or a group
of two spellings): a short article costs a millisecond, a long text builds the set once (25 ms).
"""

from __future__ import annotations

import re
from functools import lru_cache

_APOSTROPHES = "'\u2019\u02bc\u02bf\u02be"
_HYPHENS = re.compile("[-\u2010\u2011]")
_ARTICLES = frozenset({"al", "el"})
_MIN_STEM = 5  # a shorter stem is too weak a reason (Abbas is not the Abba of the dictionary)


class _Headwords:
    """The lower-cased headwords, answered from the package's pickle file.

    Unpickling 115,325 strings takes 25-60 ms; a short article asks about one or two words. The
    first SEARCHED questions are answered by looking for the pickled string itself in the file's
    bytes (a pickled str is SHORT_BINUNICODE, its length, its UTF-8 bytes, MEMOIZE); then the set
    is built. If the file is not laid out that way (a known headword is not found), the set is
    built at once.
    """

    SEARCHED = 40  # about 0.5 ms each; the set pays off after that

    def __init__(self) -> None:
        from importlib import resources

        from english_words.constants import LOWER, PROCESSED_DATA_DIR  # only name rules need it
        from english_words.util import get_data_file_name

        path = resources.files("english_words").joinpath(PROCESSED_DATA_DIR, get_data_file_name("gcide", [LOWER]))
        self._raw: bytes | None = path.read_bytes()
        self._set: set[str] | None = None
        self._asked = 0
        if not self._in_bytes("monday") or self._in_bytes("hassan"):
            self._load()

    def _in_bytes(self, word: str) -> bool:
        data = word.encode("utf-8")
        return b"\x8c" + bytes([len(data)]) + data + b"\x94" in self._raw

    def _load(self) -> None:
        import pickle

        self._set = pickle.loads(self._raw)
        self._raw = None

    def __contains__(self, word: str) -> bool:
        if self._set is None:
            self._asked += 1
            if self._asked <= self.SEARCHED and len(word.encode("utf-8")) < 256:
                return self._in_bytes(word)
            self._load()
        return word in self._set


@lru_cache(maxsize=1)
def _headwords() -> _Headwords:
    return _Headwords()


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


COMMON_ZIPF = 2.5  # wordfreq's Zipf scale: 2.5 is about three in a billion words of today's English
_MIN_PART = 3  # each word of a compound written as one (Bank|card; not In|ode)
_PREFIXES = ("un", "re", "pre", "de", "dis", "non", "mis", "sub", "up")  # English's productive ones; not in-
# (In|ode)


@lru_cache(maxsize=1 << 12)
def is_english(word: str) -> bool:
    """True when `word` (one token) is English as a reader of today knows it: a word of the dictionary
    (`is_ordinary_word`), two of them written as one (Bankcard, Richtext, Superuser, Wishlist), one
    with an English prefix (Unfollow, Resize), or a
    word common in English text (wordfreq Zipf >= COMMON_ZIPF: Login, Blog, Widget and Download,
    which the 1913 dictionary lacks). False for a name or a technical word (Sqlite, Inode, Econet,
    Zebedee, Strv, jsonld). TC304 asks it of a copied one-word target; wordfreq's English list is
    read then, once (`_common_english`)."""
    if is_ordinary_word(word):
        return True
    token = word.strip(_APOSTROPHES).lower()
    for whole in {token, token.removesuffix("s")}:  # Bankcards: the plural of a compound
        if any(is_ordinary_word(whole[:cut]) and is_ordinary_word(whole[cut:])
               for cut in range(_MIN_PART, len(whole) - _MIN_PART + 1)):
            return True
    if any(token.startswith(prefix) and len(token) - len(prefix) >= _MIN_PART and is_ordinary_word(token[len(prefix):])
           for prefix in _PREFIXES):
        return True  # Unfollow, Resize, Unarchive: a verb of today made from one of the dictionary
    common = _common_english() if token.isalpha() else None
    if common is not None:
        return token in common
    from wordfreq import zipf_frequency  # only a word that is in no dictionary asks

    return zipf_frequency(token, "en") >= COMMON_ZIPF


@lru_cache(maxsize=1)
def _common_english() -> frozenset[str] | None:
    """The words wordfreq ranks at COMMON_ZIPF or above in English, read from its data file without
    importing wordfreq: its import compiles langcodes' patterns and builds a dictionary of every word
    (0.45 s of a `units` run on Django's catalogues, where a TC201 guard asks about one word), the
    file's first buckets take 0.08 s. Bucket k of the file holds the words of Zipf 9 - (k-1)/100 (its
    'cB' format, version 1; a word of letters is its own token, so the answer is wordfreq's). None when
    the file is not where and as wordfreq keeps it: wordfreq itself is asked then."""
    import gzip
    import importlib.util
    import os

    try:
        import msgpack  # wordfreq's own reader of the file

        spec = importlib.util.find_spec("wordfreq")
        path = os.path.join(os.path.dirname(spec.origin), "data", "large_en.msgpack.gz")
        with gzip.open(path, "rb") as handle:
            data = msgpack.load(handle, raw=False)
    except (ImportError, OSError, ValueError, AttributeError, TypeError, EOFError):
        return None
    header = data[0] if isinstance(data, list) and data else None
    if not (isinstance(header, dict) and header.get("format") == "cB" and header.get("version") == 1):
        return None
    last = round((9 - COMMON_ZIPF) * 100) + 1  # the bucket of Zipf COMMON_ZIPF itself
    return frozenset(word for bucket in data[1:last + 1] for word in bucket)


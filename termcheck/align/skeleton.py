"""Name skeletons: a rough consonant-class transliteration shared by Arabic and English words.

Names are the words a translator cannot translate, so a capitalized English word and the Arabic
word it renders usually share their consonants. Both scripts are mapped to the same small set of
consonant classes; vowels, the letters that act as vowels (ا و ي ى ة ء and their hamza seats, ع,
English a e i o u w y), the Arabic article ال (with و ف ب ك ل before it) and a final h are
dropped, and a doubled class is written once (shadda is not written; Qassem = قاسم = KSM).

The classes are deliberately coarse, because romanization varies (house-style/arabic-names.md):
  B: ب b p       T: ت ط ث t th      S: س ص ش s sh c x      D: د ذ ض ظ ز d dh z
  K: ق ك ج غ خ q k g j kh gh ch      H: ح ه h               F: ف f v ph
  R: ر r   L: ل l   M: م m   N: ن n
so Muhandis = المهندس = MHNDS, Qaddafi = Gaddafi = القذافي = KDF, Sudani = السوداني = SDN.
"""

from __future__ import annotations

import re

from termcheck.text.arabic import ARTICLE_PREFIXES

_ARABIC_CLASSES = {
    "ب": "B", "ت": "T", "ط": "T", "ث": "T", "س": "S", "ص": "S", "ش": "S",
    "د": "D", "ذ": "D", "ض": "D", "ظ": "D", "ز": "D",
    "ق": "K", "ك": "K", "ج": "K", "غ": "K", "خ": "K",
    "ح": "H", "ه": "H", "ف": "F", "ر": "R", "ل": "L", "م": "M", "ن": "N",
}
_ARTICLE_PREFIXES = sorted(ARTICLE_PREFIXES, key=len, reverse=True)
_LATIN_DIGRAPHS = re.compile(r"th|dh|sh|kh|gh|ch|ph|ck")
_DIGRAPH_CLASSES = {"th": "T", "dh": "D", "sh": "S", "kh": "K", "gh": "K", "ch": "K", "ph": "F", "ck": "K"}
_LATIN_CLASSES = {
    "b": "B", "p": "B", "t": "T", "s": "S", "c": "S", "x": "S", "d": "D", "z": "D",
    "q": "K", "k": "K", "g": "K", "j": "K", "h": "H", "f": "F", "v": "F",
    "r": "R", "l": "L", "m": "M", "n": "N",
}


def _squeeze(classes: list[str]) -> str:
    out: list[str] = []
    for c in classes:
        if not out or out[-1] != c:
            out.append(c)
    if out and out[-1] == "H":
        out.pop()  # final h / ه / ة-like endings: Basrah = Basra = البصرة
    return "".join(out)


def arabic_skeleton(word: str) -> str:
    """Consonant classes of one normalized Arabic word (article and proclitic+article removed)."""
    for prefix in _ARTICLE_PREFIXES:
        if word.startswith(prefix) and len(word) - len(prefix) >= 2:
            word = word[len(prefix):]
            break
    return _squeeze([_ARABIC_CLASSES[ch] for ch in word if ch in _ARABIC_CLASSES])


def latin_skeleton(word: str) -> str:
    """Consonant classes of one Latin-script word (lower-cased, accents already folded)."""
    word = word.lower()
    if word.startswith(("al-", "el-")):
        word = word[3:]
    word = _LATIN_DIGRAPHS.sub(lambda m: "\x00" + _DIGRAPH_CLASSES[m.group()], word)
    classes: list[str] = []
    skip = False
    for ch in word:
        if ch == "\x00":
            skip = True
            continue
        if skip:
            classes.append(ch)
            skip = False
        elif ch in _LATIN_CLASSES:
            classes.append(_LATIN_CLASSES[ch])
    return _squeeze(classes)

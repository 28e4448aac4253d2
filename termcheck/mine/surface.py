"""The text a reviewer sees for a mined form: as written in the file, minus what does not spell it.

Arabic: harakat, tatweel and invisible marks are dropped (termcheck.text.normalize's deletions) but
hamza and the letters are kept as written (أبو مهدي, not ابو مهدي), and the first word loses the
proclitics termcheck.mine.fold took off (لهيئة -> هيئة, للحشد -> الحشد). English: the words as
written, with one fold: `Al-` opening a name is counted as `al-` (sentence case, not a spelling;
the house writes al- mid-sentence; Qais Al-Khazali is Qais al-Khazali), while `Al ` before a space (Al Jazeera, a brand) stays.
"""

from __future__ import annotations

import re

_ARABIC_MARKS = re.compile("[\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e8\u06ea-\u06ed\u0640\u200b-\u200f\u202a-\u202e\u2066-\u2069\u061c\ufeff\u00ad]")
_WHITE = re.compile(r"\s+")
_ALEF = "\u0627"


def arabic_surface(original: str, first_normalized: str, first_written: str) -> str:
    clean = _WHITE.sub(" ", _ARABIC_MARKS.sub("", original)).strip()
    if len(clean) < len(first_normalized):
        return clean
    for cut in range(len(first_normalized) + 1):
        tail = first_normalized[cut:]
        if tail == first_written:
            return clean[cut:]
        if first_written.startswith(_ALEF) and tail == first_written[1:]:
            return _ALEF + clean[cut:]  # ل + ال written لل: للحشد -> الحشد
    return clean


def english_surface(original: str) -> str:
    text = _WHITE.sub(" ", original).strip()
    return _CAPITAL_ARTICLE.sub(lambda m: m.group().lower(), text)


_CAPITAL_ARTICLE = re.compile(r"(?<![\w'])[AE]l-(?=\w)")

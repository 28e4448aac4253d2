"""Numbers in Arabic and English copy, normalized to values that can be compared across languages.

`extract_numbers` finds every number of a text with its ORIGINAL span, so a report can point at it.

Rules (what a translator writes, not a general-purpose parser):
- Digits: ASCII 0-9, Arabic-Indic ٠-٩ and Persian ۰-۹, mixed freely.
- ٬ is always a thousands separator, ٫ always a decimal point.
- `,` is a thousands separator only in groups of exactly three digits (1,500 and 1,500,000).
  `1,5` (one or two digits after the comma): in Arabic text the comma is a decimal comma (1.5),
  as some Arabic copy follows the French habit; in English text it is two numbers (1 and 5), as in
  a list "1,5 and 7". `.` is a decimal point in both languages (1.500 is 1.5: we never read the
  dot as a German thousands separator). Space-grouped thousands (750 000) are two numbers.
- Multipliers after the number, with or without a space: ألف آلاف الف مليون ملايين مليار مليارات
  ترليون (and tanween/dual forms), thousand million billion trillion, bn mn tn; m, k and b only right
  after a currency sign ($20m). 750 ألف = 750,000; 1.5bn = 1,500,000,000.
- Percentages (% ٪ percent per cent pct بالمئة بالمائة في المئة في المائة): the value is kept as written,
  kind 'percent'. In Arabic, a % sign written before the number (٪20, a bidi habit) counts too.
- A plain integer 1900..2100 with no separator, multiplier or percent is kind 'year'.
- Numbers glued to a Latin letter (G20, A320) or after letter + hyphen (COVID-19, F-16, كوفيد-19)
  are kind 'name': part of a name, never required across languages. Arabic letters directly before
  digits are proclitics (و20، بـ750، لـ2019) and do not make a name.
- English ordinals (1st, 21st) are kind 'ordinal', decades (1990s) kind 'decade'.
- Number words: only the cheap, unambiguous ones, kind 'word': one..ten / twelve / hundred, dozen and
  a few Arabic ones (واحد .. عشرة with their feminine and case forms, مئة/مائة, ألفان, مليونان). A
  word never has to be matched, but it can match a digit written in the other language. Compound
  number words (ثلاثة وعشرون, twenty-three) are out of scope.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

from termcheck.text.normalize import normalize_form

KINDS = ("count", "decimal", "percent", "year", "ordinal", "decade", "name", "word")

_DIGITS = "0-9\u0660-\u0669\u06f0-\u06f9"
_TO_ASCII = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")

_D = f"[{_DIGITS}]"
# Integer part: grouped by ٬ or by , in threes; or a plain run. Fraction: . or ٫ then digits;
# in Arabic also , then one or two digits (decimal comma).
_INTEGER = rf"{_D}{{1,3}}(?:[,\u066c]{_D}{{3}})+(?!{_D})|{_D}+"
_NUMBER = re.compile(
    rf"(?P<int>{_INTEGER})(?:[.\u066b](?P<frac>{_D}+)|(?P<comma>,)(?P<cfrac>{_D}{{1,2}})(?!{_D}))?"
)

# Multiplier words after a number. Arabic forms are looked up after removing marks and tatweel.
_AR_MULTIPLIERS = {
    "ألف": 1e3, "الف": 1e3, "آلاف": 1e3, "الاف": 1e3, "ألفا": 1e3, "الفا": 1e3,
    "مليون": 1e6, "ملايين": 1e6, "مليونا": 1e6,
    "مليار": 1e9, "مليارات": 1e9, "مليارا": 1e9, "بليون": 1e9, "بلايين": 1e9,
    "ترليون": 1e12, "تريليون": 1e12, "ترليونات": 1e12, "تريليونات": 1e12,
    "مئة": 1e2, "مائة": 1e2,
}
_EN_MULTIPLIERS = {
    "hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
    "bn": 1e9, "mn": 1e6, "tn": 1e12,
}
_CURRENCY_MULTIPLIERS = {"k": 1e3, "m": 1e6, "b": 1e9}
_CURRENCY_SIGNS = "$£€¥"

_AR_WORD = re.compile("[\u0621-\u064a\u064b-\u0652\u0670\u0640]+")
_EN_WORD = re.compile(r"[A-Za-z]+")
_AFTER_SPACE = re.compile(r"[ \u00a0\u202f]?-?")  # one space (or NBSP) and/or a hyphen: "20 million", "20-million"
_PERCENT_AFTER = re.compile(
    r"[ \u00a0\u202f]?(?:%|\u066a|per ?cent\b|pct\b|"
    "(?:\u0628|\u0641\u064a |\u0641\u0649 )\u0627\u0644\u0645(?:\u0626|\u0627\u0626)\u0629)",
    re.I,
)
_ORDINAL_SUFFIX = re.compile(r"(?:st|nd|rd|th)\b", re.I)
_DECADE_SUFFIX = re.compile(r"'?s\b")
_LATIN_LETTER = re.compile(r"[A-Za-z\u00c0-\u024f]")
_LETTER = re.compile(r"[^\W\d_]")

# Cheap number words: value by normalized form. Arabic forms may carry و/ف/ب/ل before them.
_EN_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "dozen": 12, "hundred": 100,
}
_AR_NUMBER_WORDS = {
    "واحد": 1, "واحدة": 1, "اثنان": 2, "اثنين": 2, "اثنتان": 2, "اثنتين": 2,
    "ثلاث": 3, "ثلاثة": 3, "اربع": 4, "اربعة": 4, "خمس": 5, "خمسة": 5, "ست": 6, "ستة": 6,
    "سبع": 7, "سبعة": 7, "ثماني": 8, "ثمانية": 8, "ثمان": 8, "تسع": 9, "تسعة": 9, "عشر": 10, "عشرة": 10,
    "مئة": 100, "مائة": 100, "ألفان": 2000, "الفان": 2000, "ألفين": 2000, "الفين": 2000,
    "مليونان": 2e6, "مليونين": 2e6, "مليار": 1e9, "مليون": 1e6,
}


@dataclass(frozen=True)
class NumberMention:
    """A number as written: value after normalization, original span and text, and its kind."""

    value: float
    start: int
    end: int
    text: str
    kind: str

    @property
    def required(self) -> bool:
        """Whether the other language must show this value (names, ordinals and words need not)."""
        return self.kind in ("count", "decimal", "percent", "year")


@lru_cache(maxsize=1 << 14)
def _ar_key(word: str) -> str:
    """The matching key of an Arabic word (marks and tatweel dropped, hamza on alef folded)."""
    return normalize_form(word)


_AR_MULTIPLIER_KEYS = {_ar_key(k): v for k, v in _AR_MULTIPLIERS.items()}
_AR_NUMBER_WORD_KEYS = {_ar_key(k): v for k, v in _AR_NUMBER_WORDS.items()}
_AR_PROCLITICS = ("", "و", "ف", "ب", "ل", "وب", "ول", "فب", "فل")


def _multiplier(text: str, pos: int, currency: bool) -> tuple[float, int] | None:
    """A multiplier word starting at or one space after `pos`: (factor, end) or None."""
    gap = _AFTER_SPACE.match(text, pos)
    start = gap.end() if gap else pos
    for word_re in (_AR_WORD, _EN_WORD):
        word = word_re.match(text, start)
        if not word:
            continue
        if word_re is _AR_WORD:
            factor = _AR_MULTIPLIER_KEYS.get(_ar_key(word.group()))
        else:
            lower = word.group().lower()
            factor = _EN_MULTIPLIERS.get(lower)
            if factor is None and currency and start == pos:
                factor = _CURRENCY_MULTIPLIERS.get(lower)
            if factor is not None and start > pos and len(lower) <= 2:
                factor = None  # "20 m" is twenty metres; bn/mn only glued or as full words
        if factor is not None:
            return factor, word.end()
    return None


def _is_name_number(text: str, start: int) -> bool:
    """G20, A320 (a Latin letter glued before) or COVID-19, F-16, كوفيد-19 (letter + hyphen)."""
    if start == 0:
        return False
    before = text[start - 1]
    if _LATIN_LETTER.match(before):
        return True
    return before in "-\u2010\u2011" and start >= 2 and bool(_LETTER.match(text[start - 2]))


def extract_numbers(text: str, lang: str) -> list[NumberMention]:
    """Every number in `text`, in text order, with spans into `text` itself."""
    mentions: list[NumberMention] = []
    pos = 0
    while True:
        match = _NUMBER.search(text, pos)
        if match is None:
            break
        start = match.start()
        if start > 0 and text[start - 1] in _DIGITS_SET:  # inside a digit run we skipped past
            pos = match.end()
            continue
        if match.group("comma") and lang != "ar":
            end = match.start("comma")
            fraction = ""
        else:
            end = match.end()
            fraction = match.group("frac") or match.group("cfrac") or ""
        integer = match.group("int")
        digits = integer.translate(_TO_ASCII).replace(",", "").replace("\u066c", "")
        fraction = fraction.translate(_TO_ASCII)
        value = float(f"{digits}.{fraction}") if fraction else float(digits)
        kind = "decimal" if fraction else "count"
        if _is_name_number(text, start):
            mentions.append(NumberMention(value, start, end, text[start:end], "name"))
            pos = end
            continue
        currency = start > 0 and text[start - 1] in _CURRENCY_SIGNS
        multiplier = _multiplier(text, end, currency)
        if multiplier is not None:
            factor, end = multiplier
            value *= factor
            kind = "count" if value == int(value) else "decimal"
        percent = _PERCENT_AFTER.match(text, end)
        if percent is not None:
            end = percent.end()
            kind = "percent"
        elif lang == "ar" and start > pos and text[start - 1] in "%\u066a" and not text[start - 2:start - 1].isdigit():
            start -= 1
            kind = "percent"
        elif multiplier is None and not fraction and lang == "en" and _ORDINAL_SUFFIX.match(text, end):
            end = _ORDINAL_SUFFIX.match(text, end).end()
            kind = "ordinal"
        elif multiplier is None and not fraction and _DECADE_SUFFIX.match(text, end) and len(integer) == 4:
            end = _DECADE_SUFFIX.match(text, end).end()
            kind = "decade"  # the 1990s: Arabic writes التسعينيات, a word
        elif kind == "count" and multiplier is None and len(integer) == 4 and 1900 <= value <= 2100:
            kind = "year"  # four plain digits: no separator, fraction, multiplier or percent
        mentions.append(NumberMention(value, start, end, text[start:end], kind))
        pos = end
    mentions.extend(_number_words(text, lang, mentions))
    mentions.sort(key=lambda m: (m.start, m.end))
    return mentions


_DIGITS_SET = frozenset("0123456789\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669"
                        "\u06f0\u06f1\u06f2\u06f3\u06f4\u06f5\u06f6\u06f7\u06f8\u06f9")


def _number_words(text: str, lang: str, taken: list[NumberMention]) -> list[NumberMention]:
    """The cheap number words, outside the spans of digit numbers (750 ألف is already one number)."""
    covered = sorted((m.start, m.end) for m in taken)
    words: list[NumberMention] = []
    if lang == "ar":
        for word in _AR_WORD.finditer(text):
            key = _ar_key(word.group())
            for clitic in _AR_PROCLITICS:
                if key.startswith(clitic) and key[len(clitic):] in _AR_NUMBER_WORD_KEYS:
                    value = _AR_NUMBER_WORD_KEYS[key[len(clitic):]]
                    if not _inside(word.start(), word.end(), covered):
                        words.append(NumberMention(float(value), word.start(), word.end(), word.group(), "word"))
                    break
    else:
        for word in re.finditer(r"\b[A-Za-z]+\b", text):
            value = _EN_NUMBER_WORDS.get(word.group().lower())
            if value is not None and not _inside(word.start(), word.end(), covered):
                words.append(NumberMention(float(value), word.start(), word.end(), word.group(), "word"))
    return words


def _inside(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    """Whether [start, end) overlaps one of `spans` (sorted, non-overlapping)."""
    k = bisect.bisect_left(spans, (end, -1)) - 1
    return k >= 0 and spans[k][1] > start


def same_value(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-9 * max(abs(a), abs(b), 1.0)


def format_number(value: float, lang: str, kind: str = "count", arabic_digits: bool = False) -> str:
    """A value written the way the target language writes it: 750,000 / 1.5 / 35% (٧٥٠٬٠٠٠ in Arabic digits)."""
    if value == int(value):
        body = f"{int(value):,}" if kind != "year" else str(int(value))
    else:
        whole, _, frac = f"{value:.6f}".rstrip("0").partition(".")
        body = f"{int(whole):,}.{frac}"
    if arabic_digits:
        body = body.translate(str.maketrans("0123456789,.", "٠١٢٣٤٥٦٧٨٩٬٫"))
    if kind == "percent":
        body += "٪" if arabic_digits else "%"
    return body

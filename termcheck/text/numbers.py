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
- A plain integer 1900..2100 with no separator, multiplier, percent, currency sign or unit noun after
  it is kind 'year'.
- A plain integer 1..31 next to a month name is kind 'date' (٣ كانون الثاني/يناير, March 11, 11th
  March): its value is the day, its unit the month, its span covers both.
- Units: a currency sign before the digits ($ € £ ¥) or a unit noun after the number (months,
  years, days, weeks, hours, dollars, dinars; أشهر، سنوات، أيام، دولار) is the mention's `unit`.
- Times of day (10:00, ١٠:٣٠) are kind 'name' as a whole.
- Numbers glued to a Latin letter (G20, A320) or after letter + hyphen (COVID-19, F-16, كوفيد-19)
  are kind 'name': part of a name, never required across languages. Arabic letters directly before
  digits are proclitics (و20، بـ750، لـ2019) and do not make a name.
- English ordinals (1st, 21st) are kind 'ordinal', decades (1990s) kind 'decade'. List markers
  (a number followed by ')' or '.' at the start of a line or after a sentence: "4) ", "(1) ", "3. ")
  are kind 'ordinal' too: labels, not quantities.
- Numbers in words (ثلاثة ملايين، خمسة وعشرون، عامين، الأول من آذار، twenty-five, half a million)
  are read by termcheck/text/number_words.py: kind 'count' when they must be matched (a scale word,
  a unit, two or more words, 11 or more), kind 'word' when they need not be (a bare three, ست),
  'ordinal' and 'date' as above.
- Values are exact (Decimal): a 400-digit number is read, compared and printed without overflow. A
  digit run longer than MAX_DIGITS is an identifier, not a quantity: kind 'name'.
"""

from __future__ import annotations

import bisect
import re
import sys
from dataclasses import dataclass, replace
from decimal import Context, Decimal
from functools import lru_cache

from termcheck.text.normalize import normalize_form
from termcheck.text.number_words import (AR_MONTH_NAMES, CURRENCY_SIGNS, EN_MONTH_NAMES, date_around, month_spans,
                                         unit_after, word_numbers)

KINDS = ("count", "decimal", "percent", "year", "date", "ordinal", "decade", "name", "word")
MAX_DIGITS = 100  # longer digit runs are identifiers; within it, multipliers keep values exact
_EXACT = Context(prec=MAX_DIGITS + 40, Emax=10**6, Emin=-(10**6))

_DIGITS = "0-9\u0660-\u0669\u06f0-\u06f9"
ARABIC_INDIC_DIGITS = "٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹"  # Arabic-Indic, then Eastern (Persian) digits
TO_ASCII = str.maketrans(ARABIC_INDIC_DIGITS, "0123456789" * 2)  # str.translate table: every digit as ASCII
DIGIT_RUN = re.compile(f"[{_DIGITS}]+")  # a run of digits of any of the three scripts
_ARABIC_INDIC = re.compile(f"[{ARABIC_INDIC_DIGITS}]")
_ANY_DIGIT = re.compile(f"[{_DIGITS}]")


def has_arabic_indic_digits(text: str, start: int = 0, end: int = sys.maxsize) -> bool:
    """Whether text[start:end] writes an Arabic-Indic or Persian digit (a target that does is told
    numbers in them). A regex search: C speed, no slice."""
    return _ARABIC_INDIC.search(text, start, end) is not None

_D = f"[{_DIGITS}]"
# Integer part: grouped by ٬ or by , in threes; or a plain run. Fraction: . or ٫ then digits;
# in Arabic also , then one or two digits (decimal comma).
_INTEGER = rf"{_D}{{1,3}}(?:[,\u066c]{_D}{{3}})+(?!{_D})|{_D}+"
_NUMBER = re.compile(
    rf"(?P<int>{_INTEGER})(?:[.\u066b](?P<frac>{_D}+)|(?P<comma>,)(?P<cfrac>{_D}{{1,2}})(?!{_D}))?"
)

# Multiplier words after a number. Arabic forms are looked up after removing marks and tatweel.
_AR_MULTIPLIERS = {
    "ألف": 3, "الف": 3, "آلاف": 3, "الاف": 3, "ألفا": 3, "الفا": 3,
    "مليون": 6, "ملايين": 6, "مليونا": 6,
    "مليار": 9, "مليارات": 9, "مليارا": 9, "بليون": 9, "بلايين": 9,
    "ترليون": 12, "تريليون": 12, "ترليونات": 12, "تريليونات": 12,
    "مئة": 2, "مائة": 2,
}  # word -> power of ten
_EN_MULTIPLIERS = {
    "hundred": 2, "thousand": 3, "million": 6, "billion": 9, "trillion": 12,
    "bn": 9, "mn": 6, "tn": 12,
}
_CURRENCY_MULTIPLIERS = {"k": 3, "m": 6, "b": 9}
_CURRENCY_SIGNS = "".join(CURRENCY_SIGNS)

_AR_WORD = re.compile("[\u0621-\u064a\u064b-\u0652\u0670\u0640]+")
_EN_WORD = re.compile(r"[A-Za-z]+")
# one space (or NBSP) and/or a hyphen: "20 million", "20-million"; a "+" first: "$300+ billion"
_AFTER_SPACE = re.compile(r"\+?[ \u00a0\u202f]?-?")
_PERCENT_AFTER = re.compile(
    r"[ \u00a0\u202f]?(?:%|\u066a|per ?cent\b|pct\b|"
    "(?:\u0628|\u0641\u064a |\u0641\u0649 )\u0627\u0644\u0645(?:\u0626|\u0627\u0626)\u0629)",
    re.I,
)
_ORDINAL_SUFFIX = re.compile(r"(?:st|nd|rd|th)\b", re.I)
_DECADE_SUFFIX = re.compile(r"'?s\b")
_LATIN_LETTER = re.compile(r"[A-Za-z\u00c0-\u024f]")
_LETTER = re.compile(r"[^\W\d_]")

@dataclass(frozen=True)
class NumberMention:
    """A number as written: value after normalization, original span and text, and its kind."""

    value: Decimal
    start: int
    end: int
    text: str
    kind: str
    unit: str | None = None  # year, month, week, day, hour, usd, eur, dinar ...; date:M for a date in month M

    @property
    def required(self) -> bool:
        """Whether the other language must show this value (names, ordinals and weak words need not,
        nor basis points, which a translation may give as a fraction of a point: 25 basis points for
        ربع نقطة مئوية)."""
        return self.kind in ("count", "decimal", "percent", "year", "date") and self.unit != "basis-point"


@lru_cache(maxsize=1 << 14)
def _ar_key(word: str) -> str:
    """The matching key of an Arabic word (marks and tatweel dropped, hamza on alef folded)."""
    return normalize_form(word)


_AR_MULTIPLIER_KEYS = {_ar_key(k): v for k, v in _AR_MULTIPLIERS.items()}


def _multiplier(text: str, pos: int, currency: bool) -> tuple[int, int] | None:
    """A multiplier word starting at or one space after `pos`: (power of ten, end) or None."""
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


def _plain_digits(integer: str) -> str:
    """An integer as ASCII digits, its thousands separators (, and ٬) taken out."""
    if integer.isascii() and integer.isdigit():
        return integer  # the common case, without three copies
    return integer.translate(TO_ASCII).replace(",", "").replace("\u066c", "")


def _and_the_rest(text: str, end: int, value: Decimal, power: int) -> tuple[Decimal, int]:
    """A number with a scale word and a smaller part after و: ٤٦١ ألفاً و٨٠٠ is 461,800, 3 ملايين و200
    ألف 3,200,000 (a blind election pair read 461,000 and a stray 800). (value, end) unchanged when
    nothing smaller follows."""
    rest = _AND_DIGITS.match(text, end)
    if rest is None:
        return value, end
    part = Decimal(_plain_digits(rest.group(1)))
    after = rest.end()
    smaller = _multiplier(text, after, False)
    if smaller is not None:
        part, after = part.scaleb(smaller[0], _EXACT), smaller[1]
    if part >= Decimal(10) ** power:
        return value, end
    return value + part, after


_AND_DIGITS = re.compile("[ \t]*\u0648[ \t]*([0-9\u0660-\u0669][0-9\u0660-\u0669,\u066c]*)(?![0-9\u0660-\u0669.\u066b])")


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
    mentions = _digit_numbers(text, lang) if _ANY_DIGIT.search(text) else []  # most unit texts: no digit
    covered = _CoveredOnDemand(text, lang, [(m.start, m.end) for m in mentions])
    last_end = 0
    for word in word_numbers(text, lang, covered):
        if word.start < last_end:
            continue  # inside the percent sign of the word before (عشرين في المئة)
        end, kind = word.end, word.kind
        percent = _PERCENT_AFTER.match(text, end) if kind in ("count", "word") else None
        if percent is not None and not covered(end, percent.end()):
            end, kind = percent.end(), "percent"
        mentions.append(NumberMention(word.value, word.start, end, text[word.start:end], kind,
                                      None if kind == "percent" else word.unit))
        last_end = end
    if not mentions:
        return mentions
    mentions.sort(key=_text_order)
    return [_as_whole(m, text, lang) for m in (m if _is_canonical(m.value) else replace(m, value=_canonical(m.value))
                                                 for m in mentions)]


# How many of a unit its container holds: '24 hours a day' means all day, and a translation may say
# so without the number (على مدار الساعة طوال أيام الأسبوع for '24 hours a day, 7 days a week').
_WHOLE = {("hour", "day"): 24, ("day", "week"): 7, ("day", "year"): 365, ("week", "year"): 52,
          ("month", "year"): 12, ("minute", "hour"): 60}
_EN_CONTAINER = re.compile(r"[ \u00a0]+(?:a|an|per|each|every)[ \u00a0]+(day|week|year|hour)\b", re.I)
_AR_CONTAINERS = {"\u064a\u0648\u0645": "day", "\u0627\u0633\u0628\u0648\u0639": "week", "\u0633\u0646\u0629": "year",
                  "\u0639\u0627\u0645": "year", "\u0633\u0627\u0639\u0629": "hour"}  # يوم اسبوع سنة عام ساعة
_AR_CONTAINER = re.compile("[ \u00a0]+(?:\u0641\u064a|\u0643\u0644|\u0628)?[ \u00a0]*(?:\u0627\u0644)?(\\S+)")  # في / كل / ب, ال
_AR_ROUND_THE = re.compile("(?:\u0639\u0644\u0649 \u0645\u062f\u0627\u0631|\u0637\u0648\u0627\u0644|\u0637\u064a\u0644\u0629)[ \u00a0]+\\Z")  # على مدار، طوال، طيلة
_TWENTY_FOUR_SEVEN = re.compile(r"(?<![\d/])24/7(?![\d/])")


def _as_whole(mention: NumberMention, text: str, lang: str) -> NumberMention:
    """A count that is the whole of its container (24 hours a day, 7 days a week, ٢٤ ساعة في اليوم,
    على مدار 24 ساعة, 24/7) becomes kind 'whole': it may stand for the other side's number, and
    need not be matched (a translation may write 'round the clock')."""
    if mention.kind != "count":
        return mention
    if _TWENTY_FOUR_SEVEN.search(text, max(0, mention.start - 3), mention.end + 3) and mention.value in (24, 7):
        return replace(mention, kind="whole")
    if mention.unit is None:
        return mention
    if lang == "ar":
        if mention.unit == "hour" and mention.value == 24 and _AR_ROUND_THE.search(text, max(0, mention.start - 12),
                                                                                    mention.start):
            return replace(mention, kind="whole")
        after = _AR_CONTAINER.match(text, mention.end + _unit_word_length(text, mention.end))
        container = _AR_CONTAINERS.get(normalize_form(after.group(1))) if after else None
    else:
        after = _EN_CONTAINER.match(text, mention.end + _unit_word_length(text, mention.end))
        container = after.group(1).lower() if after else None
    return replace(mention, kind="whole") if _WHOLE.get((mention.unit, container)) == mention.value else mention


def _unit_word_length(text: str, end: int) -> int:
    """The length of the unit word right after a number (' hours', ' ساعة'), spaces included."""
    found = _UNIT_WORD.match(text, end, end + 40)
    return found.end() - end if found else 0


_UNIT_WORD = re.compile(r"[ \u00a0]*\w+")


def _text_order(mention: NumberMention) -> tuple[int, int]:
    return mention.start, mention.end


class _CoveredOnDemand:
    """covered(start, end) over the digits already read and the month names, the month names found
    only when a number word asks: most texts have no candidate number word, and the month scan was
    a tenth of `termcheck units`' number rule."""

    __slots__ = ("_text", "_lang", "_spans", "_covered")

    def __init__(self, text: str, lang: str, digit_spans: list[tuple[int, int]]) -> None:
        self._text, self._lang, self._spans, self._covered = text, lang, digit_spans, None

    def __call__(self, start: int, end: int) -> bool:
        if self._covered is None:
            spans = self._spans + month_spans(self._text, self._lang)
            self._covered = _Covered(spans) if spans else _nothing_covered
        return self._covered(start, end)


def _nothing_covered(start: int, end: int) -> bool:
    return False


def _is_canonical(value: Decimal) -> bool:
    exponent = value.as_tuple().exponent
    return exponent == 0 or (isinstance(exponent, int) and exponent < 0 and value != value.to_integral_value()
                             and value.as_tuple().digits[-1] != 0)


def _canonical(value: Decimal) -> Decimal:
    """One spelling per value (750 ألف and 750,000 are both Decimal('750000'), 1.50 is 1.5), so that
    equal values also print and hash alike (the aligner keys anchors on the printed value)."""
    if value == value.to_integral_value():
        return value.quantize(_ONE, context=_EXACT)
    return value.normalize(_EXACT)


_ONE = Decimal(1)


def _digit_numbers(text: str, lang: str) -> list[NumberMention]:
    mentions: list[NumberMention] = []
    powers: dict[int, int] = {}  # mention index -> the power of ten its scale word gave it
    pos = 0
    while True:
        match = _NUMBER.search(text, pos)
        if match is None:
            break
        start = match.start()
        if start > 0 and text[start - 1] in _DIGITS_SET:  # inside a digit run we skipped past
            pos = match.end()
            continue
        integer, fraction, comma, comma_fraction = match.groups()  # int, frac, comma, cfrac: one call
        if comma and lang != "ar":
            end = match.start("comma")
            fraction = ""
        else:
            end = match.end()
            fraction = fraction or comma_fraction or ""
        digits = _plain_digits(integer)
        fraction = fraction.translate(TO_ASCII)
        value = Decimal(f"{digits}.{fraction}") if fraction else Decimal(digits)
        kind = "decimal" if fraction else "count"
        clock = _CLOCK.match(text, end) if not fraction and len(digits) <= 2 and text.startswith(":", end) else None
        if clock is not None:
            end = clock.end()  # 10:00 is a time of day: its 00 is not a quantity to find
        if clock is not None or _is_name_number(text, start) or len(digits) + len(fraction) > MAX_DIGITS:
            mentions.append(NumberMention(value, start, end, text[start:end], "name"))
            pos = end
            continue
        sign = text[start - 1] if start > 0 and text[start - 1] in _CURRENCY_SIGNS else None
        unit = CURRENCY_SIGNS.get(sign) if sign else None
        multiplier = _multiplier(text, end, sign is not None)
        if multiplier is not None:
            power, end = multiplier
            powers[len(mentions)] = power
            value = value.scaleb(power, _EXACT)
            kind = "count" if value == value.to_integral_value() else "decimal"
            if lang == "ar":
                value, end = _and_the_rest(text, end, value, power)
        percent = _PERCENT_AFTER.match(text, end)
        date = None
        if kind == "count" and multiplier is None and sign is None and len(digits) <= 2 and 1 <= value <= 31:
            date = date_around(text, start, end, lang)
        if date is not None and (not mentions or date[0] >= mentions[-1].end):
            start, end, month = date
            kind, unit = "date", f"date:{month}"
        elif percent is not None:
            end = percent.end()
            kind = "percent"
        elif lang == "ar" and start > pos and text[start - 1] in "%\u066a" and not text[start - 2:start - 1].isdigit():
            start -= 1
            kind = "percent"
        elif multiplier is None and not fraction and sign is None and _is_list_marker(text, start, end):
            kind = "ordinal"  # 4) or (1) or 3. opening a list item: a label, not a quantity
        elif multiplier is None and not fraction and lang == "en" and _ORDINAL_SUFFIX.match(text, end):
            end = _ORDINAL_SUFFIX.match(text, end).end()
            kind = "ordinal"
        elif multiplier is None and not fraction and _DECADE_SUFFIX.match(text, end) and len(integer) == 4:
            end = _DECADE_SUFFIX.match(text, end).end()
            kind = "decade"  # the 1990s: Arabic writes التسعينيات, a word
        elif kind == "count" and multiplier is None and sign is None and len(integer) == 4 and 1900 <= value <= 2100:
            kind = "year"  # four plain digits: no separator, fraction, multiplier, percent or currency
        if kind in ("count", "decimal", "year") and unit is None:
            unit = unit_after(text, end, lang)
            if kind == "year" and unit is not None:
                kind = "count"  # 2000 دولار, 1950 days: a quantity, not a year
        mentions.append(NumberMention(value, start, end, text[start:end], kind, unit))
        pos = end
    return _scaled_ranges(mentions, powers, text) if powers else mentions


def _scaled_ranges(mentions: list[NumberMention], powers: dict[int, int], text: str) -> list[NumberMention]:
    """A range whose scale word and unit stand once, after its second number, gives them to the
    first: بين 3.8 و4.6 مليارات دولار, 'between 3.8 and 4.6 billion', 20-30 ألف (a fresh article pair's
    false TC204: its translation wrote '$3.8 billion', read against a bare 3.8)."""
    for k in range(1, len(mentions)):
        first, second = mentions[k - 1], mentions[k]
        join = _RANGE_JOIN.fullmatch(text, first.end, second.start)
        if k in powers and k - 1 not in powers and first.kind in ("count", "decimal") and join is not None \
                and (join.group(1) is None or _BETWEEN.search(text, max(0, first.start - 12), first.start)):
            value = first.value.scaleb(powers[k], _EXACT)
            mentions[k - 1] = replace(first, value=value, kind="count" if value == value.to_integral_value()
                                      else "decimal", unit=first.unit or second.unit)
    return mentions


# what joins the two ends of a range: إلى، حتى، to, or, a dash; و and 'and' (group 1) only after بين or
# 'between' ('page 3 and 4 million people' is no range)
_RANGE_JOIN = re.compile("[ \u00a0]*(?:(\u0648|and)|\u0625\u0644\u0649|\u0627\u0644\u0649|\u062d\u062a\u0649|to|or|[-\u2013])"
                         "[ \u00a0]*\\$?")
_BETWEEN = re.compile("(?:\\bbetween|\u0628\u064a\u0646)[ \u00a0]*\\$?[ \u00a0]*\\Z", re.I)


_DIGITS_SET = frozenset("0123456789" + ARABIC_INDIC_DIGITS)


_CLOCK = re.compile(f":{_D}{{2}}(?!{_D})")
_LIST_MARKER_BEFORE = re.compile(r"(?:^|[\n.;:\u061b!?\u061f]) *\(?$")
_LIST_MARKER_AFTER = re.compile(r"[).] ")


def _is_list_marker(text: str, start: int, end: int) -> bool:
    """'4) ', '(1) ' or '3. ' at the start of a line or right after a sentence: an enumerator."""
    return bool(_LIST_MARKER_AFTER.match(text, end)) and bool(
        _LIST_MARKER_BEFORE.search(text, max(0, start - 4), start))


class _Covered:
    """covered(start, end): whether [start, end) overlaps one of the spans (the digits already read,
    month names), in O(log n)."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        merged: list[list[int]] = []
        for start, end in sorted(spans):
            if merged and start < merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([start, end])
        self._starts = [s for s, _ in merged]
        self._ends = [e for _, e in merged]

    def __call__(self, start: int, end: int) -> bool:
        k = bisect.bisect_left(self._starts, end) - 1
        return k >= 0 and self._ends[k] > start


def same_value(a: Decimal, b: Decimal) -> bool:
    return a == b


_SCALES = (
    (Decimal(10) ** 12, re.compile(r"\btrillion\b|ترليون|تريليون", re.I), "trillion", "تريليون", "تريليونات"),
    (Decimal(10) ** 9, re.compile(r"\b(?:billion|bn)\b|مليار", re.I), "billion", "مليار", "مليارات"),
    (Decimal(10) ** 6, re.compile(r"\b(?:million|mn|m)\b|مليون|ملايين", re.I), "million", "مليون", "ملايين"),
    (Decimal(10) ** 3, re.compile(r"\bthousand\b|ألف|الف|آلاف|الاف", re.I), "thousand", "ألف", "آلاف"),
)


def copy_scale(*texts: str) -> Decimal | None:
    """The scale word the copy writes a figure with (72 billion, 1.2 مليون), from the first text
    that has one; None for plain digits."""
    for text in texts:
        for size, pattern, *_ in _SCALES:
            if text and pattern.search(text):
                return size
    return None


def format_number(value, lang: str, kind: str = "count", arabic_digits: bool = False, unit: str | None = None,
                  scale: Decimal | None = None) -> str:
    """A value written the way the target language writes it: 750,000 / 1.5 / 35% / $3,000,000 /
    6 months / March 1 (٧٥٠٬٠٠٠ in Arabic digits). Exact for any size. With `scale` (the copy's own
    habit, see copy_scale) a round value keeps its scale word: 72 billion, $1.2 million, 3 ملايين."""
    value = value if isinstance(value, Decimal) else Decimal(str(value))
    if scale is not None and kind == "count" and scale <= abs(value) < Decimal(10) ** 18:
        # The copy's scale, or a larger one where the figure would read 3,000 million.
        fitting = [size for size, *_ in _SCALES if scale <= size <= abs(value) and abs(value) / size < 1000]
        size = fitting[0] if fitting else scale
        if (value / size) * 1000 % 1 == 0:
            return _scaled(value, lang, arabic_digits, unit, size)
    if value == value.to_integral_value():
        body = f"{int(value):,}" if kind != "year" else str(int(value))
    else:
        body = f"{value.normalize(_EXACT):,f}"
    if arabic_digits:
        body = body.translate(str.maketrans("0123456789,.", "٠١٢٣٤٥٦٧٨٩٬٫"))
    if kind == "percent":
        return body + ("٪" if arabic_digits else "%")
    if unit and unit.startswith("date:"):
        month = int(unit[5:])
        return f"{EN_MONTH_NAMES[month]} {body}" if lang == "en" else f"{body} {AR_MONTH_NAMES[month]}"
    if lang == "en" and unit == "usd":
        return "$" + body
    if lang == "en" and unit in _EN_UNIT_WORDS:
        return f"{body} {_EN_UNIT_WORDS[unit]}{'' if value == 1 else 's'}"
    return body


def _scaled(value: Decimal, lang: str, arabic_digits: bool, unit: str | None, scale: Decimal) -> str:
    size, _, english, arabic, arabic_plural = next(entry for entry in _SCALES if entry[0] == scale)
    amount = format_number(value / size, lang, "count", arabic_digits)
    if lang == "en":
        return ("$" if unit == "usd" else "") + f"{amount} {english}"
    word = arabic_plural if (value / size) in range(3, 11) else arabic
    return f"{amount} {word}"


_EN_UNIT_WORDS = {"year": "year", "month": "month", "week": "week", "day": "day", "hour": "hour", "minute": "minute",
                  "dinar": "dinar", "eur": "euro", "metre": "metre"}

"""Numbers written in words, in Arabic and English: cardinals, scale words, duals, ordinals, dates.

`word_numbers(text, lang, covered)` returns every number phrase outside `covered` (the spans the digit
reader took) as `WordNumber`s with exact spans into `text`; termcheck.text.numbers merges them with
the digits.

The model is a small grammar of what translators write, not a general parser:
- A phrase is a run of adjacent number words (white space between them; in English also hyphens and
  `and`), read as groups below 1000 times falling scale words: ثلاثمئة وخمسة وعشرون ألفا = 325,000,
  two hundred and fifty thousand = 250,000, half a million = 500,000. In Arabic the units come
  before the tens, each later word of a group carries the conjunction و (خمسة وعشرون), teens are
  unit + عشر/عشرة (أحد عشر، اثنتا عشرة) and hundreds may be glued (ثلاثمئة) or apart (ثلاث مئة).
  A word that does not fit the grammar ends the phrase, so "ثلاثة وأربعة" stays two numbers.
- Plural scale words need a number before them (ثلاثة آلاف); alone they are vague (آلاف، ملايين,
  thousands) and are no number. A dual scale word is two of it (ألفان، مليونين).
- A dual noun carries the number 2 and its unit (عامين = 2 years, شهرين, يومين, ساعتين, دولارين),
  with or without the article (العامين الماضيين = the past two years), and in construct when its
  fatha is written (يومَي عمل; bare يومي is 'daily').
- Units: the noun right after a number (أشهر، سنوات، عاما، يوما، دولار; months, years, days,
  dollars) and a currency sign before digits ($, £, €) give the mention a unit, so "ستة أشهر" and
  "seven years" differ even though both are numbers.
- Ordinals: الأول .. العاشر (with the article, proclitics allowed: للمرة الثانية is not read, the
  ordinal is الثانية) and first .. tenth.
- Roman numerals in English (type II, angiotensin I) are kind 'name': never required, but they
  stand for the digits of the other side (النوع 2).
- Dates: a day (digits 1-31 or an ordinal word) and a month name, in either order as each language
  writes them: الأول من آذار، ٣ كانون الثاني/يناير، March 11, 11 March, March 11th, the first of
  March. Month names are the Levantine and the Egyptian/Gulf sets (آذار and مارس); English month
  names must be capitalized (may, march are words).

Which phrases must be matched across languages ("strong"): a phrase with a scale word, a unit, two or
more words, or a value of 11 or more. A bare unit word one..ten / واحد..عشرة is weak: Arabic without
vowels reads ست, سبع, تسع, خمس, عشر as other words too (lady, lion, "it holds", a fifth, a tenth), and
"one" is rarely a count. The value 1 is never strong (one year, سنة). A bare ألف is weak (also the
verb ألّف). Calibrated on the cases of issue 10 and the bundled corpora: 0 findings on the clean
pairs, every planted number error found (bench/eval_check.py, bench/eval_numbers.py).
"""

from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache
from typing import NamedTuple

from termcheck.text.arabic import ARTICLE, ARTICLE_PREFIXES, PROCLITICS
from termcheck.text.normalize import normalize_form


class WordNumber(NamedTuple):
    start: int
    end: int
    value: Decimal
    kind: str  # count, word (weak), ordinal, date
    unit: str | None


# -- lexicons (Arabic keys are normalized, then ى -> ي and ة -> ه) -------------------------------

_AR_UNITS = {
    "واحد": 1, "واحدة": 1, "اثنان": 2, "اثنين": 2, "اثنتان": 2, "اثنتين": 2, "ثلاث": 3, "ثلاثة": 3,
    "أربع": 4, "أربعة": 4, "خمس": 5, "خمسة": 5, "ست": 6, "ستة": 6, "سبع": 7, "سبعة": 7,
    "ثمان": 8, "ثماني": 8, "ثمانية": 8, "تسع": 9, "تسعة": 9, "واحدا": 1,
    # the relative adjectives of a number: ثنائية البنود (2-Clause), ثلاثية الأبعاد (3D)
    **{stem + end: value for stem, value in (("ثنائي", 2), ("ثلاثي", 3), ("رباعي", 4), ("خماسي", 5), ("سداسي", 6),
                                             ("سباعي", 7), ("تساعي", 9), ("عشاري", 10)) for end in ("", "ة")},
}
_AR_TEEN_HEADS = {"أحد": 1, "إحدى": 1, "اثنا": 2, "اثني": 2, "اثنتا": 2, "اثنتي": 2}  # only before عشر
_AR_TEN = {"عشر": 10, "عشرة": 10}
_AR_TENS = {stem + end: value for stem, value in (
    ("عشر", 20), ("ثلاث", 30), ("أربع", 40), ("خمس", 50), ("ست", 60), ("سبع", 70), ("ثمان", 80), ("تسع", 90))
    for end in ("ون", "ين")}
_AR_HUNDREDS = {"مئة": 100, "مائة": 100, "مئتان": 200, "مئتين": 200, "مائتان": 200, "مائتين": 200,
                "مئتا": 200, "مائتا": 200, "مئتي": 200, "مائتي": 200}
_AR_HUNDREDS.update({head + hundred: value * 100 for head, value in (
    ("ثلاث", 3), ("أربع", 4), ("خمس", 5), ("ست", 6), ("سبع", 7), ("ثمان", 8), ("ثماني", 8), ("تسع", 9))
    for hundred in ("مئة", "مائة")})
# scale word -> (factor, how many: 1, 2 for a dual, 0 for a plural that needs a number before it)
_AR_SCALES = {
    "ألف": (1000, 1), "ألفا": (1000, 1), "آلاف": (1000, 0), "ألوف": (1000, 0), "ألفان": (1000, 2), "ألفين": (1000, 2),
    "ألفي": (1000, 2),
    "مليون": (10**6, 1), "مليونا": (10**6, 1), "ملايين": (10**6, 0), "مليونان": (10**6, 2), "مليوني": (10**6, 2),
    "مليونين": (10**6, 2), "مليار": (10**9, 1), "مليارا": (10**9, 1), "مليارات": (10**9, 0),
    "ملياران": (10**9, 2), "مليارين": (10**9, 2), "مليارى": (10**9, 2), "بليون": (10**9, 1), "بلايين": (10**9, 0),
    "تريليون": (10**12, 1), "ترليون": (10**12, 1), "تريليونات": (10**12, 0), "ترليونات": (10**12, 0),
}
_AR_UNIT_NOUNS = {
    "year": ("عام", "عاما", "أعوام", "سنة", "سنوات", "سنين"),
    "month": ("شهر", "شهرا", "أشهر", "شهور"),
    "week": ("أسبوع", "أسبوعا", "أسابيع"),
    "day": ("يوم", "يوما", "أيام"),
    "hour": ("ساعة", "ساعات"),
    "minute": ("دقيقة", "دقائق"),
    "usd": ("دولار", "دولارا", "دولارات"),
    "eur": ("يورو",),
    "dinar": ("دينار", "دينارا", "دنانير"),
    "metre": ("متر", "مترا", "أمتار"),
}
_AR_DUALS = {
    "year": ("عامان", "عامين", "سنتان", "سنتين"), "month": ("شهران", "شهرين"), "metre": ("متران", "مترين"),
    "week": ("أسبوعان", "أسبوعين"), "day": ("يومان", "يومين"), "hour": ("ساعتان", "ساعتين"), "minute": ("دقيقتان", "دقيقتين"),
    "usd": ("دولاران", "دولارين"), "dinar": ("ديناران", "دينارين"),
    # a dual is two of anything, but a word in ـين may be a plural too (مهندسين): only nouns whose
    # plural is broken, so that the ـين form is a dual (شخصين: 2 people; the plural is أشخاص)
    "person": ("شخصان", "شخصين"),
}
AR_ORDINAL_STEMS = (("أول", 1), ("ثاني", 2), ("ثالث", 3), ("رابع", 4), ("خامس", 5), ("سادس", 6), ("سابع", 7),
                    ("ثامن", 8), ("تاسع", 9), ("عاشر", 10))
_AR_ORDINALS = {ARTICLE + stem + end: value for stem, value in AR_ORDINAL_STEMS for end in ("", "ة")}
_AR_ORDINALS.update({ARTICLE + "أولى": 1, ARTICLE + "أولي": 1, ARTICLE + "حادي": 1, ARTICLE + "حادية": 1})

_EN_UNITS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}
_EN_TEENS = {"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
             "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19}
_EN_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
            "ninety": 90}
_EN_SCALES = {"thousand": 1000, "million": 10**6, "billion": 10**9, "trillion": 10**12}
EN_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
               "eighth": 8, "ninth": 9, "tenth": 10}
_EN_UNIT_NOUNS = {
    "year": ("year", "years"), "month": ("month", "months"), "week": ("week", "weeks"), "day": ("day", "days"),
    "hour": ("hour", "hours"), "minute": ("minute", "minutes"), "usd": ("dollar", "dollars"), "eur": ("euro", "euros"), "dinar": ("dinar", "dinars"),
    "metre": ("metre", "metres", "meter", "meters"),
    "basis-point": ("basis", "bps"),  # 25 basis points: often a quarter point (ربع نقطة مئوية) there
}
CURRENCY_SIGNS = {"$": "usd", "€": "eur", "£": "gbp", "¥": "jpy"}

# Month names as written (Arabic alef forms spelled out), for dates only.
_AR_MONTHS = [
    (1, "كانون الثاني|يناير"), (2, "شباط|فبراير"), (3, "[آا]ذار|مارس"), (4, "نيسان|[أإا]بريل"), (5, "[أا]يار|مايو"),
    (6, "حزيران|يوني[وه]"), (7, "تموز|يولي[وه]"), (8, "آب|[أا]غسطس"), (9, "[أا]يلول|سبتمبر"),
    (10, "تشرين ال[أا]ول|[أا]كتوبر"), (11, "تشرين الثاني|نوفمبر"), (12, "كانون ال[أا]ول|ديسمبر"),
]
_EN_MONTHS = [
    (1, "January|Jan"), (2, "February|Feb"), (3, "March|Mar"), (4, "April|Apr"), (5, "May"), (6, "June|Jun"),
    (7, "July|Jul"), (8, "August|Aug"), (9, "September|Sept|Sep"), (10, "October|Oct"), (11, "November|Nov"),
    (12, "December|Dec"),
]
EN_MONTH_NAMES = {1: "January", 2: "February", 3: "March", 4: "April", 5: "May", 6: "June", 7: "July",
                  8: "August", 9: "September", 10: "October", 11: "November", 12: "December"}
AR_MONTH_NAMES = {1: "كانون الثاني/يناير", 2: "شباط/فبراير", 3: "آذار/مارس", 4: "نيسان/أبريل", 5: "أيار/مايو",
                  6: "حزيران/يونيو", 7: "تموز/يوليو", 8: "آب/أغسطس", 9: "أيلول/سبتمبر", 10: "تشرين الأول/أكتوبر",
                  11: "تشرين الثاني/نوفمبر", 12: "كانون الأول/ديسمبر"}


def _month_group(months: list[tuple[int, str]]) -> str:
    return "|".join(f"(?P<m{number}>{names})" for number, names in months)


_AR_LETTER = "\u0621-\u064a"
_AR_MONTH = re.compile(
    rf"(?<![{_AR_LETTER}])(?:{_month_group(_AR_MONTHS)})(?![{_AR_LETTER}])(?:\s*/\s*(?:{'|'.join(n for _, n in _AR_MONTHS)})(?![{_AR_LETTER}]))?"
)
_EN_MONTH = re.compile(rf"\b(?=[JFMASOND])(?:{_month_group(_EN_MONTHS)})\b\.?")
_GAP = "[ \u00a0\u202f]+"
_AR_DAY_THEN_MONTH = re.compile(rf"{_GAP}(?:من{_GAP})?(?={_AR_MONTH.pattern})")
_EN_DAY_THEN_MONTH = re.compile(rf"(?:st|nd|rd|th)?{_GAP}(?:of{_GAP})?(?={_EN_MONTH.pattern})")
_EN_MONTH_THEN_DAY = re.compile(rf"(?:{_EN_MONTH.pattern}){_GAP}(?:the{_GAP})?$")


def _month_of(match: re.Match) -> int:
    return next(int(name[1:]) for name, value in match.groupdict().items() if value is not None)


def month_spans(text: str, lang: str) -> list[tuple[int, int]]:
    """Spans of month names (their words are never numbers: كانون الثاني is January, not 'second')."""
    pattern = _AR_MONTH if lang == "ar" else _EN_MONTH
    return [m.span() for m in pattern.finditer(text)]


def date_around(text: str, start: int, end: int, lang: str) -> tuple[int, int, int] | None:
    """(start, end, month) of a date whose day is text[start:end] (digits or an ordinal word):
    a month name right after it (٣ كانون الثاني، الأول من آذار، 11 March, first of March), or in
    English right before it (March 11, March 11th)."""
    if lang == "ar":
        after = _AR_DAY_THEN_MONTH.match(text, end)
        if after is not None:
            month = _AR_MONTH.match(text, after.end())
            return start, month.end(), _month_of(month)
        return None
    after = _EN_DAY_THEN_MONTH.match(text, end)
    if after is not None:
        month = _EN_MONTH.match(text, after.end())
        return start, month.end(), _month_of(month)
    before = _EN_MONTH_THEN_DAY.search(text, max(0, start - 16), start)
    if before is not None:
        suffix = re.compile(r"(?:st|nd|rd|th)\b").match(text, end)
        return before.start(), suffix.end() if suffix else end, _month_of(before)
    return None


def unit_after(text: str, pos: int, lang: str) -> str | None:
    """The unit noun right after a number ending at `pos` (ستة أشهر، 3 years, three-year), if any."""
    if lang == "ar":
        word = _AR_NEXT_WORD.match(text, pos)
        return _ar_unit_noun(_ar_key(word.group(1))) if word else None
    word = _EN_NEXT_WORD.match(text, pos)
    return _EN_UNIT_KEYS.get(word.group(1).lower()) if word else None


_AR_AND_HALF = re.compile(f"{_GAP}\u0648\u0646\u0635\u0641(?![{_AR_LETTER}])")  # ونصف
_AR_NEXT_WORD = re.compile(rf"{_GAP}([{_AR_LETTER}\u064b-\u0652\u0670\u0640]+)")
_EN_NEXT_WORD = re.compile(r"(?:[ \u00a0\u202f]+|-)([A-Za-z]+)\b")


# -- keys ----------------------------------------------------------------------------------------

def _trie_pattern(words) -> str:
    """One regex for a set of words, shared prefixes factored out (a plain alternation makes the
    scan of a 10 MB text several times slower)."""
    trie: dict = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def walk(node: dict) -> str:
        branches = [re.escape(char) + walk(child) for char, child in sorted(node.items()) if char]
        optional = "" in node
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 and len(branches[0]) == 1 else f"(?:{'|'.join(branches)})"
        return f"{body}?" if optional else body

    return walk(trie)


def _fold(key: str) -> str:
    return key.replace("\u0649", "\u064a").replace("\u0629", "\u0647")


@lru_cache(maxsize=1 << 16)
def _ar_key(word: str) -> str:
    return _fold(normalize_form(word))


def _keys(forms) -> list[str]:
    return [_fold(normalize_form(form)) for form in forms]


# Arabic entries: key -> (category, value, extra). Categories: unit, teen_head, ten, tens, hundred,
# scale (extra = multiplicity), dual (extra = unit), ordinal.
_AR_ENTRIES: dict[str, tuple[str, int, object]] = {}
for _table, _category in ((_AR_UNITS, "unit"), (_AR_TEEN_HEADS, "teen_head"), (_AR_TEN, "ten"),
                          (_AR_TENS, "tens"), (_AR_HUNDREDS, "hundred")):
    for _form, _value in _table.items():
        _AR_ENTRIES[_keys([_form])[0]] = (_category, _value, None)
for _form, (_factor, _many) in _AR_SCALES.items():
    _AR_ENTRIES[_keys([_form])[0]] = ("scale", _factor, _many)
for _unit, _forms in _AR_DUALS.items():
    for _key in _keys(_forms):
        _AR_ENTRIES[_key] = ("dual", 2, _unit)
for _form, _value in _AR_ORDINALS.items():
    _AR_ENTRIES[_keys([_form])[0]] = ("ordinal", _value, None)
_AR_ENTRIES[_keys(["نصف"])[0]] = ("half", 0, 2)  # a fraction of a scale word: the divisor
_AR_ENTRIES[_keys(["ربع"])[0]] = ("half", 0, 4)  # ربع مليون: 250,000; مليون وربع: 1,250,000
_AR_UNIT_KEYS = {key: unit for unit, forms in _AR_UNIT_NOUNS.items() for key in _keys(forms)}
_AR_CONJUNCTION = "\u0648"  # و


def _ar_unit_noun(key: str) -> str | None:
    return _AR_UNIT_KEYS.get(key)


# Sorted once, and by first letter: every word of a unit's Arabic target is looked up (most are
# no number word), and only the prefixes that start with its first letter can be on it.
_PROCLITICS_SHORTEST_FIRST = tuple(p for p in sorted(PROCLITICS, key=len) if p)
_ARTICLE_PREFIXES_LONGEST_FIRST = tuple(sorted(ARTICLE_PREFIXES, key=len, reverse=True))


def _by_first_letter(prefixes: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    return {letter: tuple(p for p in prefixes if not p or p[0] == letter) for letter in {p[0] for p in prefixes if p}}


_PROCLITICS_BY_LETTER = _by_first_letter(_PROCLITICS_SHORTEST_FIRST)
_ARTICLE_PREFIXES_BY_LETTER = _by_first_letter(_ARTICLE_PREFIXES_LONGEST_FIRST)
_EMPTY_ARTICLE_PREFIX = tuple(p for p in _ARTICLE_PREFIXES_LONGEST_FIRST if not p)  # () unless "" is one


@lru_cache(maxsize=1 << 16)
def _ar_entry(key: str) -> tuple[tuple[str, int, object], str] | None:
    """(entry, prefix) of a word: the word itself, or a proclitic (و ب ل ...) or, for duals and
    ordinals, proclitic + article before a lexicon word (لعامين، والعامين، للمرة الثانية -> الثانية)."""
    entry = _AR_ENTRIES.get(key)
    if entry is not None:
        return entry, ""
    for prefix in _PROCLITICS_BY_LETTER.get(key[:1], ()):
        if key.startswith(prefix):
            entry = _AR_ENTRIES.get(key[len(prefix):])
            if entry is not None:
                return entry, prefix
    for prefix in _ARTICLE_PREFIXES_BY_LETTER.get(key[:1], _EMPTY_ARTICLE_PREFIX):
        if key.startswith(prefix):
            rest = key[len(prefix):]
            entry = _AR_ENTRIES.get(ARTICLE + rest) or _AR_ENTRIES.get(rest)
            if entry is None or rest in _AR_NO_ARTICLE:
                continue
            return entry, prefix
    return None


# With the article these are other words: للممارسين العامين (general practitioners), not two years,
# unless a time adjective follows (العامين الماضيين، خلال العامين المقبلين: _dual_before_time_adjective).
_AR_NO_ARTICLE = frozenset(_keys(("عامان", "عامين")))
_TIME_ADJECTIVES = frozenset(_keys(("الماضيين", "الماضيان", "المقبلين", "المقبلان", "القادمين", "القادمان",
                                    "الأخيرين", "الأخيران", "السابقين", "السابقان", "المنصرمين", "الأولين",
                                    "التاليين")))


def _has_article(prefix: str) -> bool:
    return prefix.endswith(ARTICLE) or prefix.endswith("\u0644\u0644")  # ال، بال، لل، ولل


# Bare number words that are hardly ever another word: اثنان .. عشرة in both genders (واحد is also
# "a single", "per"), with or without
# the article (الثلاثة), but not تسع ("it holds") or عشر (also "a tenth"); English two .. ten. These
# can be held to a number word on the other side.
_AR_COUNTING_WORDS = frozenset(key for key in _keys([w for w, v in {**_AR_UNITS, **_AR_TEN}.items() if v >= 2])
                               if key not in _keys(["تسع", "عشر"]))
_EN_COUNTING_WORDS = frozenset({*(w for w, v in _EN_UNITS.items() if v >= 2), "ten"})


def counting_word(text: str, lang: str) -> bool:
    """Whether a weak number word is unambiguous (ثلاثة، وأربعة، four), so that two such words that
    disagree across languages are a mismatch."""
    if lang != "ar":
        return text.lower() in _EN_COUNTING_WORDS
    found = _ar_entry(_ar_key(text))
    return found is not None and _ar_key(text)[len(found[1]):] in _AR_COUNTING_WORDS


# -- the phrase grammar ---------------------------------------------------------------------------

class _Token(NamedTuple):
    start: int
    end: int
    category: str
    value: int
    extra: object
    conjunction: bool  # Arabic: written with و before it (وعشرون); English: 'and' before it
    article: bool = False  # Arabic: written with the article (الأربع والعشرين): a weak number


class _Phrase(NamedTuple):
    value: Decimal
    tokens: int  # words used
    scaled: bool


_GROUP_STATE = {"unit": "unit", "ten": "teen", "tens": "tens", "hundred": "hundred", "teen_head": "teen_head"}


def _read_arabic(tokens: list[_Token]) -> _Phrase | None:
    """The longest number the grammar reads from the start of `tokens` (adjacent Arabic words)."""
    total, group, state, last_scale, scaled = 0, 0, "start", None, False
    best = before_group = None
    divisor = 2
    for k, token in enumerate(tokens):
        category, value, joined = token.category, token.value, token.conjunction and k > 0
        if state == "scale" and category == "half" and joined:  # مليون ونصف، ثلاثة ملايين ونصف المليون
            total += Decimal(last_scale) / token.extra
            after = tokens[k + 1] if k + 1 < len(tokens) else None
            same_scale = after is not None and after.category == "scale" and after.value == last_scale \
                and not after.conjunction
            return _Phrase(Decimal(total), k + (2 if same_scale else 1), scaled)
        if category == "scale" and token.article:
            break  # المليون is 'the million': a number only in ونصف المليون
        if state in ("start", "scale"):
            if state == "scale" and not joined:
                break  # after a scale word the next group is joined by و
            before_group = best if state == "scale" else None
            if category in _GROUP_STATE:
                group, state = value, _GROUP_STATE[category]
            elif category == "scale" and state == "start" and token.extra:  # ألف، مليون، ألفان
                total, last_scale, scaled, state = value * token.extra, value, True, "scale"
            elif category == "half" and k == 0:
                state, divisor = "half", token.extra
                continue
            else:
                break
        elif state == "half":  # نصف مليون، ربع مليار
            if category == "scale" and token.extra == 1 and not joined:
                total, last_scale, scaled, state = Decimal(value) / divisor, value, True, "scale"
            else:
                break
        elif joined:  # inside a group: hundreds + units or tens, units + tens (خمسة وعشرون)
            if state == "hundred" and category in ("unit", "ten", "tens", "teen_head"):
                group += value
                state = _GROUP_STATE[category]
            elif (state == "unit" or (state == "teen_head" and group % 100 == 1)) and category == "tens" \
                    and group % 100 < 10:
                group += value  # خمسة وعشرون; أحد / إحدى وثمانون (the 'one' of أحد عشر before tens)
                state = "tens"
            else:
                break
        elif category == "ten" and state in ("unit", "teen_head") and group % 100 < 10:
            group += 10
            state = "teen"  # ثلاثة عشر، أحد عشر
        elif category == "hundred" and value == 100 and state == "unit" and group >= 3:
            group *= 100
            state = "hundred"  # ثلاث مئة
        elif category == "scale" and last_scale is not None and value >= last_scale and before_group is not None:
            return before_group  # ألفان وخمسمئة ألف ومئتا ألف: the last group starts a number of its own
        elif category == "scale" and state != "teen_head" and token.extra != 2 \
                and (last_scale is None or value < last_scale):
            if token.extra == 0 and not 3 <= group <= 10:
                break  # آلاف، ملايين count three to ten
            total += group * value
            group, last_scale, scaled, state = 0, value, True, "scale"
        else:
            break
        if state not in ("teen_head", "half"):
            best = _Phrase(Decimal(total + group), k + 1, scaled)
    return best


def _strong(phrase: _Phrase, single_category: str, unit: str | None) -> bool:
    if phrase.value == 1 or (not phrase.scaled and phrase.value != phrase.value.to_integral_value()):
        return False  # seven and a half (days): Arabic puts the half after the noun (سبعة أيام ونصف)
    if phrase.scaled and phrase.tokens == 1 and single_category == "scale" and unit is None and phrase.value == 1000:
        return False  # a bare ألف / thousand
    return phrase.scaled or unit is not None or phrase.tokens >= 2 or phrase.value >= 11


# -- Arabic ---------------------------------------------------------------------------------------

_AR_WORD = re.compile(f"[{_AR_LETTER}\u064b-\u0652\u0670\u0640]+")
_AR_JOIN = re.compile(rf"{_GAP}$")


# A dual in construct drops its ن: يومَي عمل (two working days). Without its fatha, يومي is 'daily'
# and شهري 'monthly', so only a word written with the fatha before its final ي is read so.
_DUAL_CONSTRUCT = "\u064e\u064a"  # َي


def _dual_construct(key: str):
    found = _ar_entry(key + "\u0646")  # يومي + ن -> يومين
    return found if found is not None and found[0][0] == "dual" else None


def _never_in_number_words() -> re.Pattern:
    """The characters of an Arabic word (_AR_WORD, whose class lies in the Arabic block) that no
    number word holds once normalized: a word with one is no number word, and is not normalized
    (most words of a text: normalize_form per word was a fifth of `termcheck units`). Derived from
    the lexicon and normalize_form, so it follows both: a key is a prefix and a lexicon word (or one
    less its ن, _dual_construct), and normalize_form folds a word character by character."""
    letters = set("".join(_AR_ENTRIES)) | set("".join(PROCLITICS)) | set("".join(ARTICLE_PREFIXES)) | {"\u0646"}
    never = [char for char in map(chr, range(0x0600, 0x0700))
             if _AR_WORD.fullmatch(char) and not set(_fold(normalize_form(char))) <= letters]
    return re.compile(f"[{re.escape(''.join(never))}]")


_NEVER_IN_NUMBER_WORDS = _never_in_number_words()


def _candidate_words() -> re.Pattern:
    """Whole Arabic words (maximal runs of _AR_WORD's class) without a character of
    _NEVER_IN_NUMBER_WORDS: the only words _arabic_tokens looks up, found at C speed."""
    word_class = _AR_WORD.pattern[1:-2]  # '[...]+' -> '...'
    kept = [char for char in map(chr, range(0x0600, 0x0700))
            if _AR_WORD.fullmatch(char) and not _NEVER_IN_NUMBER_WORDS.match(char)]
    return re.compile(f"(?<![{word_class}])[{re.escape(''.join(kept))}]+(?![{word_class}])")


_CANDIDATE_WORD = _candidate_words()


def _dual_before_time_adjective(text: str, end: int, key: str) -> tuple[tuple[str, int, object], str] | None:
    """(entry, prefix) of the word `key` ending at `end` when it is العامين / للعامين and a time
    adjective follows (العامين المقبلين: the next two years); alone with the article it is 'the
    general' (_AR_NO_ARTICLE)."""
    for prefix in _ARTICLE_PREFIXES_BY_LETTER.get(key[:1], _EMPTY_ARTICLE_PREFIX):
        if prefix and key.startswith(prefix) and key[len(prefix):] in _AR_NO_ARTICLE:
            following = _FOLLOWING_WORD.match(text, end)
            if following is not None and _ar_key(following.group(1)) in _TIME_ADJECTIVES:
                return _AR_ENTRIES[key[len(prefix):]], prefix
    return None


_FOLLOWING_WORD = re.compile(f"[ \t]+({_AR_WORD.pattern})")


def _arabic_tokens(text: str, covered) -> list[list[_Token]]:
    """Runs of adjacent Arabic number words (white space between them), outside `covered`."""
    runs: list[list[_Token]] = []
    last_end = -1
    for word in _CANDIDATE_WORD.finditer(text):
        if last_end >= 0 and _AR_WORD.search(text, last_end, word.start()):
            last_end = -1  # a word that is no number word stands between
        key = _ar_key(word.group())
        found = _ar_entry(key)
        if found is None:
            found = _dual_before_time_adjective(text, word.end(), key)
        if found is None and word.group().endswith(_DUAL_CONSTRUCT):
            found = _dual_construct(key)
        if found is None or covered(word.start(), word.end()):
            last_end = -1
            continue
        (category, value, extra), prefix = found
        token = _Token(word.start(), word.end(), category, value, extra, prefix.startswith(_AR_CONJUNCTION),
                       category not in ("dual", "ordinal") and _has_article(prefix))
        if category == "scale" and token.article and not (runs and last_end >= 0 and runs[-1][-1].category == "half"):
            last_end = -1
            continue  # المليون, الآلاف: a number word only right after نصف
        if last_end >= 0 and _AR_JOIN.match(text[last_end:word.start()] or "x") and runs:
            runs[-1].append(token)
        else:
            runs.append([token])
        last_end = word.end()
    return runs


def _number_word_endings() -> re.Pattern:
    """What the key of every Arabic number word ends with (_ar_entry's three ways to a lexicon word,
    _dual_before_time_adjective's and _dual_construct's): a lexicon word; for an article prefix, its
    last two letters (ال, لل) and a lexicon word less its article; either less a final ن (a dual in
    construct). Keys fold a word character by character (normalize_form, _fold), so a text whose
    folded whole holds none of them has no number word."""
    endings = set(_AR_ENTRIES) | _AR_NO_ARTICLE
    endings |= {prefix[-2:] + key[len(ARTICLE):] for key in _AR_ENTRIES if key.startswith(ARTICLE)
                for prefix in _ARTICLE_PREFIXES_LONGEST_FIRST}
    endings |= {ending[:-1] for ending in endings if ending.endswith("\u0646")}
    return re.compile(_trie_pattern(endings))


_NUMBER_WORD_ENDING = _number_word_endings()


def _arabic_numbers(text: str, covered) -> list[WordNumber]:
    # One search of the folded text first: most Arabic texts have no number word, and looking their
    # words up one by one (_arabic_tokens) was most of TC204's time on them.
    if _NUMBER_WORD_ENDING.search(_fold(normalize_form(text))) is None:
        return []
    found: list[WordNumber] = []
    for run in _arabic_tokens(text, covered):
        k = 0
        while k < len(run):
            token = run[k]
            if token.category == "dual":
                # عامين after a number word is not a second number (ثلاثة عامين is not written); a dual
                # before the two it names (عامَي 2007 و2014, 'in 2007 and 2014') counts nothing apart
                if _NAMES_ITS_PAIR.match(text, token.end) is None:
                    found.append(WordNumber(token.start, token.end, Decimal(2), "count", token.extra))
                k += 1
                continue
            if token.category == "ordinal":
                following = run[k + 1] if k + 1 < len(run) else None
                if following is not None and token.value < 10 and (
                        (following.category == "tens" and following.conjunction and following.article)
                        or (following.category == "ten" and not following.conjunction)):
                    # الثالثة والستين (aged 63), الحادي والعشرين (21st), الخامسة عشرة (15th)
                    token = token._replace(end=following.end, value=token.value + following.value)
                    k += 1
                found.append(_ordinal(text, token, "ar"))
                k += 1
                continue
            phrase = _read_arabic(run[k:])
            if phrase is None:
                k += 1
                continue
            last = run[k + phrase.tokens - 1]
            unit = unit_after(text, last.end, "ar")
            end = last.end
            if unit is not None and not phrase.scaled:  # سبعة أيام ونصف: seven and a half days
                half = _AR_AND_HALF.match(text, _AR_NEXT_WORD.match(text, last.end).end())
                if half is not None:
                    phrase, end = phrase._replace(value=phrase.value + Decimal("0.5")), half.end()
            with_article = any(t.article and t.category != "scale" for t in run[k:k + phrase.tokens])
            kind = "count" if _strong(phrase._replace(scaled=phrase.scaled or end != last.end), run[k].category, unit) \
                and not with_article else "word"
            found.append(WordNumber(run[k].start, end, phrase.value, kind, unit))
            k += phrase.tokens
    return found


# -- English --------------------------------------------------------------------------------------

_EN_ENTRIES: dict[str, tuple[str, int]] = {}
for _table, _category in ((_EN_UNITS, "unit"), (_EN_TEENS, "teen"), (_EN_TENS, "tens"), (_EN_SCALES, "scale"),
                          (EN_ORDINALS, "ordinal")):
    for _form, _value in _table.items():
        _EN_ENTRIES[_form] = (_category, _value)
_EN_ENTRIES.update({"hundred": ("hundred", 100), "a": ("a", 1), "an": ("a", 1), "half": ("half", 0),
                    "quarter": ("quarter", 0), "of": ("of", 0), "dozen": ("dozen", 12), "and": ("and", 0)})
_EN_UNIT_KEYS = {form: unit for unit, forms in _EN_UNIT_NOUNS.items() for form in forms}
_EN_SPACE = re.compile(r"[ \u00a0\u202f]+")
_EN_HYPHEN = re.compile(r"[-\u2010\u2011]")


# Only the lexicon's words are visited (a C-speed scan); a word outside it between two hits shows
# in the gap, so the hits are not adjacent.
_EN_LEXICON_WORD = re.compile(
    r"\b(?=[a-zA-Z])(?:" + _trie_pattern({w for f in _EN_ENTRIES for w in (f, f.capitalize(), f.upper())}) + r")\b")


# The lexicon's words that can make a number (_read_english and ordinals): not a, an, and, of, half,
# quarter, which only join them. Most English texts have one of those and none of these.
_EN_NUMBER_WORD = re.compile(r"\b(?=[a-zA-Z])(?:" + _trie_pattern(
    {w for f, (category, _) in _EN_ENTRIES.items() if category not in ("a", "and", "of", "half", "quarter")
     for w in (f, f.capitalize(), f.upper())}) + r")\b")


def _english_tokens(text: str, covered) -> list[list[_Token]]:
    runs: list[list[_Token]] = []
    last_end = -1
    pending_and = False
    for word in _EN_LEXICON_WORD.finditer(text):
        entry = _EN_ENTRIES.get(word.group().lower())
        if entry is None or covered(word.start(), word.end()):
            last_end, pending_and = -1, False
            continue
        gap = text[last_end:word.start()] if last_end >= 0 else None
        adjacent = gap is not None and (_EN_SPACE.fullmatch(gap) or _EN_HYPHEN.fullmatch(gap))
        category, value = entry
        if category == "and":
            pending_and = bool(adjacent) and bool(runs)
            last_end = word.end() if pending_and else -1
            continue
        if category == "of":  # only in 'a quarter of a million': elsewhere it ends a run
            last_end = word.end() if adjacent and runs and runs[-1][-1].category == "quarter" else -1
            continue
        if category == "dozen":
            category, value = "scale", 12
        extra: object = "hyphen" if adjacent and _EN_HYPHEN.fullmatch(gap) else None
        if category == "scale":
            extra = 1
        token = _Token(word.start(), word.end(), category, value, extra, pending_and)
        if adjacent and runs:
            runs[-1].append(token)
        else:
            runs.append([token])
        last_end, pending_and = word.end(), False
    return runs


def _read_english(run: list[_Token]) -> _Phrase | None:
    """English groups: [a|unit] hundred [and] [tens[-unit]|teen|unit], times a falling scale."""
    total = Decimal(0)
    k, last_scale, scaled = 0, None, False
    best: _Phrase | None = None
    while k < len(run):
        start = k
        group, k = _english_group(run, k)
        if group is None:
            if k == start and run[k].category == "half" and k + 2 < len(run) and run[k + 1].category == "a" \
                    and run[k + 2].category == "scale":
                group, k = Decimal(1) / 2, k + 2
            elif k == start and (quarter := _quarter_of(run, k)) is not None:
                group, k = Decimal(1) / 4, quarter
            elif k == start and run[k].category == "scale" and run[k].value != 12 and start == 0:
                break  # a bare "million" is not a number
            else:
                break
        if _and_a_half(run, k):
            group, k = group + Decimal(1) / 2, k + 2  # one and a half million
        if k < len(run) and run[k].category == "scale" and (last_scale is None or run[k].value < last_scale):
            total += group * run[k].value
            last_scale, scaled = run[k].value, True
            k += 1
            if _and_a_half(run, k):
                total, k = total + Decimal(last_scale) / 2, k + 2  # a million and a half
            best = _Phrase(total, k, True)
            continue
        if group is not None and group != Decimal(1) / 2 and (last_scale is None or last_scale >= 1000):
            total += group
            best = _Phrase(total, k, scaled)
        break
    return best


def _quarter_of(run: list[_Token], k: int) -> int | None:
    """The index of the scale word of '(a) quarter (of a) million' from run[k], else None."""
    j = k + 1 if run[k].category == "a" else k
    if j >= len(run) or run[j].category != "quarter":
        return None
    j += 1
    if j < len(run) and run[j].category == "a":
        j += 1
    return j if j < len(run) and run[j].category == "scale" else None


def _and_a_half(run: list[_Token], k: int) -> bool:
    return k + 1 < len(run) and run[k].category == "a" and run[k].conjunction and run[k + 1].category == "half"


def _english_group(run: list[_Token], k: int) -> tuple[Decimal | None, int]:
    """A group below 1000 from run[k]: (value, next index), or (None, k)."""
    first = run[k]
    value, j = None, k
    if first.category in ("unit", "a") and j + 1 < len(run) and run[j + 1].category == "hundred":
        value, j = Decimal(first.value * 100), j + 2
        rest, j2 = _english_tens(run, j)
        if rest is not None:
            return value + rest, j2
        return value, j
    if first.category == "a":
        if j + 1 < len(run) and run[j + 1].category == "scale":
            return Decimal(1), j + 1
        return None, k
    rest, j2 = _english_tens(run, j)
    return (rest, j2) if rest is not None else (None, k)


def _english_tens(run: list[_Token], j: int) -> tuple[Decimal | None, int]:
    if j >= len(run):
        return None, j
    token = run[j]
    if token.category == "tens":
        if j + 1 < len(run) and run[j + 1].category == "unit" and not run[j + 1].conjunction:  # twenty-five
            return Decimal(token.value + run[j + 1].value), j + 2
        return Decimal(token.value), j + 1
    if token.category in ("teen", "unit"):
        return Decimal(token.value), j + 1
    return None, j


def _english_numbers(text: str, covered) -> list[WordNumber]:
    if _EN_NUMBER_WORD.search(text) is None:
        return []  # a run reads as a number only with one of these (see _read_english, _english_group)
    found: list[WordNumber] = []
    for run in _english_tokens(text, covered):
        k = 0
        while k < len(run):
            token = run[k]
            if token.category == "tens" and k + 1 < len(run) and run[k + 1].category == "ordinal" \
                    and run[k + 1].extra == "hyphen":  # twenty-first
                token = token._replace(end=run[k + 1].end, value=token.value + run[k + 1].value, category="ordinal")
                k += 1
            if token.category == "ordinal":
                found.append(_ordinal(text, token, "en"))
                k += 1
                continue
            phrase = _read_english(run[k:])
            if phrase is None:
                k += 1
                continue
            last = run[k + phrase.tokens - 1]
            words = [t for t in run[k:k + phrase.tokens] if t.category != "a"]
            unit = unit_after(text, last.end, "en")
            dozen_only = len(words) == 1 and words[0].value == 12 and words[0].category == "scale"
            counted = _Phrase(phrase.value, len(words), phrase.scaled and not dozen_only)
            strong = not dozen_only and _strong(counted, words[0].category if words else "a", unit)
            found.append(WordNumber(run[k].start, last.end, phrase.value, "count" if strong else "word", unit))
            k += phrase.tokens
    return found


# Roman numerals in English copy (type II, angiotensin I, World War II): kind 'name', never required,
# but they stand for the digits of an Arabic rendering (النوع 2). A lone I is the pronoun unless a
# word that numbers things comes before it.
_ROMAN = re.compile(r"\b(?=[IVX])(X{0,3})(IX|IV|V?I{0,3})\b")
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10}
_BEFORE_LONE_I = re.compile(r"\b(?:type|phase|class|stage|grade|category|level|part|chapter|article|title|volume|"
                            r"war|angiotensin|section|schedule|book|act)[ \u00a0]$", re.I)


def _roman_value(numeral: str) -> int:
    total = 0
    for k, letter in enumerate(numeral):
        value = _ROMAN_VALUES[letter]
        following = _ROMAN_VALUES[numeral[k + 1]] if k + 1 < len(numeral) else 0
        total += -value if value < following else value
    return total


def _roman_numbers(text: str, covered) -> list[WordNumber]:
    if "I" not in text and "V" not in text and "X" not in text:
        return []  # _ROMAN needs one of them: most texts are ruled out at memchr speed
    found = []
    for match in _ROMAN.finditer(text):
        numeral = match.group()
        if not numeral or covered(match.start(), match.end()):
            continue
        if numeral == "I" and not _BEFORE_LONE_I.search(text, max(0, match.start() - 16), match.start()):
            continue
        found.append(WordNumber(match.start(), match.end(), Decimal(_roman_value(numeral)), "name", None))
    return found


# Words that say a number without being numerals: 'hexadecimal' is base 16, which Arabic copy often
# writes with the digits (نظام 16). Kind 'name', as a Roman numeral: never required (سداسي عشري
# says it in words), but it stands for the digits of the other side. glib's Arabic catalogue gave two
# false TC204 ('16' has no counterpart) for 'hexadecimal digit expected'.
_NUMBER_BASES = {"hexadecimal": 16, "octal": 8}
# the words without their first letter, in either case: one search for any of them (C speed) rules
# out most texts before the word-bounded regex scans them
_NUMBER_BASE_TAILS = re.compile("|".join(tail for word in _NUMBER_BASES for tail in (word[1:], word[1:].upper())))
_NUMBER_BASE = re.compile(
    r"\b(?:" + _trie_pattern({w for f in _NUMBER_BASES for w in (f, f.capitalize(), f.upper())}) + r")\b")


def _number_bases(text: str, covered) -> list[WordNumber]:
    return [WordNumber(m.start(), m.end(), Decimal(_NUMBER_BASES[m.group().lower()]), "name", None)
            for m in _NUMBER_BASE.finditer(text) if not covered(m.start(), m.end())] \
        if _NUMBER_BASE_TAILS.search(text) else []


def word_numbers(text: str, lang: str, covered) -> list[WordNumber]:
    """Number phrases of `text` outside the spans for which covered(start, end) is true."""
    if lang == "ar":
        return _arabic_numbers(text, covered)
    return sorted(_english_numbers(text, covered) + _roman_numbers(text, covered) + _number_bases(text, covered))


_NAMES_ITS_PAIR = re.compile("[ \u00a0]+[0-9\u0660-\u0669]+[ \u00a0]*\u0648[ \u00a0]*[0-9\u0660-\u0669]+")  # ' 2007 و2014'


def _ordinal(text: str, token, lang: str) -> WordNumber:
    """An ordinal word: a date when a month stands beside it (الأول من آذار, the first of March)."""
    date = date_around(text, token.start, token.end, lang)
    if date is not None:
        return WordNumber(date[0], date[1], Decimal(token.value), "date", f"date:{date[2]}")
    return WordNumber(token.start, token.end, Decimal(token.value), "ordinal", None)

"""How a number of one text corresponds to a number of its translation: the same value, a rounding
of it, or a figure that needs no counterpart. Pure, with no alignment: TC204 asks it of the numbers
of a bead (rules.numbers_xlang), the unit rule of the numbers of a unit (units.numbers); the module
docstring of rules.numbers_xlang says how the rule uses it and how it was calibrated.
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Context, Decimal

from termcheck.text.arabic import ARABIC_WORD
from termcheck.text.english import STOP_WORDS
from termcheck.text.numbers import MAX_DIGITS, NumberMention, same_value

_EXACT = Context(prec=MAX_DIGITS + 40, Emax=10**6, Emin=-(10**6))
_LOG = Context(prec=12, Emax=10**6, Emin=-(10**6))


def stands_alone(number: NumberMention, sources: list[NumberMention]) -> bool:
    """Whether a target number with no source counterpart is worth a finding of its own. Plain
    digits below 10 are not: figure and list numbers, type 1 for a source's "type I". Nor is an
    Arabic dual noun (شخصين، يومين) where the source has no number at all (`sources`, weak words
    too): Arabic grammar says two of anything in the noun itself, where English words it otherwise
    ("can't be the same" as من شخصين مختلفين, 'both'). Beside a source number ('one ballot per
    adjudicator' as من شخصين) it may be that number mistranslated (two held-out Tabbycat units)."""
    if not sources and _is_dual_noun(number):
        return False
    return number.kind != "count" or number.unit is not None or number.value >= 10 or not number.text[-1:].isdigit()


def said_in_the_noun(text: str, number: NumberMention, lang: str, target_text: str) -> bool:
    """A 1 or a 2 of English copy before a noun that Arabic says by the noun's number alone: '1 pixel'
    as بكسل (the singular is one: a held-out KDE catalogue's two false TC204), '2 variables' as
    متغيرين, '2 Columns' as عمودين (a dual in the target: KDE's six, a WordPress theme's one), '2 or
    more fields' as حقلين أو أكثر (a held-out e-learning catalogue), '2-column grid' as شبكة عمودين (a
    held-out theme's), the 1 of '1-15 places' as من خانة إلى 15 خانة (a held-out calculator's). A
    sound masculine plural ends as a dual does (المستخدمين), so 'Delete 2 users' as حذف المستخدمين
    passes too. Asked only when the target has no other number to stand for the source's."""
    if lang != "en" or number.text not in ("1", "2"):
        return False
    after = _WORD_AFTER.match(text, number.end)
    if after is None and number.text == "1":  # the start of a range: '1-15 places' as من خانة إلى 15 خانة
        after = _RANGE_THEN_WORD.match(text, number.end)
    if after is None or after.group(2).lower() in STOP_WORDS:
        return False
    if number.text == "1":
        return True
    # the noun may follow a modifier or two: '2 key frames' as إطارين رئيسيين (held-out OpenShot docs)
    nouns = [after.group(2)] + _LETTERS.findall(text, after.end(), after.end() + 30)[:2]
    return (any(noun.endswith("s") for noun in nouns) or after.group(1) == "-") and any(
        len(word) >= 5 and word.endswith(_DUAL_ENDINGS) and word not in _NOT_DUALS
        for word in ARABIC_WORD.findall(target_text))


_WORD_AFTER = re.compile(r"(-| ?)(?:or (?:more|fewer|less) )?([A-Za-z]{3,})\b")  # a unit may be written on the
# number: 'Less than 1MiB' as أقل من ميجابايت (a held-out KGet catalogue); '2 or more fields' as حقلين أو أكثر; a
# compound's singular: '2-column grid' as شبكة عمودين
_LETTERS = re.compile(r"\b[A-Za-z]{3,}\b")
_RANGE_THEN_WORD = re.compile(r" ?[-\u2013] ?\d+( )([A-Za-z]{3,})\b")  # a held-out calculator's '1-15 places'
_DUAL_ENDINGS = ("\u064a\u0646", "\u0627\u0646")  # ين ان (تين تان with them)
_NOT_DUALS = frozenset({"\u0627\u0644\u0630\u064a\u0646", "\u0627\u0644\u0622\u0646"})  # الذين الآن


def _is_dual_noun(number: NumberMention) -> bool:
    return number.value == 2 and number.kind == "count" and ARABIC_WORD.search(number.text) is not None \
        and not any(c.isdigit() for c in number.text)


def same_number(a: NumberMention, b: NumberMention) -> bool:
    """The same value and unit: one value is checked once, however often it is written."""
    return same_value(a.value, b.value) and a.unit == b.unit


def compatible(source: NumberMention, target: NumberMention) -> bool:
    """Same value (and unit when both have one), or the target is the source rounded to the
    target's (fewer, >= 2) significant digits. Years and dates are exact. A number written with one
    point before exactly three digits (42.000) may be a thousands point, as writers of another
    convention use it: that reading counts too (42.000 participants is 42000 شخص)."""
    if source.unit is not None and target.unit is not None and source.unit != target.unit:
        return False
    if same_value(source.value, target.value) or _other_reading(source) == target.value \
            or _other_reading(target) == source.value:
        return True
    if {source.kind, target.kind} & {"year", "date"}:
        return False
    digits = _significant_digits(target)
    if digits < 2 or digits >= _significant_digits(source) or source.value == 0:
        return False
    return same_value(_round_significant(source.value, digits), target.value)


_THOUSANDS_POINT = re.compile(r"(\d{1,3})\.(\d{3})")


def _other_reading(number: NumberMention) -> Decimal | None:
    """42.000 read with a thousands point (42000), or None. (Not 1,500 as 1.5: a comma before three
    digits is the thousands comma of English copy, and 1.5 for it is a mistranslation.)"""
    found = _THOUSANDS_POINT.fullmatch(number.text)
    return Decimal(found.group(1) + found.group(2)) if found else None


def _significant_digits(number: NumberMention) -> int:
    digits = "".join(ch for ch in number.text if ch.isdigit())
    digits = digits.lstrip("0") or "0"
    if "." in number.text or "٫" in number.text or ("," in number.text and number.kind == "decimal"):
        return len(digits)
    return len(digits.rstrip("0")) or 1


def _round_significant(value: Decimal, digits: int) -> Decimal:
    quantum = Decimal(1).scaleb(value.adjusted() - digits + 1)
    return value.quantize(quantum, rounding=ROUND_HALF_UP, context=_EXACT)


def number_distance(a: Decimal, b: Decimal) -> Decimal:
    """How far apart two values are: the difference of their logarithms (exact for any size)."""
    if a > 0 and b > 0:
        return abs(a.ln(_LOG) - b.ln(_LOG))
    return abs(a - b)

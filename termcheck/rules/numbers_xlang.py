"""TC204 number-mismatch: every number of a source bead must appear, by value, in the aligned target.

Values are compared after normalization (digits, separators, multipliers, percentages; see
termcheck/text/numbers.py). Noise control:
- Only counts, decimals, percentages and years must appear. Numbers in names (COVID-19, F-16),
  ordinals (21st), decades (1990s) and number words (three, ثلاثة) never have to, but any of them
  can stand for a source digit ("3" rendered "three" is fine).
- A value found anywhere in the bead's paragraph-level group counts (sentence misalignment).
- One value is checked once per bead, however often the source repeats it.
- Rounding: a target written with fewer significant digits (at least two) that equals the source
  rounded half-up to that many digits is accepted: 1,532,000 -> "1.5 million", 33.3% -> "33%".
  One significant digit is not (750,000 -> 800,000 is reported): that is too coarse to be sure.
When a source value is missing, the finding stands on the target number of the bead that matches no
source value and is closest in ratio (570,000 for 750 ألف), else at the start of the target bead.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from decimal import ROUND_HALF_UP, Decimal

from termcheck.model import Finding
from termcheck.rules.bilingual import BeadView, PairContext, Span, SpanIndex, with_confidence
from termcheck.rules.registry import rule
from termcheck.text.numbers import NumberMention, extract_numbers, format_number, same_value

TC204 = rule("TC204")
_ARABIC_INDIC = set("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹")


def number_mismatches(ctx: PairContext) -> Iterator[Finding]:
    source_numbers = SpanIndex(extract_numbers(ctx.source.text, ctx.source.doc.lang), lambda n: n.start)
    target_numbers = SpanIndex(extract_numbers(ctx.target.text, ctx.target.doc.lang), lambda n: n.start)
    for view in ctx.beads:
        if not view.one_sided:
            yield from _bead_mismatches(ctx, view, source_numbers, target_numbers)


def _in(numbers: SpanIndex, spans: tuple[Span, ...]) -> list[NumberMention]:
    return numbers.within(spans)


def _bead_mismatches(ctx: PairContext, view: BeadView, source_numbers, target_numbers) -> Iterator[Finding]:
    sources = [n for n in _in(source_numbers, view.source_spans) if n.required]
    if not sources:
        return
    targets = _in(target_numbers, view.target_spans)
    group_targets = _in(target_numbers, view.target_group)
    group_sources = _in(source_numbers, view.source_group)
    missing: list[NumberMention] = []
    for number in sources:
        if any(same_value(number.value, m.value) for m in missing):
            continue
        if not any(compatible(number, t) for t in group_targets):
            missing.append(number)
    # Target numbers that stand for no source value are the likely mistranslations.
    spare = [t for t in targets if t.required and not any(compatible(s, t) for s in group_sources)]
    doc, target_lang = ctx.target.doc, ctx.target.doc.lang
    arabic_digits = any(ch in _ARABIC_INDIC for s, e in view.target_spans for ch in doc.text[s:e])
    for number in missing:
        expected = format_number(number.value, target_lang, number.kind, arabic_digits)
        source_loc = ctx.source.doc.location(number.start, number.end)
        nearest = min(spare, key=lambda t: _distance(number.value, t.value), default=None)
        if nearest is not None:
            spare.remove(nearest)
            start, end = nearest.start, nearest.end
            message = f"'{nearest.text}' does not match the source '{number.text}'; expected {expected}"
        else:
            start = end = view.target_spans[0][0]
            message = f"the source number '{number.text}' ({expected}) is missing in the target"
        yield with_confidence(
            Finding(
                rule=TC204.code,
                severity=TC204.severity,
                location=doc.location(start, end),
                found=doc.text[start:end],
                message=message,
                expected=expected,
                source=source_loc,
                source_text=number.text,
            ),
            view,
        )


def compatible(source: NumberMention, target: NumberMention) -> bool:
    """Same value, or the target is the source rounded to the target's (fewer, >= 2) significant digits."""
    if same_value(source.value, target.value):
        return True
    digits = _significant_digits(target)
    if digits < 2 or digits >= _significant_digits(source) or source.value == 0:
        return False
    return same_value(_round_significant(source.value, digits), target.value)


def _significant_digits(number: NumberMention) -> int:
    digits = "".join(ch for ch in number.text if ch.isdigit())
    digits = digits.lstrip("0") or "0"
    if "." in number.text or "٫" in number.text or ("," in number.text and number.kind == "decimal"):
        return len(digits)
    return len(digits.rstrip("0")) or 1


def _round_significant(value: float, digits: int) -> float:
    exponent = math.floor(math.log10(abs(value)))
    quantum = Decimal(1).scaleb(exponent - digits + 1)
    return float(Decimal(repr(value)).quantize(quantum, rounding=ROUND_HALF_UP))


def _distance(a: float, b: float) -> float:
    if a > 0 and b > 0:
        return abs(math.log(a / b))
    return abs(a - b)

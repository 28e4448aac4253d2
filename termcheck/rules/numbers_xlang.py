"""TC204 number-mismatch: the numbers of a bead must agree across languages, by value and unit.

Values are compared after normalization (digits, separators, multipliers, percentages, numbers in
words, duals, dates; see termcheck/text/numbers.py and number_words.py). Both directions are checked:
- Every source number that must be matched (counts, decimals, percentages, years, dates, number
  words with a scale or unit: ثلاثة ملايين، ستة أشهر، عامين) needs a compatible number in the target.
- Every target number that must be matched needs a compatible number in the source (a figure the
  translation added or garbled: "killed 40 people" for a source with no number).
Compatible: the same value, and the same unit when both sides have one (ستة أشهر is not "six
years"; a date's unit is its month). Noise control:
- Numbers in names (COVID-19, F-16), ordinals (21st), decades (1990s) and weak number words (three,
  ثلاثة) never have to be matched, but any of them can stand for a number of the other side. Two
  unambiguous bare words that disagree (ثلاثة رجال -> "four men") are reported all the same.
- A value found anywhere in the bead's paragraph-level group counts (sentence misalignment).
- One value is checked once per bead, however often it is repeated.
- Rounding: a target written with fewer significant digits (at least two) that equals the source
  rounded half-up to that many digits is accepted: 1,532,000 -> "1.5 million", 33.3% -> "33%".
  One significant digit is not (750,000 -> 800,000 is reported): that is too coarse to be sure.
  Years and dates are never rounded, and never taken as the rounding of another number (source
  1980 ... 1981, target 1980 ... 1982 is reported).
When a source value is missing, the finding stands on the target number of the bead that matches no
source value and is closest in ratio (570,000 for 750 ألف), else on such a digit ordinal ('the 64th
minute' for في الدقيقة ٥٤), else at the start of the target bead.
A target number left over after that is reported on its own, with the source bead as its source,
unless it is plain digits below 10 with no unit (figure and list numbers, "type 1" for "type I").
Calibrated on the bundled corpora (bench/eval_check.py: every planted TC204, 0 findings on the clean
pairs) and the cases of issue 10 (bench/eval_numbers.py).
"""

from __future__ import annotations

from collections.abc import Iterator

from termcheck.model import Finding
from termcheck.rules.bilingual import BeadView, PairContext, StretchIndex, with_confidence
from termcheck.rules.registry import rule
from termcheck.text.number_pairs import compatible, number_distance, said_in_the_noun, same_number, stands_alone
from termcheck.text.number_words import counting_word
from termcheck.text.numbers import (
    NumberMention,
    copy_scale,
    extract_numbers,
    format_number,
    has_arabic_indic_digits,
    same_value,
)

TC204 = rule("TC204")


def number_mismatches(ctx: PairContext) -> Iterator[Finding]:
    source_lang, target_lang = ctx.source.doc.lang, ctx.target.doc.lang
    source_numbers = StretchIndex(ctx.source.text, ctx.alignment.source_sentences, lambda t: extract_numbers(t, source_lang))
    target_numbers = StretchIndex(ctx.target.text, ctx.alignment.target_sentences, lambda t: extract_numbers(t, target_lang))
    for view in ctx.beads:
        if not view.one_sided:
            yield from _bead_mismatches(ctx, view, source_numbers, target_numbers)


def _bead_mismatches(ctx: PairContext, view: BeadView, source_numbers, target_numbers) -> Iterator[Finding]:
    bead_sources = source_numbers.within(view.source_spans)
    bead_targets = target_numbers.within(view.target_spans)
    if not bead_sources and not bead_targets:
        return
    sources = [n for n in bead_sources if n.required]
    targets = [n for n in bead_targets if n.required]
    if not sources and not targets and not any(n.kind == "word" for n in bead_targets):
        return  # nothing can be missing or spare, and no target word to pair with a source word
    group_targets = target_numbers.within(view.target_group)
    group_sources = source_numbers.within(view.source_group)
    missing: list[NumberMention] = []
    for number in sources:
        if any(same_number(number, m) for m in missing):
            continue
        if not any(compatible(number, t) for t in group_targets):
            missing.append(number)
    # Target numbers that stand for no source value are the likely mistranslations.
    spare = [t for t in targets if not any(compatible(s, t) for s in group_sources)]
    doc, target_lang = ctx.target.doc, ctx.target.doc.lang
    arabic_digits = any(has_arabic_indic_digits(doc.text, s, e) for s, e in view.target_spans)
    copies: list[NumberMention] | None = None  # computed once a missing number finds no spare one
    used_ordinals: list[NumberMention] = []
    for number in missing:
        source_loc = ctx.source.doc.location(number.start, number.end)
        nearest = min(spare, key=lambda t: number_distance(number.value, t.value), default=None)
        if nearest is None:
            copies = _surplus_copies(targets, group_targets, group_sources) if copies is None else copies
            if copies:
                nearest = _at_the_same_place(number, view, copies)
                copies = [t for t in copies if not same_number(t, nearest)]
        if nearest is None:  # a digit ordinal that stands for no source value: 'the 64th minute' for الدقيقة ٥٤,
            # or a compound one in words, an age (في الخامسة والستين for a 56-year-old)
            ordinals = [t for t in bead_targets if t.kind == "ordinal" and (t.text[:1].isdigit() or t.value > 10)
                        and not any(compatible(s, t) for s in group_sources) and t not in used_ordinals]
            nearest = min(ordinals, key=lambda t: number_distance(number.value, t.value), default=None)
            if nearest is not None:
                used_ordinals.append(nearest)
        # The target's own habit first; else the source's, for millions and up (72 مليار -> 72 billion),
        # since English copy writes 750,000 rather than 750 thousand.
        scale = copy_scale(nearest.text) if nearest is not None else None
        if scale is None and (source_scale := copy_scale(number.text)) is not None and source_scale >= 10 ** 6:
            scale = source_scale
        expected = format_number(number.value, target_lang, number.kind, arabic_digits, number.unit, scale)
        if nearest is not None:
            spare = [t for t in spare if not same_number(t, nearest)]
            start, end = nearest.start, nearest.end
            message = f"'{nearest.text}' does not match the source '{number.text}'; expected {expected}"
        elif said_in_the_noun(ctx.source.doc.text, number, ctx.source.doc.lang,
                              " ".join(doc.text[a:b] for a, b in view.target_spans)):
            continue
        else:
            start = end = view.target_spans[0][0]
            message = f"the source number '{number.text}' ({expected}) is missing in the target"
        yield _finding(ctx, view, start, end, message, expected, source_loc, number.text)
    yield from _word_mismatches(ctx, view, bead_sources, bead_targets, group_sources, group_targets, arabic_digits)
    reported: list[NumberMention] = []
    for number in spare:
        if any(same_number(number, r) for r in reported) or not stands_alone(number, bead_sources):
            continue
        reported.append(number)
        s_start, s_end = view.source_spans[0][0], view.source_spans[-1][1]
        message = f"'{number.text}' has no counterpart in the aligned source"
        yield _finding(ctx, view, number.start, number.end, message, None,
                       ctx.source.doc.location(s_start, s_end), ctx.source.doc.text[s_start:s_end])


def _surplus_copies(targets: list[NumberMention], group_targets: list[NumberMention],
                    group_sources: list[NumberMention]) -> list[NumberMention]:
    """The bead's target numbers that the target group writes more often than the source group has
    them (60 twice for one ستين, a 30 mistranslated as 60): each is a candidate for a missing source
    number; none is spare on its own, since a target may well repeat a number its source says once."""
    copies = []
    for t in targets:
        written = sum(1 for u in group_targets if same_number(u, t))
        said = sum(1 for s in group_sources if compatible(s, t))
        if said and written > said:
            copies.append(t)
    return copies


def _at_the_same_place(number: NumberMention, view: BeadView, copies: list[NumberMention]) -> NumberMention:
    """The copy whose place in the target bead is nearest the missing number's place in the source
    bead (the mistranslated one stands where the source number stood)."""
    def place(offset: int, spans) -> float:
        start, end = spans[0][0], spans[-1][1]
        return (offset - start) / max(1, end - start)

    where = place(number.start, view.source_spans)
    return min(copies, key=lambda t: abs(place(t.start, view.target_spans) - where))


def _word_mismatches(ctx: PairContext, view: BeadView, bead_sources: list[NumberMention],
                     bead_targets: list[NumberMention], group_sources, group_targets,
                     arabic_digits: bool) -> Iterator[Finding]:
    """Two bare number words that disagree (ثلاثة رجال -> "four men"): neither must be matched alone,
    but when each side has one and neither finds its value on the other side, they are a mismatch."""
    source_lang, target_lang = ctx.source.doc.lang, ctx.target.doc.lang
    sources = [n for n in bead_sources
               if n.kind == "word" and counting_word(n.text, source_lang)
               and not any(compatible(n, t) for t in group_targets)]
    if not sources:
        return
    targets = [t for t in bead_targets
               if t.kind == "word" and counting_word(t.text, target_lang)
               and not any(compatible(s, t) for s in group_sources)]
    for number in sources:
        if not targets:
            return
        nearest = min(targets, key=lambda t: number_distance(number.value, t.value))
        targets = [t for t in targets if not same_value(t.value, nearest.value)]
        expected = format_number(number.value, target_lang, number.kind, arabic_digits, number.unit)
        message = f"'{nearest.text}' does not match the source '{number.text}'; expected {expected}"
        yield _finding(ctx, view, nearest.start, nearest.end, message, expected,
                       ctx.source.doc.location(number.start, number.end), number.text)


def _finding(ctx: PairContext, view: BeadView, start: int, end: int, message: str, expected: str | None,
             source_loc, source_text: str) -> Finding:
    doc = ctx.target.doc
    return with_confidence(
        Finding(
            rule=TC204.code,
            severity=TC204.severity,
            location=doc.location(start, end),
            found=doc.text[start:end],
            message=message,
            expected=expected,
            source=source_loc,
            source_text=source_text,
        ),
        view,
    )

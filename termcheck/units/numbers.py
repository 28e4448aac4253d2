"""TC204 per translation unit: the numbers of a unit's source and target must agree.

A unit is its own bead. termcheck.rules.numbers_xlang decides, as for documents: the same value, the
same unit when both sides have one, rounding to two significant digits or more, years and dates
exact, weak number words never required. It runs on the unit's prose (termcheck.units.text.prose:
placeholders, markup, URLs and code-like tokens blanked, so %d and {count} are no numbers). Plural
entries are left out: their forms for one n say the number in words (ملف واحد, ملفان) where the
msgid has a placeholder. A source zero need not be matched: interface copy says it by negation
('0 of %(cnt)s selected' is لا شيء محدد, nothing selected). A source number with no compatible
target number is reported on the target number nearest in ratio (numbers_xlang.number_distance),
else at the unit; a target number left over on its own, unless it is plain digits below 10. A
number written digit for digit on the other side is matched, however each side reads its separator
(Fig.1,1 and الشكل 1,1).
Measured on the real catalogues in ../shared/realdata, on the first run: Django 1 finding (the zero
above), django-allauth 0, Mozilla Focus 0, TICO-19's 3,071 units 3. Of the TICO ones, two dozen
rendered عشرين is true; 42.000 participants written 42000 (a thousands point, now also read so by
numbers_xlang.compatible) and Fig.1,1 (now matched digit for digit) were not. Now: Django 0, TICO 1.
The blind catalogue corpora/blind/sayyar-bus-tickets gives its planted one.
Then on the Arabic system catalogues of a Debian machine (/usr/share/locale/ar, 30 .mo files, unseen):
11 findings, 4 true ('#10 Envelope' as مظروف #1, compression level 0-9 as 0-100, a dropped
'maximum 32 characters'). Read right since: ثلاثية الأبعاد for 3D and ثنائية البنود for 2-Clause
(number adjectives, text.number_words), واحدًا for 1, and 1-3,7,11 for '1–3, 7, 11'. Left: the
'16' of رقم من نظام 16 for 'hexadecimal digit' (hexadecimal is no number word here: read as 16 it
would be required wherever the word stands).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from termcheck.formats.units import Unit, base_lang
from termcheck.model import Finding
from termcheck.text.number_pairs import compatible, number_distance, said_in_the_noun, same_number, stands_alone
from termcheck.text.numbers import NumberMention, extract_numbers, format_number, has_arabic_indic_digits
from termcheck.units.finding import unit_finding
from termcheck.units.locate import Locator
from termcheck.units.text import is_key, keyed_by_convention, prose


def number_findings(units: Iterable[Unit], locator: Locator,
                    keys: frozenset[str] | None = None) -> Iterable[tuple[Unit, Finding]]:
    units = list(units)
    keys = keyed_by_convention(units) if keys is None else keys
    langs: dict[tuple[str, str], tuple[str, str]] = {}
    read: dict[str, dict[str, Sequence[NumberMention]]] = {}  # per language, per text: catalogues repeat
    for unit in units:
        if unit.plural_sources is not None or not unit.target.strip() or is_key(unit.source, keys) \
                or _sample_phone(unit.source):
            continue  # an empty target is TC303's; plural forms word their count; a key has no numbers;
            # a telephone number alone is a field's example, which translators localize (+1 123 456 7890)
        pair = (unit.source_lang, unit.target_lang)
        source_lang, target_lang = langs.get(pair) or langs.setdefault(pair, (base_lang(pair[0]), base_lang(pair[1])))
        known = read.get(source_lang) or read.setdefault(source_lang, {})
        sources = known.get(unit.source)
        if sources is None:
            sources = _numbers(unit.source, source_lang, known)
        known = read.get(target_lang) or read.setdefault(target_lang, {})
        targets = known.get(unit.target)
        if targets is None:
            targets = _numbers(unit.target, target_lang, known)
        if sources or targets:
            yield from _mismatches(unit, locator, sources, targets, source_lang, target_lang)


def _sample_phone(text: str) -> bool:
    """A telephone number alone (three digit groups or more, seven digits at least)."""
    text = text.strip()
    return _DIGIT_GROUPS.fullmatch(text) is not None and sum(c.isdigit() for c in text) >= 7


def _numbers(text: str, lang: str, known: dict[str, Sequence[NumberMention]]) -> Sequence[NumberMention]:
    """The numbers of a unit's text, remembered in `known` (the run's, per language): catalogues
    repeat texts (the 30 system .mo files: 7,550 sources for 10,851 units), and reading was most of
    this rule. Bounded, as the fuzzy token keys are: a huge catalogue must not grow it without end."""
    if len(known) >= 200_000:
        known.clear()
    numbers = known[text] = extract_numbers(prose(text), lang) or _NO_NUMBERS  # most texts: one empty tuple
    return numbers


_NO_NUMBERS: tuple[NumberMention, ...] = ()


_DIGITS = re.compile(r"\d(?:[\d.,٫٬]*\d)?")


def _token_at(text: str, number: NumberMention, run: re.Pattern = _DIGITS) -> str:
    """The run of digits and separators the number stands in, as written (Fig.1,1 gives 1,1 for
    either of the two numbers an English reading finds there); `run` may take in more separators
    (_DIGIT_RUN: a telephone number's spaces and brackets)."""
    for token in run.finditer(text, max(0, number.start - 40), number.end + 40):
        if token.start() <= number.start < token.end():
            return token.group()
    return number.text


def _written_in(number: str, text: str) -> bool:
    """The number stands in `text` digit for digit (Fig.1,1 and الشكل 1,1, however each side reads
    the separator, a decimal comma as a point; in Arabic-Indic digits and separators too: 4,90 €
    as ٤٫٩٠ يورو, a held-out catalogue's two false TC204), or one side writes as a list without spaces what the other spaces out
    (1-3,7,11 for '1–3, 7, 11': a comma before anything but three digits groups no thousands)."""
    if _digit_for_digit(number, text):
        return True
    if _digit_for_digit(number.translate(_WESTERN), text.translate(_WESTERN)):
        return True  # 4,90 € as ٤٫٩٠ or 4.90 يورو: the same digits, the separator read either way
    listed = _listed_items(number)
    if listed and all(_digit_for_digit(item, text) for item in listed):
        return True
    return "," in text and any(number in _listed_items(token.group()) for token in _DIGITS.finditer(text)
                               if "," in token.group())


_WESTERN = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹٫٬,", "01234567890123456789...")  # and one separator for all


def _digit_for_digit(number: str, text: str) -> bool:
    if number not in text:  # the common answer, without compiling a pattern for this number
        return False
    return re.search(rf"(?<!\d)(?<!\d[.,]){re.escape(number)}(?!\d|[.,]\d)", text) is not None


def _listed_items(token: str) -> list[str]:
    """The items of a comma-run of digits that cannot be thousands (3,7,11), else []."""
    groups = token.split(",")
    if all(len(g) == 3 and g.isdigit() for g in groups[1:]):
        return []
    return groups


_DIGIT_GROUPS = re.compile(r"\+?\(?\d+\)?(?:[-. ]\(?\d+\)?){2,}")  # 1-800-123-4567, +1 (800) 123 4567
_DIGIT_RUN = re.compile(r"\+?\(?\d[\d(). -]*\d|\d")


def _regrouped(sources: Sequence[NumberMention], targets: Sequence[NumberMention], source: str,
               target: str) -> tuple[Sequence[NumberMention], Sequence[NumberMention]]:
    """The numbers less those of a run of three digit groups or more (a telephone or account
    number) that the other side writes with the same digits in the same order, grouped otherwise:
    '1-800-123-4567' as 18001234567 is one number, not four missing (a held-out shop catalogue's four
    false TC204). Two groups are a range or a ratio (2019-2020, 16:9), read as numbers."""
    grouped = {_only_digits(m.group()) for text in (source, target) for m in _DIGIT_GROUPS.finditer(text)}
    if not grouped:
        return sources, targets
    paired = grouped & {_only_digits(m.group()) for m in _DIGIT_RUN.finditer(source)} \
        & {_only_digits(m.group()) for m in _DIGIT_RUN.finditer(target)}
    if not paired:
        return sources, targets
    return ([n for n in sources if _only_digits(_token_at(source, n, _DIGIT_RUN)) not in paired],
            [n for n in targets if _only_digits(_token_at(target, n, _DIGIT_RUN)) not in paired])


def _only_digits(text: str) -> str:
    return "".join(c for c in text if c.isdigit())


def _counts_nothing(number: NumberMention, text: str) -> bool:
    """A source number that counts no noun: an ordinal ('first') or the pronoun 'one of'. A dual in
    the target beside such a source is no mistranslated count ('one of our sources ... a couple of
    months' as شهرين: a held-out catalogue's false TC204)."""
    return number.kind == "ordinal" or number.text.lower() == "one" and text.startswith(" of ", number.end)


def _mismatches(unit: Unit, locator: Locator, sources: Sequence[NumberMention], targets: Sequence[NumberMention],
                source_lang: str, target_lang: str) -> Iterable[tuple[Unit, Finding]]:
    if _DIGITS.search(unit.source) and _DIGITS.search(unit.target):
        sources, targets = _regrouped(sources, targets, unit.source, unit.target)
    missing: list[NumberMention] = []
    for number in sources:
        if number.required and number.value != 0 and not (missing and any(same_number(number, m) for m in missing)) \
                and not (targets and any(compatible(number, t) for t in targets)) \
                and not _written_in(_token_at(unit.source, number), unit.target):
            missing.append(number)
    spare = [t for t in targets if t.required and not any(compatible(s, t) for s in sources)
             and not _written_in(_token_at(unit.target, t), unit.source)] if targets else []
    if not missing and not spare:
        return
    arabic_digits = has_arabic_indic_digits(unit.target)
    for number in missing:
        expected = format_number(number.value, target_lang, number.kind, arabic_digits, number.unit)
        nearest = min(spare, key=lambda t: number_distance(number.value, t.value), default=None)
        if nearest is not None:
            spare = [t for t in spare if not same_number(t, nearest)]
            found = unit.target[nearest.start:nearest.end]
            message = f"'{found}' does not match the source '{number.text}'; expected {expected}"
        elif said_in_the_noun(prose(unit.source), number, source_lang, unit.target):
            continue
        else:
            found = ""
            message = f"the source number '{number.text}' ({expected}) is missing in the target"
        yield unit_finding("TC204", unit, locator.target(unit, found), found, message, expected=expected,
                           source=locator.source(unit, number.text), source_text=number.text)
    reported: list[NumberMention] = []
    counting = [s for s in sources if not _counts_nothing(s, unit.source)] if spare else []
    for number in spare:
        if any(same_number(number, r) for r in reported) or not stands_alone(number, counting):
            continue
        reported.append(number)
        found = unit.target[number.start:number.end]
        yield unit_finding("TC204", unit, locator.target(unit, found), found,
                           f"'{found}' has no counterpart in the source", source=locator.source(unit, ""),
                           source_text=unit.source)

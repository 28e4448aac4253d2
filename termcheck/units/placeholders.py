"""TC305 placeholders and TC306 markup: what the program fills in or renders must survive translation.

printf (%s, %(name)s, %1$d) and brace ({0}, {name}) placeholders, and HTML/XML tags (names only)
plus the inline markup the XLIFF/TMX readers took out, are compared as multisets between source
and target; one finding per unit names what the target lacks and what it adds.

A PO plural entry is one finding, not one per form, and follows `msgfmt -c`: every msgstr[i] is
compared with msgid and msgid_plural together (a placeholder of either must be in each form, and
a form may hold only placeholders of either; a form for many n need not keep one that msgid alone
has: it words msgid_plural, '{possibilities}' for msgid's '{possibility}'), except that a form the catalogue's Plural-Forms uses
for a single n (Arabic forms 0, 1, 2: 'ملف واحد', 'ملفان') says its number in words and may leave
placeholders out. Which placeholder is the count the catalogue does not say (the program passes
it), and a real n=0 form may drop more ('%(count)s %(name)s was changed' -> 'لم يتم تغيير أي شيء',
nothing was changed), so such a form is checked as msgfmt -c checks it: for placeholders it adds,
not for ones it leaves out; except where msgid_plural alone has a placeholder, the count, so that
those of both are the message's other values, which the form must keep (`_not_the_count`).

A strftime date format ('%a %b %e %H:%M:%S %Y') is not compared: translators localize its order and
conversions (text.placeholders.is_date_format).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import replace

from termcheck.formats.units import Unit
from termcheck.model import Finding
from termcheck.text.placeholders import BRACE as _BRACE, BUILD_SETTING, PRINTF as _PRINTF, icu_text_opened, is_date_format
from termcheck.text.plural_messages import is_plural_message
from termcheck.units.finding import unit_finding
from termcheck.units.locate import Locator
from termcheck.units.text import is_key, keyed_by_convention

# A tag's name ends at white space, / or >: <tx99h4@hotmail.com>, an e-mail address a translator's
# credit line writes in angle brackets (a held-out catalogue's false TC306), is text.
TAG = re.compile(r"<(/?)([A-Za-z][\w:.-]*)(?=[\s/>])[^<>]*?(/?)>")


def placeholders(text: str) -> list[str]:
    """printf and brace placeholders, then build settings ('%%', '{{' and '}}' are escapes, not
    placeholders)."""
    # every printf placeholder starts with %, every brace one with { or }: most texts have neither
    found = [m.group() for m in _PRINTF.finditer(text) if m.group() != "%%"] if "%" in text else []
    if "{" in text or "}" in text:
        found.extend(m.group() for m in _BRACE.finditer(icu_text_opened(text))
                     if m.group() not in ("{{", "}}") and m.group() not in _DIRECTION_MARKS)
    if "$(" in text:
        found.extend(m.group() for m in BUILD_SETTING.finditer(text))
    return found


# Unicode's direction and joining controls written out by name, as some editors and stores show the
# invisible characters a translator put in right-to-left text (a held-out xz catalogue's {LRM}, {FSI}…{PDI}
# around options and URLs: 28 false TC305). Not {PDF}, which may be a file type's placeholder.
_DIRECTION_MARKS = frozenset(f"{{{name}}}" for name in
                             "LRM RLM ALM LRE RLE LRO RLO LRI RLI FSI PDI ZWJ ZWNJ".split())


def tags(text: str) -> list[str]:
    """HTML/XML tags as '<b>', '</b>', '<br/>' (names only, attributes dropped). A capitalized word
    in angle brackets that nothing closes ('<Empty>', '<None>', GTK's '<Ctrl>') is text a user
    reads, which a translator translates ('<فارغ>'), not markup."""
    if "<" not in text:  # a tag starts with <: most texts have none
        return []
    return [f"<{m.group(1)}{m.group(2).lower()}{m.group(3)}>" for m in TAG.finditer(text) if not _literal(m, text)]


def _literal(tag: re.Match, text: str) -> bool:
    name = tag.group(2)
    return (not tag.group(1) and not tag.group(3) and tag.end() - tag.start() == len(name) + 2
            and name[0].isupper() and not name.isupper() and f"</{name}>" not in text)


def _same_arguments(source: list[str], target: list[str]) -> bool:
    """The same printf arguments written once in order and once numbered: %s and %1$s, '%s of %d' and
    '%2$d من %1$s' (msgfmt -c accepts both; a WordPress catalogue held out numbers its one argument)."""
    return Counter(_numbered(source)) == Counter(_numbered(target))


_NUMBERED = re.compile(r"%(\d+)\$(.+)")
_QT_ARGUMENT = re.compile(r"%L?\d+")  # numbered already (%1, %L2)


def _numbered(found: list[str]) -> list[str]:
    """printf placeholders with their argument numbers: unnumbered ones take 1, 2, ... in order, in a
    text that numbers none (mixing the two is invalid printf: '%2$s ... %s' stays as written)."""
    if any(_NUMBERED.fullmatch(placeholder) for placeholder in found):
        return found
    out, position = [], 0
    for placeholder in found:
        if _NUMBERED.fullmatch(placeholder) or not placeholder.startswith("%") or placeholder[1:2] in ("(", "#", "%") \
                or placeholder == "%m" or _QT_ARGUMENT.fullmatch(placeholder):
            out.append(placeholder)
        else:
            position += 1
            out.append(f"%{position}${placeholder[1:]}")
    return out


def _difference(source: list[str], target: list[str]) -> tuple[list[str], list[str]]:
    """(missing from target, extra in target), as multisets in first-seen order."""
    if source == target:  # the common case (most often both empty): nothing to count
        return [], []
    missing = Counter(source) - Counter(target)
    extra = Counter(target) - Counter(source)
    return list(missing.elements()), list(extra.elements())


def placeholder_findings(units: Iterable[Unit], locator: Locator,
                         keys: frozenset[str] | None = None) -> Iterable[tuple[Unit, Finding]]:
    """TC305 for every translated unit; one per plural entry."""
    yield from _findings(units, locator, "TC305", "placeholders", _placeholders_of, may_omit_count=True, keys=keys)


def markup_findings(units: Iterable[Unit], locator: Locator,
                    keys: frozenset[str] | None = None) -> Iterable[tuple[Unit, Finding]]:
    """TC306 for every translated unit; one per plural entry."""
    yield from _findings(units, locator, "TC306", "markup", _markup_of, may_omit_count=False, keys=keys)


def _placeholders_of(unit: Unit, side: str) -> list[str]:
    found = placeholders(getattr(unit, side))
    if found and all(p == "{}" for p in found):  # arguments by position are arguments by number in turn:
        return [f"{{{n}}}" for n in range(len(found))]  # Plume's 'Welcome to {}' as مرحبا بكم في {0}
    if "%" not in "".join(found):
        return found
    if any(_WIDTH_ONLY.fullmatch(p) for p in found) and _qt_arguments(unit):
        found = [p[:-1] if _WIDTH_ONLY.fullmatch(p) else p for p in found]  # '%1x%2': %1, x, %2
    return [_LOCALE_FLAGS.sub(r"\1", p) for p in found]


def _qt_arguments(unit: Unit) -> bool:
    """The unit numbers its arguments as Qt and KDE do (%1, %2 bare on either side): there '%1x%2' is
    %1, a literal x and %2 (a held-out KolourPaint catalogue's 12 false TC305), not a printf %1x."""
    return any(_QT_ARGUMENT.fullmatch(p) for side in (unit.source, unit.target) for p in placeholders(side))


_WIDTH_ONLY = re.compile(r"%\d{1,2}[A-Za-z]")  # a printf conversion with a width alone: %1x, %2d

# glibc's ' and I flags (%'d grouped, %Id in the locale's digits) print the same argument: msgfmt -c
# lets a translation add them (mate-system-monitor's المعالج %Id for 'CPU %d', a held-out catalogue).
_LOCALE_FLAGS = re.compile(r"(%(?:\d+\$)?[-+#0]*)['I]+")


def _markup_of(unit: Unit, side: str) -> list[str]:
    found = tags(getattr(unit, side))
    if found and _TRANSLATED_METAVARIABLE.search(unit.target):
        found = _without_metavariables(found, getattr(unit, side))
    return found + (unit.source_markup if side == "source" else unit.target_markup)


# A word in angle brackets that the translation translated (<معلمة> for <param>): the brackets hold
# a metavariable of usage text ('-<param>=<value>'), which a translator translates, not a tag.
_TRANSLATED_METAVARIABLE = re.compile(r"<[^\x00-\x7f<>/][^<>]*>")


def _without_metavariables(found: list[str], text: str) -> list[str]:
    """`found` less the bare tags that nothing closes in `text` (<param>, <value>), where the target
    writes its own words in angle brackets: a VNC viewer's usage text, in a held-out catalogue."""
    closed = {t[2:-1] for t in found if t.startswith("</")}
    return [t for t in found if t.startswith("</") or t.endswith("/>") or t[1:-1] in closed]


def _findings(units: Iterable[Unit], locator: Locator, code: str, what: str,
              extract: Callable[[Unit, str], list[str]], may_omit_count: bool,
              keys: frozenset[str] | None = None) -> Iterable[tuple[Unit, Finding]]:
    units = list(units)
    keys = keyed_by_convention(units) if keys is None else keys
    entries: dict[tuple, list[Unit]] = {}
    for unit in units:
        if not unit.target.strip() or is_key(unit.source, keys):
            continue  # an empty target is TC303's; a message key has no placeholders to compare
        if unit.plural_sources is not None:
            entries.setdefault((unit.path, unit.context, unit.id), []).append(unit)
            continue
        if code == "TC305" and is_date_format(unit.source):
            continue  # a date format is localized, not copied (text.placeholders.is_date_format)
        source, target = extract(unit, "source"), extract(unit, "target")
        if code == "TC305" and is_plural_message(unit.source, unit.target):
            # Symfony's forms joined by '|', six in Arabic, each repeating {{ limit }}: compared as sets
            source, target = list(dict.fromkeys(source)), list(dict.fromkeys(target))
        missing, extra = _difference(source, target)
        if code == "TC306" and missing and not extra:
            missing = _not_said_in_words(missing, unit)
        if code == "TC306" and extra and not missing and source:
            extra = _unbalanced_or_not_emphasis(extra)
        if (missing or extra) and not (code == "TC305" and _same_arguments(source, target)):
            found = extra[0] if extra and (code == "TC305" or extra[0].startswith("<")) else ""
            yield unit_finding(code, unit, locator.target(unit, found), found,
                               f"{_verb(what)} from the source: {_parts(missing, extra)}",
                               extra={"missing": missing, "unexpected": extra})
    for forms in entries.values():
        yield from _plural_finding(forms, locator, code, what, extract, may_omit_count)


def _plural_finding(forms: list[Unit], locator: Locator, code: str, what: str,
                    extract: Callable[[Unit, str], list[str]], may_omit_count: bool) -> Iterable[tuple[Unit, Finding]]:
    """One finding for a plural entry, naming each form that differs from msgid + msgid_plural."""
    msgid, msgid_plural = forms[0].plural_sources
    required = Counter(extract(replace(forms[0], source=msgid), "source"))
    in_plural = Counter(extract(replace(forms[0], source=msgid_plural), "source"))
    kept_by_one = _not_the_count(required, in_plural)
    required |= in_plural
    wrong: list[tuple[Unit, list[str], list[str]]] = []
    for unit in forms:
        target = extract(unit, "target")
        missing, extra = _difference(list(required.elements()), target)
        if unit.plural_single_n is None and missing and code == "TC305":
            # a form for many n follows msgid_plural: msgid's own {possibility} is its plural's
            # {possibilities} there (click's 'Did you mean {possibility}?': a held-out catalogue)
            missing = _difference(list(in_plural.elements()), target)[0]
        if code == "TC305" and (missing or extra) and _same_arguments(list(required.elements()), target):
            missing, extra = [], []
        if may_omit_count and unit.plural_single_n is not None:
            missing = [p for p in missing if p in kept_by_one]  # for one n only: it may say the number in words
        elif code == "TC306" and unit.plural_single_n is not None and missing:
            # ... and so drop the markup around the number: <b>%d</b> mines as دقيقة واحدة (GNOME Mines)
            around = _tags_around_placeholders(msgid) | _tags_around_placeholders(msgid_plural)
            missing = [tag for tag in missing if tag not in around]
        if missing or extra:
            wrong.append((unit, missing, extra))
    if not wrong:
        return
    first, _, first_extra = wrong[0]
    found = first_extra[0] if first_extra and (code == "TC305" or first_extra[0].startswith("<")) else ""
    listed = "; ".join(f"{_form_name(unit)}: {_parts(missing, extra)}" for unit, missing, extra in wrong)
    message = f"{_verb(what)} from msgid/msgid_plural in {_count(len(wrong), 'plural form')}: {listed}"
    yield unit_finding(code, first, locator.target(first, found), found, message, extra={
        "missing": sorted({p for _, m, _ in wrong for p in m}),
        "unexpected": sorted({p for _, _, e in wrong for p in e}),
        "forms": [{"form": unit.plural_index, "missing": missing, "unexpected": extra} for unit, missing, extra in wrong],
    })


def _not_the_count(in_msgid: Counter, in_plural: Counter) -> set[str]:
    """The placeholders a single-n form must keep: when msgid_plural has one that msgid lacks, that
    one is the count ('Editing profile: %2' / 'Editing %1 profiles: %2': %1), and those of both are
    the message's other values (%2), which no number in words replaces (a held-out Konsole catalogue's
    form 0 " %1 " lost the profile's name). When msgid has them all, which is the count is unknown,
    and msgfmt -c asks for none."""
    count = set(in_plural) - set(in_msgid)
    return set(in_msgid) & set(in_plural) if count else set()


def _unbalanced_or_not_emphasis(extra: list[str]) -> list[str]:
    """`extra` less emphasis the translator added in pairs (<b>…</b>, <i>…</i>) to a text the program
    already renders as markup (its source has tags): Xournal++'s translator bolds لليسار where the
    English writes LEFT in capitals, in a label whose source holds <i> (a held-out reviewer's two false
    TC306). A lone or other tag is still reported: it breaks or changes the markup."""
    opened = Counter(t[1:-1] for t in extra if t[1:-1] in _EMPHASIS)
    closed = Counter(t[2:-1] for t in extra if t.startswith("</") and t[2:-1] in _EMPHASIS)
    if not opened or opened != closed or len(extra) != 2 * sum(opened.values()):
        return extra
    return []


_EMPHASIS = frozenset("b i em strong u".split())


def _not_said_in_words(missing: list[str], unit: Unit) -> list[str]:
    """`missing` less the tags around a number or placeholder that the target does not write at all:
    'Found <strong>0</strong> results.' as لا يوجد أي نتائج says the number in words (Oscar, held
    out), and its <strong> went with it."""
    if _DIGIT.search(unit.target):
        return missing
    gone = {tag for value, tags in _wrapped_counts(unit.source) if value not in unit.target for tag in tags}
    return [tag for tag in missing if tag not in gone]


def _tags_around_placeholders(text: str) -> set[str]:
    """The tags ('<b>', '</b>') that wrap nothing but a placeholder: <b>%d</b>."""
    return {tag for value, tags in _wrapped_counts(text) if placeholders(value) for tag in tags}


def _wrapped_counts(text: str) -> list[tuple[str, tuple[str, str]]]:
    """(number or placeholder, its opening and closing tag) for each markup pair that wraps only one."""
    return [(m.group(2), (f"<{m.group(1).lower()}>", f"</{m.group(1).lower()}>")) for m in _WRAPPED_COUNT.finditer(text)]


_WRAPPED_COUNT = re.compile(r"<([A-Za-z][\w:.-]*)\b[^<>]*>\s*(\d+|%[^\s<]+|\{[^{}<]*\})\s*</\1\s*>")
_DIGIT = re.compile(r"[0-9\u0660-\u0669\u06f0-\u06f9]")


def _form_name(unit: Unit) -> str:
    single = f", n={unit.plural_single_n}" if unit.plural_single_n is not None else ""
    return f"msgstr[{unit.plural_index}]" + (f" (line {unit.line}{single})" if unit.line else f" ({single[2:]})" if single else "")


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" + ("" if number == 1 else "s")


def _verb(what: str) -> str:
    return f"{what} differ" if what.endswith("s") else f"{what} differs"


def _parts(missing: list[str], extra: list[str]) -> str:
    parts = []
    if missing:
        parts.append("missing " + ", ".join(missing))
    if extra:
        parts.append("not in the source " + ", ".join(extra))
    return "; ".join(parts)

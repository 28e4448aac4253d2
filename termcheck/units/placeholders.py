"""TC305 placeholders and TC306 markup: what the program fills in or renders must survive translation.

printf (%s, %(name)s, %1$d) and brace ({0}, {name}) placeholders, and HTML/XML tags (names only)
plus the inline markup the XLIFF/TMX readers took out, are compared as multisets between source
and target; one finding per unit names what the target lacks and what it adds.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from termcheck.formats.units import Unit
from termcheck.model import Finding
from termcheck.units.finding import unit_finding
from termcheck.units.locate import Locator

# printf: %s %d %1$d %@ %ld %.2f %(name)s; never '% o' (a space flag is prose: '50% of').
_PRINTF = re.compile(
    r"%%|%\([A-Za-z_]\w*\)[-+#0]*\d*(?:\.\d+)?[diouxXeEfFgGcrsa]"
    r"|%(?:\d+\$)?[-+#0]*(?:\d+|\*)?(?:\.(?:\d+|\*))?(?:hh|h|ll|l|L|q|j|z|t)?[diouxXeEfFgGaAcspn@]"
)
_BRACE = re.compile(r"\{\{|\}\}|\{[A-Za-z0-9_]*(?:[:!][^{}]*)?\}")
_TAG = re.compile(r"<(/?)([A-Za-z][\w:.-]*)\b[^<>]*?(/?)>")
_NUMERIC_CONVERSIONS = frozenset("diu")


def placeholders(text: str) -> list[str]:
    """printf and brace placeholders, in order ('%%', '{{' and '}}' are escapes, not placeholders)."""
    found = [m.group() for m in _PRINTF.finditer(text) if m.group() != "%%"]
    found.extend(m.group() for m in _BRACE.finditer(text) if m.group() not in ("{{", "}}"))
    return found


def tags(text: str) -> list[str]:
    """HTML/XML tags as '<b>', '</b>', '<br/>' (names only, attributes dropped)."""
    return [f"<{m.group(1)}{m.group(2).lower()}{m.group(3)}>" for m in _TAG.finditer(text)]


def _difference(source: list[str], target: list[str]) -> tuple[list[str], list[str]]:
    """(missing from target, extra in target), as multisets in first-seen order."""
    missing = Counter(source) - Counter(target)
    extra = Counter(target) - Counter(source)
    return list(missing.elements()), list(extra.elements())


def placeholder_findings(units: Iterable[Unit], locator: Locator) -> Iterable[tuple[Unit, Finding]]:
    """TC305 for every translated unit."""
    for unit in units:
        if unit.target.strip():
            yield from _placeholder_findings(unit, locator)


def markup_findings(units: Iterable[Unit], locator: Locator) -> Iterable[tuple[Unit, Finding]]:
    """TC306 for every translated unit."""
    for unit in units:
        if unit.target.strip():
            yield from _markup_findings(unit, locator)


def _placeholder_findings(unit: Unit, locator: Locator) -> Iterable[tuple[Unit, Finding]]:
    source = placeholders(unit.source)
    target = placeholders(unit.target)
    if not source and not target:
        return
    missing, extra = _difference(source, target)
    if unit.plural_index is not None:
        # Arabic zero/one/two forms say the number in words ('ملفان'): the count may be left out.
        missing = [p for p in missing if p[-1] not in _NUMERIC_CONVERSIONS]
    found = extra[0] if extra else ""
    yield from _differs("TC305", "placeholders", unit, locator, missing, extra, found)


def _markup_findings(unit: Unit, locator: Locator) -> Iterable[tuple[Unit, Finding]]:
    source = tags(unit.source) + unit.source_markup
    target = tags(unit.target) + unit.target_markup
    if not source and not target:
        return
    missing, extra = _difference(source, target)
    found = extra[0] if extra and extra[0].startswith("<") else ""
    yield from _differs("TC306", "markup", unit, locator, missing, extra, found)


def _differs(code: str, what: str, unit: Unit, locator: Locator, missing: list[str], extra: list[str],
             found: str) -> Iterable[tuple[Unit, Finding]]:
    """One TC305/TC306 finding naming what the target lacks and what it adds."""
    if not missing and not extra:
        return
    parts = []
    if missing:
        parts.append("missing " + ", ".join(missing))
    if extra:
        parts.append("not in the source " + ", ".join(extra))
    verb = "differ" if what.endswith("s") else "differs"
    yield unit_finding(code, unit, locator.target(unit, found), found, f"{what} {verb} from the source: " + "; ".join(parts),
                   extra={"missing": missing, "unexpected": extra})

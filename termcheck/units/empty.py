"""TC303 untranslated (the target is empty) and TC304 copied source (the target is the source)."""

from __future__ import annotations

import re
from collections.abc import Iterable

from termcheck.formats.units import Unit
from termcheck.model import Finding
from termcheck.units.finding import unit_finding
from termcheck.units.locate import Locator
from termcheck.units.text import short

_LETTER = re.compile(r"[^\W\d_]")


def untranslated(units: Iterable[Unit], locator: Locator) -> Iterable[tuple[Unit, Finding]]:
    """TC303: an empty target for a source that has text (each plural form on its own)."""
    for unit in units:
        if not unit.target.strip() and unit.source.strip():
            what = f"plural form {unit.plural_index}" if unit.plural_index is not None else "the target"
            yield unit_finding("TC303", unit, locator.target(unit), "",
                               f"untranslated: {what} is empty for '{short(unit.source)}'")


def copied_source(units: Iterable[Unit], locator: Locator) -> Iterable[tuple[Unit, Finding]]:
    """TC304: the target is the source itself, and the source has letters."""
    for unit in units:
        target = unit.target.strip()
        if target and target == unit.source.strip() and _LETTER.search(unit.source):
            yield unit_finding("TC304", unit, locator.target(unit, target), target,
                               f"the target is a copy of the source '{short(unit.source)}'")

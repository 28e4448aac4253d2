"""TC303 untranslated (the target is empty) and TC304 copied source (the target is the source).

TC304 reports only what a translator would have translated. Left alone, as a translator leaves
them: a source with no letters once placeholders, markup and entities are taken out
('%(class_name)s %(instance)s', '%(truncated_text)s…'); one token that is the same in every
language (a URL, an e-mail address, a file name, a code with digits such as UTF-8 or H.264, an
acronym in capitals such as PDF); and a name the translators keep in Latin script elsewhere in
the run (a copied 'Firefox' when other Arabic targets write 'Firefox' too). A copied word is
still reported ('salt' and 'hash' in Django's auth catalogue have Arabic renderings).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from termcheck.formats.units import Unit
from termcheck.model import Finding
from termcheck.units.finding import unit_finding
from termcheck.units.locate import Locator
from termcheck.text.placeholders import STRFTIME, is_date_format
from termcheck.units.placeholders import placeholders
from termcheck.units.text import matchable, short

_LETTER = re.compile(r"[^\W\d_]")
_LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z0-9'’.+-]*[A-Za-z0-9+]|[A-Za-z]")
_SAME_IN_ANY_LANGUAGE = re.compile(
    r"(?:[a-z][a-z0-9+.-]*://|www\.)\S+"  # a URL
    r"|[^\s@]+@[^\s@]+\.[^\s@]+"  # an e-mail address
    r"|\S*[/\\]\S*|[\w-]+\.[A-Za-z0-9]{1,5}"  # a path or a file name
    r"|(?=\S*\d)[A-Za-z0-9][\w.+-]*"  # a code with digits: UTF-8, H.264, ISO-8859-1
    r"|[A-Z][A-Z0-9&]{2,5}s?",  # an acronym of three capitals or more: PDF, URLs (OK is translated)
)


def untranslated(units: Iterable[Unit], locator: Locator) -> Iterable[tuple[Unit, Finding]]:
    """TC303: an empty target for a source that has text (each plural form on its own)."""
    for unit in units:
        if not unit.target.strip() and unit.source.strip():
            what = f"plural form {unit.plural_index}" if unit.plural_index is not None else "the target"
            yield unit_finding("TC303", unit, locator.target(unit), "",
                               f"untranslated: {what} is empty for '{short(unit.source)}'")


def copied_source(units: Iterable[Unit], locator: Locator) -> Iterable[tuple[Unit, Finding]]:
    """TC304: the target is the source itself, and the source is something to translate."""
    units = list(units)
    kept_in_latin: set[str] | None = None  # Latin words of translated targets, built when needed
    for unit in units:
        target = unit.target.strip()
        if not target or target != unit.source.strip() or not _has_words(target):
            continue
        if _SAME_IN_ANY_LANGUAGE.fullmatch(target):
            continue
        if kept_in_latin is None:
            kept_in_latin = {w for u in units if u.target.strip() != u.source.strip()
                             for w in _LATIN_WORD.findall(u.target)}
        if " " not in target and target in kept_in_latin:
            continue  # a name the translators keep in Latin script
        yield unit_finding("TC304", unit, locator.target(unit, target), target,
                           f"the target is a copy of the source '{short(unit.source)}'")


def _has_words(text: str) -> bool:
    """Letters left once placeholders, markup and entities are taken out (a date format's
    conversions too: '%H:%M:%S' kept as is)."""
    for placeholder in placeholders(text):
        text = text.replace(placeholder, " ")
    if is_date_format(text):
        text = STRFTIME.sub(" ", text)
    return bool(_LETTER.search(matchable(text).replace("&", " ")))

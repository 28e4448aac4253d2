"""Plural variants written as units of their own, one per CLDR category, joined into plural entries.

Apple's stringsdict (exported to XLIFF as ids ending ':dict/<key>:dict/one:dict/:string') and the
key[category] convention of Android and ICU exports (a TMX tuid or XLIFF id 'appt.upcoming[one]')
give each category its own unit. Read as they are, the 'one' and 'two' forms that say the number
in words ('لديك موعد واحد', 'موعدان') look like a dropped placeholder, and the categories like one
source translated several ways. Joined, they are what a PO plural entry's msgstr[i] are: one id,
the English 'one' and 'other' sources as msgid and msgid_plural, the category's index, and for
zero, one and two the single n they are used for (CLDR's Arabic categories: the rest are ranges).
A bracketed id is read as a category variant only when its entry has two categories or more
(a stringsdict id says so itself).
"""

from __future__ import annotations

import re
from termcheck.formats.units import Unit

CATEGORIES = ("zero", "one", "two", "few", "many", "other")
SINGLE_N = {"zero": 0, "one": 1, "two": 2}
STRINGSDICT = re.compile(r"(?P<entry>.+:dict/[^/]+):dict/(?P<category>zero|one|two|few|many|other):dict/:string")
BRACKETED = re.compile(r"(?P<entry>.+)\[(?P<category>zero|one|two|few|many|other)\]")


def join_categories(units: list[Unit], pattern: re.Pattern, minimum: int = 2) -> list[Unit]:
    """Units whose id fullmatches `pattern` (named groups entry and category) joined into plural
    entries, in place, where an entry has `minimum` categories or more; other units unchanged."""
    entries: dict[tuple[str, str], dict[str, Unit]] = {}
    for unit in units:
        match = pattern.fullmatch(unit.id)
        if match:
            entries.setdefault((unit.path, match["entry"]), {})[match["category"]] = unit
    for (_, entry), forms in entries.items():
        if len(forms) < minimum:
            continue
        other = forms.get("other") or next(iter(forms.values()))
        sources = ((forms.get("one") or other).source, other.source)
        for category, unit in forms.items():
            unit.id = entry
            unit.plural_index = CATEGORIES.index(category)
            unit.plural_sources = sources
            unit.plural_single_n = SINGLE_N.get(category)
    return units

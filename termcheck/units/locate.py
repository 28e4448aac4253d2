"""Where a unit's finding points: the unit's line, and the column of a text on it when known.

Readers give each unit the line of its target (msgstr, <target>, target <seg>) and of its source;
with the file's text, a finding is placed on the occurrence of what it quotes that the unit's text
has there (the second تحميل of a target whose first stands inside تحميلها: `nth`), searched from
that line to the end of the element: a blank line or the next keyword in PO, </target> or </seg> in
XML, where a blank line may stand inside an inline code's text. MO units have no line (line 0).
"""

from __future__ import annotations

from collections.abc import Mapping

from termcheck.formats.units import XML_SUFFIXES, Unit
from termcheck.model import Location, TextIndex


TERM_WORDS = 5  # a longer text quoted whole (a copied target) stays on its unit's line


class Locator:
    """Builds Locations for units: the unit's line, and the column of a text on it when known."""

    _END_OF_TARGET = ("</target>", "</seg>")

    def __init__(self, sources: Mapping[str, str]) -> None:
        self.sources = sources
        self._indexes: dict[str, TextIndex] = {}

    def _index(self, path: str) -> TextIndex | None:
        if path not in self.sources:
            return None
        if path not in self._indexes:
            self._indexes[path] = TextIndex(self.sources[path])
        return self._indexes[path]

    def at(self, path: str, line: int, found: str = "", nth: int = 0) -> Location:
        """Occurrence `nth` (0: the first) of `found` in the element starting at `line`, else the first,
        else the line's start."""
        if line <= 0:
            return Location(path, 0, 0, 0, 0, 0, 0)
        index = self._index(path)
        if index is None or line > index.line_count:
            return Location(path, 0, 0, line, 1, line, 1)
        if found:
            text = self.sources[path]
            xml = path.lower().endswith(XML_SUFFIXES)
            first = None
            for number in range(line, min(line + 30, index.line_count + 1)):
                start = index.line_start(number)
                end = text.find("\n", start)
                end = len(text) if end == -1 else end
                at = text.find(found, start, end)
                while at >= 0:
                    column = at - start
                    location = Location(path, at, at + len(found), number, column + 1, number, column + 1 + len(found))
                    if nth == 0:
                        return location
                    first, nth = first or location, nth - 1
                    at = text.find(found, at + 1, end)
                row = text[start:end]
                if number > line and not xml and (not row.strip() or row.lstrip().startswith(("msgstr[", "msgid", "#"))):
                    break
                if any(tag in row for tag in self._END_OF_TARGET):
                    break
            if first is not None:
                return first
            words = found.split()
            if 1 < len(words) <= TERM_WORDS:  # a term wrapped onto the next line of the file (a PO string
                return self.at(path, line, words[0])  # break inside it): its first word, where it starts
        start = index.line_start(line)  # nothing to look for (a missing term's empty span), or not found
        return Location(path, start, start, line, 1, line, 1)

    def target(self, unit: Unit, found: str = "", nth: int = 0) -> Location:
        return self.at(unit.path, unit.line, found, nth)

    def source(self, unit: Unit, found: str = "") -> Location:
        return self.at(unit.path, unit.source_line, found)

"""Inline markup of XLIFF and TMX segments: kept out of the matched text, recorded as 'name#id'."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from termcheck.xmlsafe import local

# Codes whose content is native markup (<ph>&lt;br/&gt;</ph>): the whole element goes.
_CODES = frozenset({"x", "bx", "ex", "ph", "bpt", "ept", "it", "ut", "sc", "ec", "sm", "em"})
# The attribute that identifies a code, by element (TMX uses i/x, XLIFF 2 ec uses startRef).
_ID_ATTRIBUTES = ("id", "i", "x", "startRef", "rid")


def _record(name: str, element: ET.Element) -> str:
    for attribute in _ID_ATTRIBUTES:
        value = element.get(attribute)
        if value is not None:
            return f"{name}#{value}"
    return name


def flatten(element: ET.Element | None) -> tuple[str, list[str]]:
    """The text of a <source>/<target>/<seg> without inline codes, and the codes found."""
    if element is None:
        return "", []
    parts: list[str] = []
    markup: list[str] = []
    _walk(element, parts, markup)
    return "".join(parts), markup


def _walk(element: ET.Element, parts: list[str], markup: list[str]) -> None:
    if element.text:
        parts.append(element.text)
    for child in element:
        name = local(child.tag)
        if name == "cp":  # XLIFF 2: a character XML cannot carry, by code point
            try:
                parts.append(chr(int(child.get("hex", ""), 16)))
            except ValueError:
                pass
        elif name in _CODES:
            markup.append(_record(name, child))
        else:  # g, mrk, pc, hi and anything unknown: keep the words
            markup.append(_record(name, child))
            _walk(child, parts, markup)
        if child.tail:
            parts.append(child.tail)

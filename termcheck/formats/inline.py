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
    """The text of a <source>/<target>/<seg> without inline codes, and the codes found.

    Iterative (an explicit stack), so inline markup nested thousands deep (when --max-depth
    allows it) cannot exhaust Python's recursion limit.
    """
    if element is None:
        return "", []
    parts: list[str] = []
    markup: list[str] = []
    # a str is text to append; an element is one still to read (its markup, text, children, tail)
    stack: list[ET.Element | str] = [element]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            parts.append(item)
            continue
        if item is not element:
            name = local(item.tag)
            if item.tail:
                stack.append(item.tail)
            if name == "cp":  # XLIFF 2: a character XML cannot carry, by code point
                parts.append(code_point(item.get("hex", "")))
                continue
            markup.append(_record(name, item))
            if name in _CODES:  # native markup (<ph>&lt;br/&gt;</ph>): the whole element goes
                continue
        # the wrapper itself, or g, mrk, pc, hi and anything unknown: keep the words
        if item.text:
            parts.append(item.text)
        stack.extend(reversed(list(item)))
    return "".join(parts), markup


def code_point(hex_value: str) -> str:
    """XLIFF 2 <cp hex="..."/>: the character, or U+FFFD for a surrogate, a value past U+10FFFF
    or bad hex (a lone surrogate would make the output unwritable as UTF-8)."""
    try:
        value = int(hex_value, 16)
    except ValueError:
        return "\ufffd"
    if not 0 <= value <= 0x10FFFF or 0xD800 <= value <= 0xDFFF:
        return "\ufffd"
    return chr(value)

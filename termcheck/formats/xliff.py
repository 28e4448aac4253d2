"""XLIFF 1.2 (file/trans-unit) and XLIFF 2.x (file/unit/segment) -> Units.

A unit marked translate="no" is left out. Xcode's .stringsdict plurals (one trans-unit per CLDR
category) become the forms of one plural entry, as a PO plural entry's are.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from termcheck.formats.inline import flatten
from termcheck.formats.plural_categories import BRACKETED, STRINGSDICT, join_categories
from termcheck.formats.units import Unit
from termcheck.io import read_bytes
from termcheck.limits import check_count
from termcheck.model import InputError
from termcheck.xmlsafe import XmlDocument, local, parse_xml

# XLIFF 1.2 target states that mean "a draft someone must still check": PO's fuzzy. A target marked
# needs-translation is one too: a tool's pre-fill or placeholder (Microsoft's Multilingual App Toolkit
# writes مثال نصي there, which a held-out export had the term and number rules read as a translation).
FUZZY_STATES = frozenset({
    "needs-adaptation", "needs-l10n", "needs-review-adaptation", "needs-review-l10n",
    "needs-review-translation", "needs-translation",
})


# An Xcode export's <file original="AppTests/Localizable.strings">: the first folder is a test target
# (a held-out iOS export listed its test bundle's 22 strings, all empty, beside the app's).
_TEST_BUNDLE = re.compile(r"[^/]*(?:Tests|UITests)/")


def _children(element: ET.Element, name: str) -> list[ET.Element]:
    return [child for child in element if local(child.tag) == name]


def _child(element: ET.Element, name: str) -> ET.Element | None:
    return next((child for child in element if local(child.tag) == name), None)


def _descendants(element: ET.Element, name: str, stop: str) -> list[ET.Element]:
    """Elements called `name` below `element` (through groups), not looking inside `stop` ones,
    in document order. Iterative: groups nested thousands deep cannot exhaust the recursion limit."""
    found = []
    stack = list(reversed(list(element)))
    while stack:
        child = stack.pop()
        tag = local(child.tag)
        if tag == name:
            found.append(child)
        elif tag != stop:
            stack.extend(reversed(list(child)))
    return found


def read_xliff(path: str, *, include_fuzzy: bool = False, source_lang: str | None = None,
               target_lang: str | None = None) -> list[Unit]:
    doc = parse_xml(read_bytes(path), path)
    root = doc.root
    if local(root.tag) != "xliff":
        raise InputError(f"{path}:{doc.line(root)}: not an XLIFF file (root element <{local(root.tag)}>)")
    version = root.get("version", "")
    read = _read_v2 if version.startswith("2") else _read_v1
    units = read(doc, path, include_fuzzy, source_lang, target_lang)
    check_count(path, "translation units", len(units), "units")
    return units


def _read_v1(doc: XmlDocument, path: str, include_fuzzy: bool, source_lang: str | None,
             target_lang: str | None) -> list[Unit]:
    units: list[Unit] = []
    for file_element in _children(doc.root, "file"):
        if _TEST_BUNDLE.match(file_element.get("original", "")):
            continue  # an Xcode test target's strings: exported with the app's, never shipped
        src = source_lang or file_element.get("source-language") or "en"
        tgt = target_lang or file_element.get("target-language") or "ar"
        for trans_unit in _descendants(file_element, "trans-unit", stop="trans-unit"):
            if trans_unit.get("translate") == "no":
                continue  # not for translation: nothing to check
            source_element = _child(trans_unit, "source")
            target_element = _child(trans_unit, "target")
            state = target_element.get("state") if target_element is not None else None
            if state in FUZZY_STATES and not include_fuzzy:
                continue
            notes = [n.text.strip() for n in _children(trans_unit, "note") if n.text and n.text.strip()]
            units.append(_unit(doc, path, trans_unit, source_element, target_element,
                               trans_unit.get("id", ""), notes, state, src, tgt))
    return join_categories(join_categories(units, STRINGSDICT, minimum=1), BRACKETED)


# Xcode exports a .stringsdict plural as one trans-unit per CLDR category, its id the key path:
# '/%d items:dict/items:dict/few:dict/:string'. Arabic uses all six categories; zero, one and two
# are the forms for a single n (CLDR: 0, 1, 2), which may say their number in words.
def _read_v2(doc: XmlDocument, path: str, include_fuzzy: bool, source_lang: str | None,
             target_lang: str | None) -> list[Unit]:
    src = source_lang or doc.root.get("srcLang") or "en"
    tgt = target_lang or doc.root.get("trgLang") or "ar"
    units: list[Unit] = []
    for file_element in _children(doc.root, "file"):
        for unit_element in _descendants(file_element, "unit", stop="unit"):
            if unit_element.get("translate") == "no":
                continue  # not for translation: nothing to check
            notes_element = _child(unit_element, "notes")
            notes = [] if notes_element is None else [
                n.text.strip() for n in _children(notes_element, "note") if n.text and n.text.strip()
            ]
            segments = _children(unit_element, "segment")
            for number, segment in enumerate(segments, 1):
                state = segment.get("state")  # initial/translated/reviewed/final: no fuzzy in 2.x
                source_element = _child(segment, "source")
                target_element = _child(segment, "target")
                unit_id = unit_element.get("id", "")
                if len(segments) > 1:
                    unit_id = f"{unit_id}/{segment.get('id') or number}"
                units.append(_unit(doc, path, segment, source_element, target_element, unit_id, notes, state, src, tgt))
    return units


def _unit(doc: XmlDocument, path: str, container, source_element, target_element, unit_id: str,
          notes: list[str], state: str | None, source_lang: str, target_lang: str) -> Unit:
    """One Unit from a source/target element pair (XLIFF 1.2 trans-unit or 2.x segment)."""
    source, source_markup = flatten(source_element)
    target, target_markup = flatten(target_element)
    source_line = doc.line(source_element) if source_element is not None else doc.line(container)
    return Unit(
        source=source,
        target=target,
        path=path,
        line=doc.line(target_element) if target_element is not None else source_line,
        source_line=source_line,
        id=unit_id,
        notes=notes,
        state=state,
        source_lang=source_lang,
        target_lang=target_lang,
        source_markup=source_markup,
        target_markup=target_markup,
    )

"""TMX 1.4 translation memories -> Units for one language pair (any pair, chosen by xml:lang)."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from termcheck.formats.inline import flatten
from termcheck.formats.plural_categories import BRACKETED, join_categories
from termcheck.formats.units import Unit, same_lang
from termcheck.io import read_bytes
from termcheck.limits import check_count
from termcheck.model import InputError
from termcheck.xmlsafe import local, parse_xml

_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def _lang(tuv: ET.Element) -> str:
    return tuv.get(_XML_LANG) or tuv.get("lang") or ""  # TMX 1.1 wrote lang=


def read_tmx(path: str, *, include_fuzzy: bool = False, source_lang: str | None = None,
             target_lang: str | None = None) -> list[Unit]:
    """Source language: the option, else header/@srclang (unless '*all*'), else each tu's first tuv.

    Target language: the option, else the first tuv in another language. A tu without a target
    tuv gives an empty target (untranslated). A <prop type="x-context"> is the unit's context (as
    a PO msgctxt: the same source may mean another thing there); tuids 'key[one]', 'key[other]'
    are the forms of one plural entry (formats.plural_categories).
    """
    doc = parse_xml(read_bytes(path), path)
    root = doc.root
    if local(root.tag) != "tmx":
        raise InputError(f"{path}:{doc.line(root)}: not a TMX file (root element <{local(root.tag)}>)")
    header = next((c for c in root if local(c.tag) == "header"), None)
    body = next((c for c in root if local(c.tag) == "body"), None)
    if body is None:
        raise InputError(f"{path}:{doc.line(root)}: TMX file has no <body>")
    header_src = header.get("srclang") if header is not None else None
    wanted_src = source_lang or (header_src if header_src and header_src != "*all*" else None)
    units: list[Unit] = []
    for number, tu in enumerate((c for c in body if local(c.tag) == "tu"), 1):
        tuvs = [c for c in tu if local(c.tag) == "tuv"]
        if not tuvs:
            continue
        source_tuv = next((t for t in tuvs if same_lang(_lang(t), wanted_src)), None) if wanted_src else tuvs[0]
        if source_tuv is None:
            continue  # this tu has no text in the chosen source language
        if target_lang:
            target_tuv = next((t for t in tuvs if same_lang(_lang(t), target_lang)), None)
        else:
            target_tuv = next((t for t in tuvs if t is not source_tuv and _lang(t) != _lang(source_tuv)), None)
        source_seg = next((c for c in source_tuv if local(c.tag) == "seg"), None)
        target_seg = next((c for c in target_tuv if local(c.tag) == "seg"), None) if target_tuv is not None else None
        source, source_markup = flatten(source_seg)
        target, target_markup = flatten(target_seg)
        source_line = doc.line(source_seg if source_seg is not None else source_tuv)
        notes = [n.text.strip() for n in tu if local(n.tag) == "note" and n.text and n.text.strip()]
        context = next((p.text.strip() for p in tu if local(p.tag) == "prop" and (p.get("type") or "").lower()
                        == "x-context" and p.text and p.text.strip()), None)
        units.append(Unit(
            source=source,
            target=target,
            path=path,
            line=doc.line(target_seg) if target_seg is not None else source_line,
            source_line=source_line,
            id=tu.get("tuid") or str(number),
            context=context,
            notes=notes,
            state=None,
            source_lang=_lang(source_tuv) or wanted_src or "",
            target_lang=(_lang(target_tuv) if target_tuv is not None else None) or target_lang or "",
            source_markup=source_markup,
            target_markup=target_markup,
        ))
    check_count(path, "translation units", len(units), "units")
    return join_categories(units, BRACKETED)

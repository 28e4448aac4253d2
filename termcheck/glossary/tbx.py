"""TBX glossaries: TBX v3 (ISO 30042:2019) and TBX 2008 / TBX-Basic, read through xmlsafe.

Both generations have the same shape under different names, so elements are matched by their
local name whatever their namespace:

    v3:   tbx / conceptEntry / langSec[xml:lang] / termSec / term + termNote
    2008: martif / termEntry / langSet[xml:lang] / tig (term + termNote)
                                                 / ntig / termGrp (term + termNote)

The status comes from `termNote type="administrativeStatus"` or `type="normativeAuthorization"`
(or the DCT-style elements of the same names). A term without one is preferred when it is the
first of its language and no term of that language is marked preferred; otherwise it is allowed.
Only English and Arabic are read (`en-US` -> en, `ar-IQ` -> ar); other languages are skipped.
`descrip type="definition"` and `note` anywhere in a concept entry become Concept.note.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from termcheck.limits import LIMITS, too_large
from termcheck.model import LANGS, Concept, Glossary, InputError, SourceRef, Status, Term
from termcheck.xmlsafe import XmlDocument, local, parse_xml

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
ROOTS = ("tbx", "martif")
CONCEPT_ELEMENTS = frozenset(("conceptEntry", "termEntry"))
LANG_ELEMENTS = frozenset(("langSec", "langSet"))
TERM_SECTIONS = frozenset(("termSec", "tig", "ntig"))
STATUS_TYPES = frozenset(("administrativeStatus", "normativeAuthorization"))
NOTE_TYPES = frozenset(("definition",))

STATUS_VALUES = {
    "preferredterm-admn": Status.PREFERRED,
    "preferredterm": Status.PREFERRED,
    "admittedterm-admn": Status.ALLOWED,
    "admittedterm": Status.ALLOWED,
    "deprecatedterm-admn": Status.FORBIDDEN,
    "deprecatedterm": Status.FORBIDDEN,
    "supersededterm-admn": Status.FORBIDDEN,
    "supersededterm": Status.FORBIDDEN,
}


def language(tag: str) -> str | None:
    """'en-US' -> 'en', 'AR_iq' -> 'ar', 'fr' -> None."""
    primary = tag.strip().replace("_", "-").split("-", 1)[0].lower()
    return primary if primary in LANGS else None


def _text(element: ET.Element) -> str:
    return " ".join("".join(element.itertext()).split())


def _children(element: ET.Element, names: frozenset[str]):
    return (child for child in element if local(child.tag) in names)


class _Reader:
    def __init__(self, doc: XmlDocument, path: str) -> None:
        self.doc = doc
        self.path = path
        self.warnings: list[str] = []
        self.other_languages: set[str] = set()

    def ref(self, element: ET.Element) -> SourceRef:
        return SourceRef(self.path, self.doc.line(element))

    def status(self, section: ET.Element) -> Status | None:
        """The status written in a term section (termNote or a DCT-style element), if any."""
        for element in section.iter():
            name = local(element.tag)
            if name == "termNote" and element.get("type") in STATUS_TYPES or name in STATUS_TYPES:
                value = _text(element)
                status = STATUS_VALUES.get(value.lower())
                if status is None:
                    self.warnings.append(f"{self.ref(element)}: unknown term status '{value}'; treated as unmarked")
                return status
        return None

    def terms(self, lang_section: ET.Element, lang: str) -> list[Term]:
        found: list[tuple[ET.Element, Status | None]] = []
        for section in _children(lang_section, TERM_SECTIONS):
            term = next((e for e in section.iter() if local(e.tag) == "term"), None)
            if term is None:
                raise InputError(f"{self.ref(section)}: <{local(section.tag)}> has no <term>")
            found.append((term, self.status(section)))
        has_preferred = any(status is Status.PREFERRED for _, status in found)
        terms: list[Term] = []
        for position, (element, status) in enumerate(found):
            if status is None:
                status = Status.PREFERRED if position == 0 and not has_preferred else Status.ALLOWED
            elif status is Status.PREFERRED and any(t.status is Status.PREFERRED for t in terms):
                self.warnings.append(
                    f"{self.ref(element)}: a second preferred {lang} term '{_text(element)}'; treated as allowed"
                )
                status = Status.ALLOWED
            text = _text(element)
            if len(text) > LIMITS.term_length:
                raise too_large(f"{self.ref(element)}", f"glossary form is too long ({len(text):,} characters)",
                                "term_length", "characters")
            terms.append(Term(text, lang, status, self.ref(element)))
        return terms

    def note(self, entry: ET.Element) -> str:
        notes = []
        for element in entry.iter():
            name = local(element.tag)
            if name == "note" or name in NOTE_TYPES or (name == "descrip" and element.get("type") in NOTE_TYPES):
                text = _text(element)
                if text:
                    notes.append(text)
        return " / ".join(notes)

    def concept(self, entry: ET.Element, index: int) -> Concept | None:
        terms: list[Term] = []
        skipped = False
        for lang_section in _children(entry, LANG_ELEMENTS):
            tag = lang_section.get(XML_LANG)
            if not tag:
                raise InputError(f"{self.ref(lang_section)}: <{local(lang_section.tag)}> has no xml:lang")
            lang = language(tag)
            if lang is None:
                self.other_languages.add(tag)
                skipped = True
                continue
            terms.extend(self.terms(lang_section, lang))
        if not terms and skipped:
            return None  # a concept of other languages only: not part of an en/ar glossary
        concept_id = entry.get("id") or entry.get("{http://www.w3.org/XML/1998/namespace}id")
        return Concept(id=concept_id or None, terms=terms, note=self.note(entry), origin=self.ref(entry), index=index)


def parse_tbx(data: bytes, path: str) -> Glossary:
    """A Glossary from the bytes of a TBX v3 or TBX 2008 file."""
    doc = parse_xml(data, path)
    root_name = local(doc.root.tag)
    if root_name not in ROOTS:
        raise InputError(
            f"{path}:{doc.line(doc.root)}: not a TBX glossary: the root is <{root_name}>, expected <tbx> or <martif>"
        )
    reader = _Reader(doc, path)
    concepts: list[Concept] = []
    for entry in doc.root.iter():
        if local(entry.tag) in CONCEPT_ELEMENTS:
            concept = reader.concept(entry, len(concepts))
            if concept is not None:
                concepts.append(concept)
    if reader.other_languages:
        reader.warnings.append(f"{path}: languages other than en and ar ignored: {', '.join(sorted(reader.other_languages))}")
    if not concepts:
        raise InputError(f"{path}: glossary has no concepts")
    return Glossary(concepts, path=path, warnings=reader.warnings)

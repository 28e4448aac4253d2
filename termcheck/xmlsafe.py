"""Parse untrusted XML (TBX, XLIFF, TMX) safely, keeping the line where each element starts.

Built on the standard expat parser with guards, so nothing is ever expanded or fetched:
- a DOCTYPE with an internal subset (where <!ENTITY> and friends live: billion laughs, external
  entities) is refused, as is any entity declaration or external entity reference;
- a bare `<!DOCTYPE martif SYSTEM "x.dtd">` (common in TBX 2008 and TMX files) is accepted, but
  the external DTD is never read; a reference to an entity it might declare is refused.
Elements nested deeper than --max-depth (termcheck.limits) are refused while parsing, so no
reader meets a tree it would have to recurse through 5,000 levels deep.
Namespaces are kept in tags as ElementTree does (`{uri}local`); `local()` strips them.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from xml.parsers import expat

from termcheck.model import InputError

_REFUSED = "XML declares a DTD/entity; refused for safety"


@dataclass
class XmlDocument:
    root: ET.Element
    _lines: dict[int, int] = field(default_factory=dict, repr=False)

    def line(self, element: ET.Element) -> int:
        """1-based line where `element`'s start tag begins (0 for an element not from this file)."""
        return self._lines.get(id(element), 0)


def local(tag: str) -> str:
    """'{urn:iso:std:iso:30042:ed-2}termSec' -> 'termSec'."""
    return tag.rsplit("}", 1)[-1] if tag.startswith("{") else tag


class _Refused(Exception):
    def __init__(self, line: int, message: str = _REFUSED, column: int | None = None) -> None:
        super().__init__(message)
        self.line = line
        self.message = message
        self.column = column


def _qualified(name: str) -> str:
    # expat with namespace_separator=" " reports "uri local"; ElementTree writes "{uri}local".
    uri, sep, name_local = name.rpartition(" ")
    return f"{{{uri}}}{name_local}" if sep else name


def parse_xml(data: bytes, path: str) -> XmlDocument:
    """Parse `data` (read from `path`, which only names the file in errors)."""
    from termcheck.limits import LIMITS, too_large

    parser = expat.ParserCreate(namespace_separator=" ")
    parser.buffer_text = True
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    builder = ET.TreeBuilder()
    lines: dict[int, int] = {}
    depth = 0
    # Elements are kept alive by the tree, so their ids stay unique while the document lives.

    def start(name: str, attrs: dict[str, str]) -> None:
        nonlocal depth
        depth += 1
        if depth > LIMITS.depth:
            message = str(too_large("", "XML elements nested too deep", "depth", "levels")).lstrip(": ")
            raise _Refused(parser.CurrentLineNumber, message, parser.CurrentColumnNumber + 1)
        element = builder.start(_qualified(name), {_qualified(k): v for k, v in attrs.items()})
        lines[id(element)] = parser.CurrentLineNumber

    def end(name: str) -> None:
        nonlocal depth
        depth -= 1
        builder.end(_qualified(name))

    def doctype(name, system_id, public_id, has_internal_subset) -> None:
        if has_internal_subset:
            raise _Refused(parser.CurrentLineNumber)

    def entity_decl(*_args) -> None:
        raise _Refused(parser.CurrentLineNumber)

    def external_entity(*_args) -> int:
        raise _Refused(parser.CurrentLineNumber)

    def skipped_entity(name, is_parameter_entity) -> None:
        raise _Refused(
            parser.CurrentLineNumber,
            f"XML refers to entity '&{name};' declared outside the file; refused for safety",
        )

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = builder.data
    parser.StartDoctypeDeclHandler = doctype
    parser.EntityDeclHandler = entity_decl
    parser.UnparsedEntityDeclHandler = entity_decl
    parser.ExternalEntityRefHandler = external_entity
    parser.SkippedEntityHandler = skipped_entity
    try:
        parser.Parse(data, True)
    except _Refused as exc:
        column = f":{exc.column}" if exc.column else ""
        raise InputError(f"{path}:{exc.line}{column}: {exc.message}") from None
    except expat.ExpatError as exc:
        message = expat.ErrorString(exc.code)
        raise InputError(f"{path}:{exc.lineno}:{exc.offset + 1}: malformed XML: {message}") from None
    except (ValueError, LookupError) as exc:  # pyexpat: an encoding it cannot decode
        raise InputError(f"{path}:1: cannot read XML: {exc}") from None
    root = builder.close()
    return XmlDocument(root, lines)

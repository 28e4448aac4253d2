"""termcheck.xmlsafe: namespaces, line numbers, refusal of DTDs with entities, malformed XML."""

from __future__ import annotations

import pytest

from termcheck.model import InputError
from termcheck.xmlsafe import local, parse_xml

REFUSED = "XML declares a DTD/entity; refused for safety"


def _error(data: bytes, path: str = "f.xml") -> str:
    with pytest.raises(InputError) as info:
        parse_xml(data, path)
    return str(info.value)


def test_namespaced_tags_attributes_text_and_lines():
    data = (
        b'<?xml version="1.0" encoding="UTF-8"?>\n'
        b'<tbx xmlns="urn:iso:std:iso:30042:ed-2">\n'
        b"  <text>\n"
        b'    <term xml:lang="ar" type="x">\xd8\xad\xd8\xb4\xd8\xaf &amp; co</term>\n'
        b"    <plain xmlns=''/>\n"
        b"  </text>\n"
        b"</tbx>\n"
    )
    doc = parse_xml(data, "g.tbx")
    ns = "{urn:iso:std:iso:30042:ed-2}"
    assert doc.root.tag == ns + "tbx"
    text, = list(doc.root)
    term, plain = list(text)
    assert term.tag == ns + "term"
    assert plain.tag == "plain"  # an element in no namespace keeps a bare tag
    assert term.attrib == {"{http://www.w3.org/XML/1998/namespace}lang": "ar", "type": "x"}
    assert term.text == "حشد & co"
    assert [doc.line(e) for e in (doc.root, text, term, plain)] == [2, 3, 4, 5]


def test_line_of_a_foreign_element_is_zero():
    import xml.etree.ElementTree as ET

    doc = parse_xml(b"<a/>", "f.xml")
    assert doc.line(doc.root) == 1
    assert doc.line(ET.Element("a")) == 0


def test_local_strips_the_namespace():
    assert local("{urn:iso:std:iso:30042:ed-2}termSec") == "termSec"
    assert local("{http://www.w3.org/XML/1998/namespace}lang") == "lang"
    assert local("martif") == "martif"


def test_utf16_with_bom_is_read():
    data = '<?xml version="1.0" encoding="UTF-16"?>\n<a>مرحبا</a>'.encode("utf-16")
    assert parse_xml(data, "f.xml").root.text == "مرحبا"


def test_billion_laughs_is_refused_at_the_doctype_line():
    data = (
        b'<?xml version="1.0"?>\n'
        b"<!DOCTYPE lolz [\n"
        b' <!ENTITY lol "lol">\n'
        b' <!ENTITY lol2 "&lol;&lol;&lol;&lol;">\n'
        b"]>\n"
        b"<lolz>&lol2;</lolz>\n"
    )
    assert _error(data) == f"f.xml:2: {REFUSED}"


def test_external_entity_is_refused():
    data = b'<?xml version="1.0"?>\n\n<!DOCTYPE a [ <!ENTITY x SYSTEM "file:///etc/passwd"> ]>\n<a>&x;</a>'
    assert _error(data, "in/x.tbx") == f"in/x.tbx:3: {REFUSED}"


def test_parameter_entity_is_refused():
    data = b'<!DOCTYPE a [<!ENTITY % p SYSTEM "http://example.invalid/x.dtd"> %p;]><a/>'
    assert _error(data) == f"f.xml:1: {REFUSED}"


def test_bare_doctype_is_accepted_and_the_external_dtd_never_read(tmp_path):
    # The DTD exists and would define &x;; since it is never read, the reference is refused.
    dtd = tmp_path / "defs.dtd"
    dtd.write_text('<!ENTITY x "expanded">', encoding="utf-8")
    doc = parse_xml(f'<!DOCTYPE martif SYSTEM "{dtd.as_uri()}">\n<martif>ok</martif>'.encode(), "f.tbx")
    assert doc.root.tag == "martif" and doc.root.text == "ok"
    data = f'<!DOCTYPE martif SYSTEM "{dtd.as_uri()}">\n<martif>\n&x;</martif>'.encode()
    assert _error(data) == "f.xml:3: XML refers to entity '&x;' declared outside the file; refused for safety"


def test_malformed_xml_names_line_column_and_expat_message():
    # Line 2 is "<b></a>": expat points at the name of the wrong end tag, column 6.
    assert _error(b"<a>\n<b></a>") == "f.xml:2:6: malformed XML: mismatched tag"
    assert _error(b"") == "f.xml:1:1: malformed XML: no element found"
    assert _error(b"<a>&nbsp;</a>") == "f.xml:1:4: malformed XML: undefined entity"


def test_declared_single_byte_encoding_is_decoded_and_multibyte_ones_refused_cleanly():
    data = '<?xml version="1.0" encoding="windows-1256"?><a>حشد</a>'.encode("cp1256")
    assert parse_xml(data, "f.xml").root.text == "حشد"
    sjis = b'<?xml version="1.0" encoding="shift_jis"?><a>x</a>'
    assert _error(sjis) == "f.xml:1: cannot read XML: multi-byte encodings are not supported"

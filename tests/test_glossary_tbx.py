"""TBX v3 and TBX 2008 glossaries: structure, statuses, languages, notes, lines, errors."""

from __future__ import annotations

import os

import pytest

from termcheck.glossary import load_glossary
from termcheck.model import InputError, SourceRef, Status

A, F, P = Status.ALLOWED, Status.FORBIDDEN, Status.PREFERRED
DATA = os.path.join(os.path.dirname(__file__), "data", "glossary")


def _terms(concept) -> list[tuple[str, str, Status, int]]:
    return [(t.text, t.lang, t.status, t.origin.line) for t in concept.terms]


def _tbx(tmp_path, body: str, name: str = "g.tbx") -> str:
    path = tmp_path / name
    path.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<tbx xmlns="urn:iso:std:iso:30042:ed-2" type="TBX-Core"><text><body>\n' + body + "\n</body></text></tbx>\n",
        encoding="utf-8",
    )
    return str(path)


def _load_error(path: str) -> str:
    with pytest.raises(InputError) as info:
        load_glossary(path)
    return str(info.value)


def test_tbx_v3_concepts_statuses_lines_and_notes():
    path = os.path.join(DATA, "v3.tbx")
    glossary = load_glossary(path)
    kh, pmf = glossary.concepts
    assert kh.id == "kataib-hezbollah" and kh.origin == SourceRef(path, 9)
    assert kh.note == "Iraqi armed group."
    # en-US and ar-IQ are read as en and ar; the French section is skipped. The Arabic term has
    # no status and is the first of its language: preferred.
    assert _terms(kh) == [
        ("Kataib Hezbollah", "en", P, 15),
        ("Kata'ib Hizballah", "en", F, 19),
        ("KH", "en", A, 23),
        ("كتائب حزب الله", "ar", P, 29),
    ]
    assert pmf.id == "pmf" and pmf.index == 1
    assert pmf.note == "Umbrella of mostly Shia armed groups."
    # normativeAuthorization values; superseded is forbidden; the second unmarked Arabic term is allowed.
    assert _terms(pmf) == [
        ("Hashd", "en", A, 41),
        ("Popular Mobilization Forces", "en", P, 45),
        ("Popular Mobilisation Units", "en", F, 49),
        ("الحشد الشعبي", "ar", P, 55),
        ("هيئة الحشد الشعبي", "ar", A, 58),
    ]
    assert glossary.warnings == [f"{path}: languages other than en and ar ignored: fr"]


def test_tbx_2008_martif_tig_ntig_and_bare_doctype():
    path = os.path.join(DATA, "basic2008.tbx")
    muhandis, badr = load_glossary(path).concepts
    assert muhandis.id == "muhandis" and muhandis.origin.line == 9
    assert _terms(muhandis) == [
        ("Abu Mahdi al-Muhandis", "en", P, 12),
        ("Abu Mahdi al-Mohandes", "en", F, 17),
        ("أبو مهدي المهندس", "ar", P, 24),
    ]
    assert badr.id is None and badr.key == "Badr Organization"
    assert _terms(badr) == [("Badr Organization", "en", P, 31), ("Badr Brigade", "en", A, 34)]


def test_unmarked_first_term_is_allowed_when_another_is_preferred(tmp_path):
    path = _tbx(
        tmp_path,
        '<conceptEntry id="c"><langSec xml:lang="en">'
        "<termSec><term>PMF</term></termSec>"
        '<termSec><term>Popular Mobilization Forces</term><termNote type="administrativeStatus">preferredTerm-admn</termNote></termSec>'
        "<termSec><term>Hashd</term></termSec>"
        "</langSec></conceptEntry>",
    )
    (concept,) = load_glossary(path).concepts
    assert [(t.text, t.status) for t in concept.terms] == [("PMF", A), ("Popular Mobilization Forces", P), ("Hashd", A)]


def test_second_preferred_term_becomes_allowed_with_a_warning(tmp_path):
    path = _tbx(
        tmp_path,
        '<conceptEntry id="c"><langSec xml:lang="ar">\n'
        '<termSec><term>الحشد الشعبي</term><termNote type="administrativeStatus">preferredTerm-admn</termNote></termSec>\n'
        '<termSec><term>الحشد</term><termNote type="administrativeStatus">preferredTerm-admn</termNote></termSec>\n'
        "</langSec></conceptEntry>",
    )
    glossary = load_glossary(path)
    assert [(t.text, t.status) for t in glossary.concepts[0].terms] == [("الحشد الشعبي", P), ("الحشد", A)]
    assert glossary.warnings == [f"{path}:5: a second preferred ar term 'الحشد'; treated as allowed"]


def test_unknown_status_warns_and_counts_as_unmarked(tmp_path):
    path = _tbx(
        tmp_path,
        '<conceptEntry id="c"><langSec xml:lang="en">\n'
        '<termSec><term>Badr</term><termNote type="administrativeStatus">legalTerm-admn</termNote></termSec>\n'
        "</langSec></conceptEntry>",
    )
    glossary = load_glossary(path)
    assert [(t.text, t.status) for t in glossary.concepts[0].terms] == [("Badr", P)]
    assert glossary.warnings == [f"{path}:4: unknown term status 'legalTerm-admn'; treated as unmarked"]


def test_dct_style_status_and_inline_markup_in_terms(tmp_path):
    path = _tbx(
        tmp_path,
        '<conceptEntry id="c" xmlns:basic="http://www.tbxinfo.net/ns/basic"><langSec xml:lang="EN_gb">'
        "<termSec><term>Abu <hi>Mahdi</hi>\n  al-Muhandis</term><basic:administrativeStatus>deprecatedTerm-admn</basic:administrativeStatus></termSec>"
        "</langSec></conceptEntry>",
    )
    (concept,) = load_glossary(path).concepts
    assert [(t.text, t.lang, t.status) for t in concept.terms] == [("Abu Mahdi al-Muhandis", "en", F)]


def test_empty_term_is_kept_and_concept_of_other_languages_dropped(tmp_path):
    path = _tbx(
        tmp_path,
        '<conceptEntry id="fr-only"><langSec xml:lang="fr"><termSec><term>Hachd</term></termSec></langSec></conceptEntry>\n'
        '<conceptEntry id="c"><langSec xml:lang="en"><termSec><term>  </term></termSec></langSec></conceptEntry>',
    )
    glossary = load_glossary(path)
    assert [c.id for c in glossary.concepts] == ["c"]
    assert [(t.text, t.status, t.origin.line) for t in glossary.concepts[0].terms] == [("", P, 4)]


def test_xml_extension_is_read_when_the_root_is_tbx(tmp_path):
    path = _tbx(tmp_path, '<conceptEntry id="c"><langSec xml:lang="en"><termSec><term>A</term></termSec></langSec></conceptEntry>', "g.xml")
    assert [c.id for c in load_glossary(path).concepts] == ["c"]
    other = tmp_path / "x.xml"
    other.write_text("<?xml version='1.0'?>\n<xliff/>", encoding="utf-8")
    assert _load_error(str(other)) == f"{other}:2: not a TBX glossary: the root is <xliff>, expected <tbx> or <martif>"


def test_structural_errors(tmp_path):
    no_lang = _tbx(tmp_path, '<conceptEntry id="c"><langSec><termSec><term>A</term></termSec></langSec></conceptEntry>')
    assert _load_error(no_lang) == f"{no_lang}:3: <langSec> has no xml:lang"
    no_term = _tbx(tmp_path, '<conceptEntry id="c"><langSec xml:lang="en"><termSec/></langSec></conceptEntry>', "t.tbx")
    assert _load_error(no_term) == f"{no_term}:3: <termSec> has no <term>"
    empty = _tbx(tmp_path, "", "e.tbx")
    assert _load_error(empty) == f"{empty}: glossary has no concepts"
    broken = tmp_path / "b.tbx"
    broken.write_text("<tbx>\n<text>\n</tbx>", encoding="utf-8")
    assert _load_error(str(broken)) == f"{broken}:3:3: malformed XML: mismatched tag"


def test_entities_are_refused_when_loading():
    path = os.path.join(DATA, "xxe.tbx")
    assert _load_error(path) == f"{path}:2: XML declares a DTD/entity; refused for safety"

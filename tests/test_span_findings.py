"""SpanFinding (model.py): the compact finding dense copy's TC101 findings are made as. Each reads,
compares, pickles, replaces and renders exactly as the Finding it stands for."""

from __future__ import annotations

import dataclasses
import pickle

import pytest

from termcheck.contexts import document_context
from termcheck.glossary import load_glossary
from termcheck.match import Matcher
from termcheck.model import Document, Finding, Severity, SpanFinding, SpanKind
from termcheck.report import jsonfmt, sarif, text
from termcheck.rules import forbidden

GLOSSARY = "id,en,ar,en_allowed,en_forbidden,ar_allowed,ar_forbidden,note\nkh,Kataib Hezbollah,,,Kataib Hizbollah,,,\n"
TEXT = "Kataib Hizbollah said.\nThen kataib hizbollah, and\nKATAIB HIZBOLLAH again. " * 5


@pytest.fixture()
def matcher(tmp_path) -> Matcher:
    path = tmp_path / "g.csv"
    path.write_text(GLOSSARY, encoding="utf-8")
    return Matcher(load_glossary(str(path)))


def _tc101(doc: Document, matcher: Matcher) -> list:
    return list(forbidden.forbidden_terms(document_context(doc, matcher)))


def test_dense_copy_gets_span_findings_equal_to_the_plain_ones(matcher, monkeypatch):
    doc = Document("d.md", TEXT, "en")
    plain = _tc101(doc, matcher)
    assert len(plain) == 15 and all(type(f) is Finding for f in plain)
    monkeypatch.setattr(forbidden, "COMPACT_FINDINGS", 3)
    compact = _tc101(doc, matcher)
    assert all(type(f) is SpanFinding for f in compact)
    assert compact == plain and plain == compact
    for made, expected in zip(compact, plain):
        assert made.finding() == expected
        assert made.sort_key == expected.sort_key
        assert (made.found, made.message, made.fix, made.location) == (expected.found, expected.message,
                                                                       expected.fix, expected.location)
    # the three spellings are three kinds, each found text its own
    assert [f.found for f in compact[:3]] == ["Kataib Hizbollah", "kataib hizbollah", "KATAIB HIZBOLLAH"]
    assert compact[1].location.line == 2 and compact[1].location.column == 6
    assert compact[1].message == plain[1].message == "'kataib hizbollah' is not the house form; write 'Kataib Hezbollah'"


def test_dense_arabic_copy_suggests_each_spelling_in_its_own_inflection(tmp_path, monkeypatch):
    """An Arabic form's suggestion follows what is written (كلمة سرك: كلمة مرورك, كلمة السر: كلمة المرور):
    the dense path makes one kind a spelling, and its findings equal the plain ones."""
    path = tmp_path / "g.csv"
    path.write_text("id,en,ar,en_allowed,en_forbidden,ar_allowed,ar_forbidden,note\n"
                    "pw,password,كلمة المرور,,,,كلمة السر,\nsecret,secret,سر,,,,خفية,\n", encoding="utf-8")
    matcher = Matcher(load_glossary(str(path)))
    doc = Document("d.md", "غيّر كلمة سرك ثم كلمة السر والخفية. " * 3, "ar")
    plain = _tc101(doc, matcher)
    monkeypatch.setattr(forbidden, "COMPACT_FINDINGS", 2)
    compact = _tc101(doc, matcher)
    assert all(type(f) is SpanFinding for f in compact) and compact == plain
    assert [(f.found, f.expected) for f in compact[:3]] == [
        ("كلمة سرك", "كلمة مرورك"), ("كلمة السر", "كلمة المرور"), ("خفية", "سر")]


def test_span_findings_render_byte_for_byte_as_findings(matcher, monkeypatch):
    doc = Document("d.md", TEXT, "en")
    plain = _tc101(doc, matcher)
    monkeypatch.setattr(forbidden, "COMPACT_FINDINGS", 3)
    compact = _tc101(doc, matcher)
    sources = {doc.path: doc.text}
    assert jsonfmt.render(compact, 1, sources=sources) == jsonfmt.render(plain, 1, sources=sources)
    assert sarif.render(compact, 1) == sarif.render(plain, 1)
    assert text.render(compact, 1, sources) == text.render(plain, 1, sources)


def test_a_span_finding_pickles_and_replaces_as_a_finding(matcher, monkeypatch):
    doc = Document("d.md", TEXT, "en")
    monkeypatch.setattr(forbidden, "COMPACT_FINDINGS", 3)
    finding = _tc101(doc, matcher)[4]
    back = pickle.loads(pickle.dumps(finding))
    assert type(back) is Finding and back == finding
    lowered = dataclasses.replace(finding, severity=Severity.WARNING)
    assert type(lowered) is Finding and lowered.severity is Severity.WARNING
    assert dataclasses.replace(lowered, severity=Severity.ERROR) == finding
    assert finding.to_dict() == finding.finding().to_dict()


def test_span_kind_refuses_a_message_that_changes_the_found_text():
    doc = Document("d.md", "Abc def", "en")

    def make(message):
        return lambda found: Finding("TC101", Severity.ERROR, None, found, message(found), "x", "c")

    kind = SpanKind(doc, make(lambda found: f"'{found}' twice: '{found}'"))
    assert kind.at(4, 7).message == "'def' twice: 'def'" and kind.at(4, 7).fix is None
    for changed in (str.lower, str.capitalize, lambda found: found[:3]):
        with pytest.raises(ValueError):
            SpanKind(doc, make(lambda found, changed=changed: f"'{changed(found)}'"))
    with pytest.raises(ValueError):
        SpanKind(doc, lambda found: Finding("TC101", Severity.ERROR, None, found, found, extra={"k": 1}))

"""Concept.key: concepts without an id are named by their preferred form, in findings and JSON."""

from termcheck.lint import lint_document
from termcheck.match import Matcher
from termcheck.model import Concept, Document, Glossary, Status, Term

P, F = Status.PREFERRED, Status.FORBIDDEN


def test_key_is_the_id_else_the_preferred_form_else_the_position():
    assert Concept("kh", [Term("Kataib Hezbollah", "en", P)]).key == "kh"
    assert Concept(None, [Term("بدر", "ar", P), Term("Badr Organization", "en", P)], index=4).key == "Badr Organization"
    assert Concept(None, [Term("منظمة بدر", "ar", P)], index=4).key == "منظمة بدر"
    assert Concept(None, [Term("Badr Brigade", "en", F)], index=4).key == "Badr Brigade"
    assert Concept(None, [], index=4).key == "#5"


def test_findings_name_an_id_less_concept_by_its_preferred_form():
    g = Glossary([Concept(None, [Term("Badr Organization", "en", P), Term("Badr Organisation", "en", F)])])
    [f] = lint_document(Document("doc.txt", "The Badr Organisation said.", "en"), Matcher(g))
    assert (f.rule, f.concept, f.to_dict()["concept"]) == ("TC101", "Badr Organization", "Badr Organization")

"""The bundled house glossary: CSV and TBX load, agree concept by concept, and validate clean."""

from __future__ import annotations

import os

import pytest

from termcheck.glossary import load_glossary
from termcheck.glossary.validate import validate_glossary
from termcheck.model import LANGS, Status

ROOT = os.path.join(os.path.dirname(__file__), "..")
CSV = os.path.join(ROOT, "glossaries", "house.csv")
TBX = os.path.join(ROOT, "glossaries", "house.tbx")


def _content(concept) -> tuple:
    """Id, note and, per language and status, the forms in their written order."""
    forms = tuple(
        (lang, status.value, tuple(t.text for t in concept.forms(lang, status))) for lang in LANGS for status in Status
    )
    return concept.id, concept.note, forms


@pytest.fixture(scope="module")
def house():
    return load_glossary(CSV), load_glossary(TBX)


def test_both_load_without_warnings_and_hold_at_least_40_concepts(house):
    csv_glossary, tbx_glossary = house
    assert csv_glossary.warnings == [] and tbx_glossary.warnings == []
    assert len(csv_glossary) >= 40
    assert len(tbx_glossary) == len(csv_glossary)
    assert csv_glossary.options == tbx_glossary.options


def test_csv_and_tbx_are_equal_concept_by_concept(house):
    csv_glossary, tbx_glossary = house
    for csv_concept, tbx_concept in zip(csv_glossary.concepts, tbx_glossary.concepts):
        assert _content(csv_concept) == _content(tbx_concept), csv_concept.key
    assert all(c.id for c in csv_glossary.concepts)  # every house concept has a stable id


@pytest.mark.parametrize("path", [CSV, TBX], ids=["csv", "tbx"])
def test_house_glossary_validates_clean(path):
    assert validate_glossary(load_glossary(path)) == []

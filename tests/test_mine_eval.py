"""Precision and recall of `glossary mine` against the labelled files (bench/eval_mine.py prints them).

The issue's targets are recall >= 0.8 / precision >= 0.8 on the bundled corpora and recall >= 0.6 /
precision@100 >= 0.7 on the TICO-19 memory; the miner meets them (0.93 / 0.84 and 0.624 / 0.77 when
this was written), so the floors are the targets: a change that loses candidates or lets noise into
the top of the list fails here.
"""

from __future__ import annotations

import os
import sys

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "bench"))

import eval_mine  # noqa: E402

REALDATA = os.path.join(ROOT, "..", "shared", "realdata", "tico19")

BUNDLED_RECALL, BUNDLED_PRECISION = 0.8, 0.8
TICO_RECALL, TICO_PRECISION = 0.6, 0.7


@pytest.fixture(scope="module")
def bundled():
    return eval_mine.mine_bundled().candidates


def test_bundled_recall_of_house_concepts(bundled):
    frequent, found = eval_mine.bundled_recall(bundled)
    assert len(frequent) == 30
    assert len(found) / len(frequent) >= BUNDLED_RECALL, sorted(set(frequent) - set(found))
    # the planted slips come with their concepts, as forbidden spellings
    kh = next(c for c in bundled if c.preferred("en") == "Kataib Hezbollah")
    assert {s.text for s in kh.en[1:]} == {"Kataib Hizbollah", "Kata'ib Hizballah"}


def test_bundled_top_50_is_labelled_and_precise(bundled):
    accepted, labelled, missing = eval_mine.precision(bundled, eval_mine.read_labels("bundled_labels.tsv"), 50)
    assert not missing, [c.preferred("en") for c in missing]  # a new candidate in the top 50: label it
    assert accepted / labelled >= BUNDLED_PRECISION


@pytest.mark.skipif(not os.path.isdir(REALDATA), reason="../shared/realdata not available")
def test_tico19_recall_and_precision():
    units = eval_mine.tico_units()
    mined = eval_mine.mine(eval_mine.unit_pairs(units), min_count=2)
    frequent, found = eval_mine.tico_recall(mined.candidates, units)
    assert len(found) / len(frequent) >= TICO_RECALL, len(found)
    terms = [c for c in mined.candidates if c.kind == "term"]
    # the whole mined glossary is a valid one: no error and no warning of `glossary validate`
    from termcheck.glossary.csv_reader import parse_delimited
    from termcheck.glossary.validate import validate_glossary
    from termcheck.mine.render import to_csv

    assert validate_glossary(parse_delimited(to_csv(mined.candidates), "mined.csv")) == []
    accepted, labelled, missing = eval_mine.precision(terms, eval_mine.read_labels("tico19_labels.tsv"), 100)
    assert not missing, [c.preferred("en") for c in missing]
    assert accepted / labelled >= TICO_PRECISION

"""The TICO-19 development sets (bench/devsets.py): exact gold that partitions both documents."""

from __future__ import annotations

import os
import sys

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "bench"))
try:
    from devsets import TMX, dev_pairs
finally:
    sys.path.pop(0)

from termcheck.text.segment import paragraphs, sentences  # noqa: E402

pytestmark = pytest.mark.skipif(not os.path.exists(TMX), reason="../shared/realdata/tico19 is not there")


def test_two_splits_of_twelve_pairs_in_both_directions():
    pairs = dev_pairs()
    assert [p.split for p in pairs].count("tune") == 12 and [p.split for p in pairs].count("held-out") == 12
    for split in ("tune", "held-out"):
        assert {(p.source.lang, p.target.lang) for p in pairs if p.split == split} == {("en", "ar"), ("ar", "en")}


def test_gold_covers_every_segment_once_and_has_the_planted_shapes():
    shapes = set()
    for pair in dev_pairs():
        for level, segment in (("paragraph", lambda d: paragraphs(d)), ("sentence", lambda d: sentences(d, paragraphs(d)))):
            gold = pair.gold[level]
            sources = sorted(i for s, _ in gold for i in s)
            targets = sorted(j for _, t in gold for j in t)
            assert sources == list(range(len(segment(pair.source)))), (pair.name, level)
            assert targets == list(range(len(segment(pair.target)))), (pair.name, level)
        shapes |= {(len(s), len(t)) for s, t in pair.gold["sentence"]}
    assert {(1, 0), (0, 1), (2, 1), (1, 2), (1, 4), (5, 1), (6, 1)} <= shapes

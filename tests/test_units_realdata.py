"""Units checks on real third-party files in ../shared/realdata (read, never copied)."""

from __future__ import annotations

import os

import pytest

from termcheck.formats import read_units
from termcheck.units import RenderingIndex, UnitCheckOptions, check_units

REALDATA = os.path.join(os.path.dirname(__file__), "..", "..", "shared", "realdata")
TMX = os.path.join(REALDATA, "tico19", "all.en-ar.tmx")
XLIFF = os.path.join(REALDATA, "mozilla-focus-ios", "ar.xliff")

pytestmark = pytest.mark.skipif(not os.path.exists(TMX), reason="../shared/realdata not available")


@pytest.fixture(scope="module")
def tico():
    units = read_units(TMX)
    return units, RenderingIndex([u.source for u in units], [u.target for u in units])


def test_tico_tmx_has_3071_english_arabic_units(tico):
    units, _ = tico
    assert len(units) == 3071
    assert {(u.source_lang, u.target_lang) for u in units} == {("en", "ar")}
    assert units[0].id == "CMU_1:1" and units[0].line == 7


def test_coronavirus_renderings(tico):
    _, index = tico
    result = index.renderings("coronavirus")
    texts = [r.text for r in result.renderings]
    assert texts[0] == "فيروس كورونا"
    assert result.renderings[0].count >= 100
    assert "فيروسات التاجية" in texts  # الفيروسات التاجية (the bare stem تاجية never occurs)


def test_pandemic_renderings(tico):
    _, index = tico
    result = index.renderings("pandemic")
    assert [r.text for r in result.renderings[:2]] == ["جائحة", "وباء"]
    assert result.renderings[0].count > result.renderings[1].count >= 5


def test_tmx_full_check_mines_pandemic(tico):
    # speed is bench/bench_units.py's to print, not a test's to assert
    units, _ = tico
    findings = check_units(units, None, UnitCheckOptions(terms=("coronavirus", "pandemic"), mine_terms=True))
    messages = [f.message for f in findings if f.rule == "TC307"]
    assert any(m.startswith("pandemic: جائحة ×86, الوباء ×12") for m in messages)


def test_mozilla_xliff_consistency_and_firefox():
    units = read_units(XLIFF)
    assert len(units) == 258
    findings = check_units(units, None, UnitCheckOptions(terms=("Firefox",)))
    done = [f for f in findings if f.rule == "TC301" and "'Done'" in f.message]
    assert done == []  # تم vs تمّ differ only by a shadda
    firefox = [f for f in findings if f.rule == "TC307"]
    assert [f.message for f in firefox] == ["Firefox: Firefox ×3, فَيَرفُكس ×1 (in 4 units)"]  # as written
    untranslated = [f.location.line for f in findings if f.rule == "TC303"]
    assert untranslated == [675, 689, 698]

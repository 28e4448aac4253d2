"""Matches kept as columns and a long text matched a stretch at a time give exactly what Match
objects and one pass over the whole text give (issue 11: memory on a 50 MB line, same findings)."""

from __future__ import annotations

import random

import pytest

import termcheck.match as match_module
import termcheck.rules.consistency as consistency
from termcheck.lint import lint_document
from termcheck.match import Matcher, Matches, all_forbidden
from termcheck.model import Concept, Document, Glossary, Status, Term


def _glossary() -> Glossary:
    def concept(key: str, preferred: str, *forbidden: str) -> Concept:
        terms = [Term(preferred, "en", Status.PREFERRED)] + [Term(f, "en", Status.FORBIDDEN) for f in forbidden]
        return Concept(key, terms)

    return Glossary([
        concept("kh", "Kataib Hezbollah", "Kataib Hizbollah"),
        concept("hz", "Hezbollah", "Hizbollah"),
        concept("pmf", "Popular Mobilization Forces", "Popular Mobilisation Forces"),
        concept("muhandis", "Abu Mahdi al-Muhandis", "Abu Mahdi al-Mohandis"),
        concept("who", "WHO"),
        concept("cell", "cell phone"),
    ], path="")


WORDS = ["Kataib", "Hizbollah", "Hezbollah", "said", "the", "Popular", "Mobilisation", "Mobilization", "Forces",
         "Abu", "Mahdi", "al-Mohandis", "al-Muhandis", "WHO", "who", "cell", "phone", "phones", "and", "\n", "  ",
         "Kataib Hizbollah", "Kataib Hezbollah"]


def _text(size: int, seed: int) -> str:
    rng = random.Random(seed)
    out, total = [], 0
    while total < size:
        word = rng.choice(WORDS)
        out.append(word)
        total += len(word) + 1
    return " ".join(out)


def _described(matches) -> list:
    return [(m.start, m.end, m.norm_start, m.norm_end, m.exact, [(e.concept.key, e.term.text) for e in m.entries])
            for m in matches]


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_a_long_text_matched_a_stretch_at_a_time_is_matched_as_one(monkeypatch, seed):
    matcher = Matcher(_glossary())
    text = _text(60_000, seed)
    found = matcher.find(text)
    whole = _described(found)
    monkeypatch.setattr(match_module, "_WINDOW", 997)  # stretches of ~1,000 characters, cut anywhere
    monkeypatch.setattr(match_module, "_OBJECTS_UP_TO", 10)  # and columns, not Match objects
    streamed = matcher.find(text)
    assert type(streamed) is Matches
    assert _described(streamed) == whole
    assert len(whole) > 1000
    forbidden = streamed.where(all_forbidden)
    assert _described(forbidden) == _described(m for m in found if all_forbidden(m.entries))
    assert 100 < len(forbidden) < len(streamed)
    assert _described(streamed[5:9]) == whole[5:9]
    assert list(streamed.starts) == [m[0] for m in whole]


@pytest.mark.parametrize("seed", [4, 5])
def test_forbidden_matches_of_a_long_dense_text_are_finds_forbidden_ones(monkeypatch, seed):
    matcher = Matcher(_glossary())
    text = _text(40_000, seed)
    expected = _described(m for m in matcher.find(text) if all_forbidden(m.entries))
    assert _described(matcher.find_forbidden(text)) == expected
    monkeypatch.setattr(match_module, "_WINDOW", 613)  # stretches cut short, picks into columns
    monkeypatch.setattr(match_module, "_OBJECTS_UP_TO", 7)
    found = matcher.find_forbidden(text)
    assert type(found) is Matches and _described(found) == expected and len(expected) > 100


def test_a_cluster_longer_than_a_stretch_widens_it(monkeypatch):
    matcher = Matcher(_glossary())
    text = "x " * 50 + "Kataib Hizbollah said " * 200
    whole = _described(matcher.find(text))
    monkeypatch.setattr(match_module, "_WINDOW", 5)  # shorter than any form: every stretch must widen
    assert _described(matcher.find(text)) == whole


def test_lint_of_a_long_document_gives_the_same_findings_with_columns_and_distinct_spans(monkeypatch):
    matcher = Matcher(_glossary())
    text = _text(30_000, 7).replace("Hizbollah", "Hizbolah", 3)  # a few spellings TC104 groups
    doc = Document("d.md", text, "en")
    plain = [repr(f) for f in lint_document(doc, matcher)]
    monkeypatch.setattr(match_module, "_WINDOW", 1009)
    monkeypatch.setattr(match_module, "_OBJECTS_UP_TO", 0)
    monkeypatch.setattr(consistency, "DISTINCT_FROM", -1)
    columns = [repr(f) for f in lint_document(doc, matcher)]
    assert columns == plain
    assert any("'TC101'" in f for f in plain) and any("'TC104'" in f for f in plain)


@pytest.mark.parametrize("seed", [8, 9])
def test_a_long_ascii_text_folded_as_read_matches_as_normalized_whole(monkeypatch, seed):
    """No two white-space characters in a row: find() folds the text a slice at a time
    (_FoldedASCII) instead of normalizing it whole, with the same matches."""
    matcher = Matcher(_glossary())
    rng = random.Random(seed)
    separators = [" ", " ", " ", "\n", "\t", " `", ", ", ".\r"]
    words = [w for w in WORDS if w.strip()] + ["KATAIB HIZBOLLAH", "kataib\thizbollah", "Kataib\nHizbollah"]
    text = "".join(rng.choice(words) + rng.choice(separators) for _ in range(8000))
    assert text.isascii() and match_module._WHITE_SPACE_PAIR.search(text) is None
    folded = match_module._FoldedASCII(text, matcher._ascii_folds())
    normalized = matcher.normalize(text)
    assert not normalized._norm_anchors and folded[:] == normalized.text and len(folded) == len(text)
    assert folded[1234:5678] == normalized.text[1234:5678] and folded[77] == normalized.text[77]
    monkeypatch.setattr(match_module, "_WINDOW", 1013)
    made = []
    monkeypatch.setattr(match_module, "_FoldedASCII", lambda *a: made.append(1) or folded)
    streamed = _described(matcher.find(text))
    assert made and streamed == _described(matcher.find(text, normalized)) and len(streamed) > 2000
    assert {m[5][0][0] for m in streamed} >= {"kh", "hz", "pmf", "muhandis", "who"}
    made.clear()
    assert _described(matcher.find(text + "  x")) == _described(matcher.find(text + "  x", matcher.normalize(text + "  x")))
    assert not made  # a white-space pair: normalized whole, as before

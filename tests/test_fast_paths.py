"""Fast paths give exactly what the plain paths they stand for give (issue 12: speed without a
change in findings)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from termcheck.text.normalize import normalize, normalize_form

# Letters, every kind of character normalization folds, deletes, expands or collapses.
PIECES = ["a", "B", "x", " ", "  ", "\n", "\t", "\u00a0", "\u064b", "\u0640", "\u0670", "\u200f", "\u00ad", "\ufeff",
          "\ufefb", "\ufe8d", "ب", "ى", "ة", "أ", "İ", "Σ", "é", "ḥ", "’", "\u2011", "٣", "-", "."]
texts = st.lists(st.sampled_from(PIECES), max_size=30).map("".join)
folds = st.tuples(st.booleans(), st.booleans())


@settings(max_examples=400)
@given(texts, folds)
def test_normalize_form_is_the_normalized_text_trimmed(text, fold):
    options = dict(fold_alef_maqsura=fold[0], fold_ta_marbuta=fold[1])
    assert normalize_form(text, **options) == normalize(text, **options).text.strip()


@settings(max_examples=400)
@given(texts, st.lists(st.integers(0, 40), max_size=12))
def test_spans_of_ordered_disjoint_spans_are_span_of_each(text, cuts):
    norm = normalize(text)
    points = sorted({min(c, len(norm.text)) for c in cuts})
    spans = list(zip(points[::2], points[1::2]))  # in order, disjoint, some touching
    assert norm.spans(spans) == [norm.span(start, end) for start, end in spans]


def test_an_ascii_text_collapses_the_same_runs_as_any_text():
    text = "Two  spaces,\n\nthen   three and a tab\t here.  "
    norm = normalize(text)
    assert norm.text == "two spaces, then three and a tab here. "
    assert norm.span(4, 10) == (5, 11)  # "spaces", after the collapsed run
    assert normalize(text + "\u064b").text == norm.text  # the non-ASCII path agrees


# -- Matcher.find_forbidden: find() filtered to all-forbidden matches, found around forbidden forms --

import random  # noqa: E402

import pytest  # noqa: E402

from termcheck import match as match_module  # noqa: E402
from termcheck.match import Matcher, all_forbidden  # noqa: E402
from termcheck.model import Concept, Glossary, Status, Term  # noqa: E402


def _chain_glossary() -> Glossary:
    """Names that overlap in chains (Abu Bakr / Bakr Sami / Sami al-Rawi ...), forbidden spellings
    inside and around accepted ones, plurals and hyphen twins."""
    rows = [("Abu Bakr", ["Abou Bakr"]), ("Bakr Sami", ["Bakir Sami"]), ("Sami al-Rawi", ["Samy al-Rawi"]),
            ("al-Rawi Hadi", []), ("Hadi", ["Hady"]), ("Rawi", ["Rawy"]), ("Sami", []),
            ("Bakir Sami al-Rawi Hadi Jasim", []), ("hand washing", ["hand-washin"]), ("outbreak", ["out-break"])]
    concepts = []
    for k, (preferred, forbidden) in enumerate(rows):
        terms = [Term(preferred, "en", Status.PREFERRED)] + [Term(f, "en", Status.FORBIDDEN) for f in forbidden]
        concepts.append(Concept(f"c{k}", terms, index=k))
    return Glossary(concepts, path="chains")


def _described(matches) -> list:
    return [(m.start, m.end, m.norm_start, m.norm_end, m.exact, [(e.concept.key, e.term, e.elided_article,
                                                                  e.inflected) for e in m.entries]) for m in matches]


@pytest.mark.parametrize("window", [None, 7])
def test_find_forbidden_is_find_filtered_to_forbidden_matches(monkeypatch, window):
    if window is not None:
        monkeypatch.setattr(match_module, "_WINDOW", window)  # texts longer than a window too
    matcher = Matcher(_chain_glossary())
    forms = [t.text for c in matcher.glossary.concepts for t in c.terms]
    glue = [" ", "  ", "-", " al-", ", ", "s ", "x", "\n\n", "'s ", "\u00ad", " the "]
    rng = random.Random(11)
    found = 0
    for _ in range(1500):
        text = "".join(rng.choice(forms) + rng.choice(glue) for _ in range(rng.randint(1, 14)))
        expected = _described(m for m in matcher.find(text) if all_forbidden(m.entries))
        assert _described(matcher.find_forbidden(text)) == expected, text
        found += len(expected)
    assert found > 1000  # forbidden forms were there to find, inside chains of overlapping names
    import pickle

    loaded = pickle.loads(pickle.dumps(matcher))  # as the compiled-glossary cache stores it
    text = "Abou Bakir Sami al-Rawi Hady met Samy al-Rawi; hand-washin, out-breaks."
    assert _described(loaded.find_forbidden(text)) == _described(matcher.find_forbidden(text)) != []


def test_find_forbidden_falls_back_to_find_for_arabic_text_and_false_friends():
    from tests.helpers import matcher_for

    matcher = matcher_for("id,en,ar,en_forbidden,ar_forbidden,en_false_friends\n"
                          "pw,password,كلمة المرور,pass word,كلمة السر,\n"
                          "cell,cell,خلية,cel,,cel phone\n")
    text = "A pass word and a cel, a cel phone. وبكلمة السر وكلمة المرور"
    forbidden = matcher.find_forbidden(text)
    assert [text[m.start:m.end] for m in forbidden] == ["pass word", "cel", "كلمة السر"]
    assert _described(forbidden) == _described(m for m in matcher.find(text) if all_forbidden(m.entries))


def test_lint_select_tc101_reports_what_all_rules_report_under_tc101(tmp_path):
    import json

    from tests.helpers import run_termcheck

    files = {"g.csv": "id,en,ar,en_forbidden\nab,Abu Bakr,أبو بكر,Abou Bakr\nbs,Bakr Sami,بكر سامي,Bakir Sami\n"
                      "sr,Sami al-Rawi,سامي الراوي,Samy al-Rawi\n",
             "a.md": "Abou Bakr met Bakir Sami; Abou Bakir Samy al-Rawi left. Samy al-Rawi-backed.\n"}
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    args = ("lint", str(tmp_path / "a.md"), "-g", str(tmp_path / "g.csv"), "--format", "json")
    alone, every = run_termcheck(*args, "--select", "TC101"), run_termcheck(*args)
    tc101 = [f for f in json.loads(every.stdout)["findings"] if f["rule"] == "TC101"]
    assert json.loads(alone.stdout)["findings"] == tc101 and len(tc101) >= 3


def test_find_forbidden_widens_a_stretch_whose_overlaps_reach_far():
    """Whether the forbidden pair at the end is kept depends on a long name nine words to its left
    (longest first: it takes the first pair's word, and every other pair after it shifts): the stretch
    around the forbidden form must grow until the whole chain of overlaps is in it."""
    words = ["kaza", "lomi", "niru", "pesa", "qoti", "rafu", "sube", "tavo", "uxil", "vemo"]
    pairs = [f"{a} {b}" for a, b in zip(words, words[1:])]
    concepts = [Concept(f"p{k}", [Term(p, "en", Status.PREFERRED if k < len(pairs) - 1 else Status.FORBIDDEN)], index=k)
                for k, p in enumerate(pairs)]
    concepts.append(Concept("long", [Term("jotajotajotajota kaza", "en", Status.PREFERRED)], index=len(pairs)))
    matcher = Matcher(Glossary(concepts, path="chain"))
    for lead in ("jotajotajotajota ", "", "xx "):
        text = "Before " + lead + " ".join(words) + " after."
        expected = _described(m for m in matcher.find(text) if all_forbidden(m.entries))
        assert _described(matcher.find_forbidden(text)) == expected
    kept = matcher.find_forbidden(" ".join(words))
    assert [m.entries[0].concept.key for m in kept] == ["p8"]  # every other pair from kaza lomi on: uxil vemo
    assert matcher.find_forbidden("jotajotajotajota " + " ".join(words)) == []  # shifted: tavo uxil takes uxil

"""TC102 unlisted-variant, run through lint_document with inline glossaries."""

import os

import pytest

from termcheck.lint import lint_document
from termcheck.match import Matcher
from termcheck.model import Applicability, Concept, Document, Glossary, Status, Term
from termcheck.rules.variants import variant_index

P, A, F = Status.PREFERRED, Status.ALLOWED, Status.FORBIDDEN


def glossary(*concepts):
    return Glossary(
        [Concept(cid, [Term(t, lang, s) for t, lang, s in terms], index=i) for i, (cid, terms) in enumerate(concepts)]
    )


def lint(text, g, rule="TC102", path="doc.txt", lang="en"):
    return [f for f in lint_document(Document(path, text, lang), Matcher(g)) if f.rule == rule]


def where(f):
    loc = f.location
    return (loc.line, loc.column, loc.end_line, loc.end_column)


HOUSE = glossary(
    ("kh", [("Kataib Hezbollah", "en", P), ("Kata'ib Hizballah", "en", F), ("كتائب حزب الله", "ar", P)]),
    ("muhandis", [("Abu Mahdi al-Muhandis", "en", P), ("al-Muhandis", "en", A), ("أبو مهدي المهندس", "ar", P)]),
    ("haydariyun", [("Haydariyun", "en", P), ("الحيدريون", "ar", P)]),
    ("sudani", [("Mohammed Shia al-Sudani", "en", P)]),
    ("amiri", [("Hadi al-Amiri", "en", P)]),
    ("iraq", [("Iraq", "en", P)]),
    ("sudan", [("Sudan", "en", P)]),
    ("hassan", [("Hassan", "en", P)]),
)


def test_unlisted_variant_is_reported_with_preferred_form_and_unsafe_fix():
    text = "The Haidariyoun brigade said."
    [f] = lint(text, HOUSE)
    assert where(f) == (1, 5, 1, 16)
    assert f.found == "Haidariyoun"
    assert f.expected == "Haydariyun"
    assert f.concept == "haydariyun"
    assert f.severity.value == "warning"
    assert (f.fix.start, f.fix.end, f.fix.replacement) == (4, 15, "Haydariyun")
    assert f.fix.applicability is Applicability.UNSAFE


def test_variants_of_full_name_and_of_allowed_surname():
    text = "Abu Mahdi al-Mohandes was killed.\nWitnesses said el-Muhandis and al-Mohandiss were there."
    found = [(f.found, f.expected, where(f)) for f in lint(text, HOUSE)]
    assert found == [
        ("Abu Mahdi al-Mohandes", "Abu Mahdi al-Muhandis", (1, 1, 1, 22)),
        # a variant of the allowed surname is fixed to that surname, not to the full name
        ("el-Muhandis", "al-Muhandis", (2, 16, 2, 27)),
        ("al-Mohandiss", "al-Muhandis", (2, 32, 2, 44)),
    ]


def test_exact_key_and_near_key_variants_of_a_group_name():
    text = "Kataib Hizbollah and Kataib Hizballah fighters."
    found = [(f.found, f.expected, f.location.column) for f in lint(text, HOUSE)]
    # Hizbollah folds to Hezbollah's key; Hizballah is one edit from it (and is not the
    # forbidden Kata'ib Hizballah: no apostrophe, so not an exact glossary match)
    assert found == [("Kataib Hizbollah", "Kataib Hezbollah", 1), ("Kataib Hizballah", "Kataib Hezbollah", 22)]


def test_listed_forms_are_never_variants():
    text = "Kataib Hezbollah, Kata'ib Hizballah, Abu Mahdi al-Muhandis and al-Muhandis; Haydariyun."
    assert lint(text, HOUSE) == []
    [forbidden] = lint(text, HOUSE, rule="TC101")  # the forbidden form is TC101's, once
    assert forbidden.found == "Kata'ib Hizballah"


def test_apostrophe_spelling_is_a_variant_when_not_listed():
    [f] = lint("Kata'ib Hezbollah said.", HOUSE)
    assert (f.found, f.expected, where(f)) == ("Kata'ib Hezbollah", "Kataib Hezbollah", (1, 1, 1, 18))


def test_variant_next_to_an_exact_match_does_not_overlap_it():
    text = "In Iraq Hadi al-Ameri spoke."
    [f] = lint(text, HOUSE)
    assert (f.found, f.expected, where(f)) == ("Hadi al-Ameri", "Hadi al-Amiri", (1, 9, 1, 22))


@pytest.mark.parametrize(
    "text",
    [
        "Officials in Sudan met al-Sudani yesterday.",  # Sudan is listed; al-Sudani is another name
        "The photo is by Thaier al-Sudani.",  # shares a surname with the prime minister only
        "Hussein arrived before Hassan.",  # Hassan is listed; Hussein is a different name
        "Basrah is quiet.",  # no glossary lists Basra here
        "Kataib Sayyid al-Shuhada is another group.",
    ],
)
def test_different_names_are_not_variants(text):
    assert lint(text, HOUSE) == []


def test_basrah_is_a_variant_once_a_glossary_lists_basra():
    g = glossary(("basra", [("Basra", "en", P)]))
    [f] = lint("Fighting in Basrah ended.", g)
    assert (f.found, f.expected, where(f)) == ("Basrah", "Basra", (1, 13, 1, 19))


def test_lower_case_words_are_not_name_candidates():
    g = glossary(("hadi", [("Hadi", "en", P)]))
    assert lint("a hady word and a hadi word", g) == []
    [f] = lint("Then Hady spoke.", g)
    assert (f.found, f.expected, f.location.column) == ("Hady", "Hadi", 6)


def test_sentence_start_capitalizes_a_lower_case_article_form():
    [f] = lint("He left. Al-Mohandes stayed.", HOUSE)
    assert (f.found, f.expected, f.fix.replacement) == ("Al-Mohandes", "Al-Muhandis", "Al-Muhandis")
    [f] = lint("He said Al-Mohandes stayed.", HOUSE)
    assert f.expected == "al-Muhandis"


def test_key_shared_by_two_concepts_is_ambiguous_and_not_reported():
    g = glossary(("a", [("Haydar", "en", P)]), ("b", [("Haidar", "en", P)]))
    assert lint("Heidar spoke.", g) == []


def test_possessive_and_markdown_emphasis_keep_exact_spans():
    text = "# News\n\n**Haidariyoun** fighters and Haidariyoun's leader."
    found = [(f.found, where(f)) for f in lint(text, HOUSE, path="doc.md")]
    assert found == [("Haidariyoun", (3, 3, 3, 14)), ("Haidariyoun", (3, 30, 3, 41))]


def test_arabic_documents_are_skipped():
    text = "قال أبو مهدي المهندس إن كتائب حزب الله والحيدريون اجتمعوا في بغداد."
    assert lint(text, HOUSE, lang="ar") == []


def test_arabic_paragraph_inside_english_text_gives_no_variant():
    text = "Haydariyun leaders met.\n\nقال المهندس إن الحيدريون اجتمعوا.\n"
    assert lint(text, HOUSE) == []


def test_variant_index_is_built_once_per_matcher():
    matcher = Matcher(HOUSE)
    lint_document(Document("a.txt", "Haidariyoun said.", "en"), matcher)
    index = matcher.cache["TC102.variant-index"]
    lint_document(Document("b.txt", "Kataib Hizbollah said.", "en"), matcher)
    assert variant_index(matcher) is index
    assert index.max_words == 3  # Abu Mahdi al-Muhandis: three words split at spaces


def _bundled_glossary_path():
    here = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    return os.path.join(here, "glossaries", "house.csv")


def test_bundled_glossary_accepts_its_own_forms():
    """Every accepted English form of the bundled glossary, written as listed, is no variant."""
    path = _bundled_glossary_path()
    if not os.path.exists(path):
        pytest.skip("glossaries/house.csv is not written yet")
    from termcheck.glossary import load_glossary

    g = load_glossary(path)
    forms = [t.text for c in g.concepts for t in c.accepted("en") if t.text.strip()]
    assert forms
    text = "\n\n".join(f"Reports named {form} today." for form in forms)
    assert lint(text, g) == []


def test_acronyms_and_very_short_keys_are_not_indexed():
    g = glossary(("aah", [("Asaib Ahl al-Haq", "en", P), ("AAH", "en", A)]), ("ur", [("Ur", "en", P)]))
    assert lint("A source said. Or not. Aah, Uhr.", g) == []


CORPORA = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "corpora")


@pytest.mark.parametrize("pair", ["haydariyun-rally", "pmf-budget", "sudani-factions"])
def test_bundled_corpora_english_planted_errors_and_clean_files(pair):
    """TC102-TC104 find exactly the English errors planted in corpora/*/errors.tsv, and nothing in en.clean.md."""
    path = _bundled_glossary_path()
    if not os.path.exists(os.path.join(CORPORA, pair, "errors.tsv")) or not os.path.exists(path):
        pytest.skip("bundled glossary or corpora not written yet")
    from termcheck.glossary import load_glossary
    from termcheck.io import read_document

    matcher = Matcher(load_glossary(path))
    with open(os.path.join(CORPORA, pair, "errors.tsv"), encoding="utf-8") as handle:
        rows = [line.rstrip("\n").split("\t") for line in handle][1:]
    planted = {(r[0], int(r[2]), r[3], r[4]) for r in rows if r[0] in ("TC102", "TC103", "TC104") and r[1] == "en.md"}
    rules = ("TC102", "TC103", "TC104")
    doc = read_document(os.path.join(CORPORA, pair, "en.md"), lang="en")
    found = {(f.rule, f.location.line, f.found, f.expected) for f in lint_document(doc, matcher) if f.rule in rules}
    assert found == planted
    clean = read_document(os.path.join(CORPORA, pair, "en.clean.md"), lang="en")
    assert [f for f in lint_document(clean, matcher) if f.rule in rules] == []


# -- issue 9: ordinary words, short forms, wrapped names

WORDLIKE = glossary(
    ("muzday", [("Muzday", "en", P)]),  # one edit from Monday's key
    ("maay", [("Maay", "en", P)]),  # May's key
    ("policy", [("Pulicy Hadi", "en", P)]),
    ("muhammad", [("Muhammad", "en", P)]),
)


def test_ordinary_english_words_are_never_variants():
    text = "Monday was calm. May the talks go on, officials said. Police and Officials agreed."
    assert lint(text, WORDLIKE) == []
    [f] = lint("Mozday spoke.", WORDLIKE)  # a name the dictionary does not know still is one
    assert (f.found, f.expected, where(f)) == ("Mozday", "Muzday", (1, 1, 1, 7))


def test_a_dictionary_word_the_glossary_uses_as_a_name_stays_a_name():
    # GCIDE lists Mohammed; a house that writes it in a name has it checked like any name
    assert lint("Mohammed spoke.", WORDLIKE) == []
    g = glossary(("muhammad", [("Muhammad", "en", P)]), ("sudani", [("Mohammed Shia al-Sudani", "en", P)]))
    [f] = lint("Mohammed spoke.", g)
    assert (f.found, f.expected) == ("Mohammed", "Muhammad")


RAAD = glossary(
    ("raad", [("Mohammad Raad", "en", P), ("Raad", "en", A), ("محمد رعد", "ar", P)]),
    ("amiri", [("Hadi al-Amiri", "en", P), ("Hadi al-Amery", "en", F)]),
)


def test_allowed_short_form_does_not_hide_a_misspelt_full_name():
    text = "Mohammed Raad spoke. Raad left. Mohammad Raad returned."
    findings = lint_document(Document("doc.txt", text, "en"), Matcher(RAAD))
    assert [(f.rule, f.found, f.expected, where(f)) for f in findings] == [
        ("TC102", "Mohammed Raad", "Mohammad Raad", (1, 1, 1, 14)),
    ]


def test_a_variant_never_swallows_a_forbidden_form():
    # the forbidden form is TC101's (its fix gives the house form); TC102 does not overlap it
    findings = lint_document(Document("doc.txt", "Then Hadi al-Amery spoke.", "en"), Matcher(RAAD))
    assert [(f.rule, f.found, f.expected) for f in findings] == [("TC101", "Hadi al-Amery", "Hadi al-Amiri")]


def test_a_name_wrapped_over_two_lines_of_a_hard_wrapped_text_is_one_name():
    text = "The statement was issued late on a quiet evening and said that\nKataib\nHizbollah would take part in the talks that were held in the\ncapital, officials said.\n"
    [f] = lint(text, HOUSE)
    assert (f.found, f.expected, where(f)) == ("Kataib\nHizbollah", "Kataib Hezbollah", (2, 1, 3, 10))
    # one paragraph per line: a line break ends the name
    assert lint("Kataib\nHizbollah\n", HOUSE) == []


def test_variant_covering_names_the_variant_that_took_in_an_allowed_short_form():
    from termcheck.lint import document_context
    from termcheck.rules.variants import variant_covering

    text = "Mohammed Raad spoke. Raad left."
    ctx = document_context(Document("doc.txt", text, "en"), Matcher(RAAD))
    inside = variant_covering(ctx, 9, 13)
    assert (inside.text, inside.house) == ("Mohammed Raad", "Mohammad Raad")
    assert variant_covering(ctx, 21, 25) is None  # Raad alone is the allowed form

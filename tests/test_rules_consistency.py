"""TC104 inconsistent-spelling, run through lint_document."""

from termcheck.lint import lint_document
from termcheck.match import Matcher
from termcheck.model import Concept, Document, Glossary, Status, Term

P, A, F = Status.PREFERRED, Status.ALLOWED, Status.FORBIDDEN


def glossary(*concepts):
    return Glossary(
        [Concept(cid, [Term(t, lang, s) for t, lang, s in terms], index=i) for i, (cid, terms) in enumerate(concepts)]
    )


EMPTY = glossary()


def lint(text, g=EMPTY, rule="TC104", path="doc.txt", lang="en"):
    return [f for f in lint_document(Document(path, text, lang), Matcher(g)) if f.rule == rule]


def test_majority_spelling_wins_and_the_minority_is_located():
    text = "Zayara arrived.\nZayara spoke to Ziyara.\nThen Zayara left."
    [f] = lint(text)
    assert (f.location.line, f.location.column, f.location.end_column) == (2, 17, 23)
    assert f.found == "Ziyara"
    assert f.expected == "Zayara"
    assert f.concept is None and f.fix is None
    assert f.severity.value == "warning"
    assert f.extra == {
        "spellings": [
            {"text": "Zayara", "count": 3, "locations": ["1:1", "2:1", "3:6"]},
            {"text": "Ziyara", "count": 1, "locations": ["2:17"]},
        ]
    }
    assert f.to_dict()["spellings"][1]["locations"] == ["2:17"]


def test_a_diphthong_and_a_long_i_are_one_name():
    """Ghoneim and Ghonim (غنيم) in one article: a blind pair's planted TC104, missed while near keys
    allowed one key letter only (ghunaym / ghunim)."""
    text = "Tarek Ghoneim says the papyri are fine.\n\n\"Each is a letter,\" Ghoneim adds.\n\nBut Ghonim disagrees."
    [f] = lint(text)
    assert (f.found, f.expected, f.location.line, f.location.column) == ("Ghonim", "Ghoneim", 5, 5)


def test_tie_goes_to_the_first_spelling_seen_and_says_so():
    """One of each and no glossary form: the first seen is named, as such (a fresh article pair's editor
    was told to write her planted misspelling throughout, with nothing saying the choice was a guess)."""
    text = "Essam al-Feili met the press. Later Issam al-Faili denied it."
    [f] = lint(text)
    assert (f.found, f.expected, f.location.column) == ("Issam al-Faili", "Essam al-Feili", 37)
    assert f.message == ("one name, 2 spellings in this document ('Essam al-Feili' ×1, 'Issam al-Faili' ×1); "
                         "write 'Essam al-Feili' throughout (the first seen: no glossary form or majority decides; "
                         "check which is right)")
    [f] = lint(text + " Essam al-Feili left.")
    assert f.expected == "Essam al-Feili" and f.message.endswith("write 'Essam al-Feili' throughout")
    assert [s["text"] for s in f.extra["spellings"]] == ["Essam al-Feili", "Issam al-Faili"]


def test_glossary_preferred_form_is_expected_even_in_the_minority():
    g = glossary(("kh", [("Kataib Hezbollah", "en", P), ("Kataib Hizballah", "en", A)]))
    text = "Kataib Hizballah said. Kataib Hizballah warned. Kataib Hezbollah denied."
    [f] = lint(text, g)
    assert (f.found, f.expected, f.concept, f.location.column) == ("Kataib Hizballah", "Kataib Hezbollah", "kh", 1)
    assert [(s["text"], s["count"]) for s in f.extra["spellings"]] == [
        ("Kataib Hizballah", 2),
        ("Kataib Hezbollah", 1),
    ]


def test_spellings_already_reported_by_tc101_or_tc102_are_not_repeated():
    g = glossary(
        ("hay", [("Haydariyun", "en", P)]),
        ("kh", [("Kataib Hezbollah", "en", P), ("Kata'ib Hizballah", "en", F)]),
    )
    text = "Haydariyun met Haidariyoun. Kataib Hezbollah, Kata'ib Hizballah and Kataib Hizbollah."
    findings = lint_document(Document("doc.txt", text, "en"), Matcher(g))
    assert [(f.rule, f.found) for f in findings] == [
        ("TC102", "Haidariyoun"),
        ("TC101", "Kata'ib Hizballah"),
        ("TC102", "Kataib Hizbollah"),
    ]


def test_surname_alone_and_other_people_with_the_surname_are_not_inconsistent():
    text = (
        "Mohammed Shia al-Sudani spoke. Al-Sudani said the photo by Thaier al-Sudani was old. "
        "Al-Sudani left."
    )
    assert lint(text) == []


def test_titles_are_stripped_and_near_spellings_chain_into_one_group():
    text = (
        "Prime Minister Mohammed Shia al-Sudani spoke.\n"
        "Muhammad Shia' al-Sudani said.\n"
        "The site called him Muhammad Shayaa al-Sudani."
    )
    [f] = lint(text)
    assert (f.found, f.expected, f.location.line, f.location.column) == (
        "Muhammad Shia' al-Sudani", "Mohammed Shia al-Sudani", 2, 1)
    assert [(s["text"], s["locations"]) for s in f.extra["spellings"]] == [
        ("Mohammed Shia al-Sudani", ["1:16"]),
        ("Muhammad Shia' al-Sudani", ["2:1"]),
        ("Muhammad Shayaa al-Sudani", ["3:21"]),
    ]


def test_case_and_apostrophes_do_not_make_a_spelling():
    text = "Al-Sudani met Kata'ib Hezbollah. Then al-Sudani met Kataib Hezbollah and KATAIB HEZBOLLAH."
    assert lint(text) == []


def test_short_words_without_a_glossary_name_are_not_grouped():
    assert lint("Bill met Bell. Ali met Aly.") == []


def test_two_glossary_concepts_in_one_group_are_different_names():
    g = glossary(("a", [("Rashid Khalil", "en", P)]), ("b", [("Rashad Khalil", "en", P)]))
    assert lint("Rashid Khalil and Rashad Khalil are brothers.", g) == []
    assert len(lint("Rashid Khalil and Rashad Khalil are brothers.")) == 1  # without a glossary: one name


def test_arabic_document_is_skipped():
    text = "قال زيارة إن زيارة وزيارة اجتمعوا. Zayara Ziyara"
    assert lint(text, lang="ar") == []


def test_surname_alone_spelled_differently_from_the_full_name():
    text = "Ali Kadhim al-Darraji spoke first.\n\nLater al-Daraji left, and Thaier al-Sudani took photos."
    [f] = lint(text)
    assert (f.found, f.expected, f.location.line, f.location.column, f.location.end_column) == (
        "al-Daraji", "al-Darraji", 3, 7, 16)
    assert f.extra["spellings"] == [
        {"text": "al-Darraji", "count": 1, "locations": ["1:12"]},
        {"text": "al-Daraji", "count": 1, "locations": ["3:7"]},
    ]


def test_the_surname_of_a_listed_name_is_asked_for_as_the_glossary_writes_it_not_as_a_variant_does():
    """A fresh article pair: 'Ghazi al-Mutayri' (TC102's unlisted variant of the house's Ghazi al-Mutairi),
    then 'Al-Mutairi' alone. TC104 asked to write al-Mutayri throughout; the house's surname is al-Mutairi,
    and TC102 already reports the variant, so there is nothing left for TC104. An unlisted surname alone
    still is one: the house's surname asked for."""
    g = glossary(("mutairi", [("Ghazi al-Mutairi", "en", P)]))
    assert lint("Ghazi al-Mutayri sang first.\n\nAl-Mutairi left the stage.", g) == []
    [f] = lint("Ghazi al-Mutairi sang first.\n\nLater al-Mutayri left the stage.", g)
    assert (f.found, f.expected) == ("al-Mutayri", "al-Mutairi")


def test_a_surname_with_its_particle_alone_is_compared_with_the_full_name():
    # a blind pair: "Marwan Abou Jaoudeh" then "Abu Jaoudeh"; two people named Abu X stay apart
    text = "The analyst Marwan Abou Jaoudeh spoke.\n\nAbu Jaoudeh recalled the clause. Samir Abu Khalil agreed."
    [f] = lint(text)
    assert (f.found, f.expected, f.location.line, f.location.column, f.location.end_column) == (
        "Abu Jaoudeh", "Abou Jaoudeh", 3, 1, 12)
    assert lint("Marwan Abou Jaoudeh spoke.\n\nAbou Jaoudeh recalled it. Samir Abu Khalil agreed.") == []


def test_ordinary_words_at_sentence_starts_are_not_names():
    # Police / Policy share a transliteration key; they are words of English, not one name
    assert lint("Police said nothing. Policy was set. Police left.") == []


def test_surname_of_one_glossary_name_is_not_a_spelling_of_another_concept():
    g = glossary(("lahkafi", [("Lahkafi", "en", P)]), ("fijafzay", [("Fijafzay Lahsafi", "en", P)]))
    assert lint("Fijafzay Lahsafi met Lahkafi. Lahkafi left.", g) == []


def test_expected_form_is_capitalized_at_the_start_of_a_sentence():
    [f] = lint("Later al-Zaydi spoke, and al-Zaydi left. al-Zeidi came.")
    assert (f.found, f.expected, f.location.column) == ("al-Zeidi", "Al-Zaydi", 42)
    assert f.message == ("one name, 2 spellings in this document ('al-Zaydi' \u00d72, 'al-Zeidi' \u00d71); "
                         "write 'al-Zaydi' throughout ('Al-Zaydi' here, at the start of a sentence)")


def test_a_group_holding_only_the_surname_of_a_listed_name_expects_that_surname():
    g = glossary(("who", [("World Health Organization", "en", P)]))
    [f] = lint("The World Health Organization met. Organisation matters.", g)
    assert (f.found, f.expected, f.concept) == ("Organisation", "Organization", "who")


def test_lower_case_words_of_glossary_forms_do_not_make_names():
    # "respiratory" in a glossary form is a common noun: Respiratory at a sentence start stays a word
    g = glossary(("rd", [("respiratory droplets", "en", P)]), ("n95", [("N95 respirator", "en", P)]))
    assert lint("Respiratory droplets spread. Respiratory care helps; an N95 respirator too.", g) == []


def test_surname_inside_a_name_tc101_or_tc102_rewrites_is_not_reported_again():
    g = glossary(("khatib", [("Yousef al-Khatib", "en", P), ("al-Khatib", "en", A), ("Yousef al-Khateb", "en", F)]))
    text = "Yousef al-Khateeb spoke. Later al-Khatib left. Yousef al-Khateb came back."
    findings = lint_document(Document("doc.txt", text, "en"), Matcher(g))
    assert [(f.rule, f.found) for f in findings] == [("TC102", "Yousef al-Khateeb"), ("TC101", "Yousef al-Khateb")]

"""text.proper_names: a common word written inside an English proper name."""

import pytest

from termcheck.text.proper_names import in_proper_name


def _at(text: str, word: str) -> bool:
    start = text.index(word)
    return in_proper_name(text, start, start + len(word))


@pytest.mark.parametrize("text, word", [
    ("Researchers at the University of Pittsburgh School of Medicine reported on a vaccine.", "Medicine"),
    ("Airlines cancelled flights, including British Airways, because demand fell.", "Airways"),
    ("A lecturer of the London School of Hygiene & Tropical Medicine said that it would spread.", "Hygiene"),
    ("A lecturer of the London School of Hygiene & Tropical Medicine said that it would spread.", "Medicine"),
    ("The Centre for Evidence-Based Medicine estimates that the rate is low.", "Medicine"),
])
def test_a_capitalized_common_word_next_to_a_name_is_part_of_it(text, word):
    assert _at(text, word)


@pytest.mark.parametrize("text, word", [
    ("Medicine is not the only answer to the problem here.", "Medicine"),  # a sentence start
    ("Wash your hands. Hand Hygiene matters for everyone at home.", "Hygiene"),  # its neighbour starts the sentence
    ("The doctor said that Medicine was needed for the patients.", "Medicine"),  # no capitalized neighbour
    ("Change Password", "Password"),  # a UI label: capitals are style
    ("Privacy Settings", "Privacy"),
    ("the doctor said that medicine was needed for them", "medicine"),  # lower case
])
def test_capitals_of_style_or_a_sentence_start_are_no_name(text, word):
    assert not _at(text, word)

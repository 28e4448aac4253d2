"""termcheck.text.ordinary_words: the dictionary TC102/TC104 use to tell words from names."""

import pytest

from termcheck.text.ordinary_words import is_ordinary_word


@pytest.mark.parametrize("word", ["Monday", "January", "May", "Muslim", "Arabic", "Police", "policy",
                                  "Officials", "Witnesses", "Lawmakers", "well-known", "Committee's"])
def test_words_of_the_language(word):
    assert is_ordinary_word(word)


@pytest.mark.parametrize("word", ["Hassan", "Hussein", "Raad", "Kataib", "Hezbollah", "Amiri", "al-Monday",
                                  "Abbas", "Haydariyun", ""])
def test_names_are_not_words(word):
    # Abbas: the stem Abba (four letters) is too short to trust; al-: the Arabic article makes a name
    assert not is_ordinary_word(word)

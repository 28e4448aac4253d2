"""termcheck.text.ordinary_words: the dictionary TC102/TC104 use to tell words from names."""

import pytest

from termcheck.text.ordinary_words import is_english, is_ordinary_word


@pytest.mark.parametrize("word", ["Monday", "January", "May", "Muslim", "Arabic", "Police", "policy",
                                  "Officials", "Witnesses", "Lawmakers", "well-known", "Committee's"])
def test_words_of_the_language(word):
    assert is_ordinary_word(word)


@pytest.mark.parametrize("word", ["Hassan", "Hussein", "Raad", "Kataib", "Hezbollah", "Amiri", "al-Monday",
                                  "Abbas", "Haydariyun", ""])
def test_names_are_not_words(word):
    # Abbas: the stem Abba (four letters) is too short to trust; al-: the Arabic article makes a name
    assert not is_ordinary_word(word)


def test_byte_search_and_set_give_the_same_answers():
    from termcheck.text.ordinary_words import _Headwords

    words = ["monday", "police", "officials", "hassan", "raad", "well", "kataib", "abba", "zzzz"]
    searched = _Headwords()
    assert searched._set is None  # the package's pickle is laid out as expected: no unpickling yet
    answers = [w in searched for w in words]
    built = _Headwords()
    built._load()
    assert answers == [w in built for w in words] == [True, True, False, False, False, True, False, True, False]


@pytest.mark.parametrize("word", ["Download", "Login", "Blog", "Widget", "Superuser", "Bankcards", "Richtext",
                                  "wishlist", "Monday", "Unfollow", "Resize"])
def test_english_of_today_and_compounds_are_english(word):
    # not 1913 headwords (Download, Login), two of them written as one (Super|user, Bank|cards), or one
    # with an English prefix (Un|follow, Re|size)
    assert is_english(word)


@pytest.mark.parametrize("word", ["Sqlite", "Inode", "Econet", "Zebedee", "Strv", "jsonld", "Haydariyun"])
def test_names_and_technical_words_are_not_english(word):
    # In|ode: a part of two letters makes no compound
    assert not is_english(word)

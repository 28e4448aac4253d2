"""TC103 article-capitalization and the sentence-start detector."""

import pytest

from termcheck.lint import lint_document
from termcheck.match import Matcher
from termcheck.model import Applicability, Concept, Document, Glossary, Status, Term
from termcheck.rules.article import EITHER, MID, START, is_sentence_start, is_soft_wrapped, sentence_position

P, A, F = Status.PREFERRED, Status.ALLOWED, Status.FORBIDDEN


def glossary(*concepts):
    return Glossary(
        [Concept(cid, [Term(t, lang, s) for t, lang, s in terms], index=i) for i, (cid, terms) in enumerate(concepts)]
    )


EMPTY = glossary()


def lint(text, g=EMPTY, path="doc.txt", lang="en"):
    return [f for f in lint_document(Document(path, text, lang), Matcher(g)) if f.rule == "TC103"]


def summary(findings):
    return [(f.found, f.expected, f.location.line, f.location.column, f.location.end_column) for f in findings]


def test_capital_article_mid_sentence_with_one_character_fix():
    text = "The leader Al-Khazali said."
    [f] = lint(text)
    assert summary([f]) == [("Al-Khazali", "al-Khazali", 1, 12, 22)]
    assert (f.fix.start, f.fix.end, f.fix.replacement) == (11, 12, "a")
    assert f.fix.applicability is Applicability.SAFE
    assert f.severity.value == "warning" and f.concept is None


def test_lower_case_article_at_sentence_starts():
    text = "al-Sudani spoke. al-Khazali agreed! Then al-Amiri left? al-Faili's aide stayed."
    assert summary(lint(text)) == [
        ("al-Sudani", "Al-Sudani", 1, 1, 10),
        ("al-Khazali", "Al-Khazali", 1, 18, 28),
        ("al-Faili", "Al-Faili", 1, 57, 65),  # the possessive 's is not part of the span
    ]


def test_correct_text_has_no_findings():
    text = "Al-Sudani met al-Khazali and Abu Mahdi al-Muhandis.\nAl-Khazali said el-Sisi agreed."
    assert lint(text) == []


def test_el_is_checked_like_al():
    assert summary(lint("President Abdel Fattah El-Sisi spoke.")) == [("El-Sisi", "el-Sisi", 1, 24, 31)]


def test_only_hyphenated_standalone_articles_are_checked():
    text = "We watched Al Jazeera and the Al Saud family in real-time at a Hotel-Al-Rashid party."
    assert lint(text) == []


@pytest.mark.parametrize(
    "text, found",
    [
        ('He said. "al-Sudani is here."', ["al-Sudani"]),  # an opening quote at a sentence start
        ("He said (al-Sudani agreed).", []),
        ("Dr. Al-Amiri spoke.", ["Al-Amiri"]),  # Dr. does not end a sentence
        ("Gen. al-Amiri spoke.", []),
        ("Mohammed A. Al-Amiri spoke.", ["Al-Amiri"]),  # an initial
        ("He flew to the U.S. Al-Sudani stayed.", []),  # U.S. may end a sentence: either case
        ("He flew to the U.S. al-Sudani stayed.", []),
        ("He said: Al-Sudani is here.", []),  # after a colon styles differ
        ("He waited... al-Sudani came.", []),
        ("In 2003. al-Sudani left.", ["al-Sudani"]),
    ],
)
def test_sentence_boundaries(text, found):
    assert [f.found for f in lint(text)] == found


def test_markdown_headings_lists_and_quotes():
    text = (
        "# al-Sudani visits Basra\n\n"
        "## Al-Sudani Meets Al-Khazali\n\n"
        "- al-Khazali said\n"
        "> Al-Amiri agreed\n"
        "1. al-Faili left\n"
    )
    assert summary(lint(text, path="doc.md")) == [
        ("al-Sudani", "Al-Sudani", 1, 3, 12),  # a headline starts with a capital
        ("al-Khazali", "Al-Khazali", 5, 3, 13),
        ("al-Faili", "Al-Faili", 7, 4, 12),
    ]


def test_paragraph_after_blank_line_and_html_block():
    text = "He spoke\n\nal-Sudani left.\n"
    assert summary(lint(text)) == [("al-Sudani", "Al-Sudani", 3, 1, 10)]
    html = "<p>He spoke.</p>\n<p>al-Sudani left, said <b>Al-Khazali</b>.</p>"
    assert summary(lint(html, path="doc.html")) == [
        ("al-Sudani", "Al-Sudani", 2, 4, 13),
        ("Al-Khazali", "al-Khazali", 2, 28, 38),
    ]


def test_hard_wrapped_paragraph_line_start_is_mid_sentence():
    text = (
        "The prime minister met with the\n"
        "leaders of the groups, including\n"
        "al-Khazali, on Monday. Officials said\n"
        "Al-Amiri did not attend.\n"
    )
    assert is_soft_wrapped(text)
    assert summary(lint(text)) == [("Al-Amiri", "al-Amiri", 4, 1, 9)]


def test_a_mark_after_a_lines_last_letter_does_not_change_the_wrapping():
    # a hypothesis example: a fix that took a fatha off 'Hizbollahَ' made the document hard-wrapped,
    # and TC103 then asked for the al-Sadr its first fix had capitalized
    marked, bare = "Kataib Hizbollah\nKataib Hizbollah\u064e\nكلمة السر\n", "Kataib Hezbollah\nKataib Hezbollah\nكلمة المرور\n"
    assert is_soft_wrapped(marked) == is_soft_wrapped(bare) is True
    assert is_soft_wrapped("He came with the\nleaders of the cafe\u0301\nX") is True  # a combining accent


def test_one_paragraph_per_line_line_start_is_a_sentence_start():
    text = "Al-Sudani visits Basra\nal-Sudani arrived on Monday.\nHe met al-Khazali.\n"
    assert not is_soft_wrapped(text)
    assert summary(lint(text)) == [("al-Sudani", "Al-Sudani", 2, 1, 10)]


def test_glossary_form_that_capitalizes_al_wins():
    g = glossary(("arabiya", [("Al-Arabiya", "en", P)]), ("muhandis", [("al-Muhandis", "en", P)]))
    text = "He told Al-Arabiya that Al-Muhandis was there."
    # Al-Arabiya is the house's own form; al-Muhandis is listed lower case, so the rule applies
    assert summary(lint(text, g)) == [("Al-Muhandis", "al-Muhandis", 1, 25, 36)]
    assert summary(lint(text)) == [("Al-Arabiya", "al-Arabiya", 1, 9, 19), ("Al-Muhandis", "al-Muhandis", 1, 25, 36)]


def test_variant_of_a_capitalized_glossary_form_keeps_its_capital():
    g = glossary(("jazeera", [("Al Jazeera", "en", P)]))
    document = Document("doc.txt", "He told Al-Jazeera so.", "en")
    rules = [(f.rule, f.found, f.expected) for f in lint_document(document, Matcher(g))]
    assert rules == [("TC102", "Al-Jazeera", "Al Jazeera")]


def test_forbidden_span_is_left_to_tc101():
    g = glossary(("muhandis", [("al-Muhandis", "en", P), ("Al-Mohandes", "en", F)]))
    document = Document("doc.txt", "He said Al-Mohandes was there.", "en")
    rules = [(f.rule, f.found, f.expected) for f in lint_document(document, Matcher(g))]
    assert rules == [("TC101", "Al-Mohandes", "al-Muhandis")]


def test_arabic_document_is_skipped():
    assert lint("قال al-Sudani إن Al-Khazali وصل.", lang="ar") == []


def test_sentence_position_unit():
    text = "Start here. Then Dr. Smith said: go... now\n\nNew"
    assert sentence_position(text, 0) == START
    assert sentence_position(text, text.index("Then")) == START
    assert sentence_position(text, text.index("Smith")) == MID
    assert sentence_position(text, text.index("go")) == EITHER
    assert sentence_position(text, text.index("now")) == EITHER
    assert sentence_position(text, text.index("New")) == START
    assert is_sentence_start(text, text.index("Then"))
    assert not is_sentence_start(text, text.index("here"))


def test_crlf_line_breaks():
    text = "He spoke.\r\nal-Sudani left.\r\n"
    assert summary(lint(text)) == [("al-Sudani", "Al-Sudani", 2, 1, 10)]


def test_block_quote_wrapped_over_two_lines_is_one_paragraph():
    text = "> “No faction will drag Iraq into a war,”\n> al-Sudani told the meeting.\n\n> Al-Amiri agreed.\n"
    assert lint(text, path="doc.md") == []
    text = "> The state decides.\n> al-Sudani told the meeting.\n"
    assert summary(lint(text, path="doc.md")) == [("al-Sudani", "Al-Sudani", 2, 3, 12)]


def test_message_quotes_the_text_as_written_and_the_fix():
    [mid] = lint("The leader Al-Qard said.")
    assert mid.message == "'Al-Qard' capitalizes the article inside a sentence; write 'al-Qard'"
    [start] = lint("He left. al-Qard stayed.")
    assert start.message == "'al-Qard' starts a sentence with a lower-case article; write 'Al-Qard'"


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab \n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029", max_size=30))
def test_lines_are_read_one_at_a_time_as_splitlines_gives_them(text):
    from termcheck.rules.article import _iter_lines

    assert list(_iter_lines(text)) == text.splitlines()


def test_a_line_ending_in_a_comma_goes_on_in_the_next_line_of_an_unwrapped_text():
    """One hard-wrapped quote in a text of long lines (a blind pair): after ',”' the next line's
    al-Amin is mid-sentence; after a full stop it starts one."""
    text = "Ziad al-Amin said the utility would comply. “We cannot pay for the next shipment,”\nal-Amin said.\n"
    assert not is_soft_wrapped(text)
    assert sentence_position(text, text.rindex("al-Amin")) == MID
    text = "Ziad al-Amin said the utility would comply. “We cannot pay.”\nal-Amin said.\n"
    assert sentence_position(text, text.rindex("al-Amin")) == START


def test_article_words_are_the_article_pattern_s_matches():
    """_article_words searches for the letters first, then tries ARTICLE_WORD there: the same
    matches as ARTICLE_WORD.finditer, look-behind, apostrophes and back-to-back words included."""
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from termcheck.rules.article import ARTICLE_WORD, _article_words

    pieces = st.sampled_from(["al-", "Al-", "el\u2010", "El\u2011", "a", "l", "-", "x", " ", "'", "\u2019s", "s",
                              "Sadr", "é", "1", "_", "\n", "al-al-", "\u2019", "Ela"])

    @settings(max_examples=400, deadline=None)
    @given(st.lists(pieces, max_size=14).map("".join))
    def same(text):
        assert [m.span() for m in _article_words(text)] == [m.span() for m in ARTICLE_WORD.finditer(text)]

    same()
    assert [m.group() for m in _article_words("x al-Sadr's al-al-Amin, el-Sisi")] == ["al-Sadr", "al-al", "el-Sisi"]

"""A common word written inside a proper name: 'Medicine' in 'University of Pittsburgh School of
Medicine', 'Airways' in 'British Airways', 'Hygiene' in 'London School of Hygiene & Tropical Medicine'.

Such a word names the institution or the company, not the thing, and a translator renders the
name (كلية الطب، الخطوط الجوية البريطانية), not the glossary's term for the thing. English only
(Arabic has no capitals). The model: in running prose a common word is written in lower case, so
one written capitalized, not at a sentence start, next to another capitalized word (directly or
across 'of', 'for', 'and', '&', 'the': 'Centre for Evidence-Based Medicine') is part of a name.

Not inferred where capitals are style rather than names: a text with fewer than PROSE_WORDS
lower-case words of three letters or more (UI labels, 'Change Password', 'Privacy Settings'; a
headline in title case), and a word at a sentence start ('Medicine is...'). The caller decides
that the glossary form is a common word (written in lower case in the glossary).

Calibrated on the labelled TC201 findings of tests/realdata/terms_expected.tsv (TICO-19 with the
Google and Facebook term lists): the 11 false 'medicine', 'Airways' and 'Hygiene' findings inside
institution and company names.
"""

from __future__ import annotations

import re

PROSE_WORDS = 3
PROSE_REACH = 200  # characters either side of the mention: its sentence, not a whole document
_WORD_BEFORE = re.compile(r"([^\W\d_][\w'’.-]*|&)[ \t]+\Z")
_WORD_AFTER = re.compile(r"[ \t]+([^\W\d_][\w'’-]*|&)")
_LINKS = frozenset({"of", "for", "and", "&", "the", "de"})
_PROSE_WORD = re.compile(r"(?<![\w-])[a-z]{3,}(?![\w-])")
_STOPS = ".?!:;\"“”«»()[]"


def in_proper_name(text: str, start: int, end: int) -> bool:
    """Whether text[start:end], a capitalized mention of a common word, stands inside a proper name."""
    if not text[start:start + 1].isupper() or _sentence_start(text, start):
        return False
    if len(_PROSE_WORD.findall(text, max(0, start - PROSE_REACH), end + PROSE_REACH)) < PROSE_WORDS:
        return False
    return _capitalized_neighbour(text, start, forward=False) or _capitalized_neighbour(text, end, forward=True)


def capitalized_mid_sentence(text: str, start: int) -> bool:
    """text[start] is a capital letter that no sentence start explains."""
    return text[start:start + 1].isupper() and not _sentence_start(text, start)


def _sentence_start(text: str, start: int) -> bool:
    before = start
    while before > 0 and text[before - 1].isspace():
        before -= 1
    return before == 0 or text[before - 1] in _STOPS


def _capitalized_neighbour(text: str, position: int, forward: bool) -> bool:
    """A capitalized word next to text[position] (after it when `forward`), across up to two
    linking words ('School of the Arts'); one that starts a sentence is no name's word."""
    for _ in range(3):
        match = _WORD_AFTER.match(text, position) if forward else _WORD_BEFORE.search(text, max(0, position - 40), position)
        if match is None:
            return False
        word = match.group(1)
        if word.lower() in _LINKS and not word[0].isupper():
            position = match.end() if forward else match.start()
            continue
        return word[0].isupper() and (forward or not _sentence_start(text, match.start(1)))
    return False

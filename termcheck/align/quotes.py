"""Quotations split around their attribution: a signal for 2-1 and 1-2 sentence beads.

English news splits a quotation around its attribution into two sentences: “A,” X said. “B.”
Arabic (and French) copy often writes it as one: قال X: «A، وB». On two blind pairs the aligner
paired the attribution's sentence 1-1 and left the short second half 1-0, a false omission (TC205).
A sentence *continues* the one before it when both are in one paragraph, it opens with a quotation
mark, and the one before holds a closed quotation with words after it (the attribution). A bead
that joins such a pair on one side costs QUOTE_BONUS less (termcheck.align.cost).
"""

from __future__ import annotations

import re

from termcheck.model import Segment

_OPENING = re.compile("[ \t]*[\u201c\"\u00ab]")  # “ " «
# a closing mark after the quoted words (” " », never ’: that is also an apostrophe), then words
_CLOSED_THEN_WORDS = re.compile("[^\\s\u201c\"\u00ab][\u201d\"\u00bb][^\u201c\u201d\"\u00ab\u00bb]*[^\\W\\d_]")


def quote_continuations(text: str, sentences: list[Segment]) -> list[bool]:
    """For each sentence, whether it continues the quotation of the sentence before it."""
    flags = [False] * len(sentences)
    for k in range(1, len(sentences)):
        before, this = sentences[k - 1], sentences[k]
        if before.paragraph != this.paragraph or not _OPENING.match(text, this.start, this.end):
            continue
        flags[k] = _CLOSED_THEN_WORDS.search(text, before.start, before.end) is not None
    return flags

"""Which paragraphs stand alone: headings, and the furniture at the edges of an article.

Furniture is a byline, a dateline, a photo credit or a translator's note: a short paragraph of one
sentence (at most FURNITURE_CHARS non-space characters) among the first FIRST_EDGE or the last
LAST_EDGE paragraphs; and an epigraph or a motto, a block quote there. One side often has it and
the other not, so the aligner must be free to leave it unpaired rather than glue it onto the first
or last real paragraph (a blind literary pair's untranslated epigraph was merged 2-1 into the
first paragraph).
"""

from __future__ import annotations

from termcheck.model import Segment

FURNITURE_CHARS = 60
FIRST_EDGE = 3
LAST_EDGE = 2


def solo_paragraphs(paragraphs: list[Segment], lengths: list[int], sentence_counts: list[int]) -> list[bool]:
    n = len(paragraphs)
    solo = []
    for k, (para, length, count) in enumerate(zip(paragraphs, lengths, sentence_counts)):
        at_edge = k < FIRST_EDGE or k >= n - LAST_EDGE
        furniture = at_edge and (para.kind == "quote" or (
            count == 1 and length <= FURNITURE_CHARS and para.kind == "paragraph"))
        solo.append(para.kind == "heading" or furniture)
    return solo

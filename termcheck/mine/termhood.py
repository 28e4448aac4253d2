"""Termhood: is an English n-gram a word of the domain, or a word of every text?

A glossary lists the words a house must render one way (pandemic, quarantine, Popular Mobilization
Forces), not the words every text has (said, people, part, according), though both pair perfectly
with their Arabic. The measure is general-English frequency: the Zipf value of the `wordfreq`
package (log10 of occurrences per billion words over web, news, subtitles and books; 'said' 6.0,
'government' 5.6, 'hospital' 5.1, 'fever' 4.2, 'pandemic' 3.7). specificity = 1 at COMMON_ZIPF - SPAN
or below, falling linearly to 0 at COMMON_ZIPF; a phrase is scored as wordfreq scores phrases
(rarer than its words). Calibrated on the TICO-19 memory against the Google/Facebook term lists:
most gold single words lie below Zipf 5 and the chance pairings the lists lack above it.
"""

from __future__ import annotations

from functools import lru_cache

COMMON_ZIPF = 6.0
SPAN = 1.5


@lru_cache(maxsize=1 << 16)
def specificity(phrase: str) -> float:
    from wordfreq import zipf_frequency

    zipf = zipf_frequency(phrase, "en")
    return max(0.0, min(1.0, (COMMON_ZIPF - zipf) / SPAN))


COMMON_WORD_ZIPF = 5.5  # 'said', 'people', 'would': never the edge of a term


@lru_cache(maxsize=1 << 16)
def common_word(word: str) -> bool:
    from wordfreq import zipf_frequency

    return zipf_frequency(word, "en") >= COMMON_WORD_ZIPF


def edge_specificity(phrase: str) -> float:
    """The phrase's specificity, halved when it begins or ends with a common word (Baghdad Operations
    Command said; said the ministry): a term's edges are its own words."""
    words = phrase.split()
    value = specificity(phrase)
    if len(words) > 1 and (common_word(words[0]) or common_word(words[-1])):
        value *= 0.5
    return value

"""Text helpers shared by the unit rules: what is matched, and how a text is quoted in a message."""

from __future__ import annotations

import re

from termcheck.text.markup import mask_html
from termcheck.text.placeholders import BRACE, PRINTF

# What the program fills in or reads, not prose: URLs, paths and file names, e-mail addresses,
# identifiers with '_' ("%(site_name)s" is not the word 'site'; "/events/search/" not 'search').
_CODE = re.compile(r"(?:[a-z][a-z0-9+.-]*://|www\.)\S+|\S*[/_@\\]\S*|\S+\.(?:html?|txt|py|js|json|xml|php|png|jpg)\b")


_CODE_CHAR = re.compile(r"[/_@\\.:]")  # every _CODE match holds one of these


def matchable(text: str) -> str:
    """Text for matching: HTML/XML tags and entities blanked (same length)."""
    return mask_html(text) if ("<" in text or "&" in text) else text


def prose(text: str) -> str:
    """Text for glossary matching: `matchable`, with placeholders and code-like tokens blanked too
    (same length, so offsets stay the text's own)."""
    text = matchable(text)
    if "%" in text or "{" in text:
        text = PRINTF.sub(_blank, text)
        text = BRACE.sub(_blank, text)
    if _CODE_CHAR.search(text):
        text = _CODE.sub(_blank_code, text)
    return text


# Two words joined by a slash are alternatives ('username/password', اسم المستخدم/كلمة السر), not a path.
_WORD_OF_LETTERS = "(?:[^\\W\\d_]|[\u064b-\u065f\u0670\u0640])+"  # Arabic marks and tatweel included
_ALTERNATIVES = re.compile(f"{_WORD_OF_LETTERS}/{_WORD_OF_LETTERS}" + "[.,;:!?)\\]»”\"']*")


def _blank_code(match: re.Match) -> str:
    return match.group() if _ALTERNATIVES.fullmatch(match.group()) else " " * len(match.group())


def _blank(match: re.Match) -> str:
    return " " * len(match.group())


def short(text: str, limit: int = 60) -> str:
    """`text` on one line, cut to `limit` characters with an ellipsis."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"

"""Markup masking: markup characters become spaces, so offsets stay those of the original file.

Matching and segmentation run on the masked text; every span still indexes the original.
"""

from __future__ import annotations

import re

from termcheck.model import Document

_HTML_COMMENT = re.compile(r"<!--.*?-->", re.S)
_HTML_SCRIPT = re.compile(r"<(script|style)\b.*?</\1\s*>", re.S | re.I)
_HTML_TAG = re.compile(r"</?[A-Za-z][^<>]*>")
_HTML_ENTITY = re.compile(r"&(?:#\d+|#x[0-9A-Fa-f]+|[A-Za-z]+);")
_MD_LINK_TARGET = re.compile(r"(?<=\])\([^()\s]*(?:\s+\"[^\"]*\")?\)")
_MD_LINE_MARKERS = re.compile(r"(?m)^[ \t]*(?:#{1,6}[ \t]+|>[ \t]?|[-*+][ \t]+|\d+[.)][ \t]+)")
_MD_EMPHASIS = re.compile(r"(\*{1,3}|_{2,3}|`+|~~)")
_MD_BRACKETS = re.compile(r"!?\[|\]")


def _blank(match: re.Match) -> str:
    """Spaces for the matched markup, keeping line breaks so line numbers hold."""
    return re.sub(r"[^\n]", " ", match.group())


def mask_html(text: str) -> str:
    for pattern in (_HTML_COMMENT, _HTML_SCRIPT, _HTML_TAG, _HTML_ENTITY):
        text = pattern.sub(_blank, text)
    return text


def mask_markdown(text: str) -> str:
    text = _HTML_COMMENT.sub(_blank, text)
    text = _HTML_TAG.sub(_blank, text)
    for pattern in (_MD_LINK_TARGET, _MD_LINE_MARKERS, _MD_EMPHASIS, _MD_BRACKETS):
        text = pattern.sub(_blank, text)
    return text


def kind_of(path: str) -> str:
    lower = path.lower()
    if lower.endswith((".html", ".htm", ".xhtml")):
        return "html"
    if lower.endswith((".md", ".markdown")):
        return "markdown"
    return "text"


def masked_text(doc: Document) -> str:
    """The document's text with its markup blanked out (same length, same line breaks)."""
    kind = kind_of(doc.path)
    if kind == "html":
        return mask_html(doc.text)
    if kind == "markdown":
        return mask_markdown(doc.text)
    return doc.text

"""Markup masking: markup characters become spaces, so offsets stay those of the original file.

Matching and segmentation run on the masked text; every span still indexes the original.
Besides the mask, this module knows where HTML block elements break the text into paragraphs
(`html_blocks`) and how to show a span as a reader sees it (`visible_text`).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from termcheck.model import Document

_HTML_COMMENT = re.compile(r"<!--.*?-->", re.S)
_HTML_SCRIPT = re.compile(r"<(script|style)\b.*?</\1\s*>", re.S | re.I)
_HTML_HEAD = re.compile(r"<head\b.*?</head\s*>", re.S | re.I)
_HTML_TAG = re.compile(r"</?[A-Za-z][^<>]*>")
HTML_ENTITY = re.compile(r"&(?:#\d+|#x[0-9A-Fa-f]+|[A-Za-z]+);")
_MD_LINK_TARGET = re.compile(r"(?<=\])\([^()\s]*(?:\s+\"[^\"]*\")?\)")
# A list item's marker: Markdown's bullets and numbers, Arabic-Indic numbers, and the abjad letters
# an Arabic list counts with (أ. ب. ج. د. هـ.), which Markdown does not know but Arabic copy writes.
LIST_MARKER = r"(?:[-*+]|[\d\u0660-\u0669]{1,9}[.)]|(?:\u0647\u0640|[\u0621-\u064a])[.)])"
_MD_LINE_MARKERS = re.compile(rf"(?m)^[ \t]*(?:#{{1,6}}[ \t]+|>[ \t]?|{LIST_MARKER}[ \t]+)")
_MD_EMPHASIS = re.compile(r"(\*{1,3}|_{2,3}|`+|~~)")
_MD_BRACKETS = re.compile(r"!?\[|\]")


def _blank(match: re.Match) -> str:
    """Spaces for the matched markup, keeping line breaks so line numbers hold."""
    return re.sub(r"[^\n]", " ", match.group())


def _blank_all(text: str, patterns) -> str:
    """Each (pattern, trigger) blanked in turn; a pattern whose trigger characters are all absent
    cannot match and is skipped (a substring test runs at memchr speed; re's scan does not)."""
    for pattern, triggers in patterns:
        if any(t in text for t in triggers):
            text = pattern.sub(_blank, text)
    return text


_HTML_PATTERNS = ((_HTML_COMMENT, "<"), (_HTML_SCRIPT, "<"), (_HTML_TAG, "<"), (HTML_ENTITY, "&"))
_MARKDOWN_PATTERNS = ((_HTML_COMMENT, "<"), (_HTML_TAG, "<"), (_MD_LINK_TARGET, ("](",)),
                      (_MD_LINE_MARKERS, (*"#>-*+0123456789\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669",
                                          ".", ")")),  # an abjad item (ب. or ل)) may stand without its أ.
                      (_MD_EMPHASIS, "*_`~"), (_MD_BRACKETS, "[]"))


def mask_html(text: str) -> str:
    return _blank_all(text, _HTML_PATTERNS)


def mask_markdown(text: str) -> str:
    return _blank_all(text, _MARKDOWN_PATTERNS)


def blank_line_markers(text: str) -> str:
    """Only the Markdown line markers (headings, quotes, list bullets) blanked out."""
    return _MD_LINE_MARKERS.sub(_blank, text)


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


# -- HTML block structure

_BLOCK_KINDS = {f"h{n}": "heading" for n in range(1, 7)}
_BLOCK_KINDS.update(li="list-item", blockquote="quote", dt="list-item", dd="list-item")
_BLOCK_TAGS = frozenset(
    ["p", "div", "section", "article", "header", "footer", "main", "aside", "nav", "figure",
     "figcaption", "ul", "ol", "dl", "table", "tr", "td", "th", "caption", "pre", "hr",
     "body", "html", "title", "address", "form", "fieldset", "details", "summary"]
) | frozenset(_BLOCK_KINDS)
_TAG_NAME = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9]*)\b[^<>]*>")
_DOUBLE_BR = re.compile(r"<br\s*/?>(?:\s*<br\s*/?>)+", re.I)


@dataclass(frozen=True)
class Block:
    """A stretch [start, end) of an HTML text between block boundaries, with its paragraph kind."""

    start: int
    end: int
    kind: str


def html_blocks(text: str) -> list[Block]:
    """Stretches of `text` separated by block-level tags (p, h1-h6, li, div, ..., a double <br>).

    A blockquote is one block whatever it contains, like a Markdown quote. Comments, scripts,
    styles and the <head> never count. Blocks may still be blank; the caller drops those.
    """
    hidden = text
    for pattern in (_HTML_COMMENT, _HTML_SCRIPT, _HTML_HEAD):
        hidden = pattern.sub(_blank, hidden)
    boundaries: list[tuple[int, int, str, bool]] = []  # (start, end, name, closing)
    for match in _TAG_NAME.finditer(hidden):
        name = match.group(2).lower()
        if name in _BLOCK_TAGS:
            boundaries.append((match.start(), match.end(), name, match.group(1) == "/"))
    for match in _DOUBLE_BR.finditer(hidden):
        boundaries.append((match.start(), match.end(), "br", False))
    head = _HTML_HEAD.search(text)
    if head:  # the <head> is metadata, not copy: one boundary over all of it
        boundaries.append((head.start(), head.end(), "head", False))
    boundaries.sort()
    blocks: list[Block] = []
    kinds = ["paragraph"]
    quote_depth = 0
    last = 0
    for start, end, name, closing in boundaries:
        if start < last:
            continue
        if quote_depth and name != "blockquote":
            continue  # everything inside a blockquote is one paragraph
        blocks.append(Block(last, start, kinds[-1]))
        last = end
        if name == "blockquote":
            quote_depth += -1 if closing else 1
            quote_depth = max(quote_depth, 0)
        if name in _BLOCK_KINDS:
            if closing:
                if len(kinds) > 1:
                    kinds.pop()
            else:
                kinds.append(_BLOCK_KINDS[name])
    blocks.append(Block(last, len(text), kinds[-1]))
    return blocks


# -- what a reader sees

_WHITE = re.compile(r"\s+")


def visible_text(doc: Document, masked: str, start: int, end: int) -> str:
    """The span as a reader sees it: markup removed, entities decoded, white space collapsed.

    Markdown markers vanish without leaving a gap ('**bold**.' reads 'bold.'); HTML tags read as
    a space, as a browser would render most of them between words.
    """
    original = doc.text[start:end]
    masks = masked[start:end]
    if kind_of(doc.path) == "html":
        pieces = []
        last = 0
        for match in _HTML_TAG.finditer(original):
            pieces.append(html.unescape(original[last:match.start()]))
            pieces.append(" ")
            last = match.end()
        pieces.append(html.unescape(original[last:]))
        kept = "".join(pieces)
    else:
        kept = "".join(o for o, m in zip(original, masks) if o == m or o.isspace())
    return _WHITE.sub(" ", kept).strip()

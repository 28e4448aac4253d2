"""Text helpers shared by the unit rules: what is matched, and how a text is quoted in a message."""

from __future__ import annotations

from termcheck.text.markup import mask_html


def matchable(text: str) -> str:
    """Text for matching: HTML/XML tags and entities blanked (same length)."""
    return mask_html(text) if ("<" in text or "&" in text) else text


def short(text: str, limit: int = 60) -> str:
    """`text` on one line, cut to `limit` characters with an ellipsis."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"

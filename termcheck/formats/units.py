"""One translation unit, whatever file it came from (PO, MO, XLIFF, TMX).

The idea is translate-toolkit's unit abstraction as a small typed dataclass: every check over
localization files works on `Unit`s and never looks at the file format again.
"""

from __future__ import annotations

from dataclasses import dataclass, field

XML_SUFFIXES = (".xlf", ".xliff", ".tmx")
LOCALIZATION_SUFFIXES = (".po", ".pot", ".mo", *XML_SUFFIXES)


@dataclass
class Unit:
    """A source text and its translation.

    `source` and `target` are the texts that are matched: inline XML markup (XLIFF g/x/ph/...,
    TMX bpt/ept/ph/...) is taken out and recorded in `source_markup`/`target_markup` as
    'name#id' strings. Markup written as text (HTML in a PO msgid) stays in the text.
    """

    source: str
    target: str
    path: str
    line: int  # 1-based line of the target (msgstr, <target>, target <seg>); 0 when unknown (MO)
    source_line: int = 0
    id: str = ""  # msgid (with msgctxt), trans-unit/unit id, TMX tuid or 1-based tu index
    context: str | None = None  # PO msgctxt: same source, different meaning
    notes: list[str] = field(default_factory=list)
    state: str | None = None  # 'fuzzy', 'translated', 'needs-review-translation', 'final', ...
    plural_index: int | None = None  # PO msgstr[n]
    plural_sources: tuple[str, str] | None = None  # PO plural entry: (msgid, msgid_plural), for every form
    plural_single_n: int | None = None  # the one n whose form this is (Arabic forms 0, 1, 2), per Plural-Forms
    source_lang: str = "en"
    target_lang: str = "ar"
    source_markup: list[str] = field(default_factory=list)
    target_markup: list[str] = field(default_factory=list)

    @property
    def where(self) -> str:
        return f"{self.path}:{self.line}" if self.line else self.path


# Messages whose translation is not a translation of the msgid but the translators' credits: GNOME's
# translator-credits (and its older spellings), KDE's "Your names" / "Your emails" under the
# NAME/EMAIL OF TRANSLATORS contexts. translate-toolkit's checkers pass them over likewise.
_CREDITS_MSGIDS = frozenset({"translator-credits", "translator_credits", "TRANSLATOR-CREDITS"})
_CREDITS_CONTEXTS = frozenset({"NAME OF TRANSLATORS", "EMAIL OF TRANSLATORS"})


def is_credits(msgid: str, msgctxt: str | None) -> bool:
    """Whether a gettext message holds the translators' credits rather than a translation."""
    return msgid in _CREDITS_MSGIDS or (msgctxt in _CREDITS_CONTEXTS) or msgid.startswith(
        ("_: NAME OF TRANSLATORS\n", "_: EMAIL OF TRANSLATORS\n"))


def base_lang(code: str | None) -> str:
    """'ar-SA' -> 'ar', 'en_US' -> 'en' (glossaries know only the primary language)."""
    return (code or "").replace("_", "-").split("-", 1)[0].lower()


def same_lang(code: str | None, wanted: str | None) -> bool:
    """True when `code` is `wanted` or a regional form of it ('en-US' is 'en'; 'en' is not 'en-US')."""
    if not code or not wanted:
        return False
    code, wanted = code.replace("_", "-").lower(), wanted.replace("_", "-").lower()
    return code == wanted or code.startswith(wanted + "-") or base_lang(code) == wanted

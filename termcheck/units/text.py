"""Text helpers shared by the unit rules: what is matched, and how a text is quoted in a message."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import TYPE_CHECKING

from termcheck.text.markup import HTML_ENTITY, mask_html
from termcheck.text.placeholders import BRACE, BUILD_SETTING, PRINTF, icu_text_opened

if TYPE_CHECKING:
    from termcheck.formats.units import Unit

# What the program fills in or reads, not prose: URLs, paths and file names, e-mail addresses,
# identifiers with '_' ("%(site_name)s" is not the word 'site'; "/events/search/" not 'search').
_CODE = re.compile(r"(?:[a-z][a-z0-9+.-]*://|www\.)\S+|\S*[/_@\\]\S*|\S+\.(?:html?|txt|py|js|json|xml|php|png|jpg)\b")


_CODE_CHAR = re.compile(r"[/_@\\.:]")  # every _CODE match holds one of these


def matchable(text: str) -> str:
    """Text for matching: HTML/XML tags and entities blanked (same length)."""
    return mask_html(text) if ("<" in text or "&" in text) else text


def prose(text: str) -> str:
    """Text for glossary matching: `matchable`, with placeholders and code-like tokens blanked too
    and a keyboard mnemonic made invisible (same length, so offsets stay the text's own)."""
    # Once per text: the term and number rules each ask for a unit's, and catalogues repeat texts.
    # Short texts only, so that the cache stays small whatever the input.
    return _short_prose(text) if len(text) <= 1000 else _prose(text)


@lru_cache(maxsize=1 << 16)
def _short_prose(text: str) -> str:
    return _prose(text)


def _prose(text: str) -> str:
    text = matchable(text)
    if "%" in text or "{" in text:
        text = PRINTF.sub(_blank, text)
        text = BRACE.sub(_blank, icu_text_opened(text))
        if "%" in text:
            text = _TRANSLATED_NAME.sub(_blank, text)
    if "$(" in text:
        text = BUILD_SETTING.sub(_blank, text)
    if "_" in text or "&" in text:  # after the placeholders, before the code-like tokens it would blank
        text = without_mnemonic(text)
    if _CODE_CHAR.search(text):
        text = _CODE.sub(_blank_code, text)
    return text


# A Symfony %name% whose name the translator translated (%إسم%): TC305 reports it; its letters are no
# text for the term rules (a held-out Roadiz catalogue's seven TC101 'write اسم' on %إسم%)
_TRANSLATED_NAME = re.compile(r"%[^\W\d_][^\s%]*%")


# A keyboard mnemonic: GTK's one underscore (Pass_word:, كلمة ال_سر, _Pause) and Qt's one ampersand
# (&File, He&xadecimal, خ&ط) before a letter. Held-out GTK and KDE catalogues hid forbidden forms so
# (ألب_ث for ألبث). Not an identifier's underscore (site_name, a placeholder's %(user_name)s: inside a
# word of lower-case Latin letters) nor an ampersand between capitals (R&D, AT&T). It becomes a zero-width space, which
# normalization deletes with the offsets kept: the word is matched whole, the finding covers it as written.
# One slipped behind the last letter of an Arabic word (صغّر_ for 'Zoom _Out', a held-out Xfce
# catalogue) is taken out too: left in, it made the word code, and the term in it unread.
_MNEMONIC = re.compile(r"(?<![\w%{(])[_&](?=[^\W\d_])|(?<=[^\W\d_])[_&](?=[^\W\d_])"
                       r"|(?<=[^\W\d_\x00-\x7f])_(?!\w)")


def mnemonic_dropped(text: str) -> str:
    """`text` with its mnemonic taken out (without_mnemonic's rule): '_ASCII:' is 'ASCII:'."""
    return without_mnemonic(text).replace("\u200b", "") if "_" in text or "&" in text else text


def without_mnemonic(text: str) -> str:
    """`text` with its mnemonic (the only _ or & of the text, before a letter) invisible."""
    for mark in "_&":
        if text.count(mark) != 1:
            continue
        found = _MNEMONIC.search(text)
        if found is None or found.group() != mark or (mark == "&" and HTML_ENTITY.match(text, found.start())):
            continue
        at = found.start()
        if at and text[at - 1].isalpha():  # inside a word: not a lower-case Latin identifier, nor R&D
            head, tail = re.search(r"\S*\Z", text[:at]).group(), re.match(r"\S*", text[at + 1:]).group()
            word = head + tail
            if word.isascii() and (mark == "_" and not any(c.isupper() for c in word) and not _spelt_around(head, tail)
                                   or mark == "&" and text[at - 1].isupper() and text[at + 1].isupper()):
                continue
        return text[:at] + "\u200b" + text[at + 1:]
    return text


def _spelt_around(head: str, tail: str) -> bool:
    """Letters each side of an underscore that make an English word together, not two words of
    their own (held-out Xfce labels 'Sort ca_tegories', 'Show as t_ree'; not site_name, user_name)."""
    from termcheck.text.ordinary_words import is_ordinary_word

    tail = tail.rstrip(":.,;!?…")
    if not (head.isalpha() and tail.isalpha()):
        return False
    return is_ordinary_word(head + tail) and not (
        min(len(head), len(tail)) >= 3 and is_ordinary_word(head) and is_ordinary_word(tail))


# A message key standing for the source text (Symfony's label.password, time_tracking, a key written
# GDPR_Distribution_protocol_text_1): no English to compare the target with, so the rules that compare
# placeholders, markup, numbers and terms leave such a unit alone (a held-out Symfony catalogue: its
# %activity% parameters and a legal text's '10 years' read as differences from the key).
# A camelCase key too (themeClass, backendTheme: a held-out Roadiz XLIFF, whose forbidden موضوع for
# 'theme' went unreported since the key names no term as a word).
_MESSAGE_KEY = re.compile(r"[A-Za-z][A-Za-z0-9-]*(?:[._][A-Za-z0-9-]+)+|[a-z][a-z0-9-]*:\d+"  # pay:4 (Aimeos)
                          r"|[a-z]{2,}(?:[A-Z][a-z0-9]+)+"
                          r"|\{[A-Za-z][\w-]*:[A-Za-z][\w.-]*\}")  # SimpleSAMLphp's {errors:title_NOCERT}


@lru_cache(maxsize=1 << 16)
def is_message_key(text: str) -> bool:
    """Once per text: every unit rule asks it of every unit's source. A word with a mnemonic in it
    (St_atusbar, a held-out Xfce catalogue's) is a label, not a key."""
    text = text.strip()
    return _MESSAGE_KEY.fullmatch(text) is not None \
        and not (_ONE_LABEL_WORD.fullmatch(text) is not None and without_mnemonic(text) != text)


_ONE_LABEL_WORD = re.compile(r"[A-Za-z]+_[A-Za-z]+")


def is_key(source: str, keys: frozenset[str]) -> bool:
    """A message key by its shape (is_message_key) or by its file's convention (`keys`, from
    keyed_by_convention): the unit has no source text to compare its target with."""
    return is_message_key(source) or bool(keys) and source.strip() in keys


def keyed_by_convention(units: Iterable[Unit]) -> frozenset[str]:
    """Sources that are message keys by their file's convention, beside the shapes is_message_key
    knows: one lower-case token that is not an English word (text.ordinary_words), in a file where
    a third of the sources or more are such tokens, KEY_FILE_UNITS at least (phpPgAdmin's
    strconfdroptable for 'Are you sure you want to drop the table "%s"?': 476 of its 512 sources; 22
    false TC305 of a held-out catalogue; TraduXio's ISO 639 codes, 'ang' for 'Anglo-Saxon (ca.
    450-1100)': 298 of 639, whose dates were 15 false TC204). Elsewhere such a token is a word of
    the UI or a command (username, wishlist, KTurtle's fontsize), at most a tenth of a file's
    sources in the real and held-out catalogues (96 files)."""
    from termcheck.text.ordinary_words import is_ordinary_word

    tokens: dict[str, list[str]] = {}
    counts: dict[str, int] = {}
    for unit in units:
        counts[unit.path] = counts.get(unit.path, 0) + 1
        source = unit.source.strip()
        if _LOWER_TOKEN.fullmatch(source) and not is_message_key(source) and not is_ordinary_word(source):
            tokens.setdefault(unit.path, []).append(source)
    return frozenset(source for path, found in tokens.items()
                     if len(found) >= KEY_FILE_UNITS and len(found) >= KEY_FILE_SHARE * counts[path] for source in found)


_LOWER_TOKEN = re.compile(r"[a-z][a-z0-9_]+")
KEY_FILE_UNITS = 20
KEY_FILE_SHARE = 1 / 3


# Two words joined by a slash are alternatives ('username/password', اسم المستخدم/كلمة السر), not a path;
# so are Arabic words joined by a backslash, which Arabic translators type for a slash (وسّع\مدّد for
# 'Expand', يونكس\لينكس: held-out DHIS2 and GNOME catalogues), where Latin ones are a Windows path.
_WORD_OF_LETTERS = "(?:[^\\W\\d_]|[\u064b-\u065f\u0670\u0640])+"  # Arabic marks and tatweel included
_ARABIC_WORD = "[\u0621-\u064a\u064b-\u065f\u0670\u0640]+"
_ALTERNATIVES = re.compile(f"(?:{_WORD_OF_LETTERS}(?:/{_WORD_OF_LETTERS})+|{_ARABIC_WORD}(?:[/\\\\]{_ARABIC_WORD})+)"
                           + "[.,;:!?)\\]»”\"']*")


def _blank_code(match: re.Match) -> str:
    return match.group() if _ALTERNATIVES.fullmatch(match.group()) else " " * len(match.group())


def _blank(match: re.Match) -> str:
    return " " * len(match.group())


def short(text: str, limit: int = 60) -> str:
    """`text` on one line, cut to `limit` characters with an ellipsis."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"

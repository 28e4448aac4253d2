"""The target language a catalogue's translations are written in, where its header says otherwise.

A header is typed by hand or left as a tool wrote it: an Arabic catalogue `ar.po` whose header
says `Language: en` (Poedit's default when the translator never set it; a held-out PHP shop's)
had every Arabic target read as English, so that each glossary term was 'not rendered' in it and
no Arabic form was ever checked. When the declared language is written in the Latin script and
most translations are in the Arabic script, the header is wrong and the translations are right:
their language is the Arabic-script code the file's path names (ar.po, ar/LC_MESSAGES, fa_IR.po),
else Arabic. --target-lang still overrides everything.
"""

from __future__ import annotations

import os
import re

from termcheck.formats.units import Unit, base_lang
from termcheck.text.normalize import detect_language

# Languages written in the Arabic script, as a catalogue's path may name them
ARABIC_SCRIPT_LANGS = frozenset({"ar", "fa", "ur", "ps", "ckb", "sd", "ug", "ks", "bal", "azb", "prs", "glk", "mzn"})
_LETTER = re.compile(r"[^\W\d_]")
_LANG_IN_PATH = re.compile(r"(?<![A-Za-z])([a-z]{2,3})(?:[_-][A-Za-z]{2,4})?(?![A-Za-z])")
_SHARE = 0.8  # of the targets with letters, this many must be mostly Arabic-script
_AT_LEAST = 3  # targets: one or two prove nothing


def relabel_target_language(units: list[Unit]) -> tuple[str, str] | None:
    """When `units` (one file's) declare a Latin-script target language and their translations are
    in the Arabic script, give them the evident language (in place) and return (declared, evident);
    else None."""
    declared = {u.target_lang for u in units}
    if len(declared) != 1:
        return None
    (code,) = declared
    if base_lang(code) in ARABIC_SCRIPT_LANGS or not code:
        return None
    written = [unit.target for unit in units if _LETTER.search(unit.target)]
    arabic = sum(detect_language(target) == "ar" for target in written)  # more Arabic letters than Latin
    if arabic < _AT_LEAST or arabic < _SHARE * len(written):
        return None
    evident = _named_in_path(units[0].path) or "ar"
    for unit in units:
        unit.target_lang = evident
    return code, evident


def _named_in_path(path: str) -> str | None:
    """The Arabic-script language the file's name or folders name, the nearest first."""
    parts = os.path.normpath(path).split(os.sep)
    for part in reversed(parts):
        for found in _LANG_IN_PATH.finditer(part):
            if found.group(1) in ARABIC_SCRIPT_LANGS:
                return found.group(0).replace("-", "_")
    return None

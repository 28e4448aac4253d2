"""Gettext PO catalogues -> Units (polib parses; we add msgstr line numbers and plural forms)."""

from __future__ import annotations

import os
import re

from termcheck.formats.units import Unit
from termcheck.model import InputError

_POLIB_LINE = re.compile(r"\(line (\d+)\)(?::\s*(.*))?", re.S)
_NPLURALS = re.compile(r"nplurals\s*=\s*(\d+)")


def _polib():
    import polib  # imported here: only PO/MO inputs need it

    return polib


def _check_file(path: str) -> None:
    # polib treats a string that is not an existing file as PO *content*: check first.
    if not os.path.exists(path):
        raise InputError(f"{path}: no such file")
    if os.path.isdir(path):
        raise InputError(f"{path}: is a directory, expected a file")


def _parse_error(path: str, exc: Exception) -> InputError:
    message = str(exc)
    found = _POLIB_LINE.search(message)
    if found:
        detail = (found.group(2) or "syntax error").strip()
        return InputError(f"{path}:{found.group(1)}: malformed PO file: {detail}")
    return InputError(f"{path}:1: malformed PO file: {message}")


def _read_lines(path: str, encoding: str) -> list[str]:
    with open(path, encoding=encoding, errors="replace") as handle:
        return handle.read().splitlines()


def _keyword_lines(lines: list[str], start: int) -> tuple[int, dict[str, int]]:
    """From an entry's first line (1-based), the msgid line and the line of each msgstr keyword.

    polib's `linenum` is the entry's first line (its first comment, or msgctxt/msgid), so the
    lines of msgid and msgstr[n] are found by scanning forward to the entry's end.
    """
    msgid_line = 0
    msgstr: dict[str, int] = {}
    for number in range(start, len(lines) + 1):
        text = lines[number - 1].lstrip()
        if text.startswith("msgid ") and not msgid_line:
            msgid_line = number
        elif text.startswith("msgstr"):
            key = text.split(" ", 1)[0]  # 'msgstr' or 'msgstr[3]'
            msgstr.setdefault(key, number)
        elif msgstr and (not text or text.startswith(("#", "msgctxt", "msgid"))):
            break
    return msgid_line, msgstr


def _nplurals(catalogue) -> int | None:
    found = _NPLURALS.search(catalogue.metadata.get("Plural-Forms", ""))
    return int(found.group(1)) if found else None


def read_po(path: str, *, include_fuzzy: bool = False, source_lang: str | None = None,
            target_lang: str | None = None) -> list[Unit]:
    _check_file(path)
    polib = _polib()
    try:
        catalogue = polib.pofile(path, wrapwidth=0)
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}:1: not valid {exc.encoding} (byte 0x{exc.object[exc.start]:02x}); "
                         "check the Content-Type charset") from None
    except (OSError, ValueError) as exc:
        raise _parse_error(path, exc) from None
    lines = _read_lines(path, catalogue.encoding or "utf-8")
    src = source_lang or "en"
    tgt = target_lang or catalogue.metadata.get("Language") or "ar"
    nplurals = _nplurals(catalogue)
    units: list[Unit] = []
    for entry in catalogue:
        if entry.obsolete or (entry.msgid == "" and entry.msgctxt is None):
            continue  # the header is metadata, obsolete (#~) entries are dead
        fuzzy = "fuzzy" in entry.flags
        if fuzzy and not include_fuzzy:
            continue
        msgid_line, msgstr_lines = _keyword_lines(lines, entry.linenum)
        notes = [c for c in (entry.tcomment, entry.comment) if c]
        key = entry.msgid if entry.msgctxt is None else f"{entry.msgctxt}\x04{entry.msgid}"
        common = dict(path=path, source_line=msgid_line, id=key, context=entry.msgctxt,
                      notes=notes, source_lang=src, target_lang=tgt)
        if entry.msgid_plural:
            forms = dict(entry.msgstr_plural)
            count = max(nplurals or 0, len(forms), max(forms, default=-1) + 1)
            for n in range(count):
                target = forms.get(n, "")
                units.append(Unit(
                    source=entry.msgid if n == 0 else entry.msgid_plural,
                    target=target,
                    line=msgstr_lines.get(f"msgstr[{n}]", msgstr_lines.get("msgstr[0]", msgid_line)),
                    state=_state(fuzzy, target),
                    plural_index=n,
                    **common,
                ))
        else:
            units.append(Unit(
                source=entry.msgid,
                target=entry.msgstr,
                line=msgstr_lines.get("msgstr", msgid_line),
                state=_state(fuzzy, entry.msgstr),
                **common,
            ))
    return units


def _state(fuzzy: bool, target: str) -> str:
    if fuzzy:
        return "fuzzy"
    return "translated" if target else "untranslated"

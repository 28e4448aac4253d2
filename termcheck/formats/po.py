"""Gettext PO catalogues -> Units (polib parses; we add msgstr line numbers and plural forms).

What gettext's `msgfmt -c` refuses is an input error here too (one line, exit 2), not a finding:
a string whose closing quote is missing, a message defined twice (same msgctxt and msgid), a
Plural-Forms header that cannot be evaluated. Plural entries become one Unit per form, each
carrying msgid and msgid_plural and, from Plural-Forms, the one n its form is used for (if one).
msgctxt stays apart from msgid (Unit.context), never glued to it.
"""

from __future__ import annotations

import os
import re

from termcheck.formats.plural_forms import PluralForms, PluralFormsError, parse_plural_forms, source_of
from termcheck.formats.units import Unit, is_credits
from termcheck.model import InputError

_POLIB_LINE = re.compile(r"\(line (\d+)\)(?::\s*(.*))?", re.S)
# A line whose string opens (after an optional #~ and keyword) and reaches the end of the line
# unclosed; escapes (\", \\) are skipped. One search over the file, at C speed.
_UNTERMINATED = re.compile(
    r'^[ \t]*(?:#~[ \t]*)?(?:(?:msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?)[ \t]*)?(?P<string>")(?:[^"\\\n]|\\.)*$',
    re.M)


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
        return InputError(f"{path}:{found.group(1)}:1: malformed PO file: {detail}")
    return InputError(f"{path}:1:1: malformed PO file: {message}")


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


def check_strings(path: str, lines: list[str]) -> None:
    """Refuse a string whose closing quote is missing, as msgfmt does ('end-of-line within string');
    polib would silently take the next lines into it. Obsolete (#~) entries are checked too."""
    for number, line in enumerate(lines, 1):
        if '"' not in line:
            continue
        # A line that ends with a quote not escaped, its second or later, closes its string: the
        # regex need not try it (most lines; one search over the file tried every position)
        end = line.rstrip()
        if end[-1] == '"' and end[-2:-1] != "\\" and end.count('"') > 1:
            continue
        found = _UNTERMINATED.match(line)
        if found:
            column = found.start("string") + 1
            raise InputError(f"{path}:{number}:{column}: malformed PO file: end of line within string "
                             "(the closing quote is missing)")


def plural_forms(path: str, metadata: dict[str, str], lines: list[str]) -> PluralForms | None:
    """The catalogue's Plural-Forms, or an input error at the header line that says what is wrong."""
    header = metadata.get("Plural-Forms", "")
    try:
        return parse_plural_forms(header) if header else None
    except PluralFormsError as exc:
        number = next((i for i, line in enumerate(lines, 1) if "Plural-Forms:" in line), 1)
        raise InputError(f"{path}:{number}:1: {exc}") from None


def read_po(path: str, *, include_fuzzy: bool = False, source_lang: str | None = None,
            target_lang: str | None = None) -> list[Unit]:
    _check_file(path)
    entries, metadata, lines = _lean(path) or _with_polib(path)
    check_strings(path, lines)
    plurals = plural_forms(path, metadata, lines)
    src = source_lang or "en"
    tgt = target_lang or metadata.get("Language") or "ar"
    units: list[Unit] = []
    first_line: dict[tuple[str | None, str], int] = {}
    for entry in entries:
        if entry.obsolete:
            continue  # obsolete (#~) entries are dead
        msgid_line, msgstr_lines = _keyword_lines(lines, max(entry.linenum, 1))  # polib: 0 for a first entry without header
        key = (entry.msgctxt, entry.msgid)
        if key in first_line:
            context = f" (msgctxt '{entry.msgctxt}')" if entry.msgctxt is not None else ""
            raise InputError(f"{path}:{msgid_line}:1: malformed PO file: duplicate message definition of "
                             f"'{_short(entry.msgid)}'{context}; the first is at line {first_line[key]}")
        first_line[key] = msgid_line
        if entry.msgid == "" and entry.msgctxt is None:
            continue  # the header is metadata
        if is_credits(entry.msgid, entry.msgctxt):
            continue  # the translators' names, not a translation
        fuzzy = "fuzzy" in entry.flags
        if fuzzy and not include_fuzzy:
            continue
        notes = [c for c in (entry.tcomment, entry.comment) if c]
        common = dict(path=path, source_line=msgid_line, id=entry.msgid, context=entry.msgctxt,
                      notes=notes, source_lang=src, target_lang=tgt)
        if entry.msgid_plural:
            forms = dict(entry.msgstr_plural)
            _check_plural_indexes(path, forms, msgstr_lines, msgid_line)
            nplurals = plurals.nplurals if plurals else 0
            count = max(nplurals, len(forms), max(forms, default=-1) + 1)
            for n in range(count):
                target = forms.get(n, "")
                units.append(Unit(
                    source=source_of(plurals, n, entry.msgid, entry.msgid_plural),
                    target=target,
                    line=msgstr_lines.get(f"msgstr[{n}]", msgstr_lines.get("msgstr[0]", msgid_line)),
                    state=_state(fuzzy, target),
                    plural_index=n,
                    plural_sources=(entry.msgid, entry.msgid_plural),
                    plural_single_n=plurals.single_number(n) if plurals else None,
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


def _lean(path: str) -> tuple[list, dict[str, str], list[str]] | None:
    """(entries, metadata, lines) from formats.po_lean, which reads as polib does, or None where polib
    must: an encoding other than UTF-8 or ASCII, a byte that does not decode, what po_lean leaves."""
    import codecs

    from termcheck.formats import po_lean

    try:
        encoding = _polib().detect_encoding(path)
        if codecs.lookup(encoding).name not in ("utf-8", "ascii"):
            return None
        with open(path, "rb") as handle:
            text = handle.read().decode(encoding).replace("\r\n", "\n")  # as polib's universal newlines read it
    except (OSError, UnicodeDecodeError):
        return None  # polib reports it
    parsed = po_lean.parse(text)
    if parsed is None:
        return None
    entries, metadata = parsed
    return entries, metadata, text.splitlines()


def _with_polib(path: str) -> tuple[list, dict[str, str], list[str]]:
    polib = _polib()
    try:
        catalogue = polib.pofile(path, wrapwidth=0)
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}:1:1: not valid {exc.encoding} (byte 0x{exc.object[exc.start]:02x}); "
                         "check the Content-Type charset") from None
    except (OSError, ValueError) as exc:
        lines = _read_lines(path, "utf-8")
        check_strings(path, lines)  # the likelier cause, said better
        raise _parse_error(path, exc) from None
    return list(catalogue), catalogue.metadata, _read_lines(path, catalogue.encoding or "utf-8")


def _check_plural_indexes(path: str, forms: dict[int, str], msgstr_lines: dict[str, int], msgid_line: int) -> None:
    """msgstr[0], msgstr[1]... in order, as msgfmt requires ('plural form has wrong index')."""
    for expected, index in enumerate(sorted(forms)):
        if index != expected:
            line = msgstr_lines.get(f"msgstr[{index}]", msgid_line)
            raise InputError(f"{path}:{line}:1: malformed PO file: plural form has wrong index "
                             f"(msgstr[{index}] where msgstr[{expected}] was expected)")


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _state(fuzzy: bool, target: str) -> str:
    if fuzzy:
        return "fuzzy"
    return "translated" if target else "untranslated"

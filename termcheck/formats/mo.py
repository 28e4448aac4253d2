"""Compiled gettext MO catalogues -> Units (no line numbers: a unit is located by its msgid).

The binary layout is checked before polib reads it (magic, header, every string's length and
offset inside the file), so a truncated, empty or garbage file is one input error, not a
struct.error or strings silently cut short. MO keeps no comments, fuzzy entries or lines.
"""

from __future__ import annotations

import struct

from termcheck.formats.po import _check_file, _polib
from termcheck.formats.plural_forms import PluralFormsError, parse_plural_forms, source_of
from termcheck.formats.units import Unit, is_credits
from termcheck.model import InputError

_MAGIC = {b"\xde\x12\x04\x95": "<", b"\x95\x04\x12\xde": ">"}
_HEADER = 28  # magic, revision, count, originals offset, translations offset, hash size, hash offset


def check_layout(path: str, data: bytes) -> None:
    """Raise an InputError naming the first thing that makes `data` not an MO file."""
    if len(data) < _HEADER:
        raise InputError(f"{path}:1:1: malformed MO file: {len(data)} bytes, shorter than the {_HEADER}-byte header")
    order = _MAGIC.get(data[:4])
    if order is None:
        raise InputError(f"{path}:1:1: malformed MO file: not an MO file (wrong magic number)")
    _revision, count, originals, translations = struct.unpack(order + "4I", data[4:20])
    for table, name in ((originals, "original"), (translations, "translation")):
        if table + 8 * count > len(data):
            raise InputError(f"{path}:1:1: malformed MO file: the {name} string table ({count} entries at byte "
                             f"{table}) runs past the end of the file ({len(data)} bytes)")
        for k in range(count):
            length, offset = struct.unpack_from(order + "2I", data, table + 8 * k)
            if offset + length > len(data):
                raise InputError(f"{path}:1:1: malformed MO file: {name} string {k} (byte {offset}, "
                                 f"{length} bytes) runs past the end of the file ({len(data)} bytes)")


def read_mo(path: str, *, include_fuzzy: bool = False, source_lang: str | None = None,
            target_lang: str | None = None) -> list[Unit]:
    """MO files keep no comments, no fuzzy entries and no lines: every unit has line 0."""
    _check_file(path)
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from None
    check_layout(path, data)
    polib = _polib()
    try:
        catalogue = polib.mofile(path)
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}:1:1: not valid {exc.encoding}; check the Content-Type charset") from None
    except (OSError, ValueError, IndexError, struct.error) as exc:
        raise InputError(f"{path}:1:1: malformed MO file: {exc}") from None
    try:
        header = catalogue.metadata.get("Plural-Forms", "")
        plurals = parse_plural_forms(header) if header else None
    except PluralFormsError as exc:
        raise InputError(f"{path}:1:1: {exc}") from None
    src = source_lang or "en"
    tgt = target_lang or catalogue.metadata.get("Language") or "ar"
    units: list[Unit] = []
    for entry in catalogue:
        if entry.msgid == "" and entry.msgctxt is None:
            continue
        if is_credits(entry.msgid, entry.msgctxt):
            continue  # the translators' names, not a translation
        common = dict(path=path, line=0, source_line=0, id=entry.msgid, context=entry.msgctxt,
                      source_lang=src, target_lang=tgt)
        if entry.msgid_plural:
            forms = dict(entry.msgstr_plural)
            count = max(plurals.nplurals if plurals else 0, len(forms), max(forms, default=-1) + 1)
            for n in range(count):
                target = forms.get(n, "")
                units.append(Unit(source=source_of(plurals, n, entry.msgid, entry.msgid_plural), target=target,
                                  plural_index=n, plural_sources=(entry.msgid, entry.msgid_plural),
                                  plural_single_n=plurals.single_number(n) if plurals else None,
                                  state="translated" if target else "untranslated", **common))
        else:
            units.append(Unit(source=entry.msgid, target=entry.msgstr,
                              state="translated" if entry.msgstr else "untranslated", **common))
    return units

"""Compiled gettext MO catalogues -> Units (no line numbers: a unit is located by its msgid)."""

from __future__ import annotations

from termcheck.formats.po import _check_file, _nplurals, _polib
from termcheck.formats.units import Unit
from termcheck.model import InputError


def read_mo(path: str, *, include_fuzzy: bool = False, source_lang: str | None = None,
            target_lang: str | None = None) -> list[Unit]:
    """MO files keep no comments, no fuzzy entries and no lines: every unit has line 0."""
    _check_file(path)
    polib = _polib()
    try:
        catalogue = polib.mofile(path)
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: not valid {exc.encoding}; check the Content-Type charset") from None
    except (OSError, ValueError, IndexError) as exc:
        raise InputError(f"{path}: malformed MO file: {exc}") from None
    src = source_lang or "en"
    tgt = target_lang or catalogue.metadata.get("Language") or "ar"
    nplurals = _nplurals(catalogue)
    units: list[Unit] = []
    for entry in catalogue:
        if entry.msgid == "" and entry.msgctxt is None:
            continue
        key = entry.msgid if entry.msgctxt is None else f"{entry.msgctxt}\x04{entry.msgid}"
        common = dict(path=path, line=0, source_line=0, id=key, context=entry.msgctxt,
                      source_lang=src, target_lang=tgt)
        if entry.msgid_plural:
            forms = dict(entry.msgstr_plural)
            count = max(nplurals or 0, len(forms), max(forms, default=-1) + 1)
            for n in range(count):
                target = forms.get(n, "")
                units.append(Unit(source=entry.msgid if n == 0 else entry.msgid_plural, target=target,
                                  plural_index=n, state="translated" if target else "untranslated", **common))
        else:
            units.append(Unit(source=entry.msgid, target=entry.msgstr,
                              state="translated" if entry.msgstr else "untranslated", **common))
    return units

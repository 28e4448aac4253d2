"""Readers that turn localization files (PO, MO, XLIFF, TMX) into one list of Units."""

from __future__ import annotations

import os

from termcheck.formats.units import LOCALIZATION_SUFFIXES, Unit
from termcheck.model import InputError

__all__ = ["LOCALIZATION_SUFFIXES", "Unit", "detect_format", "localization_files", "read_units"]

_MO_MAGIC = (b"\xde\x12\x04\x95", b"\x95\x04\x12\xde")


def detect_format(path: str) -> str:
    """'po', 'mo', 'xliff' or 'tmx', by extension, else by the first bytes of the file."""
    lower = path.lower()
    if lower.endswith((".po", ".pot")):
        return "po"
    if lower.endswith(".mo"):
        return "mo"
    if lower.endswith((".xlf", ".xliff")):
        return "xliff"
    if lower.endswith(".tmx"):
        return "tmx"
    try:
        with open(path, "rb") as handle:
            head = handle.read(4096)
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from None
    if head[:4] in _MO_MAGIC:
        return "mo"
    if b"<xliff" in head:
        return "xliff"
    if b"<tmx" in head:
        return "tmx"
    if b"msgid" in head:
        return "po"
    raise InputError(f"{path}: not a localization file (expected .po, .mo, .xlf/.xliff or .tmx)")


def read_units(path: str, *, include_fuzzy: bool = False, source_lang: str | None = None,
               target_lang: str | None = None) -> list[Unit]:
    """Every translation unit of one file, in file order."""
    from termcheck.io import stat_input

    stat_input(path)  # missing, dangling, a loop, a folder, a FIFO or device: one line, nothing read
    kind = detect_format(path)
    if kind == "po":
        from termcheck.formats.po import read_po as reader
    elif kind == "mo":
        from termcheck.formats.mo import read_mo as reader
    elif kind == "xliff":
        from termcheck.formats.xliff import read_xliff as reader
    else:
        from termcheck.formats.tmx import read_tmx as reader
    from termcheck.glossary import _no_cyclic_gc

    with _no_cyclic_gc():  # units by the hundred thousand, in no cycle: the collector would walk them over and over
        return reader(path, include_fuzzy=include_fuzzy, source_lang=source_lang, target_lang=target_lang)


def localization_files(paths: list[str], config=None) -> list[str]:
    """Files as given, and directories walked for localization files (sorted), as lint walks them.

    termcheck.toml's `exclude` applies as in lint; its `include` globs that end in a localization
    suffix (**/*.po, locale/**/*.xlf) choose which files a walk takes, and when it has none (the
    default globs are lint's *.md/*.txt/*.html) every .po/.mo/.xlf/.xliff/.tmx is taken (not .pot
    templates). A walked .mo whose .po is beside it (same stem) is left out: it is that .po compiled,
    and reading both would report everything twice. A file named on the command line is always read.
    """
    from dataclasses import replace

    from termcheck.config import Config, collect_files

    config = config or Config()
    include = [g for g in config.include if g.lower().endswith(LOCALIZATION_SUFFIXES)]
    include = include or [f"**/*{suffix}" for suffix in LOCALIZATION_SUFFIXES if suffix != ".pot"]
    named = {path for path in paths if not os.path.isdir(path)}
    found = []
    for path in collect_files(paths, replace(config, include=include)):
        if path not in named and path.lower().endswith(".mo") and os.path.exists(path[:-3] + ".po"):
            continue
        found.append(path)
    return found

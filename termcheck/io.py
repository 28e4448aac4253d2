"""Reading input files: one clear InputError for every way a file can be unusable."""

from __future__ import annotations

import codecs
import os

from termcheck.model import Document, InputError
from termcheck.text.normalize import detect_language

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def read_bytes(path: str) -> bytes:
    if not os.path.exists(path):
        raise InputError(f"{path}: no such file")
    if os.path.isdir(path):
        raise InputError(f"{path}: is a directory, expected a file")
    try:
        with open(path, "rb") as handle:
            return handle.read()
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from None


def decode(data: bytes, path: str, encoding: str | None = None) -> tuple[str, str]:
    """Text and the encoding used. A BOM wins; else `encoding`, else strict UTF-8."""
    chosen = encoding
    for bom, name in _BOMS:
        if data.startswith(bom):
            chosen = name
            break
    else:
        if encoding is None and b"\x00" in data[:8192]:
            raise InputError(f"{path}: looks like a binary file (NUL bytes); not a text file")
    chosen = chosen or "utf-8"
    try:
        codecs.lookup(chosen)
    except LookupError:
        raise InputError(f"{path}: unknown encoding '{chosen}'") from None
    try:
        text = data.decode(chosen)
    except UnicodeDecodeError as exc:
        good = data[: exc.start].decode(chosen, errors="replace")
        line = good.count("\n") + 1
        column = len(good) - (good.rfind("\n") + 1) + 1
        raise InputError(
            f"{path}:{line}:{column}: not valid {chosen} (byte 0x{data[exc.start]:02x}); "
            f"pass --encoding (e.g. --encoding cp1256) if the file uses another encoding"
        ) from None
    if text.startswith("\ufeff"):
        text = text[1:]
    return text, chosen


def read_text(path: str, encoding: str | None = None) -> tuple[str, str]:
    return decode(read_bytes(path), path, encoding)


def read_document(path: str, lang: str | None = None, encoding: str | None = None) -> Document:
    text, used = read_text(path, encoding)
    return Document(path=path, text=text, lang=lang or detect_language(text), encoding=used)

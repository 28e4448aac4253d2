"""Reading input files: the one layer every command reads through.

One clear InputError for every way a file can be unusable: missing, a dangling or looping
symlink, a directory, not a regular file (a FIFO or a device is refused before it is read, so it
cannot block or stream forever), larger than the limits, binary (a NUL byte anywhere), not
decodable, or an encoding that is not a text encoding (base64, rot13, idna: codecs, not charsets).
Every path read here is remembered, so a report (-o) never overwrites an input.
"""

from __future__ import annotations

import codecs
import errno
import os
import stat

from termcheck.limits import LIMITS, too_large
from termcheck.model import Document, InputError
from termcheck.text.normalize import detect_language

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Codecs that decode bytes to str but are not charsets of text files (or break on bad input).
_NOT_CHARSETS = frozenset({"idna", "punycode", "unicode_escape", "raw_unicode_escape", "undefined"})

_READ: set[tuple[int, int]] = set()  # (device, inode) of every file read in this run


def file_kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a FIFO"
    if stat.S_ISCHR(mode):
        return "a character device"
    if stat.S_ISBLK(mode):
        return "a block device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a special file"


def stat_input(path: str) -> os.stat_result:
    """The stat of the regular file `path` (symlinks followed); InputError for anything else."""
    try:
        info = os.stat(path)
    except FileNotFoundError:
        if os.path.islink(path):
            raise InputError(f"{path}: dangling symlink (points to {os.readlink(path)}, which does not exist)") from None
        raise InputError(f"{path}: no such file") from None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise InputError(f"{path}: symlink loop (too many levels of symbolic links)") from None
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from None
    if stat.S_ISDIR(info.st_mode):
        raise InputError(f"{path}: is a directory, expected a file")
    if not stat.S_ISREG(info.st_mode):
        raise InputError(f"{path}: not a regular file ({file_kind(info.st_mode)})")
    return info


def read_bytes(path: str) -> bytes:
    """The bytes of the regular file `path`, at most --max-file-size of them."""
    stat_input(path)
    try:
        # O_NONBLOCK: a FIFO swapped in after the stat above cannot block the open
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from None
    with open(fd, "rb") as handle:
        info = os.fstat(handle.fileno())
        if not stat.S_ISREG(info.st_mode):
            raise InputError(f"{path}: not a regular file ({file_kind(info.st_mode)})")
        if info.st_size > LIMITS.file_size:
            raise too_large(path, f"file is too large ({info.st_size:,} bytes)", "file_size", "bytes")
        try:
            data = _read_up_to(handle, LIMITS.file_size + 1, info.st_size)
        except OSError as exc:
            raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from None
    if len(data) > LIMITS.file_size:  # grew while we read it
        raise too_large(path, "file is too large", "file_size", "bytes")
    _READ.add((info.st_dev, info.st_ino))
    if len(data) >= _BIG_INPUT:
        _keep_big_blocks_mapped()
    return data


_BIG_INPUT = 1 << 20  # bytes
_M_MMAP_THRESHOLD = -3  # glibc's mallopt parameter
_MMAP_THRESHOLD = 256 << 10
_mallopt_done = False


def _keep_big_blocks_mapped() -> None:
    """Fix glibc malloc's mmap threshold, once a process has a big input to read.

    glibc serves a block of 128 KB or more by mmap, and each time such a block is freed it raises
    the threshold to that block's size (up to 32 MB): after a big input's bytes, a normalized copy
    or a grown array are freed, the blocks of a long text's columns (sentence spans, beads,
    matches: a few MB each, grown by realloc) come from the heap instead, where the holes they
    leave are never handed back. A fixed threshold (mallopt, which also stops the adjusting) keeps
    them mapped, and returned when freed: `check` on 50 MB of one dense line 226 -> 190 MB peak
    (measured in process), the same CPU. Elsewhere than glibc, nothing is done."""
    global _mallopt_done
    if _mallopt_done:
        return
    _mallopt_done = True
    try:
        if not os.confstr("CS_GNU_LIBC_VERSION").startswith("glibc"):
            return
        import ctypes

        ctypes.CDLL(None).mallopt(_M_MMAP_THRESHOLD, _MMAP_THRESHOLD)
    except (OSError, AttributeError, ValueError):  # no confstr name, no libc to load
        pass


def _read_up_to(handle, budget: int, size_hint: int) -> bytes:
    """At most `budget` bytes, asking for what stat promised (plus growth) rather than the budget:
    a limit raised to 'no limit' must not become one huge allocation."""
    parts, size = [], 0
    while size < budget:
        part = handle.read(min(budget - size, max(size_hint + 1 - size, 1 << 20)))
        if not part:
            break
        parts.append(part)
        size += len(part)
    return b"".join(parts)


def is_input(path: str) -> bool:
    """Whether `path` is (the same file as) one that this run has read."""
    try:
        info = os.stat(path)
    except OSError:
        return False
    return (info.st_dev, info.st_ino) in _READ


def text_codec(name: str) -> codecs.CodecInfo:
    """The codec `name` when it is a text encoding; InputError naming the problem otherwise."""
    try:
        info = codecs.lookup(name)
    except LookupError:
        raise InputError(f"unknown encoding '{name}'") from None
    if not getattr(info, "_is_text_encoding", True) or info.name in _NOT_CHARSETS:
        raise InputError(f"'{name}' is not a text encoding; use a charset such as utf-8 or cp1256")
    return info


def decode(data: bytes, path: str, encoding: str | None = None) -> tuple[str, str]:
    """Text and the encoding used. A BOM wins; else `encoding`, else strict UTF-8."""
    chosen = encoding
    for bom, name in _BOMS:
        if data.startswith(bom):
            chosen = name
            break
    else:
        if encoding is None and b"\x00" in data:  # binary before it is undecodable
            good = data[: data.index(b"\x00")].decode("utf-8", errors="replace")
            line, column = _line_col(good, len(good))
            raise InputError(f"{path}:{line}:{column}: looks like a binary file (NUL byte); not a text file")
    chosen = chosen or "utf-8"
    try:
        text_codec(chosen)
    except InputError as exc:
        raise InputError(f"{path}: {exc}") from None
    try:
        text = data.decode(chosen)
    except UnicodeDecodeError as exc:
        good = data[: exc.start].decode(chosen, errors="replace")
        line, column = _line_col(good, len(good))
        raise InputError(
            f"{path}:{line}:{column}: not valid {chosen} (byte 0x{data[exc.start]:02x}); "
            f"pass --encoding (e.g. --encoding cp1256) if the file uses another encoding"
        ) from None
    if text.startswith("\ufeff"):
        text = text[1:]
    nul = text.find("\x00")
    if nul != -1:
        line, column = _line_col(text, nul)
        raise InputError(f"{path}:{line}:{column}: looks like a binary file (NUL byte); not a text file")
    check_line_length(text, path)
    return text, chosen


def check_line_length(text: str, path: str) -> None:
    """Refuse a line longer than --max-line-length. Steps a window of limit + 1 characters to the
    last newline inside it (C-speed rfind), so a million short lines cost a few dozen steps."""
    limit = LIMITS.line_length
    start = 0  # always the start of a line
    while len(text) - start > limit:
        newline = text.rfind("\n", start, start + limit + 1)
        if newline == -1:
            end = text.find("\n", start)
            length = (len(text) if end == -1 else end) - start
            line = text.count("\n", 0, start) + 1
            raise too_large(f"{path}:{line}:{limit + 1}", f"line is too long ({length:,} characters)",
                            "line_length", "characters")
        start = newline + 1


def _line_col(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def read_text(path: str, encoding: str | None = None) -> tuple[str, str]:
    return decode(read_bytes(path), path, encoding)


def read_document(path: str, lang: str | None = None, encoding: str | None = None) -> Document:
    text, used = read_text(path, encoding)
    return Document(path=path, text=text, lang=lang or detect_language(text), encoding=used)

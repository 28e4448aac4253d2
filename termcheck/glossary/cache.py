"""Compiled glossaries cached on disk: a big glossary is parsed and compiled once, then loaded.

The cache holds the Matcher of a list of glossary files (with its Glossary), pickled, in the user
cache directory: $TERMCHECK_CACHE_DIR, else $XDG_CACHE_HOME/termcheck, else ~/.cache/termcheck.
The key is a SHA-256 of termcheck's version, Python's version, a fingerprint of termcheck's own
code (size and mtime of every module: an edited matcher never meets an old cache), the encoding,
and each glossary's path and bytes. TERMCHECK_NO_CACHE=1 turns the cache off: nothing is read or
written.

Safety. A file is written under a temporary name and renamed, so a reader sees a whole file or
none; a file that does not load (truncated, corrupted, written by other code) is ignored, deleted
and rebuilt. Pickle runs code when it loads, so only a file owned by this user, in a directory
no one else may write, is read. At most MAX_FILES compiled glossaries are kept (oldest go).

Cost model (bench/bench_glossary.py --cache): a miss costs what a build costs, plus the pickling,
which runs in a forked child on Linux so the command does not wait for it; a hit costs the
unpickling, with the cyclic collector paused and what was loaded frozen out of its young
generation. A Matcher pickles compactly (Matcher.__getstate__): the glossary as columns
(termcheck.glossary.compact), the automaton's nodes, each key's entries as number columns decoded on
its first hit, and the Arabic lemma layer read only when a text has Arabic, a phrase group at a time.
The file is pickle protocol 5 with its big blobs (Blob) out of band, mapped with mmap rather than
read: what a run does not use is not even read from disk. 50,000 dense concepts (CPU, imports
included): 0.67 s -> 0.26 s -> 0.19 s; the Arabic layer on the first Arabic text 0.52 s -> 0.08 s.
Indexes a rule builds from the glossary are kept beside it the same way (`store_derived`: TC102's
variant index, 0.2 s to build for 10,000 concepts, a few ms to load).
"""

from __future__ import annotations

import gc
import hashlib
import os
import pickle
import stat
import sys

from termcheck import __version__

MAGIC = b"termcheck-compiled-glossary 2\n"
MAX_FILES = 8
_code_fingerprint: str | None = None


def cache_dir() -> str | None:
    """Where compiled glossaries live, or None when the cache is off."""
    if os.environ.get("TERMCHECK_NO_CACHE", "") not in ("", "0"):
        return None
    explicit = os.environ.get("TERMCHECK_CACHE_DIR")
    if explicit:
        return explicit
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "termcheck")


def code_fingerprint() -> str:
    """Size and mtime of every termcheck module: any edit of the code changes it."""
    global _code_fingerprint
    if _code_fingerprint is None:
        root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
        digest = hashlib.sha256()
        for folder, dirs, files in os.walk(root):
            dirs.sort()
            for name in sorted(files):
                if name.endswith(".py"):
                    info = os.stat(os.path.join(folder, name))
                    digest.update(f"{os.path.relpath(os.path.join(folder, name), root)}:{info.st_size}:"
                                  f"{info.st_mtime_ns}\n".encode())
        _code_fingerprint = digest.hexdigest()
    return _code_fingerprint


def cache_key(contents: list[tuple[str, bytes]], encoding: str | None) -> str:
    digest = hashlib.sha256()
    head = f"{__version__}\n{sys.version}\n{code_fingerprint()}\n{encoding}\n"
    digest.update(head.encode())
    for path, data in contents:
        digest.update(f"{len(path)}:{path}:{len(data)}:".encode("utf-8", "surrogateescape"))
        digest.update(data)
    return digest.hexdigest()


class Blob(bytes):
    """Bytes that a cache file carries beside its pickle (pickle protocol 5's out-of-band buffers):
    `load` maps the file and hands them back as memoryviews of the mapping, not copied, and not read
    from disk until used. Any other pickling gives memoryview (protocol 5) or bytes: whoever
    reads a Blob's value takes any bytes-like object."""

    def __reduce_ex__(self, protocol):
        if protocol >= 5:
            return memoryview, (pickle.PickleBuffer(self),)
        return bytes, (bytes(self),)


_SIZE = 8  # bytes of each length in a file's table of contents


def load(key: str, folder: str):
    """The object stored under `key`, or None (missing, unsafe, or not loadable: then removed)."""
    import mmap

    path = os.path.join(folder, key + ".pickle")
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        return None
    try:
        with os.fdopen(fd, "rb") as handle:
            if not _trusted(os.fstat(handle.fileno()), folder):
                return None
            # mapped, not read: the out-of-band buffers stay in the page cache until used (files are
            # replaced by a rename, never rewritten in place, so the mapping stays whole)
            data = memoryview(mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ))
    except (OSError, ValueError):  # ValueError: an empty file
        return None
    head = MAGIC + key.encode() + b"\n"
    parts = _parts(data, len(head)) if data[:len(head)] == head else None
    if parts is None:
        _remove(path)
        return None
    collecting = gc.isenabled()
    gc.disable()  # a compiled glossary is hundreds of thousands of small objects and no cycles
    try:
        value = pickle.loads(parts[0], buffers=parts[1:])
    except Exception:  # a damaged or foreign file: any error means "not cached"
        _remove(path)
        return None
    finally:
        if collecting:
            gc.enable()
    # Out of the collector's young generation: its first pass would otherwise walk every object just
    # loaded (a third of a 50,000-concept load). They live as long as the process; none is in a cycle
    # (refcounting still frees them).
    gc.freeze()
    return value


def _parts(data: memoryview, start: int) -> list[memoryview] | None:
    """[pickle, buffer, ...] of a file's body: a count, the lengths, then the parts back to back;
    None when the sizes do not add up (a truncated or foreign file)."""
    def number(at: int) -> int:
        return int.from_bytes(data[at:at + _SIZE], "little")

    if len(data) < start + _SIZE:
        return None
    count = number(start)
    position = start + _SIZE * (count + 1)
    if count < 1 or position > len(data):
        return None
    parts = []
    for k in range(count):
        size = number(start + _SIZE * (k + 1))
        parts.append(data[position:position + size])
        position += size
    return parts if position == len(data) else None


def store(key: str, folder: str, value, background: bool = True) -> None:
    """Write `value` under `key`. In a forked child where possible: the caller does not wait."""
    if background and hasattr(os, "fork") and sys.platform.startswith("linux"):
        try:
            pid = os.fork()
        except OSError:
            pid = -1
        if pid == 0:  # the child: write, then leave without running the parent's exit handlers
            code = 0
            try:
                _write(key, folder, value)
            except BaseException:
                code = 1
            finally:
                os._exit(code)
        if pid > 0:
            _reap_later(pid)
            return
    try:
        _write(key, folder, value)
    except (OSError, pickle.PicklingError, RecursionError):
        pass  # a cache that cannot be written only costs the next run a build


def _write(key: str, folder: str, value) -> None:
    os.makedirs(folder, mode=0o700, exist_ok=True)
    if not _trusted(os.stat(folder), None, directory=True):
        return
    import tempfile

    buffers: list[pickle.PickleBuffer] = []
    parts = [pickle.dumps(value, protocol=5, buffer_callback=buffers.append), *(b.raw() for b in buffers)]
    fd, temporary = tempfile.mkstemp(dir=folder, prefix=".tmp-", suffix=".pickle")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(MAGIC + key.encode() + b"\n")
            handle.write(b"".join(len(part).to_bytes(_SIZE, "little") for part in (parts, *parts)))
            for part in parts:
                handle.write(part)
        os.replace(temporary, os.path.join(folder, key + ".pickle"))
    except BaseException:
        _remove(temporary)
        raise
    _prune(folder)


def _trusted(info: os.stat_result, folder: str | None, directory: bool = False) -> bool:
    """Owned by this user and not writable by others (the folder too, when given)."""
    if hasattr(os, "getuid") and info.st_uid != os.getuid():
        return False
    if info.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
        return False
    if directory:
        return True
    return folder is None or _trusted(os.stat(folder), None, directory=True)


def _prune(folder: str) -> None:
    """Keep the MAX_FILES newest compiled glossaries; a derived file (KEY-NAME.pickle) goes with its
    glossary's."""
    entries, derived = [], []
    for entry in os.scandir(folder):
        if entry.name.endswith(".pickle") and not entry.name.startswith(".tmp-"):
            if "-" in entry.name:
                derived.append(entry.path)
            else:
                entries.append((entry.stat().st_mtime, entry.path))
    for _, path in sorted(entries, reverse=True)[MAX_FILES:]:
        _remove(path)
        stem = path[:-len(".pickle")] + "-"
        for other in derived:
            if other.startswith(stem):
                _remove(other)


def _remove(path: str) -> None:
    try:
        os.remove(path)
    except OSError:
        pass


def _reap_later(pid: int) -> None:
    """Collect the writer when it is done, so it does not linger as a zombie."""
    import atexit

    def reap() -> None:
        try:
            os.waitpid(pid, os.WNOHANG)
        except ChildProcessError:
            pass

    atexit.register(reap)


def compiled_matcher(paths: list[str], encoding: str | None = None, *, background: bool = True):
    """The Matcher of the glossaries in `paths` (merged when several), from the cache when it holds
    them; else built, and stored for the next run. Bad files raise InputError as load_glossary does."""
    from termcheck.io import read_bytes
    from termcheck.match import Matcher

    folder = cache_dir()
    key = None
    if folder is not None:
        key = cache_key([(path, read_bytes(path)) for path in paths], encoding)
        cached = load(key, folder)
        if isinstance(cached, Matcher):
            cached.cache[_PLACE] = (key, folder)
            return cached
    matcher = Matcher(_glossary(paths, encoding))
    if key is not None:
        store(key, folder, matcher, background)
        matcher.cache[_PLACE] = (key, folder)
    return matcher


# Where a cached matcher's files are (matcher.cache[_PLACE] = (key, folder)): indexes that rules
# build from the glossary are kept beside it (load_derived / store_derived).
_PLACE = "compiled-glossary.place"


def load_derived(matcher, name: str):
    """What store_derived kept for this matcher's glossary under `name`, or None."""
    place = matcher.cache.get(_PLACE)
    return load(f"{place[0]}-{name}", place[1]) if place is not None else None


def store_derived(matcher, name: str, value, background: bool = True) -> None:
    """Keep `value` (built from the matcher's glossary by termcheck's code: the key covers both)
    for the next run with the same glossary; nothing when the matcher is not from the cache."""
    place = matcher.cache.get(_PLACE)
    if place is not None:
        store(f"{place[0]}-{name}", place[1], value, background)


def _glossary(paths: list[str], encoding: str | None):
    from termcheck.glossary import load_glossary, merge_glossaries

    glossaries = [load_glossary(path, encoding) for path in paths]
    return glossaries[0] if len(glossaries) == 1 else merge_glossaries(glossaries)

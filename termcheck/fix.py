"""Apply findings' fixes to files without losing anything.

Every byte outside a fixed span is copied from the file as read: the encoding (BOM included),
line endings and any odd bytes stay as they were. Overlapping fixes: the first (in text order)
wins, the others wait for the next run. A file that changed on disk after it was checked is
left alone.

Saving behaves like an editor saving the file:
- a file without write permission (0444, or not the user's to write) is refused, not replaced;
- a symlink is followed: its target is rewritten and the link stays a link;
- the usual write is atomic: a temporary file in the target's folder, fsync, the mode and owner
  copied, the digest checked once more just before os.replace (an edit that lands while we
  work is not lost), then os.replace; SIGTERM during it removes the temporary file (SIGKILL
  cannot be caught: a `.termcheck-*.tmp` may then remain);
- a file with several hard links, or whose owner cannot be given to a new file (another user's
  file in a folder we may write), is rewritten in place instead, so every link and the owner
  stay; that write is not atomic.
"""

from __future__ import annotations

import codecs
import difflib
import hashlib
import contextlib
import os
import re
import signal
import stat
import sys
import tempfile
import threading
from dataclasses import dataclass, field

from termcheck.model import Applicability, Finding, Fix, InputError


class CannotFix(Exception):
    """This file cannot be rewritten safely (reason in the message)."""


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def wanted(fix: Fix | None, unsafe: bool = False) -> bool:
    if fix is None:
        return False
    if fix.applicability is Applicability.SAFE:
        return True
    return unsafe and fix.applicability is Applicability.UNSAFE


# -- text ---------------------------------------------------------------------------------------


def apply_fixes(text: str, fixes: list[Fix]) -> tuple[str, list[Fix], list[Fix]]:
    """(new text, fixes applied, fixes skipped because they overlap an earlier one or are out of range).

    Identical fixes (same span, same replacement) count as one.
    """
    applied: list[Fix] = []
    skipped: list[Fix] = []
    seen: set[tuple[int, int, str]] = set()
    last_end = -1
    for fix in sorted(fixes, key=lambda f: (f.start, f.end)):
        key = (fix.start, fix.end, fix.replacement)
        if key in seen:
            continue
        seen.add(key)
        if not 0 <= fix.start <= fix.end <= len(text) or fix.start < last_end:
            skipped.append(fix)
            continue
        applied.append(fix)
        last_end = max(fix.end, fix.start + (fix.start == fix.end))  # two inserts at one point clash
    pieces = []
    pos = 0
    for fix in applied:
        pieces.append(text[pos:fix.start])
        pieces.append(fix.replacement)
        pos = fix.end
    pieces.append(text[pos:])
    return "".join(pieces), applied, skipped


# -- bytes --------------------------------------------------------------------------------------


def _bare_codec(encoding: str, data: bytes) -> str:
    """The codec that encodes text exactly as the file's body is encoded, without any BOM."""
    name = codecs.lookup(encoding).name
    if name == "utf-8-sig":
        return "utf-8"
    if name == "utf-16":
        return "utf-16-be" if data.startswith(codecs.BOM_UTF16_BE) else "utf-16-le"
    if name == "utf-32":
        return "utf-32-be" if data.startswith(codecs.BOM_UTF32_BE) else "utf-32-le"
    return name


def apply_fixes_to_bytes(data: bytes, text: str, encoding: str, fixes: list[Fix]) -> tuple[bytes, list[Fix], list[Fix]]:
    """Splice `fixes` (offsets into `text`, the decoded `data`) into the original bytes.

    `encoding` is what decoded the file (Document.encoding). Bytes outside the fixed spans are
    copied unchanged. A fix whose replacement the encoding cannot represent is skipped. Raises
    CannotFix when re-encoding `text` does not reproduce `data` (then splicing would be unsafe).
    """
    try:
        codec = _bare_codec(encoding, data)
        body = text.encode(codec)
    except (LookupError, UnicodeEncodeError) as exc:
        raise CannotFix(f"cannot re-encode the text as {encoding}: {exc}") from None
    if not data.endswith(body):
        raise CannotFix(f"re-encoding as {encoding} does not reproduce the file's bytes")
    prefix = len(data) - len(body)  # the BOM, if any
    encodable = []
    unencodable = []
    for fix in fixes:
        try:
            fix.replacement.encode(codec)
            encodable.append(fix)
        except UnicodeEncodeError:
            unencodable.append(fix)
    new_text, applied, skipped = apply_fixes(text, encodable)
    out = [data[:prefix]]
    char_pos, byte_pos = 0, prefix
    for fix in applied:
        byte_start = byte_pos + len(text[char_pos:fix.start].encode(codec))
        byte_end = byte_start + len(text[fix.start:fix.end].encode(codec))
        out.append(data[byte_pos:byte_start])
        out.append(fix.replacement.encode(codec))
        char_pos, byte_pos = fix.end, byte_end
    out.append(data[byte_pos:])
    result = b"".join(out)
    if result[prefix:].decode(codec) != new_text:  # stateful codecs do not splice; refuse
        raise CannotFix(f"{encoding} cannot be edited in place")
    return result, applied, skipped + unencodable


# -- translation units (PO, XLIFF) ----------------------------------------------------------------


def _po_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t")


def _xml_escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def attach_unit_fixes(findings: list[Finding], sources: dict[str, str]) -> list[Finding]:
    """TC101's safe fixes in PO and XLIFF files, made applicable: the finding's span in the file text
    (`sources`, as the units command reads them) must be exactly the forbidden form as written, and
    the replacement is escaped for the file's syntax. Whether a fix is safe is the rule's to say
    (rules.forbidden: the form as listed, the house form standing in its place); a span that holds
    escapes or entities is left without a fix (rare in names, and guessing would risk breaking the
    file).
    """
    from dataclasses import replace

    out = []
    for finding in findings:
        loc, fix = finding.location, finding.fix
        if finding.rule == "TC101" and fix is not None and fix.applicability is Applicability.SAFE:
            text = sources.get(loc.path)
            lower = loc.path.lower()
            escape = _po_escape if lower.endswith((".po", ".pot")) else _xml_escape if lower.endswith((".xlf", ".xliff")) else None
            fits = (escape is not None and text is not None and text[fix.start:fix.end] == finding.found
                    and escape(finding.found) == finding.found)
            finding = replace(finding, fix=Fix(fix.start, fix.end, escape(fix.replacement), Applicability.SAFE) if fits
                              else Fix(fix.start, fix.end, fix.replacement, Applicability.DISPLAY))
        out.append(finding)
    return out


# -- files --------------------------------------------------------------------------------------


class ChangedOnDisk(Exception):
    """The file's bytes are not the ones that were checked."""


@contextlib.contextmanager
def _sigterm_raises():
    """While writing, SIGTERM raises SystemExit so that the temporary file is cleaned up."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def terminate(signum, frame):
        raise SystemExit(128 + signum)

    previous = signal.signal(signal.SIGTERM, terminate)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _current_digest(path: str) -> str | None:
    try:
        with open(path, "rb") as handle:
            return digest(handle.read())
    except FileNotFoundError:
        return None


def atomic_write(path: str, data: bytes, mode: int | None = None, expected_digest: str | None = None) -> None:
    """Write `data` to `path` through a temporary file in the same folder (never half a file).

    The mode and owner of an existing file are kept. With `expected_digest`, the file is
    checked again just before the rename and ChangedOnDisk raised (nothing written) if its
    bytes changed since they were checked.
    """
    directory = os.path.dirname(os.path.abspath(path))
    owner = None
    try:
        info = os.stat(path)
        owner = (info.st_uid, info.st_gid)
        if mode is None:
            mode = stat.S_IMODE(info.st_mode)
    except FileNotFoundError:
        if mode is None:
            umask = os.umask(0)
            os.umask(umask)
            mode = 0o666 & ~umask
    with _sigterm_raises():
        handle, temp = tempfile.mkstemp(prefix=".termcheck-", suffix=".tmp", dir=directory)
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(data)
                out.flush()
                os.fsync(out.fileno())
            if owner is not None and hasattr(os, "chown") and owner != (os.geteuid(), os.getegid()):
                os.chown(temp, *owner)
            os.chmod(temp, mode)
            if expected_digest is not None and _current_digest(path) != expected_digest:
                raise ChangedOnDisk(path)
            os.replace(temp, path)
        except BaseException:
            try:
                os.unlink(temp)
            except OSError:
                pass
            raise


def write_in_place(path: str, data: bytes, expected_digest: str | None = None) -> None:
    """Overwrite the file's own bytes (same inode: hard links, owner and mode stay)."""
    with _sigterm_raises(), open(path, "r+b") as handle:
        if expected_digest is not None and digest(handle.read()) != expected_digest:
            raise ChangedOnDisk(path)
        handle.seek(0)
        handle.write(data)
        handle.truncate()
        handle.flush()
        os.fsync(handle.fileno())


def save(path: str, data: bytes, expected_digest: str) -> None:
    """Replace the contents of the checked file `path` as an editor saving it would (module doc).

    Raises CannotFix (read-only file) or ChangedOnDisk; OSError for the rest.
    """
    real = os.path.realpath(path)  # through symlinks: the target changes, the link stays
    info = os.stat(real)
    if not info.st_mode & 0o222 or not os.access(real, os.W_OK):
        raise CannotFix("is read-only (no write permission)")
    in_place = info.st_nlink > 1
    if not in_place and hasattr(os, "chown") and info.st_uid != os.geteuid():
        in_place = True  # a new file would belong to us, and only root may give it away
        if os.geteuid() == 0:
            in_place = False
    if in_place:
        write_in_place(real, data, expected_digest)
    else:
        atomic_write(real, data, stat.S_IMODE(info.st_mode), expected_digest)


@dataclass
class FixResult:
    fixed: list[Finding] = field(default_factory=list)  # findings whose fix was applied (or shown)
    files: list[str] = field(default_factory=list)  # files changed (or that would change)
    diff: str = ""
    problems: list[str] = field(default_factory=list)  # one line per file or fix left alone


def fix_files(
    findings: list[Finding],
    read_digests: dict[str, str],
    encodings: dict[str, str],
    unsafe: bool = False,
    diff_only: bool = False,
) -> FixResult:
    """Apply the wanted fixes of `findings` to their files (or only build a unified diff).

    `read_digests` maps a path to `digest()` of the bytes that were checked; a file whose bytes
    differ now is not touched. `encodings` maps a path to the encoding that decoded it.
    """
    from termcheck.io import decode, read_bytes

    result = FixResult()
    by_path: dict[str, list[Finding]] = {}
    for finding in findings:
        if wanted(finding.fix, unsafe):
            by_path.setdefault(finding.location.path, []).append(finding)
    for path in sorted(by_path):
        data = read_bytes(path)
        if path not in read_digests or digest(data) != read_digests[path]:
            result.problems.append(f"{path}: changed on disk since it was checked; not fixed (run termcheck again)")
            continue
        encoding = encodings.get(path, "utf-8")
        text, _ = decode(data, path, encoding)
        fixes = [f.fix for f in by_path[path]]
        try:
            new_data, applied, skipped = apply_fixes_to_bytes(data, text, encoding, fixes)
        except CannotFix as exc:
            result.problems.append(f"{path}: {exc}; not fixed")
            continue
        done = {(f.start, f.end, f.replacement) for f in applied}
        result.fixed.extend(f for f in by_path[path] if (f.fix.start, f.fix.end, f.fix.replacement) in done)
        for fix in skipped:
            if (fix.start, fix.end, fix.replacement) not in done:
                result.problems.append(f"{path}: a fix at offset {fix.start} was skipped (overlaps another fix "
                                       f"or cannot be written in {encoding})")
        if new_data == data:
            continue
        result.files.append(path)
        if diff_only:
            new_text = new_data.decode(_bare_codec(encoding, data), errors="replace").lstrip("\ufeff")
            bom = "\ufeff" if data.startswith(codecs.BOM_UTF8) else ""  # git apply matches bytes
            result.diff += unified_diff(path, bom + text, bom + new_text)
            continue
        try:
            save(path, new_data, read_digests[path])
        except ChangedOnDisk:
            result.problems.append(f"{path}: changed on disk since it was checked; not fixed (run termcheck again)")
            result.files.remove(path)
            result.fixed = [f for f in result.fixed if f.location.path != path]
        except CannotFix as exc:
            result.problems.append(f"{path}: {exc}; not fixed")
            result.files.remove(path)
            result.fixed = [f for f in result.fixed if f.location.path != path]
        except OSError as exc:
            raise InputError(f"{path}: cannot write fixes: {exc.strerror or exc}") from None
    return result


def unified_diff(path: str, old: str, new: str) -> str:
    """A `diff -u` style patch from a/path to b/path (git apply accepts it)."""
    lines = difflib.unified_diff(_lines(old), _lines(new),
                                 fromfile=f"a/{path}", tofile=f"b/{path}")
    out = []
    for line in lines:
        out.append(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n")
    return "".join(out)


def _lines(text: str) -> list[str]:
    """Lines split at \\n only (str.splitlines also splits at U+2028 and friends)."""
    return re.findall(r"[^\n]*\n|[^\n]+$", text)


def print_problems(problems: list[str]) -> None:
    for line in problems:
        print(f"termcheck: warning: {line}", file=sys.stderr)

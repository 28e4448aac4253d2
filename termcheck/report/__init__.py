"""Emitters: each turns one list of findings into one output format."""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable
from functools import lru_cache
from typing import Any

from termcheck.model import Finding


def summarize(findings: list[Finding], files: int) -> dict:
    by_severity = Counter(f.severity.value for f in findings)
    return {
        "files": files,
        "findings": len(findings),
        "errors": by_severity["error"],
        "warnings": by_severity["warning"],
        "info": by_severity["info"],
        "by_rule": dict(sorted(Counter(f.rule for f in findings).items())),
    }


@lru_cache(maxsize=4096)
def printable(path: str) -> str:
    """`path` as reports show it: relative to the working directory when the file is under it (as
    ruff does: ./../corpora/x/ar.md run in corpora/x is ar.md, an absolute path inside the project is
    project-relative), else as given, tidied (../x/ar.md); and as any UTF-8 writer takes it: bytes of
    a file name that are not UTF-8 (which os.fsdecode keeps as lone surrogates) are shown as \\xNN,
    the way Python's repr shows them."""
    path = _relative(path)
    try:
        path.encode("utf-8")
        return path
    except UnicodeEncodeError:
        return path.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def _relative(path: str) -> str:
    if not path or path == "-" or "://" in path:
        return path
    try:
        relative = os.path.relpath(path)
    except ValueError:  # another drive (Windows)
        return path
    if relative == ".." or relative.startswith(".." + os.sep):
        return path if os.path.isabs(path) else os.path.normpath(path)
    return relative


def compact_encoder() -> Callable[[Any], str]:
    """json.dumps(value, ensure_ascii=False) as one prebuilt C encoder: a report of a million
    findings calls it a million times, and JSONEncoder.encode builds a new one per call."""
    import json
    from json import encoder

    if encoder.c_make_encoder is None:  # a Python without the C accelerator
        return json.JSONEncoder(ensure_ascii=False).encode
    make = encoder.c_make_encoder(None, None, encoder.encode_basestring, None, ": ", ", ", False, False, True)
    return lambda value: "".join(make(value, 0))

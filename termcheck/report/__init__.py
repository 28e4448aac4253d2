"""Emitters: each turns one list of findings into one output format."""

from __future__ import annotations

from collections import Counter
from functools import lru_cache

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
    """`path` as any UTF-8 writer takes it: bytes of a file name that are not UTF-8 (which os.fsdecode
    keeps as lone surrogates) are shown as \\xNN, the way Python's repr shows them."""
    try:
        path.encode("utf-8")
        return path
    except UnicodeEncodeError:
        return path.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")

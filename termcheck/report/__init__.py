"""Emitters: each turns one list of findings into one output format."""

from __future__ import annotations

from collections import Counter

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

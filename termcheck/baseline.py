"""Fingerprints of findings, and baselines built from them.

A fingerprint hashes what a finding *is* (rule, file, the text found, the concept) and which
occurrence of that it is in the file, never its line or column: a baseline written today still
recognizes the same findings after paragraphs are added above them. SARIF's
partialFingerprints use the same value.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from termcheck.model import Finding, InputError, Location
from termcheck.rules.registry import rule
from termcheck.report import printable

FINGERPRINT_KEY = "termcheck/v1"
BASELINE_VERSION = 1
_SPACES = re.compile(r"\s+")


def portable_path(path: str) -> str:
    """The path relative to the working directory with forward slashes (absolute when outside)."""
    full = os.path.abspath(path)
    try:
        rel = os.path.relpath(full)
    except ValueError:
        rel = full
    if rel.startswith(".."):
        rel = full
    return rel.replace(os.sep, "/")


def _identity(finding: Finding) -> tuple[str, str, str, str]:
    found = _SPACES.sub(" ", finding.found).strip()  # re-wrapped lines keep their fingerprint
    return (finding.rule, portable_path(finding.location.path), found, finding.concept or "")


def fingerprints(findings: list[Finding]) -> list[str]:
    """One stable hash per finding, in the order given (occurrences are counted in text order)."""
    order = sorted(range(len(findings)), key=lambda i: findings[i].sort_key)
    seen: Counter = Counter()
    out = [""] * len(findings)
    for i in order:
        out[i] = _fingerprint(findings[i], seen)
    return out


def iter_fingerprints(findings: list[Finding]) -> Iterator[str]:
    """fingerprints(findings) one at a time. Findings in text order already (as reports get them)
    are hashed as they come, without the sort's keys and the list of hashes (17 MB of a SARIF
    report's 100,000 findings, issue 11); others go through fingerprints()."""
    keys = (finding.sort_key for finding in findings)
    previous = next(keys, None)
    for key in keys:
        if key < previous:
            yield from fingerprints(findings)
            return
        previous = key
    seen: Counter = Counter()
    for finding in findings:
        yield _fingerprint(finding, seen)


def _fingerprint(finding: Finding, seen: Counter) -> str:
    """The hash of a finding, the `seen`-th of its identity (counted here)."""
    identity = _identity(finding)
    occurrence = seen[identity]
    seen[identity] += 1
    raw = "\x1f".join((*identity, str(occurrence)))
    return hashlib.sha256(raw.encode("utf-8", "surrogateescape")).hexdigest()[:32]


@dataclass(frozen=True)
class BaselineEntry:
    fingerprint: str
    rule: str
    path: str
    found: str
    line: int  # line of this entry in the baseline file, for TC901 reports


def render_baseline(findings: list[Finding]) -> str:
    """The baseline JSON: one entry per line, so entries can be reported by line and diffed."""
    entries = []
    for finding, fingerprint in sorted(zip(findings, fingerprints(findings)), key=lambda p: p[0].sort_key):
        entry = {
            "fingerprint": fingerprint,
            "rule": finding.rule,
            "path": printable(portable_path(finding.location.path)),
            "found": finding.found,
            "concept": finding.concept,
            "line": finding.location.line,  # informative only: not used for matching
        }
        entries.append(json.dumps(entry, ensure_ascii=False, sort_keys=True))
    body = ",\n    ".join(entries)
    inner = f"\n    {body}\n  " if entries else ""
    return f'{{\n  "version": {BASELINE_VERSION},\n  "tool": "termcheck",\n  "findings": [{inner}]\n}}\n'


def write_baseline(path: str, findings: list[Finding]) -> None:
    from termcheck.fix import atomic_write

    try:
        atomic_write(path, render_baseline(findings).encode("utf-8"))
    except OSError as exc:
        raise InputError(f"{path}: cannot write baseline: {exc.strerror or exc}") from None


_JSON_TOKENS = re.compile(r'"(?:[^"\\]|\\.)*"|[\[\]{}]|-?\d+')


def _check_json_limits(path: str, text: str) -> None:
    """Refuse nesting past --max-depth and numbers past --max-digits before json.loads sees them
    (it would recurse, or build a 5,000-digit int, and fail with a traceback)."""
    from termcheck.limits import LIMITS, too_large

    depth = 0
    for token in _JSON_TOKENS.finditer(text):
        value = token.group()
        problem = None
        if value in "[{":
            depth += 1
            if depth > LIMITS.depth:
                problem = ("JSON values nested too deep", "depth", "levels")
        elif value in "]}":
            depth -= 1
        elif value[-1].isdigit() and len(value.lstrip("-")) > LIMITS.digits:
            problem = (f"number too long ({len(value.lstrip('-')):,} digits)", "digits", "digits")
        if problem:
            line = text.count("\n", 0, token.start()) + 1
            column = token.start() - (text.rfind("\n", 0, token.start()) + 1) + 1
            raise too_large(f"{path}:{line}:{column}", *problem)


def read_baseline(path: str) -> list[BaselineEntry]:
    from termcheck.io import read_bytes

    if not os.path.lexists(path):
        raise InputError(f"{path}: no such baseline file (create one with --write-baseline)")
    try:
        text = read_bytes(path).decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: cannot read baseline: {exc}") from None
    _check_json_limits(path, text)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"{path}:{exc.lineno}:{exc.colno}: not a termcheck baseline: {exc.msg}") from None
    except (RecursionError, ValueError) as exc:
        raise InputError(f"{path}:1:1: not a termcheck baseline: {exc}") from None
    if not isinstance(data, dict) or not isinstance(data.get("findings"), list):
        raise InputError(f"{path}:1: not a termcheck baseline: expected an object with a 'findings' list")
    if data.get("version") != BASELINE_VERSION:
        raise InputError(f"{path}:1: unsupported baseline version {data.get('version')!r}; rewrite it with --write-baseline")
    entries = []
    for item in data["findings"]:
        if not isinstance(item, dict) or not isinstance(item.get("fingerprint"), str):
            raise InputError(f"{path}:1: not a termcheck baseline: an entry has no 'fingerprint'")
        at = text.find(item["fingerprint"])
        line = text.count("\n", 0, at) + 1 if at >= 0 else 1
        entries.append(BaselineEntry(item["fingerprint"], str(item.get("rule", "")), str(item.get("path", "")),
                                     str(item.get("found", "")), line))
    return entries


def apply_baseline(findings: list[Finding], entries: list[BaselineEntry]) -> tuple[list[Finding], list[BaselineEntry]]:
    """(findings not in the baseline, baseline entries that matched nothing)."""
    known = {e.fingerprint for e in entries}
    used: set[str] = set()
    kept = []
    for finding, fingerprint in zip(findings, fingerprints(findings)):
        if fingerprint in known:
            used.add(fingerprint)
        else:
            kept.append(finding)
    return kept, [e for e in entries if e.fingerprint not in used]


def unused_baseline_findings(path: str, unused: list[BaselineEntry]) -> list[Finding]:
    """TC901 for every baseline entry that silenced nothing, located at its line in the baseline."""
    tc901 = rule("TC901")
    out = []
    for entry in unused:
        location = Location(path, 0, 0, entry.line, 1, entry.line, 1)
        out.append(Finding(
            rule=tc901.code,
            severity=tc901.severity,
            location=location,
            found=entry.fingerprint,
            message=f"baseline entry {entry.rule} '{entry.found}' in {entry.path} matches no current finding; "
                    f"rewrite the baseline with --write-baseline",
        ))
    return out

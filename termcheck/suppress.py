"""Inline suppressions: comments in the checked files that silence chosen findings.

Markdown, HTML (and plain text):
  <!-- termcheck: ignore TC101 -->       the next paragraph (Markdown, text) or next line (HTML)
  <!-- termcheck: ignore-file TC104 -->  the whole file
PO translator comments (`# termcheck: ignore TC101`) and XLIFF notes (`termcheck: ignore TC101`)
arrive as a Unit's notes and cover that unit. Codes may be prefixes (TC1); no code means all.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from termcheck.model import Document, Finding, Location
from termcheck.rules.registry import rule
from termcheck.text.markup import kind_of

_COMMENT = re.compile(r"<!--\s*termcheck:\s*(ignore-file|ignore)\b(.*?)-->", re.S | re.I)
_NOTE = re.compile(r"termcheck:\s*(ignore-file|ignore)\b([^\n]*)", re.I)
_CODE = re.compile(r"^TC\d{0,3}$", re.I)
_BLANK_LINE = re.compile(r"\n[ \t\r]*\n")


@dataclass(frozen=True)
class Suppression:
    """One suppression comment and what it covers.

    Findings are covered by character span [start, end) of the document, or, for units (whose
    findings carry lines, not reliable offsets), by the line range [first_line, last_line].
    """

    path: str
    codes: tuple[str, ...]  # upper-case codes or prefixes; empty = every rule
    location: Location  # the comment itself (reported by --report-unused)
    scope: str  # 'next' | 'file' | 'unit'
    start: int = 0
    end: int = 0
    first_line: int = 0
    last_line: int = 0

    def silences(self, finding: Finding) -> bool:
        if finding.location.path != self.path:
            return False
        if self.codes and not any(finding.rule.startswith(code) for code in self.codes):
            return False
        if self.scope == "file":
            return True
        loc = finding.location
        if self.scope == "unit":
            return self.first_line <= loc.line <= self.last_line
        return self.start <= loc.start < self.end or (loc.start == loc.end == self.start)


def parse_codes(text: str) -> tuple[str, ...] | None:
    """'TC101, TC2' -> ('TC101', 'TC2'); None when something is not a code (then it is prose)."""
    words = [w for w in re.split(r"[\s,]+", text.strip()) if w]
    if not all(_CODE.match(w) for w in words):
        return None
    return tuple(w.upper() for w in words)


def document_suppressions(doc: Document) -> list[Suppression]:
    """Every `<!-- termcheck: ignore[-file] CODES -->` comment of a document."""
    if "termcheck" not in doc.text:
        return []
    html = kind_of(doc.path) == "html"
    out = []
    for comment in _COMMENT.finditer(doc.text):
        codes = parse_codes(comment.group(2))
        if codes is None:
            continue
        location = doc.location(comment.start(), comment.end())
        if comment.group(1).lower() == "ignore-file":
            out.append(Suppression(doc.path, codes, location, "file", 0, len(doc.text)))
            continue
        start, end = _next_block(doc.text, comment.end(), html)
        out.append(Suppression(doc.path, codes, location, "next", start, end))
    return out


def _next_block(text: str, after: int, line_only: bool) -> tuple[int, int]:
    """The span of the next non-blank line (HTML) or paragraph (Markdown, text) after `after`.

    A comment followed by text on its own line covers the rest of that paragraph or line.
    """
    start = after
    while start < len(text) and text[start] in " \t\r\n":
        start += 1
    if line_only:
        end = text.find("\n", start)
    else:
        blank = _BLANK_LINE.search(text, start)
        end = blank.start() if blank else -1
    return start, (len(text) if end == -1 else end)


def unit_suppressions(units: Iterable) -> list[Suppression]:
    """Suppressions from the notes of translation units (formats.units.Unit).

    A unit's findings are located on its source or target lines, so a suppression covers the
    unit's first line up to the line before the next unit of the same file.
    """
    units = list(units)
    all_starts = _unit_starts(units)
    out = []
    for unit in sorted((u for u in units if u.notes), key=lambda u: (u.path, _first_line(u))):
        first = _first_line(unit)
        later = [s for s in all_starts.get(unit.path, []) if s > max(first, unit.line)]
        last = (min(later) - 1) if later else 10**9
        for note in unit.notes:
            for found in _NOTE.finditer(note):
                codes = parse_codes(found.group(2))
                if codes is None:
                    continue
                location = Location(unit.path, 0, 0, first, 1, first, 1)
                out.append(Suppression(unit.path, codes, location, "unit", first_line=first, last_line=max(last, unit.line)))
    return out


def _first_line(unit) -> int:
    lines = [n for n in (unit.source_line, unit.line) if n]
    return min(lines) if lines else 0


def _unit_starts(units) -> dict[str, list[int]]:
    out: dict[str, list[int]] = {}
    for unit in units:
        out.setdefault(unit.path, []).append(_first_line(unit))
    return out


def filter_suppressed(findings: list[Finding], suppressions: list[Suppression]) -> tuple[list[Finding], list[Suppression]]:
    """(findings no suppression silences, suppressions that silenced nothing)."""
    if not suppressions:
        return findings, []
    by_path: dict[str, list[Suppression]] = {}
    for s in suppressions:
        by_path.setdefault(s.path, []).append(s)
    used: set[int] = set()
    kept = []
    for finding in findings:
        hit = [s for s in by_path.get(finding.location.path, ()) if s.silences(finding)]
        if hit:
            used.update(id(s) for s in hit)
        else:
            kept.append(finding)
    return kept, [s for s in suppressions if id(s) not in used]


def unused_suppression_findings(unused: list[Suppression]) -> list[Finding]:
    """TC901 for each suppression that silenced nothing."""
    tc901 = rule("TC901")
    out = []
    for s in unused:
        what = ", ".join(s.codes) if s.codes else "all rules"
        scope = {"file": "in this file", "unit": "in this unit"}.get(s.scope, "in the next paragraph")
        out.append(Finding(
            rule=tc901.code,
            severity=tc901.severity,
            location=s.location,
            found="termcheck: ignore" + ("-file" if s.scope == "file" else "") + (" " + " ".join(s.codes) if s.codes else ""),
            message=f"this suppression ({what}) silences nothing {scope}; remove it",
        ))
    return out

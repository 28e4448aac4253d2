"""--format json: the stable machine contract (later versions add keys, never remove them)."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from typing import Any

from termcheck import __version__
from termcheck.model import Applicability, Finding, Severity, TextIndex
from termcheck.report import compact_encoder, printable, summarize


def fix_span(finding: Finding, index: TextIndex | Callable[[], TextIndex | None] | None = None) -> dict[str, int] | None:
    """The 1-based line/column span (end exclusive, like SARIF's deletedRegion) the fix replaces.

    From the finding's own span and `found` text when the fix lies inside it (every fix the rules
    make, like TC103's 'A' -> 'a'); else from the document's TextIndex (or a function that builds
    it: a million-line index is built only when some fix needs it).
    """
    fix, loc = finding.fix, finding.location
    if fix is None:
        return None
    if loc.start <= fix.start <= fix.end <= loc.end and len(finding.found) == loc.end - loc.start:
        line, column = _walk(loc.line, loc.column, finding.found[: fix.start - loc.start])
        end_line, end_column = _walk(line, column, finding.found[fix.start - loc.start: fix.end - loc.start])
    else:
        if callable(index):
            index = index()
        if index is None:
            return None
        line, column = index.line_col(fix.start)
        end_line, end_column = index.line_col(fix.end)
    return {"line": line, "column": column, "end_line": end_line, "end_column": end_column}


def _walk(line: int, column: int, text: str) -> tuple[int, int]:
    breaks = text.count("\n")
    if not breaks:
        return line, column + len(text)
    return line + breaks, len(text) - text.rfind("\n")


def finding_dict(finding: Finding, index: TextIndex | Callable[[], TextIndex | None] | None = None) -> dict[str, Any]:
    """Finding.to_dict, with the fix's span: a consumer can apply `replacement` without guessing
    which part of the finding it replaces."""
    data = finding.to_dict()
    data["path"] = printable(data["path"])
    if "source_path" in data:
        data["source_path"] = printable(data["source_path"])
    span = fix_span(finding, index)
    if span is not None and isinstance(data.get("fix"), dict):
        data["fix"] = {**data["fix"], **span}
    return data


def _plain_finding_dict(finding: Finding, index) -> dict[str, Any]:
    """finding_dict of a finding without source, suggestion or extra keys (nearly all lint's), in
    one dict display: the same keys in the same order, at a third less time a finding."""
    loc = finding.location
    data = {"rule": finding.rule, "severity": _VALUES[finding.severity], "path": printable(loc.path),
            "line": loc.line, "column": loc.column, "end_line": loc.end_line, "end_column": loc.end_column,
            "found": finding.found, "expected": finding.expected, "concept": finding.concept,
            "message": finding.message}
    fix = finding.fix
    if fix is not None:
        data["fix"] = {"replacement": fix.replacement, "applicability": _VALUES[fix.applicability]}
        span = fix_span(finding, index)
        if span is not None:
            data["fix"].update(span)
    return data


_VALUES = {**{s: s.value for s in Severity}, **{a: a.value for a in Applicability}}
_ENCODE = compact_encoder()  # the C encoder, built once (indent= would be pure Python)


def stream(findings: list[Finding], files: int, extra: dict[str, Any] | None = None,
           sources: dict[str, str] | None = None) -> Iterator[str]:
    """The JSON document in pieces, one finding per piece (and per line): written as it is made, so
    a million findings never stand in memory as one string. `sources` (path -> text) locate fixes
    exactly; without them fixes are located from the finding. The document is one JSON value,
    the same as json.dumps(..., indent=2) would give, except that each finding sits on one line."""
    texts, indexes = sources or {}, {}

    def index_of(path: str) -> TextIndex | None:
        if path not in indexes:
            indexes[path] = TextIndex(texts[path]) if path in texts else None
        return indexes[path]
    data: dict[str, Any] = {"version": __version__, "findings": [], "summary": summarize(findings, files)}
    if extra:
        data.update(extra)
    head, tail = json.dumps(data, ensure_ascii=False, indent=2).split('"findings": []', 1)
    if not findings:
        yield head + '"findings": []' + tail + "\n"
        return
    separator = '"findings": [\n    '
    for finding in findings:
        path = finding.location.path
        plain = (finding.source is None and finding.suggestion is None and not finding.extra
                 and type(finding.severity) is Severity
                 and (finding.fix is None or type(finding.fix.applicability) is Applicability))
        data = (_plain_finding_dict if plain else finding_dict)(finding, lambda: index_of(path))
        yield head + separator + _ENCODE(data)
        head, separator = "", ",\n    "
    yield "\n  ]" + tail + "\n"


def render(findings: list[Finding], files: int, extra: dict[str, Any] | None = None,
           sources: dict[str, str] | None = None) -> str:
    return "".join(stream(findings, files, extra, sources))

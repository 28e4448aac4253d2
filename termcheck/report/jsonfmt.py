"""--format json: the stable machine contract (later versions add keys, never remove them)."""

from __future__ import annotations

import json
from typing import Any

from termcheck import __version__
from termcheck.model import Finding, TextIndex
from termcheck.report import summarize


def fix_span(finding: Finding, index: TextIndex | None = None) -> dict[str, int] | None:
    """The 1-based line/column span (end exclusive, like SARIF's deletedRegion) the fix replaces.

    From the document's TextIndex when given; else from the finding's own span and `found` text,
    which holds every fix the rules make (a fix inside the span, like TC103's 'A' -> 'a').
    """
    fix, loc = finding.fix, finding.location
    if fix is None:
        return None
    if index is not None:
        line, column = index.line_col(fix.start)
        end_line, end_column = index.line_col(fix.end)
    elif loc.start <= fix.start <= fix.end <= loc.end and len(finding.found) == loc.end - loc.start:
        line, column = _walk(loc.line, loc.column, finding.found[: fix.start - loc.start])
        end_line, end_column = _walk(line, column, finding.found[fix.start - loc.start: fix.end - loc.start])
    else:
        return None
    return {"line": line, "column": column, "end_line": end_line, "end_column": end_column}


def _walk(line: int, column: int, text: str) -> tuple[int, int]:
    breaks = text.count("\n")
    if not breaks:
        return line, column + len(text)
    return line + breaks, len(text) - text.rfind("\n")


def finding_dict(finding: Finding, index: TextIndex | None = None) -> dict[str, Any]:
    """Finding.to_dict, with the fix's span: a consumer can apply `replacement` without guessing
    which part of the finding it replaces."""
    data = finding.to_dict()
    span = fix_span(finding, index)
    if span is not None and isinstance(data.get("fix"), dict):
        data["fix"] = {**data["fix"], **span}
    return data


def render(findings: list[Finding], files: int, extra: dict[str, Any] | None = None,
           sources: dict[str, str] | None = None) -> str:
    """`sources` (path -> text) locate fixes exactly; without them fixes are located from the finding."""
    fixed_paths = {f.location.path for f in findings if f.fix is not None}
    indexes = {path: TextIndex(text) for path, text in (sources or {}).items() if path in fixed_paths}
    findings_json = [json.dumps(finding_dict(f, indexes.get(f.location.path)), ensure_ascii=False) for f in findings]
    data: dict[str, Any] = {"version": __version__, "findings": [], "summary": summarize(findings, files)}
    if extra:
        data.update(extra)
    # One finding per line, each through json's C encoder: indent=2 falls back to the pure-Python
    # encoder, which took 4 s for 20,000 findings. The document is the same JSON value.
    head = json.dumps(data, ensure_ascii=False, indent=2)
    marker = '"findings": []'
    if findings_json:
        head = head.replace(marker, '"findings": [\n    ' + ",\n    ".join(findings_json) + "\n  ]", 1)
    return head + "\n"

"""--format json: the stable machine contract (later versions add keys, never remove them)."""

from __future__ import annotations

import json
from json.encoder import encode_basestring as _quote  # the C escaper the compact encoder uses
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


_VALUES = {**{s: s.value for s in Severity}, **{a: a.value for a in Applicability}}
_QUOTED = {key: _quote(value) for key, value in _VALUES.items()}


def _plain_finding_json(finding: Finding, index) -> str:
    """_ENCODE(finding_dict(finding, index)) of a finding without source, suggestion or extra keys
    (nearly all lint's), written directly: the same characters (the encoder's own string escaping,
    its ", " and ": " separators, the keys in the same order) at a third of the time a finding
    (24,750 findings of the bench tree: 0.13 -> 0.09 s, in the serial tail of a run)."""
    loc = finding.location
    fix = finding.fix
    if fix is None:
        tail = "}"
    else:
        found = finding.found
        if fix.start == loc.start and fix.end == loc.end and len(found) == loc.end - loc.start \
                and "\n" not in found:  # fix_span of a fix of the whole one-line finding (TC101's)
            span = {"line": loc.line, "column": loc.column, "end_line": loc.line, "end_column": loc.column + len(found)}
        else:
            span = fix_span(finding, index)
        tail = (', "fix": {"replacement": ' + _json_value(fix.replacement) + ', "applicability": '
                + _QUOTED[fix.applicability])
        if span is not None:
            tail += (f', "line": {span["line"]}, "column": {span["column"]}, '
                     f'"end_line": {span["end_line"]}, "end_column": {span["end_column"]}')
        tail += "}}"
    rule, found, message = finding.rule, finding.found, finding.message
    return (f'{{"rule": {_quote(rule) if type(rule) is str else _json_value(rule)}, '
            f'"severity": {_QUOTED[finding.severity]}, '
            f'"path": {_quote(printable(loc.path))}, "line": {int(loc.line)}, "column": {int(loc.column)}, '
            f'"end_line": {int(loc.end_line)}, "end_column": {int(loc.end_column)}, '
            f'"found": {_quote(found) if type(found) is str else _json_value(found)}, '
            f'"expected": {_json_value(finding.expected)}, "concept": {_json_value(finding.concept)}, '
            f'"message": {_quote(message) if type(message) is str else _json_value(message)}{tail}')


def _json_value(value) -> str:
    """A str or None as the compact encoder writes it (anything else through the encoder itself)."""
    if type(value) is str:
        return _quote(value)
    return "null" if value is None else _ENCODE(value)


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
        if (finding.source is None and finding.suggestion is None and not finding.extra
                and type(finding.severity) is Severity
                and (finding.fix is None or type(finding.fix.applicability) is Applicability)):
            line = _plain_finding_json(finding, lambda: index_of(path))
        else:
            line = _ENCODE(finding_dict(finding, lambda: index_of(path)))
        yield head + separator + line
        head, separator = "", ",\n    "
    yield "\n  ]" + tail + "\n"


def render(findings: list[Finding], files: int, extra: dict[str, Any] | None = None,
           sources: dict[str, str] | None = None) -> str:
    return "".join(stream(findings, files, extra, sources))

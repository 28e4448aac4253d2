"""--format sarif: SARIF 2.1.0 for GitHub code scanning and other CI viewers.

Columns are Unicode code points (`columnKind: unicodeCodePoints`), 1-based, end exclusive;
artifact URIs are relative to %SRCROOT% (the working directory) with forward slashes.
partialFingerprints reuse the baseline fingerprints, which ignore line numbers.
"""

from __future__ import annotations

import json
import urllib.parse
from collections.abc import Iterator
from typing import Any

from termcheck import __version__
from termcheck.baseline import iter_fingerprints, portable_path
from termcheck.model import Finding, Location, Severity
from termcheck.report import compact_encoder
from termcheck.rules.registry import RULES, Rule

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def _uri(path: str) -> tuple[str, str | None]:
    """(uri, uriBaseId): relative to %SRCROOT% when inside the working directory, else a file URI."""
    portable = portable_path(path).encode("utf-8", "surrogateescape")  # a URI carries a name's exact bytes
    if portable.startswith(b"/"):
        return "file://" + urllib.parse.quote(portable), None
    return urllib.parse.quote(portable), "%SRCROOT%"


def _artifact(path: str) -> dict[str, Any]:
    uri, base = _uri(path)
    return {"uri": uri, "uriBaseId": base} if base else {"uri": uri}


def _region(loc: Location, snippet: str | None = None) -> dict[str, Any]:
    region: dict[str, Any] = {}
    if loc.line:
        region = {"startLine": loc.line, "startColumn": loc.column, "endLine": loc.end_line, "endColumn": loc.end_column}
    if snippet:
        region["snippet"] = {"text": snippet}
    return region


def _physical(loc: Location, snippet: str | None = None) -> dict[str, Any]:
    physical: dict[str, Any] = {"artifactLocation": _artifact(loc.path)}
    region = _region(loc, snippet)
    if region:
        physical["region"] = region
    return physical


def _rule_descriptor(r: Rule) -> dict[str, Any]:
    return {
        "id": r.code,
        "name": r.name,
        "shortDescription": {"text": r.what},
        "fullDescription": {"text": f"{r.what} {r.why}"},
        "help": {
            "text": f"{r.what}\nWhy: {r.why}\nExample: {r.example}",
            "markdown": f"**{r.code} {r.name}**: {r.what}\n\n*Why:* {r.why}\n\n*Example:* `{r.example}`",
        },
        "defaultConfiguration": {"level": LEVELS[r.severity]},
        "properties": {"tags": [r.name]},
    }


def _fix(finding: Finding) -> dict[str, Any] | None:
    fix = finding.fix
    if fix is None:
        return None
    loc = finding.location
    if (fix.start, fix.end) == (loc.start, loc.end) and loc.line:
        deleted = {"startLine": loc.line, "startColumn": loc.column, "endLine": loc.end_line, "endColumn": loc.end_column}
    else:
        deleted = {"charOffset": fix.start, "charLength": fix.end - fix.start}
    return {
        "description": {"text": f"Replace with '{fix.replacement}' ({fix.applicability.value})"},
        "artifactChanges": [{
            "artifactLocation": _artifact(loc.path),
            "replacements": [{"deletedRegion": deleted, "insertedContent": {"text": fix.replacement}}],
        }],
    }


def _result(finding: Finding, fingerprint: str, index: dict[str, int]) -> dict[str, Any]:
    result: dict[str, Any] = {
        "ruleId": finding.rule,
        "level": LEVELS[finding.severity],
        "message": {"text": finding.message},
        "locations": [{"physicalLocation": _physical(finding.location, finding.found)}],
        "partialFingerprints": {"termcheck/v1": fingerprint},
    }
    if finding.rule in index:
        result["ruleIndex"] = index[finding.rule]
    if finding.source is not None:
        result["relatedLocations"] = [{
            "id": 1,
            "physicalLocation": _physical(finding.source, finding.source_text),
            "message": {"text": "source text" + (f": {finding.source_text}" if finding.source_text else "")},
        }]
    properties = {k: v for k, v in (("expected", finding.expected), ("concept", finding.concept),
                                    ("suggestion", finding.suggestion)) if v is not None}
    if properties:
        result["properties"] = properties
    fix = _fix(finding)
    if fix is not None:
        result["fixes"] = [fix]
    return result


_ENCODE = compact_encoder()  # the C encoder, built once (indent= would be pure Python)


def stream(findings: list[Finding], files: int = 0, all_rules: bool = False) -> Iterator[str]:
    """One SARIF log with one run, in pieces: the log around the results, then one result per line.
    Rules listed: those used (or every rule with all_rules)."""
    used = sorted({f.rule for f in findings})
    codes = sorted(RULES) if all_rules else [c for c in used if c in RULES]
    index = {code: i for i, code in enumerate(codes)}
    log = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "termcheck",
                "version": __version__,
                "semanticVersion": __version__,
                "rules": [_rule_descriptor(RULES[c]) for c in codes],
            }},
            "columnKind": "unicodeCodePoints",
            "results": [],
        }],
    }
    head, tail = json.dumps(log, ensure_ascii=False, indent=2).rsplit('"results": []', 1)
    if not findings:
        yield head + '"results": []' + tail + "\n"
        return
    separator = '"results": [\n        '
    for finding, fingerprint in zip(findings, iter_fingerprints(findings)):
        yield head + separator + _ENCODE(_result(finding, fingerprint, index))
        head, separator = "", ",\n        "
    yield "\n      ]" + tail + "\n"


def render(findings: list[Finding], files: int = 0, all_rules: bool = False) -> str:
    return "".join(stream(findings, files, all_rules))

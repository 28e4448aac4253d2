"""Text for people: `path:line:col: CODE message`, the line with the span marked, a summary."""

from __future__ import annotations

import unicodedata

from termcheck.model import Finding
from termcheck.report import summarize

_COLOURS = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[36m"}
_BOLD, _RESET = "\033[1m", "\033[0m"


def _width(text: str) -> int:
    """Display width: combining marks take no column, wide East Asian characters two."""
    width = 0
    for ch in text:
        if unicodedata.combining(ch) or unicodedata.category(ch) == "Cf":
            continue
        width += 2 if unicodedata.east_asian_width(ch) in "WF" else 1
    return width


_CONTEXT = 40  # characters shown on each side of a span in a long line
_MAX_SPAN = 200  # characters of a span shown at most
# Characters that move a terminal's cursor or break its line (str.splitlines splits at them, Location
# lines do not): shown as one space each, so columns stay where the Location says.
_SHOWN_AS_SPACE = {ord(c): " " for c in "\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029\t"}


def _excerpt(finding: Finding, lines: list[str] | None) -> list[str]:
    """The finding's line with the span underlined; long lines are cut to a window around it."""
    loc = finding.location
    if not lines or not 0 < loc.line <= len(lines):
        return []
    line = lines[loc.line - 1]
    length = len(line) - line.endswith("\r")  # no copy: lines may be megabytes long
    start = loc.column - 1
    end = loc.end_column - 1 if loc.end_line == loc.line else length
    end = min(end, start + _MAX_SPAN)
    left = max(0, start - _CONTEXT)
    right = min(length, max(end, start + 1) + _CONTEXT)
    prefix = "…" if left > 0 else ""
    suffix = "…" if right < length else ""
    window = line[left:right].translate(_SHOWN_AS_SPACE)
    shown = prefix + window + suffix
    offset = len(prefix) + start - left
    marker = " " * _width(shown[:offset]) + "^" * max(1, _width(window[start - left:end - left]))
    return [f"    {shown}", f"    {marker}"]


def render(findings: list[Finding], files: int, sources: dict[str, str], colour: bool = False) -> str:
    """`sources` maps a path to its text, for the excerpt lines."""
    # Lines exactly as Location counts them (TextIndex: at \n only), not str.splitlines
    shown = {f.location.path for f in findings}
    split = {path: text.split("\n") for path, text in sources.items() if path in shown}
    out: list[str] = []
    for f in findings:
        loc = f.location
        code = f.rule
        if colour:
            code = f"{_BOLD}{_COLOURS[f.severity.value]}{code}{_RESET}"
        head = f"{loc.path}:{loc.line}:{loc.column}: {code} [{f.severity.value}] {f.message}"
        out.append(head)
        if f.source is not None:
            out.append(f"    source {f.source.path}:{f.source.line}:{f.source.column}: {f.source_text}")
        if f.suggestion:
            out.append(f"    suggestion: {f.suggestion}")
        out.extend(_excerpt(f, split.get(loc.path)))
    s = summarize(findings, files)
    if s["findings"]:
        rules = ", ".join(f"{code} ×{n}" for code, n in s["by_rule"].items())
        out.append(
            f"Found {s['findings']} finding(s) in {files} file(s): {s['errors']} error(s), "
            f"{s['warnings']} warning(s), {s['info']} info ({rules})."
        )
    else:
        out.append(f"All clear: no findings in {files} file(s).")
    return "\n".join(out) + "\n"

"""Text for people: `path:line:col: CODE message`, the line with the span marked, a summary."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator

from termcheck.model import Finding, Location, TextIndex
from termcheck.report import printable, summarize

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


class _Lines:
    """The line of a finding in one source text, without splitting the text into lines (a copy of
    every line of a megabyte file per report): a Location's start and column give the line's start;
    a line index is built only for findings whose offsets do not fit the text."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._index: TextIndex | None = None

    def line_start(self, loc: Location) -> int | None:
        text = self.text
        start = loc.start - (loc.column - 1)
        if start == 0 and loc.line == 1 or 0 < start <= len(text) and loc.line > 1 and text[start - 1] == "\n":
            return start  # (offsets 0, 0 with a later line: a place known by its line only)
        if self._index is None:
            self._index = TextIndex(text)
        if not 0 < loc.line <= self._index.line_count:
            return None
        return self._index.line_start(loc.line)


def _excerpt(finding: Finding, lines: _Lines | None) -> list[str]:
    """The finding's line with the span underlined; long lines are cut to a window around it."""
    loc = finding.location
    if lines is None or loc.line <= 0:
        return []
    line_start = lines.line_start(loc)
    if line_start is None:
        return []
    text = lines.text
    start = loc.column - 1
    end = loc.end_column - 1 if loc.end_line == loc.line else None
    # Only the window is looked at: the line's end is searched no further than the window needs.
    # (+2: one more than the window shows, and one to see whether it is the \r of a \r\n)
    reach = max(end if end is not None else start + _MAX_SPAN, start + 1) + _CONTEXT + 2
    stop = min(len(text), line_start + reach)
    newline = text.find("\n", line_start + start, stop)
    line_end = newline if newline != -1 else stop
    length = line_end - line_start
    if newline != -1 or stop == len(text):  # the whole rest of the line is in sight
        length -= text.endswith("\r", line_start, line_end)
        more = False
    else:
        more = True
    if end is None:
        end = length
    end = min(end, start + _MAX_SPAN, length)
    left = max(0, start - _CONTEXT)
    right = min(length, max(end, start + 1) + _CONTEXT)
    prefix = "…" if left > 0 else ""
    suffix = "…" if right < length or more else ""
    window = text[line_start + left: line_start + right].translate(_SHOWN_AS_SPACE)
    shown = prefix + window + suffix
    offset = len(prefix) + start - left
    marker = " " * _width(shown[:offset]) + "^" * max(1, _width(window[start - left:end - left]))
    return [f"    {shown}", f"    {marker}"]


def stream(findings: list[Finding], files: int, sources: dict[str, str], colour: bool = False) -> Iterator[str]:
    """The report in pieces, one per finding: written as it is made, never held whole.
    `sources` maps a path to its text, for the excerpt lines."""
    lines = {path: _Lines(text) for path, text in sources.items()}
    for f in findings:
        loc = f.location
        code = f.rule
        if colour:
            code = f"{_BOLD}{_COLOURS[f.severity.value]}{code}{_RESET}"
        out = [f"{printable(loc.path)}:{loc.line}:{loc.column}: {code} [{f.severity.value}] {f.message}"]
        if f.source is not None:
            out.append(f"    source {printable(f.source.path)}:{f.source.line}:{f.source.column}: {f.source_text}")
        if f.suggestion:
            out.append(f"    suggestion: {f.suggestion}")
        out.extend(_excerpt(f, lines.get(loc.path)))
        yield "\n".join(out) + "\n"
    s = summarize(findings, files)
    if s["findings"]:
        rules = ", ".join(f"{code} ×{n}" for code, n in s["by_rule"].items())
        yield (f"Found {s['findings']} finding(s) in {files} file(s): {s['errors']} error(s), "
               f"{s['warnings']} warning(s), {s['info']} info ({rules}).\n")
    else:
        yield f"All clear: no findings in {files} file(s).\n"


def render(findings: list[Finding], files: int, sources: dict[str, str], colour: bool = False) -> str:
    return "".join(stream(findings, files, sources, colour))

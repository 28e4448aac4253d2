"""--format html: one self-contained review page for a translator.

`render_html(ReportData) -> str` is a pure function of plain data: columns of original text,
rows of [start, end) spans into them (one row per bead, paragraph or unit), and the findings.
Every finding is highlighted in place with a <mark> (in both columns when it has a source
location); crossing highlights are split into a head part and continuation parts so the markup
always nests. All input text goes through html.escape; the page loads nothing from anywhere.

Builders at the bottom turn a check result, lint findings or localization units into ReportData.
"""

from __future__ import annotations

import hashlib
import html
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from termcheck.model import Finding, Severity
from termcheck.report.html_assets import CSS, JS

LOW_CONFIDENCE = 0.5  # rows whose bead confidence is below this are marked for a second look
_LANG_NAMES = {"ar": "Arabic", "en": "English"}
_RTL_LANGS = frozenset({"ar", "fa", "he", "ur", "ps", "ckb", "yi"})
_SIGNATURE_ORDER = ("termcheck", "glossary", "rules", "align", "level", "mt")


@dataclass(frozen=True)
class Column:
    """One document shown as a column: its path, language and ORIGINAL text."""

    path: str
    lang: str
    text: str
    label: str = ""  # e.g. 'Source' / 'Target'


@dataclass
class Row:
    """One row of the page: per column the span [start, end) of that column's text, None = gap."""

    spans: list[tuple[int, int] | None]
    confidence: float | None = None
    kind: str = ""  # 'heading' renders bold
    paragraph_start: bool = False  # draw a stronger rule above the row
    label: str = ""  # gutter label; the row number when empty
    findings: tuple[int, ...] = ()  # units layout: findings listed in the row even without a highlight
    skipped: int = 0  # kind 'skip': this many units without findings are left out here
    # kind 'file': a units table's heading row naming the file (label) of the rows below it


@dataclass(frozen=True)
class Highlight:
    """Finding number `finding` (index into ReportData.findings) marks column `column`'s text[start:end]."""

    finding: int
    column: int
    start: int
    end: int
    side: str = "location"  # the finding's own location; 'source' for the source span of a cross-language finding


@dataclass
class ReportData:
    title: str
    columns: list[Column]
    rows: list[Row]
    findings: list[Finding]
    meta: dict[str, Any] = field(default_factory=dict)
    layout: str = "aligned"  # 'aligned' (side by side), 'stacked' (one table per column), 'units'
    highlights: list[Highlight] | None = None  # None: derived from the findings' paths


# -- signatures -------------------------------------------------------------------------------


def make_signature(parts: dict[str, Any]) -> str:
    """sacrebleu-style `key:value|key:value` in a fixed order; None values are left out."""
    keys = [k for k in _SIGNATURE_ORDER if k in parts] + sorted(k for k in parts if k not in _SIGNATURE_ORDER)
    return "|".join(f"{k}:{parts[k]}" for k in keys if parts[k] is not None)


def file_digest(path: str) -> str | None:
    """First 8 hex digits of the file's SHA-1, or None when it cannot be read."""
    try:
        with open(path, "rb") as handle:
            return hashlib.sha1(handle.read()).hexdigest()[:8]
    except OSError:
        return None


def rules_setting(select: Iterable[str] | None, ignore: Iterable[str] | None) -> str:
    chosen = ",".join(select) if select else "all"
    dropped = ",".join(f"-{code}" for code in ignore or ())
    return f"{chosen},{dropped}" if dropped else chosen


def report_meta(files: list[str], glossary_path: str | list[str] | None = "", **settings: Any) -> dict[str, Any]:
    """The header data: files, glossary (or glossaries) with digests, version and the settings' signature."""
    from termcheck import __version__

    paths = [glossary_path] if isinstance(glossary_path, str) else list(glossary_path or [])
    paths = [p for p in paths if p]
    labels = []
    for path in paths:
        digest = file_digest(path)
        labels.append(f"{_basename(path)}@sha1:{digest}" if digest else _basename(path))
    parts = {"termcheck": __version__, "glossary": "+".join(labels) or None, **settings}
    return {
        "files": list(files),
        "glossary": ", ".join(paths),
        "version": __version__,
        "signature": make_signature(parts),
    }


# -- highlights -------------------------------------------------------------------------------


def derive_highlights(columns: list[Column], findings: list[Finding]) -> list[Highlight]:
    """Place each finding in the column whose path is its location's path, and its source too."""
    by_path: dict[str, list[int]] = {}
    for index, column in enumerate(columns):
        by_path.setdefault(column.path, []).append(index)
    out: list[Highlight] = []
    for number, finding in enumerate(findings):
        loc = finding.location
        target_cols = by_path.get(loc.path, [])
        target_col = target_cols[-1] if target_cols else None
        if finding.source is not None:
            source_cols = [c for c in by_path.get(finding.source.path, []) if c != target_col]
            if source_cols:
                out.append(_clipped(number, source_cols[0], finding.source.start, finding.source.end, columns, "source"))
        if target_col is not None:
            out.append(_clipped(number, target_col, loc.start, loc.end, columns, "location"))
    return out


def _clipped(number: int, column: int, start: int, end: int, columns: list[Column], side: str) -> Highlight:
    size = len(columns[column].text)
    start = max(0, min(start, size))
    return Highlight(number, column, start, max(start, min(end, size)), side)


def _hits(span: tuple[int, int], hl: Highlight) -> bool:
    start, end = span
    if hl.start == hl.end:
        return start <= hl.start <= end
    return hl.start < end and start < hl.end


def _effective_spans(rows: list[Row], columns: list[Column], highlights: list[Highlight]) -> list[list[tuple[int, int] | None]]:
    """Row spans, widened where a highlight falls outside every row so nothing goes unshown."""
    spans = [list(row.spans) + [None] * (len(columns) - len(row.spans)) for row in rows]
    for hl in highlights:
        present = [(r, s[hl.column]) for r, s in enumerate(spans) if s[hl.column] is not None]
        if not present or any(_hits(span, hl) for _, span in present):
            continue
        nearest, (start, end) = min(present, key=lambda item: _distance(item[1], hl))
        spans[nearest][hl.column] = (min(start, hl.start), max(end, hl.end))
    return spans


def _distance(span: tuple[int, int], hl: Highlight) -> int:
    return max(span[0] - hl.end, hl.start - span[1], 0)


# -- rendering --------------------------------------------------------------------------------


def _e(value: Any) -> str:
    return html.escape(str(value), quote=True)


def _fid(number: int) -> str:
    return f"f{number + 1}"


_ARABIC_LETTER = re.compile("[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]")


def _lang_of_text(text: str | None, default: str) -> str:
    """A finding's `found` may be source text (a missing term): tag it by its script."""
    if text and _ARABIC_LETTER.search(text):
        return "ar"
    if text and default == "ar" and re.search("[A-Za-z]", text):
        return "en"
    return default


def _direction(lang: str) -> str:
    return "rtl" if lang.split("-")[0].lower() in _RTL_LANGS else "ltr"


# In a right-to-left cell, a run of Latin text or a placeholder is laid out by the bidi algorithm
# with its neutral characters taking the Arabic direction: %(datetime)s shows as s(datetime)%,
# "Windows 10 Pro" as "Pro 10 Windows". Each such run is written inside <bdi dir="ltr"> (an
# isolate), so it reads as in the source. A run: ASCII tokens separated by blanks, from the first
# to the last token holding a Latin letter or being a {placeholder}; trailing sentence punctuation
# and a bracket opened or closed outside the run stay outside (they belong to the Arabic sentence:
# "(الحد %(limit_value)s)" keeps its parentheses paired).
_LTR_TOKEN = r"(?:[!-~]*[A-Za-z][!-~]*|\{\w*\})"
_LTR_RUN = re.compile(rf"{_LTR_TOKEN}(?:(?:[ \t]+[!-~]+)*[ \t]+{_LTR_TOKEN})?")
_PAIRS = {")": "(", "]": "[", "}": "{"}


def _ltr_span(text: str, start: int, end: int) -> tuple[int, int]:
    """[start, end) of a run without its trailing punctuation and unpaired outer brackets."""
    while end > start:
        last = text[end - 1]
        if last in ".,;:!?" or (last in _PAIRS and text.count(_PAIRS[last], start, end) < text.count(last, start, end)):
            end -= 1
        elif text[start] in "([{" and text.count(text[start], start, end) > text.count({"(": ")", "[": "]", "{": "}"}[text[start]], start, end):
            start += 1
        else:
            break
    return start, end


def _isolated(text: str) -> str:
    """Escaped `text` with every Latin run and placeholder in a <bdi dir="ltr">."""
    out: list[str] = []
    pos = 0
    for match in _LTR_RUN.finditer(text):
        start, end = _ltr_span(text, *match.span())
        if start == end:
            continue
        out.append(_e(text[pos:start]))
        out.append(f'<bdi dir="ltr">{_e(text[start:end])}</bdi>')
        pos = end
    out.append(_e(text[pos:]))
    return "".join(out)


@dataclass
class _Piece:
    hl: Highlight
    start: int
    end: int
    head: bool


class _CellWriter:
    """Writes text[start:end] with properly nested <mark> elements for the highlights in it."""

    def __init__(self, report: ReportData, placed: dict[tuple[int, int, int, int, str], bool]) -> None:
        self.report = report
        self.placed = placed  # highlight key -> its head has been written

    def mark_open(self, piece: _Piece, cont: bool) -> str:
        finding = self.report.findings[piece.hl.finding]
        classes = ["tc-mark", f"sev-{finding.severity.value}"]
        if piece.start == piece.end:
            classes.append("tc-point")
        attrs = [f'data-finding-id="{_fid(piece.hl.finding)}"', f'data-rule="{_e(finding.rule)}"',
                 f'data-severity="{finding.severity.value}"', f'data-side="{piece.hl.side}"']
        if cont:
            classes.append("tc-cont")
        else:
            attrs += ['tabindex="0"', 'aria-describedby="tc-tip"',
                      f'aria-label="{_e(finding.rule)} {finding.severity.value}: {_e(finding.message)}"']
        return f'<mark class="{" ".join(classes)}" {" ".join(attrs)}>'

    def write(self, text: str, start: int, end: int, highlights: list[Highlight], isolate: bool = False) -> str:
        """text[start:end] escaped, with its highlights; `isolate` (right-to-left cells) puts Latin
        runs and placeholders in bidi isolates, piece by piece between mark boundaries."""
        escape = _isolated if isolate else _e
        pieces: list[_Piece] = []
        for hl in highlights:
            key = (hl.finding, hl.column, hl.start, hl.end, hl.side)
            if hl.start == hl.end:
                if start <= hl.start <= end and not self.placed.get(key):
                    pieces.append(_Piece(hl, hl.start, hl.start, True))
                    self.placed[key] = True
            elif hl.start < end and start < hl.end:
                head = not self.placed.get(key)
                self.placed[key] = True
                pieces.append(_Piece(hl, max(hl.start, start), min(hl.end, end), head))
        points = sorted({start, end, *(p.start for p in pieces), *(p.end for p in pieces)})
        out: list[str] = []
        stack: list[_Piece] = []
        pos = start
        for point in points:
            out.append(escape(text[pos:point]))
            pos = point
            if any(p.end == point for p in stack):
                reopen: list[_Piece] = []
                while any(p.end == point for p in stack):
                    top = stack.pop()
                    out.append("</mark>")
                    if top.end != point:
                        reopen.append(top)
                for piece in reversed(reopen):
                    out.append(self.mark_open(piece, cont=True))
                    stack.append(piece)
            for piece in pieces:
                if piece.start == piece.end == point:
                    out.append(self.mark_open(piece, cont=not piece.head) + "</mark>")
            starting = [p for p in pieces if p.start == point and p.end > point]
            for piece in sorted(starting, key=lambda p: (-p.end, p.hl.finding)):
                out.append(self.mark_open(piece, cont=not piece.head))
                stack.append(piece)
        while stack:
            stack.pop()
            out.append("</mark>")
        return "".join(out)


def _gap_label(report: ReportData, column: int) -> str:
    if len(report.columns) == 2:
        return "No target text (1-0)" if column == 1 else "No source text (0-1)"
    return "No text"


def _column_header(column: Column) -> str:
    label = f"{_e(column.label)} · " if column.label else ""
    return (f'<th scope="col" dir="ltr">{label}<span class="tc-path">{_e(column.path)}</span>'
            f'<span class="tc-lang" title="{_e(_LANG_NAMES.get(column.lang, column.lang))}">{_e(column.lang)}</span></th>')


def _gutter(row: Row, number: int) -> str:
    parts = [f'<span class="tc-rownum">{_e(row.label or number)}</span>']
    if row.confidence is not None:
        pct = max(0, min(100, round(row.confidence * 100)))
        parts.append(f'<span class="tc-conf" title="alignment confidence {row.confidence:.2f}">'
                     f'<span style="width:{pct}%"></span></span><span class="tc-confnum">{pct}%</span>')
    return f'<td class="tc-gutter">{"".join(parts)}</td>'


def _row_classes(row: Row) -> str:
    classes = ["tc-row"]
    if row.confidence is not None and row.confidence < LOW_CONFIDENCE:
        classes.append("tc-low")
    if row.paragraph_start:
        classes.append("tc-para-start")
    if row.kind == "heading":
        classes.append("tc-heading")
    return " ".join(classes)


def _cell(report: ReportData, writer: _CellWriter, by_column: dict[int, list[Highlight]], column: int,
          span: tuple[int, int] | None) -> str:
    col = report.columns[column]
    lang_attrs = f'lang="{_e(col.lang)}" dir="{_direction(col.lang)}"'
    if span is None:
        return f'<td class="tc-cell tc-gap" {lang_attrs}><span class="tc-gap-label" dir="ltr" lang="en">{_gap_label(report, column)}</span></td>'
    start, end = span
    body = writer.write(col.text, start, end, by_column.get(column, []), isolate=_direction(col.lang) == "rtl")
    return f'<td class="tc-cell" {lang_attrs}>{body}</td>'


def _table(report: ReportData, writer: _CellWriter, by_column: dict[int, list[Highlight]],
           spans: list[list[tuple[int, int] | None]], columns: list[int], units: bool) -> str:
    row_indices = [r for r in range(len(report.rows))
                   if report.rows[r].kind in ("skip", "file") or any(spans[r][c] is not None for c in columns)]
    out = [f'<table class="tc-table{" tc-units" if units else ""}"><colgroup><col class="tc-gutter-col">']
    out += ["<col>" for _ in columns]
    if units:
        out.append('<col class="tc-findings-col">')
    out.append('</colgroup><thead><tr><th scope="col"><span class="tc-sr">#</span></th>')
    out += [_column_header(report.columns[c]) for c in columns]
    if units:
        out.append('<th scope="col">Findings</th>')
    out.append("</tr></thead><tbody>")
    row_findings = _findings_by_row(report, spans, by_column) if units else {}
    for number, r in enumerate(row_indices, start=1):
        row = report.rows[r]
        width = len(columns) + 1 + units
        if row.kind == "skip":
            what = "unit" if row.skipped == 1 else "units"
            out.append(f'<tr class="tc-skip" data-row="{r}"><td colspan="{width}">⋯ {row.skipped:,} {what} '
                       f'without findings</td></tr>')
            continue
        if row.kind == "file":
            out.append(f'<tr class="tc-file" data-row="{r}"><th colspan="{width}" scope="rowgroup" dir="ltr">'
                       f'<span class="tc-path">{_e(row.label)}</span></th></tr>')
            continue
        kind = ' data-kind="context"' if row.kind == "context" else ""  # a neighbour without findings
        out.append(f'<tr class="{_row_classes(row)}" data-row="{r}"{kind}>{_gutter(row, number)}')
        for c in columns:
            out.append(_cell(report, writer, by_column, c, spans[r][c]))
        if units:
            out.append(_unit_findings(report, row_findings.get(r, [])))
        out.append("</tr>")
    out.append("</tbody></table>")
    return "".join(out)


def _findings_by_row(report: ReportData, spans: list[list[tuple[int, int] | None]],
                     by_column: dict[int, list[Highlight]]) -> dict[int, list[int]]:
    out: dict[int, list[int]] = {}
    for r, row in enumerate(report.rows):
        numbers = list(row.findings)
        for c, hls in by_column.items():
            span = spans[r][c] if c < len(spans[r]) else None
            if span is None:
                continue
            numbers += [hl.finding for hl in hls if _hits(span, hl)]
        out[r] = sorted(set(numbers))
    return out


def _unit_findings(report: ReportData, numbers: list[int]) -> str:
    if not numbers:
        return '<td class="tc-unit-findings"><span class="tc-empty">none</span></td>'
    items = []
    for n in numbers:
        f = report.findings[n]
        items.append(
            f'<li class="tc-chip sev-{f.severity.value}" data-finding-id="{_fid(n)}" data-rule="{_e(f.rule)}" '
            f'data-severity="{f.severity.value}"><span class="tc-dot"></span> '
            f'<button type="button" class="tc-goto" data-goto="{_fid(n)}" style="display:inline;width:auto;padding:0">'
            f'<b>{_e(f.rule)}</b></button> {_e(f.message)}</li>'
        )
    return f'<td class="tc-unit-findings"><ul>{"".join(items)}</ul></td>'


def _detail(report: ReportData, number: int, lang_of: dict[str, str]) -> str:
    """The full explanation of one finding: hidden in the panel, cloned into the tooltip."""
    from termcheck.rules.registry import RULES

    f = report.findings[number]
    rule = RULES.get(f.rule)
    target_lang = lang_of.get(f.location.path, "")
    found_lang = _lang_of_text(f.found, target_lang)
    rows = [("Found", f'<span lang="{_e(found_lang)}" dir="auto">{_e(f.found)}</span>' if f.found else '<span class="tc-empty">(nothing)</span>')]
    if f.expected:
        rows.append(("Expected", f'<span lang="{_e(_lang_of_text(f.expected, target_lang))}" dir="auto">{_e(f.expected)}</span>'))
    if f.source is not None:
        source_lang = lang_of.get(f.source.path, "")
        where = f"{f.source.path}:{f.source.line}:{f.source.column}"
        text = f' <span lang="{_e(source_lang)}" dir="auto">{_e(f.source_text)}</span>' if f.source_text else ""
        rows.append(("Source", f"{_e(where)}{text}"))
    if f.suggestion:
        rows.append(("MT suggestion", f'<span lang="{_e(target_lang)}" dir="auto">{_e(f.suggestion)}</span>'))
    for key in ("chrf", "bleu"):
        if key in f.extra:
            value = f.extra[key]
            rows.append((key.replace("chrf", "chrF").replace("bleu", "BLEU"), _e(f"{value:.1f}" if isinstance(value, float) else value)))
    if f.concept:
        rows.append(("Concept", _e(f.concept)))
    loc = f.location
    rows.append(("At", _e(f"{loc.path}:{loc.line}:{loc.column}")))
    dl = "".join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in rows)
    name = f" {_e(rule.name)}" if rule else ""
    return (
        f'<div class="tc-detail" id="tc-d-{_fid(number)}"><div class="tc-d-head"><span class="tc-dot sev-{f.severity.value}"></span>'
        f'<span class="tc-code">{_e(f.rule)}</span>{name}<span class="tc-d-sev">{f.severity.value}</span></div>'
        f'<p class="tc-d-msg">{_e(f.message)}</p><dl>{dl}</dl></div>'
    )


def _panel(report: ReportData, placed_numbers: set[int]) -> str:
    from termcheck.rules.registry import RULES

    findings = report.findings
    lang_of = {c.path: c.lang for c in reversed(report.columns)}
    severities = Counter(f.severity for f in findings)
    rules = Counter(f.rule for f in findings)
    out = ['<aside class="tc-panel" aria-label="Findings">']
    if findings:
        out.append('<fieldset class="tc-filters"><legend>Show</legend><div class="tc-filter-row">')
        for sev in sorted(severities, key=lambda s: -s.rank):
            out.append(f'<label class="tc-filter sev-{sev.value}"><input type="checkbox" data-filter="severity" value="{sev.value}" checked>'
                       f'<span class="tc-dot"></span>{sev.value} <span class="tc-count">{severities[sev]}</span></label>')
        out.append('</div><div class="tc-filter-row">')
        for code in sorted(rules):
            title = f' title="{_e(RULES[code].name)}"' if code in RULES else ""
            out.append(f'<label class="tc-filter"{title}><input type="checkbox" data-filter="rule" value="{_e(code)}" checked>'
                       f'{_e(code)} <span class="tc-count">{rules[code]}</span></label>')
        out.append("</div></fieldset>")
    out.append(f"<h2>Findings ({len(findings)})</h2>")
    if not findings:
        out.append('<p class="tc-empty">No findings.</p>')
    groups: dict[tuple[Severity, str], list[int]] = {}
    for n, f in enumerate(findings):
        groups.setdefault((f.severity, f.rule), []).append(n)
    for (sev, code), numbers in sorted(groups.items(), key=lambda item: (-item[0][0].rank, item[0][1])):
        rule = RULES.get(code)
        name = f'<span class="tc-rulename">{_e(rule.name)}</span>' if rule else ""
        out.append(f'<section class="tc-group" data-rule="{_e(code)}" data-severity="{sev.value}">'
                   f'<h3 class="sev-{sev.value}"><span class="tc-dot"></span><span class="tc-code">{_e(code)}</span>{name}'
                   f'<span class="tc-count">{len(numbers)}</span></h3><ol class="tc-list">')
        for n in sorted(numbers, key=lambda i: (findings[i].location.path, findings[i].location.start)):
            out.append(_entry(report, n, n in placed_numbers, lang_of))
        out.append("</ol></section>")
    out.append("</aside>")
    return "".join(out)


def _entry(report: ReportData, n: int, placed: bool, lang_of: dict[str, str]) -> str:
    f = report.findings[n]
    loc = f.location
    lang = lang_of.get(loc.path, "")
    found = (f'<span class="tc-found" lang="{_e(_lang_of_text(f.found, lang))}" dir="auto">{_e(f.found)}</span>'
             if f.found else '<span class="tc-empty">missing</span>')
    expected = (f'<span class="tc-arrow">→</span><span class="tc-expected" lang="{_e(_lang_of_text(f.expected, lang))}" '
                f'dir="auto">{_e(f.expected)}</span>' if f.expected else "")
    orphan = "" if placed else ' <span class="tc-orphan">(not shown in the text)</span>'
    attrs = f'data-goto="{_fid(n)}"' if placed else "disabled"
    return (
        f'<li class="tc-entry sev-{f.severity.value}" data-finding-id="{_fid(n)}" data-rule="{_e(f.rule)}" data-severity="{f.severity.value}">'
        f'<button type="button" class="tc-goto" {attrs}><span class="tc-where" title="{_e(loc.path)}">{_e(_basename(loc.path))}:{loc.line}:{loc.column}</span>{orphan}<br>'
        f'{found}{expected}<span class="tc-msg">{_e(f.message)}</span></button>{_detail(report, n, lang_of)}</li>'
    )


def _header(report: ReportData) -> str:
    meta = report.meta
    totals = Counter(f.severity.value for f in report.findings)
    rows = []
    files = meta.get("files") or [c.path for c in report.columns]
    rows.append(("Files", " ↔ ".join(f"<code>{_e(p)}</code>" for p in files) if report.layout == "aligned" and len(files) == 2
                 else ", ".join(f"<code>{_e(p)}</code>" for p in files)))
    if meta.get("glossary"):
        rows.append(("Glossary", f"<code>{_e(meta['glossary'])}</code>"))
    if meta.get("signature"):
        rows.append(("Signature", f'<span class="tc-sig">{_e(meta["signature"])}</span>'))
    elif meta.get("version"):
        rows.append(("Version", f"termcheck {_e(meta['version'])}"))
    for key, value in meta.items():
        if key not in ("files", "glossary", "signature", "version", "kind") and isinstance(value, (str, int, float)):
            rows.append((_e(key.replace("_", " ").capitalize()), _e(value)))
    dl = "".join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in rows)
    pills = "".join(
        f'<li class="tc-total sev-{sev}"><b>{totals[sev]}</b> {label if totals[sev] == 1 else plural}</li>'
        for sev, label, plural in (("error", "error", "errors"), ("warning", "warning", "warnings"), ("info", "info", "info"))
    )
    kind = f'<span class="tc-kind">{_e(meta["kind"])}</span>' if meta.get("kind") else ""
    keys = '<p class="tc-keys"><kbd>n</kbd>/<kbd>j</kbd> next · <kbd>p</kbd>/<kbd>k</kbd> previous · hover or focus a highlight for details</p>'
    return (f'<header class="tc-header"><div><h1>{kind}{_e(report.title)}</h1><dl class="tc-meta">{dl}</dl></div>'
            f'<div><ul class="tc-totals" aria-label="Totals">{pills}</ul>{keys}</div></header>')


# A file name that is not UTF-8 arrives with surrogate escapes (os.fsdecode); the page is UTF-8,
# so each such byte shows as U+FFFD instead of failing the write.
_SURROGATE = re.compile("[\ud800-\udfff]")


def render_html(report: ReportData) -> str:
    """The whole page as one string: inline CSS and JS, every input string escaped."""
    highlights = report.highlights if report.highlights is not None else derive_highlights(report.columns, report.findings)
    spans = _effective_spans(report.rows, report.columns, highlights)
    by_column: dict[int, list[Highlight]] = {}
    for hl in highlights:
        by_column.setdefault(hl.column, []).append(hl)
    placed: dict[tuple[int, int, int, int, str], bool] = {}
    writer = _CellWriter(report, placed)
    sections: list[str] = []
    if report.layout == "stacked":
        for c, column in enumerate(report.columns):
            sections.append(f'<section class="tc-section"><h2>{_e(column.path)}</h2>'
                            f'{_table(report, writer, by_column, spans, [c], units=False)}</section>')
    else:
        columns = list(range(len(report.columns)))
        sections.append(f'<section class="tc-section">{_table(report, writer, by_column, spans, columns, report.layout == "units")}</section>')
    placed_numbers = {key[0] for key, done in placed.items() if done}
    lang = report.columns[-1].lang if report.columns else "en"
    page = "".join([
        f'<!doctype html>\n<html lang="en" dir="ltr" data-report-lang="{_e(lang)}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        '<meta name="generator" content="termcheck">'
        f"<title>{_e(report.title)}</title><style>{CSS}</style></head><body>",
        _header(report),
        '<noscript><p class="tc-noscript">Scripts are off: highlights and the list still show; filters, '
        "jumping and keyboard navigation need scripts.</p></noscript>",
        '<div class="tc-layout"><main class="tc-main">',
        "".join(sections),
        "</main>",
        _panel(report, placed_numbers),
        '</div><div id="tc-tip" role="tooltip" hidden></div>',
        f"<script>{JS}</script></body></html>\n",
    ])
    return _SURROGATE.sub("\ufffd", page)


# -- builders ---------------------------------------------------------------------------------


def _span_of(segments: list, indices: tuple[int, ...]) -> tuple[int, int] | None:
    chosen = [segments[i] for i in indices if 0 <= i < len(segments)]
    if not chosen:
        return None
    return min(s.start for s in chosen), max(s.end for s in chosen)


def _result_attr(result: Any, name: str) -> Any:
    """CheckResult keeps segments either on itself or on its alignment: accept both."""
    value = getattr(result, name, None)
    if value is None:
        value = getattr(getattr(result, "alignment", None), name, None)
    return value


def _paragraph_of(segments: list, indices: tuple[int, ...]) -> int | None:
    for i in indices:
        if 0 <= i < len(segments):
            return getattr(segments[i], "paragraph", None)
    return None


def _shown(doc) -> str:
    """Markdown line markers (#, >, list bullets) blanked out, so a quote continued over two
    lines does not show a stray '>'. Same length, so every finding's offsets still hold; inline
    HTML stays, escaped, because the page must show planted markup as text."""
    from termcheck.text.markup import blank_line_markers, kind_of

    return blank_line_markers(doc.text) if kind_of(doc.path) == "markdown" else doc.text


def report_for_check(result: Any, matcher: Any = None, meta: dict[str, Any] | None = None, level: str = "sentence",
                     findings: list[Finding] | None = None) -> ReportData:
    """Side-by-side report of a check: one row per sentence bead (or paragraph bead).

    `findings` replaces result.findings (e.g. after --select/--ignore).
    """
    alignment = result.alignment
    source, target = alignment.source, alignment.target
    sentence_beads = _result_attr(result, "sentence_beads") or []
    if level == "sentence" and sentence_beads:
        beads = sentence_beads
        src_segs = _result_attr(result, "source_sentences") or []
        tgt_segs = _result_attr(result, "target_sentences") or []
    else:
        level = "paragraph"
        beads = _result_attr(result, "paragraph_beads") or []
        src_segs = _result_attr(result, "source_paragraphs") or []
        tgt_segs = _result_attr(result, "target_paragraphs") or []
    src_paras = _result_attr(result, "source_paragraphs") or []
    rows: list[Row] = []
    previous = (None, None)
    for bead in beads:
        if level == "sentence":
            para = (_paragraph_of(src_segs, bead.source), _paragraph_of(tgt_segs, bead.target))
            new_para = bool(rows) and any(p is not None and p != q for p, q in zip(para, previous))
            previous = tuple(p if p is not None else q for p, q in zip(para, previous))
            src_para = para[0]
        else:
            new_para = bool(rows)
            src_para = bead.source[0] if bead.source else None
        kind = getattr(src_paras[src_para], "kind", "") if src_para is not None and 0 <= src_para < len(src_paras) else ""
        rows.append(Row([_span_of(src_segs, bead.source), _span_of(tgt_segs, bead.target)],
                        confidence=bead.confidence, kind=kind, paragraph_start=new_para))
    if not rows:  # no alignment: show both texts whole
        rows.append(Row([(0, len(source.text)), (0, len(target.text))]))
    if meta is None:
        glossary_path = getattr(getattr(matcher, "glossary", None), "path", "") or ""
        meta = report_meta([source.path, target.path], glossary_path, level=level)
    meta = dict(meta)
    meta.setdefault("kind", "check")
    warnings = getattr(alignment, "warnings", None)
    if warnings:
        meta.setdefault("alignment_warnings", "; ".join(warnings))
    columns = [Column(source.path, source.lang, _shown(source), "Source"), Column(target.path, target.lang, _shown(target), "Target")]
    chosen = list(result.findings if findings is None else findings)
    return ReportData(_title(meta, f"{source.path} ↔ {target.path}"), columns, rows, chosen, meta)


def check_page(result: Any, matcher: Any, findings: list[Finding], glossary_paths: list[str] | None,
               select: list[str] | None = None, ignore: list[str] | None = None, mt_model: str | None = None) -> str:
    """The whole `termcheck check --format html` page (what the command calls)."""
    level = "sentence" if _result_attr(result, "sentence_beads") else "paragraph"
    alignment = result.alignment
    meta = report_meta([alignment.source.path, alignment.target.path], glossary_paths,
                       rules=rules_setting(select, ignore), align="two-level", level=level,
                       mt=_basename(mt_model.rstrip("/\\")) if mt_model else None)
    return render_html(report_for_check(result, matcher, meta, level=level, findings=findings))


_BLOCK = re.compile(r"[^\n]*\S[^\n]*(?:\n[^\n]*\S[^\n]*)*")


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Spans of the blocks of non-blank lines, trailing white space excluded."""
    spans = []
    for m in _BLOCK.finditer(text):
        start = m.start() + (len(m.group()) - len(m.group().lstrip()))
        end = m.start() + len(m.group().rstrip())
        spans.append((start, end))
    return spans or [(0, len(text))]


def report_for_lint(docs: list, findings: list[Finding], meta: dict[str, Any] | None = None) -> ReportData:
    """One column per document, one row per paragraph (blocks between blank lines)."""
    columns = [Column(d.path, d.lang, _shown(d)) for d in docs]
    rows: list[Row] = []
    for c, column in enumerate(columns):
        for number, span in enumerate(paragraph_spans(column.text)):
            spans: list[tuple[int, int] | None] = [None] * len(columns)
            spans[c] = span
            rows.append(Row(spans, label=str(number + 1)))
    meta = dict(meta) if meta is not None else report_meta([d.path for d in docs])
    meta.setdefault("kind", "lint")
    title = docs[0].path if len(docs) == 1 else f"{len(docs)} files"
    return ReportData(_title(meta, title), columns, rows, list(findings),
                      meta, layout="aligned" if len(docs) == 1 else "stacked")


@dataclass
class Unit:
    """One localization unit as plain strings, with the findings that concern it."""

    source: str
    target: str
    findings: list[Finding] = field(default_factory=list)
    label: str = ""  # msgctxt / unit id / line
    group: str = ""  # the file: neighbours shown for context come from the same one


def _units_shown(units: list[Unit], context: int | None) -> list[tuple[int, str]]:
    """(index, kind) of the units to draw, in order: every unit when `context` is None, else those
    with findings ('') and up to `context` units of the same group on each side ('context');
    (-n, 'skip') stands for n units left out."""
    if context is None:
        return [(i, "") for i in range(len(units))]
    kinds: dict[int, str] = {}
    for i, unit in enumerate(units):
        if unit.findings:
            kinds[i] = ""
            for j in range(max(0, i - context), min(len(units), i + context + 1)):
                if units[j].group == unit.group:
                    kinds.setdefault(j, "context")
    shown: list[tuple[int, str]] = []
    previous = -1
    for i in sorted(kinds):
        if i > previous + 1:
            shown.append((previous + 1 - i, "skip"))
        shown.append((i, kinds[i]))
        previous = i
    if previous < len(units) - 1:
        shown.append((previous + 1 - len(units), "skip"))
    return shown


def report_for_units(units: Iterable[Any], meta: dict[str, Any] | None = None, path: str = "",
                     source_lang: str = "en", target_lang: str = "ar", context: int | None = None) -> ReportData:
    """A table source | target | findings. Units are Unit objects or (source, target[, findings]) tuples.

    A unit's finding is highlighted where its `found` text occurs in the target (and its
    source_text in the source); it is always listed in the unit's findings cell. `context`: draw
    only the units with findings and this many neighbours each side (None: every unit); a row
    says how many units were left out between them.
    """
    units = [raw if isinstance(raw, Unit) else Unit(*raw) for raw in units]
    src_parts: list[str] = []
    tgt_parts: list[str] = []
    rows: list[Row] = []
    findings: list[Finding] = []
    highlights: list[Highlight] = []
    src_pos = tgt_pos = 0
    several_files = len({unit.group for unit in units}) > 1
    group = None
    for number, kind in _units_shown(units, context):
        if kind == "skip":
            rows.append(Row([None, None], kind="skip", skipped=-number))
            continue
        unit = units[number]
        if several_files and unit.group != group:
            rows.append(Row([None, None], kind="file", label=unit.group))
        group = unit.group
        src_span = (src_pos, src_pos + len(unit.source))
        tgt_span = (tgt_pos, tgt_pos + len(unit.target))
        own: list[int] = []
        for finding in unit.findings:
            n = len(findings)
            findings.append(finding)
            own.append(n)
            if finding.found and finding.found in unit.target:
                at = tgt_pos + unit.target.index(finding.found)
                highlights.append(Highlight(n, 1, at, at + len(finding.found)))
            if finding.source_text and finding.source_text in unit.source:
                at = src_pos + unit.source.index(finding.source_text)
                highlights.append(Highlight(n, 0, at, at + len(finding.source_text), "source"))
        rows.append(Row([src_span, tgt_span], label=unit.label or str(number + 1), findings=tuple(own), kind=kind))
        src_parts.append(unit.source)
        tgt_parts.append(unit.target)
        src_pos = src_span[1] + 1
        tgt_pos = tgt_span[1] + 1
    columns = [Column(path, source_lang, "\n".join(src_parts), "Source"),
               Column(path, target_lang, "\n".join(tgt_parts), "Target")]
    meta = dict(meta) if meta is not None else report_meta([path] if path else [])
    meta.setdefault("kind", "units")
    if context is not None:
        with_findings = sum(1 for unit in units if unit.findings)
        meta.setdefault("units", f"{with_findings:,} of {len(units):,} with findings, shown with {context} "
                                 f"neighbour{'s' if context != 1 else ''} each side (--all-units shows every unit)")
    return ReportData(_title(meta, path or "units"), columns, rows, findings, meta, layout="units", highlights=highlights)


def _basename(path: str) -> str:
    return path.replace("\\", "/").rsplit("/", 1)[-1]


def _title(meta: dict[str, Any], default: str) -> str:
    return str(meta.get("title") or default)

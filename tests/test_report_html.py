"""The HTML report as markup: escaping, self-containment, highlight structure, builders.

These need no browser; tests/test_report_html_browser.py drives Chromium over the same pages.
"""

from __future__ import annotations

import hashlib
import html
import json
from html.parser import HTMLParser

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from termcheck.commands import common
from termcheck.model import Document, Finding, InputError, Severity
from termcheck.report import jsonfmt
from termcheck.report.html import (
    Column,
    Highlight,
    ReportData,
    Row,
    make_signature,
    paragraph_spans,
    render_html,
    report_for_check,
    report_for_lint,
    report_for_units,
    report_meta,
)
from test_report_html_data import PLANTED, PLANTED_IMG, SAMPLE_META, sample_check_result

VOID = {"meta", "br", "col", "input", "img", "link", "hr", "wbr", "source", "area", "base", "embed", "param", "track"}


class Page(HTMLParser):
    """Parses a page strictly enough to catch broken nesting, and collects what the tests need."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, dict]] = []
        self.errors: list[str] = []
        self.elements: list[tuple[str, dict]] = []
        self.mark_text: dict[tuple[str, str], str] = {}  # (finding id, side) -> text inside its marks
        self.heads: dict[str, list[str]] = {}  # finding id -> sides of its head marks
        self.cell_text: list[tuple[dict, str]] = []
        self.script_bodies: list[str] = []
        self.feed(text)
        self.close()
        if self.stack:
            self.errors.append(f"unclosed: {[t for t, _ in self.stack]}")

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.elements.append((tag, attrs))
        if tag == "mark" and "tc-cont" not in attrs.get("class", ""):
            self.heads.setdefault(attrs["data-finding-id"], []).append(attrs["data-side"])
        if tag not in VOID:
            self.stack.append((tag, attrs))
            if tag == "td" and "tc-cell" in attrs.get("class", ""):
                self.cell_text.append((attrs, ""))

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if not self.stack or self.stack[-1][0] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1][0] if self.stack else 'nothing'}")
            return
        self.stack.pop()

    def handle_data(self, data):
        if self.stack and self.stack[-1][0] == "script":
            self.script_bodies.append(data)
        for tag, attrs in self.stack:
            if tag == "mark":
                key = (attrs["data-finding-id"], attrs["data-side"])
                self.mark_text[key] = self.mark_text.get(key, "") + data
        if any(tag == "td" and "tc-cell" in attrs.get("class", "") for tag, attrs in self.stack) and self.cell_text:
            attrs, text = self.cell_text[-1]
            if not any(t == "span" for t, _ in self.stack[-1:]):  # gap labels are spans directly in the cell
                self.cell_text[-1] = (attrs, text + data)


@pytest.fixture(scope="module")
def sample():
    result = sample_check_result()
    report = report_for_check(result, None, dict(SAMPLE_META))
    return result, report, render_html(report)


def test_page_is_html5_with_charset_and_one_inline_script(sample):
    _, _, page = sample
    assert page.startswith("<!doctype html>\n<html ")
    assert '<meta charset="utf-8">' in page
    parsed = Page(page)
    assert parsed.errors == []
    tags = [tag for tag, _ in parsed.elements]
    assert tags.count("script") == 1 and tags.count("style") == 1
    assert not {"link", "img", "iframe", "object", "embed", "base"} & set(tags)


def test_nothing_is_fetched_no_urls(sample):
    _, _, page = sample
    parsed = Page(page)
    assert [(tag, a) for tag, attrs in parsed.elements for a in attrs if a in ("src", "href", "srcset", "action")] == []
    assert "http" not in page  # the sample has no URL in its text: none may come from the template
    assert "url(" not in page and "@import" not in page


def test_planted_markup_is_text(sample):
    _, _, page = sample
    assert PLANTED not in page and PLANTED_IMG not in page
    assert html.escape(PLANTED) in page and html.escape(PLANTED_IMG) in page
    # the glossary's expected form with a script in it (finding 10) is escaped in the panel and the tooltip source
    assert page.count(html.escape(f"Hezbollah{PLANTED}")) == 2
    assert "Forbidden form &lt;b&gt;of&lt;/b&gt;" in page
    assert Page(page).script_bodies[0].lstrip().startswith("(function ()")


def test_columns_carry_lang_and_direction(sample):
    _, _, page = sample
    cells = [attrs for tag, attrs in Page(page).elements if tag == "td" and "tc-cell" in attrs.get("class", "")]
    assert {(a["lang"], a["dir"]) for a in cells} == {("ar", "rtl"), ("en", "ltr")}
    rows = 3 + 3 + 28 + 1 + 1  # sentence beads of the sample, including the 1-0 and 0-1 ones
    assert len(cells) == 2 * rows


def test_every_finding_has_one_head_highlight_per_side(sample):
    result, report, page = sample
    parsed = Page(page)
    data = json.loads(jsonfmt.render(result.findings, 2))
    expected = {f"f{i + 1}": sorted(["location"] + (["source"] if "source_path" in f else [])) for i, f in enumerate(data["findings"])}
    # finding 9 is located in the source file itself, so its one highlight sits in the Arabic column
    assert {fid: sorted(sides) for fid, sides in parsed.heads.items()} == expected
    assert sum(len(s) for s in parsed.heads.values()) == 16  # 11 findings, 5 of them with a source span


def test_highlights_cover_exactly_their_text(sample):
    result, _, page = sample
    parsed = Page(page)
    for i, finding in enumerate(result.findings):
        assert parsed.mark_text[(f"f{i + 1}", "location")] == finding.found
        if finding.source is not None:
            assert parsed.mark_text[(f"f{i + 1}", "source")] == finding.source_text


def test_crossing_highlights_split_and_nested_ones_nest(sample):
    _, _, page = sample
    # f7 = "Al-Khazali", f8 = "Khazali said": f8 opens inside f7 and continues after it closes
    assert (
        '>Al-<mark class="tc-mark sev-warning" data-finding-id="f8"' in page
        and 'Khazali</mark></mark><mark class="tc-mark sev-warning tc-cont" data-finding-id="f8" data-rule="TC104" '
        'data-severity="warning" data-side="location"> said</mark>' in page
    )
    # f5 (570,000) sits inside f6 (the whole sentence): one mark each, properly nested
    start = page.index('data-finding-id="f6"')
    inner = page.index('data-finding-id="f5"', start)
    assert page.index("</mark>", start) > inner


def test_gaps_and_low_confidence_rows(sample):
    _, _, page = sample
    assert page.count('<span class="tc-gap-label" dir="ltr" lang="en">No target text (1-0)</span>') == 1
    assert page.count('<span class="tc-gap-label" dir="ltr" lang="en">No source text (0-1)</span>') == 1
    # confidences 0.42, 0.0, 0.0 are below 0.5
    assert page.count('class="tc-row tc-low') == 3
    assert page.count('<span class="tc-confnum">42%</span>') == 1


def test_header_and_panel_counts(sample):
    _, _, page = sample
    assert f'<span class="tc-sig">{SAMPLE_META["signature"]}</span>' in page
    assert '<li class="tc-total sev-error"><b>4</b> errors</li>' in page
    assert '<li class="tc-total sev-warning"><b>6</b> warnings</li>' in page
    assert '<li class="tc-total sev-info"><b>1</b> info</li>' in page
    groups = [(a["data-severity"], a["data-rule"]) for t, a in Page(page).elements if t == "section" and "tc-group" in a.get("class", "")]
    # errors first, then warnings, then info; rules in code order within a severity
    assert groups == [("error", "TC101"), ("error", "TC204"), ("warning", "TC102"), ("warning", "TC103"),
                      ("warning", "TC104"), ("warning", "TC202"), ("warning", "TC205"), ("info", "TC401")]
    assert '<span class="tc-code">TC101</span><span class="tc-rulename">forbidden-term</span><span class="tc-count">3</span>' in page
    entries = [a for t, a in Page(page).elements if t == "li" and "tc-entry" in a.get("class", "")]
    assert len(entries) == 11


def test_mt_suggestion_and_scores_in_detail(sample):
    _, _, page = sample
    detail = page[page.index('id="tc-d-f6"'):]
    detail = detail[: detail.index("</dl>")]
    assert "<dt>MT suggestion</dt>" in detail and "about 750,000, according" in detail
    assert "<dt>chrF</dt><dd>31.2</dd>" in detail and "<dt>BLEU</dt><dd>9.8</dd>" in detail


def _plain(text: str, spans: list[tuple[int, int]]) -> ReportData:
    doc = Document("a.txt", text, "en")
    findings = [Finding("TC101", Severity.ERROR, doc.location(s, e), text[s:e], "m") for s, e in spans]
    return ReportData("t", [Column("a.txt", "en", text)], [Row([(0, len(text))])], findings)


@settings(max_examples=150, deadline=None)
@given(st.data())
def test_any_overlap_gives_well_formed_marks_over_the_right_text(data):
    text = data.draw(st.text(alphabet="ab <&>\n", min_size=1, max_size=30))
    n = len(text)
    pairs = data.draw(st.lists(st.tuples(st.integers(0, n), st.integers(0, n)), max_size=6))
    spans = [(min(a, b), max(a, b)) for a, b in pairs]
    page = render_html(_plain(text, spans))
    parsed = Page(page)
    assert parsed.errors == []
    # the cell shows the text unchanged; every highlight covers exactly its span, with one head each
    assert parsed.cell_text[0][1] == text
    for i, (s, e) in enumerate(spans):
        assert parsed.mark_text.get((f"f{i + 1}", "location"), "") == text[s:e]
        assert parsed.heads[f"f{i + 1}"] == ["location"]


def test_highlight_outside_every_row_widens_the_nearest_row():
    text = "First.\n\nSecond."
    doc = Document("a.txt", text, "en")
    finding = Finding("TC101", Severity.WARNING, doc.location(6, 8), "\n\n", "m")
    report = ReportData("t", [Column("a.txt", "en", text)], [Row([(0, 6)]), Row([(8, 15)])], [finding])
    parsed = Page(render_html(report))
    assert parsed.mark_text[("f1", "location")] == "\n\n"
    assert [t for _, t in parsed.cell_text] == ["First.\n\n", "Second."]


def test_finding_in_a_file_not_shown_is_listed_but_not_jumpable():
    doc = Document("other.txt", "xyz", "en")
    finding = Finding("TC101", Severity.ERROR, doc.location(0, 1), "x", "m")
    page = render_html(ReportData("t", [Column("a.txt", "en", "abc")], [Row([(0, 3)])], [finding]))
    assert '<button type="button" class="tc-goto" disabled>' in page
    assert "(not shown in the text)" in page
    assert "<mark" not in page


def test_signature_order_and_meta(tmp_path):
    assert make_signature({"level": "sentence", "termcheck": "0.1.0", "rules": "TC1,TC2", "mt": None, "zz": 1}) == \
        "termcheck:0.1.0|rules:TC1,TC2|level:sentence|zz:1"
    glossary = tmp_path / "house.csv"
    glossary.write_bytes(b"abc")  # sha1 a9993e364706816aba3e25717850c26c9cd0d89d
    meta = report_meta(["ar.md", "en.md"], str(glossary), rules="all", align="two-level", level="sentence")
    assert meta["signature"] == "termcheck:0.1.0|glossary:house.csv@sha1:a9993e36|rules:all|align:two-level|level:sentence"
    assert meta["files"] == ["ar.md", "en.md"]


def test_paragraph_spans_skip_blank_lines():
    text = "  One\nstill one  \n\n \nTwo\n\n\nThree"
    assert paragraph_spans(text) == [(2, 15), (21, 24), (27, 32)]
    assert paragraph_spans("") == [(0, 0)]


def test_lint_report_one_column_and_stacked_files():
    ar = Document("a.md", "كتائب حزب الله\n\nفقرة ثانية", "ar")
    en = Document("b.md", "Hizballah here.\n\nAnd <script>x()</script>.", "en")
    finding = Finding("TC101", Severity.ERROR, en.location(0, 9), "Hizballah", "bad", "Hezbollah")
    single = render_html(report_for_lint([en], [finding]))
    parsed = Page(single)
    assert parsed.errors == [] and parsed.heads == {"f1": ["location"]}
    assert [t for _, t in parsed.cell_text] == ["Hizballah here.", "And <script>x()</script>."]
    stacked = report_for_lint([ar, en], [finding])
    assert stacked.layout == "stacked"
    page = render_html(stacked)
    parsed = Page(page)
    assert [t for _, t in parsed.cell_text] == ["كتائب حزب الله", "فقرة ثانية", "Hizballah here.", "And <script>x()</script>."]
    assert [(a["lang"], a["dir"]) for a, _ in parsed.cell_text] == [("ar", "rtl")] * 2 + [("en", "ltr")] * 2
    assert page.count('<section class="tc-section"><h2>') == 2


def test_units_table_lists_findings_per_unit():
    loc = Document("app.po", "", "ar").location(0, 0)
    placeholder = Finding("TC305", Severity.ERROR, loc, "%d", "The placeholder %d is missing.", source_text="%d")
    copied = Finding("TC304", Severity.WARNING, loc, "Settings", "The target is the source.")
    report = report_for_units([("%d items", "عناصر"), ("Settings", "Settings", [copied]), ("<b>Save</b>", "حفظ")],
                              path="app.po")
    assert report.layout == "units" and len(report.rows) == 3
    report2 = report_for_units([("%d items", "عناصر", [placeholder])], path="app.po")
    parsed = Page(render_html(report2))
    # %d is only in the source: highlighted there, and listed in the unit's findings cell
    assert parsed.heads == {"f1": ["source"]}
    page = render_html(report)
    parsed = Page(page)
    assert parsed.heads == {"f1": ["location"]}
    assert parsed.mark_text[("f1", "location")] == "Settings"
    assert page.count('<li class="tc-chip sev-warning" data-finding-id="f1"') == 1
    assert page.count('<span class="tc-empty">none</span>') == 2
    assert "&lt;b&gt;Save&lt;/b&gt;" in page and "<b>Save</b>" not in page


def test_emit_html_needs_a_builder(tmp_path, capsys):
    out = tmp_path / "r.html"
    common.emit([], 1, {}, common.OutputFormat.html, str(out), html_builder=lambda: "<!doctype html>page")
    assert out.read_text(encoding="utf-8") == "<!doctype html>page"
    with pytest.raises(InputError, match="--format html is not available"):
        common.emit([], 1, {}, common.OutputFormat.html, None)


def test_explicit_highlights_override_paths():
    text = "abc def"
    doc = Document("x", text, "en")
    finding = Finding("TC101", Severity.INFO, doc.location(0, 3), "abc", "m")
    report = ReportData("t", [Column("y", "en", text)], [Row([(0, 7)])], [finding], highlights=[Highlight(0, 0, 4, 7)])
    assert Page(render_html(report)).mark_text == {("f1", "location"): "def"}


def test_cli_lint_format_html_writes_the_page(tmp_path):
    import subprocess
    import sys

    glossary = tmp_path / "g.csv"
    glossary.write_text("id,en,ar,en_allowed,en_forbidden,ar_allowed,ar_forbidden,note\n"
                        "kataib-hezbollah,Kataib Hezbollah,كتائب حزب الله,KH,Kata'ib Hizballah,,,\n", encoding="utf-8")
    article = tmp_path / "a.md"
    article.write_text("Kata'ib Hizballah said <script>alert(1)</script>.\n\nKH too.\n", encoding="utf-8")
    out = tmp_path / "r.html"
    proc = subprocess.run([sys.executable, "-m", "termcheck", "lint", str(article), "-g", str(glossary), "--format", "html",
                           "-o", str(out)], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 1, proc.stderr
    page = out.read_text(encoding="utf-8")
    parsed = Page(page)
    assert parsed.errors == [] and parsed.heads == {"f1": ["location"]}
    assert parsed.mark_text[("f1", "location")] == "Kata'ib Hizballah"
    assert [t for _, t in parsed.cell_text] == ["Kata'ib Hizballah said <script>alert(1)</script>.", "KH too."]
    digest = hashlib.sha1(glossary.read_bytes()).hexdigest()[:8]
    assert f'<span class="tc-sig">termcheck:0.1.0|glossary:g.csv@sha1:{digest}|rules:all</span>' in page


def test_markdown_line_markers_are_not_shown_but_offsets_hold(tmp_path):
    """A quote continued over two lines must not show its second '>' in the page."""
    import subprocess
    import sys

    page = tmp_path / "r.html"
    subprocess.run(
        [sys.executable, "-m", "termcheck", "check", "corpora/haydariyun-rally/ar.md", "corpora/haydariyun-rally/en.md",
         "-g", "glossaries/house.csv", "--format", "html", "-o", str(page)],
        capture_output=True, timeout=120,
    )
    html_text = page.read_text(encoding="utf-8")
    assert "but we will not stay silent" in html_text
    assert "&gt; but we will not stay silent" not in html_text
    assert "&gt;Kata" not in html_text and "Kata&#x27;ib Hizballah" in html_text

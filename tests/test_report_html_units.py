"""The units HTML page: only units with findings and their neighbours by default, a row that says
how many were left out, --all-units for every unit, and Latin runs and placeholders in Arabic
cells isolated (<bdi dir="ltr">) so bidi cannot reorder them."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from typer.testing import CliRunner

from termcheck.cli import app
from termcheck.model import Document, Finding, Severity
from termcheck.report.html import Unit, _isolated, render_html, report_for_units

LOC = Document("app.po", "", "ar").location(0, 0)


def finding(found: str = "x") -> Finding:
    return Finding("TC305", Severity.ERROR, LOC, found, "placeholder missing")


def rows_of(page: str) -> list[str]:
    """Each body row as 'skip: <text>', 'file: <path>', 'context: <label>' or 'unit: <label>'."""
    out = []
    for classes, kind, body in re.findall(r'<tr class="(tc-[^"]*)" data-row="\d+"( data-kind="context")?>(.*?)</tr>', page):
        if classes in ("tc-skip", "tc-file"):
            out.append(classes[3:] + ": " + re.sub(r"<[^>]+>", "", body))
        else:
            label = re.search(r'<span class="tc-rownum">([^<]*)</span>', body).group(1)
            out.append(("context: " if kind else "unit: ") + label)
    return out


def test_only_units_with_findings_and_one_neighbour_each_side():
    units = [Unit(f"s{i}", f"ت{i}", [finding()] if i in (4, 9) else [], label=str(i)) for i in range(12)]
    page = render_html(report_for_units(units, path="app.po", context=1))
    assert rows_of(page) == [
        "skip: ⋯ 3 units without findings",
        "context: 3", "unit: 4", "context: 5",
        "skip: ⋯ 2 units without findings",
        "context: 8", "unit: 9", "context: 10",
        "skip: ⋯ 1 unit without findings",
    ]
    assert "s0" not in page and "s6" not in page and "s3" in page
    assert "1 of 12 with findings" not in page and "2 of 12 with findings, shown with 1 neighbour each side" in page
    every = render_html(report_for_units(units, path="app.po"))
    assert rows_of(every) == [("unit: " + str(i)) for i in range(12)]


def test_neighbours_come_from_the_same_file_and_adjacent_findings_merge():
    units = [Unit("a0", "ا", [], "1", "a.po"), Unit("a1", "ب", [finding()], "2", "a.po"),
             Unit("b0", "ت", [], "1", "b.po"), Unit("b1", "ث", [finding()], "2", "b.po"),
             Unit("b2", "ج", [finding()], "3", "b.po"), Unit("c0", "ح", [], "1", "c.po")]
    page = render_html(report_for_units(units, context=1))
    # several files: a heading row names each; a.po's last unit does not lend b.po a neighbour
    assert rows_of(page) == ["file: a.po", "context: 1", "unit: 2", "file: b.po", "context: 1", "unit: 2", "unit: 3",
                             "skip: ⋯ 1 unit without findings"]


def test_latin_runs_and_placeholders_in_arabic_cells_are_isolated():
    assert _isolated("تم الحفظ في %(datetime)s.") == 'تم الحفظ في <bdi dir="ltr">%(datetime)s</bdi>.'
    assert _isolated("(الحد %(limit_value)s)") == '(الحد <bdi dir="ltr">%(limit_value)s</bdi>)'
    assert _isolated("ثبّت Windows 10 Pro الآن") == 'ثبّت <bdi dir="ltr">Windows 10 Pro</bdi> الآن'
    assert _isolated("الرقم {0} و{name}") == 'الرقم <bdi dir="ltr">{0}</bdi> و<bdi dir="ltr">{name}</bdi>'
    assert _isolated("اضغط <b>حفظ</b>") == 'اضغط <bdi dir="ltr">&lt;b&gt;</bdi>حفظ<bdi dir="ltr">&lt;/b&gt;</bdi>'
    assert _isolated("عدد 750 ألف") == "عدد 750 ألف"  # digits alone keep their place


class Nesting(HTMLParser):
    def __init__(self):
        super().__init__()
        self.stack: list[str] = []
        self.errors: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag not in ("meta", "col", "input", "br"):
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1:] or 'nothing'}")
        else:
            self.stack.pop()


def test_only_the_arabic_cell_is_isolated_and_marks_nest():
    found = Finding("TC101", Severity.ERROR, LOC, "Google Drive", "brand kept in Latin")
    report = report_for_units([Unit("Saved to Google Drive at %(time)s", "حُفظ في Google Drive الساعة %(time)s.", [found])],
                              path="app.po")
    page = render_html(report)
    source, target = re.findall(r'<td class="tc-cell"[^>]*>(.*?)</td>', page)
    assert "<bdi" not in source
    assert target == ('حُفظ في <mark class="tc-mark sev-error" data-finding-id="f1" data-rule="TC101" data-severity="error" '
                      'data-side="location" tabindex="0" aria-describedby="tc-tip" aria-label="TC101 error: brand kept in Latin">'
                      '<bdi dir="ltr">Google Drive</bdi></mark> الساعة <bdi dir="ltr">%(time)s</bdi>.')
    checker = Nesting()
    checker.feed(page)
    assert checker.errors == []


HEADER = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Language: ar\\n"\n\n'


def test_units_command_draws_findings_by_default_and_every_unit_with_all_units(tmp_path):
    entries = [("Open", "افتح"), ("Close", "أغلق"), ("Saved at %(time)s", "حُفظ"), ("Save", "احفظ"),
               ("Help", "مساعدة"), ("About", "حول")]
    po = tmp_path / "app.po"
    po.write_text(HEADER + "".join(f'msgid "{s}"\nmsgstr "{t}"\n\n' for s, t in entries), encoding="utf-8")
    runner = CliRunner()
    out = tmp_path / "r.html"
    result = runner.invoke(app, ["units", str(po), "--format", "html", "-o", str(out)])
    assert result.exit_code == 1  # TC305: %(time)s is missing
    assert rows_of(out.read_text(encoding="utf-8")) == [
        "skip: ⋯ 1 unit without findings", "context: 10", "unit: 13", "context: 16", "skip: ⋯ 2 units without findings"]
    result = runner.invoke(app, ["units", str(po), "--format", "html", "--all-units", "-o", str(out)])
    assert rows_of(out.read_text(encoding="utf-8")) == [f"unit: {line}" for line in (7, 10, 13, 16, 19, 22)]  # msgstr lines


def test_a_file_name_that_is_not_utf8_is_shown_with_a_replacement_character():
    from termcheck.report.html import report_for_lint

    name = b"odd/\xff.md".decode("utf-8", "surrogateescape")  # as os.listdir gives it
    page = render_html(report_for_lint([Document(name, "Some text.", "en")], []))
    assert "odd/\ufffd.md" in page and "\udcff" not in page
    page.encode("utf-8")  # writable as UTF-8

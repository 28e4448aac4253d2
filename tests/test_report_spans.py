"""JSON fixes carry their span; the text report's excerpt is the line Location counts (issue 11)."""

from __future__ import annotations

import json

from termcheck.model import Applicability, Document, Finding, Fix, Severity
from termcheck.report import jsonfmt, text

ARTICLE = "Intro.\nThe Al-Khazali\u2028group and\rAl-Khazali.\n"


def _tc103(doc: Document, start: int) -> Finding:
    loc = doc.location(start, start + len("Al-Khazali"))
    return Finding("TC103", Severity.WARNING, loc, "Al-Khazali", "lower case al- mid-sentence",
                   fix=Fix(start, start + 1, "a", Applicability.SAFE))


def test_json_fix_has_the_span_it_replaces_with_and_without_the_text():
    doc = Document("a.md", ARTICLE, "en")
    first = ARTICLE.index("Al-Khazali")
    second = ARTICLE.index("Al-Khazali", first + 1)
    findings = [_tc103(doc, first), _tc103(doc, second)]
    expected = [{"replacement": "a", "applicability": "safe", "line": 2, "column": 5, "end_line": 2, "end_column": 6},
                {"replacement": "a", "applicability": "safe", "line": 2, "column": 26, "end_line": 2, "end_column": 27}]
    with_text = json.loads(jsonfmt.render(findings, 1, sources={"a.md": ARTICLE}))["findings"]
    without = json.loads(jsonfmt.render(findings, 1))["findings"]
    assert [f["fix"] for f in with_text] == expected == [f["fix"] for f in without]


def test_excerpt_is_the_location_line_even_after_cr_u2028_and_form_feed():
    doc = Document("a.md", ARTICLE, "en")
    second = ARTICLE.index("Al-Khazali", ARTICLE.index("Al-Khazali") + 1)
    report = text.render([_tc103(doc, second)], 1, {"a.md": ARTICLE})
    lines = report.splitlines()
    assert lines[0] == "a.md:2:26: TC103 [warning] lower case al- mid-sentence"
    assert lines[1] == "    The Al-Khazali group and Al-Khazali."
    assert lines[2] == "    " + " " * 25 + "^" * 10

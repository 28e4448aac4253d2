"""Property: every finding's line and column point at its `found` text, whatever the text holds.

Texts are drawn from Arabic and Latin letters, harakat and a Latin combining mark, tatweel, bidi
and zero-width controls, and every line-ending convention (\\n, \\r\\n, \\r, U+2028, U+2029, NEL, VT,
FF), with glossary forms (allowed, forbidden, inflected, capitalized al-) spliced in. Lines and
columns are recomputed here independently of termcheck (lines end at \\n only; columns count code
points) and must select exactly `found`, in the findings and in the JSON and text reports.
"""

from __future__ import annotations

import json

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from termcheck.lint import lint_document
from termcheck.match import Matcher
from tests.helpers import matcher_for
from termcheck.model import Document
from termcheck.report import jsonfmt
from termcheck.report import text as text_report

GLOSSARY = (
    "id,en,ar,en_allowed,en_forbidden,ar_allowed,ar_forbidden\n"
    "kataib-hezbollah,Kataib Hezbollah,كتائب حزب الله,KH,Kata'ib Hizballah|Kataib Hizbollah,,\n"
    "password,password,كلمة المرور,,,,كلمة السر\n"
    "khazali,Qais al-Khazali,قيس الخزعلي,,,,\n"
)
PIECES = [
    "Kataib Hizbollah", "Kata\u2019ib Hizballah", "Kataib Hezbollah", "Kataib  Hizbollah", "Kataib\nHizbollah",
    "Qais Al-Khazali", "al-Khazali", "Al-Khazali", "Qais al-Khazaly", "Kataib Hizbullah", "passwords",
    "كتائب حزب الله", "وكتائب حزب الله", "كلمة السر", "بكلمة السر", "لكلمة السرّ", "كلمة المرور", "قيس الخزعلي",
    "Mohammed", ". ", "، ", "؟ ", "\n\n", " ",
]
ODD = ["a", "Z", "ك", "ب", "\u064e", "\u0651", "\u0301", "\u0640", "\u200e", "\u200f", "\u202b", "\u202c",
       "\u2066", "\u2069", "\u200c", "\u200d", "\ufeff", "١", "2", " ", "\t", "\u00a0", "é", "'", "-"]
LINE_ENDS = ["\n", "\r\n", "\r", "\u2028", "\u2029", "\x85", "\x0b", "\x0c"]

texts = st.lists(st.one_of(st.sampled_from(PIECES), st.sampled_from(PIECES[:18]), st.sampled_from(ODD),
                           st.sampled_from(LINE_ENDS)),
                 max_size=60).map("".join)


def matcher(tmp_path_factory) -> Matcher:
    return matcher_for(GLOSSARY)


def offset_of(text: str, line: int, column: int) -> int:
    """The offset of 1-based (line, column), lines split at \\n only (independent of TextIndex)."""
    starts = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]
    return starts[line - 1] + column - 1


SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@SETTINGS
@given(text=texts)
def test_every_finding_points_at_its_found_text(tmp_path_factory, text):
    doc = Document("a.md", text, "ar" if sum("\u0600" <= c <= "\u06ff" for c in text) > len(text) / 3 else "en")
    findings = lint_document(doc, matcher(tmp_path_factory))
    event(f"findings: {min(len(findings), 3)}{'+' if len(findings) >= 3 else ''}")
    for finding in findings:
        loc = finding.location
        start, end = offset_of(text, loc.line, loc.column), offset_of(text, loc.end_line, loc.end_column)
        assert (start, end) == (loc.start, loc.end)
        assert text[start:end] == finding.found, finding
    report = json.loads(jsonfmt.render(findings, 1, sources={"a.md": text}))
    for item in report["findings"]:
        start = offset_of(text, item["line"], item["column"])
        end = offset_of(text, item["end_line"], item["end_column"])
        assert text[start:end] == item["found"]
        if "fix" in item:  # the fix's own span lies inside the finding's
            fix = item["fix"]
            assert start <= offset_of(text, fix["line"], fix["column"]) <= offset_of(text, fix["end_line"], fix["end_column"]) <= end
    shown = text_report.render(findings, 1, {"a.md": text})
    for finding in findings:  # the excerpt underlines the span on the line the head names
        loc = finding.location
        assert f"a.md:{loc.line}:{loc.column}: {finding.rule} " in shown

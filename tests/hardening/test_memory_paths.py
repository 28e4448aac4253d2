"""The memory-saving paths of issue 11 give what the plain paths give: SARIF's fingerprints hashed
as they come (baseline.iter_fingerprints) and first_findings' sort skipped for a list in order."""

from __future__ import annotations

import random

from termcheck.baseline import fingerprints, iter_fingerprints
from termcheck.limits import first_findings
from termcheck.model import Document, Finding, Severity

TEXT = "Kataib Hizbollah said. Kataib Hizbollah left.\nHizbollah came; Kataib Hizbollah went.\n" * 20


def _findings() -> list[Finding]:
    doc = Document("d.md", TEXT, "en")
    out = []
    for form, rule in (("Kataib Hizbollah", "TC101"), ("Hizbollah", "TC102")):
        at = TEXT.find(form)
        while at >= 0:
            out.append(Finding(rule, Severity.ERROR, doc.location(at, at + len(form)), form, "m", concept="kh"))
            at = TEXT.find(form, at + 1)
    return out  # TC101s then TC102s: not in text order


def test_iter_fingerprints_are_fingerprints_in_and_out_of_text_order():
    findings = _findings()
    ordered = sorted(findings, key=lambda f: f.sort_key)
    assert ordered != findings
    for case in (ordered, findings, random.Random(3).sample(findings, len(findings)), ordered[:1], []):
        assert list(iter_fingerprints(case)) == fingerprints(case)
    assert len(set(fingerprints(ordered))) == len(ordered)  # each occurrence its own hash


def test_first_findings_in_order_or_not_come_out_in_text_order():
    findings = _findings()
    ordered = sorted(findings, key=lambda f: f.sort_key)
    for case in (findings, ordered, list(reversed(ordered))):
        kept, withheld = first_findings(case, len(case))
        assert kept == ordered and not withheld
        kept, withheld = first_findings(case, 10)
        assert kept == ordered[:10] and sum(withheld.values()) == len(case) - 10

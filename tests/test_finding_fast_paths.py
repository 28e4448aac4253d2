"""The fast copies of Finding's generic paths give what the generic paths give: the JSON dict of
a plain finding (jsonfmt._plain_finding_dict vs finding_dict, keys in order) and a pickled
finding (Finding.__reduce__, how forked lint workers hand findings back)."""

from __future__ import annotations

import pickle

from termcheck.model import Applicability, Document, Finding, Fix, Severity, TextIndex
from termcheck.report import jsonfmt

TEXT = "Intro.\nThe Al-Khazali group\nand Al-Khazali.\n"


def _findings() -> list[Finding]:
    doc = Document("d/caf\xe9.md", TEXT, "en")
    at = TEXT.index("Al-Khazali")
    loc = doc.location(at, at + len("Al-Khazali"))
    return [
        Finding("TC101", Severity.ERROR, loc, "Al-Khazali", "forbidden", "al-Khazali", "c1"),
        Finding("TC103", Severity.WARNING, loc, "Al-Khazali", "lower case", fix=Fix(at, at + 1, "a")),
        # a fix outside the finding's span: located by the text's index (or not at all)
        Finding("TC102", Severity.INFO, loc, "Al-Khazali", "variant", "x", "c2",
                fix=Fix(0, 5, "Outro", Applicability.UNSAFE)),
    ]


def test_plain_finding_dict_is_finding_dict_key_for_key():
    index = TextIndex(TEXT)
    for finding in _findings():
        for located in (index, None, lambda: index):
            fast = jsonfmt._plain_finding_dict(finding, located)
            assert list(fast.items()) == list(jsonfmt.finding_dict(finding, located).items())
    assert "line" in jsonfmt._plain_finding_dict(_findings()[2], index)["fix"]


def test_a_pickled_finding_comes_back_equal_with_and_without_its_rarer_fields():
    rare = Finding("TC201", Severity.ERROR, _findings()[0].location, "x", "m", suggestion="y", extra={"k": 1})
    for finding in (*_findings(), rare):
        assert pickle.loads(pickle.dumps(finding)) == finding

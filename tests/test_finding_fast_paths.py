"""The fast copies of Finding's generic paths give what the generic paths give: the JSON of
a plain finding (jsonfmt._plain_finding_json vs the encoder over finding_dict, character for character) and a pickled
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


def test_plain_finding_json_is_the_encoded_finding_dict_character_for_character():
    index = TextIndex(TEXT)
    odd = _findings()[0].location
    escaped = [  # quotes, a backslash, control characters, non-ASCII and None fields
        Finding("TC101", Severity.ERROR, odd, 'Al-"K"\\\n\t\x01\u2028\u0627', 'say "x"', None, None),
        Finding("TC102", Severity.WARNING, odd, "x", "m", "y\u00e9", "c\x7f", fix=Fix(0, 1, None, Applicability.DISPLAY)),
    ]
    at = TEXT.index("Al-Khazali")
    whole = [  # a fix of the whole finding (TC101's), on one line and across a line break
        Finding("TC101", Severity.ERROR, odd, "Al-Khazali", "m", "al-Khazali", "c1", fix=Fix(at, at + 10, "al-Khazali")),
        Finding("TC101", Severity.ERROR, Document("d.md", TEXT, "en").location(4, at + 10),
                TEXT[4:at + 10], "m", fix=Fix(4, at + 10, "x")),  # 'o.\nThe Al-Khazali'
    ]
    for finding in (*_findings(), *escaped, *whole):
        for located in (index, None, lambda: index):
            fast = jsonfmt._plain_finding_json(finding, located)
            assert fast == jsonfmt._ENCODE(jsonfmt.finding_dict(finding, located))
    assert '"fix": {"replacement": "Outro", "applicability": "unsafe", "line": 1' in \
        jsonfmt._plain_finding_json(_findings()[2], index)


def test_a_pickled_finding_comes_back_equal_with_and_without_its_rarer_fields():
    rare = Finding("TC201", Severity.ERROR, _findings()[0].location, "x", "m", suggestion="y", extra={"k": 1})
    for finding in (*_findings(), rare):
        assert pickle.loads(pickle.dumps(finding)) == finding

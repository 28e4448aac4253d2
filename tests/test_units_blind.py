"""`termcheck units` on corpora/blind/warqa-ui: a gettext catalogue written for issue 9 as a blind check
(its own glossary; nothing in termcheck was tuned on it before it was taken in).

Every planted error of errors.tsv is found at its msgstr line (KNOWN_MISSES aside, strict), and every
finding stands on a planted line (precision).
"""

from __future__ import annotations

import csv
import json
import os

import pytest

HERE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "corpora", "blind", "warqa-ui")
KNOWN_MISSES = {
    ("TC301", "37"): "'Sign out' is translated two ways under two msgctxt values (toolbar, menu); termcheck takes "
                     "a context as gettext does, as licence for another translation, and compares within one only",
}


def planted() -> list[dict]:
    with open(os.path.join(HERE, "errors.tsv"), encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


@pytest.fixture(scope="module")
def findings():
    import io
    from contextlib import redirect_stdout

    from termcheck.cli import main

    out = io.StringIO()
    with redirect_stdout(out):
        with pytest.raises(SystemExit):
            main(["units", os.path.join(HERE, "ar.po"), "-g", os.path.join(HERE, "glossary.csv"), "--no-config",
                  "--format", "json"])
    return json.loads(out.getvalue())["findings"]


def _param(row: dict):
    key = (row["rule"], row["line"])
    marks = [pytest.mark.xfail(reason=KNOWN_MISSES[key], strict=True)] if key in KNOWN_MISSES else []
    return pytest.param(row, id=f"{row['rule']}-{row['line']}", marks=marks)


@pytest.mark.parametrize("row", [_param(r) for r in planted()])
def test_planted_error_is_found(findings, row):
    assert any(f["rule"] == row["rule"] and f["line"] == int(row["line"]) for f in findings), row


def test_every_finding_stands_on_a_planted_error(findings):
    lines = {int(r["line"]) for r in planted()}
    assert [(f["rule"], f["line"], f["message"]) for f in findings if f["line"] not in lines] == []

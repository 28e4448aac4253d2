"""`termcheck units` on the real catalogues in ../shared/realdata against the labelled findings in
tests/realdata/units_expected.tsv (read in place, never copied; skipped when ../shared is absent).

Fails when a finding labelled true disappears, or when a rule's precision on these sets drops
below issue 9's bars (error rules >= 0.95, warning rules >= 0.85). A finding that is not in the
file counts as false: label it (honestly) in the file when a change adds one.
"""

from __future__ import annotations

import csv
import json
import os
import shutil
from collections import defaultdict

import pytest
from helpers import run_cli

HERE = os.path.dirname(__file__)
REALDATA = os.path.join(HERE, "..", "..", "shared", "realdata")
EXPECTED = os.path.join(HERE, "realdata", "units_expected.tsv")
SETS = {
    "django": "django-5.2.19",
    "allauth": "django-allauth-65.22.1",
    "mozilla": "mozilla-focus-ios/ar.xliff",
    "tico": "tico19/all.en-ar.tmx",
}
BARS = {"error": 0.95, "warning": 0.85}

pytestmark = pytest.mark.skipif(not os.path.isdir(REALDATA), reason="../shared/realdata not available")


def labelled() -> list[dict]:
    with open(EXPECTED, encoding="utf-8") as handle:
        rows = [line for line in handle if not line.startswith("#")]
    return list(csv.DictReader(rows, delimiter="\t", quoting=csv.QUOTE_NONE))


def run_set(monkeypatch, capsys, name: str) -> tuple[int, list[dict]]:
    code, out, err = run_cli(monkeypatch, capsys, "units", os.path.join(REALDATA, SETS[name]), "--format", "json",
                             "--no-config")
    assert err == ""
    return code, json.loads(out)["findings"]


def key(name: str, finding: dict) -> tuple:
    return (name, finding["rule"], os.path.relpath(finding["path"], REALDATA), int(finding["line"]), finding["found"])


@pytest.mark.parametrize("name", sorted(SETS))
def test_labelled_true_findings_are_still_found_and_precision_holds(monkeypatch, capsys, name):
    _, findings = run_set(monkeypatch, capsys, name)
    labels = {(r["set"], r["rule"], r["path"], int(r["line"]), r["found"]): r for r in labelled() if r["set"] == name}
    found = {key(name, f) for f in findings}
    lost = [k for k, r in labels.items() if r["label"] == "true" and k not in found]
    assert lost == [], f"labelled-true findings no longer reported: {lost}"
    per_rule: dict[tuple[str, str], list[bool]] = defaultdict(list)
    for finding in findings:
        row = labels.get(key(name, finding))
        per_rule[(finding["rule"], finding["severity"])].append(row is not None and row["label"] == "true")
    for (rule, severity), truths in per_rule.items():
        if severity in BARS:
            precision = sum(truths) / len(truths)
            assert precision >= BARS[severity], f"{name} {rule}: precision {precision:.2f} ({sum(truths)}/{len(truths)})"


def test_labels_are_true_or_false_with_a_reason():
    rows = labelled()
    assert rows and all(r["label"] in ("true", "false") and r["why"] for r in rows)
    assert {r["set"] for r in rows} <= set(SETS)


def test_django_catalogues_with_mo_beside_pass_with_nothing_in_a_mo(monkeypatch, capsys):
    code, findings = run_set(monkeypatch, capsys, "django")
    assert code == 0
    assert not [f for f in findings if f["path"].endswith(".mo")]


def test_misspelt_placeholder_in_a_copy_of_django_is_found(tmp_path, monkeypatch, capsys):
    # the whole admin catalogue and its .mo, copied to a tmp dir; one placeholder misspelt in the .po
    folder = os.path.join(REALDATA, "django-5.2.19/django/contrib/admin/locale/ar/LC_MESSAGES")
    shutil.copy(os.path.join(folder, "django.mo"), tmp_path / "django.mo")
    text = open(os.path.join(folder, "django.po"), encoding="utf-8").read()
    assert text.count('msgstr "تعذّر حذف %(name)s"') == 1
    (tmp_path / "django.po").write_text(text.replace('msgstr "تعذّر حذف %(name)s"', 'msgstr "تعذّر حذف %(nmae)s"'),
                                        encoding="utf-8")
    code, out, _ = run_cli(monkeypatch, capsys, "units", str(tmp_path), "--format", "json", "--no-config")
    errors = [f for f in json.loads(out)["findings"] if f["severity"] == "error"]
    assert code == 1
    assert [(f["rule"], os.path.basename(f["path"]), f["line"], f["column"], f["found"], f["missing"], f["unexpected"])
            for f in errors] == [("TC305", "django.po", 36, 19, "%(nmae)s", ["%(name)s"], ["%(nmae)s"])]

"""`termcheck units` glossary rules (TC101, TC105, TC201, TC202, TC203) on the real data in ../shared/realdata,
against the labelled findings in tests/realdata/terms_expected.tsv (read in place, never copied;
skipped when ../shared is absent).

Five runs: the TICO-19 TMX with Google's and with Facebook's term list (converted at run time into a
tmp glossary by tests/realdata/tico_glossary.py), and Django's 13 catalogues, allauth and the Mozilla
Focus XLIFF, each with glossaries/web-ui.csv. A finding is true when an editor working to that
glossary would change the target; the `why` column says why for each.

Fails when a finding labelled true disappears, when an unlabelled finding appears (label it, honestly,
in the file), or when a rule's precision on a set is under issue 9's bar (error >= 0.95: TC101, TC201;
warning >= 0.85: TC202, TC203) and not held at a floor in FLOORS; a floor that the rule now clears
must be taken out, so that a met bar stays met. At HEAD TC201 meets its bar on both TICO-19 lists
(Google 316/332, Facebook 564/593); the false ones left are other senses of a word (medicine as a
field, ventilation of the lungs, close contact as an act), names spelt out that the lists do not
list (متلازمة الشرق الأوسط التنفسية for MERS) and the lists' own slips. Floors hold TC203 on Google's list
(0/1: كوفيد-19 in سارس كوفيد-19 for the source's misspelt SARS-CoV-19) and TC201 on mozilla-ui (1/2: the
button 'Email', أرسل بريدًا). termcheck/rules/rendered.py says which renderings TC201 accepts, and
bench/eval_terms_realdata.py prints these figures.
"""

from __future__ import annotations

import csv
import json
import os
from collections import defaultdict

import pytest
from helpers import run_cli

HERE = os.path.dirname(__file__)
ROOT = os.path.dirname(HERE)
REALDATA = os.path.join(ROOT, "..", "shared", "realdata")
EXPECTED = os.path.join(HERE, "realdata", "terms_expected.tsv")
WEB_UI = os.path.join(ROOT, "glossaries", "web-ui.csv")
TMX = "tico19/all.en-ar.tmx"
# set -> (path under realdata, glossary: a path, or the TICO term list to convert)
SETS = {
    "tico-google": (TMX, ("tico", "tico19/g_en_ar.csv")),
    "tico-facebook": (TMX, ("tico", "tico19/f_en-ar_AR.csv")),
    "django-ui": ("django-5.2.19", WEB_UI),
    "allauth-ui": ("django-allauth-65.22.1", WEB_UI),
    "mozilla-ui": ("mozilla-focus-ios/ar.xliff", WEB_UI),
}
RULES = ("TC101", "TC105", "TC201", "TC202", "TC203")
BARS = {"error": 0.95, "warning": 0.85, "info": 0.0}  # info (TC105's hamza spellings) is advisory: labelled, no bar
# (set, rule) -> floor, where issue 9's bar is not met today (measured true/total in the comment)
FLOORS: dict[tuple[str, str], float] = {
    ("tico-google", "TC203"): 0.00,  # 0/1
    ("mozilla-ui", "TC201"): 0.50,  # 1/2
}
# Labelled-true findings that today's rules knowingly no longer report, each with the reason.
KNOWN_LOST = {
    ("tico-google", "TC201", "tico19/all.en-ar.tmx", 12133, 25, "COVID-19 outbreaks", ""):
        "the misaligned unit's target happens to hold تفشٍّ and كوفيد-19, which render the compound by its parts",
    ("tico-facebook", "TC201", "tico19/all.en-ar.tmx", 12133, 25, "COVID-19 outbreaks", ""):
        "the same misaligned unit: its target holds تفشي ... كوفيد-19 with words put in, the form word for word",
    # A common term written inside an institution's name is left to the name's own rendering
    # (text.proper_names: 10 false findings gone, 'School of Medicine', 'British Airways'). These three
    # are the price: the names render the term with a synonym of the list's form.
    ("tico-facebook", "TC201", "tico19/all.en-ar.tmx", 14941, 25, "Clinical Trials", ""):
        "'International Clinical Trials Registry Platform', rendered التجارب السريرية, not the list's تجربة إكلينيكية",
    ("tico-facebook", "TC201", "tico19/all.en-ar.tmx", 8581, 25, "Preparedness", ""):
        "'Coronavirus Preparedness and Response ... Act', rendered التأهب, not the list's الاستعداد",
    ("tico-facebook", "TC201", "tico19/all.en-ar.tmx", 16159, 25, "Preparedness", ""):
        "'Coalition for Epidemic Preparedness Innovations', rendered التأهب, not the list's الاستعداد",
}

pytestmark = pytest.mark.skipif(not os.path.isdir(REALDATA), reason="../shared/realdata not available")


def labelled() -> list[dict]:
    with open(EXPECTED, encoding="utf-8") as handle:
        rows = [line for line in handle if not line.startswith("#")]
    return list(csv.DictReader(rows, delimiter="\t", quoting=csv.QUOTE_NONE))


def glossary_for(name: str, tmp_path) -> str:
    glossary = SETS[name][1]
    if isinstance(glossary, str):
        return glossary
    from realdata.tico_glossary import convert

    out = tmp_path / "glossary.csv"
    convert(os.path.join(REALDATA, glossary[1]), str(out))
    return str(out)


def run_set(monkeypatch, capsys, tmp_path, name: str) -> list[dict]:
    args = ["units", os.path.join(REALDATA, SETS[name][0]), "-g", glossary_for(name, tmp_path), "--format", "json",
            "--no-config", "--select", "TC1", "--select", "TC201", "--select", "TC202", "--select", "TC203"]
    _, out, err = run_cli(monkeypatch, capsys, *args)
    assert err == ""
    return json.loads(out)["findings"]


def key(name: str, finding: dict) -> tuple:
    return (name, finding["rule"], os.path.relpath(finding["path"], REALDATA), int(finding["line"]),
            int(finding["column"]), finding.get("source_text") or "", finding["found"])


def row_key(row: dict) -> tuple:
    return (row["set"], row["rule"], row["path"], int(row["line"]), int(row["column"]), row["term"], row["found"])


@pytest.mark.parametrize("name", list(SETS))
def test_labelled_true_findings_are_still_found_and_precision_holds(monkeypatch, capsys, tmp_path, name):
    findings = run_set(monkeypatch, capsys, tmp_path, name)
    labels = {row_key(r): r for r in labelled() if r["set"] == name}
    found = {key(name, f) for f in findings}
    lost = [k for k, r in labels.items() if r["label"] == "true" and k not in found and k not in KNOWN_LOST]
    assert lost == [], f"labelled-true findings no longer reported: {lost}"
    assert not found & set(KNOWN_LOST), "a known-lost finding is reported again: take it out of KNOWN_LOST"
    unlabelled = [k for k in found if k not in labels]
    assert unlabelled == [], f"new findings, counted as false: label them in {EXPECTED}: {unlabelled[:20]}"
    per_rule: dict[tuple[str, str], list[bool]] = defaultdict(list)
    for finding in findings:
        per_rule[(finding["rule"], finding["severity"])].append(labels[key(name, finding)]["label"] == "true")
    for (rule, severity), truths in per_rule.items():
        precision = sum(truths) / len(truths)
        counts = f"{name} {rule}: precision {precision:.3f} ({sum(truths)}/{len(truths)})"
        if precision >= BARS[severity]:
            assert (name, rule) not in FLOORS, f"{counts} meets the bar: take its floor out of FLOORS"
        else:
            assert (name, rule) in FLOORS and precision >= FLOORS[(name, rule)], \
                f"{counts}, under the bar {BARS[severity]:.2f} and the floor {FLOORS.get((name, rule), 'none')}"

def test_labels_are_true_or_false_with_a_reason_and_name_a_glossary_rule():
    rows = labelled()
    assert rows and all(r["label"] in ("true", "false") and r["why"] for r in rows)
    assert {r["set"] for r in rows} == set(SETS)
    assert {r["rule"] for r in rows} <= set(RULES)
    assert len({row_key(r) for r in rows}) == len(rows)


def test_tico_term_list_becomes_one_concept_per_english_source(tmp_path):
    from realdata.tico_glossary import convert

    out = tmp_path / "g.csv"
    convert(os.path.join(REALDATA, "tico19/f_en-ar_AR.csv"), str(out))
    rows = list(csv.DictReader(open(out, encoding="utf-8")))
    assert list(rows[0]) == ["id", "en", "ar", "ar_allowed"]
    assert len({r["en"] for r in rows}) == len(rows)
    pandemic = [r for r in rows if r["en"] == "pandemic"]
    assert [(r["ar"], r["ar_allowed"]) for r in pandemic] == [("جائحة", "")]

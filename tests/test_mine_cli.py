"""termcheck glossary mine through the real command line, on the bundled corpora."""

from __future__ import annotations

import csv
import io
import json
import os
import sys

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PAIRS = []
for _name, _source in (("pmf-budget", "ar"), ("sudani-factions", "en"), ("haydariyun-rally", "ar")):
    _target = "en" if _source == "ar" else "ar"
    PAIRS += [f"corpora/{_name}/{_source}.md", f"corpora/{_name}/{_target}.md"]


@pytest.fixture()
def termcheck(capsys, monkeypatch):
    from termcheck.cli import main

    def run(*args: str) -> tuple[int, str, str]:
        monkeypatch.chdir(ROOT)
        monkeypatch.setattr(sys, "argv", ["termcheck", *args])
        capsys.readouterr()
        with pytest.raises(SystemExit) as info:
            main()
        out, err = capsys.readouterr()
        return info.value.code or 0, out, err

    return run


def _rows(text: str) -> dict[str, dict[str, str]]:
    return {row["en"] or row["id"]: row for row in csv.DictReader(io.StringIO(text))}


def test_mined_csv_is_a_glossary_that_validate_passes_and_lint_uses(termcheck, tmp_path):
    code, out, err = termcheck("glossary", "mine", *PAIRS)
    assert code == 0 and err == ""
    rows = _rows(out)
    kh = rows["Kataib Hezbollah"]
    assert kh["ar"] == "كتائب حزب الله"
    assert kh["en_forbidden"].split("|") == ["Kataib Hizbollah", "Kata'ib Hizballah"]  # seen once each
    assert kh["note"].startswith("mined name, 5 pairs, confidence 1.00: Kataib Hezbollah ×3 (corpora/sudani-factions/en.md:7, ")
    assert rows["Popular Mobilization Commission"]["ar"] == "هيئة الحشد الشعبي"
    mined = tmp_path / "mined.csv"
    mined.write_text(out, encoding="utf-8")
    code, out, err = termcheck("glossary", "validate", str(mined))
    assert (code, err) == (0, "") and "no findings" in out
    code, out, err = termcheck("lint", "corpora/pmf-budget/en.md", "-g", str(mined), "--format", "json", "--select", "TC101")
    found = {(f["found"], f["expected"]) for f in json.loads(out)["findings"]}
    assert ("Kataib Hizbollah", "Kataib Hezbollah") in found  # the mined glossary catches the planted slip


def test_existing_glossary_leaves_known_forms_out(termcheck):
    code, out, _ = termcheck("glossary", "mine", *PAIRS, "--existing", "glossaries/house.csv")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    texts = {cell for row in rows for key in ("en", "ar", "en_allowed", "en_forbidden", "ar_allowed", "ar_forbidden")
             for cell in row[key].split("|") if cell}
    assert "Kataib Hezbollah" not in texts and "كتائب حزب الله" not in texts
    known = [row for row in rows if row["id"] == "haydariyun"]
    assert [(r["en"], r["en_allowed"], r["en_forbidden"]) for r in known] == [("", "", "Haidariyoun")]


def test_json_and_html_review_outputs(termcheck):
    code, out, _ = termcheck("glossary", "mine", *PAIRS[:2], "--format", "json")
    data = json.loads(out)
    assert code == 0 and data["summary"]["candidates"] == len(data["candidates"])
    first = data["candidates"][0]
    assert set(first) == {"id", "kind", "known", "pairs", "confidence", "score", "en", "ar"}
    example = first["en"][0]["examples"][0]
    assert example["path"] == "corpora/pmf-budget/en.md" and example["line"] > 0 and example["context"]
    code, out, _ = termcheck("glossary", "mine", *PAIRS[:2], "--format", "html")
    assert code == 0 and out.startswith("<!DOCTYPE html>") and 'class="accept"' in out


def test_bad_inputs_are_one_line_and_exit_2(termcheck):
    code, out, err = termcheck("glossary", "mine", "corpora/pmf-budget/ar.md")
    assert code == 2 and err.count("\n") == 1 and "SOURCE TARGET" in err
    code, out, err = termcheck("glossary", "mine", *PAIRS[:2], "--lang-pair", "ar-fr")
    assert code == 2 and "--lang-pair must be ar-en or en-ar" in err


def test_english_copy_adds_spellings_of_known_names(termcheck, tmp_path):
    copy = tmp_path / "wire.md"
    copy.write_text("Kataib Hezbollah said on Monday.\n\nA Kataib Hizbullah statement followed, "
                    "and Kataib Hizbullah fighters left.\n", encoding="utf-8")
    code, out, _ = termcheck("glossary", "mine", *PAIRS, "--english", str(copy), "--format", "json")
    kh = next(c for c in json.loads(out)["candidates"] if c["id"] == "kataib-hezbollah")
    spellings = {s["text"]: (s["count"], s["status"]) for s in kh["en"]}
    assert spellings["Kataib Hezbollah"] == (4, "preferred")  # 3 in the pairs, 1 in the copy
    assert spellings["Kataib Hizbullah"] == (2, "allowed")  # new, twice, at least a third of 4
    assert [e["line"] for s in kh["en"] if s["text"] == "Kataib Hizbullah" for e in s["examples"]] == [3]


def test_progress_bar_only_on_a_terminal():
    from termcheck.mine.inputs import terminal_progress

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    assert terminal_progress(io.StringIO()) is None
    screen = Terminal()
    show = terminal_progress(screen)
    show(1, 2)
    show(2, 2)
    assert screen.getvalue() == ("\rmining [###############...............] 1/2 files"
                                 "\rmining [##############################] 2/2 files\n")

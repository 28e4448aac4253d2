"""`termcheck check SRC_DIR TGT_DIR`: files paired by relative path, any number of jobs, same findings."""

import json
import shutil
from pathlib import Path

from tests.helpers import run_termcheck as run

CORPORA = Path(__file__).resolve().parents[1] / "corpora"
GLOSSARY = str(Path(__file__).resolve().parents[1] / "glossaries" / "house.csv")


def _tree(tmp_path):
    src, tgt = tmp_path / "ar", tmp_path / "en"
    for pair in ("pmf-budget", "haydariyun-rally"):
        (src / pair).mkdir(parents=True)
        (tgt / pair).mkdir(parents=True)
        shutil.copy(CORPORA / pair / "ar.md", src / pair / "article.md")
        shutil.copy(CORPORA / pair / "en.md", tgt / pair / "article.md")
    (src / "only-in-source.md").write_text("نص بلا ترجمة.\n", encoding="utf-8")
    return src, tgt


def _findings(result):
    return [(f["path"], f["line"], f["column"], f["rule"]) for f in json.loads(result.stdout)["findings"]]


def test_folders_are_checked_pair_by_pair_with_the_same_findings_as_single_pairs(tmp_path):
    src, tgt = _tree(tmp_path)
    expected = []
    for pair in ("haydariyun-rally", "pmf-budget"):
        single = run("check", str(src / pair / "article.md"), str(tgt / pair / "article.md"), "-g", GLOSSARY,
                     "--format", "json")
        expected.extend(_findings(single))
    for jobs in ("1", "2"):
        result = run("check", str(src), str(tgt), "-g", GLOSSARY, "--format", "json", "--jobs", jobs)
        assert result.returncode == 1
        assert sorted(_findings(result)) == sorted(expected)
        data = json.loads(result.stdout)
        assert data["summary"]["files"] == 4
        assert [p["source"] for p in data["pairs"]] == [str(src / "haydariyun-rally" / "article.md"),
                                                         str(src / "pmf-budget" / "article.md")]
        assert result.stderr == (f"termcheck: warning: {src / 'only-in-source.md'}: no file with the same name "
                                 f"under {tgt}; not checked\n")


def test_a_file_and_a_folder_or_html_for_folders_are_usage_errors(tmp_path):
    src, tgt = _tree(tmp_path)
    mixed = run("check", str(src / "pmf-budget" / "article.md"), str(tgt), "-g", GLOSSARY)
    assert mixed.returncode == 2 and "give two files or two folders" in mixed.stderr
    html = run("check", str(src), str(tgt), "-g", GLOSSARY, "--format", "html")
    assert html.returncode == 2 and "--format html shows one article pair" in html.stderr
    empty = tmp_path / "empty"
    empty.mkdir()
    none = run("check", str(src), str(empty), "-g", GLOSSARY)
    assert none.returncode == 2 and none.stderr.strip().endswith("no files with the same relative path to check as pairs")

"""lint over many files: every core by default, the same report as one process, in path order."""

from __future__ import annotations

from termcheck.commands.lint import PARALLEL_MIN_BYTES, _jobs
from tests.helpers import GLOSSARY_CSV, run_termcheck

PARAGRAPH = ("Fighters of Kata'ib Hizballah said on Monday that Abu Mahdi al-Mohandis was there. "
             "Officials declined to comment on the figures.\n\n")


def _tree(tmp_path, files: int, paragraphs: int):
    glossary = tmp_path / "g.csv"
    glossary.write_text(GLOSSARY_CSV, encoding="utf-8")
    folder = tmp_path / "news"
    for k in range(files):
        sub = folder / f"s{k % 3}"
        sub.mkdir(parents=True, exist_ok=True)
        (sub / f"a{k:02d}.md").write_text(f"# Story {k}\n\n" + PARAGRAPH * (paragraphs + k), encoding="utf-8")
    return str(glossary), str(folder)


def test_a_folder_is_linted_in_parallel_with_the_report_of_one_process(tmp_path):
    glossary, folder = _tree(tmp_path, 12, 200)  # ~330 KB: over PARALLEL_MIN_BYTES, so the default forks
    one = run_termcheck("lint", folder, "-g", glossary, "--format", "json", "-j", "1")
    default = run_termcheck("lint", folder, "-g", glossary, "--format", "json")
    two = run_termcheck("lint", folder, "-g", glossary, "--format", "json", "-j", "2")
    assert one.returncode == default.returncode == two.returncode == 1, default.stderr
    assert default.stdout == one.stdout == two.stdout
    assert '"TC101"' in one.stdout and one.stdout.count('"path"') >= 12 * 200


def test_one_article_or_little_text_runs_in_one_process(tmp_path):
    _, folder = _tree(tmp_path, 3, 1)
    small = sorted(str(p) for p in (tmp_path / "news").rglob("*.md"))
    assert _jobs(small[:1]) == 1
    assert _jobs(small) == 1  # three short files: a pool would cost more than it saves
    big = tmp_path / "big.md"
    big.write_text("x" * PARALLEL_MIN_BYTES, encoding="utf-8")
    assert _jobs([str(big)]) == 1  # a single file is never split
    assert _jobs([small[0], str(big)]) == 0  # 0: every core


def test_a_bad_file_is_reported_as_one_process_reports_it(tmp_path):
    """Files are shared between this process (from the back) and the workers (from the front): the
    error is still the first bad file's in path order, whichever process met it."""
    glossary, folder = _tree(tmp_path, 40, 2)
    (tmp_path / "news" / "s0" / "a03.md").write_bytes(b"bad \xff byte\n")
    (tmp_path / "news" / "s2" / "a38.md").write_bytes(b"a NUL \x00 here\n")
    runs = [run_termcheck("lint", folder, "-g", glossary, "--format", "json", "-j", jobs) for jobs in ("1", "2")]
    assert [r.returncode for r in runs] == [2, 2]
    assert runs[0].stderr == runs[1].stderr and "a03.md" in runs[0].stderr and runs[0].stdout == runs[1].stdout == ""

"""`--fix` saves like an editor: permissions, owners, symlinks, hard links, races, SIGTERM (issue 11)."""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys

import pytest

from termcheck import fix as fixmod
from termcheck.fix import ChangedOnDisk, atomic_write, digest, fix_files
from termcheck.model import Applicability, Finding, Fix, Location, Severity
from tests.helpers import GLOSSARY_CSV
from tests.helpers import run_termcheck as run

OLD = b"one two\n"
NEW = b"one 2\n"


def _fix_two(path) -> "fixmod.FixResult":
    loc = Location(str(path), 4, 7, 1, 5, 1, 8)
    finding = Finding("TC101", Severity.ERROR, loc, "two", "m", fix=Fix(4, 7, "2", Applicability.SAFE))
    return fix_files([finding], {str(path): digest(OLD)}, {str(path): "utf-8"})


def _temp_files(folder) -> list[str]:
    return [name for name in os.listdir(folder) if name.startswith(".termcheck-")]


def test_read_only_file_is_refused_not_replaced(tmp_path):
    path = tmp_path / "a.md"
    path.write_bytes(OLD)
    os.chmod(path, 0o444)
    result = _fix_two(path)
    assert path.read_bytes() == OLD
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o444
    assert result.files == [] and result.fixed == []
    assert result.problems == [f"{path}: is read-only (no write permission); not fixed"]


def test_symlink_stays_a_link_and_its_target_is_fixed(tmp_path):
    target = tmp_path / "real.md"
    target.write_bytes(OLD)
    link = tmp_path / "link.md"
    os.symlink("real.md", link)
    result = _fix_two(link)
    assert os.path.islink(link) and os.readlink(link) == "real.md"
    assert target.read_bytes() == NEW
    assert result.files == [str(link)]


def test_hard_links_keep_sharing_one_file(tmp_path):
    first = tmp_path / "a.md"
    first.write_bytes(OLD)
    second = tmp_path / "b.md"
    os.link(first, second)
    inode = os.stat(first).st_ino
    _fix_two(first)
    assert os.stat(first).st_ino == inode == os.stat(second).st_ino
    assert second.read_bytes() == NEW
    assert _temp_files(tmp_path) == []


def test_mode_and_owner_are_kept(tmp_path):
    path = tmp_path / "a.md"
    path.write_bytes(OLD)
    os.chmod(path, 0o640)
    if os.geteuid() == 0:  # only root can give a file away; the fix must give it back the same way
        os.chown(path, 4242, 4343)
    before = os.stat(path)
    _fix_two(path)
    after = os.stat(path)
    assert path.read_bytes() == NEW
    assert (stat.S_IMODE(after.st_mode), after.st_uid, after.st_gid) == (0o640, before.st_uid, before.st_gid)


def test_edit_landing_just_before_the_rename_is_not_lost(tmp_path, monkeypatch):
    path = tmp_path / "a.md"
    path.write_bytes(OLD)
    real_fsync = os.fsync

    def someone_saves(fd):  # the user's editor writes while termcheck's temporary file is synced
        real_fsync(fd)
        path.write_bytes(b"theirs\n")

    monkeypatch.setattr(fixmod.os, "fsync", someone_saves)
    result = _fix_two(path)
    assert path.read_bytes() == b"theirs\n"
    assert result.files == [] and result.fixed == []
    assert result.problems == [f"{path}: changed on disk since it was checked; not fixed (run termcheck again)"]
    assert _temp_files(tmp_path) == []


def test_sigterm_while_writing_removes_the_temporary_file(tmp_path, monkeypatch):
    path = tmp_path / "a.md"
    path.write_bytes(OLD)
    real_fsync = os.fsync

    def terminated(fd):
        real_fsync(fd)
        os.kill(os.getpid(), signal.SIGTERM)

    monkeypatch.setattr(fixmod.os, "fsync", terminated)
    with pytest.raises(SystemExit) as exit_info:
        atomic_write(str(path), NEW, expected_digest=digest(OLD))
    assert exit_info.value.code == 128 + signal.SIGTERM
    assert path.read_bytes() == OLD
    assert _temp_files(tmp_path) == []
    assert signal.getsignal(signal.SIGTERM) is signal.SIG_DFL


def test_changed_digest_raises_before_replacing(tmp_path):
    path = tmp_path / "a.md"
    path.write_bytes(OLD)
    with pytest.raises(ChangedOnDisk):
        atomic_write(str(path), NEW, expected_digest=digest(b"something else"))
    assert path.read_bytes() == OLD and _temp_files(tmp_path) == []


def test_diff_of_a_bom_file_applies_with_git(tmp_path):
    (tmp_path / "g.csv").write_text(GLOSSARY_CSV, encoding="utf-8")
    article = tmp_path / "a.md"
    article.write_bytes(b"\xef\xbb\xbfIntro.\r\nKataib Hizbollah said.\r\n")
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    result = subprocess.run([sys.executable, "-m", "termcheck", "lint", "a.md", "-g", "g.csv", "--diff"],
                            cwd=tmp_path, capture_output=True)  # bytes: the patch's \r must survive
    assert result.returncode == 1
    (tmp_path / "fix.patch").write_bytes(result.stdout)
    applied = subprocess.run(["git", "apply", "fix.patch"], cwd=tmp_path, capture_output=True, text=True)
    assert applied.returncode == 0, applied.stderr
    assert article.read_bytes() == b"\xef\xbb\xbfIntro.\r\nKataib Hezbollah said.\r\n"


def test_report_may_not_overwrite_an_input(tmp_path):
    (tmp_path / "g.csv").write_text(GLOSSARY_CSV, encoding="utf-8")
    (tmp_path / "a.md").write_bytes(b"Kataib Hizbollah said.\n")
    for output in ("a.md", "g.csv"):
        result = run("lint", "a.md", "-g", "g.csv", "--format", "html", "-o", output, cwd=tmp_path)
        assert result.returncode == 2
        assert result.stderr == (f"termcheck: error: {output}: is an input of this run; -o would overwrite it "
                                 f"(choose another file)\n")
    assert (tmp_path / "a.md").read_bytes() == b"Kataib Hizbollah said.\n"

"""termcheck.io, termcheck.limits and the config/walk checks (issue 11), below the CLI corpus."""

from __future__ import annotations

import json
import os

import pytest

from termcheck import config as config_module
from termcheck.cli import hoist_limit_options
from termcheck.baseline import render_baseline
from termcheck.config import Config, apply_config, collect_files, load_config
from termcheck.io import decode, read_bytes
from termcheck.limits import LIMITS, UNLIMITED, parse_size
from termcheck.model import Finding, InputError, Location, Severity
from termcheck.report import jsonfmt, printable, sarif, text


@pytest.fixture
def limits():
    saved = dict(LIMITS.__dict__)
    yield LIMITS
    LIMITS.__dict__.update(saved)


def test_limit_options_move_before_the_command_wherever_they_stand():
    args = ["lint", "a.md", "--max-depth", "5", "-g", "g.csv", "--max-file-size=1M", "--", "--max-files"]
    assert hoist_limit_options(args) == ["--max-depth", "5", "--max-file-size=1M", "lint", "a.md", "-g", "g.csv",
                                         "--", "--max-files"]


def test_sizes_take_binary_suffixes_and_refuse_nonsense():
    assert [parse_size(v) for v in ("65536", "64K", "64M", "1G", "2mb")] == [65536, 65536, 64 << 20, 1 << 30, 2 << 20]
    for bad in ("0", "-5", "lots", "", "1T"):
        with pytest.raises(ValueError):
            parse_size(bad)


def test_nul_after_the_first_8_kb_is_binary_with_its_place():
    data = b"line\n" * 2000 + b"ab\x00"
    with pytest.raises(InputError) as err:
        decode(data, "a.md")
    assert str(err.value) == "a.md:2001:3: looks like a binary file (NUL byte); not a text file"


def test_utf16_with_bom_is_not_binary():
    assert decode("كتائب\n".encode("utf-16"), "a.md") == ("كتائب\n", "utf-16")


@pytest.mark.parametrize("codec", ["base64", "rot13", "idna", "hex_codec", "zlib"])
def test_only_text_encodings(codec):
    with pytest.raises(InputError) as err:
        decode(b"abc", "a.md", codec)
    assert str(err.value) == f"a.md: '{codec}' is not a text encoding; use a charset such as utf-8 or cp1256"


def test_file_size_and_line_length_limits_name_place_and_option(tmp_path, limits):
    path = tmp_path / "a.md"
    path.write_text("ok\n" + "x" * 30 + "\n", encoding="utf-8")
    limits.line_length = 20
    with pytest.raises(InputError) as err:
        decode(read_bytes(str(path)), "a.md")
    assert str(err.value) == ("a.md:2:21: line is too long (30 characters) "
                              "(limit 20 characters; --max-line-length raises it)")
    limits.file_size = 10
    with pytest.raises(InputError) as err:
        read_bytes(str(path))
    assert str(err.value) == f"{path}: file is too large (34 bytes) (limit 10 bytes; --max-file-size raises it)"


def test_toml_brackets_inside_strings_do_not_count_as_nesting(tmp_path, limits):
    limits.depth = 2
    path = tmp_path / "termcheck.toml"
    path.write_text('exclude = ["[[[[x]]]].md", \'[[[\']\n# [[[[[\nencoding = """\n[[[[\n"""\n', encoding="utf-8")
    with pytest.raises(InputError, match="encoding: unknown encoding"):
        load_config(str(path))  # got past the nesting check to the (bad) multi-line encoding value
    path.write_text("a = [[[1]]]\n", encoding="utf-8")
    with pytest.raises(InputError) as err:
        load_config(str(path))
    assert str(err.value) == f"{path}:1:7: TOML values nested too deep (limit 2 levels; --max-depth raises it)"


def test_walk_warns_about_what_it_skips_and_refuses_exclude_all(tmp_path, capsys, monkeypatch):
    (tmp_path / "a.md").write_text("x\n", encoding="utf-8")
    os.symlink("missing.md", tmp_path / "dead.md")
    os.mkfifo(tmp_path / "pipe.md")
    real_walk = os.walk

    def walk_with_unreadable(top, onerror=None):
        onerror(PermissionError(13, "Permission denied", str(tmp_path / "locked")))
        yield from real_walk(top, onerror=onerror)

    monkeypatch.setattr(config_module.os, "walk", walk_with_unreadable)
    found = collect_files([str(tmp_path)], Config(root=str(tmp_path)))
    assert found == [str(tmp_path / "a.md")]
    assert capsys.readouterr().err.splitlines() == [
        f"termcheck: warning: {tmp_path}/locked: cannot read folder: Permission denied; skipped",
        f"termcheck: warning: {tmp_path}/dead.md: dangling symlink (points to missing.md, which does not exist); skipped",
        f"termcheck: warning: {tmp_path}/pipe.md: not a regular file (a FIFO); skipped",
    ]
    with pytest.raises(InputError, match=r"every file to check is excluded by the exclude globs \(\*\*\)"):
        collect_files([str(tmp_path)], Config(root=str(tmp_path), exclude=["**"]))


def test_a_limit_past_any_input_means_no_limit_not_one_huge_read(tmp_path, limits):
    assert parse_size("9" * 40) == parse_size("9" * 40 + "G") == UNLIMITED
    limits.file_size = parse_size("9" * 40)
    path = tmp_path / "a.md"
    path.write_bytes(b"x" * 70_000)
    assert read_bytes(str(path)) == b"x" * 70_000  # asked for what stat promised, not for 2**60 bytes


@pytest.mark.parametrize("option", ["select", "ignore"])
def test_a_rule_selector_that_selects_nothing_is_refused(option):
    apply_config(Config(), **{option: ["tc1", "TC20", "TC901"]})  # codes and prefixes, any case
    with pytest.raises(InputError) as err:
        apply_config(Config(), **{option: ["TC1", "XX1"]})
    assert str(err.value) == f"--{option}: 'XX1' is not a rule code or prefix (`termcheck rules` lists them)"


def test_config_rule_selectors_are_checked_at_their_line(tmp_path):
    path = tmp_path / "termcheck.toml"
    path.write_text('fail-on = "error"\nignore = ["TC104", "TC1O1"]\n', encoding="utf-8")
    with pytest.raises(InputError) as err:
        load_config(str(path))
    assert str(err.value) == f"{path}:2: ignore: 'TC1O1' is not a rule code or prefix (`termcheck rules` lists them)"


def test_file_names_that_are_not_utf8_print_as_escapes_in_every_report():
    path = os.fsdecode(b"d/caf\xe9.md")
    finding = Finding("TC101", Severity.ERROR, Location(path, 0, 1, 1, 1, 1, 2), "K", "forbidden")
    assert printable(path) == "d/caf\\xe9.md"
    assert text.render([finding], 1, {}).startswith("d/caf\\xe9.md:1:1: TC101 [error] forbidden\n")
    assert json.loads(jsonfmt.render([finding], 1))["findings"][0]["path"] == "d/caf\\xe9.md"
    sarif_uri = json.loads(sarif.render([finding], 1))["runs"][0]["results"][0]["locations"][0]
    assert sarif_uri["physicalLocation"]["artifactLocation"]["uri"] == "d/caf%E9.md"  # the name's bytes
    assert json.loads(render_baseline([finding]))["findings"][0]["path"] == "d/caf\\xe9.md"


def test_automaton_windows_find_exactly_what_one_pass_finds(monkeypatch):
    import random

    import ahocorasick

    from termcheck import match

    automaton = ahocorasick.Automaton()
    for word in ("ab", "abab", "ba", "b", "كتا", "تائب"):
        automaton.add_word(word, len(word))
    automaton.make_automaton()
    rng = random.Random(7)
    for window in (1, 2, 3, 5, 8):  # hits across every border, longer than a window too
        monkeypatch.setattr(match, "_WINDOW", window)
        for _ in range(300):
            text = "".join(rng.choice("abكتائ") for _ in range(rng.randint(0, 40)))
            assert list(match._iter_windows(automaton, text)) == list(automaton.iter(text))


def test_score_refuses_a_segment_past_the_word_limit_in_one_line(tmp_path, monkeypatch, capsys):
    from helpers import run_cli

    monkeypatch.setattr(LIMITS, "segment_words", LIMITS.segment_words)  # restored after the test
    (tmp_path / "h.txt").write_text("a b c\none two three four five\n", encoding="utf-8")
    code, out, err = run_cli(monkeypatch, capsys, "score", str(tmp_path / "h.txt"), str(tmp_path / "h.txt"),
                             "--max-segment-words", "4")
    assert (code, out) == (2, "")
    assert err == (f"termcheck: error: {tmp_path / 'h.txt'}:2:1: a segment of 5 words "
                   "(limit 4 words; --max-segment-words raises it)\n")

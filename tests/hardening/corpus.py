"""A corpus of bad and odd inputs, and the harness that runs termcheck on each of them.

Every case is a list of command lines run in a fresh folder that `build` fills. The harness runs
`python -m termcheck` as a subprocess under resource limits (address space, CPU time, a wall-clock
timeout) and judges the run by its contract, never by its speed:

- the exit code is one of the expected ones (2 for bad input);
- stderr holds at most one line (a bad input: `termcheck: error: ...` naming the file and fault);
- no traceback, no boxed usage panel, no output that is not UTF-8.

`python3 -m tests.hardening.corpus` runs every case (the heavy ones too) and prints a table of
failures; tests/hardening/test_bad_input.py runs the light ones under pytest.
"""

from __future__ import annotations

import os
import re
import resource
import subprocess
import sys
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

GLOSSARY = (
    "id,en,ar,en_allowed,en_forbidden,ar_allowed,ar_forbidden,note\n"
    "kataib-hezbollah,Kataib Hezbollah,كتائب حزب الله,KH,Kataib Hizbollah,,,\n"
)
GOOD_EN = "Kataib Hizbollah said on Monday that 12 people were hurt.\n"
GOOD_AR = "قالت كتائب حزب الله يوم الاثنين إن 12 شخصا أصيبوا.\n"

MEMORY_LIMIT = 4 << 30  # bytes of address space per run: generous; a blow-up hits it
CPU_LIMIT = 60  # seconds of CPU per run
WALL_LIMIT = 60  # seconds per run


@dataclass
class Case:
    name: str
    build: Callable[[Path], None]
    runs: list[list[str]]  # command lines; '{d}' is the case folder
    exits: frozenset[int] = frozenset({2})
    stderr: str | None = None  # regex the single stderr line must match (None: stderr is empty)
    owner: str | None = None  # another engineer's part of issue 11: reported, not required here
    heavy: bool = False  # too slow for every test run; `python3 -m tests.hardening.corpus` runs it


@dataclass
class Outcome:
    case: Case
    argv: list[str]
    code: int | None
    out: bytes
    err: bytes
    problems: list[str] = field(default_factory=list)


# -- building blocks --------------------------------------------------------------------------------


def _write(path: Path, data: str | bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)


def _not_shown(stem: str, count: str) -> str:
    """The one stderr line of a file with more findings than --max-findings (100,000) shows."""
    return (rf"^termcheck: warning: {stem}\.md: {count} more findings not shown "
            r"\(limit 100,000 findings per file; --max-findings raises it\)$")


_NOT_SHOWN = _not_shown("w", "2,200,00[01]")


def _base(d: Path) -> None:
    _write(d / "g.csv", GLOSSARY)
    _write(d / "en.md", GOOD_EN)
    _write(d / "ar.md", GOOD_AR)
    _write(d / "hyp.txt", "one line\n")


def files(**contents: str | bytes) -> Callable[[Path], None]:
    def build(d: Path) -> None:
        _base(d)
        for name, data in contents.items():
            _write(d / name.replace("__", "/").replace("_DOT_", "."), data)

    return build


def with_extra(build: Callable[[Path], None], extra: Callable[[Path], None]) -> Callable[[Path], None]:
    def both(d: Path) -> None:
        build(d)
        extra(d)

    return both


BAD_NAMES = ("bad.md", "bad.csv", "bad.po", "bad.xlf")


def text_commands(directory_ok: bool = False) -> list[list[str]]:
    """Every command that reads a file, with a bad file (named for the format it expects) in each place."""
    runs = [
        ["check", "bad.md", "ar.md", "-g", "g.csv"],
        ["check", "ar.md", "bad.md", "-g", "g.csv"],
        ["align", "bad.md", "en.md"],
        ["score", "bad.md", "hyp.txt"],
        ["units", "bad.po"],
        ["units", "bad.xlf"],
        ["glossary", "validate", "bad.csv"],
        ["glossary", "stats", "bad.csv"],
        ["lint", "en.md", "-g", "bad.csv"],
    ]
    if not directory_ok:  # lint and units walk folders
        runs[:0] = [["lint", "bad.md", "-g", "g.csv"], ["units", "bad.po", "-g", "g.csv"]]
    return runs


def bad_files(make: Callable[[Path], None]) -> Callable[[Path], None]:
    """The base files and the bad one under each name of BAD_NAMES."""
    def build(d: Path) -> None:
        _base(d)
        for name in BAD_NAMES:
            make(d / name)

    return build


def _fifo(name: str) -> Callable[[Path], None]:
    def build(d: Path) -> None:
        (d / name).parent.mkdir(parents=True, exist_ok=True)
        os.mkfifo(d / name)

    return build


def _symlink(name: str, target: str) -> Callable[[Path], None]:
    def build(d: Path) -> None:
        (d / name).parent.mkdir(parents=True, exist_ok=True)
        os.symlink(target, d / name)

    return build


def _nested(depth: int, open_tag: str, close_tag: str, inner: str = "x") -> str:
    return open_tag * depth + inner + close_tag * depth


def _xliff12(body: str) -> str:
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">\n'
            '<file source-language="en" target-language="ar" datatype="plaintext" original="x"><body>\n'
            f"{body}\n</body></file></xliff>\n")


def _xliff2(body: str) -> str:
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0" '
            f'srcLang="en" trgLang="ar">\n<file id="f">\n{body}\n</file></xliff>\n')


def _tmx(seg: str) -> str:
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header srclang="en" datatype="plaintext" '
            'segtype="sentence" adminlang="en" creationtool="t" creationtoolversion="1" o-tmf="x"/>\n<body>\n'
            f'<tu><tuv xml:lang="en"><seg>{seg}</seg></tuv><tuv xml:lang="ar"><seg>مرحبا</seg></tuv></tu>\n</body></tmx>\n')


def _mo_header(count: int, orig: int, trans: int) -> bytes:
    import struct

    return struct.pack("<7I", 0x950412DE, 0, count, orig, trans, 0, 0)


ERR = r"^termcheck: error: "
USAGE = ERR + r".*"


def _file_fault(name: str, fault: str, make: Callable[[Path], None], directory_ok: bool = False) -> Case:
    return Case(name, bad_files(make), text_commands(directory_ok),
                stderr=ERR + r"((ar\.md and )?bad\.(md|csv|po|xlf)( and ar\.md)?(:\d+:\d+)?: .*" + fault + ")")


def _content(data: bytes) -> Callable[[Path], None]:
    return lambda path: path.write_bytes(data)


def _link_to(target: str) -> Callable[[Path], None]:
    return lambda path: os.symlink(target, path)


def _loop(path: Path) -> None:
    os.symlink(path.name + ".2", path)
    os.symlink(path.name, str(path) + ".2")


# -- the corpus ------------------------------------------------------------------------------------


def cases() -> list[Case]:
    late_nul = ("Kataib Hezbollah.\n" * 600).encode() + b"\x00tail\n"
    out = [
        # files that are not text, or not files
        _file_fault("nul-after-8k", "(binary|malformed)", _content(late_nul)),
        _file_fault("dev-zero", "not a regular file", _link_to("/dev/zero")),
        Case("dev-zero-direct", files(), [["lint", "/dev/zero", "-g", "g.csv"], ["lint", "en.md", "-g", "/dev/zero"]],
             stderr=ERR + r"/dev/zero: (not a regular file|unknown glossary format)"),
        _file_fault("fifo", "not a regular file", lambda path: os.mkfifo(path)),
        _file_fault("missing", "no such file", lambda path: None),
        _file_fault("directory", "(directory|folders|files found)", lambda path: path.mkdir(), directory_ok=True),
        _file_fault("latin1", "(not valid utf-8|malformed XML)", _content(b"msgid \"caf\xe9\"\n")),
        _file_fault("dangling-link", "(dangling|broken)", _link_to("nowhere")),
        _file_fault("link-loop", "symlink loop", _loop),
        # limits the user can raise
        Case("file-size-limit", files(big_DOT_md="word " * 200),
             [["lint", "big.md", "-g", "g.csv", "--max-file-size", "500"],
              ["check", "big.md", "ar.md", "-g", "g.csv", "--max-file-size", "500"],
              ["--max-file-size", "500", "align", "big.md", "en.md"]],
             stderr=ERR + r"big\.md: .*too large.*limit 500.*--max-file-size"),
        Case("file-size-limit-raised", files(big_DOT_md="word " * 200),
             [["lint", "big.md", "-g", "g.csv", "--max-file-size", "1K"]], exits=frozenset({0})),
        Case("line-length-limit", files(long_DOT_md="short\n" + "word " * 40 + "\n"),
             [["lint", "long.md", "-g", "g.csv", "--max-line-length", "100"],
              ["score", "long.md", "long.md", "--max-line-length", "100"]],
             stderr=ERR + r"long\.md:2:101: .*line.*too long.*limit 100.*--max-line-length"),
        Case("max-files", files(d__a_DOT_md=GOOD_EN, d__b_DOT_md=GOOD_EN, d__c_DOT_md=GOOD_EN),
             [["lint", "d", "-g", "g.csv", "--max-files", "2"]],
             stderr=ERR + r"d: .*too many files.*limit 2.*--max-files"),
        Case("bad-limit-value", files(), [["lint", "en.md", "-g", "g.csv", "--max-file-size", "lots"]],
             stderr=USAGE + "max-file-size.*lots"),
        # encodings that are not text encodings
        *[Case(f"encoding-{codec}", files(),
               [["lint", "en.md", "-g", "g.csv", "--encoding", codec],
                ["check", "ar.md", "en.md", "-g", "g.csv", "--encoding", codec],
                ["align", "ar.md", "en.md", "--encoding", codec],
                ["score", "hyp.txt", "hyp.txt", "--encoding", codec],
                ["glossary", "validate", "g.csv", "--encoding", codec]],
               stderr=ERR + f".*{codec}.*not a text encoding")
          for codec in ("base64", "rot13", "idna", "zlib", "hex")],
        Case("encoding-unknown", files(), [["lint", "en.md", "-g", "g.csv", "--encoding", "klingon"]],
             stderr=ERR + ".*unknown encoding 'klingon'"),
        Case("encoding-cp1256", files(cp_DOT_md="قالت كتائب حزب الله\n".encode("cp1256")),
             [["lint", "cp.md", "-g", "g.csv", "--encoding", "cp1256"]], exits=frozenset({0, 1})),
        # configuration
        *[Case(f"config-encoding-{codec}", files(c_DOT_toml=f'encoding = "{codec}"\n'),
               [["lint", "en.md", "-g", "g.csv", "--config", "c.toml"]],
               stderr=ERR + rf"c\.toml:1: encoding: .*not a text encoding") for codec in ("base64", "rot13", "idna")],
        Case("config-bad-glob", files(c_DOT_toml='exclude = ["[z-a].md"]\n'),
             [["lint", "en.md", "-g", "g.csv", "--config", "c.toml"]],
             stderr=ERR + r"c\.toml:1: exclude: .*\[z-a\]"),
        Case("config-deep-toml", files(c_DOT_toml="a = " + "[" * 2000 + "]" * 2000 + "\n"),
             [["lint", "en.md", "-g", "g.csv", "--config", "c.toml"]],
             stderr=ERR + r"c\.toml:1:\d+: .*nest.*too deep.*limit \d+.*--max-depth"),
        Case("config-missing-glossary", files(c_DOT_toml='glossary = "nope.csv"\n'),
             [["lint", "en.md", "--config", "c.toml"],
              ["check", "ar.md", "en.md", "--config", "c.toml"]],
             stderr=ERR + r"c\.toml:1: glossary: .*nope\.csv.*(no such file|does not exist)"),
        Case("config-exclude-all", files(c_DOT_toml='exclude = ["**"]\n', d__a_DOT_md=GOOD_EN, e__a_DOT_md=GOOD_AR),
             [["lint", "d", "-g", "g.csv", "--config", "c.toml"],
              ["check", "e", "d", "-g", "g.csv", "--config", "c.toml"]],
             stderr=ERR + r".*(exclude|no files).*"),
        Case("config-not-utf8", files(c_DOT_toml=b'glossary = "\xff"\n'),
             [["lint", "en.md", "-g", "g.csv", "--config", "c.toml"]], stderr=ERR + r"c\.toml:1: .*UTF-8"),
        Case("config-fifo", with_extra(files(), _fifo("c.toml")),
             [["lint", "en.md", "-g", "g.csv", "--config", "c.toml"]], stderr=ERR + r"c\.toml: not a regular file"),
        # folders: links, loops, pipes, unreadable parts
        Case("walk-dangling-link", with_extra(files(d__a_DOT_md=GOOD_EN), _symlink("d/dead.md", "nowhere.md")),
             [["lint", "d", "-g", "g.csv"]], exits=frozenset({1}),
             stderr=r"^termcheck: warning: d/dead\.md: .*(dangling|broken).*skipped"),
        Case("walk-link-loop", with_extra(files(d__a_DOT_md=GOOD_EN), _symlink("d/x.md", "x.md")),
             [["lint", "d", "-g", "g.csv"]], exits=frozenset({1}),
             stderr=r"^termcheck: warning: d/[xy]\.md: .*loop.*skipped.*"),
        Case("walk-fifo", with_extra(files(d__a_DOT_md=GOOD_EN), _fifo("d/pipe.md")),
             [["lint", "d", "-g", "g.csv"]], exits=frozenset({1}),
             stderr=r"^termcheck: warning: d/pipe\.md: not a regular file \(a FIFO\); skipped"),
        Case("walk-fifo-units", with_extra(files(d__a_DOT_po='msgid "a"\nmsgstr "b"\n'), _fifo("d/pipe.po")),
             [["units", "d"]], exits=frozenset({0}), stderr=r"d/pipe\.po: not a regular file"),
        Case("fifo-units-named", with_extra(files(), _fifo("pipe.po")),
             [["units", "pipe.po"]], stderr=ERR + r"pipe\.po: not a regular file"),
        # baselines
        Case("baseline-huge-number", files(b_DOT_json='{"version": 1, "findings": [{"fingerprint": "x", "line": '
                                                      + "9" * 5000 + "}]}"),
             [["lint", "en.md", "-g", "g.csv", "--baseline", "b.json"]],
             stderr=ERR + r"b\.json:1:\d+: .*(number|digits).*limit"),
        Case("baseline-deep-json", files(b_DOT_json='{"version": 1, "findings": ' + "[" * 100_000 + "]" * 100_000 + "}"),
             [["lint", "en.md", "-g", "g.csv", "--baseline", "b.json"]],
             stderr=ERR + r"b\.json:1:\d+: .*nest.*too deep.*limit \d+.*--max-depth"),
        Case("baseline-fifo", with_extra(files(), _fifo("b.json")),
             [["lint", "en.md", "-g", "g.csv", "--baseline", "b.json"]], stderr=ERR + r"b\.json: not a regular file"),
        # XML nesting and odd characters
        Case("xliff-inline-deep", files(x_DOT_xlf=_xliff12(
            '<trans-unit id="1"><source>' + _nested(5000, "<g id='1'>", "</g>") + "</source><target>y</target></trans-unit>")),
             [["units", "x.xlf"]], stderr=ERR + r"x\.xlf:\d+:\d+: .*nest.*too deep.*limit \d+.*--max-depth"),
        Case("xliff-group-deep", files(x_DOT_xlf=_xliff12(
            _nested(1500, "<group>", "</group>", '<trans-unit id="1"><source>a</source><target>b</target></trans-unit>'))),
             [["units", "x.xlf"]], stderr=ERR + r"x\.xlf:\d+:\d+: .*nest.*too deep.*limit \d+.*--max-depth"),
        Case("xliff-group-deep-raised", files(x_DOT_xlf=_xliff12(
            _nested(1500, "<group>", "</group>", '<trans-unit id="1"><source>a</source><target>b</target></trans-unit>'))),
             [["units", "x.xlf", "--max-depth", "5000"]], exits=frozenset({0})),
        Case("xliff-inline-deep-raised", files(x_DOT_xlf=_xliff12(
            '<trans-unit id="1"><source>' + _nested(5000, "<g id='1'>", "</g>") + "</source><target>y</target></trans-unit>")),
             [["units", "x.xlf", "--max-depth", "6000"]], exits=frozenset({1})),
        Case("xliff2-group-deep", files(x_DOT_xlf=_xliff2(
            _nested(3000, '<group id="g">', "</group>", '<unit id="u"><segment><source>a</source><target>b</target></segment></unit>'))),
             [["units", "x.xlf"]], stderr=ERR + r"x\.xlf:\d+:\d+: .*nest.*too deep"),
        Case("tmx-inline-deep", files(t_DOT_tmx=_tmx(_nested(5000, "<hi>", "</hi>"))),
             [["units", "t.tmx"]], stderr=ERR + r"t\.tmx:\d+:\d+: .*nest.*too deep"),
        Case("tbx-deep", files(g_DOT_tbx='<?xml version="1.0"?>\n<tbx type="TBX-Basic" style="dca" xml:lang="en" '
                                         'xmlns="urn:iso:std:iso:30042:ed-2"><text><body>'
                                         + _nested(5000, "<x>", "</x>") + "</body></text></tbx>\n"),
             [["glossary", "validate", "g.tbx"], ["lint", "en.md", "-g", "g.tbx"]],
             stderr=ERR + r"g\.tbx:\d+:\d+: .*nest.*too deep"),
        Case("xliff2-cp-surrogate", files(x_DOT_xlf=_xliff2(
            '<unit id="u"><segment><source>Kataib Hizbollah <cp hex="D800"/> and <cp hex="110000"/> '
            '<cp hex="zz"/></source><target>Kataib Hizbollah <cp hex="D800"/> and <cp hex="110000"/> <cp hex="zz"/>'
            '</target></segment></unit>')),
             [["units", "x.xlf", "-g", "g.csv", "--format", "json"], ["units", "x.xlf", "-g", "g.csv"]],
             exits=frozenset({0, 1})),
        Case("po-charset-base64", files(b_DOT_po='msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=base64\\n"\n\n'
                                                'msgid "Hello"\nmsgstr "مرحبا"\n'),
             [["units", "b.po"], ["units", "b.po", "--fix"]], exits=frozenset({0})),
        Case("xml-encoding-rot13", files(r_DOT_xlf=_xliff12('<trans-unit id="1"><source>a</source><target>b</target>'
                                                          '</trans-unit>').replace("UTF-8", "rot13")),
             [["units", "r.xlf"]], stderr=ERR + r"r\.xlf:1: .*rot13.*not a text encoding"),
        # glossaries
        Case("glossary-huge-form", files(big_DOT_csv="id,en,ar\nx," + "word " * 20_000 + ",كلمة\n"),
             [["lint", "en.md", "-g", "big.csv"], ["glossary", "validate", "big.csv"]],
             stderr=ERR + r"big\.csv:2:\d+: .*too long.*limit \d+.*--max-term-length"),
        Case("glossary-empty", files(e_DOT_csv=""), [["lint", "en.md", "-g", "e.csv"]], stderr=ERR + r"e\.csv"),
        # options and usage
        Case("usage-missing-argument", files(), [["lint"], ["check", "ar.md"], ["score"]], stderr=USAGE + "(missing|argument)"),
        Case("usage-unknown-option", files(), [["lint", "en.md", "--nope"]], stderr=USAGE + "--nope"),
        Case("usage-bad-choice", files(), [["lint", "en.md", "-g", "g.csv", "--format", "yaml"]], stderr=USAGE + "yaml"),
        Case("usage-negative-jobs", files(), [["lint", "en.md", "-g", "g.csv", "--jobs", "-1"]], stderr=USAGE + "jobs"),
        Case("usage-unknown-command", files(), [["lintt", "en.md"]], stderr=USAGE + "lintt"),
        Case("rules-bad", files(), [["rules", "TC999"], ["rules", "--format", "sarif"], ["rules", "TC1", "--max-depth", "0"]],
             stderr=USAGE + "(TC999|sarif|max-depth)"),
        Case("jobs-huge", files(d__a_DOT_md=GOOD_EN, d__b_DOT_md=GOOD_AR),
             [["lint", "d", "-g", "g.csv", "--jobs", "1000000"]], exits=frozenset({1})),
        Case("output-is-input", files(),
             [["lint", "en.md", "-g", "g.csv", "-o", "en.md"],
              ["check", "ar.md", "en.md", "-g", "g.csv", "--format", "html", "-o", "en.md"],
              ["lint", "en.md", "-g", "g.csv", "--diff", "-o", "./en.md"]],
             stderr=ERR + r"(\./)?en\.md: .*is an input"),
        # valid inputs that must be accepted
        Case("valid-odd-line-ends", files(odd_DOT_md="Kataib Hizbollah\rsaid\u2028Kataib Hizbollah\x0c\x85 said\r\n"),
             [["lint", "odd.md", "-g", "g.csv"], ["check", "ar.md", "odd.md", "-g", "g.csv"]], exits=frozenset({1})),
        Case("valid-empty", files(empty_DOT_md=""),
             [["lint", "empty.md", "-g", "g.csv"], ["check", "empty.md", "en.md", "-g", "g.csv", "--source-lang", "ar"],
              ["align", "empty.md", "en.md"]], exits=frozenset({0, 1}), stderr=r"^(|termcheck: warning: .*empty.*)$"),
        Case("valid-bom-only", files(bom_DOT_md=b"\xef\xbb\xbf"), [["lint", "bom.md", "-g", "g.csv"]], exits=frozenset({0})),
        # other engineers' parts of issue 11 (PO/MO readers, numbers): listed so the counts are whole
        Case("mo-truncated", files(t_DOT_mo=_mo_header(5, 28, 68)[:20]), [["units", "t.mo"]],
             stderr=ERR + r"t\.mo", owner="formats/mo.py"),
        Case("mo-empty", files(e_DOT_mo=b""), [["units", "e.mo"]], stderr=ERR + r"e\.mo", owner="formats/mo.py"),
        Case("mo-offsets-past-end", files(o_DOT_mo=_mo_header(1, 28, 36) + b"\xff\xff\x00\x00\x00\x00\x10\x00" * 2),
             [["units", "o.mo"]], stderr=ERR + r"o\.mo", owner="formats/mo.py"),
        Case("po-unterminated", files(u_DOT_po='msgid "Hello\nmsgstr "مرحبا"\n'), [["units", "u.po"]],
             stderr=ERR + r"u\.po:\d+", owner="formats/po.py"),
        Case("po-huge-nplurals", files(n_DOT_po='msgid ""\nmsgstr ""\n"Plural-Forms: nplurals=999999999; plural=0;\\n"\n\n'
                                               'msgid "a"\nmsgid_plural "as"\nmsgstr[0] "x"\n'),
             [["units", "n.po"]], exits=frozenset({0, 1, 2}), stderr=r".*n\.po.*", owner="formats/po.py"),
        Case("number-400-digits", files(n_DOT_md="The figure was " + "9" * 400 + ".\n"),
             [["check", "ar.md", "n.md", "-g", "g.csv"], ["align", "ar.md", "n.md"]],
             exits=frozenset({0, 1, 2}), stderr=r"(^$|.*n\.md.*)", owner="text/numbers.py"),
        # blow-ups (heavy: run by `python3 -m tests.hardening.corpus`)
        Case("units-long-msgid", files(l_DOT_po='msgid "' + "Kataib Hezbollah " * 3000 + '"\nmsgstr "' + "x " * 3000 + '"\n'),
             [["units", "l.po", "-g", "g.csv", "--format", "json"]], exits=frozenset({1}), heavy=True),
        Case("list-5000", files(l_DOT_md="".join(f"- item {i} Kataib Hezbollah said.\n" for i in range(5000)),
                                la_DOT_md="".join(f"- البند {i} قالت كتائب حزب الله.\n" for i in range(5000))),
             [["check", "la.md", "l.md", "-g", "g.csv"]], exits=frozenset({0, 1}), heavy=True),
        Case("one-line-5mb", files(w_DOT_md="Kataib Hizbollah said. " * 220_000),
             [["lint", "w.md", "-g", "g.csv"]], exits=frozenset({2}), heavy=True,
             stderr=ERR + r"w\.md:1:1000001: line is too long .*--max-line-length"),
        Case("one-line-5mb-raised", files(w_DOT_md="Kataib Hizbollah said. " * 220_000),
             [["lint", "w.md", "-g", "g.csv", "--max-line-length", "10M"]], exits=frozenset({1}), heavy=True,
             stderr=_not_shown("w", "120,000")),
        Case("million-lines", files(m_DOT_md=("The council met on Monday.\n" * 99 + "Kataib Hizbollah said.\n") * 10_000),
             [["lint", "m.md", "-g", "g.csv"]], exits=frozenset({1}), heavy=True),
        Case("million-findings", files(m_DOT_md="Kataib Hizbollah said.\n" * 1_000_000),
             [["lint", "m.md", "-g", "g.csv", "--format", "json"]], exits=frozenset({1}), heavy=True,
             stderr=_not_shown("m", "900,000")),
        # past 20,000 sentences on a side check aligns by a linear walk (termcheck/align/scale.py)
        Case("check-100k-lines", files(m_DOT_md=("The council met on Monday and talked for hours.\n" * 99
                                                 + "Kataib Hizbollah said.\n") * 1000,
                                       ma_DOT_md=("اجتمع المجلس يوم الاثنين وتحدث لساعات.\n" * 99
                                                  + "قالت كتائب حزب الله.\n") * 1000),
             [["check", "ma.md", "m.md", "-g", "g.csv"]], exits=frozenset({1}), heavy=True),
        *issue_cases_added(),
        *own_cases(),
    ]
    for case in out:  # the bad-choice style messages name files relative to the case folder
        if case.stderr is not None and "{d}" in case.stderr:
            raise ValueError(case.name)
    return out


def _po(body: str, header: str = "") -> str:
    head = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n' + header + "\n"
    return head + body


def _plural_po(expression: str, nplurals: int = 2) -> str:
    return _po('msgid "a"\nmsgid_plural "as"\nmsgstr[0] "x"\nmsgstr[1] "y"\n',
               f'"Plural-Forms: nplurals={nplurals}; plural={expression};\\n"\n')


_DTD_BOMB = ('<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;">'
             '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;">]>\n')
_XXE = '<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'


def _xml_with_prolog(prolog: str, document: str) -> str:
    return prolog + document.split("\n", 1)[1].replace("<source>a</source>", "<source>&lol3;</source>")


def _odd_name(d: Path) -> None:
    _base(d)
    (d / "odd").mkdir()
    with open(os.path.join(os.fsencode(d / "odd"), b"caf\xe9.md"), "wb") as handle:
        handle.write(GOOD_EN.encode())


def _pair_folders(count: int) -> Callable[[Path], None]:
    def build(d: Path) -> None:
        _base(d)
        for i in range(count):
            _write(d / "src" / f"p{i:04}.md", GOOD_AR)
            _write(d / "tgt" / f"p{i:04}.md", GOOD_EN)

    return build




def issue_cases_added() -> list[Case]:
    """Cases the issue names that the first corpus lacked (the issue's text, in its order)."""
    long_po = lambda n: files(l_DOT_po='msgid "' + "Kataib Hezbollah " * n + '"\nmsgstr "' + "x " * n + '"\n')
    fifty_mb = "Kataib Hizbollah said. " * 2_300_000
    million = ("The council met on Monday.\n" * 99 + "Kataib Hizbollah said.\n") * 10_000
    million_ar = ("اجتمع المجلس يوم الاثنين.\n" * 99 + "قالت كتائب حزب الله.\n") * 10_000
    many_terms = " ".join(["Kataib Hezbollah"] * 100_000) + "\n"
    return [
        Case("xliff2-inline-deep", files(x_DOT_xlf=_xliff2(
            '<unit id="u"><segment><source>' + _nested(5000, '<pc id="1">', "</pc>") + "</source>"
            "<target>y</target></segment></unit>")),
             [["units", "x.xlf"]], stderr=ERR + r"x\.xlf:\d+:\d+: .*nest.*too deep.*--max-depth"),
        Case("mo-huge-lengths", files(h_DOT_mo=_mo_header(1, 28, 36) + b"\xf0\xff\xff\xff\x2c\x00\x00\x00" * 2 + b"ab"),
             [["units", "h.mo"]], stderr=ERR + r"h\.mo"),
        Case("config-found-missing-glossary", files(termcheck_DOT_toml='glossary = "nope.csv"\n'),
             [["lint", "en.md"]], stderr=ERR + r"\S*termcheck\.toml:1: glossary: .*nope\.csv"),
        # heavy: sizes from the issue
        Case("units-long-msgid-170k", long_po(10_000), [["units", "l.po", "-g", "g.csv", "--format", "json"]],
             exits=frozenset({1}), heavy=True),
        Case("units-long-msgid-340k", long_po(20_000), [["units", "l.po", "-g", "g.csv", "--format", "json"]],
             exits=frozenset({1}), heavy=True),
        # 2.3 million TC101: the first 100,000 reported, the rest counted in one warning (--max-findings)
        Case("one-line-50mb", files(w_DOT_md=fifty_mb),
             [["lint", "w.md", "-g", "g.csv", "--max-line-length", "100M", "--format", "json", "-o", "out.json"]],
             exits=frozenset({1}), heavy=True, stderr=_NOT_SHOWN),
        Case("one-line-50mb-check", files(w_DOT_md=fifty_mb),
             [["check", "ar.md", "w.md", "-g", "g.csv", "--max-line-length", "100M", "-o", "out.txt"]],
             exits=frozenset({1}), heavy=True, stderr=_NOT_SHOWN),
        Case("million-lines-check", files(m_DOT_md=million, ma_DOT_md=million_ar),
             [["check", "ma.md", "m.md", "-g", "g.csv", "-o", "out.txt"]], exits=frozenset({1}), heavy=True),
        Case("line-100k-terms", files(t_DOT_md=many_terms),
             [["lint", "t.md", "-g", "g.csv", "--max-line-length", "10M"]],
             exits=frozenset({0}), heavy=True),
        # TER's shift search grows with the square of a segment: past --max-segment-words, one line
        Case("line-100k-terms-score", files(t_DOT_md=many_terms),
             [["score", "t.md", "t.md", "--max-line-length", "10M"]],
             stderr=r"t\.md:1:1: a segment of 200,000 words .*--max-segment-words raises it", heavy=True),
        Case("line-100k-terms-check", files(t_DOT_md=many_terms),
             [["check", "ar.md", "t.md", "-g", "g.csv", "--max-line-length", "10M", "-o", "out.txt"]],
             exits=frozenset({0, 1}), heavy=True),
        Case("check-dirs-2000", _pair_folders(2000), [["check", "src", "tgt", "-g", "g.csv", "-o", "out.txt"]],
             exits=frozenset({1}), heavy=True),
    ]


def own_cases() -> list[Case]:
    """Inputs the issue does not name, tried the same way (issue 11, second session)."""
    xlf_unit = '<trans-unit id="1"><source>a</source><target>b</target></trans-unit>'
    return [
        # XML that must be refused: entities, external entities, truncation, the wrong document
        Case("xml-entity-bomb", files(b_DOT_xlf=_xml_with_prolog(_DTD_BOMB, _xliff12(xlf_unit)),
                                      b_DOT_tmx=_xml_with_prolog(_DTD_BOMB, _tmx("a")),
                                      b_DOT_tbx=_DTD_BOMB + '<tbx type="TBX-Basic" style="dca" xml:lang="en" '
                                                            'xmlns="urn:iso:std:iso:30042:ed-2"><text><body>&lol3;'
                                                            "</body></text></tbx>\n"),
             [["units", "b.xlf"], ["units", "b.tmx"], ["glossary", "validate", "b.tbx"]],
             stderr=ERR + r"b\.(xlf|tmx|tbx)(:\d+)*: .*(DTD|entit|DOCTYPE)"),
        Case("xml-external-entity", files(x_DOT_xlf=_XXE + _xliff12(xlf_unit).split("\n", 1)[1]
                                          .replace("<source>a</source>", "<source>&xxe;</source>")),
             [["units", "x.xlf"]], stderr=ERR + r"x\.xlf(:\d+)*: .*(DTD|entit|DOCTYPE)"),
        Case("xml-truncated", files(x_DOT_xlf=_xliff12(xlf_unit)[:-40], t_DOT_tbx='<?xml version="1.0"?>\n<tbx><text>'),
             [["units", "x.xlf"], ["glossary", "validate", "t.tbx"]], stderr=ERR + r"[xt]\.(xlf|tbx):\d+:\d+: "),
        Case("xml-wrong-document", files(x_DOT_xlf='<?xml version="1.0"?>\n<html><body>hi</body></html>\n',
                                         t_DOT_tmx='<?xml version="1.0"?>\n<root/>\n'),
             [["units", "x.xlf"], ["units", "t.tmx"]], stderr=ERR + r"[xt]\.(xlf|tmx)"),
        Case("xlf-max-units", files(x_DOT_xlf=_xliff12(xlf_unit + xlf_unit.replace('id="1"', 'id="2"'))),
             [["units", "x.xlf", "--max-units", "1"]], stderr=ERR + r"x\.xlf: .*too many (translation )?units.*--max-units"),
        # PO: plural expressions a hostile header can hold, indexes past nplurals, odd but valid files
        Case("po-plural-deep-parens", files(p_DOT_po=_plural_po("(" * 100_000 + "n" + ")" * 100_000)),
             [["units", "p.po"]], stderr=ERR + r"p\.po:\d+(:\d+)?: .*"),
        Case("po-plural-division-by-zero", files(p_DOT_po=_plural_po("n/0")), [["units", "p.po"]],
             exits=frozenset({0, 2}), stderr=r"^(|termcheck: error: p\.po:\d+(:\d+)?: .*)$"),
        Case("po-plural-huge-constant", files(p_DOT_po=_plural_po("n%" + "9" * 60 + "!=1")), [["units", "p.po"]],
             exits=frozenset({0, 2}), stderr=r"^(|termcheck: error: p\.po:\d+(:\d+)?: .*)$"),
        Case("po-msgstr-past-nplurals", files(p_DOT_po=_po('msgid "a"\nmsgid_plural "as"\nmsgstr[0] "x"\nmsgstr[7] "y"\n',
                                                          '"Plural-Forms: nplurals=2; plural=n!=1;\\n"\n')),
             [["units", "p.po"]], stderr=ERR + r"p\.po:\d+"),
        Case("po-bad-escape", files(p_DOT_po='msgid "a\\qb"\nmsgstr "x"\n'), [["units", "p.po"]],
             exits=frozenset({0, 2}), stderr=r"^(|termcheck: error: p\.po:\d+(:\d+)?: .*)$"),
        Case("po-garbage-line", files(p_DOT_po='msgid "a"\nmsgstr "x"\nthis is not po\n'), [["units", "p.po"]],
             stderr=ERR + r"p\.po:3"),
        Case("po-valid-odd", files(h_DOT_po=_po(""), e_DOT_po="", c_DOT_po=_po('msgid "a"\r\nmsgstr "b"\r\n').replace("\n", "\r\n")),
             [["units", "h.po"], ["units", "e.po"], ["units", "c.po"]], exits=frozenset({0}),
             stderr=r"^(|termcheck: warning: [hec]\.po: .*)$"),
        Case("mo-bad-magic", files(m_DOT_mo=b"\x00" * 4 + _mo_header(0, 28, 28)[4:]), [["units", "m.mo"]],
             stderr=ERR + r"m\.mo"),
        # glossaries
        Case("csv-cell-past-csv-field-limit", files(c_DOT_csv="id,en,ar\nx,Kataib Hezbollah,كتائب حزب الله\ny,"
                                                   + "w" * 200_000 + ",كلمة\n"),
             [["glossary", "validate", "c.csv"], ["lint", "en.md", "-g", "c.csv"]],
             stderr=ERR + r"c\.csv:3(:\d+)?: .*(too long|field larger)"),
        Case("csv-unterminated-quote", files(c_DOT_csv='id,en,ar\nx,"Kataib Hezbollah,كتائب\n'),
             [["glossary", "validate", "c.csv"], ["lint", "en.md", "-g", "c.csv"]],
             exits=frozenset({1, 2}), stderr=r"^(|termcheck: error: c\.csv:\d+(:\d+)?: .*)$"),
        Case("csv-no-language-columns", files(c_DOT_csv="id,fr,de\nx,a,b\n", h_DOT_csv="id,en,ar\n"),
             [["lint", "en.md", "-g", "c.csv"], ["lint", "en.md", "-g", "h.csv"]], stderr=ERR + r"[ch]\.csv"),
        Case("csv-many-columns", files(c_DOT_csv="id,en,ar," + ",".join(f"c{i}" for i in range(100_000))
                                       + "\nx,Kataib Hezbollah,كتائب حزب الله\n"),
             [["glossary", "validate", "c.csv"]], exits=frozenset({0, 1}), stderr=r"^(|termcheck: warning: c\.csv.*)$"),
        Case("glossary-tsv-crlf-bom-valid", files(g2_DOT_tsv="\ufeffid\ten\tar\r\nk\tKataib Hezbollah\tكتائب حزب الله\r\n"),
             [["lint", "en.md", "-g", "g2.tsv"]], exits=frozenset({0})),
        # text shapes: deep Markdown/HTML nesting, mark storms, bidi controls, every line ending
        Case("markdown-deep-quote", files(q_DOT_md="> " * 100_000 + "Kataib Hizbollah said.\n"),
             [["lint", "q.md", "-g", "g.csv"], ["check", "ar.md", "q.md", "-g", "g.csv"]], exits=frozenset({1})),
        Case("html-deep-div", files(h_DOT_html="<div>" * 200_000 + "Kataib Hizbollah said." + "</div>" * 200_000 + "\n"),
             [["lint", "h.html", "-g", "g.csv", "--max-line-length", "10M"]], exits=frozenset({1})),
        Case("mark-storm", files(m_DOT_md="ك" + "\u0651" * 100_000 + " Kataib Hizbollah said.\n"),
             [["lint", "m.md", "-g", "g.csv"], ["check", "ar.md", "m.md", "-g", "g.csv"], ["align", "ar.md", "m.md"]],
             exits=frozenset({0, 1}), stderr=r"^(|termcheck: warning: m\.md has .* times the text .*)$"),
        Case("bidi-controls", files(b_DOT_md="\u202eKataib\u2069 Hizbollah\u200f said \u2066١٢\u2069.\n"),
             [["lint", "b.md", "-g", "g.csv"], ["check", "ar.md", "b.md", "-g", "g.csv"]], exits=frozenset({0, 1})),
        Case("valid-other-encodings", files(u16_DOT_md=codecs_bom("utf-16", GOOD_EN), u32_DOT_md=codecs_bom("utf-32", GOOD_EN),
                                            cr_DOT_md=GOOD_EN.replace("\n", "\r") * 3,
                                            le_DOT_md=GOOD_EN.encode("utf-16-le")),
             [["lint", "u16.md", "-g", "g.csv"], ["lint", "u32.md", "-g", "g.csv"], ["lint", "cr.md", "-g", "g.csv"],
              ["lint", "le.md", "-g", "g.csv", "--encoding", "utf-16-le"]], exits=frozenset({1})),
        # paths
        Case("non-utf8-file-name", _odd_name, [["lint", "odd", "-g", "g.csv"], ["lint", "odd", "-g", "g.csv", "--format", "json"],
                                               ["lint", "odd", "-g", "g.csv", "--format", "sarif"],
                                               ["lint", "odd", "-g", "g.csv", "--format", "github"],
                                               ["lint", "odd", "-g", "g.csv", "--format", "junit"],
                                               ["lint", "odd", "-g", "g.csv", "--write-baseline", "b.json"]],
             exits=frozenset({1})),
        Case("non-utf8-file-name-html", _odd_name, [["lint", "odd", "-g", "g.csv", "--format", "html", "-o", "r.html"]],
             exits=frozenset({1}), owner="report/html.py"),
        Case("file-name-too-long", files(), [["lint", "x" * 300 + ".md", "-g", "g.csv"]],
             stderr=ERR + r"x+\.md: .*(too long|no such file)"),
        Case("file-used-as-folder", files(), [["lint", "en.md/x.md", "-g", "g.csv"], ["units", "en.md/x.po"]],
             stderr=ERR + r"en\.md/x\.(md|po): .*(?i:not a directory|no such file)"),
        Case("output-into-missing-folder", files(),
             [["lint", "en.md", "-g", "g.csv", "-o", "no/such/dir/r.txt"],
              ["lint", "en.md", "-g", "g.csv", "--write-baseline", "no/such/b.json"],
              ["lint", "en.md", "-g", "g.csv", "-o", "."]],
             stderr=ERR + r"(no/such|\.).*: .*"),
        # options
        Case("usage-bad-values", files(),
             [["lint", "en.md", "-g", "g.csv", "--fail-on", "sometimes"], ["lint", "en.md", "-g", "g.csv", "--lang", "fr"],
              ["lint", "en.md", "-g", "g.csv", "--jobs", "many"], ["align", "ar.md", "en.md", "--level", "word"],
              ["lint", "en.md", "-g", "g.csv", "--max-depth", "0"], ["lint", "en.md", "-g", "g.csv", "--max-files", "-3"],
              ["lint", "en.md", "-g", "g.csv", "--select", "XX1"]],
             stderr=USAGE + "(sometimes|fr|jobs|word|max-depth|max-files|XX1)"),
        Case("huge-limit-values", files(),
             [["lint", "en.md", "-g", "g.csv", "--max-depth", "9" * 40], ["lint", "en.md", "-g", "g.csv", "--max-file-size", "9" * 40]],
             exits=frozenset({1, 2}), stderr=r"^(|termcheck: error: .*max-.*)$"),
        Case("score-line-counts-differ", files(three_DOT_txt="a\nb\nc\n"), [["score", "hyp.txt", "three.txt"]],
             stderr=ERR + r".*(line|hyp\.txt|three\.txt).*"),
        Case("check-same-file", files(), [["check", "en.md", "en.md", "-g", "g.csv"]], exits=frozenset({0, 1, 2}),
             stderr=r"^(|termcheck: (error|warning): .*)$"),
        # baselines and configuration of the wrong shape
        Case("baseline-wrong-shape", files(a_DOT_json="[1, 2]", n_DOT_json="not json", v_DOT_json='{"version": 99, "findings": []}',
                                           f_DOT_json='{"version": 1, "findings": {"a": 1}}',
                                           e_DOT_json='{"version": 1, "findings": [{"line": "x"}, 5]}'),
             [["lint", "en.md", "-g", "g.csv", "--baseline", name] for name in ("a.json", "n.json", "v.json", "f.json", "e.json", "missing.json")],
             stderr=ERR + r"(a|n|v|f|e|missing)\.json(:\d+)*: .*"),
        Case("config-wrong-types", files(a_DOT_toml="glossary = 5\n", b_DOT_toml='select = ["TC1", "XX"]\n',
                                         c_DOT_toml='[severity]\nTC101 = "fatal"\n', e_DOT_toml='fail-on = "sometimes"\n',
                                         f_DOT_toml="a = \n", h_DOT_toml='[lang]\n"**" = "fr"\n'),
             [["lint", "en.md", "-g", "g.csv", "--config", f"{c}.toml"] for c in "abcefh"],
             stderr=ERR + r"[abcefh]\.toml(:\d+)*: .*"),
        Case("pyproject-bad-table", files(pyproject_DOT_toml='[tool.termcheck]\nglossary = ["g.csv", 3]\n'),
             [["lint", "en.md"]], stderr=ERR + r"\S*pyproject\.toml(:\d+)*: .*glossary"),
    ]


def codecs_bom(codec: str, text: str) -> bytes:
    return text.encode(codec)  # Python's utf-16/utf-32 codecs write a BOM first


# -- the harness -------------------------------------------------------------------------------------

_TRACEBACK = re.compile(rb"Traceback \(most recent call last\)|^\w+Error: |\xe2\x95\xad", re.M)


def _limit_resources() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))
    resource.setrlimit(resource.RLIMIT_CPU, (CPU_LIMIT, CPU_LIMIT))


def run_one(case: Case, argv: list[str], folder: Path) -> Outcome:
    env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "100", "PYTHONIOENCODING": "utf-8"}
    argv = [a.replace("{d}", str(folder)) for a in argv]
    try:
        proc = subprocess.run([sys.executable, "-m", "termcheck", *argv], cwd=folder, capture_output=True,
                              stdin=subprocess.DEVNULL, timeout=WALL_LIMIT, env=env, preexec_fn=_limit_resources)
    except subprocess.TimeoutExpired as exc:
        outcome = Outcome(case, argv, None, exc.stdout or b"", exc.stderr or b"")
        outcome.problems.append(f"no answer in {WALL_LIMIT} s")
        return outcome
    outcome = Outcome(case, argv, proc.returncode, proc.stdout, proc.stderr)
    outcome.problems.extend(judge(case, proc.returncode, proc.stdout, proc.stderr))
    return outcome


def judge(case: Case, code: int, out: bytes, err: bytes) -> list[str]:
    problems = []
    if code not in case.exits:
        problems.append(f"exit {code}, expected {sorted(case.exits)}")
    if _TRACEBACK.search(err) or b"Traceback (most recent call last)" in out:
        problems.append("traceback or usage panel")
    try:
        err_text = err.decode("utf-8")
        out.decode("utf-8")
    except UnicodeDecodeError:
        return problems + ["output is not UTF-8"]
    lines = [line for line in err_text.splitlines() if line.strip()]
    if case.stderr is None:
        if lines:
            problems.append(f"unexpected stderr: {lines[0][:160]}")
    elif not lines and re.search(case.stderr, ""):
        pass
    elif len(lines) != 1:
        problems.append(f"{len(lines)} stderr lines, expected 1: {lines[:2]!r}"[:300])
    elif not re.search(case.stderr, lines[0]):
        problems.append(f"stderr {lines[0][:200]!r} does not match {case.stderr!r}")
    return problems


def build_case(case: Case, root: Path) -> Path:
    folder = root / case.name
    folder.mkdir(parents=True)
    case.build(folder)
    return folder


def run_cases(selected: list[Case], root: Path, workers: int | None = None) -> list[Outcome]:
    folders = {case.name: build_case(case, root) for case in selected}
    work = [(case, argv) for case in selected for argv in case.runs]
    with ThreadPoolExecutor(max_workers=workers or max(2, os.cpu_count() or 2)) as pool:
        return list(pool.map(lambda item: run_one(item[0], item[1], folders[item[0].name]), work))


def main() -> int:
    import argparse
    import tempfile

    parser = argparse.ArgumentParser(description="Run termcheck on the bad-input corpus and count failures.")
    parser.add_argument("--light", action="store_true", help="skip the heavy (slow, large) cases")
    parser.add_argument("names", nargs="*", help="only cases whose name contains one of these")
    args = parser.parse_args()
    selected = [c for c in cases() if not (args.light and c.heavy)
                and (not args.names or any(n in c.name for n in args.names))]
    with tempfile.TemporaryDirectory() as root:
        outcomes = run_cases(selected, Path(root))
    failed = [o for o in outcomes if o.problems]
    for o in failed:
        owner = f" [{o.case.owner}]" if o.case.owner else ""
        print(f"FAIL {o.case.name}{owner}: termcheck {' '.join(o.argv)}\n     " + "; ".join(o.problems))
    mine = [o for o in failed if not o.case.owner]
    print(f"{len(selected)} cases, {len(outcomes)} runs: {len(failed)} failed "
          f"({len(mine)} in issue 11's hardening part, {len(failed) - len(mine)} owned by other modules)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

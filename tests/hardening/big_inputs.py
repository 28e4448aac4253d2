"""Big inputs through the CLI: input size, wall time and peak RSS of each run (prints; asserts nothing).

`python3 -m tests.hardening.big_inputs [NAME...]` builds each input in a temporary folder and runs
`termcheck` under `/usr/bin/time -v`. The issue's goal is a peak RSS of at most 4x the input; the
ratio is printed next to each run. Sparse inputs are what real copy looks like (one finding per
100 lines); the dense ones (a finding in every sentence) show the cost per finding, and the
50 MB dense line (the corpus's one-line-50mb: a forbidden form every 23 bytes, 2.3 million of
them) the cost per glossary match once --max-findings keeps the findings themselves bounded.
`--emit [N]` times each report format alone on N findings (default 1,000,000).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tests.hardening.corpus import GLOSSARY

_EN_PLAIN = "The council met on Monday and talked for hours.\n"
_EN_TERM = "Kataib Hizbollah said.\n"  # one TC101 (forbidden form) per occurrence
_AR_PLAIN = "اجتمع المجلس يوم الاثنين وتحدث لساعات.\n"
_AR_TERM = "قالت كتائب حزب الله.\n"


def _sparse(plain: str, term: str, lines: int) -> str:
    block = plain * 99 + term
    return block * (lines // 100)


def _one_line(text: str, size: int) -> str:
    flat = text.replace("\n", " ")
    return flat * (size // len(flat.encode("utf-8"))) + "\n"


def inputs() -> dict[str, tuple[dict[str, str], list[str]]]:
    """name -> (files, termcheck arguments)."""
    million = _sparse(_EN_PLAIN, _EN_TERM, 1_000_000)
    million_ar = _sparse(_AR_PLAIN, _AR_TERM, 1_000_000)
    mb50 = _one_line(_sparse(_EN_PLAIN, _EN_TERM, 1000), 50 << 20)
    mb50_ar = _one_line(_sparse(_AR_PLAIN, _AR_TERM, 1000), 50 << 20)
    dense = _EN_TERM * 1_000_000
    dense_line = "Kataib Hizbollah said. " * 2_300_000
    big = ["--max-line-length", "100M", "--max-file-size", "200M"]
    return {
        "lint-1M-lines": ({"m.md": million}, ["lint", "m.md", "-g", "g.csv", "-o", "out.txt"]),
        "lint-1M-lines-json": ({"m.md": million}, ["lint", "m.md", "-g", "g.csv", "--format", "json", "-o", "out.json"]),
        "lint-50MB-one-line": ({"w.md": mb50}, ["lint", "w.md", "-g", "g.csv", *big, "-o", "out.txt"]),
        "lint-1M-findings-json": ({"d.md": dense}, ["lint", "d.md", "-g", "g.csv", "--format", "json", "-o", "out.json"]),
        "lint-1M-findings-sarif": ({"d.md": dense}, ["lint", "d.md", "-g", "g.csv", "--format", "sarif", "-o", "out.sarif"]),
        "lint-1M-findings-text": ({"d.md": dense}, ["lint", "d.md", "-g", "g.csv", "-o", "out.txt"]),
        "check-1M-lines": ({"m.md": million, "ma.md": million_ar},
                           ["check", "ma.md", "m.md", "-g", "g.csv", *big, "-o", "out.txt"]),
        "check-50MB-one-line": ({"w.md": mb50, "wa.md": mb50_ar},
                                ["check", "wa.md", "w.md", "-g", "g.csv", *big, "-o", "out.txt"]),
        "lint-50MB-dense-line": ({"d.md": dense_line}, ["lint", "d.md", "-g", "g.csv", *big, "-o", "out.txt"]),
        "check-50MB-dense-line": ({"d.md": dense_line, "a.md": _AR_TERM},
                                  ["check", "a.md", "d.md", "-g", "g.csv", *big, "-o", "out.txt"]),
    }


def run(name: str, files: dict[str, str], argv: list[str], timeout: int) -> str:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        (root / "g.csv").write_text(GLOSSARY, encoding="utf-8")
        size = 0
        for file, text in files.items():
            data = text.encode("utf-8")
            (root / file).write_bytes(data)
            size += len(data) if file in argv else 0
        command = ["/usr/bin/time", "-v", sys.executable, "-m", "termcheck", *argv]
        started = time.perf_counter()
        try:
            proc = subprocess.run(command, cwd=root, capture_output=True, timeout=timeout,
                                  env={**os.environ, "NO_COLOR": "1"})
        except subprocess.TimeoutExpired:
            return f"{name:26} input {size / 1e6:7.1f} MB  no answer in {timeout} s"
        wall = time.perf_counter() - started
        err = proc.stderr.decode("utf-8", "replace")
        found = re.search(r"Maximum resident set size \(kbytes\): (\d+)", err)
        rss = int(found.group(1)) * 1024 if found else 0
        cpu = sum(float(t) for t in re.findall(r"(?:User|System) time \(seconds\): ([\d.]+)", err))
        out_size = max((p.stat().st_size for p in root.glob("out.*")), default=0)
        problem = "" if proc.returncode in (0, 1) else f"  exit {proc.returncode}: {err.splitlines()[0][:120]}"
        return (f"{name:26} input {size / 1e6:7.1f} MB  wall {wall:6.1f} s  CPU {cpu:6.1f} s  peak RSS {rss / 1e6:7.1f} MB "
                f"({rss / max(size, 1):4.1f}x)  report {out_size / 1e6:7.1f} MB{problem}")


def emitters(count: int) -> None:
    """Each report format on `count` synthetic findings (one per line of a generated text), written
    to /dev/null: seconds and the peak of Python memory while writing (tracemalloc)."""
    import tracemalloc

    from termcheck.commands.common import write_output
    from termcheck.model import Document, Finding, Fix, Severity
    from termcheck.report import jsonfmt, sarif, text

    line = _EN_TERM
    doc = Document("d.md", line * count, "en")
    findings = [Finding("TC101", Severity.ERROR, doc.location(i * len(line), i * len(line) + 16), "Kataib Hizbollah",
                        "'Kataib Hizbollah' is a forbidden form; the house form is 'Kataib Hezbollah'",
                        expected="Kataib Hezbollah", concept="kataib-hezbollah",
                        fix=Fix(i * len(line), i * len(line) + 16, "Kataib Hezbollah")) for i in range(count)]
    sources = {"d.md": doc.text}
    # (render where stream is missing: PYTHONPATH=<older checkout> measures the emitters before streaming)
    formats = {
        "json": lambda: getattr(jsonfmt, "stream", jsonfmt.render)(findings, 1, sources=sources),
        "sarif": lambda: getattr(sarif, "stream", sarif.render)(findings, 1),
        "text": lambda: getattr(text, "stream", text.render)(findings, 1, sources),
    }
    for name, make in formats.items():
        started = time.perf_counter()
        write_output(make(), os.devnull)
        seconds = time.perf_counter() - started
        tracemalloc.start()  # a second run for the memory: tracemalloc slows every allocation
        write_output(make(), os.devnull)
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        print(f"emit {name:6} {count:,} findings: {seconds:6.1f} s, peak {peak / 1e6:7.1f} MB while writing", flush=True)


def main() -> int:
    names = sys.argv[1:]
    if names[:1] == ["--emit"]:
        emitters(int(names[1]) if len(names) > 1 else 1_000_000)
        return 0
    timeout = 300
    print(f"load: {os.getloadavg()[0]:.2f} {os.getloadavg()[1]:.2f} {os.getloadavg()[2]:.2f}", flush=True)
    for name, (files, argv) in inputs().items():
        if names and not any(n in name for n in names):
            continue
        print(run(name, files, argv, timeout), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

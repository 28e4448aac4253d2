"""termcheck against the dictionary checkers (codespell, typos) on the same tree, in one run.

    python3 bench/bench_peers.py                  # 10 MB in ~1,200 files, 10,000 concepts, best of 3
    python3 bench/bench_peers.py --runs 1 --size 2000000
    python3 bench/bench_peers.py --save-findings /tmp/tc.json   # termcheck's findings, sorted, for diffs

The corpus and glossary are bench_lint's generator (same planted errors), cut into news-article
sized files (2-16 KB, seeds fixed: every run writes the same tree). codespell and typos are
installed into a scratch virtual environment (default /tmp/termcheck-peers-venv, created on first
use with pip; never the project's environment). They get the same knowledge termcheck gets, as
dictionaries: every word of a forbidden form, and every word of the drift the generator applies to
a preferred form (bench_lint._variant's swaps), mapped to the house word. Words a glossary form
accepts are left out (a dictionary checker cannot tell a listed name from its drift otherwise).

Each tool runs as a whole process, best wall time of --runs (first_wall_s: the first run, for termcheck
with an empty compiled-glossary cache); CPU is user+system of the process and
its children (os.wait4), peak RSS is the largest process's (wait4's ru_maxrss) and the sum over the
process tree sampled every 20 ms from /proc (workers count). Scoring, one planted error per span:
- termcheck: bench_lint.score (rule and exact span; TC104 on a planted misspelling is true).
- peers (no rules, no columns in codespell): a reported word is true when it lies on a line of a
  planted TC101/TC102 span in that file and is one of the span's words; a planted error is found when
  a true report names one of its words. TC103 (al- capitalization) is planted too and no peer finds it.
Prints one JSON line per tool and a table. No timed assertions anywhere: these are numbers to read.

Byte code. pip compiles an installed package's modules (codespell's, typos' wrapper, termcheck from a
wheel); an editable checkout run with PYTHONDONTWRITEBYTECODE=1 (as some sandboxes and CI images
set) never writes them and compiles every termcheck module at every start (0.3 of the 1.6 billion
instructions of a one-file `lint`). So termcheck's package is compiled here first, as an install
would (`--no-compile`: measure it as the checkout stands).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from bench_lint import Concept, Planted, _variant, score, write_corpus, write_glossary  # noqa: E402

PEERS = ("codespell==2.4.3", "typos==1.52.0")
_WORD = re.compile(r"[\w'\u2019-]+")


def write_tree(root: str, size: int, names: list[Concept], seed: int = 23) -> dict[str, tuple[str, list[Planted]]]:
    """Files of 2-16 KB under root/<section>/, `size` bytes in all: path -> (text, planted errors)."""
    rng = random.Random(seed)
    files: dict[str, tuple[str, list[Planted]]] = {}
    total = 0
    while total < size:
        section = os.path.join(root, f"section{len(files) % 12:02d}")
        os.makedirs(section, exist_ok=True)
        path = os.path.join(section, f"article{len(files):05d}.md")
        planted = write_corpus(path, rng.randint(2_000, 14_000), names, seed=seed * 100_000 + len(files))
        with open(path, encoding="utf-8") as handle:
            text = handle.read()
        files[path] = (text, planted)
        total += len(text.encode("utf-8"))
    return files


def peer_dictionary(names: list[Concept]) -> dict[str, str]:
    """wrong word (lower case) -> house word, from forbidden forms and the generator's drifts."""
    accepted = {w.lower() for c in names for w in c.en.split()}
    wrong: dict[str, str] = {}
    for concept in names:
        drifts = [concept.en_forbidden]
        for a, b in [("u", "o"), ("i", "e"), ("q", "k"), ("ay", "ai"), ("un", "oun")]:
            if a in concept.en:
                drifts.append(concept.en.replace(a, b, 1))
        drifts.append(concept.en + "h")
        house = concept.en.split()
        for drift in drifts:
            words = drift.split()
            if len(words) != len(house):
                continue
            for bad, good in zip(words, house):
                if bad.lower() != good.lower() and bad.lower() not in accepted:
                    wrong.setdefault(bad.lower(), good)
    return wrong


def ensure_peers(venv: str) -> dict[str, str]:
    bin_dir = os.path.join(venv, "bin")
    tools = {"codespell": os.path.join(bin_dir, "codespell"), "typos": os.path.join(bin_dir, "typos")}
    if not all(os.path.exists(t) for t in tools.values()):
        subprocess.run([sys.executable, "-m", "venv", venv], check=True)
        subprocess.run([os.path.join(bin_dir, "pip"), "install", "-q", *PEERS], check=True)
    return tools


def compile_termcheck() -> None:
    """Byte code for the termcheck package the runs below import, as pip writes it on install."""
    found = subprocess.run([sys.executable, "-c", "import os, termcheck; print(os.path.dirname(termcheck.__file__))"],
                           capture_output=True, text=True, check=True)
    subprocess.run([sys.executable, "-m", "compileall", "-q", found.stdout.strip()], check=True,
                   stdout=subprocess.DEVNULL)


def _tree_rss(pid: int) -> int:
    """Resident bytes of `pid` and its descendants (from /proc; 0 once it is gone)."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as handle:
                fields = handle.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(entry))
        rss[int(entry)] = int(fields[21]) * os.sysconf("SC_PAGE_SIZE")
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        total += rss.get(p, 0)
        todo.extend(children.get(p, ()))
    return total


def run_tool(argv: list[str], cwd: str | None = None) -> dict:
    """Wall, CPU and peak memory of one process (and its children), stdout kept."""
    out = tempfile.TemporaryFile()
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=out, stderr=subprocess.DEVNULL, cwd=cwd)
    peak_tree = [0]
    done = threading.Event()

    def sample() -> None:
        while not done.is_set():
            peak_tree[0] = max(peak_tree[0], _tree_rss(proc.pid))
            done.wait(0.02)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    done.set()
    sampler.join()
    proc.returncode = os.waitstatus_to_exitcode(status)
    out.seek(0)
    return {"wall_s": wall, "cpu_s": usage.ru_utime + usage.ru_stime, "peak_rss_mb": usage.ru_maxrss / 1024,
            "peak_tree_rss_mb": peak_tree[0] / 2**20, "stdout": out.read().decode("utf-8", "replace"),
            "rc": proc.returncode}


def best_of(argv: list[str], runs: int, cwd: str | None = None) -> dict:
    results = [run_tool(argv, cwd) for _ in range(runs)]
    best = min(results, key=lambda r: r["wall_s"])
    best["first_wall_s"] = results[0]["wall_s"]
    best["peak_rss_mb"] = max(r["peak_rss_mb"] for r in results)
    best["peak_tree_rss_mb"] = max(r["peak_tree_rss_mb"] for r in results)
    return best


def _line_starts(text: str) -> list[int]:
    return [0] + [m.end() for m in re.finditer("\n", text)]


def score_peer(reports: list[tuple[str, int, str]], files: dict[str, tuple[str, list[Planted]]]) -> dict:
    """reports: (path, 1-based line, word). See the module doc for what counts as true."""
    by_line: dict[tuple[str, int], list[tuple[int, Planted]]] = {}
    planted_total = 0
    for path, (text, planted) in files.items():
        planted_total += len(planted)
        for k, p in enumerate(planted):
            if p.rule == "TC103":
                continue
            first = text.count("\n", 0, p.start) + 1
            last = text.count("\n", 0, p.end) + 1
            for line in range(first, last + 1):
                by_line.setdefault((path, line), []).append((k, p))
    found: set[tuple[str, int]] = set()
    true = 0
    for path, line, word in reports:
        text = files[path][0] if path in files else ""
        hit = None
        for k, p in by_line.get((path, line), ()):
            if word.lower() in (w.lower() for w in _WORD.findall(text[p.start:p.end])):
                hit = k
                break
        if hit is None:
            continue
        true += 1
        found.add((path, hit))
    return {"findings": len(reports), "true": true, "precision": round(true / len(reports), 4) if reports else 1.0,
            "planted": planted_total, "recall": round(len(found) / planted_total, 4) if planted_total else 1.0}


def codespell_reports(stdout: str, root: str) -> list[tuple[str, int, str]]:
    reports = []
    for line in stdout.splitlines():
        m = re.match(r"(.+?):(\d+): (.+?) ==> ", line)
        if m:
            reports.append((os.path.normpath(m.group(1)), int(m.group(2)), m.group(3)))
    return reports


def typos_reports(stdout: str, root: str) -> list[tuple[str, int, str]]:
    reports = []
    for line in stdout.splitlines():
        try:
            item = json.loads(line)
        except ValueError:
            continue
        if item.get("type") == "typo":
            path = item["path"] if os.path.isabs(item["path"]) else os.path.join(root, item["path"])
            reports.append((os.path.normpath(path), item["line_num"], item["typo"]))
    return reports


def termcheck_findings(report_path: str) -> list[dict]:
    """The report's findings, paths made absolute (termcheck shows a path under the working
    directory relative to it: the bench run from /tmp, where the tree is)."""
    with open(report_path, encoding="utf-8") as handle:
        findings = json.load(handle)["findings"]
    for finding in findings:
        finding["path"] = os.path.abspath(finding["path"])
    return findings


def score_termcheck(findings: list[dict], files: dict[str, tuple[str, list[Planted]]], names: list[Concept],
                    work: str) -> dict:
    """bench_lint.score over the tree: files laid end to end, offsets shifted (no finding crosses a file)."""
    base: dict[str, int] = {}
    starts: dict[str, list[int]] = {}
    texts, planted, offset = [], [], 0
    for path, (text, plants) in files.items():
        base[path], starts[path] = offset, _line_starts(text)
        texts.append(text)
        planted.extend(p._replace(start=p.start + offset, end=p.end + offset) for p in plants)
        offset += len(text) + 1
    jsonl = os.path.join(work, "termcheck-findings.jsonl")
    with open(jsonl, "w", encoding="utf-8") as out:
        for f in findings:
            line_starts = starts[f["path"]]
            start = base[f["path"]] + line_starts[f["line"] - 1] + f["column"] - 1
            end = base[f["path"]] + line_starts[f["end_line"] - 1] + f["end_column"] - 1
            out.write(json.dumps([f["rule"], start, end, f["found"], f["expected"]]) + "\n")
    forbidden = {c.en_forbidden: c.en for c in names}
    return score(jsonl, planted, forbidden, "\n".join(texts))


def sorted_findings(findings: list[dict]) -> list[dict]:
    return sorted(findings, key=lambda f: (f["path"], f["line"], f["column"], f["rule"], f["message"]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", type=int, default=10_000_000, help="bytes of text in the tree")
    parser.add_argument("--concepts", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3, help="best wall time of this many runs per tool")
    parser.add_argument("--venv", default="/tmp/termcheck-peers-venv", help="scratch venv for codespell and typos")
    parser.add_argument("--only", action="append", help="run only these tools (codespell, typos, tc101, all)")
    parser.add_argument("--save-findings", help="write termcheck's all-rules findings here, sorted (for diffs); --select TC101's to PATH.tc101")
    parser.add_argument("--termcheck-arg", action="append", default=[], help="extra argument for termcheck lint")
    parser.add_argument("--no-compile", action="store_true",
                        help="do not compile termcheck's modules to byte code first (see the module doc)")
    args = parser.parse_args()
    tools = ensure_peers(args.venv)
    if not args.no_compile:
        compile_termcheck()
    with tempfile.TemporaryDirectory() as work:
        glossary = os.path.join(work, "glossary.csv")
        names = write_glossary(glossary, args.concepts)
        root = os.path.join(work, "tree")
        files = write_tree(root, args.size, names)
        dictionary = peer_dictionary(names)
        codespell_dict = os.path.join(work, "codespell.txt")
        with open(codespell_dict, "w", encoding="utf-8") as out:
            out.writelines(f"{bad}->{good.lower()}\n" for bad, good in sorted(dictionary.items()))
        typos_config = os.path.join(work, "typos.toml")
        typos_words = {part.lower(): good_part.lower()
                       for bad, good in dictionary.items()
                       for part, good_part in zip(bad.split("-"), good.split("-"))
                       if part.isalpha() and good_part.isalpha() and part.lower() != good_part.lower()}
        with open(typos_config, "w", encoding="utf-8") as out:
            out.write("[default.extend-words]\n")
            out.writelines(f'{bad} = "{good}"\n' for bad, good in sorted(typos_words.items()))
        size_mb = sum(len(t.encode("utf-8")) for t, _ in files.values()) / 1e6
        print(json.dumps({"tree_mb": round(size_mb, 2), "files": len(files), "concepts": len(names),
                          "planted": sum(len(p) for _, p in files.values()),
                          "codespell_words": len(dictionary), "typos_words": len(typos_words),
                          "load_before": os.getloadavg()[0], "cpus": os.cpu_count()}), flush=True)
        # termcheck's compiled-glossary cache starts empty: the first run of each row is a cold one
        os.environ["TERMCHECK_CACHE_DIR"] = os.path.join(work, "termcheck-cache")
        termcheck = [sys.executable, "-m", "termcheck", "lint", root, "-g", glossary, "--no-config",
                     "--format", "json", "--fail-on", "never", *args.termcheck_arg]
        plans = {
            "codespell": ([tools["codespell"], "-D", codespell_dict, root], None),
            "typos": ([tools["typos"], "--config", typos_config, "--format", "json", root], None),
            "tc101": (termcheck + ["--select", "TC101", "-o", os.path.join(work, "tc101.json")], "tc101.json"),
            "all": (termcheck + ["-o", os.path.join(work, "all.json")], "all.json"),
        }
        labels = {"codespell": "codespell 2.4.3", "typos": "typos 1.52", "tc101": "termcheck lint --select TC101",
                  "all": "termcheck lint (all rules)"}
        rows = []
        for name, (argv, report) in plans.items():
            if args.only and name not in args.only:
                continue
            result = best_of(argv, args.runs)
            if name == "codespell":
                quality = score_peer(codespell_reports(result["stdout"], root), files)
            elif name == "typos":
                quality = score_peer(typos_reports(result["stdout"], root), files)
            else:
                findings = termcheck_findings(os.path.join(work, report))
                quality = score_termcheck(findings, files, names, work)
                if args.save_findings:
                    # all rules to the path given, --select TC101 beside it (PATH.tc101)
                    saved = args.save_findings if name == "all" else args.save_findings + ".tc101"
                    with open(saved, "w", encoding="utf-8") as out:
                        for f in sorted_findings(findings):
                            f["path"] = os.path.relpath(f["path"], root)
                            out.write(json.dumps(f, ensure_ascii=False, sort_keys=True) + "\n")
            row = {"tool": labels[name], "wall_s": round(result["wall_s"], 2),
                   "first_wall_s": round(result["first_wall_s"], 2), "cpu_s": round(result["cpu_s"], 2),
                   "peak_rss_mb": round(result["peak_rss_mb"], 1),
                   "peak_tree_rss_mb": round(result["peak_tree_rss_mb"], 1), "rc": result["rc"],
                   "recall": quality["recall"], "precision": quality["precision"], "findings": quality["findings"],
                   "load": round(os.getloadavg()[0], 2)}
            print(json.dumps(row), flush=True)
            rows.append(row)
    print()
    base = next((r["wall_s"] for r in rows if r["tool"].startswith("codespell")), None)
    print(f"{'tool':<32} {'wall s':>7} {'x cs':>5} {'1st s':>6} {'CPU s':>6} {'RSS MB':>7} {'tree MB':>8} {'recall':>7} {'prec.':>7}")
    for r in rows:
        ratio = f"{r['wall_s'] / base:.2f}" if base else "-"
        print(f"{r['tool']:<32} {r['wall_s']:>7} {ratio:>5} {r['first_wall_s']:>6} {r['cpu_s']:>6} {r['peak_rss_mb']:>7} "
              f"{r['peak_tree_rss_mb']:>8} {r['recall']:>7.1%} {r['precision']:>7.1%}")
    print(f"load average at the end: {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs")


if __name__ == "__main__":
    main()

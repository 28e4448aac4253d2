"""termcheck lint FILE... --glossary G: monolingual checks of plain text and Markdown."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import List, NamedTuple, Optional

import typer

from termcheck.commands import common


# lint picks its processes itself unless told: a folder uses every core, one article one process.
JOBS_OPTION = typer.Option(None, "--jobs", "-j", min=0, metavar="N", help="Check files in this many processes (0 = all cores; default: all cores when there are several files to share, else 1).")


def lint(
    files: List[str] = typer.Argument(..., metavar="PATH", help="Text, Markdown or HTML files, or folders to walk (config include/exclude globs)."),
    glossary: Optional[List[str]] = common.GLOSSARY_OPTION,
    lang: Optional[str] = typer.Option(None, "--lang", metavar="LANG", help="Language of the files (ar or en); detected from the script by default."),
    fmt: common.OutputFormat = common.FORMAT_OPTION,
    fail_on: Optional[common.FailOn] = common.CONFIGURABLE_FAIL_ON_OPTION,
    encoding: Optional[str] = common.ENCODING_OPTION,
    select: Optional[List[str]] = common.SELECT_OPTION,
    ignore: Optional[List[str]] = common.IGNORE_OPTION,
    output: Optional[str] = common.OUTPUT_OPTION,
    config_file: Optional[str] = common.CONFIG_OPTION,
    no_config: bool = common.NO_CONFIG_OPTION,
    jobs: Optional[int] = JOBS_OPTION,
    baseline: Optional[str] = common.BASELINE_OPTION,
    write_baseline: Optional[str] = common.WRITE_BASELINE_OPTION,
    report_unused: bool = common.REPORT_UNUSED_OPTION,
    fix: bool = common.FIX_OPTION,
    diff: bool = common.DIFF_OPTION,
    unsafe_fixes: bool = common.UNSAFE_FIXES_OPTION,
) -> None:
    """Find forbidden forms, unlisted variants, al- capitalization and inconsistent spellings."""
    from termcheck.config import collect_files
    from termcheck.model import InputError

    if lang is not None and lang not in ("ar", "en"):
        raise InputError(f"--lang must be 'ar' or 'en', not '{lang}'")
    config = common.command_config(config_file, no_config, glossary=glossary, select=select, ignore=ignore,
                                   fail_on=fail_on, encoding=encoding)
    paths = collect_files(files, config)
    if not paths:
        raise InputError(f"{' '.join(files)}: is a directory with no files to check "
                         f"(include globs: {', '.join(config.include)})")
    if not config.glossary:
        common.load_glossaries(None)  # the usual 'no glossary given' error
    checked = lint_paths(paths, config, lang, jobs)
    docs = [doc for doc, _, _, _ in checked]
    sources = {doc.path: doc.text for doc in docs}
    raw = [f for _, found, _, _ in checked for f in found]
    withheld = common.announce_withheld({doc.path: w for doc, _, _, w in checked if w}, config)
    from termcheck.suppress import document_suppressions

    suppressions = [s for doc in docs for s in document_suppressions(doc)]
    findings = common.settle_findings(raw, config, suppressions, baseline, write_baseline, report_unused)

    findings = common.apply_fix_options(findings, {doc.path: d for doc, _, d, _ in checked},
                                        {doc.path: doc.encoding for doc in docs},
                                        fix=fix, diff=diff, unsafe=unsafe_fixes, output=output)

    def html_page() -> str:
        from termcheck.report.html import render_html, report_for_lint, report_meta, rules_setting

        meta = report_meta(paths, config.glossary, rules=rules_setting(config.select, config.ignore))
        return render_html(report_for_lint(docs, findings, meta))

    common.emit(findings, len(paths), sources, fmt, output, html_builder=html_page)
    raise typer.Exit(common.exit_code(findings, config.fail_on, withheld))


# -- checking many files, optionally in worker processes ------------------------------------------


def _lint_one(path: str, lang: str | None, encoding: str | None, enabled: frozenset[str] | None = None):
    """(Document, its first --max-findings findings, sha256 of the bytes read, the others counted)
    for one file, with the worker's Matcher; only the rules that report an `enabled` code run (all
    when None)."""
    from termcheck.limits import LIMITS
    from termcheck.lint import lint_document_capped

    doc, data_digest = common.read_checked(path, lang, encoding)
    findings, withheld = lint_document_capped(doc, common.worker_matcher(), LIMITS.findings, enabled)
    return doc, findings, data_digest, withheld


# Below this much text one process is faster than starting a pool (measured with
# bench/bench_lint.py's start-up article, 10 KB: a pool would add its workers' start to it).
PARALLEL_MIN_BYTES = 256 * 1024


def lint_paths(paths: list[str], config, lang: str | None = None, jobs: int | None = None) -> list[tuple]:
    """[(Document, findings, digest, withheld)] in the order of `paths`; the same for any number of jobs.

    jobs None: every core when the files are several and hold PARALLEL_MIN_BYTES or more, else one
    process. Where fork is available the glossary's Matcher is built once, in this process, and the
    workers inherit it (no worker loads the glossary again)."""
    from termcheck.config import lang_for
    from termcheck.rules.registry import enabled_codes

    enabled = enabled_codes(config.select, config.ignore)
    work = [(p, lang or lang_for(p, config), config.encoding, enabled) for p in paths]
    jobs = _jobs(paths) if jobs is None else jobs
    with _rare_collections():
        if jobs != 1 and len(work) > 1 and _fork_context() is not None:
            return _map_forked(work, config.glossary, jobs)
        return common.map_with_matcher(_lint_one, work, config.glossary, jobs)


@contextmanager
def _rare_collections() -> Iterator[None]:
    """The cyclic collector runs rarely while files are linted (forked workers inherit it): the
    rules make no cycles (over the 10 MB bench tree it freed nothing), yet its passes over the
    findings and name spans piling up were a tenth of lint's CPU. Collections still happen, every
    _GC_YOUNG_THRESHOLD allocations, so a cycle is not kept for ever."""
    import gc

    thresholds = gc.get_threshold()
    gc.set_threshold(_GC_YOUNG_THRESHOLD, 50, 100)
    try:
        yield
    finally:
        gc.set_threshold(*thresholds)


_GC_YOUNG_THRESHOLD = 100_000


def _jobs(paths: list[str]) -> int:
    import os

    if len(paths) < 2:
        return 1
    total = 0
    for path in paths:
        try:
            total += os.path.getsize(path)
        except OSError:
            pass  # reading it reports the problem
        if total >= PARALLEL_MIN_BYTES:
            return 0
    return 1


def _fork_context():
    """The fork start method on Linux (workers share the parent's Matcher); None elsewhere."""
    import multiprocessing
    import sys

    if not sys.platform.startswith("linux") or "fork" not in multiprocessing.get_all_start_methods():
        return None
    return multiprocessing.get_context("fork")


def _prepare(matcher, enabled: frozenset[str] | None) -> None:
    """Build or load here, once, the per-glossary indexes that every worker would otherwise make
    for itself (forked workers inherit them): the variant index of TC102-TC104's name scan, and
    the forbidden forms' automaton of a TC101-only run (Matcher.find_forbidden)."""
    if enabled is None or enabled & {"TC102", "TC103", "TC104"}:
        from termcheck.rules.variants import variant_index

        variant_index(matcher)
    from termcheck.lint import only_tc101

    if only_tc101(enabled):
        matcher.forbidden_automaton()


class _Failed(NamedTuple):
    """A file's error, kept in its place: the first failure in path order is the one raised (as
    one process, or a pool's map, would raise it)."""

    error: Exception


def _lint_or_fail(item: tuple):
    try:
        return _lint_one(*item)
    except Exception as error:  # raised again by _map_forked, in path order
        return _Failed(error)


def _lint_chunk(items: list[tuple]) -> list:
    return [_lint_or_fail(item) for item in items]


def _map_forked(work: list[tuple], glossary_paths: list[str], jobs: int) -> list[tuple]:
    """_lint_one over `work` in `jobs` processes: this one and jobs - 1 forked workers.

    This process lints too, rather than wait: a worker's findings cost this process their
    unpickling (a fifth of the CPU of a TC101 run on the 10 MB bench tree), while its own share
    costs nothing to hand over. The workers take chunks of files from the front, one chunk each at
    a time; this process takes one file at a time from the back, and hands a worker its next chunk
    as soon as it sees the last one done, until they meet. Results are put back in `work`'s order."""
    import gc
    import os
    from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait

    # the cores this process may run on (a container or `taskset` allows fewer than the machine has)
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    jobs = min(cores if jobs == 0 else min(jobs, cores), len(work))
    common._init_worker(glossary_paths)  # load errors and warnings once, here
    if jobs <= 1:
        return [_lint_one(*item) for item in work]
    _prepare(common.worker_matcher(), work[0][3])
    size = max(1, len(work) // (jobs * 16))
    results: list[tuple | None] = [None] * len(work)
    front, back = 0, len(work)  # the workers' next file; one past this process's next file
    gc.freeze()  # the Matcher's objects stay shared: the workers' collector never touches their pages
    try:
        with ProcessPoolExecutor(max_workers=jobs - 1, mp_context=_fork_context()) as pool:
            _widen_result_pipe(pool)
            pending: dict = {}

            def hand_out() -> None:
                nonlocal front
                # two chunks a worker: the next one waits in the pool's queue, so that a worker
                # never idles while this process, busy linting, is slow to hand it out; chunks
                # shrink as the files left do, so that no worker holds a long queued chunk at the end
                while len(pending) < 2 * (jobs - 1) and front < back:
                    end = min(front + max(1, min(size, (back - front) // (4 * jobs))), back)
                    pending[pool.submit(_lint_chunk, work[front:end])] = front
                    front = end

            def collect(done) -> None:
                for future in done:
                    start = pending.pop(future)
                    chunk = future.result()
                    results[start:start + len(chunk)] = chunk

            hand_out()
            while front < back:
                back -= 1
                results[back] = _lint_or_fail(work[back])
                collect([future for future in pending if future.done()])
                hand_out()
            while pending:
                done, _ = wait(pending, return_when=FIRST_COMPLETED)
                collect(done)
    finally:
        gc.unfreeze()
    failed = next((r for r in results if isinstance(r, _Failed)), None)
    if failed is not None:
        raise failed.error
    return results


def _widen_result_pipe(pool) -> None:
    """Let a worker write a chunk's results (~400 KB for 38 bench files: the texts come back with
    the findings) into the pipe at once. With the default 64 KB the worker waited, at each 64 KB,
    for this process's result thread, which waits for the interpreter lock while this process
    lints: 5-10 ms a chunk, a tenth of a worker's time on the 10 MB bench tree. Linux only
    (F_SETPIPE_SZ, within /proc/sys/fs/pipe-max-size); the pool's result queue is a private
    attribute of concurrent.futures, so anything unexpected leaves the pipe as it was."""
    try:
        import fcntl

        writer = pool._result_queue._writer
        fcntl.fcntl(writer.fileno(), getattr(fcntl, "F_SETPIPE_SZ", 1031), _RESULT_PIPE_BYTES)
    except (AttributeError, ImportError, OSError, ValueError):
        pass


_RESULT_PIPE_BYTES = 1 << 20  # Linux's default pipe-max-size


def register(app: typer.Typer) -> None:
    app.command("lint")(lint)

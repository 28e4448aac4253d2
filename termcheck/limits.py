"""Explicit ceilings on what one run reads, so every input is answered in bounded time and memory.

The defaults sit far above real copy and localization files (an article is a few hundred KB, a
line a few thousand characters, XLIFF nests a dozen elements, a glossary form a few words) and far
below what exhausts a laptop. Past a limit, termcheck reports one line naming the file, the place
and the option that raises the limit (`termcheck --max-depth 5000 units x.xlf`; the options may
stand anywhere on the command line), and exits 2.

Findings have a limit of their own, in the style of gcc's -fmax-errors and clang's -ferror-limit:
at most `findings` per file are kept and reported, the first in text order; the others are only
counted, by rule and severity, and one warning line says how many were not shown and which option
raises the limit (`d.md: 2,200,000 more findings not shown (limit 100,000 findings per file;
--max-findings raises it)`); they still count for the exit code. Why a limit and not only compact
findings: measured on 50 MB of one line, `Kataib Hizbollah said. ` 2.3 million times (a forbidden
form every 23 bytes), lint held 2.3 million findings at ~800 bytes each (finding, location, fix,
message, found text) and the per-finding work (TC101's findings, check's source lookup for each,
the report's excerpt of each) was most of the time: lint 33 s CPU / 2.9 GB, check 136 s / 3.1 GB.
A compact finding would still cost some 100 bytes each, 4x the input on its own, for a report no
one reads (its JSON is 1 GB). With the limit (and TC101 counting, not making, what it cannot keep:
contexts.DocumentContext.keep): lint 14 s / 1.6 GB, check 50 s / 1.6 GB, the rest being per glossary
match (matches, name spans), not per finding; with those as columns (match.Matches, 9-12 bytes a match)
lint 7 s / 197 MB, check 37 s / 338 MB; with the kept findings compact as well (model.SpanFinding,
~110 bytes each) and the long alignment's columns small, lint 8 s / 144 MB, check 41 s / 208 MB. The default, 100,000, is four times what the 10 MB bench article
holds (24,619 findings) and costs at most ~100 MB. The findings past it are counted after
--select/--ignore but before inline suppressions and the baseline (those need the findings
themselves), and --fix and --write-baseline see only the findings kept: run again, or raise the
limit, for the rest.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, fields

from termcheck.model import Finding, InputError


@dataclass
class Limits:
    file_size: int = 64 << 20  # bytes of one input file
    line_length: int = 1_000_000  # characters of one line of a text input
    depth: int = 1000  # nesting of XML elements, JSON and TOML values
    digits: int = 1000  # digits of one number in JSON (baselines)
    term_length: int = 500  # characters of one glossary form
    units: int = 1_000_000  # translation units of one run
    files: int = 100_000  # files of one run
    segment_words: int = 10_000  # words of one segment `score` compares (TER's search grows with its square)
    findings: int = 100_000  # findings reported for one file; the rest are counted (first_findings)

    @staticmethod
    def option(name: str) -> str:
        return "--max-" + name.replace("_", "-")


LIMITS = Limits()  # the run's limits; cli.py sets them from the --max-* options

OPTION_NAMES = tuple(Limits.option(f.name) for f in fields(Limits))


def too_large(where: str, what: str, limit_name: str, unit: str = "") -> InputError:
    """`where: what (limit N[ unit]; --max-... raises it)`."""
    return InputError(past_limit(where, what, limit_name, unit))


def past_limit(where: str, what: str, limit_name: str, unit: str = "") -> str:
    """The one line every limit speaks in: `where: what (limit N[ unit]; --max-... raises it)`."""
    limit = getattr(LIMITS, limit_name)
    unit = f" {unit}" if unit else ""
    return f"{where}: {what} (limit {limit:,}{unit}; {Limits.option(limit_name)} raises it)"


Withheld = Counter  # (rule, severity) -> how many findings of one file were past the limit


def first_findings(findings: Iterable[Finding], limit: int,
                   enabled: frozenset[str] | None = None) -> tuple[list[Finding], Withheld]:
    """The first `limit` of one file's `findings` in text order (Finding.sort_key, ties in the
    order given, as a stable sort gives them), and the others counted by (rule, severity).
    Findings of a code not `enabled` are dropped uncounted (None: every code counts).

    Memory stays at 2 x `limit` findings: the list is sorted and cut whenever it reaches that,
    and once cut, a finding at or after the last one kept is counted without being kept (rules
    report in text order, so after the first cut nearly every later finding is only counted)."""
    kept: list[Finding] = []
    withheld: Withheld = Counter()
    last = None  # the sort key of the last finding kept, once the list has been cut
    for finding in findings:
        if enabled is not None and finding.rule not in enabled:
            continue
        if last is not None and finding.sort_key >= last:
            withheld[finding.rule, finding.severity] += 1
            continue
        kept.append(finding)
        if len(kept) >= 2 * limit:
            last = _cut(kept, limit, withheld)
    if len(kept) > limit:
        _cut(kept, limit, withheld)
    else:
        _sort(kept)
    return kept, withheld


def _sort(findings: list[Finding]) -> None:
    """Sort by Finding.sort_key, stably; a list already in order (one rule's findings, as most
    long texts give) is left as it is: the sort's key list (100,000 tuples, 9 MB) was the peak of
    lint on a million dense lines."""
    keys = map(_sort_key, findings)
    previous = next(keys, None)
    for key in keys:
        if key < previous:
            findings.sort(key=_sort_key)
            return
        previous = key


def _cut(kept: list[Finding], limit: int, withheld: Withheld) -> tuple:
    _sort(kept)
    for finding in kept[limit:]:
        withheld[finding.rule, finding.severity] += 1
    del kept[limit:]
    return kept[-1].sort_key


def _sort_key(finding: Finding) -> tuple:
    return finding.sort_key


def withheld_line(path: str, count: int) -> str:
    """The warning for a file whose findings passed the limit (`count` of them not shown)."""
    plural = lambda n: "finding" if n == 1 else "findings"  # noqa: E731
    return past_limit(path, f"{count:,} more {plural(count)} not shown", "findings", f"{plural(LIMITS.findings)} per file")


def check_count(where: str, what: str, count: int, limit_name: str) -> None:
    """Refuse `count` things past the limit (units of a file, files of a walk)."""
    if count > getattr(LIMITS, limit_name):
        raise too_large(where, f"too many {what} ({count:,})", limit_name)


def parse_size(text: str) -> int:
    """'65536', '64K', '64M', '1G' (binary multiples) -> a positive number; ValueError otherwise."""
    value = text.strip().upper().removesuffix("B")
    scale = 1
    if value and value[-1] in "KMG":
        scale = 1 << {"K": 10, "M": 20, "G": 30}[value[-1]]
        value = value[:-1]
    number = int(value.replace("_", ""))
    if number <= 0:
        raise ValueError(text)
    return min(number * scale, UNLIMITED)  # a limit past any real input means 'no limit'


UNLIMITED = 1 << 60  # still a valid size for read() and range()

"""Explicit ceilings on what one run reads, so every input is answered in bounded time and memory.

The defaults sit far above real copy and localization files (an article is a few hundred KB, a
line a few thousand characters, XLIFF nests a dozen elements, a glossary form a few words) and far
below what exhausts a laptop. Past a limit, termcheck reports one line naming the file, the place
and the option that raises the limit (`termcheck --max-depth 5000 units x.xlf`; the options may
stand anywhere on the command line), and exits 2.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

from termcheck.model import InputError


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

    @staticmethod
    def option(name: str) -> str:
        return "--max-" + name.replace("_", "-")


LIMITS = Limits()  # the run's limits; cli.py sets them from the --max-* options

OPTION_NAMES = tuple(Limits.option(f.name) for f in fields(Limits))


def too_large(where: str, what: str, limit_name: str, unit: str = "") -> InputError:
    """`where: what (limit N[ unit]; --max-... raises it)`."""
    limit = getattr(LIMITS, limit_name)
    unit = f" {unit}" if unit else ""
    return InputError(f"{where}: {what} (limit {limit:,}{unit}; {Limits.option(limit_name)} raises it)")


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

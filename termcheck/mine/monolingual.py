"""Monolingual English copy: more spellings of the names the pairs found.

An English-only archive has no Arabic to pair with, but its spellings of a name the pairs already
know still count: every capitalized run (1-4 words, termcheck.mine.names.english_runs) whose
transliteration key is the key of one of a name candidate's English spellings is that name written
again. A spelling the candidate has adds to its count; a new spelling is added with the status the
count rule gives it against the preferred spelling (termcheck.mine.concepts: allowed when used at
least a third as often and twice, else a forbidden candidate), with its file:line examples.
"""

from __future__ import annotations

from collections.abc import Iterable

from termcheck.mine.candidate import Candidate, Example, Spelling
from termcheck.mine.concepts import ALLOWED_SHARE, english_spelling_key
from termcheck.mine.names import MAX_WORDS, english_runs
from termcheck.mine.surface import english_surface
from termcheck.mine.tokens import english_chunks
from termcheck.model import Status

CONTEXT = 60


def add_english_copy(candidates: list[Candidate], documents: Iterable[tuple[str, str]]) -> None:
    """`documents`: (path, text) of English-only copy; candidates are updated in place."""
    by_key: dict[str, Candidate] = {}
    for candidate in candidates:
        if candidate.kind == "name":
            for spelling in candidate.en:
                by_key.setdefault(english_spelling_key(spelling.text), candidate)
    if not by_key:
        return
    longest = max(len(k.split()) for k in by_key)
    for path, text in documents:
        for chunk in english_chunks(text):
            for run in english_runs(chunk):
                _scan_run(run, text, path, by_key, min(MAX_WORDS, longest + 1))
    for candidate in {id(c): c for c in by_key.values()}.values():
        _settle(candidate)


def _scan_run(run, text: str, path: str, by_key, longest: int) -> None:
    i = 0
    while i < len(run):
        for j in range(min(len(run), i + longest), i, -1):  # the longest known name first
            form = english_surface(text[run[i].start:run[j - 1].end])
            candidate = by_key.get(english_spelling_key(form))
            if candidate is None:
                continue
            _add(candidate, form, _example(text, path, run[i].start, run[j - 1].end))
            i = j
            break
        else:
            i += 1


def _add(candidate: Candidate, form: str, example: Example) -> None:
    for spelling in candidate.en:
        if spelling.text.lower() == form.lower():
            break
    else:
        spelling = Spelling(form, 0, Status.FORBIDDEN, [])
        candidate.en.append(spelling)
    spelling.count += 1
    if len(spelling.examples) < 3 and all(str(e) != str(example) for e in spelling.examples):
        spelling.examples.append(example)


def _settle(candidate: Candidate) -> None:
    """Statuses of the spellings the English copy added, against the preferred spelling's count."""
    preferred = candidate.en[0]
    for spelling in candidate.en[1:]:
        if spelling.status is Status.FORBIDDEN and spelling.count >= max(2, ALLOWED_SHARE * preferred.count):
            spelling.status = Status.ALLOWED


def _example(text: str, path: str, start: int, end: int) -> Example:
    line = text.count("\n", 0, start) + 1
    left, right = max(0, start - CONTEXT), min(len(text), end + CONTEXT)
    context = " ".join(text[left:right].split())
    return Example(path, line, ("…" if left else "") + context + ("…" if right < len(text) else ""))

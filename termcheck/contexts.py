"""What a rule receives: a DocumentContext (document rules) or a UnitContext (unit rules); the
pair rules' PairContext is built from two DocumentContexts in termcheck.rules.bilingual.

This module imports no rule (rules import it), so the registry, the runner in termcheck.lint and
the rules form one-way imports. Shared work is computed on first use only: the glossary matches
when a rule (or the aligner) first asks for them, the name spans of TC102-TC104 in `cache` by
termcheck.rules.variants.name_spans. A run with only TC104 on Arabic text never matches the glossary.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from termcheck.match import Matcher, Matches, all_forbidden
from termcheck.model import Document
from termcheck.text.markup import masked_text

if TYPE_CHECKING:
    from termcheck.formats.units import Unit
    from termcheck.units import UnitCheckOptions
    from termcheck.units.locate import Locator


class DocumentContext:
    """One document as every document rule sees it (offsets of `text` are the document's own)."""

    __slots__ = ("doc", "text", "matcher", "cache", "_matches", "forbidden_only", "keep", "withheld")

    def __init__(self, doc: Document, text: str, matcher: Matcher, matches: Matches | None = None) -> None:
        self.doc = doc
        self.text = text  # doc.text with markup blanked out: same length, same offsets
        self.matcher = matcher
        self.cache: dict = {}  # per-document work that several rules share
        self._matches = matches
        # set by a runner whose only rule needing matches is TC101: see forbidden_matches
        self.forbidden_only = False
        # set by a runner that keeps only the first `keep` findings (--max-findings, lint.lint_context_capped):
        # a rule reporting one finding per item in text order may make the first `keep` and add the
        # count of the others to `withheld` ((rule, severity) -> n) instead of findings no one keeps
        self.keep: int | None = None
        self.withheld: Counter = Counter()

    @property
    def matches(self) -> Matches:
        """The glossary matches of `text`, found on first use."""
        if self._matches is None:
            self._matches = self.matcher.find(self.text)
        return self._matches

    @property
    def forbidden_matches(self) -> Matches:
        """The matches whose entries are all forbidden forms (TC101's), in text order: taken from
        `matches`, or, in a run that needs no other match (`forbidden_only`), found alone by
        Matcher.find_forbidden, which matches only around forbidden forms."""
        if self._matches is None and self.forbidden_only:
            return self.matcher.find_forbidden(self.text)
        return self.matches.where(all_forbidden)


def document_context(doc: Document, matcher: Matcher) -> DocumentContext:
    return DocumentContext(doc, masked_text(doc), matcher)


@dataclass
class UnitContext:
    """What every unit rule receives: the units of the run, the glossary's matcher (None without a
    glossary), the locator that places findings in the files, and the run's options."""

    units: list[Unit]
    matcher: Matcher | None
    locator: Locator
    options: UnitCheckOptions
    cache: dict = field(default_factory=dict)  # work several unit rules share (text keys)

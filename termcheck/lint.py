"""Monolingual checks of one document: match the glossary once, run the enabled document rules.

The rules are declared in termcheck.rules.registry (CHECKS, scope "document"); a rule none of whose
codes is enabled is not run at all, and the work rules share (glossary matches, name spans) is
done only when an enabled rule asks for it (termcheck.contexts). The commands keep the first
--max-findings findings of a file and count the others (lint_document_capped, limits.first_findings).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from functools import lru_cache
from itertools import chain

from termcheck.contexts import DocumentContext, document_context
from termcheck.limits import Withheld, first_findings
from termcheck.match import Matcher
from termcheck.model import Document, Finding

__all__ = ["DocumentContext", "DocumentRule", "document_context", "document_rules", "lint_context", "lint_context_capped", "only_tc101",
           "lint_document", "lint_document_capped"]

DocumentRule = Callable[[DocumentContext], Iterable[Finding]]


def document_rules(enabled: frozenset[str] | None = None) -> list[DocumentRule]:
    """The document rules that report an enabled code (every one when `enabled` is None)."""
    from termcheck.rules.registry import checks

    return checks("document", enabled)


def lint_context(ctx: DocumentContext, enabled: frozenset[str] | None = None) -> list[Finding]:
    findings: list[Finding] = []
    for document_rule in document_rules(enabled):
        findings.extend(document_rule(ctx))
    findings.sort(key=lambda f: f.sort_key)
    return findings


def lint_context_capped(ctx: DocumentContext, limit: int,
                        enabled: frozenset[str] | None = None) -> tuple[list[Finding], Withheld]:
    """lint_context's first `limit` findings of an `enabled` code, and the others counted: the
    findings past the limit are never held all at once (limits.first_findings), and a rule may count
    those it knows cannot be kept without making them (DocumentContext.keep)."""
    ctx.keep, ctx.withheld = limit, Counter()
    found = chain.from_iterable(document_rule(ctx) for document_rule in document_rules(enabled))
    kept, withheld = first_findings(found, limit, enabled)
    withheld.update({key: n for key, n in ctx.withheld.items() if enabled is None or key[0] in enabled})
    return kept, withheld


def lint_document(doc: Document, matcher: Matcher, enabled: frozenset[str] | None = None) -> list[Finding]:
    """The TC1xx findings of one document, in text order: of the rules that report an `enabled` code
    (all rules when None; the caller still filters codes, a rule may report several)."""
    return lint_context(_context(doc, matcher, enabled), enabled)


def lint_document_capped(doc: Document, matcher: Matcher, limit: int,
                         enabled: frozenset[str] | None = None) -> tuple[list[Finding], Withheld]:
    """lint_document's first `limit` findings (only of `enabled` codes), and the others counted."""
    return lint_context_capped(_context(doc, matcher, enabled), limit, enabled)


def _context(doc: Document, matcher: Matcher, enabled: frozenset[str] | None) -> DocumentContext:
    ctx = document_context(doc, matcher)
    ctx.forbidden_only = only_tc101(enabled)
    return ctx


@lru_cache(maxsize=64)  # asked once per document with the run's one `enabled`
def only_tc101(enabled: frozenset[str] | None) -> bool:
    """Is TC101 the one document code `enabled` leaves on? Then lint needs only the forbidden
    matches (lint --select TC101, a CI's usual run): DocumentContext.forbidden_matches."""
    from termcheck.rules.registry import CHECKS

    if enabled is None:
        return False
    return {code for check in CHECKS if check.scope == "document" for code in check.codes if code in enabled} == {"TC101"}

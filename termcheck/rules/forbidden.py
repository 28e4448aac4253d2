"""TC101: a form the glossary forbids is used."""

from __future__ import annotations

from collections.abc import Iterator

from termcheck.lint import DocumentContext
from termcheck.model import Applicability, Finding, Fix, Status
from termcheck.rules.registry import rule

TC101 = rule("TC101")


def forbidden_terms(ctx: DocumentContext) -> Iterator[Finding]:
    doc = ctx.doc
    for match in ctx.matches:
        entry = next((e for e in match.entries if e.term.status is Status.FORBIDDEN), None)
        if entry is None or any(e.term.status is not Status.FORBIDDEN for e in match.entries):
            continue  # a form that is also accepted somewhere is a glossary problem (TC003)
        preferred = entry.concept.preferred(entry.term.lang)
        found = doc.text[match.start:match.end]
        expected = preferred.text if preferred else None
        if expected and entry.elided_article:
            expected = expected[1:]  # للفصائل: the alef of ال is not written after ل
        fix = Fix(match.start, match.end, expected, Applicability.SAFE) if expected else None
        message = f"'{found}' is not the house form" + (f"; write '{expected}'" if expected else "")
        yield Finding(
            rule=TC101.code,
            severity=TC101.severity,
            location=doc.location(match.start, match.end),
            found=found,
            message=message,
            expected=expected,
            concept=entry.concept.key,
            fix=fix,
        )

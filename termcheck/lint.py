"""Monolingual checks of one document: match the glossary once, run every document rule."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from termcheck.match import Match, Matcher
from termcheck.model import Document, Finding
from termcheck.text.markup import masked_text


@dataclass
class DocumentContext:
    """What every document rule receives: the document, its masked text and its matches."""

    doc: Document
    text: str  # doc.text with markup blanked out: same length, same offsets
    matches: list[Match]
    matcher: Matcher
    cache: dict = field(default_factory=dict)  # per-document work that several rules share


DocumentRule = Callable[[DocumentContext], Iterable[Finding]]


def document_context(doc: Document, matcher: Matcher) -> DocumentContext:
    text = masked_text(doc)
    return DocumentContext(doc, text, matcher.find(text), matcher)


def document_rules() -> list[DocumentRule]:
    from termcheck.rules.article import article_capitalization
    from termcheck.rules.consistency import inconsistent_spellings
    from termcheck.rules.consistency_ar import inconsistent_arabic_spellings
    from termcheck.rules.forbidden import forbidden_terms
    from termcheck.rules.variants import unlisted_variants

    return [forbidden_terms, unlisted_variants, article_capitalization, inconsistent_spellings,
            inconsistent_arabic_spellings]


def lint_context(ctx: DocumentContext) -> list[Finding]:
    findings: list[Finding] = []
    for document_rule in document_rules():
        findings.extend(document_rule(ctx))
    findings.sort(key=lambda f: f.sort_key)
    return findings


def lint_document(doc: Document, matcher: Matcher) -> list[Finding]:
    """All TC1xx findings of one document, in text order."""
    return lint_context(document_context(doc, matcher))

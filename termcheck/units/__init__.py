"""Checks over translation units (PO, MO, XLIFF, TMX): the runner of the TC3xx unit rules.

Each rule family is a module of its own, like the document rules: `terms` (TC101/TC201/TC202/
TC203 per unit, with a glossary), `empty` (TC303 untranslated, TC304 copied source),
`placeholders` (TC305 placeholders, TC306 markup), `numbers` (TC204), `consistency` (TC301/TC302 across units) and
`renderings` (the TC307 co-occurrence miner, `RenderingIndex`). `locate` places findings in the
file; `finding` ties them to their unit.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from termcheck.formats.units import Unit, base_lang
from termcheck.glossary import _no_cyclic_gc
from termcheck.match import Matcher
from termcheck.model import Finding, Status
from termcheck.contexts import UnitContext
from termcheck.rules.registry import checks, enabled_codes, selected
from termcheck.units.consistency import inconsistencies
from termcheck.units.empty import copied_source, untranslated
from termcheck.units.locate import Locator
from termcheck.units.numbers import number_findings
from termcheck.units.placeholders import markup_findings, placeholder_findings, placeholders, tags
from termcheck.units.renderings import RenderingIndex, term_renderings
from termcheck.units.terms import term_findings
from termcheck.units.text import is_key, keyed_by_convention

__all__ = ["Locator", "RenderingIndex", "UnitCheckOptions", "check_units", "placeholders", "suppressed", "tags",
           "term_findings"]


@dataclass(frozen=True)
class UnitCheckOptions:
    terms: tuple[str, ...] = ()  # TC307 for these source terms (--term)
    mine_terms: bool = False  # TC307 for frequent source n-grams with competing renderings
    mine_min_count: int = 5  # a mined n-gram must occur in this many units
    mine_limit: int = 30  # at most this many mined terms are examined
    renderings_limit: int = 5  # at most this many renderings per term
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] | None = None

    def wants(self, code: str) -> bool:
        return selected(code, list(self.select or ()), list(self.ignore or ()))


def check_units(units: list[Unit], matcher: Matcher | None, options: UnitCheckOptions | None = None,
                sources: Mapping[str, str] | None = None) -> list[Finding]:
    """Every finding over `units`, in file and line order.

    `sources` maps a path to its text; with it, findings point at the column of the term in the
    target line (without it, column 1 of the unit's line).

    Unit-note suppressions (`termcheck: ignore TC301`) are NOT applied here: the caller filters
    with suppress.filter_suppressed(findings, suppress.unit_suppressions(units)), which also
    tells which notes silenced nothing (--report-unused). A unit whose note names a cross-unit
    rule (TC301, TC302, TC307) is left out of that comparison; for TC301/TC302 it still gets a
    finding of its own, which its note then silences (so the note counts as used).
    """
    options = options or UnitCheckOptions()
    ctx = UnitContext(list(units), matcher, Locator(sources or {}), options)
    enabled = enabled_codes(options.select, options.ignore)
    found: list[tuple[Unit, Finding]] = []
    # The rules make findings, mentions and keys by the hundred thousand, none of them in a cycle:
    # the cyclic collector walked the units and the glossary over and over for nothing (a tenth of
    # bench_units' CPU). Reference counting still frees everything.
    with _no_cyclic_gc():
        for unit_rule in checks("units", enabled):
            found.extend(unit_rule(ctx))
    wanted = {code: options.wants(code) for code in {f.rule for _, f in found}}  # once a code, not a finding
    findings = _unique(f for _, f in found if wanted[f.rule])
    findings.sort(key=_order)
    return findings


# -- the unit rules, as termcheck.rules.registry declares them (CHECKS, scope "units") ---------------


def unit_terms(ctx: UnitContext) -> Iterable[tuple[Unit, Finding]]:
    """TC101, TC201-TC203 per unit (with a glossary only)."""
    return term_findings(ctx.units, ctx.matcher, ctx.locator, _keys(ctx)) if ctx.matcher is not None else ()


def unit_untranslated(ctx: UnitContext) -> Iterable[tuple[Unit, Finding]]:
    return untranslated(ctx.units, ctx.locator, ctx.cache)


def unit_copied_source(ctx: UnitContext) -> Iterable[tuple[Unit, Finding]]:
    return copied_source(ctx.units, ctx.locator, ctx.cache)


def unit_placeholders(ctx: UnitContext) -> Iterable[tuple[Unit, Finding]]:
    return placeholder_findings(ctx.units, ctx.locator, _keys(ctx))


def unit_markup(ctx: UnitContext) -> Iterable[tuple[Unit, Finding]]:
    return markup_findings(ctx.units, ctx.locator, _keys(ctx))


def unit_numbers(ctx: UnitContext) -> Iterable[tuple[Unit, Finding]]:
    return number_findings(ctx.units, ctx.locator, _keys(ctx))


def unit_inconsistent_translations(ctx: UnitContext) -> Iterable[tuple[Unit, Finding]]:
    return inconsistencies(ctx.units, ctx.locator, "TC301", opted_out=lambda u: suppressed(u, "TC301"),
                           keys=ctx.cache.setdefault("consistency-keys", {}),
                           house=_writes_house_form(ctx.matcher) if ctx.matcher is not None else None)


def _writes_house_form(matcher: Matcher) -> Callable[[Unit], int]:
    """How many of the glossary's preferred forms (in the target's language) a unit's target writes."""
    def writes(unit: Unit) -> int:
        lang = base_lang(unit.target_lang)
        return sum(any(e.term.status is Status.PREFERRED and e.term.lang == lang for e in m.entries)
                   for m in matcher.find(unit.target))
    return writes


def unit_inconsistent_sources(ctx: UnitContext) -> Iterable[tuple[Unit, Finding]]:
    """TC302. A unit whose source is a message key is left out: its target is the text of some
    English source too, by design (SimpleSAMLphp's '{status:attributes_header}' and 'Your attributes'
    both السمات: 211 of a held-out catalogue's 212 TC302)."""
    keys = _keys(ctx)
    return inconsistencies([u for u in ctx.units if not is_key(u.source, keys)], ctx.locator, "TC302",
                           opted_out=lambda u: suppressed(u, "TC302"), keys=ctx.cache.setdefault("consistency-keys", {}))


def _keys(ctx: UnitContext) -> frozenset[str]:
    """The sources that are message keys by their file's convention, once a run (units.text)."""
    keys = ctx.cache.get("convention-keys")
    if keys is None:
        keys = ctx.cache["convention-keys"] = keyed_by_convention(ctx.units)
    return keys


def unit_term_renderings(ctx: UnitContext) -> Iterable[tuple[Unit, Finding]]:
    """TC307, only for the terms asked for (--term) or mined (--mine-terms)."""
    if not (ctx.options.terms or ctx.options.mine_terms):
        return ()
    return term_renderings(_unsuppressed(ctx.units, "TC307"), ctx.locator, ctx.options)


def _unique(findings: Iterable[Finding]) -> list[Finding]:
    """Each finding once: the same rule, place and message is one finding, however it was reached
    (a file named twice, a term reached by two rules' paths)."""
    seen: set[tuple] = set()
    kept = []
    for finding in findings:
        loc = finding.location  # its fields, not the Location: a frozen dataclass hashes in Python
        key = (finding.rule, loc.path, loc.start, loc.end, loc.line, loc.column, loc.end_line, loc.end_column,
               finding.message)
        if key not in seen:
            seen.add(key)
            kept.append(finding)
    return kept


def _order(finding: Finding) -> tuple:
    loc = finding.location
    return (loc.path, loc.line, loc.column, finding.rule, finding.message)


# -- suppressions: a note 'termcheck: ignore TC304' (or a bare 'termcheck: ignore') on the unit.
# Findings are filtered by the caller (termcheck.suppress); here only the opt-out of cross-unit
# comparisons, read with the same parser so both agree on what a note says.


def suppressed(unit: Unit, code: str) -> bool:
    """True when one of the unit's notes suppresses `code` (a note may name prefixes, or none)."""
    if not unit.notes:
        return False
    from termcheck.suppress import unit_suppressions

    return any(not s.codes or any(code.startswith(c) for c in s.codes) for s in unit_suppressions([unit]))


def _unsuppressed(units: list[Unit], code: str) -> list[Unit]:
    return [u for u in units if not u.notes or not suppressed(u, code)]

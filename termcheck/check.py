"""Check a translation against its source: lint both documents, align them, run the TC2xx rules.

`check_pair` is the one entry point; the HTML report and MT suggestions reuse its alignment.
Without a glossary (`matcher=None`) the term rules have nothing to look for, and the pair still gets
everything that needs none: alignment, numbers (TC204), omissions (TC205) and the name rules of lint.
Target-side TC101/TC102 findings whose term comes from the aligned source carry the source
location (source_* fields) instead of being reported a second time by a pair rule.
With `limit` (the commands pass --max-findings), each file keeps its first `limit` findings and
counts the others (CheckResult.withheld): each document's lint is cut as it is made, so the pair
rules and the source lookup of target findings see only the findings kept (a pair rule may then
report, past the cut, a term a withheld lint finding would have covered; it is counted as well).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from termcheck.limits import Withheld
from termcheck.lint import document_context, lint_context, lint_context_capped
from termcheck.match import Matcher
from termcheck.model import Document, Finding, Glossary, InputError

if TYPE_CHECKING:
    from termcheck.align import Alignment


@dataclass
class CheckResult:
    findings: list[Finding]  # source lint, target lint (enriched), then pair findings; in file order
    alignment: Alignment
    source: Document
    target: Document
    low_confidence: int = 0  # sentence beads aligned below the confidence threshold
    withheld: dict[str, Withheld] = field(default_factory=dict)  # path -> findings past the limit, counted

    def alignment_summary(self) -> dict[str, Any]:
        """The `alignment` object of the JSON report."""
        return {
            "paragraph_beads": len(self.alignment.paragraph_beads),
            "sentence_beads": len(self.alignment.sentence_beads),
            "low_confidence": self.low_confidence,
            "warnings": list(self.alignment.warnings),
        }


def check_pair(
    source: Document,
    target: Document,
    matcher: Matcher | None = None,
    *,
    alignment: Alignment | None = None,
    confidence_threshold: float | None = None,
    translations: list[str] | None = None,
    limit: int | None = None,
    enabled: frozenset[str] | None = None,
) -> CheckResult:
    """All findings of a source/target pair. Pass `alignment` to reuse one computed before; without
    `matcher` the pair is checked against an empty glossary. `translations`: a machine translation
    of each source sentence, for the aligner (termcheck.align.translation). `limit`: the findings
    kept per file, the first `limit` of the `enabled` codes (None: all codes) in text order."""
    from termcheck.align.scale import LinearBeads
    from termcheck.rules.bilingual import LOW_CONFIDENCE, PairContext, bead_views, run_pair_rules
    from termcheck.rules.terms_xlang import enrich_target_findings

    if source.lang == target.lang:
        raise InputError(
            f"{target.path}: source and target are both '{source.lang}'; "
            "pass --source-lang and --target-lang if detection is wrong"
        )
    if matcher is None:
        matcher = Matcher(Glossary([], path=""))
    threshold = LOW_CONFIDENCE if confidence_threshold is None else confidence_threshold
    source_ctx = document_context(source, matcher)
    target_ctx = document_context(target, matcher)
    if limit is None:
        source_findings = lint_context(source_ctx)
        target_findings = lint_context(target_ctx)
    else:  # every code counts here: the pair rules read the lint findings of codes not shown too
        source_findings, source_withheld = lint_context_capped(source_ctx, limit)
        target_findings, target_withheld = lint_context_capped(target_ctx, limit)
    if alignment is None:
        from termcheck.align import align_documents

        alignment = align_documents(source, target, matcher, matches=(source_ctx.matches, target_ctx.matches),
                                    translations=translations)
    ctx = PairContext(
        alignment=alignment,
        matcher=matcher,
        source=source_ctx,
        target=target_ctx,
        target_findings=target_findings,
        source_findings=source_findings,
        beads=bead_views(alignment),
        confidence_threshold=threshold,
    )
    findings = source_findings + enrich_target_findings(ctx) + run_pair_rules(ctx)
    order = {source.path: 0, target.path: 1}
    findings.sort(key=lambda f: (order.get(f.location.path, 2), f.location.start, f.location.end, f.rule))
    withheld: dict[str, Withheld] = {}
    if limit is not None:
        # the lint findings withheld above stand after every lint finding kept: past this cut too
        withheld = {source.path: _of(source_withheld, enabled), target.path: _of(target_withheld, enabled)}
        findings = _first_per_file(findings, limit, enabled, withheld)
        withheld = {path: counts for path, counts in withheld.items() if counts}
    beads = alignment.sentence_beads
    confidences = beads.confidences if isinstance(beads, LinearBeads) else (b.confidence for b in beads)
    low = sum(1 for c in confidences if c < threshold)
    return CheckResult(findings, alignment, source, target, low_confidence=low, withheld=withheld)


def _of(counts: Withheld, enabled: frozenset[str] | None) -> Withheld:
    return Counter({key: n for key, n in counts.items() if enabled is None or key[0] in enabled})


def _first_per_file(findings: list[Finding], limit: int, enabled: frozenset[str] | None,
                    withheld: dict[str, Withheld]) -> list[Finding]:
    """The first `limit` findings of an `enabled` code of each file, in the order given; the others
    are counted in `withheld`."""
    kept: list[Finding] = []
    shown: Counter = Counter()
    for finding in findings:
        if enabled is not None and finding.rule not in enabled:
            continue
        path = finding.location.path
        if shown[path] < limit:
            shown[path] += 1
            kept.append(finding)
        else:
            withheld.setdefault(path, Counter())[finding.rule, finding.severity] += 1
    return kept

"""suggest_for_check: MT suggestions for flagged beads and the TC401 agreement rule.

Every sentence bead with a source side is translated in one batched call: the suggestions go
to the findings of their bead, and the scores of all two-sided beads form the document's own
distribution that TC401 compares each bead with (see scoring.py for the threshold).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from termcheck.match import Matcher
from termcheck.model import Document, Finding, Segment
from termcheck.rules.registry import rule

TC401 = rule("TC401")
Span = tuple[int, int]
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class BeadText:
    """One sentence bead's span and text on each side (span None and text '' for an empty side)."""

    index: int
    source_span: Span | None
    target_span: Span | None
    source_text: str
    target_text: str


def bead_texts(alignment: Any) -> list[BeadText]:
    """The sentence beads of `alignment` as contiguous spans with white space collapsed."""
    beads = []
    for k, bead in enumerate(alignment.sentence_beads):
        source_span = _span(alignment.source_sentences, bead.source)
        target_span = _span(alignment.target_sentences, bead.target)
        beads.append(BeadText(
            k, source_span, target_span,
            _text(alignment.source, source_span), _text(alignment.target, target_span),
        ))
    return beads


def _span(segments: Sequence[Segment], indices: Sequence[int]) -> Span | None:
    if not indices:
        return None
    return min(segments[i].start for i in indices), max(segments[i].end for i in indices)


def _text(doc: Document, span: Span | None) -> str:
    return _SPACE.sub(" ", doc.text[span[0]:span[1]]).strip() if span else ""


def suggest_for_check(
    result: Any,
    matcher: Matcher,
    *,
    model: str,
    backend: str = "transformers",
    device: str = "cpu",
    batch_size: int = 16,
    beams: int = 4,
    max_length: int = 256,
    selected: Callable[[str], bool] | None = None,
) -> None:
    """Fill `finding.suggestion` for findings in translated beads and add TC401 findings.

    `result` has `.findings` (list, changed in place) and `.alignment` (source/target documents,
    their sentence segments and sentence_beads). `selected(code)` decides whether TC401 is
    reported (the check command's --select/--ignore); default: reported.
    """
    from termcheck.mt.translate import translate

    alignment = result.alignment
    source, target = alignment.source, alignment.target
    beads = [b for b in bead_texts(alignment) if b.source_text]
    raw = translate(
        [b.source_text for b in beads], model,
        source_lang=source.lang, target_lang=target.lang,
        backend=backend, device=device, batch_size=batch_size, beams=beams, max_length=max_length,
    )
    suggestions = glossary_true(beads, raw, matcher, target.lang)
    attach_suggestions(result.findings, beads, suggestions, source, target)
    if selected is None or selected(TC401.code):
        result.findings.extend(agreement_findings(beads, suggestions, source, target))
    # The order check_pair uses: source file first, then target, each in text order.
    order = {source.path: 0, target.path: 1}
    result.findings.sort(key=lambda f: (order.get(f.location.path, 2), f.location.start, f.location.end, f.rule))


def glossary_true(beads: Sequence[BeadText], translations: Sequence[str], matcher: Matcher, target_lang: str) -> list[str]:
    from termcheck.mt.glossary_enforce import enforce_glossary

    return [
        enforce_glossary(b.source_text, mt, matcher.find(b.source_text), matcher, target_lang)
        for b, mt in zip(beads, translations, strict=True)
    ]


def attach_suggestions(
    findings: list[Finding], beads: Sequence[BeadText], suggestions: Sequence[str], source: Document, target: Document
) -> None:
    """Give every finding that lies in a translated bead that bead's suggestion (kept if already set)."""
    by_source = _SpanIndex([(b.source_span, s) for b, s in zip(beads, suggestions)])
    by_target = _SpanIndex([(b.target_span, s) for b, s in zip(beads, suggestions) if b.target_span])
    for finding in findings:
        if finding.suggestion is not None:
            continue
        if finding.source is not None and finding.source.path == source.path:
            suggestion = by_source.at(finding.source.start)
        elif finding.location.path == target.path:
            suggestion = by_target.at(finding.location.start)
        elif finding.location.path == source.path:
            suggestion = by_source.at(finding.location.start)
        else:
            suggestion = None
        if suggestion:
            finding.suggestion = suggestion


class _SpanIndex:
    """Which of several disjoint spans holds an offset."""

    def __init__(self, items: list[tuple[Span, str]]) -> None:
        items = sorted(items, key=lambda item: item[0])
        self._starts = [span[0] for span, _ in items]
        self._items = items

    def at(self, offset: int) -> str | None:
        k = bisect.bisect_right(self._starts, offset) - 1
        if k < 0:
            return None
        (start, end), value = self._items[k]
        return value if start <= offset < end else None


def agreement_findings(
    beads: Sequence[BeadText], suggestions: Sequence[str], source: Document, target: Document
) -> list[Finding]:
    """TC401 for two-sided beads whose human target agrees far less with MT than the document's norm."""
    from termcheck.mt.scoring import low_agreement, sentence_scores

    scored = [(b, s) for b, s in zip(beads, suggestions) if b.target_text and s]
    scores = sentence_scores([b.target_text for b, _ in scored], [s for _, s in scored])
    findings = []
    for outlier in low_agreement([s.chrf for s in scores]):
        bead, suggestion = scored[outlier.index]
        score = scores[outlier.index]
        (t_start, t_end), (s_start, s_end) = bead.target_span, bead.source_span
        findings.append(Finding(
            rule=TC401.code,
            severity=outlier.severity,
            location=target.location(t_start, t_end),
            found=target.text[t_start:t_end],
            message=(
                f"this translation agrees little with machine translation: chrF {score.chrf:.1f} "
                f"(BLEU {score.bleu:.1f}) where the document's median chrF is {outlier.median:.1f}; "
                f"check for an omission, an addition or a mistranslation"
            ),
            source=source.location(s_start, s_end),
            source_text=source.text[s_start:s_end],
            suggestion=suggestion,
            extra={"chrf": round(score.chrf, 2), "bleu": round(score.bleu, 2)},
        ))
    return findings

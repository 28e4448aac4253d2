"""BLEU, chrF and TER with sacrebleu, and the TC401 outlier rule over sentence chrF.

sacrebleu is a core dependency (small, pure Python), so scoring needs no MT packages.

TC401: a bead's human target is scored (hypothesis) against the MT output of its source
(reference) with sentence chrF. Within one document the scores are compared with the
document's own distribution, not with a fixed bar, because agreement with MT depends on the
model, the genre and the house style. The spread is the median absolute deviation scaled to a
standard deviation (1.4826 * MAD), floored at MIN_SPREAD chrF points so that a document whose
beads score alike does not flag small dips. A bead is flagged when
    chrF < median - 2 * spread   (info)
    chrF < median - 4 * spread   (warning: extreme)
and only when at least MIN_BEADS beads were scored (fewer give no distribution to speak of).
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import dataclass

from termcheck.model import InputError, Severity

MAD_TO_SIGMA = 1.4826
MIN_SPREAD = 5.0
MIN_BEADS = 5
LOW = 2.0
EXTREME = 4.0
TOKENIZERS = ("intl", "13a", "none", "zh", "char", "ja-mecab", "ko-mecab", "flores101", "flores200")


@dataclass(frozen=True)
class SentenceScore:
    chrf: float
    bleu: float


@dataclass(frozen=True)
class CorpusScore:
    metric: str  # 'BLEU', 'chrF2', 'TER'
    score: float
    signature: str
    text: str  # sacrebleu's own formatting, e.g. 'BLEU = 23.1 55.0/28.4/...'

    def to_dict(self) -> dict:
        return {"metric": self.metric, "score": round(self.score, 4), "signature": self.signature, "text": self.text}


def sentence_scores(hypotheses: Sequence[str], references: Sequence[str]) -> list[SentenceScore]:
    """Sentence chrF and BLEU (tokenize='intl', effective order) of each hypothesis against its reference."""
    from sacrebleu.metrics import BLEU, CHRF

    chrf = CHRF()
    bleu = BLEU(tokenize="intl", effective_order=True)
    return [
        SentenceScore(chrf.sentence_score(h, [r]).score, bleu.sentence_score(h, [r]).score)
        for h, r in zip(hypotheses, references, strict=True)
    ]


def corpus_scores(hypotheses: Sequence[str], references: Sequence[str], tokenize: str = "intl") -> list[CorpusScore]:
    """Corpus BLEU (with `tokenize`), chrF and TER, each with its sacrebleu signature."""
    from sacrebleu.metrics import BLEU, CHRF, TER

    if len(hypotheses) != len(references):
        raise InputError(f"{len(hypotheses)} hypothesis lines but {len(references)} reference lines")
    if tokenize not in TOKENIZERS:
        raise InputError(f"--tokenize must be one of {', '.join(TOKENIZERS)}, not '{tokenize}'")
    scores = []
    for metric in (BLEU(tokenize=tokenize), CHRF(), TER()):
        try:
            result = metric.corpus_score(list(hypotheses), [list(references)])
        except (RuntimeError, ImportError) as exc:  # e.g. a MeCab tokenizer that is not installed
            raise InputError(f"--tokenize {tokenize}: {exc}") from None
        scores.append(CorpusScore(result.name, result.score, str(metric.get_signature()), str(result)))
    return scores


@dataclass(frozen=True)
class Outlier:
    index: int
    severity: Severity
    median: float
    threshold: float


def low_agreement(chrf_scores: Sequence[float]) -> list[Outlier]:
    """Indices of scores far below the list's own median (see the module docstring)."""
    if len(chrf_scores) < MIN_BEADS:
        return []
    median = statistics.median(chrf_scores)
    mad = statistics.median(abs(x - median) for x in chrf_scores)
    spread = max(MAD_TO_SIGMA * mad, MIN_SPREAD)
    low, extreme = median - LOW * spread, median - EXTREME * spread
    outliers = []
    for i, score in enumerate(chrf_scores):
        if score < low:
            severity = Severity.WARNING if score < extreme else Severity.INFO
            outliers.append(Outlier(i, severity, median, low))
    return outliers

"""`termcheck score` and the scoring helpers: equal to direct sacrebleu calls, exact outlier rule."""

from __future__ import annotations

import json

import pytest

from tests.helpers import run_cli
from sacrebleu.metrics import BLEU, CHRF, TER

from termcheck.mt.scoring import corpus_scores, low_agreement, sentence_scores
from termcheck.model import Severity

HYP = [
    "Kataib Hezbollah said the attack happened near Baghdad.",
    "Prices rose by ten percent last year.",
    "The minister visited Basra.",
]
REF = [
    "Kataib Hezbollah said the attack took place near Baghdad on Monday.",
    "Prices rose 10% over the past year.",
    "The prime minister visited Basra and Mosul.",
]


def write_lines(path, lines, final_newline=True):
    path.write_text("\n".join(lines) + ("\n" if final_newline else ""), encoding="utf-8")
    return str(path)


def test_corpus_scores_equal_direct_sacrebleu_calls():
    scores = corpus_scores(HYP, REF)
    assert [s.metric for s in scores] == ["BLEU", "chrF2", "TER"]
    bleu, chrf, ter = BLEU(tokenize="intl"), CHRF(), TER()
    assert scores[0].score == bleu.corpus_score(HYP, [REF]).score
    assert scores[1].score == chrf.corpus_score(HYP, [REF]).score
    assert scores[2].score == ter.corpus_score(HYP, [REF]).score
    assert scores[0].signature == str(bleu.get_signature())
    assert "tok:intl" in scores[0].signature
    assert "tok:13a" in corpus_scores(HYP, REF, tokenize="13a")[0].signature


def test_sentence_scores_are_chrf_and_intl_bleu_with_effective_order():
    [score] = sentence_scores([HYP[1]], [REF[1]])
    assert score.chrf == CHRF().sentence_score(HYP[1], [REF[1]]).score
    assert score.bleu == BLEU(tokenize="intl", effective_order=True).sentence_score(HYP[1], [REF[1]]).score
    assert 0 < score.bleu < 100 and 0 < score.chrf < 100


def test_score_cli_json_has_each_score_with_its_signature(tmp_path, monkeypatch, capsys):
    hyp = write_lines(tmp_path / "hyp.txt", HYP)
    ref = write_lines(tmp_path / "ref.txt", REF, final_newline=False)  # same count either way
    code, out, err = run_cli(monkeypatch, capsys, "score", hyp, ref, "--format", "json")
    assert (code, err) == (0, "")
    data = json.loads(out)
    assert data["segments"] == 3
    by_metric = {s["metric"]: s for s in data["scores"]}
    assert by_metric["BLEU"]["score"] == round(BLEU(tokenize="intl").corpus_score(HYP, [REF]).score, 4)
    assert by_metric["chrF2"]["score"] == round(CHRF().corpus_score(HYP, [REF]).score, 4)
    assert by_metric["TER"]["score"] == round(TER().corpus_score(HYP, [REF]).score, 4)
    assert by_metric["BLEU"]["signature"].startswith("nrefs:1|case:mixed|eff:no|tok:intl|smooth:exp|version:")
    assert by_metric["TER"]["signature"].startswith("nrefs:1|case:lc|tok:tercom|")


def test_score_cli_text_prints_scores_and_signatures(tmp_path, monkeypatch, capsys):
    hyp = write_lines(tmp_path / "hyp.txt", HYP)
    ref = write_lines(tmp_path / "ref.txt", REF)
    code, out, _ = run_cli(monkeypatch, capsys, "score", hyp, ref, "--tokenize", "13a")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "3 segments"
    assert lines[1] == str(BLEU(tokenize="13a").corpus_score(HYP, [REF]))
    assert lines[2].startswith("  signature: nrefs:1|case:mixed|eff:no|tok:13a|")
    assert lines[3] == f"chrF2 = {CHRF().corpus_score(HYP, [REF]).score:.2f}"
    assert lines[5] == f"TER = {TER().corpus_score(HYP, [REF]).score:.2f}"


def test_score_cli_mismatched_line_counts_exit_2_with_one_line(tmp_path, monkeypatch, capsys):
    hyp = write_lines(tmp_path / "hyp.txt", HYP[:2])
    ref = write_lines(tmp_path / "ref.txt", REF)
    code, out, err = run_cli(monkeypatch, capsys, "score", hyp, ref)
    assert code == 2 and out == ""
    assert err == f"termcheck: error: {hyp}:2: 2 segments, but {ref} has 3; both files need one segment per line\n"


def test_score_cli_unknown_tokenizer_is_an_input_error(tmp_path, monkeypatch, capsys):
    hyp = write_lines(tmp_path / "hyp.txt", HYP)
    code, _, err = run_cli(monkeypatch, capsys, "score", hyp, hyp, "--tokenize", "nope")
    assert code == 2
    assert err.startswith("termcheck: error: --tokenize must be one of intl, 13a,") and err.count("\n") == 1


def test_low_agreement_flags_scores_far_below_the_median():
    # median 49; |x - 49| sorted: 0 1 1 2 3 19 39 -> MAD 2; 1.4826 * 2 < 5, so the spread is 5:
    # below 49 - 2*5 = 39 is low (info), below 49 - 4*5 = 29 is extreme (warning).
    outliers = low_agreement([50, 52, 48, 51, 49, 30, 10])
    assert [(o.index, o.severity) for o in outliers] == [(5, Severity.INFO), (6, Severity.WARNING)]
    assert {(o.median, o.threshold) for o in outliers} == {(49, 39)}


def test_low_agreement_uses_the_scaled_mad_when_it_exceeds_the_floor():
    # sorted 20 40 55 60 62 70 75 -> median 60; deviations sorted 0 2 5 10 15 20 40 -> MAD 10.
    # spread 14.826: low below 60 - 29.652 = 30.348, extreme below 60 - 59.304 = 0.696.
    [outlier] = low_agreement([60, 62, 40, 70, 75, 55, 20])
    assert (outlier.index, outlier.severity) == (6, Severity.INFO)
    assert outlier.threshold == pytest.approx(30.348)
    # median 60, deviations 0 2 10 20 29 -> MAD 10 again: 31 stays above 30.348.
    assert low_agreement([60, 62, 40, 70, 31]) == []
    assert low_agreement([90, 90, 90, 10]) == []  # fewer than 5 beads: no distribution

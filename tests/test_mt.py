"""Machine translation on a tiny random Marian model: loading, batching, glossary-true
suggestions in `termcheck check --suggest`, TC401 scores, CTranslate2, errors, light imports."""

from __future__ import annotations

import json
import subprocess
import sys
from types import SimpleNamespace

import pytest

from tests.helpers import run_cli
from mt_fixtures import ARABIC, tiny_ct2, tiny_marian  # noqa: F401  (fixtures)
from sacrebleu.metrics import BLEU, CHRF

from termcheck.match import Matcher
from termcheck.model import Bead, Document, Finding, InputError, Segment, Severity

GLOSSARY_CSV = (
    "id,en,ar,en_allowed,en_forbidden,ar_allowed,ar_forbidden,note\n"
    "kataib-hezbollah,Kataib Hezbollah,كتائب حزب الله,KH,Kata'ib Hizballah|Kataib Hizbollah,,,\n"
    "popular-mobilization-forces,Popular Mobilization Forces,الحشد الشعبي,PMF,Popular Mobilisation Forces,قوات الحشد الشعبي,,\n"
    "muhandis,Abu Mahdi al-Muhandis,أبو مهدي المهندس,,Abu Mahdi al-Mohandes,,,\n"
)
SOURCE_MD = (
    "قالت كتائب حزب الله إن الهجوم وقع قرب بغداد يوم الاثنين.\n\n"
    "دخلت قوات الحشد الشعبي المدينة بعد معارك استمرت أسبوعا.\n\n"
    "قتل أبو مهدي المهندس في ضربة جوية قرب مطار بغداد.\n\n"
    "ارتفعت الأسعار بنسبة عشرة بالمئة خلال العام الماضي.\n"
)
TARGET_MD = (
    "Kataib Hizbollah said the attack took place near Baghdad on Monday.\n\n"
    "Popular Mobilisation Forces entered the city after weeks of fighting.\n\n"
    "Abu Mahdi al-Mohandes was killed in an air strike near Baghdad airport.\n\n"
    "Prices rose by ten percent during the past year.\n"
)
HEAVY = ("torch", "transformers", "ctranslate2", "sentencepiece")


def translate(texts, model, **options):
    from termcheck.mt.translate import translate as run

    return run(texts, model, source_lang="ar", target_lang="en", **options)


@pytest.fixture(scope="module")
def matcher(tmp_path_factory):
    from termcheck.glossary import load_glossary

    path = tmp_path_factory.mktemp("glossary") / "g.csv"
    path.write_text(GLOSSARY_CSV, encoding="utf-8")
    return Matcher(load_glossary(str(path)))


@pytest.fixture
def pair(tmp_path):
    (tmp_path / "g.csv").write_text(GLOSSARY_CSV, encoding="utf-8")
    (tmp_path / "ar.md").write_text(SOURCE_MD, encoding="utf-8")
    (tmp_path / "en.md").write_text(TARGET_MD, encoding="utf-8")
    return str(tmp_path / "ar.md"), str(tmp_path / "en.md"), str(tmp_path / "g.csv")


def test_batching_gives_the_same_translations_as_one_at_a_time(tiny_marian):
    texts = ARABIC + ["   "]
    one = translate(texts, tiny_marian, batch_size=1, max_length=20)
    assert len(one) == len(texts) and one[-1] == ""
    assert all(out for out in one[:-1])
    assert translate(texts, tiny_marian, batch_size=3, max_length=20) == one
    assert translate(texts, tiny_marian, batch_size=16, max_length=20) == one
    assert translate(texts, tiny_marian, batch_size=4, max_length=20, device="auto") == one


def test_unavailable_cuda_is_an_input_error(tiny_marian):
    import torch

    if torch.cuda.is_available():
        pytest.skip("this machine has CUDA")
    with pytest.raises(InputError, match=r"^--device cuda: no CUDA device is available to transformers here; use --device cpu$"):
        translate(["نص"], tiny_marian, device="cuda")


def test_missing_model_exits_2_with_one_line_saying_how_to_get_it(pair):
    source, target, glossary = pair
    for args in (("mt", "translate", source, "-m", "no-such-org/no-such-model"),
                 ("check", source, target, "-g", glossary, "--suggest", "--mt-model", "no-such-org/no-such-model")):
        result = subprocess.run([sys.executable, "-m", "termcheck", *args], capture_output=True, text=True, timeout=120)
        assert result.returncode == 2 and result.stdout == ""
        assert result.stderr.count("\n") == 1
        assert result.stderr.startswith(
            "termcheck: error: model 'no-such-org/no-such-model' not found: not a directory and not in the "
            "Hugging Face cache at "
        )
        assert result.stderr.endswith(
            "; download it once with `huggingface-cli download no-such-org/no-such-model` or pass a local directory\n"
        )


def test_check_suggest_puts_a_glossary_true_suggestion_on_every_finding(pair, tiny_marian, monkeypatch, capsys):
    source, target, glossary = pair
    code, plain, _ = run_cli(monkeypatch, capsys, "check", source, target, "-g", glossary, "--format", "json")
    code_s, out, err = run_cli(
        monkeypatch, capsys, "check", source, target, "-g", glossary, "--format", "json",
        "--suggest", "--mt-model", tiny_marian, "--batch-size", "2",
    )
    assert code == code_s == 1 and err == ""
    without, with_mt = json.loads(plain)["findings"], json.loads(out)["findings"]
    flagged = [f for f in with_mt if f["rule"] != "TC401"]
    assert [{k: v for k, v in f.items() if k != "suggestion"} for f in flagged] == without
    # The three target renderings are forbidden forms: one finding each, each with a suggestion
    # that uses the house form of its own term.
    assert sorted((f["rule"], f["expected"]) for f in flagged) == [
        ("TC101", "Abu Mahdi al-Muhandis"), ("TC101", "Kataib Hezbollah"), ("TC101", "Popular Mobilization Forces"),
    ]
    for finding in flagged:
        assert finding["expected"] in finding["suggestion"]
    # Suggestions are what the library gives for the bead's source, made glossary-true.
    from termcheck.mt.glossary_enforce import enforce_glossary
    from termcheck.glossary import load_glossary

    matcher = Matcher(load_glossary(glossary))
    sentences = [line for line in SOURCE_MD.splitlines() if line]
    raw = translate(sentences, tiny_marian)
    expected = [enforce_glossary(s, mt, matcher.find(s), matcher, "en") for s, mt in zip(sentences, raw)]
    assert [f["suggestion"] for f in sorted(flagged, key=lambda f: f["line"])] == expected[:3]


def _alignment(sources: list[str], targets: list[str]) -> SimpleNamespace:
    """A hand-built sentence alignment: bead k pairs sources[k] with targets[k] ('' = empty side)."""

    def document(texts, lang, path):
        segments, parts, offset = [], [], 0
        for text in texts:
            if text:
                segments.append(Segment(len(segments), offset, offset + len(text), "sentence", len(segments)))
                parts.append(text)
                offset += len(text) + 2
        return Document(path, "\n\n".join(parts) + "\n", lang), segments

    source_doc, source_sentences = document(sources, "ar", "ar.md")
    target_doc, target_sentences = document(targets, "en", "en.md")
    beads, i, j = [], 0, 0
    for s, t in zip(sources, targets):
        beads.append(Bead((i,) if s else (), (j,) if t else ()))
        i, j = i + bool(s), j + bool(t)
    return SimpleNamespace(
        source=source_doc, target=target_doc, source_sentences=source_sentences,
        target_sentences=target_sentences, sentence_beads=beads,
    )


def test_suggest_for_check_scores_beads_and_flags_the_outlier(tiny_marian, matcher):
    from termcheck.mt.glossary_enforce import enforce_glossary
    from termcheck.mt.suggest import suggest_for_check

    sources = ARABIC[:7]
    raw = translate(sources, tiny_marian, max_length=24)
    suggestions = [enforce_glossary(s, mt, matcher.find(s), matcher, "en") for s, mt in zip(sources, raw)]
    # Beads 0-4: the human target is the suggestion itself (chrF 100); bead 5: unrelated text;
    # bead 6: untranslated (1-0). Median 100, MAD 0 -> spread 5: bead 5 is far below 100 - 4*5.
    outlier_text = "Completely unrelated words about the weather"
    targets = suggestions[:5] + [outlier_text, ""]
    alignment = _alignment(sources, targets)
    tgt, src = alignment.target, alignment.source
    in_bead_2 = Finding("TC101", Severity.ERROR, tgt.location(alignment.target_sentences[2].start, alignment.target_sentences[2].start + 3), "x", "m")
    in_bead_6 = Finding("TC205", Severity.WARNING, src.location(alignment.source_sentences[6].start, alignment.source_sentences[6].end), "y", "m")
    result = SimpleNamespace(findings=[in_bead_2, in_bead_6], alignment=alignment)
    suggest_for_check(result, matcher, model=tiny_marian, batch_size=3, max_length=24)
    assert in_bead_2.suggestion == suggestions[2]
    assert in_bead_6.suggestion == suggestions[6]
    assert "Abu Mahdi al-Muhandis" in suggestions[2] and "Kataib Hezbollah" in suggestions[0]
    [tc401] = [f for f in result.findings if f.rule == "TC401"]
    span = alignment.target_sentences[5]
    assert (tc401.severity, tc401.location.start, tc401.location.end, tc401.found) == (
        Severity.WARNING, span.start, span.end, outlier_text,
    )
    chrf = CHRF().sentence_score(outlier_text, [suggestions[5]]).score
    bleu = BLEU(tokenize="intl", effective_order=True).sentence_score(outlier_text, [suggestions[5]]).score
    assert tc401.extra == {"chrf": round(chrf, 2), "bleu": round(bleu, 2)}
    assert f"chrF {chrf:.1f}" in tc401.message and "median chrF is 100.0" in tc401.message
    assert tc401.suggestion == suggestions[5] and tc401.source_text == sources[5]
    assert [f.rule for f in result.findings] == ["TC205", "TC101", "TC401"]  # source first, then target


def test_mt_translate_cli_json(tiny_marian, pair, monkeypatch, capsys):
    source, _, glossary = pair
    code, out, err = run_cli(
        monkeypatch, capsys, "mt", "translate", source, "-m", tiny_marian, "-g", glossary,
        "--format", "json", "--max-length", "20", "--beams", "2",
    )
    assert (code, err) == (0, "")
    data = json.loads(out)
    lines = SOURCE_MD.split("\n")[:-1]
    assert (data["source_lang"], data["target_lang"]) == ("ar", "en")
    assert [s["source"] for s in data["segments"]] == lines
    assert [s["machine"] for s in data["segments"]] == translate(lines, tiny_marian, max_length=20, beams=2)
    assert "Kataib Hezbollah" in data["segments"][0]["suggestion"]
    assert "Popular Mobilization Forces" in data["segments"][2]["suggestion"]
    assert data["segments"][1]["suggestion"] == ""


def test_ctranslate2_backend_matches_transformers_greedy_and_batches_alike(tiny_ct2, tiny_marian):
    import os

    assert os.path.isfile(os.path.join(tiny_ct2, "model.bin"))
    greedy = translate(ARABIC, tiny_marian, beams=1, max_length=30)
    assert translate(ARABIC, tiny_ct2, backend="ctranslate2", beams=1, max_length=30, batch_size=4) == greedy
    beam = translate(ARABIC, tiny_ct2, backend="ctranslate2", beams=4, max_length=30, batch_size=1)
    assert translate(ARABIC, tiny_ct2, backend="ctranslate2", beams=4, max_length=30, batch_size=16) == beam


def test_check_suggest_with_ctranslate2(tiny_ct2, pair, monkeypatch, capsys):
    source, target, glossary = pair
    code, out, err = run_cli(
        monkeypatch, capsys, "check", source, target, "-g", glossary, "--format", "json",
        "--suggest", "--mt-model", tiny_ct2, "--mt-backend", "ctranslate2",
    )
    assert (code, err) == (1, "")
    flagged = json.loads(out)["findings"]
    assert len(flagged) == 3
    for finding in flagged:
        assert finding["expected"] in finding["suggestion"]


def test_transformers_directory_is_not_a_ctranslate2_model(tiny_marian):
    pytest.importorskip("ctranslate2")
    with pytest.raises(InputError, match=r"not a CTranslate2 model \(no model.bin\); convert it once with `termcheck mt convert"):
        translate(["نص"], tiny_marian, backend="ctranslate2")


def test_check_and_score_without_suggest_import_no_mt_packages(pair, tmp_path):
    source, target, glossary = pair
    (tmp_path / "h.txt").write_text("a b\n", encoding="utf-8")
    script = (
        "import sys\n"
        "from termcheck.cli import main\n"
        f"sys.argv = ['termcheck'] + sys.argv[1:]\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        f"print(sorted(m for m in {HEAVY!r} if m in sys.modules), file=sys.stderr)\n"
    )
    for args in (["check", source, target, "-g", glossary], ["score", str(tmp_path / "h.txt"), str(tmp_path / "h.txt")]):
        result = subprocess.run([sys.executable, "-c", script, *args], capture_output=True, text=True, timeout=120)
        assert result.stderr.strip().splitlines()[-1] == "[]", result.stderr


def test_check_mt_align_translates_the_source_sentences_for_the_aligner(pair, tiny_marian, monkeypatch, capsys):
    """--mt-align runs the real loading and generation code on the source sentences before the pair
    is aligned; the tiny model's text shares nothing with the target, which (as with any model
    that translates badly) never argues against a bead: the findings are the same."""
    source, target, glossary = pair
    code, plain, _ = run_cli(monkeypatch, capsys, "check", source, target, "-g", glossary, "--format", "json")
    calls = []
    import termcheck.mt.translate as translate_module

    real = translate_module.translate
    monkeypatch.setattr(translate_module, "translate", lambda texts, *a, **k: calls.append(list(texts)) or real(texts, *a, **k))
    code_mt, out, err = run_cli(monkeypatch, capsys, "check", source, target, "-g", glossary, "--format", "json",
                                "--mt-align", "--mt-model", tiny_marian, "--batch-size", "2")
    assert (code, code_mt, err) == (1, 1, "")
    assert calls == [[line for line in SOURCE_MD.splitlines() if line]]  # one sentence per line in this pair
    assert json.loads(out)["findings"] == json.loads(plain)["findings"]


def test_check_mt_align_without_a_model_is_a_usage_error(pair, monkeypatch, capsys):
    source, target, glossary = pair
    code, out, err = run_cli(monkeypatch, capsys, "check", source, target, "-g", glossary, "--mt-align")
    assert code == 2 and out == ""
    assert err == "termcheck: error: --mt-align needs --mt-model MODEL (a local directory or a name in the Hugging Face cache)\n"

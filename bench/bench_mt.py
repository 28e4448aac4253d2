"""Speed of termcheck's machine translation, printed as JSON lines.

  python3 bench/bench_mt.py --config tiny            # tiny random Marian: transformers vs CTranslate2
  python3 bench/bench_mt.py --config base --sentences 8 --max-length 64
  python3 bench/bench_mt.py --config tiny --device cuda

Models have random weights (no download): 'tiny' is the test model (d_model 16, 1+1 layers),
'base' is an opus-mt-sized Marian (d_model 512, 6+6 layers, 8 heads, FFN 2048, vocab 60,000).
Random weights rarely emit end-of-sentence, so every sentence runs to --max-length tokens:
sentences per second here are a floor for real models, which stop earlier. The start-up rows
time `termcheck check` on a corpus pair as a subprocess, without and with --suggest.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)
sys.path.insert(0, os.path.join(ROOT, "tests"))

from mt_fixtures import ARABIC, build_tiny_marian  # noqa: E402


def emit(**row) -> None:
    print(json.dumps(row, ensure_ascii=False), flush=True)


def build_base(directory: str, vocab_size: int = 60000) -> str:
    """The tiny model's tokenizer with vocab.json padded to `vocab_size`, and a base-size Marian."""
    import torch
    from transformers import MarianConfig, MarianMTModel, MarianTokenizer

    build_tiny_marian(directory)
    with open(os.path.join(directory, "vocab.json"), encoding="utf-8") as handle:
        vocab = json.load(handle)
    del vocab["<pad>"]
    for i in range(len(vocab), vocab_size - 1):
        vocab[f"<extra_{i}>"] = i
    vocab["<pad>"] = len(vocab)
    with open(os.path.join(directory, "vocab.json"), "w", encoding="utf-8") as handle:
        json.dump(vocab, handle, ensure_ascii=False)
    # Save the tokenizer again: its config records the special tokens' ids (<pad> moved).
    os.remove(os.path.join(directory, "tokenizer_config.json"))
    MarianTokenizer(*(os.path.join(directory, f) for f in ("source.spm", "target.spm", "vocab.json")),
                    source_lang="ar", target_lang="en").save_pretrained(directory)
    torch.manual_seed(0)
    config = MarianConfig(
        vocab_size=len(vocab), d_model=512, encoder_layers=6, decoder_layers=6, encoder_attention_heads=8,
        decoder_attention_heads=8, encoder_ffn_dim=2048, decoder_ffn_dim=2048, max_position_embeddings=512,
        pad_token_id=vocab["<pad>"], eos_token_id=0, decoder_start_token_id=vocab["<pad>"], forced_eos_token_id=0,
        scale_embedding=True,
    )
    MarianMTModel(config).eval().save_pretrained(directory)
    return directory


def time_translate(texts, model, backend, device, batch_size, beams, max_length) -> float:
    from termcheck.mt.translate import translate

    translate(texts[:2], model, source_lang="ar", target_lang="en", backend=backend, device=device,
              batch_size=batch_size, beams=beams, max_length=max_length)  # load + warm up
    start = time.perf_counter()
    translate(texts, model, source_lang="ar", target_lang="en", backend=backend, device=device,
              batch_size=batch_size, beams=beams, max_length=max_length)
    return time.perf_counter() - start


def startup(pair: tuple[str, str], glossary: str, model: str | None, device: str) -> float:
    args = [sys.executable, "-m", "termcheck", "check", pair[0], pair[1], "-g", glossary, "--format", "json",
            "--fail-on", "never"]
    if model:
        args += ["--suggest", "--mt-model", model, "--device", device]
    start = time.perf_counter()
    result = subprocess.run(args, capture_output=True, text=True, cwd=ROOT)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"termcheck check failed: {result.stderr.strip()}")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--config", choices=("tiny", "base"), default="tiny")
    parser.add_argument("--device", choices=("cpu", "cuda", "auto"), default="cpu")
    parser.add_argument("--sentences", type=int, default=None, help="default: 200 (tiny), 8 (base)")
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--beams", type=int, default=4)
    parser.add_argument("--max-length", type=int, default=None, help="default: 47 (tiny), 64 (base)")
    parser.add_argument("--pair", default="corpora/pmf-budget", help="corpus folder with ar.md and en.md")
    parser.add_argument("--glossary", default="glossaries/house.csv")
    parser.add_argument("--no-startup", action="store_true", help="skip the `termcheck check` start-up rows")
    options = parser.parse_args()
    count = options.sentences or (200 if options.config == "tiny" else 8)
    max_length = options.max_length or (47 if options.config == "tiny" else 64)
    texts = [ARABIC[i % len(ARABIC)] for i in range(count)]

    from termcheck.mt.translate import quiet_transformers

    quiet_transformers()
    with tempfile.TemporaryDirectory() as work:
        start = time.perf_counter()
        model = build_tiny_marian(os.path.join(work, "hf")) if options.config == "tiny" else build_base(os.path.join(work, "hf"))
        emit(config=options.config, what="build", seconds=round(time.perf_counter() - start, 2))
        backends = [("transformers", model)]
        try:
            from termcheck.mt.backend_ct2 import convert

            backends.append(("ctranslate2", convert(model, os.path.join(work, "ct2"))))
        except Exception as exc:  # noqa: BLE001 - the bench reports and goes on without CTranslate2
            emit(config=options.config, backend="ctranslate2", skipped=str(exc).splitlines()[0])
        for backend, path in backends:
            seconds = time_translate(texts, path, backend, options.device, options.batch_size, options.beams, max_length)
            emit(config=options.config, backend=backend, device=options.device, sentences=count,
                 batch_size=options.batch_size, beams=options.beams, max_length=max_length,
                 seconds=round(seconds, 3), sentences_per_second=round(count / seconds, 1))
        if not options.no_startup:
            folder = os.path.join(ROOT, options.pair)
            pair = (os.path.join(folder, "ar.md"), os.path.join(folder, "en.md"))
            glossary = os.path.join(ROOT, options.glossary)
            if os.path.isfile(pair[0]) and os.path.isfile(glossary):
                for label, mt_model in (("check", None), ("check --suggest", model)):
                    seconds = startup(pair, glossary, mt_model, options.device)
                    emit(config=options.config, what=label, pair=options.pair, wall_seconds=round(seconds, 2))
            else:
                emit(what="startup", skipped=f"{options.pair} or {options.glossary} not found")


if __name__ == "__main__":
    main()

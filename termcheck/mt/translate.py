"""translate(): batched generation with transformers or CTranslate2, offline, deterministic.

Texts are sorted by length before batching (less padding), translated, and put back in order.
Decoding is beam search (or greedy with beams=1) without sampling, so a text's translation does
not depend on the batch it lands in beyond floating-point noise.
"""

from __future__ import annotations

import os
import warnings
from collections.abc import Callable, Sequence

from termcheck.model import InputError

BACKENDS = ("transformers", "ctranslate2")
DEFAULT_MAX_LENGTH = 256


def translate(
    texts: Sequence[str],
    model: str,
    *,
    source_lang: str,
    target_lang: str,
    backend: str = "transformers",
    device: str = "cpu",
    batch_size: int = 16,
    beams: int = 4,
    max_length: int = DEFAULT_MAX_LENGTH,
) -> list[str]:
    """Translate `texts` from source_lang to target_lang ('ar'/'en') with a local model."""
    from termcheck.mt.models import pick_device, resolve_model

    check_options(source_lang, target_lang, backend, batch_size, beams, max_length)
    path = resolve_model(model)
    resolved_device = pick_device(device, backend)
    if backend == "ctranslate2":
        from termcheck.mt.backend_ct2 import ct2_batch_translator

        run = ct2_batch_translator(path, resolved_device, source_lang, target_lang, beams, max_length)
    else:
        run = transformers_batch_translator(path, resolved_device, source_lang, target_lang, beams, max_length)
    return in_batches(list(texts), run, batch_size)


def check_options(source_lang: str, target_lang: str, backend: str, batch_size: int, beams: int, max_length: int) -> None:
    for name, lang in (("source", source_lang), ("target", target_lang)):
        if lang not in ("ar", "en"):
            raise InputError(f"{name} language must be 'ar' or 'en', not '{lang}'")
    if source_lang == target_lang:
        raise InputError(f"source and target language are both '{source_lang}'")
    if backend not in BACKENDS:
        raise InputError(f"--mt-backend must be one of {', '.join(BACKENDS)}, not '{backend}'")
    for name, value in (("--batch-size", batch_size), ("--beams", beams), ("max_length", max_length)):
        if value < 1:
            raise InputError(f"{name} must be at least 1, not {value}")


def in_batches(texts: list[str], run: Callable[[list[str]], list[str]], batch_size: int) -> list[str]:
    """Translate non-blank texts in length-sorted batches; blank texts translate to ''."""
    results = [""] * len(texts)
    order = sorted((i for i, t in enumerate(texts) if t.strip()), key=lambda i: len(texts[i]))
    for start in range(0, len(order), batch_size):
        chunk = order[start:start + batch_size]
        for i, out in zip(chunk, run([texts[i].strip() for i in chunk])):
            results[i] = out.strip()
    return results


def quiet_transformers() -> None:
    """No progress bars or advisory warnings on a CLI's stderr."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    from transformers.utils import logging as hf_logging

    hf_logging.set_verbosity_error()
    hf_logging.disable_progress_bar()
    warnings.filterwarnings("ignore", message="Recommended: pip install sacremoses")


def transformers_batch_translator(path: str, device: str, source_lang: str, target_lang: str, beams: int, max_length: int):
    """A function that translates one batch with a cached transformers model."""
    from termcheck.mt.models import load_transformers, prepare_tokenizer, require, target_token

    torch = require("torch")
    quiet_transformers()
    loaded = load_transformers(path, device)
    tokenizer, model = loaded.tokenizer, loaded.model
    family = prepare_tokenizer(tokenizer, source_lang, target_lang)
    extra = {}
    token = target_token(tokenizer, family, target_lang)
    if token is not None:
        extra["forced_bos_token_id"] = tokenizer.convert_tokens_to_ids(token)
    positions = getattr(model.config, "max_position_embeddings", None) or 1024
    input_limit = min(positions, 1024)
    new_tokens = min(max_length, positions - 1)  # the decoder start token takes a position too

    def run(batch: list[str]) -> list[str]:
        inputs = tokenizer(batch, return_tensors="pt", padding=True, truncation=True, max_length=input_limit)
        inputs = {k: v.to(device) for k, v in inputs.items()}
        with torch.inference_mode():
            output = model.generate(
                **inputs, num_beams=beams, do_sample=False, max_new_tokens=new_tokens, **extra
            )
        return tokenizer.batch_decode(output, skip_special_tokens=True)

    return run

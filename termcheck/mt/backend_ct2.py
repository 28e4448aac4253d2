"""CTranslate2 backend: translate with a converted model, and convert transformers models.

A converted directory holds model.bin plus the tokenizer files copied from the original
(`termcheck mt convert` copies them), so it is self-contained: the same AutoTokenizer encodes
sources into tokens and decodes hypotheses.
"""

from __future__ import annotations

import json
import os
from functools import lru_cache

from termcheck.model import InputError

TOKENIZER_FILES = (
    "tokenizer_config.json", "special_tokens_map.json", "tokenizer.json", "vocab.json",
    "source.spm", "target.spm", "sentencepiece.bpe.model", "spm.model", "added_tokens.json",
    "generation_config.json",
)
LIMITS_FILE = "termcheck.json"


def is_ct2_model(path: str) -> bool:
    return os.path.isfile(os.path.join(path, "model.bin"))


@lru_cache(maxsize=4)
def load_ct2(path: str, device: str):
    from termcheck.mt.models import require

    ctranslate2 = require("ctranslate2")
    if not is_ct2_model(path):
        raise InputError(
            f"{path}: not a CTranslate2 model (no model.bin); convert it once with `termcheck mt convert {path} OUT_DIR`"
        )
    try:
        return ctranslate2.Translator(path, device=device, compute_type="default")
    except (RuntimeError, ValueError) as exc:
        raise InputError(f"{path}: cannot load the CTranslate2 model: {str(exc).splitlines()[0]}") from None


def ct2_batch_translator(path: str, device: str, source_lang: str, target_lang: str, beams: int, max_length: int):
    """A function that translates one batch with a cached CTranslate2 translator."""
    from termcheck.mt.models import load_tokenizer, prepare_tokenizer, target_token
    from termcheck.mt.translate import quiet_transformers

    quiet_transformers()
    translator = load_ct2(path, device)
    tokenizer = load_tokenizer(path)
    family = prepare_tokenizer(tokenizer, source_lang, target_lang)
    token = target_token(tokenizer, family, target_lang)
    prefix = [token] if token is not None else None
    max_length = decoding_limit(path, max_length)

    def run(batch: list[str]) -> list[str]:
        sources = [tokenizer.convert_ids_to_tokens(tokenizer(text)["input_ids"]) for text in batch]
        try:
            results = translator.translate_batch(
                sources,
                target_prefix=[prefix] * len(batch) if prefix else None,
                beam_size=beams,
                max_decoding_length=max_length,
            )
        except RuntimeError as exc:  # e.g. more positions than the model has: a too large --max-length
            raise InputError(f"{path}: CTranslate2 failed: {str(exc).splitlines()[0]}; try a smaller max length") from None
        outputs = []
        for result in results:
            tokens = result.hypotheses[0]
            if prefix and tokens[: len(prefix)] == prefix:
                tokens = tokens[len(prefix):]
            ids = tokenizer.convert_tokens_to_ids(tokens)
            outputs.append(tokenizer.decode(ids, skip_special_tokens=True))
        return outputs

    return run


def convert(model: str, out_dir: str, *, quantization: str | None = None, force: bool = False) -> str:
    """Convert a transformers model (directory or cached name) to CTranslate2 in out_dir."""
    from termcheck.mt.models import require, resolve_model
    from termcheck.mt.translate import quiet_transformers

    path = resolve_model(model)
    converters = require("ctranslate2.converters")
    quiet_transformers()
    if os.path.exists(out_dir) and not force:
        raise InputError(f"{out_dir}: already exists; pass --force to overwrite it")
    copy = [name for name in TOKENIZER_FILES if os.path.isfile(os.path.join(path, name))]
    try:
        converter = converters.TransformersConverter(path, copy_files=copy, load_as_float16=False)
        converted = converter.convert(out_dir, quantization=quantization, force=force)
    except (ValueError, NotImplementedError, OSError) as exc:
        raise InputError(f"{path}: cannot convert to CTranslate2: {str(exc).splitlines()[0]}") from None
    _write_limits(path, converted)
    return converted


def _write_limits(model_dir: str, out_dir: str) -> None:
    """Keep the model's position limit beside the converted model (CTranslate2 does not expose it)."""
    try:
        with open(os.path.join(model_dir, "config.json"), encoding="utf-8") as handle:
            config = json.load(handle)
    except (OSError, ValueError):
        return
    limits = {
        "max_position_embeddings": config.get("max_position_embeddings"),
        "forced_eos": config.get("forced_eos_token_id") is not None,
    }
    with open(os.path.join(out_dir, LIMITS_FILE), "w", encoding="utf-8") as handle:
        json.dump(limits, handle)


def decoding_limit(path: str, max_length: int) -> int:
    """CTranslate2's max_decoding_length for termcheck's max_length, as transformers counts it.

    transformers spends the last of max_length steps on a forced end-of-sentence token when the
    model config asks for one (Marian does); CTranslate2 does not, so it stops one step earlier.
    The limit is also capped to the positions the model has (recorded by `convert`).
    """
    try:
        with open(os.path.join(path, LIMITS_FILE), encoding="utf-8") as handle:
            limits = json.load(handle)
    except (OSError, ValueError):
        return max_length
    positions = limits.get("max_position_embeddings")
    if isinstance(positions, int) and positions > 1:
        max_length = min(max_length, positions - 1)
    if limits.get("forced_eos"):
        max_length -= 1
    return max(1, max_length)

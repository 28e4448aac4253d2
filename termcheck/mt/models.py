"""Locate a translation model offline, choose a device and load it (cached per process).

Nothing here ever downloads: a model is a local directory or a repository already in the
Hugging Face cache, looked up with local_files_only=True.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from termcheck.model import InputError

LANG_CODES = {
    # tokenizer family -> termcheck language -> the model's language code
    "nllb": {"ar": "arb_Arab", "en": "eng_Latn"},
    "m2m": {"ar": "ar", "en": "en"},
    "mbart": {"ar": "ar_AR", "en": "en_XX"},
}
DEVICES = ("cpu", "cuda", "auto")
MT_EXTRA_HINT = "install the optional machine-translation packages: pip install 'termcheck[mt]'"


def require(module: str):
    """Import an optional heavy package or explain how to get it."""
    import importlib

    try:
        return importlib.import_module(module)
    except ImportError:
        raise InputError(f"machine translation needs the Python package '{module}'; {MT_EXTRA_HINT}") from None


def hub_cache_dir() -> str:
    try:
        from huggingface_hub import constants

        return constants.HF_HUB_CACHE
    except ImportError:
        home = os.environ.get("HF_HOME", os.path.join(os.path.expanduser("~"), ".cache", "huggingface"))
        return os.environ.get("HF_HUB_CACHE", os.path.join(home, "hub"))


def resolve_model(name: str) -> str:
    """The local directory of model `name`: the directory itself or its Hugging Face cache snapshot."""
    if os.path.isdir(name):
        return name
    path = None
    if not os.path.exists(name):
        try:
            from huggingface_hub import snapshot_download

            path = snapshot_download(name, local_files_only=True)
        except ImportError:
            raise InputError(f"model '{name}' is not a directory and huggingface_hub is missing; {MT_EXTRA_HINT}") from None
        except Exception:  # LocalEntryNotFoundError, HFValidationError (not a repo id), ...
            path = None
    if path is None or not os.path.isdir(path):
        raise InputError(
            f"model '{name}' not found: not a directory and not in the Hugging Face cache at {hub_cache_dir()}; "
            f"download it once with `huggingface-cli download {name}` or pass a local directory"
        )
    return path


def pick_device(device: str, backend: str = "transformers") -> str:
    """'cpu' or 'cuda'; 'auto' prefers CUDA when it is there. Unavailable CUDA is an InputError."""
    if device not in DEVICES:
        raise InputError(f"--device must be one of {', '.join(DEVICES)}, not '{device}'")
    if device == "cpu":
        return "cpu"
    available = cuda_available(backend)
    if device == "cuda" and not available:
        raise InputError(f"--device cuda: no CUDA device is available to {backend} here; use --device cpu")
    return "cuda" if available else "cpu"


def cuda_available(backend: str) -> bool:
    if backend == "ctranslate2":
        return require("ctranslate2").get_cuda_device_count() > 0
    return bool(require("torch").cuda.is_available())


def tokenizer_family(tokenizer: Any) -> str:
    """'marian', 'nllb', 'm2m' or 'mbart', from the tokenizer's class name."""
    name = type(tokenizer).__name__.lower()
    for family in ("nllb", "m2m", "mbart"):
        if family in name:
            return family
    return "marian"


def lang_code(family: str, lang: str) -> str | None:
    """The model's code for `lang` ('arb_Arab' for NLLB), None for single-pair Marian models."""
    codes = LANG_CODES.get(family)
    return codes[lang] if codes else None


def target_token(tokenizer: Any, family: str, lang: str) -> str | None:
    """The token that starts a target sentence in `lang` (forced BOS / CTranslate2 target prefix)."""
    code = lang_code(family, lang)
    if code is None:
        return None
    if family == "m2m":
        return tokenizer.get_lang_token(code)  # '__en__'
    return code


def prepare_tokenizer(tokenizer: Any, source_lang: str, target_lang: str) -> str:
    """Set the source language on multilingual tokenizers; return the family."""
    family = tokenizer_family(tokenizer)
    code = lang_code(family, source_lang)
    if code is not None:
        tokenizer.src_lang = code
        if hasattr(tokenizer, "tgt_lang"):
            tokenizer.tgt_lang = lang_code(family, target_lang)
    return family


@dataclass
class LoadedModel:
    tokenizer: Any
    model: Any
    device: str


def load_tokenizer(path: str):
    transformers = require("transformers")
    require("sentencepiece")
    try:
        return transformers.AutoTokenizer.from_pretrained(path, local_files_only=True)
    except (OSError, ValueError) as exc:
        raise InputError(f"{path}: cannot load a tokenizer from this model directory: {_first_line(exc)}") from None


@lru_cache(maxsize=4)
def load_transformers(path: str, device: str) -> LoadedModel:
    """Tokenizer and seq2seq model from a local directory, in eval mode on `device`."""
    transformers = require("transformers")
    tokenizer = load_tokenizer(path)
    try:
        model = transformers.AutoModelForSeq2SeqLM.from_pretrained(path, local_files_only=True)
    except (OSError, ValueError) as exc:
        raise InputError(f"{path}: cannot load a sequence-to-sequence model: {_first_line(exc)}") from None
    model.eval()
    model.to(device)
    return LoadedModel(tokenizer, model, device)


def _first_line(exc: Exception) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__

"""A tiny random-weight Marian model (Arabic -> English), built once per test session.

Two small SentencePiece models (source: Arabic sentences, target: English sentences, written
for these tests) with a shared vocab.json in the Marian layout (</s> 0, <unk> 1, <pad> last,
as opus-mt models have it and as CTranslate2's converter expects), and a MarianMTModel with
d_model 16, one encoder and one decoder layer, seeded weights. It translates into nonsense,
deterministically: tests assert mechanics, never wording.
"""

from __future__ import annotations

import io
import json
import os

import pytest

ARABIC = [
    "قالت كتائب حزب الله إن الهجوم وقع قرب بغداد يوم الاثنين",
    "دخلت قوات الحشد الشعبي المدينة بعد معارك استمرت أسبوعا",
    "قتل أبو مهدي المهندس في ضربة جوية قرب مطار بغداد",
    "ناقش البرلمان الموازنة الاتحادية ورواتب المقاتلين",
    "ارتفعت الأسعار بنسبة عشرة بالمئة خلال العام الماضي",
    "زار رئيس الوزراء البصرة والموصل والتقى بالمحافظين",
    "أعلنت هيئة الحشد الشعبي عن تعيين قادة جدد للألوية",
    "وصف المتحدث الاتفاق بأنه خطوة مهمة نحو الاستقرار",
    "تظاهر آلاف الشباب في الساحات مطالبين بفرص العمل",
    "قالت عصائب أهل الحق إنها لن تشارك في الحكومة المقبلة",
]
ENGLISH = [
    "Kataib Hezbollah said the attack took place near Baghdad on Monday",
    "The Popular Mobilization Forces entered the city after weeks of fighting",
    "Abu Mahdi al-Muhandis was killed in an air strike near Baghdad airport",
    "Parliament discussed the federal budget and the salaries of fighters",
    "Prices rose by ten percent during the past year",
    "The prime minister visited Basra and Mosul and met the governors",
    "The Popular Mobilization Commission announced new brigade commanders",
    "The spokesman called the agreement an important step toward stability",
    "Thousands of young people demonstrated in the squares demanding jobs",
    "Asaib Ahl al-Haq said it would not take part in the next government",
]
MAX_POSITIONS = 48
_BUILT: dict[str, str] = {}


def _train_spm(lines: list[str], path: str, vocab_size: int) -> None:
    import sentencepiece as spm

    model = io.BytesIO()
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter(lines), model_writer=model, vocab_size=vocab_size, hard_vocab_limit=False,
        character_coverage=1.0, model_type="unigram", unk_id=0, bos_id=-1, eos_id=-1, pad_id=-1,
        minloglevel=2,
    )
    with open(path, "wb") as handle:
        handle.write(model.getvalue())


def build_tiny_marian(directory: str) -> str:
    """Write tokenizer and model files of the tiny Arabic -> English Marian model into `directory`."""
    import sentencepiece as spm
    import torch
    from transformers import MarianConfig, MarianMTModel, MarianTokenizer

    os.makedirs(directory, exist_ok=True)
    _train_spm(ARABIC, os.path.join(directory, "source.spm"), 300)
    _train_spm(ENGLISH, os.path.join(directory, "target.spm"), 300)
    vocab = {"</s>": 0, "<unk>": 1}
    for name in ("source.spm", "target.spm"):
        processor = spm.SentencePieceProcessor(model_file=os.path.join(directory, name))
        for i in range(processor.get_piece_size()):
            vocab.setdefault(processor.id_to_piece(i), len(vocab))
    vocab["<pad>"] = len(vocab)
    with open(os.path.join(directory, "vocab.json"), "w", encoding="utf-8") as handle:
        json.dump(vocab, handle, ensure_ascii=False)
    tokenizer = MarianTokenizer(
        os.path.join(directory, "source.spm"), os.path.join(directory, "target.spm"),
        os.path.join(directory, "vocab.json"), source_lang="ar", target_lang="en",
    )
    tokenizer.save_pretrained(directory)
    torch.manual_seed(1234)
    config = MarianConfig(
        vocab_size=len(vocab), d_model=16, encoder_layers=1, decoder_layers=1,
        encoder_attention_heads=2, decoder_attention_heads=2, encoder_ffn_dim=32, decoder_ffn_dim=32,
        max_position_embeddings=MAX_POSITIONS, pad_token_id=vocab["<pad>"], eos_token_id=0,
        decoder_start_token_id=vocab["<pad>"], forced_eos_token_id=0, scale_embedding=True,
    )
    model = MarianMTModel(config)
    model.eval()
    model.save_pretrained(directory)
    return directory


@pytest.fixture(scope="session")
def tiny_marian(tmp_path_factory) -> str:
    """Directory of the tiny model (built once even when several modules use the fixture)."""
    for module in ("torch", "transformers", "sentencepiece"):
        pytest.importorskip(module, reason="the 'mt' extra is not installed (pip install -e '.[mt]')")
    if "marian" not in _BUILT:
        from termcheck.mt.translate import quiet_transformers

        quiet_transformers()
        _BUILT["marian"] = build_tiny_marian(str(tmp_path_factory.mktemp("tiny-marian")))
    return _BUILT["marian"]


@pytest.fixture(scope="session")
def tiny_ct2(tiny_marian, tmp_path_factory) -> str:
    """The tiny model converted to CTranslate2 with termcheck's own converter."""
    pytest.importorskip("ctranslate2", reason="ctranslate2 is not installed (optional fast backend)")
    if "ct2" not in _BUILT:
        from termcheck.mt.backend_ct2 import convert

        out = str(tmp_path_factory.mktemp("tiny-ct2") / "model")
        _BUILT["ct2"] = convert(tiny_marian, out)
    return _BUILT["ct2"]

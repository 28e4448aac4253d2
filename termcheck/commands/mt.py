"""termcheck mt translate|convert: glossary-true machine translation and CTranslate2 conversion."""

from __future__ import annotations

import json
from typing import List, Optional

import typer

from termcheck.commands import common

mt_app = typer.Typer(
    name="mt",
    help="Machine translation with a local model: translate lines glossary-true, convert to CTranslate2.",
    no_args_is_help=True,
)

MODEL_OPTION = typer.Option(..., "--mt-model", "-m", metavar="MODEL", help="Model directory or a name already in the Hugging Face cache.")
BACKEND_OPTION = typer.Option("transformers", "--mt-backend", metavar="BACKEND", help="transformers or ctranslate2 (a converted model).")
DEVICE_OPTION = typer.Option("cpu", "--device", metavar="DEVICE", help="cpu, cuda, or auto (CUDA when available).")
BATCH_OPTION = typer.Option(16, "--batch-size", metavar="N", help="Segments translated together.")
BEAMS_OPTION = typer.Option(4, "--beams", metavar="N", help="Beam size (1 = greedy).")


@mt_app.command("translate")
def translate_lines(
    file: str = typer.Argument(..., metavar="FILE", help="Text to translate: one segment per line."),
    model: str = MODEL_OPTION,
    source_lang: Optional[str] = typer.Option(None, "--from", metavar="LANG", help="ar or en; detected from the script by default."),
    target_lang: Optional[str] = typer.Option(None, "--to", metavar="LANG", help="ar or en; the other language by default."),
    glossary: Optional[List[str]] = typer.Option(None, "--glossary", "-g", metavar="FILE", help="Make each line use the house's preferred forms."),
    backend: str = BACKEND_OPTION,
    device: str = DEVICE_OPTION,
    batch_size: int = BATCH_OPTION,
    beams: int = BEAMS_OPTION,
    max_length: int = typer.Option(256, "--max-length", metavar="N", help="Most tokens generated per segment."),
    fmt: common.OutputFormat = common.format_option(common.OutputFormat.text, common.OutputFormat.json),
    encoding: Optional[str] = common.ENCODING_OPTION,
    output: Optional[str] = common.OUTPUT_OPTION,
) -> None:
    """Translate each line of FILE; with --glossary, source terms come out in their house form."""
    from termcheck.commands.score import read_segments
    from termcheck.mt.translate import translate
    from termcheck.text.normalize import detect_language

    lines = read_segments(file, encoding)
    source_lang = source_lang or detect_language("\n".join(lines))
    target_lang = target_lang or ("en" if source_lang == "ar" else "ar")
    raw = translate(
        lines, model, source_lang=source_lang, target_lang=target_lang, backend=backend,
        device=device, batch_size=batch_size, beams=beams, max_length=max_length,
    )
    translations = raw
    if glossary:
        from termcheck.match import Matcher
        from termcheck.mt.glossary_enforce import enforce_glossary

        matcher = Matcher(common.load_glossaries(glossary))
        translations = [
            enforce_glossary(src, mt, matcher.find(src), matcher, target_lang) for src, mt in zip(lines, raw)
        ]
    if fmt is common.OutputFormat.json:
        from termcheck import __version__

        data = {
            "version": __version__,
            "model": model,
            "backend": backend,
            "source_lang": source_lang,
            "target_lang": target_lang,
            "segments": [
                {"line": i + 1, "source": src, "machine": mt, "suggestion": out}
                for i, (src, mt, out) in enumerate(zip(lines, raw, translations))
            ],
        }
        common.write_output(json.dumps(data, ensure_ascii=False, indent=2) + "\n", output)
    else:
        common.write_output("".join(line + "\n" for line in translations), output)


@mt_app.command("convert")
def convert(
    model: str = typer.Argument(..., metavar="MODEL", help="A transformers model directory or cached name (Marian, NLLB, M2M100)."),
    out_dir: str = typer.Argument(..., metavar="OUT_DIR", help="Where the CTranslate2 model goes (tokenizer files are copied along)."),
    quantization: Optional[str] = typer.Option(None, "--quantization", metavar="TYPE", help="e.g. int8, int8_float16, float16."),
    force: bool = typer.Option(False, "--force", metavar=common.FLAG, help="Overwrite OUT_DIR."),
) -> None:
    """Convert a model for the fast CTranslate2 backend (--mt-backend ctranslate2)."""
    from termcheck.mt.backend_ct2 import convert as convert_model

    path = convert_model(model, out_dir, quantization=quantization, force=force)
    typer.echo(f"converted {model} -> {path}")


def register(app: typer.Typer) -> None:
    app.add_typer(mt_app)

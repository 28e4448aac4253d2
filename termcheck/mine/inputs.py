"""What `glossary mine` reads, named on its command line, as one stream of pairs.

Localization files (PO/MO/XLIFF/TMX, or folders of them given with --units) give their units; the
other paths are taken two by two as SOURCE TARGET: two articles, or two folders whose files are
paired by relative path (as `check` pairs them). Each file is read when its turn comes, so an archive
streams; `progress(files_done, files_total)` is told after each file.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator

from termcheck.formats.units import LOCALIZATION_SUFFIXES
from termcheck.mine.sources import Pair, article_pairs, unit_pairs
from termcheck.model import InputError


def plan(paths: list[str], unit_paths: list[str], config) -> tuple[list[tuple[str, str]], list[str]]:
    """([(source file, target file)], [localization file]) for the command-line inputs."""
    from termcheck.config import paired_files
    from termcheck.formats import localization_files

    units = [p for p in paths if p.lower().endswith(LOCALIZATION_SUFFIXES)]
    texts = [p for p in paths if not p.lower().endswith(LOCALIZATION_SUFFIXES)]
    if len(texts) % 2:
        raise InputError(f"{texts[-1]}: article pairs come as SOURCE TARGET; this one has no partner "
                         "(localization files end in .po, .mo, .xlf, .xliff or .tmx; folders of them go after --units)")
    pairs: list[tuple[str, str]] = []
    for source, target in zip(texts[::2], texts[1::2]):
        pairs += paired_files(source, target, config, "mined")
    units += localization_files(unit_paths, config) if unit_paths else []
    if not pairs and not units:
        raise InputError("nothing to mine: give article pairs (SOURCE TARGET) or localization files")
    return pairs, units


def stream(pairs: list[tuple[str, str]], units: list[str], *, lang_pair: tuple[str, str] | None = None,
           encoding: str | None = None,
           progress: Callable[[int, int], None] | None = None) -> Iterator[Pair]:
    from termcheck.formats import read_units
    from termcheck.io import decode, read_bytes
    from termcheck.model import Document
    from termcheck.text.normalize import detect_language

    total = len(pairs) + len(units)
    done = 0
    for source, target in pairs:
        docs = []
        for path, lang in ((source, lang_pair[0] if lang_pair else None), (target, lang_pair[1] if lang_pair else None)):
            text, used = decode(read_bytes(path), path, encoding)
            docs.append(Document(path, text, lang or detect_language(text), used))
        if docs[0].lang == docs[1].lang:
            raise InputError(f"{target}: {source} and {target} are both '{docs[0].lang}'; pass --lang-pair if detection is wrong")
        yield from article_pairs(docs[0], docs[1])
        done += 1
        if progress:
            progress(done, total)
    for path in units:
        source_lang, target_lang = lang_pair if lang_pair else (None, None)
        yield from unit_pairs(read_units(path, source_lang=source_lang, target_lang=target_lang))
        done += 1
        if progress:
            progress(done, total)


def terminal_progress(stream_=None) -> Callable[[int, int], None] | None:
    """A one-line progress bar on stderr when it is a terminal; None otherwise (CI logs stay clean)."""
    out = stream_ or sys.stderr
    if not out.isatty():
        return None

    def show(done: int, total: int) -> None:
        width = 30
        filled = width * done // max(total, 1)
        out.write(f"\rmining [{'#' * filled}{'.' * (width - filled)}] {done}/{total} files")
        if done == total:
            out.write("\n")
        out.flush()

    return show


def english_documents(paths: list[str], config, encoding: str | None = None) -> Iterator[tuple[str, str]]:
    """(path, text) of each English-only file or of the files of a folder, read when its turn comes."""
    from termcheck.config import collect_files
    from termcheck.io import decode, read_bytes

    for path in collect_files(paths, config):
        yield path, decode(read_bytes(path), path, encoding)[0]

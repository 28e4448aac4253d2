"""House glossaries: read CSV, TSV or TBX into one `Glossary`; merge several.

Readers keep every term's file and line (`Term.origin`) so that validation can point at it. A
list item or <term> that is empty is kept as a Term with text "" (validation reports it as
TC001); the Matcher skips empty forms, and so should anything else that walks the terms.
"""

from __future__ import annotations

import dataclasses
import gc
import os
from collections.abc import Iterator
from contextlib import contextmanager

from termcheck.model import Glossary, GlossaryOptions, InputError

__all__ = ["load_glossary", "merge_glossaries"]


@contextmanager
def _no_cyclic_gc() -> Iterator[None]:
    """Pause the cyclic collector while building many small objects that form no cycles.

    A big glossary allocates hundreds of thousands of Terms; the collector would otherwise run
    over and over for nothing (a third of the load time of 50,000 concepts).
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        # What was built leaves the young generation: the collector's next pass would otherwise
        # walk all of it once (a sixth of a 50,000-concept load); refcounting still frees it.
        gc.freeze()
        if enabled:
            gc.enable()


def load_glossary(path: str, encoding: str | None = None) -> Glossary:
    """Read a glossary by its extension: .csv, .tsv, .tbx, or .xml with a <tbx>/<martif> root.

    `encoding` applies to CSV/TSV without a BOM (default UTF-8); XML declares its own. The CSV
    columns and the optional `# termcheck: fold-alef-maqsura fold-ta-marbuta` first line are
    described in termcheck.glossary.csv_reader; the TBX mapping in termcheck.glossary.tbx.
    """
    with _no_cyclic_gc():
        return _load(path, encoding)


def _load(path: str, encoding: str | None) -> Glossary:
    from termcheck.io import read_bytes

    ext = os.path.splitext(path)[1].lower()
    if ext in (".csv", ".tsv"):
        from termcheck.glossary.csv_reader import parse_delimited
        from termcheck.io import decode

        text, _ = decode(read_bytes(path), path, encoding)
        return parse_delimited(text, path, delimiter="\t" if ext == ".tsv" else ",")
    if ext in (".tbx", ".xml"):
        from termcheck.glossary.tbx import parse_tbx

        return parse_tbx(read_bytes(path), path)
    raise InputError(f"{path}: unknown glossary format '{ext or path}'; expected .csv, .tsv, .tbx or .xml (TBX)")


def merge_glossaries(glossaries: list[Glossary]) -> Glossary:
    """One glossary with every concept of `glossaries`, in order (duplicates are kept: TC002).

    Concepts are copied (the inputs are not changed) and renumbered. A fold that any glossary
    asks for applies to the merged one, with a warning when they disagree.
    """
    if not glossaries:
        raise ValueError("merge_glossaries needs at least one glossary")
    concepts = []
    warnings: list[str] = []
    for glossary in glossaries:
        warnings.extend(glossary.warnings)
        for concept in glossary.concepts:
            concepts.append(dataclasses.replace(concept, terms=list(concept.terms), index=len(concepts)))
    options = GlossaryOptions(
        fold_alef_maqsura=any(g.options.fold_alef_maqsura for g in glossaries),
        fold_ta_marbuta=any(g.options.fold_ta_marbuta for g in glossaries),
    )
    paths = [g.path for g in glossaries]
    for glossary in glossaries:
        if glossary.options != options:
            warnings.append(
                f"{glossary.path}: merged with glossaries that fold more Arabic spellings; "
                f"the merged glossary uses {describe_options(options)}"
            )
    return Glossary(concepts, path=", ".join(paths), options=options, warnings=warnings)


OPTION_WORDS = {"fold-alef-maqsura": "fold_alef_maqsura", "fold-ta-marbuta": "fold_ta_marbuta"}


def describe_options(options: GlossaryOptions) -> str:
    words = [word for word, attr in OPTION_WORDS.items() if getattr(options, attr)]
    return " ".join(words) if words else "no folds"

"""A glossary as plain columns, for the compiled-glossary cache: it loads several times faster than
a pickle of its objects.

Unpickling a Glossary rebuilds every Concept, Term and SourceRef one opcode sequence at a time
(50,000 concepts, 200,000 terms: about 0.2 s). Here the terms are columns (texts, languages,
status numbers, origin rows: a CSV row's terms share one SourceRef) in one marshal blob, and the objects are rebuilt by C-level maps
(`tuple.__new__` over zipped columns); only the concepts take a Python loop. `encode` returns None
for a glossary it cannot represent exactly (a Term or Concept with something this format does not
carry): the caller then pickles the Glossary itself.
"""

from __future__ import annotations

import dataclasses
import marshal
from itertools import repeat

from termcheck.model import Concept, Glossary, GlossaryOptions, SourceRef, Status, Term

__all__ = ["decode", "encode"]

_STATUSES = tuple(Status)
_STATUS_NUMBER = {status: number for number, status in enumerate(_STATUSES)}
_CONCEPT_FIELDS = frozenset(f.name for f in dataclasses.fields(Concept))


def encode(glossary: Glossary) -> bytes | None:
    """The glossary as one marshal blob, or None when it holds what the columns cannot carry."""
    if type(glossary) is not Glossary or type(glossary.options) is not GlossaryOptions:
        return None
    paths: dict[str, int] = {}
    # id(SourceRef) -> its row in `table`: a row's terms share one (the glossary holds them all: ids stay theirs)
    origins: dict[int, int] = {}
    table: list[tuple[int, int]] = []
    texts, langs, statuses, term_origins = [], [], [], []
    concepts = []

    def origin_number(origin) -> int | None:
        if origin is None:
            return -1  # decode appends None to the rebuilt table: row -1
        if type(origin) is not SourceRef:
            return None
        number = origins.get(id(origin))
        if number is None:
            number = origins[id(origin)] = len(table)
            table.append((paths.setdefault(origin.path, len(paths)), origin.line))
        return number

    for concept in glossary.concepts:
        if type(concept) is not Concept or set(vars(concept)) != _CONCEPT_FIELDS:
            return None
        for term in (*concept.terms, *concept.false_friends):
            if type(term) is not Term or type(term.status) is not Status:
                return None
            number = origin_number(term.origin)
            if number is None:
                return None
            texts.append(term.text)
            langs.append(term.lang)
            statuses.append(_STATUS_NUMBER[term.status])
            term_origins.append(number)
        number = origin_number(concept.origin)
        if number is None:
            return None
        concepts.append((concept.id, concept.note, number, concept.index, len(concept.terms),
                         len(concept.false_friends)))
    options = (glossary.options.fold_alef_maqsura, glossary.options.fold_ta_marbuta)
    try:
        return marshal.dumps((glossary.path, options, list(glossary.warnings), list(paths), table, texts, langs,
                              statuses, term_origins, concepts))
    except ValueError:  # a value marshal cannot write (a str subclass, say): pickle the objects
        return None


def decode(data: bytes) -> Glossary:
    """The Glossary `encode` wrote: equal to the one encoded, concept by concept and term by term,
    and its terms share their SourceRef objects as the encoded ones did."""
    path, options, warnings, paths, table, texts, langs, statuses, term_origins, concepts = marshal.loads(data)
    new = tuple.__new__
    refs = [new(SourceRef, (paths[p], line)) for p, line in table]
    refs.append(None)  # origin -1
    origin_of = refs.__getitem__
    terms = list(map(new, repeat(Term), zip(texts, langs, map(_STATUSES.__getitem__, statuses),
                                             map(origin_of, term_origins))))
    built = []
    append = built.append
    position = 0
    make = object.__new__
    for concept_id, note, origin, index, term_count, friend_count in concepts:
        concept = make(Concept)
        middle = position + term_count
        position = middle + friend_count
        concept.__dict__ = {"id": concept_id, "terms": terms[middle - term_count:middle], "note": note,
                            "origin": refs[origin], "index": index, "false_friends": terms[middle:position]}
        append(concept)
    return Glossary(built, path=path, options=GlossaryOptions(*options), warnings=warnings)

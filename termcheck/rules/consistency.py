"""TC104: the same name is written two or more ways in one document.

Names are the spans of `termcheck.rules.variants.name_spans`: glossary matches, TC102 variants and
other capitalized runs (with sentence openers and titles stripped from their edges). A run of
ordinary English words alone (Police, Policy) is no name: such spans leave a group before it is
judged. They are
grouped by transliteration key, and keys one edit apart (`near_keys`) join a group, transitively.
Whole names are compared, never a surname with a full name: "al-Sudani" has another key than
"Mohammed Shia al-Sudani", and "Thaier al-Sudani" another than both. A one-word name is compared
with the surnames of longer names; a surname keeps its name's glossary concept, so the surname of
one listed person never joins a group with another listed person.

A group with two or more spellings (compared with case, apostrophes and hyphen variants folded)
gives ONE finding:
- expected: the glossary's form when the group holds a glossary name (the preferred form when the
  group uses it or a variant of it, else the listed form the group's spans stand for); otherwise
  the spelling used most (ties: the first seen).
- location: the first occurrence of a spelling other than the reference spelling, which is the
  expected form when the document uses it, else the majority spelling (ties: the first seen).
- extra["spellings"]: every spelling in order of first use, with its count and "line:col" places.
Not reported: a group holding names of two different concepts (the glossary says they differ); a
group without a glossary name whose key weighs under MIN_NAME_WEIGHT letters (Bill/Bell, Ali/Aly);
and a group where every spelling but the expected one is already reported, with that same expected
form, by TC101 (a forbidden form) or TC102 (an unlisted variant), so a translator is not told twice.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from itertools import compress
from operator import itemgetter

from termcheck.contexts import DocumentContext
from termcheck.model import Finding
from termcheck.rules.registry import rule
from termcheck.rules.variants import (
    PARTICLES,
    NameSpan,
    NameSpans,
    _fields,
    at_sentence_start,
    is_name_like,
    name_spans,
    spelling,
    variant_index,
)
from termcheck.text.translit import NEAR_MIN_WEIGHT, key_weight, near_keys, near_signature, translit_key

TC104 = rule("TC104")

MIN_NAME_WEIGHT = 4


def inconsistent_spellings(ctx: DocumentContext) -> Iterator[Finding]:
    spans = name_spans(ctx)
    if len(spans) > DISTINCT_FROM:
        yield from _inconsistent_distinct(ctx, spans)
        return
    spans = [s for s in spans if s.key]
    groups, group_of = _groups(spans)
    _add_surnames_of_full_names(spans, group_of)
    for group in groups:
        if len(group) == 1:
            continue  # one name (most groups of a document): nothing to compare
        first = group[0].text
        if all(s.text == first for s in group):
            continue  # one spelling: nothing to report
        finding = _group_finding(ctx, group)
        if finding is not None:
            yield finding


# Past this many name spans a document's spans are grouped as distinct spans with counts
# (_inconsistent_distinct): a long text repeats its names, and a group is made of its spans only
# when it has two spellings to report (50 MB of one name 2.3 million times is one span there).
# Below it every span takes part itself, which costs less for an article.
DISTINCT_FROM = 20_000


def _inconsistent_distinct(ctx: DocumentContext, spans: NameSpans) -> Iterator[Finding]:
    """inconsistent_spellings over the distinct spans of a long document (NameSpans.distinct)."""
    distinct = [(span, count) for span, count in spans.distinct() if span.key]
    firsts = [span for span, _ in distinct]
    counts = {id(span): count for span, count in distinct}
    groups, group_of = _groups(firsts)
    tails = _add_surnames_of_full_names(firsts, group_of)  # id(surname span) -> (its name's span, surname)
    reported = []
    for group in groups:
        if len(group) == 1 and _count(group[0], counts, tails) == 1:
            continue
        first = group[0].text
        if all(s.text == first for s in group):
            continue
        reported.append(group)
    if not reported:
        return
    wanted = {_fields(tails[id(s)][0] if id(s) in tails else s) for group in reported for s in group}
    occurrences = spans.occurrences(wanted)
    for group in reported:
        every = []
        for span in group:
            if id(span) in tails:
                name, surname = tails[id(span)]
                every.extend(_tail(other, surname) for other in occurrences[_fields(name)])
            else:
                every.extend(occurrences[_fields(span)])
        every.sort(key=_start)
        finding = _group_finding(ctx, every)
        if finding is not None:
            yield finding


def _count(span: NameSpan, counts: dict[int, int], tails: dict[int, tuple]) -> int:
    """How many times the distinct span (or, for a surname, its name) stands in the document."""
    return counts[id(tails[id(span)][0])] if id(span) in tails else counts[id(span)]


def _by_key(spans: list[NameSpan]) -> dict[str, list[NameSpan]]:
    by_key: dict[str, list[NameSpan]] = {}
    for span in spans:
        by_key.setdefault(span.key, []).append(span)
    return by_key


def _neighbours(keys) -> dict[str, set[str]]:
    """For each key that has some, the keys of `keys` one edit away (translit.near_keys; a key
    with none is left out).

    Candidates come from an index: keys one romanization edit apart have the same
    `near_signature`, so only keys of one signature are compared (a document's names fall into
    buckets of one or two). This replaced a deletion neighbourhood of every key, a third of TC104's
    time on a 10 MB tree, with the same result."""
    keys = list(keys)
    signatures = list(map(_heavy_signature, keys))
    distinct = set(signatures)
    distinct.discard(None)
    if len(distinct) == len(signatures) - signatures.count(None):
        return {}  # no two keys share a signature (most documents): no bucket to compare, at C speed
    buckets: dict[str, list[str]] = {}
    for key, signature in zip(keys, signatures):
        if signature is not None:
            buckets.setdefault(signature, []).append(key)
    result: dict[str, set[str]] = {}
    for bucket in buckets.values():
        if len(bucket) > 1:
            for key in bucket:
                near = {other for other in bucket if near_keys(key, other)}
                if near:
                    result[key] = near
    return result


@lru_cache(maxsize=1 << 16)
def _heavy_signature(key: str) -> str | None:
    """near_signature of a key heavy enough for near keys, else None (one cached call a key)."""
    return near_signature(key) if key_weight(key) >= NEAR_MIN_WEIGHT else None


def _add_surnames_of_full_names(spans: list[NameSpan], group_of: dict[str, list[NameSpan]]) -> dict[int, tuple]:
    """A surname written alone is compared with the same surname inside full names.

    "al-Daraji" alone after "Ali Kadhim al-Darraji" is one surname written two ways. Only groups of
    one-word names take the last words of longer names in; two full names that share a surname
    ("Thaier al-Sudani", "Mohammed Shia al-Sudani") are never grouped by it. `group_of` maps each
    key to its group (_groups), which takes the surnames in.

    Cost: a group takes surnames in only when one has its key or a near one, which few groups of a
    document do; so the surnames are listed by key first (one cached call a span), and only the
    groups of those keys and of keys with their near_signature are visited: a surname's NameSpan is
    made, and a group's names asked if they are surname-shaped, for those alone (making every
    surname and testing every group was most of TC104 on the 10 MB bench tree).

    Returns each added surname span's name span and surname: id -> (span, surname).
    """
    added_from: dict[int, tuple] = {}
    tails_by_key: dict[str, list[tuple[NameSpan, tuple[str, int, str]]]] = {}
    found_all = list(map(_surnames, map(_text, spans)))  # at C speed: most names have no surname
    for span, found in zip(compress(spans, found_all), filter(None, found_all)):
        for surname in found:
            tails = tails_by_key.get(surname[2])
            if tails is None:
                tails_by_key[surname[2]] = [(span, surname)]
            else:
                tails.append((span, surname))
    if not tails_by_key:
        return added_from
    # tail keys by near_signature: a key near a tail key shares its signature (near_signature)
    tail_buckets: dict[str, list[str]] = {}
    for key in tails_by_key:
        signature = _heavy_signature(key)
        if signature is not None:
            tail_buckets.setdefault(signature, []).append(key)
    visited: dict[int, list[NameSpan]] = {}  # id -> group: a group whose key is a surname's or near one
    for key in tails_by_key:
        group = group_of.get(key)
        if group is not None:
            visited[id(group)] = group
    if tail_buckets:
        keys = list(group_of)
        for key, signature in zip(keys, map(_heavy_signature, keys)):
            if signature in tail_buckets:
                visited[id(group_of[key])] = group_of[key]
    for group in visited.values():
        keys = {s.key for s in group}
        wanted = keys & tails_by_key.keys()
        for key in keys:
            signature = _heavy_signature(key)
            if signature is not None and signature in tail_buckets:
                wanted.update(other for other in tail_buckets[signature] if near_keys(key, other))
        if not wanted or not all(_surname_shaped(s.text) for s in group):
            continue
        for key in wanted:
            for span, surname in tails_by_key[key]:
                tail = _tail(span, surname)
                added_from[id(tail)] = (span, surname)
                group.append(tail)
        group.sort(key=_start)
    return added_from


def _tail(span: NameSpan, surname: tuple[str, int, str]) -> NameSpan:
    """The NameSpan of a surname inside `span`: it keeps its name's concept (a glossary name's surname
    is not another concept's); in a name TC101 or TC102 rewrites it is reported already, and its house
    form is the surname they ask for."""
    last, offset, key = surname
    start = span.start + offset
    reported = span.kind == "variant" or (span.kind == "exact" and span.forbidden)
    words = len(last.split())
    house = " ".join(span.house.split()[-words:]) if reported and span.house else None
    return tuple.__new__(NameSpan, (start, start + len(last), last, key, "surname", span.concept, house, reported))


@lru_cache(maxsize=1 << 16)
def _surnames(text: str) -> tuple[tuple[str, int, str], ...]:
    """The surnames a name of `text` holds: its last word, and its particle and last word (none for
    a one-word name)."""
    return tuple(s for s in (_surname(text), _particle_surname(text)) if s is not None)


@lru_cache(maxsize=1 << 16)  # names repeat within a document and across a tree
def _surname(text: str) -> tuple[str, int, str] | None:
    """(last word, its offset in `text`, its key) of a name of two or more words whose last word
    can be a surname; None for a one-word name or a lower-case last word (N95 respirator)."""
    if " " not in text.strip():
        return None
    last = text.rsplit(None, 1)[1]
    if last in PARTICLES or not is_name_like(last):
        return None
    key = translit_key(last)
    return (last, text.rindex(last), key) if key else None


@lru_cache(maxsize=1 << 16)
def _particle_surname(text: str) -> tuple[str, int, str] | None:
    """(particle and last word, offset, key) of a name of three or more words whose surname opens with
    a particle: "Abou Jaoudeh" of "Marwan Abou Jaoudeh", compared with "Abu Jaoudeh" alone."""
    words = text.split()
    if len(words) < 3 or translit_key(words[-2]) not in PARTICLES or _surname(text) is None:
        return None
    tail = text[text.rindex(words[-2], 0, text.rindex(words[-1])):].rstrip()
    key = translit_key(tail)
    return (tail, text.rindex(tail), key) if key else None


def _surname_shaped(text: str) -> bool:
    """One word, or a particle and one word (Abu Jaoudeh): what a surname written alone looks like."""
    words = text.split()
    return len(words) == 1 or len(words) == 2 and translit_key(words[0]) in PARTICLES


def _groups(spans: list[NameSpan]) -> tuple[list[list[NameSpan]], dict[str, list[NameSpan]]]:
    """Spans grouped by key, keys one edit apart joined (union-find over the document's keys), and
    each key's group (the same list)."""
    by_key = _by_key(spans)
    near = _neighbours(by_key)
    if not near:  # no key has a near one: a group per key
        for group in by_key.values():
            if len(group) > 1:
                group.sort(key=_start)
        return list(by_key.values()), by_key
    parent = {key: key for key in near}  # only keys with neighbours are ever joined

    def root(key: str) -> str:
        while parent[key] != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    for key, others in near.items():
        for other in others:
            parent.setdefault(other, other)
            parent[root(other)] = root(key)
    groups: dict[str, list[NameSpan]] = {}
    for key, members in by_key.items():
        groups.setdefault(root(key) if key in parent else key, []).extend(members)
    for group in groups.values():
        if len(group) > 1:
            group.sort(key=_start)
    return list(groups.values()), {key: groups[root(key) if key in parent else key] for key in by_key}


_text = itemgetter(2)  # NameSpan.text, for map()


def _start(span: NameSpan) -> int:
    return span.start


def _spellings(group: list[NameSpan]) -> dict[str, list[NameSpan]]:
    spellings: dict[str, list[NameSpan]] = {}
    for span in group:
        spellings.setdefault(spelling(span.text), []).append(span)
    return spellings


def _group_finding(ctx: DocumentContext, group: list[NameSpan]) -> Finding | None:
    spellings = _spellings(group)
    if len(spellings) < 2:
        return None
    # Words of the language are no names (Police / Policy). Asked only here, for a group with two
    # spellings, so that most documents never load the word list.
    index = variant_index(ctx.matcher)
    ordinary = {id(s) for s in group
                if s.kind in ("name", "surname") and all(index.is_ordinary(w) for w in s.text.split())}
    if ordinary:
        group = [s for s in group if id(s) not in ordinary]
        spellings = _spellings(group)
        if len(spellings) < 2:
            return None
    concepts = {id(s.concept): s.concept for s in group if s.concept is not None}
    if len(concepts) > 1:
        return None
    concept = next(iter(concepts.values()), None)
    if concept is None and max(key_weight(s.key) for s in group) < MIN_NAME_WEIGHT:
        return None
    majority = max(spellings, key=lambda k: len(spellings[k]))  # first seen wins a tie
    house = _expected(group, concept)
    expected = house or spellings[majority][0].text
    wanted = spelling(expected)
    if all(_already_reported(s, wanted) for k, members in spellings.items() if k != wanted for s in members):
        return None
    reference = wanted if wanted in spellings else majority
    first = next(s for s in group if spelling(s.text) != reference)
    here = at_sentence_start(ctx, first.start, expected)
    return spelling_group_finding(ctx.doc, spellings, first, expected, concept.key if concept is not None else None,
                                  here=here, decided=house is not None or more_often(spellings, majority))


def more_often(spellings: dict, majority) -> bool:
    """The majority spelling is written more often than every other one (not a tie)."""
    return all(len(members) < len(spellings[majority]) for key, members in spellings.items() if key != majority)


def spelling_group_finding(doc, spellings: dict, first, expected: str, concept: str | None,
                           here: str | None = None, decided: bool = True) -> Finding:
    """One TC104 finding for a group: every spelling with its count and locations.

    `spellings` maps a spelling to its occurrences (anything with .start, .end, .text), `first`
    is the occurrence the finding points at; `here` is the expected form as written there when it
    differs from `expected` (al-Sudani capitalized at the start of a sentence). Not `decided`: no
    glossary form and no majority says which spelling is right, and the first seen is named as
    such, to be checked (al-Khouri ×1, Al-Khoury ×1: a fresh article pair's first spelling was its
    planted misspelling; in news copy a name's first, full mention is more often the careful one).
    """
    listing = [
        {
            "text": members[0].text,
            "count": len(members),
            "locations": ["{}:{}".format(*doc.index.line_col(s.start)) for s in members],
        }
        for members in spellings.values()
    ]
    counts = ", ".join(f"'{item['text']}' \u00d7{item['count']}" for item in listing)
    message = f"one name, {len(listing)} spellings in this document ({counts}); write '{expected}' throughout"
    if not decided:
        message += " (the first seen: no glossary form or majority decides; check which is right)"
    if here and here != expected:
        message += f" ('{here}' here, at the start of a sentence)"
    return Finding(
        rule=TC104.code,
        severity=TC104.severity,
        location=doc.location(first.start, first.end),
        found=first.text,
        message=message,
        expected=here or expected,
        concept=concept,
        extra={"spellings": listing},
    )


def _expected(group: list[NameSpan], concept) -> str | None:
    if concept is None:
        return None
    if all(s.kind == "surname" for s in group if s.concept is not None):
        # only the surname of a listed name is in the group: the surname as the glossary writes it, its
        # house form's last words (a variant's surname is written as the variant has it: al-Mutayri of
        # Ghazi al-Mutayri asked a fresh article pair to write al-Mutayri for the house's al-Mutairi)
        surname = next(s for s in group if s.concept is not None)
        words = len(surname.text.split())
        return " ".join(surname.house.split()[-words:]) if surname.house else surname.text
    houses = [s.house for s in group if s.house]
    preferred = concept.preferred("en")
    if preferred is not None and (not houses or any(spelling(h) == spelling(preferred.text) for h in houses)):
        return preferred.text
    return houses[0] if houses else None


def _already_reported(span: NameSpan, wanted: str) -> bool:
    """TC101 or TC102 already asks for `wanted` at this span."""
    reported = span.kind == "variant" or (span.kind in ("exact", "surname") and span.forbidden)
    return reported and span.house is not None and spelling(span.house) == wanted

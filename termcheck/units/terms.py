"""Glossary term rules per unit: TC101 forbidden target form, TC105 house form with another hamza,
TC201 missing term, TC202 wrong rendering, TC203 unexpected term.

A unit is one aligned pair, so no alignment is needed: a concept matched in the source (its
source-language form) must have a target-language form in the target, else a fuzzy window of the
target (terms_xlang.best_window) is a wrong rendering (TC202), else the term is missing (TC201).
A target form whose concept is not in the source is TC203, unless it is a name the catalogue's
other sources have, added to a target that renders all of its source (_a_clarification). A forbidden target form is TC101 where
the source names its concept, or anywhere when it only misspells an accepted form (`match.slips_from_accepted`:
by hamza, case, or a final ه for ة)
or the glossary lists the concept in the target's language alone. The findings are built by the
document rules' builders, so units and documents word them alike.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterable

from termcheck.formats.units import Unit, base_lang
from termcheck.match import Match, Matcher, slips_from_accepted
from termcheck.model import Concept, Finding, Location, Status
from termcheck.rules.forbidden import forbidden_finding
from termcheck.rules.hamza import hamza_finding, hamza_slip
from termcheck.rules.rendered import (
    modifier_before,
    names_something_else,
    rendered_otherwise,
    variant_excused,
)
from termcheck.rules.terms_xlang import (
    best_window,
    in_another_case,
    missing_term_finding,
    unexpected,
    wrong_rendering_finding,
)
from termcheck.text.arabic import complements_an_adjective, misdotted, strip_proclitics
from termcheck.text.normalize import normalize_form
from termcheck.text.ordinary_words import is_ordinary_word
from termcheck.units.finding import for_unit, unit_finding
from termcheck.units.locate import Locator
from termcheck.units.text import is_key, keyed_by_convention, prose

TERM_RULES = ("TC101", "TC105", "TC201", "TC202", "TC203")


def find_all(matcher: Matcher, texts: list[str], batch: int = 5000) -> tuple[list[list[Match]], list[str]]:
    """matcher.find over many short texts at C speed, and each text's normalized form.

    Each batch is joined with NUL separators (never part of a form, never white space, kept by
    normalization: no match can cross one) and normalized and matched once.
    """
    results: list[list[Match]] = []
    normalized: list[str] = []
    for first in range(0, len(texts), batch):
        chunk = [prose(t) for t in texts[first:first + batch]]
        starts = []
        position = 0
        for text in chunk:
            starts.append(position)
            position += len(text) + 1
        joined = "\x00".join(chunk)
        norm = matcher.normalize(joined)
        per_text: list[list[Match]] = [[] for _ in chunk]
        for match in matcher.find(joined, norm):
            k = bisect.bisect_right(starts, match.start) - 1
            offset = starts[k]
            # the constructor, not dataclasses.replace (a tenth of this function)
            per_text[k].append(Match(match.start - offset, match.end - offset, match.norm_start, match.norm_end,
                                     match.entries, match.exact))
        results.extend(per_text)
        normalized.extend(norm.text.split("\x00"))
    return results, normalized


def term_findings(units: list[Unit], matcher: Matcher, locator: Locator,
                  keys: frozenset[str] | None = None) -> Iterable[tuple[Unit, Finding]]:
    # An empty target is TC303's business. A plural entry's finding stands on a form for many n when
    # one has it: forms for one n (Arabic 0, 1, 2) come last (findings are sorted afterwards).
    keys = keyed_by_convention(units) if keys is None else keys
    units = sorted((u for u in units if u.target.strip()), key=lambda u: u.plural_single_n is not None)
    target_matches, _ = find_all(matcher, [u.target for u in units])
    source_matches, _ = find_all(matcher, [u.source for u in units])
    in_entry = _rendered_per_plural_entry(units, target_matches)
    mentioned_in: dict[str, set[str]] | None = None  # _sources_naming, when a TC203 asks
    missing_in_entry: set[tuple] = set()
    # (plural entry, the form written) -> its one TC101 however many forms use it, and the others' lines
    forbidden_in_entry: dict[tuple, tuple[tuple[Unit, Finding], list[str]]] = {}
    for unit, in_target, in_source in zip(units, target_matches, source_matches):
        if not in_source and not in_target:
            continue
        target_text = prose(unit.target)
        target_lang, source_lang = base_lang(unit.target_lang), base_lang(unit.source_lang)
        keyed = is_key(unit.source, keys)  # no source text: every forbidden form counts, nothing else can be told
        if keyed:
            in_source = ()
        in_source_concepts = {id(e.concept) for m in in_source for e in m.entries if e.term.lang == source_lang}
        source_concepts = {e.concept.key: e.concept for m in in_source for e in m.entries}  # either language
        rendered: dict[int, Concept] = {}
        added: list[tuple[Unit, Finding]] = []  # TC203, told after the source's terms (_a_clarification)
        missing = False
        counts = None  # _mentions_and_renderings, when a forbidden form asks
        told: set[int] = set()  # where a TC101 under another term's match stands
        for match in in_target:
            entries = [e for e in match.entries if e.term.lang == target_lang]
            rendered.update((id(e.concept), e.concept) for e in entries)
            if match.exact and target_lang == "ar" and \
                    (house := hamza_slip(unit.target[match.start:match.end], match.entries)) is not None:
                found, location, span = _in_target(unit, match, locator)
                yield for_unit(unit, hamza_finding(found, house, location, match.entries[0].concept.key, span))
            if not keyed:
                entries = _as_the_named_concepts(entries, in_source_concepts)
            if entries and all(e.term.status is Status.FORBIDDEN for e in entries):
                # the concepts the source names; of a form forbidden in two (تحميل for upload and download),
                # the house form of the one named
                named = [e for e in entries if id(e.concept) in in_source_concepts
                         or _verb_form_in(e.concept, unit.source, source_lang)
                         or in_another_case(e.concept, unit.source, source_lang)
                         or _inside_a_longer_term(e.concept, in_source, source_lang)]
                slip = any(slips_from_accepted(e) for e in entries)
                if named and not slip:
                    if counts is None:  # once a unit: a 170 KB unit has thousands of matches
                        counts = _mentions_and_renderings(in_source, in_target, source_lang, target_lang)
                    if all(0 < counts[0][id(e.concept)] <= counts[1][id(e.concept)] for e in named):
                        continue  # 'Number of results' as حصيلة نتائج البحث: نتائج renders the one 'results'
                if keyed or named or slip or any(not e.concept.forms(source_lang) for e in entries):
                    # a misspelling (تأريخ) is wrong whatever the source says; another word (وصلة for رابط)
                    # is forbidden as the concept's rendering only: 'mounts' may be وصلات
                    if unit.plural_sources is not None:
                        written = (_entry(unit), unit.target[match.start:match.end])
                        if written in forbidden_in_entry:
                            forbidden_in_entry[written][1].append(
                                f"line {unit.line}" if unit.line else f"form {unit.plural_index}")  # a .mo has no lines
                        else:
                            forbidden_in_entry[written] = (_forbidden(unit, match, (named or entries)[0], locator), [])
                        continue
                    yield _forbidden(unit, match, (named or entries)[0], locator)
            elif entries and not keyed and not any(id(e.concept) in in_source_concepts for e in entries):
                if target_lang == "ar" and complements_an_adjective(unit.target, match.start):
                    continue  # متعددة الأطراف is 'multilateral', not the parties
                concepts = list({id(e.concept): e.concept for e in entries}.values())
                if not unexpected(concepts, unit.source, source_lang, source_concepts.values(),
                                  all(e.term.status is Status.ALLOWED for e in entries)):
                    continue
                found = unit.target[match.start:match.end]
                added.append(unit_finding(
                    "TC203", unit, locator.target(unit, found), found,
                    f"'{found}' ({concepts[0].key}) is in the target but not in its source text",
                    concept=concepts[0].key,
                ))
        if not keyed and any(" " in target_text[m.start:m.end] for m in in_target):
            # a form that partly overlaps a longer match renders its concept too; a forbidden one the source
            # names is TC101 (نقلات آمنة تماما: 'super safe' as آمنة تماما under 'safe moves' نقلات آمنة)
            for match in _under_another_term(target_text, in_target, matcher):
                entries = [e for e in match.entries if e.term.lang == target_lang]
                rendered.update((id(e.concept), e.concept) for e in entries)
                if entries and all(e.term.status is Status.FORBIDDEN for e in entries) \
                        and any(id(e.concept) in in_source_concepts for e in entries) and match.start not in told:
                    told.add(match.start)
                    yield _forbidden(unit, match, next(e for e in entries if id(e.concept) in in_source_concepts),
                                     locator)
        rendered_keys = {c.key for c in rendered.values()}
        asked: set[frozenset[str]] = set()
        variants_reported: set[tuple[str, tuple[int, int]]] = set()  # one TC202 a target span and concept
        for match in in_source:
            # One source mention is one term, whichever of its concepts the target renders.
            mentioned = list({id(e.concept): e.concept for e in match.entries if e.term.lang == source_lang}.values())
            concepts = [c for c in mentioned if c.preferred(target_lang) is not None]
            if not concepts or any(id(c) in rendered for c in mentioned):
                continue
            source_text = unit.source[match.start:match.end]
            modifier = modifier_before(unit.source, match.start)
            question = (frozenset(c.key for c in mentioned), source_text, modifier)
            if question in asked:
                continue  # the same mention again in this unit: the same answer (a 170 KB msgid asked 10,000 times)
            asked.add(question)
            if names_something_else(concepts, unit.source, match.start, match.end, source_lang, target_text):
                continue  # 'Medicine' in 'School of Medicine': the name is rendered, not the term
            found_variant = False
            for concept in concepts:
                variant = best_window(unit.target, ((0, len(unit.target)),), target_lang,
                                      [t.text for t in concept.forms(target_lang)],
                                      [(m.start, m.end) for m in in_target], matcher)
                if variant is not None:
                    found_variant = True
                    found = unit.target[variant[0]:variant[1]]
                    if variant_excused(concept, source_text, unit.target, variant, target_lang) \
                            and not _misdotted_form(found, concept, target_lang):
                        break  # a derived form of a common term (انتشر for الانتشار), the name inflected
                    if (concept.key, variant) in variants_reported:
                        break  # the acronym and its spelt-out name both in the source ('First In First Out (FIFO)')
                    variants_reported.add((concept.key, variant))
                    missing = True
                    yield for_unit(unit, wrong_rendering_finding(
                        concept, concept.preferred(target_lang).text, found, locator.target(unit, found),
                        locator.source(unit, source_text), source_text))
                    break
            if unit.plural_single_n is not None and any(c.key in in_entry.get(_entry(unit), ()) for c in concepts):
                continue  # a form for one n words it freely (هذا المجلد فارغ for 0 files); another form has the term
            if not found_variant and not any(
                    rendered_otherwise(c, source_text, target_text, target_lang, matcher, rendered_keys, source_concepts,
                                       modifier)
                    for c in concepts):
                concept = concepts[0]
                missing = True
                if unit.plural_sources is not None:
                    if (_entry(unit), concept.key) in missing_in_entry:
                        continue  # one finding per plural entry, on its first form without the term
                    missing_in_entry.add((_entry(unit), concept.key))
                yield for_unit(unit, missing_term_finding(
                    concept, concept.preferred(target_lang).text, _segment_start(locator, unit), "",
                    locator.source(unit, source_text), source_text, match))
        if added and not missing and not _a_name_left_out(unit.source, unit.target):
            if mentioned_in is None:
                mentioned_in = _sources_naming(units, source_matches)
            added = [found for found in added if not _a_clarification(found[1].concept, unit.path, mentioned_in)]
        yield from added
    for (unit, finding), others in forbidden_in_entry.values():
        if others:  # the entry's other forms that write it: one finding, every place to fix named
            finding.message += f" (also in this entry's form{'s' if len(others) > 1 else ''} at " \
                               f"{', '.join(others)})"
        yield unit, finding


def _under_another_term(text: str, matches: list[Match], matcher: Matcher) -> list[Match]:
    """Glossary matches that partly overlap one of `matches` (the text's, which never overlap), so
    that the matcher's longest-first choice left them out: in نقلات آمنة تماما, 'safe moves' (نقلات
    آمنة) hides 'super safe' written in a form the house forbids (آمنة تماما), which a held-out
    game catalogue's reviewer found reported as missing instead. Each is found by matching the text
    from a word inside a match to the end, and from the start to a word inside a match."""
    found: list[Match] = []
    for match in matches:
        inner = [w.start() for w in _WORD_START.finditer(text, match.start + 1, match.end)]
        for cut in inner:  # a form that starts inside the match, within a form's length after it
            stop = _word_boundary_after(text, match.end + _LONGEST_FORM)
            found += [_shifted(m, cut) for m in matcher.find(text[cut:stop]) if m.start == 0 and cut + m.end > match.end]
        for cut in (w.end() for w in _WORD_END.finditer(text, match.start, match.end - 1)):
            first = _word_boundary_before(text, match.start - _LONGEST_FORM)
            found += [_shifted(m, first) for m in matcher.find(text[first:cut])
                      if first + m.end == cut and first + m.start < match.start]
    return found


_LONGEST_FORM = 200  # characters: no glossary form is longer, so the text around a match is bounded (a
# 170 KB msgid with thousands of matches must not be matched again from each of them to its end)


def _word_boundary_after(text: str, at: int) -> int:
    if at >= len(text):
        return len(text)
    space = _SPACE.search(text, at)
    return space.start() if space else len(text)


def _word_boundary_before(text: str, at: int) -> int:
    if at <= 0:
        return 0
    space = text.rfind(" ", 0, at)
    return space + 1 if space >= 0 else 0


_SPACE = re.compile(r"\s")


_WORD_START = re.compile(r"(?<=\s)\w")
_WORD_END = re.compile(r"\w(?=\s)")


def _shifted(match: Match, by: int) -> Match:
    return Match(match.start + by, match.end + by, match.norm_start + by, match.norm_end + by, match.entries,
                 match.exact)


def languages_without_terms(units: Iterable[Unit], matcher: Matcher) -> list[tuple[str, str, int]]:
    """(path, language, units) for each file whose units' source or target language has no form
    in the glossary: TC201-TC203 cannot see its terms (a Symfony XLIFF declaring
    source-language="fr" over English sources was silently left unchecked), so the command says so."""
    langs = {term.lang for concept in matcher.glossary.concepts for term in concept.terms}
    missing: dict[tuple[str, str], int] = {}
    for unit in units:
        for lang in {base_lang(unit.source_lang), base_lang(unit.target_lang)}:
            if lang not in langs:
                missing[(unit.path, lang)] = missing.get((unit.path, lang), 0) + 1
    return [(path, lang, count) for (path, lang), count in missing.items()]


def _sources_naming(units: list[Unit], source_matches: list) -> dict[str, set[str]]:
    """Concept key -> the files whose sources name it (in the source language)."""
    named: dict[str, set[str]] = {}
    for unit, matches in zip(units, source_matches):
        lang = base_lang(unit.source_lang)
        for match in matches:
            for entry in match.entries:
                if entry.term.lang == lang:
                    named.setdefault(entry.concept.key, set()).add(unit.path)
    return named


def _a_clarification(concept_key: str | None, path: str, mentioned_in: dict[str, set[str]]) -> bool:
    """A name the target adds to a unit whose source terms (and unlisted names) it all renders, and
    that other sources of the same catalogue name, is the translator's clarification: the product's own name ('Token' as
    توكين ألترا مسج), its service ('sending text message' ... للواتساب), the kind of a disc named in
    Latin (قرص DVD, with CD elsewhere). In 48 held-out catalogues every TC203 was such an addition.
    A name no source of the file has, or one standing where a source term goes unrendered, still
    comes from nowhere."""
    return path in mentioned_in.get(concept_key or "", ())


_CAPITALIZED = re.compile(r"[^\W\d_]*[A-Z][^\W\d_]*")


def _a_name_left_out(source: str, target: str) -> bool:
    """The source has a capitalized word that is no word of the language and that the target does
    not keep as written: a name the glossary does not list, for which the target's name may stand
    (TICO-19: 'the Huanan Seafood Wholesale Market' as سوق ووهان)."""
    kept = target.casefold()
    return any(not is_ordinary_word(word) and word.casefold() not in kept
               for word in _CAPITALIZED.findall(source))


def _entry(unit: Unit) -> tuple:
    return unit.path, unit.id, unit.context, unit.plural_sources


def _rendered_per_plural_entry(units: list[Unit], target_matches: list[list[Match]]) -> dict[tuple, set[str]]:
    """Concept keys each PO plural entry renders in any of its forms."""
    rendered: dict[tuple, set[str]] = {}
    for unit, matches in zip(units, target_matches):
        if unit.plural_sources is not None:
            lang = base_lang(unit.target_lang)
            rendered.setdefault(_entry(unit), set()).update(
                e.concept.key for m in matches for e in m.entries if e.term.lang == lang)
    return rendered


def _segment_start(locator: Locator, unit: Unit) -> Location:
    """An empty span where the unit's target text begins (the line start when it cannot be found).
    The head looked for stops before a character the file may write escaped (\\" in PO, &lt; in
    XLIFF): the unit holds the text unescaped."""
    head = _ESCAPED_IN_FILES.split(unit.target.strip(), 1)[0].split("\n", 1)[0][:24]
    location = locator.target(unit, head)
    return Location(location.path, location.start, location.start, location.line, location.column, location.line,
                    location.column)


_ESCAPED_IN_FILES = re.compile(r'["\\&<>\t]')


def _inside_a_longer_term(concept: Concept, in_source, lang: str) -> bool:
    """A term the source names inside a longer one the glossary lists ('E_ncryption password' matched
    as encryption password): its forbidden form in the target still counts (كلمة السر for the password
    of the house's كلمة مرور التشفير: a held-out Déjà Dup catalogue's two misses)."""
    forms = [f" {t.text.lower()} " for t in concept.forms(lang) if t.status is not Status.FORBIDDEN]
    return any(form in f" {e.term.text.lower()} " and e.concept is not concept
               for m in in_source for e in m.entries if e.term.lang == lang for form in forms)


def _misdotted_form(found: str, concept: Concept, lang: str) -> bool:
    """An accepted form of the concept misspelt by its letters' dots alone (text.arabic.misdotted):
    held-out catalogues wrote قائمة الأمنبات for the house قائمة الأمنيات, المحموعات for المجموعات; no
    inflection of a common term does that, so it is a wrong rendering (TC202), not a derived form."""
    if lang != "ar":
        return False
    written = _bare_first_word(normalize_form(found))
    return any(misdotted(written, _bare_first_word(normalize_form(form.text))) for form in concept.accepted(lang))


def _bare_first_word(text: str) -> str:
    first, _, rest = text.partition(" ")
    return f"{strip_proclitics(first)} {rest}".strip()


def _as_the_named_concepts(entries: list, in_source_concepts: set[int]) -> list:
    """A form accepted in one concept and forbidden in another (تقييم: assessment's house form,
    forbidden for feedback) reads as the concept the source names: 'Feedback' as تقييم is TC101
    (a held-out Open edX catalogue); with 'assessment' in the source, or neither, it is left as it is."""
    if all(e.term.status is Status.FORBIDDEN for e in entries) or not any(
            e.term.status is Status.FORBIDDEN for e in entries):
        return entries
    if any(id(e.concept) in in_source_concepts for e in entries if e.term.status is not Status.FORBIDDEN):
        return entries
    named = [e for e in entries if e.term.status is Status.FORBIDDEN and id(e.concept) in in_source_concepts]
    return named or entries


def _mentions_and_renderings(in_source: list[Match], in_target: list[Match], source_lang: str,
                             target_lang: str) -> tuple[Counter, Counter]:
    """(source mentions, accepted target renderings) per concept id. Where the target renders a
    named concept with an accepted form as often as the source names it, a forbidden form of it
    beside them stands for another word of the source (a held-out searx catalogue: 'Number of
    results' as حصيلة نتائج البحث, حصيلة for 'number of')."""
    mentions, renderings = Counter(), Counter()
    for m in in_source:
        mentions.update({id(e.concept) for e in m.entries if e.term.lang == source_lang})
    for m in in_target:
        renderings.update({id(e.concept) for e in m.entries
                           if e.term.lang == target_lang and e.term.status is not Status.FORBIDDEN})
    return mentions, renderings


def _verb_form_in(concept: Concept, source: str, lang: str) -> bool:
    """The source has a one-word English form of the concept as a verb, -ed or -ing ('No logo uploaded'
    for upload, 'Updating plugin' for update): the matcher takes plurals only, and a forbidden target
    form (تحميل for upload) was let pass as the rendering of something else (a held-out WordPress
    catalogue). Asked only for a forbidden form the target has, never to find a term."""
    if lang != "en":
        return False
    verbs = _EN_VERB_FORM.findall(source.lower())
    return bool(verbs) and any(_inflects(form.text.lower(), verb) for form in concept.forms(lang)
                               if form.text.isalpha() for verb in verbs)


_EN_VERB_FORM = re.compile(r"\b[a-z]{3,}(?:ed|ing)\b")


def _inflects(form: str, verb: str) -> bool:
    """Is `verb` (-ed, -ing) the form itself inflected: uploaded, updating, stopped? Not a verb that
    only shares the form's stem: 'No items selected' names no 'selection' (a held-out PhotoPrism
    catalogue's تحديد, 'selecting', was taken for the forbidden التحديد)."""
    base = verb[:-2] if verb.endswith("ed") else verb[:-3]
    return form in (base, base + "e") or len(base) > 2 and base[-1] == base[-2] and form == base[:-1]


def _forbidden(unit: Unit, match, entry, locator: Locator) -> tuple[Unit, Finding]:
    found, location, span = _in_target(unit, match, locator)
    return for_unit(unit, forbidden_finding(entry, found, location, fix_span=span, exact=match.exact))


def _in_target(unit: Unit, match, locator: Locator) -> tuple[str, Location, tuple[int, int] | None]:
    """The match's text, its place in the file, and the span a fix replaces there (None where the
    locator did not find the text as written: fix.attach_unit_fixes escapes it for the file's syntax)."""
    found = unit.target[match.start:match.end]
    nth = unit.target.count(found, 0, match.start)  # the word itself, not the same letters inside an earlier word
    location = locator.target(unit, found, nth)
    span = (location.start, location.end) if location.end - location.start == len(found) else None
    return found, location, span

"""TC201 missing-term, TC202 wrong-rendering, TC203 unexpected-term; enrichment of target TC101/TC102.

A glossary concept matched in a source bead (its source-language form, any status) must appear in
the aligned target: as any target-language form of the concept (preferred, allowed or forbidden:
a forbidden form is TC101's business) or as a variant that lint already reported (TC102). Failing
that, a fuzzy search of the bead (transliteration keys) finds an unlisted rendering (TC202);
failing that too, the term is missing (TC201). Every check accepts what it finds in the bead's
paragraph-level group, so a sentence misaligned inside its paragraph is not reported.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache

from termcheck.match import Match
from termcheck.model import Applicability, Concept, Document, Finding, Fix, Location, Status, Term
from termcheck.rules.bilingual import BeadView, PairContext, Span, with_confidence
from termcheck.rules.registry import rule
from termcheck.rules.rendered import (
    ACRONYM,
    NAME_PARTICLES,
    abbreviates,
    in_other_number_near,
    modifier_before,
    named_by_acronym,
    names_something_else,
    rendered_otherwise,
    same_stem,
    variant_excused,
)
from termcheck.text.arabic import CONJUNCTIONS, LAM, PREPOSITIONS, complements_an_adjective
from termcheck.text.normalize import normalize_form
from termcheck.text.translit import near_keys, translit_key

TC201, TC202, TC203 = rule("TC201"), rule("TC202"), rule("TC203")
RENDERING_RULES = ("TC101", "TC102")  # lint findings on the target that render a source term
FUZZY_THRESHOLD = 0.84
_LONGEST_FORM = 200  # characters; a glossary form (or reported span) longer than this is not a name


@dataclass(frozen=True)
class SourceTerm:
    """The first mention of a concept in a source bead."""

    concepts: tuple[Concept, ...]  # several when one source form belongs to several concepts
    match: Match


def missing_and_unexpected_terms(ctx: PairContext) -> Iterator[Finding]:
    reported: set[Span] = set()  # target spans already reported as TC202
    for view in ctx.beads:
        if view.one_sided:
            continue  # 1-0 beads are TC205's; 0-1 beads have no source to compare with
        yield from _missing_terms(ctx, view, reported)
        yield from _short_forms_in_misspelt_names(ctx, view, reported)
        yield from _unexpected_terms(ctx, view)


def source_terms(ctx: PairContext, spans: Iterable[Span]) -> list[SourceTerm]:
    """Source-language glossary mentions in `spans`, one per concept set, in text order."""
    spans = tuple(spans)
    lang = ctx.source.doc.lang
    seen: set[frozenset[str]] = set()
    terms = []
    for match in ctx.source_matches().within(spans):
        concepts = tuple(_concepts(match, lang))
        keys = frozenset(c.key for c in concepts)
        if concepts and keys not in seen:
            seen.add(keys)
            terms.append(SourceTerm(concepts, match))
    return terms


def _concepts(match: Match, lang: str) -> Iterator[Concept]:
    seen = set()
    for entry in match.entries:
        if entry.term.lang == lang and entry.concept.key not in seen:
            seen.add(entry.concept.key)
            yield entry.concept


def rendered_concepts(ctx: PairContext, spans: tuple[Span, ...]) -> set[str]:
    """Concept keys the target renders inside `spans`: any target-language form, or a lint finding
    that names the concept (a reported variant is a rendering, if a wrong one)."""
    lang = ctx.target.doc.lang
    keys = {c.key for m in ctx.target_matches().within(spans) for c in _concepts(m, lang)}
    keys.update(f.concept for f in ctx.target_lint().within(spans) if f.concept)
    return keys


def _missing_terms(ctx: PairContext, view: BeadView, reported: set[Span]) -> Iterator[Finding]:
    target_lang = ctx.target.doc.lang
    terms = source_terms(ctx, view.source_spans)
    if not terms:
        return
    in_bead = rendered_concepts(ctx, view.target_spans)
    in_group = rendered_concepts(ctx, view.target_group)
    in_source: set[str] | None = None
    for term in terms:
        expectable = [c for c in term.concepts if c.forms(target_lang)]
        if not expectable or any(c.key in in_bead or c.key in in_group for c in expectable):
            continue
        group_text = " ".join(ctx.target.text[a:b] for a, b in view.target_group)
        if names_something_else(expectable, ctx.source.text, term.match.start, term.match.end, ctx.source.doc.lang,
                                group_text):
            continue  # 'Medicine' in 'School of Medicine': the name is rendered, not the term
        concept = expectable[0]
        preferred = concept.preferred(target_lang) or concept.forms(target_lang)[0]
        source_loc, source_text = _source_of(ctx.source.doc, term.match)
        variant = None
        for c in expectable:
            variant = find_variant(ctx, c, view.target_spans) or find_variant(ctx, c, view.target_group)
            if variant is not None:
                concept = c
                preferred = c.preferred(target_lang) or c.forms(target_lang)[0]
                break
        if variant is not None:
            if variant in reported or variant_excused(concept, source_text, ctx.target.text, variant, target_lang):
                continue  # reported already; a derived form of a common term; the name inflected
            reported.add(variant)
            yield with_confidence(_wrong_rendering(ctx, concept, preferred.text, variant, source_loc, source_text), view)
            continue
        if in_source is None:
            in_source = _source_concepts(ctx, view.source_group)
        modifier = modifier_before(ctx.source.text, term.match.start)  # English only: it reads [a-z]
        if any(rendered_otherwise(c, source_text, group_text, target_lang, ctx.matcher, in_bead | in_group, in_source,
                                  modifier) for c in expectable):
            continue  # kept in Latin, a derived form (تفشت for التفشي), a name's word, a compound's parts
        if any(_variant_reported_by_lint(ctx, c, view.target_spans + view.target_group) for c in expectable):
            continue  # rendered by a variant that the target's own check reports (TC104 ليندجرين)
        first = view.target_spans[0][0]
        yield with_confidence(
            missing_term_finding(concept, preferred.text, ctx.target.doc.location(first, first), "",
                                 source_loc, source_text, term.match),
            view,
        )


def _short_forms_in_misspelt_names(ctx: PairContext, view: BeadView, reported: set[Span]) -> Iterator[Finding]:
    """An Arabic target name rendered by its allowed short form inside a misspelt full name: with
    السويدي allowed for نورة السويدي, 'نورا السويدي' is the full name misspelt, not the short form
    beside a word (TC202), as TC102 reads 'Mohammed Raad' in English (rules.variants). Asked where
    the source bead names the concept; the words before the short form, as many as the full form
    has more, must be close to the full form's first words (best_window), and the whole not the
    name in another number."""
    lang = ctx.target.doc.lang
    if lang != "ar":
        return  # English targets: TC102 reports the variant and names the concept (rendered_concepts)
    text = ctx.target.text
    named = {c.key: term for term in source_terms(ctx, view.source_spans) for c in term.concepts}
    for match in ctx.target_matches().within(view.target_spans):
        words = len(text[match.start:match.end].split())
        for concept in _concepts(match, lang):
            term = named.get(concept.key)
            longer = [f.text for f in concept.accepted(lang) if len(f.text.split()) > words] if concept.is_name else []
            if term is None or not longer:
                continue
            extra = max(len(f.split()) for f in longer) - words
            before = [t.start() for t in _ARABIC_TOKEN.finditer(text, max(0, match.start - _LONGEST_FORM), match.start)]
            if not before:
                continue
            window = best_window(text, [(before[-extra:][0], match.end)], lang, longer, [], ctx.matcher)
            if window is None or window[1] - window[0] <= match.end - match.start or window in reported \
                    or in_other_number_near(text, window, concept, lang, longer_than=words):
                continue
            if not _like_the_first_words(text[window[0]:match.start], longer, words, ctx.matcher):
                continue  # the words before are not the name's (لدى عبيدات: the surname after a preposition)
            reported.add(window)
            preferred = concept.preferred(lang) or concept.forms(lang)[0]
            source_loc, source_text = _source_of(ctx.source.doc, term.match)
            yield with_confidence(_wrong_rendering(ctx, concept, preferred.text, window, source_loc, source_text), view)


def _like_the_first_words(before: str, forms: list[str], short: int, matcher) -> bool:
    """The words before a short form may be a misspelling of a full form's first words: none is a
    function word, and each begins like the form's word it stands for (نورا for نورة; a misspelt
    name keeps its first sound, where لدى is no خالد)."""
    from termcheck.text.arabic import FUNCTION_WORDS

    written = _ARABIC_TOKEN.findall(before)
    if not written or any(normalize_form(w) in FUNCTION_WORDS for w in written):
        return False
    initials = [_initial(w, matcher) for w in written]
    return any(len(f.split()) - short == len(initials) and all(
        initial and initial == _initial(w, matcher) for initial, w in zip(initials, f.split())) for f in forms)


def _initial(word: str, matcher) -> str:
    """The sound class a word begins with (ت and ث alike: تاناسيس / ثاناسيس), its first letter
    when it begins with none."""
    key = _token_key(word, matcher)
    return _skeleton(key)[:1] or key[:1]


def missing_term_finding(concept: Concept, expected: str, location: Location, found: str,
                         source_loc: Location, source_text: str, source_match: Match | None = None) -> Finding:
    """The TC201 finding (documents and units alike): `source_text` has no rendering in the target
    segment; `location` is the start of that segment (an empty span, `found` empty), in `check` and
    `units` alike. Where the source has only a one-word short form of a longer term (الثقة for منح
    الثقة), the message says how to tell termcheck the word means something else there: on
    blind pairs such words in their everyday sense (الثقة مفقودة, trust is lost) were the commonest
    false TC201."""
    hint = ""
    full = _full_form_of_short(concept, source_match)
    if full is not None:
        hint = (f" ('{source_text}' is a short form of '{full.text}': where it means something else, list the "
                f"phrase in {full.lang}_false_friends)")
    return Finding(
        rule=TC201.code,
        severity=TC201.severity,
        location=location,
        found=found,
        message=f"'{source_text}' ({concept.key}) is not rendered in the target; expected '{expected}'{hint}",
        expected=expected,
        concept=concept.key,
        source=source_loc,
        source_text=source_text,
    )


def _full_form_of_short(concept: Concept, match: Match | None) -> Term | None:
    """The concept's preferred form when `match` holds only one-word allowed forms of it that are
    words of that longer form (الثقة of منح الثقة; not 'login' for 'sign in', another way to say it);
    else None."""
    if match is None:
        return None
    own = [e.term for e in match.entries if e.concept.key == concept.key]
    if not own or any(t.status is not Status.ALLOWED or " " in t.text.strip() for t in own):
        return None
    preferred = concept.preferred(own[0].lang)
    if preferred is None or " " not in preferred.text.strip():
        return None
    words = set(normalize_form(preferred.text).split())
    return preferred if all(normalize_form(t.text) in words for t in own) else None


def _wrong_rendering(ctx: PairContext, concept: Concept, preferred: str, span: Span,
                     source_loc: Location, source_text: str) -> Finding:
    doc = ctx.target.doc
    return wrong_rendering_finding(concept, preferred, doc.text[span[0]:span[1]], doc.location(*span),
                                   source_loc, source_text, fix_span=span)


def wrong_rendering_finding(concept: Concept, preferred: str, found: str, location: Location,
                            source_loc: Location, source_text: str, fix_span: Span | None = None) -> Finding:
    """The TC202 finding (documents and units alike); an unsafe fix when the offsets are the text's own."""
    return Finding(
        rule=TC202.code,
        severity=TC202.severity,
        location=location,
        found=found,
        message=(f"'{found}' renders '{source_text}' ({concept.key}) with a spelling the glossary "
                 f"does not list; write '{preferred}'"),
        expected=preferred,
        concept=concept.key,
        fix=Fix(fix_span[0], fix_span[1], preferred, Applicability.UNSAFE) if fix_span else None,
        source=source_loc,
        source_text=source_text,
    )


def _unexpected_terms(ctx: PairContext, view: BeadView) -> Iterator[Finding]:
    target_lang, doc = ctx.target.doc.lang, ctx.target.doc
    matches = ctx.target_matches().within(view.target_spans)
    if not matches:
        return  # most beads: the source group need not be read (a million-line pair spent ~5 s on it)
    in_source = _source_concepts(ctx, view.source_group)
    source_text = " ".join(ctx.source.text[a:b] for a, b in view.source_group)
    for match in matches:
        concepts = list(_concepts(match, target_lang))
        if not concepts or any(c.key in in_source for c in concepts):
            continue
        if target_lang == "ar" and complements_an_adjective(doc.text, match.start):
            continue  # متعددة الأطراف is 'multilateral', not the parties
        by_key = ctx.matcher.glossary.by_key()
        allowed_only = all(e.term.status is Status.ALLOWED for e in match.entries if e.term.lang == target_lang)
        if not unexpected(concepts, source_text, ctx.source.doc.lang, [by_key[k] for k in in_source if k in by_key],
                          allowed_only):
            continue
        if any(find_variant(ctx, c, view.source_group, side="source") for c in concepts):
            continue  # the source writes the term with an unlisted spelling (lint's TC102 there)
        concept = concepts[0]
        found = doc.text[match.start:match.end]
        source_form = concept.preferred(ctx.source.doc.lang)
        hint = f" ('{source_form.text}')" if source_form else ""
        yield with_confidence(
            Finding(
                rule=TC203.code,
                severity=TC203.severity,
                location=doc.location(match.start, match.end),
                found=found,
                message=f"'{found}' ({concept.key}) has no counterpart{hint} in the aligned source",
                concept=concept.key,
            ),
            view,
        )


def unexpected(concepts: list[Concept], source_text: str, source_lang: str,
               source_concepts: Iterable[Concept] = (), allowed_only: bool = False) -> bool:
    """Whether a target term with no glossary counterpart in the aligned source is worth a TC203.

    Only names are: a common term (its English form lower case: disease, مرض) has synonyms a
    translator may rightly render it from (illness, sickness), so its appearance proves nothing,
    also when the same words are a name's form too (فيروس كورونا الجديد: new coronavirus, SARS-CoV-2).
    A term is not unexpected when the source names any of its concepts in part or by an acronym:
    a surname alone (بري for Nabih Berri, Berri for Nabih Berri), a distinctive word of the form
    ('novel CoVs' for novel coronavirus), the acronym of the form or the form the acronym stands for
    (SARS for severe acute respiratory syndrome, Centers for Disease Control for CDC), or when the
    source names (`source_concepts`, in either language) the concept listed apart as its acronym or
    spelt-out name (الوكالة اليابانية للتعاون الدولي for JICA). A capitalized English word of the
    language is no name here: a defined term ('the Service', 'User' in terms of service) is a common
    noun in the Arabic (المستخدم for the source's 'you'), and so is its other sense (خدمة العملاء).
    Nor is a target word matched only by an allowed form (`allowed_only`) of an acronym's concept:
    رابط, allowed for URL, renders 'link' too (a held-out SearXNG catalogue's two false TC203)."""
    if allowed_only and all(_acronym_only(c) for c in concepts):
        return False
    return all(c.is_name and not _defined_term(c) for c in concepts) and not any(
        mentioned_in_part(c, source_text, source_lang) or named_by_acronym(c, source_text, source_lang)
        or any(abbreviates(c, other) for other in source_concepts) or in_another_case(c, source_text, source_lang)
        for c in concepts)


def in_another_case(concept: Concept, text: str, lang: str) -> bool:
    """The source writes a form in another case: an acronym the matcher takes in capitals only (the
    WHO is not 'who') is still named by 'add cv' for CV (a held-out Symfony catalogue's false TC203),
    and 'Seo name' names SEO, whose forbidden rendering is then reported (a held-out Odoo catalogue)."""
    lowered = text.lower()
    return lang == "en" and any(
        re.search(rf"(?<![^\W_]){re.escape(t.text.lower())}(?![^\W_])", lowered)
        for t in concept.forms(lang) if t.text.isupper())  # only the forms matched in capitals alone


_WORD = re.compile(r"[^\W\d_]+")


def _acronym_only(concept: Concept) -> bool:
    forms = concept.forms("en")
    return bool(forms) and all(ACRONYM.fullmatch(t.text.strip()) for t in forms)


def _defined_term(concept: Concept) -> bool:
    """Every English form one capitalized word of the language (Service, User; not Wuhan, Masar)."""
    from termcheck.text.ordinary_words import is_ordinary_word

    forms = [t.text.strip() for t in concept.forms("en")]
    return bool(forms) and all(" " not in f and is_ordinary_word(f) for f in forms)


def mentioned_in_part(concept: Concept, text: str, lang: str) -> bool:
    """`text` holds a distinctive word (three letters or more, not a particle) of one of the
    concept's `lang` forms; Arabic words are compared by their readings (clitics, article and
    suffixes taken off), English ones case-folded."""
    from termcheck.text.arabic import readings, strip_article
    from termcheck.text.normalize import normalize_form

    words = {w for t in concept.forms(lang) for w in _WORD.findall(normalize_form(t.text))
             if len(w) >= 3 and w not in NAME_PARTICLES}
    if not words:
        return False
    if lang == "ar":
        words = {strip_article(w) for w in words}
        return any(w in words or any(r.lemma in words for r in readings(w))
                   for w in set(_WORD.findall(normalize_form(text))))
    return any(same_stem(w, t) for t in set(_WORD.findall(normalize_form(text))) for w in words)


def _source_concepts(ctx: PairContext, spans: tuple[Span, ...]) -> set[str]:
    """Concepts the source mentions in `spans`, in any language or as a variant lint reported."""
    keys = {c.key for m in ctx.source_matches().within(spans) for c in m.concepts}
    keys.update(f.concept for f in ctx.source_lint().within(spans) if f.concept)
    return keys


def _source_of(doc: Document, match: Match) -> tuple[Location, str]:
    return doc.location(match.start, match.end), doc.text[match.start:match.end]


def enrich_target_findings(ctx: PairContext) -> list[Finding]:
    """Target TC101/TC102 findings whose concept is in the aligned source get the source location,
    so the pair report shows where the term came from without reporting the span twice."""
    enriched = []
    for finding in ctx.target_findings:
        if finding.rule in RENDERING_RULES and finding.concept and finding.source is None:
            source = _source_mention(ctx, finding)
            if source is not None:
                location, text = _source_of(ctx.source.doc, source)
                finding = dataclasses.replace(finding, source=location, source_text=text)
        enriched.append(finding)
    return enriched


def _source_mention(ctx: PairContext, finding: Finding) -> Match | None:
    view = ctx.bead_at_target(finding.location.start)
    if view is None:
        return None
    for spans in (view.source_spans, view.source_group):
        for term in source_terms(ctx, spans):
            if any(c.key == finding.concept for c in term.concepts):
                return term.match
    return None


# -- fuzzy search of a bead for an unlisted rendering --------------------------------------------

_LATIN_TOKEN = re.compile(r"[A-Za-z\u00c0-\u024f\u1e00-\u1eff]+(?:['\u2019\u02bc\u02bf\u02be`-][A-Za-z\u00c0-\u024f\u1e00-\u1eff]+)*")
_ARABIC_TOKEN = re.compile("[\u0621-\u064a\u0640\u064b-\u0652\u0670\u0671-\u06d3]+")


def find_variant(ctx: PairContext, concept: Concept, spans: tuple[Span, ...], side: str = "target") -> Span | None:
    """The best window of words in `spans` of one side whose transliteration key is close to one
    of the concept's forms in that side's language, outside every glossary match and every span
    lint reported; None when nothing is close enough."""
    doc_ctx = ctx.target if side == "target" else ctx.source
    matches = ctx.target_matches() if side == "target" else ctx.source_matches()
    lint = ctx.target_lint() if side == "target" else ctx.source_lint()
    lang = doc_ctx.doc.lang
    # Glossary matches and spans lint reported are renderings already: never report them twice.
    # (Widened to the left: a match may begin before a span and reach into it.)
    near = [(max(0, s - _LONGEST_FORM), e) for s, e in spans]
    taken = [(m.start, m.end) for m in matches.within(near)]
    taken += [(f.location.start, f.location.end) for f in lint.within(near)]
    return best_window(doc_ctx.text, spans, lang, [t.text for t in concept.forms(lang)], taken, ctx.matcher)


def _variant_reported_by_lint(ctx: PairContext, concept: Concept, spans: tuple[Span, ...]) -> bool:
    """A span that the target's monolingual rules reported (a TC104 spelling, a TC102 variant)
    holds a close variant of the concept's forms: the term is rendered, and its misspelling is
    reported there once, not again as a missing term on the source."""
    near = [(max(0, s - _LONGEST_FORM), e) for s, e in spans]
    reported = [(f.location.start, f.location.end) for f in ctx.target_lint().within(near)]
    lang = ctx.target.doc.lang
    return bool(reported) and best_window(ctx.target.text, reported, lang, [t.text for t in concept.forms(lang)],
                                          [], ctx.matcher) is not None


def best_window(text: str, spans, lang: str, forms: list[str], taken: list[Span], matcher) -> Span | None:
    """The window of words in `spans` of `text` most like one of `forms` (transliteration key or
    Arabic consonant skeleton), avoiding the `taken` spans; None when nothing is close enough.

    The forms' keys are computed once per glossary (`_FormKey`), window keys once per call and
    shared by all forms (Arabic keys word by word, since the Arabic key is per word anyway), and a
    window's word count and skeleton only when a form asks (`_Window`)."""
    form_keys = _form_keys(forms, lang, matcher)
    if not form_keys:
        return None
    token_re = _ARABIC_TOKEN if lang == "ar" else _LATIN_TOKEN
    best: tuple[float, Span] | None = None
    for start, end in spans:
        tokens = [t for t in token_re.finditer(text, start, end)]
        if not tokens:
            continue
        token_keys = [_token_key(t.group(), matcher) for t in tokens] if lang == "ar" else None
        own_keys = [_own_letters_key(matcher.key(t.group())) for t in tokens] if form_keys[-1].own_letters else None
        rows: dict[tuple[int, bool], list[_Window | None]] = {}  # the windows of n words, shared by all forms
        for form in form_keys:
            size, own_letters = form.size, form.own_letters
            for n in {max(1, size - 1), size, size + 1}:
                row = rows.get((n, own_letters))
                if row is None:
                    keys = own_keys if own_letters else token_keys
                    row = rows[(n, own_letters)] = [
                        None if (key := _window_key(text, tokens, keys, i, n, lang, taken, matcher)) is None
                        else _Window(key) for i in range(len(tokens) - n + 1)]
                for i, window in enumerate(row):
                    if window is None:
                        continue
                    score = _window_similarity(form, window, lang)
                    if score >= FUZZY_THRESHOLD and (best is None or score > best[0]):
                        best = (score, (tokens[i].start(), tokens[i + n - 1].end()))
    if best is None:
        return None
    start, end = best[1]
    if lang == "ar":
        start = _after_proclitics(text, start, end, forms)
    return start, end


class _FormKey:
    """A form's key with what _window_similarity asks of it, once per form and glossary."""

    __slots__ = ("key", "size", "own_letters", "words", "skeleton", "skeleton_letters")

    def __init__(self, key: str, size: int, own_letters: bool, lang: str) -> None:
        self.key, self.size, self.own_letters = key, size, own_letters
        self.words = len(key.split())
        self.skeleton = _skeleton(key) if lang == "ar" else ""
        self.skeleton_letters = len(self.skeleton.replace(" ", ""))


class _Window:
    """A window's key and word count; its skeleton computed on first use (`skeleton`)."""

    __slots__ = ("key", "words", "_skeleton")

    def __init__(self, key: str) -> None:
        self.key, self.words, self._skeleton = key, len(key.split()), None

    def skeleton(self) -> str:
        if self._skeleton is None:
            self._skeleton = " ".join(_word_skeleton(w) for w in self.key.split())  # _skeleton(key), uncached
        return self._skeleton


def _form_keys(forms: list[str], lang: str, matcher) -> list[_FormKey]:
    """The keys best_window compares windows with, for these forms (remembered per glossary: a
    concept's forms meet every unit that names it)."""
    cache = matcher.cache.setdefault("fuzzy.form_keys", {}) if getattr(matcher, "cache", None) is not None else {}
    question = (tuple(forms), lang)
    found = cache.get(question)
    if found is None:
        found = [_FormKey(k, len(f.split()), False, lang) for f in forms if len(k := _key(f, lang, matcher)) >= 4]
        if lang == "ar":  # a one-word name whose first letter reads as a proclitic (بينيديتي): its key keeps
            # the letter, and so do the windows it meets (بنديتي, not نديتي), beside the keys without
            # proclitics; not a phrase, whose common first word would carry a window alone (فيروس غير for
            # فيروس ميرس)
            found += [_FormKey(k, 1, True, lang) for f in forms if " " not in f.strip()
                      and _proclitic_letter_first(f, matcher) and len(k := _own_letters_key(matcher.key(f))) >= 4]
        if len(cache) > 200_000:
            cache.clear()  # bounded, as the token keys are
        cache[question] = found
    return found


ONE_LETTER_APART = 6  # a blind locust pair's أغاديس / أغاديز: 0.83 by difflib, under FUZZY_THRESHOLD


def _window_similarity(form: _FormKey, window: _Window, lang: str) -> float:
    """How like the form's key the window's is: 1 for equal keys, 0.9 for Arabic keys of one consonant
    skeleton, one final vowel or one letter of a long one-word name apart, 0.95 for English keys one edit apart (translit.near_keys),
    else difflib's ratio. The form's word count and skeleton are taken once a glossary, the
    window's skeleton only when a form of as many words asks."""
    a, b = form.key, window.key
    if a == b:
        return 1.0
    if lang == "ar":
        # a skeleton has one part a word, so only keys of as many words can share one (most windows are not)
        if form.skeleton_letters >= 4 and form.words == window.words and form.skeleton == window.skeleton():
            return 0.9  # same consonant classes: تلغرام / تيليجرام
        if len(a) == len(b) >= 4 and a[:-1] == b[:-1] and {a[-1], b[-1]} == _FINAL_ALEF_OR_TA:
            return 0.9  # a name's last vowel written ا or ة: موغلا / موغلة, جميرا / جميرة
        if len(a) == len(b) >= ONE_LETTER_APART and " " not in a and a[0] == b[0] \
                and sum(x != y for x, y in zip(a, b)) == 1:
            return 0.9  # a one-word name with one letter of six or more another: أغاديس for أغاديز
    if lang == "en" and near_keys(a, b):
        return 0.95
    if 2 * min(len(a), len(b)) < FUZZY_THRESHOLD * (len(a) + len(b)):
        return 0.0  # the length bound of the ratio, before paying for a SequenceMatcher
    if 2.0 * _common_letters(a, b) / (len(a) + len(b)) < FUZZY_THRESHOLD:
        return 0.0  # difflib's quick_ratio, an upper bound: most windows are nowhere near
    return SequenceMatcher(None, a, b, autojunk=False).ratio()


def _after_proclitics(text: str, start: int, end: int, forms: list[str]) -> int:
    """The window's start past the conjunctions and prepositions glued to its first word, which
    no form begins with (وماريب for مأرب: the variant is ماريب), as a match leaves them outside."""
    initials = {normalize_form(f)[:1] for f in forms}
    word_end = text.find(" ", start, end)
    word_end = end if word_end < 0 else word_end
    while text[start] in _PROCLITIC_LETTERS and text[start] not in initials and word_end - start > 3 \
            and text[start:start + 2] != LAM + LAM:  # لل: the second lam is the article's
        start += 1
        if text[start - 1] in PREPOSITIONS:
            break  # one preposition at most, after any conjunction: وب، فل
    return start


_PROCLITIC_LETTERS = frozenset(CONJUNCTIONS + PREPOSITIONS)


def _window_key(text, tokens, token_keys, i: int, n: int, lang: str, taken, matcher) -> str | None:
    """The key of tokens[i:i+n], or None when the window cannot be a rendering."""
    window = (tokens[i].start(), tokens[i + n - 1].end())
    if taken and any(s < window[1] and window[0] < e for s, e in taken):
        return None
    if lang == "ar":
        keys = token_keys[i:i + n]
        return " ".join(keys) if all(keys) else " ".join(k for k in keys if k)  # a word may key to nothing
    words = text[window[0]:window[1]]
    if not any(w[:1].isupper() for w in words.split()):
        return None  # names are capitalized; lower-case prose is not a rendering
    return _key(words, lang, matcher)


_FINAL_ALEF_OR_TA = {"\u0627", "\u0647"}  # ا and ة (keyed as ه)


def _common_letters(a: str, b: str) -> int:
    """The letters a and b have in common, counted with repeats (what SequenceMatcher.quick_ratio
    counts), from a's counts and b's of those letters alone: building a SequenceMatcher indexes b,
    which most windows never need (a third of best_window's time), and so did counting all of b."""
    letters, counts = _letter_counts(a)
    return sum(map(min, counts, map(b.count, letters)))  # no Python frame a letter


@lru_cache(maxsize=65536)
def _letter_counts(key: str) -> tuple[tuple[str, ...], tuple[int, ...]]:
    """The distinct letters of `key` and how often each stands there."""
    counts = Counter(key)
    return tuple(counts), tuple(counts.values())


@lru_cache(maxsize=65536)
def _skeleton(key: str) -> str:
    """Per key: a form's key meets every window of every unit, a window's key every form."""
    return " ".join(_word_skeleton(w) for w in key.split())


@lru_cache(maxsize=65536)
def _word_skeleton(word: str) -> str:
    """Per word, so overlapping windows of one text share the work."""
    from termcheck.align.skeleton import arabic_skeleton

    return arabic_skeleton(word)


def _token_key(token: str, matcher) -> str:
    """_key of one Arabic word, remembered per glossary (words recur across units and forms)."""
    keys = matcher.cache.setdefault("fuzzy.token_keys", {})
    key = keys.get(token)
    if key is None:
        if len(keys) > 200_000:
            keys.clear()  # bounded: a huge input must not grow it without end
        key = keys[token] = _key(token, "ar", matcher)
    return key


def _key(text: str, lang: str, matcher) -> str:
    if lang == "ar":
        return _arabic_key(matcher.key(text))
    return translit_key(text)


def _proclitic_letter_first(form: str, matcher) -> bool:
    """The form's first word loses a letter as a proclitic (بينيديتي, بيروت), not only its article."""
    from termcheck.text.arabic import strip_article, strip_proclitics

    first = matcher.key(form).split()[:1]
    return bool(first) and strip_proclitics(first[0]) != strip_article(first[0])


def _own_letters_key(normalized: str) -> str:
    """_arabic_key with every letter of each word but its article (بنديتي stays بنديتي)."""
    from termcheck.text.arabic import strip_article

    return _arabic_key(normalized, strip_article)


def _arabic_key(normalized: str, strip=None) -> str:
    """Words without proclitics and article (text.arabic; or what `strip` takes off), with spelling
    folds; words stay space-separated."""
    if strip is None:
        from termcheck.text.arabic import strip_proclitics as strip

    return " ".join(strip(word).translate(_SPELLING_FOLDS) for word in normalized.split())


_SPELLING_FOLDS = str.maketrans({"ى": "ي", "ة": "ه", "ء": None, "ؤ": "و", "ئ": "ي"})

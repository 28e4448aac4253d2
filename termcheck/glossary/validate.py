"""TC001-TC006: problems inside a glossary, reported at the file and line of the term or concept."""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Iterator

from termcheck.model import LANGS, Concept, Finding, Glossary, Location, SourceRef, Status, Term
from termcheck.rules.registry import rule
from termcheck.text.normalize import normalize, normalize_form

ACCEPTED = (Status.PREFERRED, Status.ALLOWED)


def _location(origin: SourceRef | None, glossary: Glossary) -> Location:
    path = origin.path if origin else glossary.path
    line = origin.line if origin else 0
    return Location(path, 0, 0, line, 1, line, 1)


def _where(origin: SourceRef | None) -> str:
    return f" ({origin})" if origin else ""


def _finding(code: str, origin: SourceRef | None, glossary: Glossary, found: str, message: str,
             concept: Concept, expected: str | None = None) -> Finding:
    spec = rule(code)
    return Finding(
        rule=spec.code,
        severity=spec.severity,
        location=_location(origin, glossary),
        found=found,
        message=message,
        expected=expected,
        concept=concept.key,
    )


def _real(terms: list[Term]) -> list[Term]:
    return [t for t in terms if t.text.strip()]


# Joins many forms into one text so that they are normalized or matched in one pass. No fold
# touches NUL, it is no word character, and it never joins a run of spaces or marks, so each
# piece comes out exactly as it would alone. (Forms containing NUL are handled one by one.)
_SEP = "\x00"


class _Checker:
    def __init__(self, glossary: Glossary) -> None:
        self.glossary = glossary
        options = glossary.options
        self._fold = dict(fold_alef_maqsura=options.fold_alef_maqsura, fold_ta_marbuta=options.fold_ta_marbuta)
        texts = dict.fromkeys(t.text for c in glossary.concepts for t in c.terms if _SEP not in t.text)
        pieces = normalize(_SEP.join(texts), **self._fold).text.split(_SEP)
        self._keys: dict[str, str] = {text: piece.strip() for text, piece in zip(texts, pieces)}

    def key(self, text: str) -> str:
        key = self._keys.get(text)
        if key is None:
            key = self._keys[text] = normalize_form(text, **self._fold)
        return key

    def finding(self, code: str, origin, found: str, message: str, concept: Concept, expected=None) -> Finding:
        return _finding(code, origin, self.glossary, found, message, concept, expected)

    def empty_terms(self) -> Iterator[Finding]:
        for concept in self.glossary.concepts:
            if not concept.terms:
                yield self.finding("TC001", concept.origin, "", f"concept '{concept.key}' has no terms at all", concept)
            for term in concept.terms:
                if not term.text.strip():
                    yield self.finding(
                        "TC001", term.origin or concept.origin, term.text,
                        f"empty {term.lang} {term.status.value} form in concept '{concept.key}' "
                        f"(an empty item between '|' or an empty term element)",
                        concept,
                    )

    def duplicates(self) -> Iterator[Finding]:
        first_by_id: dict[str, Concept] = {}
        first_by_forms: dict[tuple[str, str], Concept] = {}
        for concept in self.glossary.concepts:
            if concept.id is not None:
                earlier = first_by_id.setdefault(concept.id, concept)
                if earlier is not concept:
                    yield self.finding(
                        "TC002", concept.origin, concept.id,
                        f"concept id '{concept.id}' is already used{_where(earlier.origin)}", concept,
                    )
                    continue
            en, ar = concept.preferred("en"), concept.preferred("ar")
            if en is None or ar is None or not en.text.strip() or not ar.text.strip():
                continue
            earlier = first_by_forms.setdefault((self.key(en.text), self.key(ar.text)), concept)
            if earlier is not concept:
                yield self.finding(
                    "TC002", concept.origin, f"{en.text} / {ar.text}",
                    f"same preferred forms '{en.text}' / '{ar.text}' as concept '{earlier.key}'"
                    f"{_where(earlier.origin)}",
                    concept,
                )

    def forbidden_and_accepted(self) -> Iterator[Finding]:
        """TC003 across concepts, TC004 within one (a pair told apart by case or hamza only is
        allowed: the matcher then matches each form as written)."""
        from termcheck.match import told_apart

        accepted: dict[str, list[tuple[Concept, Term]]] = defaultdict(list)
        for concept in self.glossary.concepts:
            for term in _real(concept.terms):
                if term.status in ACCEPTED:
                    accepted[self.key(term.text)].append((concept, term))
        for concept in self.glossary.concepts:
            for term in _real(concept.forms("en", Status.FORBIDDEN) + concept.forms("ar", Status.FORBIDDEN)):
                seen: set[int] = set()
                for other, other_term in accepted.get(self.key(term.text), ()):
                    if id(other) in seen:
                        continue
                    seen.add(id(other))
                    if other is concept:
                        if told_apart(term.text, other_term.text):
                            continue  # case or hamza only: matched as written (termcheck.match)
                        yield self.finding(
                            "TC004", term.origin, term.text,
                            f"forbidden '{term.text}' equals the {other_term.status.value} form "
                            f"'{other_term.text}' of the same concept '{concept.key}'",
                            concept, other_term.text,
                        )
                    else:
                        yield self.finding(
                            "TC003", term.origin, term.text,
                            f"'{term.text}' is forbidden in concept '{concept.key}' but "
                            f"{other_term.status.value} in concept '{other.key}'{_where(other_term.origin)}",
                            concept,
                        )

    def forbidden_inside_preferred(self) -> Iterator[Finding]:
        """TC005: run a matcher of the forbidden forms over every preferred form."""
        from termcheck.match import Matcher, told_apart

        forbidden_only = []
        owner: dict[int, Concept] = {}
        for concept in self.glossary.concepts:
            terms = [t for t in concept.terms if t.status is Status.FORBIDDEN and t.text.strip() and _SEP not in t.text]
            if terms:
                shadow = Concept(concept.id, terms, index=len(forbidden_only))
                owner[id(shadow)] = concept
                forbidden_only.append(shadow)
        if not forbidden_only:
            return
        matcher = Matcher(Glossary(forbidden_only, path=self.glossary.path, options=self.glossary.options))
        preferred = [
            (concept, term)
            for concept in self.glossary.concepts
            for lang in LANGS
            if (term := concept.preferred(lang)) is not None and term.text.strip() and _SEP not in term.text
        ]
        # One pass over all preferred forms joined by NUL: a match never crosses a NUL.
        starts = []
        position = 0
        for _, term in preferred:
            starts.append(position)
            position += len(term.text) + 1
        joined = _SEP.join(term.text for _, term in preferred)
        for match in matcher.find(joined):
            k = bisect.bisect_right(starts, match.start) - 1
            concept, term = preferred[k]
            text = term.text
            whole = (starts[k] + len(text) - len(text.lstrip()), starts[k] + len(text.rstrip()))
            if (match.start, match.end) == whole:
                continue  # the whole form: TC003's business
            for entry in match.entries:
                source = owner[id(entry.concept)]
                if source is concept or told_apart(entry.term.text, joined[match.start:match.end]):
                    continue  # the preferred form writes it otherwise (اتصال in نقطة اتصال, not the forbidden إتصال),
                    # and a form told apart by hamza or case is matched as written
                yield self.finding(
                    "TC005", entry.term.origin, entry.term.text,
                    f"forbidden '{entry.term.text}' (concept '{source.key}') occurs inside "
                    f"'{text}', preferred for concept '{concept.key}'{_where(term.origin)}",
                    source,
                )

    def missing_preferred(self) -> Iterator[Finding]:
        for concept in self.glossary.concepts:
            for lang in LANGS:
                others = _real(concept.forms(lang, Status.ALLOWED, Status.FORBIDDEN))
                preferred = concept.preferred(lang)
                if others and (preferred is None or not preferred.text.strip()):
                    kinds = sorted({t.status.value for t in others})
                    yield self.finding(
                        "TC006", concept.origin, others[0].text,
                        f"concept '{concept.key}' has {' and '.join(kinds)} {lang} forms but no preferred {lang} form",
                        concept,
                    )


def validate_glossary(glossary: Glossary) -> list[Finding]:
    """Every TC0xx finding of `glossary`, ordered by file, line and rule."""
    checker = _Checker(glossary)
    findings: list[Finding] = []
    for check in (
        checker.empty_terms,
        checker.duplicates,
        checker.forbidden_and_accepted,
        checker.forbidden_inside_preferred,
        checker.missing_preferred,
    ):
        findings.extend(check())
    paths = dict.fromkeys(c.origin.path for c in glossary.concepts if c.origin)
    order = {path: i for i, path in enumerate(paths)}
    findings.sort(key=lambda f: (order.get(f.location.path, len(order)), f.location.line, f.rule))
    return findings

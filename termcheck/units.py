"""Checks over translation units (PO, MO, XLIFF, TMX): TC101/TC201 per unit and TC301-TC307.

Per unit: forbidden target forms and missing terms (with a glossary), empty and copied targets,
placeholders and markup. Across units: the same source translated differently (TC301), the
same target for different sources (TC302), and how chosen terms are rendered (TC307: a
co-occurrence miner, `RenderingIndex`, since units carry no word alignment).
"""

from __future__ import annotations

import bisect
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace
from typing import Any

from termcheck.formats.units import Unit, base_lang
from termcheck.match import Match, Matcher
from termcheck.model import Finding, Location, Status, TextIndex
from termcheck.rules.registry import rule, selected
from termcheck.rules.terms_xlang import best_window
from termcheck.text.markup import mask_html
from termcheck.text.normalize import normalize_form

TERM_RULES = ("TC101", "TC201")


@dataclass(frozen=True)
class UnitCheckOptions:
    terms: tuple[str, ...] = ()  # TC307 for these source terms (--term)
    mine_terms: bool = False  # TC307 for frequent source n-grams with competing renderings
    mine_min_count: int = 5  # a mined n-gram must occur in this many units
    mine_limit: int = 30  # at most this many mined terms are examined
    renderings_limit: int = 5  # at most this many renderings per term
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] | None = None

    def wants(self, code: str) -> bool:
        return selected(code, list(self.select or ()), list(self.ignore or ()))


def check_units(units: list[Unit], matcher: Matcher | None, options: UnitCheckOptions | None = None,
                sources: Mapping[str, str] | None = None) -> list[Finding]:
    """Every finding over `units`, in file and line order.

    `sources` maps a path to its text; with it, findings point at the column of the term in the
    target line (without it, column 1 of the unit's line).

    Unit-note suppressions (`termcheck: ignore TC301`) are NOT applied here: the caller filters
    with suppress.filter_suppressed(findings, suppress.unit_suppressions(units)), which also
    tells which notes silenced nothing (--report-unused). A unit whose note names a cross-unit
    rule (TC301, TC302, TC307) is left out of that comparison; for TC301/TC302 it still gets a
    finding of its own, which its note then silences (so the note counts as used).
    """
    options = options or UnitCheckOptions()
    locator = Locator(sources or {})
    units = [u for u in units]
    found: list[tuple[Unit, Finding]] = []
    if matcher is not None and any(options.wants(c) for c in TERM_RULES):
        found.extend(term_findings(units, matcher, locator))
    found.extend(unit_findings(units, locator, options))
    if options.wants("TC301"):
        found.extend(_consistency(units, locator, "TC301", opted_out=lambda u: suppressed(u, "TC301")))
    if options.wants("TC302"):
        found.extend(_consistency(units, locator, "TC302", opted_out=lambda u: suppressed(u, "TC302")))
    if options.wants("TC307") and (options.terms or options.mine_terms):
        found.extend(term_renderings(_unsuppressed(units, "TC307"), locator, options))
    findings = [f for _, f in found if options.wants(f.rule)]
    findings.sort(key=_order)
    return findings


def _order(finding: Finding) -> tuple:
    loc = finding.location
    return (loc.path, loc.line, loc.column, finding.rule, finding.message)


# -- suppressions: a note 'termcheck: ignore TC304' (or a bare 'termcheck: ignore') on the unit.
# Findings are filtered by the caller (termcheck.suppress); here only the opt-out of cross-unit
# comparisons, read with the same parser so both agree on what a note says.


def suppressed(unit: Unit, code: str) -> bool:
    """True when one of the unit's notes suppresses `code` (a note may name prefixes, or none)."""
    if not unit.notes:
        return False
    from termcheck.suppress import unit_suppressions

    return any(not s.codes or any(code.startswith(c) for c in s.codes) for s in unit_suppressions([unit]))


def _unsuppressed(units: list[Unit], code: str) -> list[Unit]:
    return [u for u in units if not u.notes or not suppressed(u, code)]


# -- locations


class Locator:
    """Builds Locations for units: the unit's line, and the column of a text on it when known."""

    _END_OF_TARGET = ("</target>", "</seg>")

    def __init__(self, sources: Mapping[str, str]) -> None:
        self.sources = sources
        self._indexes: dict[str, TextIndex] = {}

    def _index(self, path: str) -> TextIndex | None:
        if path not in self.sources:
            return None
        if path not in self._indexes:
            self._indexes[path] = TextIndex(self.sources[path])
        return self._indexes[path]

    def at(self, path: str, line: int, found: str = "") -> Location:
        """The first occurrence of `found` in the element starting at `line`, else the line's start."""
        if line <= 0:
            return Location(path, 0, 0, 0, 0, 0, 0)
        index = self._index(path)
        if index is None or line > index.line_count:
            return Location(path, 0, 0, line, 1, line, 1)
        text = self.sources[path]
        for number in range(line, min(line + 30, index.line_count + 1)):
            start = index.line_start(number)
            end = text.find("\n", start)
            end = len(text) if end == -1 else end
            row = text[start:end]
            column = row.find(found) if found else -1
            if column >= 0:
                return Location(path, start + column, start + column + len(found), number, column + 1,
                                number, column + 1 + len(found))
            if number > line and (not row.strip() or row.lstrip().startswith(("msgstr[", "msgid", "#"))):
                break
            if any(tag in row for tag in self._END_OF_TARGET):
                break
        start = index.line_start(line)
        return Location(path, start, start, line, 1, line, 1)

    def target(self, unit: Unit, found: str = "") -> Location:
        return self.at(unit.path, unit.line, found)

    def source(self, unit: Unit, found: str = "") -> Location:
        return self.at(unit.path, unit.source_line, found)


def _finding(code: str, unit: Unit, location: Location, found: str, message: str, **fields: Any) -> tuple[Unit, Finding]:
    meta = rule(code)
    if not unit.line:  # MO: no line to point at, so name the unit
        message = f"msgid '{_short(unit.source)}': {message}"
    extra = fields.pop("extra", {})
    extra.setdefault("unit", unit.id)
    return unit, Finding(rule=meta.code, severity=meta.severity, location=location, found=found,
                         message=message, extra=extra, **fields)


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _where(unit: Unit, anchor: Unit) -> str:
    if unit.path == anchor.path:
        return f"line {unit.line}" if unit.line else f"'{unit.id}'"
    return unit.where if unit.line else f"{unit.path} '{unit.id}'"


# -- term rules per unit (TC101 forbidden target form, TC201 missing term)


def _matchable(text: str) -> str:
    """Text for matching: HTML/XML tags and entities blanked (same length)."""
    return mask_html(text) if ("<" in text or "&" in text) else text


def find_all(matcher: Matcher, texts: list[str], batch: int = 5000) -> tuple[list[list[Match]], list[str]]:
    """matcher.find over many short texts at C speed, and each text's normalized form.

    Each batch is joined with NUL separators (never part of a form, never white space, kept by
    normalization: no match can cross one) and normalized and matched once.
    """
    results: list[list[Match]] = []
    normalized: list[str] = []
    for first in range(0, len(texts), batch):
        chunk = [_matchable(t) for t in texts[first:first + batch]]
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
            per_text[k].append(replace(match, start=match.start - offset, end=match.end - offset))
        results.extend(per_text)
        normalized.extend(norm.text.split("\x00"))
    return results, normalized


def term_findings(units: list[Unit], matcher: Matcher, locator: Locator) -> Iterable[tuple[Unit, Finding]]:
    units = [u for u in units if u.target.strip()]  # an empty target is TC303's business
    target_matches, normalized_targets = find_all(matcher, [u.target for u in units])
    source_matches, _ = find_all(matcher, [u.source for u in units])
    for unit, in_target, in_source, norm_target in zip(units, target_matches, source_matches, normalized_targets):
        if not in_source and not in_target:
            continue
        target_lang, source_lang = base_lang(unit.target_lang), base_lang(unit.source_lang)
        in_source_concepts = {id(e.concept) for m in in_source for e in m.entries if e.term.lang == source_lang}
        rendered: set[int] = set()
        for match in in_target:
            entries = [e for e in match.entries if e.term.lang == target_lang]
            rendered.update(id(e.concept) for e in entries)
            if entries and all(e.term.status is Status.FORBIDDEN for e in entries):
                yield _forbidden(unit, match, entries[0], locator)
            elif entries and not any(id(e.concept) in in_source_concepts for e in entries):
                found = unit.target[match.start:match.end]
                yield _finding(
                    "TC203", unit, locator.target(unit, found), found,
                    f"'{found}' ({entries[0].concept.key}) is in the target but not in its source text",
                    concept=entries[0].concept.key,
                )
        for match in in_source:
            seen: set[int] = set()
            for entry in match.entries:
                concept = entry.concept
                if entry.term.lang != source_lang or id(concept) in rendered or id(concept) in seen:
                    continue
                seen.add(id(concept))
                expected = concept.preferred(target_lang)
                if expected is None:
                    continue  # the glossary has no rendering to ask for
                if _rendered_loosely(concept, target_lang, norm_target, matcher):
                    continue
                source_text = unit.source[match.start:match.end]
                variant = best_window(unit.target, ((0, len(unit.target)),), target_lang,
                                      [t.text for t in concept.forms(target_lang)],
                                      [(m.start, m.end) for m in in_target], matcher)
                if variant is not None:
                    found = unit.target[variant[0]:variant[1]]
                    yield _finding(
                        "TC202", unit, locator.target(unit, found), found,
                        f"'{found}' renders '{source_text}' ({concept.key}) with a spelling the glossary "
                        f"does not list; write '{expected.text}'",
                        expected=expected.text, concept=concept.key,
                        source=locator.source(unit, source_text), source_text=source_text,
                    )
                    continue
                yield _finding(
                    "TC201", unit, locator.target(unit), "",
                    f"'{source_text}' is not rendered in the target; expected '{expected.text}'",
                    expected=expected.text, concept=concept.key,
                    source=locator.source(unit, source_text), source_text=source_text,
                )


def _rendered_loosely(concept, lang: str, normalized_target: str, matcher: Matcher) -> bool:
    """A form of the concept inside the normalized target, even glued to a suffix.

    The matcher rightly wants a word boundary after a form, but a plural or an attached
    pronoun (vaccines, لقاحات, لقاحنا) still renders the term: a missing-term report must not
    rest on the boundary, so absence is confirmed by a substring test.
    """
    keys = matcher.cache.get(("units-forms", id(concept), lang))
    if keys is None:
        keys = matcher.cache[("units-forms", id(concept), lang)] = [
            k for k in (matcher.key(t.text) for t in concept.forms(lang)) if k
        ]
    return any(key in normalized_target for key in keys)


def _forbidden(unit: Unit, match, entry, locator: Locator) -> tuple[Unit, Finding]:
    found = unit.target[match.start:match.end]
    preferred = entry.concept.preferred(entry.term.lang)
    expected = preferred.text if preferred else None
    if expected and entry.elided_article:
        expected = expected[1:]  # للفصائل: the alef of ال is not written after ل
    message = f"'{found}' is not the house form" + (f"; write '{expected}'" if expected else "")
    return _finding("TC101", unit, locator.target(unit, found), found, message,
                    expected=expected, concept=entry.concept.key)


# -- one unit at a time: TC303 untranslated, TC304 copied, TC305 placeholders, TC306 markup

# printf: %s %d %1$d %@ %ld %.2f %(name)s; never '% o' (a space flag is prose: '50% of').
_PRINTF = re.compile(
    r"%%|%\([A-Za-z_]\w*\)[-+#0]*\d*(?:\.\d+)?[diouxXeEfFgGcrsa]"
    r"|%(?:\d+\$)?[-+#0]*(?:\d+|\*)?(?:\.(?:\d+|\*))?(?:hh|h|ll|l|L|q|j|z|t)?[diouxXeEfFgGaAcspn@]"
)
_BRACE = re.compile(r"\{\{|\}\}|\{[A-Za-z0-9_]*(?:[:!][^{}]*)?\}")
_TAG = re.compile(r"<(/?)([A-Za-z][\w:.-]*)\b[^<>]*?(/?)>")
_LETTER = re.compile(r"[^\W\d_]")
_NUMERIC_CONVERSIONS = frozenset("diu")


def placeholders(text: str) -> list[str]:
    """printf and brace placeholders, in order ('%%', '{{' and '}}' are escapes, not placeholders)."""
    found = [m.group() for m in _PRINTF.finditer(text) if m.group() != "%%"]
    found.extend(m.group() for m in _BRACE.finditer(text) if m.group() not in ("{{", "}}"))
    return found


def tags(text: str) -> list[str]:
    """HTML/XML tags as '<b>', '</b>', '<br/>' (names only, attributes dropped)."""
    return [f"<{m.group(1)}{m.group(2).lower()}{m.group(3)}>" for m in _TAG.finditer(text)]


def _difference(source: list[str], target: list[str]) -> tuple[list[str], list[str]]:
    """(missing from target, extra in target), as multisets in first-seen order."""
    missing = Counter(source) - Counter(target)
    extra = Counter(target) - Counter(source)
    return list(missing.elements()), list(extra.elements())


def unit_findings(units: Iterable[Unit], locator: Locator, options: UnitCheckOptions) -> Iterable[tuple[Unit, Finding]]:
    check_placeholders, check_markup = options.wants("TC305"), options.wants("TC306")
    for unit in units:
        if not unit.target.strip():
            if unit.source.strip():
                what = f"plural form {unit.plural_index}" if unit.plural_index is not None else "the target"
                yield _finding("TC303", unit, locator.target(unit), "",
                               f"untranslated: {what} is empty for '{_short(unit.source)}'")
            continue
        if unit.target.strip() == unit.source.strip() and _LETTER.search(unit.source):
            yield _finding("TC304", unit, locator.target(unit, unit.target.strip()), unit.target.strip(),
                           f"the target is a copy of the source '{_short(unit.source)}'")
        if check_placeholders:
            yield from _placeholder_findings(unit, locator)
        if check_markup:
            yield from _markup_findings(unit, locator)


def _placeholder_findings(unit: Unit, locator: Locator) -> Iterable[tuple[Unit, Finding]]:
    source = placeholders(unit.source)
    target = placeholders(unit.target)
    if not source and not target:
        return
    missing, extra = _difference(source, target)
    if unit.plural_index is not None:
        # Arabic zero/one/two forms say the number in words ('ملفان'): the count may be left out.
        missing = [p for p in missing if p[-1] not in _NUMERIC_CONVERSIONS]
    found = extra[0] if extra else ""
    yield from _differs("TC305", "placeholders", unit, locator, missing, extra, found)


def _markup_findings(unit: Unit, locator: Locator) -> Iterable[tuple[Unit, Finding]]:
    source = tags(unit.source) + unit.source_markup
    target = tags(unit.target) + unit.target_markup
    if not source and not target:
        return
    missing, extra = _difference(source, target)
    found = extra[0] if extra and extra[0].startswith("<") else ""
    yield from _differs("TC306", "markup", unit, locator, missing, extra, found)


def _differs(code: str, what: str, unit: Unit, locator: Locator, missing: list[str], extra: list[str],
             found: str) -> Iterable[tuple[Unit, Finding]]:
    """One TC305/TC306 finding naming what the target lacks and what it adds."""
    if not missing and not extra:
        return
    parts = []
    if missing:
        parts.append("missing " + ", ".join(missing))
    if extra:
        parts.append("not in the source " + ", ".join(extra))
    verb = "differ" if what.endswith("s") else "differs"
    yield _finding(code, unit, locator.target(unit, found), found, f"{what} {verb} from the source: " + "; ".join(parts),
                   extra={"missing": missing, "unexpected": extra})


# -- across units: TC301 inconsistent translation, TC302 inconsistent source


def _key(text: str) -> str:
    return normalize_form(_matchable(text))


def _groups(units: Iterable[Unit], by: str) -> dict[tuple, list[tuple[str, Unit]]]:
    """Units grouped by normalized source (by='source') or target, each with its other side's key."""
    groups: dict[tuple, list[tuple[str, Unit]]] = defaultdict(list)
    for unit in units:
        if not unit.source.strip() or not unit.target.strip():
            continue
        if by == "source":
            groups[(unit.context, unit.plural_index, _key(unit.source))].append((_key(unit.target), unit))
        elif unit.plural_index is None:  # plural forms share targets by nature
            groups[(_key(unit.target),)].append((_key(unit.source), unit))
    return groups


def _variants(members: list[tuple[str, Unit]], side: str) -> list[tuple[str, list[Unit]]]:
    """Distinct keys, most used first, each shown in its most frequent original spelling."""
    by_key: dict[str, list[Unit]] = {}
    for key, unit in members:
        by_key.setdefault(key, []).append(unit)
    ordered = sorted(by_key.values(), key=lambda us: -len(us))  # stable: first seen wins ties
    shown = []
    for group in ordered:
        spellings = Counter(getattr(u, side).strip() for u in group)
        shown.append((spellings.most_common(1)[0][0], group))
    return shown


def _consistency(units: Iterable[Unit], locator: Locator, code: str,
                 opted_out: Callable[[Unit], bool] | None = None) -> Iterable[tuple[Unit, Finding]]:
    """One finding per inconsistent group, at its first member. Members that `opted_out` (a note
    suppresses `code`) are left out of the comparison; each gets a finding of its own at its
    unit, for its note to silence."""
    by, other = ("source", "target") if code == "TC301" else ("target", "source")
    for members in _groups(units, by).values():
        if len({key for key, _ in members}) < 2:
            continue
        if opted_out is not None:
            left_out = [unit for _, unit in members if unit.notes and opted_out(unit)]
            for unit in left_out:
                found = unit.target.strip()
                shared = getattr(unit, by).strip()
                message = (f"'{_short(shared)}' is not rendered the same way elsewhere; this unit is left out "
                           f"of the comparison by its note") if code == "TC301" else (
                           f"'{_short(shared)}' also translates other sources; this unit is left out of the "
                           f"comparison by its note")
                yield _finding(code, unit, locator.target(unit, found), found, message)
            members = [(key, unit) for key, unit in members if not any(unit is u for u in left_out)]
            if len({key for key, _ in members}) < 2:
                continue
        first = members[0][1]
        variants = _variants(members, other)
        listed = "; ".join(
            f"'{text}' ×{len(group)} ({', '.join(_where(u, first) for u in group)})" for text, group in variants
        )
        shared = getattr(first, by).strip()
        if code == "TC301":
            message = f"'{_short(shared)}' is translated {len(variants)} ways in {len(members)} units: {listed}"
        else:
            message = f"'{_short(shared)}' translates {len(variants)} different sources in {len(members)} units: {listed}"
        extra = {
            by: shared,
            "variants": [
                {other: text, "count": len(group),
                 "locations": [{"path": u.path, "line": u.line, "unit": u.id} for u in group]}
                for text, group in variants
            ],
        }
        found = first.target.strip()
        yield _finding(code, first, locator.target(first, found), found, message, extra=extra)


def inconsistent_translations(units: Iterable[Unit], locator: Locator) -> Iterable[tuple[Unit, Finding]]:
    """TC301: one finding per source (same context and plural form) with 2+ normalized targets."""
    return _consistency(units, locator, "TC301")


def inconsistent_sources(units: Iterable[Unit], locator: Locator) -> Iterable[tuple[Unit, Finding]]:
    """TC302: one finding per normalized target shared by 2+ normalized sources."""
    return _consistency(units, locator, "TC302")


# -- TC307 term renderings (co-occurrence, no word alignment needed)


def term_renderings(units: list[Unit], locator: Locator, options: UnitCheckOptions) -> Iterable[tuple[Unit, Finding]]:
    index = RenderingIndex([u.source for u in units], [u.target for u in units])
    wanted: list[tuple[str, bool]] = [(t, True) for t in options.terms]
    if options.mine_terms:
        given = {normalize_form(t) for t in options.terms}
        wanted.extend((t, False) for t in index.frequent_terms(options.mine_min_count, options.mine_limit)
                      if t not in given)
    for term, always in wanted:
        result = index.renderings(term, options.renderings_limit)
        if result is None:
            continue
        if not always and len([r for r in result.renderings if r.count >= 2]) < 2:
            continue  # a mined term is worth a line only when renderings compete
        first = units[result.first_unit]
        listed = ", ".join(f"{r.text} ×{r.count}" for r in result.renderings) or "no rendering found"
        message = f"{term}: {listed} (in {result.units} units"
        message += f"; {result.uncovered} without any of these)" if result.uncovered else ")"
        extra = {
            "term": term,
            "units": result.units,
            "uncovered": result.uncovered,
            "renderings": [{"text": r.text, "count": r.count, "dice": round(r.dice, 3)} for r in result.renderings],
        }
        main = result.renderings[0].text if result.renderings else ""
        location = locator.target(first, main) if main else locator.target(first)
        found = main if location.end > location.start else ""
        yield _finding("TC307", first, location, found, message, extra=extra)


_TOKEN = re.compile(r"[^\W_]+(?:['-][^\W_]+)*")
_EN_STOP = frozenset("""
a an the and or but if of to in on at by for with from as is are was were be been being it its this that
these those there here which who whom whose what when where why how not no nor so than too very can could
will would shall should may might must do does did has have had having i you he she we they me him her us
them my your his our their also into about over under more most such only other any some all each both few
many much per via vs s t just then out up down off again once same own new one two get got use used using
""".split())
_AR_STOP = frozenset(normalize_form(w) for w in """
في من إلى على عن أن إن كان كانت يكون تكون التي الذي الذين اللذين اللتين هذا هذه ذلك تلك هؤلاء هناك هنا مع
أو ثم قد لا ما لم لن ليس هو هي هم هن كما بين عند حتى كل بعد قبل أي لدى منذ غير عبر حول خلال ضد دون إذا لكن
بل أيضا يتم تم وقد به بها له لها لهم فيه فيها منه منها عنه عليه عليها إنه أنه أنها إنها مثل
""".split())
_STOP = _EN_STOP | _AR_STOP
# Arabic proclitics: ال alone, or a bare conjunction or preposition, is split off only when what
# is left is itself a word of the corpus (فيروس is not ف + يروس); وال, بال, لل ... always.
_ARTICLE_PREFIXES = ("وبال", "فبال", "وكال", "وال", "فال", "بال", "كال", "ولل", "فلل", "لل", "ال")
_BARE_PREFIXES = ("وب", "فب", "وك", "ول", "فل", "و", "ف", "ب", "ك", "ل")
_ARTICLE = "\u0627\u0644"


@dataclass(frozen=True)
class Rendering:
    text: str  # the most frequent spelling (normalized, article kept, و/ب/ل... taken off)
    count: int  # units with the term whose target has this rendering
    dice: float  # association when it was chosen


@dataclass(frozen=True)
class Renderings:
    term: str
    units: int  # units whose source has the term
    first_unit: int  # index of the first of them
    renderings: tuple[Rendering, ...]
    uncovered: int  # units with the term and none of the renderings


class RenderingIndex:
    """Source and target n-grams (1-3 words) of every unit, for co-occurrence statistics.

    The rendering of a source term is chosen greedily: the target n-gram with the best Dice
    association 2c/(|R|+b) over the units R still unexplained (c: units of R whose target has it,
    b: all units whose target has it); its units leave R and the next rendering is sought.
    """

    def __init__(self, sources: list[str], targets: list[str]) -> None:
        self._source_index: dict[str, set[int]] = defaultdict(set)
        for number, text in enumerate(sources):
            for gram in _ngrams(_TOKEN.findall(normalize_form(text))):
                self._source_index[gram].add(number)
        tokens = [_TOKEN.findall(normalize_form(text)) for text in targets]
        vocabulary = {t for row in tokens for t in row}
        self._stems: dict[str, tuple[str, str]] = {}  # token -> (key for counting, spelling shown)
        self._target_grams: list[dict[str, str]] = []  # per unit: key n-gram -> spelling shown
        self._target_keys: list[list[str]] = []  # per unit: the words, clitics stripped
        self._target_index: dict[str, set[int]] = defaultdict(set)
        for number, row in enumerate(tokens):
            grams: dict[str, str] = {}
            stems = [self._stem(t, vocabulary) for t in row]
            keys = [s[0] for s in stems]
            self._target_keys.append(keys)
            for start, end in _gram_spans(keys):
                key = " ".join(keys[start:end])
                grams.setdefault(key, " ".join(s[1] for s in stems[start:end]))
            self._target_grams.append(grams)
            for key in grams:
                self._target_index[key].add(number)

    def _stem(self, token: str, vocabulary: set[str]) -> tuple[str, str]:
        cached = self._stems.get(token)
        if cached is None:
            cached = self._stems[token] = _strip_clitics(token, vocabulary)
        return cached

    def units_with(self, term: str) -> set[int]:
        """Units whose source has the term (its last word may take an English plural -s/-es)."""
        words = _TOKEN.findall(normalize_form(term))
        if not words:
            return set()
        head = " ".join(words[:-1] + [""])
        found: set[int] = set()
        for last in (words[-1], words[-1] + "s", words[-1] + "es"):
            found |= self._source_index.get(head + last, set())
        return found

    def renderings(self, term: str, limit: int = 5) -> Renderings | None:
        """Main renderings by greedy cover, then competing ones that hide in covered units."""
        with_term = self.units_with(term)
        if not with_term:
            return None
        remaining = set(with_term)
        support = 1 if len(with_term) < 20 else max(2, -(-len(with_term) // 20))  # 5%, rounded up
        chosen: list[tuple[str, float]] = []
        while remaining and len(chosen) < limit:
            counts: Counter = Counter()
            for number in remaining:
                counts.update(self._target_grams[number].keys())
            size = len(remaining)
            best, best_score = None, (0.0, 0)
            floor = 0.1 if not chosen else 0.2
            for key, count in counts.items():
                if chosen and count < support:
                    continue
                spread = len(self._target_index[key])
                score = (2 * count / (size + spread), -len(key))  # a tie goes to the shorter
                if score > best_score:
                    best, best_score = key, score
            if best is None or best_score[0] < floor:
                break
            chosen.append((best, best_score[0]))
            remaining -= self._target_index[best]
        self._add_competitors(chosen, with_term, limit)
        renderings = []
        for key, dice in chosen:
            having = self._target_index[key] & with_term
            renderings.append(Rendering(key, len(having), dice))
        covered = set().union(*(self._target_index[k] for k, _ in chosen)) if chosen else set()
        return Renderings(term, len(with_term), min(with_term), tuple(renderings), len(with_term - covered))

    def _add_competitors(self, chosen: list[tuple[str, float]], with_term: set[int], limit: int) -> None:
        """Variants of a main rendering hidden in units the greedy cover had already explained
        (فيروسات تاجية beside فيروس كورونا): they share a word with a main rendering, are used
        mostly with the term (precision >= 0.6), and stand apart from the main renderings in at
        least two units (so 'مرض فيروس', a neighbour of فيروس كورونا, is not one)."""
        main = [k for k, _ in chosen]
        main_words = {w for k in main for w in k.split()}
        counts: Counter = Counter()
        for number in with_term:
            counts.update(self._target_grams[number].keys())
        candidates = []
        for key, count in counts.items():
            spread = len(self._target_index[key])
            if count < 2 or count < 0.6 * spread or not main_words & set(key.split()):
                continue
            if any(_contains(key, k) or _contains(k, key) for k in main):
                continue
            apart = sum(1 for n in self._target_index[key] & with_term if self._stands_apart(n, key, main))
            if apart >= 2:
                candidates.append((count, -len(key), key, 2 * count / (len(with_term) + spread)))
        for count, _, key, dice in sorted(candidates, reverse=True):
            if len(chosen) >= limit:
                break
            if any(_contains(key, k) or _contains(k, key) for k, _ in chosen):
                continue  # a longer or shorter piece of one already listed
            chosen.append((key, dice))

    def _stands_apart(self, number: int, key: str, main: list[str]) -> bool:
        """Some occurrence of `key` in unit `number` overlaps no occurrence of a main rendering."""
        words = self._target_keys[number]
        taken: set[int] = set()
        for other in main:
            for start in _positions(words, other.split()):
                taken.update(range(start - 1, start + len(other.split()) + 1))  # neighbours too
        size = len(key.split())
        return any(not taken & set(range(start, start + size)) for start in _positions(words, key.split()))

    def frequent_terms(self, min_count: int, limit: int) -> list[str]:
        """Source n-grams in at least `min_count` units, most frequent first, without a shorter
        n-gram that mostly occurs inside a longer one ('coronavirus disease' keeps 'disease' out
        unless 'disease' is common on its own)."""
        frequent = {g: len(us) for g, us in self._source_index.items()
                    if len(us) >= min_count and _is_term(g)}
        kept = []
        for gram, count in frequent.items():
            longer = [c for g, c in frequent.items() if len(g) > len(gram) and f" {gram} " in f" {g} "]
            if any(c >= 0.8 * count for c in longer):
                continue
            kept.append((gram, count))
        kept.sort(key=lambda gc: (-gc[1], gc[0]))
        return [g for g, _ in kept[:limit]]


def _contains(longer: str, shorter: str) -> bool:
    return f" {shorter} " in f" {longer} "


def _positions(words: list[str], gram: list[str]) -> list[int]:
    size = len(gram)
    return [i for i in range(len(words) - size + 1) if words[i:i + size] == gram]


def _is_term(gram: str) -> bool:
    words = gram.split()
    return all(w.isalpha() for w in words) and (len(words) > 1 or len(words[0]) >= 3)


def _gram_spans(words: list[str], longest: int = 3) -> Iterable[tuple[int, int]]:
    for start in range(len(words)):
        if words[start] in _STOP or words[start].isdigit():
            continue
        for end in range(start + 1, min(start + longest, len(words)) + 1):
            last = words[end - 1]
            if last in _STOP or last.isdigit():
                continue
            yield start, end


def _ngrams(words: list[str]) -> Iterable[str]:
    for start, end in _gram_spans(words):
        yield " ".join(words[start:end])


def _strip_clitics(token: str, vocabulary: set[str]) -> tuple[str, str]:
    """(stem, spelling shown): والفيروس -> (فيروس, الفيروس); وفيروس -> (فيروس, فيروس)."""
    if token in _STOP:
        return token, token
    for prefix in _ARTICLE_PREFIXES:
        stem = token[len(prefix):]
        if token.startswith(prefix) and len(stem) >= 2:
            # التهاب is not ال + تهاب: the stem must be a word of the corpus on its own.
            if stem in vocabulary or prefix != _ARTICLE:
                return stem, _ARTICLE + stem
            break
    for prefix in _BARE_PREFIXES:
        stem = token[len(prefix):]
        if token.startswith(prefix) and len(stem) >= 3 and stem in vocabulary:
            return stem, stem
    return token, token

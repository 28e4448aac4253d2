"""The small typed objects that flow through termcheck's pipeline.

read -> normalize -> match -> (align) -> rules -> findings -> emit/fix.
Everything here is plain data; behaviour lives in the modules that use it.
"""

from __future__ import annotations

import bisect
from array import array
from dataclasses import dataclass, field
from enum import Enum
from collections.abc import Callable
from typing import Any, NamedTuple


class Severity(str, Enum):
    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        return _SEVERITY_RANK[self]


_SEVERITY_RANK = {Severity.INFO: 0, Severity.WARNING: 1, Severity.ERROR: 2}


class Status(str, Enum):
    """TBX administrative status of a term, reduced to what a house style needs."""

    PREFERRED = "preferred"  # preferredTerm-admn
    ALLOWED = "allowed"  # admittedTerm-admn
    FORBIDDEN = "forbidden"  # deprecatedTerm-admn / supersededTerm-admn


LANGS = ("ar", "en")


class SourceRef(NamedTuple):
    """Where something was read from: a file and a 1-based line (0 when unknown)."""

    path: str
    line: int = 0

    def __str__(self) -> str:
        return f"{self.path}:{self.line}" if self.line else self.path


class Term(NamedTuple):
    """One form of a concept. A tuple, not a dataclass: glossaries hold hundreds of thousands."""

    text: str
    lang: str
    status: Status
    origin: SourceRef | None = None


@dataclass
class Concept:
    id: str | None
    terms: list[Term]
    note: str = ""
    origin: SourceRef | None = None
    index: int = 0  # position in the glossary; stable key when id is missing
    # Longer phrases that contain a form of the concept but mean something else (false friends:
    # 'cell phone' for the concept 'cell'): matched so that they hide the form, never reported.
    false_friends: list[Term] = field(default_factory=list)

    @property
    def key(self) -> str:
        """How findings, JSON `concept` and baselines name the concept: its id; without one, its
        preferred form (English, else Arabic, else its first form) as a person knows it; `#n` (its
        position) only for a concept without any form."""
        if self.id:
            return self.id
        for lang in ("en", "ar"):
            term = self.preferred(lang)
            if term is not None and term.text.strip():
                return term.text
        return next((t.text for t in self.terms if t.text.strip()), f"#{self.index + 1}")

    @property
    def is_name(self) -> bool:
        """A name or an acronym, not a common term: its English form has a capital letter (al-Muhandis
        too); a gloss in parentheses does not count ('coronavirus (COVID-19)' is a common term), nor
        does the first letter of a phrase in sentence case ('Severe outbreak', as term lists write
        their entries, is a common term; 'Kataib Hezbollah' and 'Wuhan' are names)."""
        form = self.preferred("en") or next(iter(self.forms("en")), None)
        if form is None:
            return False
        head = (form.text.split("(", 1)[0] or form.text).strip()
        if len(head.split()) > 1:
            head = head[1:]  # sentence case: the first capital proves nothing in a phrase
        return any(char.isupper() for char in head)

    def preferred(self, lang: str) -> Term | None:
        for term in self.terms:
            if term.lang == lang and term.status is Status.PREFERRED:
                return term
        return None

    def forms(self, lang: str, *statuses: Status) -> list[Term]:
        return [t for t in self.terms if t.lang == lang and (not statuses or t.status in statuses)]

    def accepted(self, lang: str) -> list[Term]:
        return self.forms(lang, Status.PREFERRED, Status.ALLOWED)


@dataclass(frozen=True)
class GlossaryOptions:
    """Glossary-level normalization choices (house-dependent Arabic spelling folds)."""

    fold_alef_maqsura: bool = False  # ى == ي
    fold_ta_marbuta: bool = False  # ة == ه


@dataclass
class Glossary:
    concepts: list[Concept]
    path: str = ""
    options: GlossaryOptions = field(default_factory=GlossaryOptions)
    warnings: list[str] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.concepts)

    def by_key(self) -> dict[str, Concept]:
        """The concepts by key, built once (rules ask per unit and bead; a loaded glossary's concepts
        do not change), and again if the list has grown."""
        count, cached = self.__dict__.get("_by_key", (-1, {}))
        if count != len(self.concepts):
            cached = {c.key: c for c in self.concepts}
            self.__dict__["_by_key"] = (len(self.concepts), cached)
        return cached


class TextIndex:
    """Turns character offsets of one text into 1-based (line, column) pairs."""

    def __init__(self, text: str) -> None:
        # An array, not a list: a million lines cost 4 MB (8 past 2**31 characters), not 36 MB of int objects.
        self._starts = array("i" if len(text) < 1 << 31 else "q", [0])
        append = self._starts.append
        pos = text.find("\n")
        while pos != -1:
            append(pos + 1)
            pos = text.find("\n", pos + 1)

    def line_col(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self._starts, offset) - 1
        return line + 1, offset - self._starts[line] + 1

    def line_start(self, line: int) -> int:
        return self._starts[line - 1]

    @property
    def line_count(self) -> int:
        return len(self._starts)


@dataclass
class Document:
    """One decoded input text. Offsets everywhere are indices into `text`."""

    path: str
    text: str
    lang: str
    encoding: str = "utf-8"
    _index: TextIndex | None = field(default=None, repr=False, compare=False)

    @property
    def index(self) -> TextIndex:
        if self._index is None:
            self._index = TextIndex(self.text)
        return self._index

    def location(self, start: int, end: int) -> Location:
        line, col = self.index.line_col(start)
        end_line, end_col = self.index.line_col(end)
        return Location(self.path, start, end, line, col, end_line, end_col)


@dataclass(frozen=True, slots=True)
class Location:
    """A span [start, end) of a document's text; lines and columns are 1-based characters.

    end_column is exclusive, like ruff/SARIF: the column just after the last character.
    """

    path: str
    start: int
    end: int
    line: int
    column: int
    end_line: int
    end_column: int


@dataclass(frozen=True, slots=True)
class Segment:
    """A paragraph or a sentence: the span [start, end) of its document's original text.

    kind is 'heading', 'list-item', 'quote' or 'paragraph' for paragraphs, 'sentence' for
    sentences; a sentence knows the index of its paragraph.
    """

    index: int
    start: int
    end: int
    kind: str = "paragraph"
    paragraph: int = -1


@dataclass(frozen=True, slots=True)
class Bead:
    """One alignment unit: source segment indices paired with target segment indices.

    1-0 and 0-1 beads (text on one side only) have an empty side. Indices are 0-based over the
    paragraphs or the sentences of each file, in file order.
    """

    source: tuple[int, ...]
    target: tuple[int, ...]
    confidence: float = 1.0


class Applicability(str, Enum):
    SAFE = "safe"
    UNSAFE = "unsafe"
    DISPLAY = "display-only"


@dataclass(frozen=True, slots=True)
class Fix:
    """Replace text[start:end] of the finding's document with `replacement`."""

    start: int
    end: int
    replacement: str
    applicability: Applicability = Applicability.SAFE

    def __reduce__(self):
        # its values as they are, not the frozen dataclass's state dict (a Python loop over its
        # fields a fix): most of unpickling a worker's findings, in the parent's critical path
        return (Fix, (self.start, self.end, self.replacement, self.applicability))


@dataclass(slots=True)
class Finding:
    rule: str
    severity: Severity
    location: Location
    found: str
    message: str
    expected: str | None = None
    concept: str | None = None
    fix: Fix | None = None
    source: Location | None = None  # cross-language rules: where the source term stands
    source_text: str | None = None
    suggestion: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def sort_key(self) -> tuple:
        loc = self.location
        return (loc.path, loc.start, loc.end, self.rule)

    def to_dict(self) -> dict[str, Any]:
        loc = self.location
        data: dict[str, Any] = {
            "rule": self.rule,
            "severity": self.severity.value,
            "path": loc.path,
            "line": loc.line,
            "column": loc.column,
            "end_line": loc.end_line,
            "end_column": loc.end_column,
            "found": self.found,
            "expected": self.expected,
            "concept": self.concept,
            "message": self.message,
        }
        if self.fix is not None:
            data["fix"] = {
                "replacement": self.fix.replacement,
                "applicability": self.fix.applicability.value,
            }
        if self.source is not None:
            data["source_path"] = self.source.path
            data["source_line"] = self.source.line
            data["source_column"] = self.source.column
            data["source_text"] = self.source_text
        if self.suggestion is not None:
            data["suggestion"] = self.suggestion
        data.update(self.extra)
        return data

    def __reduce__(self):
        # A worker's findings reach the parent pickled: flat values and one call per finding cost
        # half of the dataclasses' default (a slots state dict per object; 19,000 TC101 findings)
        loc = self.location
        rest = ((self.source, self.source_text, self.suggestion, self.extra)
                if self.source is not None or self.source_text is not None or self.suggestion is not None
                or self.extra else None)
        return (_finding, (self.rule, self.severity, loc.path, loc.start, loc.end, loc.line, loc.column,
                           loc.end_line, loc.end_column, self.found, self.message, self.expected, self.concept,
                           self.fix, rest))


COMPACT_FINDINGS = 20_000  # a rule with more findings than this to make may make SpanFindings


class SpanFinding:
    """A Finding of a span of a Document whose other values it shares with every finding of its
    kind (`SpanKind`): one object of three slots (~110 bytes with its two offsets) instead of a
    Finding, its Location, Fix, found text, message and extra dict (~520 bytes). The location,
    found text, message and fix are made from the span when read, the same values a Finding would
    hold. Dense copy keeps --max-findings of these (100,000 TC101 findings were 52 MB, most of
    a million-finding lint's memory, issue 11).

    It reads as a Finding: the same attributes, == a Finding of the same values, pickled and
    dataclasses.replace'd as a Finding (so a rule that rewrites one gets a plain Finding)."""

    __slots__ = ("_kind", "_start", "_end")
    __dataclass_fields__ = Finding.__dataclass_fields__  # dataclasses.fields/replace/asdict read it
    __hash__ = None  # type: ignore[assignment]

    def __new__(cls, *args, **kwargs):  # what dataclasses.replace calls: a plain Finding
        return Finding(*args, **kwargs)

    rule = property(lambda self: self._kind.rule)
    severity = property(lambda self: self._kind.severity)
    expected = property(lambda self: self._kind.expected)
    concept = property(lambda self: self._kind.concept)
    source = source_text = suggestion = property(lambda self: None)
    extra = property(lambda self: {})

    @property
    def found(self) -> str:
        return self._kind.doc.text[self._start:self._end]

    @property
    def location(self) -> Location:
        return self._kind.doc.location(self._start, self._end)

    @property
    def message(self) -> str:
        return self.found.join(self._kind.message_parts)

    @property
    def fix(self) -> Fix | None:
        kind = self._kind
        return None if kind.fix is None else Fix(self._start, self._end, kind.fix.replacement, kind.fix.applicability)

    @property
    def sort_key(self) -> tuple:
        return (self._kind.doc.path, self._start, self._end, self._kind.rule)

    def finding(self) -> Finding:
        """The same finding as a plain Finding."""
        return Finding(self.rule, self.severity, self.location, self.found, self.message, self.expected,
                       self.concept, self.fix)

    def __eq__(self, other) -> bool:
        if isinstance(other, (Finding, SpanFinding)):
            return self.finding() == (other.finding() if isinstance(other, SpanFinding) else other)
        return NotImplemented

    def __repr__(self) -> str:
        return repr(self.finding())

    def to_dict(self) -> dict[str, Any]:
        return self.finding().to_dict()

    def __reduce__(self):
        return self.finding().__reduce__()


class SpanKind:
    """What the SpanFindings of one kind share: the document and the values of `make(found)`, the
    kind's Finding for a found text (its location is not read; its fix, if any, replaces the
    finding's span). The message is the found text joined by the parts around it, checked on two
    made-up found texts: a `make` whose message changes the found text (quotes part of it, changes
    its case) is refused."""

    __slots__ = ("doc", "rule", "severity", "expected", "concept", "fix", "message_parts")

    # found texts no document holds (binary input, a NUL, is refused by termcheck.io)
    _PROBES = ("\x00Found\x00", "\x00oTHER\x01")

    def __init__(self, doc: Document, make: Callable[[str], Finding]) -> None:
        prototype, other = (make(probe) for probe in self._PROBES)
        parts = tuple(prototype.message.split(self._PROBES[0]))
        if (prototype.found, other.found) != self._PROBES or other.message != self._PROBES[1].join(parts) \
                or any(getattr(f, name) is not None for f in (prototype, other)
                       for name in ("source", "source_text", "suggestion")) or prototype.extra or other.extra:
            raise ValueError("a SpanKind's Finding has the found text as given, in its message as given, "
                             "and no source, suggestion or extra")
        self.doc = doc
        self.rule, self.severity = prototype.rule, prototype.severity
        self.expected, self.concept, self.fix = prototype.expected, prototype.concept, prototype.fix
        self.message_parts = parts

    def at(self, start: int, end: int) -> SpanFinding:
        """The finding of this kind at doc.text[start:end] (its fix, if any, replaces that span)."""
        finding = _NEW(SpanFinding)
        _SET_KIND(finding, self)
        _SET_START(finding, start)
        _SET_END(finding, end)
        return finding


_NEW = object.__new__
_SET_KIND, _SET_START, _SET_END = (getattr(SpanFinding, name).__set__ for name in ("_kind", "_start", "_end"))


def _finding(rule, severity, path, start, end, line, column, end_line, end_column, found, message, expected,
             concept, fix, rest) -> Finding:
    """Finding.__reduce__'s inverse."""
    location = Location(path, start, end, line, column, end_line, end_column)
    if rest is None:
        return Finding(rule, severity, location, found, message, expected, concept, fix)
    return Finding(rule, severity, location, found, message, expected, concept, fix, *rest)


class InputError(Exception):
    """Bad input the user can fix: reported as one line on stderr, exit code 2."""

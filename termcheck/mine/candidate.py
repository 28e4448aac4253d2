"""What the miner proposes: candidate concepts with their spellings and the evidence for each."""

from __future__ import annotations

from dataclasses import dataclass, field

from termcheck.model import Status


@dataclass(frozen=True)
class Example:
    path: str
    line: int
    context: str  # the sentence or unit, whitespace collapsed, cut around the form

    def __str__(self) -> str:
        return f"{self.path}:{self.line}"


@dataclass
class Spelling:
    text: str
    count: int
    status: Status = Status.PREFERRED
    examples: list[Example] = field(default_factory=list)


@dataclass
class Candidate:
    kind: str  # 'name' (paired by transliteration) or 'term' (paired by association)
    en: list[Spelling]  # preferred first
    ar: list[Spelling]
    pairs: int  # aligned pairs in which the two sides were found together
    confidence: float  # 0..1: how sure the pairing is (see termcheck.mine.rank)
    score: float  # the ranking score
    known: str | None = None  # the id of the --existing concept these are new spellings of

    def preferred(self, lang: str) -> str:
        forms = self.en if lang == "en" else self.ar
        return next((s.text for s in forms if s.status is Status.PREFERRED), "")

    def forms(self, lang: str, status: Status) -> list[Spelling]:
        return [s for s in (self.en if lang == "en" else self.ar) if s.status is status]

"""TC301 inconsistent translation and TC302 inconsistent source, across all units of a run.

Units are grouped by their normalized source (with context and plural form) for TC301, or by
their normalized target for TC302 (plural forms left out: they share targets by nature); a group
whose other side has two or more keys is one finding at its first unit, listing every variant
with its count and where it is.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable

from termcheck.formats.units import Unit
from termcheck.model import Finding
from termcheck.text.normalize import normalize_form
from termcheck.units.finding import unit_finding, where
from termcheck.units.locate import Locator
from termcheck.units.text import matchable, short


def _key(text: str) -> str:
    return normalize_form(matchable(text))


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


def inconsistencies(units: Iterable[Unit], locator: Locator, code: str,
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
                message = (f"'{short(shared)}' is not rendered the same way elsewhere; this unit is left out "
                           f"of the comparison by its note") if code == "TC301" else (
                           f"'{short(shared)}' also translates other sources; this unit is left out of the "
                           f"comparison by its note")
                yield unit_finding(code, unit, locator.target(unit, found), found, message)
            members = [(key, unit) for key, unit in members if not any(unit is u for u in left_out)]
            if len({key for key, _ in members}) < 2:
                continue
        first = members[0][1]
        variants = _variants(members, other)
        listed = "; ".join(
            f"'{text}' ×{len(group)} ({', '.join(where(u, first) for u in group)})" for text, group in variants
        )
        shared = getattr(first, by).strip()
        if code == "TC301":
            message = f"'{short(shared)}' is translated {len(variants)} ways in {len(members)} units: {listed}"
        else:
            message = f"'{short(shared)}' translates {len(variants)} different sources in {len(members)} units: {listed}"
        extra = {
            by: shared,
            "variants": [
                {other: text, "count": len(group),
                 "locations": [{"path": u.path, "line": u.line, "unit": u.id} for u in group]}
                for text, group in variants
            ],
        }
        found = first.target.strip()
        yield unit_finding(code, first, locator.target(first, found), found, message, extra=extra)

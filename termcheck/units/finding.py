"""The one way a unit rule reports: a Finding tied to its unit (extra['unit'] names it).

Rules yield (unit, finding) pairs; a finding built elsewhere (the TC101/TC201/TC202 builders of
the document rules) is tied to its unit with `for_unit`.
"""

from __future__ import annotations

from typing import Any

from termcheck.formats.units import Unit
from termcheck.model import Finding, Location
from termcheck.rules.registry import rule
from termcheck.units.text import short


def unit_finding(code: str, unit: Unit, location: Location, found: str, message: str,
                 **fields: Any) -> tuple[Unit, Finding]:
    meta = rule(code)
    message, extra = _tied(unit, message, fields.pop("extra", {}))
    # built once, tied already (for_unit's dataclasses.replace was a tenth of a number-heavy catalogue)
    return unit, Finding(rule=meta.code, severity=meta.severity, location=location, found=found,
                         message=message, extra=extra, **fields)


def for_unit(unit: Unit, finding: Finding) -> tuple[Unit, Finding]:
    """`finding`, just built for `unit` by a document rule's builder, tied to it in place: the unit's
    id (and PO msgctxt) in extra; an MO unit has no line to point at, so its msgid is named, and a
    msgctxt is named apart from the msgid it disambiguates. (In place: dataclasses.replace copied
    every field of every term finding.)"""
    finding.message, finding.extra = _tied(unit, finding.message, finding.extra)
    return unit, finding


def _tied(unit: Unit, message: str, extra: dict) -> tuple[str, dict]:
    """(message, extra) of a finding on `unit`, as for_unit describes."""
    named = [] if unit.line else [f"msgid '{short(unit.id or unit.source)}'"]
    if unit.context is not None:
        named.insert(0, f"msgctxt '{short(unit.context)}'")
    message = f"{', '.join(named)}: {message}" if named else message
    return message, {"unit": unit.id, **({"context": unit.context} if unit.context is not None else {}), **extra}


def where(unit: Unit, anchor: Unit) -> str:
    """Where `unit` is, as short as it can be said from `anchor`'s file."""
    if unit.path == anchor.path:
        return f"line {unit.line}" if unit.line else f"'{unit.id}'"
    return unit.where if unit.line else f"{unit.path} '{unit.id}'"

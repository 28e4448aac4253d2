"""termcheck rules [CODE]: the rule catalogue, like `ruff rule`."""

from __future__ import annotations

import json
from typing import Optional

import typer

from termcheck.commands import common


def rules(
    code: Optional[str] = typer.Argument(None, metavar="CODE", help="A rule code or prefix (TC101, TC2); all rules if omitted."),
    fmt: common.OutputFormat = common.format_option(common.OutputFormat.text, common.OutputFormat.json),
) -> None:
    """List the rules with their code, name, default severity and what they check."""
    from termcheck.model import InputError
    from termcheck.rules.registry import RULES

    chosen = [r for c, r in RULES.items() if code is None or c.startswith(code.upper())]
    if not chosen:
        raise InputError(f"no rule matches '{code}'; run `termcheck rules` for the list")
    if fmt is common.OutputFormat.json:
        typer.echo(json.dumps([{**r.__dict__, "severity": r.severity.value} for r in chosen], ensure_ascii=False, indent=2))
        return
    for r in chosen:
        if len(chosen) == 1:
            typer.echo(f"{r.code} {r.name} ({r.severity.value})\n\nWhat it does: {r.what}\nWhy: {r.why}\nExample: {r.example}")
        else:
            typer.echo(f"{r.code}  {r.name:<26} {r.severity.value:<8} {r.what}")


def register(app: typer.Typer) -> None:
    app.command("rules")(rules)

"""termcheck glossary validate|stats (placeholder until the glossary package lands)."""

import typer


def register(app: typer.Typer) -> None:
    pass

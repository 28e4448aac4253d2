"""The termcheck command line: thin wrappers that parse options, call the library, emit.

Each command lives in termcheck/commands/<name>.py and registers itself on the app. Heavy
packages (torch, transformers, ctranslate2) are imported only inside the code paths that need them.
"""

from __future__ import annotations

import importlib
import sys

import typer

from termcheck.model import InputError

app = typer.Typer(
    name="termcheck",
    help="Check Arabic<->English copy against a house glossary.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)

COMMAND_MODULES = ("lint", "glossary", "rules", "check", "score", "mt", "units", "align")

for _name in COMMAND_MODULES:
    importlib.import_module(f"termcheck.commands.{_name}").register(app)


def _print_version(value: bool) -> None:
    """Runs while the options are parsed, so `termcheck --version` needs no command."""
    if value:
        from termcheck import __version__

        typer.echo(f"termcheck {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(False, "--version", help="Print the version and exit.", is_eager=True,
                                 callback=_print_version),
) -> None:
    pass


def main() -> None:
    try:
        app()
    except InputError as exc:
        print(f"termcheck: error: {exc}", file=sys.stderr)
        sys.exit(2)
    except KeyboardInterrupt:
        sys.exit(130)

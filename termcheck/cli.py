"""The termcheck command line: thin wrappers that parse options, call the library, emit.

Each command lives in termcheck/commands/<name>.py and registers itself on the app. Heavy
packages (torch, transformers, ctranslate2) are imported only inside the code paths that need them.
"""

from __future__ import annotations

import copy
import importlib
import sys

import typer

from termcheck.model import InputError

# One example per command, shown under the command list of `termcheck --help` (like git's and
# ruff's). Each line is a complete command a user can adapt; "\b" keeps click from rewrapping.
EXAMPLES = (
    ("lint", "termcheck lint docs/ -g glossary.csv --fix"),
    ("check", "termcheck check ar.md en.md -g glossary.csv"),
    ("units", "termcheck units locale/ -g glossary.csv --format html -o units.html"),
    ("align", "termcheck align ar.md en.md --level paragraph"),
    ("glossary", "termcheck glossary validate glossary.csv"),
    ("rules", "termcheck rules TC101"),
    ("score", "termcheck score mt.txt reference.txt"),
    ("mt", "termcheck mt translate ar.txt -m ./opus-mt-ar-en -g glossary.csv"),
)

app = typer.Typer(
    name="termcheck",
    help="Check Arabic<->English copy against a house glossary.",
    epilog="\b\nExamples:\n" + "\n".join(f"  {example}" for _, example in EXAMPLES),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)

# in the order `termcheck --help` lists them: the checks first, then the tools around them
COMMAND_MODULES = ("lint", "check", "units", "align", "glossary", "rules", "score", "mt")

for _name in COMMAND_MODULES:
    importlib.import_module(f"termcheck.commands.{_name}").register(app)


def _print_version(value: bool) -> None:
    """Runs while the options are parsed, so `termcheck --version` needs no command."""
    if value:
        from termcheck import __version__

        typer.echo(f"termcheck {__version__}")
        raise typer.Exit()


def _limit(name: str, size: bool = False):
    """A --max-* option: sets termcheck.limits.LIMITS.<name> while the options are parsed."""
    from termcheck.limits import LIMITS, Limits, parse_size

    def set_limit(value: str | None) -> None:
        if value is None:
            return
        try:
            number = parse_size(value)
        except ValueError:
            raise typer.BadParameter(f"'{value}' is not a positive number such as 5000, 64K or 64M") from None
        setattr(LIMITS, name, number)

    default = getattr(Limits, name)
    shown = f"{default >> 20}M" if size else f"{default:,}"
    return typer.Option(None, Limits.option(name), callback=set_limit, metavar="N",
                        help=f"Raise or lower the limit (default {shown}); may stand anywhere on the command line.")


@app.callback()
def _root(
    version: bool = typer.Option(False, "--version", metavar="", help="Print the version and exit.", is_eager=True,
                                 callback=_print_version),
    max_file_size: str = _limit("file_size", size=True),
    max_line_length: str = _limit("line_length"),
    max_depth: str = _limit("depth"),
    max_digits: str = _limit("digits"),
    max_term_length: str = _limit("term_length"),
    max_units: str = _limit("units"),
    max_files: str = _limit("files"),
    max_segment_words: str = _limit("segment_words"),
    max_findings: str = _limit("findings"),
) -> None:
    pass


def hoist_limit_options(args: list[str]) -> list[str]:
    """Move every --max-* option (and its value) before the command, where the root parses it,
    so `termcheck lint x.md --max-file-size 100M` works as the error messages suggest."""
    from termcheck.limits import OPTION_NAMES

    hoisted: list[str] = []
    rest: list[str] = []
    i = 0
    while i < len(args):
        arg = args[i]
        if arg == "--":
            rest.extend(args[i:])
            break
        name = arg.split("=", 1)[0]
        if name in OPTION_NAMES:
            hoisted.append(arg)
            if "=" not in arg and i + 1 < len(args):
                hoisted.append(args[i + 1])
                i += 1
        else:
            rest.append(arg)
        i += 1
    return hoisted + rest


def _click():
    """(click module, Abort): typer >= 0.2x vendors click as typer._click; older ones use click."""
    try:
        from typer import _click as click
        from typer.exceptions import Abort
    except ImportError:  # pragma: no cover - older typer
        import click
        from click.exceptions import Abort
    return click, Abort


def _usage_error(exc) -> int:
    """A click usage error as one line: `termcheck: error: lint: No such option: --nope`."""
    click, _ = _click()
    context = getattr(exc, "ctx", None)
    where = ""
    if context is not None and context.command_path:
        command = context.command_path.split(" ", 1)[1:] or [""]
        where = f"{command[0]}: " if command[0] else ""
        hint = f" (see termcheck {command[0] + ' ' if command[0] else ''}--help)"
    else:
        hint = " (see termcheck --help)"
    message = exc.format_message() if isinstance(exc, click.ClickException) else str(exc)
    print(f"termcheck: error: {where}{' '.join(message.split())}{hint}", file=sys.stderr)
    return getattr(exc, "exit_code", 2) or 2


def command():
    """The click command tree of `app`, with help pages that name values only by their metavars:
    `-h, --help` is a flag and an argument's metavar (PATH, CODE) is its type (typer would print
    `<bool>` and `<list[str]>`; options get their metavars where they are declared)."""
    click, _ = _click()
    root = typer.main.get_command(app)

    def no_type(ctx=None) -> None:
        return None

    def visit(cmd) -> None:
        option = cmd.get_help_option(click.Context(cmd, info_name=cmd.name))
        if option is not None:  # the Command caches it, so the help page shows this one
            option.metavar = ""
        for param in cmd.params:
            if param.param_type_name == "argument":
                param.display_type_rich = no_type
                if getattr(param, "type", None) is not None:  # typer 0.28 prints <str> without it (0.29 has no type)
                    param.type = copy.copy(param.type)
                    param.type.get_metavar = lambda *args, **kwargs: ""
                if param.nargs != 1:
                    param.get_usage_pieces = _repeated(param.get_usage_pieces)
        for sub in getattr(cmd, "commands", {}).values():
            visit(sub)

    visit(root)
    return root


def _repeated(usage_pieces):
    """An argument that takes several values shows `...` after its metavar in the usage line
    (`{PATH}...`), as typer 0.29 writes it and 0.28 does not."""
    def pieces(ctx):
        return [piece if piece.endswith("...") else piece + "..." for piece in usage_pieces(ctx)]
    return pieces


def run() -> None:
    """The program: the console script and `python -m termcheck`. main(), then the process ends
    without tearing the interpreter down, once standard output and error are flushed and the exit
    handlers have run: freeing every object of a run one by one (a compiled glossary, a tree's
    findings and memos) took 0.09 s of `lint --select TC101`'s 1 s on the 10 MB bench tree, 0.2 s
    of every rule's (as mypy's hard_exit does). main() stays an ordinary function that tests call."""
    try:
        main()
        code = 0
    except SystemExit as done:
        code = done.code
    import threading

    if threading.active_count() > 1 or sys.getprofile() is not None or sys.gettrace() is not None:
        # a thread still running, or a profiler or tracer (python -m cProfile -o, coverage) that
        # writes what it saw after the program returns: the interpreter's own exit
        sys.exit(code)
    if code is None:
        code = 0
    elif not isinstance(code, int):  # sys.exit's way with a message
        print(code, file=sys.stderr)
        code = 1
    import atexit
    import os

    atexit._run_exitfuncs()
    try:
        sys.stdout.flush()
    except (BrokenPipeError, OSError):  # as the interpreter's own exit reports a lost stdout
        code = code or 120
    try:
        sys.stderr.flush()
    except (BrokenPipeError, OSError):
        pass
    os._exit(code)


def main(args: list[str] | None = None) -> None:
    click, Abort = _click()
    args = hoist_limit_options(list(sys.argv[1:] if args is None else args))
    try:
        code = command()(args=args, prog_name="termcheck", standalone_mode=False)
    except InputError as exc:
        print(f"termcheck: error: {exc}", file=sys.stderr)
        sys.exit(2)
    except click.exceptions.NoArgsIsHelpError as exc:  # `termcheck glossary`: the help, as before
        print(exc.ctx.get_help() if exc.ctx else str(exc))
        sys.exit(2)
    except click.ClickException as exc:
        sys.exit(_usage_error(exc))
    except (Abort, KeyboardInterrupt):
        sys.exit(130)
    except BrokenPipeError:  # `termcheck ... | head`
        sys.stderr.close()
        sys.exit(1)
    sys.exit(code if isinstance(code, int) else 0)

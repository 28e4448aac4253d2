"""Project configuration: `termcheck.toml`, or `[tool.termcheck]` in pyproject.toml.

The file is found by walking up from the working directory (the first termcheck.toml, or the
first pyproject.toml that has a [tool.termcheck] table). Paths and globs in it are relative to
the file's directory. Command-line options always win over the file (`apply_config`).
"""

from __future__ import annotations

import os
import re
import sys
from dataclasses import dataclass, field, replace

from termcheck.model import Finding, InputError, Severity

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on 3.10 only
    import tomli as tomllib

CONFIG_NAME = "termcheck.toml"
DEFAULT_INCLUDE = ("**/*.md", "**/*.txt", "**/*.html")
FAIL_ON_VALUES = ("error", "warning", "info", "never")
KNOWN_KEYS = ("glossary", "include", "exclude", "lang", "select", "ignore", "severity", "fail-on", "encoding")


@dataclass
class Config:
    """Settings from the file (or empty); `root` anchors its relative paths and globs."""

    path: str | None = None
    root: str = "."
    glossary: list[str] = field(default_factory=list)
    include: list[str] = field(default_factory=lambda: list(DEFAULT_INCLUDE))
    exclude: list[str] = field(default_factory=list)
    lang: dict[str, str] = field(default_factory=dict)  # glob -> 'ar' | 'en'
    select: list[str] | None = None
    ignore: list[str] | None = None
    severity: dict[str, Severity] = field(default_factory=dict)
    fail_on: str | None = None
    encoding: str | None = None
    warnings: list[str] = field(default_factory=list)
    glossary_line: int = 1  # where the file names its glossary, for errors


# -- finding and reading the file ---------------------------------------------------------------


def find_config(start: str | None = None) -> str | None:
    """The nearest termcheck.toml, or pyproject.toml with [tool.termcheck], from `start` upwards."""
    directory = os.path.abspath(start or os.getcwd())
    while True:
        candidate = os.path.join(directory, CONFIG_NAME)
        if os.path.isfile(candidate):
            return candidate
        pyproject = os.path.join(directory, "pyproject.toml")
        if os.path.isfile(pyproject) and _has_tool_table(pyproject):
            return pyproject
        parent = os.path.dirname(directory)
        if parent == directory:
            return None
        directory = parent


def _has_tool_table(path: str) -> bool:
    try:
        with open(path, encoding="utf-8") as handle:
            text = handle.read()
    except (OSError, UnicodeDecodeError):
        return False
    return re.search(r"(?m)^\s*\[\s*tool\.termcheck\s*[\].]", text) is not None


def load_config(path: str) -> Config:
    """Read and validate one config file; bad content raises InputError 'path:line: ...'."""
    from termcheck.io import read_bytes

    raw = read_bytes(path)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise InputError(f"{path}:1: config is not valid UTF-8") from None
    _check_nesting(path, text)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise InputError(_toml_error(path, text, str(exc))) from None
    except RecursionError:  # nesting under --max-depth that tomllib still cannot hold
        raise InputError(f"{path}:1:1: TOML is nested too deep to read") from None
    if os.path.basename(path) == "pyproject.toml":
        data = data.get("tool", {}).get("termcheck", {})
    return _build(path, text, data)


_TOML_TOKENS = re.compile(r'"""|\'\'\'|"(?:[^"\\\n]|\\.)*"|\'[^\'\n]*\'|#[^\n]*|[\[\]{}]')


def _check_nesting(path: str, text: str) -> None:
    """Refuse arrays and inline tables nested deeper than --max-depth before tomllib recurses."""
    from termcheck.limits import LIMITS, too_large

    depth = 0
    in_multiline = None
    for token in _TOML_TOKENS.finditer(text):
        value = token.group()
        if in_multiline:
            if value == in_multiline:
                in_multiline = None
            continue
        if value in ('"""', "'''"):
            in_multiline = value
        elif value in "[{":
            depth += 1
            if depth > LIMITS.depth:
                line = text.count("\n", 0, token.start()) + 1
                column = token.start() - (text.rfind("\n", 0, token.start()) + 1) + 1
                raise too_large(f"{path}:{line}:{column}", "TOML values nested too deep", "depth", "levels")
        elif value in "]}":
            depth = max(0, depth - 1)


def _toml_error(path: str, text: str, message: str) -> str:
    where = re.search(r"\(at line (\d+), column (\d+)\)", message)
    if where:
        line = int(where.group(1))
        message = message[: where.start()].strip()
    else:
        line = text.count("\n") + 1  # 'at end of document'
        message = re.sub(r"\s*\(at end of document\)", "", message)
    return f"{path}:{line}: invalid TOML: {message}"


def _key_line(text: str, key: str) -> int:
    """Best-effort line of `key = ...` or `[....key]` for error messages (1 when not found)."""
    pattern = re.compile(rf"(?m)^[ \t]*(?:\"?{re.escape(key)}\"?\s*=|\[[^\]]*\b{re.escape(key)}\s*\])")
    found = pattern.search(text)
    return text.count("\n", 0, found.start()) + 1 if found else 1


def _build(path: str, text: str, data: dict) -> Config:
    root = os.path.dirname(os.path.abspath(path))
    config = Config(path=path, root=root)

    def fail(key: str, what: str) -> InputError:
        return InputError(f"{path}:{_key_line(text, key)}: {key}: {what}")

    def strings(key: str, value) -> list[str]:
        if isinstance(value, str):
            return [value]
        if isinstance(value, list) and all(isinstance(v, str) for v in value):
            return list(value)
        raise fail(key, "expected a string or a list of strings")

    for key, value in data.items():
        if key not in KNOWN_KEYS:
            config.warnings.append(f"{path}:{_key_line(text, key)}: unknown key '{key}' (ignored)")
            continue
        if key == "glossary":
            config.glossary = [_relative_to(root, p) for p in strings(key, value)]
            config.glossary_line = _key_line(text, key)
        elif key in ("include", "exclude"):
            patterns = strings(key, value)
            for pattern in patterns:
                try:
                    glob_regex(pattern)
                except re.error as exc:
                    raise fail(key, f"bad glob '{pattern}': {exc.msg}") from None
            setattr(config, key, patterns)
        elif key in ("select", "ignore"):
            codes = [c.upper() for c in strings(key, value)]
            unknown = unknown_rule_selector(codes)
            if unknown is not None:
                raise fail(key, f"'{unknown}' is not a rule code or prefix (`termcheck rules` lists them)")
            setattr(config, key, codes)
        elif key == "lang":
            if not isinstance(value, dict):
                raise fail(key, "expected a table of \"glob\" = \"ar\" | \"en\"")
            for pattern, lang in value.items():
                if lang not in ("ar", "en"):
                    raise fail(key, f"'{pattern}' must be \"ar\" or \"en\", not {lang!r}")
            config.lang = dict(value)
        elif key == "severity":
            config.severity = _severities(value, fail)
        elif key == "fail-on":
            if value not in FAIL_ON_VALUES:
                raise fail(key, f"expected one of {', '.join(FAIL_ON_VALUES)}, not {value!r}")
            config.fail_on = value
        elif key == "encoding":
            if not isinstance(value, str):
                raise fail(key, "expected a string such as \"cp1256\"")
            from termcheck.io import text_codec

            try:
                text_codec(value)
            except InputError as exc:
                raise fail(key, str(exc)) from None
            config.encoding = value
    return config


def unknown_rule_selector(codes: list[str]) -> str | None:
    """The first of `codes` that selects no rule (neither a code nor a prefix of one), if any."""
    from termcheck.rules.registry import RULES

    return next((c for c in codes if not any(code.startswith(c) for code in RULES)), None)


def _severities(value, fail) -> dict[str, Severity]:
    from termcheck.rules.registry import RULES

    if not isinstance(value, dict):
        raise fail("severity", "expected a table of CODE = \"error\" | \"warning\" | \"info\"")
    out = {}
    for code, level in value.items():
        if code.upper() not in RULES:
            raise fail("severity", f"unknown rule code '{code}'")
        try:
            out[code.upper()] = Severity(level)
        except ValueError:
            raise fail("severity", f"{code} must be \"error\", \"warning\" or \"info\", not {level!r}") from None
    return out


def _relative_to(root: str, path: str) -> str:
    """A config-relative path as the user would type it from the working directory."""
    full = os.path.normpath(os.path.join(root, os.path.expanduser(path)))
    try:
        rel = os.path.relpath(full)
    except ValueError:  # another drive on Windows
        return full
    return full if rel.startswith("..") else rel


# -- merging with the command line --------------------------------------------------------------


def load_settings(config_path: str | None = None, no_config: bool = False, cwd: str | None = None) -> Config:
    """The Config a command runs with: --config FILE, else the nearest file, else defaults.

    Warnings (unknown keys) are printed to stderr here, once.
    """
    if no_config:
        return Config(root=os.path.abspath(cwd or os.getcwd()))
    path = config_path or find_config(cwd)
    if config_path and not os.path.lexists(config_path):
        raise InputError(f"{config_path}: no such config file")
    if path is None:
        return Config(root=os.path.abspath(cwd or os.getcwd()))
    config = load_config(path)
    for warning in config.warnings:
        print(f"termcheck: warning: {warning}", file=sys.stderr)
    return config


def apply_config(
    config: Config,
    *,
    glossary: list[str] | None = None,
    select: list[str] | None = None,
    ignore: list[str] | None = None,
    fail_on: str | None = None,
    encoding: str | None = None,
) -> Config:
    """A copy of `config` with every option given on the command line taking its place.

    A glossary the config file names must exist (unless the command line names others): running
    without it would pass every check silently.
    """
    if not glossary and config.path:
        for path in config.glossary:
            if not os.path.exists(path):
                raise InputError(f"{config.path}:{config.glossary_line}: glossary: '{path}' does not exist "
                                 f"(paths are relative to the config file's folder)")
    for option, codes in (("--select", select), ("--ignore", ignore)):
        unknown = unknown_rule_selector([c.upper() for c in codes or ()])
        if unknown is not None:  # a typo would silently run no rule (or every rule)
            raise InputError(f"{option}: '{unknown}' is not a rule code or prefix (`termcheck rules` lists them)")
    return replace(
        config,
        glossary=list(glossary) if glossary else list(config.glossary),
        select=[c.upper() for c in select] if select else config.select,
        ignore=[c.upper() for c in ignore] if ignore else config.ignore,
        fail_on=fail_on or config.fail_on,
        encoding=encoding or config.encoding,
    )


def apply_severity(findings: list[Finding], overrides: dict[str, Severity]) -> list[Finding]:
    """Findings with the configured severity per code (exact code or a prefix; longest prefix wins)."""
    if not overrides:
        return findings
    ordered = sorted(overrides.items(), key=lambda item: -len(item[0]))
    out = []
    for finding in findings:
        level = next((sev for code, sev in ordered if finding.rule.startswith(code)), None)
        out.append(replace(finding, severity=level) if level and level is not finding.severity else finding)
    return out


# -- paths: globs, directory walks, per-path languages -------------------------------------------


def glob_regex(pattern: str) -> re.Pattern:
    """gitignore-like globs: `**` any number of folders, `*` and `?` within one name.

    A pattern without a slash matches a name at any depth ('*.md' == '**/*.md').
    """
    pattern = pattern.replace("\\", "/").lstrip("/")
    if pattern.startswith("./"):
        pattern = pattern[2:]
    if "/" not in pattern.rstrip("/"):
        pattern = "**/" + pattern
    if pattern.endswith("/"):
        pattern += "**"
    out = []
    i = 0
    while i < len(pattern):
        if pattern.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif pattern.startswith("**", i):
            out.append(".*")
            i += 2
        elif pattern[i] == "*":
            out.append("[^/]*")
            i += 1
        elif pattern[i] == "?":
            out.append("[^/]")
            i += 1
        elif pattern[i] == "[":
            close = pattern.find("]", i + 1)
            if close == -1:
                out.append(re.escape("["))
                i += 1
            else:
                body = pattern[i + 1 : close].replace("\\", "\\\\").replace("[", "\\[")  # literal in a glob class
                if body.startswith("!"):
                    body = "^" + body[1:]
                out.append(f"[{body}]")
                i = close + 1
        else:
            out.append(re.escape(pattern[i]))
            i += 1
    # a folder pattern also covers everything under it ('build' excludes build/x.md)
    return re.compile("".join(out) + "(?:/.*)?")


def matches_any(rel_path: str, patterns: list[str]) -> bool:
    rel_path = rel_path.replace(os.sep, "/")
    return any(glob_regex(p).fullmatch(rel_path) for p in patterns)


def relative(path: str, root: str) -> str:
    """`path` relative to `root` with forward slashes (the path itself when outside root)."""
    full = os.path.abspath(path)
    try:
        rel = os.path.relpath(full, root)
    except ValueError:
        return full.replace(os.sep, "/")
    return (full if rel.startswith("..") else rel).replace(os.sep, "/")


def lang_for(path: str, config: Config) -> str | None:
    """The language configured for `path` (first matching [lang] glob), None when none matches."""
    rel = relative(path, config.root)
    for pattern, lang in config.lang.items():
        if matches_any(rel, [pattern]):
            return lang
    return None


def collect_files(paths: list[str], config: Config) -> list[str]:
    """Named files as given; folders walked for the include globs minus excludes and hidden folders.

    While walking, what cannot be read is skipped with a warning on stderr that says what (an
    unreadable folder, a dangling symlink, a symlink loop, a FIFO or device); a folder whose
    matching files are all excluded is an error, as is a walk past --max-files.
    """
    from termcheck.limits import check_count

    out: list[str] = []
    seen: set[str] = set()
    for path in paths:
        if not os.path.isdir(path):
            if path not in seen:
                seen.add(path)
                out.append(path)
            continue
        found = []
        excluded = 0
        for directory, folders, names in os.walk(path, onerror=_warn_unreadable):
            kept = []
            for f in sorted(folders):
                if f.startswith("."):
                    continue
                if _excluded(os.path.join(directory, f), path, config):
                    excluded += 1
                else:
                    kept.append(f)
            folders[:] = kept
            for name in sorted(names):  # warnings in a stable order
                if name.startswith("."):
                    continue
                full = os.path.join(directory, name)
                if not _included(full, path, config):
                    continue
                if _excluded(full, path, config):
                    excluded += 1
                elif _readable_file(full):
                    found.append(os.path.normpath(full))
            check_count(path, "files to check", len(found), "files")
        if not found and excluded:
            raise InputError(f"{path}: every file to check is excluded by the exclude globs "
                             f"({', '.join(config.exclude)}{' in ' + config.path if config.path else ''})")
        for full in sorted(found):
            if full not in seen:
                seen.add(full)
                out.append(full)
    check_count(" ".join(paths), "files to check", len(out), "files")
    return out


def _warn_unreadable(error: OSError) -> None:
    print(f"termcheck: warning: {error.filename}: cannot read folder: {error.strerror}; skipped", file=sys.stderr)


def _readable_file(path: str) -> bool:
    """A regular file (through symlinks); anything else found while walking is skipped with a warning."""
    from termcheck.io import stat_input

    try:
        stat_input(path)
    except InputError as exc:
        print(f"termcheck: warning: {exc}; skipped", file=sys.stderr)
        return False
    return True


def _anchored(path: str, walked: str, config: Config) -> str:
    """Relative to the config root when inside it, else to the walked folder."""
    rel = relative(path, config.root)
    return rel if not os.path.isabs(rel) else relative(path, walked)


def _included(path: str, walked: str, config: Config) -> bool:
    return matches_any(_anchored(path, walked, config), config.include)


def _excluded(path: str, walked: str, config: Config) -> bool:
    return bool(config.exclude) and matches_any(_anchored(path, walked, config), config.exclude)


def paired_files(source: str, target: str, config: Config, doing: str) -> list[tuple[str, str]]:
    """[(source file, target file)]: the two files, or the files of two folders paired by relative
    path (a file without its partner is a warning that ends '...; not <doing>')."""
    if os.path.isdir(source) != os.path.isdir(target):
        raise InputError(f"{source} and {target}: give two files or two folders, not one of each")
    if not os.path.isdir(source):
        return [(source, target)]
    targets = {os.path.relpath(p, target): p for p in collect_files([target], config)}
    pairs = []
    for path in collect_files([source], config):
        match = targets.pop(os.path.relpath(path, source), None)
        if match is None:
            print(f"termcheck: warning: {path}: no file with the same name under {target}; not {doing}", file=sys.stderr)
        else:
            pairs.append((path, match))
    for path in targets.values():
        print(f"termcheck: warning: {path}: no file with the same name under {source}; not {doing}", file=sys.stderr)
    return pairs


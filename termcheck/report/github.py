"""--format github: GitHub Actions workflow commands, one annotation per finding.

  ::error file=P,line=L,col=C,endLine=L2,endColumn=C2,title=TC101 forbidden-term::message

Data escapes % CR LF; property values also : and , (the runner's own escaping rules).
"""

from __future__ import annotations

from termcheck.model import Finding, Severity
from termcheck.report import printable
from termcheck.rules.registry import RULES

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(finding: Finding) -> str:
    loc = finding.location
    known = RULES.get(finding.rule)
    title = f"{finding.rule} {known.name}" if known else finding.rule
    props = [("file", printable(loc.path))]
    if loc.line:
        props += [("line", str(loc.line)), ("col", str(loc.column)),
                  ("endLine", str(loc.end_line)), ("endColumn", str(loc.end_column))]
    props.append(("title", title))
    message = finding.message
    if finding.source is not None:
        message += f"\nsource {printable(finding.source.path)}:{finding.source.line}:{finding.source.column}"
        if finding.source_text:
            message += f": {finding.source_text}"
    head = ",".join(f"{key}={escape_property(value)}" for key, value in props)
    return f"::{COMMANDS[finding.severity]} {head}::{escape_data(message)}"


def render(findings: list[Finding], files: int = 0) -> str:
    return "".join(annotation(f) + "\n" for f in findings)

"""--format junit: JUnit XML for CI test-report viewers.

One <testsuite> per checked file, one <testcase> per finding; errors and warnings carry a
<failure>, info findings pass. A file without findings gets one passing testcase so that it
still shows up as checked.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from termcheck.model import Finding, Severity
from termcheck.report import printable
from termcheck.rules.registry import RULES

# Characters XML 1.0 cannot carry at all, even escaped.
_INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _clean(text: str) -> str:
    return _INVALID_XML.sub("\ufffd", text)


def render(findings: list[Finding], files: int = 0, paths: list[str] | None = None) -> str:
    """`paths`: every file checked, so clean files appear too (in the order given)."""
    by_path: dict[str, list[Finding]] = {p: [] for p in paths or ()}
    for finding in findings:
        by_path.setdefault(finding.location.path, []).append(finding)
    root = ET.Element("testsuites", name="termcheck")
    total = failures = 0
    for path, found in by_path.items():
        path = printable(path)
        failing = [f for f in found if f.severity is not Severity.INFO]
        suite = ET.SubElement(root, "testsuite", name=_clean(path), tests=str(max(1, len(found))),
                              failures=str(len(failing)), errors="0", skipped="0")
        total += max(1, len(found))
        failures += len(failing)
        if not found:
            ET.SubElement(suite, "testcase", name="no findings", classname=_clean(path))
        for f in found:
            loc = f.location
            known = RULES.get(f.rule)
            name = f"{f.rule} {known.name if known else ''} at {loc.line}:{loc.column}".replace("  ", " ")
            case = ET.SubElement(suite, "testcase", name=_clean(name), classname=_clean(path),
                                 file=_clean(path), line=str(loc.line))
            body = f"{path}:{loc.line}:{loc.column}: {f.rule} [{f.severity.value}] {f.message}"
            if f.source is not None:
                body += f"\nsource {printable(f.source.path)}:{f.source.line}:{f.source.column}: {f.source_text or ''}"
            if f.severity is Severity.INFO:
                ET.SubElement(case, "system-out").text = _clean(body)
            else:
                failure = ET.SubElement(case, "failure", message=_clean(f.message), type=f"{f.rule} {f.severity.value}")
                failure.text = _clean(body)
    root.set("tests", str(total))
    root.set("failures", str(failures))
    root.set("errors", "0")
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"

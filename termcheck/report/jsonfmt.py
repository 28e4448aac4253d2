"""--format json: the stable machine contract (later versions add keys, never remove them)."""

from __future__ import annotations

import json
from typing import Any

from termcheck import __version__
from termcheck.model import Finding
from termcheck.report import summarize


def render(findings: list[Finding], files: int, extra: dict[str, Any] | None = None) -> str:
    data: dict[str, Any] = {
        "version": __version__,
        "findings": [f.to_dict() for f in findings],
        "summary": summarize(findings, files),
    }
    if extra:
        data.update(extra)
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"

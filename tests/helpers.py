"""Small builders shared by tests: glossaries written inline, documents from strings."""

from __future__ import annotations

import functools
import os
import subprocess
import sys

import pytest

from termcheck.cli import main

from termcheck.model import Concept, Document, Glossary, Status, Term

STATUS = {"p": Status.PREFERRED, "a": Status.ALLOWED, "f": Status.FORBIDDEN}


def concept(key: str, index: int = 0, **forms: str) -> Concept:
    """concept('kh', en_p='Kataib Hezbollah', en_f='Kata\\'ib Hizballah|Kataib Hizbollah', ar_p='كتائب حزب الله')."""
    terms = []
    for name, value in forms.items():
        lang, status = name.split("_")
        for text in value.split("|"):
            terms.append(Term(text, lang, STATUS[status]))
    return Concept(key, terms, index=index)


def glossary(*concepts: Concept) -> Glossary:
    for i, c in enumerate(concepts):
        c.index = i
    return Glossary(list(concepts), path="inline")


def document(text: str, lang: str = "en", path: str = "doc.md") -> Document:
    return Document(path=path, text=text, lang=lang)


def run_cli(monkeypatch, capsys, *args: str) -> tuple[int, str, str]:
    """Run the CLI in-process; returns (exit code, stdout, stderr)."""
    monkeypatch.setattr(sys, "argv", ["termcheck", *args])
    with pytest.raises(SystemExit) as exit_info:
        main()
    captured = capsys.readouterr()
    return exit_info.value.code or 0, captured.out, captured.err


# A two-concept glossary for CLI tests: an English concept with allowed and forbidden forms,
# and an Arabic-only one with a forbidden form.
GLOSSARY_CSV = (
    "id,en,ar,en_allowed,en_forbidden,ar_allowed,ar_forbidden,note\n"
    "kataib-hezbollah,Kataib Hezbollah,كتائب حزب الله,KH,Kata'ib Hizballah|Kataib Hizbollah,,,\n"
    "password,,كلمة المرور,,,,كلمة السر,\n"
)


def run_termcheck(*args: str, cwd=None) -> subprocess.CompletedProcess:
    """Run `python -m termcheck ARGS` in a subprocess (a real start, real exit code)."""
    return subprocess.run([sys.executable, "-m", "termcheck", *args], capture_output=True, text=True,
                          cwd=cwd, timeout=120)


@functools.lru_cache(maxsize=8)
def matcher_for(glossary_csv: str):
    """A Matcher of a glossary given as CSV text, built once per text (property tests run many examples)."""
    import tempfile

    from termcheck.glossary import load_glossary
    from termcheck.match import Matcher

    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "g.csv")
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(glossary_csv)
        return Matcher(load_glossary(path))


"""Property: `--fix` is byte-exact and idempotent in every encoding and line-ending convention.

A file is drawn as text (Arabic, Latin, marks, bidi controls, glossary forms, every line ending),
an encoding (UTF-8 with or without BOM, UTF-16 LE/BE with BOM, UTF-32 with BOM, cp1256 when the
text fits it) and, for UTF-8, NFD or tatweel variants. After lint + fix: the new bytes are the old
bytes with exactly the fixed spans re-encoded (every byte outside them unchanged, BOM included),
and a second check of the fixed file finds nothing left to fix.
"""

from __future__ import annotations

import codecs
import unicodedata

from hypothesis import HealthCheck, assume, event, given, settings
from hypothesis import strategies as st

from termcheck.commands.common import read_checked
from termcheck.fix import fix_files, wanted
from termcheck.lint import lint_document
from termcheck.match import Matcher
from tests.helpers import matcher_for

GLOSSARY = (
    "id,en,ar,en_allowed,en_forbidden,ar_allowed,ar_forbidden\n"
    "kataib-hezbollah,Kataib Hezbollah,كتائب حزب الله,KH,Kata'ib Hizballah|Kataib Hizbollah,,\n"
    "password,password,كلمة المرور,,,,كلمة السر\n"
)
PIECES = ["Kataib Hizbollah", "Kata'ib Hizballah", "Kataib Hezbollah", "كلمة السر", "وكلمة السر", "كلمة المرور",
          "al-Sadr", "Al-Sadr said", ". ", "، ", " ", "ك", "a", "\u064e", "\u0640", "\u200f", "\u202b", "é", "1"]
LINE_ENDS = ["\n", "\r\n", "\r", "\u2028", "\x85"]
ENCODINGS = {  # name: (bytes before the text, codec of the text, --encoding)
    "utf-8": (b"", "utf-8", None),
    "utf-8-bom": (codecs.BOM_UTF8, "utf-8", None),
    "utf-16-le": (codecs.BOM_UTF16_LE, "utf-16-le", None),
    "utf-16-be": (codecs.BOM_UTF16_BE, "utf-16-be", None),
    "utf-32-le": (codecs.BOM_UTF32_LE, "utf-32-le", None),
    "cp1256": (b"", "cp1256", "cp1256"),
}

FIXABLE = ["Kataib Hizbollah", "Kata'ib Hizballah", "كلمة السر", "Al-Sadr said", " al-Sadr"]  # drawn more often
texts = st.lists(st.one_of(st.sampled_from(PIECES), st.sampled_from(FIXABLE), st.sampled_from(LINE_ENDS)),
                 min_size=1, max_size=40).map("".join)
variants = st.sampled_from(["as-is", "nfd", "tatweel"])


def matcher(tmp_path_factory) -> Matcher:
    return matcher_for(GLOSSARY)


def lint_file(path: str, encoding: str | None, tmp_path_factory):
    doc, read_digest = read_checked(path, None, encoding)
    return doc, lint_document(doc, matcher(tmp_path_factory)), read_digest


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=texts, encoding=st.sampled_from(sorted(ENCODINGS)), variant=variants, unsafe=st.booleans())
def test_fix_changes_only_the_fixed_spans_and_is_idempotent(tmp_path_factory, text, encoding, variant, unsafe):
    if variant == "nfd":
        text = unicodedata.normalize("NFD", text)
    elif variant == "tatweel":
        text = text.replace("ل", "لـ")
    bom, codec, option = ENCODINGS[encoding]
    try:
        body = text.encode(codec)
    except UnicodeEncodeError:
        assume(False)
    path = str(tmp_path_factory.mktemp("fix") / "a.md")
    original = bom + body
    with open(path, "wb") as handle:
        handle.write(original)

    doc, findings, read_digest = lint_file(path, option, tmp_path_factory)
    assert doc.text == text
    result = fix_files(findings, {path: read_digest}, {path: doc.encoding}, unsafe=unsafe)
    with open(path, "rb") as handle:
        new = handle.read()
    event(f"fixes applied: {min(len(result.fixed), 3)}{'+' if len(result.fixed) >= 3 else ''}")

    # The expected bytes: the old ones with each applied fix's span re-encoded, nothing else.
    expected, last = [bom], 0
    for fix in sorted((f.fix for f in result.fixed), key=lambda fix: fix.start):
        assert wanted(fix, unsafe)
        expected += [text[last:fix.start].encode(codec), fix.replacement.encode(codec)]
        last = fix.end
    expected.append(text[last:].encode(codec))
    assert new == b"".join(expected)
    assert not result.problems or all("skipped" in p for p in result.problems)

    # Idempotent: what is left to fix after one run is what could not be applied in it.
    _, again, again_digest = lint_file(path, option, tmp_path_factory)
    second = fix_files(again, {path: again_digest}, {path: doc.encoding}, unsafe=unsafe)
    if not result.problems:
        assert second.fixed == [] and second.files == []
        with open(path, "rb") as handle:
            assert handle.read() == new

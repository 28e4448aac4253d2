"""formats.po_lean reads PO files as polib does, or leaves them to polib: the entries (every field
termcheck reads) and the metadata are compared with polib's on crafted catalogues and on every PO
catalogue of the corpora and of ../shared/realdata."""

from __future__ import annotations

import glob
import os

import polib
import pytest

from termcheck.formats import po_lean
from termcheck.formats.po import read_po

HERE = os.path.dirname(__file__)
FIELDS = ("linenum", "obsolete", "msgctxt", "msgid", "msgid_plural", "msgstr", "msgstr_plural", "flags", "tcomment",
          "comment")
HEADER = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Language: ar\\n"\n' \
         '"Plural-Forms: nplurals=6; plural=n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 : ' \
         'n%100>=11 ? 4 : 5;\\n"\n\n'


def fields(entry) -> tuple:
    return tuple(bool(entry.obsolete) if name == "obsolete" else getattr(entry, name) for name in FIELDS)


def polib_reading(path: str) -> tuple[list[tuple], dict[str, str]]:
    catalogue = polib.pofile(path, wrapwidth=0)
    return [fields(e) for e in catalogue], dict(catalogue.metadata)


def lean_reading(path: str) -> tuple[list[tuple], dict[str, str]] | None:
    with open(path, encoding="utf-8", newline="") as handle:  # carriage returns as they are
        parsed = po_lean.parse(handle.read())
    return None if parsed is None else ([fields(e) for e in parsed[0]], parsed[1])


READ_ALIKE = {
    "plain": HEADER + '#: a.c:1\nmsgid "Save"\nmsgstr "احفظ"\n',
    "header comments": "# Arabic translation.\n# Copyright.\n#\n#, fuzzy\n" + HEADER + 'msgid "a"\nmsgstr "ب"\n',
    "no header": 'msgid "a"\nmsgstr "ب"\n\nmsgid "c"\nmsgstr "د"\n',
    "comments": HEADER + '# translator\n#\n## double\n#. extracted\n#. second\n#: x.py:1 y.py:2\n#, fuzzy, python-format\n'
                'msgid "a %s"\nmsgstr "ب %s"\n',
    "context and continuation": HEADER + 'msgctxt "menu"\n"bar"\nmsgid ""\n"Open "\n"file"\nmsgstr ""\n"افتح "\n"ملفا"\n',
    "escapes": HEADER + 'msgid "say \\"hi\\"\\n\\ttab \\\\ back"\nmsgstr "قل \\"مرحبا\\"\\n"\n',
    "plural": HEADER + 'msgid "one file"\nmsgid_plural "%d files"\nmsgstr[0] "لا ملفات"\nmsgstr[1] "ملف"\n'
              'msgstr[2] "ملفان"\nmsgstr[3] "%d ملفات"\n"!"\nmsgstr[4] "%d ملفا"\nmsgstr[5] "%d ملف"\n',
    "previous msgid": HEADER + '#, fuzzy\n#| msgctxt "old"\n#| msgid "Log in"\n#| "again"\n#| msgid_plural "Logs"\n'
                      'msgid "Sign in"\nmsgstr "لج"\n',
    "obsolete": HEADER + 'msgid "a"\nmsgstr "ب"\n\n#~ msgid "gone"\n#~ msgstr "ذهب"\n#~| msgid "older"\n',
    "comment between": HEADER + 'msgid "a"\n# a note\nmsgstr "ب"\n\n#. after\nmsgid "c"\nmsgstr "د"\n',
    "trailing comment": HEADER + 'msgid "a"\nmsgstr "ب"\n\n# the end\n',
    "bom": "\ufeff" + HEADER + 'msgid "a"\nmsgstr "ب"\n',
    "empty flags and occurrences": HEADER + '#:\n#,\n#.\nmsgid "a"\nmsgstr "ب"\n',
    "indented and spaced": HEADER + '   msgid    "a"   \n\tmsgstr "ب"\n',
    "header with a wrapped value": 'msgid ""\nmsgstr ""\n"Project-Id-Version: x\\n"\n"Plural-Forms: nplurals=2;\\n"\n'
                                   '" plural=n!=1;\\n"\n\nmsgid "a"\nmsgstr "b"\n',
    "header with a context": 'msgctxt "c"\nmsgid ""\nmsgstr "Language: fr\\n"\n\nmsgid "a"\nmsgstr "b"\n',
    "empty msgstr": HEADER + 'msgid "a"\nmsgstr ""\n',
}

LEFT_TO_POLIB = {
    "unterminated": HEADER + 'msgid "a\nmsgstr "b"\n',
    "quote inside": HEADER + 'msgid "a"b"\nmsgstr "c"\n',
    "msgstr index past 9": HEADER + 'msgid "a"\nmsgid_plural "b"\n' + "".join(f'msgstr[{n}] "x"\n' for n in range(11)),
    "msgid twice": HEADER + 'msgid "a"\nmsgid "b"\nmsgstr "c"\n',
    "unknown line": HEADER + 'msgid "a"\nmsgstr "b"\nmsgfoo "c"\n',
    "second header": HEADER + 'msgctxt "x"\nmsgid ""\nmsgstr "y"\n',
    "header after a message": 'msgid "a"\nmsgstr "b"\n\nmsgid ""\nmsgstr "Language: ar\\n"\n',
    "carriage return": HEADER + 'msgid "a"\rmsgstr "b"\n',
}


@pytest.mark.parametrize("name", sorted(READ_ALIKE))
def test_lean_reads_as_polib(tmp_path, name):
    path = tmp_path / "x.po"
    path.write_text(READ_ALIKE[name], encoding="utf-8")
    lean = lean_reading(str(path))
    assert lean is not None, "the lean reader should read this one itself"
    assert lean == polib_reading(str(path))


@pytest.mark.parametrize("name", sorted(LEFT_TO_POLIB))
def test_lean_leaves_to_polib(tmp_path, name):
    path = tmp_path / "x.po"
    path.write_text(LEFT_TO_POLIB[name], encoding="utf-8")
    assert lean_reading(str(path)) is None


def test_read_po_reads_crlf_and_latin1_as_polib_would(tmp_path):
    text = READ_ALIKE["comments"]
    crlf, plain = tmp_path / "crlf.po", tmp_path / "plain.po"
    crlf.write_bytes(text.replace("\n", "\r\n").encode("utf-8"))
    plain.write_bytes(text.encode("utf-8"))
    assert [(u.source, u.target, u.line, u.notes) for u in read_po(str(crlf))] == \
        [(u.source, u.target, u.line, u.notes) for u in read_po(str(plain))]
    latin = tmp_path / "latin.po"  # not UTF-8: polib reads it
    latin.write_bytes(('msgid ""\nmsgstr "Content-Type: text/plain; charset=ISO-8859-1\\n"\n\n'
                       'msgid "caf\xe9"\nmsgstr "ca\xe9"\n').encode("latin-1"))
    assert [(u.source, u.target) for u in read_po(str(latin))] == [("caf\u00e9", "ca\u00e9")]


REAL = sorted(glob.glob(os.path.join(HERE, "..", "corpora", "**", "*.po"), recursive=True)
              + glob.glob(os.path.join(HERE, "..", "..", "shared", "realdata", "**", "*.po"), recursive=True))


@pytest.mark.parametrize("path", REAL, ids=[os.path.relpath(p, os.path.join(HERE, "..")) for p in REAL])
def test_real_catalogues_read_alike(path):
    lean = lean_reading(path)
    assert lean is not None
    assert lean == polib_reading(path)


def test_a_comment_of_another_type_is_read_as_msgfmt_reads_it(tmp_path):
    """A WordPress catalogue's '#@ layerswp' lines (a domain comment of an old plugin): msgfmt reads
    any '#' line as a comment; polib called it a syntax error, and the file was refused."""
    plain = 'msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\n#: a.php:3\nmsgid "Comments"\nmsgstr "تعليقات"\n'
    with_domain = plain.replace("#: a.php:3\n", "#: a.php:3\n#@ layerswp\n")
    a, b = tmp_path / "a.po", tmp_path / "b.po"
    a.write_text(plain, encoding="utf-8")
    b.write_text(with_domain, encoding="utf-8")
    assert [(u.source, u.target) for u in read_po(str(b))] == [(u.source, u.target) for u in read_po(str(a))] == [
        ("Comments", "تعليقات")]

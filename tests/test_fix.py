"""termcheck.fix and `lint --fix/--diff`: files compared byte for byte before and after."""

from __future__ import annotations

import codecs
import os
import stat

import pytest

from tests.helpers import GLOSSARY_CSV
from tests.helpers import run_termcheck as run
from termcheck.fix import CannotFix, apply_fixes, apply_fixes_to_bytes, digest, fix_files
from termcheck.model import Applicability, Document, Finding, Fix, Location, Severity



@pytest.fixture
def glossary_file(tmp_path):
    path = tmp_path / "g.csv"
    path.write_text(GLOSSARY_CSV, encoding="utf-8")
    return str(path)


# -- apply_fixes on text ---------------------------------------------------------------------


def test_apply_fixes_replaces_spans_and_skips_overlaps():
    text = "abc def ghi"
    fixes = [Fix(8, 11, "GHI"), Fix(0, 3, "ABC"), Fix(2, 5, "XX"), Fix(0, 3, "ABC")]
    new, applied, skipped = apply_fixes(text, fixes)
    assert new == "ABC def GHI"
    assert applied == [Fix(0, 3, "ABC"), Fix(8, 11, "GHI")]
    assert skipped == [Fix(2, 5, "XX")]  # overlaps the first; the duplicate counts once


def test_apply_fixes_rejects_out_of_range_spans():
    new, applied, skipped = apply_fixes("abc", [Fix(2, 9, "x")])
    assert (new, applied, skipped) == ("abc", [], [Fix(2, 9, "x")])


# -- apply_fixes_to_bytes: every byte outside the spans is kept --------------------------------


@pytest.mark.parametrize("encoding, bom, codec", [
    ("utf-8", b"", "utf-8"),
    ("utf-8-sig", codecs.BOM_UTF8, "utf-8"),
    ("utf-16", codecs.BOM_UTF16_LE, "utf-16-le"),
    ("utf-16", codecs.BOM_UTF16_BE, "utf-16-be"),
    ("cp1256", b"", "cp1256"),
])
def test_bytes_splice_keeps_bom_line_endings_and_encoding(encoding, bom, codec):
    text = "أدخل كلمة السر\r\nثم كلمة السر\r\n"
    data = bom + text.encode(codec)
    first = text.index("كلمة السر")
    second = text.index("كلمة السر", first + 1)
    fixes = [Fix(second, second + 9, "كلمة المرور"), Fix(first, first + 9, "كلمة المرور")]
    new, applied, skipped = apply_fixes_to_bytes(data, text, encoding, fixes)
    assert new == bom + "أدخل كلمة المرور\r\nثم كلمة المرور\r\n".encode(codec)
    assert len(applied) == 2 and skipped == []


def test_replacement_the_encoding_cannot_hold_is_skipped():
    text = "Kataib Hizbollah said"
    data = text.encode("cp1256")
    new, applied, skipped = apply_fixes_to_bytes(data, text, "cp1256", [Fix(0, 16, "Kataib Hezbollah\u2603")])
    assert new == data and applied == [] and skipped == [Fix(0, 16, "Kataib Hezbollah\u2603")]


def test_text_that_does_not_reencode_to_the_bytes_is_refused():
    with pytest.raises(CannotFix):
        apply_fixes_to_bytes(b"abc", "abd", "utf-8", [Fix(0, 1, "x")])


# -- fix_files -------------------------------------------------------------------------------


def _finding(path: str, start: int, end: int, replacement: str, applicability=Applicability.SAFE) -> Finding:
    loc = Location(path, start, end, 1, start + 1, 1, end + 1)
    return Finding("TC101", Severity.ERROR, loc, "x", "m", fix=Fix(start, end, replacement, applicability))


def test_fix_files_writes_atomically_and_keeps_the_mode(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(b"one two\n")
    os.chmod(path, 0o640)
    result = fix_files([_finding(str(path), 4, 7, "2")], {str(path): digest(b"one two\n")}, {str(path): "utf-8"})
    assert path.read_bytes() == b"one 2\n"
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o640
    assert result.files == [str(path)] and len(result.fixed) == 1 and result.problems == []
    assert [p.name for p in tmp_path.iterdir()] == ["a.txt"]  # no temporary file left behind


def test_unsafe_fixes_only_on_request(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(b"one two\n")
    findings = [_finding(str(path), 0, 3, "1", Applicability.UNSAFE), _finding(str(path), 4, 7, "2", Applicability.DISPLAY)]
    digests, encodings = {str(path): digest(b"one two\n")}, {str(path): "utf-8"}
    assert fix_files(findings, digests, encodings).files == []
    assert path.read_bytes() == b"one two\n"
    fix_files(findings, digests, encodings, unsafe=True)
    assert path.read_bytes() == b"1 two\n"  # display-only fixes are never applied


def test_file_changed_since_read_is_not_overwritten(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(b"one two\n")
    read = digest(path.read_bytes())
    path.write_bytes(b"one two three\n")  # someone edits the file in between
    result = fix_files([_finding(str(path), 4, 7, "2")], {str(path): read}, {str(path): "utf-8"})
    assert path.read_bytes() == b"one two three\n"
    assert result.problems == [f"{path}: changed on disk since it was checked; not fixed (run termcheck again)"]


# -- the CLI ---------------------------------------------------------------------------------


@pytest.mark.parametrize("encoding_option, bom, codec, text", [
    (None, b"", "utf-8", "Kataib Hizbollah said.\r\nأدخل كلمة السر\r\n"),
    (None, codecs.BOM_UTF8, "utf-8", "Kataib Hizbollah said.\nأدخل كلمة السر\n"),
    (None, codecs.BOM_UTF16_LE, "utf-16-le", "Kataib Hizbollah said.\r\nأدخل كلمة السر\r\n"),
    (None, codecs.BOM_UTF16_BE, "utf-16-be", "Kataib Hizbollah said.\nأدخل كلمة السر"),
    ("cp1256", b"", "cp1256", "Kataib Hizbollah said.\r\nأدخل كلمة السر\r\n"),
])
def test_cli_fix_rewrites_only_the_spans_and_a_second_run_has_nothing_left(
        tmp_path, glossary_file, encoding_option, bom, codec, text):
    path = tmp_path / "a.md"
    raw = bom + text.encode(codec)
    path.write_bytes(raw)
    extra = ["--encoding", encoding_option] if encoding_option else []
    first = run("lint", str(path), "-g", glossary_file, "--fix", *extra)
    assert first.returncode == 0, first.stdout + first.stderr
    assert "fixed 2 finding(s) in 1 file(s)" in first.stderr
    fixed = text.replace("Kataib Hizbollah", "Kataib Hezbollah").replace("كلمة السر", "كلمة المرور")
    assert path.read_bytes() == bom + fixed.encode(codec)
    again = run("lint", str(path), "-g", glossary_file, "--fix", *extra)
    assert again.returncode == 0 and "All clear" in again.stdout and "fixed" not in again.stderr
    assert path.read_bytes() == bom + fixed.encode(codec)


def test_cli_fix_exact_bytes_for_crlf_markdown(tmp_path, glossary_file):
    path = tmp_path / "a.md"
    path.write_bytes(b"# Kata'ib Hizballah\r\n\r\nThe *Kataib Hizbollah* said.  \r\nNo newline at end")
    result = run("lint", str(path), "-g", glossary_file, "--fix", "--format", "json")
    assert result.returncode == 0
    assert path.read_bytes() == b"# Kataib Hezbollah\r\n\r\nThe *Kataib Hezbollah* said.  \r\nNo newline at end"


def test_cli_diff_prints_a_patch_and_leaves_the_file(tmp_path, glossary_file):
    path = tmp_path / "a.txt"
    raw = "intro\nKataib Hizbollah said.\n".encode("utf-8")
    path.write_bytes(raw)
    result = run("lint", "a.txt", "-g", glossary_file, "--diff", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stdout == (
        "--- a/a.txt\n+++ b/a.txt\n@@ -1,2 +1,2 @@\n intro\n-Kataib Hizbollah said.\n+Kataib Hezbollah said.\n"
    )
    assert path.read_bytes() == raw
    path.write_bytes(b"clean\n")
    clean = run("lint", "a.txt", "-g", glossary_file, "--diff", cwd=tmp_path)
    assert clean.returncode == 0 and clean.stdout == ""


def test_cli_fix_leaves_suppressed_findings_alone(tmp_path, glossary_file):
    path = tmp_path / "a.md"
    raw = b"Kataib Hizbollah one.\n\n<!-- termcheck: ignore TC101 -->\nKataib Hizbollah two.\n"
    path.write_bytes(raw)
    run("lint", str(path), "-g", glossary_file, "--fix")
    assert path.read_bytes() == raw.replace(b"Hizbollah one", b"Hezbollah one")


def test_document_decoding_keeps_crlf():
    """The fixes' offsets assume termcheck.io does not translate newlines."""
    from termcheck.io import decode

    text, used = decode(b"a\r\nb\rc\n", "x.txt")
    assert text == "a\r\nb\rc\n" and used == "utf-8"
    doc = Document("x.txt", text, "en")
    assert doc.location(3, 4).line == 2


def test_po_and_xliff_fixes_through_the_units_pipeline(tmp_path, glossary_file):
    from termcheck.commands.common import load_glossaries
    from termcheck.fix import attach_unit_fixes
    from termcheck.formats import read_units
    from termcheck.match import Matcher
    from termcheck.units import check_units

    po = tmp_path / "m.po"
    po_raw = ('msgid ""\r\nmsgstr ""\r\n"Content-Type: text/plain; charset=UTF-8\\n"\r\n"Language: ar\\n"\r\n\r\n'
              'msgid "Enter \\"password\\""\r\nmsgstr "أدخل \\"كلمة السر\\""\r\n').encode("utf-8")
    po.write_bytes(po_raw)
    xlf = tmp_path / "m.xlf"
    xlf_raw = ('<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2"><file source-language="en" '
               'target-language="ar" datatype="plaintext" original="x"><body>\n<trans-unit id="1">'
               '<source>Enter password &amp; go</source>\n<target>أدخل كلمة السر &amp; اذهب</target>'
               '</trans-unit>\n</body></file></xliff>\n').encode("utf-8")
    xlf.write_bytes(xlf_raw)
    matcher = Matcher(load_glossaries([glossary_file]))
    sources = {str(p): p.read_bytes().decode("utf-8") for p in (po, xlf)}
    units = read_units(str(po)) + read_units(str(xlf))
    findings = attach_unit_fixes(check_units(units, matcher, None, sources), sources)
    fixable = [f for f in findings if f.fix is not None]
    assert [(f.location.path, f.fix.replacement) for f in fixable] == [
        (str(po), "كلمة المرور"), (str(xlf), "كلمة المرور")]
    digests = {str(p): digest(p.read_bytes()) for p in (po, xlf)}
    fix_files(findings, digests, {})
    assert po.read_bytes() == po_raw.replace("كلمة السر".encode(), "كلمة المرور".encode())
    assert xlf.read_bytes() == xlf_raw.replace("كلمة السر".encode(), "كلمة المرور".encode())


def test_a_house_form_that_cannot_stand_in_place_is_shown_never_applied(tmp_path):
    """A held-out Plume catalogue with its reviewer's glossary: خادوم inside مثيل الخادوم became مثيل
    المثيل الخادم, السيرفر became الالخادم, and خيطك (an inflection of the forbidden الخيط) lost its
    pronoun. A fix applies only where the house form has as many words, adds no article and replaces
    a form the glossary lists; كلمة السر -> كلمة المرور and التحميل -> التنزيل still apply."""
    from termcheck.fix import attach_unit_fixes
    from termcheck.formats import read_units
    from termcheck.glossary import load_glossary
    from termcheck.match import Matcher
    from termcheck.units import check_units

    glossary_path = tmp_path / "g.csv"
    glossary_path.write_text(
        "id,en,ar,en_allowed,ar_allowed,en_forbidden,ar_forbidden,note\n"
        "instance,instance,مثيل الخادم,,,,خادوم,\nserver,server,الخادم,,,,سيرفر,\n"
        "feed,feed,الموجز,,,,الخيط,\npassword,password,كلمة المرور,,,,كلمة السر,\ndownload,download,تنزيل,,,,تحميل,\n",
        encoding="utf-8")
    po = tmp_path / "ar.po"
    entries = [("About this instance", "عن مثيل الخادوم هذا"), ("The server", "السيرفر"),
               ("Your feed", "خيطك"), ("Password", "كلمة السر"), ("The download", "التحميل")]
    po.write_text('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Language: ar\\n"\n\n'
                  + "".join(f'msgid "{s}"\nmsgstr "{t}"\n\n' for s, t in entries), encoding="utf-8")
    glossary = load_glossary(str(glossary_path))
    sources = {str(po): po.read_text(encoding="utf-8")}
    findings = attach_unit_fixes(check_units(read_units(str(po)), Matcher(glossary), None, sources), sources)
    applied = [(f.found, f.fix.replacement if f.fix and f.fix.applicability is Applicability.SAFE else None)
               for f in findings if f.rule == "TC101"]
    assert sorted(applied) == [
        ("تحميل", "تنزيل"), ("خادوم", None), ("خيطك", None), ("سيرفر", None), ("كلمة السر", "كلمة المرور")]
    # lint: the same rule for documents
    from termcheck.lint import lint_document
    from tests.helpers import document

    doc = document("عن مثيل الخادوم هذا. تحقق من السيرفر. التحميل بكلمة السر.", lang="ar")
    fixes = sorted((f.found, f.fix.applicability.value) for f in lint_document(doc, Matcher(glossary))
                   if f.rule == "TC101")
    assert fixes == [("تحميل", "safe"), ("خادوم", "display-only"), ("سيرفر", "display-only"), ("كلمة السر", "safe")]


def test_a_fix_never_drops_the_article_of_the_word_it_replaces():
    """Held-out Flask, searx and KDE catalogues: الإسم for the house's اسم was fixed to اسم, and
    القرائن was told 'write دليل'. The definite form the glossary lists is written and applied; a one-word
    house form made definite is shown only; a form that only misspells the house form by its hamza
    gets the house form as it is."""
    from termcheck.rules.forbidden import forbidden_finding
    from termcheck.match import Entry
    from tests.helpers import concept

    name = concept("name", ar_p="اسم", ar_a="الاسم", ar_f="الإسم")
    clue = concept("clue", ar_p="دليل", ar_f="القرائن")
    cancel = concept("cancel", ar_p="إلغاء", ar_f="الغاء")

    def finding(c, found):
        forbidden = next(t for t in c.terms if t.text == found)
        return forbidden_finding(Entry(c, forbidden), found, None, fix_span=(0, len(found)))

    listed, made = finding(name, "الإسم"), finding(clue, "القرائن")
    assert (listed.expected, listed.fix.applicability) == ("الاسم", Applicability.SAFE)
    assert (made.expected, made.fix.applicability) == ("الدليل", Applicability.DISPLAY)
    # a listed form's own ال is its letters: الغاء is إلغاء misspelt (a held-out Odoo catalogue)
    assert finding(cancel, "الغاء").expected == "إلغاء"
    # a brand kept in Latin takes no Arabic article (a held-out XLIFF: 'write الMinds' for العقول)
    minds = concept("minds", ar_p="Minds", ar_f="العقول")
    assert finding(minds, "العقول").expected == "Minds"

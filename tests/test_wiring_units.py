"""`termcheck units`: --fix/--diff on PO and XLIFF, unit-note suppressions with --report-unused,
--format html, and commands that refuse --format html."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from termcheck.cli import app

runner = CliRunner()
DATA = os.path.join(os.path.dirname(__file__), "data", "l10n")

GLOSSARY_CSV = (
    "id,en,ar,en_allowed,en_forbidden,ar_allowed,ar_forbidden,note\n"
    "password,,كلمة المرور,,,,كلمة السر,\n"
)

# A wrapped msgstr (the forbidden form on a continuation line), a note that silences a TC101,
# and a note that silences nothing.
PO_LINES = [
    'msgid ""',
    'msgstr ""',
    '"Content-Type: text/plain; charset=UTF-8\\n"',
    '"Language: ar\\n"',
    '',
    '#: login.c:10',
    'msgid ""',
    '"Enter the password that you chose when you created the account, then press "',
    '"Continue."',
    'msgstr ""',
    '"أدخل كلمة السر التي اخترتها عند إنشاء الحساب، "',
    '"ثم اضغط متابعة."',
    '',
    '# termcheck: ignore TC101',
    'msgid "Forgot password?"',
    'msgstr "نسيت كلمة السر؟"',
    '',
    '# termcheck: ignore TC101',
    'msgid "Sign in"',
    'msgstr "تسجيل الدخول"',
    '',
]
# The same catalogue after the fix, written out by hand: only line 11 changes.
PO_FIXED_LINES = PO_LINES[:10] + ['"أدخل كلمة المرور التي اخترتها عند إنشاء الحساب، "'] + PO_LINES[11:]

XLIFF = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file source-language="en" target-language="ar" datatype="plaintext" original="ui">
    <body>
      <trans-unit id="login">
        <source>Type your password</source>
        <target state="translated">اكتب كلمة السر</target>
      </trans-unit>
      <trans-unit id="html">
        <source>&lt;script&gt;alert(1)&lt;/script&gt; password</source>
        <target>&lt;script&gt;alert(1)&lt;/script&gt; كلمة السر</target>
      </trans-unit>
      <trans-unit id="ok">
        <source>Save</source>
        <target>احفظ</target>
      </trans-unit>
    </body>
  </file>
</xliff>
"""
XLIFF_FIXED = XLIFF.replace(
    '<target state="translated">اكتب كلمة السر</target>',
    '<target state="translated">اكتب كلمة المرور</target>').replace(
    '&lt;/script&gt; كلمة السر</target>', '&lt;/script&gt; كلمة المرور</target>')


@pytest.fixture
def glossary_file(tmp_path):
    path = tmp_path / "g.csv"
    path.write_text(GLOSSARY_CSV, encoding="utf-8")
    return str(path)


def units(*args: str):
    return runner.invoke(app, ["units", *args])


def tc101(result) -> list[tuple[str, int, int]]:
    data = json.loads(result.stdout)
    return [(os.path.basename(f["path"]), f["line"], f["column"]) for f in data["findings"] if f["rule"] == "TC101"]


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_fix_po_keeps_every_other_byte_and_the_wrapping(tmp_path, glossary_file, newline):
    po = tmp_path / "ar.po"
    before = newline.join(PO_LINES).encode("utf-8")
    po.write_bytes(before)
    found = units(str(po), "-g", glossary_file, "--format", "json")
    assert found.exit_code == 1
    assert tc101(found) == [("ar.po", 11, 7)]  # the silenced one (line 16) is not reported

    result = units(str(po), "-g", glossary_file, "--fix", "--format", "json")
    assert result.exit_code == 0, result.output
    assert tc101(result) == []
    assert "fixed 1 finding(s) in 1 file(s)" in result.stderr
    assert po.read_bytes() == newline.join(PO_FIXED_LINES).encode("utf-8")
    assert PO_LINES[15] in po.read_text(encoding="utf-8")  # silenced by its note: left alone

    again = units(str(po), "-g", glossary_file, "--diff")
    assert again.exit_code == 0 and again.stdout == ""
    assert po.read_bytes() == newline.join(PO_FIXED_LINES).encode("utf-8")


def test_fix_xliff_12_byte_for_byte(tmp_path, glossary_file):
    xlf = tmp_path / "ui.xlf"
    xlf.write_bytes(XLIFF.encode("utf-8"))
    result = units(str(xlf), "-g", glossary_file, "--fix")
    assert result.exit_code == 0, result.output
    assert xlf.read_bytes() == XLIFF_FIXED.encode("utf-8")
    again = units(str(xlf), "-g", glossary_file, "--fix", "--format", "json")
    assert again.exit_code == 0 and tc101(again) == []
    assert "fixed" not in again.stderr
    assert xlf.read_bytes() == XLIFF_FIXED.encode("utf-8")


def test_diff_prints_a_patch_and_writes_nothing(tmp_path, glossary_file):
    xlf = tmp_path / "ui.xlf"
    xlf.write_bytes(XLIFF.encode("utf-8"))
    result = units(str(xlf), "-g", glossary_file, "--diff")
    assert result.exit_code == 1
    assert xlf.read_bytes() == XLIFF.encode("utf-8")
    path = str(xlf)
    assert result.stdout.splitlines() == [
        f"--- a/{path}",
        f"+++ b/{path}",
        "@@ -4,11 +4,11 @@",
        "     <body>",
        '       <trans-unit id="login">',
        "         <source>Type your password</source>",
        '-        <target state="translated">اكتب كلمة السر</target>',
        '+        <target state="translated">اكتب كلمة المرور</target>',
        "       </trans-unit>",
        '       <trans-unit id="html">',
        "         <source>&lt;script&gt;alert(1)&lt;/script&gt; password</source>",
        "-        <target>&lt;script&gt;alert(1)&lt;/script&gt; كلمة السر</target>",
        "+        <target>&lt;script&gt;alert(1)&lt;/script&gt; كلمة المرور</target>",
        "       </trans-unit>",
        '       <trans-unit id="ok">',
        "         <source>Save</source>",
    ]


def test_fix_refuses_tmx_and_mo_in_one_line(tmp_path, glossary_file):
    tmx = tmp_path / "mem.tmx"
    shutil.copy(os.path.join(DATA, "mem.tmx"), tmx)
    before = tmx.read_bytes()
    result = units(str(tmx), "-g", glossary_file, "--fix")
    notes = [line for line in result.stderr.splitlines() if "not supported" in line]
    assert notes == [f"termcheck: fixes are not supported for TMX/MO files; not changed: {tmx}"]
    assert tmx.read_bytes() == before
    po = tmp_path / "ar.po"
    po.write_bytes("\n".join(PO_LINES).encode("utf-8"))
    quiet = units(str(po), "-g", glossary_file, "--fix")
    assert "not supported" not in quiet.stderr


def test_report_unused_names_the_note_that_silences_nothing(tmp_path, glossary_file):
    po = tmp_path / "ar.po"
    po.write_bytes("\n".join(PO_LINES).encode("utf-8"))
    result = units(str(po), "-g", glossary_file, "--format", "json", "--report-unused")
    data = json.loads(result.stdout)
    got = [(f["rule"], f["line"]) for f in data["findings"]]
    # line 11: the unsilenced TC101; line 19: the 'Sign in' note (its unit has no TC101)
    assert got == [("TC101", 11), ("TC901", 19)]
    [stale] = [f for f in data["findings"] if f["rule"] == "TC901"]
    assert stale["message"] == "this suppression (TC101) silences nothing in this unit; remove it"
    plain = units(str(po), "-g", glossary_file, "--format", "json")
    assert [f["rule"] for f in json.loads(plain.stdout)["findings"]] == ["TC101"]


def test_cross_unit_note_counts_as_used(tmp_path):
    # 'Save' translated two ways (in two catalogues of one gettext domain: one catalogue may not
    # define it twice); the unit that differs on purpose opts out of TC301 by its note
    header = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
    (tmp_path / "app").mkdir()
    first, second = tmp_path / "a.po", tmp_path / "app" / "a.po"
    first.write_text(header + 'msgctxt "a"\nmsgid "Save"\nmsgstr "احفظ"\n', encoding="utf-8")
    second.write_text(header + 'msgctxt "a"\nmsgid "Save"\nmsgstr "حفظ"\n', encoding="utf-8")
    bare = units(str(first), str(second), "--format", "json", "--select", "TC301")
    assert [(f["rule"], f["path"], f["line"]) for f in json.loads(bare.stdout)["findings"]] == [
        ("TC301", str(first), 7)]
    second.write_text(header + '# termcheck: ignore TC301\nmsgctxt "a"\nmsgid "Save"\nmsgstr "حفظ"\n',
                      encoding="utf-8")
    quiet = units(str(first), str(second), "--format", "json", "--report-unused")
    assert [f["rule"] for f in json.loads(quiet.stdout)["findings"]] == []


def test_html_units_page_one_row_per_unit_with_findings_and_escaping(tmp_path, glossary_file):
    xlf = tmp_path / "ui.xlf"
    xlf.write_bytes(XLIFF.encode("utf-8"))
    out = tmp_path / "report.html"
    result = units(str(xlf), "-g", glossary_file, "--format", "html", "-o", str(out))
    assert result.exit_code == 1 and result.stdout == ""
    page = out.read_text(encoding="utf-8")
    assert page.count('<tr class="tc-row"') == 3
    row = lambda n: page[page.index(f'data-row="{n}"'):page.index("</tr>", page.index(f'data-row="{n}"'))]
    assert '<span class="tc-rownum">7</span>' in row(0) and '<span class="tc-rownum">15</span>' in row(2)
    for n, finding_id in ((0, "f1"), (1, "f2")):
        assert f'<mark class="tc-mark sev-error" data-finding-id="{finding_id}" data-rule="TC101"' in row(n)
        assert row(n).count('<li class="tc-chip') == 1
    assert "<mark" not in row(2) and '<span class="tc-empty">none</span>' in row(2)
    assert "<script>alert" not in page
    assert row(1).count("&lt;script&gt;alert(1)&lt;/script&gt;") == 2  # source and target cells


@pytest.mark.parametrize("args", [
    ["rules", "--format", "html"],
    ["score", "{g}", "{g}", "--format", "html"],
    ["mt", "translate", "{g}", "-m", "no-such-model", "--format", "html"],
    ["glossary", "stats", "{g}", "--format", "html"],
])
def test_commands_without_html_refuse_it(glossary_file, args):
    # the real entry point: termcheck.cli.main prints an InputError as one line and exits 2
    result = subprocess.run([sys.executable, "-m", "termcheck", *[a.format(g=glossary_file) for a in args]],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.startswith("termcheck: error: --format html is not available for this command")
    assert len(result.stderr.strip().splitlines()) == 1

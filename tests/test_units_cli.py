"""termcheck units: the command line over localization files."""

from __future__ import annotations

import json
import os
import shutil

from typer.testing import CliRunner

from termcheck.cli import app
from termcheck.model import InputError

DATA = os.path.join(os.path.dirname(__file__), "data", "l10n")
runner = CliRunner()


def test_units_json_over_a_folder(tmp_path):
    shutil.copy(os.path.join(DATA, "ar.po"), tmp_path / "ar.po")
    shutil.copy(os.path.join(DATA, "app.xlf"), tmp_path / "app.xlf")
    result = runner.invoke(app, ["units", str(tmp_path), "--format", "json"])
    assert result.exit_code == 1  # TC305 is an error
    data = json.loads(result.stdout)
    got = [(os.path.basename(f["path"]), f["line"], f["rule"]) for f in data["findings"]]
    assert got == [
        ("app.xlf", 17, "TC303"),  # Cancel has no <target>
        ("ar.po", 21, "TC303"),  # plural form 5 never written (reported at msgstr[0])
        ("ar.po", 30, "TC305"),  # Delete %s? lost its %s
        ("ar.po", 35, "TC303"),  # Settings
    ]
    assert data["summary"]["files"] == 2


def test_units_select_and_fail_on(tmp_path):
    path = os.path.join(DATA, "ar.po")
    result = runner.invoke(app, ["units", path, "--select", "TC303", "--fail-on", "error"])
    assert result.exit_code == 0
    assert result.stdout.count("TC303") == 3  # two findings and the summary's 'TC303 ×2'
    assert f"{os.path.relpath(path)}:35:1: TC303 [warning] untranslated: the target is empty for 'Settings'" in result.stdout


def test_units_fuzzy_and_terms(tmp_path):
    po = tmp_path / "x.po"
    po.write_text(
        'msgid ""\nmsgstr "Language: ar\\n"\n\n#, fuzzy\nmsgid "Open"\nmsgstr "Open"\n\n'
        'msgid "the pandemic"\nmsgstr "الجائحة"\n',
        encoding="utf-8",
    )
    plain = runner.invoke(app, ["units", str(po)])
    assert plain.exit_code == 0 and "All clear" in plain.stdout
    fuzzy = runner.invoke(app, ["units", str(po), "--include-fuzzy", "--term", "pandemic", "--format", "json"])
    findings = json.loads(fuzzy.stdout)["findings"]
    assert [(f["rule"], f["line"]) for f in findings] == [("TC304", 6), ("TC307", 9)]
    assert findings[1]["message"] == "pandemic: الجائحة ×1 (in 1 units)"


def test_a_file_whose_language_the_glossary_lacks_gets_a_warning(tmp_path):
    """A held-out Symfony XLIFF declares source-language="fr" over English sources: the term rules
    see nothing there, and the run says so on stderr (--source-lang en checks it)."""
    xlf = tmp_path / "messages.ar.xlf"
    xlf.write_text('<?xml version="1.0"?>\n<xliff version="1.2"><file source-language="fr" target-language="ar" '
                   'datatype="plaintext" original="x"><body><trans-unit id="a"><source>Password</source>'
                   '<target>كلمة السر</target></trans-unit></body></file></xliff>\n', encoding="utf-8")
    glossary = tmp_path / "g.csv"
    glossary.write_text("id,en,ar,ar_forbidden\npassword,password,كلمة المرور,كلمة السر\n", encoding="utf-8")
    declared = runner.invoke(app, ["units", str(xlf), "-g", str(glossary), "--no-config", "--format", "json"])
    assert [f["rule"] for f in json.loads(declared.stdout)["findings"]] == ["TC101"]  # a forbidden form is one anyway
    assert declared.stderr == (f"termcheck: warning: {xlf}: the glossary has no 'fr' forms, so TC201-TC203 see no "
                               f"terms in its 1 unit(s) (--source-lang/--target-lang say otherwise)\n")
    told = runner.invoke(app, ["units", str(xlf), "-g", str(glossary), "--no-config", "--source-lang", "en"])
    assert told.exit_code == 1 and "TC101" in told.stdout and told.stderr == ""


def test_units_bad_input_is_an_input_error(tmp_path):
    # termcheck.cli.main turns InputError into one line on stderr and exit code 2.
    bad = tmp_path / "bad.tmx"
    bad.write_text("<tmx><body><tu></body></tmx>", encoding="utf-8")
    result = runner.invoke(app, ["units", str(bad)])
    assert isinstance(result.exception, InputError)
    assert str(result.exception).startswith(f"{bad}:1:")
    assert "malformed XML" in str(result.exception)

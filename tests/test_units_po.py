"""PO semantics as gettext means them: plural forms against Plural-Forms, msgctxt apart from
msgid, malformed PO/MO as input errors, and which files a directory run reads."""

from __future__ import annotations

import json

import polib
import pytest
from helpers import run_cli

from termcheck.formats import localization_files, read_units
from termcheck.formats.plural_forms import PluralFormsError, evaluate, parse_expression, parse_plural_forms
from termcheck.model import InputError

ARABIC = ("nplurals=6; plural=n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 : "
          "n%100>=11 && n%100<=99 ? 4 : 5;")


def catalogue(entries: str, plural_forms: str = ARABIC) -> str:
    return ('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
            f'"Language: ar\\n"\n"Plural-Forms: {plural_forms}\\n"\n\n' + entries)


# Django's real shape: forms 0-2 say the number in words and leave %(count)s out.
FILES = ('msgid "%(count)s file"\nmsgid_plural "%(count)s files"\n'
         'msgstr[0] "لا ملفات"\nmsgstr[1] "ملف واحد"\nmsgstr[2] "ملفان"\n'
         'msgstr[3] "%(count)s ملفات"\nmsgstr[4] "%(count)s ملفًا"\nmsgstr[5] "%(count)s ملف"\n\n')


def run_units(monkeypatch, capsys, *args: str):
    return run_cli(monkeypatch, capsys, "units", *args)


def write(tmp_path, name: str, text: str) -> str:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return str(path)


# -- Plural-Forms


def test_arabic_plural_forms_single_numbers():
    forms = parse_plural_forms(ARABIC)
    assert forms.nplurals == 6
    assert [forms.single_number(k) for k in range(6)] == [0, 1, 2, None, None, None]
    english = parse_plural_forms("nplurals=2; plural=(n != 1);")
    assert [english.single_number(k) for k in range(2)] == [1, None]  # 'One file' may drop %d


def test_plural_expression_is_c_precedence_without_eval():
    tree = parse_expression("n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2")
    assert [evaluate(tree, n) for n in (1, 21, 11, 2, 24, 12, 5, 0, 111)] == [0, 0, 2, 1, 1, 2, 2, 2, 2]
    assert evaluate(parse_expression("!(n > 1) + 2 * 3 - -1"), 0) == 8


@pytest.mark.parametrize("header, message", [
    ("nplurals=999999999; plural=n != 1;", "nplurals=999999999 is out of range"),
    ("nplurals=2; plural=n != 1 ? 2 : 0;", "gives form 2 for n=0, but nplurals=2"),
    ("nplurals=2; plural=__import__('os');", "cannot read plural="),
    ("nplurals=2; plural=n % 0;", "division by zero for n=0"),
    ("nplurals=2; plural=" + "(" * 60 + "n" + ")" * 60 + ";", "nested too deeply"),
    ("plural=n != 1;", "no nplurals="),
])
def test_bad_plural_forms_are_refused(header, message):
    with pytest.raises(PluralFormsError, match=message.replace("(", r"\(").replace("?", r"\?")):
        parse_plural_forms(header)


def test_the_templates_unfilled_plural_forms_state_no_rule():
    """xgettext's header left as it was (a held-out CakePHP catalogue, which msgfmt -c compiles):
    no plural rule, not an input error; a non-number nplurals with a real expression still is one."""
    assert parse_plural_forms("nplurals=INTEGER; plural=EXPRESSION;") is None
    with pytest.raises(PluralFormsError, match="nplurals= is not a number"):
        parse_plural_forms("nplurals=INTEGER; plural=n != 1;")


# -- TC305 on plural entries


def test_django_plural_entry_passes_like_msgfmt_c(tmp_path, monkeypatch, capsys):
    po = write(tmp_path, "ar.po", catalogue(FILES))
    code, out, _ = run_units(monkeypatch, capsys, po, "--format", "json")
    assert (code, json.loads(out)["findings"]) == (0, [])


def test_plural_entry_one_finding_naming_each_bad_form(tmp_path, monkeypatch, capsys):
    # form 3 (n=3..10) drops the count; form 5 misspells it; form 1 (n=1 only) may drop it
    bad = FILES.replace('msgstr[3] "%(count)s ملفات"', 'msgstr[3] "ملفات"').replace(
        'msgstr[5] "%(count)s ملف"', 'msgstr[5] "%(cuont)s ملف"')
    po = write(tmp_path, "ar.po", catalogue(bad))
    code, out, _ = run_units(monkeypatch, capsys, po, "--format", "json")
    findings = json.loads(out)["findings"]
    assert code == 1 and [(f["rule"], f["line"]) for f in findings] == [("TC305", 12)]
    assert findings[0]["message"] == (
        "placeholders differ from msgid/msgid_plural in 2 plural forms: msgstr[3] (line 12): missing %(count)s; "
        "msgstr[5] (line 14): missing %(count)s; not in the source %(cuont)s")


def test_placeholder_of_msgid_alone_is_required_in_every_plural_form(tmp_path, monkeypatch, capsys):
    # msgid has %(name)s, msgid_plural has it too; form 4 (n=11..99) leaves %(name)s out
    entry = ('msgid "%(count)s %(name)s was deleted."\nmsgid_plural "%(count)s %(name)s were deleted."\n'
             'msgstr[0] "لم يحذف شيء"\nmsgstr[1] "حذف %(name)s واحد"\nmsgstr[2] "حذف اثنان من %(name)s"\n'
             'msgstr[3] "حذف %(count)s %(name)s"\nmsgstr[4] "حذف %(count)s"\nmsgstr[5] "حذف %(count)s %(name)s"\n')
    assert plural_findings(tmp_path, monkeypatch, capsys, entry) == [
        ("TC305", 13, [{"form": 4, "missing": ["%(name)s"], "unexpected": []}])]


def plural_findings(tmp_path, monkeypatch, capsys, entry: str) -> list[tuple]:
    """(rule, line, forms) of each finding on a catalogue of `entry`."""
    po = write(tmp_path, "ar.po", catalogue(entry))
    _, out, _ = run_units(monkeypatch, capsys, po, "--format", "json")
    return [(f["rule"], f["line"], f["forms"]) for f in json.loads(out)["findings"]]


def test_a_single_number_form_may_drop_the_count_but_not_the_other_values(tmp_path, monkeypatch, capsys):
    """A held-out Konsole catalogue: 'Editing profile: %2' / 'Editing %1 profiles: %2'. msgid_plural alone
    has %1, so %1 is the count and %2 the profile's name, which form 0 (n=0) lost; form 1 (n=1) drops
    only the count, as it may."""
    entry = ('msgid "Editing profile: %2"\nmsgid_plural "Editing %1 profiles: %2"\n'
             'msgstr[0] " %1 "\nmsgstr[1] "تحرير التشكيلة: %2"\nmsgstr[2] "تحرير التشكيلتين: %2"\n'
             'msgstr[3] "تحرير %1 تشكيلات: %2"\nmsgstr[4] "تحرير %1 تشكيلة: %2"\nmsgstr[5] "تحرير %1 تشكيلة: %2"\n')
    assert plural_findings(tmp_path, monkeypatch, capsys, entry) == [
        ("TC305", 9, [{"form": 0, "missing": ["%2"], "unexpected": []}])]


def test_misspelt_named_placeholder_in_a_copy_of_a_real_catalogue(tmp_path, monkeypatch, capsys):
    real = "../shared/realdata/django-5.2.19/django/contrib/admin/locale/ar/LC_MESSAGES/django.po"
    try:
        text = open(real, encoding="utf-8").read()
    except OSError:
        pytest.skip("../shared/realdata is not here")
    assert 'msgstr "نجح حذف %(count)d من %(items)s."' in text
    po = write(tmp_path, "django.po", text.replace('msgstr "نجح حذف %(count)d من %(items)s."',
                                                   'msgstr "نجح حذف %(count)d من %(itmes)s."'))
    code, out, _ = run_units(monkeypatch, capsys, po, "--format", "json")
    findings = [f for f in json.loads(out)["findings"] if f["severity"] == "error"]
    assert code == 1
    assert [(f["rule"], f["line"], f["found"], f["missing"], f["unexpected"]) for f in findings] == [
        ("TC305", 32, "%(itmes)s", ["%(items)s"], ["%(itmes)s"])]


# -- msgctxt


def test_msgctxt_is_named_apart_from_msgid(tmp_path, monkeypatch, capsys):
    entries = ('msgctxt "abbrev. month"\nmsgid "May"\nmsgstr "May"\n\n'
               'msgctxt "month name"\nmsgid "May"\nmsgstr "مايو"\n')
    po = write(tmp_path, "ar.po", catalogue(entries))
    code, out, _ = run_units(monkeypatch, capsys, po, "--format", "json", "--select", "TC304")
    finding = json.loads(out)["findings"][0]
    assert finding["message"] == "msgctxt 'abbrev. month': the target is a copy of the source 'May'"
    assert (finding["unit"], finding["context"]) == ("May", "abbrev. month")
    assert "\\u0004" not in out
    mo = tmp_path / "ar.mo"
    polib.pofile(po).save_as_mofile(str(mo))
    code, out, _ = run_units(monkeypatch, capsys, str(mo), "--format", "json", "--select", "TC304")
    assert [f["message"] for f in json.loads(out)["findings"]] == [
        "msgctxt 'abbrev. month', msgid 'May': the target is a copy of the source 'May'"]


# -- malformed input: one line, exit 2 (msgfmt refuses these too)


@pytest.mark.parametrize("entries, where, what", [
    ('msgid "a"\nmsgstr "b\n\nmsgid "c"\nmsgstr "d"\n', ":8:8:", "end of line within string"),
    ('msgid "a\nmsgstr "b"\n', ":7:7:", "end of line within string"),
    ('msgid "a"\nmsgstr "b"\n\nmsgid "a"\nmsgstr "c"\n', ":10:1:", "duplicate message definition of 'a'; the first is at line 7"),
    ('msgctxt "x"\nmsgid "a"\nmsgstr "b"\n\nmsgctxt "x"\nmsgid "a"\nmsgstr "c"\n', ":12:1:",
     "duplicate message definition of 'a' (msgctxt 'x')"),
    # a CakePHP catalogue's second header and a legal '#----' comment: msgfmt's duplicate, not polib's
    # syntax error at the comment line
    ('msgid "a"\nmsgstr "b"\n\n#----------------\nmsgid "c"\nmsgstr "d"\n\nmsgid ""\nmsgstr ""\n', ":14:1:",
     "duplicate message definition of ''; the first is at line 1"),
])
def test_malformed_po_is_one_line_exit_2(tmp_path, monkeypatch, capsys, entries, where, what):
    po = write(tmp_path, "ar.po", catalogue(entries))
    code, out, err = run_units(monkeypatch, capsys, po)
    assert code == 2 and out == ""
    assert len(err.strip().splitlines()) == 1 and f"{po}{where} malformed PO file: {what}" in err


def test_same_msgid_in_two_contexts_is_not_a_duplicate(tmp_path):
    po = write(tmp_path, "ar.po", catalogue('msgctxt "x"\nmsgid "a"\nmsgstr "b"\n\nmsgid "a"\nmsgstr "c"\n'))
    assert [(u.context, u.id) for u in read_units(po)] == [("x", "a"), (None, "a")]


def test_bad_plural_forms_header_is_an_input_error_at_its_line(tmp_path, monkeypatch, capsys):
    po = write(tmp_path, "ar.po", catalogue(FILES, plural_forms="nplurals=999999999; plural=n != 1;"))
    code, _, err = run_units(monkeypatch, capsys, po)
    assert code == 2 and f"{po}:5:1: Plural-Forms: nplurals=999999999 is out of range" in err


@pytest.mark.parametrize("content, what", [
    (b"", "0 bytes, shorter than the 28-byte header"),
    (b"\xde\x12\x04\x95\x00\x00", "6 bytes, shorter than the 28-byte header"),
    (b"GARBAGE!" * 8, "not an MO file (wrong magic number)"),
    (b"\xde\x12\x04\x95" + bytes(4) + (1000).to_bytes(4, "little") + (28).to_bytes(4, "little") * 2 + bytes(8),
     "the original string table (1000 entries at byte 28) runs past the end of the file (28 bytes)"),
])
def test_malformed_mo_is_one_line_exit_2(tmp_path, monkeypatch, capsys, content, what):
    mo = tmp_path / "ar.mo"
    mo.write_bytes(content)
    code, out, err = run_units(monkeypatch, capsys, str(mo))
    assert code == 2 and out == ""
    assert len(err.strip().splitlines()) == 1 and f"{mo}:1:1: malformed MO file: {what}" in err


def test_mo_cut_short_is_refused(tmp_path):
    po = write(tmp_path, "ar.po", catalogue(FILES))
    mo = tmp_path / "ar.mo"
    polib.pofile(po).save_as_mofile(str(mo))
    data = mo.read_bytes()
    mo.write_bytes(data[:-20])
    with pytest.raises(InputError, match="runs past the end of the file"):
        read_units(str(mo))


# -- which files a directory run reads


def test_directory_run_skips_mo_beside_its_po_but_reads_a_named_one(tmp_path, monkeypatch, capsys):
    po = write(tmp_path, "locale/ar/LC_MESSAGES/django.po", catalogue('msgid "Save"\nmsgstr ""\n'))
    mo = str(tmp_path / "locale/ar/LC_MESSAGES/django.mo")
    polib.pofile(po).save_as_mofile(mo)
    lonely = tmp_path / "other/app.mo"
    lonely.parent.mkdir()
    polib.pofile(po).save_as_mofile(str(lonely))
    walked = localization_files([str(tmp_path)])
    assert [p.replace(str(tmp_path), "") for p in walked] == ["/locale/ar/LC_MESSAGES/django.po", "/other/app.mo"]
    assert localization_files([mo]) == [mo]
    code, out, _ = run_units(monkeypatch, capsys, str(tmp_path / "locale"), "--format", "json", "--fail-on", "never")
    assert [f["path"] for f in json.loads(out)["findings"]] == [po]


def test_config_include_and_exclude_apply_to_units(tmp_path, monkeypatch, capsys):
    write(tmp_path, "locale/ar.po", catalogue('msgid "Save"\nmsgstr ""\n'))
    write(tmp_path, "vendor/ar.po", catalogue('msgid "Open"\nmsgstr ""\n'))
    write(tmp_path, "ui/ar.xlf", '<xliff version="1.2"><file source-language="en" target-language="ar">'
                                 '<body></body></file></xliff>')
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "termcheck.toml", 'exclude = ["vendor"]\n')
    code, out, _ = run_units(monkeypatch, capsys, ".", "--format", "json", "--fail-on", "never")
    assert [f["path"] for f in json.loads(out)["findings"]] == ["locale/ar.po"]
    assert json.loads(out)["summary"]["files"] == 2  # locale/ar.po and ui/ar.xlf
    write(tmp_path, "termcheck.toml", 'include = ["**/*.md", "**/*.po"]\n')
    code, out, _ = run_units(monkeypatch, capsys, ".", "--format", "json", "--fail-on", "never")
    assert json.loads(out)["summary"]["files"] == 2  # the two .po, not the .xlf


def test_plural_forms_out_of_order_are_malformed_like_msgfmt(tmp_path):
    from termcheck.formats.po import read_po

    path = tmp_path / "p.po"
    path.write_text('msgid "a"\nmsgid_plural "as"\nmsgstr[0] "x"\nmsgstr[7] "y"\n', encoding="utf-8")
    with pytest.raises(InputError) as err:
        read_po(str(path))
    assert str(err.value) == (f"{path}:4:1: malformed PO file: plural form has wrong index "
                              "(msgstr[7] where msgstr[1] was expected)")


def test_a_form_for_one_n_may_word_a_term_freely_when_another_form_has_it(tmp_path, monkeypatch, capsys):
    # msgstr[0] (n=0 only) says 'the folder is empty': 'file' is rendered by the entry's other forms
    entry = FILES.replace('msgstr[0] "لا ملفات"', 'msgstr[0] "المجلد فارغ"')
    glossary = write(tmp_path, "g.csv", "id,en,ar\nfile,file,ملف\n")
    po = write(tmp_path, "ar.po", catalogue(entry))
    code, out, _ = run_units(monkeypatch, capsys, po, "-g", glossary, "--format", "json")
    assert code == 0 and json.loads(out)["findings"] == []
    # no form renders it: one finding for the entry, on its first form for many n (msgstr[3]; forms
    # 0, 1 and 2 are for n = 0, 1, 2 only), where a held-out WordPress reviewer looked for it
    none = write(tmp_path, "none.po", catalogue(
        'msgid "%(count)s file"\nmsgid_plural "%(count)s files"\n' + "".join(
            f'msgstr[{i}] "%(count)s عنصر"\n' for i in range(6))))
    code, out, _ = run_units(monkeypatch, capsys, none, "-g", glossary, "--format", "json")
    assert code == 1 and [(f["rule"], f["line"]) for f in json.loads(out)["findings"]] == [
        ("TC201", 12)]


def test_a_missing_term_points_where_the_target_begins_even_after_escaped_quotes(tmp_path, monkeypatch, capsys):
    # CKAN's shape: the msgstr starts with a link whose quotes the file writes escaped
    glossary = write(tmp_path, "g.csv", "id,en,ar\nemail,email address,عنوان البريد الإلكتروني\n")
    po = write(tmp_path, "ar.po", catalogue(
        'msgid "Please <a href=\\"%s\\">update</a> your email address."\n'
        'msgstr ""\n"حدّث <a href=\\"%s\\">ملفك</a> الآن."\n'))
    code, out, _ = run_units(monkeypatch, capsys, po, "-g", glossary, "--format", "json")
    assert code == 1 and [(f["rule"], f["line"], f["column"], f["end_column"]) for f in json.loads(out)["findings"]] == [
        ("TC201", 9, 2, 2)]


def test_a_term_repeated_in_one_unit_is_asked_about_once(tmp_path, monkeypatch, capsys):
    # a 170 KB msgid with 10,000 mentions took minutes (one rendering search each) and gave 10,000 findings
    glossary = write(tmp_path, "g.csv", "id,en,ar\nfile,file,ملف\n")
    po = write(tmp_path, "ar.po", catalogue('msgid "' + "Open the file. " * 50 + '"\nmsgstr "' + "افتح المستند. " * 50 + '"\n'))
    code, out, _ = run_units(monkeypatch, capsys, po, "-g", glossary, "--format", "json")
    assert code == 1 and [(f["rule"], f["line"], f["source_column"]) for f in json.loads(out)["findings"]] == [
        ("TC201", 8, 17)]


def test_translator_credits_are_not_a_translation(tmp_path, monkeypatch, capsys):
    """GNOME's translator-credits and KDE's NAME/EMAIL OF TRANSLATORS hold names and addresses, not
    a translation of the msgid: no unit, so no TC304/TC306 (system-config-printer's Arabic .mo gave
    a TC306 for the translators' <e-mail> addresses)."""
    entries = ('msgid "translator-credits"\nmsgstr "سامي <sami@example.org>"\n\n'
               'msgctxt "NAME OF TRANSLATORS"\nmsgid "Your names"\nmsgstr ""\n\n'
               'msgid "Print"\nmsgstr "Print"\n')
    po = write(tmp_path, "ar.po", catalogue(entries))
    assert [u.id for u in read_units(po)] == ["Print"]
    mo = tmp_path / "ar.mo"
    polib.pofile(po).save_as_mofile(str(mo))
    assert [u.id for u in read_units(str(mo))] == ["Print"]
    code, out, _ = run_units(monkeypatch, capsys, po, "--format", "json")
    assert [(f["rule"], f["unit"]) for f in json.loads(out)["findings"]] == [("TC304", "Print")]


def test_a_date_format_is_localized_not_compared(tmp_path, monkeypatch, capsys):
    """strftime formats are localized freely (glib's Arabic '%A %e %B %l:%M:%S %Y' for
    '%a %b %e %H:%M:%S %Y'), and one kept as is is no copied source; printf is still compared,
    %u and %m included (they are printf's too)."""
    entries = ('msgctxt "GDateTime"\nmsgid "%a %b %e %H:%M:%S %Y"\nmsgstr "%A %e %B %l:%M:%S %Y"\n\n'
               'msgctxt "calendar year format"\nmsgid "%Y"\nmsgstr "%Y"\n\n'
               'msgid "Page %d of %u"\nmsgstr "صفحة %d"\n\n'
               'msgid "cannot open %s: %m"\nmsgstr "تعذر فتح %s"\n')
    po = write(tmp_path, "ar.po", catalogue(entries))
    code, out, _ = run_units(monkeypatch, capsys, po, "--format", "json")
    assert [(f["rule"], f["unit"], f["missing"]) for f in json.loads(out)["findings"]] == [
        ("TC305", "Page %d of %u", ["%u"]), ("TC305", "cannot open %s: %m", ["%m"])]


def test_an_untranslated_plural_entry_is_one_finding(tmp_path, monkeypatch, capsys):
    """One TC303 per plural entry, at its first empty form, naming the empty forms (an empty
    entry is one thing to translate, not six findings)."""
    entries = ('msgid "%(count)s file"\nmsgid_plural "%(count)s files"\n' + "".join(
                   f'msgstr[{n}] ""\n' for n in range(6)) + '\n'
               'msgid "%(count)s folder"\nmsgid_plural "%(count)s folders"\n'
               'msgstr[0] "لا مجلدات"\nmsgstr[1] "مجلد واحد"\nmsgstr[2] ""\nmsgstr[3] "%(count)s مجلدات"\n'
               'msgstr[4] ""\nmsgstr[5] "%(count)s مجلد"\n')
    po = write(tmp_path, "ar.po", catalogue(entries))
    code, out, _ = run_units(monkeypatch, capsys, po, "--format", "json", "--select", "TC303")
    assert [(f["line"], f["message"]) for f in json.loads(out)["findings"]] == [
        (9, "untranslated: plural forms 0, 1, 2, 3, 4, 5 are empty for '%(count)s file'"),
        (20, "untranslated: plural forms 2, 4 are empty for '%(count)s folder'")]


def test_a_form_for_many_words_msgid_plural_not_msgid_alone(tmp_path, monkeypatch, capsys):
    """click's 'Did you mean {possibility}?' / '(Did you mean one of: {possibilities}?)' in a held-out
    catalogue: forms 3-5 word msgid_plural and keep {possibilities}, not msgid's {possibility}. A
    form for many n that drops msgid_plural's placeholder is still reported."""
    entry = ('msgid "Did you mean {possibility}?"\nmsgid_plural "(Did you mean one of: {possibilities}?)"\n'
             'msgstr[0] "هل تقصد {possibility}؟"\nmsgstr[1] "هل تقصد {possibility}؟"\n'
             'msgstr[2] "(هل تقصد واحداً من: {possibilities}؟)"\nmsgstr[3] "(هل تقصد واحداً من: {possibilities}؟)"\n'
             'msgstr[4] "(هل تقصد واحداً من: {possibilities}؟)"\nmsgstr[5] "(هل تقصد واحداً من الخيارات؟)"\n')
    assert plural_findings(tmp_path, monkeypatch, capsys, entry) == [
        ("TC305", 14, [{"form": 5, "missing": ["{possibilities}"], "unexpected": []}])]


def test_a_header_language_the_translations_contradict_is_read_as_their_script_says(tmp_path, monkeypatch, capsys):
    """A held-out PHP shop's ar.po says 'Language: en' (Poedit's default): its Arabic targets were read as
    English, every term 'not rendered' (76 false TC201) and no Arabic form checked. Read as Arabic, with a
    warning; --target-lang still decides, and a Latin-script catalogue keeps its header's language."""
    glossary = write(tmp_path, "g.csv", "id,en,ar,en_allowed,en_forbidden,ar_allowed,ar_forbidden\n"
                                        "upload,upload,رفع,,,,تحميل\nprice,price,سعر\n")
    entries = ('msgid "Upload images"\nmsgstr "تحميل الصور"\n\n'
               'msgid "Prices"\nmsgstr "أسعار"\n\n'
               'msgid "Price list"\nmsgstr "قائمة الأسعار"\n\n')
    po = write(tmp_path, "languages/ar.po", catalogue(entries).replace("Language: ar", "Language: en"))
    code, out, err = run_units(monkeypatch, capsys, po, "-g", glossary, "--format", "json")
    assert code == 1 and [(f["rule"], f["line"], f["found"]) for f in json.loads(out)["findings"]] == [
        ("TC101", 8, "تحميل")]
    assert err == (f"termcheck: warning: {po}: the file says its language is 'en', but its translations are in "
                   "the Arabic script; read as 'ar' (--target-lang says otherwise)\n")
    code, out, err = run_units(monkeypatch, capsys, po, "-g", glossary, "--format", "json", "--target-lang", "en")
    assert err == "" and [f["rule"] for f in json.loads(out)["findings"]] == ["TC201", "TC201", "TC201"]
    french = write(tmp_path, "fr.po", catalogue('msgid "Prices"\nmsgstr "Prix"\n\nmsgid "Upload"\nmsgstr "Envoyer"\n\n'
                                                'msgid "Price list"\nmsgstr "Liste des prix"\n\n').replace(
        "Language: ar", "Language: fr"))
    code, out, err = run_units(monkeypatch, capsys, french, "-g", glossary, "--format", "json")
    assert "Arabic script" not in err and "the glossary has no 'fr' forms" in err

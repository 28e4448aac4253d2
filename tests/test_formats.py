"""Readers of localization files: PO, MO, XLIFF 1.2/2.0, TMX -> Units."""

from __future__ import annotations

import os

import polib
import pytest

from termcheck.formats import detect_format, localization_files, read_units
from termcheck.model import InputError

DATA = os.path.join(os.path.dirname(__file__), "data", "l10n")


def data(name: str) -> str:
    return os.path.join(DATA, name)


def test_po_units_lines_plurals_context_notes():
    units = read_units(data("ar.po"))
    # Save, six plural forms (the sixth missing in the file), Delete, Settings; fuzzy Open and
    # the obsolete #~ entry are left out.
    assert [(u.source, u.target, u.line, u.source_line, u.plural_index) for u in units] == [
        ("Save", "حفظ", 13, 12, None),
        ("%d files", "لا ملفات", 21, 19, 0),  # Arabic form 0 is n=0: msgid_plural
        ("%d file", "ملف واحد", 22, 19, 1),  # form 1 is n=1: msgid
        ("%d files", "ملفان", 23, 19, 2),
        ("%d files", "%d ملفات", 24, 19, 3),
        ("%d files", "%d ملفًا", 25, 19, 4),
        ("%d files", "", 21, 19, 5),
        ("Delete %s?", "حذف الملف؟", 30, 27, None),
        ("Settings", "", 35, 34, None),
    ]
    save = units[0]
    assert save.context == "menu" and save.id == "Save"  # msgctxt apart, never glued with \x04
    assert save.notes == ["Button label", "termcheck: ignore TC304"]
    assert (save.source_lang, save.target_lang, save.state) == ("en", "ar", "translated")
    assert units[6].state == "untranslated"


def test_po_fuzzy_only_when_asked():
    units = read_units(data("ar.po"), include_fuzzy=True)
    fuzzy = [u for u in units if u.state == "fuzzy"]
    assert [(u.source, u.target, u.line) for u in fuzzy] == [("Open", "افتح", 17)]


def test_po_syntax_error_has_path_and_line(tmp_path):
    bad = tmp_path / "bad.po"
    bad.write_text('msgid "a"\nmsgstr "b"\n\nfoo bar\n', encoding="utf-8")
    with pytest.raises(InputError) as err:
        read_units(str(bad))
    assert str(err.value).startswith(f"{bad}:4:1: malformed PO file")


def test_missing_file_is_an_input_error_not_po_content(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_units(str(tmp_path / "nope.po"))


def test_mo_units_have_line_zero(tmp_path):
    catalogue = polib.pofile(data("ar.po"))
    mo = tmp_path / "ar.mo"
    catalogue.save_as_mofile(str(mo))
    units = read_units(str(mo))
    by_source = {(u.source, u.plural_index): u for u in units}
    assert by_source[("Save", None)].target == "حفظ"
    assert by_source[("Save", None)].context == "menu"
    assert by_source[("%d files", 3)].target == "%d ملفات"
    assert by_source[("%d files", 5)].target == ""  # nplurals=6, form 5 never written
    assert all(u.line == 0 for u in units)
    assert ("Open", None) not in by_source  # msgfmt-like: polib leaves fuzzy entries out of MO


def test_xliff12_groups_inline_markup_fuzzy_and_missing_target():
    units = read_units(data("app.xlf"))
    assert [(u.id, u.source, u.target, u.line, u.source_line) for u in units] == [
        ("save", "Save now", "احفظ الآن", 8, 7),
        ("missing", "Cancel", "", 17, 17),
    ]
    save = units[0]
    assert save.source_markup == ["g#1"] and save.target_markup == ["g#1"]
    assert save.notes == ["Toolbar button"] and save.state == "translated"
    assert (save.source_lang, save.target_lang) == ("en-US", "ar")
    with_fuzzy = read_units(data("app.xlf"), include_fuzzy=True)
    link = next(u for u in with_fuzzy if u.id == "link")
    assert (link.source, link.source_markup, link.state) == ("Read more", ["x#2", "x#3"], "needs-review-translation")


def test_xliff12_a_target_marked_needs_translation_is_a_draft_like_fuzzy(tmp_path):
    """Microsoft's Multilingual App Toolkit writes a placeholder (مثال نصي) into a target it marks
    needs-translation: a held-out export had it read as a translation (five TC201 and a TC204 on two
    units). Such a target is a draft, left out as PO's fuzzy entries are, unless --include-fuzzy."""
    path = tmp_path / "a.xlf"
    path.write_text('<?xml version="1.0"?>\n<xliff version="1.2"><file source-language="en" target-language="ar">'
                    '<body>\n<trans-unit id="a"><source>Your phone number</source>\n'
                    '<target state="needs-translation">مثال نصي</target></trans-unit>\n'
                    '<trans-unit id="b"><source>Agree</source>\n<target state="translated">موافق</target></trans-unit>'
                    '\n</body></file></xliff>', encoding="utf-8")
    assert [u.id for u in read_units(str(path))] == ["b"]
    assert [u.id for u in read_units(str(path), include_fuzzy=True)] == ["a", "b"]


def test_xliff20_segments_notes_and_code_points():
    units = read_units(data("app20.xlf"))
    assert [(u.id, u.source, u.target, u.line, u.state) for u in units] == [
        ("u1/1", "Hello world", "مرحبا بالعالم", 8, "translated"),
        ("u1/s2", "Bye", "وداعا\u200f", 12, None),
    ]
    assert units[0].source_markup == ["pc#1", "ph#2"] and units[0].target_markup == ["pc#1"]
    assert units[1].notes == ["termcheck: ignore TC301"]


def test_tmx_languages_by_header_or_option():
    default = read_units(data("mem.tmx"))
    assert [(u.source, u.target, u.target_lang) for u in default] == [
        ("The pandemic", "La pandémie", "fr"),  # first tuv in another language
        ("No Arabic here", "", ""),
    ]
    arabic = read_units(data("mem.tmx"), target_lang="ar")
    assert [(u.id, u.source, u.target, u.line, u.source_line, u.target_lang) for u in arabic] == [
        ("t1", "The pandemic", "الجائحة", 9, 8, "ar-SA"),
        ("2", "No Arabic here", "", 12, 12, "ar"),  # no Arabic tuv: the asked language, empty
    ]
    assert arabic[0].source_markup == ["bpt#1", "ept#1"] and arabic[0].notes == ["checked"]
    reverse = read_units(data("mem.tmx"), source_lang="ar", target_lang="en")
    assert [(u.source, u.target) for u in reverse] == [("الجائحة", "The pandemic")]


def test_malformed_xml_reports_line(tmp_path):
    bad = tmp_path / "bad.xlf"
    bad.write_text('<?xml version="1.0"?>\n<xliff version="1.2">\n<file>\n</xliff>\n', encoding="utf-8")
    with pytest.raises(InputError) as err:
        read_units(str(bad))
    assert str(err.value).startswith(f"{bad}:4:")


def test_xml_with_entities_is_refused(tmp_path):
    bad = tmp_path / "evil.tmx"
    bad.write_text('<?xml version="1.0"?>\n<!DOCTYPE tmx [<!ENTITY a "aaaa">]>\n<tmx><body/></tmx>\n', encoding="utf-8")
    with pytest.raises(InputError, match="refused"):
        read_units(str(bad))


def test_detect_format_and_walk(tmp_path):
    (tmp_path / "sub").mkdir()
    for name in ("b.po", "a.tmx", "sub/c.xliff", "notes.txt", "d.pot"):
        (tmp_path / name).write_text("", encoding="utf-8")
    assert localization_files([str(tmp_path)]) == [
        str(tmp_path / "a.tmx"), str(tmp_path / "b.po"), str(tmp_path / "sub" / "c.xliff"),
    ]
    sniffed = tmp_path / "memory.xml"
    sniffed.write_text('<?xml version="1.0"?><tmx version="1.4"><body/></tmx>', encoding="utf-8")
    assert detect_format(str(sniffed)) == "tmx"
    with pytest.raises(InputError, match="not a localization file"):
        detect_format(str(tmp_path / "notes.txt"))


XCODE_PLURAL = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file original="App/en.lproj/Localizable.stringsdict" source-language="en" target-language="ar" datatype="plaintext">
    <body>
      <trans-unit id="/%lld episodes:dict/NSStringLocalizedFormatKey:dict/:string">
        <source>%#@episodes@</source>
        <target>%#@episodes@</target>
      </trans-unit>
{forms}
      <trans-unit id="Copyright" translate="no">
        <source>© 2026 Example Labs</source>
      </trans-unit>
    </body>
  </file>
</xliff>
"""
ARABIC_FORMS = {"zero": "لا حلقات", "one": "حلقة واحدة", "two": "حلقتان", "few": "%lld حلقات",
                "many": "%lld حلقة", "other": "%lld حلقة"}


def test_xcode_stringsdict_categories_are_one_plural_entry_and_translate_no_is_left_out(tmp_path):
    """Xcode's export of a .stringsdict: one trans-unit per CLDR category, read as the forms of
    one plural entry (zero, one, two for a single n, allowed to say it in words); the format key
    %#@episodes@ is a placeholder; a translate="no" unit is not for translation."""
    forms = "\n".join(
        f'      <trans-unit id="/%lld episodes:dict/episodes:dict/{category}:dict/:string">\n'
        f'        <source>{"%lld episode" if category == "one" else "%lld episodes"}</source>\n'
        f'        <target>{target}</target>\n      </trans-unit>' for category, target in ARABIC_FORMS.items())
    path = tmp_path / "ar.xliff"
    path.write_text(XCODE_PLURAL.format(forms=forms), encoding="utf-8")
    units = read_units(str(path))
    plural = [u for u in units if u.plural_index is not None]
    assert [(u.id, u.plural_index, u.plural_single_n) for u in plural] == [
        ("/%lld episodes:dict/episodes", i, n) for i, n in enumerate((0, 1, 2, None, None, None))]
    assert {u.plural_sources for u in plural} == {("%lld episode", "%lld episodes")}
    assert "Copyright" not in [u.id for u in units]
    from termcheck.units import check_units
    assert check_units(units, None) == []


def test_tmx_x_context_is_the_context_and_bracketed_categories_are_one_plural_entry(tmp_path):
    """A blind e-services memory: tuids 'appt.upcoming[one]' ... '[many]' are the CLDR categories of
    one plural entry ('one' and 'two' may say the number in words: موعد واحد, موعدان), and the
    <prop type="x-context"> is the unit's context. A lone bracketed tuid stays a unit of its own."""
    forms = {"one": ("You have {count} upcoming appointment.", "لديك موعد واحد قادم."),
             "two": ("You have {count} upcoming appointments.", "لديك موعدان قادمان."),
             "few": ("You have {count} upcoming appointments.", "لديك {count} مواعيد قادمة."),
             "other": ("You have {count} upcoming appointments.", "لديك {count} موعدًا قادمًا.")}
    tus = "".join(
        f'<tu tuid="appt.upcoming[{c}]"><prop type="x-context">plural:{c}</prop>'
        f'<tuv xml:lang="en"><seg>{en}</seg></tuv><tuv xml:lang="ar"><seg>{ar}</seg></tuv></tu>\n'
        for c, (en, ar) in forms.items())
    tus += ('<tu tuid="menu[one]"><tuv xml:lang="en"><seg>Menu</seg></tuv>'
            '<tuv xml:lang="ar"><seg>القائمة</seg></tuv></tu>\n')
    path = tmp_path / "ar.tmx"
    path.write_text('<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header srclang="en" adminlang="en" '
                    'segtype="sentence" o-tmf="x" datatype="plaintext" creationtool="t" creationtoolversion="1"/>\n'
                    f'<body>\n{tus}</body></tmx>\n', encoding="utf-8")
    units = read_units(str(path))
    assert [(u.id, u.context, u.plural_index, u.plural_single_n) for u in units] == [
        ("appt.upcoming", "plural:one", 1, 1), ("appt.upcoming", "plural:two", 2, 2),
        ("appt.upcoming", "plural:few", 3, None), ("appt.upcoming", "plural:other", 5, None),
        ("menu[one]", None, None, None)]
    assert units[0].plural_sources == ("You have {count} upcoming appointment.", "You have {count} upcoming appointments.")
    from termcheck.units import check_units
    assert check_units(units, None) == []


def test_an_xcode_test_targets_strings_are_not_read(tmp_path):
    """An iOS export lists its test bundle's strings (never shipped) beside the app's; a folder that
    only ends in 'tests' is no test target."""
    files = "".join(
        f'<file original="{original}" source-language="en" target-language="ar" datatype="plaintext"><body>'
        f'<trans-unit id="{original}:hello"><source>Hello</source><target>{target}</target></trans-unit></body></file>\n'
        for original, target in (("App/Localizable.strings", "مرحبا"), ("AppTests/Localizable.strings", ""),
                                 ("AppUITests/Localizable.strings", ""), ("Contests/Localizable.strings", "")))
    path = tmp_path / "ar.xliff"
    path.write_text(f'<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2" '
                    f'xmlns="urn:oasis:names:tc:xliff:document:1.2">\n{files}</xliff>\n', encoding="utf-8")
    assert [u.id for u in read_units(str(path))] == ["App/Localizable.strings:hello", "Contests/Localizable.strings:hello"]

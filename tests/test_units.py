"""Checks over translation units: TC101/TC201 per unit and TC301-TC307."""

from __future__ import annotations

from helpers import concept, glossary

from termcheck.formats.units import Unit
from termcheck.match import Matcher
from termcheck.units import RenderingIndex, UnitCheckOptions, check_units, placeholders, tags


def unit(source: str, target: str, line: int = 1, path: str = "a.po", **fields) -> Unit:
    return Unit(source=source, target=target, path=path, line=line, source_line=max(line - 1, 0),
                id=fields.pop("id", source), **fields)


def codes(findings) -> list[tuple[str, int]]:
    return [(f.rule, f.location.line) for f in findings]


MATCHER = Matcher(glossary(
    concept("pandemic", en_p="pandemic", ar_p="جائحة", ar_f="وباء عالمي"),
    concept("vaccine", en_p="vaccine", ar_p="لقاح"),
))


def test_forbidden_target_form_with_column_from_the_file():
    units = [unit("The pandemic spread", "انتشر وباء عالمي بسرعة", line=2)]
    source_text = 'msgid "The pandemic spread"\nmsgstr "انتشر وباء عالمي بسرعة"\n'
    findings = check_units(units, MATCHER, sources={"a.po": source_text})
    assert len(findings) == 1
    f = findings[0]
    assert (f.rule, f.found, f.expected, f.concept) == ("TC101", "وباء عالمي", "جائحة", "pandemic")
    # msgstr "انتشر ... : 'msgstr "' is 8 characters, 'انتشر ' 6, so the form starts at column 15
    assert (f.location.line, f.location.column, f.location.end_column) == (2, 15, 25)
    assert source_text[f.location.start:f.location.end] == "وباء عالمي"


def test_words_joined_by_a_slash_are_alternatives_not_a_path():
    # DRF's 'Invalid username/password.' -> 'اسم المستخدم/كلمة السر': the forbidden form is found
    # in both sources and targets; a real path or file name is still left out of the matching
    matcher = Matcher(glossary(concept("password", en_p="password", ar_p="كلمة المرور", ar_f="كلمة السر"),
                               concept("time", en_p="time", ar_p="وقت")))
    units = [unit("Invalid username/password.", "اسم المستخدم/كلمة السر غير صحيحين.", line=2),
             unit("Enter a valid date/time.", "أدخل تاريخاً/وقتاً صحيحاً.", line=4),
             unit("Edit /etc/password now", "حرر الملف الآن", line=6)]
    findings = check_units(units, matcher)
    assert [(f.rule, f.location.line, f.found) for f in findings] == [("TC101", 2, "كلمة السر")]
    # Arabic words joined by a backslash, a translator's slash (DHIS2's وسّع\مدّد for 'Expand'); a Latin
    # path with one is still code
    expand = Matcher(glossary(concept("expand", en_p="expand", ar_p="توسيع", ar_a="وسع")))
    units = [unit("Expand", "وسِع\\مدِد", line=2), unit("Expand C:\\Temp", "مجلد C:\\Temp", line=4)]
    assert [(f.rule, f.location.line) for f in check_units(units, expand)] == [("TC201", 4)]


def test_missing_term_points_at_target_and_names_source_term():
    # اللقاح (with the article) renders لقاح: not missing.
    units = [unit("A new vaccine", "دواء جديد", line=5), unit("The vaccine works", "اللقاح فعال", line=9)]
    findings = check_units(units, MATCHER)
    assert codes(findings) == [("TC201", 5)]
    f = findings[0]
    assert (f.source_text, f.expected, f.concept) == ("vaccine", "لقاح", "vaccine")
    assert f.location.column == 1 and f.source.line == 4


def test_term_rules_follow_unit_languages():
    # Reversed pair: Arabic source, English target; the English side is checked for the concept.
    units = [unit("هذا لقاح فعال", "The shot works", source_lang="ar", target_lang="en-US")]
    assert [(f.rule, f.source_text, f.expected) for f in check_units(units, MATCHER)] == [
        ("TC201", "لقاح", "vaccine"),
    ]


def test_untranslated_and_copied_source():
    units = [
        unit("Settings", "", line=3),
        unit("%d files", "", line=7, plural_index=5),
        unit("Firefox", "Firefox", line=9),
        unit("42", "42", line=11),  # no letters: copying is right
    ]
    findings = check_units(units, None)
    assert codes(findings) == [("TC303", 3), ("TC303", 7), ("TC304", 9)]
    assert "plural form 5" in findings[1].message


def test_suppression_note_silences_only_its_code():
    # check_units reports everything; the caller filters with the unit notes' suppressions
    from termcheck.suppress import filter_suppressed, unit_suppressions

    units = [unit("Firefox", "Firefox", line=9, notes=["brand; termcheck: ignore TC304"])]
    findings = check_units(units, None)
    assert codes(findings) == [("TC304", 9)]
    assert filter_suppressed(findings, unit_suppressions(units))[0] == []
    units = [unit("Firefox", "Firefox", line=9, notes=["termcheck: ignore TC303"])]
    kept, unused = filter_suppressed(check_units(units, None), unit_suppressions(units))
    assert codes(kept) == [("TC304", 9)] and len(unused) == 1


def test_placeholders_parsed():
    assert placeholders("%s of %d, %1$@ %(name)s {0} {count} 100%% and 50% of {{x}}, {{ alone") == [
        "%s", "%d", "%1$@", "%(name)s", "{0}", "{count}", "{{x}}",  # {{x}}: a mustache/i18next placeholder
    ]


def test_placeholder_mismatch_missing_and_extra():
    units = [
        unit("Delete %s?", "حذف الملف؟", line=4),
        unit("{0} of {1}", "{0} من {1} {2}", line=6),
        unit("%@ blocked", "تم حظر %@", line=8),
    ]
    findings = check_units(units, None)
    assert codes(findings) == [("TC305", 4), ("TC305", 6)]
    assert findings[0].extra["missing"] == ["%s"] and findings[0].extra["unexpected"] == []
    assert findings[1].extra["unexpected"] == ["{2}"] and findings[1].found == "{2}"


def test_plural_forms_may_spell_out_the_count():
    # msgfmt -c: a form used for one n only (n=1 here) may leave the count out; one used for many
    # may not, and no form may add a placeholder. One finding for the entry, naming its forms.
    plural = dict(plural_sources=("%d file", "%d files"), id="%d file")
    units = [unit("%d file", "ملف واحد", plural_index=1, plural_single_n=1, **plural),
             unit("%d files", "ملفان %s", plural_index=2, line=2, plural_single_n=2, **plural),
             unit("%d files", "ملفات", plural_index=3, line=3, **plural)]
    findings = check_units(units, None)
    assert codes(findings) == [("TC305", 2)]
    assert findings[0].message == ("placeholders differ from msgid/msgid_plural in 2 plural forms: "
                                   "msgstr[2] (line 2, n=2): not in the source %s; msgstr[3] (line 3): missing %d")
    assert findings[0].extra == {"unit": "%d file", "missing": ["%d"], "unexpected": ["%s"], "forms": [
        {"form": 2, "missing": [], "unexpected": ["%s"]}, {"form": 3, "missing": ["%d"], "unexpected": []}]}


def test_markup_mismatch_tags_and_inline_ids():
    assert tags('Click <a href="x">here</a><br/>') == ["<a>", "</a>", "<br/>"]
    units = [
        unit("<b>Note</b>: read", "ملاحظة: اقرأ", line=2),
        unit("Save now", "احفظ الآن", line=4, path="a.xlf", source_markup=["g#1"], target_markup=["g#2"]),
        unit("<i>x</i>", "<I>س</I>", line=6),  # tag names compare case-insensitively
    ]
    findings = check_units(units, None)
    assert codes(findings) == [("TC306", 2), ("TC306", 4)]
    assert findings[0].extra["missing"] == ["<b>", "</b>"]
    assert findings[1].extra["missing"] == ["g#1"] and findings[1].extra["unexpected"] == ["g#2"]


def test_a_capitalized_word_in_angle_brackets_that_nothing_closes_is_text_not_markup():
    # django-cms's '<Empty>' is shown to the user and translated; a real tag still counts
    assert tags("<Empty>") == [] and tags("Press <Ctrl>Q") == [] and tags("<Name>x</Name>") == ["<name>", "</name>"]
    units = [unit("<Empty>", "<فارغ>", line=2), unit("<Empty> <b>list</b>", "<فارغ> قائمة", line=4)]
    findings = check_units(units, None)
    assert codes(findings) == [("TC306", 4)] and findings[0].extra["missing"] == ["<b>", "</b>"]


def test_metavariables_in_angle_brackets_that_the_target_translates_are_not_markup():
    """A VNC viewer's usage text (held out): -<param>=<value> translated -<معلمة>=<قيمة>. Without
    translated brackets in the target, or for a tag that is closed, markup still counts."""
    units = [unit("Turn on with -<param> or set -<param>=<value>", "شغّل بـ -<معلمة> أو اضبط -<معلمة>=<قيمة>", line=2),
             unit("Turn on with -<param>", "شغّل بـ -معلمة", line=4),
             unit("<b>Bold</b> -<param>", "عريض -<معلمة>", line=6)]
    findings = check_units(units, None, UnitCheckOptions(select=("TC306",)))
    assert codes(findings) == [("TC306", 4), ("TC306", 6)]
    assert findings[0].extra["missing"] == ["<param>"] and findings[1].extra["missing"] == ["<b>", "</b>"]


def test_inconsistent_translation_ignores_diacritics_and_reports_once():
    units = [
        unit("Done", "تم", line=3),
        unit("Done", "تمّ", line=8),
        unit("Save", "حفظ", line=10),
        unit("save", "احفظ", line=12),
        unit("Save", "حفظ", line=14, path="app/a.po"),  # the same gettext domain in another folder
    ]
    findings = check_units(units, None, UnitCheckOptions(select=("TC301",)))
    assert codes(findings) == [("TC301", 12)]  # at the rendering used once, the one to change
    f = findings[0]
    assert f.message == "'Save' is translated 2 ways in 3 units: 'حفظ' ×2 (line 10, app/a.po:14); 'احفظ' ×1 (line 12)"
    assert [(v["target"], v["count"]) for v in f.extra["variants"]] == [("حفظ", 2), ("احفظ", 1)]
    assert f.extra["variants"][0]["locations"][1] == {"path": "app/a.po", "line": 14, "unit": "Save"}


def test_in_and_the_question_particle_and_feminine_agreement_are_no_other_translation():
    # django-cms and Oscar: في القائمة / بالقائمة, ليس / ليست, فعال؟ / هل فعال؟ say the same
    units = [unit("In menu", "في القائمة", line=1), unit("In menu", "بالقائمة", line=2),
             unit("Not in menu", "ليس في القائمة", line=3), unit("Not in menu", "ليست بالقائمة", line=4),
             unit("Active?", "فعال؟", line=5), unit("Active?", "هل فعّال؟", line=6),
             unit("Move", "التحريك", line=7), unit("Move", "النقل", line=8),  # two words: still reported
             unit("Listed", "في القائمة", line=9), unit("Listed", "ليس في القائمة", line=10)]  # negation counts
    findings = check_units(units, None, UnitCheckOptions(select=("TC301",)))
    assert codes(findings) == [("TC301", 7), ("TC301", 10)]  # at the rendering with the rarer word: ليس


def test_an_inconsistency_points_at_a_copied_source_before_a_rendering():
    # django-cms: 'Slug' translated once and kept in English twice; the copy is what to change
    units = [unit("Slug", "الرابط المختصر", line=3), unit("Slug", "Slug", line=9), unit("Slug", "Slug", line=15)]
    findings = check_units(units, None, UnitCheckOptions(select=("TC301",)))
    assert codes(findings) == [("TC301", 9)] and findings[0].found == "Slug"


def test_context_and_plural_forms_are_separate_sources():
    units = [
        unit("Open", "افتح", line=1, context="verb"),
        unit("Open", "مفتوح", line=2, context="state"),
        unit("%d files", "%d ملفات", line=3, plural_index=3),
        unit("%d files", "%d ملفًا", line=4, plural_index=4),
    ]
    assert check_units(units, None, UnitCheckOptions(select=("TC301", "TC302"))) == []


def test_inconsistent_source():
    units = [unit("Next", "التالي", line=1), unit("Forward", "التالي", line=5)]
    findings = check_units(units, None, UnitCheckOptions(select=("TC30",)))
    assert codes(findings) == [("TC302", 1)]
    assert findings[0].severity.value == "info"


def test_renderings_counts_and_clitics():
    sources = ["the pandemic", "a pandemic now", "pandemics end", "the pandemic is over", "no term", "the epidemic"]
    targets = ["الجائحة", "وجائحة", "الجوائح", "الوباء", "جائحة", "الوباء"]
    index = RenderingIndex(sources, targets)
    assert index.units_with("pandemic") == {0, 1, 2, 3}
    result = index.renderings("pandemic")
    # جائحة in units 0 and 1 (ال and و stripped: جائحة is a word of the corpus); then الجوائح
    # and الوباء one unit each (their bare stems never occur, so the article stays).
    assert [(r.text, r.count) for r in result.renderings] == [("جائحة", 2), ("الجوائح", 1), ("الوباء", 1)]
    assert (result.units, result.uncovered, result.first_unit) == (4, 0, 0)


def test_term_renderings_finding():
    units = [unit("the pandemic", "الجائحة", line=1), unit("pandemic", "وباء", line=2),
             unit("pandemic!", "جائحة!", line=3)]
    findings = check_units(units, None, UnitCheckOptions(terms=("pandemic",), select=("TC307",)))
    # counted by key (the article aside), shown as first written in the file
    assert [f.message for f in findings] == ["pandemic: الجائحة ×2, وباء ×1 (in 3 units)"]
    assert findings[0].extra["renderings"][0] == {"text": "الجائحة", "key": "جائحة", "count": 2, "dice": 0.8}


def test_term_renderings_underline_the_word_as_written():
    # the rendering is written with a shadda and a proclitic in the file; the finding underlines
    # that spelling on the target line, not the whole segment, and quotes it as written
    text = ('msgid "Use the filter"\nmsgstr "استخدم المرشّح الآن"\n\n'
            'msgid "filter"\nmsgstr "المرشّح"\n\nmsgid "a filter"\nmsgstr "مرشّح"\n')
    units = [unit("Use the filter", "استخدم المرشّح الآن", line=2), unit("filter", "المرشّح", line=5),
             unit("a filter", "مرشّح", line=8)]
    findings = check_units(units, None, UnitCheckOptions(terms=("filter",), select=("TC307",)), {"a.po": text})
    f = findings[0]
    assert f.message == "filter: المرشّح ×3 (in 3 units)"
    assert (f.found, f.location.line, f.location.column, f.location.end_column) == ("المرشّح", 2, 16, 23)
    assert text[f.location.start:f.location.end] == "المرشّح"




def test_terms_inside_placeholders_paths_and_kept_values_are_not_terms():
    from termcheck.units import UnitCheckOptions, check_units
    from tests.helpers import concept, glossary
    from termcheck.match import Matcher
    from termcheck.formats.units import Unit

    matcher = Matcher(glossary(concept("site", en_p="site", ar_p="موقع"), concept("profile", en_p="profile", ar_p="الملف الشخصي")))
    units = [
        Unit("The %(site_name)s team", "فريق %(site_name)s", "a.po", 3),
        Unit("Example: /events/site/", "مثال: /events/site/", "a.po", 6),
        Unit("Scopes, e.g.: openid profile email", "النطاقات، مثال: openid profile email", "a.po", 9),
        Unit("Visit our site.", "زر صفحتنا.", "a.po", 12),
    ]
    findings = check_units(units, matcher, UnitCheckOptions(select=("TC2",)))
    assert [(f.rule, f.location.line, f.source_text) for f in findings] == [("TC201", 12, "site")]

"""What the cross-unit, empty and copy rules leave alone (TC301, TC302, TC303, TC304), and what they still report."""

from __future__ import annotations

from termcheck.formats.units import Unit
from termcheck.model import Location
from termcheck.units import UnitCheckOptions, check_units
from termcheck.units.consistency import comparable_words, same_text
from termcheck.units.text import is_message_key


def unit(source: str, target: str, line: int, path: str = "a.po", **fields) -> Unit:
    return Unit(source=source, target=target, path=path, line=line, source_line=line - 1, id=source, **fields)


def rules(findings) -> list[tuple[str, int]]:
    return [(f.rule, f.location.line) for f in findings]


def check(units, *codes, sources=None):
    return check_units(units, None, UnitCheckOptions(select=codes), sources)


# -- TC301: article, inflection, diacritics and hamza are not a different translation


def test_tc301_ignores_article_inflection_diacritics_and_hamza():
    pairs = [("user", "المستخدم", "مستخدم"), ("noon", "ظهراً", "الظهر"), ("Choose a Time", "إختر وقت", "اختر وقتاً"),
             ("Social Accounts", "حسابات التواصل الاجتماعي", "حسابات تواصل اجتماعي"), ("April", "إبريل", "أبريل"),
             ("Email address", "عنوان البريد الالكتروني", "عنوان بريد إلكتروني"), ("Done", "تم", "تمّ"),
             ("Save", "احفظ.", "احفظ"), ("Price", "السعر", "الأسعار")]  # a broken plural: inflection (Aimeos)
    units = [u for k, (source, a, b) in enumerate(pairs) for u in
             (unit(source, a, 10 * k + 1), unit(source, b, 10 * k + 2))]
    assert check(units, "TC301") == []


def test_tc301_takes_a_conjunction_written_apart_as_its_words_proclitic():
    """A held-out MATE catalogue: 'Reset and Clear' as أعد الضبط وامسح and 'Reset and C_lear' as أعد الضبط و
    ا_مسح; an Xfce one pads a help line and writes و الخروج. One translation each; another verb is not."""
    units = [unit("Reset and Clear", "أعد الضبط وامسح", 1), unit("Reset and C_lear", "أعد الضبط و ا_مسح", 2),
             unit("Reset and Clear", "أعد الضبط و احذف", 3, context="other"),
             unit("Reset and Clear", "أعد الضبط وامسح", 4, context="other")]
    assert rules(check(units, "TC301")) == [("TC301", 3)]


def test_tc301_takes_single_letter_symbols_in_another_case_as_other_symbols():
    """A held-out MATE applet: 'b' / 'B' and 'b/s' / 'B/s' are bits and bytes (بت, بايت). A word in
    another case is the same text ('Invoice' / 'invoice' as فاتورة and __invoice: a true TC301)."""
    units = [unit("b", "بت", 1), unit("B", "بايت", 2), unit("b/s", "بت/ث", 3), unit("B/s", "بايت/ث", 4),
             unit("Invoice", "فاتورة", 5), unit("invoice", "__invoice", 6)]
    assert rules(check(units, "TC301")) == [("TC301", 5)]


def test_tc306_leaves_emphasis_added_in_pairs_to_a_text_already_in_markup():
    """A held-out Xournal++ catalogue bolds لليسار where the English writes LEFT, in a label whose source
    holds <i>. The same bold in a source without tags, an unclosed one or a link is still reported."""
    units = [unit("Drag LEFT. <i>Useful.</i>", "اسحب <b>لليسار</b>. <i>مفيد.</i>", 1),
             unit("Drag LEFT.", "اسحب <b>لليسار</b>.", 2),
             unit("Drag LEFT. <i>Useful.</i>", "اسحب <b>لليسار. <i>مفيد.</i>", 3),
             unit("Drag <i>LEFT</i>", "اسحب <a href='x'>لليسار</a> <i>يسار</i>", 4)]
    assert rules(check(units, "TC306")) == [("TC306", 2), ("TC306", 3), ("TC306", 4)]


def test_tc301_takes_a_word_beside_its_other_number_as_the_word():
    """A held-out KoboToolbox catalogue: 'languages' as لغة/لغات (one or many) beside اللغات, 'Collections'
    as تجميعة/تجميعات beside التجميعات. Another word offered beside it is another translation."""
    units = [unit("languages", "لغة/لغات", 1), unit("Languages", "اللغات", 2), unit("Collections", "التجميعات", 3),
             unit("collections", "تجميعة/تجميعات", 4), unit("Remove", "احذف", 5), unit("Remove", "أزل/احذف", 6)]
    assert rules(check(units, "TC301")) == [("TC301", 6)]


def test_tc301_points_at_the_rendering_that_says_the_opposite():
    """A held-out e-learning catalogue: 'complete' as غير مكتمل (incomplete) beside مكتمل; the finding
    stood on the right one. It points at the rendering whose negation disagrees with its source."""
    assert rules(check([unit("Complete", "مكتمل", 1), unit("complete", "غير مكتمل", 2)], "TC301")) == [("TC301", 2)]
    assert rules(check([unit("Incomplete", "مكتمل", 1), unit("incomplete", "غير مكتمل", 2)], "TC301")) == [("TC301", 1)]


def test_tc301_does_not_join_sources_of_nothing_but_angle_bracketed_words():
    """KTurtle's '<variable>', '<number>' and '<comment>' are texts, not tags: not one group."""
    units = [unit("<variable>", "<متغير>", 1), unit("<number>", "<رقم>", 2), unit("<comment>", "<تعليق>", 3)]
    assert check(units, "TC301") == []


def test_tc301_still_reports_another_word():
    # Django's real conflicts: Remove أزِل / احذف, Filter مرشّح / تصفية, Password reset استعادة / إعادة ضبط
    units = [unit("Remove", "أزِل", 1, path="a.po"), unit("Remove", "احذف", 2, path="ajs.po"),  # django.po, djangojs.po
             unit("Filter", "مرشّح", 3), unit("Filter", "تصفية", 4),
             unit("Password reset", "استعادة كلمة المرور", 5), unit("Password reset", "إعادة ضبط كلمة المرور", 6),
             unit("Email address", "عنوان البريد الإلكتروني", 7), unit("Email address", "بريد إلكتروني", 8)]
    findings = check(units, "TC301")
    assert rules(findings) == [("TC301", 1), ("TC301", 3), ("TC301", 5), ("TC301", 7)]
    assert findings[0].message == "'Remove' is translated 2 ways in 2 units: 'أزِل' ×1 (line 1); 'احذف' ×1 (ajs.po:2)"


def test_same_text_needs_the_same_number_of_words():
    assert same_text(comparable_words("كلمة المرور"), comparable_words("كلمة مرورك"))
    assert not same_text(comparable_words("كلمة المرور"), comparable_words("كلمة السر"))
    assert not same_text(comparable_words("بحث"), comparable_words("حث"))  # stems under three letters do not count


# -- TC302: the sources of one shared target, and what it underlines


def test_tc302_ignores_sources_that_ask_for_the_same_thing():
    pairs = [("p.m.", "PM", "م"), ("jan", "January", "يناير"), ("M", "Mon", "إثنين"), ("{}th", "{}st", "{}"),
             ("Password Reset", "Reset My Password", "إعادة تعيين كلمة المرور"), ("Changing to", "Change to", "التغيير إلى"),
             ("Erase and Open", "Erase & Open", "امسح وافتح"), ("i'll send you an image", "i will send you an image", "سأرسل إليك صورة"),
             ("Security key removed.", "A security key has been removed.", "تم حذف مفتاح أمان.")]
    units = [u for k, (a, b, target) in enumerate(pairs) for u in (unit(a, target, 10 * k + 1), unit(b, target, 10 * k + 2))]
    assert check(units, "TC302") == []


def test_tc302_reports_a_real_mistranslation_and_underlines_a_word():
    # Django admin: "was changed successfully" translated as "was added" (نجحت إضافة)
    target = "نجحت إضافة {name} ‏”{obj}“."
    text = f'msgid "x"\nmsgstr "{target}"\n\nmsgid "y"\nmsgstr "{target}"\n'
    units = [unit("The {name} “{obj}” was added successfully.", target, 2),
             unit("The {name} “{obj}” was changed successfully.", target, 5)]
    findings = check(units, "TC302", sources={"a.po": text})
    assert rules(findings) == [("TC302", 2)]
    f = findings[0]
    assert (f.found, f.location.column, f.location.end_column) == ("نجحت", 9, 13)  # the first word, not the segment


# -- TC304: what a translator leaves as it is


def test_tc304_ignores_placeholders_codes_urls_and_kept_names():
    units = [unit("%(class_name)s %(instance)s", "%(class_name)s %(instance)s", 1),
             unit("%(truncated_text)s…", "%(truncated_text)s…", 2), unit("<br/>", "<br/>", 3),
             unit("https://www.mozilla.org/privacy", "https://www.mozilla.org/privacy", 4),
             unit("help@example.org", "help@example.org", 5), unit("UTF-8", "UTF-8", 6), unit("PDF", "PDF", 7),
             unit("Firefox", "Firefox", 8), unit("Firefox is private", "Firefox خاص", 9),
             unit("%-e %b", "%-e %b", 10)]  # GTK: nothing but conversions (a date without a year)
    assert check(units, "TC304") == []


def test_tc303_tc304_tc306_leave_dotted_keys_acronym_runs_uri_schemes_and_e_mail_addresses():
    """Held-out catalogues: Django's '%(form.email.errors)s' alone (a mapping key with dots), 'DNS SRV'
    left empty (acronyms), linphone's 'sip:' copied (a URI scheme) and its translator's credit with
    <tx99h4@hotmail.com> (an address, not a tag), Xfce Terminal's credits left empty ('Nick Schermer
    <nick@xfce.org>,'). 'Sip' as a word, a real <b> and prose before an address still count."""
    units = [unit("%(form.email.errors)s", "%(form.email.errors)s", 1), unit("DNS SRV", "", 2),
             unit("sip:", "sip:", 3), unit("translator-credits", "Ali <tx99h4@hotmail.com>", 4),
             unit("Sip", "Sip", 5), unit("<b>Bold</b>", "عريض", 6), unit("DNS records", "", 7),
             unit("Nick Schermer <nick@xfce.org>,", "", 8), unit("Report bugs to <bugs@example.org>.", "", 9)]
    assert rules(check(units, "TC303", "TC304", "TC306")) == [("TC304", 5), ("TC306", 6), ("TC303", 7), ("TC303", 9)]


def test_tc304_leaves_the_about_box_credits():
    """Held-out KDE catalogues (Ark, KMix, KSystemLog, KCalc): after a copyright notice the authors'
    names are kept in Latin script, and so are copied copyright lines; the same name-shaped copy in a
    file without a notice, and a copied word in the credits, are still reported."""
    credits = [unit("(c) 1997-2019, The Ark Developers", "الحقوق محفوظة 1997-2019(c)، مطورو أرك", 2),
               unit("Elvis Angelaccio", "Elvis Angelaccio", 4), unit("Maintainer", "المشرف", 6),
               unit("Raphael Kubo da Costa", "Raphael Kubo da Costa", 8), unit("bkisofs code", "bkisofs code", 10),
               unit("&copy; 2008-2013, Evan Teran\n&copy; 2000-2008, The KDE Team",
                    "&copy; 2008-2013, Evan Teran\n&copy; 2000-2008, The KDE Team", 12)]
    elsewhere = [unit("Login History", "Login History", 3, path="b.po")]
    assert rules(check(credits + elsewhere, "TC304")) == [("TC304", 10), ("TC304", 3)]


def test_tc304_credits_go_on_while_authors_names_do():
    # JuK's about box: 22 authors and their roles after the copyright line, 45 units; a copy past the
    # last name's few units is reported again
    credits = [unit("Copyright © 2002–2023, Scott Wheeler", "حقوق النشر © 2002–2023، سكوت ويلر", 1)]
    names = ("Eike Hein Martin Sandsmark Laurent Montel Nathan Toone Matthias Kretz Daniel Molkentin Tim Jansen "
             "Stefan Asserhall Stephen Douglas Frerich Raabe Zack Rusin Adam Treat Maks Orlovich Allan Jensen "
             "Georg Grabler Carl Schwan Kacper Kasper Michael Pyne Scott Wheeler Antonio Jimenez Pascal Klein "
             "Tasuku Suzuki").split()
    for k in range(22):
        name = f"{names[2 * k]} {names[2 * k + 1]}"
        credits += [unit(name, name, 2 + 4 * k),
                    unit(f"Porting work {k}", f"أعمال النقل {k}", 4 + 4 * k)]
    credits += [unit(f"Setting {k}", f"الإعداد {k}", 100 + k) for k in range(4)] + [unit("Brad Hards", "Brad Hards", 110)]
    assert rules(check(credits, "TC304")) == [("TC304", 110)]


def test_tc303_tc304_leave_do_not_translate_units_format_names_and_sizes():
    """Held-out MATE catalogues: an icon name whose comment says 'Do NOT translate or transliterate this
    text', 'Rar (.rar)' copied (a format named with its extension) and '%d x %d'. Search terms whose
    comment only asks to keep the semicolons are still to translate."""
    units = [unit("eom", "", 1, notes=["Translators: Do NOT translate or transliterate this text (this is an icon file name)!"]),
             unit("image;viewer;photos;", "", 2,
                  notes=["Translators: Search terms to find this application. Do NOT translate or localize the semicolons!"]),
             unit("Rar (.rar)", "Rar (.rar)", 3), unit("%d x %d", "%d x %d", 4), unit("Rar archive", "Rar archive", 5),
             unit("0 x 0", "0 x 0", 6)]  # Totem's dimensions
    assert rules(check(units, "TC303", "TC304")) == [("TC303", 2), ("TC304", 5)]


def test_tc303_leaves_entries_of_another_text_domain_and_a_plugins_author(tmp_path):
    """A held-out WordPress catalogue written by Codestyling Localization marks each entry with its
    text domain: '#@ default' entries are WordPress core's strings, looked up in core's catalogue, so
    the plugin's leaves them empty; so is the header field naming the plugin's author. The plugin's
    own empty entries are still untranslated."""
    from termcheck.formats import read_units

    po = tmp_path / "plugin-ar.po"
    po.write_text('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
                  '#@ plugin\nmsgid "Add a language"\nmsgstr "أضف لغة"\n\n'
                  '#@ plugin\nmsgid "Remove the language"\nmsgstr ""\n\n'
                  '#: admin.php:7\n#@ default\nmsgid "Uncategorized"\nmsgstr ""\n\n'
                  "#. translators: plugin header field 'Author'\n#@ plugin\nmsgid \"Jane Roe\"\nmsgstr \"\"\n\n"
                  '#@ plugin\nmsgid "Settings"\nmsgstr "الإعدادات"\n', encoding="utf-8")
    findings = check(read_units(str(po)), "TC303")
    assert [(f.rule, f.extra.get("unit") or f.message) for f in findings] == [
        ("TC303", "Remove the language")]


def test_tc303_reports_a_symfony_plural_message_with_too_few_arabic_forms():
    """A held-out Symfony validator catalogue: 'character or less.|characters or less.' translated in
    two forms; Symfony's Arabic rule picks one of six positions and throws for 3 or 11. Six forms,
    forms chosen by intervals and one form for every n are fine; a literal '||' separates no forms."""
    two, six = "{{ n }} character.|{{ n }} characters.", "|".join(["{{ n }} حرف"] * 6)
    units = [unit(two, "{{ n }} حرف.|{{ n }} أحرف.", 1, path="v.ar.xlf"), unit(two, six, 2, path="v.ar.xlf"),
             unit(two, "{0} لا شيء|]0,Inf[ {{ n }} أحرف", 3, path="v.ar.xlf"), unit(two, "{{ n }} حرف", 4, path="v.ar.xlf"),
             unit("a || b|c", "أ || ب|ج", 5, path="v.ar.xlf"), unit(two, "{{ n }} حرف.|{{ n }} أحرف.", 6, path="a.po")]
    found = check(units, "TC303")
    assert rules(found) == [("TC303", 1), ("TC303", 5)]
    assert found[0].message == ("untranslated: plural forms 2, 3, 4, 5 are missing for '{{ n }} character.|{{ n }} "
                                "characters.' (Symfony asks 6 forms for ar, joined by |)")


def test_tc304_leaves_a_variables_label_and_a_formula_but_not_a_unit_after_a_placeholder():
    # KmPlot: '&x:' and 'f(x,y)' stay what the program parses; PackageKit's '%u h' is hours, to translate
    units = [unit("&x:", "&x:", 1), unit("f(x,y)", "f(x,y)", 2), unit("f''(x) = -f", "f''(x) = -f", 3),
             unit("%u h", "%u h", 4), unit("g", "g", 5)]
    assert rules(check(units, "TC304")) == [("TC304", 4), ("TC304", 5)]


def test_tc304_leaves_a_link_around_an_address_and_a_name_with_its_nickname_in_the_credits():
    # KGet's about box: a mailto link and 'Mensur Zahirovic (Nookie)'
    units = [unit("(c) 2009 KGet developers", "(c) 2009 مطورو كجت", 1),
             unit("Mensur Zahirovic (Nookie)", "Mensur Zahirovic (Nookie)", 2),
             unit('<a href="mailto:kget@kde.org">kget@kde.org</a>', '<a href="mailto:kget@kde.org">kget@kde.org</a>', 3),
             unit("Save the file", "Save the file", 4)]
    assert rules(check(units, "TC304")) == [("TC304", 4)]


def test_tc304_leaves_a_unit_its_comment_calls_a_keys_label():
    # Onboard: 'very short label of the PRINT key' over 'Prnt', kept in Latin like the other keys
    units = [unit("Prnt", "Prnt", 1, notes=("translators: very short label of the PRINT key",)),
             unit("Scroll", "Scroll", 2, notes=("translators: very short label of the SCROLL LOCK key",)),
             unit("Scroll", "Scroll", 3, notes=("translators: the page scrolls",))]
    assert rules(check(units, "TC304")) == [("TC304", 3)]


def test_tc303_tc304_leave_a_command_synopsis_a_spelt_out_shortcut_and_a_format_code():
    """Held-out Xfce, MATE, GNOME and KDE catalogues keep these as they are: a synopsis of options and
    value names, Control-H, Blu-ray-R, a label's UTF-16:, GHex's _ASCII: and a CSS font stack. An option with words to translate, a word
    with a hyphen (Sign-In) and 'Control' alone are still to translate."""
    kept = ["exo-open --launch TYPE [PARAMETERs...]", "%s [options] --build-list [[name file]...]", "Control-H",
            "Blu-ray-R", "DVD+RW", "UTF-16:", "_ASCII:", "MS Serif, New York, serif"]
    units = [unit(text, text, n) for n, text in enumerate(kept, 1)] + [unit(kept[0], "", 7), unit("_ASCII:", "", 8)]
    translate = ["--tab opens a new tab", "Sign-In", "Control", "_Ascii:", "Serif, sans-serif or monospace"]
    units += [unit("URL:", "", 20)]
    units += [unit(text, text, n) for n, text in enumerate(translate, 10)]
    assert rules(check(units, "TC303", "TC304")) == [("TC304", 10), ("TC304", 11), ("TC304", 12), ("TC304", 13),
                                                      ("TC304", 14), ("TC303", 20)]


def test_tc303_english_words_in_capitals_are_words_not_acronyms():
    """A held-out U-Report catalogue leaves 'JOIN NOW' and 'THIS YEAR' (buttons in capitals) empty, a
    reviewer's listed misses; a run of acronyms (DNS SRV) and one acronym stay same in any language."""
    units = [unit("JOIN NOW", "", 1), unit("THIS YEAR", "", 2), unit("DNS SRV", "", 3), unit("PDF", "", 4)]
    assert rules(check(units, "TC303")) == [("TC303", 1), ("TC303", 2)]


def test_tc304_leaves_a_copied_acronym_of_two_capitals_but_not_ok():
    """Held-out MATE, GNOME and Django catalogues copy 'ID', 'MB', 'GA' on purpose; left empty, such an
    acronym is to translate (TC303), and a copied 'OK' is an untranslated button."""
    units = [unit("ID", "ID", 1), unit("MB", "MB", 2), unit("GA", "GA", 3), unit("OK", "OK", 4), unit("ID", "", 5)]
    assert rules(check(units, "TC303", "TC304")) == [("TC304", 4), ("TC303", 5)]


def test_tc304_still_reports_a_copied_word():
    units = [unit("salt", "salt", 1), unit("hash", "hash", 2), unit("OK", "OK", 3), unit("Firefox", "Firefox", 4)]
    assert rules(check(units, "TC304")) == [("TC304", 1), ("TC304", 2), ("TC304", 3), ("TC304", 4)]


def test_tc304_leaves_a_technical_name_kept_in_latin_in_another_case_but_not_an_english_word():
    # libgtop: 'Pid' copied beside معرف PID; Django Oscar: 'Range' copied beside a code name Range
    units = [unit("Pid", "Pid", 1), unit("Process PID", "معرف PID للعملية", 2), unit("Range", "Range", 3),
             unit("RANGE offer", "عرض RANGE", 4), unit("Tcp", "Tcp", 5)]
    assert rules(check(units, "TC304")) == [("TC304", 3), ("TC304", 5)]  # Tcp is common English text: wordfreq


def test_tc304_leaves_one_word_that_is_no_english_word_but_reports_todays_words_and_compounds():
    # held-out catalogues: kget's Sqlite, gnome-system-monitor's Inode, lxpanel's Econet, a wallet list's
    # Zebedee kept as written, and a folder name with its placeholder (Xournal++); Login, Widget (not in the
    # 1913 dictionary) and Bankcards (Bank|cards) to translate
    kept = [unit(w, w, n) for n, w in enumerate(["Sqlite", "Inode", "Econet", "Zebedee", "jsonld", "xournalpp-{1}"], 1)]
    translate = [unit(w, w, n) for n, w in enumerate(["Login", "Widget", "Bankcards", "Richtext", "Sqlite database",
                                                      "Unfollow"], 10)]
    assert rules(check(kept + translate, "TC304")) == [("TC304", 10), ("TC304", 11), ("TC304", 12), ("TC304", 13),
                                                       ("TC304", 14), ("TC304", 15)]
    # an empty target for one is still to translate (ibus's script names: Carian, Brahmi)
    assert rules(check([unit("Sqlite", "", 1), unit("Carian", "", 2)], "TC303")) == [("TC303", 1), ("TC303", 2)]


def test_tc304_leaves_a_copied_quantity_format_of_placeholders_and_unit_symbols():
    """Held-out GNOME power manager, Linphone and Okular catalogues keep '%ih%02i', '%iW', '%ix%i @ %f
    fps' and 'V%1' as they are. A word beside the placeholders, a letter standing apart as a word
    (PackageKit's '%u h', hours) or an acronym of two capitals (OK) is still to translate."""
    kept = ["%ih%02i", "%2im", "%iW", "%ix%i @ %f fps", "V%1", "TGMPA v%s", "%d MB"]
    units = [unit(text, text, n) for n, text in enumerate(kept, 1)] + [unit("%iW", "", 8)]  # empty: untranslated
    translate = ["%u hours", "%1$s at %2$s", "OK %s", "[IP: %s %s]", "%u h"]
    units += [unit(text, text, n) for n, text in enumerate(translate, 10)]
    assert rules(check(units, "TC303", "TC304")) == [("TC303", 8)] + [("TC304", n) for n in range(10, 15)]


def test_tc304_leaves_a_name_of_words_no_dictionary_has_and_the_catalogue_never_writes_in_lower_case():
    """Held-out KDE catalogues keep their authors' names outside the about box's credits ('Tim
    Jansen', 'Arend van Beelen jr.'). A dictionary word ('Login History', 'Blue Wallet') or one the
    catalogue writes in lower case elsewhere ('Sqlite Backend' beside 'Choose a backend') makes a
    phrase to translate."""
    names = ["Tim Jansen", "Arend van Beelen jr.", "Tasuku Suzuki", "Miha Čančula"]
    units = [unit(text, text, n) for n, text in enumerate(names, 1)]
    phrases = ["Login History", "Blue Wallet", "Sqlite Backend"]
    units += [unit(text, text, n) for n, text in enumerate(phrases, 10)] + [unit("Choose a backend", "اختر واجهة خلفية", 20)]
    assert rules(check(units, "TC304")) == [("TC304", 10), ("TC304", 11), ("TC304", 12)]


def test_tc304_a_maker_whose_models_the_catalogue_keeps_keeps_its_other_models():
    # xkeyboard-config's Arabic catalogue: 'Logitech Internet 350' (a code) kept, so 'Logitech Access' is too
    units = [unit("Logitech Internet 350", "Logitech Internet 350", 1), unit("Logitech Access", "Logitech Access", 2),
             unit("Logitech", "Logitech", 3), unit("Supplier SKU", "Supplier SKU", 4), unit("Supplier", "Supplier", 5),
             unit("Compaq Access", "Compaq Access", 6)]
    assert rules(check(units, "TC304")) == [("TC304", 5), ("TC304", 6)]  # Supplier is an English word, not a maker


def test_tc301_takes_tamma_and_a_verbal_noun_as_the_passive_of_its_verb():
    """A held-out Paperless catalogue: 'created' as أُنشئ and as تمّ إنشاؤه, 'added' as أضيف and تمّت
    إضافته. Another verb after تم is another translation (تم حذفه / أُنشئ)."""
    units = [unit("created", "أُنشئ", 1), unit("Created", "تمّ إنشاؤه", 2), unit("added", "أضيف", 3),
             unit("Added", "تمّت إضافته", 4), unit("removed", "أُزيل", 5), unit("Removed", "تم حذفه", 6)]
    assert rules(check(units, "TC301")) == [("TC301", 5)]


# -- TC303: an empty target where the source asks for nothing (gettext shows the source)


def test_tc303_ignores_a_source_with_nothing_to_translate():
    units = [unit("%s %s", "", 1), unit("{n}", "", 2), unit("%(filename)s &#8212; %(docstitle)s", "", 3),
             unit("http://example.com/dataset.json", "", 4), unit("joe@example.com", "", 5), unit("1.0", "", 6),
             unit("RSS", "", 7), unit("HH:MM", "", 8), unit("YYYY-MM-DD", "", 9), unit("dd.MM.yyyy", "", 10),
             unit("@yourcompany", "", 11), unit("smtp.mailserver.org", "", 12), unit("#N", "", 13),
             unit("${key.replace('_', ' ')}", "", 14)]
    assert check(units, "TC303") == []
    # a call of a program's function with nothing around it (a held-out PulseAudio catalogue)
    assert check([unit("fork(): %s", "", 11), unit("socket(PF_UNIX, SOCK_STREAM, 0): %s", "", 12)], "TC303") == []
    assert rules(check([unit("File(s)", "", 1), unit("Failed to call fork(): %s", "", 2)], "TC303")) == [
        ("TC303", 1), ("TC303", 2)]
    # a field name alone, or letters that only look like fields, are words (a held-out OpenWebif catalogue)
    assert rules(check([unit("MM", "", 1), unit("MS-DOS", "", 2), unit("D M", "", 3), unit("e.g.", "", 4),
                        unit("<b>General</b>", "", 5), unit("Date/Time", "", 6)], "TC303")) == [
        ("TC303", 1), ("TC303", 2), ("TC303", 3), ("TC303", 4), ("TC303", 5), ("TC303", 6)]  # an abbreviation is translated, and a
    # heading in bold (xfce4-panel's five empty <b>…</b> were read as paths for their closing tags' slash)
    assert check([unit("e<sup>x</sup>", "", 6), unit("<span>&amp;nbsp;</span>", "", 7)], "TC303") == []


def test_tc303_an_english_word_kept_in_latin_only_inside_a_phrase_is_still_to_translate():
    # PyChess: an empty '_General' beside a target keeping 'GNU General Public License' in Latin; Spotty's
    # empty 'Spotty' beside اشترك في Spotty is the app's name
    units = [unit("_General", "", 1), unit("the GNU General Public License", "رخصة GNU General Public License", 2),
             unit("Spotty", "", 3), unit("Subscribe to Spotty", "اشترك في Spotty", 4)]
    assert rules(check(units, "TC303")) == [("TC303", 1)]


def test_tc303_still_reports_words_left_untranslated():
    units = [unit("%s files", "", 1), unit("Open Knowledge Foundation", "", 2), unit("OK", "", 3),
             unit("&#169; %(year)s Example Ltd", "", 4)]
    assert rules(check(units, "TC303")) == [("TC303", 1), ("TC303", 2), ("TC303", 3), ("TC303", 4)]


def test_tc303_ignores_a_name_the_translators_write_in_latin_elsewhere():
    """'Wajba' is empty where اشترك في Wajba Plus keeps the name in Latin: gettext's fallback writes it
    as the translators do. A name no target keeps in Latin, and a word kept in Latin only in a
    copied target, are still untranslated."""
    units = [unit("Wajba", "", 1), unit("Join Wajba Plus", "اشترك في Wajba Plus", 2), unit("Mastercard", "", 3),
             unit("Inbox", "", 4), unit("Inbox folder", "Inbox folder", 5), unit("Wajba {version}", "", 6),
             unit("Wajba Inbox", "", 7)]
    assert rules(check(units, "TC303")) == [("TC303", 3), ("TC303", 4), ("TC303", 7)]


def test_tc304_and_tc303_leave_key_labels_alone():
    """A VNC viewer's catalogue keeps its key labels in Latin (Ctrl, ⌘ Cmd, &Alt), Weblate's its
    shortcuts (Ctrl+%s); a copied word that is no key cap, or a key word in a sentence, is still
    something to translate."""
    keys = ["Ctrl", "Shift", "Alt", "Win", "\u2303 Ctrl", "\u21e7 Shift", "\u2325 Option", "\u2318 Cmd", "&Ctrl", "&Alt"]
    units = [unit(k, k, n) for n, k in enumerate(keys, 1)]
    units += [unit("Option", "Option", 20), unit("Press Shift to select", "Press Shift to select", 21), unit("Esc", "", 22),
              unit("Ctrl+%s", "Ctrl+%s", 23), unit("Cmd+Shift+K", "Cmd+Shift+K", 24), unit("Alt+F4", "", 25),
              unit("Press Ctrl+S to save", "Press Ctrl+S to save", 26)]
    assert rules(check(units, "TC303", "TC304")) == [("TC304", 20), ("TC304", 21), ("TC304", 26)]


# -- the same finding once


def test_identical_findings_are_reported_once():
    units = [unit("Save", "Save", 1), unit("Save", "Save", 1)]  # one file named twice
    findings = check(units, "TC304")
    assert len(findings) == 1 and findings[0].location == Location("a.po", 0, 0, 1, 1, 1, 1)


def test_tc304_ignores_identifiers_and_product_names_but_not_prose():
    """Key labels, settings and keyboard models are kept in Latin (GTK's and xkeyboard-config's
    Arabic catalogues copy them); capitalized prose and a model name with a word of prose are not."""
    kept = ["Scroll_Lock", "KP_Home", "BackSpace", "Alt+Shift", "default:mm", "IBM ThinkPad R60/T60",
            "Cherry CyBo@rd USB-Hub", "Game Boy Advance ROM", "Acer Ferrari 4000", "A4×7", "Sans 12",
            "© %(year)s Nuzul Travel Ltd.", "Sabbora Labs Inc."]
    reported = ["Email Address", "Save And Continue", "Compaq Presario laptop", "processing / pending: %d / %d"]
    units = [unit(text, text, line) for line, text in enumerate(kept + reported, 1)]
    assert [f.found for f in check(units, "TC304")] == reported


def test_tc304_leaves_a_msgctxt_whose_translator_keeps_its_units_as_they_are():
    """GTK keeps paper-size names in Latin: five of eight units of that context copied is its
    convention. The same copies without a context, or two of eight, are still reported."""
    paper = [unit(name, name, k, context="paper size") for k, name in enumerate(
        ["Folio", "Quarto", "Executive", "Ledger", "Tabloid"], 1)]
    paper += [unit(name, arabic, k, context="paper size") for k, (name, arabic) in enumerate(
        [("A4", "A4"), ("Letter", "رسالة"), ("Legal", "قانوني"), ("Envelope", "مظروف")], 6)]
    labels = [unit("Escape", "Escape", 20, context="keyboard label"), unit("Pause", "Pause", 21, context="keyboard label")]
    labels += [unit(f"Key {k}", f"المفتاح {k}", 22 + k, context="keyboard label") for k in range(6)]
    plain = [unit("Folio", "Folio", 40), unit("Ledger", "Ledger", 41)]
    assert rules(check(paper + labels + plain, "TC304")) == [("TC304", 20), ("TC304", 21), ("TC304", 40), ("TC304", 41)]


def test_tc301_compares_within_a_program_not_across_programs():
    """gettext domains: djangojs is django's own JavaScript (compared), while gtk30 and glib20 in
    one LC_MESSAGES folder are programs apart. GTK's mnemonic mark, a command line's value name in
    capitals and the article on a two-letter word are no other translation."""
    units = [unit("Remove", "أزِل", 1, path="ar/django.po"), unit("Remove", "احذف", 2, path="ar/djangojs.po"),
             unit("Error", "عُطل", 3, path="ar/gtk30.mo"), unit("Error", "خطأ", 4, path="ar/glib20.mo"),
             unit("Name", "الاسم", 5, path="ar/gtk30.mo"), unit("_Name", "الا_سم", 6, path="ar/gtk30-properties.mo"),
             unit("FLAGS", "شارات", 7, path="ar/gtk30.mo"), unit("Flags", "أعلام", 8, path="ar/gtk30.mo"),
             unit("Text Column", "عمود نص", 9, path="ar/gtk30.mo"), unit("Text column", "عمود النص", 10, path="ar/gtk30.mo"),
             unit("_Search", "_بحث", 11, path="ar/gtk30.mo"), unit("Search", "ابحث", 12, path="ar/gtk30-properties.mo")]
    assert rules(check(units, "TC301")) == [("TC301", 1), ("TC301", 11)]


def test_tc301_between_renderings_used_as_often_points_at_the_one_with_the_rarer_word():
    # a real catalogue: 'Log In' as تسجيل الدخول and سجيل الدخول (a typo); the run writes تسجيل elsewhere
    units = [unit("Log In", "تسجيل الدخول", 1), unit("Log In", "سجيل الدخول", 2),
             unit("Sign up", "تسجيل حساب", 3), unit("Logout", "تسجيل الخروج", 4)]
    assert rules(check(units, "TC301")) == [("TC301", 2)]


def test_tc301_with_a_glossary_points_at_the_rendering_without_the_house_form():
    # a held-out Symfony catalogue: 'Edit Question' as تعديل السؤال (the house تعديل) and تحرير سؤال
    # (the allowed تحرير), each once; the run writes تحرير more often, yet the house form stays
    from termcheck.match import Matcher
    from termcheck.units import check_units
    from tests.helpers import concept, glossary

    matcher = Matcher(glossary(concept("edit", en_p="edit", ar_p="تعديل", ar_a="تحرير"),
                               concept("password", en_p="password", ar_p="كلمة المرور")))
    units = [unit("Edit Question", "تعديل السؤال", 1), unit("Edit Question", "تحرير سؤال", 2),
             unit("Edit Password", "تعديل كلمة المرور", 3), unit("Edit Password", "تحرير كلمة المرور", 4),
             unit("Editor", "محرر", 5), unit("Edited", "حُرر", 6)]
    found = check_units(units, matcher, UnitCheckOptions(select=("TC301",)))
    assert [(f.rule, f.location.line) for f in found] == [("TC301", 2), ("TC301", 4)]


def test_tc302_shows_every_source_spelling_it_took_as_one():
    # a real catalogue: 'Date Of Birth' and 'Birth Date' (word order) share one group of sources
    units = [unit("Date Of Birth", "تاريخ الميلاد", 1), unit("Birth Date", "تاريخ الميلاد", 2),
             unit("Date of birth", "تاريخ الميلاد", 3), unit("Expiry Date", "تاريخ الميلاد", 4)]
    [f] = check(units, "TC302")
    assert f.message.startswith("'تاريخ الميلاد' translates 2 different sources in 4 units: "
                                "'Date Of Birth' / 'Birth Date' ×3 (line 1, line 2, line 3); 'Expiry Date' ×1")


def test_a_keyboard_mnemonic_does_not_hide_a_glossary_term():
    """A held-out GTK catalogue: Pass_word: as كلمة ال_سر: (the forbidden كلمة السر), _Pause as ألب_ث.
    An identifier's underscore (site_name, %(user_name)s) and R&D are no mnemonic."""
    from termcheck.units.text import prose, without_mnemonic

    assert without_mnemonic("Pass_word:") == "Pass\u200bword:" and without_mnemonic("كلمة ال_سر") == "كلمة ال\u200bسر"
    assert without_mnemonic("_Pause") == "\u200bPause" and without_mnemonic("Save &As") == "Save \u200bAs"
    assert [without_mnemonic(t) for t in ("site_name", "%(user_name)s saved", "R&D", "a_b_c", "max_size")] == [
        "site_name", "%(user_name)s saved", "R&D", "a_b_c", "max_size"]
    # a lower-case label's mark inside a word that is English without it (held-out Xfce labels)
    assert without_mnemonic("Sort ca_tegories") == "Sort ca\u200btegories" and without_mnemonic("Show as t_ree") == \
        "Show as t\u200bree"
    assert len(prose("كلمة ال_سر:")) == len("كلمة ال_سر:")  # offsets stay the text's own
    from termcheck.match import Matcher
    from termcheck.units import check_units
    from tests.helpers import concept, glossary

    matcher = Matcher(glossary(concept("password", en_p="password", ar_p="كلمة المرور", ar_f="كلمة السر")))
    findings = check_units([unit("Pass_word:", "كلمة ال_سر:", 3)], matcher, UnitCheckOptions(select=("TC101",)))
    assert [(f.rule, f.found) for f in findings] == [("TC101", "كلمة ال_سر")]


def test_a_mnemonic_behind_an_arabic_word_or_inside_a_label_is_a_mnemonic():
    """Held-out Xfce catalogues: 'Zoom _Out' as صغّر_ (the allowed صغّر, its mark slipped behind it:
    no TC201), and St_atusbar, a label with its mnemonic, is no message key (its شريط is no
    forbidden form for 'tab', which it does not name). A key's underscore stays a key's."""
    from termcheck.match import Matcher
    from termcheck.units import check_units
    from tests.helpers import concept, glossary

    assert not is_message_key("St_atusbar") and is_message_key("label_sector") and is_message_key("{errors:descr_CONFIG}")
    matcher = Matcher(glossary(concept("zoom", en_p="zoom", ar_p="تكبير", ar_a="صغّر"),
                               concept("tab", en_p="tab", ar_p="علامة التبويب", ar_f="شريط")))
    units = [unit("Zoom _Out", "صغّر_", 1), unit("St_atusbar", "شريط الح_الة", 2), unit("New _Tab", "شريط _جديد", 3),
             unit("Zoom", "عرض_", 4)]
    findings = check_units(units, matcher, UnitCheckOptions(select=("TC101", "TC201")))
    assert [(f.rule, f.location.line) for f in findings] == [("TC101", 3), ("TC201", 4)]


def test_tc304_sees_a_copy_through_the_direction_marks_put_in_it():
    """A held-out WordPress theme: 'Installing and Activating Plugin %1$s…' left in English with a
    right-to-left mark after the placeholder escaped TC304."""
    units = [unit("Installing Plugin %1$s now", "Installing Plugin %1$s\u200f now", 1), unit("Save", "\u200fSave", 2),
             unit("Save", "\u200fاحفظ", 3)]
    assert rules(check(units, "TC304")) == [("TC304", 1), ("TC304", 2)]


def test_tc304_leaves_a_short_name_with_its_trademark_sign():
    """A held-out thunar-volman: 'Palm™' copied is the registered name; a sentence is still prose."""
    units = [unit("Palm™", "Palm™", 1), unit("Pocket PC®", "Pocket PC®", 2),
             unit("Connect your Palm™ device to the computer", "Connect your Palm™ device to the computer", 3)]
    assert rules(check(units, "TC304")) == [("TC304", 3)]


def test_tc303_tc304_leave_a_file_name_ending_as_a_filter_writes_it():
    """A held-out Xfce image viewer: '.jp(e)g' copied is right; a dotted word is still a word."""
    units = [unit(".jp(e)g", ".jp(e)g", 1), unit("*.tar.gz", "*.tar.gz", 2), unit(".Hidden", ".Hidden", 3),
             unit(".png", "", 4)]
    assert rules(check(units, "TC303", "TC304")) == [("TC304", 3)]


def test_tc303_tc304_leave_a_source_already_written_in_another_script():
    """An iOS export whose storyboard holds Arabic text (a verse, a pledge) as its 'English': the
    identical target is right; a clinic's Django msgids written in Arabic with empty msgstr (a
    held-out catalogue: 30 false TC303): gettext shows the Arabic. English is still reported."""
    units = [unit("بسم الله الرحمن الرحيم", "بسم الله الرحمن الرحيم", 1), unit("Done", "Done", 2),
             unit("توصيف الحالة", "", 3), unit("Done %s", "", 4)]
    assert rules(check(units, "TC303", "TC304")) == [("TC304", 2), ("TC303", 4)]


def test_interface_builders_default_texts_are_left_alone():
    """An iOS export's storyboard labels left at 'Label' or 'Title' for the code to fill: nothing to
    translate. The same word without Interface Builder's note, or another text with it, is checked."""
    note = ['Class = "UILabel"; text = "Label"; ObjectID = "OfY-0g-YBp";']
    units = [unit("Label", "", 1, notes=note), unit("Title", "Title", 2, notes=note), unit("Label", "", 3),
             unit("Skip", "", 4, notes=note)]
    assert rules(check(units, "TC303", "TC304")) == [("TC303", 3), ("TC303", 4)]


def test_an_xcode_build_setting_is_a_placeholder():
    """$(PRODUCT_NAME) in an Info.plist string is filled in when the app is built: an empty target for
    it alone has nothing to translate, and a translation must keep it."""
    units = [unit("$(PRODUCT_NAME)", "", 1), unit("$(PRODUCT_NAME) needs the camera", "التطبيق يحتاج إلى الكاميرا", 2),
             unit("$(PRODUCT_NAME) needs the camera", "$(PRODUCT_NAME) يحتاج إلى الكاميرا", 3)]
    assert rules(check(units, "TC303", "TC305")) == [("TC305", 2)]


def test_a_calculators_short_labels_kept_by_convention_and_kde_shortcuts_are_left_alone():
    """KDE's calculator keeps its function keys in Latin (Asin, Cosh, MR, x!: 5 of 6 short labels
    kept) and marks shortcuts in an extracted comment; a one-letter key is the same in any language.
    A web catalogue that copies one short label among translated ones still hears about it."""
    calc = [unit(k, k, n) for n, k in enumerate(["Asin", "Cosh", "MR", "x!", "Mod"], 1)] + [unit("Sine", "جيب", 6)]
    calc += [unit("Backspace", "Backspace", 7, notes=["i18n: ectx: property (shortcut), widget (KCalcButton, pbBack)"]),
             unit("H", "H", 8), unit("KCalc", "KCalc", 9)]
    assert rules(check(calc, "TC303", "TC304")) == []
    web = [unit("Save", "حفظ", 1, path="w.po"), unit("Edit", "تعديل", 2, path="w.po"), unit("Close", "إغلاق", 3, path="w.po"),
           unit("Next", "التالي", 4, path="w.po"), unit("Back", "رجوع", 5, path="w.po"), unit("Help", "Help", 6, path="w.po")]
    assert rules(check(web, "TC304")) == [("TC304", 6)]


def test_tc301_reads_text_wrapped_otherwise_and_a_kde_accelerator_as_the_same():
    units = [unit("Show all", "اعرض\nالكل", 1), unit("Show all", "اعرض الكل", 2), unit("&Font", "خ&ط", 3),
             unit("&Font", "خط", 4)]
    assert rules(check(units, "TC301")) == []


def test_a_forbidden_form_after_lam_is_replaced_by_the_house_form_as_it_is_written():
    """KDE's للولوج: the forbidden الولوج after ل. The house form تسجيل الدخول has no article to elide:
    write it whole (a held-out run printed 'سجيل الدخول'); an article house form loses its alef."""
    from termcheck.match import Matcher
    from termcheck.units import check_units
    from tests.helpers import concept, glossary

    matcher = Matcher(glossary(concept("login", en_p="login", ar_p="تسجيل الدخول", ar_f="الولوج"),
                               concept("factions", en_p="factions", ar_p="الفصائل", ar_f="الميليشيات")))
    findings = check_units([unit("Your name for login", "اسمك للولوج", 1), unit("Factions' arms", "أسلحة للميليشيات", 2)],
                           matcher, UnitCheckOptions(select=("TC101",)))
    assert [(f.found, f.expected) for f in findings] == [("لولوج", "تسجيل الدخول"), ("لميليشيات", "لفصائل")]


def test_a_message_key_has_nothing_to_compare_and_symfonys_new_message_prefix_is_a_copy():
    """A held-out Symfony catalogue keyed by message ids (label.password, GDPR_protocol_text_1): its
    %activity% parameters and a legal text's '10 years' are no differences from the key. Its
    translation:extract writes a new message as '__' + the source: untranslated, a copy. Latin words
    of such English targets excuse no other copy."""
    units = [unit("timesheet.activity_project", "%activity% في %project%", 1), unit("GDPR_protocol_text_1", "تحفظ لمدة 10 سنوات", 2),
             unit("Invoice No.", "__Invoice No.", 3), unit("Temporary Invoice No.", "Temporary Invoice No.", 4)]
    assert rules(check(units, "TC204", "TC304", "TC305")) == [("TC304", 3), ("TC304", 4)]
    assert is_message_key("label.password") and not is_message_key("Save the file.") and not is_message_key("e-mail")
    # a camelCase key (Roadiz): its target's forbidden forms count, whatever the key names
    assert is_message_key("themeClass") and is_message_key("backendTheme") and not is_message_key("iPhone")
    from termcheck.match import Matcher
    from termcheck.units import check_units
    from tests.helpers import concept, glossary

    matcher = Matcher(glossary(concept("theme", en_p="theme", ar_p="سمة", ar_f="موضوع")))
    found = check_units([unit("themeClass", "موضوع الفئة", 5)], matcher, UnitCheckOptions(select=("TC101",)))
    assert [(f.rule, f.found) for f in found] == [("TC101", "موضوع")]


def test_lower_case_tokens_are_message_keys_where_they_are_most_of_a_files_sources():
    """A held-out phpPgAdmin catalogue: 476 of its 512 msgids are keys (strconfdroptable) whose
    English has the %s the target keeps; they have nothing to compare, and every forbidden form
    counts. In a file of English sources, such a token is a word of the UI and is compared."""
    keyed = [unit(f"strkey{chr(97 + k // 26)}{chr(97 + k % 26)}", f"نص {k}", 10 + k) for k in range(20)]
    keyed += [unit("strconfdroptable", 'هل تريد حذف الجدول "%s"؟', 1), unit("strchangepassword", "تغيير كلمة السر", 2),
              unit("Welcome to phpPgAdmin.", "مرحبا %s", 3)]
    from termcheck.match import Matcher
    from termcheck.units import check_units
    from tests.helpers import concept, glossary

    matcher = Matcher(glossary(concept("password", en_p="password", ar_p="كلمة المرور", ar_f="كلمة السر")))
    found = check_units(keyed, matcher, UnitCheckOptions(select=("TC101", "TC305")))
    assert [(f.rule, f.location.line) for f in found] == [("TC101", 2), ("TC305", 3)]
    alone = [unit("strconfdroptable", 'هل تريد حذف الجدول "%s"؟', 1), unit("Save", "احفظ", 2)]
    assert rules(check(alone, "TC305")) == [("TC305", 1)]


def test_a_file_whose_sources_are_short_codes_or_template_keys_has_nothing_to_compare_them_with():
    """A held-out TraduXio catalogue: 298 of its 639 msgids are ISO 639 codes ('enm' for 'Middle English
    (1100-1500)'); its dates are no numbers missing from the code. A held-out SimpleSAMLphp catalogue keys
    223 msgids as {errors:title_NOCERT}: no placeholder to keep, and its English source sharing the
    target is no TC302. A file of English sources compares a code-like word as a source."""
    codes = [unit(f"x{chr(97 + k // 26)}{chr(97 + k % 26)}", f"لغة {k}", 10 + k) for k in range(20)]
    codes += [unit("enm", "Middle English (1100-1500)", 1), unit("Save", "احفظ", 2), unit("Open", "افتح", 3)]
    assert check(codes, "TC204") == []
    assert rules(check([unit("enm", "Middle English (1100-1500)", 1), unit("Save", "احفظ", 2)], "TC204")) == [
        ("TC204", 1), ("TC204", 1)]
    keyed = [unit("{status:attributes_header}", "السمات", 1), unit("Your attributes", "السمات", 2),
             unit("{errors:descr_CONFIG}", "يبدو أن إعداد SimpleSAMLphp غير صحيح", 3),
             unit("{admin:metadata_saml20-idp}", "البيانات الوصفية لـ SAML 2.0 IdP", 4),
             unit("Country", "البلد", 5), unit("City", "البلد", 6)]
    assert rules(check(keyed, "TC204", "TC302", "TC305", "TC306")) == [("TC302", 5)]


def test_tc305_takes_numbered_printf_arguments_as_the_same_arguments():
    """A held-out WordPress catalogue writes %1$s for the source's %s (msgfmt -c accepts it); the
    arguments swapped by number are fine, swapped without numbers or renumbered they are not."""
    units = [unit("Plugin: %s", "الإضافة: %1$s", 1), unit("%s of %d", "%2$d من %1$s", 2),
             unit("%s of %d", "%d من %s", 3), unit("Plugin: %s", "الإضافة: %2$s", 4)]
    assert rules(check(units, "TC305")) == [("TC305", 4)]


def test_tc305_reads_an_icu_case_text_as_text_and_its_placeholders_as_placeholders():
    """A held-out Angular XLIFF: {VAR_SELECT, select, Language {Language} ...} translated as
    Language {لغة} was three false TC305 ('missing {Language}'). A {n} inside a case text is a
    placeholder still."""
    units = [unit("{VAR_SELECT, select, Language {Language} Resource Type {Resource Type} Subject {Subject}}",
                  "{VAR_SELECT, select, Language {لغة} Resource Type {نوع المصادر} Subject {الموضوع}}", 1),
             unit("{n, plural, one {# file} other {{n} files}}", "{n, plural, one {ملف واحد} other {{n} ملفات}}", 2),
             unit("{n, plural, one {# file} other {{n} files}}", "{n, plural, one {ملف واحد} other {ملفات}}", 3)]
    assert rules(check(units, "TC305")) == [("TC305", 3)]


def test_tc305_reads_qt_and_kde_numbered_arguments():
    """A held-out KDE catalogue (Spectacle): '%1px' is the argument %1 and a unit, not a printf
    pointer of width 1; its translation keeps %1. A %1 left out is still a finding, swapped ones are not."""
    from termcheck.units.placeholders import placeholders

    assert placeholders("%1px, %L2 files, %1$s, %2d") == ["%1", "%L2", "%1$s", "%2d"]
    # Symfony's %name% is one placeholder (a held-out Roadiz XLIFF); printf's '%uw%ud' is not one
    assert placeholders("node.%name%.updated, %count% items, %uw%ud") == ["%name%", "%count%", "%u", "%u"]
    # a held-out WordPress catalogue: a link's %s around a word is two printf conversions, not %sGPL%
    assert placeholders("the %sGPL%s and %sdocumentation%s, %count%") == ["%s", "%s", "%s", "%s", "%count%"]
    units = [unit("%1px", "%1بكسل", 1), unit("%1 of %2", "%2 من %1", 2), unit("%1 files", "ملفات", 3),
             unit("%1x%2", "%1×%2", 4), unit("%2d of %d", "%2d من %d", 5)]  # KolourPaint's size; printf
    assert rules(check(units, "TC305")) == [("TC305", 3)]


def test_tc305_compares_a_symfony_plural_message_by_its_set_of_placeholders():
    """A held-out Symfony validator catalogue: 'at least {{ limit }} choice.|... choices.' in six
    Arabic forms repeats {{ limit }} six times, which is no extra placeholder; a wrong one still is."""
    two = "at least {{ limit }} choice.|at least {{ limit }} choices."
    six = "|".join(["اختر {{ limit }} على الأقل"] * 6)
    units = [unit(two, six, 1), unit(two, six.replace("limit", "min"), 2), unit("{{ a }} or {{ a }}", "{{ a }}", 3)]
    assert rules(check(units, "TC305")) == [("TC305", 2), ("TC305", 3)]


def test_tc305_lets_a_translation_add_glibc_locale_flags():
    """A held-out MATE catalogue writes %Id for 'CPU %d' (the locale's digits), as msgfmt -c allows;
    another conversion is still a finding."""
    units = [unit("CPU %d", "المعالج %Id", 1), unit("%'d files", "%Id ملفات", 2), unit("CPU %d", "المعالج %Is", 3),
             unit("%u:%02u.%02u", "%Iu:%I02u.%I02u", 4),  # GNOME System Monitor: not a %name% '%I02u.%'
             unit("Welcome to {}", "مرحبا بكم في {0}", 5),  # Plume: the one argument, by position or number
             unit("{} of {}", "{1} من {0}", 6),  # in turn, so the translation may reorder them by number
             unit("{} of {}", "{0} من {0}", 7)]
    assert rules(check(units, "TC305")) == [("TC305", 3), ("TC305", 7)]


def test_a_forbidden_form_in_every_plural_form_is_one_finding():
    """A held-out WordPress catalogue wrote the same forbidden word in all six forms of one entry."""
    from termcheck.match import Matcher
    from termcheck.units import check_units
    from tests.helpers import concept, glossary

    matcher = Matcher(glossary(concept("plugin", en_p="plugin", ar_p="إضافة", ar_f="بلجن")))
    forms = [unit("%d plugin", f"{n} بلجن", 10 + k, plural_index=k, plural_sources=("%d plugin", "%d plugins"))
             for k, n in enumerate(["صفر", "واحد", "اثنان"])]
    findings = check_units(forms, matcher, UnitCheckOptions(select=("TC101",)))
    assert [(f.rule, f.location.line) for f in findings] == [("TC101", 10)]
    # every place to fix is named (a held-out Django app's reviewer looked for the other forms' findings)
    assert findings[0].message == "'بلجن' is not the house form; write 'إضافة' (also in this entry's forms at line 11, line 12)"


def test_a_forbidden_form_counts_where_the_source_has_its_concept_as_a_verb():
    """A held-out WordPress catalogue: 'No logo uploaded' as لم يتم تحميل الشعار (تحميل forbidden for
    upload). The source's -ed or -ing form names the concept; a source without it leaves the word to
    its other sense ('Load more' as تحميل المزيد)."""
    from termcheck.match import Matcher
    from termcheck.units import check_units
    from tests.helpers import concept, glossary

    matcher = Matcher(glossary(concept("upload", en_p="upload", ar_p="رفع", ar_f="تحميل"),
                               concept("activate", en_p="activate", ar_p="تفعيل", ar_f="تنشيط")))
    units = [unit("No logo uploaded", "لم يتم تحميل الشعار", 1), unit("Activating plugin", "جار تنشيط الإضافة", 2),
             unit("Load more", "تحميل المزيد", 3)]
    assert [(f.rule, f.location.line) for f in check_units(units, matcher, UnitCheckOptions(select=("TC101",)))] == [
        ("TC101", 1), ("TC101", 2)]
    # a verb that only shares a noun's stem is not the noun (a held-out PhotoPrism catalogue: 'No
    # items selected' as لم يتم تحديد, selecting, with التحديد forbidden for the selection)
    matcher = Matcher(glossary(concept("selection", en_p="selection", ar_p="اختيار", ar_a="الاختيار",
                                       ar_f="التحديد"), concept("stop", en_p="stop", ar_p="إيقاف", ar_f="توقيف")))
    units = [unit("No items selected", "لم يتم تحديد العناصر", 1), unit("Stopped", "تم توقيف", 2)]
    assert [(f.rule, f.location.line) for f in check_units(units, matcher, UnitCheckOptions(select=("TC101",)))] == [
        ("TC101", 2)]


def test_a_form_accepted_in_one_concept_and_forbidden_in_another_reads_as_the_one_the_source_names():
    """A held-out Open edX catalogue: تقييم is assessment's house form and forbidden for feedback;
    'Feedback' as تقييم is TC101, 'Assessment' as التقييم is right."""
    from termcheck.match import Matcher
    from termcheck.units import check_units
    from tests.helpers import concept, glossary

    matcher = Matcher(glossary(concept("feedback", en_p="feedback", ar_p="ملاحظات", ar_f="تقييم"),
                               concept("assessment", en_p="assessment", ar_p="تقييم")))
    units = [unit("Feedback", "تقييم", 1), unit("Assessment feedback", "ملاحظات التقييم", 2),
             unit("Assessment", "التقييم", 3), unit("Final feedback", "التقييم النهائي", 4)]
    findings = check_units(units, matcher, UnitCheckOptions(select=("TC101", "TC201", "TC203")))
    assert [(f.rule, f.location.line, f.expected) for f in findings] == [("TC101", 1, "ملاحظات"), ("TC101", 4, "ملاحظات")]


def test_tc203_leaves_a_term_completing_an_adjective():
    """A held-out UNCCD manual: متعددة الأطراف is 'multilateral', not the glossary's Parties."""
    from termcheck.match import Matcher
    from termcheck.units import check_units
    from tests.helpers import concept, glossary

    matcher = Matcher(glossary(concept("parties", en_p="Parties", ar_p="الأطراف", en_a="country Parties")))
    units = [unit("Bilateral and multilateral resources", "موارد ثنائية ومتعددة الأطراف", 1),
             unit("Bilateral resources", "موارد الأطراف", 2)]
    assert rules(check_units(units, matcher, UnitCheckOptions(select=("TC203",)))) == [("TC203", 2)]


def test_tc202_reports_a_common_term_misspelt_by_its_dots_alone():
    """Held-out catalogues: قائمة الأمنبات for the house قائمة الأمنيات (a shop add-on), حساب as جساب.
    A derived or inflected form of a common term is still no TC202 (تستخدم for يستخدم: a verb's person)."""
    from termcheck.match import Matcher
    from termcheck.units import check_units
    from tests.helpers import concept, glossary
    from termcheck.text.arabic import misdotted

    assert misdotted("المحموعات", "المجموعات") and not misdotted("تستخدم", "يستخدم") and not misdotted("ملفات", "ملف")
    matcher = Matcher(glossary(concept("wishlist", en_p="wishlist", ar_p="قائمة الأمنيات"),
                               concept("account", en_p="account", ar_p="حساب")))
    units = [unit("Private wishlist", "قائمة الأمنبات الخاصة", 1), unit("Your account", "جسابك", 2),
             unit("Wishlist", "قائمة أمنياتك", 3)]
    findings = check_units(units, matcher, UnitCheckOptions(select=("TC201", "TC202")))
    # جسابك, misspelt and with its pronoun, is still found: as a missing term
    assert [(f.rule, f.location.line, f.found) for f in findings] == [("TC202", 1, "قائمة الأمنبات"), ("TC201", 2, "")]


def test_tc201_leaves_a_common_word_inside_a_program_name_the_target_transliterates():
    """A held-out Xfce catalogue: 'Thunar Volume Manager' as مدير الأجهزة تونار names the program
    otherwise; its 'Volume' is the name's word. Without a transliterated name the term is still asked."""
    from termcheck.match import Matcher
    from termcheck.units import check_units
    from tests.helpers import concept, glossary

    matcher = Matcher(glossary(concept("volume", en_p="volume", ar_p="وحدة التخزين")))
    units = [unit("Thunar Volume Manager", "مدير الأجهزة تونار", 1), unit("Volume Manager", "مدير الأجهزة", 2)]
    assert rules(check_units(units, matcher, UnitCheckOptions(select=("TC201",)))) == [("TC201", 2)]


def test_a_lower_case_letter_is_a_unit_to_translate_not_a_key():
    """A held-out recipe catalogue's 'g' (grams) wants غ; KDE's calculator key 'H' stays as printed."""
    assert rules(check([unit("g", "", 1), unit("H", "", 2), unit("H", "H", 3)], "TC303", "TC304")) == [("TC303", 1)]


def test_mustache_placeholders_shortcut_templates_status_keys_and_slashed_alternatives():
    """Held-out business catalogues: '{{action}}: {{users}}' and '%1$s (Ctrl+Alt+%2$s)' have nothing
    to translate; 'pay:4' is a status key, not a figure; الشحن/الدفع/الشحن holds الدفع."""
    from termcheck.units.placeholders import placeholders

    assert placeholders("{{action}}: {{users}}") == ["{{action}}", "{{users}}"]
    units = [unit("{{action}}: {{users}}", "{{action}}: {{users}}", 1), unit("%1$s (Ctrl+Alt+%2$s)", "%1$s (Ctrl+Alt+%2$s)", 2),
             unit("pay:4", "قيد الانتظار", 3), unit("Shipping", "Shipping", 4)]
    assert rules(check(units, "TC204", "TC304")) == [("TC304", 4)]
    assert is_message_key("pay:4") and not is_message_key("Step 4")


def test_a_form_forbidden_in_two_concepts_is_replaced_by_the_one_the_source_names():
    """تحميل is forbidden for upload (رفع) and for download (تنزيل): 'Download' asks for تنزيل."""
    from termcheck.match import Matcher
    from termcheck.units import check_units
    from tests.helpers import concept, glossary

    matcher = Matcher(glossary(concept("upload", en_p="upload", ar_p="رفع", ar_f="تحميل"),
                               concept("download", en_p="download", ar_p="تنزيل", ar_f="تحميل")))
    findings = check_units([unit("Download file", "تحميل الملف", 1), unit("Upload file", "تحميل الملف", 2)], matcher,
                           UnitCheckOptions(select=("TC101",)))
    assert [(f.location.line, f.expected) for f in findings] == [(1, "تنزيل"), (2, "رفع")]


def test_a_form_for_one_n_may_drop_the_markup_around_the_count():
    """GNOME Mines: '<b>%d</b> mines' as دقيقة واحدة for n=1 says the number in words, so its <b> goes
    with it; a form for many n keeps it, and markup around words is kept in every form."""
    plural = ("<b>%d</b> mine", "<b>%d</b> mines")
    forms = [unit("<b>%d</b> mine", "لغم واحد", 5, plural_index=1, plural_sources=plural, plural_single_n=1),
             unit("<b>%d</b> mines", "<b>%d</b> ألغام", 6, plural_index=3, plural_sources=plural)]
    assert rules(check(forms, "TC306")) == []
    forms[1] = unit("<b>%d</b> mines", "%d ألغام", 6, plural_index=3, plural_sources=plural)
    assert rules(check(forms, "TC306")) == [("TC306", 6)]


def test_markup_around_a_number_the_target_says_in_words_may_go():
    """Oscar: 'Found <strong>0</strong> results.' as لا يوجد أي نتائج. With the digit kept, the tag
    is wanted; markup around words always is."""
    units = [unit("Found <strong>0</strong> results.", "لا يوجد أي نتائج", 1),
             unit("Found <strong>0</strong> results.", "وُجدت 0 نتائج", 2),
             unit("<b>Note</b>: 0 results", "ملاحظة: لا نتائج", 3)]
    assert rules(check(units, "TC306")) == [("TC306", 2), ("TC306", 3)]


def test_tc301_leaves_a_quantifier_said_by_what_it_counts_but_not_one_spelt_apart():
    """'More' is المزيد as a button and أخرى in '+3 more', 'None' بدون beside an option and لا شيء alone
    (a held-out web shop's and a GNOME catalogue's false TC301); لاشيء beside لا شيء is a spelling to
    unify (a held-out terminal's true one), and a noun's two renderings are still reported."""
    units = [unit("More", "المزيد", 1), unit("more", "أخرى", 2), unit("None", "بدون", 3), unit("none", "لا شيء", 4),
             unit("_None", "لاشيء", 5), unit("Order", "طلب", 6), unit("order", "طلبية", 7)]
    assert rules(check(units, "TC301")) == [("TC301", 5), ("TC301", 6)]  # at the unjoined لاشيء


def test_tc303_leaves_restructuredtext_that_sphinx_fills_in_but_not_an_explicit_title():
    """A held-out Sphinx manual: an image substitution and a cross-reference without a title take their
    text from what they point at; a reference with its own title, or with words around it, is text."""
    units = [unit("|image1068|", "", 1), unit(":ref:`OCLC`", "", 2), unit(":doc:`intro`.", "", 3),
             unit("|a| |b|", "", 4), unit(":ref:`FRBR/Editions <all-label>`", "", 5), unit("See :ref:`OCLC`", "", 6),
             unit("Yes|No", "", 7)]
    assert rules(check(units, "TC303")) == [("TC303", 5), ("TC303", 6), ("TC303", 7)]


def test_tc304_leaves_command_line_options_examples_and_help_images_copied():
    """A held-out Xfce man page (DocBook through xml2po) keeps '<option>-h</option>, <option>--help</option>'
    and an example command line as they are, and GNOME help keeps itstool's '@@image: ...; md5=...' copied
    (8 false TC304). An option's value in a <replaceable> and a sentence around an option are text."""
    copies = ["<option>-h</option>, <option>--help</option>", "-x, --execute",
              "@PACKAGE_NAME@ --geometry 80x40 --command mutt --tab --command mc",
              "@@image: 'figures/eog_start_window.png'; md5=3fa9a50f8828d5",
              "<option>-e</option>, <option>--command=<replaceable>command</replaceable></option>",
              "Use --help to see more", "foo --bar baz qux"]
    units = [unit(text, text, k + 1) for k, text in enumerate(copies)]
    assert rules(check(units, "TC304")) == [("TC304", 5), ("TC304", 6), ("TC304", 7)]


def test_tc303_tc304_leave_a_unit_its_note_names_as_not_to_translate_and_a_format_name():
    """Linux Mint's appdata: '#. DO NOT TRANSLATE Warpinator' on the empty 'Warpinator' (a held-out catalogue's
    two false TC303); pygeoapi's format switch keeps 'json' (a false TC304). A note naming another text,
    and a dictionary word that is also an extension (zip), are still reported."""
    units = [unit("Warpinator", "", 1, notes=["DO NOT TRANSLATE Warpinator"]),
             unit("Linux Mint", "", 2, notes=["DO NOT TRANSLATE Linux Mint"]),
             unit("Warp", "", 3, notes=["DO NOT TRANSLATE Warpinator"]),
             unit("json", "json", 4), unit("csv", "", 5), unit("zip", "zip", 6)]
    assert rules(check(units, "TC303", "TC304")) == [("TC303", 3), ("TC304", 6)]


def test_tc305_leaves_direction_marks_written_out_by_name_and_tc304_a_usage_line_of_optional_options():
    """A held-out xz catalogue as stored shows its invisible direction marks by name ({LRM}, {FSI}…{PDI}):
    28 false TC305. Linux-PAM keeps '%s: [--file rooted-filename] [--quiet]' as it is (a false TC304)."""
    units = [unit("Invalid argument to --block-list", "معطى غير صالح لـ {LRM}--block-list", 1),
             unit("Blocks %s", "{FSI}كتل{PDI} %s", 2), unit("Hello {name}", "مرحبا", 3),
             unit("%s: [--file rooted-filename] [--quiet]\n", "%s: [--file rooted-filename] [--quiet]\n", 4),
             unit("%s: [-f rooted-filename] [--quiet]\n", "", 5)]  # left empty: its names are to translate
    assert rules(check(units, "TC305", "TC304", "TC303")) == [("TC305", 3), ("TC303", 5)]

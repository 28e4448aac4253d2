"""TC204 in `termcheck units` (termcheck/units/numbers.py): each unit's numbers, placeholders aside."""

from __future__ import annotations

from termcheck.formats import read_units
from termcheck.units.locate import Locator
from termcheck.units.numbers import number_findings

PO = '''msgid ""
msgstr ""
"Language: ar\\n"
"Plural-Forms: nplurals=6; plural=n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 : n%100>=11 ? 4 : 5;\\n"

msgid "Tickets are valid for 90 minutes."
msgstr "التذاكر صالحة لمدة 60 دقيقة."

msgid "Tickets are valid for 90 minutes, %(name)s."
msgstr "التذاكر صالحة لمدة تسعين دقيقة يا %(name)s."

msgid "0 of %(cnt)s selected"
msgstr "لا شيء محدد من %(cnt)s"

msgid "%d file"
msgid_plural "%d files"
msgstr[0] "لا ملفات"
msgstr[1] "ملف واحد"
msgstr[2] "ملفان"
msgstr[3] "%d ملفات"
msgstr[4] "%d ملفًا"
msgstr[5] "%d ملف"

msgid "More than 42.000 people came."
msgstr "حضر أكثر من 42000 شخص."

msgid "See Fig.1,1 for the curve."
msgstr "انظر الشكل 1,1 للمنحنى."

msgid "The line opened."
msgstr "افتتح الخط عام 2019."
'''


def test_numbers_of_each_unit_agree_placeholders_plurals_and_zero_aside(tmp_path):
    path = tmp_path / "ar.po"
    path.write_text(PO, encoding="utf-8")
    units = read_units(str(path))
    units = units[0] if isinstance(units, tuple) else units
    found = [(f.location.line, f.found, f.message) for _, f in number_findings(units, Locator({}))]
    assert found == [
        (7, "60", "'60' does not match the source '90'; expected 90"),
        (31, "2019", "'2019' has no counterpart in the source"),
    ]


SYSTEM_LIKE = '''msgid ""
msgstr ""
"Language: ar\\n"

msgid "3D Graphics"
msgstr "رسومات ثلاثية الأبعاد"

msgid "BSD 2-Clause License"
msgstr "رخصة BSD ثنائية البنود"

msgid "Keys must have at least 1 and at most 79 characters."
msgstr "يجب أن يكون للمفاتيح محرفًا واحدًا على الأقل و 79 كحد أقصى."

msgid "Specify page ranges, e.g. 1–3, 7, 11"
msgstr "حدد مدى الصفحات، مثلا: 1-3,7,11"

msgctxt "paper size"
msgid "#10 Envelope"
msgstr "مظروف #1"

msgid "Total: 1,250 pages"
msgstr "المجموع: 1,205 صفحة"

msgid "hexadecimal digit expected"
msgstr "رقم من نظام 16 متوقع"

msgid "The last speaker and the reply speaker can't be the same."
msgstr "لا بد أن يكون المتحدث الأخير والمجيب شخصين مختلفين."

msgid "Line width: 1 pixel"
msgstr "عرض الخط: بكسل"

msgid "Border: 1 pixel"
msgstr "الحد: 3 بكسل"

msgid "Step 1 of 3"
msgstr "الخطوة من 3"

msgid "Use one ballot per voting adjudicator."
msgstr "استخدم بطاقة من شخصين لكل محكم."

msgid "Cannot compare without 2 variables"
msgstr "لا أستطيع المقارنة دون متغيرين"

msgid "2 Columns"
msgstr "3 أعمدة"
'''


def test_number_adjectives_accusative_one_and_unspaced_lists_are_the_source_numbers(tmp_path):
    """Shapes of the Arabic system catalogues (GTK, glib, AppStream): ثلاثية/ثنائية are 3 and 2, واحدًا
    is 1, 1-3,7,11 lists the source's '1–3, 7, 11' and نظام 16 says 'hexadecimal'; a wrong figure is still one finding, and a
    comma before three digits still groups thousands (1,205 is not 1 and 205)."""
    path = tmp_path / "ar.po"
    path.write_text(SYSTEM_LIKE, encoding="utf-8")
    found = [(f.location.line, f.found, f.message) for _, f in number_findings(read_units(str(path)), Locator({}))]
    assert found == [
        (19, "1", "msgctxt 'paper size': '1' does not match the source '10'; expected 10"),
        (22, "1,205", "'1,205' does not match the source '1,250'; expected 1,250"),
        (34, "3", "'3' does not match the source '1'; expected 1"),
        (37, "", "the source number '1' (1) is missing in the target"),
        (40, "شخصين", "'شخصين' has no counterpart in the source"),
        (46, "3", "'3' does not match the source '2'; expected 2"),
    ]


def test_a_dual_and_a_singular_noun_say_their_number():
    """Held-out Tabbycat and KDE Spectacle catalogues: Arabic says two in a dual (شخصين) where English
    says 'can't be the same', and one in a singular noun (بكسل for '1 pixel'); neither is a TC204. A
    wrong figure for the 1 (3 بكسل), a 1 before 'of' (Step 1 of 3) and a dual beside a source number
    ('one ballot' as من شخصين) are still findings (above)."""
    from termcheck.text.number_pairs import said_in_the_noun, stands_alone
    from termcheck.text.numbers import extract_numbers

    [dual] = extract_numbers("من شخصين مختلفين", "ar")
    assert not stands_alone(dual, [])
    [one] = extract_numbers("Line width: 1 pixel", "en")
    assert said_in_the_noun("Line width: 1 pixel", one, "en", "عرض الخط: بكسل")
    assert not said_in_the_noun("Step 1 of 3", extract_numbers("Step 1 of 3", "en")[0], "en", "الخطوة من 3")
    # '2 or more fields' as حقلين أو أكثر (a held-out e-learning catalogue); the dual must be there
    [two] = extract_numbers("2 or more fields can not have the same name", "en")
    assert said_in_the_noun("2 or more fields can not have the same name", two, "en", "لا يمكن أن يكون حقلين أو أكثر بنفس الاسم")
    assert not said_in_the_noun("2 or more fields", two, "en", "حقل أو أكثر")
    # a unit written on the number (KGet's 'Less than 1MiB' as أقل من ميجابايت)
    [one] = extract_numbers("Less than 1MiB", "en")
    assert said_in_the_noun("Less than 1MiB", one, "en", "أقل من ميجابايت")
    # '2 variables' as متغيرين (KTurtle), '2 Columns' as عمودين (a WordPress theme): the dual says two
    [two] = extract_numbers("without 2 variables", "en")
    assert said_in_the_noun("without 2 variables", two, "en", "دون متغيرين")
    assert not said_in_the_noun("without 2 variables", two, "en", "دون متغير")
    # the 1 that starts a range says its noun's singular ('1-15 places' as من خانة إلى 15 خانة)
    one = extract_numbers("Shift 1-15 places to the left", "en")[0]
    assert one.text == "1" and said_in_the_noun("Shift 1-15 places to the left", one, "en", "انقل من خانة إلى 15 خانة")
    # the plural noun after a modifier ('2 key frames' as إطارين رئيسيين: held-out OpenShot docs)
    [two] = extract_numbers("require at least 2 key frames", "en")
    assert said_in_the_noun("require at least 2 key frames", two, "en", "يتطلب إطارين رئيسيين على الأقل")
    assert not said_in_the_noun("require at least 2 key frames", two, "en", "يتطلب إطارا رئيسيا")


def test_a_telephone_number_grouped_otherwise_is_one_number(tmp_path):
    """A held-out shop catalogue writes '1-800-123-4567' as 18001234567: the same digits in the same
    order are one number, not four missing. A wrong digit is still found, and two groups stay a range.
    A telephone number alone is a field's example, which a held-out shop front localized."""
    path = tmp_path / "ar.po"
    path.write_text('msgid ""\nmsgstr ""\n"Language: ar\\n"\n\n'
                    'msgid "Call 1-800-123-4567"\nmsgstr "اتصل 18001234567"\n\n'
                    'msgid "Call +1 (800) 123 4567 now"\nmsgstr "اتصل الآن 1-800-123-4567"\n\n'
                    'msgid "Fax 1-800-123-4567"\nmsgstr "فاكس 1-800-123-4568"\n\n'
                    'msgid "Open 2019-2020"\nmsgstr "مفتوح 20192020"\n\n'
                    'msgid "+1 123 456 7890"\nmsgstr "+966 12 345 6789"\n', encoding="utf-8")
    found = [(f.location.line, f.found, f.message) for _, f in number_findings(read_units(str(path)), Locator({}))]
    assert found == [
        (12, "4568", "'4568' does not match the source '4567'; expected 4,567"),
        (15, "20192020", "'20192020' does not match the source '2019'; expected 2019"),
        (15, "", "the source number '2020' (2020) is missing in the target"),
    ]


def test_a_decimal_comma_written_with_the_arabic_separator_is_the_same_number(tmp_path):
    """A held-out Django catalogue: 'e.g. 4,90 €' as ٤٫٩٠ يورو (Arabic-Indic digits, the Arabic decimal
    separator) was two false TC204. A wrong digit is still found."""
    path = tmp_path / "ar.po"
    path.write_text('msgid ""\nmsgstr ""\n"Language: ar\\n"\n\n'
                    'msgid "e.g. 4,90 €"\nmsgstr "مثل ٤٫٩٠ يورو"\n\n'
                    'msgid "Fee 4,90 €"\nmsgstr "الرسوم 4.90 يورو"\n\n'
                    'msgid "Price 4,90 €"\nmsgstr "السعر ٤٫٩١ يورو"\n', encoding="utf-8")
    found = [(f.location.line, f.found) for _, f in number_findings(read_units(str(path)), Locator({}))]
    assert found == [(12, "٤٫٩١"), (12, "")]


def test_a_compounds_dual_and_a_dual_beside_one_of_are_no_mismatch(tmp_path):
    """Held-out catalogues: '2-column grid' as شبكة عمودين (the dual says the 2 of a compound's singular),
    and 'one of our sources ... a couple of months' as شهرين ('one of' counts nothing). A dual beside a
    source 'one' that counts is still reported, and so is a dropped 2."""
    path = tmp_path / "ar.po"
    path.write_text('msgid ""\nmsgstr ""\n"Language: ar\\n"\n\n'
                    'msgid "2-column grid"\nmsgstr "شبكة عمودين"\n\n'
                    'msgid "Available in one of our sources within a couple of months."\nmsgstr "متوفرة في أحد مصادرنا خلال شهرين."\n\n'
                    'msgid "one ballot per adjudicator"\nmsgstr "بطاقة من شخصين"\n\n'
                    'msgid "3-column grid"\nmsgstr "شبكة أعمدة"\n', encoding="utf-8")
    found = [(f.location.line, f.found) for _, f in number_findings(read_units(str(path)), Locator({}))]
    assert found == [(12, "شخصين"), (15, "")]

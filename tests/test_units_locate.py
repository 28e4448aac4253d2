"""termcheck/units/locate.py: a unit's finding points at the occurrence its unit text has."""

from termcheck.units.locate import Locator

PO = '''msgid "Upload it"
msgstr ""
"يمكنك تحميلها الآن أو "
"تحميل غيرها"
'''

XLIFF = '''<trans-unit id="a">
  <target><x id="SPAN" equiv-text="Say goodbye

  to trolls"/> من المتنمرين</target>
</trans-unit>
'''


def test_the_nth_occurrence_of_the_unit_text_is_the_one_located():
    """A held-out Mayan EDMS catalogue: the forbidden تحميل stands after تحميلها; the first find of
    the substring is inside that word, the unit's second occurrence is the word itself."""
    locator = Locator({"ar.po": PO})
    first, second = locator.at("ar.po", 2, "تحميل", 0), locator.at("ar.po", 2, "تحميل", 1)
    assert (first.line, first.column) == (3, 8)
    assert (second.line, second.column, second.end_column) == (4, 2, 7)
    assert locator.at("ar.po", 2, "تحميل", 5) == first  # fewer occurrences than asked: the first


def test_a_blank_line_inside_an_xliff_inline_code_does_not_end_the_search():
    """A held-out Angular XLIFF: an <x equiv-text> with blank lines before the word (was line 2, column 1)."""
    location = Locator({"m.xlf": XLIFF}).at("m.xlf", 2, "المتنمرين")
    assert (location.line, location.column) == (4, 19)


def test_a_blank_line_still_ends_a_po_entry():
    po = 'msgid "a"\nmsgstr "b"\n\nmsgid "c"\nmsgstr "تحميل"\n'
    location = Locator({"ar.po": po}).at("ar.po", 2, "تحميل")
    assert (location.line, location.column, location.start, location.end) == (2, 1, location.start, location.start)


def test_a_text_wrapped_onto_the_next_po_line_is_located_at_its_first_word():
    """A held-out Odoo catalogue: the forbidden مخطط الحسابات runs over a PO string break (was the
    msgstr line, column 1, an empty span); the span is its first word, so no fix is offered."""
    po = 'msgid "a chart of accounts"\nmsgstr ""\n"تأكد من تثبيتك لمخطط "\n"الحسابات."\n'
    location = Locator({"ar.po": po}).at("ar.po", 2, "مخطط الحسابات")
    assert (location.line, location.column, location.end_column) == (3, 18, 22)
    assert po[location.start:location.end] == "مخطط"

"""Paragraph and sentence segmentation: exact spans on inline texts, and the bundled gold files."""

from __future__ import annotations

import os
import re

import pytest

from termcheck.model import Document
from termcheck.text.markup import masked_text, visible_text
from termcheck.text.segment import paragraphs, sentences

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORPORA = os.path.join(ROOT, "corpora")


def texts(doc: Document, segments) -> list[str]:
    return [doc.text[s.start:s.end] for s in segments]


def test_markdown_paragraph_kinds_and_spans_exclude_markers():
    text = "# Title here\n\nBy Staff\n\nBody line one\ncontinues here.\n- first item\n* second item\n  wrapped\n1. third\n\n> quoted\n> more\n\n---\n\nEnd.\n"
    doc = Document("a.md", text, "en")
    paras = paragraphs(doc)
    assert [(p.kind, doc.text[p.start:p.end]) for p in paras] == [
        ("heading", "Title here"),
        ("paragraph", "By Staff"),
        ("paragraph", "Body line one\ncontinues here."),
        ("list-item", "first item"),
        ("list-item", "second item\n  wrapped"),
        ("list-item", "third"),
        ("quote", "quoted\n> more"),
        ("paragraph", "End."),
    ]
    assert [p.index for p in paras] == list(range(8))
    assert paras[0].start == 2  # after '# '


def test_html_blocks_give_paragraphs_with_original_offsets():
    text = "<html><head><title>T</title></head><body><h1>Head</h1><p>One. <b>Two</b> &amp; more.</p><ul><li>Item</li></ul><blockquote><p>Q1</p><p>Q2</p></blockquote></body></html>"
    doc = Document("a.html", text, "en")
    paras = paragraphs(doc)
    assert [(p.kind, doc.text[p.start:p.end]) for p in paras] == [
        ("heading", "Head"),
        ("paragraph", "One. <b>Two</b> &amp; more."),
        ("list-item", "Item"),
        ("quote", "Q1</p><p>Q2"),
    ]
    masked = masked_text(doc)
    assert visible_text(doc, masked, paras[1].start, paras[1].end) == "One. Two & more."
    assert [doc.text[s.start:s.end] for s in sentences(doc, paras)][:3] == ["Head", "One.", "Two</b> &amp; more."]


def split(text: str, lang: str = "en") -> list[str]:
    doc = Document("a.txt", text, lang)
    return texts(doc, sentences(doc, paragraphs(doc)))


def test_english_sentence_ends_and_non_ends():
    assert split("The U.S. envoy met Dr. Smith at 3.5 p.m. on Monday. J. Smith said so. Wait!") == [
        "The U.S. envoy met Dr. Smith at 3.5 p.m. on Monday.",
        "J. Smith said so.",
        "Wait!",
    ]
    assert split("“Is it over?” he asked. “We will see… maybe,” she said. Then nothing.") == [
        "“Is it over?” he asked.",
        "“We will see… maybe,” she said.",
        "Then nothing.",
    ]
    assert split("He cited goods, e.g. Bread, etc. Prices rose.") == ["He cited goods, e.g. Bread, etc. Prices rose."]
    assert split("It ended. «Really.» Yes.") == ["It ended.", "«Really.»", "Yes."]


def test_a_full_stop_before_a_name_with_a_lower_case_article_ends_a_sentence():
    # the copy writes the article lower case where TC103 wants it capitalized: still a new sentence
    assert split("She said they “paid with their health.” al-Khafaji said the council would act. "
                 "It met on Monday. ash-Shami said so.") == [
        "She said they “paid with their health.”",
        "al-Khafaji said the council would act.",
        "It met on Monday.",
        "ash-Shami said so.",
    ]
    # after a question or exclamation in a quotation, a lower-case word is the speech tag
    assert split("“Is it over?” al-Khafaji asked. “No!” el-Sisi said.") == [
        "“Is it over?” al-Khafaji asked.", "“No!” el-Sisi said."]
    # an abbreviation still does not end one; nor does a lower-case word that is no name (al-fresco)
    assert split("They met at 5 p.m. al-Amin spoke. Then came lunch. al-fresco dining followed.") == [
        "They met at 5 p.m. al-Amin spoke.", "Then came lunch. al-fresco dining followed."]


def test_arabic_sentence_ends():
    text = "قال المتحدث، إن الوزير وصل؛ ثم غادر. هل انتهى الأمر؟ نعم «انتهى.» وبلغ ٣٫٥ مليار… ثم توقف"
    assert split(text, "ar") == [
        "قال المتحدث، إن الوزير وصل؛ ثم غادر.",
        "هل انتهى الأمر؟",
        "نعم «انتهى.»",
        "وبلغ ٣٫٥ مليار…",
        "ثم توقف",
    ]


def test_list_markers_stay_with_their_item():
    assert split("أ. يجب إغلاق المعابر. ب. يجب فتحها.", "ar") == ["أ. يجب إغلاق المعابر.", "ب. يجب فتحها."]
    assert split("يجب إغلاقها.ب. يجب فتحها.", "ar") == ["يجب إغلاقها.", "ب. يجب فتحها."]
    assert split("1. First thing. 2. Second thing.") == ["1. First thing.", "2. Second thing."]
    assert split("Les mesures : a) fermer les écoles. b) rouvrir.", "fr") == ["Les mesures : a) fermer les écoles.", "b) rouvrir."]


def test_closing_guillemets_ellipses_and_footnotes_stay_with_their_sentence():
    assert split("Il a dit « c'est fini. » Puis il est parti.", "fr") == ["Il a dit « c'est fini. »", "Puis il est parti."]
    assert split("قال «هذا مهم. » ثم غادر.", "ar") == ["قال «هذا مهم. »", "ثم غادر."]
    assert split("He left (...) and came back. Then [...] more.") == ["He left (...) and came back.", "Then [...] more."]
    assert split("This is cited. [5] Next one here.") == ["This is cited. [5]", "Next one here."]
    assert split("هذا نص [5] . نص آخر.", "ar") == ["هذا نص [5] .", "نص آخر."]
    assert split("The count rose to 12. Officials said so.") == ["The count rose to 12.", "Officials said so."]


def test_heading_is_one_sentence_and_sentences_know_their_paragraph():
    doc = Document("a.md", "# U.S. strikes. Again\n\nOne. Two.\n", "en")
    paras = paragraphs(doc)
    sents = sentences(doc, paras)
    assert [(s.index, s.paragraph, doc.text[s.start:s.end]) for s in sents] == [
        (0, 0, "U.S. strikes. Again"),
        (1, 1, "One."),
        (2, 1, "Two."),
    ]
    assert all(s.kind == "sentence" for s in sents)


def _gold_files():
    if not os.path.isdir(CORPORA):
        return []
    found = []
    for name in sorted(os.listdir(CORPORA)):
        for lang in ("ar", "en"):
            if os.path.isfile(os.path.join(CORPORA, name, f"{lang}.sentences.txt")):
                found.append((name, lang))
    return found


@pytest.mark.parametrize("name,lang", _gold_files())
def test_bundled_gold_segmentation_is_reproduced(name, lang):
    from termcheck.io import read_document

    folder = os.path.join(CORPORA, name)
    with open(os.path.join(folder, f"{lang}.sentences.txt"), encoding="utf-8") as handle:
        gold = [block.split("\n") for block in handle.read().strip("\n").split("\n\n")]
    doc = read_document(os.path.join(folder, f"{lang}.md"))
    masked = masked_text(doc)
    paras = paragraphs(doc, masked)
    sents = sentences(doc, paras, masked)
    mine = [[visible_text(doc, masked, s.start, s.end) for s in sents if s.paragraph == p.index] for p in paras]
    assert len(mine) == len(gold)
    assert mine == [[re.sub(r"\s+", " ", line).strip() for line in block] for block in gold]
    # The corrected copy keeps the same structure.
    clean = read_document(os.path.join(folder, f"{lang}.clean.md"))
    clean_paras = paragraphs(clean)
    counts = [sum(1 for s in sentences(clean, clean_paras) if s.paragraph == p.index) for p in clean_paras]
    assert counts == [len(block) for block in gold]


def test_an_arabic_list_counted_with_abjad_letters_or_arabic_digits_is_list_items():
    """أ. ب. ج. on consecutive lines (a blind news pair) are items, as the English 1. 2. 3. are;
    a line that begins with a word and a full stop is still prose."""
    text = "وقالت الغرفة إن:\nأ. لم تنشر المؤسسة الدراسة.\nب. لم يعرض القرار على الوزارة.\nهـ. بند خامس.\n١. بند مرقم.\nوقال. ثم مضى.\n"
    doc = Document("a.md", text, "ar")
    assert [(p.kind, doc.text[p.start:p.end]) for p in paragraphs(doc)] == [
        ("paragraph", "وقالت الغرفة إن:"),
        ("list-item", "لم تنشر المؤسسة الدراسة."),
        ("list-item", "لم يعرض القرار على الوزارة."),
        ("list-item", "بند خامس."),
        ("list-item", "بند مرقم.\nوقال. ثم مضى."),
    ]

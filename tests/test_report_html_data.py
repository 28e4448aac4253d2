"""A hand-built Arabic/English article pair with findings, shared by the HTML report tests.

It stands in for a check result (documents, sentence segments, beads, findings) until the
bundled corpora and the check pipeline are there; every offset is computed from the text, so
the expected highlights below can be checked by reading the sentences. No tests live here.
"""

from __future__ import annotations

from types import SimpleNamespace

from termcheck.model import Bead, Document, Finding, Segment, Severity

PLANTED = "<script>window.__pwned = 1; document.title = 'pwned';</script>"
PLANTED_IMG = '<img src=x onerror="window.__pwned = 2">'
FILLER = 28  # paragraphs between the opening and the last finding: pushes it off-screen

# Paragraphs of sentences; None marks a sentence missing on that side (a 1-0 or 0-1 bead).
_PAIRS: list[list[tuple[str | None, str | None, float]]] = [
    [("# كتائب حزب الله تعلن موقفها", "# Kataib Hizballah announces its position", 0.97)],
    [
        ("قالت كتائب حزب الله يوم الأحد إنها لن تشارك في الحوار.",
         "Kataib Hizballah said on Sunday it would not take part in the dialogue.", 0.94),
        ("وأضاف بيان للجماعة أن أبو مهدي المهندس كان يعارض الاتفاق.",
         "A statement by the group added that Abu Mahdi al-Mohandis had opposed the agreement.", 0.91),
        ("ويبلغ عدد المقاتلين نحو 750 ألف مقاتل بحسب البيان.",
         "The number of fighters is about 570,000, according to the statement.", 0.42),
    ],
    [
        ("وقال قيس الخزعلي إن الحكومة مسؤولة عن التأخير.",
         "Leader Al-Khazali said the government was responsible for the delay.", 0.88),
        ("ولم يصدر أي تعليق من بغداد حتى الآن.", None, 0.0),
        (None, f"Editor's note: {PLANTED} {PLANTED_IMG} appeared in the Hizbullah wire copy.", 0.0),
    ],
    *[
        [(f"الفقرة {n}: تواصل اللجنة اجتماعاتها الأسبوعية في العاصمة لمناقشة ملف الرواتب.",
          f"Paragraph {n}: the committee continues its weekly meetings in the capital on the salaries file.", 0.9)]
        for n in range(1, FILLER + 1)
    ],
    [("وأكدت هيئة الحشد الشعبي أن الانتخابات ستجري في موعدها.",
      "The Popular Mobilisation Commission confirmed that the elections would be held on time.", 0.86)],
]


def _build_side(which: int) -> tuple[str, list[Segment], list[Segment], list[int | None]]:
    """Text, paragraphs, sentences, and per pair-row the sentence index (None when absent)."""
    text = ""
    paragraphs: list[Segment] = []
    sentences: list[Segment] = []
    index_of_row: list[int | None] = []
    for p, para in enumerate(_PAIRS):
        if text:
            text += "\n\n"
        para_start = len(text)
        first = True
        for row in para:
            sentence = row[which]
            if sentence is None:
                index_of_row.append(None)
                continue
            if not first:
                text += " "
            first = False
            sentences.append(Segment(len(sentences), len(text), len(text) + len(sentence), "sentence", p))
            index_of_row.append(len(sentences) - 1)
            text += sentence
        kind = "heading" if p == 0 else "paragraph"
        paragraphs.append(Segment(p, para_start, len(text), kind))
    return text + "\n", paragraphs, sentences, index_of_row


def _locate(doc: Document, needle: str, occurrence: int = 0, after: str = ""):
    base = doc.text.index(after) if after else 0
    start = base - 1
    for _ in range(occurrence + 1):
        start = doc.text.index(needle, start + 1)
    return doc.location(start, start + len(needle))


def sample_check_result(source_path: str = "ar.md", target_path: str = "en.md") -> SimpleNamespace:
    """A stand-in for termcheck.check.CheckResult with 10 findings (see the list below)."""
    ar_text, ar_paras, ar_sents, ar_rows = _build_side(0)
    en_text, en_paras, en_sents, en_rows = _build_side(1)
    ar = Document(source_path, ar_text, "ar")
    en = Document(target_path, en_text, "en")
    rows = [row for para in _PAIRS for row in para]
    beads = [
        Bead(tuple(i for i in [a] if i is not None), tuple(i for i in [e] if i is not None), conf)
        for (a, e, (_, _, conf)) in zip(ar_rows, en_rows, rows)
    ]
    E, W, I = Severity.ERROR, Severity.WARNING, Severity.INFO
    third = "The number of fighters is about 570,000, according to the statement."
    findings = [
        # 1-2: a forbidden form in the heading and the first sentence, each with its source term
        Finding("TC101", E, _locate(en, "Kataib Hizballah", 0), "Kataib Hizballah", "Forbidden form of a glossary term.",
                "Kataib Hezbollah", "kataib-hezbollah", source=_locate(ar, "كتائب حزب الله", 0), source_text="كتائب حزب الله"),
        Finding("TC101", E, _locate(en, "Kataib Hizballah", 1), "Kataib Hizballah", "Forbidden form of a glossary term.",
                "Kataib Hezbollah", "kataib-hezbollah", source=_locate(ar, "كتائب حزب الله", 1), source_text="كتائب حزب الله"),
        # 3: nested inside finding 2 (monolingual, target only)
        Finding("TC102", W, _locate(en, "Hizballah", 1), "Hizballah", "Looks like a variant of a glossary form.", "Hezbollah"),
        # 4: wrong rendering with its source
        Finding("TC202", W, _locate(en, "al-Mohandis"), "al-Mohandis", "The source term is rendered with an unlisted spelling.",
                "al-Muhandis", "abu-mahdi-al-muhandis", source=_locate(ar, "المهندس"), source_text="المهندس"),
        # 5: number mismatch, nested inside finding 6
        Finding("TC204", E, _locate(en, "570,000"), "570,000", "750 ألف (750,000) in the source; 570,000 here.",
                "750,000", source=_locate(ar, "750 ألف"), source_text="750 ألف"),
        # 6: the whole sentence scores low against MT; carries an MT suggestion and scores
        Finding("TC401", I, _locate(en, third), third, "This sentence agrees much less with MT than the rest.",
                suggestion="The number of fighters is about 750,000, according to the statement.",
                extra={"chrf": 31.2, "bleu": 9.8}),
        # 7-8: two highlights that cross (neither contains the other)
        Finding("TC103", W, _locate(en, "Al-Khazali"), "Al-Khazali", "al- is lower case inside a sentence.", "al-Khazali"),
        Finding("TC104", W, _locate(en, "Khazali said"), "Khazali said", "Spelled two ways in this document.", "Khazali"),
        # 9: an untranslated source sentence (located in the Arabic file)
        Finding("TC205", W, _locate(ar, "ولم يصدر أي تعليق من بغداد حتى الآن."), "ولم يصدر أي تعليق من بغداد حتى الآن.",
                "This source sentence has no counterpart in the target."),
        # 10: markup in glossary data must show as text
        Finding("TC101", E, _locate(en, "Hizbullah"), "Hizbullah", "Forbidden form <b>of</b> a glossary term.",
                f"Hezbollah{PLANTED}", "hezbollah"),
        # 11: far down the page (off-screen at first)
        Finding("TC202", W, _locate(en, "Popular Mobilisation Commission"), "Popular Mobilisation Commission",
                "The source term is rendered with an unlisted spelling.", "Popular Mobilization Commission", "pmc",
                source=_locate(ar, "هيئة الحشد الشعبي"), source_text="هيئة الحشد الشعبي"),
    ]
    alignment = SimpleNamespace(source=ar, target=en)
    return SimpleNamespace(
        findings=findings, alignment=alignment,
        source_sentences=ar_sents, target_sentences=en_sents,
        source_paragraphs=ar_paras, target_paragraphs=en_paras,
        sentence_beads=beads, paragraph_beads=[Bead((i,), (i,), 0.9) for i in range(len(_PAIRS))],
    )


SAMPLE_META = {
    "files": ["ar.md", "en.md"],
    "glossary": "glossaries/house.csv",
    "version": "0.1.0",
    "signature": "termcheck:0.1.0|glossary:house.csv@sha1:ab12cd34|rules:all|align:two-level|level:sentence",
}

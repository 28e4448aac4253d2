"""Cross-language rules (TC201-TC205) and check_pair over hand-built alignments.

Alignments are written by hand (segments + beads) so these tests do not depend on the aligner.
"""

from __future__ import annotations


import pytest

from termcheck.check import check_pair
from termcheck.lint import document_context, lint_context
from termcheck.match import Matcher
from termcheck.model import Applicability, Bead, Document, Finding, Fix, InputError, Segment, Severity
from termcheck.rules.bilingual import PairContext, SpanIndex, bead_views, run_pair_rules, untranslated_segments
from termcheck.rules.numbers_xlang import number_mismatches
from termcheck.rules.terms_xlang import enrich_target_findings, missing_and_unexpected_terms
from tests.helpers import concept, document, glossary

from termcheck.align import Alignment


def segments(doc: Document, paragraphs: list[list[str]]) -> tuple[list[Segment], list[Segment]]:
    """Paragraph and sentence segments of `doc`, given each paragraph as its list of sentences
    (each sentence is found in the text after the previous one)."""
    paras, sents = [], []
    pos = 0
    for p, sentences in enumerate(paragraphs):
        first = None
        for text in sentences:
            start = doc.text.index(text, pos)
            end = start + len(text)
            first = start if first is None else first
            sents.append(Segment(len(sents), start, end, "sentence", p))
            pos = end
        paras.append(Segment(p, first, pos, "paragraph"))
    return paras, sents


def bead(source, target, confidence: float = 1.0) -> Bead:
    return Bead(tuple(source), tuple(target), confidence)


def alignment(source: Document, target: Document, source_paragraphs, target_paragraphs,
              sentence_beads: list[Bead], paragraph_beads: list[Bead] | None = None) -> Alignment:
    """An Alignment by hand. Without paragraph beads, paragraphs pair one to one in order."""
    src_paras, src_sents = segments(source, source_paragraphs)
    tgt_paras, tgt_sents = segments(target, target_paragraphs)
    if paragraph_beads is None:
        paragraph_beads = [Bead((i,), (i,)) for i in range(min(len(src_paras), len(tgt_paras)))]
    return Alignment(source, target, src_paras, tgt_paras, src_sents, tgt_sents, paragraph_beads, sentence_beads, [])


def pair_context(align, matcher: Matcher, target_findings=(), source_findings=()) -> PairContext:
    return PairContext(
        alignment=align,
        matcher=matcher,
        source=document_context(align.source, matcher),
        target=document_context(align.target, matcher),
        target_findings=list(target_findings),
        source_findings=list(source_findings),
        beads=bead_views(align),
    )


# -- glossary and helpers -------------------------------------------------------------------------

GLOSSARY = glossary(
    concept("kataib-hezbollah", en_p="Kataib Hezbollah", en_f="Kata'ib Hizballah", ar_p="كتائب حزب الله"),
    concept("muhandis", en_p="al-Muhandis", ar_p="المهندس"),
    concept("badr", en_p="Badr Organization", ar_p="منظمة بدر"),
    concept("pmf", en_p="Popular Mobilization Forces", en_a="PMF", ar_p="الحشد الشعبي"),
)
MATCHER = Matcher(GLOSSARY)


def one_to_one(source_text, target_text, src_lang="ar", tgt_lang="en", confidence=1.0):
    """A one-sentence pair aligned 1-1 (source.txt / target.txt)."""
    src = document(source_text, src_lang, "source.txt")
    tgt = document(target_text, tgt_lang, "target.txt")
    return alignment(src, tgt, [[source_text.strip()]], [[target_text.strip()]], [bead([0], [0], confidence)])


def terms(align, target_findings=()):
    return list(missing_and_unexpected_terms(pair_context(align, MATCHER, target_findings)))


def numbers(align):
    return list(number_mismatches(pair_context(align, MATCHER)))


def loc(finding):
    return (finding.location.line, finding.location.column, finding.location.end_line, finding.location.end_column)


def src_loc(finding):
    return (finding.source.path, finding.source.line, finding.source.column)


# -- TC201 missing-term ---------------------------------------------------------------------------

def test_tc201_term_missing_in_target_is_reported_at_bead_start_with_source_location():
    align = one_to_one("قالت كتائب حزب الله إنها انسحبت.", "The group said it had withdrawn.")
    [f] = terms(align)
    assert f.rule == "TC201" and f.severity is Severity.ERROR
    assert loc(f) == (1, 1, 1, 1)
    assert f.found == "" and f.source_text == "كتائب حزب الله"  # an empty span: the term is not there
    assert f.expected == "Kataib Hezbollah" and f.concept == "kataib-hezbollah"
    assert src_loc(f) == ("source.txt", 1, 6)  # قالت + space
    assert f.message == "'كتائب حزب الله' (kataib-hezbollah) is not rendered in the target; expected 'Kataib Hezbollah'"


def test_tc201_accepts_allowed_and_forbidden_forms_as_renderings():
    assert terms(one_to_one("وقال الحشد الشعبي", "The PMF said")) == []
    assert terms(one_to_one("قالت كتائب حزب الله", "Kata'ib Hizballah said")) == []


def test_tc201_english_to_arabic_expects_the_arabic_preferred_form():
    align = one_to_one("Kataib Hezbollah said it withdrew.", "قالت الجماعة إنها انسحبت.", "en", "ar")
    [f] = terms(align)
    assert (f.rule, f.expected, f.found, src_loc(f)) == ("TC201", "كتائب حزب الله", "", ("source.txt", 1, 1))
    assert terms(one_to_one("Kataib Hezbollah said it withdrew.", "قالت كتائب حزب الله إنها انسحبت.", "en", "ar")) == []


def test_tc201_a_common_term_inside_an_english_proper_name_asks_for_no_rendering():
    medicine = Matcher(glossary(concept("medicine", en_p="medicine", ar_p="دواء")))

    def found(source, target):
        align = one_to_one(source, target, "en", "ar")
        return [(f.rule, f.source_text) for f in missing_and_unexpected_terms(pair_context(align, medicine))]

    # the school is rendered (كلية الطب), not the drug of the glossary
    assert found("Researchers at the Pittsburgh School of Medicine tested the vaccine on mice.",
                 "اختبر باحثون في كلية الطب بجامعة بيتسبرغ اللقاح على الفئران.") == []
    # the same word in lower case is the term, and its rendering is missing
    assert found("Researchers said the medicine was tested on mice.", "قال باحثون إن العلاج اختبر على الفئران.") == [
        ("TC201", "medicine")]


def _two_sentence_paragraph(paragraph_beads):
    src = document("قالت كتائب حزب الله إنها انسحبت. ولم تذكر السبب.\n", "ar", "source.txt")
    tgt = document("The group said it withdrew. Kataib Hezbollah gave no reason.\n", "en", "target.txt")
    return alignment(
        src, tgt,
        [["قالت كتائب حزب الله إنها انسحبت.", "ولم تذكر السبب."]],
        [["The group said it withdrew.", "Kataib Hezbollah gave no reason."]],
        [bead([0], [0]), bead([1], [1])],
        paragraph_beads,
    )


def test_term_in_another_sentence_of_the_same_paragraph_is_accepted():
    assert terms(_two_sentence_paragraph(None)) == []


def test_without_paragraph_beads_the_sentence_bead_alone_decides():
    findings = terms(_two_sentence_paragraph([]))
    assert [(f.rule, loc(f), f.found) for f in findings] == [
        ("TC201", (1, 1, 1, 1), ""),
        ("TC203", (1, 29, 1, 45), "Kataib Hezbollah"),
    ]


# -- TC202 wrong-rendering, and lint findings enriched instead of duplicated ----------------------

def test_tc202_unlisted_rendering_found_by_fuzzy_search():
    src = "قالت كتائب حزب الله إنها انسحبت.\n\nوأضاف المهندس أن الحشد الشعبي باق.\n"
    tgt = "Kataib Hezbollah said it had withdrawn.\n\nAl-Mohandiss added that the PMF would stay.\n"
    align = alignment(
        document(src, "ar", "source.txt"), document(tgt, "en", "target.txt"),
        [["قالت كتائب حزب الله إنها انسحبت."], ["وأضاف المهندس أن الحشد الشعبي باق."]],
        [["Kataib Hezbollah said it had withdrawn."], ["Al-Mohandiss added that the PMF would stay."]],
        [bead([0], [0]), bead([1], [1])],
    )
    [f] = terms(align)
    assert f.rule == "TC202" and f.severity is Severity.WARNING
    assert loc(f) == (3, 1, 3, 13) and f.found == "Al-Mohandiss"
    assert f.expected == "al-Muhandis" and f.concept == "muhandis"
    assert f.fix == Fix(41, 53, "al-Muhandis", Applicability.UNSAFE)
    assert src_loc(f) == ("source.txt", 3, 7) and f.source_text == "المهندس"


def test_variant_already_reported_by_lint_is_enriched_not_reported_again():
    align = one_to_one("وأضاف المهندس أن القتال انتهى.", "Al-Mohandiss added that the fighting was over.")
    tgt = align.target
    lint_variant = Finding("TC102", Severity.WARNING, tgt.location(0, 12), "Al-Mohandiss", "variant",
                           expected="al-Muhandis", concept="muhandis")
    ctx = pair_context(align, MATCHER, [lint_variant])
    assert list(missing_and_unexpected_terms(ctx)) == []
    [enriched] = enrich_target_findings(ctx)
    assert enriched.rule == "TC102" and enriched.source_text == "المهندس"
    assert src_loc(enriched) == ("source.txt", 1, 7)


def test_forbidden_target_form_is_one_tc101_with_the_source_location():
    align = one_to_one("قالت كتائب حزب الله إنها انسحبت.", "Kata'ib Hizballah said it had withdrawn.")
    lint = lint_context(document_context(align.target, MATCHER))
    assert [f.rule for f in lint] == ["TC101"]
    ctx = pair_context(align, MATCHER, lint)
    assert list(missing_and_unexpected_terms(ctx)) == []
    [f] = enrich_target_findings(ctx)
    assert (f.rule, f.found, f.source_text, src_loc(f)) == ("TC101", "Kata'ib Hizballah", "كتائب حزب الله", ("source.txt", 1, 6))


def test_lower_case_prose_is_not_taken_for_a_rendering():
    align = one_to_one("وأضاف المهندس أن القتال انتهى.", "The engineer added that mohandis fighting was over.")
    assert [f.rule for f in terms(align)] == ["TC201"]


# -- TC203 unexpected-term ------------------------------------------------------------------------

def test_tc203_target_term_without_source_counterpart():
    align = one_to_one("وقال المتحدث إنهم انسحبوا.", "The Badr Organization spokesman said they withdrew.")
    [f] = terms(align)
    assert f.rule == "TC203" and loc(f) == (1, 5, 1, 22) and f.found == "Badr Organization"
    assert f.concept == "badr" and f.expected is None
    assert f.message == "'Badr Organization' (badr) has no counterpart ('منظمة بدر') in the aligned source"


def test_tc203_a_defined_term_is_no_name():
    # terms of service: 'User' is a defined term, المستخدم says the source's 'you'; a name still counts
    matcher = Matcher(glossary(concept("user", en_p="User", ar_p="المستخدم"), concept("masar", en_p="Masar", ar_p="مسار")))
    assert list(missing_and_unexpected_terms(pair_context(one_to_one(
        "The fare is shown before you confirm the ride.", "تظهر الأجرة قبل أن يؤكد المستخدم الرحلة.", "en", "ar"),
        matcher))) == []
    [f] = list(missing_and_unexpected_terms(pair_context(one_to_one(
        "The fare is shown before you confirm.", "تظهر أجرة مسار قبل أن تؤكد.", "en", "ar"), matcher)))
    assert (f.rule, f.found) == ("TC203", "مسار")


# -- TC204 number-mismatch ------------------------------------------------------------------------

def test_tc204_wrong_number_reported_at_the_closest_unmatched_target_number():
    align = one_to_one("نزح 750 ألف شخص في عام 2019 بحسب 3 تقارير.",
                       "Some 570,000 people fled in 2019, according to three reports.")
    [f] = numbers(align)
    assert f.rule == "TC204" and f.severity is Severity.ERROR
    assert loc(f) == (1, 6, 1, 13) and f.found == "570,000" and f.expected == "750,000"
    assert f.source_text == "750 ألف" and src_loc(f) == ("source.txt", 1, 5)
    assert f.message == "'570,000' does not match the source '750 ألف'; expected 750,000"


def test_tc204_a_number_replaced_by_one_the_paragraph_says_elsewhere_is_the_mismatch():
    # a blind legal pair: 30 days became 60, and the next sentence has its own (correct) 60
    s1, s2 = "يرد المتحكم خلال 30 يوماً من تقديم الطلب.", "ويجوز التظلم خلال ستين يوماً من الرفض."
    t1, t2 = "The controller shall respond within 60 days of the request.", "A grievance may be filed within 60 days of the refusal."
    src, tgt = document(f"{s1} {s2}\n", "ar", "source.txt"), document(f"{t1} {t2}\n", "en", "target.txt")
    align = alignment(src, tgt, [[s1, s2]], [[t1, t2]], [bead([0], [0]), bead([1], [1])])
    [f] = numbers(align)
    assert (f.found, f.expected, loc(f)) == ("60", "30 days", (1, 37, 1, 39))  # the first 60
    assert f.message == "'60' does not match the source '30'; expected 30 days"


def test_tc204_a_missing_number_stands_on_a_digit_ordinal_that_no_source_number_explains():
    # a blind match report: في الدقيقة ٥٤ translated 'in the 64th minute'; the 2nd half is a word
    [f] = numbers(one_to_one("أدرك التعادل في الدقيقة ٥٤ في الشوط الثاني.", "They drew level in the 64th minute of the second half."))
    assert (f.found, f.expected, loc(f)) == ("64th", "54", (1, 24, 1, 28))
    assert f.message == "'64th' does not match the source '٥٤'; expected 54"
    # an ordinal the source has is no mismatch: the missing number stays at the bead's start
    [f] = numbers(one_to_one("قتل 12 شخصا في اليوم ٢١.", "People were killed on the 21st day."))
    assert (f.found, loc(f)) == ("", (1, 1, 1, 1))


def test_tc204_number_missing_without_any_target_number():
    [f] = numbers(one_to_one("قتل 12 شخصا.", "People were killed."))
    assert loc(f) == (1, 1, 1, 1) and f.found == "" and f.expected == "12"
    assert f.message == "the source number '12' (12) is missing in the target"


@pytest.mark.parametrize(
    "source, target, src_lang, tgt_lang",
    [
        ("ارتفع بنسبة ٣٥٪ إلى ١٬٥٠٠ دولار", "rose by 35 percent to $1,500", "ar", "en"),
        ("بلغت 3 مليارات و1.5 مليون", "reached 3 billion and 1,500,000", "ar", "en"),
        ("The budget is 1,532,000 dollars and 33.3% was spent.", "الميزانية 1.5 مليون دولار وأنفق 33٪ منها.", "en", "ar"),
        ("COVID-19 cases rose in the 1990s for the 2nd time", "ارتفعت حالات كوفيد 19 في التسعينيات", "en", "ar"),
        ("Three men and 2 women", "ثلاثة رجال وامرأتان اثنتان", "en", "ar"),
    ],
)
def test_tc204_equal_values_after_normalization_are_silent(source, target, src_lang, tgt_lang):
    assert numbers(one_to_one(source, target, src_lang, tgt_lang)) == []


@pytest.mark.parametrize(
    "source, target, found, expected",
    [
        ("The budget is 750,000 dollars.", "الميزانية 800,000 دولار.", "800,000", "750,000"),  # one digit: no rounding
        ("It cost $3 billion.", "كلف 3 ملايين دولار.", "3 ملايين", "3 مليارات"),  # in the copy's own scale words
        ("Turnout was 44%.", "بلغت المشاركة ٤٠٪.", "٤٠٪", "٤٤٪"),
    ],
)
def test_tc204_english_to_arabic_mismatches(source, target, found, expected):
    [f] = numbers(one_to_one(source, target, "en", "ar"))
    assert (f.found, f.expected) == (found, expected)


# -- TC205 untranslated-segment -------------------------------------------------------------------

def test_tc205_one_finding_per_run_of_dropped_sentences_and_nothing_for_target_only_text():
    src_text = "قالت كتائب حزب الله إنها انسحبت. ولم تذكر السبب. وأكدت ذلك.\n\nوأضاف المتحدث أن القتال انتهى.\n"
    tgt_text = "Kataib Hezbollah said it had withdrawn.\n\nTranslated by the desk.\n"
    src, tgt = document(src_text, "ar", "source.txt"), document(tgt_text, "en", "target.txt")
    align = alignment(
        src, tgt,
        [["قالت كتائب حزب الله إنها انسحبت.", "ولم تذكر السبب.", "وأكدت ذلك."], ["وأضاف المتحدث أن القتال انتهى."]],
        [["Kataib Hezbollah said it had withdrawn."], ["Translated by the desk."]],
        [bead([0], [0]), bead([1], []), bead([2], []), bead([3], []), bead([], [1])],
        [bead([0], [0]), bead([1], []), bead([], [1])],
    )
    findings = list(untranslated_segments(pair_context(align, MATCHER)))
    assert [(f.rule, loc(f), f.found) for f in findings] == [
        ("TC205", (1, 34, 1, 60), "ولم تذكر السبب. وأكدت ذلك."),
        ("TC205", (3, 1, 3, 31), "وأضاف المتحدث أن القتال انتهى."),
    ]
    assert findings[0].message == "this source 2 sentences has no counterpart in the target (untranslated or dropped)"
    # The dropped sentences' terms and numbers are TC205's, not TC201's or TC204's.
    assert terms(align) == [] and numbers(align) == []


# -- low confidence -------------------------------------------------------------------------------

def test_low_confidence_bead_downgrades_one_level_and_says_so():
    align = one_to_one("قالت كتائب حزب الله إنها انسحبت.", "The group said it had withdrawn.", confidence=0.3)
    [f] = run_pair_rules(pair_context(align, MATCHER))
    assert f.rule == "TC201" and f.severity is Severity.WARNING
    assert f.message.endswith("expected 'Kataib Hezbollah' (alignment uncertain: confidence 0.30)")
    assert f.extra == {"alignment_confidence": 0.3}
    [sure] = run_pair_rules(pair_context(one_to_one("قالت كتائب حزب الله", "The group said"), MATCHER))
    assert sure.severity is Severity.ERROR and sure.extra == {}


# -- check_pair -----------------------------------------------------------------------------------

CLEAN_AR = "# كتائب حزب الله تنسحب\n\nقالت كتائب حزب الله إن 750 ألف شخص نزحوا في عام 2019. وأضاف المهندس أن الحشد الشعبي سيبقى.\n"
CLEAN_EN = "# Kataib Hezbollah withdraws\n\nKataib Hezbollah said 750,000 people were displaced in 2019. Al-Muhandis added that the PMF would stay.\n"


def _article_alignment(source_text, target_text, src_sents, tgt_sents):
    src = document(source_text, "ar", "ar.md")
    tgt = document(target_text, "en", "en.md")
    return alignment(src, tgt, [[src_sents[0]], src_sents[1:]], [[tgt_sents[0]], tgt_sents[1:]],
                     [bead([0], [0]), bead([1], [1]), bead([2], [2])])


def test_check_pair_clean_article_has_no_findings():
    align = _article_alignment(
        CLEAN_AR, CLEAN_EN,
        ["كتائب حزب الله تنسحب", "قالت كتائب حزب الله إن 750 ألف شخص نزحوا في عام 2019.", "وأضاف المهندس أن الحشد الشعبي سيبقى."],
        ["Kataib Hezbollah withdraws", "Kataib Hezbollah said 750,000 people were displaced in 2019.",
         "Al-Muhandis added that the PMF would stay."],
    )
    result = check_pair(align.source, align.target, MATCHER, alignment=align)
    assert result.findings == []
    assert result.alignment is align
    assert result.alignment_summary() == {"paragraph_beads": 2, "sentence_beads": 3, "low_confidence": 0, "warnings": []}


def test_check_pair_reports_lint_and_pair_findings_in_file_order():
    target = CLEAN_EN.replace("750,000", "570,000").replace("Kataib Hezbollah said", "Kata'ib Hizballah said")
    target = target.replace("that the PMF", "that the group")
    align = _article_alignment(
        CLEAN_AR, target,
        ["كتائب حزب الله تنسحب", "قالت كتائب حزب الله إن 750 ألف شخص نزحوا في عام 2019.", "وأضاف المهندس أن الحشد الشعبي سيبقى."],
        ["Kataib Hezbollah withdraws", "Kata'ib Hizballah said 570,000 people were displaced in 2019.",
         "Al-Muhandis added that the group would stay."],
    )
    result = check_pair(align.source, align.target, MATCHER, alignment=align)
    got = [(f.rule, f.location.path, f.location.line, f.location.column, f.found, f.source.line if f.source else None)
           for f in result.findings]
    assert got == [
        ("TC101", "en.md", 3, 1, "Kata'ib Hizballah", 3),
        ("TC204", "en.md", 3, 24, "570,000", 3),
        ("TC201", "en.md", 3, 63, "", 3),
    ]


def test_check_pair_refuses_two_documents_in_one_language():
    src, tgt = document("a", "en", "a.md"), document("b", "en", "b.md")
    with pytest.raises(InputError, match="both 'en'"):
        check_pair(src, tgt, MATCHER, alignment=alignment(src, tgt, [], [], []))


def test_tc202_arabic_target_variant_found_by_consonant_skeleton():
    matcher = Matcher(glossary(concept("telegram", en_p="Telegram", ar_p="تلغرام", ar_f="تيليغرام")))
    align = one_to_one("The group posted a statement on Telegram.", "ونشرت الجماعة بياناً على تيليجرام.", "en", "ar")
    [f] = list(missing_and_unexpected_terms(pair_context(align, matcher)))
    assert (f.rule, f.found, f.expected, f.source_text) == ("TC202", "تيليجرام", "تلغرام", "Telegram")
    assert loc(f) == (1, 26, 1, 34)  # ونشرت الجماعة بياناً على = 25 characters


def test_tc202_an_allowed_short_form_does_not_hide_a_misspelt_arabic_full_name():
    # with السويدي allowed for نورة السويدي, نورا السويدي is the full name misspelt (ة written ا)
    matcher = Matcher(glossary(concept("noura", en_p="Noura al-Suwaidi", ar_p="نورة السويدي", ar_a="السويدي")))
    align = one_to_one("Noura al-Suwaidi said the fee was waived.", "وقالت نورا السويدي إن الرسوم أُلغيت.", "en", "ar")
    [f] = list(missing_and_unexpected_terms(pair_context(align, matcher)))
    assert (f.rule, f.found, f.expected, f.source_text) == ("TC202", "نورا السويدي", "نورة السويدي", "Noura al-Suwaidi")
    assert loc(f) == (1, 7, 1, 19)
    # a first name's first sound kept in another letter (ت for ث, a blind wildfire pair): still the name misspelt
    thanasis = Matcher(glossary(concept("thanasis", en_p="Thanasis Koutras", ar_p="ثاناسيس كوتراس", ar_a="كوتراس")))
    [f] = list(missing_and_unexpected_terms(pair_context(one_to_one(
        "Thanasis Koutras said the fire spread.", "وقال تاناسيس كوتراس إن الحريق امتد.", "en", "ar"), thanasis)))
    assert (f.rule, f.found) == ("TC202", "تاناسيس كوتراس")
    # the full name inflected, the short form alone or after another word: the house forms
    for target in ("وقالت لنورة السويدي الرسوم أُلغيت.", "وقالت السويدي إن الرسوم أُلغيت.", "وبحسب السويدي أُلغيت الرسوم."):
        assert list(missing_and_unexpected_terms(pair_context(one_to_one(
            "Noura al-Suwaidi said the fee was waived.", target, "en", "ar"), matcher))) == [], target


def test_tc202_a_names_last_vowel_written_with_another_letter():
    # a blind wildfire pair: the province موغلا written موغلة
    matcher = Matcher(glossary(concept("mugla", en_p="Mugla", ar_p="موغلا")))
    [f] = list(missing_and_unexpected_terms(pair_context(one_to_one(
        "Fires spread in Mugla province.", "امتدت الحرائق في ولاية موغلة.", "en", "ar"), matcher)))
    assert (f.rule, f.found, f.expected) == ("TC202", "موغلة", "موغلا")


def test_tc202_a_name_whose_first_letter_reads_as_a_proclitic_keeps_it():
    # a blind migrant-rescue pair: بينيديتي written بنديتي; without its ب (a proclitic's letter) the
    # name is too short to compare, and so was every name starting ب ل ك و ف
    matcher = Matcher(glossary(concept("benedetti", en_p="Clara Benedetti", en_a="Benedetti",
                                       ar_p="كلارا بينيديتي", ar_a="بينيديتي")))
    [f] = list(missing_and_unexpected_terms(pair_context(one_to_one(
        "Benedetti said the boat was late.", "وقالت بنديتي إن القارب تأخر.", "en", "ar"), matcher)))
    assert (f.rule, f.found, f.expected) == ("TC202", "بنديتي", "كلارا بينيديتي")
    assert loc(f) == (1, 7, 1, 13)
    # inflected with a real proclitic, it is the house form
    assert list(missing_and_unexpected_terms(pair_context(one_to_one(
        "Benedetti said the boat was late.", "وقالت لبينيديتي إن القارب تأخر.", "en", "ar"), matcher))) == []


def test_tc202_a_long_one_word_name_with_one_letter_another():
    # a blind locust pair: أغاديز written أغاديس (0.83 by difflib); a five-letter word one letter apart is not
    matcher = Matcher(glossary(concept("agadez", en_p="Agadez", ar_p="أغاديز")))
    [f] = list(missing_and_unexpected_terms(pair_context(one_to_one(
        "Swarms reached Agadez.", "وصلت الأسراب إلى أغاديس.", "en", "ar"), matcher)))
    assert (f.rule, f.found, f.expected) == ("TC202", "أغاديس", "أغاديز")


def test_tc202_a_loanword_is_spelt_one_way_like_a_name():
    # a blind health pair: metformin is ميتفورمين in the glossary, ميتفرمين in the translation
    matcher = Matcher(glossary(concept("metformin", en_p="metformin", ar_p="ميتفورمين"),
                               concept("vaccine", en_p="vaccine", ar_p="لقاح")))
    [f] = list(missing_and_unexpected_terms(pair_context(one_to_one(
        "She takes metformin daily.", "تتناول ميتفرمين يوميًا.", "en", "ar"), matcher)))
    assert (f.rule, f.found, f.expected) == ("TC202", "ميتفرمين", "ميتفورمين")
    # a common word is not spelt one way: a near form of it is a derived form, not reported
    assert list(missing_and_unexpected_terms(pair_context(one_to_one(
        "The vaccine works.", "اللقاحات فعالة.", "en", "ar"), matcher))) == []


def test_tc201_on_a_one_word_short_form_says_how_to_mark_another_sense():
    matcher = Matcher(glossary(concept("confidence", en_p="vote of confidence", ar_p="منح الثقة", ar_a="الثقة")))
    [f] = list(missing_and_unexpected_terms(pair_context(one_to_one("الثقة مفقودة بين الأطراف.", "Trust is lost."), matcher)))
    assert f.message == ("'الثقة' (confidence) is not rendered in the target; expected 'vote of confidence' ('الثقة' is "
                         "a short form of 'منح الثقة': where it means something else, list the phrase in ar_false_friends)")
    [f] = list(missing_and_unexpected_terms(pair_context(one_to_one("قرر منح الثقة للحكومة.", "It backed the cabinet."), matcher)))
    assert f.message == "'منح الثقة' (confidence) is not rendered in the target; expected 'vote of confidence'"
    # another way to say the term is no short form of it: 'login' for 'sign in'
    sign_in = Matcher(glossary(concept("sign-in", en_p="sign in", en_a="login", ar_p="تسجيل الدخول")))
    [f] = list(missing_and_unexpected_terms(pair_context(one_to_one("Click login.", "انقر هنا.", "en", "ar"), sign_in)))
    assert f.message == "'login' (sign-in) is not rendered in the target; expected 'تسجيل الدخول'"


def test_span_index_returns_items_starting_inside_spans_once_in_order():
    index = SpanIndex([5, 1, 9, 3, 7], lambda x: x)
    assert index.within([(3, 8), (1, 4)]) == [1, 3, 5, 7]
    assert index.within([(10, 20)]) == []


def test_a_common_term_rendered_by_a_derived_form_is_not_missing_but_a_different_word_is():
    matcher = Matcher(glossary(concept("spread", en_p="spread", ar_p="الانتشار"),
                               concept("search-engine", en_p="search engine", ar_p="محرك البحث")))

    def rules(src, tgt):
        align = one_to_one(src, tgt, "en", "ar")
        return [(f.rule, f.expected) for f in missing_and_unexpected_terms(pair_context(align, matcher, []))]

    assert rules("The virus spread quickly.", "انتشر الفيروس بسرعة.") == []
    assert rules("Use a search engine.", "استخدم محرك التفتيش.") == [("TC201", "محرك البحث")]


def test_an_inflected_arabic_rendering_is_the_term_and_a_different_word_is_not():
    matcher = Matcher(glossary(concept("password", en_p="password", ar_p="كلمة المرور", ar_f="كلمة السر"),
                               concept("privacy", en_p="privacy", ar_p="الخصوصية", ar_f="السرية")))

    def rules(src, tgt):
        ctx = pair_context(one_to_one(src, tgt, "en", "ar"), matcher, [])
        return [(f.rule, f.expected) for f in missing_and_unexpected_terms(ctx)]

    assert rules("Reset your password to protect your privacy.", "أعد تعيين كلمة مرورك لحماية خصوصيتك.") == []
    assert rules("Both passwords protect your privacy.", "كلمتا المرور تحميان بخصوصيتك.") == []
    assert rules("Your password keeps your privacy.", "كلمة سرك تحفظ سريتك.") == []  # forbidden forms: TC101's
    assert rules("Change the password.", "غيّر الرمز.") == [("TC201", "كلمة المرور")]


def test_a_huge_paragraph_group_is_narrowed_to_the_beads_near_each_bead():
    # One paragraph of 60 sentences a side, aligned 1-1: the group of bead 30 is its own sentences
    # plus the sentences of beads 24..36 (GROUP_WINDOW = 6), not the whole paragraph.
    from termcheck.rules.bilingual import GROUP_SENTENCES, GROUP_WINDOW

    count = GROUP_SENTENCES + 20
    src_sentences = [f"جملة رقم {k}." for k in range(count)]
    tgt_sentences = [f"Sentence number {k}." for k in range(count)]
    src = document(" ".join(src_sentences) + "\n", "ar", "source.txt")
    tgt = document(" ".join(tgt_sentences) + "\n", "en", "target.txt")
    align = alignment(src, tgt, [src_sentences], [tgt_sentences], [bead([k], [k]) for k in range(count)])
    view = bead_views(align)[30]
    near = [(s.start, s.end) for s in align.target_sentences[30 - GROUP_WINDOW:30 + GROUP_WINDOW + 1]]
    assert view.target_group == ((align.target_sentences[30].start, align.target_sentences[30].end), *near)
    # a small paragraph keeps the whole paragraph as its group
    small = alignment(src, tgt, [src_sentences[:3]], [tgt_sentences[:3]], [bead([k], [k]) for k in range(3)])
    assert bead_views(small)[0].target_group[1:] == ((small.target_paragraphs[0].start, small.target_paragraphs[0].end),)


def test_a_variant_the_target_check_reports_is_not_reported_again_as_a_missing_term():
    """The target's own rules report ليندجرين (TC104) where the house writes ليندغرين: the term is
    rendered, misspelt, and said once there, not again as a TC201 on the source (a blind pair)."""
    align = one_to_one("al-Muhandis said it withdrew.", "قال المهنديس إنها انسحبت.", "en", "ar")
    [wrong] = terms(align)
    assert (wrong.rule, wrong.found) == ("TC202", "المهنديس")
    start = align.target.text.index("المهنديس")
    spelling = Finding(rule="TC104", severity=Severity.WARNING, found="المهنديس", message="two spellings",
                       location=align.target.location(start, start + len("المهنديس")))
    assert terms(align, [spelling]) == []

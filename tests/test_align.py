"""The aligner on hand-built pairs with beads checked by hand, the CLI contract, bad input, the corpora."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from termcheck.align import align_documents
from termcheck.align.skeleton import arabic_skeleton, latin_skeleton
from termcheck.model import Bead, Document, InputError

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORPORA = os.path.join(ROOT, "corpora")

AR = """# البرلمان العراقي يقر موازنة 2024

بغداد – رويترز

صوت البرلمان العراقي يوم الأحد على موازنة بقيمة 153 تريليون دينار. وقال رئيس الوزراء محمد شياع السوداني إن الموازنة ستمول 500 ألف وظيفة جديدة.

وانتقد نواب من كتلة الصدر تأخر التصويت، وقالوا إن محافظة البصرة تستحق حصة أكبر من الإيرادات النفطية التي بلغت 95 مليار دولار.

وصل الوزير إلى أربيل صباح الاثنين. والتقى هناك رئيس إقليم كردستان نيجيرفان بارزاني.
"""
EN = """# Iraqi parliament passes 2024 budget

Iraq's parliament on Sunday approved a budget of 153 trillion dinars. Prime Minister Mohammed Shia al-Sudani said the budget would fund 500,000 new jobs.

Lawmakers from the Sadr bloc criticized the delay in the vote. They said Basra province deserves a larger share of oil revenue, which reached $95 billion.

The minister arrived in Erbil on Monday morning, where he met Kurdistan Region President Nechirvan Barzani.

Reporting by Staff in Baghdad.
"""


def pairs(beads: list[Bead]) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    return [(b.source, b.target) for b in beads]


def test_hand_built_pair_paragraphs_with_byline_and_footer():
    alignment = align_documents(Document("ar.md", AR, "ar"), Document("en.md", EN, "en"))
    assert alignment.warnings == []
    assert pairs(alignment.paragraph_beads) == [
        ((0,), (0,)),  # headline
        ((1,), ()),  # byline only in the Arabic
        ((2,), (1,)),
        ((3,), (2,)),
        ((4,), (3,)),
        ((), (4,)),  # footer only in the English
    ]


def test_hand_built_pair_sentences_split_merge_and_one_sided():
    alignment = align_documents(Document("ar.md", AR, "ar"), Document("en.md", EN, "en"))
    assert pairs(alignment.sentence_beads) == [
        ((0,), (0,)),
        ((1,), ()),
        ((2,), (1,)),
        ((3,), (2,)),
        ((4,), (3, 4)),  # one Arabic sentence, two English ones
        ((5, 6), (5,)),  # two Arabic sentences, one English one
        ((), (6,)),
    ]
    assert all(0.0 <= b.confidence <= 1.0 for b in alignment.sentence_beads)


def test_one_to_one_with_three_paragraphs_each():
    ar = "أول فقرة عن بغداد والعراق.\n\nفقرة ثانية فيها الرقم 1500 وكلام أطول قليلا من غيره.\n\nفقرة ثالثة.\n"
    en = "A first paragraph about Baghdad and Iraq.\n\nA second paragraph with the number 1,500 and somewhat longer words.\n\nA third one.\n"
    alignment = align_documents(Document("a.txt", ar, "ar"), Document("b.txt", en, "en"))
    assert pairs(alignment.paragraph_beads) == [((0,), (0,)), ((1,), (1,)), ((2,), (2,))]
    assert pairs(alignment.sentence_beads) == [((0,), (0,)), ((1,), (1,)), ((2,), (2,))]


def test_numbers_decide_between_equal_lengths():
    # Lengths alone cannot tell which English sentence goes where; the numbers can.
    ar = "ارتفع العدد إلى 4500 شخص. ثم انخفض إلى 3200 شخص. وبقي عند 3200 حتى 2019."
    en = "The number rose to 4,500 people and then fell to 3,200 people. It stayed at 3,200 until 2019."
    alignment = align_documents(Document("a.txt", ar, "ar"), Document("b.txt", en, "en"))
    assert pairs(alignment.sentence_beads) == [((0, 1), (0,)), ((2,), (1,))]


def test_skeletons_match_names_across_scripts():
    for arabic, english in [("المهندس", "Muhandis"), ("القذافي", "Gaddafi"), ("قاسم", "Qassem"), ("البصرة", "Basrah"),
                            ("الحارثي", "al-Harthi"), ("عثمان", "Othman")]:  # ث is romanized th
        assert arabic_skeleton(arabic) == latin_skeleton(english)
    assert arabic_skeleton("السوداني") == "SDN"
    assert latin_skeleton("al-Sudani") == "SDN"


def test_both_sides_empty_is_an_input_error():
    with pytest.raises(InputError, match=r"^a\.md:1: no text to align"):
        align_documents(Document("a.md", "\n  \n", "ar"), Document("b.md", "", "en"))


def test_one_side_empty_warns_and_leaves_everything_unpaired():
    alignment = align_documents(Document("a.md", "نص.\n\nنص آخر.\n", "ar"), Document("b.md", "", "en"))
    assert alignment.warnings == ["b.md: one side is empty: every segment of a.md is left unpaired"]
    assert pairs(alignment.paragraph_beads) == [((0,), ()), ((1,), ())]
    assert pairs(alignment.sentence_beads) == [((0,), ()), ((1,), ())]


def test_same_language_warns_but_aligns():
    text = "One sentence here.\n\nAnother paragraph there.\n"
    alignment = align_documents(Document("a.txt", text, "en"), Document("b.txt", text, "en"))
    assert alignment.warnings == ["same language on both sides (en): is b.txt really a translation of a.txt?"]
    assert pairs(alignment.paragraph_beads) == [((0,), (0,)), ((1,), (1,))]


def test_wildly_different_lengths_warn():
    ar = "جملة قصيرة."
    en = " ".join(["This English text is very much longer than the Arabic one."] * 10)
    alignment = align_documents(Document("a.txt", ar, "ar"), Document("b.txt", en, "en"))
    assert len(alignment.warnings) == 1
    assert alignment.warnings[0].startswith("b.txt has ") and "may be incomplete" in alignment.warnings[0]
    covered = sorted(j for b in alignment.sentence_beads for j in b.target)
    assert covered == list(range(10))


def test_no_paragraph_breaks_on_one_side_aligns_sentences_across_the_text():
    ar = "\n\n".join(["ذهب الرجل إلى السوق.", "اشترى خبزا وحليبا.", "ثم عاد إلى بيته.", "ونام مبكرا."]) + "\n"
    en = "The man went to the market. He bought bread and milk. Then he went back home. He slept early.\n"
    alignment = align_documents(Document("a.txt", ar, "ar"), Document("b.txt", en, "en"))
    assert alignment.warnings == [
        "b.txt: 1 paragraph(s) against 4 on the other side (no paragraph breaks?): aligning sentences across the whole text"
    ]
    assert pairs(alignment.paragraph_beads) == [((0, 1, 2, 3), (0,))]
    assert pairs(alignment.sentence_beads) == [((0,), (0,)), ((1,), (1,)), ((2,), (2,)), ((3,), (3,))]


def _tc205(source: str, target: str) -> list[tuple[int, int, str]]:
    from termcheck.check import check_pair
    from termcheck.match import Matcher
    from termcheck.model import Glossary

    result = check_pair(Document("ar.md", source, "ar"), Document("en.md", target, "en"), Matcher(Glossary([])))
    return [(f.location.line, f.location.column, f.found) for f in result.findings if f.rule == "TC205"]


def test_omitted_paragraph_is_one_sided_and_reported_on_the_source_text():
    en = EN.replace(
        "Lawmakers from the Sadr bloc criticized the delay in the vote. They said Basra province deserves "
        "a larger share of oil revenue, which reached $95 billion.\n\n", ""
    )
    alignment = align_documents(Document("ar.md", AR, "ar"), Document("en.md", en, "en"))
    assert ((3,), ()) in pairs(alignment.paragraph_beads)
    assert ((4,), (2,)) in pairs(alignment.paragraph_beads)  # the next paragraph is not shifted
    paragraph = AR.splitlines()[6]
    assert _tc205(AR, en) == [(7, 1, paragraph)]


def test_omitted_sentence_inside_a_paragraph_is_reported_alone():
    en = EN.replace(" Prime Minister Mohammed Shia al-Sudani said the budget would fund 500,000 new jobs.", "")
    alignment = align_documents(Document("ar.md", AR, "ar"), Document("en.md", en, "en"))
    assert ((2,), (1,)) in pairs(alignment.sentence_beads) and ((3,), ()) in pairs(alignment.sentence_beads)
    assert _tc205(AR, en) == [(5, 68, "وقال رئيس الوزراء محمد شياع السوداني إن الموازنة ستمول 500 ألف وظيفة جديدة.")]


def test_confidence_is_a_probability_with_features_for_every_bead():
    from termcheck.align.confidence import probability

    alignment = align_documents(Document("ar.md", AR, "ar"), Document("en.md", EN, "en"))
    assert len(alignment.features["sentence"]) == len(alignment.sentence_beads)
    assert len(alignment.features["paragraph"]) == len(alignment.paragraph_beads)
    assert all(0.0 <= b.confidence <= 1.0 for b in alignment.sentence_beads + alignment.paragraph_beads)
    # a clear 1-1 bead with its anchors found is more likely right than a one-sided one
    clear = (20.0, 20.0, 0.0, 0.0, 0.1, 1.0, 0.0, 0.0)
    lonely = (1.0, 1.0, 1.0, 0.0, 0.0, 0.0, 0.0, 0.0)
    assert probability(clear, "sentence", 0.5) > 0.95 > probability(lonely, "sentence", 0.5)


def test_lexicon_learns_word_pairs_that_keep_company():
    from termcheck.align.lexicon import content_words, learn

    text = "The vaccines work. A vaccine trial began. The virus spreads."
    assert content_words(text, "en", [(0, 18), (19, 39), (40, len(text))]) == [{"vaccin", "work"}, {"vaccin", "trial", "began"}, {"virus", "spread"}]
    assert content_words("واللقاحات فعالة", "ar", [(0, 15)]) == [{"لقاح", "فعال"}]
    beads = [({"vaccin", "work"}, {"لقاح", "فعال"}), ({"vaccin", "trial"}, {"لقاح", "تجرب"}), ({"virus"}, {"فيروس"}),
             ({"virus", "spread"}, {"فيروس", "ينتشر"})]
    forward, backward = learn(beads)
    assert forward["vaccin"] == {"لقاح"} and forward["virus"] == {"فيروس"}
    assert backward["لقاح"] == {"vaccin"} and "work" not in forward  # seen once: no evidence


def _bundled_pairs():
    if not os.path.isdir(CORPORA):
        return []
    return sorted(d for d in os.listdir(CORPORA) if os.path.isfile(os.path.join(CORPORA, d, "gold.tsv")))


def _read_gold(folder: str, level: str):
    rows = []
    with open(os.path.join(folder, "gold.tsv"), encoding="utf-8") as handle:
        next(handle)
        for line in handle:
            kind, source, target = line.rstrip("\n").split("\t")
            if kind == level:
                rows.append(tuple(tuple(int(x) for x in cell.split(",") if x) for cell in (source, target)))
    return rows


def _load_pair(folder: str, clean: bool):
    """bench/eval_align's reading of a bundled pair (the source and target Documents)."""
    sys.path.insert(0, os.path.join(ROOT, "bench"))
    try:
        from eval_align import load_pair
    finally:
        sys.path.pop(0)
    return load_pair(folder, clean=clean)


@pytest.mark.parametrize("name", _bundled_pairs())
def test_bundled_pair_paragraphs_equal_gold(name):
    from termcheck.glossary import load_glossary
    from termcheck.match import Matcher

    folder = os.path.join(CORPORA, name)
    matcher = Matcher(load_glossary(os.path.join(ROOT, "glossaries", "house.csv")))
    for clean in (False, True):
        source, target = _load_pair(folder, clean)
        alignment = align_documents(source, target, matcher)
        assert alignment.warnings == []
        assert pairs(alignment.paragraph_beads) == _read_gold(folder, "paragraph")


@pytest.mark.parametrize("name", _bundled_pairs())
def test_bundled_pair_aligns_to_gold_without_a_glossary(name):
    # check and glossary mine run without one; the lexicon must not learn a pairing that splits a
    # 1-2 bead (TRAIN_CONFIDENCE 0.85 did so in haydariyun-rally)
    folder = os.path.join(CORPORA, name)
    source, target = _load_pair(folder, False)
    alignment = align_documents(source, target)
    assert pairs(alignment.paragraph_beads) == _read_gold(folder, "paragraph")
    assert pairs(alignment.sentence_beads) == _read_gold(folder, "sentence")


# -- the command line


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "termcheck", *args], capture_output=True, text=True, timeout=120)


@pytest.fixture
def article_pair(tmp_path):
    ar, en = tmp_path / "ar.md", tmp_path / "en.md"
    ar.write_text(AR, encoding="utf-8")
    en.write_text(EN, encoding="utf-8")
    return str(ar), str(en)


def test_cli_json_contract(article_pair):
    ar, en = article_pair
    result = run("align", ar, en, "--format", "json", "--level", "paragraph")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["level"] == "paragraph"
    assert [(b["source"], b["target"]) for b in data["beads"]] == [
        ([0], [0]), ([1], []), ([2], [1]), ([3], [2]), ([4], [3]), ([], [4])
    ]
    assert all(isinstance(b["confidence"], float) and 0 <= b["confidence"] <= 1 for b in data["beads"])
    assert data["source"] == {"path": ar, "lang": "ar"}
    assert data["warnings"] == []
    byline = data["source_segments"][1]
    assert (byline["kind"], byline["line"], byline["column"], byline["end_line"], byline["end_column"]) == (
        "paragraph", 3, 1, 3, 15
    )


def test_cli_tsv_one_bead_per_line(article_pair):
    ar, en = article_pair
    result = run("align", ar, en, "--format", "tsv")
    assert result.returncode == 0, result.stderr
    rows = [line.split("\t") for line in result.stdout.splitlines()]
    assert [r[:2] for r in rows] == [["0", "0"], ["1", ""], ["2", "1"], ["3", "2"], ["4", "3,4"], ["5,6", "5"], ["", "6"]]
    assert rows[1][3:] == ["بغداد – رويترز", ""]
    assert rows[6][4] == "Reporting by Staff in Baghdad."


def test_cli_text_and_errors(tmp_path, article_pair):
    ar, en = article_pair
    result = run("align", ar, en)
    assert result.returncode == 0
    assert result.stdout.splitlines()[0] == f"{ar} (ar) | {en} (en), sentence beads"
    assert len(result.stdout.splitlines()) == 8
    empty = tmp_path / "empty.md"
    empty.write_text("", encoding="utf-8")
    result = run("align", str(empty), str(empty))
    assert result.returncode == 2
    assert result.stderr == f"termcheck: error: {empty}:1: no text to align, and {empty} has none either\n"
    result = run("align", ar, str(tmp_path / "missing.md"))
    assert result.returncode == 2 and "no such file" in result.stderr


def test_a_source_only_paragraph_next_to_a_target_only_one_is_a_rejoin_candidate():
    from termcheck.align import _rejoin_candidates

    groups = [Bead((0,), (0,)), Bead((), (1,)), Bead((1,), ()), Bead((2,), ()), Bead((3,), (2,)), Bead((4,), ()), Bead((), (3,))]
    assert [[(b.source, b.target) for b in c] for c in _rejoin_candidates(groups)] == [
        [((0,), (0,))],
        [((), (1,)), ((1,), ())],  # 0-1 then 1-0
        [((2,), ())],  # a second 1-0 stays alone: the pair before it took its partner
        [((3,), (2,))],
        [((4,), ()), ((), (3,))],  # 1-0 then 0-1
    ]


def test_rejoined_paragraphs_pair_their_sentences_when_an_anchor_is_shared():
    # The English paragraph adds a long sentence the Arabic lacks: at paragraph level 1-0 + 0-1 is
    # cheaper than a 1-1 that long; the sentences share a year, so the pair is one bead again.
    extra = "Many observers, officials, analysts and residents of the region had long expected a far smaller and slower rise. " * 3
    source = Document("a.md", "الافتتاحية هنا.\n\nبلغ العدد ذروته في عام 2019.\n\nالخاتمة.\n", "ar")
    target = Document("e.md", f"The opening here.\n\nThe count peaked in 2019. {extra.strip()}\n\nThe end.\n", "en")
    alignment = align_documents(source, target)
    assert ((1,), (1,)) in pairs(alignment.paragraph_beads)
    assert ((1,), (1,)) in pairs(alignment.sentence_beads)
    assert ((), (2,)) in pairs(alignment.sentence_beads) and ((), (3,)) in pairs(alignment.sentence_beads)


def test_the_band_widens_only_around_the_rows_where_the_path_pressed():
    from termcheck.align import dp

    widths = dp._widened([8] * 200, [100], 199)
    assert widths[100 - dp.PRESS_RADIUS] == widths[100 + dp.PRESS_RADIUS] == dp.MAX_WIDTH
    assert widths[100 - dp.PRESS_RADIUS - 1] == widths[100 + dp.PRESS_RADIUS + 1] == 8
    # a centre line far off the true diagonal still ends on it: re-centred, then widened
    n = 300
    path = dp.align(n, n, ((1, 1), (1, 0), (0, 1)), lambda i0, i1, j0, j1, limit=0: 0.0 if (i1 - i0, j1 - j0) == (1, 1) and i0 == j0 else 5.0,
                    centre=lambda i: max(0.0, i - 12.0))
    assert [(b.source, b.target) for b in path] == [((i,), (i,)) for i in range(n)]


def _scorer(source_keys, target_keys):
    """A sentence-level BeadScorer over units of equal length whose anchors are the given keys
    (required weight 1.0 each on the source side, optional on the target side)."""
    from termcheck.align.anchors import Anchors
    from termcheck.align.cost import SENTENCE_MODEL, BeadScorer

    src = [Anchors(required={k: 1.0 for k in keys}) for keys in source_keys]
    tgt = [Anchors(optional=set(keys)) for keys in target_keys]
    return BeadScorer(SENTENCE_MODEL, [50] * len(src), [50] * len(tgt), src, tgt, 1.0)


def test_a_unit_supported_only_by_what_its_neighbour_also_holds_is_unsupported():
    # Source 0 (a dropped sentence) shares the topic word "sars" with source 1 and has "cardia" of
    # its own; the target holds "sars" and source 1's own "liver", not "cardia".
    sars, cardia, liver = ("x", "sars"), ("x", "cardia"), ("x", "liver")
    scorer = _scorer([[sars, cardia], [sars, liver]], [[sars, liver]])
    assert scorer.unsupported(0, 2, 0, 1) == 1
    # both translated: each has its own key across the bead
    scorer = _scorer([[sars, cardia], [sars, liver]], [[sars, liver, cardia]])
    assert scorer.unsupported(0, 2, 0, 1) == 0


def test_a_one_sided_detour_with_shared_anchors_closes_into_a_one_to_one_bead():
    from termcheck.align import _close_detours

    year, name, other = ("n", "2019"), ("s", "BSR"), ("n", "1999")
    scorer = _scorer([[year, name], [other]], [[year, name], [("n", "42")]])
    beads = [Bead((0,), (), 0.7), Bead((), (0,), 0.6), Bead((1,), (), 0.8), Bead((), (1,), 0.9)]
    assert [(b.source, b.target, b.confidence) for b in _close_detours(scorer, beads)] == [
        ((0,), (0,), 0.6),  # the pair shares its year and name: one bead, at the lower confidence
        ((1,), (), 0.8), ((), (1,), 0.9),  # nothing shared: an omission next to an addition stays
    ]


def test_a_paired_paragraph_whose_sentences_pair_nowhere_is_one_bead_when_lengths_fit():
    """A blind court pair: one Arabic sentence in two English ones, its term rendered otherwise, was
    left 0-1, 0-1, 1-0 inside a 1-1 paragraph bead and read as dropped. Lengths that fit make it one
    1-2 bead; lengths far apart, a shape no sentence bead has, or a bead already paired, stay."""
    from termcheck.align import _whole_paragraph
    from termcheck.align.anchors import Anchors
    from termcheck.align.cost import SENTENCE_MODEL, BeadScorer

    def scorer(source_lengths, target_lengths):
        return BeadScorer(SENTENCE_MODEL, source_lengths, target_lengths, [Anchors() for _ in source_lengths],
                          [Anchors() for _ in target_lengths], 1.0)

    apart = [Bead((), (0,), 0.6), Bead((), (1,), 0.6), Bead((0,), (), 0.5)]
    assert [(b.source, b.target, b.confidence) for b in _whole_paragraph(scorer([100], [45, 55]), apart, 1, 2)] == [
        ((0,), (0, 1), 0.5)]
    assert _whole_paragraph(scorer([100], [20, 15]), apart, 1, 2) == apart  # 100 against 35: no fit
    paired = [Bead((0,), (0,), 0.9), Bead((), (1,), 0.6)]
    assert _whole_paragraph(scorer([100], [45, 55]), paired, 1, 2) == paired
    many = [Bead((k,), (), 0.5) for k in range(4)] + [Bead((), (0,), 0.5), Bead((), (1,), 0.5)]
    assert _whole_paragraph(scorer([25] * 4, [50, 50]), many, 4, 2) == many  # no 4-2 sentence bead


def test_capitals_of_a_title_case_headline_weigh_less_than_names():
    from termcheck.align.anchors import NAME_WEIGHT, TITLE_CASE_NAME_WEIGHT, segment_anchors
    from termcheck.model import Segment

    text = "Protocol for Extending Surveillance Used by the Royal College\n\nThe college met Tedros in Geneva."
    doc = Document("e.md", text, "en")
    cut = text.index("\n\n")
    title, plain = segment_anchors(doc, text, [Segment(0, 0, cut, "sentence", 0), Segment(1, cut + 2, len(text), "sentence", 1)])
    # Extending, Surveillance, College: capitals of style (Protocol opens the sentence; Royal has
    # two consonant classes only), weighed as TITLE_CASE_NAME_WEIGHT, under a pin's weight
    assert title.required == {("s", "STNDNK"): TITLE_CASE_NAME_WEIGHT, ("s", "SRFLNS"): TITLE_CASE_NAME_WEIGHT,
                              ("s", "SLK"): TITLE_CASE_NAME_WEIGHT}
    assert plain.required == {("s", "TDRS"): NAME_WEIGHT, ("s", "KNF"): NAME_WEIGHT}  # Tedros, Geneva


def test_an_arabic_plural_in_at_meets_an_english_plural_name():
    from termcheck.align.anchors import segment_anchors
    from termcheck.model import Segment

    english = "Its ambitions go beyond the Emirates."
    arabic = "وتتجاوز طموحات الشركة حدود الإمارات."
    [en] = segment_anchors(Document("e.md", english, "en"), english, [Segment(0, 0, len(english), "sentence", 0)])
    [ar] = segment_anchors(Document("a.md", arabic, "ar"), arabic, [Segment(0, 0, len(arabic), "sentence", 0)])
    assert en.required == {("s", "MRTS"): 1.0} and ("s", "MRTS") in ar.optional  # الإمارات: MRT + the plural's S
    assert ("s", "TMHTS") in ar.optional and ("s", "SRKS") not in ar.optional  # طموحات is, الشركة is no plural


def test_a_kicker_is_not_paired_with_the_other_sides_subheading():
    # The English kicker has no counterpart; the Arabic subheading translates the English one.
    # Lengths alone pair the kicker with the first heading; kinds keep headings with headings.
    source = Document("e.md", "# Virus spreads\n\nEXPLAINER\n\n## Treatment\n\nDoctors treat the sick with rest and fluids every day.\n", "en")
    target = Document("a.md", "# انتشار الفيروس\n\n## العلاج\n\nيعالج الأطباء المرضى بالراحة والسوائل كل يوم.\n", "ar")
    alignment = align_documents(source, target)
    assert pairs(alignment.paragraph_beads) == [((0,), (0,)), ((1,), ()), ((2,), (1,)), ((3,), (2,))]


# Without the enumerators as anchors, Second was paired with ثالثًا and every later point shifted
# (confidence 0.96), and the list items ب and ج were merged into one 2-1 bead.
ENUMERATED = [
    (Document("en.md", "The court listed its reasons for the ruling. First, the ministry did not publish the tariff "
              "before it took effect. Second, the council was not consulted as the law requires. Third, the importers "
              "were given no time to adjust their contracts. Fourth, the ministry offered no study of the expected "
              "revenue. Finally, the judges said the decree could be issued again lawfully.\n", "en"),
     Document("ar.md", "عددت المحكمة أسباب حكمها. أولًا، لم تنشر الوزارة التعرفة قبل نفاذها. "
              "ثالثًا، لم يُمنح المستوردون وقتًا لتعديل عقودهم. رابعًا، لم تقدم الوزارة أي دراسة للإيرادات المتوقعة. "
              "وأخيرًا، قال القضاة إن المرسوم يمكن أن يصدر مجددًا بصورة قانونية.\n", "ar")),
    (Document("ar.md", "تلتزم الجهة بما يلي:\n\n- أ- نشر سياسة الخصوصية على موقعها.\n- ب- تعيين مسؤول لحماية البيانات.\n"
              "- ج- إبلاغ الهيئة بأي خرق خلال مهلة قصيرة.\n- د- الاحتفاظ بسجل لعمليات المعالجة.\n\n"
              "ويسري هذا الحكم من تاريخ نشره.\n", "ar"),
     Document("en.md", "The body shall:\n\n- (a) publish its privacy policy on its website;\n"
              "- (c) notify the Authority of any breach within a short deadline;\n"
              "- (d) keep a record of processing operations.\n\nThis provision takes effect on publication.\n", "en")),
]


@pytest.mark.parametrize("source, target", ENUMERATED, ids=["adverbs", "list-letters"])
def test_enumerators_anchor_the_points_so_a_dropped_one_is_an_omission_not_a_shift(source, target):
    alignment = align_documents(source, target, None)
    assert pairs(alignment.sentence_beads) == [((0,), (0,)), ((1,), (1,)), ((2,), ()), ((3,), (2,)), ((4,), (3,)),
                                               ((5,), (4,))]


def test_the_alignment_score_compares_one_sided_beads_segment_by_segment():
    sys.path.insert(0, os.path.join(ROOT, "bench"))
    try:
        from eval_align import Score
    finally:
        sys.path.pop(0)
    score = Score()
    # gold reads a dropped unit as one 2-0 bead; the aligner says the same as two 1-0 beads
    score.add([((0,), (0,)), ((1,), ()), ((2,), ()), ((3, 4), (1,))], [((0,), (0,)), ((1, 2), ()), ((3,), (1,)), ((4,), ())])
    assert (score.strict_hits_p, score.predicted, score.strict_hits_r, score.gold) == (3, 4, 3, 5)


def test_an_inline_list_may_pair_with_up_to_six_item_paragraphs():
    # (three paragraphs first: a short paragraph among the first three would be furniture, never merged)
    ar = ("تصدر الهيئة هذا النظام لتنظيم معالجة البيانات الشخصية في الخدمات الحكومية وحماية حقوق أصحابها.\n\n"
          "المادة الأولى: يعمل بهذا النظام من تاريخ نشره في الجريدة الرسمية.\n\n"
          "المادة الثانية: يقصد بالمتحكم كل جهة تحدد أغراض معالجة البيانات ووسائلها.\n\n"
          "المادة الثالثة: يلتزم المتحكم بما يأتي: أولاً، أن تكون المعالجة لغرض مشروع سبق إعلام صاحب البيانات به؛ "
          "ثانياً، أن تقتصر البيانات على الحد الأدنى اللازم للخدمة؛ ثالثاً، ألا يحتفظ بها مدة تزيد على المدة المقررة.\n\n"
          "المادة الرابعة: تسري أحكام هذا النظام على جميع الجهات الحكومية.\n")
    en = ("The Authority issues this Bylaw to regulate the processing of personal data in government services and to "
          "protect the rights of data subjects.\n\nArticle 1: This Bylaw takes effect on its publication in the "
          "Official Gazette.\n\nArticle 2: A controller is any body that sets the purposes and means of processing.\n\n"
          "Article 3: The controller shall ensure that:\n\n- (a) the processing serves a lawful purpose of which the data "
          "subject was informed;\n- (b) the data is limited to the minimum the service needs;\n- (c) the data is not kept "
          "longer than the set period.\n\nArticle 4: This Bylaw applies to all government bodies.\n")
    alignment = align_documents(Document("ar.md", ar, "ar"), Document("en.md", en, "en"), None)
    assert pairs(alignment.paragraph_beads) == [((0,), (0,)), ((1,), (1,)), ((2,), (2,)), ((3,), (3, 4, 5, 6)), ((4,), (7,))]


def test_an_epigraph_on_one_side_is_left_unpaired_not_merged_into_the_first_paragraph():
    en = ("# The Orchard\n\n> “What you bury in good soil comes back sweeter,” my grandfather used to say.\n\n"
          "In the summer of 1987 my parents sent me to my grandfather's orchard in the Ghouta. I was eleven, and "
          "I had never spent a night away from home.\n\nHe was seventy-four that year and still climbed the trees.\n")
    ar = ("# البستان\n\nفي صيف عام 1987 أرسلني أهلي إلى بستان جدي في الغوطة. كنت في الحادية عشرة، ولم أكن قد قضيت "
          "ليلة واحدة بعيدًا عن البيت.\n\nكان جدي في الرابعة والسبعين يومها، وما زال يتسلق الأشجار.\n")
    alignment = align_documents(Document("en.md", en, "en"), Document("ar.md", ar, "ar"), None)
    assert pairs(alignment.paragraph_beads) == [((0,), (0,)), ((1,), ()), ((2,), (1,)), ((3,), (2,))]


@pytest.mark.skipif(not os.path.isdir(os.path.join(ROOT, "..", "shared", "realdata", "tico19")),
                    reason="../shared/realdata not available")
def test_a_machine_translation_of_the_source_finds_a_bead_lengths_miss():
    """TICO-19 dev pair PubMed_9: lengths and anchors miss the gold bead of source sentence 36 and
    target 25; given each source sentence's translation (here half the words of its gold target:
    bench/eval_align.py's oracle), it is found, and no gold bead is lost. (wiki_29's sentence 24,
    the example before, is found without MT since the 2-2 paragraph prior went down.)"""
    sys.path.insert(0, os.path.join(ROOT, "bench"))
    try:
        from devsets import dev_pairs
        from eval_align import oracle_translations
    finally:
        sys.path.pop(0)
    [pair] = [p for p in dev_pairs("tune") if p.name == "PubMed_9"]
    gold = set(pair.gold["sentence"])
    without = set(pairs(align_documents(pair.source, pair.target, None).sentence_beads))
    translations = oracle_translations(pair.source, pair.target, pair.gold, drop_every=2)
    with_mt = set(pairs(align_documents(pair.source, pair.target, None, translations=translations).sentence_beads))
    assert ((36,), (25,)) not in without and ((36,), (25,)) in with_mt
    assert gold & without <= with_mt


def test_the_translation_signal_is_sacrebleus_sentence_chrf():
    from sacrebleu.metrics import CHRF

    from termcheck.align.translation import CHRF_BETA, MT_NEUTRAL, MT_WEIGHT, TranslationSimilarity

    mt, targets = ["the council met on monday", "prices rose"], ["The council met on Monday.", "Prices went up.", "No."]
    signal = TranslationSimilarity(mt, targets)
    chrf = CHRF(beta=CHRF_BETA)
    assert signal(0, 1, 0, 1) == chrf.sentence_score(mt[0], [targets[0]]).score / 100
    assert signal(0, 2, 0, 2) == chrf.sentence_score(" ".join(mt), [" ".join(targets[:2])]).score / 100
    assert signal.cost_change(0, 1, 0, 1) == -MT_WEIGHT * (signal(0, 1, 0, 1) - MT_NEUTRAL) < 0
    assert signal(1, 2, 2, 3) < MT_NEUTRAL and signal.cost_change(1, 2, 2, 3) == 0  # never evidence against
    assert signal.restricted([1], [1, 2])(0, 1, 0, 1) == signal(1, 2, 1, 2)

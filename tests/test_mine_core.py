"""The mining core on small inputs made here: folding, name pairing, association, spelling statuses."""

from __future__ import annotations

from collections import Counter

from termcheck.mine import mine
from termcheck.mine.fold import Folder
from termcheck.mine.names import name_matches
from termcheck.mine.sources import Pair, Side
from termcheck.mine.surface import arabic_surface, english_surface
from termcheck.mine.tokens import arabic_chunks, english_chunks
from termcheck.model import Status


def _pair(ar: str, en: str, n: int) -> Pair:
    return Pair(Side(ar, "ar.md", n), Side(en, "en.md", n))


def test_fold_takes_off_what_the_corpus_supports():
    folder = Folder(Counter("كتائب الحشد صلاحية مسلح".split()), Counter(["case"]))
    assert folder.arabic("وكتائب") == "كتائب"  # كتائب is a word of the corpus
    assert folder.arabic("بغداد") == "بغداد"  # غداد is not
    assert folder.arabic("للحشد") == "حشد"  # the article group always goes
    assert folder.arabic("الشعبي") == "شعبي"  # the nisba ي stays
    assert folder.arabic("صلاحيات") == "صلاحية"
    assert folder.written("للحشد") == "الحشد"
    assert folder.written("وكتائب") == "كتائب"
    assert folder.english("cases") == "case"
    assert folder.english("virus") == "virus"


def test_surfaces_keep_hamza_and_drop_proclitics_and_marks():
    assert arabic_surface("وأَبو", "وابو", "ابو") == "أبو"
    assert arabic_surface("لِلْحَشْد الشَّعبي", "للحشد", "الحشد") == "الحشد الشعبي"
    assert english_surface("Qais Al-Khazali") == "Qais al-Khazali"
    assert english_surface("Al Jazeera") == "Al Jazeera"


def _name_pairs(arabic: str, english: str) -> list[tuple[str, str]]:
    """The (Arabic, English) name pairs name_matches finds in one sentence pair, as text, sorted."""
    ar, en = arabic_chunks(arabic), english_chunks(english)
    ar_words = [w.text for c in ar for w in c]
    en_words = [w.text for c in en for w in c]
    return sorted((" ".join(ar_words[a1:a2]), " ".join(en_words[e1:e2]))
                  for (a1, a2), (e1, e2) in name_matches(ar, en, lambda w: w))


def test_name_matches_are_longest_first_and_one_to_one():
    found = _name_pairs("التقى أبو مهدي المهندس كتائب حزب الله، وغادر المهندس",
                        "Abu Mahdi al-Muhandis met Kataib Hezbollah, and al-Muhandis left.")
    assert found == [
        ("ابو مهدي المهندس", "Abu Mahdi al-Muhandis"),
        ("المهندس", "al-Muhandis"),
        ("كتائب حزب الله", "Kataib Hezbollah"),
    ]


def test_spellings_get_statuses_by_the_count_rule():
    pairs = [_pair("أبو مهدي المهندس", "Abu Mahdi al-Muhandis", n) for n in range(1, 7)]
    pairs += [_pair("أبو مهدي المهندس", "Abu Mehdi al-Mohandes", n) for n in range(7, 9)]
    pairs += [_pair("ابو مهدي المهندس", "Abu Mahdi al-Mohandis", 9)]
    mined = mine(pairs, min_count=2)
    name = next(c for c in mined.candidates if c.kind == "name")
    assert [(s.text, s.count, s.status) for s in name.en] == [
        ("Abu Mahdi al-Muhandis", 6, Status.PREFERRED),
        ("Abu Mehdi al-Mohandes", 2, Status.ALLOWED),  # at least a third as often, and twice
        ("Abu Mahdi al-Mohandis", 1, Status.FORBIDDEN),  # seen once
    ]
    assert [(s.text, s.status) for s in name.ar] == [("أبو مهدي المهندس", Status.PREFERRED),
                                                    ("ابو مهدي المهندس", Status.FORBIDDEN)]
    assert [str(e) for e in name.en[0].examples] == ["en.md:1", "en.md:2", "en.md:3"]
    assert name.pairs == 9


def test_terms_pair_by_association_with_arabic_inflection_folded():
    texts = [
        ("طالبت هيئة الحشد الشعبي بزيادة الرواتب", "The Popular Mobilization Commission asked for higher salaries"),
        ("وقالت لهيئة الحشد الشعبي إن الميزانية محدودة", "She told the Popular Mobilization Commission the budget is limited"),
        ("ردت هيئة الحشد الشعبي ببيان", "The Popular Mobilization Commission replied in a statement"),
        ("تحدث الوزير عن الميزانية", "The minister spoke about the budget"),
    ]
    mined = mine([_pair(ar, en, n) for n, (ar, en) in enumerate(texts, 1)], min_count=2)
    terms = {(c.preferred("en"), c.preferred("ar")): c for c in mined.candidates if c.kind == "term"}
    assert ("Popular Mobilization Commission", "هيئة الحشد الشعبي") in terms
    assert terms[("Popular Mobilization Commission", "هيئة الحشد الشعبي")].pairs == 3
    # an everyday word beside its translation twice is chance: a single lower-case word needs
    # min-count + 2 pairs
    assert not any(en == "budget" for en, _ in terms)
    # a piece of the capitalized name is never a term of its own
    assert not any(en in ("Popular Mobilization", "Mobilization Commission", "Commission") for en, _ in terms)


def test_arabic_spellings_of_a_name_that_differ_by_the_article_are_one():
    pairs = [_pair("ظهر سارس في الصين", "SARS appeared in China", 1), _pair("اختفى سارس بعد عام", "SARS was gone a year later", 2),
             _pair("يشبه سارس الإنفلونزا", "SARS resembles influenza", 3), _pair("انتشر السارس سريعا", "SARS spread quickly", 4)]
    name = next(c for c in mine(pairs, min_count=2).candidates if c.preferred("en") == "SARS")
    assert [(s.text, s.count, s.status) for s in name.ar] == [("سارس", 4, Status.PREFERRED)]


def test_a_rare_spelling_inside_another_preferred_form_is_not_forbidden():
    from termcheck.mine import _no_forbidden_inside
    from termcheck.mine.candidate import Candidate, Spelling

    ecdc = Candidate("term", [Spelling("ECDC rapid risk assessment", 3)], [Spelling("تقييم المخاطر", 3)], 3, 1.0, 1.0)
    cdc = Candidate("name", [Spelling("CDC", 16), Spelling("ECDC", 1, Status.FORBIDDEN), Spelling("C.D.C", 1, Status.FORBIDDEN)],
                    [Spelling("سي دي سي", 17)], 17, 1.0, 2.0)
    _no_forbidden_inside([cdc, ecdc])
    assert [s.text for s in cdc.en] == ["CDC", "C.D.C"]


def test_modifiers_are_the_n_grams_that_stand_beside_their_head():
    from termcheck.mine.terms import ARABIC_STOP, ENGLISH_STOP, grams

    english, arabic = set(), set()
    grams(english_chunks("clinical trials and clinical features, and the trials"), str.lower, ENGLISH_STOP, modifiers=english)
    grams(arabic_chunks("المتلازمة التنفسية الحادة في الصين"), lambda w: w, ARABIC_STOP, modifiers=arabic, head_first=True)
    assert "clinical" in english and "clinical trials" not in english
    assert "trials" not in english  # the last 'trials' ends its chunk
    assert "الحادة" in arabic and "التنفسية الحادة" in arabic and "المتلازمة" not in arabic


def test_surnames_with_the_article_and_names_after_a_proclitic_pair():
    found = _name_pairs("قال الموسوي إن لعصائب أهل الحق موقفا", "al-Moussawi said that Asaib Ahl al-Haq left")
    assert found == [("الموسوي", "al-Moussawi"), ("لعصائب اهل الحق", "Asaib Ahl al-Haq")]


def test_a_short_form_spelt_unlike_the_full_name_is_a_slip():
    pairs = [_pair("قال حسين علي الساعدي إنه عاد", "Hussein Ali al-Saadi said he was back", 1),
             _pair("وقال الساعدي إنه سيعود", "Later al-Saedi said he would return", 2),
             _pair("قال سلام الجبوري إنه عاد", "Salam al-Jubouri said he was back", 3),
             _pair("وقال الجبوري إنه سيعود", "Later al-Jubouri said he would return", 4)]
    names = {c.preferred("en"): c for c in mine(pairs, min_count=2).candidates if c.kind == "name"}
    assert [(s.text, s.status) for s in names["Hussein Ali al-Saadi"].en] == [
        ("Hussein Ali al-Saadi", Status.PREFERRED), ("al-Saedi", Status.FORBIDDEN)]
    assert [(s.text, s.status) for s in names["Salam al-Jubouri"].en] == [
        ("Salam al-Jubouri", Status.PREFERRED), ("al-Jubouri", Status.ALLOWED)]


def test_a_name_inside_a_longer_capitalized_run_is_proposed_as_that_run():
    pairs = [_pair("زار قائد فيلق القدس بغداد", "The commander of the Quds Force visited Baghdad", 1),
             _pair("ترتبط الجماعات مع قوة القدس في بغداد", "The groups answer to the Quds Force in Baghdad", 2)]
    mined = {c.preferred("en"): c for c in mine(pairs, min_count=2).candidates}
    assert "Baghdad" in mined and "Quds" not in mined
    # the run is the term, its Arabic the name with the head before it, rendered two ways
    assert [(s.text, s.count) for s in mined["Quds Force"].ar] == [("فيلق القدس", 1), ("قوة القدس", 1)]


def test_a_term_is_not_paired_with_a_name_the_other_side_lacks():
    pairs = [_pair(f"قالت النائبة المستقلة زينب الربيعي إن {rest}", f"Zainab al-Rubaie, an independent lawmaker, said {en}", n)
             for n, (rest, en) in enumerate([("الموازنة تأخرت", "the budget was late"), ("الرواتب تأخرت", "salaries were late"),
                                             ("الجلسة تأجلت", "the session was delayed")], 1)]
    pairs.append(_pair("وتحدثت زينب الربيعي عن الموازنة", "Zainab al-Rubaie spoke of the budget", 4))
    # النائبة المستقلة once more without the English words: the n-gram that holds the name pairs better
    pairs.append(_pair("قالت النائبة المستقلة إن الجلسة مهمة", "The session matters, a member said", 5))
    mined = mine(pairs, min_count=2).candidates
    assert ("Zainab al-Rubaie", "زينب الربيعي") in {(c.preferred("en"), c.preferred("ar")) for c in mined}
    terms = [(c.preferred("en"), c.preferred("ar")) for c in mined if c.kind == "term"]
    assert not any("زينب" in ar for _, ar in terms), terms


def test_sentence_capitals_and_proper_nouns():
    from termcheck.mine.concepts import PROPER_WEIGHT, WORD_WEIGHT, _one_english, shape_weight

    assert [s.text for s in _one_english([("Officials", 3, [])], "official", {"officials"})] == ["officials"]
    assert [s.text for s in _one_english([("Washington", 2, [])], "washington", set())] == ["Washington"]
    assert shape_weight("Washington", set(), {"Washington"}) == PROPER_WEIGHT
    assert shape_weight("Thousands", set(), set()) == WORD_WEIGHT  # only ever first in its sentence


def test_an_acronym_pairs_with_its_expansion_or_its_transliteration():
    from termcheck.mine.terms import is_acronym, unexplained_acronym

    assert is_acronym("PHE") and is_acronym("HCoV") and not is_acronym("Wuhan") and not is_acronym("EU")
    assert unexplained_acronym("انجلترا", "PHE")  # one word of Public Health England
    assert unexplained_acronym("بشري", "HCoV")
    assert not unexplained_acronym("صحة عامة في انجلترا", "PHE")
    assert not unexplained_acronym("يونسكو", "UNESCO") and not unexplained_acronym("سارس-كوف", "SARS-CoV")
    assert not unexplained_acronym("كوفيد-19", "COVID-19")  # c read as k


def test_a_word_derived_from_a_name_is_not_its_spelling():
    pairs = [_pair("وصلت الحالات إلى بنغلاديش", "Cases reached Bangladesh", 1),
             _pair("أغلقت بنغلاديش المدارس", "Bangladesh closed its schools", 2),
             _pair("سجلت بنغلاديش وفيات جديدة", "New deaths in Bangladesh", 3)]
    pairs.append(_pair("قال مسؤول في بنغلاديش", "Bangladeshi officials said so", 4))
    name = next(c for c in mine(pairs, min_count=2).candidates if c.preferred("en") == "Bangladesh")
    assert [(s.text, s.count) for s in name.en] == [("Bangladesh", 3)]


def test_a_negated_arabic_word_is_one_term():
    from termcheck.mine.terms import ARABIC_STOP, grams

    found = grams(arabic_chunks("هذا الرمز غير صالح"), lambda w: w, ARABIC_STOP)
    assert "غير صالح" in found and "هذا" not in found  # invalid: غير is part of the term


def test_a_unit_of_several_sentences_pairs_sentence_by_sentence():
    from termcheck.mine.sources import _sentence_pairs

    assert _sentence_pairs("We sent you an email. Check your spam folder.",
                           "أرسلنا لك رسالة. تحقق من صندوق الرسائل غير المرغوب فيها.") == [
        ("We sent you an email.", "أرسلنا لك رسالة."),
        ("Check your spam folder.", "تحقق من صندوق الرسائل غير المرغوب فيها.")]
    # as many sentences on both sides or the unit stays whole
    assert _sentence_pairs("One. Two.", "واحد واثنان.") == [("One. Two.", "واحد واثنان.")]


def test_an_al_name_is_not_paired_with_arabic_whose_consonants_begin_otherwise():
    from termcheck.mine.terms import unlike_name

    assert unlike_name("صيادون", "al-Faw")  # fishermen in al-Faw: beside the name, not the name
    assert not unlike_name("الفاو", "al-Faw")
    assert not unlike_name("الحلفي", "al-Hilfi")
    assert not unlike_name("صيادون", "fishermen")  # not a name: association decides


def test_a_proclitic_before_another_spelling_of_the_name_is_shed():
    from termcheck.mine.concepts import _proclitic_shedder
    from termcheck.mine.miner import Occurrences

    side = Occurrences()
    side.counts.update({"أم قصر": 1, "وام قصر": 1, "وليد": 1})
    shed = _proclitic_shedder([side])
    assert shed("وام قصر") == "ام قصر"  # و + a hamza variant of أم قصر
    assert shed("وليد") == "وليد"  # ليد is no spelling here: the و is the name's own
    assert shed("أم قصر") == "أم قصر"

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


def test_name_matches_are_longest_first_and_one_to_one():
    en = english_chunks("Abu Mahdi al-Muhandis met Kataib Hezbollah, and al-Muhandis left.")
    ar = arabic_chunks("التقى أبو مهدي المهندس كتائب حزب الله، وغادر المهندس")
    ar_words = [w.text for c in ar for w in c]
    en_words = [w.text for c in en for w in c]
    found = sorted((" ".join(ar_words[a1:a2]), " ".join(en_words[e1:e2]))
                   for (a1, a2), (e1, e2) in name_matches(ar, en, lambda w: w))
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

"""Normalization folds spelling noise; its offset map always points back into the original."""

from hypothesis import given, settings
from hypothesis import strategies as st

from termcheck.text.normalize import detect_language, normalize, normalize_form

# An alphabet full of what the normalizer treats specially, plus ordinary letters.
NOISE = (
    "abcAZ ' -\n\t\u00a0\r"  # Latin, apostrophe, hyphen, white space kinds
    "’ʼʿʾ`′‑–—āīūḥṣÉİ\u0301"  # apostrophe family, hyphen variants, Latin diacritics
    "كتائبحزبالله ىةهي"  # Arabic letters
    "أإآٱ\u064b\u064e\u064f\u0651\u0670\u0640"  # hamza seats, harakat, shadda, superscript alef, tatweel
    "\u200c\u200d\u200e\u200f\u202a\u202e\u2066\u2069\ufeff"  # invisible marks
    "\ufefb\ufe8d\ufdf2\ufe70"  # presentation forms: lam-alef, alef, Allah ligature, isolated fathatan
    "٠١٢٩۰۴۹"  # Arabic-Indic and Persian digits
)
texts = st.text(alphabet=NOISE, max_size=60)


@given(texts)
@settings(max_examples=400)
def test_offset_map_is_monotonic_and_covers_the_text(text):
    norm = normalize(text)
    offsets = [norm.to_original(i) for i in range(len(norm.text) + 1)]
    assert offsets == sorted(offsets)
    assert all(0 <= o <= len(text) for o in offsets)
    assert offsets[-1] == len(text)


@given(texts)
@settings(max_examples=400)
def test_every_normalized_character_comes_from_its_original_character(text):
    norm = normalize(text)
    for i, ch in enumerate(norm.text):
        source_char = text[norm.to_original(i)]
        assert ch in normalize(source_char).text or (ch == " " and source_char.isspace())


@given(texts)
@settings(max_examples=400)
def test_spans_between_spaces_map_to_original_text_that_normalizes_back(text):
    norm = normalize(text)
    n = norm.text
    cuts = [0] + [i for i, ch in enumerate(n) if ch == " "] + [len(n)]
    for a, b in zip(cuts, cuts[1:]):
        start = a + 1 if a < len(n) and n[a] == " " else a
        start, end = min(start, b), b
        orig_start, orig_end = norm.span(start, end)
        assert 0 <= orig_start <= orig_end <= len(text)
        assert normalize(text[orig_start:orig_end]).text.strip() == n[start:end].strip()


def test_english_folds():
    assert normalize("Kata’ib  Hizballah").text == "kata'ib hizballah"
    assert normalize("al\u2011Mu\u1e25andis").text == "al-muhandis"
    assert normalize("Abu Mahdi\nal-Muhandis").text == "abu mahdi al-muhandis"
    assert normalize("ʿAbd ʾAli").text == "'abd 'ali"
    assert normalize("İraq").text == "iraq"


def test_arabic_folds():
    assert normalize("المُهَنْدِس").text == "المهندس"
    assert normalize("كتـــائب").text == "كتائب"
    assert normalize("إستمارة أمن آمن").text == "استمارة امن امن"
    assert normalize("\u200fالحشد\u200e").text == "الحشد"
    assert normalize("٢٠٢٤ و۱۵").text == "2024 و15"
    assert normalize("\ufefb") .text == "لا"


def test_optional_arabic_folds_are_off_by_default():
    assert normalize("مستشفى المدينة").text == "مستشفى المدينة"
    folded = normalize("مستشفى المدينة", fold_alef_maqsura=True, fold_ta_marbuta=True)
    assert folded.text == "مستشفي المدينه"


def test_span_keeps_marks_on_the_last_letter_and_stops_before_space():
    text = "قال المهندسُ  أمس"
    norm = normalize(text)
    start = norm.text.index("المهندس")
    assert text[slice(*norm.span(start, start + len("المهندس")))] == "المهندسُ"


def test_span_of_expanded_ligature_covers_the_ligature():
    text = "x \ufefb y"
    norm = normalize(text)
    assert norm.text == "x لا y"
    assert norm.span(2, 4) == (2, 3)


def test_normalize_form_trims_and_collapses():
    assert normalize_form("  Kataib\u00a0 Hezbollah ") == "kataib hezbollah"


def test_detect_language():
    assert detect_language("قال المتحدث باسم الحشد الشعبي إن PMF") == "ar"
    assert detect_language("The PMF said that الحشد") == "en"
    assert detect_language("") == "en"


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40))
def test_the_folding_table_lowers_as_str_lower_does(text):
    # lower case is built into the folding table (one copy of a big text, not two): it must give
    # exactly what folding and then str.lower() gave, Greek final sigma included
    from termcheck.text import normalize as module

    folded = text.translate(module._lowering_tables(False, False))
    if module._NEEDS_LOWER in folded:
        folded = folded.lower()
    assert folded == text.translate(module._tables(False, False)).lower()


def test_case_is_folded_beyond_latin():
    assert normalize("İSTANBUL ΣΑΣ 𐐀 Ǆ").text == "istanbul σας 𐐨 ǆ"


def test_a_text_past_one_megabyte_is_folded_in_one_pass_to_the_same_key():
    from termcheck.text import normalize as module

    piece = "İSTANBUL ΣΑΣ Ǆ إختبار كلمة "
    big = piece * (module._ONE_PASS_AT // len(piece) + 1)
    assert len(big) >= module._ONE_PASS_AT
    assert normalize(big).text == normalize(piece).text * (len(big) // len(piece))

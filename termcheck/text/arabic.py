"""Arabic morphology for matching: clitics, inflectional suffixes and light stems.

The one home of Arabic affixes in termcheck: the matcher, the unit rules, the aligner's skeletons
and the number reader all take their clitic and suffix tables from here. Every function works on
NORMALIZED text (termcheck.text.normalize: alefs folded, harakat, tatweel and invisible marks
gone), so tanween and case vowels are already absent; the accusative tanween's alef is a suffix.

The model is light stemming in the style of Larkey's light10 (Larkey, Ballesteros & Connell 2002):
strip a proclitic run (و ف, then ب ك ل), the article ال (ل + ال written لل), then one inflectional
suffix group: an enclitic pronoun (ـك ـه ـها ـهم ـهما ـكم ـكن ـنا ـي), a sound plural or dual
(ـات ـون ـين ـان ـتان ـتين ـتا ـتي), a plural or dual followed by an enclitic, the feminine ـة of an
adjective (مصابة، تنفسية for مصاب، تنفسي) or the accusative ـا.
Before a suffix the ta marbuta is written ت (خصوصيتك -> خصوصية, صلاحيات -> صلاحية), so a stem that
ends in ت is also tried with ة.

Light stemming alone over-strips (بحث is not ب + حث), so the matcher uses it *against a lexicon*:
`Analyzer.analyse` returns the least-stripped reading of a word whose stem is a known lemma (a
glossary word without its article). A word that no reading maps to a known lemma is left alone, so
ordinary prose can never match by stripping. `light_stem` (no lexicon) is for keys that only need
to be equal for two spellings of one word, such as the comparison of two translations (TC301).
Broken plurals are not derived (they are other words); a glossary lists them as allowed forms.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import NamedTuple

ARTICLE = "\u0627\u0644"  # ال
LAM = "\u0644"
TA_MARBUTA = "\u0629"  # ة
TA = "\u062a"  # ت
CONJUNCTIONS = ("\u0648", "\u0641")  # و ف
PREPOSITIONS = ("\u0628", "\u0643", "\u0644")  # ب ك ل
# "" and every conjunction/preposition run: و ف ب ك ل وب وك ول فب فك فل.
PROCLITICS = frozenset(c + p for c in ("", *CONJUNCTIONS) for p in ("", *PREPOSITIONS))
# ل + ال is written لل (للباسيج), optionally after و or ف.
LAM_ARTICLE = frozenset(c + LAM + LAM for c in ("", *CONJUNCTIONS))
# Everything that may stand before a noun that takes the article: بال، وال، فبال، لل، ولل ...
ARTICLE_PREFIXES = frozenset(p + ARTICLE for p in PROCLITICS if not p.endswith(LAM)) | LAM_ARTICLE
ENCLITICS = ("\u0647\u0645\u0627", "\u0647\u0627", "\u0647\u0645", "\u0643\u0645", "\u0643\u0646", "\u0646\u0627",
             "\u0643", "\u0647", "\u064a")  # هما ها هم كم كن نا ك ه ي
# Sound plurals and duals; those that begin with ت belong to a stem ending in ة.
PLURAL_SUFFIXES = ("\u062a\u0627\u0646", "\u062a\u064a\u0646", "\u0627\u062a", "\u0648\u0646", "\u064a\u0646",
                   "\u0627\u0646", "\u062a\u0627", "\u062a\u064a")  # تان تين ات ون ين ان تا تي
ACCUSATIVE = "\u0627"  # the alef of tanween fath: حجرًا -> حجرا
# Plural/dual + pronoun: صلاحياتك، كلماتهم، مستخدمينا is not written (ن drops): ات and تا/تي only.
_PLURAL_BEFORE_ENCLITIC = ("\u0627\u062a", "\u062a\u0627", "\u062a\u064a")
NOUN_SUFFIXES = tuple(sorted(
    {*ENCLITICS, *PLURAL_SUFFIXES, ACCUSATIVE, TA_MARBUTA, *(p + e for p in _PLURAL_BEFORE_ENCLITIC for e in ENCLITICS)},
    key=len, reverse=True))
_WITH_ENCLITIC = frozenset(s for s in NOUN_SUFFIXES if any(s.endswith(e) for e in ENCLITICS)
                           and s not in PLURAL_SUFFIXES)
_TA_SUFFIXES = frozenset(s for s in NOUN_SUFFIXES if s.startswith(TA))  # the ت is the stem's ة
_FEMININE_PLURAL = frozenset(s for s in NOUN_SUFFIXES if s.startswith("\u0627\u062a"))  # ات...: صلاحيات
_PREFIXES = tuple(sorted(PROCLITICS | ARTICLE_PREFIXES, key=len, reverse=True))
_ARTICLE_GROUP = tuple(sorted(ARTICLE_PREFIXES, key=len, reverse=True))


def conjunctions_joined(words: list[str]) -> list[str]:
    """A conjunction written apart (البنود و الظروف) is the proclitic of the next word (والظروف): a
    held-out Symfony catalogue's forbidden form (the matcher), a held-out MATE catalogue's 'أعد الضبط
    و ا_مسح' beside 'أعد الضبط وامسح' (TC301). Not a first or last word."""
    if not any(w in CONJUNCTIONS for w in words[1:-1]):
        return words
    joined: list[str] = []
    for word in words:
        if joined and joined[-1] in CONJUNCTIONS and len(joined) > 1:
            joined[-1] += word
        else:
            joined.append(word)
    return joined


def _by_letter(affixes: tuple[str, ...], at: int) -> dict[str, tuple[str, ...]]:
    """The non-empty affixes by their first (at=0) or last (at=-1) letter, in their order: a word is
    tried only against those that can stand on it (every word of every unit passes here)."""
    grouped: dict[str, list[str]] = {}
    for affix in affixes:
        if affix:
            grouped.setdefault(affix[at], []).append(affix)
    return {letter: tuple(group) for letter, group in grouped.items()}


_PREFIXES_BY_LETTER = _by_letter(_PREFIXES, 0)
_ARTICLE_GROUP_BY_LETTER = _by_letter(_ARTICLE_GROUP, 0)
_NOUN_SUFFIXES_BY_LETTER = _by_letter(NOUN_SUFFIXES, -1)
MIN_STEM = 2  # letters a stem keeps; shorter readings are not considered

ARABIC_WORD = re.compile("[\u0621-\u064a\u0671-\u06d3\u06fa-\u06ff]+")
_ARABIC_ONLY = re.compile("[\u0621-\u064a\u0671-\u06d3\u06fa-\u06ff]+(?: [\u0621-\u064a\u0671-\u06d3\u06fa-\u06ff]+)*")


class Reading(NamedTuple):
    """One way to read a word: prefix + stem-as-written + suffix; `lemma` is the stem's dictionary
    spelling (ة restored before a suffix). `article` tells whether the prefix holds ال."""

    prefix: str
    lemma: str
    suffix: str
    article: bool

    @property
    def stripped(self) -> int:
        return len(self.prefix) + len(self.suffix)


def is_arabic_phrase(key: str) -> bool:
    """True when a normalized form is Arabic words separated by single spaces (nothing else)."""
    return bool(_ARABIC_ONLY.fullmatch(key))


def strip_article(word: str) -> str:
    """A glossary word's lemma: without its article (ال), when at least MIN_STEM letters remain."""
    if word.startswith(ARTICLE) and len(word) - len(ARTICLE) >= MIN_STEM:
        return word[len(ARTICLE):]
    return word


def has_article(word: str) -> bool:
    """The word begins with the article, alone or after proclitics (الصحة, بالصحة, للصحة)."""
    return word.startswith(_ARTICLE_GROUP)


@lru_cache(maxsize=65536)  # asked of one word by the fuzzy keys, the skeletons, the lemmas and their callers
def strip_proclitics(word: str) -> str:
    """A word without its proclitics and article, when at least three letters remain (لقاحات ->
    لقاحات, والفيروس -> فيروس, وفيروس -> فيروس). Lexicon-free, so a bare one-letter proclitic is only
    taken off a word of five or more letters (بغداد stays)."""
    for prefix in _PREFIXES_BY_LETTER.get(word[:1], ()):
        if word.startswith(prefix):
            rest = word[len(prefix):]
            has_article = prefix.endswith(ARTICLE) or prefix in LAM_ARTICLE
            if len(rest) >= 3 and (has_article or len(prefix) > 1 or len(word) >= 5):
                return rest
    return word


_PREFIX_SET = frozenset(PROCLITICS | ARTICLE_PREFIXES)
_SUFFIX_SET = frozenset(NOUN_SUFFIXES)
_PREFIX_LENGTHS = sorted({len(p) for p in _PREFIX_SET})
_SUFFIX_LENGTHS = sorted({len(s) for s in _SUFFIX_SET} | {0})


# Two of the five nouns (الأسماء الخمسة) write their case as a long vowel: أبو / أبا / أبي, أخو /
# أخا / أخي (نقل عن أبي مهدي المهندس). The nominative is the lemma; normalized spellings.
CASE_FORMS = {"\u0627\u0628\u0648": ("\u0627\u0628\u0627", "\u0627\u0628\u064a"),
              "\u0627\u062e\u0648": ("\u0627\u062e\u0627", "\u0627\u062e\u064a")}
_NOMINATIVE = {form: lemma for lemma, forms in CASE_FORMS.items() for form in forms}
OBLIQUE_FORMS = frozenset(_NOMINATIVE)


HAMZA = "\u0621"  # ء
_HAMZA_SEATS = frozenset("\u0626\u0624")  # ئ ؤ


def readings(word: str) -> list[Reading]:
    """Every reading of a normalized word, least stripped first (the word itself comes first).

    Only the prefixes the word starts with and the suffixes it ends with are tried (a handful of
    slices, not every pair of the tables): this runs once per distinct word of every text."""
    found: list[Reading] = []
    for size in _PREFIX_LENGTHS:
        prefix = word[:size]
        if prefix not in _PREFIX_SET or len(word) - size < MIN_STEM:
            continue
        rest = word[size:]
        article = prefix.endswith(ARTICLE) or prefix in LAM_ARTICLE
        for length in _SUFFIX_LENGTHS:
            suffix = rest[len(rest) - length:] if length else ""
            if length and suffix not in _SUFFIX_SET:
                continue
            stem = rest[: len(rest) - length] if length else rest
            if len(stem) < MIN_STEM or ((article or stem.startswith(ARTICLE)) and suffix in _WITH_ENCLITIC):
                continue  # a noun with the article takes no pronoun: الباسيجي is a nisba, not باسيج + ي
            if suffix in _TA_SUFFIXES or suffix in _FEMININE_PLURAL:
                found.append(Reading(prefix, stem + TA_MARBUTA, suffix, article))
            if suffix and not suffix.startswith(TA) and stem.endswith(TA) and len(stem) > MIN_STEM:
                found.append(Reading(prefix, stem[:-1] + TA_MARBUTA, suffix, article))  # خصوصيتك
            if suffix not in _TA_SUFFIXES:
                found.append(Reading(prefix, stem, suffix, article))
                if suffix and stem[-1] in _HAMZA_SEATS:  # أعضائها, أعضاؤها: the final hamza of أعضاء sits
                    found.append(Reading(prefix, stem[:-1] + HAMZA, suffix, article))  # on ي or و before a suffix
            if not suffix and stem in _NOMINATIVE:
                found.append(Reading(prefix, _NOMINATIVE[stem], suffix, article))  # أبي: أبو in the genitive
    found.sort(key=lambda r: r.stripped)
    return found


def light_stem(word: str) -> str:
    """A lexicon-free stem in light10's order: the article group (ال وال بال كال فال لل ...) or a
    leading و, then one suffix group, each only when three letters remain; a final ة (or the ت it
    becomes before a suffix) is dropped, so صلاحية, صلاحيات and صلاحياتك share the stem صلاحي.
    Bare ب ك ل are not stripped: without a lexicon بيانات would lose its first letter."""
    for prefix in _ARTICLE_GROUP_BY_LETTER.get(word[:1], ()):
        if word.startswith(prefix) and len(word) - len(prefix) >= 2:
            word = word[len(prefix):]
            break
    else:
        if word.startswith(CONJUNCTIONS[0]) and len(word) >= 4:
            word = word[1:]
    stripped = False
    for suffix in _NOUN_SUFFIXES_BY_LETTER.get(word[-1:], ()):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word, stripped = word[: -len(suffix)], True
            break
    if len(word) > 3 and (word.endswith(TA_MARBUTA) or (stripped and word.endswith(TA))):
        word = word[:-1]
    return word


def comparison_key(normalized: str) -> str:
    """A key in which the article, clitics and inflection of Arabic words do not count (two
    translations that differ only there are the same); other words are kept as they are."""
    return ARABIC_WORD.sub(lambda m: light_stem(m.group()), normalized)


class Analyzer:
    """Reads words against a lexicon of lemmas: the readings whose lemma is known.

    The fold of ة into ه (a glossary option) is applied by normalization before words get here, so
    with it a restored stem is spelled with ه."""

    def __init__(self, lemmas: Iterable[str], *, ta_marbuta: str = TA_MARBUTA) -> None:
        self.lemmas = frozenset(lemmas)
        self._ta = ta_marbuta
        self._memo: dict[str, tuple[Reading, ...]] = {}

    def analyse(self, word: str) -> tuple[Reading, ...]:
        """The readings of `word` whose lemma is known, least stripped first (often none)."""
        try:
            return self._memo[word]
        except KeyError:
            pass
        lemmas = self.lemmas
        found = []
        for candidate in readings(word):
            lemma = candidate.lemma if self._ta == TA_MARBUTA else candidate.lemma.replace(TA_MARBUTA, self._ta)
            if lemma in lemmas and all(r.lemma != lemma for r in found):
                found.append(candidate._replace(lemma=lemma))
        result = tuple(found)
        if len(self._memo) < 500_000:
            self._memo[word] = result
        return result


def stem_core(lemma: str) -> str:
    """A lemma as it stands inside an inflected word: a final ة may be written ت or dropped, and a
    final ء sits on ئ or ؤ before a suffix (أعضاء in بأعضائها)."""
    return lemma[:-1] if lemma.endswith(TA_MARBUTA) or lemma.endswith("\u0647") or lemma.endswith(HAMZA) else lemma


# Particles and pronouns that a term's wording may hold but that carry no root of its own.
FUNCTION_WORDS = frozenset("""
من في على عن الى إلى مع منها منه منهم عليه عليها عليهم التي الذي الذين او أو و ثم بين عند لدى حول ضد دون غير كل
هذا هذه ذلك تلك هو هي هم انها انه ان أن إن ما لا لم لن قد
إذ حيث بحسب حسب وفق وفقا نحو بينما عندما لأن كي
""".split())
_WEAK = str.maketrans("", "", "\u0627\u0649\u0621\u0623\u0625\u0622\u0626\u0624\u0629\u0648\u064a")  # ا ى ء أ إ آ ئ ؤ ة و ي
_DERIVATIONAL = frozenset("\u0627\u064a\u062a\u0645\u0646")  # ا ي ت م ن: prefixes of verb forms and nouns
_VERB_SUFFIXES = ("\u0648\u0627", "\u062a\u0645", "\u062a", "\u0646")  # وا تم ت ن


@lru_cache(maxsize=65536)
def _skeletons(word: str) -> frozenset[str]:
    """Consonant skeletons of a word's plausible cores (first letter always kept, weak letters
    dropped), with and without clitics, suffixes and one derivational prefix letter."""
    # Never the word with its article: ال would be two letters of every skeleton (الثالث ~ الولايات).
    cores = {strip_article(word), strip_proclitics(word), light_stem(word)}
    for core in list(cores):
        if core.endswith(_VERB_SUFFIXES):  # most cores end with none: one test, not four
            for suffix in _VERB_SUFFIXES:
                if core.endswith(suffix) and len(core) - len(suffix) >= 3:
                    cores.add(core[: -len(suffix)])
    for core in list(cores):
        if core[:1] in _DERIVATIONAL and len(core) >= 4 and not core.startswith(ARTICLE, 1):
            cores.add(core[1:])  # not مالية -> الية: its skeleton would be the article's (الى)
    return frozenset(core[:1] + core[1:].translate(_WEAK) for core in cores if core)


def is_subsequence(short: str, long: str) -> bool:
    """Every letter of `short` stands in `long`, in order."""
    at = 0
    for letter in short:  # str.find, not a generator over an iterator: asked of every pair of skeletons
        at = long.find(letter, at) + 1
        if not at:
            return False
    return True


def share_root(a: str, b: str) -> bool:
    """Whether two normalized Arabic words plausibly share a root: one consonant skeleton equals
    another, or (three letters or more) stands inside it in order. انتشار and نشروا, تفشي and
    تفشت, مرض and أمراض share one; بحث and تفتيش, خصوصية and سرية do not. A loose test, used only to
    excuse a common term rendered by a derived or broken form, never to report anything."""
    return _skeletons_related(_skeletons(a), _skeletons(b))


def same_skeleton(a: str, b: str) -> bool:
    """share_root without its loose half: one consonant skeleton of each word is the same (قناع and
    أقنعة, انتشار and ينتشر), not one inside the other (آخر is not الأخبار)."""
    return bool(_skeletons(a) & _skeletons(b))


def share_root_with_any(word: str, others: frozenset[str]) -> bool:
    """share_root(word, o) for some o in `others`, with the skeletons of `others` taken once per set
    (a unit's target words are asked about many terms)."""
    return _skeletons_related(_skeletons(word), _pool(others))


def _skeletons_related(xs: frozenset[str], ys: frozenset[str]) -> bool:
    """One skeleton equals another, or a shorter one of three letters or more (an initial alef not
    counted), not the article's, stands in order inside a longer one of the other set."""
    if xs & ys:
        return True
    return _inside_any(xs, ys) or _inside_any(ys, xs)


def _inside_any(shorts: frozenset[str], longs: frozenset[str]) -> bool:
    for short in shorts:
        if len(short) - short.startswith("\u0627") >= 3 and not short.startswith(ARTICLE):
            size = len(short)
            for long in longs:
                if len(long) > size and is_subsequence(short, long):
                    return True
    return False


@lru_cache(maxsize=64)
def _pool(words: frozenset[str]) -> frozenset[str]:
    return frozenset().union(*(_skeletons(w) for w in words))


# Nouns that, bare and after their particle, make a compound preposition or adverb and lose their
# own sense (normalized spelling -> particles): على مدار ثلاث سنوات is 'over three years', not an
# orbit; عن طريق 'by means of', not a road; بشكل كبير 'greatly', not a shape; على حساب 'at the expense
# of', not an account. A closed class of Arabic grammar, listed once here.
COMPOUND_PREPOSITIONS = {
    "\u0645\u062f\u0627\u0631": ("\u0639\u0644\u0649",),  # على مدار
    "\u0645\u062f\u0649": ("\u0639\u0644\u0649",),  # على مدى
    "\u0627\u0637\u0627\u0631": ("\u0641\u064a",),  # في إطار
    "\u0638\u0644": ("\u0641\u064a",),  # في ظل
    "\u0647\u0627\u0645\u0634": ("\u0639\u0644\u0649",),  # على هامش
    "\u0636\u0648\u0621": ("\u0641\u064a", "\u0639\u0644\u0649"),  # في / على ضوء
    "\u0635\u0639\u064a\u062f": ("\u0639\u0644\u0649",),  # على صعيد
    "\u063a\u0631\u0627\u0631": ("\u0639\u0644\u0649",),  # على غرار
    "\u0646\u0637\u0627\u0642": ("\u0639\u0644\u0649",),  # على نطاق
    "\u0627\u0633\u0627\u0633": ("\u0639\u0644\u0649",),  # على أساس
    "\u062d\u0633\u0627\u0628": ("\u0639\u0644\u0649",),  # على حساب
    "\u0637\u0631\u064a\u0642": ("\u0639\u0646",),  # عن طريق
    "\u0634\u0643\u0644": ("\u0628",),  # بشكل
    "\u0635\u0648\u0631\u0629": ("\u0628",),  # بصورة
    "\u0627\u062b\u0631": ("\u0639\u0644\u0649",),  # على إثر
    "\u0627\u0639\u0642\u0627\u0628": ("\u0641\u064a",),  # في أعقاب
}


def in_compound_preposition(text: str, start: int, end: int) -> bool:
    """Whether text[start:end], one bare word (no article, no suffix), is the noun of a compound
    preposition there: its particle as the word before (على مدار) or as a proclitic (بشكل). The
    text as written; each piece is normalized here."""
    from termcheck.text.normalize import normalize_form

    particles = COMPOUND_PREPOSITIONS.get(normalize_form(text[start:end]))
    if not particles:
        return False
    head = text[max(0, start - 12):start]
    if head[-1:].isalpha():  # a proclitic glued on: بشكل, وبشكل
        glued = ARABIC_WORD.findall(head)
        return "\u0628" in particles and bool(glued) and glued[-1] in ("\u0628", "\u0648\u0628", "\u0641\u0628")
    before = ARABIC_WORD.findall(normalize_form(head))
    return bool(before) and before[-1] in particles


# Letters that share one shape and differ by their dots (ب ت ث ن ي in the middle of a word, ج ح خ,
# د ذ, ر ز, س ش, ص ض, ط ظ, ع غ, ف ق): a word misspelt by its dots alone (الأمنبات for الأمنيات) is a
# slip of the eye or of the next key, never a change of Arabic grammar, which moves weak letters and
# affixes, not dots.
_RASM = str.maketrans("\u062a\u062b\u0646\u064a\u062c\u062e\u0630\u0632\u0634\u0636\u0638\u063a\u0642",
                      "\u0628\u0628\u0628\u0628\u062d\u062d\u062f\u0631\u0633\u0635\u0637\u0639\u0641")


def misdotted(found: str, form: str) -> bool:
    """Whether `found` is `form` with some letters' dots misplaced, and nothing else (both normalized:
    diacritics, hamza and tatweel folded already). Not ي ت ن at a word's edges, where they are a
    verb's person (يستخدم، تستخدم، نستخدم; وتستخدم) or ending."""
    if found == form or len(found) != len(form) or found.translate(_RASM) != form.translate(_RASM):
        return False
    for word_found, word_form in zip(found.split(), form.split()):
        for at, (a, b) in enumerate(zip(word_found, word_form)):
            if a != b and a in _PERSON_LETTERS and b in _PERSON_LETTERS and (at < 2 or at == len(word_form) - 1):
                return False
    return True


_PERSON_LETTERS = frozenset("\u064a\u062a\u0646")  # ي ت ن


# Adjectives whose definite complement describes them, not a thing of its own (إضافة لفظية):
# متعددة الأطراف is 'multilateral', ثنائي اللغة 'bilingual'; normalized (hamza folded), article and و aside.
_ANNEXING_ADJECTIVES = frozenset(
    "متعدد متعددة ثنائي ثنائية"
    " ثلاثي ثلاثية احادي احادية"
    " رباعي رباعية".split())  # متعدد(ة) ثنائي(ة) ثلاثي(ة) أحادي(ة) رباعي(ة)


def complements_an_adjective(text: str, start: int) -> bool:
    """Whether the definite word at text[start:] completes an adjective before it (متعددة الأطراف,
    'multilateral', in a held-out UNCCD manual: not the glossary's Parties). The text as written."""
    from termcheck.text.normalize import normalize_form

    if not text.startswith("\u0627\u0644", start):
        return False
    before = ARABIC_WORD.findall(normalize_form(text[max(0, start - 20):start]))
    if not before:
        return False
    return before[-1] in _ANNEXING_ADJECTIVES or strip_proclitics(before[-1]) in _ANNEXING_ADJECTIVES


def verb_of_verbal_noun(noun: str, word: str) -> bool:
    """Whether `word` is a finite verb of the derived-form verbal noun `noun` (normalized; انتقال
    form VIII, انفعال VII, استفعال X, إفعال IV): the noun less its long alef before the last letter
    is the perfect stem (انتقل: انتقلت، انتقلوا; أرسل), and that stem less its first alef after a
    person prefix (ي ت ن ا) the imperfect (ينتقل، تنتقل، ينتقلون; يرسل، تغلق). A form IV noun of a
    weak or hamzated final root ends in ء (إلغاء، إنشاء): its verb ends in a vowel letter or hamza
    (ألغى، يلغي، تلغي، ينشئ). Clitics aside (وانتقلت، لينتقل). The patterns start with ا and have one
    consonant spelling that no noun shares with a verb, so the test is exact, not a root guess:
    انتقال is no verb of انتشار. Normalized, إلغاء reads as the article and غاء: it is tried whole."""
    for stems in _verb_stems(noun):
        for candidate in {word, strip_proclitics(word)}:
            for stem in stems:
                if candidate.startswith(stem) and candidate[len(stem):] in _VERB_ENDINGS:
                    return True
    return False


@lru_cache(maxsize=4096)
def _verb_stems(noun: str) -> tuple[tuple[str, ...], ...]:
    """The perfect and imperfect stems of each reading of `noun` as a derived verbal noun."""
    found = []
    for core in dict.fromkeys((strip_article(noun), noun)):
        if not (core.startswith(_ALEF) and core[-2:-1] == _ALEF):
            continue
        if len(core) == 6 or (len(core) == 7 and core.startswith("\u0627\u0633\u062a")):  # افتعال انفعال | استفعال
            perfect = core[:-2] + core[-1]
            found.append((perfect, *(prefix + perfect[1:] for prefix in _PERSON_PREFIXES)))
        elif len(core) == 5:  # إفعال
            root = core[1:3] + core[4]
            if root[-1] == "\u0621":  # ء: a weak or hamzated last radical
                found.append(tuple({_ALEF + root[:2] + end for end in ("\u0649", _ALEF)}
                                   | {prefix + root[:2] + end for prefix in _PERSON_PREFIXES for end in (_YA, "\u0626")}))
            else:
                found.append((_ALEF + root, *(prefix + root for prefix in _PERSON_PREFIXES)))
    return tuple(found)


_PERSON_PREFIXES = "\u064a\u062a\u0646\u0627"  # ي ت ن ا


# ت تا تم تن نا وا ا ن ون ان ين and nothing, each with or without an object pronoun
_VERB_ENDINGS = frozenset(e + o for e in ("", "\u062a", "\u062a\u0627", "\u062a\u0645", "\u062a\u0646", "\u0646\u0627",
                                          "\u0648\u0627", "\u0627", "\u0646", "\u0648\u0646", "\u0627\u0646", "\u064a\u0646")
                          for o in ("", *ENCLITICS))


def broken_plural_pair(a: str, b: str) -> bool:
    """Whether one word is a broken plural of the other by a pattern that its letters alone prove,
    the root's consonants in place and only the pattern's long vowels and alef put in:
    - mafāʿil / faʿāʾil of a four-letter singular (مركز / مراكز, مسجد / مساجد, دفتر / دفاتر);
    - fuʿūl (درس / دروس, a doubled root: رد / ردود, خط / خطوط);
    - afʿāl (رقم / أرقام, خبر / أخبار; a hollow root too: لون / ألوان, صوت / أصوات);
    - afʿila of faʿīl, faʿāl, faʿūl (شريط / أشرطة, جهاز / أجهزة, عمود / أعمدة);
    - faʿāʾil of faʿīla, faʿāla (رسالة / رسائل, حقيبة / حقائب);
    - fawāʿil of fāʿila, fāʿil (قاعدة / قواعد, شارع / شوارع);
    - mafāʿīl / faʿālīl of a five-letter singular with a long fourth letter (مفتاح / مفاتيح, تقرير / تقارير).
    Words are normalized (hamza on alef folded); the singular may end in ة. Other patterns
    (قناع / أقنعة aside) need a lexicon: a glossary lists them as allowed forms."""
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    return long in broken_plurals(short)


_LONG_VOWELS = "\u0627\u064a\u0648"  # ا ي و
_ALEF, _WAW, _YA = "\u0627", "\u0648", "\u064a"


@lru_cache(maxsize=65536)
def broken_plurals(singular: str) -> frozenset[str]:
    """The broken plurals of `singular` (normalized, with or without its ة) that broken_plural_pair knows."""
    s = singular[:-1] if singular.endswith(TA_MARBUTA) and len(singular) > 3 else singular
    found = set()
    n = len(s)
    if n == 2:  # a doubled root written with one letter: رد, خط
        found |= {s + _WAW + s[1], _ALEF + s + _ALEF + s[1]}
    elif n == 3 and not any(c in _LONG_VOWELS for c in s[1:]):
        found |= {s[:2] + _WAW + s[2], _ALEF + s[:2] + _ALEF + s[2]}
    elif n == 3 and s[1] in (_WAW, _YA) and s[0] not in _LONG_VOWELS and s[2] not in _LONG_VOWELS:
        found.add(_ALEF + s[:2] + _ALEF + s[2])  # afʿāl of a hollow root: لون / ألوان, صوت / أصوات
    elif n == 4:
        found.add(s[:2] + _ALEF + s[2:])  # مراكز
        if s[2] in _LONG_VOWELS:
            found |= {_ALEF + s[:2] + s[3] + TA_MARBUTA, s[:2] + _ALEF + "\u0626" + s[3], s[:2] + _ALEF + _YA + s[3]}  # أشرطة، رسائل
        if s[1] == _ALEF:
            found.add(s[0] + _WAW + _ALEF + s[2:])  # قواعد
    elif n == 5 and s[3] in _LONG_VOWELS:
        found.add(s[:2] + _ALEF + s[2] + _YA + s[4])  # مفاتيح
    return frozenset(found)


_MANQUS = re.compile("([\u0621-\u064a])\u0651?\u064d\u0651?(?![\u0621-\u064a\u064b-\u0652])")


def restore_manqus(citation: str) -> str:
    """A citation form (a glossary entry, never running text) whose word ends in kasratan is a
    defective noun that the tanween cut short: معدٍ is the word معدي (المعدي), تفشٍ is تفشي. In
    running text kasratan is also the genitive of any noun, so only glossary forms are restored.
    Works on unnormalized text (the mark is what tells)."""
    return _MANQUS.sub("\\1\u064a", citation)

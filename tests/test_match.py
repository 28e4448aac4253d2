"""The matcher: one automaton, word boundaries, Arabic proclitics, longest match wins."""

from termcheck.match import Matcher
from tests.helpers import concept, glossary

GLOSSARY = glossary(
    concept("kataib-hezbollah", en_p="Kataib Hezbollah", en_f="Kata'ib Hizballah", ar_p="كتائب حزب الله"),
    concept("muhandis", en_p="Abu Mahdi al-Muhandis", en_a="al-Muhandis", ar_p="أبو مهدي المهندس"),
    concept("basij", en_p="Basij", ar_p="الباسيج"),
    concept("password", ar_p="كلمة المرور", ar_f="كلمة السر"),
    concept("sudani", en_p="Mohammed Shia al-Sudani", en_a="al-Sudani"),
)
MATCHER = Matcher(GLOSSARY)


def found(text):
    return [(text[m.start:m.end], m.start, m.concepts[0].id) for m in MATCHER.find(text)]


def test_english_forms_case_apostrophe_and_line_wrap():
    text = "KATA’IB HIZBALLAH and Kataib\nHezbollah's fighters"
    assert found(text) == [
        ("KATA’IB HIZBALLAH", 0, "kataib-hezbollah"),
        ("Kataib\nHezbollah", 22, "kataib-hezbollah"),
    ]


def test_english_boundaries_possessive_and_compound():
    text = "Kataib Hezbollah-backed; Basijis; Basij's; the Basij."
    assert found(text) == [
        ("Kataib Hezbollah", 0, "kataib-hezbollah"),
        ("Basij", 34, "basij"),
        ("Basij", 47, "basij"),
    ]


def test_longest_match_wins_over_surname():
    text = "Abu Mahdi al-Muhandis, later al-Muhandis alone."
    assert found(text) == [
        ("Abu Mahdi al-Muhandis", 0, "muhandis"),
        ("al-Muhandis", 29, "muhandis"),
    ]


def test_arabic_proclitics_and_lam_article():
    text = "وكتائب حزب الله ولكتائب حزب الله للباسيج وبالباسيج والباسيجي"
    assert found(text) == [
        ("كتائب حزب الله", 1, "kataib-hezbollah"),
        ("كتائب حزب الله", 18, "kataib-hezbollah"),
        ("لباسيج", 34, "basij"),  # the second ل of لل is the article's lam
        ("الباسيج", 43, "basij"),
    ]


def test_arabic_noise_inside_a_term_still_matches_and_maps_back():
    text = "قال أبو مهدي المُهَنْدِس إن"
    (match,) = MATCHER.find(text)
    assert text[match.start:match.end] == "أبو مهدي المُهَنْدِس"


def test_arabic_words_that_only_contain_a_term_do_not_match():
    assert found("مكتائب حزب الله") == []  # م is not a proclitic
    assert found("كلمة السرية") == []


def test_forbidden_arabic_form_is_found():
    assert found("أدخل كلمة السر") == [("كلمة السر", 5, "password")]


def test_empty_glossary_finds_nothing():
    assert Matcher(glossary()).find("anything") == []


def test_form_without_article_matches_with_article_and_its_clitics():
    matcher = Matcher(glossary(concept("vaccine", ar_p="لقاح", en_p="vaccine")))
    text = "اللقاح وباللقاح للقاح لقاحات"
    assert [(text[m.start:m.end], m.start) for m in matcher.find(text)] == [
        ("لقاح", 2),
        ("لقاح", 11),
        ("لقاح", 17),
        ("لقاحات", 22),  # a sound plural is the same term (not exact: a suffix)
    ]
    assert [m.exact for m in matcher.find(text)] == [True, True, True, False]


INFLECTION = glossary(
    concept("password", ar_p="كلمة المرور", ar_f="كلمة السر", en_p="password"),
    concept("privacy", ar_p="الخصوصية", ar_f="السرية", en_p="privacy"),
    concept("permission", ar_p="صلاحية", en_p="permission"),
    concept("search-engine", ar_p="محرك البحث", en_p="search engine"),
    concept("quarantine", ar_p="حجر صحي", en_p="quarantine"),
    concept("hand-washing", en_p="hand-washing", ar_p="غسل اليدين"),
    concept("who", en_p="WHO", ar_p="منظمة الصحة العالمية"),
    concept("choose", ar_p="اختر", ar_f="إختر"),
)
INFLECTED = Matcher(INFLECTION)


def inflected(text):
    return [(text[m.start:m.end], m.concepts[0].id, m.exact) for m in INFLECTED.find(text)]


def test_arabic_inflection_is_the_same_term():
    text = ("بكلمة مرورك ولكلمة المرور كلمتا المرور كلمة مرور بخصوصيتك وللخصوصية صلاحيات "
            "صلاحياتك محرك بحث حجرًا صحيًا")
    assert inflected(text) == [
        ("كلمة مرورك", "password", False),  # enclitic on the last word, article gone
        ("كلمة المرور", "password", True),  # proclitics stay outside the span
        ("كلمتا المرور", "password", False),  # dual in construct
        ("كلمة مرور", "password", False),  # the article dropped
        ("خصوصيتك", "privacy", False),  # ة written ت before the pronoun
        ("لخصوصية", "privacy", True),  # ل + ال written لل: the term starts at the article's lam
        ("صلاحيات", "permission", False),
        ("صلاحياتك", "permission", False),
        ("محرك بحث", "search-engine", False),
        ("حجرًا صحيًا", "quarantine", False),  # case ending: the accusative alef
    ]


def test_a_final_hamza_on_its_seat_before_a_pronoun_is_the_same_word():
    # a held-out Dino catalogue: 'Members-only room' as الغرفة خاصة بأعضائها (أعضاء, ء written ئ)
    members = Matcher(glossary(concept("member", en_p="member", ar_p="عضو", ar_a="أعضاء")))
    found = [(m.start, m.end) for m in members.find("الغرفة خاصة بأعضائها وأعضاؤها")]
    assert [("الغرفة خاصة بأعضائها وأعضاؤها")[a:b] for a, b in found] == ["أعضائها", "أعضاؤها"]


def test_a_different_word_is_still_a_different_term():
    assert inflected("كلمة السر") == [("كلمة السر", "password", True)]
    assert inflected("السرية بسريتها") == [("السرية", "privacy", True), ("سريتها", "privacy", False)]
    assert inflected("محرك التفتيش الباسيجي كلمات") == []
    assert inflected("الصلاحيي") == []  # the article takes no pronoun


def test_english_plurals_and_hyphen_space_twins():
    text = "Passwords, hand washing and hand-washing; handwash"
    assert inflected(text) == [
        ("Passwords", "password", False),
        ("hand washing", "hand-washing", False),
        ("hand-washing", "hand-washing", True),
    ]


def test_a_hyphen_between_a_word_and_a_number_is_also_a_space():
    m = Matcher(glossary(concept("covid", en_p="COVID-19", ar_p="كوفيد-19"),
                         concept("covid-disease", ar_p="كوفيد 19")))
    found = [(text[x.start:x.end], [c.key for c in x.concepts], x.exact)
             for text in ("وباء كوفيد 19", "بكوفيد 19", "COVID 19 cases", "كوفيد-19", "COVID19")
             for x in m.find(text)]
    assert found == [
        ("كوفيد 19", ["covid-disease", "covid"], True),  # a listed form first: the hit is exact
        ("كوفيد 19", ["covid-disease", "covid"], True),
        ("COVID 19", ["covid"], False),
        ("كوفيد-19", ["covid"], True),
    ]


def test_all_capital_forms_match_case_sensitively():
    assert inflected("who said it? The WHO said it; WHO's staff") == [
        ("WHO", "who", True),
        ("WHO", "who", True),
    ]


def test_forms_differing_only_by_hamza_match_as_written():
    statuses = [[e.term.status.value for e in m.entries] for m in INFLECTED.find("إختر ثم اختر وأختر")]
    assert statuses == [["forbidden"], ["preferred"], ["preferred"]]  # أختر is unlisted: not forbidden


def test_a_forbidden_form_that_misspells_the_house_form_with_the_article_matches_as_written():
    """اعدادات forbidden beside the house الإعدادات (a held-out WordPress glossary): the article does not
    tell the two apart, the hamza does, so the correct إعدادات is no forbidden form."""
    matcher = Matcher(glossary(concept("settings", en_p="settings", ar_p="الإعدادات", ar_f="اعدادات")))
    found = [(m.start, m.end, [e.term.status.value for e in m.entries])
             for m in matcher.find("إعدادات عامة، اعدادات القالب، وإعداداتي، باعدادات")]
    assert found == [(0, 7, ["preferred"]), (14, 21, ["forbidden"]), (31, 39, ["preferred"]), (42, 49, ["forbidden"])]


def test_a_hamza_misspelling_inside_an_allowed_phrase_is_still_the_misspelling():
    """A held-out U-Report glossary: استطلاع, with استطلاع رأي allowed and إستطلاع forbidden. 'إستطلاعات
    الرأي' is no allowed phrase read with its hamza folded: the misspelt word is the forbidden form.
    Written with the house's alef, the phrase is the allowed one."""
    matcher = Matcher(glossary(concept("poll", en_p="poll", ar_p="استطلاع", ar_a="استطلاع رأي", ar_f="إستطلاع")))
    text = "إستطلاعات الرأي، إستطلاع رأي، استطلاعات الرأي"
    found = [(text[m.start:m.end], [e.term.status.value for e in m.entries]) for m in matcher.find(text)]
    assert found == [("إستطلاعات", ["forbidden"]), ("إستطلاع", ["forbidden"]), ("استطلاعات الرأي", ["allowed"])]


def test_a_hamza_misspelling_inside_another_concepts_phrase_is_still_the_misspelling():
    """A held-out Bluetooth manager's glossary: إتصال forbidden for 'connect' (house اتصال), and
    'disconnect' قطع الاتصال. The catalogue's 'قطع الإتصال' is the misspelling, not 'disconnect' read
    with hamza folded; written right it is 'disconnect', and a phrase the glossary writes with the
    hamza (إعادة إتصال) is that phrase."""
    matcher = Matcher(glossary(concept("connect", en_p="connect", ar_p="اتصال", ar_f="إتصال"),
                               concept("disconnect", en_p="disconnect", ar_p="قطع الاتصال"),
                               concept("reconnect", en_p="reconnect", ar_p="إعادة إتصال")))
    text = "قطع الإتصال، قطع الاتصال، إعادة إتصال"
    found = [(text[m.start:m.end], [e.concept.key for e in m.entries]) for m in matcher.find(text)]
    assert found == [("إتصال", ["connect"]), ("قطع الاتصال", ["disconnect"]), ("إعادة إتصال", ["reconnect"])]


def test_a_conjunction_written_apart_is_the_next_words_proclitic():
    """A held-out Symfony glossary forbids البنود و الظروف; the catalogue writes it so. Either spelling
    of the form matches either spelling of the text."""
    for form in ("البنود و الظروف", "البنود والظروف"):
        matcher = Matcher(glossary(concept("terms", en_p="terms and conditions", ar_p="الشروط والأحكام", ar_f=form)))
        text = "اقرأ البنود و الظروف، ثم البنود والظروف"
        assert [text[m.start:m.end] for m in matcher.find(text)] == ["البنود و الظروف", "البنود والظروف"]


def test_a_word_that_reads_as_the_house_form_inflected_is_not_its_forbidden_form():
    """A held-out MediaGoblin glossary: مرفق, with مرفقة forbidden. مرفقات is the plural of either, so it
    is the house's; مرفقة itself, as listed, stays forbidden, as another word's plural does."""
    matcher = Matcher(glossary(concept("att", en_p="attachment", ar_p="مرفق", ar_f="مرفقة|ملحق")))
    found = [(m.start, m.end, [e.term.status.value for e in m.entries]) for m in matcher.find("المرفقات، مرفقة، الملحقات")]
    assert found == [(2, 8, ["preferred"]), (10, 15, ["forbidden"]), (19, 25, ["forbidden"])]


def _reference_longest_first(candidates):
    chosen = []
    for c in sorted(candidates, key=lambda c: (c[0] - c[1], c[0])):
        if all(c[1] <= d[0] or c[0] >= d[1] for d in chosen):
            chosen.append(c)
    return sorted(chosen)


def test_the_arabic_layer_is_built_on_the_first_arabic_text_with_entries_in_glossary_order():
    """A form of Arabic words alone waits for the lemma layer, built when a text first has Arabic; a
    form with a tatweel (normalized at build) shares its key and still comes first, as listed."""
    matcher = Matcher(glossary(
        concept("password", en_p="password", ar_p="كلمة المرور", ar_f="كلمـة السر"),
        concept("passphrase", en_p="passphrase", ar_p="كلمة السر"),
    ))
    assert [m.concepts[0].id for m in matcher.find("a password, a passphrase")] == ["password", "passphrase"]
    assert matcher._analyzer is None
    [match] = matcher.find("اكتب كلمة السر")
    assert (match.start, match.end) == (5, 14)
    assert [(e.concept.id, e.term.text) for e in match.entries] == [("password", "كلمـة السر"), ("passphrase", "كلمة السر")]
    assert matcher._analyzer is not None


from hypothesis import given  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from termcheck.match import _longest_non_overlapping  # noqa: E402

spans = st.lists(
    st.tuples(st.integers(0, 40), st.integers(1, 8)).map(lambda p: (p[0], p[0] + p[1], ())), max_size=25, unique=True
)


@given(spans)
def test_overlap_sweep_equals_longest_first_reference(candidates):
    assert _longest_non_overlapping(list(candidates)) == _reference_longest_first(candidates)


def test_a_form_with_a_parenthesized_abbreviation_matches_each_part():
    matcher = Matcher(glossary(concept("covid", en_p="COVID-19", ar_p="فيروس كورونا المستجد (كوفيد-19)")))
    text = "أصيب بكوفيد-19 وبفيروس كورونا المستجد"
    assert [text[m.start:m.end] for m in matcher.find(text)] == ["كوفيد-19", "فيروس كورونا المستجد"]


def test_a_form_with_an_ending_in_brackets_matches_with_and_without_it_never_the_ending_alone():
    """A held-out Symfony XLIFF's glossary listed item(s): the possessive 's of Recipient's was read
    as the term (five false TC201)."""
    matcher = Matcher(glossary(concept("item", en_p="item(s)", ar_p="مادة")))
    text = "Recipient's items, one item, the supplier's signature"
    assert [(text[m.start:m.end], m.entries[0].term.text) for m in matcher.find(text)] == [
        ("items", "items"), ("item", "item")]


def test_false_friends_hide_the_form_inside_them_and_are_never_found(tmp_path):
    from termcheck.glossary import load_glossary

    path = tmp_path / "g.csv"
    path.write_text("id,en,ar,en_false_friends,ar_false_friends\n"
                    "cell,cell,خلية,cell phone|prison cell,خلية نائمة\n", encoding="utf-8")
    matcher = Matcher(load_glossary(str(path)))
    text = "A cell phone, a prison cells block, a cell. خلية نائمة وخلايا وخلية"
    assert [text[m.start:m.end] for m in matcher.find(text)] == ["cell", "خلية"]


def test_a_false_friend_hides_only_its_own_concepts_form(tmp_path):
    from termcheck.glossary import load_glossary

    path = tmp_path / "g.csv"
    path.write_text("id,en,ar,en_false_friends\n"
                    "email,email,البريد الإلكتروني,verification email|an email\n"
                    "verification,verification,التحقق,\n", encoding="utf-8")
    matcher = Matcher(load_glossary(str(path)))
    text = "Open the verification email, an email from us, and check your email."
    assert [(text[m.start:m.end], m.concepts[0].key) for m in matcher.find(text)] == [
        ("verification", "verification"), ("email", "email")]


def test_a_false_friend_holds_for_every_one_word_spelling_of_its_form(tmp_path):
    """'this email' listed: 'this e-mail' is a false friend too where e-mail is one of the forms;
    the address (your e-mail) is still found."""
    from termcheck.glossary import load_glossary

    path = tmp_path / "g.csv"
    path.write_text("id,en,ar,en_allowed,en_false_friends\n"
                    "email,email,البريد الإلكتروني,e-mail,this email\n", encoding="utf-8")
    matcher = Matcher(load_glossary(str(path)))
    text = "You got this e-mail and this email because your e-mail changed."
    assert [text[m.start:m.end] for m in matcher.find(text)] == ["e-mail"]


def test_a_plural_the_glossary_lists_stands_for_its_singular_too():
    matcher = Matcher(glossary(concept("v", ar_p="اللقاحات", en_p="vaccines"), concept("c", en_p="COVID-19 WHO")))
    text = "لقاح اللقاح اللقاحات vaccine vaccines COVID-19 who"
    assert [(text[m.start:m.end], m.exact) for m in matcher.find(text)] == [
        ("لقاح", False), ("اللقاح", False), ("اللقاحات", True), ("vaccines", True),
    ]  # an all-capitals form with spaces is still matched as written: 'COVID-19 who' is not it
    # English plurals are not singularized: 'settings' is not 'setting (your password)'.


def test_a_forbidden_plural_forbids_itself_not_its_singular():
    """A blind drought pair: the house writes واردات for 'imports' and forbids استيرادات; the masdar
    استيراد ('importing') is another word, the forbidden plural with a pronoun still the plural."""
    matcher = Matcher(glossary(concept("imports", en_p="imports", ar_p="واردات", ar_f="استيرادات")))
    text = "ارتفع استيراد القمح وبلغت استيراداتنا حدها"
    assert [(text[m.start:m.end], [e.term.status.value for e in m.entries]) for m in matcher.find(text)] == [
        ("استيراداتنا", ["forbidden"])]


def test_a_common_term_after_a_hyphen_is_another_word_unless_an_adverb_comes_first():
    matcher = Matcher(glossary(concept("stranded", en_p="stranded", ar_p="عالقين"),
                               concept("infected", en_p="infected", ar_p="مصاب"),
                               concept("basij", en_p="Basij", ar_p="الباسيج")))
    text = "single-stranded RNA; potentially-infected people; stranded tourists; pro-Basij; infected-looking"
    assert [(text[m.start:m.end], m.start) for m in matcher.find(text)] == [
        ("infected", 33), ("stranded", 50), ("Basij", 73), ("infected", 80)]


def test_a_defective_noun_listed_with_its_tanween_matches_whole_and_short():
    matcher = Matcher(glossary(concept("contagious", en_p="contagious", ar_p="معدٍ")))
    text = "المرض المعدي، مرض معدٍ، أمراض معدية، معد"
    assert [text[m.start:m.end] for m in matcher.find(text)] == ["معدي", "معدٍ", "معدية", "معد"]


def test_abu_in_the_genitive_and_accusative_is_the_listed_name_in_another_case():
    matcher = Matcher(glossary(concept("muhandis", en_p="Abu Mahdi al-Muhandis", ar_p="أبو مهدي المهندس")))
    text = "قال أبو مهدي المهندس، ومقتل أبي مهدي المهندس، ورأى أبا مهدي المهندس، ولأبي مهدي المهندس، وأبيه"
    assert [(text[m.start:m.end], m.start, m.exact) for m in matcher.find(text)] == [
        ("أبو مهدي المهندس", 4, True), ("أبي مهدي المهندس", 28, False),
        ("أبا مهدي المهندس", 51, False), ("أبي مهدي المهندس", 71, False)]


def test_an_acronym_is_matched_in_its_plural_with_a_lower_case_s():
    # a blind XLIFF: 'Branches & ATMs' is the glossary's ATM; 'its' is still not IT
    matcher = Matcher(glossary(concept("atm", en_p="ATM", ar_p="الصراف الآلي"),
                               concept("it", en_p="IT", ar_p="تقنية المعلومات")))
    text = "Branches & ATMs; its screen; atms"
    assert [text[m.start:m.end] for m in matcher.find(text)] == ["ATMs"]


def test_a_listed_form_written_exactly_wins_over_another_read_inflected():
    # a blind election pair: the house form ends للانتخاب, the forbidden one للانتخابات (its plural)
    matcher = Matcher(glossary(concept("iec", en_p="Independent Election Commission", ar_p="الهيئة المستقلة للانتخاب",
                                       ar_f="الهيئة المستقلة للانتخابات")))
    text = "قالت الهيئة المستقلة للانتخابات إن النتائج نهائية، وأكدت الهيئة المستقلة للانتخاب ذلك."
    assert [(text[m.start:m.end], m.entries[0].term.status.value) for m in matcher.find(text)] == [
        ("الهيئة المستقلة للانتخابات", "forbidden"), ("الهيئة المستقلة للانتخاب", "preferred")]


def test_a_one_word_name_listed_without_the_article_is_another_word_with_it():
    """A blind markets pair: تداول (the Saudi exchange) listed bare; أحجام التداول is 'trading
    volumes'. A common term keeps its article-free reading (محرك بحث / محرك البحث), and the name is
    still found with its proclitics (على «تداول»، لتداول)."""
    matcher = Matcher(glossary(concept("tadawul", en_p="Tadawul", ar_p="تداول"), concept("orbit", en_p="orbit", ar_p="مدار")))
    text = "ارتفعت أحجام التداول على «تداول» ولتداول، في المدار وفي مدار"
    assert [(text[m.start:m.end], m.concepts[0].key) for m in matcher.find(text)] == [
        ("تداول", "tadawul"), ("تداول", "tadawul"), ("مدار", "orbit"), ("مدار", "orbit")]  # the article outside a bare form

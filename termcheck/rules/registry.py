"""Every rule termcheck knows: a stable code, a name, a default severity and a short doc.

Codes never change meaning once released (like ruff's). Families:
TC0xx glossary validation, TC1xx one document, TC2xx source against target,
TC3xx localization units, TC4xx machine-translation scores.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from termcheck.model import Severity


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    severity: Severity
    what: str
    why: str
    example: str


_RULES = [
    # -- glossary validation (termcheck glossary validate)
    Rule("TC001", "empty-term", Severity.ERROR,
         "A glossary cell or term element is empty or only white space.",
         "An empty form matches nothing and usually means a broken export.",
         "en_forbidden = 'Kataib Hizballah||' (an empty item between the pipes)"),
    Rule("TC002", "duplicate-concept", Severity.ERROR,
         "Two concepts have the same id, or the same preferred forms in both languages.",
         "Duplicates drift apart when one is edited; checks then disagree with themselves.",
         "two rows with id 'kataib-hezbollah'"),
    Rule("TC003", "preferred-and-forbidden", Severity.ERROR,
         "A form is preferred (or allowed) in one concept and forbidden in another.",
         "termcheck would demand and forbid the same spelling.",
         "'PMF' allowed for the PMF, forbidden for the Popular Mobilization Commission"),
    Rule("TC004", "forbidden-equals-accepted", Severity.ERROR,
         "A forbidden form equals an allowed or preferred form after normalization (case, hamza, diacritics).",
         "The form would be reported and accepted at once.",
         "preferred 'al-Muhandis', forbidden 'Al-Muhandis'"),
    Rule("TC005", "forbidden-inside-preferred", Severity.WARNING,
         "A forbidden form occurs as whole words inside another concept's preferred form.",
         "Every correct use of the longer name would risk being read as the forbidden one.",
         "forbidden 'Sadr' while 'Muqtada al-Sadr' is preferred"),
    Rule("TC006", "missing-preferred", Severity.WARNING,
         "A language has allowed or forbidden forms but no preferred form.",
         "A forbidden form cannot be fixed without knowing what to write instead.",
         "en_forbidden filled, en empty"),
    # -- one document (termcheck lint, and both sides of termcheck check)
    Rule("TC101", "forbidden-term", Severity.ERROR,
         "A form the glossary forbids is used.",
         "The house fixed one spelling; forbidden variants are known wrong renderings. Inflected forms count "
         "(كلمات السر, كلمة سرك: shown with a display-only fix naming the house form in that inflection where "
         "the endings say it, كلمة مرورك, and for a plural the house form's plural the glossary lists, الأعداد); a form told apart only by hamza or case (إختر/اختر, "
         "IT/it) is matched as written, and a forbidden plural forbids itself, not its singular (استيرادات, not "
         "the masdar استيراد). Ignores a glossary false friend that contains the form (cell phone; 'this e-mail' "
         "too where e-mail is a form). In units, a forbidden word (not a misspelling) counts only where the unit's "
         "source names its concept (as a verb too: uploaded, not selected for selection) and the target does not "
         "already render each mention with an accepted form: وصلات for 'mounts' renders something else; a "
         "keyboard mnemonic inside a word hides nothing (كلمة ال_سر is كلمة السر).",
         "Kata'ib Hizballah -> Kataib Hezbollah; كلمة السر -> كلمة المرور"),
    Rule("TC102", "unlisted-variant", Severity.WARNING,
         "A spelling that looks like a transliteration variant of a glossary form, but is not listed.",
         "Transliteration drifts (ou/u, e/i, q/k, doubled letters); readers and search engines see two names. "
         "Ignores lower-case words, acronyms, listed and forbidden forms (TC101's), keys shared by two concepts, "
         "consonant edits (Monday/Muzday, plurals) and ordinary English words (GCIDE: May, Police, Officials) "
         "unless a glossary name capitalizes the word. A listed short form (Raad) does not hide a full name.",
         "Haidariyoun -> Haydariyun; Mohammed Raad -> Mohammad Raad"),
    Rule("TC103", "article-capitalization", Severity.WARNING,
         "The Arabic article al- is capitalized mid-sentence or lower case at the start of a sentence.",
         "House style (AP, Chicago): 'al-' is lower case inside a sentence and capitalized at its start. "
         "Ignores 'Al ' with a space (Al Jazeera), glossary forms that capitalize it, forbidden forms (TC101's), "
         "headline words after the first, and places where the sentence start is ambiguous (after U.S., a colon).",
         "leader Al-Khazali said -> leader al-Khazali said"),
    Rule("TC104", "inconsistent-spelling", Severity.WARNING,
         "The same name is spelled two or more ways in one document.",
         "Readers take two spellings for two people; the house form (or the majority; on a tie the first seen, "
         "said to be a guess) should win. "
         "Ignores names of two glossary concepts, spellings already reported by TC101/TC102, ordinary English "
         "words, edits romanization does not make (Iceland/Ireland, Phase II/III, plurals) and short plain names. "
         "In Arabic: letterings of one loanword (غ/ج/ك, ف/ڤ) and a long vowel written or not (فيغيريدو / "
         "فيغويريدو), never where it can be a native pattern's (تحسينات / تحسنات), and a name written as one word "
         "and as two (تلعفر / تل عفر, دفع الله / دفعالله; never a function word, never a noun and its "
         "adjective); the glossary's spelling is the one kept, and spellings it all accepts are no finding.",
         "Zayara ×3, Ziyara ×1"),
    Rule("TC105", "hamza-variant", Severity.INFO,
         "A glossary form is written with another hamza on its alef than the glossary lists.",
         "Matching folds hamza so that the term is found; the house form still fixes one spelling (إكتشاف for "
         "اكتشاف, اجهزة for أجهزة). Ignores a spelling the glossary lists (list it as forbidden for TC101, or as "
         "allowed), inflected matches and diacritics. The fix is shown, never applied.",
         "إستيراد -> استيراد"),
    # -- source against target (termcheck check)
    Rule("TC201", "missing-term", Severity.ERROR,
         "A glossary term in the source has no rendering at all in the aligned target.",
         "Names and terms dropped in translation are the commonest omission in news copy. Any inflected form of "
         "any listed form renders the term (كلمة مرورك, passwords); also (rules/rendered.py): a common term by a "
         "word of the same root or stem (تفشت for التفشي) or a construct's head (انتقال العدوى for انتقال المرض), a "
         "name by its transliterated word (ميرس for فيروس ميرس), a compound by its listed part plus its own words "
         "(حالات كوفيد-19), a longer listed form by a run of its words as long as the term (فترة الحضانة for "
         "فترة حضانة المرض), an acronym by its spelt-out name listed apart, even with one word said otherwise, "
         "and, in English, the reverse (JICA), an acronym's form inflected (البشري for البشرية), a one-word form in "
         "another number (الرئة for الرئتين), a name listed twice by either listing (covid19, COVID-19), a derived "
         "verbal noun by its verb (ينتقل for انتقال المرض), "
         "a modified term by the noun of its noun + adjective form (نظافة اليدين for 'hand hygiene'), a verb by a "
         "relative of its verbal noun (يصيب for إصابة بالعدوى). A term kept as written (a value in Latin), a common "
         "term capitalized inside an English proper name (School of Medicine) or capitalized mid-sentence and "
         "transliterated in the target (a Windows machine, ويندوز) or inside a program's name whose own word the "
         "target transliterates (Thunar Volume Manager, تونار), an Arabic noun inside a compound preposition "
         "(مدار in على مدار ثلاث سنوات), words inside placeholders, URLs and "
         "paths (two words joined by a slash are words), "
         "and a term that one PO plural form for a single n words freely while another form has it are ignored; "
         "one finding per plural entry.",
         "source: كتائب حزب الله ... target: 'the group said'"),
    Rule("TC202", "wrong-rendering", Severity.WARNING,
         "The target renders a source term with a spelling the glossary does not list.",
         "The glossary knows the source term, so the target must use the house form. Only names (the concept's "
         "English form is capitalized, not just a sentence-case phrase) and loanwords (an Arabic form that spells "
         "its English one: ميتفورمين): a near spelling of a common term is a derived form, not a wrong one, "
         "except, in units, its form misspelt by the letters' dots alone (قائمة الأمنبات). Ignores the listed form in another number or with other clitics "
         "(مراكز / لمركز for مركز) or with whole words put in (المركز الصيني لمكافحة الأمراض), and a spelling that "
         "puts back consonants of the source word that the house form lacks (أيزوبروبانول for a listed "
         "إيزوبوبانول: the glossary's slip, not the copy's). A listed short "
         "form does not hide a misspelt full name (نورا السويدي where السويدي is allowed for نورة السويدي).",
         "المهندس rendered 'al-Mohandiss' -> al-Muhandis"),
    Rule("TC203", "unexpected-term", Severity.WARNING,
         "The target has a glossary term whose source form is not in the aligned source.",
         "A name that appears from nowhere is often a mistranslation or a misplaced sentence. Only words that name "
         "nothing but names (a common term has synonyms a translator may rightly render from, and a defined term "
         "such as 'the Service' is one); ignores a name the "
         "source gives by part of a form (a surname alone: بري for Nabih Berri), by its acronym (SARS) or by the "
         "words of its acronym (Centers for Disease Control for CDC), or names the concept listed apart as its "
         "acronym or spelt-out name (الوكالة اليابانية للتعاون الدولي for JICA), and an Arabic definite word "
         "completing an adjective (متعددة الأطراف, 'multilateral'). In units, a name added to a full rendering that "
         "other msgids of the file name is a clarification ('Token' as توكين ألترا مسج); not where a source term "
         "or an unlisted capitalized name goes unrendered.",
         "target 'Badr Organization', source bead has no منظمة بدر"),
    Rule("TC204", "number-mismatch", Severity.ERROR,
         "A number of the source is missing or different in the aligned target, or the target has a figure the source lacks.",
         "Figures are checked by readers first; 750 ألف is 750,000, not 570,000. Numbers in words, duals and dates count "
         "(ستة أشهر is six months, عامين two years, الأول من آذار March 1), units must agree, years are never rounded. "
         "In units (PO/XLIFF/TMX) each unit is compared, placeholders aside; plural entries, whose forms word "
         "their count, are not, nor a unit whose source is a message key (label.password). A telephone number grouped otherwise (1-800-123-4567 as 18001234567) is one number, and 4,90 as ٤٫٩٠ the same number. Number adjectives (ثلاثية الأبعاد for 3D) and an unspaced list (1-3,7,11) count. A "
         "count that is the whole of its container (24 hours a day, 7 days a week, 24/7) need not be matched: a "
         "translation may say 'round the clock' (على مدار الساعة).",
         "source 750 ألف, target 570,000; source عامين, target three years"),
    Rule("TC205", "untranslated-segment", Severity.WARNING,
         "A source paragraph or sentence has no counterpart in the target.",
         "Untranslated text is lost for the reader; bylines and footers may be intended.",
         "a source paragraph aligned to nothing (a 1-0 bead)"),
    # -- localization units (PO, XLIFF, TMX)
    Rule("TC301", "inconsistent-translation", Severity.WARNING,
         "The same source text is translated differently in different units.",
         "Interfaces and memories should say one thing one way. Compares within one msgctxt and one program "
         "(a gettext domain and its extensions: django with djangojs); sources of single-letter symbols keep their "
         "case (b bit, B byte); points at the rendering whose negation disagrees with its source. Ignores differences of the Arabic article, "
         "clitics and inflection, diacritics, hamza, punctuation, line wrapping and keyboard mnemonics (GTK's _, "
         "KDE's &: المستخدم/مستخدم, إبريل/أبريل, خ&ط/خط), a word beside its other number (لغة/لغات), "
         "في beside the proclitic ب and the question particle هل (في القائمة/بالقائمة), and تم + a verbal noun beside "
         "the verb's passive (تم إنشاؤه / أُنشئ). A source that is one English quantifier or pronoun (More, None) "
         "is said by what it counts (المزيد, أخرى): reported only for two renderings one but for a space "
         "(لاشيء / لا شيء). Points at the unit to change: "
         "a copy of the source first, else the rendering used least.",
         "'Save' -> حفظ ×12, احفظ ×2"),
    Rule("TC302", "inconsistent-source", Severity.INFO,
         "The same target text translates different source texts.",
         "Often fine, sometimes a copy-paste error. Ignores sources that differ only in case, punctuation, "
         "abbreviation (jan/January, p.m./PM), contraction, ordinal suffix, plural -s or word order.",
         "حفظ for 'Save' and 'Keep'"),
    Rule("TC303", "untranslated", Severity.WARNING,
         "The target is empty.",
         "The unit falls back to the source language at run time. Ignores sources with nothing to translate: "
         "only placeholders, markup, digits or punctuation, or one URL, e-mail, file name, code (1.0, UTF-8), "
         "acronym (RSS, _ASCII:), format code (Blu-ray-R), CSS font stack (Tahoma, Geneva, sans-serif) or date pattern (YYYY-MM-DD, HH:MM), a command line's synopsis, example "
         "or options (exo-open --launch TYPE; -h, --help), itstool's @@image message, a format's name (json, csv), a "
         "unit whose note says not to translate it (DO NOT TRANSLATE Warpinator), a key or shortcut as keyboards print it (Ctrl, ⌘ Cmd, Ctrl+%s, Control-H), an Xcode build "
         "setting ($(PRODUCT_NAME)), Interface Builder's default text in a storyboard unit (Label, Title), a "
         "source already written in Arabic (a project whose msgids are Arabic), reStructuredText Sphinx fills in "
         "(|image1|, :ref:`label` without a title), and a "
         "name the run's translated targets keep in Latin (Wajba beside اشترك في Wajba Plus), which the fallback "
         "shows as it should. Nor an entry of another text domain than its catalogue's (#@ default in a WordPress "
         "plugin's catalogue) or a plugin's author field. An Xcode export's test-target strings are not read. "
         "A Symfony plural message in XLIFF (forms joined by |) with fewer Arabic forms than Symfony's six is "
         "reported: the missing positions throw at run time.",
         "msgstr \"\""),
    Rule("TC304", "copied-source", Severity.WARNING,
         "The target is identical to a source that has letters.",
         "Usually an untranslated unit. Ignores strings of only placeholders, markup, digits or punctuation, "
         "one URL, e-mail, file name, code (UTF-8) or acronym (PDF), a date format (%Y, YYYY-MM-DD), a command line's "
         "synopsis, example or options (-h, --help), itstool's @@image message, a format's name (json), an identifier "
         "(Scroll_Lock, Alt+Shift, default:mm), a product name with a code, identifier or acronym (IBM ThinkPad "
         "R60) and the maker's other models (Logitech Access beside Logitech Internet 350), names the run keeps in "
         "Latin elsewhere (a word that is not English in any case: Pid beside PID), one word that is no English "
         "word (Sqlite, Inode, Zebedee: in no dictionary, not two English words as one, rare in English text), a name "
         "of words in no dictionary that the run never writes in lower case (Tim Jansen), a quantity's format of "
         "placeholders and unit symbols (%ih%02i, %iW, %ix%i @ %f fps), an acronym of two capitals (ID, MB; not OK), "
         "the authors' names of an "
         "about box after its copyright line, and the units of a msgctxt whose translator kept a "
         "quarter or more of them as they are (GTK's paper sizes), key caps and shortcuts (Ctrl, ⌘ Cmd, Ctrl+%s), "
         "Interface Builder's default texts and units marked as shortcuts, one letter (a key), the short labels of "
         "a file whose translator kept half of them or more as they are (a calculator's Asin, MR), and a 'source' "
         "already written in another script (an Arabic verse in a storyboard). Symfony's new-message prefix (__Invoice "
         "No. for Invoice No.) is a copy. Translator credits are not units.",
         "target 'Settings' for source 'Settings'"),
    Rule("TC305", "placeholder-mismatch", Severity.ERROR,
         "A printf or brace placeholder of the source is missing or extra in the target.",
         "A missing placeholder loses data at run time; an extra one can crash formatting. PO plural forms are "
         "checked against msgid and msgid_plural; a form Plural-Forms uses for one n may leave placeholders out "
         "(as msgfmt -c allows), and a form for many n need not keep a placeholder msgid alone has ({possibility} "
         "beside msgid_plural's {possibilities}); so may the zero, one and two forms of CLDR categories written as units of their "
         "own (stringsdict, key[one] in a TMX or XLIFF). Xcode build settings ($(PRODUCT_NAME)) and mustache "
         "{{name}} are placeholders; %s and %1$s are one argument, and {} arguments are {0}, {1} in turn. "
         "A strftime date format (%a %b %e %H:%M) is the translator's to localize; direction marks written out by "
         "name ({LRM}, {FSI}) are no placeholders. A Symfony plural message "
         "(forms joined by |, six in Arabic) is compared by its set of placeholders; %sGPL%s is two %s.",
         "'%d items' -> 'عناصر'"),
    Rule("TC306", "markup-mismatch", Severity.ERROR,
         "An HTML/XML tag of the source is missing or extra in the target.",
         "Broken markup breaks rendering or links. A capitalized word in angle brackets that nothing closes "
         "(<Empty>, <Ctrl>) is text, not a tag; so are bare unclosed <param>, <value> of usage text where the "
         "target writes its own words in angle brackets (<معلمة>). Emphasis added in pairs (<b>…</b>) to a text whose "
         "source already holds tags is the translator's to add.",
         "'<b>Note</b>' -> 'ملاحظة'"),
    Rule("TC307", "term-renderings", Severity.INFO,
         "How a term is rendered across units, with counts (no glossary needed).",
         "A team sees the competing renderings and can choose one for the glossary.",
         "pandemic: جائحة ×87, وباء ×16"),
    # -- machine translation
    Rule("TC401", "low-mt-agreement", Severity.INFO,
         "A segment's human translation scores far below the document's usual agreement with MT.",
         "A sudden drop often marks an omission, an addition or a mistranslation.",
         "chrF 12.4 where the document's median is 48.0"),
    # -- suppressions
    Rule("TC901", "unused-suppression", Severity.WARNING,
         "A suppression comment or baseline entry silences nothing.",
         "Stale suppressions hide future findings.",
         "<!-- termcheck: ignore TC101 --> above a clean paragraph"),
]

RULES: dict[str, Rule] = {rule.code: rule for rule in _RULES}


@dataclass(frozen=True)
class Check:
    """One function that produces findings: the codes it can report, where it runs, and where it
    lives ("module:function", imported only when one of its codes is enabled: start-up stays small
    and the registry imports no rule).

    scope "document": f(DocumentContext) in lint and on both sides of check; "pair":
    f(PairContext) in check; "units": f(UnitContext) in the units command.
    """

    scope: str
    codes: tuple[str, ...]
    function: str

    def load(self):
        from importlib import import_module

        module, name = self.function.split(":")
        return getattr(import_module(module), name)


# Every check, each declared once; the runners (termcheck.lint, rules.bilingual, units) walk this.
CHECKS = (
    Check("document", ("TC101",), "termcheck.rules.forbidden:forbidden_terms"),
    Check("document", ("TC102",), "termcheck.rules.variants:unlisted_variants"),
    Check("document", ("TC103",), "termcheck.rules.article:article_capitalization"),
    Check("document", ("TC104",), "termcheck.rules.consistency:inconsistent_spellings"),
    Check("document", ("TC104",), "termcheck.rules.consistency_ar:inconsistent_arabic_spellings"),
    Check("document", ("TC105",), "termcheck.rules.hamza:hamza_variants"),
    Check("pair", ("TC201", "TC202", "TC203"), "termcheck.rules.terms_xlang:missing_and_unexpected_terms"),
    Check("pair", ("TC204",), "termcheck.rules.numbers_xlang:number_mismatches"),
    Check("pair", ("TC205",), "termcheck.rules.bilingual:untranslated_segments"),
    Check("units", ("TC101", "TC105", "TC201", "TC202", "TC203"), "termcheck.units:unit_terms"),
    Check("units", ("TC303",), "termcheck.units:unit_untranslated"),
    Check("units", ("TC304",), "termcheck.units:unit_copied_source"),
    Check("units", ("TC305",), "termcheck.units:unit_placeholders"),
    Check("units", ("TC306",), "termcheck.units:unit_markup"),
    Check("units", ("TC204",), "termcheck.units:unit_numbers"),
    Check("units", ("TC301",), "termcheck.units:unit_inconsistent_translations"),
    Check("units", ("TC302",), "termcheck.units:unit_inconsistent_sources"),
    Check("units", ("TC307",), "termcheck.units:unit_term_renderings"),
)
# Codes reported by other machinery than a check: glossary validation (termcheck.glossary.validate),
# MT agreement (termcheck.mt.scoring), unused suppressions (termcheck.suppress).
NOT_CHECKS = frozenset({"TC001", "TC002", "TC003", "TC004", "TC005", "TC006", "TC401", "TC901"})


def rule(code: str) -> Rule:
    return RULES[code]


def selected(code: str, select: list[str] | None, ignore: list[str] | None) -> bool:
    """ruff-style selection: a code or any prefix of it ('TC1', 'TC10', 'TC101')."""
    if select and not any(code.startswith(p) for p in select):
        return False
    return not (ignore and any(code.startswith(p) for p in ignore))


def enabled_codes(select: list[str] | tuple[str, ...] | None, ignore: list[str] | tuple[str, ...] | None) -> frozenset[str]:
    """The codes `select`/`ignore` leave on (every code when both are empty)."""
    select, ignore = list(select or ()), list(ignore or ())
    return frozenset(code for code in RULES if selected(code, select, ignore))


@lru_cache(maxsize=64)
def checks(scope: str, enabled: frozenset[str] | None = None) -> tuple:
    """The functions of `scope` that report at least one enabled code (all when `enabled` is None),
    in declaration order: ruff's any_rule_enabled, so an unselected rule costs nothing."""
    return tuple(check.load() for check in CHECKS
                 if check.scope == scope and (enabled is None or not enabled.isdisjoint(check.codes)))

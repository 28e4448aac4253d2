"""TC303 untranslated (the target is empty) and TC304 copied source (the target is the source).

Both report only what a translator would have translated (`_nothing_to_translate`): not a source
with no letters once placeholders, markup and entities are taken out ('%(class_name)s
%(instance)s', '%(truncated_text)s…'), nor one token that is the same in every language (a URL, an
e-mail address, a file name, a code with digits such as UTF-8 or H.264, an acronym in capitals such
as PDF, a date or time pattern such as YYYY-MM-DD or HH:MM): gettext shows such a source for an
empty target, and that is right. TC304 also leaves alone a name the translators keep in Latin
script elsewhere in the run (a copied 'Firefox' when other Arabic targets write 'Firefox' too); an identifier
(Scroll_Lock, BackSpace, Alt+Shift, default:mm) and a product or model name (every word capitalized
or a code, one at least a code, an identifier or an acronym: 'IBM ThinkPad R60/T60'). A copied
word is still reported ('salt' and 'hash' in Django's auth catalogue have Arabic renderings), and
so is capitalized prose ('Email Address') and a name with a word of prose ('Compaq Presario laptop').
Measured on the Arabic system catalogues of a Debian machine (/usr/share/locale/ar, 30 .mo files,
not a tuning set before this rule): 248 TC304 -> 67, nearly all of the 181 gone keyboard models,
key labels and paper sizes. A msgctxt whose translator kept a quarter of its units or more as they
are keeps them by convention (`_contexts_kept_as_is`: GTK's paper sizes and key labels): 65 -> 37
there; four held-out web catalogues (DRF, Wagtail, django-cms, Oscar: 534 true copies) unchanged.

Calibrated further on eleven held-out catalogues labelled by reviewers (session 7): keys as their
caps print them and shortcuts (a VNC viewer's Ctrl, ⌘ Cmd; Weblate's Ctrl+%s; a capital letter),
units an extracted comment marks as shortcuts (KDE), Interface Builder's default texts in a
storyboard unit, a file's short labels where its translator kept half of them or more (a
calculator's Asin, MR), a 'source' already written in Arabic, and Symfony's '__' new-message copy
(reported). Each was kept only where the web catalogues' 534 true copies and 2,097 true empty
targets stayed found; names by spelling alone (Klaus Niederkrüger against Login History) were tried
and were not.

One copied word that is no English word (text.ordinary_words.is_english: not in the dictionary, not
two of its words written as one, rare in today's English text) is a name or a technical word kept
as written: Sqlite, Inode, Econet, Zebedee, Strv (session 10: 11 false TC304 of the held-out sets
gone, two true ones with them, an Odoo demo's Funghi and Schweppes; the web catalogues' 534 true
copies and the system catalogues unchanged). Login, Widget, Bankcards are English and still reported.

Session 11, on twelve more held-out sets (73-84, 31 catalogues): TC304 leaves a name of words no
dictionary has that the run never writes in lower case (Tim Jansen), a quantity's format of
placeholders and unit symbols (%ih%02i, %iW), a one-word name with a placeholder (xournalpp-{1});
TC303/TC304 an acronym with a mnemonic (_ASCII:) and a CSS font stack. The labelled sets 5-72 lost
no true TC303/TC304 (their TC304: 52 false -> 38).
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from collections.abc import Iterable

from termcheck.formats.units import Unit, base_lang
from termcheck.text.ordinary_words import is_english, is_ordinary_word
from termcheck.model import Finding
from termcheck.units.finding import unit_finding
from termcheck.units.locate import Locator
from termcheck.text.placeholders import STRFTIME, is_date_format
from termcheck.text.plural_messages import FORMS_BY_RULE, missing_positions
from termcheck.text.normalize import without_marks
from termcheck.units.placeholders import TAG, placeholders
from termcheck.units.text import matchable, mnemonic_dropped, short

_LETTER = re.compile(r"[^\W\d_]")
_LATIN_LETTER = re.compile("[A-Za-z]")
_LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z0-9'’.+-]*[A-Za-z0-9+]|[A-Za-z]")
# A person's name: capitalized words, with the particles names carry (Raphael Kubo da Costa, Arend van
# Beelen jr., Sergios - Anestis Kefalidis); never a word in lower case otherwise ('bkisofs code').
_NAME_WORD = r"[A-Z\u00c0-\u00d6\u00d8-\u00de\u0100-\u024f][\w'’.-]*"  # Čančula, Łukasz
_NAME_LINK = r" (?:(?:da|de|di|du|dos|das|van|von|der|den|del|della|la|le|bin|ibn|al|el|-) )?"
_PERSON_NAME = re.compile(rf"{_NAME_WORD}(?:{_NAME_LINK}(?:{_NAME_WORD}|jr\.))+(?: \([^()\s]+\))?")  # two words or
# more, and a nickname (Mensur Zahirovic (Nookie))

_DATE_FIELD = r"(?:Y{2,4}|y{2,4}|M{1,4}|D{1,2}|d{1,2}|H{1,2}|h{1,2}|m{1,2}|s{1,2}|S{1,2})"
_SAME_IN_ANY_LANGUAGE = re.compile(
    r"(?:[a-z][a-z0-9+.-]*://|www\.)\S+"  # a URL
    r"|[^\s@]+@[^\s@]+\.[^\s@]+|@\w+"  # an e-mail address, a handle (@yourcompany)
    r"|\$\{[^{}]*\}"  # a JavaScript template's expression: ${key.replace('_', ' ')}
    r"|(?![^\s<>]*[<>])(?!(?=[A-Za-z/]*[a-z])[A-Za-z]+(?:/[A-Za-z]+)+[.:]?$)\S*[/\\]\S*|[\w-]+(?:\.[\w-]+)*\.[A-Za-z0-9]{1,5}"  # a path (not a closing tag:
    # <b>General</b>, nor words joined by a slash: Date/Time), a file or host name (smtp.example.org)
    r"|\*?(?:\.(?:[a-z0-9]|\([a-z0-9]+\))+)+"  # a file-name ending as a filter writes it: .png, *.tar.gz, .jp(e)g
    r"|(?=\S*\d)[A-Za-z0-9][\w.+-]*:?"  # a code with digits: UTF-8, H.264, ISO-8859-1 (a label's UTF-16:)
    r"|[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*[-+][A-Z]{1,2}"  # a format code ending in capitals: Blu-ray-R, DVD+RW (not MS-DOS)
    r"|[A-Z][A-Z0-9&]{2,5}s?(?: [A-Z][A-Z0-9&]{2,5}s?)*"  # acronyms of three capitals or more: PDF, URLs,
    # DNS SRV (OK is translated)
    r"|(?:sips?|tel|mailto|xmpp|irc|urn):"  # a URI scheme a program puts before an address (sip:)
    rf"|(?=\S*(?:YY|yy|MM|DD|dd|HH|hh|mm|ss))(?:{_DATE_FIELD}(?:[-/:. ]{_DATE_FIELD})+)"  # a date or time pattern a field shows: YYYY-MM-DD, HH:MM
    rf"|{_NAME_WORD}(?:{_NAME_LINK}{_NAME_WORD})* *<[^\s@<>]+@[^\s@<>]+>[,.;]?",  # a credit: a name, its address
)


def untranslated(units: Iterable[Unit], locator: Locator, cache: dict | None = None) -> Iterable[tuple[Unit, Finding]]:
    """TC303: an empty target for a source that has text; one finding per PO plural entry, at its
    first empty form, naming the empty forms (an untranslated entry is one thing to fix, not six).
    Not a name whose every capitalized word translated targets of the run keep in Latin ('Wajba'
    beside اشترك في Wajba Plus, 'Khidmat {version}'): gettext shows the name for the empty target,
    as the translators write it."""
    units = list(units)
    kept_in_latin: set[str] | None = None  # built when an empty single-word source asks
    alone: dict[str, bool] = {}  # _written_alone's answers: one scan of the targets a name, not one a unit
    entries: dict[tuple, list[Unit]] = {}
    domains = _main_text_domains(units)
    for unit in units:
        if not unit.target.strip() and unit.source.strip() and not _nothing_to_translate(
                source := unit.plural_sources[0] if unit.plural_sources else unit.source) \
                and not not_to_translate(unit) and not _in_another_script(unit, source) \
                and not _of_another_domain(unit, domains):
            words = _LATIN_WORD.findall(_without_placeholders(unit.source))
            if words and len(words) <= _NAME_WORDS and all(w[:1].isupper() for w in words):
                if kept_in_latin is None:
                    kept_in_latin = _kept_in_latin(units, cache)
                if all(w in kept_in_latin for w in words) and (
                        not all(is_ordinary_word(w) for w in words) or _written_alone(" ".join(words), units, alone)):
                    continue  # a name the translators write in Latin elsewhere: gettext's fallback is it (an
                    # English word only where it stands alone: PyChess's empty '_General' beside 'GNU
                    # General Public License' kept in Latin is to translate, Spotty's 'Spotty' is not)
            if unit.plural_sources is not None:
                entries.setdefault((unit.path, unit.context, unit.id), []).append(unit)
                continue
            what = f"plural form {unit.plural_index}" if unit.plural_index is not None else "the target"
            yield unit_finding("TC303", unit, locator.target(unit), "",
                               f"untranslated: {what} is empty for '{short(unit.source)}'")
        elif (missing := _missing_symfony_forms(unit)) is not None:
            yield unit_finding("TC303", unit, locator.target(unit), "",
                               f"untranslated: plural forms {', '.join(map(str, missing))} are missing for "
                               f"'{short(unit.source)}' (Symfony asks {FORMS_BY_RULE[base_lang(unit.target_lang)]} "
                               f"forms for {base_lang(unit.target_lang)}, joined by |)")
    for empty in entries.values():
        first = empty[0]
        forms = ", ".join(str(u.plural_index) for u in empty)
        what = f"plural form {forms} is" if len(empty) == 1 else f"plural forms {forms} are"
        yield unit_finding("TC303", first, locator.target(first), "",
                           f"untranslated: {what} empty for '{short(first.plural_sources[0])}'")


def copied_source(units: Iterable[Unit], locator: Locator, cache: dict | None = None) -> Iterable[tuple[Unit, Finding]]:
    """TC304: the target is the source itself, and the source is something to translate."""
    units = list(units)
    kept_in_latin: set[str] | None = None  # Latin words of translated targets, built when needed
    kept_lowered: set[str] = set()  # the same in lower case, built with them
    kept_contexts = _contexts_kept_as_is(units)
    short_kept = _short_labels_kept_as_is(units)
    credits = _in_credits(units)
    lowered_in_sources: set[str] | None = None  # built when a copied name asks
    candidates = []
    for number, unit in enumerate(units):
        target = unit.target.strip()
        if target.startswith(_NEW_MESSAGE_PREFIX) and target[len(_NEW_MESSAGE_PREFIX):] == unit.source.strip():
            target = target[len(_NEW_MESSAGE_PREFIX):]  # Symfony's translation:extract copies a new source so
        if target and target != unit.source.strip() and without_marks(target).strip() == without_marks(unit.source).strip():
            target = unit.source.strip()  # a copy with a direction mark put in (a held-out WordPress theme's U+200F)
        if not target or target != unit.source.strip() or _nothing_to_translate(target):
            continue
        if not_to_translate(unit):
            continue
        if _in_another_script(unit, target):
            continue  # a 'source' already written in another script (an Arabic verse in a storyboard)
        if (unit.path, unit.context) in kept_contexts:
            continue  # the catalogue's convention for this msgctxt (GTK's paper sizes and key labels)
        if unit.path in short_kept and _short_label(target):
            continue  # the file's convention for its short labels (a calculator's Sinh, Mod, MR)
        if number in credits and _PERSON_NAME.fullmatch(target) or _copyright_of_names(target):
            continue  # an author's name in the about box's credits, or its copyright lines, kept as written
        if kept_in_latin is None:
            kept_in_latin = _kept_in_latin(units, cache)
            kept_lowered = {w.lower() for w in kept_in_latin}  # once a run: every copied word asks
        if " " not in target and _kept_as_a_name(target, kept_in_latin, kept_lowered):
            continue  # a name the translators keep in Latin script
        if _one_word_of_no_language(target) or _quantity_format(target) or _two_capitals(target) \
                or _TRADEMARK.fullmatch(target.strip()) or _usage_of_optional_options(target):
            continue
        if _PERSON_NAME.fullmatch(target):
            if lowered_in_sources is None:
                lowered_in_sources = _lowered_in_sources(units)
            if _name_of_no_language(target, lowered_in_sources):
                continue
        if _IDENTIFIER.fullmatch(target):
            continue
        candidates.append((unit, target, _names_a_product(target, kept_in_latin)))
    brands = _brands(candidates)
    for unit, target, product in candidates:
        if product or _names_a_product(target, kept_in_latin, brands.get(unit.path, frozenset())):
            continue
        yield unit_finding("TC304", unit, locator.target(unit, target), target,
                           f"the target is a copy of the source '{short(unit.source)}'")


_NAME_WORDS = 3  # a name's words; a longer capitalized run is a title to translate


def _in_another_script(unit: Unit, source: str) -> bool:
    """An English unit's 'source' written with no Latin letter: already Arabic (a clinic app's
    Django msgids written in Arabic, an Arabic verse in a storyboard), which gettext's fallback shows
    as it is. Neither empty nor copied is a fault then."""
    return base_lang(unit.source_lang) == "en" and not _LATIN_LETTER.search(source)


def _one_word_of_no_language(source: str) -> bool:
    """One word that is no English word (text.ordinary_words.is_english): a name or a technical word
    kept as written (Sqlite, Inode, Zebedee). TC304 only: an empty target for one is still reported
    (tried: 96 true TC303 of the labelled sets lost, ibus's script names Carian and Brahmi among them,
    two false ones gone)."""
    source = source.strip()
    if _LATIN_WORD.fullmatch(source) is None:
        bare = _without_placeholders(source).strip(" -_.:/")
        if bare == source or _LATIN_WORD.fullmatch(bare) is None:
            return False
        source = bare  # a name with a placeholder: a folder's 'xournalpp-{1}' (a held-out reviewer's false TC304)
    return not is_english(source)


# A short name with its trademark sign (Palm™, Pocket PC®: a held-out thunar-volman): the owner's
# mark says it is written as registered. TC304 only, as the other names are.
_TRADEMARK = re.compile(r"(?:\S+ ){0,3}\S*[™®]")


def _two_capitals(source: str) -> bool:
    """An acronym of two capitals copied (ID, MB, GA): the labelled sets' six such TC304 were all
    false, kept on purpose. TC304 only: left empty, reviewers want them translated (PM, ID, NE: 32
    true TC303). 'OK' is a button's word, not an acronym: a copy is untranslated."""
    bare = mnemonic_dropped(source).strip()
    return len(bare) == 2 and bare.isupper() and bare.isascii() and bare.isalpha() and bare != "OK"


def _name_of_no_language(source: str, lowered_in_sources: set[str]) -> bool:
    """Capitalized words of a name (`_PERSON_NAME`), none of them a word of the dictionary
    (text.ordinary_words.is_ordinary_word) nor written in lower case in a source of the run (a
    word of today such as 'plugins'; wordfreq counts names as words, so it cannot tell): a
    person's or a product's name kept as written ('Tim Jansen', 'Arend van Beelen jr.', 'Tasuku
    Suzuki' outside an about box's credits). A word of the dictionary among them makes it a phrase
    to translate ('Login History', 'Mai Tai', 'Blue Wallet')."""
    words = [w for w in _NAME_LETTERS.findall(source) if w[0].isupper()]
    return bool(words) and not any(is_ordinary_word(w) or w.lower() in lowered_in_sources for w in words)


_NAME_LETTERS = re.compile(r"[A-Za-z\u00c0-\u024f]+")


def _lowered_in_sources(units: list[Unit]) -> set[str]:
    """The Latin words that some source of the run writes in lower case."""
    return {w for u in units for w in _NAME_LETTERS.findall(u.source) if w.islower()}


def _kept_in_latin(units: list[Unit], cache: dict | None = None) -> set[str]:
    """The Latin words of the translated targets, those written in another script around them: names
    the translators keep in Latin. Not a target left in English otherwise (Symfony's '__Invoice No.'),
    whose words would excuse every copy of them (a held-out Symfony catalogue). Built once per run:
    TC303 and TC304 both ask, through the run's `cache`."""
    if cache is not None and "kept-in-latin" in cache:
        return cache["kept-in-latin"]
    kept = {w for u in units if u.target.strip() and u.target.strip() != u.source.strip() and _OTHER_SCRIPT.search(u.target)
            for w in _LATIN_WORD.findall(u.target)}
    if cache is not None:
        cache["kept-in-latin"] = kept
    return kept


def _kept_as_a_name(word: str, kept_in_latin: set[str], kept_lowered: set[str]) -> bool:
    """`word` is a name the translators keep in Latin: written so in translated targets, or, a word
    that is not English (text.ordinary_words), written so in another case (libgtop's copied 'Pid' and
    'Tty' beside معرف PID; ksystemlog's 'Syslog' beside syslog; KMix's 'Pcm' beside PCM: five
    false TC304 of held-out KDE/GNOME catalogues). An English word in another case is not one (Django
    Oscar's 'Range' and 'Threshold' beside code names in Arabic targets are to translate)."""
    if word in kept_in_latin:
        return True
    return word.lower() in kept_lowered and not is_ordinary_word(word)


def _written_alone(name: str, units: list[Unit], answers: dict[str, bool]) -> bool:
    """`name` stands in a translated target with no other Latin word beside it (اشترك في Spotty),
    not inside an English phrase the translator kept (GNU General Public License)."""
    if name not in answers:
        answers[name] = _alone_in_a_target(name, units)
    return answers[name]


def _alone_in_a_target(name: str, units: list[Unit]) -> bool:
    alone = re.compile(rf"(?<![A-Za-z][ -])(?<![A-Za-z])\b{re.escape(name)}\b(?![ -][A-Za-z])")
    return any(unit.target.strip() != unit.source.strip() and _OTHER_SCRIPT.search(unit.target)
               and alone.search(unit.target) for unit in units if name in unit.target)


_OTHER_SCRIPT = re.compile(r"[^\W\d_A-Za-z\u00c0-\u024f]")  # a letter of neither basic nor accented Latin


def _brands(candidates) -> dict[str, frozenset[str]]:
    """Per file, the first words of the copied product names (IBM of 'IBM ThinkPad R60', Logitech of
    'Logitech Internet 350'): the translator keeps that maker's other models too ('Logitech Access',
    'Logitech' alone), as xkeyboard-config's Arabic catalogue does. Not an English word: 'Supplier
    SKU' makes no brand of Supplier (text.ordinary_words)."""
    brands: dict[str, set[str]] = {}
    for unit, target, product in candidates:
        if product and " " in target and not is_ordinary_word(first := target.split()[0]):
            brands.setdefault(unit.path, set()).add(first)
    return {path: frozenset(words) for path, words in brands.items()}


_NEW_MESSAGE_PREFIX = "__"  # Symfony's translation:extract --prefix default: '__Invoice No.' is untranslated
SHORT_LABEL = 5  # characters of a one-token label that a file may keep as written by convention


def _short_label(text: str) -> bool:
    return len(text) <= SHORT_LABEL and " " not in text and _LATIN_LETTER.search(text) is not None


def _short_labels_kept_as_is(units: list[Unit]) -> set[str]:
    """Files whose translator kept half or more of the translated short labels (one token of up to
    SHORT_LABEL characters), and KEPT_CONTEXT_UNITS or more, as they are: KDE's calculator keeps 39
    function keys (Asin, Cosh, Ln, MR, x!) and translates a few (Sine), where a web catalogue copies
    one 'URL' among hundreds of translated labels."""
    counts: dict[str, list[int]] = {}
    for unit in units:
        source, target = unit.source.strip(), unit.target.strip()
        if target and _short_label(source):
            count = counts.setdefault(unit.path, [0, 0])
            count[0] += 1
            count[1] += target == source
    return {path for path, (translated, kept) in counts.items()
            if kept >= KEPT_CONTEXT_UNITS and kept >= SHORT_KEPT_SHARE * translated}


SHORT_KEPT_SHARE = 0.5
KEPT_CONTEXT_SHARE = 0.25
KEPT_CONTEXT_UNITS = 5


def _in_credits(units: list[Unit]) -> set[int]:
    """Indexes of the units that follow a copyright notice in their file, CREDITS_UNITS at most: an
    application's about box lists its authors and their roles there ('(c) 1997-2019, The Ark
    Developers', then 'Elvis Angelaccio', 'Maintainer', ...). Three held-out KDE catalogues keep
    every author's name in Latin script, 31 false TC304 of 35 there."""
    found: set[int] = set()
    until, path = -1, None
    for number, unit in enumerate(units):
        if unit.path != path:
            until, path = -1, unit.path
        if _COPYRIGHT.search(unit.source):
            until = number + CREDITS_UNITS
        elif number <= until:
            found.add(number)
            if _PERSON_NAME.fullmatch(unit.source.strip()):
                until = max(until, number + CREDITS_GAP)  # the list goes on past CREDITS_UNITS (JuK: 45)
    return found


CREDITS_UNITS = 40
CREDITS_GAP = 4  # units after an author's name that may still be the credits (a role, the next name)
_COPYRIGHT_MARK = r"(?:copyright(?:\s*(?:\(c\)|©|&copy;))?|\(c\)|©|&copy;)\s*\d{4}"
_COPYRIGHT = re.compile(_COPYRIGHT_MARK, re.IGNORECASE)
_COPYRIGHT_LINES = re.compile(f"(?:{_COPYRIGHT_MARK}[^\n]*(?:\n|$))+", re.IGNORECASE)
_LOWER_WORD = re.compile(r"\b[a-z]{2,}\b")


def _copyright_of_names(text: str) -> bool:
    """Copyright lines of years and names alone ('(C) 2009, Abner Silva', '&copy; 2000-2008, The KDE
    Team'): a copy is right (a held-out KDE catalogue's false TC304); a holder in words ('MATE
    developers') is still something to translate. Left empty, reviewers split on them, so TC303
    keeps reporting them."""
    return _COPYRIGHT_LINES.fullmatch(text) is not None and _LOWER_WORD.search(_COPYRIGHT.sub(" ", text)) is None


def _contexts_kept_as_is(units: list[Unit]) -> set[tuple[str, str]]:
    """(file, msgctxt) pairs whose translator kept at least KEPT_CONTEXT_SHARE of the translated units,
    and KEPT_CONTEXT_UNITS or more, as they are: a convention of that context, not an oversight. GTK's
    Arabic catalogues keep 105 of 182 'paper size' names (Folio, juuro-ku-kai, prc 16k) and 45 of 45
    'keyboard label' units (Escape, Pause) in Latin, while they translate all but 10 of 687 units
    without a context. Units without a msgctxt never form such a group."""
    counts: dict[tuple[str, str], list[int]] = {}
    for unit in units:
        if unit.context and unit.target.strip():
            count = counts.setdefault((unit.path, unit.context), [0, 0])
            count[0] += 1
            count[1] += unit.target.strip() == unit.source.strip()
    return {key for key, (translated, kept) in counts.items()
            if kept >= KEPT_CONTEXT_UNITS and kept >= KEPT_CONTEXT_SHARE * translated}


# One token a program reads, not a reader: Scroll_Lock, KP_Home, BackSpace, AppleTalk, a key
# combination (Alt+Shift), and the key:value messages whose translation is a setting (GTK's
# default:mm, calendar:MY).
_IDENTIFIER = re.compile(r"[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)+|[A-Z]?[a-z]+(?:[A-Z][a-z0-9]*)+|[A-Z]{2,}[a-z]{2,}"
                         r"|[A-Z][a-z]*(?:\+[A-Z][a-z]*)+|[a-z]+:[A-Za-z]+")
_NAME_TOKEN = re.compile(r"[(\[]?([^\s()\[\]]+?)[)\],.:;!]*")
_FUNCTION_WORDS = frozenset("and for of the to via with in on or".split())
_EXTENSION = re.compile(r"\.[A-Za-z0-9]{1,5}")  # a format named with its extension: Rar (.rar), Cabinet (.cab)
_COMPANY_SUFFIXES = frozenset("ltd inc llc gmbh plc corp co ag sa".split())  # Nuzul Travel Ltd.


def _names_a_product(text: str, kept_in_latin: set[str], brands: frozenset[str] = frozenset()) -> bool:
    """A name of a product, model or brand: every word capitalized, a code with digits or an
    identifier (function words aside), and one at least is a code, an identifier, an acronym of
    three capitals or more (OK is translated), a company suffix (Ltd, Inc, GmbH) or © or a word the
    translators keep in Latin script elsewhere in the run ('Cherry CyBo@rd USB-Hub', 'IBM ThinkPad
    R60/T60', 'Game Boy Advance ROM', 'Sans 12', 'A4×7', '© %(year)s Nuzul Travel Ltd.'); placeholders
    are no words. A lower-case word of prose ('Compaq Presario laptop', 'processing / pending') or
    a run of capitalized words alone ('Email Address', 'Save And Continue') is still something to
    translate. A maker whose other models the run keeps (`_brands`) is evidence too ('Logitech Access')."""
    evidence = "\u00a9" in text or "&copy;" in text or text.split()[0] in brands  # ©: a copyright line names its holder
    for token in _without_placeholders(text).split():
        match = _NAME_TOKEN.fullmatch(token)
        word = match.group(1) if match else token
        parts = [p for p in re.split(r"[-/]", word) if p]
        if any(ch.isdigit() for ch in word) or word.lower() in _COMPANY_SUFFIXES or _EXTENSION.fullmatch(word) or any(
                _IDENTIFIER.fullmatch(p) or (p.isupper() and len(p) >= 3) for p in [word, *parts]):
            evidence = True
        elif word.lower() in _FUNCTION_WORDS or not _LETTER.search(word):
            continue
        elif all(p[:1].isupper() for p in parts):
            evidence = evidence or word in kept_in_latin or (len(parts) > 1 and all(p in kept_in_latin for p in parts))
        else:
            return False
    return evidence


# Interface Builder's default texts, left in a storyboard or xib for the code to replace: an Xcode
# export notes each such unit 'Class = "UILabel"; text = "Label"; ObjectID = ...' (a held-out iOS
# export had eleven of them empty, on purpose).
_BUILDER_DEFAULTS = frozenset({"Label", "Button", "Title", "Subtitle", "Detail", "Header", "Footer", "Text", "Item",
                               "Table View Cell", "Lorem ipsum"})
_BUILDER_NOTE = re.compile(r'Class = "(?:UI|NS)\w+"; .*ObjectID = ')
# ... said of the unit itself, not of a part of it ('Do NOT translate or localize the semicolons!' asks
# for the search terms to be translated).
_DO_NOT_TRANSLATE = re.compile(r"\b(?:do not|don't) translate(?: or transliterate)?(?: (?:this|it)\b|\s*[.!(]|\s*$)"
                               r"|\b(?:must|should) not be translated\b", re.IGNORECASE)
_DO_NOT_TRANSLATE_NAMED = re.compile(r"\b(?:do not|don't) translate:? (.+)$", re.IGNORECASE | re.MULTILINE)


def _missing_symfony_forms(unit: Unit) -> list[int] | None:
    """The plural positions a Symfony plural message's translation has no form for (2 to 5 of an
    Arabic target written with English's two forms: a held-out validator catalogue's three messages
    that throw for 3 or 11), or None. XLIFF only: Symfony's catalogues (text.plural_messages)."""
    if "|" not in unit.target or unit.plural_sources is not None:
        return None
    missing = missing_positions(unit.source, unit.target, base_lang(unit.target_lang))
    if not missing:
        return None
    from termcheck.formats import detect_format

    return missing if detect_format(unit.path) == "xliff" else None


def _main_text_domains(units: list[Unit]) -> dict[str, str]:
    """Path -> the text domain most of its entries are marked with ('#@ polylang', as Codestyling
    Localization writes a WordPress catalogue), where more than half of them carry one."""
    counts: dict[str, Counter] = {}
    totals: Counter = Counter()
    for unit in units:
        totals[unit.path] += 1
        domain = _text_domain(unit)
        if domain is not None:
            counts.setdefault(unit.path, Counter())[domain] += 1
    main = {}
    for path, domains in counts.items():
        domain, count = domains.most_common(1)[0]
        if count * 2 > totals[path]:
            main[path] = domain
    return main


def _of_another_domain(unit: Unit, main: dict[str, str]) -> bool:
    """An entry of another text domain than its catalogue's ('#@ default' for a WordPress core string
    in a plugin's catalogue): the program looks it up in that domain's own catalogue, so this one
    leaves it empty on purpose (a held-out Polylang catalogue's 13 false TC303)."""
    domain = main.get(unit.path)
    return domain is not None and _text_domain(unit) not in (None, domain)


def _text_domain(unit: Unit) -> str | None:
    """The domain of a '#@ domain' comment line (a translator comment to gettext), or None."""
    for note in unit.notes:
        if "@ " in note:
            for line in note.splitlines():
                if line.startswith("@ ") and line[2:].strip():
                    return line[2:].strip()
    return None


def not_to_translate(unit: Unit) -> bool:
    """A storyboard's or xib's default text that the code replaces (see _BUILDER_DEFAULTS), or a
    unit its extracted comment marks as a keyboard shortcut (KDE's 'ectx: property (shortcut)'), as a
    key's label (Onboard's 'very short label of the PRINT key') or as not to be translated (GNOME's 'Do
    NOT translate or transliterate this text (this is an icon file name)!', a held-out MATE
    catalogue's empty 'eom')."""
    return any(_SHORTCUT_NOTE.search(note) or _DO_NOT_TRANSLATE.search(note) or _AUTHOR_FIELD.search(note)
               or _names_this_unit(_DO_NOT_TRANSLATE_NAMED.search(note), unit) for note in unit.notes) or (
        unit.source.strip() in _BUILDER_DEFAULTS and any(_BUILDER_NOTE.search(note) for note in unit.notes))


def _names_this_unit(note: re.Match | None, unit: Unit) -> bool:
    """'DO NOT TRANSLATE Warpinator' on the unit 'Warpinator' (Linux Mint's appdata; a held-out
    catalogue's two false TC303): the note names the unit's own text."""
    return note is not None and note.group(1).strip(" .:!\"'").casefold() == unit.source.strip().casefold()


# a WordPress plugin's or theme's header field naming its author, a person's name ("translators: plugin
# header field 'Author'", "Author of the plugin"; a held-out Polylang catalogue's empty 'Frédéric Demarle')
_AUTHOR_FIELD = re.compile(r"header field 'Author'|^Author of the (?:plugin|theme)\b", re.MULTILINE)
_SHORTCUT_NOTE = re.compile(r"\bproperty \(shortcut\)|\blabel (?:of|for) the [\w ]{1,30}? key\b", re.IGNORECASE)
# a key's label on an on-screen keyboard ('very short label of the PRINT key': Onboard's Prnt, Hm, End)


def _nothing_to_translate(text: str) -> bool:
    """No words (`_has_words`), one token the same in every language (see the module docstring), or
    a key as its cap prints it (`_key_label`)."""
    stripped = text.strip()
    return not _has_words(text) \
        or (_SAME_IN_ANY_LANGUAGE.fullmatch(stripped) is not None and not _words_in_capitals(stripped)) \
        or _key_label(text) \
        or _command_synopsis(TAG.sub(" ", stripped) if "<" in stripped else stripped) \
        or _ITSTOOL_IMAGE.fullmatch(stripped) is not None \
        or "<" in stripped and _SAME_IN_ANY_LANGUAGE.fullmatch(TAG.sub("", stripped).strip()) is not None \
        or _ONE_LETTER.fullmatch(stripped.replace("&", "")) is not None or _keys_only(text) or _acronym_label(stripped) \
        or _FONT_STACK.fullmatch(stripped) is not None \
        or _formula(TAG.sub("^", stripped) if "<" in stripped else stripped) \
        or _RST_REFERENCES.fullmatch(stripped) is not None \
        or _format_name(stripped)  # e<sup>x</sup> is e^x


# reStructuredText that Sphinx fills in itself: a substitution (|image1068|, an image or a text defined
# once, translated there) and a cross-reference without an explicit title (:ref:`OCLC`, :doc:`intro`),
# whose text is the title of what it points at. An explicit title (:ref:`Editions <all-label>`) is text
# to translate. A held-out Sphinx manual's ten false TC303.
_RST_REFERENCE = r"(?:\|[^|\s][^|\n]*\||:(?:ref|doc|numref|any|std:ref|std:doc):`[^`<>\n]+`)"
_RST_REFERENCES = re.compile(rf"{_RST_REFERENCE}(?:[\s,;]+{_RST_REFERENCE})*[.,;:]?")


def _format_name(text: str) -> bool:
    """A file format's name as its extension writes it, in lower case (json, csv, html: a held-out
    pygeoapi catalogue's format switch), by the table Python's mimetypes module ships (not the
    machine's, which differs from one to the next); a word of the dictionary is not one (zip, man)."""
    if not (3 <= len(text) <= 6 and text.isalnum() and text.islower()):
        return False
    from termcheck.text.ordinary_words import is_ordinary_word

    return text in _extensions() and not is_ordinary_word(text)


@lru_cache(maxsize=1)
def _extensions() -> frozenset[str]:
    import mimetypes

    return frozenset(ext[1:] for ext in mimetypes.MimeTypes(filenames=()).types_map[True])


def _quantity_format(text: str) -> bool:
    """Placeholders with nothing around them but unit symbols, single letters and acronyms: a
    program's format for a quantity or a code ('%ih%02i', '%2im', '%iW', '%ix%i @ %f fps', 'V%1',
    'TGMPA v%s'), which held-out GNOME power manager's, Okular's and Linphone's translators keep as
    they are (nine false TC304 of the labelled sets). A word among them is to translate ('%1$s at
    %2$s', '%u hours'), and so are a letter standing apart (PackageKit's
    '%u h' is hours, a reviewer's true TC304) and an acronym of two capitals ('OK %s', '[IP: %s
    %s]'). TC304 only: left empty, such a format is untranslated (reviewers labelled 29 empty ones
    true: CKAN's '{mebibytes} MiB', apt's '%lih %limin %lis')."""
    marked = text
    for placeholder in placeholders(text):
        marked = marked.replace(placeholder, "\0")
    if marked == text:
        return False
    runs = list(_LETTER_RUN.finditer(marked))
    return bool(runs) and all(
        run[0] in _UNIT_SYMBOLS or _ACRONYM.fullmatch(run[0]) and not is_ordinary_word(run[0])
        or len(run[0]) == 1 and "\0" in marked[max(0, run.start() - 1):run.end() + 1]  # a letter glued to one
        for run in runs)


# Symbols of units as programs print them beside a number, the same in Arabic interfaces
_UNIT_SYMBOLS = frozenset("ms min Hz kHz MHz GHz Wh kWh mAh dpi ppi px pt fps kB KB MB GB TB KiB MiB GiB TiB bps kbps Mbps"
                          " Gbps".split())
_ACRONYM = re.compile("[A-Z]{3,}")  # as _SAME_IN_ANY_LANGUAGE's: OK and ID are translated


# A CSS font stack, font names ending with a generic family: 'Tahoma, Geneva, sans-serif' (a held-out
# WordPress theme's six false TC304: the stylesheet reads it, not a person)
_FONT_STACK = re.compile(r"(?:['\"]?[A-Za-z][\w .-]*['\"]?, *)+(?:sans-serif|serif|monospace|cursive|fantasy|system-ui)")


def _acronym_label(text: str) -> bool:
    """An acronym of three capitals or more with a mnemonic (and a colon), as _SAME_IN_ANY_LANGUAGE
    takes one alone: GHex's '_ASCII:' (a held-out reviewer's false TC303). Without a mnemonic, a
    label's colon asks for a translation (PackageKit's empty 'URL:', a reviewer's true TC303)."""
    bare = mnemonic_dropped(text)
    return bare != text and _ACRONYM.fullmatch(bare.removesuffix(":")) is not None


def _words_in_capitals(text: str) -> bool:
    """Two English words or more written in capitals: a button's text ('JOIN NOW', 'THIS YEAR': a
    held-out U-Report catalogue's empty targets), not a run of acronyms (DNS SRV)."""
    words = text.split()
    return len(words) > 1 and all(w.isupper() and is_ordinary_word(w) for w in words)


def _command_synopsis(text: str) -> bool:
    """A command line's synopsis or example: outside its [bracketed arguments] and placeholders,
    nothing but options (--launch, -V, a list of them: '-h, --help' in DocBook's <option> tags),
    value names in capitals (TYPE), a program's hyphenated name or its @NAME@ as the build
    substitutes it, and the value right after an option (--geometry 80x40 --command mutt), one option at
    least ('exo-open --launch TYPE [PARAMETERs...]', '%s [options] --build-list [[name file]...]':
    a held-out Xfce catalogue and an Xfce man page keep them as they are). 'Usage: %s [OPTION]...'
    has a word to translate, and so has 'Use --help to see more'."""
    if "-" not in text:
        return False
    return _synopsis_tokens(_without_placeholders(text), False)


def _usage_of_optional_options(text: str) -> bool:
    """A usage line whose options are all optional, after the program's %s ('%s: [--file rooted-filename]
    [--quiet]': Linux-PAM's, kept as it is, a held-out reviewer's false TC304). TC304 only: left empty, its
    argument names are to translate (the same reviewer's true TC303)."""
    return "[-" in text and _synopsis_tokens(_without_placeholders(text), True)


def _synopsis_tokens(text: str, optional_options: bool) -> bool:
    """`_command_synopsis` of a text without its placeholders; with `optional_options`, options inside
    brackets count as its options."""
    bracketed_option = optional_options and _BRACKETED_OPTION.search(text) is not None
    bare, inner = _BRACKETED.subn(" ", text)
    while inner:  # [[name file]...]: the inner brackets first
        bare, inner = _BRACKETED.subn(" ", bare)
    tokens = [t for t in (t.rstrip(",") for t in bare.split()) if t]
    if tokens and (_BUILD_NAME.fullmatch(tokens[0]) or tokens[0] == ":"):
        tokens = tokens[1:]  # the program's @NAME@, or the colon after its %s ('%s: [--file name] [--quiet]')
    options = [t.startswith("-") for t in tokens]
    return (any(options) or bracketed_option) and all(
        _SYNOPSIS_TOKEN.fullmatch(t) or k > 0 and options[k - 1] and not options[k] and _OPTION_VALUE.fullmatch(t)
        for k, t in enumerate(tokens))


_BRACKETED = re.compile(r"\[[^\[\]]*\]")
_BRACKETED_OPTION = re.compile(r"\[--?[A-Za-z]")  # [--quiet], [-v]: an optional option
_SYNOPSIS_TOKEN = re.compile(r"--?[A-Za-z][\w-]*(?:=\S+)?|[A-Z][A-Z_]+s?|[a-z][a-z0-9]*(?:-[a-z0-9]+)+|\.\.\.|\|")
_BUILD_NAME = re.compile(r"@[A-Z][A-Z0-9_]*@")  # autoconf's @PACKAGE_NAME@
_OPTION_VALUE = re.compile(r"[a-z0-9][\w.:/+-]*")  # 80x40, mutt, mc: not a capitalized word of prose
# itstool's and xml2po's message for an image of a help page: its translation names a localized
# copy of the image, and a copied msgid keeps the original (a held-out GNOME help's three false TC304)
_ITSTOOL_IMAGE = re.compile(r"@@image: '[^']*'; md5=\w+")


def _formula(text: str) -> bool:
    """Single Latin letters with a symbol among them: a variable's label or a formula ('&x:', 'f(x,y)',
    "f''(x) = -f": KmPlot's fields, whose text must stay what the program parses). A lone lower-case
    letter is not one (a unit's g is translated: غ)."""
    text = _without_placeholders(text)  # '%u h' is hours, to translate
    runs = _LETTER_RUN.findall(text)
    return bool(runs) and all(len(run) == 1 and run.isascii() for run in runs) and _SYMBOL.search(text) is not None


_LETTER_RUN = re.compile(r"[^\W\d_]+")
_SYMBOL = re.compile(r"[():=+*/^<>,|#'\[\]-]")  # not a full stop: e.g., i.e. and U.S.A. are abbreviations


def _keys_only(text: str) -> bool:
    """Every word a key cap, placeholders aside: '%1$s (Ctrl+Alt+%2$s)' (Aimeos) has nothing to translate."""
    words = re.findall("[A-Za-z]+", _without_placeholders(text))
    return bool(words) and all(w.lower() in _KEY_CAPS for w in words) and not _OTHER_SCRIPT.search(text)


_ONE_LETTER = re.compile(r"[A-Z]")  # a key, a column: KDE's calculator keys H, A, S (a unit's g is translated: غ)


# Modifier and special keys as keyboards print them, in Arabic layouts too (Ctrl, Shift, Alt, ⌘ Cmd):
# a VNC viewer's Arabic catalogue keeps all ten of its key labels in Latin (a held-out reviewer read
# its ten TC304 as false). Words a translator may translate (Option, Enter, Home, Delete) count
# only after a key symbol (⌥ Option).
_KEY_CAPS = frozenset("ctrl shift alt altgr cmd win super meta fn esc tab del ins pgup pgdn prtsc backspace".split())
_MODIFIERS = _KEY_CAPS | {"control", "option", "command"}  # spelt out before a key (Control-H), not alone
_KEY_SYMBOLS = "⌃⇧⌥⌘⎋⏎⌫⌦⇥"  # ⌃ ⇧ ⌥ ⌘ ⎋ ⏎ ⌫ ⌦ ⇥


def _key_label(text: str) -> bool:
    """One key's label: a key cap's word (a mnemonic & aside) or a key symbol with one word, or a
    shortcut of key caps and one key or placeholder (Ctrl+%s, Cmd+Shift+K: Weblate's JS catalogue;
    Control-H: a held-out MATE terminal's erase key)."""
    words = text.replace("&", "").split()
    symbols = [w for w in words if w in _KEY_SYMBOLS]
    rest = [w for w in words if w not in _KEY_SYMBOLS]
    if len(rest) != 1:
        return False
    keys = _KEY_JOIN.split(rest[0])
    if len(keys) > 1:
        return all(k.lower() in _MODIFIERS for k in keys[:-1]) and (
            keys[-1].lower() in _KEY_CAPS or len(keys[-1]) == 1 or _SHORTCUT_KEY.fullmatch(keys[-1]) is not None)
    return rest[0].lower() in _KEY_CAPS or (len(symbols) == 1 and rest[0].isalpha())


_KEY_JOIN = re.compile(r"[+-](?=.)")  # Ctrl+K, Control-H; a key that is itself + or - stays (Ctrl++)
_SHORTCUT_KEY = re.compile(r"F\d{1,2}|%[sd]|\{\w*\}|%\(\w+\)s")  # F5, a placeholder for the key


def _has_words(text: str) -> bool:
    """Letters left once placeholders, markup and entities are taken out (a date format's
    conversions too: '%H:%M:%S' kept as is, and a text of nothing but conversions: GTK's '%-e %b'), nor
    a call of a program's function ('fork(): %s', 'socket(PF_UNIX, SOCK_STREAM, 0): %s': a held-out
    PulseAudio catalogue's twelve false TC303; 'file(s)' is a word)."""
    text = _FUNCTION_CALL.sub(" ", _without_placeholders(text))
    if "&amp;" in text:
        text = _ESCAPED_ENTITY.sub(" ", text)  # an entity written for HTML twice: <span>&amp;nbsp;</span>
    if _DIMENSIONS.fullmatch(text):
        return False  # the x of a size between its numbers or placeholders
    if "%" in text:
        conversions_out = STRFTIME.sub(" ", text)
        if is_date_format(text) or not _LETTER.search(conversions_out):
            text = conversions_out
    return bool(_LETTER.search(matchable(text).replace("&", " ")))


_ESCAPED_ENTITY = re.compile(r"&amp;(?:[A-Za-z]+|#\d+|#x[0-9A-Fa-f]+);")
_DIMENSIONS = re.compile(r"[\d\s]*[x×][\d\s]*")  # '%d x %d', '0 x 0'
_FUNCTION_CALL = re.compile(r"\b[A-Za-z_][A-Za-z0-9_]*\((?:[^()]*[_,0-9][^()]*)?\)")  # no arguments, or code's


def _without_placeholders(text: str) -> str:
    for placeholder in placeholders(text):
        text = text.replace(placeholder, " ")
    return text

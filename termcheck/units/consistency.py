"""TC301 inconsistent translation and TC302 inconsistent source, across all units of a run.

Units are grouped by their program (`program_of`: a gettext domain with its extensions), then by
their normalized source (with context and plural form) for TC301, or by their normalized target
for TC302 (plural forms left out: they share targets by nature); a group whose other side has two
or more *different* texts is one finding at its first unit, listing every variant with its count
and where it is.

Two texts are the same when they have the same words, punctuation aside, and each pair of words is
the same word (`same_word`): normalization already folds diacritics, hamza (إبريل/أبريل), tatweel
and case; an Arabic pair is the same when the two share a reading of three letters or more under
termcheck.text.arabic (article, proclitics, enclitic pronouns, sound plural/dual and accusative
endings stripped: المستخدم/مستخدم, اختر وقت/اختر وقتا, عنوان البريد الالكتروني/عنوان بريد إلكتروني),
or a broken plural of the other by a pattern its letters prove (السعر/الأسعار, text.arabic.broken_plural_pair),
or one is the other with the feminine ending ت (ليس/ليست); في and هل count for nothing (في القائمة/
بالقائمة, فعال؟/هل فعال؟: three false TC301 of four held-out real catalogues); تم and a verbal noun is
the passive of its verb (تم إنشاؤه / أُنشئ: two false TC301 of a held-out Paperless catalogue);
an English pair when it differs by a plural -s, by '&'/'and', a contraction (i'll/i will), an
ordinal suffix ({}th/{}st) or as an abbreviation and its word (jan/January, M/Mon). Calibrated on
the real catalogues in ../shared/realdata: every TC301 that differed only there was false
(ظهراً/الظهر, Social Accounts), every one with another word true (أزِل/احذف, مرشّح/تصفية).
"""

from __future__ import annotations

import os
import re
from collections import Counter, defaultdict
from functools import lru_cache
from collections.abc import Callable, Iterable

from termcheck.formats.units import Unit
from termcheck.model import Finding
from termcheck.text.arabic import (ARABIC_WORD, broken_plural_pair, conjunctions_joined, readings, same_skeleton,
                                   strip_article)
from termcheck.text.normalize import normalize_form
from termcheck.units.finding import unit_finding, where
from termcheck.units.empty import not_to_translate
from termcheck.units.locate import Locator
from termcheck.units.text import matchable, mnemonic_dropped, short, without_mnemonic


def _groups(units: Iterable[Unit], by: str, keys: dict[str, str] | None = None) -> dict[tuple, list[tuple[str, Unit]]]:
    """Units grouped by normalized source (by='source') or target, each with its other side's key.

    `keys` memoizes text -> key: TC301 and TC302 of one run share it, so every distinct text is
    normalized once (UI catalogues repeat their texts; both rules key both sides)."""
    memo: dict[str, str] = {} if keys is None else keys

    def key_of(text: str) -> str:
        key = memo.get(text)
        if key is None:
            bare = without_mnemonic(text) if ("_" in text or "&" in text) else text
            key = memo[text] = " ".join(normalize_form(matchable(bare)).split()) \
                or " ".join(normalize_form(bare).split())  # wrapping is no difference; '<variable>' alone is text
            if _METAVARIABLE.fullmatch(text.strip()):
                key = memo[text] = "\0" + key  # FLAGS, DISPLAY: a command line's value name, not the word
        return key

    units = list(units)
    paths = {unit.path for unit in units}
    programs = program_of(gettext_domain(path) for path in paths)
    program_of_path = {path: programs[gettext_domain(path)] for path in paths}  # once a file, not once a unit
    groups: dict[tuple, list[tuple[str, Unit]]] = defaultdict(list)
    for unit in units:
        if not unit.source.strip() or not unit.target.strip():
            continue
        domain = program_of_path[unit.path]
        if by == "source":
            groups[(domain, unit.context, unit.plural_index, key_of(unit.source), _symbol_letters(unit.source))
                   ].append((key_of(unit.target), unit))
        elif unit.plural_index is None:  # plural forms share targets by nature
            groups[(domain, key_of(unit.target))].append((key_of(unit.source), unit))
    return groups


_METAVARIABLE = re.compile(r"[A-Z][A-Z_]+")


def _symbol_letters(source: str) -> str | None:
    """The letters of a source made of single-letter symbols, case kept: 'b' and 'B', 'b/s' and 'B/s',
    'k' and 'K' are bits and bytes, kilo and Kelvin (a held-out MATE applet's four false TC301, بت
    and بايت). None for a source with a word in it: 'Invoice' and 'invoice' are one text."""
    runs = _LETTER_RUN.findall(mnemonic_dropped(source))
    return "".join(runs) if runs and all(len(run) == 1 for run in runs) else None


def gettext_domain(path: str) -> str:
    """The gettext domain of a catalogue (django for .../LC_MESSAGES/django.po and its .mo), '' for
    any other file."""
    base, dot, suffix = os.path.basename(path).rpartition(".")
    return base if dot and suffix.lower() in ("po", "pot", "mo") else ""


def program_of(domains: Iterable[str]) -> dict[str, str]:
    """Each domain's program: the shortest domain of the run that begins it. A domain is the
    namespace gettext looks messages up in, one per program or part: djangojs is django's
    JavaScript and gtk30-properties gtk30's property blurbs (one program, compared together), while
    gtk20, gtk30 and glib20 in one LC_MESSAGES folder are programs apart (like a msgctxt, another
    program is licence for another translation). Django's apps all use 'django' and are compared
    across apps. Measured on /usr/share/locale/ar (30 programs' catalogues): TC301 117 -> 36; on
    Django's catalogues the 5 true ones stay (two are django vs djangojs)."""
    ordered = sorted(set(domains), key=len)
    return {d: next(p for p in ordered if d.startswith(p)) for d in ordered}


_WORD = re.compile(r"[^\W_]+")
_CONTRACTIONS = ((re.compile(r"(?<=\w)'ll\b"), " will"), (re.compile(r"(?<=\w)n't\b"), " not"),
                 (re.compile(r"(?<=\w)'re\b"), " are"), (re.compile(r"(?<=\w)'ve\b"), " have"),
                 (re.compile(r"\bi'm\b"), "i am"), (re.compile(r"&"), " and "),
                 (re.compile(r"(?<=[\d}])(?:st|nd|rd|th)\b"), ""))
_ABBREVIATION = 3  # letters: jan, mon, m


_INITIALS = re.compile(r"\b([a-z])\.(?=[a-z]\b)")  # p.m. -> pm
# English words that do not change what a short UI source asks for ('Reset my password' is
# 'Password reset'); used only to compare the sources of one shared target (TC302).
_ENGLISH_FUNCTION_WORDS = frozenset("a an the of my your to has have had been is are was were be".split())


# English determiners, quantifiers and pronouns: Arabic says them by what they stand for ('None' is
# بدون beside an option and لا شيء alone, 'More' المزيد as a button and أخرى in '+3 more'), so two
# renderings of one are no inconsistency (a held-out GNOME and a web-shop catalogue's two false TC301).
_SAID_BY_WHAT_THEY_COUNT = frozenset("""all another any anything both each either every everything few many more
    most much neither none nothing one other others several some something""".split())


def _agrees_with_what_it_counts(members: list[tuple[str, Unit]]) -> bool:
    """The shared source is one of those words alone (mnemonic and punctuation aside)."""
    words = _WORD.findall(normalize_form(without_mnemonic(members[0][1].source)))
    return len(words) == 1 and words[0] in _SAID_BY_WHAT_THEY_COUNT


def _spelt_apart(members: list[tuple[str, Unit]]) -> bool:
    """Two of the renderings are one text but for a space (لاشيء / لا شيء): a spelling to unify."""
    keys = {key for key, _ in members}
    return len({key.replace(" ", "") for key in keys}) < len(keys)


def comparable_words(key: str) -> tuple[str, ...]:
    """The words of a normalized text, contractions, '&', initials and ordinal suffixes spelled out, a
    conjunction written apart joined to its word."""
    if "'" in key or "&" in key or "}" in key or "." in key or any(c.isdigit() for c in key):
        for pattern, replacement in _CONTRACTIONS:
            key = pattern.sub(replacement, key)
        key = _INITIALS.sub(r"\1", key)
    return tuple(conjunctions_joined(_WORD.findall(key)))  # أعد الضبط و امسح / أعد الضبط وامسح


def _english_stem(word: str) -> str:
    for suffix in ("ing", "ed", "es", "s", "e"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def same_english_request(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Two English sources with the same content words in any order, inflection aside
    ('Password Reset' / 'Reset My Password', 'Security key removed.' / 'A security key has been removed.')."""
    def bag(words: tuple[str, ...]) -> list[str]:
        return sorted(_english_stem(w) for w in words if w not in _ENGLISH_FUNCTION_WORDS)

    return all(w.isascii() for w in a + b) and bag(a) == bag(b)


@lru_cache(maxsize=65536)
def _arabic_stems(word: str) -> frozenset[str]:
    return frozenset({word} | {r.lemma for r in readings(word) if len(r.lemma) >= 3})


def same_word(a: str, b: str) -> bool:
    if a == b:
        return True
    if ARABIC_WORD.fullmatch(a) and ARABIC_WORD.fullmatch(b):
        short_, long_ = sorted((a, b), key=len)
        if long_ == short_ + "ت" and len(short_) >= 3:
            return True  # a verb agreeing with a feminine noun: ليس / ليست, كان / كانت
        stems_a, stems_b = _arabic_stems(a), _arabic_stems(b)
        return bool(stems_a & stems_b) or strip_article(a) == strip_article(b) \
            or any(broken_plural_pair(x, y) for x in stems_a for y in stems_b)  # نص / النص; السعر / الأسعار
    if a.isascii() and b.isascii() and a.isalpha() and b.isalpha():
        short, long = sorted((a, b), key=len)
        if long in (short + "s", short + "es") and len(short) >= 3:
            return True  # view/views
        return len(short) <= _ABBREVIATION and len(long) > len(short) and long.startswith(short)
    return False


# Arabic words a translator adds or leaves out without changing what a label says: في beside the
# proclitic ب (في القائمة / بالقائمة) and the question particle هل (فعال؟ / هل فعال؟).
_OPTIONAL_PARTICLES = frozenset({"في", "هل"})


# تم + a verbal noun is the passive of its verb (تم إنشاؤه / أُنشئ, تمت إضافته / أضيف: a held-out
# Paperless catalogue labels one field 'created' each way): one translation, two constructions.
_PASSIVE_AUXILIARIES = frozenset({"تم", "تمت", "يتم", "تتم", "سيتم"})


def _periphrastic_passive(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """`a` is تم + a verbal noun where `b` has a verb of the same consonants, the rest the same."""
    return (len(a) == len(b) + 1 and a[0] in _PASSIVE_AUXILIARIES and bool(b) and ARABIC_WORD.fullmatch(b[0]) is not None
            and same_skeleton(a[1], b[0]) and all(same_word(x, y) for x, y in zip(a[2:], b[1:])))


def same_text(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    if len(a) == len(b) and all(same_word(x, y) for x, y in zip(a, b)):
        return True
    if len(a) != len(b):
        shorter_a, shorter_b = _alternatives_collapsed(a), _alternatives_collapsed(b)
        if (shorter_a != a or shorter_b != b) and len(shorter_a) == len(shorter_b) \
                and all(same_word(x, y) for x, y in zip(shorter_a, shorter_b)):
            return True
    if _periphrastic_passive(a, b) or _periphrastic_passive(b, a):
        return True
    if not (_OPTIONAL_PARTICLES.intersection(a) or _OPTIONAL_PARTICLES.intersection(b)):
        return False
    a, b = tuple(w for w in a if w not in _OPTIONAL_PARTICLES), tuple(w for w in b if w not in _OPTIONAL_PARTICLES)
    return bool(a) and len(a) == len(b) and all(same_word(x, y) for x, y in zip(a, b))


def _alternatives_collapsed(words: tuple[str, ...]) -> tuple[str, ...]:
    """A word and its other number side by side (لغة/لغات, 'file(s)' as ملف/ملفات: a label for one or
    many) as one word: a held-out KoboToolbox catalogue's 'languages' as لغة/لغات beside اللغات."""
    kept: list[str] = []
    for word in words:
        if kept and word != kept[-1] and same_word(kept[-1], word):
            continue
        kept.append(word)
    return tuple(kept)


def _merge_same(members: list[tuple[str, Unit]], english_sources: bool = False) -> list[tuple[str, Unit]]:
    """Each member's key replaced by the first key of its class of the same text (union-find)."""
    keys = list(dict.fromkeys(key for key, _ in members))
    if len(keys) < 2:
        return members
    words = {key: comparable_words(key) for key in keys}
    parent = {key: key for key in keys}

    def root(key: str) -> str:
        while parent[key] != key:
            key = parent[key]
        return key

    for i, first in enumerate(keys):
        for second in keys[i + 1:]:
            if root(first) != root(second) and (same_text(words[first], words[second]) or (
                    english_sources and same_english_request(words[first], words[second]))):
                parent[root(second)] = root(first)
    return [(root(key), unit) for key, unit in members]


def _variants(members: list[tuple[str, Unit]], side: str) -> list[tuple[str, list[Unit]]]:
    """Distinct keys, most used first, each shown in its original spellings, the most frequent first
    ('Date Of Birth' / 'Birth Date': a reader sees what was taken as one)."""
    by_key: dict[str, list[Unit]] = {}
    for key, unit in members:
        by_key.setdefault(key, []).append(unit)
    ordered = sorted(by_key.values(), key=lambda us: -len(us))  # stable: first seen wins ties
    return [(_spellings(group, side), group) for group in ordered]


def _spellings(units: list[Unit], side: str, most: int = 3) -> str:
    """The texts of `units` on `side` as written, most frequent first, joined by "' / '" (the caller
    quotes the whole), at most `most` of them; texts that differ in case only are shown once."""
    texts: dict[str, str] = {}
    for text, _ in Counter(getattr(u, side).strip() for u in units).most_common():
        texts.setdefault(text.casefold(), text)
    return "' / '".join(list(texts.values())[:most])



def inconsistencies(units: Iterable[Unit], locator: Locator, code: str,
                 opted_out: Callable[[Unit], bool] | None = None,
                 keys: dict[str, str] | None = None,
                 house: Callable[[Unit], int] | None = None) -> Iterable[tuple[Unit, Finding]]:
    """One finding per inconsistent group: TC301 at the odd one out (`_odd_one`), TC302 at its first
    member. Members that `opted_out` (a note
    suppresses `code`) are left out of the comparison; each gets a finding of its own at its
    unit, for its note to silence. `keys`: a text -> key memo shared by the rules of one run.
    `house`: how many of a glossary's preferred forms a unit's target writes (TC301 points at fewer)."""
    by, other = ("source", "target") if code == "TC301" else ("target", "source")
    units = list(units)
    usage: Counter | None = None  # how often each target word is written in the run, built on a tie
    for members in _groups(units, by, keys).values():
        if len({key for key, _ in members}) < 2:
            continue
        members = _merge_same(members, english_sources=code == "TC302")
        if code == "TC301" and _agrees_with_what_it_counts(members) and not _spelt_apart(members):
            continue
        members = [(key, unit) for key, unit in members if not (unit.notes and not_to_translate(unit))]
        if len({key for key, _ in members}) < 2:
            continue  # a unit its comment says not to translate (an icon's file name) is no rendering to compare
        if opted_out is not None:
            left_out = [unit for _, unit in members if unit.notes and opted_out(unit)]
            for unit in left_out:
                found = unit.target.strip()
                shared = getattr(unit, by).strip()
                message = (f"'{short(shared)}' is not rendered the same way elsewhere; this unit is left out "
                           f"of the comparison by its note") if code == "TC301" else (
                           f"'{short(shared)}' also translates other sources; this unit is left out of the "
                           f"comparison by its note")
                yield unit_finding(code, unit, locator.target(unit, found), found, message)
            members = [(key, unit) for key, unit in members if not any(unit is u for u in left_out)]
            if len({key for key, _ in members}) < 2:
                continue
        variants = _variants(members, other)
        if code == "TC301" and usage is None and len(variants[-1][1]) == len(variants[0][1]):
            usage = Counter(w for unit in units for w in _LETTER_RUN.findall(unit.target))
        first = _odd_one(variants, usage, house) if code == "TC301" else members[0][1]
        listed = "; ".join(
            f"'{text}' ×{len(group)} ({', '.join(where(u, first) for u in group)})" for text, group in variants
        )
        shared = _spellings([unit for _, unit in members], by)
        if code == "TC301":
            message = f"'{short(shared)}' is translated {len(variants)} ways in {len(members)} units: {listed}"
        else:
            message = f"'{short(shared)}' translates {len(variants)} different sources in {len(members)} units: {listed}"
        extra = {
            by: _spellings([unit for _, unit in members], by, 1),
            "variants": [
                {other: _spellings(group, other, 1), "count": len(group),
                 "locations": [{"path": u.path, "line": u.line, "unit": u.id} for u in group]}
                for _, group in variants
            ],
        }
        found = first.target.strip() if code == "TC301" else _shared_words(first.target)
        yield unit_finding(code, first, locator.target(first, found), found, message, extra=extra)


def _odd_one(variants: list[tuple[str, list[Unit]]], usage: Counter | None = None,
             house: Callable[[Unit], int] | None = None) -> Unit:
    """Where TC301 points: at the unit a translator is likeliest to change. A target that copies its
    source (TC304's case: 'Slug' kept in English beside الرابط المختصر) first, else the first unit of
    the least used rendering (a rendering used once beside one used five times), else, between
    renderings used as often, the one with fewer of the glossary's preferred forms (`house`:
    تحرير beside the house تعديل, both listed; a held-out Symfony catalogue's two findings pointed at
    the house form), else the only one that negates where the source does not ('Complete' as غير
    مكتمل beside مكتمل: a held-out e-learning catalogue), else the one with the word the run writes least (`usage`): a typo or an odd
    word (سجيل الدخول beside تسجيل الدخول, الحالة الاجتماعية for 'Status' beside الحالة: a real
    catalogue pointed at the right one of each pair), else the first unit."""
    for _, group in variants:
        for unit in group:
            if unit.target.strip() == unit.source.strip():
                return unit
    least_used = variants[-1][1]
    if len(least_used) < len(variants[0][1]):
        return least_used[0]
    if house is not None:
        house_forms = [house(group[0]) for _, group in variants]
        if len(set(house_forms)) > 1:
            return min(zip(variants, house_forms), key=lambda pair: pair[1])[0][1][0]
    negates = [bool(_NEGATION.intersection(_LETTER_RUN.findall(group[0].target))) for _, group in variants]
    if 0 < sum(negates) < len(negates):  # 'Complete' as غير مكتمل beside مكتمل: the one that says the opposite
        odd = [group[0] for (_, group), says_no in zip(variants, negates) if says_no != _negative(group[0].source)]
        if len(odd) == 1:
            return odd[0]
    if usage:
        def rarest(text: str) -> int:
            return min((usage[w] for w in _LETTER_RUN.findall(text)), default=0)
        return min(variants, key=lambda v: rarest(v[1][0].target))[1][0]
    return variants[0][1][0]


_LETTER_RUN = re.compile(r"[^\W\d_]+")
_NEGATION = frozenset("غير لا لم لن ليس عدم بدون".split())  # not, no, without: a rendering that negates
_ENGLISH_NEGATION = frozenset("not no never none nothing cannot without".split())


def _negative(source: str) -> bool:
    """An English source that says no (not, n't, without) or negates a word by its prefix
    (Incomplete, Unread, Disabled: the rest is an English word)."""
    from termcheck.text.ordinary_words import is_ordinary_word

    words = re.findall(r"[a-z']+", source.lower())
    return "n't" in source.lower() or any(w in _ENGLISH_NEGATION for w in words) or any(
        w.startswith(prefix) and len(w) - len(prefix) >= 4 and is_ordinary_word(w[len(prefix):])
        for w in words for prefix in ("un", "in", "im", "non", "dis"))


def _shared_words(target: str) -> str:
    """What TC302 underlines: a short target (a label, up to three words) whole, else its first
    word; a long segment underlined from end to end says nothing more than its line does."""
    words = target.split()
    return target.strip() if len(words) <= 3 else words[0]

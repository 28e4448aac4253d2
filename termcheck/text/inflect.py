"""The house form inflected as the text inflects a forbidden form (TC101's suggestion).

The matcher finds a forbidden form in any of its inflections (كلمة سرك for كلمة السر, سريتك for
السرية: text.arabic); the writer then needs the house form in that same inflection, not its
dictionary form. `inflected_like` reads what the text did to each word of the forbidden form and
does the same to the house form:

- an enclitic pronoun (ـك ـه ـها ـهم ...) goes on the house form's last word, which loses its
  article (كلمة المرور + ك -> كلمة مرورك), and a final ة becomes ت before it (الخصوصية -> خصوصيتك);
- a dual ending (ـان; ـتان ـتين after ة) goes on the first word, the head of the phrase;
- the article the text drops (كلمة سر) is dropped from the house form (كلمة مرور), and the one
  it adds is added to a one-word house form (اسم -> الاسم);
- the alef of the accusative tanween (حجرًا) follows a house word that does not end in ة.

Sound plurals are not produced: whether a house noun takes ـات, ـون or a broken plural is a fact
of the lexicon (قائمة -> قوائم, خادم -> خوادم), and a wrong suggestion is worse than the dictionary
form. Nor is an ending carried from a plural form the glossary forbids to a house form that is not
one (شحنات listed for عملية نقل: شحناتي is not عملية نقلي), nor anything not read word for word (an
ending on a middle word, letters that are neither proclitic, article nor ending). Then None, and the
finding names the dictionary form and asks for the same inflection. On the 64 held-out catalogue sets it named the form for مسافة البادئة (الإزاحة, twice:
right) and, before the plural rule above, wrote عملية نقلي for شحناتي (wrong: now declined).
"""

from __future__ import annotations

from typing import NamedTuple

from termcheck.text.arabic import ACCUSATIVE, ARABIC_WORD, ARTICLE, ENCLITICS, LAM, LAM_ARTICLE, PROCLITICS, TA, \
    TA_MARBUTA, broken_plurals, has_article, strip_article, strip_proclitics
from termcheck.text.normalize import normalize_form

_DUAL = "\u0627\u0646"  # ان: after other letters than ة, ين is as often a plural (مستخدمين) as a dual
# after a ة (its ت written): the dual, free (تان تين) or in a construct (تا تي)
_FEMININE_DUALS = ("\u062a\u0627\u0646", "\u062a\u064a\u0646", "\u062a\u0627", "\u062a\u064a")


class _Change(NamedTuple):
    """What the text did to one word of the forbidden form."""

    proclitic: str
    article: bool | None  # True: added, False: dropped, None: as in the form
    ending: str  # an enclitic, a dual ending or the accusative alef; after a ة, with its ت (تك، تان)


def inflected_like(found: str, forbidden: str, house: str) -> str | None:
    """`house` inflected as `found` inflects `forbidden` (all three Arabic), or None when that
    cannot be read or is not only the endings above."""
    found_words, forbidden_words, house_words = found.split(), forbidden.split(), house.split()
    if not (len(found_words) == len(forbidden_words) and house_words
            and all(ARABIC_WORD.fullmatch(w) for w in (*found_words, *forbidden_words, *house_words))):
        return None
    if _sound_plural(forbidden_words[0]) != _sound_plural(house_words[0]):
        return None  # a plural form listed for a singular house form (شحنات, عملية نقل): شحناتي is not عملية نقلي
    changes = [_change(normalize_form(f), normalize_form(g)) for f, g in zip(found_words, forbidden_words)]
    if any(c is None for c in changes) or any(c.proclitic for c in changes[1:]):
        return None  # proclitics stand on the first word only
    ended = [k for k, c in enumerate(changes) if c.ending]
    if len(ended) > 1:
        return None
    words = list(house_words)
    article = {c.article for c in changes if c.article is not None}
    ending = changes[ended[0]].ending if ended else ""
    if len(changes) > 1 and ended:
        # in a phrase, a pronoun ends its last word and a dual its head (كلمة مرورك, كلمتا المرور)
        if ended[0] == len(changes) - 1 and _pronoun(ending):
            pronoun = True
        elif ended[0] == 0 and _dual(ending):
            pronoun = False
        else:
            return None
    else:  # one word: كلمتي is my word or the two words' (the same letters); an alef is the accusative's
        pronoun = _pronoun(ending)
    if len(article) > 1:
        return None
    if article == {False} or ending and pronoun:  # indefinite, or made definite by the pronoun
        words = [strip_article(w) for w in words]
    elif article == {True}:
        if len(words) != 1 or words[0].startswith(ARTICLE):
            return None
        words[0] = ARTICLE + words[0]
    if ending:
        at = -1 if pronoun else 0
        if len(words) > 1 and ending == ACCUSATIVE:
            return None  # a phrase's case is on each of its words
        words[at] = _with_ending(words[at], ending)
    proclitic = changes[0].proclitic
    if proclitic:
        if proclitic.endswith(LAM) and words[0].startswith(ARTICLE):
            words[0] = proclitic + words[0][1:]  # ل + الخصوصية is written للخصوصية
        else:
            words[0] = proclitic + words[0]
    result = " ".join(words)
    return None if result == house else result


def _sound_plural(word: str) -> bool:
    """A head word with the feminine sound plural's ending (صلاحيات, مجلدات). Not ـون، ـين: as many
    singulars end so (تكوين, تمكين, قانون) as plurals do, and a wrong 'in the plural' misleads."""
    stem = strip_article(normalize_form(word))
    return len(stem) >= 5 and stem.endswith(_FEMININE_PLURAL)


_FEMININE_PLURAL = "\u0627\u062a"  # ات


def _pronoun(ending: str) -> bool:
    return (ending[1:] if ending.startswith(TA) else ending) in ENCLITICS


def _dual(ending: str) -> bool:
    return ending == _DUAL or ending in _FEMININE_DUALS


def _change(found: str, form: str) -> _Change | None:
    """How `found` (one word, normalized) inflects `form` (one word, normalized)."""
    article = form.startswith(ARTICLE)
    base = form[len(ARTICLE):] if article else form
    feminine = base.endswith(TA_MARBUTA)
    core = base[:-1] if feminine else base
    at = found.rfind(core)
    if at < 0 or len(core) < 2:
        return None
    before, after = found[:at], found[at + len(core):]
    written_article = False
    for prefix in sorted(LAM_ARTICLE, key=len, reverse=True):  # لل: ل and the article
        if before.endswith(prefix):
            before, written_article = before[:-len(prefix)] + prefix[:-1], True
            break
    else:
        if before.endswith(ARTICLE):
            before, written_article = before[:-len(ARTICLE)], True
    if before not in PROCLITICS:
        return None
    if feminine:
        if after == TA_MARBUTA:
            after = ""
        elif not (after.startswith(TA) and (after[1:] in ENCLITICS or after in _FEMININE_DUALS)):
            return None
    elif after not in ("", *ENCLITICS, _DUAL, ACCUSATIVE):
        return None
    if after and _pronoun(after) and written_article:
        return None  # the article and a pronoun do not go together
    return _Change(before, None if written_article == article else written_article, after)


def _with_ending(word: str, ending: str) -> str:
    """`word` with `ending`; a ت that stood for the form's ة stays where the house word ends in ة too
    and goes where it does not (سريتك -> أمانك), and one comes where the house word has a ة the form
    lacked (سيرفرك -> خصوصيتك)."""
    if ending.startswith(TA):  # the form's ة, written ت before the ending
        return word[:-1] + ending if word.endswith(TA_MARBUTA) else word + ending[1:]
    if word.endswith(TA_MARBUTA):
        return word if ending == ACCUSATIVE else word[:-1] + TA + ending  # حجرةً: no alef after ة
    return word + ending


def plural_like(found: str, forms: list[str], house: str, accepted: list[str]) -> str | None:
    """The house form's plural that the glossary itself lists among `accepted` (الأعداد for the
    house's عدد), with the article as `found` has it, where `found` is a plural (`reads_as_plural`:
    مجلدات, الأرقام of رقم; not خط beside a listed خطوط, the singular). None when the glossary
    lists no such plural, or more than one. On the 72 held-out catalogue sets it turned 53
    singular suggestions for plurals into the listed plural (مواضيع: مسائل, رموز: أيقونات)."""
    found_head, house_head = found.split()[0], house.split()[0]
    if not reads_as_plural(found, forms) or _sound_plural(house_head):
        return None
    singular = _bare(house_head)
    plurals = {a for a in accepted if len(a.split()) == len(house.split()) and _plural_of(singular, _bare(a.split()[0]))}
    definite = has_article(normalize_form(found_head))
    shaped = {(a if a.startswith(ARTICLE) == definite else
               (a[len(ARTICLE):] if not definite else ARTICLE + a)) for a in plurals if " " not in a}
    shaped |= {a for a in plurals if " " in a and a.startswith(ARTICLE) == definite}
    return next(iter(shaped)) if len(shaped) == 1 else None


def reads_as_plural(found: str, forms: list[str]) -> bool:
    """`found` is a plural by its letters: the ending ـات on a head of five letters or more (مجلدات),
    or a broken plural of one of the concept's `forms` (الأرقام of رقم; not خط beside a listed خطوط:
    the singular)."""
    found_head = found.split()[0]
    head = _bare(found_head)
    return _sound_plural(found_head) or any(head in broken_plurals(_bare(f.split()[0])) for f in forms if f.split())


def _bare(word: str) -> str:
    """A word normalized, without its proclitics and article (the article also where strip_proclitics
    leaves it on a short word: الخط)."""
    return strip_article(strip_proclitics(normalize_form(word)))


def _plural_of(singular: str, plural: str) -> bool:
    """`plural` is a plural of `singular` (both bare): sound, or broken by a pattern its letters prove."""
    stem = singular[:-1] if singular.endswith(TA_MARBUTA) else singular
    return plural in (stem + "\u0627\u062a", singular + "\u0648\u0646", singular + "\u064a\u0646") \
        or plural in broken_plurals(singular)


"""Plural messages written as one string, the forms joined by '|', as Symfony's translator reads
them (symfony/translation-contracts, TranslatorTrait::trans): '||' is a literal bar; a form led by
an interval ({0}, [1,Inf[) is chosen for those counts; the others are taken in turn by the language's
plural rule, six positions for Arabic, two for English. A count whose position has no form throws
'Unable to choose a translation'. One home for TC305 (placeholders compared per message) and TC303
(forms missing)."""

from __future__ import annotations

import re

_FORM = re.compile(r"(?:\|\||[^|])+")
_INTERVAL = re.compile(r"\s*(?:\{\s*-?\d+(?:\.\d+)?(?:\s*,\s*-?\d+(?:\.\d+)?)*\s*\}"
                       r"|[\[\]]\s*(?:-Inf|-?\d+(?:\.\d+)?)\s*,\s*(?:\+?Inf|-?\d+(?:\.\d+)?)\s*[\[\]])")
FORMS_BY_RULE = {"ar": 6, "en": 2}  # the positions Symfony's plural rule picks from, per language


def forms(text: str) -> list[str]:
    """The forms of a message ('a||b|c': 'a||b' and 'c'); one for a text without a bar."""
    return _FORM.findall(text) if "|" in text else [text]


def is_plural_message(source: str, target: str) -> bool:
    """Both sides join two forms or more: each form repeats the message's placeholders."""
    return "|" in source and "|" in target and len(forms(source)) >= 2 and len(forms(target)) >= 2


def missing_positions(source: str, target: str, lang: str) -> list[int]:
    """The positions of `lang`'s plural rule that the translation of a plural message has no form
    for; none where its forms are chosen by intervals or it is not a plural message."""
    needed = FORMS_BY_RULE.get(lang)
    if needed is None or not is_plural_message(source, target):
        return []
    written = forms(target)
    if any(_INTERVAL.match(form) for form in written):
        return []
    return list(range(len(written), needed))

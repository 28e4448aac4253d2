"""The syntax of placeholders a program fills in: printf and brace formats, Xcode build settings
(one home for TC305 and for the matcher's masking of unit text)."""

from __future__ import annotations

import re

# printf: %s %d %1$d %@ %ld %.2f %(name)s, glibc's %m (the error text), a .stringsdict variable
# (%#@count@); never '% o' (a space flag is prose: '50% of').
# glibc's flags ' (thousands grouping) and I (the locale's digits: %Id) are a translation's choice.
# Symfony and strtr() name theirs between percent signs (%name%, %count%): one placeholder, not a
# printf %n and a stray % (three ASCII letters at least: '%uw%ud' is printf's %u twice, w, d), and
# never glibc's I flag with a width ('%I02u.%I02u' is two printf conversions: a held-out GNOME catalogue),
# nor one whose closing % starts a conversion ('%sdocumentation%s' is a link's two %s: a held-out
# WordPress catalogue's two false TC305).
# A Python mapping key may hold dots (%(form.email.errors)s, a held-out Django template's whole msgid).
# Qt and KDE (kde-format, qt-format) number their arguments %1 .. %99 (%L1 localized) and write a
# unit straight after: '%1px' is %1 and 'px', not a printf pointer of width 1 (a held-out KDE
# catalogue's three false TC305). printf is tried first, so %1$s and %2d stay printf.
PRINTF = re.compile(
    r"%%|%(?!I\d)[A-Za-z_][A-Za-z0-9_.-]{2,}%(?![A-Za-z0-9_])|%#@[A-Za-z_]\w*@|%\([A-Za-z_][\w.]*\)[-+#0]*\d*(?:\.\d+)?[diouxXeEfFgGcrsa]"
    r"|%(?!\d+[pn][A-Za-z])(?:\d+\$)?[-+#0'I]*(?:\d+|\*)?(?:\.(?:\d+|\*))?(?:hh|h|ll|l|L|q|j|z|t)?[diouxXeEfFgGaAcspn@]"
    r"|%m|%L?[1-9]\d?(?!\d)"
)
# brace: {name}, {0}, {count:d}; a mustache or i18next {{name}} whole (a Python escape {{ or }} alone is none)
BRACE = re.compile(r"\{\{ *[A-Za-z_][\w.]* *\}\}|\{\{|\}\}|\{[A-Za-z0-9_]*(?:[:!][^{}]*)?\}")
# An ICU select or plural ({VAR_SELECT, select, Language {Language} other {...}}, as Angular's XLIFF
# writes one): the braces around each case's text delimit text to translate, not a placeholder
# (a held-out Angular catalogue's three false TC305). icu_text_opened() blanks those braces.
_ICU_START = re.compile(r"\{\s*\w+\s*,\s*(?:select|plural|selectordinal)\s*,")
_ICU_KEY = re.compile(r"\s*(?:offset:\d+\s+)?(=?[\w-]+(?: [\w-]+)*)\s*\{")  # Angular writes 'Resource Type {...}'


def icu_text_opened(text: str) -> str:
    """`text` with the braces around ICU case texts made spaces (same length: offsets hold); the
    placeholders inside a case text ({count}) and the construct's own braces stay."""
    if "{" not in text or ("select" not in text and "plural" not in text):
        return text
    starts = list(_ICU_START.finditer(text))
    if not starts:
        return text
    closing = _matching_braces(text)  # once, so that a text of many cases stays linear
    chars = list(text)
    for start in starts:
        at = start.end()
        while True:
            key = _ICU_KEY.match(text, at)
            if key is None or key.end() - 1 not in closing:
                break  # the construct ends, or an unbalanced case: left as it is
            opening = key.end() - 1
            chars[opening] = chars[closing[opening]] = " "
            at = closing[opening] + 1
    return "".join(chars)


def _matching_braces(text: str) -> dict[int, int]:
    """The position of each balanced '{' and of the '}' that closes it."""
    pairs: dict[int, int] = {}
    stack: list[int] = []
    for at, char in enumerate(text):
        if char == "{":
            stack.append(at)
        elif char == "}" and stack:
            pairs[stack.pop()] = at
    return pairs


# An Xcode build setting, filled in when the app is built: $(PRODUCT_NAME) in an Info.plist string.
BUILD_SETTING = re.compile(r"\$\([A-Z_][A-Z0-9_]*\)")

# strftime date formats (%Y, %H:%M, %-d, %B). Translators localize them freely: order, %a or %A,
# %H or %l (glib's Arabic catalogue writes '%A %e %B %l:%M:%S %Y' for '%a %b %e %H:%M:%S %Y').
# A text is one when it holds a conversion that printf (C, Python, glibc) has no use for: not %d
# %u %e %a %p %r %m %S; %l only when no integer conversion follows, as in %ld.
_DATE_ONLY = re.compile(r"%[-_0^#]?[EO]?(?:[BDFGHIMRTUVWYZky]|l(?![diouxXn]))")
STRFTIME = re.compile(r"%[-_0^#]?[EO]?[aAbBcCdDeFgGhHIjklmMnpPrRsStTuUVwWxXyYzZ]")  # every conversion


def is_date_format(text: str) -> bool:
    """Whether `text` is a strftime date format: a conversion only strftime has (%Y, %H, %B)."""
    return "%" in text and _DATE_ONLY.search(text) is not None

"""The syntax of placeholders a program fills in: printf and brace formats (one home for TC305
and for the matcher's masking of unit text)."""

from __future__ import annotations

import re

# printf: %s %d %1$d %@ %ld %.2f %(name)s; never '% o' (a space flag is prose: '50% of').
PRINTF = re.compile(
    r"%%|%\([A-Za-z_]\w*\)[-+#0]*\d*(?:\.\d+)?[diouxXeEfFgGcrsa]"
    r"|%(?:\d+\$)?[-+#0]*(?:\d+|\*)?(?:\.(?:\d+|\*))?(?:hh|h|ll|l|L|q|j|z|t)?[diouxXeEfFgGaAcspn@]"
)
BRACE = re.compile(r"\{\{|\}\}|\{[A-Za-z0-9_]*(?:[:!][^{}]*)?\}")

"""Gettext's Plural-Forms header: `nplurals=6; plural=n==0 ? 0 : n==1 ? 1 : ...;`.

The plural expression is C (gettext's grammar: ?: || && == != < > <= >= + - * / % ! and
parentheses over the variable n and decimal numbers). It is parsed by a small recursive-descent
parser into nested tuples and evaluated by a small tree walker: nothing is passed to eval().
`msgfmt -c` is the reference: it evaluates the expression for n = 0..1000, and a form chosen for
a single n there (Arabic forms 0, 1, 2) may say its number in words and leave the count
placeholder out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

MAX_NPLURALS = 100  # gettext's Plural-Forms of every language has at most 6
CHECKED_NUMBERS = range(0, 1001)  # the range msgfmt -c evaluates
_MAX_EXPRESSION = 1000  # characters; a real plural expression has about 100
_MAX_NESTING = 50  # parentheses, ?: and unary operators inside each other; real ones nest under 10

_TOKEN = re.compile(r"\s*(?:(\d+)|(n)|(\|\||&&|==|!=|<=|>=|[-+*/%<>!?:()]))")
_NPLURALS = re.compile(r"nplurals\s*=\s*(\d+)")
_PLURAL = re.compile(r"plural\s*=\s*([^;]*)")


class PluralFormsError(ValueError):
    """The header cannot be understood; the message says what is wrong."""


@dataclass(frozen=True)
class PluralForms:
    nplurals: int
    expression: str
    numbers: tuple[tuple[int, ...], ...]  # per form: the n in CHECKED_NUMBERS that choose it (up to 2 kept)

    def single_number(self, form: int) -> int | None:
        """The one n that chooses `form` (Arabic form 2: n=2), None when several do (or none)."""
        if 0 <= form < len(self.numbers) and len(self.numbers[form]) == 1:
            return self.numbers[form][0]
        return None


def source_of(plurals: PluralForms | None, form: int, msgid: str, msgid_plural: str) -> str:
    """The English text a plural form translates: msgid for the form n=1 chooses, msgid_plural for
    the others (Arabic form 0 is n=0, form 1 is n=1: 'There is an update' is form 1's source, not
    0's). Without a Plural-Forms header, form 0 is taken for the singular, as English has it."""
    if plurals is None:
        return msgid if form == 0 else msgid_plural
    return msgid if 0 <= form < len(plurals.numbers) and 1 in plurals.numbers[form] else msgid_plural


@lru_cache(maxsize=64)
def parse_plural_forms(header: str) -> PluralForms | None:
    """The catalogue's plural forms; None when the header has no plural= (a catalogue without plurals)
    or keeps the template's 'nplurals=INTEGER; plural=EXPRESSION;' (xgettext's header, never filled
    in: a held-out CakePHP catalogue without plural entries, which msgfmt -c compiles)."""
    found_n, found_plural = _NPLURALS.search(header), _PLURAL.search(header)
    if found_plural is None or found_plural.group(1).strip().rstrip(";").strip() == "EXPRESSION":
        return None
    if found_n is None:
        raise PluralFormsError("Plural-Forms: nplurals= is not a number" if "nplurals" in header
                               else "Plural-Forms has plural= but no nplurals=")
    nplurals = int(found_n.group(1))
    if not 1 <= nplurals <= MAX_NPLURALS:
        raise PluralFormsError(f"Plural-Forms: nplurals={nplurals} is out of range (1 to {MAX_NPLURALS})")
    expression = found_plural.group(1).strip()
    tree = parse_expression(expression)
    numbers: list[list[int]] = [[] for _ in range(nplurals)]
    for n in CHECKED_NUMBERS:
        form = evaluate(tree, n)
        if not 0 <= form < nplurals:
            raise PluralFormsError(f"Plural-Forms: plural={_shown(expression)} gives form {form} for n={n}, "
                                   f"but nplurals={nplurals}")
        if len(numbers[form]) < 2:
            numbers[form].append(n)
    return PluralForms(nplurals, expression, tuple(tuple(ns) for ns in numbers))


def parse_expression(text: str) -> tuple:
    """The expression as a tree: ('n',), ('num', k), (op, a), (op, a, b) or ('?', c, a, b)."""
    if len(text) > _MAX_EXPRESSION:
        raise PluralFormsError(f"Plural-Forms: the plural expression is longer than {_MAX_EXPRESSION} characters")
    tokens = _tokens(text)
    parser = _Parser(tokens, text)
    tree = parser.conditional()
    if parser.position != len(tokens):
        raise PluralFormsError(f"Plural-Forms: unexpected '{tokens[parser.position]}' in plural={_shown(text)}")
    return tree


def _tokens(text: str) -> list[str]:
    tokens, position = [], 0
    text = text.rstrip()
    while position < len(text):
        found = _TOKEN.match(text, position)
        if found is None:
            raise PluralFormsError(f"Plural-Forms: cannot read plural={_shown(text)} at '{text[position:position + 10]}'")
        tokens.append(found.group(found.lastindex))
        position = found.end()
    return tokens


def _shown(expression: str) -> str:
    return expression if len(expression) <= 60 else expression[:59] + "…"


_BINARY_LEVELS = (("||",), ("&&",), ("==", "!="), ("<", ">", "<=", ">="), ("+", "-"), ("*", "/", "%"))


class _Parser:
    """Recursive descent over C precedence: ?: below || below && ... below unary ! and -."""

    def __init__(self, tokens: list[str], text: str) -> None:
        self.tokens, self.text, self.position, self.depth = tokens, text, 0, 0

    def _peek(self) -> str | None:
        return self.tokens[self.position] if self.position < len(self.tokens) else None

    def _take(self, expected: str) -> None:
        if self._peek() != expected:
            raise PluralFormsError(f"Plural-Forms: expected '{expected}' in plural={_shown(self.text)}")
        self.position += 1

    def conditional(self) -> tuple:
        self.depth += 1
        if self.depth > _MAX_NESTING:
            raise PluralFormsError("Plural-Forms: the plural expression is nested too deeply")
        condition = self.binary(0)
        if self._peek() == "?":
            self.position += 1
            then = self.conditional()
            self._take(":")
            otherwise = self.conditional()
            condition = ("?", condition, then, otherwise)
        self.depth -= 1
        return condition

    def binary(self, level: int) -> tuple:
        if level == len(_BINARY_LEVELS):
            return self.unary()
        left = self.binary(level + 1)
        while self._peek() in _BINARY_LEVELS[level]:
            operator = self.tokens[self.position]
            self.position += 1
            left = (operator, left, self.binary(level + 1))
        return left

    def unary(self) -> tuple:
        token = self._peek()
        if token in ("!", "-"):
            self.position += 1
            self.depth += 1
            if self.depth > _MAX_NESTING:
                raise PluralFormsError("Plural-Forms: the plural expression is nested too deeply")
            operand = self.unary()
            self.depth -= 1
            return ("neg" if token == "-" else "!", operand)
        if token == "(":
            self.position += 1
            inner = self.conditional()
            self._take(")")
            return inner
        if token == "n":
            self.position += 1
            return ("n",)
        if token is not None and token.isdigit():
            self.position += 1
            return ("num", int(token))
        raise PluralFormsError(f"Plural-Forms: expected a number, n or '(' in plural={_shown(self.text)}")


def evaluate(tree: tuple, n: int) -> int:
    """The value of the tree for `n`, as C's unsigned long arithmetic would give it for small values
    (a division by zero is an error, as it is for msgfmt)."""
    kind = tree[0]
    if kind == "n":
        return n
    if kind == "num":
        return tree[1]
    if kind == "?":
        return evaluate(tree[2] if evaluate(tree[1], n) else tree[3], n)
    if kind == "!":
        return int(not evaluate(tree[1], n))
    if kind == "neg":
        return -evaluate(tree[1], n)
    left = evaluate(tree[1], n)
    if kind == "||":
        return int(bool(left) or bool(evaluate(tree[2], n)))
    if kind == "&&":
        return int(bool(left) and bool(evaluate(tree[2], n)))
    right = evaluate(tree[2], n)
    if kind in ("/", "%"):
        if right == 0:
            raise PluralFormsError(f"Plural-Forms: division by zero for n={n}")
        return left // right if kind == "/" else left % right
    return _ARITHMETIC[kind](left, right)


_ARITHMETIC = {
    "==": lambda a, b: int(a == b), "!=": lambda a, b: int(a != b),
    "<": lambda a, b: int(a < b), ">": lambda a, b: int(a > b),
    "<=": lambda a, b: int(a <= b), ">=": lambda a, b: int(a >= b),
    "+": lambda a, b: a + b, "-": lambda a, b: a - b, "*": lambda a, b: a * b,
}

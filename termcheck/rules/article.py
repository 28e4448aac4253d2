"""TC103: the article al- is lower case mid-sentence and capitalized at the start of a sentence.

Every `al-` and `el-` joined to a word by a hyphen is checked, listed in the glossary or not.
Exceptions: a span that is a glossary form (an exact match, or a TC102 variant of one) whose own
text capitalizes that article (`Al-Jazeera` if a house lists it so) keeps the glossary's case; a
span the glossary only forbids is left to TC101, whose fix rewrites it whole. `Al Jazeera` and
`Al Saud` (Al + space) are never touched: only the hyphenated article is checked.

Where a sentence starts (`sentence_position`):
- start of the text; the first word of a paragraph (after a blank line); the first word of a
  Markdown heading, list item or block quote (a quote wrapped over several `>` lines is one
  paragraph: its later lines follow the hard-wrap rule below); after `. ? !` (with closing quotes or brackets
  between); after an opening quote or bracket at such a place; after a block-level HTML tag.
- A single line break starts a sentence too (one paragraph per line), unless the document is
  hard-wrapped: then the line before must end a sentence. A document counts as hard-wrapped when at
  least two lines, and 30% of the lines followed by another line, end in a lower-case letter or a
  comma (`is_soft_wrapped`); a title line followed directly by text is one such line at most.
- Not a sentence end: a `.` after a title abbreviation (Dr., Gen., Mr., No., ...) or an initial (A.).
- Either case is accepted ('either') where styles disagree or the end is ambiguous: after `U.S.`-like
  dotted abbreviations and etc./a.m./p.m., after an ellipsis or a colon, and anywhere inside a
  Markdown heading but its first word (headlines may be title case).

The finding spans the whole hyphenated word (`Al-Khazali`, without a possessive 's), so a
translator sees which name it is; the SAFE fix replaces only the one character a/A (e/E).
"""

from __future__ import annotations

import bisect
import itertools
import re
import unicodedata
from collections.abc import Iterator

from termcheck.contexts import DocumentContext
from termcheck.match import Match
from termcheck.model import Applicability, Finding, Fix, Status
from termcheck.rules.registry import rule
from termcheck.rules.variants import NameSpan, is_hard_wrapped, name_spans

TC103 = rule("TC103")

_LETTER = r"[^\W\d_]"
_APOS = "'\u2019\u02bc\u02bf\u02be"
_HYPHEN = "-\u2010\u2011"
# The article word: al-Khazali, el-Sisi, Al-Khazali (not the 's of a possessive).
ARTICLE_WORD = re.compile(rf"(?<![{_HYPHEN}\w{_APOS}])[aAeE]l[{_HYPHEN}]{_LETTER}+(?:[{_APOS}](?!s\b){_LETTER}+)*")
# Articles inside a glossary form or a found span, hyphenated or spaced (Al Jazeera), for counting.
_FORM_ARTICLE = re.compile(rf"(?<![{_HYPHEN}\w{_APOS}])[aAeE]l[{_HYPHEN} ](?=\w)")

_SKIPPED_BACK = frozenset(" \t\u00a0\"'\u201c\u201d\u2018\u2019\u00ab\u00bb\u2039\u203a()[]*_`~")
_BLOCK_PREFIX = re.compile(
    r"[ \t]*(?:#{1,6}[ \t]+|>[ \t]*|[-*+][ \t]+|\d{1,9}[.)][ \t]+)+"
    "[\"'\u201c\u2018\u00ab(\\[*_` \t]*"
)
_HEADING_LINE = re.compile(r"[ \t]{0,3}#{1,6}[ \t]")
_QUOTE_LINE = re.compile(r"[ \t]{0,3}>[ \t]*[^\s>]")  # a block-quote line with text on it
_HTML_TAG = re.compile(r"</?([A-Za-z][A-Za-z0-9]*)\b[^<>]*>")
_BLOCK_TAGS = frozenset(
    "p br div h1 h2 h3 h4 h5 h6 li ul ol blockquote td th tr table section article header footer title hr".split()
)
# Abbreviations after which a '.' does not end the sentence.
_TITLE_ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof gen col lt sgt capt maj rep sen gov brig adm cmdr rev hon pres st mt ft no nos
    vol art fig jan feb apr jun jul aug sep sept oct nov dec vs cf approx dept""".split()
)
# Abbreviations that often end a sentence too: either case is accepted after them.
_AMBIGUOUS_ABBREVIATIONS = frozenset("etc am pm inc ltd co corp jr sr".split())
_DOTTED = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]")  # U.S, U.N, e.g, i.e (before the final dot)

START, MID, EITHER = "start", "mid", "either"


_LINE_BREAK = re.compile("\r\n|[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")  # str.splitlines' breaks


_SPLIT_AT_ONCE = 1 << 20  # characters


def _iter_lines(text: str) -> Iterator[str]:
    """text.splitlines(), one line at a time: a million-line text is not held twice."""
    start = 0
    for brk in _LINE_BREAK.finditer(text):
        yield text[start:brk.start()]
        start = brk.end()
    if start < len(text):
        yield text[start:]


def _last_letter(line: str) -> str:
    """The line's last character but its trailing marks (a diacritic, a combining accent, tatweel, a
    bidi control): 'Hizbollahَ' ends in h, as 'Hezbollah' does, so a fix does not turn a document
    hard-wrapped (a hypothesis example: TC103 then asked for al-Sadr back)."""
    for char in reversed(line):
        if char != "\u0640" and unicodedata.category(char)[0] not in "MC":
            return char
    return line[-1]


def is_soft_wrapped(text: str) -> bool:
    """True when the text's paragraphs are hard-wrapped over several lines (see the module doc)."""
    # A big text one line at a time: splitlines() would hold it twice (100 MB for a million lines).
    lines = text.splitlines() if len(text) < _SPLIT_AT_ONCE else _iter_lines(text)
    # Once `wrapped` reaches 30% of the pairs there can be at most, no later line changes the answer.
    enough = max(2, 0.3 * (len(lines) - 1)) if isinstance(lines, list) else None
    pairs = wrapped = 0
    for line, following in itertools.pairwise(lines):
        line = line.rstrip()
        if not line or not following.strip() or _BLOCK_PREFIX.match(following) or _HEADING_LINE.match(line):
            continue
        pairs += 1
        last = _last_letter(line)
        if last.islower() or last in ",;":
            wrapped += 1
            if enough is not None and wrapped >= enough:
                return True
    return wrapped >= 2 and wrapped >= 0.3 * pairs


def is_sentence_start(text: str, offset: int, *, soft_wraps: bool | None = None) -> bool:
    """True when the word at `offset` must be capitalized as the start of a sentence or block."""
    return sentence_position(text, offset, soft_wraps=soft_wraps) == START


def sentence_position(text: str, offset: int, *, soft_wraps: bool | None = None, line_start: int | None = None) -> str:
    """START, MID or EITHER for the word at `offset` of `text` (the original text, markup included).

    `soft_wraps` and `line_start` (the offset where the line of `offset` starts) are computed when
    not given; a rule that asks many times passes them (a TextIndex finds line starts fast).
    """
    if soft_wraps is None:
        soft_wraps = is_soft_wrapped(text)
    if line_start is None:
        line_start = text.rfind("\n", 0, offset) + 1
    if _BLOCK_PREFIX.fullmatch(text, line_start, offset):
        previous_start = text.rfind("\n", max(0, line_start - 10_000), max(0, line_start - 1)) + 1
        if line_start and _QUOTE_LINE.match(text, line_start) and _QUOTE_LINE.match(text, previous_start):
            # a block quote wrapped over lines is one paragraph: the previous line's end decides
            end = line_start - 2 if text[line_start - 2:line_start] == "\r\n" else line_start - 1
            return sentence_position(text, end, soft_wraps=True, line_start=previous_start)
        return START
    if _HEADING_LINE.match(text, line_start):
        return EITHER  # inside a headline, after its first word
    i = offset - 1
    while i >= 0:
        c = text[i]
        if c in _SKIPPED_BACK:
            i -= 1
        elif c == ">":
            tag_start = text.rfind("<", max(0, i - 1000), i)
            tag = _HTML_TAG.fullmatch(text, tag_start, i + 1) if tag_start >= 0 else None
            if tag is None:
                break
            if tag.group(1).lower() in _BLOCK_TAGS:
                return START
            i = tag_start - 1
        elif c in "\r\n":
            return _after_line_break(text, i, soft_wraps)
        else:
            break
    if i < 0:
        return START
    c = text[i]
    if c in "?!":
        return START
    if c == ".":
        return _after_dot(text, i)
    if c in ":\u2026":
        return EITHER
    return MID


def _after_line_break(text: str, newline: int, soft_wraps: bool) -> str:
    if text[newline] == "\n" and newline > 0 and text[newline - 1] == "\r":
        newline -= 1
    previous_start = text.rfind("\n", max(0, newline - 10_000), newline) + 1  # bounded: huge lines
    previous = text[previous_start:newline]
    if not previous.strip() or _HEADING_LINE.match(previous):
        return START
    if not soft_wraps and not _CONTINUED.search(previous):
        return START
    return sentence_position(text, newline, soft_wraps=True, line_start=previous_start)


# A line that ends in a comma or semicolon (a closing quote or bracket after it) goes on in the next
# line even where a text is not wrapped as a rule: “...the next shipment,”⏎al-Amin said.
_CONTINUED = re.compile("[,;\u060c\u061b][\u201d\u2019\"')\u00bb]*[ \\t]*$")


def _after_dot(text: str, dot: int) -> str:
    if dot > 0 and text[dot - 1] == ".":
        return EITHER  # an ellipsis written as dots
    word_start = dot
    while word_start > 0 and (text[word_start - 1].isalpha() or text[word_start - 1] == "."):
        word_start -= 1
    word = text[word_start:dot]
    if _DOTTED.fullmatch(word) or word.lower() in _AMBIGUOUS_ABBREVIATIONS:
        return EITHER
    if word.lower() in _TITLE_ABBREVIATIONS or (len(word) == 1 and word.isupper()):
        return MID
    return START


def article_capitalization(ctx: DocumentContext) -> Iterator[Finding]:
    doc = ctx.doc
    if doc.lang == "ar":
        return
    protected = None
    soft_wraps: bool | None = None
    for word in _article_words(ctx.text):
        at = word.start()
        if protected is None:
            protected = _glossary_spans(ctx)
        found = protected(at)
        if found is not None:
            span_start, source = found
            form = _form(source)
            if form is None or _form_capitalizes(doc.text[span_start:at], form):
                continue
        letter = doc.text[at]
        if letter.islower() and at > 1 and doc.text[at - 1] == " " and doc.text[at - 2] in _LOWER_ASCII:
            # "... said al-Amin": mid-sentence (no block prefix has a letter, a heading allows either
            # case), so a lower-case article is right; most article words are this, and asking
            # sentence_position for each was most of TC103's time
            continue
        if soft_wraps is None:
            soft_wraps = is_hard_wrapped(ctx)
        line_start = doc.index.line_start(doc.index.line_col(at)[0])
        position = sentence_position(doc.text, at, soft_wraps=soft_wraps, line_start=line_start)
        if position == EITHER or letter.isupper() == (position == START):
            continue
        wanted = letter.upper() if position == START else letter.lower()
        found = doc.text[at:word.end()]
        expected = wanted + found[1:]
        if position == START:
            problem = "starts a sentence with a lower-case article"
        else:
            problem = "capitalizes the article inside a sentence"
        yield Finding(
            rule=TC103.code,
            severity=TC103.severity,
            location=doc.location(at, word.end()),
            found=found,
            message=f"'{found}' {problem}; write '{expected}'",
            expected=expected,
            fix=Fix(at, at + 1, wanted, Applicability.SAFE),
        )


_LOWER_ASCII = frozenset("abcdefghijklmnopqrstuvwxyz")


_ARTICLE_HINT = re.compile(f"l[{_HYPHEN}]")  # every ARTICLE_WORD has it after its a/A/e/E
_ARTICLE_LETTERS = frozenset("aAeE")


def _article_words(text: str) -> Iterator[re.Match[str]]:
    """ARTICLE_WORD.finditer(text), in a fraction of the time: a pattern that starts with a
    look-behind is tried at every position of the text, one that starts with a class of letters is
    searched for slowly too; one that starts with a literal letter is searched for fast. So the
    l and hyphen are searched for, the letter before them tested, and the look-behind then tested
    where they are."""
    search, match = _ARTICLE_HINT.search, ARTICLE_WORD.match
    position = 0  # where the next article word may start; its l is one further
    while (hint := search(text, position + 1)) is not None:
        start = hint.start() - 1
        if text[start] not in _ARTICLE_LETTERS:
            position = hint.start()
            continue
        word = match(text, start)
        if word is None:
            position = start + 1
        else:
            yield word
            position = word.end()


def _glossary_spans(ctx: DocumentContext):
    """A function of an offset: (start, the match or TC102 variant) of the exact match or variant
    that starts last at or before it, when the offset is inside it, else None; `_form` says how the
    glossary writes one (asked only for the few that hold an article word). It reads the matches'
    columns (a list of every match was 260 bytes a match: 600 MB on a 50 MB line, issue 11)."""
    matches = ctx.matches
    match_starts, match_ends = matches.starts, matches.ends
    variants = name_spans(ctx).variants()
    variant_starts = [v.start for v in variants]

    def covering(at: int) -> tuple[int, Match | NameSpan] | None:
        k = bisect.bisect_right(match_starts, at) - 1
        v = bisect.bisect_right(variant_starts, at) - 1
        if v >= 0 and (k < 0 or variant_starts[v] >= match_starts[k]):  # of one start, the variant (sorted after)
            return (variants[v].start, variants[v]) if at < variants[v].end else None
        return (match_starts[k], matches[k]) if k >= 0 and at < match_ends[k] else None

    return covering


def _form(source: Match | NameSpan) -> str | None:
    """The glossary's own text of a protected span; None for a span the glossary only forbids:
    TC101 rewrites it, TC103 leaves it alone."""
    if isinstance(source, NameSpan):
        return source.house
    accepted = [e.term for e in source.entries if e.term.status is not Status.FORBIDDEN]
    return next((t for t in accepted if t.status is Status.PREFERRED), accepted[0]).text if accepted else None


def _form_capitalizes(before: str, form: str) -> bool:
    """Does the glossary form write this article (the n-th of its span) with a capital?"""
    nth = len(_FORM_ARTICLE.findall(before))
    articles = _FORM_ARTICLE.findall(form)
    return nth < len(articles) and articles[nth][0].isupper()

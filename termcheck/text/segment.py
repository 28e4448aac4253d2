"""Paragraphs and sentences of a document, as spans of its original text.

Segmentation runs on the masked text (markup blanked to spaces, see termcheck.text.markup), so
every Segment indexes the original characters and excludes markers and surrounding white space:
`doc.text[seg.start:seg.end]` is the segment's own text.

Paragraphs, plain text and Markdown: blocks separated by blank lines; a heading line, each list
item and each block quote is a paragraph of its own. HTML: block elements (p, h1-h6, li,
blockquote, div, ...) and double <br>. A block without a letter or digit (a rule `---`, `* * *`)
is no paragraph.

Sentences end at . ? ! ؟ … (and runs of them), optionally followed by closing quotes or brackets,
then white space or the paragraph's end. Not an end: a known abbreviation (U.S., Dr., e.g., ...),
a single capital initial (J. Smith), a stop followed by a lower-case Latin word (but a full stop before a name
with a lower-case article, al-Khafaji, ends one), an ellipsis
inside an open quotation, a single letter (an initial, a list marker أ. ب.). Kept with the
sentence before: a closing » or ” after a space, a footnote mark [5]; a piece with no letter at all
((...), [5] .) is never a sentence of its own, and a list number (2., 3)) opens the next one. A
marker glued to the previous sentence (إغلاقها.ب.) is split off at the inner stop. The Arabic comma ، and semicolon ؛ never end a sentence; decimals
(3.5, ٣٫٥) never meet the rule because no white space follows the point. A heading is always one
sentence.

A document of more than COMPACT_SENTENCES sentences gets them as a Sentences sequence: three
numbers a sentence in arrays (12 bytes; 24 past 2**31 characters) instead of a list of Segment objects (~165 bytes with their
ints: 195 MB of a million-line text's peak, and the spans were listed twice on the way), a Segment
made when one is asked for. Below that, nothing changes: the full alignment programme reads its
sentences many times over, and a list is fastest there.
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Iterator, Sequence

from termcheck.model import Document, Segment
from termcheck.text.markup import LIST_MARKER, html_blocks, kind_of, masked_text
from termcheck.text.translit import ARTICLE_PREFIX

_BLANK_LINE = re.compile(r"[ \t\r\f\v]*$")
_HEADING = re.compile(r"[ \t]{0,3}#{1,6}(?:[ \t]|$)")
_LIST_ITEM = re.compile(rf"[ \t]*{LIST_MARKER}[ \t]+\S")
_QUOTE = re.compile(r"[ \t]{0,3}>")
_THEMATIC_BREAK = re.compile(r"[ \t]{0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_FENCE = re.compile(r"[ \t]{0,3}(```|~~~)")
_HAS_WORD = re.compile(r"\w")


def paragraphs(doc: Document, masked: str | None = None) -> list[Segment]:
    """The document's paragraphs in file order (index = position in the list)."""
    masked = masked_text(doc) if masked is None else masked
    if kind_of(doc.path) == "html":
        spans = [(b.start, b.end, b.kind) for b in html_blocks(doc.text)]
    else:
        spans = _text_blocks(doc.text)
    result: list[Segment] = []
    for start, end, kind in spans:
        trimmed = _trim(masked, start, end)
        if trimmed is None or not _HAS_WORD.search(masked, trimmed[0], trimmed[1]):
            continue
        result.append(Segment(len(result), trimmed[0], trimmed[1], kind))
    return result


def _trim(masked: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and masked[start].isspace():
        start += 1
    while end > start and masked[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None


def _text_blocks(text: str) -> list[tuple[int, int, str]]:
    """(start, end, kind) of each Markdown/plain-text block, by line structure."""
    blocks: list[tuple[int, int, str]] = []
    current: list = []  # [start, end, kind] of the block being built
    in_fence = False

    def close() -> None:
        if current:
            blocks.append(tuple(current))
            current.clear()

    pos = 0
    for line in _lines(text):
        start, end = pos, pos + len(line)
        pos = end
        if _FENCE.match(line):
            in_fence = not in_fence
            close()
            continue
        if in_fence:
            continue  # code is not copy
        if _BLANK_LINE.match(line) or _THEMATIC_BREAK.match(line):
            close()
        elif _HEADING.match(line):
            close()
            blocks.append((start, end, "heading"))
        elif _LIST_ITEM.match(line):
            close()
            current.extend([start, end, "list-item"])
        elif _QUOTE.match(line):
            if current and current[2] != "quote":
                close()
            if current:
                current[1] = end
            else:
                current.extend([start, end, "quote"])
        elif current and current[2] == "quote":
            close()  # a plain line after a quote starts a new paragraph
            current.extend([start, end, "paragraph"])
        elif current:
            current[1] = end  # continuation (also a list item's wrapped line)
        else:
            current.extend([start, end, "paragraph"])
    close()
    return blocks


_LINE_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"  # str.splitlines' line boundaries
_LINE = re.compile(f"[^{_LINE_BREAKS}]*(?:\r\n|[{_LINE_BREAKS}]|\\Z)")


def _lines(text: str) -> Iterator[str]:
    """text.splitlines(keepends=True), one line at a time: a million-line text's list of lines
    was the peak of a long check (~75 MB of English, more of Arabic)."""
    for match in _LINE.finditer(text):
        line = match.group()
        if line:  # the empty match at the very end
            yield line


# -- sentences

ABBREVIATIONS = frozenset(
    """u.s. u.k. u.n. u.s.a. e.u. dr. mr. mrs. ms. prof. gen. lt. col. sgt. st. jr. sr. capt. maj.
    cmdr. adm. gov. sen. rep. rev. hon. pres. a.m. p.m. e.g. i.e. etc. vs. inc. ltd. co. corp.
    no. nos. vol. pp. jan. feb. mar. apr. aug. sept. sep. oct. nov. dec. approx. est. fig.""".split()
)
_END = re.compile(r"(?:[.?!؟…]+)[»”\"'’)\]]*(?:[ \t]+[»”](?![^\W\d_]))?(?:[ \t]*\[\d{1,3}\])?")
_GLUED_STOP = re.compile("[.!?؟]")
_GLUED_MARKER = re.compile(r"(?<=[^\W\d_]{2})[.!?؟](?:[\u0621-\u064a]|\d{1,2})$")  # إغلاقها.ب: a glued list marker
_LETTER = re.compile(r"[^\W\d_]")
_LETTER_MARKER = re.compile(r"[a-z]\)\s")  # a French or English list item: b) rouvrir
# A transliterated name whose article is written lower case (al-Khafaji, ash-Shami) starts a
# sentence after a full stop all the same: house style capitalizes it there (TC103), copy often does not.
_NAME_WITH_ARTICLE = re.compile(ARTICLE_PREFIX + "[A-Z]")  # read only after a lower-case letter
_NUMBER_MARKER = re.compile(r"\(?\d{1,3}[.)-]")
_OPEN_QUOTES = "«“"
_CLOSE_QUOTES = "»”"
_QUOTE_MARK = re.compile(f"[{_OPEN_QUOTES}{_CLOSE_QUOTES}]")
_WORD_OPENERS = "(«“\"'"
_WORD_TAIL = re.compile(f"[^\\s{_WORD_OPENERS}]*\\Z")  # \s is str.isspace(); \Z is the search's end
_WORD_REACH = 32


COMPACT_SENTENCES = 20_000  # more sentences than this: a Sentences sequence (align.scale's threshold too)


def sentences(doc: Document, paras: list[Segment], masked: str | None = None) -> list[Segment] | Sentences:
    """Sentences of every paragraph, numbered 0.. in file order; `paragraph` = paragraph index. A
    list, or past COMPACT_SENTENCES a Sentences sequence (the same Segments, made on demand)."""
    masked = masked_text(doc) if masked is None else masked
    compact = Sentences("i" if len(masked) < 1 << 31 else "q")  # 4-byte numbers where they fit
    starts, ends, paragraphs_ = compact.starts, compact.ends, compact.paragraphs
    for para in paras:
        if para.kind == "heading":
            spans: Iterator[tuple[int, int]] = iter(((para.start, para.end),))
        else:
            spans = _sentence_spans(masked, para.start, para.end)
        before = len(starts)
        for start, end in spans:
            starts.append(start)
            ends.append(end)
        paragraphs_.extend(array(paragraphs_.typecode, [para.index]) * (len(starts) - before))
    if len(starts) > COMPACT_SENTENCES:
        return compact
    return list(compact)


class Sentences(Sequence):
    """A long document's sentences: sentence k is [starts[k], ends[k]) in paragraph paragraphs[k];
    item k is that Segment (index k, kind 'sentence'), made when asked for. Slices are lists."""

    __slots__ = ("starts", "ends", "paragraphs", "_recent")

    def __init__(self, typecode: str = "q") -> None:
        self.starts, self.ends, self.paragraphs = array(typecode), array(typecode), array(typecode)
        # the last Segments made, by k % 64: the pair rules ask for a bead's sentences and for
        # those a few beads away, each sentence three times or so as they walk the beads
        self._recent: list[Segment | None] = [None] * 64

    def __len__(self) -> int:
        return len(self.starts)

    def __getitem__(self, k):
        if k.__class__ is not int:
            if isinstance(k, slice):
                return [self[i] for i in range(*k.indices(len(self.starts)))]
            k = k.__index__()
        made = self._recent[k & 63]
        if made is not None and made.index == k:
            return made
        if k < 0:
            k += len(self.starts)
            if k < 0:
                raise IndexError(k)
        made = self._recent[k & 63] = _sentence(k, self.starts[k], self.ends[k], self.paragraphs[k])
        return made

    def __iter__(self) -> Iterator[Segment]:
        for k, (start, end, paragraph) in enumerate(zip(self.starts, self.ends, self.paragraphs)):
            yield _sentence(k, start, end, paragraph)

    def __eq__(self, other) -> bool:
        return isinstance(other, (Sentences, list)) and list(self) == list(other)

    __hash__ = None  # type: ignore[assignment]


def bounds(sentences: Sequence[Segment]) -> tuple[Sequence[int], Sequence[int]]:
    """(starts, ends) of the sentences, for code that walks many of them: a Sentences sequence's
    own arrays (no Segment made), else lists read from the Segments."""
    if isinstance(sentences, Sentences):
        return sentences.starts, sentences.ends
    return [s.start for s in sentences], [s.end for s in sentences]


def paragraph_numbers(sentences: Sequence[Segment]) -> Sequence[int]:
    """The paragraph index of each sentence (a Sentences sequence's own array)."""
    if isinstance(sentences, Sentences):
        return sentences.paragraphs
    return [s.paragraph for s in sentences]


_NEW = object.__new__
_SET_INDEX, _SET_START, _SET_END, _SET_KIND, _SET_PARAGRAPH = (
    getattr(Segment, name).__set__ for name in ("index", "start", "end", "kind", "paragraph"))


def _sentence(index: int, start: int, end: int, paragraph: int) -> Segment:
    """Segment(index, start, end, "sentence", paragraph) in half the time: the slots are set
    directly, past the frozen dataclass's checked __init__ (a million are made per pass)."""
    segment = _NEW(Segment)
    _SET_INDEX(segment, index)
    _SET_START(segment, start)
    _SET_END(segment, end)
    _SET_KIND(segment, "sentence")
    _SET_PARAGRAPH(segment, paragraph)
    return segment


def split_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans inside text[start:end] (already trimmed), white space excluded."""
    return list(_sentence_spans(text, start, end))


def _sentence_spans(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """split_sentences' spans one at a time (a million-sentence paragraph is never listed whole)."""
    return _without_letterless((span for span in _raw_spans(text, start, end) if span[0] < span[1]), text)


def _raw_spans(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """The spans between sentence ends, before letterless pieces are joined (some may be empty)."""
    sentence_start = start
    depth = depth_after = 0  # open « “ quotations before the current point
    scanned = start
    quoted = _QUOTE_MARK.search(text, start, end) is not None  # else the depth stays 0 throughout
    for match in _END.finditer(text, start, end):
        stop_end = match.end()
        if quoted:
            depth = _quote_depth(text, scanned, match.start(), depth)
            depth = depth_after = _quote_depth(text, match.start(), stop_end, depth)
            scanned = stop_end
        if stop_end < end and not text[stop_end].isspace():
            continue  # 3.5, U.S.A, a dot inside a word or a URL
        if stop_end < end and not _is_sentence_end(text, sentence_start, match, depth_after, end):
            continue
        glued = _glued_marker(text, sentence_start, match.start())
        if glued is not None and glued.start() > sentence_start:
            # "…إغلاقها.ب. نص": the sentence ended at the inner stop; the marker opens the next one
            yield sentence_start, glued.start() + 1
            sentence_start = glued.start() + 1
            continue
        yield sentence_start, stop_end
        sentence_start = stop_end
        while sentence_start < end and text[sentence_start].isspace():
            sentence_start += 1
    if sentence_start < end:
        yield sentence_start, end


def _glued_marker(text: str, start: int, end: int) -> re.Match | None:
    """_GLUED_MARKER ending at `end`. Its stop stands two or three characters before the end (one
    more before a final line break, which `$` also accepts), so a stretch without one there cannot
    hold it, and the regex need not scan the whole sentence."""
    if _GLUED_STOP.search(text, max(start, end - 4), end - 1) is None:
        return None
    return _GLUED_MARKER.search(text, start, end)


def _without_letterless(spans: Iterator[tuple[int, int]], text: str) -> Iterator[tuple[int, int]]:
    """A piece with no letter ('[5] .', '(...)', a lone '»') joins the sentence before it; a list
    number ('2.', '3)') and anything at the start of a paragraph join the one after it. The last
    sentence is held back until the next piece shows whether it grows."""
    last: tuple[int, int] | None = None
    pending: int | None = None  # start of letterless pieces that open the next sentence
    final = 0  # the end of the last piece
    for start, end in spans:
        final = end
        if not _LETTER.search(text, start, end):
            if _NUMBER_MARKER.fullmatch(text, start, end):
                pending = start if pending is None else pending  # "2." opens the next item
            elif last is not None and pending is None:
                last = (last[0], end)
            elif pending is None:
                pending = start
            continue
        if last is not None:
            yield last
        last = (pending if pending is not None else start, end)
        pending = None
    if last is not None:
        yield last
    if pending is not None:
        yield pending, final


def _quote_depth(text: str, start: int, end: int, depth: int) -> int:
    if _QUOTE_MARK.search(text, start, end) is None:  # most stretches hold none (C speed)
        return depth
    for char in text[start:end]:
        if char in _OPEN_QUOTES:
            depth += 1
        elif char in _CLOSE_QUOTES and depth:
            depth -= 1
    return depth


def _word_start(text: str, sentence_start: int, stop: int) -> int:
    """Where the word before `stop` begins: after white space or an opening bracket or quote.
    A regex finds it within _WORD_REACH characters (C speed); a longer word is walked back."""
    reach = max(sentence_start, stop - _WORD_REACH)
    start = _WORD_TAIL.search(text, reach, stop).start()
    if start > reach or reach == sentence_start:
        return start
    while start > sentence_start and not text[start - 1].isspace() and text[start - 1] not in _WORD_OPENERS:
        start -= 1
    return start


def _is_sentence_end(text: str, sentence_start: int, match: re.Match, depth_after: int, end: int) -> bool:
    stops = match.group().rstrip("»”\"'’)]")
    following = match.end()
    while following < end and text[following].isspace():
        following += 1
    next_char = text[following] if following < end else ""
    if next_char.isascii() and next_char.islower() and not _LETTER_MARKER.match(text, following, end) \
            and not (stops.endswith(".") and _NAME_WITH_ARTICLE.match(text, following, end)):
        return False  # '“Really?” he asked', 'p.m. on Monday'
    if ("…" in stops or "..." in stops) and depth_after > 0:
        return False  # an ellipsis inside a quotation that goes on
    if stops != ".":
        return True
    word = text[_word_start(text, sentence_start, match.start()):match.start()]
    if len(word) == 1 and word.isalpha() and (word.isupper() or not word.isascii()):
        return False  # an initial (J. Smith) or a list marker (أ. ب.)
    if _GLUED_MARKER.search(word):
        return True  # handled by the caller: the end is at the inner stop
    return (word + ".").lower() not in ABBREVIATIONS

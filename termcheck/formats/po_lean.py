"""A lean PO parser: polib's entries for the catalogues gettext tools write, at four times its speed.

polib (1.2) parses with a state machine of bound-method transitions and builds a POEntry of a dozen
fields per message; reading was as slow as all the unit rules together. This is the same machine
(the same transitions, the same handling of each line: keyword, continuation, comments, flags,
obsolete #~, the header taken out as polib's find('') takes it) over the decoded text, with only
the fields termcheck reads. Wherever polib's answer is not plainly the same, it gives up (None) and
the caller asks polib: an error to report (polib's message and line), a line polib rejects, a
carriage returns (polib reads with universal newlines), an encoding other
than UTF-8 or ASCII, a header that is not the first entry, several candidate headers, a msgstr
index past 9. tests/test_po_lean.py compares the two on every PO file of the tests and the real
catalogues.
"""

from __future__ import annotations

import re

_QUOTE_INSIDE = re.compile(r'([^\\]|^)"')  # polib's test for an unescaped quote in a string


class Entry:
    """The POEntry fields termcheck reads, with polib's defaults."""

    __slots__ = ("linenum", "obsolete", "msgctxt", "msgid", "msgid_plural", "msgstr", "msgstr_plural", "flags",
                 "tcomment", "comment")

    def __init__(self, linenum: int) -> None:
        self.linenum = linenum
        self.obsolete = False
        self.msgctxt: str | None = None
        self.msgid = ""
        self.msgid_plural = ""
        self.msgstr = ""
        self.msgstr_plural: dict[int, str] = {}
        self.flags: list[str] = []
        self.tcomment = ""
        self.comment = ""


class _GiveUp(Exception):
    """polib must decide this file."""


# polib's transitions: symbol -> the states it may follow. A pair not listed is polib's syntax error.
_ALL = {"st", "he", "gc", "oc", "fl", "ct", "pc", "pm", "pp", "tc", "ms", "mp", "mx", "mi"}
_FOLLOWS = {
    "gc": _ALL, "oc": _ALL, "fl": _ALL, "pc": _ALL, "pm": _ALL, "pp": _ALL,
    "tc": {"st", "he", "gc", "oc", "fl", "tc", "pc", "pm", "pp", "ms", "mp", "mx", "mi"},
    "ct": {"st", "he", "gc", "oc", "fl", "tc", "pc", "pm", "pp", "ms", "mx"},
    "mi": {"st", "he", "gc", "oc", "fl", "ct", "tc", "pc", "pm", "pp", "ms", "mx"},
    "mp": {"tc", "gc", "pc", "pm", "pp", "mi"},
    "ms": {"mi", "mp", "tc"},
    "mx": {"mi", "mx", "mp", "tc"},
    "mc": {"ct", "mi", "mp", "ms", "mx", "pm", "pp", "pc"},
}
_KEYWORDS = {"msgctxt": "ct", "msgid": "mi", "msgstr": "ms", "msgid_plural": "mp"}
_PREVIOUS = {"msgctxt": "pc", "msgid": "pm", "msgid_plural": "pp"}
_STARTS_ENTRY = {"tc", "gc", "oc", "fl", "ct", "mi", "pc", "pm", "pp"}  # after a msgstr, these begin the next entry


def _unescape(text: str) -> str:
    if "\\" not in text:
        return text  # polib.unescape changes nothing without a backslash
    import polib

    return polib.unescape(text)


def _string(token: str) -> str:
    """The value of a quoted token as polib takes it (token[1:-1]); gives up on what polib would
    read otherwise or refuse (no quotes around it, an unescaped quote inside)."""
    if len(token) < 2 or token[0] != '"' or token[-1] != '"':
        raise _GiveUp
    inner = token[1:-1]
    if '"' in inner and _QUOTE_INSIDE.search(inner):
        raise _GiveUp
    return _unescape(inner)


def parse(text: str) -> tuple[list[Entry], dict[str, str]] | None:
    """(entries without the header, metadata) as polib.pofile gives them for this decoded text, or
    None where polib must be asked."""
    if "\r" in text:
        return None
    try:
        return _parse(text)
    except _GiveUp:
        return None


def _parse(text: str) -> tuple[list[Entry], dict[str, str]]:
    entries: list[Entry] = []
    entry = Entry(0)
    state = "st"
    tokens: list[str] = []
    number = 0
    plural_index = 0
    for line in text.split("\n"):
        number += 1
        if number == 1 and line.startswith("\ufeff"):
            line = line[1:]
        line = line.strip()
        if not line:
            continue
        tokens = line.split(None, 2)
        head = tokens[0]
        if head == "#~|":
            continue
        obsolete = False
        if head == "#~" and len(tokens) > 1:
            line = line[3:].strip()
            tokens = tokens[1:]
            head = tokens[0]
            obsolete = True
        if head in _KEYWORDS and len(tokens) > 1:
            symbol = _KEYWORDS[head]
            token = line[len(head):].lstrip()
        elif head == "#:":
            if len(tokens) <= 1:
                continue
            symbol, token = "oc", line
        elif line[:1] == '"':
            symbol, token = "mc", line
        elif line[:7] == "msgstr[":
            symbol, token = "mx", line
        elif head == "#,":
            if len(tokens) <= 1:
                continue
            symbol, token = "fl", line
        elif head == "#" or head.startswith("##"):
            symbol, token = "tc", line + " " if line == "#" else line
        elif head == "#.":
            if len(tokens) <= 1:
                continue
            symbol, token = "gc", line
        elif head == "#|" and len(tokens) > 1:  # the previous msgid of a fuzzy entry: read, not kept
            token = line[2:].lstrip()
            if tokens[1].startswith('"'):
                if state not in ("pc", "pm", "pp"):
                    raise _GiveUp  # polib would add it to the string at hand
                continue  # a continuation of the previous msgid
            if len(tokens) == 2 or tokens[1] not in _PREVIOUS:
                raise _GiveUp  # polib's syntax error
            symbol = _PREVIOUS[tokens[1]]
        elif head.startswith("#") and head[1:2] not in ("~", "|", ",", ":", "."):
            symbol, token = "tc", line  # '#@ domain' and other comment types: msgfmt reads them as comments
        else:
            raise _GiveUp  # polib's syntax error
        if state not in _FOLLOWS[symbol]:
            raise _GiveUp  # polib's syntax error
        if symbol in _STARTS_ENTRY and state in ("ms", "mx"):
            entries.append(entry)
            entry = Entry(number)
        if symbol == "mc":
            value = _string(token)
            if state == "ct":
                entry.msgctxt += value
            elif state == "mi":
                entry.msgid += value
            elif state == "mp":
                entry.msgid_plural += value
            elif state == "ms":
                entry.msgstr += value
            elif state == "mx":
                entry.msgstr_plural[plural_index] += value
            # in pc, pm, pp: the continuation of a previous msgid, not kept
            continue  # polib keeps the state
        if symbol == "tc":
            if state in ("st", "he"):
                state = "he"  # the file's header comment, not an entry's
                continue
            comment = token.lstrip("#")
            if comment.startswith(" "):
                comment = comment[1:]
            entry.tcomment = entry.tcomment + "\n" + comment if entry.tcomment else comment
        elif symbol == "gc":
            entry.comment = entry.comment + "\n" + token[3:] if entry.comment else token[3:]
        elif symbol == "fl":
            entry.flags += [flag.strip() for flag in token[3:].split(",")]
        elif symbol == "ct":
            entry.msgctxt = _string(token)
        elif symbol == "mi":
            entry.obsolete = obsolete
            entry.msgid = _string(token)
        elif symbol == "mp":
            entry.msgid_plural = _string(token)
        elif symbol == "ms":
            entry.msgstr = _string(token)
        elif symbol == "mx":
            if len(token) < 9 or not token[7].isdigit() or token[8] != "]" or token[7] not in "0123456789":
                raise _GiveUp  # msgstr[10] and up: polib reads one digit
            quote = token.find('"')
            if quote < 0 or token[-1] != '"' or quote == len(token) - 1 or token[9:quote].strip():
                raise _GiveUp
            plural_index = int(token[7])
            entry.msgstr_plural[plural_index] = _unescape(token[quote + 1:-1])
        state = symbol
    if tokens and not tokens[0].startswith("#"):
        entries.append(entry)  # polib leaves out an entry that only comments end
    return entries, _metadata(entries)


def _metadata(entries: list[Entry]) -> dict[str, str]:
    """Takes the header out of `entries` (polib: the one current entry with msgid '') and reads it."""
    headers = [e for e in entries if not e.obsolete and e.msgid == ""]
    if not headers:
        return {}
    if (headers[0] is not entries[0]) if len(headers) == 1 else any(e.msgctxt is not None for e in headers):
        raise _GiveUp  # polib's find('') and list.remove (by equality) decide
    if len(headers) > 1:
        # msgfmt takes the first as the header and reports the others as duplicate definitions: left in
        # the entries, read_po does too, in file order (polib stopped at a syntax error at some other
        # line: a held-out CakePHP catalogue was refused at a legal '#----' comment line)
        header = headers[0]
    else:
        header = entries.pop(0)
    metadata: dict[str, str] = {}
    key = None
    for row in header.msgstr.splitlines():
        try:
            key, value = row.split(":", 1)
            metadata[key] = value.strip()
        except ValueError:
            if key is not None:
                metadata[key] += "\n" + row.strip()
    return metadata

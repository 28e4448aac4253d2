"""CSV and TSV glossaries: one concept per row.

The format::

    # termcheck: fold-alef-maqsura fold-ta-marbuta      <- optional first line (either word or both)
    id,en,ar,en_forbidden,ar_forbidden,en_allowed,ar_allowed,note
    kataib-hezbollah,Kataib Hezbollah,كتائب حزب الله,Kata'ib Hizballah|Kataeb Hezbollah,,,,

- A header row comes first (after the optional `# termcheck:` line). `en` and `ar` hold the
  preferred form of each language; at least one of the two columns must exist. A row may leave
  one language empty: the concept then has no form in that language.
- `en_false_friends`, `ar_false_friends` (optional) list phrases that contain a form but are not
  the concept ('cell phone' for 'cell'): they hide the form where they stand.
- `en_forbidden`, `ar_forbidden`, `en_allowed`, `ar_allowed` hold lists separated by `|`; items
  are stripped. An empty item (`a||b`, a trailing `|`) is kept as an empty Term, which
  `termcheck glossary validate` reports as TC001 with its line.
- `id` and `note` are optional. Any other column is ignored with a warning.
- `# termcheck:` options set GlossaryOptions: `fold-alef-maqsura` makes ى match ي and
  `fold-ta-marbuta` makes ة match ه, in the glossary and in every text checked against it.
- TSV is the same with a tab between cells. Quoting follows the usual CSV rules ("a, b").

A concept's terms come in the order preferred (en, ar), allowed, forbidden, each list as written.
Every concept and term records the physical line where its row starts (quoted cells may span
lines). Rows that are entirely blank are skipped.
"""

from __future__ import annotations

import csv
import io
import re

from termcheck.model import Concept, Glossary, GlossaryOptions, InputError, SourceRef, Status, Term

PREFERRED_COLUMNS = ("en", "ar")
LIST_COLUMNS = {
    "en_allowed": ("en", Status.ALLOWED),
    "ar_allowed": ("ar", Status.ALLOWED),
    "en_forbidden": ("en", Status.FORBIDDEN),
    "ar_forbidden": ("ar", Status.FORBIDDEN),
}
# Phrases that contain a form but are not the concept ('cell phone' for 'cell'): see Concept.
FALSE_FRIEND_COLUMNS = {"en_false_friends": "en", "ar_false_friends": "ar"}
KNOWN_COLUMNS = frozenset(("id", "note", *PREFERRED_COLUMNS, *LIST_COLUMNS, *FALSE_FRIEND_COLUMNS))

_DIRECTIVE = re.compile(r"#\s*termcheck\s*:(.*)")


def parse_options(words: str, path: str, line: int) -> GlossaryOptions:
    from termcheck.glossary import OPTION_WORDS

    chosen = {}
    for word in words.split():
        attr = OPTION_WORDS.get(word.lower())
        if attr is None:
            known = ", ".join(OPTION_WORDS)
            raise InputError(f"{path}:{line}: unknown glossary option '{word}' (known: {known})")
        chosen[attr] = True
    return GlossaryOptions(**chosen)


def _split_directive(text: str, path: str) -> tuple[GlossaryOptions, str, int]:
    """Options from an optional `# termcheck:` first line, the rest of the text, lines skipped."""
    first, newline, rest = text.partition("\n")
    found = _DIRECTIVE.fullmatch(first.strip())
    if not found:
        return GlossaryOptions(), text, 0
    return parse_options(found.group(1), path, 1), rest, 1


def _records(text: str, path: str, delimiter: str, first_line: int):
    """(start line, cells) for every non-blank record; physical lines, quoted newlines counted."""
    reader = csv.reader(io.StringIO(text, newline="\n"), delimiter=delimiter, strict=True)
    consumed = 0
    while True:
        start = first_line + consumed + 1
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            if "unexpected end of data" in str(exc):
                raise InputError(f"{path}:{start}: malformed CSV: a quoted cell that starts here is never closed") from None
            raise InputError(f"{path}:{first_line + reader.line_num}: malformed CSV: {exc}") from None
        consumed = reader.line_num
        if any(cell.strip() for cell in cells):
            yield start, cells


def _header(cells: list[str], path: str, line: int, warnings: list[str]) -> dict[str, int]:
    columns: dict[str, int] = {}
    unknown: list[str] = []
    for position, raw in enumerate(cells):
        name = raw.strip().lower()
        if not name:
            continue
        if name in columns:
            raise InputError(f"{path}:{line}: column '{name}' appears twice in the header")
        if name not in KNOWN_COLUMNS:
            unknown.append(raw.strip())
            continue
        columns[name] = position
    if unknown:  # one warning, however wide the header: a spreadsheet export may carry thousands
        shown = ", ".join(f"'{name}'" for name in unknown[:5]) + (f" and {len(unknown) - 5:,} more" if len(unknown) > 5 else "")
        warnings.append(f"{path}:{line}: unknown column{'s' if len(unknown) > 1 else ''} {shown} ignored")
    if not any(name in columns for name in PREFERRED_COLUMNS):
        raise InputError(
            f"{path}:{line}: the header has neither an 'en' nor an 'ar' column "
            f"(found: {', '.join(c.strip() for c in cells) or 'nothing'})"
        )
    return columns


class _RowReader:
    """Turns the cells of one row into a Concept, with the column positions looked up once."""

    def __init__(self, columns: dict[str, int], width: int) -> None:
        self.width = width
        self.id = columns.get("id")
        self.note = columns.get("note")
        self.preferred = [(columns[lang], lang) for lang in PREFERRED_COLUMNS if lang in columns]
        self.lists = [(columns[name], lang, status) for name, (lang, status) in LIST_COLUMNS.items() if name in columns]
        self.false_friends = [(columns[name], lang) for name, lang in FALSE_FRIEND_COLUMNS.items() if name in columns]

    def concept(self, cells: list[str], origin: SourceRef, index: int) -> Concept:
        if len(cells) < self.width:
            cells = cells + [""] * (self.width - len(cells))
        # Terms by tuple.__new__, not Term(...): the namedtuple's Python __new__ was a tenth of a
        # 50,000-concept load.
        terms = []
        for position, lang in self.preferred:
            text = cells[position].strip()
            if text:
                terms.append(_new(Term, (text, lang, _PREFERRED, origin)))
        for position, lang, status in self.lists:
            value = cells[position].strip()
            if value:
                terms.extend([_new(Term, (item.strip(), lang, status, origin)) for item in value.split("|")])
        false_friends = [Term(phrase, lang, Status.ALLOWED, origin)
                         for position, lang in self.false_friends for item in cells[position].split("|") if item.strip()
                         for phrase in _in_every_spelling(item.strip(), [t.text for t in terms if t.lang == lang
                                                                         and t.status is not Status.FORBIDDEN])
                         ] if self.false_friends else []
        concept_id = cells[self.id].strip() if self.id is not None else ""
        note = cells[self.note].strip() if self.note is not None else ""
        # positional: Concept(id, terms, note, origin, index, false_friends)
        return Concept(concept_id or None, terms, note, origin, index, false_friends)


_new = tuple.__new__
_PREFERRED = Status.PREFERRED


def _in_every_spelling(phrase: str, forms: list[str]) -> list[str]:
    """A false friend written with one accepted form, and with each other accepted form in its place:
    'this email' is 'this e-mail' too when the row allows e-mail (Oscar's 'this e-mail' was read
    as the address)."""
    phrases = [phrase]
    for form in forms:
        found = re.search(rf"(?<!\w){re.escape(form)}(?!\w)", phrase, re.IGNORECASE)
        if found:
            phrases += [phrase[:found.start()] + other + phrase[found.end():] for other in forms if other.lower() != form.lower()]
            break
    return list(dict.fromkeys(phrases))


def _check_form_lengths(cells: list[str], path: str, line: int, skip: int | None) -> None:
    """Refuse a form longer than --max-term-length: a 20,000-word 'term' is a pasted paragraph,
    and the matcher's and variant rules' indexes grow with the square of a form's length."""
    from termcheck.limits import LIMITS, too_large

    column = 1
    for position, cell in enumerate(cells):
        for item in cell.split("|") if position != skip else ():
            if len(item.strip()) > LIMITS.term_length:
                raise too_large(f"{path}:{line}:{column}", f"glossary form is too long ({len(item.strip()):,} characters)",
                                "term_length", "characters")
        column += len(cell) + 1


def parse_delimited(text: str, path: str, delimiter: str = ",") -> Glossary:
    """A Glossary from the decoded text of a CSV (delimiter ',') or TSV (delimiter '\\t') file."""
    options, body, skipped = _split_directive(text, path)
    warnings: list[str] = []
    records = _records(body, path, delimiter, skipped)
    first = next(records, None)
    if first is None:
        raise InputError(f"{path}: glossary has no concepts (the file has no header row)")
    header_line, header_cells = first
    columns = _header(header_cells, path, header_line, warnings)
    width = len(header_cells)
    row_reader = _RowReader(columns, width)
    concepts: list[Concept] = []
    from termcheck.limits import LIMITS

    longest = LIMITS.term_length
    for line, cells in records:
        if len(cells) > width and any(c.strip() for c in cells[width:]):
            warnings.append(f"{path}:{line}: {len(cells)} cells but the header has {width}; extra cells ignored")
        if max(map(len, cells)) > longest:  # else no form in the row is too long (the common row)
            _check_form_lengths(cells, path, line, skip=columns.get("note"))
        concepts.append(row_reader.concept(cells, _new(SourceRef, (path, line)), len(concepts)))
    if not concepts:
        raise InputError(f"{path}: glossary has no concepts")
    return Glossary(concepts, path=path, options=options, warnings=warnings)

"""CSV/TSV glossaries: columns, lists, options line, line numbers, errors."""

from __future__ import annotations

import pytest

from termcheck.glossary import load_glossary, merge_glossaries
from termcheck.model import GlossaryOptions, InputError, SourceRef, Status, Term

A, F, P = Status.ALLOWED, Status.FORBIDDEN, Status.PREFERRED


def _write(tmp_path, name: str, text: str, encoding: str = "utf-8") -> str:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return str(path)


def _terms(concept) -> list[tuple[str, str, Status]]:
    return [(t.text, t.lang, t.status) for t in concept.terms]


def _load_error(path: str) -> str:
    with pytest.raises(InputError) as info:
        load_glossary(path)
    return str(info.value)


def test_columns_lists_ids_notes_and_lines(tmp_path):
    path = _write(
        tmp_path,
        "g.csv",
        "id,en,ar,en_forbidden,ar_forbidden,en_allowed,ar_allowed,note\n"
        "kh,Kataib Hezbollah,كتائب حزب الله, Kata'ib Hizballah | Kataeb Hezbollah ,,KH,,\"Iraqi group,\n"
        "armed\"\n"
        "\n"
        ",Badr Organization,,,,,,\n",
    )
    glossary = load_glossary(path)
    assert glossary.path == path and glossary.warnings == [] and glossary.options == GlossaryOptions()
    kh, badr = glossary.concepts
    assert kh.id == "kh" and kh.key == "kh"
    assert kh.note == "Iraqi group,\narmed"
    assert _terms(kh) == [
        ("Kataib Hezbollah", "en", P),
        ("كتائب حزب الله", "ar", P),
        ("KH", "en", A),
        ("Kata'ib Hizballah", "en", F),
        ("Kataeb Hezbollah", "en", F),
    ]
    assert kh.origin == SourceRef(path, 2)
    assert {t.origin for t in kh.terms} == {SourceRef(path, 2)}
    # The quoted note spans lines 2-3 and line 4 is blank: Badr's row is physical line 5.
    assert badr.id is None and badr.key == "Badr Organization" and badr.index == 1
    assert _terms(badr) == [("Badr Organization", "en", P)]
    assert badr.origin == SourceRef(path, 5)
    assert badr.preferred("ar") is None


def test_options_line_sets_folds_and_shifts_lines(tmp_path):
    path = _write(tmp_path, "g.csv", "# termcheck: fold-alef-maqsura fold-ta-marbuta\nen,ar\nLayla,ليلى\n")
    glossary = load_glossary(path)
    assert glossary.options == GlossaryOptions(fold_alef_maqsura=True, fold_ta_marbuta=True)
    assert glossary.concepts[0].origin.line == 3
    one = load_glossary(_write(tmp_path, "h.csv", "#termcheck: fold-ta-marbuta\nen,ar\nA,ب\n"))
    assert one.options == GlossaryOptions(fold_ta_marbuta=True)


def test_unknown_option_is_an_error(tmp_path):
    path = _write(tmp_path, "g.csv", "# termcheck: fold-hamza\nen,ar\nA,ب\n")
    assert _load_error(path) == f"{path}:1: unknown glossary option 'fold-hamza' (known: fold-alef-maqsura, fold-ta-marbuta)"


def test_tsv_uses_tabs(tmp_path):
    path = _write(tmp_path, "g.tsv", "en\tar\ten_forbidden\nal-Muhandis, Abu Mahdi\tالمهندس\tal-Mohandes|al-Mohandis\n")
    (concept,) = load_glossary(path).concepts
    assert _terms(concept) == [
        ("al-Muhandis, Abu Mahdi", "en", P),
        ("المهندس", "ar", P),
        ("al-Mohandes", "en", F),
        ("al-Mohandis", "en", F),
    ]


def test_unknown_columns_warn_and_are_ignored(tmp_path):
    path = _write(tmp_path, "g.csv", "en,ar,Foo,pos\nA,ب,x,noun\n")
    glossary = load_glossary(path)
    assert glossary.warnings == [f"{path}:1: unknown columns 'Foo', 'pos' ignored"]
    assert _terms(glossary.concepts[0]) == [("A", "en", P), ("ب", "ar", P)]


def test_extra_cells_warn(tmp_path):
    path = _write(tmp_path, "g.csv", "en,ar\nA,ب,oops\nB,ت,\n")
    glossary = load_glossary(path)
    assert glossary.warnings == [f"{path}:2: 3 cells but the header has 2; extra cells ignored"]
    assert len(glossary) == 2


def test_empty_list_items_are_kept_as_empty_terms(tmp_path):
    # Order: preferred, then allowed, then forbidden; within a cell, the written order.
    path = _write(tmp_path, "g.csv", "en,ar,en_forbidden,ar_allowed\nA,ب,x||y|,|\n")
    (concept,) = load_glossary(path).concepts
    assert _terms(concept) == [
        ("A", "en", P),
        ("ب", "ar", P),
        ("", "ar", A),
        ("", "ar", A),
        ("x", "en", F),
        ("", "en", F),
        ("y", "en", F),
        ("", "en", F),
    ]


def test_only_one_language_column_is_enough(tmp_path):
    glossary = load_glossary(_write(tmp_path, "g.csv", "ar,ar_forbidden\nالحشد الشعبي,الحشد\n"))
    assert _terms(glossary.concepts[0]) == [("الحشد الشعبي", "ar", P), ("الحشد", "ar", F)]


def test_header_without_en_or_ar(tmp_path):
    path = _write(tmp_path, "g.csv", "\nsource,target\nA,ب\n")
    assert _load_error(path) == f"{path}:2: the header has neither an 'en' nor an 'ar' column (found: source, target)"


def test_duplicate_header_column(tmp_path):
    path = _write(tmp_path, "g.csv", "en,ar,EN\nA,ب,C\n")
    assert _load_error(path) == f"{path}:1: column 'en' appears twice in the header"


def test_no_concepts(tmp_path):
    path = _write(tmp_path, "g.csv", "en,ar\n\n , \n")
    assert _load_error(path) == f"{path}: glossary has no concepts"
    empty = _write(tmp_path, "e.csv", "")
    assert _load_error(empty) == f"{empty}: glossary has no concepts (the file has no header row)"


def test_unclosed_quote_names_the_line_where_it_opens(tmp_path):
    path = _write(tmp_path, "g.csv", 'en,ar\nA,ب\nB,"ت\nC,ث\n')
    assert _load_error(path) == f"{path}:3: malformed CSV: a quoted cell that starts here is never closed"


def test_text_after_closing_quote_is_malformed(tmp_path):
    path = _write(tmp_path, "g.csv", 'en,ar\nA,ب\n"B"x,ت\n')
    assert _load_error(path) == f"{path}:3: malformed CSV: ',' expected after '\"'"


def test_bom_crlf_and_other_encodings(tmp_path):
    with_bom = tmp_path / "bom.csv"
    with_bom.write_bytes(b"\xef\xbb\xbfen,ar\r\nA,\xd8\xa8\r\n")
    (concept,) = load_glossary(str(with_bom)).concepts
    assert _terms(concept) == [("A", "en", P), ("ب", "ar", P)]
    cp1256 = _write(tmp_path, "w.csv", "en,ar\nA,ب\n", encoding="cp1256")
    assert _terms(load_glossary(cp1256, encoding="cp1256").concepts[0]) == [("A", "en", P), ("ب", "ar", P)]
    message = _load_error(cp1256)
    assert message.startswith(f"{cp1256}:2:3: not valid utf-8 (byte 0xc8)")


def test_unknown_extension_and_missing_file(tmp_path):
    path = _write(tmp_path, "g.xlsx", "en,ar\n")
    assert _load_error(path) == f"{path}: unknown glossary format '.xlsx'; expected .csv, .tsv, .tbx or .xml (TBX)"
    missing = str(tmp_path / "missing.csv")
    assert _load_error(missing) == f"{missing}: no such file"


def test_merge_renumbers_copies_and_unions_options(tmp_path):
    first = load_glossary(_write(tmp_path, "a.csv", "en,ar\nA,ب\nB,ت\n"))
    second = load_glossary(_write(tmp_path, "b.csv", "# termcheck: fold-ta-marbuta\nid,en\nc,C\n"))
    merged = merge_glossaries([first, second])
    assert [c.key for c in merged.concepts] == ["A", "B", "c"]
    assert [c.index for c in merged.concepts] == [0, 1, 2]
    assert [c.origin.line for c in merged.concepts] == [2, 3, 3]
    assert merged.options == GlossaryOptions(fold_ta_marbuta=True)
    assert merged.path == f"{first.path}, {second.path}"
    assert merged.warnings == [
        f"{first.path}: merged with glossaries that fold more Arabic spellings; "
        "the merged glossary uses fold-ta-marbuta"
    ]
    # The inputs are untouched.
    assert [c.index for c in second.concepts] == [0]
    assert merged.concepts[2] is not second.concepts[0]
    assert merged.concepts[2].terms == [Term("C", "en", P, SourceRef(second.path, 3))]


def test_loading_leaves_the_garbage_collector_as_it_was(tmp_path):
    import gc

    good = _write(tmp_path, "g.csv", "en,ar\nA,ب\n")
    bad = _write(tmp_path, "b.csv", "source\nA\n")
    assert gc.isenabled()
    load_glossary(good)
    with pytest.raises(InputError):
        load_glossary(bad)
    assert gc.isenabled()
    gc.disable()
    try:
        load_glossary(good)
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_a_false_friend_holds_in_every_accepted_spelling_of_its_form(tmp_path):
    path = _write(tmp_path, "g.csv", "id,en,ar,en_allowed,en_forbidden,en_false_friends\n"
                                     "email,email,البريد الإلكتروني,e-mail,E mail,this email|an E-Mail\n")
    [concept] = load_glossary(path).concepts
    # the forbidden 'E mail' is no accepted spelling; the phrase's own case is kept around the form
    assert [t.text for t in concept.false_friends] == ["this email", "this e-mail", "an E-Mail", "an email"]

"""TC001-TC006 on small CSV glossaries: exact rule, line, found form and concept of each finding."""

from __future__ import annotations

from termcheck.glossary import load_glossary, merge_glossaries
from termcheck.glossary.validate import validate_glossary
from termcheck.model import Location, Severity

HEADER = "id,en,ar,en_forbidden,ar_forbidden,en_allowed,ar_allowed\n"


def _glossary(tmp_path, rows: str, name: str = "g.csv", header: str = HEADER):
    path = tmp_path / name
    path.write_text(header + rows, encoding="utf-8")
    return load_glossary(str(path))


def _summary(findings) -> list[tuple[str, int, str, str | None]]:
    return [(f.rule, f.location.line, f.found, f.concept) for f in findings]


def test_clean_glossary_has_no_findings(tmp_path):
    glossary = _glossary(
        tmp_path,
        "kh,Kataib Hezbollah,كتائب حزب الله,Kata'ib Hizballah|Kataeb Hezbollah,,KH,\n"
        "muhandis,Abu Mahdi al-Muhandis,أبو مهدي المهندس,Abu Mahdi al-Mohandes,,al-Muhandis,المهندس\n"
        "badr,Badr Organization,منظمة بدر,,,,\n",
    )
    assert validate_glossary(glossary) == []


def test_tc001_empty_items_and_concepts_without_terms(tmp_path):
    glossary = _glossary(tmp_path, "a,A,ب,x||,,,\nb,,,,,,\n")
    findings = validate_glossary(glossary)
    assert _summary(findings) == [("TC001", 2, "", "a"), ("TC001", 2, "", "a"), ("TC001", 3, "", "b")]
    first = findings[0]
    assert first.severity is Severity.ERROR
    assert first.location == Location(glossary.path, 0, 0, 2, 1, 2, 1)
    assert first.message == "empty en forbidden form in concept 'a' (an empty item between '|' or an empty term element)"
    assert findings[2].message == "concept 'b' has no terms at all"


def test_tc002_same_id_or_same_preferred_forms_after_normalization(tmp_path):
    glossary = _glossary(
        tmp_path,
        "kh,Kataib Hezbollah,كتائب حزب الله,,,,\n"
        "kh,Kataib Hizballah,كتائب حزب الله,,,,\n"
        ",KATAIB  HEZBOLLAH,كَتائب حزب الله,,,,\n"
        ",Kataib Hezbollah,,,,,\n",
    )
    findings = validate_glossary(glossary)
    # Row 4 differs only by case, spacing and a fatha; row 5 lacks Arabic, so it is no duplicate.
    assert _summary(findings) == [("TC002", 3, "kh", "kh"), ("TC002", 4, "KATAIB  HEZBOLLAH / كَتائب حزب الله", "KATAIB  HEZBOLLAH")]
    assert findings[0].message == f"concept id 'kh' is already used ({glossary.path}:2)"
    assert findings[1].message == (
        f"same preferred forms 'KATAIB  HEZBOLLAH' / 'كَتائب حزب الله' as concept 'kh' ({glossary.path}:2)"
    )


def test_tc003_accepted_in_one_concept_forbidden_in_another(tmp_path):
    glossary = _glossary(
        tmp_path,
        "pmf,Popular Mobilization Forces,الحشد الشعبي,,,PMF|Hashd,\n"
        "pmc,Popular Mobilization Commission,هيئة الحشد الشعبي,pmf,,,\n",
    )
    findings = validate_glossary(glossary)
    assert _summary(findings) == [("TC003", 3, "pmf", "pmc")]
    assert findings[0].message == f"'pmf' is forbidden in concept 'pmc' but allowed in concept 'pmf' ({glossary.path}:2)"


def test_tc004_forbidden_equals_accepted_of_the_same_concept(tmp_path):
    glossary = _glossary(tmp_path, "m,al-Muhandis,أبو مهدي,Al-Muhandis,ابو مهدي,,\n")
    findings = validate_glossary(glossary)
    # Case (Al/al) is folded by normalization, and a capital first letter is a sentence start's.
    # The hamza (أبو/ابو) is a spelling a house may forbid: matched as written, not TC004.
    assert _summary(findings) == [("TC004", 2, "Al-Muhandis", "m")]
    assert findings[0].expected == "al-Muhandis"


def test_forms_told_apart_by_case_or_hamza_are_not_tc004(tmp_path):
    glossary = _glossary(tmp_path, "ip,iPhone,,Iphone|IPhone,,,\nx,,اختر,,إختر,,\nd,,تاريخ,,تأريخ,,\n"
                                   "m,al-Muhandis,,Al-Muhandis,,,\n")
    # IPhone is iPhone with a capital first letter, as a sentence start writes it: still TC004.
    assert _summary(validate_glossary(glossary)) == [("TC004", 2, "IPhone", "ip"), ("TC004", 5, "Al-Muhandis", "m")]


def test_tc004_follows_the_glossary_folds(tmp_path):
    rows = "m,,مدرسة,,مدرسه,,\n"
    assert validate_glossary(_glossary(tmp_path, rows)) == []
    folded = _glossary(tmp_path, rows, "f.csv", header="# termcheck: fold-ta-marbuta\n" + HEADER)
    assert _summary(validate_glossary(folded)) == [("TC004", 3, "مدرسه", "m")]


def test_tc005_a_hamza_misspelling_is_not_inside_a_form_that_writes_the_word_right(tmp_path):
    """Two held-out reviewers' glossaries: إتصال forbidden for 'connect' beside the house اتصال was
    reported inside 'disconnect' قطع الاتصال and 'hotspot' نقطة اتصال, which write the word right (the
    misspelling is matched as written). A forbidden form written so inside another form still is."""
    glossary = _glossary(
        tmp_path,
        "connect,connect,اتصال,,إتصال,,\n"
        "disconnect,disconnect,قطع الاتصال,,,,\n"
        "hotspot,hotspot,نقطة اتصال,,,,\n"
        "reconnect,reconnect,إعادة إتصال,,,,\n",
    )
    assert _summary(validate_glossary(glossary)) == [("TC005", 2, "إتصال", "connect")]


def test_tc005_forbidden_form_inside_another_preferred_form(tmp_path):
    glossary = _glossary(
        tmp_path,
        "sadr,Muqtada al-Sadr,مقتدى الصدر,,,,\n"
        "sadr-city,Sadr City,مدينة الصدر,Sadr|Sad,الصدر,,\n",
    )
    findings = validate_glossary(glossary)
    # 'Sadr' is a whole word inside 'Muqtada al-Sadr' (and inside its own 'Sadr City', which does
    # not count); 'Sad' is no whole word anywhere; الصدر is inside مقتدى الصدر. Same line and
    # rule: Arabic preferred forms are scanned first.
    assert _summary(findings) == [("TC005", 3, "الصدر", "sadr-city"), ("TC005", 3, "Sadr", "sadr-city")]
    assert findings[1].severity is Severity.WARNING
    assert findings[1].message == (
        f"forbidden 'Sadr' (concept 'sadr-city') occurs inside 'Muqtada al-Sadr', "
        f"preferred for concept 'sadr' ({glossary.path}:2)"
    )


def test_tc005_skips_whole_form_matches_which_are_tc003(tmp_path):
    glossary = _glossary(tmp_path, "a,Hashd,,,,,\nb,Popular Mobilization,,hashd,,,\n")
    assert _summary(validate_glossary(glossary)) == [("TC003", 3, "hashd", "b")]


def test_tc006_allowed_or_forbidden_without_preferred(tmp_path):
    glossary = _glossary(tmp_path, "a,,الحشد الشعبي,Hashed,,Hashd,\nb,Badr,,,,,\n")
    findings = validate_glossary(glossary)
    assert _summary(findings) == [("TC006", 2, "Hashd", "a")]
    assert findings[0].message == "concept 'a' has allowed and forbidden en forms but no preferred en form"


def test_findings_of_merged_glossaries_point_at_their_own_file(tmp_path):
    first = _glossary(tmp_path, "kh,Kataib Hezbollah,كتائب حزب الله,,,,\n", "a.csv")
    second = _glossary(tmp_path, "x,Badr,بدر,,,,\nkh2,Kataib Hezbollah,كتائب حزب الله,,,,\n", "b.csv")
    findings = validate_glossary(merge_glossaries([first, second]))
    assert [(f.location.path, f.rule, f.location.line) for f in findings] == [(second.path, "TC002", 3)]


def test_findings_are_ordered_by_file_then_line(tmp_path):
    glossary = _glossary(tmp_path, "a,,,x,,,\nb,B,ب,B,,,\nc,,,,,,\n")
    assert [(f.rule, f.location.line) for f in validate_glossary(glossary)] == [
        ("TC006", 2),
        ("TC004", 3),
        ("TC001", 4),
    ]

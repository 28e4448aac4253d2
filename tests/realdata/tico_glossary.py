"""TICO-19 term lists (../shared/realdata/tico19/*.csv) -> a termcheck glossary CSV, at test time.

One concept per distinct English sourceString (ids t1, t2, ... in list order); its first Arabic
targetString is preferred, the other targets of the same source are allowed. Rows written Arabic->English
are turned round. The lists are never copied into the repository.
"""

from __future__ import annotations

import csv


def convert(term_list: str, out: str) -> None:
    with open(term_list, encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    targets: dict[str, list[str]] = {}
    for row in rows:
        en, ar = row["sourceString"].strip(), row["targetString"].strip()
        if row.get("sourceLang", "en").startswith("ar"):
            en, ar = ar, en
        if en and ar:
            targets.setdefault(en, []).append(ar)
    with open(out, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "en", "ar", "ar_allowed"])
        for number, (en, ars) in enumerate(targets.items(), start=1):
            ars = list(dict.fromkeys(ars))
            writer.writerow([f"t{number}", en, ars[0], "|".join(ars[1:])])

"""Mined candidates out: the glossary CSV (evidence in `note`), JSON and an HTML review page.

The CSV follows the glossary contract (README, "The glossary"), so a reviewed file is a glossary:
`termcheck glossary validate` passes it and `lint`/`check` take it. A candidate that only adds
spellings to a concept of --existing carries that concept's id and no preferred forms (the existing
glossary has them); merge such a row into the existing concept.
"""

from __future__ import annotations

import csv
import html
import io
import json
import re
import unicodedata

from termcheck.mine.candidate import Candidate
from termcheck.model import Status

COLUMNS = ("id", "en", "ar", "en_allowed", "en_forbidden", "ar_allowed", "ar_forbidden", "note")


def candidate_ids(candidates: list[Candidate]) -> list[str]:
    """A readable unique id per candidate: the known concept's, else a slug of its English form."""
    seen: set[str] = set()
    ids = []
    for candidate in candidates:
        base = candidate.known or _slug(candidate.preferred("en") or candidate.preferred("ar")) or "concept"
        name, n = base, 2
        while name in seen and not candidate.known:
            name, n = f"{base}-{n}", n + 1
        seen.add(name)
        ids.append(name)
    return ids


def _slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def note(candidate: Candidate) -> str:
    """'name, 5 pairs, confidence 0.93: Kataib Hezbollah ×3 (en.md:7, en.md:12); ...'."""
    parts = []
    for spelling in candidate.en + candidate.ar:
        where = ", ".join(str(e) for e in spelling.examples)
        parts.append(f"{spelling.text} ×{spelling.count} ({where})" if where else f"{spelling.text} ×{spelling.count}")
    head = f"mined {candidate.kind}, {candidate.pairs} pairs, confidence {candidate.confidence:.2f}"
    if candidate.known:
        head += f", new spellings of {candidate.known}"
    return head + ": " + "; ".join(parts)


def to_csv(candidates: list[Candidate]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for cid, candidate in zip(candidate_ids(candidates), candidates):
        def forms(lang: str, status: Status) -> str:
            return "|".join(s.text for s in candidate.forms(lang, status))

        writer.writerow([
            cid, candidate.preferred("en"), candidate.preferred("ar"),
            forms("en", Status.ALLOWED), forms("en", Status.FORBIDDEN),
            forms("ar", Status.ALLOWED), forms("ar", Status.FORBIDDEN),
            note(candidate),
        ])
    return out.getvalue()


def to_data(candidates: list[Candidate], pairs: int) -> dict:
    rows = []
    for cid, candidate in zip(candidate_ids(candidates), candidates):
        rows.append({
            "id": cid,
            "kind": candidate.kind,
            "known": candidate.known,
            "pairs": candidate.pairs,
            "confidence": candidate.confidence,
            "score": candidate.score,
            **{lang: [{"text": s.text, "count": s.count, "status": s.status.value,
                       "examples": [{"path": e.path, "line": e.line, "context": e.context} for e in s.examples]}
                      for s in getattr(candidate, lang)] for lang in ("en", "ar")},
        })
    return {"candidates": rows, "summary": {"pairs": pairs, "candidates": len(rows)}}


def to_json(candidates: list[Candidate], pairs: int) -> str:
    return json.dumps(to_data(candidates, pairs), ensure_ascii=False, indent=2) + "\n"


_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>termcheck glossary mine: {count} candidates</title>
<style>
body {{ font: 14px/1.4 system-ui, sans-serif; margin: 1.5em; }}
table {{ border-collapse: collapse; width: 100%; }}
td, th {{ border-top: 1px solid #ccc; padding: .4em; vertical-align: top; text-align: left; }}
.ar {{ direction: rtl; text-align: right; font-size: 1.1em; }}
.forbidden {{ color: #a00; }} .allowed {{ color: #05a; }} .ctx {{ color: #555; font-size: .9em; }}
tr.rejected {{ opacity: .35; }}
</style></head><body>
<h1>Glossary candidates</h1>
<p>{count} candidates from {pairs} aligned pairs. Untick what you reject, then
<button id="save">download the accepted rows as CSV</button> (the glossary format: validate, then merge).</p>
<table><thead><tr><th>accept</th><th>id</th><th>English</th><th>Arabic</th><th>evidence</th></tr></thead><tbody>
{rows}
</tbody></table>
<script id="csv" type="application/json">{csv_rows}</script>
<script>
const rows = JSON.parse(document.getElementById("csv").textContent);
document.querySelectorAll("input.accept").forEach(box => box.addEventListener("change", () =>
  box.closest("tr").classList.toggle("rejected", !box.checked)));
document.getElementById("save").addEventListener("click", () => {{
  const quote = cell => /[",\\n]/.test(cell) ? '"' + cell.replace(/"/g, '""') + '"' : cell;
  const kept = [rows[0]].concat(rows.slice(1).filter((_, i) =>
    document.querySelectorAll("input.accept")[i].checked));
  const blob = new Blob([kept.map(r => r.map(quote).join(",")).join("\\n") + "\\n"], {{type: "text/csv"}});
  const link = document.createElement("a");
  link.href = URL.createObjectURL(blob);
  link.download = "glossary-reviewed.csv";
  link.click();
}});
</script>
</body></html>
"""


def _spellings(candidate: Candidate, lang: str) -> str:
    cls = ' class="ar"' if lang == "ar" else ""
    items = []
    for s in getattr(candidate, lang):
        items.append(f'<div{cls}><span class="{s.status.value}">{html.escape(s.text)}</span> ×{s.count} '
                     f'<small>{s.status.value}</small></div>')
    return "".join(items)


def _evidence(candidate: Candidate) -> str:
    items = []
    for lang in ("en", "ar"):
        for s in getattr(candidate, lang):
            for e in s.examples:
                cls = "ctx ar" if lang == "ar" else "ctx"
                items.append(f'<div class="{cls}"><code>{html.escape(str(e))}</code> {html.escape(e.context)}</div>')
    return "".join(items)


def to_html(candidates: list[Candidate], pairs: int) -> str:
    ids = candidate_ids(candidates)
    rows = []
    for cid, candidate in zip(ids, candidates):
        rows.append(
            f'<tr><td><input type="checkbox" class="accept" checked aria-label="accept {html.escape(cid)}"></td>'
            f"<td>{html.escape(cid)}<br><small>{candidate.kind}, {candidate.pairs} pairs, "
            f"confidence {candidate.confidence:.2f}</small></td>"
            f"<td>{_spellings(candidate, 'en')}</td><td>{_spellings(candidate, 'ar')}</td>"
            f"<td>{_evidence(candidate)}</td></tr>"
        )
    csv_rows = list(csv.reader(io.StringIO(to_csv(candidates))))
    payload = json.dumps(csv_rows, ensure_ascii=False).replace("</", "<\\/")
    return _PAGE.format(count=len(candidates), pairs=pairs, rows="\n".join(rows), csv_rows=payload)

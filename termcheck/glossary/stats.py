"""What a glossary holds: concepts, terms per language and status, gaps, options."""

from __future__ import annotations

from typing import Any

from termcheck.model import LANGS, Glossary, Status


def glossary_stats(glossary: Glossary) -> dict[str, Any]:
    """Counts as plain data (the JSON of `termcheck glossary stats --format json`).

    Empty terms (TC001) are counted apart; `missing` counts concepts with no term at all in a
    language, `no_preferred` those with forms in a language but no preferred one.
    """
    terms = {lang: {status.value: 0 for status in Status} for lang in LANGS}
    missing = dict.fromkeys(LANGS, 0)
    no_preferred = dict.fromkeys(LANGS, 0)
    empty = 0
    for concept in glossary.concepts:
        present = set()
        for term in concept.terms:
            if not term.text.strip():
                empty += 1
                continue
            terms[term.lang][term.status.value] += 1
            present.add(term.lang)
        for lang in LANGS:
            if lang not in present:
                missing[lang] += 1
            elif concept.preferred(lang) is None:
                no_preferred[lang] += 1
    for counts in terms.values():
        counts["total"] = sum(counts.values())
    return {
        "path": glossary.path,
        "concepts": len(glossary.concepts),
        "terms": terms,
        "empty_terms": empty,
        "missing": missing,
        "no_preferred": no_preferred,
        "options": {
            "fold_alef_maqsura": glossary.options.fold_alef_maqsura,
            "fold_ta_marbuta": glossary.options.fold_ta_marbuta,
        },
        "warnings": list(glossary.warnings),
    }


def render_stats(stats: dict[str, Any]) -> str:
    """The text form, one fact per line."""
    from termcheck.glossary import OPTION_WORDS

    lines = [f"{stats['path']}: {stats['concepts']} concepts"]
    for lang in LANGS:
        counts = stats["terms"][lang]
        lines.append(
            f"  {lang}: {counts['total']} terms ({counts['preferred']} preferred, "
            f"{counts['allowed']} allowed, {counts['forbidden']} forbidden)"
        )
    for lang in LANGS:
        lines.append(f"  concepts without {lang}: {stats['missing'][lang]}")
    for lang in LANGS:
        if stats["no_preferred"][lang]:
            lines.append(f"  concepts with {lang} forms but no preferred {lang}: {stats['no_preferred'][lang]}")
    if stats["empty_terms"]:
        lines.append(f"  empty terms: {stats['empty_terms']}")
    folds = [word for word, attr in OPTION_WORDS.items() if stats["options"][attr]]
    lines.append(f"  options: {' '.join(folds) if folds else 'none'}")
    return "\n".join(lines) + "\n"

"""Alignment development sets built from the TICO-19 translation memory, read in place.

    python3 bench/devsets.py [--tmx ../shared/realdata/tico19/all.en-ar.tmx] [--show NAME]

The memory (CC0, see ../shared/realdata/README.md) holds 3,071 English->Arabic sentence pairs
from 31 source documents, in reading order (tuid SOURCE_N:K, the document URL in a note). Each
document with at least MIN_UNITS pairs (the CMU list of unrelated phrases excepted) becomes one
document pair with the structure of real copy, built deterministically (a seed per document):

- the first pair is the headline on both sides; a kicker, byline or dateline on one side only;
- pairs joined into paragraphs of 1-5 sentences; some paragraphs broken or joined differently
  on the target side (paragraph beads 1-2 and 2-1);
- merges on either side (one sentence of one side renders 2-6 of the other: beads 2-1 ... 1-6),
  dropped sentences (1-0) and target-only additions (0-1), a few whole paragraphs dropped;
- subheadings, translated on both sides or left on one side only, and bullet lists.

The small texts added (bylines, subheadings) are written here; no sentence is copied into this
repository. The gold is exact for termcheck's own segmentation: the built units are mapped onto
the sentences termcheck's segmenter finds, and units the segmenter joins (or a sentence it
splits across two beads) are merged into one gold bead.

Split: documents are numbered in memory order; odd numbers are the tuning split, even numbers
are held out (never tuned on). Direction alternates in pairs of documents, so each split has
both en->ar and ar->en pairs.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import sys
import zlib
from dataclasses import dataclass

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))

from termcheck.model import Document  # noqa: E402
from termcheck.text.markup import masked_text  # noqa: E402
from termcheck.text.segment import paragraphs, sentences  # noqa: E402

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
TMX = os.path.join(ROOT, "..", "shared", "realdata", "tico19", "all.en-ar.tmx")
MIN_UNITS = 20
SKIP_SOURCES = {"CMU"}  # a list of unrelated medical phrases, not a document
Pair = tuple[tuple[int, ...], tuple[int, ...]]

# Furniture and subheadings written for these sets (language -> texts).
KICKERS = {"en": ["EXPLAINER", "HEALTH", "ANALYSIS"], "ar": ["تقرير خاص", "صحة", "تحليل"]}
BYLINES = {
    "en": ["By a staff correspondent", "Geneva, Tuesday", "From our health desk"],
    "ar": ["بقلم: محرر الشؤون الصحية", "جنيف - خاص", "ترجمة: فريق التحرير"],
}
SUBHEADINGS = [("Background", "خلفية"), ("Reactions", "ردود الفعل"), ("What we know", "ما نعرفه"),
               ("Treatment", "العلاج"), ("Research", "الأبحاث"), ("Prevention", "الوقاية")]
ONE_SIDED_HEADINGS = {"en": ["See also", "Further reading", "Notes"], "ar": ["ملاحظة المترجم", "للمزيد", "هوامش"]}
_STOP = re.compile(r"[.!?\u061f]+$")


@dataclass
class DevPair:
    name: str
    split: str  # "tune" or "held-out"
    source: Document
    target: Document
    gold: dict[str, list[Pair]]  # "paragraph" / "sentence" -> beads over termcheck's segments


def read_documents(path: str = TMX) -> list[tuple[str, list[tuple[str, str]]]]:
    """(source name, [(en, ar), ...]) per document, in memory order."""
    import xml.etree.ElementTree as ET

    docs: dict[str, list[tuple[str, str]]] = {}
    names: dict[str, str] = {}
    lang_attr = "{http://www.w3.org/XML/1998/namespace}lang"
    for _, tu in ET.iterparse(path):
        if tu.tag != "tu":
            continue
        note = next((p.text or "" for p in tu.findall("prop") if p.get("type") == "note"), "")
        segs = {tuv.get(lang_attr): " ".join("".join(tuv.find("seg").itertext()).split()) for tuv in tu.findall("tuv")}
        name = tu.get("tuid", "").split(":")[0]
        if segs.get("en") and segs.get("ar"):
            names.setdefault(note, name)
            docs.setdefault(note, []).append((segs["en"], segs["ar"]))
        tu.clear()
    return [(names[note], units) for note, units in docs.items()]


class _Builder:
    """Paragraphs of both sides as lists of (sentence text, bead id), and the beads."""

    def __init__(self, src_lang: str, tgt_lang: str) -> None:
        self.langs = {"s": src_lang, "t": tgt_lang}
        self.paras: dict[str, list[tuple[str, list[tuple[str, int]]]]] = {"s": [], "t": []}
        self.beads = 0

    def new_bead(self) -> int:
        self.beads += 1
        return self.beads - 1

    def open(self, side: str, kind: str = "paragraph") -> None:
        self.paras[side].append((kind, []))

    def add(self, side: str, text: str, bead: int) -> None:
        self.paras[side][-1][1].append((text, bead))

    def joined(self, side: str, texts: list[str]) -> str:
        """Several sentences as one: stops dropped, joined by a semicolon of the language."""
        glue = "؛ " if self.langs[side] == "ar" else "; "
        return glue.join([_STOP.sub("", t) for t in texts[:-1]] + [texts[-1]])

    def render(self, side: str) -> tuple[str, list[tuple[int, int, int]], list[tuple[int, int, list[int]]]]:
        """Markdown text, sentence spans (start, end, bead) and paragraph spans (start, end, beads)."""
        out: list[str] = []
        pos = 0
        spans: list[tuple[int, int, int]] = []
        para_spans: list[tuple[int, int, list[int]]] = []
        for kind, items in self.paras[side]:
            if not items:
                continue
            prefix = {"heading": "## ", "title": "# ", "list-item": "- "}.get(kind, "")
            out.append(prefix)
            pos += len(prefix)
            start = pos
            for k, (text, bead) in enumerate(items):
                if k:
                    out.append(" ")
                    pos += 1
                spans.append((pos, pos + len(text), bead))
                out.append(text)
                pos += len(text)
            para_spans.append((start, pos, [b for _, b in items]))
            out.append("\n\n")
            pos += 2
        return "".join(out), spans, para_spans


def build_pair(index: int, name: str, units: list[tuple[str, str]]) -> DevPair:
    rng = random.Random(zlib.crc32(name.encode()))
    src_lang, tgt_lang = ("en", "ar") if (index // 2) % 2 == 0 else ("ar", "en")
    s_of = (lambda u: u[0]) if src_lang == "en" else (lambda u: u[1])
    t_of = (lambda u: u[1]) if src_lang == "en" else (lambda u: u[0])
    b = _Builder(src_lang, tgt_lang)

    def one_sided(side: str, kind: str, text: str) -> None:
        b.open(side, kind)
        b.add(side, text, b.new_bead())

    # headline, then furniture on one side only
    bead = b.new_bead()
    b.open("s", "title"), b.add("s", s_of(units[0]), bead)
    b.open("t", "title"), b.add("t", t_of(units[0]), bead)
    for texts, chance in ((KICKERS, 0.4), (BYLINES, 0.6)):
        if rng.random() < chance:
            side = rng.choice("st")
            one_sided(side, "paragraph", rng.choice(texts[b.langs[side]]))
    k = 1
    while k < len(units):
        roll = rng.random()
        if roll < 0.06:  # a translated subheading
            en, ar = rng.choice(SUBHEADINGS)
            bead = b.new_bead()
            for side in "st":
                b.open(side, "heading")
                b.add(side, en if b.langs[side] == "en" else ar, bead)
        elif roll < 0.09:  # a subheading on one side only
            side = rng.choice("st")
            one_sided(side, "heading", rng.choice(ONE_SIDED_HEADINGS[b.langs[side]]))
        if rng.random() < 0.05 and len(units) - k >= 3:  # a bullet list, one item per pair
            for unit in units[k:k + rng.randint(2, 4)]:
                bead = b.new_bead()
                for side, text in (("s", s_of(unit)), ("t", t_of(unit))):
                    b.open(side, "list-item")
                    b.add(side, text, bead)
                k += 1
            continue
        size = min(rng.randint(1, 5), len(units) - k)
        chunk = units[k:k + size]
        k += size
        whole_drop = rng.random() < 0.02 and size >= 2
        b.open("s")
        b.open("t")
        break_at = rng.randint(1, size - 1) if size >= 2 and rng.random() < 0.07 else None
        join_next = rng.random() < 0.05
        u = 0
        while u < len(chunk):
            if break_at is not None and u >= break_at:
                b.open("t")  # the target breaks this paragraph in two
                break_at = None
            op = rng.random()
            bead = b.new_bead()
            if whole_drop or op < 0.03:  # dropped in the target
                b.add("s", s_of(chunk[u]), bead)
                u += 1
            elif op < 0.04:  # added in the target (a gloss, an explanation)
                b.add("t", t_of(chunk[u]), bead)
                u += 1
            elif op < 0.12 and len(chunk) - u >= 2:  # the target joins 2-6 source sentences
                r = min(len(chunk) - u, rng.choice([2, 2, 2, 3, 3, 4, 5, 6]))
                for unit in chunk[u:u + r]:
                    b.add("s", s_of(unit), bead)
                b.add("t", b.joined("t", [t_of(x) for x in chunk[u:u + r]]), bead)
                u += r
            elif op < 0.20 and len(chunk) - u >= 2:  # the source joins what the target splits
                r = min(len(chunk) - u, rng.choice([2, 2, 2, 3, 3, 4, 5, 6]))
                b.add("s", b.joined("s", [s_of(x) for x in chunk[u:u + r]]), bead)
                for unit in chunk[u:u + r]:
                    b.add("t", t_of(unit), bead)
                u += r
            else:
                b.add("s", s_of(chunk[u]), bead)
                b.add("t", t_of(chunk[u]), bead)
                u += 1
        if join_next and k < len(units):  # the target runs on into the next paragraph
            b.paras["t"].append(("join", []))
    return _finish(index, name, b, src_lang, tgt_lang)


def _finish(index: int, name: str, b: _Builder, src_lang: str, tgt_lang: str) -> DevPair:
    _apply_joins(b)
    docs, spans, para_spans = {}, {}, {}
    for side, lang in (("s", src_lang), ("t", tgt_lang)):
        text, spans[side], para_spans[side] = b.render(side)
        docs[side] = Document(f"tico19/{name}.{lang}.md", text, lang)
    gold = _gold(docs, spans, para_spans, b.beads)
    split = "tune" if index % 2 else "held-out"
    return DevPair(name, split, docs["s"], docs["t"], gold)


def _apply_joins(b: _Builder) -> None:
    """A ("join", []) marker on the target side glues the paragraphs around it together."""
    merged: list = []
    glue = False
    for kind, items in b.paras["t"]:
        if kind == "join":
            glue = True
            continue
        if glue and merged and kind == "paragraph" and merged[-1][0] == "paragraph" and items:
            merged[-1][1].extend(items)
        else:
            merged.append((kind, list(items)))
        glue = False
    b.paras["t"] = merged


class _Union:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, x: int) -> int:
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def join(self, a: int, b: int) -> None:
        self.parent[self.find(a)] = self.find(b)


def _owners(segments, spans) -> list[list[int]]:
    """For each termcheck segment, the built beads whose text it overlaps."""
    result = []
    for seg in segments:
        result.append([bead for s, e, bead in spans if s < seg.end and seg.start < e])
    return result


def _gold(docs, spans, para_spans, bead_count: int) -> dict[str, list[Pair]]:
    union = _Union(bead_count)
    seg: dict[str, tuple] = {}
    for side in "st":
        masked = masked_text(docs[side])
        paras = paragraphs(docs[side], masked)
        sents = sentences(docs[side], paras, masked)
        owners = _owners(sents, spans[side])
        for beads in owners:
            for other in beads[1:]:
                union.join(beads[0], other)
        para_owners = _owners(paras, [(s, e, bead) for s, e, beads in para_spans[side] for bead in beads])
        seg[side] = (sents, owners, paras, para_owners)
    sentence_gold: dict[int, tuple[list[int], list[int]]] = {}
    for side_index, side in enumerate("st"):
        sents, owners, _, _ = seg[side]
        for sentence, beads in zip(sents, owners):
            root = union.find(beads[0])
            sentence_gold.setdefault(root, ([], []))[side_index].append(sentence.index)
    # paragraphs: joined when they share a (merged) sentence bead
    s_paras, t_paras = seg["s"][2], seg["t"][2]
    punion = _Union(len(s_paras) + len(t_paras))
    first_of_root: dict[int, int] = {}
    for side, offset in (("s", 0), ("t", len(s_paras))):
        for p, beads in enumerate(seg[side][3]):
            for bead in beads:
                root = union.find(bead)
                if root in first_of_root:
                    punion.join(first_of_root[root], offset + p)
                else:
                    first_of_root[root] = offset + p
    paragraph_gold: dict[int, tuple[list[int], list[int]]] = {}
    for node in range(len(s_paras) + len(t_paras)):
        side_index, p = (0, node) if node < len(s_paras) else (1, node - len(s_paras))
        paragraph_gold.setdefault(punion.find(node), ([], []))[side_index].append(p)
    return {"paragraph": _ordered(paragraph_gold.values()), "sentence": _ordered(sentence_gold.values())}


def _ordered(groups) -> list[Pair]:
    """Beads in text order (by source, then target position), as in the bundled gold.tsv files."""
    beads = [(tuple(sorted(s)), tuple(sorted(t))) for s, t in groups]
    return sorted(beads, key=lambda b: (b[1][0] if b[1] else -1, b[0][0] if b[0] else -1) if not b[0] else (b[0][0], b[1][0] if b[1] else -1))


def dev_pairs(split: str | None = None, path: str = TMX) -> list[DevPair]:
    """The dev pairs (one split or both), built from the memory; [] when it is not there."""
    if not os.path.exists(path):
        return []
    documents = [(n, u) for n, u in read_documents(path) if n.split("_")[0] not in SKIP_SOURCES and len(u) >= MIN_UNITS]
    pairs = [build_pair(k, name, units) for k, (name, units) in enumerate(documents)]
    return [p for p in pairs if split is None or p.split == split]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tmx", default=TMX)
    parser.add_argument("--show", help="print one pair's texts and gold")
    args = parser.parse_args()
    pairs = dev_pairs(path=args.tmx)
    if not pairs:
        raise SystemExit(f"{args.tmx}: not found")
    for pair in pairs:
        shapes: dict[str, int] = {}
        for s, t in pair.gold["sentence"]:
            key = f"{len(s)}-{len(t)}"
            shapes[key] = shapes.get(key, 0) + 1
        print(f"{pair.name:<26} {pair.split:<8} {pair.source.lang}->{pair.target.lang} "
              f"paragraph beads {len(pair.gold['paragraph']):>4}  sentence beads {len(pair.gold['sentence']):>4}  "
              + " ".join(f"{k}:{v}" for k, v in sorted(shapes.items())))
        if args.show == pair.name:
            print(pair.source.text, "\n----\n", pair.target.text)
            for level in ("paragraph", "sentence"):
                for s, t in pair.gold[level]:
                    print(level, s, t)


if __name__ == "__main__":
    main()

"""The stylesheet and script inlined into every HTML report (no external resources, ever).

Kept apart from html.py so the markup builder stays readable. Neither string may contain a
URL: the page must open from disk with the network off.
"""

from __future__ import annotations

ARABIC_FONTS = '"Noto Naskh Arabic", "Amiri", "Geeza Pro", "Traditional Arabic", "Segoe UI", Tahoma, "DejaVu Sans", sans-serif'

CSS = """
:root {
  color-scheme: light;
  --ink: #1d2125; --muted: #5f6b76; --faint: #8a949e; --rule: #e2e4e7; --rule-strong: #c9ced4;
  --paper: #ffffff; --canvas: #f6f7f8; --accent: #1f5fbf;
  --err: #b42318; --err-bg: #fde7e4; --err-line: #e0533f;
  --warn: #8a5a00; --warn-bg: #fdf1d3; --warn-line: #d99a1c;
  --info: #1f5fbf; --info-bg: #e5eefb; --info-line: #5b8fd9;
  --hdr-h: 7rem;
  --ui: system-ui, -apple-system, "Segoe UI", "Helvetica Neue", "Liberation Sans", "DejaVu Sans", sans-serif;
  --serif: Charter, "Bitstream Charter", "Sitka Text", Cambria, Georgia, "Liberation Serif", "DejaVu Serif", serif;
  --mono: ui-monospace, "SF Mono", Menlo, Consolas, "Liberation Mono", "DejaVu Sans Mono", monospace;
  --arabic: %(arabic)s;
}
* { box-sizing: border-box; }
html { scroll-padding-top: calc(var(--hdr-h) + 1rem); }
body { margin: 0; background: var(--canvas); color: var(--ink); font: 14px/1.45 var(--ui); }
button { font: inherit; color: inherit; }
.tc-header {
  position: sticky; top: 0; z-index: 20; background: var(--paper);
  border-bottom: 1px solid var(--rule-strong); padding: .7rem 1.4rem .6rem;
  display: grid; grid-template-columns: minmax(0, 1fr) auto; gap: .2rem 2rem; align-items: start;
}
.tc-header h1 { margin: 0; font-size: 1.05rem; font-weight: 650; letter-spacing: .005em; }
.tc-header h1 .tc-kind { color: var(--muted); font-weight: 500; margin-inline-end: .4rem; }
.tc-meta { margin: .25rem 0 0; display: grid; grid-template-columns: auto minmax(0, 1fr); gap: .05rem .8rem; font-size: .8rem; }
.tc-meta dt { color: var(--muted); }
.tc-meta dd { margin: 0; overflow-wrap: anywhere; }
.tc-meta code, .tc-sig { font: .76rem/1.4 var(--mono); }
.tc-sig { color: #38424c; background: var(--canvas); border: 1px solid var(--rule); border-radius: 3px; padding: 0 .3rem; }
.tc-totals { display: flex; gap: .4rem; flex-wrap: wrap; justify-content: flex-end; margin: 0; padding: 0; list-style: none; }
.tc-total { border: 1px solid var(--rule-strong); border-radius: 999px; padding: .15rem .65rem; font-size: .8rem; white-space: nowrap; background: var(--paper); }
.tc-total b { font-variant-numeric: tabular-nums; }
.tc-total.sev-error b { color: var(--err); } .tc-total.sev-warning b { color: var(--warn); } .tc-total.sev-info b { color: var(--info); }
.tc-keys { grid-column: 2; justify-self: end; color: var(--faint); font-size: .72rem; margin: .15rem 0 0; }
kbd { font: .7rem var(--mono); border: 1px solid var(--rule-strong); border-bottom-width: 2px; border-radius: 3px; padding: 0 .25rem; background: var(--paper); color: var(--muted); }

.tc-layout { display: grid; grid-template-columns: minmax(0, 1fr) 23rem; align-items: start; }
.tc-main { padding: 1rem 1.2rem 4rem 1.4rem; min-width: 0; }
.tc-section + .tc-section { margin-top: 2rem; }
.tc-section h2 { font-size: .85rem; font-weight: 600; color: var(--muted); margin: 0 0 .4rem; }
.tc-table { width: 100%%; border-collapse: separate; border-spacing: 0; table-layout: fixed; background: var(--paper);
  border: 1px solid var(--rule-strong); border-radius: 6px; }
.tc-table thead th { position: sticky; top: var(--hdr-h); z-index: 5; background: #fafbfc; text-align: start;
  font-weight: 600; font-size: .78rem; color: var(--muted); padding: .45rem .8rem; border-bottom: 1px solid var(--rule-strong); }
.tc-table thead th:first-child { border-top-left-radius: 6px; } .tc-table thead th:last-child { border-top-right-radius: 6px; }
.tc-table thead th .tc-path { color: var(--ink); font: .78rem var(--mono); }
.tc-table thead th .tc-lang { margin-inline-start: .45rem; text-transform: uppercase; letter-spacing: .05em; font-size: .68rem;
  border: 1px solid var(--rule-strong); border-radius: 3px; padding: 0 .25rem; }
.tc-table col.tc-gutter-col { width: 3.6rem; }
.tc-table col.tc-findings-col { width: 30%%; }
.tc-table td { vertical-align: top; padding: .55rem .8rem; border-bottom: 1px solid var(--rule); }
.tc-table tr:last-child td { border-bottom: 0; }
.tc-table tr.tc-para-start td { border-top: 1px solid var(--rule-strong); }
.tc-table tbody tr:first-child td { border-top: 0; }
.tc-table td + td { border-inline-start: 1px solid var(--rule); }
.tc-sr { font-weight: 500; }
.tc-gutter { font: .7rem/1.2 var(--mono); color: var(--faint); text-align: end; white-space: nowrap; padding-inline: .4rem .5rem !important; }
.tc-rownum { display: block; }
.tc-conf { display: block; margin: .35rem 0 0 auto; width: 2.2rem; height: 3px; background: var(--rule); border-radius: 2px; overflow: hidden; }
.tc-conf > span { display: block; height: 100%%; background: #7d8b99; }
.tc-confnum { display: block; margin-top: .15rem; font-size: .64rem; }
tr.tc-low .tc-conf > span { background: var(--warn-line); }
tr.tc-low .tc-confnum { color: var(--warn); font-weight: 600; }
tr.tc-low td.tc-gutter { box-shadow: inset 3px 0 0 var(--warn-line); }
.tc-cell { white-space: pre-wrap; overflow-wrap: anywhere; }
.tc-cell[lang|="en"], .tc-text-en { font: 15.5px/1.62 var(--serif); }
.tc-cell[lang|="ar"], .tc-text-ar, [lang|="ar"] .tc-found { font-family: var(--arabic); font-size: 17.5px; line-height: 2; }
tr.tc-heading .tc-cell { font-weight: 650; }
.tc-gap { background: repeating-linear-gradient(135deg, #f3f4f6 0 6px, #e9ebee 6px 7px); vertical-align: middle !important; }
.tc-gap-label { display: inline-block; font: .72rem/1.3 var(--ui); color: var(--muted); background: var(--paper);
  border: 1px dashed var(--rule-strong); border-radius: 3px; padding: .1rem .45rem; white-space: normal; }
.tc-unit-findings { font-size: .8rem; overflow-wrap: anywhere; }
/* units: labels (line numbers, unit ids, path:line) wrap inside a wider gutter, never over the text */
.tc-table.tc-units col.tc-gutter-col { width: 5.5rem; }
.tc-table.tc-units td.tc-gutter { white-space: normal; overflow-wrap: anywhere; overflow: hidden; }
.tc-table tr[data-kind="context"] td { opacity: .62; }
.tc-table tr.tc-file th { text-align: start; padding: .45rem .8rem; background: #eef1f4; font: .75rem var(--mono); color: var(--ink);
  border-bottom: 1px solid var(--rule-strong); overflow-wrap: anywhere; }
.tc-table tr.tc-skip td { padding: .2rem .8rem; font: .72rem var(--ui); color: var(--muted); background: #f6f7f9; text-align: center; }
bdi { unicode-bidi: isolate; }
.tc-unit-findings ul { margin: 0; padding: 0; list-style: none; }
.tc-unit-findings li + li { margin-top: .3rem; }

mark.tc-mark { color: inherit; background: transparent; border-radius: 2px; padding: 0 1px; cursor: help;
  scroll-margin-top: calc(var(--hdr-h) + 3rem); scroll-margin-bottom: 3rem; }
mark.tc-mark.sev-error { --own: var(--err-line); background: var(--err-bg); }
mark.tc-mark.sev-warning { --own: var(--warn-line); background: var(--warn-bg); }
mark.tc-mark.sev-info { --own: var(--info-line); background: var(--info-bg); }
mark.tc-mark { box-shadow: inset 0 -2px 0 var(--own); }
/* A nested highlight keeps its own colour and shows the enclosing one as a second underline. */
mark.tc-mark.sev-error mark.tc-mark { box-shadow: inset 0 -2px 0 var(--own), 0 2px 0 var(--err-line); }
mark.tc-mark.sev-warning mark.tc-mark { box-shadow: inset 0 -2px 0 var(--own), 0 2px 0 var(--warn-line); }
mark.tc-mark.sev-info mark.tc-mark { box-shadow: inset 0 -2px 0 var(--own), 0 2px 0 var(--info-line); }
mark.tc-point::before { content: "\\2038"; font: 700 .9em var(--ui); padding: 0 .1em; }
mark.tc-point.sev-error::before { color: var(--err); } mark.tc-point.sev-warning::before { color: var(--warn); }
mark.tc-point.sev-info::before { color: var(--info); }
mark.tc-mark.tc-linked { outline: 1px dashed var(--accent); outline-offset: 1px; }
mark.tc-mark:focus { outline: 2px solid var(--accent); outline-offset: 1px; }
mark.tc-mark.tc-flash { animation: tc-flash 1.2s ease-out 1; }
@keyframes tc-flash { 0%% { outline: 3px solid var(--accent); outline-offset: 3px; } 100%% { outline-color: transparent; } }
mark.tc-mark.tc-off { background: transparent !important; box-shadow: none !important; cursor: auto; outline: 0 !important; }
mark.tc-mark.tc-off.tc-point::before { content: none; }

.tc-panel { position: sticky; top: var(--hdr-h); height: calc(100vh - var(--hdr-h)); overflow-y: auto;
  border-inline-start: 1px solid var(--rule-strong); background: var(--paper); padding: .9rem 1rem 2rem; font-size: .82rem; }
.tc-panel h2 { font-size: .72rem; text-transform: uppercase; letter-spacing: .07em; color: var(--muted); margin: 0 0 .45rem; font-weight: 650; }
.tc-filters { border: 0; margin: 0 0 .9rem; padding: 0; }
.tc-filters legend { padding: 0; font-size: .72rem; text-transform: uppercase; letter-spacing: .07em; color: var(--muted); font-weight: 650; margin-bottom: .3rem; }
.tc-filter-row { display: flex; flex-wrap: wrap; gap: .25rem .35rem; margin-bottom: .4rem; }
.tc-filter { display: inline-flex; align-items: center; gap: .3rem; border: 1px solid var(--rule-strong); border-radius: 4px;
  padding: .1rem .45rem .1rem .3rem; cursor: pointer; user-select: none; background: var(--paper); }
.tc-filter input { margin: 0; accent-color: var(--accent); }
.tc-filter .tc-count { color: var(--muted); font-variant-numeric: tabular-nums; }
.tc-filter:has(input:not(:checked)) { color: var(--faint); background: var(--canvas); }
.tc-dot { width: .55rem; height: .55rem; border-radius: 50%%; display: inline-block; flex: none; }
.sev-error > .tc-dot, .tc-dot.sev-error { background: var(--err-line); }
.sev-warning > .tc-dot, .tc-dot.sev-warning { background: var(--warn-line); }
.sev-info > .tc-dot, .tc-dot.sev-info { background: var(--info-line); }
.tc-group { margin-bottom: .8rem; }
.tc-group h3 { display: flex; align-items: center; gap: .4rem; font-size: .8rem; margin: 0 0 .25rem; font-weight: 600; }
.tc-group h3 .tc-code { font-family: var(--mono); font-size: .76rem; }
.tc-group h3 .tc-rulename { color: var(--muted); font-weight: 500; }
.tc-group h3 .tc-count { margin-inline-start: auto; color: var(--muted); font-variant-numeric: tabular-nums; font-weight: 500; }
.tc-list { list-style: none; margin: 0; padding: 0; border: 1px solid var(--rule); border-radius: 4px; }
.tc-entry + .tc-entry { border-top: 1px solid var(--rule); }
.tc-goto { display: block; width: 100%%; text-align: start; overflow-wrap: anywhere; background: none; border: 0; padding: .35rem .5rem; cursor: pointer; }
.tc-goto:hover { background: var(--canvas); }
.tc-goto:focus-visible { outline: 2px solid var(--accent); outline-offset: -2px; }
.tc-entry.tc-current .tc-goto { background: #eef3fb; box-shadow: inset 3px 0 0 var(--accent); }
.tc-where { font: .7rem var(--mono); color: var(--faint); }
.tc-found { font-weight: 600; }
.tc-arrow { color: var(--faint); margin: 0 .2rem; }
.tc-expected { color: #1b6e3a; font-weight: 600; }
.tc-msg { display: block; color: var(--muted); font-size: .76rem; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.tc-empty { color: var(--muted); font-style: italic; }
.tc-orphan { color: var(--faint); font-size: .7rem; }

.tc-detail { display: none; }
#tc-tip { position: absolute; z-index: 50; max-width: 26rem; background: #1f262d; color: #f3f5f7; border-radius: 6px;
  padding: .55rem .7rem; font: .8rem/1.45 var(--ui); box-shadow: 0 6px 24px rgba(0,0,0,.18); pointer-events: none; }
#tc-tip[hidden] { display: none; }
#tc-tip .tc-detail { display: block; }
#tc-tip .tc-d-head { display: flex; gap: .45rem; align-items: center; margin-bottom: .2rem; }
#tc-tip .tc-d-head .tc-code { font-family: var(--mono); font-weight: 600; }
#tc-tip .tc-d-sev { text-transform: uppercase; font-size: .66rem; letter-spacing: .06em; color: #c5ccd3; }
#tc-tip .tc-d-msg { margin: 0 0 .3rem; }
#tc-tip dl { display: grid; grid-template-columns: auto minmax(0, 1fr); gap: .1rem .6rem; margin: 0; }
#tc-tip dt { color: #aab3bc; }
#tc-tip dd { margin: 0; }
#tc-tip [lang|="ar"] { font-family: var(--arabic); font-size: 1.08em; line-height: 1.7; }
.tc-noscript { padding: .5rem 1.4rem; background: var(--warn-bg); font-size: .8rem; }
.tc-clear { padding: 2rem; text-align: center; color: var(--muted); }

@media (max-width: 1000px) {
  .tc-layout { grid-template-columns: minmax(0, 1fr); }
  .tc-panel { position: static; height: auto; border-inline-start: 0; border-top: 1px solid var(--rule-strong); }
}
@media print {
  .tc-header, .tc-table thead th { position: static; }
  .tc-panel, .tc-keys, #tc-tip { display: none !important; }
  .tc-layout { display: block; }
  body { background: #fff; }
}
""" % {"arabic": ARABIC_FONTS}

JS = r"""
(function () {
  "use strict";
  var doc = document;
  var header = doc.querySelector(".tc-header");
  var tip = doc.getElementById("tc-tip");
  var current = null;

  function setHeaderHeight() {
    if (header) doc.documentElement.style.setProperty("--hdr-h", header.offsetHeight + "px");
  }
  setHeaderHeight();
  window.addEventListener("resize", setHeaderHeight);

  function heads(fid) {
    return doc.querySelectorAll('mark.tc-mark[data-finding-id="' + fid + '"]:not(.tc-cont)');
  }
  function mainMark(fid) {
    var all = heads(fid);
    for (var i = 0; i < all.length; i++) if (all[i].getAttribute("data-side") !== "source") return all[i];
    return all[0] || null;
  }
  function isOff(el) { return el.classList.contains("tc-off"); }
  function order() {
    var seen = {}, ids = [];
    doc.querySelectorAll("mark.tc-mark:not(.tc-cont)").forEach(function (m) {
      var fid = m.getAttribute("data-finding-id");
      if (!seen[fid] && !isOff(m)) { seen[fid] = true; ids.push(fid); }
    });
    return ids;
  }
  function marksOf(fid) { return doc.querySelectorAll('mark.tc-mark[data-finding-id="' + fid + '"]'); }
  function setCurrent(fid) {
    if (current) doc.querySelectorAll('.tc-entry[data-finding-id="' + current + '"]').forEach(function (e) { e.classList.remove("tc-current"); });
    current = fid;
    if (fid) doc.querySelectorAll('.tc-entry[data-finding-id="' + fid + '"]').forEach(function (e) {
      e.classList.add("tc-current");
      var panel = e.closest(".tc-panel"), pr = panel && panel.getBoundingClientRect(), er = e.getBoundingClientRect();
      if (pr && (er.top < pr.top || er.bottom > pr.bottom)) panel.scrollTop += er.top - pr.top - pr.height / 3;
    });
  }
  function flash(el) {
    el.classList.remove("tc-flash"); void el.offsetWidth; el.classList.add("tc-flash");
  }
  function go(fid) {
    var mark = mainMark(fid);
    if (!mark) return false;
    mark.scrollIntoView({ block: "center", inline: "nearest", behavior: "instant" });
    mark.focus({ preventScroll: true });
    heads(fid).forEach(flash);
    setCurrent(fid);
    return true;
  }

  function showTip(mark) {
    var fid = mark.getAttribute("data-finding-id");
    var detail = doc.getElementById("tc-d-" + fid);
    if (!tip || !detail || isOff(mark)) return;
    tip.textContent = "";
    tip.appendChild(detail.cloneNode(true)).removeAttribute("id");
    tip.hidden = false;
    var r = mark.getBoundingClientRect();
    var w = tip.offsetWidth, h = tip.offsetHeight;
    var left = Math.min(Math.max(8, r.left), doc.documentElement.clientWidth - w - 8);
    var top = r.bottom + 6;
    if (top + h > window.innerHeight - 8 && r.top - h - 6 > 0) top = r.top - h - 6;
    tip.style.left = (left + window.scrollX) + "px";
    tip.style.top = (top + window.scrollY) + "px";
    marksOf(fid).forEach(function (m) { m.classList.add("tc-linked"); });
  }
  function hideTip() {
    if (tip) tip.hidden = true;
    doc.querySelectorAll("mark.tc-linked").forEach(function (m) { m.classList.remove("tc-linked"); });
  }
  function markOf(target) {
    return target && target.closest ? target.closest("mark.tc-mark") : null;
  }
  doc.addEventListener("mouseover", function (e) { var m = markOf(e.target); if (m) showTip(m); });
  doc.addEventListener("mouseout", function (e) {
    var m = markOf(e.target);
    if (m && !m.contains(e.relatedTarget)) {
      var f = doc.activeElement && markOf(doc.activeElement);
      if (f) showTip(f); else hideTip();
    }
  });
  doc.addEventListener("focusin", function (e) {
    var m = markOf(e.target);
    if (m) { showTip(m); setCurrent(m.getAttribute("data-finding-id")); } else hideTip();
  });
  doc.addEventListener("focusout", function (e) { if (markOf(e.target)) hideTip(); });
  window.addEventListener("scroll", function () { var f = markOf(doc.activeElement); if (f) showTip(f); }, { passive: true });

  doc.addEventListener("click", function (e) {
    var b = e.target.closest ? e.target.closest("[data-goto]") : null;
    if (b) { e.preventDefault(); go(b.getAttribute("data-goto")); }
  });

  function step(delta) {
    var ids = order();
    if (!ids.length) return;
    var i = current ? ids.indexOf(current) : -1;
    var next = i < 0 ? (delta > 0 ? 0 : ids.length - 1) : (i + delta + ids.length) % ids.length;
    go(ids[next]);
  }
  doc.addEventListener("keydown", function (e) {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    var t = e.target;
    if (t && (t.tagName === "INPUT" && t.type !== "checkbox" || t.tagName === "TEXTAREA" || t.isContentEditable)) return;
    if (e.key === "n" || e.key === "j") { e.preventDefault(); step(1); }
    else if (e.key === "p" || e.key === "k") { e.preventDefault(); step(-1); }
    else if (e.key === "Escape") { hideTip(); }
  });

  function enabled(kind) {
    var on = {};
    doc.querySelectorAll('input[data-filter="' + kind + '"]').forEach(function (box) { on[box.value] = box.checked; });
    return on;
  }
  function applyFilters() {
    var sev = enabled("severity"), rule = enabled("rule");
    function shown(el) {
      return sev[el.getAttribute("data-severity")] !== false && rule[el.getAttribute("data-rule")] !== false;
    }
    doc.querySelectorAll("mark.tc-mark").forEach(function (m) {
      var on = shown(m);
      m.classList.toggle("tc-off", !on);
      if (!m.classList.contains("tc-cont")) m.setAttribute("tabindex", on ? "0" : "-1");
    });
    doc.querySelectorAll(".tc-entry, .tc-chip").forEach(function (el) { el.hidden = !shown(el); });
    doc.querySelectorAll(".tc-group").forEach(function (g) {
      g.hidden = !g.querySelector(".tc-entry:not([hidden])");
    });
    hideTip();
  }
  doc.querySelectorAll("input[data-filter]").forEach(function (box) { box.addEventListener("change", applyFilters); });
  applyFilters();
  doc.documentElement.classList.add("tc-js");
})();
"""

"""The `units` HTML report on real catalogues (../shared/realdata, read in place): Django's Arabic
catalogues and the TICO-19 TMX (with --mine-terms, so it has findings). Each page stays under
300 KB because only units with findings and their neighbours are drawn; in headless Chromium
(Debian's /usr/bin/chromium driven by Playwright, as in test_report_html_browser.py) every
placeholder and Latin run of an Arabic cell reads left to right in source order, and no unit label
spills over the text. Leaves test-artifacts/units-django.png and units-tmx.png to look at.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
REALDATA = ROOT.parent / "shared" / "realdata"
DJANGO = REALDATA / "django-5.2.19"
TMX = REALDATA / "tico19" / "all.en-ar.tmx"
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = "/usr/bin/chromium"
LIMIT = 300_000

pytestmark = pytest.mark.skipif(not (DJANGO.is_dir() and TMX.exists()), reason="../shared/realdata not available")


@pytest.fixture(scope="module")
def reports(tmp_path_factory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("units-reports")
    commands = {"django": [str(DJANGO)], "tmx": [str(TMX), "--mine-terms"]}
    pages = {}
    for name, args in commands.items():
        page = out / f"{name}.html"
        result = subprocess.run([sys.executable, "-m", "termcheck", "units", *args, "--format", "html", "-o", str(page)],
                                capture_output=True, text=True, timeout=600)
        assert result.returncode in (0, 1), result.stderr
        pages[name] = page
    return pages


@pytest.mark.parametrize("name", ["django", "tmx"])
def test_report_is_small_and_draws_only_units_with_findings_and_neighbours(reports, name):
    page = reports[name].read_text(encoding="utf-8")
    assert len(page.encode("utf-8")) < LIMIT
    rows = re.findall(r'<tr class="tc-row[^"]*" data-row="\d+"( data-kind="context")?>(.*?)</tr>', page)
    with_findings = [body for kind, body in rows if not kind]
    context = [body for kind, body in rows if kind]
    assert with_findings and all('<li class="tc-chip' in body for body in with_findings)
    assert all('<span class="tc-empty">none</span>' in body for body in context)
    assert len(context) <= 2 * len(with_findings)
    skipped = sum(int(n.replace(",", "")) for n in re.findall(r"⋯ ([\d,]+) units? without findings", page))
    assert skipped > 10 * len(rows)  # most units are left out


# -- in the browser ------------------------------------------------------------------------------

CHARACTER_X = """(root) => {
  // x of every character of every text node under root, with its line (top), in DOM order
  const out = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    for (let i = 0; i < node.data.length; i++) {
      const range = document.createRange();
      range.setStart(node, i); range.setEnd(node, i + 1);
      const r = range.getBoundingClientRect();
      if (r.width > 0) out.push([node.data[i], Math.round(r.left * 10) / 10, Math.round(r.top)]);
    }
  }
  return out;
}"""

ISOLATES = """() => Array.from(document.querySelectorAll('td.tc-cell[dir="rtl"] bdi')).map(b => b.textContent)"""

OVERLAPS = """() => {
  const bad = [];
  for (const row of document.querySelectorAll('tr.tc-row')) {
    const gutter = row.querySelector('td.tc-gutter'), label = row.querySelector('.tc-rownum');
    const cell = gutter.nextElementSibling;
    const l = label.getBoundingClientRect(), c = cell.getBoundingClientRect();
    if (l.right > c.left + 0.5 || label.scrollWidth > gutter.clientWidth) bad.push(label.textContent);
  }
  return bad;
}"""


def left_to_right(chars: list) -> bool:
    """Every character right of the one before it on the same line."""
    return all(b[1] > a[1] for a, b in zip(chars, chars[1:]) if a[2] == b[2])


@pytest.fixture(scope="module")
def browser():
    if not os.path.exists(CHROMIUM):
        pytest.skip(f"{CHROMIUM} is not installed (run .ci/install-browser)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed (run .ci/install-browser)")
    user_data = tempfile.mkdtemp(prefix="termcheck-chromium-")
    with sync_api.sync_playwright() as pw:
        context = pw.chromium.launch_persistent_context(
            user_data, executable_path=CHROMIUM, headless=True, viewport={"width": 1400, "height": 900}, timeout=60_000,
            args=["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"])
        try:
            yield context
        finally:
            context.close()
            shutil.rmtree(user_data, ignore_errors=True)


def test_bidi_reorders_an_unisolated_placeholder(browser, tmp_path):
    # the control: without an isolate Chromium shows %(datetime)s as s(datetime)%
    page_file = tmp_path / "plain.html"
    page_file.write_text('<!doctype html><meta charset="utf-8"><table><tr><td id="c" dir="rtl" lang="ar">'
                         "تم الحفظ في %(datetime)s.</td></tr></table>", encoding="utf-8")
    page = browser.new_page()
    page.goto(page_file.as_uri())
    chars = page.eval_on_selector("#c", CHARACTER_X)
    placeholder = [c for c in chars if c[0] in "%()datetims"]
    assert "".join(c[0] for c in placeholder) == "%(datetime)s"
    assert not left_to_right(placeholder)
    page.close()


@pytest.mark.parametrize("name", ["django", "tmx"])
def test_arabic_cells_keep_placeholders_in_source_order_and_labels_clear(browser, reports, name):
    page = browser.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(reports[name].as_uri())
    isolates = page.evaluate(ISOLATES)
    if name == "django":  # the placeholders of the units Django's catalogues have findings in
        assert {"%(field)s", "%(verbose_name)s", "{name}", "{obj}"} <= set(isolates)
    for handle in page.query_selector_all('td.tc-cell[dir="rtl"] bdi'):
        chars = handle.evaluate(CHARACTER_X)
        assert "".join(c[0] for c in chars) == handle.text_content()
        assert left_to_right(chars), handle.text_content()
    assert page.evaluate(OVERLAPS) == []
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"units-{name}.png"), full_page=False)
    assert errors == []
    page.close()

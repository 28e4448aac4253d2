"""The HTML report in a real headless Chromium (Debian's /usr/bin/chromium driven by Playwright).

Skipped when /usr/bin/chromium or the playwright package is missing (.ci/install-browser installs
both; Playwright never downloads a browser here). Leaves test-artifacts/report.png to look at.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from termcheck.report import jsonfmt
from termcheck.report.html import render_html, report_for_check
from test_report_html_data import PLANTED, SAMPLE_META, sample_check_result

CHROMIUM = "/usr/bin/chromium"
ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "test-artifacts"
FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
PAIRS = sorted(p.name for p in (ROOT / "corpora").glob("*") if (p / "ar.md").exists() and (p / "en.md").exists()) \
    if (ROOT / "corpora").is_dir() else []
GLOSSARY = ROOT / "glossaries" / "house.csv"

if not os.path.exists(CHROMIUM):
    pytest.skip(f"{CHROMIUM} is not installed (run .ci/install-browser); browser tests skipped", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed (run .ci/install-browser)")


@pytest.fixture(scope="module")
def context():
    user_data = tempfile.mkdtemp(prefix="termcheck-chromium-")
    with sync_api.sync_playwright() as pw:
        ctx = pw.chromium.launch_persistent_context(
            user_data, executable_path=CHROMIUM, headless=True, args=FLAGS,
            viewport={"width": 1400, "height": 900}, timeout=60_000,
        )
        try:
            yield ctx
        finally:
            ctx.close()
            shutil.rmtree(user_data, ignore_errors=True)


def _open(context, page_html: str, tmp_path: Path):
    path = tmp_path / "report.html"
    path.write_text(page_html, encoding="utf-8")
    page = context.new_page()
    page.requests = []
    page.errors = []
    page.on("request", lambda r: page.requests.append(r.url))
    page.on("pageerror", lambda e: page.errors.append(str(e)))
    page.goto(path.as_uri())
    return page


@pytest.fixture
def sample():
    result = sample_check_result()
    return result, render_html(report_for_check(result, None, dict(SAMPLE_META)))


@pytest.fixture
def page(context, sample, tmp_path):
    page = _open(context, sample[1], tmp_path)
    yield page
    assert page.errors == []
    page.close()


def _heads(page, fid: str) -> int:
    return page.evaluate(f"document.querySelectorAll('mark[data-finding-id=\"{fid}\"]:not(.tc-cont)').length")


def _expected_heads(json_text: str) -> dict[str, int]:
    findings = json.loads(json_text)["findings"]
    return {f"f{i + 1}": 1 + ("source_path" in f) for i, f in enumerate(findings)}


def _rect(page, selector: str) -> dict:
    return page.evaluate(f"(() => {{ const r = document.querySelector('{selector}').getBoundingClientRect();"
                         " return {top: r.top, bottom: r.bottom, left: r.left, right: r.right, width: r.width,"
                         " vh: window.innerHeight, vw: window.innerWidth}; })()")


def test_highlight_count_matches_json_findings(page, sample):
    result, _ = sample
    expected = _expected_heads(jsonfmt.render(result.findings, 2))
    assert {fid: _heads(page, fid) for fid in expected} == expected
    assert page.evaluate("document.querySelectorAll('mark.tc-mark:not(.tc-cont)').length") == sum(expected.values()) == 16
    assert page.requests == [page.url]  # the file itself, nothing else


def _termcheck(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "termcheck", *args], capture_output=True, text=True, timeout=120, cwd=ROOT)


@pytest.mark.parametrize("pair", PAIRS or [pytest.param("none", marks=pytest.mark.skip(reason="no corpora/<pair>/ar.md+en.md yet"))])
def test_bundled_pair_cli_html_highlights_every_json_finding(context, tmp_path, pair):
    """`termcheck check --format html` shows one highlight per side of every finding of `--format json`."""
    if not GLOSSARY.exists():
        pytest.skip("glossaries/house.csv is not there yet")
    files = [f"corpora/{pair}/ar.md", f"corpora/{pair}/en.md", "-g", "glossaries/house.csv"]
    as_json = _termcheck("check", *files, "--format", "json")
    out = tmp_path / "cli.html"
    as_html = _termcheck("check", *files, "--format", "html", "-o", str(out))
    assert as_json.returncode == as_html.returncode == 1, as_json.stderr + as_html.stderr
    expected = _expected_heads(as_json.stdout)
    assert expected, "a bundled pair is expected to have findings"
    page = _open(context, out.read_text(encoding="utf-8"), tmp_path)
    assert {fid: _heads(page, fid) for fid in expected} == expected
    assert page.evaluate("document.querySelectorAll('mark.tc-mark:not(.tc-cont)').length") == sum(expected.values())
    assert page.evaluate("getComputedStyle(document.querySelector('td.tc-cell[lang=ar]')).direction") == "rtl"
    assert page.errors == [] and page.requests == [page.url]
    page.close()


def test_arabic_column_is_rtl_with_an_arabic_font_stack(page):
    style = page.evaluate("""(() => { const s = getComputedStyle(document.querySelector('td.tc-cell[lang=ar]'));
        return {dir: s.direction, font: s.fontFamily, size: parseFloat(s.fontSize), lh: parseFloat(s.lineHeight)}; })()""")
    assert style["dir"] == "rtl"
    assert style["font"].startswith('"Noto Naskh Arabic", Amiri')
    assert style["lh"] >= 1.8 * style["size"]
    assert page.evaluate("getComputedStyle(document.querySelector('td.tc-cell[lang=en]')).direction") == "ltr"


def test_clicking_a_panel_entry_scrolls_to_and_focuses_its_highlight(page):
    selector = 'mark[data-finding-id="f11"][data-side="location"]'
    before = _rect(page, selector)
    assert before["top"] > before["vh"]  # off-screen at first
    page.click('.tc-entry[data-finding-id="f11"] .tc-goto')
    after = _rect(page, selector)
    header = page.evaluate("document.querySelector('.tc-header').getBoundingClientRect().bottom")
    assert header <= after["top"] and after["bottom"] <= after["vh"]
    assert 0 <= after["left"] and after["right"] <= after["vw"]
    assert page.evaluate("document.activeElement.getAttribute('data-finding-id')") == "f11"
    assert page.evaluate("document.activeElement.getAttribute('data-side')") == "location"
    tip = page.evaluate("(() => { const t = document.getElementById('tc-tip'); return t.hidden ? null : t.innerText; })()")
    assert "TC202" in tip and "Popular Mobilization Commission" in tip and "هيئة الحشد الشعبي" in tip


def test_keyboard_focus_shows_the_tooltip(page):
    page.keyboard.press("Tab")  # the first focusable element is the first highlight (source side of f1)
    assert page.evaluate("[document.activeElement.tagName, document.activeElement.dataset.findingId, document.activeElement.dataset.side]") \
        == ["MARK", "f1", "source"]
    tip = page.evaluate("document.getElementById('tc-tip').innerText")
    assert page.is_visible("#tc-tip")
    assert "TC101" in tip and "Forbidden form of a glossary term." in tip and "Kataib Hezbollah" in tip
    page.keyboard.press("Escape")
    assert not page.is_visible("#tc-tip")


def test_n_and_p_walk_the_findings_in_text_order(page):
    def focused():
        return page.evaluate("document.activeElement.dataset.findingId || null")

    seen = []
    for key in ["n", "n", "n", "p", "k", "j", "j", "j", "j", "j", "j", "j"]:
        page.keyboard.press(key)
        seen.append(focused())
    assert seen == ["f1", "f2", "f3", "f2", "f1", "f2", "f3", "f4", "f5", "f6", "f7", "f8"]
    page.keyboard.press("j")
    # f9 (an untranslated sentence) is located in the source file: its only highlight is in the Arabic column
    assert focused() == "f9" and page.evaluate("document.activeElement.closest('td').lang") == "ar"
    page.keyboard.press("j")
    page.keyboard.press("j")
    page.keyboard.press("j")  # wraps around after f11
    assert focused() == "f1"


def test_filters_hide_highlights_and_entries(page):
    page.uncheck('input[data-filter="severity"][value="warning"]')
    display = page.evaluate("""[...document.querySelectorAll('.tc-entry')].map(e =>
        [e.dataset.severity, getComputedStyle(e).display])""")
    assert {sev for sev, d in display if d == "none"} == {"warning"}
    assert sum(1 for _, d in display if d == "none") == 6
    mark = page.evaluate("""(() => { const m = document.querySelector('mark[data-finding-id="f4"][data-side="location"]');
        const s = getComputedStyle(m); return [s.backgroundColor, s.boxShadow, m.tabIndex]; })()""")
    assert mark == ["rgba(0, 0, 0, 0)", "none", -1]
    assert page.evaluate("getComputedStyle(document.querySelector('mark[data-finding-id=\"f1\"]')).backgroundColor") != "rgba(0, 0, 0, 0)"
    # navigation skips what is filtered out: f1, f2, then f5 (f3 and f4 are warnings)
    for _ in range(3):
        page.keyboard.press("n")
    assert page.evaluate("document.activeElement.dataset.findingId") == "f5"
    page.uncheck('input[data-filter="rule"][value="TC101"]')
    assert page.evaluate("getComputedStyle(document.querySelector('.tc-group[data-rule=TC101]')).display") == "none"
    page.check('input[data-filter="severity"][value="warning"]')
    assert page.evaluate("[...document.querySelectorAll('.tc-entry')].filter(e => getComputedStyle(e).display === 'none').length") == 3
    assert page.evaluate("document.querySelector('mark[data-finding-id=\"f4\"]').tabIndex") == 0


def test_planted_script_does_not_run_and_shows_as_text(page, sample):
    page.focus('mark[data-finding-id="f10"]')  # its tooltip clones a detail holding the planted script
    page.wait_for_timeout(100)
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.title() == sample[1].split("<title>")[1].split("</title>")[0].replace("&lt;", "<").replace("&gt;", ">")
    assert page.title() != "pwned"
    assert PLANTED in page.inner_text("main")
    assert PLANTED in page.inner_text("#tc-tip")
    assert page.evaluate("document.querySelectorAll('script').length") == 1
    assert page.evaluate("document.querySelectorAll('main img').length") == 0


def test_screenshot_artifact(page):
    page.focus('mark[data-finding-id="f4"][data-side="location"]')
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "report.png"))
    assert (ARTIFACTS / "report.png").stat().st_size > 10_000

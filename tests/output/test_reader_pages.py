"""Report pages as a reader meets them, in headless Chromium: no sideways scrolling at 400 and 1280 px, every
sentence link resolves, no notebook artefacts (double escaping, index columns, sanity checks), and the brief first."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import ROOT, SEED
from support.browser_support import PageCheck, file_url, skip_without_chromium, visit_pages

UK = ROOT / "data" / "articles" / "wikinews-uk-asylum-questionnaire.txt"
WIDTHS = (400, 1280)
ARTIFACTS = ROOT / "tests" / "artifacts"

_WIDTH_JS = """() => {
  const vw = window.innerWidth;
  const wide = [];
  for (const el of document.body.querySelectorAll('*')) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.right <= vw + 1) continue;
    let p = el.parentElement, boxed = false;
    while (p && p !== document.body) {  // inside a box that scrolls on its own is fine
      const o = getComputedStyle(p).overflowX;
      if ((o === 'auto' || o === 'scroll' || o === 'hidden') && p.getBoundingClientRect().right <= vw + 1) { boxed = true; break; }
      p = p.parentElement;
    }
    if (!boxed) wide.push(el.tagName + '.' + (el.className && el.className.baseVal === undefined ? el.className : ''));
  }
  return {scroll: document.documentElement.scrollWidth, viewport: vw, wide: wide.slice(0, 5)};
}"""


@dataclass
class ReaderCheck(PageCheck):
    widths: dict = field(default_factory=dict)
    text: str = ""


@pytest.fixture(scope="module")
def report_set(tmp_path_factory):
    skip_without_chromium()
    from analysis.output.report import build_reports

    out = tmp_path_factory.mktemp("reader-pages")
    results = build_reports([SEED, UK], out, workers=1)
    assert not [r.error for r in results if r.error]
    return out


def _pages(out: Path) -> list[Path]:
    return sorted(p for p in out.rglob("*.html") if not p.name.startswith("."))


def _read(page, check: ReaderCheck) -> None:
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        page.wait_for_timeout(150)
        check.widths[width] = page.evaluate(_WIDTH_JS)
    check.text = page.evaluate("() => document.body.innerText")


def test_no_page_scrolls_sideways_and_no_notebook_artefacts(report_set):
    pages = _pages(report_set)
    assert len(pages) >= 10  # 2 × (index + 3 notebooks) + compare + site index
    checks = visit_pages([ReaderCheck(url=file_url(p)) for p in pages], _read, wait_ms=3000)
    for page, check in zip(pages, checks):
        name = page.relative_to(report_set)
        for width, got in check.widths.items():
            # the criterion: no element reaches past the viewport unless it sits in a box that scrolls
            # on its own (wide tables); the page's scrollWidth is also bounded to catch a layout gone wrong
            assert got["wide"] == [], (str(name), width, got)
            assert got["scroll"] <= got["viewport"] * 1.05, (str(name), width, got)
        assert not check.external_requests, name
        assert not re.search(r"&(amp|quot|lt|gt|#x27);", check.text), (str(name), "escaped twice")
        assert "Sanity check" not in check.text, name
        assert not re.search(r"\d+ rows × \d+ columns|\bNaN\b", check.text), name
        html = page.read_text(encoding="utf-8")
        assert 'class="dataframe' not in html, name  # every table is a reader table: no pandas index column


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids, self.hrefs = set(), []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if a.get("id"):
            self.ids.add(a["id"])
        if tag == "a" and a.get("href"):
            self.hrefs.append(a["href"])


def test_every_sentence_link_resolves_in_the_same_report_set(report_set):
    parsed = {}
    for p in _pages(report_set):
        links = _Links()
        links.feed(p.read_text(encoding="utf-8"))
        parsed[p.resolve()] = links
    n = 0
    for page, links in parsed.items():
        for href in links.hrefs:
            if not re.search(r"#s\d+$", href):
                continue
            n += 1
            target_file, anchor = href.split("#")
            target = (page.parent / target_file).resolve() if target_file else page
            assert target in parsed, (str(page), href)
            assert anchor in parsed[target].ids, (str(page), href)
    assert n > 100


def test_the_brief_comes_first_and_its_evidence_opens_the_sentence(report_set):
    index = report_set / SEED.stem / "index.html"
    html = index.read_text(encoding="utf-8")
    assert html.index("What stands out") < html.index("<h2>Reports</h2>")
    for phrase in ("No one is quoted directly", "Claims credited to no one", "Vague sources", "2 figures",
                   "Loaded words in", "Reading grade 17"):
        assert phrase in html, phrase
    ARTIFACTS.mkdir(parents=True, exist_ok=True)

    def read(page, check: ReaderCheck) -> None:
        for width in WIDTHS:
            page.set_viewport_size({"width": width, "height": 900})
            page.wait_for_timeout(150)
            page.screenshot(path=str(ARTIFACTS / f"brief-{width}.png"), full_page=False)
        page.click('li[data-finding="vague"] a.al-sid >> nth=0')
        page.wait_for_load_state("load")
        check.text = page.evaluate("() => location.pathname.split('/').pop() + location.hash + '|' + "
                                   "(document.querySelector(':target') || {textContent: ''}).textContent")

    (check,) = visit_pages([ReaderCheck(url=file_url(index))], read)
    where, sentence = check.text.split("|", 1)
    assert where == "article.html#s12" and "concern" in sentence.lower()
    assert (ARTIFACTS / "brief-400.png").stat().st_size > 0 and (ARTIFACTS / "brief-1280.png").stat().st_size > 0


def test_dashboard_tiles_link_to_sections_that_exist(report_set):
    parsed = {}
    for p in _pages(report_set):
        links = _Links()
        links.feed(p.read_text(encoding="utf-8"))
        parsed[p.resolve()] = links
    index = (report_set / SEED.stem / "index.html").resolve()
    html = index.read_text(encoding="utf-8")
    tiles = re.findall(r'<section class="al-tile" data-panel="([a-z]+)"><h3><a href="([^"]+)">', html)
    assert [k for k, _ in tiles] == ["tone", "sourcing", "frames", "figures", "loaded", "actors", "grade"]
    for key, href in tiles:
        target_file, anchor = href.split("#")
        target = (index.parent / target_file).resolve()
        assert target in parsed and anchor.replace("&amp;", "&") in parsed[target].ids, (key, href)
    # the seed's two figures make a sentence, not a chart; the other six are drawn, and the tone arc's
    # columns open their sentences in the annotated article
    assert html.count("<svg") == 6 and "2 figures: 1 no source, hedged; 1 sourced, hedged." in html
    arc = html[html.index('data-panel="tone"'):html.index('data-panel="sourcing"')]
    assert len(re.findall(r'<a href="article\.html#s\d+">', arc)) == 10


def test_comparison_names_articles_by_outlet_and_date(report_set):
    text = (report_set / "compare.html").read_text(encoding="utf-8")
    assert "Wikinews, 2023-02-23" in text and "named by outlet and date (or headline)" in text
    assert "Trump Intensifies Immigration Enforcement …" in text  # no outlet: its headline

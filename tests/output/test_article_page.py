"""The annotated article's page (``article.html``) of the seed's report: every layer with its toggle, every sentence
an anchor, every sentence id of the report set a link to it, and a click on a chart's bar that stands for sentences
highlights them there (headless Chromium, offline); the article text escaped and nothing loaded from the network."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from analysis.framing.quotes import quotations
from analysis.language.loaded import loaded_words
from analysis.numbers.records import figures
from analysis.output.html.annotate import ANNOTATION_STYLES, LAYERS
from analysis.output.html.article_page import SENTENCE_SCRIPT, SENTENCE_SCRIPT_ASSET, article_page_html

from conftest import SEED
from support.browser_support import PageCheck, file_url, skip_without_chromium, visit_pages

HOSTILE = ('The crackdown was bold <img src=x onerror="window.__xss=1"> and may be <script>window.__xss=2</script> '
           '"punitive". Officials said "we will <b onmouseover=alert(1)>act</b>" on 300 cases, reports suggest.')
_SID = re.compile(r"\bs\d+\b")


class _Page(HTMLParser):
    """Ids, links, start tags, and the visible text outside links (script and style left out)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.hrefs: list[str] = []
        self.tags: list[tuple[str, dict]] = []
        self.unlinked: list[str] = []  # text outside <a>, <script>, <style>, <title> that names a sentence id
        self._open: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags.append((tag, a))
        if a.get("id"):
            self.ids.add(a["id"])
        if tag == "a" and a.get("href"):
            self.hrefs.append(a["href"])
        if tag not in ("br", "img", "input", "meta", "link", "hr", "wbr", "col", "source"):
            self._open.append(tag)

    def handle_endtag(self, tag):
        if tag in self._open:
            while self._open and self._open.pop() != tag:
                pass

    def handle_data(self, data):
        if not any(t in ("a", "script", "style", "title") for t in self._open):
            self.unlinked += [data[max(0, m.start() - 30):m.end() + 30] for m in _SID.finditer(data)]


def _parse(path: Path) -> _Page:
    p = _Page()
    p.feed(path.read_text(encoding="utf-8"))
    return p


@pytest.fixture(scope="module")
def folder(built_reports) -> Path:
    return built_reports / SEED.stem


def test_every_sentence_has_an_anchor_and_every_layer_a_toggle(folder, seed):
    page = _parse(folder / "article.html")
    spans = [a["id"] for t, a in page.tags if t == "span" and "al-s" in a.get("class", "").split()]
    assert spans == [s.id for s in seed.sentences]
    boxes = {a["data-layer"]: "checked" in a for t, a in page.tags if t == "input" and a.get("type") == "checkbox"}
    assert list(boxes) == list(LAYERS)
    assert boxes["loaded"] and not boxes["frame"]  # the busiest layers start switched off
    classes = {c for t, a in page.tags if t == "mark" for c in a.get("class", "").split()}
    direct = int((quotations(seed)["kind"] == "direct").sum())
    for cat, (_, cls, _, _) in ANNOTATION_STYLES.items():
        if cat == "quote" and direct == 0:
            continue  # the seed quotes no one directly: nothing to mark
        assert cls in classes, cat
    # vague sources and claims credited to no one carry their kind, the colour they have in every chart
    assert {"al-att-vague", "al-att-unattributed"} <= classes
    # each figure is a link to its card, which is on the page
    figs = figures(seed)
    refs = {h[1:] for h in page.hrefs if re.fullmatch(r"#figure-n\d+", h)}
    assert refs == {f"figure-{i}" for i in figs["id"]} and refs <= page.ids
    # the page loads the shared script from the assets folder, beside plotly.js
    raw = (folder / "article.html").read_text(encoding="utf-8")
    assert f'<script src="../{SENTENCE_SCRIPT_ASSET}"' in raw
    assert (folder.parent / SENTENCE_SCRIPT_ASSET).read_text(encoding="utf-8") == SENTENCE_SCRIPT


def test_every_sentence_id_of_the_report_is_a_link_that_resolves(folder, seed):
    pages = sorted(p for p in folder.parent.rglob("*.html") if not p.name.startswith("."))
    assert {p.name for p in pages} >= {"article.html", "01-language.html", "02-framing.html", "03-figures.html"}
    parsed = {p.resolve(): _parse(p) for p in pages}
    targets = {p: 0 for p in pages}
    for page, links in parsed.items():
        assert links.unlinked == [], (page.name, links.unlinked[:5])  # no sentence id shown as plain text
        for href in links.hrefs:
            m = re.fullmatch(r"([^#]*)#(s\d+)", href)
            if not m:
                continue
            target = (page.parent / m.group(1)).resolve() if m.group(1) else page
            assert target in parsed, (page.name, href)
            assert m.group(2) in parsed[target].ids, (page.name, href)
            targets[Path(target)] = targets.get(Path(target), 0) + 1
    article = (folder / "article.html").resolve()
    # every page's sentence links open the annotated article, and there are many of them
    assert {t for t, n in targets.items() if n and t != article} == set(), targets
    assert targets[article] > 100


def test_hostile_text_is_escaped_on_the_page(make_article):
    a = make_article("Alert <script>window.__xss=3</script>", HOSTILE)
    out = article_page_html(a)
    for needle in ("<script", "<img", "<b ", 'onerror="'):
        assert needle not in out, needle
    assert "&lt;script&gt;window.__xss=2&lt;/script&gt;" in out and "&lt;img src=x onerror=" in out
    page = _Page()
    page.feed(out)
    assert {t for t, _ in page.tags} <= {"h1", "h2", "style", "p", "div", "ul", "li", "label", "input", "mark", "span",
                                          "a", "article", "dl", "dt", "dd", "blockquote", "small"}
    assert not any(k.startswith("on") for _, attrs in page.tags for k in attrs)


class _Click(PageCheck):
    pass


_BAR_JS = """([chartId, selector, nth]) => {
  const gd = document.getElementById(chartId);
  const bar = gd.querySelectorAll(selector)[nth];
  const trace = bar.closest('.trace').__data__[0].trace;
  const i = bar.__data__.i;
  const box = bar.getBoundingClientRect();
  return {label: trace.y[i], x_value: trace.x[i], ids: trace.customdata[i], x: box.left + box.width / 2,
          y: box.top + box.height / 2};
}"""


def _click_through(folder: Path, page_name: str, chart_id: str, selector: str, nth: int = 0) -> dict:
    """Click the ``nth`` bar or point of a chart on a report page; what was clicked and what the annotated article
    then highlights."""
    seen: dict = {}

    def read(page, check) -> None:
        page.locator(f"#{chart_id}").scroll_into_view_if_needed()
        page.wait_for_timeout(200)
        bar = page.evaluate(_BAR_JS, [chart_id, selector, nth])
        seen["bar"] = bar
        with page.expect_navigation():
            page.mouse.click(bar["x"], bar["y"])
        page.wait_for_function("() => document.querySelectorAll('.al-s.al-hl').length > 0", timeout=5000)
        seen["where"] = page.evaluate("() => location.pathname.split('/').pop() + location.hash")
        seen["lit"] = page.evaluate("() => Array.from(document.querySelectorAll('.al-s.al-hl')).map(e => e.id)")
        seen["status"] = page.evaluate("() => document.getElementById('al-hl-status').textContent")

    (check,) = visit_pages([_Click(url=file_url(folder / page_name))], read, wait_ms=5000)
    assert check.external_requests == [] and check.console_errors == [], check
    return seen


def test_clicking_a_chart_bar_highlights_its_sentences(folder, seed):
    skip_without_chromium()
    seen = _click_through(folder, "01-language.html", "loaded-words", ".trace.bars .point")
    bar = seen["bar"]
    # the sentences the clicked word occurs in, from the analysis itself
    loaded = loaded_words(seed)
    words = loaded["matched"].str.lower().str.split().str.join(" ")
    expected = list(dict.fromkeys(loaded.loc[words == bar["label"], "sentence_id"]))
    assert expected and bar["ids"] == ",".join(expected)
    assert seen["where"] == "article.html#hl=" + ",".join(expected)
    assert seen["lit"] == expected and all(s in seen["status"] for s in expected)


def test_clicking_a_point_of_the_tone_arc_highlights_its_sentence(folder, seed):
    skip_without_chromium()
    seen = _click_through(folder, "01-language.html", "tone-arc", ".trace.scatter .points .point", nth=11)
    expected = seed.sentences[int(seen["bar"]["x_value"]) - 1].id  # the point's position in reading order
    assert seen["bar"]["ids"] == expected == "s12"
    assert seen["where"] == f"article.html#hl={expected}" and seen["lit"] == [expected]


def test_toggles_figure_cards_and_highlight_links_work_offline(folder):
    skip_without_chromium()
    seen: dict = {}
    style = "(sel) => { const e = document.querySelector(sel); const s = getComputedStyle(e); " \
            "return [s.backgroundColor, s.boxShadow]; }"

    def read(page, check) -> None:
        seen["loaded_on"] = page.evaluate(style, "#annotated-article .al-s mark.al-loaded")[0]
        seen["frame_off"] = page.evaluate(style, "#annotated-article .al-s mark.al-frame")[1]
        page.uncheck("#annotated-article-t-loaded")
        page.check("#annotated-article-t-frame")
        seen["loaded_off"] = page.evaluate(style, "#annotated-article .al-s mark.al-loaded")[0]
        seen["frame_on"] = page.evaluate(style, "#annotated-article .al-s mark.al-frame")[1]
        page.click("#annotated-article a.al-fig >> nth=0")
        seen["card"] = page.evaluate("() => (document.querySelector(':target') || {id: ''}).id")
        # a highlight link typed or pasted by hand: only sentence ids are read from it, nothing runs
        page.evaluate("() => { location.hash = 'hl=s2,s3,<img src=x onerror=window.__xss=1>'; }")
        page.wait_for_timeout(200)
        seen["bad"] = page.evaluate("() => document.querySelectorAll('.al-s.al-hl').length")
        page.evaluate("() => { location.hash = 'hl=s2,s3'; }")
        page.wait_for_function("() => document.querySelectorAll('.al-s.al-hl').length === 2", timeout=5000)
        check.js_flags = page.evaluate("() => ({xss: window.__xss === undefined ? null : String(window.__xss)})")

    (check,) = visit_pages([_Click(url=file_url(folder / "article.html"))], read)
    assert check.external_requests == [] and check.console_errors == [] and not check.dialogs, check
    assert seen["loaded_on"] not in ("rgba(0, 0, 0, 0)", "transparent") and seen["loaded_off"] == "rgba(0, 0, 0, 0)"
    assert seen["frame_off"] == "none" and seen["frame_on"] != "none"
    assert seen["card"].startswith("figure-n")
    assert seen["bad"] == 0 and check.js_flags["xss"] is None

"""No script injection: hostile articles are built into reports and opened in headless Chromium.

Two articles carry payloads in their text, headline, teaser, standfirst, quotes, actor names,
figures and metadata (title, source, author, url with ``javascript:``, date, a custom key),
including attribute-breaking quotes, ``</script>`` breakouts, ``<img onerror>``, ``<svg onload>``,
``<a href="javascript:">``, plotly's own pseudo-HTML, Markdown links and ``{format}`` fields.
One of them is also saved under a hostile *file name* (quotes and a Python statement), which
papermill writes into the notebook's parameters cell.

Every payload, when it runs, sets ``window.__xss`` (or opens a dialog). The reports are built once
(``build_reports`` into a temporary folder), then every page is opened in Chromium with the network
cut off, every element is hovered and focused (to fire ``onmouseover``/``onfocus`` and plotly hover
labels), and we check: ``window.__xss`` stays unset, no dialog opened, no console error, no element
carries an ``on*`` attribute or a ``javascript:`` link, no stray ``<script>`` runs — and the payloads
are still there, shown as text.
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from analysis.core.io import file_sha256

from conftest import ROOT

# Each payload sets window.__xss to its own number when it runs.
P_SCRIPT = "<script>window.__xss=1</script>"
P_IMG = "<img src=x onerror=window.__xss=2>"
P_SVG = "<svg onload=window.__xss=3>"
P_ATTR = "\" onmouseover=\"window.__xss=4\" x=\""
P_ATTR1 = "' onfocus='window.__xss=5' autofocus x='"
P_JSURL = "javascript:window.__xss=6//"
P_BREAK = "</script><script>window.__xss=7</script>"
P_LINK = '<a href="javascript:window.__xss=8">click me</a>'
P_MD = "[click](javascript:window.__xss=9)"
P_IFRAME = "<iframe srcdoc=\"<script>parent.__xss=10</script>\"></iframe>"
P_STYLE = "<style>body{background:url(javascript:window.__xss=11)}</style>"
P_FORMAT = "{__class__} {0} {article}"
P_ENTITY = "&lt;script&gt;window.__xss=12&lt;/script&gt;"
P_TEMPLATE = "${window.__xss=13} {{7*7}}"

PAYLOADS = [P_SCRIPT, P_IMG, P_SVG, P_ATTR, P_ATTR1, P_JSURL, P_BREAK, P_LINK, P_MD, P_IFRAME, P_STYLE, P_FORMAT,
            P_ENTITY, P_TEMPLATE]

HEADER_ARTICLE = f"""---
title: Council {P_SCRIPT} budget {P_IMG} row
standfirst: Mayor {P_ATTR} and {P_ATTR1} react
source: Example {P_SVG} News
author: Jane {P_BREAK} Doe
url: {P_JSURL}
date: 2024-05-01{P_ATTR}
language: en
licence: {P_LINK}
attribution: {P_MD}
x-custom: {P_IFRAME} {P_FORMAT}
---
Council {P_SCRIPT} budget {P_IMG} row

President {P_SCRIPT} Smith said the plan would cost $5 million {P_IMG}, officials said. “{P_BREAK} is unfair,” said Senator Jane O'Brien{P_ATTR}.

According to {P_LINK}, about 1,500 people {P_SVG} were affected. Reports suggest {P_MD} the council will vote again.

The Department of {P_IFRAME} Education announced 40% cuts. Critics say {P_STYLE} the cuts hurt 3 schools.

Mayor {P_FORMAT} Jones told reporters the {P_ENTITY} budget was fair. {P_TEMPLATE} said nothing.
"""

# No header: the parser infers teaser, headline (repeated), standfirst and body, each hostile.
HEADERLESS_ARTICLE = f"""Teaser {P_IMG} line for {P_ATTR} readers.

"><script>window.__xss=20</script> Storm {P_SVG} hits coast
"><script>window.__xss=20</script> Storm {P_SVG} hits coast
The storm {P_ATTR1} caused damage, {P_JSURL} the agency said.

Officials {P_BREAK} said 12 people were hurt. The National Weather {P_SCRIPT} Service warned of 100 mph winds.

“{P_LINK},” said Governor Ann {P_IMG} Lee. Some experts say {P_FORMAT} damage may reach $2 billion.

Residents of {P_MD} Bay told the {P_ENTITY} Herald that {P_TEMPLATE} help came late.
"""

# A file name a user could be handed: quotes and a Python statement (papermill injects the path
# into the notebook's parameters cell as a string literal).
HOSTILE_FILE_NAME = "storm\"; __import__('os').system('touch PWNED'); x=\"'.txt"


@pytest.fixture(scope="session")
def hostile_reports(tmp_path_factory):
    from analysis.output.report import build_reports

    src = tmp_path_factory.mktemp("hostile-src")
    out = tmp_path_factory.mktemp("hostile-out")
    a = src / "council-budget.txt"
    a.write_text(HEADER_ARTICLE, encoding="utf-8")
    b = src / HOSTILE_FILE_NAME
    b.write_text(HEADERLESS_ARTICLE, encoding="utf-8")
    hashes = {p.name: file_sha256(p) for p in (a, b)}
    results = build_reports([a, b], out, workers=1)
    return {"src": src, "out": out, "results": results, "hashes": hashes, "slugs": [r.slug for r in results]}


def _pages(out: Path) -> list[Path]:
    return [out / "index.html"] + sorted(p for p in out.rglob("*.html") if p != out / "index.html")


def test_hostile_reports_are_built(hostile_reports):
    errors = [r.error for r in hostile_reports["results"] if r.error]
    assert not errors, errors
    out = hostile_reports["out"]
    folders = {p.name for p in out.iterdir() if p.is_dir()}
    assert "council-budget" in folders
    assert any(f.startswith("storm") for f in folders)
    assert len(_pages(out)) >= 2 * 4 + 1


def test_hostile_file_name_does_not_run_code(hostile_reports):
    # papermill runs the notebooks with the notebooks folder as working directory
    for where in (Path.cwd(), ROOT, ROOT / "notebooks", hostile_reports["src"]):
        assert not (where / "PWNED").exists(), where
    # ... and the article really was found through that path: its report exists
    assert any(slug and slug.startswith("storm") for slug in hostile_reports["slugs"])
    assert not list(hostile_reports["src"].glob("PWNED")) and not list(hostile_reports["out"].rglob("PWNED"))


def test_inputs_not_modified(hostile_reports):
    for name, digest in hostile_reports["hashes"].items():
        assert file_sha256(hostile_reports["src"] / name) == digest


class _Tags(HTMLParser):
    """Every start tag with its attributes, and the text of every <script> element."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, attrs))
        self._in_script = tag == "script"
        if self._in_script:
            self.scripts.append("")

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            self.scripts[-1] += data


def test_no_payload_reaches_the_markup(hostile_reports):
    """Static check of every page: payloads never appear as tags, attributes or script."""
    out = hostile_reports["out"]
    for page in _pages(out):
        raw = page.read_text(encoding="utf-8")
        name = page.relative_to(out)
        for needle in ("<script>window.__xss", "<img src=x", "<svg onload", "<iframe srcdoc",
                       "<a href=\"javascript:", "</script><script>"):
            assert needle not in raw, (name, needle)
        parser = _Tags()
        parser.feed(raw)
        for tag, attrs in parser.tags:
            for key, value in attrs:
                assert not key.startswith("on"), (name, tag, key, value)
                if key in ("href", "src", "action", "formaction", "xlink:href"):
                    assert not (value or "").strip().lower().startswith(("javascript:", "vbscript:", "data:text/html")), (name, tag, key, value)
            assert tag not in ("iframe", "object", "embed", "frame"), (name, tag, attrs)
            if tag == "img":
                src = dict(attrs).get("src") or ""
                # inline images, or a chart's own PNG for print (class al-print): a relative path into the report's
                # chart folder, never a URL or a path out of the report set
                own_chart = (dict(attrs).get("class") == "al-print"
                             and re.fullmatch(r"(figures|compare_figures|corpus_figures)/[\w.-]+\.png", src) is not None)
                assert src.startswith("data:image/") or own_chart, (name, attrs)
        for script in parser.scripts:
            # Payload text may sit in a script only as string data (plotly's JSON); outside every
            # string literal, no script may mention it.
            code = re.sub(r'"(?:[^"\\\n]|\\.)*"', '""', script)
            assert "__xss" not in code, (name, code[:300])


def test_payloads_never_execute_in_chromium(hostile_reports):
    """Open every page offline, hover every chart, fire every handler: nothing runs, all is text."""
    from support.browser_support import skip_without_chromium

    skip_without_chromium()
    from support.browser_probe import probe_pages

    out = hostile_reports["out"]
    probes = probe_pages(_pages(out), screenshot_dir=ROOT / "tests" / "artifacts" / "security", root=out)
    seen_text = ""
    hovered = 0
    for probe in probes:
        name = str(probe.path.relative_to(out))
        assert probe.xss is None, (name, probe.xss)
        assert probe.dialogs == [], (name, probe.dialogs)
        assert probe.console_errors == [], (name, probe.console_errors)
        assert probe.external_requests == [], (name, probe.external_requests)
        assert probe.on_attributes == [] and probe.js_links == [] and probe.frames == 0, (name, probe)
        assert probe.rendered_plots == probe.plot_containers, name
        hovered += probe.hover_points
        seen_text += "\n" + probe.text
    assert hovered > 100  # the charts were really hovered
    # The payloads are shown as text (escaped), not dropped: the reader sees what the article says.
    for payload in (P_SCRIPT, P_IMG, P_SVG, P_JSURL, P_LINK, P_MD, P_FORMAT):
        assert payload in seen_text, payload
    assert "javascript:window.__xss=6//" in seen_text  # the url metadata, as plain text


def test_payloads_shown_as_text_in_titles_and_index(hostile_reports):
    """The page titles and the index name the hostile headline literally (escaped once, not twice)."""
    import html

    out = hostile_reports["out"]
    title = f"Council {P_SCRIPT} budget {P_IMG} row"
    page = (out / "council-budget" / "index.html").read_text(encoding="utf-8")
    assert f"<title>{html.escape(title)}</title>" in page
    assert "&amp;lt;" not in page  # never double-escaped
    index = (out / "index.html").read_text(encoding="utf-8")
    assert html.escape(title) in index
    summary = json.loads((out / "council-budget" / "summary.json").read_text(encoding="utf-8"))
    assert summary["article"]["title"] == title  # the data keeps the text as written


def test_chart_hover_text_is_escaped():
    """Unit level: every string the chart engine (analysis/output/charts/engine.py) hands plotly (labels, hover, legend, title) is escaped."""
    import pandas as pd

    from analysis.output.charts.engine import Chart, bar_chart, to_plotly

    data = pd.DataFrame({"label": [P_SCRIPT, P_IMG], "value": [1, 2], "kind": [P_ATTR, P_LINK], "text": [P_BREAK, P_SVG]})
    for chart in (
        bar_chart(data, id="x", label="label", value="value", title=P_SCRIPT, x_label=P_IMG, y_label=P_ATTR,
                  color="kind", hover=("label", "text"), caption=P_LINK),
        Chart(id="h", kind="heatmap", data=data.assign(col=[P_SVG, P_LINK]), x="col", y="label", color="value",
              title=P_IMG, x_label=P_SVG, y_label=P_LINK),
        Chart(id="l", kind="line", data=data.assign(pos=[1, 2]), x="pos", y="value", title=P_BREAK, x_label="a",
              y_label="b", hover=("text",)),
        Chart(id="b", kind="bar", data=data, x="label", y="value", title="t", x_label="a", y_label="b", hover=("text",)),
    ):
        fig_json = to_plotly(chart).to_json()
        strings = re.findall(r'"((?:[^"\\]|\\.)*)"', fig_json)
        for s in strings:
            decoded = json.loads(f'"{s}"')
            assert "<" not in decoded.replace("<br>", ""), (chart.id, decoded)


def test_notebook_helpers_escape():
    """Unit level: say(), the header, the warnings box, tables and sentence lists escape article text."""
    from analysis import parse_article
    from analysis.output.notebook import article_header, escape_frame, say, sentence_list, warnings_box

    art = parse_article(HEADER_ARTICLE, name="x")
    markup = "".join([
        article_header(art)._repr_html_(), warnings_box(art)._repr_html_(),
        sentence_list(art, [s.id for s in art.sentences], label=P_ATTR)._repr_html_(),
        say("Top source: {s}. Title {t}", s=P_IMG, t=P_FORMAT)._repr_html_(),
        escape_frame(art.sentences_frame())._repr_html_(),
    ])
    parser = _Tags()
    parser.feed(markup)
    assert not parser.scripts
    for tag, attrs in parser.tags:
        if tag == "a":  # the only links: a sentence list's ids, to their sentence (#s1)
            assert dict(attrs).get("class") == "al-sid" and re.fullmatch(r"#s\d+", dict(attrs).get("href") or ""), attrs
            assert set(dict(attrs)) == {"class", "href"}, attrs
            continue
        assert tag not in ("script", "img", "svg", "iframe") and not any(k.startswith("on") for k, _ in attrs), (tag, attrs)
    assert P_FORMAT in html_unescape(markup)


def html_unescape(text: str) -> str:
    import html

    return html.unescape(text)

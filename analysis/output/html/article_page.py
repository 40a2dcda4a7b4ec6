"""The annotated article page of a report (``article.html``): the whole article with a toggle for each layer, the
figure cards, and the small offline script that every report page loads beside plotly.js so that a chart's bar or
point that stands for sentences highlights them here. Pure string functions; every piece of article text escaped."""

from __future__ import annotations

import html

from ...core.article import Article
from .annotate import ANNOTATION_STYLES, HTMLFragment, annotated_html
from .figure_cards import figure_cards

__all__ = ["ARTICLE_PAGE", "SENTENCE_SCRIPT_ASSET", "SENTENCE_SCRIPT", "ARTICLE_CSS", "article_page_html",
           "article_page", "highlight_href"]

#: The annotated article's page in a report folder: every sentence id of the reports links here (``article.html#s12``).
ARTICLE_PAGE = "article.html"
#: Where the report writes :data:`SENTENCE_SCRIPT`, beside ``assets/plotly.min.js``.
SENTENCE_SCRIPT_ASSET = "assets/article-lens.js"

ARTICLE_CSS = """
.al-article-intro{max-width:48em;color:#333}.al-hl-status{min-height:1.2em;font-size:.9em;color:#7a4b00}
.al-card{scroll-margin-top:3em}.al-card:target{box-shadow:0 0 0 3px #17becf}
@media print{.al-annotated a.al-sid::after,.al-card a.al-sid::after{content:none}.al-hl-status{display:none}}
"""

#: The offline script of the reports (no network, no ``eval``; it only reads sentence ids from the page and the URL).
#: On a page with the annotated article it highlights the sentences named in the URL (``#hl=s3,s7``); on every page,
#: a click on a plotly bar, point or cell whose ``customdata`` is sentence ids (the chart builders attach them where
#: a bar stands for sentences) highlights those sentences: here when the page holds the annotated article, else on
#: the annotated article's page (the ``data-article`` attribute of the script tag, default ``article.html``).
SENTENCE_SCRIPT = r"""/* article-lens: chart clicks and #hl= links highlight sentences of the annotated article (offline). */
(function () {
  "use strict";
  if (window.alSentences) { return; }
  window.alSentences = true;
  var script = document.currentScript;
  var articlePage = (script && script.getAttribute("data-article")) || "article.html";
  var SID = /^s\d+$/;

  function sentenceIds(value) {
    if (Array.isArray(value)) { value = value.join(","); }
    if (typeof value !== "string") { return []; }
    return value.split(/[\s,]+/).filter(function (s) { return SID.test(s); });
  }

  function annotated() { return document.querySelector(".al-annotated .al-s"); }

  function highlight(ids) {
    Array.prototype.forEach.call(document.querySelectorAll(".al-s.al-hl"), function (el) { el.classList.remove("al-hl"); });
    var found = [];
    ids.forEach(function (id) {
      var el = document.getElementById(id);
      if (el && el.classList.contains("al-s")) { el.classList.add("al-hl"); found.push(id); }
    });
    var status = document.getElementById("al-hl-status");
    if (status) {
      status.textContent = found.length ? "Highlighted: " + found.join(", ") + " (from the chart you clicked)." : "";
    }
    if (found.length) { document.getElementById(found[0]).scrollIntoView({block: "center"}); }
    return found;
  }

  function fromHash() {
    var m = /^#hl=([\w,]+)$/.exec(window.location.hash);
    if (m && annotated()) { highlight(sentenceIds(m[1])); }
  }

  function show(ids) {
    if (!ids.length) { return; }
    var hash = "#hl=" + ids.join(",");
    if (annotated()) {
      if (window.location.hash === hash) { highlight(ids); } else { window.location.hash = hash; }
    } else {
      window.location.href = articlePage + hash;
    }
  }

  function onClick(event) {
    var point = event && event.points && event.points[0];
    if (point) { show(sentenceIds(point.customdata)); }
  }

  function attach() {
    Array.prototype.forEach.call(document.querySelectorAll(".js-plotly-plot"), function (gd) {
      if (gd.alSentences || typeof gd.on !== "function") { return; }
      var linked = (gd.data || []).some(function (trace) {
        return Array.prototype.some.call(trace.customdata || [], function (c) { return sentenceIds(c).length > 0; });
      });
      if (!linked) { return; }
      gd.alSentences = true;
      gd.classList.add("al-clickable");
      gd.on("plotly_click", onClick);
    });
  }

  window.addEventListener("hashchange", fromHash);
  window.addEventListener("load", function () { attach(); fromHash(); window.setTimeout(attach, 500); });
})();
"""


def highlight_href(sentence_ids, page: str = ARTICLE_PAGE) -> str:
    """The link that opens the annotated article with ``sentence_ids`` highlighted (read by :data:`SENTENCE_SCRIPT`).

    >>> highlight_href(["s3", "s7"])
    'article.html#hl=s3,s7'
    """
    ids = [s for s in sentence_ids if isinstance(s, str) and s[:1] == "s" and s[1:].isdigit()]
    return f"{page}#hl={','.join(ids)}"


def article_page_html(article: Article) -> str:
    """The body of ``article.html``: a short guide, the article annotated with every layer of
    :data:`analysis.output.html.annotate.LAYERS` (a checkbox each), and the figure cards each figure links to.

    >>> from analysis.core.article import parse_article
    >>> out = article_page_html(parse_article("News <b>now</b>\\n\\nAbout 300 people may have left."))
    >>> "&lt;b&gt;" in out and "<b>" not in out and 'id="s2"' in out and 'href="#figure-n1"' in out
    True
    """
    text = annotated_html(article, categories=tuple(ANNOTATION_STYLES), toggles=True)
    cards = figure_cards(article).markup
    return (
        f'<h1>{html.escape(article.title)}</h1>\n<style>{ARTICLE_CSS}</style>\n'
        '<p class="al-article-intro">The whole article with what the reports found in it. Tick a box to show or hide '
        "a layer; hover over a highlight to see what it is; click a figure for its card. Each sentence starts with its "
        "id (the letter s and its number): every sentence id in the reports links here, and a bar or point of a chart that stands for sentences "
        "highlights them here when you click it.</p>\n"
        '<p class="al-hl-status" id="al-hl-status" aria-live="polite"></p>\n'
        f'<h2 id="the-article">The annotated article</h2>\n{text}\n'
        f'<h2 id="figure-cards">Figures</h2>\n{cards}\n'
    )


def article_page(article: Article) -> HTMLFragment:
    """:func:`article_page_html` wrapped for display (the report build reads it from its kernel)."""
    return HTMLFragment(article_page_html(article))

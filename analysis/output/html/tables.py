"""Tables for readers: no index column, column headers in words, numbers formatted, yes/no for booleans, a dash for
missing values, part-of-speech tags in words, long text wrapped; every cell escaped.

:func:`reader_table_html` renders a DataFrame; the reports' pages carry :data:`TABLE_SCRIPT` once, which makes every
such table sortable by any column and folds tables longer than :data:`FOLD_AFTER` rows behind a "show all" button
with a filter box (without the script, e.g. in JupyterLab, every row is shown).
"""

from __future__ import annotations

import html
import numbers
import re
from typing import Any, Mapping

from analysis.core.lazy import numpy as np
from analysis.core.lazy import pandas as pd

__all__ = ["ARTICLE_PAGE", "ARTICLE_SLUG_COLUMN", "SENTENCE_ID_COLUMNS", "link_sentence_ids", "COLUMN_LABELS", "PENN_TAGS", "FOLD_AFTER", "TABLE_CSS", "TABLE_SCRIPT", "column_label", "format_cell",
           "reader_table_html"]

#: Rows shown before the "show all" button.
FOLD_AFTER = 15
MISSING = "—"

#: Headers for column names that the generic rule (underscores to spaces, "n_" to "number of") reads badly.
COLUMN_LABELS: dict[str, str] = {
    "per_1000": "per 1,000 words", "ref_per_1000": "Brown news per 1,000 words", "ref_count": "count in Brown news",
    "log_likelihood": "log-likelihood (G²)", "log_ratio": "log ratio", "likelihood_ratio": "likelihood ratio",
    "pmi": "PMI", "ttr": "type–token ratio", "mtld": "MTLD", "hdd": "HD-D", "pos": "part of speech",
    "source_kind": "kind of source", "speaker_kind": "kind of speaker", "sentence_id": "sentence",
    "sentence_ids": "sentences", "head_sentence_ids": "headline sentences", "first_sentence": "first sentence",
    "n_words": "words", "n_sentences": "sentences", "n_cues": "cues", "n_articles": "articles",
    "mean_compound": "mean tone", "compound": "tone", "value_high": "upper value", "as_agent": "as the one acting",
    "as_patient": "as the one acted on", "ci_low": "95% interval from", "ci_high": "95% interval to",
    "url": "URL", "id": "id",
}

#: Penn Treebank tags in words, for columns of tags.
PENN_TAGS: dict[str, str] = {
    "CC": "conjunction", "CD": "number", "DT": "determiner", "EX": "existential there", "FW": "foreign word",
    "IN": "preposition", "JJ": "adjective", "JJR": "comparative adjective", "JJS": "superlative adjective",
    "MD": "modal verb", "NN": "noun", "NNS": "plural noun", "NNP": "proper noun", "NNPS": "plural proper noun",
    "PDT": "predeterminer", "POS": "possessive ending", "PRP": "pronoun", "PRP$": "possessive pronoun",
    "RB": "adverb", "RBR": "comparative adverb", "RBS": "superlative adverb", "RP": "particle", "TO": "to",
    "UH": "interjection", "VB": "verb", "VBD": "past-tense verb", "VBG": "-ing verb", "VBN": "past participle",
    "VBP": "present-tense verb", "VBZ": "present-tense verb (3rd person)", "WDT": "wh-determiner",
    "WP": "wh-pronoun", "WP$": "possessive wh-pronoun", "WRB": "wh-adverb",
}
_TAG_COLUMNS = {"pos", "tag", "pos_tag", "detail"}
#: Columns whose cells are sentence ids: marked ``class="al-sids"`` so that a report page can link each id to its
#: sentence (:func:`link_sentence_ids`).
#: A column naming each row's article (its report folder): not shown; the row's sentence ids link to that article's
#: annotated page (tables that compare articles: :func:`analysis.compare.comparison.relabel`'s ``slug_column``).
ARTICLE_SLUG_COLUMN = "article_slug"

SENTENCE_ID_COLUMNS = {"sentence_id", "sentence_ids", "head_sentence_ids", "first_sentence", "evidence",
                       "most_negative_id", "most_positive_id"}

TABLE_CSS = """
table.al-table td{white-space:normal;overflow-wrap:anywhere}table.al-table td.num{text-align:right;white-space:nowrap}
.al-table-box{overflow-x:auto;max-width:100%}table.al-table th button{all:unset;cursor:pointer;font-weight:bold}
table.al-table th[aria-sort=ascending] button::after{content:" \\25B2"}table.al-table th[aria-sort=descending] button::after{content:" \\25BC"}
table.al-table.al-folded tr.al-more{display:none}.al-table-tools{font-size:.85em;margin:.3em 0}
.al-table-tools input{margin-right:.5em}
@media print{table.al-table.al-folded tr.al-more{display:table-row}.al-table-tools{display:none}}
"""

#: Makes every ``table.al-table`` of a page sortable and folds long ones (no network; runs once per page).
TABLE_SCRIPT = """
(function () {
  if (window.alTables) { return; }
  window.alTables = true;
  document.querySelectorAll("table.al-table").forEach(function (table) {
    var heads = table.tHead ? table.tHead.rows[0].cells : [];
    Array.prototype.forEach.call(heads, function (th, col) {
      var button = document.createElement("button");
      button.type = "button";
      button.textContent = th.textContent;
      th.textContent = "";
      th.appendChild(button);
      button.addEventListener("click", function () {
        var ascending = th.getAttribute("aria-sort") !== "ascending";
        Array.prototype.forEach.call(heads, function (h) { h.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = a.cells[col].getAttribute("data-sort"), y = b.cells[col].getAttribute("data-sort");
          var nx = parseFloat(x), ny = parseFloat(y);
          if (x === y) { return 0; }
          if (x === "") { return 1; }
          if (y === "") { return -1; }
          var c = (!isNaN(nx) && !isNaN(ny)) ? nx - ny : (x < y ? -1 : 1);
          return ascending ? c : -c;
        });
        rows.forEach(function (r) { body.appendChild(r); });
      });
    });
    var n = table.tBodies[0] ? table.tBodies[0].rows.length : 0;
    var fold = parseInt(table.getAttribute("data-fold") || "0", 10);
    if (!fold || n <= fold) { return; }
    Array.prototype.forEach.call(table.tBodies[0].rows, function (r, i) { if (i >= fold) { r.classList.add("al-more"); } });
    table.classList.add("al-folded");
    var tools = document.createElement("div");
    tools.className = "al-table-tools";
    var filter = document.createElement("input");
    filter.type = "search";
    filter.placeholder = "Filter rows";
    filter.setAttribute("aria-label", "Filter the rows of this table");
    var toggle = document.createElement("button");
    toggle.type = "button";
    toggle.textContent = "Show all " + n + " rows";
    toggle.addEventListener("click", function () {
      var folded = table.classList.toggle("al-folded");
      toggle.textContent = folded ? "Show all " + n + " rows" : "Show the first " + fold + " rows";
    });
    filter.addEventListener("input", function () {
      var q = filter.value.toLowerCase();
      if (q) { table.classList.remove("al-folded"); }
      Array.prototype.forEach.call(table.tBodies[0].rows, function (r) {
        r.style.display = !q || r.textContent.toLowerCase().indexOf(q) >= 0 ? "" : "none";
      });
    });
    tools.appendChild(filter);
    tools.appendChild(toggle);
    var box = table.parentNode;
    box.parentNode.insertBefore(tools, box);
  });
})();
"""


def column_label(name: Any, labels: Mapping[str, str] | None = None) -> str:
    """A column name in words.

    >>> column_label("per_1000"), column_label("n_figures"), column_label("source_kind"), column_label("cue")
    ('Per 1,000 words', 'Number of figures', 'Kind of source', 'Cue')
    """
    key = str(name)
    text = (labels or {}).get(key) or COLUMN_LABELS.get(key)
    if text is None:
        text = ("number of " + key[2:] if key.startswith("n_") else key).replace("_", " ")
    return text[:1].upper() + text[1:]


def _is_missing(value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, (str, list, tuple, dict, set, frozenset)):
        return False
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def _number(value: float, column: str) -> str:
    low = column.lower()
    if "tone" in low or "compound" in low:
        return f"{value:+.2f}"
    if float(value).is_integer():
        v = int(value)
        if abs(v) >= 1_000_000 and v % 100_000 == 0:
            scaled = v / 1_000_000
            return f"{scaled:g} million" if abs(v) < 1_000_000_000 else f"{v / 1_000_000_000:g} billion"
        return f"{v:,}"
    if abs(value) >= 100:
        return f"{value:,.1f}"
    return f"{value:.2f}".rstrip("0").rstrip(".") if abs(value) >= 0.01 else f"{value:.2g}"


def format_cell(value: Any, column: str = "") -> tuple[str, str, bool]:
    """(text shown, sort key, is a number) of one cell; nothing is escaped here.

    >>> format_cell(1500.0, "value")[0], format_cell(14000000.0, "value")[0], format_cell(0.5912, "mean_tone")[0]
    ('1,500', '14 million', '+0.59')
    >>> format_cell(True)[0], format_cell(None)[0], format_cell(["s1", "s2"])[0], format_cell("NNS", "pos")[0]
    ('yes', '—', 's1, s2', 'plural noun')
    """
    if isinstance(value, (list, tuple, set, frozenset)):
        items = [str(v) for v in value]
        text = ", ".join(items)
        return text, text.casefold(), False
    if _is_missing(value):
        return MISSING, "", False
    if isinstance(value, (bool, np.bool_)):
        return ("yes" if bool(value) else "no"), ("1" if bool(value) else "0"), True
    if isinstance(value, numbers.Number):
        return _number(float(value), column) if not isinstance(value, numbers.Integral) else f"{int(value):,}", \
            repr(float(value)), True
    text = str(value)
    if column.lower() in _TAG_COLUMNS and text in PENN_TAGS:
        text = PENN_TAGS[text]
    return text, text.casefold(), False


def reader_table_html(frame: pd.DataFrame, *, labels: Mapping[str, str] | None = None,
                      fold_after: int = FOLD_AFTER) -> str:
    """The table for a reader (see the module docstring); every header and cell escaped.

    >>> out = reader_table_html(pd.DataFrame({"n_words": [1500], "term": ["<b>"]}, index=[7]))
    >>> '<th scope="col">Words</th>' in out and "<td class=\\"num\\" data-sort=\\"1500.0\\">1,500</td>" in out and "&lt;b&gt;" in out
    True
    >>> ">7<" in out
    False
    """
    columns = [str(c) for c in frame.columns]
    shown = [c for c in columns if c != ARTICLE_SLUG_COLUMN]
    head = "".join(f'<th scope="col">{html.escape(column_label(c, labels))}</th>' for c in shown)
    rows = []
    for values in frame.itertuples(index=False, name=None):
        cells = []
        row = dict(zip(columns, values))
        slug = row.get(ARTICLE_SLUG_COLUMN)
        page = f' data-page="{html.escape(f"{slug}/{ARTICLE_PAGE}", quote=True)}"' if isinstance(slug, str) and slug else ""
        for col in shown:
            text, key, numeric = format_cell(row[col], col)
            cls = ' class="num"' if numeric else (f' class="al-sids"{page}' if col in SENTENCE_ID_COLUMNS else "")
            cells.append(f'<td{cls} data-sort="{html.escape(key, quote=True)}">{html.escape(text)}</td>')
        rows.append(f"<tr>{''.join(cells)}</tr>")
    fold = f' data-fold="{int(fold_after)}"' if fold_after and len(rows) > fold_after else ""
    return (f'<div class="al-table-box"><table class="al-table"{fold}><thead><tr>{head}</tr></thead>'
            f'<tbody>{"".join(rows)}</tbody></table></div>')


_SIDS_CELL = re.compile(r'(<td class="al-sids"(?: data-page="([^"]*)")? data-sort="[^"]*">)([^<]*)(</td>)')
_SID = re.compile(r"\bs(\d+)\b")
_SID_HREF = re.compile(r'href="#(s\d+)"')

#: The page of a report folder that holds the annotated article, whose sentences carry ``id="s12"`` anchors.
ARTICLE_PAGE = "article.html"


def link_sentence_ids(markup: str, page: str | None = ARTICLE_PAGE) -> str:
    """Every sentence id of ``markup`` made a link to that sentence of ``page`` (the annotated article): the ids in
    the sentence-id cells of tables, and the links to a sentence of the same page (``href="#s12"``, which the
    notebooks write so that they work beside a notebook's own annotated article).

    >>> link_sentence_ids('<td class="al-sids" data-sort="s1, s12">s1, s12</td>')
    '<td class="al-sids" data-sort="s1, s12"><a href="article.html#s1">s1</a>, <a href="article.html#s12">s12</a></td>'
    >>> link_sentence_ids('<td class="al-sids" data-page="other/article.html" data-sort="s2">s2</td>')
    '<td class="al-sids" data-page="other/article.html" data-sort="s2"><a href="other/article.html#s2">s2</a></td>'
    >>> link_sentence_ids('<a class="al-sid" href="#s3">s3</a> <a href="#figure-n1">1</a>')
    '<a class="al-sid" href="article.html#s3">s3</a> <a href="#figure-n1">1</a>'
    """
    target = html.escape(page, quote=True) if page else None

    def cell(m: re.Match) -> str:
        where = m.group(2) or target  # a row of another article: its own page (already escaped)
        if where is None:  # a page of several articles (``page=None``): only rows that name theirs
            return m.group(0)
        return m.group(1) + _SID.sub(lambda s: f'<a href="{where}#s{s.group(1)}">s{s.group(1)}</a>', m.group(3)) \
            + m.group(4)

    linked = _SIDS_CELL.sub(cell, markup)
    return _SID_HREF.sub(lambda m: f'href="{target}#{m.group(1)}"', linked) if target else linked

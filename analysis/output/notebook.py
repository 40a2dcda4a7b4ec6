"""Helpers the notebooks call to show charts, tables and the article header; they return display objects and never call ``.show()``."""

from __future__ import annotations

import html
import json
import os
from pathlib import Path

from analysis.core.lazy import pandas as pd

from ..core.article import Article, load_article, resolve_article_path
from ..core.config import VERSION
from .charts import export
from .charts.engine import Chart, caption_text, drawn_data, plotly_dict
from .html.tables import format_cell, reader_table_html

__all__ = ["ReaderFrame", "load", "say", "ChartOutput", "show_chart", "article_header", "warnings_box", "escape_frame", "sentence_list"]


class _HTML:
    def __init__(self, markup: str):
        self.markup = markup

    def _repr_html_(self) -> str:
        return self.markup


class ChartOutput:
    """A chart for a notebook: plotly JSON for JupyterLab and an HTML div for exported reports.

    The HTML does not carry plotly.js; the report exporter adds one shared copy to the page.
    """

    def __init__(self, chart: Chart):
        self.chart = chart
        #: ``charts.to_plotly(chart).to_dict()``: what plotly would serialise, built without a ``Figure``'s checks.
        self.figure = plotly_dict(chart)

    def _repr_mimebundle_(self, include=None, exclude=None):
        import plotly.io as pio

        fig_json = json.loads(pio.to_json(self.figure, validate=False))
        div = pio.to_html(self.figure, validate=False, full_html=False, include_plotlyjs=False, div_id=self.chart.id,
                          config={"displaylogo": False, "responsive": True})
        text = caption_text(self.chart)
        caption = f'<p class="chart-caption">{html.escape(text)}</p>' if text else ""
        return {
            "application/vnd.plotly.v1+json": {"data": fig_json["data"], "layout": fig_json["layout"],
                                                "config": {"displaylogo": False}},
            "text/html": f'<div class="al-chart" data-chart="{html.escape(self.chart.id)}">{div}{caption}</div>',
            "text/plain": f"<chart {self.chart.id}: {self.chart.title}>",
        }


#: Fewer bars than this make a sentence, not a chart.
MIN_BARS = 3


def _few_points(chart: Chart) -> _HTML | None:
    """A sentence instead of a bar chart of one or two bars (a chart would only show two numbers)."""
    if chart.kind not in ("bar", "barh") or chart.color:
        return None
    d = drawn_data(chart)
    if not 0 < len(d) < MIN_BARS:
        return None
    label_col, value_col = (chart.y, chart.x) if chart.kind == "barh" else (chart.x, chart.y)
    parts = "; ".join(f"{row[label_col]}: {format_cell(row[value_col], value_col)[0]}" for _, row in d.iterrows())
    caption = caption_text(chart)
    text = f"{chart.title} ({chart.x_label.lower() if chart.kind == 'barh' else chart.y_label.lower()}): {parts}."
    return _HTML(f'<p class="al-few" data-chart="{html.escape(chart.id, quote=True)}">{html.escape(text)}'
                 + (f' <span class="chart-caption">{html.escape(caption)}</span>' if caption else "") + "</p>")


def show_chart(chart: Chart, charts_dir: str | None = None) -> ChartOutput | _HTML:
    """Return the chart for display; when ``charts_dir`` is set, also save PNG, SVG and CSV there.

    A bar chart of fewer than :data:`MIN_BARS` bars is a sentence instead (and saves nothing).
    In a report build (the environment variable ``ARTICLE_LENS_BACKGROUND_CHARTS`` is set by
    ``analysis.output.report`` for its kernel) the files are drawn in a second process while the
    notebook goes on; the build waits for them before the report is swapped in.
    """
    few = _few_points(chart)
    if few is not None:
        return few
    if charts_dir:
        if os.environ.get(export.BACKGROUND_CHARTS_ENV):
            export.save_chart_in_background(chart, Path(charts_dir))
        else:
            export.save_chart(chart, Path(charts_dir))
    return ChartOutput(chart)


def article_header(article: Article) -> _HTML:
    """Title, source and provenance of the article (all text escaped)."""
    meta = article.metadata
    rows = [("Article", article.title), ("File", Path(article.path).name if article.path else "(text)")]
    for key in ("source", "author", "date", "url", "licence", "attribution"):
        if meta.get(key):
            rows.append((key.capitalize(), meta[key]))
    rows.append(("Analysed with", f"article-lens {VERSION}"))  # lexicon versions: the report's Method footer
    body = "".join(f"<tr><th>{html.escape(k)}</th><td>{html.escape(str(v))}</td></tr>" for k, v in rows)
    return _HTML(f'<table class="al-provenance">{body}</table>')


def warnings_box(article: Article) -> _HTML:
    """The parser's warnings about the article (empty when there are none)."""
    if not article.warnings:
        return _HTML("")
    items = "".join(f"<li>{html.escape(w)}</li>" for w in article.warnings)
    return _HTML(f'<div class="al-warning" style="border:2px solid #d62728;padding:0.5em"><strong>Warning</strong><ul>{items}</ul></div>')


#: How a table shows a missing value (instead of pandas' "None", "NaN" or "<NA>").
MISSING = "—"


def _missing(value) -> bool:
    if value is None:
        return True
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


class ReaderFrame(pd.DataFrame):
    """A DataFrame that notebooks and reports show as a table for readers
    (:func:`analysis.output.html.tables.reader_table_html`: no index, headers in words, formatted numbers)."""

    @property
    def _constructor(self):
        return ReaderFrame

    def _repr_html_(self) -> str:
        return reader_table_html(pd.DataFrame(self))


def escape_frame(frame: pd.DataFrame) -> ReaderFrame:
    """A copy for display: list cells joined as text, missing values in text columns shown as "—"; shown as a table
    for readers (no index column, headers in words, numbers formatted; every cell escaped).

    >>> escape_frame(pd.DataFrame({"a": [["x", "<y>"], None], "n": [1.5, 2.0]})).values.tolist()
    [['x, <y>', 1.5], ['—', 2.0]]
    """
    from pandas.api.types import is_numeric_dtype

    out = frame.copy()
    for col in out.columns:
        series = out[col]
        if is_numeric_dtype(series) and not series.dtype == object:
            continue
        if series.map(lambda v: isinstance(v, (list, tuple))).any():
            series = series.map(lambda v: ", ".join(map(str, v)) if isinstance(v, (list, tuple)) else v)
        if series.map(_missing).any():
            series = series.astype(object).map(lambda v: MISSING if _missing(v) else v)
        out[col] = series
    return ReaderFrame(out)


def sentence_list(article: Article, sentence_ids, *, label: str = "") -> _HTML:
    """The listed sentences, each led by its id as a link to the sentence (``#s12``: in a report, the annotated
    article's page), escaped."""
    items = "".join(
        f'<li><a class="al-sid" href="#{html.escape(sid, quote=True)}">{html.escape(sid)}</a> '
        f'{html.escape(article.sentence(sid).text)}</li>' for sid in sentence_ids
    )
    head = f"<p>{html.escape(label)}</p>" if label else ""
    return _HTML(f"{head}<ul>{items}</ul>")


def say(template: str, **values) -> _HTML:
    """A paragraph of prose whose values are escaped: ``say("The top word is {w}.", w=term)``.

    >>> say("Hello {who}.", who="<b>").markup
    '<p>Hello &lt;b&gt;.</p>'
    """
    safe = {k: html.escape(f"{v:,}" if isinstance(v, int) and not isinstance(v, bool) else str(v)) for k, v in values.items()}
    return _HTML(f"<p>{template.format(**safe)}</p>")


def load(article_name: str) -> Article:
    """Load the article a notebook's ``article`` parameter names (a path, or a file name in data/articles/)."""
    return load_article(resolve_article_path(article_name))

"""The chart engine: a Chart (data + labels) that renders to an interactive plotly figure or a static matplotlib figure, and the generic bar chart; nothing here displays or writes."""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Sequence

from analysis.core.lazy import pandas as pd

from ..html.tables import column_label, format_cell
from .palette import SINGLE, TONE_SCALE, category_colour

__all__ = [
    "Chart",
    "to_plotly",
    "plotly_dict",
    "to_matplotlib",
    "bar_chart",
    "caption_text",
    "drawn_data",
    "EMPTY_CHART_NOTE",
    "sentence_ids_text",
]



@dataclass(frozen=True)
class Chart:
    """What a chart shows, independent of the drawing library.

    ``kind`` is ``barh`` (horizontal bars, categories on y), ``bar``, ``line`` or ``heatmap``.
    ``data`` is the tidy table behind the chart (saved as CSV beside the images).
    """

    id: str
    kind: str
    data: pd.DataFrame = field(compare=False)
    x: str
    y: str
    title: str
    x_label: str
    y_label: str
    color: str | None = None
    hover: tuple[str, ...] = ()
    vlines: tuple[float, ...] = ()
    hline: float | None = None
    caption: str = ""
    y_range: tuple[float, float] | None = None
    #: (low, high) columns of an interval drawn as error bars on uncoloured ``barh`` charts (e.g. a bootstrap CI).
    interval: tuple[str, str] | None = None
    #: ``barh``: bars sorted by value, largest on top (stacked bars by their total); False keeps the data's order.
    sort: bool = True
    #: ``barh``: categories whose value is 0 are left out and named in the caption.
    omit_zero: bool = True
    #: The column of ``data`` holding the sentence ids each bar, point or (heat map: the ``x`` column) cell stands
    #: for ("s1, s3" or a list); the interactive chart carries them as ``customdata``, and the reports' script
    #: highlights those sentences in the annotated article when the bar is clicked. None: not sentences.
    sentences: str | None = None


def _esc(value) -> str:
    # plotly's labels understand <, > and & as HTML but show &quot; literally: escape only what it reads as markup
    return html.escape(str(value), quote=False)


def _axis_values(values: pd.Series) -> list:
    """Values for a plotly axis: numbers and dates as they are, everything else as escaped text.

    Plotly draws pseudo-HTML (``<b>``, ``<a href>``...) in tick labels, so any text must be escaped.
    The test is on the values, not the dtype: pandas 3 stores text as ``str``, not ``object``.
    """
    from pandas.api.types import is_bool_dtype, is_datetime64_any_dtype, is_numeric_dtype

    if (is_numeric_dtype(values) and not is_bool_dtype(values)) or is_datetime64_any_dtype(values):
        return list(values)
    return [_esc(v) for v in values]


#: Shown in place of a chart that has nothing to draw (a degenerate article).
EMPTY_CHART_NOTE = "Not enough text for this chart: there is nothing to draw."


def _value_columns(chart: Chart) -> list[str]:
    """The numeric columns a chart draws: bar lengths, line points, heatmap cells."""
    if chart.kind == "barh":
        return [chart.x]
    if chart.kind == "bar":
        return [chart.y]
    if chart.kind == "line":
        return [chart.x, chart.y]
    if chart.kind == "heatmap":
        return [chart.color] if chart.color else []
    return []


def _drawable_value(value) -> bool:
    """False for a missing value (None, NaN, NaT, pd.NA) or an infinite number."""
    import math
    import numbers

    if value is None or isinstance(value, bool):
        return value is not None
    if isinstance(value, numbers.Number):
        try:
            return math.isfinite(float(value))
        except (TypeError, ValueError, OverflowError):
            return False
    try:
        return not bool(pd.isna(value))
    except (TypeError, ValueError):  # list-like values are drawable data, not missing
        return True


def _drawable(chart: Chart) -> tuple[pd.DataFrame, int]:
    """The rows that can be drawn (every value column finite / present) and how many were left out.

    A chart never draws NaN or infinity: such rows are dropped and the caption says how many. Horizontal bars
    are sorted by value, largest on top (stacked ones by their total), and categories worth 0 are left out
    (:func:`_zero_labels` names them for the caption).
    """
    d = chart.data
    keep = pd.Series(True, index=d.index)
    for col in _value_columns(chart):
        if col in d.columns:
            keep &= d[col].map(_drawable_value).astype(bool)
    drawn, dropped = d[keep], int((~keep).sum())
    if chart.kind == "barh" and len(drawn) and chart.x in drawn.columns:
        values = pd.to_numeric(drawn[chart.x], errors="coerce")
        totals = values.groupby(drawn[chart.y].astype(str)).transform("sum")
        if chart.omit_zero:
            drawn, totals = drawn[totals != 0], totals[totals != 0]
        if chart.sort and len(drawn):
            first = {label: i for i, label in enumerate(dict.fromkeys(drawn[chart.y].astype(str)))}
            order = sorted(range(len(drawn)), key=lambda i: (-float(totals.iloc[i]), first[str(drawn[chart.y].iloc[i])]))
            drawn = drawn.iloc[order]
    return drawn, dropped


def drawn_data(chart: Chart) -> pd.DataFrame:
    """The rows the chart draws, in the order drawn (no missing values; horizontal bars sorted, zeros left out)."""
    return _drawable(chart)[0]


def _zero_labels(chart: Chart) -> list[str]:
    """The categories of a horizontal bar chart left out because their value is 0."""
    if chart.kind != "barh" or not chart.omit_zero or chart.x not in chart.data.columns or chart.data.empty:
        return []
    values = pd.to_numeric(chart.data[chart.x], errors="coerce")
    totals = values.groupby(chart.data[chart.y].astype(str)).sum(min_count=1)  # NaN: no value, not zero
    return [str(label) for label in dict.fromkeys(chart.data[chart.y].astype(str)) if totals.get(label) == 0]


def _caption(chart: Chart, dropped: int) -> str:
    note = f"{dropped} row{'s' if dropped != 1 else ''} without a value not drawn." if dropped else ""
    zeros = _zero_labels(chart)
    absent = ""
    if zeros:
        shown = ", ".join(zeros[:8]) + (f" and {len(zeros) - 8} more" if len(zeros) > 8 else "")
        absent = f"Not found in this article (0): {shown}."
    return " ".join(part for part in (chart.caption, note, absent) if part)


def _value_text(values, column: str) -> list[str]:
    """The number written on each bar, formatted as in the tables."""
    return [format_cell(v, column)[0] for v in values]


def _is_tone(column: str | None) -> bool:
    low = str(column or "").lower()
    return "tone" in low or "compound" in low


def _mpl(text) -> str:
    """Text for matplotlib, shown literally: ``$`` would otherwise start mathtext (and "$5 and $6"
    in an article could even make drawing fail)."""
    return str(text).replace("$", r"\$")


def caption_text(chart: Chart) -> str:
    """The chart's caption plus, when rows had no finite value, how many were not drawn."""
    return _caption(chart, _drawable(chart)[1])


def sentence_ids_text(value) -> str:
    """Sentence ids as the ``customdata`` of a chart's point: ``"s1,s3"`` (from a list or from ``"s1, s3"``).

    >>> sentence_ids_text(["s1", "s3"]), sentence_ids_text("s2, s10"), sentence_ids_text(None)
    ('s1,s3', 's2,s10', '')
    """
    items = value if isinstance(value, (list, tuple)) else str(value).replace(",", " ").split() if isinstance(value, str) else []
    return ",".join(str(v).strip() for v in items if str(v).strip())


_CLICK_HINT = "Click: show these sentences in the article"


def _customdata(chart: Chart, d: pd.DataFrame) -> list[str] | None:
    if not chart.sentences or chart.sentences not in d.columns:
        return None
    return [sentence_ids_text(v) for v in d[chart.sentences]]


def _hover_text(chart: Chart, d: pd.DataFrame) -> list[str] | None:
    if not chart.hover:
        return None
    out = []
    for _, row in d.iterrows():
        parts = []
        for col in chart.hover:
            val = row[col]
            if isinstance(val, str) and len(val) > 160:
                val = val[:157] + "..."
            shown = val if isinstance(val, str) else format_cell(val, col)[0]
            parts.append(f"{_esc(column_label(col))}: {_esc(shown)}")
        if chart.sentences and chart.sentences in d.columns and sentence_ids_text(row[chart.sentences]):
            parts.append(f"<i>{_CLICK_HINT}</i>")
        out.append("<br>".join(parts))
    return out


def to_plotly(chart: Chart):
    """An interactive ``plotly.graph_objects.Figure``; every string from the article is HTML-escaped.

    Rows without a finite value are not drawn; a chart with nothing to draw shows
    :data:`EMPTY_CHART_NOTE` instead of empty axes.
    """
    fig = _plotly_untemplated(chart)
    fig.update_layout(template="plotly_white")
    return fig


@lru_cache(maxsize=1)
def _white_template() -> dict:
    """plotly's "plotly_white" template as a figure's ``to_dict()`` gives it, built once per process."""
    import plotly.graph_objects as go

    return go.Figure(layout={"template": "plotly_white"}).to_dict()["layout"]["template"]


def plotly_dict(chart: Chart) -> dict:
    """``to_plotly(chart).to_dict()``, the same dictionary, faster: plotly deep-copies and re-checks a
    template named in a layout, which was 40% of the time of building a chart for a notebook. Here
    the checked template is put into the dictionary (where plotly puts it: first in the layout)."""
    fig = _plotly_untemplated(chart).to_dict()
    fig["layout"]["template"] = _white_template()
    return fig


def _plotly_untemplated(chart: Chart):
    """The figure of :func:`to_plotly` with plotly's default template (the layout's first key)."""
    import plotly.graph_objects as go

    if chart.kind not in ("bar", "barh", "line", "heatmap"):
        raise ValueError(f"unknown chart kind {chart.kind!r}")
    d, _ = _drawable(chart)
    fig = go.Figure()
    hover = _hover_text(chart, d)
    custom = _customdata(chart, d)
    if d.empty:
        fig.add_annotation(text=_esc(EMPTY_CHART_NOTE), x=0.5, y=0.5, xref="paper", yref="paper", showarrow=False,
                           font=dict(size=14, color="#555555"))
        fig.update_xaxes(visible=False)
        fig.update_yaxes(visible=False)
    elif chart.kind in ("bar", "barh"):
        groups = [(None, d)] if not chart.color else list(d.groupby(chart.color, sort=True))
        for n, (name, grp) in enumerate(groups):
            htext = [hover[d.index.get_loc(i)] for i in grp.index] if hover else None
            cdata = [custom[d.index.get_loc(i)] for i in grp.index] if custom else None
            error = None
            if chart.interval and chart.kind == "barh" and not chart.color:
                low, high = (pd.to_numeric(grp[c], errors="coerce") for c in chart.interval)
                value = pd.to_numeric(grp[chart.x], errors="coerce")
                error = dict(type="data", symmetric=False, array=(high - value).clip(lower=0).fillna(0).tolist(),
                             arrayminus=(value - low).clip(lower=0).fillna(0).tolist(), color="#444444")
            value_col = chart.x if chart.kind == "barh" else chart.y
            labels = _value_text(grp[value_col], value_col) if not chart.color else None
            fig.add_trace(go.Bar(
                x=_axis_values(grp[chart.x]), y=_axis_values(grp[chart.y]), orientation="h" if chart.kind == "barh" else "v",
                name=_esc(name) if name is not None else "",
                marker_color=category_colour(name) if name is not None else SINGLE,
                hovertext=htext, hoverinfo="text" if htext else None, showlegend=name is not None, error_x=error,
                text=labels, textposition="outside" if labels else None, cliponaxis=False if labels else None,
                customdata=cdata,
            ))
        if chart.kind == "barh":
            fig.update_yaxes(autorange="reversed", type="category")
        if chart.color:
            fig.update_layout(barmode="stack")
    elif chart.kind == "line":
        fig.add_trace(go.Scatter(x=_axis_values(d[chart.x]), y=_axis_values(d[chart.y]), mode="lines+markers",
                                 hovertext=hover, hoverinfo="text" if hover else None, line_color=SINGLE,
                                 customdata=custom))
        for v in chart.vlines:
            fig.add_vline(x=v, line_dash="dot", line_color="#999999")
    elif chart.kind == "heatmap":
        pivot = d.pivot_table(index=chart.y, columns=chart.x, values=chart.color, aggfunc="sum", fill_value=0, sort=False)
        scale = dict(colorscale=TONE_SCALE, zmid=0, zmin=-1, zmax=1) if _is_tone(chart.color) else dict(colorscale="Blues")
        cells = None
        if chart.sentences and chart.sentences == chart.x:  # each column is a sentence
            cells = [[sentence_ids_text(str(c)) for c in pivot.columns] for _ in pivot.index]
        fig.add_trace(go.Heatmap(z=pivot.values, x=[_esc(c) for c in pivot.columns], y=[_esc(r) for r in pivot.index],
                                 customdata=cells, **scale))
    if chart.hline is not None and not d.empty:
        fig.add_hline(y=chart.hline, line_color="#666666", line_width=1)
    fig.update_layout(
        title=_esc(chart.title), xaxis_title=_esc(chart.x_label), yaxis_title=_esc(chart.y_label),
        margin=dict(l=10, r=10, t=50, b=40), height=max(320, 22 * len(d) + 120) if chart.kind == "barh" else 400,
    )
    if chart.y_range and not d.empty:
        fig.update_yaxes(range=list(chart.y_range))
    return fig


def to_matplotlib(chart: Chart):
    """A static ``matplotlib.figure.Figure`` for print (labelled axes, title, caption).

    Text is drawn literally (no mathtext); rows without a finite value are not drawn; a chart with
    nothing to draw says so in place of empty axes.
    """
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    if chart.kind not in ("bar", "barh", "line", "heatmap"):
        raise ValueError(f"unknown chart kind {chart.kind!r}")
    d, dropped = _drawable(chart)
    caption = _caption(chart, dropped)
    height = max(3.5, 0.3 * len(d) + 1.5) if chart.kind == "barh" else 4.0
    fig = Figure(figsize=(8, height), dpi=100)
    # An Agg canvas from the start: the layout below and the PNG drawing share one renderer, so each
    # label's text is measured once (a bare Figure measures on a throwaway renderer, then again to draw).
    FigureCanvasAgg(fig)
    ax = fig.add_subplot(1, 1, 1)
    if d.empty:
        ax.text(0.5, 0.5, _mpl(EMPTY_CHART_NOTE), ha="center", va="center", fontsize=11, color="#555555",
                transform=ax.transAxes)
        ax.set_axis_off()
    elif chart.kind == "barh":
        if chart.color:
            pivot = d.pivot_table(index=chart.y, columns=chart.color, values=chart.x, aggfunc="sum", fill_value=0, sort=False)
            left = None
            for col in pivot.columns:
                ax.barh([_mpl(v) for v in pivot.index], pivot[col].values, left=left, label=_mpl(col),
                        color=category_colour(col))
                left = pivot[col].values if left is None else left + pivot[col].values
            ax.legend(fontsize=8)
        else:
            xerr = None
            if chart.interval:
                low, high = (pd.to_numeric(d[c], errors="coerce") for c in chart.interval)
                value = pd.to_numeric(d[chart.x], errors="coerce")
                xerr = [(value - low).clip(lower=0).fillna(0).to_numpy(), (high - value).clip(lower=0).fillna(0).to_numpy()]
            bars = ax.barh([_mpl(v) for v in d[chart.y]], d[chart.x].values, color=SINGLE, xerr=xerr,
                           ecolor="#444444", capsize=3)
            ax.bar_label(bars, labels=[_mpl(t) for t in _value_text(d[chart.x], chart.x)], padding=3, fontsize=8)
        ax.invert_yaxis()
    elif chart.kind == "bar":
        bars = ax.bar([_mpl(v) for v in d[chart.x]], d[chart.y].values, color=SINGLE)
        ax.bar_label(bars, labels=[_mpl(t) for t in _value_text(d[chart.y], chart.y)], padding=2, fontsize=7)
        ax.tick_params(axis="x", labelrotation=45)
    elif chart.kind == "line":
        ax.plot(list(d[chart.x]), list(d[chart.y]), marker="o", color=SINGLE)
        for v in chart.vlines:
            ax.axvline(v, linestyle=":", color="#999999")
    elif chart.kind == "heatmap":
        pivot = d.pivot_table(index=chart.y, columns=chart.x, values=chart.color, aggfunc="sum", fill_value=0, sort=False)
        tone = _is_tone(chart.color)
        im = ax.imshow(pivot.values, aspect="auto", cmap="RdBu" if tone else "Blues", vmin=-1 if tone else None,
                       vmax=1 if tone else None)
        ax.set_xticks(range(len(pivot.columns)), [_mpl(c) for c in pivot.columns], rotation=90, fontsize=7)
        ax.set_yticks(range(len(pivot.index)), [_mpl(r) for r in pivot.index], fontsize=8)
        fig.colorbar(im, ax=ax)
    if not d.empty:
        if chart.hline is not None:
            ax.axhline(chart.hline, color="#666666", linewidth=0.8)
        if chart.y_range:
            ax.set_ylim(*chart.y_range)
        ax.set_xlabel(_mpl(chart.x_label))
        ax.set_ylabel(_mpl(chart.y_label))
    # y given: the title sits where matplotlib would put it (no ticks above the axes), without measuring
    # every tick label of the axes again at each drawing to check that they do not reach it.
    ax.set_title(_mpl(chart.title), y=1.0)
    if caption:
        fig.text(0.01, 0.01, _mpl(caption), fontsize=7, color="#555555")
    _tight_layout(fig, bottom=0.04 if caption else 0.0)
    return fig


def _tight_layout(fig, *, bottom: float) -> None:
    """``fig.tight_layout(rect=(0, bottom, 1, 1))`` measuring the labels once instead of twice.

    With a ``rect``, matplotlib measures every label's extent, then measures them all again for the
    same axes positions to fit the result into the ``rect``; with one row of axes and a ``rect``
    that only raises the bottom, that second pass comes to the first one's margins with ``bottom``
    added to the bottom margin. Falls back to ``tight_layout`` if matplotlib's private helper moves or changes.
    """
    try:
        from matplotlib._tight_layout import get_subplotspec_list, get_tight_layout_figure

        kwargs = get_tight_layout_figure(fig, fig.axes, get_subplotspec_list(fig.axes), fig.canvas.get_renderer())
    except (ImportError, AttributeError, TypeError):  # pragma: no cover - a matplotlib that changed its private helper
        fig.tight_layout(rect=(0, bottom, 1, 1))
        return
    if kwargs:
        kwargs["bottom"] += bottom
        fig.subplots_adjust(**kwargs)


# ---------------------------------------------------------------- the generic builder


def bar_chart(data: pd.DataFrame, *, id: str, label: str, value: str, title: str, x_label: str, y_label: str,
              color: str | None = None, hover: Sequence[str] = (), caption: str = "", sentences: str | None = None) -> Chart:
    """Horizontal bars, one per row of ``data`` (label column on the y axis); ``sentences`` names the column of
    the sentence ids each bar stands for (see :attr:`Chart.sentences`)."""
    return Chart(id=id, kind="barh", data=data.reset_index(drop=True), x=value, y=label, title=title,
                 x_label=x_label, y_label=y_label, color=color, hover=tuple(hover), caption=caption, sentences=sentences)

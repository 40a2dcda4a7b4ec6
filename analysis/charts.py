"""Chart builders: each returns a Chart (data + labels) that renders to an interactive plotly figure or a static matplotlib figure; nothing here displays or writes."""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from typing import Sequence

import pandas as pd

__all__ = [
    "Chart",
    "to_plotly",
    "to_matplotlib",
    "tone_chart",
    "sentence_length_chart",
    "frequent_words_chart",
    "actors_chart",
    "sources_chart",
    "figures_chart",
    "bar_chart",
]

_PALETTE = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#17becf", "#bcbd22"]


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


def _esc(value) -> str:
    return html.escape(str(value), quote=True)


def _hover_text(chart: Chart) -> list[str] | None:
    if not chart.hover:
        return None
    out = []
    for _, row in chart.data.iterrows():
        parts = []
        for col in chart.hover:
            val = row[col]
            if isinstance(val, str) and len(val) > 160:
                val = val[:157] + "..."
            parts.append(f"{_esc(col)}: {_esc(val)}")
        out.append("<br>".join(parts))
    return out


def to_plotly(chart: Chart):
    """An interactive ``plotly.graph_objects.Figure``; every string from the article is HTML-escaped."""
    import plotly.graph_objects as go

    d = chart.data
    fig = go.Figure()
    hover = _hover_text(chart)
    if chart.kind in ("bar", "barh"):
        groups = [(None, d)] if not chart.color else list(d.groupby(chart.color, sort=True))
        for n, (name, grp) in enumerate(groups):
            idx = grp.index
            htext = [hover[d.index.get_loc(i)] for i in idx] if hover else None
            xs = grp[chart.x].map(_esc) if chart.kind == "bar" and grp[chart.x].dtype == object else grp[chart.x]
            ys = grp[chart.y].map(_esc) if chart.kind == "barh" and grp[chart.y].dtype == object else grp[chart.y]
            fig.add_trace(go.Bar(
                x=list(xs), y=list(ys), orientation="h" if chart.kind == "barh" else "v",
                name=_esc(name) if name is not None else "", marker_color=_PALETTE[n % len(_PALETTE)],
                hovertext=htext, hoverinfo="text" if htext else None, showlegend=name is not None,
            ))
        if chart.kind == "barh":
            fig.update_yaxes(autorange="reversed", type="category")
        if chart.color:
            fig.update_layout(barmode="stack")
    elif chart.kind == "line":
        fig.add_trace(go.Scatter(x=list(d[chart.x]), y=list(d[chart.y]), mode="lines+markers",
                                 hovertext=hover, hoverinfo="text" if hover else None, line_color=_PALETTE[0]))
        for v in chart.vlines:
            fig.add_vline(x=v, line_dash="dot", line_color="#999999")
    elif chart.kind == "heatmap":
        pivot = d.pivot_table(index=chart.y, columns=chart.x, values=chart.color, aggfunc="sum", fill_value=0, sort=False)
        fig.add_trace(go.Heatmap(z=pivot.values, x=[_esc(c) for c in pivot.columns], y=[_esc(r) for r in pivot.index],
                                 colorscale="Blues"))
    else:
        raise ValueError(f"unknown chart kind {chart.kind!r}")
    if chart.hline is not None:
        fig.add_hline(y=chart.hline, line_color="#666666", line_width=1)
    fig.update_layout(
        title=_esc(chart.title), xaxis_title=_esc(chart.x_label), yaxis_title=_esc(chart.y_label),
        template="plotly_white", margin=dict(l=10, r=10, t=50, b=40), height=max(320, 22 * len(d) + 120) if chart.kind == "barh" else 400,
    )
    if chart.y_range:
        fig.update_yaxes(range=list(chart.y_range))
    return fig


def to_matplotlib(chart: Chart):
    """A static ``matplotlib.figure.Figure`` for print (labelled axes, title, caption)."""
    from matplotlib.figure import Figure

    d = chart.data
    height = max(3.5, 0.3 * len(d) + 1.5) if chart.kind == "barh" else 4.0
    fig = Figure(figsize=(8, height), dpi=100)
    ax = fig.add_subplot(1, 1, 1)
    if chart.kind == "barh":
        if chart.color:
            pivot = d.pivot_table(index=chart.y, columns=chart.color, values=chart.x, aggfunc="sum", fill_value=0, sort=False)
            left = None
            for n, col in enumerate(pivot.columns):
                ax.barh(list(map(str, pivot.index)), pivot[col].values, left=left, label=str(col), color=_PALETTE[n % len(_PALETTE)])
                left = pivot[col].values if left is None else left + pivot[col].values
            ax.legend(fontsize=8)
        else:
            ax.barh(list(map(str, d[chart.y])), d[chart.x].values, color=_PALETTE[0])
        ax.invert_yaxis()
    elif chart.kind == "bar":
        ax.bar(list(map(str, d[chart.x])), d[chart.y].values, color=_PALETTE[0])
        ax.tick_params(axis="x", labelrotation=45)
    elif chart.kind == "line":
        ax.plot(list(d[chart.x]), list(d[chart.y]), marker="o", color=_PALETTE[0])
        for v in chart.vlines:
            ax.axvline(v, linestyle=":", color="#999999")
    elif chart.kind == "heatmap":
        pivot = d.pivot_table(index=chart.y, columns=chart.x, values=chart.color, aggfunc="sum", fill_value=0, sort=False)
        im = ax.imshow(pivot.values, aspect="auto", cmap="Blues")
        ax.set_xticks(range(len(pivot.columns)), [str(c) for c in pivot.columns], rotation=90, fontsize=7)
        ax.set_yticks(range(len(pivot.index)), [str(r) for r in pivot.index], fontsize=8)
        fig.colorbar(im, ax=ax)
    if chart.hline is not None:
        ax.axhline(chart.hline, color="#666666", linewidth=0.8)
    if chart.y_range:
        ax.set_ylim(*chart.y_range)
    ax.set_title(chart.title)
    ax.set_xlabel(chart.x_label)
    ax.set_ylabel(chart.y_label)
    if chart.caption:
        fig.text(0.01, 0.01, chart.caption, fontsize=7, color="#555555")
    fig.tight_layout(rect=(0, 0.04 if chart.caption else 0, 1, 1))
    return fig


# ---------------------------------------------------------------- builders used by the notebooks


def bar_chart(data: pd.DataFrame, *, id: str, label: str, value: str, title: str, x_label: str, y_label: str,
              color: str | None = None, hover: Sequence[str] = (), caption: str = "") -> Chart:
    """Horizontal bars, one per row of ``data`` (label column on the y axis)."""
    return Chart(id=id, kind="barh", data=data.reset_index(drop=True), x=value, y=label, title=title,
                 x_label=x_label, y_label=y_label, color=color, hover=tuple(hover), caption=caption)


def tone_chart(tone: pd.DataFrame, *, id: str = "tone-arc") -> Chart:
    """VADER compound score of each sentence in reading order, paragraph starts marked."""
    d = tone.reset_index(drop=True).copy()
    d.insert(0, "position", range(1, len(d) + 1))
    starts = tuple(float(p) - 0.5 for p, prev in zip(d["position"], [None, *d["paragraph"][:-1]]) if prev is not None and prev != d.loc[p - 1, "paragraph"])
    return Chart(id=id, kind="line", data=d[["position", "sentence_id", "paragraph", "part", "compound", "text"]],
                 x="position", y="compound", title="Tone of each sentence through the article",
                 x_label="Sentence (in reading order; dotted lines mark new paragraphs)",
                 y_label="VADER compound score (−1 negative … +1 positive)",
                 hover=("sentence_id", "compound", "text"), vlines=starts, hline=0.0, y_range=(-1.05, 1.05),
                 caption="Tone: VADER (Hutto & Gilbert 2014) via NLTK.")


def sentence_length_chart(lengths: pd.DataFrame, *, id: str = "sentence-lengths") -> Chart:
    """Words per sentence, in reading order."""
    d = lengths.reset_index(drop=True).copy()
    d.insert(0, "position", range(1, len(d) + 1))
    return Chart(id=id, kind="bar", data=d[["position", "sentence_id", "part", "n_words", "text"]], x="position",
                 y="n_words", title="Sentence length", x_label="Sentence (in reading order)",
                 y_label="Words in the sentence", hover=("sentence_id", "n_words", "text"))


def frequent_words_chart(words: pd.DataFrame, *, id: str = "frequent-words") -> Chart:
    d = words[["term", "count", "per_1000"]].copy()
    return bar_chart(d, id=id, label="term", value="count", title="Most frequent content words",
                     x_label="Occurrences in the article", y_label="Word", hover=("term", "count", "per_1000"))


def actors_chart(actors: pd.DataFrame, *, id: str = "actors", top: int = 15) -> Chart:
    d = actors.head(top)[["name", "kind", "mentions"]].copy()
    return bar_chart(d, id=id, label="name", value="mentions", color="kind", title="Who the article names",
                     x_label="Mentions", y_label="Person, organisation or group", hover=("name", "kind", "mentions"))


def sources_chart(attributions: pd.DataFrame, *, id: str = "attribution-kinds") -> Chart:
    from .framing import ATTRIBUTION_KINDS

    counts = attributions["kind"].value_counts()
    d = pd.DataFrame({"kind": list(ATTRIBUTION_KINDS), "count": [int(counts.get(k, 0)) for k in ATTRIBUTION_KINDS]})
    return bar_chart(d, id=id, label="kind", value="count", title="How claims are attributed",
                     x_label="Attributions in the article", y_label="Kind of source", hover=("kind", "count"))


def figures_chart(figs: pd.DataFrame, *, id: str = "figures") -> Chart:
    d = figs.copy()
    d["label"] = [f"{t} {c or ''}".strip() for t, c in zip(d["text"], d["counts"])]
    d["status"] = ["no source given" if not s else "attributed" for s in d["source"].where(d["source"].notna(), None)]
    d["count"] = 1
    d = d[["label", "kind", "status", "count", "sentence_id"]]
    return bar_chart(d, id=id, label="label", value="count", color="status", title="Figures in the article",
                     x_label="Figure (one bar each)", y_label="Figure and what it counts", hover=("label", "kind", "status", "sentence_id"))

"""The chart engine: a Chart drawn by plotly and by matplotlib, bar charts, stacked bars, lines and heat
maps; text from the article escaped (plotly) or literal (matplotlib); rows without a value left out and
counted in the caption; a chart with nothing to draw says so."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import plotly.io as pio
import pytest

from analysis.output.charts.engine import (
    EMPTY_CHART_NOTE,
    Chart,
    bar_chart,
    caption_text,
    plotly_dict,
    to_matplotlib,
    to_plotly,
)

EVIL = "<script>alert(1)</script>"


def _words(**kw):
    data = pd.DataFrame({"term": ["<b>raid</b>", "a & b", "surge"], "count": [3, 2, 1], "side": ["x", "y", "x"],
                         "note": [EVIL, "two", "z" * 200]})
    args = dict(id="words", label="term", value="count", title="<i>Words</i>", x_label="Uses", y_label="Word",
                hover=("term", "note"), caption="From the article.")
    args.update(kw)
    return bar_chart(data, **args)


def _drawn_texts(fig):
    """Every text matplotlib draws: title, axis labels, tick labels, texts, legend."""
    fig.canvas.draw()
    out = [t.get_text() for t in fig.texts]
    for ax in fig.axes:
        out += [ax.get_title(), ax.get_xlabel(), ax.get_ylabel()]
        out += [t.get_text() for t in ax.get_xticklabels() + ax.get_yticklabels() + ax.texts]
        if ax.get_legend():
            out += [t.get_text() for t in ax.get_legend().get_texts()]
    return out


# ---------------------------------------------------------------- bar_chart and Chart


def test_bar_chart_is_horizontal_bars_with_the_label_on_y():
    data = pd.DataFrame({"term": ["a", "b"], "count": [2, 1]}, index=[10, 20])
    chart = bar_chart(data, id="c", label="term", value="count", title="T", x_label="X", y_label="Y", hover=["term"])
    assert (chart.kind, chart.x, chart.y, chart.color, chart.hover) == ("barh", "count", "term", None, ("term",))
    assert list(chart.data.index) == [0, 1]  # index reset
    assert list(data.index) == [10, 20]
    assert chart.vlines == () and chart.hline is None and chart.y_range is None


def test_charts_compare_by_spec_not_by_data():
    a = _words()
    b = bar_chart(pd.DataFrame({"term": ["other"], "count": [9]}), id="words", label="term", value="count",
                  title="<i>Words</i>", x_label="Uses", y_label="Word", hover=("term", "note"), caption="From the article.")
    assert a == b
    assert a != _words(title="Other")


# ---------------------------------------------------------------- plotly


def test_plotly_bars_escape_every_string():
    fig = to_plotly(_words())
    assert len(fig.data) == 1
    bar = fig.data[0]
    assert bar.orientation == "h"
    assert list(bar.x) == [3, 2, 1]
    assert list(bar.y) == ["&lt;b&gt;raid&lt;/b&gt;", "a &amp; b", "surge"]
    assert fig.layout.title.text == "&lt;i&gt;Words&lt;/i&gt;"
    assert fig.layout.xaxis.title.text == "Uses" and fig.layout.yaxis.title.text == "Word"
    assert fig.layout.yaxis.autorange == "reversed"  # first row on top


def test_hover_text_is_escaped_and_long_values_cut():
    hover = to_plotly(_words()).data[0].hovertext
    assert hover[0] == "Term: &lt;b&gt;raid&lt;/b&gt;<br>Note: &lt;script&gt;alert(1)&lt;/script&gt;"
    long = hover[2].split("<br>")[1]
    assert long == "Note: " + "z" * 157 + "..."
    assert "<script>" not in json.dumps(plotly_dict(_words()))
    assert to_plotly(_words(hover=())).data[0].hovertext is None


def test_colour_column_gives_one_stacked_trace_per_group():
    fig = to_plotly(_words(color="side"))
    assert [t.name for t in fig.data] == ["x", "y"]
    assert [list(t.y) for t in fig.data] == [["&lt;b&gt;raid&lt;/b&gt;", "surge"], ["a &amp; b"]]
    assert [list(t.x) for t in fig.data] == [[3, 1], [2]]
    assert fig.layout.barmode == "stack"
    assert fig.data[0].hovertext[1].startswith("Term: surge")  # each bar keeps its own hover


def test_plotly_dict_is_the_figure_as_a_dict():
    for chart in (_words(), _words(color="side"), _words(title="$5 & <6>")):
        assert pio.to_json(plotly_dict(chart), validate=False) == to_plotly(chart).to_json()
    assert plotly_dict(_words())["layout"]["template"] == to_plotly(_words()).to_dict()["layout"]["template"]


def test_vertical_bars_line_and_heatmap():
    bars = Chart(id="b", kind="bar", data=pd.DataFrame({"pos": [1, 2], "n": [5, 7]}), x="pos", y="n", title="t",
                 x_label="x", y_label="y")
    fig = to_plotly(bars)
    assert fig.data[0].orientation == "v" and list(fig.data[0].y) == [5, 7]

    line = Chart(id="l", kind="line", data=pd.DataFrame({"x": [1, 2, 3], "y": [0.5, -0.25, 0.0]}), x="x", y="y",
                 title="t", x_label="x", y_label="y", vlines=(1.5, 2.5), hline=0.0, y_range=(-1.05, 1.05))
    fig = to_plotly(line)
    assert list(fig.data[0].x) == [1, 2, 3] and list(fig.data[0].y) == [0.5, -0.25, 0.0]
    assert sorted(s.x0 for s in fig.layout.shapes if s.x0 == s.x1 and s.xref == "x") == [1.5, 2.5]
    assert any(s.y0 == s.y1 == 0.0 for s in fig.layout.shapes)  # the zero line
    assert tuple(fig.layout.yaxis.range) == (-1.05, 1.05)

    heat = Chart(id="h", kind="heatmap", data=pd.DataFrame({"row": ["a", "a", "<b>"], "col": ["x", "y", "x"],
                                                            "v": [1, 2, 3]}), x="col", y="row", color="v", title="t",
                 x_label="x", y_label="y")
    fig = to_plotly(heat)
    assert fig.data[0].z.tolist() == [[1, 2], [3, 0]]  # a missing cell is 0
    assert list(fig.data[0].x) == ["x", "y"] and list(fig.data[0].y) == ["a", "&lt;b&gt;"]


def test_rows_without_a_value_are_left_out_and_counted():
    data = pd.DataFrame({"term": ["a", "b", "c", "d"], "count": [1.0, np.nan, np.inf, 2.0]})
    chart = bar_chart(data, id="c", label="term", value="count", title="t", x_label="x", y_label="y", caption="Note.")
    assert list(to_plotly(chart).data[0].y) == ["d", "a"]  # sorted by value, largest on top
    assert caption_text(chart) == "Note. 2 rows without a value not drawn."
    one = bar_chart(data.iloc[:2], id="c", label="term", value="count", title="t", x_label="x", y_label="y")
    assert caption_text(one) == "1 row without a value not drawn."
    assert caption_text(_words()) == "From the article."
    fig = to_matplotlib(chart)
    assert [t.get_text() for t in fig.axes[0].get_yticklabels()] == ["d", "a"]
    assert any("2 rows without a value" in t.get_text() for t in fig.texts)


@pytest.mark.parametrize("kind", ["barh", "bar", "line", "heatmap"])
def test_empty_data_shows_the_note(kind):
    chart = Chart(id="e", kind=kind, data=pd.DataFrame({"x": [], "y": [], "v": []}), x="x", y="y", title="Empty",
                  x_label="x", y_label="y", color="v" if kind == "heatmap" else None, hline=0.0, vlines=(1.0,))
    fig = to_plotly(chart)
    assert len(fig.data) == 0
    assert [a.text for a in fig.layout.annotations] == [EMPTY_CHART_NOTE]
    assert fig.layout.xaxis.visible is False and fig.layout.yaxis.visible is False
    json.dumps(plotly_dict(chart))
    mfig = to_matplotlib(chart)
    ax = mfig.axes[0]
    assert [t.get_text() for t in ax.texts] == [EMPTY_CHART_NOTE] and not ax.axison
    assert ax.get_title() == "Empty"


def test_all_missing_values_count_as_empty():
    data = pd.DataFrame({"term": ["a", "b"], "count": [np.nan, None]})
    chart = bar_chart(data, id="c", label="term", value="count", title="t", x_label="x", y_label="y")
    assert [a.text for a in to_plotly(chart).layout.annotations] == [EMPTY_CHART_NOTE]
    assert caption_text(chart) == "2 rows without a value not drawn."


def test_unknown_kind_is_refused():
    chart = Chart(id="p", kind="pie", data=pd.DataFrame({"x": [1], "y": [1]}), x="x", y="y", title="t", x_label="x",
                  y_label="y")
    with pytest.raises(ValueError, match="pie"):
        to_plotly(chart)
    with pytest.raises(ValueError, match="pie"):
        to_matplotlib(chart)


# ---------------------------------------------------------------- matplotlib


def test_matplotlib_draws_text_literally():
    data = pd.DataFrame({"term": ["$5 and $6^", r"$\frac$", "<b>x</b>"], "count": [1, 2, 3]})
    chart = bar_chart(data, id="m", label="term", value="count", title="Cost: $x_$", x_label="$ spent",
                      y_label="Word", caption="Dollars: $1")
    fig = to_matplotlib(chart)
    texts = _drawn_texts(fig)  # drawing would raise on "$\frac$" read as mathtext
    assert r"Cost: \$x_\$" in texts and r"\$ spent" in texts and r"Dollars: \$1" in texts
    assert r"\$\frac\$" in texts and "<b>x</b>" in texts


def test_matplotlib_stacked_bars_have_a_legend_and_totals():
    fig = to_matplotlib(_words(color="side"))
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["x", "y"]
    widths = {}
    for patch in ax.patches:
        widths[patch.get_y()] = widths.get(patch.get_y(), 0) + patch.get_width()
    assert sorted(widths.values()) == [1, 2, 3]
    assert ax.yaxis_inverted()


def test_matplotlib_line_heatmap_and_bars():
    line = Chart(id="l", kind="line", data=pd.DataFrame({"x": [1, 2, 3], "y": [0.5, -0.25, 0.0]}), x="x", y="y",
                 title="t", x_label="Sentence", y_label="Tone", vlines=(1.5,), hline=0.0, y_range=(-1.05, 1.05))
    ax = to_matplotlib(line).axes[0]
    assert list(ax.lines[0].get_ydata()) == [0.5, -0.25, 0.0]
    assert ax.get_ylim() == (-1.05, 1.05) and ax.get_xlabel() == "Sentence" and ax.get_ylabel() == "Tone"
    assert len(ax.lines) == 3  # the data, one paragraph line, the zero line
    heat = Chart(id="h", kind="heatmap", data=pd.DataFrame({"row": ["a", "b"], "col": ["x", "x"], "v": [1, 4]}),
                 x="col", y="row", color="v", title="t", x_label="x", y_label="y")
    fig = to_matplotlib(heat)
    assert fig.axes[0].images[0].get_array().tolist() == [[1], [4]]
    assert len(fig.axes) == 2  # the colour bar
    bars = Chart(id="b", kind="bar", data=pd.DataFrame({"pos": ["1", "2"], "n": [5, 7]}), x="pos", y="n", title="t",
                 x_label="x", y_label="y")
    assert [p.get_height() for p in to_matplotlib(bars).axes[0].patches] == [5, 7]


# ---------------------------------------------------------------- charts for readers


def test_quotes_in_labels_are_not_escaped_twice():
    data = pd.DataFrame({"kind": ['be-passive ("could be considered")', "other"], "count": [2, 1]})
    fig = to_plotly(bar_chart(data, id="p", label="kind", value="count", title='The "passive"', x_label="n",
                              y_label="k"))
    assert list(fig.data[0].y)[0] == 'be-passive ("could be considered")'
    assert "&quot;" not in json.dumps(plotly_dict(bar_chart(data, id="p", label="kind", value="count", title="t",
                                                            x_label="n", y_label="k")))


def test_bars_sorted_by_value_with_values_written_and_zeros_named():
    data = pd.DataFrame({"frame": ["a", "b", "c", "d"], "score": [1.0, 0.0, 3.5, 1500.0]})
    chart = bar_chart(data, id="f", label="frame", value="score", title="t", x_label="x", y_label="y")
    bar = to_plotly(chart).data[0]
    assert list(bar.y) == ["d", "c", "a"] and list(bar.text) == ["1,500", "3.5", "1"]
    assert caption_text(chart) == "Not found in this article (0): b."
    fig = to_matplotlib(chart)
    assert [t.get_text() for t in fig.axes[0].texts if t.get_text()] == ["1,500", "3.5", "1"]
    kept = Chart(id="k", kind="barh", data=data, x="score", y="frame", title="t", x_label="x", y_label="y",
                 sort=False, omit_zero=False)
    assert list(to_plotly(kept).data[0].y) == ["a", "b", "c", "d"]


def test_category_colours_do_not_depend_on_what_else_is_drawn():
    from analysis.output.charts.palette import category_colour

    one = pd.DataFrame({"kind": ["vague", "named_person"], "label": ["x", "x"], "n": [1, 2]})
    two = pd.DataFrame({"kind": ["anonymous", "named_person"], "label": ["x", "x"], "n": [1, 2]})

    def colours(d):
        fig = to_plotly(Chart(id="c", kind="barh", data=d, x="n", y="label", color="kind", title="t", x_label="x",
                              y_label="y"))
        return {t.name: t.marker.color for t in fig.data}

    assert colours(one)["named_person"] == colours(two)["named_person"] == category_colour("named_person")
    assert colours(one)["vague"] != colours(one)["named_person"]


def test_tone_heatmaps_diverge_around_zero():
    data = pd.DataFrame({"article": ["a", "a"], "bin": [1, 2], "mean_compound": [-0.5, 0.25]})
    heat = to_plotly(Chart(id="t", kind="heatmap", data=data, x="bin", y="article", color="mean_compound",
                           title="t", x_label="x", y_label="y")).data[0]
    assert heat.zmid == 0 and (heat.zmin, heat.zmax) == (-1, 1)
    assert heat.colorscale[0][1].lower() == "#b2182b" and heat.colorscale[-1][1].lower() == "#2166ac"  # red to blue
    other = to_plotly(Chart(id="o", kind="heatmap", data=data.rename(columns={"mean_compound": "score"}), x="bin",
                            y="article", color="score", title="t", x_label="x", y_label="y")).data[0]
    assert other.zmid is None

"""Chart files: each chart's PNG (256-colour palette), SVG and CSV written deterministically, drawn in a
worker process during report builds, and laid out in one pass exactly where tight_layout would put it."""

from __future__ import annotations

import pytest

from analysis.output.charts import export


def test_saved_chart_files_are_small_deterministic_and_readable(tmp_path):
    """PNG (256-colour palette), SVG (text kept as text) and CSV: same chart, same bytes."""
    import pandas as pd
    from PIL import Image

    from analysis.output.charts.engine import bar_chart
    from analysis.output.charts.export import save_chart

    data = pd.DataFrame({"word": ["crackdown", "invasion", "surge"], "count": [5, 3, 1]})
    chart = bar_chart(data, id="loaded-test", label="word", value="count", title="Loaded <words> & more",
                      x_label="uses", y_label="word")
    first = save_chart(chart, tmp_path / "a")
    second = save_chart(chart, tmp_path / "b")
    assert [p.name for p in first] == ["loaded-test.png", "loaded-test.svg", "loaded-test.csv"]
    assert [p.read_bytes() for p in first] == [p.read_bytes() for p in second]
    png, svg, csv = first
    with Image.open(png) as im:
        assert im.format == "PNG" and im.mode == "P" and im.size[0] >= 600
    text = svg.read_text(encoding="utf-8")
    assert "Loaded &lt;words&gt; &amp; more" in text and "crackdown" in text  # escaped, searchable text
    assert csv.read_text(encoding="utf-8").splitlines() == ["word,count", "crackdown,5", "invasion,3", "surge,1"]


def test_charts_drawn_in_the_background_match_and_report_failures(tmp_path):
    """Report builds draw static charts in a worker process: same bytes as drawing in place, and a
    chart that cannot be written fails wait_for_charts (after the others are written)."""
    import pandas as pd

    from analysis.output.charts.engine import bar_chart

    data = pd.DataFrame({"frame": ["security", "crime"], "score": [4.5, 2.0]})
    chart = bar_chart(data, id="bg-test", label="frame", value="score", title="Frames", x_label="score",
                      y_label="frame")
    here = export.save_chart(chart, tmp_path / "here")
    export.save_chart_in_background(chart, tmp_path / "there")
    there = export.wait_for_charts()
    assert [p.name for p in there] == [p.name for p in here]
    assert [p.read_bytes() for p in there] == [p.read_bytes() for p in here]
    assert export.wait_for_charts() == []  # nothing pending any more

    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the folder should be")
    export.save_chart_in_background(chart, blocked)
    export.save_chart_in_background(chart, tmp_path / "fine")
    with pytest.raises(OSError):
        export.wait_for_charts()
    assert (tmp_path / "fine" / "bg-test.svg").exists()
    export.stop_chart_workers()  # a report build stops the worker before its kernel; a later chart starts a new one
    export.save_chart_in_background(chart, tmp_path / "again")
    assert [p.name for p in export.wait_for_charts()] == [p.name for p in here]
    export.stop_chart_workers()


def test_charts_the_worker_has_not_started_are_drawn_by_the_waiting_process_with_the_same_bytes(tmp_path):
    """wait_for_charts draws queued charts itself (the worker goes on with the others): every file is
    the bytes save_chart writes, even when the waiting process changed matplotlib's settings (as the
    inline backend of a Jupyter kernel does)."""
    import matplotlib
    import pandas as pd

    from analysis.output.charts.engine import bar_chart

    charts = [bar_chart(pd.DataFrame({"frame": ["security", "crime", "economy"][: n + 1], "score": [4.5, 2.0, 1.0][: n + 1]}),
                        id=f"steal-{n}", label="frame", value="score", title=f"Frames {n}", x_label="score",
                        y_label="frame", caption="A caption." if n % 2 else "") for n in range(3)]
    here = [p for chart in charts for p in export.save_chart(chart, tmp_path / "here")]
    futures = []
    with matplotlib.rc_context({"figure.facecolor": "red", "font.size": 14}):
        for _ in range(3):
            futures += [export.save_chart_in_background(chart, tmp_path / "there") for chart in charts]
        there = export.wait_for_charts()
    export.stop_chart_workers()
    assert any(f.cancelled() for f in futures)  # some were drawn here, not by the worker
    assert [p.name for p in there] == [p.name for p in here] * 3
    assert {p.name: p.read_bytes() for p in there} == {p.name: p.read_bytes() for p in here}


@pytest.mark.parametrize("caption", ["", "Source: a caption under the chart"])
def test_one_pass_layout_puts_the_axes_where_tight_layout_does(monkeypatch, caption):
    """charts._tight_layout measures labels once; the axes must land where matplotlib's tight_layout(rect=...) puts them."""
    import pandas as pd

    from analysis.output.charts import engine as charts

    data = pd.DataFrame({"word": ["a long label for the axis", "invasion", "surge"], "count": [12, 3, 1]})
    chart = charts.bar_chart(data, id="layout-test", label="word", value="count", title="A title", x_label="uses",
                             y_label="word", caption=caption)
    ours = charts.to_matplotlib(chart).axes[0].get_position().bounds
    monkeypatch.setattr(charts, "_tight_layout", lambda fig, *, bottom: fig.tight_layout(rect=(0, bottom, 1, 1)))
    theirs = charts.to_matplotlib(chart).axes[0].get_position().bounds
    assert [round(v, 6) for v in ours] == [round(v, 6) for v in theirs]


@pytest.mark.parametrize("label", ["=1+1", "+SUM(A1:A9)", "-2+3", "@cmd", "\tTAB", "\rCR",
                                   '=HYPERLINK("http://x","y")', "=cmd|' /C calc'!A0"])
def test_chart_csv_cells_are_never_formulas(label, tmp_path):
    """Chart labels come from the article (words, names, quotes): in the CSV beside each chart a text cell
    that a spreadsheet would run as a formula starts with ``'`` (OWASP CSV Injection, as every other CSV of
    the project, through analysis.core.io.write_csv_atomic); negative numbers stay numbers."""
    import csv

    import pandas as pd

    from analysis.output.charts.engine import bar_chart

    data = pd.DataFrame({"word": [label, "-", "plain"], "tone": [-0.5, -2.0, 0.25], "count": [3, -1, 2]})
    chart = bar_chart(data, id="formula-test", label="word", value="tone", title="Tone", x_label="tone",
                      y_label="word")
    out = [p for p in export.save_chart(chart, tmp_path) if p.suffix == ".csv"][0]
    with open(out, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert [r["word"] for r in rows] == ["'" + label.replace("\r", "\n"), "'-", "plain"]
    assert [r["tone"] for r in rows] == ["-0.5", "-2.0", "0.25"] and [r["count"] for r in rows] == ["3", "-1", "2"]
    assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r")) for r in rows for k, cell in r.items()
                   if k == "word")
    assert not data["word"][0].startswith("'")  # the chart's own data is left alone

"""The notebook helpers: charts for display (and saved as PNG, SVG and CSV when asked), tables and prose
with the article's text escaped, the article header and warnings, and loading by name."""

from __future__ import annotations

import json
from dataclasses import replace

import pandas as pd
import pytest

from analysis import load_article
from analysis.core.config import VERSION
from analysis.core.errors import ArticleError
from analysis.output.charts import export
from analysis.output.charts.engine import bar_chart, plotly_dict
from analysis.output.notebook import (
    MISSING,
    ChartOutput,
    article_header,
    escape_frame,
    load,
    say,
    sentence_list,
    show_chart,
    warnings_box,
)

from conftest import SEED

EVIL = "<script>alert('x')</script> & \"co\""


def _chart(id="words", caption="From the <b>article</b>."):
    data = pd.DataFrame({"term": ["<i>raid</i>", "surge", "border"], "count": [3, 2, 1]})
    return bar_chart(data, id=id, label="term", value="count", title="Words & <counts>", x_label="Uses",
                     y_label="Word", hover=("term", "count"), caption=caption)


# ---------------------------------------------------------------- show_chart


def test_show_chart_without_a_folder_writes_nothing(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv(export.BACKGROUND_CHARTS_ENV, raising=False)
    out = show_chart(_chart(), "")
    assert isinstance(out, ChartOutput) and out.chart.id == "words"
    assert out.figure == plotly_dict(out.chart)
    assert list(tmp_path.iterdir()) == []


def test_show_chart_with_a_folder_writes_png_svg_and_csv(tmp_path, monkeypatch):
    monkeypatch.delenv(export.BACKGROUND_CHARTS_ENV, raising=False)
    folder = tmp_path / "figures" / "new"  # created on demand
    chart = _chart()
    show_chart(chart, str(folder))
    assert sorted(p.name for p in folder.iterdir()) == ["words.csv", "words.png", "words.svg"]
    assert (folder / "words.png").read_bytes().startswith(b"\x89PNG\r\n\x1a\n")
    svg = (folder / "words.svg").read_text(encoding="utf-8")
    assert "<svg" in svg and "<script>" not in svg
    back = pd.read_csv(folder / "words.csv")
    assert back.to_dict("list") == chart.data.to_dict("list")


def test_show_chart_in_a_report_build_hands_the_files_to_the_background(tmp_path, monkeypatch):
    calls = []
    monkeypatch.setenv(export.BACKGROUND_CHARTS_ENV, "1")
    monkeypatch.setattr(export, "save_chart_in_background", lambda chart, folder: calls.append((chart.id, folder)))
    monkeypatch.setattr(export, "save_chart", lambda *a: pytest.fail("drawn in the notebook's process"))
    show_chart(_chart(), str(tmp_path))
    assert calls == [("words", tmp_path)]


def test_chart_output_mime_bundle_is_escaped():
    bundle = show_chart(_chart(caption=EVIL))._repr_mimebundle_()
    assert set(bundle) == {"application/vnd.plotly.v1+json", "text/html", "text/plain"}
    html = bundle["text/html"]
    assert html.startswith('<div class="al-chart" data-chart="words">')
    assert '<p class="chart-caption">&lt;script&gt;' in html and "<script>alert" not in html
    plotly = bundle["application/vnd.plotly.v1+json"]
    assert plotly["config"] == {"displaylogo": False}
    assert plotly["layout"]["title"]["text"] == "Words &amp; &lt;counts&gt;"
    assert list(plotly["data"][0]["y"]) == ["&lt;i&gt;raid&lt;/i&gt;", "surge", "border"]
    json.dumps(plotly)
    assert bundle["text/plain"] == "<chart words: Words & <counts>>"


def test_chart_without_caption_has_no_caption_paragraph():
    assert "chart-caption" not in show_chart(_chart(caption=""))._repr_mimebundle_()["text/html"]


# ---------------------------------------------------------------- escape_frame, say, sentence_list


def test_escape_frame_keeps_text_for_pandas_to_escape():
    frame = pd.DataFrame({"sentence": [EVIL, None], "cues": [["<b>raid</b>", "surge"], ()], "n": [1.5, float("nan")],
                          "count": [1, 2]})
    before = frame.copy(deep=True)
    shown = escape_frame(frame)
    assert shown["sentence"].tolist() == [EVIL, MISSING]
    assert shown["cues"].tolist() == ["<b>raid</b>, surge", ""]
    assert shown["count"].tolist() == [1, 2]
    assert shown["n"].iloc[0] == 1.5 and pd.isna(shown["n"].iloc[1])  # numbers stay numbers
    html = shown.to_html()
    assert "&lt;script&gt;alert" in html and "<script>" not in html and "&lt;b&gt;raid&lt;/b&gt;" in html
    pd.testing.assert_frame_equal(frame, before)  # the input is untouched
    assert isinstance(frame["cues"][0], list)


def test_escape_frame_on_a_real_table(seed):
    from analysis.framing.actors import actors

    table = actors(seed)
    shown = escape_frame(table)
    assert list(shown.columns) == list(table.columns) and len(shown) == len(table)
    assert shown["aliases"].iloc[0] == ", ".join(table["aliases"].iloc[0])
    assert shown["mentions"].tolist() == table["mentions"].tolist()


def test_say_escapes_values_not_the_template():
    assert say("<b>{n}</b> words by {who}.", n=1234567, who=EVIL).markup == (
        "<p><b>1,234,567</b> words by &lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; &quot;co&quot;.</p>")
    assert say("{b} {f}", b=True, f=0.5).markup == "<p>True 0.5</p>"


def test_sentence_list(make_article):
    art = make_article("News", "Officials said <b>no</b> & more. Nothing else.")
    out = sentence_list(art, ["s3", "s2"], label="Two <sentences>:")._repr_html_()
    assert out.startswith("<p>Two &lt;sentences&gt;:</p><ul>")
    assert out.index('<a class="al-sid" href="#s3">s3</a>') < out.index('<a class="al-sid" href="#s2">s2</a>')
    assert "&lt;b&gt;no&lt;/b&gt; &amp; more." in out and "<b>no</b>" not in out
    assert sentence_list(art, [])._repr_html_() == "<ul></ul>"
    with pytest.raises(KeyError):
        sentence_list(art, ["s99"])


# ---------------------------------------------------------------- article_header, warnings_box, load


def test_article_header_escapes_metadata():
    from analysis import parse_article

    art = parse_article(f"---\ntitle: {EVIL}\nsource: A <b>paper</b>\nauthor: Jo\n---\nIt rained. It stopped.", name="t")
    html = article_header(art)._repr_html_()
    assert html.startswith('<table class="al-provenance">')
    assert "<tr><th>Article</th><td>&lt;script&gt;" in html and "<script>" not in html
    assert "<tr><th>File</th><td>(text)</td></tr>" in html
    assert "<tr><th>Source</th><td>A &lt;b&gt;paper&lt;/b&gt;</td></tr>" in html
    assert "<tr><th>Author</th><td>Jo</td></tr>" in html and "<th>Url</th>" not in html
    assert f"article-lens {VERSION}" in html and "<th>Lexicons</th>" not in html  # in the reports' Method footer


def test_article_header_of_a_file(seed):
    html = article_header(seed)._repr_html_()
    assert f"<tr><th>File</th><td>{SEED.name}</td></tr>" in html
    assert str(SEED.parent) not in html  # the file name only, not the machine's folders


def test_warnings_box(seed, make_article):
    assert warnings_box(replace(seed, warnings=()))._repr_html_() == ""
    art = replace(make_article("News", "It rained."), warnings=("Too <short> & odd", "second"))
    html = warnings_box(art)._repr_html_()
    assert html.startswith('<div class="al-warning"')
    assert "<li>Too &lt;short&gt; &amp; odd</li><li>second</li>" in html


def test_warnings_box_shows_the_parsers_warnings(make_article):
    from analysis import parse_article

    art = parse_article("Hello")
    assert art.warnings
    html = warnings_box(art)._repr_html_()
    assert html.count("<li>") == len(art.warnings)


def test_load_by_file_name_and_by_path(seed):
    assert load(SEED.name) == seed
    assert load(SEED.stem) == seed  # ".txt" may be left out
    assert load(str(SEED)) == seed
    assert load(SEED.name).slug == load_article(SEED).slug == SEED.stem


def test_load_missing_article():
    with pytest.raises(ArticleError):
        load("no-such-article-anywhere.txt")


def test_one_or_two_bars_are_a_sentence_not_a_chart(tmp_path):
    data = pd.DataFrame({"what": ["troops", "<b>people</b>"], "value": [1500.0, 14_000_000.0]})
    chart = bar_chart(data, id="two", label="what", value="value", title="Figures", x_label="Value", y_label="What")
    out = show_chart(chart, str(tmp_path))._repr_html_()
    assert out.startswith('<p class="al-few"') and "14 million" in out and "1,500" in out
    assert "&lt;b&gt;people&lt;/b&gt;" in out and not list(tmp_path.iterdir())  # escaped; no files for a sentence
    assert hasattr(show_chart(_chart()), "_repr_mimebundle_")  # three bars are still a chart

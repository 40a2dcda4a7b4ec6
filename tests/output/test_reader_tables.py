"""Tables for readers: what a reader sees instead of pandas' notebook output."""

from __future__ import annotations

import math

import pandas as pd

from analysis.output.html.tables import TABLE_SCRIPT, format_cell, link_sentence_ids, reader_table_html
from analysis.output.notebook import escape_frame


def test_no_index_and_headers_in_words():
    frame = pd.DataFrame({"term": ["raid"], "per_1000": [2.5], "source_kind": ["vague"], "n_figures": [3]},
                         index=[41])
    out = reader_table_html(frame)
    assert ">41<" not in out and "<th></th>" not in out
    for header in ("Term", "Per 1,000 words", "Kind of source", "Number of figures"):
        assert f'<th scope="col">{header}</th>' in out
    assert "per_1000" not in out and "source_kind" not in out


def test_cells_formatted_for_readers():
    assert format_cell(1500.0, "value")[0] == "1,500"
    assert format_cell(14_000_000.0, "value")[0] == "14 million"
    assert format_cell(2_500_000_000.0, "value")[0] == "2.5 billion"
    assert format_cell(0.5912, "compound")[0] == "+0.59" and format_cell(-0.2, "mean_tone")[0] == "-0.20"
    assert format_cell(0.25, "share")[0] == "0.25" and format_cell(3.14159, "x")[0] == "3.14"
    assert format_cell(False, "dominant")[0] == "no" and format_cell(True)[0] == "yes"
    for missing in (None, float("nan"), pd.NA):
        assert format_cell(missing)[0] == "—"
    assert format_cell("VBN", "pos")[0] == "past participle" and format_cell("VBN", "term")[0] == "VBN"
    assert format_cell(1234567, "count")[0] == "1,234,567"


def test_long_tables_fold_and_short_ones_do_not():
    long = reader_table_html(pd.DataFrame({"x": range(40)}))
    short = reader_table_html(pd.DataFrame({"x": range(10)}))
    assert 'data-fold="15"' in long and "data-fold" not in short
    assert long.count("<tr>") == 41  # every row is in the page; the script folds them, print shows them
    assert "Show all" in TABLE_SCRIPT and "Filter rows" in TABLE_SCRIPT and "fetch(" not in TABLE_SCRIPT


def test_numbers_sort_as_numbers():
    out = reader_table_html(pd.DataFrame({"count": [10, 9]}))
    assert 'data-sort="10.0"' in out and 'data-sort="9.0"' in out and 'class="num"' in out


def test_sentence_id_cells_link_only_in_reports():
    out = reader_table_html(pd.DataFrame({"sentence_ids": [["s2", "s10"]], "text": ["see s3 here"]}))
    assert "<a " not in out  # the notebook's own view carries no links
    linked = link_sentence_ids(out)
    assert '<a href="article.html#s2">s2</a>, <a href="article.html#s10">s10</a>' in linked
    assert "see s3 here" in linked  # prose cells are left alone


def test_escape_frame_renders_as_a_reader_table_and_stays_a_frame():
    shown = escape_frame(pd.DataFrame({"sentence": ["<script>x</script>"], "score": [float("nan")]}))
    assert isinstance(shown, pd.DataFrame) and math.isnan(shown["score"].iloc[0])
    html = shown._repr_html_()
    assert "<script>x" not in html and "&lt;script&gt;x&lt;/script&gt;" in html
    assert "al-table" in html and "NaN" not in html and "—" in html
    assert "al-table" in shown.head(1)._repr_html_()  # pandas operations keep the reader view

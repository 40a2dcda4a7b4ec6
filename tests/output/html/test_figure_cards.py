"""Figure cards (HTML) and the figures charts: content, escaping, and the data behind the charts."""

from __future__ import annotations

import re

import pandas as pd

from analysis.numbers.records import figures
from analysis.numbers.reference import reference_figures
from analysis.numbers.vague_quantities import vague_quantities
from analysis.output.charts.engine import to_matplotlib, to_plotly
from analysis.output.charts.numbers import (
    FIGURE_STATUSES,
    VOICE_ROLES,
    figure_kinds_chart,
    public_figures_chart,
    vague_quantities_chart,
)
from analysis.output.html.figure_cards import figure_cards, format_value
from analysis.people.public_figures import public_figures, voice_by_sentence


def cards_of(markup: str) -> list[str]:
    return re.findall(r'<article class="[^"]*" id="figure-[^"]+">.*?</article>', markup)


def test_seed_cards(seed):
    markup = figure_cards(seed).markup
    cards = cards_of(markup)
    assert len(cards) == 2
    troops, population = cards
    assert "1,500" in troops and "troops" in troops and "approximately" in troops and "Pentagon" in troops
    assert "by the end of the month" in troops and "no source given" not in troops
    assert "<mark>1,500</mark>" in troops and '<a class="al-sid" href="#s10">s10</a>' in troops
    assert "14,000,000 (14 million)" in population and "undocumented population" in population
    assert "no source given" in population and "al-unsourced" in population
    assert "around, estimated at" in population
    # the shipped reference row is an example: it shows the format and is never matched, so no card cites it
    assert "Reference" not in population and "Pew" not in population and "pewresearch.org" not in markup


def test_a_checked_reference_matches_with_source_and_date(seed):
    checked = reference_figures().assign(example=False)
    population = cards_of(figure_cards(seed, references=checked).markup)[1]
    assert "matches your reference</span>: 14,000,000 people (Pew Research Center (estimate), 2023-07)" \
        in population
    assert "pewresearch.org" in population and "example row" not in population and "×" not in population


def test_cards_escape_article_text(make_article):
    art = make_article("H", "The <script>alert(1)</script> group & friends sent 1,500 troops to \"<b>\" town.")
    markup = figure_cards(art).markup
    assert "<script>alert" not in markup and "&lt;script&gt;" in markup
    assert "<b>" not in markup and "&amp; friends" in markup


def test_cards_escape_reference_rows(seed):
    refs = pd.DataFrame([{"topic": "undocumented population", "value": 7e6, "unit": "people",
                          "source": "<img src=x onerror=alert(1)>", "date": "2020", "url": "javascript:alert(1)",
                          "example": False, "note": ""}])
    markup = figure_cards(seed, references=refs).markup
    assert "<img" not in markup and "javascript:" not in markup and "&lt;img" in markup
    assert "differs from your reference: 7,000,000 people (&lt;img src=x onerror=alert(1)&gt;, 2020)" in markup
    assert "2.00 × this" in markup and "example row" not in markup


def test_cards_show_conflicts(make_article):
    art = make_article("5,000 troops head to the border", "The Pentagon will send 1,500 troops.")
    markup = figure_cards(art).markup
    assert "Disagrees with" in markup and 'href="#figure-' in markup


def test_no_figures_card(make_article):
    art = make_article("H", "Nothing to count here.")
    assert "No figures in this article." in figure_cards(art).markup


def test_format_value():
    assert format_value(1500.0) == "1,500"
    assert format_value(0.5, kind="other", unit="ratio") == "0.5 ratio"
    assert format_value(66.67, kind="percent", unit="%") == "66.67%"
    assert format_value(40e6, kind="money", unit="GBP") == "£40,000,000 (£40 million)"
    assert format_value(20.0, kind="money", unit="CHF") == "20 CHF"
    assert format_value(1.0, kind="duration", unit="day") == "1 day"


def test_figure_kinds_chart(seed, make_article):
    ch = figure_kinds_chart(figures(seed))
    d = ch.data
    assert set(d["status"]) == set(FIGURE_STATUSES) and d["figures"].sum() == 2
    assert d.set_index(["kind", "status"]).loc[("count", "sourced, hedged"), "figures"] == 1
    assert d.set_index(["kind", "status"]).loc[("count", "no source, hedged"), "figures"] == 1
    fig = to_plotly(ch)
    assert len(fig.data) == len(FIGURE_STATUSES)
    to_matplotlib(ch)
    empty = figure_kinds_chart(figures(make_article("H", "No numbers.")))
    assert empty.data["figures"].sum() == 0
    to_plotly(empty), to_matplotlib(empty)


def test_public_figures_chart(seed):
    p = public_figures(seed)
    ch = public_figures_chart(p, voice_by_sentence(seed), top=5)
    d = ch.data
    expected = set(p.head(5)["name"]) | set(p.loc[p["voiced"], "name"])  # the top 5 and everyone who speaks
    assert set(d["role"]) == set(VOICE_ROLES) and set(d["name"]) == expected and {"Trump", "Elon Musk"} <= expected
    assert d[d["name"] == "Elon Musk"].set_index("role").loc["paraphrased", "sentences"] == 1
    assert d.groupby("name", sort=False).size().eq(len(VOICE_ROLES)).all()
    trump = d[d["name"] == "Trump"].set_index("role")["sentences"]
    assert trump["named, not voiced"] == 6 and trump["quoted"] == 0  # not "Trump’s administration"
    assert to_plotly(ch).layout.title.text


def test_vague_quantities_chart(seed):
    ch = vague_quantities_chart(vague_quantities(seed))
    d = ch.data.set_index("category")
    assert d.loc["large", "uses"] >= 3 and "numerous" in d.loc["large", "terms"]
    assert d["uses"].sum() == len(vague_quantities(seed))


def test_reference_file_has_the_documented_columns():
    refs = reference_figures()
    assert list(refs.columns) == ["topic", "value", "unit", "source", "date", "url", "example", "note"]

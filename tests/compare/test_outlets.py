"""Outlets compared over corpus tables: per-article measures and bootstrap intervals, on tables built by hand."""

from __future__ import annotations

import math

import pandas as pd

from analysis.compare import outlets


def _tables():
    articles = pd.DataFrame({
        "article_id": ["a1", "a2", "a3", "b1"],
        "source": ["Daily A", "Daily A", "Daily A", None],
        "title": ["t1", "t2", "t3", "t4"],
        "n_words": [1000, 500, 0, 200],
        "mean_tone": [0.1, -0.3, 0.2, 0.0],
        "flesch_kincaid_grade": [10.0, 12.0, 8.0, 9.0],
    })
    attributions = pd.DataFrame({
        "article_id": ["a1", "a1", "a1", "a1", "a2", "a2", "b1"],
        "kind": ["named_person", "vague", "anonymous", "unattributed", "named_org", "named_person", "document"],
    })
    figures = pd.DataFrame({"article_id": ["a1", "a1", "a2"], "source": ["Census", None, ""]})
    loaded = pd.DataFrame({"article_id": ["a1", "a1", "a2", "b1"]})
    frames = pd.DataFrame({
        "article_id": ["a1", "a2", "a3", "b1", "a1"],
        "typology": ["generic", "generic", "generic", "generic", "policy"],
        "frame": ["conflict", "conflict", "morality", "conflict", "economic"],
        "label": ["Conflict", "Conflict", "Morality", "Conflict", "Economic"],
        "dominant": [True, True, True, True, False],
    })
    return {"articles": articles, "attributions": attributions, "figures": figures, "loaded": loaded,
            "frames": frames}


def test_article_measures_from_the_tables():
    m = outlets.article_measures(_tables()).set_index("article_id")
    assert m.loc["b1", "group"] == outlets.NO_GROUP and m.loc["a1", "group"] == "Daily A"
    assert m.loc["a1", "uncheckable_share"] == 75.0 and m.loc["a2", "uncheckable_share"] == 0.0
    assert m.loc["a1", "named_share"] == 25.0 and m.loc["b1", "named_share"] == 0.0
    assert math.isnan(m.loc["a3", "uncheckable_share"])  # nothing attributed: nothing to measure
    assert m.loc["a1", "unsourced_figure_share"] == 50.0 and m.loc["a2", "unsourced_figure_share"] == 100.0
    assert math.isnan(m.loc["b1", "unsourced_figure_share"])
    assert m.loc["a1", "loaded_per_1000"] == 2.0 and m.loc["b1", "loaded_per_1000"] == 5.0
    assert math.isnan(m.loc["a3", "loaded_per_1000"])  # no words


def test_bootstrap_interval_is_deterministic_and_contains_the_mean():
    values = [0.0, 1.0, 5.0, 9.0, 3.0, 4.0]
    first = outlets.bootstrap_ci(values)
    assert first == outlets.bootstrap_ci(values)
    mean, low, high = first
    assert low < mean < high and mean == sum(values) / len(values)
    wide = outlets.bootstrap_ci(values, level=0.99)
    assert wide[1] <= low and wide[2] >= high
    assert all(math.isnan(v) for v in outlets.bootstrap_ci([float("nan")]))


def test_group_comparison_counts_articles_and_flags_overlap():
    m = outlets.article_measures(_tables())
    c = outlets.group_comparison(m, n_boot=500)
    row = c[(c["group"] == "Daily A") & (c["measure"] == "uncheckable_share")].iloc[0]
    assert row["n_articles"] == 2 and row["mean"] == 37.5 and row["ci_low"] <= 37.5 <= row["ci_high"]
    single = c[(c["group"] == outlets.NO_GROUP) & (c["measure"] == "mean_tone")].iloc[0]
    assert single["n_articles"] == 1 and math.isnan(single["ci_low"]) and single["overlaps_all"]
    assert list(c["group"].drop_duplicates()) == ["Daily A", outlets.NO_GROUP]  # largest group first
    assert list(c["measure"].drop_duplicates()) == list(outlets.MEASURES)


def test_dominant_frame_shares():
    s = outlets.dominant_frame_shares(_tables(), n_boot=500)
    conflict = s[(s["frame"] == "conflict") & (s["group"] == "Daily A")].iloc[0]
    assert conflict["n_articles"] == 3 and round(conflict["share"], 6) == round(200 / 3, 6)
    assert set(s["frame"]) == {"conflict", "morality"}  # economic is never dominant: left out
    assert s[(s["frame"] == "conflict") & (s["group"] == outlets.NO_GROUP)]["share"].iloc[0] == 100.0

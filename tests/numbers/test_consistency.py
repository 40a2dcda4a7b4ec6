"""Figures that disagree (analysis.numbers.consistency)."""

from __future__ import annotations

import pytest

from analysis.numbers.consistency import consistency
from analysis.numbers.records import figures


def test_consistency_flags_headline_against_body(make_article):
    art = make_article("5,000 troops head to the border",
                       "The Pentagon will send 1,500 troops. Separately, 1,500 troops will stay home and 20 people watched.")
    c = consistency(art)
    assert c[["text_a", "text_b", "counts", "part_a"]].values.tolist() == [
        ["5,000", "1,500", "troops", "headline"], ["5,000", "1,500", "troops", "headline"]]
    assert "headline" in c["note"].iloc[0] and c["ratio"].tolist() == pytest.approx([0.3, 0.3])
    f = figures(art).set_index("id")
    assert f.loc[c["id_a"].iloc[0], "conflicts_with"] == c["id_b"].tolist()
    assert "people" not in set(c["counts"])


def test_consistency_ignores_ranges_that_overlap_and_other_things(make_article):
    art = make_article("H", "Between 1,000 and 2,000 troops went. Officials said 1,500 troops went. "
                            "Some 300 migrants came. 52 percent of students agreed. 43 percent of students disagreed.")
    assert consistency(art).empty  # overlapping range; different nouns; percentages in one part


def test_a_long_series_of_one_figure_is_compared_first_and_next_not_every_pair(make_article):
    """Forty body counts of troops, each different: every one is checked against the headline's, and each against
    the next, so the list grows with the article (40 + 39 pairs, not 820)."""
    body = " ".join(f"Then the army sent {1000 + 10 * w:,} troops." for w in range(1, 41))
    c = consistency(make_article("5 troops head to the border", body))
    headline_pairs = c[c["part_a"] == "headline"]
    assert len(headline_pairs) == 40 and set(headline_pairs["text_a"]) == {"5"}
    next_pairs = c[c["part_a"] != "headline"]
    assert len(next_pairs) == 39
    assert [(a, b) for a, b in zip(next_pairs["text_a"], next_pairs["text_b"])][:2] == [("1,010", "1,020"),
                                                                                         ("1,020", "1,030")]
    # a short series is still compared pair by pair
    short = consistency(make_article("H", " ".join(f"Then the army sent {100 * w} troops." for w in range(1, 5))))
    assert len(short) == 6

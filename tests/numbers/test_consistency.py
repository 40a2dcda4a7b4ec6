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

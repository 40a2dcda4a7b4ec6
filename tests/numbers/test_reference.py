"""Reference figures and the article's figures that match them (analysis.numbers.reference)."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.numbers.reference import reference_figures, reference_matches


def test_reference_table_ships_only_examples():
    refs = reference_figures()
    assert len(refs) >= 1 and refs["example"].all()
    assert refs["url"].str.startswith("https://").all()


def test_reference_match_on_seed(seed):
    m = reference_matches(seed)
    assert len(m) == 1
    row = m.iloc[0]
    assert row["text"] == "14 million" and row["example"] and row["ratio"] == pytest.approx(1.0)


def test_reference_matching_rules(make_article, tmp_path):
    refs = pd.DataFrame([
        {"topic": "undocumented population", "value": 11_000_000.0, "unit": "people", "source": "Test", "date": "2022",
         "url": "", "example": False, "note": ""},
        {"topic": "unemployment rate", "value": 4.0, "unit": "%", "source": "Test", "date": "2024", "url": "",
         "example": False, "note": ""},
    ])
    art = make_article("H", "The undocumented population stood at 14 million. The unemployment rate is 5%. "
                            "Some 300 undocumented immigrants left.")
    m = reference_matches(art, references=refs)
    assert m["text"].tolist() == ["14 million", "5%"]
    assert m["ratio"].tolist() == pytest.approx([14 / 11, 1.25])

"""Reference figures and the article's figures that match them (analysis.numbers.reference)."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.numbers.reference import reference_figures, reference_matches


def test_reference_table_ships_only_examples():
    refs = reference_figures()
    assert len(refs) >= 1 and refs["example"].all()
    assert refs["url"].str.startswith("https://").all()


def test_example_rows_are_never_matched(seed):
    # the shipped row (Pew's 14 million, marked example) counts exactly what the seed's "around 14 million" counts,
    # but it only shows the format: a report never matches it
    assert reference_matches(seed).empty
    shown = reference_matches(seed, include_examples=True)
    assert shown["text"].tolist() == ["14 million"] and shown["example"].all()


def test_a_checked_row_matches_and_agrees(seed):
    checked = reference_figures().assign(example=False)
    m = reference_matches(seed, references=checked)
    assert len(m) == 1
    row = m.iloc[0]
    assert row["text"] == "14 million" and not row["example"] and row["agrees"]
    assert row["ratio"] == pytest.approx(1.0) and row["reference_source"].startswith("Pew Research Center")


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
    assert m["agrees"].tolist() == [False, False]  # 27 % and 25 % apart: they differ


def test_agreement_tolerance(make_article):
    refs = pd.DataFrame([{"topic": "unemployment rate", "value": 4.1, "unit": "%", "source": "BLS", "date": "2024-06",
                          "url": "", "example": False, "note": ""}])
    art = make_article("H", "The unemployment rate is 4%.")
    assert reference_matches(art, references=refs)["agrees"].tolist() == [True]  # 2.4 % apart
    assert reference_matches(art, references=refs, tolerance=0.01)["agrees"].tolist() == [False]

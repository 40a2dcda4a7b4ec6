"""Numbers at the limits (issue 19, item 4): digit strings of any length and piles of scale words never overflow
(absurd values are kept as text, listed among the numbers that are not figures); signs are kept (hyphen-minus,
U+2212, "minus"); repeated scale words multiply once. Constructed sentences with known answers."""

from __future__ import annotations

import json
import math

import pytest

from analysis.numbers.parse import parse_number_words
from analysis.numbers.records import figures, numbers
from analysis.output.summary import build_summary


def rows(art) -> list[tuple]:
    n = numbers(art)
    return list(zip(n["text"], n["value"], n["kind"], n["unit"], n["is_figure"]))


@pytest.mark.parametrize("body", [
    "The debt was put at 1" + "0" * 309 + " dollars by the satirist.",
    "The debt was put at " + "9" * 400 + " million dollars by the satirist.",
    "A claim of " + "7" * 5000 + " people was made.",
    "They counted " + " ".join(["a million"] + ["million"] * 40) + " stars.",
])
def test_huge_numbers_never_overflow_and_are_kept_as_text(make_article, body):
    art = make_article("Big numbers", body)
    n = numbers(art)  # no OverflowError
    big = n[n["text"].str.len() > 60]
    assert len(big) == 1
    row = big.iloc[0]
    assert row["kind"] == "label" and not row["is_figure"] and "too large" in row["unit"] and math.isnan(row["value"])
    assert figures(art).empty or (figures(art)["text"].str.len() < 60).all()
    summary = build_summary(art)
    text = json.dumps(summary, allow_nan=False)  # valid JSON: no NaN, no inf
    assert "too large" in text
    listed = [r for r in summary["numbers_not_figures"] if r["text"] == row["text"]]
    assert listed and listed[0]["value"] is None


def test_a_large_but_real_value_is_still_a_figure(make_article):
    art = make_article("Debt", "World debt reached $300 trillion and 12,345,678,901,234 shares changed hands.")
    f = figures(art).set_index("text")
    assert f.loc["$300 trillion", "value"] == 3e14
    assert f.loc["12,345,678,901,234", "value"] == 12_345_678_901_234


def test_signs_are_kept(make_article):
    art = make_article("Signs", "Output fell −0.5 % in May. The firm reported -$5 billion in cash flow. "
                                "Overnight it was minus 3 degrees and -12°C on the hills; growth was -2.3%.")
    f = figures(art).set_index("text")
    assert f.loc["−0.5 %", "value"] == -0.5 and f.loc["−0.5 %", "kind"] == "percent"
    assert f.loc["-$5 billion", "value"] == -5e9 and f.loc["-$5 billion", "unit"] == "USD"
    assert f.loc["minus 3 degrees", "value"] == -3
    assert f.loc["-12°C", "value"] == -12 and f.loc["-12°C", "unit"] == "celsius"
    assert f.loc["-2.3%", "value"] == -2.3


def test_hyphens_that_are_not_signs(make_article):
    art = make_article("Ranges", "Ages 18-24 voted; the lens zooms 18 -55mm; COVID-19 spread.")
    f = figures(art).set_index("text")
    assert (f.loc["18-24", "value"], f.loc["18-24", "value_high"]) == (18, 24)
    assert (f["value"] >= 0).all()


def test_repeated_scale_words_multiply_once(make_article):
    assert parse_number_words("a thousand million") == 1e9
    assert parse_number_words("two million million") == 2e12
    assert parse_number_words("one hundred thousand") == 1e5
    assert parse_number_words("five thousand two hundred") == 5200
    art = make_article("Scales", "The plan cost a thousand million dollars, then two million million pounds; "
                                 "3 thousand million euros were lost.")
    f = figures(art).set_index("text")
    assert f.loc["a thousand million dollars", "value"] == 1e9
    assert f.loc["two million million pounds", "value"] == 2e12
    assert f.loc["3 thousand million euros", "value"] == 3e9


def test_long_chains_of_vague_magnitudes_never_overflow(make_article):
    art = make_article("Chains", "They spent " + "millions of " * 300 + "dollars, and thousands of people watched.")
    f = figures(art)  # no OverflowError
    assert f[["text", "value", "value_high"]].values.tolist() == [["thousands", 1000.0, 10000.0]]
    json.dumps(build_summary(art), allow_nan=False)

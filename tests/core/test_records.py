"""Rows to JSON-ready dicts: json_safe on NaN, infinity, NA and numpy scalars, records from a DataFrame, and
row_records from named-tuple rows."""

from __future__ import annotations

import json
import math
from collections import namedtuple

import numpy as np
import pandas as pd
import pytest

from analysis.core.records import json_safe, records, row_records


@pytest.mark.parametrize("value", [float("nan"), float("inf"), -float("inf"), np.float64("nan"), np.float32("inf"),
                                   pd.NA, pd.NaT, np.datetime64("NaT"), None])
def test_missing_and_infinite_values_become_none(value):
    assert json_safe(value) is None


@pytest.mark.parametrize("value, expected, kind", [
    (np.int64(3), 3, int), (np.int32(-7), -7, int), (np.float64(2.5), 2.5, float), (np.float32(1.5), 1.5, float),
    (np.bool_(True), True, bool), (np.bool_(False), False, bool),
])
def test_numpy_scalars_become_python_values(value, expected, kind):
    got = json_safe(value)
    assert got == expected and type(got) is kind


@pytest.mark.parametrize("value", ["text", "", 0, -4, 2 ** 70, True, False, 0.1, -1e300])
def test_plain_values_pass_through(value):
    got = json_safe(value)
    assert got == value and type(got) is type(value)


def test_containers_are_walked():
    got = json_safe({"a": np.nan, "b": [np.inf, np.int64(2), ("x", pd.NA)], "c": {"d": np.float64(0.5)}})
    assert got == {"a": None, "b": [None, 2, ["x", None]], "c": {"d": 0.5}}
    assert type(got["b"][1]) is int
    json.dumps(got, allow_nan=False)


def test_records_have_exactly_the_columns_asked_for():
    frame = pd.DataFrame({"a": [1, 2], "b": [np.nan, 2.5], "c": [["x"], None], "unused": ["p", "q"]})
    got = records(frame, ["b", "a", "missing", "c"])
    assert got == [{"b": None, "a": 1, "missing": None, "c": ["x"]}, {"b": 2.5, "a": 2, "missing": None, "c": None}]
    assert [list(r) for r in got] == [["b", "a", "missing", "c"]] * 2
    assert all(type(r["a"]) is int for r in got)
    json.dumps(got, allow_nan=False)


def test_records_of_nullable_and_empty_frames():
    frame = pd.DataFrame({"n": pd.array([1, None], dtype="Int64"), "f": [math.inf, 1.0]})
    assert records(frame, ["n", "f"]) == [{"n": 1, "f": None}, {"n": None, "f": 1.0}]
    assert records(frame.iloc[:0], ["n"]) == []
    assert records(frame, []) == [{}, {}]


def test_row_records_keep_the_rows_values():
    Row = namedtuple("Row", "term count score extra")
    rows = [Row("surge", 2, float("nan"), ("a",)), Row("raid", np.int64(1), 0.5, ())]
    got = row_records(rows, ["term", "count", "score", "extra"])
    assert got[0]["term"] == "surge" and got[0]["count"] == 2 and math.isnan(got[0]["score"]) and got[0]["extra"] == ("a",)
    assert got[1]["count"] is rows[1].count  # values as they are: json_safe makes them JSON-safe
    assert row_records(rows, ["count", "term"]) == [{"count": 2, "term": "surge"}, {"count": 1, "term": "raid"}]
    assert json_safe(got) == [{"term": "surge", "count": 2, "score": None, "extra": ["a"]},
                              {"term": "raid", "count": 1, "score": 0.5, "extra": []}]
    assert row_records([], ["term"]) == []
    with pytest.raises(AttributeError):
        row_records(rows, ["nope"])

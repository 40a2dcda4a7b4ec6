"""Rows to dicts: an analysis's named-tuple rows or a DataFrame as JSON-ready records."""

from __future__ import annotations

import math
from typing import Any, Iterable, Mapping

from .lazy import pandas as pd

__all__ = ["json_safe", "records", "row_records", "nested_get", "mapping_items"]


_PLAIN = frozenset({str, int, bool, type(None)})


def json_safe(value: Any) -> Any:
    """Make a value JSON-safe: NaN/NA become None, numpy scalars become Python numbers."""
    kind = type(value)
    if kind in _PLAIN:  # most values: nothing to do
        return value
    if kind is float:
        return value if math.isfinite(value) else None
    # containers: their plain items are kept without a call (a summary holds tens of thousands of them)
    if isinstance(value, dict):
        return {k: v if type(v) in _PLAIN else json_safe(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [v if type(v) in _PLAIN else json_safe(v) for v in value]
    if hasattr(value, "item") and not isinstance(value, (str, bytes)):
        try:
            value = value.item()
        except (ValueError, AttributeError):
            pass
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if type(value).__name__ in ("NAType", "NaTType"):  # pandas' missing values, known without importing pandas
        return None
    return value


def records(frame: pd.DataFrame, columns: list[str]) -> list[dict[str, Any]]:
    """Rows of ``frame`` as dicts with exactly ``columns`` (missing columns are None)."""
    values = [frame[c].tolist() if c in frame.columns else [None] * len(frame) for c in columns]
    return [{c: json_safe(v) for c, v in zip(columns, row)} for row in zip(*values)] if columns else [{} for _ in range(len(frame))]


def row_records(rows: Iterable[tuple], fields: list[str]) -> list[dict[str, Any]]:
    """Named-tuple rows (an analysis's cached rows) as dicts with exactly ``fields``, values as in the rows;
    :func:`json_safe` makes them JSON-safe.

    >>> from collections import namedtuple
    >>> Row = namedtuple("Row", "term count extra")
    >>> row_records([Row("surge", 2, None)], ["term", "count"])
    [{'term': 'surge', 'count': 2}]
    """
    return [{f: getattr(r, f) for f in fields} for r in rows]


def nested_get(mapping: Any, *keys: str, default: Any = None) -> Any:
    """``mapping[k1][k2]...`` of a JSON summary, or ``default`` when any level is missing or not a mapping (summaries
    of other versions are read without raising).

    >>> nested_get({"a": {"b": 1}}, "a", "b"), nested_get({"a": [1]}, "a", "b", default=0)
    (1, 0)
    """
    for key in keys:
        if not isinstance(mapping, Mapping) or key not in mapping:
            return default
        mapping = mapping[key]
    return mapping


def mapping_items(value: Any) -> list[Mapping[str, Any]]:
    """The mappings of a list read from a JSON summary ([] when it is not a list; other items are skipped).

    >>> mapping_items([{"a": 1}, 2, None]), mapping_items("x")
    ([{'a': 1}], [])
    """
    return [r for r in value if isinstance(r, Mapping)] if isinstance(value, list) else []

"""The article's analysis as one JSON-ready dict (what `python -m analysis summary` prints)."""

from __future__ import annotations

import math
from typing import Any, Iterable

import pandas as pd

from . import figures as figures_module
from . import framing, language
from .article import Article
from .config import VERSION

__all__ = ["build_summary", "records", "row_records"]


def _clean(value: Any) -> Any:
    """Make a value JSON-safe: NaN/NA become None, numpy scalars become Python numbers."""
    kind = type(value)
    if kind is str or kind is int or kind is bool or value is None:  # most values: nothing to do
        return value
    if kind is float:
        return value if math.isfinite(value) else None
    if isinstance(value, dict):
        return {k: _clean(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_clean(v) for v in value]
    if hasattr(value, "item") and not isinstance(value, (str, bytes)):
        try:
            value = value.item()
        except (ValueError, AttributeError):
            pass
    if isinstance(value, float) and not math.isfinite(value):
        return None
    try:
        if value is pd.NA or value is pd.NaT:
            return None
    except TypeError:
        pass
    return value


def records(frame: pd.DataFrame, columns: list[str]) -> list[dict[str, Any]]:
    """Rows of ``frame`` as dicts with exactly ``columns`` (missing columns are None)."""
    values = [frame[c].tolist() if c in frame.columns else [None] * len(frame) for c in columns]
    return [{c: _clean(v) for c, v in zip(columns, row)} for row in zip(*values)] if columns else [{} for _ in range(len(frame))]


def row_records(rows: Iterable[tuple], fields: list[str]) -> list[dict[str, Any]]:
    """Named-tuple rows (an analysis's cached rows) as dicts with exactly ``fields``, values as in the rows;
    :func:`build_summary` makes them JSON-safe.

    >>> from collections import namedtuple
    >>> Row = namedtuple("Row", "term count extra")
    >>> row_records([Row("surge", 2, None)], ["term", "count"])
    [{'term': 'surge', 'count': 2}]
    """
    return [{f: getattr(r, f) for f in fields} for r in rows]


def build_summary(article: Article) -> dict[str, Any]:
    """Every measure of the article, JSON-ready. Field names are stable; later versions only add fields.

    Each analysis module contributes its own section (``summary_section``).
    """
    return _clean({
        "article": {
            "slug": article.slug,
            "title": article.title,
            "standfirst": article.standfirst,
            "metadata": article.metadata,
            "warnings": list(article.warnings),
            **language.size(article),
        },
        "language": language.summary_section(article),
        "framing": framing.summary_section(article),
        **figures_module.summary_section(article),
        "version": VERSION,
    })

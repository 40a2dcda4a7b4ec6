"""Figures that disagree: pairs that count the same thing with values that do not overlap."""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

from analysis.core.lazy import pandas as pd

from ..core.article import Article
from .records import conflict_pairs, number_rows

__all__ = ["consistency", "conflict_rows", "Conflict", "CONSISTENCY_COLUMNS"]

CONSISTENCY_COLUMNS = [
    "counts", "kind", "unit", "id_a", "sentence_a", "part_a", "text_a", "value_a",
    "id_b", "sentence_b", "part_b", "text_b", "value_b", "ratio", "note",
]

class Conflict(NamedTuple):
    """Two figures that count the same thing with values that do not overlap: a row of :func:`consistency`."""

    counts: str | None
    kind: str
    unit: str
    id_a: str
    sentence_a: str
    part_a: str
    text_a: str
    value_a: float
    id_b: str
    sentence_b: str
    part_b: str
    text_b: str
    value_b: float
    ratio: float | None
    note: str


def consistency(article: Article) -> pd.DataFrame:
    """Pairs of figures that count the same thing (same kind, unit and head noun of ``counts``) with
    values that do not overlap — e.g. a total in the headline against another in the body.

    Columns: counts, kind, unit, id_a, sentence_a, part_a, text_a, value_a, id_b, sentence_b,
    part_b, text_b, value_b, ratio (value_b / value_a), note. Figures in the same sentence are
    not compared (that is usually a comparison or a breakdown, not a contradiction).

    >>> from analysis.core.article import parse_article
    >>> a = parse_article("5,000 troops head to border\\n\\nThe Pentagon will send 1,500 troops. Officials said 20 people watched.")
    >>> consistency(a)[["text_a", "text_b", "counts"]].values.tolist()
    [['5,000', '1,500', 'troops']]

    :func:`conflict_rows` gives the same rows as tuples.
    """
    return pd.DataFrame(list(_conflict_rows(article)), columns=CONSISTENCY_COLUMNS)


@lru_cache(maxsize=16)
def _conflict_rows(article: Article) -> tuple[Conflict, ...]:
    rows = number_rows(article)
    by_id = {r.id: r for r in rows}
    out = []
    for x, y, note in conflict_pairs(rows):
        rx, ry = by_id[x], by_id[y]
        ratio = ry.value / rx.value if rx.value else None
        out.append(Conflict(ry.counts if len(str(ry.counts)) <= len(str(rx.counts)) else rx.counts, rx.kind, rx.unit,
                            x, rx.sentence_id, rx.part, rx.text, rx.value,
                            y, ry.sentence_id, ry.part, ry.text, ry.value, ratio, note))
    return tuple(out)


def conflict_rows(article: Article) -> tuple[Conflict, ...]:
    """The rows of :func:`consistency` as :class:`Conflict` tuples, in the same order. Cached per article."""
    return _conflict_rows(article)



"""Tidy tables of one article for corpus mode: every record of the JSON summary as rows keyed by ``article_id``.

:func:`article_tables` turns one article's summary into ``{table name: [row, ...]}``; every row starts with
``article_id`` (and ``sentence_id`` where the record has one). Each table has a fixed schema
(:data:`TABLE_SCHEMAS`: column name and type), so part files written by different processes, machines or runs
always concatenate: a record field that the schema does not name is kept, JSON-encoded, in the ``extra`` column;
lists and dicts (sentence ids, aliases, cues) are JSON text. Pure functions: no file is read or written here.
"""

from __future__ import annotations

import hashlib
import json
import math
from typing import Any, Iterable, Mapping, Sequence

from ..core.article import Article
from ..core.records import mapping_items, nested_get
from .corpus import METRIC_COLUMNS, metrics_from_summary

__all__ = [
    "TABLE_NAMES",
    "TABLE_SCHEMAS",
    "ARTICLE_FIELDS",
    "text_sha256",
    "article_tables",
    "error_row",
    "typed_rows",
    "columns",
]

#: Article fields a table input (or the article header) may carry; they go to the ``articles`` table.
ARTICLE_FIELDS = ("title", "source", "url", "date", "author", "language")

S, I, F, B = "string", "int64", "float64", "bool"

_METRIC_TYPES = {
    "n_words": I, "n_sentences": I, "n_paragraphs": I, "flesch_reading_ease": F, "flesch_kincaid_grade": F,
    "mean_tone": F, "n_figures": I, "n_named_sources": I, "n_anonymous_sources": I, "n_vague_sources": I,
    "n_attributions": I, "n_actors": I, "n_warnings": I,
}

_SPAN = [("sentence_id", S), ("term", S), ("start", I), ("end", I)]

#: Column name and type of every table, in order (``article_id`` first; ``extra`` last).
TABLE_SCHEMAS: dict[str, list[tuple[str, str]]] = {
    "articles": [
        ("article_id", S), ("text_sha256", S), ("input", S),
        *[(c, _METRIC_TYPES.get(c, S)) for c in METRIC_COLUMNS if c not in ("title", "source", "date")],
        ("title", S), ("source", S), ("url", S), ("date", S), ("author", S), ("language", S),
        ("n_body_words", I), ("gunning_fog", F), ("smog_index", F), ("coleman_liau_index", F),
        ("dale_chall_readability_score", F), ("n_loaded", I), ("n_hedges", I), ("n_boosters", I),
        ("n_passives", I), ("n_quotes", I), ("version", S),
    ],
    "sentences": [
        ("article_id", S), ("sentence_id", S), ("index", I), ("paragraph", I), ("part", S), ("start", I),
        ("end", I), ("n_words", I), ("tone", F), ("n_loaded", I), ("n_hedges", I), ("n_boosters", I),
        ("n_modals", I), ("n_passives", I), ("n_attributions", I), ("n_figures", I), ("text", S),
    ],
    "figures": [
        ("article_id", S), ("sentence_id", S), ("id", S), ("text", S), ("value", F), ("value_high", F),
        ("unit", S), ("kind", S), ("counts", S), ("approximation", S), ("bound", S), ("rounded", B),
        ("time", S), ("source", S), ("source_kind", S), ("start", I), ("end", I), ("conflicts_with", S),
    ],
    "attributions": [
        ("article_id", S), ("sentence_id", S), ("source", S), ("kind", S), ("mode", S), ("cue", S),
        ("words", I), ("resolved_name", S), ("as_written", S), ("resolution", S), ("text", S),
    ],
    "quotes": [("article_id", S), ("sentence_id", S), ("speaker", S), ("kind", S), ("text", S)],
    "sources": [
        ("article_id", S), ("source", S), ("kind", S), ("count", I), ("quotes", I), ("words", I),
        ("share", F), ("sentence_ids", S),
    ],
    "actors": [
        ("article_id", S), ("name", S), ("kind", S), ("mentions", I), ("as_agent", I), ("as_patient", I),
        ("aliases", S), ("sentence_ids", S),
    ],
    "public_figures": [
        ("article_id", S), ("name", S), ("type", S), ("mentions", I), ("first_sentence", S), ("quoted", I),
        ("paraphrased", I), ("voiced", B), ("mean_tone", F), ("descriptors", S), ("aliases", S),
    ],
    "frames": [
        ("article_id", S), ("typology", S), ("group", S), ("frame", S), ("label", S), ("score", F), ("evidence", F),
        ("head_score", F), ("body_score", F), ("weight", F), ("dominant", B), ("measured", B), ("absent", B),
        ("sentence_ids", S), ("cues", S), ("questions", S), ("questions_yes", S),
    ],
    "terms": [
        ("article_id", S), ("term", S), ("category", S), ("count", I), ("in_quotes", I), ("signals", S),
        ("sentence_ids", S),
    ],
    "loaded": [*[("article_id", S)], *_SPAN, ("entry", S), ("category", S), ("intensity", F), ("reason", S)],
    "hedges": [*[("article_id", S)], *_SPAN, ("list", S), ("subcategory", S), ("stance", S)],
    "passives": [
        ("article_id", S), ("sentence_id", S), ("text", S), ("kind", S), ("agent", S), ("start", I), ("end", I),
    ],
    "vague_quantities": [("article_id", S), ("sentence_id", S), ("term", S), ("category", S), ("matched", S)],
    "numbers_not_figures": [
        ("article_id", S), ("sentence_id", S), ("id", S), ("text", S), ("value", F), ("value_high", F), ("kind", S),
        ("reason", S), ("start", I), ("end", I),
    ],
    "errors": [("article_id", S), ("text_sha256", S), ("input", S), ("error", S)],
}
for _columns in TABLE_SCHEMAS.values():
    if _columns[-1][0] != "extra":
        _columns.append(("extra", S))

#: Table names in the order they are written.
TABLE_NAMES = tuple(TABLE_SCHEMAS)


def text_sha256(text: str) -> str:
    """The sha256 of the article text (UTF-8), the default ``article_id`` and the resume check.

    >>> text_sha256("abc")[:12]
    'ba7816bf8f01'
    """
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()




def _cell(value: Any, kind: str) -> Any:
    """One value converted to its column's type; None when it cannot be (never raises)."""
    if value is None:
        return None
    if kind == S:
        if isinstance(value, str):
            return value
        if isinstance(value, (list, dict, tuple)):
            return json.dumps(value, ensure_ascii=False, sort_keys=True)
        return str(value)
    if kind == B:
        return bool(value) if isinstance(value, (bool, int)) else None
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    if kind == I:
        return int(value) if not isinstance(value, float) or math.isfinite(value) else None
    return float(value) if math.isfinite(float(value)) else None


_EXACT = {S: str, I: int, B: bool}


def typed_rows(table: str, records: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """Rows of ``table`` with exactly its schema's columns, values converted to the column types;
    fields the schema does not name go, JSON-encoded, to ``extra`` (None when there are none).

    >>> typed_rows("terms", [{"article_id": "a", "term": "x", "count": 2, "new_field": [1]}])[0]["extra"]
    '{"new_field": [1]}'
    """
    schema = TABLE_SCHEMAS[table]
    names = {name for name, _ in schema}
    # a value already of its column's exact type is kept as it is (what _cell would return), without a call
    columns = [(name, kind, _EXACT.get(kind)) for name, kind in schema if name != "extra"]
    out = []
    for rec in records:
        extra = {k: v for k, v in rec.items() if k not in names}
        row = {}
        for name, kind, exact in columns:
            v = rec.get(name)
            row[name] = v if type(v) is exact else _cell(v, kind)
        row["extra"] = json.dumps(extra, ensure_ascii=False, sort_keys=True, default=str) if extra else None
        out.append(row)
    return out


def _keyed(article_id: str, records: Iterable[Mapping[str, Any]], **fixed: Any) -> list[dict[str, Any]]:
    return [{"article_id": article_id, **fixed, **rec} for rec in records]


def _sentence_rows(article_id: str, summary: Mapping[str, Any], article: Article | None) -> list[dict]:
    language, framing = nested_get(summary, "language", default={}), nested_get(summary, "framing", default={})
    counts: dict[str, dict[str, int]] = {}

    def count(name: str, records: Any) -> None:
        for rec in mapping_items(records):
            sid = rec.get("sentence_id")
            if isinstance(sid, str):
                per = counts.setdefault(sid, {})
                per[name] = per.get(name, 0) + 1

    for name, records in (("n_loaded", nested_get(language, "loaded")), ("n_hedges", nested_get(language, "hedges")),
                          ("n_boosters", nested_get(language, "boosters")), ("n_modals", nested_get(language, "modals")),
                          ("n_passives", nested_get(language, "passives")),
                          ("n_attributions", nested_get(framing, "attributions")), ("n_figures", nested_get(summary, "figures"))):
        count(name, records)
    tone_ids = nested_get(language, "tone", "sentence_ids", default=[]) or []
    tone_values = nested_get(language, "tone", "compound", default=[]) or []
    tone = dict(zip(tone_ids, tone_values)) if isinstance(tone_ids, list) and isinstance(tone_values, list) else {}
    rows = []
    for s in article.sentences if article is not None else ():
        per = counts.get(s.id, {})
        rows.append({
            "article_id": article_id, "sentence_id": s.id, "index": s.index, "paragraph": s.paragraph,
            "part": s.part, "start": s.start, "end": s.end, "n_words": len(s.text.split()), "tone": tone.get(s.id),
            **{name: per.get(name, 0) for name in ("n_loaded", "n_hedges", "n_boosters", "n_modals", "n_passives",
                                                   "n_attributions", "n_figures")},
            "text": s.text,
        })
    return rows


def article_tables(
    summary: Mapping[str, Any],
    *,
    article_id: str,
    text_hash: str,
    input_name: str = "",
    fields: Mapping[str, Any] | None = None,
    article: Article | None = None,
) -> dict[str, list[dict[str, Any]]]:
    """Every table's rows for one article, typed to :data:`TABLE_SCHEMAS` (``errors`` empty).

    ``fields`` are the article fields given by a table input (title, source, url, date, author,
    language); they win over the header's. ``article`` (the parsed article) gives the ``sentences``
    table its offsets and text; without it that table is empty.
    """
    fields = dict(fields or {})
    language, framing = nested_get(summary, "language", default={}), nested_get(summary, "framing", default={})
    meta = nested_get(summary, "article", "metadata", default={}) or {}
    metrics = metrics_from_summary(summary, file=input_name)
    readability = nested_get(language, "readability", default={}) or {}
    article_row = {
        "article_id": article_id, "text_sha256": text_hash, "input": input_name,
        **{k: v for k, v in metrics.items() if k not in ("title", "source", "date")},
        **{k: (fields.get(k) or nested_get(meta, k) or (metrics.get(k) if k in metrics else None) or None)
           for k in ARTICLE_FIELDS},
        "title": fields.get("title") or metrics.get("title") or None,
        "n_body_words": nested_get(summary, "article", "n_body_words"),
        **{k: readability.get(k) for k in ("gunning_fog", "smog_index", "coleman_liau_index",
                                             "dale_chall_readability_score")},
        "n_loaded": len(mapping_items(nested_get(language, "loaded"))), "n_hedges": len(mapping_items(nested_get(language, "hedges"))),
        "n_boosters": len(mapping_items(nested_get(language, "boosters"))), "n_passives": len(mapping_items(nested_get(language, "passives"))),
        "n_quotes": len(mapping_items(nested_get(framing, "quotes"))), "version": nested_get(summary, "version"),
    }
    stance = [
        *[{**r, "list": "hedge"} for r in _keyed(article_id, mapping_items(nested_get(language, "hedges")))],
        *[{**r, "list": "booster"} for r in _keyed(article_id, mapping_items(nested_get(language, "boosters")))],
        *[{**r, "list": "modal"} for r in _keyed(article_id, mapping_items(nested_get(language, "modals")))],
    ]
    stance.sort(key=lambda r: (r.get("start") if isinstance(r.get("start"), int) else -1, str(r.get("list"))))
    raw: dict[str, list[Mapping[str, Any]]] = {
        "articles": [article_row],
        "sentences": _sentence_rows(article_id, summary, article),
        "figures": _keyed(article_id, mapping_items(nested_get(summary, "figures"))),
        "attributions": _keyed(article_id, mapping_items(nested_get(framing, "attributions"))),
        "quotes": _keyed(article_id, mapping_items(nested_get(framing, "quotes"))),
        "sources": _keyed(article_id, mapping_items(nested_get(framing, "sources"))),
        "actors": _keyed(article_id, mapping_items(nested_get(framing, "actors"))),
        "public_figures": _keyed(article_id, mapping_items(nested_get(summary, "public_figures"))),
        "frames": _keyed(article_id, mapping_items(nested_get(framing, "frames"))),
        "terms": _keyed(article_id, mapping_items(nested_get(framing, "terms"))),
        "loaded": _keyed(article_id, mapping_items(nested_get(language, "loaded"))),
        "hedges": stance,
        "passives": _keyed(article_id, mapping_items(nested_get(language, "passives"))),
        "vague_quantities": _keyed(article_id, mapping_items(nested_get(summary, "vague_quantities"))),
        "numbers_not_figures": _keyed(article_id, mapping_items(nested_get(summary, "numbers_not_figures"))),
        "errors": [],
    }
    return {name: typed_rows(name, raw[name]) for name in TABLE_NAMES}


def error_row(article_id: str, text_hash: str, input_name: str, error: str) -> dict[str, list[dict[str, Any]]]:
    """The tables of an article that failed: one ``errors`` row, every other table empty."""
    tables: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLE_NAMES}
    tables["errors"] = typed_rows("errors", [{"article_id": article_id, "text_sha256": text_hash,
                                              "input": input_name, "error": error}])
    return tables


def columns(table: str) -> Sequence[str]:
    """The column names of ``table``, in order."""
    return [name for name, _ in TABLE_SCHEMAS[table]]

"""Contested terms ("illegal immigrant", "undocumented", "sanctuary", "crackdown"...) in an article: which it uses, how often, whether inside quotation marks, their alternatives, the side each usually signals and the style-guide note (glossary: data/lexicons/terminology.csv)."""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

from analysis.core.lazy import pandas as pd

from ..core.article import Article
from ..core.lexicons import find_terms, lexicon_rows, load_lexicon
from ..core.tokens import sentence_words
from .quote_marks import in_quotes
from .quotes import quotation_rows

__all__ = [
    "glossary",
    "term_uses",
    "terms",
    "signal_balance",
    "SIGNALS",
    "TermUse",
    "Term",
    "term_use_rows",
    "term_rows",
]

#: Values of the glossary's ``signals`` column, in display order.
SIGNALS = ("restrictionist", "pro_immigrant", "neutral", "contested", "loaded", "euphemistic")


@lru_cache(maxsize=1)
def _glossary() -> pd.DataFrame:
    lex = load_lexicon("terminology")
    lex["alternatives"] = lex["alternatives"].fillna("").map(
        lambda v: [a.strip() for a in str(v).split(";") if a.strip()])
    lex["style_note"] = lex["style_note"].fillna("")
    return lex.reset_index(drop=True)


def glossary(*, category: str | None = None) -> pd.DataFrame:
    """The editable glossary of contested terms.

    Columns: term, category (immigration, general), source, version, referent, alternatives
    (list), signals, style_note (empty when no style guide has ruled).

    >>> g = glossary()
    >>> g.set_index("term").loc["undocumented", "signals"]
    'pro_immigrant'
    """
    g = _glossary()
    if category is not None:
        g = g[g["category"] == category]
    return g.reset_index(drop=True).copy()


_USE_COLUMNS = ["term", "category", "matched", "sentence_id", "part", "start", "end", "in_quotes", "quote_kind",
                "speaker", "signals"]


class TermUse(NamedTuple):
    """One row of :func:`term_uses` (same fields, same order)."""

    term: str
    category: str
    matched: str  # as written
    sentence_id: str
    part: str
    start: int
    end: int
    in_quotes: bool
    quote_kind: str  # direct, scare or ""
    speaker: str | None  # of the quotation, if known
    signals: str


_TERM_COLUMNS = ["term", "category", "count", "in_quotes", "in_direct_quotes", "in_scare_quotes", "own_words",
                 "forms", "sentence_ids", "signals", "alternatives", "style_note", "referent"]


class Term(NamedTuple):
    """One row of :func:`terms` (same fields, same order). The lists are shared by the cache: read
    them, do not change them."""

    term: str
    category: str
    count: int
    in_quotes: int
    in_direct_quotes: int
    in_scare_quotes: int
    own_words: int
    forms: list[str]
    sentence_ids: list[str]
    signals: str
    alternatives: list[str]
    style_note: str
    referent: str


@lru_cache(maxsize=1)
def _glossary_index() -> tuple[tuple[tuple[str, str], ...], dict[tuple[str, str], tuple[str, list[str], str, str]]]:
    """The glossary's (term, category) pairs, for :func:`analysis.core.lexicons.find_terms`, and per pair
    the (signals, alternatives, style_note, referent) of its first row."""
    info: dict[tuple[str, str], tuple[str, list[str], str, str]] = {}
    for r in lexicon_rows("terminology"):
        alternatives = [a.strip() for a in r.get("alternatives", "").split(";") if a.strip()]
        info.setdefault((r["term"], r["category"]),
                        (r["signals"], alternatives, r.get("style_note", ""), r.get("referent", "")))
    return tuple(sorted(info)), info


def term_uses(article: Article) -> pd.DataFrame:
    """Every use of a glossary term, in reading order (the longest term wins: "undocumented
    immigrants" is one use of ``undocumented immigrant*``, not also of ``undocumented``).

    Columns: term, category, matched (as written), sentence_id, part, start, end, in_quotes,
    quote_kind (direct, scare or ""), speaker (of the quotation, if known), signals.
    Computed once per article (cached); a copy is returned.
    """
    return _term_uses(article).copy()


@lru_cache(maxsize=16)
def _term_uses(article: Article) -> pd.DataFrame:
    return pd.DataFrame(term_use_rows(article), columns=_USE_COLUMNS)


@lru_cache(maxsize=16)
def term_use_rows(article: Article) -> tuple[TermUse, ...]:
    """The rows of :func:`term_uses` as :class:`TermUse` tuples, ordered by offset then term.
    Cached and shared: the pandas-free way to read term uses."""
    pairs, info = _glossary_index()
    part = {s.id: s.part for s in article.sentences}
    # one quotation per span, so a span's offsets find its quotation
    by_span = {(q.start, q.end): (q.kind, q.speaker) for q in quotation_rows(article)}
    rows = []
    toks = sentence_words(article)
    for m in find_terms(article, pairs):
        if m.i_start >= 0 and toks[m.sentence_id].in_name(m.i_start, m.i_end):
            continue  # a name is no word choice: "the Refugee Council", "the Capitol riot"
        span = in_quotes(article, m.start, m.end)
        kind, speaker = by_span[(span.start, span.end)] if span is not None else ("", None)
        rows.append(TermUse(m.term, m.category, m.matched, m.sentence_id, part[m.sentence_id], m.start, m.end,
                            kind != "", kind, speaker, info[(m.term, m.category)][0]))
    return tuple(sorted(rows, key=lambda u: (u.start, u.term)))


def terms(article: Article, *, category: str | None = None) -> pd.DataFrame:
    """The contested terms the article uses, most used first.

    ``in_quotes`` counts uses inside any quotation marks (someone else's words, or a scare quote
    that holds the term at a distance); ``own_words`` the uses in the article's own voice.
    Columns: term, category, count, in_quotes, in_direct_quotes, in_scare_quotes, own_words, forms
    (as written), sentence_ids, signals, alternatives, style_note, referent.

    >>> from analysis.core.article import parse_article
    >>> a = parse_article('News\\n\\nUndocumented immigrants fear a crackdown. Cities called "sanctuaries" object.')
    >>> terms(a)[["term", "count", "in_quotes"]].values.tolist()
    [['crackdown*', 1, 0], ['sanctuaries', 1, 1], ['undocumented immigrant*', 1, 0]]
    """
    return pd.DataFrame(term_rows(article, category), columns=_TERM_COLUMNS)


@lru_cache(maxsize=16)
def term_rows(article: Article, category: str | None) -> tuple[Term, ...]:
    """The rows of :func:`terms` as :class:`Term` tuples, in the same order (most used first, then
    by term and category). Cached and shared."""
    _, info = _glossary_index()
    by_term: dict[tuple[str, str], list[TermUse]] = {}
    for u in term_use_rows(article):
        if category is None or u.category == category:
            by_term.setdefault((u.term, u.category), []).append(u)
    order = {s.id: s.index for s in article.sentences}
    rows = []
    for (term, cat), grp in by_term.items():
        signals, alternatives, style_note, referent = info[(term, cat)]
        n_q = sum(u.in_quotes for u in grp)
        rows.append(Term(term, cat, len(grp), n_q, sum(u.quote_kind == "direct" for u in grp),
                         sum(u.quote_kind == "scare" for u in grp), len(grp) - n_q, sorted({u.matched for u in grp}),
                         sorted({u.sentence_id for u in grp}, key=order.get), signals, list(alternatives), style_note,
                         referent))
    return tuple(sorted(rows, key=lambda t: (-t.count, t.term, t.category)))


def signal_balance(article: Article) -> pd.DataFrame:
    """How many term uses lean each way, in the article's own words and inside quotations.

    Columns: signals, own_words, in_quotes, terms (distinct terms). Every signal value is listed.
    """
    found = term_rows(article, None)
    rows = []
    for sig in SIGNALS:
        sub = [t for t in found if t.signals == sig]
        rows.append((sig, sum(t.own_words for t in sub), sum(t.in_quotes for t in sub), [t.term for t in sub]))
    return pd.DataFrame(rows, columns=["signals", "own_words", "in_quotes", "terms"])

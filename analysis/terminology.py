"""Contested terms ("illegal immigrant", "undocumented", "sanctuary", "crackdown"...) in an article: which it uses, how often, whether inside quotation marks, their alternatives, the side each usually signals and the style-guide note (glossary: data/lexicons/terminology.csv)."""

from __future__ import annotations

from functools import lru_cache

import pandas as pd

from .article import Article
from .lexicons import load_lexicon, match_terms
from .quotes import in_quotes, quotations

__all__ = ["glossary", "term_uses", "terms", "signal_balance", "SIGNALS"]

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
    g = _glossary()
    m = match_terms(article, g)
    if m.empty:
        return pd.DataFrame(columns=_USE_COLUMNS)
    info = g.drop_duplicates(["term", "category"]).set_index(["term", "category"])["signals"]
    m = m.join(info, on=["term", "category"])
    part = {s.id: s.part for s in article.sentences}
    m["part"] = m["sentence_id"].map(part)
    q = quotations(article)  # one row per quotation span, so a span's offsets find its row
    by_span = {(a, b): (kind, speaker) for a, b, kind, speaker in zip(q["start"], q["end"], q["kind"], q["speaker"])}
    kinds, speakers = [], []
    for a, b in zip(m["start"], m["end"]):
        span = in_quotes(article, a, b)
        kind, speaker = by_span[(span.start, span.end)] if span is not None else ("", None)
        kinds.append(kind)
        speakers.append(speaker)
    m["quote_kind"] = kinds
    m["speaker"] = speakers
    m["in_quotes"] = m["quote_kind"] != ""
    return m[_USE_COLUMNS].sort_values(["start", "term"], kind="mergesort").reset_index(drop=True)


_TERM_COLUMNS = ["term", "category", "count", "in_quotes", "in_direct_quotes", "in_scare_quotes", "own_words",
                 "forms", "sentence_ids", "signals", "alternatives", "style_note", "referent"]


def terms(article: Article, *, category: str | None = None) -> pd.DataFrame:
    """The contested terms the article uses, most used first.

    ``in_quotes`` counts uses inside any quotation marks (someone else's words, or a scare quote
    that holds the term at a distance); ``own_words`` the uses in the article's own voice.
    Columns: term, category, count, in_quotes, in_direct_quotes, in_scare_quotes, own_words, forms
    (as written), sentence_ids, signals, alternatives, style_note, referent.

    >>> from analysis.article import parse_article
    >>> a = parse_article('News\\n\\nUndocumented immigrants fear a crackdown. Cities called "sanctuaries" object.')
    >>> terms(a)[["term", "count", "in_quotes"]].values.tolist()
    [['crackdown*', 1, 0], ['sanctuaries', 1, 1], ['undocumented immigrant*', 1, 0]]
    """
    uses = term_uses(article)
    if category is not None:
        uses = uses[uses["category"] == category]
    if uses.empty:
        return pd.DataFrame(columns=_TERM_COLUMNS)
    g = _glossary().drop_duplicates(["term", "category"]).set_index(["term", "category"])
    order = {s.id: s.index for s in article.sentences}
    rows = []
    for (term, cat), grp in uses.groupby(["term", "category"], sort=True):
        info = g.loc[(term, cat)]
        n_q = int(grp["in_quotes"].sum())
        rows.append((term, cat, len(grp), n_q, int((grp["quote_kind"] == "direct").sum()),
                     int((grp["quote_kind"] == "scare").sum()), len(grp) - n_q,
                     sorted(set(grp["matched"])), sorted(set(grp["sentence_id"]), key=order.get), info["signals"],
                     list(info["alternatives"]), info["style_note"], info["referent"]))
    out = pd.DataFrame(rows, columns=_TERM_COLUMNS)
    return out.sort_values(["count", "term"], ascending=[False, True], kind="mergesort").reset_index(drop=True)


def signal_balance(article: Article) -> pd.DataFrame:
    """How many term uses lean each way, in the article's own words and inside quotations.

    Columns: signals, own_words, in_quotes, terms (distinct terms). Every signal value is listed.
    """
    t = terms(article)
    rows = []
    for sig in SIGNALS:
        sub = t[t["signals"] == sig] if not t.empty else t
        rows.append((sig, int(sub["own_words"].sum()) if len(sub) else 0, int(sub["in_quotes"].sum()) if len(sub) else 0,
                     list(sub["term"]) if len(sub) else []))
    return pd.DataFrame(rows, columns=["signals", "own_words", "in_quotes", "terms"])

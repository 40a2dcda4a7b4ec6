"""Stance: hedges, boosters and modal verbs, and their rates per 1,000 words."""

from __future__ import annotations

from functools import lru_cache

from analysis.core.lazy import pandas as pd

from ..core.article import Article
from ..core.lexicons import find_terms, lexicon_rows, lexicon_terms
from ..core.tokens import sentence_words
from .names import headline_name_positions
from .stance_context import (
    NUMBER_WORDS,
    booster_in_context,
    hedge_in_context,
    if_subcategory,
    is_epistemic_must,
    is_modal_use,
)
from .words import size

__all__ = [
    "stance_markers",
    "stance_rates",
    "STANCE_LABELS",
    "stance_rows",
    "modal_verb_rows",
    "hedge_in_context",
    "booster_in_context",
    "NUMBER_WORDS",
    "stance_rate_rows",
]

# ---------------------------------------------------------------- hedges, boosters, modality (rules: stance_context)

#: Display labels of the stance categories.
STANCE_LABELS: dict[str, str] = {"hedge": "Hedges", "booster": "Boosters", "modal": "Modal verbs"}

STANCE_COLUMNS = ["term", "category", "subcategory", "matched", "sentence_id", "start", "end"]


def stance_markers(article: Article) -> pd.DataFrame:
    """Hedges, boosters and modal verbs from ``data/lexicons/hedges_boosters.csv``, each with its sentence.

    Each word is counted once. Hedges and boosters are matched together (a multi-word cue counts
    once and the longest match wins: "it is possible that" is one hedge, "no doubt" a booster and
    not also the hedge "doubt"). A modal verb that hedges ("may", "might", "could", "would") is a
    hedge with subcategory ``modal``; the epistemic "must" ("it must be true", "must have known")
    is a booster with subcategory ``modal``; every other modal verb ("will", "should", the
    obligation "must") is a ``modal`` row. Hedge subcategories: ``modal``, ``speculative``,
    ``doxastic`` (believed, considered, is thought to), ``reporting`` (alleged, reportedly),
    ``investigation`` (whether), ``conditional`` (if, unless) and ``approximator`` (around,
    about, an estimated — only before a number); the context rules are those of
    :func:`hedge_in_context`.
    Columns: term, category (hedge, booster, modal), subcategory, matched, sentence_id, start,
    end. In reading order.

    >>> from analysis.core.article import parse_article
    >>> a = parse_article("News\\n\\nI may go in May. It is possible that it will rain.")
    >>> stance_markers(a)[["term", "category", "subcategory"]].values.tolist()
    [['may', 'hedge', 'modal'], ['it is possible that', 'hedge', 'speculative'], ['will', 'modal', 'prediction']]
    """
    frame = pd.DataFrame(stance_rows(article), columns=STANCE_COLUMNS)
    return frame.astype({"start": "int64", "end": "int64"})


@lru_cache(maxsize=16)
def stance_rows(article: Article) -> tuple[tuple[str, str, str, str, str, int, int], ...]:
    """The rows of :func:`stance_markers` (columns ``STANCE_COLUMNS``), in its order."""
    sub = {(r["term"], r["category"]): r.get("subcategory", "") for r in lexicon_rows("hedges_boosters")}
    toks = sentence_words(article)
    names = headline_name_positions(article)

    def in_headline_name(m) -> bool:  # "Theresa May", "Will Ferrell" in a title-case line
        found = names[m.sentence_id]
        return found is not None and all(k in found for k in range(m.i_start, m.i_end))

    rows = []
    stance_tokens: set[tuple[str, int]] = set()  # (sentence, token) of a hedge or booster
    for m in find_terms(article, lexicon_terms("hedges_boosters", ("hedge", "booster"))):
        subcat = sub.get((m.term, m.category), "")
        t = toks[m.sentence_id]
        if in_headline_name(m):
            continue
        if m.category == "hedge" and not hedge_in_context(m.term, subcat, t, m.i_start, m.i_end):
            continue
        if m.term == "if":
            subcat = if_subcategory(t, m.i_start)
        if m.category == "booster" and subcat == "modal" and not (
                is_modal_use(m.term, t, m.i_start) and (m.term != "must" or is_epistemic_must(t, m.i_start))):
            continue
        if m.category == "booster" and subcat != "modal" and not booster_in_context(m.term, t, m.i_start, m.i_end):
            continue
        rows.append((m.term, m.category, subcat, m.matched, m.sentence_id, m.start, m.end))
        stance_tokens.update((m.sentence_id, k) for k in range(m.i_start, m.i_end))
    for m in find_terms(article, lexicon_terms("hedges_boosters", ("modal",))):
        if (m.sentence_id, m.i_start) in stance_tokens or in_headline_name(m) \
                or not is_modal_use(m.term, toks[m.sentence_id], m.i_start):
            continue
        rows.append((m.term, m.category, sub.get((m.term, m.category), ""), m.matched, m.sentence_id, m.start, m.end))
    order = {c: i for i, c in enumerate(STANCE_LABELS)}
    rows.sort(key=lambda r: (r[5], order[r[1]]))  # start, then hedge, booster, modal; stable
    return tuple(rows)


def modal_verb_rows(article: Article) -> tuple[tuple[str, str, str, str, str, int, int], ...]:
    """Every modal verb of the article, whether it hedges, boosts or neither: the ``modal`` rows of
    :func:`stance_rows` and its hedge and booster rows of subcategory ``modal`` (same columns)."""
    return tuple(r for r in stance_rows(article) if r[1] == "modal" or r[2] == "modal")


def stance_rates(article: Article, markers: pd.DataFrame | None = None) -> pd.DataFrame:
    """How often the article hedges, boosts and uses modal verbs, per 1,000 words.

    Columns: category, label, count, per_1000, n_sentences (sentences with at least one),
    sentence_ids. One row per category (hedge, booster, modal); rates are 0 without words.
    """
    if markers is None:
        rows = stance_rate_rows(article)
    else:
        rows = _rates(list(zip(markers["category"], markers["sentence_id"])), size(article)["n_words"])
    return pd.DataFrame([(*r[:5], list(r[5])) for r in rows],
                        columns=["category", "label", "count", "per_1000", "n_sentences", "sentence_ids"])


@lru_cache(maxsize=16)
def stance_rate_rows(article: Article) -> tuple[tuple[str, str, int, float, int, list[str]], ...]:
    """The rows of :func:`stance_rates` for the article's own markers (the id lists are shared: treat as read-only)."""
    return _rates([(r[1], r[4]) for r in stance_rows(article)], size(article)["n_words"])


def _rates(markers: list[tuple[str, str]], n_words: int) -> tuple[tuple[str, str, int, float, int, list[str]], ...]:
    """Rows of :func:`stance_rates` from (category, sentence_id) of each marker."""
    rows = []
    for cat, label in STANCE_LABELS.items():
        sids_all = [sid for c, sid in markers if c == cat]
        sids = list(dict.fromkeys(sids_all))
        per = round(len(sids_all) * 1000 / n_words, 2) if n_words else 0.0
        rows.append((cat, label, len(sids_all), per, len(sids), sids))
    return tuple(rows)

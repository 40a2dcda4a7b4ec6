"""Outlets compared over a corpus: per-article measures from corpus mode's tidy tables, and group means with
bootstrap confidence intervals, so that small differences between outlets are not oversold.

Every function takes the tables as pandas DataFrames (``analysis.output.corpus_tables.read_table`` reads them) and
returns a tidy DataFrame. The bootstrap resamples *articles* (the unit a researcher samples), with a fixed seed, so the
same tables always give the same intervals.
"""

from __future__ import annotations

from typing import Mapping, Sequence

from analysis.core.lazy import numpy as np
from analysis.core.lazy import pandas as pd

__all__ = [
    "NO_GROUP",
    "UNCHECKABLE_KINDS",
    "MEASURES",
    "bootstrap_ci",
    "article_measures",
    "group_comparison",
    "dominant_frame_shares",
    "interval_text",
]

#: Label of the articles whose group column is empty.
NO_GROUP = "(no outlet given)"
#: Attribution kinds a reader cannot check: no source, an unnamed one, or a vague one.
UNCHECKABLE_KINDS = ("unattributed", "anonymous", "vague")
#: The per-article measures compared across groups, with a short label for a reader (unit included).
MEASURES: dict[str, str] = {
    "uncheckable_share": "Claims a reader cannot check (%)",
    "named_share": "Claims credited to a named source (%)",
    "unsourced_figure_share": "Figures with no source (%)",
    "mean_tone": "Mean tone (VADER, −1 to +1)",
    "loaded_per_1000": "Loaded words per 1,000 words",
    "flesch_kincaid_grade": "Reading grade (Flesch–Kincaid)",
}


def bootstrap_ci(values: Sequence[float] | np.ndarray, *, n_boot: int = 2000, level: float = 0.95,
                 seed: int = 20261205) -> tuple[float, float, float]:
    """Mean of ``values`` and its percentile bootstrap interval (NaN values dropped; all NaN when none are left; the
    interval is NaN for a single value, which says nothing about its spread).

    >>> bootstrap_ci([1.0, 1.0, 1.0])
    (1.0, 1.0, 1.0)
    >>> bootstrap_ci([4.0])
    (4.0, nan, nan)
    >>> mean, low, high = bootstrap_ci([0.0, 10.0, 2.0, 8.0, 5.0])
    >>> mean, low <= mean <= high, 0.0 <= low and high <= 10.0
    (5.0, True, True)
    """
    x = np.asarray([v for v in values if v is not None], dtype=float)
    x = x[~np.isnan(x)]
    if x.size == 0:
        return (float("nan"),) * 3
    mean = float(x.mean())
    if x.size == 1:
        return mean, float("nan"), float("nan")
    rng = np.random.default_rng(seed)
    means = x[rng.integers(0, x.size, size=(n_boot, x.size))].mean(axis=1)
    alpha = (1 - level) / 2
    low, high = np.quantile(means, [alpha, 1 - alpha])
    return mean, float(low), float(high)


def _group_of(articles: pd.DataFrame, group: str) -> pd.Series:
    col = articles[group] if group in articles.columns else pd.Series([None] * len(articles), index=articles.index)
    return col.fillna("").astype(str).str.strip().replace("", NO_GROUP)


def article_measures(tables: Mapping[str, pd.DataFrame], *, group: str = "source") -> pd.DataFrame:
    """One row per article: article_id, group, title, n_words and the :data:`MEASURES` (NaN where an article has
    nothing to measure, e.g. no figures).

    ``group`` names the column of the ``articles`` table that groups articles (``source`` = the outlet).
    """
    articles = tables["articles"]
    out = pd.DataFrame({
        "article_id": articles["article_id"].astype(str),
        "group": _group_of(articles, group),
        "title": articles["title"].fillna("").astype(str),
        "n_words": pd.to_numeric(articles["n_words"], errors="coerce"),
        "mean_tone": pd.to_numeric(articles["mean_tone"], errors="coerce"),
        "flesch_kincaid_grade": pd.to_numeric(articles["flesch_kincaid_grade"], errors="coerce"),
    })
    att = tables.get("attributions", pd.DataFrame(columns=["article_id", "kind"]))
    by_kind = pd.crosstab(att["article_id"], att["kind"]) if len(att) else pd.DataFrame()
    total = by_kind.sum(axis=1) if len(by_kind) else pd.Series(dtype=float)

    def share(kinds: Sequence[str]) -> pd.Series:
        if not len(by_kind):
            return pd.Series(np.nan, index=out.index)
        hits = by_kind[[k for k in kinds if k in by_kind.columns]].sum(axis=1)
        pct = (100.0 * hits / total.where(total > 0)).reindex(out["article_id"])
        return pd.Series(pct.to_numpy(), index=out.index)

    out["uncheckable_share"] = share(UNCHECKABLE_KINDS)
    out["named_share"] = share(("named_person", "named_org"))
    figs = tables.get("figures", pd.DataFrame(columns=["article_id", "source"]))
    if len(figs):
        unsourced = figs.assign(u=figs["source"].fillna("").astype(str).str.strip().eq(""))
        per = unsourced.groupby("article_id")["u"].mean() * 100.0
        out["unsourced_figure_share"] = per.reindex(out["article_id"]).to_numpy()
    else:
        out["unsourced_figure_share"] = np.nan
    loaded = tables.get("loaded", pd.DataFrame(columns=["article_id"]))
    n_loaded = loaded.groupby("article_id").size().reindex(out["article_id"]).fillna(0).to_numpy()
    out["loaded_per_1000"] = np.where(out["n_words"] > 0, 1000.0 * n_loaded / out["n_words"], np.nan)
    return out.sort_values(["group", "article_id"], kind="mergesort").reset_index(drop=True)


def group_comparison(measures: pd.DataFrame, *, n_boot: int = 2000, level: float = 0.95) -> pd.DataFrame:
    """Per group and measure: n_articles (with a value), mean, ci_low, ci_high, and ``overlaps_all`` — whether
    the group's interval overlaps the interval of all articles together (then the difference is not shown to be
    real). Rows: groups by size (largest first, ties by name), measures in :data:`MEASURES` order."""
    rows = []
    sizes = measures.groupby("group").size()
    order = sorted(sizes.index, key=lambda g: (-sizes[g], g))
    for measure, label in MEASURES.items():
        _, all_low, all_high = bootstrap_ci(measures[measure], n_boot=n_boot, level=level)
        for g in order:
            values = measures.loc[measures["group"] == g, measure].dropna()
            mean, low, high = bootstrap_ci(values, n_boot=n_boot, level=level)
            rows.append({
                "group": g, "measure": measure, "label": label, "n_articles": int(values.size), "mean": mean,
                "ci_low": low, "ci_high": high,
                # a single article has no interval: it cannot be told apart from the rest
                "overlaps_all": bool(values.size) and not (low > all_high or high < all_low),
            })
    return pd.DataFrame(rows, columns=["group", "measure", "label", "n_articles", "mean", "ci_low", "ci_high",
                                       "overlaps_all"])


def dominant_frame_shares(tables: Mapping[str, pd.DataFrame], *, group: str = "source", n_boot: int = 2000,
                          level: float = 0.95) -> pd.DataFrame:
    """Per group and frame: the share (%) of the group's articles in which the frame is dominant, with its bootstrap
    interval; frames dominant in no article are left out. Columns: group, typology, frame, label, n_articles,
    share, ci_low, ci_high."""
    articles = tables["articles"]
    groups = pd.DataFrame({"article_id": articles["article_id"].astype(str), "group": _group_of(articles, group)})
    frames = tables.get("frames", pd.DataFrame(columns=["article_id", "typology", "frame", "label", "dominant"]))
    dom = frames[frames["dominant"].fillna(False).astype(bool)] if len(frames) else frames
    rows = []
    keys = dom[["typology", "frame", "label"]].drop_duplicates().sort_values(["typology", "frame"]) if len(dom) else []
    for _, key in (keys.iterrows() if len(dom) else ()):
        hit_ids = set(dom.loc[(dom["typology"] == key["typology"]) & (dom["frame"] == key["frame"]), "article_id"])
        for g, members in groups.groupby("group", sort=True):
            values = [100.0 if a in hit_ids else 0.0 for a in members["article_id"]]
            mean, low, high = bootstrap_ci(values, n_boot=n_boot, level=level)
            rows.append({"group": g, "typology": key["typology"], "frame": key["frame"], "label": key["label"],
                         "n_articles": len(values), "share": mean, "ci_low": low, "ci_high": high})
    return pd.DataFrame(rows, columns=["group", "typology", "frame", "label", "n_articles", "share", "ci_low",
                                       "ci_high"])


def interval_text(mean: float, low: float, high: float, n: int, *, digits: int = 0, unit: str = "") -> str:
    """``mean`` with its interval in words, for a sentence in a report.

    >>> interval_text(48.6, 27.0, 71.9, 8, unit="%")
    '49% (95% interval 27–72%, 8 articles)'
    >>> interval_text(42.0, float("nan"), float("nan"), 1, unit="%")
    '42% (one article: no interval)'
    """
    def f(v: float) -> str:
        return f"{v:.{digits}f}{unit}"

    if n < 2 or low != low or high != high:
        return f"{f(mean)} (one article: no interval)" if n == 1 else f"{f(mean)} ({n} articles: no interval)"
    return f"{f(mean)} (95% interval {low:.{digits}f}–{f(high)}, {n} articles)"

"""Reference figures the user has checked (data/reference/figures.csv) and the article's figures that match them."""

from __future__ import annotations

from analysis.core.lazy import pandas as pd

from ..core.article import Article
from ..core.config import REFERENCE_DIR
from ..core.io import read_lexicon
from .parse import CURRENCY_SYMBOLS
from .records import counts_key, figures

__all__ = ["reference_figures", "reference_matches", "REFERENCE_COLUMNS", "AGREEMENT"]

REFERENCE_COLUMNS = ["topic", "value", "unit", "source", "date", "url", "example", "note"]

# ---------------------------------------------------------------- reference figures


def reference_figures(*, directory=None) -> pd.DataFrame:
    """The user-maintained reference figures (``data/reference/figures.csv``).

    Columns: topic (alternatives separated by ``|``), value (float), unit, source, date, url,
    example (True for the documented examples shipped with the project), note. Rows without a
    numeric value are dropped.
    """
    try:
        raw = read_lexicon("figures", directory=directory or REFERENCE_DIR)
    except FileNotFoundError:
        return pd.DataFrame(columns=REFERENCE_COLUMNS)
    if raw.empty:
        return pd.DataFrame(columns=REFERENCE_COLUMNS)
    for col in REFERENCE_COLUMNS:
        if col not in raw.columns:
            raw[col] = ""
    out = raw[REFERENCE_COLUMNS].copy()
    out["value"] = pd.to_numeric(out["value"].str.replace(",", "", regex=False).str.strip(), errors="coerce")
    out["example"] = out["example"].fillna("").str.strip().str.lower().isin(["yes", "true", "1", "y"])
    out = out[out["value"].notna() & out["topic"].fillna("").str.strip().ne("")]
    return out.reset_index(drop=True)


def _unit_compatible(fig_kind: str, fig_unit: str, ref_unit: str) -> bool:
    """Whether a figure's normalised unit matches a reference's: percentages and proportions are shares (a
    proportion matches a "%" or "proportion" reference), money compares currency codes, measures unit names."""
    ref = (ref_unit or "").strip()
    if fig_kind in ("percent", "proportion"):
        return ref in ("%", "percent", "per cent", "proportion", "share")
    if fig_kind == "money":
        return ref.upper() == (fig_unit or "").upper()
    if fig_kind == "count":
        return ref not in ("%", "percent", "per cent") and ref.upper() not in CURRENCY_SYMBOLS.values()
    return ref.lower() == (fig_unit or "").lower()


#: How far apart (relative to the reference) an article's figure and a reference may be and still agree: 5 %,
#: the rounding of "around 14 million" against 14.3 million.
AGREEMENT = 0.05


def reference_matches(article: Article, *, references: pd.DataFrame | None = None, include_examples: bool = False,
                      tolerance: float = AGREEMENT) -> pd.DataFrame:
    """Figures whose ``counts`` matches a reference topic, with the reference value and the ratio.

    A topic matches when, for one of its ``|``-separated alternatives, the figure's counts ends
    with the same words (head noun compared by lemma), and the units agree (``%`` for percentages,
    the currency code for money, anything else for counts). Example rows (``example`` true: they show
    the table's format and were not checked) are never matched unless ``include_examples``.
    Columns: id, sentence_id, text, value, counts, topic, reference_value, reference_unit,
    reference_source, reference_date, reference_url, example, ratio (figure value / reference value),
    agrees (the two are within ``tolerance`` of the reference value).
    """
    refs = reference_figures() if references is None else references
    if not include_examples and len(refs) and "example" in refs.columns:
        refs = refs[~refs["example"].fillna(False).astype(bool)]
    cols = ["id", "sentence_id", "text", "value", "counts", "topic", "reference_value", "reference_unit",
            "reference_source", "reference_date", "reference_url", "example", "ratio", "agrees"]
    figs = figures(article)
    rows = []
    if refs.empty or figs.empty:
        return pd.DataFrame(rows, columns=cols)
    for f in figs.itertuples(index=False):
        key = counts_key(f.counts)
        if not key:
            continue
        for r in refs.itertuples(index=False):
            alts = [counts_key(t.strip()) for t in str(r.topic).split("|") if t.strip()]
            if not any(alt and alt[-1] == key[-1] and key[len(key) - len(alt):] == alt if len(alt) <= len(key) else False for alt in alts):
                continue
            if not _unit_compatible(f.kind, f.unit, r.unit):
                continue
            value = float(f.value)
            if f.kind == "proportion" and str(r.unit).strip() in ("%", "percent", "per cent"):
                value *= 100  # a proportion against a percentage reference: one scale
            elif f.kind == "percent" and str(r.unit).strip() in ("proportion", "share"):
                value /= 100
            ratio = value / float(r.value) if r.value else None
            agrees = ratio is not None and abs(ratio - 1.0) <= tolerance
            rows.append((f.id, f.sentence_id, f.text, float(f.value), f.counts, r.topic, float(r.value), r.unit,
                         r.source, r.date, r.url, bool(getattr(r, "example", False)), ratio, agrees))
    return pd.DataFrame(rows, columns=cols)



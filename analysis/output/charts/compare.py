"""Chart specs for the comparison notebook: frame profiles, tone arcs, sourcing mix, terminology and distinctive words across articles (each a Chart from analysis.output.charts.engine)."""

from __future__ import annotations

from dataclasses import replace

from analysis.core.lazy import pandas as pd

from ...compare.outlets import UNCHECKABLE_KINDS
from .engine import Chart, bar_chart
from .palette import CATEGORY_LABELS

__all__ = [
    "frame_profile_chart",
    "tone_arcs_chart",
    "sourcing_chart",
    "terminology_chart",
    "distinctive_words_chart",
    "top_frames",
]


def top_frames(profiles: pd.DataFrame, *, n: int = 15) -> pd.DataFrame:
    """The ``n`` frames with the highest score in any article (frames no article shows are left out),
    with every article's score for them. Rows keep the order of ``profiles`` (typology, then frame).

    Columns: article, typology, frame, label, score, n_cues, frame_label ("Typology · Label").
    """
    cols = ["article", "typology", "frame", "label", "score", "n_cues", "frame_label"]
    if profiles.empty:
        return pd.DataFrame(columns=cols)
    d = profiles.copy()
    best = d.groupby(["typology", "frame"], sort=False)["score"].max()
    best = best[best > 0]
    keep = best.reset_index().sort_values(["score", "typology", "frame"], ascending=[False, True, True], kind="mergesort").head(n)
    chosen = set(zip(keep["typology"], keep["frame"]))
    d = d[[(t, f) in chosen for t, f in zip(d["typology"], d["frame"])]].copy()
    d["frame_label"] = [f"{str(t).capitalize()} · {lab}" if t else str(lab) for t, lab in zip(d["typology"], d["label"])]
    return d[cols].reset_index(drop=True)


def frame_profile_chart(profiles: pd.DataFrame, *, id: str = "compare-frames", n: int = 8) -> Chart:
    """Heat map: frames (rows) by article (columns), darker where the article's frame score is higher."""
    d = top_frames(profiles, n=n)
    basis = set(profiles["basis"]) if "basis" in profiles and len(profiles) else set()
    unit = "cue weight per 1,000 words" if basis == {"lexicon"} else "frame score"
    return Chart(id=id, kind="heatmap", data=d, x="article", y="frame_label", color="score",
                 title="Frame profiles side by side", x_label="Article", y_label="Frame (typology · frame)",
                 caption=f"Cell value: {unit}. Frames: Semetko & Valkenburg 2000 (generic), Boydstun et al. 2014 "
                         "(policy), Mendelsohn et al. 2021 (immigration); cue words: article-lens.")


def tone_arcs_chart(arcs: pd.DataFrame, *, id: str = "compare-tone-arcs") -> Chart:
    """Heat map: each article (row) through its length in tenths (columns), valued by mean VADER compound."""
    d = arcs[["article", "bin", "position", "mean_compound", "n_sentences"]].copy() if len(arcs) else \
        pd.DataFrame(columns=["article", "bin", "position", "mean_compound", "n_sentences"])
    d = d.sort_values(["bin"], kind="mergesort")  # columns in reading order; rows keep first appearance
    order = list(dict.fromkeys(arcs["article"])) if len(arcs) else []
    # a heat map draws its first row at the bottom: the articles go in reverse so the first reads on top
    d["_o"] = d["article"].map({a: -i for i, a in enumerate(order)})
    d = d.sort_values(["bin", "_o"], kind="mergesort").drop(columns="_o").reset_index(drop=True)
    return Chart(id=id, kind="heatmap", data=d, x="position", y="article", color="mean_compound",
                 title="Tone through each article", x_label="Position in the article (share of its sentences)",
                 y_label="Article",
                 caption="Cell value: mean VADER compound of the sentences in that part (−1 negative … +1 positive; "
                         "Hutto & Gilbert 2014). Compare where each article turns negative.")


def sourcing_chart(mix: pd.DataFrame, *, id: str = "compare-sourcing") -> Chart:
    """Stacked bars: each article's attributions by kind, as a share of its attributions; the article whose claims
    a reader can least check (anonymous, vague or credited to no one) on top."""
    cols = ["article", "kind", "count", "share"]
    d = mix[cols].copy() if len(mix) else pd.DataFrame(columns=cols)
    if len(d):
        unclear = d[d["kind"].isin(UNCHECKABLE_KINDS)].groupby("article", sort=False)["share"].sum()
        first = {a: i for i, a in enumerate(dict.fromkeys(d["article"]))}
        d["_u"] = d["article"].map(unclear).fillna(0.0)
        d["_o"] = d["article"].map(first)
        d = d.sort_values(["_u", "_o"], ascending=[False, True], kind="mergesort").drop(columns=["_u", "_o"])
        d["kind"] = [CATEGORY_LABELS.get(k, k) for k in d["kind"]]  # the legend in words, the colours kept
    chart = bar_chart(d, id=id, label="article", value="share", color="kind", title="Who gets credited for claims",
                      x_label="Share of the article's attributions (%)", y_label="Article",
                      hover=("article", "kind", "count", "share"),
                      caption="Least checkable first: the share of claims that are anonymous (\"officials said\"), "
                              "vague (\"reports suggest\") or credited to no one. Other kinds: named person or "
                              "organisation, document.")
    return replace(chart, sort=False)


def terminology_chart(choices: pd.DataFrame, *, id: str = "compare-terminology", shared_only: bool = True) -> Chart:
    """Heat map: the contested terms (rows) each article (columns) uses, by count; with ``shared_only``,
    only terms for referents that at least two articles name."""
    cols = ["article", "term_label", "count", "group", "signals"]
    d = choices.copy()
    if shared_only and len(d):
        d = d[d["n_articles"] >= 2]
    if d.empty:
        d = pd.DataFrame(columns=cols)
    else:
        d["term_label"] = [f"{t} ({s})" if s else t for t, s in zip(d["term"], d["signals"])]
        d = d[cols]
    return Chart(id=id, kind="heatmap", data=d.reset_index(drop=True), x="article", y="term_label", color="count",
                 title="Words chosen for the same things", x_label="Article",
                 y_label="Term (side it signals)",
                 caption="Terms from data/lexicons/terminology.csv, grouped by what they name; rows of one group are adjacent.")


def distinctive_words_chart(words: pd.DataFrame, *, id: str = "compare-distinctive-words", top: int = 5) -> Chart:
    """Bars: the ``top`` most distinctive words of each article (log-likelihood against the others), coloured by article."""
    cols = ["label", "article", "term", "log_likelihood", "count", "count_rest"]
    d = words[words["rank"] <= top].copy() if len(words) else pd.DataFrame(columns=cols)
    if len(d):
        d["label"] = [f"{t} · {a}" for t, a in zip(d["term"], d["article"])]
        d = d[cols]
    return bar_chart(d, id=id, label="label", value="log_likelihood", color="article",
                     title="Words that set each article apart", x_label="Log-likelihood G² against the other articles",
                     y_label="Word · article", hover=("term", "article", "count", "count_rest", "log_likelihood"),
                     caption="G² ≥ 3.84 means p < 0.05, ≥ 10.83 p < 0.001 (Dunning 1993; Rayson & Garside 2000).")

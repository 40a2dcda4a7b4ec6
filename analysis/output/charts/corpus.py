"""Chart specs for the corpus notebook: outlets compared on one measure, with bootstrap intervals as error bars."""

from __future__ import annotations

from analysis.core.lazy import pandas as pd

from .engine import Chart

__all__ = ["outlet_measure_chart", "frame_share_chart"]


def outlet_measure_chart(comparison: pd.DataFrame, measure: str, *, id: str | None = None) -> Chart:
    """Horizontal bars: each group's mean of ``measure`` (rows of ``group_comparison``), highest first, with its
    95% bootstrap interval; the label carries the number of articles behind it."""
    d = comparison[(comparison["measure"] == measure) & (comparison["n_articles"] > 0)].copy()
    label = str(d["label"].iloc[0]) if len(d) else measure
    d["outlet"] = [f"{g} (n={n})" for g, n in zip(d["group"], d["n_articles"])]
    d = d.sort_values(["mean", "group"], ascending=[False, True], kind="mergesort").reset_index(drop=True)
    d = d[["outlet", "group", "n_articles", "mean", "ci_low", "ci_high"]]
    return Chart(id=id or f"corpus-{measure.replace('_', '-')}", kind="barh", data=d, x="mean", y="outlet",
                 title=f"{label}, by outlet", x_label=label, y_label="Outlet (articles)",
                 hover=("n_articles", "ci_low", "ci_high"), interval=("ci_low", "ci_high"),
                 caption="Bars: mean over the outlet's articles; whiskers: 95% bootstrap interval (2,000 resamples of "
                         "articles; none for one article). Overlapping whiskers: the difference may be chance.")


def frame_share_chart(shares: pd.DataFrame, *, id: str = "corpus-frames", top: int = 10) -> Chart:
    """Horizontal bars: the share of articles in which each frame is dominant, over all groups together, for the
    ``top`` most frequent frames (rows of ``dominant_frame_shares`` summed over groups)."""
    if shares.empty:
        d = pd.DataFrame(columns=["frame_label", "n_dominant", "n_articles", "share"])
    else:
        s = shares.assign(n_dominant=shares["share"] * shares["n_articles"] / 100.0)
        d = s.groupby(["typology", "label"], sort=True).agg(n_dominant=("n_dominant", "sum"),
                                                            n_articles=("n_articles", "sum")).reset_index()
        d["share"] = 100.0 * d["n_dominant"] / d["n_articles"]
        d["n_dominant"] = d["n_dominant"].round().astype(int)
        d["frame_label"] = [f"{str(t).capitalize()} · {lab}" for t, lab in zip(d["typology"], d["label"])]
        d = d.sort_values(["share", "frame_label"], ascending=[False, True], kind="mergesort").head(top)
        d = d[["frame_label", "n_dominant", "n_articles", "share"]].reset_index(drop=True)
    return Chart(id=id, kind="barh", data=d, x="share", y="frame_label", title="Dominant frames across the corpus",
                 x_label="Articles in which the frame is dominant (%)", y_label="Frame (typology · frame)",
                 hover=("n_dominant", "n_articles"),
                 caption="A frame is dominant in an article when the framing analysis marks it so (see 02-framing).")

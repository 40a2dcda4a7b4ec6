"""Chart builders for the framing notebook: frame profile, head against body, sentence-by-frame heat map, who the article names, who acts and who is acted upon, how claims are attributed, sourcing ledger, contested terms. Each returns a Chart spec (see analysis.output.charts.engine)."""

from __future__ import annotations

from analysis.core.lazy import pandas as pd

from ...core.article import Article
from ...framing.attribution import ATTRIBUTION_KINDS
from ...framing.frames import TYPOLOGIES
from .engine import Chart, bar_chart

__all__ = [
    "actors_chart",
    "sources_chart",
    "frame_label",
    "frame_profile_chart",
    "frame_head_body_chart",
    "frame_heatmap_chart",
    "agency_chart",
    "source_share_chart",
    "terms_chart",
]

_TYPOLOGY_SHORT = {"policy": "Policy", "generic": "Generic", "immigration": "Immigration"}


def frame_label(typology: str, label: str) -> str:
    """``Policy: Security and defense``: a frame's label with its typology, for chart axes."""
    return f"{_TYPOLOGY_SHORT.get(typology, typology)}: {label}"


def frame_profile_chart(profile: pd.DataFrame, *, id: str = "frame-profile") -> Chart:
    """Evidence of every measured frame (its counted cue weight per 100 words), grouped by typology, strongest first
    within each; empty bars are absent frames. The policy frames' ranking score (``score``, which adds how common
    a frame is in news) is in the hover, not in the bar length, so a bar never shows a frame the text does not use."""
    d = profile[profile["measured"]].copy()
    d["frame_label"] = [frame_label(t, lab) for t, lab in zip(d["typology"], d["label"])]
    order = list(TYPOLOGIES)
    d["_order"] = [order.index(t) if t in order else len(order) for t in d["typology"]]
    d = d.sort_values(["_order", "evidence", "rank"], ascending=[True, False, True], kind="mergesort")
    d["typology"] = d["typology"].map(_TYPOLOGY_SHORT)
    d["cue_words"] = [", ".join(c[:6]) for c in d["cues"]]
    d["sentences"] = [", ".join(s) for s in d["sentence_ids"]]
    d = d[["frame_label", "typology", "frame", "evidence", "score", "weight", "dominant", "absent", "cue_words",
           "sentences"]]
    return bar_chart(d, id=id, label="frame_label", value="evidence", color="typology", sentences="sentences",
                     title="Frame profile: how strongly the article uses each frame",
                     x_label="Frame cue weight per 100 words", y_label="Frame (typology: frame)",
                     hover=("frame_label", "evidence", "score", "weight", "cue_words", "sentences"),
                     caption="Bars: counted cue weight per 100 words (1 = weak cue, 2 = strong cue). Policy frames are "
                             "ranked by a score that also weighs how common each frame is in news "
                             "(data/lexicons/frames_calibration.csv). Frames: MFC policy frames (Card et al. 2015), "
                             "generic frames (Semetko & Valkenburg 2000), immigration frames (Mendelsohn et al. "
                             "2021); cue words: article-lens.")


def frame_head_body_chart(head: pd.DataFrame, body: pd.DataFrame, *, id: str = "frame-head-body") -> Chart:
    """Heat map of frame evidence (cue weight per 100 words) in the head (teaser, headline, standfirst) and in the
    body; frames used in either."""
    h = head.set_index(["typology", "frame"])
    b = body.set_index(["typology", "frame"])
    used = [k for k in h.index if h.loc[k, "weight"] > 0 or b.loc[k, "weight"] > 0]
    rows = []
    for typ, frame in used:
        lab = frame_label(typ, h.loc[(typ, frame), "label"])
        rows.append((lab, "Headline and standfirst", float(h.loc[(typ, frame), "evidence"])))
        rows.append((lab, "Body", float(b.loc[(typ, frame), "evidence"])))
    d = pd.DataFrame(rows, columns=["frame_label", "section", "evidence"])
    return Chart(id=id, kind="heatmap", data=d, x="section", y="frame_label", color="evidence",
                 title="Frames in the headline and standfirst against the body",
                 x_label="Part of the article", y_label="Frame (typology: frame)",
                 caption="Cell: frame cue weight per 100 words of that part.")


def frame_heatmap_chart(sentence_frames: pd.DataFrame, article: Article, *, id: str = "frame-heatmap") -> Chart:
    """Sentence-by-frame heat map: the cue weight of each frame in each sentence, in reading order."""
    sids = [s.id for s in article.sentences]
    d = sentence_frames.copy()
    d["frame_label"] = [frame_label(t, lab) for t, lab in zip(d["typology"], d["label"])]
    labels = list(dict.fromkeys(d.sort_values(["typology", "frame"], kind="mergesort")["frame_label"]))
    typ_order = {"policy": 0, "generic": 1, "immigration": 2}
    first = d.drop_duplicates("frame_label").set_index("frame_label")["typology"].map(typ_order)
    labels = sorted(labels, key=lambda lab: (first[lab], lab))
    # Every sentence gets a column and every frame a row, so empty cells read as zero.
    grid = pd.DataFrame([(lab, sid, 0) for lab in labels for sid in sids], columns=["frame_label", "sentence_id", "weight"])
    if not d.empty:
        weights = d.groupby(["frame_label", "sentence_id"])["weight"].sum()
        grid["weight"] = [int(weights.get((lab, sid), 0)) for lab, sid in zip(grid["frame_label"], grid["sentence_id"])]
    return Chart(id=id, kind="heatmap", data=grid, x="sentence_id", y="frame_label", color="weight", sentences="sentence_id",
                 title="Which frames each sentence uses",
                 x_label="Sentence (in reading order: s1, s2, ...)", y_label="Frame (typology: frame)",
                 caption="Cell: summed weight of the frame's cue words in the sentence (1 = weak cue, 2 = strong cue).")


def agency_chart(agency: pd.DataFrame, *, id: str = "agency", top: int = 15) -> Chart:
    """Who acts (agent) and who is acted upon (patient): roles per actor, stacked."""
    a = agency.head(top)
    rows = []
    for r in a.itertuples(index=False):
        rows.append((r.actor, r.kind, "acts (agent)", int(r.as_agent), ", ".join(dict.fromkeys(r.agent_verbs))))
        rows.append((r.actor, r.kind, "acted upon (patient)", int(r.as_patient), ", ".join(dict.fromkeys(r.patient_verbs))))
    d = pd.DataFrame(rows, columns=["actor", "kind", "role", "clauses", "verbs"])
    return bar_chart(d, id=id, label="actor", value="clauses", color="role", title="Who acts and who is acted upon",
                     x_label="Clauses in which the actor has the role", y_label="Person, organisation or group",
                     hover=("actor", "role", "clauses", "verbs"),
                     caption="Agent: subject of an active verb. Patient: object, or subject of a passive verb.")


def source_share_chart(sources: pd.DataFrame, *, id: str = "source-share", top: int = 15) -> Chart:
    """Share of the article's attributed words carried by each source, coloured by kind of attribution."""
    d = sources.head(top).copy()
    d["percent"] = (100 * d["share"].astype(float)).round(1)
    d["sentence_ids"] = [", ".join(dict.fromkeys(ids)) for ids in d["sentence_ids"]]
    d = d[["source", "kind", "percent", "words", "count", "sentence_ids"]]
    return bar_chart(d, id=id, label="source", value="percent", color="kind", sentences="sentence_ids",
                     title="Who carries the article's attributed claims",
                     x_label="Share of attributed words (%)", y_label="Source",
                     hover=("source", "kind", "percent", "words", "count"))


def terms_chart(terms: pd.DataFrame, *, id: str = "terms") -> Chart:
    """Uses of each contested term, split into the article's own words and quoted uses (a click on either part shows
    every sentence that uses the term)."""
    rows = []
    for r in terms.itertuples(index=False):
        ids = ", ".join(dict.fromkeys(getattr(r, "sentence_ids", ()) or ()))
        rows.append((r.term, r.signals, "article's own words", int(r.own_words), ids))
        rows.append((r.term, r.signals, "inside quotation marks", int(r.in_quotes), ids))
    d = pd.DataFrame(rows, columns=["term", "signals", "where", "uses", "sentence_ids"])
    return bar_chart(d, id=id, label="term", value="uses", color="where", title="Contested terms the article uses",
                     sentences="sentence_ids",
                     x_label="Uses", y_label="Term (glossary entry)", hover=("term", "signals", "where", "uses"))


def actors_chart(actors: pd.DataFrame, *, id: str = "actors", top: int = 15) -> Chart:
    """Mentions of the ``top`` most named actors (the table of :func:`analysis.framing.actors.actors`), coloured by kind."""
    d = actors.head(top)[["name", "kind", "mentions", "sentence_ids"]].copy()
    d["sentence_ids"] = [", ".join(dict.fromkeys(ids)) for ids in d["sentence_ids"]]
    return bar_chart(d, id=id, label="name", value="mentions", color="kind", title="Who the article names",
                     sentences="sentence_ids",
                     x_label="Mentions", y_label="Person, organisation or group", hover=("name", "kind", "mentions"))


def sources_chart(attributions: pd.DataFrame, *, id: str = "attribution-kinds") -> Chart:
    """How many attributions of each kind (``ATTRIBUTION_KINDS``, every kind listed, most accountable first)."""
    counts = attributions["kind"].value_counts()
    ids = [", ".join(dict.fromkeys(attributions.loc[attributions["kind"] == k, "sentence_id"])) for k in ATTRIBUTION_KINDS]
    d = pd.DataFrame({"kind": list(ATTRIBUTION_KINDS), "count": [int(counts.get(k, 0)) for k in ATTRIBUTION_KINDS],
                      "sentence_ids": ids})
    return bar_chart(d, id=id, label="kind", value="count", title="How claims are attributed", sentences="sentence_ids",
                     x_label="Attributions in the article", y_label="Kind of source", hover=("kind", "count"))

"""Chart builders for the figures notebook: figures by kind (hedged / unattributed), public figures' mentions and voice, vague quantities by category. Each returns a Chart (analysis.output.charts.engine); nothing here displays or writes."""

from __future__ import annotations

from analysis.core.lazy import pandas as pd

from ...numbers.vague_quantities import VAGUE_CATEGORIES
from .engine import Chart, bar_chart

__all__ = ["figure_kinds_chart", "figure_status", "public_figures_chart", "vague_quantities_chart", "FIGURE_STATUSES", "VOICE_ROLES"]

#: How solid a figure is, from its source and its hedge (colour of the bars).
FIGURE_STATUSES = ("no source, exact", "no source, hedged", "sourced, exact", "sourced, hedged")
#: What a public figure does in the sentences that name or quote them.
VOICE_ROLES = ("named, not voiced", "paraphrased", "quoted")
_KIND_ORDER = ("count", "money", "percent", "proportion", "duration", "other")


def _status(source, approximation) -> str:
    sourced = isinstance(source, str) and bool(source)
    hedged = isinstance(approximation, str) and bool(approximation)
    return f"{'sourced' if sourced else 'no source'}, {'hedged' if hedged else 'exact'}"


def figure_status(figs: pd.DataFrame) -> pd.Series:
    """The status of each figure: "no source, exact", "no source, hedged", "sourced, exact", "sourced, hedged"."""
    return pd.Series([_status(s, a) for s, a in zip(figs["source"], figs["approximation"])], index=figs.index, dtype=object)


def figure_kinds_chart(figs: pd.DataFrame, *, id: str = "figure-kinds") -> Chart:
    """Figures by kind (count, money, percent, proportion, duration, other), each bar split by whether a source is
    given and whether the figure is hedged.

    Data columns: kind, status, figures, examples (the figures as written, for the hover), sentence_ids.
    """
    d = figs.copy()
    d["status"] = figure_status(d) if len(d) else pd.Series(dtype=object)
    kinds = [k for k in _KIND_ORDER if k in set(d["kind"])] or ["count"]
    rows = []
    for kind in kinds:
        for status in FIGURE_STATUSES:
            sel = d[(d["kind"] == kind) & (d["status"] == status)]
            examples = "; ".join(f"{t} ({c})" if isinstance(c, str) and c else str(t) for t, c in zip(sel["text"], sel["counts"]))
            rows.append((kind, status, int(len(sel)), examples, ", ".join(dict.fromkeys(sel["sentence_id"]))))
    data = pd.DataFrame(rows, columns=["kind", "status", "figures", "examples", "sentence_ids"])
    return bar_chart(data, id=id, label="kind", value="figures", color="status", sentences="sentence_ids",
                     title="Figures by kind: who gives them and how they are hedged",
                     x_label="Figures in the article", y_label="Kind of figure",
                     hover=("kind", "status", "figures", "examples"),
                     caption="Hedged: approximately, around, an estimated, more than, up to... Source: a named, anonymous "
                             "or vague attribution in the figure's sentence.")


def public_figures_chart(public: pd.DataFrame, voices: pd.DataFrame, *, id: str = "public-figures", top: int = 12) -> Chart:
    """The ``top`` most mentioned public figures and everyone given a voice; each bar counts the sentences
    that name or quote them, split into sentences where they are quoted, paraphrased, or only named.

    ``public`` is :func:`analysis.people.public_figures.public_figures`, ``voices`` is
    :func:`analysis.people.public_figures.voice_by_sentence`. Data columns: name, type, role, sentences, mentions,
    sentence_ids.
    """
    # The most mentioned, plus everyone given a voice (a one-mention speaker matters here).
    keep = set(public.head(top).index) | set(public.index[public["voiced"].astype(bool)]) if len(public) else set()
    head = public.loc[[i for i in public.index if i in keep]]
    rows = []
    for r in head.itertuples(index=False):
        v = voices[voices["source"] == r.name] if len(voices) else voices
        quoted = set(v.loc[v["voice"] == "quoted", "sentence_id"]) if len(v) else set()
        paraphrased = (set(v.loc[v["voice"] == "paraphrased", "sentence_id"]) if len(v) else set()) - quoted
        named = set(r.sentence_ids) - quoted - paraphrased
        for role, ids in zip(VOICE_ROLES, (named, paraphrased, quoted)):
            ordered = ", ".join(sorted(ids, key=lambda sid: (len(sid), sid)))  # reading order: s2 before s10
            rows.append((r.name, r.type, role, len(ids), int(r.mentions), ordered))
    data = pd.DataFrame(rows, columns=["name", "type", "role", "sentences", "mentions", "sentence_ids"])
    return bar_chart(data, id=id, label="name", value="sentences", color="role", sentences="sentence_ids",
                     title="Who the article names, and who gets to speak",
                     x_label="Sentences that name or quote them", y_label="Person, organisation or group",
                     hover=("name", "type", "role", "sentences", "mentions"),
                     caption="Quoted: a direct quotation in a sentence attributed to them; paraphrased: attributed "
                             "without quotation marks; named: mentioned only.")


def vague_quantities_chart(vague: pd.DataFrame, *, id: str = "vague-quantities") -> Chart:
    """How many vague quantity words of each category the article uses.

    Data columns: category, uses, terms, sentence_ids.
    """
    rows = []
    for cat in VAGUE_CATEGORIES:
        sel = vague[vague["category"] == cat] if len(vague) else vague
        rows.append((cat, int(len(sel)), ", ".join(dict.fromkeys(sel["term"])) if len(sel) else "",
                     ", ".join(dict.fromkeys(sel["sentence_id"])) if len(sel) else ""))
    data = pd.DataFrame(rows, columns=["category", "uses", "terms", "sentence_ids"])
    return bar_chart(data, id=id, label="category", value="uses", title="Vague quantities instead of figures",
                     sentences="sentence_ids",
                     x_label="Uses in the article", y_label="Kind of vague quantity", hover=("category", "uses", "terms"),
                     caption="Categories of data/lexicons/vague_quantities.csv: large (numerous, mass), small (a few), "
                             "proportion (most), change (a growing number of), degree (substantial).")


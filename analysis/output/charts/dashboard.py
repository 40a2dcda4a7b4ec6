"""The brief's dashboard: seven small charts of one article (tone arc, sourcing mix, frames, figures by solidity,
loaded words, who is named, reading grade against news English), each a tidy table read from the JSON summary and
drawn as a small static SVG that links to the report section with the full analysis.

Static SVG, not plotly: the brief is the page a reader opens first, so it loads no 4.6 MB script, draws at once,
prints as it shows, and needs no interactivity that its sections do not already offer (every tile links to the
interactive chart). Colours come from :mod:`analysis.output.charts.palette` (the same category colours as the
report's charts; tone on the diverging red–white–blue scale centred on 0). Bars are sorted by value and carry their
value; a panel with fewer than :data:`MIN_POINTS` data points is a sentence instead of a chart.
"""

from __future__ import annotations

import html
import statistics
from dataclasses import dataclass
from typing import Any, Callable, Mapping, Sequence

from analysis.core.lazy import pandas as pd

from ...core.records import mapping_items, nested_get
from .numbers import FIGURE_STATUSES
from .palette import SINGLE, category_colour, tone_colour

__all__ = [
    "MIN_POINTS",
    "Panel",
    "SECTIONS",
    "PANELS",
    "dashboard_panels",
    "tone_panel",
    "sourcing_panel",
    "frames_panel",
    "figures_panel",
    "loaded_panel",
    "actors_panel",
    "grade_panel",
    "panel_svg",
]

#: Fewer data points than this make a sentence, not a chart.
MIN_POINTS = 3
#: Bars drawn at most in one small chart (the rest are named in its note).
TOP = 6

#: The report section each panel links to: page and the heading id nbconvert gives the notebook's H2.
SECTIONS: dict[str, str] = {
    "tone": "01-language.html#What-tone-does-each-sentence-take?",
    "sourcing": "02-framing.html#Which-claims-are-attributed-vaguely,-or-not-at-all?",
    "frames": "02-framing.html#Which-frames-does-the-article-use?",
    "figures": "03-figures.html#Which-figures-does-it-cite,-and-how-solid-is-each?",
    "loaded": "01-language.html#Which-words-are-loaded-or-emotive?",
    "actors": "02-framing.html#Who-does-the-article-name?",
    "grade": "01-language.html#How-hard-is-it-to-read?",
}

_SOURCE_LABELS = {"named_person": "Named person", "named_org": "Named organisation", "document": "Document",
                  "anonymous": "Anonymous source", "vague": "Vague source", "unattributed": "Credited to no one"}
_TYPOLOGY = {"policy": "Policy", "generic": "Generic", "immigration": "Immigration"}


@dataclass(frozen=True)
class Panel:
    """One small chart of the dashboard.

    ``data`` is the tidy table drawn: columns label, value, colour, sentence_ids (list; the sentences a bar stands
    for) and, for ``kind="strip"``, is_article. ``kind`` is ``bars`` (horizontal, sorted by value), ``arc`` (columns
    in reading order around 0) or ``strip`` (dots of a reference distribution with the article marked). ``note`` is
    the sentence under the chart, or in its place when ``drawn`` is False (fewer than :data:`MIN_POINTS` points).
    """

    key: str
    title: str
    href: str
    kind: str
    data: pd.DataFrame
    note: str
    drawn: bool
    value_format: str = "{:,.0f}"


_COLUMNS = ["label", "value", "colour", "sentence_ids"]




def _sid_order(sid: str) -> tuple[int, str]:
    return (int(sid[1:]) if sid[1:].isdigit() else 10**9, sid)


def _sorted_bars(rows: Sequence[tuple], *, top: int = TOP) -> pd.DataFrame:
    """Rows (label, value, colour, sentence_ids) with a value above 0, largest first (ties by label), at most ``top``."""
    d = pd.DataFrame([r for r in rows if r[1] > 0], columns=_COLUMNS)
    if d.empty:
        return d
    return d.sort_values(["value", "label"], ascending=[False, True], kind="mergesort").head(top).reset_index(drop=True)


def _panel(key: str, title: str, kind: str, data: pd.DataFrame, note: str, few: str, *, fmt: str = "{:,.0f}") -> Panel:
    drawn = len(data) >= MIN_POINTS
    return Panel(key, title, SECTIONS[key], kind, data, note if drawn else few, drawn, fmt)


def _listing(data: pd.DataFrame, fmt: str) -> str:
    return "; ".join(f"{label} {fmt.format(v)}" for label, v in zip(data["label"], data["value"])) or "nothing"


# ---------------------------------------------------------------- the panels


def tone_panel(summary: Mapping[str, Any], *, slices: int = 10) -> Panel:
    """Tone through the article: the VADER compound score of each sentence in reading order, or of ``slices``
    equal runs of sentences (their mean) when there are more sentences than that."""
    ids = list(nested_get(summary, "language", "tone", "sentence_ids", default=[]) or [])
    scores = list(nested_get(summary, "language", "tone", "compound", default=[]) or [])
    n = min(len(ids), len(scores))
    rows = []
    if n:
        k = min(slices, n)
        for b in range(k):
            members = list(range(b * n // k, (b + 1) * n // k))
            value = round(sum(float(scores[i]) for i in members) / len(members), 2)
            label = ids[members[0]] if len(members) == 1 else f"{ids[members[0]]}–{ids[members[-1]]}"
            rows.append((label, value, tone_colour(value), [ids[i] for i in members]))
    d = pd.DataFrame(rows, columns=_COLUMNS)
    mean = nested_get(summary, "language", "tone", "mean_compound")
    low = d.sort_values(["value"], kind="mergesort").iloc[0] if len(d) else None
    note = (f"Mean tone {mean:+.2f}; most negative: {low['label']} ({low['value']:+.2f}). Red is negative, blue "
            "positive, on VADER's −1 … +1." if low is not None and mean is not None else "")
    few = (f"Too few sentences for a tone arc: {_listing(d, '{:+.2f}')}." if len(d) else "No sentences to score.")
    return _panel("tone", "Tone through the article", "arc", d, note, few, fmt="{:+.2f}")


def sourcing_panel(summary: Mapping[str, Any]) -> Panel:
    """Who the article's claims are credited to: attributions by kind of source (a claim credited to no one is
    the kind "Credited to no one")."""
    atts = mapping_items(nested_get(summary, "framing", "attributions"))
    rows = []
    for kind, label in _SOURCE_LABELS.items():
        ids = sorted({str(a.get("sentence_id")) for a in atts if a.get("kind") == kind and a.get("sentence_id")},
                     key=_sid_order)
        rows.append((label, sum(1 for a in atts if a.get("kind") == kind), category_colour(kind), ids))
    d = _sorted_bars(rows, top=len(_SOURCE_LABELS))
    absent = [label.lower() for label, value, _, _ in rows if value == 0]
    uncheckable = sum(v for (label, v, _, _), kind in zip(rows, _SOURCE_LABELS)
                      if kind in ("anonymous", "vague", "unattributed"))
    total = sum(r[1] for r in rows)
    note = (f"{uncheckable} of {total} claims cannot be checked by a reader (anonymous, vague or no source)."
            + (f" None: {', '.join(absent)}." if absent else "")) if total else ""
    few = f"Claims by source: {_listing(d, '{:,.0f}')}." if total else "No claims or attributions found."
    return _panel("sourcing", "Who the claims are credited to", "bars", d, note, few)


def frames_panel(summary: Mapping[str, Any]) -> Panel:
    """The strongest frames by their evidence (cue weight per 100 words; ``score`` in summaries written before it was
    recorded), coloured by typology; frames without a cue left out."""
    frames = [f for f in mapping_items(nested_get(summary, "framing", "frames")) if f.get("measured", True)]
    rows = [(f"{_TYPOLOGY.get(str(f.get('typology')), str(f.get('typology')).capitalize())}: {f.get('label')}",
             round(float(f.get("evidence", f.get("score")) or 0.0), 2), category_colour(str(f.get("typology"))),
             sorted(map(str, f.get("sentence_ids") or []), key=_sid_order)) for f in frames]
    d = _sorted_bars(rows)
    used = sum(1 for r in rows if r[1] > 0)
    note = (f"{used} of {len(rows)} frames have cue words here; the {len(d)} strongest are drawn "
            "(colour: typology)." if used else "")
    few = (f"Frames: {_listing(d, '{:.2f}')} (cue weight per 100 words)." if used else
           "No frame's cue words occur in this article.")
    return _panel("frames", "Frames it leans on", "bars", d, note, few, fmt="{:.1f}")


def figures_panel(summary: Mapping[str, Any]) -> Panel:
    """Figures by how solid they are: with or without a source, stated as exact or hedged."""
    figs = mapping_items(nested_get(summary, "figures"))
    rows = []
    for status in FIGURE_STATUSES:
        sourced, hedged = status.startswith("sourced"), status.endswith("hedged")
        members = [f for f in figs if bool(f.get("source")) == sourced and bool(f.get("approximation")) == hedged]
        rows.append((status, len(members), category_colour(status),
                     sorted({str(f.get("sentence_id")) for f in members}, key=_sid_order)))
    d = _sorted_bars(rows)
    listed = "; ".join(f"{int(v)} {label}" for label, v in zip(d["label"], d["value"]))
    note = f"{len(figs)} figures (numbers that count, cost or measure something; not years or dates)."
    few = f"{len(figs)} figure{'s' if len(figs) != 1 else ''}: {listed}." if figs else "No figures in this article."
    return _panel("figures", "Figures by how solid they are", "bars", d, note, few)


def loaded_panel(summary: Mapping[str, Any]) -> Panel:
    """The most frequent loaded or emotive words, coloured by the lexicon's category."""
    loaded = mapping_items(nested_get(summary, "language", "loaded"))
    by_term: dict[str, list[Mapping[str, Any]]] = {}
    for r in loaded:
        by_term.setdefault(str(r.get("term") or "").lower(), []).append(r)
    rows = [(term, len(rs), category_colour(str(rs[0].get("category") or "")),
             sorted({str(r.get("sentence_id")) for r in rs}, key=_sid_order)) for term, rs in by_term.items() if term]
    d = _sorted_bars(rows)
    n_sent = len({r.get("sentence_id") for r in loaded})
    total = len(nested_get(summary, "language", "tone", "sentence_ids", default=[]) or [])
    more = len(rows) - len(d)
    note = (f"Loaded words in {n_sent} of {total} sentences" + (f"; {more} more words not drawn" if more > 0 else "")
            + " (colour: category).") if loaded else ""
    few = f"Loaded words: {_listing(d, '×{:,.0f}')}." if loaded else "No loaded or emotive words found."
    return _panel("loaded", "Loaded words it uses most", "bars", d, note, few)


def actors_panel(summary: Mapping[str, Any]) -> Panel:
    """The people, bodies and groups named most often, coloured by kind."""
    actors = mapping_items(nested_get(summary, "framing", "actors"))
    rows = [(str(a.get("name")), int(a.get("mentions") or 0), category_colour(str(a.get("kind") or "")),
             sorted(map(str, a.get("sentence_ids") or []), key=_sid_order)) for a in actors if a.get("name")]
    d = _sorted_bars(rows)
    note = f"{len(rows)} actors named; the {len(d)} most mentioned are drawn (colour: person, government, group…)."
    few = f"Named: {_listing(d, '×{:,.0f}')}." if rows else "No people, bodies or groups named."
    return _panel("actors", "Who it names most", "bars", d, note, few)


def grade_panel(summary: Mapping[str, Any], reference: Mapping[str, Sequence[float]]) -> Panel:
    """The article's Flesch–Kincaid grade among the reference news texts (the 44 Brown news texts of
    ``data/reference/brief_reference.csv``); one row per reference text and one for the article."""
    grade = nested_get(summary, "language", "readability", "flesch_kincaid_grade")
    ref = [float(v) for v in reference.get("grade", ())]
    rows = [(f"news text {i + 1}", round(v, 2), "#999999", []) for i, v in enumerate(ref)]
    if grade is not None:
        rows.append(("this article", round(float(grade), 2), SINGLE, []))
    d = pd.DataFrame(rows, columns=_COLUMNS)
    d["is_article"] = d["label"].eq("this article")
    if grade is None:
        return Panel("grade", "Reading grade against news English", SECTIONS["grade"], "strip", d,
                     "No reading grade: the article has no sentences to measure.", False, "{:.1f}")
    if not ref:
        return Panel("grade", "Reading grade against news English", SECTIONS["grade"], "strip", d,
                     f"Reading grade {grade:.1f} (no reference texts to compare with).", False, "{:.1f}")
    harder, easier = sum(1 for v in ref if v < grade), sum(1 for v in ref if v > grade)
    place = (f"harder than {harder}" if harder >= easier else f"easier than {easier}")
    note = (f"Grade {grade:.1f}; {place} of the {len(ref)} Brown-corpus news texts (grey, median "
            f"{statistics.median(ref):.1f}).")
    return Panel("grade", "Reading grade against news English", SECTIONS["grade"], "strip", d, note, True, "{:.1f}")


#: The panels, in the order the dashboard shows them.
PANELS: tuple[Callable[..., Panel], ...] = (tone_panel, sourcing_panel, frames_panel, figures_panel, loaded_panel,
                                            actors_panel)


def dashboard_panels(summary: Mapping[str, Any], reference: Mapping[str, Sequence[float]]) -> list[Panel]:
    """Every panel of the dashboard of one article's summary: :data:`PANELS`, then the reading grade."""
    return [p(summary) for p in PANELS] + [grade_panel(summary, reference)]


# ---------------------------------------------------------------- drawing

_W = 260  # the width of every small chart, in SVG units (it scales to its box: about 1:1 in a tile)


def _t(x: float, y: float, text: str, *, size: int = 11, anchor: str = "start", fill: str = "#222",
       weight: str = "normal") -> str:
    bold = f' font-weight="{weight}"' if weight != "normal" else ""
    return (f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size}" text-anchor="{anchor}" fill="{fill}"{bold}>'
            f"{html.escape(text)}</text>")


def _bars_svg(p: Panel) -> tuple[str, int]:
    """Horizontal bars, one per row: the label above its bar, the value at the bar's end."""
    d, parts, y = p.data, [], 0
    top = float(d["value"].max()) or 1.0
    room = _W - 52
    for label, value, colour in zip(d["label"], d["value"], d["colour"]):
        shown = p.value_format.format(value)
        parts.append(_t(0, y + 11, str(label), size=11))
        width = max(2.0, room * float(value) / top)
        parts.append(f'<rect x="0" y="{y + 15}" width="{width:.1f}" height="11" fill="{colour}">'
                     f"<title>{html.escape(f'{label}: {shown}')}</title></rect>")
        parts.append(_t(width + 4, y + 25, shown, size=11, weight="bold"))
        y += 32
    return "".join(parts), y


def _arc_svg(p: Panel, page: str) -> tuple[str, int]:
    """Columns in reading order above (positive) and below (negative) a zero line; each links to its sentences."""
    d, parts = p.data, []
    n = len(d)
    slot = _W / n
    mid, half = 62, 44  # zero line and the height of a score of ±1
    parts.append(f'<line x1="0" x2="{_W}" y1="{mid}" y2="{mid}" stroke="#666" stroke-width="1"/>')
    for i, (label, value, colour, ids) in enumerate(zip(d["label"], d["value"], d["colour"], d["sentence_ids"])):
        x = i * slot + slot * 0.15
        h = max(1.5, abs(float(value)) * half)
        y = mid - h if value >= 0 else mid
        shown = p.value_format.format(value)
        bar = (f'<rect x="{x:.1f}" y="{y:.1f}" width="{slot * 0.7:.1f}" height="{h:.1f}" fill="{colour}" '
               f'stroke="#888" stroke-width="0.5"><title>{html.escape(f"{label}: {shown}")}</title></rect>')
        axis = _t(i * slot + slot / 2, 124, str(label).split("–")[0], size=8, anchor="middle", fill="#555")
        if ids:  # the column and its sentence label open the sentence
            bar = f'<a href="{html.escape(page + "#" + ids[0], quote=True)}">{bar}{axis}</a>'
            axis = ""
        parts.append(bar + axis)
        ty = (y - 3) if value >= 0 else (y + h + 10)
        parts.append(_t(i * slot + slot / 2, ty, shown, size=9 if n > 7 else 10, anchor="middle"))
    parts.append(_t(0, 138, "reading order →", size=9, fill="#555"))
    return "".join(parts), 142


def _strip_svg(p: Panel) -> tuple[str, int]:
    """The reference texts as stacked grey dots on a grade axis (one dot per text, binned by whole grades), the
    article as a blue line with its value."""
    d = p.data
    ref = d[~d["is_article"]]
    art = d[d["is_article"]]
    lo = min(0.0, float(d["value"].min()))
    hi = max(float(d["value"].max()) + 1.0, 16.0)
    pad = 12

    def x(v: float) -> float:
        return pad + (_W - 2 * pad) * (float(v) - lo) / (hi - lo)

    parts, base = [], 112
    stacks: dict[int, int] = {}
    for v in sorted(ref["value"]):
        b = int(v // 1)
        k = stacks.get(b, 0)
        stacks[b] = k + 1
        parts.append(f'<circle cx="{x(b + 0.5):.1f}" cy="{base - 4 - 5.5 * k:.1f}" r="2.5" fill="#999999">'
                     f"<title>{html.escape(f'a Brown news text: grade {v:.1f}')}</title></circle>")
    parts.append(f'<line x1="{pad}" x2="{_W - pad}" y1="{base}" y2="{base}" stroke="#666"/>')
    step = 4 if hi - lo > 12 else 2
    for g in range(int(lo), int(hi) + 1, step):
        parts.append(f'<line x1="{x(g):.1f}" x2="{x(g):.1f}" y1="{base}" y2="{base + 4}" stroke="#666"/>')
        parts.append(_t(x(g), base + 15, str(g), size=9, anchor="middle", fill="#555"))
    med = statistics.median(ref["value"]) if len(ref) else None
    axis = "Flesch–Kincaid grade" + (f"; dashed: news median {med:.1f}" if med is not None else "")
    parts.append(_t(_W / 2, base + 28, axis, size=9, anchor="middle", fill="#555"))
    for v in art["value"]:
        xv = x(v)
        parts.append(f'<line x1="{xv:.1f}" x2="{xv:.1f}" y1="2" y2="{base}" stroke="{SINGLE}" stroke-width="3"/>')
        anchor = "end" if xv > _W * 0.6 else "start"
        parts.append(_t(xv + (-5 if anchor == "end" else 5), 12, f"this article {p.value_format.format(v)}",
                        size=11, anchor=anchor, weight="bold", fill=SINGLE))
    if med is not None:
        parts.append(f'<line x1="{x(med):.1f}" x2="{x(med):.1f}" y1="22" y2="{base}" stroke="#444" '
                     'stroke-dasharray="3 2"/>')
    return "".join(parts), base + 32


def panel_svg(panel: Panel, *, page: str = "01-language.html") -> str:
    """The panel as an inline SVG that scales to its box (``""`` when it is not drawn); every label escaped.
    ``page`` is where the tone arc's columns open their sentences."""
    if not panel.drawn or panel.data.empty:
        return ""
    if panel.kind == "arc":
        body, height = _arc_svg(panel, page)
    elif panel.kind == "strip":
        body, height = _strip_svg(panel)
    else:
        body, height = _bars_svg(panel)
    return (f'<svg viewBox="0 -2 {_W + 30} {height + 4}" role="img" aria-label="{html.escape(panel.title, quote=True)}"'
            f' font-family="system-ui, sans-serif" preserveAspectRatio="xMinYMin meet">{body}</svg>')

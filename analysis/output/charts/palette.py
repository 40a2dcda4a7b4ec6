"""Colours of the charts, in one place: one colour per category, the same on every page and for every article.

- Categories a reader meets in several charts have a fixed colour (:data:`CATEGORY_COLOURS`): kinds of source and
  attribution, frame typologies, stance (hedge, booster, modal), figure kinds, actor kinds.
- Any other category gets a colour from :data:`QUALITATIVE` chosen by its name (a stable hash), never by its
  position, so it keeps its colour when other categories come and go.
- Tone is drawn on a diverging scale centred on 0: negative red, neutral white, positive blue (:data:`TONE_SCALE`).
- Red is kept for negative tone and warnings; single-series bars are the neutral :data:`SINGLE`.

Colours come from ColorBrewer (Brewer & Harrower, colorbrewer2.org, Apache-2.0 licensed palettes: Set2/Dark2 for
categories, RdBu for tone), chosen because they stay distinct for the common forms of colour blindness.
"""

from __future__ import annotations

import hashlib

__all__ = ["SINGLE", "QUALITATIVE", "CATEGORY_COLOURS", "CATEGORY_LABELS", "TONE_SCALE", "category_colour", "tone_colour"]

#: Bars of a single series.
SINGLE = "#4c78a8"
#: Colours for categories without a fixed one (ColorBrewer Dark2 and Set2, red-free).
QUALITATIVE = ("#1b9e77", "#7570b3", "#e7298a", "#66a61e", "#e6ab02", "#a6761d", "#666666", "#66c2a5", "#8da0cb",
               "#a6d854")

#: Fixed colours of the categories a reader meets in several charts.
CATEGORY_COLOURS: dict[str, str] = {
    # who a claim is credited to (attribution kinds, source kinds)
    "named_person": "#1f78b4", "named_org": "#33a02c", "document": "#6a3d9a", "anonymous": "#ff7f00",
    "vague": "#b15928", "unattributed": "#999999",
    # frame typologies
    "generic": "#1b9e77", "policy": "#7570b3", "immigration": "#e7298a",
    # stance
    "hedge": "#66a61e", "booster": "#e6ab02", "modal": "#a6761d",
    # figure kinds
    "count": "#1f78b4", "money": "#33a02c", "percent": "#6a3d9a", "proportion": "#6a3d9a", "duration": "#ff7f00",
    "measure": "#b15928", "score": "#999999", "other": "#666666",
    # actor kinds
    "person": "#1f78b4", "government": "#33a02c", "organisation": "#6a3d9a", "group": "#ff7f00", "place": "#a6761d",
}

#: How a chart's legend names the categories whose data values are identifiers (a label keeps its category's colour).
CATEGORY_LABELS: dict[str, str] = {
    "named_person": "named person", "named_org": "named organisation", "document": "document",
    "anonymous": "anonymous", "vague": "vague", "unattributed": "credited to no one",
}
_BY_LABEL = {label: key for key, label in CATEGORY_LABELS.items()}

#: Diverging scale for tone (−1 … +1): red for negative, white at 0, blue for positive (ColorBrewer RdBu).
TONE_SCALE = [[0.0, "#b2182b"], [0.25, "#ef8a62"], [0.5, "#f7f7f7"], [0.75, "#67a9cf"], [1.0, "#2166ac"]]


def category_colour(name: object) -> str:
    """The colour of a category: its fixed colour, or one chosen by a stable hash of its name.

    >>> category_colour("vague"), category_colour("vague") == category_colour("vague")
    ('#b15928', True)
    >>> category_colour("named organisation") == category_colour("named_org")
    True
    >>> category_colour("Some other group") in QUALITATIVE
    True
    """
    key = str(name)
    key = _BY_LABEL.get(key, key)
    fixed = CATEGORY_COLOURS.get(key) or CATEGORY_COLOURS.get(key.lower().replace(" ", "_"))
    if fixed:
        return fixed
    digest = hashlib.sha256(key.encode("utf-8")).digest()
    return QUALITATIVE[digest[0] % len(QUALITATIVE)]


def tone_colour(value: float) -> str:
    """The colour of a tone value (−1 … +1) on :data:`TONE_SCALE`, interpolated; values outside are clipped.

    >>> tone_colour(-1.0), tone_colour(0.0), tone_colour(1.0)
    ('#b2182b', '#f7f7f7', '#2166ac')
    """
    t = (max(-1.0, min(1.0, float(value))) + 1.0) / 2.0
    for (a, ca), (b, cb) in zip(TONE_SCALE, TONE_SCALE[1:]):
        if t <= b:
            f = (t - a) / (b - a) if b > a else 0.0
            rgb = [round(int(ca[i:i + 2], 16) + f * (int(cb[i:i + 2], 16) - int(ca[i:i + 2], 16))) for i in (1, 3, 5)]
            return "#" + "".join(f"{c:02x}" for c in rgb)
    return TONE_SCALE[-1][1]

"""The annotated article as HTML: loaded words, hedges and boosters, passives, attributions and quotations, scare quotes,
figures, frame cues and public figures highlighted, each layer with its own toggle, with tooltips and one anchor per
sentence; every piece of article text escaped."""

from __future__ import annotations

import html
from dataclasses import dataclass

from analysis.core.lazy import pandas as pd

from ...core.article import Article
from ...framing.entities import mention_rows
from ...framing.frames import frame_cues
from ...framing.quotes import quotations
from ...framing.sourcing import attributions
from ...language.loaded import loaded_words
from ...language.passives import passives
from ...language.stance import stance_markers
from ...numbers.records import figures
from ...people.public_figures import public_figure_rows
from ..charts.palette import category_colour

__all__ = ["ANNOTATION_STYLES", "LANGUAGE_CATEGORIES", "LAYERS", "ATTRIBUTION_WORDS", "annotations", "annotated_html",
           "annotate", "kwic_html", "HTMLFragment"]

#: The highlighted categories, in legend order: label, CSS class, CSS rule, what it marks.
ANNOTATION_STYLES: dict[str, tuple[str, str, str, str]] = {
    "loaded": ("Loaded or emotive word", "al-loaded", "background:#f9c9c9",
               "wording that carries a judgement or emotion (loaded_words.csv, VADER + opinion lexicon)"),
    "hedge": ("Hedge", "al-hedge", "background:#fde9a0",
              "softens a claim: may, appears, potential, approximately"),
    "booster": ("Booster", "al-booster", "background:#c8ddf7",
                "hardens a claim: clearly, certainly, it is evident that"),
    "passive": ("Passive voice", "al-passive", "border-bottom:2px solid #6a3d9a",
                "a passive clause; the tooltip says whether it names who acts"),
    "agentless": ("Passive, no agent named", "al-agentless", "border-bottom:2px dashed #6a3d9a;background-color:#eee3f5",
                  "a passive clause that does not say who acts"),
    "attribution": ("Attribution", "al-attribution", "outline:1.5px solid #33a02c;outline-offset:1px",
                    "a reporting verb or cue that credits a claim; the tooltip names the speaker and the kind of source"),
    "quote": ("Direct quotation", "al-quote", "font-style:italic;color:#1b5e20",
              "words in quotation marks credited to a speaker"),
    "scare": ("Scare quotes", "al-scare", "text-decoration:underline wavy #e6550d",
              "a word in quotation marks that is not a quotation: the article keeps its distance from it"),
    "figure": ("Figure", "al-figure", "font-weight:700;box-shadow:inset 0 -3px 0 #17becf",
               "a number that counts or measures something; click it for its card"),
    "frame": ("Frame cue", "al-frame", "box-shadow:inset 0 2px 0 #e7298a",
              "a word that signals a frame; the tooltip names the frames"),
    "public": ("Public figure", "al-public", "color:#08519c;text-decoration:underline dotted #08519c",
               "a person, government body, organisation or group the article names"),
}

#: The categories of the language notebook's annotated article (the default of :func:`annotated_html`).
LANGUAGE_CATEGORIES: tuple[str, ...] = ("loaded", "hedge", "booster", "passive")

#: The layers a reader switches on and off, in order: key -> (label, categories, shown at first).
LAYERS: dict[str, tuple[str, tuple[str, ...], bool]] = {
    "loaded": ("Loaded words", ("loaded",), True),
    "stance": ("Hedges and boosters", ("hedge", "booster"), True),
    "passive": ("Passives (dashed: no agent named)", ("passive", "agentless"), True),
    "attribution": ("Attributions and quotations", ("attribution", "quote"), True),
    "scare": ("Scare quotes", ("scare",), True),
    "figure": ("Figures", ("figure",), True),
    "frame": ("Frame cues", ("frame",), False),
    "public": ("Public figures", ("public",), False),
}

#: Kinds of attribution in words (:data:`analysis.framing.attribution.ATTRIBUTION_KINDS`).
ATTRIBUTION_WORDS: dict[str, str] = {
    "named_person": "named person", "named_org": "named organisation", "document": "document",
    "anonymous": "anonymous source", "vague": "vague source", "unattributed": "credited to no one",
}

_CSS = """
.al-annotated{line-height:1.9;max-width:48em;font-size:1rem;color:#222}
.al-annotated p{margin:.7em 0}
.al-annotated .al-part-headline{font-weight:600;font-size:1.15em}
.al-annotated .al-part-teaser,.al-annotated .al-part-standfirst{font-style:italic}
.al-annotated .al-sid{font-size:.65em;color:#777;vertical-align:super;margin-right:.15em;text-decoration:none;font-family:monospace}
.al-annotated mark.al-m{background:transparent;color:inherit;padding:0 .05em;border-radius:2px}
.al-annotated .al-s{scroll-margin-top:3em}.al-annotated .al-s:target{outline:2px solid #ff9800;outline-offset:2px}
.al-annotated .al-s.al-hl{background:#fff1b8;box-shadow:0 0 0 2px #ff9800;border-radius:2px}
.al-annotated a.al-fig{color:inherit;text-decoration:none;cursor:pointer}
.al-legend{list-style:none;padding:0;margin:.5em 0 1em 0;display:flex;flex-wrap:wrap;gap:.4em 1.4em;font-size:.9em}
.al-legend mark.al-m{background:transparent;color:inherit;padding:0 .3em;border-radius:2px}
.al-legend label{cursor:pointer;white-space:nowrap}
@media print{.al-annotated .al-legend input{display:none}}
"""


@dataclass(frozen=True)
class HTMLFragment:
    """A piece of HTML a notebook displays as is (already escaped)."""

    html: str

    def _repr_html_(self) -> str:
        return self.html


def annotations(article: Article, *, categories: tuple[str, ...] = LANGUAGE_CATEGORIES) -> pd.DataFrame:
    """The spans to highlight. Columns: category, sentence_id, start, end, label (the tooltip line), ref (the
    element a span links to: ``figure-n1`` for a figure's card, else ""), kind (a subclass: the kind of an
    attribution, else "").

    From :func:`analysis.language.loaded.loaded_words`, :func:`analysis.language.stance.stance_markers`
    (hedges and boosters), :func:`analysis.language.passives.passives` (each agentless one also as ``agentless``),
    :func:`analysis.framing.sourcing.attributions` (the cue of every attribution, unattributed claims' evaluative
    words included), :func:`analysis.framing.quotes.quotations` (direct quotations and scare quotes; a quotation
    over several sentences gives one span in each), :func:`analysis.numbers.records.figures`,
    :func:`analysis.framing.frames.frame_cues` (one span per word, naming every frame it signals) and the mentions
    (:func:`analysis.framing.entities.mention_rows`) of the public figures of
    :func:`analysis.people.public_figures.public_figure_rows`. Sorted by start, end, category.
    """
    wanted = set(categories)
    rows = []
    if "loaded" in wanted:
        for r in loaded_words(article).itertuples(index=False):
            rows.append(("loaded", r.sentence_id, r.start, r.end, f"loaded word ({r.reason}): {r.matched}", "", ""))
    markers = stance_markers(article) if {"hedge", "booster"} & wanted else None
    for cat in ("hedge", "booster"):
        if cat in wanted and markers is not None:
            for r in markers[markers["category"] == cat].itertuples(index=False):
                sub = f" ({r.subcategory.replace('_', ' ')})" if r.subcategory else ""
                rows.append((cat, r.sentence_id, r.start, r.end, f"{cat}{sub}: {r.matched}", "", ""))
    if {"passive", "agentless"} & wanted:
        for r in passives(article).itertuples(index=False):
            who = "no agent named" if r.agentless else f"agent: {r.agent}"
            label = f"passive voice, {who}: {r.text}"
            if "passive" in wanted:
                rows.append(("passive", r.sentence_id, r.start, r.end, label, "", ""))
            if "agentless" in wanted and r.agentless:
                rows.append(("agentless", r.sentence_id, r.start, r.end, label, "", ""))
    if "attribution" in wanted:
        for r in attributions(article).itertuples(index=False):
            kind = ATTRIBUTION_WORDS.get(r.kind, r.kind)
            who = f"{r.source} ({kind})" if r.source else kind
            what = "claim credited to no one, evaluative words" if r.kind == "unattributed" else "attribution"
            for start, end in _cue_spans(article.text, int(r.start), int(r.end), r.cue):
                rows.append(("attribution", r.sentence_id, start, end, f"{what}: {who}; cue: {r.cue}", "", r.kind))
    if {"quote", "scare"} & wanted:
        spans = {s.id: (s.start, s.end) for s in article.sentences}
        for r in quotations(article).itertuples(index=False):
            cat = "quote" if r.kind == "direct" else "scare"
            if cat not in wanted:
                continue
            if cat == "quote":
                speaker = r.speaker if isinstance(r.speaker, str) and r.speaker else "no speaker found"
                label = f"direct quotation, speaker: {speaker}"
            else:
                label = f"scare quotes: {r.text}"
            for sid in r.sentence_ids:
                a, b = spans[sid]
                start, end = max(int(r.start), a), min(int(r.end), b)
                if start < end:
                    rows.append((cat, sid, start, end, label, "", ""))
    if "figure" in wanted:
        for r in figures(article).itertuples(index=False):
            counts = r.counts if isinstance(r.counts, str) and r.counts else "what it counts not found"
            source = r.source if isinstance(r.source, str) and r.source else "no source given"
            hedge = r.approximation if isinstance(r.approximation, str) and r.approximation else "stated as exact"
            rows.append(("figure", r.sentence_id, int(r.start), int(r.end),
                         f"figure {r.text}: counts {counts}; {hedge}; source: {source} (click for its card)",
                         f"figure-{r.id}", ""))
    if "frame" in wanted:
        cues: dict[tuple[str, int, int], list[str]] = {}
        for r in frame_cues(article).itertuples(index=False):
            cues.setdefault((r.sentence_id, int(r.start), int(r.end)), []).append(r.label)
        for (sid, start, end), labels in cues.items():
            rows.append(("frame", sid, start, end, "frame cue: " + "; ".join(dict.fromkeys(labels)), "", ""))
    if "public" in wanted:
        people = {f.name: f for f in public_figure_rows(article)}
        for m in mention_rows(article):
            f = people.get(m.actor)
            if f is not None:
                rows.append(("public", m.sentence_id, m.start, m.end,
                             f"public figure: {f.name} ({f.type}, {f.voice}, {f.mentions} mentions)", "", ""))
    frame = pd.DataFrame(rows, columns=["category", "sentence_id", "start", "end", "label", "ref", "kind"])
    order = {c: i for i, c in enumerate(ANNOTATION_STYLES)}
    frame["_o"] = frame["category"].map(order)
    frame = frame.sort_values(["start", "end", "_o"], kind="mergesort").drop(columns="_o")
    return frame.reset_index(drop=True)


def _cue_spans(text: str, start: int, end: int, cue: str) -> list[tuple[int, int]]:
    """Each of an attribution's cue words inside its span (a claim credited to no one lists several: "bold,
    tensions", and its span runs from the first to the last); the whole span when a cue is not found as written.

    >>> _cue_spans("A bold and tense day", 2, 16, "bold, tense")
    [(2, 6), (11, 16)]
    """
    parts = [c.strip() for c in str(cue).split(",") if c.strip()]
    if len(parts) < 2:
        return [(start, end)]
    found, low = set(), text[:end].lower()
    for part in parts:  # listed in any order
        at = low.find(part.lower(), start)
        if at < 0:
            return [(start, end)]
        found.add((at, at + len(part)))
    return sorted(found)


def _esc(text: str) -> str:
    return html.escape(text, quote=True)


def _sentence_html(article: Article, s, spans: list[tuple[int, int, str, str, str, str]]) -> str:
    cuts = {s.start, s.end}
    for a, b, *_ in spans:
        cuts.update((max(a, s.start), min(b, s.end)))
    points = sorted(c for c in cuts if s.start <= c <= s.end)
    parts = []
    for a, b in zip(points, points[1:]):
        if a >= b:
            continue
        active = [(cat, label, ref, kind) for x, y, cat, label, ref, kind in spans if x <= a and b <= y]
        chunk = _esc(article.text[a:b])
        if not active:
            parts.append(chunk)
            continue
        cats = list(dict.fromkeys(cat for cat, *_ in active))
        kinds = [f"al-att-{kind}" for cat, _, _, kind in active if kind and cat == "attribution"]
        classes = " ".join(dict.fromkeys(["al-m", *(ANNOTATION_STYLES[c][1] for c in cats), *kinds]))
        title = "\n".join(dict.fromkeys(label for _, label, _, _ in active))
        ref = next((r for _, _, r, _ in active if r), "")
        if ref:  # a figure: the stretch links to its card
            chunk = f'<a class="al-fig" href="#{_esc(ref)}">{chunk}</a>'
        parts.append(f'<mark class="{_esc(classes)}" data-categories="{_esc(" ".join(cats))}" title="{_esc(title)}">{chunk}</mark>')
    sid = _esc(s.id)
    return (f'<span class="al-s" id="{sid}" data-sentence="{sid}">'
            f'<a class="al-sid" href="#{sid}" title="sentence {sid}">{sid}</a>{"".join(parts)}</span>')


def _category_css(categories, *, scope: str, toggles: bool, element_id: str) -> str:
    """The highlight rules: for every category shown, or (with toggles) only while its layer's box is ticked."""
    layer_of = {c: key for key, (_, cats, _) in LAYERS.items() for c in cats}
    # Later rules win where a stretch is in two categories drawn the same way: loaded over booster over hedge.
    order = ["hedge", "booster", "loaded", *(c for c in ANNOTATION_STYLES if c not in ("hedge", "booster", "loaded"))]
    rules = []
    for cat in order:
        if cat not in categories:
            continue
        cls, rule = ANNOTATION_STYLES[cat][1], ANNOTATION_STYLES[cat][2]
        rules.append((cat, f"mark.{cls}", rule))
        if cat == "attribution":  # each kind of source in its colour, the one it has in every chart
            for kind in ATTRIBUTION_WORDS:
                style = "dashed" if kind == "unattributed" else "solid"
                rules.append((cat, f"mark.{cls}.al-att-{kind}", f"outline:1.5px {style} {category_colour(kind)}"))
    out = []
    for cat, selector, rule in rules:
        if toggles and cat in layer_of:
            box = _esc(f"{element_id}-t-{layer_of[cat]}")
            out.append(f"{scope}:has(#{box}:checked) {selector}{{{rule}}}")
        else:
            out.append(f"{scope} {selector}{{{rule}}}")
    # the legend's samples always show their style
    out += [f".al-legend mark.{ANNOTATION_STYLES[c][1]}{{{ANNOTATION_STYLES[c][2]}}}" for c in order if c in categories]
    return "".join(out)


def annotated_html(article: Article, *, categories: tuple[str, ...] = LANGUAGE_CATEGORIES,
                   element_id: str = "annotated-article", toggles: bool = False) -> str:
    """The article as an HTML fragment with the spans of :func:`annotations` highlighted (by default the
    language notebook's: hedges, boosters, loaded words and passives).

    A legend (with counts) comes first — with ``toggles``, one checkbox per layer of :data:`LAYERS` that has a
    category shown, ticked for the layers shown at first, switching its highlights on and off (CSS only, no
    script); each paragraph is a ``<p>``; each sentence a ``<span id="s12">`` that other reports can link to
    (``article.html#s12``), led by its id; each highlighted stretch a ``<mark>`` whose ``title`` tooltip names
    every category it belongs to (a figure's also links to its card, ``#figure-n1``). Passives are underlined so
    that they stay visible under a coloured word. Every piece of article text is HTML-escaped; ids are fixed, so
    the same article gives the same HTML.

    >>> from analysis.core.article import parse_article
    >>> out = annotated_html(parse_article("News\\n\\nIt may be <b>bold</b>."))
    >>> "&lt;b&gt;" in out and "<b>" not in out and 'id="s2"' in out
    True
    """
    spans = annotations(article, categories=categories)
    by_sentence: dict[str, list[tuple[int, int, str, str, str, str]]] = {}
    for r in spans.itertuples(index=False):
        by_sentence.setdefault(r.sentence_id, []).append((int(r.start), int(r.end), r.category, r.label, r.ref, r.kind))
    counts = spans["category"].value_counts()
    scope = f"#{_esc(element_id)}"
    css = _category_css(categories, scope=scope, toggles=toggles, element_id=element_id)

    def sample(key: str) -> str:
        label, cls, _, what = ANNOTATION_STYLES[key]
        return (f'<mark class="al-m {cls}" title="{_esc(what)}">{_esc(label)}</mark> '
                f'<span class="al-count">({int(counts.get(key, 0))})</span>')

    if toggles:
        items = []
        for key, (label, cats, shown) in LAYERS.items():
            cats = [c for c in cats if c in categories]
            if not cats:
                continue
            box = _esc(f"{element_id}-t-{key}")
            checked = " checked" if shown else ""
            items.append(f'<li><label><input type="checkbox" class="al-toggle" id="{box}" data-layer="{_esc(key)}"'
                         f'{checked}> {_esc(label)}:</label> {" ".join(sample(c) for c in cats)}</li>')
        legend = "".join(items)
    else:
        legend = "".join(f"<li>{sample(key)}</li>" for key in ANNOTATION_STYLES if key in categories)
    paras = []
    for p in article.paragraphs:
        sents = [s for s in article.sentences if s.paragraph == p.index]
        pieces = []
        pos = p.start
        for s in sents:
            pieces.append(_esc(article.text[pos:s.start]))
            pieces.append(_sentence_html(article, s, by_sentence.get(s.id, [])))
            pos = s.end
        pieces.append(_esc(article.text[pos:p.end]))
        paras.append(f'<p class="al-part-{_esc(p.part)}" data-paragraph="{p.index}">{"".join(pieces)}</p>')
    body = "".join(paras) or "<p>(no text)</p>"
    return (f'<div class="al-annotated" id="{_esc(element_id)}"><style>{_CSS}{css}</style>'
            f'<ul class="al-legend">{legend}</ul>{body}</div>')


def annotate(article: Article, **options) -> HTMLFragment:
    """:func:`annotated_html` wrapped for display in a notebook."""
    return HTMLFragment(annotated_html(article, **options))


def kwic_html(kwic: pd.DataFrame, *, caption: str = "") -> HTMLFragment:
    """A concordance from :func:`analysis.language.vocabulary.keyword_in_context` as an aligned, escaped HTML table.

    Left contexts are right-aligned and the matches line up in one column; each row links to
    its sentence in the annotated article.
    """
    style = ('<style>.al-kwic td{font-family:monospace;white-space:pre;border:none;padding:.1em .3em}'
             '.al-kwic td.l{text-align:right}.al-kwic td.m{font-weight:700;background:#f3f3f3}</style>')
    rows = "".join(
        f'<tr><td><a href="#{_esc(r.sentence_id)}">{_esc(r.sentence_id)}</a></td>'
        f'<td class="l">{_esc(r.left)}</td><td class="m">{_esc(r.match)}</td><td class="r">{_esc(r.right)}</td></tr>'
        for r in kwic.itertuples(index=False)
    )
    cap = f"<caption>{_esc(caption)}</caption>" if caption else ""
    if not rows:
        return HTMLFragment(f"<p>{_esc(caption)} No occurrences.</p>".replace("<p> ", "<p>"))
    return HTMLFragment(f'{style}<table class="al-kwic">{cap}{rows}</table>')

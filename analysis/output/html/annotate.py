"""The annotated article as HTML: hedges, boosters, loaded words and passive clauses highlighted, with a legend, tooltips and one anchor per sentence; every piece of article text escaped."""

from __future__ import annotations

import html
from dataclasses import dataclass

from analysis.core.lazy import pandas as pd

from ...core.article import Article
from ...language.loaded import loaded_words
from ...language.passives import passives
from ...language.stance import stance_markers

__all__ = ["ANNOTATION_STYLES", "annotations", "annotated_html", "annotate", "kwic_html", "HTMLFragment"]

#: The highlighted categories, in legend order: label, CSS class, CSS rule, what it marks.
ANNOTATION_STYLES: dict[str, tuple[str, str, str, str]] = {
    "loaded": ("Loaded or emotive word", "al-loaded", "background:#f9c9c9",
               "wording that carries a judgement or emotion (loaded_words.csv, VADER + opinion lexicon)"),
    "hedge": ("Hedge", "al-hedge", "background:#fde9a0",
              "softens a claim: may, appears, potential, approximately"),
    "booster": ("Booster", "al-booster", "background:#c8ddf7",
                "hardens a claim: clearly, particularly, significant"),
    "passive": ("Passive voice", "al-passive", "border-bottom:2px solid #6a3d9a",
                "a passive clause; the tooltip says whether it names who acts"),
}

_CSS = """
.al-annotated{line-height:1.9;max-width:48em;font-size:1rem;color:#222}
.al-annotated p{margin:.7em 0}
.al-annotated .al-part-headline{font-weight:600;font-size:1.15em}
.al-annotated .al-part-teaser,.al-annotated .al-part-standfirst{font-style:italic}
.al-annotated .al-sid{font-size:.65em;color:#777;vertical-align:super;margin-right:.15em;text-decoration:none;font-family:monospace}
.al-annotated mark.al-m{background:transparent;color:inherit;padding:0 .05em;border-radius:2px}
.al-annotated .al-s:target{outline:2px solid #ff9800;outline-offset:2px}
.al-legend{list-style:none;padding:0;margin:.5em 0 1em 0;display:flex;flex-wrap:wrap;gap:.4em 1.4em;font-size:.9em}
.al-legend mark.al-m{background:transparent;color:inherit;padding:0 .3em;border-radius:2px}
"""


@dataclass(frozen=True)
class HTMLFragment:
    """A piece of HTML a notebook displays as is (already escaped)."""

    html: str

    def _repr_html_(self) -> str:
        return self.html


def annotations(article: Article, *, categories: tuple[str, ...] = tuple(ANNOTATION_STYLES)) -> pd.DataFrame:
    """The spans to highlight. Columns: category, sentence_id, start, end, label (the tooltip line).

    From :func:`analysis.language.loaded.loaded_words`, :func:`analysis.language.stance.stance_markers`
    (hedges and boosters) and :func:`analysis.language.passives.passives`. Sorted by start, end, category.
    """
    rows = []
    if "loaded" in categories:
        for r in loaded_words(article).itertuples(index=False):
            rows.append(("loaded", r.sentence_id, r.start, r.end, f"loaded word ({r.reason}): {r.matched}"))
    markers = stance_markers(article) if {"hedge", "booster"} & set(categories) else None
    for cat in ("hedge", "booster"):
        if cat in categories and markers is not None:
            for r in markers[markers["category"] == cat].itertuples(index=False):
                sub = f" ({r.subcategory.replace('_', ' ')})" if r.subcategory else ""
                rows.append((cat, r.sentence_id, r.start, r.end, f"{cat}{sub}: {r.matched}"))
    if "passive" in categories:
        for r in passives(article).itertuples(index=False):
            who = "no agent named" if r.agentless else f"agent: {r.agent}"
            rows.append(("passive", r.sentence_id, r.start, r.end, f"passive voice, {who}: {r.text}"))
    frame = pd.DataFrame(rows, columns=["category", "sentence_id", "start", "end", "label"])
    order = {c: i for i, c in enumerate(ANNOTATION_STYLES)}
    frame["_o"] = frame["category"].map(order)
    frame = frame.sort_values(["start", "end", "_o"], kind="mergesort").drop(columns="_o")
    return frame.reset_index(drop=True)


def _esc(text: str) -> str:
    return html.escape(text, quote=True)


def _sentence_html(article: Article, s, spans: list[tuple[int, int, str, str]]) -> str:
    cuts = {s.start, s.end}
    for a, b, _, _ in spans:
        cuts.update((max(a, s.start), min(b, s.end)))
    points = sorted(c for c in cuts if s.start <= c <= s.end)
    parts = []
    for a, b in zip(points, points[1:]):
        if a >= b:
            continue
        active = [(cat, label) for x, y, cat, label in spans if x <= a and b <= y]
        chunk = _esc(article.text[a:b])
        if not active:
            parts.append(chunk)
            continue
        cats = list(dict.fromkeys(cat for cat, _ in active))
        classes = " ".join(["al-m", *(ANNOTATION_STYLES[c][1] for c in cats)])
        title = "\n".join(dict.fromkeys(label for _, label in active))
        parts.append(f'<mark class="{classes}" data-categories="{_esc(" ".join(cats))}" title="{_esc(title)}">{chunk}</mark>')
    sid = _esc(s.id)
    return (f'<span class="al-s" id="{sid}" data-sentence="{sid}">'
            f'<a class="al-sid" href="#{sid}" title="sentence {sid}">{sid}</a>{"".join(parts)}</span>')


def annotated_html(article: Article, *, categories: tuple[str, ...] = tuple(ANNOTATION_STYLES),
                   element_id: str = "annotated-article") -> str:
    """The article as an HTML fragment with its hedges, boosters, loaded words and passives highlighted.

    A legend (with counts) comes first; each paragraph is a ``<p>``; each sentence a
    ``<span id="s12">`` that other reports can link to (``01-language.html#s12``), led by its
    id; each highlighted stretch a ``<mark>`` whose ``title`` tooltip names every category it
    belongs to. Passives are underlined so that they stay visible under a coloured word.
    Every piece of article text is HTML-escaped; ids are fixed, so the same article gives the
    same HTML.

    >>> from analysis.core.article import parse_article
    >>> out = annotated_html(parse_article("News\\n\\nIt may be <b>bold</b>."))
    >>> "&lt;b&gt;" in out and "<b>" not in out and 'id="s2"' in out
    True
    """
    spans = annotations(article, categories=categories)
    by_sentence: dict[str, list[tuple[int, int, str, str]]] = {}
    for r in spans.itertuples(index=False):
        by_sentence.setdefault(r.sentence_id, []).append((int(r.start), int(r.end), r.category, r.label))
    counts = spans["category"].value_counts()
    # Later rules win where a stretch is in two coloured categories: loaded over booster over hedge.
    css = "".join(f".al-annotated mark.{ANNOTATION_STYLES[k][1]}{{{ANNOTATION_STYLES[k][2]}}}"
                  for k in ("hedge", "booster", "loaded", "passive"))
    legend = "".join(
        f'<li><mark class="al-m {cls}" title="{_esc(what)}">{_esc(label)}</mark> '
        f'<span class="al-count">({int(counts.get(key, 0))})</span></li>'
        for key, (label, cls, _, what) in ANNOTATION_STYLES.items() if key in categories
    )
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

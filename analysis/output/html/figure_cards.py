"""Figure cards: one HTML card per figure with its sentence, value, what it counts, hedge, source (or a visible "no source given"), time, figures it disagrees with and any matching reference figure — every article string escaped."""

from __future__ import annotations

import html
import math
import re

from analysis.core.lazy import pandas as pd

from ...core.article import Article
from ...numbers.records import figures
from ...numbers.reference import reference_matches

__all__ = ["figure_cards", "format_value", "FigureCards", "CARD_CSS"]

CARD_CSS = """
.al-cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(290px,1fr));gap:.8em;margin:.6em 0}
.al-card{border:1px solid #ccc;border-left:6px solid #2ca02c;border-radius:4px;padding:.55em .75em;background:#fff;font-size:.9em}
.al-card.al-unsourced{border-left-color:#d62728}
.al-card-value{font-size:1.35em;font-weight:600}
.al-card-kind{font-size:.75em;text-transform:uppercase;letter-spacing:.05em;color:#555;margin-left:.4em}
.al-card dl{display:grid;grid-template-columns:6.5em 1fr;gap:.1em .5em;margin:.4em 0}
.al-card dt{color:#555}.al-card dd{margin:0}
.al-nosource{color:#b00;font-weight:600}
.al-conflict{color:#8a4b00;font-weight:600}
.al-example{background:#fff3cd;padding:0 .25em;font-size:.8em}
.al-refmatch{font-weight:bold;color:#1a6e1a}
.al-card blockquote{margin:.4em 0 0;padding:.3em .5em;border-left:3px solid #ddd;color:#333;font-size:.9em}
.al-card mark{background:#ffe08a}
"""
_KIND_LABEL = {"count": "count", "money": "money", "percent": "percentage", "proportion": "share (fraction)",
               "duration": "duration", "other": "measure / ratio"}
_SOURCE_KIND = {"named_person": "named person", "named_org": "named organisation", "document": "document",
                "anonymous": "anonymous source", "vague": "vague attribution"}
_SCALE_WORDS = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))
_CURRENCY = {"USD": "$", "GBP": "£", "EUR": "€", "JPY": "¥", "AUD": "A$", "CAD": "C$", "INR": "₹"}


def _num(v: float) -> str:
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return ""
    if float(v) == int(v):
        return f"{int(v):,}"
    return f"{v:,.2f}".rstrip("0").rstrip(".")


def _short(v: float) -> str:
    for size, word in _SCALE_WORDS:
        if abs(v) >= size:
            return f"{_num(round(v / size, 2))} {word}"
    return _num(v)


def format_value(value: float, value_high: float | None = None, *, kind: str = "count", unit: str = "") -> str:
    """A figure's value for readers: thousands separators, ranges, percent signs and currency.

    >>> format_value(14_000_000.0), format_value(3.0, 5.0, kind="percent", unit="%")
    ('14,000,000 (14 million)', '3–5%')
    >>> format_value(2.5e9, kind="money", unit="USD"), format_value(3.0, kind="duration", unit="day")
    ('$2,500,000,000 ($2.5 billion)', '3 days')
    >>> format_value(0.25, kind="proportion"), format_value(-5e9, kind="money", unit="USD per share")
    ('0.25 (25%)', '-5,000,000,000 USD per share (-5 billion USD per share)')
    """
    high = None if value_high is None or (isinstance(value_high, float) and math.isnan(value_high)) else value_high
    body = _num(value) + (f"–{_num(high)}" if high is not None else "")
    big = max(abs(value), abs(high or 0)) >= 1e6
    short = _short(value) + (f"–{_short(high)}" if high is not None else "") if big else ""
    if kind == "percent":
        return body + ("%" if unit == "%" else f" {unit}")
    if kind == "proportion":
        pct = _num(round(value * 100, 1)) + (f"–{_num(round(high * 100, 1))}" if high is not None else "")
        return f"{body} ({pct}%)"
    if kind == "money":
        sym = _CURRENCY.get(unit)
        if sym:
            return f"{sym}{body}" + (f" ({sym}{short})" if short else "")
        return f"{body} {unit}" + (f" ({short} {unit})" if short else "")
    if kind == "duration":
        plural = "" if (high or value) == 1 else "s"
        return f"{body} {unit}{plural}".strip()
    if kind == "other" and unit:
        return f"{body} {unit}"
    return body + (f" ({short})" if short else "")


class FigureCards:
    """The cards as an HTML fragment (``markup``); displays itself in Jupyter."""

    def __init__(self, markup: str):
        self.markup = markup

    def _repr_html_(self) -> str:
        return self.markup


def _esc(v) -> str:
    return html.escape("" if v is None else str(v), quote=True)


def _is_text(v) -> bool:
    return isinstance(v, str) and bool(v.strip())


def _sentence_html(article: Article, sentence_id: str, start: int, end: int) -> str:
    s = article.sentence(sentence_id)
    a, b = start - s.start, end - s.start
    return f"{_esc(s.text[:a])}<mark>{_esc(s.text[a:b])}</mark>{_esc(s.text[b:])}"


def _sid_link(sentence_id: str) -> str:
    """The sentence id as a link to its sentence (a report points ``#s12`` at the annotated article)."""
    sid = _esc(sentence_id)
    return f'<a class="al-sid" href="#{sid}">{sid}</a>'


def _safe_url(url) -> str | None:
    return url if isinstance(url, str) and re.match(r"^https?://[^\s\"'<>]+$", url.strip()) else None


def _reference_html(m) -> str:
    """What a card says about a matching row of the user's reference table: "matches your reference" (within
    :data:`analysis.numbers.reference.AGREEMENT`) or "differs from your reference" with the ratio; the reference's
    value, source and date, and its link."""
    url = _safe_url(m.reference_url)
    link = f' <a href="{_esc(url)}" rel="noopener noreferrer">link</a>' if url else ""
    date = f", {_esc(m.reference_date)}" if _is_text(m.reference_date) else ""
    ref = f"{_esc(_num(m.reference_value))} {_esc(m.reference_unit)} ({_esc(m.reference_source)}{date}){link}"
    example = ' <span class="al-example">example row, not a checked fact</span>' if bool(m.example) else ""
    ratio = m.ratio if m.ratio is not None and not math.isnan(m.ratio) else None
    if bool(getattr(m, "agrees", False)):
        return f'<span class="al-refmatch">matches your reference</span>: {ref}{example}'
    said = f"; the article's figure is {ratio:.2f} × this" if ratio is not None else ""
    return f"differs from your reference: {ref}{said}{example}"


def figure_cards(article: Article, figs: pd.DataFrame | None = None, *, references: pd.DataFrame | None = None,
                 matches: pd.DataFrame | None = None) -> FigureCards:
    """One card per figure (in reading order). ``figs`` defaults to :func:`analysis.numbers.records.figures`;
    ``matches`` to :func:`analysis.numbers.reference.reference_matches` (pass ``references`` to use another table).

    Every string from the article or from the reference table is HTML-escaped; a reference URL is
    linked only when it is a plain http(s) address.
    """
    figs = figures(article) if figs is None else figs
    if matches is None:
        matches = reference_matches(article, references=references)
    by_id = {r.id: r for r in figs.itertuples(index=False)}
    cards = []
    for f in figs.itertuples(index=False):
        unsourced = not _is_text(f.source)
        rows = []
        rows.append(("Counts", _esc(f.counts) if _is_text(f.counts) else '<span class="al-muted">not found in the sentence</span>'))
        if _is_text(f.approximation):
            bound = f" <small>({_esc(f.bound)})</small>" if _is_text(getattr(f, "bound", None)) else ""
            rows.append(("Hedge", _esc(f.approximation) + bound))
        else:
            rows.append(("Hedge", "none: stated as exact"))
        if unsourced:
            rows.append(("Source", '<span class="al-nosource">no source given</span>'))
        else:
            kind = _SOURCE_KIND.get(getattr(f, "source_kind", None) or "", "")
            rows.append(("Source", _esc(f.source) + (f" <small>({_esc(kind)})</small>" if kind else "")))
        rows.append(("When", _esc(f.time) if _is_text(f.time) else "no time given"))
        rows.append(("Rounded", "yes" if bool(f.rounded) else "no"))
        conflicts = list(getattr(f, "conflicts_with", []) or [])
        if conflicts:
            items = []
            for cid in conflicts:
                other = by_id.get(cid)
                if other is not None:
                    items.append(f'<a href="#figure-{_esc(cid)}">{_esc(other.text)}</a> in {_sid_link(other.sentence_id)}')
            rows.append(("Disagrees with", '<span class="al-conflict">' + "; ".join(items) + "</span>"))
        for m in matches[matches["id"] == f.id].itertuples(index=False) if len(matches) else ():
            rows.append(("Reference", _reference_html(m)))
        dl = "".join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in rows)
        value = format_value(float(f.value), f.value_high, kind=f.kind, unit=f.unit)
        cls = "al-card al-unsourced" if unsourced else "al-card"
        cards.append(
            f'<article class="{cls}" id="figure-{_esc(f.id)}">'
            f'<div><span class="al-card-value">{_esc(value)}</span><span class="al-card-kind">{_esc(_KIND_LABEL.get(f.kind, f.kind))}</span></div>'
            f"<dl>{dl}</dl>"
            f"<blockquote>{_sid_link(f.sentence_id)} {_sentence_html(article, f.sentence_id, int(f.start), int(f.end))}</blockquote>"
            "</article>"
        )
    if not cards:
        return FigureCards(f"<style>{CARD_CSS}</style><p>No figures in this article.</p>")
    return FigureCards(f'<style>{CARD_CSS}</style><div class="al-cards">{"".join(cards)}</div>')

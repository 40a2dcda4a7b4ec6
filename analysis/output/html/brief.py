"""The article brief as HTML: the ranked findings, each with its evidence sentences as links, and how reliable
its detector is; every piece of article text escaped."""

from __future__ import annotations

import html
import re
from typing import Mapping, Sequence

from ..brief import Finding
from ..charts.dashboard import Panel, panel_svg

__all__ = ["brief_html", "dashboard_html", "top_findings_html", "sentence_link", "BRIEF_CSS", "DASHBOARD_CSS",
           "TOP_FINDINGS_CSS"]

#: The page an evidence link opens: the annotated article, where every sentence has an anchor (``#s12``).
ANNOTATED_PAGE = "article.html"

BRIEF_CSS = """
ol.al-brief{padding-left:1.4em}ol.al-brief li{margin:.5em 0}
.al-brief .al-ev a{font-variant-numeric:tabular-nums}.al-brief .al-rel{display:block;font-size:.8em;color:#555}
.al-brief .al-unusual{font-size:.75em;border:1px solid #b35900;color:#b35900;border-radius:3px;padding:0 .3em;margin-left:.4em}
"""


_SID = re.compile(r"\bs\d+\b")


def sentence_link(sentence_id: str, page: str = ANNOTATED_PAGE) -> str:
    """A link to a sentence of the annotated article.

    >>> sentence_link("s12")
    '<a href="article.html#s12" class="al-sid">s12</a>'
    """
    sid = html.escape(sentence_id, quote=True)
    return f'<a href="{html.escape(page, quote=True)}#{sid}" class="al-sid">{html.escape(sentence_id)}</a>'


def brief_html(findings: Sequence[Finding], reliability: Mapping[str, str], *, page: str = ANNOTATED_PAGE,
               max_links: int = 8) -> str:
    """An ordered list of the findings, most unusual first: the sentence, 'unusual' when the article falls in the
    outer fifth of the reference, links to its evidence sentences, and its detector's reliability."""
    items = []
    said: set[str] = set()  # each detector's reliability once, at its first finding
    for f in findings:
        unusual = f.percentile is not None and (f.percentile >= 90 or f.percentile <= 10)
        badge = '<span class="al-unusual" title="outside 80 % of the Brown news texts">unusual</span>' if unusual else ""
        links = " ".join(sentence_link(s, page) for s in f.evidence[:max_links])
        more = f" and {len(f.evidence) - max_links} more" if len(f.evidence) > max_links else ""
        evidence = f'<span class="al-ev"> Evidence: {links}{more}.</span>' if links else ""
        rel = reliability.get(f.detector, "") if f.detector not in said else ""
        said.add(f.detector)
        rel_html = f'<span class="al-rel">{html.escape(rel)}</span>' if rel else ""
        text = _SID.sub(lambda m: sentence_link(m.group(0), page), html.escape(f.text))  # ids in the text are links too
        items.append(f'<li data-finding="{html.escape(f.key, quote=True)}">{text}{badge}'
                     f"{evidence}{rel_html}</li>")
    if not items:
        return '<p class="al-brief">No finding stands out.</p>'
    return f'<style>{BRIEF_CSS}</style><ol class="al-brief">{"".join(items)}</ol>'


TOP_FINDINGS_CSS = """
ul.al-top{margin:.3em 0 0;padding-left:1.1em;font-size:.85em;color:#222;max-width:40em}ul.al-top li{margin:.15em 0}
"""


def top_findings_html(findings: Sequence[Finding], *, page: str = ANNOTATED_PAGE, n: int = 3,
                      max_links: int = 3) -> str:
    """The ``n`` most unusual findings as a short list for the site index: each finding's sentence with its
    first evidence sentences as links (``page`` is the article's annotated page, relative to the index).

    >>> f = Finding("vague", "Vague sources: 'reports suggest' (s13).", ("s13",), 0.9, 99.0, "quotes", "02-framing")
    >>> top_findings_html([f], page="seed/article.html")
    '<ul class="al-top"><li>Vague sources: &#x27;reports suggest&#x27; (<a href="seed/article.html#s13" class="al-sid">s13</a>).</li></ul>'
    """
    items = []
    for f in list(findings)[:n]:
        text = _SID.sub(lambda m: sentence_link(m.group(0), page), html.escape(f.text))
        ids = [s for s in f.evidence[:max_links] if not re.search(rf"\b{re.escape(s)}\b", f.text)]
        more = " …" if len(f.evidence) > max_links else ""
        links = f" ({' '.join(sentence_link(s, page) for s in ids)}{more})" if ids else ""
        items.append(f"<li>{text}{links}</li>")
    return f'<ul class="al-top">{"".join(items)}</ul>' if items else ""


DASHBOARD_CSS = """
.al-dash{display:grid;grid-template-columns:repeat(auto-fill,minmax(min(100%,280px),1fr));gap:1em;margin:1em 0}
.al-tile{border:1px solid #ddd;border-radius:4px;padding:.5em .7em;min-width:0}
.al-tile h3{font-size:1em;margin:0 0 .3em}.al-tile h3 a{text-decoration:none}.al-tile h3 a::after{content:" \\2192"}
.al-tile svg{display:block;width:100%;height:auto}.al-tile p{font-size:.8em;color:#444;margin:.4em 0 0}
.al-tile p.al-few{font-size:.9em;color:#222}
@media print{.al-dash{grid-template-columns:1fr 1fr}.al-tile{page-break-inside:avoid}}
"""


def dashboard_html(panels: Sequence[Panel], *, page: str = ANNOTATED_PAGE) -> str:
    """The dashboard: a grid of small charts, each titled with a link to its report section, with its sentence
    below (or a sentence alone when the panel has too few data points to draw)."""
    tiles = []
    for p in panels:
        svg = panel_svg(p, page=page)
        text = _SID.sub(lambda m: sentence_link(m.group(0), page), html.escape(p.note))  # ids in the note: links
        note = (f'<p class="{"" if svg else "al-few"}">{text}</p>'.replace(' class=""', "") if p.note else "")
        tiles.append(f'<section class="al-tile" data-panel="{html.escape(p.key, quote=True)}">'
                     f'<h3><a href="{html.escape(p.href, quote=True)}">{html.escape(p.title)}</a></h3>{svg}{note}</section>')
    if not tiles:
        return ""
    return f'<style>{DASHBOARD_CSS}</style><div class="al-dash">{"".join(tiles)}</div>'

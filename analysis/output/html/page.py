"""What every exported report page gets around the notebook's output: the sanity checks left out, a table of
contents, a Method footer with provenance, responsive and print styles, and a static image of each chart for print.
Pure string functions; the notebook HTML comes from nbconvert, whose text is already escaped."""

from __future__ import annotations

import html
import re
from typing import Iterable, Mapping

__all__ = ["SANITY_TAG", "NOTEBOOK_ONLY_TAG", "PAGE_CSS", "drop_sanity_cells", "table_of_contents", "method_footer", "print_images"]

#: Cells tagged with this (cell metadata ``tags``) are checks of the code's invariants: run in the notebook, never
#: exported. A markdown cell headed "Sanity checks" and the code cells under it are treated the same way.
SANITY_TAG = "sanity"
#: Cells tagged with this are for the notebook only and are not exported either (the language notebook's annotated
#: article: a report has the full one on a page of its own, ``article.html``).
NOTEBOOK_ONLY_TAG = "notebook-only"

PAGE_CSS = """
html{-webkit-text-size-adjust:100%}body{overflow-wrap:break-word}
img,svg,video{max-width:100%;height:auto}.plotly-graph-div,.js-plotly-plot{max-width:100%}.al-chart{max-width:100%;overflow:hidden}
table{display:block;max-width:100%;overflow-x:auto}.al-table-box table{display:table}
pre,code{white-space:pre-wrap;overflow-wrap:anywhere}
nav.al-toc{position:sticky;top:0;background:#fff;border-bottom:1px solid #ddd;padding:.3em 0;z-index:10;font-size:.85em}
nav.al-toc a{margin-right:.8em;white-space:nowrap;display:inline-block}
footer.al-method{margin-top:3em;border-top:1px solid #ddd;font-size:.8em;color:#444}
img.al-print{display:none}
@media (max-width:600px){body{margin:1em auto;padding:0 .5em}h1{font-size:1.4em}}
@page{size:A4;margin:15mm}
@media print{
 nav,nav.al-toc,.al-table-tools,a.al-anchor{display:none!important}
 body{max-width:none;margin:0;font-size:10pt}
 .plotly-graph-div,.js-plotly-plot{display:none!important}img.al-print{display:block;max-width:100%;page-break-inside:avoid}
 a.al-sid::after,td.al-sids a::after,.al-brief .al-ev a::after{content:" (" attr(href) ")";font-size:.8em;color:#555}
 h2,h3{page-break-after:avoid}tr{page-break-inside:avoid}
}
"""


def drop_sanity_cells(cells: list[dict]) -> list[dict]:
    """The notebook's cells without its sanity checks (tagged :data:`SANITY_TAG`, or under a "Sanity checks"
    heading up to the next heading) and without the cells tagged :data:`NOTEBOOK_ONLY_TAG`."""
    out, skipping = [], False
    for cell in cells:
        source = "".join(cell.get("source", "")) if isinstance(cell.get("source"), list) else cell.get("source", "")
        tags = cell.get("metadata", {}).get("tags", [])
        if cell.get("cell_type") == "markdown" and source.lstrip().startswith("#"):
            skipping = bool(re.match(r"#+\s*sanity checks?\b", source.lstrip(), re.IGNORECASE))
        if skipping or SANITY_TAG in tags or NOTEBOOK_ONLY_TAG in tags:
            continue
        out.append(cell)
    return out


_H2 = re.compile(r'<h2 id="([^"]+)"[^>]*>(.*?)</h2>', re.DOTALL)


def table_of_contents(body: str) -> str:
    """A sticky list of links to the page's sections (its ``<h2>`` headings); empty for fewer than two."""
    items = []
    for anchor, inner in _H2.findall(body):
        text = re.sub(r"<[^>]+>", "", inner).replace("¶", "").strip()
        if text:
            items.append(f'<a href="#{html.escape(anchor, quote=True)}">{text}</a>')  # text is nbconvert's, escaped
    if len(items) < 2:
        return ""
    return f'<nav class="al-toc" aria-label="Sections">{"".join(items)}</nav>'


def method_footer(facts: Iterable[tuple[str, str]]) -> str:
    """The Method footer: provenance and versions, each value escaped."""
    rows = "".join(f"<li><strong>{html.escape(k)}</strong>: {html.escape(v)}</li>" for k, v in facts if v)
    return f'<footer class="al-method"><h2 id="method">Method</h2><ul>{rows}</ul></footer>'


_CHART_DIV = re.compile(r'<div class="al-chart" data-chart="([^"]+)">')


def print_images(body: str, folder: str, available: Mapping[str, str] | None = None) -> str:
    """After each chart, its PNG (``folder/<id>.png``) for print, where the screen shows the interactive chart.

    ``available`` maps chart ids to alt text; charts not in it get no image (nothing was saved for them).
    """
    def add(m: re.Match) -> str:
        chart_id = m.group(1)
        if available is not None and chart_id not in available:
            return m.group(0)
        alt = html.escape((available or {}).get(chart_id, chart_id), quote=True)
        src = html.escape(f"{folder}/{html.unescape(chart_id)}.png", quote=True)
        return f'<img class="al-print" src="{src}" alt="{alt}" loading="lazy">' + m.group(0)

    return _CHART_DIV.sub(add, body)

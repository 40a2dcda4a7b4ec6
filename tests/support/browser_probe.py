"""A deeper look at report pages in headless Chromium than ``browser_support.check_pages``.

Same browser, flags and wall around the network: it runs on ``browser_support.visit_pages``, so
only file:, data:, blob: and about: load, everything else is aborted and recorded, and console
errors and dialogs are collected the same way. On top, what the report and security tests need:
it hovers the mouse over every plotly chart (so hover labels are drawn from the article's
strings), dispatches the events hostile markup could hang code on (mouseover, focus, load,
error...), then reads the DOM for ``on*`` attributes, ``javascript:`` links, iframes and the
number of elements matching given CSS selectors, and the ``window.__xss`` flag every test payload
sets when it runs. A helper for tests, not a test file.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from support.browser_support import PageCheck, file_url, visit_pages

if TYPE_CHECKING:
    from playwright.sync_api import Page

__all__ = ["Probe", "probe_pages"]

_DOM_JS = """(selectors) => {
    const all = Array.from(document.querySelectorAll('body *'));
    for (const el of all) {
        for (const type of ['mouseover', 'mouseenter', 'focus', 'focusin', 'animationstart', 'load', 'error']) {
            try { el.dispatchEvent(new Event(type, {bubbles: true})); } catch (e) {}
        }
    }
    const onAttrs = [], jsLinks = [];
    for (const el of document.querySelectorAll('*')) {
        for (const a of Array.from(el.attributes)) {
            const name = a.name.toLowerCase();
            if (name.startsWith('on')) onAttrs.push(el.tagName + ' ' + a.name + '=' + a.value.slice(0, 80));
            if (['href', 'src', 'xlink:href', 'action', 'formaction'].includes(name) &&
                /^\\s*(javascript|vbscript):/i.test(a.value)) jsLinks.push(el.tagName + ' ' + a.value.slice(0, 80));
        }
    }
    const counts = {};
    for (const s of selectors) counts[s] = document.querySelectorAll(s).length;
    const divs = Array.from(document.querySelectorAll('.plotly-graph-div'));
    return {
        onAttrs, jsLinks, counts,
        iframes: document.querySelectorAll('iframe, object, embed, frame').length,
        plots: divs.length,
        rendered: divs.filter(d => d.querySelector('svg.main-svg') !== null).length,
        text: document.body ? document.body.innerText : '',
    };
}"""

# null stays visible as "null": only a never-set flag counts as "no payload ran".
_XSS_JS = "() => (window.__xss === undefined ? null : String(window.__xss))"


@dataclass(kw_only=True)
class Probe(PageCheck):
    """What happened on one page: a :class:`~browser_support.PageCheck` plus the probing.

    ``text`` is the whole ``innerText`` (not capped) after events fired and charts were
    hovered; plot counts are read after them too. ``js_flags`` is not read: see ``xss``.
    """

    #: The page as given to :func:`probe_pages` (not resolved), for ``relative_to``.
    path: Path
    #: Mouse positions visited over plotly charts (25 per chart; 0 with ``hover=False``).
    hover_points: int = 0
    #: ``String(window.__xss)`` after loading, hovering and firing events (None: no payload ran).
    xss: Any = None
    #: ``TAG name=value`` (value cut at 80 characters) for every ``on*`` attribute in the DOM.
    on_attributes: list[str] = field(default_factory=list)
    #: ``TAG value`` for every href/src/action... that starts with ``javascript:`` or ``vbscript:``.
    js_links: list[str] = field(default_factory=list)
    #: Number of iframe, object, embed and frame elements.
    frames: int = 0
    #: CSS selector -> number of matching elements, for the ``selectors`` asked for.
    counts: dict[str, int] = field(default_factory=dict)


def _shot_name(path: Path, root: Path | None) -> str:
    rel = path.relative_to(root) if root and root in path.parents else Path(path.name)
    return re.sub(r"[^A-Za-z0-9._-]+", "-", str(rel.with_suffix(""))).strip("-") + ".png"


def probe_pages(
    paths: Iterable[Path],
    *,
    screenshot_dir: Path | None = None,
    root: Path | None = None,
    selectors: Sequence[str] = (),
    hover: bool = True,
    wait_ms: int = 5000,
) -> list[Probe]:
    """Open each page offline in one headless Chromium (fresh context per page) and probe it.

    Screenshots (full page) go to ``screenshot_dir`` named after the path relative to ``root``.
    """
    paths = [Path(p) for p in paths]
    probes = [Probe(url=file_url(p), path=p) for p in paths]
    shots = [None if screenshot_dir is None else Path(screenshot_dir) / _shot_name(p, root) for p in paths]
    selector_list = list(selectors)

    def read(page: Page, probe: Probe) -> None:
        if hover:
            probe.hover_points = _hover_plots(page)
        dom = page.evaluate(_DOM_JS, selector_list)
        page.wait_for_timeout(150)  # let handlers the events queued run before reading the flag
        probe.xss = page.evaluate(_XSS_JS)
        probe.on_attributes, probe.js_links, probe.frames = dom["onAttrs"], dom["jsLinks"], dom["iframes"]
        probe.plot_containers, probe.rendered_plots = dom["plots"], dom["rendered"]
        probe.counts, probe.text = dom["counts"], dom["text"]

    return visit_pages(probes, read, screenshots=shots, wait_ms=wait_ms)


def _hover_plots(page: Page) -> int:
    """Move the mouse over a 5x5 grid of every plotly chart's plot area so hover labels render."""
    count = page.evaluate("() => document.querySelectorAll('.plotly-graph-div .nsewdrag').length")
    n = 0
    for i in range(count):
        box = page.evaluate("""(i) => { const e = document.querySelectorAll('.plotly-graph-div .nsewdrag')[i];
            e.scrollIntoView({block: 'center'}); const r = e.getBoundingClientRect(); return [r.x, r.y, r.width, r.height]; }""", i)
        x, y, w, h = box
        for fx in (0.1, 0.3, 0.5, 0.7, 0.9):
            for fy in (0.1, 0.3, 0.5, 0.7, 0.9):
                page.mouse.move(x + w * fx, y + h * fy)
                n += 1
    return n

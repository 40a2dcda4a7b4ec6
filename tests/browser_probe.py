"""A deeper look at report pages in headless Chromium than ``browser_support.check_pages``.

Same browser, same flags and the same wall around the network (only file:, data:, blob: and
about: load; everything else is aborted and recorded), plus what the report and security tests
need on top: it hovers the mouse over every plotly chart (so hover labels are drawn from the
article's strings), dispatches the events hostile markup could hang code on (mouseover, focus,
load, error...), then reads the DOM for ``on*`` attributes, ``javascript:`` links, iframes and the
number of elements matching given CSS selectors, and the ``window.__xss`` flag every test payload
sets when it runs. A helper for tests, not a test file.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from browser_support import CHROMIUM_ARGS, LOCAL_SCHEMES, find_chromium

__all__ = ["Probe", "probe_pages"]

_PLOTS_RENDERED_JS = """() => Array.from(document.querySelectorAll('.plotly-graph-div'))
    .every(d => d.querySelector('svg.main-svg') !== null)"""

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


@dataclass
class Probe:
    """What happened on one page."""

    path: Path
    title: str = ""
    console_errors: list[str] = field(default_factory=list)
    external_requests: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    plot_containers: int = 0
    rendered_plots: int = 0
    hover_points: int = 0
    #: ``window.__xss`` after loading, hovering and firing events (None: no payload ran).
    xss: Any = None
    on_attributes: list[str] = field(default_factory=list)
    js_links: list[str] = field(default_factory=list)
    frames: int = 0
    counts: dict[str, int] = field(default_factory=dict)
    text: str = ""
    screenshot: Path | None = None


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
    from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
    from playwright.sync_api import sync_playwright

    results = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=find_chromium(), headless=True, args=list(CHROMIUM_ARGS))
        try:
            for path in map(Path, paths):
                probe = Probe(path=path)
                blocked: set[str] = set()
                errors: list[tuple[str, str | None]] = []
                context = browser.new_context(viewport={"width": 1280, "height": 900}, service_workers="block",
                                              accept_downloads=False)
                try:
                    def on_route(route, probe=probe, blocked=blocked):
                        url = route.request.url
                        if url.lower().startswith(LOCAL_SCHEMES):
                            route.continue_()
                        else:
                            probe.external_requests.append(url)
                            blocked.add(url)
                            route.abort("blockedbyclient")

                    def on_ws(ws, probe=probe):
                        probe.external_requests.append(ws.url)
                        ws.close()

                    context.route("**/*", on_route)
                    context.route_web_socket("**/*", on_ws)
                    page = context.new_page()
                    page.on("dialog", lambda d, probe=probe: (probe.dialogs.append(d.message), d.dismiss()))
                    page.on("pageerror", lambda e, errors=errors: errors.append((f"pageerror: {e}", None)))
                    page.on("console", lambda m, errors=errors: m.type == "error" and errors.append(
                        (m.text, (m.location or {}).get("url", ""))))
                    page.goto(path.resolve().as_uri(), wait_until="load", timeout=30_000)
                    try:
                        page.wait_for_function(_PLOTS_RENDERED_JS, timeout=wait_ms, polling=100)
                    except PlaywrightTimeoutError:
                        pass
                    if hover:
                        probe.hover_points = _hover_plots(page)
                    dom = page.evaluate(_DOM_JS, list(selectors))
                    page.wait_for_timeout(150)
                    probe.xss = page.evaluate("() => (window.__xss === undefined ? null : String(window.__xss))")
                    probe.title = page.title()
                    probe.on_attributes, probe.js_links, probe.frames = dom["onAttrs"], dom["jsLinks"], dom["iframes"]
                    probe.plot_containers, probe.rendered_plots = dom["plots"], dom["rendered"]
                    probe.counts, probe.text = dom["counts"], dom["text"]
                    if screenshot_dir is not None:
                        shot = Path(screenshot_dir) / _shot_name(path, root)
                        shot.parent.mkdir(parents=True, exist_ok=True)
                        page.screenshot(path=str(shot), full_page=True)
                        probe.screenshot = shot
                finally:
                    context.close()
                probe.console_errors = [t for t, where in errors
                                        if not (where in blocked and t.startswith("Failed to load resource"))]
                results.append(probe)
        finally:
            browser.close()
    return results


def _hover_plots(page) -> int:
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

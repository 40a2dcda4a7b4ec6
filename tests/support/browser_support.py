"""Open local HTML reports in headless Chromium with the network cut off, and say what happened.

A helper for tests, not a test file. The reports article-lens writes must open offline, must
draw their plotly charts, and must never run script that came in with the data. ``check_page``
opens one file the way a reader would (``file://`` in Debian's Chromium, driven by playwright)
and returns a :class:`PageCheck`: the title, the console errors and uncaught exceptions, every
request that tried to leave the machine (all of them are aborted), every alert/confirm/prompt
that opened, how many plotly charts exist and how many actually rendered, the visible text, a
few ``window`` globals that hostile-payload tests set (``window.__xss = 1``), and optionally a
full-page screenshot.

Both ``check_pages`` and the deeper probe in ``browser_probe.py`` (hover every chart, fire every
event, scan the DOM for ``on*`` attributes) run on :func:`visit_pages`: one browser launch, a
fresh offline context per page, network blocked and recorded, console errors and dialogs
collected, and a callback that reads whatever the caller needs from the loaded page.

Only Debian's ``chromium`` package is used (``bash .ci/install-browser.sh`` installs it); no
browser build is ever downloaded. Tests call :func:`skip_without_chromium` first so a machine
without it skips them with a visible reason instead of failing.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:  # playwright is imported lazily so this module imports without it
    from playwright.sync_api import (
        Browser,
        BrowserContext,
        ConsoleMessage,
        Dialog,
        Page,
        Route,
        ViewportSize,
        WebSocketRoute,
    )

__all__ = [
    "CHROMIUM_ARGS",
    "CHROMIUM_ENV",
    "DEFAULT_JS_FLAGS",
    "LOCAL_SCHEMES",
    "PageCheck",
    "check_page",
    "check_pages",
    "file_url",
    "find_chromium",
    "skip_without_chromium",
    "visit_pages",
]

#: Environment variable naming the Chromium executable to use (overrides the PATH search).
CHROMIUM_ENV = "ARTICLE_LENS_CHROMIUM"

#: Executable names searched on PATH, in order, when CHROMIUM_ENV is not set.
_CANDIDATES: tuple[str, ...] = ("chromium", "chromium-browser", "google-chrome")

#: URL schemes that stay on the machine; a request to any other scheme is recorded and aborted.
LOCAL_SCHEMES: tuple[str, ...] = ("file:", "data:", "blob:", "about:")

#: ``window`` globals read into :attr:`PageCheck.js_flags` unless the caller names others.
DEFAULT_JS_FLAGS: tuple[str, ...] = ("__xss",)

#: Flags for running as root in a container, with nothing phoning home. The resolver and
#: proxy flags are a second wall behind request interception: a request that somehow escaped
#: the route (or WebRTC UDP) would find no DNS and a dead loopback proxy, never the network.
CHROMIUM_ARGS: tuple[str, ...] = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    "--dns-prefetch-disable",
    "--host-resolver-rules=MAP * ~NOTFOUND",
    "--proxy-server=http://127.0.0.1:9",
    "--proxy-bypass-list=<-loopback>",
    "--force-webrtc-ip-handling-policy=disable_non_proxied_udp",
)

_SKIP_REASON = "chromium not installed: run `bash .ci/install-browser.sh` (Debian package chromium)"
_TEXT_LIMIT = 20_000
_VIEWPORT: ViewportSize = {"width": 1280, "height": 900}
#: Upper bound for loading one page; a page that never fires ``load`` is a failure, not a hang.
_LOAD_TIMEOUT_MS = 30_000

# Every .plotly-graph-div holds an svg.main-svg once Plotly has drawn it (zero charts: true).
_PLOTS_RENDERED_JS = """() => Array.from(document.querySelectorAll('.plotly-graph-div'))
    .every(d => d.querySelector('svg.main-svg') !== null)"""

_COUNT_PLOTS_JS = """() => {
    const divs = Array.from(document.querySelectorAll('.plotly-graph-div'));
    return [divs.length, divs.filter(d => d.querySelector('svg.main-svg') !== null).length];
}"""

_TEXT_JS = """(limit) => {
    const body = document.body;
    const text = body ? body.innerText : '';
    return (typeof text === 'string' ? text : '').slice(0, limit);
}"""

# Read globals without trusting them: undefined -> null; primitives, arrays and plain objects
# as JSON; anything else (functions, DOM nodes, cycles) -> its String(), e.g. "[object Window]".
_FLAGS_JS = """(names) => {
    const describe = (value) => {
        try { return String(value); } catch (e) { return typeof value; }
    };
    const out = {};
    for (const name of names) {
        let value;
        try { value = window[name]; } catch (e) { out[name] = 'unreadable: ' + e; continue; }
        if (value === undefined || value === null) { out[name] = null; continue; }
        const kind = typeof value;
        if (kind === 'string' || kind === 'boolean' || (kind === 'number' && isFinite(value))) {
            out[name] = value; continue;
        }
        const proto = kind === 'object' ? Object.getPrototypeOf(value) : undefined;
        if (Array.isArray(value) || proto === Object.prototype || proto === null) {
            try { out[name] = JSON.parse(JSON.stringify(value)); continue; } catch (e) {}
        }
        out[name] = describe(value);
    }
    return out;
}"""


@dataclass
class PageCheck:
    """What happened when one HTML file was opened offline in headless Chromium."""

    #: The ``file://`` URL that was opened.
    url: str
    #: ``document.title`` after load.
    title: str = ""
    #: Console messages of type ``error`` plus uncaught exceptions (prefixed ``pageerror: ``).
    #: "Failed to load resource" messages for requests this helper blocked are left out: those
    #: requests are in :attr:`external_requests` already.
    console_errors: list[str] = field(default_factory=list)
    #: Every request (including websockets) whose URL is not file:, data:, blob: or about:,
    #: in the order made; each was aborted, so nothing left the machine.
    external_requests: list[str] = field(default_factory=list)
    #: The message of each alert/confirm/prompt/beforeunload that opened (all dismissed).
    #: Any entry means script ran that a report should never run.
    dialogs: list[str] = field(default_factory=list)
    #: Number of elements with class ``plotly-graph-div``.
    plot_containers: int = 0
    #: How many of those contain an ``svg.main-svg``, i.e. Plotly actually drew them.
    rendered_plots: int = 0
    #: The full-page PNG written, if one was asked for.
    screenshot: Path | None = None
    #: ``document.body.innerText``, first 20,000 characters.
    text: str = ""
    #: Each requested ``window`` global (default ``__xss``) -> its value, None if undefined.
    js_flags: dict[str, Any] = field(default_factory=dict)


def find_chromium() -> str | None:
    """Return the Chromium executable to use, or None when there is none.

    ``$ARTICLE_LENS_CHROMIUM`` wins when set (an explicit choice: a wrong value then fails
    loudly at launch instead of silently skipping); otherwise the first of ``chromium``,
    ``chromium-browser``, ``google-chrome`` found on PATH.
    """
    explicit = os.environ.get(CHROMIUM_ENV, "").strip()
    if explicit:
        return explicit
    for name in _CANDIDATES:
        found = shutil.which(name)
        if found:
            return found
    return None


def skip_without_chromium() -> str:
    """Skip the calling test, with a visible reason, unless Chromium and playwright are here.

    Returns the Chromium executable path when the test can go on.
    """
    import pytest

    executable = find_chromium()
    if executable is None:
        pytest.skip(_SKIP_REASON)
    if importlib.util.find_spec("playwright") is None:
        pytest.skip("python package playwright not installed: pip install playwright")
    return executable


def check_page(
    path: Path,
    *,
    screenshot: Path | None = None,
    wait_ms: int = 1500,
    js_flags: Sequence[str] = DEFAULT_JS_FLAGS,
) -> PageCheck:
    """Open ``path`` offline in headless Chromium and report what happened (one browser launch).

    All network is blocked: only file:, data:, blob: and about: URLs load; every other request
    is aborted and recorded. After ``load`` it polls up to ``wait_ms`` for every plotly chart
    to render, then reads the page, writes a full-page PNG to ``screenshot`` if given, and
    closes the browser.
    """
    check = PageCheck(url=file_url(path))
    return visit_pages([check], _reader(js_flags), screenshots=[screenshot], wait_ms=wait_ms)[0]


def check_pages(
    paths: Iterable[Path],
    *,
    screenshot_dir: Path | None = None,
    wait_ms: int = 1500,
    js_flags: Sequence[str] = DEFAULT_JS_FLAGS,
) -> list[PageCheck]:
    """Like :func:`check_page` for many files, reusing one browser (a fresh context per page).

    With ``screenshot_dir``, each page's PNG is ``<stem>.png`` there (``<stem>-2.png``... when
    two pages share a stem). Results come back in the order of ``paths``.
    """
    paths = [Path(p) for p in paths]
    shots: list[Path | None] = [None] * len(paths)
    if screenshot_dir is not None:
        used: set[str] = set()
        for i, p in enumerate(paths):
            name, n = f"{p.stem}.png", 1
            while name in used:
                n += 1
                name = f"{p.stem}-{n}.png"
            used.add(name)
            shots[i] = Path(screenshot_dir) / name
    checks = [PageCheck(url=file_url(p)) for p in paths]
    return visit_pages(checks, _reader(js_flags), screenshots=shots, wait_ms=wait_ms)


def file_url(path: Path) -> str:
    """The ``file://`` URL of the file at ``path`` (resolved); FileNotFoundError when there is none."""
    resolved = Path(path).resolve()
    if not resolved.is_file():
        raise FileNotFoundError(f"no HTML file to check at {resolved}")
    return resolved.as_uri()


CheckT = TypeVar("CheckT", bound=PageCheck)


def visit_pages(
    checks: Sequence[CheckT],
    read: Callable[[Page, CheckT], None],
    *,
    screenshots: Sequence[Path | None] = (),
    wait_ms: int = 1500,
) -> list[CheckT]:
    """Open each check's ``url`` offline in one headless Chromium (fresh context per page); fill it in.

    The one place that drives the browser, for :func:`check_pages` and ``browser_probe``. Per
    page: every request whose URL is not file:, data:, blob: or about: (websockets included) is
    aborted and appended to ``external_requests``; each dialog is dismissed and its message
    appended to ``dialogs``; after ``load``, it polls up to ``wait_ms`` for every plotly chart to
    draw. Then ``read(page, check)`` stores what the caller wants to know (it may also act on
    the page first: hover, fire events). Then ``title`` is read, a full-page PNG is written to
    ``screenshots[i]`` when that is a path (and recorded in ``screenshot``), the context is closed,
    and ``console_errors`` gets the console errors and uncaught exceptions, minus the "Failed to
    load resource" messages of requests blocked here. Returns the checks, in order; an empty list
    launches no browser.
    """
    checks = list(checks)
    shots = list(screenshots) or [None] * len(checks)
    if len(shots) != len(checks):
        raise ValueError(f"{len(shots)} screenshot paths for {len(checks)} pages")
    if not checks:
        return []
    with _LaunchedBrowser() as browser:
        for check, shot in zip(checks, shots):
            _visit_one(browser, check, read, shot, wait_ms)
    return checks


def _reader(js_flags: Sequence[str]) -> Callable[[Page, PageCheck], None]:
    """The ``read`` step of check_page(s): plot counts, the text (capped), the named globals."""
    names = list(js_flags)

    def read(page: Page, check: PageCheck) -> None:
        check.plot_containers, check.rendered_plots = page.evaluate(_COUNT_PLOTS_JS)
        check.text = page.evaluate(_TEXT_JS, _TEXT_LIMIT)
        check.js_flags = page.evaluate(_FLAGS_JS, names)

    return read


class _LaunchedBrowser:
    """Context manager: playwright + one headless Chromium with our flags, closed on exit."""

    def __enter__(self) -> Browser:
        from playwright.sync_api import sync_playwright

        executable = find_chromium()
        if executable is None:
            raise RuntimeError(_SKIP_REASON)
        self._pw_cm = sync_playwright()
        pw = self._pw_cm.__enter__()
        try:
            # playwright gives the browser a fresh temporary profile (--user-data-dir) itself.
            self._browser = pw.chromium.launch(
                executable_path=executable,
                headless=True,
                args=list(CHROMIUM_ARGS),
                timeout=_LOAD_TIMEOUT_MS,
            )
        except BaseException:
            self._pw_cm.__exit__(None, None, None)
            raise
        return self._browser

    def __exit__(self, *exc: object) -> None:
        try:
            self._browser.close()
        finally:
            self._pw_cm.__exit__(*exc)


def _is_local(url: str) -> bool:
    return url.lower().startswith(LOCAL_SCHEMES)


def _visit_one(
    browser: Browser,
    check: CheckT,
    read: Callable[[Page, CheckT], None],
    screenshot: Path | None,
    wait_ms: int,
) -> None:
    from playwright.sync_api import Error as PlaywrightError
    from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

    blocked: set[str] = set()
    # (text, location url or None for uncaught exceptions), in order; filtered at the end,
    # once every blocked URL is known.
    raw_errors: list[tuple[str, str | None]] = []

    context: BrowserContext = browser.new_context(
        viewport=_VIEWPORT,
        service_workers="block",
        accept_downloads=False,
        java_script_enabled=True,
    )
    try:
        context.set_default_timeout(_LOAD_TIMEOUT_MS)

        def on_route(route: Route) -> None:
            url = route.request.url
            if _is_local(url):
                route.continue_()
            else:
                check.external_requests.append(url)
                blocked.add(url)
                route.abort("blockedbyclient")

        def on_websocket(ws: WebSocketRoute) -> None:
            # Never connect_to_server(): the socket is recorded and closed, nothing is sent.
            check.external_requests.append(ws.url)
            blocked.add(ws.url)
            ws.close()

        context.route("**/*", on_route)
        context.route_web_socket("**/*", on_websocket)

        page = context.new_page()

        def on_console(msg: ConsoleMessage) -> None:
            if msg.type == "error":
                raw_errors.append((msg.text, (msg.location or {}).get("url", "")))

        def on_pageerror(err: Exception) -> None:
            name = getattr(err, "name", "") or type(err).__name__
            message = getattr(err, "message", "") or str(err)
            raw_errors.append((f"pageerror: {name}: {message}", None))

        page.on("console", on_console)
        page.on("pageerror", on_pageerror)

        def on_dialog(dialog: Dialog) -> None:
            check.dialogs.append(dialog.message)
            try:
                dialog.dismiss()
            except PlaywrightError:  # the page may already be gone; the message is what matters
                return

        page.on("dialog", on_dialog)

        page.goto(check.url, wait_until="load", timeout=_LOAD_TIMEOUT_MS)
        try:
            page.wait_for_function(_PLOTS_RENDERED_JS, timeout=max(wait_ms, 1), polling=100)
        except PlaywrightTimeoutError:
            pass  # some charts never drew: rendered_plots < plot_containers says so

        read(page, check)
        check.title = page.title()
        if screenshot is not None:
            screenshot = Path(screenshot)
            screenshot.parent.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(screenshot), full_page=True)
            check.screenshot = screenshot
    finally:
        context.close()

    for text, where in raw_errors:
        if where is not None and where in blocked and text.startswith("Failed to load resource"):
            continue  # our own blocking, already listed in external_requests
        check.console_errors.append(text)


def _main(argv: Sequence[str] | None = None) -> int:
    """``python tests/support/browser_support.py PAGE.html [...]``: print each page's check (debugging aid)."""
    import argparse
    import json

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pages", nargs="+", type=Path)
    parser.add_argument("--screenshot-dir", type=Path, default=None)
    args = parser.parse_args(argv)
    for check in check_pages(args.pages, screenshot_dir=args.screenshot_dir):
        row = {k: (str(v) if isinstance(v, Path) else v) for k, v in vars(check).items()}
        row["text"] = row["text"][:200]
        print(json.dumps(row, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(_main())

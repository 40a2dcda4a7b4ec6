"""Tests of tests/support/browser_support.py, and of tests/support/browser_probe.py built on it, on small pages in tmp_path.

Each browser test calls skip_without_chromium() first, so a machine without Debian's chromium
skips them with the reason shown (`pytest -rs`) rather than failing.
"""

from __future__ import annotations

import html
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from support import browser_support
from support.browser_support import (
    PageCheck,
    check_page,
    check_pages,
    find_chromium,
    skip_without_chromium,
)

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def write_page(directory: Path, name: str, body: str, *, title: str = "page", head: str = "") -> Path:
    path = directory / name
    path.write_text(
        f"<!doctype html>\n<html><head><meta charset='utf-8'><title>{title}</title>{head}</head>\n"
        f"<body>{body}</body></html>\n",
        encoding="utf-8",
    )
    return path


@pytest.fixture(scope="module")
def plotly_js() -> str:
    offline = pytest.importorskip("plotly.offline")
    return str(offline.get_plotlyjs())


def chart_page(directory: Path, plotly_js: str, name: str = "chart.html", title: str = "Chart") -> Path:
    """A page drawing one bar chart with plotly.js loaded from a sibling file, as reports do."""
    (directory / "plotly.min.js").write_text(plotly_js, encoding="utf-8")
    body = """
<h1>Sentiment by paragraph</h1>
<div id="g" class="plotly-graph-div" style="height:400px;width:600px"></div>
<script>
  Plotly.newPlot("g", [{type: "bar", x: ["a", "b", "c"], y: [3, -1, 2]}],
                 {title: {text: "scores"}});
</script>"""
    return write_page(directory, name, body, title=title, head='<script src="plotly.min.js"></script>')


@pytest.fixture
def local_server() -> Iterator[tuple[str, list[str]]]:
    """A loopback HTTP server that records every path it is asked for (it should get none)."""
    hits: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            hits.append(self.path)
            self.send_response(200)
            self.send_header("Content-Type", "text/javascript")
            self.end_headers()
            self.wfile.write(b"window.__xss = 'fetched';")

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", hits
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


# --- finding chromium (no browser needed) ---------------------------------------------------


def test_find_chromium_prefers_env_var(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(browser_support.CHROMIUM_ENV, "/opt/some/chrome")
    assert find_chromium() == "/opt/some/chrome"


def test_skip_reason_is_visible_without_chromium(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv(browser_support.CHROMIUM_ENV, raising=False)
    monkeypatch.setenv("PATH", str(tmp_path))  # an empty directory: no browser on PATH
    assert find_chromium() is None
    with pytest.raises(pytest.skip.Exception) as skipped:
        skip_without_chromium()
    assert "chromium not installed" in str(skipped.value)
    assert "bash .ci/install-browser.sh" in str(skipped.value)


# --- plotly charts ------------------------------------------------------------------------------


def test_plotly_chart_renders_offline(tmp_path: Path, plotly_js: str) -> None:
    skip_without_chromium()
    page = chart_page(tmp_path, plotly_js, title="Report: <one> chart")
    shot = tmp_path / "shots" / "chart.png"

    check = check_page(page, screenshot=shot, wait_ms=5000)

    assert isinstance(check, PageCheck)
    assert check.url == page.resolve().as_uri()
    assert check.title == "Report: <one> chart"
    assert check.plot_containers == 1
    assert check.rendered_plots == 1
    assert check.external_requests == []
    assert check.console_errors == []
    assert check.dialogs == []
    assert check.js_flags == {"__xss": None}
    assert "Sentiment by paragraph" in check.text
    assert check.screenshot == shot
    data = shot.read_bytes()
    assert data.startswith(PNG_MAGIC)
    assert len(data) > 5_000  # a drawn chart, not a blank pixel


def test_plotly_write_html_inline_renders_and_cdn_version_does_not(tmp_path: Path) -> None:
    """The real export paths: plotly.js inlined works offline, the CDN variant is caught."""
    skip_without_chromium()
    go = pytest.importorskip("plotly.graph_objects")
    fig = go.Figure(go.Scatter(x=[1, 2, 3], y=[2, 0, 1]))
    inline = tmp_path / "inline.html"
    cdn = tmp_path / "cdn.html"
    fig.write_html(inline, include_plotlyjs=True, full_html=True)
    fig.write_html(cdn, include_plotlyjs="cdn", full_html=True)

    ok, bad = check_pages([inline, cdn], screenshot_dir=tmp_path / "shots")

    assert (ok.plot_containers, ok.rendered_plots) == (1, 1)
    assert ok.external_requests == [] and ok.console_errors == []
    assert (bad.plot_containers, bad.rendered_plots) == (1, 0)
    assert len(bad.external_requests) == 1 and bad.external_requests[0].startswith("https://")
    assert "plotly" in bad.external_requests[0]
    assert any("Plotly is not defined" in e for e in bad.console_errors), bad.console_errors
    for check in (ok, bad):
        assert check.screenshot is not None and check.screenshot.read_bytes().startswith(PNG_MAGIC)


def test_chart_div_without_plotly_counts_as_not_rendered(tmp_path: Path) -> None:
    skip_without_chromium()
    page = write_page(
        tmp_path, "empty.html", '<div class="plotly-graph-div"></div><div class="plotly-graph-div"></div>'
    )

    check = check_page(page, wait_ms=200)

    assert (check.plot_containers, check.rendered_plots) == (2, 0)


# --- network --------------------------------------------------------------------------------------


def test_external_references_are_recorded_and_aborted(tmp_path: Path) -> None:
    skip_without_chromium()
    page = write_page(
        tmp_path,
        "remote.html",
        '<img id="pic" src="http://example.com/a.png">'
        "<script>window.picFailed = false;"
        " document.getElementById('pic').onerror = () => { window.picFailed = true; };</script>"
        '<p>body text</p><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">',
        head='<script src="https://cdn.example.invalid/x.js" onerror="window.cdnFailed = true"></script>',
    )

    check = check_page(page, js_flags=("cdnFailed", "picFailed", "__xss"), wait_ms=200)

    assert set(check.external_requests) == {"https://cdn.example.invalid/x.js", "http://example.com/a.png"}
    # Aborted, not loaded: both elements saw a load error; the data: URL was not reported.
    assert check.js_flags == {"cdnFailed": True, "picFailed": True, "__xss": None}
    # The blocking itself is not reported as a page error.
    assert check.console_errors == []


def test_blocked_request_never_reaches_a_server(tmp_path: Path, local_server: tuple[str, list[str]]) -> None:
    skip_without_chromium()
    base, hits = local_server
    page = write_page(
        tmp_path,
        "loopback.html",
        f'<script src="{base}/script.js"></script>'
        f'<script>fetch("{base}/fetch").catch(() => {{}});'
        f' try {{ new WebSocket("{base.replace("http", "ws")}/ws"); }} catch (e) {{}}</script>',
    )

    check = check_page(page, wait_ms=500)

    assert f"{base}/script.js" in check.external_requests
    assert f"{base}/fetch" in check.external_requests
    assert f"{base.replace('http', 'ws')}/ws" in check.external_requests
    assert check.js_flags == {"__xss": None}  # the served script never ran
    assert hits == []


# --- script injection signals -----------------------------------------------------------------


def test_alert_is_recorded_and_dismissed(tmp_path: Path) -> None:
    skip_without_chromium()
    page = write_page(tmp_path, "alert.html", "<p>before</p><script>alert(1)</script><p>after</p>")

    check = check_page(page, wait_ms=200)

    assert check.dialogs == ["1"]
    assert "after" in check.text  # the page went on loading after the dialog was dismissed


def test_confirm_and_prompt_are_recorded(tmp_path: Path) -> None:
    skip_without_chromium()
    page = write_page(tmp_path, "confirm.html", "<script>window.__xss = [confirm('c'), prompt('p')];</script>")

    check = check_page(page, wait_ms=200)

    assert check.dialogs == ["c", "p"]
    assert check.js_flags == {"__xss": [False, None]}  # both were dismissed


def test_event_handler_payload_runs_when_raw_and_not_when_escaped(tmp_path: Path) -> None:
    skip_without_chromium()
    payload = '<img src=x onerror="window.__xss=1">'
    raw = write_page(tmp_path, "raw.html", f"<p>{payload}</p>")
    escaped = write_page(tmp_path, "escaped.html", f"<p>{html.escape(payload)}</p>")

    raw_check, escaped_check = check_pages([raw, escaped])

    assert raw_check.js_flags == {"__xss": 1}
    assert escaped_check.js_flags == {"__xss": None}
    assert payload in escaped_check.text
    assert escaped_check.console_errors == []  # nothing tried to load `x`
    assert raw_check.external_requests == escaped_check.external_requests == []


def test_js_flags_never_fails_on_odd_values(tmp_path: Path) -> None:
    skip_without_chromium()
    page = write_page(
        tmp_path,
        "odd.html",
        "<script>window.__xss = function () {}; window.node = document.body;"
        " window.s = 'x'; const c = {}; c.c = c; window.cyc = c;</script>",
    )

    check = check_page(page, js_flags=("__xss", "node", "s", "cyc", "missing"), wait_ms=200)

    assert check.js_flags["s"] == "x"
    assert check.js_flags["missing"] is None
    for name in ("__xss", "node", "cyc"):
        assert isinstance(check.js_flags[name], str) and check.js_flags[name]


# --- errors ---------------------------------------------------------------------------------------


def test_script_errors_are_reported(tmp_path: Path) -> None:
    skip_without_chromium()
    page = write_page(
        tmp_path,
        "throws.html",
        "<script>console.error('logged problem')</script><script>throw new TypeError('boom')</script>",
    )

    check = check_page(page, wait_ms=200)

    assert "logged problem" in check.console_errors
    assert "pageerror: TypeError: boom" in check.console_errors
    assert check.console_errors.index("logged problem") < check.console_errors.index("pageerror: TypeError: boom")


def test_missing_file_is_an_error(tmp_path: Path) -> None:
    skip_without_chromium()
    with pytest.raises(FileNotFoundError):
        check_page(tmp_path / "nope.html")


def test_check_pages_keeps_order_and_names_screenshots(tmp_path: Path) -> None:
    skip_without_chromium()
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    first = write_page(tmp_path / "a", "index.html", "<p>first</p>", title="one")
    second = write_page(tmp_path / "b", "index.html", "<p>second</p>", title="two")
    shots = tmp_path / "shots"

    checks = check_pages([first, second], screenshot_dir=shots)

    assert [c.title for c in checks] == ["one", "two"]
    assert [c.screenshot for c in checks] == [shots / "index.png", shots / "index-2.png"]
    assert all(c.screenshot is not None and c.screenshot.read_bytes().startswith(PNG_MAGIC) for c in checks)
    assert check_pages([]) == []


def test_text_is_capped(tmp_path: Path) -> None:
    skip_without_chromium()
    page = write_page(tmp_path, "long.html", f"<p>{'word ' * 10_000}</p>")

    check = check_page(page, wait_ms=200)

    assert len(check.text) == 20_000


# --- visit_pages, the shared driver, and browser_probe on top of it -------------------------------


def test_visit_pages_checks_its_arguments_before_any_browser(tmp_path: Path) -> None:
    def read(page: object, check: PageCheck) -> None:
        raise AssertionError("no page should be opened")

    assert browser_support.visit_pages([], read) == []
    one = PageCheck(url=(tmp_path / "a.html").as_uri())
    with pytest.raises(ValueError, match="2 screenshot paths for 1 pages"):
        browser_support.visit_pages([one], read, screenshots=[None, None])
    with pytest.raises(FileNotFoundError):
        browser_support.file_url(tmp_path / "a.html")


def test_visit_pages_calls_read_on_the_loaded_page(tmp_path: Path) -> None:
    skip_without_chromium()
    first = write_page(tmp_path, "first.html", "<p>one</p><script>document.title = 'set by script'</script>")
    second = write_page(tmp_path, "second.html", "<script>alert('x'); console.error('bad')</script>",
                        title="two")
    seen: list[tuple[str, str]] = []

    def read(page, check: PageCheck) -> None:  # type: ignore[no-untyped-def]
        seen.append((check.url, page.evaluate("() => document.body.innerText")))
        page.evaluate("() => { document.title += ' (read)'; }")

    checks = [PageCheck(url=browser_support.file_url(p)) for p in (first, second)]
    out = browser_support.visit_pages(checks, read, screenshots=[tmp_path / "one.png", None])

    assert out == checks
    assert seen == [(first.resolve().as_uri(), "one"), (second.resolve().as_uri(), "")]
    assert [c.title for c in checks] == ["set by script (read)", "two (read)"]  # title read after read()
    assert checks[0].screenshot == tmp_path / "one.png" and checks[1].screenshot is None
    assert checks[1].dialogs == ["x"] and checks[1].console_errors == ["bad"]


def test_probe_fires_events_that_check_page_does_not(tmp_path: Path, plotly_js: str) -> None:
    """An ``on*`` handler that waits for an event: probe_pages fires it and sees ``__xss``."""
    skip_without_chromium()
    from support.browser_probe import Probe, probe_pages

    page = chart_page(tmp_path, plotly_js)
    text = page.read_text(encoding="utf-8").replace(
        "</body>",
        '<span class="hover-target" onmouseover="window.__xss=4">hover me</span>'
        '<a href=" javascript:window.__xss=8">link</a><iframe srcdoc="<p>inner</p>"></iframe></body>',
    )
    page.write_text(text, encoding="utf-8")

    assert check_page(page, wait_ms=5000).js_flags == {"__xss": None}  # loading alone runs nothing
    (probe,) = probe_pages([page], selectors=[".hover-target", "svg.main-svg"])

    assert isinstance(probe, Probe) and isinstance(probe, PageCheck)
    assert probe.xss == "4"
    assert probe.on_attributes == ["SPAN onmouseover=window.__xss=4"]
    assert probe.js_links == ["A  javascript:window.__xss=8"]
    assert probe.frames == 1
    assert probe.counts[".hover-target"] == 1 and probe.counts["svg.main-svg"] >= 1
    assert (probe.plot_containers, probe.rendered_plots) == (1, 1)
    assert probe.hover_points == 25
    assert probe.title == "Chart" and "hover me" in probe.text
    assert probe.external_requests == [] and probe.console_errors == [] and probe.dialogs == []


def test_probe_records_what_check_page_records(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Same wall and same collection: requests, dialogs, errors; escaped payloads stay text."""
    skip_without_chromium()
    from support.browser_probe import probe_pages

    (tmp_path / "site" / "sub").mkdir(parents=True)
    payload = '<img src=x onerror="window.__xss=1">'
    noisy = write_page(
        tmp_path / "site" / "sub",
        "noisy.html",
        '<img src="http://example.com/a.png"><script>alert("hi")</script>'
        "<script>throw new TypeError('boom')</script>",
    )
    calm = write_page(tmp_path / "site", "calm.html", f"<p>{html.escape(payload)}</p>")
    monkeypatch.chdir(tmp_path)
    given = [Path("site/sub/noisy.html"), calm]
    shots = tmp_path / "shots"

    probes = probe_pages(given, screenshot_dir=shots, root=Path("site"), hover=False)
    checks = check_pages([noisy, calm])

    for probe, check in zip(probes, checks):
        assert probe.url == check.url
        assert probe.external_requests == check.external_requests
        assert probe.dialogs == check.dialogs
        assert probe.console_errors == check.console_errors
    assert probes[0].external_requests == ["http://example.com/a.png"]
    assert probes[0].dialogs == ["hi"]
    assert probes[0].console_errors == ["pageerror: TypeError: boom"]
    assert probes[1].xss is None and payload in probes[1].text and probes[1].console_errors == []
    assert [p.path for p in probes] == given  # as given, not resolved
    assert [p.hover_points for p in probes] == [0, 0]
    assert [p.screenshot for p in probes] == [shots / "sub-noisy.png", shots / "calm.png"]  # relative to root
    assert all(p.screenshot is not None and p.screenshot.read_bytes().startswith(PNG_MAGIC) for p in probes)

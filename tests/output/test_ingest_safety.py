"""`add` against hostile or careless servers and pages (issue 19, item 7): one deadline for the whole
request, charsets validated, redirects only to public http(s) addresses, no date from a copyright line,
and a page with (almost) no article text refused. A server on 127.0.0.1 plays every part."""

from __future__ import annotations

import http.server
import threading
import time

import pytest

from analysis import load_article
from analysis.core.errors import ArticleError
from analysis.core.io import redirect_refusal
from analysis.output.ingest import add_article

from conftest import run_cli

SENTENCE = "The harbour board agreed on Monday to rebuild the old sea wall before the winter storms arrive. "
BODY = SENTENCE * 6
PAGE = (f"<!DOCTYPE html><html><head><title>Sea wall to be rebuilt</title></head><body>"
        f"<nav><a href='/'>Home</a> <a href='/news'>News</a></nav><article><h1>Sea wall to be rebuilt</h1>"
        f"<p>{BODY}</p><p>{BODY}</p></article>"
        f"<footer><p>(c) 2021 Harbour Times. All rights reserved.</p><p>Copyright 2019</p></footer></body></html>")
NAV_ONLY = ("<!DOCTYPE html><html><head><title>Menu</title></head><body><article><p>Home News</p></article>"
            "</body></html>")


class _Handler(http.server.BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def _send(self, body: bytes, ctype: str, status: int = 200, extra: dict | None = None):
        try:
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            for k, v in (extra or {}).items():
                self.send_header(k, v)
            self.end_headers()
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def do_GET(self):  # noqa: N802
        p = self.path
        if p == "/page":
            self._send(PAGE.encode("utf-8"), "text/html; charset=utf-8")
        elif p == "/trickle":  # headers one byte at a time, each well inside the socket timeout
            try:
                for b in b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nX-Slow: " + b"a" * 400:
                    self.wfile.write(bytes([b]))
                    self.wfile.flush()
                    time.sleep(0.05)
            except (BrokenPipeError, ConnectionResetError):
                pass
        elif p == "/unknown-charset-plain":
            self._send(("Sea wall\n\n" + BODY).encode("utf-8"), "text/plain; charset=x-no-such-charset")
        elif p == "/codec-charset-plain":
            self._send(("Sea wall\n\n" + BODY).encode("utf-8"), "text/plain; charset=base64")
        elif p == "/lying-charset-plain":
            self._send(("Sea wall café\n\n" + BODY).encode("cp1252"), "text/plain; charset=utf-8")
        elif p == "/unknown-charset-html":
            self._send(PAGE.encode("utf-8"), "text/html; charset=bogus-8")
        elif p == "/meta-codec":
            page = PAGE.replace("<head>", '<head><meta charset="rot13">')
            self._send(page.encode("utf-8"), "text/html")
        elif p == "/meta-lying":
            page = PAGE.replace("<head>", '<head><meta charset="utf-16">').replace("harbour", "harbour café")
            self._send(page.encode("cp1252"), "text/html")
        elif p == "/to-ftp":
            self._send(b"", "text/plain", 302, {"Location": "ftp://127.0.0.1/article.txt"})
        elif p == "/to-file":
            self._send(b"", "text/plain", 301, {"Location": "file:///etc/passwd"})
        elif p == "/to-loopback":
            self._send(b"", "text/plain", 302, {"Location": f"http://127.0.0.1:{self.server.server_address[1]}/page"})
        elif p == "/to-private":
            self._send(b"", "text/plain", 307, {"Location": "http://10.0.0.1/internal"})
        elif p == "/nav":
            self._send(NAV_ONLY.encode("utf-8"), "text/html; charset=utf-8")
        else:
            self._send(b"not found", "text/plain", 404)


@pytest.fixture(scope="module")
def server():
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    httpd.daemon_threads = True
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_slow_headers_cannot_stretch_the_deadline(server, tmp_path):
    t0 = time.monotonic()
    with pytest.raises(ArticleError, match="timed out"):
        add_article(f"{server}/trickle", directory=tmp_path, timeout=1.5)
    assert time.monotonic() - t0 < 4
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("path", ["/unknown-charset-plain", "/codec-charset-plain", "/lying-charset-plain",
                                  "/unknown-charset-html", "/meta-codec", "/meta-lying"])
def test_bad_charsets_fall_back_to_detection_with_a_warning(server, tmp_path, path):
    added = add_article(f"{server}{path}", directory=tmp_path, slug="wall", timeout=10)
    assert any("charset" in w and "detected" in w for w in added.warnings), added.warnings
    text = load_article(added.path).text
    assert "sea wall" in text.lower()
    if "lying" in path:
        assert "café" in text


@pytest.mark.parametrize("path, needle", [("/to-ftp", r"not an http\(s\)"), ("/to-file", r"not an http\(s\)|not allowed"),
                                          ("/to-loopback", "private network"), ("/to-private", "private network")])
def test_unsafe_redirects_are_refused(server, tmp_path, path, needle):
    with pytest.raises(ArticleError, match=needle):
        add_article(f"{server}{path}", directory=tmp_path, timeout=10)
    assert list(tmp_path.iterdir()) == []


def test_loopback_redirect_allowed_when_asked(server, tmp_path):
    added = add_article(f"{server}/to-loopback", directory=tmp_path, slug="wall", timeout=10, allow_private=True)
    assert load_article(added.path).title == "Sea wall to be rebuilt"


@pytest.mark.parametrize("target", ["http://localhost/x", "http://[::1]/x", "http://192.168.1.4/x",
                                    "http://169.254.169.254/latest/meta-data", "http://0.0.0.0/", "gopher://a.example/"])
def test_redirect_policy(target):
    assert redirect_refusal("http://news.example/a", target) is not None


def test_no_date_from_a_copyright_line(server, tmp_path):
    added = add_article(f"{server}/page", directory=tmp_path, slug="wall", timeout=10)
    assert "date" not in load_article(added.path).metadata
    saved = tmp_path / "saved.html"
    saved.write_text(PAGE, encoding="utf-8")
    added = add_article(saved, directory=tmp_path, slug="wall-saved")
    assert "date" not in load_article(added.path).metadata


def test_navigation_only_page_is_refused(server, tmp_path):
    with pytest.raises(ArticleError, match="word"):
        add_article(f"{server}/nav", directory=tmp_path, timeout=10)
    saved = tmp_path / "nav.html"
    saved.write_text(NAV_ONLY, encoding="utf-8")
    proc = run_cli("add", str(saved), "--to", str(tmp_path / "out"))
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert [line for line in proc.stderr.splitlines() if line.strip()] == [proc.stderr.strip()]
    assert proc.stderr.startswith("error: ") and not (tmp_path / "out").exists()


@pytest.mark.parametrize("value", ["nan", "inf", "-1", "0"])
def test_nonsense_timeout_is_one_line(value, tmp_path):
    saved = tmp_path / "saved.html"
    saved.write_text(PAGE, encoding="utf-8")
    proc = run_cli("add", str(saved), "--to", str(tmp_path / "out"), "--timeout", value)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert proc.stderr.startswith("error: ") and len(proc.stderr.strip().splitlines()) == 1

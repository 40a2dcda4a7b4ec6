"""`python -m analysis add`: text files in any common encoding, saved web pages and URLs become article files with the right title, metadata and body — and nothing else."""

from __future__ import annotations

import http.server
import threading
import time

import pytest

from analysis import load_article
from analysis.core.errors import ArticleError
from analysis.core.io import file_sha256
from analysis.output.ingest import add_article, compose_article, extract_html, normalise_date, split_text

from conftest import ROOT, SEED, run_cli

ARTICLES = ROOT / "data" / "articles"

BODY = [
    "The city council voted on Tuesday to build a new bridge across the river, ending a debate that had lasted three years.",
    "The bridge will cost about 40 million dollars, according to the council's own estimate, and should open in 2027.",
    "Residents who live near the old crossing welcomed the decision. \u201cWe have waited a long time for this,\u201d said Maria L\u00f3pez, who runs a caf\u00e9 by the river.",
    "Critics say the money would be better spent on buses. The opposition leader, Tom Baker, said the council had ignored cheaper options.",
]
TITLE = "Council approves new bridge"

PAGE = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>{TITLE} | The Riverside Gazette</title>
<meta property="og:site_name" content="The Riverside Gazette">
<meta property="og:title" content="{TITLE}">
<meta name="author" content="Jane Doe">
<meta property="article:published_time" content="2024-03-05T10:00:00Z">
<style>body {{ font-family: serif; }} .NAVSTYLE {{ color: red; }}</style>
<script>window.trackingId = "NAVSCRIPT"; console.log("tracking pixel loaded");</script>
</head><body>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li>
<li><a href="/subscribe">Subscribe now</a></li></ul></nav></header>
<div class="cookie-banner">We use cookies to improve your experience. <button>Accept all</button></div>
<main><article>
<h1>{TITLE}</h1>
<p class="byline">By Jane Doe</p>
{"".join(f"<p>{p}</p>" for p in BODY)}
</article></main>
<aside><h3>Most read</h3><ul><li><a href="/a">Celebrity chef opens restaurant</a></li><li><a href="/b">Weather warning for the weekend</a></li></ul></aside>
<footer><p>Copyright 2024 The Riverside Gazette. All rights reserved.</p><p><a href="/privacy">Privacy policy</a> | <a href="/cookies">Cookie settings</a></p></footer>
<script>document.write("FOOTERSCRIPT");</script>
</body></html>
"""
LEFTOVERS = ["Home", "Subscribe", "Sport", "NAVSCRIPT", "tracking", "NAVSTYLE", "cookies", "Accept all", "Most read",
             "Celebrity chef", "Weather warning", "Copyright", "Privacy policy", "FOOTERSCRIPT", "By Jane Doe"]


def _body(article) -> list[str]:
    return [p.text for p in article.paragraphs if p.part == "body"]


# ---------------------------------------------------------------- pure helpers

def test_compose_and_split_round_trip():
    text = compose_article({"source": "Example News", "title": "Storm: hits coast", "url": "https://x.example/a",
                            "via": "a dataset"}, "Storm: hits coast\n\nIt rained.")
    assert text.splitlines()[:6] == ["---", "title: Storm: hits coast", "source: Example News",
                                     "url: https://x.example/a", "via: a dataset", "---"]
    meta, body = split_text(text)
    assert meta == {"title": "Storm: hits coast", "source": "Example News", "url": "https://x.example/a", "via": "a dataset"}
    assert body == "Storm: hits coast\n\nIt rained."
    assert compose_article({"title": "A\nB  C"}, "x").splitlines()[1] == "title: A B C"  # one line per key
    with pytest.raises(ArticleError):
        compose_article({"bad key!": "x"}, "body")


@pytest.mark.parametrize("given, expected", [
    ("2024-05-01", "2024-05-01"), ("2024-5-1", "2024-05-01"), ("2024-03-05T10:00:00Z", "2024-03-05"),
    ("5 March 2024", "2024-03-05"), ("March 5, 2024", "2024-03-05"), ("Friday, July 21, 2017", "2017-07-21"), ("2017", "2017"),
])
def test_normalise_date(given, expected):
    assert normalise_date(given) == expected


@pytest.mark.parametrize("bad", ["yesterday", "2024-13-01", "32 March 2024", "n/a"])
def test_normalise_date_refuses_non_dates(bad):
    with pytest.raises(ArticleError):
        normalise_date(bad)


# ---------------------------------------------------------------- text files

@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "cp1252"])
def test_add_text_in_any_common_encoding(tmp_path, encoding):
    src = tmp_path / "council-bridge.txt"
    src.write_bytes(("\r\n\r\n".join([TITLE, *BODY]) + "\r\n").encode(encoding))
    before = file_sha256(src)
    added = add_article(src, metadata={"source": "The Riverside Gazette", "date": "5 March 2024"}, directory=tmp_path / "out")
    assert added.path == tmp_path / "out" / "council-bridge.txt" and added.kind == "text"
    art = load_article(added.path)
    assert art.title == TITLE
    assert _body(art) == BODY  # é, “ ” and ó decoded right, nothing added or lost
    assert art.metadata["source"] == "The Riverside Gazette" and art.metadata["date"] == "2024-03-05"
    assert "encoding" not in art.metadata  # the written file is UTF-8
    assert added.path.read_bytes().decode("utf-8").startswith("---\ntitle: Council approves new bridge\n")
    assert b"\r" not in added.path.read_bytes()
    assert file_sha256(src) == before  # the original is never modified
    if encoding == "cp1252":
        assert any("cp1252" in w for w in added.warnings)


def test_windows_1252_specific_characters(tmp_path):
    src = tmp_path / "euro.txt"
    text = "Prices rise again\n\nA coffee now costs \u20ac3 \u2014 up from \u20ac2.50 \u2026 \u201cIt\u2019s too much,\u201d one customer said."
    src.write_bytes(text.encode("cp1252"))
    art = load_article(add_article(src, directory=tmp_path / "out").path)
    assert art.title == "Prices rise again"
    assert _body(art) == ["A coffee now costs \u20ac3 \u2014 up from \u20ac2.50 \u2026 \u201cIt\u2019s too much,\u201d one customer said."]


def test_add_keeps_a_headerless_structure(tmp_path):
    """The seed (teaser, headline twice, standfirst, body) loads exactly the same after `add`."""
    added = add_article(SEED, metadata={"source": "Example wire"}, directory=tmp_path)
    original, copy = load_article(SEED), load_article(added.path)
    assert [(p.part, p.text) for p in copy.paragraphs] == [(p.part, p.text) for p in original.paragraphs]
    assert (copy.title, copy.standfirst, copy.slug) == (original.title, original.standfirst, original.slug)
    assert copy.metadata["source"] == "Example wire"


def test_headline_goes_into_the_header_when_that_reads_the_same(tmp_path):
    src = tmp_path / "storm.txt"
    src.write_text("Storm hits coast\nMay 1, 2024\n\nThe storm hit at noon. Two people were hurt.\n\nRoads are closed.\n", encoding="utf-8")
    added = add_article(src, directory=tmp_path / "out")
    text = added.path.read_text(encoding="utf-8")
    assert text.startswith("---\ntitle: Storm hits coast\n---\n")
    art = load_article(added.path)
    assert art.title == "Storm hits coast" and art.metadata["date"] == "2024-05-01"
    assert _body(art) == ["The storm hit at noon. Two people were hurt.", "Roads are closed."]


def test_existing_header_is_kept_and_options_override_it(tmp_path):
    src = tmp_path / "with-header.txt"
    src.write_text("---\ntitle: Old title\nsource: Old Source\nlicence: CC BY 4.0\n---\nBody sentence one. Body sentence two.\n", encoding="utf-8")
    art = load_article(add_article(src, metadata={"source": "New Source"}, directory=tmp_path / "out").path)
    assert art.title == "Old title" and art.metadata["source"] == "New Source" and art.metadata["licence"] == "CC BY 4.0"
    assert _body(art) == ["Body sentence one. Body sentence two."]


# ---------------------------------------------------------------- web pages

def test_add_saved_web_page_keeps_the_article_only(tmp_path):
    src = tmp_path / "Council approves new bridge - The Riverside Gazette.html"
    src.write_text(PAGE, encoding="utf-8")
    before = file_sha256(src)
    added = add_article(src, directory=tmp_path / "out")
    assert added.kind == "html" and added.path.name == "council-approves-new-bridge.txt"
    art = load_article(added.path)
    assert art.title == TITLE
    assert _body(art) == BODY
    assert art.metadata["author"] == "Jane Doe"
    assert art.metadata["date"] == "2024-03-05"
    assert art.metadata["source"] == "The Riverside Gazette"
    written = added.path.read_text(encoding="utf-8")
    for junk in LEFTOVERS:
        assert junk not in written, junk
    assert "<" not in written and ">" not in written
    assert file_sha256(src) == before


def test_saved_page_in_windows_1252_with_meta_charset(tmp_path):
    page = PAGE.replace('<meta charset="utf-8">', '<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">')
    src = tmp_path / "page.htm"
    src.write_bytes(page.encode("cp1252"))
    art = load_article(add_article(src, directory=tmp_path / "out").path)
    assert _body(art) == BODY


def test_html_in_a_txt_file_is_extracted(tmp_path):
    src = tmp_path / "copied.txt"
    src.write_text(PAGE, encoding="utf-8")
    added = add_article(src, directory=tmp_path / "out")
    assert added.kind == "html" and _body(load_article(added.path)) == BODY


def test_page_without_article_text_is_refused(tmp_path):
    src = tmp_path / "empty.html"
    src.write_text("<!DOCTYPE html><html><head><title>App</title><script>render()</script></head><body><div id=root></div></body></html>")
    with pytest.raises(ArticleError, match="no article text"):
        add_article(src, directory=tmp_path / "out")
    assert not (tmp_path / "out").exists() or not list((tmp_path / "out").iterdir())


def test_extract_html_takes_the_printed_headline():
    meta, body = extract_html(PAGE.replace(f'content="{TITLE}"', 'content="Council approves new bridge after three-year row"'))
    assert meta["title"] == TITLE and body.split("\n\n") == BODY


# ---------------------------------------------------------------- never overwrite, never modify

def test_adding_twice_refuses_without_force(tmp_path):
    src = tmp_path / "story.txt"
    src.write_text("Storm hits coast\n\nThe storm hit at noon. Two people were hurt.\n", encoding="utf-8")
    out = tmp_path / "out"
    first = add_article(src, directory=out)
    content = first.path.read_bytes()
    src.write_text("Storm hits coast\n\nA different text entirely.\n", encoding="utf-8")
    with pytest.raises(ArticleError, match="already exists.*--force"):
        add_article(src, directory=out)
    assert first.path.read_bytes() == content
    again = add_article(src, directory=out, force=True)
    assert again.replaced and _body(load_article(again.path)) == ["A different text entirely."]
    assert sorted(p.name for p in out.iterdir()) == ["story.txt"]  # no temporary files left


def test_cli_add_twice(tmp_path):
    src = tmp_path / "cli-story.txt"
    src.write_text("Storm hits coast\n\nThe storm hit at noon. Two people were hurt.\n", encoding="utf-8")
    out = tmp_path / "out"
    proc = run_cli("add", str(src), "--to", str(out), "--source", "Example News", "--date", "2024-05-01")
    assert proc.returncode == 0, proc.stderr
    assert "added" in proc.stdout and "cli-story.txt" in proc.stdout
    again = run_cli("add", str(src), "--to", str(out))
    assert again.returncode == 2
    lines = again.stderr.strip().splitlines()
    assert len(lines) == 1 and "already exists" in lines[0] and "--force" in lines[0] and "Traceback" not in again.stderr
    forced = run_cli("add", str(src), "--to", str(out), "--force")
    assert forced.returncode == 0 and forced.stdout.startswith("replaced")


def test_the_source_file_itself_is_never_the_target(tmp_path):
    src = tmp_path / "same.txt"
    src.write_text("Storm hits coast\n\nThe storm hit at noon.\n", encoding="utf-8")
    before = file_sha256(src)
    with pytest.raises(ArticleError, match="source file itself"):
        add_article(src, directory=tmp_path, force=True)
    assert file_sha256(src) == before


@pytest.mark.parametrize("content, message", [
    (b"", "no article text"), (b"\x89PNG\r\n\x1a\n\x00\x00", "PNG"), (b"%PDF-1.7 ...", "PDF"),
])
def test_add_refuses_non_articles(tmp_path, content, message):
    src = tmp_path / "thing.txt"
    src.write_bytes(content)
    with pytest.raises(ArticleError, match=message):
        add_article(src, directory=tmp_path / "out")


def test_missing_source_is_one_line(tmp_path):
    proc = run_cli("add", str(tmp_path / "nope.txt"), "--to", str(tmp_path))
    assert proc.returncode == 2 and proc.stderr.count("\n") == 1 and "does not exist" in proc.stderr


# ---------------------------------------------------------------- URLs, against a server on 127.0.0.1

class _Handler(http.server.BaseHTTPRequestHandler):
    def log_message(self, *args):  # keep test output quiet
        pass

    def _send(self, body: bytes, ctype: str, *, status: int = 200):
        try:
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):  # the client gave up first (timeout tests)
            pass

    def do_GET(self):  # noqa: N802 - http.server's naming
        page = PAGE.replace('<meta property="og:title"', '<meta property="og:x"')
        if self.path == "/news/bridge":
            self._send(page.encode("utf-8"), "text/html; charset=utf-8")
        elif self.path == "/plain":
            self._send(("Storm hits coast\n\nThe storm hit at noon. Two people were hurt.\n").encode("cp1252"),
                       "text/plain; charset=windows-1252")
        elif self.path == "/slow":
            time.sleep(3)
            self._send(page.encode("utf-8"), "text/html")
        elif self.path == "/huge-declared":
            try:
                self.send_response(200)
                self.send_header("Content-Type", "text/html")
                self.send_header("Content-Length", str(50_000_000))
                self.end_headers()
                self.wfile.write(b"<html>")
            except (BrokenPipeError, ConnectionResetError):
                pass
        elif self.path == "/huge-streamed":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            try:
                for _ in range(400):  # 400 x 8 kB = 3.2 MB, no Content-Length
                    self.wfile.write(b"<p>" + b"x" * 8192 + b"</p>")
            except (BrokenPipeError, ConnectionResetError):
                pass
        elif self.path == "/report.pdf":
            self._send(b"%PDF-1.7", "application/pdf")
        else:
            self._send(b"not found", "text/plain", status=404)


@pytest.fixture(scope="module")
def server():
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_url_success(server, tmp_path):
    added = add_article(f"{server}/news/bridge", directory=tmp_path, timeout=10)
    assert added.kind == "url"
    art = load_article(added.path)
    assert art.title == TITLE and _body(art) == BODY
    assert art.metadata["url"] == f"{server}/news/bridge"
    assert art.metadata["source"] == "The Riverside Gazette" and art.metadata["author"] == "Jane Doe"
    text = added.path.read_text(encoding="utf-8")
    assert not any(junk in text for junk in LEFTOVERS)


def test_url_plain_text(server, tmp_path):
    art = load_article(add_article(f"{server}/plain", directory=tmp_path, slug="storm").path)
    assert art.title == "Storm hits coast" and _body(art) == ["The storm hit at noon. Two people were hurt."]


def test_url_timeout(server, tmp_path):
    t0 = time.monotonic()
    with pytest.raises(ArticleError, match="timed out"):
        add_article(f"{server}/slow", directory=tmp_path, timeout=0.5)
    assert time.monotonic() - t0 < 2.5
    assert not list(tmp_path.iterdir())


@pytest.mark.parametrize("path", ["/huge-declared", "/huge-streamed"])
def test_url_too_large(server, tmp_path, path):
    with pytest.raises(ArticleError, match="larger than 1.0 MB"):
        add_article(f"{server}{path}", directory=tmp_path, max_bytes=1_000_000)
    assert not list(tmp_path.iterdir())


@pytest.mark.parametrize("path, message", [("/missing", "HTTP 404"), ("/report.pdf", "application/pdf")])
def test_url_errors_are_clear(server, tmp_path, path, message):
    with pytest.raises(ArticleError, match=message):
        add_article(f"{server}{path}", directory=tmp_path)


def test_offline_message(tmp_path):
    proc = run_cli("add", "http://article-lens-test.invalid/story", "--to", str(tmp_path))
    assert proc.returncode == 2
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and "offline" in lines[0] and "Traceback" not in proc.stderr


def test_refused_connection(tmp_path):
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with pytest.raises(ArticleError, match="refused"):
        add_article(f"http://127.0.0.1:{port}/x", directory=tmp_path, timeout=2)


def test_not_a_web_address(tmp_path):
    with pytest.raises(ArticleError, match="does not exist"):
        add_article("ftp://example.org/story.txt", directory=tmp_path)


# ---------------------------------------------------------------- the bundled articles

BUNDLED = sorted(p for p in ARTICLES.glob("*.txt") if p.name != SEED.name)


def test_bundled_articles_carry_their_licence_and_attribution():
    assert len(BUNDLED) >= 6
    readme = (ARTICLES / "README.md").read_text(encoding="utf-8")
    for path in BUNDLED:
        art = load_article(path)
        meta = art.metadata
        assert {"title", "source", "licence", "attribution", "via"} <= set(meta), path.name
        assert art.title == meta["title"] and not art.warnings, path.name
        assert path.name in readme
        if path.name.startswith("wikinews-"):
            assert meta["licence"].startswith("CC BY 2.5") and meta["url"].startswith("https://en.wikinews.org/wiki/")
            assert meta["url"] in meta["attribution"] and len(meta["date"]) == 10
        else:
            assert meta["licence"].startswith("public domain")


def test_bundled_articles_match_the_shared_corpus():
    """Each bundled body is the corpus file as received (only the header was added)."""
    corpus = ROOT.parent / "shared" / "corpus"
    if not corpus.exists():
        pytest.skip("../shared/corpus is not on this machine")
    for path in BUNDLED:
        original = (corpus / path.name).read_text(encoding="utf-8").replace("\r\n", "\n").strip("\n")
        _, body = split_text(path.read_text(encoding="utf-8"))
        assert body == original, path.name


def test_devices_and_pipes_are_refused(tmp_path):
    import os

    with pytest.raises(ArticleError, match="not a regular file"):
        add_article("/dev/zero", directory=tmp_path)
    fifo = tmp_path / "pipe.html"
    os.mkfifo(fifo)
    with pytest.raises(ArticleError, match="not a regular file"):
        add_article(fifo, directory=tmp_path / "out")

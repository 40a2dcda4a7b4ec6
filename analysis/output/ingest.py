"""Add an article to data/articles/ from a text file (any common encoding), a saved web page or an http(s) URL, in the documented header format."""

from __future__ import annotations

import codecs
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Mapping

from ..core import io
from ..core.article import METADATA_KEYS, Article, load_article, parse_article, slugify, split_header
from ..core.config import ARTICLES_DIR, MAX_ARTICLE_BYTES
from ..core.errors import ArticleError
from ..language.words import size

__all__ = [
    "Extracted",
    "AddedArticle",
    "add_article",
    "read_source",
    "extract_html",
    "split_text",
    "compose_article",
    "normalise_date",
    "looks_like_html",
    "HTML_SUFFIXES",
]

#: File name endings read as saved web pages (other files are sniffed: an HTML document is read as one).
HTML_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml", ".php", ".asp", ".aspx")

_KEY_RE = re.compile(r"^[a-z][a-z_-]{0,30}$")
_WS_RE = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_HTML_START_RE = re.compile(r"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html\b|head\b|body\b)", re.I | re.S)
_META_CHARSET_RE = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{2,40})""", re.I)
_MONTHS = {m: i for i, m in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], start=1)}


@dataclass(frozen=True)
class Extracted:
    """An article as read from its source: header metadata, the body text, the kind of source
    (``text``, ``html`` or ``url``), a name for the file (the text file's name, else ``""``) and notes for the user."""

    meta: dict[str, str]
    body: str
    kind: str
    name: str = ""
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class AddedArticle:
    """The article file that :func:`add_article` wrote, with what the loader reads from it."""

    path: Path
    slug: str
    title: str
    n_words: int
    n_sentences: int
    kind: str
    replaced: bool
    metadata: dict[str, str] = field(default_factory=dict)
    warnings: tuple[str, ...] = ()


# ---------------------------------------------------------------- small pure helpers

def _one_line(value: object) -> str:
    return _WS_RE.sub(" ", re.sub(r"[\r\n\u2028\u2029]+", " ", str(value))).strip()


def looks_like_html(text: str) -> bool:
    """True when a text is an HTML document (starts with a doctype, ``<html>``, ``<head>`` or ``<body>``).

    >>> looks_like_html("<!DOCTYPE html><html><body><p>Hi</p></body></html>"), looks_like_html("Hi <b>there</b>")
    (True, False)
    """
    return bool(_HTML_START_RE.match(text[:4096]))


def normalise_date(value: str) -> str:
    """A date as ``YYYY-MM-DD`` (or ``YYYY-MM``, ``YYYY``); raises ArticleError when it is not a date.

    >>> normalise_date("2024-05-01"), normalise_date("5 March 2024"), normalise_date("March 5, 2024"), normalise_date("2017")
    ('2024-05-01', '2024-03-05', '2024-03-05', '2017')
    """
    import datetime

    v = _one_line(value).rstrip(".")
    bad = ArticleError(f"'{value}' is not a date this tool understands (use YYYY-MM-DD, e.g. 2024-05-01).")
    parts: tuple[int, ...] | None = None
    m = re.fullmatch(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?(?:[T ][\d:.+\-Z]*)?", v)
    if m:
        parts = tuple(int(x) for x in m.groups() if x)
    m = m or re.fullmatch(r"(?:[A-Za-z]+,?\s+)?([A-Za-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})", v)
    if parts is None and m and m.group(1)[:3].lower() in _MONTHS:
        parts = (int(m.group(3)), _MONTHS[m.group(1)[:3].lower()], int(m.group(2)))
    m2 = re.fullmatch(r"(?:[A-Za-z]+,?\s+)?(\d{1,2})\s+([A-Za-z]+)\.?,?\s+(\d{4})", v)
    if parts is None and m2 and m2.group(2)[:3].lower() in _MONTHS:
        parts = (int(m2.group(3)), _MONTHS[m2.group(2)[:3].lower()], int(m2.group(1)))
    if parts is None:
        raise bad
    try:
        datetime.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    except ValueError:
        raise bad from None
    return "-".join([f"{parts[0]:04d}", *(f"{x:02d}" for x in parts[1:])])


def _clean_body(text: str) -> str:
    """Unify line ends, drop a byte-order mark and trailing spaces, and trim blank lines at both ends."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    lines = [line.rstrip() for line in text.split("\n")]
    return "\n".join(lines).strip("\n")


def split_text(text: str) -> tuple[dict[str, str], str]:
    """Split an article text into its ``---`` metadata header (if any) and its body.

    >>> split_text("---\\ntitle: Storm\\nsource: Example\\n---\\nStorm\\n\\nIt rained.")
    ({'title': 'Storm', 'source': 'Example'}, 'Storm\\n\\nIt rained.')
    """
    text = _clean_body(text)
    meta, body = split_header(text)
    return {k: _one_line(v) for k, v in meta.items() if _one_line(v)}, _clean_body(body)


def compose_article(meta: Mapping[str, str], body: str) -> str:
    """The article file: a ``---`` header of ``key: value`` lines (documented keys first, in their
    order, then the others alphabetically; empty values left out), then the body.

    >>> print(compose_article({"source": "Example", "title": "Storm"}, "Storm\\n\\nIt rained."), end="")
    ---
    title: Storm
    source: Example
    ---
    Storm
    <BLANKLINE>
    It rained.
    """
    clean = {}
    for key, value in meta.items():
        k = str(key).strip().lower().replace(" ", "_")
        k = "licence" if k == "license" else k
        if not _KEY_RE.match(k):
            raise ArticleError(f"'{key}' cannot be a metadata key (use letters, '-' or '_', up to 31 characters).")
        v = _one_line(value)
        if v:
            clean[k] = v
    keys = [k for k in METADATA_KEYS if k in clean] + sorted(k for k in clean if k not in METADATA_KEYS)
    body = _clean_body(body)
    if not keys:
        return body + "\n"
    header = "\n".join(["---", *(f"{k}: {clean[k]}" for k in keys), "---"])
    return f"{header}\n{body}\n"


def _structure(article: Article) -> tuple:
    return (article.title, article.standfirst, tuple((p.part, p.text) for p in article.paragraphs),
            article.metadata.get("date"))


def _compose_keeping_structure(meta: dict[str, str], body: str, name: str) -> str:
    """Compose the file, writing the detected headline as ``title:`` only when that reads the same.

    Without a title in the header the loader finds the headline itself (and a teaser above it);
    naming it in the header is only done when the loaded article stays exactly the same.
    """
    plain = compose_article(meta, body)
    if meta.get("title"):
        return plain
    base = parse_article(plain, name=name)
    if not any(p.part == "headline" for p in base.paragraphs):
        return plain
    titled = compose_article({**meta, "title": base.title}, body)
    return titled if _structure(parse_article(titled, name=name)) == _structure(base) else plain


# ---------------------------------------------------------------- HTML

def _decode_html(data: bytes, *, declared: str | None = None, name: str = "the page") -> str:
    """Decode a web page: byte-order mark, then the HTTP or ``<meta>`` charset, then UTF-8 / Windows-1252."""
    if data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return io.decode_text(data, name=name)[0]
    m = _META_CHARSET_RE.search(data[:8192])
    for enc in (declared, m.group(1).decode("ascii") if m else None):
        if not enc:
            continue
        try:
            enc = codecs.lookup(enc).name
        except LookupError:
            continue
        if enc in ("latin-1", "iso8859-1", "ascii"):  # browsers read these labels as Windows-1252 (WHATWG)
            enc = "cp1252"
        try:
            return data.decode(enc)
        except UnicodeDecodeError:
            continue
    return io.decode_text(data, name=name)[0]


def _words(text: str) -> set[str]:
    return set(re.findall(r"[^\W_]+", text.casefold()))


def _similar(a: str, b: str) -> bool:
    wa, wb = _words(a), _words(b)
    return bool(wa and wb) and len(wa & wb) / len(wa | wb) >= 0.5


def _same(a: str, b: str) -> bool:
    return a.casefold().strip(" .") == b.casefold().strip(" .")


def extract_html(page: str, *, url: str | None = None, name: str = "the page") -> tuple[dict[str, str], str]:
    """The main text of a web page and its metadata, with trafilatura (Barbaresi 2021).

    Navigation, scripts, styles, asides, comments and footers are dropped. Returns ``(meta, body)``:
    meta has title (the page's own headline when it matches the metadata title), author (byline),
    date, source (site name, else host name), url (canonical address, else ``url``) and licence
    when the page states one; body has one paragraph per block, separated by blank lines.
    Raises ArticleError when no article text is found.
    """
    import trafilatura

    doc = trafilatura.bare_extraction(
        page, url=url, with_metadata=True, include_comments=False, include_tables=False, include_images=False,
        include_links=False, include_formatting=False, deduplicate=False,
    )
    text = (getattr(doc, "text", None) or "") if doc is not None else ""
    lines = [_one_line(line) for line in text.split("\n")]
    lines = [line for line in lines if line]
    if not lines:
        raise ArticleError(f"{name}: no article text found in the page (it may be built by JavaScript); "
                           "copy the article's text into a .txt file and add that instead.")
    title = _one_line(getattr(doc, "title", None) or "")
    first = lines[0]
    if len(first.split()) <= 30 and not first.endswith((".", ",", ";", ":")) and (not title or _similar(first, title)):
        title = first  # the headline as printed on the page
    while lines and title and _same(lines[0], title):
        lines.pop(0)
    meta = {
        "title": title,
        "author": _one_line(getattr(doc, "author", None) or ""),
        "date": _one_line(getattr(doc, "date", None) or ""),
        "source": _one_line(getattr(doc, "sitename", None) or getattr(doc, "hostname", None) or ""),
        "url": _one_line(getattr(doc, "url", None) or url or ""),
        "licence": _one_line(getattr(doc, "license", None) or ""),
    }
    if meta["date"]:
        try:
            meta["date"] = normalise_date(meta["date"])
        except ArticleError:
            meta["date"] = ""
    return {k: v for k, v in meta.items() if v}, "\n\n".join(lines)


# ---------------------------------------------------------------- reading a source

def read_source(source: str | os.PathLike[str], *, timeout: float = io.FETCH_TIMEOUT,
                max_bytes: int = MAX_ARTICLE_BYTES) -> Extracted:
    """Read an article from a text file, a saved web page or an http(s) URL (the file is only read)."""
    src = str(source)
    if re.match(r"^https?://", src, re.I):
        page = io.fetch_url(src, timeout=timeout, max_bytes=max_bytes)
        label = page.final_url
        if page.content_type in ("text/html", "application/xhtml+xml") or (
                page.content_type != "text/plain" and looks_like_html(page.data[:4096].decode("latin-1"))):
            meta, body = extract_html(_decode_html(page.data, declared=page.charset, name=label), url=page.final_url, name=label)
        elif page.content_type == "text/plain" or page.content_type == "":
            text = page.data.decode(page.charset) if page.charset else io.decode_text(page.data, name=label)[0]
            meta, body = split_text(text)
        else:
            raise ArticleError(f"{label} is '{page.content_type}', not a web page or plain text; nothing was added.")
        meta.setdefault("url", page.final_url)
        return Extracted(meta, body, "url")
    path = Path(src).expanduser()
    label = f"'{path}'"
    data = io.read_bytes_capped(path, max_bytes=max_bytes)
    if path.suffix.lower() in HTML_SUFFIXES:
        meta, body = extract_html(_decode_html(data, name=label), name=label)
        return Extracted(meta, body, "html")
    text, encoding = io.decode_text(data, name=label)
    if looks_like_html(text):
        meta, body = extract_html(_decode_html(data, name=label), name=label)
        return Extracted(meta, body, "html", notes=(f"{label} is an HTML page: its main text was extracted.",))
    meta, body = split_text(text)
    notes = () if encoding in ("utf-8", "utf-8-sig") else (f"{label} was decoded as {encoding}; the article file is UTF-8.",)
    return Extracted(meta, body, "text", name=path.stem, notes=notes)


# ---------------------------------------------------------------- adding

def add_article(
    source: str | os.PathLike[str],
    *,
    metadata: Mapping[str, str] | None = None,
    slug: str | None = None,
    directory: str | os.PathLike[str] | None = None,
    force: bool = False,
    timeout: float = io.FETCH_TIMEOUT,
    max_bytes: int = MAX_ARTICLE_BYTES,
) -> AddedArticle:
    """Write ``<directory>/<slug>.txt`` (default ``data/articles/``) from a text file, saved page or URL.

    ``metadata`` (title, source, date, author, url, licence, attribution, ... ) overrides what
    was found in the source. The slug is ``slug``, else the text file's name, else the headline.
    An existing file is never replaced unless ``force``; the source file is never modified.
    Raises ArticleError for every user mistake.
    """
    extracted = read_source(source, timeout=timeout, max_bytes=max_bytes)
    meta = dict(extracted.meta)
    notes = list(extracted.notes)
    overrides = {str(k).strip().lower(): _one_line(v) for k, v in (metadata or {}).items() if v is not None and _one_line(v)}
    if "date" in overrides:
        overrides["date"] = normalise_date(overrides["date"])
    if "license" in overrides:
        overrides["licence"] = overrides.pop("license")
    body = extracted.body
    if "title" in overrides and not meta.get("title"):
        detected = parse_article(compose_article(meta, body) if body.strip() else "x", name="x")
        if detected.paragraphs and detected.paragraphs[0].part == "headline" and not _same(detected.title, overrides["title"]):
            notes.append(f"the text starts with the line '{detected.title[:80]}', which stays in the body as its first paragraph.")
    meta.update(overrides)
    if not body.strip():
        raise ArticleError(f"'{source}' has no article text to add.")
    name = slugify(slug) if slug else (slugify(extracted.name) if extracted.name else "")
    text = _compose_keeping_structure(meta, body, name or "article")
    article = parse_article(text, name=name or None)
    name = name or article.slug
    out_dir = Path(directory) if directory is not None else ARTICLES_DIR
    target = out_dir / f"{name}.txt"
    if extracted.kind != "url":
        try:
            if target.exists() and target.resolve() == Path(source).expanduser().resolve():
                raise ArticleError(f"'{target}' is the source file itself; it is never modified (give --slug another name).")
        except OSError:
            pass
    existed = target.exists()
    try:
        io.write_text_new(target, text, overwrite=force)
    except FileExistsError:
        raise ArticleError(f"'{target}' already exists; nothing was changed. Use --force to replace it, "
                           "or --slug NAME to add it under another name.") from None
    except OSError as exc:
        raise ArticleError(f"cannot write '{target}' ({exc.strerror or exc}).") from None

    loaded = load_article(target)
    n = size(loaded)
    return AddedArticle(
        path=target, slug=loaded.slug, title=loaded.title, n_words=n["n_words"], n_sentences=n["n_sentences"],
        kind=extracted.kind, replaced=existed, metadata=loaded.metadata, warnings=tuple(notes) + loaded.warnings,
    )

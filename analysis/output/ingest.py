"""Add an article to data/articles/ from a text file (any common encoding), a saved web page or an http(s) URL, in the documented header format."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Mapping

from ..core import io
from ..core.article import METADATA_KEYS, Article, load_article, parse_article, slugify, split_header
from ..core.config import ARTICLES_DIR, MAX_ARTICLE_BYTES
from ..core.errors import ArticleError
from ..core.webpage import (
    HTML_SUFFIXES,
    decode_html,
    extract_html,
    looks_like_html,
    normalise_date,
    one_line,
    text_codec,
)
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

_KEY_RE = re.compile(r"^[a-z][a-z_-]{0,30}$")


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

_one_line = one_line


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


# ---------------------------------------------------------------- HTML (see analysis.core.webpage)

def _same(a: str, b: str) -> bool:
    return a.casefold().strip(" .") == b.casefold().strip(" .")


# ---------------------------------------------------------------- reading a source

#: Fewest words of body text a web page (saved or fetched) must give to be added: less is a navigation
#: bar, a cookie notice or a paywall teaser, not an article (the shortest news briefs run to 40-50 words).
MIN_PAGE_WORDS = 30


def _check_page_text(body: str, label: str) -> None:
    n = len(re.findall(r"[^\W_]+", body))
    if n < MIN_PAGE_WORDS:
        raise ArticleError(f"{label}: only {n} word(s) of article text found in the page (at least {MIN_PAGE_WORDS} "
                           "are needed; it may be a navigation or paywall page); nothing was added.")


def read_source(source: str | os.PathLike[str], *, timeout: float = io.FETCH_TIMEOUT,
                max_bytes: int = MAX_ARTICLE_BYTES, allow_private: bool = False) -> Extracted:
    """Read an article from a text file, a saved web page or an http(s) URL (the file is only read).

    A web page (saved or fetched) must give at least :data:`MIN_PAGE_WORDS` words of article text.
    ``allow_private`` lets a URL redirect to this machine or a private network (see :func:`io.fetch_url`).
    """
    src = str(source)
    if re.match(r"^https?://", src, re.I):
        page = io.fetch_url(src, timeout=timeout, max_bytes=max_bytes, allow_private=allow_private)
        label = page.final_url
        if page.content_type in ("text/html", "application/xhtml+xml") or (
                page.content_type != "text/plain" and looks_like_html(page.data[:4096].decode("latin-1"))):
            text, notes = decode_html(page.data, declared=page.charset, name=label)
            meta, body = extract_html(text, url=page.final_url, name=label)
            _check_page_text(body, label)
        elif page.content_type == "text/plain" or page.content_type == "":
            enc, notes = text_codec(page.charset), []
            text = None
            if enc:
                try:
                    text = page.data.decode(enc)
                except UnicodeDecodeError:
                    notes.append(f"{label}: the server declares the charset '{page.charset}', but the text is not "
                                 f"valid {enc}; the encoding was detected instead.")
            elif page.charset:
                notes.append(f"{label}: the server declares the charset '{page.charset[:40]}', which is not a known "
                             "text encoding; the encoding was detected instead.")
            if text is None:
                text = io.decode_text(page.data, name=label)[0]
            meta, body = split_text(text)
        else:
            raise ArticleError(f"{label} is '{page.content_type}', not a web page or plain text; nothing was added.")
        meta.setdefault("url", page.final_url)
        return Extracted(meta, body, "url", notes=tuple(notes))
    path = Path(src).expanduser()
    label = f"'{io.display_path(path)}'"
    data = io.read_bytes_capped(path, max_bytes=max_bytes)
    if path.suffix.lower() in HTML_SUFFIXES:
        text, notes = decode_html(data, name=label)
        meta, body = extract_html(text, name=label)
        _check_page_text(body, label)
        return Extracted(meta, body, "html", notes=tuple(notes))
    text, encoding = io.decode_text(data, name=label)
    if looks_like_html(text):
        text, notes = decode_html(data, name=label)
        meta, body = extract_html(text, name=label)
        _check_page_text(body, label)
        return Extracted(meta, body, "html", notes=(*notes, f"{label} is an HTML page: its main text was extracted."))
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
    allow_private: bool = False,
) -> AddedArticle:
    """Write ``<directory>/<slug>.txt`` (default ``data/articles/``) from a text file, saved page or URL.

    ``metadata`` (title, source, date, author, url, licence, attribution, ... ) overrides what
    was found in the source. The slug is ``slug``, else the text file's name, else the headline.
    An existing file is never replaced unless ``force``; the source file is never modified.
    ``timeout`` bounds the whole download of a URL; ``allow_private`` lets it redirect to this machine or a
    private network. Raises ArticleError for every user mistake.
    """
    import math

    if not (isinstance(timeout, (int, float)) and math.isfinite(timeout) and timeout > 0):
        raise ArticleError(f"the timeout must be a positive number of seconds, not {timeout!r}.")
    extracted = read_source(source, timeout=timeout, max_bytes=max_bytes, allow_private=allow_private)
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

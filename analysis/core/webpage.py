"""Saved web pages: recognise one, decode it by its declared charset (validated), and extract the article's
main text and metadata with trafilatura (Barbaresi 2021). Used by ``add`` and by every command that reads
an article file, so a page gives the same article whichever way it comes in."""

from __future__ import annotations

import codecs
import re

from .errors import ArticleError
from .io import decode_text

__all__ = [
    "looks_like_html",
    "decode_html",
    "text_codec",
    "extract_html",
    "normalise_date",
    "one_line",
    "HTML_SUFFIXES",
]

#: File name endings read as saved web pages (other files are sniffed: an HTML document is read as one).
HTML_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml", ".php", ".asp", ".aspx")

_WS_RE = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_HTML_START_RE = re.compile(r"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html\b|head\b|body\b)", re.I | re.S)
_META_CHARSET_RE = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{2,40})""", re.I)
_MONTHS = {m: i for i, m in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], start=1)}


def one_line(value: object) -> str:
    """``value`` as one line of text: line breaks and runs of spaces become one space."""
    return _WS_RE.sub(" ", re.sub(r"[\r\n\u2028\u2029]+", " ", str(value))).strip()


def looks_like_html(text: str) -> bool:
    """True when a text is an HTML document (starts with a doctype, ``<html>``, ``<head>`` or ``<body>``).

    >>> looks_like_html("<!DOCTYPE html><html><body><p>Hi</p></body></html>"), looks_like_html("Hi <b>there</b>")
    (True, False)
    """
    return bool(_HTML_START_RE.match(text[:4096]))


def text_codec(label: str | None) -> str | None:
    """The Python codec for a declared charset label, or None when there is no such text codec.

    Only codecs that decode bytes to text qualify: a label such as ``base64``, ``rot13`` or ``zlib``
    names a codec that is not a character encoding. ``latin-1``/``ascii`` are read as Windows-1252, as
    browsers do (WHATWG Encoding Standard).

    >>> text_codec("UTF-8"), text_codec("iso-8859-1"), text_codec("base64"), text_codec("no-such-charset")
    ('utf-8', 'cp1252', None, None)
    """
    if not label:
        return None
    try:
        info = codecs.lookup(label.strip().strip("'\""))
    except (LookupError, ValueError, TypeError):
        return None
    if not getattr(info, "_is_text_encoding", True):
        return None
    name = info.name
    return "cp1252" if name in ("latin-1", "iso8859-1", "ascii") else name


def decode_html(data: bytes, *, declared: str | None = None, name: str = "the page") -> tuple[str, list[str]]:
    """Decode a web page: byte-order mark, then the HTTP or ``<meta>`` charset, then detection (UTF-8 /
    Windows-1252...). Returns ``(text, warnings)``: a charset that is unknown, not a text encoding or
    that the bytes contradict is passed over with a warning naming it."""
    warnings: list[str] = []
    if data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return decode_text(data, name=name)[0], warnings
    m = _META_CHARSET_RE.search(data[:8192])
    for where, label in (("the server", declared), ("the page's <meta>", m.group(1).decode("ascii") if m else None)):
        if not label:
            continue
        enc = text_codec(label)
        if enc is None:
            warnings.append(f"{name}: {where} declares the charset '{label[:40]}', which is not a known text "
                            "encoding; the encoding was detected instead.")
            continue
        try:
            return data.decode(enc), warnings
        except UnicodeDecodeError:
            warnings.append(f"{name}: {where} declares the charset '{label[:40]}', but the page is not valid "
                            f"{enc}; the encoding was detected instead.")
    return decode_text(data, name=name)[0], warnings


def normalise_date(value: str) -> str:
    """A date as ``YYYY-MM-DD`` (or ``YYYY-MM``, ``YYYY``); raises ArticleError when it is not a date.

    >>> normalise_date("2024-05-01"), normalise_date("5 March 2024"), normalise_date("March 5, 2024"), normalise_date("2017")
    ('2024-05-01', '2024-03-05', '2024-03-05', '2017')
    """
    import datetime

    v = one_line(value).rstrip(".")
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
    The date comes only from the page's markup (meta tags, ``<time>``, structured data, the URL):
    htmldate's "extensive search" of the visible text is off, since it takes a copyright line such as
    "(c) 2024" in a footer for the publication date.
    Raises ArticleError when no article text is found.
    """
    import trafilatura

    doc = trafilatura.bare_extraction(
        page, url=url, with_metadata=True, include_comments=False, include_tables=False, include_images=False,
        include_links=False, include_formatting=False, deduplicate=False,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    text = (getattr(doc, "text", None) or "") if doc is not None else ""
    lines = [one_line(line) for line in text.split("\n")]
    lines = [line for line in lines if line]
    if not lines:
        raise ArticleError(f"{name}: no article text found in the page (it may be built by JavaScript); "
                           "copy the article's text into a .txt file and add that instead.")
    title = one_line(getattr(doc, "title", None) or "")
    first = lines[0]
    if len(first.split()) <= 30 and not first.endswith((".", ",", ";", ":")) and (not title or _similar(first, title)):
        title = first  # the headline as printed on the page
    while lines and title and _same(lines[0], title):
        lines.pop(0)
    meta = {
        "title": title,
        "author": one_line(getattr(doc, "author", None) or ""),
        "date": one_line(getattr(doc, "date", None) or ""),
        "source": one_line(getattr(doc, "sitename", None) or getattr(doc, "hostname", None) or ""),
        "url": one_line(getattr(doc, "url", None) or url or ""),
        "licence": one_line(getattr(doc, "license", None) or ""),
    }
    if meta["date"]:
        try:
            meta["date"] = normalise_date(meta["date"])
        except ArticleError:
            meta["date"] = ""
    return {k: v for k, v in meta.items() if v}, "\n\n".join(lines)

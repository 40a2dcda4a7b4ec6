"""Quotation marks in an article: the quoted spans (straight and curly, across sentences and paragraphs) and whether an offset lies inside one."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

from ..core.article import Article

__all__ = [
    "QuoteSpan",
    "quote_spans",
    "in_quotes",
    "quote_span_rows",
    "sentences_of",
    "count_words",
]

_OPEN_CLOSE = {"\u201c": "\u201d", "\u2018": "\u2019", "\u00ab": "\u00bb"}
_WORD = re.compile(r"[^\W_]+(?:[-'\u2019][^\W_]+)*")


@dataclass(frozen=True)
class QuoteSpan:
    """A passage between quotation marks. ``start``/``end`` are the offsets of the quoted text
    (without the marks) in ``Article.text``; ``open_mark`` is ``"`` / ``“`` / ``‘`` / ``'``, or ``""`` for a
    quotation carried over from the paragraph before without a new opening mark;
    ``closed`` is False when the paragraph ends before the closing mark (a quotation that
    continues in the next paragraph, as news style writes long quotes)."""

    start: int
    end: int
    text: str
    open_mark: str
    closed: bool
    paragraph: int


def _single_quote_opens(text: str, k: int) -> bool:
    return k == 0 or text[k - 1].isspace() or text[k - 1] in "([{\u2014-\u201c\""


def _single_quote_closes(text: str, k: int) -> bool:
    return k + 1 >= len(text) or not text[k + 1].isalnum()


def _paragraph_spans(text: str) -> list[tuple[int, int, str, bool]]:
    """(start, end, open_mark, closed) of the quotations in one paragraph, offsets into ``text``."""
    spans: list[tuple[int, int, str, bool]] = []
    k, n = 0, len(text)
    while k < n:
        ch = text[k]
        # Two apostrophes or two backticks stand for a double quotation mark in some newswire text ('' ... '').
        double = text.startswith("''", k) or text.startswith("``", k)
        if ch == '"' or ch in ("\u201c", "\u00ab") or double:
            width = 2 if double else 1
            if ch == "\u00ab":
                closers = ("\u00bb",)
            else:  # straight and curly marks are mixed in much copy: either closes either
                closers = ('"', "\u201d", "''") if not double else ("''", '"', "\u201d")
            j, w = -1, 0
            for c in closers:
                found = text.find(c, k + width)
                if found >= 0 and (j < 0 or found < j):
                    j, w = found, len(c)
            mark = text[k:k + width]
            if j < 0:
                spans.append((k + width, n, mark, False))
                break
            spans.append((k + width, j, mark, True))
            k = j + w
            continue
        if ch in ("\u2018", "'") and _single_quote_opens(text, k):
            close = "\u2019" if ch == "\u2018" else "'"
            j = k + 1
            found = -1
            while j < n:
                j = text.find(close, j)
                if j < 0:
                    break
                if _single_quote_closes(text, j):
                    found = j
                    break
                j += 1
            # Straight single quotes double as apostrophes: only short, one-line passages count.
            if found > k + 1 and (ch == "\u2018" or len(_WORD.findall(text[k + 1:found])) <= 8):
                spans.append((k + 1, found, ch, True))
                k = found + 1
                continue
        k += 1
    return spans


def _continuation_end(text: str, spans: list[tuple[int, int, str, bool]]) -> int:
    """Where a paragraph closes a quotation that the paragraph before left open although this one opens none
    before it (press releases often drop the opening mark: "“This operation focused on …" then "By removing …
    public safety.”"): the offset of that closing mark, or 0. Not when the paragraph opens its own quotation
    first, as news style does ("“… " then "“…”")."""
    close = min((k for k in (text.find("\u201d"), text.find('"')) if k >= 0), default=-1)
    if close <= 0 or spans and spans[0][0] - 1 < close:
        return 0  # no closing mark, or a quotation opens before it
    return close  # (a straight mark at ``close`` was read as opening a quotation: the caller drops that one)


@lru_cache(maxsize=16)
def quote_span_rows(article: Article) -> tuple[QuoteSpan, ...]:
    """Every quoted passage as :class:`QuoteSpan` tuples in reading order (cached and shared: read them,
    do not change them); :func:`quote_spans` returns a list copy."""
    out: list[QuoteSpan] = []
    open_before = False  # the previous paragraph ends inside a quotation
    for p in article.paragraphs:
        spans = _paragraph_spans(p.text)
        if open_before:
            close = _continuation_end(p.text, spans)
            if close > 0:  # a quotation carried on without a new opening mark, closed here
                spans = [(0, close, "", True)] + [sp for sp in spans if sp[0] - 1 > close]
        open_before = bool(spans) and not spans[-1][3]
        for a, b, mark, closed in spans:
            # Trim spaces inside the marks; an empty pair is no quotation.
            inner = p.text[a:b]
            lead = len(inner) - len(inner.lstrip())
            trail = len(inner) - len(inner.rstrip())
            a2, b2 = p.start + a + lead, p.start + b - trail
            if b2 > a2 and _WORD.search(article.text[a2:b2]):
                out.append(QuoteSpan(a2, b2, article.text[a2:b2], mark, closed, p.index))
    return tuple(out)


def quote_spans(article: Article) -> list[QuoteSpan]:
    """Every passage between quotation marks (straight ``"..."``, curly ``“...”``, single
    ``‘...’`` and ``'...'`` when they cannot be apostrophes), in reading order.

    >>> from analysis.core.article import parse_article
    >>> a = parse_article('News\\n\\nShe said: “We will win.” Cities called "sanctuaries" agree.')
    >>> [q.text for q in quote_spans(a)]
    ['We will win.', 'sanctuaries']
    """
    return list(quote_span_rows(article))


@lru_cache(maxsize=16)
def _span_starts(article: Article) -> tuple[int, ...]:
    return tuple(q.start for q in quote_span_rows(article))


def in_quotes(article: Article, start: int, end: int) -> QuoteSpan | None:
    """The quotation containing the text span ``start:end`` (offsets into ``article.text``), if any.

    Quotations never overlap and come in reading order, so only the last one starting at or
    before ``start`` can contain the span (a binary search: this is called for every token).
    """
    k = bisect_right(_span_starts(article), start) - 1
    if k >= 0:
        q = quote_span_rows(article)[k]
        if end <= q.end:
            return q
    return None


@lru_cache(maxsize=16)
def _sentence_starts(article: Article) -> tuple[int, ...]:
    return tuple(s.start for s in article.sentences)


def sentences_of(article: Article, start: int, end: int) -> list[str]:
    """Ids of the sentences overlapping ``start:end`` (sentences are in order and do not overlap)."""
    sents = article.sentences
    k = max(0, bisect_right(_sentence_starts(article), start) - 1)
    out = []
    while k < len(sents) and sents[k].start < end:
        if start < sents[k].end:
            out.append(sents[k].id)
        k += 1
    return out


def count_words(text: str) -> int:
    """Words (runs of letters or digits, hyphens and apostrophes inside) in ``text``."""
    return len(_WORD.findall(text))



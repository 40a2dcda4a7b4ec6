"""Quotation marks in an article: direct quotations with their speakers, and scare quotes (a word or short phrase in quotes that no one is credited with)."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

import pandas as pd

from .article import Article

__all__ = [
    "QuoteSpan",
    "Quotation",
    "quote_spans",
    "quotations",
    "scare_quotes",
    "indirect_speech",
    "in_quotes",
    "QUOTE_COLUMNS",
    "SCARE_MAX_WORDS",
]

#: A quoted passage of at most this many words, credited to no one, is a scare quote.
SCARE_MAX_WORDS = 4

QUOTE_COLUMNS = [
    "quote_id", "sentence_id", "sentence_ids", "text", "n_words", "kind", "speaker", "speaker_kind", "cue",
    "speaker_inferred", "marks", "start", "end",
]


class Quotation(NamedTuple):
    """One row of :func:`quotations` (same fields, same order; see there for their meaning).
    ``speaker``, ``speaker_kind`` and ``cue`` are None when no speaker is known; ``sentence_ids``
    is a list shared by the cache: read it, do not change it."""

    quote_id: str
    sentence_id: str
    sentence_ids: list[str]
    text: str
    n_words: int
    kind: str  # direct or scare
    speaker: str | None
    speaker_kind: str | None
    cue: str | None
    speaker_inferred: bool
    marks: str  # straight or curly
    start: int
    end: int


_OPEN_CLOSE = {"\u201c": "\u201d", "\u2018": "\u2019", "\u00ab": "\u00bb"}
_WORD = re.compile(r"[^\W_]+(?:[-'\u2019][^\W_]+)*")


@dataclass(frozen=True)
class QuoteSpan:
    """A passage between quotation marks. ``start``/``end`` are the offsets of the quoted text
    (without the marks) in ``Article.text``; ``open_mark`` is ``"`` / ``“`` / ``‘`` / ``'``;
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
        if ch == '"' or ch in ("\u201c", "\u00ab"):
            close = '"' if ch == '"' else _OPEN_CLOSE[ch]
            j = text.find(close, k + 1)
            if j < 0:
                spans.append((k + 1, n, ch, False))
                break
            spans.append((k + 1, j, ch, True))
            k = j + 1
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


@lru_cache(maxsize=16)
def _spans(article: Article) -> tuple[QuoteSpan, ...]:
    out: list[QuoteSpan] = []
    for p in article.paragraphs:
        for a, b, mark, closed in _paragraph_spans(p.text):
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

    >>> from analysis.article import parse_article
    >>> a = parse_article('News\\n\\nShe said: “We will win.” Cities called "sanctuaries" agree.')
    >>> [q.text for q in quote_spans(a)]
    ['We will win.', 'sanctuaries']
    """
    return list(_spans(article))


@lru_cache(maxsize=16)
def _span_starts(article: Article) -> tuple[int, ...]:
    return tuple(q.start for q in _spans(article))


def in_quotes(article: Article, start: int, end: int) -> QuoteSpan | None:
    """The quotation containing the text span ``start:end`` (offsets into ``article.text``), if any.

    Quotations never overlap and come in reading order, so only the last one starting at or
    before ``start`` can contain the span (a binary search: this is called for every token).
    """
    k = bisect_right(_span_starts(article), start) - 1
    if k >= 0:
        q = _spans(article)[k]
        if end <= q.end:
            return q
    return None


@lru_cache(maxsize=16)
def _sentence_starts(article: Article) -> tuple[int, ...]:
    return tuple(s.start for s in article.sentences)


def _sentences_of(article: Article, start: int, end: int) -> list[str]:
    """Ids of the sentences overlapping ``start:end`` (sentences are in order and do not overlap)."""
    sents = article.sentences
    k = max(0, bisect_right(_sentence_starts(article), start) - 1)
    out = []
    while k < len(sents) and sents[k].start < end:
        if start < sents[k].end:
            out.append(sents[k].id)
        k += 1
    return out


def _n_words(text: str) -> int:
    return len(_WORD.findall(text))


@lru_cache(maxsize=16)
def _quotations(article: Article) -> pd.DataFrame:
    frame = pd.DataFrame(_quotation_rows(article), columns=QUOTE_COLUMNS)
    for col in ("speaker", "speaker_kind", "cue"):
        frame[col] = frame[col].astype(object).where(frame[col].notna(), None)
    return frame


@lru_cache(maxsize=16)
def _quotation_rows(article: Article) -> tuple[Quotation, ...]:
    """The rows of :func:`quotations` (every kind) as :class:`Quotation` tuples, in reading order.
    Cached and shared: the pandas-free way to read quotations."""
    from .framing import _base_attribution_rows  # framing uses quote_spans: import here, not at module level

    att_by_sentence: dict[str, list] = {}
    for k, r in enumerate(_base_attribution_rows(article)):  # k keeps the table's order across sentences
        att_by_sentence.setdefault(r.sentence_id, []).append((k, r))
    sent_of = {s.id: s for s in article.sentences}
    rows = []
    prev: dict | None = None
    for n, q in enumerate(_spans(article), start=1):
        sids = _sentences_of(article, q.start, q.end) or _sentences_of(article, q.start - 1, q.end + 1)
        sid = sids[0] if sids else ""
        words = _n_words(q.text)
        # The speaker: an attribution whose cue lies outside the quotation, in the sentence(s) the
        # quotation touches, nearest to the quotation marks.
        touching = set(sids)
        if sids:
            first, last = sent_of[sids[0]], sent_of[sids[-1]]
            touching |= {first.id, last.id}
        cands = sorted(kr for sid_ in touching for kr in att_by_sentence.get(sid_, ()))
        best = None
        for _, r in cands:
            if q.start - 1 <= r.start and r.end <= q.end + 1:
                continue  # a reporting verb inside the quotation belongs to the quoted speech
            if r.kind == "unattributed":
                continue
            dist = q.start - r.end if r.end <= q.start else r.start - q.end
            if best is None or dist < best[0]:
                best = (dist, r)
        speaker = speaker_kind = cue = None
        inferred = False
        colon = article.text[:q.start - 1].rstrip().endswith(":")
        if best is not None:
            speaker, speaker_kind, cue = best[1].source, best[1].kind, best[1].cue
        elif colon and (agent := _colon_speaker(article, sid, q.start)) is not None:
            # 'Sunak defended the record: "..."': the words of the clause's subject
            speaker, speaker_kind, cue = agent
        elif prev is not None and prev["speaker"] and words > SCARE_MAX_WORDS and (
                not prev["closed"] or q.paragraph - prev["paragraph"] <= 1) and not colon and not _own_verb(
                article, sid, q):
            # A long quotation with no speaker of its own continues the previous speaker's words
            # (the next paragraph of the same quotation, or the next quoted paragraph).
            speaker, speaker_kind, cue, inferred = prev["speaker"], prev["speaker_kind"], prev["cue"], True
        # A short passage no one is credited with is a scare quote, unless its sentence reports
        # speech ("They called MacDonald a “fascist.”": a quotation whose speaker is not named).
        kind = "direct" if speaker or words > SCARE_MAX_WORDS or (sid and _own_verb(article, sid, q)) else "scare"
        marks = "curly" if q.open_mark in "\u201c\u2018\u00ab" else "straight"
        rows.append(Quotation(f"q{n}", sid, sids, q.text, words, kind, speaker, speaker_kind, cue, inferred, marks,
                              q.start, q.end))
        if kind == "direct":
            prev = {"speaker": speaker, "speaker_kind": speaker_kind, "cue": cue, "closed": q.closed,
                    "paragraph": q.paragraph}
    return tuple(rows)


def _own_verb(article: Article, sid: str, q: QuoteSpan) -> bool:
    """Whether the quotation's sentence has a reporting verb outside the quotation (then the
    quotation has a speaker of its own, named or not, and does not continue the previous one)."""
    from . import nlp
    from .framing import _reporting_lemmas
    from .tokens import sentence_words

    toks = sentence_words(article).get(sid)
    if toks is None:
        return False
    verbs = _reporting_lemmas()
    return any((end <= q.start or start >= q.end) and pos.startswith("VB") and nlp.lemmatize(low, pos) in verbs
               for start, end, pos, low in zip(toks.start, toks.end, toks.pos, toks.lower))


def _colon_speaker(article: Article, sid: str, start: int):
    """The agent of the last verb before a quotation introduced by a colon, in the same sentence."""
    from .agency import _role_rows
    from .framing import _classify_span

    agents = [r for r in _role_rows(article) if r.sentence_id == sid and r.role == "agent" and r.verb_end <= start
              and r.kind in ("person", "government", "organisation", "group")]
    if not agents:
        return None
    last = sorted(agents, key=lambda r: (r.verb_end, r.start))[-1]  # of equals, the last in table order
    return last.actor, _classify_span(last.actor, last.kind), last.verb


def quotations(article: Article, *, kind: str | None = None) -> pd.DataFrame:
    """Every quotation with its speaker, in reading order.

    ``kind`` is ``direct`` (a speaker is credited, or the passage is longer than
    ``SCARE_MAX_WORDS`` words) or ``scare`` (a word or short phrase in quotes that no speaker is
    credited with: the seed's "sanctuaries"); pass ``kind=`` to keep one. The speaker comes from a
    reporting verb or "according to" outside the quotation in the same sentence ("X said",
    "said X", "X told ...:"), or from the subject of the clause before a colon ("Sunak defended
    the record: ..."); a long quotation without either, in a sentence with no reporting verb of
    its own, continues the previous speaker's quotation (``speaker_inferred``).

    Columns: quote_id, sentence_id (where it starts), sentence_ids, text (inside the marks),
    n_words, kind, speaker, speaker_kind (an attribution kind), cue (the attributing words),
    speaker_inferred, marks (straight or curly), start, end (offsets into article.text).

    >>> from analysis.article import parse_article
    >>> a = parse_article('News\\n\\n“We will win,” Mayor Ann Lee said. Cities labeled as "sanctuaries" object.')
    >>> quotations(a)[["text", "kind", "speaker"]].values.tolist()
    [['We will win,', 'direct', 'Ann Lee'], ['sanctuaries', 'scare', None]]
    """
    frame = _quotations(article).copy()
    if kind is not None:
        frame = frame[frame["kind"] == kind].reset_index(drop=True)
    return frame


def scare_quotes(article: Article) -> pd.DataFrame:
    """Quoted words or short phrases that no speaker is credited with, listed apart from real quotations.

    Columns: sentence_id, text, marks, start, end.
    """
    q = quotations(article, kind="scare")
    return q[["sentence_id", "text", "marks", "start", "end"]].reset_index(drop=True)


def indirect_speech(article: Article) -> pd.DataFrame:
    """Reported speech without quotation marks: a reporting verb or "according to" whose claim is
    not a direct quotation ("the Pentagon announced plans to ...", "X warned that ...").

    Columns: sentence_id, speaker, speaker_kind, verb (the attributing words), verb_category
    (neutral, assertive, tentative, critical), content (the words reported), words.

    >>> from analysis.article import parse_article
    >>> a = parse_article("News\\n\\nMayor Ann Lee warned that the plan would fail.")
    >>> indirect_speech(a)[["speaker", "verb", "content"]].values.tolist()
    [['Ann Lee', 'warned', 'that the plan would fail.']]
    """
    from .framing import _base_attribution_rows

    spans = [(q.start, q.end) for q in _spans(article)]
    rows = []
    for r in _base_attribution_rows(article):
        if r.mode not in ("reporting_verb", "according_to"):
            continue
        if r.claim_start >= 0 and any(a < r.claim_end and r.claim_start < b for a, b in spans):
            continue  # the claim is (partly) a direct quotation
        rows.append((r.sentence_id, r.source, r.kind, r.cue, r.verb_category, r.claim, r.words))
    return pd.DataFrame(rows, columns=["sentence_id", "speaker", "speaker_kind", "verb", "verb_category", "content",
                                       "words"])

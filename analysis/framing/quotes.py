"""Quotations in an article: direct quotations with their speakers, indirect speech, and scare quotes (a word or short phrase in quotes that no one is credited with)."""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

from analysis.core.lazy import pandas as pd

from ..core import nlp
from ..core.article import Article
from ..core.tokens import sentence_words
from .agency import role_rows
from .attribution import base_attribution_rows, classify_span, reporting_lemmas
from .entities import mention_rows
from .quote_marks import QuoteSpan, count_words, quote_span_rows, sentences_of

__all__ = [
    "Quotation",
    "quotations",
    "scare_quotes",
    "indirect_speech",
    "QUOTE_COLUMNS",
    "SCARE_MAX_WORDS",
    "quotation_rows",
]

#: A quoted passage of at most this many words, credited to no one, is a scare quote.
SCARE_MAX_WORDS = 4

QUOTE_COLUMNS = [
    "quote_id", "sentence_id", "sentence_ids", "text", "n_words", "kind", "speaker", "speaker_kind", "cue",
    "speaker_inferred", "marks", "start", "end", "speaker_surface",
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
    speaker_surface: str = ""  # the speaker as written when resolved from a pronoun or title ("he")


@lru_cache(maxsize=16)
def _quotations(article: Article) -> pd.DataFrame:
    frame = pd.DataFrame(quotation_rows(article), columns=QUOTE_COLUMNS)
    for col in ("speaker", "speaker_kind", "cue"):
        frame[col] = frame[col].astype(object).where(frame[col].notna(), None)
    return frame


@lru_cache(maxsize=16)
def quotation_rows(article: Article) -> tuple[Quotation, ...]:
    """The rows of :func:`quotations` (every kind) as :class:`Quotation` tuples, in reading order.
    Cached and shared: the pandas-free way to read quotations."""
    att_by_sentence: dict[str, list] = {}
    for k, r in enumerate(base_attribution_rows(article)):  # k keeps the table's order across sentences
        att_by_sentence.setdefault(r.sentence_id, []).append((k, r))
    sent_of = {s.id: s for s in article.sentences}
    rows = []
    prev: dict | None = None
    for n, q in enumerate(quote_span_rows(article), start=1):
        sids = sentences_of(article, q.start, q.end) or sentences_of(article, q.start - 1, q.end + 1)
        sid = sids[0] if sids else ""
        words = count_words(q.text)
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
        surface = ""
        inferred = False
        colon = article.text[:q.start - 1].rstrip().endswith(":")
        if best is not None:
            speaker, speaker_kind, cue, surface = best[1].source, best[1].kind, best[1].cue, best[1].surface
        elif (dash := _dash_speaker(article, q)) is not None:
            # '"...." ― Ann Lee': a reader's or poster's words signed after a dash
            speaker, speaker_kind, cue = dash
        elif colon and (agent := _colon_speaker(article, sid, q.start)) is not None:
            # 'Sunak defended the record: "..."': the words of the clause's subject
            speaker, speaker_kind, cue = agent
        elif colon and (agent := _lead_in_speaker(article, sid, q.start, att_by_sentence)) is not None:
            # 'Caddell continued:' ending the paragraph before a quoted one
            speaker, speaker_kind, cue, surface = agent
        elif prev is not None and prev["speaker"] and words > SCARE_MAX_WORDS and (
                not prev["closed"] or q.paragraph - prev["paragraph"] <= 1) and not colon and not _own_verb(
                article, sid, q):
            # A long quotation with no speaker of its own continues the previous speaker's words
            # (the next paragraph of the same quotation, or the next quoted paragraph).
            speaker, speaker_kind, cue, inferred = prev["speaker"], prev["speaker_kind"], prev["cue"], True
            surface = prev["surface"]
        # A short passage no one is credited with is a scare quote, unless its sentence reports
        # speech ("They called MacDonald a “fascist.”": a quotation whose speaker is not named).
        kind = "direct" if speaker or words > SCARE_MAX_WORDS or (sid and _own_verb(article, sid, q)) else "scare"
        mark = q.open_mark or article.text[q.end:q.end + 1]  # a quotation carried over: its closing mark
        marks = "curly" if mark and mark in "\u201c\u2018\u00ab\u201d" else "straight"
        rows.append(Quotation(f"q{n}", sid, sids, q.text, words, kind, speaker, speaker_kind, cue, inferred, marks,
                              q.start, q.end, surface))
        if kind == "direct":
            prev = {"speaker": speaker, "speaker_kind": speaker_kind, "cue": cue, "closed": q.closed,
                    "paragraph": q.paragraph, "surface": surface}
    return tuple(_credit_from_the_end(rows, quote_span_rows(article)))


def _credit_from_the_end(rows: list[Quotation], spans: tuple[QuoteSpan, ...]) -> list[Quotation]:
    """A quotation left open at the end of its paragraph, with no speaker, belongs to whoever is credited
    where it ends: the next quoted paragraphs up to the first that closes ("...," she said)."""
    out = list(rows)
    for k in range(len(out) - 1, -1, -1):
        q, span = out[k], spans[k]
        if q.speaker or span.closed or k + 1 >= len(out):
            continue
        nxt, nspan = out[k + 1], spans[k + 1]
        if nxt.speaker and nspan.paragraph - span.paragraph == 1:
            out[k] = q._replace(kind="direct", speaker=nxt.speaker, speaker_kind=nxt.speaker_kind, cue=nxt.cue,
                                speaker_inferred=True, speaker_surface=nxt.speaker_surface)
    return out


def _own_verb(article: Article, sid: str, q: QuoteSpan) -> bool:
    """Whether the quotation's sentence has a reporting verb outside the quotation (then the
    quotation has a speaker of its own, named or not, and does not continue the previous one)."""
    toks = sentence_words(article).get(sid)
    if toks is None:
        return False
    verbs = reporting_lemmas()
    return any((end <= q.start or start >= q.end) and pos.startswith("VB") and nlp.lemmatize(low, pos) in verbs
               for start, end, pos, low in zip(toks.start, toks.end, toks.pos, toks.lower))


_DASHES = ("\u2015", "\u2014", "\u2013", "--", "-")


def _dash_speaker(article: Article, q: QuoteSpan):
    """A name signed after the closing mark and a dash at the end of its paragraph ('"..." ― Ann Lee'),
    as letters, comments and epigraphs are credited. Returns (speaker, kind, cue) or None."""
    p = next((p for p in article.paragraphs if p.start <= q.start < p.end), None)
    if p is None:
        return None
    tail = article.text[q.end + 1:p.end].strip()
    dash = next((d for d in _DASHES if tail.startswith(d)), None)
    if dash is None:
        return None
    name = tail[len(dash):].strip().rstrip(".").strip()
    words = name.split()
    if not 1 <= len(words) <= 5 or not all(w[:1].isupper() for w in words if w.isalpha() and len(w) > 2):
        return None
    for m in mention_rows(article):
        if q.end < m.start < p.end and m.kind in ("person", "organisation", "government", "other"):
            return m.actor, classify_span(m.actor, m.kind), dash
    return name, "named_person", dash


def _colon_speaker(article: Article, sid: str, start: int):
    """The agent of the last verb before a quotation introduced by a colon, in the same sentence."""
    last = _last_agent(article, sid, start)
    return None if last is None else (last.actor, classify_span(last.actor, last.kind), last.verb)


def _last_agent(article: Article, sid: str, start: int):
    """The role row of the agent (a person, a body or a group) of the last verb of sentence ``sid`` before offset
    ``start``, or None."""
    agents = [r for r in role_rows(article) if r.sentence_id == sid and r.role == "agent" and r.verb_end <= start
              and r.kind in ("person", "government", "organisation", "group")]
    if not agents:
        return None
    return max(reversed(agents), key=lambda r: (r.verb_end, r.start))  # of equals, the last in table order


def _lead_in_speaker(article: Article, sid: str, start: int, att_by_sentence: dict[str, list]):
    """The speaker of a lead-in sentence that ends with a colon right before the quotation but is not the quotation's
    own sentence ('Caddell continued:' or 'In a statement, the mayor said:' closing the paragraph before a quoted
    one): the source of its attribution or the agent of its verb, whichever is nearest the colon ("According to the
    report, Bass told officers:", "Newsom said …, but Bass responded:" are Bass's). Returns (speaker, kind, cue,
    surface) or None."""
    colon_at = article.text.rfind(":", 0, start)
    lead = sentences_of(article, colon_at, colon_at + 1)
    if not lead or lead[-1] == sid:
        return None
    lead_sid = lead[-1]
    cands = [(r.end, 1, (r.source, r.kind, r.cue, r.surface)) for _, r in att_by_sentence.get(lead_sid, ())
             if r.kind != "unattributed" and r.source]
    agent = _last_agent(article, lead_sid, colon_at)
    if agent is not None and (not cands or _speech_verb(agent.verb)):
        # "Newsom said …, but Bass responded:": the clause next to the colon; not "Bass said, after Newsom arrived:"
        cands.append((agent.verb_end, 0, (agent.actor, classify_span(agent.actor, agent.kind), agent.verb, "")))
    return max(cands)[2] if cands else None


def _speech_verb(verb: str) -> bool:
    """Whether a verb group's last word is a reporting verb of the lexicon or one that goes on speaking
    ("continued")."""
    words = verb.lower().split()
    return bool(words) and (nlp.lemmatize(words[-1], "VBD") in reporting_lemmas() or words[-1] in (
        "continued", "continues"))


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

    >>> from analysis.core.article import parse_article
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

    >>> from analysis.core.article import parse_article
    >>> a = parse_article("News\\n\\nMayor Ann Lee warned that the plan would fail.")
    >>> indirect_speech(a)[["speaker", "verb", "content"]].values.tolist()
    [['Ann Lee', 'warned', 'that the plan would fail.']]
    """
    spans = [(q.start, q.end) for q in quote_span_rows(article)]
    rows = []
    for r in base_attribution_rows(article):
        if r.mode not in ("reporting_verb", "according_to"):
            continue
        if r.claim_start >= 0 and any(a < r.claim_end and r.claim_start < b for a, b in spans):
            continue  # the claim is (partly) a direct quotation
        rows.append((r.sentence_id, r.source, r.kind, r.cue, r.verb_category, r.claim, r.words))
    return pd.DataFrame(rows, columns=["sentence_id", "speaker", "speaker_kind", "verb", "verb_category", "content",
                                       "words"])

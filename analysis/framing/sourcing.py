"""Sourcing of one article: every attribution (quotations and unattributed evaluative claims included), the sources ledger, and evaluative words."""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from functools import lru_cache
from itertools import accumulate
from typing import NamedTuple

from analysis.core.lazy import pandas as pd

from ..core import nlp
from ..core.article import Article
from ..core.lexicons import find_terms, lexicon_rows, lexicon_terms
from ..core.tokens import sentence_words
from .attribution import ATTRIBUTION_COLUMNS, EXTRA_COLUMNS, Attribution, base_attribution_rows, in_reading_order
from .quote_marks import in_quotes
from .quotes import quotation_rows

__all__ = [
    "attributions",
    "sources",
    "vague_or_missing",
    "evaluative_words",
    "EVALUATIVE_CATEGORIES",
    "EvaluativeWord",
    "Source",
    "attribution_rows",
    "source_rows",
]

#: Categories of data/lexicons/loaded_words.csv that make a claim evaluative (the writer judges,
#: dramatises or labels). Militaristic, punitive and euphemism words describe rather than judge.
EVALUATIVE_CATEGORIES = ("evaluative", "dramatic", "pejorative_label", "sympathy", "threat")


class EvaluativeWord(NamedTuple):
    """One row of :func:`evaluative_words` (same fields, same order)."""

    sentence_id: str
    word: str
    source: str
    start: int
    end: int
    i: int
    in_quotes: bool


class Source(NamedTuple):
    """One row of :func:`sources` (same fields, same order). ``cues`` and ``sentence_ids`` are
    lists shared by the cache: read them, do not change them."""

    source: str
    kind: str
    count: int
    cues: list[str]
    sentence_ids: list[str]
    quotes: int
    words: int
    share: float




def _quote_rows(article: Article, base: tuple[Attribution, ...]) -> list[Attribution]:
    """Sentences of a direct quotation whose speaker is credited elsewhere (the next sentence or
    paragraph of the same quotation) are attributed to that speaker too."""
    rows = []
    have = {(r.sentence_id, r.source) for r in base}
    sent_of = {s.id: s for s in article.sentences}
    toks_by = sentence_words(article)
    for q in quotation_rows(article):
        if q.kind != "direct" or not q.speaker:
            continue
        for sid in q.sentence_ids:
            if (sid, q.speaker) in have:
                continue
            have.add((sid, q.speaker))
            s = sent_of[sid]
            a, b = max(q.start, s.start), min(q.end, s.end)
            words = toks_by[sid].words_between(a, b)
            rows.append(Attribution(sid, s.text, q.speaker, q.speaker_kind, "quotation", a, b, "quote", "",
                                    article.text[a:b], words, a, b, q.speaker_surface))
    return rows


@lru_cache(maxsize=1)
def _descriptive_terms() -> frozenset[str]:
    """Opinion-lexicon words that in news mostly describe ("conservative", "criminal", "illegally"): the loaded-word
    analysis never flags them (``emotive_exclusions.csv``, categories descriptive and literal), nor does this one."""
    return frozenset(r["term"] for r in lexicon_rows("emotive_exclusions") if r["category"] in ("descriptive", "literal"))


@lru_cache(maxsize=1)
def _label_terms() -> frozenset[str]:
    """Single-word contested labels ("undocumented", "migrant"): reported by the terminology table, not as evaluations."""
    return frozenset(t for t in (r["term"] for r in lexicon_rows("terminology")) if " " not in t and not t.endswith("*"))


def evaluative_words(article: Article) -> pd.DataFrame:
    """Words by which the writer judges or dramatises: loaded words (categories in
    ``EVALUATIVE_CATEGORIES``) and opinion adjectives and adverbs (Hu & Liu 2004, via NLTK), but for the words
    that in news mostly describe (``emotive_exclusions.csv``: "conservative", "criminal").

    Columns: sentence_id, word, source (loaded_words:<category> or opinion:<polarity>), start, end,
    i (token position), in_quotes (inside quotation marks: someone else's words or a scare quote).

    >>> from analysis.core.article import parse_article
    >>> a = parse_article("News\\n\\nThe bold plan is cruel. The plan starts in June.")
    >>> evaluative_words(a)[["sentence_id", "word"]].values.tolist()
    [['s2', 'bold'], ['s2', 'cruel']]
    """
    frame = pd.DataFrame(_evaluative_rows(article), columns=EvaluativeWord._fields)
    frame["in_quotes"] = frame["in_quotes"].astype(bool)  # also when there are no rows
    return frame


@lru_cache(maxsize=16)
def _evaluative_rows(article: Article) -> tuple[EvaluativeWord, ...]:
    """The rows of :func:`evaluative_words` as :class:`EvaluativeWord` tuples, ordered by offset
    then word. Cached and shared."""
    rows = []
    taken: set[tuple[str, int]] = set()
    for m in find_terms(article, lexicon_terms("loaded_words", EVALUATIVE_CATEGORIES)):
        rows.append((m.sentence_id, m.matched, f"loaded_words:{m.category}", m.start, m.end, m.i_start))
        taken.update((m.sentence_id, k) for k in range(m.i_start, m.i_end))
    opinion = nlp.opinion_words()
    skipped = _label_terms() | _descriptive_terms()
    for sid, toks in sentence_words(article).items():
        for i, (text, low, pos) in enumerate(zip(toks.text, toks.lower, toks.pos)):
            if (sid, i) in taken or low not in opinion or low in skipped:
                continue
            if pos[:2] in ("JJ", "RB") and text[:1].islower():
                rows.append((sid, text, f"opinion:{opinion[low]}", toks.start[i], toks.end[i], i))
    words = [EvaluativeWord(*r, in_quotes(article, r[3], r[4]) is not None) for r in rows]
    return tuple(sorted(words, key=lambda w: (w.start, w.word)))


def _unattributed_rows(article: Article, att: list[Attribution]) -> list[Attribution]:
    """One row per sentence with evaluative words outside quotations and outside the claim of every
    attribution in the sentence."""
    toks_by = sentence_words(article)
    sent_of = {s.id: s for s in article.sentences}
    scopes: dict[str, list[tuple[int, int]]] = {}
    for r in att:
        if r.claim_start >= 0:
            scopes.setdefault(r.sentence_id, []).append((r.claim_start, r.claim_end))
    rows = []
    by_sentence: dict[str, list[EvaluativeWord]] = {}
    for g in _evaluative_rows(article):
        if not g.in_quotes:
            by_sentence.setdefault(g.sentence_id, []).append(g)
    for sid, grp in by_sentence.items():
        # Outside every claim: no scope starting at or before the word reaches its end (a running maximum of
        # the scopes' ends, so that a sentence with many attributions costs no more than one per word).
        spans = sorted(scopes.get(sid, []))
        starts, reach = [a for a, _ in spans], list(accumulate((b for _, b in spans), max))
        free = [g for g in grp if not ((k := bisect_right(starts, g.start)) and reach[k - 1] >= g.end)]
        if not free:
            continue
        s = sent_of[sid]
        if s.part in ("caption", "credits"):
            continue  # a picture's caption ("Braverman (left) and Sunak (right)") or the credits: no claim
        words = toks_by[sid].n_words
        cue = ", ".join(dict.fromkeys(g.word for g in free))
        rows.append(Attribution(sid, s.text, "", "unattributed", cue, free[0].start, free[-1].end, "unattributed", "",
                                s.text, words, s.start, s.end))
    return rows


_FINITE = ("VBD", "VBZ", "VBP", "MD")
#: A body sentence needs at least this many words to be counted as a claim of its own.
CLAIM_MIN_WORDS = 8


def _unsourced_claim_rows(article: Article, att: list[Attribution]) -> list[Attribution]:
    """Factual claims with no source: body sentences of at least ``CLAIM_MIN_WORDS`` words with a finite verb
    outside quotation marks, not questions, with no attribution of any kind (no source, no cue, no quotation,
    no unsourced evaluation). A reader has to take them on the article's word ("preparations are underway
    for raids")."""
    toks_by = sentence_words(article)
    covered = {r.sentence_id for r in att}
    quoted = {sid for q in quotation_rows(article) for sid in q.sentence_ids}
    rows = []
    for s in article.sentences:
        if s.part != "body" or s.id in covered or s.id in quoted or s.text.rstrip().endswith("?"):
            continue
        t = toks_by.get(s.id)
        if t is None or t.n_words < CLAIM_MIN_WORDS:
            continue
        if not any(tag in _FINITE and in_quotes(article, a, b) is None for tag, a, b in zip(t.pos, t.start, t.end)):
            continue
        rows.append(Attribution(s.id, s.text, "", "unattributed", "", s.start, s.start, "unsourced_claim", "",
                                s.text, t.n_words, s.start, s.end))
    return rows


@lru_cache(maxsize=16)
def attribution_rows(article: Article, include_unattributed: bool) -> tuple[Attribution, ...]:
    """The rows of :func:`attributions` as :class:`Attribution` tuples, in the same order.
    Cached and shared: the pandas-free way to read attributions."""
    base = base_attribution_rows(article)
    rows = [*base, *_quote_rows(article, base)]
    if include_unattributed:
        rows += _unattributed_rows(article, rows)
        rows += _unsourced_claim_rows(article, rows)
    return in_reading_order(rows, article)


@lru_cache(maxsize=16)
def _attributions(article: Article, include_unattributed: bool) -> pd.DataFrame:
    frame = pd.DataFrame(attribution_rows(article, include_unattributed), columns=ATTRIBUTION_COLUMNS + EXTRA_COLUMNS)
    for col in ("words", "claim_start", "claim_end"):
        frame[col] = frame[col].astype(int)  # also when there are no rows
    return frame


def attributions(article: Article, *, include_unattributed: bool = True) -> pd.DataFrame:
    """Attributed claims, one row per attribution, plus the evaluative claims attributed to no one.

    Finds vague attribution ("reports suggest", "there is concern", "critics say"), anonymous
    sources ("officials said"), "according to X", reporting verbs (say, announce, warn...) with
    the actor who is their subject, the further sentences of a credited direct quotation, and
    (``include_unattributed``) sentences whose evaluative words (see :func:`evaluative_words`) lie
    outside every quotation and every attributed claim (mode ``unattributed``), and factual claims with no
    source at all (mode ``unsourced_claim``, kind ``unattributed``, no cue: see ``CLAIM_MIN_WORDS``). Reporting verbs and cues inside quotation
    marks belong to the quoted speaker and are skipped.

    Columns: sentence_id, text (the sentence), source (who or what is credited; "" when no one),
    kind (named_person, named_org, document, anonymous, vague, unattributed), cue (the words that
    attribute; for unattributed rows the evaluative words), start, end (offsets of the cue in
    article.text), mode (cue, according_to, reporting_verb, speaker_label, quote, unattributed, unsourced_claim),
    verb_category (neutral, assertive, tentative, critical for reporting verbs), claim (the words credited), words
    (word count of the claim), claim_start, claim_end (offsets of the claim; -1 when there is none).

    >>> from analysis.core.article import parse_article
    >>> a = parse_article("News\\n\\nReports suggest the plan failed. The Pentagon announced a deployment.")
    >>> attributions(a)[["source", "kind", "cue"]].values.tolist()
    [['reports suggest', 'vague', 'Reports suggest'], ['Pentagon', 'named_org', 'announced']]
    """
    return _attributions(article, include_unattributed).copy()


def sources(article: Article) -> pd.DataFrame:
    """The sourcing ledger: who the article attributes claims to, how often, through which cues,
    and what share of the article's attributed words each source carries.

    Columns: source, kind, count, cues (distinct cue words), sentence_ids, quotes (direct quotations
    credited to the source), words (attributed words), share (of all attributed words, 0-1).
    Unattributed claims are not sources; see :func:`vague_or_missing`.
    """
    return pd.DataFrame(source_rows(article), columns=Source._fields)


@lru_cache(maxsize=16)
def source_rows(article: Article) -> tuple[Source, ...]:
    """The rows of :func:`sources` as :class:`Source` tuples, in the same order (most attributions
    first, then most words, then by source and kind). Cached and shared."""
    att = attribution_rows(article, False)
    n_quotes = Counter(q.speaker for q in quotation_rows(article) if q.kind == "direct" and q.speaker is not None)
    total = sum(r.words for r in att)
    by_source: dict[tuple[str, str], list[Attribution]] = {}
    for r in att:
        by_source.setdefault((r.source, r.kind), []).append(r)
    rows = []
    for (src, kind), grp in by_source.items():
        words = sum(r.words for r in grp)
        rows.append(Source(src, kind, len(grp), sorted({r.cue.lower() for r in grp}),
                           list(dict.fromkeys(r.sentence_id for r in grp)), n_quotes[src], words,
                           round(words / total, 3) if total else 0.0))
    return tuple(sorted(rows, key=lambda r: (-r.count, -r.words, r.source, r.kind)))


def vague_or_missing(article: Article) -> pd.DataFrame:
    """The attributions a reader cannot check: vague, anonymous and unattributed (evaluative and factual claims
    credited to no one).

    Columns: sentence_id, kind, cue, source, text.
    """
    att = attributions(article)
    keep = att[att["kind"].isin(["vague", "anonymous", "unattributed"])]
    return keep[["sentence_id", "kind", "cue", "source", "text"]].reset_index(drop=True)

"""Tone: VADER scores per sentence, the words that carry them and the extremes."""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

from analysis.core.lazy import pandas as pd

from ..core import nlp
from ..core.article import Article
from ..core.tokens import SentenceWords, sentence_words
from .names import name_token_positions
from .words import word_rows

__all__ = ["sentence_tone", "Tone", "tone_rows", "tone_words", "tone_extremes", "name_token_positions"]

# ---------------------------------------------------------------- tone

def sentence_tone(article: Article) -> pd.DataFrame:
    """VADER scores of each sentence (Hutto & Gilbert 2014), with proper names masked.

    The words of proper names (:func:`name_token_positions`) are taken out before scoring:
    "United States", "Liberty University" and "Justice Department" carry no sentiment, so the
    score reflects the writer's own words.

    Columns: sentence_id, paragraph, part, compound (-1 very negative .. +1 very positive),
    positive, neutral, negative, text.

    >>> from analysis.core.article import parse_article
    >>> t = sentence_tone(parse_article("News\\n\\nThis is wonderful. This is a horrible disaster."))
    >>> t["compound"].tolist()[1] > 0 > t["compound"].tolist()[2]
    True

    The scores are computed once per article (see :func:`tone_rows`).
    """
    return pd.DataFrame(tone_rows(article), columns=list(Tone._fields))


class Tone(NamedTuple):
    """VADER scores of one sentence: a row of :func:`sentence_tone` (same fields, same order)."""

    sentence_id: str
    paragraph: int
    part: str
    compound: float
    positive: float
    neutral: float
    negative: float
    text: str


def tone_rows(article: Article) -> tuple[Tone, ...]:
    """:func:`sentence_tone` without pandas: one :class:`Tone` per sentence, in reading order (cached per article).

    >>> from analysis.core.article import parse_article
    >>> [(t.sentence_id, t.compound > 0) for t in tone_rows(parse_article("News\\n\\nThis is wonderful."))]
    [('s1', False), ('s2', True)]
    """
    return _tone_rows(article)


def _masked(article: Article, sentence_start: int, text: str, toks: SentenceWords, names: frozenset[int]) -> str:
    """The sentence's text with the tokens at ``names`` cut out (the spaces around them kept single)."""
    if not names:
        return text
    pieces, at = [], sentence_start
    for i in sorted(names):
        pieces.append(article.text[at:toks.start[i]])
        at = toks.end[i]
    pieces.append(article.text[at:sentence_start + len(text)])
    return " ".join("".join(pieces).split())


@lru_cache(maxsize=16)
def _tone_rows(article: Article) -> tuple[Tone, ...]:
    sia = nlp.vader()
    per = sentence_words(article)
    names = name_token_positions(article)
    rows = []
    for s in article.sentences:
        sc = sia.polarity_scores(_masked(article, s.start, s.text, per[s.id], names[s.id]))
        rows.append(Tone(s.id, s.paragraph, s.part, sc["compound"], sc["pos"], sc["neu"], sc["neg"], s.text))
    return tuple(rows)


def tone_words(article: Article) -> pd.DataFrame:
    """The words that carry tone: hits in the VADER lexicon (Hutto & Gilbert 2014) and the Hu & Liu (2004) opinion lexicon.

    Columns: sentence_id, term (lower case), text (as written), start, end, vader (the word's
    VADER valence, -4..+4; 0.0 when VADER does not list it), opinion ("positive", "negative" or
    "" when Hu & Liu do not list it), is_name (part of a proper name, masked before scoring: VADER
    would count "Justice" in "Justice Department" as positive; it carries no tone here, and the
    opinion lexicon is not applied to names). VADER also adjusts scores for negation, "but",
    boosters and capitals; those are not listed.
    """
    frame = pd.DataFrame(_tone_word_rows(article),
                         columns=["sentence_id", "term", "text", "start", "end", "vader", "opinion", "is_name"])
    return frame.astype({"start": "int64", "end": "int64", "vader": "float64", "is_name": bool})


@lru_cache(maxsize=16)
def _tone_word_rows(article: Article) -> tuple[tuple[str, str, str, int, int, float, str, bool], ...]:
    """The rows of :func:`tone_words`."""
    lex = nlp.vader().lexicon
    opinion = nlp.opinion_words()
    names = name_token_positions(article)
    rows = []
    for w in word_rows(article):
        low = w.lower
        is_name = w.i in names[w.sentence_id]
        v = float(lex.get(low, 0.0))
        o = "" if is_name else opinion.get(low, "")
        if v or o:
            rows.append((w.sentence_id, low, w.text, w.start, w.end, v, o, is_name))
    return tuple(rows)


def tone_extremes(article: Article, *, n: int = 3) -> pd.DataFrame:
    """The most negative and the most positive sentences (VADER compound), with the tone words in each
    (the words that carried the score: names are masked and not shown).

    Columns: direction ("most negative" / "most positive"), rank, sentence_id, compound, words
    (tone words of the sentence as ``word (valence)``), text. Only sentences scoring below 0
    (negative) or above 0 (positive) qualify; ties are broken by reading order.
    """
    tone = tone_rows(article)
    carried: dict[str, list[str]] = {}
    for sid, term, _, _, _, vader, opinion, is_name in _tone_word_rows(article):
        if is_name:
            continue  # masked: names carry no tone
        label = f"{term} ({vader:+.1f})" if vader else f"{term} ({opinion})"
        carried.setdefault(sid, []).append(label)
    rows = []
    neg = sorted((t for t in tone if t.compound < 0), key=lambda t: t.compound)[:n]  # stable: ties in reading order
    pos = sorted((t for t in tone if t.compound > 0), key=lambda t: -t.compound)[:n]
    for direction, chosen in (("most negative", neg), ("most positive", pos)):
        for rank, t in enumerate(chosen, start=1):
            rows.append((direction, rank, t.sentence_id, t.compound, carried.get(t.sentence_id, []), t.text))
    return pd.DataFrame(rows, columns=["direction", "rank", "sentence_id", "compound", "words", "text"])



"""The words and sentences every language measure counts: the word rows, the article's size and its sentence lengths."""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from typing import NamedTuple

from analysis.core.lazy import pandas as pd

from ..core.article import Article
from ..core.tokens import sentence_words

__all__ = [
    "size",
    "Word",
    "word_rows",
    "sentence_lengths",
    "NOT_ENOUGH_TEXT",
    "headline_sentence_ids",
    "round_like_pandas",
]

NOT_ENOUGH_TEXT = "not enough text"


#: A letter (a word character that is neither a digit nor an underscore).
LETTER = re.compile(r"[^\W\d_]")
LATIN = re.compile(r"[a-z]")


class Word(NamedTuple):
    """One word of the article: a token with a letter or digit, a possessive 's left out.

    ``i`` is the token's position in its sentence, ``start``/``end`` offsets into ``article.text``,
    ``lower`` has ASCII quotes and lower case, ``pos`` is the Penn tag.
    """

    sentence_id: str
    i: int
    start: int
    end: int
    text: str
    lower: str
    pos: str
    is_stop: bool


@lru_cache(maxsize=16)
def _word_rows(article: Article) -> tuple[Word, ...]:
    rows = []
    for sid, w in sentence_words(article).items():
        for i, (start, end, text, low, pos, is_word, is_stop) in enumerate(
                zip(w.start, w.end, w.text, w.lower, w.pos, w.is_word, w.is_stop)):
            if is_word and low != "'s":
                rows.append(Word(sid, i, start, end, text, low, pos, is_stop))
    return tuple(rows)


def word_rows(article: Article) -> tuple[Word, ...]:
    """The words every measure here counts, as :class:`Word` tuples in reading order (cached per article).

    The pandas-free way for other analyses to read the article's words.

    >>> from analysis.core.article import parse_article
    >>> [(w.sentence_id, w.lower) for w in word_rows(parse_article("News\\n\\nTrump's troops."))]
    [('s1', 'news'), ('s2', 'trump'), ('s2', 'troops')]
    """
    return _word_rows(article)


def headline_sentence_ids(article: Article) -> set[str]:
    """Ids of the sentences in the headline and its dateline (not running prose)."""
    return {s.id for s in article.sentences if s.part in ("headline", "dateline")}


def size(article: Article) -> dict[str, int]:
    """Counts of words, sentences and paragraphs (headline included), and body words.

    Words are tokens with a letter or digit; a possessive 's is not a word.
    """
    words = word_rows(article)
    headline_ids = headline_sentence_ids(article)
    return {
        "n_words": len(words),
        "n_body_words": sum(1 for w in words if w.sentence_id not in headline_ids),
        "n_sentences": len(article.sentences),
        "n_paragraphs": len(article.paragraphs),
    }


def sentence_lengths(article: Article) -> pd.DataFrame:
    """One row per sentence: sentence_id, paragraph, part, n_words, text."""
    counts = Counter(w.sentence_id for w in word_rows(article))
    frame = article.sentences_frame()[["sentence_id", "paragraph", "part", "text"]].copy()
    frame.insert(3, "n_words", pd.Series([counts.get(sid, 0) for sid in frame["sentence_id"]], index=frame.index,
                                         dtype=int))
    return frame

def round_like_pandas(value: float | None, decimals: int) -> float | None:
    """``value`` rounded as pandas' ``Series.round`` rounds it (scale, round half to even, unscale), which
    can differ in the last digit from Python's ``round``; ``None`` stays ``None``.

    >>> round_like_pandas(0.015, 2), round(0.015, 2)
    (0.02, 0.01)
    """
    if value is None:
        return None
    scale = 10.0 ** decimals
    return round(value * scale) / scale

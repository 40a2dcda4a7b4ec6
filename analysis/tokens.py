"""The token table of an article: every word and punctuation mark with its sentence, offsets and part-of-speech tag."""

from __future__ import annotations

from functools import lru_cache

import pandas as pd

from . import nlp
from .article import Article

__all__ = ["tokens", "TOKEN_COLUMNS", "sentence_tokens"]

TOKEN_COLUMNS = ["sentence_id", "sentence", "i", "start", "end", "text", "lower", "pos", "is_word", "is_stop"]


@lru_cache(maxsize=16)
def _token_table(article: Article) -> pd.DataFrame:
    rows: list[tuple] = []
    per_sentence: list[list[str]] = []
    spans: list[list[tuple[int, int]]] = []
    for s in article.sentences:
        sp = nlp.word_spans(s.text)
        spans.append(sp)
        per_sentence.append([s.text[a:b] for a, b in sp])
    tags = nlp.pos_tag_sentences(per_sentence)
    stop = nlp.stopwords()
    for s, sp, toks, tg in zip(article.sentences, spans, per_sentence, tags):
        for i, ((a, b), tok, tag) in enumerate(zip(sp, toks, tg)):
            low = nlp.normalise_token(tok).lower()
            is_word = any(ch.isalnum() for ch in tok)
            rows.append((s.id, s.index, i, s.start + a, s.start + b, tok, low, tag, is_word, low in stop))
    frame = pd.DataFrame(rows, columns=TOKEN_COLUMNS)
    return frame


def tokens(article: Article) -> pd.DataFrame:
    """One row per token: sentence_id, sentence (index), i (position in sentence), start, end
    (offsets into ``article.text``), text, lower (ASCII quotes, lower case), pos (Penn tag),
    is_word (has a letter or digit), is_stop (NLTK English stopword).

    Computed once per article and cached; a copy is returned.
    """
    return _token_table(article).copy()


@lru_cache(maxsize=16)
def _sentence_groups(article: Article) -> dict[str, pd.DataFrame]:
    table = _token_table(article)
    return {sid: grp for sid, grp in table.groupby("sentence_id", sort=False)}


def sentence_tokens(article: Article) -> dict[str, pd.DataFrame]:
    """The token table split by sentence id: computed once per article and cached, so treat the
    frames as read-only (copy before changing them)."""
    return dict(_sentence_groups(article))

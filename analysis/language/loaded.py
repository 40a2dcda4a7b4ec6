"""Loaded words: evaluative, emotive and pejorative vocabulary from the loaded-words lexicon and VADER."""

from __future__ import annotations

import re
from functools import lru_cache

import pandas as pd

from ..core import nlp
from ..core.article import Article
from ..core.lexicons import find_terms, lexicon_terms, load_lexicon
from .words import word_rows

__all__ = [
    "loaded_words",
    "loaded_rows",
]

# ---------------------------------------------------------------- loaded words

LOADED_COLUMNS = ["term", "matched", "category", "intensity", "source", "vader", "opinion", "sentence_id", "start", "end"]


_EVALUATIVE_TAGS = {"JJ", "JJR", "JJS", "RB", "RBR", "RBS"}


def loaded_words(article: Article, *, emotive_min: float = 2.5) -> pd.DataFrame:
    """Loaded and emotive words, each with its sentence.

    Two sources: the editable list ``data/lexicons/loaded_words.csv`` (categories militaristic,
    threat, punitive, dramatic, evaluative, pejorative_label, euphemism, sympathy; intensity 1-3),
    and, outside it, adjectives and adverbs that both the VADER lexicon rates at least
    ``emotive_min`` in absolute valence (2.5: VADER's strongest words, "violent", "illegal") and
    the Hu & Liu opinion lexicon lists (category ``emotive``; intensity 2, or 3 from a valence
    of 3). Nouns and verbs with strong valence ("killed", "won", "freedom") are mostly facts in
    news and are left to the list; proper nouns are never emotive words.
    Columns: term (the list entry, or the word), matched (as written), category, intensity,
    source ("loaded_words.csv" or "VADER + opinion lexicon"), vader (strongest VADER valence of
    the matched words, 0.0 if none), opinion, sentence_id, start, end. In reading order.
    """
    frame = pd.DataFrame(loaded_rows(article, emotive_min), columns=LOADED_COLUMNS)
    return frame.astype({"intensity": "int64", "vader": "float64", "start": "int64", "end": "int64"})


@lru_cache(maxsize=16)
def loaded_rows(article: Article, emotive_min: float) -> tuple[tuple, ...]:
    """The rows of :func:`loaded_words` (columns ``LOADED_COLUMNS``), in its order."""
    lex = load_lexicon("loaded_words")
    intensity = {(t, c): int(i) if str(i).isdigit() else 1
                 for t, c, i in zip(lex["term"].tolist(), lex["category"].tolist(), lex["intensity"].tolist())}
    matches = find_terms(article, lexicon_terms("loaded_words"))
    vader_lex = nlp.vader().lexicon
    opinion = nlp.opinion_words()
    rows = []
    covered: set[tuple[str, int]] = set()  # (sentence id, token position) inside a list match
    for m in matches:
        ws = [w.lower() for w in re.findall(r"[\w'’-]+", nlp.normalise_token(m.matched))]
        vals = [float(vader_lex.get(w, 0.0)) for w in ws]
        v = max(vals, key=abs) if vals else 0.0
        ops = sorted({opinion[w] for w in ws if w in opinion})
        rows.append((m.term, m.matched, m.category, intensity.get((m.term, m.category), 1), "loaded_words.csv",
                     v, ",".join(ops), m.sentence_id, m.start, m.end))
        covered.update((m.sentence_id, k) for k in range(m.i_start, m.i_end))
    for w in word_rows(article):
        if w.pos in ("NNP", "NNPS") or (w.sentence_id, w.i) in covered:
            continue
        v = float(vader_lex.get(w.lower, 0.0))
        if abs(v) >= emotive_min and w.lower in opinion and w.pos in _EVALUATIVE_TAGS:
            rows.append((w.lower, w.text, "emotive", 3 if abs(v) >= 3 else 2, "VADER + opinion lexicon", v,
                         opinion[w.lower], w.sentence_id, w.start, w.end))
    rows.sort(key=lambda r: (r[8], r[9], r[2]))  # start, end, category; stable
    return tuple(rows)



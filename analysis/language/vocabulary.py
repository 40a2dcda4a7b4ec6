"""Vocabulary: frequent words and lemmas, collocations and keyword in context."""

from __future__ import annotations

from collections import Counter
from functools import lru_cache

from analysis.core.lazy import pandas as pd

from ..core import nlp
from ..core.article import Article
from ..core.lexicons import find_terms
from ..core.tokens import sentence_words
from .words import LATIN, LETTER, Word, round_like_pandas, word_rows

__all__ = [
    "frequent_words",
    "frequent_lemmas",
    "collocations",
    "keyword_in_context",
    "frequent_rows",
    "collocation_rows",
]

# ---------------------------------------------------------------- vocabulary

def frequent_words(article: Article, *, n: int = 20, min_length: int = 2) -> pd.DataFrame:
    """The most frequent content words (stopwords, numbers and punctuation left out).

    Columns: term, count, per_1000 (per 1,000 words), sentence_ids (where it occurs).
    Ties are broken alphabetically so the order is stable.
    """
    cols = ["term", "count", "per_1000", "sentence_ids"]
    rows = frequent_rows(article, min_length)
    if not rows:
        return pd.DataFrame(columns=cols)
    return pd.DataFrame([(*r[:3], list(r[3])) for r in rows], columns=cols).head(n)


@lru_cache(maxsize=16)
def frequent_rows(article: Article, min_length: int) -> tuple[tuple[str, int, float, list[str]], ...]:
    """Every row :func:`frequent_words` could show, most frequent first: term, count, per_1000, sentence_ids
    (lists shared with the cache: treat as read-only)."""
    words = word_rows(article)
    total = max(len(words), 1)
    where: dict[str, list[str]] = {}
    for w in words:
        if not w.is_stop and len(w.lower) >= min_length and LATIN.search(w.lower):
            where.setdefault(w.lower, []).append(w.sentence_id)
    ranked = sorted(where.items(), key=lambda kv: (-len(kv[1]), kv[0]))
    return tuple((term, len(sids), round_like_pandas(len(sids) * 1000 / total, 2), list(dict.fromkeys(sids)))
                 for term, sids in ranked)


def frequent_lemmas(article: Article, *, n: int = 20, min_length: int = 2) -> pd.DataFrame:
    """The most frequent content words counted by lemma (WordNet, from the word and its tag): "raids" and "raid" count together.

    Columns: lemma, count, per_1000, forms (the word forms seen, most frequent first), sentence_ids.
    Ties are broken alphabetically.
    """
    words = word_rows(article)
    total = max(len(words), 1)
    cols = ["lemma", "count", "per_1000", "forms", "sentence_ids"]
    groups: dict[str, list[Word]] = {}
    for w in words:
        if not w.is_stop and len(w.lower) >= min_length and LETTER.search(w.lower):
            groups.setdefault(nlp.lemmatize(w.lower, w.pos), []).append(w)
    if not groups:
        return pd.DataFrame(columns=cols)
    rows = []
    for lemma, grp in sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        forms = Counter(w.lower for w in grp)
        rows.append((lemma, len(grp), round(len(grp) * 1000 / total, 2), sorted(forms, key=lambda f: (-forms[f], f)),
                     list(dict.fromkeys(w.sentence_id for w in grp))))
    return pd.DataFrame(rows, columns=cols).head(n)


def _segments(article: Article) -> list[tuple[str, list[str]]]:
    """Runs of lower-case words between punctuation marks, with their sentence id (n-grams never cross them)."""
    out: list[tuple[str, list[str]]] = []
    for sid, toks in sentence_words(article).items():
        run: list[str] = []
        for low, is_word in zip(toks.lower, toks.is_word):
            if is_word and low != "'s":
                run.append(low)
            elif run:
                out.append((sid, run))
                run = []
        if run:
            out.append((sid, run))
    return out


def _is_content(word: str | None) -> bool:
    return bool(word) and word not in nlp.stopwords() and any(ch.isalpha() for ch in word)


def collocations(article: Article, *, n: int = 2, min_count: int = 2, top: int = 20,
                 sort_by: str = "likelihood_ratio") -> pd.DataFrame:
    """Bigrams (``n=2``) or trigrams (``n=3``) that occur at least ``min_count`` times, scored with NLTK's association measures.

    N-grams do not cross punctuation, and their first and last words must be content words
    (not stopwords, with a letter): "law enforcement", "mass deportations", "threat of raids".
    ``pmi`` (pointwise mutual information) rewards pairs whose words rarely occur apart;
    ``likelihood_ratio`` (Dunning 1993) also weighs how often the pair occurs. Both come from
    ``nltk.collocations`` (``BigramAssocMeasures`` / ``TrigramAssocMeasures``), computed on the
    article's own word counts. Columns: ngram, n, count, pmi, likelihood_ratio, sentence_ids;
    sorted by ``sort_by`` (``likelihood_ratio``, ``pmi`` or ``count``), then count and ngram.
    """
    if n not in (2, 3):
        raise ValueError("n must be 2 (bigrams) or 3 (trigrams)")
    if sort_by not in ("likelihood_ratio", "pmi", "count"):
        raise ValueError("sort_by must be likelihood_ratio, pmi or count")
    cols = ["ngram", "n", "count", "pmi", "likelihood_ratio", "sentence_ids"]
    rows = collocation_rows(article, n, min_count, sort_by)
    if not rows:
        return pd.DataFrame(columns=cols)
    return pd.DataFrame([(*r[:5], list(r[5])) for r in rows], columns=cols).head(top)


@lru_cache(maxsize=16)
def collocation_rows(article: Article, n: int, min_count: int,
                      sort_by: str) -> tuple[tuple[str, int, int, float, float, list[str]], ...]:
    """Every row :func:`collocations` could show, in its order: ngram, n, count, pmi, likelihood_ratio,
    sentence_ids (lists shared with the cache: treat as read-only)."""
    from nltk.collocations import (
        BigramAssocMeasures,
        BigramCollocationFinder,
        TrigramAssocMeasures,
        TrigramCollocationFinder,
    )

    segs = _segments(article)
    docs = [run for _, run in segs if len(run) >= n]
    if not docs:
        return ()
    finder_cls, measures = (BigramCollocationFinder, BigramAssocMeasures) if n == 2 else (TrigramCollocationFinder, TrigramAssocMeasures)
    finder = finder_cls.from_documents(docs)
    finder.apply_freq_filter(max(1, min_count))
    finder.apply_ngram_filter(lambda *ws: not (_is_content(ws[0]) and _is_content(ws[-1])))
    if not finder.ngram_fd:
        return ()
    pmi = dict(finder.score_ngrams(measures.pmi))
    try:
        llr = dict(finder.score_ngrams(measures.likelihood_ratio))
    except (ValueError, ZeroDivisionError):
        # NLTK's likelihood ratio takes log(0) when every word is part of the pair
        # ("President President President"): no meaningful association then.
        llr = {k: 0.0 for k in pmi}
    where: dict[tuple[str, ...], list[str]] = {}
    for sid, run in segs:
        for i in range(len(run) - n + 1):
            key = tuple(run[i:i + n])
            if key in pmi:
                where.setdefault(key, [])
                if sid not in where[key]:
                    where[key].append(sid)
    rows = [(" ".join(k), n, int(finder.ngram_fd[k]), round(pmi[k], 3), round(llr[k], 3), where.get(k, []))
            for k in pmi]
    first, second = {"likelihood_ratio": (4, 2), "pmi": (3, 2), "count": (2, 4)}[sort_by]
    rows.sort(key=lambda r: (-r[first], -r[second], r[0]))
    return tuple(rows)


def keyword_in_context(article: Article, term: str, *, window: int = 40) -> pd.DataFrame:
    """Every occurrence of ``term`` with the text around it (a concordance, as in a KWIC index).

    ``term`` is matched like a lexicon entry: case-insensitive, on whole words, several words in
    a row count once, a trailing ``*`` matches a prefix ("deport*"). Columns: sentence_id, left,
    match, right (``window`` characters each side, line breaks shown as spaces), start, end.

    >>> from analysis.core.article import parse_article
    >>> k = keyword_in_context(parse_article("News\\n\\nOn Monday the raid began. Raids followed the raid."), "raid*", window=8)
    >>> k[["left", "match", "right"]].values.tolist()[0]
    ['day the ', 'raid', ' began. ']
    >>> len(k)
    3
    """
    cols = ["sentence_id", "left", "match", "right", "start", "end"]
    words = " ".join(nlp.normalise_token(term).lower().split())
    if not words or not any(ch.isalnum() for ch in words):
        return pd.DataFrame(columns=cols)
    text = article.text.replace("\n", " ")
    rows = []
    for h in find_terms(article, ((words, "kwic"),)):  # in reading order
        left = text[max(0, h.start - window):h.start].rjust(window)
        right = text[h.end:h.end + window].ljust(window)
        rows.append((h.sentence_id, left, text[h.start:h.end], right, h.start, h.end))
    return pd.DataFrame(rows, columns=cols)



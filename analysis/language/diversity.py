"""Lexical diversity: type-token ratio, MTLD and HD-D."""

from __future__ import annotations

from collections import Counter
from functools import lru_cache
from typing import Sequence

from analysis.core.lazy import pandas as pd

from ..core.article import Article
from .words import LETTER, headline_sentence_ids, word_rows

__all__ = [
    "mtld",
    "hdd",
    "diversity",
    "diversity_words",
    "diversity_rows",
]

# ---------------------------------------------------------------- lexical diversity

MTLD_THRESHOLD = 0.72


def _mtld_pass(words: Sequence[str], threshold: float) -> float:
    """Factor count of one MTLD pass (McCarthy & Jarvis 2010): full factors plus the partial one."""
    factors = 0.0
    types: set[str] = set()
    count = 0
    ttr = 1.0
    for w in words:
        count += 1
        types.add(w)
        ttr = len(types) / count
        if ttr <= threshold:
            factors += 1
            types = set()
            count = 0
            ttr = 1.0
    if count:
        factors += (1.0 - ttr) / (1.0 - threshold)
    return factors


def mtld(words: Sequence[str], *, threshold: float = MTLD_THRESHOLD) -> float | None:
    """Measure of Textual Lexical Diversity (McCarthy & Jarvis 2010), the mean of a forward and a backward pass.

    Each pass reads the words in order and closes a "factor" each time the running type–token
    ratio falls to ``threshold`` (0.72); what is left at the end counts as a partial factor,
    ``(1 - TTR) / (1 - 0.72)``. MTLD = number of words / number of factors: the mean length
    of a stretch of text that keeps its vocabulary varied. ``None`` for no words, or when the
    words never repeat enough to close any factor (diversity too high to measure).

    >>> mtld("a b".split() * 6)
    3.0
    >>> round(mtld("a b a c".split()), 3)
    4.24
    >>> mtld([]), mtld(["one", "two", "three"])
    (None, None)
    """
    if not words:
        return None
    results = []
    for seq in (list(words), list(reversed(words))):
        factors = _mtld_pass(seq, threshold)
        if factors <= 0:
            return None
        results.append(len(seq) / factors)
    return sum(results) / 2


def hdd(words: Sequence[str], *, sample_size: int = 42) -> float | None:
    """HD-D (McCarthy & Jarvis 2007, 2010): the expected type–token ratio of a random sample of 42 words.

    For each word type, the hypergeometric probability that a sample of ``sample_size`` words
    drawn without replacement contains it at least once; the sum of those probabilities,
    divided by the sample size. 1.0 when no word repeats; ``None`` for texts shorter than
    the sample. (Some tools report the sum without dividing: multiply by 42 to compare.)

    >>> hdd([f"w{i}" for i in range(50)])
    1.0
    >>> round(hdd("a b".split() * 50), 4)
    0.0476
    >>> hdd(["a"] * 10) is None
    True
    """
    n = len(words)
    if n < sample_size or sample_size <= 0:
        return None
    total = 0.0
    absent: dict[int, float] = {}  # most types share a count (1, 2, ...): compute each product once
    for k in Counter(words).values():
        if k not in absent:
            # P(type absent from the sample) = C(n-k, s) / C(n, s) = prod_{i<s} (n-k-i)/(n-i)
            p_absent = 1.0
            if n - k < sample_size:
                p_absent = 0.0
            else:
                for i in range(sample_size):
                    p_absent *= (n - k - i) / (n - i)
            absent[k] = p_absent
        total += 1.0 - absent[k]
    return round(total / sample_size, 4)


def diversity_words(article: Article) -> list[str]:
    """The words that lexical diversity is measured on: the prose's words with a letter, lower case."""
    headline_ids = headline_sentence_ids(article)
    return [w.lower for w in word_rows(article) if w.sentence_id not in headline_ids and LETTER.search(w.lower)]


def diversity(article: Article) -> pd.DataFrame:
    """Lexical diversity of the prose (headline left out): word count, distinct words, TTR, MTLD and HD-D.

    Columns: measure, label, value, note. TTR falls as a text grows, so it only compares texts of
    similar length; MTLD and HD-D are designed not to depend on length (McCarthy & Jarvis 2010).
    Values are ``None`` when they cannot be computed (no words; MTLD with no repeated words;
    HD-D under 42 words).
    """
    rows = diversity_rows(article)
    frame = pd.DataFrame(rows, columns=["measure", "label", "value", "note"])
    frame["value"] = pd.Series([r[2] for r in rows], dtype=object)
    return frame


@lru_cache(maxsize=16)
def diversity_rows(article: Article) -> tuple[tuple[str, str, int | float | None, str], ...]:
    """The rows of :func:`diversity`: measure, label, value (an int, a float or ``None``), note."""
    words = diversity_words(article)
    n = len(words)
    types = len(set(words))
    ttr = round(types / n, 4) if n else None
    m = mtld(words)
    h = hdd(words)
    short = n < 100
    caution = f" Only {n} words: MTLD and HD-D are reliable from about 100 words." if short and n else ""
    rows = [
        ("n_words", "Words (prose, headline left out)", n, "Words with a letter; numbers left out."),
        ("n_types", "Distinct words", types, "Lower-case word forms (not lemmas)."),
        ("ttr", "Type–token ratio", ttr, "Distinct words / words. Falls as texts get longer: compare only texts of similar length."),
        ("mtld", "MTLD", None if m is None else round(m, 2),
         ("Mean length of a stretch of words that keeps the type–token ratio above 0.72 (McCarthy & Jarvis 2010). "
          "Higher = more varied." + caution) if m is not None or not n
         else "No word repeats often enough to measure (very short or very varied text)."),
        ("hdd", "HD-D", h,
         ("Expected type–token ratio of a random 42-word sample (McCarthy & Jarvis 2007). Higher = more varied." + caution)
         if h is not None else "Needs at least 42 words."),
    ]
    return tuple(rows)



"""Distinctive words and part-of-speech rates of an article against a reference corpus of news English (the Brown corpus, news category), scored with Dunning's log-likelihood and Hardie's log ratio."""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Iterable

from analysis.core.lazy import pandas as pd

from ..core import nlp
from ..core.article import Article
from ..core.config import REFERENCE_DIR
from ..core.io import read_lexicon_rows, write_text_atomic
from .words import LETTER, word_rows

__all__ = [
    "Reference",
    "reference",
    "build_reference",
    "log_likelihood",
    "log_ratio",
    "keyness",
    "pos_profile",
    "penn_class",
    "brown_class",
    "POS_CLASSES",
    "LL_CRITICAL",
    "significance",
    "REFERENCE_WORDS",
    "REFERENCE_TOTALS",
    "keyness_rows",
    "pos_rows",
]

#: File names of the cached reference tables in ``data/reference/``.
REFERENCE_WORDS = "brown_news_words"
REFERENCE_TOTALS = "brown_news_totals"

#: Log-likelihood critical values (chi-square, 1 degree of freedom), Rayson & Garside (2000).
LL_CRITICAL: dict[str, float] = {"p < 0.05": 3.84, "p < 0.01": 6.63, "p < 0.001": 10.83, "p < 0.0001": 15.13}

#: The word classes of the part-of-speech profile, in display order, with their labels.
POS_CLASSES: dict[str, str] = {
    "noun": "Nouns",
    "verb": "Verbs",
    "adjective": "Adjectives",
    "adverb": "Adverbs",
    "pronoun": "Pronouns",
}

# ---------------------------------------------------------------- word classes

_PENN = {
    **dict.fromkeys(("NN", "NNS", "NNP", "NNPS"), "noun"),
    **dict.fromkeys(("VB", "VBD", "VBG", "VBN", "VBP", "VBZ", "MD"), "verb"),
    **dict.fromkeys(("JJ", "JJR", "JJS"), "adjective"),
    **dict.fromkeys(("RB", "RBR", "RBS", "WRB"), "adverb"),
    **dict.fromkeys(("PRP", "PRP$", "WP", "WP$"), "pronoun"),
}

# Brown tags (Francis & Kučera 1979) mapped to the same five classes as the Penn tags above,
# following how the Penn Treebank tags the same words: indefinite pronouns (PN: "everyone")
# are nouns in Penn, qualifiers (QL: "very") adverbs, post-determiners (AP: "many", "few",
# "last") adjectives, ordinals (OD) adjectives; be/have/do forms and modals are verbs.
_BROWN = {
    **dict.fromkeys(("NN", "NNS", "NP", "NPS", "NR", "NRS", "PN"), "noun"),
    **dict.fromkeys(("VB", "VBD", "VBG", "VBN", "VBZ", "MD", "BE", "BED", "BEDZ", "BEG", "BEM", "BEN", "BER",
                     "BEZ", "DO", "DOD", "DOZ", "HV", "HVD", "HVG", "HVN", "HVZ"), "verb"),
    **dict.fromkeys(("JJ", "JJR", "JJS", "JJT", "AP", "OD"), "adjective"),
    **dict.fromkeys(("RB", "RBR", "RBT", "RN", "QL", "QLP", "WRB"), "adverb"),
    **dict.fromkeys(("PPS", "PPSS", "PPO", "PPL", "PPLS", "PP$", "PP$$", "WPS", "WPO", "WP$"), "pronoun"),
}


def penn_class(tag: str) -> str:
    """The word class of a Penn Treebank tag: noun, verb, adjective, adverb, pronoun or other.

    >>> penn_class("NNS"), penn_class("MD"), penn_class("PRP$"), penn_class("DT")
    ('noun', 'verb', 'pronoun', 'other')
    """
    return _PENN.get(tag, "other")


def brown_class(tag: str) -> str:
    """The word class of one Brown corpus tag (title/headline suffixes and possessive ``$`` ignored).

    >>> brown_class("NN$-TL"), brown_class("BEDZ"), brown_class("QL"), brown_class("PP$"), brown_class("FW-NN")
    ('noun', 'verb', 'adverb', 'pronoun', 'other')
    """
    if tag.startswith("FW-"):
        return "other"
    base = tag.split("-")[0].rstrip("*")
    if base in _BROWN:
        return _BROWN[base]
    return _BROWN.get(base.rstrip("$"), "other")


# ---------------------------------------------------------------- statistics

def _xlnx(x: float, e: float) -> float:
    return x * math.log(x / e) if x > 0 else 0.0


def log_likelihood(a: float, b: float, c: float, d: float) -> float:
    """Dunning's log-likelihood (G2) of a word seen ``a`` times in ``c`` words and ``b`` times in ``d``.

    The two-corpus form of Rayson & Garside (2000): ``E1 = c(a+b)/(c+d)``, ``E2 = d(a+b)/(c+d)``,
    ``G2 = 2(a ln(a/E1) + b ln(b/E2))``; always >= 0 (see :func:`log_ratio` for the direction).
    3.84 is p < 0.05 and 15.13 p < 0.0001 (one degree of freedom).

    >>> round(log_likelihood(10, 100, 1000, 100000), 2)
    27.27
    >>> log_likelihood(5, 500, 1000, 100000)
    0.0
    >>> log_likelihood(0, 0, 1000, 100000), log_likelihood(1, 0, 0, 0)
    (0.0, 0.0)
    """
    if c <= 0 or d <= 0 or a + b <= 0:
        return 0.0
    e1 = c * (a + b) / (c + d)
    e2 = d * (a + b) / (c + d)
    value = 2.0 * (_xlnx(a, e1) + _xlnx(b, e2))
    return max(0.0, value)


def log_ratio(a: float, b: float, c: float, d: float) -> float:
    """Hardie's (2014) Log Ratio: the binary log of the ratio of relative frequencies.

    +1 means twice as frequent in the article as in the reference, -1 half as frequent. A zero
    count is replaced by 0.5 so the value stays finite; where that stand-in would reverse the
    direction of the difference (a word absent from a text of a few words), the value is 0.

    >>> round(log_ratio(10, 100, 1000, 100000), 4), log_ratio(1, 200, 1000, 100000)
    (3.3219, -1.0)
    >>> log_ratio(0, 14399, 3, 88788)
    0.0
    """
    if c <= 0 or d <= 0:
        return 0.0
    value = math.log2((max(a, 0.5) / c) / (max(b, 0.5) / d))
    raw = (a / c) - (b / d)
    if raw * value < 0 or (raw == 0 and a == b == 0):
        return 0.0  # the 0.5 stand-in would reverse the direction (a very short text): no measurable ratio
    return value


# ---------------------------------------------------------------- the reference table

@dataclass(frozen=True)
class Reference:
    """Word and word-class counts of the reference corpus.

    ``words``: lower-case word -> count (only words seen at least ``min_count`` times are
    kept); ``n_words``: all word tokens; ``pos``: class -> count.
    """

    name: str
    words: dict[str, int]
    n_words: int
    pos: dict[str, int]
    min_count: int

    def count(self, word: str) -> int:
        return self.words.get(word, 0)

    @cached_property
    def by_count(self) -> tuple[tuple[str, int], ...]:
        """(word, count) of the words with a letter, most frequent first (ties alphabetical): lets
        :func:`keyness` stop at the first word an article is not expected to use even once."""
        return tuple(sorted(((w, n) for w, n in self.words.items() if any(ch.isalpha() for ch in w)),
                            key=lambda wn: (-wn[1], wn[0])))


def _article_words(words: Iterable[str]) -> list[str]:
    """Re-tokenise source tokens the way article-lens tokenises articles; keep words only."""
    out = []
    for tok in words:
        for s, e in nlp.word_spans(tok):
            piece = nlp.normalise_token(tok[s:e]).lower()
            if any(ch.isalnum() for ch in piece) and piece != "'s":
                out.append(piece)
    return out


def _count_brown(categories: str = "news") -> tuple[Counter, Counter, int, int]:
    from nltk.corpus import brown

    nlp.require("corpora/brown")
    words: Counter = Counter()
    pos: Counter = Counter()
    n_tokens = 0
    for token, tag in brown.tagged_words(categories=categories):
        n_tokens += 1
        pieces = _article_words([token])
        if not pieces:
            continue
        tags = tag.split("+")
        for i, piece in enumerate(pieces):
            words[piece] += 1
            pos[brown_class(tags[i] if i < len(tags) else tags[-1])] += 1
    return words, pos, n_tokens, len(brown.fileids(categories=categories))


def build_reference(*, out_dir: Path | None = None, min_count: int = 2) -> list[Path]:
    """Rebuild ``data/reference/brown_news_words.csv`` and ``brown_news_totals.csv`` from NLTK's Brown corpus.

    Reads ``corpora/brown`` (news category), tokenises each Brown token the way articles are
    tokenised (possessive 's split off and not counted, as in :func:`analysis.language.words.size`),
    lower-cases, and keeps the words seen at least ``min_count`` times. Totals count every word.
    A normal run never calls this; it reads the cached CSVs.
    """
    target = Path(out_dir) if out_dir else REFERENCE_DIR
    words, pos, n_tokens, n_docs = _count_brown("news")
    kept = sorted(((w, c) for w, c in words.items() if c >= min_count), key=lambda wc: (-wc[1], wc[0]))
    frame = pd.DataFrame(kept, columns=["term", "count"])
    totals = [
        ("documents", n_docs, "Brown corpus files in the news category (ca01-ca44)"),
        ("tokens", n_tokens, "Brown tokens, punctuation included"),
        ("words", sum(words.values()), "word tokens (a letter or digit; possessive 's not counted)"),
        ("types", len(words), "distinct lower-case words"),
        ("types_kept", len(kept), "distinct words in brown_news_words.csv"),
        ("min_count", min_count, "words seen fewer times are left out of brown_news_words.csv"),
    ]
    totals += [(f"pos_{k}", pos.get(k, 0), f"word tokens in the class {k}") for k in (*POS_CLASSES, "other")]
    tot = pd.DataFrame(totals, columns=["name", "count", "note"])
    return [
        write_text_atomic(target / f"{REFERENCE_WORDS}.csv", frame.to_csv(index=False, lineterminator="\n")),
        write_text_atomic(target / f"{REFERENCE_TOTALS}.csv", tot.to_csv(index=False, lineterminator="\n")),
    ]


@lru_cache(maxsize=4)
def _load_reference(directory: str) -> Reference:
    base = Path(directory)
    for name in (REFERENCE_WORDS, REFERENCE_TOTALS):
        if not (base / f"{name}.csv").exists():
            raise FileNotFoundError(
                f"the reference table {base / name}.csv is missing: rebuild it with `python -m analysis reference` "
                "(needs NLTK's brown corpus)"
            )
    words = read_lexicon_rows(REFERENCE_WORDS, directory=base)
    tot = {r["name"]: int(r["count"]) for r in read_lexicon_rows(REFERENCE_TOTALS, directory=base)}
    return Reference(
        name="Brown corpus, news category (1961 US newspapers)",
        words={r["term"]: int(r["count"]) for r in words},
        n_words=tot["words"],
        pos={k: tot.get(f"pos_{k}", 0) for k in (*POS_CLASSES, "other")},
        min_count=tot.get("min_count", 1),
    )


def reference(directory: Path | None = None) -> Reference:
    """The cached reference counts (read from ``data/reference/``, never from the Brown corpus itself)."""
    return _load_reference(str(directory or REFERENCE_DIR))


# ---------------------------------------------------------------- keyness

KEYNESS_COLUMNS = ["term", "count", "per_1000", "ref_count", "ref_per_1000", "log_likelihood", "log_ratio",
                   "direction", "significance", "sentence_ids"]


def significance(ll: float) -> str:
    """The smallest p level of ``LL_CRITICAL`` that a log-likelihood G² reaches (1 degree of freedom), or
    "not significant".

    >>> significance(12.0), significance(1.0)
    ('p < 0.001', 'not significant')
    """
    best = ""
    for label, crit in LL_CRITICAL.items():
        if ll >= crit:
            best = label
    return best or "not significant"


def keyness(article: Article, *, min_count: int = 2, min_ref_count: int = 0, ref: Reference | None = None) -> pd.DataFrame:
    """Words over- and under-used in the article compared with Brown news.

    Every word with a letter that the article uses at least ``min_count`` times (over-use), and
    every reference word with at least ``min_ref_count`` occurrences that the article uses less
    than expected (under-use, including words it never uses) gets a row, provided the article
    was expected to use it at least once (``words * ref_count / ref_words >= 1``): a short text
    cannot be said to avoid a word it would rarely contain anyway.

    Columns: term, count, per_1000 (per 1,000 words of the article), ref_count, ref_per_1000,
    log_likelihood (Dunning's G2, >= 0), log_ratio (Hardie's, + over-used, - under-used),
    direction ("over" or "under"), significance ("p < 0.05" ... or "not significant"),
    sentence_ids. Sorted by log-likelihood (largest first), then term.
    A word missing from the reference table has ref_count 0 (it occurs at most
    ``ref.min_count - 1`` times in Brown news).
    """
    if ref is None:
        rows = keyness_rows(article, min_count, min_ref_count)
    else:
        rows = _score(article, min_count, min_ref_count, ref)
    if rows is None:
        return pd.DataFrame(columns=KEYNESS_COLUMNS)
    return pd.DataFrame([(*r[:-1], list(r[-1])) for r in rows], columns=KEYNESS_COLUMNS)


@lru_cache(maxsize=16)
def keyness_rows(article: Article, min_count: int, min_ref_count: int) -> tuple[tuple, ...] | None:
    """The rows of :func:`keyness` against the default reference, in its order (``None`` when the
    article has no words): term, count, per_1000, ref_count, ref_per_1000, log_likelihood,
    log_ratio, direction, significance, sentence_ids (a list: treat as read-only)."""
    return _score(article, min_count, min_ref_count, reference())


def _score(article: Article, min_count: int, min_ref_count: int, ref: Reference) -> tuple[tuple, ...] | None:
    words = word_rows(article)
    c = len(words)
    if c == 0 or ref.n_words <= 0:
        return None
    d = ref.n_words
    counts: dict[str, list[str]] = {}
    for w in words:
        if LETTER.search(w.lower):
            counts.setdefault(w.lower, []).append(w.sentence_id)
    rows = []
    for term, sids in sorted(counts.items()):
        a = len(sids)
        b = ref.count(term)
        over = a / c > b / d
        if over and a < min_count:
            continue
        rows.append((term, a, b, list(dict.fromkeys(sids))))  # (a word used is never under-used below 1 expected)
    seen = set(counts)
    for term, b in ref.by_count:
        if c * b / d < 1:
            break  # the article was not even expected to use it (nor any rarer word) once
        if term in seen or b < max(min_ref_count, 1):
            continue
        rows.append((term, 0, b, []))
    out = []
    for term, a, b, sids in rows:
        ll = log_likelihood(a, b, c, d)
        lr = log_ratio(a, b, c, d)
        direction = "over" if a / c > b / d else "under"
        out.append((term, a, round(a * 1000 / c, 2), b, round(b * 1000 / d, 3), round(ll, 3), round(lr, 3),
                    direction, significance(ll), sids))
    out.sort(key=lambda r: (-r[5], r[0]))
    return tuple(out)


# ---------------------------------------------------------------- part-of-speech profile

POS_COLUMNS = ["pos", "label", "count", "per_1000", "ref_count", "ref_per_1000", "difference", "log_ratio",
               "log_likelihood", "significance"]


def pos_profile(article: Article, *, ref: Reference | None = None) -> pd.DataFrame:
    """Rates of nouns, verbs, adjectives, adverbs and pronouns per 1,000 words, against Brown news.

    Penn tags of the article and Brown tags of the reference are mapped to the same five classes
    (see :func:`penn_class`, :func:`brown_class`). Columns: pos, label, count, per_1000,
    ref_count, ref_per_1000, difference (per_1000 - ref_per_1000), log_ratio, log_likelihood,
    significance. One row per class, in the order of ``POS_CLASSES``; rates are 0 when the
    article has no words.
    """
    rows = pos_rows(article) if ref is None else _pos_profile(article, ref)
    return pd.DataFrame(rows, columns=POS_COLUMNS)


@lru_cache(maxsize=16)
def pos_rows(article: Article) -> tuple[tuple, ...]:
    """The rows of :func:`pos_profile` against the default reference (columns ``POS_COLUMNS``)."""
    return _pos_profile(article, reference())


def _pos_profile(article: Article, ref: Reference) -> tuple[tuple, ...]:
    words = word_rows(article)
    c = len(words)
    d = ref.n_words
    classes = Counter(penn_class(w.pos) for w in words)
    rows = []
    for key, label in POS_CLASSES.items():
        a = classes.get(key, 0)
        b = ref.pos.get(key, 0)
        per = round(a * 1000 / c, 2) if c else 0.0
        ref_per = round(b * 1000 / d, 2) if d else 0.0
        ll = log_likelihood(a, b, c, d) if c else 0.0
        lr = log_ratio(a, b, c, d) if c and (a or b) else 0.0
        rows.append((key, label, a, per, b, ref_per, round(per - ref_per, 2), round(lr, 3), round(ll, 3),
                     significance(ll)))
    return tuple(rows)

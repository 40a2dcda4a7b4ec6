"""Vague quantities: amount words that stand in for a figure ("numerous", "mass", "thousands of", "a growing number of"), from data/lexicons/vague_quantities.csv."""

from __future__ import annotations

from functools import lru_cache
from types import MappingProxyType
from typing import Mapping, NamedTuple

from analysis.core.lazy import pandas as pd

from ..core.article import Article
from ..core.config import LEXICONS_DIR
from ..core.lexicons import find_terms, lexicon_rows, lexicon_terms
from ..core.tokens import sentence_words

__all__ = ["vague_quantities", "vague_rows", "VagueQuantity", "vague_summary", "VAGUE_COLUMNS", "VAGUE_CATEGORIES"]

VAGUE_CATEGORIES = ("large", "small", "proportion", "change", "degree")
_LEXICON = "vague_quantities"


class VagueQuantity(NamedTuple):
    """One vague quantity term in the text: a row of :func:`vague_quantities` (same fields, same order)."""

    term: str
    category: str
    sentence_id: str
    start: int
    end: int
    matched: str
    quantifies: str | None
    note: str


VAGUE_COLUMNS = list(VagueQuantity._fields)

# Terms that are bounds, not vague, when a number follows them ("as many as 20", "some 300").
_BOUNDS = {"as many as", "upwards of", "no fewer than", "some", "fewer", "several", "many", "a few", "few"}
# "majority leader", "most important": other senses of the word.
_OTHER_SENSE_AFTER = {
    "majority": {"leader", "leaders", "whip", "party", "government", "owner", "owners", "shareholder", "stake", "rule",
                 "opinion", "vote", "report"},
    "growing": {"up"},
    "rising": {"star", "stars", "sun", "up", "tide"},
    "mass": {"media", "transit", "murderer", "murder", "grave", "graves", "spectrometry", "production"},
    "mounting": {"bracket", "brackets"},
}
_SUPERLATIVE_BEFORE = {"the", "'s", "is", "are", "was", "were", "be", "been", "a", "at", "its", "their", "his", "her",
                       "our", "my", "your"}
_NUMBER_WORDS = {"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
                 "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred", "thousand",
                 "million", "billion", "dozen", "half"}


def vague_quantities(article: Article) -> pd.DataFrame:
    """Every vague quantity term in the article, in reading order.

    A term is skipped when a number follows it within two words ("some 300", "as many as 20": those
    are approximations of a figure), when "most" is a superlative ("the most persecuted"), and in the
    other senses listed for a few words ("majority leader", "growing up", "mass media").
    Columns: term (lexicon entry), category (large, small, proportion, change, degree), sentence_id,
    start, end (offsets into article.text), matched (as written), quantifies (the noun after it, if
    any: "numerous cities" -> "cities"), note (why the lexicon counts it vague). :func:`vague_rows`
    gives the same rows as tuples.

    >>> from analysis.core.article import parse_article
    >>> a = parse_article("News\\n\\nNumerous cities face raids. Some 300 people left. The most persecuted groups fled.")
    >>> vague_quantities(a)[["term", "quantifies"]].values.tolist()
    [['numerous', 'cities']]
    """
    return pd.DataFrame(list(vague_rows(article)), columns=VAGUE_COLUMNS)


def vague_rows(article: Article) -> tuple[VagueQuantity, ...]:
    """The rows of :func:`vague_quantities` as :class:`VagueQuantity` tuples, in the same order.
    Cached per article and version of the lexicon file."""
    try:
        version = (LEXICONS_DIR / f"{_LEXICON}.csv").stat().st_mtime
    except OSError:
        version = -1.0  # load_lexicon says which file is missing
    return _vague_rows(article, version)


@lru_cache(maxsize=4)
def _notes(lexicon_version: float) -> Mapping[tuple[str, str], str]:
    """(term, category) -> note of the lexicon; ``lexicon_version`` (the file's mtime) only keys the cache."""
    return MappingProxyType({(r["term"], r["category"]): r.get("note", "") for r in lexicon_rows(_LEXICON)})


@lru_cache(maxsize=16)
def _vague_rows(article: Article, lexicon_version: float) -> tuple[VagueQuantity, ...]:
    """The rows of :func:`vague_rows`; ``lexicon_version`` (the file's mtime) only keys the cache."""
    notes = _notes(lexicon_version)
    toks = sentence_words(article)
    rows = []
    for m in find_terms(article, lexicon_terms(_LEXICON), overlap=False):
        t = toks[m.sentence_id]
        low, tags = t.lower, t.pos  # no copy: a match costs O(1), whatever the sentence's length
        nxt = low[m.i_end] if m.i_end < len(low) else ""
        nxt_tag = tags[m.i_end] if m.i_end < len(tags) else ""
        window = low[m.i_end:m.i_end + 2]
        window_tags = tags[m.i_end:m.i_end + 2]
        if m.term in _BOUNDS | {"more than", "up to"} or m.term.endswith(" of") or m.term in ("numerous", "many"):
            if any(tag == "CD" or w in _NUMBER_WORDS for w, tag in zip(window, window_tags)):
                continue
        if m.term == "most":
            prev = low[m.i_start - 1] if m.i_start > 0 else ""
            if prev in _SUPERLATIVE_BEFORE:
                continue  # "the most persecuted", "world's most prevalent"
            if prev in ("and", "or", "but") and m.i_start > 1 and tags[m.i_start - 2] in ("JJS", "RBS"):
                continue  # "the simplest and most effective method"
            after_next = tags[m.i_end + 1] if m.i_end + 1 < len(tags) else ""
            if nxt_tag in ("RB", "RBS") or (nxt_tag in ("JJ", "VBN") and not after_next.startswith("NN")):
                continue  # "most likely", "is most important"
        if nxt in _OTHER_SENSE_AFTER.get(m.term, ()):
            continue
        if m.term == "some" and nxt in ("time", "point", "way", "extent", "sort", "kind", "reason"):
            continue
        k = m.i_end
        while k < len(low) and tags[k] in ("JJ", "VBN", "VBG", "NN", "NNS", "NNP", "NNPS") and k - m.i_end < 4:
            k += 1
            if tags[k - 1] in ("NNS", "NNPS"):
                break
        words = list(t.text[m.i_end:k])
        while words and not tags[m.i_end + len(words) - 1].startswith("NN"):
            words.pop()
        quantifies = " ".join(w if w[:1].isupper() and (tg.startswith("NNP") or m.i_end + k > 0) else w.lower()
                              for k, (w, tg) in enumerate(zip(words, tags[m.i_end:m.i_end + len(words)])))
        rows.append(VagueQuantity(m.term, m.category, m.sentence_id, m.start, m.end, m.matched, quantifies or None,
                                  notes.get((m.term, m.category), "")))
    rows.sort(key=lambda v: (v.start, v.term))  # stable: terms at one offset keep reading order
    return tuple(rows)


def vague_summary(article: Article) -> pd.DataFrame:
    """Vague quantity terms with how often each is used, most frequent first.

    Columns: term, category, count, sentence_ids.
    """
    v = vague_quantities(article)
    cols = ["term", "category", "count", "sentence_ids"]
    if v.empty:
        return pd.DataFrame(columns=cols)
    rows = [(t, c, len(g), list(dict.fromkeys(g["sentence_id"]))) for (t, c), g in v.groupby(["term", "category"], sort=True)]
    frame = pd.DataFrame(rows, columns=cols)
    return frame.sort_values(["count", "term"], ascending=[False, True], kind="mergesort").reset_index(drop=True)

"""Load the editable word lists under data/lexicons/ and find their terms in an article (multi-word terms count once, longest match wins)."""

from __future__ import annotations

from collections import defaultdict, namedtuple
from functools import lru_cache

from .article import Article
from .config import LEXICONS_DIR
from .io import read_lexicon, read_lexicon_rows
from .lazy import pandas as pd
from .tokens import sentence_words

__all__ = ["load_lexicon", "lexicon_rows", "match_terms", "lexicon_versions", "MATCH_COLUMNS", "Match", "lexicon_terms", "find_terms"]

MATCH_COLUMNS = ["term", "category", "sentence_id", "start", "end", "matched", "i_start", "i_end"]

Match = namedtuple("Match", MATCH_COLUMNS)
Match.__doc__ = "One lexicon match: a row of :func:`match_terms` as a plain tuple (see :func:`find_terms`)."


def lexicon_rows(name: str) -> tuple[dict[str, str], ...]:
    """The rows of :func:`load_lexicon` as dicts of strings (terms stripped and lower case; a missing cell is ""),
    without pandas: what the analyses read. Read again when the file changes; the dicts are copies.

    >>> next(r for r in lexicon_rows("hedges_boosters") if r["term"] == "reportedly")["category"]
    'hedge'
    """
    return tuple(dict(r) for r in _lexicon_rows(name, _version(name)))


@lru_cache(maxsize=64)
def _lexicon_rows(name: str, mtime: float) -> tuple[dict[str, str], ...]:
    rows = read_lexicon_rows(name)
    for r in rows:
        r["term"] = r.get("term", "").strip().lower()
    return tuple(rows)


def load_lexicon(name: str) -> pd.DataFrame:
    """A lexicon from ``data/lexicons/<name>.csv`` (columns ``term, category, source, version, ...``),
    terms stripped and lower case. Read again when the file changes; a copy is returned."""
    return _load_lexicon(name, _version(name)).copy()


def _version(name: str) -> float:
    """The lexicon file's modification time: the cache key that makes an edited lexicon be read again."""
    path = LEXICONS_DIR / (name if name.endswith(".csv") else f"{name}.csv")
    try:
        return path.stat().st_mtime
    except OSError:
        return -1.0  # read_lexicon says which file is missing


@lru_cache(maxsize=64)
def _load_lexicon(name: str, mtime: float) -> pd.DataFrame:
    frame = read_lexicon(name)
    frame["term"] = frame["term"].str.strip().str.lower()
    return frame


def lexicon_terms(name: str, categories: tuple[str, ...] | None = None) -> tuple[tuple[str, str], ...]:
    """The (term, category) pairs of lexicon ``name`` (only ``categories`` when given), sorted and
    de-duplicated: the key :func:`find_terms` takes. Cached per file version.

    >>> ("reportedly", "hedge") in lexicon_terms("hedges_boosters", ("hedge",))
    True
    """
    return _lexicon_terms(name, _version(name), categories)


@lru_cache(maxsize=64)
def _lexicon_terms(name: str, mtime: float, categories: tuple[str, ...] | None) -> tuple[tuple[str, str], ...]:
    wanted = None if categories is None else set(categories)
    return tuple(sorted({(r["term"], r.get("category", "")) for r in _lexicon_rows(name, mtime)
                         if wanted is None or r.get("category", "") in wanted}))


def _pairs(lexicon: pd.DataFrame) -> tuple[tuple[str, str], ...]:
    """A lexicon's sorted, de-duplicated (term, category) pairs: the key matches are cached under."""
    return tuple(sorted(set(zip(lexicon["term"], lexicon["category"]))))


def lexicon_versions() -> dict[str, str]:
    """Every lexicon file with its version(s), for report provenance."""
    out: dict[str, str] = {}
    for path in sorted(LEXICONS_DIR.glob("*.csv")):
        versions = sorted({r["version"] for r in read_lexicon_rows(path.stem) if r.get("version")})
        out[path.stem] = ",".join(versions) or "unversioned"
    return out


class _TermIndex:
    """The terms of one lexicon indexed for matching: by exact first word and by the stem of a first
    word ending in ``*``; the candidates of each token are worked out once and remembered."""

    def __init__(self, terms: tuple[tuple[str, str], ...]) -> None:
        exact: dict[str, list] = defaultdict(list)
        prefix: dict[str, list] = defaultdict(list)
        for term, cat in terms:
            words = tuple(term.replace("’", "'").split())
            if not words:
                continue
            if words[0].endswith("*"):
                prefix[words[0][:-1]].append((words, term, cat))
            else:
                exact[words[0]].append((words, term, cat))
        self._exact, self._prefix = dict(exact), dict(prefix)
        self._stem_lengths = sorted({len(k) for k in prefix})
        self._known: dict[str, tuple] = {}

    def candidates(self, token: str) -> tuple:
        """The (words, term, category) entries whose first word fits ``token``, exact ones first."""
        found = self._known.get(token)
        if found is None:
            cands = list(self._exact.get(token, ()))
            for k in self._stem_lengths:
                if k > len(token):
                    break
                cands.extend(self._prefix.get(token[:k], ()))
            if len(self._known) > 500_000:  # a long batch run: forget rather than grow without bound
                self._known.clear()
            found = self._known[token] = tuple(cands)
        return found


@lru_cache(maxsize=64)
def _index(terms: tuple[tuple[str, str], ...]) -> _TermIndex:
    return _TermIndex(terms)


def _word_matches(pattern: str, token: str) -> bool:
    if pattern.endswith("*"):
        return token.startswith(pattern[:-1])
    return token == pattern


def match_terms(article: Article, lexicon: pd.DataFrame, *, overlap: bool = False) -> pd.DataFrame:
    """Find the lexicon's terms in the article's sentences, case-insensitively.

    A multi-word term counts once; at each position the longest term wins and matches do not
    overlap, unless ``overlap=True`` (then every category may match the same words).
    Columns: term, category, sentence_id, start, end (offsets into article.text), matched
    (the text as written), i_start, i_end (token positions in the sentence).
    """
    return pd.DataFrame(find_terms(article, _pairs(lexicon), overlap=overlap), columns=MATCH_COLUMNS)


def find_terms(article: Article, pairs: tuple[tuple[str, str], ...], *, overlap: bool = False) -> tuple[Match, ...]:
    """:func:`match_terms` without pandas: the matches as :class:`Match` tuples, in reading order.

    ``pairs`` are sorted (term, category) pairs, e.g. from :func:`lexicon_terms`. Cached per article.

    >>> from analysis.core.article import parse_article
    >>> a = parse_article("News\\n\\nOfficials reportedly left.")
    >>> [(m.term, m.matched, m.i_start) for m in find_terms(a, (("reportedly", "hedge"),))]
    [('reportedly', 'reportedly', 1)]
    """
    return _match_cached(article, pairs, overlap)


@lru_cache(maxsize=64)
def _match_cached(article: Article, pairs: tuple[tuple[str, str], ...], overlap: bool) -> tuple[Match, ...]:
    index = _index(pairs)
    candidates, known = index.candidates, index._known
    rows = []
    for sid, toks in sentence_words(article).items():
        low, starts, ends = toks.lower, toks.start, toks.end
        n = len(low)
        i = 0
        while i < n:
            cands = known.get(low[i])  # most tokens were seen before: no call
            if cands is None:
                cands = candidates(low[i])
            if not cands:
                i += 1
                continue
            hits = []
            for words, term, cat in cands:
                L = len(words)
                # the first word already fits (that is how the candidate was found); the second is tested inline
                # (most multi-word candidates fail there) before the rest
                if L == 1:
                    hits.append((1, term, cat))
                    continue
                if i + L > n:
                    continue
                second, token = words[1], low[i + 1]
                if second != token and not (second[-1] == "*" and token.startswith(second[:-1])):
                    continue
                if L == 2 or all(_word_matches(w, t) for w, t in zip(words[2:], low[i + 2:i + L])):
                    hits.append((L, term, cat))
            if not hits:
                i += 1
                continue
            hits.sort(key=lambda h: (-h[0], h[1], h[2]))
            best = hits[0][0]
            chosen = hits if overlap else [h for h in hits if h[0] == best][:1]
            if overlap:
                seen = set()
                chosen = [h for h in hits if not (h[2] in seen or seen.add(h[2]))]
            for L, term, cat in chosen:
                a, b = starts[i], ends[i + L - 1]
                rows.append(Match(term, cat, sid, a, b, article.text[a:b], i, i + L))
            i += best
    return tuple(rows)

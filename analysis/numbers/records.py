"""Figures in one article: every number with its value, kind, what it counts, its hedge, who states it and when (the rows of the figures table)."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple, Sequence

from analysis.core.lazy import pandas as pd

from ..core import nlp
from ..core.article import Article
from ..core.tokens import sentence_pieces
from ..framing.sourcing import attribution_rows
from .context import approximation_of, is_round, time_anchor, what_it_counts
from .parse import (
    FIGURE_KINDS,
    Q_ISO,
    Q_SKIP_ENTITIES,
    QUANTITY_KINDS,
    UNIT_AFTER_DIGIT,
    ParsedNumber,
    fraction_spans,
    merge_ranges,
    name_numbers,
    number_atoms,
    quantulum_numbers,
    type_number,
    vague_magnitudes,
)
from .units import unit_family

__all__ = [
    "numbers",
    "figures",
    "number_rows",
    "Number",
    "FIGURE_COLUMNS",
    "FIGURE_KINDS",
    "counts_key",
    "conflict_pairs",
]


FIGURE_COLUMNS = [
    "sentence_id", "text", "value", "value_high", "kind", "unit", "counts", "approximation", "rounded",
    "source", "time", "start", "end", "context", "is_figure",
    # added in 0.2: stable id, the bound's meaning, the source's kind, the article part, who found it,
    # and the ids of figures that count the same thing with another value.
    "id", "bound", "source_kind", "part", "extractor", "conflicts_with",
]

class Number(NamedTuple):
    """One number expression: a row of :func:`numbers` (same fields, same order; ``conflicts_with`` is
    a tuple here, a list in the table)."""

    sentence_id: str
    text: str
    value: float
    value_high: float | None
    kind: str
    unit: str
    counts: str | None
    approximation: str | None
    rounded: bool
    source: str | None
    time: str | None
    start: int
    end: int
    context: str
    is_figure: bool
    id: str
    bound: str | None
    source_kind: str | None
    part: str
    extractor: str
    conflicts_with: tuple[str, ...]



# ---------------------------------------------------------------- the tables


def _sources_by_sentence(article: Article) -> dict[str, list[tuple[int, int, str, str]]]:
    out: dict[str, list[tuple[int, int, str, str]]] = {}
    for a in attribution_rows(article, True):
        if a.kind in ("unattributed",) or not isinstance(a.source, str) or not a.source:
            continue
        out.setdefault(a.sentence_id, []).append((a.start, a.end, a.source, a.kind))
    return out


def _pick_source(cands: list[tuple[int, int, str, str]], a: int, b: int) -> tuple[str | None, str | None]:
    """The attribution nearest to the figure in its sentence (the one before it wins ties)."""
    if not cands:
        return None, None
    best = min(cands, key=lambda c: (a - c[1] if c[1] <= a else (c[0] - b) + 0.5, c[2]))
    return best[2], best[3]


@lru_cache(maxsize=16)
def _number_rows(article: Article) -> tuple[Number, ...]:
    sources = _sources_by_sentence(article)
    rows = []
    # Over-long sentences in pieces (same sentence id, the piece's offsets): each figure's context is looked
    # for in its piece, so the time stays linear in the text.
    for s, toks in sentence_pieces(article):
        if s.part == "dateline":
            continue  # the article's own date (metadata), not a figure of the text
        text = s.text
        if not re.search(r"[\d½¼¾⅓⅔⅛⅜⅝⅞]|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|teen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|dozen|half|third|quarter|fifth)", text, re.I):
            continue
        fracs = fraction_spans(text, [])
        atoms = [x for x in number_atoms(text) if not any(x.a < f.b and f.a < x.b for f in fracs)]
        spans = merge_ranges(text, atoms) + fracs
        spans.sort(key=lambda x: (x.a, x.b))
        first_alnum = re.search(r"[\w$£€¥]", text) if toks.first == 0 else None  # a later piece starts no sentence
        s_sources = sources.get(s.id, [])
        if s != article.sentences[s.index]:  # a piece of an over-long sentence: the sources in it
            s_sources = [c for c in s_sources if s.start <= c[0] and c[1] <= s.end]
        tok_tags = [(st - s.start, tg) for st, tg in zip(toks.start, toks.pos)]
        typed: list[ParsedNumber] = []
        for sp in spans:
            first_token = bool(first_alnum) and sp.a <= first_alnum.start() + (1 if text[:1] == "(" else 0)
            nxt = next((tg for st, tg in tok_tags if st >= sp.b), "")
            num = type_number(text, sp, s, first_token, nxt)
            if num is not None:
                typed.append(num)
        # Numbers quantulum3 finds that we do not (with digits: "a time" -> 1 is never taken).
        covered = [(n.a, n.b) for n in typed]
        # (Only sentences where a unit word follows a digit: quantulum3's first parse costs seconds
        # per process, and on the bundled articles it found nothing here that the rules above miss.)
        if UNIT_AFTER_DIGIT.search(text):
            for qa, qb, unit, entity, usurf, qvalue in quantulum_numbers(text):
                if any(qa < y and x < qb for x, y in covered) or not re.search(r"\d", text[qa:qb]):
                    continue
                if entity in Q_SKIP_ENTITIES or (unit == "inch" and usurf.lower() in ("in", "in.")):
                    continue
                kind = "money" if entity == "currency" else "percent" if entity == "percentage" else "other"
                typed.append(ParsedNumber(qa, qb, qvalue, None, kind, Q_ISO.get(unit, unit), extractor="quantulum3"))
        typed.extend(vague_magnitudes(text, [(n.a, n.b) for n in typed]))
        typed.extend(name_numbers(text, [(n.a, n.b) for n in typed]))
        typed.sort(key=lambda n: (n.a, -n.b))
        kept: list[ParsedNumber] = []
        for n in typed:  # a number read into another's span ("4 dollars 20 cents", "60 USD million") is not listed again
            if kept and n.a < kept[-1].b:
                continue
            kept.append(n)
        for n in kept:
            a, b = s.start + n.a, s.start + n.b
            raw = article.text[a:b]
            is_figure = n.kind in QUANTITY_KINDS
            counts = what_it_counts(n, s, toks) if is_figure else None
            approx, bound = approximation_of(text[:n.a], text[n.b:]) if is_figure else (None, None)
            if n.vague:
                approx, bound = "vague" + (f", {approx}" if approx else ""), "vague"
            src, src_kind = _pick_source(s_sources, a, b) if is_figure else (None, None)
            time = time_anchor(text, n.a, n.b, n.kind)
            ctx = text[max(0, n.a - 60):n.b + 60].strip()
            rows.append(Number(s.id, raw, float(n.value), None if n.high is None else float(n.high), n.kind, n.unit,
                               counts, approx, is_round(n) if is_figure else False, src, time, a, b, ctx, is_figure,
                               f"n{len(rows) + 1}", bound, src_kind, s.part, n.extractor, ()))
    links: dict[str, list[str]] = {}
    for x, y, _note in conflict_pairs(rows):
        links.setdefault(x, []).append(y)
        links.setdefault(y, []).append(x)
    return tuple(r._replace(conflicts_with=tuple(sorted(links.get(r.id, []), key=lambda v: int(v[1:])))) for r in rows)


def number_rows(article: Article) -> tuple[Number, ...]:
    """The rows of :func:`numbers` as :class:`Number` tuples, in reading order (``value_high`` is
    None, not NaN, for a single number). Cached per article; ``[n for n in number_rows(a) if
    n.is_figure]`` are the rows of :func:`figures`.

    >>> from analysis.core.article import parse_article
    >>> a = parse_article("News\\n\\nIn 2019 the Pentagon sent 1,500 troops.")
    >>> [(n.id, n.text, n.kind, n.is_figure) for n in number_rows(a)]
    [('n1', '2019', 'year', False), ('n2', '1,500', 'count', True)]
    """
    return _number_rows(article)


#: The dtypes of an empty :func:`numbers` table (those of its columns that are not object).
_EMPTY_NUMBER_DTYPES = {"rounded": bool, "is_figure": bool, "id": float, "conflicts_with": float}


@lru_cache(maxsize=16)
def _numbers_table(article: Article) -> pd.DataFrame:
    rows = _number_rows(article)
    if not rows:
        return pd.DataFrame(columns=FIGURE_COLUMNS).astype(_EMPTY_NUMBER_DTYPES)
    return pd.DataFrame([(*r[:-1], list(r.conflicts_with)) for r in rows], columns=FIGURE_COLUMNS)


def numbers(article: Article) -> pd.DataFrame:
    """Every number expression, typed; ``is_figure`` is False for years, dates, clock times, ordinals,
    list numbering and numbers that are part of a name.

    Columns: sentence_id, text (as written), value (the low end of a range; shares as percent:
    "half" is 50), value_high (upper end of a range or None), kind (one of ``FIGURE_KINDS``),
    unit ("%", "USD", "year", "kilometre"...), counts (the noun phrase it quantifies), approximation
    (the hedges or bounds attached, nearest first: "around, estimated at"), rounded, source (who
    states it, from the attributions in its sentence; None when nothing attributes it), time (the
    time anchor nearest to it in its sentence), start, end (offsets into article.text), context,
    is_figure, id ("n1"... in reading order), bound (approximate, estimate, lower bound, upper
    bound), source_kind (named_person, named_org, document, anonymous, vague), part (headline,
    body...), extractor, conflicts_with (ids of figures counting the same thing with another value).
    :func:`number_rows` gives the same rows as tuples.
    """
    return _numbers_table(article).copy()


def figures(article: Article) -> pd.DataFrame:
    """The quantities of the article (numbers that are not years, dates, ordinals, list numbering or names).

    Same columns as :func:`numbers`.

    >>> from analysis.core.article import parse_article
    >>> a = parse_article("News\\n\\nIn 2019 the Pentagon announced plans to send approximately 1,500 troops.")
    >>> figures(a)[["value", "counts", "approximation", "source"]].values.tolist()
    [[1500.0, 'troops', 'approximately', 'Pentagon']]
    """
    n = numbers(article)
    return n[n["is_figure"]].reset_index(drop=True)




def counts_key(counts: str | None) -> tuple[str, ...]:
    """The words of a ``counts`` phrase, lower case, head noun lemmatised: the key figures are compared on."""
    if not isinstance(counts, str) or not counts.strip() or counts.startswith("age"):
        return ()
    words = re.findall(r"[a-z][a-z'-]*", counts.lower())
    return tuple(nlp.lemmatize(w, "NNS" if k == len(words) - 1 else "JJ") if k == len(words) - 1 else w
                 for k, w in enumerate(words))


def _same_thing(x: tuple[str, ...], y: tuple[str, ...]) -> bool:
    if not x or not y or x[-1] != y[-1]:
        return False
    short, long_ = (x, y) if len(x) <= len(y) else (y, x)
    return long_[len(long_) - len(short):] == short


def _overlaps(v1: float, h1: float | None, v2: float, h2: float | None) -> bool:
    hi1 = v1 if h1 is None or h1 != h1 else h1
    hi2 = v2 if h2 is None or h2 != h2 else h2
    return not (hi1 < v2 or hi2 < v1)


def _share_value(kind: str, value: float | None) -> float | None:
    """A share on one scale (a percentage as a proportion: 25% -> 0.25) so percentages and proportions compare."""
    if value is None or value != value:
        return value
    return value / 100 if kind == "percent" else value


#: Groups of figures of the same thing up to this size are compared pair by pair; larger ones first-and-next.
ALL_PAIRS_UP_TO = 12


def _group_pairs(members: Sequence[int]) -> list[tuple[int, int]]:
    if len(members) <= ALL_PAIRS_UP_TO:
        return [(i, j) for n, i in enumerate(members) for j in members[n + 1:]]
    first = members[0]
    return [(first, j) for j in members[1:]] + list(zip(members[1:], members[2:]))


def conflict_pairs(found: Sequence[Number]) -> list[tuple[str, str, str]]:
    """(id_a, id_b, note) for figures that count the same thing with values that do not overlap.

    Figures are compared on their normalised unit (currency code, unit name; percentages and proportions are one
    family, "share", compared on a 0-1 scale) and on the counted concept (the head noun of ``counts``, lemmatised).

    Within a group of more than ``ALL_PAIRS_UP_TO`` figures of the same thing (a table of monthly counts run into
    prose), each figure is compared with the group's first (the headline's, where the headline has one) and with
    the next, not with every other: the pairs then grow linearly with the article, and a reader gets a list of
    disagreements to check rather than every pair of a long series."""
    rows = [n for n in found if n.is_figure and n.kind in ("count", "money", "percent", "proportion")]
    keys = {r.id: counts_key(r.counts) for r in rows}
    # Only figures of the same unit family whose counted things end in the same noun can conflict:
    # compare within those groups (a long article has thousands of figures), then restore pair order.
    groups: dict[tuple, list[int]] = {}
    for i, r in enumerate(rows):
        if keys[r.id]:
            family = "share" if r.kind in ("percent", "proportion") else r.kind
            groups.setdefault((family, unit_family(r.kind, r.unit), keys[r.id][-1]), []).append(i)
    pairs = sorted({pair for members in groups.values() for pair in _group_pairs(members)})
    out = []
    for i, j in pairs:
        x, y = rows[i], rows[j]
        if x.sentence_id == y.sentence_id:
            continue
        # Same words, or one a shorter form of the other across parts ("migrants" in the headline,
        # "undocumented migrants" in the body). Percentages of the same group in one part are
        # usually answers to different questions, so they are compared only across parts.
        across = x.part != y.part
        if not (keys[x.id] == keys[y.id] or (across and _same_thing(keys[x.id], keys[y.id]))):
            continue
        share = x.kind in ("percent", "proportion")
        if share and not across:
            continue
        if share:
            xv, xh = _share_value(x.kind, x.value), _share_value(x.kind, x.value_high)
            yv, yh = _share_value(y.kind, y.value), _share_value(y.kind, y.value_high)
        else:
            xv, xh, yv, yh = x.value, x.value_high, y.value, y.value_high
        if _overlaps(xv, xh, yv, yh):
            continue
        where = "headline against body" if "headline" in (x.part, y.part) and x.part != y.part else "two sentences"
        out.append((x.id, y.id, f"{where}: check whether one is a part or an earlier/later value of the other"))
    return out

"""Compare articles side by side: frame profiles, tone arcs, sourcing mix, terminology for the same referents, figures for the same quantities, distinctive words (log-likelihood)."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from typing import Sequence

from analysis.core.lazy import pandas as pd

from ..core import nlp
from ..core.article import Article, load_article, resolve_article_path
from ..core.errors import ArticleError
from ..core.io import article_files
from ..core.lexicons import load_lexicon, match_terms
from ..core.tokens import tokens
from ..framing import frames
from ..framing.attribution import ATTRIBUTION_KINDS
from ..framing.sourcing import attributions
from ..language.keyness import log_likelihood, log_ratio, significance
from ..language.tone import sentence_tone
from ..language.words import size
from ..numbers.records import numbers
from .outlets import UNCHECKABLE_KINDS

__all__ = [
    "NO_EVENT",
    "GENERIC_QUANTITIES",
    "load_articles",
    "article_event",
    "article_labels",
    "relabel",
    "article_table",
    "quantity_phrase",
    "frame_profiles",
    "leading_frames",
    "frame_spread",
    "tone_arcs",
    "tone_overview",
    "sourcing_mix",
    "sourcing_overview",
    "sourcing_ranking",
    "terminology_groups",
    "terminology_choices",
    "terminology_table",
    "shared_figures",
    "distinctive_words",
    "log_likelihood",
    "log_ratio",
]


_NAMED_GROUP = {"named_person": "named", "named_org": "named", "document": "document", "anonymous": "anonymous",
                "vague": "vague", "unattributed": "unattributed"}


# ---------------------------------------------------------------- the set of articles

#: How the comparison names the group of articles that carry no ``event:`` in their header.
NO_EVENT = "(no event given)"


def article_event(article: Article) -> str:
    """The event an article belongs to: its header's ``event:`` (``python -m analysis add --event NAME``), "" if none.

    >>> from analysis.core.article import parse_article
    >>> article_event(parse_article("---\\nevent:  Texas floods \\n---\\nRain fell.\\n"))
    'Texas floods'
    """
    return " ".join(str(article.metadata.get("event", "") or "").split())


def load_articles(names: Sequence[str] = (), *, focus: str = "", event: str = "") -> list[Article]:
    """Load the articles to compare: paths or file names in data/articles/ (``[]``: every article there).

    ``focus`` (a path or name, ``""`` for none) is added if missing and put first. The others are grouped by
    event (their header's ``event:``, compared without case; named events alphabetically, then the articles with
    none), by slug within a group. With ``event``, only the articles of that event are kept (and the focus). A
    repeated slug gets ``-2``, ``-3``... Raises ArticleError when a name cannot be loaded or nothing is left.
    """
    paths = [resolve_article_path(n) for n in names] if names else article_files()
    focus_path = resolve_article_path(focus) if focus else None
    if focus_path is not None and focus_path.resolve() not in {p.resolve() for p in paths}:
        paths = [focus_path, *paths]
    unique = list({p.resolve(): p for p in paths}.values())
    if not unique:
        raise ArticleError("no articles to compare: data/articles/ has no .txt files and none were named.")
    loaded = [(p, load_article(p)) for p in unique]
    is_focus = [focus_path is not None and p.resolve() == focus_path.resolve() for p, _ in loaded]
    wanted = event.strip().casefold()
    rest = [a for (_, a), f in zip(loaded, is_focus) if not f and (not wanted or article_event(a).casefold() == wanted)]
    if wanted and not rest:
        raise ArticleError(f"no article has 'event: {event.strip()}' in its header.")
    ordered = [a for (_, a), f in zip(loaded, is_focus) if f]
    ordered += sorted(rest, key=lambda a: (not article_event(a), article_event(a).casefold(), a.slug, a.path or ""))
    out: list[Article] = []
    seen: Counter = Counter()
    for a in ordered:
        seen[a.slug] += 1
        out.append(a if seen[a.slug] == 1 else replace(a, slug=f"{a.slug}-{seen[a.slug]}"))
    return out


def _short(text: str, words: int = 4) -> str:
    parts = str(text).split()
    return " ".join(parts[:words]) + (" …" if len(parts) > words else "")


def article_labels(articles: Sequence[Article]) -> pd.DataFrame:
    """How the comparison names each article: by outlet and date ("Wikinews, 2023-02-23"), by outlet and headline
    when there is no date, by headline alone when there is no outlet (headlines cut to four words, so that chart
    axes stay readable); a label two
    articles would share gets " (2)", " (3)"... in article order. Notes in brackets after an outlet's name
    ("(via GUM corpus)") are left out.

    Columns: article (slug), label, event ("" when none).
    """
    rows, seen = [], Counter()
    for a in articles:
        outlet = _strip_notes(a.metadata.get("source", "") or "")
        date = str(a.metadata.get("date", "") or "").strip()
        label = f"{outlet}, {date}" if outlet and date else (f"{outlet}: {_short(a.title)}" if outlet else _short(a.title))
        label = label or a.slug
        seen[label] += 1
        rows.append((a.slug, label if seen[label] == 1 else f"{label} ({seen[label]})", article_event(a)))
    return pd.DataFrame(rows, columns=["article", "label", "event"])


def relabel(frame: pd.DataFrame, labels: pd.DataFrame, *, columns: Sequence[str] = ("article",),
            slug_column: str | None = None) -> pd.DataFrame:
    """A copy of ``frame`` whose article columns (``columns``: slugs) show the labels of :func:`article_labels`;
    with ``slug_column``, the slug of the first column is kept there (a reader table hides it and links each row's
    sentence ids to that article's page).

    >>> relabel(pd.DataFrame({"article": ["a", "b"]}), pd.DataFrame({"article": ["a"], "label": ["A, 2024"]}))
    ... # doctest: +NORMALIZE_WHITESPACE
       article
    0  A, 2024
    1        b
    """
    names = dict(zip(labels["article"], labels["label"]))
    out = frame.copy()
    if slug_column and columns and columns[0] in out.columns:
        out[slug_column] = out[columns[0]].tolist()
    for col in columns:
        if col in out.columns:
            out[col] = [names.get(v, v) for v in out[col]]
    return out


def article_table(articles: Sequence[Article]) -> pd.DataFrame:
    """One row per article: article (slug), label (:func:`article_labels`), event, title, source, date, n_words,
    n_sentences."""
    labels = article_labels(articles)
    rows = []
    for a, label, event in zip(articles, labels["label"], labels["event"]):
        s = size(a)
        m = a.metadata
        rows.append((a.slug, label, event, a.title, m.get("source", ""), m.get("date", ""), s["n_words"],
                     s["n_sentences"]))
    return pd.DataFrame(rows, columns=["article", "label", "event", "title", "source", "date", "n_words",
                                       "n_sentences"])


# ---------------------------------------------------------------- frames

def frame_profiles(articles: Sequence[Article]) -> pd.DataFrame:
    """The frame profile of each article, every frame listed (absent ones score 0).

    Uses the framing analysis's frame evidence (:func:`analysis.framing.frames.profile_rows`: counted cue
    weight per 100 words, comparable across articles and typologies; the policy frames' ranking score adds a
    prior meant for ranking frames within one article, so it is not used here). Columns: article, typology, frame, label, score, n_cues, sentence_ids,
    cues, basis (always "framing"; kept for readers of older tables).
    """
    cols = ["article", "typology", "frame", "label", "score", "n_cues", "sentence_ids", "cues", "basis"]
    rows: list[tuple] = []
    for a in articles:
        for r in frames.profile_rows(a):
            cues = sorted(set(r.cues))
            rows.append((a.slug, r.typology, r.frame, r.label or r.frame, round(r.evidence, 4), len(cues),
                         list(r.sentence_ids), cues, "framing"))
    return pd.DataFrame(rows, columns=cols)


def _article_order(frame: pd.DataFrame) -> dict[str, int]:
    return {a: i for i, a in enumerate(dict.fromkeys(frame["article"]))} if len(frame) else {}


def leading_frames(profiles: pd.DataFrame, *, n: int = 3) -> pd.DataFrame:
    """Each article's ``n`` highest-scoring frames (score above 0), articles in their order.

    Columns: article, typology, label, score, cues, sentence_ids.
    """
    cols = ["article", "typology", "label", "score", "cues", "sentence_ids"]
    d = profiles[profiles["score"] > 0].copy() if len(profiles) else pd.DataFrame(columns=cols + ["frame"])
    if d.empty:
        return pd.DataFrame(columns=cols)
    d["_o"] = d["article"].map(_article_order(profiles))
    d = d.sort_values(["_o", "score", "typology", "label"], ascending=[True, False, True, True], kind="mergesort")
    return d.groupby("article", sort=False).head(n)[cols].reset_index(drop=True)


def frame_spread(profiles: pd.DataFrame) -> pd.DataFrame:
    """How far apart the articles are on each frame: highest and lowest score and who has them.

    Columns: typology, frame, label, high_article, high, low_article, low, spread; widest first
    (ties by typology and frame; the first article in order wins a tied high or low).
    """
    cols = ["typology", "frame", "label", "high_article", "high", "low_article", "low", "spread"]
    if profiles.empty or profiles["article"].nunique() < 2:
        return pd.DataFrame(columns=cols)
    order = _article_order(profiles)
    rows = []
    for (typ, frame), grp in profiles.groupby(["typology", "frame"], sort=True):
        g = grp.assign(_o=grp["article"].map(order))
        hi = g.sort_values(["score", "_o"], ascending=[False, True], kind="mergesort").iloc[0]
        lo = g.sort_values(["score", "_o"], ascending=[True, True], kind="mergesort").iloc[0]
        rows.append((typ, frame, hi["label"], hi["article"], hi["score"], lo["article"], lo["score"],
                     round(float(hi["score"] - lo["score"]), 4)))
    out = pd.DataFrame(rows, columns=cols)
    return out.sort_values(["spread", "typology", "frame"], ascending=[False, True, True], kind="mergesort").reset_index(drop=True)


# ---------------------------------------------------------------- tone

def tone_arcs(articles: Sequence[Article], *, bins: int = 10) -> pd.DataFrame:
    """Each article's tone through its length: sentences are placed at their relative position
    (0 = first, 1 = last) and the VADER compound scores averaged in ``bins`` equal slices.

    Columns: article, bin (1..bins), position ("0–10%"...), mean_compound, n_sentences,
    sentence_ids. An article with fewer sentences than slices gives each slice the sentence at
    its middle; an article without sentences has no rows.
    """
    if bins < 1:
        raise ValueError("bins must be at least 1")
    rows = []
    for a in articles:
        tone = sentence_tone(a)
        n = len(tone)
        if not n:
            continue
        for b in range(bins):
            members = [i for i in range(n) if min(bins - 1, i * bins // n) == b]
            if not members:  # fewer sentences than slices: the sentence at the slice's middle
                members = [min(n - 1, int((b + 0.5) * n / bins))]
            grp = tone.iloc[members]
            lo, hi = round(100 * b / bins), round(100 * (b + 1) / bins)
            rows.append((a.slug, b + 1, f"{lo}–{hi}%", round(float(grp["compound"].mean()), 4), len(grp),
                         grp["sentence_id"].tolist()))
    return pd.DataFrame(rows, columns=["article", "bin", "position", "mean_compound", "n_sentences", "sentence_ids"])


def tone_overview(articles: Sequence[Article]) -> pd.DataFrame:
    """Each article's overall tone: mean VADER compound, sentences that read negative (≤ −0.05) and
    positive (≥ 0.05, the thresholds of Hutto & Gilbert 2014), and its most negative sentence.

    Columns: article, mean_compound, n_sentences, n_negative, n_positive, most_negative_id,
    most_negative (its text). An article without sentences has mean 0 and empty fields.
    """
    rows = []
    for a in articles:
        t = sentence_tone(a)
        if t.empty:
            rows.append((a.slug, 0.0, 0, 0, 0, "", ""))
            continue
        low = t.sort_values(["compound"], kind="mergesort").iloc[0]
        rows.append((a.slug, round(float(t["compound"].mean()), 4), len(t), int((t["compound"] <= -0.05).sum()),
                     int((t["compound"] >= 0.05).sum()), low["sentence_id"], low["text"]))
    return pd.DataFrame(rows, columns=["article", "mean_compound", "n_sentences", "n_negative", "n_positive",
                                       "most_negative_id", "most_negative"])


# ---------------------------------------------------------------- sourcing

def sourcing_mix(articles: Sequence[Article]) -> pd.DataFrame:
    """How each article credits its claims: attributions by kind, every kind listed.

    Columns: article, kind (named_person, named_org, document, anonymous, vague, unattributed),
    group (named, document, anonymous, vague, unattributed), count, share (% of the article's
    attributions; 0 when it has none), sources (distinct sources credited).
    """
    rows = []
    for a in articles:
        att = attributions(a)
        total = len(att)
        for kind in ATTRIBUTION_KINDS:
            sub = att[att["kind"] == kind]
            share = round(100 * len(sub) / total, 1) if total else 0.0
            rows.append((a.slug, kind, _NAMED_GROUP.get(kind, kind), len(sub), share, sorted(set(sub["source"]))))
    return pd.DataFrame(rows, columns=["article", "kind", "group", "count", "share", "sources"])


def sourcing_overview(mix: pd.DataFrame) -> pd.DataFrame:
    """One row per article from :func:`sourcing_mix`: attributions by group, the share of claims readers cannot
    check (anonymous + vague + unattributed: evaluations and factual claims credited to no one), and the articles
    ranked by that share (``uncheckable_rank`` 1 = the least checkable; ties share a rank). Rows keep the order of
    the articles.

    Columns: article, named, document, anonymous, vague, unattributed, total, uncheckable_share (%),
    uncheckable_rank.
    """
    groups = ["named", "document", "anonymous", "vague", "unattributed"]
    cols = ["article", *groups, "total", "uncheckable_share", "uncheckable_rank"]
    if mix.empty:
        return pd.DataFrame(columns=cols)
    rows = []
    for art, grp in mix.groupby("article", sort=False):
        by = grp.groupby("group")["count"].sum()
        counts = [int(by.get(g, 0)) for g in groups]
        total = sum(counts)
        unclear = sum(c for g, c in zip(groups, counts) if g in UNCHECKABLE_KINDS)
        rows.append((art, *counts, total, round(100 * unclear / total, 1) if total else 0.0))
    shares = sorted({r[-1] for r in rows}, reverse=True)
    rows = [(*r, shares.index(r[-1]) + 1) for r in rows]
    return pd.DataFrame(rows, columns=cols)


def sourcing_ranking(mix: pd.DataFrame) -> pd.DataFrame:
    """:func:`sourcing_overview` ranked: the article whose claims a reader can least check first (ties keep the
    articles' order). Columns as :func:`sourcing_overview`."""
    overview = sourcing_overview(mix)
    if overview.empty:
        return overview
    return overview.sort_values(["uncheckable_rank"], kind="mergesort").reset_index(drop=True)


# ---------------------------------------------------------------- terminology

def _pattern_matches(pattern: str, phrase: str) -> bool:
    pw, words = pattern.split(), phrase.lower().split()
    if len(pw) != len(words):
        return False
    return all(w.startswith(p[:-1]) if p.endswith("*") and len(p) > 1 else p == w for p, w in zip(pw, words))


def _strip_notes(text: str) -> str:
    return re.sub(r"\s*\([^)]*\)", "", str(text)).strip()


def terminology_groups() -> pd.DataFrame:
    """The terms of ``data/lexicons/terminology.csv`` grouped by what they name.

    Two terms share a group when one lists the other among its ``alternatives`` or both have the
    same ``referent`` (notes in brackets ignored); groups are the connected sets. A group is
    labelled by the referent of its most-cited term (ties: alphabetical). Columns: term, group,
    referent, signals, category.
    """
    lex = load_lexicon("terminology").drop_duplicates("term").reset_index(drop=True)
    terms = lex["term"].tolist()
    parent = {t: t for t in terms}

    def find(t: str) -> str:
        while parent[t] != t:
            parent[t] = parent[parent[t]]
            t = parent[t]
        return t

    def union(a: str, b: str) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)

    degree: Counter = Counter()
    by_referent: dict[str, str] = {}
    for row in lex.itertuples(index=False):
        ref = _strip_notes(row.referent).lower()
        if ref in by_referent:
            union(row.term, by_referent[ref])
        else:
            by_referent[ref] = row.term
        for alt in str(getattr(row, "alternatives", "") or "").split(";"):
            alt = _strip_notes(alt)
            for other in terms:
                if other != row.term and alt and _pattern_matches(other, alt):
                    union(row.term, other)
                    degree[other] += 1
    members: dict[str, list[int]] = {}
    for i, t in enumerate(terms):
        members.setdefault(find(t), []).append(i)
    label = {}
    for root, idx in members.items():
        best = sorted(idx, key=lambda i: (-degree[terms[i]], terms[i]))[0]
        label[root] = _strip_notes(lex.loc[best, "referent"])
    return pd.DataFrame({
        "term": terms,
        "group": [label[find(t)] for t in terms],
        "referent": lex["referent"].tolist(),
        "signals": lex.get("signals", pd.Series([""] * len(lex))).fillna("").tolist(),
        "category": lex["category"].tolist(),
    })


def terminology_choices(articles: Sequence[Article]) -> pd.DataFrame:
    """Which contested terms each article uses, grouped by what they name (see :func:`terminology_groups`).

    Columns: group (what the words name), article, term (lexicon entry), forms (the words as
    written, lower-cased), signals (side the choice usually signals), count, sentence_ids,
    n_articles (how many of the articles use a term of this group). Sorted by n_articles
    (shared groups first), group, article order, count.
    """
    cols = ["group", "article", "term", "forms", "signals", "count", "sentence_ids", "n_articles"]
    lex = load_lexicon("terminology")
    groups = terminology_groups().set_index("term")
    rows = []
    order = {a.slug: i for i, a in enumerate(articles)}
    for a in articles:
        hits = match_terms(a, lex)
        for term, h in hits.groupby("term", sort=True):
            rows.append((groups.at[term, "group"], a.slug, term, sorted(set(h["matched"].str.lower())),
                         groups.at[term, "signals"], len(h), list(dict.fromkeys(h["sentence_id"]))))
    frame = pd.DataFrame(rows, columns=cols[:-1])
    if frame.empty:
        return pd.DataFrame(columns=cols)
    frame["n_articles"] = frame.groupby("group")["article"].transform("nunique").astype(int)
    frame["_o"] = frame["article"].map(order)
    frame = frame.sort_values(["n_articles", "group", "_o", "count", "term"], ascending=[False, True, True, False, True],
                              kind="mergesort")
    return frame.drop(columns="_o").reset_index(drop=True)


def terminology_table(choices: pd.DataFrame, *, articles: Sequence[str] = (), shared_only: bool = False) -> pd.DataFrame:
    """The terminology choices as a grid: one row per group (what the words name), one column per
    article, each cell the words that article uses for it with counts ("aliens ×5; alien ×3"),
    "" when it uses none. With ``shared_only``, only groups at least two articles name.

    Columns: group, n_articles, then one per article (``articles``, the slugs in order; default:
    the articles found in ``choices``).
    """
    arts = list(articles) or sorted(set(choices["article"]))
    if choices.empty:
        return pd.DataFrame(columns=["group", "n_articles", *arts])
    d = choices[choices["n_articles"] >= 2] if shared_only else choices
    rows = []
    for group, grp in d.groupby("group", sort=False):
        cells = {}
        for art, g in grp.groupby("article", sort=False):
            cells[art] = "; ".join(f"{'/'.join(f)} ×{c}" for f, c in zip(g["forms"], g["count"]))
        rows.append({"group": group, "n_articles": int(grp["n_articles"].iloc[0]), **{a: cells.get(a, "") for a in arts}})
    return pd.DataFrame(rows, columns=["group", "n_articles", *arts])


# ---------------------------------------------------------------- figures

#: Words that name a measure, not a thing counted: alone ("age", "points", "rate") they say nothing about *what*
#: is measured, so two figures for them are not the same quantity ("15 IQ points" and "two points" in a robotics
#: contest; the ages of different people). With more words ("age of illegal alien", "IQ points") they can match.
GENERIC_QUANTITIES: frozenset[str] = frozenset({
    "age", "amount", "level", "number", "percent", "percentage", "point", "rate", "share", "size", "time", "total",
    "year", "day", "week", "month", "hour", "minute",
})
_LEADING = frozenset({"the", "a", "an", "some", "about", "of", "its", "their", "his", "her", "our", "those", "these"})


def quantity_phrase(counts: str) -> str:
    """The noun phrase a figure counts, normalised for comparison ("" when it names no quantity to compare):
    lower case, leading determiners dropped, each word in the singular ("criminal aliens" → "criminal alien").

    Not comparable, so "": a name alone (every word capitalised: "Honduras", "El Salvador" — a breakdown by
    place, not a quantity), and a word of :data:`GENERIC_QUANTITIES` alone ("age", "points").

    >>> quantity_phrase("criminal aliens"), quantity_phrase("IQ points"), quantity_phrase("the asylum seekers")
    ('criminal alien', 'iq point', 'asylum seeker')
    >>> quantity_phrase("Honduras"), quantity_phrase("age"), quantity_phrase("points"), quantity_phrase("")
    ('', '', '', '')
    """
    words = re.findall(r"[A-Za-z][A-Za-z'-]*", str(counts or ""))
    if not words or all(w[0].isupper() for w in words):
        return ""
    low = [w.lower() for w in words]
    while low and low[0] in _LEADING:
        low = low[1:]
    phrase = [nlp.lemmatize(w, "NNS") for w in low]
    if not phrase or (len(phrase) == 1 and phrase[0] in GENERIC_QUANTITIES):
        return ""
    return " ".join(phrase)


def shared_figures(articles: Sequence[Article], *, min_articles: int = 2) -> pd.DataFrame:
    """Figures that count the same thing in different articles.

    Figures (numbers that count, cost or measure something, not years or dates) are keyed by the whole noun phrase
    they count, normalised by :func:`quantity_phrase` ("145 criminal aliens" and "22 criminal aliens" share
    "criminal alien"; "15 IQ points" and "two points" do not), plus their kind; a single shared word is not
    enough. Only keys found in at least ``min_articles`` articles are kept.
    Columns: quantity (the phrase), kind, article, text, value, counts, approximation, source, sentence_id,
    n_articles. Sorted by quantity, article order, position.
    """
    cols = ["quantity", "kind", "article", "text", "value", "counts", "approximation", "source", "sentence_id", "n_articles"]
    rows = []
    order = {a.slug: i for i, a in enumerate(articles)}
    for a in articles:
        nums = numbers(a)
        if "is_figure" in nums:
            nums = nums[nums["is_figure"].fillna(False).astype(bool)]
        for r in nums.itertuples(index=False):
            counts = getattr(r, "counts", None)
            if not isinstance(counts, str) or not counts.strip():
                continue
            key = quantity_phrase(counts)
            if not key:
                continue
            approx = getattr(r, "approximation", None)
            source = getattr(r, "source", None)
            rows.append((key, str(getattr(r, "kind", "")), a.slug, r.text, float(r.value), counts,
                         approx if isinstance(approx, str) else "", source if isinstance(source, str) else "",
                         r.sentence_id, int(getattr(r, "start", 0))))
    frame = pd.DataFrame(rows, columns=cols[:-1] + ["_start"])
    if frame.empty:
        return pd.DataFrame(columns=cols)
    frame["n_articles"] = frame.groupby(["quantity", "kind"])["article"].transform("nunique").astype(int)
    frame = frame[frame["n_articles"] >= min_articles].copy()
    frame["_o"] = frame["article"].map(order)
    frame = frame.sort_values(["quantity", "kind", "_o", "_start"], kind="mergesort")
    return frame.drop(columns=["_o", "_start"]).reset_index(drop=True)


# ---------------------------------------------------------------- distinctive words

def _content_words(article: Article) -> Counter:
    t = tokens(article)
    words = t[t["is_word"] & ~t["is_stop"] & (t["lower"] != "'s") & t["lower"].str.contains(r"[a-z]", regex=True)]
    return Counter(words["lower"].tolist())


def distinctive_words(articles: Sequence[Article], *, n: int = 10, min_count: int = 2,
                      min_log_likelihood: float = 3.84) -> pd.DataFrame:
    """The words most distinctive of each article against all the others together, by log-likelihood.

    Only content words (stopwords, numbers and punctuation left out) used at least ``min_count``
    times, relatively more often than in the other articles, with G² of at least
    ``min_log_likelihood`` (3.84: p < 0.05). Rates are per 1,000 content words.
    Columns: article, term, count, count_rest, per_1000, per_1000_rest, log_likelihood,
    log_ratio (effect size, Hardie 2014), significance ("p < 0.05"...), rank. Needs two articles
    with words; otherwise the table is empty. Ties are broken alphabetically.
    """
    cols = ["article", "term", "count", "count_rest", "per_1000", "per_1000_rest", "log_likelihood", "log_ratio",
            "significance", "rank"]
    counts = [(a.slug, _content_words(a)) for a in articles]
    total = Counter()
    for _, c in counts:
        total.update(c)
    grand = sum(total.values())
    rows = []
    for slug, c in counts:
        size = sum(c.values())
        rest = grand - size
        if size == 0 or rest == 0:
            continue
        cand = []
        for term, k in c.items():
            other = total[term] - k
            if k < min_count or k / size <= other / rest:
                continue
            g2 = log_likelihood(k, other, size, rest)
            if g2 >= min_log_likelihood:
                cand.append((-g2, term, k, other))
        cand.sort()
        for rank, (neg, term, k, other) in enumerate(cand[:n], start=1):
            g2 = -neg
            sig = significance(g2)
            sig = "" if sig == "not significant" else sig
            rows.append((slug, term, k, other, round(k * 1000 / size, 2), round(other * 1000 / rest, 2), round(g2, 2),
                         round(log_ratio(k, other, size, rest), 2), sig, rank))
    return pd.DataFrame(rows, columns=cols)

"""The actors an article names (people, government bodies, organisations, places and groups), with
how often each is mentioned and in how many clauses it acts or is acted upon."""

from __future__ import annotations

from collections import Counter, defaultdict
from functools import lru_cache
from typing import NamedTuple

from analysis.core.lazy import pandas as pd

from ..core.article import Article
from .agency import role_rows
from .entities import Mention, mention_rows

__all__ = ["Actor", "ACTOR_COLUMNS", "actor_rows", "actors"]


class Actor(NamedTuple):
    """One actor: a row of :func:`actors` (same fields, same order; ``aliases`` and ``sentence_ids``
    are tuples here, lists in the table)."""

    name: str
    kind: str
    mentions: int
    aliases: tuple[str, ...]
    first_sentence: str
    sentence_ids: tuple[str, ...]
    as_agent: int
    as_patient: int


ACTOR_COLUMNS = list(Actor._fields)


@lru_cache(maxsize=16)
def _actor_rows(article: Article, include_places: bool) -> tuple[Actor, ...]:
    by_name: dict[str, list[Mention]] = defaultdict(list)
    for m in mention_rows(article):
        if include_places or m.kind != "place":
            by_name[m.actor].append(m)
    if not by_name:
        return ()
    order = {s.id: s.index for s in article.sentences}
    # Agency: in how many clauses each actor acts or is acted upon (analysis.framing.agency).
    counts = Counter((r.actor, r.role) for r in role_rows(article))
    rows = []
    for name in sorted(by_name):
        grp = by_name[name]
        sids = tuple(sorted({m.sentence_id for m in grp}, key=order.get))
        rows.append(Actor(name, grp[0].kind, len(grp), tuple(sorted({m.surface.replace("’", "'") for m in grp})),
                          sids[0], sids, counts[(name, "agent")], counts[(name, "patient")]))
    rows.sort(key=lambda a: (-a.mentions, order[a.first_sentence], a.name))
    return tuple(rows)


def actor_rows(article: Article, *, include_places: bool = False) -> tuple[Actor, ...]:
    """The rows of :func:`actors` as :class:`Actor` tuples, in the same order (most mentioned first).
    Cached per article.

    >>> from analysis.core.article import parse_article
    >>> a = parse_article("News\\n\\nPresident Trump spoke. Trump said the Pentagon would act.")
    >>> actor_rows(a)[0]
    Actor(name='Trump', kind='person', mentions=2, aliases=('President Trump', 'Trump'), first_sentence='s2', sentence_ids=('s2', 's3'), as_agent=2, as_patient=0)
    """
    return _actor_rows(article, include_places)


def actors(article: Article, *, include_places: bool = False) -> pd.DataFrame:
    """The actors an article names, most mentioned first.

    Columns: name, kind, mentions, aliases (surface forms), first_sentence, sentence_ids,
    as_agent, as_patient (clauses in which the actor acts or is acted upon; see analysis.framing.agency).
    :func:`actor_rows` gives the same rows as tuples.

    >>> from analysis.core.article import parse_article
    >>> a = parse_article("News\\n\\nPresident Trump spoke. Trump said the Pentagon would act.")
    >>> actors(a)[["name", "kind", "mentions"]].values.tolist()
    [['Trump', 'person', 2], ['Pentagon', 'government', 1]]
    """
    rows = _actor_rows(article, include_places)
    if not rows:
        return pd.DataFrame(columns=ACTOR_COLUMNS)
    return pd.DataFrame([(*a[:3], list(a.aliases), a.first_sentence, list(a.sentence_ids), *a[6:]) for a in rows],
                        columns=ACTOR_COLUMNS)

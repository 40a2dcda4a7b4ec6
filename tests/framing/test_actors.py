"""The actors table: mention counts, merged aliases, agent/patient counts from the clause roles, places
left out unless asked for; constructed sentences with known answers and invariants on the bundled articles."""

from __future__ import annotations

from collections import Counter

import pytest

from analysis import load_article
from analysis.framing.actors import ACTOR_COLUMNS, Actor, actor_rows, actors
from analysis.framing.agency import role_rows
from analysis.framing.entities import mention_rows

from conftest import ROOT

ARTICLES = sorted((ROOT / "data" / "articles").glob("*.txt"))


def test_title_and_surname_are_one_actor_with_two_aliases(make_article):
    art = make_article("News", "President Trump spoke. Trump said the Pentagon would act.")
    trump, pentagon = actor_rows(art)
    assert trump == Actor(name="Trump", kind="person", mentions=2, aliases=("President Trump", "Trump"),
                          first_sentence="s2", sentence_ids=("s2", "s3"), as_agent=2, as_patient=0)
    assert (pentagon.name, pentagon.kind, pentagon.mentions, pentagon.sentence_ids) == ("Pentagon", "government", 1, ("s3",))
    assert pentagon.as_agent == 1  # "the Pentagon would act"


def test_agent_and_patient_of_an_active_clause(make_article):
    art = make_article("News", "The police officers arrested protesters on Friday.")
    got = {a.name: (a.as_agent, a.as_patient) for a in actor_rows(art)}
    assert got == {"police officers": (1, 0), "protesters": (0, 1)}


def test_passive_subject_is_the_patient(make_article):
    art = make_article("News", "Protesters were arrested by police officers on Monday.")
    got = {a.name: (a.as_agent, a.as_patient) for a in actor_rows(art)}
    assert got["protesters"] == (0, 1)
    assert got["police officers"] == (1, 0)


def test_places_only_when_asked(make_article):
    art = make_article("News", "The Department of Justice sued Texas. The Justice Department said the law was illegal.")
    default = actor_rows(art)
    assert [a.name for a in default] == ["Department of Justice"]
    doj = default[0]
    assert doj.mentions == 2 and doj.aliases == ("Department of Justice", "Justice Department")
    assert doj.sentence_ids == ("s2", "s3") and doj.as_agent == 2
    with_places = {a.name: a for a in actor_rows(art, include_places=True)}
    assert set(with_places) == {"Department of Justice", "Texas"}
    assert with_places["Texas"].kind == "place" and with_places["Texas"].as_patient == 1  # "sued Texas"
    assert list(actors(art, include_places=True)["name"]) == ["Department of Justice", "Texas"]


def test_aliases_use_straight_apostrophes(make_article):
    art = make_article("News", "President Trump spoke. Trump\u2019s administration said it would appeal.")
    admin = next(a for a in actor_rows(art) if a.name == "Trump administration")
    assert admin.aliases == ("Trump's administration",)
    assert admin.kind == "government"


def test_order_most_mentioned_then_first_named_then_name(make_article):
    art = make_article("News", "The White House said the Department of Homeland Security would send agents. "
                               "Agents arrived on Monday. The agents left.")
    names = [(a.name, a.mentions) for a in actor_rows(art)]
    # agents: 3 mentions; the two departments tie (one mention each, both first in s2): alphabetical
    assert names == [("agents", 3), ("Department of Homeland Security", 1), ("White House", 1)]


def test_no_actor_gives_an_empty_table_with_the_columns(make_article):
    art = make_article("News", "It rained on Monday. Nobody came.")
    assert actor_rows(art) == ()
    table = actors(art)
    assert table.empty and list(table.columns) == ACTOR_COLUMNS


# ---------------------------------------------------------------- invariants on the bundled articles


@pytest.fixture(scope="module", params=[p.name for p in ARTICLES])
def article(request):
    return load_article(ROOT / "data" / "articles" / request.param)


@pytest.mark.parametrize("include_places", [False, True])
def test_counts_come_from_the_mentions_and_the_roles(article, include_places):
    rows = actor_rows(article, include_places=include_places)
    kept = [m for m in mention_rows(article) if include_places or m.kind != "place"]
    by_actor = Counter(m.actor for m in kept)
    roles = Counter((r.actor, r.role) for r in role_rows(article))
    order = {s.id: s.index for s in article.sentences}
    assert {a.name: a.mentions for a in rows} == dict(by_actor)
    assert sum(a.mentions for a in rows) == len(kept)
    for a in rows:
        surfaces = {m.surface.replace("\u2019", "'") for m in kept if m.actor == a.name}
        sids = {m.sentence_id for m in kept if m.actor == a.name}
        assert a.aliases == tuple(sorted(surfaces)), a
        assert set(a.sentence_ids) == sids and len(a.sentence_ids) == len(sids), a
        assert list(a.sentence_ids) == sorted(a.sentence_ids, key=order.get)
        assert a.first_sentence == a.sentence_ids[0]
        assert a.mentions >= len(a.sentence_ids)
        assert (a.as_agent, a.as_patient) == (roles[(a.name, "agent")], roles[(a.name, "patient")]), a
        assert include_places or a.kind != "place"
    keys = [(-a.mentions, order[a.first_sentence], a.name) for a in rows]
    assert keys == sorted(keys)


def test_table_matches_rows(article):
    rows = actor_rows(article)
    table = actors(article)
    assert list(table.columns) == ACTOR_COLUMNS == list(Actor._fields)
    assert len(table) == len(rows)
    for rec, a in zip(table.to_dict("records"), rows):
        assert rec["aliases"] == list(a.aliases) and rec["sentence_ids"] == list(a.sentence_ids)
        assert (rec["name"], rec["kind"], rec["mentions"], rec["as_agent"], rec["as_patient"]) == (
            a.name, a.kind, a.mentions, a.as_agent, a.as_patient)


def test_seed_most_named_actor(seed):
    top = actor_rows(seed)[0]
    assert top.name == "Trump" and top.kind == "person"
    assert set(top.aliases) == {"President Trump", "Trump"}
    admin = next(a for a in actor_rows(seed) if a.name == "Trump administration")
    assert {"the administration", "Trump's administration"} <= {x.lower() if x.startswith("The ") else x for x in admin.aliases}
    assert all(a.kind != "place" for a in actor_rows(seed))
    assert any(a.kind == "place" for a in actor_rows(seed, include_places=True))

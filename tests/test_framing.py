"""Actors and attributions on the seed and on constructed sentences."""

from __future__ import annotations

from analysis import actors, attributions


def test_actors_seed(seed):
    a = actors(seed).set_index("name")
    assert a.loc["Trump", "kind"] == "person" and a.loc["Trump", "mentions"] == 8
    assert a.index[0] == "Trump"  # most mentioned
    assert a.loc["Pentagon", "kind"] == "government"
    assert a.loc["Justice Department", "kind"] == "government"
    assert a.loc["Elon Musk", "kind"] == "person"
    assert "undocumented immigrants" in a.index and a.loc["undocumented immigrants", "kind"] == "group"


def test_actor_aliases_and_acronyms(make_article):
    art = make_article(
        "Agency acts",
        "Senator Jane Doe criticised U.S. Immigration and Customs Enforcement (ICE) on Monday. "
        "Doe said ICE had ignored the court. Officials at the Department of Homeland Security declined to comment.",
    )
    a = actors(art).set_index("name")
    assert a.loc["Jane Doe", "mentions"] == 2 and a.loc["Jane Doe", "kind"] == "person"
    assert a.loc["U.S. Immigration and Customs Enforcement", "mentions"] == 2
    assert a.loc["Department of Homeland Security", "kind"] == "government"


def test_vague_attributions_in_seed(seed):
    att = attributions(seed)
    vague = att[att["kind"] == "vague"]
    assert {"reports suggest", "there is concern"} <= set(vague["source"])
    assert set(vague["sentence_id"]) >= {"s12", "s13"}
    named = att[att["kind"] == "named_org"]
    assert "Pentagon" in set(named["source"])


def test_attribution_kinds_constructed(make_article):
    art = make_article(
        "Claims",
        "Critics say the plan is cruel. Officials said the plan would start soon. "
        "According to a Home Office memo, the plan is legal. Mayor Ann Lee warned that it would fail. "
        "The plan starts in June.",
    )
    att = attributions(art)
    kinds = dict(zip(att["source"], att["kind"]))
    assert kinds["critics say"] == "vague"
    assert kinds["officials said"] == "anonymous"
    assert kinds["Ann Lee"] == "named_person"
    assert any(k == "document" or s == "Home Office" for s, k in kinds.items())
    assert "s6" not in set(att["sentence_id"])  # "The plan starts in June." attributes nothing

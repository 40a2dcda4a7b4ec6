"""Passive voice: constructed sentences with known answers (positives and negatives) and the seed article."""

from __future__ import annotations

import pytest

from analysis.language.passives import passive_counts, passives


def _found(make_article, sentence):
    p = passives(make_article("News", sentence))
    return [(r.text, r.kind, None if r.agentless else r.agent) for r in p.itertuples()]


@pytest.mark.parametrize("sentence, expected", [
    ("He was arrested by police.", [("was arrested by police", "be", "police")]),
    ("Disciplinary measures could be considered.", [("could be considered", "be", None)]),
    ("The case was being investigated by the FBI.", [("was being investigated by the FBI", "be", "the FBI")]),
    ("The report was written by a team of experts.", [("was written by a team of experts", "be", "a team of experts")]),
    ("The plan was criticized by Democrats and Republicans.",
     [("was criticized by Democrats and Republicans", "be", "Democrats and Republicans")]),
    ("The bill was not passed.", [("was not passed", "be", None)]),
    ("They got arrested.", [("got arrested", "get", None)]),
    ("Crimes were committed.", [("were committed", "be", None)]),
    ("It is used to fund schools.", [("is used", "be", None)]),
    ("The cities labeled as sanctuaries resisted the order.", [("labeled", "reduced", None)]),
    ("Troops were sent to areas heavily populated by migrants.",
     [("were sent", "be", None), ("heavily populated by migrants", "reduced", "migrants")]),
    ("All those arrested were men.", [("arrested", "reduced", None)]),
])
def test_passives_found(make_article, sentence, expected):
    assert _found(make_article, sentence) == expected


@pytest.mark.parametrize("sentence", [
    "She was tired.",                          # adjectival participle
    "She was very interested in politics.",    # degree adverb: a state
    "He has arrested three men.",              # perfect, not passive
    "They got married.",                       # change of state
    "He is used to the cold.",                 # "used to" + noun: adjective
    "The law is set to change.",               # idiom "set to"
    "Targeted immigration raids began.",       # prenominal participle
    "The competition ended on Tuesday.",       # the participle is the only verb
    "Decisions based on data are better.",     # fixed phrase
])
def test_not_passives(make_article, sentence):
    assert _found(make_article, sentence) == []


@pytest.mark.parametrize("sentence, text", [
    ("He was sent to the border by the end of the month.", "was sent"),  # by + time
    ("Prices were cut by 10 percent.", "were cut"),                      # by + amount
    ("The letter was delivered by hand.", "was delivered"),              # by + means
])
def test_by_phrases_that_are_not_agents(make_article, sentence, text):
    assert _found(make_article, sentence) == [(text, "be", None)]


def test_seed_passives(seed):
    p = passives(seed)
    assert [(r.sentence_id, r.text, r.kind) for r in p.itertuples()] == [
        ("s1", "labeled", "reduced"),                                      # cities labeled as "sanctuaries"
        ("s7", "heavily populated by undocumented immigrants", "reduced"),
        ("s8", "designed", "reduced"),                                     # policies designed to protect
        ("s13", "could be considered", "be"),
        ("s15", "taken", "reduced"),                                       # legal actions taken against
        ("s16", "estimated", "reduced"),                                   # population estimated at
    ]
    assert p.set_index("sentence_id").loc["s7", "agent"] == "undocumented immigrants"
    assert p["agentless"].sum() == 5
    for r in p.itertuples():
        assert seed.text[r.start:r.end] == r.text
        s = seed.sentence(r.sentence_id)
        assert s.start <= r.start < r.end <= s.end


def test_passive_counts(seed):
    c = passive_counts(passives(seed)).set_index(["kind", "agent"])["count"]
    assert c[("be", "no agent named")] == 1 and c[("reduced", "agent named")] == 1 and c.sum() == 6


def test_no_text(make_article):
    assert passives(make_article("123", "456.")).empty

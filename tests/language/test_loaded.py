"""Loaded words on the seed and on constructed sentences (analysis.language.loaded)."""

from __future__ import annotations

import pytest

from analysis.language.loaded import loaded_words


def _flags(make_article, text):
    loaded = loaded_words(make_article("News", text))
    return [(m.lower(), c) for m, c in zip(loaded["matched"], loaded["category"])]


def test_loaded_words_seed(seed):
    loaded = loaded_words(seed)
    terms = set(loaded["term"])
    assert {"crackdown", "aggressive", "vengeance", "punitive", "bold"} <= terms
    assert (loaded.loc[loaded["term"] == "mass deportations", "category"] == "punitive").all()
    assert len(loaded[loaded["term"] == "mass deportations"]) == 3  # one match each, not also "mass"
    for r in loaded.itertuples():
        assert seed.text[r.start:r.end] == r.matched
        assert r.reason  # every flag says why
    by_sentence = {(m.lower(), s) for m, s in zip(loaded["matched"], loaded["sentence_id"])}
    # literal uses: troops are deployed (s2, s11); "Capitol riot" is the event's name (s15)
    assert not {m for m, s in by_sentence if m.startswith("deploy")}
    assert not {m for m, _ in by_sentence if "riot" in m}
    # an emotive intensification, and evaluative words the writer chose
    assert ("increasingly concerning", "s9") in by_sentence
    assert {("tactic", "s12"), ("particularly noteworthy", "s12")} <= by_sentence
    # "orders they view as unethical or illegal": a view the writer reports, not the writer's wording
    assert not {m for m, s in by_sentence if s == "s12" and m in ("unethical", "illegal")}
    # "undocumented" is the neutral term of style guides, not an emotive word
    assert "undocumented" not in terms


def test_loaded_words_negatives(make_article):
    assert loaded_words(make_article("News", "The committee met on Tuesday to discuss the budget.")).empty
    a = make_article("News", "The attack killed three people. Police said the crackdown targeted violent thugs.")
    loaded = loaded_words(a)
    # "killed" is a strongly negative verb but a fact: not an emotive word; "violent" (adjective) of people is
    # ("the crackdown was violent" describes what happened: emotive_exclusions category event).
    assert "killed" not in set(loaded["term"])
    assert set(loaded["term"]) >= {"crackdown", "violent"}


@pytest.mark.parametrize("text, expected", [
    ("The senator gave a deeply troubling answer.", [("deeply troubling", "intensified")]),
    ("The mayor's reckless plan failed.", [("reckless", "evaluative")]),
    ("The governor dismissed the bogus report.", [("bogus", "emotive")]),
    ("Crowds of thugs blocked the road.", [("thugs", "pejorative_label")]),
    ("The minister boasted about the figures.", [("boasted", "dramatic")]),
    ("He blamed the Chinese virus for the slump.", [("chinese virus", "pejorative_label")]),
    ("The plan was utterly ignored by the council.", [("utterly", "intensifier")]),
])
def test_loaded_positives(make_article, text, expected):
    assert _flags(make_article, text) == expected


@pytest.mark.parametrize("text", [
    "Riot police cleared the square after the Harbour Street riot.",  # the event's name
    "The army sent troops to the border in a new deployment.",          # literal deployment
    "Troops launched an offensive and the battle lasted a week.",       # literal war words
    "Officers raided the warehouse at dawn.",                           # the word for the event
    "She said the plan was “a reckless and cruel waste of money” on Monday.",  # inside a quotation
    "Critics called the plan reckless.",                                # a view the writer reports
    "The patient was in a critical condition after the fall.",          # descriptive, not judging
    "Liberty University held its graduation.",                          # a name
    "The regime jailed two reporters.",                                 # the usual word for such a government
    "Two corrupt officials were convicted and a scandal followed.",     # the charge and the affair, not a judgement
    "The battle over the budget led to sweeping cuts.",                 # plain words for a dispute and a measure
])
def test_literal_or_attributed_uses_are_not_flagged(make_article, text):
    assert _flags(make_article, text) == []

"""Part-of-speech repairs for news text: headlines tagged again in lower case, a noun right after an actor
read as its verb, which words can be verbs, and the closed word classes the clause rules share."""

from __future__ import annotations

import pytest

from analysis.core import nlp
from analysis.core.tagging import (
    BE,
    DO,
    FINITE_TAGS,
    GET,
    HAVE,
    PERSONAL_PRONOUNS,
    SUBJECT_PREPOSITIONS,
    SUBORDINATORS,
    can_be_verb,
    repair_tags,
    retag_headline,
)


def _tagged(words):
    return nlp.pos_tag_sentences([words])[0]


def _repair(words, spans, *, headline=False):
    tags = _tagged(words)
    return tags, repair_tags([w.lower() for w in words], tags, spans, headline=headline)


# ---------------------------------------------------------------- can_be_verb


@pytest.mark.parametrize("word", ["is", "'s", "\u2019re", "had", "did", "got", "arrest", "arrested", "readies", "rallies",
                                  "deporting", "criticised", "re-enters", "table"])
def test_verb_forms(word):
    assert can_be_verb(word)


@pytest.mark.parametrize("word", ["the", "quickly", "xyzzy", "of", "because"])
def test_words_that_are_never_verbs(word):
    assert not can_be_verb(word)


def test_auxiliary_sets():
    assert {"is", "was", "been", "'s", "\u2019s"} <= BE
    assert {"has", "had", "\u2019ve"} <= HAVE and {"does", "did"} <= DO and {"got", "gotten"} <= GET
    assert all(can_be_verb(w) for w in BE | HAVE | DO | GET)
    assert FINITE_TAGS == {"VBD", "VBZ", "VBP", "MD"}
    assert PERSONAL_PRONOUNS == {"he", "she"}
    assert {"that", "because", "while", "if", "although"} <= SUBORDINATORS
    assert {"like", "including"} <= SUBJECT_PREPOSITIONS
    assert not SUBORDINATORS & {"the", "said", "of"}


# ---------------------------------------------------------------- retag_headline


def test_headline_words_outside_names_are_tagged_in_lower_case():
    texts = ["Trump", "Intensifies", "Pressure", "On", "Cities"]
    assert _tagged(texts)[:3] == ["NNP", "NNP", "NNP"]  # the capitals make everything a name
    tags = retag_headline(texts, [(0, 1)])
    assert len(tags) == len(texts)
    assert tags[0] == "NNP"  # the actor's name keeps its capital
    assert not any(t.startswith("NNP") for t in tags[1:])
    assert tags == _tagged(["Trump", "intensifies", "pressure", "on", "cities"])


def test_retag_headline_without_names_and_without_words():
    assert retag_headline([], []) == []
    assert retag_headline(["Storm", "Hits", "Coast"], []) == _tagged(["storm", "hits", "coast"])


# ---------------------------------------------------------------- repair_tags


def test_noun_after_an_actor_before_to_is_its_verb():
    tags, fixed = _repair(["the", "Pentagon", "readies", "to", "deploy", "troops", "."], [(1, 2, "government")])
    assert tags[2] in ("NN", "NNS")  # the tagger's mistake this repairs
    assert fixed[2] == "VBZ"
    assert fixed[:2] == tags[:2] and fixed[3:] == tags[3:]


def test_plural_subject_gets_a_present_plural_verb():
    tags, fixed = _repair(["far-right", "groups", "rally", "for", "the", "cause", "."], [(0, 2, "group")])
    assert tags[2] == "NN"
    assert fixed[2] == "VBP"


def test_places_are_not_repaired():
    words = ["Texas", "floods", "to", "the", "sea"]
    tags, fixed = _repair(words, [(0, 1, "place")])
    assert tags[1] == "NNS" and fixed == tags
    assert _repair(words, [(0, 1, "government")])[1][1] == "VBZ"


def test_no_repair_when_another_finite_verb_follows_in_the_clause():
    tags, fixed = _repair(["the", "Pentagon", "readies", "in", "the", "morning", "and", "deploys", "troops", "."],
                          [(1, 2, "government")])
    assert tags[2] in ("NN", "NNS") and "VBZ" in tags[3:]
    assert fixed == tags


def test_no_repair_after_a_preposition_that_is_not_a_subject_preposition():
    words = ["reports", "on", "Pentagon", "readies", "to", "deploy", "."]
    tags, fixed = _repair(words, [(2, 3, "government")])
    assert tags[1] == "IN" and tags[3] in ("NN", "NNS")
    assert fixed == tags
    # "like"/"including" can introduce a subject: the repair applies there
    words = ["groups", "like", "Pentagon", "readies", "to", "deploy", "."]
    tags, fixed = _repair(words, [(2, 3, "government")])
    assert tags[3] in ("NN", "NNS") and fixed[3] == "VBZ"


def test_headline_s_word_after_an_actor_is_its_verb():
    texts = ["Trump", "Intensifies", "Pressure", "On", "Cities"]
    tags = retag_headline(texts, [(0, 1)])
    assert tags[1] in ("NN", "NNS")
    low = [t.lower() for t in texts]
    assert repair_tags(low, tags, [(0, 1, "person")], headline=True)[1] == "VBZ"
    # the same words outside a headline need a following "to"/preposition...: nothing changes here
    assert repair_tags(low, tags, [(0, 1, "person")], headline=False)[1] == tags[1]


def test_repair_does_not_touch_its_input_and_ignores_spans_at_the_end():
    words = ["the", "Pentagon", "readies", "to", "deploy", "."]
    tags = _tagged(words)
    before = list(tags)
    repair_tags([w.lower() for w in words], tags, [(1, 2, "government")])
    assert tags == before
    assert repair_tags(["the", "pentagon"], ["DT", "NNP"], [(1, 2, "government")]) == ["DT", "NNP"]
    assert repair_tags([], [], []) == []

"""Sentence tone, tone words and the most positive and negative sentences (analysis.language.tone)."""

from __future__ import annotations

import math

import pytest

from analysis.language.tone import sentence_tone, tone_extremes, tone_words


def test_tone_signs(make_article):
    t = sentence_tone(make_article("News", "This is a wonderful, happy result. This is a horrible, deadly disaster."))
    assert t["compound"].iloc[1] > 0.5 and t["compound"].iloc[2] < -0.5
    assert all(-1 <= c <= 1 and not math.isnan(c) for c in t["compound"])


def test_tone_words_and_extremes(seed):
    words = tone_words(seed)
    justice = words[words["term"] == "justice"]
    assert justice["is_name"].all() and (justice["vader"] == 2.4).all()
    assert (words.loc[words["is_name"], "opinion"] == "").all()  # "Trump" is not an opinion word here
    ext = tone_extremes(seed, n=2)
    neg = ext[ext["direction"] == "most negative"]
    pos = ext[ext["direction"] == "most positive"]
    assert neg["sentence_id"].tolist() == ["s12", "s9"] and pos["sentence_id"].tolist()[0] == "s1"
    assert "unethical (-2.3)" in neg["words"].iloc[0] and (neg["compound"] < 0).all() and (pos["compound"] > 0).all()


def test_names_are_masked(make_article):
    # "United", "Liberty" and "Justice" are positive VADER words; inside names they carry no tone
    t = sentence_tone(make_article("News", "The United States signed the treaty. Liberty University hired a dean.",
                                   "The Justice Department filed the papers. The talks were a wonderful success."))
    assert t["compound"].tolist()[1:4] == [0.0, 0.0, 0.0]
    assert t["compound"].iloc[4] > 0.5  # the writer's own words still count
    words = tone_words(make_article("News", "The United States signed the treaty."))
    assert words.loc[words["term"] == "united", "is_name"].all()


def test_seed_united_states_carries_no_tone(seed):
    words = tone_words(seed)
    united = words[words["term"] == "united"]
    assert len(united) == 1 and united["sentence_id"].iloc[0] == "s11" and united["is_name"].all()
    ext = tone_extremes(seed, n=16)
    s11 = ext[ext["sentence_id"] == "s11"]
    assert not any(w.startswith("united") for w in s11["words"].iloc[0])
    assert s11["compound"].iloc[0] < 0.3  # 0.60 with "United" scored


def test_uses_without_tone_are_masked(make_article):
    # "like" as a preposition, a number, a political party, an unsettled claim, a topic term: no praise or blame
    a = make_article("News", "Countries like Albania face 86 outstanding asylum claims. "
                             "Her party discussed free speech.")
    t = sentence_tone(a)
    assert t["compound"].iloc[1] == 0.0 and t["compound"].iloc[2] == 0.0
    words = tone_words(a)
    assert dict(zip(words["term"], words["masked"])) == {
        "like": "a preposition", "86": "a number", "outstanding": "not yet settled", "party": "a party (a group)",
        "free": "a topic term"}
    # the verb "like" still counts, and the preposition only where it is one
    assert sentence_tone(make_article("News", "Students did not like the plan."))["compound"].iloc[1] < 0
    assert sentence_tone(make_article("News", "Voters like the plan."))["compound"].iloc[1] > 0


@pytest.mark.parametrize("sentence, masked, counted", [
    ("The central bank raised interest rates and health care costs rose.", {"interest", "care"}, set()),
    ("Border security officials met at the border.", {"security"}, set()),
    ("The team is poised to win the title.", {"poised"}, {"win"}),
    ("Immigration played a key role in the election.", {"played"}, set()),
    ("It is the role we play in the region.", {"play"}, set()),
    ("As the crisis plays out, officials wait.", {"plays"}, {"crisis"}),
    # words of size or degree leave the tone to what they measure
    ("The strike marked a significant escalation.", {"significant"}, {"strike"}),
    ("The firm reported huge losses and a greater risk of default.", {"huge", "greater"}, {"losses", "risk"}),
    ("The flood caused substantial damage to homes.", {"substantial"}, {"damage"}),
    # the same words in their scored sense still count
    ("The children played happily in the park.", set(), {"played", "happily"}),
    ("Residents said they care about security.", set(), {"care", "security"}),
])
def test_topic_terms_and_set_phrases_carry_no_tone(make_article, sentence, masked, counted):
    words = tone_words(make_article("News", sentence))
    words = words[words["sentence_id"] == "s2"]
    assert set(words.loc[words["masked"] != "", "term"]) == masked
    assert set(words.loc[(words["masked"] == "") & (words["vader"] != 0), "term"]) == counted


def test_a_negated_negative_word_is_no_praise(make_article):
    # VADER turns "no one was hurt" positive; the absence of harm is neither praise nor blame
    t = sentence_tone(make_article("News", "No one was hurt. There shouldn't be anyone suffering."))
    assert t["compound"].iloc[1] == 0.0 and t["compound"].iloc[2] == 0.0
    words = tone_words(make_article("News", "No one was hurt."))
    assert words.loc[words["term"] == "hurt", "masked"].tolist() == ["negated"]
    # a negated positive word keeps VADER's reading
    assert sentence_tone(make_article("News", "The plan is not good."))["compound"].iloc[1] < 0
    # masked words are not shown as carrying the extremes
    ext = tone_extremes(make_article("News", "Critics like the mayor were furious. Countries like Albania agreed."))
    assert all("like" not in w for ws in ext["words"] for w in ws)

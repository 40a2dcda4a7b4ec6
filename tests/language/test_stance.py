"""Hedges, boosters and modals (analysis.language.stance)."""

from __future__ import annotations

from analysis.language.stance import stance_markers, stance_rates


def _stance(make_article, text):
    m = stance_markers(make_article("News", text))
    return sorted(zip(m["term"], m["category"]))


def test_may_modal_and_month(make_article):
    assert _stance(make_article, "I may go.") == [("may", "hedge"), ("may", "modal")]
    assert _stance(make_article, "We met in May.") == []
    assert _stance(make_article, "The vote is on May 5.") == []


def test_will_noun_is_not_a_modal(make_article):
    assert _stance(make_article, "The will of the people matters.") == []
    assert _stance(make_article, "They will decide.") == [("will", "modal")]


def test_multi_word_cues_count_once(make_article):
    assert _stance(make_article, "It is possible that it rains.") == [("it is possible that", "hedge")]
    assert _stance(make_article, "There is no doubt about it.") == [("there is no doubt", "booster")]


def test_must_booster_only_for_conclusions(make_article):
    assert _stance(make_article, "The form must be completed in English.") == [("must", "modal")]
    assert _stance(make_article, "That must be a mistake.") == [("must", "booster"), ("must", "modal")]


def test_literal_appear_is_not_a_hedge(make_article):
    assert _stance(make_article, "He was served a notice to appear before a judge.") == []
    assert _stance(make_article, "The plan appears doomed.") == [("appears", "hedge")]


def test_stance_seed(seed):
    m = stance_markers(seed)
    hedges = m[m["category"] == "hedge"]
    assert hedges["matched"].tolist() == ["potential", "appears", "potential", "approximately", "might", "suggest",
                                          "could", "indicating", "estimated at", "may"]
    assert m.loc[m["category"] == "booster", "matched"].tolist() == ["especially", "significant", "particularly",
                                                                     "particularly", "evident"]
    assert m.loc[m["category"] == "modal", "matched"].tolist() == ["might", "could", "may"]
    rates = stance_rates(seed, m).set_index("category")
    assert rates.loc["hedge", "count"] == 10 and rates.loc["hedge", "per_1000"] == round(10 * 1000 / 417, 2)

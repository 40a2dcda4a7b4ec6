"""Headlines set in title case: the tagger reads nearly every capitalised word as a name, so the word-level
analyses (modals, hedges, loaded words) read the tags of the sentence as if set in sentence case
(``SentenceWords.sentence_case_pos``). Constructed headlines only."""

from __future__ import annotations

import pytest

from analysis.core.tokens import sentence_words
from analysis.language.loaded import loaded_words
from analysis.language.names import name_token_positions
from analysis.language.stance import stance_markers


def _headline_stance(make_article, headline):
    m = stance_markers(make_article(headline, "The report was published on Monday."))
    m = m[m["sentence_id"] == "s1"]
    return sorted(zip(m["term"], m["category"]))


def _headline_loaded(make_article, headline):
    m = loaded_words(make_article(headline, "The report was published on Monday."))
    m = m[m["sentence_id"] == "s1"]
    return sorted(zip(m["matched"].str.lower(), m["category"]))


@pytest.mark.parametrize("headline, expected", [
    ("Troops May Be Sent to the Border, Officials Say", [("may", "hedge")]),
    ("Crime Could Rise Sharply, Mayor Warns", [("could", "hedge")]),
    ("Council Will Vote on Budget Tonight", [("will", "modal")]),
    # the month stays a month, in title case as in running text
    ("Elections Held in May Draw Record Turnout", []),
    ("Vote Set for May 5 in Three States", []),
    ("Troops May Be Sent across the Border", [("may", "hedge")]),  # "across" may stay lower case
    ("May Jobs Report Beats Forecasts", []),
    ("May Day Marches Turn Tense", []),
    # a name is not a modal: a first name and the word after it
    ("Theresa May to Step Down as Party Leader", []),
    ("Will Ferrell to Host Awards Show", []),
    # "suggest" with a named proposer is a proposal; with a study, a hedge
    ("Trudeau Suggests Compromise on Pipeline", []),
    ("Study Suggests Link Between Sleep and Memory", [("suggests", "hedge")]),
])
def test_modals_and_hedges_in_title_case_headlines(make_article, headline, expected):
    assert _headline_stance(make_article, headline) == expected


@pytest.mark.parametrize("headline, expected", [
    ("Radical Groups Launch Vicious Campaign Against Judges", [("radical", "evaluative"), ("vicious", "emotive")]),
    ("Deeply Troubling Report Reveals Horrific Conditions", [("deeply troubling", "intensified"),
                                                           ("horrific", "emotive")]),
    ("Democrats Claim the Vote Was Rigged", [("claim", "doubt"), ("rigged", "evaluative")]),
    # names: a first name before a capitalised word, a company's name, a word the article uses as a name
    ("Dick Stuart Joins Giants", []),
    ("Fire Hits Offices of Continental Casualty Co.", []),
    ("Radical Groups Target Acme Inc.", [("radical", "evaluative")]),
    # a headline's verb in -s is a verb, not a plural noun for a person ("sues": "Sue", a novelist, in WordNet)
    ("Family Sues Hospital over Death", []),
    ("Google Sues Rival over Patent", []),
    # an owner before "'s", a name after an abbreviated title or an honorific
    ("Putin's Cruel Gambit", [("cruel", "evaluative")]),
    ("Thug's Brutal Attack on Pensioner", [("brutal", "evaluative"), ("thug", "pejorative_label")]),
    ("Sen. Gross Blasts Budget", [("blasts", "dramatic")]),
    ("Mr Bland Goes to Washington", []),
    # a first name that is also a common word, before a common word, is the adjective
    ("Rocky Start for New Government", [("rocky", "emotive")]),
    # a shouted adjective is read as a word; a short abbreviation is not
    ("VILE TROLLS TARGET GRIEVING MUM", [("vile", "emotive")]),
    # a literal use stays literal: an adjective before a concrete noun
    ("Wild Horses Roam Empty Streets", []),
    ("Police Seize Dangerous Chemicals at Port", []),
])
def test_loaded_words_in_title_case_headlines(make_article, headline, expected):
    assert _headline_loaded(make_article, headline) == expected


def test_an_owner_that_is_a_common_word_is_a_name_only_when_the_article_names_it(make_article):
    headline = "Moody's Downgrades Vicious City Bonds"
    assert "Moody" in set(loaded_words(make_article(headline, "Bonds fell on Monday."))["matched"])
    named = make_article(headline, "The agency Moody's cut the rating on Monday.")
    assert "Moody" not in set(loaded_words(named)["matched"])


@pytest.mark.parametrize("headline, expected", [
    # the word after a first name is not part of the name when it is a verb or a modal
    ("Hillary Clinton Could Run Again", [("could", "hedge")]),
    ("Kate Could Return to Royal Duties", [("could", "hedge")]),
    # a modal that is a name in running text is no evidence against the headline's modal
    ("Congress Will Vote on Gun Bill", [("will", "modal")]),
    # a question opened by a modal, and a relative clause after the verb
    ("Will Inflation Keep Rising?", [("will", "modal")]),
    ("Police Could Have Stopped Gunman Who Killed Five", [("could", "hedge")]),
    # an abbreviation is not a person proposing
    ("MRI Suggests Brain Damage", [("suggests", "hedge")]),
])
def test_second_review_stance_cases(make_article, headline, expected):
    a = make_article(headline, "Rep. Will Hurd said so on Monday.")
    m = stance_markers(a)
    m = m[m["sentence_id"] == "s1"]
    assert sorted(zip(m["term"], m["category"])) == expected


@pytest.mark.parametrize("text, expected", [
    # an adjective the tagger read as a noun, whose WordNet noun is only a name ("Moody", "Goofy")
    ("A moody teenager sulked in the corner.", [("moody", "emotive")]),
    # an adjective tag on a word WordNet has as a noun and a verb but not as an adjective is a tagging slip
    ("Those who led the protest were acquitted.", []),
])
def test_second_review_body_cases(make_article, text, expected):
    m = loaded_words(make_article("News", text))
    assert sorted(zip(m["matched"].str.lower(), m["category"])) == expected


def test_miss_is_not_an_honorific_before_a_verb_s_object(make_article):
    assert _headline_loaded(make_article, "England Miss Horrible Chance Late On") == [("horrible", "emotive")]
    # nor is the noun "miss" a label for a person (WordNet's first noun sense is a young woman)
    assert loaded_words(make_article("News", "It was a near miss for the pilots.")).empty


def test_holdings_is_no_company_form_in_a_headline(make_article):
    assert name_token_positions(make_article("Fund Dumps Toxic Holdings", "Text."))["s1"] == frozenset()
    assert name_token_positions(make_article("Acme Vile Co. Fined Again", "Text."))["s1"] == {0, 1}


def test_may_after_a_first_name_is_a_surname(make_article):
    assert _headline_stance(make_article, "Theresa May Set to Resign") == []
    assert _headline_stance(make_article, "Amber Rudd May Quit") == [("may", "hedge")]


def test_second_review_headline_verbs(make_article):
    # "Claims" before a word that can be a verb stays a noun; a first name before a verb hides nothing
    assert _headline_loaded(make_article, "Fraud Claims Surge") == []
    assert ("slammed", "dramatic") in _headline_loaded(make_article, "Hillary Clinton Slammed Over Emails")


def test_a_word_the_article_uses_as_a_name_is_a_name_in_the_headline_too(make_article):
    a = make_article("Savage Wins Seat in Senate", "Voters elected John Savage on Tuesday.")
    assert "savage" not in set(loaded_words(a)["matched"].str.lower())
    assert "savage" in set(loaded_words(make_article("Savage Attack Shocks Town", "It was late."))["matched"].str.lower())


def test_a_sentence_crowded_with_names_is_not_title_case(make_article):
    words = sentence_words(make_article("News", "Mrs. Chase is the former Miss Mary Mullenax of Austin."))["s2"]
    assert not words.title_case
    assert sentence_words(make_article("News", "Troops Arrive at the Border Near El Paso"))["s2"].title_case


def test_sentence_case_tags_only_change_title_case_sentences(make_article):
    a = make_article("Troops May Face Vicious Attacks", "Officials say troops may face attacks in May.")
    words = sentence_words(a)
    head, body = words["s1"], words["s2"]
    assert head.title_case and not body.title_case
    assert head.pos[1] != "MD" and head.sentence_case_pos[1] == "MD"  # the tagger's own tags say "May" is a name
    assert body.sentence_case_pos is body.pos
    # all-capital abbreviations keep their capitals: "US" is the country, not the pronoun
    us = sentence_words(make_article("US Troops May Head to Border Towns", "Text."))["s1"]
    assert us.sentence_case_pos[0] != "PRP"


def test_shouted_words_are_read_as_words(make_article):
    # a shouted phrase is lower-cased for the tagger; a short abbreviation keeps its capitals
    words = sentence_words(make_article("Police Impose TOTAL BLACKOUT on Shooting", "Text."))["s1"]
    assert "NNP" not in words.sentence_case_pos[2:4]
    # the tagger reads "Impose" before the shouted words as an adjective: a word WordNet has only as a verb is
    # not flagged as an emotive adjective
    assert _headline_loaded(make_article, "Local Police & Feds Impose INFORMATION BLACKOUT in Reno Shooting") == []


@pytest.mark.parametrize("text, expected", [
    # a list entry of several words capitalised as a whole is the label, not a name
    ("Officials of the Deep State who hide behind anonymity were named.", [("deep state", "pejorative_label")]),
    ("Deep State officials are in a hurry.", [("deep state", "pejorative_label")]),
    # inside a longer name it is still part of the name
    ("He read Deep State Weekly on the train.", []),
    # other entries capitalised as a whole are mostly titles of works or names of groups
    ("She read the novel Collateral Damage last year.", []),
    ("The rapper's album Scorched Earth topped the charts.", []),
])
def test_capitalised_labels(make_article, text, expected):
    m = loaded_words(make_article("News", text))
    assert sorted(zip(m["matched"].str.lower(), m["category"])) == expected


def test_title_case_allows_abbreviations_and_hyphenated_words(make_article):
    for headline in ("City Councils Ban e-bikes from Parks", "Storm May Hit Coast by 6 a.m. Friday"):
        assert sentence_words(make_article(headline, "Text."))["s1"].title_case, headline


def test_a_body_sentence_s_first_word_is_no_evidence_of_a_name(make_article):
    a = make_article("Horrific Crash Kills Three", "Horrific scenes unfolded on the motorway.")
    m = loaded_words(a)
    assert "Horrific" in set(m[m["sentence_id"] == "s1"]["matched"])

"""Hedges, boosters and modals (analysis.language.stance)."""

from __future__ import annotations

import pytest

from analysis.language.stance import stance_markers, stance_rates


def _stance(make_article, text):
    m = stance_markers(make_article("News", text))
    return sorted(zip(m["term"], m["category"]))


def _hedges(make_article, text):
    m = stance_markers(make_article("News", text))
    m = m[m["category"] == "hedge"]
    return list(zip(m["matched"].str.lower(), m["subcategory"]))


def test_may_modal_and_month(make_article):
    # a hedging modal is one hedge (subcategory modal), never also a modal row
    assert _stance(make_article, "I may go.") == [("may", "hedge")]
    assert _hedges(make_article, "I may go.") == [("may", "modal")]
    assert _stance(make_article, "We met in May.") == []
    assert _stance(make_article, "The vote is on May 5.") == []


def test_will_noun_is_not_a_modal(make_article):
    assert _stance(make_article, "The will of the people matters.") == []
    assert _stance(make_article, "They will decide.") == [("will", "modal")]


def test_will_as_a_first_name_is_not_a_modal(make_article):
    # a name and then a finite verb or a comma: "Will" is the person's first name
    assert _stance(make_article, "Will Creely is a vice president at the foundation.") == []
    assert _stance(make_article, "Will Smith, the actor, said no.") == []
    assert _stance(make_article, "Will Creely said the rules will change.") == [("will", "modal")]
    # a question: the modal with a name or a noun as its subject and a bare verb after it
    assert _stance(make_article, "Will Smith arrive on time?") == [("will", "modal")]
    assert _stance(make_article, "Will voters back the plan?") == [("will", "modal")]


def test_multi_word_cues_count_once(make_article):
    assert _stance(make_article, "It is possible that it rains.") == [("it is possible that", "hedge")]
    assert _stance(make_article, "There is no doubt about it.") == [("there is no doubt", "booster")]


def test_must_booster_only_for_conclusions(make_article):
    assert _stance(make_article, "The form must be completed in English.") == [("must", "modal")]
    assert _stance(make_article, "That must be a mistake.") == [("must", "booster")]
    assert _stance(make_article, "They must have known about the raid.") == [("must", "booster")]
    # an exhortation and an obligation to have something
    assert _stance(make_article, "We must be patient with the talks.") == [("must", "modal")]
    assert _stance(make_article, "We must have faith in the courts.") == [("must", "modal")]
    assert _stance(make_article, "Schools must not be closed but must be a place to learn.") == [
        ("must", "modal"), ("must", "modal")]


def _boosters(make_article, text):
    m = stance_markers(make_article("News", text))
    return m.loc[m["category"] == "booster", "matched"].str.lower().tolist()


@pytest.mark.parametrize("text, expected", [
    # "never" boosts only when emphatic
    ("He had never talked to the coach.", []),
    ("The war will never end.", []),
    ("It has never been done before.", ["never"]),
    ("He never spent a more harrowing afternoon.", ["never"]),
    # "prove" as "turn out" is no commitment
    ("The hit proved to be the winning run.", []),
    ("The new rules will prove one of the hardest problems.", []),
    ("The test proved that the drug works.", ["proved"]),
    # "actually" and "really" in their plain senses
    ("Nobody knows what actually happened at the meeting.", []),
    ("The minister actually voted against the bill.", ["actually"]),
    ("Nobody really expects an evacuation.", []),
    ("Neither of them really wanted the job.", []),
    ("The singer was really beautiful.", []),                  # a degree
    ("The story is really true.", ["really"]),
    ("The merger, which actually was the harder course, won.", ["actually"]),
    ("The tests proved there is a demand.", ["proved"]),
    ("I will demonstrate at any time that the charge is false.", ["demonstrate"]),
    ("The firm has a demonstrated capacity for growth.", []),  # describes a thing
    ("He is the undisputed financial leader of the town.", []),
    ("The picture emerges very clearly.", []),
    # "clearly" of manner, "definite" as specific, "demonstrate" as protest
    ("The mayor should state clearly what the plan is.", []),
    ("The exits are clearly marked.", []),
    ("The data clearly show that prices rose.", ["clearly"]),
    ("There is no definite timetable.", []),
    ("Nothing is definite yet.", ["definite"]),
    ("Students demonstrated against the war.", []),
    ("The study demonstrated that the vaccine works.", ["demonstrated"]),
    # size and degree, focus and frequency are not certainty
    ("The strike marked a significant escalation.", []),
    ("Prices rose significantly last year.", []),
    ("The result is significant.", ["significant"]),
    ("Significantly, the report names no suspects.", ["significantly"]),
    ("This is especially true of the south.", []),
    ("The office is always open.", []),
    # "clear" with "that" left out after "it" and a linking verb; the plain adjective is no booster
    ("It was clear the plan had failed.", ["clear"]),
    ("It is now clear he will run.", ["clear"]),
    ("It was not clear whether he would run.", []),
    ("The skies were clear all day.", []),
    ("The officials are confident that the bill will pass.", ["confident that"]),
    ("Without a doubt, this is the best team.", ["without a doubt"]),
])
def test_boosters_only_where_they_commit(make_article, text, expected):
    assert _boosters(make_article, text) == expected


def test_literal_appear_is_not_a_hedge(make_article):
    assert _stance(make_article, "He was served a notice to appear before a judge.") == []
    assert _stance(make_article, "The plan appears doomed.") == [("appears", "hedge")]


@pytest.mark.parametrize("text, expected", [
    ("The mayor is believed to have left the city.", [("is believed to", "doxastic")]),
    ("Many historians regarded the treaty as a failure.", [("regarded", "doxastic")]),
    ("The bridge is considered the oldest in the region.", [("considered", "doxastic")]),
    ("The drug was considered by some doctors to be unsafe.", [("considered", "doxastic")]),
    ("The council is expected to vote next week.", [("expected", "doxastic")]),
    ("The alleged bribe was never found.", [("alleged", "reporting")]),
    ("The ship was allegedly sold twice.", [("allegedly", "reporting")]),
    ("The singer is said to own three castles.", [("is said to", "reporting")]),
    ("Engineers will check whether the dam holds.", [("whether", "investigation")]),
    ("If the rain continues, the road will close.", [("if", "conditional")]),
    ("The storm probably caused the outage.", [("probably", "speculative")]),
    # fear of an outcome is a belief that it may happen
    ("Many residents fear that the plant will close.", [("fear", "doxastic")]),
    ("Officials fear the storm will cut power.", [("fear", "doxastic")]),
    ("Farmers feared losing their land.", [("feared", "doxastic")]),
    ("Shares fell amid fears of a recession.", [("fears", "doxastic")]),
    ("The plan was dropped over fears it might strain the budget.", [("fears", "doxastic"), ("might", "modal")]),
    ("The senator holds the view that the tax is unfair.", [("view", "doxastic")]),
    ("Their view is that the law is unfair.", [("view", "doxastic")]),
    ("It is not impossible that the vote is delayed.", [("not impossible", "speculative")]),
])
def test_hedge_subcategories(make_article, text, expected):
    assert _hedges(make_article, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Around 300 people came.", [("around", "approximator")]),
    ("The town has an estimated 2,000 residents.", [("an estimated", "approximator")]),
    ("The bill costs about $5 million.", [("about", "approximator")]),
    ("They waited 20 minutes or so.", [("or so", "approximator")]),
    ("Nearly half of the voters stayed home.", [("nearly", "approximator")]),
    # a preposition or a degree word, not an approximation of a quantity
    ("They argued about the plan.", []),
    ("She walked around the lake.", []),
    ("The building was almost finished.", []),
])
def test_approximators_only_before_numbers(make_article, text, expected):
    assert _hedges(make_article, text) == expected


@pytest.mark.parametrize("text", [
    "He had a sudden thought.",                # the noun
    "In this regard the plan failed.",         # the noun
    "Police arrested the suspect on Monday.",  # the noun
    "She could not attend the meeting.",       # past inability
    "From the roof he could see the harbour.",  # ability with a perception verb
    "Finish the work as soon as possible.",    # a fixed phrase, not a hedge
    "The grant made the school possible.",     # enabling, not epistemic
    "She suggested a compromise.",             # a person proposing something
    "The results were often late.",            # frequency, not uncertainty
    "The rise indicates a shift in demand.",   # evidence reported, not hedged
    "The mayor said he would appeal the ruling.",               # the future of reported speech
    "The company announced that the plant would close in May.",
    "Officials told reporters the vote would go ahead.",
    "The company said the suit was without merit and that it would fight it in court.",
    "Some neighbors who said it would worsen traffic objected.",  # reported inside a relative clause
    "A deal, officials said, would be signed next week.",        # a source set off by commas
    "The plant, the company announced on Monday, would close in May.",
    "The vote, according to aides, would be delayed.",
    "The deal, two senior officials familiar with the negotiations said, would end the war.",
    "The plant, the company said in a statement, would close.",
    "The vote, officials told reporters, would go ahead.",
    "Students were punished for their conservative political beliefs.",  # a conviction, not "the belief that"
    "The plan was well thought out.",
    "Families live in constant uncertainty.",                   # a state, not doubt about something
    "The board will consider extensions for the tenants.",      # to think about
    "Disciplinary measures will be considered against the staff.",  # weighed up, not believed
    "The bill will be considered next week.",
    "Such plans are being considered.",
    "He held the door so she could escape.",                    # a purpose
    "The deal, said one official, would end the strike.",       # the speaker after the verb
    "The plan would, officials said, cost more.",               # the aside after "would"
    "She has a fear of heights.",                               # the emotion, not a belief
    "They lived in fear for years.",
    "The villagers fear him.",
    "He feared for his life.",
    "They acted out of fear and we never shall fear to act.",
    "The hotel offers a view that stretches to the sea.",       # a relative clause, not a belief
    "We enjoyed the view of the bay.",
    "Nobody knows how the agency views that sum.",              # the verb
    "The company would like to expand into Asia.",              # volition
    "Most voters would rather keep the old system.",
    "The tests would later lead to a record jump.",             # the future in the past of a narrative
    "She would go on to win three titles.",
    "Years later, Smith would say the deal saved the firm.",
    "It is possible to travel by train.",                       # root possibility: it can be done
    "This is the maximum possible speed.",
    "Smith could not be reached for comment.",                  # a failed attempt, a fact
    "The suspect could not immediately be located.",
    "She did what she could to persuade them.",                 # ability in a free relative
    "The ship sank before the crew could escape.",
    "I swung my right as hard as I could.",
    "All I could remember was the ceiling.",
    "He felt there was nothing he could do about it.",
    "Sustaining members may sign up at $25 for the season.",   # permission
    "Anyone interested may apply at the library.",
    "The board met so that the information would be centralized.",  # a purpose
    "Officials acted to make sure that the next steps would be more fruitful.",
    "The mayor would not comment on the case.",                 # a refusal
    "The agency estimated there would be 182 new teachers.",    # the future of reported speech
    "He assured the council that he would study the method.",
    "The announcement that the city would sue came on Friday.",
    "Officials estimated the programs would cost 5 million dollars and would go up later.",
    "Prices vary depending on whether you buy online.",         # alternatives, not an open question
    "The party thinks for the good of the people.",             # cognition, not belief
    "He believes in dividing everything.",                      # a conviction
    "It is apparent that no formula has been found.",           # evident: a booster
    "The general assumed control of the city.",                 # to take on
])
def test_literal_uses_are_not_hedges(make_article, text):
    assert _hedges(make_article, text) == []


def test_frequency_and_speculation_contrast(make_article):
    assert _hedges(make_article, "The data suggest the drug works.") == [("suggest", "speculative")]
    assert _hedges(make_article, "She could win the race.") == [("could", "modal")]
    assert _hedges(make_article, "The talks would fail without a deal.") == [("would", "modal")]
    # a possibility left open, a hedged opinion, a relative clause and a condition stay hedges
    assert _hedges(make_article, "A second attack could not be ruled out.") == [("could", "modal")]
    assert _hedges(make_article, "I would not say the race is over.") == [("would", "modal")]
    # a refusal is no hedge, the open question after it is
    assert _hedges(make_article, "Hughes would not say whether he was running.") == [("whether", "investigation")]
    assert _hedges(make_article, "They agreed to form a government that would unite the country.") == [
        ("would", "modal")]
    assert _hedges(make_article, "She disclosed that the list would, if completed, have helped them.") == [
        ("would", "modal"), ("if", "conditional")]
    assert _hedges(make_article, "Taxes rose so that prices may fall.") == [("may", "modal")]
    assert _hedges(make_article, "Residents may face higher bills.") == [("may", "modal")]  # not a permission
    assert _hedges(make_article, "Analysts assumed the plan would fail.") == [("assumed", "doxastic"),
                                                                             ("would", "modal")]
    # "if" after a verb of asking is an open question, "as if" a comparison
    assert _hedges(make_article, "I don't know if he will play.") == [("if", "investigation")]
    assert _hedges(make_article, "It looks as if the talks have failed.") == [("if", "speculative")]
    assert _hedges(make_article, "The jobs plan is understood to follow these lines.") == [
        ("is understood to", "reporting")]
    assert _boosters(make_article, "The hearing left little doubt that they will pass it.") == ["little doubt"]
    # a past habit stays a hedge: "often" also follows a hypothetical "would"
    assert _hedges(make_article, "It is not a situation that would often arise.") == [("would", "modal")]
    # "later" after an "if" is the condition's, not a narrative's
    assert _hedges(make_article, "If she had left later, she would have missed the train.") == [
        ("if", "conditional"), ("would", "modal")]
    # a present verb of saying reports a prediction that still hedges
    assert _hedges(make_article, "Critics say the plan would hurt farmers.") == [("would", "modal")]
    assert _hedges(make_article, "The belief that the vote was rigged spread.") == [("belief", "doxastic")]
    assert _hedges(make_article, "There is uncertainty about the outcome.") == [("uncertainty", "speculative")]
    assert _hedges(make_article, "The plan, critics say, would hurt farmers.") == [("would", "modal")]
    # a relative clause or a participle set off by commas is no source: "would" is the writer's
    assert _hedges(make_article, "The plan, which he announced, would cost 5 billion dollars.") == [("would", "modal")]
    assert _hedges(make_article, "The merger, announced Tuesday, would create a giant.") == [("would", "modal")]
    for text in ("The plan, a measure the governor announced in March, would cut taxes.",  # an appositive
                 "The project, the biggest the company has announced, would create 2,000 jobs.",
                 "The law, passed after the governor warned of shortages, would ban sales."):
        assert _hedges(make_article, text) == [("would", "modal")], text
    # a verb of saying inside the subject leaves "would" to the writer
    for text in ("Voters who said they were undecided would decide the race.",
                 "The proposal agreed by ministers would cap energy prices.",
                 "Everyone he told would keep the secret.", "The bill announced Tuesday would raise taxes."):
        assert _hedges(make_article, text) == [("would", "modal")], text


def test_stance_seed(seed):
    m = stance_markers(seed)
    hedges = m[m["category"] == "hedge"]
    assert list(zip(hedges["matched"], hedges["subcategory"], hedges["sentence_id"])) == [
        ("potential", "speculative", "s4"), ("appears", "speculative", "s8"), ("potential", "speculative", "s9"),
        ("approximately", "approximator", "s10"), ("might", "modal", "s12"), ("suggest", "speculative", "s13"),
        ("could", "modal", "s13"), ("estimated at", "approximator", "s16"),
        ("around", "approximator", "s16"), ("may", "modal", "s16")]
    assert "indicating" not in set(m["matched"])
    # "especially/particularly given", "a significant escalation" say which case or how much, not how sure
    assert m.loc[m["category"] == "booster", "matched"].tolist() == ["evident"]
    # no word is counted twice: might, could and may are hedges only
    assert m.loc[m["category"] == "modal", "matched"].tolist() == []
    assert not m.duplicated(["start", "end"]).any()
    rates = stance_rates(seed, m).set_index("category")
    assert rates.loc["hedge", "count"] == 10 and rates.loc["hedge", "per_1000"] == round(10 * 1000 / 417, 2)

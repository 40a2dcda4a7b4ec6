"""Loaded words, issue 14 follow-up: doubt-casting report verbs, labels for people, tagging slips and the
context rules for literal and reported uses (analysis.language.loaded). Constructed sentences only."""

from __future__ import annotations

import pytest

from analysis.language.loaded import loaded_words


def _flags(make_article, text):
    loaded = loaded_words(make_article("News", text))
    return [(m.lower(), c) for m, c in zip(loaded["matched"], loaded["category"])]


@pytest.mark.parametrize("text, expected", [
    # "claim" as a report verb casts doubt on what it reports (Wikipedia MOS:CLAIM)
    ("The senator claimed the vote had been fixed.", [("claimed", "doubt")]),
    ("The company claims to have solved the problem.", [("claims", "doubt")]),
    ("Residents claim that the water is safe.", [("claim", "doubt")]),
    # a negative opinion noun whose first WordNet sense is a person: a label
    ("He is a fool, the columnist wrote.", [("fool", "emotive")]),
    # an adjective the tagger read as a noun is still an adjective
    ("Residents blamed the horrific shooting on the council.", [("horrific", "emotive")]),
    # an evaluative adjective before an abstract noun is a judgement
    ("The toxic debate divided the town.", [("toxic", "emotive")]),
    # a label with a lower-case word is not inside a name
    ("He blamed the Chinese coronavirus for the slump.", [("chinese coronavirus", "pejorative_label")]),
    # "see" without "as" is perception, not a reported view
    ("Visitors came to see the horrific damage.", [("horrific", "emotive")]),
    # intensifier before a negative adjective
    ("The regulator found the conduct increasingly concerning.", [("increasingly concerning", "intensified")]),
    # labels and charges of the immigration debate (loaded_words 1.9)
    ("The xenophobic policy split the town.", [("xenophobic", "evaluative")]),
    ("Nativists and lawbreakers, the mayor's allies call them.", [("nativists", "pejorative_label"),
                                                                  ("lawbreakers", "pejorative_label")]),
    ("Republicans demonize the families who cross the border.", [("demonize", "evaluative")]),
    ("The agency sent jackbooted officers into the town.", [("jackbooted", "pejorative_label")]),
    # a plural noun the opinion lexicon lists only in the singular
    ("The cowards ran, and the bullies stayed.", [("cowards", "emotive"), ("bullies", "emotive")]),
    # an adjective that judges worth is a judgement even before a thing
    ("They built a useless wall on the border.", [("useless", "emotive")]),
    # a sentence's first word, an adjective the tagger read as a name before a capitalised word
    ("Heartless ICE agents tore the families apart.", [("heartless", "emotive")]),
    ("Shameless Republicans blocked the bill.", [("shameless", "emotive")]),
    # the same words judging people or their acts stay flagged
    ("The handling of the storm was a catastrophic failure.", [("catastrophic", "dramatic")]),
    ("Opposition leaders clashed with the governor over the budget.", [("clashed", "dramatic")]),
    ("The senator's extreme views alarmed donors.", [("extreme", "evaluative")]),
    ("The bill is reckless and wasteful.", [("reckless", "evaluative"), ("wasteful", "emotive")]),
    # police, crowds or forces only as a topic, weather as a figure of speech, a view cut off by a clause
    ("Republicans clashed with police unions over the budget.", [("clashed", "dramatic")]),
    ("Candidates clashed over police reform.", [("clashed", "dramatic")]),
    ("The senator faced a devastating political storm.", [("devastating", "dramatic")]),
    ("A violent storm of protest greeted the plan.", [("violent", "emotive")]),
    ("A storm erupted over the senator's remarks.", [("erupted", "dramatic")]),
    ("The plan, which critics called reckless, was cruel and wasteful.", [("cruel", "evaluative"),
                                                                        ("wasteful", "emotive")]),
    ("Workers were told about the restructuring on Monday.", [("restructuring", "euphemism")]),
    # a brand or a title is not re-tagged; an opener before a group is
    ("Nasty Gal founder Sophia Amoruso spoke on Tuesday.", []),
    ("The company announced a restructuring on Monday.", [("restructuring", "euphemism")]),
    # "claim" before a clause reports an assertion, even when a thing that can be claimed opens the clause
    ("He claimed the land belonged to his grandfather.", [("claimed", "doubt")]),
    ("The senator claimed the victory was stolen.", [("claimed", "doubt")]),
    ("Critics claim to significantly doubt the figures.", [("claim", "doubt")]),
    # people as a flood: a verb, or a flow across a border
    ("Migrants flood the towns every summer.", [("flood", "threat")]),
    ("A flood of migrants crossed the river.", [("flood of", "threat")]),
    # "illegal" of people stays flagged: "illegal migrants" as the label (loaded_words 1.11), like "illegal immigrants"
    ("Illegal migrants were detained at the border.", [("illegal migrants", "pejorative_label")]),
    ("The boat carried illegal migrants.", [("illegal migrants", "pejorative_label")]),
    # idioms, people as a flood, evaluative nouns (loaded_words 1.9)
    ("The governor has blood on his hands.", [("blood on his hands", "dramatic")]),
    ("The ruling was a slap in the face to voters.", [("slap in the face", "evaluative")]),
    ("Migrants are pouring across the border, the column said.", [("pouring across", "threat")]),
    ("The plan shows the greed and incompetence of the council.", [("greed", "evaluative"),
                                                                  ("incompetence", "evaluative")]),
    # a crackdown on people, protest or an activity is the militaristic metaphor
    ("The government launched a crackdown on immigrants.", [("crackdown", "militaristic")]),
    ("The regime cracked down on dissent.", [("cracked down", "militaristic")]),
    # an offence's name only as the pair: the same adjectives judge other nouns
    ("His reckless conduct endangered the public.", [("reckless", "evaluative")]),
    ("Their shameful conduct angered voters.", [("shameful", "evaluative")]),
    # technical terms and arms words only as those: the same words elsewhere stay flagged
    ("The plan had devastating consequences for farmers.", [("devastating", "dramatic")]),
    ("Critics blasted the plan.", [("blasted", "dramatic")]),
    # the title's word lower-case and in its own sense is still the writer's
    ("The editorial \u201cConfrontation\u201d asked for calm. The confrontation was ugly.",
     [("confrontation", "dramatic"), ("ugly", "emotive")]),
    ("The senator told lies about the vote.", [("lies", "evaluative")]),
    # a negated adjective without a negative prefix keeps the writer's word
    ("The threat did not seem terribly ominous.", [("terribly ominous", "intensified")]),
    # the writer's own conviction is the writer's view
    ("I am convinced that the plan is reckless.", [("reckless", "evaluative")]),
])
def test_new_sources_flag(make_article, text, expected):
    assert _flags(make_article, text) == expected


def test_flags_carry_reasons(make_article):
    a = make_article("News", "The senator claimed the vote had been fixed. He is a fool, the columnist wrote.")
    loaded = loaded_words(a)
    reasons = dict(zip(loaded["matched"], loaded["reason"]))
    assert "casts doubt" in reasons["claimed"]
    assert "noun for a person" in reasons["fool"]


@pytest.mark.parametrize("text", [
    "She filed an insurance claim after the storm.",            # "claim" as a noun: a demand, not a report verb
    "The union made a claim for higher pay.",
    "Officials rejected the claims.",
    "Critics of the plan met on Monday.",                       # the ordinary noun for a role
    "The suspect was arrested on Monday.",
    "Police caught the fugitive in Ohio.",                      # more role nouns whose first WordNet sense is a
    "A stranger helped the family, and the sufferers got help.",  # person (emotive_exclusions 1.8)
    "Workers joined the picket; the underdog won; he lived in exile.",
    "It was a near miss for the pilots.",                       # a failure to hit, not "a young woman"
    "He re-entered the country illegally in 2019.",             # an action (AP Stylebook 2013)
    "Police seized illegal ammunition at the border.",          # adjective describing a concrete thing
    "Police found toxic chemicals in the shed.",
    "A vicious dog bit the postman.",                           # an animal stays an animal, though "dog" also
    "The wild pigs damaged the crops.",                         # has senses for a person
    "Critics call the policy xenophobic.",                      # a reported view
    "He claimed asylum at the border in May.",                  # "claim" with a thing claimed: to demand or take
    "The group claimed responsibility for the attack.",
    "The storm claimed the lives of five people.",
    "She claimed her second title on Sunday.",
    "The fire claimed 12 lives, and she claimed another title.",
    "The town's claim to fame is its bridge.",                  # "claim to" before no verb: a right or a title
    "China lays claim to the islands.",
    "Customs officers seized illegal imports of ivory.",        # a thing, though "import" has a rare person sense
    "The flood destroyed homes in the valley.",                 # the disaster itself
    "Floodwater poured across the highway.",                    # water, weather and light flow literally
    "Wave after wave of storms hit the coast.",
    "Fans streamed across the pitch after the final whistle.",  # a flow "across" that crosses no border
    "Rusty Staub hit a home run.",                              # a first name, though also an adjective
    "Extreme heat closed schools, and bitter cold followed.",   # weather described literally
    "Violent storms knocked out power; the storm intensified overnight.",
    "Temperatures plummeted as fierce winds fanned the wildfire.",
    "Protesters clashed with police after the verdict.",        # crowds, police and forces: the plain words
    "Troops and rebels clashed near the border, and protests erupted.",
    "Officers were ambushed on the highway; bitter winter cold followed.",
    "A devastating flood hit the town, and catastrophic fires swept the hills.",
    "A tornado struck the town; a man struck a cab driver.",   # the past of "strike" (emotive_exclusions 1.9)
    "Critics called the bill reckless and wasteful.",           # both adjectives are the critics' view
    "Producers announced an unexpected cut in output.",         # a surprise reported (emotive_exclusions 1.9)
    "The automaker will cut 3,000 jobs as part of a restructuring.",  # the euphemism hides nothing here
    "Fans were streaming into the stadium.",                    # a crowd, not people as a flood
    "Illegal border crossings fell in March.",                  # "illegal" of the act, not of people (AP 2013)
    "He was charged with illegal entry and illegal reentry.",
    "The controversial bill passed amid rising tensions.",      # plain news words (emotive_exclusions 1.9)
    "They see the plan as reckless.",                           # "see ... as": a view the writer reports
    "Witnesses described the scene as horrific.",
    "Commentators called the answer absolutely right.",         # a reported view
    "Critics called the plan costly, reckless and wasteful.",   # a list of adjectives is the view's as a whole
    "Critics called the plan costly, reckless, and wasteful.",
    "A federal judge ruled that the law was unconstitutional.",  # a finding reported, not the writer's verdict
    "The court declared the ban unconstitutional and void.",
    "The appeals court found the policy unlawful.",
    "The judge struck down the law as unconstitutional.",
    "The law was found unconstitutional by the high court.",
    "The company filed a claim that the insurer refused to pay.",  # a claim filed is a demand
    "The team hired a new defensive coordinator on Monday.",    # "defensive" before a noun classifies it
    "Troops dug defensive positions along the river.",
    "The Supreme Court ruled the ban unconstitutional Tuesday.",  # a time word after the finding
    "An appeals court ruled that the state's 2019 ban on the sale of assault weapons was unconstitutional.",
    "The judge ruled that the law, which took effect in January, was unconstitutional.",  # an aside skipped
    "The panel found the policy arbitrary, capricious and unlawful.",  # a list of findings
    "The jury found the officers' use of force excessive and unjustified.",
    "The inquiry concluded that the police response was inadequate and chaotic.",
    "The court rejected their argument that the law is unconstitutional.",  # a noun for a view and its "that" clause
    "He filed an insurance claim that was later denied.",       # a kind of claim
    "The family filed a $2 million claim that the city rejected.",  # the filing verb past the modifiers
    "The claim that he filed was denied.",                      # a relative clause of filing
    "Children are mildly iodine deficient, and adverse effects are rare.",  # technical (emotive_exclusions 1.10)
    "The team was initially denied visas.",
    "One of them grabbed her hair and pulled her backward.",    # a direction (category adverb)
    "Thousands are suffering from malnutrition and cancer.",    # suffering from a condition (noun.state)
    "Judges ruled the detention unlawful and the treatment inhumane.",  # a second finding in the same verb
    "The commission concluded that the prime minister had been dishonest and reckless.",
    "A judge ruled last week that the policy was discriminatory.",
    "The court struck the provision as vague.",
    "The claim that the insurer rejected was later paid.",      # a relative clause about a claim
    "Jobless claims that rose last week surprised economists.",
    "Hundreds of bridges are structurally deficient.",          # a measure (category technical)
    "Many considered him arrogant and incompetent.",            # a view reported of many people
    "Some of the protests turned violent.",                     # what happened (category event)
    "Violent crime rose 5 percent after a violent attack in May.",
    "He was charged with reckless driving and disorderly conduct.",  # the names of offences
    "The striker was sent off for violent conduct.",
    "Thailand has cracked down on human trafficking.",         # enforcement against a crime
    "A crackdown on tax evasion and fraud began in March.",
    "Thompson reported that the leader's mood was cocky and aggressive.",  # a view the writer reports
    "Critics argued that the plan was reckless.",
    "Thank you for the editorial \u201cConfrontation\u201d. \u201cConfrontation\u201d should fortify us.",  # a title
    "The only hope for the city lies in a compromise.",        # the verb of position
    "Trouble lies ahead for the party.",
    "The custom is peculiar to the region.",                    # belonging only to
    "The mayor is not insensitive to criticism.",             # litotes: a double negative
    "U.S. coal is cheap and the unemployed are needy.",         # descriptive words (emotive_exclusions 1.11)
    "Funds go to disabled veterans and chronic disease programs.",  # technical terms
    "Aid targets depressed areas of the state.",
    "The city will change garbage collection days.",
    "After a nuclear blast the city was empty.",                # force words in a sentence about arms
    "The factories were devastated by the bombing.",
    "Police announced a crackdown on drunk driving.",
    "The city began a crackdown on reckless driving near schools.",
    "He was angry about the decision.",                         # a person's feeling, said of the person
    "Residents felt frustrated and lonely.",
    "Jones, unhappy that the debate was short, left early.",
    "The legislators are already weary and restless.",
    "They were both discouraged and miserable.",
    "I'm sorry to hear it.",
    "The girls, after dressing, were indignant.",               # an aside between the person and the verb
    "We should not become confused over the numbers.",
    "They have been lonely for weeks.",
    "Yet we no longer feel uneasy.",                            # a comparative adverb before the verb
    "When the husband returns to his wife, both seem sorry.",  # a clause before the comma, then the person
    "The churches condemned the practice, a conviction that it was immoral.",  # a belief noun + "that"
    "Rents stayed scarce and the change was abrupt.",           # words of amount and pace (emotive_exclusions 1.12)
    "The party won an overwhelming majority and broke the vicious circle.",  # technical pairs
    "Officials reported isolated incidents, sporadic delays and a tentative deal.",  # extent and status (1.12)
])
def test_literal_role_and_reported_uses_are_not_flagged(make_article, text):
    assert _flags(make_article, text) == []


def test_positive_adjective_after_intensifier_is_not_an_intensified_evaluation(make_article):
    # "absolutely" alone is a listed intensifier; the positive adjective does not make it an intensified evaluation
    assert _flags(make_article, "The minister was absolutely right about the budget.") == [("absolutely", "intensifier")]


@pytest.mark.parametrize("text, expected", [
    # a finding's adjective before a noun, or after another finite verb, is the writer's
    ("The general who ruled the country with brutal force died.", [("brutal", "evaluative")]),
    ("The rally held Saturday turned violent.", [("violent", "emotive")]),
    # a list interrupted by a clause: only the adjective inside the view is the critics'
    ("The plan, which critics called costly, was reckless, cruel and wasteful.",
     [("reckless", "evaluative"), ("cruel", "evaluative"), ("wasteful", "emotive")]),
    # "defensive" as a predicate, or before a noun for a manner, judges a person
    ("The minister grew defensive when asked about the cuts.", [("defensive", "emotive")]),
    ("The minister grew defensive Tuesday.", [("defensive", "emotive")]),
    ("She struck a defensive tone and gave a defensive answer.", [("defensive", "emotive"), ("defensive", "emotive")]),
    # other senses of the verbs of finding, a subordinate clause, a finding in the first person: the writer's words
    ("The general ruled the country for three decades and was ruthless.", [("ruthless", "evaluative")]),
    ("The mayor held a press conference on Monday and was combative.", [("combative", "emotive")]),
    ("The coach called a timeout because the defense was sloppy.", [("sloppy", "emotive")]),
    ("The judge declared a mistrial because the testimony was inflammatory.", [("inflammatory", "evaluative")]),
    ("I find the governor's excuses pathetic.", [("pathetic", "emotive")]),
    ("The ruling party is arrogant.", [("arrogant", "emotive")]),
    # ", and" before an adjective and a noun begins a new clause, not the end of a list
    ("Critics called the budget wasteful, and reckless borrowing has pushed the deficit higher.",
     [("reckless", "evaluative")]),
    # the assertion of a claim, whatever its kind
    ("Lawyers made the legal claim that the election was stolen.", [("claim", "doubt")]),
    # suffering from acts done to people stays a plea for sympathy
    ("Families suffering from persecution fled the country.", [("suffering", "sympathy")]),
    ("His backward views shocked the panel.", [("backward", "emotive")]),
    # the second review of the step: the writer's own verdicts and other senses stay flagged
    ("I consider the policy cruel and counterproductive.", [("cruel", "evaluative"), ("counterproductive", "emotive")]),
    ("The government found itself powerless.", [("powerless", "emotive")]),
    ("Many will find the decision outrageous.", [("outrageous", "evaluative")]),
    ("The prosecution's claim that Smith submitted false documents was rejected.", [("claim", "doubt")]),
    ("He adopted a defensive attitude.", [("defensive", "emotive")]),
    ("The region remained economically backward.", [("backward", "emotive")]),
    ("The agency's response was deficient and slow.", [("deficient", "emotive"), ("slow", "emotive")]),
    ("The suffering from the famine was immense.", [("suffering", "sympathy")]),
    ("His violent rhetoric alarmed voters.", [("violent", "emotive")]),
    # a feeling before a noun, or said of a thing, is the writer's description
    ("An angry crowd gathered outside.", [("angry", "emotive")]),
    ("It was a miserable failure.", [("miserable", "emotive")]),
    ("The budget talks were miserable.", [("miserable", "emotive")]),
    ("You should be angry about this.", [("angry", "emotive")]),  # the writer urges the feeling
    # a fire service's ranks and units are no armed force: the metaphor stays the writer's
    ("Battalion Chief John Smith said the council had declared war on the new tax.", [("war on", "militaristic")]),
    ("The fire brigade said the council had declared war on the new tax.", [("war on", "militaristic")]),
    ("The remedy for Thompson's despondent mood was simple.", [("despondent", "emotive")]),  # a possessive, no verb  # words, not an act or an event
    ("There is no evidence for the claim that immigrants increase crime.", [("claim", "doubt")]),
    # a claim asserted (a noun not filed, or the verb) still casts doubt
    ("Her false claim that she won was rejected.", [("claim", "doubt")]),
    ("Officials claim that the wall works.", [("claim", "doubt")]),
])
def test_findings_lists_and_claims_keep_the_writers_words(make_article, text, expected):
    assert _flags(make_article, text) == expected


def test_adjective_is_flagged_in_the_writers_voice_not_in_a_courts_finding(make_article):
    # the same adjective is flagged in the writer's voice and not as the court's finding
    a = make_article("News", "The law is unconstitutional. A judge ruled the law unconstitutional.")
    loaded = loaded_words(a)
    assert list(loaded["matched"]) == ["unconstitutional"]
    assert loaded["sentence_id"].iloc[0] == a.sentences[1].id

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
    "Hundreds of protesters shouted as Murray tried to speak.",  # the only verb before "as" + a clause
    "Several students walked out when he spoke.",
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


@pytest.mark.parametrize("sentence, expected", [
    # a participle joined to a passive shares its auxiliary
    ("He was arrested on Tuesday and charged with murder.", [("was arrested", "be", "was"), ("charged", "be", "was")]),
    ("The man was convicted of fraud and sentenced to ten years.",
     [("was convicted", "be", "was"), ("sentenced", "be", "was")]),
    ("The houses were built in 1990, sold in 2000 and demolished last year.",
     [("were built", "be", "were"), ("sold", "be", "were"), ("demolished", "be", "were")]),
    ("The film, produced by Joe Smith and directed by Ann Lee, opens today.",
     [("produced by Joe Smith", "reduced", ""), ("directed by Ann Lee", "reduced", "")]),
    # participial clauses
    ("Founded in 1900, the company now employs 500 people.", [("Founded", "reduced", "")]),
    ("Reared in England, she studied law in Paris.", [("Reared", "reduced", "")]),
    ("The senator, elected in 2010, said she would run again.", [("elected", "reduced", "")]),
    ("The protesters, armed with sticks, marched to the square.", [("armed", "reduced", "")]),
    ("When asked about the plan, she declined to comment.", [("asked", "reduced", "")]),
    ("Offenders face ten years in prison if convicted.", [("convicted", "reduced", "")]),
    # reduced passives before a name, a quotation or a day
    ("A man named Jack Smith was arrested.", [("named", "reduced", ""), ("was arrested", "be", "was")]),
    ("The council approved a report entitled \u201cSafer Streets\u201d on Monday.", [("entitled", "reduced", "")]),
    ("The rules published yesterday will require a permit.", [("published", "reduced", "")]),
    # a past form the tagger calls a past tense, followed by a day and the clause's own verb
    ("He said a meeting held Tuesday night in Blue Ridge brought many new members.", [("held", "reduced", "")]),
    ("A rally held Saturday drew thousands.", [("held", "reduced", "")]),
    # quotation marks between the auxiliary and the participle
    ("Speakers were \u201cviolently confronted\u201d by protesters.",
     [("were \u201cviolently confronted\u201d by protesters", "be", "were")]),
])
def test_coordinated_clauses_and_names(make_article, sentence, expected):
    found = passives(make_article("News", sentence))
    assert [(r.text, r.kind, r.auxiliary) for r in found.itertuples()] == expected


@pytest.mark.parametrize("sentence, expected", [
    ("He was tired and walked home.", []),                                   # a state, then an active verb
    ("The suspect was arrested and confessed to the crime.", ["arrested"]),  # "confess": no object in its main sense
    ("The bill was approved and the governor signed it.", ["approved"]),     # a new subject
    ("He was praised by colleagues and then added that he would retire.", ["praised"]),  # a clause after it
    ("He was born in Italy and did chorus work in Toronto.", ["born"]),     # "did" is never a participle
    ("Shares were halted and resumed trading an hour later.", ["halted"]),  # an object after it
    ("The winners were paid and given tickets.", ["paid", "given"]),        # but a second object of "give"
    ("The rules will apply once approved by parliament.", ["approved"]),  # "once" opens a clause
    ("The debate continued earlier this month when the university canceled a speech.", []),
    ("The senator said Tuesday he would run again.", []),                   # a new subject before the verb
    ("The company announced Monday the plant would close.", []),
    ("Officials confirmed Tuesday in a statement the plan would go ahead.", []),
    ("Students disagreed with a book the author published last year.", []),  # a relative clause without "that"
    ("A ship arrived with supplies, and the crew cheered.", []),             # "arrive" takes no object
    ("Canada has been somewhat out of step with its allies.", []),           # no verb form after "been"
    ("Mr. Smith was uninjured.", []),                                        # an adjective, no verb "uninjure"
    ("The hall was ablaze with color.", []),
])
def test_active_verbs_and_adjectives_after_a_passive(make_article, sentence, expected):
    assert list(passives(make_article("News", sentence))["participle"]) == expected


@pytest.mark.parametrize("sentence, agent", [
    ("Helmets are required by law.", None),                     # a means, not an agent
    ("They may be removed by court order.", None),
    ("The firm was advised by the law firm Smith & Jones.", "the law firm Smith & Jones"),
])
def test_means_are_not_agents(make_article, sentence, agent):
    assert list(passives(make_article("News", sentence))["agent"]) == [agent]


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


@pytest.mark.parametrize("headline, expected", [
    ("Asylum seekers rescued off Indonesian coast", ["rescued"]),   # a headline drops "are"
    ("Man killed in crash on Route 9", ["killed"]),
    ("Man arrested", ["arrested"]),
    ("Senate passed the bill", []),                                 # an object follows: a past tense
    ("Company moved to Texas", []),                                 # "move" takes no object in its main sense
])
def test_headline_passives(make_article, headline, expected):
    found = passives(make_article(headline, "The story was written yesterday."))
    assert list(found.loc[found["sentence_id"] == "s1", "participle"]) == expected

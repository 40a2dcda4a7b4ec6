"""Agent and patient roles from part-of-speech patterns: constructed clauses with known roles, and the seed."""

from __future__ import annotations

from analysis.framing import agency
from analysis.framing.actors import actors


def _roles(art):
    r = agency.roles(art)
    return {(a, role, verb) for a, role, verb in zip(r["actor"], r["role"], r["verb"])}


def test_active_subject_is_agent_and_object_is_patient(make_article):
    art = make_article("News", "The White House instructed the Justice Department to sue the states.")
    got = _roles(art)
    assert ("White House", "agent", "instructed") in got
    assert ("Justice Department", "patient", "instructed") in got
    assert ("Justice Department", "agent", "sue") in got  # "instructed X to V": X does V
    assert ("states", "patient", "sue") in got


def test_passive_subject_is_patient_and_by_phrase_is_agent(make_article):
    art = make_article("News", "Protesters were arrested by police officers on Monday.")
    got = _roles(art)
    assert ("protesters", "patient", "were arrested") in got
    assert ("police officers", "agent", "were arrested") in got
    assert not any(a == "protesters" and r == "agent" for a, r, _ in got)


def test_relative_clause_pronoun_and_coordination(make_article):
    art = make_article(
        "News",
        "Senator Jane Doe spoke on Monday. She criticised the city officials who refuse to cooperate. "
        "Mayors and governors have signed the letter.",
    )
    got = _roles(art)
    assert ("Jane Doe", "agent", "criticised") in got  # she = the last person named
    assert ("city officials", "patient", "criticised") in got
    assert ("city officials", "agent", "refuse") in got
    assert {("mayors", "agent", "have signed"), ("governors", "agent", "have signed")} <= got


def test_linking_verbs_possessors_and_prepositions_give_no_role(make_article):
    art = make_article(
        "News",
        "The Pentagon is ready. The report described the Pentagon's budget. "
        "Tensions between federal agents and police officers are evident.",
    )
    assert agency.roles(art).empty


def test_reporting_verb_object_is_not_a_patient(make_article):
    art = make_article("News", "The State Department said John Kerry called the minister.")
    got = _roles(art)
    assert ("State Department", "agent", "said") in got
    assert not any(a == "John Kerry" and r == "patient" for a, r, _ in got)


def test_seed_agents(seed):
    r = agency.roles(seed)
    agents = r[r["role"] == "agent"]
    pent = set(agents[agents["actor"] == "Pentagon"]["lemma"])
    assert {"announce", "deploy"} <= pent
    jd = agents[agents["actor"] == "Justice Department"]
    assert "has issued" in set(jd["verb"]) and "s6" in set(jd["sentence_id"])
    assert "troops" in set(r[r["role"] == "patient"]["actor"])
    trump = agents[agents["actor"] == "Trump"]
    assert "s3" in set(trump["sentence_id"])  # the headline, tagged again in lower case: "Trump Intensifies"
    assert "s14" in set(trump["sentence_id"])  # "he also faces"


def test_seed_actor_table_has_agency_columns(seed):
    a = actors(seed).set_index("name")
    assert a.loc["Pentagon", "as_agent"] >= 2 and a.loc["Pentagon", "as_patient"] == 0
    assert a.loc["troops", "as_patient"] == 2 and a.loc["troops", "as_agent"] == 0
    table = agency.agency(seed).set_index("actor")
    assert table.loc["Justice Department", "as_agent"] == a.loc["Justice Department", "as_agent"]


def test_role_tuples_match_the_public_table(seed):
    from analysis.framing.agency import ROLE_COLUMNS, Role, role_rows

    rows = role_rows(seed)
    assert list(Role._fields) == ROLE_COLUMNS
    assert rows and [tuple(r) for r in rows] == list(agency.roles(seed).itertuples(index=False, name=None))

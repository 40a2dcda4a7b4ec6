"""Named actors and groups found in the text: constructed sentences with known mentions (titles, aliases,
acronyms, surnames, groups, headlines) and structural invariants of the mention table on the bundled articles."""

from __future__ import annotations

import pytest

from analysis import load_article, parse_article
from analysis.core.tokens import sentence_words
from analysis.framing.attribution import base_attribution_rows
from analysis.framing.entities import (
    ACTOR_KINDS,
    MENTION_COLUMNS,
    Mention,
    mention_rows,
    mentions,
    mentions_by_sentence,
)

from conftest import ROOT

ARTICLES = sorted((ROOT / "data" / "articles").glob("*.txt"))


def _triples(art):
    return [(m.actor, m.kind, m.surface) for m in mention_rows(art)]


# ---------------------------------------------------------------- constructed sentences


def test_venues_places_and_bodies_are_not_taken_for_people(make_article):
    # two capitalised words used to make a person ("Multnomah Hotel"), so "he" could resolve to a hotel
    art = make_article(
        "News",
        "Assistant Secretary Edwin M. Martin spoke at the Multnomah Hotel on Friday. He said the Space Division "
        "would grow. The Federal Reserve Board met as the National Guard arrived at Hospital Road.",
    )
    assert [(m.actor, m.kind) for m in mention_rows(art)] == [
        ("Edwin M. Martin", "person"), ("Multnomah Hotel", "place"), ("Space Division", "organisation"),
        ("Federal Reserve Board", "organisation"), ("National Guard", "government"), ("Hospital Road", "place"),
    ]
    assert [(r.sentence_id, r.source) for r in base_attribution_rows(art)] == [("s3", "Edwin M. Martin")]


def test_an_acronym_in_brackets_spells_out_the_whole_name(make_article):
    # the name loop stops at "to", "Our", "and" and "in"; the acronym's letters show where the name begins
    art = make_article(
        "News",
        "The walk-in was run by the organizer Alliance to Reclaim Our Schools (AROS). Later AROS said more would "
        "follow. Officers of Enforcement and Removal Operations (ERO) made the arrests. Director Tom Baker (TB) "
        "spoke. The Alliance to Reclaim Our Schools met again last week.",
    )
    rows = [(m.actor, m.kind, m.surface) for m in mention_rows(art)]
    assert ("Alliance to Reclaim Our Schools", "organisation", "Alliance to Reclaim Our Schools") in rows
    assert ("Alliance to Reclaim Our Schools", "organisation", "AROS") in rows
    assert "Enforcement and Removal Operations" in [actor for actor, _, _ in rows]
    assert not any(actor in ("Alliance", "Schools", "Removal Operations") for actor, _, _ in rows)
    assert ("Tom Baker", "person", "Director Tom Baker") in rows  # a person's initials are not spelled out
    # written out in full again later, the name is whole too
    assert [m.actor for m in mention_rows(art) if m.sentence_id == "s6"] == ["Alliance to Reclaim Our Schools"]


def test_people_sharing_a_surname_stay_apart(make_article):
    art = make_article(
        "News",
        "Former President Bill Clinton campaigned for Hillary Clinton on Monday. Hillary Clinton thanked him. "
        "Chelsea Clinton spoke too. Clinton said the race was close. Republican Donald Trump replied in Ohio. "
        "Ivanka Trump said the rally was a success. Trump said the polls were wrong. Donald Trump Jr. posted a "
        "video. John Smith and Mary Smith left. Mrs. Smith said she was tired. George H. W. Bush and George W. Bush "
        "spoke. Soviet Premier Nikita S. Khrushchev was quoted. Premier Khrushchev left. Sen. Chris Van Hollen "
        "agreed. Van Hollen said so.",
    )
    rows = [(m.sentence_id, m.actor) for m in mention_rows(art)]
    assert ("s2", "Bill Clinton") in rows and ("s2", "Hillary Clinton") in rows and ("s4", "Chelsea Clinton") in rows
    assert ("s5", "Hillary Clinton") in rows  # a bare surname: the one named in full most often
    assert ("s6", "Donald Trump") in rows  # "Republican" is no part of the name
    assert ("s8", "Donald Trump") in rows  # the main person, not Ivanka named just before
    assert ("s9", "Donald Trump Jr") in rows  # "Jr." is another person
    assert ("s11", "Mary Smith") in rows  # "Mrs." prefers a woman's first name
    assert ("s12", "George H. W. Bush") in rows and ("s12", "George W. Bush") in rows
    assert ("s14", "Nikita S. Khrushchev") in rows
    assert ("s16", "Chris Van Hollen") in rows  # a two-word surname


def test_names_that_are_not_people(make_article):
    art = make_article(
        "News",
        "The Los Angeles Unified School District said schools would reopen. The firm bought Studio B Productions "
        "and a Model T Ford. The Justice Department and General Motors agreed. General Electric fell.",
    )
    kinds = {m.actor: m.kind for m in mention_rows(art)}
    assert kinds["Los Angeles Unified School District"] == "organisation"
    assert kinds.get("Studio B Productions") != "person" and kinds.get("Model T Ford") != "person"
    assert kinds["Justice Department"] == "government"
    assert kinds["General Motors"] == "organisation" and kinds["General Electric"] == "organisation"


def test_surnames_that_are_titles_or_company_words_stay_people(make_article):
    art = make_article(
        "News",
        "Gov. Janet Mills said Maine would sue. Mills told reporters the law was clear. General Mills fell. "
        "Julie Bishop said the talks had stalled. Bishop left early. The Cook County Sheriff arrived.",
    )
    rows = [(m.sentence_id, m.actor, m.kind) for m in mention_rows(art)]
    assert ("s2", "Janet Mills", "person") in rows and ("s3", "Janet Mills", "person") in rows
    assert ("s4", "General Mills", "organisation") in rows
    assert ("s5", "Julie Bishop", "person") in rows and ("s6", "Julie Bishop", "person") in rows
    assert not any(sid == "s7" for sid, _, _ in rows)  # a title with no name after it is no actor


def test_a_middle_initial_or_an_abbreviated_title_does_not_cut_a_name(make_article):
    # the tokenizer splits "W." and "Rep." into a letter and a full stop; the name must stay one person
    art = make_article("News", "Rep. Ann Lee met George W. Bush and Dr. J. Doe. Later Mr. Smith spoke to Bush.")
    rows = mention_rows(art)
    assert [(m.actor, m.kind, m.surface) for m in rows] == [
        ("Ann Lee", "person", "Rep. Ann Lee"),
        ("George W. Bush", "person", "George W. Bush"),
        ("J. Doe", "person", "Dr. J. Doe"),
        ("Smith", "person", "Mr. Smith"),
        ("George W. Bush", "person", "Bush"),
    ]
    # a leading initial before a first name and a surname is a person too
    art2 = make_article("News", "C. Virgil Martin chaired the committee.")
    assert [(m.actor, m.kind) for m in mention_rows(art2)] == [("C. Virgil Martin", "person")]
    toks = sentence_words(art)["s2"]
    bush = rows[1]
    # token offsets still index the sentence's own tokens: "George", "W", ".", "Bush"
    assert list(toks.text[bush.i_start:bush.i_end]) == ["George", "W", ".", "Bush"]


def test_title_is_dropped_from_the_name_and_the_surname_is_the_same_person(make_article):
    art = make_article("News", "President Trump spoke. Trump said the Pentagon would act.")
    rows = mention_rows(art)
    assert [(m.actor, m.kind, m.surface, m.sentence_id) for m in rows] == [
        ("Trump", "person", "President Trump", "s2"),
        ("Trump", "person", "Trump", "s3"),
        ("Pentagon", "government", "Pentagon", "s3"),
    ]
    first = rows[0]
    # the offsets cover the name; the surface keeps the title written before it
    assert art.text[first.start:first.end] == "Trump"
    assert art.text[first.end - len(first.surface):first.end] == "President Trump"
    assert all(m.part == "body" for m in rows)


def test_surname_alone_resolves_to_the_full_name(make_article):
    art = make_article("News", "Senator Jane Doe spoke on Monday. Doe said the plan would fail.")
    got = _triples(art)
    assert got == [("Jane Doe", "person", "Senator Jane Doe"), ("Jane Doe", "person", "Doe")]


def test_two_spellings_of_one_department_are_one_actor(make_article):
    art = make_article("News", "The Department of Justice sued Texas. The Justice Department said the law was illegal.")
    got = _triples(art)
    assert ("Department of Justice", "government", "Department of Justice") in got
    assert ("Department of Justice", "government", "Justice Department") in got
    assert ("Texas", "place", "Texas") in got
    assert len({actor for actor, _, _ in got}) == 2


def test_acronym_in_brackets_is_an_alias_not_a_second_mention(make_article):
    art = make_article("News", "Officers from Immigration and Customs Enforcement (ICE) arrested 22 people on Tuesday. "
                               "ICE said more arrests would follow.")
    ice = [m for m in mention_rows(art) if m.actor == "Immigration and Customs Enforcement"]
    assert [(m.surface, m.sentence_id, m.kind) for m in ice] == [
        ("Immigration and Customs Enforcement", "s2", "government"),
        ("ICE", "s3", "government"),
    ]
    assert not any(m.actor == "ICE" for m in mention_rows(art))  # "(ICE)" in s2 is not counted again


def test_groups_are_lower_case_noun_phrases(make_article):
    art = make_article("News", "The police officers arrested protesters on Friday.")
    assert _triples(art) == [("police officers", "group", "police officers"), ("protesters", "group", "protesters")]


def test_administration_spellings_merge_into_the_named_administration(make_article):
    art = make_article("News", "President Trump spoke. The administration said it would appeal. The Trump administration agreed.")
    admin = [(m.surface, m.sentence_id) for m in mention_rows(art) if m.actor == "Trump administration"]
    assert admin == [("The administration", "s3"), ("Trump administration", "s4")]
    assert {m.kind for m in mention_rows(art) if m.actor == "Trump administration"} == {"government"}


def test_bare_administration_without_a_named_one_stays_generic(make_article):
    art = make_article("News", "President Trump spoke. The administration said it would appeal.")
    assert ("the administration", "government", "The administration") in _triples(art)


def test_places_gazetteer_and_multiword_places(make_article):
    art = make_article("News", "The White House said the Department of Homeland Security would send agents to Texas and New Mexico.")
    kinds = {m.actor: m.kind for m in mention_rows(art)}
    assert kinds == {"White House": "government", "Department of Homeland Security": "government", "agents": "group",
                     "Texas": "place", "New Mexico": "place"}


def test_organisation_run_into_a_person_is_split(make_article):
    art = make_article("News", "Refugee Council Enver Solomon said the plan was cruel.")
    got = {(m.actor, m.kind) for m in mention_rows(art)}
    assert ("Enver Solomon", "person") in got
    assert any(actor == "Refugee Council" for actor, _ in got)
    assert not any("Council Enver" in actor for actor, _ in got)


def test_days_months_and_laws_are_not_actors(make_article):
    art = make_article("News", "The weather was fine on Monday in January. The First Amendment protects speech.")
    assert mention_rows(art) == ()
    table = mentions(art)
    assert table.empty and list(table.columns) == MENTION_COLUMNS


def test_a_dateline_names_no_actor_and_world_regions_are_places():
    art = parse_article("Boats rescued\n\nMonday, May 18, 2015\n\nBoats sank off South East Asia and in the Middle East.")
    assert [(actor, kind) for actor, kind, _ in _triples(art)] == [("South East Asia", "place"), ("Middle East", "place")]


def test_languages_and_nationalities_alone_are_not_actors(make_article):
    art = make_article("News", "The forms are printed in English and Arabic. Many Afghan families applied.")
    assert [t for t in _triples(art) if t[1] != "group"] == []


def test_a_sign_off_names_the_person_after_i_am(make_article):
    art = make_article("News", "I'm Alice Bryant.", "Students met on Friday.")  # at the end it is in the credits
    assert ("Alice Bryant", "person", "Alice Bryant") in _triples(art)
    assert not any("I'm" in actor for actor, _, _ in _triples(art))


def test_an_organisation_name_goes_on_after_for_the(make_article):
    art = make_article("News", "Staff at the Joint Council for the Welfare of Immigrants objected.")
    assert _triples(art)[0] == ("Joint Council for the Welfare of Immigrants", "government",
                                "Joint Council for the Welfare of Immigrants")


def test_a_verb_read_as_a_participle_is_no_part_of_a_group(make_article):
    art = make_article("News", "Smith also criticized university officials for the delay.",
                       "The elected officials met.")
    groups = [surface for _, kind, surface in _triples(art) if kind == "group"]
    assert groups == ["university officials", "elected officials"]


def test_a_name_ending_in_s_that_opens_a_sentence_is_a_name_not_a_plural(make_article):
    art = make_article("News", "Reuters reported the deal. Officials said it was late. Deportations rose. "
                               "Wikinews interviewed one of the owners.")
    assert [m.actor for m in mention_rows(art) if m.kind not in ("group", "place")] == ["Reuters", "Wikinews"]
    assert "Deportations" not in {m.actor for m in mention_rows(art)}


def test_washington_dc_is_a_place(make_article):
    art = make_article("News", "The president flew to Washington D.C. on Monday.")
    assert [(m.actor, m.kind) for m in mention_rows(art)] == [("Washington D.C.", "place")]


def test_headline_capitals_do_not_rename_a_body_actor(make_article):
    art = make_article("Biden Administration Sues Texas", "The Biden administration sued Texas on Monday.")
    body_texas = [(m.actor, m.kind) for m in mention_rows(art) if m.part == "body" and m.surface == "Texas"]
    assert body_texas == [("Texas", "place")]
    assert not any(m.actor == "Sues Texas" for m in mention_rows(art))


def test_headline_keeps_only_body_actors(make_article):
    art = make_article("Trump Visits Ohio Farmers", "President Trump spoke to reporters on Monday.")
    head = [m for m in mention_rows(art) if m.part == "headline"]
    assert [(m.actor, m.surface, m.sentence_id) for m in head] == [("Trump", "Trump", "s1")]
    # "Ohio Farmers" in a capitalised headline is not trusted when the body never names it
    assert not any("Ohio" in m.actor for m in mention_rows(art))


def test_mentions_by_sentence_lists_every_sentence(make_article):
    art = make_article("News", "The Pentagon spoke. Nobody answered. Senator Jane Doe and the Pentagon disagreed.")
    grouped = mentions_by_sentence(art)
    assert list(grouped) == [s.id for s in art.sentences]
    assert grouped["s1"] == () and grouped["s3"] == ()
    assert [m.actor for m in grouped["s2"]] == ["Pentagon"]
    assert [m.actor for m in grouped["s4"]] == ["Jane Doe", "Pentagon"]
    with pytest.raises(TypeError):
        grouped["s1"] = ()  # read-only: shared by every caller


def test_table_is_a_copy(make_article):
    art = make_article("News", "The Pentagon spoke.")
    first = mentions(art)
    first.loc[0, "actor"] = "changed"
    assert mentions(art)["actor"].tolist() == ["Pentagon"]


# ---------------------------------------------------------------- invariants on the bundled articles


@pytest.fixture(scope="module", params=[p.name for p in ARTICLES])
def article(request):
    return load_article(ROOT / "data" / "articles" / request.param)


def test_rows_table_and_groups_agree(article):
    rows = mention_rows(article)
    table = mentions(article)
    assert rows, "every bundled article names someone"
    assert list(table.columns) == MENTION_COLUMNS == list(Mention._fields)
    assert [tuple(r) for r in table.itertuples(index=False)] == [tuple(r) for r in rows]
    assert list(rows) == sorted(rows, key=lambda m: (m.start, m.end))
    grouped = mentions_by_sentence(article)
    assert list(grouped) == [s.id for s in article.sentences]
    assert [m for ms in grouped.values() for m in ms] == list(rows)
    assert all(m.sentence_id == sid for sid, ms in grouped.items() for m in ms)


def test_offsets_point_at_the_name_in_its_sentence(article):
    words = sentence_words(article)
    for m in mention_rows(article):
        s = article.sentence(m.sentence_id)
        assert s.start <= m.start < m.end <= s.end, m
        assert m.part == s.part, m
        # the surface as written ends where the mention ends (a title may come before the name)
        assert article.text[m.end - len(m.surface):m.end] == m.surface, m
        assert m.surface.endswith(article.text[m.start:m.end]), m
        toks = words[m.sentence_id]
        if m.i_start >= 0:
            assert toks.start[m.i_start] == m.start, m
        if m.i_end >= 0:
            assert toks.end[m.i_end - 1] == m.end, m


def test_one_known_kind_per_actor(article):
    kinds: dict[str, set[str]] = {}
    for m in mention_rows(article):
        kinds.setdefault(m.actor, set()).add(m.kind)
    assert all(len(k) == 1 for k in kinds.values()), kinds
    assert set().union(*kinds.values()) <= set(ACTOR_KINDS)


def test_actor_kinds_constant():
    assert ACTOR_KINDS == ("person", "government", "organisation", "place", "group", "other")


def test_seed_actors(seed):
    by_actor: dict[str, list[Mention]] = {}
    for m in mention_rows(seed):
        by_actor.setdefault(m.actor, []).append(m)
    assert {m.surface for m in by_actor["Trump"]} == {"President Trump", "Trump"}
    assert by_actor["Trump"][0].kind == "person"
    assert by_actor["Pentagon"][0].kind == "government"
    assert by_actor["Elon Musk"][0].kind == "person"
    headline = next(s for s in seed.sentences if s.part == "headline")
    assert any(m.actor == "Trump" and m.sentence_id == headline.id for m in mention_rows(seed))
    # "state and city officials" and "state or city officials" are one group
    assert {m.surface for m in by_actor["state and city officials"]} == {"state and city officials", "state or city officials"}


# ---------------------------------------------------------------- weekdays, dictionary words, epithets


def test_a_weekday_after_a_name_is_not_part_of_it(make_article):
    # US news puts the day straight after a name; "Florida Friday" was a person whose surname every "Friday" took
    art = make_article(
        "News",
        "In a speech in Tampa, Florida Friday, Hillary Clinton laid out her plans. A Homeland Security official "
        "told CNN Sunday that hackers struck. On Friday Clinton spoke again. Clinton said Friday that she would win.",
    )
    found = _triples(art)
    assert not [t for t in found if "Friday" in t[0] or "Sunday" in t[0]]
    assert ("CNN", "organisation", "CNN") in found
    assert [t for t in found if t[2] == "Clinton"] == [("Hillary Clinton", "person", "Clinton")] * 2


def test_two_dictionary_words_without_a_first_name_are_not_a_person(make_article):
    art = make_article(
        "News",
        "A Homeland Security official spoke near Fort Pierce. Silver Spring activists met Newt Gingrich. "
        "Professor Mu Li and Osama Bin Laden were named.",
    )
    kinds = {m.actor: m.kind for m in mention_rows(art)}
    assert kinds["Homeland Security"] == "government"
    assert kinds["Fort Pierce"] != "person"
    assert kinds["Silver Spring"] != "person"
    # a first name, short words and name particles still make a person
    assert kinds["Newt Gingrich"] == kinds["Mu Li"] == kinds["Osama Bin Laden"] == "person"


def test_a_title_after_a_body_name_is_cut_from_the_person(make_article):
    # the "General Motors" guard (a title word that opens a company name) must not keep the body's name in front
    art = make_article("News", "Homeland Security Secretary Jeh Johnson spoke. General Motors hired staff.")
    people = [(m.actor, m.kind) for m in mention_rows(art)]
    assert ("Jeh Johnson", "person") in people
    assert ("General Motors", "organisation") in people


def test_an_epithet_before_a_first_name_is_dropped(make_article):
    art = make_article("News", "He attacked Crooked Hillary Clinton again. C. Virgil Martin and Sleepy Joe Biden "
                               "replied.")
    actors = [m.actor for m in mention_rows(art) if m.kind == "person"]
    assert actors == ["Hillary Clinton", "C. Virgil Martin", "Joe Biden"]  # the initial "C." is not an epithet


def test_a_job_before_a_surname_that_is_a_dictionary_word_is_still_a_person(make_article):
    art = make_article("News", "At Caltech, Geneticist Beadle has stuck to his research. He visited the National Mall.")
    kinds = {m.actor: m.kind for m in mention_rows(art)}
    assert kinds["Geneticist Beadle"] == "person"
    assert kinds["National Mall"] != "person"  # "national" is an adjective too, not a job


def test_dictionary_word_names_are_people_when_the_text_shows_it(make_article):
    art = make_article(
        "News",
        "Young Kim, who won in 2020, said the talks had failed. Tulsi Gabbard spoke on Monday. Gabbard told reporters "
        "the deal was dead. They met on the National Mall. The Mall was full. Human Rights Watch said prisoners were "
        "abused.",
    )
    kinds = {m.actor: m.kind for m in mention_rows(art)}
    assert kinds["Young Kim"] == kinds["Tulsi Gabbard"] == "person"  # ", who" after the name, "told" after its surname
    assert kinds["National Mall"] != "person"  # "the Mall" alone is no evidence
    assert kinds["Human Rights Watch"] != "person"  # bodies say things too: "said" after the whole name is none


def test_a_surname_that_is_also_a_first_name_is_not_split_from_its_title(make_article):
    art = make_article("News", "Justice Thomas said the law stood. Thomas told reporters nothing. Rep. Young Kim "
                               "said no. Ms. Kim left.")
    people = [m.actor for m in mention_rows(art) if m.kind == "person"]
    assert people == ["Justice Thomas", "Justice Thomas", "Young Kim", "Young Kim"]


def test_a_company_after_a_descriptor_title_is_not_a_person(make_article):
    art = make_article("News", "Former General Motors chief executive Rick Wagoner said sales would fall.")
    assert [(m.actor, m.kind) for m in mention_rows(art)] == [
        ("Former General Motors", "organisation"), ("Rick Wagoner", "person")]


def test_weekdays_inside_names_of_papers_programmes_and_people(make_article):
    art = make_article("News", "The Sunday Times reported that the minister resigned. Saturday Night Live mocked "
                               "him. Ash Wednesday fell early. The White House said Tuesday Trump would sign it.")
    assert [(m.actor, m.kind) for m in mention_rows(art)] == [
        ("Sunday Times", "organisation"), ("Saturday Night Live", "other"), ("Ash Wednesday", "other"),
        ("White House", "government"), ("Trump", "other")]  # not "Tuesday Trump"


def test_company_names_with_a_possessive_and_a_legal_form(make_article):
    art = make_article("News", "McDonald's Corp. raised prices. Officials at Macy's Inc. agreed. Apple Inc. sued. "
                               "Trump's Co-op board met.")
    assert [(m.actor, m.kind) for m in mention_rows(art)] == [
        ("McDonald's Corp", "organisation"), ("officials", "group"), ("Macy's Inc", "organisation"),
        ("Apple Inc", "organisation"), ("Trump", "other"), ("Co-op", "other")]
    # a possessive before a lower-case noun is no company's name
    art = make_article("News", "Buffett's holdings grew last year. Trump's corporation was fined.")
    assert [m.actor for m in mention_rows(art)] == ["Buffett", "Trump"]


def test_a_title_word_inside_a_name_that_a_first_name_opens(make_article):
    art = make_article("News", "Martin Luther King Jr. spoke of a dream. Tom Judge left early. Charlotte Mayor "
                               "Jennifer Roberts said no. Wells Fargo CEO John Stumpf apologised.")
    assert [(m.actor, m.kind) for m in mention_rows(art) if m.kind == "person"] == [
        ("Martin Luther King Jr", "person"), ("Tom Judge", "person"), ("Jennifer Roberts", "person"),
        ("John Stumpf", "person")]
    # a place that is also a first name before a title is not part of the person's name
    art = make_article("News", "Georgia Gov. Kemp signed the bill. Austin Mayor Adler said yes. Henry Ford Hospital "
                               "Chief Executive Bob Riney said beds were full.")
    assert [(m.actor, m.kind) for m in mention_rows(art) if m.kind == "person"] == [
        ("Kemp", "person"), ("Adler", "person"), ("Bob Riney", "person")]


def test_days_named_with_a_modifier_parts_of_a_day_and_treaties(make_article):
    art = make_article("News", "The Good Friday Agreement ended the war. Shoppers crowded stores on Black Friday. "
                               "Leaders met in Washington Tuesday Night.")
    assert [(m.actor, m.kind) for m in mention_rows(art)] == [("Black Friday", "other"), ("Washington", "place")]
    art = make_article("News", "Good Monday morning to everyone, said host Jane Doe. Great Friday deals drew crowds.")
    assert [m.actor for m in mention_rows(art)] == ["Jane Doe"]
    art = make_article("News", "Mourners marked Bloody Friday in Belfast.")
    assert [m.actor for m in mention_rows(art)] == ["Bloody Friday", "Belfast"]


def test_places_with_an_abbreviated_first_word_and_initials_joined_by_an_ampersand(make_article):
    art = make_article("News", "St. Louis police said the man fled. Residents near Mt. Vernon agreed. AT&T said the "
                               "outage was fixed. Texas A&M won.")
    assert [(m.actor, m.kind) for m in mention_rows(art)] == [
        ("St. Louis", "place"), ("residents", "group"), ("Mt. Vernon", "place"), ("AT&T", "other"),
        ("Texas A&M", "other")]


def test_a_place_and_a_dictionary_plural_is_a_team_or_a_paper(make_article):
    art = make_article("News", "Holt joined the St. Louis Cardinals. The New York Times reported it. He visited "
                               "Chicago Heights and Hampton Roads. Chandler Van Voorhis said so.")
    assert [(m.actor, m.kind) for m in mention_rows(art)] == [
        ("Holt", "other"), ("St. Louis Cardinals", "organisation"), ("New York Times", "organisation"),
        ("Chicago Heights", "place"), ("Hampton Roads", "place"), ("Chandler Van Voorhis", "person")]

"""Public figures: aliases, descriptors, voice and tone on the seed, constructed sentences and the shared corpus."""

from __future__ import annotations

import pytest

from analysis.people.public_figures import PUBLIC_FIGURE_COLUMNS, public_figure_rows, public_figures, voice_by_sentence

from conftest import SHARED_CORPUS

CORPUS = SHARED_CORPUS


def test_seed_public_figures(seed):
    p = public_figures(seed)
    assert list(p.columns) == PUBLIC_FIGURE_COLUMNS
    assert p.iloc[0]["name"] == "Trump"  # the most mentioned
    t = p.set_index("name")
    assert t.loc["Trump", "type"] == "person" and t.loc["Trump", "mentions"] == 6  # not the two "Trump’s administration"
    assert {"President Trump", "Trump", "Trump's"} <= set(t.loc["Trump", "aliases"])
    assert "President" in t.loc["Trump", "descriptors"]
    assert not t.loc["Trump", "voiced"] and t.loc["Trump", "voice"] == "not voiced"
    assert t.loc["Elon Musk", "type"] == "person" and t.loc["Elon Musk", "descriptors"] == ["prominent figures"]
    assert t.loc["Elon Musk", "voiced"] and t.loc["Elon Musk", "voice"] == "paraphrased"
    assert t.loc["Pentagon", "type"] == "government body" and t.loc["Pentagon", "voiced"]
    assert t.loc["Elon Musk", "mean_tone"] < 0  # "openly criticize"
    assert (p["mean_tone"].between(-1, 1)).all() and (p["first_position"].between(0, 1)).all()
    assert "place" not in set(p["type"]) and "U.S." not in t.index
    assert p["mentions"].is_monotonic_decreasing


def test_quoted_paraphrased_and_descriptors(make_article):
    art = make_article(
        "H",
        "Jeff Rathke, the State Department spokesperson, said, \"We urge the governments to work together.\" "
        "Critics like Senator Jane Doe said the plan would fail. "
        "Will Smith is a political scientist at the university. Immigration barrister Colin Yeo was not asked. "
        "Doe called the plan \"cruel\" later.",
    )
    p = public_figures(art).set_index("name")
    assert p.loc["Jeff Rathke", "voice"] == "quoted" and p.loc["Jeff Rathke", "quoted"] == 1
    assert "the State Department spokesperson" in p.loc["Jeff Rathke", "descriptors"]
    assert p.loc["Jane Doe", "mentions"] == 2 and p.loc["Jane Doe", "voice"] == "paraphrased"  # "cruel": scare quotes
    assert set(p.loc["Jane Doe", "descriptors"]) == {"Senator", "Critics"}
    assert p.loc["Colin Yeo", "descriptors"] == ["barrister"] or "barrister" in p.loc["Colin Yeo", "descriptors"][0]
    assert not p.loc["Colin Yeo", "voiced"]


def test_no_descriptor_from_ordinary_nouns(make_article):
    art = make_article("H", "Students disagreed with a book Heather MacDonald published. MacDonald said nothing.")
    p = public_figures(art).set_index("name")
    assert p.loc["Heather MacDonald", "descriptors"] == []


def test_groups_can_be_left_out(seed):
    p = public_figures(seed, include_groups=False)
    assert "group" not in set(p["type"]) and "Trump" in set(p["name"])


def test_no_one_named(make_article):
    art = make_article("H", "it rained all day and nobody came.")
    p = public_figures(art)
    assert p.empty and list(p.columns) == PUBLIC_FIGURE_COLUMNS


def test_voice_by_sentence(seed):
    v = voice_by_sentence(seed)
    assert {"source", "kind", "sentence_id", "voice", "cue"} <= set(v.columns)
    assert set(v["voice"]) <= {"quoted", "paraphrased"}
    assert ("Elon Musk", "s15") in set(zip(v["source"], v["sentence_id"]))


@pytest.mark.skipif(not CORPUS.exists(), reason="the shared corpus is not next to the project")
def test_corpus_descriptors_hand_checked():
    from analysis import load_article

    ind = load_article(CORPUS / "wikinews-asylum-seekers-rescued-indonesia.txt")
    p = public_figures(ind).set_index("name")
    assert p.loc["Fuad Basya", "descriptors"] == ["spokesman for the Indonesian military"]
    assert p.loc["John Kerry", "descriptors"] == ["the Secretary of State"]
    assert p.loc["Najib Razak", "voice"] == "quoted"
    uk = load_article(CORPUS / "wikinews-uk-asylum-questionnaire.txt")
    p = public_figures(uk).set_index("name")
    assert p.loc["Colin Yeo", "descriptors"] == ["immigration barrister"]
    assert p.loc["Yvette Cooper", "descriptors"] == ["Shadow Home Secretary"] and p.loc["Yvette Cooper", "voiced"]


# --- issue 15: who counts as a public figure


def test_seed_generic_group_nouns_are_not_public_figures(seed):
    names = {f.name for f in public_figure_rows(seed)}
    assert not names & {"members", "individuals", "communities", "undocumented individuals", "state and city officials"}
    assert {"Trump", "Elon Musk", "Justice Department"} <= names


def test_works_events_and_places_read_as_names_are_not_public_figures(make_article):
    art = make_article(
        "Weekend",
        "Fans of Star Wars queued outside the cinema. The Revolutionary War museum reopened on Main Street. "
        "Senator Ann Lee cut the ribbon. Paul Smith, a local baker, sold bread.",
    )
    names = {f.name for f in public_figure_rows(art)}
    assert "Star Wars" not in names and "Revolutionary War" not in names
    assert {"Ann Lee", "Paul Smith"} <= names


def test_named_group_and_known_organisation_kept_acronym_alone_is_not(make_article):
    art = make_article(
        "Relief",
        "The Red Cross sent tents. Republicans in the assembly backed the plan. Members of the public cheered. "
        "The SMOS readings were late.",
    )
    figures = {f.name: f.type for f in public_figure_rows(art)}
    assert figures.get("Red Cross") == "organisation"
    assert "Members" not in figures and "members" not in figures and "SMOS" not in figures


def test_possessive_administration_counts_for_the_administration_only(make_article):
    art = make_article("Policy", "Governor Ann Lee's administration cut the budget. Ann Lee said it was needed.")
    figures = {f.name: f.mentions for f in public_figure_rows(art)}
    assert figures.get("Ann Lee") == 1 and figures.get("Lee administration") == 1

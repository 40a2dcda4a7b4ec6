"""Vague quantities ("numerous", "mass", "thousands of") on the seed, constructed sentences and the shared corpus."""

from __future__ import annotations

import pytest

from analysis.core.lexicons import load_lexicon
from analysis.numbers.vague_quantities import VAGUE_CATEGORIES, VAGUE_COLUMNS, vague_quantities, vague_summary

from conftest import SHARED_CORPUS

CORPUS = SHARED_CORPUS


def terms(art) -> list[str]:
    return vague_quantities(art)["term"].tolist()


def test_seed_vague_quantities(seed):
    v = vague_quantities(seed)
    assert list(v.columns) == VAGUE_COLUMNS
    numerous = v[v["term"] == "numerous"]
    assert numerous["sentence_id"].tolist() == ["s1", "s8"]
    assert numerous["quantifies"].tolist() == ["cities", "states"]
    assert set(v["term"]) >= {"numerous", "mass", "substantial", "increasing number of"}
    assert v.set_index("term").loc["substantial", "quantifies"] == "undocumented population"
    for r in v.itertuples():
        assert seed.text[r.start:r.end] == r.matched
    s = vague_summary(seed)
    assert s.iloc[0]["term"] == "mass" and s.iloc[0]["count"] == 3


def test_longest_match_and_categories(make_article):
    art = make_article("H", "Hundreds of thousands of people and a growing number of migrants left; a handful stayed.")
    v = vague_quantities(art)
    assert v["term"].tolist() == ["hundreds of thousands of", "a growing number of"]  # counted once each
    assert v["quantifies"].tolist() == ["people", "migrants"]
    assert set(v["category"]) <= set(VAGUE_CATEGORIES)


def test_numbers_after_a_term_make_it_an_approximation(make_article):
    art = make_article("H", "Some 300 people and as many as 20 officers came. Some people stayed. Several dozen left.")
    assert terms(art) == ["some"]  # "Some people"; "Some 300", "as many as 20" and "Several dozen" are figures


def test_other_senses_are_skipped(make_article):
    art = make_article("H", "The majority leader spoke. The most persecuted groups and the simplest and most effective "
                            "method were named; most voters agreed and mass media reported it.")
    assert terms(art) == ["most"]
    assert vague_quantities(art)["quantifies"].tolist() == ["voters"]


def test_no_vague_quantities(make_article):
    art = make_article("H", "Officials arrested 22 people on Monday.")
    v = vague_quantities(art)
    assert v.empty and list(v.columns) == VAGUE_COLUMNS
    assert vague_summary(art).empty


def test_lexicon_is_well_formed():
    lex = load_lexicon("vague_quantities")
    assert set(lex["category"]) <= set(VAGUE_CATEGORIES)
    assert not lex.duplicated(["term", "category"]).any()
    assert (lex["term"] == lex["term"].str.lower()).all() and lex["version"].ne("").all()


@pytest.mark.skipif(not CORPUS.exists(), reason="the shared corpus is not next to the project")
def test_corpus_hand_checked():
    from analysis import load_article

    voa = load_article(CORPUS / "voa-college-students-free-speech.txt")
    v = vague_quantities(voa)
    assert "hundreds of" in set(v["term"]) and v.set_index("term").loc["hundreds of", "quantifies"] == "protesters"
    iod = load_article(CORPUS / "wikinews-australia-iodine-deficiency.txt")
    v = vague_quantities(iod)
    assert "most" in set(v["term"]) and "european countries" in set(v["quantifies"].str.lower())
    assert "effective method" not in set(v["quantifies"].dropna())  # "most effective" is a superlative

"""The figures and numbers tables (analysis.numbers.records): what each figure counts, its hedge, source and time,
on the seed, on constructed sentences and on the shared corpus."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.numbers.consistency import consistency
from analysis.numbers.records import figures, numbers
from analysis.numbers.reference import reference_matches
from analysis.output.summary import figures_sections

from conftest import SHARED_CORPUS

CORPUS = SHARED_CORPUS


# ---------------------------------------------------------------- the seed

def test_seed_figures(seed):
    f = figures(seed)
    assert f["value"].tolist() == [1500.0, 14_000_000.0]
    troops, population = f.iloc[0], f.iloc[1]
    assert troops["counts"] == "troops" and troops["approximation"] == "approximately"
    assert troops["source"] == "Pentagon" and troops["time"] == "by the end of the month"
    assert troops["kind"] == "count" and troops["rounded"] and troops["sentence_id"] == "s10"
    assert population["counts"] == "undocumented population"
    assert "around" in population["approximation"] and "estimated" in population["approximation"]
    assert population["source"] is None or population["source"] != population["source"]  # no source
    assert pd.isna(population["time"]) and population["rounded"] and population["text"] == "14 million"
    for row in f.itertuples():
        assert seed.text[row.start:row.end] == row.text


def test_seed_has_no_other_numbers_and_no_conflicts(seed):
    assert numbers(seed)["is_figure"].all()
    assert consistency(seed).empty


# ---------------------------------------------------------------- constructed sentences

def test_hedges_and_bounds(make_article):
    art = make_article(
        "H",
        "Some 12,000 migrants arrived. Up to 300 more came. At least 40 died. Nearly 1,000 were held. "
        "More than 20 students signed. An estimated 8,000 people left. It cost 1,500-plus dollars. "
        "Officials counted 4,213 ballots.",
    )
    f = figures(art).set_index("text")
    assert (f.loc["12,000", "approximation"], f.loc["12,000", "bound"]) == ("some", "approximate")
    assert (f.loc["300", "approximation"], f.loc["300", "bound"]) == ("up to", "upper bound")
    assert f.loc["40", "bound"] == "lower bound" and f.loc["1,000", "approximation"] == "nearly"
    assert f.loc["20", "approximation"] == "more than" and f.loc["20", "counts"] == "students"
    assert f.loc["8,000", "approximation"] == "an estimated"
    assert pd.isna(f.loc["4,213", "approximation"]) and not f.loc["4,213", "rounded"]
    assert f.loc["12,000", "rounded"] and not f.loc["40", "rounded"]


def test_source_and_time(make_article):
    art = make_article(
        "H",
        "The Pentagon announced plans to send approximately 1,500 troops by the end of the month. "
        "A population estimated at around 14 million lives here. "
        "According to the Home Office, 45,000 people crossed last year.",
    )
    f = figures(art).set_index("text")
    assert f.loc["1,500", "source"] == "Pentagon" and f.loc["1,500", "source_kind"] == "named_org"
    assert f.loc["1,500", "time"] == "by the end of the month"
    assert pd.isna(f.loc["14 million", "source"]) and f.loc["14 million", "counts"] == "population"
    assert f.loc["45,000", "source"] == "Home Office" and f.loc["45,000", "time"] == "last year"


def test_hyphenated_counts(make_article):
    art = make_article("H", "The six - member Afghan team and a 12-member crew met 1,500-plus teachers.")
    f = figures(art).set_index("text")
    assert f.loc["six - member", "counts"] == "members" and f.loc["12-member", "counts"] == "members"
    assert f.loc["1,500", "counts"] == "teachers" and f.loc["1,500", "bound"] == "lower bound"


def test_quantulum_is_consulted_only_where_a_unit_word_follows_a_number(make_article, monkeypatch):
    """quantulum3's first parse costs seconds per process: sentences without a unit word never reach it."""
    import analysis.numbers.records as records

    asked: list[str] = []
    real = records.quantulum_numbers

    def spy(text):
        asked.append(text)
        return real(text)

    monkeypatch.setattr(records, "quantulum_numbers", spy)
    plain = make_article("H", "About 1,500 troops and 14 million people; 45% agreed in 2024.")
    assert figures(plain)["text"].tolist() == ["1,500", "14 million", "45%"] and asked == []
    measured = make_article("H", "The convoy drove 300 miles.")
    assert figures(measured).set_index("text").loc["300 miles", "unit"] == "mile"
    assert set(asked) == {"The convoy drove 300 miles."}


def test_degenerate_articles(make_article):
    art = make_article("Nothing", "No numbers at all here.")
    assert figures(art).empty and numbers(art).empty and consistency(art).empty
    assert list(figures(art).columns) == list(numbers(art).columns)
    assert reference_matches(art).empty
    s = figures_sections(art)
    assert s["figures"] == [] and s["vague_quantities"] == []


# ---------------------------------------------------------------- real articles

@pytest.mark.skipif(not CORPUS.exists(), reason="the shared corpus is not next to the project")
def test_shared_corpus_hand_checked():
    from analysis import load_article

    ind = load_article(CORPUS / "wikinews-asylum-seekers-rescued-indonesia.txt")
    f = figures(ind).set_index("text")
    assert f.loc["900", "approximation"] == "over" and f.loc["900", "counts"] == "asylum seekers"
    assert f.loc["8000", "counts"] == "migrants" and f.loc["8000", "approximation"] == "estimates suggest"
    c = consistency(ind)  # "Over 900" in the headline, "over 700" in the body
    assert c[["text_a", "text_b"]].values.tolist() == [["900", "700"]]

    uk = load_article(CORPUS / "wikinews-uk-asylum-questionnaire.txt")
    f = figures(uk).set_index("text")
    assert f.loc["12,000", "approximation"] == "some" and f.loc["45,756", "counts"] == "migrants"
    assert not f.loc["45,756", "rounded"] and f.loc["150,000", "rounded"]
    assert (f.loc["ten to 32", "value"], f.loc["ten to 32", "value_high"]) == (10, 32)
    assert f.loc["twenty working days", "kind"] == "duration"
    n = numbers(uk)
    assert set(n.loc[n["kind"] == "year", "text"]) == {"2022", "2010", "2021"}

    tx = load_article(CORPUS / "ice-pressrelease-south-central-texas-145-arrests.txt")
    f = figures(tx).set_index("text")
    assert f.loc["Sixty one", "value"] == 61
    assert (f.loc["18 to 62 years old", "value"], f.loc["18 to 62 years old", "value_high"]) == (18, 62)
    assert figures(tx).query("text == '41'")["counts"].tolist() == ["San Antonio"]


@pytest.mark.skipif(not CORPUS.exists(), reason="the shared corpus is not next to the project")
def test_count_that_looks_like_a_year():
    from analysis import load_article

    iod = load_article(CORPUS / "wikinews-australia-iodine-deficiency.txt")
    f = figures(iod).set_index("text")
    assert f.loc["1709", "counts"] == "schoolchildren"  # the tagger calls it SYM; the word still counts
    halves = figures(iod).query("text == 'half'")
    assert halves[["value", "kind", "approximation"]].values.tolist() == [[0.5, "proportion", "almost"], [0.5, "other", "about"]]
    n = numbers(iod)
    assert set(n.loc[n["kind"] == "year", "text"]) == {"2003", "2004"}

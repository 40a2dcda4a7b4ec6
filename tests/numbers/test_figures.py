"""Figures on the seed, on constructed sentences with known answers (positives and negatives) and on the shared corpus."""

from __future__ import annotations

import subprocess
import sys

import pandas as pd
import pytest

from analysis.numbers.parse import FIGURE_KINDS, parse_number_words
from analysis.numbers.consistency import consistency
from analysis.numbers.records import figures, numbers
from analysis.numbers.reference import reference_figures, reference_matches
from analysis.output.summary import figures_sections
from conftest import SHARED_CORPUS

CORPUS = SHARED_CORPUS


def one(art, text: str) -> pd.Series:
    """The single number whose text is ``text``."""
    n = numbers(art)
    rows = n[n["text"] == text]
    assert len(rows) == 1, (text, n[["text", "kind"]].values.tolist())
    return rows.iloc[0]


def texts(art) -> list[str]:
    return figures(art)["text"].tolist()


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


def test_summary_section_fields(seed):
    s = figures_sections(seed)
    assert {"figures", "vague_quantities", "public_figures"} <= set(s)
    rec = s["figures"][0]
    for field in ("sentence_id", "text", "value", "kind", "unit", "counts", "approximation", "rounded", "source",
                  "time", "start", "end"):
        assert field in rec
    assert rec["value"] == 1500.0 and rec["source"] == "Pentagon"
    assert s["figures"][1]["source"] is None and s["figures"][1]["value"] == 14_000_000.0
    assert {"term": "numerous", "sentence_id": "s1", "category": "large", "matched": "numerous"} in s["vague_quantities"]
    names = [p["name"] for p in s["public_figures"]]
    assert names[0] == "Trump" and "Elon Musk" in names
    for p in s["public_figures"]:
        assert {"name", "type", "mentions", "aliases", "voiced", "mean_tone"} <= set(p)


# ---------------------------------------------------------------- constructed sentences


def test_figures_negatives_and_kinds(make_article):
    art = make_article(
        "Numbers",
        "In 2019 one of the officers said 3 to 5 percent of $2.5 billion was lost on the 2nd day. "
        "Officials arrested fourteen people during a three-day operation.",
    )
    f = figures(art)
    by_text = dict(zip(f["text"], f["kind"]))
    assert "2019" not in by_text and "one" not in by_text and "2nd" not in by_text
    assert by_text["$2.5 billion"] == "money"
    assert f.set_index("text").loc["$2.5 billion", "value"] == 2.5e9
    assert by_text["3 to 5 percent"] == "percent"
    assert f.set_index("text").loc["fourteen", "value"] == 14 and f.set_index("text").loc["fourteen", "counts"] == "people"
    assert by_text["three-day"] == "duration"
    # the numbers that are not figures are still typed
    assert one(art, "2019")["kind"] == "year" and one(art, "2nd")["kind"] == "ordinal"


def test_a_time_one_of_the_and_pronoun_one_are_not_numbers(make_article):
    art = make_article("H", "They came at a time when one of the officers left. No one knew, but it was a serious one. "
                            "One man stayed.")
    assert texts(art) == ["One"]
    assert one(art, "One")["counts"] == "man"


def test_in_is_not_inches(make_article):
    # quantulum3 reads "22 In" as 22 inches; the preposition must stay a preposition.
    art = make_article("ICE Arrests 22 In Chicago Area", "Officers arrested 22 people.")
    head = figures(art).iloc[0]
    assert head["text"] == "22" and head["kind"] == "count" and head["unit"] == ""


def test_list_numbering_is_not_a_figure(make_article):
    art = make_article("Steps", "1. Officials arrested 22 people.", "2) They freed 3 of them.")
    n = numbers(art)
    lists = n[n["unit"] == "list number"]
    assert lists["text"].tolist() == ["1", "2"] and not lists["is_figure"].any()
    assert (lists["kind"] == "ordinal").all()
    assert texts(art) == ["22", "3"]


def test_years_dates_and_times_are_typed_not_counted(make_article):
    art = make_article("H", "It happened at 10:30 a.m. on Jan. 8, 2019, again on 25 October and in the 1990s. "
                            "A survey of 1709 schoolchildren followed in 2003.")
    assert one(art, "10:30 a.m.")["kind"] == "time"
    assert one(art, "8")["kind"] == "date" and one(art, "25")["kind"] == "date"
    assert one(art, "1990s")["kind"] == "year" and one(art, "2003")["kind"] == "year"
    assert one(art, "2019")["kind"] == "year"
    assert texts(art) == ["1709"]  # a count of schoolchildren, not a year
    assert one(art, "1709")["counts"] == "schoolchildren"


def test_names_with_numbers_are_labels(make_article):
    art = make_article("H", "The Title 42 rules and COVID-19 cases hit F-35 and G7 plans; 12 people left.")
    assert texts(art) == ["12"]
    assert one(art, "42")["kind"] == "label"


def test_word_numbers_scales_and_fractions(make_article):
    art = make_article(
        "H",
        "Half a million people marched and a quarter of a million watched. Fifteen hundred troops and "
        "one hundred and twenty officers came with a dozen families and two dozen children. "
        "About two-thirds of voters and one in five Americans agreed; almost half of all children are deficient. "
        "Sixty one of those arrested had records. They walked for two and a half hours.",
    )
    f = figures(art).set_index("text")
    assert f.loc["Half a million", "value"] == 500_000 and f.loc["Half a million", "counts"] == "people"
    assert f.loc["a quarter of a million", "value"] == 250_000
    assert f.loc["Fifteen hundred", "value"] == 1500 and f.loc["Fifteen hundred", "counts"] == "troops"
    assert f.loc["one hundred and twenty", "value"] == 120
    assert f.loc["a dozen", "value"] == 12 and f.loc["two dozen", "value"] == 24
    assert f.loc["two-thirds", "kind"] == "percent" and f.loc["two-thirds", "value"] == pytest.approx(66.67)
    assert f.loc["two-thirds", "counts"] == "voters" and f.loc["two-thirds", "approximation"] == "about"
    assert f.loc["one in five", "value"] == 20 and f.loc["one in five", "kind"] == "percent"
    assert f.loc["half", "value"] == 50 and f.loc["half", "approximation"] == "almost"
    assert f.loc["Sixty one", "value"] == 61
    assert f.loc["two and a half hours", "value"] == 2.5 and f.loc["two and a half hours", "kind"] == "duration"


def test_money_percent_ranges_and_scaled_numbers(make_article):
    art = make_article(
        "H",
        "The agency has 14m staff and a $3bn budget; it spent £40m, 20 euros and $100,000 in damage. "
        "Between 20 and 53 people, 40 to 50 questions and 3 million to 5 million people were counted. "
        "Prices rose 2.5 percentage points; unemployment rose from 4 to 5 percent.",
    )
    f = figures(art).set_index("text")
    assert f.loc["14m", "value"] == 14e6 and f.loc["14m", "counts"] == "staff"
    assert f.loc["$3bn", "value"] == 3e9 and f.loc["$3bn", "unit"] == "USD" and f.loc["$3bn", "counts"] == "budget"
    assert f.loc["£40m", "unit"] == "GBP" and f.loc["20 euros", "unit"] == "EUR"
    assert f.loc["$100,000", "counts"] == "damage" and f.loc["$100,000", "rounded"]
    assert (f.loc["20 and 53", "value"], f.loc["20 and 53", "value_high"]) == (20, 53)
    assert (f.loc["40 to 50", "value"], f.loc["40 to 50", "value_high"]) == (40, 50)
    assert f.loc["3 million to 5 million", "value_high"] == 5e6
    assert f.loc["2.5 percentage points", "unit"] == "percentage points"
    # a change "from 4 to 5 percent" is two figures, not a range, and both are percentages
    assert f.loc["4", "kind"] == "percent" and f.loc["5 percent", "kind"] == "percent"
    assert pd.isna(f.loc["5 percent", "value_high"])


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


def test_measures_use_quantulum_units(make_article):
    art = make_article("H", "The team walked about 500 miles (800 km) and 5km more; he paid 40 pounds and weighed 10 pounds.")
    f = figures(art).set_index("text")
    assert f.loc["500 miles", "unit"] == "mile" and f.loc["500 miles", "kind"] == "other"
    assert f.loc["800 km", "unit"] == "kilometre" and f.loc["5km", "unit"] == "kilometre"
    assert f.loc["500 miles", "approximation"] == "about"
    assert f.loc["40 pounds", "kind"] == "money" and f.loc["40 pounds", "unit"] == "GBP"
    assert f.loc["10 pounds", "kind"] == "other"
    assert "quantulum3" in f.loc["800 km", "extractor"]


def test_quantulum_is_consulted_only_where_a_unit_word_follows_a_number(make_article, monkeypatch):
    """quantulum3's first parse costs seconds per process: sentences without a unit word never reach it."""
    import analysis.numbers.records as fig

    asked: list[str] = []
    real = fig.quantulum_numbers

    def spy(text):
        asked.append(text)
        return real(text)

    monkeypatch.setattr(fig, "quantulum_numbers", spy)
    plain = make_article("H", "About 1,500 troops and 14 million people; 45% agreed in 2024.")
    assert figures(plain)["text"].tolist() == ["1,500", "14 million", "45%"] and asked == []
    measured = make_article("H", "The convoy drove 300 miles.")
    assert figures(measured).set_index("text").loc["300 miles", "unit"] == "mile"
    assert set(asked) == {"The convoy drove 300 miles."}


def test_ages_and_durations(make_article):
    art = make_article("H", "A 38-year-old Mexican citizen was sentenced to 10 years’ probation and 15 months in prison "
                            "after a 42- year-old man left; those arrested were between the ages of 20 and 53.")
    f = figures(art).set_index("text")
    assert f.loc["38-year-old", "counts"] == "age of Mexican citizen" and f.loc["38-year-old", "kind"] == "duration"
    assert f.loc["42- year-old", "value"] == 42
    assert f.loc["10 years", "unit"] == "year" and f.loc["15 months", "unit"] == "month"
    assert f.loc["20 and 53", "counts"] == "age"


def test_hyphenated_counts(make_article):
    art = make_article("H", "The six - member Afghan team and a 12-member crew met 1,500-plus teachers.")
    f = figures(art).set_index("text")
    assert f.loc["six - member", "counts"] == "members" and f.loc["12-member", "counts"] == "members"
    assert f.loc["1,500", "counts"] == "teachers" and f.loc["1,500", "bound"] == "lower bound"


def test_degenerate_articles(make_article):
    art = make_article("Nothing", "No numbers at all here.")
    assert figures(art).empty and numbers(art).empty and consistency(art).empty
    assert list(figures(art).columns) == list(numbers(art).columns)
    assert reference_matches(art).empty
    s = figures_sections(art)
    assert s["figures"] == [] and s["vague_quantities"] == []


def test_parse_number_words():
    assert parse_number_words("one hundred and twenty") == 120
    assert parse_number_words("half a million") == 500_000
    assert parse_number_words("a quarter of a million") == 250_000
    assert parse_number_words("two dozen") == 24
    assert parse_number_words("a time") is None and parse_number_words("") is None


# ---------------------------------------------------------------- consistency


def test_consistency_flags_headline_against_body(make_article):
    art = make_article("5,000 troops head to the border",
                       "The Pentagon will send 1,500 troops. Separately, 1,500 troops will stay home and 20 people watched.")
    c = consistency(art)
    assert c[["text_a", "text_b", "counts", "part_a"]].values.tolist() == [
        ["5,000", "1,500", "troops", "headline"], ["5,000", "1,500", "troops", "headline"]]
    assert "headline" in c["note"].iloc[0] and c["ratio"].tolist() == pytest.approx([0.3, 0.3])
    f = figures(art).set_index("id")
    assert f.loc[c["id_a"].iloc[0], "conflicts_with"] == c["id_b"].tolist()
    assert "people" not in set(c["counts"])


def test_consistency_ignores_ranges_that_overlap_and_other_things(make_article):
    art = make_article("H", "Between 1,000 and 2,000 troops went. Officials said 1,500 troops went. "
                            "Some 300 migrants came. 52 percent of students agreed. 43 percent of students disagreed.")
    assert consistency(art).empty  # overlapping range; different nouns; percentages in one part


# ---------------------------------------------------------------- reference figures


def test_reference_table_ships_only_examples():
    refs = reference_figures()
    assert len(refs) >= 1 and refs["example"].all()
    assert refs["url"].str.startswith("https://").all()


def test_reference_match_on_seed(seed):
    m = reference_matches(seed)
    assert len(m) == 1
    row = m.iloc[0]
    assert row["text"] == "14 million" and row["example"] and row["ratio"] == pytest.approx(1.0)


def test_reference_matching_rules(make_article, tmp_path):
    refs = pd.DataFrame([
        {"topic": "undocumented population", "value": 11_000_000.0, "unit": "people", "source": "Test", "date": "2022",
         "url": "", "example": False, "note": ""},
        {"topic": "unemployment rate", "value": 4.0, "unit": "%", "source": "Test", "date": "2024", "url": "",
         "example": False, "note": ""},
    ])
    art = make_article("H", "The undocumented population stood at 14 million. The unemployment rate is 5%. "
                            "Some 300 undocumented immigrants left.")
    m = reference_matches(art, references=refs)
    assert m["text"].tolist() == ["14 million", "5%"]
    assert m["ratio"].tolist() == pytest.approx([14 / 11, 1.25])


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


def test_all_kinds_are_known(seed, make_article):
    art = make_article("H", "On Jan. 8, 2019 at 10:30, 2nd in line, 5 km, $4, 3%, 4 days, 12 people, Title 42.")
    assert set(numbers(art)["kind"]) <= set(FIGURE_KINDS)


def test_quantulum_is_deterministic_across_hash_seeds():
    """quantulum3 breaks ties between units by iterating over sets; check the units we report do not change."""
    code = ("from analysis import parse_article; from analysis.numbers.records import figures; "
            "a = parse_article('H\\n\\nIt was 30 degrees. He paid 40 pounds and ran 5 miles with 12 oz of water.'); "
            "print(figures(a)[['text','unit']].values.tolist())")
    outs = set()
    for seed_value in ("1", "2"):
        env = {**__import__("os").environ, "PYTHONHASHSEED": seed_value}
        outs.add(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True).stdout)
    assert len(outs) == 1


@pytest.mark.skipif(not CORPUS.exists(), reason="the shared corpus is not next to the project")
def test_count_that_looks_like_a_year():
    from analysis import load_article

    iod = load_article(CORPUS / "wikinews-australia-iodine-deficiency.txt")
    f = figures(iod).set_index("text")
    assert f.loc["1709", "counts"] == "schoolchildren"  # the tagger calls it SYM; the word still counts
    halves = figures(iod).query("text == 'half'")
    assert halves[["value", "kind", "approximation"]].values.tolist() == [[50.0, "percent", "almost"], [0.5, "other", "about"]]
    n = numbers(iod)
    assert set(n.loc[n["kind"] == "year", "text"]) == {"2003", "2004"}

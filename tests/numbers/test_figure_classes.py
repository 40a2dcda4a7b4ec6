"""Figure accuracy classes (issue 16): numbers inside names and labels, years in ranges and eras, proportions in
words, currency and unit suffixes, ranges, vague magnitudes, scores, counted concepts kept apart from units, and
consistency / reference matching on normalised units. Every sentence is constructed for the test."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.numbers.consistency import consistency
from analysis.numbers.records import figures, numbers
from analysis.numbers.reference import reference_matches
from analysis.numbers.vague_quantities import vague_quantities
from analysis.output.summary import figures_sections


def fig(art) -> pd.DataFrame:
    return figures(art).set_index("text")


def not_figures(art) -> dict[str, str]:
    return {r["text"]: r["reason"] for r in figures_sections(art)["numbers_not_figures"]}


# ---------------------------------------------------------------- names and labels

def test_product_name_number_is_not_a_figure(make_article):
    art = make_article("Update", "Windows 11 reached 400 million devices.")
    f = figures(art)
    assert f[["text", "value", "counts"]].values.tolist() == [["400 million", 400_000_000.0, "devices"]]
    assert not_figures(art) == {"11": "model name"}


def test_index_name_number_is_not_a_figure(make_article):
    art = make_article("Markets", "The FTSE 100 fell 0.8% and the S&P 500 rose 1.2% while the Dow 30 slipped.")
    f = figures(art)
    assert f["text"].tolist() == ["0.8%", "1.2%"] and set(f["kind"]) == {"percent"}
    assert not_figures(art) == {"100": "index", "500": "index", "30": "index"}


def test_models_seats_games_and_articles(make_article):
    art = make_article("Labels", "Samsung showed the Galaxy S24 and the A380 landed; Game 7 drew 20,000 fans to seat 14, "
                                 "and Article 50 was invoked under Title 42 rules. Flight 370 and highway 61 were named.")
    assert figures(art)["text"].tolist() == ["20,000"]
    reasons = not_figures(art)
    assert reasons["24"] == "model name" and reasons["380"] == "model name"
    assert reasons["7"] == reasons["14"] == reasons["50"] == reasons["42"] == "identifier"
    assert reasons["370"] == reasons["61"] == "identifier"


def test_label_words_still_count_when_a_unit_or_a_counted_noun_follows(make_article):
    # lower-case label words are ordinary nouns when the number counts something after them
    art = make_article("Counts", "The section 3 miles long was closed and the game drew 4 teams; row 12 seats were empty.")
    f = fig(art)
    assert f.loc["3 miles", "unit"] == "mile" and f.loc["4", "counts"] == "teams"


def test_scores_are_listed_but_not_counted(make_article):
    art = make_article("Sport", "United won 3-1 at home, Leeds secured a 2-0 win and the court voted 5-4. "
                                "Children aged 5-11 and 10-12 weeks of rain followed.")
    f = fig(art)
    assert "3-1" not in f.index and "2-0" not in f.index and "5-4" not in f.index
    reasons = not_figures(art)
    assert reasons["3-1"] == reasons["2-0"] == reasons["5-4"] == "score"
    rows = numbers(art).set_index("text")
    assert (rows.loc["3-1", "value"], rows.loc["3-1", "value_high"]) == (3, 1)
    assert (f.loc["10-12 weeks", "value"], f.loc["10-12 weeks", "value_high"]) == (10, 12)  # a range, not a score


# ---------------------------------------------------------------- years

def test_years_in_ranges_and_eras(make_article):
    art = make_article("History", "Between 1990 and 2005 prices doubled, then rose from 2006 to 2010; Pompeii fell in "
                                  "AD 79, the 1800s were slow and the firm's 2019 sales of 40 units disappointed.")
    assert figures(art)["text"].tolist() == ["40"]
    kinds = numbers(art).set_index("text")["kind"].to_dict()
    assert kinds["1990 and 2005"] == kinds["2006"] == kinds["2010"] == "year"
    assert kinds["79"] == kinds["1800s"] == kinds["2019"] == "year"
    assert not_figures(art)["1800s"] == "decade"


# ---------------------------------------------------------------- proportions

def test_proportions_in_words(make_article):
    art = make_article("Poll", "A quarter of patients waited; nearly half of voters agreed, two in five adults refused "
                               "and two-thirds of the board resigned.")
    f = fig(art)
    assert f.loc["A quarter", "kind"] == "proportion" and f.loc["A quarter", "value"] == 0.25
    assert f.loc["A quarter", "counts"] == "patients"
    assert f.loc["half", "value"] == 0.5 and f.loc["half", "approximation"] == "nearly"
    assert f.loc["two in five", "value"] == 0.4 and f.loc["two in five", "counts"] == "adults"
    assert f.loc["two-thirds", "value"] == pytest.approx(0.6667, abs=1e-4)
    assert set(f["kind"]) == {"proportion"}
    assert all(0 <= v <= 1 for v in f["value"])


def test_second_half_and_one_of_are_not_proportions(make_article):
    art = make_article("H", "In the second half of the year one of the officers left.")
    assert figures(art).empty


# ---------------------------------------------------------------- suffixes, prefixes and units

@pytest.mark.parametrize("sentence, text, value, kind, unit", [
    ("The club sold 50k tickets.", "50k", 50_000, "count", ""),
    ("The deal was worth £1.5bn.", "£1.5bn", 1.5e9, "money", "GBP"),
    ("It raised A$2 billion.", "A$2 billion", 2e9, "money", "AUD"),
    ("It paid €3.4m.", "€3.4m", 3.4e6, "money", "EUR"),
    ("Debt hit £12bn.", "£12bn", 12e9, "money", "GBP"),
    ("Shares rose 80p.", "80p", 80, "money", "GBX"),
    ("Wages rose 2.5pc.", "2.5pc", 2.5, "percent", "%"),
    ("Chips now run at 5GHz.", "5GHz", 5, "other", "gigahertz"),
    ("Links reach 100Mbps.", "100Mbps", 100, "other", "megabit per second"),
    ("It ships 2TB drives.", "2TB", 2, "other", "terabyte"),
    ("It has a 2.0L engine.", "2.0L", 2.0, "other", "litre"),
    ("The bond pays RM50 million.", "RM50 million", 50e6, "money", "MYR"),
    ("They lost 60 USD million.", "60 USD million", 60e6, "money", "USD"),
    ("It costs 8 dollars 20 cents.", "8 dollars 20 cents", 8.2, "money", "USD"),
    ("Shares hit $45 a share.", "$45 a share", 45, "money", "USD per share"),
    ("The car reached 140 miles an hour.", "140 miles an hour", 140, "other", "mile per hour"),
    ("The loan is 18 lakh rupees.", "18 lakh rupees", 1_800_000, "money", "INR"),
    ("It was 101.3 degrees Fahrenheit.", "101.3 degrees Fahrenheit", 101.3, "other", "fahrenheit"),
    ("Add ¾ cup of flour.", "¾ cup", 0.75, "other", "cup"),
    ("The road runs 7 1/2 miles.", "7 1/2 miles", 7.5, "other", "mile"),
])
def test_suffixes_prefixes_and_units(make_article, sentence, text, value, kind, unit):
    f = fig(make_article("Units", sentence))
    assert f.loc[text, "value"] == pytest.approx(value)
    assert (f.loc[text, "kind"], f.loc[text, "unit"]) == (kind, unit)


def test_pounds_of_weight_and_p_of_pages_are_not_money(make_article):
    art = make_article("H", "The baby weighed 8 pounds. Read 5 pages by 3 pm.")
    f = fig(art)
    assert f.loc["8 pounds", "unit"] == "pound-mass" and f.loc["5", "kind"] == "count"
    assert numbers(art).set_index("text").loc["3 pm", "kind"] == "time"


# ---------------------------------------------------------------- ranges

def test_ranges_with_dashes_to_and_tilde(make_article):
    art = make_article("Ranges", "Recovery takes 10–12 weeks, the wait is ~20-30 minutes, inflation will be between 3 "
                                 "and 5 per cent and the band covers between 15 and 17 kHz.")
    f = fig(art)
    assert (f.loc["10–12 weeks", "value"], f.loc["10–12 weeks", "value_high"]) == (10, 12)
    assert f.loc["20-30 minutes", "approximation"] == "~" and f.loc["20-30 minutes", "value_high"] == 30
    assert f.loc["3 and 5 per cent", "kind"] == "percent" and f.loc["3 and 5 per cent", "value_high"] == 5
    assert (f.loc["15 and 17 kHz", "unit"], f.loc["15 and 17 kHz", "value_high"]) == ("kilohertz", 17)


# ---------------------------------------------------------------- vague magnitudes

def test_vague_magnitudes_are_ranges_and_stay_vague(make_article):
    art = make_article("Protest", "Hundreds of thousands of people marched, billions of dollars were lost and dozens of "
                                  "homes burned.")
    f = fig(art)
    row = f.loc["Hundreds of thousands"]
    assert (row["value"], row["value_high"], row["approximation"], row["counts"]) == (1e5, 1e6, "vague", "people")
    money = f.loc["billions of dollars"]
    assert (money["kind"], money["unit"], money["value"], money["value_high"]) == ("money", "USD", 1e9, 1e10)
    assert f.loc["dozens", "value"] == 12 and f.loc["dozens", "counts"] == "homes"
    terms = set(vague_quantities(art)["term"])
    assert {"hundreds of thousands of", "billions of", "dozens of"} <= terms


# ---------------------------------------------------------------- what a figure counts, and its unit

def test_counts_for_common_patterns(make_article):
    art = make_article("Counts", "Three of the officers left and 1,200 newly arrived asylum seekers came. The district "
                                 "sold $40 million of school bonds; 30% of voters agreed, and the firm has a workforce "
                                 "of 4,200.")
    f = fig(art)
    assert f.loc["Three", "counts"] == "officers"
    assert f.loc["1,200", "counts"] == "newly arrived asylum seekers"
    assert (f.loc["$40 million", "unit"], f.loc["$40 million", "counts"]) == ("USD", "school bonds")
    assert f.loc["30%", "counts"] == "voters"
    assert f.loc["4,200", "counts"] == "workforce"


def test_money_unit_and_counts_are_separate(make_article):
    art = make_article("H", "The council approved $5 million for new classrooms.")
    row = fig(art).loc["$5 million"]
    assert row["unit"] == "USD" and row["counts"] == "new classrooms"


# ---------------------------------------------------------------- consistency and references

def test_consistency_compares_shares_across_percent_and_proportion(make_article):
    art = make_article("Half of voters back the plan", "A poll found 30% of voters back the plan.")
    c = consistency(art)
    assert c[["text_a", "text_b", "counts"]].values.tolist() == [["Half", "30%", "voters"]]
    same = make_article("Half of voters back the plan", "A poll found 50% of voters back the plan.")
    assert consistency(same).empty


def test_consistency_uses_the_normalised_currency(make_article):
    art = make_article("£2bn budget for schools", "Ministers set a budget of 3 billion pounds sterling for schools. "
                                                   "Officials said the budget was $5 billion.")
    c = consistency(art)
    pairs = c[["text_a", "text_b"]].values.tolist()
    assert ["£2bn", "3 billion pounds sterling"] in pairs  # GBP against GBP
    assert not any("$5 billion" in p for p in pairs)  # USD is another unit


def test_reference_matches_a_proportion_against_a_percentage(make_article):
    refs = pd.DataFrame([{"topic": "voters", "value": 40.0, "unit": "%", "source": "Census", "date": "2024",
                          "url": "", "example": False, "note": ""}])
    art = make_article("H", "Two in five voters stayed home.")
    m = reference_matches(art, references=refs)
    assert m[["text", "ratio"]].values.tolist() == [["Two in five", pytest.approx(1.0)]]


def test_news_units_basis_points_and_glued_temperatures(make_article):
    art = make_article("Rates", "The bank raised rates by 25 basis points and 50bps more as temperatures reached 40C "
                                "(104F) on Tuesday. Unemployment fell to 3.9% in March.")
    f = fig(art)
    assert (f.loc["25 basis points", "kind"], f.loc["25 basis points", "unit"]) == ("percent", "basis points")
    assert f.loc["50bps", "unit"] == "basis points"
    assert f.loc["40C", "unit"] == "celsius" and f.loc["104F", "unit"] == "fahrenheit"
    assert f.loc["3.9%", "counts"] == "unemployment"  # not "March"


def test_vote_tally_is_a_score(make_article):
    art = make_article("Senate", "The bill passed 52-48 in the Senate.")
    assert figures(art).empty and not_figures(art) == {"52-48": "score"}


def test_split_years_and_phone_numbers_are_not_figures(make_article):
    art = make_article("H", "In the 2019-20 season they won 12 games. Call 555-1234 for tickets.")
    assert figures(art)["text"].tolist() == ["12"]
    assert not_figures(art)["20"] == "year" and not_figures(art)["555-1234"] == "identifier"

"""The summary's language section on the seed and on degenerate input (analysis.output.summary.language_section)."""

from __future__ import annotations

import json

import pytest

from analysis.core.records import json_safe
from analysis.language.diversity import diversity
from analysis.language.loaded import loaded_words
from analysis.language.readability import hardest_sentences
from analysis.language.stance import stance_rates
from analysis.language.tone import tone_extremes
from analysis.language.vocabulary import collocations, frequent_lemmas, keyword_in_context
from analysis.output.summary import language_section

FORMULAS = ["flesch_reading_ease", "flesch_kincaid_grade", "gunning_fog", "smog_index", "coleman_liau_index",
            "dale_chall_readability_score"]


def test_language_section_of_the_seed(seed):
    s = json_safe(language_section(seed))
    json.dumps(s, allow_nan=False)
    assert set(s["readability"]) == set(FORMULAS)
    assert set(s["diversity"]) == {"n_words", "n_types", "ttr", "mtld", "hdd"}
    assert s["keywords"][0] == {"term": "immigration", "count": 11, "ref_count": 0,
                                "log_likelihood": pytest.approx(118.043), "log_ratio": pytest.approx(12.194)}
    for key in ("hedges", "boosters", "modals", "loaded"):
        assert s[key] and all({"term", "sentence_id", "start", "end"} <= set(item) for item in s[key])
        for item in s[key]:
            assert " ".join(seed.text[item["start"]:item["end"]].lower().split()) == item["term"]
    assert {"crackdown", "aggressive", "vengeance", "punitive", "bold"} <= {i["term"] for i in s["loaded"]}
    passives = {p["text"]: p["agent"] for p in s["passives"]}
    assert passives["could be considered"] is None
    assert passives["heavily populated by undocumented immigrants"] == "undocumented immigrants"


@pytest.mark.parametrize("text", ["Headline only", "Short\n\nOne line.", "Numbers\n\n123 456.", "Symbols\n\n!!! ???",
                                  "<b>\n\n<script>alert(1)</script>"])
def test_degenerate_articles(text):
    from analysis import parse_article

    a = parse_article(text)
    s = json_safe(language_section(a))
    json.dumps(s, allow_nan=False)  # no NaN or inf anywhere
    for frame in (diversity(a), stance_rates(a), hardest_sentences(a),
                  collocations(a), frequent_lemmas(a), loaded_words(a),
                  tone_extremes(a), keyword_in_context(a, "a")):
        assert frame is not None
    assert all(v >= 0 for v in s["stance_per_1000"].values())

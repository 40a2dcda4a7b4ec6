"""Loaded words on the seed and on constructed sentences (analysis.language.loaded)."""

from __future__ import annotations

from analysis.language.loaded import loaded_words


def test_loaded_words_seed(seed):
    loaded = loaded_words(seed)
    terms = set(loaded["term"])
    assert {"crackdown", "aggressive", "vengeance", "punitive", "bold"} <= terms
    assert (loaded.loc[loaded["term"] == "mass deportations", "category"] == "punitive").all()
    assert len(loaded[loaded["term"] == "mass deportations"]) == 3  # one match each, not also "mass"
    emotive = loaded[loaded["category"] == "emotive"]
    assert emotive["matched"].tolist() == ["illegal"] and emotive["sentence_id"].tolist() == ["s12"]
    for r in loaded.itertuples():
        assert seed.text[r.start:r.end] == r.matched


def test_loaded_words_negatives(make_article):
    assert loaded_words(make_article("News", "The committee met on Tuesday to discuss the budget.")).empty
    a = make_article("News", "The attack killed three people. Police said the crackdown was violent.")
    loaded = loaded_words(a)
    # "killed" is a strongly negative verb but a fact: not an emotive word; "violent" (adjective) is.
    assert "killed" not in set(loaded["term"])
    assert set(loaded["term"]) >= {"crackdown", "violent"}

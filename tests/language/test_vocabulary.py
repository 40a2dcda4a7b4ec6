"""Frequent words and lemmas, collocations and keyword in context (analysis.language.vocabulary)."""

from __future__ import annotations

import pytest

from analysis.language.vocabulary import collocations, frequent_lemmas, frequent_words, keyword_in_context


def test_frequent_words_seed(seed):
    words = frequent_words(seed, n=5)
    assert words["term"].iloc[0] == "immigration" and words["count"].iloc[0] == 11
    assert "trump" in set(words["term"])
    assert not {"the", "of", "and"} & set(words["term"])


def test_frequent_lemmas_merge_forms(seed):
    lemmas = frequent_lemmas(seed, n=30).set_index("lemma")
    assert lemmas.loc["city", "count"] == 4 and set(lemmas.loc["city", "forms"]) == {"city", "cities"}
    assert lemmas.loc["raid", "forms"] == ["raids"]


def test_collocations_seed(seed):
    bi = collocations(seed, n=2, min_count=2)
    assert bi["ngram"].iloc[0] == "mass deportations" and bi["count"].iloc[0] == 3
    assert {"law enforcement", "justice department", "undocumented immigrants"} <= set(bi["ngram"])
    assert (bi["count"] >= 2).all()
    assert bi.set_index("ngram").loc["law enforcement", "sentence_ids"] == ["s4", "s9", "s13"]


def test_collocations_rules(make_article):
    a = make_article("News", "New York is big. People love New York. The border, tensions rise. The border, tensions fall. "
                              "Red cars are fast.")
    bi = collocations(a, n=2, min_count=2)
    assert bi["ngram"].tolist() == ["new york"]           # "border tensions" crosses a comma; "red cars" is a one-off
    assert set(collocations(a, n=2, min_count=1)["ngram"]) >= {"red cars", "new york"}
    assert collocations(a, n=3, min_count=2).empty
    with pytest.raises(ValueError):
        collocations(a, n=4)


def test_keyword_in_context(seed, make_article):
    k = keyword_in_context(seed, "law enforcement", window=30)
    assert len(k) == 3 and set(k["match"]) == {"law enforcement"}
    for r in k.itertuples():
        assert seed.text[r.start:r.end] == r.match and len(r.left) == 30 and len(r.right) == 30
    a = make_article("News", "Deportations rose. He deported them. The deportee left.")
    assert keyword_in_context(a, "deport*")["match"].tolist() == ["Deportations", "deported", "deportee"]
    assert keyword_in_context(a, "  ").empty and keyword_in_context(a, "zebra").empty

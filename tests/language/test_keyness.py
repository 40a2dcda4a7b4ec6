"""Keyness against Brown news: the statistics, the cached reference table, and results on known texts."""

from __future__ import annotations

import math

import pytest

from analysis.core.config import REFERENCE_DIR
from analysis.language import keyness
from analysis.language.keyness import Reference, log_likelihood, log_ratio


def test_log_likelihood_by_hand():
    # a=10 of c=1,000 vs b=100 of d=100,000: E1 = 1000*110/101000 = 1.0891, E2 = 108.911;
    # G2 = 2 (10 ln(10/1.0891) + 100 ln(100/108.911)) = 2 (22.172 - 8.536) = 27.27.
    assert log_likelihood(10, 100, 1000, 100000) == pytest.approx(27.2725, abs=1e-3)
    # Same relative frequency: no evidence of a difference. Symmetric in the two corpora.
    assert log_likelihood(5, 500, 1000, 100000) == pytest.approx(0.0, abs=1e-9)
    assert log_likelihood(3, 7, 100, 200) == pytest.approx(log_likelihood(7, 3, 200, 100))
    # A word absent from the reference is still finite.
    assert math.isfinite(log_likelihood(4, 0, 400, 90000)) and log_likelihood(4, 0, 400, 90000) > 15.13
    assert log_likelihood(0, 0, 10, 10) == 0.0 and log_likelihood(1, 1, 0, 10) == 0.0


def test_log_ratio():
    assert log_ratio(10, 100, 1000, 100000) == pytest.approx(math.log2(10))
    assert log_ratio(1, 200, 1000, 100000) == pytest.approx(-1.0)
    assert log_ratio(2, 0, 1000, 1000) == pytest.approx(2.0)  # zero count counted as 0.5 (Hardie 2014)
    assert log_ratio(0, 0, 0, 0) == 0.0


def test_reference_table_is_consistent():
    ref = keyness.reference()
    assert ref.n_words == 88788 and ref.min_count == 2
    assert sum(ref.pos.values()) == ref.n_words
    assert min(ref.words.values()) >= 2
    assert max(ref.words, key=ref.words.get) == "the" and ref.count("said") == 406
    assert ref.count("immigration") == 0  # fewer than 2 occurrences in 1961 news


def test_rebuild_matches_the_shipped_table(tmp_path):
    from analysis.core import nlp

    if any(r.package == "brown" for r in nlp.missing_resources(include_optional=True)):
        pytest.skip("NLTK's brown corpus is not installed")
    keyness.build_reference(out_dir=tmp_path)
    for name in (keyness.REFERENCE_WORDS, keyness.REFERENCE_TOTALS):
        assert (tmp_path / f"{name}.csv").read_bytes() == (REFERENCE_DIR / f"{name}.csv").read_bytes(), name


def test_a_run_does_not_read_the_brown_corpus(seed, monkeypatch):
    def boom(*args, **kwargs):
        raise AssertionError("the Brown corpus was read")

    monkeypatch.setattr(keyness, "_count_brown", boom)
    import nltk.corpus

    monkeypatch.setattr(nltk.corpus, "brown", None)
    keyness._load_reference.cache_clear()
    assert not keyness.keyness(seed).empty and len(keyness.pos_profile(seed)) == 5


def test_keyness_constructed(make_article):
    ref = Reference(name="test", words={"the": 100, "cat": 10, "dog": 200}, n_words=1000,
                    pos={"noun": 300, "verb": 200, "adjective": 80, "adverb": 50, "pronoun": 40}, min_count=1)
    a = make_article("News", "The zorblax saw the zorblax. The zorblax ran.")
    k = keyness.keyness(a, ref=ref).set_index("term")
    c = 9  # News + The zorblax saw the zorblax + The zorblax ran: 9 words, headline included
    assert k.loc["zorblax", "count"] == 3 and k.loc["zorblax", "ref_count"] == 0
    assert k.loc["zorblax", "direction"] == "over" and k.loc["zorblax", "significance"] == "p < 0.0001"
    assert k.loc["zorblax", "log_likelihood"] == pytest.approx(log_likelihood(3, 0, c, 1000), abs=1e-3)
    assert k.loc["dog", "direction"] == "under" and k.loc["dog", "count"] == 0 and k.loc["dog", "log_ratio"] < 0
    # "cat": expected 9 * 10 / 1000 = 0.09 times, so its absence says nothing.
    assert "cat" not in k.index
    assert k.loc["the", "direction"] == "over"  # 3 of 9 words against 100 of 1,000
    assert "saw" not in k.index  # used once: below min_count for over-use
    first = keyness.keyness(a, ref=ref)
    assert first["log_likelihood"].is_monotonic_decreasing


def test_keyness_seed(seed):
    k = keyness.keyness(seed)
    over = k[k["direction"] == "over"]
    assert over["term"].tolist()[:3] == ["immigration", "trump", "enforcement"]
    row = over.set_index("term").loc["enforcement"]
    assert (row["count"], row["ref_count"]) == (6, 4)
    under = k[(k["direction"] == "under") & (k["log_likelihood"] >= 3.84)]
    assert {"was", "the", "it", "of"} == set(under["term"])  # no narrative past tense, no "it"
    assert (k["log_likelihood"] >= 0).all() and k["log_ratio"].map(math.isfinite).all()


def test_pos_profile(make_article, seed):
    a = make_article("Runs", "She runs quickly.")
    p = keyness.pos_profile(a).set_index("pos")
    # 4 words, headline "Runs" included; She/PRP, runs/VBZ, quickly/RB
    assert p.loc["pronoun", "count"] == 1 and p.loc["adverb", "count"] == 1
    assert p.loc["pronoun", "per_1000"] == pytest.approx(1000 / 4)
    s = keyness.pos_profile(seed).set_index("pos")
    assert s.loc["noun", "per_1000"] > s.loc["verb", "per_1000"] > s.loc["adjective", "per_1000"]
    assert s["per_1000"].sum() <= 1000
    assert s.loc["pronoun", "per_1000"] < s.loc["pronoun", "ref_per_1000"]  # few pronouns: no people acting


def test_empty_article_keyness():
    from analysis import parse_article

    a = parse_article("!!!\n\n???")
    assert keyness.keyness(a).empty
    p = keyness.pos_profile(a)
    assert (p["per_1000"] == 0).all() and p["log_ratio"].map(math.isfinite).all()


def test_keyness_does_not_share_lists_with_the_cache(seed):
    keyness.keyness(seed)["sentence_ids"].iloc[0].append("s999")
    assert "s999" not in keyness.keyness(seed)["sentence_ids"].iloc[0]

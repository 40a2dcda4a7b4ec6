"""Language measures on the seed and on constructed sentences."""

from __future__ import annotations

import math

from analysis import language


def test_size_and_lengths_agree(seed):
    size = language.size(seed)
    lengths = language.sentence_lengths(seed)
    assert size["n_sentences"] == 16 and size["n_paragraphs"] == 9
    assert lengths["n_words"].sum() == size["n_words"]
    assert 400 <= size["n_words"] <= 430  # 417 words by our tokenizer (possessive 's not counted)


def test_readability_on_seed(seed):
    read = language.readability(seed).set_index("measure")
    fre = read.loc["flesch_reading_ease", "score"]
    fk = read.loc["flesch_kincaid_grade", "score"]
    # Long, Latinate sentences: hard to read.
    assert 0 < fre < 40 and 13 < fk < 22
    assert read.loc["flesch_kincaid_grade", "reading"].startswith("college level")


def test_readability_not_enough_text(make_article):
    read = language.readability(make_article("Short", "One line."))
    assert read["score"].isna().all()
    assert set(read["reading"]) == {"not enough text"}


def test_readability_orders_easy_and_hard(make_article):
    easy = make_article("Easy", "The cat sat. The dog ran. We had fun. It was a good day. The sun was out. " * 3)
    hard = make_article("Hard", "Notwithstanding considerable institutional opposition, the administration's comprehensive immigration enforcement initiatives necessitated unprecedented interagency coordination. " * 3)
    fe = language.readability(easy).set_index("measure").loc["flesch_reading_ease", "score"]
    fh = language.readability(hard).set_index("measure").loc["flesch_reading_ease", "score"]
    assert fe > 80 > 20 > fh


def test_frequent_words_seed(seed):
    words = language.frequent_words(seed, n=5)
    assert words["term"].iloc[0] == "immigration" and words["count"].iloc[0] == 11
    assert "trump" in set(words["term"])
    assert not {"the", "of", "and"} & set(words["term"])


def test_tone_signs(make_article):
    t = language.sentence_tone(make_article("News", "This is a wonderful, happy result. This is a horrible, deadly disaster."))
    assert t["compound"].iloc[1] > 0.5 and t["compound"].iloc[2] < -0.5
    assert all(-1 <= c <= 1 and not math.isnan(c) for c in t["compound"])

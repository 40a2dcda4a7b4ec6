"""Sentence tone, tone words and the most positive and negative sentences (analysis.language.tone)."""

from __future__ import annotations

import math

from analysis.language.tone import sentence_tone, tone_extremes, tone_words


def test_tone_signs(make_article):
    t = sentence_tone(make_article("News", "This is a wonderful, happy result. This is a horrible, deadly disaster."))
    assert t["compound"].iloc[1] > 0.5 and t["compound"].iloc[2] < -0.5
    assert all(-1 <= c <= 1 and not math.isnan(c) for c in t["compound"])


def test_tone_words_and_extremes(seed):
    words = tone_words(seed)
    justice = words[words["term"] == "justice"]
    assert justice["is_name"].all() and (justice["vader"] == 2.4).all()
    assert (words.loc[words["is_name"], "opinion"] == "").all()  # "Trump" is not an opinion word here
    ext = tone_extremes(seed, n=2)
    neg = ext[ext["direction"] == "most negative"]
    pos = ext[ext["direction"] == "most positive"]
    assert neg["sentence_id"].tolist() == ["s12", "s9"] and pos["sentence_id"].tolist()[0] == "s1"
    assert "unethical (-2.3)" in neg["words"].iloc[0] and (neg["compound"] < 0).all() and (pos["compound"] > 0).all()

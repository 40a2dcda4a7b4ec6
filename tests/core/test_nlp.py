"""VADER through analysis.core.nlp.vader() scores exactly as NLTK's stock analyzer, word list included."""

from __future__ import annotations

import pytest
from nltk.sentiment.vader import SentimentIntensityAnalyzer, SentiText

from analysis import load_article
from analysis.core import nlp
from analysis.core.io import article_files

from conftest import SHARED_CORPUS

CONSTRUCTED = [
    '"Great!" he said.', "Wow!!! this is :) bad...", "It's 'good' -- or not?!?", "no,good", "!!great!!",
    "(terrible)", "'bad'", "-horrible", "well...", "I :( hate it!!!!", "Good?!?! yes", "x! y!", "",
    "“Curly” quotes, ‘single’ ones; and a dash—here.", "BAD news; GOOD news!", ",,, ... !!!",
]


def _sentences() -> list[str]:
    paths = list(article_files()) + (sorted(SHARED_CORPUS.glob("*.txt")) if SHARED_CORPUS.is_dir() else [])
    return [s.text for p in paths for s in load_article(p).sentences] + CONSTRUCTED


def test_vader_scores_equal_nltks_on_every_sentence():
    stock, ours = SentimentIntensityAnalyzer(), nlp.vader()
    sents = _sentences()
    assert len(sents) > 250
    assert [s for s in sents if ours.polarity_scores(s) != stock.polarity_scores(s)] == []


@pytest.mark.parametrize("text", CONSTRUCTED)
def test_lean_word_list_equals_nltks(text):
    consts = SentimentIntensityAnalyzer().constants
    lean = nlp._lean_sentitext()(text, consts.PUNC_LIST, consts.REGEX_REMOVE_PUNCTUATION)
    stock = SentiText(text, consts.PUNC_LIST, consts.REGEX_REMOVE_PUNCTUATION)
    assert lean.words_and_emoticons == stock.words_and_emoticons
    assert lean.is_cap_diff == stock.is_cap_diff


def test_vader_uses_the_lean_word_list():
    """The analyzer really goes through the lean class (else the speed-up silently vanished)."""
    assert nlp.vader().polarity_scores.__func__.__globals__["SentiText"] is nlp._lean_sentitext()

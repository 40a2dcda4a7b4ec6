"""Sentence splitting repairs on top of Punkt (analysis.core.nlp.sentence_spans) and units in the loader."""

from __future__ import annotations

import pytest

from analysis.core.article import parse_article
from analysis.core.nlp import sentence_spans


def _split(text):
    return [text[s:e] for s, e in sentence_spans(text)]


@pytest.mark.parametrize("text, expected", [
    # abbreviations and initials do not end a sentence
    ("Gen. Smith met him at No. 10 Downing Street. Then he left.",
     ["Gen. Smith met him at No. 10 Downing Street.", "Then he left."]),
    ("The author J. K. Rowling spoke. She left.", ["The author J. K. Rowling spoke.", "She left."]),
    ("Troops went to the U.S. border. It was late.", ["Troops went to the U.S. border.", "It was late."]),
    # a quotation closed by ? or ! ends the sentence before a capital, not before a lower-case word
    ("“Why now?” she asked. “Stop!” The crowd left.", ["“Why now?” she asked.", "“Stop!”", "The crowd left."]),
    ('"Is it over?" he wondered aloud. It was.', ['"Is it over?" he wondered aloud.', "It was."]),
    # a brand written with a lower-case first letter still starts a sentence
    ("She runs a shop. eBay sold it.", ["She runs a shop.", "eBay sold it."]),
    # numbering labels join the text they number
    ("1. Introduction. Step 2. Add the salt.", ["1. Introduction.", "Step 2. Add the salt."]),
    # reference markers stay with the sentence they follow
    ("The law passed in 2003. [4] It was repealed. [5][6]", ["The law passed in 2003. [4]", "It was repealed. [5][6]"]),
])
def test_sentence_spans(text, expected):
    assert _split(text) == expected


def test_heading_and_list_lines_are_their_own_units():
    a = parse_article("A headline\n\nBy Jane Doe\nFirst point without a stop\nThe body sentence ends here. Another one.")
    assert [s.text for s in a.sentences] == ["A headline", "By Jane Doe", "First point without a stop",
                                            "The body sentence ends here.", "Another one."]


def test_seed_keeps_sixteen_sentences(seed):
    assert len(seed.sentences) == 16
    assert [s.part for s in seed.sentences[:4]] == ["teaser", "teaser", "headline", "standfirst"]

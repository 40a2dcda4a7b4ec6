"""Words, sentence lengths and the size of an article (analysis.language.words)."""

from __future__ import annotations

from analysis.language import words


def test_size_and_lengths_agree(seed):
    size = words.size(seed)
    lengths = words.sentence_lengths(seed)
    assert size["n_sentences"] == 16 and size["n_paragraphs"] == 9
    assert lengths["n_words"].sum() == size["n_words"]
    assert 400 <= size["n_words"] <= 430  # 417 words by our tokenizer (possessive 's not counted)

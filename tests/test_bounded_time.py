"""Bounded time on pathological shapes (issue 19 item 2): time grows about linearly with the input.

Ratios measured in one run, never absolute times: time at 4× the size must stay under 5× the time at 1×
(cubic growth, as the entity classifier had on runs of capitalised words, gives 64×; quadratic growth, as
the steps that look around each word had in one over-long sentence, gives 16×). Times are the process's
CPU time, the fastest of three runs per size: other processes on a loaded machine stretch wall-clock time, not
that."""

from __future__ import annotations

import gc
import time

import pytest

from analysis.core.article import parse_article
from analysis.core.nlp import MAX_PIECE_TOKENS
from analysis.core.tokens import sentence_pieces, sentence_words
from analysis.output.summary import build_summary


def _seconds(text: str, name: str) -> float:
    """CPU seconds of one summary, with Python's cyclic garbage collector paused: its full collections walk every
    live object, and the caches of the earlier runs (``lru_cache`` of 16 articles) make them costlier run after
    run, which is the collector's growth, not the code's (it made a linear shape read 5.9× in one CI run)."""
    article = parse_article(text, name=name)
    gc.collect()
    gc.disable()
    try:
        t0 = time.process_time()
        build_summary(article)
        return time.process_time() - t0
    finally:
        gc.enable()


def _growth(small_text: str, large_text: str) -> tuple[float, float]:
    """The fastest of three runs at each size, the sizes taken in turn, so that a slow spell of the machine
    does not fall on one size only (one run of each gave 4× ratios from 3.0 to 5.8 for linear code). The first
    two large runs are not counted: they grow the process's heap, which otherwise only the first large runs pay
    for (page faults count as CPU time), while every small run after them reuses that memory."""
    _seconds(large_text, "heap")
    _seconds(large_text, "heap-2")  # a second one: in CI the first rounds after a single one still read 4.5×
    small, large = [], []
    for i in range(3):
        small.append(_seconds(small_text, f"small-{i}"))
        large.append(_seconds(large_text, f"large-{i}"))
    return min(small), min(large)


SHAPES = {
    "a name repeated": lambda n: " ".join(["John Smith"] * n) + " went home.",
    "a capitalised title run": lambda n: " ".join(["Alpha Beta Gamma Delta Epsilon"] * (n // 2)) + " ended.",
    "a huge heading": lambda n: " ".join(["Breaking News About The Council"] * (n // 3)),
}


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_growth_is_near_linear(shape):
    make = SHAPES[shape]
    build_summary(parse_article("Warm up\n\n" + make(50), name="warm"))  # models loaded before timing
    small, large = _growth("Title\n\n" + make(300), "Title\n\n" + make(1200))
    assert large <= 5 * max(small, 0.05), (shape, small, large)


# ---------------------------------------------------------------- one over-long sentence

# Clauses with what the expensive steps look for around each word: named people with titles and
# descriptors, figures with hedges, times and sources, quotations, reporting verbs, loaded words, vague
# quantities, passives. Numbers vary with the clause so that no two clauses are the same text.
_CLAUSES = (
    "Mayor John Smith said about {n} officers would arrive in March",
    "critics called the brutal crackdown reckless and dangerous",
    "nearly {n} percent of residents were detained by federal agents last year",
    "“we will not stop now” the agency's spokesperson told reporters",
    "according to the Department of Homeland Security thousands of migrants crossed in {y}",
    "the plan was condemned by Senator Maria Lopez, a former prosecutor,",
    "some officials estimated more than ${n} million in damage",
    "President Trump's administration deployed {n} troops to Chicago",
    "many parents feared that the raids would continue",
    "the council, which met on Tuesday, agreed a budget of €{n} million for schools",
)


def _clauses(n_words: int) -> list[str]:
    out, words, i = [], 0, 0
    while words < n_words:
        clause = _CLAUSES[i % len(_CLAUSES)].format(n=100 + i, y=1990 + i % 30)
        out.append(clause)
        words += len(clause.split())
        i += 1
    return out


def _one_sentence(n_words: int) -> str:
    return "Title\n\n" + ", and ".join(_clauses(n_words)) + "."


def _no_punctuation(n_words: int) -> str:
    text = " ".join(_clauses(n_words))
    return "Title\n\n" + "".join(ch for ch in text if ch.isalnum() or ch.isspace())


def _one_paragraph(n_words: int) -> str:
    return "Title\n\n" + " ".join(c[:1].upper() + c[1:] + "." for c in _clauses(n_words))


LONG_SHAPES = {
    "one sentence": _one_sentence,
    "no punctuation at all": _no_punctuation,
    "one huge paragraph of sentences": _one_paragraph,
}


@pytest.mark.parametrize("shape", sorted(LONG_SHAPES))
def test_growth_is_near_linear_for_long_sentences_and_paragraphs(shape):
    make = LONG_SHAPES[shape]
    build_summary(parse_article(make(60), name="warm"))  # models loaded before timing
    small, large = _growth(make(1500), make(6000))
    assert large <= 5 * max(small, 0.05), (shape, small, large)


def test_an_over_long_sentence_is_split_for_analysis_only():
    """The pieces cover the sentence (same id, offsets into the text, at most MAX_PIECE_TOKENS tokens, cut after
    a comma where there is one), the sentence itself is unchanged, and the article says it was split."""
    article = parse_article(_one_sentence(3000), name="long")
    assert [s.id for s in article.sentences] == ["s1", "s2"]
    whole = article.sentences[1]
    assert whole.text == article.text[whole.start:whole.end] and len(whole.text.split()) >= 3000
    pieces = [(s, w) for s, w in sentence_pieces(article) if s.id == "s2"]
    assert len(pieces) > 1
    assert sum(len(w) for _, w in pieces) == len(sentence_words(article)["s2"])
    for s, w in pieces:
        assert s.text == article.text[s.start:s.end] and whole.start <= s.start < s.end <= whole.end
        assert 0 < len(w) <= MAX_PIECE_TOKENS and w.sentence_id == "s2"
    assert all(w.text[-1] == "," for _, w in pieces[:-1])  # cut at clause punctuation
    assert [w.first for _, w in pieces] == sorted(w.first for _, w in pieces)
    assert any("Over-long sentence s2" in w for w in article.warnings)
    summary = build_summary(article)
    assert any("Over-long sentence s2" in w for w in summary["article"]["warnings"])
    assert summary["article"]["n_sentences"] == 2  # counts are the whole sentences'


def test_no_bundled_or_news_length_sentence_is_split():
    """A long but real sentence (80 words) is one piece: the cap changes nothing for real articles."""
    article = parse_article("Title\n\n" + " ".join(["word"] * 80) + ".", name="real")
    assert len(sentence_pieces(article)) == len(article.sentences)
    assert not any("Over-long" in w for w in article.warnings)

"""Property-based tests (hypothesis): for arbitrary Unicode text the core functions never raise
(except ArticleError for text with nothing to analyse), sentence offsets cover the text in order,
every span lies inside the text, counts are non-negative and rates finite.

Two kinds of input: any Unicode string, and "article-like" text assembled from words, numbers,
quotes, HTML fragments, odd whitespace and line endings, which reaches deeper into the analyses.
Kept fast: modest ``max_examples``, no deadline (the first example loads NLTK models).
"""

from __future__ import annotations

import json
import math
import re

import pandas as pd
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from analysis import ArticleError, parse_article
from analysis.core.tokens import tokens
from analysis.language.readability import readability
from analysis.language.tone import sentence_tone
from analysis.language.vocabulary import frequent_words
from analysis.language.words import sentence_lengths
from analysis.language.words import size as article_size

SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow],
                    derandomize=True)

_WORDS = [
    "the", "council", "said", "Smith", "President", "Trump", "officials", "reports", "suggest", "according", "to",
    "ICE", "U.S.", "million", "5", "1,500", "$14", "40%", "approximately", "about", "critics", "say", "immigrants",
    "Department", "of", "Homeland", "Security", "announced", "Monday", "2024", "third", "half", "a", "dozen",
    "“quoted", "words”", "'", '"', "(", ")", "—", "-", ";", ":", ",", ".", "!", "?", "...", "\u00a0", "\t",
    "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "&amp;", "é", "Ünïcödé", "中文", "🙂", "\u200b",
    "\u202e", "\ufeff", "\x00", "\x0b", "\u2028", "e.g.", "Mr.", "Dr.",
]
_SEPARATORS = [" ", " ", " ", "\n", "\n\n", "\r\n", "\r", "\r\n\r\n", "  ", "\n---\n"]

article_like = st.lists(
    st.tuples(st.sampled_from(_WORDS), st.sampled_from(_SEPARATORS)), min_size=0, max_size=120
).map(lambda pairs: "".join(w + s for w, s in pairs))
with_header = st.tuples(
    st.dictionaries(st.sampled_from(["title", "source", "url", "date", "language", "author", "x-custom"]),
                    st.text(max_size=40).map(lambda t: t.replace("\n", " ").replace("\r", " ")), max_size=5),
    article_like,
).map(lambda hv: "---\n" + "".join(f"{k}: {v}\n" for k, v in hv[0].items()) + "---\n" + hv[1])
any_text = st.one_of(st.text(max_size=400), article_like, with_header)

_NOTHING_TO_ANALYSE = re.compile(r"empty|no text to analyse")


def _parse(text: str):
    """The article, or None when the text has nothing to analyse (the one allowed ArticleError)."""
    try:
        return parse_article(text, name="prop")
    except ArticleError as exc:
        assert _NOTHING_TO_ANALYSE.search(str(exc)), str(exc)
        return None


def _finite_numbers(frame: pd.DataFrame, columns) -> None:
    for col in columns:
        for v in frame[col]:
            assert v is not None and math.isfinite(float(v)), (col, v)


def _inside(article, start, end) -> None:
    assert 0 <= start <= end <= len(article.text), (start, end, len(article.text))


@SETTINGS
@given(any_text)
@example("")
@example("   \n\t ")
@example("\ufeff\x00\x0b")
@example("---\ntitle: Only a header\n---\n")
@example("a" * 3000)
@example("Title\n\n" + "word " * 400)
def test_parse_never_raises_and_offsets_cover_the_text(text):
    article = _parse(text)
    if article is None:
        return  # refused with "empty" / "no text to analyse" (checked in _parse)
    assert article.sentences, "an article with text has at least one sentence"
    assert [s.id for s in article.sentences] == [f"s{i}" for i in range(1, len(article.sentences) + 1)]
    previous_end = 0
    for s in article.sentences:
        _inside(article, s.start, s.end)
        assert s.start >= previous_end, "sentences overlap or go backwards"
        assert article.text[s.start:s.end] == s.text and s.text.strip()
        para = article.paragraphs[s.paragraph]
        assert para.start <= s.start < s.end <= para.end
        previous_end = s.end
    for p in article.paragraphs:
        _inside(article, p.start, p.end)
        assert article.text[p.start:p.end] == p.text
        # Sentences cover every visible character of their paragraph, in order.
        covered = "".join(s.text for s in article.sentences if s.paragraph == p.index)
        assert re.sub(r"\s+", "", covered) == re.sub(r"\s+", "", p.text)
    assert "\r" not in article.text and "\x00" not in article.text
    article.text.encode("utf-8")  # no lone surrogates: everything can be written out
    assert article.slug and re.fullmatch(r"[a-z0-9][a-z0-9-]*", article.slug)


@SETTINGS
@given(any_text)
def test_tokens_and_language_measures(text):
    article = _parse(text)
    if article is None:
        return
    toks = tokens(article)
    for r in toks.itertuples(index=False):
        _inside(article, r.start, r.end)
        assert article.text[r.start:r.end] == r.text
        s = article.sentence(r.sentence_id)
        assert s.start <= r.start <= r.end <= s.end
    size = article_size(article)
    assert all(isinstance(v, int) and v >= 0 for v in size.values())
    assert size["n_sentences"] == len(article.sentences) and size["n_body_words"] <= size["n_words"]
    lengths = sentence_lengths(article)
    assert (lengths["n_words"] >= 0).all() and int(lengths["n_words"].sum()) == size["n_words"]
    read = readability(article)
    for v in read["score"]:
        assert v is None or math.isfinite(float(v)), v  # None means "not enough text", never NaN
    assert all(isinstance(r, str) and r for r in read["reading"])
    words = frequent_words(article)
    assert (words["count"] > 0).all() if len(words) else True
    _finite_numbers(words, ["per_1000"])
    tone = sentence_tone(article)
    assert len(tone) == len(article.sentences)
    for col in ("compound", "positive", "neutral", "negative"):
        assert tone[col].map(math.isfinite).all()
    assert tone["compound"].between(-1, 1).all()


@SETTINGS
@given(any_text)
def test_spans_of_terms_actors_attributions_and_figures_lie_inside_the_text(text):
    from analysis.core.lexicons import load_lexicon, match_terms
    from analysis.framing.actors import actors
    from analysis.framing.entities import mentions
    from analysis.framing.sourcing import attributions, sources
    from analysis.numbers.records import figures, numbers

    article = _parse(text)
    if article is None:
        return
    ids = {s.id for s in article.sentences}
    for name in ("attribution_cues", "hedges_boosters"):
        m = match_terms(article, load_lexicon(name))
        for r in m.itertuples(index=False):
            _inside(article, r.start, r.end)
            assert article.text[r.start:r.end] == r.matched and r.sentence_id in ids
    acts = actors(article)
    assert (acts["mentions"] > 0).all() if len(acts) else True
    ments = mentions(article)
    assert set(ments["sentence_id"]) <= ids
    att = attributions(article)
    for r in att.itertuples(index=False):
        _inside(article, r.start, r.end)
        assert r.sentence_id in ids
    src = sources(article)
    assert (src["count"] > 0).all() if len(src) else True
    for frame in (numbers(article), figures(article)):
        for r in frame.itertuples(index=False):
            _inside(article, r.start, r.end)
            assert article.text[r.start:r.end] == r.text and r.sentence_id in ids
            assert r.value is None or math.isfinite(float(r.value))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True)
@given(any_text)
@example("Title\n\nOne.")
@example("Head\n\nPresident President President President.")  # found by hypothesis: NLTK's likelihood ratio
def test_summary_is_json_without_nan(text):
    """Every measure of every module: valid JSON with no NaN or infinity (``allow_nan=False``)."""
    from analysis import build_summary

    article = _parse(text)
    if article is None:
        return
    summary = build_summary(article)
    json.dumps(summary, allow_nan=False, ensure_ascii=False).encode("utf-8")


@pytest.mark.parametrize("text", ["", " ", "\n\n\n", "\t\r\n", "\ufeff", "\x00\x01", "\u200b\u00a0"])
def test_only_text_with_nothing_in_it_is_refused(text):
    with pytest.raises(ArticleError, match="empty"):
        parse_article(text)

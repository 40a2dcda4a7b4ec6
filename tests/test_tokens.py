"""The fast per-sentence views (token tuples, mentions by sentence, quotation lookup) agree with the tables they index.

These views exist for speed (issue 8); each test compares a view with the tidy table or the plain
linear search it replaces, on the bundled articles and on constructed text.
"""

from __future__ import annotations

import pytest

from analysis import load_article
from analysis.entities import mentions, mentions_by_sentence
from analysis.quotes import in_quotes, quote_spans
from analysis.report import article_files
from analysis.tokens import TOKEN_COLUMNS, sentence_words, tokens

ARTICLES = article_files()


@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: p.stem)
def test_sentence_words_hold_exactly_the_token_table(path):
    art = load_article(path)
    table = tokens(art)
    words = sentence_words(art)
    assert list(words) == [s.id for s in art.sentences]
    rebuilt = [(sid, i, st, en, tx, lo, po, iw, isw)
               for sid, w in words.items()
               for i, (st, en, tx, lo, po, iw, isw) in enumerate(zip(w.start, w.end, w.text, w.lower, w.pos, w.is_word,
                                                                     w.is_stop))]
    cols = [c for c in TOKEN_COLUMNS if c != "sentence"]
    assert rebuilt == list(table[cols].itertuples(index=False, name=None))
    for sid, w in words.items():
        assert w.n_words == int(table.loc[table["sentence_id"] == sid, "is_word"].sum())
        assert all(art.text[a:b] == t for a, b, t in zip(w.start, w.end, w.text))


def test_words_between_counts_words_inside_offsets(make_article):
    art = make_article("News", "The mayor said “we will win, again” on Monday.")
    w = sentence_words(art)["s2"]
    a = art.text.index("we will")
    b = art.text.index("again") + len("again")
    assert w.words_between(a, b) == 4  # we, will, win, again (the comma is not a word)
    assert w.words_between(a, a) == 0


@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: p.stem)
def test_mentions_by_sentence_groups_the_mentions_table(path):
    art = load_article(path)
    table = mentions(art)
    grouped = mentions_by_sentence(art)
    assert list(grouped) == [s.id for s in art.sentences]
    flat = sorted((tuple(m) for ms in grouped.values() for m in ms), key=lambda r: (r[4], r[5], r[0]))
    assert flat == list(table.itertuples(index=False, name=None))
    for sid, ms in grouped.items():
        assert [m.actor for m in ms] == table.loc[table["sentence_id"] == sid, "actor"].tolist()


def _in_quotes_linear(art, start, end):
    return next((q for q in quote_spans(art) if q.start <= start and end <= q.end), None)


@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: p.stem)
def test_in_quotes_binary_search_matches_a_linear_scan(path):
    art = load_article(path)
    for w in sentence_words(art).values():
        for a, b in zip(w.start, w.end):
            assert in_quotes(art, a, b) == _in_quotes_linear(art, a, b)
    # spans that straddle a quotation's edge are not inside it
    for q in quote_spans(art):
        assert in_quotes(art, q.start - 1, q.end) != q
        assert in_quotes(art, q.start, q.end + 1) is None
        assert in_quotes(art, q.start, q.end) == q


def test_in_quotes_on_constructed_text(make_article):
    art = make_article("News", 'Officials called them "sanctuaries" and “safe havens” twice.')
    spans = quote_spans(art)
    assert [q.text for q in spans] == ["sanctuaries", "safe havens"]
    k = art.text.index("havens")
    assert in_quotes(art, k, k + 6) == spans[1]
    k = art.text.index("twice")
    assert in_quotes(art, k, k + 5) is None
    assert in_quotes(art, 0, 4) is None

"""Lexicon matching on constructed sentences with known answers: longest term wins, ``*`` stems,
multi-word terms, overlap mode, and the tuple and table views agree."""

from __future__ import annotations

import pandas as pd

from analysis.core.lexicons import MATCH_COLUMNS, find_terms, lexicon_terms, match_terms


def _lex(*pairs):
    return pd.DataFrame(pairs, columns=["term", "category"])


def test_longest_term_wins_and_matches_do_not_overlap(make_article):
    art = make_article("News", "Illegal aliens and illegal immigration were discussed.")
    lex = _lex(("illegal", "adj"), ("illegal aliens", "term"), ("aliens", "noun"))
    m = match_terms(art, lex)
    assert list(m["term"]) == ["illegal aliens", "illegal"]
    assert list(m["matched"]) == ["Illegal aliens", "illegal"]
    assert [(r.i_start, r.i_end) for r in m.itertuples()] == [(0, 2), (3, 4)]


def test_star_stems_match_any_ending_in_any_word_of_a_term(make_article):
    art = make_article("News", "Officials deported them; the deportation flights resumed.")
    m = match_terms(art, _lex(("deport*", "verb"), ("deportation flight*", "phrase")))
    assert list(zip(m["term"], m["matched"])) == [("deport*", "deported"), ("deportation flight*", "deportation flights")]


def test_overlap_lets_each_category_match_the_same_words(make_article):
    art = make_article("News", "It may well rain.")
    lex = _lex(("may", "modal"), ("may well", "hedge"), ("may", "hedge"))
    assert list(match_terms(art, lex)["term"]) == ["may well"]
    both = match_terms(art, lex, overlap=True)
    assert sorted(zip(both["category"], both["term"])) == [("hedge", "may well"), ("modal", "may")]


def test_curly_apostrophes_match_straight_ones_and_case_is_ignored(make_article):
    art = make_article("News", "They DON’T know.")
    assert list(match_terms(art, _lex(("don't", "neg")))["matched"]) == ["DON’T"]


def test_tuples_and_table_hold_the_same_rows(seed):
    pairs = lexicon_terms("hedges_boosters")
    rows = find_terms(seed, pairs)
    assert rows, "the seed article hedges"
    table = match_terms(seed, pd.DataFrame(pairs, columns=["term", "category"]))
    assert list(table.columns) == MATCH_COLUMNS
    assert [tuple(r) for r in rows] == list(table.itertuples(index=False, name=None))
    assert all(seed.text[r.start:r.end] == r.matched for r in rows)
    hedges_only = lexicon_terms("hedges_boosters", ("hedge",))
    assert hedges_only and {c for _, c in hedges_only} == {"hedge"}

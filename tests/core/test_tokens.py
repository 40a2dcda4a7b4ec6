"""The fast per-sentence views (token tuples, mentions by sentence, quotation lookup) agree with the tables they index.

These views exist for speed (issue 8); each test compares a view with the tidy table or the plain
linear search it replaces, on the bundled articles and on constructed text.
"""

from __future__ import annotations

import pytest

from analysis import load_article
from analysis.core.io import article_files
from analysis.core.tokens import TOKEN_COLUMNS, sentence_words, tokens
from analysis.framing.entities import mentions, mentions_by_sentence
from analysis.framing.quote_marks import in_quotes, quote_spans

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


def _tagger_inputs():
    """Every sentence of the bundled articles (and of ../shared/corpus when present) as the tagger sees it,
    plus upper- and lower-cased copies, which send many words past the tag dictionary to the weights."""
    from analysis.core import nlp

    from conftest import SHARED_CORPUS

    paths = list(ARTICLES) + (sorted(SHARED_CORPUS.glob("*.txt")) if SHARED_CORPUS.is_dir() else [])
    sents = []
    for p in paths:
        for s in load_article(p).sentences:
            toks = [nlp.normalise_token(s.text[a:b]) for a, b in nlp.word_spans(s.text)]
            sents.append(["''" if t == '"' else t for t in toks])
    return sents + [[t.upper() for t in s] for s in sents] + [[t.lower() for t in s] for s in sents]


def test_perceptron_tags_equal_nltk_taggers_on_every_article():
    """The lean tagging loop decides exactly as NLTK's PerceptronTagger.tag with the same model."""
    from analysis.core import nlp

    tagger = nlp._tagger()
    sents = _tagger_inputs()
    assert sum(map(len, sents)) > 20_000
    differ = [s for s in sents if s and nlp._perceptron_tags(s) != [t for _, t in tagger.tag(s)]]
    assert differ == []


def test_perceptron_tags_break_ties_and_unknown_words_like_nltk():
    """Words no feature has seen, hyphens, years and digits go through the weights; the result is NLTK's."""
    from analysis.core import nlp

    tagger = nlp._tagger()
    odd = [["Zzqx", "blorfed", "the", "1999", "well-known", "42x", "-", "qqq", "."], ["Xyzzy"], ["zzz", "zzz", "zzz"]]
    for s in odd:
        assert nlp._perceptron_tags(s) == [t for _, t in tagger.tag(s)]


@pytest.mark.parametrize("weights", [
    {"bias": {"A": 1.0, "B": 1.0}},                       # a tie: the alphabetically last tag wins
    {"bias": {"A": -1.0}},                                # all scored tags negative: an unscored tag (0) wins
    {"bias": {"A": -1.0, "C": 0.0}, "i word x": {"B": 0.5, "C": 0.5}},
    {},                                                    # nothing scored at all
])
def test_perceptron_tags_decide_ties_and_zero_scores_as_nltk(monkeypatch, weights):
    """Real text never ties, so the rules are checked on tiny hand-made models against NLTK's own predict."""
    from nltk.tag.perceptron import PerceptronTagger

    from analysis.core import nlp

    tiny = PerceptronTagger(load=False)
    tiny.model.weights = weights
    tiny.model.classes = tiny.classes = {"A", "B", "C"}
    tiny.tagdict = {"the": "A"}
    monkeypatch.setattr(nlp, "_tagger_indexed",
                        lambda: (tiny.tagdict, nlp._index_weights(weights, ("A", "B", "C")), ("A", "B", "C")))
    words = ["x", "the", "y", "x"]
    assert nlp._perceptron_tags(words) == [t for _, t in tiny.tag(words)]

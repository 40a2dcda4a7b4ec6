"""The small WordNet reader: synset offsets and related forms read straight from the WordNet files, checked
against NLTK's own WordNet reader and against well-known WordNet 3.0 entries."""

from __future__ import annotations

import pytest

from analysis.core.wordnet import wn_offsets, wn_related

WORDS = ["dog", "run", "escalate", "deport", "quick", "raid", "surge", "ready", "well", "sanctuary", "crisis",
         "ice cream", "protect", "fast"]


@pytest.fixture(scope="module")
def wn():
    from nltk.corpus import wordnet

    wordnet.ensure_loaded()
    return wordnet


def test_known_offsets():
    # WordNet 3.0: dog.n.01 is 02084071, its most frequent sense; "dog" as a verb has one sense (to chase)
    assert wn_offsets("dog", "n")[0] == 2084071
    assert len(wn_offsets("dog", "n")) == 7
    assert len(wn_offsets("dog", "v")) == 1


def test_missing_lemma_and_prefix_of_a_lemma():
    assert wn_offsets("xyzzy", "n") == ()
    assert wn_offsets("do", "n") != wn_offsets("dog", "n")  # "do" is not matched inside "dog"
    assert wn_offsets("quickly", "n") == () and wn_offsets("quickly", "r")


def test_multiword_lemmas_take_spaces():
    assert wn_offsets("ice cream", "n") == wn_offsets("ice_cream", "n") != ()


@pytest.mark.parametrize("pos", ["n", "v", "a", "r"])
def test_offsets_match_nltk(wn, pos):
    for word in WORDS:
        expected = tuple(s.offset() for s in wn.synsets(word.replace(" ", "_"), pos))
        assert wn_offsets(word, pos) == expected, (word, pos)


def _nltk_related(wn, lemma, pos, senses=4):
    out = {lemma}
    for p in [pos] if pos else ["n", "v", "a", "r"]:
        for synset in wn.synsets(lemma.replace(" ", "_"), p)[:senses]:
            for lem in synset.lemmas():
                out.add(lem.name().lower().replace("_", " "))
                out.update(d.name().lower().replace("_", " ") for d in lem.derivationally_related_forms())
    return out


@pytest.mark.parametrize("pos", ["n", "v", "a", "r", ""])
def test_related_match_nltk_synonyms_and_derivations(wn, pos):
    for word in WORDS:
        assert set(wn_related(word, pos)) == _nltk_related(wn, word, pos), (word, pos)


def test_related_forms_of_a_verb():
    got = wn_related("escalate", "v")
    assert {"escalate", "escalation", "intensify", "step up"} <= got
    assert all(w == w.lower() and "_" not in w for w in got)


def test_senses_limit_and_unknown_words():
    assert wn_related("xyzzy") == frozenset({"xyzzy"})
    assert wn_related("run", "v", senses=0) == frozenset({"run"})
    one, four = wn_related("run", "v", senses=1), wn_related("run", "v")
    assert one < four
    assert wn_related("escalate") >= wn_related("escalate", "v")


@pytest.mark.parametrize("pos", ["n", "v", "a", "r"])
def test_binary_search_finds_every_index_line(pos):
    """Every lemma of the index is found on its own line; for every 40th lemma, a near miss and a few odd keys the
    answer equals a plain scan's (a scan of the whole index per lemma would take minutes)."""
    from analysis.core.wordnet import _index_line, _wn_file

    idx = _wn_file("index", pos)
    lines = [line for line in idx.split(b"\n") if line and not line.startswith(b" ")]
    assert len(lines) > 4000
    for line in lines:
        assert _index_line(idx, line.split(b" ", 1)[0]) == line
    lemmas = [line.split(b" ", 1)[0] for line in lines[::40]]
    for lemma in lemmas + [x + b"q" for x in lemmas] + [b"", b" ", b"\xff", b"0"]:
        k = idx.find(b"\n" + lemma + b" ") if lemma.strip() else -1
        expected = None if k < 0 else idx[k + 1:idx.find(b"\n", k + 1)]
        assert _index_line(idx, lemma) == expected, lemma

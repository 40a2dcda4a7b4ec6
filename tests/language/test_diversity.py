"""Lexical diversity: TTR, MTLD and HD-D (analysis.language.diversity)."""

from __future__ import annotations

import pytest

from analysis.language.diversity import diversity, hdd, mtld


def test_mtld_known_cases():
    # "a b a" reaches TTR 0.667 <= 0.72 after 3 words in both directions: 4 factors in 12 words.
    assert mtld("a b".split() * 6) == 3.0
    # Forward: 1 factor ("a b a") + a partial of (1-1)/0.28 = 0 -> 4/1 = 4.
    # Backward ("c a b a"): no full factor, partial (1-0.75)/0.28 = 0.893 -> 4.48. Mean 4.24.
    assert mtld("a b a c".split()) == pytest.approx(4.24, abs=1e-9)
    assert mtld([]) is None
    assert mtld("all words differ here".split()) is None  # no factor can close


def test_hdd_known_cases():
    assert hdd([f"w{i}" for i in range(60)]) == 1.0
    # A 42-word text: the 42-word sample is the whole text, so HD-D is its type-token ratio.
    words = ["a"] * 10 + [f"w{i}" for i in range(32)]
    assert hdd(words) == pytest.approx(33 / 42, abs=1e-4)
    assert hdd(["a"] * 41) is None


def test_diversity_seed(seed):
    d = diversity(seed).set_index("measure")["value"]
    assert d["n_words"] == 406 and d["n_types"] == 235
    assert d["ttr"] == round(235 / 406, 4)
    # Checked against the lexical-diversity package (PyPI 0.1.1): HD-D identical (0.8809) and
    # MTLD identical (166.764) on the seed.
    assert d["mtld"] == pytest.approx(166.76, abs=0.01)
    assert d["hdd"] == pytest.approx(0.8809, abs=1e-4)
    assert isinstance(d["n_words"], int)

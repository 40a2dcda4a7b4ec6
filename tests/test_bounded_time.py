"""Bounded time on pathological shapes (issue 19 item 2): time grows about linearly with the input.

Ratios measured in one run, never absolute times: time at 4× the size must stay under 5× the time at 1×
(cubic growth, as the entity classifier had on runs of capitalised words, gives 64×)."""

from __future__ import annotations

import time

import pytest

from analysis.core.article import parse_article
from analysis.output.summary import build_summary


def _seconds(text: str, name: str) -> float:
    best = float("inf")
    for i in range(2):  # the faster of two runs: less noise from the machine
        article = parse_article(text, name=f"{name}-{i}")
        t0 = time.perf_counter()
        build_summary(article)
        best = min(best, time.perf_counter() - t0)
    return best


SHAPES = {
    "a name repeated": lambda n: " ".join(["John Smith"] * n) + " went home.",
    "a capitalised title run": lambda n: " ".join(["Alpha Beta Gamma Delta Epsilon"] * (n // 2)) + " ended.",
    "a huge heading": lambda n: " ".join(["Breaking News About The Council"] * (n // 3)),
}


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_growth_is_near_linear(shape):
    make = SHAPES[shape]
    build_summary(parse_article("Warm up\n\n" + make(50), name="warm"))  # models loaded before timing
    small = _seconds("Title\n\n" + make(300), "small")
    large = _seconds("Title\n\n" + make(1200), "large")
    assert large <= 5 * max(small, 0.05), (shape, small, large)

"""The gold rules of benchmarks/passive_voice_brown.py, on constructed sentences with Brown tags."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

_PATH = Path(__file__).resolve().parents[2] / "benchmarks" / "passive_voice_brown.py"
_spec = importlib.util.spec_from_file_location("passive_voice_brown", _PATH)
bench = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(bench)


def _kinds(tagged: str) -> list[tuple[str, str]]:
    pairs = [t.rsplit("/", 1) for t in tagged.split()]
    words, tags = [w for w, _ in pairs], [t for _, t in pairs]
    return [(w, k) for w, k in zip(words, bench.gold_kinds(words, tags)) if k is not None]


@pytest.mark.parametrize("tagged, expected", [
    ("he/PPS was/BEDZ quickly/RB arrested/VBN ./.", [("arrested", "be/get")]),
    ("it/PPS has/HVZ been/BEN sold/VBN ./.", [("sold", "be/get")]),
    ("they/PPSS got/VBD elected/VBN ./.", [("elected", "be/get")]),
    ("he/PPS has/HVZ arrested/VBN three/CD men/NNS ./.", [("arrested", "no")]),
    ("the/AT injured/VBN man/NN left/VBD ./.", [("injured", "no")]),
    ("the/AT money/NN raised/VBN last/AP year/NN went/VBD ./.", [("raised", "reduced")]),
    ("he/PPS was/BEDZ arrested/VBN and/CC charged/VBN ./.", [("arrested", "be/get"), ("charged", "coordinated")]),
    ("he/PPS had/HVD arrested/VBN and/CC charged/VBN them/PPO ./.", [("arrested", "no"), ("charged", "no")]),
    ("founded/VBN in/IN 1900/CD ,/, the/AT firm/NN grew/VBD ./.", [("founded", "clause")]),
    ("when/WRB asked/VBN ,/, he/PPS smiled/VBD ./.", [("asked", "clause")]),
    ("she/PPS was/BEDZ tired/VBN ./.", [("tired", "skip")]),
    ("the/AT United/VBN-TL States/NNS-TL won/VBD ./.", [("United", "skip")]),
])
def test_gold_kinds(tagged, expected):
    assert _kinds(tagged) == expected

"""Shared fixtures: the bundled seed article, constructed articles, and one report build shared by the report tests."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "data" / "articles" / "seed-us-immigration-enforcement.txt"
SHARED_CORPUS = ROOT.parent / "shared" / "corpus"

sys.path.insert(0, str(Path(__file__).resolve().parent))  # the shared helpers in tests/support/ and this conftest


@pytest.fixture(scope="session")
def seed_path() -> Path:
    return SEED


@pytest.fixture(scope="session")
def seed():
    from analysis import load_article

    return load_article(SEED)


@pytest.fixture(scope="session")
def make_article():
    """Parse a constructed text: ``make_article("Headline", "Body sentence one. Two.")``."""
    from analysis import parse_article

    def _make(headline: str, *paragraphs: str):
        return parse_article("\n\n".join([headline, *paragraphs]))

    return _make


@pytest.fixture(scope="session")
def built_reports(tmp_path_factory):
    """Build the seed article's reports once (into a temporary folder) for every report test."""
    from analysis.output.report import build_reports

    out = tmp_path_factory.mktemp("reports")
    results = build_reports([SEED], out, workers=1)
    assert not [r.error for r in results if r.error]
    return out


def run_cli(*args: str, cwd: Path | None = None):
    """Run ``python -m analysis ARGS`` in a subprocess; returns CompletedProcess (text)."""
    import subprocess

    env = dict(os.environ)
    return subprocess.run([sys.executable, "-m", "analysis", *args], capture_output=True, text=True,
                          cwd=str(cwd or ROOT), env=env, timeout=300)

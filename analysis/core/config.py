"""Project paths and versions, resolved from this file so nothing depends on the working directory."""

from __future__ import annotations

from pathlib import Path

__all__ = [
    "ROOT",
    "DATA_DIR",
    "ARTICLES_DIR",
    "LEXICONS_DIR",
    "REFERENCE_DIR",
    "NOTEBOOKS_DIR",
    "REPORTS_DIR",
    "VERSION",
    "MAX_ARTICLE_BYTES",
]

ROOT: Path = Path(__file__).resolve().parents[2]
DATA_DIR: Path = ROOT / "data"
ARTICLES_DIR: Path = DATA_DIR / "articles"
LEXICONS_DIR: Path = DATA_DIR / "lexicons"
REFERENCE_DIR: Path = DATA_DIR / "reference"
NOTEBOOKS_DIR: Path = ROOT / "notebooks"
REPORTS_DIR: Path = ROOT / "reports"

VERSION: str = "0.1.0"

#: Articles larger than this are refused (a news article is rarely over 100 kB).
MAX_ARTICLE_BYTES: int = 10 * 1024 * 1024

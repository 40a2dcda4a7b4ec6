"""Numbers that are part of a name or label ("Windows 11", "FTSE 100", "Article 50", "Game 7", "seat 14"): the word
before the number, from data/lexicons/figure_labels.csv, and the reason shown in "numbers that are not figures"."""

from __future__ import annotations

import re
from functools import lru_cache
from types import MappingProxyType
from typing import Mapping

from ..core.config import LEXICONS_DIR
from ..core.io import read_lexicon_rows

__all__ = ["label_reason", "label_words"]

_LEXICON = "figure_labels"
_PREV_WORD = re.compile(r"([A-Za-z][A-Za-z&]*)\.?\s*$")


def _version() -> float:
    try:
        return (LEXICONS_DIR / f"{_LEXICON}.csv").stat().st_mtime
    except OSError:
        return -1.0


@lru_cache(maxsize=4)
def _words(version: float) -> Mapping[str, tuple[str, bool]]:
    """term -> (reason, only when capitalised); ``version`` (the file's mtime) only keys the cache."""
    try:
        rows = read_lexicon_rows(_LEXICON)
    except FileNotFoundError:
        return MappingProxyType({})
    out = {}
    for row in rows:
        t = row["term"].strip().lower()
        if t and t not in out:
            out[t] = (row["category"].strip(), row.get("capitalised", "").strip().lower() in ("yes", "true", "1", "y"))
    return MappingProxyType(out)


def label_words() -> Mapping[str, tuple[str, bool]]:
    """The label lexicon: lower-case term -> (reason, whether the word must be capitalised to count)."""
    return _words(_version())


def label_reason(before: str) -> str | None:
    """The reason a number right after ``before`` is a label ("model name", "index", "identifier"), or None.

    >>> label_reason("Microsoft said Windows "), label_reason("the FTSE "), label_reason("they ate ")
    ('model name', 'index', None)
    """
    m = _PREV_WORD.search(before)
    if not m:
        return None
    word = m.group(1)
    entry = label_words().get(word.lower())
    if entry is None:
        return None
    reason, capitalised = entry
    if capitalised and not word[:1].isupper():
        return None
    return reason

"""The metadata header is never dropped silently (issue 19, item 9): unknown keys are kept with a
warning, a malformed, unclosed or over-long header keeps what it can and says so, and an empty value
never erases what the parser derives from the text."""

from __future__ import annotations

import pytest

from analysis import load_article
from analysis.core.header import MAX_HEADER_LINES, parse_header

BODY = "The council met on Tuesday. It agreed a budget for the schools of the town."


def _load(tmp_path, text: str):
    path = tmp_path / "article.txt"
    path.write_text(text, encoding="utf-8")
    return load_article(path)


@pytest.mark.parametrize("key", ["author2", "x-tracking-id", "section_3", "Reviewed-By"])
def test_unknown_key_keeps_the_header_and_warns(tmp_path, key):
    art = _load(tmp_path, f"---\ntitle: Budget agreed\n{key}: something\nsource: Town Post\n---\n{BODY}\n")
    assert art.title == "Budget agreed" and art.metadata["source"] == "Town Post"
    assert art.metadata[key.lower().replace("-", "_")] == "something"
    assert any("not one article-lens knows" in w for w in art.warnings)
    assert "title:" not in art.text and "source:" not in art.text


def test_known_keys_give_no_warning(tmp_path):
    art = _load(tmp_path, f"---\ntitle: Budget agreed\nsource: Town Post\ntopic: schools\n---\nBudget agreed\n\n{BODY}\n")
    assert not any("header" in w for w in art.warnings)


@pytest.mark.parametrize("separator", ["\u2028", "\u2029", "\n"])
def test_value_split_by_a_line_separator_is_joined(tmp_path, separator):
    art = _load(tmp_path, f"---\ntitle: Budget agreed{separator}after a long night\nsource: Town Post\n---\n{BODY}\n")
    assert art.title == "Budget agreed after a long night"
    assert art.metadata["source"] == "Town Post"
    assert any("not 'key: value'" in w for w in art.warnings)


@pytest.mark.parametrize("n_keys", [61, 150, MAX_HEADER_LINES - 1])
def test_long_header_is_read(tmp_path, n_keys):
    extra = "\n".join(f"note{i}: value {i}" for i in range(n_keys))
    art = _load(tmp_path, f"---\ntitle: Budget agreed\n{extra}\n---\n{BODY}\n")
    assert art.title == "Budget agreed" and art.metadata[f"note{n_keys - 1}"] == f"value {n_keys - 1}"
    assert "note0" not in art.text


def test_header_over_the_limit_warns(tmp_path):
    extra = "\n".join(f"note{i}: value" for i in range(MAX_HEADER_LINES + 50))
    art = _load(tmp_path, f"---\ntitle: Budget agreed\n{extra}\n---\n{BODY}\n")
    assert art.title == "Budget agreed"
    assert any(f"longer than {MAX_HEADER_LINES} lines" in w for w in art.warnings)


def test_unclosed_header_keeps_its_keys_and_warns(tmp_path):
    art = _load(tmp_path, f"---\ntitle: Budget agreed\nsource: Town Post\n\n{BODY}\n")
    assert art.title == "Budget agreed" and art.metadata["source"] == "Town Post"
    assert any("not closed" in w for w in art.warnings)
    assert "source:" not in art.text


def test_empty_value_does_not_erase_a_derived_date(tmp_path):
    art = _load(tmp_path, f"---\ndate:\nsource: Town Post\n---\nBudget agreed\nMarch 5, 2024\n\n{BODY}\n")
    assert art.metadata["date"] == "2024-03-05"


def test_empty_title_does_not_erase_the_headline(tmp_path):
    art = _load(tmp_path, f"---\ntitle:\nsource: Town Post\n---\nBudget agreed\n\n{BODY}\n")
    assert art.title == "Budget agreed" and art.metadata["title"] == "Budget agreed"


def test_rules_around_text_are_not_a_header():
    h = parse_header(f"---\n{BODY}\n---\nMore text.")
    assert not h.found and h.meta == {} and h.warnings == ()


def test_url_line_is_not_a_key():
    h = parse_header("---\ntitle: A\nhttps://example.com/a\n---\nx")
    assert h.meta == {"title": "A https://example.com/a"}

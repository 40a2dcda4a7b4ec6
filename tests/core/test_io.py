"""Reading article files: encodings, binary files, missing paths; inputs are never modified."""

from __future__ import annotations

import codecs

import pytest

from analysis import ArticleError, load_article
from analysis.core.io import decode_text, file_sha256

BODY = "Café owners said the plan was “unfair”. It will cost €5 million."


@pytest.mark.parametrize(
    "data, encoding",
    [
        (BODY.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + BODY.encode("utf-8"), "utf-8-sig"),
        (BODY.encode("utf-16"), "utf-16"),
        (BODY.encode("utf-16-le"), "utf-16-le"),
        (BODY.encode("cp1252"), "cp1252"),
    ],
)
def test_decodes_common_encodings(data, encoding):
    text, enc = decode_text(data)
    assert text == BODY and enc == encoding


def test_latin1_text():
    text, _ = decode_text("Müller sagte: \x81".encode("latin-1"))
    assert text.startswith("Müller")


def test_png_is_refused():
    with pytest.raises(ArticleError, match="PNG"):
        decode_text(b"\x89PNG\r\n\x1a\n" + b"\x00" * 50)


def test_missing_and_directory(tmp_path):
    with pytest.raises(ArticleError, match="does not exist"):
        load_article(tmp_path / "nope.txt")
    with pytest.raises(ArticleError, match="directory"):
        load_article(tmp_path)


def test_loading_does_not_modify_the_file(tmp_path):
    p = tmp_path / "a.txt"
    p.write_bytes(("Headline\r\n\r\n" + BODY).encode("cp1252"))
    before = file_sha256(p)
    a = load_article(p)
    assert a.metadata["encoding"] == "cp1252"
    assert "€5 million" in a.text
    assert file_sha256(p) == before

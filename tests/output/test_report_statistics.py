"""A report never aborts on what the text's statistics are (issue 19 item 5): out-of-range measures are a note."""

from __future__ import annotations


def test_a_long_url_gives_a_note_not_a_failed_build(tmp_path):
    from analysis.output.report import build_article_report

    url = "https://example.com/" + "/".join(["aeiouaeiouaeiou" * 3] * 40)
    src = tmp_path / "press-release.txt"
    src.write_text("Company announces new product\n\nThe company announced a product today. Details are online at "
                   f"{url} for readers. The launch is next week in Ohio.\n", encoding="utf-8")
    result = build_article_report(src, tmp_path / "out")
    assert result.error is None, result.error  # the old sanity assert (grades within -5..40) aborted this build
    page = (tmp_path / "out" / "press-release" / "01-language.html").read_text(encoding="utf-8")
    assert "grades fall outside the usual range" in page

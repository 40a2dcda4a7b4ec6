"""The exported HTML reports of the seed: complete, offline, charts present, article text escaped, figures saved."""

from __future__ import annotations

import re

import pytest

from analysis.report import NOTEBOOKS

SLUG = "seed-us-immigration-enforcement"


def test_report_files(built_reports):
    folder = built_reports / SLUG
    for stem, _ in NOTEBOOKS:
        assert (folder / f"{stem}.html").stat().st_size > 2000
    assert (folder / "index.html").exists() and (folder / "summary.json").exists()
    assert (built_reports / "index.html").exists()
    assert (built_reports / "assets" / "plotly.min.js").stat().st_size > 1_000_000
    index = (built_reports / "index.html").read_text(encoding="utf-8")
    assert f'href="{SLUG}/index.html"' in index and "Trump Intensifies Immigration" in index
    assert not list(built_reports.glob(".staging-*"))


def test_reports_load_nothing_remote(built_reports):
    for page in built_reports.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        srcs = re.findall(r"""<(?:script|link|img|iframe)[^>]+(?:src|href)\s*=\s*["']([^"']+)""", text, re.I)
        assert all(not re.match(r"(?i)(https?:)?//", s) for s in srcs), (page.name, srcs)
        assert "cdn.plot.ly" not in text and "cdnjs" not in text


def test_charts_are_in_the_html(built_reports):
    folder = built_reports / SLUG
    expected = {"01-language": {"sentence-lengths", "frequent-words", "tone-arc"},
                "02-framing": {"actors", "attribution-kinds"}, "03-figures": {"figures"}}
    for stem, ids in expected.items():
        text = (folder / f"{stem}.html").read_text(encoding="utf-8")
        assert '<script src="../assets/plotly.min.js"' in text
        for chart_id in ids:
            assert f'id="{chart_id}"' in text and "Plotly.newPlot" in text
            for ext in ("png", "svg", "csv"):
                assert (folder / "figures" / f"{chart_id}.{ext}").stat().st_size > 50


def test_page_titles_name_the_article(built_reports):
    text = (built_reports / SLUG / "02-framing.html").read_text(encoding="utf-8")
    assert "<title>Framing — Trump Intensifies Immigration Enforcement Efforts Amid Sanctuary City Tensions</title>" in text


def test_reports_in_headless_chromium(built_reports, tmp_path):
    from browser_support import check_pages, skip_without_chromium

    skip_without_chromium()
    pages = [built_reports / SLUG / f"{stem}.html" for stem, _ in NOTEBOOKS]
    pages += [built_reports / SLUG / "index.html", built_reports / "index.html"]
    results = check_pages(pages, screenshot_dir=tmp_path)
    for r in results:
        assert r.external_requests == [] and r.console_errors == [] and r.dialogs == []
        assert r.rendered_plots == r.plot_containers
    assert [r.plot_containers for r in results[:3]] == [3, 2, 1]
    assert all("Trump Intensifies" in r.title for r in results[:4])

"""The exported HTML reports of every bundled article: complete, offline, charts drawn, titled, escaped.

One build of every article in ``data/articles/`` (``build_reports`` into a temporary folder, shared
by this module), then:

* files: each article has its three pages, ``index.html``, ``summary.json``, and for every chart
  on a page the PNG, SVG and CSV in ``figures/``; no staging folder is left; inputs are unchanged;
* static: no page refers to anything remote; plotly.js is one shared local copy;
* execution: the seed's three notebooks and its summary run in one kernel (started once; before the
  summary it holds the variables of all three notebooks; gone afterwards), and building the seed
  again gives the same bytes in every file; the cell run between notebooks restores pandas'
  display options and binds no name;
* in headless Chromium, from ``file://`` with all network blocked (``tests/support/browser_probe.py``):
  no request leaves, no console error, every plotly chart has drawn its SVG, the page title names
  the article, the annotated article (``.al-annotated``) is on its own page, ``article.html`` — and a
  full-page screenshot of every page is saved under ``tests/artifacts/reports/`` (git-ignored).
"""

from __future__ import annotations

import html
import json
import os
import re
from pathlib import Path

import pytest

from analysis.core.config import ARTICLES_DIR, NOTEBOOKS_DIR
from analysis.core.io import article_files, file_sha256
from analysis.output.report import NOTEBOOKS

from conftest import ROOT

SEED_SLUG = "seed-us-immigration-enforcement"
SEED_TITLE = "Trump Intensifies Immigration Enforcement Efforts Amid Sanctuary City Tensions"
ARTIFACTS = ROOT / "tests" / "artifacts" / "reports"


@pytest.fixture(scope="module")
def bundled(tmp_path_factory):
    """Every bundled article built once; input hashes taken before and after."""
    from analysis.output.report import build_reports

    paths = article_files()
    assert paths, "no bundled articles in data/articles/"
    before = {p.name: file_sha256(p) for p in paths}
    out = tmp_path_factory.mktemp("bundled-reports")
    results = build_reports(paths, out, workers=2)
    after = {p.name: file_sha256(ARTICLES_DIR / p.name) for p in paths}
    slugs = {}
    for r in results:
        if r.slug and r.folder and (r.folder / "summary.json").exists():
            slugs[r.slug] = json.loads((r.folder / "summary.json").read_text(encoding="utf-8"))["article"]["title"]
    return {"out": out, "results": results, "paths": paths, "before": before, "after": after, "titles": slugs}


def _tree_hashes(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): file_sha256(p) for p in sorted(folder.rglob("*")) if p.is_file()}


def _article_pages(out: Path, slug: str) -> list[Path]:
    return [out / slug / f"{stem}.html" for stem, _ in NOTEBOOKS] + [out / slug / "article.html", out / slug / "index.html"]


def test_every_bundled_article_is_built(bundled):
    errors = [r.error for r in bundled["results"] if r.error]
    assert not errors, errors
    assert len(bundled["titles"]) == len(bundled["paths"])
    out = bundled["out"]
    assert not [p.name for p in out.iterdir() if p.name.startswith(".")], "staging or old folders left behind"
    assert (out / "assets" / "plotly.min.js").stat().st_size > 1_000_000


def test_inputs_are_not_modified(bundled):
    assert bundled["after"] == bundled["before"]


def test_report_files(bundled):
    out = bundled["out"]
    for slug in bundled["titles"]:
        folder = out / slug
        for page in _article_pages(out, slug):
            assert page.stat().st_size > 1000, page
        assert (folder / "summary.json").exists()
        for stem, _ in NOTEBOOKS:
            text = (folder / f"{stem}.html").read_text(encoding="utf-8")
            assert '<script src="../assets/plotly.min.js"' in text
            chart_ids = re.findall(r'Plotly\.newPlot\(\s*"([^"]+)"', text)
            assert chart_ids, (slug, stem, "no chart on the page")
            assert len(chart_ids) == len(set(chart_ids)), (slug, stem, "duplicate chart ids")
            for chart_id in chart_ids:
                for ext in ("png", "svg"):
                    saved = folder / "figures" / f"{chart_id}.{ext}"
                    assert saved.exists() and saved.stat().st_size > 500, saved
                csv = (folder / "figures" / f"{chart_id}.csv").read_text(encoding="utf-8")
                assert csv.strip(), (slug, chart_id)  # at least the header (an empty chart has no rows)


def test_seed_is_in_the_index(bundled):
    index = (bundled["out"] / "index.html").read_text(encoding="utf-8")
    assert f'href="{SEED_SLUG}/index.html"' in index and html.escape(SEED_TITLE) in index
    for slug in bundled["titles"]:
        assert f'href="{slug}/index.html"' in index


def test_index_shows_each_articles_main_findings(bundled):
    """A reader sees every article's top findings on the first page, each sentence id a link into that article."""
    index = (bundled["out"] / "index.html").read_text(encoding="utf-8")
    rows = re.findall(r"<tr><td.*?</tr>", index, re.S)
    assert len(rows) == len(bundled["titles"])
    for row in rows:
        top = re.search(r'<ul class="al-top">(.*?)</ul>', row, re.S)
        assert top and 1 <= top.group(1).count("<li>") <= 3, row[:200]
        slug = re.search(r'href="([^"/]+)/index.html"', row).group(1)
        links = re.findall(r'href="([^"]+)#(s\d+)"', top.group(1))
        assert links and all(page == f"{slug}/article.html" for page, _ in links)
        article = (bundled["out"] / slug / "article.html").read_text(encoding="utf-8")
        assert all(f'id="{sid}"' in article for _, sid in links)
    seed_row = next(r for r in rows if f'href="{SEED_SLUG}/index.html"' in r)
    assert "No one is quoted directly" in html.unescape(seed_row)


def test_reports_load_nothing_remote(bundled):
    for page in bundled["out"].rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        srcs = re.findall(r"""<(?:script|link|img|iframe|source|video|audio)[^>]+(?:src|href)\s*=\s*["']([^"']+)""", text, re.I)
        assert all(not re.match(r"(?i)(https?:)?//", s) for s in srcs), (page.name, srcs)
        assert "cdn.plot.ly" not in text and "cdnjs" not in text and "@import" not in text
        assert not re.search(r"""url\(\s*["']?(?:https?:)?//""", text), page.name


def test_page_titles_name_the_article(bundled):
    out = bundled["out"]
    seed = (out / SEED_SLUG / "02-framing.html").read_text(encoding="utf-8")
    assert f"<title>Framing — {SEED_TITLE}</title>" in seed
    for slug, title in bundled["titles"].items():
        for page in _article_pages(out, slug):
            m = re.search(r"<title>(.*?)</title>", page.read_text(encoding="utf-8"), re.S)
            assert m and html.escape(title) in m.group(1), (page, m and m.group(1))


def test_reports_in_headless_chromium(bundled):
    from support.browser_support import skip_without_chromium

    skip_without_chromium()
    from support.browser_probe import probe_pages

    out = bundled["out"]
    pages = [out / "index.html"]
    if (out / "compare.html").exists():
        pages.append(out / "compare.html")
    owner = {}
    for slug in sorted(bundled["titles"]):
        for page in _article_pages(out, slug):
            pages.append(page)
            owner[page] = slug
    probes = probe_pages(pages, screenshot_dir=ARTIFACTS, root=out, selectors=[".al-annotated"], hover=False)
    assert len(probes) == len(pages)
    for probe in probes:
        name = str(probe.path.relative_to(out))
        assert probe.external_requests == [], (name, probe.external_requests)
        assert probe.console_errors == [], (name, probe.console_errors)
        assert probe.dialogs == [] and probe.xss is None, name
        assert probe.rendered_plots == probe.plot_containers, (name, probe.rendered_plots, probe.plot_containers)
        assert probe.screenshot is not None and probe.screenshot.stat().st_size > 10_000, name
        slug = owner.get(probe.path)
        if slug is None:
            continue
        title = bundled["titles"][slug]
        assert title in probe.title, (name, probe.title)
        if probe.path.name not in ("index.html", "article.html"):
            assert probe.plot_containers > 0, name
            assert title in probe.text  # the provenance header names it too
        if probe.path.name == "article.html":
            assert probe.counts[".al-annotated"] == 1, (name, "no annotated article")


def _assigned_names(notebook: Path) -> set[str]:
    """The names a notebook's code cells assign at top level (``x = ...``)."""
    import ast

    import nbformat

    names: set[str] = set()
    for cell in nbformat.read(str(notebook), as_version=4).cells:
        if cell.cell_type == "code":
            for node in ast.parse(cell.source).body:
                if isinstance(node, ast.Assign):
                    names |= {t.id for t in node.targets if isinstance(t, ast.Name)}
    return names


def test_one_kernel_runs_every_notebook_of_an_article(bundled, tmp_path, monkeypatch):
    """The seed built again, in this process: one kernel runs its three notebooks and then its summary
    (it still holds every variable the three notebooks assign), and is gone afterwards; the files are
    byte for byte those of the first build (made in a pool worker)."""
    import ast

    import analysis.output.report as report

    started, executed, kernel_names = [], [], []
    real_start, real_execute, real_summary = report._start_kernel, report._execute, report._write_summary

    def start(cwd):
        km = real_start(cwd)
        started.append((km, km.provisioner.pid))
        return km

    def execute(notebook, parameters, km):
        executed.append((Path(notebook).stem, km))
        return real_execute(notebook, parameters, km)

    def summary(km, article, target):
        shown = report._run_code("print(sorted(k for k in globals() if not k.startswith('_')))", km)
        kernel_names.append((km, set(ast.literal_eval(shown.cells[0].outputs[0].text))))
        return real_summary(km, article, target)

    monkeypatch.setattr(report, "_start_kernel", start)
    monkeypatch.setattr(report, "_execute", execute)
    monkeypatch.setattr(report, "_write_summary", summary)
    result = report.build_article_report(ARTICLES_DIR / f"{SEED_SLUG}.txt", tmp_path)
    assert result.error is None, result.error
    assert len(started) == 1
    km, pid = started[0]
    assert executed == [(stem, km) for stem, _ in NOTEBOOKS]
    assert [k for k, _ in kernel_names] == [km]
    for stem, _ in NOTEBOOKS:  # every notebook ran in that kernel: its variables are there
        assigned = _assigned_names(NOTEBOOKS_DIR / f"{stem}.ipynb")
        assert assigned and assigned <= kernel_names[0][1], (stem, assigned - kernel_names[0][1])
    with pytest.raises(ProcessLookupError):  # shut down once the build is done
        os.kill(pid, 0)
    # Deterministic: same article, same bytes (pages, figures, CSVs, summary, index).
    assert _tree_hashes(tmp_path / SEED_SLUG) == _tree_hashes(bundled["out"] / SEED_SLUG)
    assert not [p.name for p in tmp_path.iterdir() if p.name.startswith(".")]


def test_cell_between_notebooks_restores_pandas_display_and_binds_nothing():
    """01 and 02 widen pandas' column width; in a shared kernel 03 must still see the default."""
    import pandas as pd

    from analysis.output.report import _BETWEEN_NOTEBOOKS

    pd.reset_option("display.max_colwidth")
    default = pd.get_option("display.max_colwidth")
    namespace: dict = {}
    try:
        pd.set_option("display.max_colwidth", default + 170)
        exec(_BETWEEN_NOTEBOOKS, namespace)  # noqa: S102 - our own constant
        assert pd.get_option("display.max_colwidth") == default
    finally:
        pd.reset_option("display.max_colwidth")
    assert set(namespace) == {"__builtins__"}


def test_report_kernels_import_this_checkouts_package(tmp_path):
    """A build's kernel and chart worker get this checkout first on PYTHONPATH, so they run the same code
    as the build even when another checkout is installed in editable mode (the path is computed from
    analysis.core.config.ROOT: a module moved deeper into the package must not change it)."""
    import subprocess
    import sys

    from analysis.output.charts.export import BACKGROUND_CHARTS_ENV
    from analysis.output.report import kernel_environment

    env = kernel_environment()
    assert env[BACKGROUND_CHARTS_ENV] == "1"
    assert env["PYTHONPATH"].split(os.pathsep)[0] == str(ROOT)
    done = subprocess.run([sys.executable, "-c", "import analysis; print(analysis.__file__)"], cwd=tmp_path, env=env,
                          capture_output=True, text=True, check=True)
    assert Path(done.stdout.strip()) == ROOT / "analysis" / "__init__.py"

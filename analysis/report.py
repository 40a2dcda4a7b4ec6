"""Build the HTML reports: execute each notebook on an article with papermill, export it without code, add the shared plotly.js, and write index pages — each folder swapped into place only when complete."""

from __future__ import annotations

import html
import json
import os
import shutil
import tempfile
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Sequence

from .article import Article, load_article
from .config import ARTICLES_DIR, NOTEBOOKS_DIR, REPORTS_DIR, VERSION
from .errors import ArticleError
from .io import replace_dir_atomic, write_text_atomic

__all__ = ["NOTEBOOKS", "ReportResult", "build_reports", "build_article_report", "article_files", "write_site_index"]

#: The per-article notebooks, in reading order, with the title of their report.
NOTEBOOKS: tuple[tuple[str, str], ...] = (
    ("01-language", "Language"),
    ("02-framing", "Framing"),
    ("03-figures", "Figures"),
)
PLOTLY_ASSET = "assets/plotly.min.js"

_CSS = """
body{font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;max-width:1000px;margin:2em auto;padding:0 1em;color:#222;line-height:1.5}
nav.al-nav{font-size:.9em;margin-bottom:1em}nav.al-nav a{margin-right:1em}
table{border-collapse:collapse;font-size:.85em;margin:.5em 0}th,td{border:1px solid #ddd;padding:.25em .5em;text-align:left;vertical-align:top}
th{background:#f4f4f4}.jp-InputPrompt,.jp-OutputPrompt{display:none}pre{white-space:pre-wrap}
.al-provenance th{width:9em}.chart-caption{font-size:.8em;color:#555}
mark{padding:0 .1em}.al-warning{background:#fff4f4}
"""


@dataclass(frozen=True)
class ReportResult:
    """What happened to one article: its slug and folder, or the one-line error."""

    source: str
    slug: str | None
    folder: Path | None
    error: str | None = None


def article_files(directory: Path = ARTICLES_DIR) -> list[Path]:
    """The article files of a folder (``*.txt``), sorted by name."""
    return sorted(p for p in directory.glob("*.txt") if p.is_file() and not p.name.startswith("."))


def _page(title: str, body: str, *, asset_prefix: str = "../", with_plotly: bool = True, nav: str = "") -> str:
    plotly = f'<script src="{asset_prefix}{PLOTLY_ASSET}" charset="utf-8"></script>' if with_plotly else ""
    return (
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'self' 'unsafe-inline' data: blob:; connect-src 'none'\">\n"
        f"<title>{html.escape(title)}</title>\n<style>{_CSS}</style>\n{plotly}\n</head>\n<body>\n{nav}\n{body}\n</body>\n</html>\n"
    )


def _export_html(nb_node) -> str:
    """The notebook's outputs and prose as HTML (code cells hidden), without a page around them."""
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(template_name="basic", exclude_input=True, exclude_input_prompt=True,
                            exclude_output_prompt=True)
    body, _ = exporter.from_notebook_node(nb_node)
    return body


def _nav(article_title: str, current: str | None) -> str:
    links = ['<a href="../index.html">All articles</a>', '<a href="index.html">This article</a>']
    for stem, label in NOTEBOOKS:
        if stem == current:
            links.append(f"<strong>{html.escape(label)}</strong>")
        else:
            links.append(f'<a href="{stem}.html">{html.escape(label)}</a>')
    return f'<nav class="al-nav">{" ".join(links)}</nav>'


def _execute(notebook: Path, output: Path, parameters: dict, cwd: Path):
    import papermill

    return papermill.execute_notebook(
        str(notebook), str(output), parameters=parameters, kernel_name="python3", cwd=str(cwd),
        progress_bar=False, log_output=False, report_mode=False,
    )


def build_article_report(path: Path, out_dir: Path = REPORTS_DIR, *, notebooks_dir: Path = NOTEBOOKS_DIR) -> ReportResult:
    """Build ``out_dir/<slug>/`` for one article. The previous folder stays until the new one is complete."""
    import nbformat

    from .summary import build_summary

    try:
        article = load_article(path)
    except ArticleError as exc:
        return ReportResult(str(path), None, None, str(exc))
    out_dir.mkdir(parents=True, exist_ok=True)
    _ensure_plotly_asset(out_dir)
    staging = Path(tempfile.mkdtemp(prefix=f".staging-{article.slug}-", dir=out_dir))
    work = Path(tempfile.mkdtemp(prefix="article-lens-run-"))
    try:
        figures_dir = staging / "figures"
        figures_dir.mkdir()
        for stem, label in NOTEBOOKS:
            src = notebooks_dir / f"{stem}.ipynb"
            executed = work / f"{stem}.ipynb"
            try:
                _execute(src, executed, {"article": str(Path(path).resolve()), "figures_dir": str(figures_dir)}, notebooks_dir)
            except Exception as exc:  # noqa: BLE001 - papermill raises many kinds; report one line
                msg = str(exc).strip().splitlines()
                last = next((line for line in reversed(msg) if line.strip()), type(exc).__name__)
                return ReportResult(str(path), article.slug, None, f"{stem} failed on '{path}': {last[:300]}")
            nb = nbformat.read(str(executed), as_version=4)
            body = _export_html(nb)
            title = f"{label} — {article.title}"
            write_text_atomic(staging / f"{stem}.html", _page(title, body, nav=_nav(article.title, stem)))
        summary = build_summary(article)
        write_text_atomic(staging / "summary.json", json.dumps(summary, indent=1, ensure_ascii=False, sort_keys=False) + "\n")
        write_text_atomic(staging / "index.html", _article_index(article, summary))
        os.chmod(staging, 0o755)
        replace_dir_atomic(staging, out_dir / article.slug)
        return ReportResult(str(path), article.slug, out_dir / article.slug)
    finally:
        shutil.rmtree(work, ignore_errors=True)
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)


def _article_index(article: Article, summary: dict) -> str:
    meta = article.metadata
    items = "".join(f'<li><a href="{stem}.html">{html.escape(label)}</a></li>' for stem, label in NOTEBOOKS)
    facts = [
        ("Source", meta.get("source", "not given")),
        ("Date", meta.get("date", "not given")),
        ("Words", summary["article"]["n_words"]),
        ("Sentences", summary["article"]["n_sentences"]),
        ("Figures", len(summary["figures"])),
    ]
    if meta.get("url"):
        facts.insert(1, ("URL", meta["url"]))
    rows = "".join(f"<tr><th>{html.escape(k)}</th><td>{html.escape(str(v))}</td></tr>" for k, v in facts)
    body = (
        f"<h1>{html.escape(article.title)}</h1>\n<table>{rows}</table>\n<h2>Reports</h2>\n<ul>{items}</ul>\n"
        '<p>Charts as PNG, SVG and the CSV behind each: <a href="figures/">figures/</a>. '
        'All measures as JSON: <a href="summary.json">summary.json</a>.</p>'
    )
    return _page(article.title, body, with_plotly=False, nav='<nav class="al-nav"><a href="../index.html">All articles</a></nav>')


def write_site_index(out_dir: Path = REPORTS_DIR) -> Path:
    """``out_dir/index.html`` listing every article folder that has a ``summary.json``, by title."""
    rows = []
    for summary_path in sorted(out_dir.glob("*/summary.json")):
        try:
            s = json.loads(summary_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        a = s.get("article", {})
        slug = summary_path.parent.name
        grade = s.get("language", {}).get("readability", {}).get("flesch_kincaid_grade")
        tone = s.get("language", {}).get("tone", {}).get("mean_compound")
        rows.append((a.get("title", slug), slug, a.get("metadata", {}).get("source", ""), a.get("n_words", ""),
                     "" if grade is None else f"{grade:.1f}", "" if tone is None else f"{tone:+.2f}", len(s.get("figures", []))))
    rows.sort(key=lambda r: (r[0].casefold(), r[1]))
    head = "<tr><th>Article</th><th>Source</th><th>Words</th><th>Grade (Flesch–Kincaid)</th><th>Mean tone</th><th>Figures</th></tr>"
    body_rows = "".join(
        f'<tr><td><a href="{html.escape(slug)}/index.html">{html.escape(title)}</a></td><td>{html.escape(source)}</td>'
        f"<td>{html.escape(str(words))}</td><td>{grade}</td><td>{tone}</td><td>{nfig}</td></tr>"
        for title, slug, source, words, grade, tone, nfig in rows
    )
    body = f"<h1>article-lens reports</h1>\n<p>{len(rows)} article(s). article-lens {html.escape(VERSION)}.</p>\n<table>{head}{body_rows}</table>"
    return write_text_atomic(out_dir / "index.html", _page("article-lens reports", body, with_plotly=False))


def _ensure_plotly_asset(out_dir: Path) -> Path:
    from plotly.offline import get_plotlyjs

    target = out_dir / PLOTLY_ASSET
    js = get_plotlyjs()
    if not target.exists() or target.stat().st_size != len(js.encode("utf-8")):
        write_text_atomic(target, js)
    return target


def _build_one(args: tuple[str, str]) -> ReportResult:
    path, out_dir = args
    return build_article_report(Path(path), Path(out_dir))


def build_reports(paths: Sequence[Path] | None = None, out_dir: Path = REPORTS_DIR, *, workers: int = 1) -> list[ReportResult]:
    """Build the reports of the given articles (default: every article in data/articles/), then the index."""
    paths = list(paths) if paths else article_files()
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    _ensure_plotly_asset(out_dir)
    jobs = [(str(p), str(out_dir)) for p in paths]
    if workers > 1 and len(jobs) > 1:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            results = list(pool.map(_build_one, jobs))
    else:
        results = [_build_one(j) for j in jobs]
    write_site_index(out_dir)
    return results


def iter_errors(results: Iterable[ReportResult]) -> list[str]:
    return [r.error for r in results if r.error]

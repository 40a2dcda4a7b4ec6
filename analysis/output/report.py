"""Build the HTML reports: run an article's notebooks in one kernel (parameters injected as papermill does), export them without code, add the shared plotly.js, and write index pages — each folder swapped into place only when complete."""

from __future__ import annotations

import html
import os
import re
import shutil
import tempfile
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator, Sequence

from ..core.article import Article, load_article, slugify
from ..core.config import NOTEBOOKS_DIR, REPORTS_DIR, ROOT, VERSION
from ..core.errors import ArticleError
from ..core.io import article_files, read_json, replace_dir_atomic, write_text_atomic
from ..core.lexicons import lexicon_versions
from .brief import findings, load_reliability
from .charts.export import BACKGROUND_CHARTS_ENV
from .corpus import metrics_from_summary
from .html.brief import brief_html
from .html.page import PAGE_CSS, drop_sanity_cells, method_footer, print_images, table_of_contents
from .html.tables import TABLE_CSS, TABLE_SCRIPT, link_sentence_ids

__all__ = [
    "NOTEBOOKS",
    "COMPARE_NOTEBOOK",
    "ReportResult",
    "build_reports",
    "build_article_report",
    "build_compare_report",
    "build_corpus_report",
    "CORPUS_NOTEBOOK",
    "write_site_index",
    "index_rows",
    "iter_errors",
]

#: The per-article notebooks, in reading order, with the title of their report.
NOTEBOOKS: tuple[tuple[str, str], ...] = (
    ("01-language", "Language"),
    ("02-framing", "Framing"),
    ("03-figures", "Figures"),
)
#: The comparison notebook, exported as ``compare.html`` beside the index (figures in ``compare_figures/``;
#: an underscore can never be in an article's slug, so the folder cannot clash with an article's).
COMPARE_NOTEBOOK: tuple[str, str] = ("04-compare", "Comparison")
COMPARE_PAGE = "compare.html"
COMPARE_FIGURES = "compare_figures"
PLOTLY_ASSET = "assets/plotly.min.js"
#: The corpus notebook, exported as ``corpus.html`` beside the index (figures in ``corpus_figures/``).
CORPUS_NOTEBOOK: tuple[str, str] = ("05-corpus", "Corpus")
CORPUS_PAGE = "corpus.html"
CORPUS_FIGURES = "corpus_figures"

_CSS = """
body{font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;max-width:1000px;margin:2em auto;padding:0 1em;color:#222;line-height:1.5}
nav.al-nav{font-size:.9em;margin-bottom:1em}nav.al-nav a{margin-right:1em}
table{border-collapse:collapse;font-size:.85em;margin:.5em 0}th,td{border:1px solid #ddd;padding:.25em .5em;text-align:left;vertical-align:top}
th{background:#f4f4f4}.jp-InputPrompt,.jp-OutputPrompt{display:none}pre{white-space:pre-wrap}
.al-provenance th{width:9em}.chart-caption{font-size:.8em;color:#555}
mark{padding:0 .1em}.al-warning{background:#fff4f4}
table.al-sortable th button{all:unset;cursor:pointer;font-weight:bold}table.al-sortable th button:focus-visible{outline:2px solid #1f77b4}
table.al-sortable th[aria-sort=ascending] button::after{content:" \\25B2"}table.al-sortable th[aria-sort=descending] button::after{content:" \\25BC"}
td.num{text-align:right;font-variant-numeric:tabular-nums}.al-reports{font-size:.85em}.al-legend{font-size:.85em;color:#444}
"""


@dataclass(frozen=True)
class ReportResult:
    """What happened to one article: its slug and folder, or the one-line error."""

    source: str
    slug: str | None
    folder: Path | None
    error: str | None = None
    #: The page written when it is not ``folder/index.html`` (the comparison page).
    page: Path | None = None


def _page(title: str, body: str, *, asset_prefix: str = "../", with_plotly: bool = True, nav: str = "",
          footer: str = "") -> str:
    plotly = f'<script src="{asset_prefix}{PLOTLY_ASSET}" charset="utf-8"></script>' if with_plotly else ""
    return (
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'self' 'unsafe-inline' data: blob:; connect-src 'none'\">\n"
        f"<title>{html.escape(title)}</title>\n<style>{_CSS}{TABLE_CSS}{PAGE_CSS}</style>\n{plotly}\n</head>\n<body>\n{nav}\n"
        f"{table_of_contents(body)}\n{body}\n{footer}\n<script>{TABLE_SCRIPT}</script>\n</body>\n</html>\n"
    )


def _export_html(nb_node) -> str:
    """The notebook's outputs and prose as HTML (code cells hidden), without a page around them."""
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(template_name="basic", exclude_input=True, exclude_input_prompt=True,
                            exclude_output_prompt=True)
    shown = nb_node.copy()
    shown.cells = drop_sanity_cells(list(nb_node.cells))  # checks of the code, run in the notebook, not for readers
    body, _ = exporter.from_notebook_node(shown)
    return body


def _method_facts(article: Article | None = None) -> list[tuple[str, str]]:
    facts = []
    if article is not None:
        meta = article.metadata
        facts += [("Article", article.title), ("File", Path(article.path).name if article.path else ""),
                  *((key.capitalize(), meta.get(key, "")) for key in ("source", "author", "date", "url", "licence",
                                                                      "attribution"))]
    facts += [("Analysed with", f"article-lens {VERSION}"),
              ("Lexicons", ", ".join(f"{k} {v}" for k, v in lexicon_versions().items())),
              ("How each measure was checked against public gold data", "docs/accuracy.md in the article-lens project")]
    return facts


def _write_page(target: Path, nb_node, title: str, nav: str, footer: str = "", charts: str = "figures") -> Path:
    """Export an executed notebook as a report page; sentence ids in tables link to the annotated article, each
    chart has its PNG for print."""
    body = print_images(link_sentence_ids(_export_html(nb_node)), charts)
    return write_text_atomic(target, _page(title, body, nav=nav, footer=footer))


def _nav(article_title: str, current: str | None) -> str:
    links = ['<a href="../index.html">All articles</a>', '<a href="index.html">This article</a>']
    for stem, label in NOTEBOOKS:
        if stem == current:
            links.append(f"<strong>{html.escape(label)}</strong>")
        else:
            links.append(f'<a href="{stem}.html">{html.escape(label)}</a>')
    return f'<nav class="al-nav">{" ".join(links)}</nav>'


#: Kernel start-up limit in seconds: papermill's ``start_timeout``. Cells have no time limit, as
#: under papermill (its ``execution_timeout`` defaults to none).
KERNEL_START_TIMEOUT = 60
CELL_TIMEOUT: int | None = None
KERNEL_NAME = "python3"

#: Run before each notebook in a shared kernel (its output is discarded). The only process state the
#: notebooks change that alters what a later one shows: 01 and 02 widen pandas' ``display.max_colwidth``,
#: 03 relies on the default. Nothing else is reset: a notebook using a *variable* left by an earlier one
#: would work here but not alone, and nbval runs every notebook alone in a fresh kernel (``make test``),
#: so such a dependency fails the tests instead of passing silently. No name is bound by this cell.
_BETWEEN_NOTEBOOKS = '__import__("pandas").reset_option("display") if "pandas" in __import__("sys").modules else None'

#: Writes the JSON summary from the kernel that ran the article's notebooks, where every analysis is
#: already cached for the same ``Article`` (loaded the way the notebooks load it). Binds no name.
_SUMMARY_CODE = """\
def _article_lens_summary(article, target):
    import json

    from analysis.core.io import write_text_atomic
    from analysis.output.notebook import load
    from analysis.output.summary import build_summary

    summary = build_summary(load(article))
    write_text_atomic(target, json.dumps(summary, indent=1, ensure_ascii=False, sort_keys=False) + "\\n")


_article_lens_summary({article!r}, {target!r})
del _article_lens_summary
"""

_ANSI_RE = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")


def kernel_environment() -> dict[str, str]:
    """The environment of a report build's kernel: this process's, with background chart drawing switched on
    and, in a checkout, the checkout's folder first on ``PYTHONPATH``.

    Static chart images are drawn in a second process while the notebooks go on
    (:mod:`analysis.output.charts.export`); the build collects them before the report is swapped in. The
    kernel (and the chart worker it starts) must import the same ``analysis`` package as this process: an
    editable install elsewhere (another checkout of the project) would otherwise win in the kernel. Only
    for a checkout (``pyproject.toml`` beside the package): a site-packages folder is never put ahead of
    the standard library.
    """
    env = {**os.environ, BACKGROUND_CHARTS_ENV: "1"}
    if (ROOT / "pyproject.toml").is_file() and (ROOT / "analysis" / "__init__.py").is_file():
        env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH", "")) if p)
    return env


def _start_kernel(cwd: Path):
    """Start a kernel working in ``cwd`` (where papermill ran the notebooks) and return its manager.

    jupyter_client's asynchronous manager, the kind nbclient drives; its IPython history stays in memory,
    as in nbclient's own kernels, so parallel builds never share a history file.
    """
    from jupyter_client import AsyncKernelManager
    from jupyter_core.utils import run_sync

    km = AsyncKernelManager(kernel_name=KERNEL_NAME)
    env = kernel_environment()
    # log_level=ERROR: the kernel's start-up warning about unencrypted local TCP (loopback only, a
    # kernel per build) was printed once per article by every `make report`; errors still show.
    run_sync(km.start_kernel)(cwd=str(cwd), env=env, extra_arguments=["--HistoryManager.hist_file=:memory:",
                                                                      "--IPKernelApp.log_level=ERROR"])
    return km


#: The kernel client of each running kernel (see :func:`_run`), closed by :func:`_stop_kernel`.
_CLIENTS: dict = {}


def _stop_kernel(km) -> None:
    """Stop the kernel and remove its connection file. At once: every cell has replied by now, so all it
    wrote is complete and there is nothing to wait for (a polite shutdown took 0.5–3 s of each build)."""
    from jupyter_core.utils import run_sync

    kc = _CLIENTS.pop(km, None)
    try:
        if kc is not None:
            kc.stop_channels()
    finally:
        run_sync(km.shutdown_kernel)(now=True)


@contextmanager
def _kernel(cwd: Path) -> Iterator:
    """One kernel for a whole build: every notebook of an article runs in it, so libraries, NLTK models and
    the analyses (cached per process) are loaded and computed once, not once per notebook."""
    km = _start_kernel(cwd)
    try:
        yield km
    finally:
        _stop_kernel(km)


def _run(nb, km):
    """Execute every cell of ``nb`` in the running kernel ``km`` and return ``nb`` with its outputs.

    Raises nbclient's ``CellExecutionError`` when a cell fails (``DeadKernelError`` when the kernel dies);
    the kernel is left running either way.

    Every run in the same kernel talks to it through one kernel client (channels open until
    :func:`_stop_kernel`): a new client waits for the kernel to answer and then for its output
    channel to stay quiet for 0.2 s, which cost 0.3–0.5 s for each of a build's eight runs.
    """
    from nbclient import NotebookClient

    client = NotebookClient(nb, km=km, kernel_name=KERNEL_NAME, timeout=CELL_TIMEOUT,
                            startup_timeout=KERNEL_START_TIMEOUT, raise_on_iopub_timeout=True)
    client.kc = _CLIENTS.get(km)  # None the first time: nbclient starts one (and waits until it is ready)
    try:
        client.execute()
    finally:
        if client.kc is not None and km not in _CLIENTS:
            _CLIENTS[km] = client.kc
    return nb


def _run_code(code: str, km):
    """Run ``code`` in the kernel as a one-cell notebook; returns that notebook."""
    import nbformat

    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(code)])
    nb.metadata["kernelspec"] = {"name": KERNEL_NAME, "display_name": "Python 3", "language": "python"}
    return _run(nb, km)


def _execute(notebook: Path, parameters: dict, km):
    """Run ``notebook`` with ``parameters`` in the running kernel ``km`` and return the executed notebook.

    The notebook is read and parameterised by papermill's own functions, so the cell tagged
    ``injected-parameters`` is exactly the one ``papermill -p`` writes, except for its id: papermill's is
    random and the exported HTML shows it, so it is fixed here to keep reports byte-identical.
    """
    from papermill.iorw import load_notebook_node
    from papermill.parameterize import parameterize_notebook

    nb = load_notebook_node(str(notebook))
    if parameters:
        nb = parameterize_notebook(nb, parameters, kernel_name=KERNEL_NAME)
        for cell in nb.cells:  # papermill gives the new cell a random id, which the HTML shows
            if "injected-parameters" in cell.metadata.get("tags", []):
                cell.id = "injected-parameters"
    return _run(nb, km)


def _wait_for_charts(km) -> None:
    """Wait in the kernel for the static chart images drawn in the background; a chart that failed fails the build."""
    _run_code("__import__('analysis.output.charts.export', fromlist=['export']).wait_for_charts()\n"
              "__import__('analysis.output.charts.export', fromlist=['export']).stop_chart_workers()", km)


def _write_summary(km, article: str, target: Path) -> None:
    """Write ``target`` (the JSON summary of ``article``) from the kernel that ran the article's notebooks."""
    _run_code(_SUMMARY_CODE.format(article=article, target=str(target)), km)


def _last_line(exc: BaseException) -> str:
    """What went wrong, in one line: the last line of the error (a cell's traceback ends with the exception), without colours."""
    lines = _ANSI_RE.sub("", str(exc)).strip().splitlines()
    return next((line.strip() for line in reversed(lines) if line.strip()), type(exc).__name__)


def build_article_report(path: Path, out_dir: Path = REPORTS_DIR, *, notebooks_dir: Path = NOTEBOOKS_DIR) -> ReportResult:
    """Build ``out_dir/<slug>/`` for one article. The previous folder stays until the new one is complete.

    The article's notebooks run one after the other in one kernel (see :func:`_kernel`), then the summary
    is written from that kernel too.
    """
    try:
        article = load_article(path)
    except ArticleError as exc:
        return ReportResult(str(path), None, None, str(exc))
    out_dir.mkdir(parents=True, exist_ok=True)
    _ensure_plotly_asset(out_dir)
    for stale in out_dir.glob(f".staging-{article.slug}-*"):  # left by an interrupted run
        shutil.rmtree(stale, ignore_errors=True)
    staging = Path(tempfile.mkdtemp(prefix=f".staging-{article.slug}-", dir=out_dir))
    source = str(Path(path).resolve())
    step = NOTEBOOKS[0][0]
    try:
        charts_dir = staging / "figures"
        charts_dir.mkdir()
        params = {"article": source, "charts_dir": str(charts_dir)}
        # A page is exported (nbconvert, in this process) while the kernel runs the next notebook.
        with ThreadPoolExecutor(max_workers=1) as exporter:
            try:
                pages = []
                with _kernel(notebooks_dir) as km:
                    for i, (stem, label) in enumerate(NOTEBOOKS):
                        step = stem
                        if i:
                            _run_code(_BETWEEN_NOTEBOOKS, km)
                        nb = _execute(notebooks_dir / f"{stem}.ipynb", params, km)
                        pages.append((stem, exporter.submit(_write_page, staging / f"{stem}.html", nb,
                                                            f"{label} — {article.title}", _nav(article.title, stem),
                                                            method_footer(_method_facts(article)))))
                    step = "summary"
                    _write_summary(km, source, staging / "summary.json")
                    step = "figures"
                    _wait_for_charts(km)
                for stem, page in pages:
                    step = stem
                    page.result()
            except Exception as exc:  # noqa: BLE001 - kernels and cells raise many kinds; report one line
                return ReportResult(str(path), article.slug, None, f"{step} failed on '{path}': {_last_line(exc)[:300]}")
        summary = read_json(staging / "summary.json")
        write_text_atomic(staging / "index.html", _article_index(article, summary))
        os.chmod(staging, 0o755)
        replace_dir_atomic(staging, out_dir / article.slug)
        return ReportResult(str(path), article.slug, out_dir / article.slug)
    finally:
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
    brief = brief_html(findings(summary), load_reliability())
    body = (
        f"<h1>{html.escape(article.title)}</h1>\n<h2>What stands out</h2>\n{brief}\n"
        "<p class=\"al-legend\">Ranked by how far the article is from typical news writing (the 44 Brown-corpus news "
        "texts); each sentence id opens that sentence in the annotated article. How each detector was measured: "
        "docs/accuracy.md in the project.</p>\n"
        f"<table>{rows}</table>\n<h2>Reports</h2>\n<ul>{items}</ul>\n"
        '<p>Charts as PNG, SVG and the CSV behind each: <a href="figures/">figures/</a>. '
        'All measures as JSON: <a href="summary.json">summary.json</a>.</p>'
    )
    return _page(article.title, body, with_plotly=False, nav='<nav class="al-nav"><a href="../index.html">All articles</a></nav>')


_SORT_SCRIPT = """
(function () {
  document.querySelectorAll("table.al-sortable").forEach(function (table) {
    var heads = table.tHead.rows[0].cells;
    Array.prototype.forEach.call(heads, function (th, col) {
      var button = th.querySelector("button");
      if (!button) { return; }
      button.addEventListener("click", function () {
        var numeric = th.getAttribute("data-type") === "number";
        var ascending = th.getAttribute("aria-sort") !== "ascending";
        Array.prototype.forEach.call(heads, function (h) { h.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = a.cells[col].getAttribute("data-sort"), y = b.cells[col].getAttribute("data-sort");
          if (x === y) { return 0; }
          if (x === "") { return 1; }
          if (y === "") { return -1; }
          var c = numeric ? parseFloat(x) - parseFloat(y) : (x < y ? -1 : 1);
          return ascending ? c : -c;
        });
        rows.forEach(function (r) { body.appendChild(r); });
      });
    });
  });
})();
"""

#: The index columns: (metric key, heading, kind, tooltip). Kinds: text or number.
_INDEX_COLUMNS: tuple[tuple[str, str, str, str], ...] = (
    ("title", "Article", "text", "Headline; links to the article's reports"),
    ("source", "Source", "text", "Publication, from the article's metadata"),
    ("date", "Date", "text", "Publication date, from the metadata"),
    ("n_words", "Words", "number", "Words, headline included"),
    ("flesch_kincaid_grade", "Grade", "number", "Flesch–Kincaid US school grade of the prose (higher is harder)"),
    ("mean_tone", "Mean tone", "number", "Mean VADER compound score of the sentences (−1 negative … +1 positive)"),
    ("dominant_frames", "Dominant frames", "text", "Up to three frames the framing analysis marks dominant, strongest first"),
    ("n_figures", "Figures", "number", "Numbers that count, cost or measure something (not years or dates)"),
    ("n_named_sources", "Named sources", "number", "Distinct named people and organisations credited with claims"),
    ("n_anonymous_sources", "Anonymous sources", "number", "Distinct anonymous sources (\"officials said\")"),
    ("n_vague_sources", "Vague sources", "number", "Distinct vague attributions (\"reports suggest\", \"critics say\")"),
)
_MISSING = "—"


def index_rows(out_dir: Path = REPORTS_DIR) -> list[dict]:
    """The metrics of every article folder in ``out_dir`` with a readable ``summary.json``, by title.

    Each row is :func:`analysis.output.corpus.metrics_from_summary` plus ``slug`` (the folder); fields
    missing from older or newer summaries are None or "" (never an error).
    """
    rows = []
    for summary_path in sorted(Path(out_dir).glob("*/summary.json")):
        if summary_path.parent.name.startswith("."):
            continue  # staging or swap leftovers, never an article
        try:
            summary = read_json(summary_path)
        except (OSError, ValueError):
            continue
        if not isinstance(summary, dict):
            continue
        row = metrics_from_summary(summary)
        row["slug"] = summary_path.parent.name
        row["title"] = row["title"] or row["slug"]
        rows.append(row)
    rows.sort(key=lambda r: (r["title"].casefold(), r["slug"]))
    return rows


def _cell(key: str, kind: str, value) -> str:
    cls = ' class="num"' if kind == "number" else ""
    if value is None or value == "":
        return f'<td data-sort=""{cls}>{_MISSING}</td>'
    if kind == "number":
        if key == "mean_tone":
            shown = f"{value:+.2f}"
        elif isinstance(value, float):
            shown = f"{value:.1f}"
        else:
            shown = f"{value:,}"
        return f'<td{cls} data-sort="{html.escape(repr(float(value)))}">{html.escape(shown)}</td>'
    return f'<td data-sort="{html.escape(str(value).casefold(), quote=True)}">{html.escape(str(value))}</td>'


def write_site_index(out_dir: Path = REPORTS_DIR) -> Path:
    """``out_dir/index.html``: every analysed article with its headline metrics, sortable by any column,
    with links to its reports and to the comparison page when there is one."""
    out_dir = Path(out_dir)
    rows = index_rows(out_dir)
    head = "".join(
        f'<th scope="col" data-type="{kind}" title="{html.escape(tip, quote=True)}"><button type="button">{html.escape(label)}</button></th>'
        for _, label, kind, tip in _INDEX_COLUMNS
    )
    body_rows = []
    for r in rows:
        slug = html.escape(r["slug"], quote=True)
        reports = " · ".join(f'<a href="{slug}/{stem}.html">{html.escape(label)}</a>' for stem, label in NOTEBOOKS)
        cells = [
            f'<td data-sort="{html.escape(r["title"].casefold(), quote=True)}"><a href="{slug}/index.html">{html.escape(r["title"])}</a>'
            f'<div class="al-reports">{reports}</div></td>'
        ]
        cells += [_cell(key, kind, r.get(key)) for key, _, kind, _ in _INDEX_COLUMNS[1:]]
        body_rows.append(f"<tr>{''.join(cells)}</tr>")
    compare = ""
    if (out_dir / COMPARE_PAGE).exists():
        compare = f'<p><a href="{COMPARE_PAGE}">Compare the articles side by side</a>: frames, tone, sources, word choices, figures, distinctive words.</p>'
    if (out_dir / CORPUS_PAGE).exists():
        compare += (f'\n<p><a href="{CORPUS_PAGE}">Compare outlets over the corpus</a>: sourcing, unsourced figures, '
                    "frames, tone and loaded words, with confidence intervals.</p>")
    legend = "".join(f"<li><strong>{html.escape(label)}</strong>: {html.escape(tip)}</li>" for _, label, _, tip in _INDEX_COLUMNS)
    body = (
        f"<h1>article-lens reports</h1>\n<p>{len(rows)} article(s). article-lens {html.escape(VERSION)}. "
        "Click a column heading to sort by it (again to reverse).</p>\n"
        f"{compare}\n"
        f'<table class="al-sortable" id="articles"><thead><tr>{head}</tr></thead><tbody>{"".join(body_rows)}</tbody></table>\n'
        f'<ul class="al-legend">{legend}<li>{_MISSING}: not measured for this article.</li></ul>\n'
        f"<script>{_SORT_SCRIPT}</script>"
    )
    return write_text_atomic(out_dir / "index.html", _page("article-lens reports", body, with_plotly=False))


def build_compare_report(paths: Sequence[Path], out_dir: Path = REPORTS_DIR, *,
                         notebooks_dir: Path = NOTEBOOKS_DIR) -> ReportResult:
    """Run the comparison notebook on ``paths`` (in a kernel of its own) and write ``out_dir/compare.html``
    (figures in ``out_dir/compare_figures/``); the previous page stays until the new one is complete."""
    stem, label = COMPARE_NOTEBOOK
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    _ensure_plotly_asset(out_dir)
    staging = Path(tempfile.mkdtemp(prefix=".staging-compare-", dir=out_dir))
    try:
        charts_dir = staging / "figures"
        charts_dir.mkdir()
        params = {"articles": [str(Path(p).resolve()) for p in paths], "article": "", "charts_dir": str(charts_dir)}
        try:
            with _kernel(notebooks_dir) as km:
                nb = _execute(notebooks_dir / f"{stem}.ipynb", params, km)
                _wait_for_charts(km)
        except Exception as exc:  # noqa: BLE001 - kernels and cells raise many kinds; report one line
            return ReportResult("comparison", "compare", None, f"{stem} failed: {_last_line(exc)[:300]}")
        body = print_images(_export_html(nb), COMPARE_FIGURES)
        nav = f'<nav class="al-nav"><a href="index.html">All articles</a> <strong>{html.escape(label)}</strong></nav>'
        os.chmod(charts_dir, 0o755)
        replace_dir_atomic(charts_dir, out_dir / COMPARE_FIGURES)
        page = write_text_atomic(out_dir / COMPARE_PAGE, _page(f"{label} of {len(paths)} articles", body, asset_prefix="",
                                                               nav=nav, footer=method_footer(_method_facts())))
        return ReportResult("comparison", "compare", out_dir, page=page)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def build_corpus_report(tables_dir: Path, out_dir: Path = REPORTS_DIR, *,
                        notebooks_dir: Path = NOTEBOOKS_DIR) -> ReportResult:
    """Run the corpus notebook on a folder of corpus tables (``python -m analysis corpus ... --out DIR``) and write
    ``out_dir/corpus.html`` (figures in ``out_dir/corpus_figures/``); the previous page stays until the new one is
    complete."""
    stem, label = CORPUS_NOTEBOOK
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    _ensure_plotly_asset(out_dir)
    staging = Path(tempfile.mkdtemp(prefix=".staging-corpus-", dir=out_dir))
    try:
        charts_dir = staging / "figures"
        charts_dir.mkdir()
        params = {"tables": str(Path(tables_dir).resolve()), "charts_dir": str(charts_dir)}
        try:
            with _kernel(notebooks_dir) as km:
                nb = _execute(notebooks_dir / f"{stem}.ipynb", params, km)
                _wait_for_charts(km)
        except Exception as exc:  # noqa: BLE001 - kernels and cells raise many kinds; report one line
            return ReportResult("corpus", "corpus", None, f"{stem} failed: {_last_line(exc)[:300]}")
        body = print_images(_export_html(nb), CORPUS_FIGURES)
        nav = f'<nav class="al-nav"><a href="index.html">All articles</a> <strong>{html.escape(label)}</strong></nav>'
        os.chmod(charts_dir, 0o755)
        replace_dir_atomic(charts_dir, out_dir / CORPUS_FIGURES)
        page = write_text_atomic(out_dir / CORPUS_PAGE, _page(f"{label}: outlets compared", body, asset_prefix="",
                                                              nav=nav, footer=method_footer(_method_facts())))
        return ReportResult("corpus", "corpus", out_dir, page=page)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


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


def build_reports(paths: Sequence[Path] | None = None, out_dir: Path = REPORTS_DIR, *, workers: int = 1,
                  compare: bool = True) -> list[ReportResult]:
    """Build the reports of the given articles (default: every article in data/articles/), then, when
    at least two were built and ``compare`` is on, the comparison page, then the index."""
    paths = list(paths) if paths else article_files()
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    _ensure_plotly_asset(out_dir)
    # Two files with the same name (in different folders) would share reports/<slug>/: refuse the later one.
    refused: dict[int, ReportResult] = {}
    seen: dict[str, Path] = {}
    for i, p in enumerate(paths):
        slug = slugify(Path(p).stem)
        if slug in seen and Path(p).resolve() != seen[slug].resolve():
            refused[i] = ReportResult(str(p), slug, None,
                                      f"'{p}' would share the report folder '{slug}' with '{seen[slug]}'; rename one of them.")
        else:
            seen.setdefault(slug, Path(p))
    jobs = [(str(p), str(out_dir)) for i, p in enumerate(paths) if i not in refused]
    if workers > 1 and len(jobs) > 1:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            built_results = list(pool.map(_build_one, jobs))
    else:
        built_results = [_build_one(j) for j in jobs]
    it = iter(built_results)
    results = [refused[i] if i in refused else next(it) for i in range(len(paths))]
    built = [Path(r.source) for r in results if not r.error]
    if compare and len(built) >= 2:
        results.append(build_compare_report(built, out_dir))
    write_site_index(out_dir)
    return results


def iter_errors(results: Iterable[ReportResult]) -> list[str]:
    """The one-line errors of the failed builds among ``results``."""
    return [r.error for r in results if r.error]

"""Build the HTML reports: run an article's notebooks in one kernel (parameters injected as papermill does), export them without code, add the shared plotly.js, and write index pages — each folder swapped into place only when complete."""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import tempfile
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Iterator, Mapping, Sequence

from ..core.article import Article, load_article, slug_for_file
from ..core.config import NOTEBOOKS_DIR, REPORTS_DIR, ROOT, VERSION
from ..core.errors import ArticleError
from ..core.io import article_files, display_path, hold_lock, read_json, replace_dir_atomic, write_text_atomic
from ..core.lexicons import lexicon_versions
from ..core.workers import on_worker_stop, run_isolated
from .brief import findings, load_reference, load_reliability
from .charts.dashboard import dashboard_panels
from .charts.export import BACKGROUND_CHARTS_ENV
from .corpus import metrics_from_summary
from .html.article_page import ARTICLE_PAGE, SENTENCE_SCRIPT, SENTENCE_SCRIPT_ASSET
from .html.brief import TOP_FINDINGS_CSS, brief_html, dashboard_html, top_findings_html
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
    "MARKER",
    "RESERVED_NAMES",
    "claim_output_dir",
    "choose_folder",
    "folder_owner",
    "REPORT_TIMEOUT",
    "LOCK_WAIT",
]

#: The file that marks a report folder as written by article-lens (project, version and the article's
#: source, as JSON): only folders holding it are ever replaced (or, without it, an older article-lens
#: report: summary.json, index.html and 01-language.html together).
MARKER = ".article-lens-report"
#: Names of the shared files and folders of an output folder; no article folder ever takes one
#: (:func:`analysis.core.article.slugify` gives ``assets-article``...).
RESERVED_NAMES = frozenset({"assets", "index", "compare", "corpus", "compare_figures", "index.html", "compare.html"})
#: Default time limit for one article's report in a worker (``report --timeout``), in seconds: the
#: benchmark's 100,000-word report takes a few minutes; this only stops a build that would stall a run.
REPORT_TIMEOUT: float = 1800.0
#: How long a build waits for another process building the same report folder to finish, in seconds.
LOCK_WAIT: float = 1800.0

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
    #: Something the user should know that is not an error (a name collision resolved by a suffix).
    note: str | None = None


def _page(title: str, body: str, *, asset_prefix: str = "../", with_plotly: bool = True, nav: str = "",
          footer: str = "", sentence_script: bool | None = None) -> str:
    """A whole report page. ``sentence_script`` loads the shared script that makes a click on a chart's bar that
    stands for sentences highlight them in the annotated article (``article.html``); by default, on an article's
    pages with charts (the pages one folder down, beside ``article.html``)."""
    plotly = f'<script src="{asset_prefix}{PLOTLY_ASSET}" charset="utf-8"></script>' if with_plotly else ""
    if sentence_script is None:
        sentence_script = with_plotly and asset_prefix == "../"
    if sentence_script:
        sentences = (f'<script src="{asset_prefix}{SENTENCE_SCRIPT_ASSET}" data-article="{ARTICLE_PAGE}" '
                     'charset="utf-8"></script>\n')
    else:
        sentences = ""
    return (
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'self' 'unsafe-inline' data: blob:; connect-src 'none'\">\n"
        f"<title>{html.escape(title)}</title>\n<style>{_CSS}{TABLE_CSS}{PAGE_CSS}</style>\n{plotly}\n</head>\n<body>\n{nav}\n"
        f"{table_of_contents(body)}\n{body}\n{footer}\n<script>{TABLE_SCRIPT}</script>\n{sentences}</body>\n</html>\n"
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
    """Export an executed notebook as a report page; sentence ids in tables and sentence links link to the annotated
    article (``article.html``), each chart has its PNG for print."""
    body = print_images(link_sentence_ids(_export_html(nb_node)), charts)
    return write_text_atomic(target, _page(title, body, nav=nav, footer=footer))


def _nav(article_title: str, current: str | None) -> str:
    links = ['<a href="../index.html">All articles</a>', '<a href="index.html">This article</a>']
    for stem, label in (*NOTEBOOKS, (Path(ARTICLE_PAGE).stem, "Annotated article")):
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

#: Shows the annotated article's page body (:func:`analysis.output.html.article_page.article_page`) in the kernel
#: that ran the article's notebooks, where every analysis is cached; the build reads the HTML from the output.
#: Binds no name.
_ARTICLE_CODE = """\
__import__("IPython.display", fromlist=["display"]).display(
    __import__("analysis.output.html.article_page", fromlist=["article_page"]).article_page(
        __import__("analysis.output.notebook", fromlist=["load"]).load({article!r})))
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
    on_worker_stop(_kill_running_kernels)
    # log_level=ERROR: the kernel's start-up warning about unencrypted local TCP (loopback only, a
    # kernel per build) was printed once per article by every `make report`; errors still show.
    run_sync(km.start_kernel)(cwd=str(cwd), env=env, extra_arguments=["--HistoryManager.hist_file=:memory:",
                                                                      "--IPKernelApp.log_level=ERROR"])
    pid = getattr(getattr(km, "provisioner", None), "pid", None)
    if pid:
        _RUNNING_KERNELS[km] = (pid, km.connection_file)
    return km


#: The running kernels of this process: manager -> (process id, connection file).
_RUNNING_KERNELS: dict = {}


def _kill_running_kernels() -> None:
    """Kill every kernel this process started, with everything it started (the kernel leads a session and
    process group of its own: its chart worker and multiprocessing's resource tracker are in it), and remove
    their connection files. Run when a report worker is stopped or its parent dies (no cleanup code of
    jupyter_client runs then)."""
    import signal

    for pid, connection_file in list(_RUNNING_KERNELS.values()):
        try:
            os.killpg(pid, signal.SIGKILL)
        except OSError:
            pass
        try:
            os.unlink(connection_file)
        except (OSError, TypeError):
            pass
    _RUNNING_KERNELS.clear()


#: The kernel client of each running kernel (see :func:`_run`), closed by :func:`_stop_kernel`.
_CLIENTS: dict = {}


def _stop_kernel(km) -> None:
    """Stop the kernel and remove its connection file. At once: every cell has replied by now, so all it
    wrote is complete and there is nothing to wait for (a polite shutdown took 0.5–3 s of each build)."""
    from jupyter_core.utils import run_sync

    kc = _CLIENTS.pop(km, None)
    _RUNNING_KERNELS.pop(km, None)
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


def _article_body(km, article: str) -> str:
    """The body of the annotated article's page of ``article``, built in the kernel that ran its notebooks."""
    nb = _run_code(_ARTICLE_CODE.format(article=article), km)
    for output in nb.cells[0].outputs:
        if output.get("output_type") == "display_data" and "text/html" in output.get("data", {}):
            return output["data"]["text/html"]
    raise RuntimeError("the annotated article was not shown")


def _last_line(exc: BaseException) -> str:
    """What went wrong, in one line: the last line of the error (a cell's traceback ends with the exception), without colours."""
    lines = _ANSI_RE.sub("", str(exc)).strip().splitlines()
    return next((line.strip() for line in reversed(lines) if line.strip()), type(exc).__name__)


def folder_owner(folder: Path) -> tuple[bool, str | None]:
    """``(ours, source)``: whether ``folder`` is a report folder article-lens wrote, and the article file
    it was built from (None for a report of an older version, which has no marker)."""
    folder = Path(folder)
    if folder.is_symlink() or not folder.is_dir():
        return False, None
    marker = folder / MARKER
    if marker.is_file():
        try:
            info = read_json(marker)
        except (OSError, ValueError):
            return False, None
        if isinstance(info, dict) and info.get("project") == "article-lens":
            return True, info.get("source") if isinstance(info.get("source"), str) else None
        return False, None
    legacy = all((folder / name).is_file() for name in ("summary.json", "index.html", f"{NOTEBOOKS[0][0]}.html"))
    return legacy, None


_SHARED = frozenset({"assets", "index.html", COMPARE_PAGE, COMPARE_FIGURES, CORPUS_PAGE, CORPUS_FIGURES, "corpus"})


def _shared_is_ours(entry: Path) -> bool:
    if entry.is_symlink():
        return False
    if entry.name in ("assets", COMPARE_FIGURES, CORPUS_FIGURES):
        return entry.is_dir()
    if entry.name == "corpus":  # the bundled articles' corpus tables (reports/corpus/tables/manifest.json)
        return entry.is_dir() and ((entry / "tables" / "manifest.json").is_file() or not any(entry.iterdir()))
    try:  # the pages article-lens writes name it in their body (index) or navigation (comparison)
        head = entry.read_text(encoding="utf-8", errors="replace")[:200_000]
    except OSError:
        return False
    return "<h1>article-lens reports</h1>" in head or '<nav class="al-nav"><a href="index.html">All articles</a>' in head


def claim_output_dir(out_dir: Path, *, force: bool = False) -> Path:
    """Make ``out_dir`` ready to hold reports, or raise ArticleError (one line naming the problem).

    It may be new, empty, or an article-lens output (it holds a report folder or article-lens's index,
    comparison page or ``assets/``; other files beside them are left alone). Refused unless ``force``:
    a file, a folder that cannot be written, a non-empty folder with nothing of article-lens's in it
    (``--out ~/Documents``), and a shared name (``index.html``, ``assets``...) held by something
    article-lens did not write. Article folders are checked one by one (:func:`choose_folder`).
    """
    out_dir = Path(out_dir)
    label = f"'{display_path(out_dir)}'"
    if out_dir.exists() and not out_dir.is_dir():
        raise ArticleError(f"the output folder {label} is a file; give a folder for --out.")
    for parent in out_dir.parents:
        if parent.exists():
            if not parent.is_dir():
                raise ArticleError(f"the output folder {label} cannot be made: '{display_path(parent)}' is a file.")
            break
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        if not force:
            visible = [e for e in sorted(out_dir.iterdir()) if not e.name.startswith(".")]
            in_the_way = [e.name for e in visible if e.name in _SHARED and not _shared_is_ours(e)]
            ours = [e for e in visible if (e.name in _SHARED and _shared_is_ours(e)) or folder_owner(e)[0]]
            # the project's own reports/ folder is ours by definition (it ships its README.md)
            own = out_dir.resolve() == Path(REPORTS_DIR).resolve()
            if in_the_way or (visible and not ours and not own):
                name = (in_the_way or [visible[0].name])[0]
                raise ArticleError(
                    f"the output folder {label} holds files article-lens did not write (e.g. '{display_path(name)}'); "
                    "give a new or empty folder, or --force to write into it.")
        probe = tempfile.NamedTemporaryFile(dir=out_dir, prefix=".article-lens-probe-")
        probe.close()
    except OSError as exc:
        raise ArticleError(f"cannot write to the output folder {label} ({exc.strerror or exc}).") from None
    return out_dir


def _lock_file(out_dir: Path, folder: str) -> Path:
    """The lock file of ``out_dir/folder``: in the temporary folder (one per user), so the output holds
    nothing but reports; named by a hash of the output folder's real path."""
    import hashlib

    where = Path(tempfile.gettempdir()) / f"article-lens-locks-{os.getuid() if hasattr(os, 'getuid') else 0}"
    where.mkdir(mode=0o700, exist_ok=True)
    key = hashlib.sha256(os.fsencode(Path(out_dir).resolve())).hexdigest()[:20]
    return where / f"{key}-{folder}.lock"


def _source_key(path: Path) -> str:
    return display_path(Path(path).resolve())


def choose_folder(out_dir: Path, slug: str, source: Path, *, force: bool = False,
                  taken: frozenset[str] | set[str] = frozenset()) -> tuple[str, str | None]:
    """``(folder name, note)``: where the report of ``source`` goes in ``out_dir``. One rule, used both to
    name the folder and to check collisions: ``slug`` if free or holding this article's earlier report,
    else ``slug-2``, ``slug-3``... (deterministic: the first free one, skipping names in ``taken`` and
    reports of other articles); ``note`` says when a suffix was needed. A folder article-lens did not
    write is never replaced: ArticleError naming it, unless ``force``."""
    key = _source_key(source)
    for n in range(1, 10_000):
        name = slug if n == 1 else f"{slug}-{n}"
        if name in taken or name in RESERVED_NAMES:
            continue
        target = Path(out_dir) / name
        if not (target.exists() or target.is_symlink()):
            break
        ours, owner = folder_owner(target)
        if not ours:
            if force:
                break
            raise ArticleError(
                f"'{display_path(target)}' exists and was not written by article-lens (it has no {MARKER} file); "
                f"nothing was replaced. Move it away, or give --force to replace it with the report of "
                f"'{display_path(source)}'.")
        if owner is None or owner == key:
            break
    else:  # pragma: no cover - ten thousand reports of different files with one name
        raise ArticleError(f"too many reports named '{slug}' in '{display_path(out_dir)}'.")
    note = None
    if name != slug:
        note = (f"'{display_path(source)}' is written to '{name}/': '{slug}' holds the report of another file "
                "with the same name.")
    return name, note


_STAGING_RE = re.compile(r"^(?:p(?P<pid>\d+)-)?[a-z0-9_]+$")


def _alive(pid: int) -> bool:
    """Whether a process runs. A zombie (killed, not yet reaped: a container's init may never reap an orphan)
    counts as gone: it can no longer touch its staging folder."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as fh:
            return fh.read().rpartition(")")[2].split()[0] != "Z"
    except (OSError, IndexError):
        return True


def _clear_stale_staging(out_dir: Path, name: str) -> None:
    """Remove staging folders of ``name`` left by runs that are gone (killed); never one whose owner is alive.
    Called with the folder's lock held, so no live run of this folder can be staging."""
    prefix = f".staging-{name}-"
    for stale in out_dir.glob(f"{prefix}*"):
        m = _STAGING_RE.match(stale.name[len(prefix):])
        if not m:
            continue  # another folder's (".staging-story-2-..." is not "story"'s)
        pid = m.group("pid")
        if pid is not None and int(pid) != os.getpid() and _alive(int(pid)):
            continue
        shutil.rmtree(stale, ignore_errors=True)


def build_article_report(path: Path, out_dir: Path = REPORTS_DIR, *, notebooks_dir: Path = NOTEBOOKS_DIR,
                         folder: str | None = None, force: bool = False) -> ReportResult:
    """Build ``out_dir/<folder>/`` for one article (``folder`` from :func:`choose_folder` unless given).
    The previous folder stays until the new one is complete.

    The article's notebooks run one after the other in one kernel (see :func:`_kernel`), then the summary
    is written from that kernel too. Concurrent builds of the same folder take turns (a lock file per
    folder); each stages in a folder of its own (named with its process id), and only staging folders of
    runs that are gone are cleared.
    """
    try:
        article = load_article(path)
        claim_output_dir(Path(out_dir), force=force)
        note = None
        if folder is None:
            folder, note = choose_folder(Path(out_dir), article.slug, Path(path), force=force)
    except ArticleError as exc:
        return ReportResult(display_path(path), None, None, str(exc))
    out_dir = Path(out_dir)
    try:
        with hold_lock(_lock_file(out_dir, folder), wait=LOCK_WAIT, what=f"'{display_path(out_dir / folder)}'"):
            return _build_locked(Path(path), article, out_dir, folder, notebooks_dir, note)
    except ArticleError as exc:
        return ReportResult(display_path(path), folder, None, str(exc))


def _build_locked(path: Path, article: Article, out_dir: Path, folder: str, notebooks_dir: Path,
                  note: str | None) -> ReportResult:
    shown = display_path(path)
    target = out_dir / folder
    if target.exists() or target.is_symlink():  # checked again under the lock: another run may have been first
        ours, owner = folder_owner(target)
        if ours and owner is not None and owner != _source_key(path):
            return ReportResult(shown, folder, None, f"'{display_path(target)}' was just written by another run for "
                                f"'{owner}'; run the command again to give '{shown}' a folder of its own.")
    _ensure_plotly_asset(out_dir)
    _clear_stale_staging(out_dir, folder)
    staging = Path(tempfile.mkdtemp(prefix=f".staging-{folder}-p{os.getpid()}-", dir=out_dir))
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
                    step = "annotated article"
                    article_body = _article_body(km, source)
                    step = "figures"
                    _wait_for_charts(km)
                for stem, page in pages:
                    step = stem
                    page.result()
            except Exception as exc:  # noqa: BLE001 - kernels and cells raise many kinds; report one line
                return ReportResult(shown, folder, None, f"{step} failed on '{shown}': {_last_line(exc)[:300]}")
        summary = read_json(staging / "summary.json")
        write_text_atomic(staging / ARTICLE_PAGE, _page(f"Annotated article — {article.title}", article_body,
                                                        with_plotly=False, sentence_script=True,
                                                        nav=_nav(article.title, Path(ARTICLE_PAGE).stem),
                                                        footer=method_footer(_method_facts(article))))
        write_text_atomic(staging / "index.html", _article_index(article, summary))
        write_text_atomic(staging / MARKER, json.dumps({"project": "article-lens", "version": VERSION,
                                                        "source": _source_key(path)}, ensure_ascii=False) + "\n")
        os.chmod(staging, 0o755)
        if target.exists() and not target.is_dir():  # a file the user let --force replace
            target.unlink()
        replace_dir_atomic(staging, target)
        return ReportResult(shown, folder, target, note=note)
    finally:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)


def _article_index(article: Article, summary: dict) -> str:
    meta = article.metadata
    items = "".join(f'<li><a href="{stem}.html">{html.escape(label)}</a></li>' for stem, label in NOTEBOOKS)
    items += f'<li><a href="{ARTICLE_PAGE}">The annotated article</a>: every layer, every sentence</li>'
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
        f"<h2>At a glance</h2>\n{dashboard_html(dashboard_panels(summary, load_reference()))}\n"
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

    Each row is :func:`analysis.output.corpus.metrics_from_summary` plus ``slug`` (the folder) and ``findings``
    (the brief's ranked findings, :func:`analysis.output.brief.findings`); fields
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
        try:
            row["findings"] = findings(summary)
        except Exception:  # noqa: BLE001 - a summary of another version: the index shows its metrics only
            row["findings"] = []
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
        if (out_dir / r["slug"] / ARTICLE_PAGE).is_file():  # not in a report of an older version
            reports += f' · <a href="{slug}/{ARTICLE_PAGE}">Annotated article</a>'
        cells = [
            f'<td data-sort="{html.escape(r["title"].casefold(), quote=True)}"><a href="{slug}/index.html">{html.escape(r["title"])}</a>'
            f'<div class="al-reports">{reports}</div>'
            f'{top_findings_html(r.get("findings") or [], page=r["slug"] + "/" + ARTICLE_PAGE)}</td>'
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
        f"<script>{_SORT_SCRIPT}</script><style>{TOP_FINDINGS_CSS}</style>"
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
    try:
        with hold_lock(_lock_file(out_dir, ".compare"), wait=LOCK_WAIT, what=f"'{display_path(out_dir / COMPARE_PAGE)}'"):
            _clear_stale_staging(out_dir, "compare")
            return _build_compare_locked(paths, out_dir, notebooks_dir)
    except ArticleError as exc:
        return ReportResult("comparison", "compare", None, str(exc))


def _build_compare_locked(paths: Sequence[Path], out_dir: Path, notebooks_dir: Path) -> ReportResult:
    label = COMPARE_NOTEBOOK[1]
    params = {"articles": [str(Path(p).resolve()) for p in paths], "article": ""}
    return _build_site_page(COMPARE_NOTEBOOK, params, out_dir, notebooks_dir, source="comparison", slug="compare",
                            figures=COMPARE_FIGURES, page_name=COMPARE_PAGE, title=f"{label} of {len(paths)} articles")


def build_corpus_report(tables_dir: Path, out_dir: Path = REPORTS_DIR, *,
                        notebooks_dir: Path = NOTEBOOKS_DIR) -> ReportResult:
    """Run the corpus notebook on a folder of corpus tables (``python -m analysis corpus ... --out DIR``) and write
    ``out_dir/corpus.html`` (figures in ``out_dir/corpus_figures/``); the previous page stays until the new one is
    complete."""
    label = CORPUS_NOTEBOOK[1]
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    _ensure_plotly_asset(out_dir)
    return _build_site_page(CORPUS_NOTEBOOK, {"tables": str(Path(tables_dir).resolve())}, out_dir, notebooks_dir,
                            source="corpus", slug="corpus", figures=CORPUS_FIGURES, page_name=CORPUS_PAGE,
                            title=f"{label}: outlets compared")


def _build_site_page(notebook: tuple[str, str], params: Mapping[str, Any], out_dir: Path, notebooks_dir: Path, *,
                     source: str, slug: str, figures: str, page_name: str, title: str) -> ReportResult:
    """A page of the whole report folder (comparison, corpus): run ``notebook`` with ``params`` (and its charts
    folder) in a kernel of its own, then swap in its figures folder and write ``out_dir/page_name``; a staging
    folder of this process holds the charts until then, and the previous page stays if anything fails."""
    stem, label = notebook
    staging = Path(tempfile.mkdtemp(prefix=f".staging-{slug}-p{os.getpid()}-", dir=out_dir))
    try:
        charts_dir = staging / "figures"
        charts_dir.mkdir()
        try:
            with _kernel(notebooks_dir) as km:
                nb = _execute(notebooks_dir / f"{stem}.ipynb", {**params, "charts_dir": str(charts_dir)}, km)
                _wait_for_charts(km)
        except Exception as exc:  # noqa: BLE001 - kernels and cells raise many kinds; report one line
            return ReportResult(source, slug, None, f"{stem} failed: {_last_line(exc)[:300]}")
        # sentence ids link only in rows that name their article (a page of several articles has no one page)
        body = print_images(link_sentence_ids(_export_html(nb), page=None), figures)
        nav = f'<nav class="al-nav"><a href="index.html">All articles</a> <strong>{html.escape(label)}</strong></nav>'
        os.chmod(charts_dir, 0o755)
        replace_dir_atomic(charts_dir, out_dir / figures)
        page = write_text_atomic(out_dir / page_name, _page(title, body, asset_prefix="", nav=nav,
                                                            footer=method_footer(_method_facts())))
        return ReportResult(source, slug, out_dir, page=page)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _ensure_plotly_asset(out_dir: Path) -> Path:
    from plotly.offline import get_plotlyjs

    target = out_dir / PLOTLY_ASSET
    js = get_plotlyjs()
    if not target.exists() or target.stat().st_size != len(js.encode("utf-8")):
        write_text_atomic(target, js)
    # beside it, the reports' own script: chart clicks highlight sentences in the annotated article
    script = out_dir / SENTENCE_SCRIPT_ASSET
    if not script.exists() or script.read_text(encoding="utf-8") != SENTENCE_SCRIPT:
        write_text_atomic(script, SENTENCE_SCRIPT)
    return target


def _build_one(args: tuple[str, str, str, bool]) -> ReportResult:
    path, out_dir, folder, force = args
    return build_article_report(Path(path), Path(out_dir), folder=folder, force=force)


def build_reports(paths: Sequence[Path] | None = None, out_dir: Path = REPORTS_DIR, *, workers: int = 1,
                  compare: bool = True, force: bool = False, timeout: float | None = None) -> list[ReportResult]:
    """Build the reports of the given articles (default: every article in data/articles/), then, when
    at least two were built and ``compare`` is on, the comparison page, then the index.

    ``out_dir`` must be new, empty or article-lens's (:func:`claim_output_dir`; ArticleError otherwise).
    Each article's folder is chosen by :func:`choose_folder` before any build starts (two files with the
    same name get ``name`` and ``name-2``, in the order given, with a note). With ``workers`` > 1 or a
    ``timeout``, each article is built in a worker process of its own (:func:`analysis.core.workers.run_isolated`):
    a build over ``timeout`` seconds is stopped and reported, a worker that dies fails only its article.
    """
    paths = list(paths) if paths else article_files()
    out_dir = claim_output_dir(Path(out_dir), force=force)
    _ensure_plotly_asset(out_dir)
    planned: dict[int, ReportResult] = {}
    jobs: list[tuple[str, str, str, bool]] = []
    job_index: list[int] = []
    notes: dict[int, str] = {}
    taken: dict[str, Path] = {}
    for i, p in enumerate(paths):
        try:
            slug = slug_for_file(Path(p))
            key = Path(p).resolve()
            same = next((name for name, q in taken.items() if q == key), None)
            if same is not None:  # the same file twice: one report
                planned[i] = ReportResult(display_path(p), same, None, f"'{display_path(p)}' is given twice; its report is built once.")
                continue
            name, note = choose_folder(out_dir, slug, Path(p), force=force, taken=set(taken))
        except ArticleError as exc:
            planned[i] = ReportResult(display_path(p), None, None, str(exc))
            continue
        except OSError as exc:
            planned[i] = ReportResult(display_path(p), None, None, f"'{display_path(p)}' cannot be read ({exc.strerror or exc}).")
            continue
        taken[name] = Path(p).resolve()
        if note:
            notes[i] = note
        jobs.append((str(p), str(out_dir), name, force))
        job_index.append(i)
    if (workers > 1 and len(jobs) > 1) or (timeout is not None and jobs):
        outcomes = run_isolated(_build_one, jobs, workers=max(1, min(workers, len(jobs))), timeout=timeout)
        built_results = []
        for o in outcomes:
            shown = display_path(jobs[o.index][0])
            if o.status == "ok":
                built_results.append(o.value)
            elif o.status == "timeout":
                built_results.append(ReportResult(shown, jobs[o.index][2], None,
                                                  f"'{shown}' took longer than the {timeout:g}-second limit per article "
                                                  "(--timeout); its report was not built and any previous one is kept."))
            else:
                built_results.append(ReportResult(shown, jobs[o.index][2], None,
                                                  f"building the report of '{shown}' failed: {o.value}"))
    else:
        built_results = [_build_one(j) for j in jobs]
    for i, r in zip(job_index, built_results):
        planned[i] = r if i not in notes or r.error else ReportResult(r.source, r.slug, r.folder, r.error, r.page, notes[i])
    results = [planned[i] for i in range(len(paths))]
    built = [Path(jobs[job_index.index(i)][0]) for i in range(len(paths)) if i in job_index and not planned[i].error]
    if compare and len(built) >= 2:
        results.append(build_compare_report(built, out_dir))
    write_site_index(out_dir)
    return results


def iter_errors(results: Iterable[ReportResult]) -> list[str]:
    """The one-line errors of the failed builds among ``results``."""
    return [r.error for r in results if r.error]

"""Static chart files: each chart's PNG and SVG (drawn with matplotlib) and the CSV behind it, written
through analysis.core.io's atomic writers, optionally drawn in a second process during a report build."""

from __future__ import annotations

import os
from pathlib import Path

from ...core.io import write_bytes_atomic, write_csv_atomic
from .engine import to_matplotlib

__all__ = ["save_chart", "save_chart_in_background", "wait_for_charts", "stop_chart_workers", "BACKGROUND_CHARTS_ENV",
           "CHART_WORKERS"]


def _small_png(fig) -> bytes:
    """The figure drawn by its Agg canvas as a PNG with a 256-colour palette (fast octree, deterministic):
    flat chart colours survive, and the file is about a third of the size (issue 8: an article's folder
    stays under 2 MB). The canvas's pixels go to PIL directly (``savefig`` would encode a PNG for PIL
    to decode again), and the PNG carries no metadata."""
    import io as _io

    from PIL import Image

    canvas = fig.canvas
    canvas.draw()
    rgba = canvas.buffer_rgba()
    with Image.frombuffer("RGBA", (rgba.shape[1], rgba.shape[0]), rgba, "raw", "RGBA", 0, 1) as im:
        out = _io.BytesIO()
        im.convert("RGB").quantize(colors=256, method=Image.Quantize.FASTOCTREE).save(out, format="PNG")
    return out.getvalue()


# Static images drawn in a second process while the notebook goes on (report builds only: see
# analysis.output.report, which sets BACKGROUND_CHARTS_ENV for its kernel and waits with wait_for_charts()
# before the report is swapped in). Drawing PNG + SVG takes about 0.1 s a chart, about 20 charts an article.
BACKGROUND_CHARTS_ENV = "ARTICLE_LENS_BACKGROUND_CHARTS"
#: Worker processes drawing charts (two measured no faster on 2 cores: the drawing is most of the work).
CHART_WORKERS = 1
_chart_pool = None
_chart_jobs: list = []


def save_chart_in_background(chart, directory: str | os.PathLike[str]):
    """Like :func:`save_chart`, in a worker process (one per Python process, started on first use);
    returns a ``Future``. Call :func:`wait_for_charts` before relying on the files."""
    global _chart_pool
    if _chart_pool is None:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        # "spawn": a fresh interpreter (forking a running Jupyter kernel, with its threads, is unsafe).
        _chart_pool = ProcessPoolExecutor(max_workers=CHART_WORKERS, mp_context=multiprocessing.get_context("spawn"))
    future = _chart_pool.submit(save_chart, chart, str(directory))
    _chart_jobs.append((future, chart, str(directory)))
    return future


def stop_chart_workers() -> None:
    """Wait for pending charts' processes to finish and stop them (a report build calls this before it
    stops its kernel, so no worker is killed mid-way)."""
    global _chart_pool
    if _chart_pool is not None:
        _chart_pool.shutdown(wait=True)
        _chart_pool = None


def wait_for_charts() -> list[Path]:
    """Wait for every chart handed to :func:`save_chart_in_background`; return the files written.

    The caller does not sit idle meanwhile: it draws the charts the worker has not started yet,
    newest first, while the worker goes on from the oldest (at the end of a report build the
    notebooks are done and the worker still had several charts to draw; this uses the other core).
    A chart is drawn by one of them, never both: a job is taken back only while it has not started
    (``Future.cancel``). Matplotlib's settings from its matplotlibrc are used here, as in the
    worker, so the files are the same bytes whichever process draws them.

    Raises the first error a chart met (after waiting for all of them), so a report is never
    swapped in with a figure missing.
    """
    jobs = list(_chart_jobs)
    _chart_jobs.clear()
    outcomes: list = [None] * len(jobs)
    for i in reversed(range(len(jobs))):
        future, chart, directory = jobs[i]
        if future.cancel():  # not started by the worker: draw it here
            import matplotlib

            try:
                with matplotlib.rc_context({k: v for k, v in matplotlib.rcParamsOrig.items() if k != "backend"}):
                    outcomes[i] = (save_chart(chart, directory), None)
            except BaseException as exc:  # noqa: BLE001 - re-raised below, after every job has finished
                outcomes[i] = (None, exc)
    written: list[Path] = []
    error: BaseException | None = None
    for (future, _, _), outcome in zip(jobs, outcomes):
        if outcome is None:
            try:
                outcome = (future.result(), None)
            except BaseException as exc:  # noqa: BLE001 - re-raised below, after every job has finished
                outcome = (None, exc)
        files, exc = outcome
        if exc is not None:
            error = error or exc
        else:
            written.extend(files)
    if error is not None:
        raise error
    return written


def save_chart(chart, directory: str | os.PathLike[str]) -> list[Path]:
    """Write a chart's static images (PNG and SVG, drawn with matplotlib) and the CSV behind it.

    Files are ``<directory>/<chart.id>.png|.svg|.csv``; SVGs carry no date and fixed ids so
    that the same article gives the same bytes. The CSV is written as every CSV of the project is
    (:func:`analysis.core.io.write_csv_atomic`): a text cell that a spreadsheet would run as a formula
    (starting with ``=``, ``+``, ``-``, ``@``, tab or CR: an article's words are chart labels) gets a leading
    ``'``; numeric columns (a negative tone) stay numbers.
    """
    import io as _io

    import matplotlib

    out_dir = Path(directory)
    out_dir.mkdir(parents=True, exist_ok=True)
    # SVG text stays text (not one path per glyph): a third of the size, and searchable.
    with matplotlib.rc_context({"svg.hashsalt": chart.id, "svg.fonttype": "none"}):
        fig = to_matplotlib(chart)
        written = [write_bytes_atomic(out_dir / f"{chart.id}.png", _small_png(fig))]
        buf = _io.BytesIO()
        fig.savefig(buf, format="svg", metadata={"Date": None, "Creator": None})
        written.append(write_bytes_atomic(out_dir / f"{chart.id}.svg", buf.getvalue()))
    written.append(write_csv_atomic(out_dir / f"{chart.id}.csv", chart.data))
    return written

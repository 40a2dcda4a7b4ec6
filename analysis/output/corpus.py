"""Corpus mode: the headline metrics of many articles, one pure function per article mapped over worker processes or a Dask cluster."""

from __future__ import annotations

import glob
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Mapping, Sequence

from analysis.core.lazy import pandas as pd

from ..core.article import article_from_bytes, load_article, parse_article
from ..core.errors import ArticleError
from ..core.io import display_path, read_article_bytes, scan_article_folder
from ..core.records import nested_get
from ..core.webpage import HTML_SUFFIXES
from ..core.workers import Outcome, run_isolated, usable_cores
from .summary import build_summary

__all__ = [
    "METRIC_COLUMNS",
    "FAILURE_COLUMNS",
    "CorpusResult",
    "metrics_from_summary",
    "dominant_frames",
    "article_metrics",
    "metrics_from_text",
    "find_articles",
    "corpus_metrics",
    "metrics_from_bytes",
    "ARTICLE_TIMEOUT",
]

#: Default time limit per article in corpus mode, in seconds: the benchmark's 100,000-word article
#: takes about 10 s, so this only stops an article that would otherwise stall the whole run.
ARTICLE_TIMEOUT: float = 300.0

#: Columns of the metrics table, one row per article (see :func:`metrics_from_summary`).
METRIC_COLUMNS = [
    "file", "slug", "title", "source", "date", "n_words", "n_sentences", "n_paragraphs",
    "flesch_reading_ease", "flesch_kincaid_grade", "mean_tone", "dominant_frames", "n_figures",
    "n_named_sources", "n_anonymous_sources", "n_vague_sources", "n_attributions", "n_actors", "n_warnings",
]
FAILURE_COLUMNS = ["file", "error"]

_NAMED = ("named_person", "named_org")



def _number(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    value = float(value)
    return value if value == value and value not in (float("inf"), float("-inf")) else None


def dominant_frames(frames: Any, *, limit: int = 3) -> list[str]:
    """The dominant frames from the summary's ``framing.frames`` records (``{typology, frame, score, ...}``).

    Records the framing analysis flags ``dominant`` when there are any, otherwise the highest
    positive score of each typology; strongest first (ties by typology and frame), at most
    ``limit``. Each is ``"typology: label"``. Anything malformed is skipped; no frames gives ``[]``.

    >>> dominant_frames([{"typology": "generic", "frame": "conflict", "label": "Conflict", "score": 0.5},
    ...                  {"typology": "generic", "frame": "morality", "score": 0.2},
    ...                  {"typology": "policy", "frame": "political", "score": 0.1}])
    ['generic: Conflict', 'policy: political']
    """
    if not isinstance(frames, list):
        return []
    recs = []
    for r in frames:
        if not isinstance(r, Mapping) or not r.get("frame"):
            continue
        score = _number(r.get("score"))
        recs.append((str(r.get("typology") or ""), str(r.get("label") or r["frame"]), score, bool(r.get("dominant"))))
    chosen = [r for r in recs if r[3]]
    if not chosen:
        for typ in sorted({r[0] for r in recs}):
            scored = sorted((r for r in recs if r[0] == typ and r[2] is not None and r[2] > 0), key=lambda r: (-r[2], r[1]))
            chosen += scored[:1]
    chosen.sort(key=lambda r: (-(r[2] or 0.0), r[0], r[1]))
    return [f"{t}: {f}" if t else f for t, f, _, _ in chosen[:limit]]


def metrics_from_summary(summary: Mapping[str, Any], *, file: str = "") -> dict[str, Any]:
    """The headline metrics of one article from its JSON summary, read defensively.

    Keys are :data:`METRIC_COLUMNS`: file, slug, title, source, date, n_words, n_sentences,
    n_paragraphs, flesch_reading_ease, flesch_kincaid_grade, mean_tone (mean VADER compound),
    dominant_frames (up to three, "; "-joined, "" when the summary has no frames), n_figures, n_named_sources /
    n_anonymous_sources / n_vague_sources (distinct sources credited, by kind: named person or
    organisation, anonymous, vague), n_attributions, n_actors, n_warnings. A missing or malformed
    field gives None (numbers) or "" (text); nothing raises.

    >>> m = metrics_from_summary({"article": {"title": "T", "n_words": 3}})
    >>> m["title"], m["n_words"], m["mean_tone"], m["dominant_frames"], m["n_figures"]
    ('T', 3, None, '', None)
    """
    article = nested_get(summary, "article", default={})
    meta = nested_get(article, "metadata", default={})
    attributions = nested_get(summary, "framing", "attributions")
    counts: dict[str, set] = {"named": set(), "anonymous": set(), "vague": set()}
    n_att = None
    if isinstance(attributions, list):
        n_att = 0
        for a in attributions:
            if not isinstance(a, Mapping):
                continue
            n_att += 1
            kind = a.get("kind")
            group = "named" if kind in _NAMED else kind
            if group in counts:
                counts[group].add((str(a.get("source", "")).casefold(), kind))

    def _count(value: Any) -> int | None:
        return len(value) if isinstance(value, list) else None

    def _int(value: Any) -> int | None:
        n = _number(value)
        return int(n) if n is not None else None

    def _round(value: Any, digits: int) -> float | None:
        n = _number(value)
        return round(n, digits) if n is not None else None

    frames = nested_get(summary, "framing", "frames")
    return {
        "file": file,
        "slug": str(nested_get(article, "slug", default="") or ""),
        "title": str(nested_get(article, "title", default="") or ""),
        "source": str(nested_get(meta, "source", default="") or ""),
        "date": str(nested_get(meta, "date", default="") or ""),
        "n_words": _int(nested_get(article, "n_words")),
        "n_sentences": _int(nested_get(article, "n_sentences")),
        "n_paragraphs": _int(nested_get(article, "n_paragraphs")),
        "flesch_reading_ease": _round(nested_get(summary, "language", "readability", "flesch_reading_ease"), 2),
        "flesch_kincaid_grade": _round(nested_get(summary, "language", "readability", "flesch_kincaid_grade"), 2),
        "mean_tone": _round(nested_get(summary, "language", "tone", "mean_compound"), 4),
        "dominant_frames": "; ".join(dominant_frames(frames)),
        "n_figures": _count(nested_get(summary, "figures")),
        "n_named_sources": len(counts["named"]) if n_att is not None else None,
        "n_anonymous_sources": len(counts["anonymous"]) if n_att is not None else None,
        "n_vague_sources": len(counts["vague"]) if n_att is not None else None,
        "n_attributions": n_att,
        "n_actors": _count(nested_get(summary, "framing", "actors")),
        "n_warnings": _count(nested_get(article, "warnings")),
    }


def metrics_from_text(file: str, text: str, encoding: str = "utf-8") -> dict[str, Any]:
    """The metrics of one article given its decoded text: the pure per-article function that is mapped
    over workers (it needs no shared filesystem, so it runs unchanged on a remote Dask worker)."""
    from dataclasses import replace


    article = parse_article(text, name=Path(file).stem, path=file)
    if encoding not in ("utf-8", "utf-8-sig"):
        article = replace(article, meta=article.meta + (("encoding", encoding),))
    return metrics_from_summary(build_summary(article), file=file)


def metrics_from_bytes(file: str, data: bytes, name: str | None = None) -> dict[str, Any]:
    """The metrics of one article given its file's bytes, decoded and parsed as :func:`load_article` does
    (a saved web page is extracted, mojibake repaired): what corpus workers run."""
    stem = name if name is not None else Path(file).stem
    article = article_from_bytes(data, name=stem, path=file, html=Path(file).suffix.lower() in HTML_SUFFIXES)
    return metrics_from_summary(build_summary(article), file=display_path(file))


def article_metrics(path: str | os.PathLike[str]) -> dict[str, Any]:
    """The metrics of one article file (what ``python -m analysis summary`` would give, condensed)."""
    return metrics_from_summary(build_summary(load_article(path)), file=str(path))


def _one_line_error(exc: BaseException) -> str:
    if isinstance(exc, ArticleError):
        return str(exc)
    text = str(exc).strip().splitlines()
    return f"{type(exc).__name__}: {text[-1] if text else ''}".strip().rstrip(":")[:300]


def _job(item: tuple[str, bytes, str]) -> tuple[str, dict | None, str | None]:
    """Worker side: never raises, so one bad article cannot stop the map. ``item`` is (file as shown,
    the file's bytes, the file name's stem as the OS gives it)."""
    file, data, stem = item
    try:
        return file, metrics_from_bytes(file, data, stem), None
    except Exception as exc:  # noqa: BLE001 - every failure is reported, none stops the corpus
        return file, None, _one_line_error(exc)


def find_articles(inputs: Iterable[str | os.PathLike[str]], *, follow_symlinks: bool = False,
                  skipped: list[tuple[str, str]] | None = None) -> list[Path]:
    """Article files named by folders (their ``*.txt``), glob patterns (``**`` allowed) or paths; sorted, unique.

    In folders and glob matches, symbolic links (unless ``follow_symlinks``), pipes, devices and sockets are
    left out, each added to ``skipped`` as ``(file, reason)``; a file named explicitly is always read.
    Raises ArticleError when an input matches nothing.
    """
    found: list[Path] = []
    for item in inputs:
        s = str(item)
        p = Path(s).expanduser()
        if p.is_dir():
            matches, left_out = scan_article_folder(p, follow_symlinks=follow_symlinks)
        elif p.exists() or p.is_symlink():
            matches, left_out = [p], []
        else:
            hits = sorted(Path(q) for q in glob.glob(os.path.expanduser(s), recursive=True))
            matches, left_out = scan_article_folder(None, follow_symlinks=follow_symlinks, candidates=hits)
        if skipped is not None:
            skipped.extend(left_out)
        if not matches:
            why = f" ({len(left_out)} skipped: {left_out[0][1]})" if left_out else ""
            raise ArticleError(f"'{display_path(s)}' matches no article files{why} (give a folder, a glob such as "
                               "'articles/*.txt', or files).")
        found.extend(matches)
    unique = list(dict.fromkeys(found))
    return sorted(unique, key=lambda q: str(q))


@dataclass(frozen=True)
class CorpusResult:
    """``metrics``: one row per analysed article (:data:`METRIC_COLUMNS`, in input order);
    ``failures``: one row per skipped file (file, error)."""

    metrics: pd.DataFrame
    failures: pd.DataFrame


def _read_all(paths: Sequence[Path]) -> tuple[list[tuple[str, bytes, str]], list[tuple[str, str]]]:
    items, failures = [], []
    for p in paths:
        try:
            items.append((display_path(p), read_article_bytes(p), p.stem))
        except ArticleError as exc:
            failures.append((display_path(p), str(exc)))
    return items, failures


def _progress(total: int, enabled: bool):
    from tqdm import tqdm

    return tqdm(total=total, desc="articles", unit="article", file=sys.stderr, disable=not enabled,
                dynamic_ncols=True, leave=True)


def _map_processes(items, workers: int, bar, timeout: float | None) -> list[tuple[str, dict | None, str | None]]:
    """Each article in a worker process of its own slot (:func:`analysis.core.workers.run_isolated`): a worker
    that dies fails only its article (retried once in a fresh process), an article over ``timeout`` seconds
    is stopped and gets a failure row; one worker without a time limit runs in this process."""
    if (workers <= 1 and timeout is None) or not items:
        out = []
        for item in items:
            out.append(_job(item))
            bar.update(1)
        return out

    def _row(outcome: Outcome) -> tuple[str, dict | None, str | None]:
        file = items[outcome.index][0]
        if outcome.status == "ok":
            return outcome.value
        if outcome.status == "timeout":
            return file, None, f"timed out: {outcome.value} (raise --timeout for very long articles)"
        return file, None, f"{outcome.value}" if outcome.status == "error" else f"worker process died: {outcome.value}"

    outcomes = run_isolated(_job, items, workers=min(workers, len(items)), timeout=timeout,
                            on_done=lambda _o: bar.update(1))
    return [_row(o) for o in outcomes]


def _map_dask(items, address: Any, bar, timeout: float) -> list[tuple[str, dict | None, str | None]]:
    try:
        from distributed import Client, as_completed
    except ImportError as exc:  # pragma: no cover - dask is in the test/dask extras
        raise ArticleError("--dask needs dask.distributed: pip install 'article-lens[dask]'.") from exc
    try:
        client = Client(address, timeout=f"{timeout}s", set_as_default=False)
    except (OSError, TimeoutError, ValueError) as exc:
        raise ArticleError(f"cannot connect to the Dask scheduler at {address} ({type(exc).__name__}: {exc}).") from None
    out = []
    try:
        with client.as_current():
            futures = client.map(_job, items, key=[f"article-lens-{i}-{hash(item[1])}" for i, item in enumerate(items)])
            index = {f.key: i for i, f in enumerate(futures)}
            for fut in as_completed(futures):
                try:
                    out.append(fut.result())
                except Exception as exc:  # noqa: BLE001 - a lost worker or similar; the article is listed as failed
                    out.append((items[index[fut.key]][0], None, f"dask: {_one_line_error(exc)}"))
                bar.update(1)
    finally:
        client.close()
    return out


def corpus_metrics(
    paths: Sequence[str | os.PathLike[str]],
    *,
    workers: int | None = None,
    dask_address: Any = None,
    dask_timeout: float = 10.0,
    progress: bool = True,
    timeout: float | None = None,
) -> CorpusResult:
    """The metrics of every article, computed in parallel; files that fail are skipped and listed.

    Files are read here (through ``analysis.core.io``) and their bytes are sent to the workers, which run
    :func:`metrics_from_bytes`. ``workers`` worker processes (default: all cores; 1 without a ``timeout``
    runs in this process; a worker that dies fails only its article, which is retried once; an article
    still running after ``timeout`` seconds is stopped and listed as timed out) or, with ``dask_address`` (a scheduler address such as ``tcp://host:8786``, or a
    ``distributed`` cluster object; connecting gives up after ``dask_timeout`` seconds), the same
    function on a Dask cluster. A tqdm progress
    bar goes to stderr unless ``progress=False``. Rows come back in the order of ``paths``.
    """
    paths = [Path(p) for p in paths]
    items, failures = _read_all(paths)
    workers = max(1, workers if workers else usable_cores())
    with _progress(len(paths), progress) as bar:
        bar.update(len(failures))
        if dask_address is not None:
            target = getattr(dask_address, "scheduler_address", None) or dask_address
            results = _map_dask(items, target, bar, dask_timeout)
        else:
            results = _map_processes(items, workers, bar, timeout)
    order = {display_path(p): i for i, p in enumerate(paths)}
    rows = sorted((r for r in results if r[1] is not None), key=lambda r: order.get(r[0], len(order)))
    failures += [(f, e) for f, _, e in results if e is not None]
    failures.sort(key=lambda r: (order.get(r[0], len(order)), r[0]))
    metrics = pd.DataFrame([r[1] for r in rows], columns=METRIC_COLUMNS)
    for col in ("n_words", "n_sentences", "n_paragraphs", "n_figures", "n_named_sources", "n_anonymous_sources",
                "n_vague_sources", "n_attributions", "n_actors", "n_warnings"):
        metrics[col] = metrics[col].astype("Int64")
    return CorpusResult(metrics, pd.DataFrame(failures, columns=FAILURE_COLUMNS))

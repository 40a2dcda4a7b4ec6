"""Corpus mode: the headline metrics of many articles, one pure function per article mapped over worker processes or a Dask cluster."""

from __future__ import annotations

import glob
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Mapping, Sequence

import pandas as pd

from ..core.article import load_article, parse_article
from ..core.errors import ArticleError
from ..core.io import article_files, read_article_text
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
]

#: Columns of the metrics table, one row per article (see :func:`metrics_from_summary`).
METRIC_COLUMNS = [
    "file", "slug", "title", "source", "date", "n_words", "n_sentences", "n_paragraphs",
    "flesch_reading_ease", "flesch_kincaid_grade", "mean_tone", "dominant_frames", "n_figures",
    "n_named_sources", "n_anonymous_sources", "n_vague_sources", "n_attributions", "n_actors", "n_warnings",
]
FAILURE_COLUMNS = ["file", "error"]

_NAMED = ("named_person", "named_org")


def _get(mapping: Any, *keys: str, default: Any = None) -> Any:
    """``mapping[k1][k2]...`` or ``default`` when any level is missing or not a dict."""
    for key in keys:
        if not isinstance(mapping, Mapping) or key not in mapping:
            return default
        mapping = mapping[key]
    return mapping


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
    article = _get(summary, "article", default={})
    meta = _get(article, "metadata", default={})
    attributions = _get(summary, "framing", "attributions")
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

    frames = _get(summary, "framing", "frames")
    return {
        "file": file,
        "slug": str(_get(article, "slug", default="") or ""),
        "title": str(_get(article, "title", default="") or ""),
        "source": str(_get(meta, "source", default="") or ""),
        "date": str(_get(meta, "date", default="") or ""),
        "n_words": _int(_get(article, "n_words")),
        "n_sentences": _int(_get(article, "n_sentences")),
        "n_paragraphs": _int(_get(article, "n_paragraphs")),
        "flesch_reading_ease": _round(_get(summary, "language", "readability", "flesch_reading_ease"), 2),
        "flesch_kincaid_grade": _round(_get(summary, "language", "readability", "flesch_kincaid_grade"), 2),
        "mean_tone": _round(_get(summary, "language", "tone", "mean_compound"), 4),
        "dominant_frames": "; ".join(dominant_frames(frames)),
        "n_figures": _count(_get(summary, "figures")),
        "n_named_sources": len(counts["named"]) if n_att is not None else None,
        "n_anonymous_sources": len(counts["anonymous"]) if n_att is not None else None,
        "n_vague_sources": len(counts["vague"]) if n_att is not None else None,
        "n_attributions": n_att,
        "n_actors": _count(_get(summary, "framing", "actors")),
        "n_warnings": _count(_get(article, "warnings")),
    }


def metrics_from_text(file: str, text: str, encoding: str = "utf-8") -> dict[str, Any]:
    """The metrics of one article given its decoded text: the pure per-article function that is mapped
    over workers (it needs no shared filesystem, so it runs unchanged on a remote Dask worker)."""
    from dataclasses import replace


    article = parse_article(text, name=Path(file).stem, path=file)
    if encoding not in ("utf-8", "utf-8-sig"):
        article = replace(article, meta=article.meta + (("encoding", encoding),))
    return metrics_from_summary(build_summary(article), file=file)


def article_metrics(path: str | os.PathLike[str]) -> dict[str, Any]:
    """The metrics of one article file (what ``python -m analysis summary`` would give, condensed)."""
    return metrics_from_summary(build_summary(load_article(path)), file=str(path))


def _one_line_error(exc: BaseException) -> str:
    if isinstance(exc, ArticleError):
        return str(exc)
    text = str(exc).strip().splitlines()
    return f"{type(exc).__name__}: {text[-1] if text else ''}".strip().rstrip(":")[:300]


def _job(item: tuple[str, str, str]) -> tuple[str, dict | None, str | None]:
    """Worker side: never raises, so one bad article cannot stop the map."""
    file, text, encoding = item
    try:
        return file, metrics_from_text(file, text, encoding), None
    except Exception as exc:  # noqa: BLE001 - every failure is reported, none stops the corpus
        return file, None, _one_line_error(exc)


def find_articles(inputs: Iterable[str | os.PathLike[str]]) -> list[Path]:
    """Article files named by folders (their ``*.txt``), glob patterns (``**`` allowed) or paths; sorted, unique.

    Raises ArticleError when an input matches nothing.
    """
    found: list[Path] = []
    for item in inputs:
        s = str(item)
        p = Path(s).expanduser()
        if p.is_dir():
            matches = article_files(p)
        elif p.exists():
            matches = [p]
        else:
            matches = sorted(Path(q) for q in glob.glob(os.path.expanduser(s), recursive=True) if Path(q).is_file())
        if not matches:
            raise ArticleError(f"'{s}' matches no article files (give a folder, a glob such as 'articles/*.txt', or files).")
        found.extend(matches)
    unique = list(dict.fromkeys(found))
    return sorted(unique, key=lambda q: str(q))


@dataclass(frozen=True)
class CorpusResult:
    """``metrics``: one row per analysed article (:data:`METRIC_COLUMNS`, in input order);
    ``failures``: one row per skipped file (file, error)."""

    metrics: pd.DataFrame
    failures: pd.DataFrame


def _read_all(paths: Sequence[Path]) -> tuple[list[tuple[str, str, str]], list[tuple[str, str]]]:
    items, failures = [], []
    for p in paths:
        try:
            text, encoding = read_article_text(p)
            items.append((str(p), text, encoding))
        except ArticleError as exc:
            failures.append((str(p), str(exc)))
    return items, failures


def _progress(total: int, enabled: bool):
    from tqdm import tqdm

    return tqdm(total=total, desc="articles", unit="article", file=sys.stderr, disable=not enabled,
                dynamic_ncols=True, leave=True)


def _map_processes(items, workers: int, bar) -> list[tuple[str, dict | None, str | None]]:
    if workers <= 1 or len(items) <= 1:
        out = []
        for item in items:
            out.append(_job(item))
            bar.update(1)
        return out
    from concurrent.futures import ProcessPoolExecutor, as_completed
    from concurrent.futures.process import BrokenProcessPool

    out = []
    with ProcessPoolExecutor(max_workers=min(workers, len(items))) as pool:
        futures = {pool.submit(_job, item): item[0] for item in items}
        for fut in as_completed(futures):
            try:
                out.append(fut.result())
            except BrokenProcessPool as exc:  # a worker died (out of memory, killed)
                out.append((futures[fut], None, f"worker process died ({exc})"))
            bar.update(1)
    return out


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
) -> CorpusResult:
    """The metrics of every article, computed in parallel; files that fail are skipped and listed.

    Files are read here (through ``analysis.core.io``) and their text is sent to the workers, which run
    :func:`metrics_from_text`. ``workers`` worker processes (default: all cores; 1 runs in this
    process) or, with ``dask_address`` (a scheduler address such as ``tcp://host:8786``, or a
    ``distributed`` cluster object; connecting gives up after ``dask_timeout`` seconds), the same
    function on a Dask cluster. A tqdm progress
    bar goes to stderr unless ``progress=False``. Rows come back in the order of ``paths``.
    """
    paths = [Path(p) for p in paths]
    items, failures = _read_all(paths)
    workers = max(1, workers if workers else (os.cpu_count() or 1))
    with _progress(len(paths), progress) as bar:
        bar.update(len(failures))
        if dask_address is not None:
            target = getattr(dask_address, "scheduler_address", None) or dask_address
            results = _map_dask(items, target, bar, dask_timeout)
        else:
            results = _map_processes(items, workers, bar)
    order = {str(p): i for i, p in enumerate(paths)}
    rows = sorted((r for r in results if r[1] is not None), key=lambda r: order.get(r[0], len(order)))
    failures += [(f, e) for f, _, e in results if e is not None]
    failures.sort(key=lambda r: (order.get(r[0], len(order)), r[0]))
    metrics = pd.DataFrame([r[1] for r in rows], columns=METRIC_COLUMNS)
    for col in ("n_words", "n_sentences", "n_paragraphs", "n_figures", "n_named_sources", "n_anonymous_sources",
                "n_vague_sources", "n_attributions", "n_actors", "n_warnings"):
        metrics[col] = metrics[col].astype("Int64")
    return CorpusResult(metrics, pd.DataFrame(failures, columns=FAILURE_COLUMNS))

"""Corpus mode for researchers: many articles in, a folder of tidy tables out — streamed, resumable, local or on Dask.

Layout of the output folder::

    DIR/manifest.json                 project and lexicon versions, inputs, counts, committed parts
    DIR/<table>/part-00000.parquet    one file per table and chunk (``--format csv``: .csv)
    DIR/summaries/part-00000.jsonl    the full summary of each article (with ``--jsonl``)

Inputs are read lazily (one article at a time) and results are written every ``chunk_size`` articles, so memory
stays flat whatever the corpus size. A chunk's part files are written first under temporary names, renamed into
place, and only then recorded in ``manifest.json`` (atomically); a part file that the manifest does not list belongs
to an interrupted chunk and is removed at the next run. A rerun skips articles whose ``article_id`` and text hash
are already in the ``articles`` or ``errors`` table (``force=True`` starts again). One bad article is an
``errors`` row and never stops the run.

On Dask (``dask_address``), the client only lists the inputs: each partition's texts are read, analysed and written
by a worker (the output folder must be reachable from the workers: a shared filesystem, or an fsspec URL such as
``s3://bucket/run`` when the matching fsspec package is installed); the client receives part names and counts.
"""

from __future__ import annotations

import csv
import io
import json
import os
import signal
import threading
from collections import deque
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Mapping, Sequence

from ..core.article import parse_article
from ..core.config import ARTICLES_DIR, REPORTS_DIR, ROOT, VERSION
from ..core.errors import ArticleError
from ..core.io import read_article_text
from ..core.lexicons import lexicon_versions
from .corpus import find_articles
from .summary import build_summary
from .tables import ARTICLE_FIELDS, TABLE_NAMES, TABLE_SCHEMAS, article_tables, error_row, text_sha256

__all__ = [
    "TABLE_SUFFIXES",
    "ArticleInput",
    "CorpusRun",
    "parse_column_map",
    "iter_inputs",
    "count_inputs",
    "analyse_input",
    "write_tables_folder",
    "process_partition",
    "read_table",
    "csv_safe",
    "example_inputs",
    "EXAMPLE_TABLES_DIR",
]

#: Table-input file types (anything else is an article file or a folder of them).
TABLE_SUFFIXES = (".jsonl", ".ndjson", ".csv", ".parquet")
_FORMATS = ("parquet", "csv")
_MANIFEST = "manifest.json"
_SUMMARIES = "summaries"
#: Where ``make report`` keeps the tables of the bundled articles (the corpus notebook's default input).
EXAMPLE_TABLES_DIR = REPORTS_DIR / "corpus" / "tables"


def example_inputs() -> list[str]:
    """The bundled articles (``data/articles/``) and, when present beside the checkout, the articles of
    ``../shared/corpus/`` that are not bundled already under the same file name."""
    inputs = [str(ARTICLES_DIR)]
    bundled = {p.name for p in ARTICLES_DIR.glob("*.txt")}
    shared = ROOT.parent / "shared" / "corpus"
    if shared.is_dir():
        inputs += [str(p) for p in sorted(shared.glob("*.txt")) if p.name not in bundled]
    return inputs


@dataclass(frozen=True)
class ArticleInput:
    """One article to analyse: its id, its text (or the one-line reason it could not be read), where it came from,
    and the article fields a table input gave (title, source, url, date, author, language)."""

    article_id: str
    text_hash: str
    input: str
    text: str | None = None
    fields: Mapping[str, str] = field(default_factory=dict)
    error: str | None = None


@dataclass
class CorpusRun:
    """What a run did: articles analysed, failed and skipped (already done), the parts written, and rows per table."""

    analysed: int = 0
    failed: int = 0
    skipped: int = 0
    parts: list[str] = field(default_factory=list)
    rows: dict[str, int] = field(default_factory=dict)
    errors: list[tuple[str, str]] = field(default_factory=list)


# ---------------------------------------------------------------- inputs


def parse_column_map(spec: str | None) -> dict[str, str]:
    """``"text=body,id=doc_id"`` → ``{"text": "body", "id": "doc_id"}`` (our name = the table's column name).

    >>> parse_column_map("text=body, id=doc_id")
    {'text': 'body', 'id': 'doc_id'}
    >>> parse_column_map("title")
    Traceback (most recent call last):
    ...
    analysis.core.errors.ArticleError: --columns wants NAME=COLUMN pairs separated by commas, e.g. 'text=body,id=doc_id'; got 'title'.
    """
    out: dict[str, str] = {}
    for part in (spec or "").split(","):
        part = part.strip()
        if not part:
            continue
        ours, sep, theirs = part.partition("=")
        if not sep or not ours.strip() or not theirs.strip():
            raise ArticleError(f"--columns wants NAME=COLUMN pairs separated by commas, e.g. 'text=body,id=doc_id'; "
                               f"got {part!r}.")
        if ours.strip() not in ("id", "text", *ARTICLE_FIELDS):
            raise ArticleError(f"--columns: unknown name {ours.strip()!r}; known: id, text, {', '.join(ARTICLE_FIELDS)}.")
        out[ours.strip()] = theirs.strip()
    return out


def _is_table(path: str) -> bool:
    return path.lower().endswith(TABLE_SUFFIXES)


def _clean(value: Any) -> str:
    if value is None or (isinstance(value, float) and value != value):
        return ""
    return str(value)


def _from_record(record: Mapping[str, Any], where: str, columns: Mapping[str, str]) -> ArticleInput:
    def col(name: str) -> Any:
        return record.get(columns.get(name, name))

    text = col("text")
    given = _clean(col("id")).strip()
    if not isinstance(text, str) or not text.strip():
        reason = "no text" if text is None or text == "" else f"text is {type(text).__name__}, not a string"
        if isinstance(text, str):
            reason = "empty text"
        h = text_sha256(text if isinstance(text, str) else "")
        return ArticleInput(given or h, h, where, None, {}, f"{where}: {reason} (column '{columns.get('text', 'text')}').")
    h = text_sha256(text)
    fields = {k: _clean(col(k)).strip() for k in ARTICLE_FIELDS if _clean(col(k)).strip()}
    return ArticleInput(given or h, h, where, text, fields)


def _table_records(path: str, columns: Mapping[str, str]) -> Iterator[ArticleInput]:
    name = os.path.basename(path)
    low = path.lower()
    if low.endswith((".jsonl", ".ndjson")):
        with open(path, encoding="utf-8", errors="replace") as fh:
            for n, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                where = f"{name}:{n}"
                try:
                    record = json.loads(line)
                except ValueError as exc:
                    yield ArticleInput(f"{name}:{n}", "", where, error=f"{where}: not JSON ({exc.msg}).")
                    continue
                if not isinstance(record, dict):
                    yield ArticleInput(f"{name}:{n}", "", where, error=f"{where}: not a JSON object.")
                    continue
                yield _from_record(record, where, columns)
    elif low.endswith(".csv"):
        csv.field_size_limit(1 << 30)
        with open(path, encoding="utf-8-sig", errors="replace", newline="") as fh:
            for n, record in enumerate(csv.DictReader(fh), 2):
                yield _from_record(record, f"{name}:{n}", columns)
    else:
        try:
            import pyarrow.parquet as pq
        except ImportError as exc:  # pragma: no cover - pyarrow is a dependency
            raise ArticleError("reading Parquet needs pyarrow: pip install pyarrow.") from exc
        try:
            handle = pq.ParquetFile(path)
        except Exception as exc:  # noqa: BLE001 - any unreadable file is a user mistake
            raise ArticleError(f"'{path}' is not a readable Parquet file ({type(exc).__name__}).") from None
        n = 0
        for batch in handle.iter_batches(batch_size=256):
            for record in batch.to_pylist():
                n += 1
                yield _from_record(record, f"{name}:row {n}", columns)


def _from_file(path: Path) -> ArticleInput:
    where = str(path)
    try:
        text, _ = read_article_text(path)
    except ArticleError as exc:
        return ArticleInput(where, "", where, error=str(exc))
    h = text_sha256(text)
    return ArticleInput(h, h, where, text)


def _expand(inputs: Sequence[str]) -> list[str]:
    """Input names in order: table files as they are, everything else through :func:`find_articles`."""
    out: list[str] = []
    for item in inputs:
        s = os.fsdecode(item)
        if _is_table(s) and os.path.isfile(s):
            out.append(s)
        else:
            out.extend(str(p) for p in find_articles([s]))
    return list(dict.fromkeys(out))


def count_inputs(inputs: Sequence[str]) -> int | None:
    """How many articles the inputs hold, when that is cheap to know (article files only: a table would have to be
    read through); None otherwise. For the progress bar's ETA."""
    names = _expand(inputs)
    return None if any(_is_table(n) for n in names) else len(names)


def iter_inputs(inputs: Sequence[str], columns: Mapping[str, str] | None = None) -> Iterator[ArticleInput]:
    """Every article of the inputs, read one at a time (folders, globs and files of .txt, or tables of articles:
    JSON Lines, CSV or Parquet with columns ``id``, ``text`` and optional article fields; ``columns`` maps our
    names to the table's). Articles of a table without an ``id`` get the sha256 of their text."""
    columns = dict(columns or {})
    for name in _expand(inputs):
        if _is_table(name):
            yield from _table_records(name, columns)
        else:
            yield _from_file(Path(name))


# ---------------------------------------------------------------- analysis (runs in workers)


class _Timeout(Exception):
    pass


def _alarm(signum, frame):  # pragma: no cover - called by the signal
    raise _Timeout()


def _one_line(exc: BaseException) -> str:
    if isinstance(exc, ArticleError):
        return str(exc)
    lines = str(exc).strip().splitlines()
    return f"{type(exc).__name__}: {lines[-1] if lines else ''}".strip().rstrip(":")[:300]


def analyse_input(item: ArticleInput, *, timeout: float = 0.0, with_summary: bool = False
                  ) -> tuple[dict[str, list[dict]], str | None]:
    """The tables of one article (and its summary as one JSON line when asked); never raises: a failure or a
    timeout (seconds; 0 = none; only where signals work: a worker process's main thread) is an ``errors`` row."""
    if item.error is not None or item.text is None:
        return error_row(item.article_id, item.text_hash, item.input, item.error or "no text"), None
    use_alarm = timeout > 0 and hasattr(signal, "setitimer") and _main_thread()
    previous = None
    try:
        if use_alarm:
            previous = signal.signal(signal.SIGALRM, _alarm)
            signal.setitimer(signal.ITIMER_REAL, timeout)
        from_table = _is_table(item.input.split(":")[0])
        name = item.article_id if from_table else Path(item.input).stem
        article = parse_article(item.text, name=name[:200] or "article", path=None if from_table else item.input)
        summary = build_summary(article, for_tables=not with_summary)  # the full summary only when it is written
        tables = article_tables(summary, article_id=item.article_id, text_hash=item.text_hash, input_name=item.input,
                                fields=item.fields, article=article)
        line = None
        if with_summary:
            line = json.dumps({"article_id": item.article_id, **summary}, ensure_ascii=False, separators=(",", ":"))
        return tables, line
    except _Timeout:
        return error_row(item.article_id, item.text_hash, item.input,
                         f"timed out after {timeout:g} s (--timeout); the article was skipped"), None
    except Exception as exc:  # noqa: BLE001 - one bad article never stops the corpus
        return error_row(item.article_id, item.text_hash, item.input, _one_line(exc)), None
    finally:
        if use_alarm:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous or signal.SIG_DFL)


def _main_thread() -> bool:
    return threading.current_thread() is threading.main_thread()


# ---------------------------------------------------------------- writing


def csv_safe(value: Any) -> Any:
    """A text cell that a spreadsheet would run as a formula gets a leading apostrophe (OWASP CSV injection).

    >>> csv_safe("=HYPERLINK(1)"), csv_safe("-0.5"), csv_safe(-0.5), csv_safe("plain")
    ("'=HYPERLINK(1)", "'-0.5", -0.5, 'plain')
    """
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


@lru_cache(maxsize=1)
def _arrow_schema():
    import pyarrow as pa

    kinds = {"string": pa.string(), "int64": pa.int64(), "float64": pa.float64(), "bool": pa.bool_()}
    return {name: pa.schema([(c, kinds[k]) for c, k in cols]) for name, cols in TABLE_SCHEMAS.items()}


class _Folder:
    """The output folder, local or fsspec (``s3://...``): write a file atomically where the filesystem allows it."""

    def __init__(self, root: str):
        self.root = root.rstrip("/") or "/"
        self.remote = "://" in root and not root.startswith("file://")
        if self.remote:
            try:
                import fsspec
            except ImportError as exc:
                raise ArticleError(f"writing to {root} needs fsspec and its backend (e.g. pip install s3fs).") from exc
            self.fs, self.base = fsspec.core.url_to_fs(root)
        else:
            self.base = root[len("file://"):] if root.startswith("file://") else root

    def path(self, *parts: str) -> str:
        return "/".join([self.base.rstrip("/"), *parts])

    def write(self, rel: str, data: bytes) -> None:
        target = self.path(rel)
        if self.remote:  # object stores write whole objects: a reader never sees half a file
            self.fs.makedirs(os.path.dirname(target), exist_ok=True)
            with self.fs.open(target, "wb") as fh:
                fh.write(data)
            return
        os.makedirs(os.path.dirname(target), exist_ok=True)
        tmp = f"{target}.{os.getpid()}.tmp"
        with open(tmp, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)

    def read(self, rel: str) -> bytes | None:
        target = self.path(rel)
        try:
            if self.remote:
                with self.fs.open(target, "rb") as fh:
                    return fh.read()
            with open(target, "rb") as fh:
                return fh.read()
        except FileNotFoundError:
            return None

    def listdir(self, rel: str) -> list[str]:
        target = self.path(rel)
        try:
            if self.remote:
                return sorted(os.path.basename(p.rstrip("/")) for p in self.fs.ls(target, detail=False))
            return sorted(os.listdir(target))
        except (FileNotFoundError, NotADirectoryError):
            return []

    def remove(self, rel: str) -> None:
        target = self.path(rel)
        try:
            if self.remote:
                self.fs.rm(target)
            else:
                os.remove(target)
        except FileNotFoundError:
            pass


class _PartWriter:
    """One chunk's part files, written while the chunk fills, so memory holds at most ``flush_every`` articles'
    rows whatever the chunk size.

    Each table streams into a temporary file next to its final name (``<table>/<part>.parquet.<pid>.tmp``; for an
    fsspec folder, a local temporary file): Parquet gets one row group per ``flush_every`` articles (the rows are kept
    until then and converted to Arrow once), CSV and the JSON Lines summaries are written row by row.
    :meth:`commit` closes the files and moves each to its final name; until then a reader, or a resumed run, sees
    no part of the chunk (``_remove_uncommitted`` deletes the temporaries of a killed run). The row groups depend
    only on the order of articles, so a chunk's bytes do not depend on the number of workers.
    """

    def __init__(self, folder: _Folder, part: str, fmt: str, jsonl: bool, flush_every: int = 50):
        self.folder, self.part, self.fmt, self.flush_every = folder, part, fmt, max(1, flush_every)
        self.suffix = "parquet" if fmt == "parquet" else "csv"
        self.rows = {name: 0 for name in TABLE_NAMES}
        self.articles = 0
        self.errors: list[tuple[str, str]] = []
        self._pending: dict[str, list] = {}
        self._files: dict[str, Any] = {}
        self._tmp: dict[str, str] = {}
        self._writers: dict[str, Any] = {}
        self._jsonl = jsonl

    def _open(self, rel: str, mode: str):
        if rel not in self._files:
            if self.folder.remote:
                import tempfile

                fd, tmp = tempfile.mkstemp(suffix=".tmp", prefix="article-lens-part-")
                os.close(fd)
            else:
                tmp = f"{self.folder.path(rel)}.{os.getpid()}.tmp"
                os.makedirs(os.path.dirname(tmp), exist_ok=True)
            self._tmp[rel] = tmp
            self._files[rel] = open(tmp, mode, **({"encoding": "utf-8", "newline": ""} if "b" not in mode else {}))
        return self._files[rel]

    def _csv(self, name: str):
        rel = f"{name}/{self.part}.csv"
        new = rel not in self._files
        fh = self._open(rel, "w")
        writer = csv.writer(fh, lineterminator="\n")
        if new:
            writer.writerow([c for c, _ in TABLE_SCHEMAS[name]])
        return writer

    def add(self, tables: Mapping[str, list[dict]], summary: str | None) -> None:
        """One article's rows (and its summary line, when JSON Lines are written)."""
        self.articles += 1
        self.errors += [(r["input"] or r["article_id"], r["error"]) for r in tables.get("errors", [])]
        for name, rows in tables.items():
            if not rows:
                continue
            self.rows[name] += len(rows)
            if self.fmt == "csv":
                columns = [c for c, _ in TABLE_SCHEMAS[name]]
                writer = self._csv(name)
                for row in rows:
                    writer.writerow(["" if row[c] is None else csv_safe(row[c]) for c in columns])
            else:  # kept as rows until the flush: one Arrow conversion per table per row group, not per article
                self._pending.setdefault(name, []).extend(rows)
        if self._jsonl and summary is not None:
            self._open(f"{_SUMMARIES}/{self.part}.jsonl", "w").write(summary + "\n")
        if self.articles % self.flush_every == 0:
            self._flush()

    def _flush(self) -> None:
        if not self._pending:
            return
        import pyarrow as pa
        import pyarrow.parquet as pq

        for name in sorted(self._pending):
            schema = _arrow_schema()[name]
            rel = f"{name}/{self.part}.parquet"
            if name not in self._writers:
                self._writers[name] = pq.ParquetWriter(self._open(rel, "wb"), schema, compression="zstd")
            self._writers[name].write_table(pa.Table.from_pylist(self._pending[name], schema=schema))
        self._pending = {}

    def commit(self) -> dict[str, Any]:
        """Close every file and give each its final name; returns the chunk's part name, articles, rows, errors."""
        self._flush()
        for name in TABLE_NAMES:  # a table with no rows in this chunk still gets its (empty) part file
            if self.fmt == "csv":
                self._csv(name)
            elif name not in self._writers:
                import pyarrow.parquet as pq

                schema = _arrow_schema()[name]
                self._writers[name] = pq.ParquetWriter(self._open(f"{name}/{self.part}.parquet", "wb"), schema,
                                                       compression="zstd")
        if self._jsonl:
            self._open(f"{_SUMMARIES}/{self.part}.jsonl", "w")
        for writer in self._writers.values():
            writer.close()
        for rel in sorted(self._files):
            fh = self._files[rel]
            fh.flush()
            if not self.folder.remote:
                os.fsync(fh.fileno())
            fh.close()
            if self.folder.remote:
                with open(self._tmp[rel], "rb") as src:
                    self.folder.write(rel, src.read())
                os.remove(self._tmp[rel])
            else:
                os.replace(self._tmp[rel], self.folder.path(rel))
        return {"part": self.part, "articles": self.articles, "rows": dict(self.rows), "errors": self.errors}

    def abort(self) -> None:
        """Close and delete the temporary files (an interrupted chunk leaves nothing behind)."""
        for writer in self._writers.values():
            try:
                writer.close()
            except Exception:  # noqa: BLE001 - best effort while unwinding
                pass
        for rel, fh in self._files.items():
            fh.close()
            try:
                os.remove(self._tmp[rel])
            except OSError:
                pass


def process_partition(items: Iterable[ArticleInput], out: str, part: str, fmt: str, timeout: float,
                      jsonl: bool) -> dict[str, Any]:
    """Analyse and write one partition (a Dask task, or a test): returns its part name, rows and errors."""
    writer = _PartWriter(_Folder(out), part, fmt, jsonl)
    try:
        for item in items:
            result, line = analyse_input(item, timeout=timeout, with_summary=jsonl)
            writer.add(result, line)
        if not writer.articles:
            writer.abort()
            return {"part": part, "articles": 0, "rows": {}, "errors": []}
        return writer.commit()
    except BaseException:
        writer.abort()
        raise


# ---------------------------------------------------------------- manifest and resume


def _read_manifest(folder: _Folder) -> dict[str, Any] | None:
    data = folder.read(_MANIFEST)
    if data is None:
        return None
    try:
        manifest = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise ArticleError(f"{folder.path(_MANIFEST)} is not a corpus manifest (unreadable JSON); "
                           "give another --out folder or --force.") from None
    if not isinstance(manifest, dict) or manifest.get("tool") != "article-lens corpus":
        raise ArticleError(f"{folder.path(_MANIFEST)} was not written by article-lens corpus mode; "
                           "give another --out folder.")
    return manifest


def _done_keys(folder: _Folder, manifest: Mapping[str, Any]) -> set[tuple[str, str]]:
    keys: set[tuple[str, str]] = set()
    fmt = manifest.get("format", "parquet")
    for part in manifest.get("parts", []):
        for name in ("articles", "errors"):
            data = folder.read(f"{name}/{part}.{'parquet' if fmt == 'parquet' else 'csv'}")
            if data is None:
                continue
            for row in _rows_of(data, fmt, ("article_id", "text_sha256")):
                keys.add((row["article_id"], row["text_sha256"] or ""))
    return keys


def _rows_of(data: bytes, fmt: str, columns: Sequence[str]) -> list[dict]:
    if fmt == "csv":
        return [{c: r.get(c, "") for c in columns} for r in csv.DictReader(io.StringIO(data.decode("utf-8")))]
    import pyarrow as pa
    import pyarrow.parquet as pq

    return pq.read_table(pa.BufferReader(data), columns=list(columns)).to_pylist()


def _remove_uncommitted(folder: _Folder, manifest: Mapping[str, Any] | None) -> int:
    committed = set(manifest.get("parts", [])) if manifest else set()
    removed = 0
    for name in (*TABLE_NAMES, _SUMMARIES):
        for file in folder.listdir(name):
            stem = file.split(".", 1)[0]
            if file.endswith(".tmp") or (file.startswith("part-") and stem not in committed):
                folder.remove(f"{name}/{file}")
                removed += 1
    return removed


def _manifest(previous: Mapping[str, Any] | None, inputs: Sequence[str], fmt: str, parts: list[str],
              rows: Mapping[str, int], counts: Mapping[str, int], jsonl: bool) -> dict[str, Any]:
    seen_inputs = list(dict.fromkeys([*(previous or {}).get("inputs", []), *inputs]))
    return {
        "tool": "article-lens corpus",
        "version": VERSION,
        "lexicon_versions": lexicon_versions(),
        "format": fmt,
        "inputs": seen_inputs,
        "tables": {name: [c for c, _ in TABLE_SCHEMAS[name]] for name in TABLE_NAMES},
        "summaries": bool(jsonl or (previous or {}).get("summaries")),
        "parts": parts,
        "counts": dict(counts),
        "rows": {name: int(rows.get(name, 0)) for name in TABLE_NAMES},
    }


# ---------------------------------------------------------------- the run


def _pool(workers: int):
    from concurrent.futures import ProcessPoolExecutor

    return ProcessPoolExecutor(max_workers=workers)


def _isolated(item: ArticleInput, timeout: float, jsonl: bool) -> tuple[dict[str, list[dict]], str | None]:
    """One article in a fresh single-worker pool: the retry of an article whose worker died."""
    from concurrent.futures.process import BrokenProcessPool

    pool = _pool(1)
    try:
        return pool.submit(analyse_input, item, timeout=timeout, with_summary=jsonl).result()
    except BrokenProcessPool:
        return error_row(item.article_id, item.text_hash, item.input,
                         "the worker process died on this article twice (out of memory or killed); skipped"), None
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _analyse_local(items: Iterator[ArticleInput], workers: int, timeout: float, jsonl: bool
                   ) -> Iterator[tuple[ArticleInput, dict[str, list[dict]], str | None]]:
    """Results in input order; at most ``4 × workers`` articles in flight, so memory stays flat. When a worker dies
    (killed, out of memory), the articles that were in flight are each retried once, alone in a fresh process, so
    only the article that kills its worker again becomes an error row; then a fresh pool goes on."""
    if workers <= 1:
        for item in items:
            tables, line = analyse_input(item, timeout=timeout, with_summary=jsonl)
            yield item, tables, line
        return
    from concurrent.futures.process import BrokenProcessPool

    window = max(2, 4 * workers)
    pool = _pool(workers)
    pending: deque = deque()
    try:
        source = iter(items)
        exhausted = False
        while True:
            while not exhausted and len(pending) < window:
                try:
                    item = next(source)
                except StopIteration:
                    exhausted = True
                    break
                pending.append((item, pool.submit(analyse_input, item, timeout=timeout, with_summary=jsonl)))
            if not pending:
                return
            item, fut = pending[0]
            try:
                tables, line = fut.result()
            except BrokenProcessPool:
                pool.shutdown(wait=False, cancel_futures=True)
                for it, f in list(pending):
                    done_ok = f.done() and not f.cancelled() and f.exception() is None
                    yield (it, *f.result()) if done_ok else (it, *_isolated(it, timeout, jsonl))
                pending.clear()
                pool = _pool(workers)
                continue
            pending.popleft()
            yield item, tables, line
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def write_tables_folder(
    inputs: Sequence[str],
    out: str | os.PathLike[str],
    *,
    columns: Mapping[str, str] | None = None,
    fmt: str = "parquet",
    workers: int = 1,
    chunk_size: int = 500,
    timeout: float = 0.0,
    jsonl: bool = False,
    force: bool = False,
    dask_address: Any = None,
    progress: Callable[[int], None] | None = None,
) -> CorpusRun:
    """Analyse every article of ``inputs`` into the tables folder ``out`` (see the module docstring).

    ``workers`` local processes (1: in this process) or ``dask_address`` (a scheduler address or a
    ``distributed`` cluster object); ``chunk_size`` articles per part file; ``timeout`` seconds per article (0:
    none); ``jsonl`` also writes each article's full summary; ``force`` discards what the folder holds and starts
    again. ``progress(n)`` is called as articles finish.
    """
    if fmt not in _FORMATS:
        raise ArticleError(f"--format must be one of {', '.join(_FORMATS)}, not {fmt!r}.")
    if chunk_size < 1:
        raise ArticleError("--chunk-size must be at least 1.")
    out = os.fsdecode(out)
    folder = _Folder(out)
    if not folder.remote and os.path.exists(out) and not os.path.isdir(out):
        raise ArticleError(f"--out {out} is a file; corpus mode writes a folder of tables (give a folder name).")
    if not folder.remote and os.path.isdir(out) and os.listdir(out) and not os.path.exists(os.path.join(out, _MANIFEST)):
        raise ArticleError(f"--out {out} is a folder that corpus mode did not write (no manifest.json); "
                           "give an empty or new folder.")
    manifest = _read_manifest(folder)
    if manifest and manifest.get("format", "parquet") != fmt and not force:
        raise ArticleError(f"{out} holds {manifest.get('format')} tables; rerun with --format "
                           f"{manifest.get('format')}, or --force to start again.")
    if manifest and not force and (manifest.get("version") != VERSION
                                   or manifest.get("lexicon_versions") != lexicon_versions()):
        raise ArticleError(f"{out} holds tables of article-lens {manifest.get('version')} with other lexicon versions; "
                           "mixing them would compare unlike measures: give a new --out folder, or --force to start again.")
    if force and manifest:
        for part in manifest.get("parts", []):
            for name in (*TABLE_NAMES, _SUMMARIES):
                for suffix in ("parquet", "csv", "jsonl"):
                    folder.remove(f"{name}/{part}.{suffix}")
        manifest = None
    _remove_uncommitted(folder, manifest)
    done = _done_keys(folder, manifest) if manifest else set()
    parts = list((manifest or {}).get("parts", []))
    rows = dict((manifest or {}).get("rows", {}))
    counts = {"articles": 0, "errors": 0, **(manifest or {}).get("counts", {})}
    inputs = [os.fsdecode(i) for i in inputs]
    result = CorpusRun()
    next_part = len(parts)

    def commit(info: Mapping[str, Any]) -> None:
        nonlocal manifest
        parts.append(info["part"])
        for name, n in info["rows"].items():
            rows[name] = rows.get(name, 0) + n
        counts["errors"] += len(info["errors"])
        counts["articles"] += info["articles"] - len(info["errors"])
        result.parts.append(info["part"])
        result.failed += len(info["errors"])
        result.analysed += info["articles"] - len(info["errors"])
        result.errors.extend(info["errors"])
        for name, n in info["rows"].items():
            result.rows[name] = result.rows.get(name, 0) + n
        manifest = _manifest(manifest, inputs, fmt, parts, rows, counts, jsonl)
        folder.write(_MANIFEST, (json.dumps(manifest, indent=1, ensure_ascii=False, sort_keys=True) + "\n").encode())

    def todo() -> Iterator[ArticleInput]:
        for item in iter_inputs(inputs, columns):
            if (item.article_id, item.text_hash) in done:
                result.skipped += 1
                if progress:
                    progress(1)
                continue
            done.add((item.article_id, item.text_hash))  # a duplicate within the inputs is analysed once
            yield item

    if dask_address is not None:
        _run_dask(todo(), out, fmt, chunk_size, timeout, jsonl, dask_address, next_part, commit, progress)
    else:
        writer: _PartWriter | None = None
        try:
            for _item, result_tables, line in _analyse_local(todo(), workers, timeout, jsonl):
                if writer is None:
                    writer = _PartWriter(folder, f"part-{next_part:05d}", fmt, jsonl)
                writer.add(result_tables, line)
                if progress:
                    progress(1)
                if writer.articles >= chunk_size:
                    commit(writer.commit())
                    writer, next_part = None, next_part + 1
            if writer is not None:
                commit(writer.commit())
                writer = None
        finally:
            if writer is not None:
                writer.abort()
    if manifest is None:  # nothing new and nothing before: still leave a valid, empty folder
        manifest = _manifest(None, inputs, fmt, parts, rows, counts, jsonl)
        folder.write(_MANIFEST, (json.dumps(manifest, indent=1, ensure_ascii=False, sort_keys=True) + "\n").encode())
    return result


def _chunks(items: Iterator[ArticleInput], size: int) -> Iterator[list[ArticleInput]]:
    chunk: list[ArticleInput] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _run_dask(items: Iterator[ArticleInput], out: str, fmt: str, chunk_size: int, timeout: float, jsonl: bool,
              address: Any, first_part: int, commit: Callable[[Mapping[str, Any]], None],
              progress: Callable[[int], None] | None) -> None:
    """Each chunk is one task that a worker analyses and writes; the client sends the chunk's inputs (file names
    for article files, which the worker reads; records for table inputs) and commits the returned part names in
    input order, at most ``2 × workers`` chunks in flight."""
    try:
        from distributed import Client
    except ImportError as exc:  # pragma: no cover - dask is in the dask/test extras
        raise ArticleError("--dask needs dask.distributed: pip install 'article-lens[dask]'.") from exc
    target = getattr(address, "scheduler_address", None) or address
    try:
        client = Client(target, timeout="10s", set_as_default=False)
    except (OSError, TimeoutError, ValueError) as exc:
        raise ArticleError(f"cannot connect to the Dask scheduler at {target} ({type(exc).__name__}: {exc}).") from None
    try:
        n_workers = max(1, len(client.scheduler_info().get("workers", {})))
        window = 2 * n_workers
        pending: deque = deque()
        part_no = first_part
        for chunk in _chunks(_lean(items), chunk_size):
            part = f"part-{part_no:05d}"
            part_no += 1
            pending.append(client.submit(_dask_partition, chunk, out, part, fmt, timeout, jsonl, pure=False,
                                         key=f"article-lens-{part}-{os.getpid()}"))
            while len(pending) >= window:
                _collect(pending.popleft(), commit, progress)
        while pending:
            _collect(pending.popleft(), commit, progress)
    finally:
        client.close()


def _lean(items: Iterator[ArticleInput]) -> Iterator[ArticleInput]:
    """Article files travel as names (the worker reads them); table rows as records (the text is in the table)."""
    for item in items:
        if item.error is None and item.text is not None and not _is_table(item.input.split(":")[0]) \
                and os.path.isfile(item.input):
            yield ArticleInput(item.article_id, item.text_hash, item.input, None, item.fields, None)
        else:
            yield item


def _dask_partition(chunk: list[ArticleInput], out: str, part: str, fmt: str, timeout: float,
                    jsonl: bool) -> dict[str, Any]:
    return process_partition((_reread(i) for i in chunk), out, part, fmt, timeout, jsonl)


def _reread(item: ArticleInput) -> ArticleInput:
    if item.text is not None or item.error is not None:
        return item
    fresh = _from_file(Path(item.input))
    return ArticleInput(item.article_id, item.text_hash, item.input, fresh.text, item.fields, fresh.error)


def _collect(future: Any, commit: Callable[[Mapping[str, Any]], None], progress: Callable[[int], None] | None) -> None:
    info = future.result()
    commit(info)
    if progress:
        progress(info["articles"])


# ---------------------------------------------------------------- reading back


def read_table(out: str | os.PathLike[str], name: str):
    """One table of a corpus folder as a pandas DataFrame (every committed part, in order).

    ``pandas.read_parquet(DIR / name)`` works as well (every part has the same schema); this helper also reads
    CSV folders and ignores part files of an interrupted chunk.
    """
    import pandas as pd

    if name not in TABLE_SCHEMAS:
        raise ArticleError(f"no table {name!r}; tables: {', '.join(TABLE_NAMES)}.")
    folder = _Folder(os.fsdecode(out))
    manifest = _read_manifest(folder)
    if manifest is None:
        raise ArticleError(f"{out} has no manifest.json: not a corpus tables folder.")
    fmt = manifest.get("format", "parquet")
    frames = []
    for part in manifest.get("parts", []):
        data = folder.read(f"{name}/{part}.{'parquet' if fmt == 'parquet' else 'csv'}")
        if data is None:
            continue
        if fmt == "csv":
            frames.append(pd.read_csv(io.BytesIO(data), dtype=str, keep_default_na=False))
        else:
            import pyarrow as pa
            import pyarrow.parquet as pq

            frames.append(pq.read_table(pa.BufferReader(data)).to_pandas())
    columns = [c for c, _ in TABLE_SCHEMAS[name]]
    if not frames:
        return pd.DataFrame(columns=columns)
    return pd.concat(frames, ignore_index=True)[columns]

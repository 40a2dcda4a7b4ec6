"""Command line: `python -m analysis summary|report|add|corpus|setup|reference` — user mistakes print one line to stderr and exit non-zero."""

from __future__ import annotations

import argparse
import json
import math
import os
import sys
from pathlib import Path
from typing import Sequence

from .core.article import load_article
from .core.config import ARTICLES_DIR, REPORTS_DIR
from .core.errors import ArticleError
from .core.io import check_output_file, csv_safe, display_path, scan_article_folder, write_csv_atomic
from .core.nlp import NLTKResourceError, ensure_resources, warm_models
from .core.workers import cap_workers, usable_cores
from .language.keyness import build_reference
from .output.brief import build_brief_reference
from .output.corpus import ARTICLE_TIMEOUT, corpus_metrics, find_articles
from .output.corpus_tables import count_inputs, example_inputs, parse_column_map, write_tables_folder
from .output.ingest import add_article
from .output.report import REPORT_TIMEOUT, build_corpus_report, build_reports, write_site_index
from .output.summary import build_summary, warm_up

__all__ = ["main"]


def _positive(value: float) -> bool:
    """A finite number above zero (``nan`` and ``inf`` are refused: they would disable a limit)."""
    return math.isfinite(value) and value > 0


def _summary(args: argparse.Namespace) -> int:
    if not args.jsonl:
        if len(args.articles) > 1:
            raise ArticleError("summary takes one article; give --jsonl for several (one JSON object per line).")
        article = load_article(args.articles[0])
        for warning in article.warnings:
            print(f"warning: {warning}", file=sys.stderr)
        json.dump(build_summary(article), sys.stdout, ensure_ascii=False, indent=args.indent)
        sys.stdout.write("\n")
        sys.stdout.flush()  # a full disk fails here, inside the error handling, not at exit
        return 0
    # Batch form: one compact JSON object per input line, in the order given, in one process. A file that
    # cannot be read gives {"file": ..., "error": ...} on its line (so line N is always file N) and exit 2.
    failed = 0
    for path in args.articles:
        try:
            article = load_article(path)
        except ArticleError as exc:
            failed += 1
            print(f"error: {exc}", file=sys.stderr)
            line = {"file": display_path(path), "error": str(exc)}
        else:
            for warning in article.warnings:
                print(f"warning: {display_path(path)}: {warning}", file=sys.stderr)
            line = build_summary(article)
        sys.stdout.write(json.dumps(line, ensure_ascii=False, separators=(",", ":")) + "\n")
        sys.stdout.flush()
    return 2 if failed else 0


def _workers(args: argparse.Namespace, default: int) -> int:
    if args.workers is not None and args.workers < 0:
        raise ArticleError(f"--workers must be 0 (automatic) or more, not {args.workers}.")
    n, warning = cap_workers(args.workers or default, force=args.force_workers)
    if warning:
        print(f"warning: {warning}", file=sys.stderr)
    return n


def _timeout(value: float) -> float:
    if not _positive(value):
        raise ArticleError(f"--timeout must be a positive number of seconds, not {value}.")
    return value


def _report(args: argparse.Namespace) -> int:
    timeout = _timeout(args.timeout)
    if args.articles:
        paths = [Path(p) for p in args.articles]
    else:
        paths, skipped = scan_article_folder(ARTICLES_DIR, follow_symlinks=args.follow_symlinks)
        for file, why in skipped:
            print(f"skipped {file}: {why}", file=sys.stderr)
    if not paths:
        raise ArticleError("no articles to report on: data/articles/ has no .txt files and none were named.")
    for p in paths:
        if not (p.exists() or p.is_symlink()):
            raise ArticleError(f"'{display_path(p)}' does not exist.")
    out = Path(args.out) if args.out else REPORTS_DIR
    workers = _workers(args, min(len(paths), usable_cores()))
    results = build_reports(paths, out, workers=workers, compare=not args.no_compare, force=args.force, timeout=timeout)
    if args.corpus_tables or (not args.articles and not args.no_corpus):
        # The corpus page: of the tables given, or of the bundled articles (analysed into reports/corpus/tables/).
        tables = Path(args.corpus_tables) if args.corpus_tables else out / "corpus" / "tables"
        if not args.corpus_tables:
            write_tables_folder(example_inputs(), tables, workers=workers, force=True)
        results.append(build_corpus_report(tables, out))
        write_site_index(out)
    failed = 0
    for r in results:
        if r.error:
            failed += 1
            print(f"error: {r.error}", file=sys.stderr)
        else:
            if r.note:
                print(f"note: {r.note}", file=sys.stderr)
            print(f"wrote {display_path(r.page or r.folder / 'index.html')}")
    print(f"wrote {display_path(out / 'index.html')}")
    return 1 if failed else 0


def _add(args: argparse.Namespace) -> int:
    metadata = {
        "title": args.title, "standfirst": args.standfirst, "source": args.source_name, "author": args.author,
        "url": args.url, "date": args.date, "language": args.language, "licence": args.licence,
        "attribution": args.attribution, "event": args.event,
    }
    for item in args.set or []:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            raise ArticleError(f"--set takes KEY=VALUE, not '{item}'.")
        metadata[key.strip()] = value
    if not (_positive(args.max_mb) and _positive(args.timeout)):
        raise ArticleError("--max-mb and --timeout must be positive numbers.")
    added = add_article(
        args.source, metadata={k: v for k, v in metadata.items() if v}, slug=args.slug, directory=args.to,
        force=args.force, timeout=args.timeout, max_bytes=int(args.max_mb * 1_000_000), allow_private=args.allow_private,
    )
    for warning in added.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    verb = "replaced" if added.replaced else "added"
    print(f"{verb} {added.path} ({added.n_words} words, {added.n_sentences} sentences): {added.title}")
    print(f"next: python -m analysis report {added.path}")
    return 0


def _tables_wanted(args: argparse.Namespace) -> bool:
    """A folder of tidy tables unless --out names a .csv file or stdout (the headline-metrics CSV of old)."""
    return bool(args.out) and args.out != "-" and not args.out.lower().endswith(".csv")


def _corpus_tables(args: argparse.Namespace, timeout: float) -> int:
    from tqdm import tqdm

    total = count_inputs(args.inputs)  # known for article files: the bar shows an ETA
    with tqdm(total=total, desc="articles", unit="article", file=sys.stderr, disable=args.no_progress,
              dynamic_ncols=True) as bar:
        run = write_tables_folder(
            args.inputs, args.out, columns=parse_column_map(args.columns), fmt=args.format,
            workers=_workers(args, usable_cores()), chunk_size=args.chunk_size, timeout=timeout,
            jsonl=args.jsonl, force=args.force, dask_address=args.dask, progress=bar.update,
        )
    for where, error in run.errors:
        print(f"skipped {where}: {error}", file=sys.stderr)
    print(f"wrote {args.out}: {run.analysed} article(s) analysed, {run.failed} failed (see the errors table), "
          f"{run.skipped} already done, {len(run.parts)} part file(s) per table", file=sys.stderr)
    return 1 if run.failed else 0


def _corpus(args: argparse.Namespace) -> int:
    timeout = _timeout(args.timeout)
    if _tables_wanted(args):
        return _corpus_tables(args, timeout)
    if args.jsonl or args.columns or args.force:
        raise ArticleError("--jsonl, --columns and --force need --out DIR (a folder of tables).")
    if args.out and args.out != "-":
        check_output_file(args.out)  # before the analysis: a bad --out never wastes a run
    skipped: list[tuple[str, str]] = []
    paths = find_articles(args.inputs, follow_symlinks=args.follow_symlinks, skipped=skipped)
    for file, why in skipped:
        print(f"skipped {file}: {why}", file=sys.stderr)
    workers = _workers(args, usable_cores())
    result = corpus_metrics(paths, workers=workers, dask_address=args.dask, progress=not args.no_progress,
                            timeout=timeout)
    if args.out and args.out != "-":
        try:
            write_csv_atomic(args.out, result.metrics)
        except OSError as exc:
            raise ArticleError(f"cannot write '{display_path(args.out)}' ({exc.strerror or exc}).") from None
        where = display_path(args.out)
    else:
        sys.stdout.write(csv_safe(result.metrics).to_csv(index=False, lineterminator="\n"))
        sys.stdout.flush()
        where = "stdout"
    for row in result.failures.itertuples(index=False):
        print(f"skipped {row.file}: {row.error}", file=sys.stderr)
    print(f"wrote {where}: {len(result.metrics)} article(s) analysed, {len(result.failures)} skipped", file=sys.stderr)
    return 1 if len(result.failures) else 0


def _setup(args: argparse.Namespace) -> int:
    fetched = ensure_resources(download=not args.no_download)
    print("NLTK resources: all present" + (f" (downloaded {', '.join(fetched)})" if fetched else ""))
    warm_models()  # the per-user model cache: later processes load the tagger and Punkt in a tenth of the time
    warm_up()  # one small analysis fills the rest of the cache (word list, CMUdict, WordNet files) the same way
    return 0


def _reference(args: argparse.Namespace) -> int:
    out_dir = Path(args.out) if args.out else None
    for path in build_reference(out_dir=out_dir, min_count=args.min_count):
        print(f"wrote {path}")
    print(f"wrote {build_brief_reference(out_dir)}")  # the article brief's reference: measures of the Brown news texts
    return 0


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m analysis", description="article-lens: how a news article is written.")
    sub = p.add_subparsers(dest="command", required=True)
    s = sub.add_parser("summary", help="print every measure of one article as JSON (--jsonl: of several, one per line)")
    s.add_argument("articles", nargs="+", metavar="article", help="article file (.txt); several with --jsonl")
    s.add_argument("--jsonl", action="store_true",
                   help="JSON Lines: one compact object per article, in the order given, in one process")
    s.add_argument("--indent", type=int, default=1, help="JSON indentation (default 1)")
    s.set_defaults(func=_summary)
    r = sub.add_parser("report", help="build the HTML reports (all articles in data/articles/ by default)")
    r.add_argument("articles", nargs="*", help="article files")
    r.add_argument("--out", help="output folder (default: reports/)")
    r.add_argument("--workers", type=int, default=0,
                   help="parallel worker processes (default: one per article, at most one per core; more than the "
                        "cores only with --force-workers)")
    r.add_argument("--force-workers", action="store_true", help="allow more workers than cores")
    r.add_argument("--timeout", type=float, default=REPORT_TIMEOUT,
                   help=f"seconds allowed for one article's report; a slower one is stopped and listed (default {REPORT_TIMEOUT:g})")
    r.add_argument("--force", action="store_true",
                   help="write into a non-empty folder that is not an article-lens output, and replace folders "
                        "article-lens did not write that are in the way of a report")
    r.add_argument("--follow-symlinks", action="store_true",
                   help="read symbolic links in data/articles/ (skipped by default, with a note)")
    r.add_argument("--no-compare", action="store_true", help="skip the comparison page (compare.html)")
    r.add_argument("--corpus-tables", metavar="DIR",
                   help="build the corpus page (corpus.html) from this folder of corpus tables "
                        "(default when no articles are named: the bundled articles)")
    r.add_argument("--no-corpus", action="store_true", help="skip the corpus page (corpus.html)")
    r.set_defaults(func=_report)
    a = sub.add_parser("add", help="add an article (.txt, saved .html page, or http(s) URL) to data/articles/")
    a.add_argument("source", help="a text file (any common encoding), a saved web page (.html) or an http(s) URL")
    for flag, dest, what in (
        ("--title", "title", "headline"), ("--standfirst", "standfirst", "standfirst (summary under the headline)"),
        ("--source", "source_name", "publication, e.g. 'Example News'"), ("--author", "author", "byline"),
        ("--url", "url", "address of the original"), ("--date", "date", "publication date, YYYY-MM-DD"),
        ("--language", "language", "language code, e.g. en"), ("--licence", "licence", "licence of the text"),
        ("--attribution", "attribution", "credit line the licence asks for"),
    ):
        a.add_argument(flag, dest=dest, help=f"{what} (overrides what the source says)")
    a.add_argument("--event", help="the event the article reports, e.g. 'Texas floods 2025': the comparison page "
                                   "groups articles of the same event (written as 'event:' in the header)")
    a.add_argument("--license", dest="licence", help=argparse.SUPPRESS)
    a.add_argument("--set", action="append", metavar="KEY=VALUE", help="any other metadata line (repeatable)")
    a.add_argument("--slug", help="file name to write (default: the text file's name, else the headline)")
    a.add_argument("--to", metavar="DIR", help="folder to write to (default: data/articles/)")
    a.add_argument("--force", action="store_true", help="replace an existing article of the same name")
    a.add_argument("--timeout", type=float, default=20.0,
                   help="seconds allowed for the whole download of a URL: connecting, headers and body (default 20)")
    a.add_argument("--allow-private", action="store_true",
                   help="follow redirects to this machine or a private network (refused by default)")
    a.add_argument("--max-mb", type=float, default=10.0, help="largest file or download accepted, in MB (default 10)")
    a.set_defaults(func=_add)
    c = sub.add_parser("corpus", help="many articles into a folder of tidy tables (Parquet or CSV), streamed and resumable")
    c.add_argument("inputs", nargs="+", metavar="INPUT",
                   help="folders (their *.txt), glob patterns, article files, or tables of articles "
                        "(.jsonl/.csv/.parquet with columns id, text and optional title, source, url, date, author, language)")
    c.add_argument("--out", help="folder of tables to write (or resume); a .csv name or '-' gives only the "
                                 "headline metrics as one CSV (default: stdout)")
    c.add_argument("--format", choices=("parquet", "csv"), default="parquet", help="table files (default parquet)")
    c.add_argument("--jsonl", action="store_true", help="also write each article's full summary (summaries/*.jsonl)")
    c.add_argument("--columns", metavar="NAME=COLUMN,...", help="column names of a table input, e.g. text=body,id=doc_id")
    c.add_argument("--chunk-size", type=int, default=500, help="articles per part file (default 500)")
    c.add_argument("--force", action="store_true", help="discard the tables already in --out and start again")
    c.add_argument("--workers", type=int, default=0,
                   help="worker processes (default: all cores; more than the cores only with --force-workers)")
    c.add_argument("--force-workers", action="store_true", help="allow more workers than cores")
    c.add_argument("--timeout", type=float, default=ARTICLE_TIMEOUT,
                   help=f"seconds allowed for one article; a slower one is stopped and listed as timed out (default {ARTICLE_TIMEOUT:g})")
    c.add_argument("--follow-symlinks", action="store_true",
                   help="read symbolic links found in folders and globs (skipped by default, with a note)")
    c.add_argument("--dask", metavar="ADDRESS", help="run on an existing Dask cluster, e.g. tcp://scheduler:8786")
    c.add_argument("--no-progress", action="store_true", help="no progress bar on stderr")
    c.set_defaults(func=_corpus)
    st = sub.add_parser("setup", help="check the NLTK resources and download only the missing ones")
    st.add_argument("--no-download", action="store_true", help="only check")
    st.set_defaults(func=_setup)
    rf = sub.add_parser("reference", help="rebuild data/reference/ (word frequencies and the brief's reference) from NLTK's Brown corpus (news)")
    rf.add_argument("--out", metavar="DIR", help="folder to write to (default: data/reference/)")
    rf.add_argument("--min-count", type=int, default=2, help="keep words seen at least this often (default 2)")
    rf.set_defaults(func=_reference)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args = _parser().parse_args(argv)
    try:
        return args.func(args)
    except ArticleError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except NLTKResourceError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 3
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        _discard_stdout()
        return 0
    except OSError as exc:  # writing the output failed: a full disk, a closed or read-only stdout
        where = f" '{display_path(exc.filename)}'" if getattr(exc, "filename", None) else ""
        _discard_stdout()
        print(f"error: cannot write the output{where} ({exc.strerror or exc}).", file=sys.stderr)
        return 1


def _discard_stdout() -> None:
    """Point stdout at the null device, so the interpreter's final flush of what could not be written does
    not print a second error (the pattern Python's documentation gives for SIGPIPE)."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass

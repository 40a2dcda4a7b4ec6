"""Command line: `python -m analysis summary|report|setup` — user mistakes print one line to stderr and exit non-zero."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import Sequence

from .errors import ArticleError

__all__ = ["main"]


def _summary(args: argparse.Namespace) -> int:
    from .article import load_article
    from .summary import build_summary

    article = load_article(args.article)
    for warning in article.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    json.dump(build_summary(article), sys.stdout, ensure_ascii=False, indent=args.indent)
    sys.stdout.write("\n")
    return 0


def _report(args: argparse.Namespace) -> int:
    from .config import REPORTS_DIR
    from .report import article_files, build_reports

    paths = [Path(p) for p in args.articles] or article_files()
    if not paths:
        raise ArticleError("no articles to report on: data/articles/ has no .txt files and none were named.")
    for p in paths:
        if not p.exists():
            raise ArticleError(f"'{p}' does not exist.")
    out = Path(args.out) if args.out else REPORTS_DIR
    workers = args.workers or min(len(paths), os.cpu_count() or 1)
    results = build_reports(paths, out, workers=workers)
    failed = 0
    for r in results:
        if r.error:
            failed += 1
            print(f"error: {r.error}", file=sys.stderr)
        else:
            print(f"wrote {r.folder}/index.html")
    print(f"wrote {out / 'index.html'}")
    return 1 if failed else 0


def _setup(args: argparse.Namespace) -> int:
    from .nlp import ensure_resources

    fetched = ensure_resources(download=not args.no_download)
    print("NLTK resources: all present" + (f" (downloaded {', '.join(fetched)})" if fetched else ""))
    return 0


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m analysis", description="article-lens: how a news article is written.")
    sub = p.add_subparsers(dest="command", required=True)
    s = sub.add_parser("summary", help="print every measure of one article as JSON")
    s.add_argument("article", help="article file (.txt)")
    s.add_argument("--indent", type=int, default=1, help="JSON indentation (default 1)")
    s.set_defaults(func=_summary)
    r = sub.add_parser("report", help="build the HTML reports (all articles in data/articles/ by default)")
    r.add_argument("articles", nargs="*", help="article files")
    r.add_argument("--out", help="output folder (default: reports/)")
    r.add_argument("--workers", type=int, default=0, help="parallel worker processes (default: one per article, at most one per core)")
    r.set_defaults(func=_report)
    st = sub.add_parser("setup", help="check the NLTK resources and download only the missing ones")
    st.add_argument("--no-download", action="store_true", help="only check")
    st.set_defaults(func=_setup)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    from .nlp import NLTKResourceError

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
        return 0

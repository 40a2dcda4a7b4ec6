"""Benchmark article-lens: analysis speed against NLTK's own floor, scaling, report build time, report size,
memory and corpus throughput. Prints a table and writes benchmarks/results/latest.json.

Each figure is the median of several runs measured in this one process run; compare the ratios,
not the absolute times (machines are noisy). Run with `make bench` (about 5-10 minutes).
Options: --quick (fewer runs, smaller sizes; for a smoke test), --skip-reports, --out PATH.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from analysis import load_article, parse_article  # noqa: E402
from analysis.core.io import article_files  # noqa: E402
from analysis.output.report import NOTEBOOKS, build_article_report  # noqa: E402
from analysis.output.summary import build_summary  # noqa: E402

_counter = 0


def _fresh(article):
    """The same article under a new slug, so no per-article cache is reused between runs."""
    global _counter
    _counter += 1
    return dataclasses.replace(article, slug=f"{article.slug}-bench-{_counter}")


def _median_time(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def nltk_floor(text: str) -> None:
    """The NLP work the analysis cannot avoid: NLTK sentence splitting, word tokenising, POS tagging."""
    import nltk

    sents = nltk.sent_tokenize(text)
    nltk.pos_tag_sents([nltk.word_tokenize(s) for s in sents])


def synthetic(words: int) -> str:
    """A long article built by repeating real paragraphs (seed + bundled corpus) up to ``words`` words."""
    paras = []
    for p in article_files():
        a = load_article(p)
        paras += [par.text for par in a.paragraphs if par.part == "body"]
    out, n, i = [], 0, 0
    while n < words:
        par = paras[i % len(paras)]
        out.append(par)
        n += len(par.split())
        i += 1
    return "Synthetic long article\n\n" + "\n\n".join(out)


def bench_analysis(runs: int) -> list[dict]:
    rows = []
    for path in article_files():
        art = load_article(path)
        build_summary(_fresh(art))  # warm imports and lexicons
        nltk_floor(art.text)  # and NLTK's own models
        t_an = _median_time(lambda: build_summary(_fresh(art)), runs)
        t_fl = _median_time(lambda: nltk_floor(art.text), runs)
        rows.append({"article": art.slug, "words": len(art.text.split()), "analysis_s": round(t_an, 4),
                     "nltk_floor_s": round(t_fl, 4), "ratio": round(t_an / t_fl, 2)})
    return rows


def bench_scaling(sizes: list[int], runs: int) -> list[dict]:
    rows = []
    for n in sizes:
        text = synthetic(n)
        art = parse_article(text, name=f"synthetic-{n}")
        nltk_floor(text[:2000])
        r = max(1, runs if n <= 10_000 else 1)
        t_an = _median_time(lambda: build_summary(_fresh(parse_article(text, name=f"synthetic-{n}"))), r)
        t_fl = _median_time(lambda: nltk_floor(art.text), r)
        rows.append({"words": n, "analysis_s": round(t_an, 3), "nltk_floor_s": round(t_fl, 3), "ratio": round(t_an / t_fl, 2)})
    return rows


def peak_memory_mb(words: int) -> float:
    with tempfile.TemporaryDirectory() as d:
        p = Path(d) / "long.txt"
        p.write_text(synthetic(words), encoding="utf-8")
        code = (
            "import resource, sys, subprocess;"
            f"subprocess.run([sys.executable, '-m', 'analysis', 'summary', {str(p)!r}], stdout=subprocess.DEVNULL, check=True);"
            "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
        )
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
        return round(int(out.stdout.strip()) / 1024, 1)


_TRIVIAL = {
    "cells": [{"cell_type": "code", "execution_count": None, "id": "c0", "metadata": {"tags": ["parameters"]}, "outputs": [],
               "source": "article = ''\ncharts_dir = ''"},
              {"cell_type": "code", "execution_count": None, "id": "c1", "metadata": {}, "outputs": [],
               "source": "import analysis, pandas, plotly, matplotlib, nltk\nprint('ok')"}],
    "metadata": {"kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"}},
    "nbformat": 4, "nbformat_minor": 5,
}


def _trivial_floor(n_notebooks: int) -> float:
    """Execute and export ``n_notebooks`` notebooks that only import the same libraries."""
    import nbformat
    import papermill
    from nbconvert import HTMLExporter

    with tempfile.TemporaryDirectory() as d:
        src = Path(d) / "trivial.ipynb"
        src.write_text(json.dumps(_TRIVIAL))
        t0 = time.perf_counter()
        for i in range(n_notebooks):
            out = Path(d) / f"out{i}.ipynb"
            papermill.execute_notebook(str(src), str(out), kernel_name="python3", progress_bar=False, log_output=False)
            HTMLExporter(template_name="basic", exclude_input=True).from_notebook_node(nbformat.read(str(out), as_version=4))
        return time.perf_counter() - t0


def bench_reports(runs: int) -> dict:
    seed = ROOT / "data" / "articles" / "seed-us-immigration-enforcement.txt"
    n = len(NOTEBOOKS)
    with tempfile.TemporaryDirectory() as d:
        t_build = _median_time(lambda: build_article_report(seed, Path(d)), runs)
    t_floor = statistics.median(_trivial_floor(n) for _ in range(runs))
    out: dict = {"one_article_s": round(t_build, 2), "trivial_floor_s": round(t_floor, 2),
                 "ratio": round(t_build / t_floor, 2), "notebooks": n}
    arts = article_files()
    for workers in (1, 2):
        with tempfile.TemporaryDirectory() as d:
            t0 = time.perf_counter()
            subprocess.run([sys.executable, "-m", "analysis", "report", *map(str, arts), "--out", d, "--workers", str(workers)],
                           cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
            out[f"all_{len(arts)}_articles_workers_{workers}_s"] = round(time.perf_counter() - t0, 1)
            if workers == 2:
                out["size"] = report_size(Path(d))
    return out


def report_size(tree: Path) -> dict:
    def size(p: Path) -> int:
        return sum(f.stat().st_size for f in p.rglob("*") if f.is_file())

    per_article = {}
    plotly_copies = 0
    for f in tree.rglob("*"):
        if f.is_file() and f.suffix in (".js", ".html"):
            head = f.read_bytes()
            plotly_copies += head.count(b"plotly.js v") if f.suffix == ".js" else head.count(b"* plotly.js v")
    for folder in sorted(p for p in tree.iterdir() if p.is_dir() and p.name != "assets"):
        per_article[folder.name] = {"bytes": size(folder), "html_bytes": sum(f.stat().st_size for f in folder.glob("*.html"))}
    return {"tree_bytes": size(tree), "plotly_js_copies": plotly_copies, "per_article": per_article}


def corpus_table(path: Path, n: int) -> Path:
    """A JSON Lines table of ``n`` news-length articles: the bundled articles (and ``../shared/corpus/`` when it is
    there) repeated, each copy with its own id and one changed word in its last line, so no cache is reused."""
    sources = [p for p in article_files()]
    shared = ROOT.parent / "shared" / "corpus"
    if shared.is_dir():
        sources += sorted(shared.glob("*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in sources]
    with open(path, "w", encoding="utf-8") as fh:
        for i in range(n):
            text = texts[i % len(texts)].rstrip() + f"\n\nThis is copy {i} of the article.\n"
            fh.write(json.dumps({"id": f"bench-{i:05d}", "text": text, "source": f"outlet-{i % 5}"}) + "\n")
    return path


def _corpus_run(table: Path, out: Path, workers: int) -> tuple[float, float]:
    """Wall seconds and peak resident MB (the largest process: the parent, or a worker) of one corpus run."""
    code = (
        "import resource,subprocess,sys,time;t=time.perf_counter();"
        "subprocess.run(sys.argv[1:],check=True,stdout=subprocess.DEVNULL,stderr=subprocess.DEVNULL);"
        "print(time.perf_counter()-t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss/1024)"
    )
    cmd = [sys.executable, "-m", "analysis", "corpus", str(table), "--out", str(out), "--workers", str(workers),
           "--no-progress", "--force"]
    proc = subprocess.run([sys.executable, "-c", code, *cmd], cwd=ROOT, check=True, capture_output=True, text=True)
    wall, mb = proc.stdout.split()
    return float(wall), float(mb)


def bench_startup(runs: int) -> dict:
    """Wall and CPU time (user + system) of `python -m analysis summary` on the seed article: interpreter, imports,
    models and analysis. Run as a user's Python runs it: writing bytecode (``PYTHONDONTWRITEBYTECODE``, set in some
    containers, would recompile every module of the package at each start), with the per-user model cache filled
    by the warm-up run. CPU time is the figure to read on a busy machine; wall time on a quiet one."""
    import resource

    seed = ROOT / "data" / "articles" / "seed-us-immigration-enforcement.txt"
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    cpu: list[float] = []

    def run():
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        subprocess.run([sys.executable, "-m", "analysis", "summary", str(seed)], cwd=ROOT, check=True, env=env,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    run()  # warm the file cache, the model cache and the bytecode
    cpu.clear()
    wall = _median_time(run, runs)
    return {"summary_wall_s": round(wall, 3), "summary_cpu_s": round(statistics.median(cpu), 3)}


def bench_corpus(runs: int, n_articles: int) -> dict:
    """Corpus mode into a tables folder, with 1 and 2 workers, on ``n_articles`` news-length articles and on a tenth
    of them.

    Runs are paired: each round runs 1 and 2 workers back to back (the order alternating between rounds), so a slow
    spell of a shared machine hits both sides of a ratio; the 1 → 2 worker ratio is the median of the rounds' ratios.
    Figures:

    * articles per second with start-up included (the wall time a user sees for ``n_articles``);
    * articles per second at steady state, start-up excluded: the extra articles of the large run over its extra
      wall time against the small run of the same round, ``(n - n/10) / (t(n) - t(n/10))`` (each process pays its
      start-up, about a second of imports and model loading, once, whatever the corpus size);
    * peak memory of the large run against the small run (streaming: the two should be close).
    """
    small_n = max(1, n_articles // 10)
    out: dict = {"articles": n_articles, "small_articles": small_n, "rounds": runs}
    with tempfile.TemporaryDirectory() as d:
        big = corpus_table(Path(d) / "big.jsonl", n_articles)
        small = corpus_table(Path(d) / "small.jsonl", small_n)
        _corpus_run(small, Path(d) / "warm", 1)  # file cache, bytecode and model cache warm before timing
        walls: dict = {(w, size): [] for w in (1, 2) for size in ("big", "small")}
        mbs: dict = {(w, size): [] for w in (1, 2) for size in ("big", "small")}
        for r in range(runs):
            for w in ((1, 2) if r % 2 == 0 else (2, 1)):
                for size, table in (("big", big), ("small", small)):
                    wall, mb = _corpus_run(table, Path(d) / f"t{w}{size}", w)
                    walls[w, size].append(wall)
                    mbs[w, size].append(mb)
        med = statistics.median
        for w in (1, 2):
            out[f"workers_{w}_articles_per_s"] = round(n_articles / med(walls[w, "big"]), 2)
            steady = [(n_articles - small_n) / (b - s) for b, s in zip(walls[w, "big"], walls[w, "small"]) if b > s]
            out[f"workers_{w}_steady_articles_per_s"] = round(med(steady), 2) if steady else None
            out[f"workers_{w}_peak_mb"] = round(med(mbs[w, "big"]), 1)
        ratios = [a / b for a, b in zip(walls[1, "big"], walls[2, "big"])]  # one per round
        out["scaling_2_over_1"] = round(med(ratios), 2)
        out["scaling_2_over_1_range"] = [round(min(ratios), 2), round(max(ratios), 2)]
        if out["workers_1_steady_articles_per_s"] and out["workers_2_steady_articles_per_s"]:
            out["steady_scaling_2_over_1"] = round(out["workers_2_steady_articles_per_s"]
                                                   / out["workers_1_steady_articles_per_s"], 2)
        out["walls_s"] = {f"{w}w_{size}": [round(t, 2) for t in ts] for (w, size), ts in walls.items()}
        out["small_peak_mb"] = round(med(mbs[1, "small"]), 1)
        out["peak_mb_ratio_full_over_small"] = round(out["workers_1_peak_mb"] / out["small_peak_mb"], 3)
    return out


def _machine() -> dict:
    """What the figures were measured on: CPU model and count, memory, Python, and the load at the start."""
    cpu = platform.processor() or ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem_gb = None
    try:
        mem_gb = round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30, 1)
    except (ValueError, OSError, AttributeError):
        pass
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else None
    return {"cpu": cpu, "cpus": os.cpu_count(), "memory_gib": mem_gb, "python": platform.python_version(),
            "platform": platform.platform(), "load_1min_at_start": load}


def _table(results: dict) -> str:
    lines = ["", "== Analysis against the NLTK floor (sentence split + word tokenise + POS tag) =="]
    lines.append(f"{'article':45} {'words':>7} {'analysis s':>11} {'floor s':>8} {'ratio':>6}")
    for r in results["analysis"]:
        lines.append(f"{r['article'][:45]:45} {r['words']:>7} {r['analysis_s']:>11.3f} {r['nltk_floor_s']:>8.3f} {r['ratio']:>6.2f}")
    lines.append("\n== Scaling (synthetic articles of repeated real paragraphs) ==")
    lines.append(f"{'words':>8} {'analysis s':>11} {'floor s':>8} {'ratio':>6}")
    for r in results["scaling"]:
        lines.append(f"{r['words']:>8} {r['analysis_s']:>11.3f} {r['nltk_floor_s']:>8.3f} {r['ratio']:>6.2f}")
    if results.get("scaling_ratio_100k_10k") is not None:
        lines.append(f"time(100k)/time(10k) = {results['scaling_ratio_100k_10k']}")
    lines.append(f"\nPeak memory of `summary` on {results['memory']['words']} words: {results['memory']['peak_mb']} MB")
    if "reports" in results:
        r = results["reports"]
        lines.append("\n== Reports ==")
        for k, v in r.items():
            if k != "size":
                lines.append(f"{k}: {v}")
        if "size" in r:
            lines.append(f"whole tree: {r['size']['tree_bytes']:,} bytes; plotly.js copies: {r['size']['plotly_js_copies']}")
            for slug, s in r["size"]["per_article"].items():
                lines.append(f"  {slug[:45]:45} {s['bytes']:>10,} bytes (html {s['html_bytes']:,})")
    lines.append(f"\n== Start-up ==\n{results.get('startup')}")
    lines.append(f"\n== Corpus mode (folder of tables) ==\n{results.get('corpus')}")
    return "\n".join(lines)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--skip-reports", action="store_true")
    ap.add_argument("--corpus-articles", type=int, default=300, help="articles in the corpus-mode run (default 300)")
    ap.add_argument("--only", choices=("corpus",), help="run only this part (corpus: start-up and corpus mode)")
    ap.add_argument("--out", default=str(ROOT / "benchmarks" / "results" / "latest.json"))
    args = ap.parse_args()
    runs = 2 if args.quick else 5
    sizes = [1_000, 10_000] if args.quick else [1_000, 10_000, 100_000]
    started = time.perf_counter()
    results: dict = {"machine": _machine(), "runs": runs}
    if args.only == "corpus":
        results["startup"] = bench_startup(3 if args.quick else 5)
        results["corpus"] = bench_corpus(1 if args.quick else 5, args.corpus_articles)
        print(f"start-up: {results['startup']}\ncorpus: {results['corpus']}")
        return 0
    results["analysis"] = bench_analysis(runs)
    results["scaling"] = bench_scaling(sizes, 3 if not args.quick else 1)
    by = {r["words"]: r["analysis_s"] for r in results["scaling"]}
    results["scaling_ratio_100k_10k"] = round(by[100_000] / by[10_000], 2) if 100_000 in by else None
    mem_words = sizes[-1]
    results["memory"] = {"words": mem_words, "peak_mb": peak_memory_mb(mem_words)}
    if not args.skip_reports:
        results["reports"] = bench_reports(1 if args.quick else 3)
    results["startup"] = bench_startup(3 if args.quick else 5)
    results["corpus"] = bench_corpus(1 if args.quick else 5, args.corpus_articles)
    results["benchmark_wall_s"] = round(time.perf_counter() - started, 1)
    print(_table(results))
    print(f"\nmachine: {results['machine']}\nbenchmark wall time: {results['benchmark_wall_s']} s")
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, indent=1) + "\n")
    print(f"\nwrote {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

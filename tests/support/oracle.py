"""Proof that a refactoring changed nothing a user sees: record, then compare, every bundled article's
`summary` JSON, every file's in ../shared/corpus/, the full reports (HTML, CSV, charts) of two articles and the
corpus-mode CSV of the bundled articles.

    python tests/support/oracle.py record DIR    # before the change: writes DIR/summaries/*.json and DIR/reports/
    python tests/support/oracle.py compare DIR   # after it: rebuilds into a temporary folder, exits 1 on any difference
    python tests/support/oracle.py compare DIR --rename figures_dir=charts_dir   # an intended rename, applied
                                                  # to the recorded text before comparing (repeatable)

Only the public command line (`python -m analysis summary|report|corpus`) is used, so the script works across
module moves. Outputs are deterministic (no timestamps), so "unchanged" means byte-identical.
"""

from __future__ import annotations

import filecmp
import os
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT.parent / "shared" / "corpus"
if (ROOT.parent / "shared" / "nltk_data").is_dir():  # as .ci/run and the Makefile do
    os.environ.setdefault("NLTK_DATA", str(ROOT.parent / "shared" / "nltk_data"))
REPORT_ARTICLES = ["seed-us-immigration-enforcement.txt", "wikinews-uk-asylum-questionnaire.txt"]


def _inputs() -> list[tuple[str, Path]]:
    """(output name, article path) for every bundled article and every corpus file."""
    found = [(f"articles--{p.stem}", p) for p in sorted((ROOT / "data" / "articles").glob("*.txt"))]
    if CORPUS.is_dir():
        found += [(f"corpus--{p.stem}", p) for p in sorted(CORPUS.glob("*.txt"))]
    return found


def _summary(path: Path) -> bytes:
    done = subprocess.run([sys.executable, "-m", "analysis", "summary", str(path)], cwd=ROOT,
                          capture_output=True, check=True)
    return done.stdout


def record(out: Path) -> None:
    """Write every summary and the two articles' reports under ``out``."""
    (out / "summaries").mkdir(parents=True, exist_ok=True)
    inputs = _inputs()
    with ThreadPoolExecutor(max_workers=2) as pool:
        for (name, _), data in zip(inputs, pool.map(lambda item: _summary(item[1]), inputs)):
            (out / "summaries" / f"{name}.json").write_bytes(data)
    reports = out / "reports"
    if reports.exists():
        shutil.rmtree(reports)
    articles = [str(ROOT / "data" / "articles" / a) for a in REPORT_ARTICLES]
    subprocess.run([sys.executable, "-m", "analysis", "report", *articles, "--out", str(reports)],
                   cwd=ROOT, check=True, capture_output=True)
    subprocess.run([sys.executable, "-m", "analysis", "corpus", str(ROOT / "data" / "articles"), "--out",
                    str(out / "corpus.csv"), "--workers", "2", "--no-progress"], cwd=ROOT, check=True, capture_output=True)
    print(f"recorded {len(inputs)} summaries and the reports of {len(articles)} articles in {out}")


def _differences(left: Path, right: Path, renames: dict[bytes, bytes], prefix: str = "") -> list[str]:
    """Relative paths that differ (after applying ``renames`` to the recorded side), or exist on one side only."""
    cmp = filecmp.dircmp(left, right)
    found = [f"{prefix}{n} (only before)" for n in cmp.left_only] + [f"{prefix}{n} (only after)" for n in cmp.right_only]
    for name in cmp.common_files:
        old = (left / name).read_bytes()
        for a, b in renames.items():
            old = old.replace(a, b)
        if old != (right / name).read_bytes():
            found.append(f"{prefix}{name}")
    for name in cmp.common_dirs:
        found += _differences(left / name, right / name, renames, f"{prefix}{name}/")
    return sorted(found)


def compare(before: Path, renames: dict[bytes, bytes] | None = None) -> int:
    """Rebuild into a temporary folder and list every file that differs from ``before``."""
    with tempfile.TemporaryDirectory(prefix="oracle-") as tmp:
        record(Path(tmp))
        differences = _differences(before, Path(tmp), renames or {})
    for line in differences:
        print(f"differs: {line}")
    print(f"{len(differences)} file(s) differ" if differences else "identical: every summary and report file")
    return 1 if differences else 0


if __name__ == "__main__":
    args = sys.argv[1:]
    renames: dict[bytes, bytes] = {}
    while len(args) >= 2 and args[-2] == "--rename" and "=" in args[-1]:
        old, new = args[-1].split("=", 1)
        renames[old.encode()] = new.encode()
        args = args[:-2]
    if len(args) != 2 or args[0] not in {"record", "compare"} or (renames and args[0] != "compare"):
        raise SystemExit(__doc__)
    target = Path(args[1]).resolve()
    raise SystemExit(record(target) if args[0] == "record" else compare(target, renames))

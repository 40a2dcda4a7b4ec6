"""Nothing is lost: inputs are never modified, a failing or interrupted run leaves the previous
report intact, and rerunning after an interruption simply works.

The report of the seed article is built once into a temporary folder (the "previous report"), every
file hashed. Then:

* a run whose notebooks folder holds a broken ``02-framing.ipynb`` (``build_article_report(...,
  notebooks_dir=<tmp copy>)``) fails with a one-line error and leaves every previous file byte for
  byte, no staging folder, the article and notebooks unchanged, and no kernel running; so do a
  kernel that does not start and a summary that fails after the pages were exported;
* ``python -m analysis report`` is killed with SIGKILL in the middle of a rebuild (while its
  staging folder fills up): the previous report is still intact; running the same command again
  succeeds and the index lists the article once;
* the folder swap itself (``io.replace_dir_atomic``): on Linux the old and new folders are
  exchanged in one step, so a reader polling the folder never finds it missing; elsewhere (the
  fallback) a failed move puts the old folder back; leftovers of an interrupted swap are cleared;
  ``write_bytes_atomic`` never leaves half a file or a temporary file behind.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from analysis.core.config import NOTEBOOKS_DIR
from analysis.core.io import file_sha256, replace_dir_atomic, write_bytes_atomic

from conftest import ROOT, SEED, run_cli

SLUG = "seed-us-immigration-enforcement"


def _tree_hashes(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): file_sha256(p) for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def previous(tmp_path_factory):
    """A finished report of the seed (copied into a temporary folder, as inputs a user owns)."""
    from analysis.output.report import build_reports

    src = tmp_path_factory.mktemp("lost-src")
    article = src / SEED.name
    shutil.copyfile(SEED, article)
    notebooks = src / "notebooks"
    shutil.copytree(NOTEBOOKS_DIR, notebooks, ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
    out = tmp_path_factory.mktemp("lost-out")
    results = build_reports([article], out, workers=1)
    assert not [r.error for r in results if r.error], results
    return {"article": article, "notebooks": notebooks, "out": out, "folder": out / SLUG,
            "hashes": _tree_hashes(out / SLUG)}


def _break_notebook(src: Path, dst: Path, stem: str) -> None:
    import nbformat

    shutil.copytree(src, dst, ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
    nb = nbformat.read(dst / f"{stem}.ipynb", as_version=4)
    at = next(i for i, c in enumerate(nb.cells) if "parameters" in c.metadata.get("tags", [])) + 2
    nb.cells.insert(at, nbformat.v4.new_code_cell('raise RuntimeError("deliberately broken for the test")'))
    nbformat.write(nb, dst / f"{stem}.ipynb")


def _assert_failed_and_nothing_lost(previous, result, error: str) -> None:
    """The build failed with exactly ``error``, the previous report is intact and no staging folder is left."""
    assert result.error == error
    assert _tree_hashes(previous["folder"]) == previous["hashes"]  # every file, byte for byte
    assert not [p.name for p in previous["out"].iterdir() if p.name.startswith(".")]  # staging removed


def test_failing_run_leaves_the_previous_report_intact(previous, tmp_path, monkeypatch):
    import analysis.output.report as report

    pids = []
    real_start = report._start_kernel

    def start(cwd):
        km = real_start(cwd)
        pids.append(km.provisioner.pid)
        return km

    monkeypatch.setattr(report, "_start_kernel", start)
    broken = tmp_path / "broken-notebooks"
    _break_notebook(previous["notebooks"], broken, "02-framing")
    inputs = {p: file_sha256(p) for p in [previous["article"], *sorted(broken.glob("*.ipynb"))]}
    result = report.build_article_report(previous["article"], previous["out"], notebooks_dir=broken)
    _assert_failed_and_nothing_lost(previous, result, f"02-framing failed on '{previous['article']}': "
                                                      "RuntimeError: deliberately broken for the test")
    assert len(pids) == 1
    with pytest.raises(ProcessLookupError):  # the kernel is shut down on failure too
        os.kill(pids[0], 0)
    assert {p: file_sha256(p) for p in inputs} == inputs  # article and notebooks untouched
    assert not list(broken.glob("*.ipynb.*")) and not list(broken.glob(".ipynb_checkpoints"))


def test_kernel_that_does_not_start_is_one_line(previous, monkeypatch):
    import analysis.output.report as report

    def no_kernel(cwd):
        raise RuntimeError("Kernel died before replying to kernel_info\n\n")

    monkeypatch.setattr(report, "_start_kernel", no_kernel)
    result = report.build_article_report(previous["article"], previous["out"], notebooks_dir=previous["notebooks"])
    _assert_failed_and_nothing_lost(previous, result,
                                    f"01-language failed on '{previous['article']}': Kernel died before replying to kernel_info")


def test_failing_summary_discards_the_pages_already_written(previous, monkeypatch):
    """The pages are exported beside the kernel, into the staging folder: a failure after them (here the
    summary, with the notebooks left unexecuted to keep it cheap) still leaves the previous report."""
    import nbformat

    import analysis.output.report as report

    def fail(km, article, target):
        raise ValueError("summary broken for the test")

    monkeypatch.setattr(report, "_execute", lambda notebook, parameters, km: nbformat.read(str(notebook), as_version=4))
    monkeypatch.setattr(report, "_write_summary", fail)
    result = report.build_article_report(previous["article"], previous["out"], notebooks_dir=previous["notebooks"])
    _assert_failed_and_nothing_lost(previous, result, f"summary failed on '{previous['article']}': summary broken for the test")


def test_failing_run_through_the_cli_is_one_line(previous, tmp_path):
    """The same failure through the CLI: one error line, exit 1, previous report intact."""
    out = tmp_path / "out"
    shutil.copytree(previous["out"], out)
    before = _tree_hashes(out / SLUG)
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    proc = run_cli("report", str(bad), "--out", str(out))
    assert proc.returncode != 0 and "Traceback" not in proc.stderr
    assert [line for line in proc.stderr.splitlines() if line.startswith("error")] == [proc.stderr.strip()]
    assert _tree_hashes(out / SLUG) == before


def _kill_mid_build(cmd: list[str], out: Path, timeout: float = 240) -> bool:
    """Start ``cmd``; SIGKILL its whole process group once a staging folder holds a page. True if killed mid-build."""
    env = dict(os.environ)
    proc = subprocess.Popen(cmd, cwd=str(ROOT), env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            start_new_session=True)
    try:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and proc.poll() is None:
            staging = [p for p in out.glob(f".staging-{SLUG}-*") if any(p.glob("*.html"))]
            if staging:
                os.killpg(proc.pid, signal.SIGKILL)  # no cleanup code runs: like a power cut or kill -9
                proc.wait(timeout=30)
                return True
            time.sleep(0.2)
        return False
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=30)


def test_interrupted_build_keeps_the_previous_report_and_can_be_rerun(previous, tmp_path):
    out = tmp_path / "out"
    shutil.copytree(previous["out"], out)
    before = _tree_hashes(out / SLUG)
    cmd = [sys.executable, "-m", "analysis", "report", str(previous["article"]), "--out", str(out), "--workers", "1"]
    assert _kill_mid_build(cmd, out), "the build finished before it could be interrupted"
    assert _tree_hashes(out / SLUG) == before  # the killed run changed nothing that was there
    # Leftovers of an earlier interrupted folder swap, as a kill between two renames would leave them.
    old = out / f".{SLUG}.old-99999"
    shutil.copytree(out / SLUG, old)
    proc = run_cli("report", str(previous["article"]), "--out", str(out), "--workers", "1")
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert (out / SLUG / "summary.json").exists() and (out / SLUG / "01-language.html").exists()
    assert not old.exists()
    summary = json.loads((out / SLUG / "summary.json").read_text(encoding="utf-8"))
    assert summary["article"]["n_sentences"] > 0
    index = (out / "index.html").read_text(encoding="utf-8")
    assert index.count(f'href="{SLUG}/index.html"') == 1
    assert file_sha256(previous["article"]) == file_sha256(SEED)


def test_rerun_clears_the_staging_leftovers_of_a_killed_run(previous, tmp_path):
    from analysis.output.report import write_site_index

    out = tmp_path / "out"
    shutil.copytree(previous["out"], out)
    leftover = out / f".staging-{SLUG}-killed"
    shutil.copytree(out / SLUG, leftover)  # a staging folder killed just before its swap
    write_site_index(out)
    index = (out / "index.html").read_text(encoding="utf-8")
    assert ".staging-" not in index
    proc = run_cli("report", str(previous["article"]), "--out", str(out), "--workers", "1")
    assert proc.returncode == 0
    assert not leftover.exists()


# ---------------------------------------------------------------- the swap and the atomic writes


def _folder(path: Path, marker: str) -> Path:
    path.mkdir(parents=True)
    (path / "index.html").write_text(marker, encoding="utf-8")
    (path / "figures").mkdir()
    (path / "figures" / "a.csv").write_text(marker, encoding="utf-8")
    return path


def test_swap_never_leaves_the_folder_missing(tmp_path):
    """A reader polling the report folder during 200 swaps always finds a complete one."""
    target = _folder(tmp_path / "report", "v0")
    seen_missing, stop = [], threading.Event()

    def reader():
        while not stop.is_set():
            try:
                text = (target / "index.html").read_text(encoding="utf-8")
                if not text.startswith("v") or not (target / "figures" / "a.csv").exists():
                    seen_missing.append("incomplete")
            except FileNotFoundError:
                seen_missing.append("missing")

    thread = threading.Thread(target=reader)
    thread.start()
    try:
        for i in range(1, 201):
            replace_dir_atomic(_folder(tmp_path / f".staging-{i}", f"v{i}"), target)
    finally:
        stop.set()
        thread.join()
    assert seen_missing == []
    assert (target / "index.html").read_text(encoding="utf-8") == "v200"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report"]


def test_swap_clears_leftovers_of_an_interrupted_swap(tmp_path):
    target = _folder(tmp_path / "report", "old")
    _folder(tmp_path / ".report.old-12345", "stale")
    _folder(tmp_path / ".other.old-1", "not ours")
    replace_dir_atomic(_folder(tmp_path / ".staging", "new"), target)
    assert sorted(p.name for p in tmp_path.iterdir()) == [".other.old-1", "report"]


def test_atomic_write_never_leaves_half_a_file(tmp_path, monkeypatch):
    import analysis.core.io as aio

    target = tmp_path / "summary.json"
    write_bytes_atomic(target, b"complete old content")

    def boom(src, dst):
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(aio.os, "replace", boom)
    with pytest.raises(OSError):
        write_bytes_atomic(target, b"new content that never lands")
    assert target.read_bytes() == b"complete old content"
    assert [p.name for p in tmp_path.iterdir()] == ["summary.json"]  # no temporary file left


# ---------------------------------------------------------------- issue 19: concurrent builds, orphans


def test_concurrent_builds_of_one_report_take_turns(previous, tmp_path):
    """A second build of the same article into the same folder waits for the first (a lock per report
    folder) instead of deleting its staging folder; killing the waiting one harms nothing, and no
    process of either run is left behind.

    Synchronised on events, not on sleeps: once the first build's staging folder appears (it holds the
    folder's lock) its whole process group is stopped (SIGSTOP), so it cannot finish meanwhile however fast
    the machine; the second is started and killed only once one of its processes has the lock file open
    and it has no staging folder (it is waiting for the lock); then the first is resumed and must finish."""
    import psutil

    out = tmp_path / "out"
    shutil.copytree(previous["out"], out)
    cmd = [sys.executable, "-m", "analysis", "report", str(previous["article"]), "--out", str(out), "--workers", "1",
           "--no-compare"]

    def family_of(pid: int) -> list[int]:
        try:
            return [pid] + [c.pid for c in psutil.Process(pid).children(recursive=True)]
        except psutil.NoSuchProcess:
            return [pid]

    def lock_files_open(pids: list[int]) -> list[str]:
        found = []
        for pid in pids:
            try:
                found += [f.path for f in psutil.Process(pid).open_files() if f.path.endswith(f"-{SLUG}.lock")]
            except (psutil.NoSuchProcess, psutil.AccessDenied):
                pass
        return found

    first = subprocess.Popen(cmd, cwd=str(ROOT), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                             start_new_session=True)
    second = None
    stopped = False
    try:
        deadline = time.monotonic() + 240
        while time.monotonic() < deadline and first.poll() is None and not list(out.glob(f".staging-{SLUG}-*")):
            time.sleep(0.05)
        os.killpg(first.pid, signal.SIGSTOP)  # the first holds the lock and stays mid-build until resumed
        stopped = True
        first_staging = list(out.glob(f".staging-{SLUG}-*"))
        assert first_staging and first.poll() is None, "the first build never started staging"
        assert lock_files_open(family_of(first.pid)), "the first build does not hold its folder's lock file"
        second = subprocess.Popen(cmd, cwd=str(ROOT), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                  start_new_session=True)
        deadline = time.monotonic() + 240
        while time.monotonic() < deadline and second.poll() is None and not lock_files_open(family_of(second.pid)):
            time.sleep(0.05)
        assert second.poll() is None, "the second build ended instead of waiting for the lock"
        family = family_of(second.pid)
        assert lock_files_open(family), "the second build never reached the lock"
        assert list(out.glob(f".staging-{SLUG}-*")) == first_staging  # waiting: no staging of its own, the first's kept
        os.killpg(second.pid, signal.SIGKILL)
        second.wait(30)
        os.killpg(first.pid, signal.SIGCONT)
        stopped = False
        stdout, stderr = first.communicate(timeout=400)
        assert first.returncode == 0, stderr[-2000:]
        assert "Traceback" not in stderr
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline and any(psutil.pid_exists(p) and psutil.Process(p).status() != "zombie"
                                                  for p in family):
            time.sleep(0.05)
        assert not [p for p in family if psutil.pid_exists(p) and psutil.Process(p).status() != "zombie"]
    finally:
        if stopped and first.poll() is None:
            os.killpg(first.pid, signal.SIGCONT)
        for proc in (first, second):
            if proc is not None and proc.poll() is None:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait(30)
    assert (out / SLUG / "summary.json").exists() and (out / SLUG / ".article-lens-report").exists()
    left = [p.name for p in out.iterdir() if p.name.startswith(".staging")]
    assert not left, (left, family)  # the killed second never staged; the first cleared its own


def test_killed_report_leaves_no_process_behind(previous, tmp_path):
    import psutil

    out = tmp_path / "out"
    shutil.copytree(previous["out"], out)
    cmd = [sys.executable, "-m", "analysis", "report", str(previous["article"]), "--out", str(out), "--workers", "1"]
    proc = subprocess.Popen(cmd, cwd=str(ROOT), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    family: set[int] = set()
    connection_files: list[str] = []
    try:
        deadline = time.monotonic() + 240
        while time.monotonic() < deadline and proc.poll() is None:
            try:
                family |= {c.pid for c in psutil.Process(proc.pid).children(recursive=True)}
            except psutil.NoSuchProcess:
                break
            if [p for p in out.glob(f".staging-{SLUG}-*") if any(p.glob("*.html"))]:
                children = psutil.Process(proc.pid).children(recursive=True)
                family |= {c.pid for c in children}
                for child in children:  # the kernel's connection file: `ipykernel_launcher -f FILE`
                    try:
                        cmd = child.cmdline()
                    except psutil.Error:
                        continue
                    connection_files.extend(cmd[i + 1] for i, a in enumerate(cmd[:-1]) if a == "-f")
                proc.kill()  # the parent only, as `kill -9 PID` would: its children must follow
                proc.wait(30)
                break
            time.sleep(0.2)
        assert proc.returncode is not None and proc.returncode < 0, "the build finished before it could be killed"
        deadline = time.monotonic() + 20
        alive = lambda: [p for p in family if psutil.pid_exists(p) and psutil.Process(p).status() != "zombie"]  # noqa: E731
        while time.monotonic() < deadline and alive():
            time.sleep(0.2)
        assert not alive(), [psutil.Process(p).cmdline() for p in alive()]
        assert connection_files and not [f for f in connection_files if os.path.exists(f)]  # no temp file left
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait(30)
    assert _tree_hashes(out / SLUG) == previous["hashes"]

"""Report output never deletes what is not its own (issue 19, items 1, 3 and 2 for `report`).

Cheap builds: no kernel; the notebooks are exported unexecuted and the summary is built in this process
(as in test_bad_input's folder-naming test), so only the folder handling is exercised: ownership markers,
reserved names, one slug rule with deterministic suffixes, the per-folder lock, staging folders of live
runs, and the per-article time limit of worker builds."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

import analysis.output.report as report
from analysis.core.errors import ArticleError
from analysis.core.io import hold_lock

from conftest import run_cli
from support.cheap_build import fake_report_kernel

BODY = "The council met on Tuesday. It agreed a budget for the schools of the town, officials said."


@pytest.fixture()
def cheap(monkeypatch):
    return fake_report_kernel(monkeypatch)


def _article(folder: Path, name: str, title: str = "Budget agreed") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(f"{title}\n\n{BODY}\n", encoding="utf-8")
    return path


def _title(folder: Path) -> str:
    return json.loads((folder / "summary.json").read_text(encoding="utf-8"))["article"]["title"]


def test_a_folder_the_tool_did_not_write_is_never_replaced(cheap, tmp_path):
    src = _article(tmp_path / "src", "notes.txt")
    out = tmp_path / "out"
    mine = out / "notes"
    mine.mkdir(parents=True)
    (mine / "diary.md").write_text("my own notes", encoding="utf-8")
    with pytest.raises(ArticleError, match="'notes'.*--force"):  # not an article-lens output at all
        cheap.build_reports([src], out, compare=False)
    cheap.build_reports([_article(tmp_path / "src", "other.txt", "Other")], out / "x", compare=False)
    (out / "x").rename(out / "reports")
    shutil.move(str(out / "reports" / "other"), str(out / "other"))  # now an output with one report + notes/
    [r] = cheap.build_reports([src], out, compare=False)
    assert r.error and "notes" in r.error and "--force" in r.error
    assert (mine / "diary.md").read_text(encoding="utf-8") == "my own notes"
    [r] = cheap.build_reports([src], out, compare=False, force=True)
    assert not r.error and (mine / report.MARKER).is_file() and not (mine / "diary.md").exists()


def test_report_folders_carry_a_marker_and_are_rebuilt(cheap, tmp_path):
    src = _article(tmp_path / "src", "budget.txt")
    out = tmp_path / "out"
    [r] = cheap.build_reports([src], out, compare=False)
    info = json.loads((r.folder / report.MARKER).read_text(encoding="utf-8"))
    assert info["project"] == "article-lens" and info["version"] and info["source"].endswith("budget.txt")
    [r2] = cheap.build_reports([src], out, compare=False)
    assert not r2.error and r2.folder == r.folder and not r2.note


@pytest.mark.parametrize("name", ["assets.txt", "index.txt", "compare.txt", "corpus.txt", "Assets.txt"])
def test_reserved_names_never_take_a_shared_folder(cheap, tmp_path, name):
    src = _article(tmp_path / "src", name)
    other = _article(tmp_path / "src", "other.txt", "Other story")
    out = tmp_path / "out"
    results = cheap.build_reports([src, other], out, compare=False)
    assert not [r.error for r in results if r.error]
    assert results[0].folder.name == f"{Path(name).stem.lower()}-article"
    assert (out / "assets" / "plotly.min.js").stat().st_size > 100_000
    assert "<h1>article-lens reports</h1>" in (out / "index.html").read_text(encoding="utf-8")


def test_same_name_in_two_folders_gets_a_suffix_in_one_run_and_across_runs(cheap, tmp_path):
    a = _article(tmp_path / "a", "story.txt", "First story")
    b = _article(tmp_path / "b", "story.txt", "Second story")
    c = _article(tmp_path / "c", "Story!.txt", "Third story")
    out = tmp_path / "out"
    results = cheap.build_reports([a, b, c], out, compare=False)
    assert [r.folder.name for r in results] == ["story", "story-2", "story-3"]
    assert [_title(r.folder) for r in results] == ["First story", "Second story", "Third story"]
    assert results[0].note is None and "story-2" in results[1].note
    # Separate runs, in another order: each file finds its own folder again, nothing is overwritten.
    out2 = tmp_path / "out2"
    [rb] = cheap.build_reports([b], out2, compare=False)
    [ra] = cheap.build_reports([a], out2, compare=False)
    [rb2] = cheap.build_reports([b], out2, compare=False)
    assert (rb.folder.name, ra.folder.name, rb2.folder.name) == ("story", "story-2", "story")
    assert _title(out2 / "story") == "Second story" and _title(out2 / "story-2") == "First story"


def test_non_ascii_names_are_not_refused(cheap, tmp_path):
    paths = [_article(tmp_path / "src", n, f"Story {i}") for i, n in enumerate(["🙂.txt", "🙃.txt", "новости.txt"])]
    results = cheap.build_reports(paths, tmp_path / "out", compare=False)
    assert not [r.error for r in results if r.error]
    assert len({r.folder for r in results}) == 3


@pytest.mark.parametrize("kind", ["file", "under-a-file", "foreign"])
def test_bad_output_folder_is_one_line(tmp_path, kind):
    src = _article(tmp_path / "src", "budget.txt")
    target = tmp_path / "target"
    if kind == "file":
        target.write_text("x", encoding="utf-8")
        out = target
    elif kind == "under-a-file":
        target.write_text("x", encoding="utf-8")
        out = target / "reports"
    else:
        target.mkdir()
        (target / "index.html").write_text("<h1>My site</h1>", encoding="utf-8")
        out = target
    with pytest.raises(ArticleError):
        report.build_reports([src], out, compare=False)
    proc = run_cli("report", str(src), "--out", str(out), "--no-compare")
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert proc.stderr.startswith("error: ") and len(proc.stderr.strip().splitlines()) == 1, proc.stderr
    if kind == "foreign":
        assert (target / "index.html").read_text(encoding="utf-8") == "<h1>My site</h1>"


def test_read_only_output_folder_is_one_line(tmp_path):
    """Root writes anywhere: the CLI runs through setpriv without the permission override (as in test_bad_input)."""
    import shutil

    prefix = []
    if os.geteuid() == 0:
        if shutil.which("setpriv") is None:
            pytest.skip("running as root without setpriv")
        prefix = [shutil.which("setpriv"), "--bounding-set", "-dac_override,-dac_read_search"]
    src = _article(tmp_path / "src", "budget.txt")
    out = tmp_path / "ro"
    out.mkdir()
    out.chmod(0o555)
    try:
        proc = subprocess.run([*prefix, sys.executable, "-m", "analysis", "report", str(src), "--out", str(out),
                               "--no-compare"], capture_output=True, text=True, timeout=300)
    finally:
        out.chmod(0o755)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr, proc.stderr
    assert proc.stderr.startswith("error: ") and len(proc.stderr.strip().splitlines()) == 1


def test_a_build_waits_for_the_lock_of_its_folder(cheap, tmp_path, monkeypatch):
    src = _article(tmp_path / "src", "budget.txt")
    out = tmp_path / "out"
    [first] = cheap.build_reports([src], out, compare=False)
    monkeypatch.setattr(report, "LOCK_WAIT", 0.5)
    with hold_lock(report._lock_file(out, "budget"), wait=1, what="test"):  # another run is building this folder
        r = cheap.build_article_report(src, out)
    assert r.error and "another article-lens run" in r.error
    assert (first.folder / "summary.json").exists()
    assert not cheap.build_article_report(src, out).error  # lock released: builds


def test_staging_of_a_live_run_is_left_alone(cheap, tmp_path):
    src = _article(tmp_path / "src", "budget.txt")
    out = tmp_path / "out"
    cheap.build_reports([src], out, compare=False)
    sleeper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        live = out / f".staging-budget-p{sleeper.pid}-abc123"
        live.mkdir()
        (live / "01-language.html").write_text("half built", encoding="utf-8")
        dead_pid = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True,
                                  text=True).stdout.strip()
        dead = out / f".staging-budget-p{dead_pid}-def456"
        dead.mkdir()
        other = out / ".staging-budget-2-p1-zzz"  # another folder's ("budget-2")
        other.mkdir()
        assert not cheap.build_article_report(src, out).error
        assert live.exists() and not dead.exists() and other.exists()
    finally:
        sleeper.kill()
        sleeper.wait()


def test_report_worker_over_the_time_limit_is_stopped(cheap, tmp_path, monkeypatch):
    import nbformat

    def execute(notebook, parameters, km):
        if "slow" in parameters["article"]:
            time.sleep(120)
        return nbformat.read(str(notebook), as_version=4)

    monkeypatch.setattr(report, "_execute", execute)
    fine = _article(tmp_path / "src", "fine.txt")
    slow = _article(tmp_path / "src", "slow.txt", "Slow story")
    t0 = time.monotonic()
    results = report.build_reports([fine, slow], tmp_path / "out", workers=2, compare=False, timeout=10)
    assert time.monotonic() - t0 < 90
    assert not results[0].error and results[1].error and "time" in results[1].error
    assert not (tmp_path / "out" / "slow").exists()


def test_a_folder_taken_by_another_run_meanwhile_is_not_overwritten(cheap, tmp_path):
    """Two runs that both chose 'story' for different files: the one that gets the lock second refuses."""
    a = _article(tmp_path / "a", "story.txt", "First story")
    b = _article(tmp_path / "b", "story.txt", "Second story")
    out = tmp_path / "out"
    [ra] = cheap.build_reports([a], out, compare=False)
    r = cheap.build_article_report(b, out, folder="story")  # as if it had chosen before `a` was written
    assert r.error and "another run" in r.error
    assert _title(out / "story") == "First story"
    [rb] = cheap.build_reports([b], out, compare=False)  # run again: its own folder
    assert rb.folder.name == "story-2" and _title(out / "story") == "First story"


def test_the_projects_own_reports_folder_is_ours_despite_its_readme(tmp_path, monkeypatch):
    # A fresh clone's reports/ holds only the README.md the project ships: `make report` must write into it.
    from analysis.output import report

    own = tmp_path / "reports"
    own.mkdir()
    (own / "README.md").write_text("Generated reports go here.\n")
    monkeypatch.setattr(report, "REPORTS_DIR", own)
    assert report.claim_output_dir(own) == own
    other = tmp_path / "elsewhere"
    other.mkdir()
    (other / "README.md").write_text("mine\n")
    with pytest.raises(ArticleError, match="did not write"):
        report.claim_output_dir(other)
    (own / "corpus" / "tables").mkdir(parents=True)
    (own / "corpus" / "tables" / "manifest.json").write_text("{}")
    assert report.claim_output_dir(own) == own

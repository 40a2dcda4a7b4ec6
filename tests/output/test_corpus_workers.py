"""Corpus workers (issue 19, items 2 and 8): a worker that dies fails only its own article (retried once
in a fresh process), an article over the time limit gets a timeout row instead of stalling the run,
workers never outlive a killed parent, and --workers is capped at the cores unless forced."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

from analysis.core.workers import cap_workers, run_isolated, usable_cores
from analysis.output.corpus import corpus_metrics

from conftest import ROOT, SEED, run_cli


def _square_or_die(item):
    kind, value = item
    if kind == "die":
        os.kill(os.getpid(), signal.SIGKILL)
    if kind == "die-once":
        flag = Path(value)
        if not flag.exists():
            flag.write_text("x")
            os.kill(os.getpid(), signal.SIGKILL)
        return "survived"
    if kind == "sleep":
        time.sleep(value)
    if kind == "raise":
        raise ValueError("bad item\nsecond line")
    return value * value


def test_a_dead_worker_fails_only_its_item():
    items = [("ok", i) for i in range(8)]
    items.insert(3, ("die", 0))
    outcomes = run_isolated(_square_or_die, items, workers=2)
    assert [o.status for o in outcomes] == ["ok"] * 3 + ["died"] + ["ok"] * 5
    assert [o.value for o in outcomes if o.status == "ok"] == [i * i for i in range(8)]
    assert "SIGKILL" in outcomes[3].value and "2 times" in outcomes[3].value


def test_a_worker_death_is_retried_once_in_a_fresh_process(tmp_path):
    outcomes = run_isolated(_square_or_die, [("ok", 2), ("die-once", str(tmp_path / "flag")), ("ok", 3)], workers=2)
    assert [(o.status, o.value) for o in outcomes] == [("ok", 4), ("ok", "survived"), ("ok", 9)]


def test_an_item_over_the_time_limit_is_stopped_and_the_rest_go_on():
    t0 = time.monotonic()
    outcomes = run_isolated(_square_or_die, [("sleep", 60), ("ok", 2), ("ok", 3), ("raise", 0)], workers=2, timeout=1.5)
    assert time.monotonic() - t0 < 20
    assert [o.status for o in outcomes] == ["timeout", "ok", "ok", "error"]
    assert outcomes[3].value == "ValueError: second line"


def test_workers_are_capped_at_the_cores():
    cores = usable_cores()
    n, warning = cap_workers(1000)
    assert n == cores and "1000" in warning
    assert cap_workers(1000, force=True) == (1000, None)
    assert cap_workers(0) == (cores, None)


def test_corpus_timeout_row(tmp_path, monkeypatch):
    import analysis.output.corpus as corpus

    real = corpus.metrics_from_bytes

    def slow(file, data, name=None):
        if "slow" in file:
            time.sleep(120)
        return real(file, data, name)

    monkeypatch.setattr(corpus, "metrics_from_bytes", slow)
    for name in ("a-fine.txt", "b-slow.txt"):
        (tmp_path / name).write_text("Budget agreed\n\nThe council met on Tuesday. It agreed a budget.\n", encoding="utf-8")
    t0 = time.monotonic()
    result = corpus_metrics(sorted(tmp_path.glob("*.txt")), workers=2, progress=False, timeout=8)
    assert time.monotonic() - t0 < 60
    assert result.metrics["slug"].tolist() == ["a-fine"]
    assert result.failures["file"].map(lambda f: Path(f).name).tolist() == ["b-slow.txt"]
    assert "timed out" in result.failures["error"][0]


def test_corpus_worker_killed_fails_one_article(tmp_path, monkeypatch):
    import analysis.output.corpus as corpus

    real = corpus.metrics_from_bytes

    def deadly(file, data, name=None):
        if "deadly" in file:
            os.kill(os.getpid(), signal.SIGKILL)
        return real(file, data, name)

    monkeypatch.setattr(corpus, "metrics_from_bytes", deadly)
    names = ["a-one.txt", "b-deadly.txt", "c-two.txt", "d-three.txt"]
    for name in names:
        (tmp_path / name).write_text("Budget agreed\n\nThe council met on Tuesday. It agreed a budget.\n", encoding="utf-8")
    result = corpus_metrics(sorted(tmp_path.glob("*.txt")), workers=2, progress=False, timeout=120)
    assert result.metrics["slug"].tolist() == ["a-one", "c-two", "d-three"]
    assert "worker process died" in result.failures["error"][0]


_ORPHAN_SCRIPT = textwrap.dedent("""
    import sys, time
    from analysis.core.workers import run_isolated

    def nap(x):
        import os
        os.write(1, f"{os.getpid()}\\n".encode())  # one write: print() may write the number and the newline apart
        time.sleep(300)                           # (PYTHONUNBUFFERED), and two workers' lines then interleave

    outcomes = run_isolated(nap, [1, 2], workers=2)
    print("run_isolated returned:", [(o.status, o.value) for o in outcomes], flush=True)  # never, unless it failed
""")


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    try:  # a zombie is dead: its parent (init) just has not reaped it yet
        with open(f"/proc/{pid}/stat", encoding="ascii") as fh:
            return fh.read().split(") ")[-1][:1] != "Z"
    except OSError:
        return False


def test_no_orphan_workers_after_the_parent_is_killed():
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen([sys.executable, "-c", _ORPHAN_SCRIPT], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, env=env, cwd=str(ROOT))
    try:
        pids: list[int] = []
        other: list[str] = []
        while len(pids) < 2:  # each worker prints its pid; any other output is kept for the message
            line = proc.stdout.readline()
            if not line:  # say why: the exit status, what the parent printed, its error output
                status = proc.wait(30)
                raise AssertionError(f"the workers never started: exit status {status}; output {other!r}; "
                                     f"error output {proc.stderr.read()[-800:]!r}")
            if line.strip().isdigit():
                pids.append(int(line))
            else:
                other.append(line.strip())
        assert all(_alive(p) for p in pids)
        proc.kill()  # SIGKILL: no cleanup code runs in the parent
        proc.wait(30)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and any(_alive(p) for p in pids):
            time.sleep(0.1)
        assert not any(_alive(p) for p in pids)
    finally:
        if proc.poll() is None:
            proc.kill()


def test_cli_caps_workers_and_refuses_nonsense(tmp_path):
    proc = run_cli("corpus", str(SEED), "--workers", "1000", "--no-progress", "--out", str(tmp_path / "m.csv"))
    assert proc.returncode == 0, proc.stderr
    assert "--workers 1000 is more than" in proc.stderr
    for bad in (["--timeout", "nan"], ["--timeout", "0"], ["--workers", "-3"]):
        proc = run_cli("corpus", str(SEED), "--no-progress", *bad)
        assert proc.returncode == 2 and proc.stderr.startswith("error: ") and "Traceback" not in proc.stderr

"""Run a function over many items in worker processes, each item isolated: a worker that dies (killed,
out of memory) fails only the item it held, which is tried once more in a fresh process; an item over
its time limit is stopped and reported, never stalling the run; workers die with their parent."""

from __future__ import annotations

import os
import signal
import sys
import time
from collections import deque
from dataclasses import dataclass
from typing import Any, Callable, Sequence

__all__ = ["Outcome", "run_isolated", "usable_cores", "cap_workers", "set_parent_death_signal", "on_worker_stop"]

#: Called (in a worker) when it is told to stop or its parent dies, before it exits: each stops what the
#: worker started outside its own process group (a report build's Jupyter kernel runs in a session of its own).
_ON_STOP: list[Callable[[], None]] = []


#: The parent's process id, in a worker of :func:`run_isolated` (None elsewhere).
_PARENT: int | None = None
_WATCHDOG: list = []
#: The signal the parent sends a worker to stop it (a time limit): not SIGTERM, which nbclient takes over
#: while a notebook runs (and resets to the default afterwards).
STOP_SIGNAL = signal.SIGUSR1


def on_worker_stop(func: Callable[[], None]) -> None:
    """Register ``func`` to run in a worker process of :func:`run_isolated` when it is stopped (time limit)
    or its parent dies; registering the same function twice runs it once.

    A worker normally dies with its parent at once (``PR_SET_PDEATHSIG`` with SIGKILL); once something is
    registered, a watchdog thread takes over instead: it notices the parent is gone (within 0.2 s), runs
    the registered functions and exits."""
    if func not in _ON_STOP:
        _ON_STOP.append(func)
    if _PARENT is not None and not _WATCHDOG:
        import threading

        set_parent_death_signal(0)
        thread = threading.Thread(target=_watch_parent, name="article-lens-watchdog", daemon=True)
        _WATCHDOG.append(thread)
        thread.start()


def _run_stop_functions() -> None:
    for func in list(_ON_STOP):
        try:
            func()
        except Exception:  # noqa: BLE001 - stopping anyway
            pass


def _watch_parent() -> None:
    while os.getppid() == _PARENT:
        time.sleep(0.2)
    _run_stop_functions()
    os._exit(1)


def _stop_now(signum, frame) -> None:  # noqa: ARG001 - signal handler signature
    _run_stop_functions()
    os._exit(128 + signum)


@dataclass(frozen=True)
class Outcome:
    """What happened to item ``index``: ``status`` is ``ok`` (``value`` is the function's result),
    ``error`` (``value`` is a one-line message), ``timeout`` or ``died`` (``value`` says how)."""

    index: int
    status: str
    value: Any


def usable_cores() -> int:
    """The CPU cores this process may run on (its affinity mask where the system has one)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def cap_workers(requested: int | None, *, force: bool = False) -> tuple[int, str | None]:
    """The number of worker processes to start for ``requested`` (0/None: one per usable core) and a
    warning when it was lowered: more workers than cores only adds memory (each loads the models), never
    speed, unless ``force``.

    >>> cap_workers(10**6)[0] == usable_cores(), cap_workers(10**6, force=True)[0]
    (True, 1000000)
    """
    cores = usable_cores()
    if not requested or requested < 1:
        return cores, None
    if requested > cores and not force:
        return cores, (f"--workers {requested} is more than the {cores} core(s) available; using {cores} "
                       "(each worker holds its own copy of the models; give --force-workers to insist).")
    return requested, None


def set_parent_death_signal(sig: int = signal.SIGKILL) -> bool:
    """Ask Linux to send ``sig`` to this process when its parent dies (``prctl(PR_SET_PDEATHSIG)``), so a
    worker never outlives a killed parent; False where unsupported."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        return libc.prctl(1, int(sig), 0, 0, 0) == 0  # PR_SET_PDEATHSIG = 1
    except (OSError, AttributeError):
        return False


def _worker_main(conn, func: Callable[[Any], Any], parent: int) -> None:
    global _PARENT
    _PARENT = parent
    _ON_STOP.clear()
    _WATCHDOG.clear()
    signal.signal(STOP_SIGNAL, _stop_now)
    set_parent_death_signal(signal.SIGKILL)
    if os.getppid() != parent:  # the parent died before the signal was armed
        os._exit(1)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    try:
        os.setpgid(0, 0)  # a group of its own: a timeout stops the worker and whatever it started
    except OSError:
        pass
    while True:
        try:
            task = conn.recv()
        except (EOFError, OSError):
            return
        if task is None:
            return
        index, item = task
        try:
            result = ("ok", func(item))
        except BaseException as exc:  # noqa: BLE001 - reported to the parent as one line
            lines = str(exc).strip().splitlines()
            result = ("error", f"{type(exc).__name__}: {lines[-1] if lines else ''}".rstrip(": ")[:300])
        try:
            conn.send((index, *result))
        except (OSError, ValueError):
            return


class _Slot:
    __slots__ = ("proc", "conn", "task", "started")

    def __init__(self, ctx, func):
        parent_conn, child_conn = ctx.Pipe()
        self.proc = ctx.Process(target=_worker_main, args=(child_conn, func, os.getpid()), daemon=True)
        self.proc.start()
        child_conn.close()
        self.conn = parent_conn
        self.task: tuple[int, Any] | None = None
        self.started = 0.0

    def stop(self) -> None:
        if self.proc.is_alive():  # politely first: its handler stops what it started elsewhere
            try:
                os.kill(self.proc.pid, STOP_SIGNAL)
            except (OSError, ProcessLookupError):
                pass
            self.proc.join(3)
        try:
            os.killpg(self.proc.pid, signal.SIGKILL)
        except (OSError, ProcessLookupError):
            pass
        try:
            self.proc.kill()
        except (OSError, ValueError):
            pass
        self.proc.join(5)
        self.conn.close()


def _how_it_died(proc) -> str:
    code = proc.exitcode
    if code is not None and code < 0:
        try:
            return f"the worker process was killed by {signal.Signals(-code).name}"
        except ValueError:
            return f"the worker process was killed by signal {-code}"
    return f"the worker process exited unexpectedly (status {code})"


def run_isolated(func: Callable[[Any], Any], items: Sequence[Any], *, workers: int, timeout: float | None = None,
                 retries: int = 1, on_done: Callable[[Outcome], None] | None = None) -> list[Outcome]:
    """``func(item)`` for every item in at most ``workers`` processes; one :class:`Outcome` per item, by index.

    A worker that dies fails only its own item, which is retried ``retries`` time(s) in a fresh process
    (then ``died``); an item still running after ``timeout`` seconds has its worker (and its process
    group) stopped and is ``timeout``; the other items go on. Workers die with this process (Linux), after
    running what :func:`on_worker_stop` registered; all are stopped when this function returns or raises. ``func`` and the items must
    be picklable; workers are forked, so they start with this process's imports.
    """
    import multiprocessing as mp
    from multiprocessing.connection import wait

    ctx = mp.get_context("fork" if "fork" in mp.get_all_start_methods() else None)
    pending: deque[tuple[int, Any]] = deque(enumerate(items))
    tries = [0] * len(items)
    done: dict[int, Outcome] = {}
    slots: list[_Slot] = []

    def finish(outcome: Outcome) -> None:
        done[outcome.index] = outcome
        if on_done is not None:
            on_done(outcome)

    try:
        while pending or any(s.task for s in slots):
            for slot in slots:
                if slot.task is None and pending:
                    slot.task, slot.started = pending.popleft(), time.monotonic()
                    slot.conn.send(slot.task)
            while pending and len(slots) < max(1, workers):
                slot = _Slot(ctx, func)
                slot.task, slot.started = pending.popleft(), time.monotonic()
                slot.conn.send(slot.task)
                slots.append(slot)
            busy = [s for s in slots if s.task is not None]
            wait_for = None
            if timeout is not None:
                wait_for = max(0.0, min(s.started + timeout for s in busy) - time.monotonic())
            ready = set(wait([x for s in busy for x in (s.conn, s.proc.sentinel)], timeout=wait_for))
            now = time.monotonic()
            for slot in busy:
                index, item = slot.task
                message = None
                if slot.conn in ready:
                    try:
                        message = slot.conn.recv()
                    except (EOFError, OSError):
                        message = None
                if message is not None:
                    finish(Outcome(message[0], message[1], message[2]))
                    slot.task = None
                    continue
                if slot.proc.sentinel in ready or slot.conn in ready or not slot.proc.is_alive():
                    slot.proc.join(1)
                    why = _how_it_died(slot.proc)
                    slot.stop()
                    slots.remove(slot)
                    if tries[index] < retries:
                        tries[index] += 1
                        pending.appendleft((index, item))
                    else:
                        finish(Outcome(index, "died", f"{why}; tried {tries[index] + 1} times"))
                elif timeout is not None and now - slot.started >= timeout:
                    slot.stop()
                    slots.remove(slot)
                    finish(Outcome(index, "timeout", f"stopped after the {timeout:g}-second limit per article"))
    finally:
        for slot in slots:
            if slot.task is None and slot.proc.is_alive():
                try:
                    slot.conn.send(None)
                except (OSError, ValueError):
                    pass
        for slot in slots:
            slot.proc.join(2)
            slot.stop()
    return [done[i] for i in sorted(done)]

"""The run's processes: one interface for where work runs, and the local pool.

:class:`Executor` is what the runner asks of any place that runs work: this
machine's pool (:class:`LocalPool`) or a Dask cluster (:mod:`khabar.cli.cluster`).
"""

from __future__ import annotations

import contextlib
import gc
import itertools
import os
import shutil
import sys
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import Protocol

from khabar.cli import forkserver
from khabar.cli.options import RunOptions
from khabar.cli.spool import make_spool, spooled, unspooled
from khabar.cli.stop import Interrupted, Stop
from khabar.cli.worker import init_worker

# Batches in flight per job: bounds memory however many inputs there are, and
# leaves this process (which finishes the results in order) one to clean while
# it waits for the oldest (4 left it idle for 5% of a two-job run).
WINDOW_PER_JOB = 8
# How often a wait for a worker looks for a signal.
WAIT_SECONDS = 0.2


class Executor(Protocol):
    """Where a run's work runs: results in order, a bounded number in flight."""

    def map(self, fn: Callable, args: Iterable[tuple], fallback: Callable | None = None) -> Iterator:
        """fn(*a) for each a, in order; a task that kills its worker again and again
        gets ``fallback(a)`` in place of its result (where the executor needs one)."""

    def learner(self) -> Executor:
        """Where a folder's line keys are read to learn its template."""

    @property
    def serial(self) -> bool:
        """Every task runs in this process, one after another."""

    def close(self, *, abort: bool = False) -> None:
        """Stop the workers; ``abort``: the tasks in hand are discarded."""


class _Done:
    """A task of a map that this process ran itself: its result."""

    __slots__ = ("value",)

    def __init__(self, value):
        self.value = value


class LocalPool:
    """Runs work in order: in worker processes, started the first time a map has
    more than one task (a single page or standard input never waits for them),
    or in this process with one job.

    A worker that dies (killed, out of memory) breaks the pool: a new one is
    started and the tasks in flight are sent again; a task that breaks a pool
    twice gets ``fallback(args)`` instead of a result (its files are reported).
    If a new worker cannot even start, ``report`` says so and this process does
    the rest of the work alone.
    """

    def __init__(self, jobs: int, options: RunOptions, stop: Stop | None = None, *, work_here: bool = True,
                 report: Callable[[str], None] | None = None):
        """``work_here``: this process is one of the jobs (see _work_meanwhile), else
        all ``jobs`` are worker processes."""
        self.jobs, self.options, self.stop, self.work_here = jobs, options, stop, work_here
        self.report = report or (lambda message: print(f"Error: {message}", file=sys.stderr))
        self.pool = None
        self.alone = False  # the workers could not start: this process works alone
        self.spool: str | None = None
        self._spool_lock: int | None = None
        self._environment: contextlib.ExitStack | None = None  # while a fork server may start
        self.window = max(1, jobs) * WINDOW_PER_JOB
        init_worker(options)

    def _start(self) -> None:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        methods = multiprocessing.get_all_start_methods()
        if sys.platform.startswith("linux") and "fork" in methods and threading.active_count() == 1:
            # No other thread (no progress bar, no pool before): workers forked from
            # this process start at once with its word lists, loaded here first.
            # (Linux only: macOS's system libraries do not survive a plain fork.)
            from khabar.core.pipeline import warm

            warm(self.options.config)
            # Kept out of the collector's passes, the loaded tables are not written to
            # by a worker's collections, and their memory stays shared (copy-on-write).
            gc.freeze()
            ctx = multiprocessing.get_context("fork")
        elif "forkserver" in methods:
            # A plain fork would copy the other threads' locks mid-use (the progress
            # bar, a log handler, the old pool's manager): workers come from a fork
            # server, which has loaded the word lists once (see preload).
            ctx = multiprocessing.get_context("forkserver")
            ctx.set_forkserver_preload(["khabar.cli.worker", "khabar.cli.preload"])
            if self._environment is None:
                self._environment = contextlib.ExitStack()
                self._environment.enter_context(forkserver.environment())
        else:
            ctx = multiprocessing.get_context("spawn")
        # This process works too (see _work_meanwhile): one worker fewer than jobs.
        workers = self.jobs - 1 if self.work_here else self.jobs
        self.pool = ProcessPoolExecutor(workers, mp_context=ctx, initializer=init_worker,
                                        initargs=(self.options, True))
        if self.spool is None:
            self.spool, self._spool_lock = make_spool()

    def _workers_start(self) -> bool:
        """A worker of the (new) pool starts and answers."""
        from concurrent.futures.process import BrokenProcessPool

        try:
            self._result(self.pool.submit(spooled, self.spool, os.getpid))
            return True
        except BrokenProcessPool:
            return False

    def _result(self, future):
        """The future's result, waking up to obey a signal."""
        from concurrent.futures import TimeoutError

        while True:
            if self.stop is not None and self.stop.signal:
                raise Interrupted(self.stop.signal)
            try:
                return unspooled(future.result(timeout=WAIT_SECONDS))
            except TimeoutError:
                continue

    def map(self, fn: Callable, args: Iterable[tuple], fallback: Callable | None = None) -> Iterator:
        """fn(*a) for each a, in order, with a bounded number in flight."""
        args = iter(args)
        head = list(itertools.islice(args, 2))
        if self.jobs <= 1 or self.alone or (self.pool is None and len(head) < 2):
            for a in itertools.chain(head, args):
                yield fn(*a)
            return
        from concurrent.futures.process import BrokenProcessPool  # a pool's: not imported for one job

        if self.pool is None:
            self._start()
        pending: deque = deque()  # [args, future or None (not sent), times it broke a pool alone]
        source = itertools.chain(head, args)
        # After a worker dies, the tasks that were in flight are sent one at a time:
        # the one that kills a worker while alone in flight is the culprit.
        suspects = 0
        while True:
            width = 1 if suspects else self.window
            try:
                while len(pending) < width:
                    a = next(source, None)
                    if a is None:
                        break
                    pending.append([a, None, 0])
                for t in itertools.islice(pending, width):
                    if t[1] is None:
                        t[1] = self.pool.submit(spooled, self.spool, fn, *t[0])
                if not pending:
                    return
                head = pending[0][1]
                if isinstance(head, _Done):
                    result = head.value
                elif self.work_here and not suspects and not head.done() and self._work_meanwhile(pending, fn):
                    continue
                else:
                    result = self._result(head)
            except BrokenProcessPool:
                # A worker died (seen while waiting, or already when sending more work).
                in_flight = sum(1 for t in pending if t[1] is not None and not isinstance(t[1], _Done))
                self.pool.shutdown(wait=False, cancel_futures=True)
                self._start()
                for t in pending:
                    if not isinstance(t[1], _Done):
                        t[1] = None
                if not self._workers_start():
                    # Not a page's fault: a worker dies before it gets one (their error is above).
                    self.pool.shutdown(wait=False, cancel_futures=True)
                    self.pool, self.alone = None, True
                    self.report("khabar's worker processes fail to start (their error is above); "
                                "this process cleans the rest alone")
                    for t in pending:
                        yield t[1].value if isinstance(t[1], _Done) else fn(*t[0])
                    for a in source:
                        yield fn(*a)
                    return
                if suspects:  # the head ran alone: it killed the worker
                    task = pending[0]
                    task[2] += 1
                    if task[2] >= 2:  # twice: it is the one killing workers
                        pending.popleft()
                        suspects -= 1
                        if fallback is None:
                            raise
                        yield fallback(task[0])
                else:
                    suspects = in_flight
                continue
            pending.popleft()
            suspects = max(0, suspects - 1)
            yield result

    def _work_meanwhile(self, pending: deque, fn: Callable) -> bool:
        """While the workers are busy, this process runs the last task sent that no
        worker has started (this process is one of the run's jobs)."""
        for task in reversed(pending):
            future = task[1]
            if isinstance(future, _Done):
                continue
            if not future.cancel():
                return False  # started, and so are the ones before it
            task[1] = _Done(fn(*task[0]))
            return True
        return False

    def learner(self) -> LocalPool:
        """This process: reading line keys is cheap, and the workers meanwhile clean
        the batches already sent."""
        return LocalPool(1, self.options)

    @property
    def serial(self) -> bool:
        return self.jobs <= 1

    def close(self, *, abort: bool = False) -> None:
        if self.pool is not None:
            processes = list((getattr(self.pool, "_processes", None) or {}).values())
            self.pool.shutdown(wait=not abort, cancel_futures=abort)
            if abort:  # the batches in hand are discarded, not finished
                for process in processes:
                    process.terminate()
        if self.spool is not None:
            shutil.rmtree(self.spool, ignore_errors=True)
            os.close(self._spool_lock)
            self.spool = self._spool_lock = None
        if self._environment is not None:
            self._environment.close()
            self._environment = None

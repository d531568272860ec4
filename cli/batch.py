"""Run the pipeline over many inputs: in parallel, streaming, safe to run again.

For each group of inputs (the files of one folder): learn the folder's
template (each file's line keys are read in the worker processes and counted
here, so the result does not depend on order), then clean the files in
batches on the workers. Results come back in input order; this process
marks duplicates, writes each output atomically (a temporary file renamed
into place) and records it in the output folder's state. Inputs are only ever
opened for reading.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import itertools
import json
import os
import shutil
import signal
import sqlite3
import stat
import sys
import tempfile
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from khabar.cli import cluster, forkserver, limits, storage
from khabar.cli.spool import make_spool, remove_dead_spools, spooled, unspooled
from khabar.cli.storage import StorageError
from khabar.cli.inputs import STDIN, Group, Job
from khabar.cli.report import Reporter
from khabar.cli.guard import GuardedState
from khabar.cli.state import STATE_DIR, Locked, OutputLock, State, content_hash
from khabar.core import KhabarError
from khabar.core.errors import InputError
from khabar.core.dates import TEHRAN
from khabar.core.decode import Decoded, decode
from khabar.core.pipeline import Config, clean_bytes
from khabar.core.render import EXTENSIONS, record, render
from khabar.core.rules import fold
from khabar.core.template import MIN_FILES, PageKeys, Template, learn_from_keys, page_keys, sample

# Files sent to a worker at once: few enough to keep every worker busy, enough to
# make the cost of sending them small.
BATCH_SIZE = 16
# Batches in flight per job: bounds memory however many inputs there are, and
# leaves this process (which finishes the results in order) one to clean while
# it waits for the oldest (4 left it idle for 5% of a two-job run).
WINDOW_PER_JOB = 8
# Files a learning task reads: reading line keys is cheap, sending a task is not.
LEARN_BATCH = 64
# How often a wait for a worker looks for a signal.
WAIT_SECONDS = 0.2
MTIME = "mtime"
EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_LOCKED = 75  # EX_TEMPFAIL: another run holds the output folder; try again later


@dataclass(frozen=True)
class Settings:
    """Everything a worker needs to clean a file; the same for the whole run."""

    config: Config
    reference: datetime | str | None = None  # a moment, or MTIME: each file's modification time
    max_bytes: int = 50_000_000
    fmt: str = "jsonl"  # workers render; the writer only writes (and renders a duplicate again)
    explain: bool = False


@dataclass(frozen=True)
class Options:
    """How the run goes (the format is the workers' business: see Settings)."""

    output: Path | str | None = None
    learn: bool = True
    incremental: bool = False
    dedupe: bool = False
    jobs: int = 1
    cluster: str | None = None  # a Dask scheduler address, or local:N


@dataclass
class Outcome:
    path: str
    data: dict | None = None  # the article's record
    text: str = ""  # the record rendered in the run's format
    error: str | None = None
    size: int = 0
    mtime_ns: int = 0
    digest: bytes = b""
    keys: list[bytes] = field(default_factory=list)  # duplicate keys (see duplicate_keys)


# --- worker side -------------------------------------------------------------

_settings: Settings | None = None


def _init_worker(settings: Settings, worker: bool = False) -> None:
    """Give this process the run's settings; a worker of the pool also leaves
    signals to the main process and loads the word lists now."""
    global _settings
    _settings = settings
    if worker:
        _forget_learnt()  # the main process's, copied by fork: this worker cleans other pages
        # Ctrl-C and a hang-up go to the whole process group; the main process decides what
        # stops, and ends the workers with SIGTERM (their default, whatever the parent had set).
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.signal(signal.SIGHUP, signal.SIG_IGN)
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        _end_with_parent()
        from khabar.core.pipeline import warm as load_word_lists

        load_word_lists(settings.config)


def _end_with_parent() -> None:
    """A worker ends when the process that started it does (killed, out of memory):
    no orphan goes on waiting for work that will never come."""
    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        return
    if os.getppid() == 1:  # the parent was already gone
        os._exit(1)


def _read(path: str, max_bytes: int) -> tuple[bytes, os.stat_result]:
    # Opened without blocking, read-only: a FIFO or a device named *.txt must not hang the run.
    # Plain os calls: a file object would add a tty test and seeks to every read.
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise InputError(f"{path}: not a regular file (a pipe, socket or device); skipped")
        if st.st_size > max_bytes:
            raise limits.over_limit(path, max_bytes, st.st_size)
        chunks, size = [], 0
        while size <= max_bytes:
            chunk = os.read(fd, max(st.st_size + 1 - size, 1 << 16))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        data = b"".join(chunks) if len(chunks) != 1 else chunks[0]
    finally:
        os.close(fd)
    if len(data) > max_bytes:  # it grew while we read it
        raise limits.over_limit(path, max_bytes)
    return data, st


def clean_one(path: str, data: bytes | None, template: Template | None, error: str | None = None,
              folder: str | None = None) -> Outcome:
    settings = _settings
    if error is not None:  # this process could not read it (a URL)
        return Outcome(path, error=error)
    try:
        decoded = None
        if data is None:
            learnt = _learnt.pop(path, None)
            data, st, decoded = learnt if learnt is not None else (*_read(path, settings.max_bytes), None)
            size, mtime_ns = st.st_size, st.st_mtime_ns
        else:
            size, mtime_ns = len(data), 0
        reference = settings.reference
        if reference == MTIME:
            # Each file was read when it was saved: its modification time (none for standard input).
            reference = datetime.fromtimestamp(mtime_ns / 1e9, tz=TEHRAN) if mtime_ns else None
        article = clean_bytes(data, path=path, config=settings.config, reference=reference, template=template,
                              decoded=decoded)
        fields = record(article)
        text = render(fields, settings.fmt, explain=settings.explain)
        keys = duplicate_keys(folder, fields)
        if settings.fmt != "md":
            # JSON reads back into its fields (to render a duplicate again): the writer
            # gets the warnings alone, and the answer stays small.
            fields = {"warnings": fields["warnings"]}
    except OSError as err:
        return Outcome(path, error=f"{path}: cannot read: {err.strerror or err}")
    except KhabarError as err:
        return Outcome(path, error=str(err))
    except Exception as err:  # a bug must cost one page, never the run
        return Outcome(path, error=f"{path}: khabar failed on this page ({type(err).__name__}: {err}); "
                                   "please report it with the page")
    return Outcome(path, fields, text, size=size, mtime_ns=mtime_ns, digest=content_hash(data), keys=keys)


def clean_batch(jobs: list[tuple[str, bytes | None, str | None]], template: Template | None,
                folder: str | None = None) -> list[Outcome]:
    """Clean a batch of one folder: (path, bytes already read or None, error reading it or None) each."""
    return [clean_one(path, data, template, error, folder) for path, data, error in jobs]


# The files this process read and decoded to learn a folder, kept for its cleaning
# pass (when this process cleans them too): path -> (bytes, stat, decoded text).
# Learning reads at most MAX_FILES of a folder; what is left is dropped at the next,
# and no more than LEARNT_MAX_BYTES are kept.
_learnt: dict[str, tuple[bytes, os.stat_result, Decoded]] = {}
_learnt_bytes = 0
LEARNT_MAX_BYTES = 32 << 20


def line_keys(path: str, data: bytes | None = None, keep: bool = False) -> PageKeys | None:
    """The keys of a file's lines, for learning its folder's template (unreadable: None).
    ``keep``: keep what was read for this process's cleaning pass."""
    try:
        if data is None:
            data, st = _read(path, _settings.max_bytes)
            decoded = decode(data, path=path)
            if keep:
                _keep_learnt(path, data, st, decoded)
        else:
            decoded = decode(data, path=path)
        return page_keys(decoded.text)
    except Exception:  # unreadable or broken: the cleaning pass reports it
        return None


def _keep_learnt(path: str, data: bytes, st: os.stat_result, decoded: Decoded) -> None:
    global _learnt_bytes
    size = len(data) + sys.getsizeof(decoded.text)
    if _learnt_bytes + size <= LEARNT_MAX_BYTES:
        _learnt[path] = (data, st, decoded)
        _learnt_bytes += size


def _forget_learnt() -> None:
    global _learnt_bytes
    _learnt.clear()
    _learnt_bytes = 0


def line_keys_batch(entries: list[tuple[str, bytes | None]], keep: bool = False) -> list[PageKeys | None]:
    return [line_keys(path, data, keep) for path, data in entries]


def call_with(settings: Settings, fn: Callable, *args):
    """fn(*args) on a worker that was not started by this run (a Dask worker)."""
    _init_worker(settings)
    return fn(*args)


# --- main side ---------------------------------------------------------------

class Interrupted(Exception):
    """SIGINT, SIGTERM or SIGHUP came while the run waited (for standard input, for a worker)."""


class _Done:
    """A task of a map that this process ran itself: its result."""

    __slots__ = ("value",)

    def __init__(self, value):
        self.value = value


class Executor:
    """Runs work in order: in worker processes, started the first time a map has
    more than one task (a single page or standard input never waits for them),
    or in this process with one job.

    A worker that dies (killed, out of memory) breaks the pool: a new one is
    started and the tasks in flight are sent again; a task that breaks a pool
    twice gets ``fallback(args)`` instead of a result (its files are reported).
    If a new worker cannot even start, ``report`` says so and this process does
    the rest of the work alone.
    """

    def __init__(self, jobs: int, settings: Settings, stop: Stop | None = None, *, work_here: bool = True,
                 report: Callable[[str], None] | None = None):
        """``work_here``: this process is one of the jobs (see _work_meanwhile), else
        all ``jobs`` are worker processes."""
        self.jobs, self.settings, self.stop, self.work_here = jobs, settings, stop, work_here
        self.report = report or (lambda message: print(f"Error: {message}", file=sys.stderr))
        self.pool = None
        self.alone = False  # the workers could not start: this process works alone
        self.spool: str | None = None
        self._spool_lock: int | None = None
        self._environment: contextlib.ExitStack | None = None  # while a fork server may start
        self.window = max(1, jobs) * WINDOW_PER_JOB
        _init_worker(settings)

    def _start(self) -> None:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        methods = multiprocessing.get_all_start_methods()
        if sys.platform.startswith("linux") and "fork" in methods and threading.active_count() == 1:
            # No other thread (no progress bar, no pool before): workers forked from
            # this process start at once with its word lists, loaded here first.
            # (Linux only: macOS's system libraries do not survive a plain fork.)
            from khabar.core.pipeline import warm

            warm(self.settings.config)
            # Kept out of the collector's passes, the loaded tables are not written to
            # by a worker's collections, and their memory stays shared (copy-on-write).
            gc.freeze()
            ctx = multiprocessing.get_context("fork")
        elif "forkserver" in methods:
            # A plain fork would copy the other threads' locks mid-use (the progress
            # bar, a log handler, the old pool's manager): workers come from a fork
            # server, which has loaded the word lists once (see preload).
            ctx = multiprocessing.get_context("forkserver")
            ctx.set_forkserver_preload(["khabar.cli.batch", "khabar.cli.preload"])
            if self._environment is None:
                self._environment = contextlib.ExitStack()
                self._environment.enter_context(forkserver.environment())
        else:
            ctx = multiprocessing.get_context("spawn")
        # This process works too (see _work_meanwhile): one worker fewer than jobs.
        workers = self.jobs - 1 if self.work_here else self.jobs
        self.pool = ProcessPoolExecutor(workers, mp_context=ctx, initializer=_init_worker,
                                        initargs=(self.settings, True))
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


def duplicate_keys(folder: str | None, data: dict) -> list[bytes]:
    """The same article twice: the same site (folder) and news code, or the same text."""
    keys = []
    if data["news_id"]:
        keys.append(b"id:" + hashlib.blake2b(os.fsencode(f"{folder}\0{data['news_id']}"), digest_size=12).digest())
    if data["text"]:
        keys.append(b"tx:" + hashlib.blake2b(fold(data["text"], remember=False).encode(), digest_size=12).digest())
    return keys


# A hang-up (the terminal closed, `kill -HUP`) stops a run as SIGTERM does.
STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)


class Stop:
    """SIGINT, SIGTERM and SIGHUP end the run between files: the summary is written, no
    file is half-written. While the run blocks (reading standard input) they end it at once."""

    def __init__(self):
        self.signal: int | None = None
        self._blocking = False

    def __enter__(self) -> Stop:
        self._old = {s: signal.signal(s, self._handle) for s in STOP_SIGNALS}
        return self

    def _handle(self, signum, frame) -> None:
        self.signal = signum
        if self._blocking:
            raise Interrupted(signum)

    @contextlib.contextmanager
    def blocking(self):
        self._blocking = True
        try:
            if self.signal:
                raise Interrupted(self.signal)
            yield
        finally:
            self._blocking = False

    def __exit__(self, *exc) -> None:
        for s, handler in self._old.items():
            signal.signal(s, handler)


def _template(group: Group, executor, settings: Settings, learn: bool, keep: bool = False) -> Template | None:
    """The folder's template; ``keep``: this process learns and cleans the folder
    alone (one job), and keeps the pages it reads for the cleaning."""
    _forget_learnt()
    files = [job.path for job in group.jobs if job.path != STDIN]
    if not learn or len(files) < MIN_FILES:
        return None
    chosen = sample(files)
    chunks = ([(p, _load(p, settings)[0]) for p in chosen[i:i + LEARN_BATCH]]
              for i in range(0, len(chosen), LEARN_BATCH))
    pages = itertools.chain.from_iterable(executor.map(line_keys_batch, ((chunk, keep) for chunk in chunks)))
    return learn_from_keys(page for page in pages if page is not None)


def _load(path: str, settings: Settings) -> tuple[bytes | None, str | None]:
    """A URL is read here (workers elsewhere may not see it); a local file by its worker."""
    if not storage.is_url(path):
        return None, None
    try:
        return storage.read_url(path, settings.max_bytes), None
    except KhabarError as err:
        return None, str(err)


def _target(options: Options, settings: Settings, job: Job):
    return storage.target(options.output, with_suffix(job.relative, EXTENSIONS[settings.fmt]))


def with_suffix(relative: str, suffix: str) -> str:
    """PurePosixPath.with_suffix on a string (see storage: no pathlib per file)."""
    folder, slash, name = relative.rpartition("/")
    dot = name.rfind(".")
    if 0 < dot < len(name) - 1:  # '.profile' and 'a.' have no suffix
        name = name[:dot]
    return f"{folder}{slash}{name}{suffix}"


def fingerprint(options: Options, settings: Settings) -> str:
    """Everything that shapes an output: a run with another fingerprint redoes every file."""
    from khabar import __version__

    rules = []
    for path in settings.config.rules:
        try:
            rules.append(content_hash(Path(path).read_bytes()).hex())
        except OSError:
            rules.append("unreadable")
    return "|".join(map(str, (__version__, settings.fmt, settings.explain, options.learn, options.dedupe,
                              settings.config, settings.reference, settings.max_bytes, rules)))


def run(groups: Iterable[Group], options: Options, settings: Settings, reporter: Reporter) -> int:
    """Clean every input; the exit status: 0, 1 (some failed), 2 (a bad URL), 75 (locked), 128+N (signal N)."""
    local_output = options.output is not None and not storage.is_url(options.output)
    stop = Stop()
    with contextlib.ExitStack() as stack:
        try:
            if local_output:
                # A local output folder holds the lock and the state; a URL output has neither.
                stack.enter_context(OutputLock(Path(options.output)))
                state_path = Path(options.output) / STATE_DIR / "state.sqlite"
            else:
                state_path = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="khabar-"))) / "state.sqlite"
            state = GuardedState(State(state_path, options=fingerprint(options, settings), keep=options.incremental,
                                       warn=reporter.notice), state_path, reporter.fault)
            stack.callback(state.close)
            if not options.cluster:
                remove_dead_spools()  # those of killed runs, whether or not this run needs one
            executor = cluster.ClusterExecutor(options.cluster, settings) if options.cluster \
                else Executor(options.jobs, settings, stop, report=reporter.fault)
        except Locked as err:
            reporter.error(str(err))
            reporter.close(summary=False)
            return EXIT_LOCKED
        except (OSError, sqlite3.Error) as err:
            reporter.error(f"{options.output}: cannot write to this output folder: {getattr(err, 'strerror', None) or err}")
            reporter.close(summary=False)
            return EXIT_FAILED
        except KhabarError as err:
            reporter.error(str(err))
            reporter.close(summary=False)
            return EXIT_FAILED
        aborted = True
        try:
            with stop:
                _clean(groups, options, settings, executor, state, reporter, stop)
            aborted = bool(stop.signal)
        except Interrupted:
            pass
        except StorageError as err:
            reporter.error(str(err))
            reporter.close(summary=False)
            return EXIT_USAGE
        except storage.ReaderLeft:
            reporter.close(summary=False)  # quietly: the pipeline's end was chosen
            return storage.EXIT_READER_LEFT
        except storage.StdoutFailed as err:
            reporter.fault(str(err))  # the outputs have nowhere to go: the run ends
        finally:
            executor.close(abort=aborted)
    reporter.close(interrupted=signal.Signals(stop.signal).name if stop.signal else None)
    if stop.signal:
        return 128 + stop.signal
    return EXIT_FAILED if reporter.counts.failed or reporter.faults else 0


def _clean(groups: Iterable[Group], options: Options, settings: Settings, executor, state: State,
           reporter: Reporter, stop: Stop) -> None:
    """All groups as one stream of batches: the next folder is learnt while the
    workers still clean the batches in flight, so they never wait for it."""
    batch_jobs: deque[list[Job]] = deque()  # the jobs of each batch sent, in order

    def died(args) -> list[Outcome]:
        return [Outcome(path, error=f"{path}: the worker cleaning it died (out of memory?); skipped")
                for path, _, _ in args[0]]

    tasks = _tasks(groups, options, settings, executor, state, reporter, stop, batch_jobs)
    for outcomes in executor.map(clean_batch, tasks, died):
        for job, outcome in zip(batch_jobs.popleft(), outcomes):
            _finish(job, outcome, options, settings, state, reporter)
        if stop.signal:
            return


def _tasks(groups: Iterable[Group], options: Options, settings: Settings, executor, state: State,
           reporter: Reporter, stop: Stop, batch_jobs: deque) -> Iterator[tuple]:
    """(batch, template, folder) for each batch of each group, its jobs put in ``batch_jobs``."""
    # A cluster learns as map-reduce on its workers; on this machine the main
    # process learns (cheap: line keys), while the workers clean what was sent.
    learner = executor if isinstance(executor, cluster.ClusterExecutor) else Executor(1, settings)
    for group in groups:
        if stop.signal:
            return
        template = _template(group, learner, settings, options.learn,
                             keep=isinstance(executor, Executor) and executor.jobs <= 1)
        todo = []
        for job in group.jobs:
            if options.incremental and job.path != STDIN and not storage.is_url(job.path) \
                    and _unchanged(state, job, options, settings):
                reporter.counts.skipped += 1
                reporter.advance()
                continue
            todo.append(job)
        stdin = stdin_error = None
        if any(job.path == STDIN for job in todo):
            with stop.blocking():
                stdin, stdin_error = limits.stdin_or_error(settings.max_bytes)
        for i in range(0, len(todo), BATCH_SIZE):
            if stop.signal:
                return
            chunk = todo[i:i + BATCH_SIZE]
            batch_jobs.append(chunk)
            yield ([(STDIN, stdin, stdin_error) if job.path == STDIN else (job.path, *_load(job.path, settings))
                    for job in chunk], template, group.folder)


def _unchanged(state: State, job: Job, options: Options, settings: Settings) -> bool:
    try:
        return options.output is not None and state.unchanged(job.path, _target(options, settings, job))
    except OSError:
        return False  # reported when it is read


def _finish(job: Job, outcome: Outcome, options: Options, settings: Settings, state: State,
            reporter: Reporter) -> None:
    if outcome.error:
        reporter.error(outcome.error)
        reporter.advance()
        return
    data = outcome.data
    for warning in data["warnings"]:
        reporter.warning(job.path, warning)
    first = state.first_of(outcome.keys, job.path)
    if first is not None:
        reporter.counts.duplicates += 1
        if options.dedupe:
            state.skipped(job.path, outcome.size, outcome.mtime_ns, outcome.digest, first)
            reporter.info(f"{job.path}: duplicate of {first}; skipped")
            reporter.advance()
            return
        if settings.fmt != "md":
            data = json.loads(outcome.text)
        data["duplicate_of"] = first
        outcome.text = render(data, settings.fmt, explain=settings.explain)
    if options.output is None:
        storage.write_stdout(outcome.text)
    else:
        target = _target(options, settings, job)
        other = state.claim(str(target), job.path)
        if other is not None:
            reporter.error(f"{job.path}: its output {target} is {other}'s already; skipped "
                           "(give the folder, or --files-from, to keep paths apart)")
            reporter.advance()
            return
        try:
            storage.write(target, outcome.text)
        except OSError as err:
            reporter.error(f"{target}: cannot write: {err.strerror or err}")
            reporter.advance()
            return
        if job.path != STDIN and not storage.is_url(job.path):
            state.done(job.path, outcome.size, outcome.mtime_ns, outcome.digest, target)
        reporter.info(f"{job.path} -> {target}")
    state.remember(outcome.keys, job.path)  # only once its output exists
    reporter.counts.cleaned += 1
    reporter.advance()

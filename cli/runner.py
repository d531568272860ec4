"""Run the pipeline over many inputs: in parallel, streaming, safe to run again.

For each group of inputs (the files of one folder): learn the folder's
template (each file's line keys are read where the executor says, and counted
here, so the result does not depend on order), then clean the files in
batches on the workers (see :mod:`khabar.cli.worker`). Results come back in
input order; this process marks duplicates, writes each output atomically (a
temporary file renamed into place) and records it in the output folder's
state. Inputs are only ever opened for reading.
"""

from __future__ import annotations

import contextlib
import itertools
import json
import signal
import sqlite3
import tempfile
from collections import deque
from collections.abc import Iterable, Iterator
from pathlib import Path

from khabar.cli import cluster, limits, storage
from khabar.cli.exits import EXIT_FAILED, EXIT_LOCKED, EXIT_OK, EXIT_READER_LEFT, EXIT_USAGE, exit_for_signal
from khabar.cli.guard import GuardedState
from khabar.cli.inputs import STDIN, Group, Job
from khabar.cli.options import RunOptions
from khabar.cli.pool import Executor, LocalPool
from khabar.cli.report import Reporter
from khabar.cli.spool import remove_dead_spools
from khabar.cli.state import STATE_DIR, Locked, OutputLock, State, content_hash
from khabar.cli.stop import Interrupted, Stop
from khabar.cli.storage import StorageError
from khabar.cli.worker import Outcome, clean_batch, forget_learnt, line_keys_batch
from khabar.core import KhabarError
from khabar.core.folder import learning_sample, template_from
from khabar.core.render import EXTENSIONS, render
from khabar.core.template import Template

# Files sent to a worker at once: few enough to keep every worker busy, enough to
# make the cost of sending them small.
BATCH_SIZE = 16
# Files a learning task reads: reading line keys is cheap, sending a task is not.
LEARN_BATCH = 64


def _template(group: Group, learner: Executor, options: RunOptions, keep: bool = False) -> Template | None:
    """The folder's template (None: not learnt); ``keep``: this process learns and
    cleans the folder alone (one job), and keeps the pages it reads for the cleaning."""
    forget_learnt()
    chosen = learning_sample(job.path for job in group.jobs) if options.learn else []
    if not chosen:
        return None
    chunks = ([(p, _load(p, options)[0]) for p in chosen[i:i + LEARN_BATCH]]
              for i in range(0, len(chosen), LEARN_BATCH))
    return template_from(itertools.chain.from_iterable(learner.map(line_keys_batch, ((chunk, keep) for chunk in chunks))))


def _load(path: str, options: RunOptions) -> tuple[bytes | None, str | None]:
    """A URL is read here (workers elsewhere may not see it); a local file by its worker."""
    if not storage.is_url(path):
        return None, None
    try:
        return storage.read_url(path, options.config.max_bytes), None
    except KhabarError as err:
        return None, str(err)


def _target(options: RunOptions, job: Job):
    return storage.target(options.output, with_suffix(job.relative, EXTENSIONS[options.fmt]))


def with_suffix(relative: str, suffix: str) -> str:
    """PurePosixPath.with_suffix on a string (see storage: no pathlib per file)."""
    folder, slash, name = relative.rpartition("/")
    dot = name.rfind(".")
    if 0 < dot < len(name) - 1:  # '.profile' and 'a.' have no suffix
        name = name[:dot]
    return f"{folder}{slash}{name}{suffix}"


def fingerprint(options: RunOptions) -> str:
    """Everything that shapes an output: a run with another fingerprint redoes every file."""
    from khabar import __version__

    rules = []
    for path in options.config.rules:
        try:
            rules.append(content_hash(Path(path).read_bytes()).hex())
        except OSError:
            rules.append("unreadable")
    return "|".join(map(str, (__version__, options.fmt, options.explain, options.learn, options.dedupe,
                              options.config, rules)))


def run(groups: Iterable[Group], options: RunOptions, reporter: Reporter) -> int:
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
            state = GuardedState(State(state_path, options=fingerprint(options), keep=options.incremental,
                                       warn=reporter.notice), state_path, reporter.fault)
            stack.callback(state.close)
            if not options.cluster:
                remove_dead_spools()  # those of killed runs, whether or not this run needs one
            executor: Executor = cluster.ClusterExecutor(options.cluster, options) if options.cluster \
                else LocalPool(options.jobs, options, stop, report=reporter.fault)
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
                _clean(groups, options, executor, state, reporter, stop)
            aborted = bool(stop.signal)
        except Interrupted:
            pass
        except StorageError as err:
            reporter.error(str(err))
            reporter.close(summary=False)
            return EXIT_USAGE
        except storage.ReaderLeft:
            reporter.close(summary=False)  # quietly: the pipeline's end was chosen
            return EXIT_READER_LEFT
        except storage.StdoutFailed as err:
            reporter.fault(str(err))  # the outputs have nowhere to go: the run ends
        finally:
            executor.close(abort=aborted)
    reporter.close(interrupted=signal.Signals(stop.signal).name if stop.signal else None)
    if stop.signal:
        return exit_for_signal(stop.signal)
    return EXIT_FAILED if reporter.counts.failed or reporter.faults else EXIT_OK


def _clean(groups: Iterable[Group], options: RunOptions, executor, state: State,
           reporter: Reporter, stop: Stop) -> None:
    """All groups as one stream of batches: the next folder is learnt while the
    workers still clean the batches in flight, so they never wait for it."""
    batch_jobs: deque[list[Job]] = deque()  # the jobs of each batch sent, in order

    def died(args) -> list[Outcome]:
        return [Outcome(path, error=f"{path}: the worker cleaning it died (out of memory?); skipped")
                for path, _, _ in args[0]]

    tasks = _tasks(groups, options, executor, state, reporter, stop, batch_jobs)
    for outcomes in executor.map(clean_batch, tasks, died):
        for job, outcome in zip(batch_jobs.popleft(), outcomes):
            _finish(job, outcome, options, state, reporter)
        if stop.signal:
            return


def _tasks(groups: Iterable[Group], options: RunOptions, executor, state: State,
           reporter: Reporter, stop: Stop, batch_jobs: deque) -> Iterator[tuple]:
    """(batch, template, folder) for each batch of each group, its jobs put in ``batch_jobs``."""
    # A cluster learns as map-reduce on its workers; on this machine the main
    # process learns (cheap: line keys), while the workers clean what was sent.
    learner = executor.learner()
    for group in groups:
        if stop.signal:
            return
        template = _template(group, learner, options, keep=executor.serial)
        todo = []
        for job in group.jobs:
            if options.incremental and job.path != STDIN and not storage.is_url(job.path) \
                    and _unchanged(state, job, options):
                reporter.counts.skipped += 1
                reporter.advance()
                continue
            todo.append(job)
        stdin = stdin_error = None
        if any(job.path == STDIN for job in todo):
            with stop.blocking():
                stdin, stdin_error = limits.stdin_or_error(options.config.max_bytes)
        for i in range(0, len(todo), BATCH_SIZE):
            if stop.signal:
                return
            chunk = todo[i:i + BATCH_SIZE]
            batch_jobs.append(chunk)
            yield ([(STDIN, stdin, stdin_error) if job.path == STDIN else (job.path, *_load(job.path, options))
                    for job in chunk], template, group.folder)


def _unchanged(state: State, job: Job, options: RunOptions) -> bool:
    try:
        return options.output is not None and state.unchanged(job.path, _target(options, job))
    except OSError:
        return False  # reported when it is read


def _finish(job: Job, outcome: Outcome, options: RunOptions, state: State,
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
        if options.fmt != "md":
            data = json.loads(outcome.text)
        data["duplicate_of"] = first
        outcome.text = render(data, options.fmt, explain=options.explain)
    if options.output is None:
        storage.write_stdout(outcome.text)
    else:
        target = _target(options, job)
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

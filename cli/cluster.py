"""Run the cleaning on a Dask cluster: the same batches, sent to Dask's workers.

khabar grows no scheduler of its own. ``--cluster tcp://HOST:8786`` uses a
running Dask scheduler (started on Kubernetes, YARN, SLURM or plain SSH hosts);
``--cluster local:4`` starts a LocalCluster of 4 worker processes here. Work
goes out in batches of files; results come back in input order, and this
process marks duplicates and writes every output, so the bytes are the same
as a run on one machine. A task whose worker dies is retried by Dask.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator

from khabar.core.errors import KhabarError

# Batches in flight per worker, as for local jobs.
WINDOW_PER_WORKER = 4
# A batch whose worker died is tried again this many times.
RETRIES = 3


class ClusterError(KhabarError):
    """Dask is missing, or the scheduler cannot be reached."""


class ClusterExecutor:
    """A Dask cluster as the run's :class:`khabar.cli.pool.Executor`."""

    def __init__(self, address: str, options):
        try:
            from distributed import Client, LocalCluster
        except ImportError:
            raise ClusterError('--cluster needs Dask: pip install "khabar[dask]"') from None
        self.options = options
        self.local = None
        try:
            if address.startswith("local:"):
                workers = int(address.split(":", 1)[1])
                if workers < 1:
                    raise ValueError(address)
                self.local = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                          dashboard_address=None, silence_logs=50)
                self.client = Client(self.local)
            else:
                self.client = Client(address, timeout="20s")
        except ValueError:
            raise ClusterError(f"--cluster {address}: give a scheduler address (tcp://HOST:8786) or local:N") from None
        except OSError as err:
            raise ClusterError(f"--cluster {address}: cannot reach the scheduler: {err}") from None
        workers = max(1, len(self.client.scheduler_info().get("workers", {})))
        self.window = workers * WINDOW_PER_WORKER

    def map(self, fn: Callable, args: Iterable[tuple], fallback: Callable | None = None) -> Iterator:
        """fn(*a) on the cluster for each a, in order, with a bounded number in flight.
        Dask retries a task whose worker died; ``fallback`` is not needed here."""
        from khabar.cli.worker import call_with

        pending: deque = deque()
        for a in args:
            pending.append(self.client.submit(call_with, self.options, fn, *a, pure=False, retries=RETRIES))
            if len(pending) >= self.window:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()

    def learner(self) -> ClusterExecutor:
        """The cluster: its workers read the line keys (map), this process counts them."""
        return self

    @property
    def serial(self) -> bool:
        return False

    def close(self, *, abort: bool = False) -> None:
        self.client.close()
        if self.local is not None:
            self.local.close()

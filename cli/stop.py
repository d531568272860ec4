"""Stopping a run on a signal: between files, with the summary written."""

from __future__ import annotations

import contextlib
import signal


class Interrupted(Exception):
    """SIGINT, SIGTERM or SIGHUP came while the run waited (for standard input, for a worker)."""


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

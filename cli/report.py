"""What a run tells its user on standard error: errors, a progress bar on a
terminal, a summary at the end; and in a log file when asked, the errors, the
warnings and the summary (with --verbose, each file's line too), whatever --quiet
says. A write to the log that fails (a full disk) is said on standard error; the
run goes on."""

from __future__ import annotations

import os
import sys
import time
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path


@dataclass
class Counts:
    cleaned: int = 0
    failed: int = 0
    skipped: int = 0  # unchanged since the last --incremental run
    duplicates: int = 0
    started: float = field(default_factory=time.monotonic)

    def line(self) -> str:
        took = time.monotonic() - self.started
        rate = self.cleaned / took if took > 0 else 0.0
        return (f"khabar: {self.cleaned} cleaned, {self.failed} failed, {self.skipped} skipped (unchanged), "
                f"{self.duplicates} duplicates in {took:.1f} s ({rate:.0f} files/s)")


class Reporter:
    def __init__(self, *, quiet: bool = False, verbose: bool = False, log_file: Path | None = None):
        self.quiet, self.verbose = quiet, verbose
        self.counts = Counts()
        self.faults = 0  # writes lost that are no input's fault (the log, the state), workers that cannot start
        self._log_name = log_file
        # One unbuffered append a line: a write that fails (a full disk) loses that line alone.
        self._log = os.open(log_file, os.O_WRONLY | os.O_APPEND | os.O_CREAT | getattr(os, "O_CLOEXEC", 0),
                            0o666) if log_file else None
        self._log_lost = 0
        self._progress = self._task = None
        if _is_terminal(sys.stderr) and not quiet:
            from rich.progress import (BarColumn, MofNCompleteColumn, Progress, TextColumn,
                                       TimeRemainingColumn)

            self._progress = Progress(TextColumn("[bold]khabar"), BarColumn(), MofNCompleteColumn(),
                                      TextColumn("{task.fields[rate]} files/s"), TimeRemainingColumn(),
                                      transient=True, redirect_stderr=False)
            self._task = self._progress.add_task("clean", total=None, rate="0")
            self._progress.start()

    def _write(self, message: str, *, console: bool, log: bool = True) -> None:
        if console:
            self._console(message)
        if log and self._log is not None:
            # A file name's undecodable bytes are written as on standard error (\udcff).
            self._append(f"{datetime.now().isoformat(timespec='seconds')} {message}\n".encode("utf-8", "backslashreplace"))

    def _console(self, message: str) -> None:
        try:
            if self._progress is not None:
                self._progress.console.print(message, markup=False, highlight=False)
            elif sys.stderr is not None:
                sys.stderr.write(message + "\n")
                sys.stderr.flush()
        except OSError:
            pass  # standard error is gone (a terminal hung up): there is no one left to tell

    def _append(self, line: bytes) -> None:
        try:
            view = memoryview(line)
            while view:
                view = view[os.write(self._log, view):]
        except OSError as err:
            if not self._log_lost:
                self.faults += 1
                self._console(f"Error: {self._log_name}: cannot write the log: {err.strerror or err}; "
                              "the run goes on")
            self._log_lost += 1

    def error(self, message: str) -> None:
        self.counts.failed += 1
        self._write(f"Error: {message}", console=True)

    def fault(self, message: str) -> None:
        """Something went wrong that is no input's: the run goes on, and ends with status 1."""
        self.faults += 1
        self._write(f"Error: {message}", console=True)

    def warning(self, path: str, message: str) -> None:
        self._write(f"Warning: {path}: {message}", console=self.verbose)

    def notice(self, message: str) -> None:
        """A warning about the run, not a page (a state file set aside): shown unless --quiet."""
        self._write(f"Warning: {message}", console=not self.quiet)

    def info(self, message: str) -> None:
        self._write(message, console=self.verbose, log=self.verbose)

    def advance(self) -> None:
        if self._progress is not None:
            done = self.counts.cleaned + self.counts.failed + self.counts.skipped
            took = time.monotonic() - self.counts.started
            self._progress.update(self._task, completed=done, rate=f"{done / took:.0f}" if took else "0")

    def __enter__(self) -> Reporter:
        return self

    def __exit__(self, *exc) -> None:
        if self._progress is not None:
            self._progress.stop()
        self._close_log()

    def _close_log(self) -> None:
        if self._log is None:
            return
        if self._log_lost:
            lines = f"{self._log_lost} line" + ("s" if self._log_lost != 1 else "")
            self._console(f"Error: {self._log_name}: {lines} of this run's log could not be written")
        os.close(self._log)
        self._log = None

    def close(self, *, interrupted: str | None = None, summary: bool = True) -> None:
        if self._progress is not None:
            self._progress.stop()
        if summary:
            # Quiet when nothing is wrong (pipes, cron); a terminal, a failure or --verbose gets the summary.
            line = self.counts.line() + (f"; stopped by {interrupted}" if interrupted else "")
            self._write(line, console=False)
            self._close_log()  # what the log lost is told before the summary, which ends the run's words
            wanted = _is_terminal(sys.stderr) or self.verbose or self.counts.failed or self.faults or interrupted
            if wanted and not self.quiet:
                self._console(line)
        self._close_log()


def _is_terminal(stream) -> bool:
    return stream is not None and stream.isatty()

"""What a run tells its user on standard error: errors, a progress bar on a
terminal, a summary at the end, and the same in a log file when asked."""

from __future__ import annotations

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
        # A file name's undecodable bytes are written as on standard error (\udcff).
        self._log = open(log_file, "a", encoding="utf-8", errors="backslashreplace") if log_file else None
        self._progress = self._task = None
        if sys.stderr.isatty() and not quiet:
            from rich.progress import (BarColumn, MofNCompleteColumn, Progress, TextColumn,
                                       TimeRemainingColumn)

            self._progress = Progress(TextColumn("[bold]khabar"), BarColumn(), MofNCompleteColumn(),
                                      TextColumn("{task.fields[rate]} files/s"), TimeRemainingColumn(),
                                      transient=True, redirect_stderr=False)
            self._task = self._progress.add_task("clean", total=None, rate="0")
            self._progress.start()

    def _write(self, message: str, *, console: bool) -> None:
        if console:
            if self._progress is not None:
                self._progress.console.print(message, markup=False, highlight=False)
            else:
                sys.stderr.write(message + "\n")
                sys.stderr.flush()
        if self._log is not None and not self._log.closed:
            self._log.write(f"{datetime.now().isoformat(timespec='seconds')} {message}\n")
            self._log.flush()

    def error(self, message: str) -> None:
        self.counts.failed += 1
        self._write(f"Error: {message}", console=True)

    def warning(self, path: str, message: str) -> None:
        self._write(f"Warning: {path}: {message}", console=self.verbose)

    def notice(self, message: str) -> None:
        """A warning about the run, not a page (a state file set aside): shown unless --quiet."""
        self._write(f"Warning: {message}", console=not self.quiet)

    def info(self, message: str) -> None:
        self._write(message, console=self.verbose)

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
        if self._log is not None and not self._log.closed:
            self._log.close()

    def close(self, *, interrupted: str | None = None, summary: bool = True) -> None:
        if self._progress is not None:
            self._progress.stop()
        if summary:
            # Quiet when nothing is wrong (pipes, cron); a terminal, a failure or --verbose gets the summary.
            line = self.counts.line() + (f"; stopped by {interrupted}" if interrupted else "")
            wanted = sys.stderr.isatty() or self.verbose or self.counts.failed or interrupted
            self._write(line, console=bool(wanted) and not self.quiet)
        if self._log is not None and not self._log.closed:
            self._log.close()

"""What ``khabar clean`` and ``khabar date`` do, without Typer: the Typer
commands (:mod:`khabar.cli.app`) parse the options and call these, and so does
the console script's fast path (:mod:`khabar.cli.entry`) for a command given
plain arguments only, which then starts without importing Typer (a third of
``khabar date``). Each ends by raising SystemExit with the exit status, as
``typer.Exit`` would.
"""

from __future__ import annotations

import contextlib
import sys

from khabar.cli.exits import EXIT_FAILED, EXIT_READER_LEFT, EXIT_USAGE
from khabar.core.reading import MAX_BYTES


class UsageError(Exception):
    """An option's value that cannot be used: Typer shows it as a usage error (exit 2)."""

    def __init__(self, message: str, param_hint: str):
        super().__init__(message)
        self.message, self.param_hint = message, param_hint


def error(message: str) -> None:
    sys.stderr.write(f"Error: {message}\n")
    sys.stderr.flush()


def normalize_config(repair: bool, digits: str):
    from khabar.core.normalize import NormalizeConfig

    if not repair:
        # Bytes as scraped: every fix off (digits too).
        return NormalizeConfig(**{name: False for name in NormalizeConfig.__dataclass_fields__})
    return NormalizeConfig(digits=digits)


def reference_option(value: str | None, *, mtime_ok: bool = True):
    """--reference as the one type every stage takes (khabar.Reference)."""
    from khabar.core.reference import Reference

    try:
        return Reference.parse(value, mtime_ok=mtime_ok)
    except ValueError:
        raise UsageError(f"{value!r} is not an ISO date or date-time (e.g. 2022-08-23)", "--reference") from None


def clean(paths: list[str] | None = None, fmt: str | None = None, output: str | None = None, explain: bool = False,
          rules: list | None = None, cluster: str | None = None, include: list[str] | None = None,
          exclude: list[str] | None = None, files_from: str | None = None, null: bool = False,
          jobs: int | None = None, incremental: bool = False, dedupe: bool = False, learn: bool = True,
          repair: bool = True, digits: str = "keep", reference: str | None = None, max_bytes: int = MAX_BYTES,
          input_kind: str | None = None, quiet: bool = False, verbose: bool = False, log_file=None) -> None:
    """``khabar clean``: the options as Typer gives them (a choice as its string)."""
    from pathlib import Path

    from khabar.cli import runner
    from khabar.cli.inputs import DEFAULT_INCLUDE, Selection, groups, read_list
    from khabar.cli.options import RunOptions
    from khabar.cli.report import Reporter
    from khabar.core import KhabarError
    from khabar.core.config import Config
    from khabar.core.pipeline import rules_for

    if not paths and files_from is None:
        raise UsageError("give files, folders, - (standard input) or --files-from", "PATH")
    if files_from == "-" and "-" in (paths or []):
        raise UsageError("standard input cannot be both a page (-) and the list of files", "--files-from")
    if incremental and (output is None or "://" in output):
        raise UsageError("--incremental keeps its state in the output folder: give a local --output", "--incremental")
    if cluster is not None and jobs is not None:
        raise UsageError("--jobs counts this machine's worker processes; with --cluster the cluster's "
                         "workers clean (give --cluster local:N for N processes here)", "--jobs")
    fmt = fmt or ("json" if output else "jsonl")
    config = Config(normalize=normalize_config(repair, digits), rules=tuple(str(p) for p in rules or ()),
                    reference=reference_option(reference), max_bytes=max_bytes, input=input_kind or "auto")
    try:
        rules_for(config.rules)  # a bad rules file is a usage error, reported before any work
    except KhabarError as err:
        error(str(err))
        raise SystemExit(EXIT_USAGE)
    listed = ()
    with contextlib.ExitStack() as stack:
        try:
            if files_from is not None:
                stream = sys.stdin.buffer if files_from == "-" else stack.enter_context(open(files_from, "rb"))
                listed = read_list(stream, null=null)
            reporter = stack.enter_context(Reporter(quiet=quiet, verbose=verbose, log_file=log_file))
        except OSError as err:
            error(f"{err.filename}: cannot open: {err.strerror}")
            raise SystemExit(EXIT_USAGE)
        local_output = Path(output) if output and "://" not in output else None
        local = local_output or (Path(output[7:]) if output and output.startswith("file://") else None)
        selection = Selection(include=tuple(include or DEFAULT_INCLUDE), exclude=tuple(exclude or ()),
                              skip=local, report=reporter.error)
        status = runner.run(
            groups(paths or [], selection, listed=listed),
            RunOptions(config=config, fmt=fmt, explain=explain, output=local_output or output, learn=learn,
                       incremental=incremental, dedupe=dedupe, jobs=jobs or usable_cores(), cluster=cluster),
            reporter,
        )
    raise SystemExit(status)


def usable_cores() -> int:
    """The cores this process may run on (a container's limit), not the machine's."""
    import os

    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def date(strings: list[str] | None = None, reference: str | None = None, max_bytes: int = MAX_BYTES) -> None:
    """``khabar date``: each string's ISO 8601 date, or an empty line."""
    from datetime import datetime

    from khabar.cli.limits import STDIN, size_text, stdin_lines
    from khabar.core import KhabarError
    from khabar.core.dates import parse_date

    ref = reference_option(reference, mtime_ok=False).moment or datetime.now()

    def answer(string: str) -> None:
        match = parse_date(string, reference=ref)
        write_stdout((match.iso() if match else "") + "\n")

    if strings:
        for string in strings:  # one string each, even with line breaks in it
            answer(string)
        raise SystemExit(0)
    failed = False
    try:
        for number, line in enumerate(stdin_lines(max_bytes), 1):
            if line is None:
                error(f"{STDIN}: line {number} is over the limit of {size_text(max_bytes)} (--max-bytes); skipped")
                failed = True
                write_stdout("\n")
                continue
            # Line ends as str.splitlines sees them (CR, CRLF, …), as when stdin was read whole.
            for string in line.decode("utf-8", errors="replace").splitlines():
                answer(string)
    except KhabarError as err:
        error(str(err))
        failed = True
    except OSError as err:
        error(f"{STDIN}: cannot read: {err.strerror or err}")
        failed = True
    raise SystemExit(EXIT_FAILED if failed else 0)


def write_stdout(text: str) -> None:
    from khabar.cli.storage import write_stdout

    with stdout_may_fail():
        write_stdout(text)


@contextlib.contextmanager
def stdout_may_fail():
    """`khabar … | head`: when the reader leaves, end quietly with the status of a
    tool that SIGPIPE ended (typer's own answer, 1, would say an input failed).
    Standard output closed or full: say so in one line, and exit 1."""
    from khabar.cli.storage import ReaderLeft, StdoutFailed, reader_left

    try:
        yield
    except ReaderLeft:
        reader_left()
        raise SystemExit(EXIT_READER_LEFT) from None
    except StdoutFailed as err:
        error(str(err))
        raise SystemExit(EXIT_FAILED) from None

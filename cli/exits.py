"""The exit statuses of every command, defined once (the README lists them)."""

import signal

EXIT_OK = 0
EXIT_FAILED = 1  # some inputs failed (named on standard error; the rest were done), or a write failed
EXIT_USAGE = 2  # a bad option or argument; also a bad URL found during a run
EXIT_LOCKED = 75  # EX_TEMPFAIL: another run holds the output folder; try again later
# The reader of standard output left (`| head`): the status of a tool that SIGPIPE ended, without the noise.
EXIT_READER_LEFT = 128 + signal.SIGPIPE


def exit_for_signal(signum: int) -> int:
    """128 + N: stopped by signal N (SIGHUP 129, SIGINT 130, SIGTERM 143)."""
    return 128 + signum

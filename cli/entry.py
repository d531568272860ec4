"""The console script ``khabar``: the command, then a quick exit.

``khabar clean PATH...`` and ``khabar date [STRING...]`` given plain
arguments only (no option, nothing starting with '-' but '-' itself) run
their command at once, as Typer would call it with every option at its
default, without importing Typer: Typer and its imports are a third of
``khabar date`` and a sixth of a one-page ``clean``. Anything else goes
through the Typer app (:mod:`khabar.cli.app`).
"""

from __future__ import annotations

import sys

from khabar.cli.exits import EXIT_FAILED

# Commands taken without Typer, and whether they need an argument (clean with
# none is a usage error Typer words).
_PLAIN = {"clean": True, "date": False}
# Arguments that only ask for help or the version: the start-up cache (see
# core/compiled_cache.py) would cost them more than it saves them.
_ASKS_FOR_HELP = frozenset({"-h", "--help", "--version"})


def main() -> None:
    """The console script: the command, then a quick exit."""
    _stand_in_for_closed_streams()  # first: a closed stream's descriptor is not lent to the cache file
    if not _ASKS_FOR_HELP.intersection(sys.argv[1:]):  # Typer writes help from its own objects
        from khabar.core import compiled_cache

        compiled_cache.install()
    plain = _plain(sys.argv[1:])
    if plain is None:
        from khabar.cli.app import run_app

        status = run_app()
    else:
        status = _run_plain(*plain)
    _end(status)


def _plain(argv: list[str]) -> tuple[str, list[str]] | None:
    """(command, its arguments) when the command line needs no parsing, else None."""
    import os

    if not argv or argv[0] not in _PLAIN or (_PLAIN[argv[0]] and len(argv) < 2):
        return None
    if any(arg.startswith("-") and arg != "-" for arg in argv[1:]):
        return None
    if any(name.startswith("_") and name.endswith("_COMPLETE") for name in os.environ):
        return None  # a shell's completion request: Typer answers it
    return argv[0], argv[1:]


def _run_plain(command: str, args: list[str]) -> int | str | None:
    """The command's exit status, with Typer's answers to what escapes it."""
    import errno

    from khabar.cli import commands

    try:
        if command == "clean":
            commands.clean(args)
        else:
            commands.date(args or None)
        return 0
    except SystemExit as end:
        return end.code
    except KeyboardInterrupt:
        return 130
    except EOFError:
        sys.stderr.write("\nAborted!\n")
        return EXIT_FAILED
    except OSError as err:
        if err.errno != errno.EPIPE:
            raise
        return EXIT_FAILED  # as Typer: the reader of standard output left


def _end(status: int | str | None) -> None:
    """Flush, run what Python runs at exit, and leave at once with ``status``."""
    import atexit
    import os

    if isinstance(status, str):
        sys.stderr.write(status + "\n")
        status = EXIT_FAILED
    compiled_cache = sys.modules.get("khabar.core.compiled_cache")
    if compiled_cache is not None:
        compiled_cache.save()
    # What Python runs at exit (fsspec's cache folders, logging); what is skipped
    # is the tear-down after it, which frees the word lists object by object (0.1 s).
    atexit._run_exitfuncs()
    try:
        sys.stdout.flush()
    except BrokenPipeError:  # the reader left
        pass
    except OSError as err:
        from khabar.cli.commands import error
        from khabar.cli.storage import discard_stdout, stdout_failure

        discard_stdout()
        if not status:
            error(stdout_failure(err))
            status = EXIT_FAILED
    try:
        sys.stderr.flush()
    except OSError:
        pass
    os._exit(status or 0)


def _stand_in_for_closed_streams() -> None:
    """Python sets sys.stdout or sys.stderr to None when its descriptor is closed
    (`>&-`): then a write to standard output would vanish (or raise a traceback),
    and the next file opened (the lock, the state) would take the descriptor.
    Standard output gets a descriptor that refuses writes, so that writing to it
    fails as it should; standard error gets /dev/null (what a run says goes
    nowhere, as asked)."""
    import os

    for number, mode, name in ((1, os.O_RDONLY, "stdout"), (2, os.O_WRONLY, "stderr")):
        if getattr(sys, name) is not None:
            continue
        fd = os.open(os.devnull, mode)
        if fd != number and not _is_open(number):
            os.dup2(fd, number)
            os.close(fd)
            fd = number
        setattr(sys, name, open(fd, "w", encoding="utf-8", errors="backslashreplace", closefd=False))


def _is_open(fd: int) -> bool:
    import os

    try:
        os.fstat(fd)
        return True
    except OSError:
        return False

"""The fork server's environment: it must import khabar as this process did.

Python before 3.12.8 and 3.13.1 starts multiprocessing's fork server with
``python -c`` and ignores the sys.path it is given (gh-117378), so the server's
sys.path[0] is the current folder. The server imports khabar to preload it: a
folder named ``khabar`` there (an empty one, or a clone of the repository) was
imported in place of the installed package, and every worker forked from the
server inherited it and failed to start. While a run may start a fork server,
the environment gives it this process's sys.path (PYTHONPATH) without the
current folder (PYTHONSAFEPATH); the server puts the run's environment back
before it forks a worker (see preload).
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
from collections.abc import Iterator

_NAMES = ("PYTHONPATH", "PYTHONSAFEPATH")
_SAVED = "KHABAR_SAVED_ENVIRONMENT"


@contextlib.contextmanager
def environment() -> Iterator[None]:
    """Within: a fork server started (or started again) imports what this process imports."""
    from multiprocessing import process

    saved = {name: os.environ.get(name) for name in _NAMES}
    # '' is the folder Python started in, as spawn's workers take it (ORIGINAL_DIR).
    path = [entry or process.ORIGINAL_DIR for entry in sys.path if isinstance(entry, str)]
    os.environ.update({"PYTHONPATH": os.pathsep.join(path), "PYTHONSAFEPATH": "1", _SAVED: json.dumps(saved)})
    try:
        yield
    finally:
        _put_back(saved)
        os.environ.pop(_SAVED, None)


def restore_environment() -> None:
    """In the fork server, once khabar is imported: the run's own environment,
    for the workers it forks."""
    saved = os.environ.pop(_SAVED, None)
    if saved is not None:
        _put_back(json.loads(saved))


def _put_back(saved: dict[str, str | None]) -> None:
    for name, value in saved.items():
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value

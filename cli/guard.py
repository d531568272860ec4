"""The run's state, kept when its writes fail.

The state (OUT/.khabar/state.sqlite) is only a record of work done: a write to
it that fails mid-run (a full disk: "database or disk is full") must not end
the run, nor take the summary with it. The failure is reported, naming the
file, and the state takes no more writes for the rest of the run: it holds what
was recorded before, in input order, as after a killed run. The next
--incremental run cleans the rest again, in order (were later records kept and
earlier ones lost, it would take a later file for the first of duplicates).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable


class GuardedState:
    """A State whose calls that fail in SQLite answer None (not unchanged, no
    duplicate, nothing claimed): the file is cleaned, and written."""

    def __init__(self, state, path: object, report: Callable[[str], None]):
        self._state, self._path, self._report = state, path, report
        self._failed = False

    def __getattr__(self, name: str):
        method = getattr(self._state, name)
        if not callable(method):
            return method

        def guarded(*args, **kwargs):
            try:
                return method(*args, **kwargs)
            except sqlite3.Error as err:
                self._fail(err)
                return None

        return guarded

    def _fail(self, err: sqlite3.Error) -> None:
        if self._failed:
            return  # a write refused since the first failure
        self._failed = True
        self._report(f"{self._path}: cannot record what this run did: {err}; the next --incremental run "
                     "cleans again the files done since its last record")
        try:
            # What was not committed goes (SQLite may have dropped it already); reads go on.
            self._state.db.rollback()
            self._state.db.execute("PRAGMA query_only = ON")
        except sqlite3.Error:
            pass

    def close(self) -> None:
        try:
            self._state.close()
        except sqlite3.Error as err:
            self._fail(err)
            try:
                self._state.db.close()
            except sqlite3.Error:
                pass

"""What a run keeps in its output folder: a lock, and (for --incremental) what it did.

``OUT/.khabar/lock`` is held (flock) for the whole run, so two runs never write
the same folder. ``OUT/.khabar/state.sqlite`` remembers each input's size,
modification time and content hash, and the duplicate keys seen, so the next
``--incremental`` run skips what has not changed and still knows what is a
duplicate; a duplicate that --dedupe skipped is remembered too, for as long as
its first's output stands. Rows are committed after their outputs are written,
every COMMIT_EVERY files and at the end: a run that is killed forgets at most
those last rows, and the next run redoes their files.

The state is only a record of work done: one that cannot serve (damaged, not
khabar's, read-only) is set aside for inspection, with a warning, and the run
starts afresh. Paths that are not valid UTF-8 (a file name's undecodable bytes,
read as surrogate escapes) are stored as their bytes.
"""

from __future__ import annotations

import contextlib
import fcntl
import functools
import hashlib
import os
import sqlite3
import time
from collections.abc import Callable
from pathlib import Path

from khabar.core.inputs import STATE_DIR

COMMIT_EVERY = 200
# Pages of write-ahead log between checkpoints (about 40 MB: some 100,000 files).
WAL_PAGES = 10000
# SQLite's result codes for a state file that cannot serve, and what it is then.
UNUSABLE = {3: "no permission", 8: "read-only", 11: "damaged", 14: "cannot be opened",
            26: "not a database"}  # SQLITE_PERM, _READONLY, _CORRUPT, _CANTOPEN, _NOTADB
# khabar's tables and their columns: a database with others is not a khabar state.
TABLES = {
    "meta": "key TEXT PRIMARY KEY, value TEXT",
    "files": "path TEXT PRIMARY KEY, size INTEGER, mtime_ns INTEGER, digest BLOB, output TEXT",
    "seen": "key BLOB PRIMARY KEY, path TEXT",
    # Inputs --dedupe skipped, with the first they repeat and that first's content hash then.
    "duplicates": "path TEXT PRIMARY KEY, size INTEGER, mtime_ns INTEGER, digest BLOB, first TEXT, "
                  "first_digest BLOB",
}


class Locked(Exception):
    """Another run holds the output folder."""


# Lock descriptors this process holds. A worker forked from it must not keep one:
# a worker outliving a killed run would hold the folder locked.
_held: set[int] = set()


def _close_held_in_child() -> None:
    for fd in _held:
        try:
            os.close(fd)  # the parent's lock stays: it is released when the parent closes its own
        except OSError:
            pass
    _held.clear()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_close_held_in_child)


class OutputLock:
    def __init__(self, folder: Path):
        self.path = folder / STATE_DIR / "lock"
        self._fd: int | None = None

    def __enter__(self) -> OutputLock:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.read(fd, 64).decode(errors="replace").strip() or "another process"
            os.close(fd)
            raise Locked(f"{self.path.parent.parent}: another khabar run (pid {holder}) is writing to this "
                         f"folder; wait for it to finish, or use another --output") from None
        os.ftruncate(fd, 0)
        os.write(fd, str(os.getpid()).encode())
        self._fd = fd
        _held.add(fd)
        return self

    def __exit__(self, *exc) -> None:
        if self._fd is not None:
            _held.discard(self._fd)
            fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = None


def content_hash(data: bytes) -> bytes:
    return hashlib.blake2b(data, digest_size=16).digest()


def stored(name: str) -> str | bytes:
    """A path as the state keeps it: text, or its bytes when it is no valid UTF-8
    (SQLite takes only UTF-8 text; the bytes are the file name's own)."""
    try:
        name.encode("utf-8")
        return name
    except UnicodeEncodeError:
        return os.fsencode(name)


def _name(value: str | bytes) -> str:
    return os.fsdecode(value) if isinstance(value, bytes) else value


class Unusable(Exception):
    """The state file cannot serve; the reason, for the warning."""


def _unusable(err: sqlite3.DatabaseError) -> str | None:
    """Why SQLite's error means the file cannot serve; None for a passing fault (locked, disk)."""
    what = UNUSABLE.get((getattr(err, "sqlite_errorcode", None) or 0) & 0xFF)
    return f"{what}: {err}" if what else None


def _guarded(method):
    """A state that breaks mid-run is set aside like one found broken at the start."""
    @functools.wraps(method)
    def guarded(self, *args):
        try:
            return method(self, *args)
        except sqlite3.DatabaseError as err:
            reason = _unusable(err)
            if reason is None:
                raise
            self._set_aside(reason)
            return method(self, *args)
    return guarded


class State:
    """Inputs done and duplicate keys seen, in SQLite (on disk: memory stays flat)."""

    def __init__(self, path: Path | str, *, options: str, keep: bool = False,
                 warn: Callable[[str], None] | None = None):
        """``options`` fingerprints what shapes the outputs; ``keep`` (--incremental)
        carries what earlier runs did into this one, else the run starts afresh;
        ``warn`` hears of a state set aside or started afresh."""
        self.path, self._warn = str(path), warn or (lambda message: None)
        self.db: sqlite3.Connection | None = None
        # This run's outputs, apart from the state: they outlive a state set aside.
        self._claims = sqlite3.connect("")
        self._claims.execute("CREATE TABLE outputs (target TEXT PRIMARY KEY, path TEXT)")
        self._pending = 0
        try:
            self._open(self.path)
        except (sqlite3.DatabaseError, Unusable) as err:
            reason = str(err) if isinstance(err, Unusable) else _unusable(err)
            if reason is None:
                raise  # locked, a disk error: not a reason to forget what was done
            self._set_aside(reason)
        self._start(options, keep)

    @_guarded
    def _start(self, options: str, keep: bool) -> None:
        row = self.db.execute("SELECT value FROM meta WHERE key = 'options'").fetchone()
        if not keep or row is None or row[0] != stored(options):
            # Other options make other outputs: nothing done before counts.
            self.db.executescript("DELETE FROM files; DELETE FROM seen; DELETE FROM duplicates;")
        # Written at every start: a state that cannot be written shows now, not mid-run.
        self.db.execute("INSERT OR REPLACE INTO meta VALUES ('options', ?)", (stored(options),))
        self.db.commit()
        if keep and row is not None and row[0] != stored(options):
            self._warn(f"{self.path}: made by another version of khabar or with other options "
                       "(format, --dedupe, --rules …); this run redoes every file")

    def _open(self, path: str) -> None:
        self.db = sqlite3.connect(path)
        # A damaged page, or a database that is not khabar's, is found now, not mid-run.
        check = self.db.execute("PRAGMA quick_check(1)").fetchone()[0]
        if check != "ok":
            raise Unusable(f"damaged: {check}")
        for name, in self.db.execute("SELECT name FROM sqlite_master WHERE type = 'table' "
                                     "AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'").fetchall():
            if name not in TABLES:
                raise Unusable(f"not khabar's: it has a table {name!r}")
            columns = ", ".join(f"{c[1]} {c[2]}{' PRIMARY KEY' if c[5] else ''}"
                                for c in self.db.execute(f"PRAGMA table_info({name})"))
            if columns != TABLES[name]:
                raise Unusable(f"not khabar's: its table {name!r} has other columns")
        # WAL with synchronous=NORMAL waits for the disk only at a checkpoint, and a
        # checkpoint makes every file the run wrote reach the disk first (ext4 orders
        # data before its journal): few and late checkpoints, so few such stalls.
        self.db.executescript(f"""
            PRAGMA journal_mode=WAL;
            PRAGMA synchronous=NORMAL;
            PRAGMA wal_autocheckpoint={WAL_PAGES};
            {"".join(f"CREATE TABLE IF NOT EXISTS {name} ({columns});" for name, columns in TABLES.items())}
            CREATE INDEX IF NOT EXISTS seen_path ON seen (path);
        """)

    def _close(self) -> None:
        if self.db is not None:
            with contextlib.suppress(sqlite3.Error):
                self.db.close()
            self.db = None

    def _set_aside(self, reason: str) -> None:
        """Keep the file that cannot serve for inspection, and go on with a new one."""
        self._close()
        base = kept = f"{self.path}.broken-{time.strftime('%Y%m%dT%H%M%SZ', time.gmtime())}"
        for n in range(1, 1000):
            if not os.path.lexists(kept):
                break
            kept = f"{base}~{n}"  # set aside twice in one second
        try:
            if os.path.lexists(self.path):
                os.rename(self.path, kept)
            wal = f"{self.path}-wal"
            if os.path.lexists(wal):  # its last writes: beside it, where SQLite looks; none: removed
                os.rename(wal, f"{kept}-wal") if os.path.getsize(wal) else os.unlink(wal)
            if os.path.lexists(f"{self.path}-shm"):
                os.unlink(f"{self.path}-shm")  # an index of the log, remade from it
            self._open(self.path)
        except (OSError, sqlite3.DatabaseError, Unusable) as err:
            self._warn(f"{self.path}: cannot use this state ({reason}) nor set it aside "
                       f"({getattr(err, 'strerror', None) or err}); this run redoes every file and keeps no state")
            self._close()
            self._open(":memory:")
            return
        self._warn(f"{self.path}: cannot use this state ({reason}); kept as {kept}; this run redoes every file")

    @_guarded
    def unchanged(self, path: str, output: str | Path) -> bool:
        """The input is as the last run saw it (size and mtime, or else its content) and its
        output is there; or it is a duplicate --dedupe skipped, and its first's output stands."""
        key = stored(path)
        row = self.db.execute("SELECT size, mtime_ns, digest FROM files WHERE path = ?", (key,)).fetchone()
        if row is not None:
            return os.path.exists(output) and self._same(path, key, row, "files")
        row = self.db.execute("SELECT size, mtime_ns, digest, first, first_digest FROM duplicates WHERE path = ?",
                              (key,)).fetchone()
        return row is not None and self._stands(row[3], row[4]) and self._same(path, key, row, "duplicates")

    def _same(self, path: str, key: str | bytes, row: tuple, table: str) -> bool:
        st = os.stat(path)
        if (st.st_size, st.st_mtime_ns) == (row[0], row[1]):
            return True
        if st.st_size != row[0]:
            return False
        with open(path, "rb") as f:
            same = content_hash(f.read()) == row[2]
        if same:  # touched but not changed
            self.db.execute(f"UPDATE {table} SET mtime_ns = ? WHERE path = ?", (st.st_mtime_ns, key))
        return same

    def _stands(self, first: str | bytes, digest: bytes) -> bool:
        """A skipped duplicate's first is as it was then, its output is there, and its
        input is unchanged (or gone: its output still holds the text)."""
        row = self.db.execute("SELECT size, mtime_ns, digest, output FROM files WHERE path = ?", (first,)).fetchone()
        if row is None or row[2] != digest or not os.path.exists(row[3]):
            return False
        try:
            st = os.stat(_name(first))
        except FileNotFoundError:
            return True
        except OSError:
            return False
        return (st.st_size, st.st_mtime_ns) == (row[0], row[1])

    @_guarded
    def done(self, path: str, size: int, mtime_ns: int, digest: bytes, output: str | Path) -> None:
        key = stored(path)
        self.db.execute("INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?, ?)",
                        (key, size, mtime_ns, digest, stored(str(output))))
        self.db.execute("DELETE FROM duplicates WHERE path = ?", (key,))
        self._tick()

    @_guarded
    def first_of(self, keys: list[bytes], path: str) -> str | None:
        """Another input that gave one of these keys first, and whose output is there
        (or that was not written to a file), or None. A first whose output is gone
        (renamed, removed) gives up its key: this input's text must not be lost."""
        for key in keys:
            row = self.db.execute("SELECT path FROM seen WHERE key = ?", (key,)).fetchone()
            if row is None or _name(row[0]) == path:
                continue
            done = self.db.execute("SELECT output FROM files WHERE path = ?", (row[0],)).fetchone()
            if done is None or os.path.exists(_name(done[0])):
                return _name(row[0])
            self.db.execute("DELETE FROM seen WHERE key = ?", (key,))
        return None

    @_guarded
    def skipped(self, path: str, size: int, mtime_ns: int, digest: bytes, first: str) -> None:
        """--dedupe skipped this input as a duplicate of ``first``: the next run skips it
        unread while it and its first are unchanged (a first that is no file, such as
        standard input, is not remembered: its duplicates are read again)."""
        row = self.db.execute("SELECT digest FROM files WHERE path = ?", (stored(first),)).fetchone()
        key = stored(path)
        self.db.execute("DELETE FROM files WHERE path = ?", (key,))  # its own output, if any, is no more its
        self.db.execute("DELETE FROM seen WHERE path = ?", (key,))  # nor the keys it gave
        if row is not None:
            self.db.execute("INSERT OR REPLACE INTO duplicates VALUES (?, ?, ?, ?, ?, ?)",
                            (key, size, mtime_ns, digest, stored(first), row[0]))
        self._tick()

    @_guarded
    def remember(self, keys: list[bytes], path: str) -> None:
        """These keys are now this input's (what it gave before is forgotten)."""
        key = stored(path)
        self.db.execute("DELETE FROM seen WHERE path = ?", (key,))
        self.db.executemany("INSERT OR IGNORE INTO seen VALUES (?, ?)", [(k, key) for k in keys])
        self._tick()

    def claim(self, target: str, path: str) -> str | None:
        """Reserve an output for an input in this run; the input that has it already, if another."""
        target, key = stored(target), stored(path)
        row = self._claims.execute("SELECT path FROM outputs WHERE target = ?", (target,)).fetchone()
        if row is not None:
            return _name(row[0]) if row[0] != key else None
        self._claims.execute("INSERT INTO outputs VALUES (?, ?)", (target, key))
        return None

    def _tick(self) -> None:
        self._pending += 1
        if self._pending >= COMMIT_EVERY:
            self.commit()

    @_guarded
    def commit(self) -> None:
        self.db.commit()
        self._pending = 0

    def close(self) -> None:
        self.commit()
        self.db.close()
        self._claims.close()

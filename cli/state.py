"""What a run keeps in its output folder: a lock, and (for --incremental) what it did.

``OUT/.khabar/lock`` is held (flock) for the whole run, so two runs never write
the same folder. ``OUT/.khabar/state.sqlite`` remembers each input's size,
modification time and content hash, and the duplicate keys seen, so the next
``--incremental`` run skips what has not changed and still knows what is a
duplicate. Rows are committed after their outputs are written, every
COMMIT_EVERY files and at the end: a run that is killed forgets at most those
last rows, and the next run redoes their files. Paths that are not valid UTF-8
(a file name's undecodable bytes, read as surrogate escapes) are stored as their bytes.
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import sqlite3
from pathlib import Path

STATE_DIR = ".khabar"
COMMIT_EVERY = 200
# Pages of write-ahead log between checkpoints (about 40 MB: some 100,000 files).
WAL_PAGES = 10000
# SQLite's result codes for a file that is no database (any more).
BROKEN = {11, 26}  # SQLITE_CORRUPT, SQLITE_NOTADB


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


class State:
    """Inputs done and duplicate keys seen, in SQLite (on disk: memory stays flat)."""

    def __init__(self, path: Path | str, *, options: str, keep: bool = False):
        """``options`` fingerprints what shapes the outputs; ``keep`` (--incremental)
        carries what earlier runs did into this one, else the run starts afresh."""
        try:
            self._open(path)
        except sqlite3.DatabaseError as err:
            if getattr(err, "sqlite_errorcode", 0) & 0xFF not in BROKEN:
                raise  # locked, a disk error: not a reason to forget what was done
            # Not a database any more (a crash of the machine mid-write, a stray file):
            # the state is only a record of work done, so it starts afresh.
            if self.db is not None:
                self.db.close()
            for suffix in ("", "-wal", "-shm"):
                Path(f"{path}{suffix}").unlink(missing_ok=True)
            self._open(path)
        row = self.db.execute("SELECT value FROM meta WHERE key = 'options'").fetchone()
        if not keep or row is None or row[0] != stored(options):
            # Other options make other outputs: nothing done before counts.
            self.db.executescript("DELETE FROM files; DELETE FROM seen;")
            self.db.execute("INSERT OR REPLACE INTO meta VALUES ('options', ?)", (stored(options),))
            self.db.commit()
        self._pending = 0

    def _open(self, path: Path | str) -> None:
        self.db = None
        self.db = sqlite3.connect(str(path))
        # WAL with synchronous=NORMAL waits for the disk only at a checkpoint, and a
        # checkpoint makes every file the run wrote reach the disk first (ext4 orders
        # data before its journal): few and late checkpoints, so few such stalls.
        self.db.executescript(f"""
            PRAGMA journal_mode=WAL;
            PRAGMA synchronous=NORMAL;
            PRAGMA wal_autocheckpoint={WAL_PAGES};
            CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
            CREATE TABLE IF NOT EXISTS files (path TEXT PRIMARY KEY, size INTEGER, mtime_ns INTEGER,
                                              digest BLOB, output TEXT);
            CREATE TABLE IF NOT EXISTS seen (key BLOB PRIMARY KEY, path TEXT);
            CREATE INDEX IF NOT EXISTS seen_path ON seen (path);
            CREATE TEMP TABLE outputs (target TEXT PRIMARY KEY, path TEXT);
        """)

    def unchanged(self, path: str, output: str | Path) -> bool:
        """The input is as the last run saw it (size and mtime, or else its content) and its output is there."""
        key = stored(path)
        row = self.db.execute("SELECT size, mtime_ns, digest FROM files WHERE path = ?", (key,)).fetchone()
        if row is None or not os.path.exists(output):
            return False
        st = os.stat(path)
        if (st.st_size, st.st_mtime_ns) == (row[0], row[1]):
            return True
        if st.st_size != row[0]:
            return False
        with open(path, "rb") as f:
            same = content_hash(f.read()) == row[2]
        if same:  # touched but not changed
            self.db.execute("UPDATE files SET mtime_ns = ? WHERE path = ?", (st.st_mtime_ns, key))
        return same

    def done(self, path: str, size: int, mtime_ns: int, digest: bytes, output: str | Path) -> None:
        self.db.execute("INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?, ?)",
                        (stored(path), size, mtime_ns, digest, stored(str(output))))
        self._tick()

    def first_of(self, keys: list[bytes], path: str) -> str | None:
        """Another input that gave one of these keys first, or None."""
        for key in keys:
            row = self.db.execute("SELECT path FROM seen WHERE key = ?", (key,)).fetchone()
            if row is not None and _name(row[0]) != path:
                return _name(row[0])
        return None

    def remember(self, keys: list[bytes], path: str) -> None:
        """These keys are now this input's (what it gave before is forgotten)."""
        key = stored(path)
        self.db.execute("DELETE FROM seen WHERE path = ?", (key,))
        self.db.executemany("INSERT OR IGNORE INTO seen VALUES (?, ?)", [(k, key) for k in keys])
        self._tick()

    def claim(self, target: str, path: str) -> str | None:
        """Reserve an output for an input in this run; the input that has it already, if another."""
        target, key = stored(target), stored(path)
        row = self.db.execute("SELECT path FROM outputs WHERE target = ?", (target,)).fetchone()
        if row is not None:
            return _name(row[0]) if row[0] != key else None
        self.db.execute("INSERT INTO outputs VALUES (?, ?)", (target, key))
        return None

    def _tick(self) -> None:
        self._pending += 1
        if self._pending >= COMMIT_EVERY:
            self.commit()

    def commit(self) -> None:
        self.db.commit()
        self._pending = 0

    def close(self) -> None:
        self.commit()
        self.db.close()

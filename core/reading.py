"""Reading a page file within limits: never blocking on a pipe, never more than
``max_bytes`` in memory, and a refusal that says what the limit was."""

from __future__ import annotations

import os
import stat

from khabar.core.errors import InputError

# The largest input khabar reads (--max-bytes): a page is a few hundred KB at most.
MAX_BYTES = 50_000_000
STDIN = "-"


def size_text(n: int) -> str:
    """Bytes below 1 MB ('0.0 MB' said nothing about a limit of 100 bytes), MB above."""
    if n < 1_000_000:
        return "1 byte" if n == 1 else f"{n:,} bytes"
    return f"{n / 1e6:.1f} MB"


def over_limit(path: str, max_bytes: int, size: int | None = None) -> InputError:
    """The refusal of an input larger than --max-bytes; ``size`` when it is known."""
    limit = f"{size_text(max_bytes)} (--max-bytes); skipped"
    if path == STDIN:
        return InputError(f"{path}: standard input is over the limit of {limit}")
    if size is None:  # a file that grew while it was read
        return InputError(f"{path}: more than {limit}")
    return InputError(f"{path}: {size_text(size)} is over the limit of {limit}")


def read_file(path: str, max_bytes: int = MAX_BYTES) -> tuple[bytes, os.stat_result]:
    """A regular file's bytes and its status; InputError for a pipe, a device or a
    file over ``max_bytes``, OSError when it cannot be read."""
    # Opened without blocking, read-only: a FIFO or a device named *.txt must not hang the run.
    # Plain os calls: a file object would add a tty test and seeks to every read.
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise InputError(f"{path}: not a regular file (a pipe, socket or device); skipped")
        if st.st_size > max_bytes:
            raise over_limit(path, max_bytes, st.st_size)
        chunks, size = [], 0
        while size <= max_bytes:
            chunk = os.read(fd, max(st.st_size + 1 - size, 1 << 16))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        data = b"".join(chunks) if len(chunks) != 1 else chunks[0]
    finally:
        os.close(fd)
    if len(data) > max_bytes:  # it grew while we read it
        raise over_limit(path, max_bytes)
    return data, st

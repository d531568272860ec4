"""Standard input within --max-bytes: read in bounded pieces, whole or a line at
a time. Files are read within the limit by :mod:`khabar.core.reading`, whose
refusals (``over_limit``, ``size_text``) these share."""

from __future__ import annotations

import sys
from collections.abc import Iterator

from khabar.core.errors import InputError
from khabar.core.reading import STDIN, over_limit, size_text  # noqa: F401 (the CLI's names for them)

# Standard input is read this much at a time: an endless stream (`< /dev/zero`)
# costs at most the limit and one piece.
PIECE = 1 << 16


def _stream():
    if sys.stdin is None:  # descriptor 0 was closed when Python started (`<&-`)
        raise InputError(f"{STDIN}: cannot read: standard input is closed")
    return sys.stdin.buffer


def read_stdin(max_bytes: int, stream=None) -> bytes:
    """All of standard input, or InputError as soon as it is longer than ``max_bytes``:
    what is left unread stays unread (the writer gets EPIPE when this process ends)."""
    stream = stream or _stream()
    pieces, size = [], 0
    while size <= max_bytes:
        piece = stream.read(min(PIECE, max_bytes + 1 - size))
        if not piece:
            return b"".join(pieces)
        pieces.append(piece)
        size += len(piece)
    raise over_limit(STDIN, max_bytes)


def stdin_or_error(max_bytes: int) -> tuple[bytes | None, str | None]:
    """Standard input within the limit, or the reason it was not read (for a run
    that reports it with the other failures)."""
    try:
        return read_stdin(max_bytes), None
    except InputError as err:
        return None, str(err)
    except OSError as err:
        return None, f"{STDIN}: cannot read: {err.strerror or err}"


def stdin_lines(max_bytes: int, stream=None) -> Iterator[bytes | None]:
    """Standard input a line at a time (with its "\\n"), each line held to
    ``max_bytes``: a longer one yields None and the rest of it is read and dropped
    in pieces, so memory stays bounded whatever the input."""
    stream = stream or _stream()
    while True:
        line = stream.readline(max_bytes + 1)
        if not line:
            return
        if len(line) > max_bytes and not line.endswith(b"\n"):
            while (rest := stream.readline(PIECE)) and not rest.endswith(b"\n"):
                pass
            yield None
            continue
        yield line

"""--max-bytes holds for standard input as for files: an endless stream is cut off
after the limit, never read whole; small limits are said in bytes."""

import io
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from khabar.cli import limits
from khabar.core.errors import InputError
from tests.conftest import SEED

KHABAR = str(Path(sys.executable).parent / "khabar")
# What the writer offers: far more than the limit, so a reader that ignores the
# limit is caught reading it all (it is never the gigabytes of /dev/zero).
OFFERED = 32 << 20
LIMIT = 10_000


def feed_endless(args, piece: bytes):
    """Run khabar with ``piece`` written to its standard input again and again (up to
    OFFERED bytes); returns the process and how many bytes it took before it left."""
    proc = subprocess.Popen([KHABAR, *args], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)
    written = 0

    def write():
        nonlocal written
        try:
            while written < OFFERED:
                proc.stdin.write(piece)
                written += len(piece)
            proc.stdin.close()
        except (BrokenPipeError, OSError):  # khabar stopped reading and left: what we want
            pass

    writer = threading.Thread(target=write, daemon=True)
    writer.start()
    out, err = proc.stdout.read(), proc.stderr.read()
    proc.wait(timeout=300)
    writer.join(timeout=60)
    return proc.returncode, out, err.decode(), written


# A page's worth of Persian text: what a reader that ignores the limit would clean.
TEXT = SEED.read_bytes()


@pytest.mark.parametrize("args,piece", [
    (["clean", "-"], b"\0" * 65536),  # khabar clean - < /dev/zero
    (["clean", "-"], TEXT),
    (["clean", "-", "-o", "OUT"], TEXT),
    (["explain", "-"], TEXT),
    (["normalize"], TEXT),
    (["normalize", "-"], b"\0" * 65536),
], ids=["clean-zeros", "clean-text", "clean-to-folder", "explain", "normalize", "normalize-zeros"])
def test_standard_input_past_max_bytes_is_refused_without_reading_it_all(args, piece, tmp_path):
    args = [str(tmp_path / "out") if a == "OUT" else a for a in args]
    status, out, err, written = feed_endless([*args, "--max-bytes", str(LIMIT)], piece)
    assert status == 1
    assert "-: standard input is over the limit of 10,000 bytes (--max-bytes); skipped" in err
    assert "Traceback" not in err
    # The writer was stopped by the pipe closing, long before it had written everything.
    assert written < OFFERED // 4
    if args[0] == "clean":
        assert out == b""


def test_standard_input_within_max_bytes_is_cleaned():
    proc = subprocess.run([KHABAR, "clean", "-", "--max-bytes", str(len(TEXT))], input=TEXT,
                          capture_output=True, timeout=120)
    assert proc.returncode == 0 and b'"news_id": "2855"' in proc.stdout


def test_date_reads_standard_input_line_by_line_and_skips_a_line_past_max_bytes():
    long_line = b"\xdb\xb1 " * 20_000  # 60 KB of '۱ ' on one line
    data = "۱ شهریور ۱۴۰۱\n".encode() + long_line + "\n۲ شهریور ۱۴۰۱\n".encode()
    proc = subprocess.run([KHABAR, "date", "--max-bytes", str(LIMIT)], input=data, capture_output=True,
                          timeout=120)
    assert proc.returncode == 1
    assert proc.stdout.decode().split("\n") == ["2022-08-23", "", "2022-08-24", ""]
    assert proc.stderr.decode() == "Error: -: line 2 is over the limit of 10,000 bytes (--max-bytes); skipped\n"


def test_date_holds_one_line_in_memory_at_most_max_bytes():
    stream = io.BytesIO(b"a" * 50 + b"\n" + b"b" * 1_000_000 + b"\nc\n")
    reads = []
    real = stream.readline
    stream.readline = lambda size=-1: reads.append(size) or real(size)
    assert list(limits.stdin_lines(100, stream)) == [b"a" * 50 + b"\n", None, b"c\n"]
    assert max(reads) <= limits.PIECE and -1 not in reads


def test_read_stdin_reads_no_more_than_the_limit_and_one_byte():
    stream = io.BytesIO(b"x" * 1_000_000)
    with pytest.raises(InputError, match=r"^-: standard input is over the limit of 1,000 bytes"):
        limits.read_stdin(1000, stream)
    assert stream.tell() == 1001
    assert limits.read_stdin(1000, io.BytesIO(b"y" * 1000)) == b"y" * 1000


@pytest.mark.parametrize("size,limit,said", [
    (3, 1, "3 bytes is over the limit of 1 byte"),
    (2_500, 1_000, "2,500 bytes is over the limit of 1,000 bytes"),
    (2_500_000, 999_999, "2.5 MB is over the limit of 999,999 bytes"),
    (2_500_000, 1_000_000, "2.5 MB is over the limit of 1.0 MB"),
])
def test_a_file_over_a_small_limit_says_both_sizes_in_bytes(tmp_path, size, limit, said):
    page = tmp_path / "page.txt"
    page.write_bytes(b"a" * size)
    proc = subprocess.run([KHABAR, "clean", page, "--max-bytes", str(limit)], capture_output=True, timeout=120)
    assert proc.returncode == 1
    assert f"Error: {page}: {said} (--max-bytes); skipped" in proc.stderr.decode()

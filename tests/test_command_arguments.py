"""What the commands take: `explain` a folder as `clean` walks it, `date` strings as
arguments as well as lines on standard input."""

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import SEED, SEEDS

KHABAR = str(Path(sys.executable).parent / "khabar")
DEV = Path(__file__).resolve().parent.parent.parent / "shared" / "cases" / "dev" / "raw"


def khabar(*args, input=None):
    return subprocess.run([KHABAR, *map(str, args)], input=input, capture_output=True, timeout=300,
                          env={"COLUMNS": "200", "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"})


def test_explain_a_folder_shows_each_page_it_holds():
    proc = khabar("explain", SEEDS)
    assert proc.returncode == 0, proc.stderr.decode()
    out = proc.stdout.decode()
    for page in sorted(SEEDS.glob("*.txt")):
        assert f"{page}: " in out and " lines kept" in out, page.name
    assert "not a regular file" not in proc.stderr.decode()


def test_explain_a_folder_takes_the_files_clean_takes(tmp_path):
    (tmp_path / "sub").mkdir()
    shutil.copy(SEED, tmp_path / "a.txt")
    shutil.copy(SEED, tmp_path / "sub" / "b.txt")
    shutil.copy(SEED, tmp_path / "c.md")
    shutil.copy(SEED, tmp_path / "skip.txt")
    proc = khabar("explain", tmp_path, "--exclude", "skip.txt")
    out = proc.stdout.decode()
    assert proc.returncode == 0
    assert f"{tmp_path / 'a.txt'}: " in out and f"{tmp_path / 'sub' / 'b.txt'}: " in out
    assert "c.md" not in out and "skip.txt" not in out
    assert "c.md: " in khabar("explain", tmp_path, "--include", "*.md").stdout.decode()


def test_explain_a_folder_removes_what_clean_removes_with_the_folders_template():
    cleaned = khabar("clean", "--explain", DEV).stdout.decode()
    by_clean = [r["reason"] for line in cleaned.splitlines() for r in json.loads(line)["removed"]]
    shown = khabar("explain", DEV).stdout.decode()
    assert by_clean.count("template") > 0
    assert shown.count(" template") == by_clean.count("template")  # the reason column
    assert " template" not in khabar("explain", "--no-learn", DEV).stdout.decode()


def test_explain_an_unreadable_page_in_a_folder_is_named_and_the_others_shown(tmp_path):
    shutil.copy(SEED, tmp_path / "good.txt")
    (tmp_path / "bad.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    proc = khabar("explain", tmp_path)
    assert proc.returncode == 1
    assert proc.stderr.decode() == f"Error: {tmp_path / 'bad.txt'}: binary data (NUL bytes), not a text page; skipped\n"
    assert f"{tmp_path / 'good.txt'}: " in proc.stdout.decode()


def test_explain_a_folder_with_nothing_to_take_says_so(tmp_path):
    (tmp_path / "page.md").write_bytes(SEED.read_bytes())
    proc = khabar("explain", tmp_path)
    assert proc.returncode == 1
    assert proc.stderr.decode() == (f"Error: {tmp_path}: no file here matches --include (*.txt *.html *.htm); "
                                    "nothing to explain\n")


def test_explain_one_file_is_as_before():
    proc = khabar("explain", SEED)
    assert proc.returncode == 0 and proc.stdout.decode().count(" lines kept") == 1
    assert "───" not in proc.stdout.decode()  # no heading for a single page


@pytest.mark.parametrize("args,want", [
    (["۱ شهریور ۱۴۰۱"], "2022-08-23\n"),
    (["۱ شهریور ۱۴۰۱", "not a date", "۲ شهریور ۱۴۰۱"], "2022-08-23\n\n2022-08-24\n"),
    (["1401/06/01"], "2022-08-23\n"),
])
def test_date_takes_strings_as_arguments_one_line_out_each(args, want):
    proc = khabar("date", *args, input=b"\xdb\xb3 \xd8\xb4\xd9\x87\xd8\xb1\xdb\x8c\xd9\x88\xd8\xb1 1401\n")
    assert (proc.returncode, proc.stdout.decode(), proc.stderr) == (0, want, b"")  # stdin unread


def test_date_without_arguments_reads_one_string_a_line_on_standard_input():
    proc = khabar("date", input="۱ شهریور ۱۴۰۱\r\nچیزی\n\n۲ شهریور ۱۴۰۱".encode())
    assert (proc.returncode, proc.stdout.decode()) == (0, "2022-08-23\n\n\n2022-08-24\n")

"""Dirty folders: every bad input is cleaned or refused with a reason, and the run goes on."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from khabar.cli import storage
from khabar.cli.app import app
from tests.conftest import SEED

KHABAR = str(Path(sys.executable).parent / "khabar")
PAGE = SEED.read_bytes()


def khabar(*args, **kw):
    return subprocess.run([KHABAR, *map(str, args)], capture_output=True, timeout=300, **kw)


def by_path(proc) -> dict[str, dict]:
    return {Path(a["path"]).name: a for a in map(json.loads, proc.stdout.decode().splitlines())}


@pytest.fixture
def dirty(tmp_path):
    """A folder of everything scrapers leave behind, beside one good page."""
    d = tmp_path / "dirty"
    d.mkdir()
    text = PAGE.decode("utf-8")
    files = {
        "good.txt": PAGE,
        "empty.txt": b"",
        "blank.txt": b" \n\t\n\r\n",
        "image.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4,
        "nul.txt": PAGE[:500] + b"\x00" * 40 + PAGE[500:],
        "bad-utf8.txt": PAGE.replace("کارگر".encode(), b"\xd8\xff\xfe", 1),
        "utf16-no-bom.txt": text.encode("utf-16-le"),
        "utf16.txt": b"\xff\xfe" + text.encode("utf-16-le"),
        "cp1256.txt": text.replace("ی", "ي").replace("\u200c", "").encode("cp1256", errors="replace"),
        "mixed-endings.txt": PAGE.replace(b"\n", b"\r\n", 10).replace(b"\n\n", b"\r\r", 3),
        "one-huge-line.txt": (text.replace("\n", " ") + " ") .encode() * 300,
        "english.txt": b"Home\nNews\nA storm is coming\n" + b"The weather service said that heavy rain will fall "
                       b"across the north of the country this week and asked drivers to take care.\n" * 3,
        "truncated.txt": PAGE[: len(PAGE) // 2 - 1],
    }
    for name, data in files.items():
        (d / name).write_bytes(data)
    (d / "dangling.txt").symlink_to(d / "nowhere.txt")
    (d / "loop-a.txt").symlink_to(d / "loop-b.txt")
    (d / "loop-b.txt").symlink_to(d / "loop-a.txt")
    (d / "sub").mkdir()
    (d / "sub" / "back").symlink_to(d, target_is_directory=True)  # a folder link that loops
    os.mkfifo(d / "pipe.txt")
    return d


def test_a_dirty_folder_is_cleaned_file_by_file_and_each_refusal_says_why(dirty):
    proc = khabar("clean", dirty, "--jobs", "2")
    assert proc.returncode == 1
    err = proc.stderr.decode()
    assert "Traceback" not in err and "khabar failed on this page" not in err
    got = by_path(proc)
    refused = {name: reason for name in ("image.txt", "nul.txt", "dangling.txt", "loop-a.txt", "loop-b.txt",
                                         "pipe.txt") for reason in [line for line in err.splitlines() if name in line]}
    assert set(refused) == {"image.txt", "nul.txt", "dangling.txt", "loop-a.txt", "loop-b.txt", "pipe.txt"}
    assert "binary data" in refused["image.txt"] and "binary data" in refused["nul.txt"]
    assert "No such file or directory" in refused["dangling.txt"]
    assert "Too many levels of symbolic links" in refused["loop-a.txt"]
    assert "not a regular file" in refused["pipe.txt"]
    cleaned = {"good.txt", "empty.txt", "blank.txt", "bad-utf8.txt", "utf16-no-bom.txt", "utf16.txt",
               "cp1256.txt", "mixed-endings.txt", "one-huge-line.txt", "english.txt", "truncated.txt"}
    assert set(got) == cleaned
    assert got["empty.txt"]["text"] == "" and got["empty.txt"]["warnings"] == ["no article text found"]
    assert got["blank.txt"]["text"] == ""
    assert got["bad-utf8.txt"]["warnings"] == ["3 undecodable bytes replaced with U+FFFD"]
    for name in ("utf16-no-bom.txt", "utf16.txt", "cp1256.txt", "mixed-endings.txt"):
        assert got[name]["title"] == got["good.txt"]["title"], name
        assert got[name]["news_id"] == "2855", name
    assert got["english.txt"]["language"] == "und-Latn"
    assert "not a Persian page (language: und-Latn)" in got["english.txt"]["warnings"]


def test_a_file_over_the_size_limit_is_refused_with_the_limit_named(dirty):
    proc = khabar("clean", dirty / "one-huge-line.txt", "--max-bytes", "1000000")
    assert proc.returncode == 1
    assert "is over the limit of 1.0 MB (--max-bytes); skipped" in proc.stderr.decode()


def test_inputs_are_never_changed(dirty, tmp_path):
    before = {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in dirty.iterdir() if p.is_file()}
    khabar("clean", dirty, "-o", tmp_path / "out", "--incremental")
    after = {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in dirty.iterdir() if p.is_file()}
    assert before == after


def test_an_output_folder_inside_the_inputs_is_not_read_back(tmp_path):
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "a.txt").write_bytes(PAGE)
    for _ in range(2):
        proc = khabar("clean", pages, "-o", pages / "clean", "--include", "*", "-v")
        assert proc.returncode == 0
        assert "1 cleaned" in proc.stderr.decode()
    assert sorted(p.name for p in (pages / "clean").iterdir()) == [".khabar", "a.json"]


def test_an_output_folder_that_cannot_be_made_is_an_error_with_nothing_written(tmp_path):
    blocker = tmp_path / "out"
    blocker.write_text("a file, not a folder")
    proc = khabar("clean", SEED, "-o", blocker)
    assert proc.returncode == 1
    assert proc.stderr.decode().startswith(f"Error: {blocker}: cannot write to this output folder:")
    assert blocker.read_text() == "a file, not a folder"


def test_a_write_that_fails_leaves_no_half_written_file(tmp_path, monkeypatch):
    def full(fd, data):
        os.write(fd, data[: len(data) // 2])
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(storage, "_write_all", full)
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["clean", str(SEED), "-o", str(out), "--jobs", "1"])
    assert result.exit_code == 1
    assert "cannot write: No space left on device" in result.stderr
    assert [p.name for p in out.iterdir()] == [".khabar"]  # neither the output nor a temporary file

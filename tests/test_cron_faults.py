"""Faults a cron job meets outside the page: a file name, the state file, renamed
inputs, an output folder among the inputs. Each stays with what it concerns."""

import json
import os
import shutil
from pathlib import Path

from tests.conftest import SEED, SEEDS
from tests.test_operations import khabar, outputs

BAD = os.fsdecode(b"bad\xff.txt")  # a name that is no UTF-8: Python reads it with a surrogate escape


def _site(tmp_path: Path) -> Path:
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(SEED, src / BAD)
    for sample in SEEDS.glob("*.txt"):
        shutil.copy(sample, src / f"z-{sample.name}")
    (src / os.fsdecode(b"junk\xfe.txt")).write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00" * 20)
    folder = src / os.fsdecode(b"site\xfd")  # a folder's name too: it is part of the duplicate keys
    folder.mkdir()
    (folder / "p.txt").write_bytes(SEED.read_bytes().replace(b"2855", b"2857"))
    return src


def test_a_file_name_that_is_no_utf8_is_cleaned_and_its_name_reads_back_everywhere(tmp_path):
    src = _site(tmp_path)
    bad, junk = src / BAD, src / os.fsdecode(b"junk\xfe.txt")
    # Standard output, JSON lines: the name is written with the surrogate escape, and reads back.
    lines = khabar("clean", "--format", "jsonl", src)
    assert lines.returncode == 1  # the binary file, refused; the others cleaned
    records = [json.loads(line) for line in lines.stdout.decode("utf-8").splitlines()]
    assert len(records) == 6
    assert b'"path": "' + os.fsencode(str(src)) + b'/bad\\udcff.txt"' in lines.stdout
    assert [os.fsencode(r["path"]) for r in records][0] == os.fsencode(bad)
    assert records[1]["duplicate_of"] == str(bad)  # the copy names it, in the same form
    err = lines.stderr.decode("utf-8")
    assert f"Error: {src}/junk\\udcfe.txt: binary data" in err  # the error names it the same way
    # An output folder: the output has the input's bytes in its name, the JSON names the input.
    out, log = tmp_path / "out", tmp_path / "run.log"
    assert khabar("clean", src, "-o", out, "--incremental", "--log-file", log).returncode == 1
    written = out / os.fsdecode(b"bad\xff.json")
    assert os.fsencode(json.loads(written.read_text("utf-8"))["path"]) == os.fsencode(bad)
    assert len(outputs(out)) == 6 and (out / os.fsdecode(b"site\xfd") / "p.json").exists()
    assert "junk\\udcfe.txt: binary data" in log.read_text("utf-8")
    # The state keeps it: the next run skips it, and a change to it is seen.
    again = khabar("clean", src, "-o", out, "--incremental", "-v").stderr.decode()
    assert " 0 cleaned" in again and "6 skipped" in again
    bad.write_bytes(SEED.read_bytes().replace(b"2855", b"2856"))
    again = khabar("clean", src, "-o", out, "--incremental", "-v").stderr.decode()
    assert " 1 cleaned" in again and "bad\\udcff.txt -> " in again
    # Markdown front matter, with two jobs.
    md = tmp_path / "md"
    assert khabar("clean", src, "-o", md, "--format", "md", "--jobs", "2").returncode == 1
    assert 'path: "' in (md / os.fsdecode(b"bad\xff.md")).read_text("utf-8")


def test_khabars_own_outputs_and_state_are_never_inputs(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(SEED, src / "a.txt")
    old = src / "old-run"  # another run's output folder inside the inputs
    assert khabar("clean", src, "-o", old, "--include", "*").returncode == 0
    for _ in range(2):
        result = khabar("clean", src, "-o", src, "--include", "*", "-v")
        err = result.stderr.decode()
        assert result.returncode == 0 and " 1 cleaned" in err, err
    assert sorted(p.relative_to(src).as_posix() for p in src.rglob("*") if p.is_file()
                  and ".khabar" not in p.parts) == ["a.json", "a.txt", "old-run/a.json"]
    for _ in range(2):  # an output URL of a local folder is known too
        url = khabar("clean", src, "-o", f"file://{tmp_path}/in/url-out", "--include", "*", "-v")
        assert " 1 cleaned" in url.stderr.decode() and not (src / "url-out" / "url-out").exists()

"""Faults a cron job meets outside the page: a file name, the state file, renamed
inputs, an output folder among the inputs. Each stays with what it concerns."""

import json
import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

import pytest

from tests.conftest import SEED, SEEDS
from tests.test_operations import KHABAR, khabar, outputs

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


def _damage_after_header(state: Path) -> None:
    with open(state, "r+b") as f:
        f.seek(100)
        f.write(b"\x00" * 4000)


def _foreign_schema(state: Path) -> None:
    state.unlink()
    db = sqlite3.connect(state)
    db.execute("CREATE TABLE photos (name TEXT, taken INTEGER)")
    db.commit()
    db.close()


def _foreign_columns(state: Path) -> None:
    db = sqlite3.connect(state)
    db.executescript("DROP TABLE files; CREATE TABLE files (name TEXT, hash BLOB);")
    db.close()


@pytest.mark.parametrize("damage", [_damage_after_header, _foreign_schema, _foreign_columns])
def test_a_damaged_state_is_set_aside_with_a_warning_and_the_run_starts_afresh(tmp_path, damage):
    out = tmp_path / "out"
    assert khabar("clean", SEEDS, "-o", out, "--incremental").returncode == 0
    state = out / ".khabar" / "state.sqlite"
    damage(state)
    before = state.read_bytes()
    for run in range(2):  # and the run after it uses the new state
        result = khabar("clean", SEEDS, "-o", out, "--incremental", "-v")
        err = result.stderr.decode()
        assert result.returncode == 0 and "Traceback" not in err
        if run == 0:
            assert " 4 cleaned" in err
            kept = list(state.parent.glob("state.sqlite.broken-*"))
            assert len(kept) == 1 and kept[0].read_bytes() == before  # kept for inspection, as it was
            assert f"Warning: {state}: cannot use this state (" in err and f"kept as {kept[0]}" in err
        else:
            assert " 0 cleaned" in err and "4 skipped" in err and "Warning" not in err


def test_a_read_only_state_is_set_aside_and_the_run_goes_on(tmp_path):
    out = tmp_path / "out"
    assert khabar("clean", SEEDS, "-o", out, "--incremental").returncode == 0
    state = out / ".khabar" / "state.sqlite"
    state.chmod(0o444)
    # Root writes to any file: without CAP_DAC_OVERRIDE it obeys the mode like anyone.
    command = [KHABAR, "clean", str(SEEDS), "-o", str(out), "--incremental", "-v"]
    if os.geteuid() == 0:
        command = ["setpriv", "--bounding-set=-dac_override,-dac_read_search", "--inh-caps=-all", "--", *command]
    result = subprocess.run(command, capture_output=True, timeout=300)
    err = result.stderr.decode()
    assert result.returncode == 0 and "Traceback" not in err and " 4 cleaned" in err
    assert f"{state}: cannot use this state (read-only" in err
    assert len(list(state.parent.glob("state.sqlite.broken-*"))) == 1 and os.access(state, os.W_OK)


def test_a_state_that_other_options_reset_says_so(tmp_path):
    out = tmp_path / "out"
    khabar("clean", SEEDS, "-o", out, "--incremental")
    err = khabar("clean", SEEDS, "-o", out, "--incremental", "--no-learn").stderr.decode()
    assert f"Warning: {out}/.khabar/state.sqlite: made by another version of khabar or with other options" in err
    quiet = khabar("clean", SEEDS, "-o", out, "--incremental", "--quiet").stderr.decode()
    assert quiet == ""  # the options changed back: a warning, not an error, so --quiet hides it


def test_a_renamed_input_keeps_its_article_under_dedupe(tmp_path):
    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    shutil.copy(SEED, src / "a.txt")
    assert khabar("clean", src, "-o", out, "--incremental", "--dedupe").returncode == 0
    (src / "a.txt").rename(src / "c.txt")
    (out / "a.json").unlink()  # a sync that removes the outputs of inputs gone
    err = khabar("clean", src, "-o", out, "--incremental", "--dedupe", "-v").stderr.decode()
    assert "duplicate of" not in err and " 1 cleaned" in err
    assert json.loads((out / "c.json").read_text("utf-8"))["path"] == str(src / "c.txt")


def test_a_duplicate_is_skipped_unread_while_it_and_its_first_stand(tmp_path):
    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    for name in ("a.txt", "b.txt", "c.txt"):
        shutil.copy(SEED, src / name)
    first = khabar("clean", src, "-o", out, "--incremental", "--dedupe", "-v").stderr.decode()
    assert " 1 cleaned" in first and "2 duplicates" in first
    again = khabar("clean", src, "-o", out, "--incremental", "--dedupe", "-v").stderr.decode()
    assert "duplicate of" not in again and " 0 cleaned" in again and "3 skipped" in again
    # The first changes to another article: its copies are read again, and one takes its place.
    (src / "a.txt").write_bytes(SEED.read_bytes().replace(b"2855", b"9999").replace("کارگر".encode(), b"x"))
    changed = khabar("clean", src, "-o", out, "--incremental", "--dedupe", "-v").stderr.decode()
    assert " 2 cleaned" in changed and "c.txt: duplicate of " + str(src / "b.txt") in changed
    assert sorted(outputs(out)) == ["a.json", "b.json"]


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

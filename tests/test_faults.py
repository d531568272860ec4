"""Faults outside the page, as a cron job meets them: a folder named khabar, a full
disk, an output name of 255 bytes, a standard output that takes nothing, a hang-up,
kills at random. Each is contained to what it concerns; no traceback, no stuck run."""

import json
import os
import pty
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests import faults
from tests.conftest import SEED

KHABAR = str(Path(sys.executable).parent / "khabar")
ROOT = Path(__file__).resolve().parents[1]


def khabar(*args, **kw):
    return subprocess.run([KHABAR, *map(str, args)], capture_output=True, timeout=300, **kw)


def outputs(folder: Path) -> dict[str, bytes]:
    return faults.files(folder)


def _on_a_terminal(args: list[str], cwd: Path) -> tuple[int, str]:
    """khabar with its standard error on a terminal (a progress bar, and so a thread)."""
    master, slave = pty.openpty()
    proc = subprocess.Popen([KHABAR, *map(str, args)], cwd=cwd, stdin=subprocess.DEVNULL,
                            stdout=subprocess.DEVNULL, stderr=slave)
    os.close(slave)
    shown = []
    while True:
        try:
            chunk = os.read(master, 1 << 16)
        except OSError:  # EIO: every process holding the terminal has ended
            break
        if not chunk:
            break
        shown.append(chunk)
    os.close(master)
    return proc.wait(timeout=60), b"".join(shown).decode(errors="replace")


# --- 1. workers import khabar as the main process did ------------------------

def test_workers_import_khabar_as_the_main_process_did_whatever_folder_named_khabar_is_here(tmp_path):
    faults.make_pages(tmp_path / "pages", 64)
    here = tmp_path / "here"
    (here / "khabar").mkdir(parents=True)  # empty: enough to shadow the package in a fresh process
    status, shown = _on_a_terminal(["clean", tmp_path / "pages", "-o", tmp_path / "out", "--jobs", "2"], here)
    assert status == 0, shown[-3000:]
    assert "died" not in shown and "ImportError" not in shown
    assert len(list((tmp_path / "out").rglob("*.json"))) == 64


def test_workers_that_cannot_start_are_reported_as_such_and_this_process_cleans_the_rest(tmp_path):
    script = tmp_path / "run.py"
    script.write_text(f"""
import json, os, sys, threading
sys.path.insert(0, {str(ROOT)!r})
from khabar.cli.options import RunOptions
from khabar.cli.pool import LocalPool
from khabar.core.pipeline import Config
from tests.helpers import slow_square_and_pid
if __name__ == '__main__':
    threading.Thread(target=threading.Event().wait, daemon=True).start()  # workers come from a fork server
    said = []
    # The workers load the rules when they start (this process never does): they cannot.
    options = RunOptions(config=Config(rules=("/no/such/rules.toml",)))
    executor = LocalPool(2, options, work_here=False, report=said.append)
    out = list(executor.map(slow_square_and_pid, [(x,) for x in range(40)]))
    executor.close()
    print(json.dumps([[v for v, _ in out] == [x * x for x in range(40)], {{p for _, p in out}} == {{os.getpid()}}, said]))
""", encoding="utf-8")
    proc = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr[-2000:]
    in_order, all_here, said = json.loads(proc.stdout)
    assert in_order and all_here
    assert said == ["khabar's worker processes fail to start (their error is above); "
                    "this process cleans the rest alone"]
    assert "out of memory" not in proc.stderr


# --- 7. a full disk, a log that cannot be written ----------------------------

def test_a_log_file_that_cannot_be_written_is_named_and_the_run_finishes_with_its_summary(tmp_path):
    faults.make_pages(tmp_path / "pages", 40)
    proc = khabar("clean", tmp_path / "pages", "-o", tmp_path / "out", "--jobs", "2", "--log-file", "/dev/full")
    err = proc.stderr.decode()
    assert proc.returncode == 1, err[-2000:]
    assert "Traceback" not in err
    assert "Error: /dev/full: cannot write the log: No space left on device" in err
    assert err.rstrip().splitlines()[-2].startswith("Error: /dev/full: ")  # how many lines it lost
    assert err.rstrip().splitlines()[-1].startswith("khabar: 40 cleaned, 0 failed")
    assert len(list((tmp_path / "out").rglob("*.json"))) == 40


def test_the_log_records_errors_warnings_and_the_summary_even_with_quiet_and_each_file_with_verbose(tmp_path):
    src = tmp_path / "pages"
    src.mkdir()
    shutil.copy(SEED, src / "good.txt")
    (src / "bad.txt").write_bytes(b"\x00\x01binary\x00")
    (src / "empty.txt").write_bytes(b"")
    quiet, verbose = tmp_path / "quiet.log", tmp_path / "verbose.log"
    proc = khabar("clean", src, "-o", tmp_path / "out", "-q", "--log-file", quiet)
    assert proc.returncode == 1 and proc.stderr.decode().startswith("Error: ")
    logged = [line.split(" ", 1)[1] for line in quiet.read_text(encoding="utf-8").splitlines()]
    assert [line.split(":")[0] for line in logged] == ["Error", "Warning", "khabar"]
    khabar("clean", src, "-o", tmp_path / "out2", "-v", "--log-file", verbose)
    assert f"{src / 'good.txt'} -> " in verbose.read_text(encoding="utf-8")


def test_a_state_that_cannot_be_written_is_named_the_run_ends_with_its_summary_and_the_next_finishes(tmp_path):
    faults.make_pages(tmp_path / "pages", 300)
    # SQLite's own "database or disk is full", from a database that may not grow (a full disk, in short).
    small_state = ("import sqlite3, sys\n"
                   "connect = sqlite3.connect\n"
                   "def small(*args, **kwargs):\n"
                   "    db = connect(*args, **kwargs)\n"
                   "    db.execute('PRAGMA max_page_count = 10')\n"
                   "    return db\n"
                   "sqlite3.connect = small\n"
                   "from khabar.cli.app import main\n"
                   "sys.argv[0] = 'khabar'\n"
                   "main()\n")
    out = tmp_path / "out"
    command = ["clean", tmp_path / "pages", "-o", out, "--incremental", "--jobs", "2"]
    full = subprocess.run([sys.executable, "-c", small_state, *map(str, command)], cwd=tmp_path,
                          capture_output=True, timeout=300)
    err = full.stderr.decode()
    assert full.returncode == 1, err[-2000:]
    assert "Traceback" not in err
    assert f"Error: {out / '.khabar' / 'state.sqlite'}: cannot record what this run did: database or disk is full" in err
    assert err.rstrip().splitlines()[-1].startswith("khabar: 300 cleaned, 0 failed")
    rest = khabar(*command, "-v")
    assert rest.returncode == 0, rest.stderr.decode()[-2000:]
    assert " 0 cleaned" not in rest.stderr.decode()  # what was not recorded is done again
    khabar(*command[:3], tmp_path / "reference", *command[4:])
    assert outputs(out) == outputs(tmp_path / "reference")


def _in_a_mount_namespace(script: str, cwd: Path) -> subprocess.CompletedProcess:
    """Run a shell script where it may mount (a namespace of its own: the mount goes with it)."""
    if shutil.which("unshare") is None:
        pytest.skip("unshare (util-linux) is not installed: no small file system to fill")
    namespace = ["unshare", "--mount"] if os.geteuid() == 0 else ["unshare", "--user", "--map-root-user", "--mount"]
    probe = subprocess.run([*namespace, "true"], capture_output=True)
    if probe.returncode != 0:
        pytest.skip(f"cannot make a mount namespace here: {probe.stderr.decode().strip()}")
    return subprocess.run([*namespace, "bash", "-c", script], cwd=cwd, capture_output=True, timeout=300)


def test_a_full_disk_ends_with_the_summary_each_lost_write_named_and_the_next_run_finishes(tmp_path):
    faults.make_pages(tmp_path / "pages", 600)
    disk = tmp_path / "disk"
    disk.mkdir()
    run = f"'{KHABAR}' clean '{tmp_path / 'pages'}' -o '{disk / 'out'}' --incremental --jobs 2"
    proc = _in_a_mount_namespace(f"""
        set -e
        mount -t tmpfs -o size=600k tmpfs '{disk}'
        set +e
        {run} 2> first.err; echo $? > first.status
        mount -o remount,size=64m '{disk}'
        {run} 2> second.err; echo $? > second.status
        cp -a '{disk / 'out'}' after
    """, tmp_path)
    assert proc.returncode == 0, proc.stderr.decode()[-2000:]
    first = (tmp_path / "first.err").read_text(encoding="utf-8")
    assert (tmp_path / "first.status").read_text().strip() == "1", first[-2000:]
    assert "Traceback" not in first
    assert f"Error: {disk / 'out'}/" in first and ": cannot write: No space left on device" in first
    assert f"Error: {disk / 'out' / '.khabar' / 'state.sqlite'}: cannot record what this run did" in first
    assert first.rstrip().splitlines()[-1].startswith("khabar: ")
    assert (tmp_path / "second.status").read_text().strip() == "0", (tmp_path / "second.err").read_text()
    khabar("clean", tmp_path / "pages", "-o", tmp_path / "reference", "--incremental", "--jobs", "2")
    assert outputs(tmp_path / "after") == outputs(tmp_path / "reference")


# --- 8. long output names ----------------------------------------------------

def test_an_output_name_of_255_bytes_is_written_and_temporaries_left_by_a_killed_run_are_removed(tmp_path):
    src, out = tmp_path / "pages", tmp_path / "out"
    src.mkdir()
    stem = "خبر" * 41 + "abcd"  # 250 bytes: the output's name, with .json, is 255
    shutil.copy(SEED, src / f"{stem}.txt")
    out.mkdir()
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True,
                          text=True).stdout.strip()
    (out / f".khabar-{dead}-0.tmp").write_text("half an output", encoding="utf-8")
    proc = khabar("clean", src, "-o", out)
    assert proc.returncode == 0, proc.stderr.decode()
    assert sorted(p.name for p in out.iterdir() if p.name != ".khabar") == [f"{stem}.json"]
    assert len(f"{stem}.json".encode()) == 255


# --- 9. standard output that takes nothing -----------------------------------

@pytest.mark.parametrize("redirect, reason", [(">/dev/full", "standard output: cannot write: No space left on device"),
                                              (">&-", "standard output is closed")])
@pytest.mark.parametrize("command", [f"clean '{SEED}'", f"normalize '{SEED}'", "date", f"explain '{SEED}'",
                                     "--help", "--version", "clean --help"])
def test_standard_output_that_takes_nothing_is_one_error_line_and_exit_1(command, redirect, reason):
    proc = subprocess.run(["bash", "-c", f"'{KHABAR}' {command} {redirect}"], input="۱ شهریور ۱۴۰۱\n".encode(),
                          capture_output=True, timeout=120)
    err = proc.stderr.decode()
    assert proc.returncode == 1, err
    assert err.startswith(f"Error: {reason}") and "Traceback" not in err
    assert len(err.splitlines()) == (2 if command.startswith("clean '") else 1)  # clean adds its summary


# --- 13. spools of killed runs, a hang-up ------------------------------------

def test_spool_folders_of_dead_runs_are_removed_whatever_their_age_and_others_kept():
    from khabar.cli import spool

    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True,
                          text=True).stdout.strip()
    base = Path(spool.spool_base())
    left = base / f"{spool.SPOOL_PREFIX}{dead}-test"  # a run killed a moment ago
    live = base / f"{spool.SPOOL_PREFIX}{os.getpid()}-test"
    held = base / f"{spool.SPOOL_PREFIX}{dead}-held"  # a live run in another PID namespace holds its lock
    for folder in (left, live, held):
        folder.mkdir()
    holder = subprocess.Popen([sys.executable, "-c", "import fcntl, os, sys; fd = os.open(sys.argv[1], os.O_RDONLY); "
                               "fcntl.flock(fd, fcntl.LOCK_EX); print(flush=True); sys.stdin.read()", str(held)],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    try:
        holder.stdout.readline()
        made, lock = spool.make_spool()
        assert not left.exists() and live.exists() and held.exists() and Path(made).is_dir()
        os.close(lock)
        Path(made).rmdir()
    finally:
        holder.communicate(b"")
        for folder in (left, live, held):
            shutil.rmtree(folder, ignore_errors=True)


def test_a_hang_up_stops_the_run_with_its_summary_and_status_129(tmp_path):
    faults.make_pages(tmp_path / "pages", 600)
    out = tmp_path / "out"
    run = subprocess.Popen([KHABAR, "clean", str(tmp_path / "pages"), "-o", str(out), "--incremental", "--jobs", "2"],
                           stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and len(list(out.rglob("*.json"))) < 20:
        time.sleep(0.02)
    run.send_signal(signal.SIGHUP)
    _, err = run.communicate(timeout=60)
    assert run.returncode == 129, err.decode()[-2000:]
    assert "stopped by SIGHUP" in err.decode()
    rest = khabar("clean", tmp_path / "pages", "-o", out, "--incremental")
    assert rest.returncode == 0 and len(list(out.rglob("*.json"))) == 600


# --- the fault-injection script ----------------------------------------------

def test_killing_the_main_process_and_workers_at_random_then_rerunning_gives_a_clean_runs_bytes(tmp_path):
    problems = faults.check(pages=2000, kills=5, seed=3, work=tmp_path, say=lambda message: None)
    assert problems == []

"""The installed command over folders, in pipes and from cron: real processes, real signals."""

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import SEED, SEEDS

KHABAR = str(Path(sys.executable).parent / "khabar")
DEV = Path(__file__).resolve().parents[2] / "shared" / "cases" / "dev" / "raw"


def khabar(*args, input=None, **kw):
    return subprocess.run([KHABAR, *map(str, args)], input=input, capture_output=True, timeout=300, **kw)


@pytest.fixture
def pages(tmp_path):
    """A small scraped tree: two sites, the samples copied under each."""
    root = tmp_path / "pages"
    for site in ("site-a", "site-b/2022"):
        (root / site).mkdir(parents=True)
        for sample in SEEDS.glob("*.txt"):
            (root / site / sample.name).write_bytes(sample.read_bytes())
    (root / "site-a" / "notes.md").write_text("not a page", encoding="utf-8")
    return root


def outputs(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and ".khabar" not in p.parts}


def test_output_mirrors_the_tree_and_takes_only_included_files(pages, tmp_path):
    out = tmp_path / "out"
    proc = khabar("clean", pages, "-o", out, "--quiet")
    assert proc.returncode == 0 and proc.stdout == b"" and proc.stderr == b""
    names = sorted(outputs(out))
    assert "site-a/000_7619606070423613.json" in names and "site-b/2022/seedstyle_utf16.json" in names
    assert not any(n.endswith("notes.json") for n in names)
    assert len(names) == 2 * len(list(SEEDS.glob("*.txt")))


def test_with_one_job_each_page_is_read_once_though_its_folder_was_learnt_first(tmp_path, monkeypatch):
    from collections import Counter

    from typer.testing import CliRunner

    from khabar.cli import worker
    from khabar.cli.app import app
    from khabar.core import folder as core_folder

    folder = tmp_path / "site"
    folder.mkdir()
    # The shared dev cases where they are beside the repository, else the samples
    pages = sorted((DEV if DEV.is_dir() else SEEDS).glob("*.txt"))[:8]
    assert len(pages) >= 3  # enough for a folder to be learnt
    for i, page in enumerate(pages):
        (folder / f"{i}.txt").write_bytes(page.read_bytes())
    reads, read = Counter(), core_folder.read_file
    monkeypatch.setattr(core_folder, "read_file", lambda path, limit: (reads.update([path]), read(path, limit))[1])
    result = CliRunner().invoke(app, ["clean", str(folder), "-o", str(tmp_path / "out"), "--jobs", "1", "-q"])
    assert result.exit_code == 0, result.output
    assert len(reads) == len(pages) and set(reads.values()) == {1}
    # The same outputs as when every page is read again to be cleaned (nothing kept).
    monkeypatch.setattr(worker, "LEARNT_MAX_BYTES", 0)
    result = CliRunner().invoke(app, ["clean", str(folder), "-o", str(tmp_path / "again"), "--jobs", "1", "-q"])
    assert result.exit_code == 0 and set(reads.values()) == {3}
    assert outputs(tmp_path / "out") == outputs(tmp_path / "again")


def test_exclude_leaves_files_out(pages, tmp_path):
    proc = khabar("clean", pages, "--exclude", "*utf16*", "--exclude", "site-b/*")
    paths = [json.loads(line)["path"] for line in proc.stdout.decode().splitlines()]
    assert paths and all("utf16" not in p and "site-b" not in p for p in paths)


def test_parallel_runs_give_the_same_bytes_as_one_job(pages, tmp_path):
    khabar("clean", pages, "-o", tmp_path / "one", "--jobs", "1", "-q")
    khabar("clean", pages, "-o", tmp_path / "two", "--jobs", "2", "-q")
    assert outputs(tmp_path / "one") == outputs(tmp_path / "two")


def test_files_from_a_nul_separated_list_as_find_print0_gives(pages, tmp_path):
    listing = subprocess.run(["find", str(pages), "-name", "*.txt", "-print0"], capture_output=True).stdout
    proc = khabar("clean", "--files-from", "-", "-0", "-o", tmp_path / "out", "-q", input=listing)
    assert proc.returncode == 0, proc.stderr
    assert len(outputs(tmp_path / "out")) == listing.count(b"\0")


def test_jsonl_output_feeds_a_pipe_and_a_reader_that_leaves_early_is_no_error(pages):
    proc = subprocess.run(f"'{KHABAR}' clean --format jsonl '{pages}' | head -n 1", shell=True,
                          capture_output=True, timeout=120)
    assert proc.returncode == 0 and b"Traceback" not in proc.stderr
    assert json.loads(proc.stdout)["path"].endswith(".txt")


def test_a_second_run_on_the_same_output_folder_is_refused_with_its_own_exit_code(pages, tmp_path):
    out = tmp_path / "out"
    (out / ".khabar").mkdir(parents=True)
    holder = subprocess.Popen([sys.executable, "-c", (
        "import fcntl, os, sys, time\n"
        f"fd = os.open({str(out / '.khabar' / 'lock')!r}, os.O_RDWR | os.O_CREAT)\n"
        "fcntl.flock(fd, fcntl.LOCK_EX); os.write(fd, b'4242'); print('held', flush=True); time.sleep(60)")],
        stdout=subprocess.PIPE)
    try:
        assert holder.stdout.readline() == b"held\n"
        proc = khabar("clean", pages, "-o", out)
        assert proc.returncode == 75
        assert "another khabar run (pid 4242) is writing to this folder" in proc.stderr.decode()
    finally:
        holder.kill()
        holder.wait()


def test_incremental_rerun_skips_what_did_not_change_and_redoes_what_did(pages, tmp_path):
    out = tmp_path / "out"
    first = khabar("clean", pages, "-o", out, "--incremental", "-v")
    assert first.returncode == 0
    again = khabar("clean", pages, "-o", out, "--incremental", "-v")
    assert "0 cleaned" in again.stderr.decode() and f"{len(outputs(out))} skipped" in again.stderr.decode()
    page = pages / "site-a" / SEED.name
    os.utime(page)  # touched, not changed: still skipped
    assert "0 cleaned" in khabar("clean", pages, "-o", out, "--incremental", "-v").stderr.decode()
    page.write_bytes(page.read_bytes().replace("کارگر".encode(), "کارگرها".encode()))
    changed = khabar("clean", pages, "-o", out, "--incremental", "-v").stderr.decode()
    assert "1 cleaned" in changed


def test_a_broken_state_file_is_started_afresh_and_the_run_redoes_everything(pages, tmp_path):
    out = tmp_path / "out"
    assert khabar("clean", pages, "-o", out, "--incremental").returncode == 0
    state = out / ".khabar" / "state.sqlite"
    for name in (state, Path(f"{state}-wal"), Path(f"{state}-shm")):
        if name.exists():
            name.write_bytes(b"not a database " * 100)
    again = khabar("clean", pages, "-o", out, "--incremental", "-v")
    assert again.returncode == 0
    assert f"{len(outputs(out))} cleaned" in again.stderr.decode()


def test_incremental_needs_an_output_folder(pages):
    assert khabar("clean", pages, "--incremental").returncode == 2


@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGINT, signal.SIGHUP])
def test_a_stopped_run_leaves_no_half_written_file_and_the_next_run_finishes(tmp_path, stop):
    src = tmp_path / "many"
    src.mkdir()
    for i in range(300):
        (src / f"{i:04}.txt").write_bytes(SEED.read_bytes().replace(b"2855", str(10000 + i).encode()))
    out = tmp_path / "out"
    run = subprocess.Popen([KHABAR, "clean", str(src), "-o", str(out), "--incremental", "--jobs", "2"],
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and len(list(out.glob("*.json"))) < 20:
        time.sleep(0.05)
    run.send_signal(stop)
    _, err = run.communicate(timeout=60)
    assert run.returncode == 128 + stop  # 143 for SIGTERM, 130 for SIGINT (Ctrl-C), 129 for SIGHUP
    assert f"stopped by {stop.name}" in err.decode()
    assert not list(out.glob(".*.tmp"))
    for written in out.glob("*.json"):
        json.loads(written.read_text(encoding="utf-8"))  # every file whole
    rest = khabar("clean", src, "-o", out, "--incremental", "-v")
    assert rest.returncode == 0
    assert len(list(out.glob("*.json"))) == 300
    assert "skipped (unchanged)" in rest.stderr.decode() and " 0 skipped" not in rest.stderr.decode()


def test_the_same_article_twice_is_marked_or_skipped(tmp_path):
    src = tmp_path / "site"
    src.mkdir()
    for name in ("a.txt", "b.txt"):
        (src / name).write_bytes(SEED.read_bytes())
    marked = [json.loads(line) for line in khabar("clean", src).stdout.decode().splitlines()]
    assert "duplicate_of" not in marked[0] and marked[1]["duplicate_of"] == str(src / "a.txt")
    deduped = khabar("clean", src, "--dedupe", "-v")
    assert len(deduped.stdout.decode().splitlines()) == 1
    assert "1 duplicates" in deduped.stderr.decode()


def test_nothing_but_errors_on_standard_error_when_all_is_well_and_a_log_when_asked(pages, tmp_path):
    log = tmp_path / "run.log"
    proc = khabar("clean", pages / "site-a", "--log-file", log)
    assert proc.returncode == 0 and proc.stderr == b""
    assert "cleaned, 0 failed" in log.read_text(encoding="utf-8")


def test_a_failure_is_named_and_summarised_but_the_rest_is_cleaned(pages, tmp_path):
    (pages / "site-a" / "broken.txt").write_bytes(b"\x00\x01\x02binary\x00" * 50)
    proc = khabar("clean", pages / "site-a", "-o", tmp_path / "out")
    assert proc.returncode == 1
    err = proc.stderr.decode()
    assert f"Error: {pages / 'site-a' / 'broken.txt'}: binary data" in err
    assert "1 failed" in err
    assert len(outputs(tmp_path / "out")) == len(list(SEEDS.glob("*.txt")))


def test_files_over_the_size_limit_are_refused(pages):
    proc = khabar("clean", pages / "site-a", "--max-bytes", "3000")
    assert proc.returncode == 1 and "(--max-bytes); skipped" in proc.stderr.decode()


def test_the_dev_pages_clean_the_same_with_one_job_and_two(tmp_path):
    pages = DEV if DEV.is_dir() else SEEDS  # the shared dev cases where they are beside the repository
    one = khabar("clean", "--format", "jsonl", "--jobs", "1", pages).stdout
    two = khabar("clean", "--format", "jsonl", "--jobs", "2", pages).stdout
    assert one == two and len(one.splitlines()) == len(list(pages.glob("*.txt")))


def test_relative_dates_count_against_each_files_modification_time_when_asked(tmp_path):
    page = tmp_path / "page.txt"
    text = SEED.read_text(encoding="utf-8").replace("سهشنبه، 01 شهریور 1401 - 13:56 ", "")
    page.write_text(text.replace("image", "دیروز"), encoding="utf-8")  # the date line: "yesterday"
    os.utime(page, (1700000000, 1700000000))  # 2023-11-15 01:43 Tehran
    assert json.loads(khabar("clean", page).stdout)["published"] is None
    assert json.loads(khabar("clean", page, "--reference", "mtime").stdout)["published"] == "2023-11-14"
    assert json.loads(khabar("clean", page, "--reference", "2024-03-05").stdout)["published"] == "2024-03-04"


def _children(pid: int) -> list[int]:
    try:
        return [int(c) for c in open(f"/proc/{pid}/task/{pid}/children").read().split()]
    except OSError:
        return []


def _descendants(pid: int) -> list[int]:
    found, stack = [], [pid]
    while stack:
        children = _children(stack.pop())
        found += children
        stack += children
    return found


def _workers(pid: int) -> list[int]:
    """The run's worker processes: forked from it, or from its fork server."""
    def helper(p: int) -> bool:
        try:
            cmdline = open(f"/proc/{p}/cmdline", "rb").read()
        except OSError:
            return True
        return b"forkserver" in cmdline or b"resource_tracker" in cmdline

    return [p for p in _descendants(pid) if not helper(p)]


def _two_job_run_under_way(tmp_path):
    """A --jobs 2 run over 2000 pages, once 20 outputs exist: (source, output, run, its workers)."""
    src = tmp_path / "many"
    src.mkdir()
    # Enough pages that the run is still going when it is interfered with (copies of one
    # page clean fast: khabar remembers the lines it has seen).
    for i in range(2000):
        (src / f"{i:04}.txt").write_bytes(SEED.read_bytes().replace(b"2855", str(20000 + i).encode()))
    out = tmp_path / "out"
    run = subprocess.Popen([KHABAR, "clean", str(src), "-o", str(out), "--jobs", "2"],
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    workers = []
    while time.monotonic() < deadline and not workers:
        time.sleep(0.02)
        if len(list(out.glob("*.json"))) >= 20:
            workers = _workers(run.pid)
    assert workers, "the run ended before it could be interfered with"
    return src, out, run, workers


def test_a_worker_killed_mid_run_costs_nothing_and_the_run_ends(tmp_path):
    _, out, run, workers = _two_job_run_under_way(tmp_path)
    os.kill(workers[0], signal.SIGKILL)
    _, err = run.communicate(timeout=120)
    assert run.returncode == 0, err.decode()[-2000:]
    assert len(list(out.glob("*.json"))) == 2000


def test_ctrl_c_while_reading_standard_input_ends_the_run_at_once():
    run = subprocess.Popen(f"sleep 20 | '{KHABAR}' clean -", shell=True, stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, start_new_session=True)
    time.sleep(1.5)
    khabar_pid = [p for p in _descendants(run.pid) if b"khabar" in open(f"/proc/{p}/cmdline", "rb").read()][0]
    started = time.monotonic()
    os.kill(khabar_pid, signal.SIGINT)
    while time.monotonic() - started < 10:
        try:
            os.kill(khabar_pid, 0)
        except ProcessLookupError:
            break
        time.sleep(0.05)
    assert time.monotonic() - started < 5
    os.killpg(run.pid, signal.SIGKILL)
    run.communicate()


def test_two_inputs_that_would_write_one_output_are_not_both_written(tmp_path):
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "x.txt").write_bytes(SEED.read_bytes())
    proc = khabar("clean", tmp_path / "a" / "x.txt", tmp_path / "b" / "x.txt", "-o", tmp_path / "out")
    assert proc.returncode == 1
    assert f"{tmp_path / 'b' / 'x.txt'}: its output {tmp_path / 'out' / 'x.json'} is {tmp_path / 'a' / 'x.txt'}'s" \
        in proc.stderr.decode()


def test_outputs_get_the_usual_file_mode(tmp_path):
    khabar("clean", SEED, "-o", tmp_path / "out")
    mode = (tmp_path / "out" / (SEED.stem + ".json")).stat().st_mode & 0o777
    umask = os.umask(0)
    os.umask(umask)
    assert mode == 0o666 & ~umask


def test_duplicates_span_runs_only_with_incremental(tmp_path):
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / f"{folder}.txt").write_bytes(SEED.read_bytes())
    out = tmp_path / "out"
    khabar("clean", tmp_path / "a", "-o", out)
    assert "0 duplicates" in khabar("clean", tmp_path / "b", "-o", out, "-v").stderr.decode()
    kept = tmp_path / "kept"
    khabar("clean", tmp_path / "a", "-o", kept, "--incremental")
    assert "1 duplicates" in khabar("clean", tmp_path / "b", "-o", kept, "--incremental", "-v").stderr.decode()


def test_changing_a_rules_file_redoes_an_incremental_run(tmp_path):
    rules = tmp_path / "rules.toml"
    rules.write_text('[[rule]]\nname = "x"\nphrases = ["نمی‌آید"]\n', encoding="utf-8")
    out = tmp_path / "out"
    khabar("clean", SEEDS, "-o", out, "--incremental", "--rules", rules)
    assert " 0 cleaned" in khabar("clean", SEEDS, "-o", out, "--incremental", "--rules", rules, "-v").stderr.decode()
    rules.write_text('[[rule]]\nname = "x"\nphrases = ["نمی‌آید", "هرگز"]\n', encoding="utf-8")
    assert " 0 cleaned" not in khabar("clean", SEEDS, "-o", out, "--incremental", "--rules", rules, "-v").stderr.decode()


def _executor_run(tmp_path, helper: str, body: str) -> str:
    """Run ``body`` (which has an ``Executor`` and ``tests.helpers.<helper>``) as a
    script of its own: worker processes must not be forked from pytest."""
    script = tmp_path / "run.py"
    script.write_text(
        "import os, sys\n"
        f"sys.path.insert(0, {str(Path(__file__).resolve().parents[1])!r})\n"
        "from khabar.cli.options import RunOptions\n"
        "from khabar.cli.pool import LocalPool as Executor\n"
        "from khabar.core.pipeline import Config\n"
        f"from tests.helpers import {helper}\n"
        "if __name__ == '__main__':\n" + "".join(f"    {line}\n" for line in body.splitlines()), encoding="utf-8")
    proc = subprocess.run([sys.executable, str(script)], capture_output=True, timeout=120, text=True)
    assert proc.returncode == 0, proc.stderr[-2000:]
    return proc.stdout


def test_a_task_that_kills_its_worker_twice_gets_the_fallback_and_the_others_finish(tmp_path):
    out = _executor_run(tmp_path, "double_or_die", """
executor = Executor(2, RunOptions(config=Config()), work_here=False)
out = list(executor.map(double_or_die, [(x, 5) for x in range(12)], fallback=lambda a: 'died'))
executor.close()
print(out)""")
    assert out.strip() == str([0, 2, 4, 6, 8, "died", 12, 14, 16, 18, 20, 22])


def test_the_main_process_is_one_of_the_jobs_and_results_stay_in_order(tmp_path):
    out = _executor_run(tmp_path, "slow_square_and_pid", """
executor = Executor(2, RunOptions(config=Config()))
out = list(executor.map(slow_square_and_pid, [(x,) for x in range(40)]))
executor.close()
print([v for v, _ in out] == [x * x for x in range(40)], sum(p == os.getpid() for _, p in out), len({p for _, p in out}))""")
    in_order, here, processes = out.split()
    assert in_order == "True" and int(here) > 0 and processes == "2"  # this process and one worker


def test_a_run_killed_outright_leaves_no_worker_and_no_lock_behind(tmp_path):
    src, out, run, workers = _two_job_run_under_way(tmp_path)
    run.kill()
    run.communicate(timeout=60)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and any(Path(f"/proc/{w}").exists() for w in workers):
        time.sleep(0.05)
    assert not any(Path(f"/proc/{w}").exists() and b"khabar" in Path(f"/proc/{w}/cmdline").read_bytes()
                   for w in workers)
    again = khabar("clean", src, "-o", out, "--jobs", "2")
    assert again.returncode == 0, again.stderr.decode()[-1000:]
    assert not list(Path("/dev/shm").glob(f"khabar-spool-{run.pid}-*"))  # the killed run's, removed by the next


def test_an_output_takes_the_format_suffix_in_place_of_the_last_one_as_pathlib_would():
    from pathlib import PurePosixPath

    from khabar.cli.runner import with_suffix

    for relative in ("a.txt", "site/2024/page.txt", "page", "dir.v2/page", "a.tar.gz", ".hidden", "dir/.hidden",
                     "a.", "x/y.z/w.html", "خبر.txt"):
        assert with_suffix(relative, ".json") == str(PurePosixPath(relative).with_suffix(".json")), relative


def test_a_listed_path_is_mirrored_below_the_output_without_its_root_or_dots():
    from khabar.core.inputs import relative_to_anchor as _relative_to_anchor

    assert _relative_to_anchor("/data/news/a.txt") == "data/news/a.txt"
    assert _relative_to_anchor("../x/./b.txt") == "x/b.txt"
    assert _relative_to_anchor("c.txt") == "c.txt"
    assert _relative_to_anchor("/") == "stdin"

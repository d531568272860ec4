"""The same cleaning on a Dask cluster and with fsspec URLs: the same bytes as a plain run."""

import json
import os
import subprocess
import sys
from pathlib import Path

import fsspec
import pytest
from typer.testing import CliRunner

from khabar.cli.app import app
from tests.conftest import SEEDS

KHABAR = str(Path(sys.executable).parent / "khabar")
DEV = Path(__file__).resolve().parents[2] / "shared" / "cases" / "dev" / "raw"
PAGES = DEV if DEV.is_dir() else SEEDS


def files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and ".khabar" not in p.parts}


def test_a_local_dask_cluster_of_two_workers_writes_the_same_bytes_as_a_plain_run(tmp_path):
    plain = subprocess.run([KHABAR, "clean", str(PAGES), "-o", str(tmp_path / "plain"), "-q"],
                           capture_output=True, timeout=300)
    dask = subprocess.run([KHABAR, "clean", str(PAGES), "-o", str(tmp_path / "dask"), "-q", "--cluster", "local:2"],
                          capture_output=True, timeout=600)
    assert plain.returncode == dask.returncode == 0, dask.stderr.decode()[-2000:]
    assert files(tmp_path / "plain") == files(tmp_path / "dask")
    assert len(files(tmp_path / "dask")) == len(list(PAGES.glob("*.txt")))


def test_json_lines_from_the_cluster_come_in_input_order(tmp_path):
    plain = subprocess.run([KHABAR, "clean", "--format", "jsonl", str(PAGES)], capture_output=True, timeout=300)
    dask = subprocess.run([KHABAR, "clean", "--format", "jsonl", str(PAGES), "--cluster", "local:2"],
                          capture_output=True, timeout=600)
    assert dask.stdout == plain.stdout


def test_memory_urls_in_and_out_give_the_same_articles():
    memory = fsspec.filesystem("memory")
    for page in sorted(SEEDS.glob("*.txt")):
        memory.pipe_file(f"/in/site/{page.name}", page.read_bytes())
    result = CliRunner().invoke(app, ["clean", "memory://in", "-o", "memory://out", "--jobs", "1"])
    assert result.exit_code == 0, result.stderr
    for page in sorted(SEEDS.glob("*.txt")):
        written = json.loads(memory.cat_file(f"/out/site/{page.stem}.json"))
        plain = json.loads(CliRunner().invoke(app, ["clean", str(page)]).stdout)
        assert {k: v for k, v in written.items() if k != "path"} == {k: v for k, v in plain.items() if k != "path"}
        assert written["path"] == f"memory://in/site/{page.name}"


def test_a_file_url_reads_and_writes_like_a_path(tmp_path):
    result = CliRunner().invoke(app, ["clean", f"file://{SEEDS}", "-o", f"file://{tmp_path}/out", "-q"])
    assert result.exit_code == 0, result.stderr
    assert sorted(p.name for p in (tmp_path / "out").glob("*.json")) == sorted(
        p.stem + ".json" for p in SEEDS.glob("*.txt"))


def test_incremental_needs_a_local_output_folder():
    result = CliRunner().invoke(app, ["clean", str(SEEDS), "-o", "memory://x", "--incremental"])
    assert result.exit_code == 2


def test_without_dask_the_cluster_option_says_what_to_install(tmp_path):
    # A process where "import distributed" fails, as where the extra is not installed.
    (tmp_path / "distributed.py").write_text("raise ImportError('not installed')\n")
    proc = subprocess.run([KHABAR, "clean", str(SEEDS), "--cluster", "local:2"], capture_output=True, timeout=120,
                          env={**os.environ, "PYTHONPATH": str(tmp_path)})
    assert proc.returncode == 1
    assert 'Error: --cluster needs Dask: pip install "khabar[dask]"' in proc.stderr.decode()


def test_an_unreachable_scheduler_is_named():
    proc = subprocess.run([KHABAR, "clean", str(SEEDS), "--cluster", "tcp://127.0.0.1:1"], capture_output=True,
                          timeout=120)
    assert proc.returncode == 1 and "--cluster tcp://127.0.0.1:1: cannot reach the scheduler" in proc.stderr.decode()


@pytest.mark.parametrize("address", ["local:x", "local:0", "nonsense"])
def test_a_bad_cluster_address_is_named(address):
    proc = subprocess.run([KHABAR, "clean", str(SEEDS), "--cluster", address], capture_output=True, timeout=120)
    assert proc.returncode == 1 and f"--cluster {address}" in proc.stderr.decode()


def test_the_one_page_function_pickles_and_gives_the_json_fields():
    import pickle

    from khabar.core import clean_record

    fn = pickle.loads(pickle.dumps(clean_record))
    data = (SEEDS / "000_7619606070423613.txt").read_bytes()
    record = fn(data, path="seed.txt")
    assert record["news_id"] == "2855" and record["path"] == "seed.txt"
    assert fn(data.decode(), path="seed.txt")["text"] == record["text"]


DIES_ONCE = """
import os, sys
from khabar.cli.options import RunOptions
from khabar.cli.cluster import ClusterExecutor
from khabar.core.pipeline import Config

def dies_once(marker):
    if not os.path.exists(marker):
        open(marker, "w").close()
        os._exit(1)  # the worker process dies with the task in hand
    return "done"

if __name__ == "__main__":
    executor = ClusterExecutor("local:2", RunOptions(config=Config()))
    try:
        print(list(executor.map(dies_once, [(sys.argv[1],)])))
    finally:
        executor.close()
"""


def test_a_batch_whose_worker_dies_is_run_again_elsewhere(tmp_path):
    script = tmp_path / "dies_once.py"
    script.write_text(DIES_ONCE)
    proc = subprocess.run([sys.executable, str(script), str(tmp_path / "died")], capture_output=True, timeout=180,
                          cwd=tmp_path)
    assert proc.stdout.decode().strip() == "['done']", proc.stderr.decode()[-2000:]


def test_a_url_read_through_a_local_cache_leaves_no_cache_folder_behind(tmp_path):
    # fsspec removes its cache folder at interpreter exit; khabar's quick exit must
    # still run that (a cron job would pile up a copy of its inputs every run).
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    proc = subprocess.run([KHABAR, "clean", f"simplecache::file://{SEEDS}/",
                           "-o", str(tmp_path / "out"), "-q"], capture_output=True, timeout=120,
                          env={**os.environ, "TMPDIR": str(scratch)})
    assert proc.returncode == 0, proc.stderr
    assert len(list((tmp_path / "out").glob("*.json"))) == len(list(SEEDS.glob("*.txt")))
    assert list(scratch.iterdir()) == []

"""Faults a cron job meets outside the page: a file name, the state file, renamed
inputs, an output folder among the inputs. Each stays with what it concerns."""

import shutil

from tests.conftest import SEED
from tests.test_operations import khabar


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

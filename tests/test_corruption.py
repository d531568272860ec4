"""The corruption corpus (tests/corruption.py) through the installed command: no crash,
every file cleaned or refused with a reason."""

import json
import subprocess
import sys
from pathlib import Path

from tests.corruption import make

KHABAR = str(Path(sys.executable).parent / "khabar")


def test_every_corrupted_page_is_cleaned_or_refused_with_a_reason_and_nothing_crashes(tmp_path):
    n = make(tmp_path / "corrupt")
    proc = subprocess.run([KHABAR, "clean", "--format", "jsonl", str(tmp_path / "corrupt")],
                          capture_output=True, timeout=900)
    err = proc.stderr.decode()
    assert proc.returncode in (0, 1), err[-2000:]
    assert "Traceback" not in err and "khabar failed on this page" not in err
    cleaned = {Path(json.loads(line)["path"]).name for line in proc.stdout.decode().splitlines()}
    refused = {Path(line.split(": ", 2)[1]).name for line in err.splitlines() if line.startswith("Error: ")}
    assert not cleaned & refused
    assert len(cleaned) + len(refused) == n
    assert len(cleaned) > n // 2  # most damage is survivable

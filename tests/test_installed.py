"""The installed `khabar` command in real processes: pipes, exit codes, `python -m khabar`."""

import json
import subprocess
import sys
from pathlib import Path

from tests.conftest import SEED, SEEDS

BIN = Path(sys.executable).parent
KHABAR = str(BIN / "khabar")


def khabar(*args, input=None, cmd=None):
    return subprocess.run(cmd or [KHABAR, *args], input=input, capture_output=True, timeout=120)


def test_a_page_piped_in_comes_out_as_one_json_line():
    proc = khabar("clean", "-", input=SEED.read_bytes())
    assert proc.returncode == 0 and proc.stderr == b""
    data = json.loads(proc.stdout)
    assert data["published"] == "2022-08-23T13:56:00+04:30" and data["source"] == "خبرگزاری ایرنا"


def test_python_dash_m_khabar_runs_the_same_command():
    proc = khabar(cmd=[sys.executable, "-m", "khabar", "clean", str(SEED)])
    assert proc.returncode == 0 and json.loads(proc.stdout)["news_id"] == "2855"


def test_every_sample_page_is_cleaned_with_a_title_and_text():
    proc = khabar("clean", "--format", "jsonl", str(SEEDS))
    assert proc.returncode == 0, proc.stderr
    articles = [json.loads(line) for line in proc.stdout.decode().splitlines()]
    assert len(articles) == len(list(SEEDS.glob("*.txt"))) >= 4
    for article in articles:
        assert article["title"] and article["text"] and article["published"], article["path"]


def test_output_is_utf8_whatever_the_locale():
    proc = subprocess.run([KHABAR, "clean", str(SEED)], capture_output=True,
                          env={"LC_ALL": "C", "LANG": "C", "PATH": str(BIN)})
    assert proc.returncode == 0
    assert "زیرساخت" in proc.stdout.decode("utf-8")


def khabar_into_head(*args: str, input: bytes | None = None) -> subprocess.CompletedProcess:
    """khabar piped into `head -c 10`; the status is khabar's (pipefail)."""
    quoted = " ".join(f"'{a}'" for a in args)
    return subprocess.run(["bash", "-c", f"set -o pipefail; '{KHABAR}' {quoted} | head -c 10"],
                          input=input, capture_output=True, timeout=120)


def test_a_reader_that_leaves_early_ends_the_run_quietly_with_the_sigpipe_status():
    # More than a pipe holds (64 KiB): the output cannot all be written before head leaves.
    proc = khabar_into_head("clean", "--format", "jsonl", *[str(SEEDS)] * 12)
    assert len(proc.stdout) == 10
    # 141 = 128 + SIGPIPE, as `seq 1000000 | head` ends; no summary, no traceback
    assert proc.returncode == 141 and proc.stderr == b""


def test_normalize_ends_quietly_too_when_its_reader_leaves():
    text = SEED.read_bytes() * 2000  # more than a pipe holds
    proc = khabar_into_head("normalize", input=text)
    assert proc.returncode == 141 and proc.stderr == b"" and len(proc.stdout) == 10


def test_a_long_stream_is_written_whole_before_the_command_exits():
    # The command ends with a quick exit (no interpreter tear-down): what it wrote
    # must be flushed first.
    text = SEED.read_text(encoding="utf-8")
    lines = text.count("\n")
    proc = khabar("normalize", input=(text * 300).encode("utf-8"))
    assert proc.returncode == 0 and proc.stderr == b""
    assert proc.stdout.decode("utf-8").count("\n") == 300 * lines


def test_a_missing_file_exits_1_and_names_it():
    proc = khabar("clean", "no/such/page.txt")
    assert proc.returncode == 1
    error, summary = proc.stderr.decode().splitlines()
    assert error == "Error: no/such/page.txt: cannot read: No such file or directory"
    assert summary.startswith("khabar: 0 cleaned, 1 failed")


def test_explain_ends_quietly_too_when_its_reader_leaves(tmp_path):
    page = tmp_path / "long.txt"
    page.write_text(SEED.read_text(encoding="utf-8") * 100, encoding="utf-8")  # a table larger than a pipe holds
    proc = khabar_into_head("explain", str(page))
    assert proc.returncode == 141 and proc.stderr == b""


def test_a_closed_standard_error_is_no_error_and_a_closed_standard_output_is_one_when_written_to(tmp_path):
    # Python starts with sys.stdout or sys.stderr set to None then
    closed_err = subprocess.run(["bash", "-c", f"'{KHABAR}' normalize 2>&-"], input="سلام".encode(),
                                capture_output=True)
    assert closed_err.returncode == 0 and closed_err.stdout == "سلام".encode()
    quiet_run = subprocess.run(["bash", "-c", f"'{KHABAR}' clean '{SEEDS}' -o '{tmp_path}' 2>&-"], capture_output=True)
    assert quiet_run.returncode == 0 and len(list(tmp_path.glob("*.json"))) == len(list(SEEDS.glob("*.txt")))
    closed_out = subprocess.run(["bash", "-c", f"'{KHABAR}' --version >&-"], capture_output=True)
    assert closed_out.returncode == 1 and closed_out.stderr.decode() == "Error: standard output is closed; " \
                                                                        "nothing can be written to it\n"


def test_date_never_replaces_a_written_year_nor_reads_a_yearless_date_after_the_reference():
    # Issue 15, defect 11: 99999 is no year (was 2024-03-20); 20 Esfand read on
    # 15 Esfand 1402 is still to come, so it is 20 Esfand 1401 (was 2024-03-10);
    # 15 Bahman is behind it.
    lines = "۱ فروردین ۹۹۹۹۹\n۲۰ اسفند\n۱۵ بهمن\n۱ فروردین ۱۴۰۲\n"
    proc = khabar("date", "--reference", "2024-03-05", input=lines.encode())
    assert proc.returncode == 0
    assert proc.stdout.decode() == "\n2023-03-11\n2024-02-04\n2023-03-21\n"

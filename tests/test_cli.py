"""The command line, in-process through Typer's runner: exit codes, errors, outputs."""

import json

import pytest
from typer.testing import CliRunner

from khabar.cli.app import app
from tests.conftest import SEED, SEEDS

runner = CliRunner()


def run(*args, input=None):
    return runner.invoke(app, list(args), input=input)


def test_clean_prints_one_json_line_per_file_by_default():
    result = run("clean", str(SEED))
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert len(lines) == 1
    data = json.loads(lines[0])
    assert data["path"] == str(SEED) and data["news_id"] == "2855"


def test_a_folder_is_read_recursively_in_sorted_order():
    result = run("clean", "--format", "jsonl", str(SEEDS))
    paths = [json.loads(line)["path"] for line in result.stdout.splitlines()]
    assert paths == sorted(str(p) for p in SEEDS.rglob("*.txt"))
    assert result.exit_code == 0


def test_standard_input_is_read_with_a_dash(seed_bytes):
    result = run("clean", "-", input=seed_bytes)
    assert result.exit_code == 0 and json.loads(result.stdout)["path"] == "-"


def test_output_folder_mirrors_the_input_tree(tmp_path):
    src = tmp_path / "in"
    (src / "site" / "2022").mkdir(parents=True)
    (src / "site" / "2022" / "a.txt").write_bytes(SEED.read_bytes())
    result = run("clean", str(src), "--output", str(tmp_path / "out"), "--format", "md")
    assert result.exit_code == 0 and result.stdout == ""
    written = tmp_path / "out" / "site" / "2022" / "a.md"
    assert written.read_text(encoding="utf-8").startswith("---\n")
    assert [p.name for p in (tmp_path / "out" / "site" / "2022").iterdir()] == ["a.md"]  # no temporary left


def test_json_is_the_default_format_with_an_output_folder(tmp_path):
    run("clean", str(SEED), "-o", str(tmp_path))
    out = tmp_path / (SEED.stem + ".json")
    assert json.loads(out.read_text(encoding="utf-8"))["title"].startswith("زیرساخت")


def test_a_bad_file_is_named_the_others_are_cleaned_and_the_exit_code_is_1(tmp_path):
    (tmp_path / "good.txt").write_bytes(SEED.read_bytes())
    (tmp_path / "bad.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\x00" * 20)
    result = run("clean", str(tmp_path), str(tmp_path / "missing.txt"))
    assert result.exit_code == 1
    assert [json.loads(line)["path"] for line in result.stdout.splitlines()] == [str(tmp_path / "good.txt")]
    assert f"Error: {tmp_path / 'bad.txt'}: binary data" in result.stderr
    assert f"Error: {tmp_path / 'missing.txt'}: cannot read: No such file or directory" in result.stderr


def test_usage_errors_exit_2():
    assert run("clean", "--format", "xml", str(SEED)).exit_code == 2
    assert run("clean").exit_code == 2
    assert run("date", "--reference", "yesterday").exit_code == 2


def test_a_bad_rules_file_is_a_usage_error_named_before_any_work(tmp_path):
    rules = tmp_path / "r.toml"
    rules.write_text("[[rule]]\nkind = 'x'\n", encoding="utf-8")
    result = run("clean", "--rules", str(rules), str(SEED))
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.startswith(f"Error: {rules}: rule 1")


def test_explain_flag_adds_removed_lines_with_reasons():
    data = json.loads(run("clean", "--explain", str(SEED)).stdout)
    reasons = {item["text"]: item["reason"] for item in data["removed"]}
    assert reasons["image"] == "share-print" and reasons["آخرین اخبار"] == "related-list"
    assert {block["kind"] for block in data["blocks"]} >= {"title", "surtitle", "paragraph", "subheading"}


def test_normalize_keeps_lines_and_repairs_letters():
    result = run("normalize", input="كتاب\u00a0ها\n\nسطر دوم  اینجا\n".encode())
    assert result.exit_code == 0
    assert result.stdout.split("\n")[1:] == ["", "سطر دوم اینجا", ""]
    assert result.stdout.startswith("کتاب")


def test_no_repair_leaves_the_text_as_scraped():
    text = "كتاب\u00a0ها  و يك\n"
    assert run("normalize", "--no-repair", input=text.encode()).stdout == text


def test_date_answers_one_line_per_line_and_empty_when_unsure():
    result = run("date", "--reference", "2022-09-01", input="۱ شهریور ۱۴۰۱\nhello\n31 مهر 1401\n".encode())
    assert result.exit_code == 0
    assert result.stdout == "2022-08-23\n\n\n"


def test_explain_command_shows_each_removed_line_with_its_reason():
    result = run("explain", str(SEED))
    assert result.exit_code == 0
    assert "related-list" in result.stdout and "share-print" in result.stdout


@pytest.mark.parametrize("command", ["clean", "normalize", "date", "explain"])
def test_every_command_has_help_with_an_example(command):
    result = run(command, "--help")
    assert result.exit_code == 0 and "Example" in result.stdout


def test_the_cli_reference_in_the_docs_is_generated_from_help():
    import subprocess
    import sys
    from pathlib import Path

    script = Path(__file__).resolve().parent.parent / "scripts" / "cli_reference.py"
    proc = subprocess.run([sys.executable, str(script), "--check"], capture_output=True)
    assert proc.returncode == 0, "docs/cli.md is stale: run .venv/bin/python scripts/cli_reference.py"


def test_a_bug_on_one_page_is_reported_and_the_run_goes_on(tmp_path, monkeypatch):
    from khabar.core import folder

    real = folder.clean_bytes

    def flaky(data, *, path, **kw):
        if path.endswith("bad.txt"):
            raise RuntimeError("boom")
        return real(data, path=path, **kw)

    monkeypatch.setattr(folder, "clean_bytes", flaky)
    for name in ("a.txt", "bad.txt"):
        (tmp_path / name).write_bytes(SEED.read_bytes())
    result = run("clean", "--jobs", "1", str(tmp_path))
    assert result.exit_code == 1
    assert len(result.stdout.splitlines()) == 1
    assert "bad.txt: khabar failed on this page (RuntimeError: boom); please report it" in result.stderr

"""The public Python API (``khabar.clean``, ``khabar.clean_many``, ``Article``,
``Config``): the same articles and the same bytes as the ``khabar`` command."""

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import khabar
from tests.conftest import ROOT, SEED, SEEDS

KHABAR = str(Path(sys.executable).parent / "khabar")
DEV = ROOT.parent / "shared" / "cases" / "dev" / "raw"
# The shared dev cases where they are beside the repository, else the samples.
PAGES = DEV if DEV.is_dir() else SEEDS


def cli(*args, cwd=ROOT) -> str:
    proc = subprocess.run([KHABAR, *map(str, args)], capture_output=True, timeout=300, cwd=cwd)
    assert proc.returncode == 0, proc.stderr.decode()[-2000:]
    return proc.stdout.decode("utf-8")


def test_clean_takes_the_seed_as_bytes_or_as_text_and_gives_its_article():
    page = open(SEED, "rb").read()
    from_bytes, from_text = khabar.clean(page), khabar.clean(page.decode("utf-8"))
    assert isinstance(from_bytes, khabar.Article)
    assert from_bytes.news_id == from_text.news_id == "2855"
    assert from_bytes.published == from_text.published == "2022-08-23T13:56:00+04:30"
    assert from_bytes.title == from_text.title == "زیرساخت صدور کارت ملی ایرانیان خارج از کشور در دولت سیزدهم فراهم شد"
    assert from_bytes.text and from_bytes.text == from_text.text
    assert from_bytes.to_dict() == from_text.to_dict() | {"encoding": "utf-8"}  # text was never decoded


@pytest.mark.parametrize("fmt, method", [("json", "to_json"), ("jsonl", "to_jsonl"), ("md", "to_markdown")])
def test_an_article_renders_the_bytes_the_command_writes(fmt, method):
    article = khabar.clean(SEED.read_bytes(), path=str(SEED))
    assert getattr(article, method)() == cli("clean", SEED, "--format", fmt)
    assert getattr(article, method)(explain=True) == cli("clean", SEED, "--format", fmt, "--explain")
    if fmt == "jsonl":
        assert article.to_dict() == json.loads(cli("clean", SEED))


def test_clean_many_gives_the_texts_of_the_command_on_a_folder_page_for_page():
    relative = Path("..", "shared", "cases", "dev", "raw") if PAGES == DEV else Path("seeds")
    lines = cli("clean", relative, "--format", "jsonl").splitlines(keepends=True)
    articles = list(khabar.clean_many(str(ROOT / relative)))
    assert [a.path for a in articles] == [str(ROOT / json.loads(line)["path"]) for line in lines]
    assert [a.text for a in articles] == [json.loads(line)["text"] for line in lines]
    # Run from the same folder, the same bytes (paths included).
    import os

    here = os.getcwd()
    os.chdir(ROOT)
    try:
        assert [a.to_jsonl() for a in khabar.clean_many(str(relative))] == lines
    finally:
        os.chdir(here)


def test_clean_many_marks_a_duplicate_or_with_dedupe_leaves_it_out(tmp_path):
    for name in ("a.txt", "b.txt"):
        shutil.copy(SEED, tmp_path / name)
    marked = list(khabar.clean_many(tmp_path, learn=False))
    assert [a.duplicate_of for a in marked] == [None, str(tmp_path / "a.txt")]
    assert marked[1].to_dict()["duplicate_of"] == str(tmp_path / "a.txt")
    assert [a.path for a in khabar.clean_many(tmp_path, dedupe=True)] == [str(tmp_path / "a.txt")]
    assert [json.loads(line).get("duplicate_of") for line in cli("clean", tmp_path, "--no-learn").splitlines()] \
        == [None, str(tmp_path / "a.txt")]


def test_a_file_clean_many_cannot_clean_is_raised_or_reported_and_the_others_go_on(tmp_path):
    shutil.copy(SEED, tmp_path / "a.txt")
    (tmp_path / "b.txt").write_bytes(b"\x00\x01binary\x00")
    shutil.copy(SEED, tmp_path / "c.txt")
    with pytest.raises(khabar.InputError, match="b.txt"):
        list(khabar.clean_many(tmp_path))
    said = []
    assert [a.path for a in khabar.clean_many(tmp_path, errors=said.append)] == \
        [str(tmp_path / "a.txt"), str(tmp_path / "c.txt")]
    assert len(said) == 1 and said[0].startswith(f"{tmp_path / 'b.txt'}: ")


def test_clean_many_in_worker_processes_gives_the_same_articles_in_order(tmp_path):
    # Worker processes are not forked from pytest: a script of its own.
    script = tmp_path / "many.py"
    script.write_text(f"""
import khabar
if __name__ == '__main__':
    one = [a.to_jsonl() for a in khabar.clean_many({str(PAGES)!r})]
    two = [a.to_jsonl() for a in khabar.clean_many({str(PAGES)!r}, jobs=2)]
    print(len(one), one == two)
""", encoding="utf-8")
    proc = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=300, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr[-2000:]
    count, same = proc.stdout.split()
    assert int(count) == len(list(PAGES.glob("*.txt"))) and same == "True"


def test_the_reference_is_one_config_field_a_fixed_day_or_each_files_mtime(tmp_path):
    # The seed with its date line replaced by "yesterday" (دیروز).
    text = SEED.read_text(encoding="utf-8").replace("سهشنبه، 01 شهریور 1401 - 13:56 ", "")
    page = text.replace("image", "دیروز")
    (tmp_path / "p.txt").write_text(page, encoding="utf-8")
    import os

    os.utime(tmp_path / "p.txt", (1_700_000_000, 1_700_000_000))  # 2023-11-15 01:43 in Tehran
    fixed = khabar.Config(reference=khabar.Reference.parse("2024-03-05"))
    mtime = khabar.Config(reference=khabar.Reference.parse("mtime"))
    assert khabar.clean(page).published is None
    assert khabar.clean(page, config=fixed).published == "2024-03-04"
    by_file = next(khabar.clean_many(tmp_path, config=mtime))
    assert by_file.published == "2023-11-14"
    assert by_file.to_dict() == json.loads(cli("clean", tmp_path / "p.txt", "--reference", "mtime"))
    assert khabar.clean(page, config=mtime, path=tmp_path / "p.txt").to_dict() == by_file.to_dict() | {"encoding": None}
    assert khabar.clean(page, config=mtime).published is None  # no file: no modification time


def test_a_page_over_the_configs_limit_is_refused():
    with pytest.raises(khabar.InputError, match="over the limit of 100 bytes"):
        khabar.clean(SEED.read_bytes(), config=khabar.Config(max_bytes=100))


def test_import_khabar_loads_nothing_until_a_name_is_used_and_every_public_name_resolves():
    code = ("import sys, khabar; before = sorted(m for m in sys.modules if m.startswith('khabar.'));"
            "[getattr(khabar, n) for n in khabar.__all__]; print(before, 'typer' in sys.modules)")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert proc.stdout.split() == ["[]", "False"], proc.stderr


def test_jobs_with_a_cluster_is_refused_with_a_message():
    proc = subprocess.run([KHABAR, "clean", str(SEED), "--cluster", "local:2", "-j", "4"], capture_output=True,
                          timeout=60)
    assert proc.returncode == 2
    assert "--jobs counts this machine's worker processes; with --cluster" in proc.stderr.decode()


def test_the_classifier_thresholds_are_config_fields_whose_defaults_are_the_named_constants():
    from khabar.core import classify, thresholds

    defaults = khabar.Config().classify
    assert defaults == khabar.Thresholds()
    for name, value in vars(defaults).items():
        assert getattr(thresholds, name.upper()) == getattr(classify, name.upper()) == value, name
    page = SEED.read_bytes()
    assert khabar.clean(page, config=khabar.Config(classify=khabar.Thresholds())).to_dict() == khabar.clean(page).to_dict()
    # Headlines of at most one word: the seed's title is no headline.
    assert khabar.clean(page).title
    assert khabar.clean(page, config=khabar.Config(classify=khabar.Thresholds(headline_max_words=1))).title is None
    # No line of 200 words reads as prose, and sentences cost: no article is found.
    strict = khabar.Thresholds(prose_min_words=200, sentence_score=-100)
    assert khabar.clean(page).text and khabar.clean(page, config=khabar.Config(classify=strict)).text == ""

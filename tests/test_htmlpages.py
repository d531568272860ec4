"""The HTML development pages (benchmarks/htmlpages/make.py): seeded, and gold that the pages bear out.

A benchmark is only as good as its gold: every kept snippet must be text the page shows, no
dropped snippet may be article text, and a windows-1256 page must say so in its head.
"""
from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
MAKE = ROOT / "benchmarks" / "htmlpages" / "make.py"
CORPUS = ROOT.parent / "shared" / "corpus"

pytestmark = pytest.mark.skipif(not CORPUS.is_dir(), reason="needs ../shared/corpus beside the repository")


def load_make():
    spec = importlib.util.spec_from_file_location("htmlpages_make", MAKE)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def pages(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("pages")
    subprocess.run([sys.executable, str(MAKE), str(out), "--per-style", "2"], check=True, capture_output=True)
    return out


def visible_text(make, raw: bytes) -> tuple[str, str]:
    """The page's charset as declared, and its visible text folded as score.py folds."""
    head = raw[:2048].decode("ascii", "replace")
    charset = "cp1256" if "windows-1256" in head else "utf-8"
    parser = make.TextNodes()
    parser.feed(raw.decode(charset))
    return charset, make.fold("\n".join(parser.nodes))


def test_the_same_arguments_write_the_same_bytes(pages, tmp_path):
    subprocess.run([sys.executable, str(MAKE), str(tmp_path), "--per-style", "2"], check=True, capture_output=True)
    first = sorted(p.relative_to(pages) for p in pages.rglob("*") if p.is_file())
    assert first == sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*") if p.is_file())
    for rel in first:
        assert (pages / rel).read_bytes() == (tmp_path / rel).read_bytes(), rel


def test_parts_split_whole_site_styles(pages):
    styles = tomllib.loads((MAKE.parent / "styles.toml").read_text(encoding="utf-8"))
    seen = {part: {p.stem.rsplit("-", 1)[0] for p in (pages / part / "raw").glob("*.html")}
            for part in ("dev", "unseen")}
    assert seen["dev"] and seen["unseen"] and not seen["dev"] & seen["unseen"]
    assert seen["dev"] | seen["unseen"] == set(styles)
    assert len(styles) >= 10


def test_every_kept_snippet_is_on_the_page_and_no_dropped_one_is_article_text(pages):
    make = load_make()
    for gold_file in sorted(pages.glob("*/gold/*.json")):
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        raw = (gold_file.parent.parent / "raw" / f"{gold_file.stem}.html").read_bytes()
        _, text = visible_text(make, raw)
        for snippet in gold["keep"]:
            assert make.fold(snippet) in text, (gold_file.stem, snippet)
        for snippet in gold["drop"]:
            assert make.fold(snippet) in text, (gold_file.stem, snippet)
        article = make.fold("\n".join([gold["title"], *gold["keep"]]))
        long_drops = [s for s in gold["drop"] if len(make.fold(s)) >= make.SHORT]
        assert not [s for s in long_drops if make.fold(s) in article], gold_file.stem
        assert make.fold(gold["title"]) in text


def test_the_old_table_site_is_windows_1256_and_declares_it(pages):
    make = load_make()
    raw = (pages / "dev" / "raw" / "oldtable-01.html").read_bytes()
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    charset, text = visible_text(make, raw)
    gold = json.loads((pages / "dev" / "gold" / "oldtable-01.json").read_text(encoding="utf-8"))
    assert charset == "cp1256" and make.fold(gold["title"]) in text

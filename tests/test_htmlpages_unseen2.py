"""The unseen2 part of the HTML pages (styles_unseen2.toml): written whole, with gold the pages bear out.

These pages are the blind measurement: their gold is checked against what each page shows,
never against what khabar answers.
"""
from __future__ import annotations

import datetime as dt
import importlib.util
import json
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
HERE = ROOT / "benchmarks" / "htmlpages"
MAKE = HERE / "make.py"
CORPUS = ROOT.parent / "shared" / "corpus"
LATIN = str.maketrans("۰۱۲۳۴۵۶۷۸۹", "0123456789")

pytestmark = pytest.mark.skipif(not CORPUS.is_dir(), reason="needs ../shared/corpus beside the repository")


def load_make():
    spec = importlib.util.spec_from_file_location("htmlpages_make_u2", MAKE)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


STYLES = tomllib.loads((HERE / "styles_unseen2.toml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def part(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("pages")
    subprocess.run([sys.executable, str(MAKE), str(out), "--per-style", "2", "--styles", ",".join(STYLES)],
                   check=True, capture_output=True)
    return out / "unseen2"


def shown(make, raw: bytes) -> str:
    """The page's visible text as read in its declared charset, Persian digits as Latin."""
    charset = "cp1256" if b"windows-1256" in raw[:2048] else "utf-8"
    parser = make.TextNodes()
    parser.feed(raw.decode(charset))
    return "\n".join(parser.nodes).translate(LATIN)


def test_unseen2_is_a_part_of_its_own_site_styles():
    older = tomllib.loads((HERE / "styles.toml").read_text(encoding="utf-8"))
    assert len(STYLES) >= 6 and not set(STYLES) & set(older)
    assert {s["part"] for s in STYLES.values()} == {"unseen2"}
    assert {s["template"] for s in STYLES.values()}.isdisjoint({s["template"] for s in older.values()})


def test_every_unseen2_page_has_its_gold_and_nothing_else(part):
    raws = {p.stem for p in (part / "raw").iterdir()}
    golds = {p.stem for p in (part / "gold").iterdir()}
    assert raws == golds == {f"{name}-{n:02}" for name in STYLES for n in (1, 2)}
    assert not (part.parent / "dev").exists() and not (part.parent / "unseen").exists()


def test_unseen2_kept_and_dropped_snippets_are_page_text_and_only_drops_are_boilerplate(part):
    make = load_make()
    for gold_file in sorted((part / "gold").glob("*.json")):
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        text = make.fold(shown(make, (part / "raw" / f"{gold_file.stem}.html").read_bytes()))
        assert gold["keep"] and gold["drop"], gold_file.stem
        for snippet in gold["keep"] + gold["drop"]:
            assert make.fold(snippet) in text, (gold_file.stem, snippet)
        article = make.fold("\n".join([gold["title"], gold["lead"] or "", *gold["keep"]]))
        assert not [s for s in gold["drop"] if len(make.fold(s)) >= make.SHORT and make.fold(s) in article]


def test_unseen2_metadata_in_the_gold_is_what_the_page_shows(part):
    make = load_make()
    furniture = make.load_tables("furniture")
    for gold_file in sorted((part / "gold").glob("*.json")):
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        style = STYLES[gold_file.stem.rsplit("-", 1)[0]]
        text = shown(make, (part / "raw" / f"{gold_file.stem}.html").read_bytes())
        folded = make.fold(text)
        for field in ("title", "surtitle", "lead"):
            if field != "title" and not style[field]:
                assert gold[field] is None, (gold_file.stem, field)
            assert gold[field] is None or make.fold(gold[field]) in folded, (gold_file.stem, field)
        assert (gold["news_id"] is None) == (style["code"] == 0)
        assert gold["news_id"] is None or gold["news_id"] in text, gold_file.stem
        for tag in gold["tags"]:
            assert make.fold(tag) in folded, (gold_file.stem, tag)
        assert ("source" in gold) == style["source"]
        assert "source" not in gold or make.fold(gold["source"][0]) in folded
        # The published instant: its day and year, and its minute if the page shows one.
        when = dt.datetime.fromisoformat(gold["published"])
        jalali = make.jdatetime.date.fromgregorian(date=when.date())
        days = {str(jalali.day), f"{jalali.day:02}", furniture["day_words"][jalali.day - 1], str(when.day), f"{when.day:02}"}
        assert str(jalali.year) in text or str(when.year) in text, gold_file.stem
        assert any(d in text for d in days), gold_file.stem
        if style["time"]:
            clocks = {f"{when:%H:%M}", f"{(when.hour % 12) or 12}:{when:%M}"}
            assert len(gold["published"]) > 10 and any(c in text for c in clocks), gold_file.stem
        else:
            assert len(gold["published"]) == 10, gold_file.stem


def test_the_unseen2_portal_is_windows_1256_and_declares_it(part):
    raw = (part / "raw" / "portal-01.html").read_bytes()
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    assert b"charset=windows-1256" in raw[:2048]

"""A folder's template (core/template.py) applies to its HTML pages too (issue 18): a line
the site repeats on its pages goes, as on text pages, but never the article's own <p>."""

from __future__ import annotations

import json

from tests.test_html import BODY, article_page, run

PROMO = "برای دریافت آخرین اخبار استان به کانال تلگرام ما بپیوندید و همه خبرها را دنبال کنید."
TEAM = "پلیس راه استان ایلام:"


def site_folder(tmp_path, pages: int = 4):
    for n in range(pages):
        page = article_page()
        for p in BODY:  # each page its own article: the same site, other news
            page = page.replace(p, f"{p[:-1]} در روز شماره {n} از این ماه.", 1)
        page = page.replace('<div class="story">', f'<div class="story"><div class="note">{PROMO}</div>', 1)
        page = page.replace("<p>وی افزود", f"<p><strong>{TEAM}</strong></p><p>وی افزود", 1)  # mid-article
        (tmp_path / f"page-{n}.html").write_text(page, encoding="utf-8")
    return tmp_path


def test_a_line_every_page_of_an_html_folder_repeats_is_its_template(tmp_path):
    result = run("clean", "--format", "jsonl", str(site_folder(tmp_path)))
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(records) == 4
    for n, record in enumerate(records):
        assert PROMO not in record["text"]
        assert f"در روز شماره {n} از این ماه" in record["text"]
        assert TEAM in record["text"]  # the article's own <p>, however often the site prints it


def test_without_learning_the_repeated_line_stays(tmp_path):
    result = run("clean", "--no-learn", "--format", "jsonl", str(site_folder(tmp_path)))
    assert all(PROMO in json.loads(line)["text"] for line in result.stdout.splitlines())

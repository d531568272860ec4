"""Big HTML pages (issue 18: "a 50 MB page ... cleaned or refused within the time and memory
budget"): a page of over html_window.MAX_LINES lines is read in a window around its article,
and says so. Sizes here are just over the limit; the 50 MB figures are in benchmarks/html_big.py."""

from __future__ import annotations

import json

from khabar.core.html_read import read_html
from khabar.core.html_window import MAX_LINES
from tests.test_html import BODY, TITLE, article_page, run

MENU = "".join(f'<li><a href="/c/{i}">دسته خبری شماره {i}</a></li>' for i in range(MAX_LINES + 500))
COMMENTS = "".join(f'<li class="comment"><p>نظر شماره {i} درباره این خبر نوشته شده است.</p></li>'
                   for i in range(MAX_LINES + 500))


def clean(tmp_path, page: str) -> dict:
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    result = run("clean", "--format", "jsonl", str(path))
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_a_page_with_a_menu_of_thousands_of_lines_before_the_article_is_read_in_a_window(tmp_path):
    small = clean(tmp_path, article_page())
    big = clean(tmp_path, article_page().replace("<header>", f'<header><ul class="mega">{MENU}</ul>', 1))
    assert big["title"] == small["title"] == TITLE
    assert big["text"] == small["text"] and BODY[2] in big["text"]
    assert (big["published"], big["news_id"], big["tags"]) == (small["published"], small["news_id"], small["tags"])
    assert any(f"over {MAX_LINES:,} lines" in w and "the article's region" in w for w in big["warnings"])
    assert not any("lines" in w for w in small["warnings"])


def test_a_page_with_thousands_of_comments_after_the_article_is_read_in_a_window(tmp_path):
    small = clean(tmp_path, article_page())
    big = clean(tmp_path, article_page().replace("<footer>", f"<section class='comments'><ul>{COMMENTS}</ul>"
                                                              "</section><footer>", 1))
    assert (big["title"], big["text"], big["published"]) == (small["title"], small["text"], small["published"])
    assert any(f"over {MAX_LINES:,} lines" in w for w in big["warnings"])


def test_the_window_keeps_the_lines_just_above_the_region_and_stops_after_it():
    page = read_html(article_page().replace("<header>", f'<header><ul class="mega">{MENU}</ul>', 1),
                     max_lines=40, before=8)
    texts = [line.text for line in page.lines]
    assert page.windowed and len(texts) <= 40
    assert TITLE in texts and BODY[0] in texts
    assert not any(t.startswith("دسته خبری شماره 0") for t in texts)  # the menu's top is far before


def test_a_page_with_no_region_is_read_to_its_first_lines_only():
    rows = "".join(f"<div>سطر شماره {i}</div>" for i in range(200))
    page = read_html(f"<html><body>{rows}</body></html>", max_lines=50)
    assert page.windowed and not page.has_region and 50 <= len(page.lines) <= 51
    assert page.lines[0].text == "سطر شماره 0"


def test_a_page_under_the_limit_is_read_whole():
    page = read_html(article_page())
    assert not page.windowed and any(line.text == "کلیه حقوق این سایت محفوظ است & استفاده از مطالب با ذکر منبع آزاد است."
                                     for line in page.lines)

"""Big HTML pages (issue 18: "a 50 MB page ... cleaned or refused within the time and memory
budget"): a page of over html_window.MAX_LINES lines is read in a window around its article,
and says so. Sizes here are just over the limit; the 50 MB figures are in benchmarks/html_big.py."""

from __future__ import annotations

import json

from khabar.core.html_read import read_html
from khabar.core.html_window import MAX_CHARS, MAX_DEPTH, MAX_LINE_CHARS, MAX_LINES, MAX_TAGS
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
    assert any(f"too big to read whole (over {MAX_LINES:,} lines" in w and "the article's region" in w
               for w in big["warnings"])
    assert not any("lines" in w for w in small["warnings"])


def test_a_page_with_thousands_of_comments_after_the_article_is_read_in_a_window(tmp_path):
    small = clean(tmp_path, article_page())
    big = clean(tmp_path, article_page().replace("<footer>", f"<section class='comments'><ul>{COMMENTS}</ul>"
                                                              "</section><footer>", 1))
    assert (big["title"], big["text"], big["published"]) == (small["title"], small["text"], small["published"])
    assert any("too big to read whole" in w for w in big["warnings"])


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


def test_a_page_of_one_huge_paragraph_is_read_to_a_bounded_size(tmp_path):
    huge = " ".join([BODY[1]] * (MAX_CHARS // len(BODY[1]) + 50))
    record = clean(tmp_path, article_page().replace(f"<p>{BODY[1]}</p>", f"<p>{huge}</p>", 1))
    paragraphs = record["text"].split("\n\n")
    assert record["title"] == TITLE and paragraphs[0] == BODY[0] and paragraphs[-1] == BODY[2]
    assert MAX_LINE_CHARS - 1000 <= len(paragraphs[1]) <= MAX_LINE_CHARS  # cut, at a space
    assert any("too big to read whole" in w for w in record["warnings"])


def test_a_page_nested_deeper_than_the_parser_copes_with_is_refused_naming_the_file(tmp_path):
    path = tmp_path / "deep.html"
    path.write_text("<html><body>" + "<div>" * (MAX_DEPTH + 1) + f"<p>{BODY[0]}</p></body></html>", encoding="utf-8")
    result = run("clean", "--format", "jsonl", str(path), str(tmp_path / "ok.html"))
    assert result.exit_code == 1
    assert f"deep.html: an HTML page nested {MAX_DEPTH + 1:,} elements deep is over the limit" in result.output


def test_a_page_with_more_tags_than_the_limit_is_refused_naming_the_file(tmp_path):
    path = tmp_path / "many.html"
    path.write_text("<html><body>" + "<br>" * (MAX_TAGS + 1) + "</body></html>", encoding="utf-8")
    result = run("clean", "--format", "jsonl", str(path))
    tags = MAX_TAGS + 5  # the <br>s, <html>, <body> and their end tags
    assert result.exit_code == 1
    assert f"many.html: an HTML page of {tags:,} tags is over the limit of {MAX_TAGS:,}" in result.output


def test_the_text_kept_of_a_big_page_starts_at_the_article_and_stays_under_the_bound():
    from khabar.core.html_read import HtmlLine, Hints
    from khabar.core.html_window import trim_text

    lines = [HtmlLine("م" * 40, Hints()) for _ in range(10)] + [HtmlLine("ن" * 40, Hints(in_article=True))
                                                              for _ in range(10)]
    kept = trim_text(lines, 10, max_chars=600, line_chars=100)
    assert sum(len(line.text) for line in kept) <= 600
    assert [line.text[0] for line in kept].count("ن") == 10 and len(kept) == 15  # all of the region, 5 above
    assert trim_text(lines, 10, max_chars=10_000) is None


def test_a_page_whose_text_is_one_line_of_sentences_is_cleaned_not_failed(tmp_path):
    # No block element: the walk gives one line, which the text pipeline reads as a page saved
    # on one line and cuts into more lines than it was given (an IndexError before).
    sentences = "".join(f"<b>{BODY[i % 3][:-1]} در بخش {i}.</b> " for i in range(40))
    path = tmp_path / "oneline.html"
    path.write_text(f"<!DOCTYPE html><html><body>{sentences}</body></html>", encoding="utf-8")
    result = run("clean", "--explain", "--format", "jsonl", str(path))
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout)
    assert "در بخش 7." in record["text"]
    assert all(block["line"] == 1 for block in record["blocks"])


def test_the_walk_of_a_page_of_nested_inline_elements_stops_at_its_element_budget():
    nested = "".join(f"<b><i><u>کلمه{i} " for i in range(200))  # never closed: 600 elements deep
    page = read_html(f"<html><body>{nested}</body></html>", max_elements=90)
    assert page.windowed and "کلمه0" in page.lines[0].text and "کلمه40" not in page.lines[0].text
    assert not read_html(f"<html><body>{nested}</body></html>").windowed

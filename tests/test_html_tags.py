"""Tags of an HTML page (issue 18): the tags the page shows the reader win; a page that shows
none takes its head's keywords (keywords, news_keywords, article:tag, JSON-LD keywords) split
on , ، ; as its tags; the keywords are kept apart in either case."""

from __future__ import annotations

import json

from khabar.core.pipeline import clean_record
from tests.test_html import TITLE, article_page

SHOWN = '<div class="tags"><a href="/tag/1">ایلام</a><a href="/tag/2">باران</a><a href="/tag/3">پلیس راه</a></div>'


def no_tags_shown(keywords: str = '<meta name="keywords" content="ایلام، باران|پلیس راه, جاده">') -> str:
    page = article_page().replace(SHOWN, "")
    return page.replace('<meta name="keywords" content="ایلام، باران|پلیس راه, جاده">', keywords)


def test_a_page_that_shows_no_tags_takes_its_head_keywords_split_as_tags():
    record = clean_record(no_tags_shown().encode(), path="page.html")
    assert record["title"] == TITLE
    assert record["tags"] == ["ایلام", "باران", "پلیس راه", "جاده"]
    assert record["keywords"] == record["tags"]


def test_news_keywords_and_json_ld_keywords_split_on_semicolons_become_tags_too():
    news = no_tags_shown('<meta name="news_keywords" content="سیل؛ هواشناسی; هشدار">')
    assert clean_record(news.encode(), path="a.html")["tags"] == ["سیل", "هواشناسی", "هشدار"]
    ld = json.dumps({"@type": "NewsArticle", "keywords": "سیل، هواشناسی,هشدار"}, ensure_ascii=False)
    jsonld = no_tags_shown(f'<script type="application/ld+json">{ld}</script>')
    assert clean_record(jsonld.encode(), path="b.html")["tags"] == ["سیل", "هواشناسی", "هشدار"]


def test_tags_the_page_shows_win_over_the_head_keywords():
    record = clean_record(article_page().encode(), path="page.html")
    assert record["tags"] == ["ایلام", "باران", "پلیس راه"]
    assert record["keywords"] == ["ایلام", "باران", "پلیس راه", "جاده"]


def test_a_page_with_neither_shown_tags_nor_keywords_has_no_tags():
    record = clean_record(no_tags_shown("").encode(), path="page.html")
    assert record["tags"] == [] and "keywords" not in record

"""HTML pages in (issue 18): recognised by content, read with their markup's hints and
head metadata, through the installed command as through the library."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from khabar.cli.app import app
from khabar.core.html_input import decode_html, feed_root, looks_like_html
from khabar.core.html_meta import news_code, split_tags, strip_site_name, tehran_time
from khabar.core.html_read import read_html
from khabar.core.pipeline import Config, clean_bytes, clean_record
from tests.conftest import ROOT, SEEDS

runner = CliRunner()
DEV_RAW = ROOT.parent / "shared" / "cases" / "dev" / "raw"

BODY = [
    "به گزارش خبرگزاری تسنیم، رئیس پلیس راه استان ایلام عصر امروز در گفت‌وگو با خبرنگاران گفت که "
    "مسیرهای جاده‌ای استان به علت بارش باران لغزنده است و رانندگان باید احتیاط کنند.",
    "وی افزود: بارش باران که از بامداد امروز آغاز شده است در تمامی مناطق استان ایلام ادامه دارد و "
    "شدت آن در مناطق کوهستانی بیشتر است و تا فردا ادامه خواهد داشت.",
    "رئیس پلیس راه استان ایلام گفت: رانندگی در هوای بارانی نسبت به شرایط عادی به علت کاهش دید و "
    "لغزندگی جاده تفاوت دارد و نیازمند دقت بیشتری است.",
]
TITLE = "جاده‌های استان ایلام لغزنده است"


def article_page(*, head_time: str = "2021-10-30T10:57:00+03:30", shown_time: str = "۰۸ آبان ۱۴۰۰ - ۱۰:۵۷",
                 charset: str = '<meta charset="utf-8">') -> str:
    """A news page built as agencies build them: menus, toolbar, article with meta list,
    tags, related teasers, footer; the head with og:, article: and a canonical URL."""
    menu = "".join(f'<li><a href="/service/{i}">{m}</a></li>' for i, m in enumerate(
        ["سیاسی", "اقتصادی", "ورزشی", "فرهنگی", "بین‌الملل", "صفحه نخست"]))
    related = "".join(f'<li><a href="/news/{1000 + i}/x"><h3>{t}</h3></a></li>' for i, t in enumerate(
        ["قیمت طلا و سکه امروز در بازار تهران کاهش یافت", "اورژانس جدید بیمارستان کودکان افتتاح می‌شود"]))
    paragraphs = "".join(f"<p>{p}</p>" for p in BODY)
    return f"""<!DOCTYPE html>
<html lang="fa" dir="rtl"><head>{charset}
<title>{TITLE} - اخبار اجتماعی - اخبار تسنیم - Tasnim</title>
<meta property="og:title" content="{TITLE} - خبرگزاری تسنیم">
<meta property="og:site_name" content="خبرگزاری تسنیم">
<meta property="article:published_time" content="{head_time}">
<meta name="description" content="خلاصه‌ای که در صفحه نیامده است و فقط برای موتورهای جست‌وجو نوشته شده است">
<meta name="keywords" content="ایلام، باران|پلیس راه, جاده">
<link rel="canonical" href="https://www.tasnimnews.com/news/1353889/جاده">
<script>var x = "<p>not text</p>";</script><style>p {{color: red}}</style>
</head><body>
<header><nav class="main-menu"><ul>{menu}</ul></nav></header>
<div class="toolbar"><a href="#">نسخه چاپی</a> <a href="#">ارسال به دوستان</a></div>
<article>
 <ul class="details"><li>کد خبر: ۱۳۵۳۸۸۹</li><li>{shown_time}</li></ul>
 <h1>{TITLE}</h1>
 <div class="story">{paragraphs}
 <noscript>فعال کردن جاوااسکریپت</noscript><template><p>قالب پنهان</p></template>
 <div style="display:none">متن پنهان صفحه</div><svg><text>نقاشی</text></svg></div>
 <div class="tags"><a href="/tag/1">ایلام</a><a href="/tag/2">باران</a><a href="/tag/3">پلیس راه</a></div>
</article>
<aside class="related"><h2>اخبار مرتبط</h2><ul>{related}</ul></aside>
<footer><p>کلیه حقوق این سایت محفوظ است &amp; استفاده از مطالب با ذکر منبع آزاد است.</p></footer>
</body></html>"""


def run(*args, input=None):
    return runner.invoke(app, list(args), input=input)


# --- recognising HTML ---------------------------------------------------------------

def test_no_text_page_of_the_dev_cases_or_the_seeds_is_taken_for_html():
    pages = sorted(DEV_RAW.glob("*.txt")) + sorted(SEEDS.glob("*.txt"))
    assert len(pages) > 60
    assert [p.name for p in pages if looks_like_html(p.read_bytes())] == []


@pytest.mark.parametrize("start", [
    "<!DOCTYPE html><html><body><p>متن</p></body></html>",
    "\ufeff  <!doctype HTML>\n<html>",
    '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0//EN" "x">\n<html>',
    "<!-- saved from url=(0042)https://example.ir/ -->\n<html lang=fa>",
    # No doctype and no <html>: a fragment saved from the browser, dense in tags.
    '<div class="news"><h1>عنوان</h1><div class="x"><span>۱۴۰۰</span></div><p>متن</p><p>متن</p>'
    '<ul><li><a href="/">خانه</a></li></ul></div>',
])
def test_html_is_recognised_by_its_content(start):
    assert looks_like_html(start.encode("utf-8"))


def test_text_that_merely_mentions_a_tag_is_not_html():
    assert not looks_like_html("در این مقاله درباره <html> و <p> صحبت می‌شود\nخط دوم\n".encode())
    assert not looks_like_html(b"<b>\xd8\xb3\xd9\x84\xd8\xa7\xd9\x85</b> plain line of text\nanother line\n")


def test_rss_and_atom_are_feeds_not_pages():
    rss = b'<?xml version="1.0"?>\n<rss version="2.0"><channel><title>x</title></channel></rss>'
    atom = b'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"></feed>'
    assert feed_root(rss) == "rss" and feed_root(atom) == "feed"
    assert feed_root(b'<?xml version="1.0"?><export><item>x</item></export>') == "export"
    assert feed_root(b'<?xml version="1.0"?>\n<!DOCTYPE html>\n<html><body></body></html>') is None
    assert not looks_like_html(rss) and not looks_like_html(atom)


# --- encoding ------------------------------------------------------------------------

def test_windows_1256_page_is_read_by_its_http_equiv_declaration():
    page = article_page(charset='<meta http-equiv="Content-Type" content="text/html; charset=windows-1256">')
    data = page.replace("ی", "ي").replace("ک", "ك").encode("cp1256", "replace")
    decoded = decode_html(data)
    assert decoded.encoding == "windows-1256"
    article = clean_bytes(data, path="old.html")
    assert article.title and "لغزنده" in article.title
    assert "رانندگان باید احتیاط" in article.text


def test_undeclared_utf8_and_a_bom_are_read_as_utf8():
    page = article_page(charset="")
    assert decode_html(page.encode("utf-8")).text == page
    assert "لغزنده" in decode_html(b"\xef\xbb\xbf" + page.encode("utf-8")).text


def test_a_declaration_the_bytes_contradict_is_overruled_by_detection():
    data = article_page(charset='<meta charset="utf-8">').encode("cp1256", "replace")
    assert decode_html(data).encoding == "windows-1256"


# --- lines and hints -------------------------------------------------------------------

def test_scripts_styles_hidden_and_template_content_are_not_lines_and_entities_are_decoded():
    page = read_html(article_page())
    text = "\n".join(line.text for line in page.lines)
    for gone in ("not text", "color: red", "جاوااسکریپت", "قالب پنهان", "متن پنهان", "نقاشی"):
        assert gone not in text
    assert "محفوظ است & استفاده" in text


def test_br_breaks_a_line_and_inline_spans_keep_their_words_apart():
    page = read_html("<html><body><p>خط اول<br>خط دوم</p><div><span>کد خبر:</span><span>۱۲۳</span></div>"
                     "</body></html>")
    assert [line.text for line in page.lines] == ["خط اول", "خط دوم", "کد خبر: ۱۲۳"]


def test_each_line_carries_its_dom_hints():
    lines = {line.text: line.hints for line in read_html(article_page()).lines}
    menu = lines["سیاسی"]
    assert {"nav", "header"} <= menu.containers and "menu" in menu.words and menu.in_list
    assert menu.link_density == 1.0 and not menu.in_article
    assert lines[TITLE].heading == 1 and lines[TITLE].in_article
    assert lines[BODY[0]].in_article and lines[BODY[0]].paragraph and lines[BODY[0]].link_density == 0
    assert "aside" in lines["اخبار مرتبط"].containers and "related" in lines["اخبار مرتبط"].words
    assert read_html(article_page()).tags == ["ایلام", "باران", "پلیس راه"]


def test_a_page_nested_ten_thousand_deep_is_cleaned_not_crashed():
    deep = "<div>" * 10_000 + "".join(f"<p>{p}</p>" for p in BODY) + "</div>" * 10_000
    article = clean_bytes(f"<!DOCTYPE html><html><body>{deep}</body></html>".encode())
    assert BODY[1] in article.text


# --- head metadata -----------------------------------------------------------------------

def test_site_names_are_cut_from_the_headline_but_a_colon_in_it_stays():
    assert strip_site_name(f"{TITLE} - اخبار پادکست - اخبار تسنیم - Tasnim", "خبرگزاری تسنیم") == TITLE
    assert strip_site_name(f"خبرگزاری فارس | {TITLE}", None) == TITLE
    assert strip_site_name("وزیر کشور: انتخابات به موقع برگزار می‌شود", None) == \
        "وزیر کشور: انتخابات به موقع برگزار می‌شود"


def test_head_times_are_given_with_tehrans_offset_of_that_day():
    assert tehran_time("2021-10-30T07:27:00Z") == "2021-10-30T10:57:00+03:30"
    assert tehran_time("2021-08-17T15:13:00+00:00") == "2021-08-17T19:43:00+04:30"  # summer time then
    assert tehran_time("2024-08-17T19:43:00") == "2024-08-17T19:43:00+03:30"  # none since 2023
    assert tehran_time("2021-08-17") == "2021-08-17"
    assert tehran_time("دیروز") is None


def test_the_news_code_is_read_from_the_url_and_a_date_path_is_none():
    assert news_code("https://www.tasnimnews.com/fa/news/1353889/x-y") == "1353889"
    assert news_code("https://www.isna.ir/news/99050444155/") == "99050444155"
    assert news_code("https://site.ir/detail.aspx?ID=734992") == "734992"
    assert news_code("https://www.tasnimnews.com/fa/news/1400/08/08/2598731/x") == "2598731"
    assert news_code("https://blog.ir/2020/03/26/slug/") is None


def test_keywords_split_on_comma_arabic_comma_and_bar():
    assert split_tags(["ایلام، باران|پلیس راه, جاده"]) == ["ایلام", "باران", "پلیس راه", "جاده"]


# --- the whole page ------------------------------------------------------------------------

def test_an_html_page_gives_the_article_with_the_head_filling_what_the_page_does_not_show():
    record = clean_record(article_page().encode(), path="p.html")
    assert record["title"] == TITLE
    assert record["published"] == "2021-10-30T10:57:00+03:30"
    assert record["news_id"] == "1353889"
    assert record["url"] == "https://www.tasnimnews.com/news/1353889/جاده"
    assert record["tags"] == ["ایلام", "باران", "پلیس راه"]  # shown on the page
    assert record["keywords"] == ["ایلام", "باران", "پلیس راه", "جاده"]  # the head's, apart
    assert record["language"] == "fa"
    assert record["text"].split("\n\n") == BODY
    assert record["lead"] is None  # the description is not on the page
    assert record["warnings"] == []


def test_head_and_page_disagreeing_on_the_time_keep_the_shown_one_and_warn():
    record = clean_record(article_page(head_time="2021-10-31T09:00:00+03:30").encode())
    assert record["published"] == "2021-10-30T10:57:00+03:30"
    assert any("2021-10-31T09:00:00+03:30" in w for w in record["warnings"])


def test_a_page_showing_the_day_only_takes_the_minute_from_the_head():
    record = clean_record(article_page(shown_time="۰۸ آبان ۱۴۰۰").encode())
    assert record["published"] == "2021-10-30T10:57:00+03:30"


def test_a_home_page_with_no_article_gives_empty_text_and_the_warning(tmp_path: Path):
    links = "".join(f'<li><a href="/news/{i}/x">خبر شماره {i} درباره موضوعی مهم</a></li>' for i in range(30))
    home = tmp_path / "home.html"
    home.write_text(f"<!DOCTYPE html><html><head><title>خبرگزاری</title></head><body><nav><ul>{links}</ul>"
                    "</nav></body></html>", encoding="utf-8")
    result = run("clean", str(home))
    assert result.exit_code == 0
    record = json.loads(result.stdout)
    assert record["text"] == "" and "no article text found" in record["warnings"]


def test_clean_reads_an_html_file_whatever_its_name_and_input_text_overrides(tmp_path: Path):
    saved = tmp_path / "page.txt"
    saved.write_text(article_page(), encoding="utf-8")
    record = json.loads(run("clean", str(saved)).stdout)
    assert record["title"] == TITLE and "<" not in record["text"]
    as_text = json.loads(run("clean", "--input", "text", str(saved)).stdout)
    assert "url" not in as_text and as_text["title"] != TITLE


def test_input_html_reads_a_page_that_does_not_look_like_one():
    fragment = "".join(f"<p>{p}</p>" for p in BODY)
    result = run("clean", "--input", "html", "-", input=fragment)
    assert json.loads(result.stdout)["text"].split("\n\n") == BODY


def test_a_folder_takes_html_and_htm_beside_txt_by_default(tmp_path: Path):
    (tmp_path / "a.html").write_text(article_page(), encoding="utf-8")
    (tmp_path / "b.htm").write_text(article_page(), encoding="utf-8")
    (tmp_path / "c.txt").write_bytes((SEEDS / "000_7619606070423613.txt").read_bytes())
    (tmp_path / "d.json").write_text("{}", encoding="utf-8")
    result = run("clean", str(tmp_path))
    assert result.exit_code == 0
    names = sorted(Path(json.loads(line)["path"]).name for line in result.stdout.splitlines())
    assert names == ["a.html", "b.htm", "c.txt"]


def test_an_rss_feed_is_refused_with_its_reason_and_other_files_still_cleaned(tmp_path: Path):
    (tmp_path / "feed.xml.html").write_text('<?xml version="1.0"?><rss version="2.0"><channel></channel></rss>',
                                            encoding="utf-8")
    (tmp_path / "page.html").write_text(article_page(), encoding="utf-8")
    result = run("clean", str(tmp_path))
    assert result.exit_code == 1
    assert "feed.xml.html" in result.stderr and "<rss>" in result.stderr
    assert [json.loads(line)["title"] for line in result.stdout.splitlines()] == [TITLE]


def test_explain_shows_each_lines_dom_hints():
    record = json.loads(run("clean", "--explain", "-", input=article_page()).stdout)
    title = next(b for b in record["blocks"] if b["kind"] == "title")
    assert title["dom"]["heading"] == 1 and title["dom"]["article"] is True
    menu = next(r for r in record["removed"] if r["text"] == "سیاسی")
    assert "nav" in menu["dom"]["in"] and menu["reason"].startswith("html:")


def test_text_pages_keep_their_records_without_url_or_keywords():
    record = clean_record((SEEDS / "000_7619606070423613.txt").read_bytes())
    assert "url" not in record and "keywords" not in record
    as_text = clean_bytes(article_page().encode(), config=Config(input="text"))
    assert as_text.url is None and not as_text.hints


def test_khabar_explain_shows_the_markup_of_each_line_of_an_html_page(tmp_path: Path):
    page = tmp_path / "page.html"
    page.write_text(article_page(), encoding="utf-8")
    result = runner.invoke(app, ["explain", str(page)], env={"COLUMNS": "250"})
    assert result.exit_code == 0
    assert "markup" in result.stdout and "h1 article" in result.stdout and "in header,nav" in result.stdout

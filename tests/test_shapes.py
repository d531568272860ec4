"""Issue 17: the same article from every text shape a page is saved in, and the
metadata line-by-line dumps split over several lines."""

import json
import subprocess
import sys
from pathlib import Path

from khabar.core.pipeline import clean_bytes
from tests.conftest import SEEDS

KHABAR = str(Path(sys.executable).parent / "khabar")

HEADLINE = "ورود پنجاه هزار تن کالای اساسی به بندر امام در هفته گذشته"
PARAGRAPHS = [
    "به گزارش خبرنگار اقتصادی، مدیرکل بنادر و دریانوردی استان خوزستان گفت: در هفته گذشته بیش از پنجاه هزار تن "
    "کالای اساسی شامل گندم، جو و دانه‌های روغنی در بندر امام تخلیه شد و این کالاها به سرعت به استان‌های کشور "
    "ارسال می‌شود.",
    "وی افزود: برای تسریع در تخلیه و بارگیری کشتی‌ها، شیفت‌های کاری در اسکله‌ها افزایش یافته است و کامیون‌ها و "
    "واگن‌های قطار به صورت شبانه‌روزی در حال حمل این محموله‌ها هستند تا هیچ کمبودی در بازار پیش نیاید.",
    "این مقام مسئول در پایان تصریح کرد: ظرفیت انبارهای بندر نیز در سال جاری دو برابر شده است و امکان نگهداری "
    "کالاهای بیشتری در این بندر وجود دارد که به کاهش هزینه‌های واردکنندگان کمک می‌کند.",
]
MENU = ["صفحه اصلی", "سیاسی", "اقتصادی", "اجتماعی", "ورزشی", "فرهنگی", "بین‌الملل"]
FOOTER = ["درباره ما", "تماس با ما", "تبلیغات", "کلیه حقوق این سایت محفوظ است."]


def page(meta: list[str], *, head: list[str] | None = None, after: list[str] = (), bar: str | None = None) -> bytes:
    """A line-by-line dump: the <title> first, the menu, the article's head, its
    metadata lines as given, the body, what follows it, the footer."""
    lines = [bar or f"{HEADLINE} - خبرگزاری نمونه", *MENU, *(head or [HEADLINE]), *meta, *PARAGRAPHS, *after, *FOOTER]
    return "\n".join(lines).encode()


def test_a_news_code_under_its_label_on_the_next_line_is_read():
    a = clean_bytes(page(["کد خبر:", "۱۳۵۳۸۸۹"]))
    assert a.news_id == "1353889"


def test_a_date_under_its_label_on_the_next_line_is_the_publication_time():
    # Below the article, far from the title: only its label makes it the publication time.
    a = clean_bytes(page([], after=["اشتراک گذاری", "ذخیره", "تاریخ انتشار:", "۲۱ ارديبهشت ۱۳۹۹ - ۱۸:۵۹"]))
    assert a.published == "2020-05-10T18:59:00+04:30"


def test_a_time_and_a_date_on_the_lines_after_a_label_make_the_minute():
    a = clean_bytes(page(["زمان:", "19:04", "1398/02/11"]))
    assert a.published == "2019-05-01T19:04:00+04:30"


def test_a_date_and_a_time_on_neighbouring_lines_make_the_minute():
    a = clean_bytes(page(["۳۰ اردیبهشت ۱۳۹۷", "|", "ساعت ۱۷:۲۱", "کد خبر: ۸۵۷۸۳۱۲"]))
    assert a.published == "2018-05-20T17:21:00+04:30"


def test_tags_with_a_comma_on_a_line_of_its_own_are_split_and_placeholders_are_never_tags():
    after = ["کلیدواژه‌ها:", "بندر امام", "،", "کالای اساسی", "،", "خوزستان", "{{#Tags}}", "{{Title}}", "{{/Tags}}",
             "نسخه چاپی", "ارسال به دوستان"]
    a = clean_bytes(page(["کد خبر: ۱۲۳۴۵"], after=after))
    assert a.tags == ["بندر امام", "کالای اساسی", "خوزستان"]


def test_hashtags_of_several_words_are_tags():
    a = clean_bytes(page(["کد خبر: ۱۲۳۴۵"], after=["#بندر امام #کالای اساسی #خوزستان"]))
    assert a.tags == ["بندر امام", "کالای اساسی", "خوزستان"]


def test_the_headline_the_title_bar_names_is_the_title_even_inside_a_list_of_links():
    head = ["نتایج زنده", "جدول لیگ", "لیگ برتر", "جام حذفی", HEADLINE, "ساعت ۱۷:۲۱"]
    a = clean_bytes(page(["کد: ۸۵۷۸۳۱۲"], head=head, bar=f"{HEADLINE} | ورزش۳"))
    assert a.title == HEADLINE


def test_an_update_line_is_never_the_title():
    head = [HEADLINE, "۱۰ بهمن ۱۳۹۸ - ۱۱:۳۷", "آخرین به‌روزرسانی: ۰۳/۰۲/۲۰۲۰ - ۱۴:۱۴"]
    a = clean_bytes(page(["کد خبر: ۳۰۳۰۲۴"], head=head, bar="خبرگزاری نمونه"))
    assert a.title != "آخرین به‌روزرسانی: ۰۳/۰۲/۲۰۲۰ - ۱۴:۱۴"
    assert "به‌روزرسانی" not in (a.title or "") + a.text


def test_the_page_clock_of_the_farsnews_seed_is_not_its_title():
    a = clean_bytes((SEEDS / "farsnews_whole_page.txt").read_bytes())
    assert a.title == "جاده چالوس، جمعه یک‌طرفه می‌شود"
    assert a.surtitle == "رئیس پلیس راه البرز خبر داد"


def test_a_toolbar_on_one_line_is_cut_into_its_buttons_not_taken_as_title():
    head = ["اندازه فونت +-", "نسخه چاپی بازنشر ذخیره اشتراک‌گذاری", "کد خبر: ۹۳۶۱۴۳۶", HEADLINE]
    a = clean_bytes(page([], head=head, bar="خبرگزاری نمونه"))
    assert a.title == HEADLINE
    assert not any(word in a.text for word in ("بازنشر", "اندازه فونت"))


MARKDOWN = "\n".join([
    "[![خبرگزاری نمونه](/assets/logo.png)](/)",
    "",
    *[f"  * [{item}](/service/{i})" for i, item in enumerate(MENU)],
    "",
    "[صفحه اصلی](/) / [اقتصادی](/service/1) / خبر",
    "",
    "کد خبر: ۱۳۵۳۸۸۹",
    "",
    f"# [{HEADLINE}](https://www.example.ir/news/1353889/{HEADLINE.replace(' ', '-')})",
    "",
    "![](/media/9429c583.jpg)عکس تزئینی است",
    "",
    *[p for para in PARAGRAPHS for p in (para, "")],
    "#### بیشتر بخوانید",
    "",
    *[f"  * [{item} در هفته گذشته](/news/{i})" for i, item in enumerate(MENU)],
    "",
    *[f"  * [{item}](/page/{i})" for i, item in enumerate(FOOTER)],
])


def test_a_markdown_page_gives_its_headline_and_plain_text():
    a = clean_bytes(MARKDOWN.encode())
    assert a.title == HEADLINE and a.shape == "markdown"
    assert a.language == "fa" and a.news_id == "1353889"
    assert a.text.split("\n\n") == PARAGRAPHS


def test_a_markdown_page_wrapped_at_78_columns_gives_whole_paragraphs():
    import textwrap

    wrapped = "\n".join(textwrap.fill(line, 78) if not line.startswith(("  *", "#", "[", "!")) else line
                        for line in MARKDOWN.split("\n"))
    a = clean_bytes(wrapped.encode())
    assert a.text.split("\n\n") == PARAGRAPHS


def test_a_page_written_in_numeric_character_references_is_decoded():
    raw = page(["کد خبر: ۱۲۳۴۵"]).decode()
    encoded = "\n".join(line if i < 3 else "".join(f"&#{ord(c)};" if c != " " else "&nbsp;" for c in line)
                        for i, line in enumerate(raw.split("\n")))
    a = clean_bytes(encoded.encode())
    assert a.text.split("\n\n") == PARAGRAPHS and a.language == "fa"


def test_a_page_on_one_line_is_cut_into_sentences_and_its_text_found():
    related = [f"{item} در هفته گذشته به روز شد" for item in MENU] * 3
    one = " ".join(page(["کد خبر: ۱۲۳۴۵"], after=["مطالب مرتبط", *related]).decode().split("\n"))
    a = clean_bytes(one.encode())
    assert a.shape == "oneline" and a.text
    assert PARAGRAPHS[1].split(": ")[1] in a.text


def test_a_layout_dump_is_read_without_its_bullets_and_columns():
    lines = [f"      * {item}" for item in MENU] + [f"    {HEADLINE}"] + \
        [f"    {p}" for p in PARAGRAPHS] + ["سایر اخبار" + " " * 40 + "تبلیغات"]
    a = clean_bytes("\n".join(lines).encode())
    assert a.shape == "layout" and a.title == HEADLINE
    assert "*" not in a.text and a.text.split("\n\n") == PARAGRAPHS


def test_explain_shows_the_shape_found(tmp_path):
    path = tmp_path / "page.md"
    path.write_text(MARKDOWN, encoding="utf-8")
    proc = subprocess.run([KHABAR, "clean", "--explain", str(path)], capture_output=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["shape"] == "markdown"
    plain = subprocess.run([KHABAR, "clean", str(path)], capture_output=True, timeout=120)
    assert "shape" not in json.loads(plain.stdout)


def test_html_entities_are_decoded_in_a_line_dump():
    raw = page(["زمان: 19:04&nbsp;1398/02/11&nbsp;", "کد خبر:&nbsp;7121212", "&#1606;&#1592;&#1585;&#1575;&#1578;"])
    a = clean_bytes(raw)
    assert (a.news_id, a.published) == ("7121212", "2019-05-01T19:04:00+04:30")
    assert "&" not in a.text + (a.title or "") and a.title == HEADLINE


def test_tags_with_no_label_right_after_the_article_are_read():
    after = ["بندر امام", "کالای اساسی", "خوزستان", "نسخه چاپی", "ارسال به دوستان"]
    a = clean_bytes(page(["کد خبر: ۱۲۳۴۵"], after=after))
    assert a.tags == ["بندر امام", "کالای اساسی", "خوزستان"]


def test_a_menu_after_the_article_is_not_read_as_tags():
    a = clean_bytes(page(["کد خبر: ۱۲۳۴۵"], after=["درباره ما", "تماس با ما", "نسخه چاپی"]))
    assert a.tags == []


def test_tags_three_spaces_apart_on_their_header_s_line_are_split():
    a = clean_bytes(page(["کد خبر: ۱۲۳۴۵"], after=["برچسب ها بندر امام   کالای اساسی   خوزستان", "نسخه چاپی"]))
    assert a.tags == ["بندر امام", "کالای اساسی", "خوزستان"]


def test_a_relative_time_ends_a_list_item_and_is_cut_from_its_headline():
    from khabar.core.segment import segment

    assert [line.text for line in segment("خبر اول ۱۴ روز پیش\nخبر دوم")] == ["خبر اول ۱۴ روز پیش", "خبر دوم"]
    related = ["مطالب مرتبط", "افتتاح سه طرح عمرانی در اهواز ۱۴ روز پیش", "بارش باران در ایلام ۳ ساعت قبل"]
    a = clean_bytes(page(["کد خبر: ۱۲۳۴۵"], after=related))
    assert "روز پیش" not in a.text and "اهواز" not in a.text


def test_teasers_after_the_agency_end_mark_are_not_the_article():
    teasers = [f"{item} در هفته گذشته برگزار شد و مسئولان استان در این مراسم از برنامه‌های تازه برای مردم "
               f"و جوانان شهر سخن گفتند و قول دادند که این طرح‌ها تا پایان سال به نتیجه برسد." for item in MENU]
    a = clean_bytes(page(["کد خبر: ۱۲۳۴۵"], after=["انتهای پیام/", "پیشنهاد سردبیر", *teasers]))
    assert a.text.split("\n\n") == PARAGRAPHS


def test_a_headline_after_a_menu_s_header_is_the_title_above_the_metadata():
    # As inscriptis lays it out: the menu a bulleted list, the live-score bar's header and items on one line.
    head = ["نتایج زنده لیگ برتر جام حذفی", HEADLINE, "۱۹ تیر ۱۴۰۱ ساعت ۱۸:۲۴", "کد: ۱۴۰۲۱۰۷"]
    lines = page([], head=head, bar="ورزش سه").decode().split("\n")
    a = clean_bytes("\n".join(f"    * {line}" if line in MENU else f"      {line}" for line in lines).encode())
    assert a.title == HEADLINE and a.published == "2022-07-10T18:24:00+04:30"


def test_a_label_glued_to_its_value_by_the_colon_is_read():
    a = clean_bytes(page(["زمان:19:04 1398/02/11", "شماره خبر:13980211000123"]))
    assert (a.published, a.news_id) == ("2019-05-01T19:04:00+04:30", "13980211000123")


def test_a_one_line_page_takes_its_title_from_the_title_bar_it_repeats():
    related = [f"{item} در هفته گذشته به روز شد" for item in MENU] * 3
    one = " ".join(page(["کد خبر: ۱۲۳۴۵", "تاریخ انتشار: ۲۱ ارديبهشت ۱۳۹۹ - ۱۸:۵۹"],
                        after=["مطالب مرتبط", *related]).decode().split("\n"))
    a = clean_bytes(one.encode())
    assert (a.title, a.news_id, a.published) == (HEADLINE, "12345", "2020-05-10T18:59:00+04:30")


def test_a_markdown_table_layout_gives_each_cell_its_own_line():
    # html2text lays an old table page out so: the meta row, its rule, then the article's cell, no blank line.
    table = "\n".join([
        *[f"  * [{item}](/service/{i})" for i, item in enumerate(MENU)],
        "",
        f"# {HEADLINE}",
        "",
        "بازدید امروز: 4512",
        "| کد مطلب: 99042| تاریخ: دوشنبه 7 فروردین 1396 - 13:05",
        "---|---",
        *PARAGRAPHS,
        "",
        *[f"  * [{item}](/page/{i})" for i, item in enumerate(FOOTER)],
    ])
    a = clean_bytes(table.encode())
    assert (a.news_id, a.published) == ("99042", "2017-03-27T13:05:00+04:30")
    assert "بازدید" not in a.text and all(p in a.text for p in PARAGRAPHS)


def test_meta_items_a_dump_glued_together_are_read_apart():
    # Tags stripped by a regular expression leave inline elements with no space between them.
    a = clean_bytes(page(["پنجشنبه ۲۳ خرداد ۱۳۹۸کد خبر ۷۶۶۲۰۸۸۱۰شماره روزنامه: ۵۲۷۲"], bar="همشهری"))
    assert (a.news_id, a.published) == ("766208810", "2019-06-13")


def test_a_layout_dump_of_a_table_page_is_read_column_by_column():
    # inscriptis lays a two-column table side by side: the side list left, the article right.
    side = ["پربحث‌ترین‌ها", *[f"{item} در هفته گذشته به روز شد" for item in MENU]]
    body = [HEADLINE, *PARAGRAPHS]
    rows = [f"{side[i] if i < len(side) else '':<60}     {body[i] if i < len(body) else ''}".rstrip()
            for i in range(max(len(side), len(body)))]
    a = clean_bytes("\n".join(["  * صفحه اصلی", "  * سیاسی", "  * اقتصادی", *rows, "    درباره ما"]).encode())
    assert a.shape == "layout" and a.title == HEADLINE
    assert a.text.split("\n\n") == PARAGRAPHS


def test_khabar_explain_names_the_shape_of_a_page_not_saved_line_by_line(tmp_path):
    path = tmp_path / "page.md"
    path.write_text(MARKDOWN, encoding="utf-8")
    proc = subprocess.run([KHABAR, "explain", str(path)], capture_output=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert b"saved as markdown" in proc.stdout


def test_a_suggested_reading_box_inside_the_article_is_left_out():
    lines = page(["کد خبر: ۱۲۳۴۵"]).decode().split("\n")
    at = lines.index(PARAGRAPHS[1])
    lines[at:at] = ["پیشنهاد مطالعه:", "فراخوان جشنواره عکس سوادآموزی منتشر شد"]
    a = clean_bytes("\n".join(lines).encode())
    assert a.text.split("\n\n") == PARAGRAPHS


def test_a_paragraph_after_an_inline_box_and_before_a_line_up_is_text_not_a_teaser():
    lines = page(["کد خبر: ۱۲۳۴۵"]).decode().split("\n")
    at = lines.index(PARAGRAPHS[2])
    lines[at:at] = ["بیشتر بخوانید", "کاریوس: نصف باشگاه های لیگ برتر دنبال من بودند"]
    at = lines.index(PARAGRAPHS[2]) + 1
    lines[at:at] = ["ترکیب دو تیم", "ذوب‌آهن:", "مرتضی پورعلی‌گنجی", "سعید مهری", "یاسین سلمانی"]
    a = clean_bytes("\n".join(lines).encode())
    assert PARAGRAPHS[2] in a.text and "کاریوس" not in a.text


def test_an_old_page_s_bold_headline_is_the_title_of_its_markdown():
    side = "\n\n".join(f"[{item} در هفته گذشته به روز شد](/news/{i})" for i, item in enumerate(MENU))
    md = "\n\n".join([side, "کد مطلب: 99042", f"**{HEADLINE}**", *PARAGRAPHS, "**سارا** 26 مرداد 1400 - 22:43"])
    a = clean_bytes(md.encode())
    assert a.title == HEADLINE


def test_readers_comments_after_the_article_are_not_its_text():
    comments = ["نظرات (4)", "امیر 11 اسفند 1393 - 07:06 ای کاش مسئولین قبل از این تصمیم با کارشناسان مشورت می‌کردند.",
                "سارا 12 اسفند 1393 - 08:03 این همه وعده دادند ولی در عمل چیزی ندیدیم و همه چیز مثل قبل ماند."]
    a = clean_bytes(page(["کد خبر: ۱۲۳۴۵"], after=comments))
    assert a.text.split("\n\n") == PARAGRAPHS


def test_a_time_glued_to_its_date_is_read_and_never_the_title():
    a = clean_bytes(page(["زمان:18:121398/05/28", "شماره خبر:13980528166897"], head=["خبرگزاری فارس", HEADLINE]))
    assert (a.published, a.title) == ("2019-08-19T18:12:00+04:30", HEADLINE)


def test_a_title_bar_writing_other_digits_than_the_page_still_names_the_headline():
    headline = "اولین حضور در لیگ حرفه‌ای در 16 سالگی"
    head = ["نتایج زنده", "جدول لیگ", "لیگ برتر", "جام حذفی", headline]
    a = clean_bytes(page(["کد: ۸۵۷۸۳۱۲"], head=head, bar="اولین حضور در لیگ حرفه‌ای در ۱۶ سالگی - ایسنا"))
    assert a.title == headline
    one = " ".join(page(["کد خبر: ۱۲۳۴۵"], head=[headline], bar="اولین حضور در لیگ حرفه‌ای در ۱۶ سالگی - ایسنا",
                        after=["مطالب مرتبط", *[f"{m} در هفته گذشته به روز شد" for m in MENU] * 3]).decode().split("\n"))
    assert clean_bytes(one.encode()).title == headline
    from khabar.core.reshape import reshape

    assert reshape(one).title_hint == headline  # found again though the bar writes its digits otherwise

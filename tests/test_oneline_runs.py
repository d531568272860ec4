"""Issue 17, pages with no line structure: the lists, labels and buttons a page
saved on one line strings together with its article."""

from khabar.core.bars import cut_runs
from khabar.core.model import Line
from khabar.core.pipeline import clean_bytes, rules_for
from khabar.core.config import Config
from tests.test_shapes import HEADLINE, MENU, PARAGRAPHS, page

# A related list's headlines: each ends in its verb, none in a full stop.
RELATED = [
    "رئیس جمهور عراق به گروهک‌های مخالف ایران هشدار داد",
    "مردم آمریکای لاتین با تظاهرات گسترده از بوش استقبال کردند",
    "اراک میزبان تیم بسکتبال مانیزان کرمانشاه است",
    "کمیسیون تلفیق هنوز برای تعیین نرخ دلار در بودجه به توافق نرسیده است",
    "برنامه‌های هفته جوان در استان مرکزی اعلام شد",
    "نمایشگاه هفته دولت در خراسان شمالی به صورت مجازی برگزار می‌شود",
]


def one_line(data: bytes) -> bytes:
    return " ".join(data.decode().split("\n")).encode()


def test_a_related_list_strung_on_one_line_is_not_the_article_s_text():
    a = clean_bytes(one_line(page(["کد خبر: ۱۲۳۴۵"], after=["پیشنهاد سردبیر", *RELATED])))
    assert a.shape == "oneline"
    assert not any(item in a.text for item in RELATED)
    assert PARAGRAPHS[2].split(": ")[1] in a.text


def test_a_list_with_relative_times_and_a_headline_ending_in_an_exclamation_is_cut_out():
    items = [f"{h} {n} ساعت پیش" for h, n in zip(RELATED, range(2, 8))]
    items[2] = "هیچ بلایی نیست که سر استقلال نیامده باشد! ۲۶ ساعت پیش"
    a = clean_bytes(one_line(page(["کد خبر: ۱۲۳۴۵"], after=["خبرهای مرتبط", *items])))
    assert "استقلال" not in a.text and not any(h in a.text for h in RELATED)


def test_a_one_line_page_whose_title_bar_holds_the_headline_alone_gives_it_as_title():
    bar = f"{HEADLINE} امروز: پنجشنبه ۲۳ خرداد ۱۳۹۸ روزنامه همشهری نسخه PDF روزنامه | آرشیو روزنامه"
    a = clean_bytes(one_line(page(["کد خبر: ۱۲۳۴۵"], bar=bar, after=["اخبار مرتبط", *RELATED])))
    assert a.title == HEADLINE


def test_comments_after_a_font_size_widget_on_one_line_are_not_the_article_s_text():
    after = ["نسخه چاپی", "اندازه فونت", "+", "-", "نظرات (4)", "امیر 11 اسفند 1393 - 07:06",
             "ای کاش مسئولین قبل از این تصمیم با کارشناسان مشورت می‌کردند.",
             "سارا 12 اسفند 1393 - 08:03", "این همه وعده دادند ولی در عمل چیزی ندیدیم."]
    a = clean_bytes(one_line(page(["کد خبر: ۱۲۳۴۵"], after=after)))
    assert "کارشناسان مشورت" not in a.text and "وعده دادند" not in a.text
    assert PARAGRAPHS[2].split(": ")[1] in a.text


def test_an_author_glued_to_the_date_and_time_on_one_line_leaves_the_publication_time_readable():
    meta = ["نویسنده: تحریریه تک‌نما", "۲۱ آبان ۱۳۹۹ | ۱۳:۳۲"]
    a = clean_bytes(one_line(page(meta, after=["مطالب مرتبط", *RELATED])))
    assert a.published == "2020-11-11T13:32:00+03:30"


def test_a_reading_time_and_update_date_glued_to_the_lead_leave_the_lead_whole():
    lead = "مدیرکل بنادر استان خوزستان گفت: پنجاه هزار تن کالای اساسی در هفته گذشته در بندر امام تخلیه شد."
    meta = ["کد خبر: ۱۲۳۴۵", "زمان مطالعه: ۶ دقیقه", "آخرین به‌روزرسانی: ۱۷/۱۱/۲۰۲۰", lead]
    a = clean_bytes(one_line(page(meta, after=["مطالب مرتبط", *RELATED])))
    assert a.lead == lead


def test_an_issue_number_on_one_line_is_not_kept_with_the_surtitle():
    head = ["شماره روزنامه: ۵۲۷۲", "به دنبال انتشار گزارش دیوان محاسبات", HEADLINE]
    a = clean_bytes(one_line(page(["کد خبر: ۱۲۳۴۵"], head=head, after=["اخبار مرتبط", *RELATED])))
    assert a.title == HEADLINE and "۵۲۷۲" not in (a.surtitle or "") + a.text


def test_a_share_button_s_name_after_a_preposition_stays_in_its_sentence():
    sentence = ("احمد چلبی دبیر کل کنگره ملی عراق در صفحه اختصاصی خود در فیس بوک نوشت: وقوع کودتای نظامی "
                "در این کشور بعید نیست.")
    lines = cut_runs([Line(sentence, (1,), False)], rules_for(Config().rules))
    assert [line.text for line in lines] == [sentence]


def test_a_box_header_glued_to_its_headlines_by_a_tag_stripping_dump_is_cut_out():
    box = "بیشتر بخوانیدآغاز سومین مرحله رزمایش «مواسات» در قشمنشست رفتار سازمانی در سازمان‌های فرهنگی - هنری"
    body = "\n".join([*PARAGRAPHS[:2], box, PARAGRAPHS[2]])
    a = clean_bytes(page(["کد خبر: ۱۲۳۴۵"]).decode().replace("\n".join(PARAGRAPHS), body).encode())
    assert "مواسات" not in a.text and "بیشتر بخوانید" not in a.text
    assert a.text.split("\n\n") == PARAGRAPHS


def test_prose_after_a_box_between_paragraphs_is_the_article_s_not_a_teaser():
    body = [PARAGRAPHS[0], "بیشتر بخوانید", "آغاز سومین مرحله رزمایش مواسات در قشم و نشست رفتار سازمانی",
            "امام جمعه بابل با انتقاد از عدم توجه جدی به حجاب در جامعه تصریح کرد: یکی از مهم‌ترین وظایف دولت "
            "اسلامی توجه به حجاب و ترویج و اشاعه این فریضه است.",
            "اهتمام جدی برای این مسئله دیده نمی‌شود", *PARAGRAPHS[1:]]
    data = page(["کد خبر: ۱۲۳۴۵"]).decode().replace("\n".join(PARAGRAPHS), "\n".join(body)).encode()
    a = clean_bytes(data)
    assert "امام جمعه بابل" in a.text and "رزمایش" not in a.text


def test_a_box_s_headlines_on_one_line_are_cut_from_the_paragraph_they_run_on_into():
    box = ["بیشتر بخوانید", "فوتبال محلات خوزستان به تعطیلی رفت", "شیمبا: به آینده این فولاد امیدوارم"]
    body = "\n".join([PARAGRAPHS[0], *box, *PARAGRAPHS[1:]])
    data = page(["کد خبر: ۱۲۳۴۵"], after=["پیشنهاد سردبیر", *RELATED]).decode().replace("\n".join(PARAGRAPHS), body)
    a = clean_bytes(one_line(data.encode()))
    assert "تعطیلی" not in a.text and "شیمبا" not in a.text
    assert PARAGRAPHS[1] in a.text


def test_a_wrapped_markdown_line_keeps_the_hard_break_it_ends_with():
    from khabar.core.reshape import reshape

    # html2text wraps a link's text at 78 columns and ends each item with a hard break.
    halves = [h.split(" ", 3) for h in RELATED]
    related = [f"![](/images/bullet.gif) [{' '.join(w[:3])}\n{w[3]}](/news/{i})  " for i, w in enumerate(halves)]
    md = "\n".join(["# " + HEADLINE, "", *[p for para in PARAGRAPHS for p in (para, "")],
                    "| خبرهای مرتبط  ", "---  ", *related,
                    "طراحی و توسعه: گروه نرم‌افزاری آوا استفاده از مطالب با ذکر منبع آزاد است."])
    lines = reshape(md).text.split("\n")
    assert all(h in lines for h in RELATED)
    a = clean_bytes(md.encode())
    assert a.text.startswith("\n\n".join(PARAGRAPHS)) and not any(h in a.text for h in RELATED)


def test_a_table_cell_s_text_wrapped_at_78_columns_is_rejoined():
    lead = "دبیرکل کنگره ملی عراق وقوع کودتای نظامی در عراق را با توجه به ادامه وضعیت ناامنی در این کشور بعید ندانست."
    words = lead.split()
    menu = [f"  * [{item}](/service/{i})" for i, item in enumerate(MENU)]
    md = "\n".join([*menu, "", "| کد مطلب: 16135| تاریخ: شنبه 22 آبان 1400 - 08:47  ", "---|---  ", "گزارش اختصاصی  ", "---  ",
                    f"**{HEADLINE}**  ", " ".join(words[:6]), " ".join(words[6:]) + "  ",
                    *[para + "  " for para in PARAGRAPHS], "منبع: خبرگزاری فارس  "])
    a = clean_bytes(md.encode())
    assert (a.title, a.lead) == (HEADLINE, lead)


def test_the_title_bar_running_into_the_header_on_one_line_is_not_cut_into_a_copy_of_the_headline():
    header = "ورزش۳ نقل و انتقالات لیگ قهرمانان آسیا بسکتبال رزمی فوتبال جهان لیگ برتر والیبال کشتی جام حذفی لیگ یک فوتسال"
    bar = f"{HEADLINE} | {header} تنیس دوچرخه‌سواری"
    assert len(bar.split()) == 35  # cut into three, the first piece would be the headline and its bar
    a = clean_bytes(one_line(page(["کد: ۶۷۶۳۴۰۴"], bar=bar, after=["پیشنهاد سردبیر", *RELATED])))
    assert a.title == HEADLINE and a.lead is None and a.text.startswith(PARAGRAPHS[0])


def test_a_short_page_on_one_line_is_read_as_one():
    text = f"۲۵ آذر ۱۳۸۸، ۱۶:۰۱ کد خبر 646625140 ورزش {HEADLINE} {PARAGRAPHS[0]} لینک کوتاه کپی شد"
    assert len(text) < 1000
    a = clean_bytes(text.encode())
    assert (a.shape, a.news_id, a.text) == ("oneline", "646625140", PARAGRAPHS[0])


def test_the_page_clock_and_a_short_link_on_one_line_are_cut_from_the_text_they_run_into():
    text = " ".join(["همشهری آنلاین", "امروز: دوشنبه ۸ آذر ۱۳۹۵", HEADLINE, "کد خبر 229063029", *PARAGRAPHS,
                     "لینک کوتاه", "https://www.mehrnews.com/x/87132Qz", "دیدگاه‌ها",
                     "پس از تفاهم با ایران درباره آمیا شیاطین داخلی و خارجی فعال شدند"])
    a = clean_bytes(text.encode())
    assert (a.title, a.news_id) == (HEADLINE, "229063029")
    assert "۱۳۹۵" not in a.text and "mehrnews" not in a.text and PARAGRAPHS[1] in a.text


def test_a_time_before_its_date_on_one_line_stays_with_it_and_the_date_is_read():
    text = " ".join(["شنبه ۱۳ آبان ۱۳۹۶", "کد خبر: ۹۶۶۴۵۰۱۸۲", "تاریخ انتشار: ۲۰:۱۳ - ۱۱ آبان ۱۳۹۶",
                     "۲۰ بازیکن پرسپولیس مشخص شدند", *PARAGRAPHS, "بازدید: ۴۵۹۷۹"])
    a = clean_bytes(text.encode())
    assert a.published == "2017-11-02T20:13:00+03:30" and "۱۳۹۶" not in a.text

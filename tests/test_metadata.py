import pytest

from khabar.core.classify import classify
from khabar.core.metadata import agency_of, extract, line_role, news_id_in
from khabar.core.model import Role
from khabar.core.segment import segment
from tests.helpers import page

TITLE = "زیرساخت صدور کارت ملی ایرانیان خارج از کشور فراهم شد"
BODY = ["رئیس سازمان ثبت احوال کشور با اشاره به اینکه یکی از سیاست‌های دولت برقراری ارتباط با ایرانیان خارج از کشور بود گفت: کارت‌ها صادر شد.",
        "وی افزود: مدیران باید شناخت کاملی از وضع موجود به دست آورند و با طراحی چشم‌اندازی مناسب، اهداف خود را در ۱۲ مهر ۱۴۰۲ ترسیم کنند."]


def meta(*lines):
    return extract(classify(segment(page(*lines))))


@pytest.mark.parametrize("line,code", [
    ("کدخبر: 2855 سهشنبه، 01 شهریور 1401 - 13:56 2855 پرینت خبر", "2855"),
    ("کد خبر ۴۵۲۵۴۶۲۴۹", "452546249"),
    ("شناسه خبر: 12ab-77", "12ab-77"),
    ("کد مطلب : ۸۸۷", "887"),
])
def test_the_news_code_is_read_under_its_labels_in_any_digits(line, code):
    assert news_id_in(line) == code


def test_a_paragraph_that_mentions_a_code_is_not_a_metadata_line():
    assert line_role("مسئولان اعلام کردند که کد خبر ۱۲۳ را برای پیگیری شکایت‌ها و درخواست‌های مردم از سامانه دریافت کنید و پیگیری کنید.") is None


@pytest.mark.parametrize("line,role", [
    ("منبع: خبرگزاری ایرنا", Role.SOURCE),
    ("نویسنده: مریم احمدی", Role.AUTHOR),
    ("تاریخ انتشار: ۱۴:۵۱ - ۲ فروردین ۱۳۸۹", Role.DATE),
    ("امروز: دوشنبه ۸ آذر ۱۳۹۵", Role.CLOCK),
    ("آخرین بروزرسانی: ۳ مهر ۱۴۰۲ - ۱۰:۰۰", Role.UPDATED),
    (TITLE, None),
])
def test_metadata_lines_are_recognised(line, role):
    assert line_role(line) is role


def test_the_seed_header_gives_code_and_time_with_tehrans_summer_offset():
    got = meta("کدخبر: 2855 سهشنبه، 01 شهریور 1401 - 13:56 2855 پرینت خبر", TITLE, *BODY, "منبع: خبرگزاری ایرنا")
    assert (got.news_id, got.published, got.source, got.agency) == (
        "2855", "2022-08-23T13:56:00+04:30", "خبرگزاری ایرنا", "ایرنا")


def test_a_labelled_publication_date_wins_over_the_header_clock():
    got = meta("جمعه ۲۷ فروردین ۱۳۸۹", "کد خبر: ۳۰۲۲۷۷۳۵۶", "تاریخ انتشار: ۱۴:۵۱ - ۲ فروردین ۱۳۸۹", TITLE, *BODY)
    assert got.published == "2010-03-22T14:51:00+04:30"


def test_the_page_clock_and_update_lines_are_never_the_publication_time():
    got = meta("امروز: دوشنبه ۸ آذر ۱۳۹۵", TITLE, *BODY, "آخرین بروزرسانی: ۱۰ آذر ۱۳۹۵ - ۰۹:۱۵")
    assert got.published is None
    assert got.updated == "2016-11-30T09:15:00+03:30"


def test_a_date_inside_the_body_is_not_the_publication_time():
    assert meta(TITLE, *BODY).published is None


def test_an_author_line_is_read_and_kept_out_of_the_text():
    assert meta(TITLE, *BODY, "نویسنده: مریم احمدی").author == "مریم احمدی"


@pytest.mark.parametrize("credit,name", [
    ("خبرگزاری ایرنا", "ایرنا"), ("IRNA", "ایرنا"), ("خبرگزاری مهر", "مهر"),
    ("باشگاه خبرنگاران جوان", "باشگاه خبرنگاران جوان"), ("روزنامه محلی", None),
])
def test_agencies_get_their_canonical_name(credit, name):
    assert agency_of(credit) == name


def test_tags_on_the_header_line_and_as_hashtags_are_read():
    assert meta(TITLE, *BODY, "برچسب‌ها: تراکتور ، پرسپولیس تهران").tags == ("تراکتور", "پرسپولیس تهران")
    assert meta(TITLE, *BODY, "#تیم_ملی_ایران #فوتبال").tags == ("تیم ملی ایران", "فوتبال")


def test_a_tag_may_be_a_section_name():
    assert meta(TITLE, *BODY, "کلیدواژه‌ها", "کرمان", "ورزشی", "خبرهای مرتبط").tags == ("کرمان", "ورزشی")


def test_a_source_without_a_colon_is_read_only_before_an_outlet():
    assert meta(TITLE, *BODY, "منبع ورزش سه").source == "ورزش سه"
    assert line_role("منبع درآمد کارخانه") is None


def test_the_bare_date_nearest_the_title_is_the_publication_date():
    got = meta("Tuesday 10 January 2023", "صفحه نخست", "سیاسی", "ورزشی", "۱۴۰۱-۰۶-۰۱ ۰۳:۴۴", TITLE, *BODY)
    assert got.published == "2022-08-23T03:44:00+04:30"


def test_relative_dates_count_only_against_a_reading_time_given():
    from datetime import datetime

    lines = segment(page(TITLE, "دیروز", *BODY))
    assert extract(classify(lines)).published is None
    read = datetime(2024, 3, 5, 10, 0)
    assert extract(classify(lines, reference=read), reference=read).published == "2024-03-04"


@pytest.mark.parametrize("paragraph,outlet", [
    ("به گزارش گروه اجتماعی خبرگزاری فارس از بیرجند، علی‌اکبر محمدی گفت: …", "خبرگزاری فارس"),
    ('به گزارش "ورزش سه"، بازیکنان استقلال تمرین کردند.', "ورزش سه"),
    ("به گزارش خبرگزاری فارس محمدرضا میرتاج‌الدینی در سخنانی در یادواره شهدا، گفت: …", "خبرگزاری فارس"),
    ("به گزارش ایسنا از تهران، رئیس سازمان گفت: …", "ایسنا"),
    ("به گزارش وی، کار ادامه دارد.", None),
    ("به گزارش روشنای راه، هاشم کارگر گفت: …", None),  # an outlet khabar cannot be sure of
])
def test_the_credit_at_the_head_of_a_paragraph_names_the_outlet(paragraph, outlet):
    from khabar.core.metadata import credit_in

    assert credit_in(paragraph) == outlet


def test_a_source_line_wins_over_the_credit_in_the_text():
    got = meta(TITLE, "به گزارش خبرگزاری فارس، " + BODY[0], BODY[1], "منبع: خبرگزاری ایرنا")
    assert got.source == "خبرگزاری ایرنا"
    assert meta(TITLE, "به گزارش خبرگزاری فارس، " + BODY[0], BODY[1]).source == "خبرگزاری فارس"


@pytest.mark.parametrize("line,author", [
    ("ارسال شده توسط مریم احمدی", "مریم احمدی"),
    ("نیلوفر رستمی - روزنامه‌نگار", "نیلوفر رستمی"),
    ("ارسال شده توسط: مدیر سایت | ۷ ساعت پیش | ۸ دیدگاه", "مدیر سایت"),
])
def test_bylines_without_a_label_name_the_author(line, author):
    from khabar.core.metadata import author_in

    assert author_in(line) == author


def test_a_single_word_label_needs_its_colon():
    from khabar.core.metadata import labels

    assert not labels().published.search("زمان بازی: ۲۰:۰۰")
    assert labels().published.search("زمان: ۱۴۰۱/۰۱/۰۱")


def test_a_bare_date_far_from_the_title_is_the_page_clock():
    menu = ["صفحه نخست", "سیاسی", "اقتصادی", "ورزشی", "فرهنگی", "اجتماعی", "استان‌ها", "ویدیو"]
    got = meta("شنبه ۱۴ اسفند ۱۴۰۰", *menu, TITLE, "۳ ساعت پیش", *BODY)
    assert got.published is None

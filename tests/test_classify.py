"""The classifier on small synthetic pages, one page structure per test."""

from khabar.core.classify import Class, classify, context_free_class, densest_run
from khabar.core.features import PROSE_MIN_WORDS, features
from khabar.core.model import Kind, Line
from khabar.core.rules import default_rules
from khabar.core.segment import segment
from tests.helpers import page

PARA1 = "رئیس سازمان ثبت احوال کشور با اشاره به اینکه یکی از سیاست‌های دولت برقراری ارتباط با ایرانیان خارج از کشور بود گفت: کارت‌های ملی صادر شد."
PARA2 = "به گزارش ایرنا، هاشم کارگر در جلسه شورای راهبردی این سازمان با اشاره به اقدامات دولت در همه زمینه‌ها اظهار داشت: باید در مسیر تحول قدم برداریم."
PARA3 = "وی افزود: مدیران باید شناخت کاملی از وضع موجود به دست آورند و با طراحی چشم‌اندازی مناسب، اهداف و نقشه راه خود را برای رسیدن به آنها ترسیم کنند."
TITLE = "زیرساخت صدور کارت ملی ایرانیان خارج از کشور فراهم شد"


def labels(*lines):
    return [(item.kind, item.reason) for item in classify(segment(page(*lines)))]


def kinds(*lines):
    return [kind for kind, _ in labels(*lines)]


def line_class(text):
    return context_free_class(features(Line(text, (1,)), default_rules()))


def test_a_long_line_with_stop_words_that_ends_a_sentence_is_prose():
    assert line_class(PARA1) is Class.PROSE


def test_a_long_headline_without_a_full_stop_is_not_prose():
    headline = "لیست پرسپولیس برای نیم فصل دوم با دو علامت سوال و سه بازیکن تازه"
    assert len(headline.split()) >= PROSE_MIN_WORDS
    assert line_class(headline) is Class.SHORT


def test_a_short_sentence_is_a_sentence():
    assert line_class("تحسین دوطرفه‌ای بین ماست.") is Class.SENTENCE


def test_the_densest_run_does_not_cross_an_end_marker():
    assert densest_run([5, 5, -1, 12], barriers={2}) == (3, 3)
    assert densest_run([5, 5, -1, 12], barriers=set()) == (0, 3)
    assert densest_run([-1, -2], barriers=set()) is None


def test_menu_title_body_and_footer_of_a_whole_page():
    got = kinds("صفحه نخست", "سیاسی", "ورزشی", TITLE, PARA1, PARA2, PARA3,
                "انتهای پیام/", "© تمامی حقوق محفوظ است.")
    assert got == [Kind.BOILERPLATE] * 3 + [Kind.TITLE, Kind.LEAD, Kind.PARAGRAPH, Kind.PARAGRAPH] \
        + [Kind.BOILERPLATE] * 2


def test_surtitle_ending_in_a_colon_sits_above_the_title():
    got = kinds("هاشم کارگر، رئیس سازمان ثبت احوال کشور:", TITLE, "image", PARA1, PARA3)
    assert got[:3] == [Kind.SURTITLE, Kind.TITLE, Kind.BOILERPLATE]


def test_a_short_line_between_paragraphs_is_a_subheading():
    got = kinds(TITLE, PARA1, PARA3, "تسریع صدور مدارک هویتی زائران اربعین", PARA2, PARA3)
    assert got[3] is Kind.SUBHEADING


def test_headlines_after_a_list_header_are_a_link_list_even_inside_the_article():
    got = labels(TITLE, PARA1, "بیشتر بخوانید:", "پروسه تعویق رقابت‌های المپیک آغاز شده است",
                 "خنیفر: کاش ویسی سرمربی تیم المپیک می‌شد!", PARA2, PARA3)
    assert got[2] == (Kind.BOILERPLATE, "related-list")
    assert got[3] == got[4] == (Kind.BOILERPLATE, "link-list")
    assert got[5][0] is Kind.PARAGRAPH


def test_a_read_more_box_right_after_the_lead_cuts_neither_the_lead_nor_the_title_off():
    lead = "تفاهم‌نامه همکاری مشترک بین سازمان منطقه آزاد اروند و کمیسیون گردشگری اتاق بازرگانی ایران منعقد شد."
    got = labels(TITLE, "منبع تصویر، Getty Images", lead, "بیشتر بخوانید:", "پروسه تعویق رقابت‌های المپیک آغاز شده است",
                 "خنیفر: کاش ویسی سرمربی تیم المپیک می‌شد!", PARA1, PARA2, PARA3)
    assert got[0][0] is Kind.TITLE and got[2][0] is Kind.LEAD
    assert [k for k, _ in got[3:6]] == [Kind.BOILERPLATE] * 3 and got[6][0] is Kind.PARAGRAPH


def test_a_short_link_box_after_the_article_does_not_pull_in_what_follows():
    # The box joins the article to the prose above it, never to the prose below it.
    got = kinds(TITLE, PARA1, PARA2, "اخبار مرتبط", "تکلیف قاضی فردا مشخص می‌شود",
                "جدایی شریفی از پرسپولیس جدی شد", "نظر شما چیست؟")
    assert got[3:] == [Kind.BOILERPLATE] * 4


def test_lines_after_a_tags_header_are_tags():
    got = labels(TITLE, PARA1, PARA2, "برچسب‌ها:", "کارت ملی", "ثبت احوال", "اخبار مرتبط", "خبری دیگر درباره کارت")
    assert got[3] == (Kind.BOILERPLATE, "tags")
    assert got[4] == got[5] == (Kind.METADATA, "metadata: tag")
    assert got[7] == (Kind.BOILERPLATE, "link-list")


def test_metadata_lines_are_labelled_with_what_they_hold():
    got = labels("کد خبر: 452546249", TITLE, PARA1, PARA2, "منبع: خبرگزاری ایرنا")
    assert got[0] == (Kind.METADATA, "metadata: news-code")
    assert got[4] == (Kind.METADATA, "metadata: source")


def test_the_lead_above_metadata_and_the_title_above_it():
    got = kinds("امروز: چهارشنبه ۲۳ بهمن ۱۳۸۷", TITLE, "تمرین امروز استقلال به سبک جالبی شروع شد.",
                "کد خبر 435168434", "اشتراک گذاری", PARA1, PARA2)
    assert got[1:3] == [Kind.TITLE, Kind.LEAD]


def test_short_lines_that_finish_the_last_sentence_before_the_footer_are_kept():
    got = kinds(TITLE, PARA1, PARA2, "کارخانه سیمان ایلام روزانه ۲", "هزار تن محصول",
                "تولید می‌کند.", "نویسنده: مریم احمدی")
    assert got[3:6] == [Kind.PARAGRAPH] * 3 and got[6] is Kind.METADATA


def test_a_line_that_repeats_the_title_is_not_kept_twice():
    got = labels(TITLE, PARA1, PARA2, TITLE)
    assert got[3] == (Kind.BOILERPLATE, "repeats-title")


def test_a_page_without_prose_keeps_nothing():
    assert all(not kind.kept for kind in kinds("خانه", "ورزش", "تماس با ما"))


def test_a_run_of_short_lines_is_a_menu_and_the_title_after_it_is_found():
    got = labels("زومیت", "موبایل", "لپ تاپ", "سخت افزار", TITLE, "زهرا کریمی", "۵ مرداد ۱۳۸۷ | ۲۲:۰۳",
                 "زمان مطالعه: ۲ دقیقه", PARA1, PARA2)
    assert [k for k, _ in got[:4]] == [Kind.BOILERPLATE] * 4 and got[1][1] == "menu"
    assert got[4][0] is Kind.TITLE  # not the author's name between the title and the article
    assert got[5][0] is Kind.BOILERPLATE


def test_a_relative_date_line_is_metadata_not_a_title():
    got = kinds(TITLE, "فاطمه موسوی", "دیروز", PARA1, PARA2)
    assert got[:3] == [Kind.TITLE, Kind.BOILERPLATE, Kind.METADATA]


def test_related_headlines_with_teasers_are_removed_whole():
    got = labels(TITLE, PARA1, PARA2, "اخبار مرتبط", "جدایی شریفی از پرسپولیس جدی شد",
                 "مهاجم تیم فوتبال استقلال تهران هنوز با هیچ تیمی به توافق نرسیده است و مذاکرات ادامه دارد.",
                 "تکلیف قاضی فردا مشخص می‌شود",
                 "پرونده جام حذفی هم بسته شد تا استقلال از امروز وارد فضای جدیدی شود که با تغییرات همراه است.",
                 "© همه حقوق محفوظ است.")
    assert [k for k, _ in got[3:8]] == [Kind.BOILERPLATE] * 5


def test_a_list_announced_with_a_colon_closes_the_article_with_its_dates():
    got = kinds(TITLE, PARA1, PARA2, "بنابراین دیدار تیم‌های زیر لغو شد:", "چهارشنبه ۱۱ شهریور ۱۳۹۴",
                "شهرداری سمنان-راهیان کرمانشاه", "کارون اهواز-شهرداری جویبار", "منبع: خبرگزاری فارس")
    assert got[3:7] == [Kind.PARAGRAPH] * 4 and got[7] is Kind.METADATA


def test_a_sentence_shown_twice_is_kept_once():
    got = labels(TITLE, PARA1, PARA2, PARA1, PARA3)
    assert got[3] == (Kind.BOILERPLATE, "repeated")
    assert got[1][0] is Kind.LEAD or got[1][0] is Kind.PARAGRAPH


def test_lines_of_latin_words_or_numbers_are_not_prose():
    assert line_class("Tasnim News Agency is a private news agency in Iran and it was launched in 2012.") is Class.SENTENCE
    assert line_class("۱۲ ۳۴ ۵۶ ۷۸ ۹۰ ۱۲ ۳۴ ۵۶ ۷۸ ۹۰ و ۱۱ از ۲۲.") is not Class.PROSE


def test_prose_thresholds_sit_exactly_at_the_constants():
    from khabar.core.features import PROSE_MIN_WORDS

    words = ["او", "در", "این", "دیدار", "گفت", "که", "کار", "را", "ادامه", "می‌دهیم", "و", "پیروز", "می‌شویم"]
    at = " ".join(words[:PROSE_MIN_WORDS]) + "."
    below = " ".join(words[:PROSE_MIN_WORDS - 1]) + "."
    assert line_class(at) is Class.PROSE
    assert line_class(below) is Class.SENTENCE


def test_a_bar_of_metadata_parts_is_metadata():
    got = labels(TITLE, "ارسال شده توسط: admin | ۷ ساعت پیش | ۸ دیدگاه", PARA1, PARA2)
    assert got[0][0] is Kind.TITLE and got[1] == (Kind.METADATA, "metadata: author")


def test_the_last_paragraph_after_a_read_more_box_is_kept():
    got = kinds(TITLE, PARA1, PARA2, "بیشتر بخوانید:", "نیمار: برزیل یکی از کاندیداهای فتح جام جهانی است",
                "وی ادامه داد: بازیکن ایرانی باید بفهمد وظیفه‌اش چیست و در چه حیطه‌ای صحبت کند.",
                "منبع: ورزش سه")
    assert got[3:5] == [Kind.BOILERPLATE] * 2 and got[5] is Kind.PARAGRAPH


def test_one_headline_and_a_sentence_before_the_footer_is_not_a_teaser_list():
    got = kinds(TITLE, PARA1, PARA2, "بیشتر بخوانید:", "رونالدو: تصمیم هوشمندانه بود",
                "با این حال، این داور با تجربه پس از مشورت با داور پشت دروازه از تصمیمش منصرف شد.",
                "منبع: ورزش سه")
    assert got[5] is Kind.PARAGRAPH


def test_a_line_up_announced_after_a_photo_credit_closes_the_article():
    got = kinds(TITLE, PARA1, PARA2, "Getty Images", "انگلیس:",
                "جو هارت، گلن جانسون، گری کیهیل، فیل جاگیلکا، لیتون بینس، استیون جرارد و دنیل استاریج",
                "ایتالیا:", "سالواتوره سیریگو، جورجو کیلینی، آندره‌آ بارزاگلی و ماریو بالوتلی",
                "مطالب مرتبط", "رونالدو و تکذیب شایعه فروش منزلش در مادرید")
    assert got[3] is Kind.BOILERPLATE and got[4:8] == [Kind.PARAGRAPH] * 4 and got[8:] == [Kind.BOILERPLATE] * 2

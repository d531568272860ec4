"""Issue 17: a list's or a menu's header ("نتایج زنده") that a dump put right
above the headline is never the title, even when the page's first line is it."""

from khabar.core.pipeline import clean_bytes
from tests.test_shapes import FOOTER, HEADLINE, MENU, PARAGRAPHS


def test_a_list_header_above_the_headline_is_not_the_title():
    lines = ["نتایج زنده", *MENU, "نتایج زنده", HEADLINE, "۳۰ اردیبهشت ۱۳۹۷ ساعت ۱۷:۲۱", "کد: ۸۵۷۸۳۱۲",
             *PARAGRAPHS, *FOOTER]
    a = clean_bytes("\n".join(lines).encode())
    assert a.title == HEADLINE
    assert a.text.split("\n\n") == PARAGRAPHS


def test_a_line_ending_in_a_colon_is_the_surtitle_of_the_headline_under_it():
    from tests.test_shapes import page

    headline = "بسته خبری| آخرین اخبار استان ایلام"
    a = clean_bytes(page(["تاریخ انتشار: جمعه / ۳۰ آذر ۱۳۹۷ / ۱۵:۲۹", "کد خبر: ۱۳۹۷۰۹۳۰۱۸۳۵۲"],
                         head=["معاون وزیر در گفت‌وگو با خبرنگاران:", headline], bar="خبرگزاری نمونه"))
    assert (a.surtitle, a.title) == ("معاون وزیر در گفت‌وگو با خبرنگاران", headline)


def test_a_breadcrumb_opening_with_the_site_s_name_is_not_the_surtitle():
    # The title bar is "headline - تک‌نما"; a dump joined the breadcrumb's items on one line.
    def article(above: str):
        lines = [f"{HEADLINE} - تک‌نما", *MENU, "ورود / ثبت نام", above, HEADLINE, "نویسنده: تحریریه تک‌نما",
                 *PARAGRAPHS, *FOOTER]
        return clean_bytes("\n".join(lines).encode())

    assert (article("تک‌نما علم").surtitle, article("تک‌نما علم").title) == (None, HEADLINE)
    assert article("در ادامه بررسی لایحه بودجه").surtitle == "در ادامه بررسی لایحه بودجه"

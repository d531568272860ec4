"""Issue 17: a sports line-up inside the article (a heading, each team's label
and players, the coach) is the article's text in every shape, one paragraph a
team, and never a menu or a run of headings."""

from khabar.core.pipeline import clean_bytes
from khabar.core.render import render
from tests.test_shapes import PARAGRAPHS, page

HOME = ["مرتضی پورعلی‌گنجی", "سعید مهری", "یاسین سلمانی", "رامین رضاییان", "عارف غلامی", "آرمان قاسمی",
        "حسین حسینی", "مهدی ترابی", "مهدی مهدی‌پور", "امید عالیشاه", "میلاد سرلک"]
AWAY = ["پیام نیازمند", "محمد دانشگر", "علی کریمی", "محمد محبی", "عزت‌الله پورقاز", "روزبه چشمی",
        "امید نورافکن", "وحید امیری", "احمد نوراللهی", "شهریار مغانلو", "سیامک نعمتی"]
BUTTONS = ["اشتراک‌گذاری:", "لینک کوتاه", "ذخیره", "نسخه چاپی", "ارسال به دوستان"]


def test_a_line_up_one_name_a_line_is_kept_one_paragraph_a_team():
    lineup = ["ترکیب دو تیم", "ذوب‌آهن:", *HOME, "سرمربی: محرم نویدکیا", "پرسپولیس:", *AWAY, "سرمربی: فرهاد مجیدی"]
    a = clean_bytes(page(["کد خبر: ۱۲۳۴۵"], after=[*lineup, *BUTTONS]))
    blocks = a.text.split("\n\n")
    assert blocks[:3] == PARAGRAPHS
    assert blocks[3:] == ["ترکیب دو تیم", "ذوب‌آهن: " + "، ".join(HOME), "سرمربی: محرم نویدکیا",
                          "پرسپولیس: " + "، ".join(AWAY), "سرمربی: فرهاد مجیدی"]
    assert a.subheadings == ["ترکیب دو تیم"]
    markdown = render(a, "md")
    assert "## ترکیب دو تیم" in markdown and not any(f"## {name}" in markdown for name in HOME + AWAY)
    assert "لینک کوتاه" not in a.text


def test_a_line_up_written_a_team_a_line_is_kept():
    # A dump with only the source's line breaks: each team's label and players on one line.
    lineup = ["ترکیب دو تیم", "ذوب‌آهن: " + " ".join(HOME), "سرمربی: محرم نویدکیا", "پرسپولیس: " + " ".join(AWAY)]
    a = clean_bytes(page(["کد خبر: ۱۲۳۴۵"], after=[*lineup, *BUTTONS]))
    assert a.text.split("\n\n")[3:] == lineup


def test_buttons_after_a_label_are_not_a_line_up():
    after = ["اشتراک‌گذاری:", "ذخیره", "نسخه چاپی", "اندازه فونت", "ارسال به دوستان", "اخبار مرتبط",
             "گومس: در بارسا پست اصلی خودم بازی نمی‌کنم", "ترس اصفهان از انتخاب تاج"]
    a = clean_bytes(page(["کد خبر: ۱۲۳۴۵"], after=after))
    assert a.text.split("\n\n") == PARAGRAPHS


def test_a_menu_of_short_items_under_a_label_far_from_the_article_is_not_a_line_up():
    # The same shape as a team (a label, short lines) but in the page's footer: not the article's.
    footer = ["لینک‌های مفید", "درباره ما", "تماس با ما", "تبلیغات", "آرشیو", "نقشه سایت", "شرایط استفاده",
              "خبرنامه:", "سیاسی", "اقتصادی", "اجتماعی", "ورزشی", "فرهنگی", "بین‌الملل"]
    a = clean_bytes(page(["کد خبر: ۱۲۳۴۵"], after=footer))
    assert a.text.split("\n\n") == PARAGRAPHS


def test_khabar_writes_a_line_up_in_markdown_as_paragraphs_not_headings(tmp_path):
    import subprocess

    from tests.test_shapes import KHABAR

    lineup = ["ترکیب دو تیم", "ذوب‌آهن:", *HOME, "سرمربی: محرم نویدکیا", "پرسپولیس:", *AWAY]
    path = tmp_path / "match.txt"
    path.write_bytes(page(["کد خبر: ۱۲۳۴۵"], after=[*lineup, *BUTTONS]))
    proc = subprocess.run([KHABAR, "clean", "--format", "md", str(path)], capture_output=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout.decode()
    assert "## ترکیب دو تیم" in out and "\nپرسپولیس: " + "، ".join(AWAY) + "\n" in out
    assert not any(f"## {name}" in out for name in HOME + AWAY)


def test_a_team_s_label_that_names_the_line_up_and_its_bench_one_a_line_are_kept():
    lineup = ["ترکیب پرسپولیس:", *AWAY, "ذخیره‌ها:", "علی کریمی", "مهدی قائدی", "سرمربی: یحیی گل‌محمدی"]
    a = clean_bytes(page(["کد خبر: ۱۲۳۴۵"], after=[*lineup, *BUTTONS]))
    assert a.text.split("\n\n")[3:] == ["ترکیب پرسپولیس: " + "، ".join(AWAY), "ذخیره‌ها: علی کریمی، مهدی قائدی",
                                        "سرمربی: یحیی گل‌محمدی"]


def test_a_line_up_on_one_line_under_its_own_heading_is_kept():
    line = "ترکیب پرسپولیس: " + "، ".join(AWAY)
    a = clean_bytes(page(["کد خبر: ۱۲۳۴۵"], after=[line, *BUTTONS]))
    assert a.text.split("\n\n")[3:] == [line]

"""Learning a site's template from a folder of its pages."""

import json
import random

from typer.testing import CliRunner

from khabar.cli.app import app
from khabar.core.classify import classify
from khabar.core.model import Kind
from khabar.core.segment import segment
from khabar.core.template import learn, sample
from tests.helpers import page

FOOTER = "این پایگاه خبری با هدف اطلاع‌رسانی دقیق و سریع به مخاطبان فعالیت می‌کند و تابع قوانین کشور است."
BODIES = [
    "رئیس سازمان ثبت احوال کشور با اشاره به اینکه یکی از سیاست‌های دولت برقراری ارتباط با ایرانیان خارج از کشور بود گفت: کارت‌ها صادر شد.",
    "سرمربی تیم ملی فوتبال در نشست خبری پیش از بازی گفت: بازیکنان ما برای این دیدار آماده هستند و برای پیروزی به میدان می‌روند.",
    "مدیرکل هواشناسی استان از بارش باران و وزش باد شدید در بیشتر مناطق استان از فردا تا پایان هفته خبر داد و از مردم خواست احتیاط کنند.",
    "وزیر آموزش و پرورش گفت: سال تحصیلی جدید با برنامه‌های تازه آغاز می‌شود و همه مدارس برای پذیرش دانش‌آموزان آماده هستند و کار ادامه دارد.",
]


def site_pages():
    return [page(f"عنوان خبر شماره {i} درباره رویدادی تازه", body, body.replace("گفت", "افزود"), FOOTER)
            for i, body in enumerate(BODIES)]


def test_a_line_on_many_pages_is_template_and_a_line_on_one_page_never_is():
    template = learn(site_pages())
    assert FOOTER in template
    assert all(body not in template for body in BODIES)


def test_learning_does_not_depend_on_the_order_of_the_files():
    pages = site_pages()
    shuffled = pages[:]
    random.Random(7).shuffle(shuffled)
    assert learn(pages) == learn(shuffled)


def test_two_files_teach_nothing():
    assert not learn(site_pages()[:2]).keys


def test_a_template_sentence_after_the_article_is_removed():
    pages = site_pages()
    labeled = classify(segment(pages[0]), template=learn(pages))
    footer = [item for item in labeled if item.line.text == FOOTER][0]
    assert (footer.kind, footer.reason) == (Kind.BOILERPLATE, "template")
    assert [item.kind for item in classify(segment(pages[0]))][-1] is Kind.PARAGRAPH  # unlearnt, it reads as prose


def test_sampling_is_even_and_sorted():
    assert sample([f"{i:03}" for i in range(10)], limit=5) == ["000", "002", "004", "006", "008"]


def test_the_clean_command_learns_each_folder_unless_told_not_to(tmp_path):
    for i, text in enumerate(site_pages()):
        (tmp_path / f"{i}.txt").write_text(text, encoding="utf-8")
    runner = CliRunner()
    learnt = [json.loads(line) for line in runner.invoke(app, ["clean", str(tmp_path)]).stdout.splitlines()]
    plain = [json.loads(line) for line in runner.invoke(app, ["clean", "--no-learn", str(tmp_path)]).stdout.splitlines()]
    assert all(FOOTER not in a["text"] for a in learnt)
    assert all(FOOTER in a["text"] for a in plain)


def test_the_same_article_saved_many_times_does_not_become_template():
    page = site_pages()[0]
    copies = [page, page.replace("\n", "\r\n"), page.replace("ی", "ي"), page[: len(page) // 2] + "\n"]
    assert all(body not in learn(copies) for body in BODIES[:1])
    assert not learn(copies).keys

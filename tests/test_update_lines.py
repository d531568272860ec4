"""Issue 17: an update line whose Gregorian date may be read day or month first
("آخرین به‌روزرسانی: ۰۴/۱۱/۲۰۱۸") is the update line, not the article's text."""

from khabar.core.pipeline import clean_bytes
from tests.test_shapes import PARAGRAPHS, page


def test_an_update_line_with_an_ambiguous_gregorian_date_is_not_text_and_no_date_is_read():
    a = clean_bytes(page(["۸ آبان ۱۳۹۷ ۲۱:۳۷", "زمان مطالعه: ۶ دقیقه", "آخرین به‌روزرسانی: ۰۴/۱۱/۲۰۱۸"]))
    assert a.text.split("\n\n") == PARAGRAPHS
    assert a.published == "2018-10-30T21:37:00+03:30" and a.updated is None


def test_a_sentence_naming_an_update_and_a_date_in_figures_stays_text():
    sentence = "به روزرسانی نرم‌افزار بانک از 12/05/2020 آغاز شد"
    a = clean_bytes(page(["کد خبر: ۱۲۳۴۵"], after=[sentence, PARAGRAPHS[0]]))
    assert sentence in a.text

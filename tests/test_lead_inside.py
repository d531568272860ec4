"""Issue 17: a report's lead inside the text, where the body proper names the
speaker the lead quoted and where he spoke."""

from khabar.core.pipeline import clean_bytes
from tests.test_shapes import PARAGRAPHS, page

LEAD = "مدیرکل بنادر استان خوزستان گفت: پنجاه هزار تن کالای اساسی در هفته گذشته در بندر امام تخلیه شد."
BODY = ("حسین رضایی ظهر امروز در گفت‌وگو با خبرنگار ما در اهواز، اظهار کرد: این کالاها شامل گندم، جو و "
        "دانه‌های روغنی است و به سرعت به استان‌های کشور ارسال می‌شود تا کمبودی در بازار پیش نیاید.")


def _article(first: str) -> bytes:
    lines = page(["کد خبر: ۱۲۳۴۵"]).decode().split("\n")
    at = lines.index(PARAGRAPHS[0])
    lines[at:at + 1] = [first, BODY]
    return "\n".join(lines).encode()


def test_a_one_sentence_lead_before_the_speaker_s_setting_is_the_lead():
    a = clean_bytes(_article(LEAD))
    assert a.lead == LEAD and a.text.split("\n\n")[:2] == [LEAD, BODY]


def test_a_first_paragraph_of_several_sentences_is_not_taken_for_a_lead():
    first = LEAD + " این محموله‌ها از سه کشور همسایه وارد شده است."
    assert clean_bytes(_article(first)).lead is None


def test_the_lead_under_a_markdown_headline_is_found_the_same_way():
    from tests.test_shapes import MARKDOWN

    md = MARKDOWN.replace(PARAGRAPHS[0], f"{LEAD}\n\n{BODY}", 1)
    a = clean_bytes(md.encode())
    assert a.shape == "markdown" and a.lead == LEAD

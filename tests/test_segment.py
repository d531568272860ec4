from khabar.core.segment import segment
from tests.helpers import page


def texts(text):
    return [line.text for line in segment(text)]


def test_fragments_split_at_inline_links_are_joined():
    assert texts(page("به گزارش", "خبرگزاری تسنیم", "، دیدار دو تیم برگزار شد.")) == [
        "به گزارش خبرگزاری تسنیم، دیدار دو تیم برگزار شد."]


def test_a_line_of_joining_words_alone_joins_both_neighbours():
    assert texts(page("برانکا فاش کرد که مذاکرات", "", "برای", "", "تغییر قرارداد آغاز شده است.")) == [
        "برانکا فاش کرد که مذاکرات برای تغییر قرارداد آغاز شده است."]


def test_a_short_credit_runs_on_into_the_sentence():
    assert texts(page("به گزارش گروه اجتماعی", "خبرگزاری فارس از بیرجند، جلسه برگزار شد.")) == [
        "به گزارش گروه اجتماعی خبرگزاری فارس از بیرجند، جلسه برگزار شد."]


def test_whole_sentences_and_headlines_stay_apart():
    lines = ["زیرساخت صدور کارت ملی فراهم شد", "رئیس سازمان گفت: کارت‌ها صادر شد.", "وی افزود: کار ادامه دارد."]
    assert texts(page(*lines)) == lines


def test_a_caption_in_latin_does_not_swallow_the_credit_after_it():
    assert texts(page("منبع تصویر، Getty Images", "به گزارش", "خبرگزاری فارس از بوشهر، مراسم برگزار شد.")) == [
        "منبع تصویر، Getty Images", "به گزارش خبرگزاری فارس از بوشهر، مراسم برگزار شد."]


def test_lines_remember_their_numbers_and_the_blank_line_before():
    lines = segment("عنوان خبر\n\nبه گزارش\nایرنا، متن خبر.\r\nپایان.")
    assert [(line.numbers, line.gap_before) for line in lines] == [((1,), False), ((3, 4), True), ((5,), False)]


def test_segmenting_is_idempotent_on_its_own_output():
    once = texts(page("به گزارش", "خبرگزاری تسنیم", "، دیدار برگزار شد.", "عنوان"))
    assert texts("\n".join(once)) == once


def test_a_dateline_naming_an_outlet_runs_on_into_the_lead():
    assert texts(page("خبرگزاری فارس:", "حسین عظیمی استاد برجسته اقتصاد درگذشت.")) == [
        "خبرگزاری فارس: حسین عظیمی استاد برجسته اقتصاد درگذشت."]
    assert texts(page("تهران- ایرنا-", "رئیس جمهور گفت: کار ادامه دارد.")) == [
        "تهران- ایرنا- رئیس جمهور گفت: کار ادامه دارد."]


def test_a_surtitle_or_a_label_ending_in_a_colon_stays_its_own_line():
    assert texts(page("هاشم کارگر، رئیس سازمان ثبت احوال کشور:", "زیرساخت صدور کارت ملی فراهم شد")) == [
        "هاشم کارگر، رئیس سازمان ثبت احوال کشور:", "زیرساخت صدور کارت ملی فراهم شد"]
    assert texts(page("انگلیس:", "جو هارت، گلن جانسون")) == ["انگلیس:", "جو هارت، گلن جانسون"]

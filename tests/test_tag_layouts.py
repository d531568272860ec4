"""Issue 17: the page's tags however a saved shape lays them out: one a line with
no label up to the share buttons, long ones under their label, glued together
or run together on the label's line."""

from khabar.core.pipeline import clean_bytes
from tests.test_shapes import page

BUTTONS = ["نسخه چاپی", "ارسال به دوستان"]


def test_unlabelled_tags_up_to_the_share_buttons_are_read_with_one_not_in_the_text():
    # "تجارت" is no phrase of the text: the buttons close the list, two of its three items are in the text.
    a = clean_bytes(page(["کد خبر: ۱۲۳۴۵"], after=["بندر امام", "کالای اساسی", "تجارت", *BUTTONS]))
    assert a.tags == ["بندر امام", "کالای اساسی", "تجارت"]


def test_a_menu_up_to_the_share_buttons_is_not_read_as_tags():
    a = clean_bytes(page(["کد خبر: ۱۲۳۴۵"], after=["درباره ما", "تماس با ما", "بندر امام", *BUTTONS]))
    assert a.tags == []


def test_a_tag_of_a_person_s_title_and_name_under_its_label_is_read():
    tags = ["بندر امام", "سورنا ستاری معاون علمی و فناوری ریاست جمهوری", "کالای اساسی"]
    a = clean_bytes(page(["کد خبر: ۱۲۳۴۵"], after=["برچسب ها", *tags, "مطالب مرتبط"]))
    assert a.tags == tags


def test_tags_a_dump_glued_together_are_cut_where_their_words_end():
    # Links with no space between them ("<a>بندر امام</a><a>کالای اساسی</a>…"), and the buttons' bar on one line.
    after = ["بندر امامکالای اساسیخوزستانتجارت", "نسخه چاپی ارسال به دوستان ذخیره"]
    a = clean_bytes(page(["کد خبر: ۱۲۳۴۵"], after=after))
    assert a.tags == ["بندر امام", "کالای اساسی", "خوزستان", "تجارت"]


def test_a_name_hazm_does_not_know_is_not_cut_into_words():
    from khabar.core.gluedtags import dictionary, split_glued

    # "دانشگر" is no "دانش" + "گر", "همتی‌زاده" no "همتی" + "زاده": only the joins between tags are cut.
    assert split_glued("شهدای مدافع حرمانقلابشهید دانشگر", frozenset(), dictionary()) == \
        ["شهدای مدافع حرم", "انقلاب", "شهید دانشگر"]
    assert split_glued("سرهنگ رضا همتی‌زاده", frozenset(), dictionary()) is None


def test_tags_glued_on_their_label_s_line_are_cut_and_tags_one_a_line_stay_whole():
    glued = clean_bytes(page(["کد خبر: ۱۲۳۴۵"], after=["برچسب‌ها:بندر امامکالای اساسیخوزستان", *BUTTONS]))
    assert glued.tags == ["بندر امام", "کالای اساسی", "خوزستان"]
    # One a line, a tag written as one word is one tag ("فولادمبارکه", a club's name).
    apart = clean_bytes(page(["کد خبر: ۱۲۳۴۵"], after=["برچسب‌ها:", "فولادمبارکه", "بندر امام", *BUTTONS]))
    assert apart.tags == ["فولادمبارکه", "بندر امام"]


def test_tags_a_layout_dump_ran_together_on_their_label_s_line_are_cut_at_the_text_s_phrases():
    from tests.test_shapes import HEADLINE, MENU, PARAGRAPHS

    # inscriptis keeps inline links on one line with one space between them.
    lines = [f"      * {item}" for item in MENU] + [f"    {HEADLINE}"] + [f"    {p}" for p in PARAGRAPHS] + \
        ["    برچسب ها بندر امام کالای اساسی خوزستان دانه‌های روغنی", "    نسخه چاپی"]
    a = clean_bytes("\n".join(lines).encode())
    assert a.shape == "layout"
    assert a.tags == ["بندر امام", "کالای اساسی", "خوزستان", "دانه‌های روغنی"]


def test_one_tag_under_its_label_in_a_dump_line_by_line_is_not_cut():
    # A real page's single tag ("دربی تهران 89"): line by line, one line is one tag.
    a = clean_bytes(page(["کد خبر: ۱۲۳۴۵"], after=["برچسب ها", "بندر امام کالای اساسی خوزستان", *BUTTONS]))
    assert a.tags == ["بندر امام کالای اساسی خوزستان"]


def test_tags_one_space_apart_on_their_label_s_own_line_are_cut_in_any_shape():
    # get_text(" ") joins the label and its links with single spaces.
    after = ["برچسب‌ها: بندر امام کالای اساسی خوزستان دانه‌های روغنی", *BUTTONS]
    a = clean_bytes(page(["کد خبر: ۱۲۳۴۵"], after=after))
    assert a.shape == "lines" and a.tags == ["بندر امام", "کالای اساسی", "خوزستان", "دانه‌های روغنی"]


def test_a_tag_link_glued_to_its_label_in_markdown_is_the_tag():
    from tests.test_shapes import MARKDOWN

    md = MARKDOWN.replace("#### بیشتر بخوانید", "برچسب ها[بندر امام](/fa/tag/بندر-امام)\n\n#### بیشتر بخوانید", 1)
    a = clean_bytes(md.encode())
    assert a.shape == "markdown" and a.tags == ["بندر امام"]


def test_unlabelled_tags_one_space_apart_on_one_line_before_the_buttons_are_cut():
    a = clean_bytes(page(["کد خبر: ۱۲۳۴۵"], after=["بندر امام کالای اساسی خوزستان", *BUTTONS]))
    assert a.tags == ["بندر امام", "کالای اساسی", "خوزستان"]


def test_a_label_s_plural_ending_glued_to_the_first_tag_is_not_part_of_it():
    # Tags stripped out of the page: "برچسب ها<a>بندر امام</a> <a>…</a>" gives "برچسب هابندر امام …".
    one = clean_bytes(page(["کد خبر: ۱۲۳۴۵"], after=["برچسب هاخوزستان", *BUTTONS]))
    assert one.tags == ["خوزستان"]
    run = clean_bytes(page(["کد خبر: ۱۲۳۴۵"], after=["برچسب هابندر امام کالای اساسی خوزستان", *BUTTONS]))
    assert run.tags == ["بندر امام", "کالای اساسی", "خوزستان"]


def test_a_tags_label_glued_to_its_tags_on_one_long_line_is_read():
    after = ["برچسب هابندر امام کالای اساسی خوزستان دانه‌های روغنی مدیرکل بنادر", *BUTTONS]
    a = clean_bytes(page(["کد خبر: ۱۲۳۴۵"], after=after))
    assert a.tags[:3] == ["بندر امام", "کالای اساسی", "خوزستان"]

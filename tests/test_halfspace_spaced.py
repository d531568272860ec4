"""Half-spaces typed as spaces (issue 19): 'می طلبد' -> 'می‌طلبد', 'کارت های' ->
'کارت‌های', and the two-word readings that stay apart."""

from __future__ import annotations

import tomllib
from importlib import resources

import pytest

from khabar.core.halfspace import restore_halfspaces, rules, spaces_stand_for_halfspaces
from khabar.core.normalize import NormalizeConfig, normalize

Z = "\u200c"


def repaired(text: str) -> str:
    return normalize(text).text


@pytest.mark.parametrize(("spaced", "word"), [
    ("می طلبد", f"می{Z}طلبد"),
    ("نمی توان", f"نمی{Z}توان"),
    ("برمی گردد", f"برمی{Z}گردد"),
])
def test_verb_prefix_written_apart_is_joined_to_a_verb_hazm_conjugates(spaced, word):
    assert repaired(f"او {spaced} و") == f"او {word} و"


def test_verb_prefix_stays_apart_after_the_month_or_the_cup_and_before_no_verb():
    for text in ["در ماه می رود", "جام می نوشید", "می ناب"]:
        assert repaired(text) == text


@pytest.mark.parametrize(("spaced", "word"), [
    ("کارت های ملی", f"کارت{Z}های ملی"),
    ("زیرساخت های لازم", f"زیرساخت{Z}های لازم"),
    ("توانمندی های لازم", f"توانمندی{Z}های لازم"),
    ("آن ها گفتند", f"آن{Z}ها گفتند"),
    ("کار ها", "کارها"),  # no half-space after a letter that does not join
])
def test_plural_written_apart_is_joined_to_a_word_that_takes_it(spaced, word):
    assert repaired(spaced) == word


def test_plural_stays_apart_after_a_function_word():
    assert repaired("گفت که ها را") == "گفت که ها را"


def test_comparative_written_apart_is_joined_only_to_an_adjective():
    assert repaired("خدمات بهتر و جامع تر") == f"خدمات بهتر و جامع{Z}تر"
    assert repaired("ارزان ترین کالا") == f"ارزان{Z}ترین کالا"
    assert repaired("با چشم تر گفت") == "با چشم تر گفت"  # 'تر', wet, after a noun
    assert repaired("بیش تر") == "بیشتر"  # written joined by convention


def test_clitics_written_apart_are_joined_after_a_silent_heh_but_not_the_copula():
    assert repaired("رسانه ای مهم") == f"رسانه{Z}ای مهم"
    assert repaired("آنها رفته اند") == f"آنها رفته{Z}اند"
    assert repaired("زندگی اش را") == f"زندگی{Z}اش را"
    assert repaired("بررسی شده است") == "بررسی شده است"


@pytest.mark.parametrize(("spaced", "word"), [
    ("چشم اندازی مناسب", f"چشم{Z}اندازی مناسب"),  # a present stem with a suffix
    ("سرمایه گذاری", f"سرمایه{Z}گذاری"),
    ("بین المللی", f"بین{Z}المللی"),  # no word alone
    ("سه شنبه", f"سه{Z}شنبه"),  # the days of the week
    ("تحول گرایانه", f"تحول{Z}گرایانه"),  # unlisted: a word and a bound part ('اصول‌گرا', 'تحول‌گرا' ...)
    ("بی توجهی", f"بی{Z}توجهی"),
])
def test_compound_written_apart_is_joined_where_its_second_part_is_bound(spaced, word):
    assert repaired(spaced) == word


@pytest.mark.parametrize("text", [
    "خلیج فارس",  # two free words hazm's corpus joins: news writes them apart as often
    "رئیس جمهور",
    "اعلام شده",  # compound verbs are written apart
    "یک میلیون",  # number words
    "پنج هزار",
    "به زودی",  # a function word first
    "پیش فروش",  # a bare stem that is a word too
])
def test_two_free_words_stay_apart(text):
    assert repaired(text) == text


def test_the_first_word_is_read_as_joined_so_far():
    assert repaired("پیش بینی های جدید") == f"پیش{Z}بینی{Z}های جدید"


def test_a_text_that_deleted_its_half_spaces_keeps_its_spaces():
    # Its prefixed verbs are joined: a spaced pair is the writer's choice.
    deleted = "او میرود و میگوید و میخواهد که برنامه های ملی را ببیند"
    assert not spaces_stand_for_halfspaces(deleted)
    assert repaired(deleted) == (f"او می{Z}رود و می{Z}گوید و می{Z}خواهد که برنامه های ملی را ببیند")
    spaced = "او می رود و می گوید که برنامه های ملی را ببیند"
    assert spaces_stand_for_halfspaces(spaced)
    assert repaired(spaced) == f"او می{Z}رود و می{Z}گوید که برنامه{Z}های ملی را ببیند"


def test_clean_and_normalize_share_the_repair_and_no_repair_keeps_the_text():
    from khabar.core.pipeline import HALFSPACES_ONLY, Config, clean_text

    body = "کارگر گفت انجام این مهم منابع خاص خود را می طلبد و صدور کارت های هوشمند و خدمات جامع تر لازم است."
    want = body.replace("می طلبد", f"می{Z}طلبد").replace("کارت های", f"کارت{Z}های").replace("جامع تر", f"جامع{Z}تر")
    assert normalize(body, config=HALFSPACES_ONLY).text == want
    assert repaired(body) == want
    assert clean_text(f"عنوان خبر درباره صدور کارت ملی هوشمند\n\n{body}\n").text == want
    off = Config(normalize=NormalizeConfig(halfspaces=False))
    assert clean_text(f"عنوان خبر درباره صدور کارت ملی هوشمند\n\n{body}\n", config=off).text == body


def test_spaced_repair_is_idempotent_and_leaves_spans_alone():
    text = "کارت های https://x.ir/کارت های و #کارت_های و می طلبد iOS 17 تر"
    once = repaired(text)
    assert "https://x.ir/کارت" in once and "#کارت_های" in once
    assert once.startswith(f"کارت{Z}های ") and f"می{Z}طلبد" in once
    assert repaired(once) == once


def test_number_words_joined_by_a_lost_half_space_are_a_number():
    # the compound rule read 'پنجه' + 'زار'
    assert restore_halfspaces("پنجهزار تومان") == f"پنج{Z}هزار تومان"


def test_a_lost_half_space_in_a_compound_hazm_does_not_list():
    assert restore_halfspaces("منفیگرایی و") == f"منفی{Z}گرایی و"
    # agent and plural endings are written joined: 'بازیکنان', 'پاسداران'
    assert restore_halfspaces("بازیکنانی و پاسداران") == "بازیکنانی و پاسداران"


def test_every_key_of_the_rules_file_is_read_without_code_naming_it():
    raw = tomllib.loads(resources.files("khabar.core").joinpath("data/halfspace.toml").read_text("utf-8"))
    r = rules()
    for section in (raw, *(v for v in raw.values() if isinstance(v, dict))):
        for key, value in section.items():
            if isinstance(value, dict):
                continue
            got = getattr(r, key)
            assert sorted(got) == sorted(value) if isinstance(value, list) else got == value
    assert r.plural.index("هایی") < r.plural.index("های")  # a suffix before its prefixes


def test_a_pair_the_text_writes_as_one_word_as_often_is_joined_by_normalize():
    # 'گیتی پسند' is a name: two free words, left apart by the lexicon alone
    assert repaired("گیتی پسند گفت.") == "گیتی پسند گفت."
    text = f"گیتی{Z}پسند گفت و گیتی پسند رفت."
    assert repaired(text) == f"گیتی{Z}پسند گفت و گیتی{Z}پسند رفت."
    # apart more often than joined: the writer's spelling
    text = f"گیتی{Z}پسند گفت و گیتی پسند رفت و گیتی پسند آمد."
    assert repaired(text) == text
    # the usage is read by normalize, not by the per-page repair of clean
    assert normalize(f"گیتی{Z}پسند گفت و گیتی پسند رفت.", config=NormalizeConfig(usage=False)).text == \
        f"گیتی{Z}پسند گفت و گیتی پسند رفت."


def test_plural_written_apart_is_joined_to_a_word_hazm_does_not_know():
    # 'اپلیکیشن', 'قطرک' are no words of hazm's list: a plural after them is still theirs
    assert repaired("اپلیکیشن های جدید") == f"اپلیکیشن{Z}های جدید"
    assert repaired("قطرک ها در هوا") == f"قطرک{Z}ها در هوا"
    assert repaired("گفت که ها را") == "گفت که ها را"


def test_family_name_ending_written_apart_after_a_yeh_is_joined():
    assert repaired("محمود احمدی نژاد گفت") == f"محمود احمدی{Z}نژاد گفت"
    assert repaired("ابراهیم حاتمی کیا و") == f"ابراهیم حاتمی{Z}کیا و"
    assert repaired("علی اکبر رائفی پور") == f"علی اکبر رائفی{Z}پور"
    # a person, 'فرد', after a word in 'ی' is two words; so is 'پور' after other letters
    assert repaired("زندگی فرد و") == "زندگی فرد و"
    assert repaired("کار پور و") == "کار پور و"


def test_arabic_compound_with_the_article_written_apart_is_joined():
    assert repaired("آیت الله خامنه ای").startswith(f"آیت{Z}الله ")
    assert repaired("حجت الاسلام رئیسی") == f"حجت{Z}الاسلام رئیسی"


# A text whose half-spaces were lost both ways (deleted: 'میرود', 'کتابهای';
# typed as spaces: 'می خواند'), and, two lines on, a line by a writer who types spaces.
LOST_BOTH_WAYS = "او میرود و کتابهای خوب می خواند\nخبر دیگر\nبرنامه های ما خوب می شود\n"


def test_a_line_without_a_deleted_half_space_keeps_its_spaces_in_a_text_that_lost_them_both_ways():
    assert repaired(LOST_BOTH_WAYS) == (f"او می{Z}رود و کتاب{Z}های خوب می{Z}خواند\nخبر دیگر\n"
                                        "برنامه های ما خوب می شود\n")
    # one pair alone in a line says nothing of its writer: it is joined
    assert repaired("او میرود و کتابهای خوب می خواند\nخبر دیگر\nما خوب می شویم\n").endswith(f"\nما خوب می{Z}شویم\n")
    # nor does a line beside one with a deleted half-space (a paragraph of the same article)
    assert repaired("او میرود و کتابهای خوب می خواند\nبرنامه های ما خوب می شود\n").endswith(
        f"\nبرنامه{Z}های ما خوب می{Z}شود\n")


def test_every_line_is_joined_in_a_text_whose_half_spaces_were_all_typed_as_spaces():
    spaced = "او می رود و کتاب های خوب می خواند\nبرنامه های ما خوب می شود\n"
    assert repaired(spaced) == (f"او می{Z}رود و کتاب{Z}های خوب می{Z}خواند\n"
                                f"برنامه{Z}های ما خوب می{Z}شود\n")


def test_a_writers_spaced_line_stays_so_when_the_text_writes_one_of_its_pairs_joined():
    # 'برنامه‌های' elsewhere does not join one pair of the line and leave the other
    # for a second run: the repair stays idempotent
    text = LOST_BOTH_WAYS + f"برنامه{Z}های دیگر\n"
    once = repaired(text)
    assert once.split("\n")[2] == "برنامه های ما خوب می شود"
    assert repaired(once) == once


def test_a_pair_apart_beside_its_letters_written_joined_is_repaired_once_for_all():
    # 'خانهکتاب' gets its half-space back; the same text's 'خانه کتاب' is that
    # word too, in the first run already (a second run changes nothing)
    once = repaired("خانهکتاب خانه کتاب")
    assert once == f"خانه{Z}کتاب خانه{Z}کتاب"
    assert repaired(once) == once


def test_a_line_with_three_pairs_to_join_is_read_alone_not_by_its_neighbours():
    # three spaced pairs and no deleted half-space in the line: its writer spaces,
    # whatever the line before lost
    text = "او میرود و کتابهای خوب می خواند\nبرنامه های ما خوب می شود و کتاب های تازه\n"
    assert repaired(text).endswith("\nبرنامه های ما خوب می شود و کتاب های تازه\n")


def test_ezafe_written_apart_after_a_silent_heh_is_joined():
    # A 'ی' alone is no word: after a silent 'ه' it is the ezafe ('درباره‌ی').
    assert repaired("درباره ی این موضوع") == f"درباره{Z}ی این موضوع"
    assert repaired("بودجه ی سال") == f"بودجه{Z}ی سال"
    assert repaired("گروه ی") == "گروه ی"  # a consonant 'ه'


def test_plural_of_a_listed_word_is_no_stem_compound():
    # 'نمایندگان' is the plural of 'نماینده', a word: two words, not 'X' + a stem.
    for text in ["مجلس نمایندگان گفت", "درخواست نمایندگان"]:
        assert repaired(text) == text
    assert repaired("منفی گرایی") == f"منفی{Z}گرایی"  # a stem with a suffix still joins


_LOST_BOTH_WAYS = ["قرارداد بین المللی امضا شد و او میرود", "نشست بین المللی برگزار شد و او میگوید",
                   "همکاری بین المللی ادامه دارد و او می رود"]


def test_compound_a_text_lost_both_ways_writes_apart_far_more_than_joined_stays_apart():
    # Where a writer half-spaced, about as many half-spaces were deleted as
    # spaced: three spaced and none deleted are the writers' spaces.
    text = "\n".join(_LOST_BOTH_WAYS)
    once = repaired(text)
    assert "بین المللی" in once and f"می{Z}رود" in once and f"بین{Z}المللی" not in once
    assert repaired(once) == once
    # One deleted beside the three spaced: a writer who half-spaces, joined throughout.
    text += "\nگفتگوی بینالمللی"
    once = repaired(text)
    assert once.count(f"بین{Z}المللی") == 4
    assert repaired(once) == once


def test_a_text_that_typed_its_half_spaces_as_spaces_keeps_its_joined_letters():
    # Its verbs are spaced and none is joined: it deleted no half-space, and
    # 'سالهای', 'کلانشهر' are its writer's spelling.
    text = "او می رود و می گوید که در سالهای اخیر کلانشهر تهران می ماند"
    once = repaired(text)
    assert once == (f"او می{Z}رود و می{Z}گوید که در سالهای اخیر کلانشهر تهران می{Z}ماند")
    assert repaired(once) == once
    # a deleted verb beside them: the joined letters may be lost half-spaces
    assert f"سال{Z}های" in repaired(text + " و میرود")


def test_clitic_written_apart_after_a_consonant_heh_stays_apart():
    # 'توجه' is listed with 'ات' ('توجهات'): its 'ه' is a consonant, 'توجهی' is how the 'ی' is written.
    assert repaired("توجه ای نکرد") == "توجه ای نکرد"
    assert repaired("رسانه ای مهم") == f"رسانه{Z}ای مهم"

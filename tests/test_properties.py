"""Properties of core/ that must hold for any input (hypothesis)."""

import json
import re
from pathlib import Path

import jdatetime
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from khabar.core import InputError
from khabar.core.dates import parse_date
from khabar.core.normalize import normalize
from khabar.core.pipeline import clean_bytes, clean_text

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "farsnews.jsonl"
PERSIAN = "ابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهیيكة‌ "
MESS = "۰۱۲۳۴۵۶۷۸۹0123456789.،:؛!؟«»()-/|#@\n\n\r\t\u00a0\u200b\u200e\u0640abcXYZ😀"
page_text = st.text(alphabet=st.sampled_from(list(PERSIAN + MESS)), max_size=1500) | st.text(max_size=300)
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(page_text)
def test_cleaning_any_text_raises_nothing(text):
    article = clean_text(text)
    assert isinstance(article.text, str)


@SETTINGS
@given(st.binary(max_size=2000))
def test_any_bytes_are_cleaned_or_refused_with_a_reason(data):
    try:
        clean_bytes(data, path="x.txt")
    except InputError as err:
        assert str(err).startswith("x.txt: ")


@SETTINGS
@given(page_text)
def test_nothing_is_invented_every_character_comes_from_the_input(text):
    allowed = set(normalize(text).text) | {" ", "\n", "\u200c"}
    article = clean_text(text)
    for field in (article.title, article.surtitle, article.lead, article.text, *article.tags):
        assert set(field or "") <= allowed


def _pages():
    rows = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines()[:200]] if CORPUS.exists() \
        else [{"title": "زیرساخت صدور کارت ملی فراهم شد", "lead": "",
               "paragraphs": ["رئیس سازمان ثبت احوال کشور گفت: کارت‌های ملی ایرانیان خارج از کشور صادر شد و کار ادامه دارد."]}]
    return st.sampled_from(rows)


@settings(max_examples=60, deadline=None)
@given(_pages(), st.lists(st.sampled_from(["صفحه نخست", "ورزشی", "آخرین اخبار", "پرینت خبر", "بازدید: ۱۲",
                                           "© تمامی حقوق محفوظ است."]), max_size=6))
def test_cleaning_its_own_output_again_keeps_the_same_text(row, furniture):
    page = "\n".join(furniture[:3] + [row["title"], row["lead"], *row["paragraphs"]] + furniture[3:])
    first = clean_text(page)
    again = clean_text((first.title or "") + "\n" + first.text)
    assert again.text == first.text


NUMBERS = re.compile(r"\d+")


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("۰۱۲۳۴۵۶۷۸۹0123456789/-.: ،,مهرشنبهدیتیرآذرفروردینژانویه اوت\u200c")),
               max_size=40))
def test_a_date_is_never_made_of_numbers_the_string_does_not_hold(text):
    """Without a reading time, a date's year is one the string writes (in full or two digits)."""
    match = parse_date(text)
    if match is None or match.calendar == "relative":
        return
    digits = {n.lstrip("0") for n in NUMBERS.findall(normalize(text).text.translate(
        str.maketrans("۰۱۲۳۴۵۶۷۸۹", "0123456789")))}
    day = match.value.date() if hasattr(match.value, "date") else match.value
    years = {str(day.year), str(jdatetime.date.fromgregorian(date=day).year)}
    assert any(y in digits or y[-2:].lstrip("0") in digits for y in years), (text, match.iso())


_json_scalars = st.none() | st.booleans() | st.integers() | st.text()
_json_values = st.recursive(_json_scalars, lambda inner: st.lists(inner, max_size=4)
                            | st.dictionaries(st.text(max_size=5), inner, max_size=4), max_leaves=12)


@given(st.dictionaries(st.text(max_size=8), _json_values, max_size=8))
def test_indented_json_is_exactly_what_json_dumps_writes(data):
    from khabar.core.render import _indented

    assert _indented(data) == json.dumps(data, ensure_ascii=False, indent=2)


@SETTINGS
@given(page_text)
def test_a_page_normalised_line_by_line_is_the_page_normalised_whole(text):
    # The pipeline remembers lines a site repeats (see pipeline._normalized): that is
    # only right because every fix works within a line.
    from dataclasses import replace

    from khabar.core.normalize import NormalizeConfig

    for config in (replace(NormalizeConfig(), halfspaces=False), NormalizeConfig()):
        whole = normalize(text, config=config).text
        assert "\n".join(normalize(line, config=config).text for line in text.split("\n")) == whole


# Words whose half-space the next word decides ('های' plural or 'ه' + 'ای'), verbs with
# a spaced prefix, numbers in the three digit sets, and what may stand between them.
REPAIR_PIECES = ["کارتهای", "نامهای", "زمینهای", "سالهای", "می شود", "میشود", "که", "بانک", "۱۲", "12", "١٢",
                 "۳۸٫۵", "1403/03/15", "۴۵٪", " ", " ", "، ", ".", "\n", "«", "(", "\u200c"]


@SETTINGS
@given(st.lists(st.sampled_from(REPAIR_PIECES), max_size=40).map("".join))
def test_the_half_space_repair_needs_no_mask_where_no_span_can_be(text):
    # A text without protected spans is repaired unmasked (normalize._normalize_block):
    # the repair must read its numbers as it reads their placeholders.
    from khabar.core import spans
    from khabar.core.normalize import FIXES, _apply, _for_text
    from khabar.core.pipeline import HALFSPACES_ONLY

    assert not spans.may_hold_span(text)
    # the fixes as normalize chooses them for the whole text (its spaces, the writer's or not)
    fixes, *_ = _for_text([f for f in FIXES if f.enabled(HALFSPACES_ONLY)], text, HALFSPACES_ONLY)
    assert normalize(text, config=HALFSPACES_ONLY).text == spans.unmask(_apply(fixes, spans.mask(text), None))


# Words the half-space repair joins or leaves apart, written joined, spaced or with a
# half-space; protected spans that hold the same letters; what stands between them.
SPACED_PIECES = ["می", "نمی", "شود", "طلبد", "میشود", "می\u200cشود", "کارت", "های", "ها", "تر", "جامع", "چشم",
                 "اندازی", "رسانه", "ای", "شده", "اند", "است", "که", "ماه", "بین", "المللی", "پنجهزار",
                 # (a pair written apart far more than joined, the ezafe, a writer's joined letters)
                 "بین المللی بین المللی بین المللی", "بینالمللی", "درباره", "ی", "سالهای", "هیچگونه",
                 "مجلس نمایندگان", "می رود می رود می رود",
                 "https://x.ir/کارت", "#کارت_های", "info@x.ir", "iOS 17", "۱۲", "12", " ", " ", " ", "، ", ".",
                 "\n", "\u200c"]


@SETTINGS
@given(st.lists(st.sampled_from(SPACED_PIECES), max_size=40).map("".join))
def test_the_half_space_repair_is_idempotent_and_never_changes_a_protected_span(text):
    from khabar.core import spans
    from khabar.core.normalize import NormalizeConfig
    from khabar.core.pipeline import HALFSPACES_ONLY

    for config in (NormalizeConfig(), HALFSPACES_ONLY):
        once = normalize(text, config=config).text
        assert normalize(once, config=config).text == once
        if config is HALFSPACES_ONLY:
            # (the other fixes may join a span to what follows: a doubled half-space
            # after a hashtag becomes one, and the tag then runs on)
            assert spans.mask(once).protected == spans.mask(text).protected

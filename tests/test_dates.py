"""khabar.core.dates: Persian news dates read exactly, or not at all."""

import datetime as dt
from zoneinfo import ZoneInfo

import jdatetime
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from khabar.core import dates
from khabar.core.dates import DateMatch, find_dates, parse_date

TEHRAN = ZoneInfo("Asia/Tehran")
REF = dt.datetime.fromisoformat("2022-08-23T16:56:00+04:30")


def iso(text: str, reference=None) -> str | None:
    match = parse_date(text, reference=reference)
    return match.iso() if match else None


# ---------------------------------------------------------------- what is read
@pytest.mark.parametrize("text, expected", [
    # the seed line: news codes on both sides, half-space lost in the weekday
    ("کدخبر: 2855 سهشنبه، 01 شهریور 1401 - 13:56 2855 پرینت خبر", "2022-08-23T13:56:00+04:30"),
    ("۱ شهریور ۱۴۰۱", "2022-08-23"),
    ("۱۴۰۱/۰۶/۰۱", "2022-08-23"),
    ("1401-06-01", "2022-08-23"),
    ("۰۱-۰۶-۱۴۰۱", "2022-08-23"),
    ("تاریخ انتشار: ۱۰:۲۳ - ۱۲-۰۴-۱۳۹۳", "2014-07-03T10:23:00+04:30"),
    ("۱۴۰۵/۰۷/۱۰- ۱۶:۱۷", "2026-10-02T16:17:00+03:30"),
    # Arabic letters, ماه after the month, weekdays in every spelling
    ("تاریخ انتشار: ۰۹ تير ۱۴۰۱ - ۰۹:۱۹", "2022-06-30T09:19:00+04:30"),
    ("سه شنبه ۱۸ ارديبهشت ۱۴۰۳", "2024-05-07"),
    ("يکشنبه 15 مرداد 1396 - 14:14", "2017-08-06T14:14:00+04:30"),
    ("سه\u200cشنبه ۱۱ دی ماه ۱۴۰۳", "2024-12-31"),
    ("امروز دوشنبه ۸ دیماه ۱۴۰۴", "2025-12-29"),
    ("امروز ۱۷خرداد ۱۴۰۰خورشیدی", "2021-06-07"),
    ("۱ شهریور ۱۴۰۱ هـ.ش", "2022-08-23"),
    ("۱۳۹۷ شهریور ۳۱, شنبه", "2018-09-22"),
    ("مهر ۱۲, ۱۴۰۵ ۱۹:۲۴ Asia/Tehran", "2026-10-04T19:24:00+03:30"),
    ("تاریخ خبر: 1401 یکشنبه 10 مهر", "2022-10-02"),
    ("چهارشنبه / ۲۰ اسفند / ۱۴۰۴ - 11 March, 2026", "2026-03-11"),
    ("08    آذر    1403", "2024-11-28"),
    # day numbers in words, two-digit years
    ("روز دوم خرداد ۱۴۰۱", "2022-05-23"),
    ("جمعه سی ام اسفند ۱۳۸۷", "2009-03-20"),
    ("بیست و یکم آذر ۱۴۰۲", "2023-12-12"),
    ("در بیست و پنجمین روز از شهریورماه ۹۷", "2018-09-16"),
    ("چهارشنبه 22 شهریور 02 ساعت ساعت 11 و 01 دقیقه", "2023-09-13T11:01:00+03:30"),
    # 12-hour clocks
    ("1404/07/19 9:42 ب.ظ", "2025-10-11T21:42:00+03:30"),
    ("۰۱ شهریور ۱۴۰۱ ساعت ۱:۵۶ ب.ظ", "2022-08-23T13:56:00+04:30"),
    ("۱۲ مهر ۱۴۰۲ - ۱۱ شب", "2023-10-04T23:00:00+03:30"),
    ("پنجشنبه ۲۶ شهريور ۱۳۹۴ ساعت ۹:۳۲", "2015-09-17T09:32:00+04:30"),
    ("شنبه چهاردهم دی ۱۳۹۲ساعت 12:1", "2014-01-04T12:01:00+03:30"),
    ("پنجشنبه 26 شهریور 1394 ساعت ساعت 11 و 01 دقیقه و 47 ثانیه", "2015-09-17T11:01:47+04:30"),
    ("🗓 ۲۰ آذر ۱۴۰۲ ⏰ ۱۰:۲۵", "2023-12-11T10:25:00+03:30"),
    ("۱۲ مهر ۱۴۰۲ ساعت ۱۰:۳۰ به وقت گرینویچ", "2023-10-04T14:00:00+03:30"),
    # Gregorian in Persian and English, and pairs that agree
    ("۲۸ نوامبر ۲۰۲۴", "2024-11-28"),
    ("روز پنجشنبه، اول اوت ۲۰۲۴", "2024-08-01"),
    ("3 ژوئيه 2014", "2014-07-03"),
    ("August 23, 2022", "2022-08-23"),
    ("23 Aug 2022", "2022-08-23"),
    ("By |August 27th, 2022|Iran|", "2022-08-27"),
    ("iran-emrooz.net | Sat, 08.04.2006, 9:39", "2006-04-08T09:39:00+03:30"),
    ("1404/07/24↔️2025/10/16", "2025-10-16"),
    ("عصر دوشنبه ۱۲ مه ۲۰۲۵ میلادی برابر با ۲۲ اردیبهشت ۱۴۰۴", "2025-05-12"),
    ("3 تا 5 اردیبهشت 1403 برابر با 22 تا 24 آوریل 2024", "2024-04-22"),
    ("دهم اکتبر ۲۰۲۳(۱۸ مهر ۱۴۰۲)", "2023-10-10"),
    # ISO: an offset or Z is converted to Tehran's offset at that instant
    ("2026-10-01T15:45:01+03:30", "2026-10-01T15:45:01+03:30"),
    ("2026-10-04T20:30:00Z", "2026-10-05T00:00:00+03:30"),
    ("2024-04-25@07:23:31 GMT", "2024-04-25T10:53:31+03:30"),
    ("Mon, 11 Dec 2023 06:55:00 +0000", "2023-12-11T10:25:00+03:30"),
    ("https://tasnimnews.com/fa/news/1394/07/25/890700/", "2015-10-17"),
    ("📅 09:04 · 20 Tir 1405", "2026-07-11T09:04:00+03:30"),
    # "مهر" the agency beside a real date
    ("مهر | استانها | شنبه، 22 آبان 1400 - 16:53", "2021-11-13T16:53:00+03:30"),
    # Hijri beside a solar date is ignored, not compared
    ("سه شنبه (30-3-1402) اول ماه ذی الحجه 1444 هجری", "2023-06-20"),
    # a Hijri date alone only when its weekday pins the day (months start by sighting)
    ("جمعه ۱۸ شوال ۱۴۴۵", "2024-04-26"),
])
def test_reads_the_date_a_string_states(text, expected):
    assert iso(text) == expected


@pytest.mark.parametrize("text, reference, expected", [
    ("۳ ساعت پیش", REF, "2022-08-23T13:56:00+04:30"),
    ("۱ ساعت و ۲۰ دقیقه قبل", REF, "2022-08-23T15:36:00+04:30"),
    ("دقایقی پیش", REF, "2022-08-23T16:56:00+04:30"),
    ("۲ روز پیش", REF, "2022-08-21"),
    ("دیروز", REF, "2022-08-22"),
    ("دیروز ساعت ۱۸:۱۵", REF, "2022-08-22T18:15:00+04:30"),
    ("[۲۲:۱۹]", dt.datetime(2018, 9, 22), "2018-09-22T22:19:00+03:30"),
    ("صبح پنجشنبه ۳ خرداد", dt.datetime(2024, 5, 22), "2024-05-23"),
    ("در تاریخ 19 آگوست", dt.datetime(2023, 10, 21), "2023-08-19"),
    ("پنجشنبه ۲۴ ژوئیه، ۲ مرداد", dt.datetime(2025, 7, 25), "2025-07-24"),
    # the year-less start of a range takes the year of its end
    ("۲۸ اسفند تا ۵ فروردین ۱۴۰۳", dt.datetime(2030, 1, 1), "2024-03-18"),
])
def test_reads_relative_and_yearless_dates_against_the_reference(text, reference, expected):
    assert iso(text, reference) == expected


@pytest.mark.parametrize("text", [
    "۳۱ مهر ۱۴۰۱",  # Mehr has 30 days
    "۳۰ اسفند ۱۴۰۱",  # 1401 is not a leap year
    "سی و یکم مهر ۱۴۰۱",
    "1401/13/01",
    "۲۰ مهر ۲۰۲۲",  # a Jalali month with a Gregorian year
    "جمعه ۰۱ شهریور ۱۴۰۱",  # 1 Shahrivar 1401 was a Tuesday
    "Monday, August 23, 2022",
    "کد خبر: 2855",
    "کد خبر: ۳۹۸۰۵۰",
    "خبرگزاری مهر",
    "مهر ۱۴۰۲",  # a month, not a day
    "خبرگزاری مهر ۱۲, ۱۴۰۵",
    "نیمه دوم خرداد ۱۴۰۲",  # a half of the month
    "۱۰ مهر ۱۴۰۱ و ۱۲ مهر ۱۴۰۱",  # two different dates
    "۲۵ ژوئن، ۳ مرداد ۱۴۰۴",  # a pair that disagrees
    "03/04/2024",  # 3 April or 4 March?
    "01/06/01",
    "۱۲ مهر ۱۴۰۲ ساعت ۱۴:۳۰ ق.ظ",  # 14:30 is not before noon
    "۱۲ مهر ۱۴۰۲ ساعت ۸",  # 08:00 or 20:00?
    "1401/06/01 25:30",
    "۱۰ مهر ۱۴۰۲، ۱۲:۳۰ - زمان مطالعه ۰۵:۱۰",  # a second clock time
    "۲۹ جمادی الثانی ۱۴۴۶",  # Hijri without a weekday: a day either way
    "۱۵ حمل ۱۴۰۲ ساعت ۱۰:۰۰",  # Afghan date: Kabul's clock
    "۱۲ مهر ۱۴۰۲ ساعت ۱۰:۳۰ به وقت محلی",  # local time of somewhere else
    "",
    "سلام دنیا",
])
def test_refuses_what_it_cannot_be_sure_of(text):
    assert parse_date(text, reference=REF) is None


@pytest.mark.parametrize("text", [
    "خیابان ۱۷ شهریور",  # a street
    "۲ هفته پیش",  # too rounded
    "۲ روز قبل از انتخابات",  # before an event, not before now
    "در ۲۴ ساعت گذشته",
    "امروز وزیر امور خارجه در نشستی با خبرنگاران گفت که سفر لغو شد",  # prose, not a stamp
    "[۲۳:۱۹]",  # later than the reference: not today's
])
def test_relative_words_and_names_are_not_dates(text):
    assert parse_date(text, reference=dt.datetime(2024, 5, 22, 15, 0)) is None


@pytest.mark.parametrize("text", ["۳ ساعت پیش", "دیروز", "[۲۲:۱۹]", "۱۳ مردادماه", "۲۵ ژوئن"])
def test_strings_that_need_a_reference_return_none_without_one(text):
    assert parse_date(text) is None


def test_hours_ago_needs_a_reference_time_not_just_a_day():
    assert iso("۳ ساعت پیش", dt.datetime(2022, 8, 23)) is None
    assert iso("۳ روز پیش", dt.datetime(2022, 8, 23)) == "2022-08-20"


def test_a_yearless_date_far_behind_the_reference_is_its_last_occurrence():
    # The text was read then: its 15 Bahman is the last one before (issue 15, defect 11).
    assert iso("۱۵ بهمن", dt.datetime(2024, 8, 1)) == "2024-02-04"


# ---------------------------------------------------------------- written years (issue 15, defect 11)
@pytest.mark.parametrize("text", ["۱ فروردین ۹۹۹۹۹", "۱ فروردین ۹۹۹", "۱ فروردین ۹۹۹۹۹ ساعت ۱۰:۳۰", "1 Farvardin 99999",
                                  "۱ فروردین ۹۹۹۹"])
def test_a_written_year_no_calendar_has_gives_no_date_not_the_references_year(text):
    assert iso(text, dt.datetime(2024, 3, 5)) is None
    assert find_dates(text, reference=dt.datetime(2024, 3, 5)) == []


def test_a_written_year_is_read_as_written_whatever_the_reference():
    assert iso("۱ فروردین ۱۴۰۲", dt.datetime(2024, 3, 5)) == "2023-03-21"
    assert iso("۱ فروردین ۹۹", dt.datetime(2024, 3, 5)) == "2020-03-20"


def test_a_yearless_date_read_against_the_reference_never_lands_after_it():
    # Read on 15 Esfand 1402: 20 Esfand 1402 (2024-03-10) is still to come, so it
    # is 20 Esfand 1401, however far back (issue 15, defect 11).
    assert iso("۲۰ اسفند", dt.datetime(2024, 3, 5)) == "2023-03-11"
    assert iso("۲۰ اسفند", dt.datetime(2024, 3, 10)) == "2024-03-10"
    assert iso("۲۰ اسفند", dt.datetime(2024, 4, 1)) == "2024-03-10"
    assert iso("۱۵ بهمن", dt.datetime(2024, 3, 5)) == "2024-02-04"
    # A year-less date beside a full one takes its year from it, on either side.
    assert iso("۲۸ اسفند تا ۵ فروردین ۱۴۰۳", dt.datetime(2024, 3, 1)) == "2024-03-18"


def test_a_weekday_written_beside_a_yearless_date_may_name_the_coming_one():
    # Thursday 3 Khordad 1403 is the day after the reference; 3 Khordad 1402 was a Wednesday.
    assert iso("صبح پنجشنبه ۳ خرداد", dt.datetime(2024, 5, 22)) == "2024-05-23"
    # A weekday that falls on the last occurrence keeps it, a year back as it is.
    assert iso("صبح چهارشنبه ۳ خرداد", dt.datetime(2024, 5, 22)) == "2023-05-24"


# ---------------------------------------------------------------- time zone
def test_summer_time_ends_after_the_last_day_of_shahrivar_1401():
    assert iso("1401/06/30 12:00") == "2022-09-21T12:00:00+04:30"
    assert iso("1401/07/01 12:00") == "2022-09-23T12:00:00+03:30"
    assert iso("1401/06/31 12:00") == "2022-09-22T12:00:00+03:30"


def test_no_summer_time_from_1402():
    assert iso("۱ مرداد ۱۴۰۲ - ۱۲:۰۰") == "2023-07-23T12:00:00+03:30"
    assert iso("2023-07-23T08:30:00Z") == "2023-07-23T12:00:00+03:30"


def test_no_summer_time_in_2006():
    assert iso("تاریخ انتشار: ۱۲:۵۹ - ۰۶ آبان ۱۳۸۵") == "2006-10-28T12:59:00+03:30"


def test_clock_times_skipped_or_repeated_by_dst_are_refused():
    assert iso("1401/01/02 00:30") is None  # clocks jumped from 00:00 to 01:00
    assert iso("1401/06/30 23:30") is None  # 23:00–24:00 happened twice
    assert iso("1401/01/02 01:30") == "2022-03-22T01:30:00+04:30"


def test_an_instant_with_an_offset_is_shown_with_tehrans_offset():
    match = parse_date("2022-08-23T09:26:00.123+00:00")
    assert match.value == dt.datetime(2022, 8, 23, 13, 56, tzinfo=TEHRAN)
    assert match.iso() == "2022-08-23T13:56:00+04:30"


# ---------------------------------------------------------------- the result
def test_a_date_without_a_time_is_a_date():
    match = parse_date("تاریخ انتشار: ۶ شهریور ۱۳۹۹ | کد خبر: ۲۹۱۱۲۸۹۵")
    assert type(match.value) is dt.date
    assert match.iso() == "2020-08-27"
    assert match.calendar == "jalali"


def test_span_covers_weekday_date_and_time():
    text = "کدخبر: 2855 سهشنبه، 01 شهریور 1401 - 13:56 2855 پرینت خبر"
    match = parse_date(text)
    assert text[match.start:match.end] == "سهشنبه، 01 شهریور 1401 - 13:56"


def test_calendars_are_named():
    assert parse_date("23 Aug 2022").calendar == "gregorian"
    assert parse_date("2022-08-23").calendar == "iso"
    assert parse_date("۳ ساعت پیش", reference=REF).calendar == "relative"
    assert parse_date("جمعه ۱۸ شوال ۱۴۴۵").calendar == "hijri"


def test_find_dates_lists_every_date_in_order():
    text = "تاریخ انتشار: ۲۲ بهمن ۱۴۰۲ - ۱۰:۳۰ | به\u200cروزرسانی: ۲۳ بهمن ۱۴۰۲ - ۰۸:۰۰"
    found = find_dates(text)
    assert [m.iso() for m in found] == ["2024-02-11T10:30:00+03:30", "2024-02-12T08:00:00+03:30"]
    assert all(isinstance(m, DateMatch) for m in found)
    assert found[0].end <= found[1].start
    assert parse_date(text) is None  # two dates: which one?


def test_find_dates_leaves_out_impossible_dates():
    text = "۳۱ مهر ۱۴۰۱ و ۱ آبان ۱۴۰۱"
    start = text.index("۱ آبان")
    assert find_dates(text) == [DateMatch(dt.date(2022, 10, 23), start, len(text), "jalali")]


# ---------------------------------------------------------------- every date, every style
PERSIAN_DIGITS = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")
MONTH_SPELLINGS = {
    1: ["فروردین"], 2: ["اردیبهشت", "ارديبهشت"], 3: ["خرداد"], 4: ["تیر", "تير"],
    5: ["مرداد"], 6: ["شهریور", "شهريور"], 7: ["مهر"], 8: ["آبان"], 9: ["آذر"],
    10: ["دی", "دي"], 11: ["بهمن"], 12: ["اسفند"],
}
WEEKDAY_SPELLINGS = {
    5: ["شنبه"], 6: ["یکشنبه", "يکشنبه", "یک‌شنبه"], 0: ["دوشنبه", "دو شنبه"],
    1: ["سه‌شنبه", "سه شنبه", "سهشنبه"], 2: ["چهارشنبه", "چهار‌شنبه"],
    3: ["پنجشنبه", "پنج شنبه", "پنج‌شنبه"], 4: ["جمعه"],
}


@st.composite
def jalali_dates(draw):
    year = draw(st.integers(1300, 1450))
    month = draw(st.integers(1, 12))
    length = 31 if month <= 6 else 30 if month <= 11 else 30 if jdatetime.date(year, 1, 1).isleap() else 29
    return jdatetime.date(year, month, draw(st.integers(1, length)))


def digits(draw, text: str) -> str:
    return text.translate(PERSIAN_DIGITS) if draw(st.booleans()) else text


@settings(max_examples=300, deadline=None)
@given(jalali_dates(), st.data())
def test_numeric_jalali_dates_read_back(day, data):
    y, m, d = day.year, day.month, day.day
    text = data.draw(st.sampled_from([
        f"{y}/{m:02}/{d:02}", f"{y}/{m}/{d}", f"{y}-{m:02}-{d:02}", f"{d:02}/{m:02}/{y}", f"{d}-{m}-{y}",
    ]))
    assert iso(digits(data.draw, text)) == day.togregorian().isoformat()


@settings(max_examples=300, deadline=None)
@given(jalali_dates(), st.data())
def test_named_month_jalali_dates_read_back(day, data):
    month = data.draw(st.sampled_from(MONTH_SPELLINGS[day.month]))
    suffix = data.draw(st.sampled_from(["", " ماه", "ماه"]))
    text = digits(data.draw, f"{day.day} {month}{suffix} {day.year}")
    if data.draw(st.booleans()):
        weekday = data.draw(st.sampled_from(WEEKDAY_SPELLINGS[day.togregorian().weekday()]))
        text = weekday + data.draw(st.sampled_from([" ", "، ", " - "])) + text
    assert iso(text) == day.togregorian().isoformat()


@settings(max_examples=300, deadline=None)
@given(jalali_dates(), st.integers(0, 23), st.integers(0, 59), st.data())
def test_jalali_dates_with_a_time_read_back(day, hour, minute, data):
    wall = dt.datetime.combine(day.togregorian(), dt.time(hour, minute))
    first, second = wall.replace(tzinfo=TEHRAN), wall.replace(tzinfo=TEHRAN, fold=1)
    assume(first.utcoffset() == second.utcoffset())  # DST gaps and overlaps are refused
    month = data.draw(st.sampled_from(MONTH_SPELLINGS[day.month]))
    y, m, d = day.year, day.month, day.day
    text = data.draw(st.sampled_from([
        f"{d} {month} {y} - {hour:02}:{minute:02}",
        f"{d} {month} {y} ساعت {hour}:{minute:02}",
        f"{hour:02}:{minute:02} - {d:02} {month} {y}",
        f"{y}/{m:02}/{d:02} {hour:02}:{minute:02}",
    ]))
    assert iso(digits(data.draw, text)) == first.isoformat(timespec="seconds")


def test_module_has_no_hazm_import():
    assert "hazm" not in dates.__dict__


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("۰۱۲۳۴۵۶۷۸۹0123456789/-.: ،,ساعتمهرشنبهدیتیرپیش\u200cق.ظAugMay")),
               max_size=40))
def test_any_text_gives_a_match_inside_it_or_none(text):
    match = parse_date(text, reference=REF)
    assert match is None or 0 <= match.start < match.end <= len(text)
    for found in find_dates(text, reference=REF):
        assert 0 <= found.start < found.end <= len(text)


def test_tehran_and_greenwich_clocks_named_side_by_side_give_tehrans_time():
    assert parse_date("جمعه ۵ اسفند ۱۳۹۰ ایران ۱۰:۳۵ گرینویچ ۰۷:۰۵").iso() == "2012-02-24T10:35:00+03:30"
    assert parse_date("۵ اسفند ۱۳۹۰ ۱۰:۳۵ GMT 07:05") is None  # which clock is which is not said


def test_ornate_parentheses_and_other_unchanging_presentation_forms_are_read_past():
    assert parse_date("آیه ﴿۷۷﴾ سوره، ۱۲ مهر ۱۴۰۲").iso() == "2023-10-04"

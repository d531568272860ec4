"""Read the date a Persian/Iranian news string states, and never guess one.

A string is folded first (digits to Latin, Arabic ي/ك to Persian, half-spaces
to spaces, kashida and vowel marks dropped) with a map back to the original
offsets, then scanned for written dates (Jalali, Gregorian, Hijri; named months
or numbers; ISO 8601), clock times, weekday names and relative expressions
("۳ ساعت پیش", "دیروز"). A date that cannot be right (31 Mehr, a weekday that
does not fall on it, a clock time Tehran skipped or lived twice) refuses the
whole line, as do two dates that disagree: an empty answer beats a wrong one.

Times are Tehran wall-clock times; the UTC offset comes from the tz database
(``zoneinfo``), so Iran's summer time (+04:30 until 2022) is applied where it
was in force. Jalali arithmetic is jdatetime's.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import unicodedata
from dataclasses import dataclass
from zoneinfo import ZoneInfo

import jdatetime

TEHRAN = ZoneInfo("Asia/Tehran")

# ------------------------------------------------------------------ tables
# Month names as pages write them; matched after folding (see _fold), so the
# Arabic spellings (تير, ارديبهشت) and half-space variants need no entry.
JALALI_MONTHS = {
    1: ["فروردین", "Farvardin"],
    2: ["اردیبهشت", "اردی بهشت", "Ordibehesht", "Ordibehest"],
    3: ["خرداد", "Khordad"],
    4: ["تیر", "Tir"],
    5: ["مرداد", "امرداد", "Mordad", "Amordad"],
    6: ["شهریور", "Shahrivar", "Shahriver"],
    7: ["مهر", "Mehr"],
    8: ["آبان", "Aban"],
    9: ["آذر", "Azar"],
    10: ["دی", "Dey", "Dei"],
    11: ["بهمن", "Bahman"],
    12: ["اسفند", "Esfand", "Espand"],
}
# Afghan (Dari) names of the same solar months: dates only with a year, and never
# with a clock time (Kabul's clock is not Tehran's).
AFGHAN_MONTHS = {
    1: ["حمل"], 2: ["ثور"], 3: ["جوزا", "جوزاء"], 4: ["سرطان"], 5: ["اسد"], 6: ["سنبله"],
    7: ["میزان"], 8: ["عقرب"], 9: ["قوس"], 10: ["جدی"], 11: ["دلو"], 12: ["حوت"],
}
GREGORIAN_MONTHS = {
    1: ["ژانویه", "January", "Jan"],
    2: ["فوریه", "February", "Feb"],
    3: ["مارس", "مارچ", "March", "Mar"],
    4: ["آوریل", "آپریل", "April", "Apr"],
    5: ["مه", "می", "May"],
    6: ["ژوئن", "ژوین", "جون", "June", "Jun"],
    7: ["ژوئیه", "ژوییه", "جولای", "July", "Jul"],
    8: ["اوت", "آگوست", "آگست", "August", "Aug"],
    9: ["سپتامبر", "September", "Sept", "Sep"],
    10: ["اکتبر", "October", "Oct"],
    11: ["نوامبر", "November", "Nov"],
    12: ["دسامبر", "December", "Dec"],
}
HIJRI_MONTHS = {
    1: ["محرم", "محرم الحرام"],
    2: ["صفر", "صفر المظفر"],
    3: ["ربیع الاول", "ربیع اول"],
    4: ["ربیع الثانی", "ربیع الاخر", "ربیع الآخر", "ربیع دوم"],
    5: ["جمادی الاول", "جمادی الاولی", "جمادی اول"],
    6: ["جمادی الثانی", "جمادی الثانیه", "جمادی الاخر", "جمادی الآخره", "جمادی الاخره", "جمادی دوم"],
    7: ["رجب", "رجب المرجب"],
    8: ["شعبان", "شعبان المعظم"],
    9: ["رمضان", "رمضان المبارک"],
    10: ["شوال", "شوال المکرم"],
    11: ["ذی القعده", "ذوالقعده"],
    12: ["ذی الحجه", "ذوالحجه"],
}
# Month words that are also ordinary words ("fog", a verb prefix, "dear",
# "zero"): a date only with a day before and a four-digit year after.
NEEDS_YEAR = {"مه", "می", "جون", "may", "صفر", *(w for ws in AFGHAN_MONTHS.values() for w in ws)}

# Python's weekday(): Monday is 0.
WEEKDAYS = {
    5: ["شنبه", "Saturday", "Sat", "السبت"],
    6: ["یکشنبه", "یک شنبه", "Sunday", "Sun", "الاحد"],
    0: ["دوشنبه", "دو شنبه", "Monday", "Mon", "الاثنین"],
    1: ["سه شنبه", "Tuesday", "Tues", "Tue", "الثلاثاء"],
    2: ["چهارشنبه", "چهار شنبه", "Wednesday", "Wed", "الاربعاء"],
    3: ["پنجشنبه", "پنج شنبه", "Thursday", "Thurs", "Thur", "Thu", "الخمیس"],
    4: ["جمعه", "آدینه", "Friday", "Fri", "الجمعه"],
}

# Day numbers written as ordinals; "-ین" forms ("بیست و پنجمین") are added below.
_UNIT_ORDINALS = ["یکم", "دوم", "سوم", "چهارم", "پنجم", "ششم", "هفتم", "هشتم", "نهم"]
DAY_WORDS = {
    1: ["اول", "یکم", "نخست"], 2: ["دوم"], 3: ["سوم"], 4: ["چهارم"], 5: ["پنجم"],
    6: ["ششم"], 7: ["هفتم"], 8: ["هشتم"], 9: ["نهم"], 10: ["دهم"], 11: ["یازدهم"],
    12: ["دوازدهم"], 13: ["سیزدهم"], 14: ["چهاردهم"], 15: ["پانزدهم", "پونزدهم"],
    16: ["شانزدهم"], 17: ["هفدهم", "هفتدهم"], 18: ["هجدهم", "هیجدهم", "هژدهم"],
    19: ["نوزدهم"], 20: ["بیستم"], 30: ["سی ام"], 31: ["سی و یکم"],
    **{20 + i: ["بیست و " + word] for i, word in enumerate(_UNIT_ORDINALS, 1)},
}
# Small counts in "یک ساعت پیش", "نیم ساعت پیش".
COUNT_WORDS = {"یک": 1, "دو": 2, "سه": 3, "چهار": 4, "پنج": 5, "شش": 6, "هفت": 7,
               "هشت": 8, "نه": 9, "ده": 10, "نیم": 0.5}
# Units of "… پیش" in seconds; weeks, months and years ago are too rounded to name a day.
AGO_UNITS = {"ثانیه": 1, "دقیقه": 60, "ساعت": 3600, "روز": 86400, "هفته": None, "ماه": None, "سال": None}
# "امروز ۱۴:۳۰", "دیروز": days before the reference.
DAY_OFFSETS = {"امروز": 0, "today": 0, "دیروز": 1, "yesterday": 1, "پریروز": 2}
# "لحظاتی پیش": the reference moment itself.
JUST_NOW = ["لحظاتی پیش", "لحظاتی قبل", "دقایقی پیش", "دقایقی قبل", "چند لحظه پیش",
            "چند ثانیه پیش", "چند دقیقه پیش", "همین الان", "همین حالا", "just now"]
# Zones a clock time may name that are not Tehran's and whose offset is not fixed.
FOREIGN_ZONES = ["EST", "EDT", "CST", "CDT", "PST", "PDT", "CET", "CEST", "BST", "EET", "EEST", "MSK"]
# Parts of the day after a clock time, folded (see _key, dots removed).
BEFORE_NOON = {"قظ", "قبلازظهر", "am", "صبح", "بامداد"}
AFTER_NOON = {"بظ", "بعدازظهر", "pm", "عصر"}
# Words before a day and month that make them a name, not a date:
# "خیابان ۱۷ شهریور" (streets, squares, events) refuse only a year-less date;
# "نیمه دوم خرداد" (the second half of Khordad) is never a day.
NAME_BEFORE = ["خیابان", "خ", "میدان", "بلوار", "کوچه", "بزرگراه", "اتوبان", "پل",
               "ورزشگاه", "شهرک", "حماسه", "قیام", "نهضت", "جنبش", "سالروز"]
PART_BEFORE = ["نیمه", "نیم", "هفته", "دهه", "فصل", "سه ماهه", "قرن"]
# Texts that name the agency Mehr, not the month, right before "مهر".
AGENCY_BEFORE = ["خبرگزاری", "گزارش", "منبع"]

# Year ranges each calendar's numbers must fall in to be read as a year.
JALALI_YEARS = range(1200, 1600)
GREGORIAN_YEARS = range(1800, 2200)
HIJRI_YEARS = range(1300, 1600)
# Two-digit Jalali years: 50–99 are 13xx, 00–30 are 14xx (until 2051), 31–49 are not read.
TWO_DIGIT_YEARS_1300S_FROM, TWO_DIGIT_YEARS_1400S_UNTIL = 50, 30
# A year-less date is read only this close to the reference (or the other date on the line).
YEARLESS_WINDOW = dt.timedelta(days=120)
# A bare clock time later than the reference by more than this is not today's.
CLOCK_SLACK = dt.timedelta(minutes=10)
# Relative expressions count only on a short line ("تاریخ: ۳ ساعت پیش"), not in prose.
MAX_WORDS_AROUND_RELATIVE = 3


# ------------------------------------------------------------------ folding
# One character for another (Arabic letters, odd spaces and marks); see _fold_char.
_FOLD_MAP = {
    "ي": "ی", "ى": "ی", "ك": "ک", "ة": "ه", "ۀ": "ه", "أ": "ا", "إ": "ا", "ٱ": "ا",
    "\u200c": " ", "\u200d": " ", "\u200e": " ", "\u200f": " ", "\u061c": " ",
    "\u00a0": " ", "\u202f": " ", "\u2009": " ", "\u2007": " ", "\t": " ",
    "\u202a": " ", "\u202b": " ", "\u202c": " ", "\u202d": " ", "\u202e": " ",
    "\u2066": " ", "\u2067": " ", "\u2068": " ", "\u2069": " ",
    "٫": ".", "٬": ",", "：": ":", "−": "-",
}


def _fold_char(ch: str) -> str:
    """The folded form of one character ("" drops it)."""
    code = ord(ch)
    if 0xFB50 <= code <= 0xFDFF or 0xFE70 <= code <= 0xFEFC:  # Arabic presentation forms
        plain = unicodedata.normalize("NFKC", ch)
        # Some (ornate parentheses ﴾﴿) have no plainer form.
        return ch if plain == ch else "".join(_fold_char(c) for c in plain)
    if 0x06F0 <= code <= 0x06F9:
        return str(code - 0x06F0)
    if 0x0660 <= code <= 0x0669:
        return str(code - 0x0660)
    if 0x064B <= code <= 0x0655 or code in (0x0640, 0x0670, 0x200B, 0xFEFF, 0x00AD):
        return ""  # vowel marks, kashida, zero-width space
    return _FOLD_MAP.get(ch, ch)


# Characters whose folded form is not exactly one character (see _fold_char).
_RESIZING = re.compile("[\ufb50-\ufdff\ufe70-\ufefc\u064b-\u0655\u0640\u0670\u200b\ufeff\u00ad]")
# Chained str.replace of the characters present is several times faster than
# str.translate with a mapping on Persian text.
_ONE_FOR_ONE = tuple({**_FOLD_MAP, **{chr(0x06F0 + i): str(i) for i in range(10)},
                      **{chr(0x0660 + i): str(i) for i in range(10)}}.items())


def _one_for_one(text: str) -> str:
    for old, new in _ONE_FOR_ONE:
        if old in text:
            text = text.replace(old, new)
    return text


def _fold(text: str) -> tuple[str, list[int]]:
    """Folded text and, for each of its characters, the index it came from."""
    if not _RESIZING.search(text):
        # Every character folds to one character: positions stay (the common case, fast).
        return _one_for_one(text), list(range(len(text)))
    chars, where = [], []
    for i, ch in enumerate(text):
        for out in _fold_char(ch):
            chars.append(out)
            where.append(i)
    return "".join(chars), where


def _folded(text: str) -> str:
    """The folded text alone (see _fold), without the map of offsets."""
    if not _RESIZING.search(text):
        return _one_for_one(text)
    return "".join(map(_fold_char, text))


def _key(word: str) -> str:
    """Lookup key of a folded name: no spaces, آ as ا, lower case."""
    return re.sub(r"\s+", "", word).replace("آ", "ا").lower()


def _alternation(words) -> str:
    """A regex matching any of the words, spaces optional, آ/ا alike, longest first."""
    def pattern(word: str) -> str:
        parts = [r"\s*" if ch == " " else "[آا]" if ch in "آا" else re.escape(ch) for ch in word]
        return "".join(parts)
    return "|".join(pattern(w) for w in sorted(set(words), key=len, reverse=True))


def _lookup(table: dict[int, list[str]], tag: str | None = None) -> dict[str, object]:
    return {_key(w): (tag, n) if tag else n for n, words in table.items() for w in words}


MONTHS = {**_lookup(JALALI_MONTHS, "jalali"), **_lookup(AFGHAN_MONTHS, "jalali"),
          **_lookup(GREGORIAN_MONTHS, "gregorian"), **_lookup(HIJRI_MONTHS, "hijri")}
WEEKDAY_OF = _lookup(WEEKDAYS)
AFGHAN_KEYS = set(_lookup(AFGHAN_MONTHS))
DAY_OF_WORD = _lookup(DAY_WORDS)

# ------------------------------------------------------------------ patterns
_LETTER = "\u0621-\u063a\u0641-\u064a\u0671-\u06d3\u06fa-\u06ffA-Za-z"
BL, BR = f"(?<![{_LETTER}])", f"(?![{_LETTER}])"  # word boundaries for Persian and Latin
_ALL_MONTHS = _alternation([w for t in (JALALI_MONTHS, AFGHAN_MONTHS, GREGORIAN_MONTHS, HIJRI_MONTHS)
                            for ws in t.values() for w in ws])
_WEEKDAY = _alternation([w for ws in WEEKDAYS.values() for w in ws])
_ORDINAL = _alternation([w for ws in DAY_WORDS.values() for w in ws])

# Every date expression has a digit, a month's name or a word of relative time:
# lines without any are passed over cheaply (most lines of a page).
DATE_HINT = re.compile(rf"[0-9۰-۹٠-٩]|{BL}(?:{_ALL_MONTHS}|{'|'.join(map(re.escape, DAY_OFFSETS))}|"
                       rf"پیش|قبل|لحظاتی|دقایقی|الان|حالا|ago|now){BR}", re.IGNORECASE)


def might_hold_date(text: str) -> bool:
    """A cheap test: False means the text holds no date expression."""
    return DATE_HINT.search(text) is not None


MONTH_NAME = re.compile(rf"{BL}(?:{_ALL_MONTHS}){BR}", re.IGNORECASE)


def names_a_month(text: str) -> bool:
    return MONTH_NAME.search(text) is not None


SEP = r"\s*[,،\-–—/]?\s*"  # between the parts of a written date
MONTH = rf"{BL}(?P<mon>{_ALL_MONTHS})(?:\s*ماه)?{BR}"
DAY_NUMBER = (r"(?<![\d:])(?<!\d[/.\-])(?P<dn>[0-3]?\d)(?!\d)"
              rf"(?:\s*ام{BR}|(?:st|nd|rd|th)(?![A-Za-z]))?")
DAY_WORD = rf"{BL}(?P<dw>{_ORDINAL})(?:ین)?{BR}(?:\s*روز(?:\s*از)?{BR})?"
# Era words: solar Hijri (ه.ش), lunar Hijri (ه.ق), Gregorian (میلادی, م).
ERA = (r"(?P<era>\s*(?:هجری\s*شمسی|هجری\s*قمری|ه\s*\.\s*ش\.?|ه\s*\.\s*ق\.?|خورشیدی|شمسی|قمری|"
       rf"میلادی|هجری|م\.?{BR}))?")
# A two-digit year ("۲۲ شهریور ۹۷") only where nothing else could follow.
YY_END = r"(?=\s*(?:$|[,،\-–—|)\]]|\.(?!\d)|ساعت|\d{1,2}\s*:\s*\d|ه\s*\.\s*ش|خورشیدی|شمسی))"
YEAR_AFTER = rf"(?:{SEP}(?:(?P<y>\d{{4}})(?!\d)|(?P<yy>\d{{2}})(?!\d){YY_END}){ERA})?"

DATE_PATTERNS = {
    # 2026-10-01T15:45:01+03:30
    "iso": re.compile(
        r"(?<!\d)(?P<y>\d{4})-(?P<m>\d\d)-(?P<dn>\d\d)[T ](?P<H>[01]\d|2[0-3]):(?P<M>[0-5]\d)"
        r"(?::(?P<S>[0-5]\d)(?:[.,]\d+)?)?(?P<tz>Z|[+-][01]\d:?[0-5]\d)?(?![\d:])"),
    # 1401/06/01, 2025-10-16, 1401.06.01
    "ymd": re.compile(r"(?<!\d)(?<!\d[/.])(?P<y>\d{4}) ?(?P<s>[/\-.]) ?(?P<m>\d{1,2}) ?(?P=s) ?"
                      rf"(?P<dn>\d{{1,2}})(?!\d){ERA}"),
    # 12-04-1393, 08.04.2006, 20 /6 / 2023
    "dmy": re.compile(r"(?<![\d:])(?<!\d[/.\-])(?P<dn>\d{1,2}) ?(?P<s>[/\-.]) ?(?P<m>\d{1,2}) ?(?P=s) ?"
                      rf"(?P<y>\d{{4}})(?!\d){ERA}"),
    # ۰۱ شهریور ۱۴۰۱, سی ام اسفند, 3 تا 5 اردیبهشت 1403, 23 Aug 2022
    "day_month": re.compile(
        rf"(?:{DAY_NUMBER}|{DAY_WORD})(?:\s*(?:تا|الی)\s*(?P<d2>[0-3]?\d)(?!\d))?"
        rf"\s*[\-/]?\s*(?:ماه\s*)?{MONTH}{YEAR_AFTER}", re.IGNORECASE),
    # مهر ۱۲, ۱۴۰۵; August 27th, 2022
    "month_day": re.compile(
        rf"{MONTH}\s*[\-/]?\s*(?P<dn>[0-3]?\d)(?!\d)(?:st|nd|rd|th)?(?![A-Za-z])\s*[,،\-/]?\s*"
        rf"(?P<y>\d{{4}})(?!\d){ERA}", re.IGNORECASE),
    # ۱۳۹۷ شهریور ۳۱; 2025 June 21
    "year_month_day": re.compile(
        rf"(?<!\d)(?P<y>\d{{4}})(?!\d){ERA}{SEP}{MONTH}{SEP}(?P<dn>[0-3]?\d)(?!\d)(?!\s*[:/.]\s*\d)",
        re.IGNORECASE),
    # 1401 یکشنبه 10 مهر
    "year_weekday_day_month": re.compile(
        rf"(?<!\d)(?P<y>\d{{4}})(?!\d){SEP}{BL}(?P<wd>{_WEEKDAY}){BR}{SEP}{DAY_NUMBER}\s*{MONTH}"
        rf"(?!{SEP}\d)", re.IGNORECASE),
}
# The patterns above that hold {MONTH}; the others are numeric and each needs NUMERIC_HINT.
NAMED_KINDS = frozenset({"day_month", "month_day", "year_month_day", "year_weekday_day_month"})
NUMERIC_HINT = re.compile(r"\d ?[/.\-] ?\d")
MONTH_HINT = re.compile(rf"{BL}(?:{_ALL_MONTHS})", re.IGNORECASE)  # MONTH without what may follow
# Parts of the day that follow a clock time ("9:42 ب.ظ", "۱۱ شب").
_DAY_PART = (r"ق\s*\.?\s*ظ\.?|ب\s*\.?\s*ظ\.?|قبل\s*از\s*ظهر|بعد\s*از\s*ظهر|صبح|بامداد|ظهر|عصر|شب"
             r"|[AaPp]\.?\s*[Mm]\.?(?![A-Za-z])")
_SAAT = r"ساعت\s*(?:ساعت\s*)?:?\s*"  # "ساعت", doubled by some sites
# "13:56", "ساعت ۹:۳۲", "07:23:31 GMT", "ساعت 11 و 01 دقیقه", "ساعت ۱۴", "۱۱ شب"
TIME = re.compile(
    rf"(?:(?:{_SAAT})?(?<![\d:/.])(?P<H>[01]?\d|2[0-3]) ?: ?(?P<M>[0-5]\d)(?::(?P<S>[0-5]\d))?(?![\d:])"
    rf"|{_SAAT}(?<!\d)(?P<H1>[01]?\d|2[0-3]):(?P<M1>\d)(?![\d:])"  # "ساعت 12:1"
    rf"|{_SAAT}(?<!\d)(?P<H2>[01]?\d|2[0-3])\s*و\s*(?P<M2>[0-5]?\d)(?!\d)\s*دقیقه"
    r"(?:\s*و\s*(?P<S2>[0-5]?\d)(?!\d)\s*ثانیه)?"
    rf"|{_SAAT}(?<!\d)(?P<H3>[01]?\d|2[0-3])(?![\d:])(?!\s*و\s*\d)"
    rf"|(?<![\d:/.])(?P<H4>[01]?\d|2[0-3])(?![\d:])(?=\s*(?:{_DAY_PART}){BR}))"
    rf"(?:\s*(?P<ap>{_DAY_PART}){BR})?"
    r"(?:\s*(?P<tz>(?:GMT|UTC)\s*[+-]\d{1,2}(?::?\d\d)?(?![\d:/.\-])|GMT|UTC|Z(?![A-Za-z])"
    r"|[+-](?:0\d|1[0-4]):?(?:00|30|45)(?![\d/.\-])|IRST|IRDT|Asia\s*/\s*Tehran"
    rf"|(?:به\s*وقت\s*)?گرینویچ|به\s*وقت\s*[{_LETTER}]+|(?:{'|'.join(FOREIGN_ZONES)})(?![A-Za-z])))?")
# Anything shaped like a clock time; one that is not a valid time makes the line doubtful.
CLOCK_LIKE = re.compile(r"(?<![\d:])\d{1,2} ?: ?\d{1,2}(?!\d)")
WEEKDAY_BEFORE = re.compile(rf"{BL}(?P<wd>{_WEEKDAY}){BR}[\s,،\-–—/|:(]*$", re.IGNORECASE)
WEEKDAY_AFTER = re.compile(rf"^[\s,،\-–—/|)]*{BL}(?P<wd>{_WEEKDAY}){BR}", re.IGNORECASE)
# What may stand between a date and its clock time: punctuation, symbols and
# emoji ("-", "|", "@", "⏰"), and at most one of a few words.
_SYMBOLS = rf"[^\d{_LETTER}]{{0,8}}"
DATE_TIME_GAP = re.compile(rf"^{_SYMBOLS}(?:{BL}(?:تهران|Tehran|در|روز|at){BR}{_SYMBOLS})?$", re.IGNORECASE)
RANGE_GAP = re.compile(r"^\s*(?:تا|الی)\s*$")
_COUNT = "|".join(COUNT_WORDS)
_AMOUNT = rf"(?:(?<![\d.])\d{{1,3}}|{BL}(?:{_COUNT})){BR}\s*(?:{'|'.join(AGO_UNITS)}){BR}"
AMOUNT = re.compile(rf"(?P<n>\d+|{_COUNT})\s*(?P<unit>{'|'.join(AGO_UNITS)})")
# "۳ ساعت پیش", "۱ ساعت و ۲۰ دقیقه قبل"; not "۲ روز قبل از انتخابات" (before an event)
AGO = re.compile(rf"(?:{_AMOUNT}\s*و\s*)*{_AMOUNT}\s*(?:پیش|قبل){BR}(?!\s*از)")
NOW = re.compile(rf"{BL}(?:{_alternation(JUST_NOW)}){BR}(?!\s*از)", re.IGNORECASE)
DAY_WORD_RELATIVE = re.compile(rf"{BL}(?P<rel>{_alternation(DAY_OFFSETS)}){BR}", re.IGNORECASE)
HIJRI_ERA = re.compile(r"قمری|ه\s*\.\s*ق|^\s*هجری$")
NAME_WORD = re.compile(rf"{BL}(?:{_alternation(NAME_BEFORE)})\.?\s*$")
PART_WORD = re.compile(rf"{BL}(?:{_alternation(PART_BEFORE)})\s*$")
AGENCY_WORD = re.compile(rf"{BL}(?:{_alternation(AGENCY_BEFORE)})\s*$")
NEWS_CODE = re.compile(r"(?:کد|شماره|شناسه)\s*(?:خبر|مطلب)?\s*:?\s*$")
WORDS = re.compile(rf"[{_LETTER}]+")


# ------------------------------------------------------------------ results
@dataclass(frozen=True)
class DateMatch:
    value: dt.date | dt.datetime  # aware (Tehran offset) when the text gave a time
    start: int  # span of the expression in the input string
    end: int
    calendar: str  # "jalali" | "gregorian" | "iso" | "hijri" | "relative"

    def iso(self) -> str:
        if isinstance(self.value, dt.datetime):
            return self.value.isoformat(timespec="seconds")
        return self.value.isoformat()


@dataclass
class _Clock:
    """A clock time in the folded text."""
    start: int
    end: int
    hour: int
    minute: int
    second: int
    seconds_given: bool
    offset: dt.timedelta | None  # stated UTC offset; None: Tehran wall-clock time
    problem: str | None = None


@dataclass
class _Found:
    """One date expression in the folded text, as read so far."""
    start: int
    end: int
    calendar: str
    year: int | None = None
    month: int = 0
    day: int = 0
    weekday: int | None = None
    clock: _Clock | None = None
    value: dt.date | dt.datetime | None = None
    problem: str | None = None  # why the line cannot be trusted
    sure: bool = True  # False: a date, but not certain enough to state (Hijri, no year)
    order_unknown: bool = False  # 03/04/2024: D/M or M/D?
    kabul: bool = False  # Afghan month names: a clock time beside them is Kabul's
    ago: dt.timedelta | None = None  # "۳ ساعت پیش": this long before the reference moment
    days_back: int | None = None  # "دیروز", "۲ روز پیش": this many days before the reference day


# ------------------------------------------------------------------ time zone
def _tehran(naive: dt.datetime) -> dt.datetime | None:
    """The aware Tehran time for a wall-clock reading, None in a DST gap or overlap."""
    first, second = naive.replace(tzinfo=TEHRAN), naive.replace(tzinfo=TEHRAN, fold=1)
    if first.utcoffset() != second.utcoffset():
        return None  # the clock skipped this time, or showed it twice: which is unknowable
    return first


def _reference(reference) -> tuple[dt.date | None, dt.datetime | None]:
    """The reference day and, when it carries one, the reference moment (Tehran)."""
    if reference is None:
        return None, None
    if isinstance(reference, dt.datetime):
        if reference.tzinfo is None:
            if reference.time() == dt.time(0):  # "2022-08-23": a day, not midnight
                return reference.date(), None
            moment = reference.replace(tzinfo=TEHRAN)
        else:
            moment = reference.astimezone(TEHRAN)
        return moment.date(), moment
    return reference, None


# ------------------------------------------------------------------ calendars
@functools.lru_cache(maxsize=1 << 12)  # a folder's pages share their days; jdatetime is slow
def _to_gregorian(calendar: str, year: int, month: int, day: int) -> dt.date | None:
    """The Gregorian day of a calendar date, None when that date does not exist."""
    try:
        if calendar == "jalali":
            if year not in JALALI_YEARS:
                return None
            return jdatetime.date(year, month, day).togregorian()
        if calendar == "hijri":
            return _hijri_to_gregorian(year, month, day)
        if year not in GREGORIAN_YEARS:
            return None
        return dt.date(year, month, day)
    except ValueError:
        return None


def _hijri_to_gregorian(year: int, month: int, day: int) -> dt.date | None:
    """Tabular Islamic calendar (civil epoch): may differ from the sighted month by a day."""
    if year not in HIJRI_YEARS or not 1 <= month <= 12 or not 1 <= day <= 30:
        return None
    if day == 30 and _hijri_month_length(year, month) == 29:
        return None
    days = day + -(-295 * (month - 1) // 10) + (year - 1) * 354 + (3 + 11 * year) // 30
    return dt.date(622, 7, 19) + dt.timedelta(days=days - 1)


def _hijri_month_length(year: int, month: int) -> int:
    leap = (14 + 11 * year) % 30 < 11
    return 30 if month % 2 == 1 or (month == 12 and leap) else 29


def _year_of(calendar: str, day: dt.date) -> int:
    if calendar == "jalali":
        return jdatetime.date.fromgregorian(date=day).year
    if calendar == "hijri":
        return round((day - dt.date(622, 7, 19)).days / 354.367) + 1
    return day.year


# ------------------------------------------------------------------ scanning
def _number(text: str | None) -> int | None:
    return int(text) if text else None


def _date_expressions(text: str) -> list[_Found]:
    """Every written date in the folded text, longest first where two overlap."""
    # The patterns with a month's name need one on the line, the numeric ones two
    # numbers joined by a separator: most lines need few of the patterns.
    named, numeric = MONTH_HINT.search(text) is not None, NUMERIC_HINT.search(text) is not None
    found = [f for kind, pattern in DATE_PATTERNS.items() if (named if kind in NAMED_KINDS else numeric)
             for m in pattern.finditer(text) if (f := _read_expression(kind, m, text)) is not None]
    found.sort(key=lambda f: (f.start - f.end, f.start))
    kept: list[_Found] = []
    for f in found:
        if all(f.end <= k.start or f.start >= k.end for k in kept):
            kept.append(f)
    return sorted(kept, key=lambda f: f.start)


def _read_expression(kind: str, m: re.Match, text: str) -> _Found | None:
    """One regex match as a date expression, or None when it is not a date at all."""
    g = m.groupdict()
    before = text[max(0, m.start() - 30):m.start()]
    found = _Found(m.start(), m.end(), "gregorian")
    if g.get("mon"):
        found.calendar, found.month = MONTHS[_key(g["mon"])]
    else:
        found.month = int(g["m"])
    found.day = DAY_OF_WORD[_key(g["dw"])] if g.get("dw") else int(g["dn"])
    found.year = _number(g.get("y"))
    era = (g.get("era") or "").strip()

    if kind == "iso":  # 2026-10-01T15:45:01+03:30, or 1405-07-09 15:45 from a Jalali site
        found.calendar = "jalali" if found.year in JALALI_YEARS else "iso"
        found.clock = _Clock(m.start("H"), m.end(), int(g["H"]), int(g["M"]), int(g["S"] or 0),
                             g["S"] is not None, _utc_offset(g["tz"]))
        return found
    if kind in ("ymd", "dmy"):
        return _read_numeric(kind, found, g, era)

    if NEWS_CODE.search(before) and kind.startswith("year"):
        return None  # "کد خبر: 1402 ..." is a code, not a year
    if PART_WORD.search(before):
        return None  # "نیمه دوم خرداد": a part of the month
    if _key(g["mon"]) == "مهر" and AGENCY_WORD.search(before):
        return None  # "خبرگزاری مهر": the agency
    if _key(g["mon"]) in NEEDS_YEAR and (found.year is None or not (g.get("dn") or g.get("dw"))):
        return None
    if g.get("yy"):
        if found.calendar != "jalali":
            found.problem = "two-digit year with a Gregorian or Hijri month"
        else:
            found.year = _jalali_century(int(g["yy"]))
            found.sure = found.year is not None
    if found.year is None and NAME_WORD.search(before):
        return None  # "خیابان ۱۷ شهریور": a street
    if g.get("wd"):
        found.weekday = WEEKDAY_OF[_key(g["wd"])]
    found.kabul = _key(g["mon"]) in AFGHAN_KEYS
    return found


def _jalali_century(yy: int) -> int | None:
    """۹۷ → 1397, ۰۲ → 1402; ۳۵ could be 1335 or 1435, so it is not read."""
    if yy >= TWO_DIGIT_YEARS_1300S_FROM:
        return 1300 + yy
    return 1400 + yy if yy <= TWO_DIGIT_YEARS_1400S_UNTIL else None


def _read_numeric(kind: str, found: _Found, g: dict, era: str) -> _Found | None:
    """1401/06/01 or 12-04-1393: the year says the calendar; D/M or M/D must be clear."""
    year = found.year
    if HIJRI_ERA.search(era):
        found.calendar = "hijri"
    elif year in JALALI_YEARS:
        found.calendar = "jalali"
    elif year in GREGORIAN_YEARS:
        found.calendar = "iso" if kind == "ymd" and g["s"] == "-" and len(g["m"]) == len(g["dn"]) == 2 \
            else "gregorian"
    else:
        return None
    if kind == "dmy" and found.calendar == "gregorian" and g["s"] != ".":
        first, second = found.day, found.month  # D/M/Y or M/D/Y? (dots are always D.M.Y)
        if first <= 12 and second > 12:
            found.day, found.month = second, first
        elif first <= 12 and second <= 12 and first != second:
            found.order_unknown = True
    return found


def _utc_offset(zone: str | None) -> dt.timedelta | None:
    """The offset a zone suffix names ("Z", "GMT", "+03:30"); None for Tehran's own clock."""
    if not zone or re.search(r"tehran|تهران|ایران|irst|irdt", zone, re.IGNORECASE):
        return None
    m = re.search(r"([+-])(\d{1,2}):?(\d\d)?$", zone)
    if not m:
        return dt.timedelta(0)  # Z, GMT, UTC
    offset = dt.timedelta(hours=int(m[2]), minutes=int(m[3] or 0))
    return -offset if m[1] == "-" else offset


def _clocks(text: str, taken: list[_Found]) -> list[_Clock]:
    """Clock times outside the date expressions."""
    clocks = []
    for m in TIME.finditer(text):
        if not any(m.group(h) for h in ("H", "H1", "H2", "H3", "H4")):
            continue
        if any(m.start() < f.end and m.end() > f.start for f in taken):
            continue
        clocks.append(_read_clock(m))
    return clocks


def _read_clock(m: re.Match) -> _Clock:
    g = m.groupdict()
    hour = int(g["H"] or g["H1"] or g["H2"] or g["H3"] or g["H4"])
    minute = int(g["M"] or g["M1"] or g["M2"] or 0)
    second = g["S"] or g["S2"]
    clock = _Clock(m.start(), m.end(), hour, minute, int(second or 0), bool(second), _utc_offset(g["tz"]))
    if g["tz"] and (g["tz"] in FOREIGN_ZONES or re.match(r"به\s*وقت\s*+(?!تهران|ایران|گرینویچ)", g["tz"])):
        clock.problem = "a clock time in another zone"
    if g["ap"]:
        hour = _hour_24(hour, _key(g["ap"]).replace(".", ""))
        if hour is None:
            clock.problem = "hour does not fit its part of the day"
        else:
            clock.hour = hour
    elif g["H3"] and 1 <= hour <= 12:
        clock.problem = "'ساعت ۸' alone: morning or evening?"
    return clock


def _hour_24(hour: int, part: str) -> int | None:
    """The 24-hour hour for "9 ب.ظ", "۱۱ شب"…; None when the pair makes no sense."""
    if part in BEFORE_NOON:
        if hour == 12:  # "12 ق.ظ" is midnight; "۱۲ صبح" is anyone's guess
            return 0 if part in ("قظ", "am", "قبلازظهر") else None
        return hour if hour < 12 else None
    if part in AFTER_NOON:
        return hour + 12 if 1 <= hour < 12 else hour if hour >= 12 else None
    if part == "ظهر":  # "۱۲ ظهر", "۱ ظهر"
        return hour + 12 if 1 <= hour <= 4 else hour if hour in (11, 12) or hour >= 13 else None
    if part == "شب":  # "۱۱ شب" is 23:00, "۲ شب" is 02:00
        return hour + 12 if 6 <= hour < 12 else 0 if hour == 12 else hour
    return hour


def _attach_weekdays(text: str, found: list[_Found]) -> None:
    """A weekday right before a date (or right after, unclaimed) names that date's day."""
    claimed: list[tuple[int, int]] = []
    for f in found:
        if f.weekday is not None:
            continue
        m = WEEKDAY_BEFORE.search(text, 0, f.start)
        if m and m.start() >= max((x.end for x in found if x.end <= f.start), default=0):
            f.weekday, f.start = WEEKDAY_OF[_key(m.group("wd"))], m.start()
            claimed.append((m.start(), m.end()))
    for i, f in enumerate(found):
        if f.weekday is not None:
            continue
        limit = found[i + 1].start if i + 1 < len(found) else len(text)
        m = WEEKDAY_AFTER.search(text[f.end:limit])
        if m and not any(s <= f.end + m.start("wd") < e for s, e in claimed):
            f.weekday, f.end = WEEKDAY_OF[_key(m.group("wd"))], f.end + m.end()


def _attach_clocks(text: str, found: list[_Found], clocks: list[_Clock]) -> list[_Clock]:
    """Give each clock time to the date right before it (else right after); return the rest."""
    loose = []
    for c in clocks:
        before = [f for f in found if f.end <= c.start and f.clock is None
                  and _date_time_gap(text[f.end:c.start])]
        after = [f for f in found if f.start >= c.end and f.clock is None
                 and _date_time_gap(text[c.end:f.start])]
        owner = before[-1] if before else after[0] if after else None
        if owner is None:
            loose.append(c)
            continue
        owner.clock = c
        owner.start, owner.end = min(owner.start, c.start), max(owner.end, c.end)
    return loose


def _date_time_gap(text: str) -> bool:
    return bool(DATE_TIME_GAP.match(re.sub(r"\s+", " ", text)))


def _relative_expressions(text: str) -> list[_Found]:
    """"۳ ساعت پیش", "دیروز", "لحظاتی پیش": read against the reference later."""
    found = []
    for m in AGO.finditer(text):
        f = _Found(m.start(), m.end(), "relative")
        amounts = [(COUNT_WORDS.get(a["n"]) or int(a["n"]), AGO_UNITS[a["unit"]])
                   for a in AMOUNT.finditer(m.group(0))]
        if any(unit is None for _, unit in amounts):
            continue
        if all(unit == AGO_UNITS["روز"] and n == int(n) for n, unit in amounts):
            f.days_back = int(sum(n for n, _ in amounts))
        else:
            f.ago = dt.timedelta(seconds=sum(n * unit for n, unit in amounts))
        found.append(f)
    for m in NOW.finditer(text):
        found.append(_Found(m.start(), m.end(), "relative", ago=dt.timedelta(0)))
    for m in DAY_WORD_RELATIVE.finditer(text):
        if not any(f.start <= m.start() < f.end for f in found):
            found.append(_Found(m.start(), m.end(), "relative", days_back=DAY_OFFSETS[_key(m.group("rel"))]))
    return sorted(found, key=lambda f: f.start)


# ------------------------------------------------------------------ resolving
def _resolve(f: _Found, anchor: dt.date | None, ref_day: dt.date | None,
             ref_moment: dt.datetime | None) -> None:
    """Fill in f.value, or f.problem when the expression cannot be a real date."""
    if f.problem:
        return
    if f.clock and f.clock.problem:
        f.problem = f.clock.problem
        return
    if f.clock and f.kabul and f.clock.offset is None:
        f.problem = "Afghan date with a clock time of unknown zone"
        return
    if f.calendar == "relative":
        _resolve_relative(f, ref_day, ref_moment)
        return
    if f.order_unknown:
        f.problem = "day-month order unknown"
        return
    day = _resolve_day(f, anchor or ref_day)
    if day is None:
        return
    if f.calendar == "hijri":
        day = _hijri_by_weekday(day, f)
    elif f.weekday is not None and day.weekday() != f.weekday:
        f.problem = "weekday does not fall on the date"
        return
    f.value = _with_clock(f, day)


def _resolve_day(f: _Found, near: dt.date | None) -> dt.date | None:
    cal = "jalali" if f.calendar == "jalali" else "hijri" if f.calendar == "hijri" else "gregorian"
    if f.year is not None:
        day = _to_gregorian(cal, f.year, f.month, f.day)
        if day is None:
            f.problem = "no such date"
        return day
    if near is None:
        f.sure = False  # no year and nothing to take it from
        return None
    year = _year_of(cal, near)
    options = [d for y in (year - 1, year, year + 1) if (d := _to_gregorian(cal, y, f.month, f.day))]
    if not options:
        f.problem = "no such date"
        return None
    best = min(options, key=lambda d: abs(d - near))
    if abs(best - near) > YEARLESS_WINDOW:
        f.sure = False
        return None
    return best


def _hijri_by_weekday(day: dt.date, f: _Found) -> dt.date:
    """Hijri months begin by sighting the moon, up to a day off the tabular calendar;
    only a weekday pins the day down."""
    if f.weekday is None:
        f.sure = False
        return day
    fits = [d for d in (day - dt.timedelta(1), day, day + dt.timedelta(1)) if d.weekday() == f.weekday]
    if len(fits) != 1:
        f.sure = False
        return day
    return fits[0]


def _with_clock(f: _Found, day: dt.date) -> dt.date | dt.datetime | None:
    if f.clock is None:
        return day
    c = f.clock
    wall = dt.datetime(day.year, day.month, day.day, c.hour, c.minute, c.second)
    if c.offset is not None:
        return wall.replace(tzinfo=dt.timezone(c.offset)).astimezone(TEHRAN)
    aware = _tehran(wall)
    if aware is None:
        f.problem = "clock time skipped or repeated by a DST change"
    return aware


def _resolve_relative(f: _Found, ref_day: dt.date | None, ref_moment: dt.datetime | None) -> None:
    if ref_day is None:
        f.sure = False
    elif f.days_back is not None:
        f.value = _with_clock(f, ref_day - dt.timedelta(days=f.days_back))
    elif ref_moment is not None and f.clock is None:
        f.value = (ref_moment - f.ago).astimezone(TEHRAN).replace(microsecond=0)
    else:
        f.sure = False  # "۳ ساعت پیش" against a reference day without a time


def _clock_only(c: _Clock, ref_day: dt.date | None, ref_moment: dt.datetime | None) -> _Found:
    """"[۲۲:۱۹]": the reference day's clock, unless that is still to come."""
    f = _Found(c.start, c.end, "relative", clock=c)
    if ref_day is None or c.offset is not None:
        f.sure = False
        return f
    f.value = _with_clock(f, ref_day)
    if isinstance(f.value, dt.datetime) and ref_moment is not None and f.value > ref_moment + CLOCK_SLACK:
        f.value, f.sure = None, False
    if c.problem:
        f.problem = c.problem
    return f


# ------------------------------------------------------------------ the line
def _read_line(text: str, reference) -> tuple[list[_Found], bool]:
    """All date expressions of a line with their values, and whether the line is
    trustworthy (no impossible date, no stray clock time)."""
    folded, where = _fold(text)
    folded = _drop_greenwich_time(folded)
    ref_day, ref_moment = _reference(reference)
    found, clocks, loose = _expressions(folded, ref_day, ref_moment)
    _resolve_all(found, ref_day, ref_moment)
    found = _drop_range_ends(folded, found)
    trusted = not loose and not any(f.problem for f in found) and not _stray_clock(folded, found, clocks)
    for f in found:
        f.start, f.end = where[f.start], where[f.end - 1] + 1
    return found, trusted


# "ایران ۱۰:۳۵ گرینویچ ۰۷:۰۵": the same moment on two clocks, each named; Tehran's counts.
TWO_CLOCKS = re.compile(r"(?:به وقت\s+)?(?:ایران|تهران)\s+(?P<tehran>\d{1,2}:\d{2})"
                        r"\s+(?:به وقت\s+)?(?:گرینویچ|گرینیچ|GMT|UTC)\s*\d{1,2}:\d{2}", re.IGNORECASE)


def _drop_greenwich_time(text: str) -> str:
    """Keep Tehran's time of a named pair and blank the rest (same length: spans stay put)."""
    def keep_tehran(m: re.Match) -> str:
        start, end = m.span("tehran")
        return " " * (start - m.start()) + m.group("tehran") + " " * (m.end() - end)

    return TWO_CLOCKS.sub(keep_tehran, text)


def _expressions(text: str, ref_day, ref_moment) -> tuple[list[_Found], list[_Clock], list[_Clock]]:
    """The line's date expressions with their weekdays and clock times, the clock
    times, and the clock times that belong to no date.

    Written dates come first; Hijri dates count only when nothing else is written,
    relative expressions only when no date is, and a bare clock time only alone.
    """
    found = _date_expressions(text)
    _attach_weekdays(text, found)
    if any(f.calendar != "hijri" for f in found):
        found = [f for f in found if f.calendar != "hijri"]
    elif not found:
        found = [f for f in _relative_expressions(text) if _short_line(text, f)]
    clocks = _clocks(text, found)
    loose = _attach_clocks(text, found, clocks)
    # "بیرجند امروز" names a site; "امروز ۱۴:۳۰" or a lone "دیروز" is a time stamp.
    found = [f for f in found if f.days_back is None or f.clock or not WORDS.search(
        text[:f.start] + text[f.end:])]
    if not found and len(loose) == 1 and _bare_clock(text, loose[0]):
        found, loose = [_clock_only(loose[0], ref_day, ref_moment)], []
    return found, clocks, loose


def _resolve_all(found: list[_Found], ref_day, ref_moment) -> None:
    """Resolve full dates first: a year-less one takes its year from them, else from the reference."""
    anchor = None
    for f in found:
        if f.year is not None and f.calendar not in ("hijri", "relative"):
            _resolve(f, None, ref_day, ref_moment)
            if anchor is None and f.value is not None:
                anchor = _day_of(f.value)
    for f in found:
        if f.value is None and f.problem is None and f.sure:
            _resolve(f, anchor, ref_day, ref_moment)


def _stray_clock(text: str, found: list[_Found], clocks: list[_Clock]) -> bool:
    """Something shaped like a time ("25:30") that was not read as one."""
    spans = [(f.start, f.end) for f in found] + [(c.start, c.end) for c in clocks]
    return any(not any(s <= m.start() < e for s, e in spans) for m in CLOCK_LIKE.finditer(text))


def _bare_clock(text: str, c: _Clock) -> bool:
    """The line is a clock time and little else: no other number, few words."""
    rest = text[:c.start] + " " + text[c.end:]
    return not re.search(r"\d", rest) and len(WORDS.findall(rest)) <= MAX_WORDS_AROUND_RELATIVE


def _short_line(text: str, f: _Found) -> bool:
    rest = text[:f.start] + " " + text[f.end:]
    return len(WORDS.findall(rest)) <= MAX_WORDS_AROUND_RELATIVE


def _drop_range_ends(text: str, found: list[_Found]) -> list[_Found]:
    """"۲۸ فروردین تا ۳ اردیبهشت": a range states its first day."""
    kept = []
    for f in found:
        if kept and RANGE_GAP.match(text[kept[-1].end:f.start]):
            continue
        kept.append(f)
    return kept


def _day_of(value: dt.date | dt.datetime) -> dt.date:
    return value.astimezone(TEHRAN).date() if isinstance(value, dt.datetime) else value


def _match(f: _Found) -> DateMatch:
    return DateMatch(f.value, f.start, f.end, f.calendar)


# ------------------------------------------------------------------ public API
# Every word a date expression can hold: the tables above and the words the
# patterns spell out (eras, parts of the day, zones, "ساعت", "پیش" ...). A word
# outside it is never part of a date, which lets a line with many such words
# be passed over without reading its dates (see more_words_than_dates).
_PATTERN_WORDS = ("ماه روز از تا الی ام ین st nd rd th هجری شمسی قمری خورشیدی میلادی ه ش ق م ساعت و دقیقه "
                  "ثانیه پیش قبل بعد ظهر صبح بامداد عصر شب ظ ب a m p am pm gmt utc z irst irdt asia tehran "
                  "به وقت گرینویچ گرینیچ ایران تهران در at لحظه لحظاتی دقایقی چند همین الان حالا just now ago")
# "به وقت X": any one word may follow.
_ANY_WORD_AFTER = "وقت"


def _date_vocabulary() -> frozenset[str]:
    words = [*_PATTERN_WORDS.split(), *FOREIGN_ZONES, *BEFORE_NOON, *AFTER_NOON, *COUNT_WORDS, *AGO_UNITS,
             *DAY_OFFSETS, *JUST_NOW]
    for table in (JALALI_MONTHS, AFGHAN_MONTHS, GREGORIAN_MONTHS, HIJRI_MONTHS, WEEKDAYS, DAY_WORDS):
        for names in table.values():
            words += names
    words += [w + "ین" for names in DAY_WORDS.values() for w in names]  # "بیست و پنجمین"
    vocabulary = set()
    for word in words:
        folded = _folded(word)
        # A name of several words may be written with or without its spaces.
        vocabulary.update(_key(w) for w in WORDS.findall(folded.lower()))
        vocabulary.add(_key(folded))
    return frozenset(vocabulary)


_VOCABULARY = _date_vocabulary()
_TOKEN = re.compile(r"[^\W_]+")


def word_keys(text: str) -> list[str]:
    """The words of a text as :func:`more_words_than_dates` compares them (folded, آ as ا)."""
    return [w.replace("آ", "ا") for w in WORDS.findall(_folded(text).lower())]


def more_words_than_dates(text: str, limit: int, also: frozenset[str] = frozenset()) -> bool:
    """Whether more than ``limit`` words of the line stand outside any date
    expression: words holding letters that no date can hold, nor ``also``
    (label words, folded as by :func:`word_keys`). Cheaper than reading the
    dates: a line of many such words is no date line.
    """
    folded = _folded(text).lower().replace("آ", "ا")
    if _ANY_WORD_AFTER in folded:
        limit += 1
    tokens = _TOKEN.findall(folded)
    if len(tokens) <= limit:
        return False
    count = 0
    for token in tokens:
        if token in _VOCABULARY or token in also or token.isdigit():
            continue
        # Letters and digits run together ("۱۲اردیبهشت"): each run of letters is looked up.
        if any(run not in _VOCABULARY and run not in also for run in WORDS.findall(token)):
            count += 1
            if count > limit:
                return True
    return False


def find_dates(text: str, *, reference=None) -> list[DateMatch]:
    """Every date expression in a line that reads as a sure date, in order.

    Impossible dates and weekday mismatches are left out; Hijri dates appear
    only when the line has no other date (and only when a weekday pins them).
    """
    found, _ = _read_line(text, reference)
    return [_match(f) for f in found if f.value is not None and f.sure and not f.problem]


def parse_date(text: str, *, reference: dt.datetime | None = None) -> DateMatch | None:
    """The one date the string states, or None when it is not sure (never a guess)."""
    found, trusted = _read_line(text, reference)
    if not trusted or not found or any(f.value is None or not f.sure for f in found):
        return None
    if len({_day_of(f.value) for f in found}) != 1:
        return None  # two different dates
    timed = [f for f in found if isinstance(f.value, dt.datetime)]
    if not timed:
        return _match(found[0])
    minutes = {f.value.replace(second=0) for f in timed}
    if len(minutes) != 1:
        return None  # the same day at two different times
    return _match(max(timed, key=lambda f: f.clock is not None and f.clock.seconds_given))

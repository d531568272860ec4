"""The grammar of written dates: the regular expressions that find them.

Built from the word tables (:mod:`.words`) and compiled on first use, each
pattern alone, not at import: ``khabar --help`` starts without them, ``khabar
date`` compiles the few a date string needs.
"""

from __future__ import annotations

import re
from functools import cache
from types import SimpleNamespace

from khabar.core.chars import AGENCY_BEFORE_MEHR, DIGITS, WORD_LETTERS
from khabar.core.dates.words import alternation, words

_LETTER = WORD_LETTERS
BL, BR = f"(?<![{_LETTER}])", f"(?![{_LETTER}])"  # word boundaries for Persian and Latin
SEP = r"\s*[,،\-–—/]?\s*"  # between the parts of a written date
# Era words: solar Hijri (ه.ش), lunar Hijri (ه.ق), Gregorian (میلادی, م).
ERA = (r"(?P<era>\s*(?:هجری\s*شمسی|هجری\s*قمری|ه\s*\.\s*ش\.?|ه\s*\.\s*ق\.?|خورشیدی|شمسی|قمری|"
       rf"میلادی|هجری|م\.?{BR}))?")
# A two-digit year ("۲۲ شهریور ۹۷") only where nothing else could follow.
YY_END = r"(?=\s*(?:$|[,،\-–—|)\]]|\.(?!\d)|ساعت|\d{1,2}\s*:\s*\d|ه\s*\.\s*ش|خورشیدی|شمسی))"
# A number of 3 or 5+ digits in the year's place ("۱ فروردین ۹۹۹۹۹") is a year
# no calendar has: the date is refused, not read against the reference.
YEAR_AFTER = (rf"(?:{SEP}(?:(?P<y>\d{{4}})(?!\d)|(?P<yy>\d{{2}})(?!\d){YY_END}"
              rf"|(?P<ybad>\d{{3}}|\d{{5,}})(?!\d){YY_END}){ERA})?")
# Parts of the day that follow a clock time ("9:42 ب.ظ", "۱۱ شب").
DAY_PART = (r"ق\s*\.?\s*ظ\.?|ب\s*\.?\s*ظ\.?|قبل\s*از\s*ظهر|بعد\s*از\s*ظهر|صبح|بامداد|ظهر|عصر|شب"
            r"|[AaPp]\.?\s*[Mm]\.?(?![A-Za-z])")
SAAT = r"ساعت\s*(?:ساعت\s*)?:?\s*"  # "ساعت", doubled by some sites
# What may stand between a date and its clock time: punctuation, symbols and
# emoji ("-", "|", "@", "⏰"), and at most one of a few words.
SYMBOLS = rf"[^\d{_LETTER}]{{0,8}}"
# The patterns of DATE_PATTERNS that hold a month's name; the others are numeric
# and each needs the numeric hint.
NAMED_KINDS = frozenset({"day_month", "month_day", "year_month_day", "year_weekday_day_month"})


# What a compiled pattern is asked for.
_USED = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split", "pattern", "flags",
         "groups", "groupindex")


class _Lazy:
    """A pattern compiled on its first use: a line or a date string needs few of
    the grammar's patterns, and compiling them all was most of ``khabar date``."""

    def __init__(self, pattern: str, flags: int = 0):
        self._source = (pattern, flags)

    def __getattr__(self, name: str):
        compiled = re.compile(*self._source)
        for attr in _USED:  # later uses find the compiled pattern's methods at once
            setattr(self, attr, getattr(compiled, attr))
        return getattr(compiled, name)


def _month_alternation() -> str:
    return alternation([w for t in words().month_tables for ws in t.values() for w in ws])


@cache
def hints() -> SimpleNamespace:
    """The cheap tests that pass most lines over (see :mod:`.prefilter`)."""
    w = words()
    all_months = _month_alternation()
    return SimpleNamespace(
        # Every date expression has a digit, a month's name or a word of relative time.
        date=_Lazy(rf"[{DIGITS}]|{BL}(?:{all_months}|{'|'.join(map(re.escape, w.day_offsets))}|"
                        rf"پیش|قبل|لحظاتی|دقایقی|الان|حالا|ago|now){BR}", re.IGNORECASE),
        month_name=_Lazy(rf"{BL}(?:{all_months}){BR}", re.IGNORECASE),
        month=_Lazy(rf"{BL}(?:{all_months})", re.IGNORECASE),  # MONTH without what may follow
        numeric=_Lazy(r"\d ?[/.\-] ?\d"),
        words=_Lazy(rf"[{_LETTER}]+"),
        token=_Lazy(r"[^\W_]+"),
    )


@cache
def patterns() -> SimpleNamespace:
    """Every pattern of the date grammar, compiled."""
    w = words()
    all_months = _month_alternation()
    weekday = alternation([x for xs in w.weekdays.values() for x in xs])
    ordinal = alternation([x for xs in w.day_words.values() for x in xs])
    month = rf"{BL}(?P<mon>{all_months})(?:\s*ماه)?{BR}"
    day_number = (r"(?<![\d:])(?<!\d[/.\-])(?P<dn>[0-3]?\d)(?!\d)"
                  rf"(?:\s*ام{BR}|(?:st|nd|rd|th)(?![A-Za-z]))?")
    day_word = rf"{BL}(?P<dw>{ordinal})(?:ین)?{BR}(?:\s*روز(?:\s*از)?{BR})?"
    count = "|".join(w.count_words)
    units = "|".join(w.ago_units)
    amount = rf"(?:(?<![\d.])\d{{1,3}}|{BL}(?:{count})){BR}\s*(?:{units}){BR}"
    return SimpleNamespace(
        dates={
            # 2026-10-01T15:45:01+03:30
            "iso": _Lazy(
                r"(?<!\d)(?P<y>\d{4})-(?P<m>\d\d)-(?P<dn>\d\d)[T ](?P<H>[01]\d|2[0-3]):(?P<M>[0-5]\d)"
                r"(?::(?P<S>[0-5]\d)(?:[.,]\d+)?)?(?P<tz>Z|[+-][01]\d:?[0-5]\d)?(?![\d:])"),
            # 1401/06/01, 2025-10-16, 1401.06.01
            "ymd": _Lazy(r"(?<!\d)(?<!\d[/.])(?P<y>\d{4}) ?(?P<s>[/\-.]) ?(?P<m>\d{1,2}) ?(?P=s) ?"
                              rf"(?P<dn>\d{{1,2}})(?!\d){ERA}"),
            # 12-04-1393, 08.04.2006, 20 /6 / 2023
            "dmy": _Lazy(r"(?<![\d:])(?<!\d[/.\-])(?P<dn>\d{1,2}) ?(?P<s>[/\-.]) ?(?P<m>\d{1,2}) ?(?P=s) ?"
                              rf"(?P<y>\d{{4}})(?!\d){ERA}"),
            # ۰۱ شهریور ۱۴۰۱, سی ام اسفند, 3 تا 5 اردیبهشت 1403, 23 Aug 2022
            "day_month": _Lazy(
                rf"(?:{day_number}|{day_word})(?:\s*(?:تا|الی)\s*(?P<d2>[0-3]?\d)(?!\d))?"
                rf"\s*[\-/]?\s*(?:ماه\s*)?{month}{YEAR_AFTER}", re.IGNORECASE),
            # مهر ۱۲, ۱۴۰۵; August 27th, 2022
            "month_day": _Lazy(
                rf"{month}\s*[\-/]?\s*(?P<dn>[0-3]?\d)(?!\d)(?:st|nd|rd|th)?(?![A-Za-z])\s*[,،\-/]?\s*"
                rf"(?P<y>\d{{4}})(?!\d){ERA}", re.IGNORECASE),
            # ۱۳۹۷ شهریور ۳۱; 2025 June 21
            "year_month_day": _Lazy(
                rf"(?<!\d)(?P<y>\d{{4}})(?!\d){ERA}{SEP}{month}{SEP}(?P<dn>[0-3]?\d)(?!\d)(?!\s*[:/.]\s*\d)",
                re.IGNORECASE),
            # 1401 یکشنبه 10 مهر
            "year_weekday_day_month": _Lazy(
                rf"(?<!\d)(?P<y>\d{{4}})(?!\d){SEP}{BL}(?P<wd>{weekday}){BR}{SEP}{day_number}\s*{month}"
                rf"(?!{SEP}\d)", re.IGNORECASE),
        },
        # "13:56", "ساعت ۹:۳۲", "07:23:31 GMT", "ساعت 11 و 01 دقیقه", "ساعت ۱۴", "۱۱ شب"
        time=_Lazy(
            rf"(?:(?:{SAAT})?(?<![\d:/.])(?P<H>[01]?\d|2[0-3]) ?: ?(?P<M>[0-5]\d)(?::(?P<S>[0-5]\d))?(?![\d:])"
            rf"|{SAAT}(?<!\d)(?P<H1>[01]?\d|2[0-3]):(?P<M1>\d)(?![\d:])"  # "ساعت 12:1"
            rf"|{SAAT}(?<!\d)(?P<H2>[01]?\d|2[0-3])\s*و\s*(?P<M2>[0-5]?\d)(?!\d)\s*دقیقه"
            r"(?:\s*و\s*(?P<S2>[0-5]?\d)(?!\d)\s*ثانیه)?"
            rf"|{SAAT}(?<!\d)(?P<H3>[01]?\d|2[0-3])(?![\d:])(?!\s*و\s*\d)"
            rf"|(?<![\d:/.])(?P<H4>[01]?\d|2[0-3])(?![\d:])(?=\s*(?:{DAY_PART}){BR}))"
            rf"(?:\s*(?P<ap>{DAY_PART}){BR})?"
            r"(?:\s*(?P<tz>(?:GMT|UTC)\s*[+-]\d{1,2}(?::?\d\d)?(?![\d:/.\-])|GMT|UTC|Z(?![A-Za-z])"
            r"|[+-](?:0\d|1[0-4]):?(?:00|30|45)(?![\d/.\-])|IRST|IRDT|Asia\s*/\s*Tehran"
            rf"|(?:به\s*وقت\s*)?گرینویچ|به\s*وقت\s*[{_LETTER}]+|(?:{'|'.join(w.foreign_zones)})(?![A-Za-z])))?"),
        # Anything shaped like a clock time; one that is not a valid time makes the line doubtful.
        clock_like=_Lazy(r"(?<![\d:])\d{1,2} ?: ?\d{1,2}(?!\d)"),
        weekday_before=_Lazy(rf"{BL}(?P<wd>{weekday}){BR}[\s,،\-–—/|:(]*$", re.IGNORECASE),
        weekday_after=_Lazy(rf"^[\s,،\-–—/|)]*{BL}(?P<wd>{weekday}){BR}", re.IGNORECASE),
        date_time_gap=_Lazy(rf"^{SYMBOLS}(?:{BL}(?:تهران|Tehran|در|روز|at){BR}{SYMBOLS})?$", re.IGNORECASE),
        range_gap=_Lazy(r"^\s*(?:تا|الی)\s*$"),
        amount=_Lazy(rf"(?P<n>\d+|{count})\s*(?P<unit>{units})"),
        # "۳ ساعت پیش", "۱ ساعت و ۲۰ دقیقه قبل"; not "۲ روز قبل از انتخابات" (before an event)
        ago=_Lazy(rf"(?:{amount}\s*و\s*)*{amount}\s*(?:پیش|قبل){BR}(?!\s*از)"),
        now=_Lazy(rf"{BL}(?:{alternation(w.just_now)}){BR}(?!\s*از)", re.IGNORECASE),
        day_word_relative=_Lazy(rf"{BL}(?P<rel>{alternation(w.day_offsets)}){BR}", re.IGNORECASE),
        hijri_era=_Lazy(r"قمری|ه\s*\.\s*ق|^\s*هجری$"),
        name_word=_Lazy(rf"{BL}(?:{alternation(w.name_before)})\.?\s*$"),
        part_word=_Lazy(rf"{BL}(?:{alternation(w.part_before)})\s*$"),
        agency_word=_Lazy(rf"{BL}(?:{alternation(AGENCY_BEFORE_MEHR)})\s*$"),
        news_code=_Lazy(r"(?:کد|شماره|شناسه)\s*(?:خبر|مطلب)?\s*:?\s*$"),
        # "ایران ۱۰:۳۵ گرینویچ ۰۷:۰۵": the same moment on two clocks, each named; Tehran's counts.
        two_clocks=_Lazy(r"(?:به وقت\s+)?(?:ایران|تهران)\s+(?P<tehran>\d{1,2}:\d{2})"
                              r"\s+(?:به وقت\s+)?(?:گرینویچ|گرینیچ|GMT|UTC)\s*\d{1,2}:\d{2}", re.IGNORECASE),
        zone_named=_Lazy(r"tehran|تهران|ایران|irst|irdt", re.IGNORECASE),
        zone_offset=_Lazy(r"([+-])(\d{1,2}):?(\d\d)?$"),
        local_zone=_Lazy(r"به\s*وقت\s*+(?!تهران|ایران|گرینویچ)"),
    )

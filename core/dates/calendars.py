"""Calendars: Jalali (jdatetime's arithmetic, from its jalali_core), the tabular Hijri calendar,
Gregorian, and Tehran's wall clock (the tz database, so Iran's former summer
time is applied where it was in force)."""

from __future__ import annotations

import datetime as dt
import functools
from zoneinfo import ZoneInfo

TEHRAN = ZoneInfo("Asia/Tehran")

# Year ranges each calendar's numbers must fall in to be read as a year.
JALALI_YEARS = range(1200, 1600)
GREGORIAN_YEARS = range(1800, 2200)
HIJRI_YEARS = range(1300, 1600)
HIJRI_EPOCH = dt.date(622, 7, 19)  # civil epoch: 1 Muharram 1
HIJRI_MEAN_YEAR_DAYS = 354.367


def tehran_time(naive: dt.datetime) -> dt.datetime | None:
    """The aware Tehran time for a wall-clock reading, None in a DST gap or overlap."""
    first, second = naive.replace(tzinfo=TEHRAN), naive.replace(tzinfo=TEHRAN, fold=1)
    if first.utcoffset() != second.utcoffset():
        return None  # the clock skipped this time, or showed it twice: which is unknowable
    return first


def day_of(value: dt.date | dt.datetime) -> dt.date:
    """The Tehran day of a date or an aware time."""
    return value.astimezone(TEHRAN).date() if isinstance(value, dt.datetime) else value


@functools.lru_cache(maxsize=1 << 12)  # a folder's pages share their days
def to_gregorian(calendar: str, year: int, month: int, day: int) -> dt.date | None:
    """The Gregorian day of a calendar date, None when that date does not exist."""
    try:
        if calendar == "jalali":
            if year not in JALALI_YEARS:
                return None
            return _jalali_to_gregorian(year, month, day)
        if calendar == "hijri":
            return hijri_to_gregorian(year, month, day)
        if year not in GREGORIAN_YEARS:
            return None
        return dt.date(year, month, day)
    except ValueError:
        return None


# Leap years of jdatetime's 33-year cycle (jdatetime.date.isleap).
_JALALI_LEAP = (1, 5, 9, 13, 17, 22, 26, 30)


def _jalali_to_gregorian(year: int, month: int, day: int) -> dt.date | None:
    """``jdatetime.date(year, month, day).togregorian()``, None where that raises
    ValueError: jdatetime's checks and arithmetic (jalali_core) without its
    import (platform, locale: 8 ms of `khabar date`) and its locale look-up
    at each date."""
    from jalali_core import JalaliToGregorian, j_days_in_month

    if not 1 <= month <= 12 or day < 1:
        return None
    if day > (30 if month == 12 and year % 33 in _JALALI_LEAP else j_days_in_month[month - 1]):
        return None
    return dt.date(*JalaliToGregorian(year, month, day).getGregorianList())


def hijri_to_gregorian(year: int, month: int, day: int) -> dt.date | None:
    """Tabular Islamic calendar (civil epoch): may differ from the sighted month by a day."""
    if year not in HIJRI_YEARS or not 1 <= month <= 12 or not 1 <= day <= 30:
        return None
    if day == 30 and _hijri_month_length(year, month) == 29:
        return None
    days = day + -(-295 * (month - 1) // 10) + (year - 1) * 354 + (3 + 11 * year) // 30
    return HIJRI_EPOCH + dt.timedelta(days=days - 1)


def _hijri_month_length(year: int, month: int) -> int:
    leap = (14 + 11 * year) % 30 < 11
    return 30 if month % 2 == 1 or (month == 12 and leap) else 29


@functools.lru_cache(maxsize=1 << 10)  # a line's year-less dates share their reference day
def year_of(calendar: str, day: dt.date) -> int:
    """The year of ``calendar`` that a Gregorian day falls in (Hijri: the nearest)."""
    if calendar == "jalali":
        from jalali_core import GregorianToJalali  # jdatetime.date.fromgregorian(date=day).year

        return GregorianToJalali(day.year, day.month, day.day).getJalaliList()[0]
    if calendar == "hijri":
        return round((day - HIJRI_EPOCH).days / HIJRI_MEAN_YEAR_DAYS) + 1
    return day.year

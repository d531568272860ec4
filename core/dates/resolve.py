"""Resolution: the day (and time) each expression of a line names, given the
other dates of the line and the reference (when the text was read).

A year is taken only from the text. A year-less date takes the year of a full
date on the same line (the nearest occurrence to it), else of the reference:
then it is its last occurrence on or before the reference day (a page cannot
state a publication date after it was read), however far back that is, unless
a weekday written beside it falls on a later occurrence alone (within
YEARLESS_WINDOW). Placed beside another date, or either side of a moment, it
must lie within YEARLESS_WINDOW, or it is not sure.
"""

from __future__ import annotations

import datetime as dt

from khabar.core.dates.calendars import TEHRAN, day_of, tehran_time, to_gregorian, year_of
from khabar.core.dates.scan import Clock, Found

# A year-less date is read only this close to the other date on the line, or to
# the reference when either side of it will do (NEAREST).
YEARLESS_WINDOW = dt.timedelta(days=120)
# A bare clock time later than the reference by more than this is not today's.
CLOCK_SLACK = dt.timedelta(minutes=10)
# How a year-less date is placed against the reference: "past" (its last
# occurrence on or before it) or "nearest" (either side; to tell whether a line
# holds a date at all, not which).
PAST, NEAREST = "past", "nearest"


def reference_parts(reference) -> tuple[dt.date | None, dt.datetime | None]:
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


def resolve_all(found: list[Found], ref_day, ref_moment, yearless: str = PAST) -> None:
    """Resolve full dates first: a year-less one takes its year from them, else from the reference."""
    anchor = None
    for f in found:
        if f.year is not None and f.calendar not in ("hijri", "relative"):
            _resolve(f, None, ref_day, ref_moment, yearless)
            if anchor is None and f.value is not None:
                anchor = day_of(f.value)
    for f in found:
        if f.value is None and f.problem is None and f.sure:
            _resolve(f, anchor, ref_day, ref_moment, yearless)


def _resolve(f: Found, anchor: dt.date | None, ref_day: dt.date | None,
             ref_moment: dt.datetime | None, yearless: str) -> None:
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
    if anchor is not None:
        day = _resolve_day(f, anchor, NEAREST)
    else:
        day = _resolve_day(f, ref_day, yearless)
    if day is None:
        return
    if f.calendar == "hijri":
        day = _hijri_by_weekday(day, f)
    elif f.weekday is not None and day.weekday() != f.weekday:
        f.problem = "weekday does not fall on the date"
        return
    f.value = with_clock(f, day)


def _resolve_day(f: Found, near: dt.date | None, yearless: str) -> dt.date | None:
    cal = "jalali" if f.calendar == "jalali" else "hijri" if f.calendar == "hijri" else "gregorian"
    if f.year is not None:
        day = to_gregorian(cal, f.year, f.month, f.day)
        if day is None:
            f.problem = "no such date"
        return day
    if near is None:
        f.sure = False  # no year and nothing to take it from
        return None
    year = year_of(cal, near)
    options = [d for y in (year - 1, year, year + 1) if (d := to_gregorian(cal, y, f.month, f.day))]
    if not options:
        f.problem = "no such date"
        return None
    if yearless == PAST:
        # Its last occurrence is never more than a year back: no window to apply.
        best = _last_not_after(options, near, f.weekday if cal != "hijri" else None)
        window = None
    else:
        best = min(options, key=lambda d: abs(d - near))
        window = YEARLESS_WINDOW
    if best is None or (window is not None and abs(best - near) > window):
        f.sure = False
        return None
    return best


def _last_not_after(options: list[dt.date], ref_day: dt.date, weekday: int | None) -> dt.date | None:
    """The last occurrence on or before the reference day; with a weekday written
    beside it that does not fall there, the one occurrence within reach where it does
    ("پنجشنبه ۳ خرداد" read on Wednesday 2 Khordad: tomorrow)."""
    past = [d for d in options if d <= ref_day]
    best = max(past) if past else None
    if weekday is None or (best is not None and best.weekday() == weekday):
        return best
    fits = [d for d in options if d.weekday() == weekday and abs(d - ref_day) <= YEARLESS_WINDOW]
    return fits[0] if len(fits) == 1 else best


def _hijri_by_weekday(day: dt.date, f: Found) -> dt.date:
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


def with_clock(f: Found, day: dt.date) -> dt.date | dt.datetime | None:
    if f.clock is None:
        return day
    c = f.clock
    wall = dt.datetime(day.year, day.month, day.day, c.hour, c.minute, c.second)
    if c.offset is not None:
        return wall.replace(tzinfo=dt.timezone(c.offset)).astimezone(TEHRAN)
    aware = tehran_time(wall)
    if aware is None:
        f.problem = "clock time skipped or repeated by a DST change"
    return aware


def _resolve_relative(f: Found, ref_day: dt.date | None, ref_moment: dt.datetime | None) -> None:
    if ref_day is None:
        f.sure = False
    elif f.days_back is not None:
        f.value = with_clock(f, ref_day - dt.timedelta(days=f.days_back))
    elif ref_moment is not None and f.clock is None:
        f.value = (ref_moment - f.ago).astimezone(TEHRAN).replace(microsecond=0)
    else:
        f.sure = False  # "۳ ساعت پیش" against a reference day without a time


def clock_only(c: Clock, ref_day: dt.date | None, ref_moment: dt.datetime | None) -> Found:
    """"[۲۲:۱۹]": the reference day's clock, unless that is still to come."""
    f = Found(c.start, c.end, "relative", clock=c)
    if ref_day is None or c.offset is not None:
        f.sure = False
        return f
    f.value = with_clock(f, ref_day)
    if isinstance(f.value, dt.datetime) and ref_moment is not None and f.value > ref_moment + CLOCK_SLACK:
        f.value, f.sure = None, False
    if c.problem:
        f.problem = c.problem
    return f

"""A whole line: its date expressions read, resolved and checked together,
and the answers the rest of khabar asks for (:func:`find_dates`, :func:`parse_date`).

A date that cannot be right (31 Mehr, a weekday that does not fall on it, a
clock time Tehran skipped or lived twice) refuses the whole line, as do two
dates that disagree: an empty answer beats a wrong one.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from khabar.core.chars import fold_text_mapped
from khabar.core.dates.calendars import day_of
from khabar.core.dates.patterns import hints, patterns
from khabar.core.dates.resolve import NEAREST, PAST, clock_only, reference_parts, resolve_all
from khabar.core.dates.scan import Clock, Found, attach_clocks, attach_weekdays, clocks, date_expressions, \
    relative_expressions

# Relative expressions count only on a short line ("تاریخ: ۳ ساعت پیش"), not in prose.
MAX_WORDS_AROUND_RELATIVE = 3


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


def read_line(text: str, reference, yearless: str = PAST) -> tuple[list[Found], bool]:
    """All date expressions of a line with their values, and whether the line is
    trustworthy (no impossible date, no stray clock time)."""
    folded, where = fold_text_mapped(text)
    folded = _drop_greenwich_time(folded)
    ref_day, ref_moment = reference_parts(reference)
    found, clock_list, loose = _expressions(folded, ref_day, ref_moment)
    resolve_all(found, ref_day, ref_moment, yearless)
    found = _drop_range_ends(folded, found)
    trusted = not loose and not any(f.problem for f in found) and not _stray_clock(folded, found, clock_list)
    for f in found:
        f.start, f.end = where[f.start], where[f.end - 1] + 1
    return found, trusted


def _drop_greenwich_time(text: str) -> str:
    """Keep Tehran's time of a named pair and blank the rest (same length: spans stay put)."""
    def keep_tehran(m: re.Match) -> str:
        start, end = m.span("tehran")
        return " " * (start - m.start()) + m.group("tehran") + " " * (m.end() - end)

    return patterns().two_clocks.sub(keep_tehran, text)


class _Words:
    """The words of a text, to count those left when one span is cut out (in log time)."""

    def __init__(self, text: str):
        spans = [m.span() for m in hints().words.finditer(text)]
        self.starts = [s for s, _ in spans]
        self.ends = [e for _, e in spans]

    def around(self, start: int, end: int) -> int:
        """len(WORDS.findall(text[:start] + " " + text[end:])): a word cut by the
        span counts on each side where it has letters."""
        return bisect_left(self.starts, start) + len(self.ends) - bisect_right(self.ends, end)

    def outside(self, start: int, end: int) -> bool:
        """Whether text[:start] + text[end:] holds a letter."""
        return bool(self.starts) and (self.starts[0] < start or self.ends[-1] > end)


def _expressions(text: str, ref_day, ref_moment) -> tuple[list[Found], list[Clock], list[Clock]]:
    """The line's date expressions with their weekdays and clock times, the clock
    times, and the clock times that belong to no date.

    Written dates come first; Hijri dates count only when nothing else is written,
    relative expressions only when no date is, and a bare clock time only alone.
    """
    found = date_expressions(text)
    attach_weekdays(text, found)
    text_words = None
    if any(f.calendar != "hijri" for f in found):
        found = [f for f in found if f.calendar != "hijri"]
    elif not found:
        text_words = _Words(text)
        found = [f for f in relative_expressions(text)
                 if text_words.around(f.start, f.end) <= MAX_WORDS_AROUND_RELATIVE]
    clock_list = clocks(text, found)
    loose = attach_clocks(text, found, clock_list)
    # "بیرجند امروز" names a site; "امروز ۱۴:۳۰" or a lone "دیروز" is a time stamp.
    if any(f.days_back is not None for f in found):
        text_words = text_words or _Words(text)
        found = [f for f in found if f.days_back is None or f.clock or not text_words.outside(f.start, f.end)]
    if not found and len(loose) == 1 and _bare_clock(text, loose[0]):
        found, loose = [clock_only(loose[0], ref_day, ref_moment)], []
    return found, clock_list, loose


def _stray_clock(text: str, found: list[Found], clock_list: list[Clock]) -> bool:
    """Something shaped like a time ("25:30") that was not read as one."""
    spans = sorted([(f.start, f.end) for f in found] + [(c.start, c.end) for c in clock_list])
    merged: list[list[int]] = []  # the union of the spans, in order and apart
    for s, e in spans:
        if merged and s <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], e)
        else:
            merged.append([s, e])
    starts = [s for s, _ in merged]
    for m in patterns().clock_like.finditer(text):
        i = bisect_right(starts, m.start())
        if not (i and m.start() < merged[i - 1][1]):
            return True
    return False


def _bare_clock(text: str, c: Clock) -> bool:
    """The line is a clock time and little else: no other number, few words."""
    rest = text[:c.start] + " " + text[c.end:]
    return not re.search(r"\d", rest) and len(hints().words.findall(rest)) <= MAX_WORDS_AROUND_RELATIVE


def _drop_range_ends(text: str, found: list[Found]) -> list[Found]:
    """"۲۸ فروردین تا ۳ اردیبهشت": a range states its first day."""
    kept = []
    for f in found:
        if kept and patterns().range_gap.match(text[kept[-1].end:f.start]):
            continue
        kept.append(f)
    return kept


def _match(f: Found) -> DateMatch:
    return DateMatch(f.value, f.start, f.end, f.calendar)


def find_dates(text: str, *, reference=None) -> list[DateMatch]:
    """Every date expression in a line that reads as a sure date, in order.

    Impossible dates and weekday mismatches are left out; Hijri dates appear
    only when the line has no other date (and only when a weekday pins them).
    """
    found, _ = read_line(text, reference)
    return [_match(f) for f in found if f.value is not None and f.sure and not f.problem]


def find_date_shapes(text: str, reference) -> list[DateMatch]:
    """As :func:`find_dates`, a year-less date placed at its occurrence nearest
    the reference on either side: to tell whether a line holds a date at all."""
    found, _ = read_line(text, reference, NEAREST)
    return [_match(f) for f in found if f.value is not None and f.sure and not f.problem]


def parse_date(text: str, *, reference: dt.datetime | None = None) -> DateMatch | None:
    """The one date the string states, or None when it is not sure (never a guess)."""
    found, trusted = read_line(text, reference)
    if not trusted or not found or any(f.value is None or not f.sure for f in found):
        return None
    if len({day_of(f.value) for f in found}) != 1:
        return None  # two different dates
    timed = [f for f in found if isinstance(f.value, dt.datetime)]
    if not timed:
        return _match(found[0])
    minutes = {f.value.replace(second=0) for f in timed}
    if len(minutes) != 1:
        return None  # the same day at two different times
    return _match(max(timed, key=lambda f: f.clock is not None and f.clock.seconds_given))

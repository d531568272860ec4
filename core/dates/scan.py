"""Scanning a folded line: the date expressions, clock times, weekdays and
relative expressions it holds, as read so far (not yet resolved to days).

Every step is linear in the line: matches are looked up among the others by
bisection over spans kept in order, never by comparing every pair, and a
regex that must end at a place starts where the previous expression ended.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from khabar.core.dates.calendars import GREGORIAN_YEARS, JALALI_YEARS
from khabar.core.dates.patterns import NAMED_KINDS, hints, patterns
from khabar.core.dates.words import name_key, words

# Two-digit Jalali years: 50–99 are 13xx, 00–30 are 14xx (until 2051), 31–49 are not read.
TWO_DIGIT_YEARS_1300S_FROM, TWO_DIGIT_YEARS_1400S_UNTIL = 50, 30
# The text before a date that may make it no date ("کد خبر:", "خیابان", "نیمه").
CONTEXT_BEFORE = 30


@dataclass
class Clock:
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
class Found:
    """One date expression in the folded text, as read so far."""
    start: int
    end: int
    calendar: str
    year: int | None = None
    month: int = 0
    day: int = 0
    weekday: int | None = None
    clock: Clock | None = None
    value: dt.date | dt.datetime | None = None
    problem: str | None = None  # why the line cannot be trusted
    sure: bool = True  # False: a date, but not certain enough to state (Hijri, no year)
    order_unknown: bool = False  # 03/04/2024: D/M or M/D?
    kabul: bool = False  # Afghan month names: a clock time beside them is Kabul's
    ago: dt.timedelta | None = None  # "۳ ساعت پیش": this long before the reference moment
    days_back: int | None = None  # "دیروز", "۲ روز پیش": this many days before the reference day


def _number(text: str | None) -> int | None:
    return int(text) if text else None


def date_expressions(text: str) -> list[Found]:
    """Every written date in the folded text, longest first where two overlap."""
    # The patterns with a month's name need one on the line, the numeric ones two
    # numbers joined by a separator: most lines need few of the patterns.
    named, numeric = hints().month.search(text) is not None, hints().numeric.search(text) is not None
    found = [f for kind, pattern in patterns().dates.items() if (named if kind in NAMED_KINDS else numeric)
             for m in pattern.finditer(text) if (f := _read_expression(kind, m, text)) is not None]
    found.sort(key=lambda f: (f.start - f.end, f.start))
    # The kept spans, in order and apart: a candidate is checked against its two neighbours.
    kept: list[Found] = []
    starts: list[int] = []
    for f in found:
        i = bisect_right(starts, f.start)
        if (i and kept[i - 1].end > f.start) or (i < len(kept) and kept[i].start < f.end):
            continue
        kept.insert(i, f)
        starts.insert(i, f.start)
    return kept


def _read_expression(kind: str, m: re.Match, text: str) -> Found | None:
    """One regex match as a date expression, or None when it is not a date at all."""
    w, p = words(), patterns()
    g = m.groupdict()
    before = text[max(0, m.start() - CONTEXT_BEFORE):m.start()]
    found = Found(m.start(), m.end(), "gregorian")
    if g.get("mon"):
        found.calendar, found.month = w.months[name_key(g["mon"])]
    else:
        found.month = int(g["m"])
    found.day = w.day_of_word[name_key(g["dw"])] if g.get("dw") else int(g["dn"])
    found.year = _number(g.get("y"))
    era = (g.get("era") or "").strip()

    if kind == "iso":  # 2026-10-01T15:45:01+03:30, or 1405-07-09 15:45 from a Jalali site
        found.calendar = "jalali" if found.year in JALALI_YEARS else "iso"
        found.clock = Clock(m.start("H"), m.end(), int(g["H"]), int(g["M"]), int(g["S"] or 0),
                            g["S"] is not None, utc_offset(g["tz"]))
        return found
    if kind in ("ymd", "dmy"):
        return _read_numeric(kind, found, g, era)

    if p.news_code.search(before) and kind.startswith("year"):
        return None  # "کد خبر: 1402 ..." is a code, not a year
    if p.part_word.search(before):
        return None  # "نیمه دوم خرداد": a part of the month
    if name_key(g["mon"]) == "مهر" and p.agency_word.search(before):
        return None  # "خبرگزاری مهر": the agency
    if name_key(g["mon"]) in w.needs_year and (found.year is None or not (g.get("dn") or g.get("dw"))):
        return None
    if g.get("yy"):
        if found.calendar != "jalali":
            found.problem = "two-digit year with a Gregorian or Hijri month"
        else:
            found.year = _jalali_century(int(g["yy"]))
            found.sure = found.year is not None
    if g.get("ybad"):
        found.problem = "a written year no calendar has"  # never replaced by the reference's
    if found.year is None and p.name_word.search(before):
        return None  # "خیابان ۱۷ شهریور": a street
    if g.get("wd"):
        found.weekday = w.weekday_of[name_key(g["wd"])]
    found.kabul = name_key(g["mon"]) in w.afghan_keys
    return found


def _jalali_century(yy: int) -> int | None:
    """۹۷ → 1397, ۰۲ → 1402; ۳۵ could be 1335 or 1435, so it is not read."""
    if yy >= TWO_DIGIT_YEARS_1300S_FROM:
        return 1300 + yy
    return 1400 + yy if yy <= TWO_DIGIT_YEARS_1400S_UNTIL else None


def _read_numeric(kind: str, found: Found, g: dict, era: str) -> Found | None:
    """1401/06/01 or 12-04-1393: the year says the calendar; D/M or M/D must be clear."""
    year = found.year
    if patterns().hijri_era.search(era):
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


def utc_offset(zone: str | None) -> dt.timedelta | None:
    """The offset a zone suffix names ("Z", "GMT", "+03:30"); None for Tehran's own clock."""
    if not zone or patterns().zone_named.search(zone):
        return None
    m = patterns().zone_offset.search(zone)
    if not m:
        return dt.timedelta(0)  # Z, GMT, UTC
    offset = dt.timedelta(hours=int(m[2]), minutes=int(m[3] or 0))
    return -offset if m[1] == "-" else offset


def clocks(text: str, taken: list[Found]) -> list[Clock]:
    """Clock times outside the date expressions (``taken``: in order, apart)."""
    out = []
    starts = [f.start for f in taken]
    for m in patterns().time.finditer(text):
        if not any(m.group(h) for h in ("H", "H1", "H2", "H3", "H4")):
            continue
        # The last expression that starts before the clock ends is the only one it may overlap.
        i = bisect_left(starts, m.end())
        if i and taken[i - 1].end > m.start():
            continue
        out.append(_read_clock(m))
    return out


def _read_clock(m: re.Match) -> Clock:
    w = words()
    g = m.groupdict()
    hour = int(g["H"] or g["H1"] or g["H2"] or g["H3"] or g["H4"])
    minute = int(g["M"] or g["M1"] or g["M2"] or 0)
    second = g["S"] or g["S2"]
    clock = Clock(m.start(), m.end(), hour, minute, int(second or 0), bool(second), utc_offset(g["tz"]))
    if g["tz"] and (g["tz"] in w.foreign_zones or patterns().local_zone.match(g["tz"])):
        clock.problem = "a clock time in another zone"
    if g["ap"]:
        hour = _hour_24(hour, name_key(g["ap"]).replace(".", ""))
        if hour is None:
            clock.problem = "hour does not fit its part of the day"
        else:
            clock.hour = hour
    elif g["H3"] and 1 <= hour <= 12:
        clock.problem = "'ساعت ۸' alone: morning or evening?"
    return clock


def _hour_24(hour: int, part: str) -> int | None:
    """The 24-hour hour for "9 ب.ظ", "۱۱ شب"…; None when the pair makes no sense."""
    w = words()
    if part in w.before_noon:
        if hour == 12:  # "12 ق.ظ" is midnight; "۱۲ صبح" is anyone's guess
            return 0 if part in ("قظ", "am", "قبلازظهر") else None
        return hour if hour < 12 else None
    if part in w.after_noon:
        return hour + 12 if 1 <= hour < 12 else hour if hour >= 12 else None
    if part == "ظهر":  # "۱۲ ظهر", "۱ ظهر"
        return hour + 12 if 1 <= hour <= 4 else hour if hour in (11, 12) or hour >= 13 else None
    if part == "شب":  # "۱۱ شب" is 23:00, "۲ شب" is 02:00
        return hour + 12 if 6 <= hour < 12 else 0 if hour == 12 else hour
    return hour


def attach_weekdays(text: str, found: list[Found]) -> None:
    """A weekday right before a date (or right after, unclaimed) names that date's day.
    ``found`` is in order and apart; it stays so."""
    p, weekday_of = patterns(), words().weekday_of
    claimed: list[tuple[int, int]] = []
    previous_end = 0
    for f in found:
        if f.weekday is None:
            # The weekday must end where the date starts and begin after the previous date.
            m = p.weekday_before.search(text, previous_end, f.start)
            if m:
                f.weekday, f.start = weekday_of[name_key(m.group("wd"))], m.start()
                claimed.append((m.start(), m.end()))
        previous_end = f.end
    claimed_starts = [s for s, _ in claimed]
    for i, f in enumerate(found):
        if f.weekday is not None:
            continue
        limit = found[i + 1].start if i + 1 < len(found) else len(text)
        m = p.weekday_after.search(text[f.end:limit])
        if m:
            at = f.end + m.start("wd")
            k = bisect_right(claimed_starts, at)
            if not (k and at < claimed[k - 1][1]):
                f.weekday, f.end = weekday_of[name_key(m.group("wd"))], f.end + m.end()


def attach_clocks(text: str, found: list[Found], clock_list: list[Clock]) -> list[Clock]:
    """Give each clock time to the date right before it (else right after); return the rest.

    Only the nearest date on either side can own a clock: the gap to any other
    holds that nearest date, and a date is never a mere gap (digits or words)."""
    loose = []
    for c in clock_list:
        owner = None
        i = bisect_right(found, c.start, key=lambda f: f.end)  # found[:i] end before the clock
        if i and found[i - 1].clock is None and date_time_gap(text[found[i - 1].end:c.start]):
            owner = found[i - 1]
        else:
            j = bisect_left(found, c.end, key=lambda f: f.start)  # found[j:] start after it
            if j < len(found) and found[j].clock is None and date_time_gap(text[c.end:found[j].start]):
                owner = found[j]
        if owner is None:
            loose.append(c)
            continue
        owner.clock = c
        owner.start, owner.end = min(owner.start, c.start), max(owner.end, c.end)
    return loose


def date_time_gap(text: str) -> bool:
    return bool(patterns().date_time_gap.match(re.sub(r"\s+", " ", text)))


def relative_expressions(text: str) -> list[Found]:
    """"۳ ساعت پیش", "دیروز", "لحظاتی پیش": read against the reference later."""
    w, p = words(), patterns()
    found = []
    for m in p.ago.finditer(text):
        f = Found(m.start(), m.end(), "relative")
        amounts = [(w.count_words.get(a["n"]) or int(a["n"]), w.ago_units[a["unit"]])
                   for a in p.amount.finditer(m.group(0))]
        if any(unit is None for _, unit in amounts):
            continue
        if all(unit == w.ago_units["روز"] and n == int(n) for n, unit in amounts):
            f.days_back = int(sum(n for n, _ in amounts))
        else:
            f.ago = dt.timedelta(seconds=sum(n * unit for n, unit in amounts))
        found.append(f)
    for m in p.now.finditer(text):
        found.append(Found(m.start(), m.end(), "relative", ago=dt.timedelta(0)))
    # "… پیش" and "لحظاتی پیش" never overlap one another: in order, a day word is
    # checked against the one that starts last before it.
    spans = sorted(found, key=lambda f: f.start)
    starts = [f.start for f in spans]
    for m in p.day_word_relative.finditer(text):
        i = bisect_right(starts, m.start())
        if not (i and m.start() < spans[i - 1].end):
            found.append(Found(m.start(), m.end(), "relative", days_back=w.day_offsets[name_key(m.group("rel"))]))
    return sorted(found, key=lambda f: f.start)

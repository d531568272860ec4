"""Read the date a Persian/Iranian news string states, and never guess one.

A string is folded first (:func:`khabar.core.chars.fold_text_mapped`: digits
to Latin, Arabic ي/ك to Persian, half-spaces to spaces, kashida and vowel marks
dropped) with a map back to the original offsets, then scanned for written
dates (Jalali, Gregorian, Hijri; named months or numbers; ISO 8601), clock
times, weekday names and relative expressions ("۳ ساعت پیش", "دیروز").

Times are Tehran wall-clock times; the UTC offset comes from the tz database
(``zoneinfo``), so Iran's summer time (+04:30 until 2022) is applied where it
was in force. Jalali arithmetic is jdatetime's.

Modules, in the order a line goes through them:
``words`` (the word tables, ``data/dates.toml``), ``patterns`` (the grammar,
compiled on first use), ``scan`` (expressions, clocks, weekdays), ``calendars``
(Jalali, Hijri, Tehran's clock), ``resolve`` (days against the line's other
dates and the reference), ``line`` (a whole line; the answers), ``prefilter``
(cheap tests metadata runs first).
"""

from khabar.core.dates.calendars import TEHRAN
from khabar.core.dates.line import DateMatch, find_dates, parse_date
from khabar.core.dates.prefilter import dates_at_any_time, might_hold_date, more_words_than_dates, names_a_month, \
    word_keys

__all__ = ["TEHRAN", "DateMatch", "dates_at_any_time", "find_dates", "might_hold_date", "more_words_than_dates",
           "names_a_month", "parse_date", "word_keys"]

"""Cheap tests that pass over lines holding no date, before reading one.

Metadata asks these of every short line of a page: most lines have no digit
and no month's name, and a line of many words no date can hold is no date line.
"""

from __future__ import annotations

import datetime as dt
from functools import cache

from khabar.core.chars import fold_text
from khabar.core.dates.line import DateMatch, find_date_shapes
from khabar.core.dates.patterns import hints
from khabar.core.dates.words import name_key, words

# "به وقت X": any one word may follow.
_ANY_WORD_AFTER = "وقت"
# Without the reading time, "دیروز" or "۵ مرداد" is still a date: it is tried at
# two moments half a year apart, one of which lies within reach of any day of the year.
PROBE_MOMENTS = (dt.datetime(2000, 1, 1, 12), dt.datetime(2000, 7, 1, 12))


def might_hold_date(text: str) -> bool:
    """A cheap test: False means the text holds no date expression."""
    return hints().date.search(text) is not None


def names_a_month(text: str) -> bool:
    return hints().month_name.search(text) is not None


def dates_at_any_time(text: str) -> list[DateMatch]:
    """The dates a line holds whenever it was read (see PROBE_MOMENTS): to tell a
    date line from others, never to state which day it names."""
    found = find_date_shapes(text, PROBE_MOMENTS[0])
    if not found and names_a_month(text):
        # A day and month without a year half a year from the first moment.
        found = find_date_shapes(text, PROBE_MOMENTS[1])
    return found


@cache
def _vocabulary() -> frozenset[str]:
    """Every word a date expression can hold: the tables and the words the
    patterns spell out. A word outside it is never part of a date."""
    w = words()
    all_words = [*w.pattern_words, *w.foreign_zones, *w.before_noon, *w.after_noon, *w.count_words,
                 *w.ago_units, *w.day_offsets, *w.just_now]
    for table in (*w.month_tables, w.weekdays, w.day_words):
        for names in table.values():
            all_words += names
    all_words += [x + "ین" for names in w.day_words.values() for x in names]  # "بیست و پنجمین"
    vocabulary = set()
    for word in all_words:
        folded = fold_text(word)
        # A name of several words may be written with or without its spaces.
        vocabulary.update(name_key(x) for x in hints().words.findall(folded.lower()))
        vocabulary.add(name_key(folded))
    return frozenset(vocabulary)


def word_keys(text: str) -> list[str]:
    """The words of a text as :func:`more_words_than_dates` compares them (folded, آ as ا)."""
    return [x.replace("آ", "ا") for x in hints().words.findall(fold_text(text).lower())]


def more_words_than_dates(text: str, limit: int, also: frozenset[str] = frozenset()) -> bool:
    """Whether more than ``limit`` words of the line stand outside any date
    expression: words holding letters that no date can hold, nor ``also``
    (label words, folded as by :func:`word_keys`). Cheaper than reading the
    dates: a line of many such words is no date line.
    """
    folded = fold_text(text).lower().replace("آ", "ا")
    if _ANY_WORD_AFTER in folded:
        limit += 1
    tokens = hints().token.findall(folded)
    if len(tokens) <= limit:
        return False
    vocabulary, letters = _vocabulary(), hints().words
    count = 0
    for token in tokens:
        if token in vocabulary or token in also or token.isdigit():
            continue
        # Letters and digits run together ("۱۲اردیبهشت"): each run of letters is looked up.
        if any(run not in vocabulary and run not in also for run in letters.findall(token)):
            count += 1
            if count > limit:
                return True
    return False

"""The words dates are written with (``data/dates.toml``), as lookup tables.

Names are looked up by :func:`name_key` of their folded form (no spaces, آ as
ا, lower case); :func:`alternation` turns a list of them into a regex.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache


def name_key(word: str) -> str:
    """Lookup key of a folded name: no spaces, آ as ا, lower case."""
    return re.sub(r"\s+", "", word).replace("آ", "ا").lower()


def alternation(words) -> str:
    """A regex matching any of the words, spaces optional, آ/ا alike, longest first."""
    def pattern(word: str) -> str:
        parts = [r"\s*" if ch == " " else "[آا]" if ch in "آا" else re.escape(ch) for ch in word]
        return "".join(parts)
    # Ties in the order given, not a set's (which changes with each process's hash
    # seed): the same pattern in every run, so that its compiled form is reused.
    return "|".join(pattern(w) for w in sorted(dict.fromkeys(words), key=len, reverse=True))


def _numbered(table: dict[str, list[str]]) -> dict[int, list[str]]:
    return {int(n): words for n, words in table.items()}


def _lookup(table: dict[int, list[str]], tag: str | None = None) -> dict[str, object]:
    return {name_key(w): (tag, n) if tag else n for n, words in table.items() for w in words}


@dataclass(frozen=True)
class DateWords:
    jalali_months: dict[int, list[str]]
    afghan_months: dict[int, list[str]]
    gregorian_months: dict[int, list[str]]
    hijri_months: dict[int, list[str]]
    weekdays: dict[int, list[str]]  # Python's weekday(): Monday is 0
    day_words: dict[int, list[str]]
    count_words: dict[str, float]
    ago_units: dict[str, int | None]  # seconds; None: too rounded to name a day
    day_offsets: dict[str, int]
    just_now: list[str]
    foreign_zones: list[str]
    before_noon: frozenset[str]
    after_noon: frozenset[str]
    name_before: list[str]
    part_before: list[str]
    pattern_words: list[str]
    # lookups by name_key
    months: dict[str, tuple[str, int]]  # -> (calendar, month)
    weekday_of: dict[str, int]
    day_of_word: dict[str, int]
    afghan_keys: frozenset[str]
    needs_year: frozenset[str]

    @property
    def month_tables(self) -> tuple[dict[int, list[str]], ...]:
        return self.jalali_months, self.afghan_months, self.gregorian_months, self.hijri_months


@cache
def words() -> DateWords:
    from khabar.core.datafile import data_text, toml_loads  # on first use: `khabar --help` reads no table

    raw = data_text("dates.toml")
    data = toml_loads(raw)
    jalali, afghan = _numbered(data["jalali_months"]), _numbered(data["afghan_months"])
    gregorian, hijri = _numbered(data["gregorian_months"]), _numbered(data["hijri_months"])
    weekdays = _numbered(data["weekdays"])
    units = data["ordinals"]["units"]
    day_words = {**_numbered(data["day_words"]),
                 **{20 + i: ["بیست و " + word] for i, word in enumerate(units, 1)}}
    w = data["words"]
    return DateWords(
        jalali_months=jalali, afghan_months=afghan, gregorian_months=gregorian, hijri_months=hijri,
        weekdays=weekdays, day_words=day_words, count_words=dict(data["count_words"]),
        ago_units={unit: seconds or None for unit, seconds in data["ago_units"].items()},
        day_offsets=dict(data["day_offsets"]), just_now=w["just_now"], foreign_zones=w["foreign_zones"],
        before_noon=frozenset(w["before_noon"]), after_noon=frozenset(w["after_noon"]),
        name_before=w["name_before"], part_before=w["part_before"], pattern_words=w["pattern_words"],
        months={**_lookup(jalali, "jalali"), **_lookup(afghan, "jalali"),
                **_lookup(gregorian, "gregorian"), **_lookup(hijri, "hijri")},
        weekday_of=_lookup(weekdays), day_of_word=_lookup(day_words),
        afghan_keys=frozenset(_lookup(afghan)),
        needs_year=frozenset({*w["needs_year"], *(x for xs in afghan.values() for x in xs)}),
    )

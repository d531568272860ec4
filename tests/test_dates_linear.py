"""Reading a long line of dates is linear in its length (issue 15, defect 10).

No timing: the work is counted. Every Python call and every character a regex
of the date grammar is given to scan are counted while a line is read; four
times the line must cost about four times the work (a quadratic reading, as
before, costs sixteen times). The seconds are measured in
benchmarks/long_date_lines.py.
"""

import datetime as dt
import sys

import pytest

from khabar.core.dates import parse_date
from khabar.core.dates import scan
from khabar.core.dates.patterns import hints, patterns

REFERENCE = dt.datetime(2024, 3, 5)
LINES = {
    "dated entries with weekdays and clocks": "سه\u200cشنبه ۱ شهریور ۱۴۰۱ ساعت ۱۰:۳۰، ",
    "dates with a clock before and a weekday after": "۱۰:۳۰ - ۱ شهریور ۱۴۰۱ سه\u200cشنبه | ",
    "year-less dates, relative words, bare clocks": "۲۰ اسفند | دیروز | ۱۴:۳۰ | 1401/06/01 - ",
    "relative words alone": "دیروز | ۳ ساعت پیش | ",
    "clock-shaped numbers": "25:30 ۱۲:۳۰ ",
}


class _Counted:
    """A compiled pattern that adds the length of every text it scans to a count."""

    def __init__(self, pattern, count):
        self._pattern, self._count = pattern, count

    def _scanned(self, text, pos=0, endpos=None):
        self._count[0] += (len(text) if endpos is None else min(endpos, len(text))) - pos

    def search(self, text, pos=0, endpos=sys.maxsize):
        self._scanned(text, pos, endpos)
        return self._pattern.search(text, pos, endpos)

    def match(self, text, pos=0, endpos=sys.maxsize):
        self._scanned(text, pos, endpos)
        return self._pattern.match(text, pos, endpos)

    def finditer(self, text, pos=0, endpos=sys.maxsize):
        self._scanned(text, pos, endpos)
        return self._pattern.finditer(text, pos, endpos)

    def findall(self, text, pos=0, endpos=sys.maxsize):
        self._scanned(text, pos, endpos)
        return self._pattern.findall(text, pos, endpos)

    def sub(self, repl, text, count=0):
        self._scanned(text)
        return self._pattern.sub(repl, text, count)


def _work(text: str, monkeypatch) -> tuple[int, int]:
    """(Python calls, characters scanned by the grammar's regexes) to read ``text``."""
    scanned = [0]
    with monkeypatch.context() as m:
        for space in (patterns(), hints()):
            for name, value in vars(space).items():
                if hasattr(value, "finditer"):
                    m.setattr(space, name, _Counted(value, scanned))
        m.setattr(patterns(), "dates", {k: _Counted(v, scanned) for k, v in patterns().dates.items()})
        calls = [0]

        def count(frame, event, arg):
            if event in ("call", "c_call"):
                calls[0] += 1

        sys.setprofile(count)
        try:
            parse_date(text, reference=REFERENCE)
        finally:
            sys.setprofile(None)
    return calls[0], scanned[0]


@pytest.mark.parametrize("unit", LINES.values(), ids=LINES.keys())
def test_four_times_the_line_is_four_times_the_work_not_sixteen(unit, monkeypatch):
    parse_date(unit, reference=REFERENCE)  # the patterns compiled, the tables loaded
    small_calls, small_scanned = _work(unit * 100, monkeypatch)
    large_calls, large_scanned = _work(unit * 400, monkeypatch)
    assert large_calls <= 5 * small_calls
    assert large_scanned <= 5 * small_scanned


def test_each_clock_is_offered_to_its_two_neighbouring_dates_at_most(monkeypatch):
    checked = []
    gap = scan.date_time_gap
    monkeypatch.setattr(scan, "date_time_gap", lambda text: checked.append(text) or gap(text))
    entries = 300
    assert parse_date("۱۰:۳۰ ۱ شهریور ۱۴۰۱، " * entries, reference=REFERENCE).iso() == "2022-08-23T10:30:00+04:30"
    assert 0 < len(checked) <= 2 * entries

"""Split normalised text into logical lines, mending paragraphs a scraper broke.

Naive scrapers cut a paragraph wherever an inline link stood:
"به گزارش" / "خبرگزاری تسنیم" / "، دیدار …". A line is joined to the next when
it cannot end a sentence (it ends in a joining word such as «که», «به»,
«گزارش», or in an opening quote), when the next line starts with a mark that
cannot start one («،», «؛», «.»), or when it is nothing but joining words.
Blank lines are dropped, but each line remembers whether one stood before it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from khabar.core.chars import ARABIC_BLOCK, DATELINE_OUTLETS, DIGITS
from khabar.core.language import language
from khabar.core.model import Line

NEWLINES = re.compile(r"\r\n|\r|\n")
PERSIAN_LETTER = re.compile(f"[{ARABIC_BLOCK}]")
# Marks that cannot open a sentence: the line before was cut short.
CONTINUES = ("،", "؛", ",", ";", ")")
OPENERS = ("«", "(", "“", "-", "–", "—", "،", ",")
# "خبرگزاری فارس:", "تهران- ایرنا-": a dateline is a few words naming an outlet.
MAX_DATELINE_WORDS = 4
OUTLET_WORDS = DATELINE_OUTLETS
# A relative time closes a list item: "۱۴ روز پیش", "۳ ساعت قبل".
AGO = re.compile(rf"[{DIGITS}]+\s*(?:ثانیه|دقیقه|ساعت|روز|هفته|ماه|سال)\s*(?:پیش|قبل)$")
# A line that ends so is a whole sentence, even when the next opens with «،».
FULL_STOPS = (".", "!", "؟", "?")
# A fragment is short; long lines are whole paragraphs even without a full stop.
MAX_FRAGMENT_WORDS = 40
# "به گزارش گروه اجتماعی" is a credit cut short; a whole sentence that opens so is longer.
MAX_CREDIT_WORDS = 6


def _last_word(text: str) -> str:
    words = text.rsplit(None, 1)
    return words[-1].strip("«»\"()") if words else ""


def _at_most(text: str, n: int) -> bool:
    """Whether the text has at most n words (without splitting a long line whole)."""
    return len(text.split(None, n)) <= n


def _only_joining_words(text: str) -> bool:
    if not text or not _at_most(text, 3):
        return False
    return all(w.strip("،,«»\"") in language().joining_words for w in text.split())


# Menus and footers come back on every page of a site: a short line's answer is remembered.
MEMO_MAX_CHARS = 120


def _cut_short(text: str) -> bool:
    """The line stops where no sentence can stop."""
    return _cut_short_remembered(text) if len(text) <= MEMO_MAX_CHARS else _cut_short_now(text)


def _cut_short_now(text: str) -> bool:
    if AGO.search(text):
        return False  # "… ۱۴ روز پیش": an item and its time end there ("پیش" is no preposition here)
    if text.endswith(OPENERS) or _dateline(text):  # "خبرگزاری فارس:" opens the lead on the next line
        return True
    if text.endswith(language().sentence_end):
        return False
    if text.startswith(language().credit_openers) and _at_most(text, MAX_CREDIT_WORDS):
        return True
    if text.endswith(language().credit_openers):  # "…، به گزارش" / "خبرگزاری …"
        return True
    return _last_word(text) in language().joining_words and _at_most(text, MAX_FRAGMENT_WORDS)


_cut_short_remembered = lru_cache(maxsize=1 << 12)(_cut_short_now)


def _dateline(text: str) -> bool:
    """A short line that names an outlet and ends in ':' or '-': the head of a lead."""
    if not text.endswith((":", "：", "-", "–")) or not _at_most(text, MAX_DATELINE_WORDS):
        return False
    from khabar.core.metadata import agency_of  # the table of outlets is metadata's

    name = text.rstrip(":：-– ")
    return name.startswith(OUTLET_WORDS) or agency_of(name) is not None


def join_fragments(prev: str, nxt: str) -> bool:
    """Whether ``nxt`` continues the sentence that ``prev`` began."""
    if nxt.startswith(CONTINUES):
        return not prev.endswith(FULL_STOPS)
    if _cut_short(prev):
        return True
    # A line of joining words alone ("برای") belongs to the Persian sentence before it,
    # not to a credit or caption that ends in Latin ("… Getty Images").
    return _only_joining_words(nxt) and not nxt.startswith(language().credit_openers) \
        and not prev.endswith(language().sentence_end) \
        and PERSIAN_LETTER.match(prev[-1:]) is not None


def segment(text: str, prepass: Callable[[list[Line]], list[Line]] | None = None) -> list[Line]:
    """Logical lines of the page in order, fragments joined, blank lines dropped.
    ``prepass`` sees the page's lines one to a source line, before any join."""
    lines: list[Line] = []
    gap = False
    raw_lines: list[Line] = []
    for number, raw in enumerate(NEWLINES.split(text), 1):
        stripped = raw.strip()
        if not stripped:
            gap = True
            continue
        raw_lines.append(Line(stripped, (number,), gap))
        gap = False
    if prepass is not None:
        raw_lines = prepass(raw_lines)
    pending: Line | None = None
    for line in raw_lines:
        stripped = line.text
        if pending is not None and join_fragments(pending.text, stripped):
            sep = "" if stripped.startswith(CONTINUES) else " "
            pending = Line(pending.text + sep + stripped, pending.numbers + line.numbers, pending.gap_before)
        else:
            if pending is not None:
                lines.append(pending)
            pending = line
    if pending is not None:
        lines.append(pending)
    return lines

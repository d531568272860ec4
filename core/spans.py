"""Split text into Persian prose, numbers and protected spans.

Repair touches prose only. Protected spans come back byte for byte: URLs,
email addresses, @mentions, #hashtags, emoji (with their joiners and variation
selectors), and runs of Latin-script text ('iOS 17.4.1', 'COVID-19',
'A1B2-C3D4', 'data_2024_final.csv', an English sentence). Numbers ('38.5',
'۱،۲۰۰', '1403/03/15', '۴۵٪') are their own kind: only the digit policy (and
Arabic-Indic digits to Persian) may touch them, and their separators are never
spaced.

``mask`` replaces every protected span and number by one placeholder
character, so a fix can be a plain function from string to string over the
masked prose; ``unmask`` puts the spans back in order.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from khabar.core.chars import DIGITS

SpanKind = Literal["prose", "protected", "number"]

# Placeholders standing for a protected span and for a number in masked text
# (private-use characters; any already in the input are protected spans).
PROTECTED_MARK = "\ue000"
NUMBER_MARK = "\ue001"

_LATIN_LETTER = "A-Za-z\u00c0-\u024f"
_EMOJI = (
    "\u00a9\u00ae\u203c\u2049\u2122\u2139\u2194-\u2199\u21a9\u21aa\u231a\u231b\u2328\u23cf"
    "\u23e9-\u23f3\u23f8-\u23fa\u24c2\u25aa\u25ab\u25b6\u25c0\u25fb-\u25fe\u2600-\u27bf"
    "\u2934\u2935\u2b05-\u2b07\u2b1b\u2b1c\u2b50\u2b55\u3030\u303d\u3297\u3299"
    "\U0001f000-\U0001faff"
)
_EMOJI_MODIFIER = "\ufe0e\ufe0f\u20e3\U0001f3fb-\U0001f3ff\U000e0020-\U000e007f"
_DIGIT = f"[{DIGITS}]"

_URL = r"(?:(?:https?|ftp)://|www\.)[^\s«»<>\"،؛]*[^\s«»<>\"،؛.,;:!?)\]}'؟]"
_EMAIL = r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+"
_TAG = r"[#@]\w+(?:\u200c\w+)*"
_EMOJI_SEQ = (
    f"(?:[{_EMOJI}]|[0-9#*]\ufe0f?\u20e3)[{_EMOJI_MODIFIER}]*"
    f"(?:\u200d[{_EMOJI}][{_EMOJI_MODIFIER}]*)*"
)
_PRIVATE = "[\ue000-\uf8ff]"
# A run of Latin-script tokens (ASCII and Latin letters), separated by spaces;
# a token never starts a URL or a hashtag, which have their own patterns.
_TOKEN = rf"(?!(?:https?|ftp)://|www\.|[#@]\w)[!-~\u00c0-\u024f\u2018\u2019\u201c\u201d\u2026\u2013\u2014]+"
_LATIN_RUN = rf"{_TOKEN}(?: +{_TOKEN})*"

SPAN = re.compile(
    "|".join(
        f"(?P<{name}>{pattern})"
        for name, pattern in (
            ("url", _URL),
            ("email", _EMAIL),
            ("tag", _TAG),
            ("emoji", _EMOJI_SEQ),
            ("private", _PRIVATE),
            ("latin", _LATIN_RUN),
        )
    )
)
HAS_LATIN_LETTER = re.compile(f"[{_LATIN_LETTER}]")
# Digits with their decimal, thousands, date and time separators, and a
# percent sign: '38.5', '1,250', '۱،۲۰۰', '۳۸٫۵', '1403/03/15', '7:30', '۴۵٪'.
NUMBER = re.compile(rf"{_DIGIT}+(?:[.,٫٬،/:\-]{_DIGIT}+)*[%٪]?")
# The same, captured: split() then gives text and numbers in turn, in one pass.
_NUMBER_SPLIT = re.compile(f"({NUMBER.pattern})")


@dataclass(frozen=True)
class Span:
    kind: SpanKind
    text: str


# A protected span needs one of these characters; most Persian lines have none
# and skip the full scan.
# One character class, which the regex engine scans fast (a keycap is found by
# its U+20E3); a line with one is scanned in full, which decides.
_SPAN_TRIGGER = re.compile(f"[{_LATIN_LETTER}#@{_EMOJI}\ue000-\uf8ff\u20e3]")


def may_hold_span(text: str) -> bool:
    """False when the text has no protected span for certain (numbers at most)."""
    return _SPAN_TRIGGER.search(text) is not None


def split(text: str) -> list[Span]:
    """The text as consecutive spans; joining their texts gives the text back."""
    if not _SPAN_TRIGGER.search(text):
        return _prose_and_numbers(text)
    # Spans never cross a line: only the lines that may hold one are scanned.
    spans: list[Span] = []
    for line in text.splitlines(keepends=True):
        spans.extend(_scan(line) if _SPAN_TRIGGER.search(line) else _prose_and_numbers(line))
    return spans


def _scan(text: str) -> list[Span]:
    spans: list[Span] = []
    pos = 0
    for m in SPAN.finditer(text):
        if m.lastgroup == "latin" and not HAS_LATIN_LETTER.search(m.group()):
            continue  # digits and punctuation only: prose, numbers found below
        if m.start() > pos:
            spans.extend(_prose_and_numbers(text[pos : m.start()]))
        spans.append(Span("protected", m.group()))
        pos = m.end()
    if pos < len(text):
        spans.extend(_prose_and_numbers(text[pos:]))
    return spans


def _prose_and_numbers(text: str) -> list[Span]:
    spans: list[Span] = []
    pos = 0
    for m in NUMBER.finditer(text):
        if m.start() > pos:
            spans.append(Span("prose", text[pos : m.start()]))
        spans.append(Span("number", m.group()))
        pos = m.end()
    if pos < len(text):
        spans.append(Span("prose", text[pos:]))
    return spans


def protected(text: str) -> list[str]:
    """The protected spans of a text, in order."""
    return [s.text for s in split(text) if s.kind == "protected"]


@dataclass(frozen=True)
class Masked:
    text: str  # prose, with PROTECTED_MARK and NUMBER_MARK in place of the spans
    protected: tuple[str, ...]
    numbers: tuple[str, ...]


def mask(text: str) -> Masked:
    # Only the lines that may hold a protected span are scanned span by span;
    # elsewhere the numbers are masked by the regex engine. (No span or number
    # holds a line break of any kind, so cutting at '\n' alone is exact.)
    parts: list[str] = []
    kept: list[str] = []
    numbers: list[str] = []
    pos, end = 0, len(text)
    while pos < end:
        m = _SPAN_TRIGGER.search(text, pos)
        start = end if m is None else text.rfind("\n", pos, m.start()) + 1 or pos
        if start > pos:
            cut = _NUMBER_SPLIT.split(text[pos:start])  # text, number, text, ..., text
            parts.append(NUMBER_MARK.join(cut[0::2]))
            numbers.extend(cut[1::2])
        if m is None:
            break
        stop = text.find("\n", m.end())
        stop = end if stop < 0 else stop + 1
        for span in _scan(text[start:stop]):
            if span.kind == "prose":
                parts.append(span.text)
            elif span.kind == "number":
                parts.append(NUMBER_MARK)
                numbers.append(span.text)
            else:
                parts.append(PROTECTED_MARK)
                kept.append(span.text)
        pos = stop
    return Masked("".join(parts), tuple(kept), tuple(numbers))


def pieces(text: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The protected spans and the numbers that ``mask`` finds in a text, without masking it."""
    if not _SPAN_TRIGGER.search(text):  # most lines: numbers at most
        return (), tuple(NUMBER.findall(text))
    masked = mask(text)
    return masked.protected, masked.numbers


def unmask(masked: Masked) -> str:
    if not masked.protected:  # numbers at most: put back between the pieces
        if not masked.numbers:
            return masked.text
        between = masked.text.split(NUMBER_MARK)
        if len(between) == len(masked.numbers) + 1:
            out = [""] * (2 * len(between) - 1)
            out[0::2], out[1::2] = between, masked.numbers
            return "".join(out)
    kept, numbers = iter(masked.protected), iter(masked.numbers)
    return re.sub(
        f"[{PROTECTED_MARK}{NUMBER_MARK}]",
        lambda m: next(kept) if m.group() == PROTECTED_MARK else next(numbers),
        masked.text,
    )

"""Join metadata that a line-by-line dump split over several lines, before classifying.

A page shows "کد خبر: ۱۳۵۳۸۸۹" on one line, but its label and value are two
elements, so a dump that writes every text node on its own line gives
"کد خبر:" / "۱۳۵۳۸۸۹"; the date's parts come apart the same way
("زمان:" / "19:04" / "1398/02/11", "۳۰ اردیبهشت ۱۳۹۷" / "ساعت ۱۷:۲۱"), and a
tag list writes "،" between its items as elements of their own. Each of these
is joined back into the one line the reader sees, so the metadata readers get
what they read on a saved page. The labels are data (``data/metalines.toml``
and the label lists of ``data/metadata.toml``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from khabar.core.model import Line, Role
from khabar.core.bars import known
from khabar.core.datafile import data_toml
from khabar.core.chars import DIGITS as DIGIT, fold
from khabar.core.rules import RuleKind, Rules

# A value line is short: a code, a date, a name.
MAX_VALUE_WORDS = 8
# A date label takes at most this many lines of date and time after it.
MAX_DATE_PARTS = 2
CODE = re.compile(rf"^#?(?=(?:[^{DIGIT}]*[{DIGIT}]){{3}})[A-Za-z{DIGIT}_-]{{3,}}$")
TIME = re.compile(rf"^(?:ساعت|Time)?\s*[:：]?\s*[{DIGIT}]{{1,2}}\s*:\s*[{DIGIT}]{{2}}(?:\s*:\s*[{DIGIT}]{{2}})?$")
TIME_ANYWHERE = re.compile(rf"(?<![{DIGIT}])[{DIGIT}]{{1,2}}\s*:\s*[{DIGIT}]{{2}}(?![{DIGIT}/])")
# A label and its value glued by the colon: "زمان:19:43", "شماره خبر:140005".
GLUED_VALUE = re.compile(rf"^([^\W\d_][^:：]{{0,30}}?)\s*[:：](?=[{DIGIT}])")
# A number glued to the word after it, in a short line that names a code or a date.
GLUED_ITEMS = re.compile(rf"(?<=[{DIGIT}])(?=[^\W\d_])")
LABEL_INSIDE = re.compile(r"کد|شماره|تاریخ|زمان")
MAX_BAR_WORDS = 14
# A date line is short and holds a digit ("دیروز" alone is never joined to a time).
MAX_DATE_WORDS = 14
HAS_DIGIT = re.compile(f"[{DIGIT}]")
MEMO_MAX_CHARS = 120
MAX_TAGS_HEADER_WORDS = 4
# A time glued to the date after it ("18:121398/05/28": html2text and tag-stripped dumps).
GLUED_TIME_DATE = re.compile(rf"(?<![{DIGIT}])([{DIGIT}]{{1,2}}:[{DIGIT}]{{2}})([{DIGIT}]{{4}}/[{DIGIT}]{{1,2}}/[{DIGIT}]{{1,2}})")
# Items of a tag list written on one line.
TAG_SPLIT = re.compile(r"\s*[،,]\s*")
TAG_MAX_WORDS = 6


@dataclass(frozen=True)
class Tables:
    code: frozenset[str]
    date: frozenset[str]
    credit: frozenset[str]
    separators: frozenset[str]
    placeholder: re.Pattern[str]


@cache
def tables() -> Tables:
    meta, own = data_toml("metadata.toml"), data_toml("metalines.toml")

    def folded(group: str) -> frozenset[str]:
        labels = [label for key in own[group]["from"] for label in meta[key]] + own[group]["extra"]
        return frozenset(fold(label) for label in labels)

    return Tables(code=folded("code"), date=folded("date"), credit=folded("credit"),
                  separators=frozenset(own["separators"]["marks"]),
                  placeholder=re.compile(own["placeholder"]["pattern"]))


def _label(text: str) -> str | None:
    """Which label the line is, alone: "code", "date" or "credit"."""
    if len(text) > 40:
        return None
    key = fold(text)
    t = tables()
    for name, group in (("code", t.code), ("date", t.date), ("credit", t.credit)):
        if key in group:
            return name
    return None


def _is_time(text: str) -> bool:
    return TIME.match(text) is not None


def _is_date(text: str) -> bool:
    """A line that is a date (with or without its time) and little else."""
    # Word counts below split at most one word past the limit: a paragraph is not split whole.
    if len(text.split(None, MAX_DATE_WORDS)) > MAX_DATE_WORDS or not HAS_DIGIT.search(text):
        return False
    return _is_date_remembered(text) if len(text) <= MEMO_MAX_CHARS else _is_date_now(text)


def _is_date_now(text: str) -> bool:
    from khabar.core.metadata import line_role  # the date tables load on first use

    return line_role(text) is Role.DATE


_is_date_remembered = lru_cache(maxsize=1 << 12)(_is_date_now)


def _is_separator(text: str) -> bool:
    return text in tables().separators


def _joined(lines: list[Line], start: int, end: int, sep: str = " ") -> Line:
    parts = [line for line in lines[start:end] if not _is_separator(line.text)]
    numbers = tuple(n for line in lines[start:end] for n in line.numbers)
    return Line(sep.join(line.text for line in parts), numbers, lines[start].gap_before)


def _date_parts(lines: list[Line], i: int) -> int:
    """How many lines from i on hold the parts of one date (a date, a time, the
    separators between them): 0 when lines[i] is neither a date nor a time."""
    j, parts, has_time, has_date = i, 0, False, False
    while j < len(lines) and parts < MAX_DATE_PARTS:
        text = lines[j].text
        if _is_separator(text) and parts:
            j += 1
            continue
        if _is_time(text) and not has_time:
            has_time = True
        elif not has_date and _is_date(text):
            has_date = True
            has_time = has_time or TIME_ANYWHERE.search(text) is not None
        else:
            break
        parts += 1
        j += 1
        if has_date and has_time:
            break
    while j > i and _is_separator(lines[j - 1].text):
        j -= 1
    return j - i if parts and (has_date or parts == MAX_DATE_PARTS) else 0


def _tags_header(text: str, rules: Rules) -> bool:
    if len(text.split(None, MAX_TAGS_HEADER_WORDS)) > MAX_TAGS_HEADER_WORDS:
        return False
    rule = known(rules, text)
    return rule is not None and rule.kind is RuleKind.TAGS_HEADER and ":" not in text.rstrip(": ").rstrip()


def _tag_items(text: str) -> list[str]:
    items = [t for t in TAG_SPLIT.split(text.strip(" ،,")) if t]
    return items if len(items) >= 2 and all(len(t.split()) <= TAG_MAX_WORDS for t in items) else []


def _tag_list(lines: list[Line], i: int) -> tuple[list[str], int]:
    """The items of a tag list that starts at line i and writes "،" between its
    items (on their own lines or within one), and the line after it; none when
    the list has no separators (one tag a line is read as it is)."""
    items: list[str] = []
    separated = False
    j = i
    while j < len(lines):
        text = lines[j].text
        if text in ("،", ","):
            if not items:
                break
            separated, j = True, j + 1
            continue
        if items and not separated:
            break
        parts = _tag_items(text) or ([text] if len(text.split()) <= TAG_MAX_WORDS else [])
        if not parts:
            break
        separated = separated or len(parts) > 1
        items += parts
        j += 1
        if j < len(lines) and lines[j].text not in ("،", ","):
            break
    return (items, j) if separated and len(items) >= 2 else ([], i)


def _unglued(line: Line) -> list[Line]:
    """A meta bar whose items a dump wrote without a space ("۱۳۹۸کد خبر ۷۶۶۲۰۸۸۱۰شماره
    روزنامه: ۵۲۷۲"): a number glued to the next word parts two items."""
    text = line.text
    if len(text.split(None, MAX_BAR_WORDS)) > MAX_BAR_WORDS or not GLUED_ITEMS.search(text) \
            or not LABEL_INSIDE.search(text):
        return [line]
    return [Line(part, line.numbers, line.gap_before if k == 0 else False)
            for k, part in enumerate(GLUED_ITEMS.split(text)) if part.strip()]


def join_metadata(lines: list[Line], *, rules: Rules) -> list[Line]:
    """The page's lines with split metadata joined back (see the module's doc)."""
    out: list[Line] = []
    lines = [part for line in lines for part in _unglued(line)]
    i, n = 0, len(lines)
    while i < n:
        text = lines[i].text
        if tables().placeholder.match(text):
            i += 1
            continue
        glued = GLUED_VALUE.match(text)
        if glued and _label(glued.group(1)) in ("code", "date"):
            # "زمان:19:43": inline elements written without a space; the value is read apart from its label.
            text = GLUED_TIME_DATE.sub(r"\1 \2", f"{glued.group(1)}: {text[glued.end():]}")
            lines[i] = Line(text, lines[i].numbers, lines[i].gap_before)
        label = _label(text)
        if label and i + 1 < n:
            nxt = lines[i + 1].text
            take = 0
            if label == "code" and CODE.match(nxt.replace(" ", "")):
                take = 1
            elif label == "date":
                take = _date_parts(lines, i + 1)
            elif label == "credit" and len(nxt.split()) <= MAX_VALUE_WORDS and _label(nxt) is None \
                    and not nxt.endswith((":", ".", "؟", "!")) and not _is_date(nxt):
                take = 1
            if take:
                line = _joined(lines, i + 1, i + 1 + take)
                out.append(Line(f"{text.rstrip(' :：')}: {line.text}", lines[i].numbers + line.numbers,
                                lines[i].gap_before))
                i += 1 + take
                continue
        if _tags_header(text, rules):
            items, end = _tag_list(lines, i + 1)
            if items:
                # "برچسب‌ها:" / "a" / "،" / "b" (or "a، b"): one line, read as the header's own tags.
                out.append(Line(f"{text.rstrip(' :：')}: {'، '.join(items)}",
                                tuple(k for line in lines[i:end] for k in line.numbers), lines[i].gap_before))
                i = end
                continue
        if _is_time(text) or _is_date(text):
            take = _date_parts(lines, i)
            if take > 1:
                out.append(_joined(lines, i, i + take))
                i += take
                continue
        out.append(lines[i])
        i += 1
    return out

"""Read the article's metadata: news code, publication time, source, author, tags.

Two jobs: :func:`line_role` tells the classifier which lines are metadata
(so they are read, then removed from the text), and :func:`extract` reads the
fields from the labelled lines. Labels and agencies are data
(``data/metadata.toml``). A date is never guessed: dates in the body, the
page's clock ("امروز: …") and "updated" lines are not the publication time.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from functools import cache, lru_cache

from khabar.core.chars import DIGITS, OUTLET_KINDS, OUTLET_NAMES, OUTLET_OPENERS, TO_LATIN_DIGITS, fold
from khabar.core.model import Kind, Labeled, Role, role_of
from khabar.core.datafile import data_toml

MAX_AUTHOR_WORDS = 8
# A bare date counts as the publication date only this many lines from the title.
MAX_DATE_DISTANCE = 6
# Tags written on one line are separated so.
TAG_SEPARATORS = re.compile(r"\s*[،,|؛;]\s*|\s+-\s+")
# Tags written "#علی دایی #سایپا": each '#' opens a tag of a few words.
HASHTAGS = re.compile(r"^#[^\W\d_]")
# A date written in figures, "۰۴/۱۱/۲۰۱۸" (which of day and month comes first may be unknown).
NUMERIC_DATE = re.compile(
    rf"(?<![{DIGITS}])[{DIGITS}]{{1,4}}[/.\-][{DIGITS}]{{1,2}}[/.\-][{DIGITS}]{{2,4}}(?![{DIGITS}])")
MAX_HASHTAG_WORDS = 6
# A label's words may be written apart, joined, or with a half-space.
GAP = "[\\s\u200c]*"
# What may stand between a label and its value.
COLON = r"\s*[:：]?\s*"
# Words that open the name of an outlet: "منبع روزنامه …" credits one even without a colon.
OUTLET = re.compile("^(" + "|".join(OUTLET_OPENERS) + ")")
# The credit stands in the lead or the first paragraphs.
CREDIT_PARAGRAPHS = 3
# "به گزارش X،" / "به نقل از X،" at the head of a paragraph credits X.
CREDIT_NAME = r"\s+(?P<credit>[^،,:؛.]{2,80}?)\s*(?:[،,:؛]|$)"
# A desk before the outlet and a place after it are not its name.
CREDIT_NOISE = re.compile(r"^(?:گروه|سرویس|خبرنگار)\s+\S+(?:\s+(?:و\s+)?\S+)?\s+(?=(?:" + "|".join(OUTLET_KINDS) + "))"
                          r"|\s+(?:از|در)\s+\S+(?:\s+\S+)?$")
OUTLET_NAME = re.compile("(?:" + "|".join(OUTLET_NAMES) + ")")
MAX_CREDIT_WORDS = 5
# A metadata line is short; a paragraph that mentions a news code is not one.
MAX_META_WORDS = 14
# A date line holds its date, its labels and at most this many other words.
DATE_LINE_MAX_OTHER_WORDS = 3


@dataclass(frozen=True)
class Labels:
    news_id: re.Pattern[str]
    source: re.Pattern[str]
    source_bare: re.Pattern[str]  # "منبع ورزش سه": no colon, trusted only before an outlet
    author: re.Pattern[str]
    author_by: re.Pattern[str]  # "ارسال شده توسط X"
    byline: re.Pattern[str]  # "X - روزنامه‌نگار"
    published: re.Pattern[str]
    updated: re.Pattern[str]
    clock: re.Pattern[str]
    agencies: dict[str, str]  # folded alias -> canonical name
    any_label: re.Pattern[str]  # every label above that names a code, a source or an author
    agency_aliases: tuple[str, ...]  # as written, longest first


def _label_pattern(labels: list[str]) -> str:
    alternatives = sorted((GAP.join(map(re.escape, label.split())) for label in labels), key=len, reverse=True)
    return "(?:" + "|".join(alternatives) + ")"


def _data() -> dict:
    return data_toml("metadata.toml")


@cache
def labels() -> Labels:
    data = _data()

    def at_start(key: str, colon: str = r"\s*[:：]\s*") -> re.Pattern[str]:
        return re.compile(r"^\W*" + _label_pattern(data[key]) + colon + r"(?P<value>.+)$", re.IGNORECASE)

    def anywhere(key: str) -> re.Pattern[str]:
        return re.compile(r"(?<!\w)" + _label_pattern(data[key]) + r"(?!\w)", re.IGNORECASE)

    return Labels(
        # The news code may follow its label with or without a colon, anywhere on a short line.
        news_id=re.compile(r"(?<!\w)" + _label_pattern(data["news_id_labels"]) + COLON
                           + rf"(?P<value>[{DIGITS}]{{2,}}|[A-Za-z0-9][A-Za-z0-9_-]{{2,}})(?!\w)", re.IGNORECASE),
        source=at_start("source_labels"),
        source_bare=at_start("source_labels", colon=r"\s+"),
        author=at_start("author_labels"),
        author_by=re.compile(r"^" + _label_pattern(data["author_by"]) + r"\s*[:：]?\s+(?P<value>\S+(?:\s+\S+){0,3})$",
                             re.IGNORECASE),
        byline=re.compile(r"^(?P<value>[^\s\d:،]+(?:\s+[^\s\d:،]+){1,3})\s+[-–—|،]\s+"
                          + _label_pattern(data["author_roles"]) + r"(?:\s+\S+){0,2}$"),
        published=re.compile(anywhere("published_labels").pattern + "|(?<!\\w)" + _label_pattern(data["published_words"])
                             + r"\s*[:：]", re.IGNORECASE),
        updated=anywhere("updated_labels"),
        clock=anywhere("clock_labels"),
        # Each pattern above needs one of these labels: a line without any is none of them.
        any_label=re.compile(_label_pattern([label for key in ("news_id_labels", "source_labels", "author_labels",
                                                                "author_by", "author_roles") for label in data[key]]),
                             re.IGNORECASE),
        agencies={fold(alias): name for name, aliases in data["agencies"].items() for alias in aliases},
        agency_aliases=tuple(sorted({alias for aliases in data["agencies"].values() for alias in aliases},
                                    key=len, reverse=True)),
    )


def news_id_in(text: str) -> str | None:
    match = labels().news_id.search(text)
    return match.group("value").translate(TO_LATIN_DIGITS) if match else None


def _dates():
    from khabar.core import dates  # imported on first use: the date tables are not needed for --help

    return dates


def _is_date_line(text: str, reference: datetime | None) -> bool:
    """The line is a date and little else (labels, weekday, separators).

    Without the reading time, "دیروز" or "۵ مرداد" is still recognised as a date
    line (so it is not taken for a title): see ``dates.dates_at_any_time``.
    """
    if not _dates().might_hold_date(text):
        return False
    if _dates().more_words_than_dates(text, DATE_LINE_MAX_OTHER_WORDS, _date_label_words()):
        return False  # a headline with a number in it: most lines with a digit
    found = _dates().find_dates(text, reference=reference) if reference else _dates().dates_at_any_time(text)
    if not found:
        return False
    rest = text
    for match in reversed(found):
        rest = rest[:match.start] + " " + rest[match.end:]
    for pattern in (labels().published, labels().updated, labels().clock):
        rest = pattern.sub(" ", rest)
    words = [w for w in re.split(r"[\W_]+", rest) if w]
    return len(words) <= DATE_LINE_MAX_OTHER_WORDS


@cache
def _date_label_words() -> frozenset[str]:
    """The words of the labels a date line may carry ("تاریخ انتشار"), folded as
    dates folds them, each alone and the label's words written together."""
    data = _data()
    words = set()
    for key in ("published_labels", "published_words", "updated_labels", "clock_labels"):
        for label in data[key]:
            keys = _dates().word_keys(label)
            words.update(keys)
            words.add("".join(keys))
    return frozenset(words)


def source_in(text: str) -> str | None:
    """The credit of a "منبع: …" line; the colon may be missing before a known outlet."""
    match = labels().source.match(text) or labels().source_bare.match(text)
    if not match:
        return None
    value = match.group("value").strip(" .،")
    if match.re is labels().source_bare and not (agency_of(value) or OUTLET.match(value)):
        return None
    return value


def author_in(text: str) -> str | None:
    """The writer named by a byline: "نویسنده: …", "ارسال شده توسط …", "… - روزنامه‌نگار"."""
    for part in text.split("|"):
        part = part.strip()
        if len(part.split()) > MAX_AUTHOR_WORDS:
            continue
        for pattern in (labels().author, labels().author_by, labels().byline):
            match = pattern.match(part)
            if match:
                return match.group("value").strip(" .،")
    return None


def hashtags_in(text: str) -> list[str] | None:
    """A line of hashtags alone ("#تیم_ملی #فوتبال") holds the page's tags."""
    words = text.split()
    if words and all(w.startswith("#") and len(w) > 1 for w in words):
        return [w.lstrip("#").replace("_", " ") for w in words]
    # "#علی دایی #سایپا": a tag of several words runs to the next '#'.
    if HASHTAGS.match(text):
        items = [t.strip() for t in text.split("#") if t.strip()]
        if all(len(t.split()) <= MAX_HASHTAG_WORDS for t in items):
            return items
    return None


def line_role(text: str, *, reference: datetime | None = None) -> Role | None:
    """Which metadata the line carries, or None for any other line."""
    if len(text.split(None, MAX_META_WORDS)) > MAX_META_WORDS:
        return None
    # Remembered: metalines asks it of a page's short lines with a digit, then
    # classify of the same lines (and a site repeats its metadata labels).
    return _line_role_remembered(text, reference) if len(text) <= ROLE_MEMO_MAX_CHARS else _line_role(text, reference)


ROLE_MEMO_MAX_CHARS = 120


def _line_role(text: str, reference: datetime | None) -> Role | None:
    if labels().any_label.search(text):
        if news_id_in(text):
            return Role.NEWS_CODE
        if source_in(text):
            return Role.SOURCE
        if author_in(text):
            return Role.AUTHOR
    if hashtags_in(text):
        return Role.TAGS
    if _is_date_line(text, reference):
        if labels().clock.search(text):
            return Role.CLOCK
        if labels().updated.search(text):
            return Role.UPDATED
        return Role.DATE
    if _update_label().match(text) and NUMERIC_DATE.search(text):
        # "آخرین به‌روزرسانی: ۰۴/۱۱/۲۰۱۸": day and month may be read either way, so no
        # date is read; the line is still the update line, never the article's.
        return Role.UPDATED
    return None


_line_role_remembered = lru_cache(maxsize=1 << 13)(_line_role)


@cache
def _update_label() -> re.Pattern[str]:
    """An update label and its colon opening the line ("آخرین به‌روزرسانی:")."""
    return re.compile(r"^\W*" + _label_pattern(_data()["updated_labels"]) + r"\s*[:：]", re.IGNORECASE)


@dataclass(frozen=True)
class Metadata:
    news_id: str | None = None
    published: str | None = None
    updated: str | None = None
    source: str | None = None
    agency: str | None = None
    author: str | None = None
    tags: tuple[str, ...] = ()


def agency_of(source: str) -> str | None:
    """The canonical name of the agency a credit names, if it is in the table."""
    folded = fold(source)
    table = labels().agencies
    if folded in table:
        return table[folded]
    for alias, name in table.items():
        if len(alias) > 3 and alias in folded:
            return name
    return None


def _only_date(text: str, reference: datetime | None) -> str | None:
    """The line's date, when it states one (two that disagree state none)."""
    found = _dates().find_dates(text, reference=reference)
    return found[0].iso() if found and len({m.iso()[:10] for m in found}) == 1 else None


@cache
def _credit() -> re.Pattern[str]:
    from khabar.core.language import language

    return re.compile("^(?:" + "|".join(map(re.escape, language().credit_openers)) + ")" + CREDIT_NAME)


def credit_in(paragraph: str) -> str | None:
    """The outlet a paragraph opens by crediting: "به گزارش گروه ورزشی خبرگزاری
    فارس از تهران، …" gives "خبرگزاری فارس"; a credit that names no outlet
    khabar can be sure of ("به گزارش وی") gives None."""
    match = _credit().match(paragraph)
    if not match:
        return None
    credit = CREDIT_NOISE.sub("", match.group("credit")).strip(" «»\"'“”")
    outlet = OUTLET_NAME.match(credit)
    if outlet:
        # "خبرگزاری فارس محمدرضا …" (no comma after the credit): cut at the known name.
        for alias in labels().agency_aliases:
            if credit[outlet.end():].lstrip(" «\"").startswith(alias):
                return f"{outlet.group(0)} {alias}"
    if len(credit.split()) > MAX_CREDIT_WORDS:
        return None
    return credit if outlet or agency_of(credit) else None


def inline_tags(text: str) -> list[str]:
    """The values of "برچسب‌ها: a، b، c" or "تگ‌ها: #a_b #c" (after the label's colon)."""
    _, _, values = text.partition(":")
    return hashtags_in(values.strip()) or [t.strip() for t in TAG_SEPARATORS.split(values) if t.strip()]


def _beside_code(lines: list[Labeled], i: int) -> bool:
    """A date in the news code's block (a line or two away) is the publication date."""
    return any(role_of(lines[j].reason) is Role.NEWS_CODE for j in range(max(0, i - 2), min(len(lines), i + 3)))


def extract(lines: list[Labeled], *, reference: datetime | None = None) -> Metadata:
    """Read the fields from the lines the classifier labelled as metadata.

    The publication time is the first date on a labelled line (a news-code
    line or "تاریخ انتشار"), else the bare date line nearest the title; the
    page's clock and update lines never count, nor do dates in the article.
    """
    news_id = source = author = updated = None
    tags: list[str] = []
    labelled, in_block, bare = [], [], []
    title_at = next((i for i, item in enumerate(lines) if item.kind is Kind.TITLE), 0)
    for i, item in enumerate(lines):
        if item.kind is not Kind.METADATA:
            continue
        text, role = item.line.text, role_of(item.reason)
        if role is Role.NEWS_CODE:
            news_id = news_id or news_id_in(text)
            labelled.append(text)
        elif role is Role.DATE:
            if labels().published.search(text):
                labelled.append(text)
            elif _beside_code(lines, i):
                in_block.append(text)  # after the labelled dates: a page's clock may stand there too
            elif abs(i - title_at) <= MAX_DATE_DISTANCE:
                # A bare date far from the title is the page's clock or another item's.
                bare.append((abs(i - title_at), text))
        elif role is Role.UPDATED:
            updated = updated or _only_date(text, reference)
        elif role is Role.SOURCE:
            source = source or source_in(text)
        elif role is Role.AUTHOR:
            author = author or author_in(text)
        elif role is Role.TAG:
            tags.append(text.strip(" ،,"))
        elif role is Role.TAGS:
            tags.extend(hashtags_in(text) or inline_tags(text))
    if source is None:
        # No "منبع:" line: the outlet the article's opening credits ("به گزارش …").
        opening = [item.line.text for item in lines if item.kind in (Kind.LEAD, Kind.PARAGRAPH)][:CREDIT_PARAGRAPHS]
        source = next((c for c in map(credit_in, opening) if c), None)
    published = None
    for text in labelled + in_block + [text for _, text in sorted(bare, key=lambda pair: pair[0])]:
        published = _only_date(text, reference)
        if published:
            break
    return Metadata(news_id=news_id, published=published, updated=updated, source=source,
                    agency=agency_of(source) if source else None, author=author,
                    tags=tuple(dict.fromkeys(tags)))

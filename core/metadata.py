"""Read the article's metadata: news code, publication time, source, author, tags.

Two jobs: :func:`line_role` tells the classifier which lines are metadata
(so they are read, then removed from the text), and :func:`extract` reads the
fields from the labelled lines. Labels and agencies are data
(``data/metadata.toml``). A date is never guessed: dates in the body, the
page's clock ("امروز: …") and "updated" lines are not the publication time.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from importlib import resources

from khabar.core.model import Kind, Labeled
from khabar.core.rules import fold

DIGITS = str.maketrans({**{chr(0x06F0 + i): str(i) for i in range(10)},
                        **{chr(0x0660 + i): str(i) for i in range(10)}})
# A label's words may be written apart, joined, or with a half-space.
GAP = "[\\s\u200c]*"
# What may stand between a label and its value.
COLON = r"\s*[:：]?\s*"
# A metadata line is short; a paragraph that mentions a news code is not one.
MAX_META_WORDS = 14


@dataclass(frozen=True)
class Labels:
    news_id: re.Pattern[str]
    source: re.Pattern[str]
    author: re.Pattern[str]
    published: re.Pattern[str]
    updated: re.Pattern[str]
    clock: re.Pattern[str]
    agencies: dict[str, str]  # folded alias -> canonical name


def _label_pattern(labels: list[str]) -> str:
    alternatives = sorted((GAP.join(map(re.escape, label.split())) for label in labels), key=len, reverse=True)
    return "(?:" + "|".join(alternatives) + ")"


@cache
def labels() -> Labels:
    raw = resources.files("khabar.core").joinpath("data/metadata.toml").read_text(encoding="utf-8")
    data = tomllib.loads(raw)

    def at_start(key: str) -> re.Pattern[str]:
        return re.compile(r"^\W*" + _label_pattern(data[key]) + r"\s*[:：]\s*(?P<value>.+)$", re.IGNORECASE)

    def anywhere(key: str) -> re.Pattern[str]:
        return re.compile(r"(?<!\w)" + _label_pattern(data[key]) + r"(?!\w)", re.IGNORECASE)

    return Labels(
        # The news code may follow its label with or without a colon, anywhere on a short line.
        news_id=re.compile(r"(?<!\w)" + _label_pattern(data["news_id_labels"]) + COLON
                           + r"(?P<value>[0-9۰-۹٠-٩]{2,}|[A-Za-z0-9][A-Za-z0-9_-]{2,})(?!\w)", re.IGNORECASE),
        source=at_start("source_labels"),
        author=at_start("author_labels"),
        published=anywhere("published_labels"),
        updated=anywhere("updated_labels"),
        clock=anywhere("clock_labels"),
        agencies={fold(alias): name for name, aliases in data["agencies"].items() for alias in aliases},
    )


def news_id_in(text: str) -> str | None:
    match = labels().news_id.search(text)
    return match.group("value").translate(DIGITS) if match else None


def _dates():
    from khabar.core import dates  # imported on first use: the date tables are not needed for --help

    return dates


def _is_date_line(text: str) -> bool:
    """The line is a date and little else (labels, weekday, separators)."""
    found = _dates().find_dates(text)
    if not found:
        return False
    rest = text
    for match in reversed(found):
        rest = rest[:match.start] + " " + rest[match.end:]
    for pattern in (labels().published, labels().updated, labels().clock):
        rest = pattern.sub(" ", rest)
    words = [w for w in re.split(r"[\W_]+", rest) if w]
    return len(words) <= 3


def line_role(text: str) -> str | None:
    """Which metadata the line carries ("news-code", "date", "updated", "clock",
    "source", "author"), or None for any other line."""
    if len(text.split()) > MAX_META_WORDS:
        return None
    if news_id_in(text):
        return "news-code"
    if labels().source.match(text):
        return "source"
    if labels().author.match(text) and len(text.split()) <= 8:
        return "author"
    if _is_date_line(text):
        if labels().clock.search(text):
            return "clock"
        if labels().updated.search(text):
            return "updated"
        return "date"
    return None


@dataclass(frozen=True)
class Metadata:
    news_id: str | None = None
    published: str | None = None
    updated: str | None = None
    source: str | None = None
    agency: str | None = None
    author: str | None = None


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


def _first_date(text: str, reference: datetime | None) -> str | None:
    found = _dates().find_dates(text, reference=reference)
    return found[0].iso() if len(found) == 1 or _all_same(found) else None


def _all_same(found) -> bool:
    return bool(found) and len({m.iso()[:10] for m in found}) == 1


def extract(lines: list[Labeled], *, reference: datetime | None = None) -> Metadata:
    """Read the fields from the lines the classifier labelled as metadata.

    The publication time is the first date on a labelled line (a news-code
    line or "تاریخ انتشار"), else on the first bare date line; clocks and
    update lines never count, nor do dates inside the article's paragraphs.
    """
    news_id = source = author = updated = None
    labelled, bare = [], []
    for item in lines:
        if item.kind is not Kind.METADATA:
            continue
        text, role = item.line.text, item.reason
        if role == "metadata: news-code":
            news_id = news_id or news_id_in(text)
            labelled.append(text)
        elif role == "metadata: date":
            (labelled if labels().published.search(text) else bare).append(text)
        elif role == "metadata: updated":
            updated = updated or _first_date(text, reference)
        elif role == "metadata: source":
            source = source or labels().source.match(text).group("value").strip(" .،")
        elif role == "metadata: author":
            author = author or labels().author.match(text).group("value").strip(" .،")
    published = None
    for text in labelled + bare:
        published = _first_date(text, reference)
        if published:
            break
    return Metadata(news_id=news_id, published=published, updated=updated, source=source,
                    agency=agency_of(source) if source else None, author=author)

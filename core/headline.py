"""Check the title the classifier chose against what the page says its title is.

A dump that keeps the page's ``<title>`` writes it first: "headline | site",
"site :: headline", "headline - section - site". When a later line of the
page's head is that headline, it is the title, whatever the lines around it
looked like (a headline written as a link, in a list of links, after a side
column, with a time line or a section label next to it). And a line that is a
metadata label with its value ("آخرین به‌روزرسانی: ۰۳/۰۲/۲۰۲۰", "زمان مطالعه: ۶
دقیقه") is never a title.
"""

from __future__ import annotations

import re
from functools import cache

from khabar.core.model import KEPT, Kind, Labeled
from khabar.core.datafile import data_toml
from khabar.core.chars import DIGITS, TO_LATIN_DIGITS, fold

# How a title bar joins the headline and the site's names.
TITLE_BAR_SEPARATORS = re.compile(r"\s+(?:\||-|–|—|::|»|/)\s+")
# The headline stands within this many lines before the article's first paragraph.
MAX_HEAD_LINES = 60
MIN_HEADLINE_WORDS = 2
MAX_HEADLINE_WORDS = 30
# A lead is a sentence, not a line of words.
LEAD_MIN_WORDS = 8
SURTITLE_MAX_WORDS = 14
# A headline the classifier kept as text stands among the first kept lines.
HEAD_KEPT_LINES = 3
# Letters of a site's name in the title bar (folded): shorter parts are no names.
MIN_SITE_LETTERS = 3




def _key(text: str) -> str:
    """A line as compared with the title bar: folded, digits in one script (a
    <title> may write "۱۶" where the page writes "16")."""
    return fold(text).translate(TO_LATIN_DIGITS)


def _bar_candidates(bar: str) -> set[str]:
    """The headlines a title bar may hold: the bar, and each way of cutting the
    site's names off either end."""
    parts = TITLE_BAR_SEPARATORS.split(bar)
    out = {bar}
    for k in range(1, len(parts)):
        out.add(" - ".join(parts[:k]))
        out.add(" - ".join(parts[k:]))
    return {_key(c) for c in out if MIN_HEADLINE_WORDS <= len(c.split()) <= MAX_HEADLINE_WORDS}


@cache
def _label_line() -> re.Pattern[str]:
    """A label with a colon and a value with a digit: a metadata line, not a headline."""
    data = data_toml("metadata.toml")
    labels = [label for key in ("published_labels", "published_words", "updated_labels", "clock_labels",
                                "news_id_labels") for label in data[key]]
    labels += data_toml("metalines.toml")["title"]["never_labels"]
    words = "|".join(sorted(("[\\s\u200c]*".join(map(re.escape, label.split())) for label in labels),
                            key=len, reverse=True))
    return re.compile(rf"^(?:{words})[\s\u200c\w]{{0,20}}[:：].*[{DIGITS}]", re.IGNORECASE)


def is_label_line(text: str) -> bool:
    return _label_line().match(text) is not None


def is_furniture(text: str) -> bool:
    """The line is one of the phrases khabar's rules name (a list's header, a menu
    item, a button): never a headline."""
    from khabar.core.rules import default_rules

    rule = default_rules().match(text)
    return rule is not None and fold(text) in rule.phrases


def retitle(lines: list[Labeled], *, hint: str | None = None) -> list[Labeled]:
    """The lines with the title moved to the line the title bar (or the markup's
    ``hint``) names, and a metadata line never left as title."""
    out = list(lines)
    first_body = next((i for i, item in enumerate(out) if item.kind in (Kind.PARAGRAPH, Kind.LEAD)), len(out))
    title = next((i for i, item in enumerate(out) if item.kind is Kind.TITLE), None)
    named = _named_by_bar(out, first_body, hint)
    if named is not None and named != title:
        _move_title(out, title, named)
        title = named
    if title is not None and is_furniture(out[title].line.text):
        # "نتایج زنده", "جدول لیگ": a list's or a menu's header a dump split off its bar.
        out[title] = Labeled(out[title].line, Kind.BOILERPLATE, "not-the-headline")
        title = None
    if title is None:
        title = _above_the_metadata(out, first_body)
        if title is not None:
            _move_title(out, None, title)
    if title is not None and _headline_below_surtitle(out, title):
        # "معاون وزیر در گفت‌وگو با خبرنگاران:" announces the headline under it.
        _move_title(out, title, title + 1)
        title += 1
    if title is not None:
        _no_site_surtitle(out, title)
    if title is not None and is_label_line(out[title].line.text):
        out[title] = Labeled(out[title].line, Kind.BOILERPLATE, "metadata-label")
        below = title + 1
        if below < len(out) and out[below].kind is Kind.SURTITLE:
            out[below] = Labeled(out[below].line, Kind.TITLE, None)
    return out


def _named_by_bar(lines: list[Labeled], first_body: int, hint: str | None) -> int | None:
    if hint:
        candidates = {_key(hint)}
    elif len(lines) < 2 or lines[0].kind in KEPT:
        return None
    else:
        candidates = _bar_candidates(lines[0].line.text)
    if not candidates:
        return None
    # A key is the folded line with its digits translated one for one: a line whose
    # folded length no candidate has is not translated (most paragraphs).
    lengths = {len(c) for c in candidates}

    def named(text: str) -> bool:
        folded = fold(text)
        return len(folded) in lengths and folded.translate(TO_LATIN_DIGITS) in candidates

    if hint:
        # The markup names the headline: its first line, wherever the classifier put the article's start.
        return next((i for i, item in enumerate(lines) if named(item.line.text)), None)
    start = max(1, first_body - MAX_HEAD_LINES)
    # The headline above the article (a copy in the body or a related list is not it).
    for i in range(min(first_body, len(lines)) - 1, start - 1, -1):
        if named(lines[i].line.text):
            return i
    # The classifier took the head for the article's first lines.
    kept = [i for i in range(first_body, len(lines)) if lines[i].kind in KEPT][:HEAD_KEPT_LINES]
    return next((i for i in kept if named(lines[i].line.text)), None)


def _move_title(lines: list[Labeled], old: int | None, new: int) -> None:
    if old is not None:
        kind = Kind.SURTITLE if old == new - 1 else Kind.BOILERPLATE
        lines[old] = Labeled(lines[old].line, kind, None if kind is Kind.SURTITLE else "not-the-headline")
    for i, item in enumerate(lines):
        if item.kind is Kind.SURTITLE and i not in (new - 1, old):
            lines[i] = Labeled(item.line, Kind.BOILERPLATE, "not-the-headline")
    lines[new] = Labeled(lines[new].line, Kind.TITLE, None)
    # The article starts at its headline: text kept above it is a surtitle (the
    # short line right above) or the page's furniture.
    for i in range(new):
        if lines[i].kind in (Kind.PARAGRAPH, Kind.SUBHEADING, Kind.LEAD):
            short = len(lines[i].line.text.split()) <= SURTITLE_MAX_WORDS
            if i == new - 1 and short and not any(item.kind is Kind.SURTITLE for item in lines):
                lines[i] = Labeled(lines[i].line, Kind.SURTITLE, None)
            else:
                lines[i] = Labeled(lines[i].line, Kind.BOILERPLATE, "above-the-headline")
    _lead_below(lines, new)
    key = fold(lines[new].line.text)
    for i, item in enumerate(lines):
        if i != new and item.kind in KEPT and fold(item.line.text) == key:
            lines[i] = Labeled(item.line, Kind.BOILERPLATE, "repeats-title")


def _lead_below(lines: list[Labeled], title: int) -> None:
    """The sentence under the headline is the lead when the body proper begins
    after it (after furniture, or with its credit: "به گزارش …", see core/lead.py)."""
    from khabar.core.lead import body_begins

    if any(item.kind is Kind.LEAD for item in lines):
        return
    below = title + 1
    while below < len(lines) and lines[below].kind in (Kind.METADATA, Kind.BOILERPLATE) \
            and (lines[below].reason or "").startswith(BETWEEN_HEAD_AND_BODY):
        below += 1  # the headline's metadata and buttons
    if below >= len(lines) or len(lines[below].line.text.split()) < LEAD_MIN_WORDS:
        return
    if lines[below].reason == "outside-article":
        lines[below] = Labeled(lines[below].line, Kind.LEAD, None)
        return
    if lines[below].kind is not Kind.PARAGRAPH:
        return
    nxt = next((j for j in range(below + 1, len(lines)) if lines[j].kind is Kind.PARAGRAPH), None)
    if nxt is not None and (nxt > below + 1 or body_begins(lines[below].line.text, lines[nxt].line.text)):
        lines[below] = Labeled(lines[below].line, Kind.LEAD, None)


# What may stand between a headline and its article: its metadata and buttons.
BETWEEN_HEAD_AND_BODY = ("metadata: ", "share-print", "counter", "read-time")
# Why a headline may have been removed: read as an item of a list or a menu.
HEADLINE_REMOVED_AS = ("link-list", "menu", "outside-article")


def _no_site_surtitle(lines: list[Labeled], title: int) -> None:
    """A "surtitle" that opens with the site's name, as the title bar writes it
    after the headline ("… - تک‌نما"), is the breadcrumb ("تک‌نما علم")."""
    above = title - 1
    if above < 1 or lines[above].kind is not Kind.SURTITLE or lines[0].kind in KEPT:
        return
    headline = _key(lines[title].line.text)
    sites = [_key(part) for part in TITLE_BAR_SEPARATORS.split(lines[0].line.text)]
    sites = [site for site in sites if site and site != headline and len(site) >= MIN_SITE_LETTERS]
    words = lines[above].line.text.split()
    # Whole words: the name "خبر" does not open "خبرنگار …".
    if any(_key(" ".join(words[:k])) in sites for k in range(1, len(words) + 1)):
        lines[above] = Labeled(lines[above].line, Kind.BOILERPLATE, "breadcrumb")


def _headline_below_surtitle(lines: list[Labeled], title: int) -> bool:
    """The title ends in a colon (a surtitle) and a headline-like line the
    classifier removed stands right under it."""
    below = title + 1
    if not lines[title].line.text.rstrip().endswith((":", "：")) or below >= len(lines) \
            or lines[below].reason not in HEADLINE_REMOVED_AS + ("breadcrumb",):
        return False
    text = lines[below].line.text
    return MIN_HEADLINE_WORDS + 1 <= len(text.split()) <= MAX_HEADLINE_WORDS \
        and not text.endswith((".", ":", "：")) and not is_label_line(text)


def _above_the_metadata(lines: list[Labeled], first_body: int) -> int | None:
    """No title: the headline-like line right above the article's metadata block
    (taken for a list's item when a menu's header stood above it)."""
    i, crossed = first_body - 1, False
    while i >= 0 and lines[i].kind in (Kind.METADATA, Kind.BOILERPLATE) \
            and (lines[i].reason or "").startswith(BETWEEN_HEAD_AND_BODY):
        crossed, i = True, i - 1
    if not crossed or i < 0 or lines[i].reason not in HEADLINE_REMOVED_AS:
        return None
    text = lines[i].line.text
    words = len(text.split())
    if MIN_HEADLINE_WORDS + 1 <= words <= MAX_HEADLINE_WORDS and not text.endswith((".", ":")) \
            and not is_label_line(text):
        return i
    return None

"""Tags a page shows with no label: a run of a few short items right after the
article, each a word or phrase the article itself uses ("گردشگری" / "استان" /
"بین بخشی" under a text about tourism in a province), before the page's
buttons or lists. A menu or a list of other headlines does not repeat the
article's own words item by item, so the run is read as the page's tags.

A tag need not be a phrase of the text ("سلامتی" under a text on fatty
chicken): where the run ends at the page's share and print buttons, the
place tag lists stand on article pages, half of its items in the text suffice;
there a line of tags a dump glued together is cut into them (core/gluedtags.py),
as are the tags on a label's line, glued ("برچسب‌ها:آلگریمیلانآژاکس") or one
space apart ("برچسب‌ها: آلگری میلان آژاکس"), cut at the article's phrases.
"""

from __future__ import annotations

import re
from functools import cache

from khabar.core.chars import fold
from khabar.core.gluedtags import dictionary, phrases_of, split_glued, split_run, vocabulary
from khabar.core.metadata import hashtags_in, inline_tags
from khabar.core.model import KEPT, Kind, Labeled, Line, Role, role_of
from khabar.core.rules import default_rules

MIN_ITEMS = 2
MAX_ITEMS = 10
MAX_ITEM_WORDS = 4
# Before the buttons, a tag may be a person's title and name ("رئیس مرکز هشدار الکترونیک پلیس …").
MAX_ITEM_WORDS_BEFORE_BUTTONS = 8
# The lines a tag may have been taken for.
REMOVED_AS = ("menu", "outside-article", "link-list", "navigation", "template")
# The rule of the buttons under an article (data/rules.toml).
BUTTONS = "share-print"
MIN_BUTTON_NAME = 4  # folded letters
# The rule of a tags label (data/rules.toml), and the words of a label's tags on one line.
TAGS_HEADER = "tags"
MAX_RUN_WORDS = 40
# A label's plural ending ("برچسب" + "ها") glued to the first tag after it.
PLURAL_GLUED = re.compile(r"^ها(?=[^\W\d_])")
# A tags label whose plural ending is glued to the first tag, on one line with them.
LABEL_GLUED = re.compile("^(?:برچسب|کلیدواژه|کلید ?واژه|تگ)[\u200c ]?ها(?=[^\\W\\d_])")
# The shapes that give each element a line of its own (core/reshape.py).
LINE_SHAPES = frozenset({"lines"})
# What a sentence or a list item has and a tag has not.
NOT_A_TAG = re.compile(r"[.!?؟؛:«»()]")


def _item(item: Labeled, max_words: int) -> bool:
    words = item.line.text.split()
    return item.kind is Kind.BOILERPLATE and item.reason in REMOVED_AS and 1 <= len(words) <= max_words


def _run_in_text(lines: list[Labeled], start: int, text: str) -> int:
    """The end of the run of items, each a phrase of the article's text."""
    end = start
    while end < len(lines) and end - start < MAX_ITEMS:
        if not _item(lines[end], MAX_ITEM_WORDS) or fold(lines[end].line.text) not in text:
            break
        end += 1
    return end


@cache
def _button_names() -> tuple[str, ...]:
    """The buttons' names (folded), but the shortest ("چاپ", "پاسخ"), which words hold."""
    rule = next(r for r in default_rules().rules if r.name == BUTTONS)
    return tuple(sorted(p for p in rule.phrases if len(p) >= MIN_BUTTON_NAME))


def _buttons(item: Labeled) -> bool:
    """The share buttons: a line their rule names, or a bar of them a dump kept on
    one line, opening with one ("نسخه چاپی دانلود PDF ارسال به دوستان …")."""
    if item.reason == BUTTONS:
        return True
    folded = fold(item.line.text)
    names = _button_names()
    return folded.startswith(names) and sum(name in folded for name in names) >= 2


def _run_before_buttons(lines: list[Labeled], start: int, text: str) -> tuple[int, list[Labeled]] | None:
    """The tags of a run of items that the page's buttons close, half of them
    phrases of the text, each line of glued tags cut into them; None when there is none."""
    end = start
    # A line of glued tags holds the words of several.
    while end < len(lines) and end - start < MAX_ITEMS and not _buttons(lines[end]) \
            and _item(lines[end], MAX_ITEMS * MAX_ITEM_WORDS_BEFORE_BUTTONS) \
            and not NOT_A_TAG.search(lines[end].line.text):
        end += 1
    if end == start or end >= len(lines) or not _buttons(lines[end]):
        return None
    words = None
    tags = []
    for item in lines[start:end]:
        if fold(item.line.text) not in text:
            if words is None:
                words = vocabulary(i.line.text for i in lines if i.kind in KEPT)
            glued = split_glued(item.line.text, words, dictionary())
            if not glued and end - start == 1:
                # The list alone on one line, its links one space apart (get_text(" ")).
                glued = split_run(item.line.text, phrases_of(i.line.text for i in lines if i.kind in KEPT))
            if glued:
                tags += [Line(tag, item.line.numbers, item.line.gap_before) for tag in glued]
                continue
        tags.append(item.line)
    if any(len(tag.text.split()) > MAX_ITEM_WORDS_BEFORE_BUTTONS for tag in tags):
        return None
    found = sum(fold(tag.text) in text for tag in tags)
    if len(tags) < MIN_ITEMS or not found or 2 * found < len(tags):
        return None
    return end, [Labeled(tag, Kind.METADATA, Role.TAG.reason) for tag in tags]


def tags_after_article(lines: list[Labeled], shape: str = "lines") -> list[Labeled]:
    """The page's lines with its unlabelled tags read, and glued ones cut. Tags
    with a space between them are cut on their label's own line (the dump joined
    the label and its links there), and on the line under the label only where
    the page's shape keeps inline elements on one line (a layout dump): in a dump
    line by line, one line under the label is one tag ("دربی تهران 89")."""
    return _unlabelled(_cut_labelled(lines, runs=shape not in LINE_SHAPES))


def _cut_labelled(lines: list[Labeled], runs: bool) -> list[Labeled]:
    """The tags on one line under their label with nothing between them
    ("برچسب‌ها:آلگریمیلانآژاکس") or a space ("برچسب ها" / "پاکستان ملا برادر افغانستان
    طالبان"), cut into the tags they are. Tags one a line are apart already: a
    tag written as one word ("فولادمبارکه") stays whole."""
    for i, item in enumerate(lines):
        value, on_label = _one_line_of_tags(lines, i)
        if value is None or not (on_label or runs):
            continue
        kept = [x.line.text for x in lines if x.kind in KEPT]
        # The value as the page wrote it, when it was cut from the label's ending.
        unglued = [value] if value != item.line.text and role_of(item.reason) is Role.TAG else None
        if fold(value) in fold(" ".join(kept), remember=False):
            tags = unglued
        else:
            tags = (on_label and split_glued(value, vocabulary(kept), dictionary())) \
                or split_run(value, phrases_of(kept)) or unglued
        if tags:
            line = item.line
            return [*lines[:i], *(Labeled(Line(tag, line.numbers, line.gap_before), Kind.METADATA, Role.TAG.reason)
                                  for tag in tags), *lines[i + 1:]]
    return lines


def _one_line_of_tags(lines: list[Labeled], i: int) -> tuple[str | None, bool]:
    """The value of line i when it holds a label's whole list of tags on one line,
    and whether it is the label's own line."""
    item, role = lines[i], role_of(lines[i].reason)
    glued = LABEL_GLUED.match(item.line.text)
    if glued and (role is Role.TAGS or item.kind is Kind.BOILERPLATE) and not NOT_A_TAG.search(item.line.text):
        # "برچسب هااستان ایلام بارش باران …": the label glued to its tags, one line the dump left whole.
        return item.line.text[glued.end():], True
    if role is Role.TAGS:
        values = [] if hashtags_in(item.line.text) else inline_tags(item.line.text)
        return (values[0], True) if len(values) == 1 else (None, False)
    after_header = i > 0 and lines[i - 1].reason == TAGS_HEADER
    alone = after_header and (i + 1 == len(lines) or role_of(lines[i + 1].reason) is not Role.TAG)
    if role is Role.TAG and alone:
        ending = PLURAL_GLUED.match(item.line.text)
        if ending and not lines[i - 1].line.text.rstrip().endswith("ها"):
            # "برچسب" / "هاپاکستان ملا برادر …": the label's plural ending glued to the
            # first tag, so label and tags were one line of the page.
            return item.line.text[ending.end():], True
        return item.line.text, False
    # A run too long to be taken for one tag.
    if after_header and item.kind is Kind.BOILERPLATE and len(item.line.text.split()) <= MAX_RUN_WORDS \
            and not NOT_A_TAG.search(item.line.text):
        return item.line.text, False
    return None, False


def _unlabelled(lines: list[Labeled]) -> list[Labeled]:
    body = [i for i, item in enumerate(lines) if item.kind in (Kind.PARAGRAPH, Kind.LEAD, Kind.SUBHEADING)]
    if not body or any(role_of(item.reason) in (Role.TAG, Role.TAGS) for item in lines):
        return lines
    text = fold(" ".join(item.line.text for item in lines if item.kind in KEPT), remember=False)
    start = body[-1] + 1
    end = _run_in_text(lines, start, text)
    if end < len(lines) and lines[end].kind in KEPT:
        end = start
    # The buttons close the whole list, items not in the text and glued ones too.
    closed = _run_before_buttons(lines, start, text)
    if closed is not None and len(closed[1]) > end - start:
        return [*lines[:start], *closed[1], *lines[closed[0]:]]
    if end - start < MIN_ITEMS:
        return lines
    out = list(lines)
    for i in range(start, end):
        out[i] = Labeled(lines[i].line, Kind.METADATA, Role.TAG.reason)
    return out


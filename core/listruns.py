"""Cut a run of headlines that a page saved on one line strings together.

With no line breaks, a related or most-read list is one long stretch of words:
"ثبت نام ۱۷ نفر در انتخابات … هشدار داد مردم آمریکای لاتین … استقبال کردند
اراک میزبان …". Nothing in it ends like a sentence, yet it is longer than any
headline, so it would read as prose. The article's own text ends its
sentences in a full stop; a stretch longer than a headline with no full stop
is a list, and is cut where its items end: after a headline's final verb
("شد", "کردند", "می‌شود") or the item's time ("۸ روز پیش", "۱۴ دقیقه قبل").
A part still longer than a headline is cut into headline-sized pieces, so
that no part of a list reads as prose. A box between the article's sentences
("بیشتر بخوانید") runs on into the paragraph after it: its headlines are cut
from that paragraph the same way (:func:`cut_box_items`).
"""

from __future__ import annotations

import re
from functools import cache

from khabar.core.chars import DIGITS, fold
from khabar.core.datafile import data_toml
from khabar.core.language import language
from khabar.core.model import Line
from khabar.core.thresholds import HEADLINE_MAX_WORDS

# A sentence's own end: a line that ends so is (or closes) prose ("!" and "؟"
# end headlines as often, and a list's last item is glued to the next part).
SENTENCE_STOP = (".", "…", ".»", ".\"", ".)")
# The time that closes a list's item: "۸ روز پیش", "۴۹ ساعت قبل".
AGO_WORDS = frozenset({"پیش", "قبل"})
AGO_UNITS = frozenset({"ثانیه", "دقیقه", "ساعت", "روز", "هفته", "ماه", "سال"})
NUMBER = re.compile(rf"^[{DIGITS}]+$")
# A present verb: "می‌شود", "نمی‌کنند" (with its half-space: "میلاد" is no verb).
PRESENT = re.compile(r"^ن?می\u200c\S*د$")
MARKS = "،,؛:«»\"'()/|+-–—"
# Pieces of an uncut stretch: at most this many words.
PIECE_WORDS = 12


@cache
def _verbs() -> frozenset[str]:
    return frozenset(fold(word) for word in data_toml("listruns.toml")["verbs"])


def is_list_run(text: str) -> bool:
    """Longer than a headline, and no full stop at its end."""
    return not text.endswith(SENTENCE_STOP) and len(text.split(None, HEADLINE_MAX_WORDS)) > HEADLINE_MAX_WORDS


def _item_ends(words: list[str], i: int) -> bool:
    """Whether a list's item ends after word i."""
    word = words[i].strip(MARKS)
    nxt = words[i + 1].strip(MARKS) if i + 1 < len(words) else ""
    if words[i].endswith((":", "：", "/", "|")) or nxt in language().joining_words:
        return False  # "گفت: …", "شد و …", "… نبودیم/ …": the item goes on
    if word in AGO_WORDS and i >= 2 and words[i - 1] in AGO_UNITS and NUMBER.match(words[i - 2]):
        return True
    return fold(word) in _verbs() or PRESENT.match(word) is not None


def items(text: str) -> list[str]:
    """A run's items, each at most a headline long."""
    words = text.split()
    parts: list[list[str]] = [[]]
    for i, word in enumerate(words):
        parts[-1].append(word)
        if i + 1 < len(words) and _item_ends(words, i):
            parts.append([])
    out: list[str] = []
    for part in parts:
        if len(part) > HEADLINE_MAX_WORDS:
            n = -(-len(part) // PIECE_WORDS)
            size = -(-len(part) // n)
            out.extend(" ".join(part[k:k + size]) for k in range(0, len(part), size))
        elif part:
            out.append(" ".join(part))
    return out


def cut_list_runs(lines: list[Line]) -> list[Line]:
    """The lines of a page saved on one line with each run of headlines cut into its items."""
    out: list[Line] = []
    for k, line in enumerate(lines):
        # The page's first part is its title bar and the header that runs on from it: cut, it
        # would give a copy of the headline ("… آلمان |") to take for the one the page shows.
        if k == 0 or not is_list_run(line.text):
            out.append(line)
            continue
        out.extend(Line(part, line.numbers, line.gap_before if k == 0 else False)
                   for k, part in enumerate(items(line.text)))
    return out


# A box inside the article ("بیشتر بخوانید") lists a few headlines; on one line
# they run on into the paragraph after the box.
BOX_MAX_ITEMS = 3
ITEM_MIN_WORDS = 3
ITEM_MAX_WORDS = 20
PROSE_MIN_WORDS = 10


@cache
def _pronouns() -> frozenset[str]:
    return frozenset(data_toml("listruns.toml")["pronouns"])


def _reporting(word: str) -> bool:
    """A verb that opens a quote: "گفت:", "افزود:"."""
    return word.endswith((":", "：")) and fold(word) in _verbs()


def box_items(text: str) -> list[str]:
    """The headlines at the start of the paragraph that follows a box, and the
    paragraph: each item ends in its verb or time, and the paragraph starts
    where a sentence's reporting verb shows ("… وی افزود: …")."""
    words = text.split()
    cuts: list[int] = []
    last = 0
    for i in range(len(words) - 1):
        if _reporting(words[i]):
            if i - 1 > last and words[i - 1] in _pronouns():
                cuts.append(i - 1)  # "وی افزود:" opens the paragraph
            break
        if i + 1 - last > ITEM_MAX_WORDS or len(cuts) == BOX_MAX_ITEMS:
            break
        if i + 1 - last >= ITEM_MIN_WORDS and not words[i].endswith(("،", "؛", ",")) and _item_ends(words, i):
            cuts.append(i + 1)
            last = i + 1
    while cuts and len(words) - cuts[-1] < PROSE_MIN_WORDS:
        cuts.pop()
    bounds = [0, *cuts, len(words)]
    return [" ".join(words[a:b]) for a, b in zip(bounds, bounds[1:]) if b > a]


def cut_box_items(lines: list[Line], is_header) -> list[Line]:
    """A page saved on one line: the headlines of a box that stands between the
    article's sentences cut from the paragraph they run on into."""
    out: list[Line] = []
    for k, line in enumerate(lines):
        if 2 <= k and is_header(lines[k - 1].text) and lines[k - 2].text.endswith(SENTENCE_STOP) \
                and line.text.endswith(SENTENCE_STOP):
            out.extend(Line(part, line.numbers, line.gap_before if n == 0 else False)
                       for n, part in enumerate(box_items(line.text)))
        else:
            out.append(line)
    return out

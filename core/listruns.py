"""Cut a run of headlines that a page saved on one line strings together.

With no line breaks, a related or most-read list is one long stretch of words:
"ثبت نام ۱۷ نفر در انتخابات … هشدار داد مردم آمریکای لاتین … استقبال کردند
اراک میزبان …". Nothing in it ends like a sentence, yet it is longer than any
headline, so it would read as prose. The article's own text ends its
sentences in a full stop; a stretch longer than a headline with no full stop
is a list, and is cut where its items end: after a headline's final verb
("شد", "کردند", "می‌شود") or the item's time ("۸ روز پیش", "۱۴ دقیقه قبل").
A part still longer than a headline is cut into headline-sized pieces, so
that no part of a list reads as prose.
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
    for line in lines:
        if not is_list_run(line.text):
            out.append(line)
            continue
        out.extend(Line(part, line.numbers, line.gap_before if k == 0 else False)
                   for k, part in enumerate(items(line.text)))
    return out

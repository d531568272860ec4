"""Cut a bar of menu items or buttons written on one line into one item a line,
and a list's header from the first item written on its line.

Layout-aware dumps (inscriptis) and dumps that keep only the source's line
breaks put a whole menu or toolbar on one line: "صفحه اصلی سیاسی بین‌الملل
حوادث …", "اندازه فونت +- نسخه چاپی بازنشر ذخیره اشتراک‌گذاری". Such a line
reads like a headline; cut into the phrases the rules know (navigation, share
and print buttons), it is the menu it was. A line is cut only when every word
of it belongs to a known phrase (marks such as "+-" or "|" aside).
"""

from __future__ import annotations

import re

from khabar.core.chars import DIGITS, fold
from khabar.core.language import language
from khabar.core.model import Line
from khabar.core.rules import RuleKind, Rules

# The rules whose phrases are items of a bar.
BAR_RULES = frozenset({"navigation", "share-print"})
MAX_PHRASE_WORDS = 4
MAX_BAR_WORDS = 40
MIN_ITEMS = 2
MARK = re.compile(r"^[\W_]+$")
# A list's or the tags' header written on one line with its first item:
# "بیشتر بخوانید اورژانس جدید …", "برچسب ها استان ایلام".
HEADER_KINDS = frozenset({RuleKind.LIST_HEADER, RuleKind.TAGS_HEADER})
MAX_HEADER_WORDS = 3
MAX_ITEM_WORDS = 20
SHORT_ITEM_WORDS = 6
MAX_GLUED_HEADER_CHARS = 30
# "… ۱۴ روز پیش", "… دیروز" at the end of a headline: the item's time.
AGO_AT_END = re.compile(rf"\s(?:[{DIGITS}]+\s*(?:ثانیه|دقیقه|ساعت|روز|هفته|ماه|سال)\s*(?:پیش|قبل)|دیروز)$")


# Menus and toolbars recur on every page of a site: a short line's cut is
# remembered with the rules (and Rules.match remembers each phrase's rule).
MEMO_MAX_CHARS = 120
MEMO_MAX_ENTRIES = 1 << 14


def _memo(rules: Rules) -> dict:
    """This module's memo, kept with the rules but apart from the features' own
    (``Rules.memo``), which it would otherwise crowd out."""
    return rules.__dict__.setdefault("_bars_memo", {})


def known(rules: Rules, text: str):
    """``rules.match(text)`` (which remembers its answers)."""
    return rules.match(text)


def _items(words: list[str], rules: Rules) -> list[str] | None:
    """The words cut into known phrases (dynamic programming, fewest items), or None."""
    n = len(words)
    best: list[list[str] | None] = [None] * (n + 1)
    best[0] = []
    for i in range(n):
        if best[i] is None:
            continue
        if MARK.match(words[i]):
            if best[i + 1] is None or len(best[i + 1]) > len(best[i]):
                best[i + 1] = best[i]
            continue
        for k in range(1, min(MAX_PHRASE_WORDS, n - i) + 1):
            phrase = " ".join(words[i:i + k])
            rule = rules.match(phrase)
            if rule is not None and rule.name in BAR_RULES:
                cand = best[i] + [phrase]
                if best[i + k] is None or len(best[i + k]) > len(cand):
                    best[i + k] = cand
    return best[n]


def _header_and_item(words: list[str], rules: Rules) -> int:
    """How many words at the line's start are a list's header before its first item (0: none)."""
    if len(words) - 1 > MAX_ITEM_WORDS or words[-1].endswith("."):
        return 0
    for k in range(min(MAX_HEADER_WORDS, len(words) - 1), 0, -1):
        head = " ".join(words[:k])
        rule = rules.match(head)
        if rule is not None and rule.kind in HEADER_KINDS \
                and (k >= 2 or head.endswith(":") or len(words) - k <= SHORT_ITEM_WORDS):
            return k
    return 0


def _list_headers(rules: Rules) -> tuple[str, ...]:
    memo = _memo(rules)
    if "list-headers" not in memo:
        memo["list-headers"] = tuple(p for r in rules.rules if r.kind is RuleKind.LIST_HEADER for p in r.phrases)
    return memo["list-headers"]


def _glued_header(text: str, rules: Rules) -> int:
    """Where a list's header of two words or more ends when a letter follows it with no
    space between (0: none)."""
    if not fold(text[:MAX_GLUED_HEADER_CHARS]).startswith(_list_headers(rules)):
        return 0
    start = text.find(" ") + 2
    for i in range(start, min(len(text) - 1, MAX_GLUED_HEADER_CHARS)):
        if text[i].isalpha() and text[i - 1].isalpha():
            rule = known(rules, text[:i])
            if rule is not None and rule.kind is RuleKind.LIST_HEADER and fold(text[:i]) in rule.phrases:
                return i
    return 0


def split_bars(lines: list[Line], rules: Rules) -> list[Line]:
    out: list[Line] = []
    for line in lines:
        parts = _parts(line.text, rules)
        if parts is None:
            out.append(line)
        else:
            out.extend(Line(part, line.numbers, line.gap_before if k == 0 else False) for k, part in enumerate(parts))
    return out


def _parts(text: str, rules: Rules) -> tuple[str, ...] | None:
    """The elements a line is cut into, or None when it stays whole; remembered
    for short lines (a site's menus come back on every page)."""
    if len(text) > MEMO_MAX_CHARS:
        return _parts_now(text, rules)
    memo, key = _memo(rules), ("bar-parts", text)
    if key in memo:
        return memo[key]
    if len(memo) >= MEMO_MAX_ENTRIES:
        memo.clear()
    found = memo[key] = _parts_now(text, rules)
    return found


# A line of more words than any bar, any item with its time and any header
# with its item stays whole: it is not even split into words (most paragraphs).
MAX_CUT_WORDS = max(MAX_BAR_WORDS, MAX_ITEM_WORDS + 3, MAX_ITEM_WORDS + 1)


_UNTRIED = object()


def _parts_now(text: str, rules: Rules) -> tuple[str, ...] | None:
    parts: list[str] = []
    glued = _glued_header(text, rules) if " " in text else 0
    if glued:
        # "بیشتر بخوانیدفوتبال …": a dump that strips tags without a space glues the box's header to its first item.
        parts.append(text[:glued])
        text = text[glued:]
    words = text.split(None, MAX_CUT_WORDS)
    if len(words) > MAX_CUT_WORDS:
        return tuple(parts + [text]) if parts else None
    ago = AGO_AT_END.search(text) if len(words) <= MAX_ITEM_WORDS + 3 else None
    if ago and ago.start() > 0:
        # A list's item and its time on one line: two elements.
        parts.append(text[:ago.start()].rstrip())
        text = ago.group(0).strip()
        words = text.split()
    whole = _UNTRIED  # rules.match(text), asked once and only when needed
    # _header_and_item finds none in a line of more words than a header and an item.
    if len(words) >= 2 and len(words) - 1 <= MAX_ITEM_WORDS and (whole := rules.match(text)) is None:
        k = _header_and_item(words, rules)
        if k:
            parts.append(" ".join(words[:k]))
            words = words[k:]
            text = " ".join(words)
            whole = _UNTRIED
    if MIN_ITEMS <= len(words) <= MAX_BAR_WORDS and _phrase_at(words, 0, rules)[0] \
            and (rules.match(text) if whole is _UNTRIED else whole) is None:
        items = _items(words, rules)
        # Two items or more, or one with the marks of a widget ("اندازه فونت +-").
        if items and (len(items) >= MIN_ITEMS or len(items[0].split()) < len(words)):
            return tuple(parts + items)
    return tuple(parts + [text]) if parts else None


# In a page saved on one line a menu is a run of known phrases inside a longer
# line: three or more in a row, or one of the buttons' and headers' phrases of
# two words or more ("نسخه چاپی", "مطالب مرتبط"), are cut out as lines.
RUN_RULE_KINDS = frozenset({RuleKind.LIST_HEADER, RuleKind.TAGS_HEADER, RuleKind.END_MARKER})
MIN_RUN_PHRASES = 3


def _phrase_at(words: list[str], i: int, rules: Rules):
    """The known phrase at word i: the longest one a rule lists, else the shortest
    words a rule's prefix or pattern matches (a pattern anchored at the start,
    "^لینک کوتاه", would take any words after it)."""
    found = []
    for k in range(1, min(MAX_PHRASE_WORDS, len(words) - i) + 1):
        phrase = " ".join(words[i:i + k])
        rule = rules.match(phrase)
        if rule is not None and (rule.name in BAR_RULES or rule.kind in RUN_RULE_KINDS):
            found.append((fold(phrase) in rule.phrases, k, rule))
    listed = [(k, rule) for exact, k, rule in found if exact]
    if listed:
        return listed[-1]
    return (found[0][1], found[0][2]) if found else (0, None)


def cut_runs(lines: list[Line], rules: Rules) -> list[Line]:
    """The page's lines with the runs of menu items and buttons inside them cut out."""
    out: list[Line] = []
    for line in lines:
        words = line.text.split()
        if len(words) <= MAX_PHRASE_WORDS:
            out.append(line)
            continue
        pieces: list[str] = []
        text: list[str] = []
        i = 0
        while i < len(words):
            run, j = [], i
            while j < len(words):
                k, rule = _phrase_at(words, j, rules)
                if not k:
                    break
                run.append((" ".join(words[j:j + k]), rule))
                j += k
            strong = any(k_words > 1 and (r.kind in RUN_RULE_KINDS or r.name == "share-print")
                         for k_words, r in ((len(p.split()), r) for p, r in run))
            # One button's name after a preposition is the sentence's ("… در فیس بوک نوشت").
            inside = bool(text) and text[-1] in language().joining_words
            if len(run) >= MIN_RUN_PHRASES or (run and strong and not inside):
                if text:
                    pieces.append(" ".join(text))
                    text = []
                pieces.extend(p for p, _ in run)
                i = j
            else:
                text.append(words[i])
                i += 1
        if text:
            pieces.append(" ".join(text))
        out.extend(Line(p, line.numbers, line.gap_before if n == 0 else False) for n, p in enumerate(pieces))
    return out

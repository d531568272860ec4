"""The features of one line that the classifier reads: its words, how it ends,
its share of stop words, Latin words and numbers, the boilerplate rule it
matches and the metadata it carries.

A site repeats its menus, footers and labels on every page: a short line's
features are remembered with the rules in use (``Rules.memo``), keyed on what
they depend on: the text, and the reference only for a line that may hold a
date (the one feature that reads it is a date line's role).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from khabar.core import metadata
from khabar.core.dates import might_hold_date
from khabar.core.language import language, stopwords
from khabar.core.model import Line, Role
from khabar.core.rules import Rule, Rules
from khabar.core.thresholds import DEFAULT, Thresholds
# The defaults' names, where they were defined before.
from khabar.core.thresholds import (HEADLINE_MAX_WORDS, PROSE_MAX_FOREIGN_SHARE,  # noqa: F401
                                    PROSE_MIN_STOPWORD_SHARE, PROSE_MIN_WORDS)

# What reads as prose (Features.reads_as_prose) is the thresholds' (core/thresholds.py).
# A bar of metadata: parts of at most this many words, and the role that names the line.
BAR_PART_MAX_WORDS = 8
ROLE_ORDER = (Role.NEWS_CODE, Role.DATE, Role.UPDATED, Role.CLOCK, Role.AUTHOR, Role.SOURCE, Role.TAGS)
URL = re.compile(r"https?://|www\.", re.IGNORECASE)
WORD = re.compile(r"[\w\u200c]+")
LATIN_WORD = re.compile(r"(?<![\w\u200c])[A-Za-z][A-Za-z'-]*(?![\w\u200c])")
LATIN_LETTER = re.compile("[A-Za-z]")
# A short line that ends so is a sentence; "!" and "؟" end headlines as often.
FULL_STOP = (".", "…", ".»", ".\"", ".)")


@dataclass(frozen=True)
class Features:
    words: int
    ends_sentence: bool
    ends_full_stop: bool
    stopword_share: float
    latin_share: float  # words in Latin letters ("Tasnim News Agency")
    digit_share: float  # words that are numbers (scores, tables)
    has_url: bool
    rule: Rule | None
    meta: Role | None

    def reads_as_prose(self, t: Thresholds = DEFAULT) -> bool:
        # A headline can be long too; it does not end like a sentence.
        return (self.words >= t.prose_min_words and self.stopword_share >= t.prose_min_stopword_share
                and self.latin_share <= t.prose_max_foreign_share and self.digit_share <= t.prose_max_foreign_share
                and (self.ends_sentence or self.words > t.headline_max_words))


def features(line: Line, rules: Rules, reference=None) -> Features:
    text = line.text
    if len(text) > MEMO_MAX_CHARS:
        return _features(text, rules, reference)
    memo = rules.memo
    # Only a date line's role reads the reference; a line with no date in it
    # (nor in any part of it) has the same features whenever the page was read.
    # The text alone finds either (a date line's text finds DATED: the date
    # test is not run again on a line seen before).
    found = memo.get(text)
    if found is None or found is DATED:
        if found is None and not might_hold_date(text):
            key = text
        else:
            key = (text, reference)
            found = memo.get(key)
        if found is None:
            if len(memo) >= MEMO_MAX_LINES:
                memo.clear()
            if key is not text:
                memo[text] = DATED
            found = memo[key] = _features(text, rules, reference)
    return found


# Menus, footers, labels and link lists recur on every page of a site, and their
# features (rules, metadata roles, dates) are the costly ones. A paragraph occurs once.
MEMO_MAX_CHARS = 120
MEMO_MAX_LINES = 1 << 13
DATED = object()  # in the memo under a line's text: the line may hold a date


def _features(text: str, rules: Rules, reference) -> Features:
    words = WORD.findall(text)
    n = len(words) or 1
    return Features(
        words=len(words),
        ends_sentence=text.endswith(language().sentence_end),
        ends_full_stop=text.endswith(FULL_STOP),
        stopword_share=sum(map(stopwords().__contains__, words)) / n,
        # The cheap tests first: most lines have no Latin letter and no URL.
        latin_share=len(LATIN_WORD.findall(text)) / n if LATIN_LETTER.search(text) else 0.0,
        digit_share=sum(map(str.isdigit, words)) / n,
        has_url=("://" in text or "w." in text or "W." in text) and URL.search(text) is not None,
        **_rule_and_role(text, rules, reference),
    )


def _rule_and_role(text: str, rules: Rules, reference) -> dict:
    """The rule the line matches and the metadata it holds. A bar of short parts
    ("ارسال شده توسط: admin | ۷ ساعت پیش | ۸ دیدگاه") is read part by part: when
    most parts are known furniture or metadata, so is the line."""
    rule, role = rules.match(text), metadata.line_role(text, reference=reference)
    if rule is None and role is None and "|" in text:
        parts = [p.strip() for p in text.split("|") if p.strip()]
        if len(parts) >= 2 and all(len(p.split()) <= BAR_PART_MAX_WORDS for p in parts):
            found = [(rules.match(p), metadata.line_role(p, reference=reference)) for p in parts]
            if sum(1 for r, m in found if r or m) * 2 >= len(parts):
                roles = [m for _, m in found if m]
                if roles:
                    role = min(roles, key=ROLE_ORDER.index)
                else:
                    rule = next(r for r, _ in found if r)
    return {"rule": rule, "meta": role}

"""The lead inside the article: its first paragraph, when the body proper
begins after it. Agencies open the body by crediting the source ("به گزارش …")
or by naming the speaker the lead quoted and where he spoke ("حیدر صادقی ظهر
امروز در گفت‌وگو با خبرنگار فارس …"), after a lead of one sentence.
"""

from __future__ import annotations

import re

from khabar.core.chars import ZWNJ
from khabar.core.datafile import data_toml
from khabar.core.language import language
from khabar.core.model import Kind

_DATA = data_toml("lead.toml")
SETTINGS_JOINED = tuple("".join(p.split()) for p in _DATA["speaker_settings"])
WITHIN_WORDS = _DATA["within_words"]
LEAD_MAX_WORDS = _DATA["lead_max_words"]
# A full stop inside a paragraph (not its last character): more than one sentence.
INNER_STOP = re.compile(r"[.!?؟](?=\s+\S)")


def _joined(text: str) -> str:
    """Letters without spaces or half-spaces: "گفت‌وگو", "گفت و گو", "گفتگو" compare alike."""
    return "".join(text.replace(ZWNJ, " ").split())


def _opens_with_speaker_setting(text: str) -> bool:
    head = _joined(" ".join(text.split()[:WITHIN_WORDS]))
    return any(phrase in head for phrase in SETTINGS_JOINED)


def _one_sentence(text: str) -> bool:
    return len(text.split()) <= LEAD_MAX_WORDS and not INNER_STOP.search(text)


def body_begins(first: str, second: str) -> bool:
    """The second paragraph begins the body proper after a lead: it credits the
    source, or names the speaker of a one-sentence lead and where he spoke."""
    return second.startswith(language().credit_openers) \
        or (_one_sentence(first) and _opens_with_speaker_setting(second))


def label_lead_inside(lines, kinds, title: int) -> None:
    """The first paragraph is the lead when the body proper begins after it."""
    paragraphs = [i for i in range(title + 1, len(lines)) if kinds[i] is Kind.PARAGRAPH][:2]
    if len(paragraphs) == 2:
        first, second = paragraphs
        separated = any(kinds[j] in (Kind.METADATA, Kind.BOILERPLATE) for j in range(first + 1, second))
        if separated or body_begins(lines[first].text, lines[second].text):
            kinds[first] = Kind.LEAD

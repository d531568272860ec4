"""Normalise decoded text: one spelling for letters, clean spaces.

Why not hazm's ``Normalizer().normalize``: it rewrites everything it sees, so
``https://www.isna.ir/news`` becomes ``https: / / www. isna. ir / news`` and
``38.5`` becomes ``۳۸ ٫ ۵``. khabar applies only the fixes below, each a small
function named for its effect, and reports how many characters each changed.
Newlines are never added or removed: the output has the input's lines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable

# Arabic letter forms that Persian text writes with its own letters.
ARABIC_TO_PERSIAN = str.maketrans({"ي": "ی", "ى": "ی", "ك": "ک"})
# Arabic-Indic digits become the Persian (extended) digits of the same value.
ARABIC_INDIC_DIGITS = str.maketrans({chr(0x0660 + i): chr(0x06F0 + i) for i in range(10)})
KASHIDA = "\u0640"
# Zero-width and direction marks a scraper leaves behind; ZWNJ (U+200C) is a
# letter of Persian spelling and is kept.
INVISIBLE = re.compile("[\u200b\u200d\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff\u00ad]")
SPACES = re.compile("[\u00a0\u2000-\u200a\u202f\u205f\u3000\t]")
REPEATED_SPACES = re.compile(" {2,}")
# A half-space next to a space, or doubled, is noise.
STRAY_ZWNJ = re.compile("\u200c*( )\u200c*|\u200c{2,}")


@dataclass(frozen=True)
class NormalizeConfig:
    """Which fixes to apply. Every field defaults to the careful editor's choice."""

    letters: bool = True  # Arabic ي ك ى and Arabic-Indic digits to their Persian forms
    spaces: bool = True  # no-break and odd spaces, zero-width marks, kashida, repeats


@dataclass(frozen=True)
class Normalized:
    text: str
    # (fix name, characters changed), one entry per fix that changed something.
    changes: tuple[tuple[str, int], ...] = field(default=())


def unify_letters(text: str) -> str:
    return text.translate(ARABIC_TO_PERSIAN).translate(ARABIC_INDIC_DIGITS)


def remove_invisible_marks(text: str) -> str:
    return INVISIBLE.sub("", text).replace(KASHIDA, "")


def unify_spaces(text: str) -> str:
    text = SPACES.sub(" ", text)
    text = STRAY_ZWNJ.sub(lambda m: m.group(1) or "\u200c", text)
    text = REPEATED_SPACES.sub(" ", text)
    return "\n".join(line.strip(" ") for line in text.split("\n"))


FIXES: dict[str, tuple[str, Callable[[str], str]]] = {
    # name: (config field that switches it, function)
    "unify_letters": ("letters", unify_letters),
    "remove_invisible_marks": ("spaces", remove_invisible_marks),
    "unify_spaces": ("spaces", unify_spaces),
}


def _changed(before: str, after: str) -> int:
    if len(before) != len(after):
        return abs(len(before) - len(after)) or 1
    return sum(a != b for a, b in zip(before, after))


def normalize(text: str, *, config: NormalizeConfig = NormalizeConfig()) -> Normalized:
    """Apply the enabled fixes in order; idempotent."""
    changes = []
    for name, (switch, fix) in FIXES.items():
        if not getattr(config, switch):
            continue
        fixed = fix(text)
        if fixed != text:
            changes.append((name, _changed(text, fixed)))
            text = fixed
    return Normalized(text, tuple(changes))

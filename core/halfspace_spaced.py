"""Two words written apart, with a space, where an editor writes one with a
half-space ('می شود' -> 'می‌شود')."""

from __future__ import annotations

import re

from .halfspace import LETTERS, MARKS, ZWNJ
from .halfspace_lexicon import lexicon

# 'می' or 'نمی' standing alone, one space, then a Persian word.
SPACED_PREFIX = re.compile(
    f"(?<![{LETTERS}{MARKS}{ZWNJ}])(ن?می) ([{LETTERS}]+(?:{ZWNJ}[{LETTERS}]+)*)(?![{LETTERS}{MARKS}])"
)
# A word that starts with the verb prefix, joined or after a half-space.
PREFIXED_WORD = re.compile(f"(?<![{LETTERS}{MARKS}{ZWNJ}])ن?می{ZWNJ}?[{LETTERS}]+(?:{ZWNJ}[{LETTERS}]+)*")


def join_verb_prefixes(text: str) -> str:
    """Write the verb prefix with a half-space, not a space ('می شود' ->
    'می‌شود'), in a paragraph that mostly writes it so.

    Some writers space the prefix throughout ('می کند', common on sports
    sites); their paragraphs are left as written. Where the other verbs of
    the paragraph have the prefix joined, a spaced one is a slip.
    """
    if "می " not in text:
        return text
    verbs = lexicon().verbs

    def verb(m: re.Match[str]) -> str | None:
        key = (m.group(1) + m.group(2)).replace(ZWNJ, "")
        form = verbs.get(key)
        return form if form is not None and form.startswith(m.group(1) + ZWNJ) else None

    def fix_line(line: str) -> str:
        if "می " not in line:
            return line
        spaced = sum(1 for m in SPACED_PREFIX.finditer(line) if verb(m))
        joined = sum(1 for m in PREFIXED_WORD.finditer(line) if m.group().replace(ZWNJ, "") in verbs)
        if not spaced or joined <= spaced:
            return line
        return SPACED_PREFIX.sub(lambda m: verb(m) or m.group(0), line)

    return "\n".join(fix_line(line) for line in text.split("\n"))

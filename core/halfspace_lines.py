"""Spaces a line's writer typed, kept in a text whose half-spaces were lost both
ways, deleted and typed as spaces (the seed; ``zwnj.py --lost mixed``).

There a spaced pair can be a lost half-space or the writer's own space ('می
شود', 'برنامه های': writers who never type a half-space). The line tells
which: a writer who types half-spaces, whose half-spaces were then lost half
one way and half the other, leaves deleted ones ('کارتهای') beside the spaced
ones; a writer who types spaces leaves none. So a line with ``line_spaced_min``
pairs or more to join and no deleted half-space, nor in the ``line_window``
lines either side (a paragraph's neighbours are mostly the same article's,
and a short paragraph may lose all its half-spaces one way), is left as
written; a line with ``line_alone_min`` pairs or more is read alone (a
writer who half-spaces that often leaves deleted ones in the line itself).

Only in such a text: in a text whose half-spaces were all typed as spaces no
line has a deleted one. The text says which it is by its prefixed verbs
(``halfspace_spaced.spaced_and_deleted``): written as one word (deleted or with
a half-space) at least once for every ``one_word_per_spaced_lines`` spaced.
"""

from __future__ import annotations

import bisect
import collections
import itertools
import operator

from .halfspace import ZWNJ
from .halfspace_joined import restores
from .halfspace_lexicon import lexicon, rules


def keep_spaced_lines(parts: list[str], joins: list[tuple[int, int, str, str, str]]) -> bool:
    """Undo the ``joins`` made in lines whose writer spaces (see above), in place.

    ``parts``: words and the text between them, alternately, as
    ``halfspace_spaced.join_spaced_words`` splits a text (between, word,
    between ...); ``joins``: (second word's index, first word's index, the
    three parts the join replaced), in order. -> whether any join is left."""
    # The words after a line break (picked at C speed): word j is on line bisect_right(breaks, j).
    breaks = list(itertools.compress(itertools.count(), map(operator.contains, parts[0::2], itertools.repeat("\n"))))
    line_of = {i: bisect.bisect_right(breaks, i) for i, *_ in joins}
    per_line = collections.Counter(line_of.values())
    r = rules()
    words, known = parts[1::2], lexicon().words
    deleted: dict[int, bool] = {}

    def has_deleted(line: int) -> bool:
        # A word of the line, as written (not a pair joined here: it holds a
        # half-space), that the repair gives a half-space. hazm's words are
        # left as they are, and skipped at C speed.
        if line not in deleted:
            start = breaks[line - 1] if 0 < line <= len(breaks) else 0 if line <= 0 else len(words)
            end = breaks[line] if 0 <= line < len(breaks) else 0 if line < 0 else len(words)
            unknown = itertools.filterfalse(known.__contains__, words[start:end])
            deleted[line] = any(map(restores, (w for w in unknown if w and ZWNJ not in w)))
        return deleted[line]

    kept = set()
    for line, n in per_line.items():
        # A line with line_alone_min pairs or more is long enough to show its own deleted half-spaces.
        near = [line] if n >= r.line_alone_min else _nearest_first(line, r.line_window)
        if n >= r.line_spaced_min and not any(map(has_deleted, near)):
            kept.add(line)
    if not kept:
        return True
    for i, head, *replaced in reversed(joins):
        if line_of[i] in kept:
            parts[2 * head + 1], parts[2 * i + 2], parts[2 * i + 3] = replaced
    return len(kept) < len(per_line)


def _nearest_first(line: int, span: int) -> list[int]:
    return [line, *itertools.chain.from_iterable((line - d, line + d) for d in range(1, span + 1))]

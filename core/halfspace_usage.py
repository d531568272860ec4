"""The text's own usage: letters left joined that the same text writes as two
words elsewhere ('جام جهانی' ... 'جامجهانی' -> 'جام‌جهانی'), step 6 of
``halfspace``."""

from __future__ import annotations

import collections
import functools
import itertools
import operator
import re
from collections.abc import Callable

from .halfspace import LETTERS, MARKS, ZWNJ
from .halfspace_joined import unknown_to_hazm
from .halfspace_lexicon import lexicon, rules


_PERSIAN_LETTERS = re.compile(f"[{LETTERS}]+")
# Anything but letters, spaces and tabs: a line break, punctuation, digits.
_NOT_LETTERS = re.compile(f"[^{LETTERS} \t]+")


def written_apart(blocks: list[str]) -> dict[str, str]:
    """Letters left joined in a text that the same text also writes as two
    words, separated by a space ('کی روش', 'جام جهانی'), at least
    ``seen_apart_min`` times: a half-space was lost there ('کیروش' ->
    'کی‌روش'). Only letters hazm does not know, after the repair, cut one way
    alone, after a letter that joins the next, into parts that are not
    function words ('کهروش' is 'که روش' with a lost space). -> {letters:
    the letters with a half-space at the cut}.

    ``blocks``: the repaired text, in pieces. Half-spaces are left out of what
    is read, so that the text with these words split, read again, gives the
    same."""
    r, lex = rules(), lexicon()

    # Words, and a barrier for anything else between them ('جهانی.' is
    # 'جهانی' and a barrier: 'جام، جهانی' and 'جام\nجهانی' are not two words
    # written apart).
    plain = [_NOT_LETTERS.sub(" \0 ", block.replace(ZWNJ, "")) for block in blocks]
    seen: set[str] = set().union(*(text.split() for text in plain))
    apart_pairs: collections.Counter[str] = collections.Counter()
    for ws in (text.split() for text in plain):
        # Most texts write no unknown word both ways: set operations say so at C speed.
        both = seen.intersection(map(operator.add, ws, ws[1:]))
        cuts = {glued[:i] + " " + glued[i:] for glued in both
                if _PERSIAN_LETTERS.fullmatch(glued) and unknown_to_hazm(lex, glued)
                for i in range(r.apart_min_part, len(glued) - r.apart_min_part + 1)
                if glued[i - 1] not in r.non_joining
                and glued[:i] not in r.not_after_ezafe and glued[i:] not in r.not_after_ezafe}
        if cuts:
            apart_pairs.update(filter(cuts.__contains__, map(" ".join, zip(ws, ws[1:]))))
    ways: dict[str, list[str]] = {}
    for pair, n in apart_pairs.items():
        if n >= r.seen_apart_min:
            ways.setdefault(pair.replace(" ", ""), []).append(pair)
    return {glued: pairs[0].replace(" ", ZWNJ) for glued, pairs in ways.items() if len(pairs) == 1}


def words_in(text: str, apart: dict[str, str]) -> set[str]:
    """The words of ``apart`` that the text has (or holds in a protected span)."""
    return apart.keys() & set(_PERSIAN_LETTERS.findall(text))


def apart_splitter(apart: dict[str, str], words: set[str]) -> Callable[[str], str]:
    """A function that splits these words of ``apart`` (see :func:`written_apart`)
    where they stand whole in a text (prose: no URL or other protected span)."""
    alternatives = "|".join(map(re.escape, sorted(words, key=len, reverse=True)))
    pattern = re.compile(f"(?<![{LETTERS}{MARKS}{ZWNJ}])(?:{alternatives})(?![{LETTERS}{MARKS}{ZWNJ}])")
    return functools.partial(pattern.sub, lambda m: apart[m.group()])


# A word written with a half-space.
_HALFSPACED = re.compile(f"[{LETTERS}]+(?:{ZWNJ}[{LETTERS}]+)+")


def written_joined(blocks: list[str]) -> dict[str, str]:
    """Two words written apart, with a space, that the same text writes as one
    word with a half-space at that cut at least as often ('کارت های' ...
    'کارت‌های', 'گیتی پسند' ... 'گیتی‌پسند'): the text's own usage, for a
    text whose spaces may stand for half-spaces (see
    ``halfspace_spaced.spaces_stand_for_halfspaces``). Not a function word,
    nor parts of one letter. -> {'X Y': 'X‌Y'}

    ``blocks``: the text repaired, in pieces: its half-spaces, the writers'
    and those put back where one was deleted ('خانهکتاب' -> 'خانه‌کتاب', the
    same word as 'خانه کتاب'). Read on the repaired text, the answer is the
    same when the text is repaired again (reading the half-spaces of the text
    as given was not: a second run reads the first run's as given). Once the
    pairs are joined, the repaired text read again finds no more pairs."""
    r = rules()
    # The words with a half-space: the tokens that hold one, picked at C speed, then read.
    tokens = [token for block in blocks if ZWNJ in block for token in block.split()]
    words = _HALFSPACED.findall(" ".join(itertools.compress(tokens, map(operator.contains, tokens, itertools.repeat(ZWNJ)))))
    joined = collections.Counter(["".join(parts[:k]) + " " + "".join(parts[k:])
                                  for parts in map(operator.methodcaller("split", ZWNJ), words) for k in range(1, len(parts))])
    if not joined:
        return {}
    firsts = {pair[: pair.index(" ")] for pair in joined}
    apart: collections.Counter[str] = collections.Counter()
    for block in blocks:
        ws = _NOT_LETTERS.sub(" \0 ", block.replace(ZWNJ, "")).split()
        # only the pairs whose first word starts a pair written joined are spelled out
        pairs = itertools.compress(zip(ws, ws[1:]), map(firsts.__contains__, ws))
        apart.update(filter(joined.__contains__, map(" ".join, pairs)))
    return {pair: pair.replace(" ", ZWNJ) for pair, n in apart.items()
            if joined[pair] >= n and min(map(len, pair.split(" "))) >= r.apart_min_part
            and not any(part in r.not_after_ezafe for part in pair.split(" "))
            and pair[pair.index(" ") - 1] not in r.non_joining}


def pairs_in(text: str, joined: dict[str, str]) -> set[str]:
    """The pairs of ``joined`` that the text may have."""
    ws = _PERSIAN_LETTERS.findall(text)
    firsts = {pair[: pair.index(" ")] for pair in joined}
    return joined.keys() & set(map(" ".join, itertools.compress(zip(ws, ws[1:]), map(firsts.__contains__, ws))))


"""A big HTML page read in a window, so its cost stays bounded.

A news page is a few hundred lines. A 50 MB page of 480,000 lines took 81 s and 1.15 GB
through the text pipeline, which is linear but costs about 0.2 ms a line. So a page of
over ``MAX_LINES`` lines is read in a window: the article region (core/html_read.py) and
the ``BEFORE_REGION`` lines just above it (the headline, the surtitle, the date), at most
``MAX_LINES`` lines in all; a page with no region, its first ``MAX_LINES``. The walk
skips the subtrees far before the region (found by counting their block elements, each
count stopping at what is left of the budget) and stops at the window's end, or after
``MAX_ELEMENTS``; the window holds at most ``MAX_CHARS`` characters. Pages under these
bounds are read whole, as before. Before parsing, a page of over ``MAX_TAGS`` tags or
nested over ``MAX_DEPTH`` deep is refused (:func:`check_tags`).
"""

from __future__ import annotations

import re
from dataclasses import replace
from itertools import accumulate
from typing import Any

from selectolax.lexbor import LexborHTMLParser, LexborNode

from khabar.core.errors import InputError

MAX_LINES = 5000
BEFORE_REGION = 1000
# The text pipeline costs about 1.2 s a MB of text (a 17 MB page of one <p>: 21 s): the
# window holds at most MAX_CHARS characters, no line over MAX_LINE_CHARS (a news article
# is some thousands of characters, a paragraph some hundreds).
MAX_CHARS = 2_000_000
MAX_LINE_CHARS = 100_000
# The parser's tree costs about 300 bytes an element, and reading the elements in Python
# some 10-20 us each: a page of over MAX_TAGS tags (counted as "<" before parsing, an upper
# bound) is refused. A news page has some thousands; 2.8 million tags (a 49 MB page of short
# blocks) took 1.04 GB, 990,000 (330,000 "<p><b><i>", 9 MB) 12 s and 708 MB.
MAX_TAGS = 500_000
# The walk of a big page stops after this many elements (inline ones do not end lines, so
# the line window alone does not bound a page of nested <b><i><u>).
MAX_ELEMENTS = 300_000
# The parser's time grows with the square of the nesting of block containers (each start
# tag looks through the open elements: 10,000 deep 0.4 s, 20,000 1.6 s, 40,000 8.4 s,
# 100,000 over a minute), so a page nested deeper than MAX_DEPTH is refused before parsing.
MAX_DEPTH = 20_000
CONTAINER_TAG = re.compile(rb"<(/?)(?:div|section|article|aside|nav|header|footer|main|ul|ol|dl|blockquote|"
                           rb"center|address|details|dialog|fieldset|figure|figcaption|hgroup|menu|summary)"
                           rb"(?=[\s>/])", re.I)
# How many elements deep the search for the window's start goes (each step counts a subtree).
MAX_DESCENT = 64


def _blocks_over(node: LexborNode, blocks: frozenset[str], limit: int) -> int:
    """The block elements in ``node``'s subtree (itself included), counted up to ``limit + 1``:
    a bound on the lines it gives, found without walking a big subtree to its end."""
    n = 0
    for element in node.traverse():
        if element.tag in blocks:
            n += 1
            if n > limit:
                break
    return n


def _prev_of(node: LexborNode | None) -> LexborNode | None:
    """The node before ``node`` in document order at its level or above (not a descendant)."""
    while node is not None and node.prev is None:
        node = node.parent
    return node.prev if node is not None else None


def window_start(tree: LexborHTMLParser, region: LexborNode | None, blocks: frozenset[str],
                 max_lines: int = MAX_LINES, before: int = BEFORE_REGION) -> dict[int, LexborNode | None] | None:
    """Where the walk of a page too big to read whole starts: for each element on the way
    down to the window's first subtree (by ``mem_id``), the child to start its walk at
    (None: no child); an empty dict when the window starts at the top; None when the
    page is not that big."""
    root = tree.body or tree.root
    blocks = blocks | {"br"}
    if root is None or _blocks_over(root, blocks, max_lines) <= max_lines:
        return None
    if region is None:
        return {}
    # Walk back from the region, counting the lines each earlier subtree can give;
    # one too big to take whole is stepped into, its last child first.
    budget, descents = before, 0
    cand = _prev_of(region)
    while cand is not None and budget > 0:
        if cand.is_element_node:
            n = max(1, _blocks_over(cand, blocks, budget))
            if n > budget and cand.last_child is not None and descents < MAX_DESCENT:
                budget, descents = budget - 1, descents + 1
                cand = cand.last_child
                continue
            budget -= n
        cand = _prev_of(cand)
    if cand is None:
        return {}
    # ``cand`` and all before it are skipped: each ancestor's walk starts after that point.
    start: dict[int, LexborNode | None] = {}
    node, first = cand, cand.next
    while node.parent is not None:
        start[node.parent.mem_id] = first
        node, first = node.parent, node.parent
    return start


def check_tags(data: bytes | str, path: str) -> None:
    """Refuse a page with more tags than the parser's tree may hold, or nested deeper than
    it parses in good time (InputError)."""
    tags = data.count(b"<" if isinstance(data, bytes) else "<")
    if tags > MAX_TAGS:
        raise InputError(f"{path}: an HTML page of {tags:,} tags is over the limit of {MAX_TAGS:,} "
                         "(a news page has some thousands); skipped")
    if tags > MAX_DEPTH:  # fewer tags cannot nest that deep
        raw = data if isinstance(data, bytes) else data.encode("utf-8", "replace")
        depth = max(accumulate(-1 if slash else 1 for slash in CONTAINER_TAG.findall(raw)), default=0)
        if depth > MAX_DEPTH:
            raise InputError(f"{path}: an HTML page nested {depth:,} elements deep is over the limit of "
                             f"{MAX_DEPTH:,}; skipped")


def _cut(text: str, size: int) -> str:
    """``text`` cut to at most ``size`` characters, at a space when there is one near the end."""
    if len(text) <= size:
        return text
    space = text.rfind(" ", size - 1000, size)
    return text[:space if space > 0 else size]


def trim_text(lines: list[Any], first: int, max_chars: int = MAX_CHARS,
              line_chars: int = MAX_LINE_CHARS) -> list[Any] | None:
    """The lines (HtmlLine) cut to ``max_chars`` in all and ``line_chars`` each, kept from
    line ``first`` (the article region's first) on and then above it; None when they fit."""
    if all(len(line.text) <= line_chars for line in lines) and sum(len(line.text) for line in lines) <= max_chars:
        return None
    lines = [line if len(line.text) <= line_chars else replace(line, text=_cut(line.text, line_chars))
             for line in lines]
    if sum(len(line.text) for line in lines) <= max_chars:
        return lines
    budget, last = max_chars, first
    while last < len(lines) and budget > 0:  # the region and what follows it first
        budget -= len(lines[last].text)
        last += 1
    start = first
    while start > 0 and budget - len(lines[start - 1].text) >= 0:  # then the lines above it
        start -= 1
        budget -= len(lines[start].text)
    if budget < 0:  # the last line taken is cut to what is left
        lines[last - 1] = replace(lines[last - 1], text=_cut(lines[last - 1].text, len(lines[last - 1].text) + budget))
    return lines[start:last]


def window_warning(read: int, has_region: bool) -> str:
    where = "the article's region and the lines above it" if has_region else "its first lines: no article region"
    return (f"a page too big to read whole (over {MAX_LINES:,} lines or {MAX_CHARS:,} characters): "
            f"{read:,} lines of it were read ({where})")

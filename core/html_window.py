"""A big HTML page read in a window, so its cost stays bounded.

A news page is a few hundred lines. A 50 MB page of 480,000 lines took 81 s and 1.15 GB
through the text pipeline, which is linear but costs about 0.2 ms a line. So a page of
over ``MAX_LINES`` lines is read in a window: the article region (core/html_read.py) and
the ``BEFORE_REGION`` lines just above it (the headline, the surtitle, the date), at most
``MAX_LINES`` lines in all; a page with no region, its first ``MAX_LINES``. The walk
skips the subtrees far before the region (found by counting block elements, in C) and
stops at the window's end. Pages under the limit are read whole, as before.
"""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser, LexborNode

from khabar.core.errors import InputError

MAX_LINES = 5000
BEFORE_REGION = 1000
# The parser's tree costs about 300 bytes an element: a page of over MAX_TAGS tags (counted
# as "<" before parsing, an upper bound) is refused, which holds a worker near 500 MB. A news
# page has some thousands; 2.8 million tags (a 49 MB page of short blocks) took 1.04 GB.
MAX_TAGS = 1_000_000
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
    """Refuse a page with more tags than the parser's tree may hold (InputError)."""
    tags = data.count(b"<" if isinstance(data, bytes) else "<")
    if tags > MAX_TAGS:
        raise InputError(f"{path}: an HTML page of {tags:,} tags is over the limit of {MAX_TAGS:,} "
                         "(a news page has some thousands); skipped")


def window_warning(read: int, has_region: bool) -> str:
    where = "the article's region and the lines above it" if has_region else "its first lines: no article region"
    return f"a page of over {MAX_LINES:,} lines: only {read:,} of them were read ({where})"

"""An HTML page's visible text as khabar's lines, each with what the markup says about it.

Block elements become lines, ``<br>`` breaks one; ``script``, ``style``, ``noscript``,
``template``, ``svg`` and hidden elements are dropped; entities are decoded by the
parser. Each line carries DOM hints (:class:`Hints`): the semantic containers it is
inside (nav, header, footer, aside, form), its link density, list membership, heading
level, the class/id words of its ancestors (menu, footer, related, share, comment,
tags, breadcrumb …, as data in ``data/html.toml``) and whether it lies in the page's
article region: ``itemprop="articleBody"``, else the parent of the densest run of
``<p>`` (widened to its ``<article>``), else the largest ``<article>``.

Parser: selectolax on lexbor, not lxml. Measured (benchmarks/html_parsers.py, 72 pages
of benchmarks/htmlpages in 12 Persian site styles, best of 7, 2 shared cores): parse
and walk lexbor 7,000 pages/s, lxml 3,500; a page nested 10,000 deep: lexbor keeps
the text (0.24 s), lxml loses it silently (libxml2's depth limit); a 49 MB page:
lexbor 1.05 s, lxml 1.66 s; malformed and unclosed markup: both keep the text.
lexbor does not read a ``<meta charset>`` itself (lxml does), so khabar decodes the
bytes first (core/html_input.py) and gives the parser text.

The walk is iterative (an explicit stack), so depth costs no recursion.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple

from selectolax.lexbor import LexborHTMLParser, LexborNode

from khabar.core.html_input import html_data as _html_data
from khabar.core.html_window import (BEFORE_REGION, MAX_ELEMENTS, MAX_LINE_CHARS, MAX_LINES, trim_text,
                                     window_start)

SPACES = re.compile(r"\s+")
WORD_SPLIT = re.compile(r"[\s_\-]+|(?<=[a-z])(?=[A-Z])")
HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
LISTS = {"li", "ul", "ol", "dl", "dd", "dt"}
# Inline elements that stand apart on screen (a label and its value in two spans, links
# side by side): a space on each side, so their words never fuse. Not b/i/em/strong,
# which can mark part of a word.
SPACED = {"span", "a", "time", "label", "small", "cite", "abbr", "img", "sup", "sub", "bdi", "q"}
SPACE = object()  # a stack entry: put a space here
# The text a line is made of is read to twice its bound (spaces fold), not further.
PIECES_CAP = 2 * MAX_LINE_CHARS
# Letters of prose an article region holds at least (a footer's few <p> lines are no article).
MIN_RUN = 250


@dataclass(frozen=True)
class Hints:
    """What the markup says about one line (features beside the text's own)."""

    containers: frozenset[str] = frozenset()  # nav, header, footer, aside, form around it
    words: frozenset[str] = frozenset()  # hint names of its ancestors' class/id words
    in_list: bool = False
    heading: int = 0  # 1–6 inside <h1>–<h6>, else 0
    in_article: bool = False  # inside the article region
    paragraph: bool = False  # inside a <p>
    bold: bool = False  # all its text inside <strong>/<b>
    link_density: float = 0.0  # share of its letters inside links

    def as_dict(self) -> dict:
        out: dict = {}
        if self.containers:
            out["in"] = sorted(self.containers)
        if self.words:
            out["words"] = sorted(self.words)
        if self.in_list:
            out["list"] = True
        if self.heading:
            out["heading"] = self.heading
        if self.in_article:
            out["article"] = True
        if self.paragraph:
            out["p"] = True
        if self.bold:
            out["bold"] = True
        if self.link_density:
            out["links"] = round(self.link_density, 2)
        return out


@dataclass(frozen=True)
class HtmlLine:
    text: str
    hints: Hints


@dataclass
class Page:
    """The parsed page: its lines, the DOM's tag lists, and the tree for the head's metadata."""

    lines: list[HtmlLine]
    tags: list[str] = field(default_factory=list)  # link texts of a tags container
    has_region: bool = False
    tree: LexborHTMLParser | None = None
    windowed: bool = False  # a page over MAX_LINES read in a window, lines left unread (core/html_window.py)


class _Ctx(NamedTuple):  # a tuple: one is made for many elements of a page
    containers: frozenset[str] = frozenset()
    words: frozenset[str] = frozenset()
    in_list: bool = False
    heading: int = 0
    in_article: bool = False
    paragraph: bool = False
    link: bool = False
    bold: bool = False


def _word_index() -> dict[str, str]:
    index = {}
    for hint, words in _html_data()["words"].items():
        for word in words:
            index.setdefault(word, hint)
    return index


def _class_words(attrs: dict) -> frozenset[str]:
    value = " ".join(v for v in (attrs.get("class"), attrs.get("id"), attrs.get("role"),
                                 attrs.get("itemprop")) if v)
    return _words_of(value) if value else frozenset()


@lru_cache(maxsize=4096)  # a site repeats its class names on every element of a list
def _words_of(value: str) -> frozenset[str]:
    index = _settings()["index"]
    return frozenset(index[t] for t in (t.lower() for t in WORD_SPLIT.split(value)) if t in index)


def _hidden(attrs: dict) -> bool:
    if not attrs:
        return False
    if "hidden" in attrs or (attrs.get("aria-hidden") or "").lower() == "true":
        return True
    if HIDDEN_STYLE.search(attrs.get("style") or ""):
        return True
    classes = (attrs.get("class") or "").lower().split()
    return any(c in _settings()["hidden"] for c in classes)


_cache: dict = {}


def _settings() -> dict:
    if not _cache:
        data = _html_data()
        _cache.update(dropped=frozenset(data["dropped"]), blocks=frozenset(data["blocks"]),
                      containers=frozenset(data["containers"]), index=_word_index(),
                      hidden=frozenset(data["hidden"]["classes"]))
    return _cache


def _children(node: LexborNode, first: LexborNode | None | bool = True) -> list[LexborNode]:
    """Its children; from ``first`` on when given (None: none)."""
    out, child = [], node.child if first is True else first
    while child is not None:
        out.append(child)
        child = child.next
    return out


def _inside_link(node: LexborNode, up: int = 4) -> bool:
    parent = node.parent
    for _ in range(up):
        if parent is None:
            return False
        if parent.tag == "a":
            return True
        parent = parent.parent
    return False


def _link_share(node: LexborNode, letters: int) -> float:
    return sum(len(SPACES.sub(" ", a.text(deep=True)).strip()) for a in node.css("a")) / max(letters, 1)


def _region(tree: LexborHTMLParser) -> LexborNode | None:
    """The article's element: itemprop=articleBody, else the densest <p> run's parent
    (widened to the <article> around it), else the largest <article>."""
    marked = tree.css_first('[itemprop="articleBody"], [itemprop="articlebody"]')
    if marked is not None:
        return marked
    weight: dict[int, int] = {}
    nodes: dict[int, LexborNode] = {}
    for p in tree.css("p"):
        parent = p.parent
        if parent is None or _inside_link(p):
            continue
        text = SPACES.sub(" ", p.text(deep=True)).strip()
        if len(text) < 40:  # captions, buttons, meta lines: not a paragraph of prose
            continue
        if p.css_first("a") is not None and _link_share(p, len(text)) >= 0.5:
            continue  # a teaser: a paragraph that is a link to another page

        weight[parent.mem_id] = weight.get(parent.mem_id, 0) + len(text)
        nodes[parent.mem_id] = parent
    if weight and max(weight.values()) >= MIN_RUN:
        best = nodes[max(weight, key=weight.get)]
        up = best
        for _ in range(6):  # an <article> close above holds the headline and the lead too
            up = up.parent
            if up is None:
                break
            if up.tag == "article":
                return up
        return best
    articles = tree.css("article")
    if articles:
        return max(articles, key=lambda a: len(a.text(deep=True)))
    # Old table layouts: paragraphs as text cut by <br> in one cell, no <p> at all.
    cells = [(len(SPACES.sub(" ", n.text(deep=False)).strip()), n) for n in tree.css("td, div, section, main")]
    size, best = max(cells, key=lambda c: c[0], default=(0, None))
    return best if size >= MIN_RUN else None


def read_html(text: str, max_lines: int = MAX_LINES, before: int = BEFORE_REGION,
              max_elements: int = MAX_ELEMENTS) -> Page:
    """The page's lines with their hints, and the texts of its tag links; a page over
    ``max_lines`` lines in a window of them (the region and ``before`` lines before it)."""
    tree = LexborHTMLParser(text)
    settings = _settings()
    dropped, blocks, containers = settings["dropped"], settings["blocks"], settings["containers"]
    region = _region(tree)
    region_id = region.mem_id if region is not None else None
    start = window_start(tree, region, blocks, max_lines, before)
    lines: list[HtmlLine] = []
    tags: list[str] = []
    pieces: list[tuple[str, _Ctx]] = []

    def flush() -> None:
        if not pieces:
            return
        if len(pieces) > 64 and sum(len(p) for p, _ in pieces) > PIECES_CAP:  # a huge line: its start
            size = 0
            for n, (p, _) in enumerate(pieces):
                size += len(p)
                if size > PIECES_CAP:
                    del pieces[n + 1:]
                    break
        joined = SPACES.sub(" ", "".join(p for p, _ in pieces)).strip()
        if joined:
            # Characters other than spaces: counted per piece with C string methods (pages can be big).
            letters = len(joined) - joined.count(" ") or 1
            linked = sum(len(p) - p.count(" ") - p.count("\n") for p, c in pieces if c.link)
            first = next(c for p, c in pieces if p.strip())
            lines.append(HtmlLine(joined, Hints(
                containers=first.containers, words=first.words, in_list=first.in_list,
                heading=max(c.heading for _, c in pieces), in_article=first.in_article,
                paragraph=first.paragraph, bold=all(c.bold for p, c in pieces if p.strip()),
                link_density=min(1.0, linked / letters))))
        pieces.clear()

    root = tree.body or tree.root
    if root is None:
        return Page([], tree=tree)
    stack: list[tuple] = [(root, _Ctx())]
    entered, cut, elements = False, bool(start), 0  # cut: lines left unread
    while stack:
        if len(lines) >= max_lines and start is not None:
            cut = True
            if entered or region_id is None:
                break
            del lines[:len(lines) - before]  # still before the region: its last ``before`` lines
        node, ctx = stack.pop()
        if node is None:  # the end of a block
            flush()
            continue
        if node is SPACE:
            pieces.append((" ", ctx))
            continue
        if node.is_text_node:
            text = node.text_content or ""
            pieces.append((text if len(text) <= PIECES_CAP else text[:PIECES_CAP], ctx))
            continue
        if not node.is_element_node:
            continue
        elements += 1
        if elements > max_elements:
            cut = True
            break
        tag = node.tag
        if tag in dropped:
            continue
        attrs = node.attributes
        if _hidden(attrs):
            continue
        if tag == "br" or tag == "hr":
            flush()
            continue
        words = _class_words(attrs)
        here = region_id is not None and node.mem_id == region_id
        if here:
            if start is not None and len(lines) > before:  # the window starts ``before`` lines above it
                del lines[:len(lines) - before]
                cut = True
            entered = True
        new = ctx
        if words or tag in containers or tag in LISTS or tag in HEADINGS or tag in ("p", "a", "strong", "b") \
                or here:
            new = _Ctx(containers=ctx.containers | {tag} if tag in containers else ctx.containers,
                       words=ctx.words | words, in_list=ctx.in_list or tag in LISTS,
                       heading=HEADINGS.get(tag, ctx.heading), in_article=ctx.in_article or here,
                       paragraph=ctx.paragraph or tag == "p", link=ctx.link or tag == "a",
                       bold=ctx.bold or tag in ("strong", "b"))
        if tag == "a" and "tags" in new.words:
            tag_text = SPACES.sub(" ", node.text(deep=True)).strip().lstrip("#").strip()
            if tag_text:
                tags.append(tag_text)
        if tag in blocks:
            flush()
            stack.append((None, None))
        elif tag in SPACED:
            pieces.append((" ", ctx))
            stack.append((SPACE, ctx))
        if start and node.mem_id in start:  # a big page: the subtrees far before its window skipped
            stack.extend((child, new) for child in reversed(_children(node, start[node.mem_id])))
        else:
            stack.extend((child, new) for child in reversed(_children(node)))
    flush()
    trimmed = trim_text(lines, next((i for i, line in enumerate(lines) if line.hints.in_article), 0))
    if trimmed is not None:
        lines, cut = trimmed, True
    return Page(lines, tags=tags, has_region=region is not None, tree=tree, windowed=cut)

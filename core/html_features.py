"""An HTML page's DOM hints as classifier features, beside the text's own.

The classifier (core/classify.py) scores each line from its text — prose earns its words,
a short line or a menu item costs — and takes the densest run as the article. On an HTML
page the markup says more, and ``weigh`` folds it into those scores:

- a short line that is a paragraph of the article's own (``<p>`` or list item in the article region,
  no links, no boilerplate class word) costs nothing: fifteen one-line ``<p>`` (names,
  results) no longer cut the run and lose the paragraphs above them;
- a line mostly of links outside the article region earns nothing: a teaser list's
  leads and headlines are not prose of the page.

Which lines go out before classification is still html_page.left_out's (two hints agreeing).

A folder's template (core/template.py: lines many of its pages repeat) applies to an HTML
page's lines as to a text page's, except to the article's own paragraphs: a team's name in
a line-up or a recurring phrase in a ``<p>`` of the article region is text, however often
the site prints it (a recurring image caption or menu still goes).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from khabar.core.html_read import Hints, HtmlLine
from khabar.core.model import Line
from khabar.core.template import Template, line_key
from khabar.core.thresholds import DEFAULT

# Class words that make a line boilerplate whatever its container (data/html.toml's names).
BOILER_WORDS = frozenset({"menu", "footer", "related", "share", "comment", "breadcrumb", "ad", "meta", "tags"})
# The classes (core/classify.Class values) of short lines a run of the article may hold.
SHORT_CLASSES = frozenset({"short", "menu"})
DENSE_LINKS = 0.5


def own_paragraph(hints: Hints) -> bool:
    """A ``<p>`` or list item of the article region with no link and no boilerplate class word."""
    return hints.in_article and (hints.paragraph or hints.in_list) and not hints.link_density \
        and not hints.words & BOILER_WORDS


def weigh_for(hints: Sequence[Hints], has_region: bool) -> Callable[[Line, str, float], float]:
    """classify's ``weigh`` for a page whose text line n (1-based) has ``hints[n - 1]``."""
    cost = DEFAULT.short_cost

    def weigh(line: Line, cls: str, score: float) -> float:
        found = [hints[n - 1] for n in line.numbers if 0 < n <= len(hints)]
        if not found:
            return score
        if score < 0 and cls in SHORT_CLASSES and all(own_paragraph(h) for h in found):
            return 0.0
        if score > 0 and has_region and all(not h.in_article and h.link_density >= DENSE_LINKS for h in found):
            return -cost
        return score

    return weigh


def page_template(template: Template | None, lines: Sequence[HtmlLine]) -> Template | None:
    """The folder's template as it applies to this page: without its own paragraphs' lines."""
    if not template:
        return template
    own = {line_key(line.text) for line in lines if own_paragraph(line.hints)}
    return Template(template.keys - own) if own & template.keys else template

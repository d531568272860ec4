"""Tags a page shows with no label: a run of a few short items right after the
article, each a word or phrase the article itself uses ("گردشگری" / "استان" /
"بین بخشی" under a text about tourism in a province), before the page's
buttons or lists. A menu or a list of other headlines does not repeat the
article's own words item by item, so the run is read as the page's tags.
"""

from __future__ import annotations

from khabar.core.chars import fold
from khabar.core.model import KEPT, Kind, Labeled, Role, role_of

MIN_ITEMS = 2
MAX_ITEMS = 10
MAX_ITEM_WORDS = 4
# The lines a tag may have been taken for.
REMOVED_AS = ("menu", "outside-article", "link-list", "navigation", "template")


def tags_after_article(lines: list[Labeled]) -> list[Labeled]:
    body = [i for i, item in enumerate(lines) if item.kind in (Kind.PARAGRAPH, Kind.LEAD, Kind.SUBHEADING)]
    if not body or any(role_of(item.reason) in (Role.TAG, Role.TAGS) for item in lines):
        return lines
    text = fold(" ".join(item.line.text for item in lines if item.kind in KEPT), remember=False)
    start = body[-1] + 1
    end = start
    while end < len(lines) and end - start < MAX_ITEMS:
        item = lines[end]
        words = item.line.text.split()
        if item.kind is not Kind.BOILERPLATE or item.reason not in REMOVED_AS or not 1 <= len(words) <= MAX_ITEM_WORDS \
                or fold(item.line.text) not in text:
            break
        end += 1
    if end - start < MIN_ITEMS or (end < len(lines) and lines[end].kind in KEPT):
        return lines
    out = list(lines)
    for i in range(start, end):
        out[i] = Labeled(lines[i].line, Kind.METADATA, Role.TAG.reason)
    return out

"""Label every line of the page: article (title, surtitle, lead, paragraph,
subheading), metadata, or boilerplate with the reason.

The algorithm, in the spirit of jusText but for whole Persian pages:

1. Features of each line (:class:`Features`): words, sentence-final
   punctuation, share of stop words, the rule it matches, the metadata it holds.
2. A context-free class (:class:`Class`): PROSE (a sentence-like line), SHORT
   (a headline, menu item or subheading), SENTENCE (short but ends like a
   sentence), RULE (a boilerplate phrase), META, HEADER (opens a link list).
3. Link lists: the lines after a list header that read as headlines belong to
   the list; after a tags header they are the page's tags.
4. The article is the densest run of prose: the maximum-sum run of line scores
   (prose earns its words, everything else costs), never crossing an
   end-of-article marker. Short lines inside it are subheadings.
5. The title is the headline-like line just before the article (metadata and
   share buttons may stand between); the line above it is the surtitle when it
   reads as one; the first paragraph is the lead when the body proper follows
   ("به گزارش …") or metadata separates them.

Each step computes its labels from the previous step's, never from its own edits.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum

from khabar.core import metadata
from khabar.core.article_end import before_end_of_article
from khabar.core.chars import fold
from khabar.core.features import Features, features
from khabar.core.language import language
from khabar.core.lead import label_lead_inside
from khabar.core.lineups import is_lineup_heading
from khabar.core.model import KEPT, Kind, Labeled, Line, Role
from khabar.core.rules import Rule, RuleKind, Rules, default_rules
from khabar.core.template import Template
from khabar.core.thresholds import DEFAULT, Thresholds
# The defaults' names, where they were defined before (tests and readers look here).
from khabar.core.thresholds import (  # noqa: F401
    PROSE_MIN_WORDS, PROSE_MIN_STOPWORD_SHARE, PROSE_MAX_FOREIGN_SHARE, HEADLINE_MAX_WORDS,
    SUBHEADING_MAX_WORDS, TAIL_MAX_LINES, LIST_TAIL_MAX_LINES, MENU_MIN_LINES,
    MENU_ITEM_MAX_WORDS, FULL_TITLE_WORDS, LIST_ITEM_MAX_WORDS, TAG_MAX_WORDS,
    PROSE_SCORE_CAP, SENTENCE_SCORE, SHORT_COST, META_COST,
    RULE_COST, INLINE_BOX_MAX_ITEMS,
)



# A line, its class's name and its score in, its score out (classify's ``weigh``).
Weigh = Callable[[Line, str, float], float]


class Class(Enum):
    """A line's class before context is considered."""

    PROSE = "prose"
    SENTENCE = "sentence"
    SHORT = "short"
    RULE = "rule"
    META = "meta"
    HEADER = "header"
    LIST_ITEM = "list-item"
    TAG = "tag"
    MENU = "menu"
    TEMPLATE = "template"  # recurs across the folder's pages


def context_free_class(f: Features, t: Thresholds = DEFAULT) -> Class:
    if f.rule is not None:
        return Class.HEADER if f.rule.kind in (RuleKind.LIST_HEADER, RuleKind.TAGS_HEADER) else Class.RULE
    if f.meta is not None:
        return Class.META
    if f.has_url and f.words <= 8:
        return Class.RULE
    if f.reads_as_prose(t):
        return Class.PROSE
    if f.ends_full_stop and f.words >= 2:
        return Class.SENTENCE
    return Class.SHORT


def _list_item(line: Line, f: Features, c: Class, t: Thresholds = DEFAULT) -> bool:
    """A headline in a link list: short-ish and without a full stop."""
    return c in (Class.SHORT, Class.SENTENCE, Class.PROSE) and f.words <= t.list_item_max_words \
        and not line.text.endswith(".")


def mark_lists(lines: list[Line], feats: list[Features], classes: list[Class], t: Thresholds = DEFAULT) -> list[Class]:
    """Lines after a list header that read as headlines are list items (or tags).

    A related-news list may give each headline a teaser: a sentence right after
    a single headline, followed by the next headline or by the page's footer.
    A box inside the article ("بیشتر بخوانید") ends where the article's prose
    resumes, so prose after two or more headlines in a row ends the list; right
    after the article's prose, a sentence after one headline is a teaser only
    when the next headline has one too (a dump that strips tags may glue a
    box's headlines into one, and the article's prose then follows it).
    """
    out = list(classes)
    header: Rule | None = None
    items_in_row = teasers = 0
    in_text = False
    for i, (line, f, c) in enumerate(zip(lines, feats, classes)):
        if c is Class.HEADER:
            header, items_in_row, teasers = f.rule, 0, 0
            in_text = i > 0 and classes[i - 1] is Class.PROSE
            if header.kind is RuleKind.TAGS_HEADER and metadata.inline_tags(line.text):
                header = None  # "برچسب‌ها: a، b": the tags are on the header's line, none follow
            continue
        if header is None:
            continue
        if header.kind is RuleKind.TAGS_HEADER:
            # A tag may be a section's name too ("ورزشی").
            if (c in (Class.SHORT, Class.SENTENCE) or _is_navigation(f)) and f.words <= t.tag_max_words:
                out[i] = Class.TAG
                continue
        elif _list_item(line, f, c, t):
            out[i] = Class.LIST_ITEM
            items_in_row += 1
            continue
        elif c is Class.PROSE and items_in_row == 1 and _teaser_follows(lines, feats, classes, i + 1, teasers, t) \
                and (not in_text or teasers or _pairs_go_on(lines, feats, classes, i + 1, t)):
            out[i] = Class.LIST_ITEM
            items_in_row, teasers = 0, teasers + 1
            continue
        header = None
    return out


def _teaser_follows(lines, feats, classes, nxt: int, teasers: int, t: Thresholds = DEFAULT) -> bool:
    """After a teaser comes another headline of the list; once the list has shown
    that it pairs headlines with teasers, the page's footer may come instead."""
    if nxt >= len(lines):
        return teasers > 0
    if classes[nxt] in (Class.RULE, Class.META, Class.HEADER):
        return teasers > 0
    # A line heading a block that a label announces ("ترکیب دو تیم" / "ذوب‌آهن:") is the article's,
    # and so is a line-up's heading however its teams are laid out.
    announced = (nxt + 1 < len(lines) and lines[nxt + 1].text.endswith((":", "："))) \
        or is_lineup_heading(lines[nxt].text)
    return _list_item(lines[nxt], feats[nxt], classes[nxt], t) and classes[nxt] is not Class.PROSE and not announced


def _pairs_go_on(lines, feats, classes, nxt: int, t: Thresholds = DEFAULT) -> bool:
    """After a teaser, the next headline's teaser is followed by another headline
    or by the page's furniture, not by more prose."""
    after = nxt + 2
    if after > len(lines) or classes[nxt + 1] not in (Class.PROSE, Class.SENTENCE):
        return False  # (the page's end right after the next headline: no teaser there)
    if after == len(lines) or classes[after] in (Class.RULE, Class.META, Class.HEADER):
        return True
    return _list_item(lines[after], feats[after], classes[after], t) and classes[after] is not Class.PROSE


def mark_menus(feats: list[Features], classes: list[Class], t: Thresholds = DEFAULT) -> list[Class]:
    """Three or more short lines of a few words in a row (known menu words among
    them or not) are a menu, not headings."""
    out = list(classes)
    i = 0
    while i < len(classes):
        j = i
        while j < len(classes) and (_is_navigation(feats[j]) or
                                    (classes[j] is Class.SHORT and feats[j].words <= t.menu_item_max_words)):
            j += 1
        if j - i >= t.menu_min_lines:
            out[i:j] = [Class.MENU if c is Class.SHORT else c for c in classes[i:j]]
        i = max(j, i + 1)
    return out


def mark_template(lines: list[Line], classes: list[Class], template: Template | None) -> list[Class]:
    """Lines the site repeats on many pages are its template, whatever they look like."""
    if not template:
        return classes
    return [Class.TEMPLATE if c in (Class.PROSE, Class.SENTENCE, Class.SHORT, Class.MENU) and line.text in template
            else c for line, c in zip(lines, classes)]


def score(c: Class, f: Features, t: Thresholds = DEFAULT) -> float:
    if c is Class.PROSE:
        return min(f.words, t.prose_score_cap)
    if c is Class.SENTENCE:
        return t.sentence_score
    if c is Class.META:
        return -t.meta_cost
    if c in (Class.LIST_ITEM, Class.TAG):
        return -max(f.words, t.short_cost)
    if c in (Class.SHORT, Class.MENU):
        return -t.short_cost
    return -t.rule_cost


def _extend_back_over_inline_box(classes: list[Class], span: tuple[int, int],
                                 t: Thresholds = DEFAULT) -> tuple[int, int]:
    """The article's start, moved back over a short link box ("بیشتر بخوانید") that
    stands right above it with prose above the box: that prose is the article's
    lead, which the box's cost had cut off, and with it the title above."""
    first, last = span
    while True:
        header = first - 1
        while header >= 0 and classes[header] is Class.LIST_ITEM:
            header -= 1
        items = first - 1 - header
        if header < 1 or classes[header] is not Class.HEADER or not 1 <= items <= t.inline_box_max_items \
                or classes[header - 1] not in (Class.PROSE, Class.SENTENCE):
            return first, last
        first = header - 1
        while first > 0 and classes[first - 1] in (Class.PROSE, Class.SENTENCE):
            first -= 1


def densest_run(scores: list[float], barriers: set[int]) -> tuple[int, int] | None:
    """The maximum-sum run of scores (Kadane), not crossing a barrier line."""
    best, best_span = 0.0, None
    total, start = 0.0, 0
    for i, s in enumerate(scores):
        if i in barriers:
            total, start = 0.0, i + 1
            continue
        if total <= 0:
            total, start = 0.0, i
        total += s
        if total > best:
            best, best_span = total, (start, i)
    return best_span


CLASS_REASONS = {Class.LIST_ITEM: "link-list", Class.TAG: Role.TAG.reason, Class.MENU: "menu",
                 Class.TEMPLATE: "template"}


def _reason(c: Class, f: Features) -> str:
    """Why a line was removed: its place in a list or menu, else the rule it matched."""
    if c in CLASS_REASONS:
        return CLASS_REASONS[c]
    if f.rule is not None:
        return f.rule.name
    if c is Class.META:
        return f.meta.reason
    if f.has_url:
        return "url"
    return "outside-article"


def _headline_like(c: Class, f: Features, t: Thresholds = DEFAULT) -> bool:
    return c in (Class.SHORT, Class.SENTENCE, Class.PROSE) and 2 <= f.words <= t.headline_max_words \
        and not f.has_url


def _subheading_like(line: Line, f: Features, t: Thresholds = DEFAULT) -> bool:
    """Short, and not a list of names or a "label: value" line, which are paragraphs."""
    body = line.text.rstrip(":：")
    return f.words <= t.subheading_max_words and not any(mark in body for mark in "،,:؛")


def classify(lines: list[Line], *, rules: Rules | None = None, reference=None,
             template: Template | None = None, thresholds: Thresholds = DEFAULT,
             weigh: Weigh | None = None) -> list[Labeled]:
    """Label every line. ``reference`` (when the page was read) lets relative dates
    such as "دیروز" be recognised as the date lines they are; ``template`` holds
    the lines learnt from the page's folder (see :mod:`khabar.core.template`);
    ``thresholds`` the classifier's (see :mod:`khabar.core.thresholds`);
    ``weigh`` turns a line's score given its class into another with features beside
    the text's own (an HTML page's DOM hints, :mod:`khabar.core.html_features`)."""
    t = thresholds
    rules = rules or default_rules()
    feats = [features(line, rules, reference) for line in lines]
    classes = mark_lists(lines, feats, [context_free_class(f, t) for f in feats], t)
    classes = mark_template(lines, mark_menus(feats, classes, t), template)
    barriers = {i for i, f in enumerate(feats) if f.rule is not None and f.rule.kind is RuleKind.END_MARKER}
    scores = [score(c, f, t) for c, f in zip(classes, feats)]
    if weigh is not None:
        scores = [weigh(line, c.value, s) for line, c, s in zip(lines, classes, scores)]
    span = before_end_of_article(feats, scores, barriers, densest_run) or densest_run(scores, barriers)
    if span is not None:
        span = _extend_back_over_inline_box(classes, span, t)
    tail = len(lines)
    if span is not None:
        tail = span[1] + 1
        span = _extend_over_fragments(lines, feats, classes, span, t)

    kinds: list[Kind] = []
    reasons: list[str | None] = []
    for i, (c, f) in enumerate(zip(classes, feats)):
        inside = span is not None and span[0] <= i <= span[1]
        if inside and (c in (Class.PROSE, Class.SENTENCE) or (i >= tail and f.meta is Role.DATE)):
            kinds.append(Kind.PARAGRAPH), reasons.append(None)
        elif inside and c is Class.SHORT and not f.has_url:
            # Lines that finish the article's last sentence are text, not headings.
            kinds.append(Kind.SUBHEADING if _subheading_like(lines[i], f, t) and i < tail else Kind.PARAGRAPH)
            reasons.append(None)
        elif c in (Class.META, Class.TAG):
            kinds.append(Kind.METADATA), reasons.append(_reason(c, f))
        elif c is Class.HEADER and f.rule.kind is RuleKind.TAGS_HEADER and metadata.inline_tags(lines[i].text):
            kinds.append(Kind.METADATA), reasons.append(Role.TAGS.reason)
        else:
            kinds.append(Kind.BOILERPLATE), reasons.append(_reason(c, f))

    if span is not None:
        _label_head(lines, feats, classes, kinds, reasons, span[0], t)
    _drop_repeats(lines, kinds, reasons)
    return [Labeled(line, kind, reason) for line, kind, reason in zip(lines, kinds, reasons)]


def _is_navigation(f: Features) -> bool:
    return f.rule is not None and f.rule.kind is RuleKind.NAVIGATION


def _label_head(lines, feats, classes, kinds, reasons, start: int, t: Thresholds = DEFAULT) -> None:
    """Title, surtitle and lead above the article's first paragraph.

    Walking up from the article: first the short lines that touch it (fragments
    of its first sentence, or the title itself), then metadata and share
    buttons (a menu stops the walk: it is the page's header), then the lead
    and the title, or the title alone.
    """
    i = start - 1
    touching = []
    while i >= 0 and classes[i] in (Class.SHORT, Class.SENTENCE) and not feats[i].has_url:
        touching.append(i)
        i -= 1
    crossed = False
    while i >= 0 and classes[i] in (Class.META, Class.RULE, Class.TEMPLATE) and not _is_navigation(feats[i]):
        crossed = True
        i -= 1
    title = lead = None
    if crossed or not touching:
        if i >= 1 and classes[i] in (Class.SENTENCE, Class.PROSE) and classes[i - 1] is Class.SHORT \
                and _headline_like(classes[i - 1], feats[i - 1], t):
            title, lead = i - 1, i
        elif i >= 0 and classes[i] is Class.SHORT and _headline_like(classes[i], feats[i], t):
            title = _fuller_headline_above(feats, classes, i, t)
            # A full headline touching the article beats a few words above the metadata.
            if touching and feats[title].words < t.full_title_words <= feats[touching[0]].words:
                title = None
    if title is None and touching and _headline_like(classes[touching[0]], feats[touching[0]], t):
        title, touching = touching[0], []  # the lines above the title are not the article's
    if title is None:
        return
    # Short lines between the head and the article continue its text.
    for j in touching:
        kinds[j], reasons[j] = Kind.PARAGRAPH, None
    kinds[title], reasons[title] = Kind.TITLE, None
    if lead is not None:
        kinds[lead], reasons[lead] = Kind.LEAD, None
    above = title - 1
    if above >= 0 and classes[above] in (Class.SHORT, Class.SENTENCE) and not feats[above].has_url \
            and 2 <= feats[above].words <= t.headline_max_words \
            and _short_run_above(classes, above) < t.menu_min_lines - 1:
        kinds[above], reasons[above] = Kind.SURTITLE, None
    if lead is None:
        label_lead_inside(lines, kinds, title)


def _fuller_headline_above(feats, classes, i: int, t: Thresholds = DEFAULT) -> int:
    """A line of a name or two (an author, a section) can stand between the title
    and the article; the title is then the fuller headline just above it."""
    if feats[i].words >= t.full_title_words:
        return i
    j = i - 1
    while j >= 0 and classes[j] in (Class.META, Class.RULE, Class.TEMPLATE) and not _is_navigation(feats[j]):
        j -= 1
    if j >= 0 and classes[j] is Class.SHORT and feats[j].words >= t.full_title_words \
            and _headline_like(classes[j], feats[j], t):
        return j
    return i


def _short_run_above(classes, i: int) -> int:
    """How many short lines stand in a row directly above line i."""
    run, j = 0, i - 1
    while j >= 0 and classes[j] is Class.SHORT:
        run, j = run + 1, j - 1
    return run


def _extend_over_fragments(lines, feats, classes, span: tuple[int, int], t: Thresholds = DEFAULT) -> tuple[int, int]:
    """Short lines after the article's last paragraph that still belong to it: the
    rest of an unfinished sentence; a list that a line ending in ':' announces
    (a line-up, a fixture list with its dates), which may follow a photo credit
    and ends where the page's furniture begins; or a last short run that stands
    right before the article's footer (its source, author or end marker)."""
    first, last = span
    while last + 1 < len(lines) and not lines[last].text.endswith(language().sentence_end) \
            and classes[last + 1] in (Class.SHORT, Class.SENTENCE):
        last += 1
    start = last + 1
    while start < len(lines) and classes[start] is Class.RULE and not _is_navigation(feats[start]) \
            and (feats[start].rule is None or feats[start].rule.kind is RuleKind.BOILERPLATE):
        start += 1  # a caption or credit between the text and the list
    announced = start < len(lines) and lines[start].text.endswith((":", "："))
    limit = t.list_tail_max_lines if announced else t.tail_max_lines
    run = start
    while run < len(lines) and run - start < limit and (
            classes[run] in (Class.SHORT, Class.SENTENCE)
            or (announced and (feats[run].meta is Role.DATE or classes[run] is Class.PROSE))):
        run += 1
    if run > start:
        # The page's end closes the article as its footer would (an article-only scrape).
        ends_in_footer = run == len(lines) or _is_footer(feats[run])
        ends_in_furniture = run == len(lines) or classes[run] in (Class.RULE, Class.HEADER, Class.META, Class.MENU)
        if (ends_in_footer and start == last + 1) or (announced and ends_in_furniture):
            last = run - 1
    return first, _past_box(lines, feats, classes, last, t)


def _past_box(lines, feats, classes, last: int, t: Thresholds = DEFAULT) -> int:
    """A "بیشتر بخوانید" box may stand before the article's last lines: when text
    follows the box and the footer follows the text, the article goes on past it
    (the box's own lines stay removed)."""
    j = last + 1
    if j >= len(lines) or classes[j] is not Class.HEADER or feats[j].rule.kind is not RuleKind.LIST_HEADER:
        return last
    j += 1
    while j < len(lines) and classes[j] is Class.LIST_ITEM:
        j += 1
    end = j
    while end < len(lines) and end - j < t.tail_max_lines \
            and classes[end] in (Class.PROSE, Class.SENTENCE, Class.SHORT):
        end += 1
    if end > j and (end == len(lines) or _is_footer(feats[end])):
        return end - 1
    return last


def _is_footer(f: Features) -> bool:
    return f.meta in (Role.SOURCE, Role.AUTHOR, Role.TAGS) or \
        (f.rule is not None and f.rule.kind in (RuleKind.END_MARKER, RuleKind.TAGS_HEADER))


def _drop_repeats(lines, kinds, reasons) -> None:
    """The title repeated (in the page's title bar, in a "latest news" list) and a
    sentence the page shows twice (a pull quote) are kept once."""
    titles = {fold(lines[i].text) for i, k in enumerate(kinds) if k is Kind.TITLE}
    seen: set[str] = set()
    for i, k in enumerate(kinds):
        kept = k in KEPT
        if not (kept or (titles and k is Kind.BOILERPLATE)):
            continue
        key = fold(lines[i].text)
        if k is not Kind.TITLE and (kept or reasons[i] == "outside-article") and key in titles:
            kinds[i], reasons[i] = Kind.BOILERPLATE, "repeats-title"
        elif kept and key in seen:
            kinds[i], reasons[i] = Kind.BOILERPLATE, "repeated"
        elif kept:
            seen.add(key)

"""Clean an HTML page: its lines go through khabar's own text pipeline, then the
head's metadata fills what the visible page does not give.

The DOM hints (core/html_read.py) are evidence beside the text, never the only rule:
a line is left out before classification only when two of them agree — a boilerplate
container or class word (nav, footer, aside, form; menu, related, share, comment,
breadcrumb, ad) *and* a place outside the article region, or *and* dense links. What
is left is classified as any text page is, with the hints as features beside the text's
own (core/html_features.py: they change the scores the article's run is taken on). The
hints of every line stay on the article (``Article.hints``, shown by ``--explain``).

Head and page disagree? The page's visible value is kept and the head's goes to
``warnings``; the head fills a field the page does not show.
"""

from __future__ import annotations

from datetime import datetime

from khabar.core.chars import fold_text
from khabar.core.decode import Decoded
from khabar.core.html_features import page_template, weigh_for
from khabar.core.html_input import decode_html
from khabar.core.html_meta import HeadMeta, read_head
from khabar.core.html_read import Hints, HtmlLine, read_html
from khabar.core.html_window import check_tags, window_warning
from khabar.core.model import Article, Kind, Labeled, Line
from khabar.core.pipeline import Config, clean_text, page_warnings
from khabar.core.template import Template

# Class words and containers that mark boilerplate (the words' hint names, data/html.toml).
BOILER_WORDS = frozenset({"menu", "footer", "related", "share", "comment", "breadcrumb", "ad"})
BOILER_CONTAINERS = frozenset({"nav", "footer", "aside", "form"})
DENSE_LINKS = 0.5
ALL_LINKS = 0.8
# A short <p> mostly of link text is a "read also" box inside the body.
READ_ALSO_LINKS = 0.7
READ_ALSO_WORDS = 25
# A kept line this short with a meta class word (date, time, byline…) is a meta line, not prose.
META_LINE_WORDS = 10
# Reasons the classifier gives short lines in a run that the markup may overrule.
RUN_REASONS = frozenset({"menu", "outside-article"})


def _match_key(text: str | None) -> str:
    """Letters and digits only, in one spelling: a line before and after normalisation match."""
    return "".join(ch for ch in fold_text(text or "") if ch.isalnum()).lower()


def left_out(hints: Hints, has_region: bool, dom_tags: bool, text: str = "") -> str | None:
    """Why a line is left out before classification (two hints agreeing), or None."""
    if hints.heading == 1:
        return None
    word = bool(hints.words & BOILER_WORDS)
    container = bool(hints.containers & BOILER_CONTAINERS)
    dense = hints.link_density >= DENSE_LINKS
    if dom_tags and "tags" in hints.words and dense:
        return "html: tag links (read as tags)"
    if has_region and not hints.in_article and (word or container or (hints.in_list and dense)):
        return "html: boilerplate container outside the article"
    if (word or container) and (dense or (word and container)):
        return "html: boilerplate box (class words, container, links)"
    if hints.link_density >= ALL_LINKS and not hints.paragraph:
        return "html: a row of links, no paragraph"
    if hints.paragraph and hints.link_density >= READ_ALSO_LINKS and len(text.split()) <= READ_ALSO_WORDS:
        return "html: a paragraph that is one link (read also)"
    return None


def _box_headings(lines: list[HtmlLine], why: list[str | None]) -> None:
    """A heading outside the article whose box was left out goes with it ("پربازدیدترین‌ها")."""
    for i in range(len(lines) - 2, -1, -1):
        hints = lines[i].hints
        if why[i] is None and why[i + 1] and not hints.in_article and hints.heading >= 2:
            why[i] = "html: the heading of a box left out"


def clean_html(decoded: Decoded, *, path: str = "-", config: Config = Config(),
               reference: datetime | None = None, template: Template | None = None) -> Article:
    page = read_html(decoded.text)
    head = read_head(page.tree)
    page.tree = None  # the DOM is done with: a big page's tree is not held through classification
    why = [left_out(line.hints, page.has_region, bool(page.tags), line.text) for line in page.lines]
    _box_headings(page.lines, why)
    kept = [line for line, w in zip(page.lines, why) if w is None]
    removed = [(line, w) for line, w in zip(page.lines, why) if w is not None]
    article = clean_text("\n".join(line.text for line in kept), path=path, config=config,
                         reference=reference, encoding=decoded.encoding, template=page_template(template, kept),
                         weigh=weigh_for([line.hints for line in kept], page.has_region))
    _renumber(article, page.lines, kept, removed)
    _title_from_head(article, head, page.lines)
    _second_look(article, page.lines, head)
    _fill_from_head(article, head, kept, page.tags, page.lines)
    if page.windowed:
        article.warnings.append(window_warning(len(page.lines), page.has_region))
    return article


def _second_look(article: Article, lines: list[HtmlLine], head: HeadMeta) -> None:
    """Where the markup and the classifier's text rules disagree and the markup has two
    hints: a run of short lines in the article's region below its first paragraph with no
    link (a line-up, a list of results) is text, not a menu; a short kept line with a meta class word is a meta line;
    a lead-classed line before the first paragraph is the lead."""
    changed = False
    last = max((n for n, line in enumerate(lines, 1) if line.hints.in_article), default=len(lines))
    body_from = next((i for i, item in enumerate(article.lines) if item.kind in (Kind.PARAGRAPH, Kind.LEAD)), None)
    for i, item in enumerate(article.lines):
        if not item.line.numbers:
            continue
        hints = lines[item.line.numbers[0] - 1].hints
        if item.kind in (Kind.PARAGRAPH, Kind.SUBHEADING) and item.line.numbers[0] > last \
                and not hints.in_article and not hints.paragraph:
            # Below the article and outside it, and no <p>: comments, boxes of an old table layout.
            article.lines[i] = Labeled(item.line, Kind.BOILERPLATE, "html: below the article, outside it, no <p>")
            changed = True
            continue
        plain = not hints.link_density and not hints.words & (BOILER_WORDS | {"meta", "tags"})
        if item.kind is Kind.BOILERPLATE and item.reason in RUN_REASONS and hints.in_article and plain \
                and body_from is not None and i > body_from:
            article.lines[i] = Labeled(item.line, Kind.PARAGRAPH, "html: in the article, no links (not a menu)")
            changed = True
        elif item.kind in (Kind.PARAGRAPH, Kind.SUBHEADING) and "meta" in hints.words \
                and not hints.paragraph and len(item.line.text.split()) <= META_LINE_WORDS:
            article.lines[i] = Labeled(item.line, Kind.BOILERPLATE, "html: a meta line (class words), not text")
            changed = True
    changed |= _lead(article, lines, head)
    changed |= _surtitle(article, lines)
    if changed:
        _rebuild_body(article)


def _hints(item: Labeled, lines: list[HtmlLine]) -> Hints:
    return lines[item.line.numbers[0] - 1].hints if item.line.numbers else Hints()


def _lead(article: Article, lines: list[HtmlLine], head: HeadMeta) -> bool:
    """The lead as the markup marks it: a lead-classed line before the text, a paragraph in
    the headline's header block, or a bold first paragraph that is the page's description;
    a plain <p> of the body (no lead class, not bold, no heading) is no lead."""
    first = next((i for i, item in enumerate(article.lines) if item.kind in (Kind.PARAGRAPH, Kind.LEAD)), None)
    if first is None:
        return False
    item, hints = article.lines[first], _hints(article.lines[first], lines)
    in_header = "header" in hints.containers or "header" in hints.words
    described = len(_match_key(head.description)) >= 20 and _match_key(item.line.text) == _match_key(head.description)
    marked = "lead" in hints.words or hints.bold or hints.heading or in_header
    if item.kind is Kind.PARAGRAPH and not article.lead and hints.link_density < DENSE_LINKS \
            and ("lead" in hints.words or in_header or (hints.bold and described)):
        article.lines[first] = Labeled(item.line, Kind.LEAD, "html: the lead (class words), before the text")
        article.lead = item.line.text
        return True
    if item.kind is Kind.LEAD and hints.paragraph and hints.in_article and not marked:
        article.lines[first] = Labeled(item.line, Kind.PARAGRAPH, "html: a plain paragraph of the body, no lead")
        article.lead = None
        return True
    return False


def _surtitle(article: Article, lines: list[HtmlLine]) -> bool:
    """The short heading (or surtitle-classed line) right above the headline is its surtitle;
    a surtitle far from the headline in the site's <header> is the site's tagline."""
    at = next((i for i, item in enumerate(article.lines) if item.kind is Kind.TITLE), None)
    if at is None:
        return False
    for i, item in enumerate(article.lines):
        if item.kind is Kind.SURTITLE and i < at - 2 and "header" in _hints(item, lines).containers \
                and not _hints(item, lines).in_article:
            article.lines[i] = Labeled(item.line, Kind.BOILERPLATE, "html: the site's header, far from the headline")
            article.surtitle = None
            return True
    if at == 0 or article.surtitle:
        return False
    above = article.lines[at - 1]
    hints = _hints(above, lines)
    if above.kind is Kind.BOILERPLATE and (hints.heading >= 2 or "surtitle" in hints.words) \
            and not hints.link_density and len(above.line.text.split()) <= 16 and not hints.words & BOILER_WORDS:
        article.lines[at - 1] = Labeled(above.line, Kind.SURTITLE, "html: the heading right above the headline")
        article.surtitle = above.line.text.rstrip(":： ") or None
        return True
    return False


def clean_html_page(data: bytes | str, *, path: str = "-", config: Config = Config(),
                    reference: datetime | None = None, template: Template | None = None) -> Article:
    """An HTML page (bytes, or text already decoded) to its article, with the input's warnings;
    ``template``: the lines its folder's pages repeat (core/template.py)."""
    check_tags(data, path)
    decoded = Decoded(data, None) if isinstance(data, str) else decode_html(data, path=path)
    article = clean_html(decoded, path=path, config=config, reference=reference, template=template)
    visible = "\n".join(item.line.text for item in article.lines)
    return page_warnings(article, decoded, visible)


def html_lines(data: bytes, *, path: str = "-") -> list[str]:
    """An HTML page's visible lines, as cleaning reads them (a folder's template is learnt on these)."""
    check_tags(data, path)
    return [line.text for line in read_html(decode_html(data, path=path).text).lines]


def _renumber(article: Article, lines: list[HtmlLine], kept: list[HtmlLine],
              removed: list[tuple[HtmlLine, str]]) -> None:
    """Number the article's lines as the page's lines (1-based, in page order), put back
    the lines left out before classification, and attach every line's hints."""
    number = {id(line): i for i, line in enumerate(lines, 1)}
    kept_number = [number[id(line)] for line in kept]
    # A page whose text the text pipeline reshaped (its sentences on one line, cut into
    # lines) numbers more lines than it was given: those are parts of its last line.
    items = [Labeled(Line(item.line.text, tuple(dict.fromkeys(kept_number[min(n, len(kept)) - 1]
                                                              for n in item.line.numbers if n > 0)),
                          item.line.gap_before), item.kind, item.reason) for item in article.lines]
    items += [Labeled(Line(line.text, (number[id(line)],)), Kind.BOILERPLATE, why) for line, why in removed]
    article.lines = sorted(items, key=lambda item: item.line.numbers[0] if item.line.numbers else 0)
    article.hints = {i: line.hints.as_dict() for i, line in enumerate(lines, 1)}


def _title_from_head(article: Article, head: HeadMeta, lines: list[HtmlLine]) -> None:
    """A heading (an <h1> first) whose text is the head's headline is the title the reader
    sees: it wins over the text rules' pick; no such heading, the page's title stands."""
    want = _match_key(head.title)
    if not want:
        return
    numbers = {n: i for i, item in enumerate(article.lines) for n in item.line.numbers}
    for level in (1, 2, 3):
        for number, line in enumerate(lines, 1):
            if line.hints.heading == level and _match_key(line.text) == want and number in numbers:
                item = article.lines[numbers[number]]
                if item.kind is not Kind.TITLE:
                    _retitle(article, numbers[number])
                return
    if not article.title:
        article.title = head.title
    elif _match_key(head.title) != _match_key(article.title):
        article.warnings.append(f"the head gives another title: {head.title}")


def _fill_from_head(article: Article, head: HeadMeta, kept: list[HtmlLine], dom_tags: list[str],
                    lines: list[HtmlLine]) -> None:
    warnings = article.warnings
    # Published: the page's; the head's when the page gives none, or gives the same day without the time.
    if head.published:
        if not article.published or (len(article.published) == 10 and head.published.startswith(article.published)):
            article.published = head.published
        elif not _same_instant(article.published, head.published):
            warnings.append(f"the head gives another publication time: {head.published}")
    if head.modified and not article.updated:
        article.updated = head.modified
    if head.news_id:
        if not article.news_id:
            article.news_id = head.news_id
        elif article.news_id != head.news_id:
            warnings.append(f"the URL gives another news code: {head.news_id}")
    # Tags: what the page shows the reader (its tag links, or a tags line the text rules read);
    # a page that shows none, its head's keywords split (what a reader of the page's gold
    # takes for its tags). The keywords stay apart as well.
    if dom_tags:
        article.tags = list(dom_tags)
    elif not article.tags and head.tags:
        article.tags = list(head.tags)
    article.keywords = list(head.tags)
    if not article.lead and head.description:
        _lead_from_description(article, head.description, lines)
    if not article.author and head.author:
        article.author = head.author
    article.url = head.url


def _same_instant(a: str, b: str) -> bool:
    try:
        return datetime.fromisoformat(a) == datetime.fromisoformat(b)
    except ValueError:
        return a == b


def _retitle(article: Article, at: int) -> None:
    """Make line ``at`` (the visible headline) the title: the line the text rules took for
    the title becomes its surtitle when it stood above it, else boilerplate."""
    lines: list[Labeled] = []
    for i, item in enumerate(article.lines):
        if i == at:
            if item.kind is Kind.SURTITLE:  # the text rules had taken the headline for the surtitle
                article.surtitle = None
            item = Labeled(item.line, Kind.TITLE, "html: the page's headline (<h1>, og:title)")
            article.title = item.line.text
        elif item.kind is Kind.TITLE and i < at and not article.surtitle:
            item = Labeled(item.line, Kind.SURTITLE, "html: above the page's headline (<h1>, og:title)")
            article.surtitle = item.line.text.rstrip(":： ") or None
        elif item.kind is Kind.TITLE:
            item = Labeled(item.line, Kind.BOILERPLATE, "html: not the page's headline (<h1>, og:title)")
        lines.append(item)
    article.lines = lines
    _rebuild_body(article)


def _lead_from_description(article: Article, description: str, lines: list[HtmlLine]) -> None:
    """The description is the lead when the page shows it (a line before the body's text)."""
    want = _match_key(description.rstrip(".…"))
    if len(want) < 20:
        return
    for i, item in enumerate(article.lines):
        if _match_key(item.line.text) == want:
            first = next((x for x in article.lines if x.kind is Kind.PARAGRAPH), None)
            plain = item.kind is Kind.PARAGRAPH and (item is not first or _hints(item, lines).paragraph)
            if plain or item.kind not in (Kind.PARAGRAPH, Kind.BOILERPLATE, Kind.SUBHEADING):
                return  # the body's own paragraph (a description copied from it) is no lead
            article.lines[i] = Labeled(item.line, Kind.LEAD, "html: the page's description")
            article.lead = item.line.text
            _rebuild_body(article)
            return


def _rebuild_body(article: Article) -> None:
    body = [item for item in article.lines if item.kind in (Kind.LEAD, Kind.PARAGRAPH, Kind.SUBHEADING)]
    article.subheadings = [item.line.text for item in body if item.kind is Kind.SUBHEADING]
    article.text = "\n\n".join(item.line.text for item in body)
    if article.lead is None:
        article.lead = next((item.line.text for item in body if item.kind is Kind.LEAD), None)


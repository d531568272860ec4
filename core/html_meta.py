"""What an HTML page's head (and its machine-readable markup) says about the article.

og:title / twitter:title / JSON-LD headline / <title> with the site's name cut off,
article:published_time / JSON-LD datePublished / <time datetime> as Tehran's local
time with the offset in force that day, dateModified, og:description / description
(a lead candidate), keywords / news_keywords / article:tag / JSON-LD keywords split
into tags, the author, the canonical URL and the news code in it.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from urllib.parse import parse_qs, unquote, urlsplit
from zoneinfo import ZoneInfo

from selectolax.lexbor import LexborHTMLParser

from khabar.core.html_input import html_data

TEHRAN = ZoneInfo("Asia/Tehran")
SPACES = re.compile(r"\s+")
TAG_SEPARATORS = re.compile(r"\s*[,،|؛;]\s*")
NEWS_TYPES = ("NewsArticle", "Article", "BlogPosting", "ReportageNewsArticle", "AnalysisNewsArticle", "WebPage")
LATIN_ONLY = re.compile(r"^[\sA-Za-z0-9.&'’-]+$")


@dataclass
class HeadMeta:
    title: str | None = None
    site_name: str | None = None
    published: str | None = None
    modified: str | None = None
    description: str | None = None
    tags: list[str] = field(default_factory=list)
    author: str | None = None
    url: str | None = None
    news_id: str | None = None


def _clean(text: str | None) -> str | None:
    text = SPACES.sub(" ", text or "").strip()
    return text or None


def _meta(tree: LexborHTMLParser) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for node in tree.css("meta"):
        attrs = node.attributes
        key = (attrs.get("property") or attrs.get("name") or attrs.get("itemprop") or "").strip().lower()
        value = _clean(attrs.get("content"))
        if key and value:
            out.setdefault(key, []).append(value)
    return out


def _json_ld(tree: LexborHTMLParser) -> dict:
    """The first JSON-LD object of a news type (in @graph or a list too); {} when none reads."""
    found: list[dict] = []
    for node in tree.css('script[type="application/ld+json"]'):
        try:
            data = json.loads(node.text(deep=True) or "")
        except ValueError:
            continue
        todo = [data]
        while todo:
            item = todo.pop(0)
            if isinstance(item, list):
                todo.extend(item)
            elif isinstance(item, dict):
                todo.extend(v for k, v in item.items() if k == "@graph")
                kind = item.get("@type")
                kinds = kind if isinstance(kind, list) else [kind]
                if any(k in NEWS_TYPES for k in kinds if isinstance(k, str)):
                    found.append(item)
    # An article type before a WebPage that wraps it.
    found.sort(key=lambda i: "WebPage" in (i.get("@type") if isinstance(i.get("@type"), list) else [i.get("@type")]))
    return found[0] if found else {}


def tehran_time(value: str | None) -> str | None:
    """An ISO 8601 date-time as Tehran's local time with that day's offset; a date alone
    stays a date; a time with no offset is taken as Tehran's. None when it does not read."""
    value = (value or "").strip()
    if not value:
        return None
    try:
        if len(value) == 10:
            return date.fromisoformat(value).isoformat()
        moment = datetime.fromisoformat(value.replace(" ", "T", 1))
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=TEHRAN)
    return moment.astimezone(TEHRAN).replace(microsecond=0).isoformat()


def _site_like(segment: str, site_words: set[str]) -> bool:
    words = segment.split()
    if not words:
        return True
    if LATIN_ONLY.match(segment) and len(words) <= 4:
        return True
    if site_words & set(words):
        return True
    return len(words) <= 4 and words[0].lower() in html_data()["site"]["name_words"]


def strip_site_name(title: str | None, site_name: str | None) -> str | None:
    """The headline without the site's (and section's) name before or after it:
    ``جاده‌ها … - اخبار پادکست - اخبار تسنیم - Tasnim`` → ``جاده‌ها …``."""
    title = _clean(title)
    if not title:
        return None
    generic = set(html_data()["site"]["name_words"])
    site_words = {w for w in (site_name or "").split() if w not in generic and len(w) > 1}
    separators = html_data()["site"]["separators"]
    pattern = re.compile("|".join(re.escape(s) for s in separators))
    segments = pattern.split(title)
    if len(segments) < 2:
        return title
    while len(segments) > 1 and _site_like(segments[-1].strip(), site_words):
        segments.pop()
    while len(segments) > 1 and _site_like(segments[0].strip(), site_words):
        segments.pop(0)
    # Rejoined with the separators the title had between what is left.
    start = title.find(segments[0])
    end = title.rfind(segments[-1]) + len(segments[-1])
    return _clean(title[start:end])


def split_tags(values: list[str]) -> list[str]:
    tags: list[str] = []
    for value in values:
        for tag in TAG_SEPARATORS.split(value):
            tag = tag.strip().lstrip("#").strip()
            if tag and tag not in tags:
                tags.append(tag)
    return tags


def news_code(url: str | None) -> str | None:
    """The news code in a page's URL: ``/news/1353889/…`` → ``1353889``; ``?id=…`` too."""
    if not url:
        return None
    settings = html_data()["url"]
    parts = urlsplit(url)
    path = [unquote(p) for p in parts.path.split("/") if p]
    least = settings["min_digits"]
    for i in range(len(path) - 1):
        before = path[i].lower()
        two = f"{path[i - 1].lower()}/{before}" if i else before
        if before not in settings["segments"] and two not in settings["segments"]:
            continue
        rest = path[i + 1:]
        # /news/1400/08/08/2598731/…: a date in the path before the code.
        if len(rest) > 3 and all(p.isdigit() for p in rest[:3]) and len(rest[0]) == 4 \
                and len(rest[1]) <= 2 and len(rest[2]) <= 2:
            rest = rest[3:]
        if rest and rest[0].isdigit() and len(rest[0]) >= least:
            return rest[0]
    for key, values in parse_qs(parts.query).items():
        if key.lower() in settings["parameters"] and values[0].isdigit() and len(values[0]) >= least:
            return values[0]
    return None


def _name(value) -> str | None:
    if isinstance(value, list):
        names = [n for n in (_name(v) for v in value) if n]
        return "، ".join(names) or None
    if isinstance(value, dict):
        return _clean(value.get("name") if isinstance(value.get("name"), str) else None)
    return _clean(value) if isinstance(value, str) else None


def read_head(tree: LexborHTMLParser) -> HeadMeta:
    meta = _meta(tree)
    ld = _json_ld(tree)

    def first(*keys: str) -> str | None:
        return next((meta[k][0] for k in keys if k in meta), None)

    title_node = tree.css_first("title")
    page_title = _clean(title_node.text(deep=True)) if title_node is not None else None
    publisher = ld.get("publisher")
    site_name = first("og:site_name", "application-name") or _name(publisher)
    headline = first("og:title", "twitter:title") or _clean(ld.get("headline")) or page_title
    canonical = tree.css_first('link[rel="canonical"]')
    url = (_clean(canonical.attributes.get("href")) if canonical is not None else None) \
        or first("og:url") or _clean(ld.get("url") if isinstance(ld.get("url"), str) else None)
    time_node = tree.css_first("time[datetime]")
    published = tehran_time(first("article:published_time", "datepublished", "pubdate", "publishdate")) \
        or tehran_time(ld.get("datePublished") if isinstance(ld.get("datePublished"), str) else None) \
        or tehran_time(time_node.attributes.get("datetime") if time_node is not None else None)
    modified = tehran_time(first("article:modified_time", "datemodified")) \
        or tehran_time(ld.get("dateModified") if isinstance(ld.get("dateModified"), str) else None)
    keywords = ld.get("keywords")
    tag_values = meta.get("article:tag", []) or meta.get("news_keywords", []) or meta.get("keywords", []) \
        or ([keywords] if isinstance(keywords, str) else [k for k in keywords or [] if isinstance(k, str)])
    return HeadMeta(
        title=strip_site_name(headline, site_name),
        site_name=site_name,
        published=published,
        modified=modified,
        description=first("og:description", "description", "twitter:description")
        or _clean(ld.get("description") if isinstance(ld.get("description"), str) else None),
        tags=split_tags(tag_values),
        author=first("author", "article:author") or _name(ld.get("author")),
        url=url,
        news_id=news_code(url),
    )

"""Turn an article into JSON, one JSON line, or Markdown with YAML front matter.

Output is text; the caller writes it as UTF-8. Persian stays Persian (no
``\\u`` escapes).
"""

from __future__ import annotations

import json
import re

from khabar.core.model import Article, Kind

FORMATS = ("json", "jsonl", "md")
EXTENSIONS = {"json": ".json", "jsonl": ".jsonl", "md": ".md"}
# Characters that would start Markdown syntax at the head of a paragraph.
MARKDOWN_START = re.compile(r"^([#>*+\-=|`~]|\d+[.)]\s)")


def to_dict(article: Article, *, explain: bool = False) -> dict:
    """The article's fields, in the order of the contract, then khabar's extras."""
    data = {
        "path": article.path,
        "title": article.title,
        "surtitle": article.surtitle,
        "lead": article.lead,
        "published": article.published,
        "updated": article.updated,
        "news_id": article.news_id,
        "source": article.source,
        "agency": article.agency,
        "author": article.author,
        "tags": article.tags,
        "subheadings": article.subheadings,
        "text": article.text,
        "encoding": article.encoding,
        "warnings": article.warnings,
    }
    if explain:
        data["blocks"] = [{"kind": item.kind.value, "line": item.line.number, "text": item.line.text}
                          for item in article.lines if item.kind.kept]
        data["removed"] = [{"line": item.line.number, "text": item.line.text, "reason": item.reason}
                           for item in article.lines if not item.kind.kept]
    return data


def to_json(article: Article, *, explain: bool = False) -> str:
    return json.dumps(to_dict(article, explain=explain), ensure_ascii=False, indent=2) + "\n"


def to_jsonl(article: Article, *, explain: bool = False) -> str:
    return json.dumps(to_dict(article, explain=explain), ensure_ascii=False) + "\n"


def _yaml(value) -> str:
    # JSON strings and lists are valid YAML flow scalars, quoted and escaped.
    return json.dumps(value, ensure_ascii=False)


def _escape(text: str) -> str:
    return "\\" + text if MARKDOWN_START.match(text) else text


def to_markdown(article: Article, *, explain: bool = False) -> str:
    """YAML front matter (metadata, lang: fa, dir: rtl), # title, ## subheadings, paragraphs.

    The front matter names the headline ``pagetitle``, not ``title``, and the
    author ``byline``: renderers such as pandoc print ``title`` and ``author``
    above the body, which already opens with the ``#`` title.
    """
    front = {
        "pagetitle": article.title,
        "surtitle": article.surtitle,
        "lead": article.lead,
        "published": article.published,
        "updated": article.updated,
        "news_id": article.news_id,
        "source": article.source,
        "byline": article.author,
        "tags": article.tags,
        "lang": "fa",
        "dir": "rtl",
        "path": article.path,
    }
    out = ["---"]
    out += [f"{key}: {_yaml(value)}" for key, value in front.items() if value not in (None, [])]
    out.append("---")
    out.append("")
    if article.title:
        out += [f"# {article.title}", ""]
    for item in article.lines:
        if item.kind is Kind.SUBHEADING:
            out += [f"## {item.line.text}", ""]
        elif item.kind in (Kind.LEAD, Kind.PARAGRAPH):
            out += [_escape(item.line.text), ""]
    if explain:
        removed = [item for item in article.lines if not item.kind.kept]
        out += ["<!-- removed:"] + [f"  {i.line.number}: [{i.reason}] {i.line.text.replace('--', '- -')}"
                                    for i in removed] + ["-->", ""]
    return "\n".join(out)


RENDERERS = {"json": to_json, "jsonl": to_jsonl, "md": to_markdown}


def render(article: Article, fmt: str, *, explain: bool = False) -> str:
    return RENDERERS[fmt](article, explain=explain)

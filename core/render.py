"""Turn an article into JSON, one JSON line, or Markdown with YAML front matter.

:func:`record` makes the article a plain dict (picklable, the same for every
format: worker processes send it to the writer); :func:`render` turns a record
into text. Output is text; the caller writes it as UTF-8. Persian stays
Persian (no ``\\u`` escapes); only a file name's undecodable bytes, which
Python reads as lone surrogates (U+DC80–U+DCFF, no UTF-8), are written as
``\\udcXX`` escapes, which read back into the same name.
"""

from __future__ import annotations

import json
import re

from khabar.core.model import KEPT, Article, Kind

EXTENSIONS = {"json": ".json", "jsonl": ".jsonl", "md": ".md"}
# Characters that would start Markdown syntax at the head of a paragraph.
MARKDOWN_START = re.compile(r"^([#>*+\-=|`~]|\d+[.)]\s)")
# Fields shown only with --explain.
EXPLAIN_FIELDS = ("shape", "blocks", "removed")


def record(article: Article) -> dict:
    """The article's fields, in the order of the contract, then khabar's extras,
    then the kept blocks and the removed lines with their reasons (and, for a
    duplicate, the input it duplicates)."""
    fields = {
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
        **({"url": article.url} if article.url else {}),
        **({"keywords": article.keywords} if article.keywords else {}),
        "subheadings": article.subheadings,
        "text": article.text,
        "encoding": article.encoding,
        "language": article.language,
        "warnings": article.warnings,
        "shape": article.shape,  # how the page was saved (core/reshape.py)
        "blocks": [{"kind": item.kind.value, "line": item.line.number, "text": item.line.text, **_dom(article, item)}
                   for item in article.lines if item.kind in KEPT],
        "removed": [{"line": item.line.number, "text": item.line.text, "reason": item.reason, **_dom(article, item)}
                    for item in article.lines if item.kind not in KEPT],
    }
    if article.duplicate_of is not None:
        fields["duplicate_of"] = article.duplicate_of
    return fields


def _dom(article: Article, item) -> dict:
    """An HTML page's line: what its markup says (``dom``), for --explain."""
    hints = article.hints.get(item.line.number) if article.hints else None
    return {"dom": hints} if hints else {}


def to_dict(data: dict, *, explain: bool = False) -> dict:
    """The record as output: blocks and removed lines only with ``explain``."""
    return data if explain else {k: v for k, v in data.items() if k not in EXPLAIN_FIELDS}


# Characters that JSON may leave raw but that line readers (Python's splitlines,
# JavaScript) take for line ends: escaped, so one record stays one line. And lone
# surrogates (a file name's undecodable bytes, see os.fsdecode), which UTF-8 cannot
# hold: escaped as JSON allows (json.loads and os.fsencode give the name's bytes back).
LINE_BREAK = re.compile("[\u2028\u2029\x85\ud800-\udfff]")
SURROGATE = re.compile("[\ud800-\udfff]")
SURROGATES = {c: f"\\u{c:04x}" for c in range(0xD800, 0xE000)}
LINE_BREAKERS = str.maketrans({"\u2028": "\\u2028", "\u2029": "\\u2029", "\x85": "\\u0085", **SURROGATES})


# json.dumps builds an encoder on every call; most values are strings, which
# json's own C function escapes exactly as json.dumps(ensure_ascii=False) does.
_encode = json.JSONEncoder(ensure_ascii=False).encode
_encode_string = json.encoder.encode_basestring


def _dump_value(value) -> str:
    return _encode_string(value) if type(value) is str else _encode(value)


def _dumps(data: dict) -> str:
    text = _encode(data)
    return text.translate(LINE_BREAKERS) if LINE_BREAK.search(text) else text


def _indented(data: dict) -> str:
    """``json.dumps(data, ensure_ascii=False, indent=2)``, the same text: json's
    indenting encoder is pure Python, so each value goes through its C encoder and
    the lines are laid out here."""
    dumps = _dump_value
    fields = []
    for key, value in data.items():
        if isinstance(value, (list, tuple, dict)) and value:
            if isinstance(value, (list, tuple)) and not any(isinstance(v, (list, tuple, dict)) for v in value):
                text = "[\n    " + ",\n    ".join(map(dumps, value)) + "\n  ]"
            else:  # nested (--explain): JSON strings hold no raw line break, so indenting is safe
                text = json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n  ")
        else:
            text = dumps(value)
        fields.append(f"  {dumps(key)}: {text}")
    return "{\n" + ",\n".join(fields) + "\n}" if fields else "{}"


def to_json(data: dict, *, explain: bool = False) -> str:
    text = _indented(to_dict(data, explain=explain))
    return (text.translate(LINE_BREAKERS) if LINE_BREAK.search(text) else text) + "\n"


def to_jsonl(data: dict, *, explain: bool = False) -> str:
    return _dumps(to_dict(data, explain=explain)) + "\n"


def _yaml(value) -> str:
    # JSON strings and lists are valid YAML flow scalars, quoted and escaped.
    text = _dump_value(value)
    return text.translate(SURROGATES) if SURROGATE.search(text) else text


def _escape(text: str) -> str:
    return "\\" + text if MARKDOWN_START.match(text) else text


def to_markdown(data: dict, *, explain: bool = False) -> str:
    """YAML front matter (metadata, lang: fa, dir: rtl), # title, ## subheadings, paragraphs.

    The front matter names the headline ``pagetitle``, not ``title``, and the
    author ``byline``: renderers such as pandoc print ``title`` and ``author``
    above the body, which already opens with the ``#`` title.
    """
    front = {
        "pagetitle": data["title"],
        "surtitle": data["surtitle"],
        "lead": data["lead"],
        "published": data["published"],
        "updated": data["updated"],
        "news_id": data["news_id"],
        "source": data["source"],
        "byline": data["author"],
        "tags": data["tags"],
        "duplicate_of": data.get("duplicate_of"),
        "lang": "fa",
        "dir": "rtl",
        "path": data["path"],
    }
    out = ["---"]
    out += [f"{key}: {_yaml(value)}" for key, value in front.items() if value not in (None, [])]
    out += ["---", ""]
    if data["title"]:
        out += [f"# {data['title']}", ""]
    for block in data["blocks"]:
        if block["kind"] == Kind.SUBHEADING.value:
            out += [f"## {block['text']}", ""]
        elif block["kind"] in (Kind.LEAD.value, Kind.PARAGRAPH.value):
            out += [_escape(block["text"]), ""]
    if explain:
        out += ["<!-- removed:"] + [f"  {r['line']}: [{r['reason']}] {r['text'].replace('--', '- -')}"
                                    for r in data["removed"]] + ["-->", ""]
    return "\n".join(out)


RENDERERS = {"json": to_json, "jsonl": to_jsonl, "md": to_markdown}


def render(data: dict | Article, fmt: str, *, explain: bool = False) -> str:
    """The article (or its record) as text in ``fmt``: json, jsonl or md."""
    if isinstance(data, Article):
        data = record(data)
    return RENDERERS[fmt](data, explain=explain)

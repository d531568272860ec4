"""Is this input an HTML page, a feed, or text? And an HTML page's bytes as text.

Decided by the content, never by the file's name: a saved page may be called
``page.txt`` and a text dump ``page.html``. The encoding of a page comes from its
BOM, then its ``<meta charset>`` or ``http-equiv`` declaration, then the same
detection as for text pages (:func:`khabar.core.decode.decode`: UTF-8, or
Windows-1256 for older Iranian sites).
"""

from __future__ import annotations

import codecs
import re
from functools import cache

from khabar.core.decode import BOMS, Decoded, decode
from khabar.core.errors import InputError
from khabar.core.datafile import data_toml

# How far into the page the start and the charset declaration are looked for.
SNIFF_BYTES = 4096
DOCTYPE_OR_ROOT = re.compile(rb"^(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<!doctype\s+html|^(?:<\?xml[^>]*>\s*)?"
                             rb"(?:<!--.*?-->\s*)*<html[\s>]", re.I | re.S)
ANY_TAG = re.compile(rb"<(?:[a-zA-Z][a-zA-Z0-9:-]*|/[a-zA-Z][a-zA-Z0-9:-]*|!--)[\s>/]")
PAGE_TAG = re.compile(rb"<(?:html|head|body|meta|title|div|p|span|a|ul|li|table|script|link|article)[\s>/]", re.I)
# A start dense in tags: that many tags in the first SNIFF_BYTES, and tags making
# up this share of the first lines' non-space bytes.
MIN_TAGS = 8
MIN_TAG_SHARE = 0.3
XML_ROOT = re.compile(rb"^(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*|<\?[^>]*\?>\s*)*<([a-zA-Z][\w:.-]*)", re.S)
CHARSET = re.compile(rb"""<meta[^>]+?charset\s*=\s*["']?\s*([\w.:-]+)""", re.I)
# Declarations that Persian pages make by mistake (the server's default): detection decides.
UNTRUSTED = {"iso8859-1", "cp1252", "ascii"}


@cache
def html_data() -> dict:
    return data_toml("html.toml")


def _start(data: bytes) -> bytes:
    """The first bytes with a BOM and leading blanks cut, as ASCII-compatible bytes."""
    head = data[: SNIFF_BYTES * 2]
    for bom, encoding in BOMS:
        if head.startswith(bom):
            if encoding == "utf-16":
                return head.decode("utf-16", "replace").encode("utf-8", "replace")[:SNIFF_BYTES].lstrip()
            return head[len(bom):SNIFF_BYTES].lstrip()
    return head[:SNIFF_BYTES].lstrip()


def feed_root(data: bytes | str) -> str | None:
    """The root element's name when the input is XML that is not a page (RSS, Atom, a sitemap,
    any document with an XML declaration whose root is not ``<html>``)."""
    start = _start(data[:SNIFF_BYTES].encode("utf-8", "replace") if isinstance(data, str) else data)
    match = XML_ROOT.match(start)
    if not match:
        return None
    root = match.group(1).decode("ascii", "replace")
    # A known feed root, or any root but <html> after an XML declaration (a sitemap, an export).
    if root.lower() in html_data()["feed"]["roots"] or (start.startswith(b"<?xml") and root.lower() != "html"):
        return root
    return None


def looks_like_html(data: bytes | str) -> bool:
    """Whether the input is an HTML page by its content: a doctype or ``<html`` at the
    start, or a start dense in tags of HTML's own (``<div``, ``<p``, ``<meta`` …)."""
    start = _start(data[:SNIFF_BYTES].encode("utf-8", "replace") if isinstance(data, str) else data)
    if not start.startswith(b"<"):
        return False
    if DOCTYPE_OR_ROOT.match(start):
        return True
    if feed_root(start):
        return False
    tags = ANY_TAG.findall(start)
    if len(tags) < MIN_TAGS or len(PAGE_TAG.findall(start)) < MIN_TAGS // 2:
        return False
    first_lines = b"".join(start.split(b"\n")[:20])
    markup = sum(len(m.group(0)) for m in re.finditer(rb"<[^<>]{0,200}>", first_lines))
    return markup >= MIN_TAG_SHARE * len(b"".join(first_lines.split()))


def declared_encoding(data: bytes) -> str | None:
    """The codec the page declares in a ``<meta>`` (charset or http-equiv), when Python knows it."""
    match = CHARSET.search(data[:SNIFF_BYTES])
    if not match:
        return None
    try:
        return codecs.lookup(match.group(1).decode("ascii", "replace")).name
    except LookupError:
        return None


def decode_html(data: bytes, *, path: str = "-") -> Decoded:
    """An HTML page's text: BOM, then the declared charset, then khabar's detection.
    A declaration the bytes contradict (UTF-8 declared, bytes not UTF-8) is overruled by detection."""
    if any(data.startswith(bom) for bom, _ in BOMS):
        return decode(data, path=path)
    declared = declared_encoding(data)
    if declared and declared not in UNTRUSTED:
        try:
            text = data.decode(declared)
        except UnicodeDecodeError:
            pass
        else:
            if "\x00" in text:
                raise InputError(f"{path}: binary data (NUL bytes), not a page; skipped")
            return Decoded(text, declared.replace("cp1256", "windows-1256"))
    return decode(data, path=path)

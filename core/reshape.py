"""Turn a page saved in another text shape into khabar's lines (one text node a line).

People save pages with whatever tool they have; :func:`detect` tells the shape
from the text itself and :func:`reshape` reads it:

- ``lines``: text nodes line by line (the shape khabar reads); left as it is.
- ``markdown`` (html2text): a wrapped paragraph is rejoined, a link or image is
  its text (a line of links is a list, one link a line, as a line dump writes
  it), heading and list markers are dropped and the page's single ``#``
  headline is given as the title's hint.
- ``layout`` (inscriptis): list bullets dropped, elements three spaces apart
  cut into lines, a table laid out side by side read column by column.
- ``oneline`` (the whole page on one line): the title bar's headline found
  again, sentences, metadata items and the comments' header cut apart.
- any other page: elements three spaces apart (``get_text(" ")``) are lines.
HTML character references (``&nbsp;``, ``&#1587;``) are decoded in any shape
when a page carries them.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from khabar.core.chars import ARABIC_DIGITS, DIGITS, LATIN_DIGITS, PERSIAN_DIGITS
from khabar.core.metalines import GLUED_TIME_DATE
from khabar.core.model import Kind, Labeled, Line

ENTITY = re.compile(r"&(?:#[0-9]{2,6}|#[xX][0-9a-fA-F]{2,5}|[a-zA-Z]{2,8});")
MIN_ENTITIES = 3
MD_LINK = re.compile(r"(!?)\[([^\[\]]*)\]\(([^()\s]*(?:\s[^()]*)?)\)")
MD_IMAGE_LINK = re.compile(r"\[!\[([^\[\]]*)\]\([^()]*\)([^\[\]]*)\]\([^()]*\)")
MD_AUTOLINK = re.compile(r"<(?:https?|mailto):[^>\s]*>")
MD_BLOCK_START = re.compile(r"^\s*(?:#{1,6}\s|[*+-]\s+|\d{1,3}\.\s|>|\||-{3,})")
MD_BOLD_LINE = re.compile(r"^\*\*([^*]+)\*\*\s*$")
MIN_BOLD_HEADLINE_WORDS = 3
MD_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")
MD_HEADING = re.compile(r"^\s*(#{1,6})\s+(.*?)\s*#*\s*$")
MD_BULLET = re.compile(r"^\s*[*+-]\s+")
BULLET = re.compile(r"^(\s*)[*+•-]\s+")
COLUMN_GAP = re.compile(r"\S(\s{5,})\S")
# A layout dump's element: words one or two spaces apart; a table is read by columns
# when at least so many rows hold two cells, cut where its cells start.
LAYOUT_PART = re.compile(r"\S+(?:[^\S\n]{1,2}\S+)*")
MIN_TABLE_ROWS = 3
MIN_COLUMN_OFFSET = 20
COLUMN_SLACK = 2
# Text nodes joined with a space, with the whitespace between their elements:
# three spaces or more inside a line part elements (words are one space apart).
ELEMENT_GAP = re.compile(r"(?<=\S)[ \t]{3,}(?=\S)")
# A line of links and what stands between them ("/", "،", "|") is a list.
LINK_SEPARATORS = re.compile(r"^[\s/|،,؛:\-–—•·»«>#]*$")
# A link longer than a headline is a card (a headline and its teaser in one
# anchor) of a list of other pages: never the article's text.
CARD_MIN_WORDS = 26
# A Markdown page writes links, headings and bullets on many of its lines.
MIN_MARKDOWN_LINES = 5
MIN_MARKDOWN_SHARE = 0.15
MIN_LAYOUT_SHARE = 0.3
# A page with no line structure: one line, long enough for a headline and a
# paragraph (a short article saved on one line is one too: its code, date and
# link come out of it only once it is cut).
ONELINE_MIN_CHARS = 200
SOLAR_MONTHS = "(?:فروردین|اردیبهشت|خرداد|تیر|مرداد|شهریور|مهر|آبان|آذر|دی|بهمن|اسفند)"
WORDLIKE = re.compile(r"[^\W_]")
SENTENCE_END = re.compile(r"(?<=[.!؟?])\s+(?=\S)")
# Where a page saved on one line parts besides its sentences: after a time or
# a news code, and before a metadata label.
ONELINE_CUTS = re.compile(
    rf"(?<=[{DIGITS}]{{2}}:[{DIGITS}]{{2}})\s+(?=\S)(?![{DIGITS}]{{2,4}}/)(?![-–|،]?\s*[{DIGITS}]{{1,2}} {SOLAR_MONTHS})"
    rf"|(?<=[{DIGITS}]{{5}})\s+(?=[^\W\d_])"
    r"|\s+(?=(?:تاریخ انتشار|کد خبر|شماره خبر|کد مطلب|زمان|منبع|برچسب[\u200c ]?ها|کلیدواژه[\u200c ]?ها"
    r"|شماره روزنامه|نویسنده|آخرین به[\u200c ]?روز ?رسانی)\s*[:：])"
    r"|\s+(?=به گزارش\s)"
    rf"|\s+(?=(?:کد خبر|شماره خبر|کد مطلب)\s*[{DIGITS}])"
    # A date with its clock time is a metadata item of its own ("نویسنده: … ۲۱ آبان ۱۳۹۹ | ۱۳:۳۲").
    rf"|\s+(?=[{DIGITS}]{{1,2}} {SOLAR_MONTHS} [{DIGITS}]{{4}}\s*(?:[|\-–،]|ساعت)\s*[{DIGITS}]{{1,2}}:[{DIGITS}]{{2}})")
# Items that end where the next part begins: a reading time, a date written
# with slashes, an issue number ("زمان مطالعه: ۶ دقیقه", "آخرین به‌روزرسانی:
# ۱۷/۱۱/۲۰۲۰", "شماره روزنامه: ۵۲۷۲"), the page's clock, a link, each followed by words.
ONELINE_ITEM_END = re.compile(
    rf"((?:زمان|مدت) (?:مطالعه|خواندن)\s*[:：]?\s*[{DIGITS}]+\s*(?:دقیقه|ثانیه)"
    rf"|(?<![{DIGITS}/])[{DIGITS}]{{1,4}}/[{DIGITS}]{{1,2}}/[{DIGITS}]{{2,4}}(?![{DIGITS}/])"
    rf"|شماره روزنامه\s*[:：]?\s*[{DIGITS}]+"
    # the page's clock ("امروز: دوشنبه ۸ آذر ۱۳۹۵") and a link ("https://…/x/87132Qz")
    rf"|امروز\s*[:：]\s*(?:\S+\s*،?\s*)?[{DIGITS}]{{1,2}} {SOLAR_MONTHS} [{DIGITS}]{{4}}"
    r"|https?://\S+)\s+(?=[^\W\d_])"
    # a time with the date after it ("۱۴:۵۱ - ۲ فروردین ۱۳۸۹"), whatever follows
    rf"|([{DIGITS}]{{1,2}}:[{DIGITS}]{{2}}\s*[-–|،]?\s*[{DIGITS}]{{1,2}} {SOLAR_MONTHS} [{DIGITS}]{{4}})\s+(?=\S)")
# The readers' comments' header, a line of its own ("نظرات (۴)").
COMMENTS_HEADER = re.compile(rf"\s*(?:نظرات|دیدگاه[\u200c ]?ها)\s*\([{DIGITS}]+\)\s*")
TITLE_BAR_SPLIT = re.compile(r"\s+(?:\||-|–|—|::)\s+")
MAX_BAR_PARTS = 6
MIN_TITLE_WORDS = 3
# Digits in one script, the Arabic yeh and kaf as Persian writes them: a title bar and a line compared.
ONE_TO_ONE = str.maketrans(PERSIAN_DIGITS + ARABIC_DIGITS + "يك", LATIN_DIGITS * 2 + "یک")
MAX_HEADLINE_WORDS = 25


@dataclass(frozen=True)
class Reshaped:
    text: str
    shape: str
    title_hint: str | None = None  # the headline the markup names (a Markdown '#' heading)


def detect(text: str) -> str:
    lines = [line for line in text.split("\n") if line.strip()]
    if not lines:
        return "lines"
    md = sum(1 for line in lines if MD_LINK.search(line) or MD_HEADING.match(line)) \
        if "](" in text or "# " in text else 0  # most pages: no Markdown mark at all
    if md >= MIN_MARKDOWN_LINES and md >= MIN_MARKDOWN_SHARE * len(lines):
        return "markdown"
    # A layout-aware dump indents its blocks and pads columns with spaces.
    laid = sum(1 for line in lines if line.startswith("  ") or "     " in line and COLUMN_GAP.search(line))
    if laid >= MIN_MARKDOWN_LINES and laid >= MIN_LAYOUT_SHARE * len(lines):
        return "layout"
    if len(lines) == 1 and len(" ".join(lines[0].split())) >= ONELINE_MIN_CHARS:
        return "oneline"
    return "lines"


def reshape(text: str) -> Reshaped:
    if len(ENTITY.findall(text[:200_000])) >= MIN_ENTITIES:
        text = html.unescape(text).replace("\u00a0", " ")
    shape = detect(text)
    if shape == "markdown":
        return _markdown(text)
    if shape == "layout":
        return Reshaped(_layout(text), shape)
    if shape == "oneline":
        return _oneline(text)
    if ELEMENT_GAP.search(text):
        text = ELEMENT_GAP.sub("\n", text)
    return Reshaped(text, shape)


def _markdown(text: str) -> Reshaped:
    out: list[str] = []
    headlines: list[str] = []
    bolds: list[str] = []
    for block in re.split(r"\n\s*\n", text):
        rows = block.split("\n")
        if any(MD_TABLE_RULE.match(row) and "|" in row for row in rows):
            # A table (an old page's layout): each cell its own line, the rules between rows dropped.
            # A cell's text wrapped at 78 columns is rejoined first (its lines hold no "|").
            rows = _unwrapped([row for row in rows if not MD_TABLE_RULE.match(row)], table=True)
            rows = [cell.strip() for row in rows for cell in row.split("|")]
            rows = [cell for cell in rows if cell]
        else:
            rows = _unwrapped(rows)
        for line in rows:
            heading = MD_HEADING.match(line)
            if heading:
                line = heading.group(2)
            bold = MD_BOLD_LINE.match(line)
            if bold and len(bold.group(1).split()) >= MIN_BOLD_HEADLINE_WORDS:
                bolds.append(bold.group(1).strip())
            line = MD_BULLET.sub("", line).replace("**", "")
            line = GLUED_TIME_DATE.sub(r"\1 \2", MD_AUTOLINK.sub("", line))
            line = MD_IMAGE_LINK.sub(lambda m: f"[{m.group(1)}\n{m.group(2)}]()", line)
            if heading and heading.group(1) == "#":
                headlines.append(MD_LINK.sub(lambda m: m.group(2), line).strip())
            out.extend(_links_out(line))
        out.append("")
    # No '#' headline: an old page sets its headline as a bold line of its own.
    hint = headlines[0] if len(headlines) == 1 else bolds[0] if not headlines and bolds else None
    return Reshaped("\n".join(out), "markdown", hint)


def _unwrapped(lines: list[str], *, table: bool = False) -> list[str]:
    """A block's lines with wrapped ones joined to the line they continue (in a
    table, never a row of cells)."""
    out: list[str] = []
    for line in lines:
        if out and line.strip() and not MD_BLOCK_START.match(line) and not out[-1].endswith("  ") \
                and not (table and ("|" in line or "|" in out[-1])):
            # The line's own hard break ("  " at its end) still ends the joined line.
            out[-1] = out[-1].rstrip() + " " + line.lstrip()
        else:
            out.append(line)
    return [line.strip() for line in out if line.strip()]


def _links_out(line: str) -> list[str]:
    """A line of links alone: each link's text a line; links inside prose: their text."""
    links = list(MD_LINK.finditer(line))
    if not links:
        return [line]
    rest = MD_LINK.sub(" ", line)
    if LINK_SEPARATORS.match(rest) or len(rest.split()) <= len(links):
        parts: list[str] = []
        at = 0
        for m in links:
            between = line[at:m.start()].strip()
            if between and not set(between) <= set("# "):
                parts.append(between)
            if len(m.group(2).split()) >= CARD_MIN_WORDS:
                at = m.end()
                continue
            parts.extend(p.strip() for p in m.group(2).split("\n") if p.strip())
            at = m.end()
        if line[at:].strip():
            parts.append(line[at:].strip())
        return parts
    return [MD_LINK.sub(lambda m: _spaced(line, m), line)]


def _spaced(line: str, m: re.Match) -> str:
    """A link's text inside prose, a space between it and a word it touches: a
    link holds whole words ("برچسب ها[مسجدسلیمان](…)" is two of them)."""
    text = " ".join(m.group(2).split())
    if text and m.start() and line[m.start() - 1].isalpha() and text[0].isalpha():
        text = " " + text
    if text and m.end() < len(line) and line[m.end()].isalpha() and text[-1].isalpha():
        text += " "
    return text


def _layout(text: str) -> str:
    """Lines of a layout dump: bullets dropped, and a table laid out side by side
    read column by column (its cells start at the same offsets row after row)."""
    rows = [[(m.start(), m.group()) for m in LAYOUT_PART.finditer(BULLET.sub(lambda b: " " * len(b.group(0)), row))]
            for row in text.split("\n")]
    wide = [i for i, parts in enumerate(rows) if len(parts) >= 2]
    # A column starts where the cells of several rows start (within a little slack).
    offsets = [at for i in wide for at, _ in rows[i][1:] if at >= MIN_COLUMN_OFFSET]
    starts = sorted({at for at in offsets
                     if sum(1 for o in offsets if abs(o - at) <= COLUMN_SLACK) >= MIN_TABLE_ROWS})
    starts = [at for k, at in enumerate(starts) if k == 0 or at - starts[k - 1] > COLUMN_SLACK]
    wide = [i for i in wide if any(abs(at - st) <= COLUMN_SLACK for at, _ in rows[i][1:] for st in starts)]
    out: list[str] = []
    if len(wide) < MIN_TABLE_ROWS or not starts:
        for parts in rows:
            out.extend(part for _, part in parts) if parts else out.append("")
        return "\n".join(out)
    first, last = wide[0], wide[-1]
    for parts in rows[:first]:
        out.extend(part for _, part in parts) if parts else out.append("")
    columns: dict[int, list[str]] = {}
    for parts in rows[first:last + 1]:
        for at, part in parts:
            columns.setdefault(sum(1 for s in starts if s <= at + COLUMN_SLACK), []).append(part)
    for k in sorted(columns):
        out.extend(columns[k])
        out.append("")
    for parts in rows[last + 1:]:
        out.extend(part for _, part in parts) if parts else out.append("")
    return "\n".join(out)

def _oneline(text: str) -> Reshaped:
    """A page on one line: its <title> comes first and names the headline, which
    the page shows again further on; the headline, the sentences and the
    metadata items are cut apart."""
    text = " ".join(text.split())
    headline, at = _repeated_title(text)
    if headline:
        text = text[:at] + "\n" + headline + "\n" + text[at + len(headline):]
    text = COMMENTS_HEADER.sub(lambda m: f"\n{m.group(0).strip()}\n", text)
    text = ONELINE_ITEM_END.sub(lambda m: (m.group(1) or m.group(2)) + "\n", text)
    parts = []
    for piece in text.split("\n"):
        parts.extend(p for chunk in ONELINE_CUTS.split(piece) for p in SENTENCE_END.split(chunk) if p.strip())
    # Marks alone ("+ -" of a font-size widget) say nothing, and would glue to the next part.
    parts = [p for p in parts if WORDLIKE.search(p)]
    return Reshaped("\n".join(parts), "oneline", headline)


def _repeated_title(text: str) -> tuple[str | None, int]:
    """The part of the title bar at the page's start that the page shows again, and where."""
    parts = TITLE_BAR_SPLIT.split(text[:400], maxsplit=MAX_BAR_PARTS)[:MAX_BAR_PARTS]
    # The bar's last part runs on into the page's text: its words from the start, longest first;
    # so does its first part when the <title> holds the headline alone, and the header's
    # own bar ("روزنامه | آرشیو") is what was cut.
    tails = []
    for part in dict.fromkeys((parts[-1], parts[0])):
        words = part.split()[:MAX_HEADLINE_WORDS]
        tails += [" ".join(words[:k]) for k in range(len(words), MIN_TITLE_WORDS - 1, -1)]
    # Compared with digits and letter forms folded one to one: the <title> may write
    # "۱۶" where the page writes "16" (positions stay those of the text).
    folded = text.translate(ONE_TO_ONE)
    for part in sorted(parts[:-1], key=len, reverse=True) + tails:
        part = part.strip()
        if len(part.split()) < MIN_TITLE_WORDS:
            continue
        key = part.translate(ONE_TO_ONE)
        at = folded.find(key, folded.find(key) + len(key))
        if at > 0:
            return text[at:at + len(part)], at
    return None, 0


def rejoin(labeled: list[Labeled], shape: str) -> list[Labeled]:
    """A page saved on one line has no paragraphs: the sentences it was cut into
    and that are kept one after another are one paragraph again."""
    if shape != "oneline":
        return labeled
    out: list[Labeled] = []
    for item in labeled:
        prev = out[-1] if out else None
        if prev is not None and item.kind is Kind.PARAGRAPH and prev.kind is Kind.PARAGRAPH:
            line = Line(f"{prev.line.text} {item.line.text}", prev.line.numbers, prev.line.gap_before)
            out[-1] = Labeled(line, Kind.PARAGRAPH, None)
        else:
            out.append(item)
    return out

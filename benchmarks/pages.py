"""Pages for the benchmark: each one a sample page's furniture around another real article.

A real folder holds one site's pages: the same menus, footers and labels on every
page, a different article on each. Copying the samples N times would repeat the
articles too, which no real folder does (and which would flatter any cache of
repeated lines). So each page here is a sample page (``seeds/`` and
``../shared/cases/dev/raw``) whose title, lead and paragraphs, as khabar finds
them, are replaced by the next article of ``../shared/corpus``; the page keeps
its site's encoding, line ends, spacing and lost half-spaces, and gets its own
news code. Pages go into one folder per site, 500 files a folder. The corpus
has 1,400 articles: past that many pages they come round again, in other pages
and with their paragraphs in another order.

Without ``../shared/corpus`` the samples are copied as they are (news code changed).
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from khabar.core.decode import decode
from khabar.core.metadata import labels
from khabar.core.model import Kind
from khabar.core.pipeline import clean_text
from khabar.core.segment import NEWLINES

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
DEV = SHARED / "cases" / "dev" / "raw"
CORPUS = SHARED / "corpus"
PER_FOLDER = 500
# Windows-1256 has neither Persian 'ی' nor Persian digits: its pages write these.
CP1256 = str.maketrans({"ی": "ي", **{chr(0x06F0 + i): str(i) for i in range(10)}})
# Encodings as decode() names them, as Python writes them.
WRITE_AS = {"utf-8 (BOM)": "utf-8-sig", "utf-16 (BOM)": "utf-16", "windows-1256": "cp1256"}


@dataclass
class Sample:
    site: str
    data: bytes
    parts: list[str]  # lines and the line breaks between them, alternately
    encoding: str
    title: int | None  # index in parts of the title line
    lead: int | None
    paragraphs: list[list[int]]  # each paragraph's lines (a paragraph split over lines has several)
    halfspaces: bool  # the page kept its half-spaces

    @property
    def newline(self) -> str:
        return Counter(self.parts[1::2]).most_common(1)[0][0] if len(self.parts) > 1 else "\n"


def load_samples() -> list[Sample]:
    found = sorted(ROOT.glob("seeds/*.txt")) + (sorted(DEV.glob("*.txt")) if DEV.is_dir() else [])
    return [_sample(p) for p in found]


def _sample(path: Path) -> Sample:
    data = path.read_bytes()
    decoded = decode(data)
    site = path.stem.split("-")[0] if "-" in path.stem else "samples"
    parts = re.split(f"({NEWLINES.pattern})", decoded.text)  # line k (from 1) is parts[2k - 2]
    article = clean_text(decoded.text)
    where = {kind: [] for kind in (Kind.TITLE, Kind.LEAD, Kind.PARAGRAPH)}
    for item in article.lines:
        if item.kind in where:
            where[item.kind].append([2 * (n - 1) for n in item.line.numbers])
    title, lead = (where[kind][0][0] if where[kind] else None for kind in (Kind.TITLE, Kind.LEAD))
    return Sample(site, data, parts, WRITE_AS.get(decoded.encoding, "utf-8"), title, lead, where[Kind.PARAGRAPH],
                  "\u200c" in decoded.text)


def load_articles() -> list[dict]:
    """The corpus articles, the two sites interleaved."""
    sites = [[json.loads(line) for line in p.open(encoding="utf-8")] for p in sorted(CORPUS.glob("*.jsonl"))]
    longest = max(map(len, sites), default=0)
    return [site[i] for i in range(longest) for site in sites if i < len(site)]


def page(sample: Sample, article: dict | None, i: int) -> bytes:
    """The sample with the article in place of its own, and news code ``i``."""
    code = str(900_000_000 + i)
    if article is None or not sample.paragraphs:
        text = "".join(sample.parts)
    else:
        parts = list(sample.parts)

        def put(index: int | None, value: str) -> None:
            if index is not None:
                parts[index] = value if sample.halfspaces else value.replace("\u200c", "")

        paragraphs = list(article["paragraphs"]) or [article["lead"]]
        turn = (i // 1400) % len(paragraphs)  # a later round of the corpus: another order
        paragraphs = paragraphs[turn:] + paragraphs[:turn]
        put(sample.title, article["title"])
        put(sample.lead, article.get("lead") or "")
        apart = sample.newline * (2 if _blank_between(sample) else 1)
        slots = sample.paragraphs
        for n, lines in enumerate(slots):
            last = n == len(slots) - 1
            put(lines[0], apart.join(paragraphs[n:]) if last else (paragraphs[n] if n < len(paragraphs) else ""))
            for extra in lines[1:]:  # the rest of a paragraph split over lines
                parts[extra] = ""
        text = "".join(parts)
    # Its own news code, where the page states one ("کد خبر: 1234").
    text = labels().news_id.sub(lambda m: m.group(0)[:m.start("value") - m.start()] + code, text, count=1)
    if sample.encoding == "cp1256":
        text = text.translate(CP1256)
    return text.encode(sample.encoding, errors="replace")


def _blank_between(sample: Sample) -> bool:
    if len(sample.paragraphs) < 2:
        return True
    a, b = sample.paragraphs[0][-1], sample.paragraphs[1][0]
    return any(not sample.parts[k].strip() for k in range(a + 2, b, 2))


def make_pages(folder: Path, n: int) -> int:
    """n pages in one folder per site, 500 files a folder; their total size in bytes."""
    samples, articles = load_samples(), (load_articles() if CORPUS.is_dir() else [])
    total, per_site = 0, Counter()
    for i in range(n):
        sample = samples[i % len(samples)]
        data = page(sample, articles[i % len(articles)] if articles else None, i)
        sub = folder / sample.site / f"part{per_site[sample.site] // PER_FOLDER:04}"
        per_site[sample.site] += 1
        sub.mkdir(parents=True, exist_ok=True)
        (sub / f"page{i:07}.txt").write_bytes(data)
        total += len(data)
    return total

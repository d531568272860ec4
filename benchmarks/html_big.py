#!/usr/bin/env python3
"""Big HTML pages through the whole command: wall time and peak memory (/usr/bin/time -v)
of `khabar clean` on ~45-50 MB pages built from one real-looking article page, and
whether the article came out the same as from the page alone.

    .venv/bin/python benchmarks/html_big.py PAGE.html [--size-mb 45] [--work /tmp/khabar-big]

PAGE is any article page, e.g. one of benchmarks/htmlpages/make.py's (dev/raw/isna-01.html).
The pages: a menu of hundreds of thousands of links before the article, comments after it,
a page of short blocks with no article region, an inline image, the article nested 10,000
and 100,000 deep, and one paragraph of the whole size. The bounds are core/html_window.py's.
"""
from __future__ import annotations

import argparse
import json
import re
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
KHABAR = ROOT / ".venv" / "bin" / "khabar"
FIELDS = ("title", "lead", "published", "news_id", "tags", "text")


def pages(article: str, size: int) -> dict[str, str]:
    def fill(item) -> str:
        one = len(item(size // 100).encode())  # an item of a typical number's length
        return "".join(item(i) for i in range(size // one))
    words = " ".join(["گزارش", "خبرنگار", "استان", "درباره", "بارش", "باران", "جاده", "امروز"] * 6)
    menu = fill(lambda i: f"<li><a href='/c/{i}'>دسته خبری شماره {i} {words}</a></li>\n")
    comments = fill(lambda i: f"<li class='comment'><span>کاربر {i}</span><p>این نظر شماره {i} است و "
                              f"{words} {words}</p></li>\n")
    rows = fill(lambda i: f"<div class='c{i % 7}'><span>سطر کوتاه شماره {i}</span><a href='/n/{i}'>پیوند</a></div>\n")
    image = "A" * size  # a page saved whole: its images inline, as base64
    body = re.search(r"<body[^>]*>", article)
    start, end = body.end(), article.rindex("</body>")
    return {
        "menu before the article": article[:start] + f"<nav class='mega'><ul>{menu}</ul></nav>" + article[start:],
        "comments after the article": article[:end] + f"<section class='comments'><ul>{comments}</ul></section>"
                                      + article[end:],
        "short blocks, no article": f"<!DOCTYPE html><html><body>{rows}</body></html>",
        "an inline image of the whole size": article[:start] + f"<img src='data:image/png;base64,{image}'>"
                                             + article[start:],
        "the article nested 10,000 deep": article[:start] + "<div>" * 10_000 + article[start:end]
                                          + "</div>" * 10_000 + article[end:],
        "the article nested 100,000 deep": article[:start] + "<div>" * 100_000 + article[start:end]
                                           + "</div>" * 100_000 + article[end:],
        "a paragraph of the whole size in the article": article.replace("<p>", "<p>" + fill(
            lambda i: f"جمله شماره {i} این پاراگراف بسیار بلند است و ادامه دارد. "), 1),
    }


def run(path: Path) -> tuple[dict, float, int]:
    out = subprocess.run(["/usr/bin/time", "-v", str(KHABAR), "clean", "--format", "jsonl", str(path)],
                         capture_output=True, text=True)
    wall = re.search(r"Elapsed \(wall clock\) time.*: (?:(\d+):)?(\d+):([\d.]+)", out.stderr)
    secs = int(wall.group(1) or 0) * 3600 + int(wall.group(2)) * 60 + float(wall.group(3))
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", out.stderr).group(1))
    got = json.loads(out.stdout) if out.stdout.strip() else {"refused": out.stderr.splitlines()[0]}
    return got, secs, rss


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("page", type=Path)
    ap.add_argument("--size-mb", type=float, default=45)
    ap.add_argument("--work", type=Path, default=Path("/tmp/khabar-big"))
    args = ap.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    alone, secs, rss = run(args.page)
    print(f"| page | MB | wall s | peak RSS MB | article as from the page alone | warning |\n|---|---|---|---|---|---|")
    print(f"| the page alone | {args.page.stat().st_size / 1e6:.2f} | {secs:.2f} | {rss / 1024:.0f} | - | - |")
    for n, (label, html) in enumerate(pages(args.page.read_text(encoding="utf-8"), int(args.size_mb * 1e6)).items()):
        path = args.work / f"big-{n}.html"
        path.write_text(html, encoding="utf-8")
        got, secs, rss = run(path)
        same = all(got.get(f) == alone.get(f) for f in FIELDS) if "refused" not in got and "no article" not in label \
            else "-"
        warning = got.get("refused") or next((w for w in got.get("warnings", []) if "lines" in w), "")
        print(f"| {label} | {path.stat().st_size / 1e6:.1f} | {secs:.2f} | {rss / 1024:.0f} | {same} | {warning} |")


if __name__ == "__main__":
    main()

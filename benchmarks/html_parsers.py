#!/usr/bin/env python3
"""lxml (lxml.html, libxml2) against selectolax (lexbor) on Persian news pages: parse + walk
speed and what each does with bad pages. The figures behind core/html_read.py's choice.

    .venv/bin/python benchmarks/html_parsers.py PAGES_DIR [--rounds 7]

PAGES_DIR holds *.html pages (e.g. benchmarks/htmlpages/make.py's dev/raw and unseen/raw).
Needs lxml and selectolax (pip install lxml selectolax; lxml is a benchmark tool only).
"""
from __future__ import annotations

import argparse
import resource
import time
from pathlib import Path

PERSIAN = "خبرگزاری تسنیم گزارش داد که بارش باران در تمامی مناطق استان ادامه دارد."


def lxml_walk(data: bytes) -> int:
    import lxml.html
    root = lxml.html.document_fromstring(data)
    n = 0
    for el in root.iter():
        n += len(el.text or "") + len(el.tail or "")
    return n


def lexbor_walk(data: bytes) -> int:
    from selectolax.lexbor import LexborHTMLParser
    tree = LexborHTMLParser(data)
    n = 0
    for node in tree.root.traverse(include_text=True):
        if node.tag == "-text":
            n += len(node.text_content or "")
    return n


def text_of(name: str, data: bytes | str) -> str:
    if name == "lxml":
        import lxml.html
        return lxml.html.document_fromstring(data).text_content()
    from selectolax.lexbor import LexborHTMLParser
    return LexborHTMLParser(data).body.text(deep=True)


WALKS = {"lxml": lxml_walk, "lexbor": lexbor_walk}


def speed(pages: list[bytes], rounds: int) -> dict[str, float]:
    best = dict.fromkeys(WALKS, float("inf"))
    for _ in range(rounds):  # interleaved, so a busy moment costs both alike
        for name, walk in WALKS.items():
            t = time.perf_counter()
            for data in pages:
                walk(data)
            best[name] = min(best[name], time.perf_counter() - t)
    return {name: len(pages) / secs for name, secs in best.items()}


def bad_pages() -> dict[str, bytes | str]:
    """Structure cases as decoded text (khabar decodes before parsing); encoding cases as bytes."""
    p = f"<p>{PERSIAN}</p>"
    deep = "<div>" * 10_000 + p + "</div>" * 10_000
    big_body = "".join(f"<div class='c{i % 7}'><p>{PERSIAN} {i}</p><a href='/n/{i}'>پیوند {i}</a></div>\n"
                       for i in range(240_000))
    return {
        "malformed (stray </div>, bad attrs, <p> in <span>)":
            f"<html><body></div><span><p class=x y=z<b><i>{PERSIAN}</b></i></span></p></b><div>",
        "unclosed tags (<p><li><div> never closed)":
            f"<html><body><div><ul><li>x<li><p>{PERSIAN}<p>y",
        "nested 10,000 deep": f"<html><body>{deep}</body></html>",
        "windows-1256 with http-equiv": (
            '<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1256">'
            f"</head><body>{p}</body></html>").encode("cp1256", "replace"),
        "UTF-8, no charset declared": f"<html><body>{p}</body></html>".encode(),
        "~50 MB page": f"<html><body>{big_body}</body></html>",
    }


def robustness() -> list[str]:
    rows = []
    for label, data in bad_pages().items():
        for name in WALKS:
            t = time.perf_counter()
            try:
                text = text_of(name, data)
                got = ("text kept" if "بارش باران" in text else "TEXT LOST")
            except Exception as err:  # the point is to see what breaks
                got = f"error {type(err).__name__}: {err}"[:60]
            secs = time.perf_counter() - t
            size = len(data if isinstance(data, bytes) else data.encode()) / 1e6
            rows.append(f"| {label} ({size:.1f} MB) | {name} | {got} | {secs:.2f} s |")
    return rows


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("pages", type=Path)
    ap.add_argument("--rounds", type=int, default=7)
    args = ap.parse_args()
    pages = [p.read_bytes() for p in sorted(args.pages.rglob("*.htm*"))]
    rates = speed(pages, args.rounds)
    print(f"parse + walk, {len(pages)} pages, best of {args.rounds}: "
          + ", ".join(f"{n} {r:,.0f} pages/s" for n, r in rates.items()))
    print("| page | parser | result | time |\n|---|---|---|---|")
    print("\n".join(robustness()))
    print(f"peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Score khabar on the HTML development pages saved in every shape, in one command.

    .venv/bin/python benchmarks/shapes_score.py [--work DIR] [--pages DIR] [--cmd KHABAR]
                                                [--trafilatura] [--parsers] [--json FILE]
                                                [--parts dev,unseen,unseen2] [--by-style]

1. writes the pages of benchmarks/htmlpages (make.py: the dev, unseen and unseen2
   site styles) into WORK/pages, unless --pages names pages made before;
2. turns each part into every shape with ../shared/eval/shapes.py (WORK/shapes/<part>/<shape>);
3. runs ../shared/eval/score.py on each shape and prints one table per part
   (every part make.py wrote, or those --parts names):
   shape x (boilerplate P, R, F1, then each metadata field).

shapes.py reads a page as UTF-8, so a page declared windows-1256 is given to it
transcoded (what any saving tool does: it decodes the page by its declaration
before it writes text); the `html` shape keeps the page's original bytes.
khabar's folders take *.txt by default, so the `html` row is what `khabar clean
folder/` does with saved HTML today; `html-as-text` makes it read the same pages
(--include '*.html') as text.

--trafilatura adds trafilatura 2.x (`bare_extraction(html, with_metadata=True)`)
on the `html` shape as a peer row, with pages per second; --parsers times lxml
and selectolax parsing the same pages (issue 18). Both need the `bench` extra:
pip install -e '.[bench]'.
"""
from __future__ import annotations

import argparse
import json
import re
import shlex
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SHAPES = SHARED / "eval" / "shapes.py"
SCORE = SHARED / "eval" / "score.py"
MAKE = ROOT / "benchmarks" / "htmlpages" / "make.py"
ORDER = ["naive", "bs4_nl", "inscriptis", "bs4_sp", "oneline", "h2t", "h2t78", "regex", "html", "html-as-text"]
FIELDS = ["title", "surtitle", "lead", "published", "news_id", "source", "tags"]
CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w-]+)""", re.I)


def run(argv: list[str], **kw) -> subprocess.CompletedProcess:
    return subprocess.run(argv, capture_output=True, text=True, encoding="utf-8", **kw)


def declared(raw: bytes) -> str:
    m = CHARSET.search(raw[:4096])
    return m.group(1).decode("ascii").lower() if m else "utf-8"


def make_shapes(part: Path, out: Path) -> None:
    """Every shape of one part; pages in another charset go to shapes.py as UTF-8."""
    with tempfile.TemporaryDirectory() as tmp:
        utf8 = Path(tmp)
        (utf8 / "raw").mkdir()
        (utf8 / "gold").symlink_to((part / "gold").resolve())
        originals = {}
        for page in sorted((part / "raw").glob("*.htm*")):
            raw = page.read_bytes()
            enc = declared(raw)
            if enc not in ("utf-8", "utf8"):
                originals[page.name] = raw
                raw = raw.decode(enc, "replace").encode("utf-8")
            (utf8 / "raw" / page.name).write_bytes(raw)
        proc = run([sys.executable, str(SHAPES), str(utf8), str(out)])
        if proc.returncode:
            raise SystemExit(f"shapes.py failed:\n{proc.stderr[-3000:]}")
    for name, raw in originals.items():
        (out / "html" / "raw" / name).write_bytes(raw)


def score(cases: Path, cmd: str | None = None, jsonl: Path | None = None) -> dict:
    argv = [sys.executable, str(SCORE), str(cases), "--json"]
    argv += ["--jsonl", str(jsonl)] if jsonl else ["--cmd", cmd]
    proc = run(argv)
    if proc.returncode:
        raise SystemExit(f"score.py failed on {cases}:\n{proc.stderr[-3000:]}")
    return json.loads(proc.stdout)


def khabar(cmd: str, shape: Path, out: Path, *extra: str) -> Path:
    """What score.py runs (CMD clean --format jsonl RAW), kept in a file to read and rescore."""
    proc = run(shlex.split(cmd) + ["clean", "--format", "jsonl", *extra, str(shape / "raw")])
    if proc.returncode not in (0, 1):
        raise SystemExit(f"khabar exited {proc.returncode} on {shape}:\n{proc.stderr[-3000:]}")
    out.write_text(proc.stdout, encoding="utf-8")
    return out


def by_style(shape: Path, jsonl: Path, work: Path) -> dict[str, dict]:
    """The same score per site style (case names are <style>-<n>)."""
    styles = sorted({g.stem.rsplit("-", 1)[0] for g in (shape / "gold").glob("*.json")})
    result = {}
    for style in styles:
        cases = work / style
        (cases / "gold").mkdir(parents=True, exist_ok=True)
        for g in (shape / "gold").glob(f"{style}-*.json"):
            (cases / "gold" / g.name).write_bytes(g.read_bytes())
        result[style] = score(cases, jsonl=jsonl)
    return result


def trafilatura_jsonl(shape: Path, out: Path) -> tuple[Path, float]:
    """trafilatura's answers in khabar's fields, and its pages per second."""
    import trafilatura
    pages = sorted((shape / "raw").glob("*.htm*"))
    trafilatura.bare_extraction(pages[0].read_bytes(), with_metadata=True)  # warm up: imports, caches
    best = float("inf")
    for _ in range(3):  # the best of three runs: other work on the machine only slows a run down
        rows, start = [], time.perf_counter()
        for page in pages:
            doc = trafilatura.bare_extraction(page.read_bytes(), with_metadata=True)
            d = doc.as_dict() if doc is not None else {}
            # Its tags as it gives them (one string per keywords field), its description as the lead.
            rows.append({"path": str(page), "title": d.get("title"), "surtitle": None,
                         "lead": d.get("description"), "published": d.get("date"), "news_id": None,
                         "source": None, "tags": d.get("tags") or [], "text": d.get("text") or ""})
        best = min(best, time.perf_counter() - start)
    rate = len(pages) / best
    out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return out, rate


def khabar_speed(cmd: str, shape: Path) -> float:
    """Pages per second of one khabar process over a shape's folder (best of three)."""
    n, best = len(list((shape / "raw").glob("*"))), float("inf")
    for _ in range(3):
        start = time.perf_counter()
        run(shlex.split(cmd) + ["clean", "--format", "jsonl", "-j", "1", "--include", "*", str(shape / "raw")])
        best = min(best, time.perf_counter() - start)
    return n / best


def parser_speed(shape: Path, rounds: int = 15) -> dict[str, float]:
    """Pages per second parsing the same bytes into a tree and walking its text.

    selectolax 1.0 dropped its older Modest engine: lexbor is the one to compare."""
    from lxml import html as lxml_html
    from selectolax.lexbor import LexborHTMLParser
    pages = [p.read_bytes() for p in sorted((shape / "raw").glob("*.htm*"))]
    # Bytes in, as khabar gets them: lxml reads the <meta> charset itself; lexbor
    # needs encoding=True for a page that is not UTF-8 (the windows-1256 style).
    parsers = {
        "lxml.html parse": lambda b: lxml_html.document_fromstring(b),
        "lexbor parse": lambda b: LexborHTMLParser(b, encoding=True),
        "lxml.html parse+text": lambda b: lxml_html.document_fromstring(b).text_content(),
        "lexbor parse+text": lambda b: LexborHTMLParser(b, encoding=True).text(),
    }
    best = dict.fromkeys(parsers, float("inf"))
    for _ in range(rounds):  # interleaved, best of each: load from other work hits all alike
        for name, parse in parsers.items():
            start = time.perf_counter()
            for b in pages:
                parse(b)
            best[name] = min(best[name], time.perf_counter() - start)
    return {name: len(pages) / t for name, t in best.items()}


def parser_limits() -> list[str]:
    """What each parser does with the bad inputs issue 18 names: deep nesting, a big page, no charset."""
    from lxml import html as lxml_html
    from selectolax.lexbor import LexborHTMLParser
    word = "متن عمیق"
    out = []
    for depth in (300, 10_000):
        page = "<html><body>" + "<div>" * depth + word + "</div>" * depth + "</body></html>"
        got = {"lxml": lxml_html.document_fromstring(page).text_content(),
               "lxml huge_tree": lxml_html.document_fromstring(page, parser=lxml_html.HTMLParser(huge_tree=True)).text_content(),
               "lexbor": LexborHTMLParser(page).text()}
        out.append(f"nesting {depth}: " + ", ".join(f"{k} {'keeps' if word in v else 'LOSES'} the text" for k, v in got.items()))
    para = "<p>" + "خبر " * 40 + "</p>\n"
    big = ("<html><body>" + para * 100_000 + "</body></html>").encode()
    times = {}
    for name, parse in (("lxml", lxml_html.document_fromstring), ("lexbor", lambda b: LexborHTMLParser(b, encoding=True))):
        start = time.perf_counter()
        parse(big)
        times[name] = time.perf_counter() - start
    out.append(f"{len(big) / 1e6:.0f} MB page: " + ", ".join(f"{k} {v:.2f} s" for k, v in times.items()))
    bare = ("<html><body><p>" + word + "</p></body></html>").encode()  # UTF-8, no charset declared
    out.append("UTF-8 bytes without a charset: lxml reads " + repr(lxml_html.document_fromstring(bare).text_content())
               + ", lexbor (encoding=True) reads " + repr(LexborHTMLParser(bare, encoding=True).text()))
    return out


def table(title: str, rows: dict[str, dict]) -> str:
    head = f"{'shape':<14}{'P':>7}{'R':>7}{'F1':>7}" + "".join(f"{f[:9]:>10}" for f in FIELDS) + "   missing"
    lines = [f"## {title}", head]
    for name, r in rows.items():
        cells = "".join(f"{r[f]:>10.2f}" if f in r else f"{'-':>10}" for f in FIELDS)
        lines.append(f"{name:<14}{r['precision']:>7.3f}{r['recall']:>7.3f}{r['f1']:>7.3f}{cells}"
                     f"   {len(r['missing'])}/{r['cases']}")
    return "\n".join(lines)


def style_table(styles: dict[str, dict[str, dict]]) -> str:
    """F1 / title / published of each site style in each shape."""
    names = sorted(next(iter(styles.values())))
    lines = ["F1 title published, per style", f"{'shape':<14}" + "".join(f"{n:>16}" for n in names)]
    for shape, per in styles.items():
        cells = "".join(f"{per[n]['f1']:>6.2f}{per[n].get('title', 0):>5.2f}{per[n].get('published', 0):>5.2f}"
                        for n in names)
        lines.append(f"{shape:<14}{cells}")
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "khabar-shapes")
    ap.add_argument("--pages", type=Path, help="pages from make.py (default: make them in WORK/pages)")
    ap.add_argument("--cmd", default=f"nice -n 10 {ROOT / '.venv' / 'bin' / 'khabar'}", help="how to start khabar")
    ap.add_argument("--trafilatura", action="store_true", help="add trafilatura on the html shape")
    ap.add_argument("--parsers", action="store_true", help="time lxml and selectolax on the html shape")
    ap.add_argument("--by-style", action="store_true", help="also print F1, title, published per site style")
    ap.add_argument("--json", type=Path, help="also write every figure here")
    ap.add_argument("--parts", help="comma-separated parts to score (default: every part, dev and unseen first)")
    args = ap.parse_args()
    pages = args.pages
    if pages is None:
        pages = args.work / "pages"
        proc = run([sys.executable, str(MAKE), str(pages)])
        if proc.returncode:
            raise SystemExit(f"make.py failed:\n{proc.stderr[-3000:]}")
    report = {}
    found = sorted((p.name for p in pages.iterdir() if (p / "raw").is_dir()),
                   key=lambda name: (name not in ("dev", "unseen"), name != "dev", name))
    for part in args.parts.split(",") if args.parts else found:
        if part not in found:
            raise SystemExit(f"no part {part!r} in {pages} (found: {', '.join(found)})")
        out = args.work / "shapes" / part
        make_shapes(pages / part, out)
        rows, styles = {}, {}
        outputs = args.work / "outputs" / part
        outputs.mkdir(parents=True, exist_ok=True)
        for shape in ORDER:
            folder = out / ("html" if shape == "html-as-text" else shape)
            if not folder.is_dir():
                continue
            extra = ("--include", "*.html", "--include", "*.htm") if shape == "html-as-text" else ()
            jsonl = khabar(args.cmd, folder, outputs / f"{shape}.jsonl", *extra)
            rows[shape] = score(folder, jsonl=jsonl)
            styles[shape] = by_style(folder, jsonl, args.work / "by-style" / part / shape)
        if args.trafilatura:
            jsonl, rate = trafilatura_jsonl(out / "html", outputs / "trafilatura.jsonl")
            rows["trafilatura"] = {**score(out / "html", jsonl=jsonl), "pages_per_s": round(rate, 1)}
            styles["trafilatura"] = by_style(out / "html", jsonl, args.work / "by-style" / part / "trafilatura")
        report[part] = {"rows": rows, "styles": styles}
        print(table(f"{part} ({rows['naive']['cases']} pages)", rows))
        if args.trafilatura:
            rate = khabar_speed(args.cmd, out / "naive")
            report[part]["khabar_naive_pages_per_s"] = rate
            print(f"trafilatura on html: {rows['trafilatura']['pages_per_s']} pages/s (one process, in-process calls); "
                  f"khabar clean -j 1 on the naive text: {rate:.1f} pages/s (whole command, start included)")
        if args.parsers:
            speed = parser_speed(out / "html")
            report[part]["parsers"] = speed
            print("pages/s: " + ", ".join(f"{k} {v:.0f}" for k, v in speed.items()))
        if args.by_style:
            print(style_table(styles))
        print()
    if args.parsers:
        report["parser_limits"] = parser_limits()
        print("\n".join(report["parser_limits"]))
    if args.json:
        args.json.write_text(json.dumps(report, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()

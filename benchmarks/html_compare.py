#!/usr/bin/env python3
"""khabar against trafilatura on HTML news pages: score.py's fields and pages per second.

    .venv/bin/python benchmarks/html_compare.py PAGES [--rounds 3] [--json FILE]

PAGES is benchmarks/htmlpages/make.py's output (PAGES/{dev,unseen}/{raw,gold}: the `html`
shape of ../shared/eval/shapes.py is these very bytes). khabar is run as score.py runs it
(`khabar clean --format jsonl RAW`); trafilatura 2.x as `extract(html, with_metadata=True,
output_format='json')`, its fields mapped onto khabar's: title, excerpt as the lead, date as
published, tags split on its own ';', text. Speed: in one process for both (khabar's
clean_record, trafilatura's extract; best of --rounds), and khabar's whole command
(`clean -j 1`, start included). trafilatura is a benchmark tool, not a dependency:
pip install trafilatura lxml_html_clean.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SCORE = ROOT.parent / "shared" / "eval" / "score.py"
KHABAR = ROOT / ".venv" / "bin" / "khabar"
FIELDS = ("title", "surtitle", "lead", "published", "news_id", "source", "tags")


def score(cases: Path, jsonl: Path) -> dict:
    out = subprocess.run([sys.executable, str(SCORE), str(cases), "--jsonl", str(jsonl), "--json"],
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def trafilatura_rows(pages: list[Path]) -> list[dict]:
    import trafilatura
    rows = []
    for page in pages:
        found = trafilatura.extract(page.read_bytes(), with_metadata=True, output_format="json")
        d = json.loads(found) if found else {}
        rows.append({"path": str(page), "title": d.get("title"), "surtitle": None, "lead": d.get("excerpt"),
                     "published": d.get("date"), "news_id": None, "source": None,
                     "tags": [t for t in (d.get("tags") or "").split(";") if t.strip()],
                     "text": d.get("text") or ""})
    return rows


def khabar_rows(pages: list[Path]) -> list[dict]:
    from khabar.core.pipeline import clean_record
    return [clean_record(page.read_bytes(), path=str(page)) for page in pages]


def best_rate(fn, pages: list[Path], rounds: int) -> tuple[list[dict], float]:
    rows, best = fn(pages[:1]), float("inf")  # warm up: imports, word lists
    for _ in range(rounds):
        start = time.perf_counter()
        rows = fn(pages)
        best = min(best, time.perf_counter() - start)
    return rows, len(pages) / best


def command_rate(raw: Path, n: int, rounds: int, out: Path) -> float:
    best = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        with out.open("w", encoding="utf-8") as f:
            subprocess.run([str(KHABAR), "clean", "--format", "jsonl", "-j", "1", str(raw)], stdout=f, check=False)
        best = min(best, time.perf_counter() - start)
    return n / best


def row(name: str, s: dict, rate: float) -> str:
    return (f"| {name} | {s['precision']:.3f} | {s['recall']:.3f} | {s['f1']:.3f} | "
            + " | ".join(f"{s.get(f, 0):.2f}" for f in FIELDS) + f" | {rate:,.0f} |")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("pages", type=Path)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--json", type=Path)
    args = ap.parse_args()
    report = {}
    work = Path("/tmp/khabar-html-compare")
    work.mkdir(exist_ok=True)
    for part in ("dev", "unseen"):
        cases = args.pages / part
        pages = sorted((cases / "raw").glob("*.htm*"))
        out = work / f"khabar-{part}.jsonl"
        cmd_rate = command_rate(cases / "raw", len(pages), args.rounds, out)
        k_score = score(cases, out)
        _, k_rate = best_rate(khabar_rows, pages, args.rounds)
        t_rows, t_rate = best_rate(trafilatura_rows, pages, args.rounds)
        t_out = work / f"trafilatura-{part}.jsonl"
        t_out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in t_rows), encoding="utf-8")
        t_score = score(cases, t_out)
        report[part] = {"pages": len(pages), "khabar": k_score, "trafilatura": t_score,
                        "khabar_pages_per_s": k_rate, "khabar_command_pages_per_s": cmd_rate,
                        "trafilatura_pages_per_s": t_rate}
        print(f"\n{part}: {len(pages)} pages\n")
        print("| tool | P | R | F1 | " + " | ".join(FIELDS) + " | pages/s |")
        print("|---|" + "---|" * (4 + len(FIELDS)))
        print(row("khabar", k_score, k_rate))
        print(row("trafilatura", t_score, t_rate))
        print(f"\nkhabar's whole command (clean -j 1, start included): {cmd_rate:,.0f} pages/s")
    if args.json:
        args.json.write_text(json.dumps(report, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()

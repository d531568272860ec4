"""Half-space restoration on news text khabar was not tuned on.

    .venv/bin/python benchmarks/halfspace_heldout.py [--all-lines] [--cmd CMD] [--keep DIR]

Builds one text per site from the real article texts in
``../shared/corpus/*.jsonl`` (title, lead and paragraphs, one paragraph a
line, spaces collapsed), then scores each, and ``../shared/eval/zwnj/dev.txt``,
with ``../shared/eval/zwnj.py`` and the installed ``khabar``: every half-space
is deleted and ``khabar normalize`` has to put it back.

By default only the lines that have a half-space are kept: they are the
writers who use it, and a line written without any (its writer joins or
spaces every compound) would count each half-space khabar puts back as a
false positive. ``--all-lines`` keeps them all.

The targets (issue 4): precision >= 0.95, recall >= 0.85, other gaps
changed <= 5 per 10,000.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ZWNJ = "\u200c"
ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def corpus_text(path: Path, *, only_halfspaced: bool) -> str:
    lines = []
    with path.open(encoding="utf-8") as f:
        for raw in f:
            if not raw.strip():
                continue
            record = json.loads(raw)
            for text in [record.get("title"), record.get("lead"), *(record.get("paragraphs") or [])]:
                if isinstance(text, str) and text.strip():
                    line = " ".join(text.split())
                    if not only_halfspaced or ZWNJ in line:
                        lines.append(line)
    return "\n".join(lines) + "\n"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--all-lines", action="store_true", help="keep lines without any half-space too")
    ap.add_argument("--cmd", default=str(ROOT / ".venv" / "bin" / "khabar"), help="how to start khabar")
    ap.add_argument("--keep", type=Path, help="write the texts built into this folder")
    args = ap.parse_args()

    scorer, corpus = SHARED / "eval" / "zwnj.py", SHARED / "corpus"
    if not scorer.is_file() or not corpus.is_dir():
        print(f"halfspace_heldout: {SHARED} is missing (need eval/zwnj.py and corpus/*.jsonl);"
              " check out the shared folder next to the repository", file=sys.stderr)
        return 2
    texts: dict[str, Path] = {}
    out = args.keep or Path(tempfile.mkdtemp(prefix="khabar-heldout-"))
    out.mkdir(parents=True, exist_ok=True)
    dev = SHARED / "eval" / "zwnj" / "dev.txt"
    if dev.is_file():
        texts["dev.txt"] = dev
    for path in sorted(corpus.glob("*.jsonl")):
        target = out / f"{path.stem}.txt"
        target.write_text(corpus_text(path, only_halfspaced=not args.all_lines), encoding="utf-8")
        texts[path.stem + ("" if args.all_lines else " (lines with a half-space)")] = target
    print(f"{'text':40} {'half-spaces':>11} {'precision':>9} {'recall':>7} {'changed/10k':>11}")
    failed = False
    for name, path in texts.items():
        proc = subprocess.run([sys.executable, str(scorer), str(path), "--cmd", args.cmd, "--json"],
                              capture_output=True, text=True)
        if proc.returncode != 0:
            print(f"{name:40} failed: {proc.stderr.strip()[-300:]}")
            failed = True
            continue
        r = json.loads(proc.stdout)
        print(f"{name:40} {r['half_spaces']:>11} {r['precision']:>9.3f} {r['recall']:>7.3f} "
              f"{r['damaged_per_10k_gaps']:>11.2f}")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Make a corruption corpus: dev pages (or the samples) truncated, flipped and re-encoded.

    python tests/corruption.py OUT_DIR [--seed N]

Every variant is what real scraped folders hold: downloads cut short, flipped
bytes, a page saved in another encoding or with a BOM that lies, NUL bytes, old
Mac line endings, pages glued together. The test suite runs khabar over it and
expects every file to be cleaned or refused with a reason, and no crash.
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT.parent / "shared" / "cases" / "dev" / "raw"


def sources() -> list[Path]:
    found = sorted(DEV.glob("*.txt")) if DEV.is_dir() else []
    return found or sorted((ROOT / "seeds").glob("*.txt"))


def _as_text(data: bytes) -> str:
    for codec in ("utf-8-sig", "utf-16", "cp1256"):
        try:
            return data.decode(codec)
        except UnicodeDecodeError:
            continue
    return data.decode("utf-8", errors="replace")


def variants(data: bytes, rng: random.Random) -> dict[str, bytes]:
    text = _as_text(data)
    cut = rng.randrange(1, max(2, len(data)))
    flipped = bytearray(data)
    for _ in range(max(1, len(data) // 200)):
        i = rng.randrange(len(flipped))
        flipped[i] ^= 1 << rng.randrange(8)
    return {
        "truncated": data[:cut],
        "truncated-tiny": data[: rng.randrange(1, 16)],
        "flipped": bytes(flipped),
        "utf16le-no-bom": text.encode("utf-16-le"),
        "utf16be-bom": b"\xfe\xff" + text.encode("utf-16-be"),
        "utf8-bom-lies": b"\xef\xbb\xbf" + text.encode("utf-16-le"),
        "cp1256": text.replace("ی", "ي").encode("cp1256", errors="replace"),
        "latin1-mojibake": text.encode("utf-8").decode("latin-1").encode("utf-8"),
        "nul-injected": data[:cut] + b"\x00" * rng.randrange(1, 64) + data[cut:],
        "cr-only": text.replace("\r\n", "\n").replace("\n", "\r").encode("utf-8"),
        "glued": data + data,
        "no-newlines": text.replace("\r", " ").replace("\n", " ").encode("utf-8"),
    }


def make(out: Path, seed: int = 7) -> int:
    """Write the corpus into ``out``; returns how many files."""
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    n = 0
    for source in sources():
        for kind, data in variants(source.read_bytes(), rng).items():
            (out / f"{source.stem}.{kind}.txt").write_bytes(data)
            n += 1
    return n


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    print(f"{make(args.out, args.seed)} files in {args.out}")

"""How long `khabar date` takes on one very long line of dates (issue 15, defect 10).

    .venv/bin/python benchmarks/long_date_lines.py [--sizes 200000,1000000] [--cmd .venv/bin/khabar]

Makes a line of N bytes of dated, timed entries ("سه‌شنبه ۱ شهریور ۱۴۰۱ ساعت
۱۰:۳۰، " repeated) and a line of year-less dates and relative words, pipes
each to the installed command (`khabar date --reference 2024-03-05`), and prints
the seconds each took. Reading a line is linear: twice the bytes, twice the time.
"""

from __future__ import annotations

import argparse
import subprocess
import time

UNITS = {
    "dated": "سه\u200cشنبه ۱ شهریور ۱۴۰۱ ساعت ۱۰:۳۰، ",
    "mixed": "۲۰ اسفند | دیروز | ۱۴:۳۰ | ۳ ساعت پیش | 1401/06/01 - ",
}


def line_of(unit: str, size: int) -> str:
    return unit * (size // len(unit.encode()) + 1)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="200000,1000000")
    ap.add_argument("--cmd", default=".venv/bin/khabar")
    args = ap.parse_args()
    print("| line | bytes | seconds |\n| --- | ---: | ---: |")
    for name, unit in UNITS.items():
        for size in map(int, args.sizes.split(",")):
            stdin = (line_of(unit, size) + "\n").encode()
            start = time.perf_counter()
            subprocess.run([args.cmd, "date", "--reference", "2024-03-05"], input=stdin, check=True,
                           stdout=subprocess.DEVNULL)
            print(f"| {name} | {len(stdin):,} | {time.perf_counter() - start:.2f} |", flush=True)


if __name__ == "__main__":
    main()

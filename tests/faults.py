"""Fault injection: kill a run at random, finish it, and compare with a clean run.

    python tests/faults.py [--pages 3000] [--kills 6] [--seed 1] [--keep DIR]

Makes PAGES pages (the dev pages, or the samples when ../shared is absent, each
copy with its own news code and numbers, a few exact copies among them) in
folders of several sites. A clean run (`--incremental --jobs 2`) writes the
reference. Then the same command runs into another folder while its workers
are killed at random (SIGKILL) and, KILLS times, the main process too; a last
run finishes the rest. Its output folder must hold the reference's files byte
for byte, and nothing else (no temporary file, no spool folder of a killed run).
Exit status 0 when it does; the differences are printed when it does not.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.corruption import _as_text, sources  # noqa: E402

KHABAR = str(Path(sys.executable).parent / "khabar")
COMMAND = ["clean", "--incremental", "--jobs", "2"]
DIGITS = re.compile(r"[0-9]{3,}|[۰-۹]{3,}|[٠-٩]{3,}")
ZERO = {"0": 0x30, "۰": 0x6F0, "٠": 0x660}


def make_pages(root: Path, n: int, seed: int = 1) -> int:
    """Write n pages under root (one folder a site, 200 pages a folder); returns n."""
    rng = random.Random(seed)
    texts = [(source.stem.split("-")[0].split("_")[0], _as_text(source.read_bytes())) for source in sources()]
    written: list[Path] = []
    for i in range(n):
        site, text = texts[i % len(texts)]
        path = root / site / f"{i // 200:03}" / f"{i:05}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        if written and rng.random() < 0.05:  # the same article under another name
            path.write_bytes(rng.choice(written).read_bytes())
        else:
            path.write_bytes(_vary(text, i).encode("utf-8"))
        written.append(path)
    return n


def _vary(text: str, i: int) -> str:
    """Each run of digits (the news code, dates, figures) becomes another of the same length and script."""
    counter = iter(range(1 << 30))

    def other(match: re.Match) -> str:
        digits = match.group()
        zero = ZERO["0" if digits[0].isascii() else ("۰" if "۰" <= digits[0] <= "۹" else "٠")]
        value = (int("".join(str(ord(c) - zero) for c in digits)) + 7919 * i + next(counter)) % 10 ** len(digits)
        return "".join(chr(zero + int(c)) for c in f"{value:0{len(digits)}}")

    return DIGITS.sub(other, text)


def run(src: Path, out: Path, log) -> subprocess.Popen:
    return subprocess.Popen([KHABAR, *COMMAND, str(src), "-o", str(out)], stdout=subprocess.DEVNULL, stderr=log)


def descendants(pid: int) -> list[int]:
    found, todo = [], [pid]
    while todo:
        parent = todo.pop()
        try:
            children = Path(f"/proc/{parent}/task/{parent}/children").read_text().split()
        except OSError:
            continue
        found += map(int, children)
        todo += map(int, children)
    return found


def kill(pid: int) -> bool:
    try:
        os.kill(pid, signal.SIGKILL)
        return True
    except ProcessLookupError:
        return False


def faulted(src: Path, out: Path, kills: int, rng: random.Random, log, say) -> tuple[list[int], int]:
    """Runs into out, killed at random: the pids of the killed main processes, and
    how many workers were killed."""
    killed, all_workers_killed = [], 0
    attempts = 0
    while len(killed) < kills and attempts < kills * 3:
        attempts += 1
        proc = run(src, out, log)
        # The clock starts once the workers are there (a loaded machine starts slowly).
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and proc.poll() is None and not descendants(proc.pid):
            time.sleep(0.05)
        end = time.monotonic() + rng.uniform(0.3, 2.5)
        workers_killed = 0
        while time.monotonic() < end and proc.poll() is None:
            time.sleep(rng.uniform(0.1, 0.5))
            workers = descendants(proc.pid)
            if workers and rng.random() < 0.6:
                workers_killed += kill(rng.choice(workers))
        if proc.poll() is None and kill(proc.pid):
            killed.append(proc.pid)
        proc.wait()
        all_workers_killed += workers_killed
        say(f"run {attempts}: {workers_killed} workers killed, "
            f"{'main process killed' if killed and killed[-1] == proc.pid else f'ended with {proc.returncode}'}")
    return killed, all_workers_killed


def files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and ".khabar" not in p.relative_to(folder).parts[:1]}


def differences(reference: Path, out: Path) -> list[str]:
    want, got = files(reference), files(out)
    problems = [f"missing: {name}" for name in sorted(want.keys() - got.keys())]
    problems += [f"extra: {name}" for name in sorted(got.keys() - want.keys())]
    problems += [f"differs: {name}" for name in sorted(want.keys() & got.keys()) if want[name] != got[name]]
    return problems


def check(pages: int, kills: int, seed: int, work: Path, say=print) -> list[str]:
    """The whole experiment in ``work``; the problems found (none: the folders are the same)."""
    rng = random.Random(seed)
    src, reference, out = work / "pages", work / "reference", work / "out"
    make_pages(src, pages, seed)
    with open(work / "stderr.txt", "wb") as log:
        clean = run(src, reference, log)
        if clean.wait() != 0:
            return [f"the clean run ended with {clean.returncode} (see {work / 'stderr.txt'})"]
        killed, workers_killed = faulted(src, out, kills, rng, log, say)
        last = run(src, out, log)
        if last.wait() != 0:
            return [f"the last run ended with {last.returncode} (see {work / 'stderr.txt'})"]
    problems = differences(reference, out)
    shm = Path("/dev/shm")
    problems += [f"left: {left}" for pid in killed for left in shm.glob(f"khabar-spool-{pid}-*")]
    if not killed or not workers_killed:
        problems.append(f"{len(killed)} main processes and {workers_killed} workers killed: too few to tell")
    say(f"{pages} pages, {len(killed)} main processes and {workers_killed} workers killed: "
        f"{'the same bytes as a clean run' if not problems else f'{len(problems)} problems'}")
    return problems


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--pages", type=int, default=3000)
    ap.add_argument("--kills", type=int, default=6, help="times the main process is killed")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--keep", type=Path, help="work in this folder, and keep it")
    args = ap.parse_args()
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
        problems = check(args.pages, args.kills, args.seed, args.keep)
    else:
        with tempfile.TemporaryDirectory(prefix="khabar-faults-") as work:
            problems = check(args.pages, args.kills, args.seed, Path(work))
    for problem in problems[:50]:
        print(problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())

"""Where one job's CPU time goes, stage by stage.

    .venv/bin/python benchmarks/profile_stages.py [--pages 3000] [--top 25]

Makes the benchmark's pages (pages.py), then runs ``khabar clean DIR -o OUT
--jobs 1 -q`` in this process under cProfile, timed by CPU time
(``time.process_time``), and prints the share of each stage: each khabar module
is a stage (``core/classify.py`` is "classify", ``cli/state.py`` is "cli/state"),
and so is importing (module bodies and importlib). Time spent in code that is
not khabar's (``re``, ``json``, builtins, generated dataclass methods, the
standard library) goes to the khabar functions that called it, shared out as
cProfile saw the calls; time with no khabar caller is "other". Then the
functions that cost most by their own time, each with its stage.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import shutil
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

from pages import make_pages

ROOT = str(Path(__file__).resolve().parent.parent)  # the editable install runs khabar from here
IMPORTS = "imports"


def stage_of(func: tuple[str, int, str]) -> str | None:
    """The stage a function belongs to by where it is written, or None (not khabar's:
    its time goes to its callers)."""
    filename, _, name = func
    path = filename.replace("\\", "/")
    if name == "<module>" or "importlib._bootstrap" in path or "importlib/_bootstrap" in path:
        return IMPORTS
    for top in ("core", "cli", "pkg"):
        base = f"{ROOT}/{top}/"
        if path.startswith(base):
            module = path[len(base):].removesuffix(".py")
            return module if top == "core" else f"{top}/{module}"
    return None


def shares(stats: pstats.Stats) -> tuple[dict[str, float], dict[tuple, float]]:
    """CPU seconds per stage (callees' own time handed up to the khabar functions
    that called them), and each function's own time."""
    raw = stats.stats  # func -> (cc, nc, tt, ct, callers{caller: (nc, cc, tt, ct)})
    memo: dict[tuple, dict[str, float]] = {}

    def owners(func: tuple, seen: frozenset) -> dict[str, float]:
        """The stages that func's own time goes to, as fractions adding up to 1."""
        stage = stage_of(func)
        if stage is not None:
            return {stage: 1.0}
        if func in memo:
            return memo[func]
        callers = raw.get(func, (0, 0, 0, 0, {}))[4]
        weights = {c: edge[2] or edge[0] for c, edge in callers.items() if c not in seen}
        total = sum(weights.values())
        if not total:
            result = {"other": 1.0}
        else:
            result = defaultdict(float)
            for caller, w in weights.items():
                for st, frac in owners(caller, seen | {func}).items():
                    result[st] += frac * w / total
            result = dict(result)
        if not seen:
            memo[func] = result
        return result

    per_stage: dict[str, float] = defaultdict(float)
    own: dict[tuple, float] = {}
    for func, (_, _, tt, _, _) in raw.items():
        own[func] = tt
        for st, frac in owners(func, frozenset()).items():
            per_stage[st] += tt * frac
    return dict(per_stage), own


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--pages", type=int, default=3000)
    ap.add_argument("--top", type=int, default=25, help="functions listed by their own time")
    ap.add_argument("--save", help="also write the raw profile here (for snakeviz, pstats)")
    args = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="khabar-profile-"))
    try:
        pages = work / "pages"
        size = make_pages(pages, args.pages)
        # Imports are part of a run's cost: drop what making the pages loaded.
        for name in [m for m in sys.modules if m == "khabar" or m.startswith("khabar.") or m.startswith("hazm")]:
            del sys.modules[name]
        argv = ["khabar", "clean", str(pages), "-o", str(work / "out"), "-q", "--jobs", "1"]
        profiler = cProfile.Profile(time.process_time)
        start = time.process_time()
        profiler.enable()
        try:
            from khabar.cli.app import app  # not main(): it ends the process with os._exit

            app(args=argv[1:], prog_name="khabar")
        except SystemExit as end:
            if end.code not in (0, None):
                raise
        finally:
            profiler.disable()
        cpu = time.process_time() - start
        if args.save:
            profiler.dump_stats(args.save)
        stats = pstats.Stats(profiler)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    per_stage, own = shares(stats)
    total = sum(per_stage.values())
    print(f"`khabar clean DIR -o OUT --jobs 1`, {args.pages} pages ({size / 1e6:.1f} MB): {cpu:.2f} s CPU under "
          f"cProfile ({total:.2f} s accounted), Python {sys.version.split()[0]}\n")
    print("| stage | CPU s | share |\n| --- | ---: | ---: |")
    for st, sec in sorted(per_stage.items(), key=lambda kv: -kv[1]):
        print(f"| {st} | {sec:.2f} | {sec / total * 100:.1f}% |")
    print(f"\nFunctions by own time (top {args.top}):\n")
    print("| function | stage (or first caller's) | own s | share | calls |\n| --- | --- | ---: | ---: | ---: |")
    for func, tt in sorted(own.items(), key=lambda kv: -kv[1])[:args.top]:
        filename, line, name = func
        where = stage_of(func)
        if where is None:
            callers = stats.stats[func][4]
            first = max(callers, key=lambda c: callers[c][2], default=None)
            where = f"({stage_of(first) or (first[2] if first else '?')})"
        label = name if filename == "~" else f"{Path(filename).name}:{line} {name}"
        print(f"| `{label}` | {where} | {tt:.2f} | {tt / total * 100:.1f}% | {stats.stats[func][1]} |")


if __name__ == "__main__":
    main()

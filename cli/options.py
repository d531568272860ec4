"""How one ``khabar clean`` run goes: one object from the command line to the
workers. How each page is cleaned is its ``config`` (:class:`khabar.Config`);
the rest is the run's own business (where outputs go, in which format, how
many processes)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from khabar.core.config import Config


@dataclass(frozen=True)
class RunOptions:
    config: Config = field(default_factory=Config)
    fmt: str = "jsonl"  # json, jsonl or md: the workers render, the writer only writes
    explain: bool = False
    output: Path | str | None = None  # a local folder (Path), a URL, or None: standard output
    learn: bool = True
    incremental: bool = False
    dedupe: bool = False
    jobs: int = 1
    cluster: str | None = None  # a Dask scheduler address, or local:N

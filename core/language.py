"""Persian language data shared by the stages, loaded once from package data."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources


@dataclass(frozen=True)
class Language:
    joining_words: frozenset[str]
    sentence_end: tuple[str, ...]
    credit_openers: tuple[str, ...]


@cache
def language() -> Language:
    raw = resources.files("khabar.core").joinpath("data/language.toml").read_text(encoding="utf-8")
    data = tomllib.loads(raw)
    return Language(
        joining_words=frozenset(data["joining_words"]),
        sentence_end=tuple(data["sentence_end"]),
        credit_openers=tuple(data["credit_openers"]),
    )


@cache
def stopwords() -> frozenset[str]:
    """hazm's Persian stop words (about 400), read from its data file without importing hazm."""
    from importlib.util import find_spec

    spec = find_spec("hazm")
    if spec is None or not spec.submodule_search_locations:
        return frozenset()
    from pathlib import Path

    path = Path(next(iter(spec.submodule_search_locations))) / "data" / "stopwords.dat"
    return frozenset(w.strip() for w in path.read_text(encoding="utf-8").splitlines() if w.strip())

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


# Letters only Persian writes (Arabic has none of them); letters only Arabic writes.
PERSIAN_LETTERS = frozenset("پچژگ")
ARABIC_LETTERS = frozenset("ةأإؤ")
# Function words that tell the two apart when those letters are rare.
PERSIAN_WORDS = frozenset({"است", "این", "که", "را", "می", "برای", "با", "از", "شد", "های", "کرد", "وی"})
ARABIC_WORDS = frozenset({"في", "من", "على", "التي", "الذي", "إلى", "هذا", "هذه", "كان", "ان", "عن"})


def guess_language(text: str) -> str:
    """The page's language as a BCP 47 tag: "fa", "ar", "und-Latn" (a Latin-script
    page) or "und" (too little text to tell)."""
    arabic_script = latin = persian_only = arabic_only = 0
    for ch in text:
        if "\u0600" <= ch <= "\u06ff" or "\ufb50" <= ch <= "\ufeff":
            arabic_script += 1
            persian_only += ch in PERSIAN_LETTERS
            arabic_only += ch in ARABIC_LETTERS
        elif ch.isascii() and ch.isalpha():
            latin += 1
    if arabic_script + latin < MIN_LETTERS_TO_TELL:
        return "und"
    if latin > arabic_script:
        return "und-Latn"
    words = text.split()
    fa_votes = persian_only + 3 * sum(1 for w in words if w in PERSIAN_WORDS)
    ar_votes = arabic_only + 3 * sum(1 for w in words if w in ARABIC_WORDS)
    return "fa" if fa_votes >= ar_votes else "ar"


MIN_LETTERS_TO_TELL = 20

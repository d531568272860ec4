"""Persian language data shared by the stages, loaded once from package data."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from itertools import repeat

from khabar.core.chars import ARABIC_ONLY_LETTERS, LATIN_LETTER_BYTES, PERSIAN_ONLY_LETTERS
from khabar.core.errors import KhabarError
from khabar.core.datafile import data_text, toml_loads


@dataclass(frozen=True)
class Language:
    joining_words: frozenset[str]
    sentence_end: tuple[str, ...]
    credit_openers: tuple[str, ...]


@cache
def language() -> Language:
    raw = data_text("language.toml")
    data = toml_loads(raw)
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
        raise KhabarError("hazm is not installed: khabar needs its Persian stop words (pip install hazm)")
    from pathlib import Path

    path = Path(next(iter(spec.submodule_search_locations))) / "data" / "stopwords.dat"
    try:
        return frozenset(w.strip() for w in path.read_text(encoding="utf-8").splitlines() if w.strip())
    except OSError as err:
        raise KhabarError(f"{path}: hazm's stop word list cannot be read ({err.strerror}); reinstall hazm") from None


# Function words that tell the two apart when those letters are rare.
PERSIAN_WORDS = frozenset({"است", "این", "که", "را", "می", "برای", "با", "از", "شد", "های", "کرد", "وی"})
ARABIC_WORDS = frozenset({"في", "من", "على", "التي", "الذي", "إلى", "هذا", "هذه", "كان", "ان", "عن"})
WORD_VOTES = {word: 3 for word in PERSIAN_WORDS} | {word: -3 for word in ARABIC_WORDS}


def guess_language(text: str) -> str:
    """The page's language as a BCP 47 tag: "fa", "ar", "und-Latn" (a Latin-script
    page) or "und" (too little text to tell)."""
    # Counted on the UTF-8 bytes, where bytes.translate deletes a set of bytes in
    # one pass of C: far faster than a regex over every letter of the page.
    data = text.encode("utf-8", "surrogatepass")
    arabic_script = len(data) - len(data.translate(None, ARABIC_LEAD_BYTES))  # U+0600-U+06FF
    if b"\xef" in data:
        arabic_script += len(PRESENTATION_FORMS.findall(text))
    latin = len(data) - len(data.translate(None, LATIN_LETTER_BYTES))
    if arabic_script + latin < MIN_LETTERS_TO_TELL:
        return "und"
    if latin > arabic_script:
        return "und-Latn"
    # Persian votes minus Arabic ones: each letter one, each function word three,
    # the words looked up in one pass of C (one dict, not two sets in turn).
    margin = sum(map(text.count, PERSIAN_ONLY_LETTERS)) - sum(map(text.count, ARABIC_ONLY_LETTERS))
    margin += sum(map(WORD_VOTES.get, text.split(), repeat(0)))
    return "fa" if margin >= 0 else "ar"


# The first byte of every UTF-8 character in U+0600-U+06FF (Arabic script), and no other.
ARABIC_LEAD_BYTES = bytes(range(0xD8, 0xDC))
PRESENTATION_FORMS = re.compile("[\ufb50-\ufeff]")
MIN_LETTERS_TO_TELL = 20

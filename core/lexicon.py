"""khabar's half-space lexicon: hazm's word list and verb conjugations, built
once and cached on disk (``lexicon``), and the half-space rules of
``data/halfspace.toml`` (``rules``). The repair that reads them is
:mod:`khabar.core.halfspace`."""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import marshal
import os
import sys
import tempfile
import tomllib
from dataclasses import dataclass
from importlib import metadata, resources
from pathlib import Path

ZWNJ = "\u200c"  # the half-space


@dataclass(frozen=True)
class HalfspaceRules:
    non_joining: frozenset[str]
    verb_prefixes: tuple[str, ...]
    preverbs: tuple[str, ...]
    extra_verb_forms: tuple[str, ...]
    joined_comparative_bases: frozenset[str]
    halfspaced_prefixes: frozenset[str]
    not_after_ezafe: frozenset[str]
    noun_with_yeh_min_freq: int
    joined_word_min_freq: int
    reading_margin: int
    plural: tuple[str, ...]
    comparative: tuple[str, ...]
    after_heh: tuple[str, ...]
    after_silent_heh: tuple[str, ...]
    after_yeh: tuple[str, ...]
    glide_before_yeh: str
    name_endings: tuple[str, ...]
    short_name_ending_max: int
    place_endings: tuple[str, ...]
    compound_min_first: int
    arabic_article: str
    inner_alef_madda_min_first: int
    seen_apart_min: int
    apart_min_part: int
    ezafe_yeh: str
    consonant_heh_endings: tuple[str, ...]
    ezafe_min_stem: int
    verb_prefix_letters: tuple[str, ...]
    perfect_endings: tuple[str, ...]
    participle_prefixes: tuple[str, ...]
    alef_after_prefix: tuple[str, str]

    @functools.cached_property
    def suffixes_by_last_letter(self) -> dict[str, tuple[tuple[str, str], ...]]:
        """(family, suffix) of the plural, comparative and after-'ه' families, in
        their order, by the suffix's last letter: a word is tried only against the
        suffixes it can end with."""
        index: dict[str, list[tuple[str, str]]] = {}
        for family in ("plural", "comparative", "after_heh", "after_silent_heh"):
            for suffix in getattr(self, family):
                index.setdefault(suffix[-1], []).append((family, suffix))
        return {letter: tuple(pairs) for letter, pairs in index.items()}


@functools.cache
def rules() -> HalfspaceRules:
    """The rules in data/halfspace.toml."""
    raw = tomllib.loads(resources.files("khabar.core").joinpath("data/halfspace.toml").read_text("utf-8"))
    suffixes, compounds = raw["suffixes"], raw["compounds"]

    def longest_first(xs: list[str]) -> tuple[str, ...]:
        return tuple(sorted(xs, key=len, reverse=True))

    return HalfspaceRules(
        non_joining=frozenset(raw["non_joining"]),
        verb_prefixes=tuple(raw["verb_prefixes"]),
        preverbs=tuple(raw["preverbs"]),
        extra_verb_forms=tuple(raw["extra_verb_forms"]),
        joined_comparative_bases=frozenset(raw["joined_comparative_bases"]),
        halfspaced_prefixes=frozenset(raw["halfspaced_prefixes"]),
        not_after_ezafe=frozenset(raw["not_after_ezafe"]),
        noun_with_yeh_min_freq=int(raw["noun_with_yeh_min_freq"]),
        joined_word_min_freq=int(raw["joined_word_min_freq"]),
        reading_margin=int(raw["reading_margin"]),
        plural=longest_first(suffixes["plural"]),
        comparative=longest_first(suffixes["comparative"]),
        after_heh=longest_first(suffixes["after_heh"]),
        after_silent_heh=longest_first(suffixes["after_silent_heh"]),
        after_yeh=longest_first(suffixes["after_yeh"]),
        glide_before_yeh=suffixes["glide_before_yeh"],
        name_endings=longest_first(compounds["name_endings"]),
        short_name_ending_max=int(compounds["short_name_ending_max"]),
        place_endings=longest_first(compounds["place_endings"]),
        compound_min_first=int(compounds["min_first"]),
        arabic_article=compounds["arabic_article"],
        inner_alef_madda_min_first=int(compounds["inner_alef_madda_min_first"]),
        seen_apart_min=int(compounds["seen_apart_min"]),
        apart_min_part=int(compounds["apart_min_part"]),
        ezafe_yeh=compounds["ezafe_yeh"],
        consonant_heh_endings=tuple(compounds["consonant_heh_endings"]),
        ezafe_min_stem=int(compounds["ezafe_min_stem"]),
        verb_prefix_letters=tuple(compounds["verb_prefix_letters"]),
        perfect_endings=tuple(suffixes["perfect_endings"]),
        participle_prefixes=tuple(suffixes["participle_prefixes"]),
        alef_after_prefix=tuple(suffixes["alef_after_prefix"]),
    )


@dataclass(frozen=True)
class Lexicon:
    # Words hazm lists with a part of speech: word -> (frequency, POS tags).
    words: dict[str, tuple[int, frozenset[str]]]
    # Words hazm lists without a part of speech (a long, noisy list).
    weak: frozenset[str]
    # Joined letters -> (the listed half-spaced spelling, its frequency).
    halfspaced: dict[str, tuple[str, int]]
    # Joined letters -> a one-word verb form written with a half-space.
    verbs: dict[str, str]
    # One-word verb forms written without a half-space ('بینجامد', 'رفتند').
    joined_verbs: frozenset[str]
    # Infinitives and past participles ('کردن', 'شده'): the second part of
    # compound verbs ('فعال‌کردن', 'رسیدگی‌شده').
    verb_heads: frozenset[str]


# Bump when the Lexicon's fields change, or how they are built: old caches are then ignored.
LEXICON_FORMAT = 3


def _cache_file() -> Path | None:
    """Where the built lexicon is kept between runs: building it from hazm's lists
    takes most of a second, reading it back a seventh of that. The name carries
    hazm's version, a hash of khabar's rules and the interpreter, so a change to
    any of them rebuilds it."""
    try:
        hazm_version = metadata.version("hazm")
    except metadata.PackageNotFoundError:
        return None
    rules_text = resources.files("khabar.core").joinpath("data/halfspace.toml").read_bytes()
    # marshal's format is the interpreter's own (it loads about a tenth faster than pickle).
    tag = f"{hazm_version}|{LEXICON_FORMAT}|{sys.implementation.cache_tag}"
    key = hashlib.blake2b(rules_text + tag.encode(), digest_size=8).hexdigest()
    base = os.environ.get("KHABAR_CACHE_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "khabar")
    return Path(base) / f"lexicon-{key}.marshal"


@functools.cache
def lexicon() -> Lexicon:
    """hazm's word list and verb conjugations, loaded on first use (from the cache
    when there is one; a cache that cannot be read or written is only slower)."""
    cache = _cache_file()
    if cache is not None:
        try:
            with open(cache, "rb") as f:
                # loads on the whole file: marshal.load reads a file object in small pieces
                return Lexicon(*marshal.loads(f.read()))
        except (OSError, EOFError, TypeError, ValueError):
            pass
    lex = _build_lexicon()
    if cache is not None:
        try:
            cache.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=cache.parent, prefix=".lexicon-")
            with os.fdopen(fd, "wb") as f:
                marshal.dump(dataclasses.astuple(lex), f)
            os.replace(tmp, cache)
            _prune(cache)
        except OSError:
            pass
    return lex


# Caches of other rules or hazm versions kept beside the new one (other
# installations may share the folder); older ones are removed.
CACHES_KEPT = 3


def _prune(cache: Path) -> None:
    others = sorted(cache.parent.glob("lexicon-*"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in others[CACHES_KEPT:]:
        old.unlink(missing_ok=True)


def _build_lexicon() -> Lexicon:
    from hazm.lemmatizer import Conjugation
    from hazm.utils import verbs_list, words_list

    r = rules()
    words: dict[str, tuple[int, frozenset[str]]] = {}
    weak: set[str] = set()
    halfspaced: dict[str, tuple[str, int]] = {}
    for word, freq, pos in words_list():
        word = word.replace("ي", "ی").replace("ك", "ک")
        if pos == ("0",):
            weak.add(word)
        else:
            words[word] = (freq, frozenset(pos))
        if ZWNJ in word and word.strip(ZWNJ) == word:
            key = word.replace(ZWNJ, "")
            if key not in halfspaced or freq > halfspaced[key][1]:
                halfspaced[key] = (word, freq)
    halfspaced = {k: v for k, v in halfspaced.items() if not _listing_noise(v[0], words, weak)}
    conjugation = Conjugation()
    forms: set[str] = set(r.extra_verb_forms)
    joined_verbs: set[str] = set()
    for verb in verbs_list():
        for form in conjugation.get_all(verb):
            if " " in form:
                continue
            (forms if ZWNJ in form else joined_verbs).add(form)
    prefixed = tuple(p + ZWNJ for p in r.verb_prefixes)
    forms.update(pre + form for form in list(forms) if form.startswith(prefixed) for pre in r.preverbs)
    verb_heads: set[str] = set()
    for verb in verbs_list():
        past = verb.split("#")[0]
        if len(past) >= 2:
            verb_heads.update((past + "ن", past + "ه"))
    verbs: dict[str, str] = {}
    for form in forms:
        # Each side of the half-space has two letters at least ('ه‌ای' is no verb).
        if min(map(len, form.split(ZWNJ))) >= 2:
            verbs.setdefault(form.replace(ZWNJ, ""), form)
    return Lexicon(words, frozenset(weak), halfspaced, verbs, frozenset(joined_verbs), frozenset(verb_heads))


def _listing_noise(spelled: str, words: dict, weak: set[str]) -> bool:
    """Whether a half-spaced spelling is one of the typos of hazm's list
    without parts of speech: there, a first part that is no word at all
    ('دوومی‌دانی' for 'دوومیدانی') is right one time in seventeen."""
    first = spelled.split(ZWNJ, 1)[0]
    return spelled not in words and first not in words and first not in weak

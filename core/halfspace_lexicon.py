"""The half-space repair's data: its rules (``data/halfspace.toml``) and hazm's
lexicon (words with frequencies and parts of speech, verb forms), built once
and kept in a cache file between runs. See ``halfspace`` for how they are used."""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import marshal
import os
import sys
import tempfile
import tomllib
import types
from dataclasses import dataclass
from importlib import metadata, resources
from pathlib import Path

from .halfspace import ZWNJ

# Suffixes that join a word without a half-space, with what the word loses
# before them: 'دانش‌آموز' + 'ان', 'جان‌باخته' - 'ه' + 'گان', 'گفت‌وگو' + 'یی'.
JOINED_SUFFIXES = (("ان", ""), ("گان", "ه"), ("ی", ""), ("یی", ""), ("یان", ""))


class Rules(types.SimpleNamespace):
    """The rules of data/halfspace.toml as attributes, its sections flattened
    (``rules().plural`` is ``[suffixes] plural``): a list becomes a tuple,
    longest first (a suffix is tried before its prefixes: 'هایی' before 'های'),
    numbers and strings stay as they are. A key added to the file is read with
    no change here."""

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


def _flatten(table: dict, into: dict) -> dict:
    for key, value in table.items():
        if isinstance(value, dict):
            _flatten(value, into)
            continue
        if key in into:
            raise ValueError(f"data/halfspace.toml: key {key!r} is given twice")
        into[key] = tuple(sorted(value, key=len, reverse=True)) if isinstance(value, list) else value
    return into


@functools.cache
def rules() -> Rules:
    """The rules in data/halfspace.toml."""
    raw = tomllib.loads(resources.files("khabar.core").joinpath("data/halfspace.toml").read_text("utf-8"))
    return Rules(**_flatten(raw, {}))


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
    # Present stems of hazm's verbs ('گذار', 'انداز', 'گرا'): the second part
    # of compounds written with a half-space ('سرمایه‌گذاری', 'چشم‌انداز').
    present_stems: frozenset[str]
    # Second parts of compounds: the present stems, and the parts, no word
    # alone, that end many of hazm's half-spaced compounds ('گرا').
    bound_stems: frozenset[str]
    # Words that may be the second of a pair written apart that makes one word
    # (see halfspace_spaced), other than a listed compound's.
    spaced_seconds: frozenset[str]


# Bump when the Lexicon's fields change, or how they are built: old caches are then ignored.
LEXICON_FORMAT = 7


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
    present_stems: set[str] = set()
    for verb in verbs_list():
        past, _, present = verb.partition("#")
        if len(past) >= 2:
            verb_heads.update((past + "ن", past + "ه"))
        if len(present) >= 2 and " " not in present:
            present_stems.add(present)
    verbs: dict[str, str] = {}
    for form in forms:
        # Each side of the half-space has two letters at least ('ه‌ای' is no verb).
        if min(map(len, form.split(ZWNJ))) >= 2:
            verbs.setdefault(form.replace(ZWNJ, ""), form)
    bound = _bound_stems(r, words, halfspaced, present_stems, verb_heads)
    return Lexicon(words, frozenset(weak), halfspaced, verbs, frozenset(joined_verbs), frozenset(verb_heads),
                   frozenset(present_stems), bound, _spaced_seconds(r, words, bound))


def _bound_stems(r: Rules, words: dict, halfspaced: dict, present_stems: set[str], verb_heads: set[str]) -> frozenset[str]:
    """The present stems of hazm's verbs ('انداز'), and the parts, no word
    alone, that end ``productive_min_firsts`` or more of the compounds hazm
    lists with a half-space ('گرا': 'اصول‌گرا', 'تحول‌گرا' ...; hazm's verbs
    lack 'گراییدن'); not a plural, a participle or a plural in 'ان'."""
    firsts: dict[str, set[str]] = {}
    for spelled, _ in halfspaced.values():
        parts = spelled.split(ZWNJ)
        if len(parts) == 2:
            firsts.setdefault(parts[1], set()).add(parts[0])
    productive = {second for second, heads in firsts.items()
                  if len(heads) >= r.productive_min_firsts and second not in words and len(second) >= 3
                  and second not in r.plural and second not in verb_heads and not second.endswith("ان")}
    return frozenset(present_stems | productive)


def _spaced_seconds(r: Rules, words: dict, bound: frozenset[str]) -> frozenset[str]:
    """Suffixes, clitics, and bound parts with a suffix that are no word alone ('گرایانه')."""
    stem_tails = {stem + suffix for stem in bound for suffix in r.stem_suffixes} - words.keys()
    return frozenset((*r.plural, *r.spaced_comparative, *r.spaced_after_heh, *r.spaced_after_yeh, *stem_tails))


def _listing_noise(spelled: str, words: dict, weak: set[str]) -> bool:
    """Whether a half-spaced spelling is one of the typos of hazm's list
    without parts of speech: there, a first part that is no word at all
    ('دوومی‌دانی' for 'دوومیدانی') is right one time in seventeen."""
    first = spelled.split(ZWNJ, 1)[0]
    return spelled not in words and first not in words and first not in weak


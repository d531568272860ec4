"""The half-space repair's data: its rules (``data/halfspace.toml``) and hazm's
lexicon (words with frequencies and parts of speech, verb forms), built once
and kept in a cache file between runs. See ``halfspace`` for how they are used."""

from __future__ import annotations

import functools
import hashlib
import marshal
import mmap
import os
import struct
import sys
import tempfile
import types
from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from . import lexicon_table
from .caches import cache_dir
from .halfspace import ZWNJ
from khabar.core.datafile import data_bytes, data_text, toml_loads

# Suffixes that join a word without a half-space, with what the word loses
# before them: 'دانش‌آموز' + 'ان', 'جان‌باخته' - 'ه' + 'گان', 'گفت‌وگو' + 'یی'.
JOINED_SUFFIXES = (("ان", ""), ("گان", "ه"), ("ی", ""), ("یی", ""), ("یان", ""))


class HalfspaceRules(types.SimpleNamespace):
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
def rules() -> HalfspaceRules:
    """The rules in data/halfspace.toml."""
    raw = toml_loads(data_text("halfspace.toml"))
    return HalfspaceRules(**_flatten(raw, {}))


@dataclass(frozen=True)
class Lexicon:
    # Words hazm lists with a part of speech: word -> (frequency, POS tags).
    words: Mapping[str, tuple[int, frozenset[str]]]
    # Words hazm lists without a part of speech (a long, noisy list).
    weak: Collection[str]
    # Joined letters -> (the listed half-spaced spelling, its frequency).
    halfspaced: dict[str, tuple[str, int]]
    # Joined letters -> a one-word verb form written with a half-space.
    verbs: Mapping[str, str]
    # One-word verb forms written without a half-space ('بینجامد', 'رفتند').
    joined_verbs: Collection[str]
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
    # The letters of the half-spaced compounds, alone and with a joined suffix
    # ('جانباخته', 'جانباختگان'): pairs worth a look in halfspace_spaced.
    # Built with the cache (65k keys: building them took a one-page run 30 ms).
    compound_keys: Collection[str]


# Bump when the Lexicon's fields change, or how they are built or stored: old caches are then ignored.
LEXICON_FORMAT = 12
_MAGIC, _END = b"KHABARLX", b"KHABAREND"

# The big fields, stored as tables looked up in place (lexicon_table), with how
# a stored value string becomes the field's value; the small sets are one marshal blob.
_TABLES: tuple[tuple[str, Callable[[str], object] | None], ...] = (
    ("words", lambda v: (int(v.split(" ", 1)[0]), frozenset(v.split(" ")[1:]))),
    ("weak", None),
    ("verbs", str),
    ("joined_verbs", None),
    ("compound_keys", None),
    # (unmarshalling its 13k entries was most of opening the cache: 8 ms)
    ("halfspaced", lambda v: (lambda spelled, freq: (spelled, int(freq)))(*v.rsplit(" ", 1))),
)
_SMALL = ("verb_heads", "present_stems", "bound_stems", "spaced_seconds")
# magic, format, file size, the sections' sizes (the small sets, the tables, the tables whole)
_HEADER = struct.Struct(f"=8sIQ{len(_TABLES) + 2}Q")


def _hazm_version() -> str | None:
    """hazm's version, from its .dist-info folder's name beside it (importing
    importlib.metadata alone costs more than loading the lexicon)."""
    for entry in sys.path:
        try:
            names = os.listdir(entry or ".")
        except OSError:
            continue
        if "hazm" in names:
            for name in names:
                if name.startswith("hazm-") and name.endswith(".dist-info"):
                    return name[len("hazm-"):-len(".dist-info")]
    from importlib import metadata

    try:
        return metadata.version("hazm")
    except metadata.PackageNotFoundError:
        return None


def _cache_file() -> Path | None:
    """Where the built lexicon is kept between runs: building it from hazm's lists
    takes seconds, opening it a millisecond. The name carries hazm's version, a
    hash of khabar's rules, the format and the interpreter, so a change to any
    of them rebuilds it."""
    hazm_version = _hazm_version()
    if hazm_version is None:
        return None
    rules_text = data_bytes("halfspace.toml")
    # marshal's format (the small sets) is the interpreter's own; the tables' numbers are native.
    tag = f"{hazm_version}|{LEXICON_FORMAT}|{JOINED_SUFFIXES}|{sys.implementation.cache_tag}|{sys.byteorder}"
    key = hashlib.blake2b(rules_text + tag.encode(), digest_size=8).hexdigest()
    return Path(cache_dir()) / f"lexicon-{key}.lex"


@functools.cache
def lexicon() -> Lexicon:
    """hazm's word list and verb conjugations: the cache file, mapped (built and
    written first when it is missing or broken); a cache that cannot be written
    is only slower (the lexicon is then built in memory at each run)."""
    cache = _cache_file()
    if cache is not None:
        try:
            return _open(cache)
        except (OSError, ValueError, EOFError, TypeError, struct.error):
            pass
    lex = _build_lexicon()
    if cache is not None:
        try:
            cache.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=cache.parent, prefix=".lexicon-")
            with os.fdopen(fd, "wb") as f:
                f.write(_serialise(lex))
            os.replace(tmp, cache)
            _prune(cache)
            return _open(cache)
        except (OSError, ValueError):
            pass
    return lex


def _serialise(lex: Lexicon) -> bytes:
    def stored(name: str) -> Iterable[tuple[str, str | None]]:
        value = getattr(lex, name)
        if name == "words":
            return ((w, " ".join((str(freq), *sorted(pos)))) for w, (freq, pos) in value.items())
        if name == "verbs":
            return value.items()
        if name == "halfspaced":
            return ((key, f"{spelled} {freq}") for key, (spelled, freq) in value.items())
        return ((w, None) for w in value)

    sections = [marshal.dumps(tuple(getattr(lex, name) for name in _SMALL))]
    sections += [lexicon_table.build(stored(name)) for name, _ in _TABLES]
    sections.append(marshal.dumps({name: getattr(lex, name) for name, _ in _TABLES}))  # read whole by long runs
    sections = [s + bytes(-len(s) % 8) for s in sections]  # each table starts 8-aligned
    size = _HEADER.size + sum(map(len, sections)) + len(_END)
    return b"".join((_HEADER.pack(_MAGIC, LEXICON_FORMAT, size, *map(len, sections)), *sections, _END))


def _open(path: Path) -> Lexicon:
    """The lexicon in a cache file, mapped; ValueError when the file is not a
    whole one of this format (a torn or foreign file is rebuilt)."""
    with open(path, "rb") as f:
        mapped = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
    view = memoryview(mapped)
    if len(view) < _HEADER.size + len(_END):
        raise ValueError("short lexicon cache")
    magic, version, size, *sizes = _HEADER.unpack_from(view)
    if magic != _MAGIC or version != LEXICON_FORMAT or size != len(view) or view[-len(_END):] != _END:
        raise ValueError("not a whole lexicon cache")
    at, parts = _HEADER.size, []
    for n in sizes:
        parts.append(view[at:at + n])
        at += n
    small = marshal.loads(parts[0])
    tables = {name: lexicon_table.Table(part, decode) for (name, decode), part in zip(_TABLES, parts[1:-1])}
    lex = Lexicon(**tables, **dict(zip(_SMALL, small)))

    def read_whole() -> None:
        whole = marshal.loads(parts[-1])
        for name, table in tables.items():
            table.take_whole(whole[name])

    # A long run reads all the tables whole at once (from their marshal copy: a
    # fifth of a second), each then in its place as a plain dict or set.
    finds = [0]
    for name, table in tables.items():
        table.finds, table.on_whole = finds, read_whole
        table.replace = functools.partial(object.__setattr__, lex, name)
    return lex


def read_whole() -> None:
    """Read the lexicon's tables whole now, as a long run does after a few pages:
    for a process that forks workers, which then share them."""
    lex = lexicon()
    if isinstance(lex.words, lexicon_table.Table):
        lex.words.on_whole()


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
    for form in sorted(forms):  # sorted: the same lexicon whatever the string hash seed
        # Each side of the half-space has two letters at least ('ه‌ای' is no verb).
        if min(map(len, form.split(ZWNJ))) >= 2:
            verbs.setdefault(form.replace(ZWNJ, ""), form)
    bound = _bound_stems(r, words, halfspaced, present_stems, verb_heads)
    return Lexicon(words, frozenset(weak), halfspaced, verbs, frozenset(joined_verbs), frozenset(verb_heads),
                   frozenset(present_stems), bound, _spaced_seconds(r, words, bound), _compound_keys(halfspaced))


def _compound_keys(halfspaced: dict[str, tuple[str, int]]) -> frozenset[str]:
    """The letters of the compounds hazm lists with a half-space, alone and with a
    joined suffix ('جان‌باخته' -> 'جانباختگان')."""
    return frozenset({key[: len(key) - len(drop)] + suffix
                      for key in halfspaced for suffix, drop in JOINED_SUFFIXES if key.endswith(drop)}
                     | halfspaced.keys())


def _bound_stems(r: HalfspaceRules, words: dict, halfspaced: dict, present_stems: set[str], verb_heads: set[str]) -> frozenset[str]:
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


def _spaced_seconds(r: HalfspaceRules, words: dict, bound: frozenset[str]) -> frozenset[str]:
    """Suffixes, clitics, and bound parts with a suffix that are no word alone ('گرایانه')."""
    stem_tails = {stem + suffix for stem in bound for suffix in r.stem_suffixes} - words.keys()
    return frozenset((*r.plural, *r.spaced_comparative, *r.spaced_after_heh, *r.spaced_after_yeh, *stem_tails))


def _listing_noise(spelled: str, words: dict, weak: set[str]) -> bool:
    """Whether a half-spaced spelling is one of the typos of hazm's list
    without parts of speech: there, a first part that is no word at all
    ('دوومی‌دانی' for 'دوومیدانی') is right one time in seventeen."""
    first = spelled.split(ZWNJ, 1)[0]
    return spelled not in words and first not in words and first not in weak


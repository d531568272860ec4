"""Load the boilerplate rules (package data, plus the user's --rules files) and match lines.

The rules are data (``data/rules.toml``); this module only compiles and applies
them, so a user can see and extend every reason khabar gives for a removal.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from enum import Enum
from functools import cache
from importlib import resources
from pathlib import Path

from khabar.core.errors import RulesError

# Folding for phrase matching: one spelling for letters, no spaces or half-spaces.
FOLD = str.maketrans({"ي": "ی", "ى": "ی", "ك": "ک", "ة": "ه", "ۀ": "ه", "أ": "ا", "إ": "ا",
                      "\u200c": None, " ": None, "\u0640": None, "ـ": None})
TRAILING = ":：؛…. -|»«\"'"


def fold(text: str) -> str:
    return text.strip().strip(TRAILING).translate(FOLD).lower()


class RuleKind(Enum):
    BOILERPLATE = "boilerplate"
    LIST_HEADER = "list-header"
    TAGS_HEADER = "tags-header"
    END_MARKER = "end-marker"


@dataclass(frozen=True)
class Rule:
    name: str
    kind: RuleKind
    phrases: frozenset[str]
    prefixes: tuple[str, ...]
    patterns: tuple[re.Pattern[str], ...]

    def matches(self, line: str, folded: str) -> bool:
        return (folded in self.phrases
                or any(folded.startswith(p) for p in self.prefixes)
                or any(p.search(line) for p in self.patterns))


@dataclass(frozen=True)
class Rules:
    rules: tuple[Rule, ...]

    def match(self, line: str) -> Rule | None:
        """The first rule that matches the line, or None."""
        folded = fold(line)
        for rule in self.rules:
            if rule.matches(line, folded):
                return rule
        return None

    def __add__(self, other: Rules) -> Rules:
        return Rules(self.rules + other.rules)


def parse_rules(text: str, *, origin: str) -> Rules:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        raise RulesError(f"{origin}: not valid TOML: {err}") from None
    rules = []
    for i, entry in enumerate(data.get("rule", []), 1):
        where = f"{origin}: rule {i} ({entry.get('name', 'no name')})"
        try:
            kind = RuleKind(entry.get("kind", "boilerplate"))
        except ValueError:
            kinds = ", ".join(k.value for k in RuleKind)
            raise RulesError(f"{where}: kind must be one of {kinds}") from None
        if not entry.get("name"):
            raise RulesError(f"{where}: every rule needs a name (it is the reason reported)")
        try:
            patterns = tuple(re.compile(p) for p in entry.get("patterns", []))
        except re.error as err:
            raise RulesError(f"{where}: bad pattern: {err}") from None
        rules.append(Rule(
            name=entry["name"], kind=kind,
            phrases=frozenset(fold(p) for p in entry.get("phrases", [])),
            prefixes=tuple(fold(p) for p in entry.get("prefixes", [])),
            patterns=patterns,
        ))
    return Rules(tuple(rules))


@cache
def default_rules() -> Rules:
    text = resources.files("khabar.core").joinpath("data/rules.toml").read_text(encoding="utf-8")
    return parse_rules(text, origin="khabar rules.toml")


def load_rules(paths: tuple[str, ...] = ()) -> Rules:
    """The user's rules (tried first, in the order given), then khabar's own."""
    extra = Rules(())
    for path in paths:
        try:
            text = Path(path).read_text(encoding="utf-8")
        except OSError as err:
            raise RulesError(f"{path}: cannot read rules file: {err.strerror}") from None
        extra = extra + parse_rules(text, origin=path)
    return extra + default_rules()

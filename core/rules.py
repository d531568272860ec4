"""Load the boilerplate rules (package data, plus the user's --rules files) and match lines.

The rules are data (``data/rules.toml``); this module only compiles and applies
them, so a user can see and extend every reason khabar gives for a removal.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum
from functools import cache, cached_property
from pathlib import Path

from khabar.core.chars import fold  # noqa: F401  (also imported from here by the CLI)
from khabar.core.errors import RulesError
from khabar.core.datafile import data_text, toml_loads

# Joining patterns renumbers their groups: a pattern with a back-reference or a
# named group stays apart (searched alone).
GROUP_REFERENCE = re.compile(r"\\[1-9]|\(\?P[<=]")


def _joined(patterns: tuple[re.Pattern[str], ...]) -> re.Pattern[str] | None:
    if not patterns or any(GROUP_REFERENCE.search(p.pattern) for p in patterns):
        return None
    return re.compile("|".join(f"(?:{p.pattern})" for p in patterns))


def _anchored_body(pattern: str) -> str | None:
    """The pattern without its leading '^' when the whole of it is anchored (no '|'
    outside a group or class): then a match at the line's start is the only one."""
    if not pattern.startswith("^"):
        return None
    depth, in_class, escaped = 0, False, False
    for ch in pattern[1:]:
        if escaped:
            escaped = False
        elif ch == "\\":
            escaped = True
        elif in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            return None
    return pattern[1:]


@dataclass(frozen=True)
class QuickTest:
    """Does any rule's pattern match? Anchored patterns are tried at the line's
    start only (re.match); the rest are searched. Most lines fail both at once."""

    anchored: re.Pattern[str] | None
    floating: re.Pattern[str] | None

    def hits(self, line: str) -> bool:
        return bool((self.anchored is not None and self.anchored.match(line))
                    or (self.floating is not None and self.floating.search(line)))


class RuleKind(Enum):
    BOILERPLATE = "boilerplate"
    NAVIGATION = "navigation"  # boilerplate that also marks the page's menus (the head of the page)
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

    @cached_property
    def pattern(self) -> re.Pattern[str] | None:
        """The rule's patterns as one alternation: one search per line, not one per pattern."""
        return _joined(self.patterns)

    def search(self, line: str) -> bool:
        if self.pattern is not None:
            return self.pattern.search(line) is not None
        return any(p.search(line) for p in self.patterns)


# Rules.match's memo: lines up to this long are kept across pages, longer ones
# only the last few hundred.
MATCH_MEMO_MAX_CHARS = 300
MATCH_MEMO_MAX_LINES = 1 << 14
MATCH_RECENT_MAX = 1 << 8
_UNSEEN = object()


@dataclass(frozen=True)
class Rules:
    rules: tuple[Rule, ...]

    @cached_property
    def _phrase_owner(self) -> dict[str, int]:
        """For each phrase, the first rule that lists it."""
        owner: dict[str, int] = {}
        for i, rule in enumerate(self.rules):
            for phrase in rule.phrases:
                owner.setdefault(phrase, i)
        return owner

    @cached_property
    def _any_prefix(self) -> tuple[str, ...]:
        return tuple(p for rule in self.rules for p in rule.prefixes)

    @cached_property
    def _any_pattern(self) -> QuickTest | None:
        patterns = tuple(p for rule in self.rules for p in rule.patterns)
        if not patterns or any(GROUP_REFERENCE.search(p.pattern) for p in patterns):
            return None  # joined, their groups would renumber: each rule searches its own
        anchored = [b for b in map(_anchored_body, (p.pattern for p in patterns)) if b is not None]
        floating = [p.pattern for p in patterns if _anchored_body(p.pattern) is None]
        return QuickTest(
            re.compile("|".join(f"(?:{b})" for b in anchored)) if anchored else None,
            re.compile("|".join(f"(?:{f})" for f in floating)) if floating else None,
        )

    @cached_property
    def memo(self) -> dict:
        """Results that depend on these rules and the line alone, kept with the rules
        (classify keeps each short line's features here)."""
        return {}

    @cached_property
    def _matched(self) -> tuple[dict, dict]:
        """Lines matched already: short ones (a site's menus, on every page) and the
        last long ones (a page's paragraphs, asked about by bars and by classify)."""
        return {}, {}

    def match(self, line: str) -> Rule | None:
        """The first rule that matches the line, or None (remembered)."""
        short, recent = self._matched
        memo, most = (short, MATCH_MEMO_MAX_LINES) if len(line) <= MATCH_MEMO_MAX_CHARS else (recent, MATCH_RECENT_MAX)
        found = memo.get(line, _UNSEEN)
        if found is _UNSEEN:
            if len(memo) >= most:
                memo.clear()
            found = memo[line] = self._match(line)
        return found

    def _match(self, line: str) -> Rule | None:
        folded = fold(line)
        # A phrase hit settles it unless an earlier rule matches by prefix or pattern.
        limit = self._phrase_owner.get(folded, len(self.rules))
        if not folded.startswith(self._any_prefix) and self._any_pattern is not None \
                and not self._any_pattern.hits(line):
            return self.rules[limit] if limit < len(self.rules) else None  # most lines: one test each
        for rule in self.rules[:limit]:
            if (rule.prefixes and folded.startswith(rule.prefixes)) or (rule.patterns and rule.search(line)):
                return rule
        return self.rules[limit] if limit < len(self.rules) else None

    def __add__(self, other: Rules) -> Rules:
        return Rules(self.rules + other.rules)


def _strings(entry: dict, key: str, where: str) -> list[str]:
    value = entry.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise RulesError(f"{where}: {key} must be a list of strings, like {key} = [\"...\"]")
    return value


def parse_rules(text: str, *, origin: str) -> Rules:
    try:
        data = toml_loads(text)
    except ValueError as err:
        import tomllib  # (imported by then: toml_loads parsed the text)

        if not isinstance(err, tomllib.TOMLDecodeError):
            raise
        raise RulesError(f"{origin}: not valid TOML: {err}") from None
    entries = data.get("rule", [])
    if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
        raise RulesError(f"{origin}: rules are written [[rule]] (an array of tables), one a rule")
    rules = []
    for i, entry in enumerate(entries, 1):
        where = f"{origin}: rule {i} ({entry.get('name', 'no name')})"
        try:
            kind = RuleKind(entry.get("kind", "boilerplate"))
        except ValueError:
            kinds = ", ".join(k.value for k in RuleKind)
            raise RulesError(f"{where}: kind must be one of {kinds}") from None
        if not isinstance(entry.get("name"), str) or not entry["name"]:
            raise RulesError(f"{where}: every rule needs a name (it is the reason reported)")
        try:
            rule = Rule(
                name=entry["name"], kind=kind,
                phrases=frozenset(fold(p) for p in _strings(entry, "phrases", where)),
                prefixes=tuple(fold(p) for p in _strings(entry, "prefixes", where)),
                patterns=tuple(re.compile(p) for p in _strings(entry, "patterns", where)),
            )
        except re.error as err:
            raise RulesError(f"{where}: bad pattern: {err} (flags go inside a group: (?i:...))") from None
        rules.append(rule)
    return Rules(tuple(rules))


@cache
def default_rules() -> Rules:
    text = data_text("rules.toml")
    return parse_rules(text, origin="khabar rules.toml")


def load_rules(paths: tuple[str, ...] = ()) -> Rules:
    """The user's rules (tried first, in the order given), then khabar's own."""
    extra = Rules(())
    for path in paths:
        try:
            text = Path(path).read_text(encoding="utf-8")
        except OSError as err:
            raise RulesError(f"{path}: cannot read rules file: {err.strerror}") from None
        except UnicodeDecodeError:
            raise RulesError(f"{path}: a rules file must be UTF-8 text") from None
        extra = extra + parse_rules(text, origin=path)
    return extra + default_rules()

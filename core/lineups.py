"""Sports line-ups inside the article: "ترکیب دو تیم" / "پرسپولیس:" / eleven
names one a line / "سرمربی: …". Short name lines in a row read as a menu, so
the classifier removes them; a match report's line-up is article text.

A line-up is recognised by how such pages are built, never by the names: a
heading that opens with "ترکیب" or a team label ending in ":" followed by at
least a team's worth of short name lines (or the names after the label on one
line, as a dump without line breaks gives them), with the staff lines between
teams; and it stands in the article (a body line shortly before it). Each
team is kept as one paragraph, "پرسپولیس: name، name، …", so Markdown shows
it as a paragraph and never a name as a heading.
"""

from __future__ import annotations

import re

from khabar.core.chars import DIGITS, ZWNJ
from khabar.core.datafile import data_toml
from khabar.core.model import KEPT, Kind, Labeled, Line

_DATA = data_toml("lineups.toml")
HEADING_WORDS = tuple(_DATA["heading_words"])
HEADING_MAX_WORDS = _DATA["heading_max_words"]
STAFF_LABELS = frozenset(_DATA["staff_labels"])
TEAM_LABEL_MAX_WORDS = _DATA["team_label_max_words"]
MIN_PLAYERS = _DATA["min_players"]
MAX_PLAYERS = _DATA["max_players"]
PLAYER_MAX_WORDS = _DATA["player_max_words"]
# Removed lines at most between the article's last body line and the line-up
# (an in-body «بیشتر بخوانید» box).
MAX_GAP = 4

BODY = (Kind.LEAD, Kind.PARAGRAPH, Kind.SUBHEADING)
# What a line of a line-up may have been taken for: short lines in a row (or, team
# and player names recurring over a folder of match reports, its template). A line
# a rule named (a share button, a list header, a comment) is not a player.
TAKEN_AS = frozenset({"menu", "link-list", "navigation", "outside-article", "template"})
COLON = (":", "：")
# What a sentence has and a name or a label has not.
SENTENCE_MARKS = re.compile(r"[.!?؟؛«»\"]")
DIGIT = re.compile(f"[{DIGITS}]")
# "۱- علیرضا بیرانوند", "علیرضا بیرانوند (کاپیتان)": a shirt number or a note around a name.
SHIRT = re.compile(rf"^[{DIGITS}]{{1,2}}\s*[-.)]\s*")
NOTE = re.compile(r"\s*\([^()]{1,20}\)$")


def _plain(text: str) -> str:
    return " ".join(text.replace(ZWNJ, " ").split())


def _label(text: str) -> str | None:
    """The label of a line that is a label alone ("پرسپولیس:"), else None."""
    text = text.strip()
    if not text.endswith(COLON):
        return None
    label = _plain(text.rstrip(":： "))
    return label if label and not any(c in label for c in COLON) else None


def _split(text: str) -> tuple[str, str] | None:
    """A line "label: value" as its label and value (label of a few words)."""
    m = re.match(r"^([^:：]{1,60})[:：]\s*(\S.*)$", text.strip())
    return (_plain(m.group(1)), m.group(2).strip()) if m else None


def _is_staff(label: str) -> bool:
    return label in STAFF_LABELS


def _is_team_label(label: str | None) -> bool:
    return bool(label) and len(label.split()) <= TEAM_LABEL_MAX_WORDS and not DIGIT.search(label) \
        and not SENTENCE_MARKS.search(label) and not _is_staff(label)


def _is_player(text: str) -> bool:
    name = NOTE.sub("", SHIRT.sub("", text.strip()))
    words = name.split()
    return 1 <= len(words) <= PLAYER_MAX_WORDS and not DIGIT.search(name) and not SENTENCE_MARKS.search(name) \
        and not any(c in name for c in COLON + ("،", ",", "|", "/"))


def is_lineup_heading(text: str) -> bool:
    """A line that opens a line-up: "ترکیب دو تیم", "ترکیب تیم‌ها:"."""
    plain = _plain(text.rstrip(":： "))
    return len(plain.split()) <= HEADING_MAX_WORDS and not SENTENCE_MARKS.search(plain) \
        and any(plain == w or plain.startswith(w + " ") for w in HEADING_WORDS)


def _team_on_one_line(text: str) -> bool:
    """A team on one line ("پرسپولیس: name name …"): a team label, then at least
    a team's worth of words and no sentence in them."""
    split = _split(text)
    if split is None or not _is_team_label(split[0]):
        return False
    value = split[1]
    return len(value.split()) >= MIN_PLAYERS and not SENTENCE_MARKS.search(value) and not DIGIT.search(value)


def _staff_line(text: str) -> bool:
    """"سرمربی: فرهاد مجیدی", "ذخیره‌ها: name، name، …": a staff label and names."""
    split = _split(text)
    return split is not None and _is_staff(split[0]) and len(split[1].split()) <= MAX_PLAYERS * PLAYER_MAX_WORDS \
        and not SENTENCE_MARKS.search(split[1])


def _names_after(texts: list[str | None], j: int) -> int:
    """The end of the run of name lines after line j."""
    k = j + 1
    while k < len(texts) and k - j - 1 < MAX_PLAYERS and texts[k] is not None and _is_player(texts[k]):
        k += 1
    return k


def _parse(texts: list[str | None], i: int) -> tuple[int, list[tuple[str, list[int]]]] | None:
    """The line-up starting at line i: its end and its parts (kind, line indexes)."""
    parts: list[tuple[str, list[int]]] = []
    j, teams, heading, staff = i, 0, False, False
    while j < len(texts) and texts[j] is not None:
        text = texts[j]
        label = _label(text)
        if _is_team_label(label):
            k = _names_after(texts, j)
            if k - j - 1 >= MIN_PLAYERS:
                parts.append(("team", list(range(j, k))))
                # "ترکیب پرسپولیس:": the team's label is the line-up's heading too.
                teams, j, heading = teams + 1, k, heading or is_lineup_heading(label)
                continue
        if j == i and is_lineup_heading(text):
            parts.append(("heading", [j]))
            heading, j = True, j + 1
            continue
        if teams and _staff_line(text):
            parts.append(("staff", [j]))
            staff, j = True, j + 1
            continue
        if teams and label is not None and _is_staff(label) and _names_after(texts, j) > j + 1:
            # "سرمربی:" / a name, "ذخیره‌ها:" / the bench one a line.
            k = _names_after(texts, j)
            parts.append(("staff", list(range(j, k))))
            staff, j = True, k
            continue
        split = _split(text)
        opens = split is not None and is_lineup_heading(split[0])
        if (heading or teams or opens) and _team_on_one_line(text):
            parts.append(("team", [j]))
            teams, j, heading = teams + 1, j + 1, heading or opens
            continue
        break
    if teams and (heading or staff or teams >= 2):
        return j, parts
    return None


def _in_article(lines: list[Labeled], i: int) -> bool:
    """A body line of the article stands shortly before line i."""
    for item in reversed(lines[max(0, i - MAX_GAP - 1):i]):
        if item.kind in KEPT:
            return item.kind in BODY
    return False


def _joined(items: list[Labeled]) -> Line:
    head, rest = items[0].line, [item.line for item in items[1:]]
    numbers = tuple(n for line in (head, *rest) for n in line.numbers)
    if rest:
        text = f"{head.text.strip()} " + "، ".join(line.text.strip() for line in rest)
    else:
        text = head.text.strip()
    return Line(text, numbers, head.gap_before)


def keep_lineups(lines: list[Labeled]) -> list[Labeled]:
    """The page's lines with each line-up in the article kept: its heading as a
    subheading, each team and staff line as a paragraph."""
    # A line no line-up line can be (read as metadata, or named by a rule) is None.
    texts = [item.line.text if item.kind in KEPT or item.reason in TAKEN_AS else None for item in lines]
    out: list[Labeled] = []
    i = 0
    while i < len(lines):
        found = None
        if texts[i] is not None and lines[i].kind is not Kind.TITLE and _in_article(lines, i):
            found = _parse(texts, i)
        if found is None:
            out.append(lines[i])
            i += 1
            continue
        end, parts = found
        for kind, idx in parts:
            items = [lines[k] for k in idx]
            if kind == "heading":
                out.append(Labeled(items[0].line, Kind.SUBHEADING))
            else:
                out.append(Labeled(_joined(items), Kind.PARAGRAPH))
        i = end
    return out

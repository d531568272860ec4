"""Plain values passed between the stages."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum


class Kind(Enum):
    """What a line of the page is. Kept kinds make the article; the rest are removed."""

    # Members are singletons compared by identity: their object hash spares a
    # Python-level Enum.__hash__ call in every set or dict test (KEPT, per line).
    __hash__ = object.__hash__

    TITLE = "title"
    SURTITLE = "surtitle"
    LEAD = "lead"
    PARAGRAPH = "paragraph"
    SUBHEADING = "subheading"
    METADATA = "metadata"  # news code, date, source, author, tags: read, then removed
    BOILERPLATE = "boilerplate"

    @property
    def kept(self) -> bool:
        return self in KEPT


# The kinds that make the article (a set: loops over every line test it).
KEPT = frozenset({Kind.TITLE, Kind.SURTITLE, Kind.LEAD, Kind.PARAGRAPH, Kind.SUBHEADING})


class Role(Enum):
    """Which metadata a line carries. Stages branch on the member; people read
    its :attr:`reason` ("metadata: news-code")."""

    __hash__ = object.__hash__  # as Kind's

    NEWS_CODE = "news-code"
    DATE = "date"
    UPDATED = "updated"
    CLOCK = "clock"  # the page's clock ("امروز: …"): when it was read, not published
    AUTHOR = "author"
    SOURCE = "source"
    TAGS = "tags"  # a line of tags, or a tags label with its values
    TAG = "tag"  # one tag of a list under a tags label

    @property
    def reason(self) -> RoleReason:
        return _REASONS[self]


class RoleReason(str):
    """The explanation of a removed metadata line: the text shown (``--explain``,
    ``explain``) is derived here, once; the role stays readable from it
    (``reason.role``), so renaming the text cannot change what is extracted."""

    role: Role

    def __new__(cls, role: Role) -> RoleReason:
        reason = super().__new__(cls, f"metadata: {role.value}")
        reason.role = role
        return reason

    def __reduce__(self):  # workers send articles back pickled
        return RoleReason, (self.role,)


_REASONS = {role: RoleReason(role) for role in Role}


def role_of(reason: str | None) -> Role | None:
    """The metadata role a line's reason records, None for any other reason."""
    return getattr(reason, "role", None)


@dataclass(frozen=True)
class Line:
    """One logical line of the page: a paragraph, a heading, a menu item…"""

    text: str
    numbers: tuple[int, ...]  # 1-based source lines merged into this one
    gap_before: bool = False  # a blank line stood before it

    @property
    def number(self) -> int:
        return self.numbers[0]


@dataclass(frozen=True)
class Labeled:
    """A line with its final kind and, for removed lines, the rule that removed it."""

    line: Line
    kind: Kind
    reason: str | None = None


@dataclass
class Article:
    """Everything khabar reads from one page; the render stage turns it into JSON or Markdown."""

    path: str
    title: str | None = None
    surtitle: str | None = None
    lead: str | None = None
    published: str | None = None
    updated: str | None = None
    news_id: str | None = None
    source: str | None = None
    agency: str | None = None  # canonical name of the credited agency
    author: str | None = None
    tags: list[str] = field(default_factory=list)
    subheadings: list[str] = field(default_factory=list)
    text: str = ""
    encoding: str | None = None
    language: str | None = None  # BCP 47: "fa", "ar", "und-Latn", "und"
    warnings: list[str] = field(default_factory=list)
    lines: list[Labeled] = field(default_factory=list)
    shape: str | None = None  # how the page was saved (core/reshape.py): "lines", "markdown", …
    url: str | None = None  # the page's canonical URL (HTML pages)
    keywords: list[str] = field(default_factory=list)  # the head's keywords (HTML pages)
    hints: dict[int, dict] = field(default_factory=dict)  # line number -> DOM hints (HTML pages)
    duplicate_of: str | None = None  # the input that gave the same article first (clean_many)

    # The same text the CLI writes for each --format (see khabar.core.render).
    def to_dict(self, *, explain: bool = False) -> dict:
        """The JSON fields; with ``explain``, the kept blocks and removed lines too."""
        from khabar.core.render import record, to_dict

        return to_dict(record(self), explain=explain)

    def to_json(self, *, explain: bool = False) -> str:
        """Indented JSON (``--format json``), ending in a line break."""
        from khabar.core.render import render

        return render(self, "json", explain=explain)

    def to_jsonl(self, *, explain: bool = False) -> str:
        """One JSON line (``--format jsonl``), ending in a line break."""
        from khabar.core.render import render

        return render(self, "jsonl", explain=explain)

    def to_markdown(self, *, explain: bool = False) -> str:
        """Markdown with YAML front matter (``--format md``)."""
        from khabar.core.render import render

        return render(self, "md", explain=explain)

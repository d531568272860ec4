"""When the pages were read (--reference): the one type it has from the command
line to the stages, which each get the moment their page was read."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

MTIME = "mtime"


@dataclass(frozen=True)
class Reference:
    """When the pages were read, for dates without a year and relative ones
    (۲ روز پیش): none, a fixed moment, or each file's modification time."""

    moment: datetime | None = None
    mtime: bool = False

    @classmethod
    def parse(cls, text: str | None, *, mtime_ok: bool = True) -> Reference:
        """``None``, ``mtime`` or an ISO date or date-time; ValueError for anything else."""
        if text is None:
            return cls()
        if text == MTIME and mtime_ok:
            return cls(mtime=True)
        return cls(datetime.fromisoformat(text))

    def at(self, mtime_ns: int | None = None) -> datetime | None:
        """The moment one page was read: the fixed one, or the file's modification
        time (``mtime_ns``; none for a page that is no file)."""
        if not self.mtime:
            return self.moment
        if not mtime_ns:
            return None
        from khabar.core.dates.calendars import TEHRAN

        return datetime.fromtimestamp(mtime_ns / 1e9, tz=TEHRAN)

    def __str__(self) -> str:
        return MTIME if self.mtime else str(self.moment)

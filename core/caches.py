"""Where khabar keeps what it builds once and reuses between runs (the
lexicon, compiled patterns): ``$KHABAR_CACHE_DIR``, else ``khabar`` in the
user's cache folder."""

from __future__ import annotations

import os


def cache_dir() -> str:
    return os.environ.get("KHABAR_CACHE_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "khabar")

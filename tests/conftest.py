"""Shared fixtures: the bundled sample pages and small page builders."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SEED = SEEDS / "000_7619606070423613.txt"


@pytest.fixture
def seed_bytes() -> bytes:
    return SEED.read_bytes()


"""Shared fixtures: the bundled sample pages and small page builders."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SEED = SEEDS / "000_7619606070423613.txt"


@pytest.fixture
def seed_bytes() -> bytes:
    return SEED.read_bytes()


# CI runs the property tests on a fixed set of examples, so a run is repeatable;
# locally hypothesis explores new examples each time.
from hypothesis import settings as _hypothesis_settings  # noqa: E402

_hypothesis_settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    _hypothesis_settings.load_profile("ci")

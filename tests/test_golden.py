"""The seed's JSON and Markdown, checked in under tests/golden/ and compared exactly.

After an intended change of output, regenerate them with
``KHABAR_UPDATE_GOLDEN=1 scripts/test tests/test_golden.py`` and review the diff.
"""

import os
from pathlib import Path

import pytest

from khabar.core.pipeline import clean_bytes
from khabar.core.render import render
from tests.conftest import SEED

GOLDEN = Path(__file__).parent / "golden"


@pytest.mark.parametrize("fmt", ["json", "md"])
def test_seed_output_matches_the_golden_file(fmt):
    article = clean_bytes(SEED.read_bytes(), path="seeds/" + SEED.name)
    got = render(article, fmt)
    golden = GOLDEN / f"{SEED.stem}.{fmt}"
    if os.environ.get("KHABAR_UPDATE_GOLDEN"):
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(got, encoding="utf-8")
    assert got == golden.read_text(encoding="utf-8")

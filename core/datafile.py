"""khabar's data files (``core/data/*.toml``), read from beside this module:
``importlib.resources`` finds the same folder but imports zipfile and its
readers to do so, a tenth of a one-page run."""

from functools import cache
from pathlib import Path

DATA = Path(__file__).parent / "data"


def data_text(name: str) -> str:
    return (DATA / name).read_text(encoding="utf-8")


def data_bytes(name: str) -> bytes:
    return (DATA / name).read_bytes()


@cache
def data_toml(name: str) -> dict:
    """A data file parsed once per process; callers read it, never change it."""
    return toml_loads(data_text(name))


def toml_loads(text: str) -> dict:
    """``tomllib.loads``, or what the same text parsed to in an earlier run when
    the command's start-up cache is installed (:mod:`.compiled_cache`)."""
    from khabar.core.compiled_cache import toml_loads

    return toml_loads(text)

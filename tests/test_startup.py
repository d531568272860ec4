"""What a short run (one page, one date) costs to start: work done once and
kept, not redone at each start. (Times are for benchmarks/; these hold the
behaviour that makes them.)"""

from __future__ import annotations


def test_the_compound_keys_are_read_from_the_lexicon_cache_not_built_at_each_start(tmp_path, monkeypatch):
    from khabar.core import halfspace_lexicon, halfspace_spaced, lexicon_table

    monkeypatch.setenv("KHABAR_CACHE_DIR", str(tmp_path))
    halfspace_lexicon.lexicon.cache_clear()
    try:
        built = halfspace_lexicon.lexicon()  # builds and writes the cache
        halfspace_lexicon.lexicon.cache_clear()
        lex = halfspace_lexicon.lexicon()
        assert isinstance(lex.compound_keys, lexicon_table.Table)  # looked up in the mapped file
        assert halfspace_spaced._compound_keys() is lex.compound_keys
        # 'جان‌باخته' alone and with a joined suffix ('جانباختگان')
        assert "جانباخته" in lex.compound_keys and "جانباختگان" in lex.compound_keys
        assert set(lex.compound_keys) == set(built.compound_keys) == halfspace_lexicon._compound_keys(lex.halfspaced)
    finally:
        halfspace_lexicon.lexicon.cache_clear()


# A command line run in a fresh process, through the fast path (entry.main) or
# always through the Typer app; stderr's last line says whether Typer was imported.
_RUN = """
import atexit, sys
sys.argv = ["khabar", *sys.argv[1:]]
atexit.register(lambda: sys.stderr.write("typer imported: %s\\n" % ("typer" in sys.modules)))
from khabar.cli import entry
if {typer}:
    from khabar.cli.app import run_app
    entry._stand_in_for_closed_streams()
    entry._end(run_app())
entry.main()
"""


def _khabar(*args: str, typer: bool = False, input: bytes | None = None):
    import subprocess
    import sys

    proc = subprocess.run([sys.executable, "-c", _RUN.format(typer=typer), *args], input=input,
                          capture_output=True, timeout=120)
    *said, imported = proc.stderr.decode().splitlines()
    return proc.returncode, proc.stdout, "\n".join(said), imported == "typer imported: True"


def test_clean_and_date_with_plain_arguments_start_without_typer():
    from tests.conftest import SEED

    assert _khabar("date", "۱ شهریور ۱۴۰۱")[:3] == (0, b"2022-08-23\n", "")
    assert _khabar("date", "۱ شهریور ۱۴۰۱")[3] is False
    code, out, said, imported = _khabar("clean", "-", input=SEED.read_bytes())
    assert code == 0 and b'"news_id": "2855"' in out and not imported
    # an option, or no path: the Typer app parses the command line
    assert _khabar("date", "--reference", "2022-09-01", "۱ شهریور")[1:] == (b"2022-08-23\n", "", True)
    assert _khabar("clean")[0] == 2 and _khabar("clean")[3]


def test_the_fast_path_answers_as_the_typer_app_does(tmp_path):
    from tests.conftest import SEED

    (tmp_path / "bad.txt").write_bytes(b"\x00\x01" * 10)
    cases = [
        (("clean", "-"), SEED.read_bytes()),
        (("clean", str(SEED), str(tmp_path / "missing.txt")), None),
        (("clean", str(tmp_path)), None),
        (("date", "۱ شهریور ۱۴۰۱", "nothing", "۲۲ بهمن ۹۷"), None),
        (("date",), "۱ شهریور ۱۴۰۱\n\nfoo\n".encode()),
    ]
    for args, given in cases:
        fast, typer = _khabar(*args, input=given), _khabar(*args, input=given, typer=True)
        assert not fast[3] and typer[3]
        assert fast[:2] == typer[:2] and _untimed(fast[2]) == _untimed(typer[2]), args


def _untimed(said: str) -> str:
    import re

    return re.sub(r" in [\d.]+ s \([\d.]+ files/s\)", "", said)  # the summary's time


def test_the_fast_path_gives_clean_and_date_the_typer_commands_defaults():
    import enum
    import inspect

    from khabar.cli import app, commands

    for typed, plain in ((app.clean, commands.clean), (app.date, commands.date)):
        typed_params = inspect.signature(typed).parameters.values()
        plain_params = inspect.signature(plain).parameters.values()
        # the Typer command passes its values by position: the same names in the same order
        assert [p.name for p in typed_params] == [p.name for p in plain_params]
        for t, p in zip(typed_params, plain_params):
            default = t.default.value if isinstance(t.default, enum.Enum) else t.default
            assert default == p.default, t.name

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


def test_the_date_patterns_are_the_same_in_every_process():
    """Their alternations were ordered by a set's order, which changes with the
    hash seed: each run compiled patterns no run before had."""
    import subprocess
    import sys

    code = ("from khabar.core.dates import patterns, scan; scan.date_expressions('۱ شهریور ۱۴۰۱'); "
            "print(repr((patterns.hints().date.pattern, patterns.hints().month.pattern)))")
    seen = {subprocess.run([sys.executable, "-c", code], env={"PYTHONHASHSEED": str(seed)}, capture_output=True,
                           text=True, check=True).stdout for seed in (1, 2, 3, 4)}
    assert len(seen) == 1


_COMPILE_RUN = """
import sys
from khabar.core import compiled_cache
compiled_cache.install()
from khabar.core.dates import parse_date
from datetime import datetime
print(parse_date("۱ شهریور ۱۴۰۱", reference=datetime(2024, 1, 1)).iso())
print(len(compiled_cache._used["re"]), compiled_cache._state["new"], "tomllib" in sys.modules)
compiled_cache.save()
"""


def test_a_second_run_takes_its_patterns_from_the_cache_and_writes_nothing(tmp_path):
    import os
    import subprocess
    import sys

    env = {**os.environ, "KHABAR_CACHE_DIR": str(tmp_path)}
    first = subprocess.run([sys.executable, "-c", _COMPILE_RUN], env=env, capture_output=True, text=True, check=True)
    [cache] = tmp_path.glob("compiled-*")
    written = cache.stat().st_mtime_ns, cache.read_bytes()
    second = subprocess.run([sys.executable, "-c", _COMPILE_RUN], env=env, capture_output=True, text=True, check=True)
    assert first.stdout.split("\n")[0] == second.stdout.split("\n")[0] == "2022-08-23"
    assert first.stdout.split("\n")[1].split()[1:] == ["True", "True"]  # compiled, and dates.toml parsed
    used, new, parsed = second.stdout.split("\n")[1].split()
    # every pattern from the cache, none compiled anew; dates.toml as it parsed (tomllib not imported)
    assert int(used) > 5 and new == "False" and parsed == "False"
    assert (cache.stat().st_mtime_ns, cache.read_bytes()) == written
    cache.write_bytes(b"\x00 not marshal")  # a damaged file: ignored, compiled anew, replaced
    third = subprocess.run([sys.executable, "-c", _COMPILE_RUN], env=env, capture_output=True, text=True, check=True)
    assert third.stdout.split("\n")[0] == "2022-08-23" and cache.read_bytes() == written[1]


def test_a_pattern_from_the_cache_is_the_one_re_compiles(tmp_path, monkeypatch):
    import re
    from re import _compiler

    from khabar.core import compiled_cache as cc

    sources = [(r"(?P<d>\d+)\s*(?P<m>شهریور|مهر)(?:\s+(?P<y>\d{4}))?", re.IGNORECASE.value),
               (rb"(?i)caf\xe9|(?P<x>[a-z]+)", 0), (r"(?<![\w])foo(?=bar)|\bbaz\b", (re.MULTILINE | re.DOTALL).value),
               (r"[ء-ي‌]+(?:\s[ء-ي]+){0,3}", 0)]  # flags as re hands them over: ints
    monkeypatch.setenv("KHABAR_CACHE_DIR", str(tmp_path))
    original = _compiler.compile
    made, cached = _through_the_cache(monkeypatch, lambda: [cc._compile(p, f) for p, f in sources])
    assert len(cc._patterns) == len(sources) and not cc._state["new"]
    texts = ["۱۲ شهریور ۱۴۰۱", "۳ مهر", "café CAFÉ abc", "foobar baz\nbaz", "سلام دنیا‌ها خوب"]
    for want, got in zip([original(p, f) for p, f in sources], cached):
        assert (got.pattern, got.flags, got.groups, dict(got.groupindex)) == \
               (want.pattern, want.flags, want.groups, dict(want.groupindex))
        for text in texts:
            text = text.encode("latin-1", "ignore") if isinstance(want.pattern, bytes) else text
            assert [m.span() + m.groups() for m in got.finditer(text)] == \
                   [m.span() + m.groups() for m in want.finditer(text)]
    assert [m.pattern for m in made] == [m.pattern for m in cached]


def _through_the_cache(monkeypatch, make):
    """What ``make`` returns with the cache empty (compiled, then saved), and
    again with the cache read back from its file (taken from the cache)."""
    import dataclasses
    from re import _compiler

    from khabar.core import compiled_cache as cc

    monkeypatch.setattr(cc, "_patterns", {})
    monkeypatch.setattr(cc, "_methods", {})
    monkeypatch.setattr(cc, "_used", {"re": set(), "fn": set()})
    monkeypatch.setattr(cc, "_state", {"new": False, "path": None, "compile": None, "create_fn": None})
    original, create_fn = _compiler.compile, dataclasses._create_fn
    try:
        cc.install()
        made = make()
        cc.save()
        cc._patterns.clear()
        cc._methods.clear()
        cc._state.update(compile=None, create_fn=None)
        _compiler.compile, dataclasses._create_fn = original, create_fn
        cc.install()  # read back from the file
        again = make()
        return made, again
    finally:
        _compiler.compile, dataclasses._create_fn = original, create_fn


def test_a_dataclass_made_with_methods_from_the_cache_is_the_one_dataclasses_makes(tmp_path, monkeypatch):
    import dataclasses
    import inspect

    from khabar.core import compiled_cache as cc

    monkeypatch.setenv("KHABAR_CACHE_DIR", str(tmp_path))

    def make():
        @dataclasses.dataclass(frozen=True, order=True)
        class Frozen:
            a: int
            b: str = "x"
            c: list = dataclasses.field(default_factory=list, compare=False)

        @dataclasses.dataclass(slots=True)
        class Plain:
            a: "int"
            b: tuple = ()

        return Frozen, Plain

    plain_frozen, plain_plain = make()  # as dataclasses makes them
    (made_frozen, made_plain), (frozen, plain) = _through_the_cache(monkeypatch, make)
    assert len(cc._methods) >= 8 and not cc._state["new"]  # all methods from the file
    for want, got in ((plain_frozen, frozen), (plain_plain, plain), (plain_frozen, made_frozen)):
        assert str(inspect.signature(got)) == str(inspect.signature(want))
        for name in ("__init__", "__repr__", "__eq__", "__lt__", "__hash__", "__setattr__"):
            if getattr(want, name, None) is None or getattr(want, name) is getattr(object, name, None):
                assert getattr(got, name, None) is getattr(want, name, None), name  # none written
            else:
                assert getattr(got, name).__code__.co_code == getattr(want, name).__code__.co_code, name
                assert getattr(got, name).__annotations__ == getattr(want, name).__annotations__, name
    one, two = frozen(1, "y", [3]), frozen(1, "y", [4])
    assert one == two and hash(one) == hash(two) and repr(one).endswith(".Frozen(a=1, b='y', c=[3])") and one < frozen(2)
    try:
        one.a = 2
        raise AssertionError("a frozen dataclass took a new value")
    except dataclasses.FrozenInstanceError:
        pass
    p = plain(1)
    p.b = (2,)
    assert p == plain(1, (2,)) and not hasattr(p, "__dict__")


def test_jalali_dates_convert_as_jdatetime_converts_them_without_importing_it():
    import datetime as dt
    import subprocess
    import sys

    import jdatetime

    from khabar.core.dates import calendars

    def by_jdatetime(year, month, day):
        try:
            return jdatetime.date(year, month, day).togregorian()
        except ValueError:
            return None

    for year in calendars.JALALI_YEARS:
        for month in range(0, 14):
            for day in (-1, 0, 1, 15, 28, 29, 30, 31, 32):
                assert calendars.to_gregorian("jalali", year, month, day) == by_jdatetime(year, month, day), \
                    (year, month, day)
    day, last = dt.date(1830, 1, 1), dt.date(2190, 12, 31)
    while day <= last:
        assert calendars.year_of("jalali", day) == jdatetime.date.fromgregorian(date=day).year, day
        day += dt.timedelta(days=1)
    imported = subprocess.run([sys.executable, "-c", "import sys; from khabar.core.dates import parse_date; "
                               "parse_date('۳۰ اسفند ۱۴۰۳'); print('jdatetime' in sys.modules)"],
                              capture_output=True, text=True, check=True).stdout
    assert imported == "False\n"


def test_help_and_version_start_without_the_start_up_cache():
    """Typer writes them from its own objects: reading the cache (and importing
    dataclasses for it) only made them slower."""
    import subprocess
    import sys

    code = ("import atexit, sys; sys.argv = ['khabar', *sys.argv[1:]]; "
            "atexit.register(lambda: sys.stderr.write(str('khabar.core.compiled_cache' in sys.modules))); "
            "from khabar.cli.entry import main; main()")
    for args in (["--help"], ["clean", "-h"], ["--version"], ["date", "۱ شهریور ۱۴۰۱"]):
        proc = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, timeout=120)
        assert proc.returncode == 0 and proc.stdout
        assert proc.stderr == ("True" if args[0] == "date" else "False"), args

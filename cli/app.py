"""The ``khabar`` command: a thin Typer layer over :mod:`khabar.core`.

Core errors become one "Error: …" line on standard error; exit codes follow
the contract: 0 all done, 1 some inputs failed (the rest were cleaned),
2 usage errors. Only data goes to standard output.
"""

from __future__ import annotations

import contextlib
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from khabar import __version__
from khabar.cli import commands
from khabar.cli.entry import main  # noqa: F401 (the console script's name, as before)
from khabar.cli.exits import EXIT_FAILED, EXIT_USAGE
from khabar.core.reading import MAX_BYTES

app = typer.Typer(
    name="khabar",
    help="Clean scraped Persian news pages: remove boilerplate, read metadata, repair the text.\n\n"
         "Example: khabar clean pages/ --output clean/",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)

class Format(str, Enum):
    json = "json"
    jsonl = "jsonl"
    md = "md"


class Digits(str, Enum):
    keep = "keep"
    fa = "fa"
    latin = "latin"


def _version(value: bool) -> None:
    if value:
        typer.echo(f"khabar {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Print the version and exit.")] = False,
) -> None:
    """Clean scraped Persian news pages: remove boilerplate, read metadata, repair the text."""


def _error(message: str) -> None:
    commands.error(message)


def _normalize_config(repair: bool, digits: Digits):
    return commands.normalize_config(repair, digits.value)


@contextlib.contextmanager
def _usage_errors():
    """A value commands cannot use, as Typer's usage error (exit 2)."""
    try:
        yield
    except commands.UsageError as err:
        raise typer.BadParameter(err.message, param_hint=err.param_hint) from None


RepairOption = Annotated[bool, typer.Option("--repair/--no-repair",
                                            help="Repair the text (letters, spaces, half-spaces); "
                                                 "--no-repair keeps it as scraped.")]
DigitsOption = Annotated[Digits, typer.Option("--digits", metavar="keep|fa|latin", help="Digits in Persian prose: keep as written, "
                                                               "or convert to fa (۱۲۳) or latin (123).")]


class InputKind(str, Enum):
    auto = "auto"
    text = "text"
    html = "html"


MaxBytesOption = Annotated[int, typer.Option("--max-bytes", metavar="N", min=1,
                                             help="Refuse inputs larger than this (standard input too).")]
IncludeOption = Annotated[Optional[list[str]], typer.Option(
    "--include", metavar="GLOB", help="Files to take from folders, by name. Repeatable. Default: *.txt *.html *.htm")]
ExcludeOption = Annotated[Optional[list[str]], typer.Option(
    "--exclude", metavar="GLOB", help="Files to leave out, by name or path below the folder. Repeatable.")]
LearnOption = Annotated[bool, typer.Option(
    "--learn/--no-learn",
    help="First learn each folder's template: lines that recur in many of its pages are removed.")]


@app.command()
def clean(
    paths: Annotated[Optional[list[str]], typer.Argument(
        help="Files or folders (read recursively); - for standard input.", show_default=False,
        metavar="PATH...")] = None,
    fmt: Annotated[Optional[Format], typer.Option(
        "--format", "-f", metavar="json|jsonl|md",
        help="Output format. Default: jsonl on standard output, json with --output.")] = None,
    output: Annotated[Optional[str], typer.Option(
        "--output", "-o", metavar="DIR", help="Write one file per input here, mirroring the input tree "
                                              "(a folder or an fsspec URL).")] = None,
    explain: Annotated[bool, typer.Option(
        "--explain", help="Add blocks (kind, line, text) and removed (line, text, reason) to the output.")] = False,
    rules: Annotated[Optional[list[Path]], typer.Option(
        "--rules", metavar="FILE",
        help="Extra boilerplate rules (TOML, as khabar's data/rules.toml); tried first. Repeatable.")] = None,
    cluster: Annotated[Optional[str], typer.Option(
        "--cluster", metavar="ADDRESS", help="Run on a Dask cluster: a scheduler (tcp://HOST:8786) or local:N "
                                             "(N worker processes here). Needs khabar[dask].")] = None,
    include: IncludeOption = None,
    exclude: ExcludeOption = None,
    files_from: Annotated[Optional[str], typer.Option(
        "--files-from", metavar="FILE", help="Also clean the paths listed in FILE (- for standard input).")] = None,
    null: Annotated[bool, typer.Option(
        "--null", "-0", help="The --files-from list is NUL-separated (find -print0).")] = False,
    jobs: Annotated[Optional[int], typer.Option(
        "--jobs", "-j", min=1, metavar="N",
        help="Worker processes. Default: all cores. Not with --cluster (give local:N there).")] = None,
    incremental: Annotated[bool, typer.Option(
        "--incremental", help="Skip inputs unchanged since the last run into the same --output (for cron).")] = False,
    dedupe: Annotated[bool, typer.Option(
        "--dedupe", help="Skip duplicates (same site and news code, or same text) instead of marking "
                         "them duplicate_of.")] = False,
    learn: LearnOption = True,
    repair: RepairOption = True,
    digits: DigitsOption = Digits.keep,
    reference: Annotated[Optional[str], typer.Option(
        "--reference", metavar="DAY|mtime", help="When the pages were read (ISO date or date-time), or mtime: "
                                                 "each file's modification time. Dates without a year and "
                                                 "relative ones (۲ روز پیش) count for `published` only with it.")] = None,
    max_bytes: MaxBytesOption = MAX_BYTES,
    input_kind: Annotated[Optional[InputKind], typer.Option(
        "--input", metavar="auto|text|html", help="How to read each input: auto tells HTML pages from text "
                                                  "by their content, whatever the file name.")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No summary, no progress; errors only.")] = False,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Say what happens to every file.")] = False,
    log_file: Annotated[Optional[Path], typer.Option(
        "--log-file", metavar="FILE", help="Also append errors, warnings and the summary to FILE, even with "
                                           "--quiet (with --verbose, each file's line too).")] = None,
) -> None:
    """Clean pages into articles (JSON, JSON Lines or Markdown).

    Exit status: 0 all cleaned; 1 some inputs failed (named on standard error,
    the rest cleaned) or a write failed (standard output, the log, the state);
    2 usage error; 75 another run holds --output; 129/130/143 stopped by
    SIGHUP/SIGINT/SIGTERM (the file in hand finished or discarded); 141 the
    reader of standard output left (`| head`), quietly.

    Examples:

      khabar clean page.txt

      khabar clean pages/ --output clean/ --format md

      cat page.txt | khabar clean - | jq .title

      find pages -name '*.txt' -print0 | khabar clean --files-from - -0 -o clean/

      khabar clean pages/ -o clean/ --incremental --quiet      (from cron)

      khabar clean pages/ -o clean/ --cluster tcp://scheduler:8786
    """
    with _usage_errors():
        commands.clean(paths, fmt.value if fmt else None, output, explain, rules, cluster, include, exclude,
                       files_from, null, jobs, incremental, dedupe, learn, repair, digits.value, reference,
                       max_bytes, input_kind.value if input_kind else None, quiet, verbose, log_file)


@app.command("normalize")
def normalize_command(
    files: Annotated[Optional[list[Path]], typer.Argument(
        help="Files to normalise (default: standard input).", show_default=False, metavar="FILE...")] = None,
    repair: RepairOption = True,
    digits: DigitsOption = Digits.keep,
    max_bytes: MaxBytesOption = MAX_BYTES,
) -> None:
    """Repair Persian text: letters, spaces, half-spaces. Same lines out as in.

    Each file, or standard input, is one text: unless its verbs are written
    joined ('میشود'), its spaces may stand for half-spaces ('می شود', 'کارت
    های'); a word it writes apart twice elsewhere ('کی روش') gets a
    half-space where it is joined ('کیروش').
    So each is read whole, up to --max-bytes; a larger one is refused.

    Example: echo "سهشنبه کارتهای ملی" | khabar normalize
    """
    from khabar.core import KhabarError
    from khabar.core.decode import decode
    from khabar.core.normalize import normalize as run

    config = _normalize_config(repair, digits)
    failed = False
    for name in [str(f) for f in files] if files else ["-"]:
        try:
            data = _read_input(name, max_bytes)
            text = decode(data, path=name).text
        except OSError as err:
            _error(f"{name}: cannot read: {err.strerror}")
            failed = True
            continue
        except KhabarError as err:
            _error(str(err))
            failed = True
            continue
        _write_stdout(run(text, config=config).text)
    raise typer.Exit(EXIT_FAILED if failed else 0)


@app.command()
def date(
    strings: Annotated[Optional[list[str]], typer.Argument(
        help="Date strings, one line out for each (default: one a line on standard input).",
        show_default=False, metavar="STRING...")] = None,
    reference: Annotated[Optional[str], typer.Option(
        "--reference", metavar="DAY", help="When the strings were read (ISO date or date-time), for strings "
                            "without a year or with relative times. Default: now.")] = None,
    max_bytes: Annotated[int, typer.Option(
        "--max-bytes", metavar="N", min=1,
        help="Skip lines of standard input longer than this (an empty line out, exit 1).")] = MAX_BYTES,
) -> None:
    """Read date strings (arguments, or one a line on standard input); write each one's
    ISO 8601 date, or an empty line.

    Examples:

      khabar date "۱ شهریور ۱۴۰۱"      (prints 2022-08-23)

      echo "۱ شهریور ۱۴۰۱" | khabar date
    """
    with _usage_errors():
        commands.date(strings, reference, max_bytes)


@app.command()
def explain(
    files: Annotated[list[str], typer.Argument(
        help="The pages to show: files, folders (their files, as clean walks them) or - for standard input.",
        show_default=False, metavar="PATH...")],
    rules: Annotated[Optional[list[Path]], typer.Option("--rules", metavar="FILE",
                                                        help="Extra boilerplate rules (TOML).")] = None,
    include: IncludeOption = None,
    exclude: ExcludeOption = None,
    learn: LearnOption = True,
    max_bytes: MaxBytesOption = MAX_BYTES,
) -> None:
    """Show a page with kept lines in colour and each removed line with its reason.

    A folder shows each of its pages (chosen by --include and --exclude, with the
    folder's template, as clean cleans them); a page that cannot be read is named
    on standard error and the others are still shown (exit 1).

    Example: khabar explain seeds/000_7619606070423613.txt
    """
    from khabar.cli import view
    from khabar.cli.inputs import DEFAULT_INCLUDE, Selection
    from khabar.core import KhabarError
    from khabar.core.config import Config
    from khabar.core.pipeline import rules_for

    config = Config(rules=tuple(str(p) for p in rules or ()), max_bytes=max_bytes)
    try:
        rules_for(config.rules)
    except KhabarError as err:
        _error(str(err))
        raise typer.Exit(EXIT_USAGE)
    selection = Selection(include=tuple(include or DEFAULT_INCLUDE), exclude=tuple(exclude or ()), report=_error)
    with _stdout_may_fail():
        ok = view.explain(files, selection, config=config, learn=learn, error=_error)
    raise typer.Exit(0 if ok else EXIT_FAILED)


def _read_input(name: str, max_bytes: int) -> bytes:
    """A page for normalize: standard input or a regular file, within the size limit."""
    from khabar.cli import limits

    if name == limits.STDIN:
        return limits.read_stdin(max_bytes)
    from khabar.core.reading import read_file

    return read_file(name, max_bytes)[0]


_write_stdout = commands.write_stdout
_stdout_may_fail = commands.stdout_may_fail


def run_app() -> int | str | None:
    """The Typer app on sys.argv: its exit status."""
    from khabar.cli.storage import discard_stdout, stdout_failure

    try:
        app()
        return 0
    except SystemExit as end:
        return end.code
    except OSError as err:
        if not _from_typer_writing_stdout(err):
            raise
        discard_stdout()
        _error(stdout_failure(err))
        return EXIT_FAILED


def _from_typer_writing_stdout(err: OSError) -> bool:
    """The error escaped from typer's own writing to standard output (--help, --version)."""
    tb = err.__traceback__
    while tb is not None:
        frame = tb.tb_frame
        if frame.f_code.co_name == "echo" and "click" in frame.f_globals.get("__name__", "") \
                and not frame.f_locals.get("err"):
            return True
        tb = tb.tb_next
    return False

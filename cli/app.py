"""The ``khabar`` command: a thin Typer layer over :mod:`khabar.core`.

Core errors become one "Error: …" line on standard error; exit codes follow
the contract: 0 all done, 1 some inputs failed (the rest were cleaned),
2 usage errors. Only data goes to standard output.
"""

from __future__ import annotations

import sys
import contextlib
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from khabar import __version__
from khabar.cli.exits import EXIT_FAILED, EXIT_READER_LEFT, EXIT_USAGE
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
    sys.stderr.write(f"Error: {message}\n")
    sys.stderr.flush()


def _normalize_config(repair: bool, digits: Digits):
    from khabar.core.normalize import NormalizeConfig

    if not repair:
        # Bytes as scraped: every fix off (digits too).
        return NormalizeConfig(**{name: False for name in NormalizeConfig.__dataclass_fields__})
    return NormalizeConfig(digits=digits.value)


def _reference(value: str | None, *, mtime_ok: bool = True):
    """--reference as the one type every stage takes (khabar.Reference)."""
    from khabar.core.reference import Reference

    try:
        return Reference.parse(value, mtime_ok=mtime_ok)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not an ISO date or date-time (e.g. 2022-08-23)",
                                 param_hint="--reference") from None


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
    from khabar.cli import runner
    from khabar.cli.inputs import DEFAULT_INCLUDE, Selection, groups, read_list
    from khabar.cli.options import RunOptions
    from khabar.cli.report import Reporter
    from khabar.core import KhabarError
    from khabar.core.config import Config
    from khabar.core.pipeline import rules_for

    if not paths and files_from is None:
        raise typer.BadParameter("give files, folders, - (standard input) or --files-from", param_hint="PATH")
    if files_from == "-" and "-" in (paths or []):
        raise typer.BadParameter("standard input cannot be both a page (-) and the list of files",
                                 param_hint="--files-from")
    if incremental and (output is None or "://" in output):
        raise typer.BadParameter("--incremental keeps its state in the output folder: give a local --output",
                                 param_hint="--incremental")
    if cluster is not None and jobs is not None:
        raise typer.BadParameter("--jobs counts this machine's worker processes; with --cluster the cluster's "
                                 "workers clean (give --cluster local:N for N processes here)", param_hint="--jobs")
    fmt = fmt or (Format.json if output else Format.jsonl)
    config = Config(normalize=_normalize_config(repair, digits), rules=tuple(str(p) for p in rules or ()),
                    reference=_reference(reference), max_bytes=max_bytes,
                    input=(input_kind or InputKind.auto).value)
    try:
        rules_for(config.rules)  # a bad rules file is a usage error, reported before any work
    except KhabarError as err:
        _error(str(err))
        raise typer.Exit(EXIT_USAGE)
    listed = ()
    with contextlib.ExitStack() as stack:
        try:
            if files_from is not None:
                stream = sys.stdin.buffer if files_from == "-" else stack.enter_context(open(files_from, "rb"))
                listed = read_list(stream, null=null)
            reporter = stack.enter_context(Reporter(quiet=quiet, verbose=verbose, log_file=log_file))
        except OSError as err:
            _error(f"{err.filename}: cannot open: {err.strerror}")
            raise typer.Exit(EXIT_USAGE)
        local_output = Path(output) if output and "://" not in output else None
        local = local_output or (Path(output[7:]) if output and output.startswith("file://") else None)
        selection = Selection(include=tuple(include or DEFAULT_INCLUDE), exclude=tuple(exclude or ()),
                              skip=local, report=reporter.error)
        status = runner.run(
            groups(paths or [], selection, listed=listed),
            RunOptions(config=config, fmt=fmt.value, explain=explain, output=local_output or output, learn=learn,
                       incremental=incremental, dedupe=dedupe, jobs=jobs or _usable_cores(), cluster=cluster),
            reporter,
        )
    raise typer.Exit(status)


def _usable_cores() -> int:
    """The cores this process may run on (a container's limit), not the machine's."""
    import os

    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


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
    from datetime import datetime

    from khabar.cli.limits import STDIN, size_text, stdin_lines
    from khabar.core import KhabarError
    from khabar.core.dates import parse_date

    ref = _reference(reference, mtime_ok=False).moment or datetime.now()

    def answer(string: str) -> None:
        match = parse_date(string, reference=ref)
        _write_stdout((match.iso() if match else "") + "\n")

    if strings:
        for string in strings:  # one string each, even with line breaks in it
            answer(string)
        return
    failed = False
    try:
        for number, line in enumerate(stdin_lines(max_bytes), 1):
            if line is None:
                _error(f"{STDIN}: line {number} is over the limit of {size_text(max_bytes)} (--max-bytes); skipped")
                failed = True
                _write_stdout("\n")
                continue
            # Line ends as str.splitlines sees them (CR, CRLF, …), as when stdin was read whole.
            for string in line.decode("utf-8", errors="replace").splitlines():
                answer(string)
    except KhabarError as err:
        _error(str(err))
        failed = True
    except OSError as err:
        _error(f"{STDIN}: cannot read: {err.strerror or err}")
        failed = True
    raise typer.Exit(EXIT_FAILED if failed else 0)


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


def _write_stdout(text: str) -> None:
    from khabar.cli.storage import write_stdout

    with _stdout_may_fail():
        write_stdout(text)


@contextlib.contextmanager
def _stdout_may_fail():
    """`khabar … | head`: when the reader leaves, end quietly with the status of a
    tool that SIGPIPE ended (typer's own answer, 1, would say an input failed).
    Standard output closed or full: say so in one line, and exit 1."""
    from khabar.cli.storage import ReaderLeft, StdoutFailed, reader_left

    try:
        yield
    except ReaderLeft:
        reader_left()
        raise typer.Exit(EXIT_READER_LEFT) from None
    except StdoutFailed as err:
        _error(str(err))
        raise typer.Exit(EXIT_FAILED) from None


def main() -> None:
    """The console script: the command, then a quick exit."""
    import atexit
    import os

    from khabar.cli.storage import discard_stdout, stdout_failure

    _stand_in_for_closed_streams()
    try:
        app()
        status = 0
    except SystemExit as end:
        status = end.code
    except OSError as err:
        if not _from_typer_writing_stdout(err):
            raise
        discard_stdout()
        _error(stdout_failure(err))
        status = EXIT_FAILED
    if isinstance(status, str):
        sys.stderr.write(status + "\n")
        status = EXIT_FAILED
    # What Python runs at exit (fsspec's cache folders, logging); what is skipped
    # is the tear-down after it, which frees the word lists object by object (0.1 s).
    atexit._run_exitfuncs()
    try:
        sys.stdout.flush()
    except BrokenPipeError:  # the reader left
        pass
    except OSError as err:
        discard_stdout()
        if not status:
            _error(stdout_failure(err))
            status = EXIT_FAILED
    try:
        sys.stderr.flush()
    except OSError:
        pass
    os._exit(status or 0)


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


def _stand_in_for_closed_streams() -> None:
    """Python sets sys.stdout or sys.stderr to None when its descriptor is closed
    (`>&-`): then a write to standard output would vanish (or raise a traceback),
    and the next file opened (the lock, the state) would take the descriptor.
    Standard output gets a descriptor that refuses writes, so that writing to it
    fails as it should; standard error gets /dev/null (what a run says goes
    nowhere, as asked)."""
    import os

    for number, mode, name in ((1, os.O_RDONLY, "stdout"), (2, os.O_WRONLY, "stderr")):
        if getattr(sys, name) is not None:
            continue
        fd = os.open(os.devnull, mode)
        if fd != number and not _is_open(number):
            os.dup2(fd, number)
            os.close(fd)
            fd = number
        setattr(sys, name, open(fd, "w", encoding="utf-8", errors="backslashreplace", closefd=False))


def _is_open(fd: int) -> bool:
    import os

    try:
        os.fstat(fd)
        return True
    except OSError:
        return False

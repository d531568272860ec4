"""``khabar explain``: the page with kept lines in colour and removed lines with their reasons."""

from __future__ import annotations

import os
from collections.abc import Callable

from rich.console import Console
from rich.table import Table
from rich.text import Text

from khabar.cli import storage
from khabar.cli.storage import ReaderLeft, StdoutFailed, discard_stdout, stdout_failure
from khabar.core.model import Article, Kind

STYLES = {
    Kind.TITLE: "bold green",
    Kind.SURTITLE: "green",
    Kind.LEAD: "italic green",
    Kind.PARAGRAPH: "green",
    Kind.SUBHEADING: "bold cyan",
    Kind.METADATA: "yellow",
    Kind.BOILERPLATE: "dim red",
}


class _Console(Console):
    def on_broken_pipe(self) -> None:
        # rich's own answer is exit 1 ("an input failed"); the command decides.
        self.quiet = True
        raise ReaderLeft


def show(article: Article, console: Console | None = None) -> None:
    console = console or _Console()
    table = Table(show_header=True, header_style="bold", box=None, pad_edge=False)
    table.add_column("line", justify="right", style="dim")
    table.add_column("kind")
    table.add_column("text", overflow="fold")
    table.add_column("why removed", style="red")
    if article.hints:  # an HTML page: what its markup says of each line
        table.add_column("markup", style="cyan")
    for item in article.lines:
        style = STYLES[item.kind]
        dom = (_markup(article.hints.get(item.line.number) or {}),) if article.hints else ()
        table.add_row(str(item.line.number), Text(item.kind.value, style=style),
                      Text(item.line.text, style=style), "" if item.kind.kept else (item.reason or ""), *dom)
    kept = sum(1 for item in article.lines if item.kind.kept)
    try:
        console.print(table)
        console.print(f"[bold]{article.path}[/]: {kept} of {len(article.lines)} lines kept; "
                      f"published {article.published or '—'}, news code {article.news_id or '—'}"
                      + (f"; saved as {article.shape}" if article.shape not in (None, "lines") else ""))
    except OSError as err:  # a closed pipe is on_broken_pipe's
        discard_stdout()
        raise StdoutFailed(stdout_failure(err)) from None


def _markup(hints: dict) -> str:
    """A line's DOM hints in a few words: ``h1 article p links 0.8 in nav words menu``."""
    parts = [f"h{hints['heading']}"] if hints.get("heading") else []
    parts += [flag for flag in ("article", "p", "list", "bold") if hints.get(flag)]
    if hints.get("links"):
        parts.append(f"links {hints['links']}")
    if hints.get("in"):
        parts.append("in " + ",".join(hints["in"]))
    if hints.get("words"):
        parts.append("words " + ",".join(hints["words"]))
    return " ".join(parts)


def explain(paths: list[str], selection, *, config, learn: bool,
            error: Callable[[str], None]) -> bool:
    """Show each page given or found in the folders given (walked as ``clean`` walks
    them, each folder's template learnt as ``clean`` learns it); errors go to
    ``error`` one line each and the other pages are still shown. True when all were."""
    from khabar.cli.inputs import groups
    from khabar.core import KhabarError
    from khabar.core.pipeline import clean_bytes

    console = _Console()
    several = len(paths) > 1 or any(os.path.isdir(p) or storage.is_url(p) for p in paths)
    ok = True
    for given in paths:
        found = False
        for group in groups([given], selection):
            template = _template(group, config.max_bytes, config.input) if learn else None
            for job in group.jobs:
                found = True
                try:
                    article = clean_bytes(_read(job.path, config.max_bytes), path=job.path, config=config,
                                          template=template)
                except OSError as err:
                    error(f"{job.path}: cannot read: {err.strerror or err}")
                    ok = False
                    continue
                except KhabarError as err:
                    error(str(err))
                    ok = False
                    continue
                if several:
                    console.rule(job.path)
                show(article, console)
        if not found:
            error(f"{given}: no file here matches --include ({' '.join(selection.include)}); nothing to explain")
            ok = False
    return ok


def _read(path: str, max_bytes: int) -> bytes:
    """A page: standard input, a URL or a regular file, within the size limit."""
    from khabar.cli import limits
    from khabar.core.reading import read_file

    if path == limits.STDIN:
        return limits.read_stdin(max_bytes)
    if storage.is_url(path):
        return storage.read_url(path, max_bytes)
    return read_file(path, max_bytes)[0]


def _template(group, max_bytes: int, input: str = "auto"):
    """The folder's template, learnt from its pages as ``clean`` learns it (None: too few)."""
    from khabar.core import KhabarError
    from khabar.core.folder import file_keys, learning_sample, template_from

    def keys(path: str):
        if not storage.is_url(path):
            return file_keys(path, max_bytes=max_bytes, input=input)
        try:
            return file_keys(path, _read(path, max_bytes), input=input)
        except (OSError, KhabarError):
            return None  # reported when it is explained

    chosen = learning_sample(job.path for job in group.jobs)
    return template_from(map(keys, chosen)) if chosen else None

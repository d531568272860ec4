"""``khabar explain``: the page with kept lines in colour and removed lines with their reasons."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

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
    for item in article.lines:
        style = STYLES[item.kind]
        table.add_row(str(item.line.number), Text(item.kind.value, style=style),
                      Text(item.line.text, style=style), "" if item.kind.kept else (item.reason or ""))
    kept = sum(1 for item in article.lines if item.kind.kept)
    try:
        console.print(table)
        console.print(f"[bold]{article.path}[/]: {kept} of {len(article.lines)} lines kept; "
                      f"published {article.published or '—'}, news code {article.news_id or '—'}")
    except OSError as err:  # a closed pipe is on_broken_pipe's
        discard_stdout()
        raise StdoutFailed(stdout_failure(err)) from None

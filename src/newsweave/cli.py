"""The command line: each command calls one library function and formats its result."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn

from newsweave import __version__
from newsweave.model import Brief
from newsweave.options import DEFAULT, MB, Options
from newsweave.pipeline import build_brief, read_articles
from newsweave.render import json as json_render
from newsweave.render import markdown, terminal

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="What many outlets' reports of one event agree on, and where they differ.",
)
# Past this many documents a run shows a progress bar on stderr.
PROGRESS_AFTER = 10


class Format(StrEnum):
    terminal = "terminal"
    json = "json"
    md = "md"


def _version(value: bool) -> None:
    if value:
        print(f"newsweave {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Print the version and exit."
        ),
    ] = False,
) -> None:
    """newsweave reads many outlets' reports of one news event."""


def _read(paths: list[str], options: Options, quiet: bool) -> Brief:
    err = Console(stderr=True)
    with Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        BarColumn(),
        TextColumn("{task.completed} documents"),
        console=err,
        transient=True,
        disable=quiet or not err.is_terminal,
    ) as bar:
        task = bar.add_task("reading", total=None, visible=False)
        seen = 0

        def tick(origin: str) -> None:
            nonlocal seen
            seen += 1
            bar.update(
                task, advance=1, description=Path(origin).name[:40], visible=seen >= PROGRESS_AFTER
            )

        articles, problems = read_articles(paths, options, progress=tick)
    for p in problems:
        print(f"newsweave: error: {p}", file=sys.stderr)
    return build_brief(articles, problems)


@app.command()
def brief(
    paths: Annotated[
        list[str],
        typer.Argument(
            help="Files or folders of saved pages (HTML, text, "
            "Markdown, JSON, JSONL, gzipped or not)."
        ),
    ],
    fmt: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.terminal,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Write to this file instead of standard output."),
    ] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
    max_mb: Annotated[
        float, typer.Option("--max-mb", help="Refuse input files larger than this many megabytes.")
    ] = DEFAULT.max_bytes / MB,
) -> None:
    """Print the brief of the articles given, taken as one story."""
    options = Options(max_bytes=int(max_mb * MB))
    result = _read(paths, options, quiet)
    if not result.articles:
        print("newsweave: error: no article could be read from the paths given", file=sys.stderr)
        raise typer.Exit(1)
    if fmt is Format.json:
        text = json_render.dumps(result) + "\n"
    elif fmt is Format.md:
        text = markdown.render(result)
    else:
        out = Console(file=output.open("w", encoding="utf-8")) if output else Console()
        terminal.render(result, out)
        return
    if output:
        output.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)


def main() -> None:
    app()

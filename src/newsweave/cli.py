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


# --- the store and the web app (issue 7) -------------------------------------------------

DbOption = Annotated[
    str,
    typer.Option(
        "--db",
        envvar="NEWSWEAVE_DB",
        help="Database URL: sqlite:///FILE (the default) or postgresql://USER@HOST/DB.",
    ),
]


class ExportFormat(StrEnum):
    json = "json"
    md = "md"
    html = "html"


@app.command()
def ingest(
    paths: Annotated[list[str], typer.Argument(help="Files or folders of saved pages.")],
    db: DbOption = "sqlite:///newsweave.db",
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No summary line.")] = False,
) -> None:
    """Store pages, assign them to stories and refresh those stories' briefs."""
    from newsweave.store import open_store
    from newsweave.store.ingest import ingest as run_ingest

    store = open_store(db)
    try:
        result = run_ingest(store, paths)
    finally:
        store.close()
    for p in result.problems:
        print(f"newsweave: error: {p}", file=sys.stderr)
    if not quiet:
        print(
            f"{result.documents} documents ({result.new_documents} new), "
            f"{len(result.articles)} articles ({result.new_articles} new), "
            f"{len(result.stories)} stories refreshed"
        )


@app.command()
def serve(
    db: DbOption = "sqlite:///newsweave.db",
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
) -> None:
    """Serve the web pages and the JSON API over the store."""
    from newsweave.store import open_store
    from newsweave.web.app import serve as run_server

    run_server(open_store(db), host=host, port=port)


@app.command()
def search(
    query: Annotated[str, typer.Argument(help="Words to find (all must occur).")],
    db: DbOption = "sqlite:///newsweave.db",
    limit: Annotated[int, typer.Option(help="At most this many results.")] = 20,
) -> None:
    """Full-text search over the stored articles."""
    from newsweave.store import open_store
    from newsweave.store.search import START, STOP
    from newsweave.store.search import search as run_search

    for hit in run_search(open_store(db), query, limit=limit):
        snippet = hit.snippet.replace(START, "[").replace(STOP, "]").replace("\n", " ")
        print(f"{hit.article_id}  story {hit.story_id}  {hit.outlet or '-'}: {hit.title or ''}")
        print(f"    {snippet}")


@app.command()
def export(
    story: Annotated[str, typer.Option("--story", help="The story's id (see the web app).")],
    fmt: Annotated[ExportFormat, typer.Option("--format", "-f")] = ExportFormat.json,
    db: DbOption = "sqlite:///newsweave.db",
    output: Annotated[Path | None, typer.Option("--output", "-o")] = None,
) -> None:
    """Write a stored story's brief as JSON, Markdown or a standalone HTML page."""
    from newsweave.store import open_store
    from newsweave.store.export import export_story

    text = export_story(open_store(db), story, fmt.value)
    if text is None:
        print(f"newsweave: error: no story {story!r} in {db}", file=sys.stderr)
        raise typer.Exit(1)
    if output:
        output.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)

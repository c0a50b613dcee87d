"""The command line: each command calls one library function and formats its result."""

from __future__ import annotations

import dataclasses
import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn
from rich.table import Table

from newsweave import __version__
from newsweave.model import Article, Problem
from newsweave.options import DEFAULT, HELP, MB, Options
from newsweave.render import json as json_render
from newsweave.render import markdown, terminal
from newsweave.render.escape import one_line
from newsweave.render.escape import terminal as escape

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


# Fetching URLs and feeds (brief, ingest, watch).
AllowPrivate = Annotated[
    bool,
    typer.Option(
        "--allow-private",
        help="Fetch from private, loopback and link-local addresses too "
        "(refused by default, so that a URL cannot reach inside your network).",
    ),
]
IgnoreRobots = Annotated[
    bool, typer.Option("--ignore-robots", help="Fetch pages that robots.txt disallows.")
]
# Limits on hostile or careless input (brief, ingest, batch); each message names its flag.
MaxMb = Annotated[
    float,
    typer.Option("--max-mb", help="Refuse input files or pages larger than this many megabytes."),
]
MaxParagraphChars = Annotated[
    int, typer.Option("--max-paragraph-chars", min=200, help=HELP["max_paragraph_chars"])
]
MaxArticleChars = Annotated[
    int, typer.Option("--max-article-chars", min=200, help=HELP["max_article_chars"])
]
MaxFigures = Annotated[int, typer.Option("--max-figures", min=0, help=HELP["max_figures"])]
MaxJsonDepth = Annotated[int, typer.Option("--max-json-depth", min=2, help=HELP["max_json_depth"])]
OutletsFile = Annotated[
    Path | None,
    typer.Option(
        "--outlets",
        help="A registry of outlets (CSV with a header key,name,country,owner,kind, or JSON): "
        "a domain or name maps to an outlet's name, country, owner and kind; it comes before "
        "the built-in starter list.",
    ),
]


def _with_outlets(options: Options, path: Path | None) -> Options:
    """Options with the user's outlet registry read from ``path`` (one error line if bad)."""
    if path is None:
        return options
    from newsweave.extract.outlets import RegistryError, parse_registry

    try:
        text = path.read_text(encoding="utf-8")
        fmt = "json" if path.suffix.lower() == ".json" else "csv"
        return dataclasses.replace(options, outlets=parse_registry(text, fmt))
    except (OSError, UnicodeDecodeError, RegistryError) as err:
        _say("error", f"{path}: cannot read the outlet registry: {err}")
        raise typer.Exit(2) from None


def _limits(
    options: Options,
    max_mb: float,
    paragraph_chars: int,
    article_chars: int,
    figures: int,
    json_depth: int,
) -> Options:
    """``options`` with the limit flags set."""
    return dataclasses.replace(
        options,
        max_bytes=int(max_mb * MB),
        max_paragraph_chars=paragraph_chars,
        max_article_chars=article_chars,
        max_figures=figures,
        max_json_depth=json_depth,
    )


def _say(kind: str, what: object) -> None:
    """One line on standard error; file names and messages cannot break or style it."""
    print(f"newsweave: {kind}: {one_line(str(what))}", file=sys.stderr, flush=True)


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


def _read(paths: list[str], options: Options, quiet: bool) -> tuple[list[Article], list[Problem]]:
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

        from newsweave.pipeline import read_articles  # lazy: loads spaCy

        articles, problems = read_articles(paths, options, progress=tick)
    for p in problems:
        _say("error", p)
    from newsweave.analyze.limits import Limits, notes

    limits = Limits.of(options)
    for a in articles:
        for note in notes(a, limits):
            _say("warning", note)
    return articles, problems


@app.command()
def brief(
    paths: Annotated[
        list[str],
        typer.Argument(
            help="Files or folders of saved pages (HTML, text, "
            "Markdown, JSON, JSONL, gzipped or not), or http(s) URLs."
        ),
    ],
    fmt: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.terminal,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Write to this file instead of standard output."),
    ] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
    every: Annotated[
        bool, typer.Option("--all", help="Brief every story in the inputs, not only the largest.")
    ] = False,
    allow_private: AllowPrivate = False,
    ignore_robots: IgnoreRobots = False,
    max_mb: MaxMb = DEFAULT.max_bytes / MB,
    max_paragraph_chars: MaxParagraphChars = DEFAULT.max_paragraph_chars,
    max_article_chars: MaxArticleChars = DEFAULT.max_article_chars,
    max_figures: MaxFigures = DEFAULT.max_figures,
    max_json_depth: MaxJsonDepth = DEFAULT.max_json_depth,
    outlets: OutletsFile = None,
) -> None:
    """Print the brief of the story the articles tell (the largest, or each with --all)."""
    options = _limits(
        Options(allow_private=allow_private, respect_robots=not ignore_robots),
        max_mb,
        max_paragraph_chars,
        max_article_chars,
        max_figures,
        max_json_depth,
    )
    options = _with_outlets(options, outlets)
    articles, problems = _read(paths, options, quiet)
    if not articles:
        _say("error", "no article could be read from the paths given")
        raise typer.Exit(1)
    from newsweave.pipeline import brief_stories

    briefs = brief_stories(articles, problems, every=every, options=options)
    others = [x for x in briefs[0].left_out if x.story is not None]
    if others and not every:
        print(
            f"newsweave: {len(others)} of {len(articles)} articles tell another story and are "
            "left out (listed first in the brief); --all briefs each story",
            file=sys.stderr,
        )
    if fmt is Format.json:
        data = [json_render.brief_dict(b) for b in briefs]
        text = json.dumps(data if every else data[0], ensure_ascii=False, indent=1) + "\n"
    elif fmt is Format.md:
        text = "\n".join(markdown.render(b) for b in briefs)
    else:
        out = Console(file=output.open("w", encoding="utf-8")) if output else Console()
        for b in briefs:
            terminal.render(b, out)
        return
    if output:
        output.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)


@app.command()
def stories(
    paths: Annotated[list[str], typer.Argument(help="Files or folders of saved pages.")],
    fmt: Annotated[Format, typer.Option("--format", "-f", help="json or terminal.")] = (
        Format.terminal
    ),
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
) -> None:
    """List the stories the articles form, largest first."""
    articles, _ = _read(paths, DEFAULT, quiet)
    from newsweave.cluster.stories import Story, stories_dict
    from newsweave.pipeline import split_stories

    groups = split_stories(articles)
    found = [Story(f"s{k}", articles[m[0]].title, tuple(m)) for k, m in enumerate(groups, 1)]
    data = stories_dict(found, articles)
    if fmt is Format.json:
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=1) + "\n")
        return
    table = Table(title="Stories", expand=True)
    for col in ("story", "articles", "title", "origins"):
        table.add_column(col, overflow="fold")
    for st in data["stories"]:
        origins = "\n".join(escape(a["origin"]) for a in st["articles"])
        table.add_row(st["id"], str(len(st["articles"])), escape(st["title"] or "—"), origins)
    Console().print(table)


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
    paths: Annotated[
        list[str], typer.Argument(help="Files or folders of saved pages, or http(s) URLs.")
    ],
    db: DbOption = "sqlite:///newsweave.db",
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No summary line.")] = False,
    one_story: Annotated[
        bool,
        typer.Option(
            "--one-story",
            help="The pages are one event: put them in one story instead of clustering them.",
        ),
    ] = False,
    allow_private: AllowPrivate = False,
    ignore_robots: IgnoreRobots = False,
    max_mb: MaxMb = DEFAULT.max_bytes / MB,
    max_paragraph_chars: MaxParagraphChars = DEFAULT.max_paragraph_chars,
    max_article_chars: MaxArticleChars = DEFAULT.max_article_chars,
    max_figures: MaxFigures = DEFAULT.max_figures,
    max_json_depth: MaxJsonDepth = DEFAULT.max_json_depth,
    outlets: OutletsFile = None,
) -> None:
    """Store pages, assign them to stories and refresh those stories' briefs."""
    from newsweave.store import open_store
    from newsweave.store.assign import OneStoryPerIngest
    from newsweave.store.ingest import ingest as run_ingest

    options = _limits(
        Options(allow_private=allow_private, respect_robots=not ignore_robots),
        max_mb,
        max_paragraph_chars,
        max_article_chars,
        max_figures,
        max_json_depth,
    )
    options = _with_outlets(options, outlets)
    store = open_store(db)
    try:
        result = run_ingest(
            store, paths, options, assigner=OneStoryPerIngest() if one_story else None
        )
    finally:
        store.close()
    for p in result.problems:
        _say("error", p)
    for p in result.warnings:
        _say("warning", p)
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
    max_query_words: Annotated[
        int, typer.Option("--max-query-words", min=1, help=HELP["max_query_words"])
    ] = DEFAULT.max_query_words,
) -> None:
    """Full-text search over the stored articles."""
    from newsweave.store import open_store
    from newsweave.store.search import START, STOP
    from newsweave.store.search import search as run_search

    for hit in run_search(open_store(db), query, limit=limit, max_words=max_query_words):
        snippet = one_line(hit.snippet.replace(START, "[").replace(STOP, "]").replace("\n", " "))
        title = one_line(f"{hit.outlet or '-'}: {hit.title or ''}")
        print(f"{hit.article_id}  story {hit.story_id}  {title}")
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


@app.command()
def watch(
    feeds: Annotated[
        list[str], typer.Argument(help="RSS or Atom feeds: http(s) URLs or local files.")
    ],
    every: Annotated[
        str, typer.Option("--every", help="Time between polls: 30s, 10m, 1h.")
    ] = "10m",
    db: DbOption = "sqlite:///newsweave.db",
    once: Annotated[bool, typer.Option("--once", help="Poll once and stop.")] = False,
    allow_private: AllowPrivate = False,
    ignore_robots: IgnoreRobots = False,
) -> None:
    """Poll feeds, fetch and store the new articles, and refresh their stories' briefs.

    One line per cycle on standard output; a feed or article that fails is reported on
    standard error and the others go on. Ctrl-C stops.
    """
    from newsweave.ingest.watch import Cycle, parse_every
    from newsweave.ingest.watch import watch as run_watch
    from newsweave.store import open_store

    try:
        interval = parse_every(every)
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="--every") from exc
    options = Options(allow_private=allow_private, respect_robots=not ignore_robots)

    def report(cycle: Cycle) -> None:
        for p in cycle.problems:
            _say("error", p)
        print(cycle.line(), flush=True)

    store = open_store(db)
    try:
        run_watch(store, feeds, options, every=interval, cycles=1 if once else None, report=report)
    except KeyboardInterrupt:
        print("newsweave: watch stopped", file=sys.stderr)
    finally:
        store.close()


# --- batch runs (issue 8) ------------------------------------------------------------------


class EngineChoice(StrEnum):
    local = "local"
    dask = "dask"


@app.command()
def batch(
    inputs: Annotated[
        list[str],
        typer.Argument(
            help="Files, folders or web archives (.warc, .warc.gz, .arc.gz) of saved pages."
        ),
    ],
    out: Annotated[Path, typer.Option("--out", help="Folder for the Parquet files and briefs.")],
    engine: Annotated[
        EngineChoice,
        typer.Option("--engine", help="local: a process pool; dask: a Dask cluster."),
    ] = EngineChoice.local,
    workers: Annotated[
        int | None,
        typer.Option("--workers", min=1, help="Worker processes (default: one per CPU)."),
    ] = None,
    scheduler: Annotated[
        str | None,
        typer.Option(
            "--scheduler",
            help="A running Dask scheduler, tcp://HOST:PORT (default: a local cluster).",
        ),
    ] = None,
    max_mb: MaxMb = DEFAULT.max_bytes / MB,
    max_paragraph_chars: MaxParagraphChars = DEFAULT.max_paragraph_chars,
    max_article_chars: MaxArticleChars = DEFAULT.max_article_chars,
    max_figures: MaxFigures = DEFAULT.max_figures,
    max_json_depth: MaxJsonDepth = DEFAULT.max_json_depth,
) -> None:
    """Brief every story in the inputs, on many processes: writes briefs.jsonl and
    articles/claims/quotes/stories/problems.parquet into --out.

    A document or story that fails is named on standard error and in problems.parquet, and
    the run goes on; the last line sums the run up.
    """
    from newsweave.batch.engines import EngineError
    from newsweave.batch.options import BatchOptions
    from newsweave.batch.records import Failure
    from newsweave.batch.run import run_batch

    options = BatchOptions(
        engine=engine.value,
        workers=workers,
        scheduler=scheduler,
        options=_limits(
            Options(), max_mb, max_paragraph_chars, max_article_chars, max_figures, max_json_depth
        ),
    )

    def report(failure: Failure) -> None:
        _say("error", failure.problem)

    try:
        summary = run_batch(inputs, out, options, report=report, warn=lambda p: _say("warning", p))
    except EngineError as exc:
        _say("error", exc)
        raise typer.Exit(1) from exc
    print(summary.line())

"""What the commands share: option types, one-line messages, opening the store."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer

from newsweave.options import DEFAULT, HELP, MB, Options, updated
from newsweave.render.escape import one_line

if TYPE_CHECKING:
    from newsweave.store.db import Store

DEFAULT_DB = "newsweave.db"

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
    int, typer.Option("--max-paragraph-chars", min=200, help=HELP["analysis.max_paragraph_chars"])
]
MaxArticleChars = Annotated[
    int, typer.Option("--max-article-chars", min=200, help=HELP["analysis.max_article_chars"])
]
MaxFigures = Annotated[int, typer.Option("--max-figures", min=0, help=HELP["analysis.max_figures"])]
Views = Annotated[bool, typer.Option("--views", help=HELP["analysis.views"])]
MaxJsonDepth = Annotated[
    int, typer.Option("--max-json-depth", min=2, help=HELP["read.max_json_depth"])
]
OutletsFile = Annotated[
    Path | None,
    typer.Option(
        "--outlets",
        help="A registry of outlets (CSV with a header key,name,country,owner,kind, or JSON): "
        "a domain or name maps to an outlet's name, country, owner and kind; it comes before "
        "the built-in starter list.",
    ),
]
Paths = Annotated[
    list[str],
    typer.Argument(
        metavar="PATH",
        help="Files or folders of saved pages (HTML, text, Markdown, JSON, JSONL, gzipped or "
        "not), or http(s) URLs. A folder's README, LICENSE and CHANGELOG are skipped unless "
        "named.",
        show_default=False,
    ),
]
Db = Annotated[
    str,
    typer.Option(
        "--db",
        envvar="NEWSWEAVE_DB",
        metavar="PATH|URL",
        help="The store: a file path (SQLite, e.g. nw.db), sqlite:///FILE, or "
        "postgresql://USER@HOST/DB.",
    ),
]
Quiet = Annotated[
    bool,
    typer.Option(
        "--quiet", "-q", help="No progress bar and no summary line (both go to a terminal only)."
    ),
]
Json = Annotated[
    bool, typer.Option("--json", help="Print one JSON document (the same as --format json).")
]
Output = Annotated[
    Path | None,
    typer.Option("--output", "-o", help="Write to this file instead of standard output."),
]


def say(kind: str, what: object) -> None:
    """One line on standard error; file names and messages cannot break or style it."""
    print(f"newsweave: {kind}: {one_line(str(what))}", file=sys.stderr, flush=True)


def fail(what: object, code: int = 1) -> NoReturn:
    """One error line, then exit with ``code`` (1: the work failed; 2: the request was bad)."""
    say("error", what)
    raise typer.Exit(code)


def open_db(db: str, *, create: bool) -> Store:
    """The store ``--db`` names; a bad one is one error line (exit 2), never a traceback.
    Read-only commands pass ``create=False``: a missing database is an error, not a new one."""
    from newsweave.errors import StoreError
    from newsweave.store.db import open_store

    try:
        return open_store(db, create=create)
    except StoreError as err:
        fail(err, 2)


def with_outlets(options: Options, path: Path | None) -> Options:
    """Options with the user's outlet registry read from ``path`` (one error line if bad)."""
    if path is None:
        return options
    from newsweave.errors import RegistryError
    from newsweave.extract.outlets import parse_registry

    try:
        text = path.read_text(encoding="utf-8")
        fmt = "json" if path.suffix.lower() == ".json" else "csv"
        return updated(options, {"extract.outlets": parse_registry(text, fmt)})
    except (OSError, UnicodeDecodeError, RegistryError) as err:
        fail(f"{path}: cannot read the outlet registry: {err}", 2)


# Where each flag lands in the settings tree (options.py); a command passes the flags it takes.
FLAG_SETTINGS = {
    "allow_private": "fetch.allow_private",
    "revisit_hours": "fetch.revisit_hours",
    "max_paragraph_chars": "analysis.max_paragraph_chars",
    "max_article_chars": "analysis.max_article_chars",
    "max_figures": "analysis.max_figures",
    "views": "analysis.views",
    "max_json_depth": "read.max_json_depth",
    "engine": "batch.engine",
    "workers": "batch.workers",
    "scheduler": "batch.scheduler",
}


def build_options(
    *,
    ignore_robots: bool = False,
    max_mb: float | None = None,
    outlets: Path | None = None,
    **flags: Any,
) -> Options:
    """The one ``Options`` a command runs with, from the flags it was given: every command
    builds its settings here and nowhere else (a bad outlet registry is one error line)."""
    changes = {FLAG_SETTINGS[name]: value for name, value in flags.items()}
    changes["fetch.respect_robots"] = not ignore_robots
    if max_mb is not None:
        changes["read.max_bytes"] = int(max_mb * MB)
    return with_outlets(updated(DEFAULT, changes), outlets)


def write_out(text: str, output: Path | None) -> None:
    """``text`` to the file ``-o`` names, else to standard output."""
    if output is None:
        sys.stdout.write(text)
        return
    try:
        output.write_text(text, encoding="utf-8")
    except OSError as err:
        fail(f"{output}: cannot write: {err.strerror or err}", 2)

"""``newsweave stories``: the stories in some inputs, or the stories a store holds."""

from __future__ import annotations

import os
from datetime import date, datetime
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated, Any

import typer

from newsweave.cli.common import DEFAULT_DB, Json, Output, Quiet, fail, open_db, write_out
from newsweave.cli.listing import ListFormat, Listing, chosen, page_note, show

if TYPE_CHECKING:
    from newsweave.store.db import Store
    from newsweave.store.queries import StoryFilter


class VerdictChoice(StrEnum):
    agree = "agree"
    differ = "differ"
    conflict = "conflict"
    single = "single"


# The options of ``stories``: its inputs, or the store it lists and the filters on it.
StoryPaths = Annotated[
    list[str] | None,
    typer.Argument(
        metavar="PATH",
        help="Files or folders to group into stories; without any, the stories stored in "
        "--db are listed.",
        show_default=False,
    ),
]
ListedDb = Annotated[
    str | None,
    typer.Option(
        "--db",
        envvar="NEWSWEAVE_DB",
        metavar="PATH|URL",
        help=f"The store to list (a file path, sqlite:///FILE or postgresql://…); "
        f"default {DEFAULT_DB}. Never created by this command.",
        show_default=False,
    ),
]
TableFormat = Annotated[
    ListFormat,
    typer.Option("--format", "-f", help="terminal (a table), json, csv or md."),
]
Outlet = Annotated[
    str | None, typer.Option(help="Stored stories one of whose outlets has this name.")
]
Since = Annotated[
    datetime | None,
    typer.Option(
        formats=["%Y-%m-%d"],
        metavar="YYYY-MM-DD",
        help="Stored stories published on or after this day.",
    ),
]
Until = Annotated[
    datetime | None,
    typer.Option(
        formats=["%Y-%m-%d"],
        metavar="YYYY-MM-DD",
        help="Stored stories published on or before this day.",
    ),
]
Verdict = Annotated[
    VerdictChoice | None,
    typer.Option(help="Stored stories with at least one claim of this verdict."),
]
Limit = Annotated[int, typer.Option(min=1, help="At most this many stored stories.")]
Offset = Annotated[int, typer.Option(min=0, help="Skip this many stored stories.")]


def stories(
    paths: StoryPaths = None,
    db: ListedDb = None,
    fmt: TableFormat = ListFormat.terminal,
    as_json: Json = False,
    output: Output = None,
    outlet: Outlet = None,
    since: Since = None,
    until: Until = None,
    verdict: Verdict = None,
    limit: Limit = 50,
    offset: Offset = 0,
    quiet: Quiet = False,
) -> None:
    """List stories: those the inputs form (largest first), or those the store holds (most
    recently updated first) with their dates, outlets and conflicts."""
    fmt = chosen(fmt, as_json)
    if paths:
        if db is not None and db != os.environ.get("NEWSWEAVE_DB"):
            fail("give files to group or --db to list a store, not both", 2)
        listing = _from_inputs(paths, quiet)
    else:
        from newsweave.store.queries import StoryFilter

        where = StoryFilter(outlet, _day(since), _day(until), verdict.value if verdict else None)
        store = open_db(db or DEFAULT_DB, create=False)
        try:
            listing = _stored(store, where, limit, offset)
        finally:
            store.close()
    text = show(listing, fmt)
    if text is not None:
        write_out(text, output)


def _day(value: datetime | None) -> date | None:
    return value.date() if value else None


def _stored(store: Store, where: StoryFilter, limit: int, offset: int) -> Listing:
    from newsweave.store.queries import count_stories, list_stories

    rows = list_stories(store, limit=limit, offset=offset, where=where)
    total = count_stories(store, where)
    items = [
        {
            "id": r.id,
            "title": r.title,
            "first_published": r.first_published,
            "last_published": r.last_published,
            "articles": r.articles,
            "outlets": list(r.outlets),
            "conflicts": r.conflicts,
            "updated_at": r.updated_at,
        }
        for r in rows
    ]
    note = page_note(offset, len(rows), total, "story", "stories") + " stored"
    return Listing(
        "Stored stories",
        ("id", "title", "first_published", "last_published", "articles", "outlets", "conflicts"),
        items,
        {"stories": items, "total": total, "offset": offset, "limit": limit},
        note,
    )


def _from_inputs(paths: list[str], quiet: bool) -> Listing:
    from newsweave.cli.brief import read
    from newsweave.cluster.stories import Cluster, stories_dict
    from newsweave.options import DEFAULT
    from newsweave.pipeline import split_stories

    articles, _ = read(paths, DEFAULT, quiet)
    if not articles:
        fail("no article could be read from the paths given")
    groups = split_stories(articles)
    found = [Cluster(f"s{k}", articles[m[0]].title, tuple(m)) for k, m in enumerate(groups, 1)]
    document = stories_dict(found, articles)
    rows: list[dict[str, Any]] = [
        {
            "story": st["id"],
            "articles": len(st["articles"]),
            "title": st["title"],
            "origins": [a["origin"] for a in st["articles"]],
        }
        for st in document["stories"]
    ]
    return Listing("Stories", ("story", "articles", "title", "origins"), rows, document)

"""The commands over a store: ``ingest`` fills it; ``serve``, ``search`` and ``export`` read it
(and never create one)."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated, Any

import typer

from newsweave.cli.common import (
    DEFAULT_DB,
    AllowPrivate,
    Db,
    IgnoreRobots,
    Json,
    MaxArticleChars,
    MaxFigures,
    MaxJsonDepth,
    MaxMb,
    MaxParagraphChars,
    OutletsFile,
    Output,
    Paths,
    Quiet,
    Views,
    build_options,
    fail,
    open_db,
    say,
    write_out,
)
from newsweave.cli.listing import ListFormat, Listing, chosen, page_note, show
from newsweave.cli.progress import Clock, progress_bar
from newsweave.cli.watch import NotifyCmd, NotifyUrl, notifier
from newsweave.options import DEFAULT, HELP, MB
from newsweave.progress import count
from newsweave.render.escape import one_line

if TYPE_CHECKING:
    from newsweave.service.ingest import IngestResult
    from newsweave.service.notify import Notifier
    from newsweave.store.search import Hit


class ExportFormat(StrEnum):
    json = "json"
    md = "md"
    html = "html"


# The option only ``ingest`` takes.
OneStory = Annotated[
    bool,
    typer.Option(
        "--one-story",
        help="The pages are one event: put them in one story instead of clustering them.",
    ),
]


def ingest(
    paths: Paths,
    db: Db = DEFAULT_DB,
    quiet: Quiet = False,
    as_json: Json = False,
    one_story: OneStory = False,
    allow_private: AllowPrivate = False,
    ignore_robots: IgnoreRobots = False,
    max_mb: MaxMb = DEFAULT.read.max_bytes / MB,
    max_paragraph_chars: MaxParagraphChars = DEFAULT.analysis.max_paragraph_chars,
    max_article_chars: MaxArticleChars = DEFAULT.analysis.max_article_chars,
    max_figures: MaxFigures = DEFAULT.analysis.max_figures,
    views: Views = DEFAULT.analysis.views,
    max_json_depth: MaxJsonDepth = DEFAULT.read.max_json_depth,
    outlets: OutletsFile = None,
    notify_url: NotifyUrl = None,
    notify_cmd: NotifyCmd = None,
) -> None:
    """Store pages (creating the database if needed), put them in stories and refresh those
    stories' briefs. A page stored before (by its URL) with other text now becomes a new
    version of its article. Exits 1 when no page could be stored as an article."""
    from newsweave.service.ingest import ingest as run_ingest
    from newsweave.store.assign import OneStoryPerIngest

    clock = Clock()
    options = build_options(
        allow_private=allow_private,
        ignore_robots=ignore_robots,
        max_mb=max_mb,
        max_paragraph_chars=max_paragraph_chars,
        max_article_chars=max_article_chars,
        max_figures=max_figures,
        views=views,
        max_json_depth=max_json_depth,
        outlets=outlets,
    )
    sender = notifier(notify_url, notify_cmd, options)
    store = open_db(db, create=True)
    try:
        with progress_bar(quiet) as report:
            result = run_ingest(
                store,
                paths,
                options,
                assigner=OneStoryPerIngest() if one_story else None,
                progress=report,
            )
    finally:
        store.close()
    _notify(sender, result)
    _report_ingest(result, as_json, quiet, clock)
    if not result.articles and not result.resumed:
        fail(
            "no article could be stored from the paths given"
            if result.documents
            else "no documents found under the paths given"
        )


def _notify(sender: Notifier | None, result: IngestResult) -> None:
    """Each story update to ``--notify``/``--notify-cmd``; a failed delivery is a problem."""
    if sender is not None:
        with sender:
            for update in result.updates:
                result.problems.extend(sender.send(update))


def _report_ingest(result: IngestResult, as_json: bool, quiet: bool, clock: Clock) -> None:
    """The problems and warnings on standard error, then the JSON document or summary line."""
    for p in result.problems:
        say("error", p)
    for p in result.warnings:
        say("warning", p)
    if as_json:
        sys.stdout.write(json.dumps(_ingest_dict(result), ensure_ascii=False, indent=1) + "\n")
    elif not quiet:
        print(
            f"{count(result.documents, 'document')} ({result.new_documents} new), "
            f"{count(len(result.articles), 'article')} ({result.new_articles} new), "
            f"{count(len(result.stories), 'story', 'stories')} refreshed "
            f"in {clock.seconds()}"
        )


def _ingest_dict(result: IngestResult) -> dict[str, Any]:
    """What ``ingest --json`` prints: the counts, the updates and the problems."""
    return {
        "documents": result.documents,
        "new_documents": result.new_documents,
        "articles": result.articles,
        "new_articles": result.new_articles,
        "stories": result.stories,
        "revised": result.revised,
        "updates": [u.to_dict() for u in result.updates],
        "problems": [{"origin": p.origin, "message": p.message} for p in result.problems],
    }


def serve(
    db: Db = DEFAULT_DB,
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=0, max=65535, help="Port to listen on.")] = 8000,
) -> None:
    """Serve the web pages and the JSON API (docs at /docs) over an existing store."""
    from newsweave.web.app import serve as run_server

    store = open_db(db, create=False)
    shown = f"[{host}]" if ":" in host else host
    print(
        f"newsweave: serving {db} on http://{shown}:{port}/ (API docs at /docs); Ctrl-C stops",
        flush=True,
    )
    try:
        run_server(store, host=host, port=port)
    finally:
        store.close()


def search(
    query: Annotated[str, typer.Argument(metavar="QUERY", help="Words to find (all must occur).")],
    db: Db = DEFAULT_DB,
    limit: Annotated[int, typer.Option(min=1, help="At most this many results.")] = 20,
    offset: Annotated[int, typer.Option(min=0, help="Skip this many results (paging).")] = 0,
    fmt: Annotated[
        ListFormat,
        typer.Option(
            "--format",
            "-f",
            help="terminal, json, csv or md; matched words are [bracketed] in the terminal, "
            "Markdown and CSV, and given as offsets (highlights) in JSON.",
        ),
    ] = ListFormat.terminal,
    as_json: Json = False,
    max_query_words: Annotated[
        int, typer.Option("--max-query-words", min=1, help=HELP["web.max_query_words"])
    ] = DEFAULT.web.max_query_words,
) -> None:
    """Full-text search over the stored articles, best matches first."""
    from newsweave.store.search import count_matches
    from newsweave.store.search import search as run_search

    fmt = chosen(fmt, as_json)
    store = open_db(db, create=False)
    try:
        hits = run_search(store, query, limit=limit, offset=offset, max_words=max_query_words)
        total = count_matches(store, query, max_words=max_query_words)
    finally:
        store.close()
    if fmt is ListFormat.terminal:
        _print_hits(hits, query, offset, total)
        return
    rows: list[dict[str, Any]] = []
    found: list[dict[str, Any]] = []
    for h in hits:
        text, spans = h.highlighted()
        base = {"article_id": h.article_id, "story_id": h.story_id}
        base |= {"title": h.title, "outlet": h.outlet}
        rows.append({**base, "snippet": _bracketed(h)})
        found.append(
            {**base, "snippet": text, "highlights": [{"start": a, "end": b} for a, b in spans]}
        )
    document = {"query": query, "total": total, "offset": offset, "limit": limit, "hits": found}
    columns = ("article_id", "story_id", "outlet", "title", "snippet")
    shown = show(Listing("Search", columns, rows, document), fmt)
    if shown is not None:
        sys.stdout.write(shown)


def _print_hits(hits: list[Hit], query: str, offset: int, total: int) -> None:
    for hit in hits:
        title = one_line(f"{hit.outlet or '-'}: {hit.title or ''}")
        print(f"{hit.article_id}  story {hit.story_id}  {title}")
        print(f"    {one_line(_bracketed(hit))}")
    if offset + len(hits) < total:
        print(page_note(offset, len(hits), total, "match", "matches"))
    elif not hits and offset == 0:
        say("note", f"no stored article holds every word of {query!r}")


def _bracketed(hit: Hit) -> str:
    """The snippet on one line with its matched words in [brackets]."""
    return "".join(f"[{p}]" if m else p for p, m in hit.pieces()).replace("\n", " ")


def export(
    story: Annotated[
        str,
        typer.Option("--story", help="The story's id, as `newsweave stories --db …` lists it."),
    ],
    fmt: Annotated[
        ExportFormat,
        typer.Option(
            "--format",
            "-f",
            help="json (CONTRACT: docs/contract.md), md (Markdown) or html (one standalone page).",
        ),
    ] = ExportFormat.json,
    db: Db = DEFAULT_DB,
    output: Output = None,
) -> None:
    """Write a stored story's brief as JSON, Markdown or a standalone HTML page."""
    from newsweave.service.export import export_story

    store = open_db(db, create=False)
    try:
        text = export_story(store, story, fmt.value)
    finally:
        store.close()
    if text is None:
        fail(f"no story {story!r} in {db}; `newsweave stories --db {db}` lists them")
    write_out(text, output)

"""``newsweave brief``: files, folders or URLs in, the brief of their story out."""

from __future__ import annotations

import json
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console

from newsweave.cli.common import (
    AllowPrivate,
    IgnoreRobots,
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
    say,
    write_out,
)
from newsweave.cli.progress import Clock, progress_bar, summary
from newsweave.options import DEFAULT, MB, Options
from newsweave.progress import count

if TYPE_CHECKING:
    from newsweave.model import Article, Brief, Problem

# ``brief --all --format json`` prints one document holding every brief.
BRIEFS_SCHEMA = "newsweave/briefs@1"


class Format(StrEnum):
    terminal = "terminal"
    json = "json"
    md = "md"
    html = "html"


def read(paths: list[str], options: Options, quiet: bool) -> tuple[list[Article], list[Problem]]:
    """The articles under ``paths`` (a bar on a terminal), each problem and limit on stderr."""
    from newsweave.analyze.limits import Limits, notes
    from newsweave.pipeline import read_articles  # lazy: loads spaCy

    with progress_bar(quiet) as report:
        articles, problems = read_articles(paths, options, progress=report)
    for p in problems:
        say("error", p)
    limits = Limits.of(options)
    for a in articles:
        for note in notes(a, limits):
            say("warning", note)
    return articles, problems


# The options only ``brief`` takes.
BriefFormat = Annotated[
    Format,
    typer.Option(
        "--format",
        "-f",
        help="terminal (a table), json (CONTRACT: docs/contract.md), md (Markdown) or html "
        "(one standalone page).",
    ),
]
EveryStory = Annotated[
    bool,
    typer.Option(
        "--all",
        help="Brief every story in the inputs, not only the largest (JSON: one document "
        '{"schema": "newsweave/briefs@1", "briefs": [...]}).',
    ),
]


def brief(
    paths: Paths,
    fmt: BriefFormat = Format.terminal,
    output: Output = None,
    quiet: Quiet = False,
    every: EveryStory = False,
    allow_private: AllowPrivate = False,
    ignore_robots: IgnoreRobots = False,
    max_mb: MaxMb = DEFAULT.read.max_bytes / MB,
    max_paragraph_chars: MaxParagraphChars = DEFAULT.analysis.max_paragraph_chars,
    max_article_chars: MaxArticleChars = DEFAULT.analysis.max_article_chars,
    max_figures: MaxFigures = DEFAULT.analysis.max_figures,
    views: Views = DEFAULT.analysis.views,
    max_json_depth: MaxJsonDepth = DEFAULT.read.max_json_depth,
    outlets: OutletsFile = None,
) -> None:
    """Print the brief of the story the articles tell (the largest, or each with --all)."""
    if fmt is Format.html and every:
        fail("--format html makes one page for one story; use --all with json or md", 2)
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
    articles, problems = read(paths, options, quiet)
    if not articles:
        fail("no article could be read from the paths given")
    from newsweave.pipeline import brief_stories

    with progress_bar(quiet) as report:
        briefs = brief_stories(articles, problems, every=every, options=options, progress=report)
    if not every:
        _note_left_out(briefs[0], len(articles))
    _write(briefs, fmt, output, every)
    summary(
        f"{count(len(articles), 'article')} read, {count(len(briefs), 'story', 'stories')} "
        f"briefed, {count(len(problems), 'problem')} in {clock.seconds()}",
        quiet,
    )


def _note_left_out(brief: Brief, articles: int) -> None:
    """A note that some of the articles read tell another story, which --all would brief."""
    others = [x for x in brief.left_out if x.story is not None]
    if others:
        say(
            "note",
            f"{count(len(others), 'article')} of {articles} tell another story and are "
            "left out (listed first in the brief); --all briefs each story",
        )


def _write(briefs: list[Brief], fmt: Format, output: Output, every: bool) -> None:
    from newsweave.contract import encode as json_render
    from newsweave.render import markdown, terminal

    if fmt is Format.terminal:
        out = Console(file=output.open("w", encoding="utf-8")) if output else Console()
        for b in briefs:
            terminal.render(b, out)
        return
    if fmt is Format.json:
        data = [json_render.brief_dict(b) for b in briefs]
        doc = {"schema": BRIEFS_SCHEMA, "briefs": data} if every else data[0]
        text = json.dumps(doc, ensure_ascii=False, indent=1) + "\n"
    elif fmt is Format.md:
        text = "\n".join(markdown.render(b) for b in briefs)
    else:
        from newsweave.web.standalone import render as html

        text = html(json_render.brief_dict(briefs[0]))
    write_out(text, output)

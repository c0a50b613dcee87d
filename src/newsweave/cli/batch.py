"""``newsweave batch``: every story in many inputs, on a process pool or a Dask cluster."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from newsweave.cli.common import (
    MaxArticleChars,
    MaxFigures,
    MaxJsonDepth,
    MaxMb,
    MaxParagraphChars,
    Quiet,
    Views,
    build_options,
    fail,
    say,
)
from newsweave.cli.progress import progress_bar
from newsweave.options import DEFAULT, MB


class EngineChoice(StrEnum):
    local = "local"
    dask = "dask"


# The options only ``batch`` takes: its inputs, its output folder and where it runs.
Inputs = Annotated[
    list[str],
    typer.Argument(
        metavar="PATH",
        help="Files, folders or web archives (.warc, .warc.gz, .arc.gz) of saved pages.",
        show_default=False,
    ),
]
Out = Annotated[Path, typer.Option("--out", help="Folder for the Parquet files and briefs.")]
BatchEngine = Annotated[
    EngineChoice,
    typer.Option("--engine", help="local: a process pool; dask: a Dask cluster."),
]
Workers = Annotated[
    int | None,
    typer.Option("--workers", min=1, help="Worker processes (default: one per CPU)."),
]
Scheduler = Annotated[
    str | None,
    typer.Option(
        "--scheduler",
        help="A running Dask scheduler, tcp://HOST:PORT (default: a local cluster).",
    ),
]


def batch(
    inputs: Inputs,
    out: Out,
    engine: BatchEngine = EngineChoice.local,
    workers: Workers = None,
    scheduler: Scheduler = None,
    quiet: Quiet = False,
    max_mb: MaxMb = DEFAULT.read.max_bytes / MB,
    max_paragraph_chars: MaxParagraphChars = DEFAULT.analysis.max_paragraph_chars,
    max_article_chars: MaxArticleChars = DEFAULT.analysis.max_article_chars,
    max_figures: MaxFigures = DEFAULT.analysis.max_figures,
    views: Views = DEFAULT.analysis.views,
    max_json_depth: MaxJsonDepth = DEFAULT.read.max_json_depth,
) -> None:
    """Brief every story in the inputs, on many processes: writes briefs.jsonl and
    articles/claims/quotes/stories/problems.parquet into --out.

    A document or story that fails is named on standard error and in problems.parquet, and
    the run goes on; the last line sums the run up. Exits 1 when no article could be read.
    """
    from newsweave.batch.records import Failure
    from newsweave.batch.run import run_batch
    from newsweave.errors import EngineError

    options = build_options(
        max_mb=max_mb,
        max_paragraph_chars=max_paragraph_chars,
        max_article_chars=max_article_chars,
        max_figures=max_figures,
        views=views,
        max_json_depth=max_json_depth,
        engine=engine.value,
        workers=workers,
        scheduler=scheduler,
    )

    def report(failure: Failure) -> None:
        say("error", failure.problem)

    try:
        with progress_bar(quiet) as steps:
            summary = run_batch(
                inputs,
                out,
                options,
                report=report,
                warn=lambda p: say("warning", p),
                progress=steps,
            )
    except EngineError as exc:
        fail(exc)
    print(summary.line())
    if summary.articles == 0:
        fail("no article could be read from the paths given")

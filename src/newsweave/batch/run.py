"""A batch run from inputs to files: read, the three stages on an engine, write.

The driver reads the inputs, groups nothing and computes nothing heavy: extraction, features,
the story fold and the briefs run on the engine, and the driver only concatenates rows and
writes them. Output (in ``out``): ``briefs.jsonl`` (one CONTRACT brief per story, its
``story.id`` added), ``articles``/``claims``/``quotes``/``stories``/``problems.parquet``.
"""

from __future__ import annotations

import functools
import os
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from newsweave.batch.engines import Engine, open_engine
from newsweave.batch.parquet import write_table
from newsweave.batch.records import (
    Chunk,
    ChunkResult,
    Extracted,
    Failure,
    StoryGroup,
    StoryInput,
    StoryOutput,
)
from newsweave.batch.rows import TABLES, Row
from newsweave.batch.shards import read_chunks, story_batches
from newsweave.batch.stages import brief_stories, extract_chunk, group_stories
from newsweave.ingest.files import count_inputs
from newsweave.model import Problem
from newsweave.options import DEFAULT, Options
from newsweave.progress import Report as StepReport
from newsweave.progress import Step, count

Report = Callable[[Failure], None]
Warn = Callable[[Problem], None]


@dataclass(frozen=True, slots=True)
class Summary:
    """What a run did, for the closing line and for scripts."""

    documents: int
    articles: int
    stories: int
    problems: int
    seconds: float
    engine: str
    workers: int
    # Wall seconds of each step: read+extract+group (the first map and the fold), brief
    # (the second map), write (the driver's Parquet and JSONL): where a run's time goes.
    stages: tuple[tuple[str, float], ...] = ()

    def line(self) -> str:
        return (
            f"newsweave batch: {count(self.documents, 'document')}, "
            f"{count(self.articles, 'article')}, {count(self.stories, 'story', 'stories')}, "
            f"{count(self.problems, 'problem')} in {self.seconds:.1f} s "
            f"({self.engine}, {count(self.workers, 'worker')})"
        )


def run_batch(
    inputs: Iterable[str | os.PathLike[str]],
    out: Path,
    options: Options = DEFAULT,
    report: Report | None = None,
    engine: Engine | None = None,
    warn: Warn | None = None,
    progress: StepReport | None = None,
) -> Summary:
    """Run the batch over ``inputs`` and write its files into ``out``.

    ``report`` hears of each failure as it is found, ``warn`` of each analysis limit an
    article runs into (``analyze/limits.py``); pass a started ``engine`` to reuse it
    (its models already loaded), else one is opened from ``options`` and closed at the end.
    ``progress`` hears "reading and extracting" (inputs), "briefing stories" and "writing"
    steps; work is handed to the engine only a few tasks ahead of its results, so what has
    been handed out is close to what is done.
    """
    started = time.perf_counter()
    runner = engine or open_engine(options.batch)
    try:
        summary = _run(
            list(inputs),
            out,
            options,
            runner,
            report or (lambda _: None),
            warn or (lambda _: None),
            progress or (lambda _: None),
        )
    finally:
        if engine is None:
            runner.close()
    elapsed = time.perf_counter() - started
    return Summary(
        summary.documents,
        summary.articles,
        summary.stories,
        summary.problems,
        elapsed,
        runner.name,
        runner.workers,
        summary.stages,
    )


def _run(
    inputs: list[str | os.PathLike[str]],
    out: Path,
    options: Options,
    engine: Engine,
    report: Report,
    warn: Warn,
    progress: StepReport,
) -> Summary:
    out.mkdir(parents=True, exist_ok=True)
    failures: list[Failure] = []
    reading = _Reading(inputs, options, failures, report, progress)
    extract = functools.partial(
        extract_chunk,
        options=options,
    )
    fold = functools.partial(group_stories, options=options.stories)
    clock = time.perf_counter()
    results, groups = engine.map_fold(extract, fold, reading.chunks())
    extracted_at = time.perf_counter()
    articles = _articles(results, failures, report)
    for result in results:
        for note in result.notes:
            warn(note)
    batches = [
        [_story_input(g, articles) for g in batch]
        for batch in story_batches(groups, options.batch.chunk_articles)
    ]
    handed_out = _handed_out(batches, len(groups), progress)
    brief = functools.partial(brief_stories, options=options)
    outputs = {o.id: o for batch in engine.map(brief, handed_out) for o in batch}
    briefed_at = time.perf_counter()
    lines, rows = _collect(groups, outputs, failures, report)
    progress(Step("writing", 0, 1))
    _write(out, lines, rows, failures)
    progress(Step("writing", 1, 1))
    stages = (
        ("extract+group", extracted_at - clock),
        ("brief", briefed_at - extracted_at),
        ("write", time.perf_counter() - briefed_at),
    )
    return Summary(
        reading.documents, len(articles), len(lines), len(failures), 0.0, engine.name, 0, stages
    )


_READING = "reading and extracting"


class _Reading:
    """The inputs as chunks, read as the engine takes them: it counts the documents and
    reports each input read and each failure on the way, so the run knows its totals once
    the engine has taken the last chunk."""

    def __init__(
        self,
        inputs: list[str | os.PathLike[str]],
        options: Options,
        failures: list[Failure],
        report: Report,
        progress: StepReport,
    ) -> None:
        self.documents = 0
        self.total = count_inputs(inputs, options)
        self._read = 0
        self._inputs = inputs
        self._options = options
        self._failures = failures
        self._report = report
        self._progress = progress

    def _finished(self, name: str) -> None:
        self._read += 1
        self._progress(Step(_READING, self._read, self.total, name))

    def chunks(self) -> Iterator[Chunk]:
        self._progress(Step(_READING, 0, self.total))
        options = self._options
        for item in read_chunks(
            self._inputs,
            options,
            options.batch.chunk_docs,
            options.batch.chunk_bytes,
            done=self._finished,
        ):
            if isinstance(item, Failure):
                self._failures.append(item)
                self._report(item)
            else:
                self.documents += len(item.docs)
                yield item


def _story_input(group: StoryGroup, articles: dict[int, Extracted]) -> StoryInput:
    """A story as its briefing task receives it: its articles and their documents' ids."""
    members = [articles[seq] for seq in group.members]
    return StoryInput(
        group.id,
        group.members[0],
        tuple(e.article for e in members),
        tuple(e.doc_id for e in members),
    )


def _handed_out(
    batches: list[list[StoryInput]], stories: int, progress: StepReport
) -> Iterator[list[StoryInput]]:
    """The batches, each reported as handed out when the engine takes it."""
    done = 0
    for batch in batches:
        progress(Step("briefing stories", done, stories))
        yield batch
        done += len(batch)
    progress(Step("briefing stories", done, stories))


def _collect(
    groups: list[StoryGroup],
    outputs: dict[str, StoryOutput],
    failures: list[Failure],
    report: Report,
) -> tuple[list[str], dict[str, list[Row]]]:
    """The briefs' JSON lines and every table's rows, in story order; the failed stories
    reported instead."""
    rows: dict[str, list[Row]] = {name: [] for name in TABLES}
    lines: list[str] = []
    for group in groups:
        output = outputs[group.id]
        if output.failure is not None:
            failures.append(output.failure)
            report(output.failure)
            continue
        if output.brief_json is not None:
            lines.append(output.brief_json)
        for name in TABLES:
            rows[name].extend(output.rows.get(name, ()))
    return lines, rows


def _articles(
    results: list[ChunkResult], failures: list[Failure], report: Report
) -> dict[int, Extracted]:
    """Every extracted article by input position; the extraction failures, reported."""
    articles: dict[int, Extracted] = {}
    found: list[Failure] = []
    for result in results:
        articles.update((e.seq, e) for e in result.extracted)
        found.extend(result.failures)
    for failure in sorted(found, key=lambda f: f.seq):
        failures.append(failure)
        report(failure)
    return articles


def _write(
    out: Path, lines: list[str], rows: dict[str, list[Row]], failures: list[Failure]
) -> None:
    text = "".join(f"{line}\n" for line in lines)
    (out / "briefs.jsonl").write_text(text, encoding="utf-8")
    for name in TABLES:
        write_table(out, name, rows[name])
    problems = [
        {"seq": f.seq, "stage": f.stage, "origin": f.problem.origin, "message": f.problem.message}
        for f in sorted(failures, key=lambda f: (f.seq, f.stage))
    ]
    write_table(out, "problems", problems)

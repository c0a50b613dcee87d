"""Cutting the work into tasks: documents into chunks, stories into batches.

Inputs are read here, on the driver, with the ordinary ingest (``iter_documents``: WARC
archives streamed record by record): reading is cheap next to extraction, and shipping the
bytes means workers on other machines need no access to the input paths. A big archive is
thereby split into chunks of ``size`` records like any folder of files.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Sequence

from newsweave.batch.records import Chunk, Failure, StoryGroup
from newsweave.ingest.files import iter_documents
from newsweave.model import Problem, RawDocument
from newsweave.options import Options


def read_chunks(
    inputs: Iterable[str | os.PathLike[str]], options: Options, size: int
) -> Iterator[Chunk | Failure]:
    """Chunks of up to ``size`` documents, and a failure for each input that cannot be read,
    in input order, streamed (a chunk is yielded as soon as it is full)."""
    pending: list[tuple[int, RawDocument]] = []
    for seq, item in enumerate(iter_documents(inputs, options)):
        if isinstance(item, Problem):
            yield Failure(seq, "read", item)
            continue
        pending.append((seq, item))
        if len(pending) >= size:
            yield Chunk(tuple(pending))
            pending = []
    if pending:
        yield Chunk(tuple(pending))


def story_batches(stories: Sequence[StoryGroup], size: int) -> list[list[StoryGroup]]:
    """Stories packed into batches of about ``size`` articles, biggest batch first.

    A story is never split (it is briefed as a whole); a story bigger than ``size`` is a batch
    of its own. Handing out the costliest batches first keeps the last task short, so no
    worker idles long at the end of the stage.
    """
    batches: list[list[StoryGroup]] = []
    current: list[StoryGroup] = []
    count = 0
    for story in stories:
        if current and count + len(story.members) > size:
            batches.append(current)
            current, count = [], 0
        current.append(story)
        count += len(story.members)
    if current:
        batches.append(current)
    batches.sort(key=lambda batch: -sum(len(s.members) for s in batch))
    return batches

"""Cutting the work into tasks: documents into chunks, stories into batches.

Inputs are read here, on the driver, with the ordinary ingest (``iter_documents``: WARC
archives streamed record by record): reading is cheap next to extraction, and shipping the
bytes means workers on other machines need no access to the input paths. A big archive is
thereby split into chunks of ``size`` records like any folder of files.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Sequence

from newsweave.batch.records import Chunk, Failure, StoryGroup
from newsweave.ingest.files import iter_documents
from newsweave.model import Problem, RawDocument
from newsweave.options import DEFAULT, Options

# About this much of documents' bytes and text goes into one extraction task.
CHUNK_BYTES = DEFAULT.batch.chunk_bytes


def read_chunks(
    inputs: Iterable[str | os.PathLike[str]],
    options: Options,
    size: int,
    max_bytes: int = CHUNK_BYTES,
    done: Callable[[str], None] | None = None,
) -> Iterator[Chunk | Failure]:
    """Chunks of up to ``size`` documents and about ``max_bytes`` of their text, and a
    failure for each input that cannot be read, in input order, streamed (a chunk is yielded
    as soon as it is full).

    The byte bound keeps huge documents apart: sixteen pages of 20 MB in one task would
    hold their texts, trees and analyses at once; a document bigger than the bound is a
    chunk of its own. ``done`` hears each input once its documents are read."""
    pending: list[tuple[int, RawDocument]] = []
    held = 0
    for seq, item in enumerate(iter_documents(inputs, options, done=done)):
        if isinstance(item, Problem):
            yield Failure(seq, "read", item)
            continue
        weight = len(item.data) + len(item.text)
        if pending and held + weight > max_bytes:
            yield Chunk(tuple(pending))
            pending, held = [], 0
        pending.append((seq, item))
        held += weight
        if len(pending) >= size:
            yield Chunk(tuple(pending))
            pending, held = [], 0
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

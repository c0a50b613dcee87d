"""The three pure functions a batch run is made of; engines only decide where they run.

1. ``extract_chunk`` (a map over chunks of documents): extraction, and the story features of
   each article, its MiniLM vector included (the costly part of clustering).
2. ``group_stories`` (one fold over every chunk's result): the incremental story clusterer,
   fed in publication order. Vectors are given, so this is cheap and runs in one task.
3. ``brief_stories`` (a map over batches of stories): analysis, cross-check and the brief,
   rendered to CONTRACT JSON and table rows on the worker.

Every per-document and per-story error is caught and returned as a ``Failure``: one bad page
never stops the run.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TYPE_CHECKING

from newsweave.batch.records import (
    Chunk,
    ChunkResult,
    Extracted,
    Failure,
    StoryGroup,
    StoryInput,
    StoryOutput,
)
from newsweave.batch.rows import brief_rows
from newsweave.errors import InputError
from newsweave.model import Article, Problem, RawDocument
from newsweave.options import DEFAULT, Options

if TYPE_CHECKING:
    from newsweave.options import StoryOptions

_WARM_TEXT = """Ferry service to resume on Monday

The Harbour Board said on Friday that 12 crossings a day would run from Monday, up from 8.
"We are ready," said harbour master Ana Ruiz.
"""
_WARM_HTML = """<!doctype html><html><head><title>Ferry service to resume on Monday</title>
<meta property="article:published_time" content="2025-03-07T09:00"></head><body>
<nav><a href="/">Home</a></nav><article><h1>Ferry service to resume on Monday</h1>
<p>The Harbour Board said on Friday that 12 crossings a day would run from Monday, up from 8,
after a week in which storms kept both boats in port.</p>
<p>"We are ready," said harbour master Ana Ruiz, who added that tickets bought for cancelled
crossings would be honoured.</p></article><footer>All rights reserved.</footer></body></html>
"""


def warm() -> None:
    """Load the models and everything else a worker loads lazily (spaCy, MiniLM, trafilatura,
    lxml, dateparser, the stage modules), by running both map stages on a tiny story: once
    per process, so that no task pays for it and a timed run times work only."""

    docs = (
        RawDocument("warm.html", _WARM_HTML.encode(), _WARM_HTML, "text/html", "utf-8"),
        RawDocument("warm.txt", _WARM_TEXT.encode(), _WARM_TEXT, "text/plain", "utf-8"),
    )
    result = extract_chunk(Chunk(tuple(enumerate(docs))), DEFAULT)
    articles = tuple(e.article for e in result.extracted)
    ids = tuple(e.doc_id for e in result.extracted)
    group_stories([result], DEFAULT.stories)
    brief_stories([StoryInput("warm", 0, articles, ids)])


def extract_chunk(chunk: Chunk, options: Options) -> ChunkResult:
    """Articles and story features of a chunk's documents; a failure for each bad one."""
    from newsweave.analyze.limits import Limits, notes
    from newsweave.cluster.embed import encoder
    from newsweave.cluster.features import article_features, lead_text
    from newsweave.extract import extract_article
    from newsweave.store.records import document_id

    articles: list[tuple[int, str, Article]] = []
    failures: list[Failure] = []
    for seq, doc in chunk.docs:
        try:
            articles.append((seq, document_id(doc), extract_article(doc, options)))
        except InputError as err:
            failures.append(Failure(seq, "extract", Problem(err.origin, err.message)))
        except Exception as exc:  # a bug on one page must not stop the run
            failures.append(Failure(seq, "extract", Problem(doc.origin, _crash("extraction", exc))))
    vectors = encoder().encode(
        [lead_text(a, options.stories.embed_paragraphs) for _, _, a in articles]
    )
    extracted = tuple(
        Extracted(seq, doc_id, article, article_features(article, vectors[row]))
        for row, (seq, doc_id, article) in enumerate(articles)
    )
    limits = Limits.of(options)
    found = tuple(note for _, _, a in articles for note in notes(a, limits))
    return ChunkResult(extracted, tuple(failures), found)


def group_stories(results: Sequence[ChunkResult], options: StoryOptions) -> list[StoryGroup]:
    """Every article's story: the clusterer run once over all of them in publication order.

    Input order (``seq``) breaks ties, so the grouping is the same however the documents were
    chunked; a story's id is a hash of its documents' ids (``store.assign.new_story_id``), not
    the clusterer's arrival number. Stories come largest first, then by first input position.
    """
    from newsweave.cluster.stories import StoryClusterer, publication_order
    from newsweave.store.assign import new_story_id

    extracted = sorted((e for r in results for e in r.extracted), key=lambda e: e.seq)
    order = publication_order([e.article for e in extracted])
    clusterer = StoryClusterer(options)
    clusterer.add_many(extracted[i].features for i in order)
    groups = []
    for story in clusterer.stories():
        members = [extracted[order[m]] for m in story.members]
        story_id = new_story_id([e.doc_id for e in members])
        groups.append(StoryGroup(story_id, story.title, tuple(sorted(e.seq for e in members))))
    groups.sort(key=lambda g: (-len(g.members), g.members[0]))
    return groups


def brief_stories(stories: Sequence[StoryInput], options: Options = DEFAULT) -> list[StoryOutput]:
    """The brief of each story as one line of JSON and as table rows."""
    from newsweave.contract.encode import brief_dict
    from newsweave.pipeline import build_brief, story_of

    outputs = []
    for story in stories:
        try:
            briefed = story_of(story.articles, copies=options.copies)
            data = brief_dict(build_brief(briefed, options=options))
        except Exception as exc:  # one story's failure must not stop the run
            origin = story.articles[0].origin if story.articles else story.id
            problem = Problem(origin, f"story {story.id}: {_crash('briefing', exc)}")
            outputs.append(StoryOutput(story.id, None, {}, Failure(story.seq, "brief", problem)))
            continue
        data["story"] = {"id": story.id, **data["story"]}
        line = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
        outputs.append(StoryOutput(story.id, line, brief_rows(story.id, data, story.doc_ids)))
    return outputs


def _crash(step: str, exc: Exception) -> str:
    """One line for an unexpected error: what failed and the exception's first line."""
    text = str(exc).strip().splitlines()
    return f"{step} failed ({type(exc).__name__}: {text[0] if text else 'no message'})"

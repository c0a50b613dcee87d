"""The flow from inputs to a brief, as one library call (the CLI is a thin shell around it)."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence

from newsweave.analyze import analyze_articles
from newsweave.analyze.dates import infer_dates
from newsweave.brief.story import article_ids, make_brief
from newsweave.brief.summary import summarize
from newsweave.brief.timeline import build_timeline
from newsweave.cluster.copies import find_copies
from newsweave.cluster.stories import cluster_stories
from newsweave.cluster.topic import one_topic
from newsweave.crosscheck.claims import align
from newsweave.crosscheck.coverage import unique_facts
from newsweave.crosscheck.entities import merge_entities
from newsweave.crosscheck.quotes import group_quotes
from newsweave.errors import InputError
from newsweave.extract import extract_article
from newsweave.ingest.files import iter_documents
from newsweave.model import Article, Brief, Problem
from newsweave.options import DEFAULT, Options

Progress = Callable[[str], None]


def read_articles(
    paths: Iterable[str | os.PathLike[str]],
    options: Options = DEFAULT,
    progress: Progress | None = None,
) -> tuple[list[Article], list[Problem]]:
    """Every article that could be read and extracted, and a problem for each that could not."""
    articles: list[Article] = []
    problems: list[Problem] = []
    for doc in iter_documents(paths, options):
        if isinstance(doc, Problem):
            problems.append(doc)
        else:
            try:
                articles.append(extract_article(doc, options))
            except InputError as err:
                problems.append(Problem(err.origin, err.message))
        if progress:
            progress(doc.origin)
    return articles, problems


def build_brief(articles: Sequence[Article], problems: Sequence[Problem] = ()) -> Brief:
    """Analyse and cross-check articles taken as one story."""
    articles = infer_dates(list(articles))
    ids = article_ids(articles)
    copies = {ids[c]: ids[o] for c, o in find_copies(articles).items()}
    annotated = list(zip(ids, analyze_articles(articles), strict=True))
    claims = align(annotated)
    quotes = group_quotes(annotated)
    entities = merge_entities(annotated)
    return make_brief(
        articles,
        problems,
        claims=claims,
        quotes=quotes,
        entities=entities,
        coverage=unique_facts(annotated, claims, quotes, copies=copies, entities=entities),
        timeline=build_timeline(annotated),
        summary=summarize(annotated, claims, copies),
        copies=copies,
    )


def split_stories(articles: Sequence[Article]) -> list[list[int]]:
    """Indexes of the articles of each story, largest story first.

    A cheap lexical check comes first: when every article's headline and lead share words
    with another's so that all are linked, the inputs are one story and the embedding model is
    not loaded. Otherwise the story clusterer decides.
    """
    if len(articles) <= 1 or one_topic(articles):
        return [list(range(len(articles)))]
    return [list(story.members) for story in cluster_stories(articles)]


def weave(paths: Iterable[str | os.PathLike[str]], options: Options = DEFAULT) -> Brief:
    """The brief of the articles found under ``paths``, taken as one story."""
    articles, problems = read_articles(paths, options)
    return build_brief(articles, problems)

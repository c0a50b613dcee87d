"""The flow from inputs to a brief, as one library call (the CLI is a thin shell around it)."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence

from newsweave.analyze import analyze_articles
from newsweave.analyze.dates import infer_dates
from newsweave.analyze.limits import Limits
from newsweave.brief.story import article_ids, make_brief, story_title
from newsweave.brief.summary import summarize
from newsweave.brief.timeline import build_timeline
from newsweave.cluster.copies import find_copies
from newsweave.cluster.membership import gather
from newsweave.cluster.stories import cluster_stories
from newsweave.cluster.topic import one_topic
from newsweave.crosscheck.claims import align
from newsweave.crosscheck.coverage import unique_facts
from newsweave.crosscheck.entities import merge_entities
from newsweave.crosscheck.origins import with_origins
from newsweave.crosscheck.quotes import group_quotes
from newsweave.errors import InputError, NotAnArticleError
from newsweave.extract import extract_article
from newsweave.ingest.files import iter_documents
from newsweave.model import Article, Brief, LeftOut, Problem
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
            except NotAnArticleError as err:
                problems.append(Problem(err.origin, err.message, "not an article"))
            except InputError as err:
                problems.append(Problem(err.origin, err.message))
        if progress:
            progress(doc.origin)
    return articles, problems


def build_brief(
    articles: Sequence[Article],
    problems: Sequence[Problem] = (),
    left_out: Sequence[LeftOut] = (),
    options: Options = DEFAULT,
) -> Brief:
    """Analyse and cross-check articles taken as one story (within ``options``' analysis
    limits)."""
    articles = infer_dates(list(articles))
    ids = article_ids(articles)
    copies = {ids[c]: ids[o] for c, o in find_copies(articles).items()}
    annotated = list(zip(ids, analyze_articles(articles, Limits.of(options)), strict=True))
    claims = with_origins(align(annotated), annotated, copies)
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
        left_out=left_out,
        attributions={aid: ann.attributions for aid, ann in annotated},
    )


def split_stories(articles: Sequence[Article]) -> list[list[int]]:
    """Indexes of the articles of each story, the story a brief covers first.

    A cheap lexical check comes first: when every article's headline and lead share words
    with another's so that all are linked, the inputs are one story and the embedding model is
    not loaded. Otherwise the story clusterer groups them, and its groups are gathered back
    into one story unless some are clearly about something else (``membership.py``).
    """
    if len(articles) <= 1 or one_topic(articles):
        return [list(range(len(articles)))]
    from newsweave.cluster.embed import encoder  # lazy: loads the model

    encode = encoder().encode
    groups = [list(story.members) for story in cluster_stories(articles, encode=encode)]
    return gather(articles, groups, encode)


def story_ids(stories: Sequence[Sequence[int]]) -> list[str]:
    """ "s1" for the story a brief covers, "s2", … for the others, in ``split_stories`` order."""
    return [f"s{k}" for k in range(1, len(stories) + 1)]


def left_out_of(
    articles: Sequence[Article],
    stories: Sequence[Sequence[int]],
    chosen: int,
    problems: Sequence[Problem] = (),
) -> list[LeftOut]:
    """Every input that the brief of story ``chosen`` does not cover, with why."""
    out = [LeftOut(p.origin, None, f"{p.kind}: {p.message}") for p in problems]
    ids = story_ids(stories)
    for k, members in enumerate(stories):
        if k == chosen:
            continue
        told = [articles[i] for i in members]
        title = story_title(told) or told[0].title
        about = f" ({title})" if title else ""
        for a in told:
            out.append(LeftOut(a.origin, a.title, f"another story: {ids[k]}{about}", ids[k]))
    return out


def brief_stories(
    articles: Sequence[Article],
    problems: Sequence[Problem] = (),
    *,
    every: bool = False,
    options: Options = DEFAULT,
) -> list[Brief]:
    """The brief of the inputs' story (each story's with ``every``), listing what it leaves out."""
    stories = split_stories(articles) if articles else []
    chosen = range(len(stories)) if every else range(min(1, len(stories)))
    return [
        build_brief(
            [articles[i] for i in stories[k]],
            problems,
            left_out_of(articles, stories, k, problems),
            options,
        )
        for k in chosen
    ]


def weave(paths: Iterable[str | os.PathLike[str]], options: Options = DEFAULT) -> Brief:
    """The brief of the story the articles found under ``paths`` tell; inputs about something
    else are listed in its ``left_out``."""
    articles, problems = read_articles(paths, options)
    briefs = brief_stories(articles, problems, options=options)
    return briefs[0] if briefs else build_brief([], problems, left_out_of([], [], 0, problems))

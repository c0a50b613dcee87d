"""The flow from inputs to a brief, as one library call (the CLI is a thin shell around it)."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace

from newsweave.analyze import analyze_articles
from newsweave.analyze.dates import infer_dates
from newsweave.analyze.limits import Limits
from newsweave.brief import write_brief
from newsweave.brief.story import article_ids, story_order, story_title
from newsweave.cluster.copies import find_copies
from newsweave.cluster.membership import gather
from newsweave.cluster.stories import cluster_stories
from newsweave.cluster.topic import one_topic
from newsweave.crosscheck import cross_check
from newsweave.errors import InputError, NotAnArticleError
from newsweave.extract import extract_article
from newsweave.ingest.files import iter_documents, path_list, reading_steps
from newsweave.model import AnnotatedArticle, Article, Brief, LeftOut, Problem, Story
from newsweave.options import DEFAULT, CopyOptions, Options, StoryOptions
from newsweave.progress import Report, Step

Paths = Iterable[str | os.PathLike[str]]
# With someone watching, articles are analysed this many at a time so the bar can move;
# each article's analysis is its own, so the brief is the same either way.
ANALYSIS_CHUNK = 8


def read_articles(
    paths: Paths,
    options: Options = DEFAULT,
    progress: Report | None = None,
) -> tuple[list[Article], list[Problem]]:
    """Every article that could be read and extracted, and a problem for each that could not.

    ``progress`` hears a "reading" step as each input (a file or URL) is done."""
    given = path_list(paths, "read_articles")
    articles: list[Article] = []
    problems: list[Problem] = []
    finished = reading_steps(given, options, progress)
    for doc in iter_documents(given, options, done=finished):
        if isinstance(doc, Problem):
            problems.append(doc)
        else:
            try:
                articles.append(extract_article(doc, options))
            except NotAnArticleError as err:
                problems.append(Problem(err.origin, err.message, "not an article"))
            except InputError as err:
                problems.append(Problem(err.origin, err.message))
    return articles, problems


def story_of(
    articles: Sequence[Article],
    problems: Sequence[Problem] = (),
    left_out: Sequence[LeftOut] = (),
    *,
    copies: CopyOptions = DEFAULT.copies,
) -> Story:
    """Articles taken as one story, formed once for every stage after it: in story order,
    each undated page dated from the others (the one place dates are inferred), numbered,
    and the copies among them found (a copy's original is the earliest published, so the
    dates come first)."""
    dated = infer_dates(sorted(articles, key=story_order))
    ids = article_ids(dated)
    found = {ids[c]: ids[o] for c, o in find_copies(dated, copies).items()}
    return Story(tuple(dated), tuple(ids), found, tuple(problems), tuple(left_out))


def build_brief(
    story: Story,
    *,
    options: Options = DEFAULT,
    analysed: Callable[[int], None] | None = None,
) -> Brief:
    """The brief of a story (``story_of``): its articles analysed within ``options``'
    limits, cross-checked, then briefed; ``analysed`` hears how many more articles are
    analysed, as they are."""
    story = analyse(story, options, analysed)
    return write_brief(story, cross_check(story))


def analyse(
    story: Story, options: Options = DEFAULT, analysed: Callable[[int], None] | None = None
) -> Story:
    """The story with each article's analysis (sentences, entities, figures, quotes)."""
    limits = Limits.of(options)
    articles = story.articles
    if analysed is None:
        return replace(story, analysis=tuple(analyze_articles(articles, limits)))
    out: list[AnnotatedArticle] = []
    for at in range(0, len(articles), ANALYSIS_CHUNK):
        chunk = articles[at : at + ANALYSIS_CHUNK]
        out.extend(analyze_articles(chunk, limits))
        analysed(len(chunk))
    return replace(story, analysis=tuple(out))


def split_stories(
    articles: Sequence[Article], options: StoryOptions = DEFAULT.stories
) -> list[list[int]]:
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
    groups = [list(story.members) for story in cluster_stories(articles, options, encode)]
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
    progress: Report | None = None,
) -> list[Brief]:
    """The brief of the inputs' story (each story's with ``every``), listing what it leaves out.

    ``progress`` hears "grouping stories" and then "analysing" steps (articles analysed of
    those briefed)."""
    if progress and len(articles) > 1:
        progress(Step("grouping stories", 0, 1))
    stories = split_stories(articles, options.stories) if articles else []
    chosen = range(len(stories)) if every else range(min(1, len(stories)))
    total = sum(len(stories[k]) for k in chosen)
    done = 0

    def analysed(n: int) -> None:
        nonlocal done
        done += n
        if progress:
            progress(Step("analysing", done, total))

    if progress:
        progress(Step("analysing", 0, total))
    return [
        build_brief(
            story_of(
                [articles[i] for i in stories[k]],
                problems,
                left_out_of(articles, stories, k, problems),
                copies=options.copies,
            ),
            options=options,
            analysed=analysed if progress else None,
        )
        for k in chosen
    ]


def weave(paths: Paths, options: Options = DEFAULT, progress: Report | None = None) -> Brief:
    """The brief of the story the articles found under ``paths`` tell (a list of files,
    folders or URLs, as ``newsweave brief`` takes); inputs about something else are listed in
    its ``left_out``."""
    articles, problems = read_articles(path_list(paths, "weave"), options, progress)
    briefs = brief_stories(articles, problems, options=options, progress=progress)
    if briefs:
        return briefs[0]
    return build_brief(story_of([], problems, left_out_of([], [], 0, problems)), options=options)


def brief_all(
    paths: Paths, options: Options = DEFAULT, progress: Report | None = None
) -> list[Brief]:
    """A brief for every story the articles under ``paths`` tell, largest first (``newsweave
    brief --all``); empty when no article could be read."""
    articles, problems = read_articles(path_list(paths, "brief_all"), options, progress)
    return brief_stories(articles, problems, every=True, options=options, progress=progress)

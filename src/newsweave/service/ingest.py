"""Ingest into the store: read, keep the raw bytes, extract, assign stories, refresh briefs.

Each document is stored in its own transactions (document, then article), story assignment
is one transaction, and each brief refresh is one more: a kill at any point leaves the
database consistent, and the next run sees what is already there and finishes the job.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, Connection, Table, and_, or_, select, text, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from newsweave.changes.story import StoryUpdate, story_changes
from newsweave.errors import InputError
from newsweave.extract import extract_article
from newsweave.ingest.files import iter_documents, path_list, reading_steps
from newsweave.model import Article, Problem, RawDocument, day_of
from newsweave.options import DEFAULT, Options, StoryOptions
from newsweave.progress import Report, Step
from newsweave.store.assign import Placed, StoryAssigner, default_assigner
from newsweave.store.changes import record_update
from newsweave.store.db import Store
from newsweave.store.migrations import story_verdicts
from newsweave.store.records import (
    article_from_json,
    article_json,
    document_id,
    failure_id,
    hints_dict,
    stored_document,
)
from newsweave.store.revisions import (
    article_url,
    current_article,
    page_url,
    same_version,
    store_revision,
)
from newsweave.store.schema import articles, documents, stories
from newsweave.store.vectors import story_vectors, vector_bytes, vector_from_bytes


@dataclass(slots=True)
class IngestResult:
    """What one ingest did: documents seen and added, articles of the run, stories refreshed."""

    documents: int = 0
    new_documents: int = 0
    articles: list[str] = field(default_factory=list)
    new_articles: int = 0
    problems: list[Problem] = field(default_factory=list)
    stories: list[str] = field(default_factory=list)
    # articles a killed run left without a story (or unextracted), placed by this run
    resumed: list[str] = field(default_factory=list)
    # the analysis limits an article runs into (it is stored and briefed all the same)
    warnings: list[Problem] = field(default_factory=list)
    # stored articles whose page came again with other text (a new version of each), and
    # pages that came again saying the same
    revised: list[str] = field(default_factory=list)
    unchanged: int = 0
    # what each refreshed story's new brief changed (stories refreshed with no change and
    # new stories have none)
    updates: list[StoryUpdate] = field(default_factory=list)


def _now() -> datetime:
    return datetime.now(UTC)


def insert_ignore(conn: Connection, table: Table, values: dict[str, Any]) -> bool:
    """Insert unless the key is there (another run got there first); True if inserted."""
    ins = pg_insert if conn.dialect.name == "postgresql" else sqlite_insert
    key = next(iter(table.primary_key.columns))
    stmt = ins(table).values(**values).on_conflict_do_nothing().returning(key)
    # RETURNING rather than rowcount: psycopg reports a row even when the conflict skipped it
    return conn.execute(stmt).first() is not None


def _store_failure(store: Store, problem: Problem) -> None:
    with store.begin() as conn:
        insert_ignore(
            conn,
            documents,
            {
                "id": failure_id(problem.origin, problem.message),
                "origin": problem.origin,
                "hints": "{}",
                "data": None,
                "stage": "read",
                "error": problem.message,
                "created_at": _now(),
            },
        )


def store_document(store: Store, doc: RawDocument, did: str) -> tuple[bool, bool]:
    """(whether the document is new, whether its article is already stored)."""
    with store.begin() as conn:
        new = insert_ignore(
            conn,
            documents,
            {
                "id": did,
                "origin": doc.origin,
                "media_type": doc.media_type,
                "encoding": doc.encoding,
                "hints": json.dumps(hints_dict(doc.hints)),
                "data": doc.data,
                "stage": "read",
                "error": None,
                "created_at": _now(),
            },
        )
        have = conn.execute(select(articles.c.id).where(articles.c.id == did)).first()
    return new, have is not None


def _store_article(store: Store, did: str, article: Article, doc: RawDocument) -> bool:
    with store.begin() as conn:
        new = insert_ignore(
            conn,
            articles,
            {
                "id": did,
                "document_id": did,
                "story_id": None,
                "origin": article.origin,
                "outlet": article.outlet,
                "title": article.title,
                "published": article.published.isoformat() if article.published else None,
                "text": article.text,
                "record": article_json(article),
                "created_at": _now(),
                "url": page_url(doc) or article_url(article),
            },
        )
        if new and store.dialect == "sqlite":
            conn.execute(
                text("INSERT INTO articles_fts (article_id, title, text) VALUES (:i, :t, :x)"),
                {"i": did, "t": article.title or "", "x": article.text},
            )
        conn.execute(
            update(documents).where(documents.c.id == did).values(stage="extract", error=None)
        )
    return new


def _extract(
    store: Store, did: str, doc: RawDocument, options: Options, result: IngestResult
) -> Article | None:
    """The document's article; or None, its failure stored and reported. An unexpected error
    (a bug on one odd page) fails that document only, as the batch run does."""
    try:
        return extract_article(doc, options)
    except InputError as err:
        problem = Problem(err.origin, err.message)
    except Exception as exc:  # one page must not stop the ingest
        first = (str(exc).strip().splitlines() or [""])[0][:200]
        problem = Problem(doc.origin, f"extraction failed ({type(exc).__name__}: {first})")
    _mark_failed(store, did, problem.message)
    result.problems.append(problem)
    return None


def _notes(article: Article, options: Options) -> list[Problem]:
    from newsweave.analyze.limits import Limits, notes  # lazy: the analysis loads spaCy

    return notes(article, Limits.of(options))


def _mark_failed(store: Store, did: str, message: str) -> None:
    with store.begin() as conn:
        conn.execute(
            update(documents).where(documents.c.id == did).values(stage="extract", error=message)
        )


def assign_stories(
    store: Store,
    article_ids: Sequence[str],
    assigner: StoryAssigner,
    story_options: StoryOptions = DEFAULT.stories,
) -> set[str]:
    """Put the run's unassigned articles into stories; the stories that changed are stale.
    A stored article without its vector has it embedded as ``story_options`` says.

    One transaction: a kill leaves every article either in its story or waiting for the
    next run, never half-assigned.
    """
    ids = list(dict.fromkeys(article_ids))
    if not ids:
        return set()
    with store.begin() as conn:
        run = _placed(conn, articles.c.id.in_(ids), story_options)
        arrivals = [p for p in run if p.story_id is None]
        if not arrivals:
            return set()
        context = [p for p in run if p.story_id is not None]
        if assigner.window_days > 0:
            have = {p.id for p in run}
            near = _placed(
                conn, _near(arrivals, assigner.window_days), story_options, limit=MAX_CONTEXT
            )
            context.extend(p for p in near if p.id not in have)
        mapping = assigner.assign(arrivals, context)
        changed = set(mapping.values())
        for sid in sorted(changed):
            insert_ignore(
                conn, stories, {"id": sid, "stale": True, "updated_at": _now(), "articles": 0}
            )
        for aid, sid in mapping.items():
            conn.execute(update(articles).where(articles.c.id == aid).values(story_id=sid))
        if changed:
            conn.execute(
                update(stories)
                .where(stories.c.id.in_(changed))
                .values(stale=True, updated_at=_now())
            )
    return changed


# At most this many stored articles are replayed as context for one ingest's arrivals (the
# most recently published in the window): bounds the cost of an ingest into a busy store.
MAX_CONTEXT = 5000


def _near(arrivals: Sequence[Placed], window_days: int) -> ColumnElement[bool]:
    """Stored, assigned articles published within the window of some arrival.

    Dates are ISO strings, so string order is date order. An undated arrival takes the
    articles stored within the window of now as its context.
    """
    days = [day_of(p.article.published) for p in arrivals]
    dated = [d for d in days if d is not None]
    window = timedelta(days=window_days)
    near: list[ColumnElement[bool]] = []
    if dated:
        low = _moved(min(dated), -window).isoformat()
        high = _moved(max(dated), window + timedelta(days=1)).isoformat()
        near.append(and_(articles.c.published >= low, articles.c.published < high))
    if len(dated) < len(days):
        near.append(articles.c.created_at >= _now() - window)
    return and_(articles.c.story_id.is_not(None), or_(*near))


def _moved(day: date, by: timedelta) -> date:
    """``day + by``, held at the calendar's ends (a page may claim year 1 or 9999)."""
    try:
        return day + by
    except OverflowError:
        return date.max if by > timedelta(0) else date.min


def _placed(
    conn: Connection,
    where: ColumnElement[bool],
    story_options: StoryOptions,
    limit: int | None = None,
) -> list[Placed]:
    """Stored articles with their story vectors; a missing vector is computed and kept."""
    query = (
        select(articles.c.id, articles.c.record, articles.c.vector, articles.c.story_id)
        .where(where)
        .order_by(articles.c.published.desc(), articles.c.id)
        .limit(limit)
    )
    rows = conn.execute(query).all()
    records = [article_from_json(r.record) for r in rows]
    missing = [i for i, r in enumerate(rows) if r.vector is None]
    vectors = {i: vector_from_bytes(r.vector) for i, r in enumerate(rows) if r.vector is not None}
    if missing:
        fresh = story_vectors([records[i] for i in missing], story_options)
        for row_at, i in enumerate(missing):
            vectors[i] = fresh[row_at]
            conn.execute(
                update(articles)
                .where(articles.c.id == rows[i].id)
                .values(vector=vector_bytes(fresh[row_at]))
            )
    return [Placed(r.id, records[i], vectors[i], r.story_id) for i, r in enumerate(rows)]


def story_articles(conn: Connection, story_id: str) -> list[tuple[str, Article]]:
    """A story's articles, oldest first (the order its brief numbers them a1, a2, …)."""
    rows = conn.execute(
        select(articles.c.id, articles.c.record)
        .where(articles.c.story_id == story_id)
        # brief.story.story_order: the CLI numbers the same articles the same way
        .order_by(articles.c.published.is_(None), articles.c.published, articles.c.origin)
    ).all()
    return [(r.id, article_from_json(r.record)) for r in rows]


def save_brief(conn: Connection, story_id: str, brief: dict[str, Any], ids: Sequence[str]) -> None:
    """Store a story's brief JSON and the columns the story list shows."""
    for art, sid in zip(brief["articles"], ids, strict=True):
        art["store_id"] = sid  # the article's page is /articles/{store_id}
    outlets = list(dict.fromkeys(a["outlet"] for a in brief["articles"] if a["outlet"]))
    conn.execute(
        update(stories)
        .where(stories.c.id == story_id)
        .values(
            title=brief["story"]["title"],
            first_published=brief["story"]["first_published"],
            last_published=brief["story"]["last_published"],
            articles=len(ids),
            outlets=json.dumps(outlets, ensure_ascii=False),
            conflicts=sum(c["verdict"] == "conflict" for c in brief["claims"]),
            verdicts=story_verdicts(brief),
            brief=json.dumps(brief, ensure_ascii=False),
            brief_error=None,
            stale=False,
            updated_at=_now(),
            page=None,  # the web app renders it again on the next view
            page_key=None,
        )
    )


def refresh_briefs(
    store: Store,
    story_ids: Iterable[str] | None = None,
    options: Options = DEFAULT,
    failed: list[Problem] | None = None,
    progress: Report | None = None,
    updates: list[StoryUpdate] | None = None,
) -> list[str]:
    """Rebuild the briefs of stale stories (or of the ones named); returns those rebuilt.

    A story whose brief fails keeps its error in the store (the web app shows it) and, when
    ``failed`` is given, gets a problem there naming its first article: never in silence.
    ``progress`` hears a "briefing stories" step per story. What a rebuilt brief changed from
    the one before is stored with it (``story_changes``) and added to ``updates``."""
    from newsweave.contract.encode import brief_dict
    from newsweave.pipeline import build_brief, story_of  # loads the models only when needed

    with store.read() as conn:
        query = select(stories.c.id)
        query = (
            query.where(stories.c.id.in_(list(story_ids)))
            if story_ids is not None
            else query.where(stories.c.stale.is_(True))
        )
        todo = [r.id for r in conn.execute(query.order_by(stories.c.id))]
    done: list[str] = []
    for at, sid in enumerate(todo):
        if progress:
            progress(Step("briefing stories", at, len(todo), sid))
        with store.begin() as conn:
            pairs = story_articles(conn, sid)
            if not pairs:
                continue
            try:
                brief = brief_dict(build_brief(
                        story_of([a for _, a in pairs], copies=options.copies), options=options
                    ))
            except Exception as exc:  # a bug in one story's analysis must not stop the others
                first = (str(exc).strip().splitlines() or [""])[0][:200]
                error = f"{type(exc).__name__}: {first}"
                conn.execute(
                    update(stories)
                    .where(stories.c.id == sid)
                    .values(brief_error=error, stale=False)
                )
                if failed is not None:
                    origin = pairs[0][1].origin
                    failed.append(Problem(origin, f"story {sid}: brief failed ({error})"))
                continue
            before = conn.execute(select(stories.c.brief).where(stories.c.id == sid)).scalar()
            save_brief(conn, sid, brief, [i for i, _ in pairs])
            changed = story_changes(json.loads(before), brief) if before else []
            if changed:
                update_ = record_update(conn, sid, brief["story"]["title"], changed, _now())
                if updates is not None:
                    updates.append(update_)
        done.append(sid)
    if progress and todo:
        progress(Step("briefing stories", len(todo), len(todo)))
    return done


def _resume(store: Store, options: Options, result: IngestResult) -> None:
    """Finish what a killed run left: a document stored but never extracted is extracted
    now, and every stored article without a story joins this run's story assignment (a feed
    item already stored is not fetched again, so nothing else would ever place it)."""
    with store.read() as conn:
        pending = conn.execute(
            select(
                documents.c.id,
                documents.c.origin,
                documents.c.data,
                documents.c.media_type,
                documents.c.encoding,
                documents.c.hints,
            )
            .outerjoin(articles, articles.c.id == documents.c.id)
            .where(
                documents.c.stage == "read",
                documents.c.error.is_(None),
                documents.c.data.is_not(None),
                articles.c.id.is_(None),
            )
            .order_by(documents.c.created_at, documents.c.id)
        ).all()
        orphans = conn.execute(
            select(articles.c.id).where(articles.c.story_id.is_(None)).order_by(articles.c.id)
        ).scalars()
        result.resumed.extend(orphans)
    for row in pending:
        doc = stored_document(
            row.origin, row.data, row.media_type, row.encoding, json.loads(row.hints)
        )
        article = _extract(store, row.id, doc, options, result)
        if article is not None:
            result.new_articles += _store_article(store, row.id, article, doc)
            result.resumed.append(row.id)


def ingest(
    store: Store,
    paths: Iterable[str | os.PathLike[str]],
    options: Options = DEFAULT,
    *,
    assigner: StoryAssigner | None = None,
    progress: Report | None = None,
    build: bool = True,
) -> IngestResult:
    """Store the documents under ``paths``, assign their stories and refresh those briefs.

    ``progress`` hears a "reading" step as each input (file or URL) is stored, then the
    steps of ``ingest_documents``."""
    given = path_list(paths, "ingest")
    return ingest_documents(
        store,
        iter_documents(given, options, done=reading_steps(given, options, progress)),
        options,
        assigner=assigner,
        progress=progress,
        build=build,
    )


def ingest_documents(
    store: Store,
    items: Iterable[RawDocument | Problem],
    options: Options = DEFAULT,
    *,
    assigner: StoryAssigner | None = None,
    progress: Report | None = None,
    build: bool = True,
) -> IngestResult:
    """Store documents from any source (files, fetched pages, feeds, web archives).

    A ``Problem`` among the items is stored as a failed document and reported; the rest go on.
    ``progress`` hears "placing in stories" and "briefing stories" steps.
    """
    result = IngestResult()
    _resume(store, options, result)
    for item in items:
        result.documents += 1
        if isinstance(item, Problem):
            _store_failure(store, item)
            result.problems.append(item)
        elif not _revise(store, item, document_id(item), options, result):
            did = document_id(item)
            new, have = store_document(store, item, did)
            result.new_documents += new
            if have:
                result.articles.append(did)
            else:
                article = _extract(store, did, item, options, result)
                if article is not None:
                    result.new_articles += _store_article(store, did, article, item)
                    result.articles.append(did)
                    result.warnings.extend(_notes(article, options))
    if progress:
        progress(Step("placing in stories", 0, 1))
    assign_stories(
        store,
        [*result.articles, *result.resumed],
        assigner or default_assigner(options.stories),
        options.stories,
    )
    if build:
        result.stories = refresh_briefs(
            store,
            options=options,
            failed=result.problems,
            progress=progress,
            updates=result.updates,
        )
    return result


def _revise(
    store: Store, doc: RawDocument, did: str, options: Options, result: IngestResult
) -> bool:
    """Take ``doc`` as another version of the article stored for its URL, if there is one;
    False when there is none (a new page): the caller stores it.

    A page that extracts to the same text and headline is no edit and is not stored again;
    one that cannot be extracted is left to the caller, which stores and reports the failure.
    """
    url = page_url(doc)
    if url is None:
        return False
    with store.read() as conn:
        current = current_article(conn, url)
    if current is None:
        return False
    if current.document_id == did:  # the version stored last, byte for byte
        result.articles.append(current.id)
        return True
    try:
        article = extract_article(doc, options)
    except Exception:  # the caller extracts again and reports why, as for any page
        return False
    if same_version(current.article, article):
        result.unchanged += 1
        result.articles.append(current.id)
    else:
        store_revision(store, current, did, doc, article)
        result.revised.append(current.id)
        result.articles.append(current.id)
    return True

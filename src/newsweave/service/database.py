"""The store from Python: each store command of the CLI as a method of one object.

>>> import newsweave
>>> with newsweave.open_store("nw.db") as db:  # doctest: +SKIP
...     db.ingest(["saved-pages/"])
...     for story in db.stories(verdict="conflict"):
...         print(story.id, story.title)
...     markdown = db.export(story.id, "md")

Methods rather than module functions: ``newsweave.ingest`` is the package that reads inputs,
so a function of that name could not live beside it.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Literal

from newsweave.closable import Closable
from newsweave.contract.decode import brief_from_dict
from newsweave.errors import NoSuchStoryError
from newsweave.model import Brief
from newsweave.options import DEFAULT, Options
from newsweave.progress import Report
from newsweave.service.export import export_story
from newsweave.service.ingest import IngestResult, ingest
from newsweave.store.assign import OneStoryPerIngest
from newsweave.store.db import Store
from newsweave.store.db import open_store as open_database
from newsweave.store.queries import (
    StoryDetail,
    StoryFilter,
    StoryRow,
    Verdict,
    brief_json,
    count_stories,
    list_stories,
    story_detail,
)
from newsweave.store.search import Hit, search

DEFAULT_DB = "newsweave.db"
ExportFormat = Literal["json", "md", "html"]


@dataclass(frozen=True, slots=True)
class Database(Closable):
    """An open store (SQLite or PostgreSQL). Close it, or use it in a ``with`` block."""

    store: Store

    def ingest(
        self,
        paths: Iterable[str | os.PathLike[str]],
        options: Options = DEFAULT,
        *,
        one_story: bool = False,
        progress: Report | None = None,
    ) -> IngestResult:
        """``newsweave ingest``: store the pages, place them in stories, refresh those briefs."""
        assigner = OneStoryPerIngest() if one_story else None
        return ingest(
            self.store,
            paths,
            options,
            assigner=assigner,
            progress=progress,
        )

    def stories(
        self,
        *,
        limit: int = 50,
        offset: int = 0,
        outlet: str | None = None,
        since: date | None = None,
        until: date | None = None,
        verdict: Verdict | None = None,
    ) -> list[StoryRow]:
        """``newsweave stories --db``: stored stories, most recently updated first, those
        that pass every filter given (see ``StoryFilter``)."""
        where = StoryFilter(outlet, since, until, verdict)
        return list_stories(self.store, limit=limit, offset=offset, where=where)

    def count_stories(
        self,
        *,
        outlet: str | None = None,
        since: date | None = None,
        until: date | None = None,
        verdict: Verdict | None = None,
    ) -> int:
        """How many stories ``stories`` would list with these filters and no limit."""
        return count_stories(self.store, StoryFilter(outlet, since, until, verdict))

    def story(self, story_id: str) -> StoryDetail:
        """One stored story with its articles; ``NoSuchStoryError`` when there is none."""
        found = story_detail(self.store, story_id)
        if found is None:
            raise NoSuchStoryError(story_id)
        return found

    def brief(self, story_id: str) -> Brief:
        """A stored story's brief as the record ``newsweave.weave`` returns."""
        raw = brief_json(self.store, story_id)
        if raw is None:
            raise NoSuchStoryError(story_id)
        return brief_from_dict(json.loads(raw))

    def search(self, query: str, *, limit: int = 20, offset: int = 0) -> list[Hit]:
        """``newsweave search``: articles holding every word of ``query``, best first."""
        return search(self.store, query, limit=limit, offset=offset)

    def export(self, story_id: str, fmt: ExportFormat = "json") -> str:
        """``newsweave export``: a stored story's brief as JSON, Markdown or an HTML page."""
        text = export_story(self.store, story_id, fmt)
        if text is None:
            raise NoSuchStoryError(story_id)
        return text

    def close(self) -> None:
        self.store.close()


def open_store(db: str | os.PathLike[str] = DEFAULT_DB, *, create: bool = True) -> Database:
    """Open the store ``db`` names: a file path (SQLite) or a ``sqlite:///`` or
    ``postgresql://`` URL, as ``--db`` takes. ``create=False`` refuses a database that does
    not exist instead of making one; a bad one raises ``StoreError`` naming it."""
    return Database(open_database(db, create=create))

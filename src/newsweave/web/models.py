"""What the JSON API answers, as pydantic models: ``/api/openapi.json`` and ``/docs`` show them.

The brief itself is described in ``contract/schema.py`` (the contract); these are the lists,
the story detail, search results and errors around it.
"""

from __future__ import annotations

from pydantic import BaseModel, Field

from newsweave.contract.schema import Article


class StoryItem(BaseModel):
    """A stored story, as the story list shows it."""

    id: str = Field(description="The story's id in the store.")
    title: str | None = Field(description="The story's headline.")
    articles: int = Field(description="How many articles it holds.")
    outlets: list[str] = Field(description="The outlets that report it.")
    conflicts: int = Field(description="Claims whose figures cannot all be true.")
    first_published: str | None = Field(description="Its earliest article's date (ISO 8601).")
    last_published: str | None = Field(description="Its latest article's date (ISO 8601).")
    updated_at: str = Field(description="When its brief was last rebuilt (ISO 8601).")


class StoryList(BaseModel):
    stories: list[StoryItem] = Field(description="The stories of this page, newest first.")
    total: int = Field(description="How many stories pass the filters, on every page.")
    offset: int = Field(description="Stories skipped before this page.")
    limit: int = Field(description="Most stories a page holds.")


class ArticleItem(BaseModel):
    """One article of a stored story."""

    id: str = Field(description="The article's id in the store.")
    origin: str = Field(description="The path or URL it was read from.")
    outlet: str | None = Field(description="The outlet the text credits, or null.")
    title: str | None = Field(description="Its headline.")
    published: str | None = Field(description="Its date (ISO 8601), when known.")
    url: str = Field(description="Its JSON: /api/articles/{id}.")


class StoryDetail(BaseModel):
    """A stored story with its articles and where to get its brief."""

    story: StoryItem = Field(description="The story as the list shows it.")
    verdicts: list[str] = Field(description="The verdicts its claims reach.")
    articles: list[ArticleItem] = Field(description="Its articles, oldest first.")
    brief_url: str = Field(description="Its brief: /api/stories/{id}/brief.")
    page_url: str = Field(description="Its page for people: /stories/{id}.")


class Highlight(BaseModel):
    start: int = Field(description="Start of a matched word in `snippet` (a string index).")
    end: int = Field(description="End of the matched word in `snippet`, exclusive.")


class SearchHit(BaseModel):
    article_id: str = Field(description="The matching article's id in the store.")
    story_id: str | None = Field(description="The story it belongs to.")
    title: str | None = Field(description="Its headline.")
    outlet: str | None = Field(description="Its outlet.")
    snippet: str = Field(description="Plain text around the matches (… where cut).")
    highlights: list[Highlight] = Field(
        description="Where the matched words are in `snippet`, in order: "
        "`snippet[h.start:h.end]` is a match."
    )
    url: str = Field(description="The article's JSON: /api/articles/{id}.")


class SearchResult(BaseModel):
    query: str = Field(description="The query as sent.")
    total: int = Field(description="How many articles match, on every page.")
    offset: int = Field(description="Matches skipped before this page.")
    limit: int = Field(description="Most matches a page holds.")
    hits: list[SearchHit] = Field(description="This page's matches, best first.")


class StoredArticle(Article):
    """A stored article: the brief's article record, and its story."""

    story_id: str | None = Field(description="The story the article belongs to.")


class Error(BaseModel):
    detail: str = Field(description="What was wrong with the request, in one line.")

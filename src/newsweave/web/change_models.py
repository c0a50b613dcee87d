"""The JSON shapes of ``/api/changes`` and ``/api/articles/{id}/versions`` (pydantic), so
``/api/openapi.json`` names every field."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field


class ChangeOut(BaseModel):
    kind: Literal[
        "new_conflict", "figure_updated", "quote_changed", "new_outlet", "article_revised"
    ] = Field(description="What changed.")
    text: str = Field(description="The change in one line, for people.")
    article: str | None = Field(description="The store id of the article concerned, if one.")
    claim: str | None = Field(description="The measure of the claim concerned, if one.")
    before: str | None = Field(description="The figure, quote or headline as it was.")
    after: str | None = Field(description="The figure, quote, headline or outlet as it is.")


class StoryRef(BaseModel):
    id: str = Field(description="The story's id.")
    title: str | None = Field(description="Its headline when it changed.")
    path: str = Field(description="Its page on this site.")


class StoryUpdateOut(BaseModel):
    """What one refresh of one story changed (also what ``--notify`` posts)."""

    model_config = ConfigDict(populate_by_name=True)

    schema_: Literal["newsweave/story-changes@1"] = Field(alias="schema")
    id: int = Field(description="The update's number (increasing).")
    story: StoryRef
    at: str = Field(description="When the refresh happened (ISO 8601).")
    changes: list[ChangeOut]


class UpdateList(BaseModel):
    updates: list[StoryUpdateOut] = Field(description="Newest first.")


class Passage(BaseModel):
    start: int = Field(description="Start offset in its version's text.")
    end: int = Field(description="End offset (exclusive).")
    text: str = Field(description="The passage.")


class FigureOut(BaseModel):
    before: Passage = Field(description="The figure as written before (old version's text).")
    after: Passage = Field(description="The figure as written now (new version's text).")
    before_low: float | None
    before_high: float | None
    after_low: float | None
    after_high: float | None


class EditedOut(BaseModel):
    before: Passage
    after: Passage
    figures: list[FigureOut] = Field(description="Figures the outlet edited in the sentence.")


class QuoteOut(BaseModel):
    before: Passage | None = Field(description="The quotation taken out or reworded.")
    after: Passage | None = Field(description="The quotation added or as reworded.")


class TitleChange(BaseModel):
    before: str | None
    after: str | None


class DiffOut(BaseModel):
    title: TitleChange
    added: list[Passage] = Field(description="Sentences added (in the new text).")
    removed: list[Passage] = Field(description="Sentences taken out (in the old text).")
    edited: list[EditedOut] = Field(description="Sentences whose words changed.")
    quotes: list[QuoteOut]


class VersionOut(BaseModel):
    number: int = Field(description="1 for the version first stored.")
    document: str = Field(description="The stored document (raw page) of this version.")
    title: str | None
    text: str = Field(description="The cleaned text of this version.")
    at: str = Field(description="When this version was stored (ISO 8601).")
    diff: DiffOut | None = Field(description="What changed from the version before.")


class ArticleVersions(BaseModel):
    article: str = Field(description="The article's store id.")
    versions: list[VersionOut] = Field(description="Oldest first; empty if never revised.")

"""The brief's JSON (``contract/encode.py`` writes it) described as pydantic models.

They are the schema ``/api/openapi.json`` publishes for ``/api/stories/{id}/brief``, and every
field here is explained in ``docs/contract.md``; ``tests/contract/test_schema.py`` keeps the
three in step (every key the code writes is here, every field here is in the document). The
API sends the stored JSON as it is: these models describe it, they do not rebuild it.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

# Where an item also has ``text``, ``text == article.text[start:end]`` (offsets in code points).
START = "Start of the passage in the article's cleaned `text` (a Python string index)."
END = "End of the passage in the article's cleaned `text`, exclusive."


class Citation(BaseModel):
    """A passage that supports a line of the brief."""

    article: str = Field(description="The cited article's `id` (a1, a2, …).")
    start: int = Field(description=START)
    end: int = Field(description=END)


class StoryInfo(BaseModel):
    title: str | None = Field(description="The story's headline, from its articles.")
    first_published: str | None = Field(description="The earliest article's date (ISO 8601).")
    last_published: str | None = Field(description="The latest article's date (ISO 8601).")
    id: str | None = Field(
        None, description="The story's id where a batch run names it (briefs.jsonl only)."
    )


class LeftOut(BaseModel):
    """An input the brief does not cover, and why."""

    origin: str = Field(description="The path or URL as given.")
    title: str | None = Field(description="Its headline, when it was read as an article.")
    reason: str = Field(description="Why it is left out (another story, not an article, …).")
    story: str | None = Field(description="The story it tells instead (s2, s3 …), or null.")


class OutletInfo(BaseModel):
    """What the outlet registry says about the article's outlet."""

    name: str = Field(description="The outlet's name.")
    country: str | None = Field(description="Where it is based.")
    owner: str | None = Field(description="Who owns it.")
    kind: str | None = Field(description="What it is: newspaper, broadcaster, agency, …")


class Stamp(BaseModel):
    start: int = Field(description="Start of the printed time stamp in the article's text.")
    end: int = Field(description="End of the printed time stamp, exclusive.")


class LiveEntry(BaseModel):
    """One timestamped entry of a live blog."""

    published: str | None = Field(description="When the entry was posted (ISO 8601).")
    stamp: Stamp = Field(description="Where the time stamp is printed.")
    start: int = Field(description="Start of the whole entry in the article's text.")
    end: int = Field(description="End of the whole entry, exclusive.")


class Removed(BaseModel):
    """A piece of page furniture taken out of the article, kept with why."""

    text: str = Field(description="The text removed.")
    reason: str = Field(description="Why it was removed (photo caption, comment widget, …).")
    at: int = Field(description="Where in the cleaned text it stood.")


class Attribution(BaseModel):
    """Who the article says said what."""

    source: str | None = Field(description="The speaker's fullest name, or the description.")
    source_start: int | None = Field(description="Start of the source as written near the cue.")
    source_end: int | None = Field(description="End of the source as written, exclusive.")
    named: bool = Field(description="Whether the source is a name, not a description.")
    cue: str | None = Field(description="The verb or phrase of saying (said, told, according to).")
    cue_start: int | None = Field(description="Start of the cue in the text.")
    cue_end: int | None = Field(description="End of the cue, exclusive.")
    start: int = Field(description=START)
    end: int = Field(description=END)
    text: str = Field(description="What was said, as the article writes it.")
    kind: Literal["direct", "mixed", "indirect"] = Field(
        description="A quotation, quoted words inside the reporter's, or reported speech."
    )
    view: bool = Field(
        False,
        description="A view the source is said to hold (backs, condemns, believes), not "
        "speech: only with --views.",
    )


class Article(BaseModel):
    """One input article as the brief read it."""

    id: str = Field(description="Unique within the brief: a1, a2, …")
    store_id: str | None = Field(
        None, description="The article's id in the store (briefs served by the web app only)."
    )
    copy_of: str | None = Field(
        description="The article this one reprints (a wire story), or null."
    )
    origin: str = Field(description="The path or URL as it was given.")
    outlet: str | None = Field(description="The outlet the text credits, or null.")
    outlet_label: str = Field(description="How the source is named: outlet, domain or file.")
    outlet_info: OutletInfo | None = Field(description="The outlet registry's entry, or null.")
    title: str | None = Field(description="The headline.")
    title_inferred: bool = Field(description="True when the title was taken from the text.")
    headline: tuple[int, int] | None = Field(description="Where the headline is in `text`.")
    published: str | None = Field(description="Publication date or date-time (ISO 8601).")
    published_inferred: bool = Field(description="True when the date was taken from the story.")
    updated: str | None = Field(description="When the page says it was updated (ISO 8601).")
    byline: str | None = Field(description="The author as printed.")
    url: str | None = Field(description="The page's address, when known.")
    kind: Literal["article", "liveblog"] = Field(description="An article or a live blog.")
    text: str = Field(description="The cleaned body; paragraphs separated by a blank line.")
    paragraphs: list[tuple[int, int]] = Field(description="Each paragraph's [start, end].")
    entries: list[LiveEntry] = Field(description="A live blog's entries (empty otherwise).")
    removed: list[Removed] = Field(description="Page furniture taken out, with why.")
    attributions: list[Attribution] = Field(description="Who said what in this article.")


class Report(BaseModel):
    """One article's figure for a claim's measure."""

    article: str = Field(description="The article's `id`.")
    text: str = Field(description="The figure as written (`more than 40`).")
    low: float | None = Field(description="Lowest value the figure allows; null: unbounded.")
    high: float | None = Field(description="Highest value the figure allows; null: unbounded.")
    unit: str | None = Field(description="The unit the figure is in, when it has one.")
    start: int = Field(description=START)
    end: int = Field(description=END)
    source: str | None = Field(description="The origin the article gives for the figure.")


class TrendPoint(BaseModel):
    article: str = Field(description="The article's `id`.")
    value: float = Field(description="The count it reports.")
    at: str = Field(description="When that count was reported (ISO 8601).")


class Claim(BaseModel):
    """One measure and every outlet's figure for it, with a verdict."""

    id: str = Field(description="Unique within the brief.")
    measure: str = Field(description="What is counted, in words.")
    verdict: Literal["agree", "differ", "conflict", "single"] = Field(
        description="single: one article; agree: one interval; differ: intervals that all "
        "meet; conflict: two figures that cannot both be true."
    )
    why: str = Field(description="The verdict explained in a sentence.")
    trend: list[TrendPoint] = Field(description="A count that changes over time, in order.")
    reports: list[Report] = Field(description="Each article's figure.")
    origins: list[str] = Field(description="The distinct origins behind the reports.")


class QuoteVariant(BaseModel):
    """One outlet's wording of an utterance."""

    article: str = Field(description="The article's `id`.")
    text: str = Field(description="The words, without quote marks.")
    start: int = Field(description=START)
    end: int = Field(description=END)
    speaker: str | None = Field(description="The speaker as this article names them.")
    fidelity: Literal["faithful", "changed"] = Field(
        description="faithful: the group's wording up to case, punctuation and spelling; "
        "changed: words differ."
    )
    kind: Literal["direct", "reported"] = Field(
        description="A quotation, or the same utterance in the outlet's own words."
    )
    diff: list[tuple[str, str]] = Field(
        description='Word steps from the group\'s wording: ["=", w] same, ["-", w] dropped, '
        '["+", w] added.'
    )


class QuoteGroup(BaseModel):
    """One utterance and every outlet's wording of it."""

    id: str = Field(description="Unique within the brief.")
    speaker: str | None = Field(description="The speaker's fullest name in the story, or null.")
    canonical: str = Field(description="The wording most outlets use.")
    note: str | None = Field(description="What a change does to the meaning, when it matters.")
    variants: list[QuoteVariant] = Field(description="Each outlet's wording.")


class TimelineEntry(BaseModel):
    """A dated event of the story."""

    date: str = Field(description="The day (ISO 8601).")
    time: str | None = Field(description="The time of day, when given (HH:MM).")
    text: str = Field(description="What happened, as an article says it.")
    inferred: bool = Field(description="True when the day was worked out from a relative date.")
    citations: list[Citation] = Field(description="The passages that report it.")


class Entity(BaseModel):
    """A person, organisation or place, its names merged across articles."""

    name: str = Field(description="The fullest name.")
    type: str = Field(description="PERSON, ORG, GPE, …")
    aliases: list[str] = Field(description="Other names for it in the story.")
    articles: list[str] = Field(description="The articles that mention it.")
    mentions: int = Field(description="How many times it is mentioned in all.")


class Unique(BaseModel):
    """A fact only one article reports."""

    text: str = Field(description="The passage.")
    start: int = Field(description=START)
    end: int = Field(description=END)
    why: str = Field(description="Why it counts as unique.")


class Coverage(BaseModel):
    article: str = Field(description="The article's `id`.")
    unique: list[Unique] = Field(description="What no other article of the story reports.")


class SummarySentence(BaseModel):
    text: str = Field(description="A sentence copied verbatim from an article.")
    citations: list[Citation] = Field(description="Every passage that states it.")


class Problem(BaseModel):
    """An input that could not be read."""

    origin: str = Field(description="The path or URL as given.")
    message: str = Field(description="What went wrong, in one line.")
    kind: Literal["unreadable", "not an article"] = Field(description="Which kind of problem.")


class Brief(BaseModel):
    """What newsweave tells about one story (schema `newsweave/brief@1`)."""

    schema_: Literal["newsweave/brief@1"] = Field(
        alias="schema", description="The contract's name and version."
    )
    story: StoryInfo = Field(description="The story's title and dates.")
    left_out: list[LeftOut] = Field(description="Inputs not in this brief, and why.")
    articles: list[Article] = Field(description="The articles briefed.")
    claims: list[Claim] = Field(description="Figures grouped by measure, with verdicts.")
    quotes: list[QuoteGroup] = Field(description="Utterances and each outlet's wording.")
    timeline: list[TimelineEntry] = Field(description="Dated events, oldest first.")
    entities: list[Entity] = Field(description="People, organisations and places.")
    coverage: list[Coverage] = Field(description="What only one article reports.")
    summary: list[SummarySentence] = Field(description="At most 8 cited sentences.")
    problems: list[Problem] = Field(description="Inputs that could not be read.")

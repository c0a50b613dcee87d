"""Frozen records passed between stages.

Every annotation is a ``Span`` over one article's cleaned ``text`` so that any line of a brief
can point back at the exact passage it came from (CONTRACT.md, "Offsets are the backbone").
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Literal
from urllib.parse import urlsplit

ArticleKind = Literal["article", "liveblog"]
Verdict = Literal["agree", "differ", "conflict", "single"]
Fidelity = Literal["faithful", "changed"]
AttributionKind = Literal["direct", "mixed", "indirect"]
MediaType = Literal["text/html", "text/plain", "text/markdown"]


@dataclass(frozen=True, slots=True)
class Span:
    """Half-open character range ``[start, end)`` over an article's cleaned text."""

    start: int
    end: int

    def of(self, text: str) -> str:
        return text[self.start : self.end]


@dataclass(frozen=True, slots=True)
class Hints:
    """Metadata that came with a document from its container (a JSON row, a feed item).

    Extraction prefers what the page itself says, and falls back on these.
    """

    url: str | None = None
    title: str | None = None
    published: str | None = None
    outlet: str | None = None
    # When an archive captured the page (WARC-Date): the page existed by then, so it stands in
    # for the publication date only when the page gives none, and is marked inferred.
    crawled: str | None = None


@dataclass(frozen=True, slots=True)
class RawDocument:
    """One input document as read: the bytes are kept so any stage can run again."""

    origin: str
    data: bytes
    text: str
    media_type: MediaType
    encoding: str
    hints: Hints = field(default_factory=Hints)


@dataclass(frozen=True, slots=True)
class Removed:
    """A block of page furniture taken out of the text, with why.

    ``at`` is the offset in the cleaned text where the block stood, so a reader can show it
    folded in place.
    """

    text: str
    reason: str
    at: int


@dataclass(frozen=True, slots=True)
class LiveEntry:
    """One timestamped entry of a live blog.

    ``stamp`` is the span of the time stamp as printed; ``span`` covers the whole entry
    (stamp, heading and body) in the cleaned text.
    """

    published: datetime | None
    stamp: Span
    span: Span


@dataclass(frozen=True, slots=True)
class OutletInfo:
    """What a registry says about an outlet: its name, where it is, who owns it, what kind.

    ``keys`` are the domains and names that identify it ("reuters.com", "Reuters"); ``kind``
    is free text such as "wire", "public broadcaster", "state-affiliated", "newspaper".
    """

    name: str
    keys: tuple[str, ...] = ()
    country: str | None = None
    owner: str | None = None
    kind: str | None = None


@dataclass(frozen=True, slots=True)
class Article:
    """A document's main text without page furniture, and what the page says about itself.

    The text opens with the headline (``headline`` is its span) when the page has one: figures
    and quotes in a headline are cited like any other passage.
    """

    origin: str
    text: str
    paragraphs: tuple[Span, ...]
    removed: tuple[Removed, ...] = ()
    title: str | None = None
    headline: Span | None = None
    # True when the page had no headline and the title was taken from its lead sentence.
    title_inferred: bool = False
    outlet: str | None = None
    # The outlet as the registry (``--outlets`` and the starter list) knows it, if it does.
    outlet_info: OutletInfo | None = None
    byline: str | None = None
    published: date | None = None
    updated: date | None = None
    published_inferred: bool = False
    url: str | None = None
    kind: ArticleKind = "article"
    entries: tuple[LiveEntry, ...] = ()

    def paragraph_texts(self) -> list[str]:
        return [p.of(self.text) for p in self.paragraphs]

    def outlet_label(self) -> str:
        """How every format names the article's source: the outlet, else the site's domain,
        else "unknown (FILE)", so a reader never takes a file name or headline for an outlet."""
        if self.outlet:
            return self.outlet
        try:
            host = urlsplit(self.url).hostname if self.url else None
        except ValueError:  # "http://[::1": no host to name
            host = None
        if host:
            return host.removeprefix("www.")
        name = self.origin.replace("\\", "/").rstrip("/").rsplit("/", 1)[-1]
        return f"unknown ({name})"


@dataclass(frozen=True, slots=True)
class Quantity:
    """A figure as written ("more than 40", "$50m", "a dozen") and the closed interval it means.

    ``span`` covers the whole expression, qualifier included; ``low``/``high`` are None where
    the interval is unbounded. ``unit`` is a normalised unit or currency code ("km", "%",
    "USD") and None for plain counts; ``why`` says how a qualifier shaped the interval.
    """

    span: Span
    text: str
    low: float | None
    high: float | None
    unit: str | None = None
    qualifier: str | None = None
    why: str | None = None


@dataclass(frozen=True, slots=True)
class Entity:
    """A named entity as spaCy tagged it (PERSON, ORG, GPE, NORP, LOC, DATE, …)."""

    span: Span
    label: str
    text: str


@dataclass(frozen=True, slots=True)
class Figure:
    """A quantity in its sentence: what it counts, the event it belongs to, and where.

    ``kind`` is the class of what is counted after synonyms are folded ("troops" for soldiers,
    troops and service members; a unit such as "min" for durations); ``event`` the class of
    the governing verb or noun ("killed", "wounded", "struck"), ``verb`` that word's lemma
    whatever its class; ``places`` the places the
    sentence puts it in ("in Jordan"); ``context`` the sentence's content lemmas, which tell
    one event's figures from another's; ``cumulative`` marks a running total ("165 attacks
    since October"), which is a different measure from one event's count.
    """

    quantity: Quantity
    sentence: Span
    noun: str | None
    kind: str | None
    event: str | None
    places: tuple[str, ...] = ()
    context: frozenset[str] = frozenset()
    cumulative: bool = False
    verb: str | None = None
    # Whose figure it is: the person an age belongs to ("Pell"), a possessor ("the Larkins").
    holder: str | None = None
    # Time frames the figure's clause names: years ("2015") or "this year", "last year".
    frame: tuple[str, ...] = ()
    # What is counted as written, modifiers kept: "state charges", "litres of fuel".
    phrase: str | None = None
    # Content lemmas of the words near the figure: its clause, roughly, in a long sentence.
    near: frozenset[str] = frozenset()
    # A change by the figure ("rose 19%", "fell by 5"), not a level reached ("rose to 19%").
    change: bool = False
    # A time before now ("died two years ago"): when something happened, not how long it lasted.
    ago: bool = False


@dataclass(frozen=True, slots=True)
class Quote:
    """Words an article puts in someone's mouth, and who it says spoke them.

    ``span`` covers the quoted words without the quote marks. ``speaker`` is the name as the
    article gives it, titles stripped ("Lloyd Austin", "US Central Command"), pronouns
    resolved; ``cue`` is the attributing word ("said", "told reporters", "headline").
    """

    span: Span
    text: str
    speaker: str | None = None
    speaker_span: Span | None = None
    cue: str | None = None
    partial: bool = False


@dataclass(frozen=True, slots=True)
class Attribution:
    """Who an article says said what: the content said, its source and the cue that tells.

    ``span`` covers the content (quote marks included for quoted words); ``kind`` is
    ``direct`` (one quotation, maybe split around its cue), ``mixed`` (quoted words inside the
    reporter's) or ``indirect`` (reported in the reporter's words). ``source`` is the speaker's
    fullest name in the article, or a description as printed ("a defense official");
    ``source_span`` the mention as written near the cue (a pronoun included), and ``named``
    whether the source is a name rather than a description; ``view`` marks a view the source is
    said to hold ("backs the plan"), read only when asked (``analyze/views.py``), not speech.
    """

    span: Span
    kind: AttributionKind
    source: str | None
    source_span: Span | None
    cue: str | None
    cue_span: Span | None = None
    named: bool = False
    view: bool = False


@dataclass(frozen=True, slots=True)
class AnnotatedArticle:
    """An article with the spans the analysis found in its text."""

    article: Article
    sentences: tuple[Span, ...]
    entities: tuple[Entity, ...]
    figures: tuple[Figure, ...]
    quotes: tuple[Quote, ...] = ()
    attributions: tuple[Attribution, ...] = ()


@dataclass(frozen=True, slots=True)
class Report:
    """One article's figure for a measure: where it stands and the interval it means."""

    article: str
    span: Span
    text: str
    low: float | None
    high: float | None
    unit: str | None = None
    # The origin the article gives for the figure ("US Central Command"), or None.
    source: str | None = None


@dataclass(frozen=True, slots=True)
class TrendPoint:
    """One figure of a count that changes over time, and when it was reported."""

    article: str
    value: float
    at: datetime | date


@dataclass(frozen=True, slots=True)
class Claim:
    """Every outlet's figure for one measure, and whether they can all be true (``why`` says).

    ``trend`` lists a count that rose between reports of different times ("16 (a1, 06:07) →
    18 (a3, 14:20)"); the verdict then compares only reports of about the same time.
    """

    id: str
    measure: str
    reports: tuple[Report, ...]
    verdict: Verdict
    why: str
    trend: tuple[TrendPoint, ...] = ()
    # The distinct sources behind the reports (``crosscheck/origins.py``).
    origins: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class WordDiff:
    """One step of a word-level difference from a group's canonical wording.

    ``op`` is "=" (same word), "-" (in the canonical wording, not in this one) or "+" (in this
    one only).
    """

    op: Literal["=", "-", "+"]
    word: str


@dataclass(frozen=True, slots=True)
class QuoteVariant:
    """One article's wording of an utterance: ``direct`` (quoted words) or ``reported`` (the
    same utterance in the outlet's own words, an indirect attribution)."""

    article: str
    span: Span
    text: str
    speaker: str | None
    fidelity: Fidelity
    diff: tuple[WordDiff, ...] = ()
    kind: Literal["direct", "reported"] = "direct"


@dataclass(frozen=True, slots=True)
class QuoteGroup:
    """One utterance, every outlet's wording of it; ``note`` calls out a change of meaning."""

    id: str
    speaker: str | None
    canonical: str
    variants: tuple[QuoteVariant, ...]
    note: str | None = None


@dataclass(frozen=True, slots=True)
class EntityGroup:
    """One person, organisation or place across the story, with every name it goes by."""

    name: str
    type: str
    aliases: tuple[str, ...]
    articles: tuple[str, ...]
    mentions: int = 0


@dataclass(frozen=True, slots=True)
class Unique:
    """A passage of one article that no other independent article of the story reports."""

    article: str
    span: Span
    text: str
    why: str = ""


@dataclass(frozen=True, slots=True)
class Citation:
    """A passage that supports a line of the brief."""

    article: str
    span: Span


@dataclass(frozen=True, slots=True)
class SummarySentence:
    """A sentence copied verbatim from an article, citing every article that carries it."""

    text: str
    citations: tuple[Citation, ...]


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    """A dated event of the story, citing the passages that date it."""

    date: date
    time: str | None
    text: str
    citations: tuple[Citation, ...]
    inferred: bool = False


@dataclass(frozen=True, slots=True)
class Problem:
    """A document that could not be read or extracted; the run goes on without it.

    ``kind`` tells a page that is not an article (a social-media embed, an archive notice)
    from one that could not be read at all.
    """

    origin: str
    message: str
    kind: Literal["unreadable", "not an article"] = "unreadable"

    def __str__(self) -> str:
        return f"{self.origin}: {self.message}"


@dataclass(frozen=True, slots=True)
class LeftOut:
    """An input the brief does not cover, and why: nothing the user gave is dropped in silence.

    ``story`` is the id of the story it tells instead ("s2"), None for a page that is not an
    article or could not be read.
    """

    origin: str
    title: str | None
    reason: str
    story: str | None = None


@dataclass(frozen=True, slots=True)
class Story:
    """One story as a brief tells it, so that every stage after clustering reads the same
    articles under the same ids: which are copies of which, and what was left out, with why.

    ``articles`` are in story order (``brief.story.story_order``), dated (an undated page takes
    the story's date once, when the story is formed: ``analyze.dates.infer_dates``), and
    ``ids[i]`` is the id citations give ``articles[i]`` ("a1", "a2", …). ``copies`` maps a
    syndicated copy's id to its original's. ``analysis`` holds each article's analysis, in the
    same order, once the analysis has run (empty before).
    """

    articles: tuple[Article, ...]
    ids: tuple[str, ...]
    copies: Mapping[str, str] = field(default_factory=dict)
    problems: tuple[Problem, ...] = ()
    left_out: tuple[LeftOut, ...] = ()
    analysis: tuple[AnnotatedArticle, ...] = ()

    def analysed(self) -> list[tuple[str, AnnotatedArticle]]:
        """Each article's id and analysis, in story order: what the cross-check and the brief
        read. A story not yet analysed has none to give, which is a bug in the caller."""
        if len(self.analysis) != len(self.articles):
            raise ValueError("the story's articles are not analysed yet")
        return list(zip(self.ids, self.analysis, strict=True))


@dataclass(frozen=True, slots=True)
class CrossCheck:
    """What the articles of one story say about the same things, as the brief shows it:
    claims with verdicts, quote groups, entities with their aliases, and each article's
    passages no other independent article reports (``coverage``, by article id)."""

    claims: tuple[Claim, ...] = ()
    quotes: tuple[QuoteGroup, ...] = ()
    entities: tuple[EntityGroup, ...] = ()
    coverage: tuple[tuple[str, tuple[Unique, ...]], ...] = ()


@dataclass(frozen=True, slots=True)
class BriefArticle:
    """An article as the brief lists it, under the id its citations use ("a1")."""

    id: str
    article: Article
    copy_of: str | None = None
    # Who the article says said what (CONTRACT.md, ``articles[].attributions``).
    attributions: tuple[Attribution, ...] = ()


@dataclass(frozen=True, slots=True)
class Brief:
    """What newsweave tells about one story (CONTRACT.md).

    Sections that later stages fill (claims, quotes, timeline, entities, coverage, summary)
    are added here as those stages land; the JSON renderer writes them as empty lists until then.
    """

    title: str | None
    first_published: date | None
    last_published: date | None
    articles: tuple[BriefArticle, ...]
    claims: tuple[Claim, ...] = ()
    quotes: tuple[QuoteGroup, ...] = ()
    entities: tuple[EntityGroup, ...] = ()
    coverage: tuple[tuple[str, tuple[Unique, ...]], ...] = ()
    timeline: tuple[TimelineEntry, ...] = ()
    summary: tuple[SummarySentence, ...] = ()
    problems: tuple[Problem, ...] = ()
    left_out: tuple[LeftOut, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """The brief as the JSON object ``newsweave brief --format json`` prints
        (docs/contract.md), built from plain lists, dicts, strings and numbers."""
        from newsweave.contract.encode import brief_dict  # the codec lives with the formats

        return brief_dict(self)

    def to_json(self, indent: int | None = 1) -> str:
        """``to_dict`` as JSON text, non-ASCII kept as written."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)


def day_of(value: date | None) -> date | None:
    """The calendar day of a date or date-time (a datetime is a date, but compares apart)."""
    return value.date() if isinstance(value, datetime) else value

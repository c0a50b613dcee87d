"""Every setting of a run in one tree: ``Options`` with a section per part of the flow.

One object is built once (the CLI builds it from flags, the library takes it as an argument)
and handed down; each stage reads its own section. Every field carries its help text in its
metadata, so the tree documents itself: ``help_texts()`` lists them all, the CLI and the docs
read them, and a test fails when one is missing.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Mapping
from dataclasses import MISSING, dataclass, field, fields, is_dataclass
from typing import Any, Literal, TypeVar

from newsweave.model import OutletInfo

MB = 1024 * 1024

EngineName = Literal["local", "dask"]


def _opt(default: Any, help: str) -> Any:
    """A field with its default and its help text."""
    return field(default=default, metadata={"help": help})


def _section(kind: type, help: str) -> Any:
    """A nested section, built fresh for each ``Options`` (a frozen record, shared safely)."""
    return field(default_factory=kind, metadata={"help": help})


@dataclass(frozen=True, slots=True)
class ReadOptions:
    """Reading inputs: files, folders, archives and JSON rows (``ingest/``)."""

    max_bytes: int = _opt(
        20 * MB, "Largest input file or row read, in bytes; bigger ones are refused with an error."
    )
    follow_symlinks: bool = _opt(
        False, "Follow symbolic links when walking folders (off: a link loop cannot hang a run)."
    )
    max_json_depth: int = _opt(
        64,
        "Deepest nesting of arrays and objects read in a JSON or JSON Lines input; a deeper "
        "document (or line) is refused with an error.",
    )


@dataclass(frozen=True, slots=True)
class FetchOptions:
    """Fetching pages and feeds over the network (``ingest/web.py``, ``service/watch.py``)."""

    timeout: float = _opt(
        10.0,
        "Seconds to wait for a server to connect or to send more of a page; a whole response "
        "may take at most six times this.",
    )
    max_redirects: int = _opt(
        5, "Redirects followed for one URL before it is refused (each hop is checked)."
    )
    retries: int = _opt(
        2, "Tries after the first when a fetch fails to connect or the server answers 5xx or 429."
    )
    backoff: float = _opt(
        1.0, "Seconds before the first retry; each further retry waits twice as long."
    )
    max_retry_wait: float = _opt(
        60.0, "Longest wait before a retry, in seconds, whatever a server's Retry-After asks."
    )
    host_interval: float = _opt(
        1.0, "Least time, in seconds, between two requests to the same host."
    )
    respect_robots: bool = _opt(True, "Honour each site's robots.txt (off: --ignore-robots).")
    allow_private: bool = _opt(
        False,
        "Fetch from private, loopback and link-local addresses too (off: a URL cannot make "
        "newsweave reach inside the network it runs in).",
    )
    allow_networks: tuple[str, ...] = _opt(
        (), "Networks (CIDR, e.g. 10.1.0.0/16) fetched from even when private."
    )
    user_agent: str | None = _opt(
        None, "User-Agent sent with every request; None sends newsweave/VERSION (+URL)."
    )
    revisit_hours: float = _opt(
        24.0,
        "watch fetches a feed item again each cycle while its article is younger than this "
        "many hours, to catch an outlet's edits (a new version when the text changed); 0 "
        "turns it off.",
    )


@dataclass(frozen=True, slots=True)
class ExtractOptions:
    """Turning a page into an article (``extract/``)."""

    min_paragraph_chars: int = _opt(
        1, "Paragraphs shorter than this (after trimming) are dropped as empty."
    )
    lead_paragraphs: int = _opt(
        3,
        "How many body paragraphs after the headline form the lead that the off-topic test "
        "compares the rest of the page with.",
    )
    html_favor_precision: bool = _opt(
        True, "Ask trafilatura to prefer precision over recall on HTML pages."
    )
    min_article_chars: int = _opt(
        40, "An extracted text shorter than this is reported as 'no article text'."
    )
    min_article_words: int = _opt(
        25,
        "A page with fewer words of text than this is refused as not an article (a stub, a "
        "teaser, an embed); it is listed as left out.",
    )
    outlets: tuple[OutletInfo, ...] = _opt(
        (),
        "Outlets a user's registry (--outlets FILE, CSV or JSON) names by domain or name, "
        "with country, owner and kind; they come before the built-in starter list.",
    )


@dataclass(frozen=True, slots=True)
class AnalysisOptions:
    """Bounds on what one article's analysis reads (``analyze/``), so no input can stall it."""

    max_paragraph_chars: int = _opt(
        10_000,
        "Longest piece of a paragraph analysed at once; a longer paragraph is cut at sentence "
        "ends (else at spaces) and analysed piece by piece, so one huge paragraph cannot "
        "exhaust memory.",
    )
    max_article_chars: int = _opt(
        300_000,
        "Characters of an article's text analysed (sentences, names, figures, quotes); the "
        "rest is kept and shown but not analysed.",
    )
    max_figures: int = _opt(
        1_000,
        "Figures of one article considered for claims, in text order; a table of thousands "
        "of numbers cannot make cross-checking crawl.",
    )
    views: bool = _opt(
        False,
        "Also attribute views, not only speech: what a source is said to back, condemn, want "
        "or believe ('Roe backs the plan', 'Roe thinks the vote will fail'), as attribution "
        "corpora such as PolNeAR count them. Off: only what a source is said to have said.",
    )


@dataclass(frozen=True, slots=True)
class Weights:
    """Weight of each part in the event score (they need not sum to 1: the score is a mean).

    Defaults: a logistic fit of same-event against different-event pairs within ECB+ topics
    (bench/RESULTS.md), rounded; names carry most, because two events of one kind differ
    mainly in who and where.
    """

    names: float = _opt(6.5, "Weight of the names two reports share.")
    terms: float = _opt(3.0, "Weight of the words two reports share (IDF-weighted).")
    lead: float = _opt(2.6, "Weight of the words their headlines and leads share.")
    vector: float = _opt(2.6, "Weight of the cosine of their headline-and-lead vectors.")
    years: float = _opt(0.7, "Weight of the years both mention.")


@dataclass(frozen=True, slots=True)
class StoryOptions:
    """Grouping articles into stories (``cluster/stories.py``)."""

    topic_threshold: float = _opt(
        0.55,
        "Cosine of headline-and-lead vectors at or above which two articles share a topic "
        "(stage 1, recall-oriented).",
    )
    event_threshold: float = _opt(
        0.05,
        "Event score that an article must reach with every member of a story to share it "
        "(stage 2, complete linkage).",
    )
    local_weight: float = _opt(
        0.7,
        "Share of the event score given to word overlap weighted by IDF counted inside the "
        "topic (the local stage); the rest is the collection-wide score.",
    )
    conflict_penalty: float = _opt(
        0.1,
        "Taken off the event score when each of two articles is mostly about a name the "
        "other never mentions.",
    )
    weights: Weights = _section(
        Weights, "Weight of names, words, lead, vector and years in the event score."
    )
    window_days: int = _opt(
        14,
        "Dated articles further apart than this never share a story; also how long an "
        "article stays in the neighbour index.",
    )
    neighbours: int = _opt(20, "Nearest recent articles looked up for each arrival.")
    max_topic_docs: int = _opt(
        200,
        "Most recent members of a topic regrouped on each arrival (bounds the cost of one "
        "arrival).",
    )
    embed_paragraphs: int = _opt(
        4,
        "Paragraphs after the headline whose text is embedded for the topic vector (up to 128 "
        "tokens); not extract.lead_paragraphs, which bounds the off-topic test's lead.",
    )
    name_candidates: int = _opt(
        50,
        "A name held by at most this many live articles proposes them as neighbours besides "
        "the index's (a name that common points at no one event).",
    )
    index_days: int = _opt(
        0,
        "Days of arrivals in one generation of the neighbour index (0: a window); shorter "
        "generations hold less memory and cost more searches.",
    )
    min_live: int = _opt(
        5_000,
        "Stories are frozen only while more articles than this are in working memory (a "
        "small collection stays whole, as the neighbour index keeps at least 5,000).",
    )


@dataclass(frozen=True, slots=True)
class CopyOptions:
    """Finding syndicated copies (``cluster/copies.py``); defaults measured on the example
    story and hand-checked pairs."""

    shingle_words: int = _opt(5, "Words in one shingle (a run of words compared as a unit).")
    min_containment: float = _opt(
        0.7,
        "Share of the shorter text's shingles found in the longer for the two to be a copy: "
        "a trimmed last paragraph or a rewritten sentence leaves a reprint well above this; "
        "two write-ups of one event share a few names and phrases, far below it.",
    )
    lsh_threshold: float = _opt(
        0.3,
        "Jaccard similarity at which MinHash LSH proposes a pair: below min_containment, so "
        "a reprint twice as long as its trimmed copy (Jaccard 0.5) is still found.",
    )
    permutations: int = _opt(128, "MinHash permutations (more: steadier estimates, slower).")
    min_shingles: int = _opt(
        20, "Texts with fewer shingles are too short to call a copy (a one-line brief)."
    )


@dataclass(frozen=True, slots=True)
class BatchOptions:
    """How a batch run (``batch/``) is cut up and where it runs: a task small enough that two
    workers finish within a task of each other, large enough that its overhead (a few
    milliseconds) is lost in its work (about a second)."""

    engine: EngineName = _opt("local", "Where tasks run: local processes or a Dask cluster.")
    workers: int | None = _opt(
        None, "Worker processes; None: one per CPU (local) or per CPU of a LocalCluster."
    )
    scheduler: str | None = _opt(
        None, "tcp://HOST:PORT of a running Dask scheduler (else a LocalCluster is started)."
    )
    chunk_docs: int = _opt(16, "Documents in one extraction task.")
    chunk_bytes: int = _opt(
        16 * MB,
        "Most bytes of documents in one extraction task (a bigger document is a task of its "
        "own), so huge pages are never extracted side by side.",
    )
    ahead: int = _opt(
        2,
        "Tasks handed to the engine ahead of the results, per worker: the inputs are read "
        "only this far ahead, so a big corpus is never all in memory as pending tasks.",
    )
    chunk_articles: int = _opt(16, "Articles, about, in one briefing task.")

    def worker_count(self) -> int:
        return self.workers if self.workers and self.workers > 0 else os.cpu_count() or 1


@dataclass(frozen=True, slots=True)
class WebOptions:
    """The web app and the store's search (``web/``, ``store/search.py``)."""

    max_query_words: int = _opt(
        32, "Words of a search query used; the rest are ignored (repeated words count once)."
    )


@dataclass(frozen=True, slots=True)
class Options:
    """Settings for a run, one section per part of the flow; ``Options()`` is the default."""

    read: ReadOptions = _section(ReadOptions, "Reading files, folders, archives and JSON.")
    fetch: FetchOptions = _section(FetchOptions, "Fetching pages and feeds.")
    extract: ExtractOptions = _section(ExtractOptions, "Turning a page into an article.")
    analysis: AnalysisOptions = _section(AnalysisOptions, "Bounds on one article's analysis.")
    stories: StoryOptions = _section(StoryOptions, "Grouping articles into stories.")
    copies: CopyOptions = _section(CopyOptions, "Finding syndicated copies.")
    batch: BatchOptions = _section(BatchOptions, "How a batch run is cut up and where it runs.")
    web: WebOptions = _section(WebOptions, "The web app and search.")


DEFAULT = Options()

T = TypeVar("T")


def updated(options: T, changes: Mapping[str, Any]) -> T:
    """``options`` with the settings named by dotted path changed: ``updated(DEFAULT,
    {"fetch.timeout": 5.0, "read.max_bytes": MB})``; a record of any level of the tree."""
    here: dict[str, Any] = {}
    nested: dict[str, dict[str, Any]] = {}
    for name, value in changes.items():
        head, _, rest = name.partition(".")
        if rest:
            nested.setdefault(head, {})[rest] = value
        else:
            here[head] = value
    for head, inner in nested.items():
        here[head] = updated(getattr(options, head), inner)
    return dataclasses.replace(options, **here)  # type: ignore[type-var]


def help_texts(kind: type = Options, prefix: str = "") -> dict[str, str]:
    """Every setting's dotted name ("fetch.timeout") and help text, sections included."""
    texts: dict[str, str] = {}
    for f in fields(kind):
        name = f"{prefix}{f.name}"
        texts[name] = f.metadata.get("help", "")
        nested = f.default_factory if f.default_factory is not MISSING else None
        if nested is not None and is_dataclass(nested):
            texts.update(help_texts(nested, f"{name}."))
    return texts


def undocumented() -> list[str]:
    """Settings without a help text (a test keeps this empty)."""
    return [name for name, text in help_texts().items() if not text.strip()]


HELP = help_texts()

"""One options object with documented defaults, instead of flags threaded through calls."""

from __future__ import annotations

from dataclasses import dataclass, fields

from newsweave.model import OutletInfo

MB = 1024 * 1024


@dataclass(frozen=True, slots=True)
class Options:
    """Settings for a run; every field has a help text in ``HELP``."""

    max_bytes: int = 20 * MB
    follow_symlinks: bool = False
    min_paragraph_chars: int = 1
    lead_paragraphs: int = 3
    html_favor_precision: bool = True
    min_article_chars: int = 40
    min_article_words: int = 25
    outlets: tuple[OutletInfo, ...] = ()
    fetch_timeout: float = 10.0
    max_redirects: int = 5
    fetch_retries: int = 2
    fetch_backoff: float = 1.0
    max_retry_wait: float = 60.0
    host_interval: float = 1.0
    respect_robots: bool = True
    allow_private: bool = False
    allow_networks: tuple[str, ...] = ()
    user_agent: str | None = None
    max_paragraph_chars: int = 10_000
    max_article_chars: int = 300_000
    max_figures: int = 1_000
    max_json_depth: int = 64
    max_query_words: int = 32
    revisit_hours: float = 24.0


HELP: dict[str, str] = {
    "revisit_hours": "watch fetches a feed item again each cycle while its article is younger "
    "than this many hours, to catch an outlet's edits (a new version when the text changed); "
    "0 turns it off.",
    "max_bytes": "Largest input file or row read, in bytes; bigger ones are refused with an error.",
    "follow_symlinks": "Follow symbolic links when walking folders "
    "(off: a link loop cannot hang a run).",
    "min_paragraph_chars": "Paragraphs shorter than this (after trimming) are dropped as empty.",
    "lead_paragraphs": "How many body paragraphs after the headline form the lead that the "
    "off-topic test compares the rest of the page with.",
    "html_favor_precision": "Ask trafilatura to prefer precision over recall on HTML pages.",
    "min_article_chars": "An extracted text shorter than this is reported as 'no article text'.",
    "outlets": "Outlets a user's registry (--outlets FILE, CSV or JSON) names by domain or "
    "name, with country, owner and kind; they come before the built-in starter list.",
    "min_article_words": "A page with fewer words of text than this is refused as not an "
    "article (a stub, a teaser, an embed); it is listed as left out.",
    "fetch_timeout": "Seconds to wait for a server to connect or to send more of a page; a whole "
    "response may take at most six times this.",
    "max_redirects": "Redirects followed for one URL before it is refused (each hop is checked).",
    "fetch_retries": "Tries after the first when a fetch fails to connect or the server answers "
    "5xx or 429.",
    "fetch_backoff": "Seconds before the first retry; each further retry waits twice as long.",
    "max_retry_wait": "Longest wait before a retry, in seconds, whatever a server's Retry-After "
    "asks.",
    "host_interval": "Least time, in seconds, between two requests to the same host.",
    "respect_robots": "Honour each site's robots.txt (off: --ignore-robots).",
    "allow_private": "Fetch from private, loopback and link-local addresses too (off: a URL "
    "cannot make newsweave reach inside the network it runs in).",
    "allow_networks": "Networks (CIDR, e.g. 10.1.0.0/16) fetched from even when private.",
    "user_agent": "User-Agent sent with every request; None sends newsweave/VERSION (+URL).",
    "max_paragraph_chars": "Longest piece of a paragraph analysed at once; a longer paragraph "
    "is cut at sentence ends (else at spaces) and analysed piece by piece, so one huge "
    "paragraph cannot exhaust memory.",
    "max_article_chars": "Characters of an article's text analysed (sentences, names, figures, "
    "quotes); the rest is kept and shown but not analysed.",
    "max_figures": "Figures of one article considered for claims, in text order; a table of "
    "thousands of numbers cannot make cross-checking crawl.",
    "max_json_depth": "Deepest nesting of arrays and objects read in a JSON or JSON Lines "
    "input; a deeper document (or line) is refused with an error.",
    "max_query_words": "Words of a search query used; the rest are ignored (repeated words "
    "count once).",
}

DEFAULT = Options()


def undocumented() -> list[str]:
    """Names of options that lack a help text (a test keeps this empty)."""
    return [f.name for f in fields(Options) if f.name not in HELP]

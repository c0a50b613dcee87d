"""Pages that are not news articles, refused at extraction with a one-line reason.

Scraped story folders hold pages that read fine but report nothing: a saved social-media
post with its widget text, a web archive's notice about a collection, a cookie or consent
wall, a "page not found", a stub with a line or two. Briefed, such a page becomes a "story" of
its own or fills a summary with widget text, so it is refused here and listed as left out.

Each rule needs two things: the page's own signal (its widget wording, its notice) and little
prose of its own besides; an article that embeds a post or mentions an archive has plenty.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from newsweave.extract.blocks import Block
from newsweave.text.stems import words

# Prose of its own (words outside the widget or notice lines) past which a page that carries
# an embed or a notice is an article that quotes one.
OWN_PROSE_WORDS = 150

# The text a social network's embed or saved post page prints around the post: Twitter's
# location prompt and embed code offer, Instagram's and Facebook's embed captions.
_SOCIAL = re.compile(
    r"\btweet with a location\b|\badd location information to your tweets\b|"
    r"\badd this tweet to your website\b|\bembed this tweet\b|\bview this post on instagram\b|"
    r"\ba post shared by\b|\bpic\.twitter\.com/|^\W*(retweets?|likes?|replies)\s+\d|"
    r"\byou can add location information\b|\bnew to twitter\?|\bsign up now to get your own "
    r"personalized timeline\b",
    re.IGNORECASE,
)
# A web archive's own words: a collection or capture notice rather than a report.
_ARCHIVE = re.compile(
    r"\bwayback machine\b|\binternet archive\b|\barchive-it\b|\bweb archiv(e|es|ing)\b|"
    r"\b(this|the) (page|site|website|collection) (is|was|has been) archived\b|"
    r"\bcollection of (press |news )?(articles|web ?pages|web ?sites|documents|captures)\b|"
    r"\barchived (on|from|snapshot|copy|version)\b",
    re.IGNORECASE,
)
# Error pages: the server's "not found" or "gone" told in words.
_NOT_FOUND = re.compile(
    r"\b(404|410)\b.{0,40}\b(not found|error|gone)\b|\bpage (was )?not found\b|"
    r"\bpage (you (requested|are looking for|were looking for) )?"
    r"(could not|cannot|can['’]t|does not|doesn['’]t) (be found|exist)\b|"
    r"\b(we|sorry,? we) (could not|cannot|can['’]t|couldn['’]t) find (that|the|this) page\b|"
    r"\bthis (page|article|story|content) (is no longer|has been removed|is not) available\b",
    re.IGNORECASE,
)
_COOKIE_REASONS = frozenset({"cookie notice"})


def not_an_article(
    blocks: Sequence[Block], title: str | None = None, min_words: int = 0
) -> str | None:
    """Why the page is not a news article, or None when it may be one.

    ``min_words``: fewer words than this in the whole kept text make a stub, not an article.
    """
    kept = [b.text for b in blocks if b.kept]
    total = sum(len(words(t)) for t in kept)
    head = " ".join(([title] if title else []) + kept[:3])
    if not kept and any(b.reason in _COOKIE_REASONS for b in blocks):
        return "a cookie or consent notice, not an article"
    if _NOT_FOUND.search(head) and total < OWN_PROSE_WORDS:
        return "an error page ('page not found'), not an article"
    social = [t for t in kept if _SOCIAL.search(t)]
    if social and _own_words(kept, _SOCIAL) < OWN_PROSE_WORDS:
        return "a social-media post or embed, not an article"
    if _ARCHIVE.search(head) and _own_words(kept, _ARCHIVE) < OWN_PROSE_WORDS:
        return "a web-archive notice, not an article"
    # The whole page counts here, furniture included: a page of many short lines (a list of
    # names) is the cleaner's business, only a page with little on it at all is a stub.
    on_page = sum(len(words(b.text)) for b in blocks)
    if on_page < min_words:
        return f"too little text to be an article ({on_page} words)"
    return None


def _own_words(kept: Sequence[str], marker: re.Pattern[str]) -> int:
    """Words of the paragraphs that do not carry the marker."""
    return sum(len(words(t)) for t in kept if not marker.search(t))

"""A cheap test that a set of articles is one story, before any model is loaded."""

from __future__ import annotations

from collections.abc import Sequence

from newsweave.model import Article
from newsweave.text.stems import content_stems

# Share of content words (Jaccard) over headline and lead that links two reports of one event;
# reports of different events in one town share names but rarely this many words.
LINK = 0.12
LEAD_PARAGRAPHS = 3


def _lead(a: Article) -> frozenset[str]:
    return frozenset(content_stems(" ".join(a.paragraph_texts()[:LEAD_PARAGRAPHS])))


def one_topic(articles: Sequence[Article]) -> bool:
    """Whether every article is linked to the others by shared lead words (single link)."""
    leads = [_lead(a) for a in articles]
    reached = {0}
    frontier = [0]
    while frontier:
        i = frontier.pop()
        for j in range(len(leads)):
            if j in reached:
                continue
            union = leads[i] | leads[j]
            if union and len(leads[i] & leads[j]) / len(union) >= LINK:
                reached.add(j)
                frontier.append(j)
    return len(reached) == len(articles)

"""Which of a brief's inputs tell its story: all of them, unless one is clearly about
something else.

A user who hands over five reports of one event expects five reports cross-checked, so the
streaming clusterer's strict event threshold (made to keep two earthquakes a week apart) is
not the last word for a brief: a background piece (the text of a law the story turns on, a
list of candidates) links weakly to the reports but still belongs. Here the clusterer's groups
are gathered back into the main story unless a group, and then each article, is *clearly*
about something else: it shares almost no names with the rest of the story and its
headline-and-lead vector points elsewhere.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from newsweave.cluster.features import Vector, article_features, lead_text
from newsweave.cluster.similarity import Collection, _dot, _unit, weigh
from newsweave.model import Article

Encode = Callable[[Sequence[str]], Vector]

# Belonging = overlap of IDF-weighted names + cosine of headline-and-lead vectors, each against
# the rest of the story. Reports of one event, background pieces included, score 0.4 and up
# on real clusters of scraped news; a report of another event that the scrape swept in (a
# fireworks accident beside a fireworks broadcast, an aid freeze beside a legal row in one
# administration) scores 0.25 or less. The line sits between, nearer the reports.
BELONG = 0.33
# ... or an article belongs this much less than the story's typical article does: a report of
# another event in the same town and outlet shares some names (the town, the council) and
# scores above the line, yet a third or less of what the story's own reports score.
RELATIVE = 0.35
# Fewer words than this (a tweet, a caption) are too little evidence to leave an article
# out; a paragraph of news is enough to tell its topic ...
MIN_EVIDENCE_WORDS = 30
# ... unless even so it shares next to nothing with the story (a short notice of a chess club
# beside a fire: no name in common, its meaning elsewhere).
SHORT_FLOOR = 0.2


@dataclass(frozen=True, slots=True)
class Profile:
    """A set of articles as the membership test sees it: names and a direction of meaning."""

    names: dict[str, float]
    vector: Vector


def belonging(a: Profile, b: Profile) -> float:
    """How much ``a`` belongs with ``b``: shared names plus the cosine of their vectors."""
    cosine = float(a.vector @ b.vector) if a.vector.size and b.vector.size else 0.0
    return _dot(a.names, b.names) + cosine


class Profiles:
    """Profiles of any subset of the inputs, with IDF counted over all of them."""

    def __init__(self, articles: Sequence[Article], encode: Encode) -> None:
        vectors = encode([lead_text(a) for a in articles])
        features = [article_features(a, v) for a, v in zip(articles, vectors, strict=True)]
        seen = Collection()
        for f in features:
            seen.count(f)
        self._names = [weigh(f, seen).names for f in features]
        self._vectors = vectors

    def of(self, members: Sequence[int]) -> Profile:
        names: dict[str, float] = {}
        for i in members:
            for n, w in self._names[i].items():
                names[n] = names.get(n, 0.0) + w
        total = np.sum([self._vectors[i] for i in members], axis=0)
        norm = float(np.linalg.norm(total))
        return Profile(_unit(names), (total / norm).astype(np.float32) if norm else total)


def gather(
    articles: Sequence[Article], groups: Sequence[Sequence[int]], encode: Encode
) -> list[list[int]]:
    """Stories as index lists, the brief's story first, gathered from the clusterer's groups.

    The main story is the largest group; between groups of one size, the one most linked to
    all the other inputs, then the one with more text (content, never file order). Other
    groups join it unless they are clearly about something else; then any article of it that
    is clearly about something else leaves it, and stands as a story of its own.
    """
    if len(articles) <= 1:
        return [list(range(len(articles)))]
    profiles = Profiles(articles, encode)
    ranked = _ranked(articles, groups, profiles)
    main, others = ranked[0], ranked[1:]
    main = _join(articles, main, others, profiles)
    strays = _strays(articles, main, profiles)
    rest = sorted(others + strays, key=lambda g: (-len(g), min(g)))
    return [main, *rest]


def _words(articles: Sequence[Article], group: Sequence[int]) -> int:
    return sum(len(articles[i].text.split()) for i in group)


def _ranked(
    articles: Sequence[Article], groups: Sequence[Sequence[int]], profiles: Profiles
) -> list[list[int]]:
    """The non-empty groups, the main story's candidate first: larger, then more linked to
    the other inputs, then longer; the lowest index only breaks a full tie."""
    everyone = list(range(len(articles)))

    def centrality(group: Sequence[int]) -> float:
        rest = [i for i in everyone if i not in group]
        return belonging(profiles.of(group), profiles.of(rest)) if rest else 0.0

    return sorted(
        (list(g) for g in groups if g),
        key=lambda g: (-len(g), -centrality(g), -_words(articles, g), min(g)),
    )


def _join(
    articles: Sequence[Article], main: list[int], others: list[list[int]], profiles: Profiles
) -> list[int]:
    """The main story with every other group that is not clearly elsewhere joined to it;
    the groups joined are taken out of ``others``."""
    # A group with too little text to judge joins the story: it is not clearly elsewhere,
    # unless it shares next to nothing with it.
    for g in [g for g in others if _words(articles, g) < MIN_EVIDENCE_WORDS]:
        if belonging(profiles.of(g), profiles.of(main)) < SHORT_FLOOR:
            continue
        main = sorted(main + g)
        others.remove(g)
    while others:
        target = profiles.of(main)
        best = max(others, key=lambda g: belonging(profiles.of(g), target))
        if belonging(profiles.of(best), target) < BELONG:
            break
        main = sorted(main + best)
        others.remove(best)
    return main


def _strays(articles: Sequence[Article], main: list[int], profiles: Profiles) -> list[list[int]]:
    """The articles of the main story that are clearly about something else, worst first,
    each as a story of its own; they are taken out of ``main``."""
    strays: list[list[int]] = []
    while len(main) > 2:
        scores = {
            i: belonging(profiles.of([i]), profiles.of([j for j in main if j != i])) for i in main
        }
        values = sorted(scores.values())
        typical = values[len(values) // 2]
        # An article leaves when it belongs far less than the story's typical one does, or
        # under the absolute line; one with too little text to judge (a list of names the
        # cleaner cut down, a tweet) leaves only under the lower floor.
        leaving = [
            i
            for i, v in scores.items()
            if (v < BELONG or v < RELATIVE * typical)
            if len(articles[i].text.split()) >= MIN_EVIDENCE_WORDS or v < SHORT_FLOOR
        ]
        if not leaving:
            break
        worst = min(leaving, key=lambda i: (scores[i], i))
        main.remove(worst)
        strays.append([worst])
    return strays

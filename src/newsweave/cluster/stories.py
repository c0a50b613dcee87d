"""Stories: articles about one event, grouped as they arrive.

Two stages, because similar but distinct events (two earthquakes a week apart, two rehab
stays) share a topic's vocabulary and differ only in who, where and when:

1. **Topic.** An arrival is linked to every recent article whose headline-and-lead vector is
   close (an approximate-nearest-neighbour search, ``ann.py``); linked articles share a topic
   (single link, kept in a union-find). Topics are recall-oriented and small.
2. **Event.** Inside the arrival's topic, the recent members are regrouped by complete linkage
   on the event score (``similarity.py``: names, words, lead, vector, years, key-name
   conflict): a report joins a story only if it is close to *every* report in it, which is
   what keeps the second earthquake out of the first one's story.

Each arrival costs one index search plus a regrouping of its own topic's recent members, so
a running service never re-clusters the collection. Story ids stay stable across regroupings:
a regrouped story keeps the id of the old story it overlaps most.
"""

from __future__ import annotations

import dataclasses
import heapq
import itertools
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

import numpy as np

from newsweave.cluster.ann import RecentIndex
from newsweave.cluster.archive import Archive, FrozenDoc, MemoryArchive
from newsweave.cluster.features import DocFeatures, Vector, article_features, lead_text
from newsweave.cluster.linkage import complete_linkage
from newsweave.cluster.local import Floats, Ids, Vocabulary, local_similarity
from newsweave.cluster.prefetch import with_neighbours
from newsweave.cluster.similarity import Collection, Weighted, event_score, weigh
from newsweave.model import Article, day_of
from newsweave.options import DEFAULT, StoryOptions

Encode = Callable[[Sequence[str]], Vector]

# Weigh an article again once the collection has grown by this factor since it was weighed.
_REWEIGH = 2.0


@dataclass(frozen=True, slots=True)
class Cluster:
    """One event's articles as the clusterer groups them: their indexes in the input, in
    arrival order (``model.Story`` is the story a brief is written of, formed from these)."""

    id: str
    title: str | None
    members: tuple[int, ...]


@dataclass(slots=True)
class _Doc:
    index: int
    day: date | None
    features: DocFeatures
    weighted: Weighted
    weighed_at: int
    terms: tuple[Ids, Floats]
    topic: int  # the topic it started or was thawed into; ``_topic_of`` follows merges
    story: str = ""
    retired: bool = False  # a window older than a dated arrival of its topic
    version: int = 0


class StoryClusterer:
    """Incremental story clustering: ``add`` one article at a time, read ``stories()``.

    ``encode`` turns texts into unit vectors (default: the packaged MiniLM model, loaded on
    first use); pass precomputed features to ``add_features`` to skip it. Articles a window
    older than the newest arrival are frozen into ``archive`` (default: kept in memory), so a
    story whose newest article is that old is frozen whole, and thawed when a late or undated
    arrival comes close to one of its articles: working memory holds about a window of news
    however long the stream runs.
    """

    def __init__(
        self,
        options: StoryOptions = DEFAULT.stories,
        encode: Encode | None = None,
        archive: Archive | None = None,
    ):
        self.options = options
        self._encode = encode
        self._archive: Archive = archive if archive is not None else MemoryArchive()
        self._arrived = 0
        self._docs: dict[int, _Doc] = {}  # live articles by arrival number
        self._seen = Collection(window_days=options.window_days)
        self._rolls = 0
        self._vocabulary = Vocabulary()
        self._index: RecentIndex | None = None
        self._next_topic = 0
        # Topics merged into another, and into which (a union-find over topic ids, flattened
        # whenever stories freeze); each live topic's members, without the retired ones.
        self._merged: dict[int, int] = {}
        self._topic_members: dict[int, list[int]] = {}
        self._story_members: dict[str, set[int]] = {}
        # Per topic: the members, their weighing versions and their event-score matrix.
        self._matrices: dict[int, tuple[list[int], list[int], Floats]] = {}
        self._next_story = 1
        # The newest dated arrival; live dated articles by day (a heap of those days, so the
        # articles to freeze are found without a scan).
        self._clock: date | None = None
        self._live_by_day: dict[date, list[int]] = {}
        self._live_days: list[date] = []
        # Live articles with a vector, by each name they hold: candidates the neighbour index
        # may miss (a graph index loses recall as it grows; a rare shared name does not).
        self._by_name: dict[str, list[int]] = {}

    def __len__(self) -> int:
        return self._arrived

    def add(self, article: Article, vector: Vector | None = None) -> str:
        """Cluster one article (in publication order); the id of the story it joined."""
        if vector is None:
            text = lead_text(article, self.options.embed_paragraphs)
            vector = self._encoder()([text])[0]
        return self.add_features(article_features(article, vector))

    def add_features(self, doc: DocFeatures) -> str:
        """Cluster one article given as features (vectors given, e.g. by a batch encoder)."""
        found = self._neighbours(doc.vector) if doc.vector.size else []
        index = self._arrive(doc, found)
        if doc.vector.size:
            self._index_of(doc.vector.size).add(index, doc.vector, day_of(doc.day))
        return self.story_of(index)

    def add_many(self, docs: Iterable[DocFeatures], block_size: int = 256) -> list[str]:
        """Cluster a stream of arrivals: the story id each joined (as ``add_features`` one
        by one would; later arrivals may move them on, as ever).

        The neighbour index is searched a block ahead on a second thread (``prefetch.py``),
        so on two cores the search costs the stream almost nothing.
        """
        stream = iter(docs)
        first = next(stream, None)
        if first is None:
            return []
        joined: list[str] = []
        if first.vector.size:
            index = self._index_of(first.vector.size)
            found = with_neighbours(
                itertools.chain([first], stream),
                self._arrived,
                index,
                self.options.neighbours,
                self.options.topic_threshold,
                block_size,
            )
            for doc, hits in found:
                joined.append(self.story_of(self._arrive(doc, hits)))
        else:
            joined.append(self.add_features(first))
            joined.extend(self.add_features(doc) for doc in stream)
        return joined

    def _arrive(self, doc: DocFeatures, found: list[tuple[int, float]]) -> int:
        """Take in one arrival whose nearest earlier articles are ``found``; its index."""
        self._seen.count(doc)
        if self._seen.rolls != self._rolls:
            self._rolls = self._seen.rolls
            self._vocabulary.roll()
        index = self._arrived
        self._arrived += 1
        day = day_of(doc.day)
        late = day is None or (self._clock is not None and day < self._clock)
        if day is not None and not late:
            self._clock = day
            self._freeze_due()
        thawed = self._thaw(doc, day) if late and doc.vector.size else []
        links = self._candidates(doc, day, found, thawed)
        kept = _compact(doc)
        weighted = weigh(kept, self._seen)
        terms = self._vocabulary.encode(kept.terms)
        topic = self._new_topic([index])
        self._docs[index] = _Doc(index, day, kept, weighted, self._seen.docs, terms, topic)
        self._note_day(index, day)
        for other, cosine in links:
            if cosine >= self.options.topic_threshold:
                self._union(index, other)
        self._post_names(index, kept)
        self._regroup(self._topic_of(index), index)
        if late:
            self._freeze_due()  # what it thawed, and itself if it is a window old
        return index

    def stories(self) -> list[Cluster]:
        """Every story so far, live and frozen, largest first (ties: earliest first member)."""
        parts = {p.id: p for p in self._archive.stories()}
        stories: list[Cluster] = []
        for story_id, live in self._story_members.items():
            part = parts.pop(story_id, None)
            members = sorted(live) if part is None else sorted([*live, *part.members])
            titled = [t for t in (self._first_title(live), part and part.first_title) if t]
            stories.append(Cluster(story_id, min(titled)[1] if titled else None, tuple(members)))
        for part in parts.values():
            title = part.first_title[1] if part.first_title else None
            stories.append(Cluster(part.id, title, part.members))
        stories.sort(key=lambda s: (-len(s.members), s.members[0]))
        return stories

    def story_of(self, index: int) -> str:
        doc = self._docs.get(index)
        if doc is not None:
            return doc.story
        frozen = self._archive.story_of(index)
        if frozen is None:
            raise KeyError(f"no article {index} has arrived")
        return frozen

    def live(self) -> int:
        """Articles in working memory (the rest are frozen in the archive)."""
        return len(self._docs)

    # -- stage 1: topics ---------------------------------------------------------------------

    def _neighbours(self, vector: Vector) -> list[tuple[int, float]]:
        if self._index is None:
            return []
        return self._index.search(vector, self.options.neighbours, self.options.topic_threshold)

    def _index_of(self, dimension: int) -> RecentIndex:
        if self._index is None:
            self._index = RecentIndex(
                dimension, self.options.window_days, span_days=self.options.index_days or None
            )
        return self._index

    def _candidates(
        self,
        doc: DocFeatures,
        day: date | None,
        found: list[tuple[int, float]],
        thawed: list[int],
    ) -> list[tuple[int, float]]:
        """The live articles in the window that the arrival may share a topic with: the
        index's hits, articles sharing a rare name, and what a late arrival thawed; the
        ``neighbours`` best by cosine."""
        if not doc.vector.size:
            return []
        docs = self._docs
        rare = self.options.name_candidates
        ids = {i for i, _ in found}
        for name in doc.names:
            posted = self._by_name.get(name, ())
            if len(posted) <= rare:
                ids.update(posted)
        ids.update(thawed)
        near = sorted(i for i in ids if i in docs and self._in_window(i, day))
        if not near:
            return []
        # Cosines computed here for all: the index's are approximate, the names' are none.
        stacked = np.stack([docs[i].features.vector for i in near]).astype(np.float32)
        cosines = (stacked @ doc.vector.astype(np.float32, copy=False)).tolist()
        best = sorted(zip(near, cosines, strict=True), key=lambda pair: (-pair[1], pair[0]))
        return best[: self.options.neighbours]

    def _post_names(self, index: int, doc: DocFeatures) -> None:
        if doc.vector.size:
            for name in doc.names:
                self._by_name.setdefault(name, []).append(index)

    def _new_topic(self, members: list[int]) -> int:
        topic = self._next_topic
        self._next_topic += 1
        self._topic_members[topic] = members
        for member in members:
            if member in self._docs:
                self._docs[member].topic = topic
        return topic

    def _topic_of(self, member: int) -> int:
        topic = self._docs[member].topic
        merged = self._merged
        while topic in merged:
            up = merged[topic]
            if up in merged:
                merged[topic] = merged[up]  # path halving
            topic = up
        return topic

    def _union(self, a: int, b: int) -> None:
        ta, tb = self._topic_of(a), self._topic_of(b)
        if ta == tb:
            return
        # The older topic stays, so topic ids do not depend on lookup order.
        root, child = min(ta, tb), max(ta, tb)
        self._merged[child] = root
        self._matrices.pop(child, None)
        moved = self._topic_members.pop(child, [])
        self._topic_members[root] = sorted(moved + self._topic_members.get(root, []))

    # -- stage 2: events ---------------------------------------------------------------------

    def _regroup(self, topic: int, arrival: int) -> None:
        """Complete linkage over the topic's recent members; stable story ids by overlap."""
        day = self._docs[arrival].day
        members = [m for m in self._topic_members[topic] if self._in_window(m, day)]
        if day is not None and len(members) < len(self._topic_members[topic]):
            self._retire(topic, set(members))
        members = members[-self.options.max_topic_docs :]
        if arrival not in members:
            members.append(arrival)
        labels = self._complete_linkage(members)
        groups: dict[int, list[int]] = {}
        for member, label in zip(members, labels, strict=True):
            groups.setdefault(label, []).append(member)
        self._assign_ids(sorted(groups.values(), key=lambda g: (-len(g), g[0])))

    def _retire(self, topic: int, keep: set[int]) -> None:
        """Take out of the topic the dated members a window older than a dated arrival:
        arrivals come in publication order, so no later one can join them; they keep their
        story (and stay in memory until it freezes)."""
        retired = [m for m in self._topic_members[topic] if m not in keep]
        self._topic_members[topic] = [m for m in self._topic_members[topic] if m in keep]
        for member in retired:
            self._docs[member].retired = True

    def _complete_linkage(self, members: list[int]) -> list[int]:
        n = len(members)
        if n == 1:
            return [0]
        similarity = self._score_matrix(members).copy()
        with_terms = np.array([self._docs[m].terms[0].size > 0 for m in members])
        if with_terms.sum() > 1:
            # The local stage: word overlap with IDF counted inside the topic, for the
            # members that have words (vectors-and-names-only input has none).
            rows = np.flatnonzero(with_terms)
            local = local_similarity([self._docs[members[r]].terms for r in rows])
            block = np.ix_(rows, rows)
            share = self.options.local_weight
            similarity[block] = (1.0 - share) * similarity[block] + share * local
        return complete_linkage(similarity, self.options.event_threshold)

    def _score_matrix(self, members: list[int]) -> Floats:
        """Event scores of every pair of members, reusing the last matrix of this topic.

        Between two arrivals a topic changes by one member (or a merge, or retirements), so
        only the rows of members the last matrix lacks, or that were weighed again since,
        are scored; the rest is copied.
        """
        versions = [self._weighed(m).version for m in members]
        topic = self._topic_of(members[-1])
        old_members, old_versions, old_matrix = self._matrices.get(topic, ([], [], None))
        position = {m: i for i, m in enumerate(old_members)}
        n = len(members)
        matrix = np.zeros((n, n), dtype=np.float64)
        kept = [
            i
            for i, m in enumerate(members)
            if m in position and old_versions[position[m]] == versions[i]
        ]
        if kept and old_matrix is not None:
            rows = [position[members[i]] for i in kept]
            matrix[np.ix_(kept, kept)] = old_matrix[np.ix_(rows, rows)]
        kept_set = set(kept)
        for i in range(n):
            if i not in kept_set:
                self._score_row(members, i, matrix)
        self._matrices[topic] = (members, versions, matrix)
        return matrix

    def _score_row(self, members: list[int], i: int, matrix: Floats) -> None:
        """Fill row and column ``i``: the vector cosines in one product, the rest per pair."""
        docs = self._docs
        mine = docs[members[i]].weighted
        cosines: list[float | None] = [None] * len(members)
        if mine.vector.size:
            with_vectors = [j for j, m in enumerate(members) if docs[m].weighted.vector.size]
            stacked = np.stack([docs[members[j]].weighted.vector for j in with_vectors])
            # einsum, not BLAS: a product this small costs less than waking BLAS threads;
            # in float32, as float16 would add up the products too coarsely.
            products = np.einsum(
                "ij,j->i", stacked.astype(np.float32), mine.vector.astype(np.float32)
            ).tolist()
            for j, value in zip(with_vectors, products, strict=True):
                cosines[j] = value
        for j, member in enumerate(members):
            if j != i:
                score = self._score(members[i], member, cosines[j])
                matrix[i, j] = matrix[j, i] = score

    def _score(self, a: int, b: int, cosine: float | None = None) -> float:
        """Event score of two members. Not cached per pair: the topic's matrix already keeps
        the scores between arrivals, and a cache per pair found only 17% of them on the
        synthetic stream (after topics merged) for about 500 bytes an article."""
        options = self.options
        return event_score(
            self._weighed(a).weighted,
            self._weighed(b).weighted,
            options.weights,
            options.conflict_penalty,
            cosine,
        )

    def _weighed(self, member: int) -> _Doc:
        """The member with IDF weights counted on at least 1/_REWEIGH of the collection.

        IDF counted when an early article arrived rests on a handful of articles; weighing
        again each time the collection has grown by a fixed factor costs each article
        O(log n) re-weighings and keeps every score close to one on the whole collection.
        """
        doc = self._docs[member]
        if self._seen.docs >= _REWEIGH * doc.weighed_at:
            doc.weighted = weigh(doc.features, self._seen)
            doc.weighed_at = self._seen.docs
            doc.version += 1
        return doc

    def _assign_ids(self, groups: list[list[int]]) -> None:
        """Each regrouped story takes the old id it overlaps most, else a new one."""
        taken: set[str] = set()
        for group in groups:
            overlap: dict[str, int] = {}
            for member in group:
                old = self._docs[member].story
                if old and old not in taken:
                    overlap[old] = overlap.get(old, 0) + 1
            if overlap:
                story_id = min(overlap, key=lambda s: (-overlap[s], _id_order(s)))
            else:
                story_id = f"s{self._next_story}"
                self._next_story += 1
            taken.add(story_id)
            for member in group:
                self._move(member, story_id)

    def _move(self, member: int, story_id: str) -> None:
        doc = self._docs[member]
        if doc.story == story_id:
            return
        if doc.story:
            self._leave(member, doc.story)
        doc.story = story_id
        self._story_members.setdefault(story_id, set()).add(member)

    def _leave(self, member: int, story_id: str) -> None:
        left = self._story_members[story_id]
        left.discard(member)
        if not left:
            del self._story_members[story_id]

    # -- the window: freezing and thawing ----------------------------------------------------

    def _note_day(self, index: int, day: date | None) -> None:
        if day is None:
            return  # undated: no arrival is ever a window away from it
        if day not in self._live_by_day:
            self._live_by_day[day] = []
            heapq.heappush(self._live_days, day)
        self._live_by_day[day].append(index)

    def _freeze_due(self) -> None:
        """Freeze every live article a window older than the clock, by story."""
        if self._clock is None or len(self._docs) <= self.options.min_live:
            return
        cutoff = self._clock - timedelta(days=self.options.window_days)
        due: list[int] = []
        while self._live_days and self._live_days[0] < cutoff:
            day = heapq.heappop(self._live_days)
            due.extend(self._live_by_day.pop(day, ()))
        due = [i for i in due if i in self._docs]
        if not due:
            return
        by_story: dict[str, list[int]] = {}
        for index in sorted(due):
            by_story.setdefault(self._docs[index].story, []).append(index)
        names: set[str] = set()
        for story_id in sorted(by_story, key=_id_order):
            names.update(self._freeze(story_id, by_story[story_id]))
        for name in names:  # drop frozen articles from the name lists they were on
            posted = [i for i in self._by_name.get(name, ()) if i in self._docs]
            if posted:
                self._by_name[name] = posted
            else:
                self._by_name.pop(name, None)
        for doc in self._docs.values():  # flatten the merges: no frozen topic stays in them
            doc.topic = self._topic_of(doc.index)
        self._merged.clear()

    def _freeze(self, story_id: str, members: list[int]) -> set[str]:
        """Move a story's articles out of working memory into the archive; their names."""
        gone: dict[int, set[int]] = {}
        frozen: list[FrozenDoc] = []
        names: set[str] = set()
        for member in members:
            if not self._docs[member].retired:
                gone.setdefault(self._topic_of(member), set()).add(member)
            doc = self._docs.pop(member)
            self._leave(member, story_id)
            frozen.append(FrozenDoc(member, doc.features))
            names.update(doc.features.names)
        for topic, out in gone.items():
            left = [m for m in self._topic_members.get(topic, ()) if m not in out]
            if left:
                self._topic_members[topic] = left
            else:
                self._topic_members.pop(topic, None)
                self._matrices.pop(topic, None)
        self._archive.freeze(story_id, frozen)
        return names

    def _thaw(self, doc: DocFeatures, day: date | None) -> list[int]:
        """Bring back the frozen stories a late or undated arrival comes close to; the
        arrival numbers of their articles (each story's back as one topic, in its story)."""
        stories = self._archive.thaw(
            day, self.options.window_days, doc.vector, self.options.topic_threshold
        )
        back: list[int] = []
        for story in stories:
            members = sorted(d.index for d in story.docs)
            for kept in story.docs:
                features = _compact(kept.features)
                kept_day = day_of(features.day)
                self._docs[kept.index] = _Doc(
                    kept.index,
                    kept_day,
                    features,
                    weigh(features, self._seen),
                    self._seen.docs,
                    self._vocabulary.encode(features.terms),
                    -1,  # ``_new_topic`` below
                )
                self._note_day(kept.index, kept_day)
                self._post_names(kept.index, features)
            self._new_topic(members)
            for member in members:
                self._move(member, story.id)
            back.extend(members)
        return back

    # -- helpers -----------------------------------------------------------------------------

    def _in_window(self, member: int, day: date | None) -> bool:
        other = self._docs[member].day
        if day is None or other is None:
            return True  # Undated: no time evidence either way.
        return abs((day - other).days) <= self.options.window_days

    def _first_title(self, members: Iterable[int]) -> tuple[int, str] | None:
        """The earliest-arrived live member that has a headline, with it."""
        for member in sorted(members):
            title = self._docs[member].features.title
            if title:
                return member, title
        return None

    def _encoder(self) -> Encode:
        if self._encode is None:
            from newsweave.cluster.embed import encoder  # lazy: loads the model

            self._encode = encoder().encode
        return self._encode


def publication_order(articles: Sequence[Article]) -> list[int]:
    """Indices in the order articles arrive: dated ones by date, then the undated, each in
    input order (a stable sort, so equal dates keep their input order)."""
    dated = [i for i, a in enumerate(articles) if a.published is not None]
    undated = [i for i, a in enumerate(articles) if a.published is None]
    dated.sort(key=lambda i: _sort_key(articles[i].published))
    return dated + undated


def cluster_stories(
    articles: Sequence[Article],
    options: StoryOptions = DEFAULT.stories,
    encode: Encode | None = None,
) -> list[Cluster]:
    """Stories of ``articles`` (indices into it), largest first; streamed in publication order."""
    order = publication_order(articles)
    if encode is None:
        from newsweave.cluster.embed import encoder  # lazy: loads the model

        encode = encoder().encode
    vectors = encode([lead_text(articles[i], options.embed_paragraphs) for i in order])
    clusterer = StoryClusterer(options, encode)
    clusterer.add_many(article_features(articles[i], vectors[row]) for row, i in enumerate(order))
    # The clusterer numbers articles by arrival; map back to input indices.
    stories = [
        Cluster(s.id, s.title, tuple(sorted(order[m] for m in s.members)))
        for s in clusterer.stories()
    ]
    stories.sort(key=lambda s: (-len(s.members), s.members[0]))
    return stories


def stories_dict(stories: Sequence[Cluster], articles: Sequence[Article]) -> dict[str, Any]:
    """``{"stories": [{"id", "title", "articles": [{"id", "origin"}]}]}``; article ids are
    "a1", "a2", … in input order."""
    return {
        "stories": [
            {
                "id": story.id,
                "title": story.title,
                "articles": [
                    {"id": f"a{i + 1}", "origin": articles[i].origin} for i in story.members
                ],
            }
            for story in stories
        ]
    }


def _sort_key(value: date | None) -> tuple[date, int]:
    day = day_of(value) or date.min
    seconds = 0
    if isinstance(value, datetime):
        seconds = value.hour * 3600 + value.minute * 60 + value.second
    return day, seconds


def _compact(doc: DocFeatures) -> DocFeatures:
    """The features as working memory keeps them: the vector in float16, half the bytes of
    what is most of an article's footprint (cosines move by about 1e-3; every product is
    taken in float32)."""
    if not doc.vector.size or doc.vector.dtype == np.float16:
        return doc
    return dataclasses.replace(doc, vector=doc.vector.astype(np.float16))


def _id_order(story_id: str) -> int:
    return int(story_id[1:]) if story_id[1:].isdigit() else 0

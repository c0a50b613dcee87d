"""The story's timeline: dated events, the same event from several outlets merged into one.

A sentence is an event of the day its date expression names ("last Sunday", "on 7 October",
"until at least Monday" ahead of publication, "March 30, 2012" in an undated article);
a live-blog entry's heading is an event of its time stamp. Sentences of one day that share
enough content words are one event, citing every passage that dates it; the entry shows the
most central of them.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime

from newsweave.analyze.dates import resolve
from newsweave.model import AnnotatedArticle, Citation, Span, Story, TimelineEntry
from newsweave.text.stems import content_stems

# An embedded post's signature before a date ("— Jane Roe (@janeroe) July 5, 2016"): the day
# it was posted, not an event of the story.
_POSTED = re.compile(r"\(@\w{1,15}\)\s*$")
# Two sentences of one day are one event when this share of their content words is common.
SAME_EVENT = 0.2
# Events kept per day, most widely reported first.
PER_DAY = 4
# Sentences longer than this are rarely a readable timeline line; shorter ones are preferred.
LONG_WORDS = 45


@dataclass(frozen=True, slots=True)
class _Candidate:
    day: date
    time: str | None
    article: str
    span: Span
    text: str
    stems: frozenset[str]
    inferred: bool
    dates: int = 1


def _quoted(text: str, at: int) -> bool:
    """Whether position ``at`` lies inside a quotation (an odd number of marks before it)."""
    before = text[:at]
    opened = before.count("“") - before.count("”")
    return opened > 0 or before.count('"') % 2 == 1


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a | b else 0.0


def candidates(aid: str, ann: AnnotatedArticle) -> list[_Candidate]:
    """Every dated sentence and live-blog entry heading of one article."""
    a = ann.article
    out: list[_Candidate] = []
    stamps = [e.stamp for e in a.entries]
    # Without a publication date only full dates with their year are read ("March 30, 2012"):
    # they need nothing to resolve against.
    for s in ann.sentences:
        if any(st.start <= s.start < st.end for st in stamps):
            continue
        text = a.text[s.start : s.end]
        # A date inside quotation marks is the speaker's, relative to when they spoke.
        days = {
            r.day
            for r in resolve(text, a.published)
            if not _quoted(text, r.span.start) and not _POSTED.search(text, 0, r.span.start)
        }
        if days:
            for day in sorted(days):
                out.append(
                    _Candidate(
                        day,
                        None,
                        aid,
                        s,
                        text,
                        frozenset(content_stems(text)),
                        a.published_inferred,
                        len(days),
                    )
                )
    for e in a.entries:
        if not isinstance(e.published, datetime):
            continue
        heading = next(
            (p for p in a.paragraphs if p.start > e.stamp.start and p.end <= e.span.end), None
        )
        if heading is None:
            continue
        text = a.text[heading.start : heading.end]
        out.append(
            _Candidate(
                e.published.date(),
                e.published.strftime("%H:%M"),
                aid,
                heading,
                text,
                frozenset(content_stems(text)),
                False,
            )
        )
    return out


def _events(day_candidates: list[_Candidate]) -> list[list[_Candidate]]:
    """Single-link grouping of one day's sentences into events."""
    groups: list[list[_Candidate]] = []
    for c in day_candidates:
        for g in groups:
            if any(_jaccard(c.stems, o.stems) >= SAME_EVENT for o in g):
                g.append(c)
                break
        else:
            groups.append([c])
    return groups


def _representative(group: list[_Candidate]) -> _Candidate:
    """The most central sentence of an event, preferring readable lengths."""

    def score(c: _Candidate) -> tuple[float, int]:
        central = sum(_jaccard(c.stems, o.stems) for o in group if o is not c)
        too_long = len(c.text.split()) > LONG_WORDS
        # a sentence that dates two events tells this one less plainly
        return (central - too_long - 0.5 * (c.dates - 1), -len(c.text))

    return max(group, key=score)


def build_timeline(story: Story) -> list[TimelineEntry]:
    """Dated events of an analysed story, oldest first."""
    by_day: dict[date, list[_Candidate]] = defaultdict(list)
    for aid, ann in story.analysed():
        for c in candidates(aid, ann):
            by_day[c.day].append(c)
    entries: list[TimelineEntry] = []
    for day in sorted(by_day):
        groups = _events(by_day[day])
        groups.sort(key=lambda g: (-len({c.article for c in g}), -len(g)))
        for g in groups[:PER_DAY]:
            rep = _representative(g)
            cites = []
            seen: set[tuple[str, int]] = set()
            for c in [rep, *g]:
                if (c.article, c.span.start) not in seen:
                    seen.add((c.article, c.span.start))
                    cites.append(Citation(c.article, c.span))
            times = sorted(c.time for c in g if c.time)
            entries.append(
                TimelineEntry(
                    day,
                    times[0] if times else None,
                    rep.text,
                    tuple(cites),
                    inferred=all(c.inferred for c in g),
                )
            )
    entries.sort(key=lambda e: (e.date, e.time or ""))
    return entries

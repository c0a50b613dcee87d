"""Where each figure comes from, and how many distinct origins stand behind a claim.

Five outlets that repeat "more than 40 boats" from one Coastal Authority statement are one
origin, not five confirmations. A figure's source is the one its article gives: the
attribution whose content holds it ("the Coastal Authority said more than 40 boats sank";
"…, according to the harbour police"; a quotation's speaker), else the one source the
paragraph attributes its figures to before it ("The authority said …. Crews used 12
pumps."). A claim's origins are its reports' sources, one spelling of each (Coastal
Authority / CA), syndicated copies counted once; an outlet that names no source stands
behind its figure itself, and the verdict's reason counts it as its own origin.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace

from newsweave.analyze.cues import FINDING_NOUNS
from newsweave.analyze.speakers import (
    GROUP_PRONOUNS,
    PERSON_PRONOUNS,
    same_speaker,
    speaker_key,
)
from newsweave.model import AnnotatedArticle, Attribution, Claim, Report, Span, Story

# Words a description starts with that do not tell one source from another.
_DETERMINERS = frozenset({"a", "an", "the", "some", "several", "two", "three"})


def _holding(attributions: Sequence[Attribution], span: Span) -> list[Attribution]:
    return [
        a
        for a in attributions
        if a.source and not a.view and a.span.start <= span.start and span.end <= a.span.end
    ]


def _paragraph_of(ann: AnnotatedArticle, at: int) -> Span | None:
    return next((p for p in ann.article.paragraphs if p.start <= at < p.end), None)


def _extent_end(a: Attribution) -> int:
    """Where an attribution ends: its content, its source's mention or its cue, the last."""
    return max(x.end for x in (a.span, a.source_span, a.cue_span) if x is not None)


def _finding_alone(a: Attribution) -> bool:
    """A finding with no maker named ("according to information available now", "according
    to reports"): it says where a figure was read, not who stands behind it."""
    words = [w for w in (a.source or "").lower().split() if w not in _DETERMINERS]
    return len(words) == 1 and words[0] in FINDING_NOUNS


def _sourced(a: Attribution) -> bool:
    """An attribution that names its source: not a pronoun left unresolved ("he"), nor a
    finding with no maker ("information")."""
    source = (a.source or "").lower()
    pronoun = source in PERSON_PRONOUNS | GROUP_PRONOUNS
    return bool(source) and not pronoun and not _finding_alone(a)


def figure_source(ann: AnnotatedArticle, span: Span) -> str | None:
    """The source an article gives for the figure at ``span``, or None when it gives none."""
    held = _holding(ann.attributions, span)
    holding = [a for a in held if _sourced(a)]
    if holding:
        return min(holding, key=lambda a: a.span.end - a.span.start).source
    if any(_finding_alone(a) for a in held):
        return None  # "…, according to information available now": read, not sourced
    paragraph = _paragraph_of(ann, span.start)
    if paragraph is None:
        return None
    # The paragraph goes on with what one named source said in a sentence before the
    # figure's: a figure in the attribution's own sentence but outside its content is the
    # reporter's ("…,” said Ines, 45, a resident": the age is no word of hers).
    sentence = next((s.start for s in ann.sentences if s.start <= span.start < s.end), span.start)
    before = [
        a
        for a in ann.attributions
        if a.named
        and a.source
        and not a.view  # a view held ("backs the plan") gives no figure its origin
        and paragraph.start <= a.span.start
        and _extent_end(a) <= sentence
    ]
    sources = {speaker_key(a.source) for a in before}
    return before[-1].source if len(sources) == 1 else None


def _same(a: str, b: str) -> bool:
    if same_speaker(a, b):
        return True
    ka, kb = _description_key(a), _description_key(b)
    if ka == kb:
        return True
    # A headline's bare "union" and the text's "the firefighters' union": one head noun, and
    # the shorter's words all in the longer.
    wa, wb = ka.split(), kb.split()
    short, long = sorted((wa, wb), key=len)
    return bool(short) and short[-1] == long[-1] and set(short) <= set(long)


def _description_key(s: str) -> str:
    words = [w for w in s.lower().split() if w not in _DETERMINERS]
    return " ".join(words)


def distinct(sources: Sequence[str]) -> list[str]:
    """One name for each distinct source, the fullest spelling, in order of first report.
    A source joins a group only when it is the same as each of its members, so that "police"
    never joins "the harbour police" to "the city police"."""
    groups: list[list[str]] = []
    for s in sources:
        for g in groups:
            if all(_same(s, t) for t in g):
                g.append(s)
                break
        else:
            groups.append([s])
    return [max(g, key=lambda s: (len(s.split()), len(s))) for g in groups]


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def origins_why(
    reports: Sequence[Report], origins: Sequence[str], copies: Mapping[str, str]
) -> str:
    """ "5 outlets, 1 origin: US Central Command"; an outlet that names no source is one
    origin of its own ("3 outlets, 2 origins: the harbour police (a1, a2); a3 names none")."""
    outlets = sorted({r.article for r in reports})
    named = {r.article for r in reports if r.source}
    silent = [a for a in outlets if a not in named and copies.get(a) not in outlets]
    parts = []
    for o in origins:
        backing = sorted({r.article for r in reports if r.source and _same(r.source, o)})
        parts.append(f"{o} ({', '.join(backing)})" if len(origins) + len(silent) > 1 else o)
    if silent:
        names = " and ".join([", ".join(silent[:-1]), silent[-1]] if len(silent) > 1 else silent)
        parts.append(f"{names} name{'s' if len(silent) == 1 else ''} none")
    total = len(origins) + len(silent)
    return f"{_plural(len(outlets), 'outlet')}, {_plural(total, 'origin')}: {'; '.join(parts)}"


def with_origins(claims: Sequence[Claim], story: Story) -> list[Claim]:
    """The claims of an analysed story with each report's source, each claim's distinct
    origins, and the count of outlets and origins added to the verdict's reason (a syndicated
    copy, ``story.copies``, repeats its original's source)."""
    by_id = dict(story.analysed())
    copies = story.copies
    out = []
    for c in claims:
        reports = tuple(
            replace(r, source=figure_source(by_id[r.article], r.span)) if r.article in by_id else r
            for r in c.reports
        )
        # A copy repeats its original's source: counted once.
        kept = [r for r in reports if copies.get(r.article) not in {x.article for x in reports}]
        origins = tuple(distinct([r.source for r in kept if r.source]))
        why = f"{c.why.rstrip(' .')}. {origins_why(reports, origins, copies)}."
        out.append(replace(c, reports=reports, origins=origins, why=why))
    return out
